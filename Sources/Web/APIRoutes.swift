import ArabicText
import Extraction
import Foundation
import Hummingbird
import Ingest
import Store

/// The JSON API over a store (described by /openapi.json).
struct APIRoutes: Sendable {
    let store: any EventStore
    let extractor: DocumentExtractor?
    let options: WebOptions

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        // Records name their snake_case keys themselves: a key strategy would rewrite every key of every response.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The bundled OpenAPI document, read once.
    static let openAPI: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        .flatMap { try? Data(contentsOf: $0) }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(raw: try encoder.encode(value), status: status)
    }

    static func json(bytes: [UInt8]) -> Response { json(ByteBuffer(bytes: bytes)) }

    static func json(raw: Data, status: HTTPResponse.Status = .ok) -> Response { json(ByteBuffer(data: raw), status: status) }

    private static func json(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    func add(to router: Router<MarsadRequestContext>) {
        router.get("/healthz") { _, _ in try Self.json(["status": "ok"]) }
        router.get("/openapi.json") { _, _ in
            guard let data = Self.openAPI else { throw APIError.notFound("no OpenAPI document bundled") }
            return Self.json(raw: data)
        }
        router.get("/api/documents") { request, _ in
            let q = QueryParameters(request: request, options: options)
            let filter = DocumentFilter(query: try q.string("q"), from: try q.date("from"), to: try q.date("to"), outlet: try q.string("outlet"),
                                        limit: try q.limit(), offset: try q.offset())
            return try Self.json(try await store.documents(filter))
        }
        router.get("/api/documents/:id") { _, context in
            let id = try context.documentID()
            guard let document = try await store.document(id: id) else { throw APIError.notFound("no document \(id)") }
            var body = Data("{\"document\":".utf8)
            body.append(try Self.encoder.encode(document.summary))
            body.append(Data(",\"extraction\":".utf8))
            body.append(Data(document.result.utf8))
            body.append(Data(",\"text\":".utf8))
            body.append(try Self.encoder.encode(document.text))
            body.append(Data("}".utf8))
            return Self.json(raw: body)
        }
        router.get("/api/events") { request, _ in
            let q = QueryParameters(request: request, options: options)
            let filter = EventFilter(type: try q.eventType(), actor: try q.integer("actor", in: 1...Int(Int32.max)).map(Int64.init),
                                     country: try q.country(), from: try q.date("from"), to: try q.date("to"), place: try q.string("place"),
                                     modality: try q.modality(), limit: try q.limit(), offset: try q.offset())
            var json = EventJSON()
            json.page(try await store.events(filter))
            return Self.json(bytes: json.bytes)
        }
        router.get("/api/actors") { request, _ in
            let q = QueryParameters(request: request, options: options)
            return try Self.json(try await store.actors(query: try q.string("q"), limit: try q.limit(), offset: try q.offset()))
        }
        router.get("/api/actors/:id") { _, context in
            let id = try context.actorID()
            guard let actor = try await store.actor(id: id) else { throw APIError.notFound("no actor \(id)") }
            var json = EventJSON()
            json.detail(actor)
            return Self.json(bytes: json.bytes)
        }
        router.get("/api/network") { request, _ in
            let q = QueryParameters(request: request, options: options)
            return try Self.json(try await store.network(from: try q.date("from"), to: try q.date("to"), limit: try q.integer("limit", in: 1...5000) ?? 500))
        }
        router.get("/api/timeline") { request, _ in
            let q = QueryParameters(request: request, options: options)
            return try Self.json(["buckets": try await store.timeline(actor: try q.integer("actor", in: 1...Int(Int32.max)).map(Int64.init), type: try q.eventType())])
        }
        router.get("/api/jobs") { request, _ in
            let q = QueryParameters(request: request, options: options)
            return try Self.json(try await store.jobs(state: try q.jobState(), limit: try q.limit(), offset: try q.offset()))
        }
        router.post("/api/documents") { request, context in
            try await ingest(request, context)
        }
    }

    /// The body of POST /api/documents.
    struct NewDocument: Decodable {
        var text: String
        var title: String?
        var published: String?
        var outlet: String?
        var source: String?
    }

    struct Ingested: Encodable {
        var id: String
        var outcome: IngestOutcome
        var events: Int
    }

    func ingest(_ request: Request, _ context: MarsadRequestContext) async throws -> Response {
        guard let extractor else { throw APIError(status: .serviceUnavailable, message: "this server does not extract") }
        let body = try await request.body.collect(upTo: options.maxBodyBytes)
        let document: NewDocument
        do {
            document = try JSONDecoder().decode(NewDocument.self, from: Data(buffer: body))
        } catch {
            throw APIError.badRequest("the body must be a JSON object with a string field \"text\" (and optional title, published, outlet, source)")
        }
        let text = document.text.replacingOccurrences(of: "\r\n", with: "\n")
        guard !text.unicodeScalars.allSatisfy({ ScalarClass.isWhitespace($0.value) }) else { throw APIError.badRequest("text is empty") }
        guard !text.unicodeScalars.contains(where: { $0.value == 0 }) else { throw APIError.badRequest("text contains NUL characters") }
        var published: CalendarDate?
        if let value = document.published {
            guard let date = ArticleParser.date(value) else { throw APIError.badRequest("published must be a date written YYYY-MM-DD") }
            published = date
        }
        let id = ArticleParser.documentID(text)
        let article = Article(text: text, id: id, source: document.source ?? "api", published: published, outlet: document.outlet, title: document.title)
        let result = extractor.extract(article)
        let outcome = try await store.ingest(result, extractor: DocumentExtractor.version)
        return try Self.json(Ingested(id: id, outcome: outcome, events: result.events.count), status: outcome == .unchanged ? .ok : .created)
    }
}
