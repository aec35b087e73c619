import ArabicText
import Knowledge

/// Builds the records of a document from drafts: references to entities (a capital or a visited
/// place standing for its state becomes that state's entity), dates and confidence.
struct ResultBuilder {
    let annotated: AnnotatedText
    let knowledge: KnowledgeBase
    var entities: [DocumentEntity]
    private var countryIndex: [String: Int] = [:]

    init(annotated: AnnotatedText, knowledge: KnowledgeBase, entities: [DocumentEntity]) {
        self.annotated = annotated
        self.knowledge = knowledge
        self.entities = entities
        for (i, entity) in entities.enumerated() where entity.type == .country {
            if let kb = entity.kb { countryIndex[kb] = i }
        }
    }

    /// A reference to the entity a mention names; for a place in an actor's slot, its state.
    mutating func actor(_ mention: EntityMention) -> EntityReference? {
        let entity = entities[mention.entity]
        switch entity.type {
        case .region, .facility:
            // A base or a region is where something happened, not who.
            return nil
        case .city:
            if let country = entity.country, let state = knowledge.entity(id: "country:\(country)") {
                let index = countryEntity(state, mention: mention.span)
                return EntityReference(entity: entities[index].id, span: mention.span)
            }
        default: break
        }
        return EntityReference(entity: entity.id, span: mention.span)
    }

    func place(_ mention: EntityMention) -> EntityReference {
        EntityReference(entity: entities[mention.entity].id, span: mention.span)
    }

    private mutating func countryEntity(_ state: KBEntity, mention: Span) -> Int {
        if let i = countryIndex[state.id] {
            if !entities[i].mentions.contains(mention) { entities[i].mentions.append(mention) }
            return i
        }
        entities.append(DocumentEntity(id: "E\(entities.count + 1)", name: state.name, nameEnglish: state.nameEnglish, type: .country,
                                       kb: state.id, country: state.country, cameo: state.cameo, latitude: state.latitude,
                                       longitude: state.longitude, mentions: [mention]))
        countryIndex[state.id] = entities.count - 1
        return entities.count - 1
    }

    mutating func event(_ draft: DraftEvent, modality: Modality, report: Report?, dates: [DateExpression]) -> Event? {
        let sentence = annotated.sentences[draft.sentence]
        let triggerSpan = Span(start: stemStart(draft.trigger.lowerBound), end: annotated.tokens[draft.trigger.upperBound - 1].span.end)
        var event = Event(id: "", type: draft.type, mode: draft.mode, cameo: draft.cameo,
                          source: draft.source.flatMap { actor($0) },
                          target: draft.target.flatMap { actor($0) } ?? draft.unnamedTarget.map { EntityReference(entity: nil, span: annotated.span(of: $0)) },
                          location: draft.location.map { place($0) }, date: nil, modality: modality,
                          attribution: report.flatMap { attribution($0) }, quantities: [], trigger: triggerSpan, sentence: sentence.span,
                          confidence: 0)
        if let source = event.source?.entity, source == event.target?.entity { return nil }
        // Forces arriving somewhere do not pay a visit.
        if event.type == .consult, draft.sense.cameo == "042",
           [draft.source, draft.target].contains(where: { $0.map { [.military, .armedGroup].contains(entities[$0.entity].type) } ?? false }) {
            return nil
        }
        // The date of the sentence nearest the trigger.
        let inSentence = dates.filter { $0.value != nil && sentence.span.contains($0.span) }
        if let date = inSentence.min(by: { abs($0.span.start - triggerSpan.start) < abs($1.span.start - triggerSpan.start) }), let value = date.value {
            event.date = EventDate(value: value, precision: date.precision, span: date.span)
        }
        var confidence = 0.45
        if event.source != nil { confidence += draft.implicitSource ? 0.1 : 0.2 }
        if event.target != nil { confidence += 0.1 }
        if draft.sense.isVerb { confidence += 0.1 }
        if event.location != nil || event.date != nil { confidence += 0.05 }
        if draft.sense.lowConfidence { confidence -= 0.2 }
        event.confidence = (min(0.95, max(0.1, confidence)) * 100).rounded() / 100
        return event
    }

    func attribution(_ report: Report) -> Attribution? {
        if let anonymous = report.anonymousSpan {
            return Attribution(speaker: EntityReference(entity: report.anonymousCountry.map { entities[$0.entity].id }, span: anonymous),
                               anonymous: true, verb: report.verb)
        }
        guard let speaker = report.speaker else { return Attribution(speaker: nil, anonymous: false, verb: report.verb) }
        return Attribution(speaker: EntityReference(entity: entities[speaker.entity].id, span: speaker.span), anonymous: false, verb: report.verb)
    }

    /// The speaker of a quote: the reporting word of its sentence nearest before it, else after it.
    func speaker(of quote: Span, reports: [[Report]]) -> EntityReference? {
        guard let index = annotated.sentences.firstIndex(where: { $0.span.start <= quote.start && quote.start < $0.span.end }) else { return nil }
        let quoteToken = annotated.tokenIndex(at: quote.start)
        let candidates = reports[index]
        let report = candidates.last { $0.tokens.upperBound <= quoteToken } ?? candidates.first
            ?? (index > 0 ? reports[index - 1].last : nil)
        return report.flatMap { attribution($0)?.speaker }
    }

    private func stemStart(_ t: Int) -> Int {
        annotated.segmented[t].segments.first { $0.role != .proclitic }?.span.start ?? annotated.tokens[t].span.start
    }
}
