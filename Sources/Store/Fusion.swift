import ArabicText
import Extraction
import Foundation
import GRDB
import Knowledge

/// One article's report of an event, as the store keeps it.
package struct Report {
    package var event: Event
    package var document: String
    package var source: Int64?
    package var target: Int64?
    package var place: DocumentEntity?
    package var text: ScalarText

    package init(event: Event, document: String, source: Int64?, target: Int64?, place: DocumentEntity?, text: ScalarText) {
        self.event = event
        self.document = document
        self.source = source
        self.target = target
        self.place = place
        self.text = text
    }

    /// The words of the named or anonymous source the report is attributed to.
    package var speaker: String? { event.attribution?.speaker.map { text.text($0.span) } }

    package var killed: Int? { count(.killed) }
    package var injured: Int? { count(.injured) }

    private func count(_ kind: QuantityKind) -> Int? {
        event.quantities.filter { $0.kind == kind }.map { Int($0.value) }.max()
    }
}

/// Decides which reports are of one real event and keeps each fused event's summary up to date.
///
/// Reports fuse when they have the same type and source actor and the same target (or one of them
/// names none), their days lie within `dayWindow` of each other (or one has no date), and their
/// places are the same, lie within `kilometres`, or one has none. Each report keeps its own
/// attribution and modality; a fused event whose reports both assert and deny it is `contested`.
///
/// A document's reports are planned together (`plan`) over the stored fused events they might
/// join, as if filed one after the other, so that each engine reads the candidates once and
/// writes the outcome in a few statements.
package enum Fusion {
    static let dayWindow = 2
    static let kilometres = 50.0

    /// A fused event as fusion sees it: stored, or new in the document being filed.
    package struct State: Sendable {
        package enum Reference: Hashable, Sendable {
            case stored(Int64)
            /// The n-th new fused event of the document.
            case new(Int)
        }

        package var reference: Reference
        package var type: String
        package var source: Int64?
        package var target: Int64?
        package var date: String?
        package var locationName: String?
        package var kb: String?
        package var lat: Double?
        package var lon: Double?
        /// The report that created a new fused event (its mode, CAMEO code and date precision).
        package var creator: Int?
        /// A stored event whose target or place a report filled in.
        package var changed = false

        /// The id of a stored fused event (for ordering; new ones sort last).
        package var storedID: Int64 {
            if case .stored(let id) = reference { return id }
            return .max
        }

        package init(id: Int64, type: String, source: Int64?, target: Int64?, date: String?, locationName: String?, kb: String?, lat: Double?,
                     lon: Double?) {
            reference = .stored(id)
            (self.type, self.source, self.target, self.date) = (type, source, target, date)
            (self.locationName, self.kb, self.lat, self.lon) = (locationName, kb, lat, lon)
        }
    }

    /// Which stored fused events a document's reports might join: per type and source, a range
    /// of days (ISO days compare as text), or any day when a report is undated.
    package struct CandidateKey: Hashable, Sendable {
        package var type: String
        package var source: Int64?
        /// Nil: any date.
        package var earliest: String?
        package var latest: String?
    }

    /// The name of the fused events of one type and source: the unit fusion reads and, on
    /// PostgreSQL, locks.
    package static func key(type: String, source: Int64?) -> String {
        "\(type)|\(source.map(String.init) ?? "-")"
    }

    package static func candidateKeys(_ reports: [Report]) -> [CandidateKey] {
        var keys: [String: CandidateKey] = [:]
        for report in reports {
            let id = key(type: report.event.type.rawValue, source: report.source)
            let window = dateWindow(of: report)
            guard var key = keys[id] else {
                keys[id] = CandidateKey(type: report.event.type.rawValue, source: report.source, earliest: window.earliest, latest: window.latest)
                continue
            }
            if let earliest = window.earliest, let latest = window.latest, key.earliest != nil {
                key.earliest = min(key.earliest!, earliest)
                key.latest = max(key.latest!, latest)
            } else {
                (key.earliest, key.latest) = (nil, nil)
            }
            keys[id] = key
        }
        return keys.keys.sorted().map { keys[$0]! }
    }

    /// Files reports one after the other over `stored` candidates (in id order): each joins the
    /// nearest compatible fused event, filling in its target and place where it had none, or
    /// starts a new one. Returns each report's fused event and the final state of every fused
    /// event touched, stored or new.
    package static func plan(_ reports: [Report], stored: [State]) -> (assignments: [State.Reference], events: [State]) {
        var events = stored
        var assignments: [State.Reference] = []
        var touched = Set<State.Reference>()
        for (n, report) in reports.enumerated() {
            let window = dateWindow(of: report)
            var chosen: (index: Int, distance: Int)?
            for (index, event) in events.enumerated()
            where event.type == report.event.type.rawValue && event.source == report.source
                && (event.target == report.target || event.target == nil || report.target == nil) {
                if let earliest = window.earliest, let latest = window.latest, let date = event.date, !(date >= earliest && date <= latest) { continue }
                guard let distance = distance(report, to: event) else { continue }
                if chosen == nil || distance < chosen!.distance { chosen = (index, distance) }
            }
            let place = report.place
            if let chosen {
                var event = events[chosen.index]
                if event.target == nil, let target = report.target {
                    event.target = target
                    event.changed = true
                }
                if event.locationName == nil, let place {
                    (event.locationName, event.kb, event.lat, event.lon) = (place.name, place.kb, place.latitude, place.longitude)
                    event.changed = true
                }
                events[chosen.index] = event
                assignments.append(event.reference)
            } else {
                var event = State(id: 0, type: report.event.type.rawValue, source: report.source, target: report.target, date: report.event.date?.value,
                                  locationName: place?.name, kb: place?.kb, lat: place?.latitude, lon: place?.longitude)
                event.reference = .new(events.count - stored.count)
                event.creator = n
                events.append(event)
                assignments.append(event.reference)
            }
            touched.insert(assignments.last!)
        }
        return (assignments, events.filter { touched.contains($0.reference) })
    }

    /// The days a report's candidates lie between; nil for an undated report.
    static func dateWindow(of report: Report) -> (earliest: String?, latest: String?) {
        let day = report.event.date.flatMap { CalendarDate(iso: String($0.value.prefix(10))) }
        return (day.map { $0.adding(days: -dayWindow).iso }, day.map { $0.adding(days: dayWindow).iso + "~" })
    }

    /// How far a report is from a fused event of its type and source (days, plus one for a
    /// different target), or nil when they are too far apart in time or place to be one event.
    static func distance(_ report: Report, to event: State) -> Int? {
        var distance = 0
        if let day = report.event.date.flatMap({ CalendarDate(iso: String($0.value.prefix(10))) }),
           let otherDay = event.date.flatMap({ CalendarDate(iso: String($0.prefix(10))) }) {
            distance = abs(day.dayNumber - otherDay.dayNumber)
            guard distance <= dayWindow else { return nil }
        }
        guard samePlace(report, kb: event.kb, lat: event.lat, lon: event.lon) else { return nil }
        return event.target == report.target ? distance : distance + 1
    }

    /// The `modalities` bits of a fused event from its reports' modalities, comma-separated.
    package static func modalityBits(_ modalities: String) -> Int {
        modalities.split(separator: ",").reduce(0) { $0 | modalityBit(String($1)) }
    }

    /// Files a document's reports in SQLite: reads the fused events they might join, plans, and
    /// writes the new fused events, the filled-in ones, the reports and the refreshed summaries.
    static func file(_ reports: [Report], _ db: Database) throws {
        guard !reports.isEmpty else { return }
        var stored: [State] = []
        for key in candidateKeys(reports) {
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, type, source_actor, target_actor, date, location_name, location_kb, lat, lon FROM fused_event
                WHERE type = ? AND source_actor IS ? AND (? IS NULL OR date IS NULL OR date BETWEEN ? AND ?)
                """), arguments: [key.type, key.source, key.earliest, key.earliest, key.latest])
            stored += rows.map {
                State(id: $0["id"], type: $0["type"], source: $0["source_actor"], target: $0["target_actor"], date: $0["date"],
                      locationName: $0["location_name"], kb: $0["location_kb"], lat: $0["lat"], lon: $0["lon"])
            }
        }
        stored.sort { $0.storedID < $1.storedID }
        let (assignments, events) = plan(reports, stored: stored)
        var ids: [State.Reference: Int64] = [:]
        for event in events {
            switch event.reference {
            case .stored(let id):
                ids[event.reference] = id
                guard event.changed else { continue }
                try db.execute(sql: "UPDATE fused_event SET target_actor = ?, location_name = ?, location_kb = ?, lat = ?, lon = ? WHERE id = ?",
                               arguments: [event.target, event.locationName, event.kb, event.lat, event.lon, id])
            case .new:
                let creator = reports[event.creator!].event
                try db.execute(sql: """
                    INSERT INTO fused_event (type, mode, cameo, source_actor, target_actor, date, precision, location_name, location_kb, lat, lon)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [event.type, creator.mode, creator.cameo, event.source, event.target, event.date, creator.date?.precision.rawValue,
                                     event.locationName, event.kb, event.lat, event.lon])
                ids[event.reference] = db.lastInsertedRowID
            }
        }
        for (report, reference) in zip(reports, assignments) {
            let event = report.event, attribution = event.attribution
            try db.execute(sql: """
                INSERT INTO report (fused_event, document, event, type, source_actor, target_actor, date, modality, speaker, anonymous, verb,
                                    confidence, trigger_text, trigger_start, trigger_end, sentence_start, sentence_end, killed, injured)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [ids[reference], report.document, event.id, event.type.rawValue, report.source, report.target, event.date?.value,
                                 event.modality.rawValue, report.speaker, attribution?.anonymous ?? false, attribution?.verb, event.confidence,
                                 report.text.text(event.trigger), event.trigger.start, event.trigger.end, event.sentence.start, event.sentence.end,
                                 report.killed, report.injured])
        }
        for id in Set(ids.values).sorted() { try refresh(id, db) }
    }

    /// Recomputes a fused event's report count, casualties and contestation from its reports;
    /// deletes it when no report is left.
    static func refresh(_ fused: Int64, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT count(*) AS reports, max(killed) AS killed, max(injured) AS injured,
                   max(modality = 'denied') AS denied, max(modality <> 'denied') AS affirmed,
                   group_concat(DISTINCT modality) AS modalities
            FROM report WHERE fused_event = ?
            """, arguments: [fused]), (row["reports"] as Int) > 0 else {
            try db.execute(sql: "DELETE FROM fused_event WHERE id = ?", arguments: [fused])
            return
        }
        let contested = (row["denied"] as Int? ?? 0) == 1 && (row["affirmed"] as Int? ?? 0) == 1
        let modalities = modalityBits((row["modalities"] as String?) ?? "")
        try db.execute(sql: """
            UPDATE fused_event SET report_count = ?, fatalities = ?, injured = ?, contested = ?, modalities = ?,
                source_country = (SELECT country FROM actor WHERE id = fused_event.source_actor),
                target_country = (SELECT country FROM actor WHERE id = fused_event.target_actor)
            WHERE id = ?
            """, arguments: [row["reports"] as Int, row["killed"] as Int?, row["injured"] as Int?, contested, modalities, fused])
    }

    /// The modalities in the order of their bits in `fused_event.modalities` (1, 2, 4 …).
    package static let modalityOrder = ["asserted", "denied", "planned", "hypothetical", "demanded"]

    /// The bit of a modality in `fused_event.modalities`.
    package static func modalityBit(_ modality: String) -> Int {
        modalityOrder.firstIndex(of: modality).map { 1 << $0 } ?? 0
    }

    static func samePlace(_ report: Report, kb: String?, lat: Double?, lon: Double?) -> Bool {
        guard let place = report.place, kb != nil || lat != nil else { return true }
        if let kb, kb == place.kb { return true }
        guard let lat, let lon, let pLat = place.latitude, let pLon = place.longitude else { return place.kb == nil && kb == nil }
        return kilometresBetween(lat, lon, pLat, pLon) <= kilometres
    }

    /// Great-circle distance (haversine, mean Earth radius).
    static func kilometresBetween(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0, p = Double.pi / 180
        let a = pow(sin((lat2 - lat1) * p / 2), 2) + cos(lat1 * p) * cos(lat2 * p) * pow(sin((lon2 - lon1) * p / 2), 2)
        return 2 * r * asin(min(1, sqrt(a)))
    }
}
