/// Written dates: a day number with a month name or number, and the years after them.
extension DateGrammar {
    /// "20 فبراير 2020", "20 من شهر شباط/فبراير", "15 رجب 1441 هـ", "5 من الشهر الجاري",
    /// "20/2/2020", "2020-02-20".
    func writtenDay(at k: Int) -> (meaning: DateMeaning, end: Int)? {
        if let numeric = numericDate(at: k) { return numeric }
        guard let n = scan.number(k), n.digits <= 2, (1...31).contains(n.value) else { return nil }
        let day = n.value
        var j = k + 1
        if let m = scan.word(j), m.entry.word == .of { j += m.tokenCount }
        if let m = scan.word(j), m.entry.word == .monthMarker { j += m.tokenCount }
        guard let m = scan.word(j) else { return nil }
        switch m.entry.word {
        case .month(let month):
            // Any year's month length: 29 فبراير is checked again once the year is known.
            guard day <= CalendarDate.daysInMonth(year: 2000, month: month) else { return nil }
            let end = afterMonthName(j, month: month)
            if let year = gregorianYear(at: end) {
                return (.day(day: day, month: month, year: year.spec), year.end)
            }
            if let d = scan.word(end), case .direction(let offset) = d.entry.word {
                return (.day(day: day, month: month, year: .occurrence(offset)), end + d.tokenCount)
            }
            return (.day(day: day, month: month, year: .inferred), end)
        case .hijriMonth(let month):
            guard day <= 30 else { return nil }
            let end = j + m.tokenCount
            if let year = hijriYear(at: end) {
                return (.hijriDay(day: day, month: month, year: year.year), year.end)
            }
            return m.entry.flags.contains(.needsYear) ? nil : (.hijriDay(day: day, month: month, year: nil), end)
        case .unit(.month), .this:
            var u = j
            var demonstrative = false
            if m.entry.word == .this { u += m.tokenCount; demonstrative = true }
            guard let unit = scan.word(u), unit.entry.word == .unit(.month) else { return nil }
            let end = u + unit.tokenCount
            if demonstrative { return (.dayOfRelativeMonth(day: day, offset: 0), end) }
            guard let d = scan.word(end), case .direction(let offset) = d.entry.word else { return nil }
            return (.dayOfRelativeMonth(day: day, offset: offset), end + d.tokenCount)
        default:
            return nil
        }
    }

    /// Day/month/year with / or - (the order Arabic news writes), or year-month-day; the parts
    /// must touch, and a fourth part (a phone or case number) rules the whole out.
    private func numericDate(at k: Int) -> (meaning: DateMeaning, end: Int)? {
        if let pair = scan.dottedPair(k) {
            // 20.02.2020 or 2020.02.20: the tokenizer read the first two parts as a decimal.
            guard scan.touches(k), scan.isPunctuation(k + 1, [0x2E]), scan.touches(k + 1), let c = scan.number(k + 2) else { return nil }
            if scan.touches(k + 2), scan.isPunctuation(k + 3, [0x2E]), scan.touches(k + 3), scan.number(k + 4) != nil { return nil }
            return numericParts(pair.first, pair.second, c, end: k + 3)
        }
        guard let a = scan.number(k), scan.isPunctuation(k + 1, Self.dateSeparators),
              let b = scan.number(k + 2), let c = scan.number(k + 4),
              (k..<(k + 4)).allSatisfy({ scan.touches($0) }) else { return nil }
        let separator = scan.text.scalars[scan.tokens[k + 1].span.start]
        guard scan.text.scalars[scan.tokens[k + 3].span.start] == separator,
              scan.isPunctuation(k + 3, [separator.value]) else { return nil }
        if k > 0, scan.touches(k - 1), scan.isPunctuation(k - 1, Self.dateSeparators) { return nil }
        if scan.touches(k + 4), scan.isPunctuation(k + 5, Self.dateSeparators), scan.touches(k + 5), scan.number(k + 6) != nil { return nil }
        return numericParts(a, b, c, end: k + 5)
    }

    private func numericParts(_ a: (value: Int, digits: Int), _ b: (value: Int, digits: Int), _ c: (value: Int, digits: Int),
                              end: Int) -> (meaning: DateMeaning, end: Int)? {
        let parts: (year: Int, month: Int, day: Int)
        if a.digits == 4, b.digits <= 2, c.digits <= 2 {
            parts = (a.value, b.value, c.value)
        } else if c.digits == 4, a.digits <= 2, b.digits <= 2 {
            parts = (c.value, b.value, a.value)
        } else {
            return nil
        }
        guard Self.gregorianYears.contains(parts.year),
              CalendarDate(year: parts.year, month: parts.month, day: parts.day) != nil,
              let end = afterEra(end, allowing: .gregorian) else { return nil }
        return (.day(day: parts.day, month: parts.month, year: .explicit(parts.year)), end)
    }

    /// The end of a month name at token `j`, past a second name for the same month:
    /// "شباط/فبراير", "فبراير (شباط)". A second name for another month is left alone.
    func afterMonthName(_ j: Int, month: Int) -> Int {
        guard let first = scan.word(j) else { return j }
        let end = j + first.tokenCount
        if scan.isPunctuation(end, [0x2F]), let second = scan.word(end + 1), second.entry.word == .month(month) {
            return end + 1 + second.tokenCount
        }
        if scan.isPunctuation(end, [0x28]), let second = scan.word(end + 1), second.entry.word == .month(month),
           scan.isPunctuation(end + 1 + second.tokenCount, [0x29]) {
            return end + 2 + second.tokenCount
        }
        return end
    }

    /// A Gregorian year after a day and month or a month: "2020", "2020م", "عام 2020",
    /// "من العام الماضي", "من هذا العام".
    func gregorianYear(at j: Int) -> (spec: YearSpec, end: Int)? {
        var starts = [j]
        if let m = scan.word(j), m.entry.word == .of { starts.append(j + m.tokenCount) }
        for q in starts {
            if let year = scan.yearNumber(q, in: Self.gregorianYears) {
                guard let end = afterEra(q + 1, allowing: .gregorian) else { return nil }
                return (.explicit(year), end)
            }
            var u = q
            var demonstrative = false
            if let m = scan.word(u), m.entry.word == .this { u += m.tokenCount; demonstrative = true }
            guard let unit = scan.word(u), unit.entry.word == .unit(.year) else { continue }
            let after = u + unit.tokenCount
            if !demonstrative, let year = scan.yearNumber(after, in: Self.gregorianYears) {
                guard let end = afterEra(after + 1, allowing: .gregorian) else { return nil }
                return (.explicit(year), end)
            }
            if unit.entry.flags.contains(.needsNumber) { continue }
            if demonstrative { return (.relative(0), after) }
            if let d = scan.word(after), case .direction(let offset) = d.entry.word {
                return (.relative(offset), after + d.tokenCount)
            }
        }
        return nil
    }

    /// A Hijri year after a day and month: "1441", "1441هـ", "سنة 1441 هـ".
    private func hijriYear(at j: Int) -> (year: Int, end: Int)? {
        var q = j
        if scan.yearNumber(q, in: Self.hijriYears) == nil {
            if let m = scan.word(q), m.entry.word == .of { q += m.tokenCount }
            if let unit = scan.word(q), unit.entry.word == .unit(.year) { q += unit.tokenCount }
        }
        guard let year = scan.yearNumber(q, in: Self.hijriYears), let end = afterEra(q + 1, allowing: .hijri) else { return nil }
        return (year, end)
    }

    /// The token after an era word at `i` (م، هـ، ميلادي، للهجرة), or `i` when there is none;
    /// nil when the era contradicts the calendar of the date before it.
    func afterEra(_ i: Int, allowing era: DateEra) -> Int? {
        guard let m = scan.word(i), case .era(let written) = m.entry.word else { return i }
        return written == era ? i + m.tokenCount : nil
    }
}
