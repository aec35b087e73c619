/// What a token is, as far as the tokenizer can tell from its characters.
public enum TokenKind: String, Sendable, Codable, CaseIterable {
    case arabic      // a word in Arabic script, marks and tatweel included
    case latin       // a word in another alphabet (Latin, Cyrillic, CJK …), digits allowed inside
    case number      // digits in any script, with thousands and decimal separators: 1,100 ١٬١٠٠ 3.5
    case punctuation
    case quote       // « » " “ ” ‘ ’
    case url
    case email
    case hashtag
    case mention
    case symbol      // anything else that is not a space: % $ emoji …
}

/// One token of a text with its exact place in it.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var span: Span

    public init(kind: TokenKind, span: Span) {
        self.kind = kind
        self.span = span
    }
}
