import Platform
import Testing

@testable import Orbit

/// Reading and writing ISO-8601 / RFC 3339 UTC instants.
@Suite struct TimeISO8601Tests {
    @Test func readsTheDesignExample() throws {
        let date = try JulianDate(iso8601: "2026-08-22T18:50:00Z")
        // python: sgp4.functions.jday(2026, 8, 22, 18, 50, 0) == (2461274.5, 0.7847222222222222)
        #expect(date.day == 2_461_274.5)
        #expect(abs(date.fraction - 0.784_722_222_222_222_2) < 1e-15)
        #expect(date == JulianDate(year: 2026, month: 8, day: 22, hour: 18, minute: 50))
    }

    @Test func readsJ2000AndTheUnixEpoch() throws {
        #expect(try JulianDate(iso8601: "2000-01-01T12:00:00Z").value == 2_451_545.0)
        #expect(try JulianDate(iso8601: "1970-01-01T00:00:00Z") == .unixEpoch)
    }

    @Test func readsFractionalSecondsToTheMicrosecondAndBeyond() throws {
        let date = try JulianDate(iso8601: "2004-04-06T07:51:28.386009Z")
        let expected = JulianDate(year: 2004, month: 4, day: 6, hour: 7, minute: 51, second: 28.386_009)
        #expect(abs(date.seconds(since: expected)) < 1e-9)
        let nanos = try JulianDate(iso8601: "2026-08-22T18:50:00.000000001Z")
        let whole = try JulianDate(iso8601: "2026-08-22T18:50:00Z")
        #expect(abs(nanos.seconds(since: whole) - 1e-9) < 1e-10)
    }

    @Test func appliesOffsets() throws {
        let utc = try JulianDate(iso8601: "2026-08-22T18:50:00Z")
        for text in [
            "2026-08-22T18:50:00+00:00", "2026-08-22T18:50:00-00:00", "2026-08-22t18:50:00z",
            "2026-08-22T20:50:00+02:00", "2026-08-22T13:20:00-05:30", "2026-08-23T04:20:00+0930",
            "2026-08-22T00:00:00-18:50",
        ] {
            let date = try JulianDate(iso8601: text)
            #expect(abs(date.seconds(since: utc)) < 1e-6, "\(text)")
        }
    }

    @Test func anOffsetCanCrossMidnightAndTheYear() throws {
        let date = try JulianDate(iso8601: "2026-01-01T01:00:00+02:00")
        #expect(date.iso8601String() == "2025-12-31T23:00:00.000Z")
    }

    @Test func writesUTCWithChosenDigits() throws {
        let date = try JulianDate(iso8601: "2026-08-22T18:50:00.123456789Z")
        #expect(date.iso8601String() == "2026-08-22T18:50:00.123Z")
        #expect(date.iso8601String(fractionalSecondDigits: 0) == "2026-08-22T18:50:00Z")
        #expect(date.iso8601String(fractionalSecondDigits: 6) == "2026-08-22T18:50:00.123457Z")
        #expect(date.iso8601String(fractionalSecondDigits: 9) == "2026-08-22T18:50:00.123456789Z")
        #expect(date.iso8601String(fractionalSecondDigits: 42) == "2026-08-22T18:50:00.123456789Z")
    }

    @Test func roundingCarriesIntoTheNextYear() throws {
        let date = try JulianDate(iso8601: "2025-12-31T23:59:59.9996Z")
        #expect(date.iso8601String() == "2026-01-01T00:00:00.000Z")
        #expect(date.iso8601String(fractionalSecondDigits: 4) == "2025-12-31T23:59:59.9996Z")
    }

    @Test func writtenTextReadsBackToTheSameInstant() throws {
        var date = try JulianDate(iso8601: "1999-12-31T23:59:58.5Z")
        for _ in 0..<500 {
            let text = date.iso8601String(fractionalSecondDigits: 9)
            let back = try JulianDate(iso8601: text)
            #expect(abs(back.seconds(since: date)) < 1e-9, "\(text)")
            date = date.adding(seconds: 86_400 * 53.123_456_789)
        }
    }

    @Test func refusesADateWithoutATime() {
        let error = #expect(throws: ISO8601InstantError.self) { try JulianDate(iso8601: "2026-08-22") }
        #expect(error?.reason == .dateWithoutTime)
        #expect(error?.text == "2026-08-22")
        #expect(error?.description.contains("\"2026-08-22\"") == true)
    }

    @Test func refusesLocalTime() {
        let error = #expect(throws: ISO8601InstantError.self) { try JulianDate(iso8601: "2026-08-22T18:50:00") }
        #expect(error?.reason == .missingTimeZone)
    }

    @Test func refusesALeapSecond() {
        let error = #expect(throws: ISO8601InstantError.self) {
            try JulianDate(iso8601: "2016-12-31T23:59:60Z")
        }
        #expect(error?.reason == .leapSecond)
    }

    @Test(arguments: [
        ("2026-02-29T00:00:00Z", ISO8601InstantError.Reason.fieldOutOfRange(field: "day", value: 29)),
        ("2026-13-01T00:00:00Z", .fieldOutOfRange(field: "month", value: 13)),
        ("2026-04-31T00:00:00Z", .fieldOutOfRange(field: "day", value: 31)),
        ("2026-08-22T24:00:00Z", .fieldOutOfRange(field: "hour", value: 24)),
        ("2026-08-22T18:60:00Z", .fieldOutOfRange(field: "minute", value: 60)),
        ("2026-08-22T18:50:61Z", .fieldOutOfRange(field: "second", value: 61)),
        ("1900-06-01T00:00:00Z", .fieldOutOfRange(field: "year", value: 1900)),
        ("2100-01-01T00:00:00Z", .fieldOutOfRange(field: "year", value: 2100)),
        ("2026-08-22T18:50:00+24:00", .fieldOutOfRange(field: "offsetHour", value: 24)),
        ("20260822T185000Z", .unexpectedCharacter(expected: "'-'", position: 4)),
        ("2026-08-22T18:50Z", .unexpectedCharacter(expected: "':'", position: 16)),
        ("2026-08-22 18:50:00Z", .unexpectedCharacter(expected: "'T' or 't'", position: 10)),
        ("2026-08-22T18:50:00.Z", .unexpectedCharacter(expected: "digits of a fraction of a second", position: 20)),
        ("2026-08-22T18:50:00Q", .unexpectedCharacter(expected: "Z or a ±hh:mm offset", position: 19)),
        ("2026-08-22T18:50:00Z ", .trailingCharacters(position: 20)),
        ("2026-08-22T18:5", .unexpectedEnd(expected: "a two-digit minute")),
        ("2026-08-22T18:50:00+02", .unexpectedEnd(expected: "a two-digit offset minute")),
        ("", .unexpectedEnd(expected: "a four-digit year")),
    ])
    func refusesMalformedText(text: String, reason: ISO8601InstantError.Reason) {
        let error = #expect(throws: ISO8601InstantError.self) { try JulianDate(iso8601: text) }
        #expect(error?.reason == reason)
        #expect(error?.text == text)
    }
}
