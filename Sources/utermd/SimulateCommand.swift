import ArgumentParser
import CLISupport
import Foundation
import Orbit
import Simulation
import Terminal

/// `utermd simulate`: the whole terminal on the simulated board, on the virtual clock.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the simulated terminal through a scenario (default: a vessel crossing a banned territorial sea).",
        discussion: """
            Everything runs on embedded defaults unless told otherwise: the simulated board (Boards/sim.yaml), \
            the generated Starlink shells, the example policy (Policies/example.yaml, signed with the example key) \
            and the scenario HIL/scenarios/long/ningbo-port-call.yaml. Exit status 0 when every expectation of the \
            scenario holds, 1 when one fails, 3 when nothing was judged (stopped by --until before the end, or a \
            scenario without expectations).
            """)

    @OptionGroup var simulation: SimulationOptions

    @Option(help: "Run at N times real time on the virtual clock (default: as fast as possible).")
    var speed: Double?

    @Option(help: "Stop early: +30m, +1h, +90s, or seconds after the start.")
    var until: String?

    @Flag(help: "Print the summary as JSON.")
    var json = false

    func validate() throws {
        if let speed { try requireOption(speed, "--speed", above: 0, unit: " (times real time)") }
    }

    func run() throws {
        let prepared = try simulation.prepare()
        var options = prepared.options
        options.speed = speed
        if let until { options.untilSeconds = try Self.parseUntil(until) }
        let live = isatty(STDOUT_FILENO) == 1 && !json
        let simulator = Simulator(scenario: prepared.scenario, options: options)
        if !json {
            print("utermd simulate: \(prepared.scenario.name) — \(prepared.scenario.summary)")
            print("  board \(options.board.name), policy \(prepared.policyName), audit log \(options.auditLogPath)")
        }
        let wallStart = Date()
        var lastSnapshot: TerminalSnapshot?
        let result = try simulator.run { fraction, snapshot in
            guard live else { return }
            lastSnapshot = snapshot
            StatusLine.draw(
                fraction: fraction, snapshot: snapshot, scenarioStart: prepared.scenario.startUnixNanoseconds,
                wallElapsedSeconds: Date().timeIntervalSince(wallStart))
        }
        if live, let lastSnapshot {
            // The run reports every 6 simulated seconds, so its last report falls short of the end.
            StatusLine.draw(
                fraction: 1, snapshot: lastSnapshot, scenarioStart: prepared.scenario.startUnixNanoseconds,
                wallElapsedSeconds: Date().timeIntervalSince(wallStart))
        }
        if live { print("") }
        if json {
            print(try jsonText(SimulationSummary(result)))
        } else {
            print(SimulationSummary(result).text)
        }
        if let directory = simulation.report {
            let page = try SimulationReport.write(result, prepared: prepared, to: directory)
            if !json { print("report: \(page.path)") }
        }
        switch SimulationSummary.Outcome(result) {
        case .passed: return
        case .failed: throw CommandExitCodes.negative
        case .notJudged: throw CommandExitCodes.notJudged
        }
    }

    /// `+30m`, `+1h`, `+90s`, `+90` or `90`: seconds after the start.
    static func parseUntil(_ text: String) throws -> Double {
        var body = Substring(text)
        if body.hasPrefix("+") { body = body.dropFirst() }
        let scale: Double
        switch body.last {
        case "h": scale = 3_600
        case "m": scale = 60
        case "s": scale = 1
        default: scale = 1
        }
        if let last = body.last, last.isLetter { body = body.dropLast() }
        guard let value = Double(body), value > 0 else {
            throw ValidationError("--until: expected +30m, +1h, +90s or seconds, got \(text)")
        }
        return value * scale
    }
}
