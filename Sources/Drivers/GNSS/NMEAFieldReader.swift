import Platform

/// Reads the fields of one checked sentence by position, with the standard's names in
/// errors. Empty fields are nil (receivers leave fields empty when they have no value).
struct NMEAFieldReader {
    let sentence: String
    let fields: [Substring]

    func gga() throws(NMEAError) -> NMEAGGA {
        try require(15)
        return NMEAGGA(
            timeOfDaySeconds: try time(1), latitudeDegrees: try latitude(2, 3), longitudeDegrees: try longitude(4, 5),
            quality: try integer(6, "quality") ?? 0, satellitesUsed: try integer(7, "satellites used"),
            horizontalDilution: try number(8, "HDOP"), altitudeAboveMeanSeaLevelMetres: try number(9, "altitude"),
            geoidSeparationMetres: try number(11, "geoid separation"))
    }

    func rmc() throws(NMEAError) -> NMEARMC {
        try require(10)
        let status = fields[2]
        guard status == "A" || status == "V" else { throw malformed("status", status) }
        return NMEARMC(
            timeOfDaySeconds: try time(1), isValid: status == "A", latitudeDegrees: try latitude(3, 4),
            longitudeDegrees: try longitude(5, 6), daysSinceUnixEpoch: try date(9))
    }

    func gsa() throws(NMEAError) -> NMEAGSA {
        try require(18)
        guard let fixType = try integer(2, "fix type"), (1...3).contains(fixType) else { throw malformed("fix type", fields[2]) }
        return NMEAGSA(
            fixType: fixType, satellitesUsed: fields[3...14].filter { !$0.isEmpty }.count,
            positionDilution: try number(15, "PDOP"), horizontalDilution: try number(16, "HDOP"),
            verticalDilution: try number(17, "VDOP"))
    }

    func gst() throws(NMEAError) -> NMEAGST {
        try require(9)
        return NMEAGST(
            timeOfDaySeconds: try time(1), sigmaLatitudeMetres: try number(6, "latitude error"),
            sigmaLongitudeMetres: try number(7, "longitude error"), sigmaAltitudeMetres: try number(8, "altitude error"))
    }

    // MARK: Fields

    private func require(_ count: Int) throws(NMEAError) {
        guard fields.count >= count else { throw .missingFields(sentence: sentence, fieldCount: fields.count, needed: count) }
    }

    private func malformed(_ field: String, _ value: Substring) -> NMEAError {
        .malformedField(sentence: sentence, field: field, value: String(value.prefix(24)))
    }

    /// A finite decimal number, or nil when empty.
    func number(_ index: Int, _ name: String) throws(NMEAError) -> Double? {
        let text = fields[index]
        guard !text.isEmpty else { return nil }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }), let value = Double(text),
            value.isFinite
        else { throw malformed(name, text) }
        return value
    }

    /// A non-negative integer, or nil when empty.
    func integer(_ index: Int, _ name: String) throws(NMEAError) -> Int? {
        let text = fields[index]
        guard !text.isEmpty else { return nil }
        guard text.count <= 6, let value = Int(text), value >= 0 else { throw malformed(name, text) }
        return value
    }

    /// `hhmmss[.sss]` as seconds of the day (a leap second 60 allowed).
    func time(_ index: Int) throws(NMEAError) -> Double {
        let text = fields[index]
        let digits = Array(text.utf8)
        guard digits.count >= 6, digits[0..<6].allSatisfy({ (0x30...0x39).contains($0) }),
            let fraction = digits.count == 6 ? 0 : Double("0" + text.dropFirst(6)), digits.count == 6 || digits[6] == 0x2E
        else { throw malformed("time", text) }
        let value = { (at: Int) in Int(digits[at] - 0x30) * 10 + Int(digits[at + 1] - 0x30) }
        let (hour, minute, second) = (value(0), value(2), value(4))
        guard hour < 24, minute < 60, second <= 60 else { throw malformed("time", text) }
        return Double(hour * 3600 + minute * 60 + second) + fraction
    }

    /// `ddmmyy` as days since 1970-01-01 (years 80...99 are 1980...1999, the rest 20xx),
    /// or nil when empty.
    func date(_ index: Int) throws(NMEAError) -> Int64? {
        let text = fields[index]
        guard !text.isEmpty else { return nil }
        let digits = Array(text.utf8)
        guard digits.count == 6, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { throw malformed("date", text) }
        let value = { (at: Int) in Int(digits[at] - 0x30) * 10 + Int(digits[at + 1] - 0x30) }
        let (day, month, shortYear) = (value(0), value(2), value(4))
        let year = shortYear >= 80 ? 1900 + shortYear : 2000 + shortYear
        guard UTCInstant(year: year, month: month, day: day) != nil else { throw malformed("date", text) }
        return CivilCalendar.days(year: year, month: month, day: day)
    }

    /// `ddmm.mmmm` with `N`/`S`, or nil when both are empty.
    func latitude(_ index: Int, _ hemisphere: Int) throws(NMEAError) -> Double? {
        try angle(index, hemisphere, degreeDigits: 2, positive: "N", negative: "S", limit: 90, name: "latitude")
    }

    /// `dddmm.mmmm` with `E`/`W`, or nil when both are empty.
    func longitude(_ index: Int, _ hemisphere: Int) throws(NMEAError) -> Double? {
        try angle(index, hemisphere, degreeDigits: 3, positive: "E", negative: "W", limit: 180, name: "longitude")
    }

    private func angle(
        _ index: Int, _ hemisphereIndex: Int, degreeDigits: Int, positive: Substring, negative: Substring, limit: Double,
        name: String
    ) throws(NMEAError) -> Double? {
        let text = fields[index]
        let hemisphere = fields[hemisphereIndex]
        if text.isEmpty && hemisphere.isEmpty { return nil }
        guard hemisphere == positive || hemisphere == negative else { throw malformed(name + " hemisphere", hemisphere) }
        guard text.count > degreeDigits + 2, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let degrees = Double(text.prefix(degreeDigits)), let minutes = Double(text.dropFirst(degreeDigits)), minutes < 60
        else { throw malformed(name, text) }
        let value = degrees + minutes / 60
        guard value <= limit else { throw malformed(name, text) }
        return hemisphere == negative ? -value : value
    }
}
