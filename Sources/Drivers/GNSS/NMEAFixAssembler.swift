import Platform
/// Turns a stream of NMEA sentences into `GNSSFix`es: one per GGA, completed with what the
/// other sentences of the same or the previous epoch said.
///
/// Receivers send each epoch as a burst (u-blox by default: RMC, VTG, GGA, GSA, GSV, GLL;
/// GST when enabled), and the order varies between makes, so:
/// - position, quality, satellites, altitude, HDOP: the GGA itself;
/// - date: the last RMC (a GGA carries only the time of day; a GGA just after midnight
///   following an RMC just before it moves to the next day); no RMC yet: `utc` nil;
/// - validity: an RMC of the same time saying `V` (void) makes the fix `none`;
/// - 2-D: a GSA seen since the previous GGA saying 2 makes a 3-D-looking fix 2-D (GSA
///   carries no time; one that says "no fix" while GGA has one is taken as stale);
/// - accuracy: a GST of the same time or up to `gstMaximumAgeSeconds` older (GST often
///   follows GGA, so the previous epoch's is the freshest one at hand); otherwise HDOP.
package struct NMEAFixAssembler: Sendable {
    /// How much older than the GGA a GST may be and still give the accuracy, seconds.
    package var gstMaximumAgeSeconds = 1.5

    private var lastRMC: NMEARMC?
    private var lastGST: NMEAGST?
    private var fixTypeSinceLastGGA: Int?

    /// An assembler that has seen nothing.
    package init() {}

    /// Takes in one sentence read at `receivedAtNanoseconds`; returns a fix for a GGA.
    package mutating func consume(_ sentence: NMEASentence, receivedAtNanoseconds: UInt64) -> GNSSFix? {
        switch sentence {
        case .rmc(let rmc):
            lastRMC = rmc
            return nil
        case .gst(let gst):
            lastGST = gst
            return nil
        case .gsa(let gsa):
            fixTypeSinceLastGGA = gsa.fixType
            return nil
        case .other:
            return nil
        case .gga(let gga):
            defer { fixTypeSinceLastGGA = nil }
            return fix(from: gga, receivedAtNanoseconds: receivedAtNanoseconds)
        }
    }

    private func fix(from gga: NMEAGGA, receivedAtNanoseconds: UInt64) -> GNSSFix {
        let utc = utc(ofTimeOfDay: gga.timeOfDaySeconds)
        let voidByRMC =
            lastRMC.map { !$0.isValid && Self.secondsBetween($0.timeOfDaySeconds, gga.timeOfDaySeconds) == 0 } ?? false
        guard gga.quality > 0, !voidByRMC, let latitude = gga.latitudeDegrees, let longitude = gga.longitudeDegrees else {
            return .noFix(utc: utc, receivedAtNanoseconds: receivedAtNanoseconds, source: .nmea)
        }
        var mode: GNSSFixMode = gga.altitudeAboveMeanSeaLevelMetres == nil ? .twoDimensional : .threeDimensional
        if fixTypeSinceLastGGA == 2 { mode = .twoDimensional }
        var altitude: Double?
        if mode == .threeDimensional, let msl = gga.altitudeAboveMeanSeaLevelMetres, let separation = gga.geoidSeparationMetres {
            altitude = msl + separation
        }
        return GNSSFix(
            utc: utc, latitudeDegrees: latitude, longitudeDegrees: longitude, altitudeMetres: altitude,
            horizontalAccuracyMetres: accuracy(for: gga), mode: mode, satellitesUsed: gga.satellitesUsed,
            receivedAtNanoseconds: receivedAtNanoseconds, source: .nmea)
    }

    private func accuracy(for gga: NMEAGGA) -> Double? {
        if let gst = lastGST, let sigmaLatitude = gst.sigmaLatitudeMetres, let sigmaLongitude = gst.sigmaLongitudeMetres {
            let age = Self.secondsBetween(gst.timeOfDaySeconds, gga.timeOfDaySeconds)
            if age >= 0, age <= gstMaximumAgeSeconds {
                return GNSSFix.horizontalAccuracy95(sigmaLatitudeMetres: sigmaLatitude, sigmaLongitudeMetres: sigmaLongitude)
            }
        }
        return gga.horizontalDilution.map { GNSSFix.horizontalAccuracy95(horizontalDilution: $0) }
    }

    /// The UTC of a time of day, dated by the last RMC.
    private func utc(ofTimeOfDay seconds: Double) -> UTCInstant? {
        guard let rmc = lastRMC, let days = rmc.daysSinceUnixEpoch else { return nil }
        let dayShift = Int64(((rmc.timeOfDaySeconds + secondsBetween(rmc.timeOfDaySeconds, seconds)) / 86_400).rounded(.down))
        let whole = seconds.rounded(.down)
        let fraction = Int64(((seconds - whole) * 1e9).rounded())
        return UTCInstant(nanosecondsSinceUnixEpoch: ((days + dayShift) * 86_400 + Int64(whole)) * 1_000_000_000 + fraction)
    }

    private func secondsBetween(_ from: Double, _ to: Double) -> Double { Self.secondsBetween(from, to) }

    /// `to − from` for two times of day, taken across midnight when that is shorter:
    /// in −43,200 ..< 43,200.
    static func secondsBetween(_ from: Double, _ to: Double) -> Double {
        var difference = to - from
        if difference >= 43_200 { difference -= 86_400 }
        if difference < -43_200 { difference += 86_400 }
        return difference
    }
}
