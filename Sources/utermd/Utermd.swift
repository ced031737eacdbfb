import ArgumentParser
import Terminal

/// `utermd`: the user-terminal daemon and its tools.
@main
struct Utermd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "utermd",
        abstract: "Firmware of a LEO satellite-internet user terminal.",
        version: UtermdVersion.current,
        subcommands: [VersionCommand.self, DoctorCommand.self, HardwareCommand.self, BoardCommand.self, AuditCommand.self, LookCommand.self, PropagateCommand.self, PassesCommand.self, ScheduleCommand.self, BeamCommand.self, LoopTestCommand.self, SimulateCommand.self, HILCommand.self, PolicyCommand.self, GeofenceCommand.self, CheckConfigCommand.self, ReportCommand.self, RunCommand.self])
}
