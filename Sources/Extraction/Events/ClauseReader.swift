import ArabicText
import Knowledge

/// Reads the clause structure around a word of a sentence from its tokens, clitics and entity
/// mentions: the subject and object of a verb, the genitive and nisba after a noun, the noun a
/// preposition introduces. Arabic news puts the verb first (أعلنت موسكو) or second (إن حفتر رفض);
/// the reader tries the first order, then the second, never across a clause boundary.
struct ClauseReader {
    let annotated: AnnotatedText
    let lexicon: EventLexicon
    let recognized: RecognizedEntities
    /// For each token, the mention that covers it (the longest where two overlap).
    let mentionAt: [Int?]
    /// Tokens inside a date expression: adverbs between a verb and its subject.
    let inDate: [Bool]

    /// How many words a subject, object or prepositional argument may stand from its word.
    static let subjectWindow = 4
    /// اسم, as in المتحدث باسم (after ب is split off).
    static let nameKey = PhraseMatcher<NameEntry>.key("اسم")
    /// الذي، التي، الذين: the verb right after one has the noun before it as its subject.
    static let relativePronouns = Set(["الذي", "التي", "الذين"].map { PhraseMatcher<NameEntry>.key($0) })
    /// كل، كلا, as in كل من X وY.
    static let bothOf = Set(["كل", "كلا"].map { PhraseMatcher<NameEntry>.key($0) })
    /// من, as in وحدات من الجيش.
    static let fromKey = PhraseMatcher<NameEntry>.key("من")
    static let argumentWindow = 10

    init(annotated: AnnotatedText, lexicon: EventLexicon, recognized: RecognizedEntities, dates: [DateExpression]) {
        self.annotated = annotated
        self.lexicon = lexicon
        self.recognized = recognized
        var mentionAt = [Int?](repeating: nil, count: annotated.tokens.count)
        for (m, mention) in recognized.mentions.enumerated() {
            for t in mention.tokens where t < mentionAt.count {
                if let other = mentionAt[t], recognized.mentions[other].tokens.count >= mention.tokens.count { continue }
                mentionAt[t] = m
            }
        }
        self.mentionAt = mentionAt
        var inDate = [Bool](repeating: false, count: annotated.tokens.count)
        for date in dates { for t in annotated.tokenRange(date.span) { inDate[t] = true } }
        self.inDate = inDate
    }

    func functionWord(_ t: Int) -> FunctionWord? {
        guard annotated.tokens[t].kind == .arabic else { return nil }
        return lexicon.functionWords[annotated.keys[t]]
    }

    /// Punctuation that ends a clause (، ؛ : . and quotes do; a hyphen does not).
    func isClauseBreak(_ t: Int) -> Bool {
        let token = annotated.tokens[t]
        guard token.kind == .punctuation || token.kind == .quote else { return false }
        let first = annotated.text.scalars[token.span.start]
        return first != "-" && first != "(" && first != ")"
    }

    /// The mention that begins at token `t`, if one does.
    func mention(startingAt t: Int) -> EntityMention? {
        guard t < mentionAt.count, let m = mentionAt[t] else { return nil }
        let mention = recognized.mentions[m]
        return mention.tokens.lowerBound == t ? mention : nil
    }

    func entity(_ mention: EntityMention) -> DocumentEntity { recognized.entities[mention.entity] }

    /// The prepositions that may govern the word at token `t`: its own proclitic (ب ل ك), the
    /// word before it, or the two words before it (على يد، من قبل), each as matching keys.
    func prepositions(before t: Int, sentenceStart: Int) -> [[LetterKey]] {
        var out: [[LetterKey]] = []
        for segment in annotated.segmented[t].segments where segment.role == .proclitic {
            let key = PhraseMatcher<NameEntry>.key(segment.form)
            if key.code.count == 1, !["و", "ف", "س"].contains(segment.form) { out.append([key]) }
        }
        if t - 1 >= sentenceStart, annotated.tokens[t - 1].kind == .arabic {
            out.append([annotated.keys[t - 1]])
            // بحق، باتجاه: the preposition's own ب is split off by the segmenter.
            if let whole = annotated.segmented[t - 1].tokenKey { out.append([PhraseMatcher<NameEntry>.key(whole.text.drop(while: { $0 == "و" || $0 == "ف" }))]) }
            if t - 2 >= sentenceStart, annotated.tokens[t - 2].kind == .arabic {
                out.append([annotated.keys[t - 2], annotated.keys[t - 1]])
            }
        }
        return out
    }

    /// Whether a preposition governs the word at token `t`.
    func isGoverned(_ t: Int, sentenceStart: Int) -> Bool {
        // The owner after تابعة لـ stands for the unit: not governed.
        if t - 1 >= sentenceStart, functionWord(t - 1) == .affiliation { return false }
        for segment in annotated.segmented[t].segments where segment.role == .proclitic {
            if ["ب", "ل", "ك"].contains(segment.form) { return true }
        }
        return t - 1 >= sentenceStart && isPreposition(t - 1)
    }

    func isPreposition(_ t: Int) -> Bool { functionWord(t) == .preposition || functionWord(t) == .topic }

    /// The words after a verb or before it that may be its subject, nearest first: an actor not
    /// governed by a preposition, after the verb (adverbs and dates may stand between) or before
    /// it in the same clause.
    func subject(of trigger: Range<Int>, in sentence: Range<Int>, excluding: Set<Int> = []) -> EntityMention? {
        // An actor right before a verb that carries no conjunction is its subject (a headline,
        // or after أن: "أن وزير الدفاع سيرغي شويغو، التقى …").
        let first = annotated.segmented[trigger.lowerBound].segments.first
        if !(first?.role == .proclitic && (first?.form == "و" || first?.form == "ف")) {
            var i = trigger.lowerBound - 1
            // Particles (قد، لم) and adverbs may stand between: "أن يكون الرئيس بوتين قد استقبل".
            while i >= sentence.lowerBound, mentionAt[i] == nil, functionWord(i) == .adverb || lexicon.modalityCues.values(ofWord: annotated.keys[i]).contains(where: { $0.scope == .before }) {
                i -= 1
            }
            // "تجمع المهنيين، الذي طالب": a relative clause's subject is the noun it follows.
            if i > sentence.lowerBound, Self.relativePronouns.contains(annotated.keys[i]) { i -= 1 }
            if i >= sentence.lowerBound, isClauseBreak(i), annotated.text.scalars[annotated.tokens[i].span.start] == "،" { i -= 1 }
            if i >= sentence.lowerBound, let m = mentionAt[i] {
                let mention = recognized.mentions[m]
                if mention.tokens.upperBound == i + 1, isActor(mention), mention.role != .nisba, !excluding.contains(mention.tokens.lowerBound),
                   !isGoverned(mention.tokens.lowerBound, sentenceStart: sentence.lowerBound) {
                    return coordinationHead(mention, in: sentence)
                }
            }
        }
        if let after = firstArgument(after: trigger.upperBound, in: sentence, window: Self.subjectWindow, excluding: excluding, actorsOnly: true) {
            return after
        }
        return argument(before: trigger.lowerBound, in: sentence)
    }

    /// The nearest ungoverned actor mention before token `t` in its clause.
    func argument(before t: Int, in sentence: Range<Int>) -> EntityMention? {
        var i = t - 1
        var words = 0
        while i >= sentence.lowerBound, words < 8 {
            if isClauseBreak(i) { return nil }
            if let m = mentionAt[i] {
                let mention = recognized.mentions[m]
                let start = mention.tokens.lowerBound
                if isActor(mention), mention.role != .nisba, !isGoverned(start, sentenceStart: sentence.lowerBound) {
                    return coordinationHead(appositive(mention, in: sentence), in: sentence)
                }
                i = start - 1
                words += 1
                continue
            }
            if functionWord(i) == .boundary {
                return nil
            }
            if !lexicon.triggers.values(ofWord: annotated.keys[i]).isEmpty || !lexicon.reportingVerbs.values(ofWord: annotated.keys[i]).isEmpty {
                return nil
            }
            i -= 1
            words += 1
        }
        return nil
    }

    /// The first mention after token `t` (skipping adverbs, dates and non-entity words, at most
    /// `window` of them) that no preposition governs.
    func firstArgument(after t: Int, in sentence: Range<Int>, window: Int, excluding: Set<Int>, actorsOnly: Bool) -> EntityMention? {
        var i = t
        var words = 0
        // The name just passed (a subject) may be repeated in quotes or brackets: "أفريكوم".
        let previous = t > sentence.lowerBound ? mentionAt[t - 1].map { recognized.mentions[$0].entity } : nil
        while i < sentence.upperBound, words <= window {
            if isWrapping(i) {
                i += 1
                continue
            }
            // "استقبل الرئيس، أمس في القاهرة، وفدا": a parenthesis of time and place between commas.
            if isClauseBreak(i), let resume = parenthesisEnd(from: i, in: sentence) {
                i = resume
                continue
            }
            if isClauseBreak(i) || functionWord(i) == .boundary { return nil }
            // "دعت واشنطن كلا من أنقرة وموسكو": كل من / كلا من opens the list of parties.
            if Self.bothOf.contains(annotated.keys[i]), i + 2 < sentence.upperBound, annotated.keys[i + 1] == Self.fromKey,
               let first = mention(startingAt: i + 2), isActor(first), !excluding.contains(first.tokens.lowerBound) {
                return first
            }
            // "المتحدث باسم X": the body X acts, or the spokesman when his name follows.
            if functionWord(i) == .spokesman, i + 2 < sentence.upperBound, annotated.keys[i + 1] == Self.nameKey,
               let body = mention(startingAt: i + 2), isActor(body) {
                // Named, the spokesman himself acts (المتحدث باسم الجيش اللواء أحمد المسماري).
                return appositive(body, in: sentence)
            }
            if let m = mentionAt[i] {
                let mention = recognized.mentions[m]
                if mention.tokens.lowerBound == i || i == t {
                    let start = mention.tokens.lowerBound
                    if mention.entity == previous {
                        i = mention.tokens.upperBound
                        continue
                    }
                    if !excluding.contains(start), mention.role != .nisba, !isGoverned(start, sentenceStart: sentence.lowerBound), !actorsOnly || isActor(mention) {
                        return appositive(mention, in: sentence)
                    }
                    i = mention.tokens.upperBound
                    words += 1
                    continue
                }
            }
            // "وحدات من الجيش التونسي": a unit of a force or group acts for it.
            if functionWord(i) == .unit, i + 2 < sentence.upperBound, annotated.keys[i + 1] == Self.fromKey,
               let owner = mention(startingAt: i + 2), isActor(owner), !excluding.contains(owner.tokens.lowerBound) {
                return appositive(owner, in: sentence)
            }
            if isPreposition(i) { return nil }
            if actorsOnly, i > t, startsPhrase(i) { return nil }
            if !inDate[i], functionWord(i) != .adverb {
                // A non-entity noun (وفد، الطيران) may head the phrase: one is allowed.
                words += 1
            }
            i += 1
        }
        return nil
    }

    /// The token after a comma-delimited parenthesis of dates, places and prepositions that opens
    /// at the comma `t`, or nil when the stretch holds anything else.
    func parenthesisEnd(from t: Int, in sentence: Range<Int>) -> Int? {
        guard annotated.text.scalars[annotated.tokens[t].span.start] == "،" || annotated.text.scalars[annotated.tokens[t].span.start] == "," else { return nil }
        var i = t + 1
        while i < min(sentence.upperBound, t + 10) {
            if isClauseBreak(i) { return i > t + 1 ? i + 1 : nil }
            let ok = inDate[i] || isPreposition(i) || functionWord(i) == .adverb || mentionAt[i].map { isPlace(recognized.mentions[$0]) } == true
            guard ok else { return nil }
            i += 1
        }
        return nil
    }

    /// Quotation marks and brackets, which wrap names and abbreviations inside a clause.
    func isWrapping(_ t: Int) -> Bool {
        let token = annotated.tokens[t]
        guard token.kind == .quote || token.kind == .punctuation else { return false }
        let scalar = annotated.text.scalars[token.span.start]
        return token.kind == .quote || scalar == "(" || scalar == ")"
    }

    /// Whether a preposition of topic (حول، بشأن، عن، في) governs the word: what is talked
    /// about or where, not who.
    func isTopic(_ t: Int, sentenceStart: Int) -> Bool {
        let topics = lexicon.topicPrepositions
        return prepositions(before: t, sentenceStart: sentenceStart).contains { $0.count == 1 && topics.contains($0[0]) }
    }

    /// The place mention of a sentence nearest a trigger (a capital counts as its city here).
    func nearestPlace(to trigger: Range<Int>, in sentence: Range<Int>, excluding: Set<Int>) -> EntityMention? {
        var best: (distance: Int, mention: EntityMention)?
        for t in sentence {
            guard let mention = self.mention(startingAt: t), isPlace(mention), !excluding.contains(t) else { continue }
            let distance = t < trigger.lowerBound ? trigger.lowerBound - mention.tokens.upperBound : t - trigger.upperBound
            if best == nil || distance < best!.distance { best = (distance, mention) }
        }
        return best?.mention
    }

    /// The first actor mention after token `t` in its clause, whatever governs it.
    /// With `nisbaAllowed`, a nisba after the first noun names its author: رحبت بالقرار الأمريكي.
    func firstActor(after t: Int, in sentence: Range<Int>, excluding: Set<Int>, nisbaAllowed: Bool = false) -> EntityMention? {
        var i = t
        while i < sentence.upperBound, i < t + Self.argumentWindow {
            // Quotation marks do not end the clause: توعد بـ"تلقين حفتر درسا".
            if (isClauseBreak(i) && annotated.tokens[i].kind != .quote) || functionWord(i) == .boundary { return nil }
            if let m = mentionAt[i] {
                let mention = recognized.mentions[m]
                // A nisba right after a noun that names nothing (بالقرار الأمريكي، الهجوم الحوثي).
                let before = mention.tokens.lowerBound - 1
                let nisbaOK = mention.role != .nisba || (nisbaAllowed && before >= t && mentionAt[before] == nil
                    && annotated.tokens[before].kind == .arabic && functionWord(before) == nil)
                // Where something was said (على "تويتر"، لقناة …) is not whom it addresses.
                let medium = entity(mention).type == .media
                if !excluding.contains(mention.tokens.lowerBound), nisbaOK, !medium, isActor(mention), !isPlace(mention),
                   !isTopic(mention.tokens.lowerBound, sentenceStart: sentence.lowerBound) { return mention }
                i = mention.tokens.upperBound
                continue
            }
            i += 1
        }
        return nil
    }

    /// A word that opens a phrase of its own after a verb: an event word, or a word with ب or ل.
    func startsPhrase(_ t: Int) -> Bool {
        if annotated.segmented[t].segments.contains(where: { $0.role == .proclitic && ($0.form == "ب" || $0.form == "ل") }) { return true }
        return !lexicon.triggers.values(ofWord: annotated.keys[t]).isEmpty
    }

    /// A direct object that names no entity: the noun phrase at `t` (dates, adverbs and a
    /// parenthesis skipped), when no preposition or conjunction stands before it. Its head is a
    /// quantifier with its noun (جميع الأطراف), a definite noun (السلطات), the first noun of a
    /// construct (طرفي النزاع), an indefinite noun in the accusative (سوقا) or a plural nisba
    /// (اللبنانيين); definite words after it belong to it (الأطراف اللبنانية).
    func unnamedObject(at t: Int, in sentence: Range<Int>) -> Range<Int>? {
        var i = t
        while i < sentence.upperBound {
            if isWrapping(i) || inDate[i] || functionWord(i) == .adverb {
                i += 1
            } else if isClauseBreak(i), let resume = parenthesisEnd(from: i, in: sentence) {
                i = resume
            } else {
                break
            }
        }
        func plainWord(_ k: Int) -> Bool {
            k < sentence.upperBound && mentionAt[k] == nil && annotated.tokens[k].kind == .arabic && !inDate[k]
                && annotated.segmented[k].segments.first?.role != .proclitic
        }
        // A content word: no function word, no event word.
        func plainNoun(_ k: Int) -> Bool {
            plainWord(k) && functionWord(k) == nil && lexicon.triggers.values(ofWord: annotated.keys[k]).isEmpty
        }
        func definiteNoun(_ k: Int) -> Bool { plainNoun(k) && annotated.segmented[k].stemHasArticle }
        // A plural nisba standing alone is a people (دعا اللبنانيين), not its state.
        if i < sentence.upperBound, let m = mentionAt[i], recognized.mentions[m].role == .nisba, recognized.mentions[m].tokens.lowerBound == i,
           annotated.segmented[i].segments.first?.role != .proclitic,
           annotated.keys[i].code.hasSuffix(Self.pluralNisbaAccusative) || annotated.keys[i].code.hasSuffix(Self.pluralNisbaNominative) {
            return recognized.mentions[m].tokens
        }
        guard plainWord(i) else { return nil }
        var end = i + 1
        if functionWord(i) == .quantifier {
            // جميع الأطراف، ثلاث شركات: the counted noun, with or without the article.
            guard plainNoun(end) else { return nil }
            end += 1
        } else {
            let code = annotated.keys[i].code
            // Not a plural verb (قالوا) or an adverb made from a nisba (سياسيا، رسميا).
            let accusative = code.utf8.count >= 4 && code.hasSuffix(Self.alef) && !code.hasSuffix(Self.pluralVerbEnding) && !code.hasSuffix(Self.adverbEnding)
                && annotated.segmented[i].segments.last?.role != .enclitic
            // The first noun of a construct (طرفي النزاع، قادة الحراك) has no article of its own.
            let construct = !annotated.segmented[i].stemHasArticle && annotated.segmented[i].segments.last?.role != .enclitic && definiteNoun(i + 1)
            guard plainNoun(i), definiteNoun(i) || accusative || construct else { return nil }
        }
        func nisba(_ k: Int) -> Bool {
            k < sentence.upperBound && mentionAt[k].map { recognized.mentions[$0].role == .nisba && recognized.mentions[$0].tokens == k..<(k + 1) } == true
        }
        while end < min(sentence.upperBound, i + 4), definiteNoun(end) || nisba(end) || (end == i + 1 && plainWord(end) && functionWord(end) == nil
                                                                                          && annotated.keys[end].code.hasSuffix(Self.alef)) {
            end += 1
        }
        return i..<end
    }

    /// The unnamed noun phrase after the preposition `key` (a word of its own: على، ضد، بحق),
    /// the first such preposition in the clause after `t`.
    func unnamedPrepositional(_ key: LetterKey, after t: Int, in sentence: Range<Int>) -> Range<Int>? {
        var i = t
        while i < min(sentence.upperBound, t + Self.argumentWindow) {
            if isClauseBreak(i) || functionWord(i) == .boundary { return nil }
            if annotated.tokens[i].kind == .arabic, annotated.keys[i] == key, annotated.segmented[i].segments.count == 1 {
                return unnamedObject(at: i + 1, in: sentence)
            }
            i += 1
        }
        return nil
    }

    private static let alef = LetterKey("ا", folded: true).code
    private static let pluralVerbEnding = LetterKey("وا", folded: true).code
    private static let adverbEnding = LetterKey("يا", folded: true).code
    private static let pluralNisbaAccusative = LetterKey("يين", folded: true).code
    private static let pluralNisbaNominative = LetterKey("يون", folded: true).code

    /// The first of a run of mentions joined by و that ends with this one (قوات حفتر وقوات الوفاق).
    func coordinationHead(_ mention: EntityMention, in sentence: Range<Int>) -> EntityMention {
        var head = mention
        while annotated.segmented[head.tokens.lowerBound].segments.first?.form == "و", head.tokens.lowerBound - 1 >= sentence.lowerBound,
              let m = mentionAt[head.tokens.lowerBound - 1] {
            let previous = recognized.mentions[m]
            guard previous.tokens.upperBound == head.tokens.lowerBound, isActor(previous) == isActor(head) else { break }
            head = previous
        }
        return head
    }

    /// A body followed by the person who leads it (رئيس المجلس الرئاسي فائز السراج): the person.
    func appositive(_ mention: EntityMention, in sentence: Range<Int>) -> EntityMention {
        var next = mention.tokens.upperBound
        while next < sentence.upperBound, let m = self.mention(startingAt: next), entity(m).type != .person, isGoverned(next, sentenceStart: sentence.lowerBound) {
            next = m.tokens.upperBound
        }
        // A role of one country followed by a person of another is two people (زار وزير الخارجية
        // التركي الرئيس الجزائري), not a title and its name.
        if next < sentence.upperBound, let person = self.mention(startingAt: next), entity(person).type == .person,
           entity(mention).type != .person || (entity(mention).kb == nil && entity(person).kb != nil),
           entity(mention).country == nil || entity(person).country == nil || entity(mention).country == entity(person).country {
            return person
        }
        return mention
    }

    /// The mention a preposition introduces after a word, within the clause.
    func prepositional(_ keys: [LetterKey], after t: Int, in sentence: Range<Int>, excluding: Set<Int>) -> EntityMention? {
        var i = t
        var words = 0
        while i < sentence.upperBound, words <= Self.argumentWindow {
            if isClauseBreak(i) && i > t { return nil }
            if let m = mentionAt[i], recognized.mentions[m].tokens.lowerBound == i {
                let mention = recognized.mentions[m]
                // "مع مقاتلي الهيئة"، "على مواقع الجيش": the preposition governs the owner's unit.
                let unit = i - 1 >= t && functionWord(i - 1) == .unit
                if !excluding.contains(i), prepositions(before: i, sentenceStart: sentence.lowerBound).contains(keys)
                    || unit && prepositions(before: i - 1, sentenceStart: sentence.lowerBound).contains(keys) { return mention }
                i = mention.tokens.upperBound
                words += 1
                continue
            }
            if functionWord(i) == .boundary, i > t { return nil }
            i += 1
            words += 1
        }
        return nil
    }

    /// Mentions coordinated with one by و right after it (مصر والإمارات، باريس وموسكو).
    func coordinated(with mention: EntityMention, in sentence: Range<Int>) -> [EntityMention] {
        var out: [EntityMention] = []
        var next = mention.tokens.upperBound
        while next < sentence.upperBound, let other = self.mention(startingAt: next),
              annotated.segmented[next].segments.first?.form == "و", isActor(other) == isActor(mention) {
            out.append(other)
            next = other.tokens.upperBound
        }
        return out
    }

    /// Whether a mention can be a participant: persons, states, bodies and groups, and a
    /// capital standing for its government (أعلنت موسكو). Other places are locations.
    func isActor(_ mention: EntityMention) -> Bool {
        let entity = entity(mention)
        switch entity.type {
        case .city, .region, .facility: return mention.role == .capital
        default:
            // A single word the tagger alone calls a name is too weak to be an actor, and a
            // single word with the article (البرلماني، المتحدث) is a common noun, not a name.
            if entity.kb != nil || entity.cameo != nil || mention.tokens.count > 1 { return true }
            return entity.type == .person && !annotated.segmented[mention.tokens.lowerBound].stemHasArticle
        }
    }

    func isPlace(_ mention: EntityMention) -> Bool {
        switch entity(mention).type {
        case .city, .region, .facility: true
        default: false
        }
    }
}
