import Foundation
import Orbit
import Testing

@testable import Handover

/// The GSO arc separation and the boresight angle against geometry worked by hand and brute force.
@Suite struct SkyGeometryTests {
    /// From the equator the arc is the east–west vertical circle through the zenith (the
    /// observer is in the equatorial plane): due north at elevation e is 90° − e from it, any
    /// direction due east or west is on it.
    @Test func equatorialObserverSeesTheArcThroughTheZenith() {
        let arc = GeostationaryArc(observer: GeodeticPosition(latitudeDegrees: 0, longitudeDegrees: 10))
        #expect(arc.isVisible)
        for elevation in stride(from: 5.0, through: 85, by: 10) {
            #expect(abs(arc.separationDegrees(azimuthDegrees: 0, elevationDegrees: elevation) - (90 - elevation)) < 1e-6)
            #expect(abs(arc.separationDegrees(azimuthDegrees: 180, elevationDegrees: elevation) - (90 - elevation)) < 1e-6)
            #expect(arc.separationDegrees(azimuthDegrees: 90, elevationDegrees: elevation) < 1e-6)
            #expect(arc.separationDegrees(azimuthDegrees: 270, elevationDegrees: elevation) < 1e-6)
        }
    }

    /// At mid-latitudes the table-and-refine search agrees with a brute-force minimum over
    /// the arc at 0.001° of longitude (within 0.001°: where the nearest point is the arc's end
    /// at the horizon, the brute force stops up to one of its steps short of it), and the fast
    /// threshold test agrees with the value.
    @Test(arguments: [(47.6, -122.3), (-33.9, 151.2), (60.2, 24.9), (35.7, 139.7)])
    func separationMatchesBruteForce(latitude: Double, longitude: Double) {
        let observer = GeodeticPosition(latitudeDegrees: latitude, longitudeDegrees: longitude)
        let arc = GeostationaryArc(observer: observer)
        let frame = TopocentricFrame(observer: observer)
        var brute: [SIMD3<Double>] = []
        for step in 0..<360_000 {
            let direction = GeostationaryArc.direction(longitudeRadians: Double(step) * 0.001 * Double.pi / 180, frame: frame)
            if direction.z >= 0 { brute.append(direction) }
        }
        for azimuth in stride(from: 0.0, to: 360, by: 15) {
            for elevation in [26.0, 40, 55, 70, 85] {
                let u = SkyDirection.unitVector(azimuthDegrees: azimuth, elevationDegrees: elevation)
                let expected = brute.map { SkyDirection.angleDegrees(u, $0) }.min() ?? .infinity
                let found = arc.separationDegrees(azimuthDegrees: azimuth, elevationDegrees: elevation)
                #expect(abs(found - expected) < 1e-3, "az \(azimuth) el \(elevation)")
                for threshold in [expected - 0.01, expected + 0.01] where expected.isFinite {
                    #expect(arc.isWithin(threshold, ofUnitVector: u) == (expected < threshold))
                }
            }
        }
    }

    /// Beyond ~81° latitude no part of the arc rises: nothing is excluded.
    @Test func noArcNearThePoles() {
        let arc = GeostationaryArc(observer: GeodeticPosition(latitudeDegrees: 85, longitudeDegrees: 0))
        #expect(!arc.isVisible)
        #expect(arc.separationDegrees(azimuthDegrees: 180, elevationDegrees: 10) == .infinity)
        #expect(!arc.isWithin(22, ofUnitVector: SIMD3(0, -1, 0)))
    }

    @Test func offBoresightAngles() {
        let tilted = DishBoresight(azimuthDegrees: 0, elevationDegrees: 65)
        #expect(abs(tilted.offBoresightDegrees(azimuthDegrees: 0, elevationDegrees: 15) - 50) < 1e-9)
        #expect(abs(tilted.offBoresightDegrees(azimuthDegrees: 180, elevationDegrees: 65) - 50) < 1e-9)
        #expect(abs(DishBoresight.zenith.offBoresightDegrees(azimuthDegrees: 123, elevationDegrees: 40) - 50) < 1e-9)
        #expect(tilted.offBoresightDegrees(azimuthDegrees: 0, elevationDegrees: 65) < 1e-9)
    }
}
