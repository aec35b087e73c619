import Foundation

/// Lays a stored extraction over its text for the reader: the text cut into pieces, each marked
/// with the kind of evidence it is (actor, place, trigger, date, quantity, quote), and the
/// document's events with the offsets of all their evidence.
struct DocumentReader {
    struct SpanJSON: Decodable { var start: Int; var end: Int; var text: String? }
    struct ReferenceJSON: Decodable { var entity: String?; var start: Int; var end: Int; var text: String? }
    struct EntityJSON: Decodable { var id: String; var type: String; var mentions: [SpanJSON] }
    struct DateJSON: Decodable { var start: Int?; var end: Int?; var value: String? }
    struct AttributionJSON: Decodable { var speaker: ReferenceJSON?; var verb: String? }
    struct EventJSON: Decodable {
        var id: String; var type: String; var modality: String
        var source: ReferenceJSON?; var target: ReferenceJSON?; var location: ReferenceJSON?
        var date: DateJSON?; var trigger: SpanJSON; var quantities: [SpanJSON]; var attribution: AttributionJSON?
    }
    struct ResultJSON: Decodable {
        var entities: [EntityJSON]; var events: [EventJSON]; var dates: [SpanJSON]; var quantities: [SpanJSON]; var quotes: [SpanJSON]
    }

    let scalars: [Unicode.Scalar]
    let result: ResultJSON

    init(text: String, json: String) throws {
        scalars = Array(text.unicodeScalars)
        result = try JSONDecoder().decode(ResultJSON.self, from: Data(json.utf8))
    }

    /// Kinds by priority: a trigger inside a quote shows as a trigger.
    enum Kind: Int { case quote = 1, actor, place, date, quantity, trigger
        var name: String { ["", "quote", "actor", "place", "date", "quantity", "trigger"][rawValue] }
    }

    func pieces() -> [[String: Any]] {
        var kinds = [UInt8](repeating: 0, count: scalars.count)
        func mark(_ start: Int, _ end: Int, _ kind: Kind) {
            guard start >= 0, end <= scalars.count, start < end else { return }
            for i in start..<end where kinds[i] < kind.rawValue { kinds[i] = UInt8(kind.rawValue) }
        }
        for quote in result.quotes { mark(quote.start, quote.end, .quote) }
        for entity in result.entities {
            let kind: Kind = ["CITY", "REGION", "FACILITY"].contains(entity.type) ? .place : .actor
            for mention in entity.mentions { mark(mention.start, mention.end, kind) }
        }
        for date in result.dates { mark(date.start, date.end, .date) }
        for quantity in result.quantities { mark(quantity.start, quantity.end, .quantity) }
        for event in result.events { mark(event.trigger.start, event.trigger.end, .trigger) }
        var out: [[String: Any]] = []
        var start = 0
        while start < scalars.count {
            var end = start + 1
            while end < scalars.count, kinds[end] == kinds[start] { end += 1 }
            let kind = Kind(rawValue: Int(kinds[start]))
            out.append(["text": String(String.UnicodeScalarView(scalars[start..<end])), "start": start, "end": end, "kind": kind?.name ?? false])
            start = end
        }
        return out
    }

    func events() -> [[String: Any]] {
        result.events.map { event in
            var evidence = [event.trigger.start...event.trigger.end]
            for reference in [event.source, event.target, event.location].compactMap({ $0 }) { evidence.append(reference.start...reference.end) }
            if let start = event.date?.start, let end = event.date?.end { evidence.append(start...end) }
            for quantity in event.quantities { evidence.append(quantity.start...quantity.end) }
            return ["id": event.id, "type": event.type, "modality": event.modality, "trigger": event.trigger.text ?? "",
                    "source": event.source?.text ?? "—", "target": event.target?.text ?? "—", "place": event.location?.text ?? false,
                    "date": event.date?.value ?? false, "speaker": event.attribution?.speaker?.text ?? false,
                    "evidence": evidence.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: " ")]
        }
    }
}
