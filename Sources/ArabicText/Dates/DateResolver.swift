/// Turns what a date expression says into a calendar value, given the reference date
/// (usually the article's publication date).
///
/// Rules, chosen because news mostly reports what has already happened:
/// - A day or month without a year ("20 فبراير", "منتصف مارس") takes the reference year,
///   or the year before when that would put it more than `futureHorizonDays` (about six
///   months) after the reference.
/// - A weekday alone ("يوم الثلاثاء") is the latest such day on or before the reference;
///   with الماضي it is strictly before, with المقبل strictly after.
/// - "فبراير الماضي" is the last February before the reference month, "فبراير المقبل" the
///   first after it; "20 فبراير الماضي" is the last 20 February before the reference day.
/// - A relative day with a weekday ("أمس الأربعاء") is the day with that weekday nearest to
///   the relative day: when they disagree, the publication date is the likelier error.
/// - A week ("الأسبوع الماضي") has no precision of its own: when it lies within one month the
///   value is that month, otherwise the day it starts on (weeks start on `weekStart`).
struct DateResolver: Sendable {
    /// 1 = Sunday … 7 = Saturday.
    var weekStart: Int
    let hijri = HijriCalendar()
    static let futureHorizonDays = 183

    func resolve(_ meaning: DateMeaning, reference: CalendarDate?) -> (value: String?, precision: DatePrecision) {
        switch meaning {
        case .year(let year):
            return (CalendarDate.pad(year, 4), .year)
        case .day(let day, let month, .explicit(let year)):
            return (CalendarDate(year: year, month: month, day: day)?.iso, .day)
        case .month(let month, .explicit(let year)):
            return (Self.monthValue(year, month), .month)
        case .hijriDay(let day, let month, .some(let year)):
            return (hijri.gregorian(year: year, month: month, day: day)?.iso, .day)
        default:
            break
        }
        guard let reference else { return (nil, Self.precision(meaning)) }
        switch meaning {
        case .day(let day, let month, let spec):
            return (dayInYear(day, month, spec, reference)?.iso, .day)
        case .dayOfRelativeMonth(let day, let offset):
            let (year, month) = Self.shift(reference, months: offset)
            return (CalendarDate(year: year, month: month, day: day)?.iso, .day)
        case .hijriDay(let day, let month, _):
            return (hijriDayNear(day, month, reference)?.iso, .day)
        case .month(let month, let spec):
            return (Self.monthValue(monthYear(month, spec, reference), month), .month)
        case .relativeDay(let offset, let weekday):
            var date = reference.adding(days: offset)
            if let weekday {
                var delta = (weekday - date.weekday + 7) % 7
                if delta > 3 { delta -= 7 }
                date = date.adding(days: delta)
            }
            return (date.iso, .day)
        case .weekday(let weekday, let direction):
            return (Self.weekday(weekday, direction: direction, from: reference).iso, .day)
        case .relativeUnit(.week, let offset):
            let start = reference.adding(days: -((reference.weekday - weekStart + 7) % 7) + 7 * offset)
            let end = start.adding(days: 6)
            if start.year == end.year && start.month == end.month {
                return (Self.monthValue(start.year, start.month), .month)
            }
            return (start.iso, .day)
        case .relativeUnit(.month, let offset):
            let (year, month) = Self.shift(reference, months: offset)
            return (Self.monthValue(year, month), .month)
        case .relativeUnit(.year, let offset):
            return (CalendarDate.pad(reference.year + offset, 4), .year)
        case .year:
            return (nil, .year)
        }
    }

    /// The precision reported when there is no reference date to resolve against.
    private static func precision(_ meaning: DateMeaning) -> DatePrecision {
        switch meaning {
        case .month, .relativeUnit(.month, _): .month
        case .year, .relativeUnit(.year, _): .year
        default: .day
        }
    }

    private func dayInYear(_ day: Int, _ month: Int, _ spec: YearSpec, _ reference: CalendarDate) -> CalendarDate? {
        let sameDayOrLater = (month, day) >= (reference.month, reference.day)
        let year: Int
        switch spec {
        case .explicit(let written): year = written
        case .relative(let offset): year = reference.year + offset
        case .occurrence(let direction) where direction < 0: year = sameDayOrLater ? reference.year - 1 : reference.year
        case .occurrence(let direction) where direction > 0: year = (month, day) > (reference.month, reference.day) ? reference.year : reference.year + 1
        case .occurrence: year = reference.year
        case .inferred:
            // Compare with the day clamped to the month, so 29 فبراير of a common year still picks a year.
            let clamped = CalendarDate(year: reference.year, month: month, day: min(day, CalendarDate.daysInMonth(year: reference.year, month: month)))
            let ahead = (clamped?.dayNumber ?? reference.dayNumber) - reference.dayNumber
            year = ahead > Self.futureHorizonDays ? reference.year - 1 : reference.year
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    private func monthYear(_ month: Int, _ spec: YearSpec, _ reference: CalendarDate) -> Int {
        switch spec {
        case .explicit(let year): year
        case .relative(let offset): reference.year + offset
        case .occurrence(let direction) where direction < 0: month < reference.month ? reference.year : reference.year - 1
        case .occurrence(let direction) where direction > 0: month > reference.month ? reference.year : reference.year + 1
        case .occurrence: reference.year
        case .inferred: month - reference.month > 6 ? reference.year - 1 : reference.year
        }
    }

    private func hijriDayNear(_ day: Int, _ month: Int, _ reference: CalendarDate) -> CalendarDate? {
        guard let year = hijri.year(of: reference), let date = hijri.gregorian(year: year, month: month, day: day) else { return nil }
        if date.dayNumber - reference.dayNumber > Self.futureHorizonDays {
            return hijri.gregorian(year: year - 1, month: month, day: day)
        }
        return date
    }

    private static func weekday(_ weekday: Int, direction: Int?, from reference: CalendarDate) -> CalendarDate {
        let back = (reference.weekday - weekday + 7) % 7
        let forward = (weekday - reference.weekday + 7) % 7
        switch direction {
        case .some(let d) where d < 0: return reference.adding(days: -(back == 0 ? 7 : back))
        case .some(let d) where d > 0: return reference.adding(days: forward == 0 ? 7 : forward)
        default: return reference.adding(days: -back)
        }
    }

    private static func shift(_ date: CalendarDate, months: Int) -> (year: Int, month: Int) {
        let index = date.year * 12 + (date.month - 1) + months
        return (index / 12, index % 12 + 1)
    }

    private static func monthValue(_ year: Int, _ month: Int) -> String {
        "\(CalendarDate.pad(year, 4))-\(CalendarDate.pad(month, 2))"
    }
}
