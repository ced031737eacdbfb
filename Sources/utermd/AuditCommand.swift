import ArgumentParser
import Audit
import Foundation

/// `utermd audit ...`: the audit log of transmit decisions and policy changes.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read the audit log.",
        subcommands: [AuditShowCommand.self, AuditStressCommand.self])
}

/// `utermd audit show FILE [--json]`.
struct AuditShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print every valid record of an audit log (read-only; a torn tail is reported, not removed).")

    @Argument(help: "The audit log file.")
    var file: String

    @Flag(help: "One JSON object per record.")
    var json = false

    func run() throws {
        let scan: AuditFileScan
        do {
            scan = try AuditLog.read(path: file)
        } catch {
            printError("utermd: \(error)")
            throw CommandExitCodes.unusableInput
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for entry in scan.entries {
            if json {
                print(String(decoding: try encoder.encode(entry), as: UTF8.self))
            } else {
                let time = entry.utc ?? "UTC unknown (monotonic \(entry.monotonicNanoseconds) ns)"
                let details = entry.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                print("#\(entry.sequence) \(time) \(entry.kind.rawValue) \(entry.event): \(entry.reason)" + (details.isEmpty ? "" : " [\(details)]"))
            }
        }
        if scan.tornBytes > 0 {
            FileHandle.standardError.write(Data("utermd: \(file): \(scan.tornBytes) bytes of a torn last record follow the \(scan.entries.count) valid records\n".utf8))
        }
    }
}

/// `utermd audit stress --file F --count N`: appends records as fast as it can and prints
/// `written N` after each one is durable. The crash test kills it with SIGKILL at random
/// moments and checks that every record reported written survives. Hidden: a test tool.
struct AuditStressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress", abstract: "Append records until killed (crash test).", shouldDisplay: false)

    @Option(help: "The audit log file.")
    var file: String

    @Option(help: "How many records to append.")
    var count = 1_000_000

    func run() throws {
        let log = try AuditLog(path: file)
        for index in 0..<count {
            let entry = try log.append(
                AuditEntry(kind: .transmit, event: index.isMultiple(of: 2) ? "on" : "off", reason: "stress", details: ["index": "\(index)"]))
            FileHandle.standardOutput.write(Data("written \(entry.sequence)\n".utf8))
        }
    }
}
