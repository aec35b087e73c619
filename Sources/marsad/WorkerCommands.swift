import ArgumentParser
import Extraction
import Foundation
import PostgresStore
import Store

/// `marsad worker`: takes queued documents from a PostgreSQL store, extracts them and stores the
/// results, until interrupted (or until the queue is empty, with --exit-when-empty).
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Extract and store the documents queued by `marsad ingest --enqueue` (PostgreSQL store).",
        discussion: """
            Any number of workers on any number of machines may share one database: each job is leased with \
            SELECT … FOR UPDATE SKIP LOCKED, and its results are stored and the job closed in one transaction. \
            A failed job is retried with backoff, then marked failed with its error (marsad jobs, GET /api/jobs). \
            A worker killed mid-job loses nothing: the job returns to the queue when its lease runs out.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Jobs processed at once (default: the number of cores).")
    var concurrency = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Jobs leased at once by each lane (fewer round trips to the database; a dead worker's jobs wait for their leases).")
    var batch = 4

    @Option(help: "Seconds a job stays leased to this worker; a job whose worker died is retried after it.")
    var lease = 60

    @Option(help: "Tries before a job is marked failed.")
    var maxAttempts = 5

    @Option(help: "This worker's name in the queue (default: host and process id).")
    var name = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"

    @Flag(help: "Stop when no job is queued or running, instead of waiting for more.")
    var exitWhenEmpty = false

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be 1 or more.") }
        guard batch >= 1 else { throw ValidationError("--batch must be 1 or more.") }
        guard lease >= 1 else { throw ValidationError("--lease must be 1 second or more.") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be 1 or more.") }
    }

    func run() async throws {
        let queue = try await store.openQueue(worker: true)
        let extractor = try DocumentExtractor.bundled()
        let start = Date()
        let (stored, failed) = try await withThrowingTaskGroup(of: (stored: Int, failed: Int).self) { group in
            for _ in 0..<concurrency {
                group.addTask { try await work(queue, extractor: extractor) }
            }
            return try await group.reduce((0, 0)) { ($0.0 + $1.stored, $0.1 + $1.failed) }
        }
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "%@: %d documents stored, %d failures, in %.1f s (%.1f documents/s)", name, stored, failed, seconds,
                     Double(stored) / max(seconds, 0.001)))
    }

    /// One lane of the worker: claims jobs, extracts them, stores them; returns its counts when the
    /// queue is empty. A database that cannot be reached is waited for: the lane's leased jobs come
    /// back to the queue when their leases run out.
    private func work(_ queue: PostgresStore, extractor: DocumentExtractor) async throws -> (stored: Int, failed: Int) {
        var stored = 0, failed = 0
        while !Task.isCancelled {
            do {
                let jobs = try await queue.claim(worker: name, limit: batch, lease: .seconds(lease), maxAttempts: maxAttempts)
                guard !jobs.isEmpty else {
                    if exitWhenEmpty {
                        let counts = try await queue.jobCounts()
                        if (counts[.queued] ?? 0) + (counts[.running] ?? 0) == 0 { return (stored, failed) }
                    }
                    try await Task.sleep(for: .milliseconds(500))
                    continue
                }
                for job in jobs {
                    do {
                        try await queue.complete(job, result: extractor.extract(job.article), extractor: DocumentExtractor.version)
                        stored += 1
                    } catch let error as StoreError where error.unavailable {
                        throw error
                    } catch {
                        failed += 1
                        Self.log("job \(job.id) (\(job.article.source)), try \(job.attempt): \(error)")
                        try await queue.fail(job, error: "\(error)", maxAttempts: maxAttempts)
                    }
                }
            } catch let error as StoreError where error.unavailable {
                Self.log("\(error); trying again in 5 s")
                try await Task.sleep(for: .seconds(5))
            }
        }
        return (stored, failed)
    }

    static func log(_ message: String) {
        FileHandle.standardError.write(Data("marsad worker: \(message)\n".utf8))
    }
}

/// `marsad jobs`: the job queue of a PostgreSQL store.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "List the job queue: counts per state and the newest jobs.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Only jobs in this state: \(JobState.allCases.map(\.rawValue).joined(separator: ", ")).")
    var state: JobState?

    @Option(help: "How many jobs to list.")
    var limit = 20

    @Flag(help: "Print JSON (the body of GET /api/jobs) instead of a table.")
    var json = false

    func run() async throws {
        let queue = try await store.openQueue()
        let page = try await queue.jobs(state: state, limit: max(0, limit), offset: 0)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(page), as: UTF8.self))
            return
        }
        let counts = try await queue.jobCounts()
        print(JobState.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        for job in page.items {
            let error = job.error.map { "  " + $0.prefix(120) } ?? ""
            print("\(job.id)\t\(job.state.rawValue)\t\(job.attempts)\t\(job.document.prefix(12))\t\(job.source)\(error)")
        }
    }
}

extension JobState: ExpressibleByArgument {}
