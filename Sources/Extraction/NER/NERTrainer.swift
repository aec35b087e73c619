import ArabicText
import Knowledge

/// Trains the NER tagger with the structured averaged perceptron on BIO-tagged sentences.
public struct NERTrainer {
    public var epochs = 8
    /// Features whose largest averaged weight is below this are dropped from the saved model.
    public var pruneBelow: Float = 1
    /// Share of known-name matches hidden from the tagger in training, so that it also learns the
    /// context of names and does not lean on the knowledge base alone (which misses most names).
    public var gazetteerDropout = 0.3

    public init() {}

    public func train(_ sentences: [TaggedSentence], segmenter: CliticSegmenter, knowledge: KnowledgeBase?, clusters: WordClusters?,
                      progress: (Int) -> Void = { _ in }) -> NERModel {
        let n = NERModel.tagCount
        let tagger = NERTagger(model: NERModel(rows: [:], emissions: [], transitions: []), segmenter: segmenter, knowledge: knowledge, clusters: clusters)
        // Features per token, as row numbers, computed once.
        var rows: [UInt64: Int] = [:]
        var prepared: [(features: [[Int]], gold: [Int])] = []
        var buffer: [UInt64] = []
        var dropout = SeededGenerator(seed: 3)
        for sentence in sentences {
            var views = tagger.extractor.views(sentence.tokens)
            for i in views.indices where Double(dropout.next() % 1000) / 1000 < gazetteerDropout {
                views[i].gazetteer = 0
                views[i].gazetteerInside = false
            }
            var features: [[Int]] = []
            for i in views.indices {
                tagger.extractor.features(views, i, into: &buffer)
                features.append(buffer.map { feature in
                    if let row = rows[feature] { return row }
                    rows[feature] = rows.count
                    return rows.count - 1
                })
            }
            prepared.append((features, sentence.tags.map(\.index)))
        }
        var weights = [Double](repeating: 0, count: rows.count * n)
        var updates = weights
        var transitions = [Double](repeating: 0, count: (n + 1) * n)
        var transitionUpdates = transitions
        var step = 0.0
        var order = Array(prepared.indices)
        var generator = SeededGenerator(seed: 7)
        for epoch in 0..<epochs {
            order.shuffle(using: &generator)
            for index in order {
                let (features, gold) = prepared[index]
                step += 1
                var scores = [Float](repeating: 0, count: features.count * n)
                for (i, row) in features.enumerated() {
                    for r in row { for t in 0..<n { scores[i * n + t] += Float(weights[r * n + t]) } }
                }
                let predicted = tagger.decode(scores, transitions: transitions.map(Float.init))
                guard predicted != gold else { continue }
                for i in gold.indices where predicted[i] != gold[i] {
                    for r in features[i] {
                        weights[r * n + gold[i]] += 1; updates[r * n + gold[i]] += step
                        weights[r * n + predicted[i]] -= 1; updates[r * n + predicted[i]] -= step
                    }
                }
                for i in gold.indices {
                    let goldFrom = i == 0 ? n : gold[i - 1], predictedFrom = i == 0 ? n : predicted[i - 1]
                    if goldFrom == predictedFrom && gold[i] == predicted[i] { continue }
                    transitions[goldFrom * n + gold[i]] += 1; transitionUpdates[goldFrom * n + gold[i]] += step
                    transitions[predictedFrom * n + predicted[i]] -= 1; transitionUpdates[predictedFrom * n + predicted[i]] -= step
                }
            }
            progress(epoch + 1)
        }
        func average(_ w: [Double], _ u: [Double]) -> [Float] { zip(w, u).map { Float($0 - $1 / step) } }
        let averaged = average(weights, updates)
        var keptRows: [UInt64: Int] = [:]
        var kept: [Float] = []
        for (feature, row) in rows.sorted(by: { $0.value < $1.value }) {
            let slice = averaged[(row * n)..<((row + 1) * n)]
            guard slice.contains(where: { abs($0) >= pruneBelow }) else { continue }
            keptRows[feature] = keptRows.count
            kept += slice
        }
        return NERModel(rows: keptRows, emissions: kept, transitions: average(transitions, transitionUpdates))
    }
}
