import Foundation
import Testing

@Suite struct ExtractCommandTests {
    func documents(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func jsonlPrintsOneDocumentPerArticleInInputOrder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("استقبل الرئيس التونسي وزير الخارجية الجزائري أمس.".utf8).write(to: directory.appendingPathComponent("b.txt"))
        try Data("<html><body><article><p>قصفت قوات حفتر مطار معيتيقة.</p></article></body></html>".utf8).write(to: directory.appendingPathComponent("a.html"))
        try Data("""
        {"id": "x7", "text": "اتهمت الحكومة الليبية تركيا بإرسال مرتزقة.", "published": "2020-01-05", "outlet": "وكالة"}
        {"text": "وصل الوفد."}

        """.utf8).write(to: directory.appendingPathComponent("c.jsonl"))
        try Data("ignored".utf8).write(to: directory.appendingPathComponent("notes.md"))
        let result = try CommandRunner.run(["extract", "--format", "jsonl", "--published", "2020-02-20", directory.path])
        #expect(result.status == 0)
        let docs = try documents(result.stdout)
        let sources = docs.compactMap { ($0["document"] as? [String: Any])?["source"] as? String }
        #expect(sources.map { ($0 as NSString).lastPathComponent } == ["a.html", "b.txt", "c.jsonl#x7", "c.jsonl:2"])
        let first = try #require(docs.first)
        #expect(first["schema"] as? String == "marsad.document/1")
        let document = try #require(first["document"] as? [String: Any])
        #expect(document["published"] as? String == "2020-02-20")
        #expect((document["id"] as? String)?.count == 64)
        for key in ["entities", "events", "dates", "quantities", "quotes", "claims"] { #expect(first[key] is [Any]) }
        let events = try #require(first["events"] as? [[String: Any]])
        #expect(events.contains { $0["type"] as? String == "ASSAULT" })
    }

    @Test func offsetsPointIntoTheIncludedText() throws {
        let file = try CommandRunner.temporaryFile(Data("وزار رئيس الوزراء الإيطالي القاهرة أمس الثلاثاء.".utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CommandRunner.run(["extract", "--include-text", "--published", "2020-02-20", file.path])
        #expect(result.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let text = try #require((doc["document"] as? [String: Any])?["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        let event = try #require((doc["events"] as? [[String: Any]])?.first)
        let trigger = try #require(event["trigger"] as? [String: Any])
        let start = try #require(trigger["start"] as? Int), end = try #require(trigger["end"] as? Int)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == trigger["text"] as? String)
        #expect((event["date"] as? [String: Any])?["value"] as? String == "2020-02-18")
    }

    @Test func anUnreadableInputIsReportedAndTheOthersExtracted() throws {
        let good = try CommandRunner.temporaryFile(Data("غادر الوفد طرابلس.".utf8))
        let bad = try CommandRunner.temporaryFile(Data([0xD8, 0xA7, 0xC3, 0x28]))
        defer {
            try? FileManager.default.removeItem(at: good)
            try? FileManager.default.removeItem(at: bad)
        }
        let result = try CommandRunner.run(["extract", "--format", "jsonl", bad.path, good.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains(bad.path))
        #expect(try documents(result.stdout).count == 1)
    }

    @Test func aBadPublicationDateIsAUsageError() throws {
        #expect(try CommandRunner.run(["extract", "--published", "20-02-2020", "-"], stdin: Data("نص".utf8)).status == 64)
    }
}
