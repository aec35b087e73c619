import Extraction
import Store

/// Writes pages of fused events as JSON straight into bytes: the API's busiest responses, which
/// Foundation's JSONEncoder made cost as much as the queries behind them. The output is the
/// records' Codable form (same keys, sorted; absent optionals left out), as a test checks.
struct EventJSON {
    private var w = JSONWriter(capacity: 1 << 16)

    var bytes: [UInt8] { w.bytes }

    mutating func page(_ page: Page<FusedEventRecord>) {
        w.object { w in
            w.key("items"); w.array(page.items) { w, event in Self.event(event, &w) }
            w.key("limit"); w.integer(page.limit)
            w.key("offset"); w.integer(page.offset)
            w.key("total"); w.integer(page.total)
            w.key("total_is_lower_bound"); w.boolean(page.totalIsLowerBound)
        }
    }

    mutating func detail(_ detail: ActorDetail) {
        w.object { w in
            w.key("actor"); Self.actor(detail.actor, &w)
            w.key("events"); w.array(detail.events) { w, event in Self.event(event, &w) }
            w.key("partners")
            w.array(detail.partners) { w, partner in
                w.object { w in
                    w.key("actor"); Self.actor(partner.actor, &w)
                    w.key("events"); w.integer(partner.events)
                }
            }
        }
    }

    private static func event(_ event: FusedEventRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.optional("cameo", event.cameo) { $0.string($1) }
            w.key("contested"); w.boolean(event.contested)
            w.optional("date", event.date) { $0.string($1) }
            w.optional("fatalities", event.fatalities) { $0.integer($1) }
            w.key("id"); w.integer(Int(event.id))
            w.optional("injured", event.injured) { $0.integer($1) }
            w.optional("location", event.location) { place($1, &$0) }
            w.optional("mode", event.mode) { $0.string($1) }
            w.optional("precision", event.precision) { $0.string($1) }
            w.key("report_count"); w.integer(event.reportCount)
            w.key("reports"); w.array(event.reports) { w, report in Self.report(report, &w) }
            w.optional("source", event.source) { actor($1, &$0) }
            w.optional("target", event.target) { actor($1, &$0) }
            w.key("type"); w.string(event.type)
        }
    }

    private static func actor(_ actor: ActorRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.optional("cameo", actor.cameo) { $0.string($1) }
            w.optional("country", actor.country) { $0.string($1) }
            w.optional("documents", actor.documents) { $0.integer($1) }
            w.optional("events", actor.events) { $0.integer($1) }
            w.key("id"); w.integer(Int(actor.id))
            w.optional("kb", actor.kb) { $0.string($1) }
            w.key("name"); w.string(actor.name)
            w.optional("name_en", actor.nameEn) { $0.string($1) }
            w.key("type"); w.string(actor.type)
        }
    }

    private static func place(_ place: PlaceRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.optional("kb", place.kb) { $0.string($1) }
            w.optional("lat", place.lat) { $0.number($1) }
            w.optional("lon", place.lon) { $0.number($1) }
            w.key("name"); w.string(place.name)
        }
    }

    private static func report(_ report: ReportRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.key("anonymous"); w.boolean(report.anonymous)
            w.key("confidence"); w.number(report.confidence)
            w.optional("date", report.date) { $0.string($1) }
            w.key("document"); w.string(report.document)
            w.key("event"); w.string(report.event)
            w.optional("injured", report.injured) { $0.integer($1) }
            w.optional("killed", report.killed) { $0.integer($1) }
            w.key("modality"); w.string(report.modality)
            w.optional("outlet", report.outlet) { $0.string($1) }
            w.optional("published", report.published) { $0.string($1) }
            w.key("sentence"); evidence(report.sentence, &w)
            w.key("source"); w.string(report.source)
            w.optional("speaker", report.speaker) { $0.string($1) }
            w.key("trigger"); evidence(report.trigger, &w)
            w.optional("verb", report.verb) { $0.string($1) }
        }
    }

    private static func evidence(_ evidence: EvidenceRecord, _ w: inout JSONWriter) {
        w.object { w in
            w.key("end"); w.integer(evidence.end)
            w.key("start"); w.integer(evidence.start)
            w.optional("text", evidence.text) { $0.string($1) }
        }
    }
}
