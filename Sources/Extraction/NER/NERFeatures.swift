import ArabicText
import Knowledge

/// What the tagger knows of one token, computed once per sentence.
struct NERToken {
    var key: String          // matching form (letter code for Arabic, lower-cased otherwise)
    var stem: String         // the stem without clitics and article (Arabic), else the key
    var proclitics: UInt8    // bits: و ف ب ل ك س, then the article
    var shape: UInt8         // 0 Arabic, 1 Latin, 2 number, 3 punctuation, 4 other
    var length: UInt8        // letters of the stem, capped
    var frequency: UInt8     // log2 bin of the stem's count in the news corpus
    var match: LetterKey     // the key the knowledge base is searched with
    var coarseClass: UInt16 = 0xFFFF // distributional word class of the stem (`WordClusters`)
    var fineClass: UInt16 = 0xFFFF
    var gazetteer: UInt8 = 0         // 0, or 1 + entity type × 4 + name role of the known name covering it
    var gazetteerInside = false      // the known name started before this token
    var cues: UInt8 = 0              // bits of `Cue`

    static let boundary = NERToken(key: "<s>", stem: "<s>", proclitics: 0, shape: 5, length: 0, frequency: 0, match: LetterKey("", folded: true))
}

/// Turns tokens into hashed features for the NER tagger.
///
/// Features are 64-bit FNV-1a hashes of a template number and its value, so the model needs no
/// string table and looking a feature up is one integer dictionary probe.
struct NERFeatureExtractor: Sendable {
    let segmenter: CliticSegmenter
    let gazetteer: NERGazetteer?
    let clusters: WordClusters?

    /// The views of a sentence's tokens, with what the knowledge base knows of them.
    func views(_ tokens: [String]) -> [NERToken] {
        annotated(tokens.map { token in
            let text = ScalarText(token)
            let found = Tokenizer().tokenize(text)
            guard found.count == 1 else { return view(text, nil) }
            return view(text, segmenter.segment(text, token: found[0]))
        })
    }

    /// The views of tokens already segmented in a text.
    func views(_ text: ScalarText, _ tokens: ArraySlice<SegmentedToken>) -> [NERToken] {
        annotated(tokens.map { view(text, $0) })
    }

    private func annotated(_ views: [NERToken]) -> [NERToken] {
        var views = views
        gazetteer?.annotate(&views)
        return views
    }

    /// What the tagger sees of one token; `segmented` is nil when a string held several tokens.
    func view(_ text: ScalarText, _ segmented: SegmentedToken?) -> NERToken {
        guard let segmented, segmented.token.kind == .arabic else {
            let shape: UInt8
            switch segmented?.token.kind {
            case .latin?: shape = 1
            case .number?: shape = 2
            case .punctuation?, .quote?: shape = 3
            default: shape = 4
            }
            let surface = segmented.map { text.text($0.token.span) } ?? text.string
            let key = surface.lowercased()
            return NERToken(key: key, stem: key, proclitics: 0, shape: shape, length: UInt8(min(surface.unicodeScalars.count, 12)), frequency: 0,
                            match: LetterKey("", folded: true))
        }
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
        let tokenKey = segmented.tokenKey ?? LetterKey(text.scalars[segmented.token.span.start..<segmented.token.span.end], folded: true)
        let stemKey = segmented.stemKey ?? tokenKey.withoutArticle
        if segmented.stemHasArticle { mask |= 64 }
        let count = segmenter.model.wordCounts[stemKey]?.count ?? 0
        let wordClass = clusters?[stemKey]
        var view = NERToken(key: tokenKey.code, stem: stemKey.code,
                            proclitics: mask, shape: 0, length: UInt8(min(stemKey.code.utf8.count, 12)),
                            frequency: UInt8(count == 0 ? 0 : min(20, 1 + (Int.bitWidth - 1 - count.leadingZeroBitCount))),
                            match: stemKey)
        view.coarseClass = wordClass?.coarse ?? 0xFFFF
        view.fineClass = wordClass?.fine ?? 0xFFFF
        return view
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
        out.append(hash(17, p1.stem, t.stem))
        out.append(hash(18, t.stem, n1.stem))
        out.append(hash(19, bytes: [t.frequency]))
        out.append(hash(20, bytes: [t.frequency, t.proclitics & 64]))
        out.append(hash(21, bytes: [p1.frequency, t.frequency, n1.frequency]))
        if clusters != nil {
            func bytes(_ c: UInt16) -> [UInt8] { [UInt8(c >> 8), UInt8(c & 0xFF)] }
            out.append(hash(40, bytes: bytes(t.coarseClass)))
            out.append(hash(41, bytes: bytes(t.coarseClass) + bytes(t.fineClass)))
            out.append(hash(42, bytes: bytes(p1.coarseClass) + bytes(p1.fineClass)))
            out.append(hash(43, bytes: bytes(n1.coarseClass) + bytes(n1.fineClass)))
            out.append(hash(44, bytes: bytes(p1.coarseClass) + bytes(t.coarseClass) + bytes(n1.coarseClass)))
        }
        guard gazetteer != nil else { return }
        out.append(hash(30, bytes: [t.gazetteer, t.gazetteerInside ? 1 : 0]))
        out.append(hash(31, bytes: [p1.gazetteer, t.gazetteer, n1.gazetteer]))
        out.append(hash(32, bytes: [t.cues]))
        out.append(hash(33, bytes: [p1.cues, t.cues]))
        out.append(hash(34, bytes: [t.cues, n1.cues]))
        out.append(hash(35, bytes: [p2.cues, p1.cues]))
        out.append(hash(36, bytes: [t.gazetteer, t.cues, t.frequency]))
    }

    @inline(__always)
    private func hash(_ template: UInt8, _ value: String) -> UInt64 {
        hash(template, bytes: value.utf8)
    }

    /// Two values hashed as one, with a separator byte between them (no string is built).
    @inline(__always)
    private func hash(_ template: UInt8, _ first: String, _ second: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        h = (h ^ UInt64(template)) &* 0x100000001b3
        for byte in first.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        h = (h ^ 0x20) &* 0x100000001b3
        for byte in second.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return h
    }

    @inline(__always)
    private func hash(_ template: UInt8, bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        h = (h ^ UInt64(template)) &* 0x100000001b3
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
        return h
    }
}
