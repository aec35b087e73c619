import ArabicText
import Knowledge

/// An event as the trigger and its clause give it, before modality, attribution, dates and
/// quantities are read.
struct DraftEvent {
    var sense: TriggerSense
    var trigger: Range<Int>
    var sentence: Int
    var source: EntityMention?
    var target: EntityMention?
    /// The words of an object that names no entity (جميع الأطراف، سوقا شعبية), when `target` is nil.
    var unnamedTarget: Range<Int>?
    var location: EntityMention?
    /// The source was not written in the clause but carried from the one before (a pronoun subject).
    var implicitSource = false
    var mode: String?
    var cameo: String?
    var type: PloverType
}

/// Finds event triggers in a sentence, picks the sense the context selects, and fills the
/// trigger's argument slots from the clause (triggers.tsv's argument codes).
struct EventCoder {
    let reader: ClauseReader
    let lexicon: EventLexicon

    var annotated: AnnotatedText { reader.annotated }

    /// The trigger matches of a sentence with the sense each takes; words inside a name
    /// (حكومة الوفاق) are not triggers.
    func triggers(in sentence: Range<Int>) -> [(range: Range<Int>, sense: TriggerSense)] {
        let keys = Array(annotated.keys[sentence])
        var out: [(Range<Int>, TriggerSense)] = []
        // The keys without the accusative alef, made once per sentence when a cue needs them.
        var bare: [LetterKey]?
        var i = 0
        while i < keys.count {
            let t = sentence.lowerBound + i
            // Words of a date (فجر اليوم: dawn, not "blew up") are no triggers.
            guard reader.mentionAt[t] == nil, !reader.inDate[t], let (length, matched) = lexicon.triggers.longestMatch(keys, from: i) else {
                i += 1
                continue
            }
            // A word with the article is no verb (التحالف is a noun, تحالف also a verb), unless the
            // verb itself begins with those letters (التقى، التزم).
            let senses = annotated.segmented[t].stemHasArticle ? matched.filter { !$0.isVerb || $0.lemma.hasPrefix("ال") } : matched
            if let sense = choose(senses, keys: keys, bare: &bare, after: i, sentenceStart: sentence.lowerBound) {
                out.append((t..<(t + length), sense))
            }
            i += length
        }
        return out
    }

    /// The sense whose cue words the sentence holds (after the trigger's start), else the one
    /// without cues; none when every sense needs a cue that is absent.
    func choose(_ senses: [TriggerSense], keys: [LetterKey], bare: inout [LetterKey]?, after start: Int, sentenceStart: Int) -> TriggerSense? {
        guard senses.contains(where: { !$0.cues.isEmpty }) else { return senses.first }
        // Cue nouns are listed in the nominative; news writes them in the accusative too (اتفاقا).
        if bare == nil { bare = keys.map(Self.withoutAccusative) }
        let accusative = bare ?? keys
        for sense in senses where !sense.cues.isEmpty {
            for cue in sense.cues where contains(keys, cue, from: max(0, start - 2), sentenceStart: sentenceStart)
                || contains(accusative, cue, from: max(0, start - 2), sentenceStart: sentenceStart) { return sense }
        }
        return senses.first { $0.cues.isEmpty }
    }

    /// بعد، إثر، عقب، خلال: a noun after one names an act of the clause's subject.
    static let circumstance = Set(["بعد", "إثر", "عقب", "خلال"].map { PhraseMatcher<NameEntry>.key($0) })

    /// The acts whose direct object is a party even when it has no name (جميع الأطراف، المحتجين).
    /// (Not SUPPORT: what is welcomed or backed is mostly a thing, رحب بالانتصار.)
    static let unnamedTargetTypes: Set<PloverType> = [.request, .accuse, .threaten, .coerce, .assault, .sanction, .aid]

    static let alef = LetterKey("ا", folded: true).code
    static let pluralSuffix = LetterKey("ون", folded: true).code

    /// A word without the alef of the indefinite accusative (اتفاقا → اتفاق), when four letters or more remain.
    static func withoutAccusative(_ key: LetterKey) -> LetterKey {
        guard key.code.count >= 5, key.code.hasSuffix(alef) else { return key }
        return LetterKey(key.text.dropLast(), folded: true)
    }

    /// How far after a trigger its cue words may stand, in words that are not part of a name or
    /// a date (a long subject, "وقع ولي العهد السعودي الأمير محمد بن سلمان … إعلان", does not count).
    static let cueReach = 10

    private func contains(_ keys: [LetterKey], _ phrase: [LetterKey], from start: Int, sentenceStart: Int) -> Bool {
        guard !phrase.isEmpty, keys.count >= phrase.count, start <= keys.count - phrase.count else { return false }
        var words = 0
        var i = start
        while i <= keys.count - phrase.count, words <= Self.cueReach {
            if keys[i] == phrase[0], keys[i..<(i + phrase.count)].elementsEqual(phrase) { return true }
            let t = sentenceStart + i
            if reader.mentionAt[t] == nil, !reader.inDate[t], annotated.tokens[t].kind == .arabic { words += 1 }
            i += 1
        }
        return false
    }

    /// Fills the sense's argument slots for one trigger and returns the events it gives: one per
    /// coordinated actor, both ways when reciprocal, and the host's side of a visit.
    /// - Parameter antecedent: the actor the text spoke of last, for a subject left out (وأضاف)
    ///   or a pronoun on a verbal noun (زيارته).
    /// - Parameter speaker: the speaker of the statement the trigger stands in, the subject of
    ///   "أعلن الوزير أنه سيزور …".
    /// - Parameter pair: the two parties the text named together last, for الجانبان، الرئيسان.
    func code(_ trigger: Range<Int>, _ sense: TriggerSense, sentence index: Int, antecedent: EntityMention?, speaker: EntityMention? = nil,
              pair: (EntityMention, EntityMention)? = nil) -> [DraftEvent] {
        let sentence = annotated.sentences[index].tokens
        var draft = DraftEvent(sense: sense, trigger: trigger, sentence: index, mode: sense.mode, cameo: sense.cameo, type: sense.type)
        var used = Set<Int>()
        var subjectFound: EntityMention?
        // A verb that opens its clause (وأضاف، والتقى) may have the subject of the clause before.
        let first = annotated.segmented[trigger.lowerBound].segments.first
        let opensClause = trigger.lowerBound == sentence.lowerBound || reader.isClauseBreak(trigger.lowerBound - 1)
            || (first?.role == .proclitic && (first?.form == "و" || first?.form == "ف"))
        var carried = opensClause ? antecedent : nil
        if let speaker, followsPronounComplementizer(trigger, sentence: sentence) { carried = speaker }
        var objectFound = false
        for rule in sense.rules {
            guard let mention = rule.slot == .mainSubject ? (speaker ?? antecedent)
                    : find(rule.slot, trigger: trigger, sentence: sentence, used: used, subject: &subjectFound) else { continue }
            used.insert(mention.tokens.lowerBound)
            if rule.slot == .subject {
                // Coordinated subjects (مصر والإمارات) are not the object.
                for other in reader.coordinated(with: mention, in: sentence) { used.insert(other.tokens.lowerBound) }
            }
            if rule.slot == .object { objectFound = true }
            assign(mention, rule: rule, to: &draft)
        }
        // زيارته، دعمها: the pronoun on the noun is its genitive.
        if draft.source == nil, let antecedent, sense.rules.contains(where: { $0.slot == .genitive && $0.roles.contains(.source) }),
           annotated.segmented[trigger.upperBound - 1].segments.last?.role == .enclitic, draft.target?.entity != antecedent.entity {
            draft.source = antecedent
            draft.implicitSource = true
        }
        // "بعد لقائه السفير الأمريكي": after a noun whose pronoun is its doer, an actor straight
        // after it is what the act is done to.
        if draft.target == nil, sense.isNoun, annotated.segmented[trigger.upperBound - 1].segments.last?.role == .enclitic,
           sense.rules.contains(where: { $0.roles.contains(.target) }), trigger.upperBound < sentence.upperBound,
           let object = reader.mention(startingAt: trigger.upperBound), object.role != .nisba, reader.isActor(object),
           !used.contains(object.tokens.lowerBound), !reader.isGoverned(object.tokens.lowerBound, sentenceStart: sentence.lowerBound),
           object.entity != draft.source?.entity {
            draft.target = reader.appositive(object, in: sentence)
            used.insert(object.tokens.lowerBound)
        }
        // A statement's addressee or object, when no slot named it: the first actor after the
        // trigger in its clause (رفض العودة إلى المفاوضات مع الحكومة).
        let pairedSubjects = draft.source.map { !reader.coordinated(with: $0, in: sentence).isEmpty } ?? false
        if draft.target == nil, !(pairedSubjects && (sense.reciprocal || [.agree, .consult, .cooperate].contains(sense.type))),
           !sense.type.isMaterial || sense.type == .cooperate || sense.type == .aid,
           sense.rules.contains(where: { $0.roles.contains(.target) }) || [.reject, .accuse, .support].contains(sense.type),
           let other = reader.firstActor(after: trigger.upperBound, in: sentence, excluding: Set(used).union(draft.source.map { [$0.tokens.lowerBound] } ?? []),
                                         nisbaAllowed: [.reject, .accuse, .support].contains(sense.type)),
           other.entity != draft.source?.entity {
            draft.target = other
        }
        // A verb's direct object that names no entity (طالب الوزير جميع الأطراف بضبط النفس): its
        // words, once the subject is known, so that the event still says whom it was done to.
        // Not when the verb carries its object as a pronoun (حثهما), and not for acts whose
        // object is rarely a party (a conference hosted, an agreement signed).
        if draft.target == nil, sense.isVerb, !sense.passive, let subject = subjectFound, Self.unnamedTargetTypes.contains(sense.type),
           annotated.segmented[trigger.upperBound - 1].segments.last?.role != .enclitic,
           sense.rules.contains(where: { $0.slot == .object && $0.roles.contains(.target) }) {
            let start = subject.tokens.lowerBound >= trigger.upperBound
                ? (reader.coordinated(with: subject, in: sentence).last ?? subject).tokens.upperBound : trigger.upperBound
            draft.unnamedTarget = reader.unnamedObject(at: start, in: sentence)
        }
        // "فرض الاتحاد عقوبات على ثلاث شركات": a target preposition's noun that names no entity,
        // once the doer is known.
        if draft.target == nil, draft.unnamedTarget == nil, draft.source != nil, Self.unnamedTargetTypes.contains(sense.type) {
            for rule in sense.rules where rule.roles.contains(.target) {
                guard case .preposition(let keys) = rule.slot, keys.count == 1,
                      let words = reader.unnamedPrepositional(keys[0], after: trigger.upperBound, in: sentence) else { continue }
                draft.unnamedTarget = words
                break
            }
        }
        // Where, when no slot said: the place its sentence names nearest the trigger.
        if draft.location == nil {
            let taken = Set([draft.source, draft.target].compactMap { $0?.tokens.lowerBound })
            draft.location = reader.nearestPlace(to: trigger, in: sentence, excluding: taken)
        }
        let subjectRule = sense.rules.contains { $0.slot == .subject && $0.roles.contains(.source) }
        // "سيطرت القوات على القرية بعد معارك مع …": an act named after بعد، إثر، خلال is the act of
        // the clause's subject, the actor this sentence named last.
        if draft.source == nil, sense.isNoun, let antecedent, antecedent.tokens.lowerBound >= sentence.lowerBound,
           trigger.lowerBound > sentence.lowerBound, Self.circumstance.contains(annotated.keys[trigger.lowerBound - 1]),
           antecedent.entity != draft.target?.entity {
            draft.source = antecedent
            draft.implicitSource = true
        }
        // "أكد الوزير في اتصال هاتفي مع نظيره": a noun after في in a speaker's clause is the speaker's act.
        if draft.source == nil, sense.isNoun || !sense.isVerb, let speaker, trigger.lowerBound > sentence.lowerBound,
           reader.functionWord(trigger.lowerBound - 1) == .topic, speaker.entity != draft.target?.entity {
            draft.source = speaker
            draft.implicitSource = true
        }
        // "أن تكون طائراتها قصفت"، "قصفت قواته": a subject noun with a possessive pronoun is the
        // speaker's (or the last actor's) own unit.
        if draft.source == nil, subjectRule, !sense.passive, let owner = speaker ?? antecedent, possessedSubject(near: trigger, in: sentence) {
            draft.source = owner
            draft.implicitSource = true
        }
        if draft.source == nil, sense.isVerb, !sense.passive, subjectRule, let carried, !definiteNounFollows(trigger, in: sentence) {
            draft.source = carried
            draft.implicitSource = true
        } else if sense.isVerb, subjectRule, !objectFound, draft.target == nil, let carried, carried.tokens.lowerBound >= sentence.lowerBound,
                  let subject = subjectFound, subject.tokens.lowerBound >= trigger.upperBound, subject.entity != carried.entity,
                  first?.form == "و", sense.rules.contains(where: { $0.slot != .subject && $0.roles.contains(.target) }) {
            // "زار السراج أنقرة والتقى أردوغان": one name after a verb joined to a clause with
            // its own subject is the object; the subject is the earlier clause's.
            draft.source = carried
            draft.target = subject
            draft.implicitSource = true
        }
        var drafts: [DraftEvent] = []
        var sources: [EntityMention?] = draft.source.map { [$0] + reader.coordinated(with: $0, in: sentence) } ?? [nil]
        // "ووقع الجانبان"، "اتفق الرئيسان": the two parties named together last.
        if let pair, draft.implicitSource || draft.source == nil, hasPairNoun(near: trigger, in: sentence) {
            sources = [pair.0, pair.1]
            draft.implicitSource = true
            if draft.target.map({ $0.entity == pair.0.entity || $0.entity == pair.1.entity }) == true { draft.target = nil }
        }
        let targets: [EntityMention?] = draft.target.map { [$0] + reader.coordinated(with: $0, in: sentence) } ?? [nil]
        for source in sources {
            for target in targets {
                var event = draft
                event.source = source
                event.target = target
                drafts.append(event)
                guard let source, let target, source.entity != target.entity else { continue }
                if sense.reciprocal {
                    var reverse = event
                    reverse.source = target
                    reverse.target = source
                    drafts.append(reverse)
                } else if sense.type == .consult, sense.cameo == "042", [.person, .organization, .government, .igo, .other].contains(reader.entity(target).type) {
                    // A person or body visited receives the visitor; a country or city visited names no host.
                    var host = event
                    host.source = target
                    host.target = source
                    host.mode = "host"
                    host.cameo = "043"
                    drafts.append(host)
                }
            }
        }
        // "دون أن يلتقي حفتر والسراج"، "وقع ممثلو الجيش والحكومة اتفاقا": coordinated parties of a
        // meeting or agreement with no other party act towards each other.
        if sense.reciprocal || [.agree, .consult, .cooperate].contains(sense.type), draft.target == nil, sources.count > 1 {
            drafts = []
            for a in sources { for b in sources where a?.entity != b?.entity {
                var event = draft
                event.source = a
                event.target = b
                drafts.append(event)
            } }
        }
        // بين X وY: the two parties of a reciprocal act without a subject.
        if sense.reciprocal, draft.source == nil, let pair = betweenPair(trigger, sentence: sentence) {
            for (a, b) in [(pair.0, pair.1), (pair.1, pair.0)] {
                var event = draft
                event.source = a
                event.target = b
                drafts.append(event)
            }
            drafts.removeAll { $0.source == nil }
        }
        return drafts
    }

    /// Whether a definite noun that names no entity stands right after the verb: an explicit
    /// subject the knowledge base does not know (وطالب المشايخ), so none is carried over.
    private func definiteNounFollows(_ trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        let t = trigger.upperBound
        guard t < sentence.upperBound, reader.mentionAt[t] == nil, annotated.tokens[t].kind == .arabic, !reader.inDate[t],
              reader.functionWord(t) == nil, annotated.segmented[t].segments.last?.role != .enclitic else { return false }
        // With the article (المشايخ), or a sound masculine plural (دبلوماسيون، مسلحون).
        return annotated.segmented[t].stemHasArticle || annotated.keys[t].code.hasSuffix(Self.pluralSuffix)
    }

    /// Whether a dual noun standing for two parties (الجانبان) is the subject: right after the
    /// trigger, or right before it.
    private func hasPairNoun(near trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        [trigger.upperBound, trigger.upperBound + 1, trigger.lowerBound - 1].contains { t in
            sentence.contains(t) && reader.functionWord(t) == .pair
        }
    }

    /// Whether the word right after the verb, or right before it (قد between), is a noun with a
    /// possessive pronoun and no name of its own.
    private func possessedSubject(near trigger: Range<Int>, in sentence: Range<Int>) -> Bool {
        func possessed(_ t: Int) -> Bool {
            guard sentence.contains(t), reader.mentionAt[t] == nil, annotated.tokens[t].kind == .arabic else { return false }
            let segments = annotated.segmented[t].segments
            return segments.last?.role == .enclitic && segments.contains { $0.role == .stem && $0.form.unicodeScalars.count >= 3 }
                && reader.functionWord(t) == nil && lexicon.triggers.values(ofWord: annotated.keys[t]).isEmpty
        }
        if possessed(trigger.upperBound) { return true }
        var i = trigger.lowerBound - 1
        while i >= sentence.lowerBound, i >= trigger.lowerBound - 2, annotated.keys[i].code.count <= 2, !possessed(i) { i -= 1 }
        return possessed(i)
    }

    /// Whether the trigger follows أنه، إنها … (perhaps with قد or a negation between): its
    /// subject is the pronoun, which stands for the speaker.
    private func followsPronounComplementizer(_ trigger: Range<Int>, sentence: Range<Int>) -> Bool {
        var i = trigger.lowerBound - 1
        while i >= sentence.lowerBound, i >= trigger.lowerBound - 3 {
            let segments = annotated.segmented[i].segments
            if reader.functionWord(i) == .boundary || segments.contains(where: { $0.role == .stem && ($0.form == "أن" || $0.form == "إن") }) {
                return segments.last?.role == .enclitic
            }
            guard reader.mentionAt[i] == nil, annotated.tokens[i].kind == .arabic, annotated.keys[i].code.count <= 3 else { return false }
            i -= 1
        }
        return false
    }

    /// The two coordinated mentions after بين.
    private func betweenPair(_ trigger: Range<Int>, sentence: Range<Int>) -> (EntityMention, EntityMention)? {
        guard let first = reader.prepositional(PhraseMatcher<NameEntry>.keys("بين"), after: trigger.upperBound, in: sentence, excluding: []),
              let second = reader.coordinated(with: first, in: sentence).first else { return nil }
        return (first, second)
    }

    private func find(_ slot: ArgumentSlot, trigger: Range<Int>, sentence: Range<Int>, used: Set<Int>, subject: inout EntityMention?) -> EntityMention? {
        switch slot {
        case .subject:
            subject = reader.subject(of: trigger, in: sentence, excluding: used)
            return subject
        case .object:
            var start = trigger.upperBound
            if let subject, subject.tokens.lowerBound >= trigger.upperBound { start = subject.tokens.upperBound }
            return reader.firstArgument(after: start, in: sentence, window: 3, excluding: used, actorsOnly: false)
        case .genitive:
            // A noun with a pronoun (لقائه) has its genitive already: what follows is its object.
            guard annotated.segmented[trigger.upperBound - 1].segments.last?.role != .enclitic else { return nil }
            guard trigger.upperBound < sentence.upperBound, let mention = reader.mention(startingAt: trigger.upperBound),
                  mention.role != .nisba, !used.contains(mention.tokens.lowerBound),
                  !reader.isGoverned(trigger.upperBound, sentenceStart: sentence.lowerBound) else { return nil }
            return reader.appositive(mention, in: sentence)
        case .adjective:
            for t in trigger.upperBound..<min(trigger.upperBound + 3, sentence.upperBound) {
                if let mention = reader.mention(startingAt: t), mention.role == .nisba, !used.contains(t) { return mention }
                if reader.mentionAt[t] != nil || reader.isClauseBreak(t) { break }
            }
            return nil
        case .lightVerb:
            return lightVerbSubject(before: trigger, sentence: sentence, used: used)?.mention
        case .preposition(let keys):
            return reader.prepositional(keys, after: trigger.upperBound, in: sentence, excluding: used)
        case .mainSubject:
            return nil
        }
    }

    /// The subject of a light verb shortly before a noun (شن الطيران التركي غارات), and whether
    /// it did the act or underwent it.
    func lightVerbSubject(before trigger: Range<Int>, sentence: Range<Int>, used: Set<Int>) -> (mention: EntityMention, role: ArgumentRole)? {
        let keys = Array(annotated.keys[sentence])
        // The light verb may follow the noun in a relative clause: "غارات جوية شنتها قوات حفتر".
        for t in trigger.upperBound..<min(trigger.upperBound + 3, sentence.upperBound) {
            if reader.isClauseBreak(t) || reader.mentionAt[t] != nil { break }
            guard annotated.segmented[t].segments.last?.role == .enclitic,
                  let (length, roles) = lexicon.lightVerbs.longestMatch(keys, from: t - sentence.lowerBound), let role = roles.first else { continue }
            if let subject = reader.firstArgument(after: t + length, in: sentence, window: 2, excluding: used, actorsOnly: true) {
                return (subject, role)
            }
        }
        var t = trigger.lowerBound - 1
        var reach = 6
        while t >= max(sentence.lowerBound, trigger.lowerBound - reach) {
            // "فرضت الوزارة، أمس الأربعاء، عقوبات": commas around a date do not end the clause.
            if reader.isClauseBreak(t) {
                guard t > sentence.lowerBound, reader.inDate[t - 1] || (t + 1 < trigger.lowerBound && reader.inDate[t + 1]) else { return nil }
                reach += 1
                t -= 1
                continue
            }
            if reader.inDate[t] { reach += 1 }
            if let (length, roles) = lexicon.lightVerbs.longestMatch(keys, from: t - sentence.lowerBound), let role = roles.first {
                let verb = t..<(t + length)
                guard let subject = reader.subject(of: verb, in: sentence, excluding: used) else { return nil }
                return (subject, role)
            }
            t -= 1
        }
        return nil
    }

    /// Puts a found mention in the roles its rule gives it: places go to location whatever the
    /// rule says, unless a capital stands for its government.
    private func assign(_ mention: EntityMention, rule: ArgumentRule, to draft: inout DraftEvent) {
        var roles = rule.roles
        if rule.slot == .lightVerb, let (_, role) = lightVerbSubject(before: draft.trigger, sentence: annotated.sentences[draft.sentence].tokens, used: []),
           role == .target {
            roles = [.target]
        }
        if rule.rolesByType { roles = [reader.isPlace(mention) && mention.role != .capital ? .location : roles.first { $0 != .location } ?? .target] }
        // A city after a meeting noun is where it met (قمة برلين، مؤتمر باريس), even a capital; after
        // a visit, where the visit went (زيارة موسكو).
        if rule.slot == .genitive, draft.sense.type == .consult, reader.entity(mention).type == .city {
            if draft.location == nil { draft.location = mention }
            if draft.sense.mode == "visit", draft.target == nil { draft.target = mention }
            return
        }
        for role in roles {
            switch role {
            case .source, .target:
                // A capital stands for its government; a visited place names its country as host.
                if reader.isPlace(mention), mention.role != .capital, !roles.contains(.location) {
                    if draft.location == nil { draft.location = mention }
                } else if role == .source, draft.source == nil {
                    draft.source = mention
                } else if role == .target, draft.target == nil {
                    draft.target = mention
                }
            case .location:
                if draft.location == nil, reader.isPlace(mention) || reader.entity(mention).type == .country { draft.location = mention }
            case .instrument, .topic:
                break
            }
        }
    }
}
