import Audit
import Foundation
import Geofence
import HAL
import HALSim
import Orbit
import Platform
import RealTime

@testable import Simulation
@testable import Terminal

/// The whole terminal (`TerminalAssembly` on the simulated bench, as `utermd simulate` builds
/// it) driven one tick at a time by hand, so a test can break one transmit condition at a
/// chosen tick and read transmit-enable on the wire right after it.
///
/// The site is Zürich on 2026-08-23 with the embedded Walker shells; a restricted square
/// starts `zoneOffsetMetres` east of it. Fixes arrive once a second (5 m uncertainty) until a
/// test stops them; the scheduler is asked at every slot (as the daemon's thread would be)
/// and whenever the geofence's verdict changes.
final class TerminalCoreRig {
    static let startUnixNanoseconds: Int64 = 1_787_428_800_000_000_000  // 2026-08-23T00:00:00Z
    static let site = GeodeticCoordinate(latitudeDegrees: 47.37, longitudeDegrees: 8.54)
    static let period: Int64 = 1_000_000
    /// The restricted square's west edge, metres east of the site: beyond the geofence's 100 m
    /// exit hysteresis, and close enough that a fix just inside is a plausible 1 s move
    /// (under 300 m/s).
    static let zoneOffsetMetres = 250.0

    final class VirtualTime: @unchecked Sendable {
        var nanoseconds: Int64 = 0
    }

    let time = VirtualTime()
    let bench: SimulatedBench
    let assembly: TerminalAssembly<SimulatedGPIO>
    let directory: String
    var tickIndex: UInt64 = 0
    var fixSequence: UInt64 = 0
    /// Where fixes say the terminal is; nil: no more fixes (a GNSS outage).
    var fixPosition: GeodeticCoordinate? = TerminalCoreRig.site
    var nextScheduleUnixNanoseconds: Int64 = .min
    var scheduledRestricted = false

    var core: TerminalCore { assembly.core }
    /// The virtual time of the next tick.
    var next: Int64 { Int64(tickIndex) * Self.period }

    /// A point `metres` east of the site (along the parallel: the zone's edges are meridians).
    static func east(_ metres: Double) -> GeodeticCoordinate {
        let metresPerDegree = 111_320 * cos(site.latitudeDegrees * .pi / 180)
        return GeodeticCoordinate(
            latitudeDegrees: site.latitudeDegrees, longitudeDegrees: site.longitudeDegrees + metres / metresPerDegree)
    }

    init(policyValidForSeconds: Int64 = 86_400) throws {
        directory = NSTemporaryDirectory() + "utermd-core-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let board = try BoardFile.parse(yaml: EmbeddedDefaults.simulatedBoardYAML, file: "sim.yaml")
        let west = Self.east(Self.zoneOffsetMetres).longitudeDegrees
        let ring = [(47.3, west), (47.3, west + 0.1), (47.45, west + 0.1), (47.45, west), (47.3, west)].map {
            GeodeticCoordinate(latitudeDegrees: $0.0, longitudeDegrees: $0.1)
        }
        let zone = try Zone(name: "restricted", geometry: ZoneGeometry(polygons: [GeoPolygon(exterior: ring)]))
        let policy = GeofencePolicy(rules: [ZoneRule(zone: zone, action: .noService)], defaultAction: .allow)
        let time = self.time
        bench = try SimulatedBench(board: board.hardware, wires: nil, virtualNow: { time.nanoseconds })
        assembly = try TerminalAssembly(
            board: board,
            elementSets: EmbeddedConstellation.elementSets(epoch: JulianDate(unixSeconds: Double(Self.startUnixNanoseconds) / 1e9)),
            position: GeodeticPosition(
                latitudeDegrees: Self.site.latitudeDegrees, longitudeDegrees: Self.site.longitudeDegrees, heightMetres: 0),
            policy: policy, policyValidUntilUnixNanoseconds: Self.startUnixNanoseconds + policyValidForSeconds * 1_000_000_000,
            gpio: bench.gpio, auditLogPath: directory + "/audit.log", nowNanoseconds: 0)
        try bench.start(assembly, virtualNow: { time.nanoseconds })
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// One tick at the next millisecond; returns transmit-enable as the bench reads it after.
    @discardableResult
    func tick(utcKnown: Bool = true, deadlinesMet: Bool = true) -> Bool {
        let now = Int64(tickIndex) * Self.period
        time.nanoseconds = now
        if now % 1_000_000_000 == 0, let position = fixPosition {
            fixSequence += 1
            assembly.channels.fixes.publish(FixSnapshot(
                sequence: fixSequence, latitudeDegrees: position.latitudeDegrees, longitudeDegrees: position.longitudeDegrees,
                heightMetres: 0, horizontalUncertaintyMetres: 5, receivedAtNanoseconds: now,
                utcNanoseconds: Self.startUnixNanoseconds + now))
        }
        let utc = Self.startUnixNanoseconds + now
        let restricted = core.geofenceDecision.action == .noService
        if utc >= nextScheduleUnixNanoseconds || restricted != scheduledRestricted {
            let position = fixPosition ?? Self.site
            let assignment = assembly.schedule.assignment(
                at: JulianDate(unixSeconds: Double(utc) / 1e9),
                position: GeodeticPosition(
                    latitudeDegrees: position.latitudeDegrees, longitudeDegrees: position.longitudeDegrees, heightMetres: 0),
                restricted: restricted)
            assembly.channels.assignments.publish(assignment)
            scheduledRestricted = restricted
            nextScheduleUnixNanoseconds = assignment.nextSlotStartUnixNanoseconds - 2_000_000_000
        }
        let context = TickContext(
            tickIndex: tickIndex, sequenceNumber: tickIndex, scheduledNanoseconds: now, wakeNanoseconds: now,
            nextDeadlineNanoseconds: now + Self.period,
            scheduledUTC: utcKnown ? UTCInstant(nanosecondsSinceUnixEpoch: utc) : nil, missedPeriodsBefore: 0,
            recentDeadlinesMet: deadlinesMet)
        core.tick(context)
        let high = bench.afterTick(context, assembly: assembly)
        _ = assembly.auditWriter.writePending()
        tickIndex += 1
        return high
    }

    /// Publishes a fix at the site now, dated `utcOffsetSeconds` away from the loop's UTC (set
    /// `fixPosition` to nil first, so the once-a-second fixes do not replace it).
    func publishFix(utcOffsetSeconds: Double) {
        fixSequence += 1
        assembly.channels.fixes.publish(FixSnapshot(
            sequence: fixSequence, latitudeDegrees: Self.site.latitudeDegrees, longitudeDegrees: Self.site.longitudeDegrees,
            heightMetres: 0, horizontalUncertaintyMetres: 5, receivedAtNanoseconds: next,
            utcNanoseconds: Self.startUnixNanoseconds + next + Int64(utcOffsetSeconds * 1e9)))
    }

    /// The audit log's records so far.
    func auditEntries() throws -> [AuditEntry] { try AuditLog.read(path: directory + "/audit.log").entries }

    /// Ticks until transmit-enable reads high; the number of ticks it took, or nil.
    func runUntilTransmitting(withinTicks limit: Int = 10_000) -> Int? {
        for count in 1...limit where tick() { return count }
        return nil
    }

    /// Ticks `count` times; whether transmit-enable read high after every one of them.
    func staysTransmitting(forTicks count: Int) -> Bool {
        (0..<count).allSatisfy { _ in tick() }
    }
}
