import ArabicText
import ArgumentParser
import Extraction
import Foundation
import Ingest
import PostgresStore
import Store

/// The `--db` option of every command that touches the store.
struct StoreOptions: ParsableArguments {
    @Option(help: """
        The store: an SQLite file, or a PostgreSQL database as postgres://user:password@host:port/database \
        (default: $MARSAD_DB, else marsad.sqlite in the working directory).
        """)
    var db: String?

    var location: String { db ?? ProcessInfo.processInfo.environment["MARSAD_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "marsad.sqlite" }

    func open() async throws -> any EventStore {
        try await Self.open(location)
    }

    /// The store at a location: a PostgreSQL database for a `postgres://` URL (workers commit
    /// asynchronously: see `PostgresStore.init`), else an SQLite file. A store that cannot be
    /// opened is reported and exits with 66.
    static func open(_ location: String, worker: Bool = false) async throws -> any EventStore {
        do {
            return PostgresStore.isURL(location) ? try await PostgresStore(url: location, asynchronousCommit: worker) : try MarsadStore(path: location)
        } catch {
            FileHandle.standardError.write(Data("marsad: \(error)\n".utf8))
            throw ExitCode(66)
        }
    }

    /// The PostgreSQL store, for the commands that need its job queue.
    func openQueue(worker: Bool = false) async throws -> PostgresStore {
        guard PostgresStore.isURL(location), let store = try await Self.open(location, worker: worker) as? PostgresStore else {
            FileHandle.standardError.write(Data("marsad: the job queue needs a PostgreSQL store: --db postgres://user@host:port/database\n".utf8))
            throw ExitCode(64)
        }
        return store
    }
}

/// `marsad ingest`: read articles, extract them and keep them in the store.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract articles and store them with their events, fused with the reports already stored.",
        discussion: """
            SOURCE is a file or a directory (.txt, .html, .jsonl), as for marsad extract, or the http(s) URL of an article page \
            or of an RSS or Atom feed (each item's page is fetched once). A document is keyed by the SHA-256 \
            of its text: ingesting it again changes nothing, unless the extraction changed since (then its results are replaced). \
            Each document is written in one transaction. Inputs that cannot be read are reported and the rest ingested (exit code 65).
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Publication date (YYYY-MM-DD) for articles whose metadata and text give none.")
    var published: String?

    @Option(help: "Outlet for articles whose metadata gives none.")
    var outlet: String?

    @Option(help: "Poll the URL sources every this many seconds, ingesting new feed items, until interrupted.")
    var watch: Int?

    @Flag(help: "Only store the raw articles as jobs for `marsad worker` (PostgreSQL store).")
    var enqueue = false

    @Argument(help: "Files, directories or URLs to ingest.")
    var sources: [String]

    func validate() throws {
        if let published, CalendarDate(iso: published) == nil { throw ValidationError("--published must be a date written YYYY-MM-DD.") }
        if let watch, watch < 1 { throw ValidationError("--watch takes a number of seconds, 1 or more.") }
    }

    func run() async throws {
        let store = try await enqueue ? self.store.openQueue() : self.store.open()
        let urls = sources.filter(WebSources.isURL), paths = sources.filter { !WebSources.isURL($0) }
        var web = WebSources()
        while true {
            var inputs = ArticleInputs.read(paths)
            for url in urls {
                let (articles, errors) = await web.articles(from: url)
                inputs.articles += articles
                inputs.errors += errors.map { ArticleInputs.Failure(error: $0, missing: false) }
            }
            let date = published.flatMap(CalendarDate.init(iso:))
            let errors: Int
            if enqueue, let queue = store as? PostgresStore {
                errors = try await Self.enqueue(inputs, into: queue, published: date, outlet: outlet)
            } else {
                errors = try await Self.ingest(inputs, into: store, published: date, outlet: outlet)
            }
            guard let watch else {
                if errors > 0 { throw ExitCode(65) }
                return
            }
            try await Task.sleep(for: .seconds(watch))
        }
    }

    /// Extracts and stores articles read from inputs; prints a summary and returns how many
    /// inputs could not be read.
    static func ingest(_ inputs: ArticleInputs, into store: any EventStore, published: CalendarDate? = nil, outlet: String? = nil) async throws -> Int {
        for error in inputs.errors { FileHandle.standardError.write(Data("marsad: \(error)\n".utf8)) }
        let extractor = try DocumentExtractor.bundled()
        var articles: [Article] = []
        var outcomes: [IngestOutcome: Int] = [:]
        for article in completed(inputs.articles, published: published, outlet: outlet) {
            if try await store.extractor(of: article.id) == DocumentExtractor.version {
                outcomes[.unchanged, default: 0] += 1
            } else {
                articles.append(article)
            }
        }
        var progress = Progress(total: articles.count)
        try await ParallelMap.forEach(articles, map: { extractor.extract($0) }) { result in
            outcomes[try await store.ingest(result, extractor: DocumentExtractor.version), default: 0] += 1
            progress.advance()
        }
        progress.finish()
        let counts = try await store.counts()
        let summary = """
            \(store.location): \(outcomes[.added] ?? 0) added, \(outcomes[.replaced] ?? 0) replaced, \(outcomes[.unchanged] ?? 0) unchanged, \
            \(inputs.errors.count) unreadable; store: \(counts.documents) documents, \(counts.events) events from \(counts.reports) reports, \
            \(counts.actors) actors
            """
        FileHandle.standardOutput.write(Data((summary + "\n").utf8))
        return inputs.errors.count
    }

    /// Queues the articles read from inputs for the workers; prints a summary and returns how many
    /// inputs could not be read.
    static func enqueue(_ inputs: ArticleInputs, into store: PostgresStore, published: CalendarDate?, outlet: String?) async throws -> Int {
        for error in inputs.errors { FileHandle.standardError.write(Data("marsad: \(error)\n".utf8)) }
        let articles = completed(inputs.articles, published: published, outlet: outlet)
        let added = try await store.enqueue(articles)
        let counts = try await store.jobCounts()
        print("""
            \(store.location): \(added) enqueued, \(articles.count - added) already queued, \(inputs.errors.count) unreadable; \
            queue: \(JobState.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
            """)
        return inputs.errors.count
    }

    /// Articles with the command line's publication date and outlet where their own metadata gives none.
    static func completed(_ articles: [Article], published: CalendarDate?, outlet: String?) -> [Article] {
        articles.map { article in
            var article = article
            if article.published == nil, let published { article.published = published }
            if article.outlet == nil, let outlet { article.outlet = outlet }
            return article
        }
    }
}

/// `marsad reprocess`: re-extract every stored document with this version of Marsad.
struct ReprocessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Re-extract stored documents whose extraction is older than this Marsad's (all with --all); each is replaced in one transaction."
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Re-extract every document, even those extracted by this version.")
    var all = false

    func run() async throws {
        let store = try await store.open()
        let extractor = try DocumentExtractor.bundled()
        let stale = try await store.documentsToReprocess(currentExtractor: all ? nil : DocumentExtractor.version)
        var progress = Progress(total: stale.count)
        try await ParallelMap.forEach(stale, map: { extractor.extract($0) }) { result in
            try await store.replace(result, extractor: DocumentExtractor.version)
            progress.advance()
        }
        progress.finish()
        print("\(store.location): \(stale.count) documents re-extracted")
    }
}

/// A progress line on standard error (documents/s and time left), only when it is a terminal.
struct Progress {
    let total: Int
    var done = 0
    let start = Date()
    let visible = isatty(2) == 1

    init(total: Int) { self.total = total }

    mutating func advance() {
        done += 1
        guard visible, done == total || done % 8 == 0 else { return }
        let elapsed = Date().timeIntervalSince(start)
        let rate = Double(done) / max(elapsed, 0.001)
        let left = Double(total - done) / max(rate, 0.001)
        let width = 30, filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data(String(format: "\r%@ %d/%d  %.1f docs/s  ETA %.0fs ", bar, done, total, rate, left).utf8))
    }

    func finish() {
        if visible, total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
