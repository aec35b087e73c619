/// A sentence: its span in the text and the tokens it holds.
public struct Sentence: Hashable, Sendable {
    public var span: Span
    public var tokens: Range<Int>
}

/// Splits a tokenized text into sentences.
///
/// Boundaries: . ! ? ؟ ؛ … and every line break, so that headlines, datelines and photo
/// captions, which news sites put on lines of their own, stay sentences of their own. No split
/// inside quotes (« », “ ”, "…"), after an abbreviation or a lone initial ("د.", "U.S."),
/// or inside a number (3.5 is one token already). A dateline that opens a paragraph and ends in
/// a dash ("طرابلس - …", "القاهرة (رويترز) -") becomes its own sentence too.
public struct SentenceSplitter: Sendable {
    private let abbreviations: Set<String>
    private let normalizer = ArabicNormalizer()

    public init(abbreviations: Set<String>) {
        self.abbreviations = abbreviations
    }

    /// A splitter with the bundled abbreviation list.
    public static func bundled() throws -> SentenceSplitter {
        let normalizer = ArabicNormalizer()
        let rows = try BundledResources.rows("abbreviations.tsv")
        return SentenceSplitter(abbreviations: Set(rows.compactMap { $0.first.map { normalizer.key($0).lowercased() } }))
    }

    /// The longest sentence, in tokens; news sentences are far shorter.
    public static let maximumTokens = 300

    public func split(_ text: ScalarText, tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var first = 0
        var quoteDepth = 0
        var straightQuoteOpen = false
        var lineStart = 0
        var i = 0
        func close(through last: Int) {
            guard last >= first else { return }
            sentences.append(Sentence(span: Span(start: tokens[first].span.start, end: tokens[last].span.end), tokens: first..<(last + 1)))
            first = last + 1
        }
        while i < tokens.count {
            let token = tokens[i]
            let next = i + 1 < tokens.count ? tokens[i + 1] : nil
            let lineBreakAfter = next.map { hasLineBreak(text, from: token.span.end, to: $0.span.start) } ?? true
            if token.kind == .quote {
                switch text.scalars[token.span.start].value {
                case 0xAB, 0x201C, 0x2039, 0x201E: quoteDepth += 1
                case 0xBB, 0x201D, 0x203A: quoteDepth = max(0, quoteDepth - 1)
                case 0x22: straightQuoteOpen.toggle()
                default: break
                }
            }
            let inQuote = quoteDepth > 0 || straightQuoteOpen
            var boundary = false
            if lineBreakAfter {
                boundary = true
            } else if token.kind == .punctuation, ScalarClass.isSentenceTerminal(text.scalars[token.span.start].value), !inQuote,
                      !isAbbreviationDot(text, tokens, i) {
                boundary = true
                // Closing quotes and brackets right after the mark belong to this sentence.
                while i + 1 < tokens.count, isCloser(text, tokens[i + 1]),
                      !hasLineBreak(text, from: tokens[i].span.end, to: tokens[i + 1].span.start) {
                    i += 1
                }
            } else if token.kind == .punctuation, isDash(text, token), i - lineStart <= 8, i > lineStart,
                      first == lineStart, isDatelineDash(text, tokens, i) {
                boundary = true
            } else if i - first + 1 >= Self.maximumTokens / 2, token.kind == .punctuation, ScalarClass.isClauseSeparator(text.scalars[token.span.start].value) {
                // A run-on "sentence" (a page without full stops) is cut at a comma once it is long,
                // and hard at `maximumTokens`, so that work per sentence stays bounded.
                boundary = true
            } else if i - first + 1 >= Self.maximumTokens {
                boundary = true
            }
            if boundary {
                close(through: i)
                if lineBreakAfter || (i + 1 < tokens.count && hasLineBreak(text, from: tokens[i].span.end, to: tokens[i + 1].span.start)) {
                    lineStart = i + 1
                    quoteDepth = 0
                    straightQuoteOpen = false
                }
            }
            i += 1
        }
        close(through: tokens.count - 1)
        return sentences
    }

    /// Tokenizes and splits in one call.
    public func split(_ text: ScalarText) -> [Sentence] {
        split(text, tokens: Tokenizer().tokenize(text))
    }

    private func hasLineBreak(_ text: ScalarText, from: Int, to: Int) -> Bool {
        var k = from
        while k < to {
            let v = text.scalars[k].value
            if v == 0x0A || v == 0x2028 || v == 0x2029 || v == 0x85 { return true }
            k += 1
        }
        return false
    }

    private func isCloser(_ text: ScalarText, _ token: Token) -> Bool {
        let v = text.scalars[token.span.start].value
        return v == 0xBB || v == 0x201D || v == 0x203A || v == 0x22 || v == 0x29 || v == 0x5D
    }

    private func isDash(_ text: ScalarText, _ token: Token) -> Bool {
        let v = text.scalars[token.span.start].value
        return token.span.length == 1 && (v == 0x2D || v == 0x2013 || v == 0x2014)
    }

    /// A dash with a space before it (or right after a closing bracket), text after it on the same line,
    /// and no sentence mark before it: "بنغازي - ", "طرابلس 20 فبراير (رويترز) -".
    private func isDatelineDash(_ text: ScalarText, _ tokens: [Token], _ i: Int) -> Bool {
        let previous = tokens[i - 1]
        let spaced = previous.span.end < tokens[i].span.start || text.scalars[previous.span.start].value == 0x29
        guard spaced, i + 1 < tokens.count, tokens[i + 1].span.start > tokens[i].span.end else { return false }
        guard !hasLineBreak(text, from: tokens[i].span.end, to: tokens[i + 1].span.start) else { return false }
        // Enough text after it for the dash to introduce the story rather than close the line.
        var after = 0
        var k = i + 1
        while k < tokens.count, after < 4, !hasLineBreak(text, from: tokens[k - 1].span.end, to: tokens[k].span.start) {
            after += 1
            k += 1
        }
        return after >= 4
    }

    /// A full stop right after an abbreviation or a lone initial, inside a sentence.
    private func isAbbreviationDot(_ text: ScalarText, _ tokens: [Token], _ i: Int) -> Bool {
        guard text.scalars[tokens[i].span.start].value == 0x2E, tokens[i].span.length == 1, i > 0 else { return false }
        let previous = tokens[i - 1]
        guard previous.span.end == tokens[i].span.start, previous.kind == .arabic || previous.kind == .latin else { return false }
        let key = normalizer.key(text, previous.span).lowercased()
        if abbreviations.contains(key) { return true }
        if key.unicodeScalars.count == 1 {
            // "U.S." style: a lone letter; but a sentence may end in a one-letter word only rarely.
            return true
        }
        // "U.S" followed by "." : the token before may be part of a dotted abbreviation.
        if i >= 3, tokens[i - 2].span.length == 1, text.scalars[tokens[i - 2].span.start].value == 0x2E,
           tokens[i - 2].span.end == previous.span.start {
            let dotted = normalizer.key(text, Span(start: tokens[i - 3].span.start, end: previous.span.end)).lowercased()
            if abbreviations.contains(dotted) { return true }
        }
        return false
    }
}
