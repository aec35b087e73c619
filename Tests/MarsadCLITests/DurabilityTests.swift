import Foundation
import Testing

/// Processes killed with SIGKILL at random points and restarted: the store ends with every
/// document exactly once and no half-written extraction, on SQLite and on PostgreSQL.
@Suite struct DurabilityTests {
    static let actors = ["قوات حفتر", "حكومة الوفاق", "روسيا", "تركيا", "مصر", "الإمارات", "فرنسا", "الجزائر"]
    static let acts = ["قصفت A مواقع B", "اتهمت A B بخرق الهدنة", "التقى وفد من A وفدا من B", "دعت A B إلى الحوار"]

    /// The stores the tests run on: an SQLite file always, a PostgreSQL database when one is given.
    static var stores: [String] { ScratchDatabase.server == nil ? ["sqlite"] : ["sqlite", "postgres"] }

    /// A JSON Lines corpus of `count` short reports, each with five events between known actors.
    static func corpus(_ count: Int, in dir: URL) throws -> URL {
        var lines: [String] = []
        for n in 0..<count {
            var text = "تقرير \(n)."
            for k in 0..<5 {
                let a = actors[(n + k) % actors.count], b = actors[(n * 3 + k + 1) % actors.count]
                text += " " + acts[(n + k) % acts.count].replacingOccurrences(of: "A", with: a).replacingOccurrences(of: "B", with: b) + " يوم \(1 + (n + k) % 28) مارس 2020."
            }
            let object = try JSONSerialization.data(withJSONObject: ["id": "d\(n)", "text": text])
            lines.append(String(decoding: object, as: UTF8.self))
        }
        let corpus = dir.appendingPathComponent("news.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: corpus)
        return corpus
    }

    static func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test(.timeLimit(.minutes(10)), arguments: stores) func killedIngestsResumeWithoutLossOrDuplicates(_ kind: String) throws {
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = kind == "postgres" ? try ScratchDatabase() : nil
        defer { database?.drop() }
        let db = database?.url ?? dir.appendingPathComponent("store.sqlite").path
        let count = 240
        let corpus = try Self.corpus(count, in: dir)

        var random = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<12 {
            let process = try Self.start(["ingest", "--db", db, corpus.path])
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
        try Self.expectEveryDocumentOnce(db, count: count)
    }

    @Test(.timeLimit(.minutes(10)), .enabled(if: ScratchDatabase.server != nil, ScratchDatabase.skipped))
    func aWorkerKilledMidJobLosesNothing() throws {
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = try ScratchDatabase()
        defer { database.drop() }
        let count = 300
        let corpus = try Self.corpus(count, in: dir)
        let enqueued = try CommandRunner.run(["ingest", "--enqueue", "--db", database.url, corpus.path])
        #expect(enqueued.status == 0)
        #expect(enqueued.stdout.contains("\(count) enqueued"))

        let worker = ["worker", "--db", database.url, "--concurrency", "1", "--lease", "2", "--exit-when-empty"]
        let victim = try Self.start(worker + ["--name", "victim"])
        let others = try (0..<2).map { try Self.start(worker + ["--name", "steady-\($0)"]) }
        // Kill the victim once it holds a lease (it always does while jobs remain).
        var killed = false
        for _ in 0..<200 where !killed {
            Thread.sleep(forTimeInterval: 0.05)
            if try database.query("SELECT count(*) FROM job WHERE worker = 'victim' AND state = 'done'") != "0" {
                kill(victim.processIdentifier, SIGKILL)
                killed = true
            }
        }
        victim.waitUntilExit()
        #expect(killed, "the victim finished no job before the others emptied the queue")
        let restarted = try Self.start(worker + ["--name", "victim-again"])
        for process in others + [restarted] { process.waitUntilExit() }
        #expect(others.allSatisfy { $0.terminationStatus == 0 })

        #expect(try database.query("SELECT state || ':' || count(*) FROM job GROUP BY state") == "done:\(count)")
        let jobs = try CommandRunner.run(["jobs", "--db", database.url, "--json", "--limit", "1"])
        #expect(jobs.stdout.contains("\"state\" : \"done\""))
        try Self.expectEveryDocumentOnce(database.url, count: count)
    }

    /// Every document once, each with exactly the reports its stored extraction lists.
    static func expectEveryDocumentOnce(_ db: String, count: Int) throws {
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
