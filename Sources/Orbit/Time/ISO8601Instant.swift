import Platform

extension JulianDate {
    /// Reads a UTC instant written in ISO 8601 extended format, the RFC 3339 `date-time` profile.
    ///
    /// Accepted: `YYYY-MM-DDThh:mm:ss`, an optional fraction of the second (`.` and one or more
    /// digits, any number), then `Z` or an offset `±hh:mm` (or `±hhmm`). `t` and `z` may be
    /// lower case (RFC 3339 §5.6). An offset is applied, so `2026-08-22T20:50:00+02:00` is
    /// the same instant as `2026-08-22T18:50:00Z`; `-00:00` is read as UTC.
    ///
    /// Refused, each with an `ISO8601InstantError` that names the text:
    /// - a date alone (`2026-08-22`): an instant needs a time of day; defaulting to midnight
    ///   would hide a day's error;
    /// - a time without `Z` or offset: local time is ambiguous;
    /// - second 60: a leap second has no representation on this UTC Julian-date scale;
    /// - years outside 1901–2099, where `JulianDate(year:month:day:)` (Vallado's `jday`) and
    ///   its inverse are exact;
    /// - basic format (`20260822T185000Z`), week and ordinal dates, and reduced precision
    ///   (`18:50Z`).
    ///
    /// The fraction is converted by the standard library's correctly rounded decimal reader and
    /// added to the day fraction, so a split date keeps it to ~10 ps.
    package init(iso8601 text: String) throws(ISO8601InstantError) {
        let fields = try ISO8601.scan(text, years: 1901...2099)
        let midnight = JulianDate(year: fields.year, month: fields.month, day: fields.day)
        let secondsIntoDay =
            Double(fields.hour * 3600 + fields.minute * 60 + fields.second) + fields.fractionOfSecond
            - Double(fields.offsetSeconds)
        self = midnight.adding(seconds: secondsIntoDay)
    }

    /// The instant in ISO 8601 extended format in UTC, e.g. `2026-08-22T18:50:00.000Z`.
    ///
    /// - Parameter fractionalSecondDigits: digits after the decimal point, clamped to 0–9; with
    ///   0 there is no decimal point. The time is rounded to that resolution, carrying into
    ///   the next second, minute, hour and day as needed.
    /// Valid for 1900-03-01 to 2100-02-28; `JulianDate(iso8601:)` reads the result back.
    package func iso8601String(fractionalSecondDigits: Int = 3) -> String {
        let digits = min(max(fractionalSecondDigits, 0), 9)
        var ticksPerSecond: Int64 = 1
        for _ in 0..<digits { ticksPerSecond *= 10 }
        let split = splitIntoCivilDayAndTicks(ticksPerSecond: ticksPerSecond)
        let date = CivilDate(daysSince1899December31: split.daysSince1899December31)
        let wholeSeconds = Int(split.ticksIntoDay / ticksPerSecond)
        let subsecondTicks = Int(split.ticksIntoDay % ticksPerSecond)
        var text = zeroPaddedDecimal(date.year, width: 4) + "-" + zeroPaddedDecimal(date.month, width: 2) + "-"
        text += zeroPaddedDecimal(date.day, width: 2) + "T" + zeroPaddedDecimal(wholeSeconds / 3600, width: 2) + ":"
        text += zeroPaddedDecimal(wholeSeconds / 60 % 60, width: 2) + ":" + zeroPaddedDecimal(wholeSeconds % 60, width: 2)
        if digits > 0 {
            text += "." + zeroPaddedDecimal(subsecondTicks, width: digits)
        }
        return text + "Z"
    }
}
