import ArabicText
import Knowledge

/// Reads what an article says about itself: the publication date of its dateline ("طرابلس - 20
/// فبراير 2020") and the outlet it credits (قال لـ"العربي الجديد"، لـ«الشرق الأوسط»), and which of
/// its lines are site furniture (share buttons, comment prompts, contributor lists).
struct DocumentMetadata {
    let annotated: AnnotatedText
    let lexicon: EventLexicon
    let recognized: RecognizedEntities

    /// How far into the text a dateline may stand, in scalars.
    static let datelineReach = 300
    static let boilerplateLineWords = 12

    /// The first full date near the top of the text that needs no reference to resolve.
    func dateline(_ dates: [DateExpression]) -> CalendarDate? {
        dates.first { $0.span.start < Self.datelineReach && $0.precision == .day && !$0.isRelative }
            .flatMap { $0.value.flatMap(CalendarDate.init(iso:)) }
    }

    /// The outlet the text credits: a media entity, or a quoted name right after لـ in "قال لـ"…"".
    func outlet() -> String? {
        var counts: [String: Int] = [:]
        for mention in recognized.mentions where recognized.entities[mention.entity].type == .media {
            counts[recognized.entities[mention.entity].name, default: 0] += 1
        }
        let scalars = annotated.text.scalars
        for (i, token) in annotated.tokens.enumerated() where token.kind == .quote && i > 0 && i + 2 < annotated.tokens.count {
            // لـ"العربي الجديد": the preposition, an optional tatweel, then the quoted name.
            let previous = annotated.text.text(annotated.tokens[i - 1].span).filter { $0 != "ـ" }
            guard previous == "ل" || previous == "لـ", let closing = QuoteReader.closing(scalars[token.span.start]) else { continue }
            var j = i + 1
            while j < annotated.tokens.count, j < i + 5, annotated.tokens[j].kind == .arabic || annotated.tokens[j].kind == .latin { j += 1 }
            guard j < annotated.tokens.count, j > i + 1, annotated.tokens[j].kind == .quote, scalars[annotated.tokens[j].span.start] == closing else { continue }
            // Only a name something was said to (قال لـ"…"، في حديث لـ"…") is an outlet.
            let said = (max(0, i - 7)..<(i - 1)).contains { t in
                annotated.tokens[t].kind == .arabic && (!lexicon.reportingVerbs.values(ofWord: annotated.keys[t]).isEmpty
                    || lexicon.reportingVerbs.longestMatch(annotated.keys[..<(i - 1)], from: t) != nil)
            }
            guard said else { continue }
            let name = annotated.text.text(Span(start: annotated.tokens[i + 1].span.start, end: annotated.tokens[j - 1].span.end))
            counts[name, default: 0] += 2
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// The sentences that stand on boilerplate lines.
    func boilerplateSentences() -> Set<Int> {
        var out = Set<Int>()
        let scalars = annotated.text.scalars
        var lineStart = 0
        var lines: [Range<Int>] = []
        for (i, scalar) in scalars.enumerated() where scalar == "\n" {
            lines.append(lineStart..<i)
            lineStart = i + 1
        }
        lines.append(lineStart..<scalars.count)
        for line in lines where isBoilerplate(annotated.tokenRange(Span(start: line.lowerBound, end: line.upperBound))) {
            for (s, sentence) in annotated.sentences.enumerated() where line.contains(sentence.span.start) { out.insert(s) }
        }
        return out
    }

    private func isBoilerplate(_ tokens: Range<Int>) -> Bool {
        let words = tokens.filter { annotated.tokens[$0].kind == .arabic || annotated.tokens[$0].kind == .latin }
        guard !words.isEmpty else { return !tokens.isEmpty }
        let keys = Array(annotated.keys[tokens])
        if words.count <= Self.boilerplateLineWords, let first = words.first,
           let (_, marks) = lexicon.boilerplate.longestMatch(keys, from: first - tokens.lowerBound), marks.contains(.start) {
            return true
        }
        // A line made of nothing but furniture words.
        var covered = 0
        var i = 0
        while i < keys.count {
            if let (length, _) = lexicon.boilerplate.longestMatch(keys, from: i) {
                covered += (i..<(i + length)).filter { words.contains(tokens.lowerBound + $0) }.count
                i += length
            } else {
                i += 1
            }
        }
        return covered == words.count
    }
}
