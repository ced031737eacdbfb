import Foundation
import Orbit

/// One satellite seen from one observer, sampled at seconds after a base instant: the SGP4
/// state turned into the observer's east-north-up frame, with the elevation's time derivative.
struct SkyTrack {
    let propagator: SGP4Propagator
    let frame: TopocentricFrame
    /// The instant that `seconds` count from.
    let base: JulianDate
    /// `base` in minutes since the element set's epoch.
    let baseMinutesSinceEpoch: Double
    /// The observer's geocentric direction (unit vector, Earth-fixed).
    let observerUnitVector: SIMD3<Double>
    /// UT1 − UTC and polar motion for the TEME → Earth-fixed turn.
    let earthOrientation: EarthOrientation

    init(propagator: SGP4Propagator, frame: TopocentricFrame, base: JulianDate, earthOrientation: EarthOrientation) {
        self.propagator = propagator
        self.frame = frame
        self.base = base
        self.earthOrientation = earthOrientation
        baseMinutesSinceEpoch = base.minutes(since: propagator.epoch)
        let observer = frame.observerECEFPositionKilometres
        observerUnitVector = observer / (observer * observer).sum().squareRoot()
    }

    /// The TEME state at `seconds` after `base`.
    @inline(__always)
    func temeState(at seconds: Double) throws(TrackFailure) -> TEMEState {
        do {
            return try propagator.propagate(minutesSinceEpoch: baseMinutesSinceEpoch + seconds / 60)
        } catch {
            throw TrackFailure(error: error, seconds: seconds)
        }
    }

    /// The state at `seconds` after `base`.
    @inline(__always)
    func sample(at seconds: Double) throws(TrackFailure) -> TrackSample {
        let teme = try temeState(at: seconds)
        let ecef = TEMEToECEFTransform(at: base.adding(seconds: seconds), earthOrientation: earthOrientation).ecefState(from: teme)
        let lineOfSight = frame.enuKilometres(ofECEFPosition: ecef.positionKilometres)
        let velocity = frame.enuComponents(ofECEFVector: ecef.velocityKilometresPerSecond)
        let rangeSquared = (lineOfSight * lineOfSight).sum()
        let range = rangeSquared.squareRoot()
        let horizontal = (lineOfSight.x * lineOfSight.x + lineOfSight.y * lineOfSight.y).squareRoot()
        // d/dt of sin(elevation) = u/|ρ| is (u̇ |ρ|² − u (ρ · ρ̇)) / |ρ|³, and cos(elevation) = h/|ρ|.
        let sineRate = (velocity.z * rangeSquared - lineOfSight.z * (lineOfSight * velocity).sum()) / (rangeSquared * range)
        let elevationRate = horizontal > 0 ? sineRate * range / horizontal : 0
        let radius = (ecef.positionKilometres * ecef.positionKilometres).sum().squareRoot()
        let cosCentral = (ecef.positionKilometres * observerUnitVector).sum() / radius
        return TrackSample(
            seconds: seconds, lineOfSightKilometres: lineOfSight,
            elevationDegrees: atan2(lineOfSight.z, horizontal) * SkyDirection.degreesPerRadian,
            elevationRateDegreesPerSecond: elevationRate * SkyDirection.degreesPerRadian,
            centralAngleRadians: acos(min(max(cosCentral, -1), 1)))
    }

    /// Only the east-north-up line of sight (km) at `seconds` after `base`.
    @inline(__always)
    func lineOfSight(at seconds: Double) throws(TrackFailure) -> SIMD3<Double> {
        let teme = try temeState(at: seconds)
        let position = TEMEToECEFTransform(at: base.adding(seconds: seconds), earthOrientation: earthOrientation)
            .ecefPosition(fromTEMEPosition: teme.positionKilometres)
        return frame.enuKilometres(ofECEFPosition: position)
    }
}

/// The satellite as the observer sees it at one instant.
struct TrackSample {
    /// Seconds after the track's base instant.
    var seconds: Double
    /// Line of sight in east, north, up components, km.
    var lineOfSightKilometres: SIMD3<Double>
    /// Elevation above the horizon plane, degrees.
    var elevationDegrees: Double
    /// Its time derivative, degrees per second.
    var elevationRateDegreesPerSecond: Double
    /// Geocentric angle between the satellite and the observer, radians.
    var centralAngleRadians: Double

    /// Azimuth, degrees in [0, 360).
    var azimuthDegrees: Double { SkyDirection.azimuthElevationDegrees(of: lineOfSightKilometres).azimuth }
}

/// SGP4 failed at `seconds` after a track's base instant.
struct TrackFailure: Error {
    var error: SGP4Error
    var seconds: Double
}
