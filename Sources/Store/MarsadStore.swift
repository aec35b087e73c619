import ArabicText
import Extraction
import Foundation
import GRDB

/// What went wrong with the store, said so that the terminal reader knows which file and why.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var reason: String
    /// The database could not be reached (a server that is down or refuses connections): worth
    /// trying again later, unlike a bad query or a bad document.
    public var unavailable: Bool

    public init(_ reason: String, unavailable: Bool = false) {
        self.reason = reason
        self.unavailable = unavailable
    }

    public var description: String { reason }
}

/// What ingesting one document did.
public enum IngestOutcome: String, Sendable, Codable {
    /// New text: stored with its extraction.
    case added
    /// The same text was already stored: nothing changed.
    case unchanged
    /// The text was stored by an older extraction: its results were replaced.
    case replaced
}

/// Marsad's embedded store: documents with their extraction, actors across documents, and
/// events fused across the reports of several articles, in one SQLite file (WAL mode).
///
/// ```swift
/// let store = try MarsadStore(path: "marsad.sqlite")
/// let outcome = try store.ingest(result, extractor: "1")
/// ```
///
/// Every document is written in one transaction: a crash loses at most the document in flight.
public final class MarsadStore: EventStore {
    let pool: DatabasePool
    public let path: String
    public var location: String { path }

    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(pool)
        } catch {
            throw StoreError("\(path): cannot open the store: \(error)")
        }
    }

    /// Whether a text (by its document id) is stored, and by which extraction.
    public func extractor(of documentID: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT extractor FROM document WHERE id = ?", arguments: [documentID]) }
    }

    /// Stores a document and its extraction in one transaction: its actors, its events fused
    /// with the reports of the same events already stored. The same text ingested again by the
    /// same extraction changes nothing; by another extraction, its results are replaced.
    @discardableResult
    public func ingest(_ result: DocumentResult, extractor: String) throws -> IngestOutcome {
        let json = result.jsonString()
        return try pool.write { db in
            var outcome = IngestOutcome.added
            if let stored = try String.fetchOne(db, sql: "SELECT extractor FROM document WHERE id = ?", arguments: [result.document.id]) {
                if stored == extractor { return .unchanged }
                try Self.remove(document: result.document.id, db)
                outcome = .replaced
            }
            try Self.insert(result, json: json, extractor: extractor, db)
            return outcome
        }
    }

    static func insert(_ result: DocumentResult, json: String, extractor: String, _ db: Database) throws {
        let info = result.document
        try db.execute(sql: """
            INSERT INTO document (id, source, outlet, published, title, text, length, result, extractor, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [info.id, info.source, info.outlet, info.published?.iso, info.title, result.text.string, info.length,
                             json, extractor, Date().formatted(.iso8601)])
        try db.execute(sql: "INSERT INTO document_search (rowid, title, body) VALUES ((SELECT rowid FROM document WHERE id = ?), ?, ?)",
                       arguments: [info.id, SearchText.normalize(info.title ?? ""), SearchText.normalize(result.text.string)])
        var actors: [String: Int64] = [:]
        // Actors in key order, as the PostgreSQL store creates them.
        for (key, entity) in ActorIdentity.keyed(result.entities) {
            let id = try actor(key: key, entity, db)
            actors[entity.id] = id
            try db.execute(sql: """
                INSERT INTO document_actor (document, actor, mentions) VALUES (?, ?, ?)
                ON CONFLICT(document, actor) DO UPDATE SET mentions = mentions + excluded.mentions
                """, arguments: [info.id, id, entity.mentions.count])
        }
        let places = Dictionary(uniqueKeysWithValues: result.entities.map { ($0.id, $0) })
        try Fusion.file(result.events.map { event in
            Report(event: event, document: info.id, source: event.source?.entity.flatMap { actors[$0] },
                   target: event.target?.entity.flatMap { actors[$0] }, place: event.location?.entity.flatMap { places[$0] }, text: result.text)
        }, db)
    }

    /// Removes a document, its reports and the fused events left with no report.
    static func remove(document id: String, _ db: Database) throws {
        let fused = try Int64.fetchAll(db, sql: "SELECT DISTINCT fused_event FROM report WHERE document = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM report WHERE document = ?", arguments: [id])
        for event in fused { try Fusion.refresh(event, db) }
        try db.execute(sql: "DELETE FROM document_search WHERE rowid = (SELECT rowid FROM document WHERE id = ?)", arguments: [id])
        try db.execute(sql: "DELETE FROM document_actor WHERE document = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
    }

    /// Places are where events happen; everything else an article names can act.
    package static func isActor(_ entity: DocumentEntity) -> Bool {
        ![.city, .region, .facility].contains(entity.type)
    }

    /// The actor row of an entity, created the first time any document names it.
    static func actor(key: String, _ entity: DocumentEntity, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM actor WHERE key = ?", arguments: [key]) { return id }
        try db.execute(sql: "INSERT INTO actor (key, name, name_en, type, country, cameo, kb) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [key, entity.name, entity.nameEnglish, entity.type.rawValue, entity.country, entity.cameo, entity.kb])
        return db.lastInsertedRowID
    }

    /// How many documents, actors, fused events and reports the store holds.
    public func counts() throws -> StoreCounts {
        try pool.read { db in
            StoreCounts(documents: try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0,
                        actors: try Int.fetchOne(db, sql: "SELECT count(*) FROM actor") ?? 0,
                        events: try Int.fetchOne(db, sql: "SELECT count(*) FROM fused_event") ?? 0,
                        reports: try Int.fetchOne(db, sql: "SELECT count(*) FROM report") ?? 0)
        }
    }
}

/// The size of a store.
public struct StoreCounts: Codable, Sendable, Equatable {
    public var documents: Int
    public var actors: Int
    public var events: Int
    public var reports: Int

    public init(documents: Int, actors: Int, events: Int, reports: Int) {
        self.documents = documents
        self.actors = actors
        self.events = events
        self.reports = reports
    }
}

extension MarsadStore {
    /// The stored articles to re-extract: those written by another extraction than
    /// `currentExtractor`, or all of them when it is nil.
    public func documentsToReprocess(currentExtractor: String?) throws -> [Article] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, source, outlet, published, title, text FROM document WHERE ? IS NULL OR extractor <> ? ORDER BY rowid",
                                        arguments: [currentExtractor, currentExtractor])
            return rows.map { row in
                Article(text: row["text"], id: row["id"], source: row["source"], published: (row["published"] as String?).flatMap(CalendarDate.init(iso:)),
                        outlet: row["outlet"], title: row["title"])
            }
        }
    }

    /// An SQLite store has no job queue: documents are extracted as they are ingested.
    public func jobs(state: JobState?, limit: Int, offset: Int) throws -> Page<JobRecord> {
        Page(items: [], total: 0, limit: limit, offset: offset)
    }

    /// Replaces a stored document's results with a new extraction, in one transaction.
    public func replace(_ result: DocumentResult, extractor: String) throws {
        let json = result.jsonString()
        try pool.write { db in
            try Self.remove(document: result.document.id, db)
            try Self.insert(result, json: json, extractor: extractor, db)
        }
    }
}
