import Store

/// Writes pages of fused events as JSON straight into bytes: the API's busiest responses, which
/// Foundation's JSONEncoder made cost as much as the queries behind them. The output is the
/// records' Codable form (same keys, sorted; absent optionals left out), as a test checks.
struct EventJSON {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func page(_ page: Page<FusedEventRecord>) {
        bytes.append(UInt8(ascii: "{"))
        key("items", first: true)
        array(page.items) { $0.event($1) }
        key("limit")
        integer(page.limit)
        key("offset")
        integer(page.offset)
        key("total")
        integer(page.total)
        key("total_is_lower_bound")
        boolean(page.totalIsLowerBound)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func detail(_ detail: ActorDetail) {
        bytes.append(UInt8(ascii: "{"))
        key("actor", first: true)
        actor(detail.actor)
        key("events")
        array(detail.events) { $0.event($1) }
        key("partners")
        array(detail.partners) { json, partner in
            json.bytes.append(UInt8(ascii: "{"))
            json.key("actor", first: true)
            json.actor(partner.actor)
            json.key("events")
            json.integer(partner.events)
            json.bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func event(_ event: FusedEventRecord) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        optional("cameo", event.cameo, &first) { $0.string($1) }
        required("contested", &first) { $0.boolean(event.contested) }
        optional("date", event.date, &first) { $0.string($1) }
        optional("fatalities", event.fatalities, &first) { $0.integer($1) }
        required("id", &first) { $0.integer(Int(event.id)) }
        optional("injured", event.injured, &first) { $0.integer($1) }
        optional("location", event.location, &first) { $0.place($1) }
        optional("mode", event.mode, &first) { $0.string($1) }
        optional("precision", event.precision, &first) { $0.string($1) }
        required("report_count", &first) { $0.integer(event.reportCount) }
        required("reports", &first) { $0.array(event.reports) { $0.report($1) } }
        optional("source", event.source, &first) { $0.actor($1) }
        optional("target", event.target, &first) { $0.actor($1) }
        required("type", &first) { $0.string(event.type) }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func actor(_ actor: ActorRecord) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        optional("cameo", actor.cameo, &first) { $0.string($1) }
        optional("country", actor.country, &first) { $0.string($1) }
        optional("documents", actor.documents, &first) { $0.integer($1) }
        optional("events", actor.events, &first) { $0.integer($1) }
        required("id", &first) { $0.integer(Int(actor.id)) }
        optional("kb", actor.kb, &first) { $0.string($1) }
        required("name", &first) { $0.string(actor.name) }
        optional("name_en", actor.nameEn, &first) { $0.string($1) }
        required("type", &first) { $0.string(actor.type) }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func place(_ place: PlaceRecord) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        optional("kb", place.kb, &first) { $0.string($1) }
        optional("lat", place.lat, &first) { $0.number($1) }
        optional("lon", place.lon, &first) { $0.number($1) }
        required("name", &first) { $0.string(place.name) }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func report(_ report: ReportRecord) {
        bytes.append(UInt8(ascii: "{"))
        var first = true
        required("anonymous", &first) { $0.boolean(report.anonymous) }
        required("confidence", &first) { $0.number(report.confidence) }
        optional("date", report.date, &first) { $0.string($1) }
        required("document", &first) { $0.string(report.document) }
        required("event", &first) { $0.string(report.event) }
        optional("injured", report.injured, &first) { $0.integer($1) }
        optional("killed", report.killed, &first) { $0.integer($1) }
        required("modality", &first) { $0.string(report.modality) }
        optional("outlet", report.outlet, &first) { $0.string($1) }
        optional("published", report.published, &first) { $0.string($1) }
        required("sentence", &first) { $0.evidence(report.sentence) }
        required("source", &first) { $0.string(report.source) }
        optional("speaker", report.speaker, &first) { $0.string($1) }
        required("trigger", &first) { $0.evidence(report.trigger) }
        optional("verb", report.verb, &first) { $0.string($1) }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func evidence(_ evidence: EvidenceRecord) {
        bytes.append(UInt8(ascii: "{"))
        key("end", first: true)
        integer(evidence.end)
        key("start")
        integer(evidence.start)
        if let text = evidence.text {
            key("text")
            string(text)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    // MARK: values

    private mutating func required(_ name: String, _ first: inout Bool, _ value: (inout EventJSON) -> Void) {
        key(name, first: first)
        first = false
        value(&self)
    }

    private mutating func optional<Value>(_ name: String, _ value: Value?, _ first: inout Bool, _ write: (inout EventJSON, Value) -> Void) {
        guard let value else { return }
        key(name, first: first)
        first = false
        write(&self, value)
    }

    private mutating func array<Element>(_ elements: [Element], _ write: (inout EventJSON, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (n, element) in elements.enumerated() {
            if n > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func key(_ name: String, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    private mutating func boolean(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    /// A finite number in Swift's shortest round-trip form; JSON has no NaN or infinity, so those are null.
    private mutating func number(_ value: Double) {
        guard value.isFinite else { return bytes.append(contentsOf: "null".utf8) }
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
