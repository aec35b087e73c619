import ArabicText
import Extraction
import Foundation
import Ingest
import PostgresStore
import Store
import StoreTesting
import Testing

/// What only the PostgreSQL store does, or must do as SQLite does: the same answers for the same
/// documents, fusion under concurrent writers, and the job queue.
@Suite(.enabled(if: TestBackend.postgresURL != nil, TestBackend.skipped))
struct PostgresStoreTests {
    static let extractor = Result { try DocumentExtractor.bundled() }

    func result(_ text: String, published: String, outlet: String? = nil) throws -> DocumentResult {
        try Self.extractor.get().extract(article(text, published: published, outlet: outlet))
    }

    func article(_ text: String, published: String, outlet: String? = nil) -> Article {
        Article(text: text, id: ArticleParser.documentID(text), source: "test-\(text.unicodeScalars.count)", published: CalendarDate(iso: published),
                outlet: outlet)
    }

    static let texts = [
        ("قصفت قوات حفتر مطار معيتيقة في طرابلس أمس، ما أدى إلى مقتل 3 مدنيين.", "2020-02-20", "أ"),
        ("وقالت مصادر محلية إن قوات حفتر قصفت مطار معيتيقة الأربعاء وقتل 4 مدنيين.", "2020-02-20", "ب"),
        ("ونفى أحمد المسماري أن تكون قوات حفتر قد قصفت مستشفى في طرابلس أمس.", "2020-04-07", "أ"),
        ("استقبل الرئيس التركي رجب طيب أردوغان فائز السراج في أنقرة أمس.", "2019-11-28", "ج"),
        ("التقى فائز السراج الرئيس التركي رجب طيب أردوغان في إسطنبول، وبحثا الوضع في ليبيا.", "2019-12-15", "ب"),
        ("أعلنت الإمارات دعمها للمبادرة المصرية لوقف إطلاق النار في ليبيا.", "2020-06-07", "ج"),
    ]

    @Test func answersAsTheSQLiteStoreDoesForTheSameDocuments() async throws {
        let results = try Self.texts.map { try result($0.0, published: $0.1, outlet: $0.2) }
        try await TestBackend.sqlite.withStore { sqlite in
            try await TestBackend.postgres.withStore { postgres in
                for result in results {
                    try await sqlite.ingest(result, extractor: "a")
                    try await postgres.ingest(result, extractor: "a")
                }
                func json(_ value: some Encodable) throws -> String {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    return String(decoding: try encoder.encode(value), as: UTF8.self)
                }
                #expect(try await sqlite.counts() == postgres.counts())
                #expect(try json(await sqlite.events(EventFilter(limit: 100))) == json(await postgres.events(EventFilter(limit: 100))))
                #expect(try json(await sqlite.events(EventFilter(country: "TUR", modality: "asserted")))
                        == json(await postgres.events(EventFilter(country: "TUR", modality: "asserted"))))
                #expect(try json(await sqlite.documents(DocumentFilter(query: "السراج"))) == json(await postgres.documents(DocumentFilter(query: "السراج"))))
                #expect(try await postgres.documents(DocumentFilter(query: "الامارات")).total == 1)
                #expect(try json(await sqlite.actors(query: nil, limit: 100, offset: 0)) == json(await postgres.actors(query: nil, limit: 100, offset: 0)))
                #expect(try json(await sqlite.network(from: nil, to: nil)) == json(await postgres.network(from: nil, to: nil)))
                #expect(try json(await sqlite.timeline(actor: nil)) == json(await postgres.timeline(actor: nil)))
                let sarraj = try #require(try await postgres.actors(query: "السراج", limit: 1).items.first)
                #expect(try json(await sqlite.actor(id: sarraj.id)) == json(await postgres.actor(id: sarraj.id)))
                let id = results[0].document.id
                #expect(try await sqlite.document(id: id)?.result == postgres.document(id: id)?.result)
                var exported: [String] = []
                try await postgres.forEachResult { exported.append($0) }
                #expect(exported.count == results.count)
            }
        }
    }

    @Test func concurrentWritersFuseReportsOfOneStrikeIntoOneEvent() async throws {
        let reports = try (1...8).map { n in
            try result("أفادت مصادر محلية بأن قوات حفتر قصفت مطار معيتيقة في طرابلس أمس الأربعاء، وفق الرواية رقم \(n).", published: "2020-02-20")
        }
        try await TestBackend.withPostgres { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for report in reports { group.addTask { try await store.ingest(report, extractor: "a") } }
                try await group.waitForAll()
            }
            let strikes = try await store.events(EventFilter(type: "ASSAULT")).items.filter { $0.source?.kb == "org:lna" }
            #expect(strikes.count == 1)
            #expect(strikes.first?.reportCount == 8)
            #expect(try await store.counts().documents == 8)
        }
    }

    @Test func theQueueLeasesEachJobOnceRetriesWithBackoffAndRecordsFailures() async throws {
        let articles = [
            article("قصفت قوات حفتر مطار معيتيقة في طرابلس أمس.", published: "2020-02-20"),
            article("التقى فائز السراج الرئيس التركي في إسطنبول.", published: "2019-12-15"),
            article("أعلنت الإمارات دعمها للمبادرة المصرية.", published: "2020-06-07"),
        ]
        try await TestBackend.withPostgres { store in
            #expect(try await store.enqueue(articles) == 3)
            #expect(try await store.enqueue(articles) == 0)
            let first = try await store.claim(worker: "a", limit: 2)
            let second = try await store.claim(worker: "b", limit: 2)
            #expect(first.map(\.article.id) == articles[0...1].map(\.id))
            #expect(second.map(\.article.id) == [articles[2].id])
            #expect(try await store.claim(worker: "c").isEmpty)

            let extractor = try Self.extractor.get()
            #expect(try await store.complete(first[0], result: extractor.extract(first[0].article), extractor: "a") == .added)
            #expect(try await store.counts().documents == 1)

            // A failure puts the job back after a backoff; at the last attempt it fails for good.
            try await store.fail(first[1], error: "disk on fire", maxAttempts: 2)
            #expect(try await store.claim(worker: "c").isEmpty)
            #expect(try await store.jobs(state: .queued, limit: 10, offset: 0).items.first?.error == "disk on fire")

            // A worker that dies leaves a lease that runs out; the job goes to the next worker.
            let leased = try await store.claim(worker: "d", lease: .seconds(0))
            #expect(leased.isEmpty)
            try await store.fail(second[0], error: "killed", maxAttempts: 1)
            let failed = try await store.jobs(state: .failed, limit: 10, offset: 0)
            #expect(failed.items.map(\.document) == [articles[2].id])
            #expect(failed.items.first?.error == "killed")
            #expect(try await store.jobCounts() == [.done: 1, .queued: 1, .failed: 1])
        }
    }

    @Test func aJobWhoseLeaseRanOutGoesToTheNextWorkerAndIsStoredOnce() async throws {
        let text = "قصفت قوات حفتر مطار معيتيقة في طرابلس أمس."
        try await TestBackend.withPostgres { store in
            #expect(try await store.enqueue([article(text, published: "2020-02-20")]) == 1)
            let dead = try #require(try await store.claim(worker: "dead", lease: .seconds(0)).first)
            try await Task.sleep(for: .milliseconds(20))
            let next = try #require(try await store.claim(worker: "alive").first)
            #expect(next.id == dead.id)
            #expect(next.attempt == 2)
            let extractor = try Self.extractor.get()
            #expect(try await store.complete(next, result: extractor.extract(next.article), extractor: "a") == .added)
            // The dead worker wakes up and finishes too: the document is not stored twice.
            #expect(try await store.complete(dead, result: extractor.extract(dead.article), extractor: "a") == .unchanged)
            let counts = try await store.counts()
            #expect(counts.documents == 1)
            #expect(try await store.jobs(state: .done, limit: 10, offset: 0).items.first?.worker == "alive")
        }
    }

    @Test func aBadURLOrAnUnreachableServerIsAClearError() async throws {
        await #expect(throws: StoreError.self) { try await PostgresStore(url: "postgres:///nohost") }
        let error = await #expect(throws: StoreError.self) { try await PostgresStore(url: "postgres://nobody:secret@127.0.0.1:1/none") }
        #expect(error?.reason.contains("secret") == false)
    }
}
