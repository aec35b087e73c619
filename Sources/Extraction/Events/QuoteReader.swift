import ArabicText

/// Finds the words a text quotes: the span between a pair of quotation marks (« », “ ”, " ")
/// within one paragraph, when it holds a statement rather than a name (four words or more).
struct QuoteReader {
    let annotated: AnnotatedText

    static let minimumWords = 4

    func quotes() -> [Span] {
        let scalars = annotated.text.scalars
        var out: [Span] = []
        var open: (index: Int, closing: Unicode.Scalar)?
        for (i, token) in annotated.tokens.enumerated() {
            let first = scalars[token.span.start]
            if token.kind != .quote {
                // A paragraph break ends an unclosed quote.
                if let o = open, scalars[annotated.tokens[o.index].span.end..<token.span.start].contains("\n") { open = nil }
                continue
            }
            if let o = open, first == o.closing {
                let inner = (o.index + 1)..<i
                let words = inner.filter { annotated.tokens[$0].kind == .arabic || annotated.tokens[$0].kind == .latin }.count
                if words >= Self.minimumWords {
                    out.append(Span(start: annotated.tokens[inner.lowerBound].span.start, end: annotated.tokens[inner.upperBound - 1].span.end))
                }
                open = nil
            } else if open == nil, let closing = Self.closing(first) {
                open = (i, closing)
            }
        }
        return out
    }

    static func closing(_ opening: Unicode.Scalar) -> Unicode.Scalar? {
        switch opening {
        case "«": "»"
        case "\u{201C}": "\u{201D}"
        case "\"": "\""
        case "\u{2018}": "\u{2019}"
        default: nil
        }
    }
}
