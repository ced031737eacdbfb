import ArgumentParser
import CLISupport
import Beam
import Foundation
import Terminal

/// `utermd beam`: the quantised steering phases toward a direction, and where the resulting
/// beam really points (the array factor's peak).
struct BeamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beam",
        abstract: "Steer the board's phased array toward an azimuth/elevation and print the quantised phases.",
        discussion: """
            Phases are printed in element order (rows from -y to +y, each from -x to +x, seen from the sky); \
            positions are in the array plane, metres. The peak is found on the array factor of the quantised phases.
            """)

    @Option(help: "Board file (default: the embedded simulated board).")
    var board: String?

    @Option(help: "Target azimuth, degrees from north through east.")
    var azimuth: Double

    @Option(help: "Target elevation, degrees.")
    var elevation: Double

    @Option(help: "Link whose carrier to steer for: transmit or receive.")
    var link: String = "transmit"

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        try requireOption(azimuth, "--azimuth", within: -360...360, unit: " degrees")
        try requireOption(elevation, "--elevation", within: -90...90, unit: " degrees")
    }

    /// The JSON of `beam --json`.
    struct Report: Codable {
        var phasesDegrees: [Double]
        var phaseCodes: [UInt8]
        var elementPositionsMetres: [[Double]]
        var frequencyHertz: Double
        var peakAzimuthDegrees: Double
        var peakElevationDegrees: Double
        var pointingErrorDegrees: Double
        var offBoresightDegrees: Double
        var scanLossDecibels: Double
        var phaseStepDegrees: Double
    }

    func run() throws {
        guard let direction = LinkDirection(rawValue: link) else { throw ValidationError("--link must be transmit or receive") }
        let description = try loadBoard(board)
        let array: PhasedArray
        do {
            array = try PhasedArray(description.array)
        } catch {
            printError("utermd: \(board ?? "<embedded sim.yaml>"): array: \(error)")
            throw ExitCode(2)
        }
        let target = SkyDirection(azimuthDegrees: azimuth, elevationDegrees: elevation)
        var codes = [UInt8](repeating: 0, count: array.elementCount)
        let solution: SteeringSolution
        do {
            solution = try array.steer(toward: target, link: direction, into: &codes)
        } catch {
            printError("utermd: refused: \(error)")
            throw ExitCode(1)
        }
        guard let factor = ArrayFactor(array: array, phaseCodes: codes, link: direction) else {
            printError("utermd: internal error: array factor unavailable")
            throw ExitCode(1)
        }
        let peak = factor.peak()
        let step = array.phaseShifter.stepDegrees
        let report = Report(
            phasesDegrees: codes.map { Double($0) * step }, phaseCodes: codes,
            elementPositionsMetres: array.elementPositionsMetres.map { [$0.x, $0.y] },
            frequencyHertz: solution.carrierHertz, peakAzimuthDegrees: peak.lookAngles.azimuthDegrees,
            peakElevationDegrees: peak.lookAngles.elevationDegrees,
            pointingErrorDegrees: peak.lookAngles.separationDegrees(from: target),
            offBoresightDegrees: solution.offBoresightDegrees, scanLossDecibels: solution.scanLossDecibels,
            phaseStepDegrees: step)
        if json {
            print(try jsonText(report))
            return
        }
        print("\(array.elementCount) elements, \(direction.rawValue) at \(solution.carrierHertz / 1e9) GHz, step \(step)°")
        print(
            String(
                format: "target az %.3f° el %.3f°: %.2f° off boresight, scan loss %.2f dB", azimuth, elevation,
                solution.offBoresightDegrees, solution.scanLossDecibels))
        print(
            String(
                format: "array-factor peak az %.3f° el %.3f° (pointing error %.4f°)", report.peakAzimuthDegrees,
                report.peakElevationDegrees, report.pointingErrorDegrees))
        print("phase codes (element order):")
        for start in stride(from: 0, to: codes.count, by: 32) {
            print("  " + codes[start..<min(start + 32, codes.count)].map { String(format: "%3d", $0) }.joined(separator: " "))
        }
    }
}
