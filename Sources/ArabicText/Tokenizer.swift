/// Splits a text into words, numbers, punctuation, quotes, URLs, e-mail addresses, hashtags
/// and mentions, each with its scalar offsets.
///
/// Clitics are not split here (that is `CliticSegmenter`'s job): an Arabic token is a run of
/// Arabic letters, marks and tatweel between spaces or punctuation, exactly as written.
/// Only white space is left out: zero-width joiners inside a word stay part of it, and other
/// invisible format characters (bidirectional marks) become symbol tokens, so that the tokens
/// always cover every visible and invisible character of the text (as UD evaluation requires).
public struct Tokenizer: Sendable {
    public init() {}

    public func tokenize(_ text: ScalarText, span: Span? = nil) -> [Token] {
        let span = span ?? text.fullSpan
        var tokens: [Token] = []
        tokens.reserveCapacity(span.length / 5)
        let s = text.scalars
        let end = span.end
        var i = span.start
        while i < end {
            let v = s[i].value
            if ScalarClass.isWhitespace(v) {
                i += 1
                continue
            }
            let start = i
            let kind: TokenKind
            if ScalarClass.isArabicWordPart(v) {
                i = scanArabic(s, from: i, end: end)
                // Tatweel alone is used as a dash.
                kind = s[start..<i].contains { ScalarClass.isArabicLetter($0.value) } ? .arabic : .punctuation
            } else if let urlEnd = scanURL(s, from: i, end: end) {
                i = urlEnd
                kind = .url
            } else if ScalarClass.isDigit(v) {
                i = scanNumber(s, from: i, end: end)
                kind = .number
            } else if v == 0x23 /* # */, i + 1 < end, isHashtagPart(s[i + 1]) {
                i = scanWhile(s, from: i + 1, end: end, isHashtagPart)
                kind = .hashtag
            } else if v == 0x40 /* @ */, i + 1 < end, isHandlePart(s[i + 1].value) {
                i = scanWhile(s, from: i + 1, end: end) { isHandlePart($0.value) }
                kind = .mention
            } else if ScalarClass.isOtherLetter(s[i]) {
                let wordEnd = scanWhile(s, from: i, end: end) { ScalarClass.isOtherLetter($0) || ScalarClass.isDigit($0.value) || $0.properties.isDiacritic }
                if let emailEnd = scanEmail(s, from: i, localEnd: wordEnd, end: end) {
                    i = emailEnd
                    kind = .email
                } else {
                    i = scanLatinWord(s, from: wordEnd, end: end)
                    kind = .latin
                }
            } else if ScalarClass.isQuote(v) {
                i += 1
                kind = .quote
            } else if v == 0x2E /* . */ {
                i = scanWhile(s, from: i, end: end) { $0.value == 0x2E }
                kind = .punctuation
            } else if Self.isPunctuation(s[i]) {
                i += 1
                kind = .punctuation
            } else {
                i += 1
                // Keep a combining sequence (an emoji with modifiers) in one symbol token.
                while i < end, s[i].properties.generalCategory == .nonspacingMark || s[i].value == 0x200D || (0xFE00...0xFE0F).contains(s[i].value) { i += 1 }
                kind = .symbol
            }
            tokens.append(Token(kind: kind, span: Span(start: start, end: i)))
        }
        return tokens
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: true
        default: false
        }
    }

    @inline(__always)
    private func scanWhile(_ s: [Unicode.Scalar], from start: Int, end: Int, _ accept: (Unicode.Scalar) -> Bool) -> Int {
        var i = start
        while i < end, accept(s[i]) { i += 1 }
        return i
    }

    private func scanArabic(_ s: [Unicode.Scalar], from start: Int, end: Int) -> Int {
        var i = start
        while i < end {
            let v = s[i].value
            if ScalarClass.isArabicWordPart(v) {
                i += 1
            } else if (v == 0x200C || v == 0x200D), i + 1 < end, ScalarClass.isArabicWordPart(s[i + 1].value) {
                i += 1
            } else {
                break
            }
        }
        return i
    }

    /// Digits with thousands groups (",", "٬" followed by exactly three digits) and one decimal part.
    private func scanNumber(_ s: [Unicode.Scalar], from start: Int, end: Int) -> Int {
        var i = scanWhile(s, from: start, end: end) { ScalarClass.isDigit($0.value) }
        var seenDecimal = false
        while i + 1 < end {
            let sep = s[i].value
            if (sep == 0x2C || sep == 0x066C) && !seenDecimal {
                var k = i + 1
                var digits = 0
                while k < end, ScalarClass.isDigit(s[k].value) { k += 1; digits += 1 }
                guard digits == 3 else { break }
                i = k
            } else if (sep == 0x2E || sep == 0x066B) && !seenDecimal, ScalarClass.isDigit(s[i + 1].value) {
                seenDecimal = true
                i = scanWhile(s, from: i + 1, end: end) { ScalarClass.isDigit($0.value) }
            } else {
                break
            }
        }
        return i
    }

    /// A Latin word continues through an inner apostrophe or hyphen followed by a letter (don't, al-Sarraj).
    private func scanLatinWord(_ s: [Unicode.Scalar], from wordEnd: Int, end: Int) -> Int {
        var i = wordEnd
        while i + 1 < end, (s[i].value == 0x27 || s[i].value == 0x2019 || s[i].value == 0x2D), ScalarClass.isOtherLetter(s[i + 1]) {
            i = scanWhile(s, from: i + 1, end: end) { ScalarClass.isOtherLetter($0) || ScalarClass.isDigit($0.value) }
        }
        return i
    }

    private func isHashtagPart(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0x5F || ScalarClass.isDigit(v) || ScalarClass.isArabicWordPart(v) || ScalarClass.isOtherLetter(scalar)
    }

    private func isHandlePart(_ v: UInt32) -> Bool {
        v == 0x5F || ScalarClass.isASCIILetter(v) || (0x30...0x39).contains(v)
    }

    private static let urlPrefixes: [[UInt32]] = ["https://", "http://", "www."].map { $0.unicodeScalars.map(\.value) }

    private func scanURL(_ s: [Unicode.Scalar], from start: Int, end: Int) -> Int? {
        let v = s[start].value
        guard v == 0x68 || v == 0x48 || v == 0x77 || v == 0x57 else { return nil }
        let matched = Self.urlPrefixes.contains { prefix in
            start + prefix.count < end && prefix.indices.allSatisfy { k in
                let c = s[start + k].value
                return c == prefix[k] || (c >= 0x41 && c <= 0x5A && c + 0x20 == prefix[k])
            }
        }
        guard matched else { return nil }
        var i = start
        while i < end, !ScalarClass.isWhitespace(s[i].value), !ScalarClass.isQuote(s[i].value),
              s[i].value != 0x29, s[i].value != 0x5D, s[i].value != 0x3E, !ScalarClass.isArabicWordPart(s[i].value) { i += 1 }
        // Sentence punctuation right after a URL belongs to the sentence.
        while i > start, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x060C, 0x061B, 0x061F].contains(s[i - 1].value) { i -= 1 }
        return i
    }

    /// local@domain.tld where the local part is `start..<localEnd` (plus . _ % + - inside).
    private func scanEmail(_ s: [Unicode.Scalar], from start: Int, localEnd: Int, end: Int) -> Int? {
        var i = localEnd
        while i < end, [0x2E, 0x5F, 0x25, 0x2B, 0x2D].contains(s[i].value) || ScalarClass.isASCIILetter(s[i].value) || (0x30...0x39).contains(s[i].value) { i += 1 }
        guard i < end, s[i].value == 0x40 else { return nil }
        var k = i + 1
        while k < end, ScalarClass.isASCIILetter(s[k].value) || (0x30...0x39).contains(s[k].value) || s[k].value == 0x2D || s[k].value == 0x2E {
            k += 1
        }
        while k > i + 1, s[k - 1].value == 0x2E { k -= 1 }
        // The domain needs an inner dot with a label on each side.
        guard k > i + 2, let lastDot = (i + 2..<k).last(where: { s[$0].value == 0x2E }), lastDot < k - 1, s[lastDot - 1].value != 0x2E else { return nil }
        return k
    }
}
