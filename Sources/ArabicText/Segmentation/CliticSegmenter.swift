/// Splits Arabic tokens into proclitics, stem and pronoun enclitic, as UD Arabic does.
///
/// For a token it enumerates every split the letters allow (و/ف, then ب/ل/ك/س or ل+ال, then a
/// pronoun), scores each with the learned linear model over corpus statistics, and keeps the
/// best. Words seen segmented in annotated text take their memorized segmentation.
public struct CliticSegmenter: Sendable {
    public let model: SegmentationModel
    private let cache = PlanCache()

    public init(model: SegmentationModel) {
        self.model = model
    }

    public static func bundled() throws -> CliticSegmenter {
        CliticSegmenter(model: try .bundled())
    }

    /// Segments every token of a text; non-Arabic tokens stay one word.
    public func segment(_ text: ScalarText, tokens: [Token]) -> [SegmentedToken] {
        var out = tokens.map { segment(text, token: $0) }
        for i in out.indices { spellInna(&out, i, text) }
        return out
    }

    /// The particle written ان inside a split token is إنّ at the start of a sentence or after a
    /// verb of saying up to four words back (وقال انه → و + قال + إن + ه), and أنّ elsewhere.
    private func spellInna(_ tokens: inout [SegmentedToken], _ i: Int, _ text: ScalarText) {
        guard tokens[i].isMultiword,
              let stem = tokens[i].segments.firstIndex(where: { $0.role == .stem }),
              tokens[i].segments[stem].form == "أن",
              text.scalars[tokens[i].segments[stem].span.start] == "ا" else { return }
        let previous = i > 0 ? tokens[i - 1] : nil
        let startsSentence = previous.map { p in
            p.token.kind == .quote || (p.token.kind == .punctuation && [".", ":", "!", "?", "؟"].contains(text.scalars[p.token.span.start]))
        } ?? true
        // The verb of saying may stand a few words back, before its subject (قال المتحدث باسمه انه).
        var afterSaying = false
        for k in stride(from: i - 1, through: max(0, i - 4), by: -1) {
            guard tokens[k].token.kind == .arabic else { break }
            if let stem = tokens[k].stemKey, model.innaContexts.contains(stem) { afterSaying = true; break }
        }
        if startsSentence || afterSaying { tokens[i].segments[stem].form = "إن" }
    }

    /// A stem's matching key; before a pronoun its final hamza, written on yeh or waw (لقائه،
    /// لقاؤه), is keyed as the word alone writes it (لقاء), so lexicons find it.
    static func matchingKey(stem: String, beforePronoun: Bool) -> LetterKey {
        let scalars = Array(stem.unicodeScalars)
        guard beforePronoun, scalars.count >= 3, let alone = StemLexicon.hamzaOnTheLine(scalars) else { return LetterKey(scalars, folded: true) }
        return LetterKey(alone, folded: true)
    }

    public func segment(_ text: ScalarText, token: Token) -> SegmentedToken {
        // A token that does not split is its own word, written exactly as in the text.
        func whole() -> SegmentedToken {
            SegmentedToken(token: token, segments: [Segment(form: text.text(token.span), span: token.span, role: .stem)])
        }
        guard token.kind == .arabic else { return whole() }
        let word = Letters(text, token.span)
        let analysis = cache.analysis(for: LetterKey(word.scalars, folded: false)) {
            let plan = best(word)
            let tokenKey = LetterKey(word.scalars, folded: true)
            let stem = plan.count > 1 ? plan.first { $0.role == .stem }.map { Self.matchingKey(stem: $0.form, beforePronoun: plan.last?.role == .enclitic) } : tokenKey
            let stemKey = (stem ?? tokenKey).withoutArticle
            return PlanCache.Analysis(plan: plan, keys: SegmentKeys(token: tokenKey, stem: stemKey, droppedArticle: stemKey != (stem ?? tokenKey)),
                                      written: word.string(0..<word.count))
        }
        guard analysis.plan.count > 1 else {
            // Without marks the token is written exactly as its cached letters: share that string.
            let form = word.count == token.span.length ? analysis.written : text.text(token.span)
            return SegmentedToken(token: token, segments: [Segment(form: form, span: token.span, role: .stem)], keys: analysis.keys)
        }
        return SegmentedToken(token: token, segments: analysis.plan.map { part in
            Segment(form: part.form, span: Span(start: word.offset(part.letters.lowerBound), end: word.offset(part.letters.upperBound)), role: part.role)
        }, keys: analysis.keys)
    }

    /// The best split of a word, with the stem spelled as UD writes it.
    func best(_ word: Letters) -> [PlannedSegment] {
        plan(analyses(word).max { $0.score < $1.score }!, word)
    }

    func plan(_ candidate: Candidate, _ word: Letters) -> [PlannedSegment] {
        candidate.plan(word, stemSpelling: restoreSpelling(candidate, word))
    }

    /// Segments a single word given as a string (offsets relative to it).
    public func segment(word: String) -> [Segment] {
        let text = ScalarText(word)
        return segment(text, token: Token(kind: .arabic, span: text.fullSpan)).segments
    }

    // MARK: - Candidates

    /// The letters of a token without marks, with where each starts in the text.
    struct Letters {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var end: Int

        init(_ text: ScalarText, _ span: Span) {
            end = span.end
            scalars.reserveCapacity(span.length)
            offsets.reserveCapacity(span.length)
            for i in span.start..<span.end {
                let v = text.scalars[i].value
                if ScalarClass.isDiacritic(v) || ScalarClass.isTatweel(v) || ScalarClass.isInvisibleFormat(v) { continue }
                scalars.append(text.scalars[i])
                offsets.append(i)
            }
        }

        var count: Int { scalars.count }
        /// Where letter `i` starts in the text; the token's end for `i == count`.
        func offset(_ i: Int) -> Int { i < offsets.count ? offsets[i] : end }
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
    }

    /// A segment in terms of the token's letters, independent of where the token stands.
    struct PlannedSegment: Sendable {
        var form: String
        var letters: Range<Int>
        var role: SegmentRole
    }

    /// One way to split a token.
    struct Candidate {
        var proclitic: ProcliticChain
        var enclitic: Enclitic
        var stem: Range<Int>          // letters of the stem as written
        var tehMarbuta = false        // the stem's final ت is ة before the pronoun
        var memorized: [String]? = nil
        var features: [Int] = []
        var score = 0.0

        /// The stem's letters as UD writes them, before spelling restoration.
        func stemLetters(_ word: Letters) -> [Unicode.Scalar] {
            var letters: [Unicode.Scalar] = proclitic.restoresArticle ? ["ا"] : []
            letters += word.scalars[stem]
            if tehMarbuta { letters[letters.count - 1] = "ة" }
            return letters
        }

        func plan(_ word: Letters, stemSpelling: String) -> [PlannedSegment] {
            if let memorized { return Candidate.align(memorized, word) }
            var out: [PlannedSegment] = []
            var i = 0
            for letter in proclitic.letters {
                out.append(PlannedSegment(form: String(letter), letters: i..<(i + 1), role: .proclitic))
                i += 1
            }
            if !stem.isEmpty {
                out.append(PlannedSegment(form: stemSpelling, letters: stem, role: .stem))
            }
            if enclitic != .none {
                out.append(PlannedSegment(form: String(String.UnicodeScalarView(enclitic.letters)), letters: stem.upperBound..<word.count, role: .enclitic))
            }
            return out
        }

        /// Spreads memorized forms over the token's letters: each form takes as many letters as
        /// it has (the article after ل of لل one fewer, since its alef is not written), the last
        /// form takes the rest. Single-letter forms before the stem are proclitics.
        static func align(_ forms: [String], _ word: Letters) -> [PlannedSegment] {
            var out: [PlannedSegment] = []
            var i = 0
            var seenStem = false
            for (n, form) in forms.enumerated() {
                let length = form.unicodeScalars.count
                let remainingForms = forms.count - n - 1
                var take = length
                if n > 0, forms[n - 1] == "ل", form.hasPrefix("ال"), i < word.count, word.scalars[i] == "ل" { take -= 1 }
                let end = n == forms.count - 1 ? word.count : min(i + max(1, take), max(i, word.count - remainingForms))
                let role: SegmentRole
                if !seenStem && length == 1 && remainingForms > 0 && ["و", "ف", "ب", "ل", "ك", "س"].contains(form) {
                    role = .proclitic
                } else if !seenStem {
                    role = .stem
                    seenStem = true
                } else {
                    role = .enclitic
                }
                out.append(PlannedSegment(form: form, letters: i..<end, role: role))
                i = end
            }
            return out
        }
    }

    /// Every candidate split of a word with its score; `keepFeatures` also keeps each one's
    /// features (for training).
    func analyses(_ word: Letters, keepFeatures: Bool = false) -> [Candidate] {
        let key = LetterKey(word.scalars, folded: true)
        if let forms = model.memorized[LetterKey(word.scalars, folded: false)] ?? model.memorized[key] {
            return [Candidate(proclitic: .none, enclitic: .none, stem: 0..<word.count, memorized: forms, score: .infinity)]
        }
        var candidates = generate(word)
        let tokenCount = model.count(key)
        // لقائه: a listed stem whose final hamza moved onto yeh or waw before a pronoun.
        let tokenIsStem = model.cliticInitialStems.contains(word.scalars) || Enclitic.allCases.dropFirst().contains { enclitic in
            let suffix = enclitic.letters
            guard word.scalars.count > suffix.count + 2, word.scalars.suffix(suffix.count).elementsEqual(suffix) else { return false }
            let stem = Array(word.scalars.dropLast(suffix.count))
            return StemLexicon.hamzaOnTheLine(stem) != nil && model.cliticInitialStems.contains(stem)
        }
        for i in candidates.indices {
            if keepFeatures {
                candidates[i].features = features(candidates[i], word, tokenCount: tokenCount, tokenIsStem: tokenIsStem)
                candidates[i].score = candidates[i].features.reduce(0) { $0 + model.weights[$1] }
            } else {
                candidates[i].score = score(candidates[i], word, tokenCount: tokenCount, tokenIsStem: tokenIsStem)
            }
        }
        return candidates
    }

    /// Every split the letters allow.
    func generate(_ word: Letters) -> [Candidate] {
        let l = word.scalars
        let n = l.count
        var out = [Candidate(proclitic: .none, enclitic: .none, stem: 0..<n)]
        var chains: [(ProcliticChain, Int)] = [(.none, 0)]
        func add(_ chain: ProcliticChain, _ length: Int) { chains.append((chain, length)) }
        var bases: [(ProcliticChain, Int)] = [(.none, 0)]
        for (letter, chain) in [("و", ProcliticChain.w), ("ف", .f)] as [(Unicode.Scalar, ProcliticChain)] where n > 2 && l[0] == letter {
            bases.append((chain, 1))
            add(chain, 1)
        }
        for (base, p) in bases where n - p > 2 {
            let letter = l[p]
            let next = l[p + 1]
            switch letter {
            case "ب": add(compose(base, .b), p + 1)
            case "ك": add(compose(base, .k), p + 1)
            case "ل":
                add(compose(base, .l), p + 1)
                if next == "ل" && n - p > 3 { add(compose(base, .lArticle), p + 1) }
            case "س" where ["ي", "ت", "ن", "أ", "ا"].contains(next):
                add(compose(base, .s), p + 1)
            default: break
            }
        }
        for (chain, p) in chains {
            if chain != .none { out.append(Candidate(proclitic: chain, enclitic: .none, stem: p..<n)) }
            for enclitic in Enclitic.allCases.dropFirst() {
                let suffix = enclitic.letters
                guard n - p >= suffix.count, Array(l[(n - suffix.count)...]) == suffix else { continue }
                let stem = p..<(n - suffix.count)
                let minimum = chain.endsWithPreposition ? 0 : 2
                guard stem.count >= minimum else { continue }
                out.append(Candidate(proclitic: chain, enclitic: enclitic, stem: stem))
                if stem.count >= 2, l[stem.upperBound - 1] == "ت" {
                    out.append(Candidate(proclitic: chain, enclitic: enclitic, stem: stem, tehMarbuta: true))
                }
            }
        }
        return out
    }

    private func compose(_ base: ProcliticChain, _ prep: ProcliticChain) -> ProcliticChain {
        switch (base, prep) {
        case (.none, _): prep
        case (.w, .b): .wb
        case (.w, .l): .wl
        case (.w, .k): .wk
        case (.w, .s): .ws
        case (.w, .lArticle): .wlArticle
        case (.f, .b): .fb
        case (.f, .l): .fl
        case (.f, .k): .fk
        case (.f, .s): .fs
        case (.f, .lArticle): .flArticle
        default: prep
        }
    }

    /// The stem written as the corpus most often writes it: hamza on alef restored where the
    /// token omits it, final ى restored only when no pronoun follows (على but علي+ه).
    func restoreSpelling(_ candidate: Candidate, _ word: Letters) -> String {
        // A word that does not split is written as in the text; no form is needed for it.
        guard candidate.proclitic != .none || candidate.enclitic != .none else { return "" }
        let a = candidate.stemLetters(word)
        let written = String(String.UnicodeScalarView(a))
        guard let spelling = model.wordCounts[LetterKey(a, folded: true)]?.spelling else { return written }
        var b = Array(spelling.unicodeScalars)
        guard a.count == b.count else { return written }
        for i in b.indices {
            if a[i] == b[i] { continue }
            let restoresHamza = a[i] == "ا" && ["أ", "إ", "آ"].contains(b[i])
            let restoresMaqsura = a[i] == "ي" && b[i] == "ى" && i == b.count - 1 && candidate.enclitic == .none
            if !(restoresHamza || restoresMaqsura) { b[i] = a[i] }
        }
        return String(String.UnicodeScalarView(b))
    }

    func features(_ c: Candidate, _ word: Letters, tokenCount: Int, tokenIsStem: Bool) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(SegmentationFeatures.templates.count)
        forEachFeature(c, word, tokenCount: tokenCount, tokenIsStem: tokenIsStem) { out.append($0) }
        return out
    }

    /// The candidate's score under the model's weights, without collecting its features.
    func score(_ c: Candidate, _ word: Letters, tokenCount: Int, tokenIsStem: Bool) -> Double {
        var score = 0.0
        model.weights.withUnsafeBufferPointer { weights in
            forEachFeature(c, word, tokenCount: tokenCount, tokenIsStem: tokenIsStem) { score += weights[$0] }
        }
        return score
    }

    /// Calls `body` with the weight index of each feature of a candidate split.
    func forEachFeature(_ c: Candidate, _ word: Letters, tokenCount: Int, tokenIsStem: Bool, _ body: (Int) -> Void) {
        typealias F = SegmentationFeatures
        let p = c.proclitic.rawValue
        let e = c.enclitic.rawValue
        let stemScalars = c.stemLetters(word)
        let stemKey = LetterKey(stemScalars, folded: true)
        let stemCount = c.stem.isEmpty ? tokenCount : model.count(stemKey)
        let stemBin = F.bin(stemCount)
        let tokenBin = F.bin(tokenCount)
        let diff = stemBin - tokenBin + F.bins - 1
        let hasArticle = stemScalars.count > 2 && stemScalars[0] == "ا" && stemScalars[1] == "ل" ? 1 : 0
        let length = min(F.lengths - 1, c.stem.count)
        let first: Int
        switch stemScalars.first {
        case "ي", "ت", "ن": first = 0
        case "ا", "أ", "إ", "آ": first = 1
        case "ل": first = 2
        default: first = 3
        }
        let last: Int
        switch c.stem.isEmpty ? nil : word.scalars[c.stem.upperBound - 1] {
        case "ا": last = 0
        case "ت": last = 1
        case "ي": last = 2
        case "و": last = 3
        case "ن": last = 4
        default: last = 5
        }
        let stemIsStem = model.cliticInitialStems.contains(stemScalars) ? 1 : 0
        body(F.index(0, p, e))
        body(F.index(1, p, stemBin))
        body(F.index(2, e, stemBin))
        body(F.index(3, p, diff))
        body(F.index(4, e, diff))
        body(F.index(5, p, hasArticle))
        body(F.index(6, p, length))
        body(F.index(7, e, length))
        body(F.index(8, e, c.tehMarbuta ? 1 : 0, stemCount > 0 ? 1 : 0))
        body(F.index(9, p, tokenIsStem ? 1 : 0))
        body(F.index(10, p, first))
        body(F.index(11, e, last))
        body(F.index(12, p, e, tokenBin))
        body(F.index(13, p, stemIsStem))
        body(F.index(14, p, e, stemCount == 0 ? 1 : 0, tokenCount == 0 ? 1 : 0))
    }
}
