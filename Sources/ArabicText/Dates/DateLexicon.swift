/// What one word or phrase of `date-words.tsv` contributes to a date.
enum DateWord: Hashable, Sendable {
    case month(Int)
    case hijriMonth(Int)
    /// 1 = Sunday … 7 = Saturday.
    case weekday(Int)
    /// Days from the reference date.
    case relativeDay(Int)
    /// -1 the one before the reference, 0 the current one, 1 the next one.
    case direction(Int)
    case this
    case unit(DateUnit)
    case monthPart
    case monthMarker
    case dayMarker
    case timeOfDay
    case era(DateEra)
    case link
    case of
}

/// A calendar period named by a word (الأسبوع، الشهر، العام).
enum DateUnit: String, Sendable {
    case week, month, year
}

/// The calendar a year is counted in (م or هـ after it).
enum DateEra: String, Sendable {
    case gregorian, hijri
}

/// Conditions under which a date word counts, for words that are also ordinary words.
struct DateWordFlags: OptionSet, Hashable, Sendable {
    let rawValue: Int
    static let needsMarker = DateWordFlags(rawValue: 1)
    static let needsYear = DateWordFlags(rawValue: 2)
    static let needsNumber = DateWordFlags(rawValue: 4)
}

/// One row of the lexicon: a phrase in matching form and what it means.
struct DateLexiconEntry: Hashable, Sendable {
    var key: String
    var word: DateWord
    var flags: DateWordFlags
}

/// A lexicon phrase found at a token: how many tokens it covers and how many proclitic letters
/// (و ف ب ل ك) were taken off its first token to find it.
struct DateWordMatch: Hashable, Sendable {
    var entry: DateLexiconEntry
    var tokenCount: Int
    var procliticLetters: Int
    /// ل written into the article (للعام = ل + العام): the span keeps the whole token, since
    /// the article's alef is not in the text.
    var mergedArticle: Bool
}

/// Why `date-words.tsv` (or a replacement table) could not be read.
public struct DateLexiconError: Error, CustomStringConvertible, Sendable {
    /// The table's name, as given to `DateLexicon(tsv:file:)`.
    public let file: String
    /// The 1-based line of the faulty row.
    public let line: Int
    /// What is wrong with the row, in words.
    public let reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// The words that make up date expressions — month names in the three Arabic systems, Hijri
/// months, weekdays, relative days and their qualifiers — loaded from `date-words.tsv`.
///
/// Code never lists these words; to support a new spelling, add a row to the table.
///
/// ```swift
/// let lexicon = try DateLexicon.bundled()
/// let recognizer = DateRecognizer(lexicon: lexicon)
/// ```
public struct DateLexicon: Sendable {
    /// Entries by matching key, to catch a phrase listed twice.
    private(set) var entries: [String: DateLexiconEntry] = [:]
    /// The phrases as a trie over normalized scalars, words joined by a space, so a token is
    /// matched straight from the text without building a string for it.
    private(set) var trie = TrieEdges<UInt32>()
    /// The entry of each trie node a phrase ends at (node 0 is the root).
    private(set) var nodeEntries: [DateLexiconEntry?] = [nil]
    /// Words that, right before (after) a phrase, show it is not a date: phrase key → word keys.
    private(set) var cancelledBefore: [String: Set<String>] = [:]
    private(set) var cancelledAfter: [String: Set<String>] = [:]

    /// The table bundled with ArabicText.
    public static func bundled() throws -> DateLexicon {
        try DateLexicon(tsv: BundledResources.text("date-words.tsv"), file: "date-words.tsv")
    }

    /// Reads a table with the columns `phrase kind value flags` (see the bundled file's header).
    public init(tsv: String, file: String = "date-words.tsv") throws {
        let normalizer = ArabicNormalizer()
        var sawHeader = false
        var cancelLines: [String: Int] = [:]
        for (index, line) in tsv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            func fail(_ reason: String) -> DateLexiconError { DateLexiconError(file: file, line: lineNumber, reason: reason) }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !sawHeader { sawHeader = true; continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2 else { throw fail("expected phrase, kind, value and flags separated by tabs") }
            let key = normalizer.key(columns[0]).split(separator: " ").joined(separator: " ")
            guard !key.isEmpty else { throw fail("empty phrase") }
            let kind = String(columns[1])
            let value = columns.count > 2 ? String(columns[2]) : ""
            switch kind {
            case "cancels-before", "cancels-after":
                let phrase = normalizer.key(value)
                guard !phrase.isEmpty else { throw fail("\(kind) needs the phrase it cancels in the value column") }
                cancelLines[phrase] = cancelLines[phrase] ?? lineNumber
                if kind == "cancels-before" { cancelledBefore[phrase, default: []].insert(key) }
                else { cancelledAfter[phrase, default: []].insert(key) }
                continue
            default: break
            }
            guard let word = Self.word(kind: kind, value: value) else {
                throw fail("unknown kind \"\(kind)\" or bad value \"\(value)\" for it")
            }
            var flags: DateWordFlags = []
            if columns.count > 3 {
                for flag in columns[3].split(separator: ",") {
                    switch flag.filter({ $0 != " " }) {
                    case "needs-marker": flags.insert(.needsMarker)
                    case "needs-year": flags.insert(.needsYear)
                    case "needs-number": flags.insert(.needsNumber)
                    case "": break
                    default: throw fail("unknown flag \"\(flag)\"")
                    }
                }
            }
            let entry = DateLexiconEntry(key: key, word: word, flags: flags)
            if let existing = entries[key], existing != entry {
                throw fail("\"\(columns[0])\" is already listed with another meaning")
            }
            entries[key] = entry
            insert(entry)
        }
        guard sawHeader else { throw DateLexiconError(file: file, line: 1, reason: "no header line") }
        if let (phrase, line) = cancelLines.filter({ entries[$0.key] == nil }).min(by: { $0.value < $1.value }) {
            throw DateLexiconError(file: file, line: line, reason: "cancels \"\(phrase)\", which is not a phrase of the table")
        }
    }

    private static func word(kind: String, value: String) -> DateWord? {
        let number = Int(value)
        switch kind {
        case "month": return number.flatMap { (1...12).contains($0) ? .month($0) : nil }
        case "hijri-month": return number.flatMap { (1...12).contains($0) ? .hijriMonth($0) : nil }
        case "weekday": return number.flatMap { (1...7).contains($0) ? .weekday($0) : nil }
        case "relative-day": return number.map { .relativeDay($0) }
        case "direction": return number.flatMap { (-1...1).contains($0) ? .direction($0) : nil }
        case "this": return .this
        case "unit": return DateUnit(rawValue: value).map { .unit($0) }
        case "month-part": return ["early", "middle", "late"].contains(value) ? .monthPart : nil
        case "month-marker": return .monthMarker
        case "day-marker": return .dayMarker
        case "time-of-day": return .timeOfDay
        case "era": return DateEra(rawValue: value).map { .era($0) }
        case "link": return .link
        case "of": return .of
        default: return nil
        }
    }

    private mutating func insert(_ entry: DateLexiconEntry) {
        var node: Int32 = 0
        for scalar in entry.key.unicodeScalars {
            if let next = trie.child(of: node, scalar.value) {
                node = next
            } else {
                nodeEntries.append(nil)
                let child = Int32(nodeEntries.count - 1)
                trie.insert(parent: node, scalar.value, child: child)
                node = child
            }
        }
        nodeEntries[Int(node)] = entry
    }
}
