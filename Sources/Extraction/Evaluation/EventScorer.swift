import ArabicText
import Knowledge

/// One article's hand-coded events (Gold/README.md): file name, publication date and events,
/// with text referred to by offsets only.
public struct GoldDocument: Decodable, Sendable {
    public var doc: String
    public var published: String?
    public var events: [GoldEvent]
}

/// A participant of a gold event: its knowledge-base id and/or the offsets of one mention.
public struct GoldActor: Decodable, Hashable, Sendable {
    public var kb: String?
    public var span: [Int]?

    public init(kb: String?, span: [Int]?) {
        self.kb = kb
        self.span = span
    }
}

/// One hand-coded event.
public struct GoldEvent: Decodable, Sendable {
    public var type: PloverType
    public var source: GoldActor?
    public var target: GoldActor?
    public var location: GoldActor?
    public var date: String?
    public var modality: Modality?
    public var trigger: [Int]?
    public var note: String?
}

/// Scores extracted events against gold: one-to-one matches on (type, source, target), then
/// how often the matched events' location and date agree with the gold.
public struct EventScore: Sendable, Encodable {
    public var gold = 0
    public var predicted = 0
    public var matched = 0
    public var locationsGold = 0
    public var locationsRight = 0
    public var datesGold = 0
    public var datesRight = 0

    public var precision: Double { predicted == 0 ? 0 : Double(matched) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(matched) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var locationAccuracy: Double { locationsGold == 0 ? 0 : Double(locationsRight) / Double(locationsGold) }
    public var dateAccuracy: Double { datesGold == 0 ? 0 : Double(datesRight) / Double(datesGold) }

    public init() {}

    public static func + (a: EventScore, b: EventScore) -> EventScore {
        var s = EventScore()
        s.gold = a.gold + b.gold
        s.predicted = a.predicted + b.predicted
        s.matched = a.matched + b.matched
        s.locationsGold = a.locationsGold + b.locationsGold
        s.locationsRight = a.locationsRight + b.locationsRight
        s.datesGold = a.datesGold + b.datesGold
        s.datesRight = a.datesRight + b.datesRight
        return s
    }
}

public enum EventScorer {
    /// The score of one document, and the gold events missed and predicted events unmatched
    /// (indexes), for error analysis.
    public static func score(_ result: DocumentResult, gold: [GoldEvent]) -> (score: EventScore, missed: [Int], spurious: [Int], misplaced: [(gold: Int, predicted: Int)]) {
        var score = EventScore()
        score.gold = gold.count
        score.predicted = result.events.count
        var used = Set<Int>()
        var missed: [Int] = []
        var misplaced: [(gold: Int, predicted: Int)] = []
        for (g, goldEvent) in gold.enumerated() {
            guard let p = result.events.indices.first(where: { !used.contains($0) && result.events[$0].type == goldEvent.type
                && agree(goldEvent.source, result.events[$0].source, result) && agree(goldEvent.target, result.events[$0].target, result) }) else {
                missed.append(g)
                continue
            }
            used.insert(p)
            score.matched += 1
            let event = result.events[p]
            if let location = goldEvent.location {
                score.locationsGold += 1
                if agree(location, event.location, result) { score.locationsRight += 1 } else { misplaced.append((g, p)) }
            }
            if let date = goldEvent.date {
                score.datesGold += 1
                if let value = event.date?.value, value.hasPrefix(date) || date.hasPrefix(value) && value.count == date.count { score.datesRight += 1 }
            }
        }
        return (score, missed, result.events.indices.filter { !used.contains($0) }, misplaced)
    }

    /// Whether a predicted participant is the gold one: both absent; or the same knowledge-base
    /// id (a capital counts as its country); or the gold mention overlaps a mention of the entity.
    public static func agree(_ gold: GoldActor?, _ predicted: EntityReference?, _ result: DocumentResult) -> Bool {
        guard let gold, let predicted else { return gold == nil && predicted == nil }
        let entity = result.entities.first { $0.id == predicted.entity }
        if let goldKB = gold.kb, let kb = entity?.kb, state(goldKB) == state(kb) { return true }
        guard let span = gold.span, span.count == 2, span[0] < span[1] else { return false }
        let goldSpan = Span(start: span[0], end: span[1])
        let mentions = (entity?.mentions ?? []) + [predicted.span]
        return mentions.contains { $0.start < goldSpan.end && goldSpan.start < $0.end }
    }

    private static func state(_ kb: String) -> String {
        kb.hasPrefix("capital:") ? "country:" + kb.dropFirst("capital:".count) : kb
    }
}
