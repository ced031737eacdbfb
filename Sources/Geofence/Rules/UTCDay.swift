/// A UTC calendar day as a day number (days since 1970-01-01), and its civil year.
public struct UTCDay: Sendable, Hashable, Comparable, BitwiseCopyable, CustomStringConvertible {
    /// Days since 1970-01-01 (UTC).
    public var number: Int64

    /// The day `number` days after 1970-01-01.
    public init(number: Int64) { self.number = number }

    /// The day containing `unixNanoseconds` (floored, so instants before 1970 work too).
    public init(unixNanoseconds: Int64) {
        let perDay: Int64 = 86_400_000_000_000
        number = unixNanoseconds >= 0 ? unixNanoseconds / perDay : -((-unixNanoseconds + perDay - 1) / perDay)
    }

    /// The day of a `YYYY-MM-DD` date (nil unless it is one, of years 1–9999), by Hinnant's
    /// `days_from_civil` (same reference as ``civil``).
    public init?(isoDate text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int64(parts[0]), let month = Int64(parts[1]), let day = Int64(parts[2]),
            (1...9_999).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
        // Reject 2026-02-31 and the like: the day must map back to the same date.
        guard civil.month == month, civil.day == day else { return nil }
    }

    /// Year, month (1–12), day (1–31), by H. Hinnant's `civil_from_days` ("chrono-Compatible
    /// Low-Level Date Algorithms", 2013; proleptic Gregorian calendar).
    public var civil: (year: Int64, month: Int64, day: Int64) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The calendar year.
    public var year: Int64 { civil.year }

    /// Orders by day number.
    public static func < (lhs: UTCDay, rhs: UTCDay) -> Bool { lhs.number < rhs.number }

    /// `2026-08-23`.
    public var description: String {
        let (year, month, day) = civil
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
