import Foundation
import Testing

@testable import Orbit

/// Look angles, range rate and Doppler, against hand-written geometry and Skyfield.
@Suite struct TopocentricLookAngleTests {
    /// Angular distance of an azimuth from a target, folding 359.999… onto 0.
    private static func azimuthError(_ azimuth: Double, _ target: Double) -> Double {
        abs(remainder(azimuth - target, 360))
    }

    /// A satellite 550 km up the observer's own ellipsoid normal is at the zenith, and the
    /// range is the height difference.
    @Test(arguments: [(47.3, 8.5, 0.4), (0.0, 0.0, 0.0), (-33.9, 151.2, 0.058), (89.0, -45.0, 2.8), (-90.0, 0.0, 0.0)])
    func straightOverheadIsElevationNinety(latitude: Double, longitude: Double, heightKilometres: Double) {
        let observer = GeodeticPosition(
            latitudeDegrees: latitude, longitudeDegrees: longitude, heightKilometres: heightKilometres)
        let satellite = GeodeticPosition(
            latitudeDegrees: latitude, longitudeDegrees: longitude, heightKilometres: heightKilometres + 550)
        let look = TopocentricFrame(observer: observer)
            .lookAngles(toECEFPosition: satellite.ecefPositionKilometres, velocity: [0, 0, 0])
        #expect(abs(look.elevationDegrees - 90) < 1e-7)
        #expect(abs(look.rangeKilometres - 550) < 1e-9)
        #expect(look.rangeRateKilometresPerSecond == 0)
    }

    /// Observer on the equator at longitude 0: up is +x, east +y, north +z, by hand.
    @Test func equatorialObserverAxesByHand() {
        let frame = TopocentricFrame(observer: GeodeticPosition(latitudeDegrees: 0, longitudeDegrees: 0))
        let a = WGS84.semiMajorAxisKilometres
        let east = frame.lookAngles(toECEFPosition: [a, 1_000, 0], velocity: [0, 0, 0])
        #expect(abs(east.azimuthDegrees - 90) < 1e-12 && abs(east.elevationDegrees) < 1e-12)
        #expect(abs(east.rangeKilometres - 1_000) < 1e-12)
        let north = frame.lookAngles(toECEFPosition: [a, 0, 1_000], velocity: [0, 0, 0])
        #expect(Self.azimuthError(north.azimuthDegrees, 0) < 1e-12 && abs(north.elevationDegrees) < 1e-12)
        let west = frame.lookAngles(toECEFPosition: [a, -1_000, 0], velocity: [0, 0, 0])
        #expect(abs(west.azimuthDegrees - 270) < 1e-12)
        let south = frame.lookAngles(toECEFPosition: [a, 0, -1_000], velocity: [0, 0, 0])
        #expect(abs(south.azimuthDegrees - 180) < 1e-12)
        let up45East = frame.lookAngles(toECEFPosition: [a + 500, 500, 0], velocity: [0, 0, 0])
        #expect(abs(up45East.azimuthDegrees - 90) < 1e-12 && abs(up45East.elevationDegrees - 45) < 1e-12)
        #expect(abs(up45East.rangeKilometres - 500 * 2.0.squareRoot()) < 1e-9)
    }

    /// At a mid-latitude observer, points along the hand-computed east and north unit vectors
    /// (−sinλ, cosλ, 0) and (−sinφ cosλ, −sinφ sinλ, cosφ) are on the horizon at azimuth 90° and 0°.
    @Test(arguments: [(47.3, 8.5), (-23.5, -46.6), (64.1, -21.9), (1.3, 103.8)])
    func horizonDueEastAndNorth(latitude: Double, longitude: Double) {
        let observer = GeodeticPosition(latitudeDegrees: latitude, longitudeDegrees: longitude, heightKilometres: 0.2)
        let frame = TopocentricFrame(observer: observer)
        let phi = latitude * Double.pi / 180
        let lambda = longitude * Double.pi / 180
        let eastUnit = SIMD3(-sin(lambda), cos(lambda), 0)
        let northUnit = SIMD3(-sin(phi) * cos(lambda), -sin(phi) * sin(lambda), cos(phi))
        let site = observer.ecefPositionKilometres
        let east = frame.lookAngles(toECEFPosition: site + 2_000 * eastUnit, velocity: [0, 0, 0])
        #expect(abs(east.azimuthDegrees - 90) < 1e-9 && abs(east.elevationDegrees) < 1e-9)
        #expect(abs(east.rangeKilometres - 2_000) < 1e-9)
        let north = frame.lookAngles(toECEFPosition: site + 2_000 * northUnit, velocity: [0, 0, 0])
        #expect(Self.azimuthError(north.azimuthDegrees, 0) < 1e-9 && abs(north.elevationDegrees) < 1e-9)
        #expect(north.azimuthDegrees >= 0 && north.azimuthDegrees < 360)
    }

    /// Range rate is the derivative of range: a satellite moving in a straight line at
    /// 7.6 km/s, central difference over ±1 ms, agrees to < 1 µm/s; it is positive when
    /// receding and negative when approaching.
    @Test func rangeRateIsTheDerivativeOfRange() {
        let frame = TopocentricFrame(
            observer: GeodeticPosition(latitudeDegrees: 47.3, longitudeDegrees: 8.5, heightKilometres: 0.4))
        let site = frame.observerECEFPositionKilometres
        let velocities: [SIMD3<Double>] = [[7.6, 0, 0], [0, -7.6, 0.3], [-3.1, 4.2, -5.5], [1, 1, 1]]
        let offsets: [SIMD3<Double>] = [[300, 200, 500], [-900, 50, 800], [100, -1_500, 200]]
        for velocity in velocities {
            for offset in offsets {
                let position = site + offset
                let look = frame.lookAngles(toECEFPosition: position, velocity: velocity)
                let h = 1e-3
                let ahead = frame.lookAngles(toECEFPosition: position + velocity * h, velocity: velocity)
                let behind = frame.lookAngles(toECEFPosition: position - velocity * h, velocity: velocity)
                let numerical = (ahead.rangeKilometres - behind.rangeKilometres) / (2 * h)
                #expect(abs(look.rangeRateKilometresPerSecond - numerical) < 1e-9)
            }
        }
        let receding = frame.lookAngles(toECEFPosition: site + [0, 0, 1_000], velocity: [0, 0, 5])
        #expect(abs(receding.rangeRateKilometresPerSecond - 5) < 1e-12)
        let approaching = frame.lookAngles(toECEFPosition: site + [0, 0, 1_000], velocity: [0, 0, -5])
        #expect(abs(approaching.rangeRateKilometresPerSecond + 5) < 1e-12)
    }

    /// The TEME path equals converting first and then looking.
    @Test func temePathMatchesConvertThenLook() {
        let frame = TopocentricFrame(observer: GeodeticPosition(latitudeDegrees: 45, longitudeDegrees: 10, heightKilometres: 0.3))
        let instant = JulianDate(year: 2026, month: 8, day: 22, hour: 18, minute: 50)
        let position = SIMD3(-2345.6, 5123.4, 3987.1)
        let velocity = SIMD3(-5.123, -3.456, 4.321)
        let transform = TEMEToECEFTransform(at: instant)
        let ecef = transform.ecefState(fromTEMEPosition: position, velocity: velocity)
        let expected = frame.lookAngles(toECEFPosition: ecef.positionKilometres, velocity: ecef.velocityKilometresPerSecond)
        #expect(frame.lookAngles(temePosition: position, temeVelocity: velocity, at: instant) == expected)
        #expect(frame.lookAngles(temePosition: position, temeVelocity: velocity, using: transform) == expected)
    }

    /// End to end against Skyfield's own frames (IAU 2000 precession-nutation and ERA, not
    /// GMST-82): SGP4 TEME states of DELTA 1 DEB (06251, from SGP4-VER.TLE) seen from
    /// 45°N 10°E 300 m, with Skyfield's UT1 − UTC (0.19631 s, builtin table) passed in.
    ///
    ///     sat = EarthSatellite(l1, l2, ts=load.timescale(builtin=True)); obs = wgs84.latlon(45, 10, elevation_m=300)
    ///     e, r, v = sat.model.sgp4(jd, fr); topo = (sat - obs).at(t); topo.altaz()
    ///     topo.frame_latlon_and_rates(obs)[5].km_per_s; t.dut1
    ///
    /// Measured: azimuth and elevation within 6e-8°, range within 1.2 mm, range rate within
    /// 1e-8 km/s; the tolerances below are ten times that.
    struct SkyfieldCase: Sendable {
        var instant: JulianDate
        var temePosition: SIMD3<Double>
        var temeVelocity: SIMD3<Double>
        var azimuthDegrees: Double
        var elevationDegrees: Double
        var rangeKilometres: Double
        var rangeRateKilometresPerSecond: Double
    }

    static let skyfieldCases = [
        SkyfieldCase(
            instant: JulianDate(day: 2_453_912.5, fraction: 0.4097222222222222),
            temePosition: SIMD3(1251.8428476129818, 5435.191684851775, 3846.3158498776156),
            temeVelocity: SIMD3(-5.558392562610262, -2.1697276452209366, 4.820874238257851),
            azimuthDegrees: 157.151002189164, elevationDegrees: 12.2655008062356,
            rangeKilometres: 1318.002194407121, rangeRateKilometresPerSecond: -3.7048342608854323),
        SkyfieldCase(
            instant: JulianDate(day: 2_453_912.5, fraction: 0.475),
            temePosition: SIMD3(769.1060920014347, 5207.627056197933, 4260.820982112912),
            temeVelocity: SIMD3(-5.687172601486288, -2.7589282531244814, 4.35013815504651),
            azimuthDegrees: 245.29324013583002, elevationDegrees: 10.58196512206612,
            rangeKilometres: 1411.1990208560003, rangeRateKilometresPerSecond: -6.6219743497877435),
        SkyfieldCase(
            instant: JulianDate(day: 2_453_912.5, fraction: 0.54375),
            temePosition: SIMD3(-1435.4342414745058, 3671.8783611708454, 5493.076887881333),
            temeVelocity: SIMD3(-5.536668219931137, -4.991376770267238, 1.8592305876486652),
            azimuthDegrees: 332.048763170122, elevationDegrees: 11.723364657110631,
            rangeKilometres: 1331.3413975747972, rangeRateKilometresPerSecond: -1.082486450449991),
    ]

    @Test(arguments: 0..<skyfieldCases.count)
    func endToEndMatchesSkyfield(index: Int) {
        let reference = Self.skyfieldCases[index]
        let frame = TopocentricFrame(observer: GeodeticPosition(latitudeDegrees: 45, longitudeDegrees: 10, heightMetres: 300))
        let look = frame.lookAngles(
            temePosition: reference.temePosition, temeVelocity: reference.temeVelocity, at: reference.instant,
            earthOrientation: EarthOrientation(ut1MinusUTCSeconds: 0.196_31))
        #expect(Self.azimuthError(look.azimuthDegrees, reference.azimuthDegrees) < 1e-6, "\(look)")
        #expect(abs(look.elevationDegrees - reference.elevationDegrees) < 1e-6, "\(look)")
        #expect(abs(look.rangeKilometres - reference.rangeKilometres) < 1e-5, "\(look)")
        #expect(abs(look.rangeRateKilometresPerSecond - reference.rangeRateKilometresPerSecond) < 1e-7, "\(look)")
    }

    /// Δf = −f ṙ / c: a Ku-band 12 GHz carrier from a satellite approaching at 7 km/s is
    /// raised by 12e9 · 7 / 299792.458 = 280,193.84 Hz.
    @Test func dopplerShift() {
        let shift = Doppler.shiftHertz(carrierHertz: 12e9, rangeRateKilometresPerSecond: -7)
        #expect(abs(shift - 12e9 * 7 / 299_792.458) < 1e-6)
        #expect(abs(shift - 280_193.84) < 0.01)
        let look = LookAngles(azimuthDegrees: 0, elevationDegrees: 40, rangeKilometres: 800, rangeRateKilometresPerSecond: 3)
        #expect(look.dopplerShiftHertz(carrierHertz: 14.25e9) == -14.25e9 * 3 / 299_792.458)
        #expect(Doppler.shiftHertz(carrierHertz: 11e9, rangeRateKilometresPerSecond: 0) == 0)
    }
}
