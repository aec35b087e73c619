/// What part of a word a segment is.
public enum SegmentRole: String, Sendable, Codable {
    case proclitic, stem, enclitic
}

/// One syntactic word of an orthographic token, in UD Arabic conventions.
///
/// `form` is how UD writes the word (ل + الحظر for للحظر, حكومة + ه for حكومته, hamza restored
/// where the corpus spelling has it); `span` is the part of the token it comes from.
public struct Segment: Hashable, Sendable {
    public var form: String
    public var span: Span
    public var role: SegmentRole
}

/// A token and the syntactic words it splits into (one word when it has no clitics).
public struct SegmentedToken: Hashable, Sendable {
    public var token: Token
    public var segments: [Segment]
    /// Matching keys computed once per distinct word by the segmenter (nil: derived on demand).
    var keys: SegmentKeys?

    public init(token: Token, segments: [Segment]) {
        self.token = token
        self.segments = segments
    }

    init(token: Token, segments: [Segment], keys: SegmentKeys?) {
        self.token = token
        self.segments = segments
        self.keys = keys
    }

    /// The matching key of the whole token (folded letters, clitics included); nil for non-Arabic tokens.
    public var tokenKey: LetterKey? {
        keys?.token ?? (token.kind == .arabic ? LetterKey(segments.map(\.form).joined(), folded: true) : nil)
    }

    public var isMultiword: Bool { segments.count > 1 }

    /// The stem's form, the article included.
    public var stem: String? { segments.first { $0.role == .stem }?.form }

    /// The stem without the article ال (when three letters or more remain), for matching
    /// against lexicons of bare words.
    public var stemWithoutArticle: String? {
        guard let stem else { return nil }
        let scalars = Array(stem.unicodeScalars)
        if scalars.count > 4, scalars[0] == "ا", scalars[1] == "ل" {
            return String(String.UnicodeScalarView(scalars[2...]))
        }
        return stem
    }

    /// Whether `stemKey` left out the stem's article.
    public var stemHasArticle: Bool {
        if let keys { return keys.droppedArticle }
        guard let stem else { return false }
        let key = LetterKey(stem, folded: true)
        return key.withoutArticle != key
    }

    /// The matching key of the stem without its article (see `LetterKey.withoutArticle`).
    public var stemKey: LetterKey? {
        keys?.stem ?? stem.map { LetterKey($0, folded: true).withoutArticle }
    }
}

/// The matching keys of a word, kept with its plan so that later stages need not rebuild them.
struct SegmentKeys: Hashable, Sendable {
    var token: LetterKey
    var stem: LetterKey
    /// The stem began with an article that `stem` leaves out.
    var droppedArticle: Bool
}
