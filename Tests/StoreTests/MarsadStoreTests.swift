import ArabicText
import Extraction
import Foundation
import Ingest
import StoreTesting
import Testing
@testable import Store

/// The store's behaviour, the same on both backends: SQLite always, PostgreSQL when
/// MARSAD_TEST_POSTGRES names a server (see `TestBackend`).
@Suite struct MarsadStoreTests {
    static let extractor = Result { try DocumentExtractor.bundled() }

    func result(_ text: String, published: String, outlet: String? = nil) throws -> DocumentResult {
        try Self.extractor.get().extract(Article(text: text, id: ArticleParser.documentID(text), source: "test-\(text.count)",
                                                 published: CalendarDate(iso: published), outlet: outlet))
    }

    @Test(arguments: TestBackend.available) func ingestingTheSameTextTwiceChangesNothing(_ backend: TestBackend) async throws {
        try await backend.withStore { store in
            let doc = try result("قصفت قوات حفتر مطار معيتيقة في طرابلس أمس.", published: "2020-02-20")
            #expect(try await store.ingest(doc, extractor: "a") == .added)
            let before = try await store.counts()
            #expect(try await store.ingest(doc, extractor: "a") == .unchanged)
            #expect(try await store.counts() == before)
            #expect(before.documents == 1)
            #expect(before.events >= 1)
        }
    }

    @Test(arguments: TestBackend.available) func aNewExtractionReplacesTheOldResults(_ backend: TestBackend) async throws {
        try await backend.withStore { store in
            let doc = try result("قصفت قوات حفتر مطار معيتيقة في طرابلس أمس.", published: "2020-02-20")
            try await store.ingest(doc, extractor: "a")
            let before = try await store.counts()
            #expect(try await store.ingest(doc, extractor: "b") == .replaced)
            #expect(try await store.counts() == before)
            #expect(try await store.documentsToReprocess(currentExtractor: "b").isEmpty)
            #expect(try await store.documentsToReprocess(currentExtractor: "c").count == 1)
        }
    }

    @Test(arguments: TestBackend.available) func twoArticlesReportingOneStrikeGiveOneFusedEventWithTwoReports(_ backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await store.ingest(try result("قصفت قوات حفتر مطار معيتيقة في طرابلس أمس، ما أدى إلى مقتل 3 مدنيين.", published: "2020-02-20", outlet: "أ"),
                             extractor: "a")
            try await store.ingest(try result("وقالت مصادر محلية إن قوات حفتر قصفت مطار معيتيقة الأربعاء وقتل 4 مدنيين.", published: "2020-02-20", outlet: "ب"),
                             extractor: "a")
            let assaults = try await store.events(EventFilter(type: "ASSAULT"))
            let strike = try #require(assaults.items.first { $0.source?.kb == "org:lna" })
            #expect(strike.reportCount == 2)
            #expect(Set(strike.reports.compactMap(\.outlet)) == ["أ", "ب"])
            #expect(strike.fatalities == 4)
            #expect(assaults.items.filter { $0.source?.kb == "org:lna" }.count == 1)
        }
    }

    @Test(arguments: TestBackend.available) func reportsWeeksApartStayTwoEvents(_ backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await store.ingest(try result("قصفت قوات حفتر مطار معيتيقة في طرابلس أمس.", published: "2020-02-20"), extractor: "a")
            try await store.ingest(try result("قصفت قوات حفتر مطار معيتيقة في طرابلس أمس.\n", published: "2020-03-20"), extractor: "a")
            let assaults = try await store.events(EventFilter(type: "ASSAULT")).items.filter { $0.source?.kb == "org:lna" }
            #expect(assaults.count == 2)
        }
    }

    @Test(arguments: TestBackend.available) func aDenialMakesTheFusedEventContested(_ backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await store.ingest(try result("وقالت حكومة الوفاق إن قوات حفتر قصفت مستشفى في طرابلس أمس.", published: "2020-04-07"), extractor: "a")
            try await store.ingest(try result("ونفى أحمد المسماري أن تكون قوات حفتر قد قصفت مستشفى في طرابلس أمس.", published: "2020-04-07"), extractor: "a")
            let strike = try #require(try await store.events(EventFilter(type: "ASSAULT")).items.first { $0.source?.kb == "org:lna" })
            #expect(strike.contested)
            #expect(Set(strike.reports.map(\.modality)) == ["asserted", "denied"])
        }
    }

    @Test(arguments: TestBackend.available) func searchFindsArabicWhateverItsSpellingAndIgnoresQueryOperators(_ backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await store.ingest(try result("أعلنت الإمارات دعمها للمبادرة المصرية.", published: "2020-06-07"), extractor: "a")
            #expect(try await store.documents(DocumentFilter(query: "الامارات")).total == 1)
            #expect(try await store.documents(DocumentFilter(query: "الإِمارات")).total == 1)
            #expect(try await store.documents(DocumentFilter(query: "طهران")).total == 0)
            for hostile in ["\"", "الإمارات\" OR \"", "* NEAR(", "'; DROP TABLE document; --", "%_\\"] {
                _ = try await store.documents(DocumentFilter(query: hostile))
                _ = try await store.actors(query: hostile)
            }
            #expect(try await store.counts().documents == 1)
        }
    }

    @Test(arguments: TestBackend.available) func actorsAreOneAcrossDocumentsAndFormANetwork(_ backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await store.ingest(try result("استقبل الرئيس التركي رجب طيب أردوغان فائز السراج في أنقرة أمس.", published: "2019-11-28"), extractor: "a")
            try await store.ingest(try result("التقى فائز السراج الرئيس التركي رجب طيب أردوغان في إسطنبول.", published: "2019-12-15"), extractor: "a")
            let sarraj = try #require(try await store.actors(query: "السراج").items.first)
            #expect(sarraj.documents == 2)
            let detail = try #require(try await store.actor(id: sarraj.id))
            #expect(detail.partners.contains { $0.actor.kb == "per:recep-erdogan" })
            let graph = try await store.network()
            #expect(graph.edges.contains { $0.type == "CONSULT" })
            #expect(try await !store.timeline(actor: sarraj.id).isEmpty)
        }
    }

    @Test func csvQuotesFieldsAndGraphMLEscapesMarkup() {
        #expect(Exports.csvField("a,b") == "\"a,b\"")
        #expect(Exports.csvField("قال \"لا\"") == "\"قال \"\"لا\"\"\"")
        #expect(Exports.csvField("بسيط") == "بسيط")
        #expect(Exports.xml("<b>&\"'\u{0}") == "&lt;b&gt;&amp;&quot;&apos;")
    }
}
