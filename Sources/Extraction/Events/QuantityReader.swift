import ArabicText
import Knowledge

/// Reads what the numbers of a text count: "مقتل 5 مدنيين" is 5 killed, "أكثر من 100 ألف نازح"
/// more than 100,000 displaced. A number is kept only when a word around it says what it counts.
struct QuantityReader {
    let annotated: AnnotatedText
    let lexicon: EventLexicon

    /// The quantities among the numbers of a text, their spans widened to the counted noun.
    func quantities(_ numbers: [NumberExpression], dates: [DateExpression]) -> [Quantity] {
        numbers.compactMap { number in
            guard !dates.contains(where: { $0.span.contains(number.numberSpan) }) else { return nil }
            let range = annotated.tokenRange(number.numberSpan)
            guard !range.isEmpty else { return nil }
            let sentence = annotated.sentences.first { $0.tokens.contains(range.lowerBound) }?.tokens ?? range
            let keys = Array(annotated.keys[sentence])
            let after = range.upperBound - sentence.lowerBound
            var kind: QuantityKind?
            var end = number.span.end
            // The counted noun right after the number (قتلى، نازح، مدنيين).
            if after < keys.count, let (length, words) = lexicon.casualtyWords.longestMatch(keys, from: after), let word = words.first {
                kind = word.kind
                end = max(end, annotated.tokens[range.upperBound + length - 1].span.end)
            }
            // A word before it says what persons counted (مقتل 5 مدنيين، إصابة 12 آخرين).
            if kind == nil || kind == .other {
                let before = range.lowerBound - sentence.lowerBound
                for start in stride(from: before - 1, through: max(0, before - 3), by: -1) {
                    if let (length, words) = lexicon.casualtyWords.longestMatch(keys, from: start), start + length <= before,
                       let word = words.first(where: { $0.kind != .other }) {
                        kind = word.kind
                        break
                    }
                }
            }
            guard let kind else { return nil }
            return Quantity(kind: kind, value: number.value, approximate: number.approximate, span: Span(start: number.span.start, end: end))
        }
    }
}
