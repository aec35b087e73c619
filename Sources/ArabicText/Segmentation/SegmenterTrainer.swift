/// Learns a `SegmentationModel` from a raw news corpus and a segmented treebank.
///
/// 1. Word statistics: every Arabic token of the corpus is counted under its matching form,
///    and its most frequent spelling is kept (this is what tells وزير from و + زير).
/// 2. Weights: an averaged perceptron picks, for each treebank token, the gold split among the
///    candidates `CliticSegmenter` generates, over the features of `SegmentationFeatures`.
/// 3. Memory: treebank tokens the weights still get wrong keep their gold segmentation.
public struct SegmenterTrainer {
    public var minimumCount = 2
    public var epochs = 8
    private let normalizer = SegmentationModel.normalizer

    public init() {}

    /// Counts words of corpus texts; call once per text, then `wordStatistics()`.
    public struct WordCounter {
        private var spellings: [String: [String: Int]] = [:]
        private let normalizer = SegmentationModel.normalizer

        public init() {}

        public mutating func add(_ string: String) {
            let text = ScalarText(string)
            for token in Tokenizer().tokenize(text) where token.kind == .arabic {
                let letters = CliticSegmenter.Letters(text, token.span)
                let written = letters.string(0..<letters.count)
                spellings[normalizer.key(written), default: [:]][written, default: 0] += 1
            }
        }

        public func statistics(minimumCount: Int) -> [String: SegmentationModel.WordStatistics] {
            var out: [String: SegmentationModel.WordStatistics] = [:]
            for (key, forms) in spellings {
                let total = forms.values.reduce(0, +)
                guard total >= minimumCount else { continue }
                let best = forms.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
                out[key] = .init(count: total, spelling: best == key ? nil : best)
            }
            return out
        }
    }

    /// A treebank token usable for training: one Arabic token and its gold word forms.
    struct Example {
        var letters: CliticSegmenter.Letters
        var gold: [String]
    }

    public struct Report: Sendable {
        public var examples: Int
        public var unreachable: Int
        public var trainingErrors: Int
        public var memorized: Int
    }

    public func train(treebank: [CoNLLUSentence], wordCounts: [String: SegmentationModel.WordStatistics],
                      cliticInitialStems: Set<String>, exceptions: [String: [String]]) -> (SegmentationModel, Report) {
        var examples: [Example] = []
        for sentence in treebank {
            for token in sentence.tokens {
                let text = ScalarText(token.form)
                let tokens = Tokenizer().tokenize(text)
                guard tokens.count == 1, tokens[0].kind == .arabic, tokens[0].span == text.fullSpan else { continue }
                examples.append(Example(letters: .init(text, text.fullSpan), gold: token.words))
            }
        }
        var model = SegmentationModel(wordCounts: wordCounts, memorized: [:], cliticInitialStems: cliticInitialStems,
                                      weights: [Double](repeating: 0, count: SegmentationFeatures.dimension))
        // Candidates and features do not depend on the weights: compute them once.
        let segmenter = CliticSegmenter(model: model)
        var prepared: [(candidates: [CliticSegmenter.Candidate], gold: Int)] = []
        var unreachable = 0
        for example in examples {
            let candidates = segmenter.analyses(example.letters)
            let goldKey = example.gold.map { normalizer.key($0) }
            if let gold = candidates.firstIndex(where: { $0.segments(example.letters).map { normalizer.key($0.form) } == goldKey }) {
                prepared.append((candidates, gold))
            } else {
                unreachable += 1
            }
        }
        var weights = [Double](repeating: 0, count: SegmentationFeatures.dimension)
        var sum = weights
        var steps = 0.0
        for _ in 0..<epochs {
            for (candidates, gold) in prepared {
                steps += 1
                let predicted = argmax(candidates, weights)
                guard predicted != gold else { continue }
                for f in candidates[gold].features { weights[f] += 1; sum[f] += steps }
                for f in candidates[predicted].features { weights[f] -= 1; sum[f] -= steps }
            }
        }
        // Averaged perceptron: w_avg = w - (Σ step·update) / T.
        model.weights = zip(weights, sum).map { w, s in steps > 0 ? ((w - s / (steps + 1)) * 1000).rounded() / 1000 : w }
        let trained = CliticSegmenter(model: model)
        var votes: [String: [[String]: Int]] = [:]
        for example in examples {
            votes[normalizer.key(example.letters.string(0..<example.letters.count)), default: [:]][example.gold, default: 0] += 1
        }
        var memorized = exceptions
        var errors = 0
        for example in examples {
            let key = normalizer.key(example.letters.string(0..<example.letters.count))
            guard memorized[key] == nil, let majority = votes[key]?.max(by: { $0.value < $1.value })?.key else { continue }
            let predicted = trained.analyses(example.letters).max { $0.score < $1.score }!.segments(example.letters).map(\.form)
            if predicted.map({ normalizer.key($0) }) != majority.map({ normalizer.key($0) }) || predicted != majority {
                errors += 1
                memorized[key] = majority
            }
        }
        model.memorized = memorized
        return (model, Report(examples: examples.count, unreachable: unreachable, trainingErrors: errors, memorized: memorized.count - exceptions.count))
    }

    private func argmax(_ candidates: [CliticSegmenter.Candidate], _ weights: [Double]) -> Int {
        var best = 0
        var bestScore = -Double.infinity
        for (i, c) in candidates.enumerated() {
            let score = c.features.reduce(0) { $0 + weights[$1] }
            if score > bestScore { bestScore = score; best = i }
        }
        return best
    }
}

extension SegmentationModel {
    /// The word statistics as a TSV table (`word`, `count`, `spelling` when it differs).
    public static func wordCountsTSV(_ counts: [String: WordStatistics]) -> String {
        var out = "# source: counted by `marsad train segment` over the SaudiNewsNet corpus (CC BY-NC-SA 4.0); words and counts only\nword\tcount\tspelling\n"
        for (key, stats) in counts.sorted(by: { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }) {
            out += "\(key)\t\(stats.count)\t\(stats.spelling ?? "")\n"
        }
        return out
    }

    /// The memorized segmentations as a TSV table (`token`, `words` separated by spaces).
    public func memorizedTSV(excluding exceptions: [String: [String]]) -> String {
        var out = "# source: learned by `marsad train segment` from UD Arabic PADT (CC BY-NC-SA 3.0): words the weights get wrong\ntoken\twords\n"
        for (key, forms) in memorized.sorted(by: { $0.key < $1.key }) where exceptions[key] == nil {
            out += "\(key)\t\(forms.joined(separator: " "))\n"
        }
        return out
    }
}
