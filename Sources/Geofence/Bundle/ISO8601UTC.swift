import Foundation
import Platform

/// ISO-8601 instants in UTC as policy files write them: `2026-09-01T00:00:00Z`, optionally with
/// fractional seconds (`…:00.5Z`). Only the `Z` zone is accepted, so a file can never mean
/// local time; no leap second. Read and written by Platform's one codec (`ISO8601`).
package enum ISO8601UTC {
    /// The instant, or nil when the text is not `YYYY-MM-DDTHH:MM:SS[.fff]Z` with valid fields.
    package static func parse(_ text: String) -> Date? {
        guard let fields = try? ISO8601.scan(text, offsets: false) else { return nil }
        let days = CivilCalendar.days(year: fields.year, month: fields.month, day: fields.day)
        let seconds = Double(days * 86_400 + Int64(fields.hour * 3_600 + fields.minute * 60 + fields.second))
        return Date(timeIntervalSince1970: seconds + fields.fractionOfSecond)
    }

    /// `2026-09-01T00:00:00Z` (whole seconds, rounded down).
    package static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return ISO8601.string(unixSeconds: seconds, fractionDigits: 0)
    }
}
