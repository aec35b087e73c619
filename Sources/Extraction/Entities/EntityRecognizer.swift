import ArabicText
import Knowledge

/// Finds the entities of a text: names the NER tagger marks, linked to the knowledge base where
/// it knows them, plus what only the knowledge base recognizes (countries named by a nisba
/// adjective or a capital, multi-word names), merged across the document: a surname or a
/// repeated name is the same entity as the full name seen before.
public struct EntityRecognizer: Sendable {
    public let tagger: NERTagger
    public let knowledge: KnowledgeBase
    public let segmenter: CliticSegmenter
    public let splitter: SentenceSplitter

    public init(tagger: NERTagger, knowledge: KnowledgeBase, segmenter: CliticSegmenter, splitter: SentenceSplitter) {
        self.tagger = tagger
        self.knowledge = knowledge
        self.segmenter = segmenter
        self.splitter = splitter
    }

    public static func bundled() throws -> EntityRecognizer {
        let segmenter = try CliticSegmenter.bundled()
        let knowledge = try KnowledgeBase.bundled()
        return EntityRecognizer(tagger: try .bundled(segmenter: segmenter, knowledge: knowledge), knowledge: knowledge,
                                segmenter: segmenter, splitter: try .bundled())
    }

    /// A mention before merging: where it is, what class the tagger gave it, what the KB says.
    struct Mention {
        var tokens: Range<Int>
        var span: Span
        var entityClass: EntityClass?
        var entry: NameEntry?
        var text: String
        /// Kept only if the same KB entity was mentioned before (a surname alone).
        var needsAntecedent = false
        /// For a title or role: the known persons it may stand for.
        var referents: [Int] = []
        /// A generic word (الجيش، القوات) that stands for the entity of this type the text spoke of last.
        var generic: EntityType?
        /// For a role or body of a country (الخارجية الروسية): its type, country and CAMEO code.
        var composed: (type: EntityType, country: String?, cameo: String)?
    }

    /// Agent kinds that name an actor even without a country or leader after them.
    static let bareGroupTypes: Set<String> = ["GROUP", "ARMED_GROUP"]
    /// Agent codes of groups that are settings rather than actors (schools, hospitals).
    static let nonActorAgents: Set<String> = ["INHERIT", "EDU", "HLH"]

    /// Whether tokens already belong to a name found in the sentence.
    private func named(_ local: Range<Int>, in found: ArraySlice<Mention>, offset: Int) -> Bool {
        found.contains { $0.tokens.overlaps((local.lowerBound + offset)..<(local.upperBound + offset)) }
    }

    /// Entity types of the agent table's `entity_type` column that make actors.
    static let agentTypes: [String: EntityType] = [
        "GOVERNMENT": .government, "MILITARY": .military, "ARMED_GROUP": .armedGroup, "PERSON": .person,
        "ORGANIZATION": .organization, "IGO": .igo, "GROUP": .other,
    ]

    /// The entities of a text (tokenized, segmented and split here).
    public func entities(_ text: ScalarText) -> [DocumentEntity] {
        recognize(AnnotatedText(text, segmenter: segmenter, splitter: splitter)).entities
    }

    /// The entities of an annotated text, and where each of their mentions stands.
    public func recognize(_ annotated: AnnotatedText) -> RecognizedEntities {
        let text = annotated.text, tokens = annotated.tokens, segmented = annotated.segmented
        var mentions: [Mention] = []
        let documentTags = tagger.tagDocument(text, annotated.sentences.map { segmented[$0.tokens] })
        for (sentence, tags) in zip(annotated.sentences, documentTags) {
            let range = sentence.tokens
            let sentenceMentions = mentions.count
            let keys = Array(annotated.keys[range])
            var known: [Int: (length: Int, entry: NameEntry)] = [:]
            var k = 0
            while k < keys.count {
                if let (length, entries) = knowledge.names.longestMatch(keys, from: k) {
                    known[k] = (length, entries[0])
                    k += length
                } else {
                    k += 1
                }
            }
            func mention(_ local: Range<Int>, _ entityClass: EntityClass?, _ entry: NameEntry?) -> Mention {
                let first = range.lowerBound + local.lowerBound, last = range.lowerBound + local.upperBound - 1
                // A clitic on the first word (لحفتر، والقاهرة) stays outside the mention.
                let start = segmented[first].segments.first { $0.role != .proclitic }?.span.start ?? tokens[first].span.start
                let span = Span(start: start, end: tokens[last].span.end)
                return Mention(tokens: first..<(last + 1), span: span, entityClass: entityClass, entry: entry, text: text.text(span))
            }
            // Known names first: linked where the tagger agrees or the name is trusted alone; a
            // tagged span that agrees is merged into the known name (their union is the mention).
            let spans = EntityScorer.entities(tags).map { (cls: $0.0, range: $0.1..<($0.2 + 1)) }
            var consumed = Set<Int>()
            for (start, match) in known.sorted(by: { $0.key < $1.key }) {
                let range = start..<(start + match.length)
                let agreeing = spans.indices.filter { spans[$0].range.overlaps(range) && compatible(match.entry, spans[$0].cls) }
                if !agreeing.isEmpty {
                    // A tagged span that runs over another known name (فائز السراج أنقرة) agrees
                    // with both but widens neither.
                    let widening = agreeing.filter { s in
                        !known.contains { $0.key != start && spans[s].range.overlaps($0.key..<($0.key + $0.value.length)) }
                    }
                    let union = widening.reduce(range) { min($0.lowerBound, spans[$1].range.lowerBound)..<max($0.upperBound, spans[$1].range.upperBound) }
                    mentions.append(mention(union, spans[agreeing[0]].cls, match.entry))
                    consumed.formUnion(agreeing)
                } else if trustedAlone(match.entry, length: match.length) {
                    mentions.append(mention(range, nil, match.entry))
                } else if match.entry.role == .surname {
                    var m = mention(range, nil, match.entry)
                    m.needsAntecedent = true
                    mentions.append(m)
                }
            }
            // A tagged span inside a known name kept above (ليبيا in بعثة الأمم المتحدة للدعم في ليبيا) is that name's.
            let kept = mentions[sentenceMentions...].map { ($0.tokens.lowerBound - range.lowerBound)..<($0.tokens.upperBound - range.lowerBound) }
            for (n, span) in spans.enumerated() where !consumed.contains(n) && !kept.contains(where: { $0.lowerBound <= span.range.lowerBound && span.range.upperBound <= $0.upperBound }) {
                mentions.append(mention(span.range, span.cls, nil))
            }
            // A role or body followed by a country's nisba, a country or a known actor is an actor
            // of that country: الخارجية الروسية (RUSGOV), وزير الدفاع التركي (TURMIL), قوات حفتر (LBYMIL).
            var a = 0
            while a < keys.count {
                guard let (length, agents) = knowledge.agents.longestMatch(keys, from: a),
                      let agent = agents.first, let type = Self.agentTypes[agent.entityType] else {
                    a += 1
                    continue
                }
                guard let owner = known[a + length], let country = knowledge.entities[owner.entry.entity].country else {
                    // A group named by its kind alone (المحتجون، مسلحون مجهولون، الوفد) is an actor
                    // of this text without a country: one entity per kind.
                    // Only with the article: an indefinite force (بقوة "strongly", قوة ما) is no army the text spoke of.
                    if type == .military, segmented[range.lowerBound + a].stemHasArticle,
                       !named(a..<(a + length), in: mentions[sentenceMentions...], offset: range.lowerBound) {
                        var m = mention(a..<(a + length), nil, nil)
                        m.generic = .military
                        mentions.append(m)
                    } else if Self.bareGroupTypes.contains(agent.entityType), !Self.nonActorAgents.contains(agent.code),
                       !named(a..<(a + length), in: mentions[sentenceMentions...], offset: range.lowerBound) {
                        var m = mention(a..<(a + length), nil, nil)
                        m.composed = (type, nil, agent.code)
                        m.text = agent.term
                        mentions.append(m)
                    }
                    a += length
                    continue
                }
                let ownerEntity = knowledge.entities[owner.entry.entity]
                // A rank or title before a person's name (اللواء خليفة حفتر) is that person, not a new actor.
                if type == .person, ownerEntity.type == .person {
                    a += length
                    continue
                }
                let countryCode = ownerEntity.type == .country ? ownerEntity.cameo ?? country : country
                var m = mention(a..<(a + length + owner.length), nil, nil)
                m.composed = (type, country, agent.code == "INHERIT" ? (ownerEntity.cameo ?? countryCode) : countryCode + agent.code)
                mentions.append(m)
                a += length
            }
            // Titles and roles of known persons (المشير، القائد العام …) outside names: they refer
            // to such a person only if the document has named exactly one of them before.
            let named = Set(mentions[sentenceMentions...].flatMap { $0.tokens })
            var r = 0
            while r < keys.count {
                guard !named.contains(range.lowerBound + r), let (length, persons) = knowledge.personReferences.longestMatch(keys, from: r) else {
                    r += 1
                    continue
                }
                var m = mention(r..<(r + length), nil, nil)
                m.referents = persons
                m.needsAntecedent = true
                mentions.append(m)
                r += length
            }
        }
        return merge(joiningTitles(mentions.sorted { $0.span < $1.span }))
    }

    /// A role right before a person's name (رئيس الوزراء المصري مصطفى مدبولي، الرئيس الفرنسي
    /// إيمانويل ماكرون) is part of that person's mention, not an actor of its own.
    private func joiningTitles(_ mentions: [Mention]) -> [Mention] {
        var out: [Mention] = []
        for m in mentions {
            // The role may hold a nisba mention of its own (الرئيس التركي): look past it.
            let j = out.indices.reversed().prefix(4).first { out[$0].tokens.upperBound == m.tokens.lowerBound && isRole(out[$0]) }
            if let j, isPersonName(m), out[(j + 1)...].allSatisfy({ out[j].tokens.contains($0.tokens.lowerBound) }) {
                var last = out[j]
                last.tokens = last.tokens.lowerBound..<m.tokens.upperBound
                last.span = Span(start: last.span.start, end: m.span.end)
                last.entry = m.entry
                last.entityClass = m.entityClass
                last.composed = nil
                last.referents = []
                last.needsAntecedent = m.needsAntecedent
                last.text = m.text
                out[j] = last
                continue
            }
            out.append(m)
        }
        return out
    }

    private func isPersonName(_ m: Mention) -> Bool {
        if let entry = m.entry { return knowledge.entities[entry.entity].type == .person && entry.role == .name }
        return m.entityClass == .person && m.composed == nil && m.referents.isEmpty
    }

    /// A mention that names a role rather than someone: a composed role of a country (وزير الدفاع
    /// الروسي) or a title the tagger took for a name.
    private func isRole(_ m: Mention) -> Bool {
        if let composed = m.composed { return composed.type == .person }
        return m.entry == nil && (m.entityClass == .person || !m.referents.isEmpty)
    }

    /// Whether a KB entry fits the tagger's class for the same words.
    private func compatible(_ entry: NameEntry, _ cls: EntityClass) -> Bool {
        let type = knowledge.entities[entry.entity].type
        switch cls {
        case .person: return type == .person
        case .location: return [.country, .city, .region, .facility].contains(type)
        case .organization: return [.organization, .igo, .government, .military, .armedGroup, .media].contains(type)
        case .miscellaneous: return entry.role == .nisba
        }
    }

    /// KB names kept without the tagger's agreement: countries by name, nisba or capital, and any
    /// name of two words or more. Single words that are also common nouns (الوفاق) need the tagger.
    private func trustedAlone(_ entry: NameEntry, length: Int) -> Bool {
        let type = knowledge.entities[entry.entity].type
        // organizations.tsv lists a one-word name (حماس، الحوثيين، فاغنر) only when it is no ordinary word.
        return length > 1 || type == .country || entry.role == .nisba || entry.role == .capital
            || (entry.role == .name && [.armedGroup, .igo, .organization, .military].contains(type))
    }

    /// Groups mentions into entities: by KB entity, else by the same name, else a single-word
    /// person mention that ends an earlier person's name (حفتر after خليفة حفتر).
    private func merge(_ mentions: [Mention]) -> RecognizedEntities {
        var entities: [DocumentEntity] = []
        var located: [EntityMention] = []
        var lastSeen: [Int: Int] = [:]
        var byKey: [String: Int] = [:]
        var personNames: [(words: [LetterKey], entity: Int)] = []
        for m in mentions {
            let words = PhraseMatcher<NameEntry>.keys(m.text)
            var target: Int?
            var document: DocumentEntity
            if let generic = m.generic {
                // "الجيش" is whichever army the article spoke of last.
                if let target = entities.indices.filter({ entities[$0].type == generic }).max(by: { lastSeen[$0, default: 0] < lastSeen[$1, default: 0] }) {
                    entities[target].mentions.append(m.span)
                    located.append(EntityMention(entity: target, span: m.span, tokens: m.tokens, role: nil))
                    lastSeen[target] = m.span.start
                }
                continue
            }
            if !m.referents.isEmpty {
                // A title joins the one person it may name who is already in the document.
                let present = Set(m.referents.compactMap { byKey["kb:" + knowledge.entities[$0].id] })
                if present.count == 1, let target = present.first {
                    entities[target].mentions.append(m.span)
                    located.append(EntityMention(entity: target, span: m.span, tokens: m.tokens, role: nil))
                }
                continue
            }
            if let composed = m.composed {
                document = DocumentEntity(id: "", name: m.text, nameEnglish: nil, type: composed.type, kb: nil, country: composed.country,
                                          cameo: composed.cameo, latitude: nil, longitude: nil, mentions: [])
                target = byKey["actor:\(composed.cameo):" + words.map(\.code).joined(separator: " ")]
            } else if let entry = m.entry {
                let entity = knowledge.entities[entry.entity]
                document = DocumentEntity(id: "", name: entity.name, nameEnglish: entity.nameEnglish, type: entity.type, kb: entity.id,
                                          country: entity.country, cameo: entity.cameo, latitude: entity.latitude, longitude: entity.longitude, mentions: [])
                target = byKey["kb:" + entity.id]
            } else {
                let type: EntityType = switch m.entityClass {
                case .person?: .person
                case .location?: .city
                case .organization?: .organization
                default: .other
                }
                document = DocumentEntity(id: "", name: m.text, nameEnglish: nil, type: type, kb: nil, country: nil, cameo: nil,
                                          latitude: nil, longitude: nil, mentions: [])
                target = byKey["name:\(type.rawValue):" + words.map(\.code).joined(separator: " ")]
                if target == nil, type == .person, words.count == 1 {
                    target = personNames.last { $0.words.count > 1 && $0.words.last == words[0] }?.entity
                }
            }
            if let target {
                entities[target].mentions.append(m.span)
                located.append(EntityMention(entity: target, span: m.span, tokens: m.tokens, role: m.entry?.role))
                lastSeen[target] = m.span.start
                continue
            }
            if m.needsAntecedent { continue }
            document.id = "E\(entities.count + 1)"
            document.mentions = [m.span]
            entities.append(document)
            let index = entities.count - 1
            located.append(EntityMention(entity: index, span: m.span, tokens: m.tokens, role: m.entry?.role))
            lastSeen[index] = m.span.start
            if let composed = m.composed {
                byKey["actor:\(composed.cameo):" + words.map(\.code).joined(separator: " ")] = index
            } else if let kb = document.kb { byKey["kb:" + kb] = index } else {
                byKey["name:\(document.type.rawValue):" + words.map(\.code).joined(separator: " ")] = index
            }
            if document.type == .person { personNames.append((words, index)) }
        }
        return RecognizedEntities(entities: entities, mentions: located)
    }
}
