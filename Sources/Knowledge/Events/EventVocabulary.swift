import ArabicText

/// PLOVER's sixteen event types (../shared/design/PLOVER.md).
public enum PloverType: String, Sendable, Codable, CaseIterable {
    case agree = "AGREE", consult = "CONSULT", support = "SUPPORT", concede = "CONCEDE"
    case cooperate = "COOPERATE", aid = "AID", retreat = "RETREAT", request = "REQUEST"
    case accuse = "ACCUSE", reject = "REJECT", threaten = "THREATEN", protest = "PROTEST"
    case sanction = "SANCTION", mobilize = "MOBILIZE", coerce = "COERCE", assault = "ASSAULT"

    /// Material acts happen or not; verbal ones are statements. Only material acts carry casualties.
    public var isMaterial: Bool {
        switch self {
        case .cooperate, .aid, .retreat, .protest, .sanction, .mobilize, .coerce, .assault: true
        default: false
        }
    }
}

/// How an article presents an event: as fact, denied, planned, conditional or demanded.
public enum Modality: String, Sendable, Codable, CaseIterable {
    case asserted, denied, planned, hypothetical, demanded
}

/// What a participant of an event is to it, as the trigger lexicon's argument codes name it.
public enum ArgumentRole: String, Sendable, Hashable {
    case source, target, location, instrument, topic
}

/// Where in the clause an argument of a trigger is found.
public enum ArgumentSlot: Hashable, Sendable {
    /// The grammatical subject of the verb.
    case subject
    /// The direct object.
    case object
    /// The genitive after a verbal noun (زيارة الرئيس).
    case genitive
    /// A nisba adjective after the noun (غارة إسرائيلية).
    case adjective
    /// The subject of the light verb governing the noun (شن هجوما، أجرى اتصالا).
    case lightVerb
    /// For a circumstantial participle (…، متهما X): the subject of the sentence's main verb.
    case mainSubject
    /// The noun after a preposition, keyed as the lexicon writes it (مع، إلى، على يد).
    case preposition([LetterKey])
}

/// One argument rule of a trigger: where to look and what the word found there is.
public struct ArgumentRule: Hashable, Sendable {
    public var slot: ArgumentSlot
    /// The roles the argument takes; several at once for `a+b` (a visited country is target
    /// and location), one by the entity's type for `a/b` (a place fills location, an actor target).
    public var roles: [ArgumentRole]
    public var rolesByType: Bool
}

/// One sense of an event trigger: its PLOVER coding and how to find its participants.
public struct TriggerSense: Hashable, Sendable {
    public var lemma: String
    public var isVerb: Bool
    public var isNoun: Bool
    public var type: PloverType
    public var mode: String?
    public var cameo: String?
    public var rules: [ArgumentRule]
    /// Code the event both ways between its source and target (meetings, talks, agreements).
    public var reciprocal: Bool
    /// The matched forms are passive: the grammatical subject is the target.
    public var passive: Bool
    /// Words that select this sense when the sentence has one of them (see triggers.tsv).
    public var cues: [[LetterKey]]
    /// The lexicon marks the row as low confidence.
    public var lowConfidence: Bool
}

/// A word that attributes a statement (قال، أكد، بحسب) and the modality it gives what it reports.
public struct ReportingVerb: Hashable, Sendable {
    public var lemma: String
    public var modality: Modality
}

/// How far a modality cue reaches.
public enum CueScope: String, Sendable {
    /// Right before the trigger (لم، لن، س، قد).
    case before
    /// Right after the trigger noun it qualifies (الزيارة المرتقبة).
    case after
    /// Over the clause that follows it (نفى أن …، في حال …).
    case clause
}

/// A word that changes the modality of the triggers near it.
public struct ModalityCue: Hashable, Sendable {
    public var modality: Modality
    public var scope: CueScope
    /// Speculation (قد، ربما، يتوقع): a sentence that only speculates yields no event.
    public var speculative: Bool
}

/// The kind of people or things a count in a casualty report counts.
public enum QuantityKind: String, Sendable, Codable, CaseIterable {
    case killed, injured, displaced, detained, fighters, other
}

/// A word that says what a number counts (قتلى، جرحى، نازح), or a word around the number that
/// gives the kind of a count of persons (مقتل 5 مدنيين، أصيب 3 أشخاص).
public struct CasualtyWord: Hashable, Sendable {
    public var kind: QuantityKind
}

/// Where a boilerplate phrase marks a line as site furniture.
public enum BoilerplateMark: String, Sendable {
    /// A short line that begins with the phrase (اترك رد، إعداد: …).
    case start
    /// A line made only of such phrases (شارك فيسبوك تويتر).
    case line
}

/// The closed-class words the event coder reads clause structure from.
public enum FunctionWord: String, Sendable {
    /// Introduces an argument: its noun is neither subject nor object.
    case preposition
    /// A preposition of topic or place (حول، بشأن، في): its noun is never a statement's addressee.
    case topic
    /// Opens a new clause (أن، الذي، بينما): no subject is looked for across it.
    case boundary
    /// May stand between a verb and its subject (اليوم، رسميا).
    case adverb
    /// Links a unit to its owner (تابعة لـ، موالية لـ): the owner stands for the unit as the actor.
    case affiliation
    /// A dual noun (الجانبان، الرئيسان) that stands for the last two parties the text named together.
    case pair
    /// المتحدث، الناطق: "المتحدث باسم X" acts for X.
    case spokesman
    /// A part of a force or group, or its positions (وحدات، عناصر، مقاتلي، مواقع): the owner after
    /// it (مع مقاتلي الهيئة) or after من (وحدات من الجيش) is the actor.
    case unit
    /// Heads a noun phrase of people or things (جميع الأطراف، مئات المحتجين): the phrase may be a
    /// participant the knowledge base cannot name.
    case quantifier
}
