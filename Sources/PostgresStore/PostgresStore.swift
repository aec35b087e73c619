import ArabicText
import Extraction
import Foundation
import Logging
import NIOSSL
import PostgresNIO
import Store

/// Marsad's store on PostgreSQL: the same tables, fusion and queries as the SQLite store, shared
/// by any number of API servers and workers, with a job queue (`enqueue`, `claim`).
///
/// ```swift
/// let store = try await PostgresStore(url: "postgres://marsad@127.0.0.1:5432/marsad")
/// let outcome = try await store.ingest(result, extractor: DocumentExtractor.version)
/// ```
///
/// Every document is written in one transaction. Writers that could touch the same rows take
/// transaction-scoped advisory locks in one global order (the document, then actors by key, then
/// the fused events' type and source), so concurrent workers fuse reports of one event into one
/// fused event and never wait on each other in a circle.
public final class PostgresStore: EventStore {
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>
    public let location: String

    /// Whether a store location names a PostgreSQL database rather than an SQLite file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Connects to `postgres://user:password@host:port/database[?sslmode=disable|prefer|require]`
    /// (a pool of up to `connections`) and migrates the database to the newest schema.
    ///
    /// `asynchronousCommit` is for workers: their commits do not wait for the write-ahead log to
    /// reach the disk. Should the server crash first, a document and its job's end are lost
    /// together and the job, still leased, is done again when its lease runs out; the queue itself
    /// is written with synchronous commits, so nothing is lost, and workers on one disk stop
    /// queueing behind each other's flushes.
    public init(url: String, connections: Int = 8, asynchronousCommit: Bool = false) async throws {
        location = Self.redacted(url)
        var logger = Logger(label: "marsad.postgres")
        logger.logLevel = .error
        self.logger = logger
        let server = try Server(url: url)
        do {
            // One direct connection first: an unreachable server or a wrong password is an error at once, not a pool
            // retrying in the background.
            let connection = try await PostgresConnection.connect(configuration: try server.connection(), id: 0, logger: logger)
            do {
                try await PostgresSchema.migrate(connection, logger: logger)
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        } catch {
            throw storeError(error, "\(location): cannot open the store")
        }
        var configuration = server.pool()
        configuration.options.maximumConnections = max(1, connections)
        if asynchronousCommit { configuration.options.additionalStartupParameters = [("synchronous_commit", "off")] }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
    }

    deinit { runner.cancel() }

    /// Where and how to connect, read from a `postgres://` URL.
    package struct Server {
        var host: String
        var port: Int
        var user: String
        var password: String?
        var database: String?
        var tls: TLSConfiguration?
        var requireTLS: Bool

        package init(url: String) throws {
            guard isURL(url), let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
                throw StoreError("\(redacted(url)): not a PostgreSQL URL (postgres://user:password@host:port/database)")
            }
            self.host = host
            port = components.port ?? 5432
            user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
            password = components.password?.removingPercentEncoding
            let name = String(components.path.drop(while: { $0 == "/" }))
            database = name.isEmpty ? nil : name.removingPercentEncoding
            let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
            switch query["sslmode"] ?? "disable" {
            case "disable": (tls, requireTLS) = (nil, false)
            case "prefer": (tls, requireTLS) = (.makeClientConfiguration(), false)
            case "require": (tls, requireTLS) = (.makeClientConfiguration(), true)
            case let mode: throw StoreError("\(redacted(url)): sslmode \(mode) is not one of disable, prefer, require")
            }
        }

        package func connection() throws -> PostgresConnection.Configuration {
            var tlsMode = PostgresConnection.Configuration.TLS.disable
            if let tls { tlsMode = requireTLS ? .require(try NIOSSLContext(configuration: tls)) : .prefer(try NIOSSLContext(configuration: tls)) }
            return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tlsMode)
        }

        func pool() -> PostgresClient.Configuration {
            var tlsMode = PostgresClient.Configuration.TLS.disable
            if let tls { tlsMode = requireTLS ? .require(tls) : .prefer(tls) }
            return PostgresClient.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tlsMode)
        }
    }

    /// The URL without its password, to show in messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    // MARK: writing

    public func extractor(of documentID: String) async throws -> String? {
        try await read { c in
            try await c.rows("SELECT extractor FROM document WHERE id = \(documentID)", logger: self.logger).first?.value("extractor")
        }
    }

    @discardableResult
    public func ingest(_ result: DocumentResult, extractor: String) async throws -> IngestOutcome {
        try await write("cannot store \(result.document.source)") { c in
            try await self.store(result, extractor: extractor, replacing: false, c)
        }
    }

    public func replace(_ result: DocumentResult, extractor: String) async throws {
        _ = try await write("cannot store \(result.document.source)") { c in
            try await self.store(result, extractor: extractor, replacing: true, c)
        }
    }

    /// Stores a document in the caller's transaction: unchanged when the same extraction wrote it
    /// (unless `replacing`), else its old results removed and the new ones inserted and fused.
    func store(_ result: DocumentResult, extractor: String, replacing: Bool, _ c: PostgresConnection) async throws -> IngestOutcome {
        let info = result.document
        try await c.rows("SELECT pg_advisory_xact_lock(hashtextextended(\("document:" + info.id), 0))", logger: logger)
        let stored: String? = try await c.rows("SELECT extractor FROM document WHERE id = \(info.id)", logger: logger).first?.value("extractor")
        if stored == extractor, !replacing { return .unchanged }

        // Actors in key order, so that two documents naming the same new actors never wait on each other in a circle.
        let actorEntities = ActorIdentity.keyed(result.entities)
        var seen = Set<String>()
        let actorByKey = try await actors(actorEntities.filter { seen.insert($0.key).inserted }, c)
        var actors: [String: Int64] = [:]
        for (key, entity) in actorEntities { actors[entity.id] = actorByKey[key] }
        let places = Dictionary(uniqueKeysWithValues: result.entities.map { ($0.id, $0) })
        let reports = result.events.map { event in
            Report(event: event, document: info.id, source: event.source?.entity.flatMap { actors[$0] },
                   target: event.target?.entity.flatMap { actors[$0] }, place: event.location?.entity.flatMap { places[$0] }, text: result.text)
        }

        var mentions: [Int64: Int] = [:]
        for (_, entity) in actorEntities { mentions[actors[entity.id]!, default: 0] += entity.mentions.count }
        let mentioned = mentions.keys.sorted()
        let json = result.jsonString()
        let text = result.text.string
        // The document and the actors it mentions, in one statement.
        let insertDocument = """
            WITH stored AS (
                INSERT INTO document (id, source, outlet, published, title, text, length, result, extractor, ingested_at, search)
                VALUES (\(info.id), \(info.source), \(info.outlet), \(info.published?.iso), \(info.title), \(text), \(info.length), \(json),
                        \(extractor), \(Date().formatted(.iso8601)),
                        to_tsvector('simple', \(SearchText.normalize(info.title ?? "")) || ' ' || \(SearchText.normalize(text))))
                RETURNING id)
            INSERT INTO document_actor (document, actor, mentions)
            SELECT stored.id, m.actor, m.mentions FROM stored, unnest(\(mentioned)::bigint[], \(mentioned.map { mentions[$0]! })::integer[]) AS m (actor, mentions)
            """ as PostgresQuery

        // The fused events this document's old and new reports touch, locked by (type, source) in one order, and
        // for as short a time as can be: a new document is written before the locks are taken.
        var fusionKeys = Set(reports.map { Self.fusionKey($0.event.type.rawValue, $0.source) })
        if stored != nil {
            for row in try await c.rows("SELECT DISTINCT type, source_actor FROM report WHERE document = \(info.id)", logger: logger) {
                fusionKeys.insert(Self.fusionKey(try row.value("type"), try row.value("source_actor")))
            }
            try await lock(fusionKeys, c)
            try await remove(document: info.id, c)
            try await c.rows(insertDocument, logger: logger)
        } else {
            try await c.rows(insertDocument, logger: logger)
            try await lock(fusionKeys, c)
        }
        try await file(reports, c)
        return stored == nil ? .added : .replaced
    }

    /// Takes transaction-scoped advisory locks, in one order whatever the caller's.
    func lock(_ keys: Set<String>, _ c: PostgresConnection) async throws {
        try await c.rows("SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(\(keys.sorted())::text[]) AS k", logger: logger)
    }

    static func fusionKey(_ type: String, _ source: Int64?) -> String {
        "fusion:" + Fusion.key(type: type, source: source)
    }

    /// The actor rows of entities (by actor key, in key order), created the first time any document names them.
    func actors(_ entities: [(key: String, entity: DocumentEntity)], _ c: PostgresConnection) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        let keys = entities.map(\.key)
        for row in try await c.rows("SELECT id, key FROM actor WHERE key = ANY(\(keys))", logger: logger) {
            ids[try row.value("key")] = try row.value("id")
        }
        let missing = entities.filter { ids[$0.key] == nil }
        guard !missing.isEmpty else { return ids }
        // Looked up first, inserted in key order: an INSERT that meets a conflict still spends a sequence number.
        // Arrays carry no NULLs here: an empty string stands for one.
        for row in try await c.rows("""
            INSERT INTO actor (key, name, name_en, type, country, cameo, kb)
            SELECT key, name, nullif(name_en, ''), type, nullif(country, ''), nullif(cameo, ''), nullif(kb, '')
            FROM unnest(\(missing.map(\.key))::text[], \(missing.map(\.entity.name))::text[], \(missing.map { $0.entity.nameEnglish ?? "" })::text[],
                        \(missing.map(\.entity.type.rawValue))::text[], \(missing.map { $0.entity.country ?? "" })::text[],
                        \(missing.map { $0.entity.cameo ?? "" })::text[], \(missing.map { $0.entity.kb ?? "" })::text[])
                 WITH ORDINALITY AS new (key, name, name_en, type, country, cameo, kb, n)
            ORDER BY n
            ON CONFLICT (key) DO NOTHING RETURNING id, key
            """, logger: logger) {
            ids[try row.value("key")] = try row.value("id")
        }
        // Created meanwhile by another document's transaction.
        let raced = keys.filter { ids[$0] == nil }
        if !raced.isEmpty {
            for row in try await c.rows("SELECT id, key FROM actor WHERE key = ANY(\(raced))", logger: logger) { ids[try row.value("key")] = try row.value("id") }
        }
        guard ids.count == keys.count else { throw StoreError("actors vanished while being stored") }
        return ids
    }

    /// Files a document's reports (see `Fusion.plan`) in five statements: the stored fused events
    /// they might join, the new fused events, the filled-in ones, the reports, the summaries.
    func file(_ reports: [Report], _ c: PostgresConnection) async throws {
        guard !reports.isEmpty else { return }
        let keys = Fusion.candidateKeys(reports).map { CandidateRow(type: $0.type, source: $0.source, earliest: $0.earliest, latest: $0.latest) }
        let stored = try await c.rows("""
            SELECT f.id, f.type, f.source_actor, f.target_actor, f.date, f.location_name, f.location_kb, f.lat, f.lon
            FROM jsonb_to_recordset(\(try Self.json(keys))::jsonb) AS k (type text, source bigint, earliest text, latest text)
            JOIN fused_event f ON f.type = k.type AND (f.source_actor = k.source OR (f.source_actor IS NULL AND k.source IS NULL))
                AND (k.earliest IS NULL OR f.date IS NULL OR f.date BETWEEN k.earliest AND k.latest)
            ORDER BY f.id
            """, logger: logger).map {
            Fusion.State(id: try $0.value("id"), type: try $0.value("type"), source: try $0.value("source_actor"), target: try $0.value("target_actor"),
                         date: try $0.value("date"), locationName: try $0.value("location_name"), kb: try $0.value("location_kb"),
                         lat: try $0.value("lat"), lon: try $0.value("lon"))
        }
        let (assignments, events) = Fusion.plan(reports, stored: stored)
        var ids: [Fusion.State.Reference: Int64] = [:]
        var changed: [EventRow] = [], created: [EventRow] = []
        for event in events {
            let creator = event.creator.map { reports[$0].event }
            let row = EventRow(id: event.storedID, type: event.type, mode: creator?.mode, cameo: creator?.cameo, source: event.source, target: event.target,
                               date: event.date, precision: creator?.date?.precision.rawValue, location_name: event.locationName, location_kb: event.kb,
                               lat: event.lat, lon: event.lon, n: created.count)
            switch event.reference {
            case .stored(let id):
                ids[event.reference] = id
                if event.changed { changed.append(row) }
            case .new:
                created.append(row)
            }
        }
        if !created.isEmpty {
            let newIDs = try await c.rows("""
                INSERT INTO fused_event (type, mode, cameo, source_actor, target_actor, date, precision, location_name, location_kb, lat, lon)
                SELECT type, mode, cameo, source, target, date, precision, location_name, location_kb, lat, lon
                FROM jsonb_to_recordset(\(try Self.json(created))::jsonb) AS e (type text, mode text, cameo text, source bigint, target bigint, date text,
                    precision text, location_name text, location_kb text, lat double precision, lon double precision, n integer)
                ORDER BY n
                RETURNING id
                """, logger: logger).map { try $0.value("id", as: Int64.self) }.sorted()
            for (event, id) in zip(events.filter { $0.creator != nil }, newIDs) { ids[event.reference] = id }
        }
        if !changed.isEmpty {
            try await c.rows("""
                UPDATE fused_event f SET target_actor = e.target, location_name = e.location_name, location_kb = e.location_kb, lat = e.lat, lon = e.lon
                FROM jsonb_to_recordset(\(try Self.json(changed))::jsonb) AS e (id bigint, target bigint, location_name text, location_kb text,
                    lat double precision, lon double precision)
                WHERE f.id = e.id
                """, logger: logger)
        }
        let rows = zip(reports, assignments).enumerated().map { n, pair in
            let (report, reference) = pair, event = report.event
            return ReportRow(fused_event: ids[reference]!, document: report.document, event: event.id, type: event.type.rawValue, source: report.source,
                             target: report.target, date: event.date?.value, modality: event.modality.rawValue, speaker: report.speaker,
                             anonymous: event.attribution?.anonymous ?? false, verb: event.attribution?.verb, confidence: event.confidence,
                             trigger_text: report.text.text(event.trigger), trigger_start: event.trigger.start, trigger_end: event.trigger.end,
                             sentence_start: event.sentence.start, sentence_end: event.sentence.end, killed: report.killed, injured: report.injured, n: n)
        }
        try await c.rows("""
            INSERT INTO report (fused_event, document, event, type, source_actor, target_actor, date, modality, speaker, anonymous, verb,
                                confidence, trigger_text, trigger_start, trigger_end, sentence_start, sentence_end, killed, injured)
            SELECT fused_event, document, event, type, source, target, date, modality, speaker, anonymous, verb,
                   confidence, trigger_text, trigger_start, trigger_end, sentence_start, sentence_end, killed, injured
            FROM jsonb_to_recordset(\(try Self.json(rows))::jsonb) AS r (fused_event bigint, document text, event text, type text, source bigint,
                target bigint, date text, modality text, speaker text, anonymous boolean, verb text, confidence double precision, trigger_text text,
                trigger_start integer, trigger_end integer, sentence_start integer, sentence_end integer, killed integer, injured integer, n integer)
            ORDER BY n
            """, logger: logger)
        try await refresh(Set(ids.values).sorted(), c)
    }

    /// Recomputes fused events' report counts, casualties, contestation and modalities from their reports.
    func refresh(_ fused: [Int64], _ c: PostgresConnection) async throws {
        guard !fused.isEmpty else { return }
        try await c.rows("""
            UPDATE fused_event SET report_count = a.reports, fatalities = a.killed, injured = a.injured, contested = a.denied AND a.affirmed,
                modalities = a.modalities,
                source_country = (SELECT country FROM actor WHERE id = fused_event.source_actor),
                target_country = (SELECT country FROM actor WHERE id = fused_event.target_actor)
            FROM (SELECT fused_event AS id, count(*) AS reports, max(killed) AS killed, max(injured) AS injured,
                         coalesce(bool_or(modality = 'denied'), false) AS denied, coalesce(bool_or(modality <> 'denied'), false) AS affirmed,
                         coalesce(bit_or(1 << (array_position(\(Fusion.modalityOrder)::text[], modality) - 1)), 0) AS modalities
                  FROM report WHERE fused_event = ANY(\(fused)) GROUP BY fused_event) a
            WHERE fused_event.id = a.id
            """, logger: logger)
    }

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// Rows handed to PostgreSQL as JSON (jsonb_to_recordset), where NULLs travel as they are.
    private struct CandidateRow: Encodable {
        var type: String
        var source: Int64?
        var earliest: String?
        var latest: String?
    }

    private struct EventRow: Encodable {
        var id: Int64
        var type: String
        var mode: String?
        var cameo: String?
        var source: Int64?
        var target: Int64?
        var date: String?
        var precision: String?
        var location_name: String?
        var location_kb: String?
        var lat: Double?
        var lon: Double?
        var n: Int
    }

    private struct ReportRow: Encodable {
        var fused_event: Int64
        var document: String
        var event: String
        var type: String
        var source: Int64?
        var target: Int64?
        var date: String?
        var modality: String
        var speaker: String?
        var anonymous: Bool
        var verb: String?
        var confidence: Double
        var trigger_text: String
        var trigger_start: Int
        var trigger_end: Int
        var sentence_start: Int
        var sentence_end: Int
        var killed: Int?
        var injured: Int?
        var n: Int
    }

    /// Removes a document, its reports and the fused events left with no report.
    func remove(document id: String, _ c: PostgresConnection) async throws {
        let fused = Set(try await c.rows("DELETE FROM report WHERE document = \(id) RETURNING fused_event", logger: logger)
            .map { try $0.value("fused_event", as: Int64.self) }).sorted()
        let emptied = Set(try await c.rows("""
            DELETE FROM fused_event f WHERE id = ANY(\(fused)) AND NOT EXISTS (SELECT 1 FROM report r WHERE r.fused_event = f.id) RETURNING id
            """, logger: logger).map { try $0.value("id", as: Int64.self) })
        try await refresh(fused.filter { !emptied.contains($0) }, c)
        try await c.rows("DELETE FROM document_actor WHERE document = \(id)", logger: logger)
        try await c.rows("DELETE FROM document WHERE id = \(id)", logger: logger)
    }

    public func counts() async throws -> StoreCounts {
        try await read { c in
            let row = try await c.rows("""
                SELECT (SELECT count(*) FROM document) AS documents, (SELECT count(*) FROM actor) AS actors,
                       (SELECT count(*) FROM fused_event) AS events, (SELECT count(*) FROM report) AS reports
                """, logger: self.logger)[0]
            return StoreCounts(documents: try row.value("documents"), actors: try row.value("actors"), events: try row.value("events"),
                               reports: try row.value("reports"))
        }
    }

    public func documentsToReprocess(currentExtractor: String?) async throws -> [Article] {
        try await read { c in
            try await c.rows("""
                SELECT id, source, outlet, published, title, text FROM document
                WHERE \(currentExtractor)::text IS NULL OR extractor <> \(currentExtractor) ORDER BY seq
                """, logger: self.logger).map { row in
                Article(text: try row.value("text"), id: try row.value("id"), source: try row.value("source"),
                        published: try row.value("published", as: String?.self).flatMap(CalendarDate.init(iso:)), outlet: try row.value("outlet"),
                        title: try row.value("title"))
            }
        }
    }

    // MARK: connections

    /// Runs reads on a pooled connection; a database error becomes a `StoreError`.
    func read<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await client.withConnection { c in try await body(c) }
        } catch {
            throw storeError(error, location)
        }
    }

    /// Runs writes in one transaction; a database error becomes a `StoreError` that says what failed.
    func write<Result: Sendable>(_ what: String, _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await client.withTransaction(logger: logger) { c in try await body(c) }
        } catch let error as PostgresTransactionError {
            throw storeError(error.closureError ?? error.commitError ?? error.beginError ?? error, "\(location): \(what)")
        } catch {
            throw storeError(error, "\(location): \(what)")
        }
    }
}
