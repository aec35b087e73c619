import Testing
@testable import ArabicText

@Suite struct CoNLLUTests {
    let sample = """
    # sent_id = s1
    # text = وكتبه الصحفي
    1-3\tوكتبه\t_\t_\t_\t_\t_\t_\t_\t_
    1\tو\t_\t_\t_\t_\t2\tcc\t_\t_
    2\tكتب\t_\t_\t_\t_\t0\troot\t_\t_
    3\tه\t_\t_\t_\t_\t2\tobj\t_\t_
    4\tالصحفي\t_\t_\t_\t_\t2\tnsubj\t_\t_

    """

    @Test func readsTextTokensAndMultiwordRanges() throws {
        let sentences = try CoNLLU.parse(sample)
        #expect(sentences.count == 1)
        #expect(sentences[0].id == "s1")
        #expect(sentences[0].text == "وكتبه الصحفي")
        #expect(sentences[0].tokens.map(\.form) == ["وكتبه", "الصحفي"])
        #expect(sentences[0].tokens[0].words == ["و", "كتب", "ه"])
        #expect(sentences[0].tokens[0].isMultiword)
        #expect(!sentences[0].tokens[1].isMultiword)
    }

    @Test func reportsTheLineOfAMalformedRow() {
        #expect(throws: CoNLLUError(line: 2, reason: "expected 10 tab-separated columns, found 2")) {
            try CoNLLU.parse("# text = x\n1\tx\n\n")
        }
        #expect(throws: CoNLLUError(line: 1, reason: "bad multi-word token range '3-1'")) {
            try CoNLLU.parse("3-1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n")
        }
    }

    @Test func writesAValidTreeWithRangesAndSpaceAfter() {
        let text = ScalarText("وله،")
        let tokens = [
            SegmentedToken(token: Token(kind: .arabic, span: Span(start: 0, end: 3)), segments: [
                Segment(form: "و", span: Span(start: 0, end: 1), role: .proclitic),
                Segment(form: "ل", span: Span(start: 1, end: 2), role: .proclitic),
                Segment(form: "ه", span: Span(start: 2, end: 3), role: .enclitic),
            ]),
            SegmentedToken(token: Token(kind: .punctuation, span: Span(start: 3, end: 4)), segments: [
                Segment(form: "،", span: Span(start: 3, end: 4), role: .stem),
            ]),
        ]
        let lines = CoNLLU.format(id: "7", text: "وله،", tokens: tokens, source: text).split(separator: "\n")
        #expect(lines == [
            "# sent_id = 7", "# text = وله،",
            "1-3\tوله\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No",
            "1\tو\t_\t_\t_\t_\t0\troot\t_\t_",
            "2\tل\t_\t_\t_\t_\t1\tdep\t_\t_",
            "3\tه\t_\t_\t_\t_\t1\tdep\t_\t_",
            "4\t،\t_\t_\t_\t_\t1\tdep\t_\t_",
        ])
    }
}

@Suite struct SegmentationScorerTests {
    typealias T = CoNLLUSentence.Token

    @Test func perfectSegmentationScoresOne() throws {
        let gold = [[T(form: "وقال", words: ["و", "قال"], isMultiword: true), T(form: "هو", words: ["هو"], isMultiword: false)]]
        let result = try SegmentationScorer.score(gold: gold, system: gold)
        #expect(result.words.f1 == 1)
        #expect(result.tokens.f1 == 1)
    }

    @Test func unsplitTokenLosesItsCliticWords() throws {
        let gold = [[T(form: "وقال", words: ["و", "قال"], isMultiword: true), T(form: "هو", words: ["هو"], isMultiword: false)]]
        let system = [[T(form: "وقال", words: ["وقال"], isMultiword: false), T(form: "هو", words: ["هو"], isMultiword: false)]]
        let result = try SegmentationScorer.score(gold: gold, system: system)
        #expect(result.words == PRF(gold: 3, system: 2, correct: 1))
        #expect(result.tokens == PRF(gold: 2, system: 2, correct: 2))
    }

    @Test func wordsInsideMultiwordTokensAlignByForm() throws {
        // The system splits right but spells the stem without its teh marbuta: one word of three is lost.
        let gold = [[T(form: "بحكومته", words: ["ب", "حكومة", "ه"], isMultiword: true)]]
        let system = [[T(form: "بحكومته", words: ["ب", "حكومت", "ه"], isMultiword: true)]]
        #expect(try SegmentationScorer.score(gold: gold, system: system).words == PRF(gold: 3, system: 3, correct: 2))
    }

    @Test func differentTokenizationStillAligns() throws {
        let gold = [[T(form: "15", words: ["15"], isMultiword: false), T(form: "-", words: ["-"], isMultiword: false), T(form: "7", words: ["7"], isMultiword: false)]]
        let system = [[T(form: "15-7", words: ["15-7"], isMultiword: false)]]
        let result = try SegmentationScorer.score(gold: gold, system: system)
        #expect(result.tokens == PRF(gold: 3, system: 1, correct: 0))
    }

    @Test func refusesDifferentTexts() {
        let gold = [[T(form: "قال", words: ["قال"], isMultiword: false)]]
        let system = [[T(form: "قيل", words: ["قيل"], isMultiword: false)]]
        #expect(throws: AlignmentError.self) { try SegmentationScorer.score(gold: gold, system: system) }
    }
}
