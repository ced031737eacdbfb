import Foundation
import Geofence
import Terminal
import Testing

/// The shipped example policy: the embedded copy is the file, it verifies with the example
/// key, and its zones say what the public reports describe.
@Suite struct PolicyExampleTests {
    static let at = ISO8601UTC.parse("2026-09-01T00:00:00Z")

    static let example: InForcePolicy? = {
        guard let (keeper, _) = try? EmbeddedDefaults.examplePolicyKeeper(at: at) else { return nil }
        return keeper.inForce
    }()

    func decision(_ latitude: Double, _ longitude: Double) throws -> GeofenceDecision {
        let policy = try #require(Self.example, "the example policy was not accepted")
        return policy.geofencePolicy.assess(
            GeodeticCoordinate(latitudeDegrees: latitude, longitudeDegrees: longitude), reportingHorizonMetres: 100_000)
    }

    @Test func embeddedCopyEqualsTheFileAndVerifiesWithTheExampleKey() throws {
        let file = try String(contentsOfFile: RepositoryFiles.path("Policies/example.yaml"), encoding: .utf8)
        #expect(file == EmbeddedDefaults.examplePolicyYAML, "the binary embeds Policies/example.yaml itself")
        let publicFile = try String(contentsOfFile: RepositoryFiles.path("Policies/example-operator.pub"), encoding: .utf8)
        #expect(try PolicyVerificationKey(text: publicFile) == EmbeddedDefaults.examplePolicyPublicKey())
        let privateFile = try String(contentsOfFile: RepositoryFiles.path("Policies/example-operator.key"), encoding: .utf8)
        #expect(try PolicySigningKey(text: privateFile).publicKey == EmbeddedDefaults.examplePolicyPublicKey())
        #expect(privateFile.contains("NOT SECRET"))
        let (keeper, update) = try EmbeddedDefaults.examplePolicyKeeper(at: Self.at)
        #expect(update.isAccepted, "\(update.logLine)")
        let header = try #require(keeper.inForce?.header)
        #expect(header.isExample)
        #expect(header.name == "example-public-reports")
        #expect(file.contains("EXAMPLE POLICY"))
        #expect(file.utf8.count < 64 * 1024)
    }

    @Test func ningboPortIsClosedAndTheOpenSeaAllowed() throws {
        // The simulated vessel's path: open East China Sea → Ningbo-Zhoushan port and back.
        let port = try decision(29.93, 121.85)
        #expect(port.action == .noService)
        #expect(port.zoneName == "China + 12 nm territorial sea")
        let openSea = try decision(30.0, 123.5)
        #expect(openSea.action == .allow)
        #expect(openSea.zoneName == nil)
        // Oracle (`python3 Policies/example_policy_oracle.py`): 106 150.2 m from the example's
        // coastline, so 83 926.2 m outside the 12 nm line.
        #expect(abs((openSea.boundaryDistanceMetres ?? 0) - 83_926.2) < 2)
    }

    /// Points on the ray at azimuth 95° from the port, bisected until their distance from the
    /// example's China polygon (rounded Natural Earth 1:50m) is 11.9 nm and 12.1 nm. Oracle:
    /// GeographicLib for the ray, shapely distance on a pyproj azimuthal-equidistant projection
    /// centred on each point, boundary densified every 0.002° (`Policies/example_policy_oracle.py`,
    /// after Tests/GeofenceTests/Resources/geofence_oracle.py): 22 038.800 m and 22 409.200 m.
    @Test func territorialSeaLineOffNingbo() throws {
        let inside = try decision(29.868188378, 122.630342550)
        #expect(inside.action == .noService)
        #expect(inside.reason == .insideZone)
        #expect(abs((inside.boundaryDistanceMetres ?? 0) - 0.1 * 1_852) < 2, "\(inside)")
        let outside = try decision(29.867874375, 122.634161005)
        #expect(outside.action == .allow)
        #expect(abs((outside.boundaryDistanceMetres ?? 0) - 0.1 * 1_852) < 2, "\(outside)")
        // A 500 m position uncertainty makes the outside point "possibly inside".
        let policy = try #require(Self.example).geofencePolicy
        let uncertain = policy.assess(
            GeodeticCoordinate(latitudeDegrees: 29.867874375, longitudeDegrees: 122.634161005), uncertaintyMetres: 500)
        #expect(uncertain.action == .noService)
        #expect(uncertain.reason == .withinUncertaintyOfZone)
    }

    @Test func crimeaIsRestrictedAndItsNeighboursAreNot() throws {
        for (latitude, longitude) in [(44.95, 34.10), (44.60, 33.52), (45.36, 36.47), (44.495, 34.16)] {
            let inside = try decision(latitude, longitude)
            #expect(inside.action == .noService, "\(latitude), \(longitude)")
            #expect(inside.zoneName == "Crimea (approximate)")
        }
        for (latitude, longitude) in [(46.64, 32.60), (46.48, 30.72), (43.0, 34.0)] {
            #expect(try decision(latitude, longitude).action == .allow, "\(latitude), \(longitude)")
        }
    }
}
