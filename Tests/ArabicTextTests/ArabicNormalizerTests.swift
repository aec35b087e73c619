import Testing
@testable import ArabicText

@Suite struct ArabicNormalizerTests {
    let normalizer = ArabicNormalizer()

    @Test func removesDiacriticsAndTatweelAndFoldsAlef() {
        #expect(normalizer.key("أَعْلَنَ") == "اعلن")
        #expect(normalizer.key("إِسْطَنْبُول") == "اسطنبول")
        #expect(normalizer.key("آلاف") == "الاف")
        #expect(normalizer.key("لـــ") == "ل")
        #expect(normalizer.key("ٱلقدس") == "القدس")
    }

    @Test func unifiesAlefMaqsuraAndTehMarbutaOnlyWhenAsked() {
        #expect(normalizer.key("على") == "علي")
        #expect(normalizer.key("الحكومة") == "الحكومة")
        let both = ArabicNormalizer(unifyAlefMaqsura: true, unifyTehMarbuta: true)
        #expect(both.key("الحكومة") == "الحكومه")
        let neither = ArabicNormalizer(unifyAlefMaqsura: false)
        #expect(neither.key("على") == "على")
    }

    @Test func mapsDigitsAndArabicPunctuation() {
        #expect(normalizer.key("٢٠٢٠") == "2020")
        #expect(normalizer.key("۱۹۹۸") == "1998")
        #expect(normalizer.key("نعم، لا؛ متى؟") == "نعم, لا; متي?")
        #expect(normalizer.key("١٬١٠٠٫٥") == "1,100.5")
    }

    @Test func mapsNormalizedPositionsBackToOriginalOffsets() {
        let text = ScalarText("قَالَ الوَزِيرُ")
        let normalized = normalizer.normalize(text)
        #expect(normalized.string == "قال الوزير")
        // "الوزير" is normalized scalars 4..<10; in the original it starts after "قَالَ " (6 scalars).
        let span = normalized.originalSpan(4..<10)
        #expect(span == Span(start: 6, end: 15))
        #expect(text.text(span) == "الوَزِيرُ")
    }

    @Test func dropsInvisibleFormatCharacters() {
        #expect(normalizer.key("طرا\u{200F}بلس\u{200C}") == "طرابلس")
    }
}
