/// Reads one element set from its two TLE lines (and an optional name line), validating
/// every field. Column layout: CelesTrak, "NORAD Two-Line Element Set Format";
/// conversions as in the reference's `twoline2rv` (AIAA 2006-6753).
enum TLEParser {
    /// Parses a set. `line1` and `line2` must start with "1" and "2".
    static func elementSet(
        name: String, line1: TLELine, line2: TLELine, verifiesChecksums: Bool
    ) throws(ElementSetError) -> ElementSet {
        let minimumLength = verifiesChecksums ? 69 : 68
        for line in [line1, line2] where line.bytes.count < minimumLength {
            throw line.error(nil, nil, .lineTooShort(length: line.bytes.count))
        }
        try line1.expect(UInt8(ascii: "1"), at: 1, field: "line number")
        try line2.expect(UInt8(ascii: "2"), at: 1, field: "line number")
        for column in [2, 9, 18, 33, 44, 53, 62, 64] {
            try line1.expect(TLELine.space, at: column, field: "separator")
        }
        for column in [2, 8, 17, 26, 34, 43, 52] {
            try line2.expect(TLELine.space, at: column, field: "separator")
        }

        let catalogNumber = try Alpha5.decode(line1)
        let catalogNumber2 = try Alpha5.decode(line2)
        guard catalogNumber == catalogNumber2 else {
            throw line2.error(
                3...7, "catalogue number",
                .catalogNumberMismatch(
                    line1: line1.text(3...7), line2: line2.text(3...7)))
        }
        let classification = try classificationOf(line1)
        let designator = line1.text(10...17)
        let epoch = try epochOf(line1)
        let meanMotionDot = try line1.decimal(34...43, field: "mean motion derivative")
        let meanMotionDDot = try line1.impliedDecimalWithExponent(
            45...52, field: "mean motion second derivative")
        let bstar = try line1.impliedDecimalWithExponent(54...61, field: "B*")
        let ephemerisType = try line1.integer(63...63, field: "ephemeris type")
        let elementSetNumber = try line1.integer(65...68, field: "element set number")

        let inclination = try angle(line2, 9...16, "inclination", maximum: 180)
        let raan = try angle(line2, 18...25, "right ascension of the ascending node", maximum: 360)
        let eccentricity = try line2.impliedDecimal(27...33, field: "eccentricity")
        let argumentOfPerigee = try angle(line2, 35...42, "argument of perigee", maximum: 360)
        let meanAnomaly = try angle(line2, 44...51, "mean anomaly", maximum: 360)
        let meanMotion = try line2.decimal(53...63, field: "mean motion")
        guard meanMotion > 0 else {
            throw line2.error(
                53...63, "mean motion",
                .outOfRange(
                    value: line2.text(53...63), allowed: "greater than 0 rev/day"))
        }
        let revolutionNumber = try line2.integer(64...68, field: "revolution number")

        if verifiesChecksums {
            try line1.verifyChecksum()
            try line2.verifyChecksum()
        }
        return ElementSet(
            name: name, catalogNumber: catalogNumber, classification: classification,
            internationalDesignator: designator, epoch: epoch, meanMotionDot: meanMotionDot,
            meanMotionDDot: meanMotionDDot, bstar: bstar, ephemerisType: ephemerisType,
            elementSetNumber: elementSetNumber, inclinationDegrees: inclination, raanDegrees: raan,
            eccentricity: eccentricity, argumentOfPerigeeDegrees: argumentOfPerigee,
            meanAnomalyDegrees: meanAnomaly, meanMotionRevsPerDay: meanMotion,
            revolutionNumberAtEpoch: revolutionNumber)
    }

    private static func classificationOf(_ line: TLELine) throws(ElementSetError) -> String {
        switch line.bytes[7] {
        case TLELine.space, UInt8(ascii: "U"): return "U"
        case UInt8(ascii: "C"): return "C"
        case UInt8(ascii: "S"): return "S"
        default:
            throw line.error(
                8...8, "classification",
                .unexpectedCharacter(
                    expected: "U, C or S", found: line.text(8...8)))
        }
    }

    /// Epoch: two-digit year (columns 19–20) and fractional day of year (21–32); errors
    /// name the whole epoch field, 19–32.
    private static func epochOf(_ line: TLELine) throws(ElementSetError) -> JulianDate {
        let columns = 19...32
        let yearDigits = line.field(19...20)
        guard yearDigits.allSatisfy({ (TLELine.zero...UInt8(ascii: "9")).contains($0) }),
            let dayOfYear = TLELine.parseDecimal(line.field(21...32)),
            !line.field(21...32).contains(TLELine.minus),
            !line.field(21...32).contains(TLELine.plus)
        else {
            throw line.error(columns, "epoch", .notANumber(line.text(columns)))
        }
        let twoDigit = Int(line.bytes[18] - TLELine.zero) * 10 + Int(line.bytes[19] - TLELine.zero)
        let year = TLEEpoch.fullYear(twoDigit: twoDigit)
        let daysInYear = TLEEpoch.isLeap(year) ? 366.0 : 365.0
        guard dayOfYear >= 1, dayOfYear < daysInYear + 1 else {
            throw line.error(
                columns, "epoch",
                .outOfRange(
                    value: line.text(21...32), allowed: "day of year 1 to \(Int(daysInYear)).99999999"))
        }
        return TLEEpoch.julianDate(year: year, dayOfYear: dayOfYear)
    }

    private static func angle(
        _ line: TLELine, _ columns: ClosedRange<Int>, _ field: String, maximum: Double
    ) throws(ElementSetError) -> Double {
        let value = try line.decimal(columns, field: field)
        guard value >= 0, value <= maximum else {
            throw line.error(
                columns, field,
                .outOfRange(
                    value: line.text(columns), allowed: "0 to \(Int(maximum)) degrees"))
        }
        return value
    }
}

/// Alpha-5 catalogue numbers: a letter in the first of the five columns stands for 10–33,
/// skipping I and O (A = 10, … H = 17, J = 18, … N = 22, P = 23, … Z = 33), so `A0000` is
/// 100000 and `Z9999` is 339999 (Space-Track, "Alpha-5" documentation).
enum Alpha5 {
    static let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)

    static func decode(_ line: TLELine) throws(ElementSetError) -> Int {
        let raw = line.field(3...7)
        let bad = line.error(3...7, "catalogue number", .notANumber(line.text(3...7)))
        guard let first = raw.first else { throw bad }
        if let index = letters.firstIndex(of: first) {
            var rest = 0
            for byte in raw.dropFirst() {
                guard (TLELine.zero...UInt8(ascii: "9")).contains(byte) else { throw bad }
                rest = rest * 10 + Int(byte - TLELine.zero)
            }
            return (index + 10) * 10_000 + rest
        }
        // Leading blanks read as zeros (older files pad with spaces).
        var value = 0
        var seenDigit = false
        for byte in raw {
            if byte == TLELine.space && !seenDigit { continue }
            guard (TLELine.zero...UInt8(ascii: "9")).contains(byte) else { throw bad }
            seenDigit = true
            value = value * 10 + Int(byte - TLELine.zero)
        }
        guard seenDigit else { throw bad }
        return value
    }

    /// The five-character field for `number` (0…339999), or nil when it does not fit.
    static func encode(_ number: Int) -> String? {
        guard number >= 0, number <= 339_999 else { return nil }
        if number < 100_000 {
            let digits = String(number)
            return String(repeating: "0", count: 5 - digits.count) + digits
        }
        let letter = Character(Unicode.Scalar(letters[number / 10_000 - 10]))
        let digits = String(number % 10_000)
        return String(letter) + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
