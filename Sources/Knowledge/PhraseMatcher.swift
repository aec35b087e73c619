import ArabicText

/// Finds the longest known phrase starting at a token, over matching forms of words.
///
/// A trie whose edges are words in matching form without the article (see `PhraseMatcher.key`),
/// so "الأمم المتحدة", "للأمم المتحدة" and "والأمم المتحدة" reach the same node once the tokens
/// are clitic-segmented. Values are whatever the caller stores: entity references, lexicon tags.
///
/// The trie's edges live in one `TrieEdges` table, probed with the hash `LetterKey` carries, and
/// the lookups are inlinable so that each client specializes them for its value type: most
/// tokens start no phrase, and a miss costs one probe.
public struct PhraseMatcher<Value: Sendable>: Sendable {
    @usableFromInline var edges = TrieEdges<LetterKey>()
    /// Values per node; node 0 is the root.
    @usableFromInline var nodeValues: [[Value]] = [[]]

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

    /// The keys of a phrase, then, when a later word begins with ب، ل or ك that the segmenter
    /// splits off in text (التحالف بقيادة السعودية → … قيادة …), the keys with those split off.
    public static func keyVariants(_ phrase: some StringProtocol) -> [[LetterKey]] {
        let keys = Self.keys(phrase)
        let words = String(phrase).split(whereSeparator: { $0 == " " || $0 == "-" })
        let split = words.enumerated().map { n, word -> Substring in
            guard n > 0, word.unicodeScalars.count >= 4, let first = word.unicodeScalars.first, ["ب", "ل", "ك"].contains(first),
                  !word.dropFirst().hasPrefix("ل") else { return word }
            return word.dropFirst()
        }
        let variant = Self.keys(split.joined(separator: " "))
        return variant == keys ? [keys] : [keys, variant]
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
        var node: Int32 = 0
        for word in words {
            if let next = edges.child(of: node, word) {
                node = next
            } else {
                nodeValues.append([])
                let child = Int32(nodeValues.count - 1)
                edges.insert(parent: node, word, child: child)
                node = child
            }
        }
        nodeValues[Int(node)].append(value)
    }

    public mutating func insert(phrase: some StringProtocol, _ value: Value) {
        insert(Self.keys(phrase), value)
    }

    /// The values stored for exactly this phrase.
    public func values(_ words: [LetterKey]) -> [Value] {
        var node: Int32 = 0
        for word in words {
            guard let next = edges.child(of: node, word) else { return [] }
            node = next
        }
        return nodeValues[Int(node)]
    }

    /// The values of the one-word phrase `word`.
    public func values(ofWord word: LetterKey) -> [Value] {
        edges.child(of: 0, word).map { nodeValues[Int($0)] } ?? []
    }

    /// The longest phrase that starts at `words[start]`: its length in words and its values.
    /// `words` may be a slice of a document's keys, indexed as the document is.
    @inlinable
    public func longestMatch<Words: RandomAccessCollection<LetterKey>>(_ words: Words, from start: Int) -> (length: Int, values: [Value])?
    where Words.Index == Int {
        var node: Int32 = 0
        var bestLength = 0, bestNode: Int32 = 0
        var i = start
        while i < words.endIndex, i >= words.startIndex, let next = edges.child(of: node, words[i]) {
            node = next
            i += 1
            if !nodeValues[Int(node)].isEmpty { bestLength = i - start; bestNode = node }
        }
        return bestLength == 0 ? nil : (bestLength, nodeValues[Int(bestNode)])
    }

    /// Every non-overlapping longest match, left to right.
    @inlinable
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

