import Foundation

/// Converts Hijri dates to Gregorian with Foundation's Umm al-Qura calendar, the official
/// calendar of Saudi Arabia and the one Arab news sites print beside Gregorian dates.
///
/// Sighting-based calendars (Egypt, Libya, the Maghreb) can start a month a day apart from it,
/// so a converted day may be off by one for those sources.
struct HijriCalendar: Sendable {
    private let calendar: Calendar

    init() {
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        self.calendar = calendar
    }

    /// The Gregorian day of a Hijri date, or nil when the month has no such day (30 in a
    /// 29-day month): Foundation would roll it over to the next month.
    func gregorian(year: Int, month: Int, day: Int) -> CalendarDate? {
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return CalendarDate(dayNumber: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The Hijri year a Gregorian day falls in.
    func year(of date: CalendarDate) -> Int? {
        calendar.dateComponents([.year], from: Date(timeIntervalSince1970: Double(date.dayNumber) * 86_400)).year
    }
}
