import ArabicText
import Knowledge

/// A reporting word in a sentence and who it names as the speaker.
struct Report {
    var tokens: Range<Int>
    var verb: String
    var speaker: EntityMention?
    /// An unnamed source ("مصدر برلماني", "مصادر مصرية"): its words, and its country if a nisba says.
    var anonymousSpan: Span?
    var anonymousCountry: EntityMention?
}

/// Finds who says what: the reporting verbs of a sentence (قال، أكد، نفى، بحسب) and their
/// speakers — a named actor, or an unnamed source that is attribution only.
struct AttributionReader {
    let reader: ClauseReader
    let lexicon: EventLexicon
    let knowledge: KnowledgeBase

    var annotated: AnnotatedText { reader.annotated }

    /// The reports of a sentence in text order.
    func reports(in sentence: Range<Int>) -> [Report] {
        let keys = Array(annotated.keys[sentence])
        var out: [Report] = []
        var i = 0
        while i < keys.count {
            let t = sentence.lowerBound + i
            guard reader.mentionAt[t] == nil, !isSourceNoun(t, in: sentence), var (length, _) = lexicon.reportingVerbs.longestMatch(keys, from: i) else {
                i += 1
                continue
            }
            // "قالت مصادر" is listed whole; the source noun is the speaker, not part of the verb.
            while length > 1, isSourceNoun(t + length - 1, in: sentence) { length -= 1 }
            let range = t..<(t + length)
            let stemStart = annotated.segmented[t].segments.first { $0.role != .proclitic }?.span.start ?? annotated.tokens[t].span.start
            let verb = annotated.text.text(Span(start: stemStart, end: annotated.tokens[t + length - 1].span.end))
            var report = Report(tokens: range, verb: verb)
            // بحسب، وفقا لـ، نقل عن: the speaker follows; a verb's subject may stand either side.
            if let anonymous = anonymousSource(after: range.upperBound, in: sentence) ?? anonymousSource(before: range.lowerBound, in: sentence) {
                report.anonymousSpan = anonymous.span
                report.anonymousCountry = anonymous.country
            } else {
                report.speaker = reader.subject(of: range, in: sentence)
                    ?? reader.firstArgument(after: range.upperBound, in: sentence, window: 2, excluding: [], actorsOnly: true)
            }
            out.append(report)
            i += length
        }
        return out
    }

    /// "مصدر برلماني"، "مصادر ليبية مطلعة": a source noun of the agent table (type SOURCE) right
    /// after the verb, with the qualifiers and nisba that follow it.
    private func anonymousSource(after t: Int, in sentence: Range<Int>) -> (span: Span, country: EntityMention?)? {
        for start in t..<min(t + 2, sentence.upperBound) {
            if let found = sourceNoun(at: start, in: sentence) { return (found.span, found.country) }
        }
        return nil
    }

    /// The subject before the verb: "المصدر البرلماني رجح أن …".
    private func anonymousSource(before t: Int, in sentence: Range<Int>) -> (span: Span, country: EntityMention?)? {
        var start = t - 1
        while start >= max(sentence.lowerBound, t - 4) {
            if reader.isClauseBreak(start) { return nil }
            if let found = sourceNoun(at: start, in: sentence), found.end == t { return (found.span, found.country) }
            start -= 1
        }
        return nil
    }

    private func isSourceNoun(_ t: Int, in sentence: Range<Int>) -> Bool {
        knowledge.agents.longestMatch(annotated.keys[sentence], from: t)?.values.contains { $0.entityType == "SOURCE" } ?? false
    }

    private func sourceNoun(at start: Int, in sentence: Range<Int>) -> (span: Span, country: EntityMention?, end: Int)? {
        let keys = annotated.keys[sentence]
        guard let (length, agents) = knowledge.agents.longestMatch(keys, from: start),
              agents.contains(where: { $0.entityType == "SOURCE" }) else { return nil }
        var end = start + length
        var country: EntityMention?
        while end < sentence.upperBound {
            if let mention = reader.mention(startingAt: end), mention.role == .nisba {
                country = country ?? mention
                end = mention.tokens.upperBound
            } else if let (qualifierLength, qualifiers) = knowledge.agents.longestMatch(keys, from: end),
                      qualifiers.contains(where: { $0.entityType == "QUALIFIER" }) {
                end += qualifierLength
            } else {
                break
            }
        }
        let first = annotated.segmented[start].segments.first { $0.role != .proclitic }?.span.start ?? annotated.tokens[start].span.start
        return (Span(start: first, end: annotated.tokens[end - 1].span.end), country, end)
    }
}
