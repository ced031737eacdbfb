import Foundation
import Simulation
import Terminal

/// The end-of-run summary of `simulate` and `utermd-hil run`: text for people, JSON for tools.
package struct SimulationSummary: Codable {
    package struct Reaction: Codable {
        package var cause: String
        package var atSeconds: Double
        package var ticks: Int64
        package var virtualMilliseconds: Double
        package var wallMilliseconds: Double
    }

    package struct Verdict: Codable {
        package var expectation: String
        package var passed: Bool
        package var detail: String
    }

    /// The run's verdict: JSON `true`, `false`, or `null` when nothing was judged (a run cut
    /// short by `--until`, or a scenario without expectations), which is not a pass.
    package enum Outcome: Codable, Equatable {
        case passed, failed, notJudged

        package init(_ result: SimulationResult) {
            if result.verdicts.isEmpty { self = .notJudged } else { self = result.passed ? .passed : .failed }
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .notJudged } else { self = try container.decode(Bool.self) ? .passed : .failed }
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .passed: try container.encode(true)
            case .failed: try container.encode(false)
            case .notJudged: try container.encodeNil()
            }
        }

        /// PASSED, FAILED or NOT JUDGED, as the summary's last line says it.
        package var word: String {
            switch self {
            case .passed: "PASSED"
            case .failed: "FAILED"
            case .notJudged: "NOT JUDGED"
            }
        }
    }

    package var scenario: String
    package var passed: Outcome
    package var simulatedSeconds: Double
    package var wallSeconds: Double
    package var speedUp: Double
    package var trackedSeconds: Double
    package var transmitOnSeconds: Double
    package var handovers: Int
    package var outageSecondsByCause: [String: Double]
    package var transmitSwitches: Int
    package var tickComputeMicroseconds: [String: Double]
    package var ticksOverPeriod: UInt64
    package var auditRecords: Int
    package var auditLog: String
    package var beamformerLatches: UInt32
    package var events: [String]
    /// Cause → transmit-enable read low by the bench: virtual time, ticks, wall clock.
    package var reactions: [Reaction]
    /// Virtual seconds run at real time (the bench followed the wall clock).
    package var wallClockStretchSeconds: Double
    package var benchNotes: [String]
    package var verdicts: [Verdict]
    package var cutShortAtSeconds: Double?
    /// The service rules' reason code at the end of the run (the dish's `disablement_code`).
    package var disablementCode: String
    /// The constellations that could transmit at the end of the run.
    package var permittedConstellations: [String]

    package init(_ result: SimulationResult) {
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

    package var text: String {
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
