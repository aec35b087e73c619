/// A date expression found by the grammar: what it says and the tokens it covers.
struct DateParse: Hashable, Sendable {
    var meaning: DateMeaning
    var startToken: Int
    /// One past the last token.
    var endToken: Int
}

/// The patterns of Arabic date expressions, over the words and numbers of a `DateScan`.
///
/// Two families start at a token: day phrases (a time of day, يوم, a relative day, a weekday,
/// then perhaps a written date: "صباح أمس الأربعاء", "الخميس، 20 فبراير 2020") and period
/// phrases (a month part, then a month, a year or a unit: "منتصف فبراير", "العام الماضي").
/// Each pattern looks a bounded number of tokens ahead, so a text costs time linear in its length.
struct DateGrammar {
    let scan: DateScan

    static let commas: Set<UInt32> = [0x2C, 0x060C]
    static let dateSeparators: Set<UInt32> = [0x2F, 0x2D]
    static let gregorianYears = 1000...2999
    /// Hijri years Foundation's Umm al-Qura calendar covers with its observation table.
    static let hijriYears = 1300...1600

    /// The longest date expression that starts at token `i`.
    func parse(at i: Int) -> DateParse? {
        let day = dayPhrase(at: i)
        let period = periodPhrase(at: i)
        guard let day else { return period }
        guard let period else { return day }
        return period.endToken > day.endToken ? period : day
    }

    /// The end of a day that its month does not have ("31 فبراير 2020", "32 مارس"), so that the
    /// recognizer skips it whole rather than reporting the month and year that follow.
    func impossibleDayEnd(at i: Int) -> Int? {
        guard let n = scan.number(i), n.digits <= 2, n.value >= 1 else { return nil }
        var j = i + 1
        if let m = scan.word(j), m.entry.word == .of { j += m.tokenCount }
        if let m = scan.word(j), m.entry.word == .monthMarker { j += m.tokenCount }
        guard let m = scan.word(j) else { return nil }
        switch m.entry.word {
        case .month(let month) where n.value > CalendarDate.daysInMonth(year: 2000, month: month):
            let end = afterMonthName(j, month: month)
            return gregorianYear(at: end)?.end ?? end
        case .hijriMonth where n.value > 30:
            return j + m.tokenCount
        default:
            return nil
        }
    }

    // MARK: day phrases

    private func dayPhrase(at i: Int) -> DateParse? {
        var j = i
        var marked = false
        if let m = scan.word(j), m.entry.word == .timeOfDay { j += m.tokenCount; marked = true }
        if let m = scan.word(j), m.entry.word == .dayMarker { j += m.tokenCount; marked = true }
        var relative: Int?
        if let m = scan.word(j), case .relativeDay(let offset) = m.entry.word,
           marked || !m.entry.flags.contains(.needsMarker), !scan.isCancelled(j) {
            relative = offset
            j += m.tokenCount
        }
        var weekday: Int?
        if let m = scan.word(j), case .weekday(let day) = m.entry.word,
           marked || relative != nil || !m.entry.flags.contains(.needsMarker), !scan.isCancelled(j) {
            weekday = day
            j += m.tokenCount
        }
        var direction: Int?
        if relative == nil, weekday != nil, let m = scan.word(j), case .direction(let d) = m.entry.word, d != 0 {
            direction = d
            j += m.tokenCount
        }
        // A written date after the day words wins over them: "الخميس الموافق 20 فبراير".
        var k = j
        if k > i {
            if scan.isPunctuation(k, Self.commas) { k += 1 }
            if let m = scan.word(k), m.entry.word == .link { k += m.tokenCount }
        }
        if let written = writtenDay(at: k) {
            return DateParse(meaning: written.meaning, startToken: i, endToken: written.end)
        }
        if let relative {
            return DateParse(meaning: .relativeDay(offset: relative, weekday: weekday), startToken: i, endToken: j)
        }
        if let weekday {
            return DateParse(meaning: .weekday(weekday, direction: direction), startToken: i, endToken: j)
        }
        return nil
    }

    // MARK: period phrases

    private func periodPhrase(at i: Int) -> DateParse? {
        var j = i
        var part = false
        if let m = scan.word(j), m.entry.word == .monthPart { j += m.tokenCount; part = true }
        if let month = monthPhrase(at: j, needsQualifier: !part) {
            return DateParse(meaning: month.meaning, startToken: i, endToken: month.end)
        }
        if part, let year = scan.yearNumber(j, in: Self.gregorianYears) {
            guard let end = afterEra(j + 1, allowing: .gregorian) else { return nil }
            return DateParse(meaning: .year(year), startToken: i, endToken: end)
        }
        var demonstrative = false
        if let m = scan.word(j), m.entry.word == .this { j += m.tokenCount; demonstrative = true }
        guard let m = scan.word(j), case .unit(let unit) = m.entry.word else { return nil }
        if !part, !demonstrative, scan.isCancelled(j) { return nil }
        let u = j + m.tokenCount
        if unit == .year, !demonstrative, let year = scan.yearNumber(u, in: Self.gregorianYears) {
            guard let end = afterEra(u + 1, allowing: .gregorian) else { return nil }
            return DateParse(meaning: .year(year), startToken: i, endToken: end)
        }
        if m.entry.flags.contains(.needsNumber) { return nil }
        if demonstrative {
            return DateParse(meaning: .relativeUnit(unit, offset: 0), startToken: i, endToken: u)
        }
        if let d = scan.word(u), case .direction(let offset) = d.entry.word {
            return DateParse(meaning: .relativeUnit(unit, offset: offset), startToken: i, endToken: u + d.tokenCount)
        }
        if part {
            return DateParse(meaning: .relativeUnit(unit, offset: 0), startToken: i, endToken: u)
        }
        return nil
    }

    /// "[شهر] فبراير" with a year or direction after it, or without when `needsQualifier` is
    /// false (after منتصف …) or شهر stands before it: a month name alone is too often a verb or a
    /// name (مارس "he practised") to count as a date.
    private func monthPhrase(at i: Int, needsQualifier: Bool) -> (meaning: DateMeaning, end: Int)? {
        var j = i
        var marked = false
        if let m = scan.word(j), m.entry.word == .monthMarker { j += m.tokenCount; marked = true }
        guard let m = scan.word(j), case .month(let month) = m.entry.word else { return nil }
        let end = afterMonthName(j, month: month)
        if let year = gregorianYear(at: end) {
            return (.month(month, year.spec), year.end)
        }
        if let d = scan.word(end), case .direction(let offset) = d.entry.word {
            return (.month(month, .occurrence(offset)), end + d.tokenCount)
        }
        return needsQualifier && !marked ? nil : (.month(month, .inferred), end)
    }
}
