import Foundation
import Testing

@Suite struct BeamCommandTests {
    @Test func jsonCarriesPhasesPositionsAndAPeakOnTarget() throws {
        let run = try CommandLineTests.utermd("beam", "--board", "Boards/rpi5.yaml", "--azimuth", "123", "--elevation", "61", "--json")
        #expect(run.status == 0, "\(run.errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let phases = try #require(report["phasesDegrees"] as? [Double])
        let positions = try #require(report["elementPositionsMetres"] as? [[Double]])
        #expect(phases.count == 1280)
        #expect(positions.count == 1280 && positions.allSatisfy { $0.count == 2 })
        // Quantised to 7 bits: every phase is a multiple of 2.8125°.
        #expect(phases.allSatisfy { abs(($0 / 2.8125).rounded() * 2.8125 - $0) < 1e-9 && $0 >= 0 && $0 < 360 })
        #expect(report["frequencyHertz"] as? Double == 14.25e9)
        #expect(abs((report["peakAzimuthDegrees"] as? Double ?? 0) - 123) < 0.05)
        #expect(abs((report["peakElevationDegrees"] as? Double ?? 0) - 61) < 0.05)
    }

    @Test func outsideTheScanConeIsRefused() throws {
        let run = try CommandLineTests.utermd("beam", "--azimuth", "0", "--elevation", "30")
        #expect(run.status == 1)
        #expect(run.errors.contains("scan limit"))
    }
}
