/// Classification of single Unicode scalars, the building block of every Arabic-aware loop.
///
/// Works on scalar values with range checks only: no `Character`, no allocation, so the
/// tokenizer and normalizer can run at tens of megabytes a second.
public enum ScalarClass {
    /// Harakat, tanwin, shadda, sukun, superscript alef and Quranic annotation marks.
    @inline(__always)
    public static func isDiacritic(_ v: UInt32) -> Bool {
        (0x064B...0x065F).contains(v) || v == 0x0670 || (0x06D6...0x06DC).contains(v)
            || (0x06DF...0x06E4).contains(v) || (0x06E7...0x06E8).contains(v)
            || (0x06EA...0x06ED).contains(v) || (0x08D3...0x08FF).contains(v)
    }

    @inline(__always)
    public static func isTatweel(_ v: UInt32) -> Bool { v == 0x0640 }

    /// Zero-width joiners and bidirectional controls: invisible, never part of a word's identity.
    @inline(__always)
    public static func isInvisibleFormat(_ v: UInt32) -> Bool {
        (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0xFEFF || v == 0x061C || v == 0x00AD
    }

    /// A letter of the Arabic script (base letters, extended letters, presentation forms).
    @inline(__always)
    public static func isArabicLetter(_ v: UInt32) -> Bool {
        (0x0621...0x063F).contains(v) || (0x0641...0x064A).contains(v) || (0x066E...0x066F).contains(v)
            || (0x0671...0x06D3).contains(v) || v == 0x06D5 || (0x06EE...0x06EF).contains(v)
            || (0x06FA...0x06FC).contains(v) || v == 0x06FF || (0x0750...0x077F).contains(v)
            || (0x08A0...0x08C9).contains(v) || (0xFB50...0xFDFB).contains(v) || (0xFE70...0xFEFC).contains(v)
    }

    /// Whether the scalar belongs inside an Arabic word: a letter, a mark or tatweel.
    @inline(__always)
    public static func isArabicWordPart(_ v: UInt32) -> Bool {
        isArabicLetter(v) || isDiacritic(v) || isTatweel(v)
    }

    /// The value of a decimal digit in ASCII, Arabic-Indic or Persian (Extended Arabic-Indic) form.
    @inline(__always)
    public static func digitValue(_ v: UInt32) -> Int? {
        switch v {
        case 0x30...0x39: Int(v - 0x30)
        case 0x0660...0x0669: Int(v - 0x0660)
        case 0x06F0...0x06F9: Int(v - 0x06F0)
        default: nil
        }
    }

    @inline(__always)
    public static func isDigit(_ v: UInt32) -> Bool { digitValue(v) != nil }

    @inline(__always)
    public static func isASCIILetter(_ v: UInt32) -> Bool { (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }

    @inline(__always)
    public static func isWhitespace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0xA0
            || v == 0x1680 || (0x2000...0x200A).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x202F
            || v == 0x205F || v == 0x3000 || v == 0x85
    }

    /// A letter of any script other than Arabic (Latin, Cyrillic, CJK …).
    public static func isOtherLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if isASCIILetter(v) { return true }
        if v < 0x80 || isArabicWordPart(v) { return false }
        return scalar.properties.isAlphabetic
    }

    /// Opening and closing quotation marks, Arabic and Western.
    @inline(__always)
    public static func isQuote(_ v: UInt32) -> Bool {
        v == 0x22 || v == 0xAB || v == 0xBB || (0x2018...0x201F).contains(v) || v == 0x2039 || v == 0x203A
    }

    /// Marks that end a sentence: . ! ? and the Arabic question mark, semicolon and ellipsis.
    @inline(__always)
    public static func isSentenceTerminal(_ v: UInt32) -> Bool {
        v == 0x2E || v == 0x21 || v == 0x3F || v == 0x061F || v == 0x061B || v == 0x2026 || v == 0x06D4
    }

    /// Commas and semicolons, Arabic and Latin: where a run-on sentence may be cut.
    public static func isClauseSeparator(_ v: UInt32) -> Bool { v == 0x2C || v == 0x060C || v == 0x3B || v == 0x061B }
}
