import ArabicText
import Extraction
import Foundation
import PostgresNIO
import Store

/// A document a worker has leased from the queue.
public struct ClaimedJob: Sendable {
    public var id: Int64
    public var article: Article
    /// How many times it has been leased, this time included.
    public var attempt: Int
}

/// The job queue in PostgreSQL: `marsad ingest --enqueue` stores raw articles as jobs; workers
/// lease them with `FOR UPDATE SKIP LOCKED`, store each result and close its job in one
/// transaction, and hand a failed job back with backoff until `maxAttempts`. A job whose worker
/// died returns to the queue when its lease runs out.
extension PostgresStore {
    /// Queues articles not yet queued (by document id); returns how many were new.
    public func enqueue(_ articles: [Article]) async throws -> Int {
        var added = 0
        for batch in stride(from: 0, to: articles.count, by: 200).map({ articles[$0..<min($0 + 200, articles.count)] }) {
            added += try await write("cannot enqueue \(batch.first?.source ?? "")") { c in
                var added = 0
                for article in batch {
                    added += try await c.rows("""
                        INSERT INTO job (document, source, outlet, published, title, text)
                        VALUES (\(article.id), \(article.source), \(article.outlet), \(article.published?.iso), \(article.title), \(article.text))
                        ON CONFLICT (document) DO NOTHING RETURNING id
                        """, logger: self.logger).count
                }
                return added
            }
        }
        return added
    }

    /// Leases up to `limit` jobs that are queued and due, or running with a lease run out, for
    /// `lease`; jobs whose leases ran out `maxAttempts` times are marked failed instead.
    public func claim(worker: String, limit: Int = 1, lease: Duration = .seconds(60), maxAttempts: Int = 5) async throws -> [ClaimedJob] {
        // One statement, outside any transaction: the row locks last only while it runs.
        try await read { c in
            try await c.rows("""
                WITH expired AS (
                    UPDATE job SET state = 'failed', finished_at = now(), lease_until = NULL,
                        error = coalesce(error, 'the worker stopped before finishing, ' || attempts || ' times')
                    WHERE state = 'running' AND lease_until < now() AND attempts >= \(maxAttempts))
                UPDATE job SET state = 'running', attempts = attempts + 1, worker = \(worker),
                    lease_until = now() + make_interval(secs => \(Double(lease.components.seconds)))
                WHERE id IN (
                    SELECT id FROM job
                    WHERE (state = 'queued' AND run_after <= now()) OR (state = 'running' AND lease_until < now() AND attempts < \(maxAttempts))
                    ORDER BY id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING id, document, source, outlet, published, title, text, attempts
                """, logger: self.logger).map { row in
                ClaimedJob(id: try row.value("id"),
                           article: Article(text: try row.value("text", as: String?.self) ?? "", id: try row.value("document"), source: try row.value("source"),
                                            published: try row.value("published", as: String?.self).flatMap(CalendarDate.init(iso:)),
                                            outlet: try row.value("outlet"), title: try row.value("title")),
                           attempt: try row.value("attempts"))
            }.sorted { $0.id < $1.id }
        }
    }

    /// Stores a job's extraction and marks the job done, in one transaction. A job that another
    /// worker has taken over (this worker's lease ran out) is stored once all the same: the
    /// document id makes the second write a no-op.
    @discardableResult
    public func complete(_ job: ClaimedJob, result: DocumentResult, extractor: String) async throws -> IngestOutcome {
        try await write("cannot store \(result.document.source)") { c in
            try await c.rows("""
                UPDATE job SET state = 'done', finished_at = now(), lease_until = NULL, error = NULL, text = NULL WHERE id = \(job.id)
                """, logger: self.logger)
            return try await self.store(result, extractor: extractor, replacing: false, c)
        }
    }

    /// Hands a job back after a failure: queued again after a backoff (2^attempt seconds, at most
    /// 5 minutes), or failed with its error once it has been tried `maxAttempts` times.
    public func fail(_ job: ClaimedJob, error: String, maxAttempts: Int = 5) async throws {
        let backoff = Double(min(300, 1 << min(job.attempt, 9)))
        _ = try await write("cannot record the failure of job \(job.id)") { c in
            try await c.rows("""
                UPDATE job SET error = \(error), lease_until = NULL,
                    state = CASE WHEN attempts >= \(maxAttempts) THEN 'failed' ELSE 'queued' END,
                    finished_at = CASE WHEN attempts >= \(maxAttempts) THEN now() END,
                    run_after = now() + make_interval(secs => \(backoff))
                WHERE id = \(job.id)
                """, logger: self.logger)
        }
    }

    public func jobs(state: JobState?, limit: Int, offset: Int) async throws -> Page<JobRecord> {
        try await read { c in
            let total: Int = try await c.rows("SELECT count(*) AS n FROM job WHERE \(state?.rawValue)::text IS NULL OR state = \(state?.rawValue)",
                                              logger: self.logger)[0].value("n")
            let items = try await c.rows("""
                SELECT id, document, source, state, attempts, error, worker,
                       to_char(enqueued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS enqueued,
                       to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS finished
                FROM job WHERE \(state?.rawValue)::text IS NULL OR state = \(state?.rawValue)
                ORDER BY id DESC LIMIT \(limit) OFFSET \(offset)
                """, logger: self.logger).map { row in
                JobRecord(id: try row.value("id"), document: try row.value("document"), source: try row.value("source"),
                          state: JobState(rawValue: try row.value("state")) ?? .failed, attempts: try row.value("attempts"), error: try row.value("error"),
                          worker: try row.value("worker"), enqueuedAt: try row.value("enqueued"), finishedAt: try row.value("finished"))
            }
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
    }

    /// How many jobs are in each state.
    public func jobCounts() async throws -> [JobState: Int] {
        try await read { c in
            var counts: [JobState: Int] = [:]
            for row in try await c.rows("SELECT state, count(*) AS n FROM job GROUP BY state", logger: self.logger) {
                if let state = JobState(rawValue: try row.value("state")) { counts[state] = try row.value("n") }
            }
            return counts
        }
    }
}
