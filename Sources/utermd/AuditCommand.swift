import ArgumentParser
import CLISupport
import Audit
import Foundation

/// `utermd audit ...`: the audit log of transmit decisions and policy changes.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read the audit log.",
        subcommands: [AuditShowCommand.self, AuditStressCommand.self])
}

/// `utermd audit show FILE [--json] [--verify]`.
struct AuditShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print every record of an audit log and check it (read-only: nothing is changed or removed).",
        discussion: """
            Every line is checked as it is read: its CRC-32, its sequence number (1 first, then consecutive: a \
            missing, repeated or reordered record is reported with its line) and the chain of digests that links \
            each record to the one before it. Problems go to standard error, one per line, as FILE:LINE: ...; the \
            exit status is 1 if there is any. --verify also requires every record to carry the chain (logs \
            written before it existed cannot be proven) and prints the head: the last record's number and the \
            digest that the next record must carry. Recorded elsewhere, the head proves later that nothing before \
            it was removed or altered.
            """)

    @Argument(help: "The audit log file.")
    var file: String

    @Flag(help: "One JSON object per record.")
    var json = false

    @Flag(help: "Prove the log intact: every record chained, no finding; print the head.")
    var verify = false

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let scan: AuditFileScan
        do {
            scan = try AuditLog.scan(path: file) { entry in
                if json {
                    if let data = try? encoder.encode(entry) { print(String(decoding: data, as: UTF8.self)) }
                } else {
                    print(Self.line(entry))
                }
            }
        } catch {
            printError("utermd: \(error)")
            // A file that cannot be opened is unusable input; one that is no audit log (a
            // device, an endless line) is a finding.
            if case .system = error { throw CommandExitCodes.unusableInput }
            throw CommandExitCodes.negative
        }
        var check = scan.check
        if verify { check.requireChain() }
        // The first findings, then a count: a CRLF copy would otherwise repeat one line per record.
        for finding in check.findings.prefix(Self.findingsShown) {
            printError("\(file):\(finding.line): \(finding.explanation)")
        }
        if check.findings.count > Self.findingsShown {
            printError("\(file): and \(check.findings.count - Self.findingsShown) more findings (\(check.findings.count) in all)")
        }
        if verify, check.isClean {
            printError(
                "utermd: \(file): verified: \(check.recordCount) records, numbered 1 to \(check.lastSequence) without a gap, "
                    + "every record chained; head #\(check.lastSequence) \(check.headDigest)")
        }
        if !check.isClean { throw CommandExitCodes.negative }
    }

    /// How many findings are printed one by one.
    static let findingsShown = 50

    /// `#12 2026-08-23T00:00:01.000Z transmit on: reason [key=value ...]`.
    static func line(_ entry: AuditEntry) -> String {
        let time = entry.utc ?? "UTC unknown (monotonic \(entry.monotonicNanoseconds) ns)"
        let details = entry.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        return "#\(entry.sequence) \(time) \(entry.kind.rawValue) \(entry.event): \(entry.reason)"
            + (details.isEmpty ? "" : " [\(details)]")
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
