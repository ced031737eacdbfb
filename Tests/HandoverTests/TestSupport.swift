import Foundation
import Orbit

@testable import Handover

/// The data committed with the tests, `Tests/Data` (provenance and licences in its README),
/// found from this file's path.
enum TestData {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data")

    static let starlinkSnapshotPath = directory.appendingPathComponent("starlink_celestrak_2026-08-22.tle").path

    /// The snapshot's element sets; a test that needs them fails (not skips) when they do not load.
    static func starlinkSnapshot() throws -> [ElementSet] {
        try ElementSetFile.load(path: starlinkSnapshotPath, strict: true).sets
    }

    static let onewebSnapshotPath = directory.appendingPathComponent("oneweb_celestrak_2026-08-22.tle").path

    /// The OneWeb snapshot of the same day (651 element sets).
    static func onewebSnapshot() throws -> [ElementSet] {
        try ElementSetFile.load(path: onewebSnapshotPath, strict: true).sets
    }
}

/// Synthetic constellations and places for tests that must not depend on the shared data.
enum Fixtures {
    /// 2026-08-22T18:00:00Z.
    static let start = JulianDate(year: 2026, month: 8, day: 22, hour: 18)
    /// Seattle, 50 m above the ellipsoid.
    static let seattle = GeodeticPosition(latitudeDegrees: 47.6062, longitudeDegrees: -122.3321, heightMetres: 50)

    /// Starlink shell 1 (1,584 satellites) with its epoch at `start`.
    static let shell1: [ElementSet] = (try? StarlinkShells.shell1.elementSets(epoch: start)) ?? []

    /// Constraints that only keep the elevation mask: any boresight direction, no GSO exclusion.
    static func elevationOnly(_ minimumElevationDegrees: Double = 25) -> CandidateConstraints {
        CandidateConstraints(
            minimumElevationDegrees: minimumElevationDegrees, boresight: .zenith, scanLimitDegrees: 90,
            gsoSeparationDegrees: 0)
    }

    /// A slot clock of 15 s slots one of whose boundaries is `offsetSeconds` before `instant`.
    static func clock(withBoundary offsetSeconds: Double, before instant: JulianDate) -> SlotClock {
        let nanoseconds = SlotClock.nanosecondsSinceOrigin(instant) - Int64((offsetSeconds * 1e9).rounded())
        let phase = SlotClock.floorModulo(nanoseconds, 15_000_000_000)
        return SlotClock(validPeriodNanoseconds: 15_000_000_000, phaseNanoseconds: phase)
    }

    /// Elevation of a satellite at an instant, degrees.
    static func elevationDegrees(of elements: ElementSet, at instant: JulianDate, from observer: GeodeticPosition) -> Double {
        guard let propagator = try? SGP4Propagator(elements: elements), let state = try? propagator.propagate(to: instant) else {
            return -.infinity
        }
        return TopocentricFrame(observer: observer).lookAngles(to: state, using: TEMEToECEFTransform(at: instant))
            .elevationDegrees
    }
}
