import ArabicText
import Knowledge

/// What the knowledge base says about the tokens of a sentence, as NER features: the longest
/// known name covering each token (its entity type, how it refers, and whether the token starts
/// it) and the cue words (given names, titles, head words) among the tokens.
struct NERGazetteer: Sendable {
    let knowledge: KnowledgeBase

    /// Fills `gazetteer` and `cues` of each token.
    func annotate(_ tokens: inout [NERToken]) {
        let keys = tokens.map(\.match)
        var i = 0
        while i < tokens.count {
            if let (length, entries) = knowledge.names.longestMatch(keys, from: i) {
                let entry = entries[0]
                let entity = knowledge.entities[entry.entity]
                let typeIndex = EntityType.allCases.firstIndex(of: entity.type)!
                let roleIndex: Int = switch entry.role { case .name: 0; case .nisba: 1; case .capital: 2; case .surname: 3 }
                let code = UInt8(1 + typeIndex * 4 + roleIndex)
                for k in i..<(i + length) {
                    tokens[k].gazetteer = code
                    tokens[k].gazetteerInside = k > i
                }
                i += length
            } else {
                i += 1
            }
        }
        for k in tokens.indices {
            if let (length, cues) = knowledge.cues.longestMatch(keys, from: k) {
                for cue in cues { for j in k..<(k + length) { tokens[j].cues |= 1 << UInt8(cue.rawValue) } }
            }
        }
    }
}
