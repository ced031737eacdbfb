import ArgumentParser
import Daemon
import Foundation

/// `utermd doctor [--config F] [--json]`: can this board run the terminal, and if not, why.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check this machine for running the terminal: each finding with its remedy.",
        discussion: """
            Checks the configuration and the files it names (element-set age, policy signature and expiry), \
            the board's GPIO chips by label and their lines' holders, the bridge's USB device (present, openable), \
            RLIMIT_RTPRIO and RLIMIT_MEMLOCK, a SCHED_FIFO trial, a PREEMPT_RT kernel, /dev/cpu_dma_latency, \
            the clock's synchronisation and source, the CPU frequency governor, and the listening ports. \
            Exit status 0 when the terminal can run (warnings allowed), 1 when a check failed.
            """)

    /// Where the packaged unit reads its configuration.
    static let defaultConfiguration = "/etc/utermd/utermd.yaml"

    @Option(help: "The daemon configuration (default: \(Self.defaultConfiguration)).")
    var config: String = Self.defaultConfiguration

    @Flag(help: "Print JSON: {\"canRun\": Bool, \"findings\": [{\"check\", \"verdict\", \"finding\", \"remedy\"}]}.")
    var json = false

    func run() throws {
        let loaded = DoctorConfigurationProbe.load(file: config, now: Date())
        var facts = loaded.facts
        if let board = loaded.board {
            facts.hardware = DoctorHardwareProbe.gather(board: board.hardware, backend: facts.hardware.backend)
        }
        facts.system = SystemFactsProbe.gather(
            fifoPriority: facts.loopFIFOPriority, ports: DoctorConfigurationProbe.ports(loaded.configuration))
        let report = DoctorChecks.report(facts)
        print(json ? try report.json() : report.text())
        if !report.canRun { throw ExitCode(1) }
    }
}
