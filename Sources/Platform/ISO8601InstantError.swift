/// Why a text is not an instant that `ISO8601.scan` (and through it `JulianDate(iso8601:)`,
/// policy files, gpsd times) accepts, with the text itself.
package struct ISO8601InstantError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the text.
    package enum Reason: Sendable, Equatable {
        /// A date with no time of day, e.g. `2026-08-22`: refused, because an instant read as
        /// midnight UTC by default is a silent source of errors of up to a day.
        case dateWithoutTime
        /// A date and time with no `Z` or offset: refused, because local time is ambiguous.
        case missingTimeZone
        /// The character at UTF-8 offset `position` is not what the grammar expects there.
        case unexpectedCharacter(expected: String, position: Int)
        /// The text ends where the grammar expects `expected`.
        case unexpectedEnd(expected: String)
        /// Something follows a complete instant, starting at UTF-8 offset `position`.
        case trailingCharacters(position: Int)
        /// A field is outside its range (`year`, 1901–2099 for a `JulianDate`; `month`, `day` of that month,
        /// `hour`, `minute`, `second`, `offsetHour`, `offsetMinute`).
        case fieldOutOfRange(field: String, value: Int)
        /// Second 60 (a leap second) where the reader has no room for it: a `JulianDate` on the
        /// UTC scale, as SGP4 uses it, or a policy file.
        case leapSecond
    }

    /// The text that was refused, verbatim.
    package var text: String
    /// Why it was refused.
    package var reason: Reason

    /// Builds an error for `text`.
    package init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }

    /// A one-line message naming the text, e.g. `not an ISO-8601 UTC instant: "2026-08-22": no time of day`.
    package var description: String {
        "not an ISO-8601 UTC instant: \"\(text)\": \(reasonDescription)"
    }

    private var reasonDescription: String {
        switch reason {
        case .dateWithoutTime:
            "no time of day (a date alone is not an instant; write e.g. T00:00:00Z)"
        case .missingTimeZone:
            "no time zone (end with Z or an offset such as +00:00)"
        case .unexpectedCharacter(let expected, let position):
            "expected \(expected) at offset \(position)"
        case .unexpectedEnd(let expected):
            "ends where \(expected) was expected"
        case .trailingCharacters(let position):
            "unexpected characters from offset \(position)"
        case .fieldOutOfRange(let field, let value):
            "\(field) \(value) is out of range"
        case .leapSecond:
            "leap second 60 cannot be represented here (the Julian-date UTC scale, policy times)"
        }
    }
}
