/// The date words and numbers of one text, looked up once, for the grammar to walk over.
///
/// Holds, per token, the longest lexicon phrase that starts there and the value of a plain
/// number of at most four digits, so each pattern is a few array reads per token.
struct DateScan {
    let text: ScalarText
    let tokens: [Token]
    let lexicon: DateLexicon
    let words: [DateWordMatch?]
    /// (value, digit count) of tokens made of one to four digits only.
    let numbers: [(value: Int, digits: Int)?]

    init(text: ScalarText, tokens: [Token], lexicon: DateLexicon) {
        self.text = text
        self.tokens = tokens
        self.lexicon = lexicon
        var words: [DateWordMatch?] = []
        var numbers: [(value: Int, digits: Int)?] = []
        words.reserveCapacity(tokens.count)
        numbers.reserveCapacity(tokens.count)
        for (i, token) in tokens.enumerated() {
            words.append(token.kind == .arabic ? lexicon.match(text, tokens: tokens, at: i) : nil)
            numbers.append(token.kind == .number ? Self.plainNumber(text, token.span) : nil)
        }
        self.words = words
        self.numbers = numbers
    }

    /// The matching key of an Arabic token, nil for others; built only when a rule asks.
    func key(_ i: Int) -> String? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .arabic else { return nil }
        return ArabicNormalizer().key(text, tokens[i].span)
    }

    /// The two parts of a number token written with one full stop, "20.02" or "2020.02", the
    /// way the tokenizer reads the start of a dotted date (20.02.2020).
    func dottedPair(_ i: Int) -> (first: (value: Int, digits: Int), second: (value: Int, digits: Int))? {
        guard i >= 0, i < tokens.count, tokens[i].kind == .number, tokens[i].span.length <= 7 else { return nil }
        let span = tokens[i].span
        guard let dot = (span.start..<span.end).first(where: { text.scalars[$0].value == 0x2E }),
              let first = Self.plainNumber(text, Span(start: span.start, end: dot)),
              let second = Self.plainNumber(text, Span(start: dot + 1, end: span.end)) else { return nil }
        return (first, second)
    }

    private static func plainNumber(_ text: ScalarText, _ span: Span) -> (value: Int, digits: Int)? {
        guard span.length >= 1, span.length <= 4 else { return nil }
        var value = 0
        for i in span.start..<span.end {
            guard let digit = ScalarClass.digitValue(text.scalars[i].value) else { return nil }
            value = value * 10 + digit
        }
        return (value, span.length)
    }

    // MARK: reading tokens

    func word(_ i: Int) -> DateWordMatch? { i >= 0 && i < tokens.count ? words[i] : nil }

    func number(_ i: Int) -> (value: Int, digits: Int)? { i >= 0 && i < tokens.count ? numbers[i] : nil }

    /// A four-digit number, the only form a written year takes.
    func yearNumber(_ i: Int, in range: ClosedRange<Int>) -> Int? {
        guard let n = number(i), n.digits == 4, range.contains(n.value) else { return nil }
        return n.value
    }

    /// Whether token `i` is the single punctuation scalar `scalar`.
    func isPunctuation(_ i: Int, _ scalars: Set<UInt32>) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation, tokens[i].span.length == 1 else { return false }
        return scalars.contains(text.scalars[tokens[i].span.start].value)
    }

    /// Whether nothing but invisible format characters separates token `i` from token `i + 1`.
    func touches(_ i: Int) -> Bool {
        guard i + 1 < tokens.count else { return false }
        for k in tokens[i].span.end..<tokens[i + 1].span.start where !ScalarClass.isInvisibleFormat(text.scalars[k].value) {
            return false
        }
        return true
    }

    /// Where a match at token `i` starts in the text: after the proclitic letters it dropped,
    /// and after any marks on them (وَالخميس → الخميس).
    func start(of i: Int) -> Int {
        let span = tokens[i].span
        guard let match = words[i], match.procliticLetters > 0, !match.mergedArticle else { return span.start }
        let normalizer = ArabicNormalizer()
        var kept = 0
        var k = span.start
        while k < span.end, kept < match.procliticLetters {
            if normalizer.fold(text.scalars[k]) != nil { kept += 1 }
            k += 1
        }
        while k < span.end, normalizer.fold(text.scalars[k]) == nil { k += 1 }
        return k
    }

    /// Whether the phrase at token `i` is cancelled by the word before or after it (ذلك اليوم، اليوم التالي، الأمين العام).
    func isCancelled(_ i: Int) -> Bool {
        guard let match = words[i], lexicon.hasCancellations(match.entry.key) else { return false }
        let next = i + match.tokenCount
        return lexicon.isCancelled(match.entry.key, before: key(i - 1), after: key(next))
    }
}
