/// A GGA sentence: time, position and fix quality (NMEA 0183, as receivers
/// send it: `$xxGGA,hhmmss.ss,llll.ll,a,yyyyy.yy,a,q,nn,h.h,a.a,M,g.g,M,,*hh`).
package struct NMEAGGA: Sendable, Hashable {
    /// UTC time of day of the fix, seconds.
    package var timeOfDaySeconds: Double
    /// Latitude, degrees north; nil when empty (no fix).
    package var latitudeDegrees: Double?
    /// Longitude, degrees east; nil when empty (no fix).
    package var longitudeDegrees: Double?
    /// Fix quality: 0 no fix, 1 GPS, 2 DGPS, 4 RTK fixed, 5 RTK float, 6 dead reckoning, ...
    package var quality: Int
    /// Satellites used.
    package var satellitesUsed: Int?
    /// Horizontal dilution of precision.
    package var horizontalDilution: Double?
    /// Antenna altitude above mean sea level (the geoid), metres.
    package var altitudeAboveMeanSeaLevelMetres: Double?
    /// Geoid height above the WGS 84 ellipsoid, metres.
    package var geoidSeparationMetres: Double?

    /// Builds the sentence's values.
    package init(
        timeOfDaySeconds: Double, latitudeDegrees: Double?, longitudeDegrees: Double?, quality: Int, satellitesUsed: Int?,
        horizontalDilution: Double?, altitudeAboveMeanSeaLevelMetres: Double?, geoidSeparationMetres: Double?
    ) {
        self.timeOfDaySeconds = timeOfDaySeconds
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
        self.quality = quality
        self.satellitesUsed = satellitesUsed
        self.horizontalDilution = horizontalDilution
        self.altitudeAboveMeanSeaLevelMetres = altitudeAboveMeanSeaLevelMetres
        self.geoidSeparationMetres = geoidSeparationMetres
    }
}

/// An RMC sentence: time, date, validity, position.
package struct NMEARMC: Sendable, Hashable {
    /// UTC time of day, seconds.
    package var timeOfDaySeconds: Double
    /// Status `A` (valid) rather than `V` (void).
    package var isValid: Bool
    /// Latitude, degrees north; nil when empty.
    package var latitudeDegrees: Double?
    /// Longitude, degrees east; nil when empty.
    package var longitudeDegrees: Double?
    /// The date, as days since 1970-01-01; nil when empty.
    package var daysSinceUnixEpoch: Int64?

    /// Builds the sentence's values.
    package init(
        timeOfDaySeconds: Double, isValid: Bool, latitudeDegrees: Double?, longitudeDegrees: Double?, daysSinceUnixEpoch: Int64?
    ) {
        self.timeOfDaySeconds = timeOfDaySeconds
        self.isValid = isValid
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
        self.daysSinceUnixEpoch = daysSinceUnixEpoch
    }
}

/// A GSA sentence: fix type and dilutions.
package struct NMEAGSA: Sendable, Hashable {
    /// 1 no fix, 2 2-D, 3 3-D.
    package var fixType: Int
    /// Satellites listed as used.
    package var satellitesUsed: Int
    /// Position, horizontal and vertical dilution of precision.
    package var positionDilution: Double?
    /// Horizontal dilution of precision.
    package var horizontalDilution: Double?
    /// Vertical dilution of precision.
    package var verticalDilution: Double?

    /// Builds the sentence's values.
    package init(
        fixType: Int, satellitesUsed: Int, positionDilution: Double?, horizontalDilution: Double?, verticalDilution: Double?
    ) {
        self.fixType = fixType
        self.satellitesUsed = satellitesUsed
        self.positionDilution = positionDilution
        self.horizontalDilution = horizontalDilution
        self.verticalDilution = verticalDilution
    }
}

/// A GST sentence: pseudorange error statistics.
package struct NMEAGST: Sendable, Hashable {
    /// UTC time of day of the fix they describe, seconds.
    package var timeOfDaySeconds: Double
    /// 1-σ latitude error, metres.
    package var sigmaLatitudeMetres: Double?
    /// 1-σ longitude error, metres.
    package var sigmaLongitudeMetres: Double?
    /// 1-σ altitude error, metres.
    package var sigmaAltitudeMetres: Double?

    /// Builds the sentence's values.
    package init(
        timeOfDaySeconds: Double, sigmaLatitudeMetres: Double?, sigmaLongitudeMetres: Double?, sigmaAltitudeMetres: Double?
    ) {
        self.timeOfDaySeconds = timeOfDaySeconds
        self.sigmaLatitudeMetres = sigmaLatitudeMetres
        self.sigmaLongitudeMetres = sigmaLongitudeMetres
        self.sigmaAltitudeMetres = sigmaAltitudeMetres
    }
}

/// One checked NMEA 0183 sentence.
package enum NMEASentence: Sendable, Hashable {
    /// Time, position, fix quality.
    case gga(NMEAGGA)
    /// Time, date, validity, position.
    case rmc(NMEARMC)
    /// Fix type and dilutions.
    case gsa(NMEAGSA)
    /// Error statistics.
    case gst(NMEAGST)
    /// A valid sentence of another type (GSV, VTG, proprietary, ...), by address field.
    case other(String)
}

/// Checks and parses NMEA 0183 lines. Never traps on any input: every problem is an
/// `NMEAError` naming the sentence.
package enum NMEAParser {
    /// Longest line accepted (the standard's 82 characters, with room for receivers that
    /// exceed it).
    package static let maximumLineByteCount = 160

    /// Parses one line (without or with its CR LF).
    package static func parse(_ line: String) throws(NMEAError) -> NMEASentence {
        try parse(Array(line.utf8)[...])
    }

    /// Parses one line of bytes (without or with its CR LF).
    package static func parse(_ bytes: ArraySlice<UInt8>) throws(NMEAError) -> NMEASentence {
        var line = bytes
        while let last = line.last, last == 0x0A || last == 0x0D { line.removeLast() }
        let name = addressField(of: line)
        guard line.first == UInt8(ascii: "$") else { throw .notASentence(linePrefix: printablePrefix(of: line)) }
        guard line.count <= maximumLineByteCount else { throw .tooLong(sentence: name, byteCount: line.count) }
        guard line.allSatisfy({ (0x20...0x7E).contains($0) }) else { throw .nonASCII(sentence: name) }
        guard let star = line.lastIndex(of: UInt8(ascii: "*")), line.endIndex - star == 3,
            let declared = UInt8(String(decoding: line[(star + 1)...], as: UTF8.self), radix: 16)
        else { throw .missingChecksum(sentence: name) }
        let body = line[(line.startIndex + 1)..<star]
        let computed = body.reduce(UInt8(0), ^)
        guard computed == declared else { throw .badChecksum(sentence: name, declared: declared, computed: computed) }
        let fields = String(decoding: body, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
        let reader = NMEAFieldReader(sentence: name, fields: fields)
        switch name.count == 5 ? String(name.suffix(3)) : "" {
        case "GGA": return .gga(try reader.gga())
        case "RMC": return .rmc(try reader.rmc())
        case "GSA": return .gsa(try reader.gsa())
        case "GST": return .gst(try reader.gst())
        default: return .other(name)
        }
    }

    /// The address field (`GPGGA`), at most 8 printable characters, for naming the sentence
    /// in errors even when the rest of the line is damaged.
    static func addressField(of line: ArraySlice<UInt8>) -> String {
        let start = line.first == UInt8(ascii: "$") ? line.startIndex + 1 : line.startIndex
        let end = line[start...].firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "*") } ?? line.endIndex
        let name = line[start..<min(end, start + 8)].filter { (0x21...0x7E).contains($0) }
        return name.isEmpty ? "?" : String(decoding: name, as: UTF8.self)
    }

    private static func printablePrefix(of line: ArraySlice<UInt8>) -> String {
        String(decoding: line.prefix(16).map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}
