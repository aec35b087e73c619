import Foundation
import Testing
@testable import ArabicText

/// Sentences written for these tests; the reference date 2020-02-20 is a Thursday.
@Suite struct DateRecognizerTests {
    let recognizer: DateRecognizer
    let thursday = CalendarDate(iso: "2020-02-20")!

    init() throws {
        recognizer = try DateRecognizer.bundled()
    }

    func dates(_ string: String, reference: CalendarDate? = nil) -> [DateExpression] {
        recognizer.recognize(string, reference: reference ?? thursday)
    }

    /// Text and value of each expression found.
    func found(_ string: String, reference: CalendarDate? = nil) -> [String] {
        dates(string, reference: reference).map { "\($0.text)=\($0.value ?? "nil")" }
    }

    /// The value of the only expression found, nil when there is not exactly one.
    func value(_ string: String, reference: CalendarDate? = nil) -> String? {
        let all = dates(string, reference: reference)
        return all.count == 1 ? all[0].value : nil
    }

    // MARK: relative days and weekdays

    @Test func relativeDayAndWeekdayAreOneExpression() {
        let string = "قال المتحدث أمس الأربعاء إن الوفد سيصل"
        let all = dates(string)
        #expect(all.count == 1)
        let date = all[0]
        #expect(date.text == "أمس الأربعاء")
        #expect(date.value == "2020-02-19")
        #expect(date.precision == .day)
        #expect(date.isRelative)
        #expect(date.span == Span(start: 12, end: 24))
        #expect(ScalarText(string).text(date.span) == date.text)
    }

    @Test func relativeDaysCountFromTheReference() {
        #expect(value("وصل الوزير أمس إلى العاصمة") == "2020-02-19")
        #expect(value("جرت الاشتباكات أمس الأول قرب المطار") == "2020-02-18")
        #expect(value("أعلن أول أمس عن الاتفاق") == "2020-02-18")
        #expect(value("أعلن أول من أمس عن الاتفاق") == "2020-02-18")
        #expect(value("تنعقد الجلسة اليوم في المقر") == "2020-02-20")
        #expect(value("تبدأ المحادثات غدا") == "2020-02-21")
        #expect(value("تبدأ المحادثات غداً في جنيف") == "2020-02-21")
        #expect(value("يصل الوفد بعد غد") == "2020-02-22")
        #expect(value("سقطت القذائف البارحة") == "2020-02-19")
        #expect(value("غادر يوم أمس") == "2020-02-19")
        #expect(value("يلتقي الطرفان يوم الغد") == "2020-02-21")
        #expect(value("دوت انفجارات الليلة الماضية في الضواحي") == "2020-02-19")
    }

    @Test func timeOfDayBelongsToTheExpression() {
        #expect(found("اندلع الحريق صباح أمس الأربعاء في المخزن") == ["صباح أمس الأربعاء=2020-02-19"])
        #expect(found("يعقد المجلس جلسته مساء اليوم") == ["مساء اليوم=2020-02-20"])
        #expect(found("عاد مساء يوم أمس") == ["مساء يوم أمس=2020-02-19"])
    }

    @Test func weekdaysResolveToTheLatestSuchDayByDefault() {
        #expect(value("عقد الاجتماع يوم الثلاثاء في القاهرة") == "2020-02-18")
        #expect(value("وصل الخميس إلى الرباط") == "2020-02-20")
        #expect(value("تظاهر المئات السبت أمام البرلمان") == "2020-02-15")
    }

    @Test func weekdaysWithDirection() {
        #expect(found("التقى الوفدان الأربعاء الماضي") == ["الأربعاء الماضي=2020-02-19"])
        #expect(value("التقى الوفدان الخميس الماضي") == "2020-02-13")
        #expect(found("تستأنف المفاوضات الخميس المقبل") == ["الخميس المقبل=2020-02-27"])
        #expect(value("تستأنف المفاوضات الجمعة القادمة") == "2020-02-21")
        #expect(value("يصوت البرلمان يوم الأحد المقبل") == "2020-02-23")
    }

    @Test func weekdayWithoutArticleNeedsYawm() {
        #expect(value("حدث ذلك يوم أحد هادئ") == "2020-02-16")
        #expect(dates("قال أحد المسؤولين إن الوضع هادئ").isEmpty)
        #expect(dates("استقبل خميس الوفد في منزله").isEmpty)
    }

    @Test func aWeekdayNamedWithARelativeDayFollowsTheWeekday() {
        // Published on Friday but dated a day late: the weekday the author wrote wins.
        let friday = CalendarDate(iso: "2020-02-21")!
        #expect(value("وصل أمس الأربعاء", reference: friday) == "2020-02-19")
        #expect(value("وصل أمس", reference: friday) == "2020-02-20")
    }

    @Test func wordsThatShowTodayIsNotToday() {
        #expect(dates("وفي اليوم التالي انسحبت القوات").isEmpty)
        #expect(dates("وقع الهجوم في ذلك اليوم").isEmpty)
        #expect(dates("احتفل السكان باليوم الوطني").isEmpty)
        #expect(dates("بين الحليفين، كلا الاثنين يرفض").isEmpty)
        // Outlets named after the day.
        #expect(dates("نقلت صحيفة المصري اليوم وموقع اليوم السابع وقناة روسيا اليوم الخبر").isEmpty)
    }

    // MARK: weeks, months and years relative to the reference

    @Test func weeksGiveAMonthWhenTheyFitInOne() {
        let lastWeek = dates("زار المبعوث طرابلس الأسبوع الماضي")
        #expect(lastWeek.map(\.text) == ["الأسبوع الماضي"])
        #expect(lastWeek.first?.value == "2020-02")
        #expect(lastWeek.first?.precision == .month)
        // 26 January – 1 February straddles two months: the day it starts.
        let early = dates("زار المبعوث طرابلس الأسبوع الماضي", reference: CalendarDate(iso: "2020-02-04")!)
        #expect(early.first?.value == "2020-01-26")
        #expect(early.first?.precision == .day)
        #expect(value("تبدأ الجولة الأسبوع المقبل") == "2020-02")
        #expect(value("تنتهي المهلة هذا الأسبوع") == "2020-02")
    }

    @Test func weekStartIsConfigurable() throws {
        let mondayWeeks = DateRecognizer(lexicon: try DateLexicon.bundled(), weekStart: 2)
        // Reference Tuesday 2020-03-03: the previous Monday-to-Sunday week is 24 February – 1 March.
        let found = mondayWeeks.recognize("الأسبوع الماضي", reference: CalendarDate(iso: "2020-03-03")!)
        #expect(found.first?.value == "2020-02-24")
    }

    @Test func monthsAndYearsRelativeToTheReference() {
        #expect(found("ستجري الانتخابات الشهر المقبل") == ["الشهر المقبل=2020-03"])
        #expect(value("ارتفعت الأسعار الشهر الماضي") == "2020-01")
        #expect(value("ارتفعت الأسعار الشهر الماضي", reference: CalendarDate(iso: "2020-01-15")!) == "2019-12")
        #expect(found("تراجع الإنتاج العام الماضي") == ["العام الماضي=2019"])
        #expect(value("تراجع الإنتاج العام الماضي") == "2019")
        #expect(value("يتوقع النمو خلال العام الجاري") == "2020")
        #expect(value("يتوقع النمو هذا العام") == "2020")
        #expect(value("يتوقع النمو في السنة المقبلة") == "2021")
        #expect(dates("تراجع الإنتاج العام الماضي").first?.precision == .year)
    }

    @Test func generalIsNotAYear() {
        #expect(dates("انتخب الأمين العام المقبل للمنظمة").isEmpty)
        #expect(dates("أثار القرار غضب الرأي العام").isEmpty)
        #expect(dates("سيعقد المؤتمر العام الحالي للحزب").isEmpty)
    }

    // MARK: written dates

    @Test func dayMonthAndYearWithMonthNames() {
        #expect(found("وقعت الاتفاقية في 20 فبراير 2020 بالعاصمة") == ["20 فبراير 2020=2020-02-20"])
        #expect(found("وقعت الاتفاقية في 20 شباط/فبراير 2020") == ["20 شباط/فبراير 2020=2020-02-20"])
        #expect(found("وقعت الاتفاقية في 20 فبراير (شباط) 2020") == ["20 فبراير (شباط) 2020=2020-02-20"])
        #expect(found("ولد في 3 كانون الثاني 1950") == ["3 كانون الثاني 1950=1950-01-03"])
        #expect(found("صدر الحكم في ٢٠ فبراير ٢٠٢٠") == ["٢٠ فبراير ٢٠٢٠=2020-02-20"])
        #expect(found("في 20 من شهر فبراير 2020") == ["20 من شهر فبراير 2020=2020-02-20"])
        #expect(found("اعتمد الدستور في 20 فبراير 2020م") == ["20 فبراير 2020م=2020-02-20"])
        #expect(dates("وقعت الاتفاقية في 20 فبراير 2020").first?.isRelative == false)
    }

    @Test func maghrebiAndLevantineMonthNames() {
        #expect(value("انطلقت المسيرة يوم 22 فيفري 2019") == "2019-02-22")
        #expect(value("أعلن عن الحكومة في 3 جوان 2019") == "2019-06-03")
        #expect(value("احتفلت المدينة في 14 جويلية 2019") == "2019-07-14")
        #expect(value("افتتح المعرض في 5 شتنبر 2019") == "2019-09-05")
        #expect(value("غادر في غشت 2019") == "2019-08")
        #expect(value("وقع الانفجار في 4 آب 2019") == "2019-08-04")
        #expect(value("اندلعت الاحتجاجات في 17 تشرين الأول 2019") == "2019-10-17")
    }

    @Test func weekdayBeforeAWrittenDateJoinsIt() {
        #expect(found("تعقد القمة الخميس 20 فبراير") == ["الخميس 20 فبراير=2020-02-20"])
        #expect(found("تعقد القمة يوم الخميس، 20 فبراير 2020") == ["يوم الخميس، 20 فبراير 2020=2020-02-20"])
        #expect(found("وصل أمس الأربعاء الموافق 19 فبراير") == ["أمس الأربعاء الموافق 19 فبراير=2020-02-19"])
    }

    @Test func yearOfADayWithoutOneIsTheReferenceYearUnlessFarAhead() {
        #expect(value("تنتهي المهلة في 15 مارس") == "2020-03-15")
        #expect(value("بدأت الأزمة في 10 ديسمبر") == "2019-12-10")
        #expect(value("تنعقد الانتخابات في 20 يوليو") == "2020-07-20")
        #expect(value("في 20 فبراير الجاري") == "2020-02-20")
        #expect(value("في 10 فبراير الماضي", reference: CalendarDate(iso: "2020-02-25")!) == "2020-02-10")
        #expect(value("في 20 فبراير من العام الماضي") == "2019-02-20")
        #expect(dates("وقع الهجوم في 15 مارس").first?.isRelative == true)
    }

    @Test func daysOfTheCurrentOrPreviousMonth() {
        #expect(value("في 5 من الشهر الجاري") == "2020-02-05")
        #expect(value("في 25 من الشهر الماضي") == "2020-01-25")
        #expect(value("في 3 من هذا الشهر") == "2020-02-03")
    }

    @Test func numericDatesReadDayFirst() {
        #expect(found("صدر القرار بتاريخ 20/2/2020 عن المجلس") == ["20/2/2020=2020-02-20"])
        #expect(value("بتاريخ 20-2-2020") == "2020-02-20")
        #expect(value("بتاريخ 2020-02-20") == "2020-02-20")
        #expect(value("بتاريخ 2020/02/20") == "2020-02-20")
        #expect(value("بتاريخ ٢٠/٢/٢٠٢٠") == "2020-02-20")
        #expect(value("بتاريخ 5/3/2019") == "2019-03-05")
        #expect(found("في 20.02.2020 وصل") == ["20.02.2020=2020-02-20"])
        #expect(value("في 2020.02.20") == "2020-02-20")
        #expect(dates("نما الاقتصاد 3.5 بالمئة. 2020 عام صعب").isEmpty)
        #expect(dates("بتاريخ 2/30/2020").isEmpty)
        #expect(dates("سجلت النتيجة 2/1 و3/1").isEmpty)
        #expect(dates("اتصل على الرقم 0912-345-6789").isEmpty)
        #expect(dates("القضية رقم 12/3/2020/7").isEmpty)
    }

    // MARK: months and years

    @Test func monthsWithAYearOrADirection() {
        let february = dates("تراجعت الصادرات في فبراير 2020")
        #expect(february.map(\.text) == ["فبراير 2020"])
        #expect(february.first?.value == "2020-02")
        #expect(february.first?.precision == .month)
        #expect(february.first?.isRelative == false)
        #expect(value("تراجعت الصادرات في فبراير الماضي") == "2019-02")
        #expect(value("تراجعت الصادرات في يناير الماضي") == "2020-01")
        #expect(value("تبدأ الدراسة في مارس المقبل") == "2020-03")
        #expect(value("تراجعت الصادرات في فبراير من العام الماضي") == "2019-02")
        #expect(value("تراجعت الصادرات في شهر يناير") == "2020-01")
    }

    @Test func partsOfMonthsKeepMonthPrecision() {
        #expect(found("تصل الشحنة منتصف فبراير") == ["منتصف فبراير=2020-02"])
        #expect(value("تصل الشحنة مطلع مارس") == "2020-03")
        #expect(value("وصلت الشحنة أواخر يناير") == "2020-01")
        #expect(value("وصلت الشحنة أواخر شهر ديسمبر") == "2019-12")
        #expect(value("وصلت الشحنة أوائل أبريل 2019") == "2019-04")
        #expect(dates("تصل الشحنة منتصف فبراير").first?.precision == .month)
        #expect(found("منذ مطلع العام الجاري") == ["مطلع العام الجاري=2020"])
        #expect(value("منذ بداية العام") == "2020")
        #expect(value("حتى نهاية 2019") == "2019")
        #expect(value("في منتصف الشهر الماضي") == "2020-01")
    }

    @Test func aMonthNameAloneIsNoDate() {
        #expect(dates("مارس الضغط على الحكومة").isEmpty)
        #expect(dates("زار نيسان المصنع").isEmpty)
    }

    @Test func yearsNeedAMarkerOrAMonth() {
        #expect(found("تأسس الحزب عام 2019 في بنغازي") == ["عام 2019=2019"])
        #expect(value("تأسس الحزب سنة 2019") == "2019")
        #expect(value("تأسس الحزب في العام 2018") == "2018")
        #expect(value("تأسس الحزب عام 2019م") == "2019")
        #expect(dates("تأسس الحزب عام 2019").first?.precision == .year)
        #expect(dates("تأسس الحزب في 2019").isEmpty)
        #expect(dates("سقط 500 قتيل و2019 جريحا").isEmpty)
    }

    // MARK: Hijri dates

    @Test func hijriDatesConvertWithUmmAlQura() {
        #expect(found("الموافق 15 رجب 1441") == ["15 رجب 1441=2020-03-10"])
        #expect(found("الموافق 15 رجب 1441هـ") == ["15 رجب 1441هـ=2020-03-10"])
        #expect(found("الموافق 15 رجب 1441 هـ.") == ["15 رجب 1441 هـ=2020-03-10"])
        #expect(value("في 26 جمادى الآخرة 1441 هـ") == "2020-02-20")
        #expect(value("في 10 ذو الحجة 1440 هجرية") == "2019-08-11")
        #expect(dates("الموافق 15 رجب 1441").first?.isRelative == false)
    }

    @Test func hijriDaysWithoutYearTakeTheReferenceHijriYear() {
        #expect(value("يبدأ الصيام في 1 رمضان") == "2020-04-24")
        #expect(dates("يبدأ الصيام في 1 رمضان").first?.isRelative == true)
        // صفر is also "zero": without a year it is a score, not a month.
        #expect(dates("انتهت المباراة 2 صفر").isEmpty)
        #expect(value("في 2 صفر 1441") == "2019-10-01")
    }

    @Test func hijriDaysThatDoNotExistAreRejected() {
        // Rajab 1441 has 29 days in Umm al-Qura.
        let found = dates("في 30 رجب 1441")
        #expect(found.count == 1)
        #expect(found.first?.value == nil)
        #expect(dates("في 31 رجب 1441").isEmpty)
    }

    @Test func bothCalendarsInOneSentence() {
        #expect(found("الخميس 26 جمادى الآخرة 1441 هـ الموافق 20 فبراير 2020م")
                == ["الخميس 26 جمادى الآخرة 1441 هـ=2020-02-20", "20 فبراير 2020م=2020-02-20"])
    }

    // MARK: clitics, impossible dates, numbers

    @Test func attachedProcliticsStayOutsideTheSpan() {
        #expect(found("عقدت جلستان الأربعاء والخميس") == ["الأربعاء=2020-02-19", "الخميس=2020-02-20"])
        #expect(found("وصل الوفد وأمس غادر") == ["أمس=2020-02-19"])
        #expect(found("تغير كل شيء بالأمس") == ["الأمس=2020-02-19"])
        #expect(found("ويوم الثلاثاء انسحبت القوات") == ["يوم الثلاثاء=2020-02-18"])
        #expect(found("في يناير 2019 وفبراير 2020") == ["يناير 2019=2019-01", "فبراير 2020=2020-02"])
        #expect(found("وَالخميس") == ["الخميس=2020-02-20"])
        #expect(found("للعام الماضي") == ["للعام الماضي=2019"])
    }

    @Test func impossibleDatesAreRejected() {
        #expect(dates("في 31 فبراير 2020").isEmpty)
        #expect(dates("في 30 فبراير").isEmpty)
        #expect(dates("في 32 مارس 2020").isEmpty)
        #expect(dates("في 31 من شهر أبريل الماضي").isEmpty)
        #expect(dates("بتاريخ 31/4/2020").isEmpty)
        #expect(dates("بتاريخ 29/2/2019").isEmpty)
        // 29 February exists, but not in 2019.
        let leap = dates("في 29 فبراير", reference: CalendarDate(iso: "2019-03-10")!)
        #expect(leap.count == 1)
        #expect(leap.first?.value == nil)
        #expect(value("في 29 فبراير 2020") == "2020-02-29")
    }

    @Test func countsAreNotDates() {
        #expect(dates("قتل 500 شخص وأصيب 20 آخرون").isEmpty)
        #expect(dates("سقط 500 قتيل").isEmpty)
        #expect(dates("صادرت الشرطة 2020 قطعة سلاح").isEmpty)
    }

    @Test func withoutAReferenceRelativeDatesHaveNoValue() {
        let found = recognizer.recognize("وصل أمس، والاتفاق وقع في 20 فبراير 2020 وسيراجع الخميس المقبل", reference: nil)
        #expect(found.map(\.text) == ["أمس", "20 فبراير 2020", "الخميس المقبل"])
        #expect(found.map(\.value) == [nil, "2020-02-20", nil])
        #expect(found.map(\.isRelative) == [true, false, true])
    }

    @Test func spansAreScalarOffsetsIntoTheOriginalText() {
        let string = "أَعْلَنَ الجيشُ يومَ الثُّلاثاءِ الماضي، وفي ٢٠ فبراير ٢٠٢٠ عن هدنة"
        let text = ScalarText(string)
        let found = recognizer.recognize(text, tokens: Tokenizer().tokenize(text), reference: thursday)
        #expect(found.map(\.text) == ["يومَ الثُّلاثاءِ الماضي", "٢٠ فبراير ٢٠٢٠"])
        #expect(found.map(\.value) == ["2020-02-18", "2020-02-20"])
        for date in found { #expect(text.text(date.span) == date.text) }
    }

    @Test func datesDoNotRunAcrossLineBreaks() {
        #expect(found("وصلت القوات في الأول من مارس\n2020/2/20 آخر تحديث") == ["2020/2/20=2020-02-20"])
        #expect(found("أمس\nالأربعاء") == ["أمس=2020-02-19", "الأربعاء=2020-02-19"])
    }

    @Test func workStaysLinearOnLongInputs() {
        let sentence = "قتل 20 شخصا أمس الأربعاء في 20/2/2020 و 3 / 4 / 5 - 6 عام عام 2019 فبراير "
        let string = String(repeating: sentence, count: 2_000)
        let found = dates(string)
        #expect(found.count == 6_000)
    }

    // MARK: lexicon and calendar

    @Test func lexiconErrorsNameTheLine() {
        #expect(throws: DateLexiconError.self) {
            try DateLexicon(tsv: "# source: test\nphrase\tkind\tvalue\tflags\nفبراير\tmonht\t2\n", file: "test.tsv")
        }
        #expect(throws: DateLexiconError.self) {
            try DateLexicon(tsv: "phrase\tkind\tvalue\tflags\nالتالي\tcancels-after\tالغدو\n", file: "test.tsv")
        }
        do {
            _ = try DateLexicon(tsv: "phrase\tkind\tvalue\tflags\nفبراير\tmonth\t2\nفبراير\tmonth\t3\n", file: "test.tsv")
            Issue.record("a phrase listed twice with two meanings must fail")
        } catch let error as DateLexiconError {
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("test.tsv:3:"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func calendarDateArithmetic() throws {
        #expect(thursday.weekday == 5)
        #expect(thursday.iso == "2020-02-20")
        #expect(CalendarDate(iso: "2020-02-30") == nil)
        #expect(CalendarDate(iso: "2020-2-3") == nil)
        #expect(CalendarDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(CalendarDate(dayNumber: thursday.dayNumber) == thursday)
        #expect(thursday.adding(days: 10).iso == "2020-03-01")
        #expect(CalendarDate(iso: "2019-12-31")!.adding(days: 1).iso == "2020-01-01")
        #expect(CalendarDate(iso: "1900-03-01")!.adding(days: -1).iso == "1900-02-28")
        #expect(CalendarDate(iso: "2019-12-31")! < thursday)
        let encoded = try JSONEncoder().encode([thursday])
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"2020-02-20\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: encoded) == [thursday])
    }

    @Test func emptyTextHasNoDates() throws {
        let recognizer = try DateRecognizer.bundled()
        #expect(recognizer.recognize(ScalarText(""), tokens: [], reference: CalendarDate(iso: "2020-02-20")).isEmpty)
        #expect(recognizer.recognize(ScalarText(" \n "), tokens: [], reference: nil).isEmpty)
    }
}
