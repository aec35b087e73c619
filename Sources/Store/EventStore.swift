import Extraction

/// Where Marsad keeps documents, their extractions, actors and fused events, whatever the engine:
/// an SQLite file for one machine (`MarsadStore`) or a PostgreSQL database shared by many servers
/// and workers (`PostgresStore`). Both give the same results for the same documents.
public protocol EventStore: Sendable {
    /// The file or the database, as a user may be shown it (no password).
    var location: String { get }

    /// Which extraction wrote a document (by its id), or nil when it is not stored.
    func extractor(of documentID: String) async throws -> String?
    /// Stores a document and its extraction in one transaction, its events fused with the reports
    /// already stored; the same text by the same extraction changes nothing.
    @discardableResult
    func ingest(_ result: DocumentResult, extractor: String) async throws -> IngestOutcome
    /// Replaces a stored document's results with a new extraction, in one transaction.
    func replace(_ result: DocumentResult, extractor: String) async throws
    /// The stored articles written by another extraction than `currentExtractor` (all when nil).
    func documentsToReprocess(currentExtractor: String?) async throws -> [Article]
    func counts() async throws -> StoreCounts

    func documents(_ filter: DocumentFilter) async throws -> Page<DocumentSummary>
    func document(id: String) async throws -> StoredDocument?
    func events(_ filter: EventFilter) async throws -> Page<FusedEventRecord>
    func actors(query: String?, limit: Int, offset: Int) async throws -> Page<ActorRecord>
    func actor(id: Int64, eventLimit: Int) async throws -> ActorDetail?
    func network(from: String?, to: String?, limit: Int) async throws -> NetworkGraph
    func timeline(actor: Int64?, type: String?) async throws -> [TimelineBucket]
    /// Every stored document's extraction (marsad.document/1 JSON), in ingest order.
    func forEachResult(_ body: (String) throws -> Void) async throws

    /// The job queue's jobs, newest first (empty where the store has no queue).
    func jobs(state: JobState?, limit: Int, offset: Int) async throws -> Page<JobRecord>
}

extension EventStore {
    public func actors(query: String? = nil, limit: Int = 50) async throws -> Page<ActorRecord> {
        try await actors(query: query, limit: limit, offset: 0)
    }

    public func actor(id: Int64) async throws -> ActorDetail? {
        try await actor(id: id, eventLimit: 100)
    }

    public func network(from: String? = nil, to: String? = nil) async throws -> NetworkGraph {
        try await network(from: from, to: to, limit: 500)
    }

    public func timeline(actor: Int64? = nil) async throws -> [TimelineBucket] {
        try await timeline(actor: actor, type: nil)
    }
}

/// Where a queued document stands.
public enum JobState: String, Codable, Sendable, CaseIterable {
    /// Waiting for a worker (or for its next try after a failure).
    case queued
    /// Leased by a worker; back to the queue if the lease runs out.
    case running
    /// Extracted and stored.
    case done
    /// Failed as many times as the queue allows; `error` says why.
    case failed
}

/// One document in the job queue.
public struct JobRecord: Codable, Sendable, Equatable {
    public var id: Int64
    public var document: String
    public var source: String
    public var state: JobState
    public var attempts: Int
    public var error: String?
    public var worker: String?
    public var enqueuedAt: String
    public var finishedAt: String?

    public init(id: Int64, document: String, source: String, state: JobState, attempts: Int, error: String?, worker: String?,
                enqueuedAt: String, finishedAt: String?) {
        self.id = id
        self.document = document
        self.source = source
        self.state = state
        self.attempts = attempts
        self.error = error
        self.worker = worker
        self.enqueuedAt = enqueuedAt
        self.finishedAt = finishedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, document, source, state, attempts, error, worker
        case enqueuedAt = "enqueued_at"
        case finishedAt = "finished_at"
    }
}
