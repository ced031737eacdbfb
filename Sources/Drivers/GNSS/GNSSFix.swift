import Platform
/// What kind of position a fix is (gpsd's TPV `mode`, NMEA GSA's fix type).
package enum GNSSFixMode: Int, Sendable, Hashable, CaseIterable, BitwiseCopyable, CustomStringConvertible {
    /// No position: the receiver has no fix (or has not said yet).
    case none = 1
    /// Latitude and longitude, no altitude.
    case twoDimensional = 2
    /// Latitude, longitude and altitude.
    case threeDimensional = 3

    /// `none`, `2D`, `3D`.
    package var description: String {
        switch self {
        case .none: "none"
        case .twoDimensional: "2D"
        case .threeDimensional: "3D"
        }
    }
}

/// Where a fix came from.
package enum GNSSFixSource: String, Sendable, Hashable, BitwiseCopyable {
    /// gpsd's JSON protocol (a TPV report).
    case gpsd
    /// NMEA 0183 sentences read from the receiver's line.
    case nmea
}

/// One position report of the GNSS receiver, as the geofence and the clock need it. A plain
/// value (`BitwiseCopyable`), so the GNSS thread can hand the latest one to the tick through
/// RealTime's `LatestValueMailbox`.
///
/// ## Accuracy
/// `horizontalAccuracyMetres` is the radius of a circle that holds the true position with
/// at least 95 % probability: the geofence adds it to its margin, so it must not understate.
/// From the inputs available, each converted conservatively:
/// - NMEA GST (1-σ errors of latitude and longitude, metres): 2.4477 · max(σlat, σlon).
///   2.4477 = √(−2 ln 0.05) is the 95 % radius of a circular 2-D normal distribution of
///   σ = max(σlat, σlon), which contains the elliptical one.
/// - NMEA without GST: 2DRMS = 2 · HDOP · σUERE with σUERE = 7 m (Kaplan & Hegarty,
///   "Understanding GPS/GNSS", 3rd ed., §7.2: 2DRMS holds 95–98 % of fixes; 7 m is a
///   single-frequency civil UERE with margin).
/// - gpsd: the largest of `eph` and 1.2489 · max(`epx`, `epy`): gpsd documents `epx`/`epy`
///   as 95 % bounds of each axis (1.96 σ), and 2.4477 / 1.96 = 1.2489 makes a 95 % circle of
///   them; `eph` is gpsd's own horizontal estimate.
/// nil means no estimate was available: the geofence must then treat the fix as unusable.
///
/// ## Times
/// `utc` is the receiver's time of the fix (nil when no date is known yet, e.g. NMEA before
/// the first RMC). `receivedAtNanoseconds` is when the driver read it, on the monotonic
/// clock: freshness is judged on that, never on `utc`.
package struct GNSSFix: Sendable, Hashable, BitwiseCopyable {
    /// The time of the fix, UTC.
    package var utc: UTCInstant?
    /// Latitude, degrees north (WGS 84); NaN when `mode` is `none`.
    package var latitudeDegrees: Double
    /// Longitude, degrees east (WGS 84); NaN when `mode` is `none`.
    package var longitudeDegrees: Double
    /// Height above the WGS 84 ellipsoid, metres (gpsd `altHAE`; NMEA: GGA altitude plus
    /// geoid separation); nil without a 3-D fix or without the separation.
    package var altitudeMetres: Double?
    /// 95 % horizontal accuracy radius, metres (see the type's notes); nil when unknown.
    package var horizontalAccuracyMetres: Double?
    /// No fix, 2-D or 3-D.
    package var mode: GNSSFixMode
    /// Satellites used in the solution, when reported.
    package var satellitesUsed: Int?
    /// When the driver read the report, monotonic clock, nanoseconds.
    package var receivedAtNanoseconds: UInt64
    /// gpsd or NMEA.
    package var source: GNSSFixSource

    /// Builds a fix.
    package init(
        utc: UTCInstant?, latitudeDegrees: Double, longitudeDegrees: Double, altitudeMetres: Double?,
        horizontalAccuracyMetres: Double?, mode: GNSSFixMode, satellitesUsed: Int?, receivedAtNanoseconds: UInt64,
        source: GNSSFixSource
    ) {
        self.utc = utc
        self.latitudeDegrees = latitudeDegrees
        self.longitudeDegrees = longitudeDegrees
        self.altitudeMetres = altitudeMetres
        self.horizontalAccuracyMetres = horizontalAccuracyMetres
        self.mode = mode
        self.satellitesUsed = satellitesUsed
        self.receivedAtNanoseconds = receivedAtNanoseconds
        self.source = source
    }

    /// A report of no fix.
    package static func noFix(utc: UTCInstant?, receivedAtNanoseconds: UInt64, source: GNSSFixSource) -> GNSSFix {
        GNSSFix(
            utc: utc, latitudeDegrees: .nan, longitudeDegrees: .nan, altitudeMetres: nil, horizontalAccuracyMetres: nil,
            mode: .none, satellitesUsed: nil, receivedAtNanoseconds: receivedAtNanoseconds, source: source)
    }

    /// Whether the fix has a position in range and a finite, non-negative accuracy: the
    /// least the geofence needs (it applies its own freshness and plausibility checks).
    package var isUsable: Bool {
        mode != .none && latitudeDegrees.isFinite && abs(latitudeDegrees) <= 90 && longitudeDegrees.isFinite
            && abs(longitudeDegrees) <= 180 && (horizontalAccuracyMetres.map { $0.isFinite && $0 >= 0 } ?? false)
    }

    /// √(−2 ln 0.05): the 95 % radius of a circular 2-D normal distribution, in σ.
    package static let circular95PercentRadiusPerSigma = 2.447_746_830_680_816

    /// 1.96: the 95 % two-sided bound of a 1-D normal distribution, in σ.
    package static let axis95PercentBoundPerSigma = 1.959_963_984_540_054

    /// σUERE assumed when only HDOP is known, metres.
    package static let assumedUserRangeErrorMetres = 7.0

    /// The 95 % radius from 1-σ latitude and longitude errors (NMEA GST).
    package static func horizontalAccuracy95(sigmaLatitudeMetres: Double, sigmaLongitudeMetres: Double) -> Double {
        circular95PercentRadiusPerSigma * max(sigmaLatitudeMetres, sigmaLongitudeMetres)
    }

    /// The 95 % radius from HDOP alone (2DRMS).
    package static func horizontalAccuracy95(horizontalDilution: Double) -> Double {
        2 * horizontalDilution * assumedUserRangeErrorMetres
    }

    /// The 95 % radius from gpsd's `eph`, `epx`, `epy` (any may be missing).
    package static func horizontalAccuracy95(eph: Double?, epx: Double?, epy: Double?) -> Double? {
        let axes = [epx, epy].compactMap { $0 }.max().map { $0 * circular95PercentRadiusPerSigma / axis95PercentBoundPerSigma }
        return [eph, axes].compactMap { $0 }.max()
    }
}
