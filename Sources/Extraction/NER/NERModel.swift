import ArabicText
import Foundation

/// The weights of the NER tagger: per feature, one weight per BIO tag, and tag-to-tag
/// transition weights (with a start row), as learned by `NERTrainer`.
public struct NERModel: Sendable {
    static let tagCount = BIOTag.all.count

    let rows: [UInt64: Int]
    let table: FeatureTable       // the same map, for fast lookup
    let emissions: [Float]        // rows.count × tagCount
    let transitions: [Float]      // (tagCount + 1) × tagCount; the last row is the sentence start

    public var featureCount: Int { rows.count }

    init(rows: [UInt64: Int], emissions: [Float], transitions: [Float]) {
        self.rows = rows
        self.table = FeatureTable(rows)
        self.emissions = emissions
        self.transitions = transitions
    }

    /// Reads the model table: `feature` (hex hash, or `start`/a tag name for transitions) and
    /// the weights of the tags in `BIOTag.all` order, space separated.
    public init(tsv: String) throws {
        var rows: [UInt64: Int] = [:]
        var emissions: [Float] = []
        var transitions = [Float](repeating: 0, count: (Self.tagCount + 1) * Self.tagCount)
        let tagNames = BIOTag.all.map(\.description)
        for row in TSV.rows(tsv) where row.count == 2 {
            let weights = row[1].split(separator: " ").compactMap { Float($0) }
            guard weights.count == Self.tagCount else {
                throw ResourceError(name: "ner/weights.tsv", reason: "row \(row[0]) has \(weights.count) weights")
            }
            if row[0] == "start" || tagNames.contains(String(row[0])) {
                let from = row[0] == "start" ? Self.tagCount : tagNames.firstIndex(of: String(row[0]))!
                transitions.replaceSubrange(from * Self.tagCount..<(from + 1) * Self.tagCount, with: weights)
            } else if let feature = UInt64(row[0], radix: 16) {
                rows[feature] = rows.count
                emissions += weights
            }
        }
        self.init(rows: rows, emissions: emissions, transitions: transitions)
    }

    public static func bundled() throws -> NERModel {
        guard let url = Bundle.module.url(forResource: "weights", withExtension: "tsv", subdirectory: "Resources/ner")
                ?? Bundle.module.url(forResource: "weights", withExtension: "tsv", subdirectory: "ner") else {
            throw ResourceError(name: "ner/weights.tsv", reason: "not in the Extraction bundle")
        }
        return try NERModel(tsv: String(contentsOf: url, encoding: .utf8))
    }

    /// The model as a TSV table.
    public func tsv() -> String {
        var out = "# source: trained by `marsad train ner` on ANERcorp (CC BY-SA 4.0); hashed features, weights per tag\nfeature\tweights (\(BIOTag.all.map(\.description).joined(separator: " ")))\n"
        func line(_ weights: ArraySlice<Float>) -> String { weights.map { String(format: "%.3g", $0) }.joined(separator: " ") }
        out += "start\t\(line(transitions[(Self.tagCount * Self.tagCount)...]))\n"
        for (from, tag) in BIOTag.all.enumerated() {
            out += "\(tag)\t\(line(transitions[(from * Self.tagCount)..<((from + 1) * Self.tagCount)]))\n"
        }
        for (feature, row) in rows.sorted(by: { $0.value < $1.value }) {
            out += "\(String(feature, radix: 16))\t\(line(emissions[(row * Self.tagCount)..<((row + 1) * Self.tagCount)]))\n"
        }
        return out
    }
}
