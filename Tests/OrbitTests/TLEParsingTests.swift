import Foundation
import Testing

@testable import Orbit

/// Field-level TLE parsing: values, implied decimals, Alpha-5, epochs, and the errors that
/// locate bad fields by column.
@Suite("TLE parsing")
struct TLEParsingTests {
    static let vanguardLine1 = "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753"
    static let vanguardLine2 = "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667"
    static let starlinkLine1 = "1 44714U 19074B   26234.17284867  .00077595  00000+0  89842-3 0  9997"
    static let starlinkLine2 = "2 44714  53.1481 110.2629 0005172  75.9267 284.2321 15.61165912374481"

    /// Replaces columns (1-based) of a line and fixes its checksum.
    static func edit(_ line: String, columns: ClosedRange<Int>, with text: String, fixChecksum: Bool = true) -> String {
        var bytes = Array(line.utf8)
        bytes.replaceSubrange((columns.lowerBound - 1)..<columns.upperBound, with: Array(text.utf8))
        if fixChecksum && bytes.count >= 69 {
            var sum = 0
            for byte in bytes.prefix(68) {
                if (48...57).contains(byte) { sum += Int(byte - 48) } else if byte == UInt8(ascii: "-") { sum += 1 }
            }
            bytes[68] = UInt8(48 + sum % 10)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("every field of a TLE")
    func fields() throws {
        let set = try ElementSet(tleLine1: Self.vanguardLine1, tleLine2: Self.vanguardLine2, name: "VANGUARD 1 ")
        #expect(set.name == "VANGUARD 1")
        #expect(set.catalogNumber == 5)
        #expect(set.classification == "U")
        #expect(set.internationalDesignator == "58002B")
        #expect(set.meanMotionDot == 0.00000023)
        #expect(set.meanMotionDDot == 0)
        // Implied decimal and exponent, computed as the reference does: 0.28098 × 10⁻⁴.
        #expect(set.bstar == 0.28098 * pow(10.0, -4.0))
        #expect(set.ephemerisType == 0)
        #expect(set.elementSetNumber == 475)
        #expect(set.inclinationDegrees == 34.2682)
        #expect(set.raanDegrees == 348.7242)
        #expect(set.eccentricity == 0.1859667)
        #expect(set.argumentOfPerigeeDegrees == 331.7664)
        #expect(set.meanAnomalyDegrees == 19.3264)
        #expect(set.meanMotionRevsPerDay == 10.82419157)
        #expect(set.revolutionNumberAtEpoch == 41366)
    }

    static let exponentCases: [(String, Double)] = [
        (" 28098-4", 0.28098 * pow(10.0, -4.0)),
        ("-11606-4", -0.11606 * pow(10.0, -4.0)),
        (" 00000+0", 0.0),
        (" 00000-0", 0.0),
        ("-00000-0", -0.0),
        (" 12345+1", 0.12345 * 10),
        ("+50000-9", 0.5 * pow(10.0, -9.0)),
    ]

    @Test("implied-decimal exponent fields", arguments: exponentCases)
    func exponentFields(field: String, expected: Double) throws {
        let line1 = Self.edit(Self.vanguardLine1, columns: 54...61, with: field)
        let set = try ElementSet(tleLine1: line1, tleLine2: Self.vanguardLine2)
        #expect(set.bstar == expected)
    }

    @Test("epochs match the reference's days2mdhms + jday bit for bit")
    func epochs() throws {
        // Values from the reference algorithm run in Python on the same day fractions.
        let starlink = try ElementSet(tleLine1: Self.starlinkLine1, tleLine2: Self.starlinkLine2)
        #expect(starlink.epoch.day == 2_461_274.5)
        #expect(starlink.epoch.fraction == 0.1728486700000076)
        let vanguard = try ElementSet(tleLine1: Self.vanguardLine1, tleLine2: Self.vanguardLine2)
        #expect(vanguard.epoch.day == 2_451_722.5)  // 2000-06-27
        #expect(vanguard.epoch.fraction == 0.7849506199999894)
        // Two-digit years: 57–99 are 19xx, 00–56 are 20xx.
        let year57 = Self.edit(Self.vanguardLine1, columns: 19...32, with: "57001.00000000")
        let set57 = try ElementSet(tleLine1: year57, tleLine2: Self.vanguardLine2)
        #expect(set57.epoch == JulianDate(year: 1957, month: 1, day: 1))
        let year56 = Self.edit(Self.vanguardLine1, columns: 19...32, with: "56366.50000000")
        let set56 = try ElementSet(tleLine1: year56, tleLine2: Self.vanguardLine2)
        #expect(set56.epoch == JulianDate(year: 2056, month: 12, day: 31, hour: 12))
    }

    static let alpha5Cases: [(String, Int)] = [
        ("A0000", 100_000), ("H9999", 179_999), ("J0000", 180_000), ("N1234", 221_234),
        ("P0001", 230_001), ("Z9999", 339_999), ("00005", 5), ("99999", 99_999),
    ]

    @Test("Alpha-5 catalogue numbers", arguments: alpha5Cases)
    func alpha5(field: String, expected: Int) throws {
        let line1 = Self.edit(Self.vanguardLine1, columns: 3...7, with: field)
        let line2 = Self.edit(Self.vanguardLine2, columns: 3...7, with: field)
        let set = try ElementSet(tleLine1: line1, tleLine2: line2)
        #expect(set.catalogNumber == expected)
        #expect(Alpha5.encode(expected) == field)
    }

    @Test("I and O are not Alpha-5 letters", arguments: ["I0000", "O0000", "a0000", "A00X0"])
    func alpha5Rejects(field: String) {
        let line1 = Self.edit(Self.vanguardLine1, columns: 3...7, with: field)
        let line2 = Self.edit(Self.vanguardLine2, columns: 3...7, with: field)
        #expect {
            try ElementSet(tleLine1: line1, tleLine2: line2)
        } throws: { error in
            let error = error as? ElementSetError
            return error?.columns == 3...7 && error?.field == "catalogue number"
        }
    }

    static func parseError(_ line1: String, _ line2: String) -> ElementSetError? {
        do {
            _ = try ElementSet(tleLine1: line1, tleLine2: line2)
            return nil
        } catch {
            return error
        }
    }

    @Test("a wrong checksum names column 69")
    func checksum() throws {
        let bad = Self.edit(Self.starlinkLine2, columns: 69...69, with: "2", fixChecksum: false)
        let error = try #require(Self.parseError(Self.starlinkLine1, bad))
        #expect(error.line == 2)
        #expect(error.columns == 69...69)
        #expect(error.field == "checksum")
        #expect(error.reason == .checksumMismatch(expected: 1, found: "2"))
        #expect(error.description == "<tle>:2: column 69 (checksum): checksum mismatch: line sums to 1, column 69 holds \"2\"")
        // Ignoring checksums accepts the line.
        #expect(throws: Never.self) {
            try ElementSet(tleLine1: Self.starlinkLine1, tleLine2: bad, verifiesChecksums: false)
        }
    }

    static let letterCases: [(Int, ClosedRange<Int>, String, String, String)] = [
        (1, 19...32, "26A33.50000000", "epoch", "columns 19-32 (epoch): not a number: \"26A33.50000000\""),
        (
            1, 34...43, " .000X7595", "mean motion derivative",
            "columns 34-43 (mean motion derivative): not a number: \".000X7595\""
        ),
        (1, 54...61, " 89B42-3", "B*", "columns 54-61 (B*): not a number: \"89B42-3\""),
        (2, 9...16, " 53.14e1", "inclination", "columns 9-16 (inclination): not a number: \"53.14e1\""),
        (2, 27...33, "00O5172", "eccentricity", "columns 27-33 (eccentricity): not a number: \"00O5172\""),
        (2, 53...63, "15.6116591x", "mean motion", "columns 53-63 (mean motion): not a number: \"15.6116591x\""),
        (2, 53...63, "        inf", "mean motion", "columns 53-63 (mean motion): not a number: \"inf\""),
        (2, 64...68, "3744-", "revolution number", "columns 64-68 (revolution number): not a number: \"3744-\""),
    ]

    @Test("letters in numeric fields are named by column and field", arguments: letterCases)
    func lettersInNumbers(
        lineNumber: Int, columns: ClosedRange<Int>, text: String, field: String, message: String
    ) throws {
        let line1 = lineNumber == 1 ? Self.edit(Self.starlinkLine1, columns: columns, with: text) : Self.starlinkLine1
        let line2 = lineNumber == 2 ? Self.edit(Self.starlinkLine2, columns: columns, with: text) : Self.starlinkLine2
        let error = try #require(Self.parseError(line1, line2))
        #expect(error.line == lineNumber)
        #expect(error.columns == columns)
        #expect(error.field == field)
        #expect(error.description == "<tle>:\(lineNumber): " + message)
    }

    @Test("out-of-range values")
    func ranges() throws {
        let inclination = Self.edit(Self.starlinkLine2, columns: 9...16, with: "180.0001")
        #expect(
            Self.parseError(Self.starlinkLine1, inclination)?.reason
                == .outOfRange(value: "180.0001", allowed: "0 to 180 degrees"))
        let dayZero = Self.edit(Self.starlinkLine1, columns: 19...32, with: "26000.50000000")
        #expect(Self.parseError(dayZero, Self.starlinkLine2)?.columns == 19...32)
        let day366 = Self.edit(Self.starlinkLine1, columns: 19...32, with: "26366.50000000")
        #expect(Self.parseError(day366, Self.starlinkLine2)?.field == "epoch")
        let motion = Self.edit(Self.starlinkLine2, columns: 53...63, with: " 0.00000000")
        #expect(Self.parseError(Self.starlinkLine1, motion)?.field == "mean motion")
    }

    @Test("structure: short lines, separators, swapped or mismatched lines")
    func structure() throws {
        let truncated = String(Self.starlinkLine1.prefix(45))
        #expect(Self.parseError(truncated, Self.starlinkLine2)?.reason == .lineTooShort(length: 45))
        #expect(Self.parseError("", Self.starlinkLine2)?.reason == .lineTooShort(length: 0))
        let shifted = " " + Self.starlinkLine1.dropLast()
        #expect(Self.parseError(shifted, Self.starlinkLine2) != nil)
        let separator = Self.edit(Self.starlinkLine1, columns: 33...33, with: "0")
        let error = try #require(Self.parseError(separator, Self.starlinkLine2))
        #expect(error.columns == 33...33)
        #expect(error.field == "separator")
        #expect(Self.parseError(Self.starlinkLine2, Self.starlinkLine1)?.field == "line number")
        let other = Self.edit(Self.starlinkLine2, columns: 3...7, with: "44715")
        #expect(
            Self.parseError(Self.starlinkLine1, other)?.reason
                == .catalogNumberMismatch(line1: "44714", line2: "44715"))
    }

    @Test("blank optional fields read as the reference reads them")
    func blanks() throws {
        // The original Spacetrack Report #3 test set: no designator, blank ephemeris type.
        let line1 = "1 88888U          80275.98708465  .00073094  13844-3  66816-4 0    87"
        let line2 = "2 88888  72.8435 115.9689 0086731  52.6988 110.5714 16.05824518  1058"
        let set = try ElementSet(tleLine1: line1, tleLine2: line2)
        #expect(set.internationalDesignator == "")
        #expect(set.meanMotionDDot == 0.13844 * pow(10.0, -3.0))
        #expect(set.elementSetNumber == 8)
        #expect(set.revolutionNumberAtEpoch == 105)
    }
}
