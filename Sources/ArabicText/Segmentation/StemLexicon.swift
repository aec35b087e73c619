/// Words that begin with و ف ب ل ك or س as part of their stem (وزير، بيان، لقاء), recognized
/// also when inflected: a word is in the lexicon when it, or it without one inflectional suffix
/// (وافقا → وافق، وفدين → وفد), is listed.
public struct StemLexicon: Sendable {
    public var stems: Set<LetterKey>
    public var suffixes: [[Unicode.Scalar]]

    public init(stems: Set<LetterKey>, suffixes: [[Unicode.Scalar]]) {
        self.stems = stems
        self.suffixes = suffixes.sorted { $0.count > $1.count }
    }

    /// Reads the hand-written tables (`clitic-initial-stems.tsv`, `inflectional-suffixes.tsv`).
    public init(stemsTSV: String, suffixesTSV: String) {
        self.init(stems: Set(TSV.rows(stemsTSV).compactMap { $0.first.map { LetterKey($0, folded: true) } }),
                  suffixes: TSV.rows(suffixesTSV).compactMap { $0.first.map { Array($0.unicodeScalars) } })
    }

    public static func bundled() throws -> StemLexicon {
        StemLexicon(stemsTSV: try BundledResources.text("clitic-initial-stems.tsv"),
                    suffixesTSV: try BundledResources.text("inflectional-suffixes.tsv"))
    }

    /// A stem as written on its own, when it ends in a hamza that sits on yeh or waw before a
    /// pronoun (لقائ of لقائه → لقاء); nil for other stems.
    public static func hamzaOnTheLine(_ letters: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard let last = letters.last, last == "ئ" || last == "ؤ" else { return nil }
        return letters.dropLast() + ["ء"]
    }

    public func contains(_ letters: [Unicode.Scalar]) -> Bool {
        if stems.contains(LetterKey(letters, folded: true)) { return true }
        if let alone = Self.hamzaOnTheLine(letters), stems.contains(LetterKey(alone, folded: true)) { return true }
        for suffix in suffixes where letters.count > suffix.count + 2 && letters.suffix(suffix.count).elementsEqual(suffix) {
            if stems.contains(LetterKey(letters.dropLast(suffix.count), folded: true)) { return true }
        }
        return false
    }
}
