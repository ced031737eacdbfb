import Foundation
import Platform

/// Why a line from gpsd was rejected (the connection carries on).
package enum GPSDError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line is not a JSON object of the gpsd protocol (its first characters).
    case malformedJSON(excerpt: String)
    /// A report's field holds an impossible value (latitude 91, NaN, negative error, ...).
    case invalidValue(reportClass: String, field: String)
    /// gpsd sent an ERROR report.
    case daemonError(message: String)

    /// What was wrong, in words.
    package var description: String {
        switch self {
        case .malformedJSON(let excerpt): "not a gpsd JSON report: \"\(excerpt)\""
        case .invalidValue(let reportClass, let field): "\(reportClass): impossible \(field)"
        case .daemonError(let message): "gpsd error: \(message)"
        }
    }
}

/// One line of gpsd's JSON protocol (gpsd_json(5)), the fields utermd reads. Every field is
/// optional: what a report lacks is nil, and a wrong type makes the line malformed.
struct GPSDReport: Decodable {
    var reportClass: String
    var mode: Int?
    var time: String?
    var lat: Double?
    var lon: Double?
    var altHAE: Double?
    var eph: Double?
    var epx: Double?
    var epy: Double?
    var uSat: Int?
    var satellites: [Satellite]?
    var release: String?
    var message: String?

    struct Satellite: Decodable {
        var used: Bool?
    }

    enum CodingKeys: String, CodingKey {
        case reportClass = "class"
        case mode, time, lat, lon, altHAE, eph, epx, epy, uSat, satellites, release, message
    }

    /// Decodes one line; a line that is not such an object throws `malformedJSON`.
    static func decode(_ line: ArraySlice<UInt8>) throws(GPSDError) -> GPSDReport {
        do {
            return try JSONDecoder().decode(GPSDReport.self, from: Data(line))
        } catch {
            let excerpt = String(
                decoding: line.prefix(40).map { (0x20...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
            throw .malformedJSON(excerpt: excerpt)
        }
    }

    /// Satellites used, from a SKY report.
    var satellitesUsed: Int? {
        uSat ?? satellites.map { $0.filter { $0.used == true }.count }
    }

    /// The fix of a TPV report, checked; `satellitesUsed` comes from the last SKY. nil for a
    /// partial report without a position (gpsd sends those between full ones, e.g. only its
    /// error estimates, although its documentation says `lat` and `lon` come with mode 2 and 3).
    func fix(satellitesUsed: Int?, receivedAtNanoseconds: UInt64) throws(GPSDError) -> GNSSFix? {
        let utc = time.flatMap { UTCInstant(iso8601: $0) }
        if time != nil, utc == nil { throw .invalidValue(reportClass: "TPV", field: "time") }
        let mode = mode.flatMap { GNSSFixMode(rawValue: $0) } ?? .none  // 0: "no mode value yet seen"
        guard mode != .none else { return .noFix(utc: utc, receivedAtNanoseconds: receivedAtNanoseconds, source: .gpsd) }
        guard let lat, let lon else { return nil }
        guard lat.isFinite, abs(lat) <= 90 else { throw .invalidValue(reportClass: "TPV", field: "lat") }
        guard lon.isFinite, abs(lon) <= 180 else { throw .invalidValue(reportClass: "TPV", field: "lon") }
        for (name, value) in [("eph", eph), ("epx", epx), ("epy", epy)] {
            if let value, !(value.isFinite && value >= 0) { throw .invalidValue(reportClass: "TPV", field: name) }
        }
        if let altHAE, !altHAE.isFinite { throw .invalidValue(reportClass: "TPV", field: "altHAE") }
        return GNSSFix(
            utc: utc, latitudeDegrees: lat, longitudeDegrees: lon, altitudeMetres: mode == .threeDimensional ? altHAE : nil,
            horizontalAccuracyMetres: GNSSFix.horizontalAccuracy95(eph: eph, epx: epx, epy: epy), mode: mode,
            satellitesUsed: satellitesUsed, receivedAtNanoseconds: receivedAtNanoseconds, source: .gpsd)
    }
}
