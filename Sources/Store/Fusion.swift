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

    package var killed: Int? { count(.killed) }
    package var injured: Int? { count(.injured) }

    private func count(_ kind: QuantityKind) -> Int? {
        event.quantities.filter { $0.kind == kind }.map { Int($0.value) }.max()
    }
}

/// Decides which reports are of one real event and keeps each fused event's summary up to date.
///
/// Reports fuse when they have the same type and source actor and the same target (or one of them
/// names none), their days
/// lie within `dayWindow` of each other (or one has no date), and their places are the same, lie
/// within `kilometres`, or one has none. Each report keeps its own attribution and modality; a
/// fused event whose reports both assert and deny it is `contested`.
package enum Fusion {
    static let dayWindow = 2
    static let kilometres = 50.0

    static func add(_ report: Report, _ db: Database) throws {
        let event = report.event
        let window = dateWindow(of: report)
        let candidates = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, date, location_kb, lat, lon, target_actor FROM fused_event
            WHERE type = ? AND source_actor IS ? AND (target_actor IS ? OR target_actor IS NULL OR ? IS NULL)
              AND (? IS NULL OR date IS NULL OR date BETWEEN ? AND ?)
            """), arguments: [event.type.rawValue, report.source, report.target, report.target, window.earliest, window.earliest, window.latest])
        let chosen = choose(among: candidates.map {
            Candidate(id: $0["id"], date: $0["date"], kb: $0["location_kb"], lat: $0["lat"], lon: $0["lon"], target: $0["target_actor"])
        }, for: report)
        let fused: Int64
        if let chosen {
            fused = chosen
        } else {
            try db.execute(sql: """
                INSERT INTO fused_event (type, mode, cameo, source_actor, target_actor, date, precision, location_name, location_kb, lat, lon)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [event.type.rawValue, event.mode, event.cameo, report.source, report.target, event.date?.value,
                                 event.date?.precision.rawValue, report.place?.name, report.place?.kb, report.place?.latitude, report.place?.longitude])
            fused = db.lastInsertedRowID
        }
        let attribution = event.attribution
        try db.execute(sql: """
            INSERT INTO report (fused_event, document, event, type, source_actor, target_actor, date, modality, speaker, anonymous, verb,
                                confidence, trigger_text, trigger_start, trigger_end, sentence_start, sentence_end, killed, injured)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [fused, report.document, event.id, event.type.rawValue, report.source, report.target, event.date?.value,
                             event.modality.rawValue, attribution?.speaker.map { report.text.text($0.span) }, attribution?.anonymous ?? false,
                             attribution?.verb, event.confidence, report.text.text(event.trigger), event.trigger.start, event.trigger.end,
                             event.sentence.start, event.sentence.end, report.killed, report.injured])
        if chosen != nil, let target = report.target {
            try db.execute(sql: "UPDATE fused_event SET target_actor = ? WHERE id = ? AND target_actor IS NULL", arguments: [target, fused])
        }
        if chosen != nil, report.place != nil {
            try db.execute(sql: "UPDATE fused_event SET location_name = ?, location_kb = ?, lat = ?, lon = ? WHERE id = ? AND location_name IS NULL",
                           arguments: [report.place?.name, report.place?.kb, report.place?.latitude, report.place?.longitude, fused])
        }
        try refresh(fused, db)
    }

    /// A stored fused event that a report might be of.
    package struct Candidate: Sendable {
        package var id: Int64
        package var date: String?
        package var kb: String?
        package var lat: Double?
        package var lon: Double?
        package var target: Int64?

        package init(id: Int64, date: String?, kb: String?, lat: Double?, lon: Double?, target: Int64?) {
            self.id = id
            self.date = date
            self.kb = kb
            self.lat = lat
            self.lon = lon
            self.target = target
        }
    }

    /// The days a report's candidates lie between (ISO days compare as text, so the window is an
    /// index range); nil for an undated report.
    package static func dateWindow(of report: Report) -> (earliest: String?, latest: String?) {
        let day = report.event.date.flatMap { CalendarDate(iso: String($0.value.prefix(10))) }
        return (day.map { $0.adding(days: -dayWindow).iso }, day.map { $0.adding(days: dayWindow).iso + "~" })
    }

    /// The fused event a report is of, among candidates of its type and source with a compatible
    /// target: the nearest in days and place, an exact target being worth a day; nil for a new event.
    package static func choose(among candidates: [Candidate], for report: Report) -> Int64? {
        let day = report.event.date.flatMap { CalendarDate(iso: String($0.value.prefix(10))) }
        var chosen: (id: Int64, distance: Int)?
        for candidate in candidates {
            let otherDay = candidate.date.flatMap { CalendarDate(iso: String($0.prefix(10))) }
            var distance = 0
            if let day, let otherDay {
                distance = abs(day.dayNumber - otherDay.dayNumber)
                guard distance <= dayWindow else { continue }
            }
            guard samePlace(report, kb: candidate.kb, lat: candidate.lat, lon: candidate.lon) else { continue }
            if candidate.target != report.target { distance += 1 }
            if chosen == nil || distance < chosen!.distance { chosen = (candidate.id, distance) }
        }
        return chosen?.id
    }

    /// The `modalities` bits of a fused event from its reports' modalities, comma-separated.
    package static func modalityBits(_ modalities: String) -> Int {
        modalities.split(separator: ",").reduce(0) { $0 | modalityBit(String($1)) }
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
