import ArgumentParser
import CLISupport
import Foundation
import HILBench
import Simulation
import Terminal

/// `utermd-hil ...`: hardware-in-the-loop runs. The bench's own executable, apart from the
/// firmware's `utermd`, so that the shipped binary carries no test-rig code (`HILBench`).
@main
struct HILCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "utermd-hil", abstract: "Run scenarios on a test bench (rig).", subcommands: [HILRunCommand.self])
}

/// `utermd-hil run --rig FILE --scenario FILE...`: every scenario on the rig, a pass/fail
/// report, and JUnit XML for CI.
struct HILRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenarios on a rig and report pass/fail (and JUnit XML).",
        discussion: """
            The simulated rig (HIL/rigs/sim.yaml) runs in this process on HALSim. The virtual bench \
            (HIL/rigs/vm.yaml) runs inside the VM that HIL/vm/run-in-vm.sh boots and sets up (`make hil` \
            does it): the terminal on libgpiod and libusb against gpio-sim and the FunctionFS bridge \
            emulator, reading what the bench made from $HIL_BENCH_JSON.
            """)

    @Option(help: "Rig file (HIL/rigs/*.yaml).")
    var rig: String

    @Option(parsing: .singleValue, help: "Scenario file; repeat for several (default: every HIL/scenarios/*.yaml).")
    var scenario: [String] = []

    @Option(help: "Write a JUnit XML report here.")
    var junit: String?

    @Option(help: "Write every scenario's summary (verdicts, reactions with their timings, tick compute, bench notes) as JSON here.")
    var json: String?

    @Option(help: "Seed of the simulated GNSS noise.")
    var seed: UInt64 = 1

    func run() throws {
        let bench: Rig
        do { bench = try RigFile.load(path: rig) } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        let benchDescription = ProcessInfo.processInfo.environment["HIL_BENCH_JSON"]
        if bench.bench == .vm, benchDescription == nil {
            printError(
                "utermd-hil: rig \"\(bench.name)\" is the virtual bench: run this inside it, "
                    + "`HIL/vm/run-in-vm.sh -- utermd-hil run --rig \(rig)` (`make hil` does), which sets $HIL_BENCH_JSON")
            throw ExitCode(2)
        }
        let files = scenario.isEmpty ? try Self.defaultScenarios() : scenario
        var cases: [JUnitReport.Case] = []
        var summaries: [SimulationSummary] = []
        for file in files {
            var prepared = try SimulationSetup(scenario: file, board: bench.boardPath, seed: seed).prepare()
            prepared.options.wires = bench.wires
            let started = Date()
            let simulator = Simulator(scenario: prepared.scenario, options: prepared.options)
            let result: SimulationResult
            if let benchDescription, bench.bench == .vm {
                let board = prepared.options.board.hardware
                let timeout = bench.beamformerReplyTimeout ?? .milliseconds(20)
                result = try simulator.run(bench: { now in
                    try VMBench(descriptionPath: benchDescription, board: board, replyTimeout: timeout, virtualNow: now)
                })
            } else {
                result = try simulator.run()
            }
            let failures = result.verdicts.filter { !$0.passed }.map { "\($0.expectation): \($0.detail)" }
            let summary = SimulationSummary(result)
            print("\(result.passed ? "PASS" : "FAIL")  \(prepared.scenario.name) (\(file)) on \(bench.name), \(String(format: "%.1f", summary.wallSeconds)) s")
            for verdict in result.verdicts {
                print("      \(verdict.passed ? "ok  " : "FAIL") \(verdict.expectation): \(verdict.detail)")
            }
            for reaction in summary.reactions {
                print(String(format: "      timing: %@ at %.1f s → transmit-enable low after %lld ticks (%.3f ms virtual, %.3f ms wall clock)",
                    reaction.cause, reaction.atSeconds, reaction.ticks, reaction.virtualMilliseconds, reaction.wallMilliseconds))
            }
            print(String(format: "      timing: tick compute p50 %.1f µs, p99 %.1f µs, max %.1f µs; %.0f s simulated in %.1f s, %.1f s of it at real time",
                summary.tickComputeMicroseconds["p50"] ?? 0, summary.tickComputeMicroseconds["p99"] ?? 0,
                summary.tickComputeMicroseconds["max"] ?? 0, summary.simulatedSeconds, summary.wallSeconds, summary.wallClockStretchSeconds))
            for note in result.benchNotes { print("      bench: \(note)") }
            cases.append(JUnitReport.Case(
                name: prepared.scenario.name, className: "hil.\(bench.name)", seconds: Date().timeIntervalSince(started),
                failures: failures, output: summary.text))
            summaries.append(summary)
        }
        let failed = cases.filter { !$0.failures.isEmpty }.count
        print("\(cases.count - failed) passed, \(failed) failed")
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(summaries).write(to: URL(fileURLWithPath: json))
        }
        if let junit {
            try JUnitReport(suite: "utermd-hil \(bench.name)", cases: cases).xml.write(toFile: junit, atomically: true, encoding: .utf8)
        }
        if failed > 0 { throw ExitCode(1) }
    }

    static func defaultScenarios() throws -> [String] {
        let directory = "HIL/scenarios"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        return names.map { directory + "/" + $0 }
    }
}

/// A JUnit XML report (the format CI systems show): one suite, one case per scenario.
struct JUnitReport {
    struct Case {
        var name: String
        var className: String
        var seconds: Double
        var failures: [String]
        var output: String
    }

    var suite: String
    var cases: [Case]

    var xml: String {
        let failures = cases.filter { !$0.failures.isEmpty }.count
        let total = cases.reduce(0) { $0 + $1.seconds }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuite name="\#(Self.escape(suite))" tests="\#(cases.count)" failures="\#(failures)" errors="0" time="\#(String(format: "%.3f", total))">"#,
        ]
        for testCase in cases {
            lines.append(#"  <testcase name="\#(Self.escape(testCase.name))" classname="\#(Self.escape(testCase.className))" time="\#(String(format: "%.3f", testCase.seconds))">"#)
            for failure in testCase.failures {
                lines.append(#"    <failure message="\#(Self.escape(failure))"/>"#)
            }
            lines.append("    <system-out>\(Self.escape(testCase.output))</system-out>")
            lines.append("  </testcase>")
        }
        lines.append("</testsuite>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
