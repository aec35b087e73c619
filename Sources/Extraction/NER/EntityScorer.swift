/// Entity-level precision, recall and F1 (an entity counts when its span and class both match),
/// overall and per class, as conlleval computes them.
public enum EntityScorer {
    public struct Counts: Sendable, Codable, Hashable {
        public var gold = 0, system = 0, correct = 0
        public var precision: Double { system == 0 ? 0 : Double(correct) / Double(system) }
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        public var f1: Double { gold + system == 0 ? 0 : 2 * Double(correct) / Double(gold + system) }
    }

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

    public static func score(gold: [[BIOTag]], system: [[BIOTag]]) -> (overall: Counts, perClass: [EntityClass: Counts]) {
        var overall = Counts()
        var perClass: [EntityClass: Counts] = [:]
        for (g, s) in zip(gold, system) {
            let goldEntities = entities(g), systemEntities = entities(s)
            let goldSet = Set(goldEntities.map { "\($0.0.rawValue) \($0.1) \($0.2)" })
            for e in goldEntities { overall.gold += 1; perClass[e.0, default: Counts()].gold += 1 }
            for e in systemEntities {
                overall.system += 1
                perClass[e.0, default: Counts()].system += 1
                if goldSet.contains("\(e.0.rawValue) \(e.1) \(e.2)") {
                    overall.correct += 1
                    perClass[e.0, default: Counts()].correct += 1
                }
            }
        }
        return (overall, perClass)
    }
}
