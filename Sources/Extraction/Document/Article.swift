import ArabicText

/// An article to extract: its text and what its source says about it. Fields left nil are
/// looked for in the text (a dateline for `published`, a credited outlet for `outlet`).
public struct Article: Sendable {
    public var text: String
    /// The document id (SHA-256 of the text, computed by the caller that read the bytes).
    public var id: String
    public var source: String
    public var published: CalendarDate?
    public var outlet: String?
    public var title: String?

    public init(text: String, id: String, source: String, published: CalendarDate? = nil, outlet: String? = nil, title: String? = nil) {
        self.text = text
        self.id = id
        self.source = source
        self.published = published
        self.outlet = outlet
        self.title = title
    }
}
