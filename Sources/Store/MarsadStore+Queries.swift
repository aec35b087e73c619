import Foundation
import GRDB

/// Read queries behind the API, the dashboard and the exports. Every value from outside goes
/// in as an SQL argument, never into the SQL text.
extension MarsadStore {
    public func documents(_ filter: DocumentFilter) throws -> Page<DocumentSummary> {
        try pool.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let query = filter.query.map(Self.ftsQuery), !query.isEmpty {
                conditions.append("d.rowid IN (SELECT rowid FROM document_search WHERE document_search MATCH ?)")
                arguments += [query]
            }
            if let from = filter.from { conditions.append("d.published >= ?"); arguments += [from] }
            if let to = filter.to { conditions.append("d.published <= ?"); arguments += [to] }
            if let outlet = filter.outlet { conditions.append("d.outlet = ?"); arguments += [outlet] }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM document d \(whereClause)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.id, d.source, d.outlet, d.published, d.title, d.length,
                       (SELECT count(*) FROM report r WHERE r.document = d.id) AS events
                FROM document d \(whereClause)
                ORDER BY d.published DESC, d.rowid DESC LIMIT ? OFFSET ?
                """, arguments: arguments + [filter.limit, filter.offset])
            return Page(items: rows.map(Self.summary), total: total, limit: filter.limit, offset: filter.offset)
        }
    }

    public func document(id: String) throws -> StoredDocument? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT d.id, d.source, d.outlet, d.published, d.title, d.length, d.text, d.result,
                       (SELECT count(*) FROM report r WHERE r.document = d.id) AS events
                FROM document d WHERE d.id = ?
                """, arguments: [id]) else { return nil }
            return StoredDocument(summary: Self.summary(row), text: row["text"], result: row["result"])
        }
    }

    public func events(_ filter: EventFilter) throws -> Page<FusedEventRecord> {
        try pool.read { db in
            // Every filter but the actor's.
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let type = filter.type { conditions.append("e.type = ?"); arguments += [type] }
            if let country = filter.country {
                // Unary + keeps the planner on the date index, which finds a page of a common country at once.
                conditions.append("(+e.source_country = ? OR +e.target_country = ?)")
                arguments += [country, country]
            }
            if let from = filter.from { conditions.append("e.date >= ?"); arguments += [from] }
            // A day and any time on it sort before the day followed by "~": a range the date index serves.
            if let to = filter.to { conditions.append("e.date < ?"); arguments += [to + "~"] }
            if let place = filter.place { conditions.append("(e.location_kb = ? OR e.location_name = ?)"); arguments += [place, place] }
            if let modality = filter.modality { conditions.append("(e.modalities & ?) != 0"); arguments += [Fusion.modalityBit(modality)] }
            func clause(_ extra: String? = nil) -> String {
                let all = conditions + (extra.map { [$0] } ?? [])
                return all.isEmpty ? "" : "WHERE " + all.joined(separator: " AND ")
            }
            let order = "ORDER BY e.date DESC, e.id DESC"
            let total: Int
            let rows: [Row]
            if let actor = filter.actor {
                total = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM fused_event e \(clause("(e.source_actor = ? OR e.target_actor = ?)")) LIMIT ?)",
                                         arguments: arguments + [actor, actor, Self.countCap + 1]) ?? 0
                // The newest events the actor is source of, and those it is target of, each read in date order from its index.
                let n = filter.offset + filter.limit
                rows = try Row.fetchAll(db, sql: """
                    SELECT * FROM fused_event e WHERE e.id IN (
                        SELECT id FROM (SELECT e.id FROM fused_event e \(clause("e.source_actor = ?")) \(order) LIMIT ?)
                        UNION SELECT id FROM (SELECT e.id FROM fused_event e \(clause("e.target_actor = ?")) \(order) LIMIT ?))
                    \(order) LIMIT ? OFFSET ?
                    """, arguments: arguments + [actor, n] + arguments + [actor, n, filter.limit, filter.offset])
            } else if let country = filter.country, conditions.count == 1 {
                // A country alone is counted through its two indexes, without reading the events.
                total = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM fused_event e WHERE e.source_country = ? OR e.target_country = ? LIMIT ?)",
                                         arguments: [country, country, Self.countCap + 1]) ?? 0
                rows = try Row.fetchAll(db, sql: "SELECT * FROM fused_event e \(clause()) \(order) LIMIT ? OFFSET ?",
                                        arguments: arguments + [filter.limit, filter.offset])
            } else {
                total = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM fused_event e \(clause()) LIMIT ?)",
                                         arguments: arguments + [Self.countCap + 1]) ?? 0
                rows = try Row.fetchAll(db, sql: "SELECT * FROM fused_event e \(clause()) \(order) LIMIT ? OFFSET ?",
                                        arguments: arguments + [filter.limit, filter.offset])
            }
            return Page(items: try Self.fusedEvents(rows, db), total: min(total, Self.countCap), limit: filter.limit, offset: filter.offset,
                        totalIsLowerBound: total > Self.countCap)
        }
    }

    public func actors(query: String?, limit: Int, offset: Int) throws -> Page<ActorRecord> {
        try pool.read { db in
            var whereClause = ""
            var arguments: StatementArguments = []
            if let query, !query.isEmpty {
                whereClause = "WHERE a.name LIKE ? ESCAPE '\\' OR a.name_en LIKE ? ESCAPE '\\' OR a.kb = ?"
                let pattern = "%" + Self.likeEscaped(query) + "%"
                arguments = [pattern, pattern, query]
            }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM actor a \(whereClause)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(db, sql: "\(Self.actorSelect) \(whereClause) ORDER BY events DESC, documents DESC, a.id LIMIT ? OFFSET ?",
                                        arguments: arguments + [limit, offset])
            return Page(items: rows.map(Self.actorRecord), total: total, limit: limit, offset: offset)
        }
    }

    public func actor(id: Int64, eventLimit: Int) throws -> ActorDetail? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "\(Self.actorSelect) WHERE a.id = ?", arguments: [id]) else { return nil }
            let eventRows = try Row.fetchAll(db, sql: """
                SELECT * FROM fused_event WHERE source_actor = ? OR target_actor = ? ORDER BY date DESC, id DESC LIMIT ?
                """, arguments: [id, id, eventLimit])
            let partnerRows = try Row.fetchAll(db, sql: """
                SELECT partner, count(*) AS n FROM (
                    SELECT target_actor AS partner FROM fused_event WHERE source_actor = ? AND target_actor IS NOT NULL
                    UNION ALL SELECT source_actor FROM fused_event WHERE target_actor = ? AND source_actor IS NOT NULL)
                GROUP BY partner ORDER BY n DESC, partner LIMIT 50
                """, arguments: [id, id])
            var partners: [ActorDetail.Partner] = []
            for p in partnerRows {
                if let actor = try Row.fetchOne(db, sql: "\(Self.actorSelect) WHERE a.id = ?", arguments: [p["partner"] as Int64]) {
                    partners.append(.init(actor: Self.actorRecord(actor), events: p["n"]))
                }
            }
            return ActorDetail(actor: Self.actorRecord(row), events: try Self.fusedEvents(eventRows, db), partners: partners)
        }
    }

    public func network(from: String?, to: String?, limit: Int) throws -> NetworkGraph {
        try pool.read { db in
            var conditions = ["source_actor IS NOT NULL", "target_actor IS NOT NULL"]
            var arguments: StatementArguments = []
            if let from { conditions.append("date >= ?"); arguments += [from] }
            if let to { conditions.append("substr(date, 1, 10) <= ?"); arguments += [to] }
            let rows = try Row.fetchAll(db, sql: """
                SELECT source_actor, target_actor, type, count(*) AS weight FROM fused_event
                WHERE \(conditions.joined(separator: " AND "))
                GROUP BY source_actor, target_actor, type ORDER BY weight DESC, source_actor, target_actor, type LIMIT ?
                """, arguments: arguments + [limit])
            let edges = rows.map { NetworkGraph.Edge(source: $0["source_actor"], target: $0["target_actor"], type: $0["type"], weight: $0["weight"]) }
            let ids = Set(edges.flatMap { [$0.source, $0.target] })
            var nodes: [ActorRecord] = []
            for id in ids.sorted() {
                if let row = try Row.fetchOne(db.cachedStatement(sql: "\(Self.actorSelect) WHERE a.id = ?"), arguments: [id]) { nodes.append(Self.actorRecord(row)) }
            }
            return NetworkGraph(nodes: nodes, edges: edges)
        }
    }

    public func timeline(actor: Int64?, type: String?) throws -> [TimelineBucket] {
        try pool.read { db in
            var conditions = ["date IS NOT NULL"]
            var arguments: StatementArguments = []
            if let actor { conditions.append("(source_actor = ? OR target_actor = ?)"); arguments += [actor, actor] }
            if let type { conditions.append("type = ?"); arguments += [type] }
            let rows = try Row.fetchAll(db, sql: """
                SELECT substr(date, 1, 10) AS day, type, count(*) AS n FROM fused_event
                WHERE \(conditions.joined(separator: " AND ")) GROUP BY day, type ORDER BY day, type
                """, arguments: arguments)
            return rows.map { TimelineBucket(date: $0["day"], type: $0["type"], count: $0["n"]) }
        }
    }

    /// Every stored document's extraction (marsad.document/1 JSON), in ingest order.
    public func forEachResult(_ body: (String) throws -> Void) throws {
        try pool.read { db in
            let cursor = try String.fetchCursor(db, sql: "SELECT result FROM document ORDER BY rowid")
            while let json = try cursor.next() { try body(json) }
        }
    }

    /// Lists count their matches up to this many: an exact count of a huge result costs a scan
    /// per page and tells an analyst nothing more.
    public static let countCap = 1_000

    // MARK: rows to records

    static let actorSelect = """
        SELECT a.*, (SELECT count(*) FROM fused_event e WHERE e.source_actor = a.id)
                  + (SELECT count(*) FROM fused_event e WHERE e.target_actor = a.id AND e.source_actor IS NOT a.id) AS events,
               (SELECT count(*) FROM document_actor da WHERE da.actor = a.id) AS documents
        FROM actor a
        """

    static func summary(_ row: Row) -> DocumentSummary {
        DocumentSummary(id: row["id"], source: row["source"], outlet: row["outlet"], published: row["published"], title: row["title"],
                        length: row["length"], events: row["events"])
    }

    static func actorRecord(_ row: Row) -> ActorRecord {
        ActorRecord(id: row["id"], name: row["name"], nameEn: row["name_en"], type: row["type"], country: row["country"], cameo: row["cameo"],
                    kb: row["kb"], events: row["events"], documents: row["documents"])
    }

    /// Fused events with their participants and reports: three queries for a whole page.
    static func fusedEvents(_ rows: [Row], _ db: Database) throws -> [FusedEventRecord] {
        guard !rows.isEmpty else { return [] }
        let ids = rows.map { $0["id"] as Int64 }
        // Participants without their counts: counting every actor's events on every page is what would make lists slow.
        let actorIDs = Array(Set(rows.flatMap { [$0["source_actor"] as Int64?, $0["target_actor"] as Int64?] }.compactMap { $0 })).sorted()
        var actors: [Int64: ActorRecord] = [:]
        for row in actorIDs.isEmpty ? [] : try Row.fetchAll(db, sql: "SELECT * FROM actor WHERE id IN (\(placeholders(actorIDs.count)))", arguments: StatementArguments(actorIDs)) {
            let actor = actorRecord(row)
            actors[actor.id] = actor
        }
        var reports: [Int64: [ReportRecord]] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT r.*, d.source AS doc_source, d.outlet, d.published FROM report r JOIN document d ON d.id = r.document
            WHERE r.fused_event IN (\(placeholders(ids.count))) ORDER BY r.fused_event, d.published, r.id
            """, arguments: StatementArguments(ids)) {
            reports[r["fused_event"], default: []].append(ReportRecord(
                document: r["document"], source: r["doc_source"], outlet: r["outlet"], published: r["published"], event: r["event"],
                date: r["date"], modality: r["modality"], speaker: r["speaker"], anonymous: r["anonymous"], verb: r["verb"],
                confidence: r["confidence"], trigger: EvidenceRecord(text: r["trigger_text"], start: r["trigger_start"], end: r["trigger_end"]),
                sentence: EvidenceRecord(text: nil, start: r["sentence_start"], end: r["sentence_end"]), killed: r["killed"], injured: r["injured"]))
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            let location: PlaceRecord? = (row["location_name"] as String?).map { PlaceRecord(name: $0, kb: row["location_kb"], lat: row["lat"], lon: row["lon"]) }
            return FusedEventRecord(id: id, type: row["type"], mode: row["mode"], cameo: row["cameo"], date: row["date"], precision: row["precision"],
                                    source: (row["source_actor"] as Int64?).flatMap { actors[$0] }, target: (row["target_actor"] as Int64?).flatMap { actors[$0] },
                                    location: location, reportCount: row["report_count"], fatalities: row["fatalities"], injured: row["injured"],
                                    contested: row["contested"], reports: reports[id] ?? [])
        }
    }

    /// `?, ?, …` for an IN list of `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// A user's words as an FTS5 query: each normalized word a quoted term, all required, so that
    /// no operator or quote in the input can change the query's meaning.
    package static func searchTerms(_ text: String) -> [String] {
        SearchText.normalize(text).split(whereSeparator: { $0.isWhitespace || $0.isPunctuation || $0.isSymbol })
            .prefix(16).map { $0.replacingOccurrences(of: "\"", with: "") }.filter { !$0.isEmpty }
    }

    static func ftsQuery(_ text: String) -> String {
        searchTerms(text).map { "\"" + $0 + "\"" }.joined(separator: " ")
    }

    package static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
