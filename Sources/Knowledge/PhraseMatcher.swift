import ArabicText

/// Finds the longest known phrase starting at a token, over matching forms of words.
///
/// A trie whose edges are words in matching form without the article (see `PhraseMatcher.key`),
/// so "الأمم المتحدة", "للأمم المتحدة" and "والأمم المتحدة" reach the same node once the tokens
/// are clitic-segmented. Values are whatever the caller stores: entity references, lexicon tags.
public struct PhraseMatcher<Value: Sendable>: Sendable {
    struct Node: Sendable {
        var children: [LetterKey: Int] = [:]
        var values: [Value] = []
    }

    private var nodes = [Node()]

    public init() {}

    /// The matching form of one word: folded letters without the article (see
    /// `LetterKey.withoutArticle`).
    public static func key(_ word: some StringProtocol) -> LetterKey {
        LetterKey(word, folded: true).withoutArticle
    }

    /// The keys of a phrase as written in a lexicon: split on spaces, each word keyed.
    public static func keys(_ phrase: some StringProtocol) -> [LetterKey] {
        phrase.split(whereSeparator: { $0 == " " || $0 == "-" }).enumerated().map { n, word in
            n > 0 ? key(withoutProclitic(word)) : key(word)
        }
    }

    /// A word inside a written phrase as the segmenter will see it in text: ل + ال written لل,
    /// and ب، و، ك before the article, are split off (بعثة الأمم المتحدة للدعم → … دعم).
    static func withoutProclitic(_ word: some StringProtocol) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 5 else { return String(word) }
        if scalars[0] == "ل", scalars[1] == "ل" { return "ال" + String(String.UnicodeScalarView(scalars[2...])) }
        if scalars.count >= 6, ["ب", "و", "ك"].contains(scalars[0]), scalars[1] == "ا", scalars[2] == "ل" { return String(String.UnicodeScalarView(scalars[1...])) }
        return String(word)
    }

    public mutating func insert(_ words: [LetterKey], _ value: Value) {
        guard !words.isEmpty else { return }
        var node = 0
        for word in words {
            if let next = nodes[node].children[word] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].children[word] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        nodes[node].values.append(value)
    }

    public mutating func insert(phrase: some StringProtocol, _ value: Value) {
        insert(Self.keys(phrase), value)
    }

    /// The values stored for exactly this phrase.
    public func values(_ words: [LetterKey]) -> [Value] {
        var node = 0
        for word in words {
            guard let next = nodes[node].children[word] else { return [] }
            node = next
        }
        return nodes[node].values
    }

    /// The values of the one-word phrase `word`.
    public func values(ofWord word: LetterKey) -> [Value] {
        nodes[0].children[word].map { nodes[$0].values } ?? []
    }

    /// The longest phrase that starts at `words[start]`: its length in words and its values.
    /// `words` may be a slice of a document's keys, indexed as the document is.
    public func longestMatch<Words: RandomAccessCollection<LetterKey>>(_ words: Words, from start: Int) -> (length: Int, values: [Value])?
    where Words.Index == Int {
        var node = 0
        var best: (Int, [Value])?
        var i = start
        while i < words.endIndex, i >= words.startIndex, let next = nodes[node].children[words[i]] {
            node = next
            i += 1
            if !nodes[node].values.isEmpty { best = (i - start, nodes[node].values) }
        }
        return best
    }

    /// Every non-overlapping longest match, left to right.
    public func matches(_ words: [LetterKey]) -> [(range: Range<Int>, values: [Value])] {
        var out: [(Range<Int>, [Value])] = []
        var i = 0
        while i < words.count {
            if let (length, values) = longestMatch(words, from: i) {
                out.append((i..<(i + length), values))
                i += length
            } else {
                i += 1
            }
        }
        return out
    }
}
