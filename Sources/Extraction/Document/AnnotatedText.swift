import ArabicText
import Knowledge

/// A text with the layers every extraction stage reads: tokens, their clitic segments, sentences
/// and each token's matching key, computed once per document.
public struct AnnotatedText: Sendable {
    public let text: ScalarText
    public let tokens: [Token]
    public let segmented: [SegmentedToken]
    public let sentences: [Sentence]
    /// Each token's key for lexicon lookup: the stem without clitics or article for Arabic words,
    /// an empty key for anything else (numbers, punctuation, Latin), which no lexicon holds.
    public let keys: [LetterKey]

    public init(_ text: ScalarText, segmenter: CliticSegmenter, splitter: SentenceSplitter) {
        self.text = text
        tokens = Tokenizer().tokenize(text)
        segmented = segmenter.segment(text, tokens: tokens)
        sentences = splitter.split(text, tokens: tokens)
        let empty = LetterKey("", folded: true)
        keys = zip(tokens, segmented).map { token, segmented in
            token.kind == .arabic ? segmented.stemKey ?? PhraseMatcher<NameEntry>.key(text.text(token.span)) : empty
        }
    }

    /// The index of the token that contains a scalar offset, or the first token after it.
    public func tokenIndex(at offset: Int) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].span.end <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The text a run of tokens covers, from the first one's start to the last one's end.
    public func span(of tokens: Range<Int>) -> Span {
        Span(start: self.tokens[tokens.lowerBound].span.start, end: self.tokens[tokens.upperBound - 1].span.end)
    }

    /// The tokens a span covers.
    public func tokenRange(_ span: Span) -> Range<Int> {
        let first = tokenIndex(at: span.start)
        var last = first
        while last < tokens.count, tokens[last].span.start < span.end { last += 1 }
        return first..<max(first, last)
    }
}
