import ArabicText
import Knowledge

/// What the words around a trigger do to it: deny it (لم، نفى أن), plan it (سـ، من المقرر أن),
/// make it conditional (إذا), demand it (يجب أن), or only speculate about it (قد، يتوقع).
struct ModalityReading {
    var modality: Modality
    /// The sentence only speculates about the act: no event.
    var speculative: Bool
    /// The token where the clause cue or reporting word that decided it starts, if any.
    var governor: Int?
}

struct ModalityReader {
    let reader: ClauseReader
    let lexicon: EventLexicon

    var annotated: AnnotatedText { reader.annotated }

    func read(_ trigger: Range<Int>, in sentence: Range<Int>) -> ModalityReading {
        let keys = Array(annotated.keys[sentence])
        let local = trigger.lowerBound - sentence.lowerBound
        // The future prefix on the verb itself (سيزور).
        if annotated.segmented[trigger.lowerBound].segments.contains(where: { $0.role == .proclitic && $0.form == "س" }) {
            return ModalityReading(modality: .planned, speculative: false, governor: nil)
        }
        // A cue right before the trigger: at most two words between them.
        var i = local - 1
        while i >= max(0, local - 3) {
            if reader.isClauseBreak(sentence.lowerBound + i) { break }
            if let (length, cues) = lexicon.modalityCues.longestMatch(keys, from: i), i + length <= local {
                let before = cues.filter { $0.scope == .before }
                // One-letter-pair particles (ما، لا) are negations only right before a verb;
                // a confirming cue (قد before a perfect) leaves the clause's modality to decide.
                let adjacent = i + length == local
                let short = keys[i].code.count <= 2 && length == 1
                if let cue = pick(before, trigger: trigger), cue.modality != .asserted, adjacent || !short,
                   !short || annotated.segmented[trigger.lowerBound].stem.map({ _ in isVerb(trigger) }) == true {
                    return ModalityReading(modality: cue.modality, speculative: cue.speculative, governor: nil)
                }
            }
            i -= 1
        }
        // A cue right after a noun trigger (الزيارة المرتقبة، الهجوم المزعوم).
        let end = trigger.upperBound - sentence.lowerBound
        for j in end..<min(keys.count, end + 2) {
            if let (_, cues) = lexicon.modalityCues.longestMatch(keys, from: j), let cue = cues.first(where: { $0.scope == .after }) {
                return ModalityReading(modality: cue.modality, speculative: cue.speculative, governor: nil)
            }
        }
        // The nearest clause cue or reporting word before the trigger governs it.
        var k = local - 1
        while k >= 0 {
            if let (length, verbs) = lexicon.reportingVerbs.longestMatch(keys, from: k), k + length <= local, let verb = verbs.first {
                if let (_, cues) = lexicon.modalityCues.longestMatch(keys, from: k), let cue = cues.first(where: { $0.scope == .clause }) {
                    return ModalityReading(modality: cue.modality, speculative: cue.speculative, governor: sentence.lowerBound + k)
                }
                return ModalityReading(modality: verb.modality == .hypothetical ? .hypothetical : verb.modality,
                                       speculative: verb.modality == .hypothetical, governor: sentence.lowerBound + k)
            }
            if let (length, cues) = lexicon.modalityCues.longestMatch(keys, from: k), k + length <= local, let cue = cues.first(where: { $0.scope == .clause }) {
                return ModalityReading(modality: cue.modality, speculative: cue.speculative, governor: sentence.lowerBound + k)
            }
            k -= 1
        }
        return ModalityReading(modality: .asserted, speculative: false, governor: nil)
    }

    /// Whether the trigger word is written as a verb: the lexicon's part of speech, or the
    /// prefix of an imperfect.
    private func isVerb(_ trigger: Range<Int>) -> Bool {
        guard let (_, senses) = lexicon.triggers.longestMatch(annotated.keys[trigger], from: trigger.lowerBound) else { return false }
        return senses.contains { $0.isVerb }
    }

    /// Of the readings one cue has (قد: may, before an imperfect; did, before a perfect), the one
    /// the trigger's tense selects.
    private func pick(_ cues: [ModalityCue], trigger: Range<Int>) -> ModalityCue? {
        guard cues.count > 1 else { return cues.first }
        let stem = annotated.segmented[trigger.lowerBound].stem?.unicodeScalars.first
        let imperfect = stem.map { "يتن".unicodeScalars.contains($0) } ?? false
        return cues.first { imperfect ? $0.modality != .asserted : $0.modality == .asserted } ?? cues.first
    }
}
