/// Finding lexicon phrases at a token, with or without the proclitics attached to it.
extension DateLexicon {
    /// A way to read a word: `letters` proclitic letters taken off, and with `mergedArticle` the
    /// article's alef put back after ل (للعام → ل + العام).
    struct ProcliticReading: Hashable, Sendable {
        var letters: Int
        var mergedArticle: Bool
    }

    /// The word itself, then without a conjunction (و ف), then without a preposition (ب ل ك)
    /// after an optional conjunction; لل restores the article. A stem keeps at least two letters,
    /// so a one-letter entry (م، هـ) never matches inside another word.
    ///
    /// - Parameters:
    ///   - head: the first three letters of the word in matching form (0 past its end).
    ///   - count: the number of letters of the word in matching form.
    ///   - body: called with each reading in turn until it returns a value.
    static func firstProcliticReading<T>(head: (UInt32, UInt32, UInt32), count: Int, _ body: (ProcliticReading) -> T?) -> T? {
        if let found = body(ProcliticReading(letters: 0, mergedArticle: false)) { return found }
        guard count >= 3, head.2 != 0 else { return nil }
        let hasConjunction = head.0 == 0x0648 || head.0 == 0x0641  // و ف
        if hasConjunction, let found = body(ProcliticReading(letters: 1, mergedArticle: false)) { return found }
        func preposition(after base: Int) -> ProcliticReading? {
            guard count - base >= 3 else { return nil }
            let (letter, next) = base == 0 ? (head.0, head.1) : (head.1, head.2)
            if letter == 0x0644, next == 0x0644, count - base >= 4 { return ProcliticReading(letters: base + 1, mergedArticle: true) }  // لل
            if letter == 0x0628 || letter == 0x0644 || letter == 0x0643 { return ProcliticReading(letters: base + 1, mergedArticle: false) }  // ب ل ك
            return nil
        }
        if let reading = preposition(after: 0), let found = body(reading) { return found }
        if hasConjunction, let reading = preposition(after: 1), let found = body(reading) { return found }
        return nil
    }

    /// The longest phrase starting at token `index` of an Arabic word; the whole word is tried
    /// before its readings without proclitics. Later words of a phrase are matched whole.
    func match(_ text: ScalarText, tokens: [Token], at index: Int) -> DateWordMatch? {
        guard tokens[index].kind == .arabic else { return nil }
        let normalizer = ArabicNormalizer()
        var first: (UInt32, UInt32, UInt32) = (0, 0, 0)
        var count = 0
        for k in tokens[index].span.start..<tokens[index].span.end {
            guard let folded = normalizer.fold(text.scalars[k]) else { continue }
            switch count {
            case 0: first.0 = folded.value
            case 1: first.1 = folded.value
            case 2: first.2 = folded.value
            default: break
            }
            count += 1
        }
        return Self.firstProcliticReading(head: first, count: count) { reading in
            walk(text, tokens: tokens, from: index, reading: reading, normalizer: normalizer).map {
                DateWordMatch(entry: $0.entry, tokenCount: $0.tokens, procliticLetters: reading.letters, mergedArticle: reading.mergedArticle)
            }
        }
    }

    private func walk(_ text: ScalarText, tokens: [Token], from index: Int, reading: ProcliticReading,
                      normalizer: ArabicNormalizer) -> (entry: DateLexiconEntry, tokens: Int)? {
        var node: Int32 = 0
        if reading.mergedArticle {
            guard let next = trie.child(of: node, 0x0627) else { return nil }
            node = next
        }
        var skip = reading.letters
        var best: (entry: DateLexiconEntry, tokens: Int)?
        var t = index
        while true {
            for k in tokens[t].span.start..<tokens[t].span.end {
                guard let folded = normalizer.fold(text.scalars[k]) else { continue }
                if skip > 0 { skip -= 1; continue }
                guard let next = trie.child(of: node, folded.value) else { return best }
                node = next
            }
            if let entry = nodeEntries[Int(node)] { best = (entry, t - index + 1) }
            guard t + 1 < tokens.count, tokens[t + 1].kind == .arabic, let next = trie.child(of: node, 0x20) else { return best }
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
            func letter(_ i: Int) -> UInt32 { i < scalars.count ? scalars[i].value : 0 }
            let cancelled = Self.firstProcliticReading(head: (letter(0), letter(1), letter(2)), count: scalars.count) { reading -> Bool? in
                var stem = String.UnicodeScalarView()
                if reading.mergedArticle { stem.append("ا") }
                stem.append(contentsOf: scalars[reading.letters...])
                return words.contains(String(stem)) ? true : nil
            }
            if cancelled == true { return true }
        }
        if let next, cancelledAfter[phrase]?.contains(next) == true { return true }
        return false
    }
}
