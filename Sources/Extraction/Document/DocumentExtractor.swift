import ArabicText
import Knowledge

/// Turns an article into Marsad's document record: entities, events with their participants,
/// place, date, modality and attribution, quantities, quotes and claims that contradict.
///
/// Each stage adds one layer over the same annotated text (see ARCHITECTURE.md); this type runs
/// them in order and resolves what needs the whole document: pronoun subjects carried from the
/// clause before, a speaker carried to "وأضاف", one event per act and actor pair.
public struct DocumentExtractor: Sendable {
    public let recognizer: EntityRecognizer
    public let lexicon: EventLexicon
    public let dateRecognizer: DateRecognizer
    public let numberRecognizer: NumberRecognizer

    public init(recognizer: EntityRecognizer, lexicon: EventLexicon, dateRecognizer: DateRecognizer, numberRecognizer: NumberRecognizer) {
        self.recognizer = recognizer
        self.lexicon = lexicon
        self.dateRecognizer = dateRecognizer
        self.numberRecognizer = numberRecognizer
    }

    public static func bundled() throws -> DocumentExtractor {
        DocumentExtractor(recognizer: try .bundled(), lexicon: try .bundled(), dateRecognizer: try .bundled(), numberRecognizer: try .bundled())
    }

    var knowledge: KnowledgeBase { recognizer.knowledge }

    /// The version of the extraction (code, lexicons and models together), stored with every
    /// document so that a store knows which documents an update should re-extract.
    public static let version = "marsad-extract/2026-11-23"

    public func extract(_ article: Article) -> DocumentResult {
        let text = ScalarText(article.text)
        let annotated = AnnotatedText(text, segmenter: recognizer.segmenter, splitter: recognizer.splitter)
        var recognized = recognizer.recognize(annotated)
        let metadata = DocumentMetadata(annotated: annotated, lexicon: lexicon, recognized: recognized)
        let published = article.published ?? metadata.dateline(dateRecognizer.recognize(text, tokens: annotated.tokens, reference: nil))
        let dates = dateRecognizer.recognize(text, tokens: annotated.tokens, reference: published)
        let reader = ClauseReader(annotated: annotated, lexicon: lexicon, recognized: recognized, dates: dates)
        let coder = EventCoder(reader: reader, lexicon: lexicon)
        let modalityReader = ModalityReader(reader: reader, lexicon: lexicon)
        let attributionReader = AttributionReader(reader: reader, lexicon: lexicon, knowledge: knowledge)
        let skipped = metadata.boilerplateSentences()

        var drafts: [(draft: DraftEvent, modality: Modality, report: Report?)] = []
        var reportsBySentence: [[Report]] = []
        var carriedSubject: EntityMention?
        var carriedReport: Report?
        var lastPair: (EntityMention, EntityMention)?
        for (index, sentence) in annotated.sentences.enumerated() {
            let reports = skipped.contains(index) ? [] : attributionReader.reports(in: sentence.tokens)
            reportsBySentence.append(reports)
            guard !skipped.contains(index) else { continue }
            let triggers = coder.triggers(in: sentence.tokens)
            let statementTriggers = triggers.filter { [.request, .reject, .threaten, .agree].contains($0.sense.type) }
            let topicGovernors = triggers.filter { [.request, .reject, .threaten, .agree, .accuse, .support].contains($0.sense.type) }
            for (range, sense) in triggers {
                // "متهما أنقرة بتجاهل …"، "دعا إلى وقف …": an act named right after a statement is
                // what the statement is about, not an act of its own.
                if topicGovernors.contains(where: { $0.range.upperBound <= range.lowerBound && range.lowerBound - $0.range.upperBound <= 4
                    && !(($0.range.upperBound..<range.lowerBound).contains { reader.isClauseBreak($0) }) }) { continue }
                let reading = modalityReader.read(range, in: sentence.tokens)
                if reading.speculative { continue }
                // What a demand, refusal, threat or agreement is about is its topic, not an event of its own.
                if let governor = reading.governor, statementTriggers.contains(where: { $0.range.contains(governor) && $0.range != range }) { continue }
                var report = reports.last { $0.tokens.upperBound <= range.lowerBound && !$0.tokens.overlaps(range) }
                    // "…، قال المتحدث": a report after the act counts only with its own speaker.
                    ?? reports.first { $0.tokens.lowerBound >= range.upperBound && ($0.speaker != nil || $0.anonymousSpan != nil) }
                if let r = report, r.speaker == nil, r.anonymousSpan == nil, let carried = carriedReport {
                    report?.speaker = carried.speaker
                    report?.anonymousSpan = carried.anonymousSpan
                    report?.anonymousCountry = carried.anonymousCountry
                }
                let coded = coder.code(range, sense, sentence: index, antecedent: carriedSubject, speaker: report?.speaker, pair: lastPair)
                for draft in coded { drafts.append((draft, reading.modality, report)) }
                if let both = coded.first(where: { $0.source != nil && $0.target != nil && $0.source?.entity != $0.target?.entity }) {
                    lastPair = (both.source!, both.target!)
                }
                if let first = coded.first, let source = first.source, !first.implicitSource { carriedSubject = source }
            }
            if let named = reports.last(where: { $0.speaker != nil || $0.anonymousSpan != nil }) {
                carriedReport = named
                if let speaker = named.speaker, triggers.isEmpty { carriedSubject = speaker }
            }
        }

        var builder = ResultBuilder(annotated: annotated, knowledge: knowledge, entities: recognized.entities)
        let quantities = QuantityReader(annotated: annotated, lexicon: lexicon)
            .quantities(numberRecognizer.recognize(text, tokens: annotated.tokens), dates: dates)
        var events = drafts.compactMap { builder.event($0.draft, modality: $0.modality, report: $0.report, dates: dates) }
        events = Self.deduplicated(events)
        Self.dateUndated(&events, dates: dates, published: published)
        Self.placeMeetings(&events)
        Self.attach(quantities, to: &events, annotated: annotated)
        // An act with no named party is kept when it is a material act with casualties: an
        // explosion by unknown attackers; a bare word (الحرب، المحادثات) is no event.
        events = events.filter { $0.source != nil || $0.target != nil || ($0.type.isMaterial && !$0.quantities.isEmpty) }
        for i in events.indices { events[i].id = "V\(i + 1)" }
        let quotes = QuoteReader(annotated: annotated).quotes().map { span in
            Quote(speaker: builder.speaker(of: span, reports: reportsBySentence), span: span)
        }
        recognized.entities = builder.entities
        return DocumentResult(
            document: DocumentInfo(id: article.id, source: article.source, outlet: article.outlet ?? metadata.outlet(), published: published,
                                   title: article.title, length: text.count),
            text: text, entities: builder.entities, events: events, dates: dates, quantities: quantities, quotes: quotes,
            claims: ClaimLinker().claims(events))
    }

    /// One event per act and actor pair: later reports of the same (type, source, target, modality)
    /// only fill what the first one lacks. An act with no named party (مقتل 5 مدنيين، غارات) is
    /// part of an act of the same type in its sentence that has one, else one such act per sentence.
    static func deduplicated(_ events: [Event]) -> [Event] {
        var out: [Event] = []
        var index: [String: Int] = [:]
        func merge(_ event: Event, into i: Int) {
            if out[i].location == nil { out[i].location = event.location }
            if out[i].date == nil { out[i].date = event.date }
            if out[i].attribution == nil { out[i].attribution = event.attribution }
            out[i].confidence = max(out[i].confidence, event.confidence)
        }
        for event in events where event.source != nil || event.target != nil {
            if let source = event.source?.entity, source == event.target?.entity { continue }
            let key = [event.type.rawValue, event.source?.entity ?? "-", event.target?.entity ?? "-", event.modality.rawValue].joined(separator: "|")
            if let i = index[key] {
                merge(event, into: i)
            } else {
                index[key] = out.count
                out.append(event)
            }
        }
        for event in events where event.source == nil && event.target == nil {
            if let i = out.firstIndex(where: { $0.type == event.type && $0.sentence == event.sentence }) {
                merge(event, into: i)
            } else {
                out.append(event)
            }
        }
        // An act whose counterpart went unread is the same act as one with it: keep the fuller.
        // (A planned or denied act does not absorb one asserted as done, nor the other way round.)
        let complete = Set(out.filter { $0.source != nil && $0.target != nil }.map { "\($0.type)|\($0.modality)|\($0.source!.entity ?? "")" })
        let completeTargets = Set(out.filter { $0.source != nil && $0.target != nil }.map { "\($0.type)|\($0.modality)|\($0.target!.entity ?? "")" })
        out.removeAll { event in
            (event.target == nil && event.source != nil && complete.contains("\(event.type)|\(event.modality)|\(event.source!.entity ?? "")"))
                || (event.source == nil && event.target != nil && completeTargets.contains("\(event.type)|\(event.modality)|\(event.target!.entity ?? "")"))
        }
        return out.sorted { $0.trigger.start < $1.trigger.start }
    }

    /// An event whose sentence gives no date happened when the narrative last said (the latest
    /// full date before its sentence), or else on the publication day; a planned act has no date
    /// but its own.
    static func dateUndated(_ events: inout [Event], dates: [DateExpression], published: CalendarDate?) {
        let days = dates.filter { $0.precision == .day && $0.value != nil }
        for i in events.indices where events[i].date == nil && events[i].modality != .planned {
            if let last = days.last(where: { $0.span.end <= events[i].sentence.start }), let value = last.value {
                events[i].date = EventDate(value: value, precision: .day, span: last.span)
            } else if let published {
                events[i].date = EventDate(value: published.iso, precision: .day, span: nil)
            }
        }
    }

    /// Talks reported after a visit, with no place of their own, took place where the visit did.
    static func placeMeetings(_ events: inout [Event]) {
        var visited: EntityReference?
        for i in events.indices where events[i].type == .consult {
            if events[i].mode == "visit" || events[i].mode == "host", let location = events[i].location {
                visited = location
            } else if events[i].location == nil {
                events[i].location = visited
            }
        }
    }

    /// Gives each quantity to the material event of its sentence nearest to it (an assault before
    /// anything else), or to the last assault of the two sentences before.
    static func attach(_ quantities: [Quantity], to events: inout [Event], annotated: AnnotatedText) {
        for quantity in quantities {
            let candidates = events.indices.filter { events[$0].type.isMaterial && events[$0].sentence.start <= quantity.span.start && quantity.span.start < events[$0].sentence.end }
            let ranked = candidates.sorted { a, b in
                let ea = events[a], eb = events[b]
                if (ea.type == .assault) != (eb.type == .assault) { return ea.type == .assault }
                return abs(ea.trigger.start - quantity.span.start) < abs(eb.trigger.start - quantity.span.start)
            }
            var chosen = ranked.first
            if chosen == nil, [.killed, .injured, .displaced, .detained].contains(quantity.kind) {
                chosen = events.indices.last { events[$0].type == .assault && events[$0].sentence.end <= quantity.span.start && quantity.span.start - events[$0].sentence.end < 400 }
            }
            guard let chosen else { continue }
            // One quantity per event and kind: coordinated events share the count, not add it.
            if !events[chosen].quantities.contains(quantity) { events[chosen].quantities.append(quantity) }
        }
    }
}
