/// What a number word contributes when numbers are composed; the `role` column of number-words.tsv.
public enum NumberWordRole: String, Sendable, Hashable, CaseIterable {
    /// 1–9.
    case unit
    /// عشر/عشرة: 10 alone, the ten of 11–19 after a unit.
    case ten
    /// أحد، إحدى، اثنا …: a number only before عشر/عشرة (or, for one, before و + tens).
    case teenHead = "teen-head"
    /// 20–90.
    case tens
    /// 100–900 as a whole word (مئتان، ثلاثمائة).
    case hundreds
    /// ألف، مليون …: multiplies the count before it.
    case scale
    /// ألفان، ألفين، ألفي: twice the scale.
    case scaleDual = "scale-dual"
    /// ألفا، مليونا: singular accusative after a count or with tanwin, dual construct alone.
    case scaleAccusative = "scale-accusative"
    /// آلاف، ملايين: multiplies a count; alone, "thousands of".
    case scalePlural = "scale-plural"
    /// عشرات، مئات: "tens of", "hundreds of".
    case magnitude
    /// نصف، ربع، ثلث: a part of the scale it follows or precedes.
    case fraction
    /// بضعة، بضع، عدة: a few (a range in the value column).
    case few
    /// An ordinal that makes a following عشر/عشرة part of it (الحادي عشر): blocks the ten.
    case ordinal
    /// A word that only looks like a proclitic plus a number word (لست).
    case notNumber = "not-number"
}

/// One entry of the number vocabulary.
public struct NumberWord: Hashable, Sendable {
    /// How the word combines with its neighbours.
    public var role: NumberWordRole
    /// The number, or for scales and magnitudes their unit (ألفين → 1000 with role `.scaleDual`).
    public var value: Double
    /// For `.few` words the top of their range; equal to `value` otherwise.
    public var upper: Double

    /// An entry; `upper` defaults to `value`, as for every role but `.few`.
    public init(role: NumberWordRole, value: Double, upper: Double? = nil) {
        self.role = role
        self.value = value
        self.upper = upper ?? value
    }
}

/// A hedging phrase such as "ما لا يقل عن", one packed word per token.
struct QualifierPhrase: Hashable, Sendable {
    var words: [PackedWord]
    var qualifier: NumberQualifier
}

/// Why number-words.tsv (or a test's table) could not be loaded, with the line to fix.
public struct NumberLexiconError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The 1-based line of the table.
    public let line: Int
    /// What is wrong with it, in words.
    public let reason: String
    public var description: String { "number-words.tsv line \(line): \(reason)" }
}

/// The closed vocabulary of Arabic number words and hedging phrases, loaded from number-words.tsv.
///
/// Keeps the data out of the code (STYLE.md) and owns the one piece of morphology numbers need:
/// stripping the proclitics و ف ب ل ك (and the article of "الآلاف", "العشرات") from a word that is
/// otherwise in the vocabulary. Matching uses `NumberLexicon.normalizer`, which also folds ة into ه.
public struct NumberLexicon: Sendable {
    /// A word found in the vocabulary, and what had to be stripped to find it.
    public struct Match: Hashable, Sendable {
        /// The vocabulary entry the word is.
        public var word: NumberWord
        /// Letters stripped from the front (proclitics, not the article).
        public var procliticLength: Int
        /// The only proclitic was و, "and": the word continues a number ("وسبعمائة").
        public var isConjunction: Bool
        /// The word carried the article ال; only magnitudes accept it ("العشرات", "عشرات الآلاف").
        public var isDefinite: Bool
    }

    /// A vocabulary word and where its listed spelling has a hamza on alef.
    struct Entry: Sendable {
        var word: NumberWord
        var hamzaMask: UInt32
    }

    /// The matching form used for every word: diacritics gone, bare alef, ى→ي, ة→ه.
    public static let normalizer = ArabicNormalizer(unifyAlefMaqsura: true, unifyTehMarbuta: true)

    private(set) var words: [PackedWord: Entry] = [:]
    /// Phrases that precede a number, by their first word, longest first.
    private(set) var qualifiersBefore: [PackedWord: [QualifierPhrase]] = [:]
    /// Phrases that follow a number, by their first word, longest first.
    private(set) var qualifiersAfter: [PackedWord: [QualifierPhrase]] = [:]

    /// How many number words (not phrases) the vocabulary holds.
    public var wordCount: Int { words.count }

    /// The vocabulary shipped in Resources/number-words.tsv.
    public static func bundled() throws -> NumberLexicon {
        try NumberLexicon(tsv: BundledResources.text("number-words.tsv"))
    }

    /// Parses a table with the columns word, role, value, gloss (see number-words.tsv for the roles).
    public init(tsv: String) throws {
        var sawHeader = false
        for (offset, rawLine) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            if rawLine.hasPrefix("#") || rawLine.allSatisfy(\.isWhitespace) { continue }
            if !sawHeader { sawHeader = true; continue }
            let columns = rawLine.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 3 else {
                throw NumberLexiconError(line: line, reason: "expected word, role, value and gloss separated by tabs")
            }
            let word = columns[0].trimmingSpaces
            let roleName = String(columns[1].trimmingSpaces)
            let value = columns[2].trimmingSpaces
            var letters: [FoldedLetters] = []
            for part in word.split(separator: " ") {
                let folded = FoldedLetters(part.unicodeScalars)
                guard folded.packed() != nil else {
                    throw NumberLexiconError(line: line, reason: "'\(part)' is not an Arabic word of at most \(PackedWord.maxLetters) letters")
                }
                letters.append(folded)
            }
            guard let first = letters.first?.packed() else { throw NumberLexiconError(line: line, reason: "empty word") }
            if roleName == "qualifier" || roleName == "qualifier-after" {
                guard let qualifier = NumberQualifier(rawValue: String(value)), qualifier != .exact,
                      qualifier != .magnitude, qualifier != .few else {
                    throw NumberLexiconError(line: line, reason: "unknown qualifier sense '\(value)'")
                }
                let phrase = QualifierPhrase(words: letters.compactMap { $0.packed() }, qualifier: qualifier)
                if roleName == "qualifier" {
                    qualifiersBefore[first, default: []].append(phrase)
                } else {
                    qualifiersAfter[first, default: []].append(phrase)
                }
                continue
            }
            guard let role = NumberWordRole(rawValue: roleName) else {
                throw NumberLexiconError(line: line, reason: "unknown role '\(roleName)'")
            }
            guard letters.count == 1 else {
                throw NumberLexiconError(line: line, reason: "a number word is one word; '\(word)' has spaces")
            }
            let entry = Entry(word: try Self.entry(role: role, value: value, line: line), hamzaMask: letters[0].hamzaMask)
            if let existing = words[first], existing.word != entry.word {
                throw NumberLexiconError(line: line, reason: "'\(word)' is already listed with another role or value")
            }
            words[first] = entry
        }
        guard sawHeader else { throw NumberLexiconError(line: 1, reason: "no header line") }
        for key in qualifiersBefore.keys { qualifiersBefore[key]!.sort { $0.words.count > $1.words.count } }
        for key in qualifiersAfter.keys { qualifiersAfter[key]!.sort { $0.words.count > $1.words.count } }
    }

    private static func entry(role: NumberWordRole, value: Substring, line: Int) throws -> NumberWord {
        if role == .few {
            let parts = value.split(separator: "-")
            guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low <= high else {
                throw NumberLexiconError(line: line, reason: "a few-word needs a range low-high, found '\(value)'")
            }
            return NumberWord(role: role, value: low, upper: high)
        }
        guard let number = Double(value), number >= 0 else {
            throw NumberLexiconError(line: line, reason: "value '\(value)' is not a number")
        }
        return NumberWord(role: role, value: number)
    }

    /// Looks one written word up ("وسبعمائة", "بالآلاف", "ألفًا"); nil when it is no number word.
    public func match(_ word: some StringProtocol) -> Match? {
        match(FoldedLetters(word.unicodeScalars))
    }

    /// Looks a word up, stripping proclitics (و ف, then ب ل ك) and, for magnitudes only, the
    /// article. A word listed as it stands wins, so "لست" stays "I am not" — unless the token spells
    /// a hamza where the listed word has none: normalization makes "وأحد" ("and one of") look like
    /// "واحد" ("one"), and the hamza tells them apart.
    func match(_ letters: FoldedLetters) -> Match? {
        if let whole = letters.packed(), let entry = words[whole] {
            if entry.word.role == .notNumber { return nil }
            let direct = Match(word: entry.word, procliticLength: 0, isConjunction: false, isDefinite: false)
            guard letters.hamzaMask & ~entry.hamzaMask != 0 else { return direct }
            return stripped(letters) ?? direct
        }
        return stripped(letters)
    }

    private func stripped(_ letters: FoldedLetters) -> Match? {
        guard letters.isMatchable, letters.count >= 2 else { return nil }
        let first = letters.letter(0)
        if first == Self.alef { return definite(letters, from: 0, proclitic: 0) }
        var strip = 0
        if Self.isConjunction(first) {
            strip = 1
            if let found = lookUp(letters, from: 1, isConjunction: first == Self.waw) { return found }
        }
        guard strip < letters.count - 1, Self.isPreposition(letters.letter(strip)) else { return nil }
        if let found = lookUp(letters, from: strip + 1, isConjunction: false) { return found }
        // ل before the article drops its alef: للآلاف = ل + الآلاف.
        if letters.letter(strip) == Self.lam, letters.letter(strip + 1) == Self.lam {
            return magnitude(letters, from: strip + 2, proclitic: strip + 1)
        }
        return nil
    }

    private func lookUp(_ letters: FoldedLetters, from start: Int, isConjunction: Bool) -> Match? {
        if let packed = letters.packed(from: start), let entry = words[packed], entry.word.role != .notNumber {
            return Match(word: entry.word, procliticLength: start, isConjunction: isConjunction, isDefinite: false)
        }
        return definite(letters, from: start, proclitic: start)
    }

    /// "ال" + a magnitude or plural scale at `start`.
    private func definite(_ letters: FoldedLetters, from start: Int, proclitic: Int) -> Match? {
        guard start + 2 < letters.count, letters.letter(start) == Self.alef, letters.letter(start + 1) == Self.lam else { return nil }
        return magnitude(letters, from: start + 2, proclitic: proclitic)
    }

    private func magnitude(_ letters: FoldedLetters, from start: Int, proclitic: Int) -> Match? {
        guard let packed = letters.packed(from: start), let entry = words[packed],
              entry.word.role == .magnitude || entry.word.role == .scalePlural else { return nil }
        return Match(word: entry.word, procliticLength: proclitic, isConjunction: false, isDefinite: true)
    }

    /// The phrases a token can start as a qualifier before a number, longest first, with the
    /// proclitic letters stripped to find them ("بنحو" → "نحو", "وبأكثر" → "أكثر من").
    func leadingQualifiers(_ letters: FoldedLetters) -> [(phrase: QualifierPhrase, proclitic: Int)] {
        var found: [(phrase: QualifierPhrase, proclitic: Int)] = []
        func collect(_ start: Int) {
            guard let word = letters.packed(from: start), let phrases = qualifiersBefore[word] else { return }
            for phrase in phrases { found.append((phrase, start)) }
        }
        collect(0)
        guard letters.isMatchable, letters.count >= 3 else { return found }
        var strip = 0
        if Self.isConjunction(letters.letter(0)) {
            strip = 1
            collect(1)
        }
        if strip < letters.count - 2, Self.isPreposition(letters.letter(strip)) {
            collect(strip + 1)
        }
        return found
    }

    /// The phrases that can follow a number starting with this word.
    func trailingQualifiers(_ word: PackedWord) -> [QualifierPhrase] {
        qualifiersAfter[word] ?? []
    }

    private static let alef: Unicode.Scalar = "\u{0627}"
    private static let lam: Unicode.Scalar = "\u{0644}"
    private static let waw: Unicode.Scalar = "\u{0648}"

    /// The first proclitic of a word: و "and", ف "so".
    @inline(__always)
    static func isConjunction(_ scalar: Unicode.Scalar) -> Bool { scalar == waw || scalar == "\u{0641}" }

    /// The second proclitic: ب "with/for", ل "for", ك "like".
    @inline(__always)
    static func isPreposition(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{0628}" || scalar == lam || scalar == "\u{0643}"
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while let first = s.first, first == " " || first == "\r" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\r" { s.removeLast() }
        return s
    }
}
