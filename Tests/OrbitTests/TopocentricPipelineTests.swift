import Foundation
import Testing

@testable import Orbit

/// TLE → SGP4 → TEME → ECEF → look angles, end to end, against Skyfield, and Walker shells
/// through SGP4.
@Suite struct TopocentricPipelineTests {
    /// DELTA 1 DEB, from SGP4-VER.TLE.
    static let tle = """
        1 06251U 62025E   06176.82412014  .00008885  00000-0  12808-3 0  3985
        2 06251  58.0579  54.0425 0030035 139.1568 221.1854 15.56387291  6774
        """

    /// Skyfield 1.55 `(sat - wgs84.latlon(45, 10, elevation_m=300)).at(t).altaz()` and
    /// `frame_latlon_and_rates(obs)` range rate, at 2006-06-26 09:50, 11:24 and 13:03 UTC,
    /// with Skyfield's UT1 − UTC of 0.19631 s passed in (see TopocentricLookAngleTests).
    @Test(arguments: 0..<TopocentricLookAngleTests.skyfieldCases.count)
    func tleToLookAnglesMatchesSkyfield(index: Int) throws {
        let reference = TopocentricLookAngleTests.skyfieldCases[index]
        let elements = try #require(try ElementSetFile.parse(Self.tle, options: .init(strict: true)).sets.first)
        let propagator = try SGP4Propagator(elements: elements)
        let teme = try propagator.propagate(to: reference.instant)
        // python sgp4 2.27 gives the TEME state pasted in the reference case.
        let positionError = teme.positionKilometres - reference.temePosition
        #expect((positionError * positionError).sum().squareRoot() < 1e-6)
        let frame = TopocentricFrame(observer: GeodeticPosition(latitudeDegrees: 45, longitudeDegrees: 10, heightMetres: 300))
        let look = frame.lookAngles(
            temePosition: teme.positionKilometres, temeVelocity: teme.velocityKilometresPerSecond,
            at: reference.instant, earthOrientation: EarthOrientation(ut1MinusUTCSeconds: 0.196_31))
        #expect(abs(remainder(look.azimuthDegrees - reference.azimuthDegrees, 360)) < 1e-6)
        #expect(abs(look.elevationDegrees - reference.elevationDegrees) < 1e-6)
        #expect(abs(look.rangeKilometres - reference.rangeKilometres) < 1e-5)
        #expect(abs(look.rangeRateKilometresPerSecond - reference.rangeRateKilometresPerSecond) < 1e-7)
        let transform = TEMEToECEFTransform(
            at: reference.instant, earthOrientation: EarthOrientation(ut1MinusUTCSeconds: 0.196_31))
        #expect(frame.lookAngles(to: teme, using: transform) == look)
        #expect(
            transform.ecefState(from: teme).positionKilometres
                == transform.ecefPosition(fromTEMEPosition: teme.positionKilometres))
    }

    /// SGP4 recovers the shell's altitude from the generated mean motion: its Brouwer mean
    /// motion n″ gives a″ = (kₑ/n″)^(2/3) R⊕ = 6378.135 km + altitude; and over one orbit the
    /// osculating radius stays within the J₂ short-period band (±15 km) of it.
    @Test(arguments: StarlinkShells.all)
    func walkerShellsPropagateAtTheirAltitude(shell: WalkerShell) throws {
        let epoch = JulianDate(year: 2026, month: 8, day: 22, hour: 18, minute: 50)
        let sets = try shell.elementSets(epoch: epoch)
        let propagator = try SGP4Propagator(elements: sets[0])
        let semiMajorAxis =
            pow(CircularOrbit.ke / propagator.meanMotionRadiansPerMinute, 2.0 / 3.0) * CircularOrbit.earthRadiusKilometres
        #expect(abs(semiMajorAxis - (CircularOrbit.earthRadiusKilometres + shell.altitudeKilometres)) < 1e-6)
        let periodMinutes = 1_440 / shell.meanMotionRevsPerDay
        for minute in stride(from: 0.0, through: periodMinutes, by: 2.0) {
            let state = try propagator.propagate(minutesSinceEpoch: minute)
            let radius = (state.positionKilometres * state.positionKilometres).sum().squareRoot()
            #expect(abs(radius - semiMajorAxis) < 15, "\(shell.name) at \(minute) min: \(radius) km")
        }
    }

    /// Shell 1's satellites as SGP4 places them at epoch: none within 50 km of another (the
    /// two-body closest approach is 71.5 km at any time; SGP4's short-period terms move them
    /// by a few km).
    @Test func shellSatellitesAreSeparated() throws {
        let epoch = JulianDate(year: 2026, month: 8, day: 22, hour: 18, minute: 50)
        let positions = try StarlinkShells.shell1.elementSets(epoch: epoch).map {
            try SGP4Propagator(elements: $0).propagate(minutesSinceEpoch: 0).positionKilometres
        }
        var closest = Double.infinity
        for i in positions.indices {
            for j in positions.indices where j > i {
                let difference = positions[i] - positions[j]
                closest = min(closest, (difference * difference).sum())
            }
        }
        #expect(closest.squareRoot() > 50)
    }
}
