import Platform

/// A UTC calendar day as a day number (days since 1970-01-01), and its civil year.
package struct UTCDay: Sendable, Hashable, Comparable, BitwiseCopyable, CustomStringConvertible {
    /// Days since 1970-01-01 (UTC).
    package var number: Int64

    /// The day `number` days after 1970-01-01.
    package init(number: Int64) { self.number = number }

    /// The day containing `unixNanoseconds` (floored, so instants before 1970 work too).
    package init(unixNanoseconds: Int64) {
        let perDay: Int64 = 86_400_000_000_000
        number = unixNanoseconds >= 0 ? unixNanoseconds / perDay : -((-unixNanoseconds + perDay - 1) / perDay)
    }

    /// The day of a `YYYY-MM-DD` date (nil unless it is one, of years 1–9999), by Hinnant's
    /// `days_from_civil` (Platform's `CivilCalendar`, the one implementation of it here).
    package init?(isoDate text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
            (1...9_999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        number = CivilCalendar.days(year: Int(year), month: Int(month), day: Int(day))
        // Reject 2026-02-31 and the like: the day must map back to the same date.
        guard civil.month == month, civil.day == day else { return nil }
    }

    /// Year, month (1–12), day (1–31), by H. Hinnant's `civil_from_days` (`CivilCalendar`'s;
    /// "chrono-Compatible Low-Level Date Algorithms", 2013; proleptic Gregorian calendar).
    package var civil: (year: Int64, month: Int64, day: Int64) {
        let date = CivilCalendar.date(days: number)
        return (Int64(date.year), Int64(date.month), Int64(date.day))
    }

    /// The calendar year.
    package var year: Int64 { civil.year }

    /// Orders by day number.
    package static func < (lhs: UTCDay, rhs: UTCDay) -> Bool { lhs.number < rhs.number }

    /// `2026-08-23`.
    package var description: String {
        let (year, month, day) = civil
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
