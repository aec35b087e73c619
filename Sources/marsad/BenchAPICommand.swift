import ArgumentParser
import Extraction
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Ingest
import Store
import Web

/// `marsad bench api`: how fast articles become queryable, and API latency on a large store.
struct BenchAPICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Benchmark ingest-to-queryable time and GET /api/events latency (p50, p99) on a store of many events.",
        discussion: """
            With --corpus, the first 1,000 articles of the corpus are ingested into a fresh store and the time until the API \
            lists them is reported. Then a store of --events fused events is built from synthetic articles (sentences written \
            from the knowledge base's actors and the trigger lexicon, extracted by the real pipeline) unless --db names one, \
            the server is started on loopback, and --requests GET /api/events requests with varied filters are timed.
            """
    )

    @Option(help: "A news corpus (.jsonl or a directory of .txt) for the ingest measurement.")
    var corpus: String?

    @Option(help: "Fused events the synthetic store should hold.")
    var events = 100_000

    @Option(help: "A store to query; built there (and kept) when it does not exist yet.")
    var db: String?

    @Option(help: "GET requests to time.")
    var requests = 2_000

    @Flag(help: "Print the results as JSON.")
    var json = false

    struct Report: Encodable {
        var ingestDocuments: Int?
        var ingestSeconds: Double?
        var storeEvents: Int
        var buildSeconds: Double?
        var requests: Int
        var requestsPerSecond: Double
        var p50Milliseconds: Double
        var p90Milliseconds: Double
        var p99Milliseconds: Double
        var errors: Int
        var peakResidentMegabytes: Double
    }

    func run() async throws {
        let extractor = try DocumentExtractor.bundled()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marsad-bench-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var report = Report(storeEvents: 0, requests: requests, requestsPerSecond: 0, p50Milliseconds: 0, p90Milliseconds: 0, p99Milliseconds: 0,
                            errors: 0, peakResidentMegabytes: 0)

        if let corpus {
            let texts = try CorpusReader.texts(corpus, limit: 1000)
            let store = try MarsadStore(path: scratch.appendingPathComponent("ingest.sqlite").path)
            let start = Date()
            let articles = texts.map { Article(text: $0, id: ArticleParser.documentID($0), source: corpus) }
            try await ParallelMap.forEach(articles, map: { extractor.extract($0) }) { _ = try store.ingest($0, extractor: DocumentExtractor.version) }
            _ = try store.documents(DocumentFilter(limit: 1))
            report.ingestDocuments = texts.count
            report.ingestSeconds = Date().timeIntervalSince(start)
        }

        // A --db that does not exist yet (or a PostgreSQL database with fewer events) is filled and kept, for load tests.
        let existing = db.map { FileManager.default.fileExists(atPath: $0) } ?? false
        let store = try await StoreOptions.open(db ?? scratch.appendingPathComponent("events.sqlite").path)
        if try await store.counts().events < events, !existing {
            let start = Date()
            try await SyntheticNews.fill(store, events: events, extractor: extractor)
            report.buildSeconds = Date().timeIntervalSince(start)
        }
        report.storeEvents = try await store.counts().events

        let router = try await WebServer.router(store: store, extractor: nil, options: WebOptions())
        let (addresses, continuation) = AsyncStream<String>.makeStream()
        let server = Task { try await WebServer.run(router: router, host: "127.0.0.1", port: 0) { continuation.yield($0) } }
        defer { server.cancel() }
        var iterator = addresses.makeAsyncIterator()
        guard let base = await iterator.next() else { throw StoreError("the server did not start") }

        let actors = try await store.actors(limit: 50).items.map(\.id)
        let types = ["ASSAULT", "CONSULT", "ACCUSE", "REQUEST", "AGREE", "COERCE"]
        var latencies: [Double] = []
        let session = URLSession(configuration: .ephemeral)
        let start = Date()
        for n in 0..<requests {
            var query = "limit=50"
            switch n % 6 {
            case 1: query += "&type=\(types[n % types.count])"
            case 2: query += "&country=LBY"
            case 3: query += "&from=2020-01-01&to=2020-06-30"
            case 4: if !actors.isEmpty { query += "&actor=\(actors[n % actors.count])" }
            case 5: query += "&offset=\((n * 37) % 5000)"
            default: break
            }
            let begin = Date()
            let (_, response) = try await session.data(from: URL(string: "\(base)/api/events?\(query)")!)
            latencies.append(Date().timeIntervalSince(begin) * 1000)
            if (response as? HTTPURLResponse)?.statusCode != 200 { report.errors += 1 }
        }
        let elapsed = Date().timeIntervalSince(start)
        latencies.sort()
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        report.requestsPerSecond = Double(requests) / elapsed
        report.p50Milliseconds = percentile(0.5)
        report.p90Milliseconds = percentile(0.9)
        report.p99Milliseconds = percentile(0.99)
        report.peakResidentMegabytes = peakResidentMegabytes()
        if json {
            try JSONOutput.printPretty(report)
        } else {
            if let n = report.ingestDocuments, let s = report.ingestSeconds { print(String(format: "ingest: %d articles queryable in %.1f s", n, s)) }
            print("store: \(report.storeEvents) fused events" + (report.buildSeconds.map { String(format: " (built in %.0f s)", $0) } ?? ""))
            print(String(format: "GET /api/events: %d requests, %.0f req/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, %d errors",
                         requests, report.requestsPerSecond, report.p50Milliseconds, report.p90Milliseconds, report.p99Milliseconds, report.errors))
            print(String(format: "peak RSS: %.0f MB", report.peakResidentMegabytes))
        }
    }
}
