/// Precision, recall and F1 of one metric, with the counts behind them.
public struct PRF: Hashable, Sendable, Codable {
    public var gold: Int
    public var system: Int
    public var correct: Int

    public init(gold: Int = 0, system: Int = 0, correct: Int = 0) {
        self.gold = gold
        self.system = system
        self.correct = correct
    }

    public var precision: Double { system == 0 ? 0 : Double(correct) / Double(system) }
    public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
    public var f1: Double { gold + system == 0 ? 0 : 2 * Double(correct) / Double(gold + system) }
}

/// Why two segmentations of a text cannot be compared.
public struct AlignmentError: Error, CustomStringConvertible, Sendable {
    public let offset: Int
    public var description: String {
        "the gold and system texts differ at non-space character \(offset); both must tokenize the same text"
    }
}

/// Scores a segmentation against gold the way the CoNLL 2018 shared task's evaluation does.
///
/// Both sides are reduced to their characters without white space. Tokens match when their
/// character ranges are equal. Words outside multi-word tokens match by range; inside a
/// "multi-word span" (the smallest stretch of text that covers whole multi-word tokens of
/// both sides) they are aligned by the longest common subsequence of their forms.
public enum SegmentationScorer {
    struct Word {
        var start: Int
        var end: Int
        var form: String
        var isMultiword: Bool
    }

    struct Side {
        var characters: [Unicode.Scalar] = []
        var tokens: [(Int, Int)] = []
        var words: [Word] = []

        init(_ sentences: [[CoNLLUSentence.Token]]) {
            for sentence in sentences {
                for token in sentence {
                    let chars = token.form.unicodeScalars.filter { !($0.properties.generalCategory == .spaceSeparator) }
                    let start = characters.count
                    characters.append(contentsOf: chars)
                    tokens.append((start, characters.count))
                    for word in token.words {
                        words.append(Word(start: start, end: characters.count, form: word.lowercased(), isMultiword: token.isMultiword))
                    }
                }
            }
        }
    }

    public struct Result: Sendable, Codable {
        public var tokens: PRF
        public var words: PRF
    }

    public static func score(gold: [[CoNLLUSentence.Token]], system: [[CoNLLUSentence.Token]]) throws(AlignmentError) -> Result {
        let g = Side(gold)
        let s = Side(system)
        if g.characters != s.characters {
            let offset = zip(g.characters, s.characters).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(g.characters.count, s.characters.count)
            throw AlignmentError(offset: offset)
        }
        return Result(tokens: spans(g.tokens, s.tokens), words: PRF(gold: g.words.count, system: s.words.count, correct: alignedWords(g.words, s.words)))
    }

    static func spans(_ gold: [(Int, Int)], _ system: [(Int, Int)]) -> PRF {
        var correct = 0, gi = 0, si = 0
        while gi < gold.count && si < system.count {
            if system[si].0 < gold[gi].0 {
                si += 1
            } else if gold[gi].0 < system[si].0 {
                gi += 1
            } else {
                if gold[gi].1 == system[si].1 { correct += 1 }
                gi += 1
                si += 1
            }
        }
        return PRF(gold: gold.count, system: system.count, correct: correct)
    }

    static func alignedWords(_ gold: [Word], _ system: [Word]) -> Int {
        var aligned = 0, gi = 0, si = 0
        while gi < gold.count && si < system.count {
            if gold[gi].isMultiword || system[si].isMultiword {
                let (gs, ss, ge, se) = multiwordSpan(gold, system, gi, si)
                gi = ge
                si = se
                guard ge > gs && se > ss else { continue }
                let lcs = longestCommonSubsequence(gold, system, gs..<ge, ss..<se)
                var g = 0, s = 0
                while g < ge - gs && s < se - ss {
                    if gold[gs + g].form == system[ss + s].form {
                        aligned += 1
                        g += 1
                        s += 1
                    } else if lcs[g][s] == (g + 1 < ge - gs ? lcs[g + 1][s] : 0) {
                        g += 1
                    } else {
                        s += 1
                    }
                }
            } else if gold[gi].start == system[si].start && gold[gi].end == system[si].end {
                aligned += 1
                gi += 1
                si += 1
            } else if gold[gi].start <= system[si].start {
                gi += 1
            } else {
                si += 1
            }
        }
        return aligned
    }

    private static func multiwordSpan(_ gold: [Word], _ system: [Word], _ gi: Int, _ si: Int) -> (Int, Int, Int, Int) {
        var gi = gi, si = si
        var end: Int
        if gold[gi].isMultiword {
            end = gold[gi].end
            if !system[si].isMultiword && system[si].start < gold[gi].start { si += 1 }
        } else {
            end = system[si].end
            if !gold[gi].isMultiword && gold[gi].start < system[si].start { gi += 1 }
        }
        let gs = gi, ss = si
        func beyond(_ words: [Word], _ i: Int) -> Bool {
            guard i < words.count else { return true }
            return words[i].isMultiword ? words[i].start >= end : words[i].end > end
        }
        while !beyond(gold, gi) || !beyond(system, si) {
            if gi < gold.count && (si >= system.count || gold[gi].start <= system[si].start) {
                if gold[gi].isMultiword && gold[gi].end > end { end = gold[gi].end }
                gi += 1
            } else {
                if system[si].isMultiword && system[si].end > end { end = system[si].end }
                si += 1
            }
        }
        return (gs, ss, gi, si)
    }

    private static func longestCommonSubsequence(_ gold: [Word], _ system: [Word], _ g: Range<Int>, _ s: Range<Int>) -> [[Int]] {
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: s.count), count: g.count)
        for i in (0..<g.count).reversed() {
            for j in (0..<s.count).reversed() {
                if gold[g.lowerBound + i].form == system[s.lowerBound + j].form {
                    lcs[i][j] = 1 + (i + 1 < g.count && j + 1 < s.count ? lcs[i + 1][j + 1] : 0)
                }
                lcs[i][j] = max(lcs[i][j], i + 1 < g.count ? lcs[i + 1][j] : 0)
                lcs[i][j] = max(lcs[i][j], j + 1 < s.count ? lcs[i][j + 1] : 0)
            }
        }
        return lcs
    }
}
