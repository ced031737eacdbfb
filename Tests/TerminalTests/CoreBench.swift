import Audit
import Foundation
import Geofence
import HAL
import HALSim
import Orbit
import RealTime

@testable import Terminal

/// The terminal's tick alone, on the embedded simulated board with HALSim lines on a manual
/// clock: ticks are driven by hand with the context a test wants (loop health, UTC), fixes
/// are published by hand. The audit writer is drained by hand.
final class CoreBench {
    let clock = ManualSimulationClock()
    let gpio: SimulatedGPIO
    let assembly: TerminalAssembly<SimulatedGPIO>
    let directory: String
    var auditPath: String { directory + "/audit.log" }
    let startUnixNanoseconds: Int64 = 1_787_443_200_000_000_000  // 2026-08-23T00:00:00Z
    private(set) var tickIndex: UInt64 = 0
    private var fixSequence: UInt64 = 0

    init() throws {
        directory = NSTemporaryDirectory() + "utermd-core-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let board = try BoardFile.parse(yaml: EmbeddedDefaults.simulatedBoardYAML, file: "embedded:sim")
        gpio = try SimulatedGPIO(
            board: board.hardware, clock: clock, wires: [GPIOWire(from: .transmitEnable, to: .transmitEnableSense)])
        let (keeper, _) = try EmbeddedDefaults.examplePolicyKeeper(at: Date(timeIntervalSince1970: 1_787_443_200))
        let policy = try require(keeper.inForce)
        assembly = try TerminalAssembly(
            board: board, elementSets: EmbeddedConstellation.elementSets(epoch: JulianDate(unixSeconds: 1_787_443_200)),
            position: GeodeticPosition(latitudeDegrees: 47.37, longitudeDegrees: 8.54, heightMetres: 0),
            policy: policy.geofencePolicy, policyValidUntilUnixNanoseconds: .max, gpio: gpio, auditLogPath: directory + "/audit.log",
            nowNanoseconds: 0)
    }

    deinit {
        assembly.releaseLines()
        try? FileManager.default.removeItem(atPath: directory)
    }

    var core: TerminalCore { assembly.core }
    var now: Int64 { Int64(clock.nowNanoseconds) }

    /// Publishes a fix at the fixed site, dated `utcOffsetSeconds` away from the loop's UTC.
    func publishFix(utcOffsetSeconds: Double = 0) {
        fixSequence += 1
        assembly.channels.fixes.publish(
            FixSnapshot(
                sequence: fixSequence, latitudeDegrees: 47.37, longitudeDegrees: 8.54, heightMetres: 0,
                horizontalUncertaintyMetres: 3, receivedAtNanoseconds: now,
                utcNanoseconds: startUnixNanoseconds + now + Int64(utcOffsetSeconds * 1e9)))
    }

    /// One 1 ms tick with the given loop health; then the audit writer appends what is queued.
    func tick(deadlinesMet: Bool = true) {
        let context = TickContext(
            tickIndex: tickIndex, sequenceNumber: tickIndex, scheduledNanoseconds: now, wakeNanoseconds: now,
            nextDeadlineNanoseconds: now + 1_000_000,
            scheduledUTC: UTCInstant(nanosecondsSinceUnixEpoch: startUnixNanoseconds + now), missedPeriodsBefore: 0,
            recentDeadlinesMet: deadlinesMet)
        core.tick(context)
        assembly.auditWriter.writePending()
        tickIndex += 1
        clock.advance(by: .milliseconds(1))
    }

    func audit() throws -> [AuditEntry] { try AuditLog.read(path: auditPath).entries }
}

func require<T>(_ value: T?) throws -> T {
    guard let value else { throw CoreBenchFailure("missing value") }
    return value
}

struct CoreBenchFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
