import ArabicText
import Extraction
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Store
import StoreTesting
import Testing
@testable import Web

@Suite struct WebServerTests {
    static let extractor = Result { try DocumentExtractor.bundled() }

    /// A store of the engine with two articles, served with the token "secret"; the body gets the router.
    func withServer(_ backend: TestBackend = .sqlite, options: WebOptions = WebOptions(token: "secret"),
                    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await backend.withStore { store in
            let extractor = try Self.extractor.get()
            for article in Self.fixtures { try await store.ingest(extractor.extract(article), extractor: DocumentExtractor.version) }
            let router = try await WebServer.router(store: store, extractor: extractor, options: options)
            let app = Application(router: router)
            try await app.test(.router) { client in try await body(client) }
        }
    }

    /// Two articles; one holds markup.
    static let fixtures = [("قصفت قوات حفتر مطار معيتيقة في طرابلس أمس، ما أدى إلى مقتل 3 مدنيين.", "2020-02-20"),
                           ("استقبل الرئيس التركي رجب طيب أردوغان فائز السراج في أنقرة أمس. <script>alert(1)</script>", "2019-11-28")].map { text, date in
        Article(text: text, id: ArticleParser.documentID(text), source: "fixture", published: CalendarDate(iso: date), title: "خبر <b>عاجل</b>")
    }

    /// An SQLite store with the fixtures, at `url`.
    func fixtureStore(_ url: URL) throws -> MarsadStore {
        let store = try MarsadStore(path: url.path)
        let extractor = try Self.extractor.get()
        for article in Self.fixtures { try store.ingest(extractor.extract(article), extractor: DocumentExtractor.version) }
        return store
    }

    @Test func eventJSONWritesTheRecordsCodableForm() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-web-\(UUID().uuidString).sqlite")
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) } }
        let store = try fixtureStore(url)
        var page = try store.events(EventFilter(limit: 100))
        #expect(!page.items.isEmpty)
        // Strings that need escaping, and a record with every optional absent.
        page.items[0].reports[0].speaker = "قال \"لا\" \\ ثم\n\tسطر \u{1}"
        page.items.append(FusedEventRecord(id: 9, type: "AID", mode: nil, cameo: nil, date: nil, precision: nil, source: nil, target: nil, location: nil,
                                           reportCount: 0, fatalities: nil, injured: nil, contested: false, reports: []))
        var written = EventJSON()
        written.page(page)
        let expected = try JSONSerialization.jsonObject(with: APIRoutes.encoder.encode(page)) as? NSDictionary
        #expect(try JSONSerialization.jsonObject(with: Data(written.bytes)) as? NSDictionary == expected)

        let actor = try #require(page.items.compactMap(\.source).first)
        let detail = try #require(try store.actor(id: actor.id, eventLimit: 100))
        var writtenDetail = EventJSON()
        writtenDetail.detail(detail)
        let expectedDetail = try JSONSerialization.jsonObject(with: APIRoutes.encoder.encode(detail)) as? NSDictionary
        #expect(try JSONSerialization.jsonObject(with: Data(writtenDetail.bytes)) as? NSDictionary == expectedDetail)
    }

    func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    @Test(arguments: TestBackend.available) func eventsAreListedWithTheirReportsAndSecurityHeaders(_ backend: TestBackend) async throws {
        try await withServer(backend) { client in
            try await client.execute(uri: "/api/events?type=ASSAULT", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let body = try json(response.body)
                let items = try #require(body["items"] as? [[String: Any]])
                #expect(!items.isEmpty)
                #expect(items.allSatisfy { $0["type"] as? String == "ASSAULT" })
                #expect((items.first?["reports"] as? [Any])?.isEmpty == false)
            }
        }
    }

    @Test(arguments: TestBackend.available) func theJobQueueIsListedAndItsStateParameterChecked(_ backend: TestBackend) async throws {
        try await withServer(backend) { client in
            try await client.execute(uri: "/api/jobs?state=failed", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect((body["items"] as? [Any])?.isEmpty == true)
                #expect(body["total"] as? Int == 0)
            }
            try await client.execute(uri: "/api/jobs?state=lost", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect((try? json(response.body))?["error"] is String)
            }
        }
    }

    /// A store whose database cannot be reached.
    struct UnreachableStore: EventStore {
        var location: String { "postgres://db.invalid/marsad" }
        var down: StoreError { StoreError("db.invalid: the database cannot be reached", unavailable: true) }
        func extractor(of documentID: String) throws -> String? { throw down }
        func ingest(_ result: DocumentResult, extractor: String) throws -> IngestOutcome { throw down }
        func replace(_ result: DocumentResult, extractor: String) throws { throw down }
        func documentsToReprocess(currentExtractor: String?) throws -> [Article] { throw down }
        func counts() throws -> StoreCounts { throw down }
        func documents(_ filter: DocumentFilter) throws -> Page<DocumentSummary> { throw down }
        func document(id: String) throws -> StoredDocument? { throw down }
        func events(_ filter: EventFilter) throws -> Page<FusedEventRecord> { throw down }
        func actors(query: String?, limit: Int, offset: Int) throws -> Page<ActorRecord> { throw down }
        func actor(id: Int64, eventLimit: Int) throws -> ActorDetail? { throw down }
        func network(from: String?, to: String?, limit: Int) throws -> NetworkGraph { throw down }
        func timeline(actor: Int64?, type: String?) throws -> [TimelineBucket] { throw down }
        func forEachResult(_ body: (String) throws -> Void) throws { throw down }
        func jobs(state: JobState?, limit: Int, offset: Int) throws -> Page<JobRecord> { throw down }
    }

    @Test func anUnreachableStoreIsA503WithRetryAfter() async throws {
        let router = try await WebServer.router(store: UnreachableStore(), extractor: nil, options: WebOptions())
        try await Application(router: router).test(.router) { client in
            for uri in ["/api/events", "/api/documents", "/api/actors/1", "/api/jobs", "/"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(uri)")
                    #expect(response.headers[.retryAfter] == "5", "\(uri)")
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test(arguments: TestBackend.available) func malformedParametersAreJSON400s(_ backend: TestBackend) async throws {
        try await withServer(backend) { client in
            for uri in ["/api/events?from=2020-13-45", "/api/events?type=WAR", "/api/events?limit=0", "/api/events?limit=100000",
                        "/api/events?actor=abc", "/api/events?country=libya", "/api/documents/not-an-id", "/api/actors/-1",
                        "/api/events?modality=maybe", "/api/documents?q=" + String(repeating: "ا", count: 600)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    #expect((try? json(response.body))?["error"] is String, "\(uri)")
                }
            }
        }
    }

    @Test(arguments: TestBackend.available) func hostileQueriesNeverBreakTheServer(_ backend: TestBackend) async throws {
        try await withServer(backend) { client in
            let hostile = ["%22%20OR%20%2A", "%27%3B%20DROP%20TABLE%20document%3B--", "NEAR%28a%20b%29", "%25%5F%5C", "%00", "%3Cscript%3E"]
            for value in hostile {
                for path in ["/api/documents?q=", "/api/actors?q=", "/api/events?place=", "/documents?q=", "/api/documents?outlet=", "/api/jobs?state="] {
                    try await client.execute(uri: path + value, method: .get) { response in
                        #expect(response.status == .ok || response.status == .badRequest, "\(path)\(value)")
                    }
                }
            }
            try await client.execute(uri: "/api/documents", method: .get) { response in
                try #expect((json(response.body))["total"] as? Int == 2)
            }
        }
    }

    @Test(arguments: TestBackend.available) func writesNeedTheBearerToken(_ backend: TestBackend) async throws {
        try await withServer(backend) { client in
            let body = ByteBuffer(string: #"{"text": "وصل المبعوث الأممي إلى طرابلس.", "published": "2020-03-01"}"#)
            try await client.execute(uri: "/api/documents", method: .post, body: body) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/documents", method: .post, headers: [.authorization: "Bearer wrong"], body: body) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/documents", method: .post, headers: [.authorization: "Bearer secret"], body: body) { response in
                #expect(response.status == .created)
                try #expect((json(response.body))["outcome"] as? String == "added")
            }
            try await client.execute(uri: "/api/documents", method: .post, headers: [.authorization: "Bearer secret"], body: body) { response in
                #expect(response.status == .ok)
                try #expect((json(response.body))["outcome"] as? String == "unchanged")
            }
            try await client.execute(uri: "/api/documents", method: .post, headers: [.authorization: "Bearer secret"], body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test(arguments: TestBackend.available) func theDashboardEscapesArticleText(_ backend: TestBackend) async throws {
        try await withServer(backend) { client in
            let id = try await client.execute(uri: "/api/documents?q=أردوغان", method: .get) { response in
                try #require(((try json(response.body))["items"] as? [[String: Any]])?.first?["id"] as? String)
            }
            try await client.execute(uri: "/documents/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("dir=\"rtl\""))
                #expect(!html.contains("<script>alert"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(html.contains("&lt;b&gt;عاجل"))
                #expect(html.contains("class=\"trigger\""))
            }
            for page in ["/", "/documents", "/timeline", "/network", "/map", "/static/app.js", "/static/basemap.json", "/openapi.json", "/healthz"] {
                try await client.execute(uri: page, method: .get) { response in #expect(response.status == .ok, "\(page)") }
            }
        }
    }

    @Test func aClientOverItsRateLimitGets429WithRetryAfter() async throws {
        try await withServer(options: WebOptions(token: "secret", rateBurst: 5, ratePerSecond: 0.01)) { client in
            for _ in 0..<5 {
                try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/api/events", method: .get) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
            }
        }
    }

    @Test func theRateLimiterRefillsOverTime() {
        let limiter = RateLimiter(burst: 2, perSecond: 1)
        #expect(limiter.take("a", now: 0) == nil)
        #expect(limiter.take("a", now: 0) == nil)
        #expect(limiter.take("a", now: 0) != nil)
        #expect(limiter.take("b", now: 0) == nil)
        #expect(limiter.take("a", now: 1.5) == nil)
    }

    @Test func constantTimeComparisonComparesWholeTokens() {
        #expect(TokenMiddleware<MarsadRequestContext>.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!TokenMiddleware<MarsadRequestContext>.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!TokenMiddleware<MarsadRequestContext>.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!TokenMiddleware<MarsadRequestContext>.constantTimeEqual([], Array("a".utf8)))
    }
}
