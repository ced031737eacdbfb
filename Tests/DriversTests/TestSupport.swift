import Audit
import Drivers
import Foundation
import HAL
import HALSim
import Platform
import TestSupport
import Testing

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "utermd-drivers-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A simulated bench for the transmit path: the sim board's GPIO on a manual clock (transmit
/// enable wired back to its sense input unless told otherwise), an audit log in a scratch
/// directory with its writer (driven by hand), the interlock and the fault monitor. One tick
/// is 1 ms of virtual time.
final class TransmitBench {
    static let tickNanoseconds: UInt64 = 1_000_000

    let clock = ManualSimulationClock()
    let gpio: SimulatedGPIO
    let directory: ScratchDirectory
    let auditPath: String
    let handoff = AuditHandoff()
    let writer: AuditWriter
    let transmitEnable: SimulatedGPIOOutputLine
    let sense: SimulatedGPIOInputLine
    let interlock: TransmitInterlock
    let faults: FaultMonitor
    let utc = UTCInstant(year: 2025, month: 3, day: 14, hour: 10, minute: 15)

    init(wired: Bool = true) throws {
        gpio = try SimulatedGPIO(
            board: SimBoard.profile, clock: clock,
            wires: wired ? [GPIOWire(from: .transmitEnable, to: .transmitEnableSense)] : [])
        directory = try ScratchDirectory()
        auditPath = directory.path + "/audit.log"
        writer = AuditWriter(log: try AuditLog(path: auditPath), handoff: handoff)
        transmitEnable = try gpio.openOutput(.transmitEnable)
        sense = try gpio.openInput(.transmitEnableSense, edgeEvents: false)
        interlock = TransmitInterlock(transmitEnable: transmitEnable, sense: sense, audit: handoff)
        faults = FaultMonitor(
            powerAmplifierFault: try gpio.openInput(.faultIn), overTemperature: try gpio.openInput(.overTemperature),
            audit: handoff, atNanoseconds: clock.nowNanoseconds)
    }

    deinit { directory.remove() }

    var now: UInt64 { clock.nowNanoseconds }

    /// One tick at the present virtual time, as Terminal composes it: fault monitor first,
    /// then the interlock; `drain` lets the audit writer append what is queued afterwards.
    /// Then the clock moves on one tick.
    @discardableResult
    func tick(_ conditions: TransmitConditions = .allMet, drain: Bool = true) -> TransmitInterlock.Phase {
        var conditions = conditions
        let inFault = faults.update(atNanoseconds: now, utc: utc)
        conditions.noHardwareFault = conditions.noHardwareFault && inFault.isEmpty
        let phase = interlock.update(conditions, atNanoseconds: now, utc: utc)
        if drain { writer.writePending() }
        clock.advance(by: .nanoseconds(Int64(Self.tickNanoseconds)))
        return phase
    }

    /// Ticks with every condition met until transmitting (at most 10 ticks).
    func switchOn() {
        for _ in 0..<10 where !interlock.isTransmitEnabled { tick() }
    }

    /// The writes to transmit_enable, as (time, level).
    var transmitTrace: [GPIOWriteRecord] { gpio.writes(of: .transmitEnable) }

    /// The audit log's records, as `kind/event`.
    func auditEvents() throws -> [String] {
        try AuditLog.read(path: auditPath).entries.map { "\($0.kind.rawValue)/\($0.event)" }
    }

    func auditEntries() throws -> [AuditEntry] { try AuditLog.read(path: auditPath).entries }
}

/// Files of `Tests/DriversTests/Resources`.
enum Fixture {
    static func path(_ name: String) -> String {
        (Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
            ?? Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(name)).path
    }

    /// The vessel log: 30 one-second epochs from 2025-03-14T10:15:00Z, the first two without a fix.
    static var vesselLog: String { path("vessel_valletta.nmea") }
}
