/// The feature layout of the segmentation model: small templates over a candidate split,
/// each a block of a flat weight vector, so scoring a candidate is a dozen array reads.
///
/// Counts are binned on a log2 scale (`bin`): what matters is whether a stem is an ordinary
/// word of the language, and how much more ordinary it is than the unsplit token.
public enum SegmentationFeatures {
    static let procliticCount = ProcliticChain.allCases.count
    static let encliticCount = Enclitic.allCases.count
    static let bins = 22
    static let diffs = 2 * bins - 1
    static let lengths = 9
    static let firstClasses = 4
    static let lastClasses = 6

    /// Templates in order: name and the size of each dimension.
    static let templates: [(name: String, dims: [Int])] = [
        ("proclitic×enclitic", [procliticCount, encliticCount]),
        ("proclitic×stemCount", [procliticCount, bins]),
        ("enclitic×stemCount", [encliticCount, bins]),
        ("proclitic×stemOverToken", [procliticCount, diffs]),
        ("enclitic×stemOverToken", [encliticCount, diffs]),
        ("proclitic×stemHasArticle", [procliticCount, 2]),
        ("proclitic×stemLength", [procliticCount, lengths]),
        ("enclitic×stemLength", [encliticCount, lengths]),
        ("enclitic×tehMarbutaRestored×stemSeen", [encliticCount, 2, 2]),
        ("proclitic×tokenIsCliticInitialStem", [procliticCount, 2]),
        ("proclitic×stemFirstLetter", [procliticCount, firstClasses]),
        ("enclitic×stemLastLetter", [encliticCount, lastClasses]),
        ("proclitic×enclitic×tokenCount", [procliticCount, encliticCount, bins]),
        ("proclitic×stemIsCliticInitialStem", [procliticCount, 2]),
        ("proclitic×enclitic×stemUnseen×tokenUnseen", [procliticCount, encliticCount, 2, 2]),
    ]

    static let offsets: [Int] = {
        var offsets: [Int] = []
        var total = 0
        for template in templates {
            offsets.append(total)
            total += template.dims.reduce(1, *)
        }
        offsets.append(total)
        return offsets
    }()

    public static var dimension: Int { offsets.last! }

    /// The sizes of each template's dimensions, for index arithmetic without arrays.
    static let dimensions: [[Int]] = templates.map(\.dims)

    @inline(__always)
    static func index(_ template: Int, _ a: Int, _ b: Int) -> Int {
        offsets[template] + a * dimensions[template][1] + b
    }

    @inline(__always)
    static func index(_ template: Int, _ a: Int, _ b: Int, _ c: Int) -> Int {
        let d = dimensions[template]
        return offsets[template] + (a * d[1] + b) * d[2] + c
    }

    @inline(__always)
    static func index(_ template: Int, _ a: Int, _ b: Int, _ c: Int, _ e: Int) -> Int {
        let d = dimensions[template]
        return offsets[template] + ((a * d[1] + b) * d[2] + c) * d[3] + e
    }

    /// log2 bin of a count: 0 for unseen, then 1, 2–3, 4–7 …
    @inline(__always)
    static func bin(_ count: Int) -> Int {
        count <= 0 ? 0 : min(bins - 1, 1 + (Int.bitWidth - 1 - count.leadingZeroBitCount))
    }

    /// A readable name of a weight's feature, for the model file.
    public static func describe(_ index: Int) -> String {
        guard let template = offsets.lastIndex(where: { $0 <= index }), template < templates.count else { return "?" }
        var rest = index - offsets[template]
        var values: [Int] = []
        for size in templates[template].dims.reversed() {
            values.append(rest % size)
            rest /= size
        }
        return templates[template].name + "=" + values.reversed().map(String.init).joined(separator: ",")
    }
}
