import Foundation
import Testing

@Suite struct StoreCommandTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func ingestIsIdempotentAndExportsEveryFormat() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("store.sqlite").path
        try Data("قصفت قوات حفتر مطار معيتيقة في طرابلس أمس، ما أدى إلى مقتل 3 مدنيين.".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data("التقى فائز السراج الرئيس التركي رجب طيب أردوغان في إسطنبول أمس.".utf8).write(to: dir.appendingPathComponent("b.txt"))
        let first = try CommandRunner.run(["ingest", "--db", db, "--published", "2020-02-20", dir.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 added"))
        let second = try CommandRunner.run(["ingest", "--db", db, "--published", "2020-02-20", dir.path])
        #expect(second.stdout.contains("0 added") && second.stdout.contains("2 unchanged"))

        let jsonl = try CommandRunner.run(["export", "--db", db, "--format", "jsonl"])
        let documents = jsonl.stdout.split(separator: "\n")
        #expect(documents.count == 2)
        #expect(documents.allSatisfy { $0.contains("\"schema\":\"marsad.document/1\"") })

        let csv = try CommandRunner.run(["export", "--db", db, "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("event_id,date,type,mode,cameo,source,source_country,target,target_country,location,lat,lon,fatalities") == true)
        #expect(rows.contains { $0.contains("ASSAULT") && $0.contains("2020-02-19") })

        let graphml = try CommandRunner.run(["export", "--db", db, "--format", "graphml"])
        #expect(graphml.stdout.contains("<graphml"))
        #expect(graphml.stdout.contains("فايز السراج") || graphml.stdout.contains("فائز السراج"))
        #expect(try CommandRunner.run(["reprocess", "--db", db, "--all"]).status == 0)
        #expect(try CommandRunner.run(["export", "--db", db, "--format", "jsonl"]).stdout.split(separator: "\n").count == 2)
    }

    @Test func ingestFetchesAFeedAndItsPagesOverHTTP() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dir.path]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let banner = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(banner.split(separator: " ").drop { $0 != "port" }.dropFirst().first.flatMap { Int($0) })
        let base = "http://127.0.0.1:\(port)"
        let page = { (body: String) in "<html><head><title>خبر</title></head><body><nav>الرئيسية</nav><article><p>\(body)</p></article></body></html>" }
        try Data(page("وصل وزير الخارجية الروسي سيرغي لافروف إلى القاهرة أمس.").utf8).write(to: dir.appendingPathComponent("one.html"))
        try Data(page("نفت وزارة الدفاع التركية أن تكون طائراتها قصفت مدينة سرت.").utf8).write(to: dir.appendingPathComponent("two.html"))
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>أخبار</title>
            <item><title>لافروف في القاهرة</title><link>\(base)/one.html</link><pubDate>Thu, 20 Feb 2020 09:00:00 GMT</pubDate></item>
            <item><title>نفي تركي</title><link>\(base)/two.html</link><pubDate>Fri, 21 Feb 2020 10:00:00 GMT</pubDate></item>
            <item><title>مفقود</title><link>\(base)/missing.html</link></item>
            </channel></rss>
            """.utf8).write(to: dir.appendingPathComponent("feed.xml"))
        let db = dir.appendingPathComponent("store.sqlite").path
        let result = try CommandRunner.run(["ingest", "--db", db, base + "/feed.xml"])
        #expect(result.status == 65, "the missing item is reported")
        #expect(result.stderr.contains("missing.html"))
        #expect(result.stdout.contains("2 added"))
        let exported = try CommandRunner.run(["export", "--db", db, "--format", "jsonl"]).stdout
        #expect(exported.contains("\"source\":\"\(base)/one.html\""))
        #expect(exported.contains("\"published\":\"2020-02-20\""))
    }
}
