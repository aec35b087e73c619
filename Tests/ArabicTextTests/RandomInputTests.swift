import Testing
@testable import ArabicText

/// Random text from a seeded generator: every stage must finish, and every span must lie inside
/// the text, whatever it is given.
@Suite struct RandomInputTests {
    /// Pieces that stress the stages: clitics, numbers, dates, quotes, marks, bidi controls.
    static let pieces: [String] = [
        "و", "ب", "لل", "ال", "ه", "ها", "نا", "قال", "الوزير", "وزارة", "حكومته", "بانه", "مما", "ـ", "ً", "ّ", "\u{0670}",
        "١٬١٠٠", "3.5", "1,100", "5", "٢٠٢٠", "أمس", "الأربعاء", "فبراير", "رجب", "1441", "هـ", "/", "-", ".", "،", "؟", "!", "…",
        "«", "»", "\"", "(", ")", ":", " ", "  ", "\n", "\r\n", "\t", "\u{200F}", "\u{200C}", "\u{FEFF}", "\u{0000}", "@x", "#وسم",
        "https://a.b/c", "a@b.c", "Reuters", "新华社", "🙂", "ﻻ", "خمسة", "آلاف", "نحو", "عشرات", "قتيل", "مصر", "الروسية",
    ]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        let count = Int(generator.next() % 40)
        return (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func everyStageHandlesRandomText() throws {
        var generator = SeededGenerator(seed: 42)
        let splitter = try SentenceSplitter.bundled()
        let segmenter = try CliticSegmenter.bundled()
        let dates = try DateRecognizer.bundled()
        let numbers = try NumberRecognizer.bundled()
        for _ in 0..<400 {
            let text = ScalarText(Self.randomText(&generator))
            let tokens = Tokenizer().tokenize(text)
            var covered = 0
            for token in tokens {
                #expect(token.span.start >= covered && token.span.end <= text.count && !token.span.isEmpty)
                covered = token.span.end
            }
            let nonSpace = text.scalars.filter { !ScalarClass.isWhitespace($0.value) }.count
            #expect(tokens.reduce(0) { $0 + $1.span.length } == nonSpace)
            for sentence in splitter.split(text, tokens: tokens) {
                #expect(sentence.span.end <= text.count)
            }
            for token in segmenter.segment(text, tokens: tokens) {
                #expect(!token.segments.isEmpty)
                for segment in token.segments { #expect(token.token.span.contains(segment.span)) }
            }
            for date in dates.recognize(text, tokens: tokens, reference: CalendarDate(iso: "2020-02-20")) {
                #expect(date.span.end <= text.count)
            }
            for number in numbers.recognize(text, tokens: tokens) {
                #expect(number.span.end <= text.count)
            }
            _ = ArabicNormalizer().normalize(text)
        }
    }
}
