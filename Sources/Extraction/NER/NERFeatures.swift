import ArabicText

/// What the tagger knows of one token, computed once per sentence.
struct NERToken {
    var key: String          // matching form (letter code for Arabic, lower-cased otherwise)
    var stem: String         // the stem without clitics and article (Arabic), else the key
    var proclitics: UInt8    // bits: و ف ب ل ك س, then the article
    var shape: UInt8         // 0 Arabic, 1 Latin, 2 number, 3 punctuation, 4 other
    var length: UInt8        // letters of the stem, capped
    var frequency: UInt8     // log2 bin of the stem's count in the news corpus

    static let boundary = NERToken(key: "<s>", stem: "<s>", proclitics: 0, shape: 5, length: 0, frequency: 0)
}

/// Turns tokens into hashed features for the NER tagger.
///
/// Features are 64-bit FNV-1a hashes of a template number and its value, so the model needs no
/// string table and looking a feature up is one integer dictionary probe.
struct NERFeatureExtractor: Sendable {
    let segmenter: CliticSegmenter

    func view(_ token: String) -> NERToken {
        let text = ScalarText(token)
        let tokens = Tokenizer().tokenize(text)
        guard tokens.count == 1, tokens[0].kind == .arabic else {
            let shape: UInt8
            switch tokens.first?.kind {
            case .latin?: shape = 1
            case .number?: shape = 2
            case .punctuation?, .quote?: shape = 3
            default: shape = 4
            }
            let key = token.lowercased()
            return NERToken(key: key, stem: key, proclitics: 0, shape: shape, length: UInt8(min(token.unicodeScalars.count, 12)), frequency: 0)
        }
        let segmented = segmenter.segment(text, token: tokens[0])
        var mask: UInt8 = 0
        for segment in segmented.segments where segment.role == .proclitic {
            switch segment.form {
            case "و": mask |= 1
            case "ف": mask |= 2
            case "ب": mask |= 4
            case "ل": mask |= 8
            case "ك": mask |= 16
            case "س": mask |= 32
            default: break
            }
        }
        let stemForm = segmented.stem ?? text.string
        let bare = segmented.stemWithoutArticle ?? stemForm
        if bare != stemForm { mask |= 64 }
        let stemKey = LetterKey(bare, folded: true)
        let count = segmenter.model.wordCounts[stemKey]?.count ?? 0
        return NERToken(key: LetterKey(text.scalars, folded: true).code, stem: stemKey.code, proclitics: mask, shape: 0,
                        length: UInt8(min(bare.unicodeScalars.count, 12)), frequency: UInt8(count == 0 ? 0 : min(20, 1 + (Int.bitWidth - 1 - count.leadingZeroBitCount))))
    }

    /// The feature hashes of token `i` of a sentence.
    func features(_ tokens: [NERToken], _ i: Int, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        func at(_ k: Int) -> NERToken { tokens.indices.contains(k) ? tokens[k] : .boundary }
        let t = at(i), p1 = at(i - 1), n1 = at(i + 1), p2 = at(i - 2), n2 = at(i + 2)
        out.append(hash(0, ""))
        out.append(hash(1, t.key))
        out.append(hash(2, t.stem))
        out.append(hash(3, p1.key))
        out.append(hash(4, n1.key))
        out.append(hash(5, p2.key))
        out.append(hash(6, n2.key))
        out.append(hash(7, p1.stem))
        out.append(hash(8, n1.stem))
        let stem = Array(t.stem.utf8)
        for (template, length) in [(9, 2), (10, 3)] where stem.count >= length {
            out.append(hash(UInt8(template), bytes: stem[0..<length]))
        }
        for (template, length) in [(11, 2), (12, 3), (13, 1)] where stem.count >= length {
            out.append(hash(UInt8(template), bytes: stem[(stem.count - length)...]))
        }
        out.append(hash(14, bytes: [t.proclitics]))
        out.append(hash(15, bytes: [t.shape, t.length]))
        out.append(hash(16, bytes: [p1.shape, t.shape, n1.shape]))
        out.append(hash(17, p1.stem + " " + t.stem))
        out.append(hash(18, t.stem + " " + n1.stem))
        out.append(hash(19, bytes: [t.frequency]))
        out.append(hash(20, bytes: [t.frequency, t.proclitics & 64]))
        out.append(hash(21, bytes: [p1.frequency, t.frequency, n1.frequency]))
    }

    @inline(__always)
    private func hash(_ template: UInt8, _ value: String) -> UInt64 {
        hash(template, bytes: value.utf8)
    }

    @inline(__always)
    private func hash(_ template: UInt8, bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        h = (h ^ UInt64(template)) &* 0x100000001b3
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return h
    }
}
