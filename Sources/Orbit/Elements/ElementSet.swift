/// One satellite's mean orbital elements, as carried by a TLE or a CelesTrak OMM record.
///
/// Units are those of the formats themselves (degrees, revolutions per day), so an
/// element set read from a file and written back is unchanged; `SGP4` converts to its
/// own units (radians, radians per minute) when it initialises.
public struct ElementSet: Sendable, Hashable {
    /// The object name (line 0 of a 3-line TLE, `OBJECT_NAME` in OMM); may be empty.
    package var name: String
    /// The NORAD catalogue number; Alpha-5 numbers decoded (`A0000` = 100000).
    package var catalogNumber: Int
    /// Security classification (`U`, `C`, `S`).
    package var classification: String
    /// International designator, e.g. `19074A` (TLE) or `2019-074A` (OMM), as given.
    package var internationalDesignator: String
    /// Epoch of the elements (UTC).
    package var epoch: JulianDate
    /// First derivative of mean motion divided by two, rev/day² (TLE line 1, cols 34–43).
    package var meanMotionDot: Double
    /// Second derivative of mean motion divided by six, rev/day³.
    package var meanMotionDDot: Double
    /// SGP4 drag term B*, in inverse Earth radii.
    package var bstar: Double
    /// Ephemeris type (0 for SGP4 element sets).
    package var ephemerisType: Int
    /// Element set number.
    package var elementSetNumber: Int
    /// Inclination, degrees.
    package var inclinationDegrees: Double
    /// Right ascension of the ascending node, degrees.
    package var raanDegrees: Double
    /// Eccentricity (dimensionless, 0 ≤ e < 1).
    package var eccentricity: Double
    /// Argument of perigee, degrees.
    package var argumentOfPerigeeDegrees: Double
    /// Mean anomaly, degrees.
    package var meanAnomalyDegrees: Double
    /// Mean motion, revolutions per day (Kozai mean motion, as published).
    package var meanMotionRevsPerDay: Double
    /// Revolution number at epoch.
    package var revolutionNumberAtEpoch: Int

    /// Builds an element set field by field.
    package init(
        name: String = "", catalogNumber: Int, classification: String = "U",
        internationalDesignator: String = "", epoch: JulianDate,
        meanMotionDot: Double = 0, meanMotionDDot: Double = 0, bstar: Double = 0,
        ephemerisType: Int = 0, elementSetNumber: Int = 999,
        inclinationDegrees: Double, raanDegrees: Double, eccentricity: Double,
        argumentOfPerigeeDegrees: Double, meanAnomalyDegrees: Double,
        meanMotionRevsPerDay: Double, revolutionNumberAtEpoch: Int = 0
    ) {
        self.name = name
        self.catalogNumber = catalogNumber
        self.classification = classification
        self.internationalDesignator = internationalDesignator
        self.epoch = epoch
        self.meanMotionDot = meanMotionDot
        self.meanMotionDDot = meanMotionDDot
        self.bstar = bstar
        self.ephemerisType = ephemerisType
        self.elementSetNumber = elementSetNumber
        self.inclinationDegrees = inclinationDegrees
        self.raanDegrees = raanDegrees
        self.eccentricity = eccentricity
        self.argumentOfPerigeeDegrees = argumentOfPerigeeDegrees
        self.meanAnomalyDegrees = meanAnomalyDegrees
        self.meanMotionRevsPerDay = meanMotionRevsPerDay
        self.revolutionNumberAtEpoch = revolutionNumberAtEpoch
    }
}
