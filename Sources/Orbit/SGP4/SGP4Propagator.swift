/// An SGP4/SDP4 propagator for one element set: the constants of the reference's
/// `sgp4init`, computed once, and a pure `propagate` that allocates nothing.
///
/// The model follows Vallado, Crawford, Hujsak, Kelso, "Revisiting Spacetrack Report #3"
/// (AIAA 2006-6753) and its reference code as shipped in python `sgp4` 2.27, including the
/// deep-space branch (SDP4, period ≥ 225 min) with 12 h and 24 h resonances and the Lyddane
/// choice. Output is in TEME (km, km/s). On x86-64 Linux it reproduces that reference bit
/// for bit when given minutes since epoch, and stays within 1.2e-7 km and 5e-10 km/s of
/// every state of the verification output `tcppver.out` (see `SGP4VerificationTests`).
///
/// Unlike the reference, `propagate` does not cache the resonance integrator between calls:
/// it always integrates from the epoch in the same 720-minute steps, so the results are the
/// same numbers the caching code gives, and the value is immutable and `Sendable`.
public struct SGP4Propagator: Sendable {
    /// The element set's epoch; `propagate(minutesSinceEpoch:)` counts from here.
    public let epoch: JulianDate
    /// The catalogue number of the element set.
    package let catalogNumber: Int
    /// The Earth constants in use.
    package let gravity: SGP4GravityModel
    /// Which behaviour of the reference is followed where modes differ.
    package let operationMode: SGP4OperationMode

    /// Largest |time from epoch| accepted, minutes (about 190 years). Far beyond where SGP4
    /// means anything; it bounds the resonance integrator's work per call.
    package static let maximumMinutesFromEpoch = 1.0e8

    let near: SGP4NearEarthTerms
    /// The deep-space terms, boxed: most satellites (every LEO one) have none, and an inline
    /// optional would still take their ~360 bytes in every propagator (3.9 MB for 10,000).
    private let deepSpace: SGP4DeepSpaceTermsBox?
    /// The deep-space terms, when the orbit uses them.
    var deep: SGP4DeepSpaceTerms? { deepSpace?.terms }

    /// Initialises the model for `elements` (the reference's `sgp4init`, preceded by the unit
    /// conversions of its `twoline2rv`).
    ///
    /// Like the reference, initialisation ends with a propagation to the epoch, and throws
    /// what that propagation throws, so an element set that cannot be propagated at all is
    /// rejected here.
    /// - Throws: `SGP4Error.meanEccentricityOutOfRange` when e ∉ [0, 1),
    ///   `.meanMotionNotPositive`, `.invalidInput` for non-finite elements, or the error of
    ///   the propagation to the epoch.
    package init(
        elements: ElementSet, gravity: SGP4GravityModel = .wgs72,
        operationMode: SGP4OperationMode = .improved
    ) throws(SGP4Error) {
        let mean = SGP4MeanElements(elements)
        try mean.validate()
        self.epoch = elements.epoch
        self.catalogNumber = elements.catalogNumber
        self.gravity = gravity
        self.operationMode = operationMode
        let (near, deep) = SGP4Initialiser.terms(for: mean, gravity: gravity)
        self.near = near
        self.deepSpace = deep.map(SGP4DeepSpaceTermsBox.init)
        _ = try propagate(minutesSinceEpoch: 0)
    }

    /// Whether the deep-space branch (SDP4) is used: orbital period ≥ 225 minutes.
    package var isDeepSpace: Bool { deepSpace != nil }

    /// The un-Kozai'd ("Brouwer") mean motion at epoch, radians per minute.
    package var meanMotionRadiansPerMinute: Double { near.noUnkozai }

    /// The TEME state `minutesSinceEpoch` minutes after (or, when negative, before) the epoch.
    ///
    /// Allocation-free; safe to call concurrently.
    /// - Throws: `SGP4Error` (the reference's codes 1, 2, 3, 4, 6; `.invalidInput` for a
    ///   non-finite or out-of-range time). Never returns NaN.
    public func propagate(minutesSinceEpoch: Double) throws(SGP4Error) -> TEMEState {
        try state(at: minutesSinceEpoch)
    }

    /// The TEME state at `date` (UTC), with the time since epoch computed part by part to
    /// keep the precision of the split Julian date.
    package func propagate(to date: JulianDate) throws(SGP4Error) -> TEMEState {
        try state(at: date.minutes(since: epoch))
    }
}

/// The elements in the units SGP4 works in (radians, radians per minute), converted exactly
/// as the reference's `twoline2rv` does so that the numbers agree bit for bit.
struct SGP4MeanElements {
    /// Minutes per day over 2π: revolutions per day → radians per minute (`xpdotp`).
    static let revsPerDayPerRadianPerMinute = 1440.0 / (2.0 * Double.pi)
    static let radiansPerDegree = Double.pi / 180.0

    var bstar: Double
    var eccentricity: Double
    var argumentOfPerigee: Double
    var inclination: Double
    var meanAnomaly: Double
    var meanMotionKozai: Double
    var raan: Double
    /// Days since 1949 December 31 00:00 UT, the reference's `epoch` argument.
    var epochDaysSince1950: Double

    init(_ elements: ElementSet) {
        bstar = elements.bstar
        eccentricity = elements.eccentricity
        argumentOfPerigee = elements.argumentOfPerigeeDegrees * Self.radiansPerDegree
        inclination = elements.inclinationDegrees * Self.radiansPerDegree
        meanAnomaly = elements.meanAnomalyDegrees * Self.radiansPerDegree
        meanMotionKozai = elements.meanMotionRevsPerDay / Self.revsPerDayPerRadianPerMinute
        raan = elements.raanDegrees * Self.radiansPerDegree
        // 2433281.5 is the Julian date of 1949 December 31 00:00 UT (AIAA 2006-6753, `sgp4init`).
        epochDaysSince1950 = (elements.epoch.day + elements.epoch.fraction) - 2_433_281.5
    }

    func validate() throws(SGP4Error) {
        let sum =
            bstar + eccentricity + argumentOfPerigee + inclination + meanAnomaly
            + meanMotionKozai + raan + epochDaysSince1950
        guard sum.isFinite else { throw .invalidInput }
        guard eccentricity >= 0, eccentricity < 1 else {
            throw .meanEccentricityOutOfRange(eccentricity: eccentricity)
        }
        guard meanMotionKozai > 0 else {
            throw .meanMotionNotPositive(radiansPerMinute: meanMotionKozai)
        }
    }
}

/// The deep-space terms of one propagator, immutable and shared by its copies.
final class SGP4DeepSpaceTermsBox: Sendable {
    let terms: SGP4DeepSpaceTerms

    init(_ terms: SGP4DeepSpaceTerms) { self.terms = terms }
}
