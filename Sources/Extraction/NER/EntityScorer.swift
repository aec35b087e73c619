import ArabicText

/// Entity-level precision, recall and F1 (an entity counts when its span and class both match),
/// overall and per class, as conlleval computes them.
public enum EntityScorer {
    /// Entities of a tag sequence as (class, first token, last token); a stray I-X starts an entity.
    public static func entities(_ tags: [BIOTag]) -> [(EntityClass, Int, Int)] {
        var out: [(EntityClass, Int, Int)] = []
        var open: (EntityClass, Int)?
        for (i, tag) in tags.enumerated() {
            switch tag {
            case .outside:
                if let o = open { out.append((o.0, o.1, i - 1)); open = nil }
            case .begin(let c):
                if let o = open { out.append((o.0, o.1, i - 1)) }
                open = (c, i)
            case .inside(let c):
                if let o = open, o.0 == c { continue }
                if let o = open { out.append((o.0, o.1, i - 1)) }
                open = (c, i)
            }
        }
        if let o = open { out.append((o.0, o.1, tags.count - 1)) }
        return out
    }

    public static func score(gold: [[BIOTag]], system: [[BIOTag]]) -> (overall: PRF, perClass: [EntityClass: PRF]) {
        var overall = PRF()
        var perClass: [EntityClass: PRF] = [:]
        for (g, s) in zip(gold, system) {
            let goldEntities = entities(g), systemEntities = entities(s)
            let goldSet = Set(goldEntities.map { "\($0.0.rawValue) \($0.1) \($0.2)" })
            for e in goldEntities { overall.gold += 1; perClass[e.0, default: PRF()].gold += 1 }
            for e in systemEntities {
                overall.system += 1
                perClass[e.0, default: PRF()].system += 1
                if goldSet.contains("\(e.0.rawValue) \(e.1) \(e.2)") {
                    overall.correct += 1
                    perClass[e.0, default: PRF()].correct += 1
                }
            }
        }
        return (overall, perClass)
    }
}
