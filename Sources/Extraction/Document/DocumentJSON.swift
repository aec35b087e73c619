import ArabicText
import Knowledge

/// SCHEMA.md's JSON for a document result: field names fixed, unknown values null, every span
/// written as its text with `start` and `end` in code points.
extension DocumentResult: Encodable {
    public static let schema = "marsad.document/1"

    enum Keys: String, CodingKey {
        case schema, document, entities, events, dates, quantities, quotes, claims
        case id, source, outlet, published, title, language, length, text
        case name, name_en, type, kb, country, cameo, lat, lon, mentions
        case mode, target, location, date, modality, attribution, trigger, sentence, confidence
        case value, precision, start, end, speaker, anonymous, verb, kind, approximate, statement, conflicts_with, entity, event
    }

    /// Whether `document.text` carries the text (marsad extract --include-text).
    public static let includeTextKey = CodingUserInfoKey(rawValue: "marsad.includeText")!

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(Self.schema, forKey: .schema)
        var d = c.nestedContainer(keyedBy: Keys.self, forKey: .document)
        try d.encode(document.id, forKey: .id)
        try d.encode(document.source, forKey: .source)
        try d.encode(document.outlet, forKey: .outlet)
        try d.encode(document.published?.iso, forKey: .published)
        try d.encode(document.title, forKey: .title)
        try d.encode(document.language, forKey: .language)
        try d.encode(document.length, forKey: .length)
        if encoder.userInfo[Self.includeTextKey] as? Bool == true { try d.encode(text.string, forKey: .text) }
        var e = c.nestedUnkeyedContainer(forKey: .entities)
        for entity in entities { try e.encode(EntityJSON(entity: entity, text: text)) }
        var v = c.nestedUnkeyedContainer(forKey: .events)
        for event in events { try v.encode(EventJSON(event: event, text: text)) }
        var t = c.nestedUnkeyedContainer(forKey: .dates)
        for date in dates { try t.encode(DateJSON(value: date.value, precision: date.precision, span: date.span, text: text)) }
        var q = c.nestedUnkeyedContainer(forKey: .quantities)
        for quantity in quantities { try q.encode(QuantityJSON(quantity: quantity, text: text)) }
        var o = c.nestedUnkeyedContainer(forKey: .quotes)
        for quote in quotes { try o.encode(QuoteJSON(quote: quote, text: text)) }
        var l = c.nestedUnkeyedContainer(forKey: .claims)
        for claim in claims { try l.encode(ClaimJSON(claim: claim, text: text)) }
    }
}

/// `{"text", "start", "end"}`.
struct SpanJSON: Encodable {
    let span: Span
    let text: ScalarText

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DocumentResult.Keys.self)
        try c.encodeSpan(span, of: text)
    }
}

/// `{"entity", "text", "start", "end"}`, or null.
struct ReferenceJSON: Encodable {
    let reference: EntityReference?
    let text: ScalarText

    func encode(to encoder: Encoder) throws {
        guard let reference else {
            var c = encoder.singleValueContainer()
            try c.encodeNil()
            return
        }
        var c = encoder.container(keyedBy: DocumentResult.Keys.self)
        try c.encode(reference.entity, forKey: .entity)
        try c.encodeSpan(reference.span, of: text)
    }
}

/// SCHEMA.md's Entity as JSON, its mentions with their text.
public struct EntityJSON: Encodable {
    let entity: DocumentEntity
    let text: ScalarText

    public init(entity: DocumentEntity, text: ScalarText) {
        self.entity = entity
        self.text = text
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DocumentResult.Keys.self)
        try c.encode(entity.id, forKey: .id)
        try c.encode(entity.name, forKey: .name)
        try c.encode(entity.nameEnglish, forKey: .name_en)
        try c.encode(entity.type.rawValue, forKey: .type)
        try c.encode(entity.kb, forKey: .kb)
        try c.encode(entity.country, forKey: .country)
        try c.encode(entity.cameo, forKey: .cameo)
        try c.encode(entity.latitude, forKey: .lat)
        try c.encode(entity.longitude, forKey: .lon)
        try c.encode(entity.mentions.sorted().map { SpanJSON(span: $0, text: text) }, forKey: .mentions)
    }
}

struct DateJSON: Encodable {
    let value: String?
    let precision: DatePrecision
    let span: Span
    let text: ScalarText

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DocumentResult.Keys.self)
        try c.encode(value, forKey: .value)
        try c.encode(precision.rawValue, forKey: .precision)
        try c.encodeSpan(span, of: text)
    }
}

struct QuantityJSON: Encodable {
    let quantity: Quantity
    let text: ScalarText

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DocumentResult.Keys.self)
        try c.encode(quantity.kind.rawValue, forKey: .kind)
        if quantity.value.rounded() == quantity.value, abs(quantity.value) < 1e15 {
            try c.encode(Int(quantity.value), forKey: .value)
        } else {
            try c.encode(quantity.value, forKey: .value)
        }
        try c.encode(quantity.approximate, forKey: .approximate)
        try c.encodeSpan(quantity.span, of: text)
    }
}

struct EventJSON: Encodable {
    let event: Event
    let text: ScalarText

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DocumentResult.Keys.self)
        try c.encode(event.id, forKey: .id)
        try c.encode(event.type.rawValue, forKey: .type)
        try c.encode(event.mode, forKey: .mode)
        try c.encode(event.cameo, forKey: .cameo)
        try c.encode(ReferenceJSON(reference: event.source, text: text), forKey: .source)
        try c.encode(ReferenceJSON(reference: event.target, text: text), forKey: .target)
        try c.encode(ReferenceJSON(reference: event.location, text: text), forKey: .location)
        if let date = event.date {
            var d = c.nestedContainer(keyedBy: DocumentResult.Keys.self, forKey: .date)
            try d.encode(date.value, forKey: .value)
            try d.encode(date.precision.rawValue, forKey: .precision)
            if let span = date.span {
                try d.encodeSpan(span, of: text)
            } else {
                // Inferred from the publication day: no words of the text say it.
                try d.encodeNil(forKey: .text)
                try d.encodeNil(forKey: .start)
                try d.encodeNil(forKey: .end)
            }
        } else {
            try c.encodeNil(forKey: .date)
        }
        try c.encode(event.modality.rawValue, forKey: .modality)
        if let attribution = event.attribution {
            var a = c.nestedContainer(keyedBy: DocumentResult.Keys.self, forKey: .attribution)
            try a.encode(ReferenceJSON(reference: attribution.speaker, text: text), forKey: .speaker)
            try a.encode(attribution.anonymous, forKey: .anonymous)
            try a.encode(attribution.verb, forKey: .verb)
        } else {
            try c.encodeNil(forKey: .attribution)
        }
        try c.encode(event.quantities.map { QuantityJSON(quantity: $0, text: text) }, forKey: .quantities)
        try c.encode(SpanJSON(span: event.trigger, text: text), forKey: .trigger)
        var s = c.nestedContainer(keyedBy: DocumentResult.Keys.self, forKey: .sentence)
        try s.encode(event.sentence.start, forKey: .start)
        try s.encode(event.sentence.end, forKey: .end)
        try c.encode(event.confidence, forKey: .confidence)
    }
}

struct QuoteJSON: Encodable {
    let quote: Quote
    let text: ScalarText

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DocumentResult.Keys.self)
        try c.encode(ReferenceJSON(reference: quote.speaker, text: text), forKey: .speaker)
        try c.encodeSpan(quote.span, of: text)
    }
}

struct ClaimJSON: Encodable {
    let claim: Claim
    let text: ScalarText

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DocumentResult.Keys.self)
        try c.encode(claim.id, forKey: .id)
        try c.encode(ReferenceJSON(reference: claim.speaker, text: text), forKey: .speaker)
        try c.encode(SpanJSON(span: claim.statement, text: text), forKey: .statement)
        try c.encode(claim.conflictsWith, forKey: .conflicts_with)
        try c.encode(claim.event, forKey: .event)
    }
}

extension KeyedEncodingContainer where K == DocumentResult.Keys {
    /// A span of the document as SCHEMA.md writes it: its `text`, `start` and `end`.
    mutating func encodeSpan(_ span: Span, of text: ScalarText) throws {
        try encode(text.text(span), forKey: .text)
        try encode(span.start, forKey: .start)
        try encode(span.end, forKey: .end)
    }
}
