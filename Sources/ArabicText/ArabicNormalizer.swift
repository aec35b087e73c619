/// A text prepared for matching, with a way back to the original offsets.
///
/// `scalars[i]` came from the original scalar at `origins[i]`; `origins` has one extra entry,
/// the end of the normalized range in the original, so a normalized half-open range maps back
/// to an original span even when removed diacritics sit inside it.
public struct NormalizedText: Sendable {
    public let scalars: [Unicode.Scalar]
    public let origins: [Int]

    public var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The original span that normalized scalars `range` came from. It runs up to the next kept
    /// scalar, so marks that followed the last letter (a final tanwin) stay inside it.
    public func originalSpan(_ range: Range<Int>) -> Span {
        Span(start: origins[range.lowerBound], end: range.isEmpty ? origins[range.lowerBound] : origins[range.upperBound])
    }
}

/// Folds the spelling variation of Arabic news so that words can be matched and counted.
///
/// Normalization never changes the text Marsad reports: it produces a separate matching form.
/// Always: diacritics, tatweel and invisible format characters go; alef with hamza or madda and
/// wasla become bare alef; Arabic-Indic and Persian digits become ASCII; the Arabic comma,
/// semicolon, question mark and decimal/thousands separators become their ASCII twins.
/// Optionally alef maqsura ى and yeh ي, and teh marbuta ة and heh ه, are unified, since news
/// sites write them interchangeably at the end of words.
public struct ArabicNormalizer: Sendable, Hashable {
    public var unifyAlefMaqsura: Bool
    public var unifyTehMarbuta: Bool

    public init(unifyAlefMaqsura: Bool = true, unifyTehMarbuta: Bool = false) {
        self.unifyAlefMaqsura = unifyAlefMaqsura
        self.unifyTehMarbuta = unifyTehMarbuta
    }

    /// The matching form of one scalar, or nil when it is dropped.
    @inline(__always)
    public func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        if v < 0x0600 { return scalar }
        switch v {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return "\u{0627}"
        case 0x0649 where unifyAlefMaqsura: return "\u{064A}"
        case 0x0629 where unifyTehMarbuta: return "\u{0647}"
        case 0x060C: return ","
        case 0x061B: return ";"
        case 0x061F: return "?"
        case 0x066B: return "."
        case 0x066C: return ","
        case 0x066A: return "%"
        default: break
        }
        if let digit = ScalarClass.digitValue(v) { return Unicode.Scalar(UInt8(0x30 + digit)) }
        if ScalarClass.isDiacritic(v) || ScalarClass.isTatweel(v) || ScalarClass.isInvisibleFormat(v) { return nil }
        return scalar
    }

    /// Normalizes a span of a text, keeping the map back to original offsets.
    public func normalize(_ text: ScalarText, span: Span? = nil) -> NormalizedText {
        let span = span ?? text.fullSpan
        var out: [Unicode.Scalar] = []
        var origins: [Int] = []
        out.reserveCapacity(span.length)
        origins.reserveCapacity(span.length + 1)
        for i in span.start..<span.end {
            if let folded = fold(text.scalars[i]) {
                out.append(folded)
                origins.append(i)
            }
        }
        origins.append(span.end)
        return NormalizedText(scalars: out, origins: origins)
    }

    /// The matching form of a word or phrase, as used for lexicon keys.
    public func key(_ text: some StringProtocol) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let folded = fold(scalar) { view.append(folded) }
        }
        return String(view)
    }

    /// The matching form of scalars `range` of a text.
    public func key(_ text: ScalarText, _ span: Span) -> String {
        var view = String.UnicodeScalarView()
        for i in span.start..<span.end {
            if let folded = fold(text.scalars[i]) { view.append(folded) }
        }
        return String(view)
    }
}
