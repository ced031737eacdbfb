import Foundation
import Orbit

/// One satellite's propagator inside an ephemeris' shared table, so that tracks and closures
/// never copy its ~1 KB of terms (copying the reference retains the table, nothing more).
struct PropagatorReference {
    let table: [SGP4Propagator]
    let index: Int

    /// The element set's epoch.
    var epoch: JulianDate { table.withUnsafeBufferPointer { $0[index].epoch } }

    /// The un-Kozai'd mean motion, radians per minute.
    var meanMotionRadiansPerMinute: Double { table.withUnsafeBufferPointer { $0[index].meanMotionRadiansPerMinute } }

    /// The TEME state `minutesSinceEpoch` after the epoch, propagated in place.
    @inline(__always)
    func propagate(minutesSinceEpoch: Double) throws(SGP4Error) -> TEMEState {
        try table.withUnsafeBufferPointer { buffer throws(SGP4Error) in
            try buffer[index].propagate(minutesSinceEpoch: minutesSinceEpoch)
        }
    }
}

/// One satellite seen from one observer, sampled at seconds after the geometry's base
/// instant: the SGP4 state turned into the observer's east-north-up frame.
///
/// Thresholds are compared on the sine of the elevation, u / |ρ|, which is monotonic in the
/// elevation, so no arc tangent is taken except where an angle is reported.
struct SkyTrack {
    let propagator: PropagatorReference
    let geometry: ObserverGeometry
    /// The geometry's base in minutes since the element set's epoch.
    let baseMinutesSinceEpoch: Double

    init(propagator: PropagatorReference, geometry: ObserverGeometry) {
        self.propagator = propagator
        self.geometry = geometry
        baseMinutesSinceEpoch = geometry.base.minutes(since: propagator.epoch)
    }

    /// The state at `seconds` after the base.
    @inline(__always)
    func sample(at seconds: Double) throws(TrackFailure) -> TrackSample {
        let teme = try temeState(at: seconds)
        let angle = geometry.siderealAngleRadians + geometry.siderealRateRadiansPerSecond * seconds
        let c = cos(angle)
        let s = sin(angle)
        let position = geometry.pseudoEarthFixed(teme.positionKilometres, cosine: c, sine: s)
        let rotated = geometry.pseudoEarthFixed(teme.velocityKilometresPerSecond, cosine: c, sine: s)
        let omega = geometry.earthRotationRadiansPerSecond
        let velocityPEF = SIMD3(rotated.x + omega * position.y, rotated.y - omega * position.x, rotated.z)
        let lineOfSight = geometry.enuFromPEF.apply(position) - geometry.observerENUKilometres
        let velocity = geometry.enuFromPEF.apply(velocityPEF)
        let rangeSquared = (lineOfSight * lineOfSight).sum()
        let range = rangeSquared.squareRoot()
        // d/dt (u / |ρ|) = (u̇ |ρ|² − u (ρ · ρ̇)) / |ρ|³: the sign of the elevation's rate.
        let sineRate = (velocity.z * rangeSquared - lineOfSight.z * (lineOfSight * velocity).sum()) / (rangeSquared * range)
        let radius = (position * position).sum().squareRoot()
        // The orbit's plane (normal r × v, in TEME) and the observer's direction in TEME,
        // R3(θ)ᵀ ô: the satellite is never nearer the observer than the plane is.
        let r = teme.positionKilometres
        let v = teme.velocityKilometresPerSecond
        let normal = SIMD3(r.y * v.z - r.z * v.y, r.z * v.x - r.x * v.z, r.x * v.y - r.y * v.x)
        let o = geometry.observerDirectionPEF
        let observerTEME = SIMD3(c * o.x - s * o.y, s * o.x + c * o.y, o.z)
        return TrackSample(
            seconds: seconds, lineOfSightKilometres: lineOfSight, lineOfSightRateKilometresPerSecond: velocity,
            sineOfElevation: lineOfSight.z / range,
            sineOfElevationRate: sineRate, cosineOfCentralAngle: (position * o).sum() / radius,
            sineOfPlaneAngle: (normal * observerTEME).sum() / (normal * normal).sum().squareRoot())
    }

    /// Only the east-north-up line of sight (km) at `seconds` after the base.
    @inline(__always)
    func lineOfSight(at seconds: Double) throws(TrackFailure) -> SIMD3<Double> {
        let teme = try temeState(at: seconds)
        let angle = geometry.siderealAngleRadians + geometry.siderealRateRadiansPerSecond * seconds
        let position = geometry.pseudoEarthFixed(teme.positionKilometres, cosine: cos(angle), sine: sin(angle))
        return geometry.enuFromPEF.apply(position) - geometry.observerENUKilometres
    }

    @inline(__always)
    private func temeState(at seconds: Double) throws(TrackFailure) -> TEMEState {
        do {
            return try propagator.propagate(minutesSinceEpoch: baseMinutesSinceEpoch + seconds / 60)
        } catch {
            throw TrackFailure(error: error, seconds: seconds)
        }
    }
}

/// The satellite as the observer sees it at one instant.
struct TrackSample {
    /// Seconds after the track's base instant.
    var seconds: Double
    /// Line of sight in east, north, up components, km.
    var lineOfSightKilometres: SIMD3<Double>
    /// Its rate of change, km/s.
    var lineOfSightRateKilometresPerSecond: SIMD3<Double>
    /// sin(elevation) = u / |ρ|.
    var sineOfElevation: Double
    /// Its time derivative, per second (same sign as the elevation's).
    var sineOfElevationRate: Double
    /// Cosine of the geocentric angle between the satellite and the observer.
    var cosineOfCentralAngle: Double
    /// Sine of the geocentric angle between the observer and the orbit's osculating plane.
    var sineOfPlaneAngle: Double

    /// Elevation, degrees (atan2(u, √(e² + n²)), as `TopocentricFrame`).
    var elevationDegrees: Double { SkyDirection.azimuthElevationDegrees(of: lineOfSightKilometres).elevation }
    /// Azimuth, degrees in [0, 360).
    var azimuthDegrees: Double { SkyDirection.azimuthElevationDegrees(of: lineOfSightKilometres).azimuth }
    /// How fast the direction moves across the sky, degrees per second: |ρ × ρ̇| / |ρ|².
    var angularRateDegreesPerSecond: Double {
        let p = lineOfSightKilometres
        let v = lineOfSightRateKilometresPerSecond
        let cross = SIMD3(p.y * v.z - p.z * v.y, p.z * v.x - p.x * v.z, p.x * v.y - p.y * v.x)
        return (cross * cross).sum().squareRoot() / (p * p).sum() * SkyDirection.degreesPerRadian
    }
    /// The geocentric angle, radians.
    var centralAngleRadians: Double { acos(min(max(cosineOfCentralAngle, -1), 1)) }
    /// The angle between the observer and the orbit's plane, radians in [0, π/2].
    var planeAngleRadians: Double { asin(min(abs(sineOfPlaneAngle), 1)) }
}

/// SGP4 failed at `seconds` after a track's base instant.
struct TrackFailure: Error {
    var error: SGP4Error
    var seconds: Double
}
