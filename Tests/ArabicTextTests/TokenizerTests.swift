import Testing
@testable import ArabicText

@Suite struct TokenizerTests {
    func tokens(_ string: String) -> [(String, TokenKind)] {
        let text = ScalarText(string)
        return Tokenizer().tokenize(text).map { (text.text($0.span), $0.kind) }
    }

    @Test func splitsArabicWordsAndPunctuationWithOffsets() {
        let text = ScalarText("وصل الوفد، ثم غادر.")
        let found = Tokenizer().tokenize(text)
        #expect(found.map { text.text($0.span) } == ["وصل", "الوفد", "،", "ثم", "غادر", "."])
        #expect(found[1].span == Span(start: 4, end: 9))
        #expect(found[2].kind == .punctuation)
    }

    @Test func keepsNumbersWithSeparatorsWhole() {
        #expect(tokens("قتل 1,100 شخص و١٬١٠٠ آخرين و3.5 مليون و5762").filter { $0.1 == .number }.map(\.0)
                == ["1,100", "١٬١٠٠", "3.5", "5762"])
        // A comma not followed by three digits is punctuation.
        #expect(tokens("بين 12,5 و7").map(\.0) == ["بين", "12", ",", "5", "و", "7"])
    }

    @Test func keepsDiacriticsAndTatweelInsideWords() {
        #expect(tokens("قَالَ لـ\"العربي\"").map(\.0) == ["قَالَ", "لـ", "\"", "العربي", "\""])
    }

    @Test func recognizesQuotesURLsEmailsHashtagsAndMentions() {
        let found = tokens("«نرفض» زوروا https://example.org/a?b=1. أو اكتبوا إلى news@example.com #ليبيا @UNSMILibya")
        #expect(found.contains { $0 == ("«", .quote) })
        #expect(found.contains { $0 == ("https://example.org/a?b=1", .url) })
        #expect(found.contains { $0 == ("news@example.com", .email) })
        #expect(found.contains { $0 == ("#ليبيا", .hashtag) })
        #expect(found.contains { $0 == ("@UNSMILibya", .mention) })
    }

    @Test func anAtSignWithoutADomainIsNotAnEmail() {
        #expect(tokens("contact@ x").map(\.1) == [.latin, .punctuation, .latin])
        #expect(tokens("a@b").map(\.0) == ["a", "@b"])
        #expect(tokens("name@host. Then").map(\.1).first == .latin)
    }

    @Test func latinAndOtherScriptsAreWords() {
        #expect(tokens("وكالة Reuters و新华社").map(\.1) == [.arabic, .latin, .arabic, .latin])
    }

    @Test func separatesDigitsFromAttachedLetters() {
        #expect(tokens("ب300 دولار").map(\.0) == ["ب", "300", "دولار"])
        #expect(tokens("15-7").map(\.0) == ["15", "-", "7"])
    }

    @Test func aLoneTatweelIsADash() {
        #expect(tokens("القاهرة ـ أعلنت").map(\.1) == [.arabic, .punctuation, .arabic])
    }

    @Test func emptyAndBlankTextHaveNoTokens() {
        #expect(tokens("").isEmpty)
        #expect(tokens(" \n\t\u{00A0}").isEmpty)
    }

    @Test func tokensCoverEveryCharacterButWhiteSpace() {
        let text = ScalarText("قال\u{200F}: «نعم»\u{200E} 5")
        let covered = Tokenizer().tokenize(text).reduce(0) { $0 + $1.span.length }
        #expect(covered == text.count - 2)
        #expect(tokens("قال\u{200F}").map(\.1) == [.arabic, .symbol])
    }
}
