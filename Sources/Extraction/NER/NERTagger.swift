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
        decode(scores(extractor.views(tokens))).map { BIOTag.all[$0] }
    }

    /// Tags the sentences of one document (token strings, as CoNLL input gives them); see
    /// `propagate` for what the document adds.
    public func tagDocument(_ sentences: [[String]]) -> [[BIOTag]] {
        tagDocument(views: sentences.map { extractor.views($0) })
    }

    /// Tags the sentences of one document whose tokens are already segmented.
    public func tagDocument(_ text: ScalarText, _ sentences: [ArraySlice<SegmentedToken>]) -> [[BIOTag]] {
        tagDocument(views: sentences.map { extractor.views(text, $0) })
    }

    private func tagDocument(views: [[NERToken]]) -> [[BIOTag]] {
        var tags = views.map { decode(scores($0)).map { BIOTag.all[$0] } }
        propagate(views, &tags)
        return tags
    }

    /// Gives every untagged repetition of a name tagged elsewhere in the document the same class:
    /// a name is usually recognizable in one of its mentions. Single words seen more than 64
    /// times in the news corpus are too ambiguous to spread (ANERcorp dev F1 72.0 → 74.2).
    func propagate(_ views: [[NERToken]], _ tags: inout [[BIOTag]]) {
        var names: [[UInt64]: EntityClass] = [:]
        for (s, sentence) in tags.enumerated() {
            for (cls, first, last) in EntityScorer.entities(sentence) {
                let key = views[s][first...last].map(\.stem)
                if key.count == 1 && views[s][first].frequency > 6 { continue }
                names[key] = names[key] ?? cls
            }
        }
        guard let longest = names.keys.map(\.count).max() else { return }
        let firstWords = Set(names.keys.compactMap(\.first))
        for s in tags.indices {
            var i = 0
            while i < tags[s].count {
                guard tags[s][i] == .outside, firstWords.contains(views[s][i].stem) else {
                    i += 1
                    continue
                }
                var matched = 0
                for length in stride(from: min(longest, tags[s].count - i), through: 1, by: -1) {
                    let range = i..<(i + length)
                    guard range.allSatisfy({ tags[s][$0] == .outside }),
                          let cls = names[views[s][range].map(\.stem)] else { continue }
                    tags[s][i] = .begin(cls)
                    for k in range.dropFirst() { tags[s][k] = .inside(cls) }
                    matched = length
                    break
                }
                i += max(1, matched)
            }
        }
    }

    /// Emission scores, tokens × tags, row by row.
    func scores(_ views: [NERToken]) -> [Float] {
        let n = NERModel.tagCount
        var features: [UInt64] = []
        features.reserveCapacity(48)
        var scores = [Float](repeating: 0, count: views.count * n)
        scores.withUnsafeMutableBufferPointer { scores in
            model.emissions.withUnsafeBufferPointer { weights in
                for i in views.indices {
                    extractor.features(views, i, into: &features)
                    let out = i * n
                    for feature in features {
                        guard let row = model.table.row(feature) else { continue }
                        let base = row * n
                        for t in 0..<n { scores[out + t] += weights[base + t] }
                    }
                }
            }
        }
        return scores
    }

    /// The best tag sequence for emission `scores` (tokens × tags, row by row) under the
    /// transition weights and the BIO constraint.
    func decode(_ scores: [Float], transitions: [Float]? = nil) -> [Int] {
        let transitions = transitions ?? model.transitions
        let n = NERModel.tagCount
        let count = scores.count / n
        guard count > 0 else { return [] }
        let allowed = Self.allowed
        var best = [Float](repeating: -.infinity, count: n * count)
        var back = [Int](repeating: 0, count: n * count)
        for t in 0..<n where allowed[n * n + t] {
            best[t] = scores[t] + transitions[n * n + t]
        }
        for i in 1..<count {
            let previous = (i - 1) * n, current = i * n
            for t in 0..<n {
                var bestScore = -Float.infinity, bestFrom = 0
                for from in 0..<n where allowed[from * n + t] && best[previous + from] > -.infinity {
                    let s = best[previous + from] + transitions[from * n + t]
                    if s > bestScore { bestScore = s; bestFrom = from }
                }
                best[current + t] = bestScore + scores[current + t]
                back[current + t] = bestFrom
            }
        }
        let last = (count - 1) * n
        var path = [Int](repeating: 0, count: count)
        path[count - 1] = (0..<n).max { best[last + $0] < best[last + $1] }!
        for i in stride(from: count - 1, to: 0, by: -1) { path[i - 1] = back[i * n + path[i]] }
        return path
    }

    /// Which tag may follow which (row: previous tag, the extra last row: sentence start).
    static let allowed: [Bool] = {
        let tags = BIOTag.all, n = NERModel.tagCount
        var allowed = [Bool](repeating: false, count: n * (n + 1))
        for from in 0..<n { for t in 0..<n { allowed[from * n + t] = tags[t].canFollow(tags[from]) } }
        for t in 0..<n { allowed[n * n + t] = tags[t].canFollow(nil) }
        return allowed
    }()
}
