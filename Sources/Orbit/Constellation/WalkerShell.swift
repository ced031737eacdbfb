/// One shell of a Walker-delta constellation, i: T/P/F (Walker, "Satellite constellations",
/// J. British Interplanetary Society 37 (1984) 559–572): T = P·S satellites in P equally
/// spaced circular orbit planes of S satellites each, all at one altitude and inclination.
///
/// Satellite s of plane p (both counted from 0) gets
///
///     RAAN = 360° · p / P
///     M    = 360° · s / S + 360° · F · p / T   (mod 360°)
///
/// so the planes' ascending nodes are evenly spread over the equator and each plane is
/// shifted along track by F · 360°/T from the one before.
public struct WalkerShell: Sendable, Hashable {
    /// First synthetic catalogue number when none is given: 90000, which a plain 5-digit TLE
    /// can write. NORAD's numbers were in the 60000s in 2025 and grow by thousands a year:
    /// when mixing with real element sets, pass a base clear of them.
    public static let defaultFirstCatalogNumber = 90_000

    /// A label for the shell, used in the satellites' names (keep it ≤ 16 characters so the
    /// names fit a TLE's 24-character line 0).
    package let name: String
    /// Altitude of the circular orbits above the WGS-72 equatorial radius (6378.135 km), km.
    package let altitudeKilometres: Double
    /// Inclination, degrees.
    package let inclinationDegrees: Double
    /// Number of orbit planes P.
    package let planes: Int
    /// Satellites in each plane S.
    package let satellitesPerPlane: Int
    /// Walker phasing parameter F, 0 … P − 1.
    package let phasing: Int

    /// Builds a shell after checking its parameters.
    package init(
        name: String, altitudeKilometres: Double, inclinationDegrees: Double, planes: Int,
        satellitesPerPlane: Int, phasing: Int
    ) throws(WalkerShellError) {
        guard planes >= 1, satellitesPerPlane >= 1 else {
            throw .emptyShell(planes: planes, satellitesPerPlane: satellitesPerPlane)
        }
        guard (0..<planes).contains(phasing) else { throw .phasingOutOfRange(phasing: phasing, planes: planes) }
        guard altitudeKilometres > 0, altitudeKilometres.isFinite else {
            throw .altitudeOutOfRange(altitudeKilometres: altitudeKilometres)
        }
        guard (0.0...180.0).contains(inclinationDegrees) else {
            throw .inclinationOutOfRange(inclinationDegrees: inclinationDegrees)
        }
        self.init(
            validatedName: name, altitudeKilometres: altitudeKilometres, inclinationDegrees: inclinationDegrees,
            planes: planes, satellitesPerPlane: satellitesPerPlane, phasing: phasing)
    }

    /// For presets whose parameters are known to be valid.
    init(
        validatedName name: String, altitudeKilometres: Double, inclinationDegrees: Double, planes: Int,
        satellitesPerPlane: Int, phasing: Int
    ) {
        self.name = name
        self.altitudeKilometres = altitudeKilometres
        self.inclinationDegrees = inclinationDegrees
        self.planes = planes
        self.satellitesPerPlane = satellitesPerPlane
        self.phasing = phasing
    }

    /// Total number of satellites T = P · S.
    package var totalSatellites: Int { planes * satellitesPerPlane }

    /// Right ascension of the ascending node of plane `plane` (0-based), degrees, 360 · p / P.
    package func raanDegrees(plane: Int) -> Double {
        360.0 * Double(plane) / Double(planes)
    }

    /// Mean anomaly at epoch of satellite `slot` of plane `plane` (both 0-based), degrees in
    /// [0, 360): 360 · s / S + 360 · F · p / T.
    package func meanAnomalyDegrees(plane: Int, slot: Int) -> Double {
        let degrees =
            360.0 * Double(slot) / Double(satellitesPerPlane)
            + 360.0 * Double(phasing * plane) / Double(totalSatellites)
        return degrees.truncatingRemainder(dividingBy: 360.0)
    }

    /// TLE (Kozai) mean motion of the shell's orbits, revolutions per day, chosen so that SGP4
    /// recovers a mean semi-major axis of 6378.135 km + altitude
    /// (`CircularOrbit.kozaiMeanMotionRevsPerDay`).
    package var meanMotionRevsPerDay: Double {
        CircularOrbit.kozaiMeanMotionRevsPerDay(
            altitudeKilometres: altitudeKilometres, inclinationDegrees: inclinationDegrees)
    }

    /// The shell's satellites as element sets at `epoch`, plane by plane, slot by slot.
    ///
    /// Orbits are circular (e = 0, argument of perigee 0), B* and the mean-motion derivatives
    /// are 0 (no drag), the mean motion is `meanMotionRevsPerDay`. Satellite s of plane p is
    /// named `"<name> P<pp> S<ss>"` (0-based, two digits at least) and numbered
    /// `firstCatalogNumber + p · S + s`; the international designator is left empty, since
    /// these are not real objects.
    ///
    /// - Throws: `WalkerShellError.catalogNumbersOutOfRange` if the numbers would leave 1 … 339999.
    public func elementSets(
        epoch: JulianDate, firstCatalogNumber: Int = WalkerShell.defaultFirstCatalogNumber
    ) throws(WalkerShellError) -> [ElementSet] {
        let last = firstCatalogNumber + totalSatellites - 1
        guard firstCatalogNumber >= 1, last <= 339_999 else {
            throw .catalogNumbersOutOfRange(first: firstCatalogNumber, last: last)
        }
        let meanMotion = meanMotionRevsPerDay
        var sets: [ElementSet] = []
        sets.reserveCapacity(totalSatellites)
        for plane in 0..<planes {
            for slot in 0..<satellitesPerPlane {
                sets.append(
                    ElementSet(
                        name: "\(name) P\(zeroPaddedDecimal(plane, width: 2)) S\(zeroPaddedDecimal(slot, width: 2))",
                        catalogNumber: firstCatalogNumber + plane * satellitesPerPlane + slot,
                        epoch: epoch,
                        inclinationDegrees: inclinationDegrees,
                        raanDegrees: raanDegrees(plane: plane),
                        eccentricity: 0,
                        argumentOfPerigeeDegrees: 0,
                        meanAnomalyDegrees: meanAnomalyDegrees(plane: plane, slot: slot),
                        meanMotionRevsPerDay: meanMotion))
            }
        }
        return sets
    }

    /// The element sets of several shells at `epoch`, numbered consecutively from
    /// `firstCatalogNumber` in the order given.
    public static func elementSets(
        of shells: [WalkerShell], epoch: JulianDate, firstCatalogNumber: Int = WalkerShell.defaultFirstCatalogNumber
    ) throws(WalkerShellError) -> [ElementSet] {
        var sets: [ElementSet] = []
        var next = firstCatalogNumber
        for shell in shells {
            sets += try shell.elementSets(epoch: epoch, firstCatalogNumber: next)
            next += shell.totalSatellites
        }
        return sets
    }
}
