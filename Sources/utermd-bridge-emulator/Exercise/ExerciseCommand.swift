import ArgumentParser
import Drivers
import Foundation
import HAL
import HALLinux

/// `utermd-bridge-emulator exercise`: the host side of the bench's USB round trip.
///
/// Opens the bridge with libusb through HALLinux (as utermd does), checks the protocol frame
/// by frame — including the refusals a corrupted CRC, a wrong sequence, a retry, an unloaded
/// slot and an out-of-range code must get — then lets the firmware's own
/// `BeamformerBridgeDriver` connect and latch a steering, and, given the emulator's states
/// file, checks that the emulator applied exactly those codes. Prints one line per check and
/// the round-trip times; exits 1 when a check failed.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Check the emulated bridge from the host side through libusb (HALLinux) and the firmware's driver.")

    @Option(help: "The bridge's vendor:product.")
    var id = "1209:0001"

    @Option(help: "Its serial number, if the bench gives it one to check.")
    var serial: String?

    @Option(help: "Elements of the array (the bridge must drive as many).")
    var elements = 1280

    @Option(help: "The emulator's states file, to check the latch the driver made.")
    var states: String?

    @Option(help: "How long to wait for each reply, milliseconds (the driver's own default is 20).")
    var replyTimeoutMs = 1000

    func validate() throws {
        guard USBIdentifier(id) != nil else { throw ValidationError("--id must be vendor:product in hexadecimal") }
        guard elements > 0, elements <= BeamformerBridgeProtocol.maximumElementsPerLoad * 8 else {
            throw ValidationError("--elements out of range")
        }
    }

    func run() throws {
        guard let identifier = USBIdentifier(id) else { throw ExitCode(2) }
        if let reason = LinuxUSB.unavailableReason {
            print("exercise: \(reason)")
            throw ExitCode(1)
        }
        var report = ExerciseReport()
        let timeout = Duration.milliseconds(replyTimeoutMs)
        do {
            let session = try BridgeSession(identifier: identifier, serialNumber: serial, timeout: timeout)
            report.pass("open \(identifier) through libusb, claim interface 0 (serial \(session.serialNumber ?? "none"))")
            try ProtocolChecks(session: session, elementCount: elements).run(into: &report)
            session.close()
        } catch {
            report.fail("protocol session: \(error)")
        }
        DriverCheck(
            identifier: identifier, serialNumber: serial, elementCount: elements, replyTimeout: timeout, statesPath: states
        )
        .run(into: &report)
        print(report.summary())
        if !report.allPassed { throw ExitCode(1) }
    }
}

/// The results of the checks, printed as they come.
struct ExerciseReport {
    private(set) var failures = 0
    private(set) var passes = 0
    /// Round trips (request sent to reply decoded), nanoseconds.
    var roundTripsNanoseconds: [UInt64] = []

    /// Whether every check passed.
    var allPassed: Bool { failures == 0 && passes > 0 }

    /// Records and prints a passed check.
    mutating func pass(_ what: String) {
        passes += 1
        print("PASS \(what)")
    }

    /// Records and prints a failed check.
    mutating func fail(_ what: String) {
        failures += 1
        print("FAIL \(what)")
    }

    /// Passes or fails `what` by `condition`, with `detail` on failure.
    mutating func check(_ condition: Bool, _ what: String, detail: @autoclosure () -> String = "") {
        if condition { pass(what) } else { fail(detail().isEmpty ? what : "\(what): \(detail())") }
    }

    /// `12 passed, 0 failed; round trip min/median/max 0.41/0.62/3.10 ms over 20`.
    func summary() -> String {
        var text = "exercise: \(passes) passed, \(failures) failed"
        let sorted = roundTripsNanoseconds.sorted()
        if let first = sorted.first, let last = sorted.last {
            let median = sorted[sorted.count / 2]
            func ms(_ ns: UInt64) -> String { String(format: "%.2f", Double(ns) / 1e6) }
            text += "; round trip min/median/max \(ms(first))/\(ms(median))/\(ms(last)) ms over \(sorted.count)"
        }
        return text
    }
}
