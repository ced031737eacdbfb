import Orbit

/// Rise, culmination and set times of satellites over one observer, above a threshold
/// elevation, for a whole constellation at once.
///
/// Each satellite is first checked against its orbit's reach (`VisibilityBound`: inclination,
/// apogee and the observer's latitude), then walked at period / 20 with jumps over the stretches
/// its geometry proves invisible (distance from the observer, and from the orbit's plane), and
/// every event is located to `toleranceSeconds`: rises and sets by Newton's method kept in a
/// bracket, culminations by Brent's method on the elevation's rate (`PassSearch`). Elevation is geometric (no refraction) above the WGS-84
/// horizon plane, from SGP4 through TEME → pseudo-Earth-fixed, as `TopocentricFrame` computes
/// it. On 43 satellites of the 2026-08-22 Starlink snapshot over 12 h (73 passes above 25°)
/// every event is within 0.38 s of Skyfield's `find_events` (which itself stops at ±0.5 s),
/// within 21 ms of Skyfield's altitude refined to 1 µs, and within 0.3 ms of it given Skyfield's
/// UT1 − UTC (`PassPredictionTests`).
public struct PassPredictor: Sendable {
    /// The observer.
    package let observer: GeodeticPosition
    /// The threshold elevation, degrees.
    package let minimumElevationDegrees: Double
    /// Precision of every event time, seconds.
    package let toleranceSeconds: Double
    /// UT1 − UTC and polar motion used to turn TEME into the Earth-fixed frame (none by
    /// default, as SGP4 practice; a DUT1 of 0.1 s moves events by ~10 ms).
    package let earthOrientation: EarthOrientation
    let frame: TopocentricFrame

    /// A predictor for `observer` and passes above `minimumElevationDegrees` (25° by default,
    /// the terminal's minimum elevation, `CandidateConstraints.defaultMinimumElevationDegrees`).
    public init(
        observer: GeodeticPosition,
        minimumElevationDegrees: Double = CandidateConstraints.defaultMinimumElevationDegrees,
        toleranceSeconds: Double = 1e-3, earthOrientation: EarthOrientation = .none
    ) {
        self.observer = observer
        self.minimumElevationDegrees = minimumElevationDegrees
        self.toleranceSeconds = max(toleranceSeconds, 1e-9)
        self.earthOrientation = earthOrientation
        frame = TopocentricFrame(observer: observer)
    }

    /// Every pass of every satellite of `ephemeris` between `start` and `end` (UTC).
    public func passes(of ephemeris: ConstellationEphemeris, from start: JulianDate, to end: JulianDate) -> PassPrediction {
        var passes: [SatellitePass] = []
        var exclusions = ephemeris.exclusions
        var unreachable = 0
        let duration = end.seconds(since: start)
        let geometry = ObserverGeometry(frame: frame, base: start, earthOrientation: earthOrientation)
        for index in ephemeris.propagators.indices {
            let satellite = ephemeris.satellites[index]
            let outcome = visibilityIntervals(
                of: ephemeris.reference(at: index), satellite: satellite, geometry: geometry, durationSeconds: duration
            ) { interval in
                passes.append(
                    SatellitePass(
                        catalogNumber: satellite.catalogNumber, name: satellite.name,
                        rise: start.adding(seconds: interval.riseSeconds),
                        culmination: start.adding(seconds: interval.culminationSeconds),
                        set: start.adding(seconds: interval.setSeconds), maxElevationDegrees: interval.maximumElevationDegrees,
                        culminationAzimuthDegrees: interval.culminationAzimuthDegrees,
                        risesBeforeInterval: interval.risesBeforeStart, setsAfterInterval: interval.setsAfterEnd))
            }
            switch outcome {
            case .searched: break
            case .unreachable: unreachable += 1
            case .failed(let error, let seconds):
                exclusions.append(
                    PropagationExclusion(
                        catalogNumber: satellite.catalogNumber, name: satellite.name, error: error,
                        instant: start.adding(seconds: seconds)))
            }
        }
        passes.sort { ($0.rise, $0.catalogNumber) < ($1.rise, $1.catalogNumber) }
        return PassPrediction(passes: passes, exclusions: exclusions, unreachableSatelliteCount: unreachable)
    }

    /// Every pass of one element set between `start` and `end` (UTC).
    /// - Throws: `SGP4Error` when the element set cannot be initialised or fails to propagate
    ///   inside the interval.
    public func passes(of elements: ElementSet, from start: JulianDate, to end: JulianDate) throws(SGP4Error) -> [SatellitePass] {
        let ephemeris = ConstellationEphemeris(elementSets: [elements])
        let prediction = passes(of: ephemeris, from: start, to: end)
        if let failure = prediction.exclusions.first { throw failure.error }
        return prediction.passes
    }

    /// How the search of one satellite ended.
    enum SearchOutcome {
        case searched
        /// The orbit cannot bring it above the threshold here; not propagated.
        case unreachable
        /// SGP4 failed at `seconds` after the start; the intervals before it were emitted.
        case failed(SGP4Error, seconds: Double)
    }

    /// The intervals during which one satellite is above the threshold, in seconds after the
    /// geometry's base, passed to `emit` in time order.
    func visibilityIntervals(
        of propagator: PropagatorReference, satellite: ConstellationEphemeris.Satellite, geometry: ObserverGeometry,
        durationSeconds: Double, thresholdDegrees: Double? = nil, emit: (VisibilityInterval) -> Void
    ) -> SearchOutcome {
        let threshold = thresholdDegrees ?? minimumElevationDegrees
        let bound = VisibilityBound(
            meanMotionRadiansPerMinute: propagator.meanMotionRadiansPerMinute, eccentricity: satellite.eccentricity,
            inclinationDegrees: satellite.inclinationDegrees, observerECEFKilometres: frame.observerECEFPositionKilometres,
            minimumElevationDegrees: threshold)
        if bound.neverVisible { return .unreachable }
        let track = SkyTrack(propagator: propagator, geometry: geometry)
        let search = PassSearch(thresholdDegrees: threshold, toleranceSeconds: toleranceSeconds)
        do {
            try search.intervals(of: track, bound: bound, durationSeconds: durationSeconds, emit: emit)
            return .searched
        } catch {
            return .failed(error.error, seconds: error.seconds)
        }
    }
}
