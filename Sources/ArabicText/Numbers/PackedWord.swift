/// An Arabic word of up to ten letters, in matching form, packed six bits a letter into 64 bits.
///
/// Number recognition looks every Arabic token of a text up, up to four times with different
/// proclitics stripped; hashing an integer instead of building and hashing a `String` keeps that
/// as cheap as tokenizing. Every number word and qualifier word fits in ten letters.
struct PackedWord: Hashable, Sendable {
    let bits: UInt64

    static let maxLetters = 10
}

/// The letters of one word in matching form (`NumberLexicon.normalizer`), read once and reused.
///
/// Letter codes are the scalar value minus 0x620 for the basic Arabic block (hamza 0x621 to yeh
/// 0x64A), so they are never zero and words of different lengths never pack alike.
struct FoldedLetters {
    private(set) var codes: [UInt8] = []
    /// Bit i set: letter i was written as an alef with hamza or madda (أ إ آ), before folding.
    private(set) var hamzaMask: UInt32 = 0
    /// The word carries tanwin fath (ألفًا), the mark of the accusative singular.
    private(set) var hasTanwinFath = false
    /// False when the word has a letter outside the basic block or is too long to be in the vocabulary.
    private(set) var isMatchable = true

    /// Longest token read: a vocabulary word plus up to three proclitic letters.
    static let maxTokenLetters = PackedWord.maxLetters + 3

    init() {
        codes.reserveCapacity(Self.maxTokenLetters)
    }

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        self.init()
        read(scalars)
    }

    var count: Int { codes.count }

    /// Reads a word, replacing what was read before.
    mutating func read(_ scalars: some Sequence<Unicode.Scalar>) {
        codes.removeAll(keepingCapacity: true)
        hamzaMask = 0
        hasTanwinFath = false
        isMatchable = true
        let normalizer = NumberLexicon.normalizer
        for scalar in scalars {
            if scalar.value == 0x064B { hasTanwinFath = true }
            guard let folded = normalizer.fold(scalar) else { continue }
            let v = folded.value
            guard v >= 0x0621, v <= 0x064A, codes.count < Self.maxTokenLetters else {
                isMatchable = false
                return
            }
            if scalar.value == 0x0623 || scalar.value == 0x0625 || scalar.value == 0x0622 {
                hamzaMask |= 1 << UInt32(codes.count)
            }
            codes.append(UInt8(v - 0x0620))
        }
    }

    /// The letters from `start` to the end, packed, when they are a possible vocabulary word.
    func packed(from start: Int = 0) -> PackedWord? {
        let length = codes.count - start
        guard isMatchable, length > 0, length <= PackedWord.maxLetters else { return nil }
        var bits: UInt64 = 0
        for i in 0..<length {
            bits |= UInt64(codes[start + i]) << UInt64(6 * i)
        }
        return PackedWord(bits: bits)
    }

    /// The letter at `index` as a scalar of the matching form.
    func letter(_ index: Int) -> Unicode.Scalar {
        Unicode.Scalar(UInt32(codes[index]) + 0x0620)!
    }
}
