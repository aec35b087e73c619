import Foundation
import Testing

/// `marsad ingest` killed with SIGKILL at random points and restarted: the store ends with every
/// document exactly once and no half-written extraction.
@Suite struct DurabilityTests {
    static let actors = ["قوات حفتر", "حكومة الوفاق", "روسيا", "تركيا", "مصر", "الإمارات", "فرنسا", "الجزائر"]
    static let acts = ["قصفت A مواقع B", "اتهمت A B بخرق الهدنة", "التقى وفد من A وفدا من B", "دعت A B إلى الحوار"]

    @Test(.timeLimit(.minutes(10))) func killedIngestsResumeWithoutLossOrDuplicates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var random = SystemRandomNumberGenerator()
        var lines: [String] = []
        let count = 240
        for n in 0..<count {
            var text = "تقرير \(n)."
            for k in 0..<5 {
                let a = Self.actors[(n + k) % Self.actors.count], b = Self.actors[(n * 3 + k + 1) % Self.actors.count]
                text += " " + Self.acts[(n + k) % Self.acts.count].replacingOccurrences(of: "A", with: a).replacingOccurrences(of: "B", with: b) + " يوم \(1 + (n + k) % 28) مارس 2020."
            }
            let object = try JSONSerialization.data(withJSONObject: ["id": "d\(n)", "text": text])
            lines.append(String(decoding: object, as: UTF8.self))
        }
        let corpus = dir.appendingPathComponent("news.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: corpus)
        let db = dir.appendingPathComponent("store.sqlite").path

        var kills = 0
        for _ in 0..<12 {
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["ingest", "--db", db, corpus.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.8...2.5, using: &random))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { break }
        }
        let finish = try CommandRunner.run(["ingest", "--db", db, corpus.path])
        #expect(finish.status == 0)
        #expect(kills > 0, "no ingest was killed mid-way: make the corpus larger")

        // Every document once, each with exactly the reports its stored extraction lists.
        let exported = try CommandRunner.run(["export", "--db", db, "--format", "jsonl"]).stdout.split(separator: "\n")
        #expect(exported.count == count)
        var ids = Set<String>()
        var events = 0
        for line in exported {
            let document = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            ids.insert(try #require((document["document"] as? [String: Any])?["id"] as? String))
            events += (document["events"] as? [Any])?.count ?? 0
        }
        #expect(ids.count == count)
        let csv = try CommandRunner.run(["export", "--db", db, "--format", "csv"]).stdout.split(separator: "\n").dropFirst()
        let reports = csv.reduce(0) { total, row in
            let fields = row.split(separator: ",", omittingEmptySubsequences: false)
            return total + (fields.count > 15 ? Int(fields[15]) ?? 0 : 0)
        }
        #expect(reports == events, "fused events list as many reports as the documents have events")
    }
}
