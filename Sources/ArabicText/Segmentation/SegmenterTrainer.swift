/// Learns a `SegmentationModel` from a raw news corpus and a segmented treebank.
///
/// 1. Word statistics: every Arabic token of the corpus is counted under its matching form,
///    and its most frequent spelling is kept (this is what tells وزير from و + زير).
/// 2. Weights: an averaged perceptron picks, for each treebank token, the gold split among the
///    candidates `CliticSegmenter` generates, over the features of `SegmentationFeatures`.
/// 3. Memory: treebank tokens the weights still get wrong keep their gold segmentation.
public struct SegmenterTrainer {
    public var epochs = 8

    public init() {}

    /// Counts words of corpus texts; call `add` once per text, then `statistics`.
    public struct WordCounter {
        private var spellings: [LetterKey: [String: Int]] = [:]

        public init() {}

        public mutating func add(_ string: String) {
            let text = ScalarText(string)
            for token in Tokenizer().tokenize(text) where token.kind == .arabic {
                let letters = CliticSegmenter.Letters(text, token.span)
                spellings[LetterKey(letters.scalars, folded: true), default: [:]][letters.string(0..<letters.count), default: 0] += 1
            }
        }

        /// Words seen at least `minimumCount` times, with their total count and commonest spelling.
        public func statistics(minimumCount: Int) -> [LetterKey: SegmentationModel.WordStatistics] {
            var out: [LetterKey: SegmentationModel.WordStatistics] = [:]
            for (key, forms) in spellings {
                let total = forms.values.reduce(0, +)
                guard total >= minimumCount else { continue }
                let best = forms.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
                out[key] = .init(count: total, spelling: best)
            }
            return out
        }
    }

    /// A treebank token usable for training: one Arabic token and its gold word forms.
    struct Example {
        var letters: CliticSegmenter.Letters
        var gold: [String]
    }

    /// What training saw, for the command line to report.
    public struct Report: Sendable {
        public var examples: Int
        public var unreachable: Int
        public var memorized: Int
    }

    public func train(treebank: [CoNLLUSentence], wordCounts: [LetterKey: SegmentationModel.WordStatistics],
                      cliticInitialStems: StemLexicon, exceptions: [LetterKey: [String]]) -> (SegmentationModel, Report) {
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
        func matchForms(_ forms: [String]) -> [LetterKey] { forms.map { LetterKey($0, folded: true) } }
        var prepared: [(candidates: [CliticSegmenter.Candidate], gold: Int)] = []
        var unreachable = 0
        for example in examples {
            let candidates = segmenter.analyses(example.letters, keepFeatures: true)
            let goldKey = matchForms(example.gold)
            // A candidate that does not split stands for the token as written.
            func forms(_ candidate: CliticSegmenter.Candidate) -> [String] {
                let plan = segmenter.plan(candidate, example.letters)
                return plan.count == 1 ? [example.letters.string(0..<example.letters.count)] : plan.map(\.form)
            }
            if let gold = candidates.firstIndex(where: { matchForms(forms($0)) == goldKey }) {
                prepared.append((candidates, gold))
            } else {
                unreachable += 1
            }
        }
        var weights = [Double](repeating: 0, count: SegmentationFeatures.dimension)
        var updates = weights
        var step = 0.0
        for _ in 0..<epochs {
            for (candidates, gold) in prepared {
                step += 1
                let predicted = argmax(candidates, weights)
                guard predicted != gold else { continue }
                for f in candidates[gold].features { weights[f] += 1; updates[f] += step }
                for f in candidates[predicted].features { weights[f] -= 1; updates[f] -= step }
            }
        }
        // Averaged perceptron: the mean of the weights over all steps is w − Σ(step·update)/T.
        model.weights = zip(weights, updates).map { w, u in step > 0 ? ((w - u / step) * 1000).rounded() / 1000 : w }
        let trained = CliticSegmenter(model: model)
        var votes: [LetterKey: [[String]: Int]] = [:]
        for example in examples {
            votes[LetterKey(example.letters.scalars, folded: false), default: [:]][example.gold, default: 0] += 1
        }
        var memorized = exceptions
        for example in examples {
            let key = LetterKey(example.letters.scalars, folded: false)
            guard memorized[key] == nil, memorized[LetterKey(example.letters.scalars, folded: true)] == nil,
                  let majority = votes[key]?.max(by: { $0.value < $1.value })?.key else { continue }
            var predicted = trained.best(example.letters).map(\.form)
            if predicted.count == 1 { predicted = [example.letters.string(0..<example.letters.count)] }
            if predicted != majority { memorized[key] = majority }
        }
        model.memorized = memorized
        return (model, Report(examples: examples.count, unreachable: unreachable, memorized: memorized.count - exceptions.count))
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
    /// The word statistics as a TSV table (`word` in its commonest spelling, `count`).
    public static func wordCountsTSV(_ counts: [LetterKey: WordStatistics]) -> String {
        var out = "# source: counted by `marsad train segment` over the SaudiNewsNet corpus (CC BY-NC-SA 4.0); words and counts only\nword\tcount\n"
        for stats in counts.values.sorted(by: { $0.count != $1.count ? $0.count > $1.count : $0.spelling < $1.spelling }) {
            out += "\(stats.spelling)\t\(stats.count)\n"
        }
        return out
    }

    /// The memorized segmentations as a TSV table (`token` as written, `words` separated by spaces).
    public func memorizedTSV(excluding exceptions: [LetterKey: [String]]) -> String {
        var out = "# source: learned by `marsad train segment` from UD Arabic PADT (CC BY-NC-SA 3.0): words the weights get wrong\ntoken\twords\n"
        let rows = memorized.filter { exceptions[$0.key] == nil }.map { (token: $0.key, forms: $0.value) }
        for row in rows.sorted(by: { $0.token.code < $1.token.code }) {
            out += "\(row.token.text)\t\(row.forms.joined(separator: " "))\n"
        }
        return out
    }
}
