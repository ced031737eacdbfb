import Foundation
import Simulation
import Terminal

/// The end-of-run summary of `simulate` and `hil run`: text for people, JSON for tools.
struct SimulationSummary: Codable {
    struct Reaction: Codable {
        var cause: String
        var atSeconds: Double
        var ticks: Int64
        var virtualMilliseconds: Double
        var wallMilliseconds: Double
    }

    struct Verdict: Codable {
        var expectation: String
        var passed: Bool
        var detail: String
    }

    /// The run's verdict: JSON `true`, `false`, or `null` when nothing was judged (a run cut
    /// short by `--until`, or a scenario without expectations), which is not a pass.
    enum Outcome: Codable, Equatable {
        case passed, failed, notJudged

        init(_ result: SimulationResult) {
            if result.verdicts.isEmpty { self = .notJudged } else { self = result.passed ? .passed : .failed }
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .notJudged } else { self = try container.decode(Bool.self) ? .passed : .failed }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .passed: try container.encode(true)
            case .failed: try container.encode(false)
            case .notJudged: try container.encodeNil()
            }
        }

        /// PASSED, FAILED or NOT JUDGED, as the summary's last line says it.
        var word: String {
            switch self {
            case .passed: "PASSED"
            case .failed: "FAILED"
            case .notJudged: "NOT JUDGED"
            }
        }
    }

    var scenario: String
    var passed: Outcome
    var simulatedSeconds: Double
    var wallSeconds: Double
    var speedUp: Double
    var trackedSeconds: Double
    var transmitOnSeconds: Double
    var handovers: Int
    var outageSecondsByCause: [String: Double]
    var transmitSwitches: Int
    var tickComputeMicroseconds: [String: Double]
    var ticksOverPeriod: UInt64
    var auditRecords: Int
    var auditLog: String
    var beamformerLatches: UInt32
    var events: [String]
    /// Cause → transmit-enable read low by the bench: virtual time, ticks, wall clock.
    var reactions: [Reaction]
    /// Virtual seconds run at real time (the bench followed the wall clock).
    var wallClockStretchSeconds: Double
    var benchNotes: [String]
    var verdicts: [Verdict]
    var cutShortAtSeconds: Double?
    /// The service rules' reason code at the end of the run (the dish's `disablement_code`).
    var disablementCode: String
    /// The constellations that could transmit at the end of the run.
    var permittedConstellations: [String]

    init(_ result: SimulationResult) {
        scenario = result.scenario
        passed = Outcome(result)
        simulatedSeconds = result.simulatedSeconds
        wallSeconds = result.wallSeconds
        speedUp = result.wallSeconds > 0 ? result.simulatedSeconds / result.wallSeconds : 0
        trackedSeconds = result.trackedSeconds
        transmitOnSeconds = result.transmitOnSeconds
        handovers = result.handovers
        outageSecondsByCause = Dictionary(uniqueKeysWithValues: result.outageSeconds.map { ($0.key.description, $0.value) })
        transmitSwitches = result.transmitSwitches
        tickComputeMicroseconds = [
            "p50": Double(result.computeNanoseconds.p50) / 1e3, "p99": Double(result.computeNanoseconds.p99) / 1e3,
            "max": Double(result.computeNanoseconds.max) / 1e3,
        ]
        ticksOverPeriod = result.ticksOverPeriod
        auditRecords = result.auditRecords
        auditLog = result.auditLogPath
        beamformerLatches = result.beamformerLatches
        events = result.events.map { String(format: "%8.1f s  ", $0.atSeconds) + $0.text }
        reactions = result.reactions.map {
            Reaction(
                cause: $0.kind.rawValue, atSeconds: $0.atSeconds, ticks: $0.ticks,
                virtualMilliseconds: Double($0.virtualNanoseconds) / 1e6,
                wallMilliseconds: Double($0.wallNanoseconds) / 1e6)
        }
        wallClockStretchSeconds = result.wallClockStretchSeconds
        benchNotes = result.benchNotes
        verdicts = result.verdicts.map { Verdict(expectation: $0.expectation, passed: $0.passed, detail: $0.detail) }
        cutShortAtSeconds = result.cutShortAtSeconds
        disablementCode = result.finalService.code.rawValue
        permittedConstellations = result.finalService.permittedConstellations.names.map(\.rawValue)
    }

    var text: String {
        var lines: [String] = []
        lines.append(String(format: "simulated %.0f s in %.1f s (%.0f× real time)", simulatedSeconds, wallSeconds, speedUp))
        lines.append(
            String(
                format: "tracked %.0f s (%.1f%%), transmit on %.0f s (%.1f%%), %d handovers, %d transmit switches",
                trackedSeconds, 100 * trackedSeconds / max(1, simulatedSeconds), transmitOnSeconds,
                100 * transmitOnSeconds / max(1, simulatedSeconds), handovers, transmitSwitches))
        let outages = outageSecondsByCause.sorted { $0.value > $1.value }.map { String(format: "%@ %.1f s", $0.key, $0.value) }
        lines.append("outages by cause: " + (outages.isEmpty ? "none" : outages.joined(separator: ", ")))
        lines.append(
            String(
                format: "tick compute time: p50 %.1f µs, p99 %.1f µs, max %.1f µs; %llu ticks over the period",
                tickComputeMicroseconds["p50"] ?? 0, tickComputeMicroseconds["p99"] ?? 0, tickComputeMicroseconds["max"] ?? 0,
                ticksOverPeriod))
        lines.append("audit: \(auditRecords) records in \(auditLog); beamformer latches \(beamformerLatches)")
        lines.append(
            "service at the end: \(disablementCode), permitted: "
                + (permittedConstellations.isEmpty ? "none" : permittedConstellations.joined(separator: ", ")))
        lines.append("events:")
        lines += events.map { "  " + $0 }
        if !reactions.isEmpty {
            lines.append("reactions (cause → transmit-enable read low by the bench):")
            lines += reactions.map {
                String(format: "  %8.1f s  ", $0.atSeconds) + $0.cause.padding(toLength: 12, withPad: " ", startingAt: 0)
                    + String(
                        format: "%lld ticks, %.3f ms virtual, %.3f ms wall clock", $0.ticks, $0.virtualMilliseconds,
                        $0.wallMilliseconds)
            }
        }
        if wallClockStretchSeconds > 0 {
            lines.append(
                String(format: "followed the wall clock for %.1f s of the run (devices' own timing)", wallClockStretchSeconds))
        }
        lines += benchNotes.map { "bench: " + $0 }
        if let cut = cutShortAtSeconds {
            lines.append(String(format: "expectations: not judged (run stopped at %.0f s by --until)", cut))
        } else if verdicts.isEmpty {
            lines.append("expectations: none in the scenario, nothing judged")
        } else {
            lines.append("expectations:")
            lines += verdicts.map { "  \($0.passed ? "PASS" : "FAIL")  \($0.expectation): \($0.detail)" }
        }
        lines.append(passed.word)
        return lines.joined(separator: "\n")
    }
}

/// The live status line of a run on a terminal: a progress bar, the time left, and the
/// terminal's state. The run calls it every 6 simulated seconds, so its last call falls short
/// of the end; `SimulateCommand` draws it once more at 1.0 when the run is over.
enum StatusLine {
    static func draw(fraction: Double, snapshot: TerminalSnapshot, scenarioStart: Int64, wallElapsedSeconds: Double) {
        let line =
            "\r"
            + text(fraction: fraction, snapshot: snapshot, scenarioStart: scenarioStart, wallElapsedSeconds: wallElapsedSeconds)
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    static func text(fraction: Double, snapshot: TerminalSnapshot, scenarioStart: Int64, wallElapsedSeconds: Double) -> String {
        let width = 30
        let done = min(1, max(0, fraction))
        let filled = Int((done * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let elapsed = snapshot.utcNanoseconds == .min ? 0 : Int((snapshot.utcNanoseconds - scenarioStart) / 1_000_000_000)
        let clock = String(format: "%02d:%02d:%02d", elapsed / 3600, elapsed / 60 % 60, elapsed % 60)
        let beam =
            snapshot.servingIndex >= 0
            ? String(
                format: "sat #%d az %6.1f° el %5.1f°", snapshot.servingIndex, snapshot.azimuthDegrees, snapshot.elevationDegrees)
            : "no satellite              "
        return String(
            format: "[%@] %3.0f%% %@ %@ %-10@ %@ TX %@ ", bar, done * 100,
            eta(fraction: done, wallElapsedSeconds: wallElapsedSeconds),
            clock, snapshot.state.description, beam, snapshot.transmitEnabled ? "on " : "off")
    }

    /// "ETA 1:23" from the pace so far (wall clock), "ETA --:--" before there is one, and
    /// "done 17.8 s" at the end.
    static func eta(fraction: Double, wallElapsedSeconds: Double) -> String {
        if fraction >= 1 { return String(format: "done %.1f s", wallElapsedSeconds) }
        guard fraction > 0.001, wallElapsedSeconds > 0 else { return "ETA --:--" }
        let left = Int((wallElapsedSeconds * (1 - fraction) / fraction).rounded(.up))
        return String(format: "ETA %d:%02d", left / 60, left % 60)
    }
}
