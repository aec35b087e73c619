import ArabicText
import Knowledge

/// One real-world thing an article mentions, with every mention (SCHEMA.md's Entity).
public struct DocumentEntity: Hashable, Sendable {
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
