import Foundation
import Testing

@testable import Orbit

/// WGS-84 geodetic ↔ ECEF.
@Suite struct FramesGeodeticTests {
    private static func distance(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
        ((a - b) * (a - b)).sum().squareRoot()
    }

    /// Forward conversion against Skyfield 1.55:
    ///
    ///     from skyfield.toposlib import wgs84
    ///     wgs84.latlon(lat, lon, elevation_m=h).itrs_xyz.km
    @Test(arguments: [
        (39.586667, -105.64, 4_347.667, SIMD3(-1327.8574496849576, -4743.064263103696, 4045.4942023892363)),
        (0.0, 0.0, 0.0, SIMD3(6378.137, 0.0, 0.0)),
        (-33.8688, 151.2093, 58.0, SIMD3(-4646.093477288302, 2553.2295358170704, -3534.4047109103676)),
        (89.9, 45.0, 550_000.0, SIMD3(8.576726383175641, 8.57672638317564, 6906.741729411622)),
    ])
    func forwardMatchesSkyfield(latitude: Double, longitude: Double, heightMetres: Double, expected: SIMD3<Double>) {
        let position = GeodeticPosition(latitudeDegrees: latitude, longitudeDegrees: longitude, heightMetres: heightMetres)
        #expect(Self.distance(position.ecefPositionKilometres, expected) < 1e-9)
    }

    @Test func polesAndEquatorLieOnTheAxes() {
        let north = GeodeticPosition(latitudeDegrees: 90, longitudeDegrees: 0).ecefPositionKilometres
        #expect(abs(north.z - WGS84.semiMinorAxisKilometres) < 1e-9 && abs(north.x) < 1e-9)
        let east = GeodeticPosition(latitudeDegrees: 0, longitudeDegrees: 90, heightKilometres: 1).ecefPositionKilometres
        #expect(Self.distance(east, [0, 6_379.137, 0]) < 1e-9)
    }

    /// Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., Example 3-3:
    /// r = (6524.834, 6862.875, 6448.296) km → φ_gd = 34.352496°, λ = 46.4464°, h = 5085.22 km.
    ///
    /// To 40 digits (mpmath, mp.dps = 40, fixed-point iteration φ ← atan2(z, p (1 − e² N/(N + h)))
    /// run 100 times): φ = 34.352495150861569°, λ = 46.446416856789956°, h = 5085.2187310916268 km.
    /// Skyfield's iterative wgs84.latlon_of gives 34.35249514921836° (1.6e-9° low).
    @Test func valladoExample3Dash3() {
        let geodetic = GeodeticPosition(ecefPositionKilometres: [6524.834, 6862.875, 6448.296])
        #expect(abs(geodetic.latitudeDegrees - 34.352_496) < 1e-6)
        #expect(abs(geodetic.longitudeDegrees - 46.4464) < 1e-4)
        #expect(abs(geodetic.heightKilometres - 5_085.22) < 1e-2)
        #expect(abs(geodetic.latitudeDegrees - 34.352_495_150_861_569) < 1e-12)
        #expect(abs(geodetic.longitudeDegrees - 46.446_416_856_789_956) < 1e-12)
        #expect(abs(geodetic.heightKilometres - 5_085.218_731_091_626_8) < 1e-10)
        #expect(abs(geodetic.latitudeDegrees - 34.35249514921836) < 1e-8)
    }

    /// Geodetic → ECEF → geodetic → ECEF over a grid from 10 km below the ellipsoid to beyond
    /// geostationary height, poles and equator included: the positions agree to < 1 µm
    /// (the brief's bound is 1 mm).
    @Test func roundTripIsBelowAMicrometre() {
        var worstKilometres = 0.0
        let heights: [Double] = [-10, -0.1, 0, 0.001, 1.5, 8.8, 340, 550, 1_200, 20_200, 35_786, 400_000]
        for latitude in stride(from: -90.0, through: 90.0, by: 2.5) {
            for longitude in stride(from: -180.0, through: 180.0, by: 22.5) {
                for height in heights {
                    let start = GeodeticPosition(latitudeDegrees: latitude, longitudeDegrees: longitude, heightKilometres: height)
                    let ecef = start.ecefPositionKilometres
                    let back = GeodeticPosition(ecefPositionKilometres: ecef)
                    worstKilometres = max(worstKilometres, Self.distance(back.ecefPositionKilometres, ecef))
                    #expect(abs(back.latitudeDegrees - latitude) < 1e-9, "\(start) → \(back)")
                    #expect(abs(back.heightKilometres - height) < 1e-9, "\(start) → \(back)")
                    if abs(latitude) < 90 {
                        let longitudeError = abs(remainder(back.longitudeDegrees - longitude, 360))
                        #expect(longitudeError < 1e-9, "\(start) → \(back)")
                    }
                }
            }
        }
        #expect(worstKilometres < 1e-9, "worst round trip \(worstKilometres * 1e6) mm")
    }

    /// Points very close to the poles and the equatorial plane, where closed forms tend to
    /// divide by small numbers.
    @Test func nearSingularPoints() {
        for latitude in [90.0, 89.999_999_9, -89.999_999_9, -90.0, 1e-12, -1e-12, 0] {
            for height in [0.0, 550.0] {
                let start = GeodeticPosition(latitudeDegrees: latitude, longitudeDegrees: 12.5, heightKilometres: height)
                let back = GeodeticPosition(ecefPositionKilometres: start.ecefPositionKilometres)
                #expect(Self.distance(back.ecefPositionKilometres, start.ecefPositionKilometres) < 1e-9)
                #expect(abs(back.heightKilometres - height) < 1e-9)
            }
        }
    }

    /// The centre of the Earth and points inside the evolute give finite answers: the
    /// nearest ellipsoid point to the centre is a pole, at distance b.
    @Test func insideTheEvoluteIsFinite() {
        let centre = GeodeticPosition(ecefPositionKilometres: [0, 0, 0])
        #expect(abs(abs(centre.latitudeDegrees) - 90) < 1e-9)
        #expect(abs(centre.heightKilometres + WGS84.semiMinorAxisKilometres) < 1e-9)
        for point: SIMD3<Double> in [[10, 0, 0], [20, 5, 1], [0, 0, 30], [-40, 2, -3]] {
            let geodetic = GeodeticPosition(ecefPositionKilometres: point)
            #expect(geodetic.latitudeDegrees.isFinite && geodetic.heightKilometres.isFinite)
            #expect(Self.distance(geodetic.ecefPositionKilometres, point) < 1e-6)
        }
    }

    @Test func heightInMetresAndKilometresAgree() {
        let position = GeodeticPosition(latitudeDegrees: 1, longitudeDegrees: 2, heightMetres: 1_234.5)
        #expect(position.heightKilometres == 1.2345)
        #expect(position.heightMetres == 1_234.5)
    }
}
