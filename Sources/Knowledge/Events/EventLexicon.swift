import ArabicText
import Foundation

/// The event lexicons of `Resources/events/`, indexed for longest-match lookup over
/// clitic-segmented words: triggers with their PLOVER coding and argument rules, reporting verbs,
/// modality cues and the words that say what a casualty count counts.
public struct EventLexicon: Sendable {
    public private(set) var triggers = PhraseMatcher<TriggerSense>()
    public private(set) var reportingVerbs = PhraseMatcher<ReportingVerb>()
    public private(set) var modalityCues = PhraseMatcher<ModalityCue>()
    public private(set) var casualtyWords = PhraseMatcher<CasualtyWord>()
    /// Light verbs (شن، أجرى، تعرض) and what their subject is to the event noun they govern.
    public private(set) var lightVerbs = PhraseMatcher<ArgumentRole>()
    /// Words of site furniture (اترك رد، شارك، + الخط -) and where in a line they mark it.
    public private(set) var boilerplate = PhraseMatcher<BoilerplateMark>()
    /// Prepositions, clause boundaries and adverbs, by their key.
    public private(set) var functionWords: [LetterKey: FunctionWord] = [:]
    /// The prepositions of topic and place, by key.
    public private(set) var topicPrepositions: Set<LetterKey> = []
    /// Two-word function words (قبل أن).
    public private(set) var functionPhrases = PhraseMatcher<FunctionWord>()

    public init() {}

    public static func bundled() throws -> EventLexicon {
        func table(_ name: String) throws -> TSVTable {
            guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources/events"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ResourceError(name: "events/\(name).tsv", reason: "missing from the bundle")
            }
            return TSV.table(text)
        }
        var lexicon = EventLexicon()
        try lexicon.loadTriggers(table("triggers"))
        lexicon.loadReportingVerbs(try table("reporting-verbs"))
        lexicon.loadModalityCues(try table("modality-cues"))
        lexicon.loadCasualtyWords(try table("casualty-nouns"))
        lexicon.loadLightVerbs(try table("light-verbs"))
        lexicon.loadBoilerplate(try table("boilerplate"))
        lexicon.loadFunctionWords(try table("function-words"))
        return lexicon
    }

    /// Loads triggers.tsv; a row whose type or argument codes cannot be read is an error that
    /// names the row, since a silently skipped trigger is an event never found.
    public mutating func loadTriggers(_ table: TSVTable) throws {
        for (n, row) in table.rows.enumerated() {
            guard let lemma = table.value(row, "lemma"), let typeName = table.value(row, "plover") else { continue }
            guard let type = PloverType(rawValue: String(typeName)) else {
                throw ResourceError(name: "events/triggers.tsv", reason: "row \(n + 1) (\(lemma)): unknown PLOVER type \(typeName)")
            }
            var sense = TriggerSense(lemma: String(lemma), isVerb: table.value(row, "pos") == "verb", isNoun: table.value(row, "pos") == "noun",
                                     type: type, mode: table.value(row, "mode").map(String.init), cameo: table.value(row, "cameo").map(String.init),
                                     rules: [], reciprocal: false, passive: false, cues: [], lowConfidence: false)
            for code in table.values(row, "arguments") {
                switch code {
                case "recip": sense.reciprocal = true
                case "passive": sense.passive = true
                default:
                    guard let rule = Self.rule(code) else {
                        throw ResourceError(name: "events/triggers.tsv", reason: "row \(n + 1) (\(lemma)): cannot read argument code \(code)")
                    }
                    sense.rules.append(rule)
                }
            }
            let note = table.value(row, "note") ?? ""
            sense.cues = Self.cues(note)
            sense.lowConfidence = note.contains("low confidence")
            for form in table.values(row, "forms") { triggers.insert(phrase: form, sense) }
        }
    }

    /// `slot=role`, `slot=a+b`, `slot=a/b`; `بين=recip` reads as the reciprocal pair's slot.
    static func rule(_ code: Substring) -> ArgumentRule? {
        let parts = code.split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let slot: ArgumentSlot = switch parts[0] {
        case "subj": .subject
        case "obj", "obj2": .object
        case "gen": .genitive
        case "adj": .adjective
        case "lv": .lightVerb
        case "hal": .mainSubject
        default: .preposition(PhraseMatcher<TriggerSense>.keys(parts[0]))
        }
        if parts[1] == "recip" { return ArgumentRule(slot: slot, roles: [.source, .target], rolesByType: false) }
        let byType = parts[1].contains("/")
        let names = parts[1].split(whereSeparator: { $0 == "+" || $0 == "/" })
        let roles = names.compactMap { ArgumentRole(rawValue: String($0)) }
        guard roles.count == names.count, !roles.isEmpty else { return nil }
        return ArgumentRule(slot: slot, roles: roles, rolesByType: byType)
    }

    /// The Arabic cue words of a note that starts `cue: w1، w2 — …` (descriptions in English are
    /// not cues; a `ب+` prefix marks the preposition, which matching keys leave out).
    static func cues(_ note: Substring) -> [[LetterKey]] {
        guard note.hasPrefix("cue:") else { return [] }
        let list = note.dropFirst(4).split(separator: "—", maxSplits: 1).first ?? ""
        return list.split(whereSeparator: { $0 == "،" || $0 == "," }).compactMap { item in
            var phrase = item.trimmingCharacters(in: .whitespaces)
            if phrase.hasPrefix("ب+") { phrase.removeFirst(2) }
            guard !phrase.isEmpty, phrase.unicodeScalars.allSatisfy({ ScalarClass.isArabicLetter($0.value) || $0 == " " }) else { return nil }
            return PhraseMatcher<TriggerSense>.keys(phrase)
        }
    }

    public mutating func loadReportingVerbs(_ table: TSVTable) {
        for row in table.rows {
            guard let lemma = table.value(row, "lemma"), let modality = table.value(row, "modality").flatMap({ Modality(rawValue: String($0)) }) else { continue }
            let verb = ReportingVerb(lemma: String(lemma), modality: modality)
            for form in table.values(row, "forms") { reportingVerbs.insert(phrase: form, verb) }
        }
    }

    public mutating func loadModalityCues(_ table: TSVTable) {
        for row in table.rows {
            guard let forms = table.value(row, "cue"), let modality = table.value(row, "modality").flatMap({ Modality(rawValue: String($0)) }),
                  let scope = table.value(row, "scope").flatMap({ CueScope(rawValue: String($0)) }) else { continue }
            let note = table.value(row, "note") ?? ""
            let cue = ModalityCue(modality: modality, scope: scope, speculative: modality == .hypothetical && !Self.isCondition(note))
            for form in forms.split(separator: "|") { modalityCues.insert(phrase: form, cue) }
        }
    }

    /// Conditions and allegations make an event hypothetical; every other hypothetical cue
    /// (قد، ربما، يتوقع، يعتقد, and the act a threat or warning names) is speculation, which
    /// yields no event.
    static func isCondition(_ note: Substring) -> Bool {
        ["if", "unless", "in case", "condition", "alleged"].contains { note.contains($0) }
    }

    public mutating func loadCasualtyWords(_ table: TSVTable) {
        for row in table.rows {
            guard let kind = table.value(row, "kind").flatMap({ QuantityKind(rawValue: String($0)) }) else { continue }
            for form in table.values(row, "forms") { casualtyWords.insert(phrase: form, CasualtyWord(kind: kind)) }
        }
    }

    public mutating func loadLightVerbs(_ table: TSVTable) {
        for row in table.rows {
            guard let role = table.value(row, "subject").flatMap({ ArgumentRole(rawValue: String($0)) }) else { continue }
            for form in table.values(row, "forms") { lightVerbs.insert(phrase: form, role) }
        }
    }

    public mutating func loadBoilerplate(_ table: TSVTable) {
        for row in table.rows {
            guard let phrase = table.value(row, "phrase"), let mark = table.value(row, "where").flatMap({ BoilerplateMark(rawValue: String($0)) }) else { continue }
            boilerplate.insert(phrase: phrase, mark)
        }
    }

    public mutating func loadFunctionWords(_ table: TSVTable) {
        for row in table.rows {
            guard let word = table.value(row, "word"), let kind = table.value(row, "class").flatMap({ FunctionWord(rawValue: String($0)) }) else { continue }
            let keys = PhraseMatcher<FunctionWord>.keys(word)
            if keys.count == 1 { functionWords[keys[0]] = kind } else { functionPhrases.insert(keys, kind) }
            if kind == .topic, keys.count == 1 { topicPrepositions.insert(keys[0]) }
        }
    }
}
