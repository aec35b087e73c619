import Foundation
import Hummingbird
import Knowledge
import Mustache
import Store

/// The dashboard's pages: server-rendered with Mustache (which escapes every value), charts
/// drawn in SVG by /static/app.js from the JSON API.
struct DashboardRoutes: Sendable {
    let store: MarsadStore
    let library: MustacheLibrary
    let options: WebOptions

    static func html(_ body: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    func render(_ template: String, _ context: [String: Any]) throws -> Response {
        guard let body = library.render(context, withTemplate: template) else { throw APIError(status: .internalServerError, message: "template \(template) is missing") }
        return Self.html(body)
    }

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try events(request) }
        router.get("/documents") { request, _ in
            let q = QueryParameters(request: request, options: options)
            let query = try q.string("q")
            let page = try store.documents(DocumentFilter(query: query, limit: try q.limit(), offset: try q.offset()))
            return try render("documents", ["title": "المقالات", "page": "documents", "q": query ?? "", "total": page.total,
                                            "documents": page.items.map { ["id": $0.id, "title": $0.title as Any, "source": $0.source, "published": $0.published ?? "",
                                                                          "outlet": $0.outlet ?? "", "events": $0.events] }])
        }
        router.get("/documents/:id") { _, context in
            guard let id = context.parameters.get("id"), id.count == 64, id.allSatisfy(\.isHexDigit) else { throw APIError.badRequest("bad document id") }
            guard let document = try store.document(id: id) else { throw APIError.notFound("no document \(id)") }
            let reader = try DocumentReader(text: document.text, json: document.result)
            return try render("document", ["title": document.summary.title ?? document.summary.source, "page": "document",
                                           "source": document.summary.source, "published": document.summary.published ?? "",
                                           "outlet": document.summary.outlet ?? "", "pieces": reader.pieces(), "events": reader.events()])
        }
        router.get("/actors/:id") { _, context in
            guard let id = context.parameters.get("id").flatMap(Int64.init), id > 0 else { throw APIError.badRequest("bad actor id") }
            guard let detail = try store.actor(id: id) else { throw APIError.notFound("no actor \(id)") }
            let actor = detail.actor
            return try render("actor", ["title": actor.name, "page": "actor", "id": actor.id, "name": actor.name, "name_en": actor.nameEn ?? "",
                                        "type": actor.type, "country": actor.country ?? "", "cameo": actor.cameo ?? "", "kb": actor.kb ?? "",
                                        "documents": actor.documents ?? 0, "event_count": actor.events ?? 0,
                                        "partners": detail.partners.map { ["id": $0.actor.id, "name": $0.actor.name, "events": $0.events] },
                                        "events": detail.events.map(Self.eventRow)])
        }
        router.get("/timeline") { _, _ in
            try render("chart", ["title": "الخط الزمني", "page": "timeline", "help": "عدد الأحداث في كل يوم بحسب النوع."])
        }
        router.get("/network") { _, _ in
            try render("chart", ["title": "شبكة الفاعلين", "page": "network", "help": "الفاعلون والأحداث بينهم؛ سمك الخط بعدد الأحداث ولونه بنوعها."])
        }
        router.get("/map") { _, _ in
            try render("chart", ["title": "الخريطة", "page": "map", "help": "أماكن الأحداث في الشرق الأوسط وشمال أفريقيا (إسقاط متساوي المسافات)."])
        }
        router.get("/static/:file") { _, context in
            guard let file = context.parameters.get("file"), ["app.js", "style.css"].contains(file),
                  let url = Bundle.module.url(forResource: file, withExtension: nil, subdirectory: "Resources/static"),
                  let data = try? Data(contentsOf: url) else { throw APIError.notFound("no such file") }
            let type = file.hasSuffix(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8"
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"], body: .init(byteBuffer: ByteBuffer(data: data)))
        }
    }

    func events(_ request: Request) throws -> Response {
        let q = QueryParameters(request: request, options: options)
        let filter = EventFilter(type: try q.eventType(), country: try q.country(), from: try q.date("from"), to: try q.date("to"),
                                 modality: try q.modality(), limit: try q.limit(), offset: try q.offset())
        let page = try store.events(filter)
        func link(offset: Int) -> String {
            var items = [URLQueryItem(name: "offset", value: String(offset)), URLQueryItem(name: "limit", value: String(filter.limit))]
            for (name, value) in [("type", filter.type), ("country", filter.country), ("from", filter.from), ("to", filter.to), ("modality", filter.modality)] {
                if let value { items.append(URLQueryItem(name: name, value: value)) }
            }
            var components = URLComponents()
            components.path = "/"
            components.queryItems = items
            return components.string ?? "/"
        }
        return try render("events", [
            "title": "الأحداث", "page": "events", "total": page.total,
            "from": filter.from ?? "", "to": filter.to ?? "", "country": filter.country ?? "",
            "types": PloverType.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == filter.type] },
            "modalities": Modality.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == filter.modality] },
            "events": page.items.map(Self.eventRow),
            "previous": filter.offset > 0 ? link(offset: max(0, filter.offset - filter.limit)) : false,
            "next": filter.offset + page.items.count < page.total ? link(offset: filter.offset + filter.limit) : false,
        ])
    }

    static func eventRow(_ event: FusedEventRecord) -> [String: Any] {
        func actor(_ a: ActorRecord?) -> Any { a.map { ["id": $0.id, "name": $0.name] } ?? false }
        return ["type": event.type, "mode": event.mode ?? "", "cameo": event.cameo ?? "", "date": event.date ?? "",
                "source": actor(event.source), "target": actor(event.target), "location": event.location.map { ["name": $0.name] } ?? false,
                "fatalities": event.fatalities.map(String.init) ?? "", "contested": event.contested,
                "reports": event.reports.map { ["document": $0.document, "event": $0.event, "modality": $0.modality, "trigger": ["text": $0.trigger.text ?? ""]] }]
    }
}
