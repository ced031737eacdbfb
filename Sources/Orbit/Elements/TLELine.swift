import Foundation

/// One line of a TLE as bytes, with the fixed-column field readers of the format.
///
/// Columns are 1-based and inclusive, as the TLE specification numbers them (CelesTrak,
/// "NORAD Two-Line Element Set Format"). Readers validate the characters first and only
/// then convert, so letters, stray signs or `inf` never become numbers.
struct TLELine {
    let bytes: [UInt8]
    /// The 1-based line number in the source.
    let number: Int
    let source: String

    static let space = UInt8(ascii: " ")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let zero = UInt8(ascii: "0")

    /// The bytes of `columns`; the line is known to be long enough.
    func field(_ columns: ClosedRange<Int>) -> ArraySlice<UInt8> {
        bytes[(columns.lowerBound - 1)...(columns.upperBound - 1)]
    }

    /// The field as text, trimmed of spaces, with non-printable bytes shown as `?`.
    func text(_ columns: ClosedRange<Int>) -> String {
        Self.printable(field(columns)).trimmingSpaces()
    }

    static func printable<C: Collection<UInt8>>(_ bytes: C, limit: Int = 80) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes.prefix(limit) {
            scalars.append(Unicode.Scalar((0x20...0x7E).contains(byte) ? byte : UInt8(ascii: "?")))
        }
        return String(scalars)
    }

    func error(
        _ columns: ClosedRange<Int>?, _ field: String?, _ reason: ElementSetError.Reason
    ) -> ElementSetError {
        ElementSetError(source: source, line: number, columns: columns, field: field, reason: reason)
    }

    /// Requires a space (or the given character) in `column`.
    func expect(_ character: UInt8, at column: Int, field: String) throws(ElementSetError) {
        let found = bytes[column - 1]
        guard found == character else {
            let expected = character == Self.space ? "a space" : "\"\(Character(Unicode.Scalar(character)))\""
            throw error(
                column...column, field,
                .unexpectedCharacter(
                    expected: expected, found: Self.printable(CollectionOfOne(found))))
        }
    }

    /// A decimal number: optional leading spaces, an optional sign, digits with at most one
    /// point, optional trailing spaces (`"  34.2682"`, `" .00000023"`, `"-.00000084"`).
    func decimal(_ columns: ClosedRange<Int>, field: String) throws(ElementSetError) -> Double {
        let raw = self.field(columns)
        guard let value = Self.parseDecimal(raw) else {
            throw error(columns, field, .notANumber(text(columns)))
        }
        return value
    }

    static func parseDecimal(_ raw: ArraySlice<UInt8>) -> Double? {
        guard let first = raw.firstIndex(where: { $0 != space }) else { return nil }
        let last = raw.lastIndex(where: { $0 != space }) ?? first
        let body = raw[first...last]
        var digits = 0, points = 0
        for (offset, byte) in body.enumerated() {
            switch byte {
            case zero...UInt8(ascii: "9"): digits += 1
            case dot: points += 1
            case minus where offset == 0, plus where offset == 0: continue
            default: return nil
            }
        }
        guard digits > 0, points <= 1, digits + points <= 20 else { return nil }
        return Double(String(decoding: body, as: UTF8.self))
    }

    /// A field with an implied leading decimal point and a power-of-ten exponent, such as
    /// `" 28098-4"` = 0.28098e-4 or `"-11606-4"`: sign, five digits, exponent sign, digit.
    /// Computed as the reference's `twoline2rv` does: mantissa × 10^exponent.
    func impliedDecimalWithExponent(
        _ columns: ClosedRange<Int>, field: String
    ) throws(ElementSetError) -> Double {
        let raw = Array(self.field(columns))
        let bad = error(columns, field, .notANumber(text(columns)))
        guard raw.count == 8 else { throw bad }
        let sign = raw[0], exponentSign = raw[6], exponentDigit = raw[7]
        guard sign == Self.space || sign == Self.plus || sign == Self.minus else { throw bad }
        // Blanks inside the mantissa read as zeros, as in the reference.
        var mantissa: [UInt8] = sign == Self.minus ? [Self.minus, Self.dot] : [Self.dot]
        for byte in raw[1...5] {
            if byte == Self.space {
                mantissa.append(Self.zero)
            } else if (Self.zero...UInt8(ascii: "9")).contains(byte) {
                mantissa.append(byte)
            } else {
                throw bad
            }
        }
        guard exponentSign == Self.plus || exponentSign == Self.minus || exponentSign == Self.space,
            (Self.zero...UInt8(ascii: "9")).contains(exponentDigit) || exponentDigit == Self.space
        else { throw bad }
        guard let value = Double(String(decoding: mantissa, as: UTF8.self)) else { throw bad }
        let magnitude = exponentDigit == Self.space ? 0 : Int(exponentDigit - Self.zero)
        let exponent = exponentSign == Self.minus ? -magnitude : magnitude
        return value * pow(10.0, Double(exponent))
    }

    /// Seven digits with an implied leading decimal point (eccentricity, columns 27–33).
    func impliedDecimal(_ columns: ClosedRange<Int>, field: String) throws(ElementSetError) -> Double {
        var text: [UInt8] = [Self.zero, Self.dot]
        for byte in self.field(columns) {
            if byte == Self.space {
                text.append(Self.zero)
            } else if (Self.zero...UInt8(ascii: "9")).contains(byte) {
                text.append(byte)
            } else {
                throw error(columns, field, .notANumber(self.text(columns)))
            }
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)) else {
            throw error(columns, field, .notANumber(self.text(columns)))
        }
        return value
    }

    /// A right-aligned unsigned integer; an all-blank field is `blankValue` (or an error
    /// when `blankValue` is nil).
    func integer(
        _ columns: ClosedRange<Int>, field: String, blankValue: Int? = 0
    ) throws(ElementSetError) -> Int {
        let raw = self.field(columns)
        guard let first = raw.firstIndex(where: { $0 != Self.space }) else {
            guard let blankValue else { throw error(columns, field, .notANumber("")) }
            return blankValue
        }
        let last = raw.lastIndex(where: { $0 != Self.space }) ?? first
        var value = 0
        for byte in raw[first...last] {
            guard (Self.zero...UInt8(ascii: "9")).contains(byte) else {
                throw error(columns, field, .notANumber(text(columns)))
            }
            value = value * 10 + Int(byte - Self.zero)
        }
        return value
    }

    /// The modulo-10 checksum of columns 1–68: digits count their value, '-' counts 1.
    var computedChecksum: Int {
        var sum = 0
        for byte in bytes.prefix(68) {
            if (Self.zero...UInt8(ascii: "9")).contains(byte) {
                sum += Int(byte - Self.zero)
            } else if byte == Self.minus {
                sum += 1
            }
        }
        return sum % 10
    }

    /// Throws when column 69 does not hold the line's checksum.
    func verifyChecksum() throws(ElementSetError) {
        let expected = computedChecksum
        guard bytes.count >= 69 else {
            throw error(69...69, "checksum", .checksumMismatch(expected: expected, found: ""))
        }
        let found = bytes[68]
        guard (Self.zero...UInt8(ascii: "9")).contains(found), Int(found - Self.zero) == expected else {
            throw error(
                69...69, "checksum",
                .checksumMismatch(
                    expected: expected, found: Self.printable(CollectionOfOne(found))))
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
