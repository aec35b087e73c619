import ArabicText
import Foundation

/// Distributional word classes learned from raw news text: words that occur between the same
/// neighbours fall in the same class, so a name the NER training data never saw still looks like
/// the names around it. Each class is a two-level path, `coarse.fine`.
public struct WordClusters: Sendable {
    public private(set) var classes: [LetterKey: (coarse: UInt16, fine: UInt16)]

    public init(classes: [LetterKey: (coarse: UInt16, fine: UInt16)]) {
        self.classes = classes
    }

    public subscript(_ word: LetterKey) -> (coarse: UInt16, fine: UInt16)? { classes[word] }

    /// Reads `word<TAB>coarse.fine` rows.
    public init(tsv: String) {
        var classes: [LetterKey: (UInt16, UInt16)] = [:]
        for row in TSV.rows(tsv) where row.count >= 2 {
            let parts = row[1].split(separator: ".")
            guard parts.count == 2, let coarse = UInt16(parts[0]), let fine = UInt16(parts[1]) else { continue }
            classes[LetterKey(row[0], folded: true)] = (coarse, fine)
        }
        self.init(classes: classes)
    }

    /// The classes bundled with the NER model (`ner/clusters.tsv`).
    public static func bundled() throws -> WordClusters {
        guard let url = Bundle.module.url(forResource: "clusters", withExtension: "tsv", subdirectory: "Resources/ner") else {
            throw ResourceError(name: "ner/clusters.tsv", reason: "not in the Extraction bundle")
        }
        return WordClusters(tsv: try String(contentsOf: url, encoding: .utf8))
    }

    public func tsv() -> String {
        var out = "# source: learned by `marsad train clusters` from the SaudiNewsNet corpus (CC BY-NC-SA 4.0); words and class numbers only\nword\tclass\n"
        for (word, c) in classes.sorted(by: { ($0.value.coarse, $0.value.fine, $0.key.code) < ($1.value.coarse, $1.value.fine, $1.key.code) }) {
            out += "\(word.text)\t\(c.coarse).\(c.fine)\n"
        }
        return out
    }
}

/// Learns `WordClusters` by spherical k-means over left and right neighbour counts (PPMI weighted).
public struct WordClusterer {
    public var minimumCount = 5
    public var contextWords = 1000
    public var coarseClasses = 64
    public var fineClasses = 8
    public var iterations = 12

    public init() {}

    /// Clusters the words of `sentences` (each a list of keys of bare stems).
    public func cluster(_ sentences: [[LetterKey]]) -> WordClusters {
        var frequency: [LetterKey: Int] = [:]
        for sentence in sentences { for word in sentence { frequency[word, default: 0] += 1 } }
        let vocabulary = frequency.filter { $0.value >= minimumCount }.keys.sorted { $0.code < $1.code }
        var wordIndex: [LetterKey: Int] = [:]
        for (i, word) in vocabulary.enumerated() { wordIndex[word] = i }
        let contexts = frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.code < $1.key.code }.prefix(contextWords).map(\.key)
        var contextIndex: [LetterKey: Int] = [:]
        for (i, c) in contexts.enumerated() { contextIndex[c] = i }
        let dimension = 2 * contexts.count
        // Left neighbours in even dimensions, right neighbours in odd ones.
        var counts = [[Int: Int]](repeating: [:], count: vocabulary.count)
        for sentence in sentences {
            for (i, word) in sentence.enumerated() {
                guard let w = wordIndex[word] else { continue }
                if i > 0, let c = contextIndex[sentence[i - 1]] { counts[w][2 * c, default: 0] += 1 }
                if i + 1 < sentence.count, let c = contextIndex[sentence[i + 1]] { counts[w][2 * c + 1, default: 0] += 1 }
            }
        }
        var contextTotals = [Double](repeating: 0, count: dimension)
        var total = 0.0
        for row in counts { for (d, count) in row { contextTotals[d] += Double(count); total += Double(count) } }
        // Sparse PPMI vectors, L2-normalized.
        let vectors: [[(Int, Float)]] = counts.map { row in
            let wordTotal = Double(row.values.reduce(0, +))
            var vector: [(Int, Float)] = []
            for (d, count) in row where contextTotals[d] > 0 && wordTotal > 0 {
                let pmi = Foundation.log((Double(count) * total) / (wordTotal * contextTotals[d]))
                if pmi > 0 { vector.append((d, Float(pmi))) }
            }
            let norm = vector.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
            return norm > 0 ? vector.map { ($0.0, $0.1 / norm) } : []
        }
        var generator = SeededGenerator(seed: 11)
        let coarse = kMeans(vectors, Array(vectors.indices), k: coarseClasses, dimension: dimension, generator: &generator)
        var classes: [LetterKey: (coarse: UInt16, fine: UInt16)] = [:]
        for c in 0..<coarseClasses {
            let members = vectors.indices.filter { coarse[$0] == c }
            let fine = kMeans(vectors, members, k: min(fineClasses, max(1, members.count)), dimension: dimension, generator: &generator)
            for (n, member) in members.enumerated() { classes[vocabulary[member]] = (UInt16(c), UInt16(fine[n])) }
        }
        return WordClusters(classes: classes)
    }

    /// Spherical k-means over the vectors `members`; returns each member's cluster (by member
    /// order when `members` is a subset, by vector index when it is all of them).
    private func kMeans(_ vectors: [[(Int, Float)]], _ members: [Int], k: Int, dimension: Int, generator: inout SeededGenerator) -> [Int] {
        guard k > 1, members.count > k else { return members.indices.map { $0 % max(1, k) } }
        var centroids = (0..<k).map { _ -> [Float] in
            var centroid = [Float](repeating: 0, count: dimension)
            for (d, v) in vectors[members[Int(generator.next() % UInt64(members.count))]] { centroid[d] = v }
            return centroid
        }
        var assignment = [Int](repeating: 0, count: members.count)
        for _ in 0..<iterations {
            for (n, member) in members.enumerated() {
                var best = 0, bestScore = -Float.infinity
                for c in 0..<k {
                    var score: Float = 0
                    for (d, v) in vectors[member] { score += centroids[c][d] * v }
                    if score > bestScore { bestScore = score; best = c }
                }
                assignment[n] = best
            }
            for c in 0..<k { centroids[c] = [Float](repeating: 0, count: dimension) }
            for (n, member) in members.enumerated() { for (d, v) in vectors[member] { centroids[assignment[n]][d] += v } }
            for c in 0..<k {
                let norm = centroids[c].reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
                if norm > 0 { centroids[c] = centroids[c].map { $0 / norm } }
            }
        }
        return assignment
    }
}
