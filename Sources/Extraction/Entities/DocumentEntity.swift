import ArabicText
import Knowledge

/// One real-world thing an article mentions, with every mention (SCHEMA.md's Entity).
public struct DocumentEntity: Hashable, Sendable {
    public init(id: String, name: String, nameEnglish: String?, type: EntityType, kb: String?, country: String?, cameo: String?,
                latitude: Double?, longitude: Double?, mentions: [Span]) {
        self.id = id
        self.name = name
        self.nameEnglish = nameEnglish
        self.type = type
        self.kb = kb
        self.country = country
        self.cameo = cameo
        self.latitude = latitude
        self.longitude = longitude
        self.mentions = mentions
    }

    public var id: String
    public var name: String
    public var nameEnglish: String?
    public var type: EntityType
    public var kb: String?
    public var country: String?
    public var cameo: String?
    public var latitude: Double?
    public var longitude: Double?
    public var mentions: [Span]
}

/// One mention of a document entity, with the tokens it covers and how it names the entity.
public struct EntityMention: Hashable, Sendable {
    /// Index into `RecognizedEntities.entities`.
    public var entity: Int
    public var span: Span
    public var tokens: Range<Int>
    /// How the words name a knowledge-base entity (a nisba, a capital …); nil for other mentions.
    public var role: NameRole?
}

/// The entities of a document and every mention of them in text order.
public struct RecognizedEntities: Sendable {
    public var entities: [DocumentEntity]
    public var mentions: [EntityMention]
}
