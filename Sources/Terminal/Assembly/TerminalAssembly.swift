import Audit
import Beam
import Drivers
import Foundation
import Geofence
import HAL
import Handover
import Orbit
import RealTime

/// Everything a running terminal is made of, built from a board, element sets, a verified
/// policy and a GPIO backend (Linux or simulated): the lines opened by role at their safe
/// states, the audit log and its writer, the drivers, the pointing tick and the core, the
/// scheduler service, and the channels between them. `utermd simulate` and `utermd run`
/// both assemble the terminal here, so they run the same code.
package final class TerminalAssembly<GPIO: GPIOBackend> {
    /// The board.
    package let board: BoardDescription
    /// The GPIO backend the lines come from.
    package let gpio: GPIO
    /// The real-time core.
    package let core: TerminalCore
    /// The hand-offs.
    package let channels: TerminalChannels
    /// The scheduler side.
    package var schedule: ScheduleService
    /// The phased array.
    package let array: PhasedArray
    /// The audit log's writer (start it on its own thread, or drive it with `writePending`).
    package let auditWriter: AuditWriter
    /// Bytes of a torn last record cut when the audit log was opened (0 after a clean stop);
    /// the cut is the log's own next record too.
    package let auditRecoveredTornBytes: Int
    /// The audit hand-off the drivers submit to.
    package let audit: AuditHandoff
    /// The satellites, with the propagators the tracker and the scheduler share.
    package let ephemeris: ConstellationEphemeris
    /// Who each satellite is (name, catalogue number, orbit figures), in tracker order.
    package var satellites: [ConstellationEphemeris.Satellite] { ephemeris.satellites }
    private let outputs: [any GPIOOutputLine]
    private let inputs: [any GPIOInputLine]

    /// Why assembling failed.
    package enum AssemblyError: Error, CustomStringConvertible {
        /// The board's array description is impossible.
        case array(ArrayConfigurationError)
        /// A line could not be opened.
        case gpio(GPIOError)
        /// The audit log could not be opened.
        case audit(AuditError)

        package var description: String {
            switch self {
            case .array(let error): "array: \(error)"
            case .gpio(let error): "GPIO: \(error)"
            case .audit(let error): "audit log: \(error)"
            }
        }
    }

    /// Assembles a terminal.
    /// - Parameters:
    ///   - position: where the terminal is believed to be at start (the tick moves it with
    ///     every fix; the scheduler too).
    ///   - nowNanoseconds: monotonic time at assembly (fault inputs are read now).
    ///   - elementSetConstellations: the network of each element set, index for index (the
    ///     configuration's list of sources); empty to read each from its name.
    package init(
        board: BoardDescription, elementSets: [ElementSet], elementSetConstellations: [Constellation] = [],
        position: GeodeticPosition, policy: GeofencePolicy,
        policyValidUntilUnixNanoseconds: Int64, gpio: GPIO, auditLogPath: String, nowNanoseconds: UInt64,
        tickPeriodNanoseconds: UInt64 = 1_000_000, geofence: GeofenceConfiguration = GeofenceConfiguration(),
        link: LinkDirection = .transmit, serviceRules: ServiceRules = .none,
        subscription: ServiceSubscription = ServiceSubscription()
    ) throws(AssemblyError) {
        self.board = board
        self.gpio = gpio
        do { array = try PhasedArray(board.array, activeLink: link) } catch { throw .array(error) }
        let log: AuditLog
        do { log = try AuditLog(path: auditLogPath) } catch { throw .audit(error) }
        auditRecoveredTornBytes = log.recoveredTornBytes
        let audit = AuditHandoff(capacity: 256)
        self.audit = audit
        auditWriter = AuditWriter(log: log, handoff: audit)
        channels = TerminalChannels(elementCount: array.elementCount)
        ephemeris =
            elementSetConstellations.count == elementSets.count
            ? ConstellationEphemeris(elementSets: elementSets, constellations: elementSetConstellations)
            : ConstellationEphemeris(elementSets: elementSets)
        let tracker = SatelliteTracker(ephemeris: ephemeris, observer: position)
        schedule = ScheduleService(
            tracker: tracker, constellations: Set(board.constellations),
            primary: board.constellations.count > 1
                ? board.constellations.first { subscription.constellations.contains(ConstellationName($0)) } : nil)
        let lines = board.hardware.lines
        do throws(GPIOError) {
            let transmit = try gpio.openOutput(.transmitEnable)
            let powerAmplifier = lines[.paPower] == nil ? nil : try gpio.openOutput(.paPower)
            let led = lines[.statusLED] == nil ? nil : try gpio.openOutput(.statusLED)
            let sense = lines[.transmitEnableSense] == nil ? nil : try gpio.openInput(.transmitEnableSense, edgeEvents: false)
            let fault = lines[.faultIn] == nil ? nil : try gpio.openInput(.faultIn, edgeEvents: true)
            let hot = lines[.overTemperature] == nil ? nil : try gpio.openInput(.overTemperature, edgeEvents: true)
            outputs = [transmit, powerAmplifier, led].compactMap { $0 }
            inputs = [sense, fault, hot].compactMap { $0 }
            let interlock = TransmitInterlock(transmitEnable: transmit, sense: sense, audit: audit)
            let faults = FaultMonitor(powerAmplifierFault: fault, overTemperature: hot, audit: audit, atNanoseconds: nowNanoseconds)
            core = TerminalCore(
                channels: channels,
                pointing: PointingTick(tracker: tracker, array: array, link: link, assignments: channels.assignments),
                policy: policy, policyValidUntilUnixNanoseconds: policyValidUntilUnixNanoseconds, geofence: geofence,
                interlock: interlock, faults: faults,
                powerAmplifier: powerAmplifier.map { PowerAmplifierSupply(line: $0, audit: audit) },
                statusLED: led.map { StatusLED(line: $0, tickPeriodNanoseconds: tickPeriodNanoseconds) }, audit: audit,
                serviceRules: serviceRules, subscription: subscription)
        } catch {
            throw .gpio(error)
        }
        // Read the output lines back every 100 ms, whatever the rate.
        core.lineCheckIntervalTicks = max(1, 100_000_000 / max(1, tickPeriodNanoseconds))
        // The networks the hardware can use and the terminal is subscribed to: the scheduler
        // chooses among them (the service rules refuse transmitting through any other).
        core.usableNetworks = ConstellationSet(networks: board.constellations).intersection(subscription.constellations)
    }

    /// Releases every line (each drives its safe state first: transmit-enable inactive).
    /// Call after the loop has stopped and the core stowed.
    package func releaseLines() {
        for line in outputs { try? line.release() }
        for line in inputs { line.release() }
    }
}
