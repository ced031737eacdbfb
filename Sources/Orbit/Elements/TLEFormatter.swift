import Foundation

/// Writing element sets as TLE lines, in the column layout CelesTrak publishes (CelesTrak,
/// "NORAD Two-Line Element Set Format"), with checksums. A TLE read from CelesTrak and
/// written back comes out character for character the same.
extension ElementSet {
    /// The two TLE lines of this set (without line endings).
    /// - Throws: `ElementSetError` with reason `.notRepresentable` when a value does not fit
    ///   its columns (catalogue number above 339999, |ṅ/2| ≥ 1 rev/day², an epoch outside
    ///   1957–2056, an international designator longer than 8 characters, …).
    package func tleLines() throws(ElementSetError) -> (line1: String, line2: String) {
        var formatter = TLEFormatter(set: self)
        return (try formatter.line1(), try formatter.line2())
    }

    /// The set as TLE text: the name line (when `name` is not empty), line 1, line 2, each
    /// ended by `lineEnding`.
    package func tleText(lineEnding: String = "\n") throws(ElementSetError) -> String {
        let (line1, line2) = try tleLines()
        let nameLine = name.isEmpty ? "" : name + lineEnding
        return nameLine + line1 + lineEnding + line2 + lineEnding
    }
}

private struct TLEFormatter {
    let set: ElementSet

    func failure(_ columns: ClosedRange<Int>, _ field: String, _ message: String) -> ElementSetError {
        ElementSetError(source: "<format>", columns: columns, field: field, reason: .notRepresentable(message))
    }

    mutating func line1() throws(ElementSetError) -> String {
        var line = "1 " + (try catalogNumber())
        let classification = set.classification.first.map(String.init) ?? "U"
        line += classification + " " + pad(try designator(), to: 8, left: false) + " "
        guard let epoch = TLEEpoch.tleFields(of: set.epoch) else {
            throw failure(19...32, "epoch", "outside 1957–2056")
        }
        let day = epoch.dayTimes1e8
        line +=
            zeroPadded(Int64(epoch.year), 2) + zeroPadded(day / 100_000_000, 3) + "."
            + zeroPadded(day % 100_000_000, 8) + " "
        line += try firstDerivative() + " "
        line += try exponential(set.meanMotionDDot, 45...52, "mean motion second derivative") + " "
        line += try exponential(set.bstar, 54...61, "B*") + " "
        guard (0...9).contains(set.ephemerisType) else {
            throw failure(63...63, "ephemeris type", "\(set.ephemerisType) is not one digit")
        }
        guard (0...9999).contains(set.elementSetNumber) else {
            throw failure(65...68, "element set number", "\(set.elementSetNumber) is not 0…9999")
        }
        line += "\(set.ephemerisType) " + pad(String(set.elementSetNumber), to: 4, left: true)
        return withChecksum(line)
    }

    mutating func line2() throws(ElementSetError) -> String {
        var line = "2 " + (try catalogNumber()) + " "
        line += try fixed(set.inclinationDegrees, width: 8, decimals: 4, 9...16, "inclination") + " "
        line += try fixed(set.raanDegrees, width: 8, decimals: 4, 18...25, "right ascension") + " "
        let eccentricity = (set.eccentricity * 1e7).rounded()
        guard set.eccentricity >= 0, eccentricity < 1e7 else {
            throw failure(27...33, "eccentricity", "\(set.eccentricity) is not in [0, 1)")
        }
        line += zeroPadded(Int64(eccentricity), 7) + " "
        line += try fixed(set.argumentOfPerigeeDegrees, width: 8, decimals: 4, 35...42, "argument of perigee") + " "
        line += try fixed(set.meanAnomalyDegrees, width: 8, decimals: 4, 44...51, "mean anomaly") + " "
        line += try fixed(set.meanMotionRevsPerDay, width: 11, decimals: 8, 53...63, "mean motion")
        guard set.revolutionNumberAtEpoch >= 0 else {
            throw failure(64...68, "revolution number", "negative")
        }
        // Revolution numbers wrap at 100000 in the five columns TLEs give them.
        line += pad(String(set.revolutionNumberAtEpoch % 100_000), to: 5, left: true)
        return withChecksum(line)
    }

    private func catalogNumber() throws(ElementSetError) -> String {
        guard let text = Alpha5.encode(set.catalogNumber) else {
            throw failure(3...7, "catalogue number", "\(set.catalogNumber) is not 0…339999")
        }
        return text
    }

    /// The TLE form of the designator: "2019-074B" (OMM) becomes "19074B".
    private func designator() throws(ElementSetError) -> String {
        var text = set.internationalDesignator
        let bytes = Array(text.utf8)
        if bytes.count >= 9, bytes[4] == UInt8(ascii: "-"),
            bytes[0..<4].allSatisfy({ (48...57).contains($0) })
        {
            text = String(decoding: bytes[2..<4] + bytes[5...], as: UTF8.self)
        }
        guard text.utf8.count <= 8 else {
            throw failure(10...17, "international designator", "\"\(text)\" is longer than 8 characters")
        }
        return text
    }

    /// ṅ/2 as sign and eight decimals after the point: " .00077595", "-.00000660".
    private func firstDerivative() throws(ElementSetError) -> String {
        let value = set.meanMotionDot
        let units = (abs(value) * 1e8).rounded()
        guard value.isFinite, units < 1e8 else {
            throw failure(34...43, "mean motion derivative", "\(value) is not within ±1 rev/day²")
        }
        return (value < 0 && units > 0 ? "-" : " ") + "." + zeroPadded(Int64(units), 8)
    }

    /// Sign, five mantissa digits with an implied leading point, exponent sign and digit:
    /// 0.89842e-3 is " 89842-3", zero is " 00000+0".
    private func exponential(
        _ value: Double, _ columns: ClosedRange<Int>, _ field: String
    ) throws(ElementSetError) -> String {
        guard value.isFinite else { throw failure(columns, field, "\(value) is not finite") }
        let magnitude = abs(value)
        if magnitude < 0.5e-14 { return " 00000+0" }
        var exponent = Int(log10(magnitude).rounded(.down)) + 1
        var mantissa = (magnitude / Self.power(exponent) * 1e5).rounded()
        if mantissa >= 1e5 {
            exponent += 1
            mantissa = (magnitude / Self.power(exponent) * 1e5).rounded()
        } else if mantissa < 1e4 {
            exponent -= 1
            mantissa = (magnitude / Self.power(exponent) * 1e5).rounded()
        }
        guard (-9...9).contains(exponent) else {
            throw failure(columns, field, "\(value) needs an exponent beyond ±9")
        }
        return (value < 0 ? "-" : " ") + zeroPadded(Int64(mantissa), 5)
            + (exponent < 0 ? "-" : "+") + String(abs(exponent))
    }

    private static func power(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    /// A fixed-point number right-aligned in `width` columns.
    private func fixed(
        _ value: Double, width: Int, decimals: Int, _ columns: ClosedRange<Int>, _ field: String
    ) throws(ElementSetError) -> String {
        let scale = Self.power(decimals)
        let units = (abs(value) * scale).rounded()
        guard value.isFinite, value >= 0, units < 9e15 else {
            throw failure(columns, field, "\(value) cannot be written in \(width) columns")
        }
        let whole = Int64(units) / Int64(scale), fraction = Int64(units) % Int64(scale)
        let text = String(whole) + "." + zeroPadded(fraction, decimals)
        guard text.count <= width else {
            throw failure(columns, field, "\(value) cannot be written in \(width) columns")
        }
        return pad(text, to: width, left: true)
    }

    private func zeroPadded(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private func pad(_ text: String, to width: Int, left: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }

    private func withChecksum(_ line: String) -> String {
        let tle = TLELine(bytes: Array(line.utf8), number: 0, source: "")
        return line + String(tle.computedChecksum)
    }
}
