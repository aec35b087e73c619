/// The learned part of clitic segmentation, loaded from the bundled `segmenter/` tables.
///
/// - `wordCounts`: how often each word (in matching form) occurs in a 1.8-million-word news
///   corpus, and its most frequent written spelling (with hamza), used to restore spelling in
///   split words the way UD writes them (بانه → ب + أن + ه).
/// - `memorized`: segmentations seen in annotated text, for frequent and irregular words
///   (مما → من + ما), plus hand-written exceptions.
/// - `cliticInitialStems`: words that begin with و ف ب ل ك س but carry no proclitic (وزير، بيان).
/// - `weights`: a linear model over features of each candidate split (see `SegmentationFeatures`).
public struct SegmentationModel: Sendable {
    public struct WordStatistics: Sendable, Hashable {
        public var count: Int
        /// The most frequent written form of the word.
        public var spelling: String
    }

    public var wordCounts: [LetterKey: WordStatistics]
    public var memorized: [LetterKey: [String]]
    public var cliticInitialStems: StemLexicon
    public var weights: [Double]
    /// Verbs of saying, after which ان is إنّ (hand-written, `inna-contexts.tsv`).
    public var innaContexts: Set<LetterKey> = []

    public init(wordCounts: [LetterKey: WordStatistics], memorized: [LetterKey: [String]], cliticInitialStems: StemLexicon, weights: [Double]) {
        precondition(weights.count == SegmentationFeatures.dimension, "weights do not fit the feature layout")
        self.wordCounts = wordCounts
        self.memorized = memorized
        self.cliticInitialStems = cliticInitialStems
        self.weights = weights
    }

    @inline(__always)
    func count(_ key: LetterKey) -> Int { wordCounts[key]?.count ?? 0 }
}

extension SegmentationModel {
    /// The model that ships with Marsad, trained by `marsad train segment` (see README).
    public static func bundled() throws -> SegmentationModel {
        let counts = try BundledResources.text("segmenter/word-counts.tsv")
        let memorized = try BundledResources.text("segmenter/memorized.tsv")
        let exceptions = try BundledResources.text("clitic-exceptions.tsv")
        let weights = try BundledResources.text("segmenter/weights.tsv")
        var model = try SegmentationModel(wordCountsTSV: counts, memorizedTSV: [memorized, exceptions],
                                          cliticInitialStems: try .bundled(), weightsTSV: weights)
        model.innaContexts = Set(try BundledResources.rows("inna-contexts.tsv").compactMap { $0.first.map { LetterKey($0, folded: true) } })
        return model
    }

    public init(wordCountsTSV: String, memorizedTSV: [String], cliticInitialStems: StemLexicon, weightsTSV: String) throws {
        var counts: [LetterKey: WordStatistics] = [:]
        for row in TSV.rows(wordCountsTSV) where row.count >= 2 {
            guard let count = Int(row[1]) else { continue }
            counts[LetterKey(row[0], folded: true)] = WordStatistics(count: count, spelling: String(row[0]))
        }
        var memorized: [LetterKey: [String]] = [:]
        for table in memorizedTSV {
            for row in TSV.rows(table) where row.count >= 2 {
                memorized[LetterKey(row[0], folded: false)] = row[1].split(separator: " ").map(String.init)
            }
        }
        var weights = [Double](repeating: 0, count: SegmentationFeatures.dimension)
        for row in TSV.rows(weightsTSV) where row.count >= 2 {
            guard let index = Int(row[0]), let weight = Double(row[1]), weights.indices.contains(index) else {
                throw ResourceError(name: "segmenter/weights.tsv", reason: "bad row \(row.joined(separator: "\t"))")
            }
            weights[index] = weight
        }
        self.init(wordCounts: counts, memorized: memorized, cliticInitialStems: cliticInitialStems, weights: weights)
    }

    /// The weights as TSV rows (`index`, `weight`, readable feature name), non-zero ones only.
    public func weightsTSV() -> String {
        var out = "# source: trained by `marsad train segment`; features are described in SegmentationFeatures.swift\nindex\tweight\tfeature\n"
        for (index, weight) in weights.enumerated() where weight != 0 {
            out += "\(index)\t\(weight)\t\(SegmentationFeatures.describe(index))\n"
        }
        return out
    }
}
