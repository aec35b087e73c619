import Testing
@testable import ArabicText

@Suite struct CliticSegmenterTests {
    static let segmenter = Result { try CliticSegmenter.bundled() }

    func forms(_ word: String) throws -> [String] {
        try Self.segmenter.get().segment(word: word).map(\.form)
    }

    @Test func splitsConjunctionsPrepositionsAndTheFutureParticle() throws {
        #expect(try forms("وقال") == ["و", "قال"])
        #expect(try forms("بالعاصمة") == ["ب", "العاصمة"])
        #expect(try forms("سيزور") == ["س", "يزور"])
        #expect(try forms("وبالتالي") == ["و", "ب", "التالي"])
    }

    @Test func keepsStemsThatOnlyLookLikeClitics() throws {
        for word in ["وزير", "بيان", "لقاء", "كتيبة", "فرنسا", "وفد", "سوريا", "لجنة"] {
            #expect(try forms(word) == [word], "\(word) is one word")
        }
    }

    @Test func recognizesInflectedCliticInitialStems() throws {
        #expect(try forms("وافقا") == ["وافقا"])
        #expect(try forms("وفدين") == ["وفدين"])
        let lexicon = StemLexicon(stems: [LetterKey("وفد", folded: true)], suffixes: [Array("ين".unicodeScalars)])
        #expect(lexicon.contains(Array("وفدين".unicodeScalars)))
        #expect(!lexicon.contains(Array("وفدان".unicodeScalars)))
    }

    @Test func aListedStemKeepsItsLetterWhenItsHamzaMovesBeforeAPronoun() throws {
        // لقاء + ه is written لقائه: one word and a pronoun, not ل + قائه.
        #expect(try forms("لقائه") == ["لقائ", "ه"])
        let word = try Self.segmenter.get().segment(ScalarText("لقائه"), token: Token(kind: .arabic, span: Span(start: 0, end: 5)))
        #expect(word.stemKey == LetterKey("لقاء", folded: true))
        let lexicon = StemLexicon(stems: [LetterKey("لقاء", folded: true)], suffixes: [])
        #expect(lexicon.contains(Array("لقائ".unicodeScalars)) && lexicon.contains(Array("لقاؤ".unicodeScalars)))
    }

    @Test func restoresTheArticleAfterLam() throws {
        #expect(try forms("للصحفيين") == ["ل", "الصحفيين"])
        #expect(try forms("وللحكومة") == ["و", "ل", "الحكومة"])
    }

    @Test func splitsPronounsAndRestoresTehMarbuta() throws {
        #expect(try forms("حكومته") == ["حكومة", "ه"])
        #expect(try forms("قواتها") == ["قوات", "ها"])
        #expect(try forms("بلادهم") == ["بلاد", "هم"])
        #expect(try forms("وأكدت") == ["و", "أكدت"])
    }

    @Test func prepositionsCarryPronounsAlone() throws {
        #expect(try forms("لها") == ["ل", "ها"])
        #expect(try forms("عليه") == ["علي", "ه"])
    }

    @Test func restoresHamzaInSplitWordsFromCorpusSpelling() throws {
        #expect(try forms("بانه") == ["ب", "أن", "ه"])
    }

    @Test func spellsInnaAfterVerbsOfSayingAndAnnaElsewhere() throws {
        let segmenter = try Self.segmenter.get()
        func particle(_ sentence: String) -> String? {
            let text = ScalarText(sentence)
            let tokens = segmenter.segment(text, tokens: Tokenizer().tokenize(text))
            return tokens.last { $0.segments.contains { $0.role == .enclitic } }?.segments.first { $0.role == .stem }?.form
        }
        #expect(particle("وقال المتحدث العسكري انه") == "إن")
        #expect(particle("واكد الوزير انه") == "أن")
        #expect(particle("انه") == "إن")
    }

    @Test func usesHandWrittenExceptionsForMergedSpelling() throws {
        #expect(try forms("مما") == ["من", "ما"])
    }

    @Test func segmentSpansCoverTheTokenInOrder() throws {
        let text = ScalarText("قال وَلِحُكُومَتِهِ")
        let token = Tokenizer().tokenize(text)[1]
        let segmented = try Self.segmenter.get().segment(text, token: token)
        #expect(segmented.segments.map(\.form) == ["و", "ل", "حكومة", "ه"])
        #expect(segmented.segments.first?.span.start == token.span.start)
        #expect(segmented.segments.last?.span.end == token.span.end)
        #expect(text.text(segmented.segments[2].span) == "حُكُومَتِ")
        #expect(segmented.stemWithoutArticle == "حكومة")
    }

    @Test func stemWithoutArticleDropsAl() throws {
        let text = ScalarText("والحكومة")
        let segmented = try Self.segmenter.get().segment(text, token: Tokenizer().tokenize(text)[0])
        #expect(segmented.stem == "الحكومة")
        #expect(segmented.stemWithoutArticle == "حكومة")
    }

    @Test func nonArabicTokensStayWhole() throws {
        let text = ScalarText("2020 Reuters")
        let segmented = try Self.segmenter.get().segment(text, tokens: Tokenizer().tokenize(text))
        #expect(segmented.map { $0.segments.map(\.form) } == [["2020"], ["Reuters"]])
    }
}
