/// Finding lexicon phrases at a token, with or without the proclitics attached to it.
extension DateLexicon {
    /// A way to read a word: `letters` proclitic letters taken off, and with `mergedArticle` the
    /// article's alef put back after ل (للعام → ل + العام).
    struct ProcliticReading: Hashable, Sendable {
        var letters: Int
        var mergedArticle: Bool
    }

    private static let conjunctions: Set<Unicode.Scalar> = ["و", "ف"]
    private static let prepositions: Set<Unicode.Scalar> = ["ب", "ل", "ك"]

    /// The word itself, then without a conjunction (و ف), then without a preposition (ب ل ك)
    /// after an optional conjunction; لل restores the article. A stem keeps at least two letters,
    /// so a one-letter entry (م، هـ) never matches inside another word.
    ///
    /// - Parameters:
    ///   - head: the first three letters of the word in matching form (fewer if it is shorter).
    ///   - count: the number of letters of the word in matching form.
    static func procliticReadings(head: [Unicode.Scalar], count: Int) -> [ProcliticReading] {
        var readings = [ProcliticReading(letters: 0, mergedArticle: false)]
        guard count >= 3, head.count >= 3 else { return readings }
        var bases = [0]
        if conjunctions.contains(head[0]) {
            readings.append(ProcliticReading(letters: 1, mergedArticle: false))
            bases.append(1)
        }
        for base in bases where count - base >= 3 {
            if head[base] == "ل", base + 1 < head.count, head[base + 1] == "ل", count - base >= 4 {
                readings.append(ProcliticReading(letters: base + 1, mergedArticle: true))
            } else if prepositions.contains(head[base]) {
                readings.append(ProcliticReading(letters: base + 1, mergedArticle: false))
            }
        }
        return readings
    }

    /// The longest phrase starting at token `index` of an Arabic word; the whole word is tried
    /// before its readings without proclitics. Later words of a phrase are matched whole.
    func match(_ text: ScalarText, tokens: [Token], at index: Int) -> DateWordMatch? {
        guard tokens[index].kind == .arabic else { return nil }
        let normalizer = ArabicNormalizer()
        var head: [Unicode.Scalar] = []
        var count = 0
        for k in tokens[index].span.start..<tokens[index].span.end {
            guard let folded = normalizer.fold(text.scalars[k]) else { continue }
            if head.count < 3 { head.append(folded) }
            count += 1
        }
        for reading in Self.procliticReadings(head: head, count: count) {
            if let found = walk(text, tokens: tokens, from: index, reading: reading, normalizer: normalizer) {
                return DateWordMatch(entry: found.entry, tokenCount: found.tokens,
                                     procliticLetters: reading.letters, mergedArticle: reading.mergedArticle)
            }
        }
        return nil
    }

    private func walk(_ text: ScalarText, tokens: [Token], from index: Int, reading: ProcliticReading,
                      normalizer: ArabicNormalizer) -> (entry: DateLexiconEntry, tokens: Int)? {
        var node = 0
        if reading.mergedArticle {
            guard let next = trie[node].children[0x0627] else { return nil }
            node = next
        }
        var skip = reading.letters
        var best: (entry: DateLexiconEntry, tokens: Int)?
        var t = index
        while true {
            for k in tokens[t].span.start..<tokens[t].span.end {
                guard let folded = normalizer.fold(text.scalars[k]) else { continue }
                if skip > 0 { skip -= 1; continue }
                guard let next = trie[node].children[folded.value] else { return best }
                node = next
            }
            if let entry = trie[node].entry { best = (entry, t - index + 1) }
            guard t + 1 < tokens.count, tokens[t + 1].kind == .arabic, let next = trie[node].children[0x20] else { return best }
            node = next
            t += 1
        }
    }

    /// Whether any word can cancel the phrase, so that its neighbours need looking at.
    func hasCancellations(_ phrase: String) -> Bool {
        cancelledBefore[phrase] != nil || cancelledAfter[phrase] != nil
    }

    /// Whether the words around a phrase show it is no date; the word before may carry proclitics
    /// (وللأمين العام).
    func isCancelled(_ phrase: String, before previous: String?, after next: String?) -> Bool {
        if let previous, let words = cancelledBefore[phrase] {
            let scalars = Array(previous.unicodeScalars)
            for reading in Self.procliticReadings(head: Array(scalars.prefix(3)), count: scalars.count) {
                var stem = String.UnicodeScalarView()
                if reading.mergedArticle { stem.append("ا") }
                stem.append(contentsOf: scalars[reading.letters...])
                if words.contains(String(stem)) { return true }
            }
        }
        if let next, cancelledAfter[phrase]?.contains(next) == true { return true }
        return false
    }
}
