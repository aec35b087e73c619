/// A word's letters as a short ASCII code, the key of the segmenter's tables.
///
/// Swift hashes and compares non-ASCII strings through Unicode normalization, which made
/// dictionary lookups the segmenter's main cost. Each Arabic letter becomes one ASCII byte, so a
/// key of up to 15 letters is a small string stored inline, hashed and compared as plain bytes.
/// Marks and tatweel are skipped. With `folded`, alef with hamza or madda and wasla become bare
/// alef and alef maqsura becomes yeh, as in `ArabicNormalizer`'s matching form.
///
/// The key's FNV-1a hash is computed with the code, in the same pass: dictionaries then hash
/// one integer instead of the string's bytes, and two keys with different hashes compare unequal
/// without looking at their letters. Tries and tables of the knowledge base look keys up many
/// times per token.
public struct LetterKey: Hashable, Sendable, CustomStringConvertible {
    public let code: String
    /// FNV-1a over the code's bytes.
    public let hashCode: UInt64

    public init(_ scalars: some Collection<Unicode.Scalar>, folded: Bool) {
        let table = folded ? Self.foldedTable : Self.exactTable
        var hash = Self.fnvBasis
        // Written in place: keys of up to 15 letters never touch the heap.
        code = String(unsafeUninitializedCapacity: scalars.count) { buffer in
            var n = 0
            for scalar in scalars {
                let v = scalar.value
                var byte: UInt8 = 0
                if (0x0600...0x06FF).contains(v) {
                    byte = table[Int(v - 0x0600)]
                } else if !(ScalarClass.isTatweel(v) || ScalarClass.isInvisibleFormat(v)) {
                    byte = 0x7E  // another script's letter: rare inside Arabic words
                }
                if byte != 0 {
                    buffer[n] = byte
                    n += 1
                    hash = (hash ^ UInt64(byte)) &* Self.fnvPrime
                }
            }
            return n
        }
        hashCode = hash
    }

    public init(_ string: some StringProtocol, folded: Bool) {
        self.init(string.unicodeScalars, folded: folded)
    }

    private init(code: String) {
        self.code = code
        hashCode = code.utf8.reduce(Self.fnvBasis) { ($0 ^ UInt64($1)) &* Self.fnvPrime }
    }

    private static let fnvBasis: UInt64 = 0xcbf29ce484222325
    private static let fnvPrime: UInt64 = 0x100000001b3

    @inlinable
    public static func == (a: LetterKey, b: LetterKey) -> Bool {
        a.hashCode == b.hashCode && a.code == b.code
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(hashCode)
    }

    /// The key without a leading article ال, when at least three letters remain (القاهرة → قاهرة,
    /// but الله stays whole): the form names and lexicon words are matched in.
    public var withoutArticle: LetterKey {
        let bytes = code.utf8
        guard bytes.count > 4, bytes.first == Self.alef, bytes.dropFirst().first == Self.lam else { return self }
        return LetterKey(code: String(code.dropFirst(2)))
    }

    private static let alef = exactTable[0x27]
    private static let lam = exactTable[0x44]

    public var description: String { text }

    /// The letters back in Arabic script (bare alef and yeh where the key is folded).
    public var text: String {
        var view = String.UnicodeScalarView()
        for byte in code.utf8 {
            let index = Int(byte) - 0x21
            view.append(Self.letters.indices.contains(index) ? Unicode.Scalar(Self.letters[index])! : "\u{FFFD}")
        }
        return String(view)
    }

    /// Arabic letters in code point order, each given the next printable ASCII byte.
    private static let letters: [UInt32] = Array(0x0621...0x063A) + Array(0x0641...0x064A)
        + [0x0671, 0x067E, 0x0686, 0x0698, 0x06A4, 0x06A9, 0x06AF, 0x06CC, 0x06D5, 0x06C1, 0x06BE, 0x06D2]

    private static let exactTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 0x21
        for letter in letters {
            table[Int(letter - 0x0600)] = next
            next += 1
        }
        return table
    }()

    private static let foldedTable: [UInt8] = {
        var table = exactTable
        let alef = table[0x27]
        for variant in [0x22, 0x23, 0x25, 0x71] { table[variant] = alef }
        table[0x49] = table[0x4A]  // ى → ي
        return table
    }()
}
