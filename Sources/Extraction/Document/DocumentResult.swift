import ArabicText
import Knowledge

/// What Marsad knows about a document before reading it: where it came from and when.
public struct DocumentInfo: Hashable, Sendable {
    /// SHA-256 of the UTF-8 text, hex.
    public var id: String
    public var source: String
    public var outlet: String?
    public var published: CalendarDate?
    public var title: String?
    public var language = "ar"
    /// Length of the text in Unicode scalars.
    public var length: Int

    public init(id: String, source: String, outlet: String?, published: CalendarDate?, title: String?, length: Int) {
        self.id = id
        self.source = source
        self.outlet = outlet
        self.published = published
        self.title = title
        self.length = length
    }
}

/// A participant of an event or a speaker: the words in the text and the entity they name (nil
/// when the words name no entity the document knows, such as "مصدر برلماني").
public struct EntityReference: Hashable, Sendable {
    public var entity: String?
    public var span: Span
}

/// When an event happened: as its sentence says, as the narrative before it last said, or,
/// failing both, the publication date (then `span` is nil: no words of the text say it).
public struct EventDate: Hashable, Sendable {
    public var value: String
    public var precision: DatePrecision
    public var span: Span?
}

/// Who reported an event, when the outlet does not narrate it itself.
public struct Attribution: Hashable, Sendable {
    public var speaker: EntityReference?
    /// An unnamed source ("مصدر برلماني"): attribution only, never an actor.
    public var anonymous: Bool
    /// The reporting word as written (قال، بحسب، نفى).
    public var verb: String
}

/// A count the text gives: casualties, displaced persons, fighters, strikes.
public struct Quantity: Hashable, Sendable {
    public var kind: QuantityKind
    public var value: Double
    public var approximate: Bool
    public var span: Span
}

/// One coded event: who did what to whom, where, when, says who, with the evidence of each part.
public struct Event: Hashable, Sendable {
    public var id: String
    public var type: PloverType
    public var mode: String?
    public var cameo: String?
    public var source: EntityReference?
    public var target: EntityReference?
    public var location: EntityReference?
    public var date: EventDate?
    public var modality: Modality
    public var attribution: Attribution?
    public var quantities: [Quantity]
    public var trigger: Span
    public var sentence: Span
    public var confidence: Double
}

/// Words the text puts in someone's mouth, between quotation marks.
public struct Quote: Hashable, Sendable {
    public var speaker: EntityReference?
    public var span: Span
}

/// A statement one speaker makes about an event, linked to the statements of others it contradicts.
public struct Claim: Hashable, Sendable {
    public var id: String
    public var speaker: EntityReference?
    public var statement: Span
    /// Ids of the claims it contradicts.
    public var conflictsWith: [String]
    /// The event the claim is about.
    public var event: String
}

/// Everything Marsad extracts from one document: SCHEMA.md's `marsad.document/1`.
public struct DocumentResult: Sendable {
    public var document: DocumentInfo
    public var text: ScalarText
    public var entities: [DocumentEntity]
    public var events: [Event]
    public var dates: [DateExpression]
    public var quantities: [Quantity]
    public var quotes: [Quote]
    public var claims: [Claim]
}
