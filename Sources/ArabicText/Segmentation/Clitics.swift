/// The proclitic chains the segmenter considers, as UD Arabic splits them: an optional
/// conjunction (و ف), then an optional preposition (ب ل ك) or future particle (س).
/// `lArticle` is ل before the article written لل (للحظر → ل + الحظر).
public enum ProcliticChain: Int, CaseIterable, Sendable {
    case none, w, f, b, l, k, s, wb, wl, wk, ws, fb, fl, fk, fs, lArticle, wlArticle, flArticle

    /// The proclitic letters in order, with ل of لل counted once.
    public var letters: [Unicode.Scalar] {
        switch self {
        case .none: []
        case .w: ["و"]
        case .f: ["ف"]
        case .b: ["ب"]
        case .l: ["ل"]
        case .k: ["ك"]
        case .s: ["س"]
        case .wb: ["و", "ب"]
        case .wl: ["و", "ل"]
        case .wk: ["و", "ك"]
        case .ws: ["و", "س"]
        case .fb: ["ف", "ب"]
        case .fl: ["ف", "ل"]
        case .fk: ["ف", "ك"]
        case .fs: ["ف", "س"]
        case .lArticle: ["ل"]
        case .wlArticle: ["و", "ل"]
        case .flArticle: ["ف", "ل"]
        }
    }

    /// Whether the stem starts with the article whose alef the ل swallowed.
    public var restoresArticle: Bool { self == .lArticle || self == .wlArticle || self == .flArticle }

    /// Whether the last proclitic is the future particle, which only precedes an imperfect verb.
    public var endsWithFuture: Bool { self == .s || self == .ws || self == .fs }

    /// Whether the last proclitic is a preposition that can carry a pronoun alone (به، لها، لي).
    public var endsWithPreposition: Bool {
        switch self {
        case .b, .l, .k, .wb, .wl, .wk, .fb, .fl, .fk: true
        default: false
        }
    }
}

/// The pronoun enclitics, longest first so that هما is tried before ها and ه.
public enum Enclitic: Int, CaseIterable, Sendable {
    case none, h, ha, hum, huma, hunna, ka, kum, kuma, kunna, na, ya, ni

    public var letters: [Unicode.Scalar] {
        switch self {
        case .none: []
        case .h: ["ه"]
        case .ha: ["ه", "ا"]
        case .hum: ["ه", "م"]
        case .huma: ["ه", "م", "ا"]
        case .hunna: ["ه", "ن"]
        case .ka: ["ك"]
        case .kum: ["ك", "م"]
        case .kuma: ["ك", "م", "ا"]
        case .kunna: ["ك", "ن"]
        case .na: ["ن", "ا"]
        case .ya: ["ي"]
        case .ni: ["ن", "ي"]
        }
    }
}
