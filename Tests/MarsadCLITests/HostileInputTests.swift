import Foundation
import Testing

/// Inputs a feed or an attacker may send: each gives a clear error or a correct result, never a
/// crash or a hang, and the other inputs of the same run are still extracted.
@Suite struct HostileInputTests {
    func extract(_ data: Data, suffix: String = ".txt", environment: [String: String] = [:]) throws -> (CommandRunner.Outcome, [[String: Any]]) {
        let file = try CommandRunner.temporaryFile(data, suffix: suffix)
        defer { try? FileManager.default.removeItem(at: file) }
        let outcome = try CommandRunner.run(["extract", "--format", "jsonl", "--published", "2020-02-20", file.path], environment: environment)
        let documents = outcome.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        return (outcome, documents)
    }

    @Test func utf16WithAByteOrderMarkIsRead() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "قصفت قوات حفتر مطار معيتيقة أمس.".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (outcome, documents) = try extract(Data(bytes))
        #expect(outcome.status == 0)
        #expect((documents.first?["events"] as? [Any])?.isEmpty == false)
    }

    @Test func emptyAndBinaryFilesAreRefusedByName() throws {
        for data in [Data(), Data("   \n\n".utf8), Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])] {
            let (outcome, documents) = try extract(data)
            #expect(outcome.status == 65)
            #expect(outcome.stderr.contains("marsad-test-"))
            #expect(documents.isEmpty)
        }
    }

    @Test func aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        // 3 MB against a 1 MB limit: the same path as 100 MB against the default 50 MB.
        let (outcome, _) = try extract(Data(repeating: 0x41, count: 3_000_000), environment: ["MARSAD_MAX_INPUT_BYTES": "1000000"])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("1000000"))
    }

    @Test func aLongSingleLineIsExtractedInBoundedTime() throws {
        let sentence = "قصفت قوات حفتر مطار معيتيقة، وقالت الحكومة إن 3 مدنيين قتلوا "
        let line = String(repeating: sentence, count: 4_000)  // about 500 KB, no line break, no full stop
        let started = Date()
        let (outcome, documents) = try extract(Data(line.utf8))
        #expect(outcome.status == 0)
        #expect(documents.count == 1)
        #expect(Date().timeIntervalSince(started) < 120)
    }

    @Test func latinChineseBidiControlsAndStackedMarksGiveValidOffsets() throws {
        let texts = [
            "Forces loyal to the government shelled the airport on Tuesday.",
            "政府军周二炮击了机场。 联合国呼吁停火。",
            "\u{202B}قصفت\u{202C} \u{2067}قوات حفتر\u{2069} مطار\u{200F} معيتيقة\u{200E} أمس.",
            "قَصَفَتْ" + String(repeating: "\u{0651}\u{064E}", count: 300) + " قُوَّاتُ حَفْتَر مَطَارَ مُعَيْتِيقَة.",
        ]
        for text in texts {
            let (outcome, documents) = try extract(Data(text.utf8))
            #expect(outcome.status == 0, "\(text.prefix(20))")
            let scalars = Array(text.unicodeScalars)
            for event in (documents.first?["events"] as? [[String: Any]]) ?? [] {
                let trigger = try #require(event["trigger"] as? [String: Any])
                let start = try #require(trigger["start"] as? Int), end = try #require(trigger["end"] as? Int)
                #expect(0 <= start && start <= end && end <= scalars.count)
                #expect(String(String.UnicodeScalarView(scalars[start..<end])) == trigger["text"] as? String)
            }
        }
    }

    @Test func aMalformedJSONLineIsReportedAndTheOthersExtracted() throws {
        let jsonl = """
            {"id": "a", "text": "دعت مصر والإمارات إلى وقف القتال."}
            {"id": "b", "text": "غير مكتمل
            {"id": "c", "text": "وصل الوفد إلى طرابلس."}
            [1, 2, 3]
            """
        let (outcome, documents) = try extract(Data(jsonl.utf8), suffix: ".jsonl")
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains(":2"))
        #expect(outcome.stderr.contains(":4"))
        #expect(documents.compactMap { ($0["document"] as? [String: Any])?["source"] as? String }.map { $0.split(separator: "#").last.map(String.init) } == ["a", "c"])
    }

    @Test func deeplyNestedAndBrokenHTMLIsExtracted() throws {
        let html = String(repeating: "<div><span>", count: 50_000) + "<p>قصفت قوات حفتر مطار معيتيقة أمس.</p><script>" + String(repeating: "<", count: 10_000)
        let (outcome, documents) = try extract(Data(html.utf8), suffix: ".html")
        #expect(outcome.status == 0)
        #expect(documents.count == 1)
    }
}
