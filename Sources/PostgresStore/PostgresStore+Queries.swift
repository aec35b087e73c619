import Foundation
import PostgresNIO
import Store

/// The read queries behind the API, the dashboard and the exports, answering as the SQLite store
/// does (NULL dates sort as SQLite sorts them). Every value from outside is a `$n` parameter.
extension PostgresStore {
    public func documents(_ filter: DocumentFilter) async throws -> Page<DocumentSummary> {
        var conditions = SQL()
        var parts: [String] = []
        if let query = filter.query {
            let terms = MarsadStore.searchTerms(query)
            if !terms.isEmpty { parts.append("d.search @@ plainto_tsquery('simple', \(conditions.bind(terms.joined(separator: " "))))") }
        }
        if let from = filter.from { parts.append("d.published >= \(conditions.bind(from))") }
        if let to = filter.to { parts.append("d.published <= \(conditions.bind(to))") }
        if let outlet = filter.outlet { parts.append("d.outlet = \(conditions.bind(outlet))") }
        let whereClause = parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
        return try await read { c in
            var count = conditions
            count.append("SELECT count(*) AS n FROM document d \(whereClause)")
            let total: Int = try await c.rows(count, logger: self.logger)[0].value("n")
            var select = conditions
            let (limit, offset) = (select.bind(filter.limit), select.bind(filter.offset))
            select.append("""
                SELECT d.id, d.source, d.outlet, d.published, d.title, d.length,
                       (SELECT count(*) FROM report r WHERE r.document = d.id) AS events
                FROM document d \(whereClause)
                ORDER BY d.published DESC NULLS LAST, d.seq DESC LIMIT \(limit) OFFSET \(offset)
                """)
            let items = try await c.rows(select, logger: self.logger).map(Self.summary)
            return Page(items: items, total: total, limit: filter.limit, offset: filter.offset)
        }
    }

    public func document(id: String) async throws -> StoredDocument? {
        try await read { c in
            guard let row = try await c.rows("""
                SELECT d.id, d.source, d.outlet, d.published, d.title, d.length, d.text, d.result,
                       (SELECT count(*) FROM report r WHERE r.document = d.id) AS events
                FROM document d WHERE d.id = \(id)
                """, logger: self.logger).first else { return nil }
            return StoredDocument(summary: try Self.summary(row), text: try row.value("text"), result: try row.value("result"))
        }
    }

    public func events(_ filter: EventFilter) async throws -> Page<FusedEventRecord> {
        var conditions = SQL()
        var parts: [String] = []
        if let type = filter.type { parts.append("e.type = \(conditions.bind(type))") }
        if let actor = filter.actor {
            let p = conditions.bind(actor)
            parts.append("(e.source_actor = \(p) OR e.target_actor = \(p))")
        }
        if let country = filter.country {
            let p = conditions.bind(country)
            parts.append("(e.source_country = \(p) OR e.target_country = \(p))")
        }
        if let from = filter.from { parts.append("e.date >= \(conditions.bind(from))") }
        if let to = filter.to { parts.append("e.date < \(conditions.bind(to + "~"))") }
        if let place = filter.place {
            let p = conditions.bind(place)
            parts.append("(e.location_kb = \(p) OR e.location_name = \(p))")
        }
        if let modality = filter.modality { parts.append("(e.modalities & \(conditions.bind(Fusion.modalityBit(modality)))) <> 0") }
        let whereClause = parts.isEmpty ? "" : "WHERE " + parts.joined(separator: " AND ")
        return try await read { c in
            var count = conditions
            let cap = count.bind(MarsadStore.countCap + 1)
            count.append("SELECT count(*) AS n FROM (SELECT 1 FROM fused_event e \(whereClause) LIMIT \(cap)) capped")
            let total: Int = try await c.rows(count, logger: self.logger)[0].value("n")
            var select = conditions
            let (limit, offset) = (select.bind(filter.limit), select.bind(filter.offset))
            select.append("""
                SELECT * FROM fused_event e \(whereClause)
                ORDER BY e.date DESC NULLS LAST, e.id DESC LIMIT \(limit) OFFSET \(offset)
                """)
            let rows = try await c.rows(select, logger: self.logger)
            return Page(items: try await self.fusedEvents(rows, c), total: min(total, MarsadStore.countCap), limit: filter.limit,
                        offset: filter.offset, totalIsLowerBound: total > MarsadStore.countCap)
        }
    }

    public func actors(query: String?, limit: Int, offset: Int) async throws -> Page<ActorRecord> {
        var conditions = SQL()
        var whereClause = ""
        if let query, !query.isEmpty {
            let pattern = conditions.bind("%" + MarsadStore.likeEscaped(query) + "%"), exact = conditions.bind(query)
            whereClause = "WHERE a.name LIKE \(pattern) ESCAPE '\\' OR a.name_en LIKE \(pattern) ESCAPE '\\' OR a.kb = \(exact)"
        }
        return try await read { c in
            var count = conditions
            count.append("SELECT count(*) AS n FROM actor a \(whereClause)")
            let total: Int = try await c.rows(count, logger: self.logger)[0].value("n")
            var select = conditions
            let (limitParameter, offsetParameter) = (select.bind(limit), select.bind(offset))
            select.append("\(Self.actorSelect) \(whereClause) ORDER BY events DESC, documents DESC, a.id LIMIT \(limitParameter) OFFSET \(offsetParameter)")
            return Page(items: try await c.rows(select, logger: self.logger).map(Self.actorRecord), total: total, limit: limit, offset: offset)
        }
    }

    public func actor(id: Int64, eventLimit: Int) async throws -> ActorDetail? {
        try await read { c in
            guard let row = try await c.rows(SQL.actorByID(id), logger: self.logger).first else { return nil }
            let eventRows = try await c.rows("""
                SELECT * FROM fused_event WHERE source_actor = \(id) OR target_actor = \(id) ORDER BY date DESC NULLS LAST, id DESC LIMIT \(eventLimit)
                """, logger: self.logger)
            let partnerRows = try await c.rows("""
                SELECT partner, count(*) AS n FROM (
                    SELECT target_actor AS partner FROM fused_event WHERE source_actor = \(id) AND target_actor IS NOT NULL
                    UNION ALL SELECT source_actor FROM fused_event WHERE target_actor = \(id) AND source_actor IS NOT NULL) pairs
                GROUP BY partner ORDER BY n DESC, partner LIMIT 50
                """, logger: self.logger)
            var partners: [ActorDetail.Partner] = []
            for p in partnerRows {
                if let actor = try await c.rows(SQL.actorByID(try p.value("partner")), logger: self.logger).first {
                    partners.append(.init(actor: try Self.actorRecord(actor), events: try p.value("n")))
                }
            }
            return ActorDetail(actor: try Self.actorRecord(row), events: try await self.fusedEvents(eventRows, c), partners: partners)
        }
    }

    public func network(from: String?, to: String?, limit: Int) async throws -> NetworkGraph {
        var sql = SQL()
        var conditions = ["source_actor IS NOT NULL", "target_actor IS NOT NULL"]
        if let from { conditions.append("date >= \(sql.bind(from))") }
        if let to { conditions.append("substr(date, 1, 10) <= \(sql.bind(to))") }
        let limitParameter = sql.bind(limit)
        sql.append("""
            SELECT source_actor, target_actor, type, count(*) AS weight FROM fused_event
            WHERE \(conditions.joined(separator: " AND "))
            GROUP BY source_actor, target_actor, type ORDER BY weight DESC, source_actor, target_actor, type LIMIT \(limitParameter)
            """)
        return try await read { c in
            let edges = try await c.rows(sql, logger: self.logger).map {
                NetworkGraph.Edge(source: try $0.value("source_actor"), target: try $0.value("target_actor"), type: try $0.value("type"),
                                  weight: try $0.value("weight"))
            }
            let ids = Set(edges.flatMap { [$0.source, $0.target] }).sorted()
            let nodes = try await c.rows("\(unescaped: Self.actorSelect) WHERE a.id = ANY(\(ids)) ORDER BY a.id", logger: self.logger).map(Self.actorRecord)
            return NetworkGraph(nodes: nodes, edges: edges)
        }
    }

    public func timeline(actor: Int64?, type: String?) async throws -> [TimelineBucket] {
        var sql = SQL()
        var conditions = ["date IS NOT NULL"]
        if let actor {
            let p = sql.bind(actor)
            conditions.append("(source_actor = \(p) OR target_actor = \(p))")
        }
        if let type { conditions.append("type = \(sql.bind(type))") }
        sql.append("""
            SELECT substr(date, 1, 10) AS day, type, count(*) AS n FROM fused_event
            WHERE \(conditions.joined(separator: " AND ")) GROUP BY day, type ORDER BY day, type
            """)
        return try await read { c in
            try await c.rows(sql, logger: self.logger).map { TimelineBucket(date: try $0.value("day"), type: try $0.value("type"), count: try $0.value("n")) }
        }
    }

    public func forEachResult(_ body: (String) throws -> Void) async throws {
        try await read { c in
            // Pages by ingest order, so that a large store is never held in memory at once.
            var after: Int64 = 0
            while true {
                let rows = try await c.rows("SELECT seq, result FROM document WHERE seq > \(after) ORDER BY seq LIMIT 500", logger: self.logger)
                for row in rows { try body(try row.value("result")) }
                guard let last = rows.last else { return }
                after = try last.value("seq")
            }
        }
    }

    // MARK: rows to records

    static let actorSelect = """
        SELECT a.*, (SELECT count(*) FROM fused_event e WHERE e.source_actor = a.id)
                  + (SELECT count(*) FROM fused_event e WHERE e.target_actor = a.id AND e.source_actor IS DISTINCT FROM a.id) AS events,
               (SELECT count(*) FROM document_actor da WHERE da.actor = a.id) AS documents
        FROM actor a
        """

    static func summary(_ row: PostgresRandomAccessRow) throws -> DocumentSummary {
        DocumentSummary(id: try row.value("id"), source: try row.value("source"), outlet: try row.value("outlet"), published: try row.value("published"),
                        title: try row.value("title"), length: try row.value("length"), events: try row.value("events"))
    }

    static func actorRecord(_ row: PostgresRandomAccessRow) throws -> ActorRecord {
        ActorRecord(id: try row.value("id"), name: try row.value("name"), nameEn: try row.value("name_en"), type: try row.value("type"),
                    country: try row.value("country"), cameo: try row.value("cameo"), kb: try row.value("kb"),
                    events: row.contains("events") ? try row.value("events") : nil, documents: row.contains("documents") ? try row.value("documents") : nil)
    }

    /// Fused events with their participants and reports: three queries for a whole page.
    func fusedEvents(_ rows: [PostgresRandomAccessRow], _ c: PostgresConnection) async throws -> [FusedEventRecord] {
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = try rows.map { try $0.value("id") }
        let actorIDs = Set(try rows.flatMap { [try $0.value("source_actor", as: Int64?.self), try $0.value("target_actor", as: Int64?.self)] }.compactMap { $0 })
        var actors: [Int64: ActorRecord] = [:]
        for row in try await c.rows("SELECT * FROM actor WHERE id = ANY(\(actorIDs.sorted()))", logger: logger) {
            let actor = try Self.actorRecord(row)
            actors[actor.id] = actor
        }
        var reports: [Int64: [ReportRecord]] = [:]
        for r in try await c.rows("""
            SELECT r.*, d.source AS doc_source, d.outlet, d.published FROM report r JOIN document d ON d.id = r.document
            WHERE r.fused_event = ANY(\(ids)) ORDER BY r.fused_event, d.published NULLS FIRST, r.id
            """, logger: logger) {
            reports[try r.value("fused_event"), default: []].append(ReportRecord(
                document: try r.value("document"), source: try r.value("doc_source"), outlet: try r.value("outlet"), published: try r.value("published"),
                event: try r.value("event"), date: try r.value("date"), modality: try r.value("modality"), speaker: try r.value("speaker"),
                anonymous: try r.value("anonymous"), verb: try r.value("verb"), confidence: try r.value("confidence"),
                trigger: EvidenceRecord(text: try r.value("trigger_text"), start: try r.value("trigger_start"), end: try r.value("trigger_end")),
                sentence: EvidenceRecord(text: nil, start: try r.value("sentence_start"), end: try r.value("sentence_end")),
                killed: try r.value("killed"), injured: try r.value("injured")))
        }
        return try rows.map { row in
            let id: Int64 = try row.value("id")
            let location = try row.value("location_name", as: String?.self).map {
                PlaceRecord(name: $0, kb: try row.value("location_kb"), lat: try row.value("lat"), lon: try row.value("lon"))
            }
            return FusedEventRecord(id: id, type: try row.value("type"), mode: try row.value("mode"), cameo: try row.value("cameo"), date: try row.value("date"),
                                    precision: try row.value("precision"), source: try row.value("source_actor", as: Int64?.self).flatMap { actors[$0] },
                                    target: try row.value("target_actor", as: Int64?.self).flatMap { actors[$0] }, location: location,
                                    reportCount: try row.value("report_count"), fatalities: try row.value("fatalities"), injured: try row.value("injured"),
                                    contested: try row.value("contested"), reports: reports[id] ?? [])
        }
    }
}

extension SQL {
    static func actorByID(_ id: Int64) -> SQL {
        var sql = SQL()
        let parameter = sql.bind(id)
        sql.append("\(PostgresStore.actorSelect) WHERE a.id = \(parameter)")
        return sql
    }
}
