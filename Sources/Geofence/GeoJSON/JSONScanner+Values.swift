/// Strings and numbers of ``JSONScanner``.
extension JSONScanner {
    /// Reads a string, decoding escapes (\" \\ \/ \b \f \n \r \t \u followed by four hex digits, with surrogate pairs).
    mutating func readString() throws(GeoJSONParseFailure) -> String {
        try consume(UInt8(ascii: "\""))
        let start = offset
        var hasEscape = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
                offset += 1
                return hasEscape ? try Self.unescaped(raw, at: start) : String(decoding: raw, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscape = true
                offset += 1
            }
            offset += 1
        }
        throw GeoJSONParseFailure(offset: bytes.count, problem: .unexpectedEndOfInput)
    }

    private static func unescaped(_ raw: UnsafeRawBufferPointer, at base: Int) throws(GeoJSONParseFailure) -> String {
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        var index = 0
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll(keepingCapacity: true)
        }
        func hex(_ at: Int) throws(GeoJSONParseFailure) -> UInt32 {
            guard at + 4 <= raw.count,
                let value = UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: raw[at..<at + 4]), as: UTF8.self), radix: 16)
            else { throw GeoJSONParseFailure(offset: base + at, problem: .syntax("invalid \\u escape")) }
            return value
        }
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < raw.count else {
                utf8.append(byte)
                index += 1
                continue
            }
            let code = raw[index + 1]
            index += 2
            switch code {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var value = try hex(index)
                index += 4
                if value >= 0xD800 && value < 0xDC00, index + 6 <= raw.count, raw[index] == UInt8(ascii: "\\"),
                    raw[index + 1] == UInt8(ascii: "u")
                {
                    let low = try hex(index + 2)
                    if low >= 0xDC00 && low < 0xE000 {
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                flush()
                scalars.append(UnicodeScalar(value) ?? "\u{FFFD}")
            default: utf8.append(code)
            }
        }
        flush()
        return String(scalars)
    }

    /// Reads a number. Fast path (W. D. Clinger, "How to read floating point numbers
    /// accurately", PLDI 1990): a mantissa of at most 15 digits scaled by an exact power of ten
    /// up to 10²² is correctly rounded by one multiplication or division; anything else goes
    /// through the standard library's correctly rounded parser. `NaN` and `±Infinity` are
    /// accepted here (not JSON) so that callers can name the bad coordinate.
    mutating func readNumber() throws(GeoJSONParseFailure) -> Double {
        let byte = try peek()
        let start = offset
        var negative = false
        if byte == UInt8(ascii: "-") {
            negative = true
            offset += 1
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "N") || bytes[offset] == UInt8(ascii: "I") {
            return try readNonFinite(negative: negative, start: start)
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var exponent = 0
        var digits = 0
        while offset < bytes.count, let digit = Self.digit(bytes[offset]) {
            accumulate(digit, &mantissa, &significantDigits, &exponent, fractional: false)
            digits += 1
            offset += 1
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            while offset < bytes.count, let digit = Self.digit(bytes[offset]) {
                accumulate(digit, &mantissa, &significantDigits, &exponent, fractional: true)
                digits += 1
                offset += 1
            }
        }
        guard digits > 0 else { throw unexpected(byte, expecting: "a number") }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            var exponentNegative = false
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                exponentNegative = bytes[offset] == UInt8(ascii: "-")
                offset += 1
            }
            var written = 0
            var exponentDigits = 0
            while offset < bytes.count, let digit = Self.digit(bytes[offset]) {
                written = min(written * 10 + Int(digit), 100_000)
                exponentDigits += 1
                offset += 1
            }
            guard exponentDigits > 0 else {
                throw GeoJSONParseFailure(offset: offset, problem: .syntax("exponent without digits"))
            }
            exponent += exponentNegative ? -written : written
        }
        if offset >= bytes.count { throw GeoJSONParseFailure(offset: offset, problem: .unexpectedEndOfInput) }
        if significantDigits <= 15 && exponent >= -22 && exponent <= 22 {
            let value = Double(mantissa)
            let scaled = exponent >= 0 ? value * Self.powersOfTen[exponent] : value / Self.powersOfTen[-exponent]
            return negative ? -scaled : scaled
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        guard let value = Double(text) else {
            throw GeoJSONParseFailure(offset: start, problem: .syntax("invalid number '\(text.prefix(40))'"))
        }
        return value
    }

    private func accumulate(
        _ digit: UInt8, _ mantissa: inout UInt64, _ significant: inout Int, _ exponent: inout Int, fractional: Bool
    ) {
        if significant == 0 && digit == 0 {
            if fractional { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa * 10 + UInt64(digit)
            significant += 1
            if fractional { exponent -= 1 }
        } else {
            significant += 1
            if !fractional { exponent += 1 }
        }
    }

    private mutating func readNonFinite(negative: Bool, start: Int) throws(GeoJSONParseFailure) -> Double {
        for (word, value) in [("NaN", Double.nan), ("Infinity", Double.infinity)] {
            let utf8 = Array(word.utf8)
            if offset + utf8.count <= bytes.count,
                zip(utf8, bytes[offset..<offset + utf8.count]).allSatisfy({ $0 == $1 })
            {
                offset += utf8.count
                return negative ? -value : value
            }
        }
        throw GeoJSONParseFailure(offset: start, problem: .syntax("invalid number"))
    }

    private static func digit(_ byte: UInt8) -> UInt8? {
        byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : nil
    }

    /// Exactly representable powers of ten, 10⁰ … 10²².
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
