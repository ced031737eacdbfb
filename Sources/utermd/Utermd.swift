import ArgumentParser
import Terminal

/// `utermd`: the user-terminal daemon and its tools.
@main
struct Utermd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "utermd",
        abstract: "Firmware of a LEO satellite-internet user terminal.",
        version: UtermdVersion.current,
        subcommands: [VersionCommand.self, DoctorCommand.self, HardwareCommand.self, BoardCommand.self, AuditCommand.self, LookCommand.self, PropagateCommand.self, PassesCommand.self, ScheduleCommand.self, BeamCommand.self, LoopTestCommand.self, SimulateCommand.self, CampaignCommand.self, PolicyCommand.self, GeofenceCommand.self, CheckConfigCommand.self, ReportCommand.self, RunCommand.self])

    /// Parses the command line after `SignedNumberArguments` has joined `--lat -33.92` into
    /// `--lat=-33.92`, which the parser would otherwise read as a missing value.
    static func main() {
        main(SignedNumberArguments.joined(Array(CommandLine.arguments.dropFirst())))
    }
}
