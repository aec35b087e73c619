/// Which year a day or month without a written year belongs to.
enum YearSpec: Hashable, Sendable {
    /// Nothing said: the reference year, or the year before when that would put the date
    /// far in the future (news mostly reports what has happened).
    case inferred
    /// A written year: "20 فبراير 2020".
    case explicit(Int)
    /// Years from the reference year: "فبراير من العام الماضي" is -1.
    case relative(Int)
    /// A direction after the month itself: "فبراير الماضي" is the last February before the
    /// reference, "فبراير المقبل" the next one, "فبراير الجاري" the one of the reference year.
    case occurrence(Int)
}

/// What a date expression says, before it is resolved against a reference date.
enum DateMeaning: Hashable, Sendable {
    /// A day of a Gregorian month: "20 فبراير", "20/2/2020".
    case day(day: Int, month: Int, year: YearSpec)
    /// A day of the current, previous or next month: "5 من الشهر الجاري".
    case dayOfRelativeMonth(day: Int, offset: Int)
    /// A day of a Hijri month; nil year means the Hijri year of the reference.
    case hijriDay(day: Int, month: Int, year: Int?)
    case month(Int, YearSpec)
    case year(Int)
    /// "أمس", "اليوم الخميس": a day offset, and the weekday the text names with it.
    case relativeDay(offset: Int, weekday: Int?)
    /// "الخميس" (nil direction), "الخميس الماضي" (-1), "الخميس المقبل" (1).
    case weekday(Int, direction: Int?)
    /// "الأسبوع الماضي", "الشهر المقبل", "هذا العام": a unit offset from the reference.
    case relativeUnit(DateUnit, offset: Int)

    /// Whether resolving it needs the reference date.
    var isRelative: Bool {
        switch self {
        case .day(_, _, .explicit), .month(_, .explicit), .year, .hijriDay(_, _, .some): false
        default: true
        }
    }
}
