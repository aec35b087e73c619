/// Finds the numbers of a text, in words, digits or both, with the hedging around them.
///
/// Casualty, displacement and money figures in Arabic news come as "خمسة آلاف وسبعمائة واثنان
/// وستون", "1.5 مليار", "نحو ١٬١٠٠", "أكثر من ألفي", "عشرات القتلى". The recognizer composes the
/// words (NumberParser), strips the proclitics of this closed vocabulary (بنحو، وسبعمائة، لثلاثة),
/// and attaches qualifiers before the number ("ما لا يقل عن") and after it ("على الأقل").
///
/// It reports every number, years included: the date module decides separately what is a date.
/// "أحد" alone ("one of") and ordinals ("الأول", "الحادي عشر") are not quantities.
///
/// ```swift
/// let recognizer = try NumberRecognizer.bundled()
/// let text = ScalarText("قتل نحو 1100 شخص")
/// let numbers = recognizer.recognize(text, tokens: Tokenizer().tokenize(text))
/// // numbers[0].value == 1100, .approximate == true, .text == "نحو 1100"
/// ```
public struct NumberRecognizer: Sendable {
    /// The vocabulary: number words, their roles, and the qualifier phrases.
    public let lexicon: NumberLexicon
    /// How many words may stand between a number and a qualifier that follows it: one or two for
    /// the counted noun ("12 شخصا على الأقل", "12 من الجنود على الأقل").
    public var wordsBeforeTrailingQualifier = 2

    /// A recognizer over any vocabulary in the number-words.tsv format (tests, other dialects).
    public init(lexicon: NumberLexicon) {
        self.lexicon = lexicon
    }

    /// A recognizer with the vocabulary shipped in Resources/number-words.tsv.
    public static func bundled() throws -> NumberRecognizer {
        NumberRecognizer(lexicon: try NumberLexicon.bundled())
    }

    /// The numbers among `tokens` (a whole text or one sentence of it), in text order, not overlapping.
    public func recognize(_ text: ScalarText, tokens: [Token]) -> [NumberExpression] {
        let prepared = prepare(text, tokens: tokens)
        let parser = NumberParser(tokens: prepared)
        var found: [NumberExpression] = []
        var index = 0
        while index < tokens.count {
            if let (expression, next) = expression(at: index, text: text, tokens: tokens, parser: parser) {
                found.append(expression)
                index = next
            } else {
                index += 1
            }
        }
        return found
    }

    /// The numbers of a whole text, tokenized here.
    public func recognize(_ text: ScalarText) -> [NumberExpression] {
        recognize(text, tokens: Tokenizer().tokenize(text))
    }

    /// The value of a text that is one number and nothing else: "خمسة آلاف وسبعمائة واثنان وستون"
    /// → 5762, "١٬١٠٠" → 1100, "مليون ونصف" → 1500000, "عشرات" → 20 (the lower end, see
    /// `NumberExpression`). Nil when the text holds anything besides the number.
    public func value(ofWords words: String) -> Double? {
        let text = ScalarText(words)
        let tokens = Tokenizer().tokenize(text)
        guard !tokens.isEmpty else { return nil }
        let parser = NumberParser(tokens: prepare(text, tokens: tokens))
        guard let (expression, next) = expression(at: 0, text: text, tokens: tokens, parser: parser),
              next == tokens.count else { return nil }
        return expression.value
    }

    // MARK: - Expressions

    /// The expression starting at token `index` and the token after it: a qualifier and its number,
    /// or a bare number with perhaps a qualifier after it.
    private func expression(at index: Int, text: ScalarText, tokens: [Token], parser: NumberParser) -> (NumberExpression, Int)? {
        if let qualified = qualifiedBefore(at: index, text: text, tokens: tokens, parser: parser) {
            return qualified
        }
        guard let number = parser.parse(at: index) else { return nil }
        var lower = number.lowerBound, upper = number.upperBound, qualifier = number.qualifier
        var end = number.endToken
        if qualifier == .exact, let (trailing, trailingEnd) = qualifierAfter(number.endToken, parser: parser) {
            qualifier = trailing
            end = trailingEnd
            switch trailing {
            case .moreThan, .atLeast: lower = number.value
            case .lessThan, .atMost: upper = number.value
            default: break
            }
        }
        let expression = make(value: number.value, lower: lower, upper: upper, qualifier: qualifier,
                              start: startOffset(number.firstToken, text: text, tokens: tokens, parser: parser),
                              end: tokens[end - 1].span.end, number: number, text: text, tokens: tokens, parser: parser)
        return (expression, end)
    }

    /// "نحو 1100", "بأكثر من ألفي", "ما بين 20 و30".
    private func qualifiedBefore(at index: Int, text: ScalarText, tokens: [Token], parser: NumberParser) -> (NumberExpression, Int)? {
        let prepared = parser.tokens
        for (phrase, proclitic) in prepared[index].leadingQualifiers where matches(phrase, at: index, tokens: prepared) {
            guard let number = parser.parse(at: index + phrase.words.count, allowProclitic: false) else { continue }
            var lower: Double? = nil, upper: Double? = nil, value = number.value
            var end = number.endToken
            switch phrase.qualifier {
            case .moreThan, .atLeast:
                lower = number.value
            case .lessThan, .atMost:
                upper = number.value
            case .between:
                guard let second = secondOfRange(after: number, parser: parser), second.value >= number.value else { continue }
                lower = number.lowerBound ?? number.value
                upper = second.upperBound ?? second.value
                value = lower!
                end = second.endToken
            default:
                lower = number.lowerBound
                upper = number.upperBound
            }
            let start = offset(in: tokens[index].span, afterKept: proclitic, text: text)
            let expression = make(value: value, lower: lower, upper: upper, qualifier: phrase.qualifier,
                                  start: start, end: tokens[end - 1].span.end, number: number,
                                  numberEnd: end, text: text, tokens: tokens, parser: parser)
            return (expression, end)
        }
        return nil
    }

    /// The Y of "بين X وY": a number joined by و, written on its own or attached.
    private func secondOfRange(after first: ParsedNumber, parser: NumberParser) -> ParsedNumber? {
        let index = first.endToken
        guard index < parser.tokens.count, !parser.tokens[index].startsLine else { return nil }
        if parser.tokens[index].isStandaloneAnd {
            guard index + 1 < parser.tokens.count, !parser.tokens[index + 1].startsLine else { return nil }
            return parser.parse(at: index + 1, allowProclitic: false)
        }
        guard let reading = parser.tokens[index].reading, reading.isConjunction else { return nil }
        return parser.parse(at: index)
    }

    /// A qualifier after the number ending before token `index`, perhaps past the counted noun;
    /// its sense and the token after it.
    private func qualifierAfter(_ index: Int, parser: NumberParser) -> (NumberQualifier, Int)? {
        let prepared = parser.tokens
        var position = index
        while position < prepared.count, position - index <= wordsBeforeTrailingQualifier,
              !prepared[position].startsLine, prepared[position].isArabicWord {
            if let word = prepared[position].word {
                for phrase in lexicon.trailingQualifiers(word) where matches(phrase, at: position, tokens: prepared) {
                    return (phrase.qualifier, position + phrase.words.count)
                }
            }
            // Only plain words may stand between: no number, no "و" starting another clause.
            guard prepared[position].reading == nil, !prepared[position].isStandaloneAnd else { return nil }
            position += 1
        }
        return nil
    }

    /// Whether the words after the first of `phrase` follow token `index` on the same line.
    private func matches(_ phrase: QualifierPhrase, at index: Int, tokens: [NumberToken]) -> Bool {
        guard index + phrase.words.count <= tokens.count else { return false }
        for k in 1..<max(phrase.words.count, 1) {
            let token = tokens[index + k]
            if token.startsLine || token.word != phrase.words[k] { return false }
        }
        return true
    }

    private func make(value: Double, lower: Double?, upper: Double?, qualifier: NumberQualifier, start: Int, end: Int,
                      number: ParsedNumber, numberEnd: Int? = nil, text: ScalarText, tokens: [Token],
                      parser: NumberParser) -> NumberExpression {
        let numberStart = startOffset(number.firstToken, text: text, tokens: tokens, parser: parser)
        let numberSpan = Span(start: numberStart, end: tokens[(numberEnd ?? number.endToken) - 1].span.end)
        let span = Span(start: start, end: end)
        return NumberExpression(value: value, lowerBound: lower, upperBound: upper, approximate: qualifier != .exact,
                                qualifier: qualifier, span: span, numberSpan: numberSpan, text: text.text(span))
    }

    // MARK: - Tokens and offsets

    /// Where token `index`'s number begins in the original text: after its proclitics.
    private func startOffset(_ index: Int, text: ScalarText, tokens: [Token], parser: NumberParser) -> Int {
        offset(in: tokens[index].span, afterKept: parser.tokens[index].reading?.procliticLength ?? 0, text: text)
    }

    /// The original offset after `kept` normalized scalars of a token and the marks that follow them.
    private func offset(in span: Span, afterKept kept: Int, text: ScalarText) -> Int {
        guard kept > 0 else { return span.start }
        let normalizer = NumberLexicon.normalizer
        var seen = 0, i = span.start
        while i < span.end, seen < kept {
            if normalizer.fold(text.scalars[i]) != nil { seen += 1 }
            i += 1
        }
        while i < span.end, normalizer.fold(text.scalars[i]) == nil { i += 1 }
        return i
    }

    /// Looks every token up once: digits are read, Arabic words folded and matched.
    private func prepare(_ text: ScalarText, tokens: [Token]) -> [NumberToken] {
        let scalars = text.scalars
        var prepared: [NumberToken] = []
        prepared.reserveCapacity(tokens.count)
        var letters = FoldedLetters()
        var previousEnd = tokens.first?.span.start ?? 0
        for token in tokens {
            var item = NumberToken()
            item.startsLine = (previousEnd..<max(previousEnd, token.span.start)).contains { Self.isLineBreak(scalars[$0].value) }
            previousEnd = token.span.end
            switch token.kind {
            case .number:
                if let value = Self.digitsValue(scalars[token.span.start..<token.span.end]) {
                    item.reading = NumberReading(kind: .digits(value))
                }
            case .arabic:
                item.isArabicWord = true
                letters.read(scalars[token.span.start..<token.span.end])
                guard letters.isMatchable else { break }
                item.word = letters.packed()
                if letters.count == 1, letters.letter(0) == "\u{0648}" {
                    item.isStandaloneAnd = true
                    break
                }
                item.leadingQualifiers = lexicon.leadingQualifiers(letters)
                if let match = lexicon.match(letters) {
                    item.reading = NumberReading(kind: .word(match.word), procliticLength: match.procliticLength,
                                                 isConjunction: match.isConjunction, isDefinite: match.isDefinite,
                                                 hasTanwin: letters.hasTanwinFath)
                }
            default:
                break
            }
            prepared.append(item)
        }
        return prepared
    }

    @inline(__always)
    private static func isLineBreak(_ v: UInt32) -> Bool { v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x85 }

    /// The longest digit string read as a quantity; longer runs are identifiers, not counts, and
    /// would lose precision as a Double.
    static let maxDigits = 15

    /// The value of a number token in any digit script: "5762", "1,100", "١٬١٠٠", "3.5", "٣٫٥".
    static func digitsValue(_ scalars: ArraySlice<Unicode.Scalar>) -> Double? {
        var mantissa: Int64 = 0
        var digits = 0
        var fractionDigits = 0
        var inFraction = false
        for scalar in scalars {
            let v = scalar.value
            if let digit = ScalarClass.digitValue(v) {
                if digits == maxDigits {
                    if inFraction { continue }   // extra decimals: precision a count does not need
                    return nil
                }
                mantissa = mantissa * 10 + Int64(digit)
                digits += 1
                if inFraction { fractionDigits += 1 }
            } else if v == 0x2E || v == 0x066B {
                inFraction = true
            } else if v != 0x2C && v != 0x066C {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        var divisor = 1.0
        for _ in 0..<fractionDigits { divisor *= 10 }
        return Double(mantissa) / divisor
    }
}
