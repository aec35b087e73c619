import ArabicText
import Knowledge

/// Tags tokens with ANERcorp's BIO entity tags (persons, locations, organizations, other names).
///
/// A first-order linear-chain model: emission weights over hashed features of each token and its
/// neighbours (words, clitic-free stems, affixes, clitics, corpus frequency), transition weights
/// between tags, decoded with Viterbi under the BIO constraint (I-X only after B-X or I-X).
public struct NERTagger: Sendable {
    public let model: NERModel
    let extractor: NERFeatureExtractor

    public init(model: NERModel, segmenter: CliticSegmenter, knowledge: KnowledgeBase?, clusters: WordClusters?) {
        self.model = model
        self.extractor = NERFeatureExtractor(segmenter: segmenter, gazetteer: knowledge.map(NERGazetteer.init), clusters: clusters)
    }

    public static func bundled(segmenter: CliticSegmenter, knowledge: KnowledgeBase?) throws -> NERTagger {
        NERTagger(model: try .bundled(), segmenter: segmenter, knowledge: knowledge, clusters: try? WordClusters.bundled())
    }

    /// Tags tokens given as strings (CoNLL input); each is tokenized and segmented first.
    public func tag(_ tokens: [String]) -> [BIOTag] {
        decode(scores(extractor.views(tokens), model.table, model.emissions)).map { BIOTag.all[$0] }
    }

    /// Tags a sentence of a text whose tokens are already segmented.
    public func tag(_ text: ScalarText, _ tokens: ArraySlice<SegmentedToken>) -> [BIOTag] {
        decode(scores(extractor.views(text, tokens), model.table, model.emissions)).map { BIOTag.all[$0] }
    }

    /// Emission scores, tokens × tags.
    func scores(_ views: [NERToken], _ table: FeatureTable, _ emissions: [Float]) -> [[Float]] {
        let n = NERModel.tagCount
        var features: [UInt64] = []
        features.reserveCapacity(48)
        return views.indices.map { i in
            extractor.features(views, i, into: &features)
            var score = [Float](repeating: 0, count: n)
            emissions.withUnsafeBufferPointer { weights in
                for feature in features {
                    guard let row = table.row(feature) else { continue }
                    let base = row * n
                    for t in 0..<n { score[t] += weights[base + t] }
                }
            }
            return score
        }
    }

    /// The best tag sequence under the transition weights and the BIO constraint.
    func decode(_ scores: [[Float]], transitions: [Float]? = nil) -> [Int] {
        let transitions = transitions ?? model.transitions
        let n = NERModel.tagCount
        guard !scores.isEmpty else { return [] }
        let tags = BIOTag.all
        var best = [[Float]](repeating: [Float](repeating: -.infinity, count: n), count: scores.count)
        var back = [[Int]](repeating: [Int](repeating: 0, count: n), count: scores.count)
        for t in 0..<n where tags[t].canFollow(nil) {
            best[0][t] = scores[0][t] + transitions[n * n + t]
        }
        for i in 1..<scores.count {
            for t in 0..<n {
                var bestScore = -Float.infinity, bestFrom = 0
                for from in 0..<n where best[i - 1][from] > -.infinity && tags[t].canFollow(tags[from]) {
                    let s = best[i - 1][from] + transitions[from * n + t]
                    if s > bestScore { bestScore = s; bestFrom = from }
                }
                best[i][t] = bestScore + scores[i][t]
                back[i][t] = bestFrom
            }
        }
        var path = [Int](repeating: 0, count: scores.count)
        path[scores.count - 1] = (0..<n).max { best[scores.count - 1][$0] < best[scores.count - 1][$1] }!
        for i in stride(from: scores.count - 1, to: 0, by: -1) { path[i - 1] = back[i][path[i]] }
        return path
    }
}
