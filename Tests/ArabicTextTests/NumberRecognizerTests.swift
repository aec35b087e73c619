import Foundation
import Testing
@testable import ArabicText

@Suite struct NumberRecognizerTests {
    let recognizer: NumberRecognizer

    init() throws {
        recognizer = try NumberRecognizer.bundled()
    }

    func numbers(_ string: String) -> [NumberExpression] {
        let text = ScalarText(string)
        return recognizer.recognize(text, tokens: Tokenizer().tokenize(text))
    }

    // MARK: Words

    @Test func composesNumberWordsFromLargeToSmall() {
        #expect(recognizer.value(ofWords: "خمسة آلاف وسبعمائة واثنان وستون") == 5762)
        #expect(recognizer.value(ofWords: "ألف ومئة") == 1100)
        #expect(recognizer.value(ofWords: "مئة ألف") == 100_000)
        #expect(recognizer.value(ofWords: "ثلاثة ملايين") == 3_000_000)
        #expect(recognizer.value(ofWords: "مئتان وخمسون") == 250)
        #expect(recognizer.value(ofWords: "مائتي ألف") == 200_000)
        #expect(recognizer.value(ofWords: "عشرة آلاف") == 10_000)
        #expect(recognizer.value(ofWords: "خمسة ملايين وثلاثمائة ألف") == 5_300_000)
        #expect(recognizer.value(ofWords: "ألفين وعشرين") == 2020)
        #expect(recognizer.value(ofWords: "تسعمئة وتسعة وتسعون") == 999)
    }

    @Test func putsUnitsBeforeTensAndBuildsTeens() {
        #expect(recognizer.value(ofWords: "واحد وعشرون") == 21)
        #expect(recognizer.value(ofWords: "إحدى وعشرين") == 21)
        #expect(recognizer.value(ofWords: "خمسة وعشرون ألفا") == 25_000)
        #expect(recognizer.value(ofWords: "أحد عشر") == 11)
        #expect(recognizer.value(ofWords: "اثنتا عشرة") == 12)
        #expect(recognizer.value(ofWords: "خمسة عشر") == 15)
        #expect(recognizer.value(ofWords: "مئة وسبعة عشر") == 117)
        #expect(recognizer.value(ofWords: "ثلاث مئة") == 300)
        #expect(recognizer.value(ofWords: "ثلاثمئة") == 300)
        #expect(recognizer.value(ofWords: "عشر") == 10)
    }

    @Test func readsDualsAndTheAccusativeWithTanwin() {
        #expect(recognizer.value(ofWords: "ألفا") == 2000)
        #expect(recognizer.value(ofWords: "ألفين") == 2000)
        #expect(recognizer.value(ofWords: "ألفي") == 2000)
        #expect(recognizer.value(ofWords: "مليونين") == 2_000_000)
        // Tanwin marks the singular accusative, and after a count it is always the singular.
        #expect(recognizer.value(ofWords: "ألفًا") == 1000)
        #expect(recognizer.value(ofWords: "عشرون ألفًا") == 20_000)
        #expect(recognizer.value(ofWords: "ثلاثين ألفا") == 30_000)
        // Duals never take a count before them.
        #expect(recognizer.value(ofWords: "ثلاثة ألفين") == nil)
    }

    @Test func addsAndMultipliesFractionsOfAScale() {
        #expect(recognizer.value(ofWords: "مليون ونصف") == 1_500_000)
        #expect(recognizer.value(ofWords: "ثلاثة ملايين ونصف") == 3_500_000)
        #expect(recognizer.value(ofWords: "نصف مليون") == 500_000)
        #expect(recognizer.value(ofWords: "ربع مليار") == 250_000_000)
        #expect(numbers("أنفق نصف ميزانيته").isEmpty)
    }

    @Test func ignoresDiacriticsTatweelAndTehMarbutaSpelling() {
        #expect(recognizer.value(ofWords: "خَمْسَةُ آلافٍ") == 5000)
        #expect(recognizer.value(ofWords: "ثـلاثـة") == 3)
        #expect(recognizer.value(ofWords: "مئه") == 100)
        #expect(recognizer.value(ofWords: "إثنا عشر") == 12)
    }

    // MARK: Digits

    @Test func readsDigitsInEveryScriptAndWithScaleWords() {
        #expect(recognizer.value(ofWords: "١٬١٠٠") == 1100)
        #expect(recognizer.value(ofWords: "1,100") == 1100)
        #expect(recognizer.value(ofWords: "۲۵") == 25)
        #expect(recognizer.value(ofWords: "3 ملايين") == 3_000_000)
        #expect(recognizer.value(ofWords: "1.5 مليار") == 1_500_000_000)
        #expect(recognizer.value(ofWords: "٣٫٥ مليون") == 3_500_000)
        #expect(recognizer.value(ofWords: "250 ألف") == 250_000)
        #expect(recognizer.value(ofWords: "ألف و500") == 1500)
        #expect(recognizer.value(ofWords: "4 آلاف و200") == 4200)
        #expect(recognizer.value(ofWords: "مليون و750 ألفا") == 1_750_000)
    }

    @Test func keepsYearsAsNumbersAndDoesNotJoinSeparateNumbers() {
        let found = numbers("في عام 2021 نزحت 40 أسرة، ثم 20 و35 أسرة أخرى")
        #expect(found.map(\.value) == [2021, 40, 20, 35])
        #expect(found.allSatisfy { !$0.approximate && $0.qualifier == .exact })
        #expect(numbers("أربعة خمسة").map(\.value) == [4, 5])
        #expect(numbers("ثلاثة\nآلاف").map(\.value) == [3, 2000])
    }

    // MARK: In sentences

    @Test func stripsProcliticsFromTheSpan() {
        let found = numbers("تبرعت الجمعية بخمسة آلاف دينار لثلاثة مستشفيات وسبعمائة أسرة")
        #expect(found.map(\.value) == [5000, 3, 700])
        #expect(found.map(\.text) == ["خمسة آلاف", "ثلاثة", "سبعمائة"])
        let text = ScalarText("وَلِخَمسة")
        let number = recognizer.recognize(text)[0]
        #expect(number.value == 5)
        #expect(number.text == "خَمسة")
    }

    @Test func spansCoverTheNumberExactlyInTheOriginalText() {
        let string = "قالت البلدية إن نحو ١٬١٠٠ منزل تضرر"
        let found = numbers(string)
        #expect(found.count == 1)
        let text = ScalarText(string)
        #expect(text.text(found[0].span) == "نحو ١٬١٠٠")
        #expect(text.text(found[0].numberSpan) == "١٬١٠٠")
        #expect(found[0].span == Span(start: 16, end: 25))
    }

    @Test func readsQualifiersBeforeTheNumber() {
        let about = numbers("غادر بنحو 1100 مهاجر الميناء")[0]
        #expect(about.value == 1100 && about.approximate && about.qualifier == .about)
        #expect(about.text == "نحو 1100")
        #expect(about.lowerBound == nil && about.upperBound == nil)

        let more = numbers("استقبل المخيم أكثر من ألفي نازح")[0]
        #expect(more.text == "أكثر من ألفي")
        #expect(more.value == 2000 && more.lowerBound == 2000 && more.upperBound == nil)
        #expect(more.qualifier == .moreThan && !more.qualifier.lowerBoundIsInclusive)

        let less = numbers("بقي أقل من 50 شخصا")[0]
        #expect(less.upperBound == 50 && less.qualifier == .lessThan && less.approximate)

        let atLeast = numbers("اعتقل ما لا يقل عن ثلاثين متظاهرا")[0]
        #expect(atLeast.text == "ما لا يقل عن ثلاثين")
        #expect(atLeast.lowerBound == 30 && atLeast.qualifier == .atLeast && atLeast.qualifier.lowerBoundIsInclusive)

        let exceeds = numbers("وصلت قيمة الصفقة إلى ما يزيد على 3 ملايين دولار")[0]
        #expect(exceeds.text == "ما يزيد على 3 ملايين" && exceeds.lowerBound == 3_000_000)

        #expect(numbers("زار المعرض زهاء ألف زائر")[0].text == "زهاء ألف")
        #expect(numbers("فقد قرابة مئتي شخص منازلهم")[0].value == 200)
        #expect(numbers("حوالى 60 سيارة")[0].qualifier == .about)
        #expect(numbers("بلغ عدد المصابين ما يناهز مئة")[0].text == "ما يناهز مئة")
    }

    @Test func readsQualifiersAfterTheNumberAndItsNoun() {
        let found = numbers("قتل 12 شخصا على الأقل في الاشتباكات")[0]
        #expect(found.text == "12 شخصا على الأقل")
        #expect(ScalarText("قتل 12 شخصا على الأقل في الاشتباكات").text(found.numberSpan) == "12")
        #expect(found.value == 12 && found.lowerBound == 12 && found.qualifier == .atLeast)
        #expect(numbers("يحق لمن بلغ 18 عاما فأكثر التصويت")[0].qualifier == .atLeast)
        // A trailing qualifier does not reach past punctuation or another number.
        #expect(numbers("قتل 12، وأصيب على الأقل 30")[0].qualifier == .exact)
    }

    @Test func readsRangesBetweenTwoNumbers() {
        let range = numbers("تراوح عدد الضحايا ما بين 20 و30 قتيلا")[0]
        #expect(range.text == "ما بين 20 و30")
        #expect(range.value == 20 && range.lowerBound == 20 && range.upperBound == 30)
        #expect(range.qualifier == .between && range.approximate)
        #expect(numbers("بين ألف و1500 عائلة")[0].upperBound == 1500)
    }

    // MARK: Vague quantities

    @Test func readsMagnitudeWordsAloneAsRanges() {
        let hundreds = numbers("نزحت مئات الأسر من المدينة")[0]
        #expect(hundreds.text == "مئات" && hundreds.qualifier == .magnitude && hundreds.approximate)
        #expect(hundreds.value == 200 && hundreds.lowerBound == 200 && hundreds.upperBound == 999)

        let tens = numbers("أصيب العشرات في الحادث")[0]
        #expect(tens.text == "العشرات" && tens.lowerBound == 20 && tens.upperBound == 99)

        let tensOfThousands = numbers("خرج عشرات الآلاف إلى الشوارع")[0]
        #expect(tensOfThousands.text == "عشرات الآلاف")
        #expect(tensOfThousands.lowerBound == 20_000 && tensOfThousands.upperBound == 99_999)

        #expect(numbers("فر آلاف المدنيين")[0].upperBound == 9999)
        #expect(numbers("تضرر الملايين من الجفاف")[0].lowerBound == 2_000_000)
        #expect(numbers("تأثر بالآلاف")[0].text == "الآلاف")
    }

    @Test func readsFewAndSeveralAsThreeToNine() {
        let several = numbers("أصيب عدة أشخاص بجروح")[0]
        #expect(several.value == 3 && several.lowerBound == 3 && several.upperBound == 9 && several.qualifier == .few)
        let fewThousand = numbers("جمع بضعة آلاف توقيع")[0]
        #expect(fewThousand.text == "بضعة آلاف" && fewThousand.lowerBound == 3000 && fewThousand.upperBound == 9999)
        #expect(numbers("بعد بضع ساعات")[0].upperBound == 9)
    }

    // MARK: What is not a quantity

    @Test func doesNotSwallowWordsThatOnlyLookLikeNumbers() {
        #expect(numbers("قال أحد الجنود إن الهجوم الأول كان ليلا").isEmpty)
        #expect(numbers("لم تعد إحدى السفن").isEmpty)
        #expect(numbers("وقعت هجمات الحادي عشر من سبتمبر").isEmpty)
        #expect(numbers("في الثالثة عشرة من عمره").isEmpty)
        #expect(numbers("لست متأكدا مما حدث يوم الاثنين").isEmpty)
        #expect(numbers("توجهت القافلة نحو الحدود أكثر من مرة").isEmpty)
        #expect(numbers("بين الحكومة والمعارضة").isEmpty)
    }

    // MARK: Data and limits

    @Test func takesItsVocabularyFromTheTable() throws {
        let lexicon = try NumberLexicon(tsv: "word\trole\tvalue\tgloss\nسبعة\tunit\t7\tseven\nنحو\tqualifier\tabout\tabout\n")
        let small = NumberRecognizer(lexicon: lexicon)
        #expect(small.value(ofWords: "نحو سبعة") == 7)
        #expect(small.value(ofWords: "ثلاثة") == nil)
    }

    @Test func reportsTheLineOfABadTableRow() {
        #expect(throws: NumberLexiconError(line: 3, reason: "unknown role 'digit'")) {
            try NumberLexicon(tsv: "# note\nword\trole\tvalue\tgloss\nتسعة\tdigit\t9\tnine\n")
        }
        #expect(throws: NumberLexiconError(line: 3, reason: "'خمسة' is already listed with another role or value")) {
            try NumberLexicon(tsv: "word\trole\tvalue\tgloss\nخمسة\tunit\t5\tfive\nخمسة\tunit\t6\tsix\n")
        }
    }

    @Test func staysLinearOnLongDigitRunsAndNumberChains() {
        let start = Date()
        // One token of a million digits is an identifier, not a count.
        #expect(numbers(String(repeating: "7", count: 1_000_000)).isEmpty)
        // Many numbers side by side stay separate.
        let manyDigits = String(repeating: "12 ", count: 100_000)
        #expect(numbers(manyDigits).count == 100_000)
        let chain = String(repeating: "ألف و", count: 50_000)
        #expect(numbers(chain).count == 50_000)
        let words = String(repeating: "نحو أكثر من بين ", count: 25_000)
        #expect(numbers(words).isEmpty)
        #expect(Date().timeIntervalSince(start) < 30)
    }
}
