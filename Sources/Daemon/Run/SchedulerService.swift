import Foundation
import Geofence
import Handover
import Logging
import Orbit
import Platform
import RealTime
import Terminal

/// The scheduler side of the running terminal, on a thread of its own: twice a second it
/// checks whether the slot in force and the next one are decided, and publishes the
/// `ServingAssignment` through `TerminalChannels.assignments`, so the tick switches
/// satellites exactly at the 15 s boundary. It decides the next slot two seconds before its
/// boundary (as the simulator does), and at once when the geofence starts or stops
/// forbidding service. Without UTC it publishes nothing (no valid time, no schedule).
///
/// The slots it decides avoid what the terminal has learned to be obstructed: when the
/// learned map's verdict changes, the scheduler takes the new map before its next decision.
/// Refreshed element sets (`ElementSetReloader`) are taken the same way.
final class SchedulerService: Sendable {
    private let thread: ServiceThread

    /// Starts deciding with `schedule` (owned by the thread from now on), avoiding what
    /// `obstructions` learns.
    init(
        schedule: ScheduleService, channels: TerminalChannels, utc: UTCReference, initialPosition: GeodeticPosition,
        obstructions: LearnedObstructions, refreshedEphemerides: TickHandoff<ConstellationEphemeris>, logger: Logger
    ) {
        let transfer = ThreadTransfer(value: schedule)
        thread = ServiceThread(name: "utermd-schedule") { stop in
            var schedule = transfer.value
            var nextDecisionUnixNanoseconds = Int64.min
            var decidedRestricted = false
            var decidedAtUnixNanoseconds = Int64.min
            var announced = false
            var obstructionVersion = UInt64.max
            repeat {
                if obstructions.version != obstructionVersion {
                    let learned = obstructions.snapshot()
                    schedule.constraints.obstructionMap = learned.map
                    if obstructionVersion != .max {
                        logger.info(
                            "scheduler: obstruction map changed (\(learned.validSeconds) s observed), applied from the next slot")
                    }
                    obstructionVersion = learned.version
                }
                let now = Nanoseconds(MonotonicTime.unsignedNanoseconds())
                guard let utcNow = utc.utc(atMonotonicNanoseconds: now)?.nanosecondsSinceUnixEpoch else { continue }
                if let refreshed = refreshedEphemerides.takeIfPresent(),
                    schedule.replaceEphemeris(refreshed, keepingSlotsStartedBy: JulianDate(unixSeconds: Double(utcNow) / 1e9))
                {
                    // The slot in force keeps its satellite; the next is decided again now.
                    nextDecisionUnixNanoseconds = .min
                    logger.info("scheduler: refreshed element sets in use from the next slot")
                }
                let snapshot = channels.snapshots.read()
                let restricted = snapshot.schedulingRestricted
                // At once when the networks permitted here changed (a vessel entering a sea
                // that bans one operator and spares another switches within one slot), and also
                // when UTC stepped back before the last decision (a clock step): else the slots
                // decided for the later time would stand until UTC caught up again.
                let networksChanged = schedule.follow(
                    snapshot.schedulingNetworks, from: JulianDate(unixSeconds: Double(utcNow) / 1e9))
                if networksChanged {
                    logger.info("scheduler: networks permitted here: \(snapshot.schedulingNetworks), from the next slot")
                }
                guard
                    utcNow >= nextDecisionUnixNanoseconds || restricted != decidedRestricted || utcNow < decidedAtUnixNanoseconds
                        || networksChanged
                else { continue }
                let fix = channels.fixes.read()
                let position =
                    fix.sequence > 0 && fix.latitudeDegrees.isFinite && fix.longitudeDegrees.isFinite
                    ? GeodeticPosition(
                        latitudeDegrees: fix.latitudeDegrees, longitudeDegrees: fix.longitudeDegrees,
                        heightMetres: fix.heightMetres)
                    : initialPosition
                let started = MonotonicTime.unsignedNanoseconds()
                let assignment = schedule.assignment(
                    at: JulianDate(unixSeconds: Double(utcNow) / 1e9), position: position, restricted: restricted)
                channels.assignments.publish(assignment)
                decidedRestricted = restricted
                decidedAtUnixNanoseconds = utcNow
                nextDecisionUnixNanoseconds = assignment.nextSlotStartUnixNanoseconds - 2_000_000_000
                if !announced {
                    announced = true
                    let milliseconds = (MonotonicTime.unsignedNanoseconds() - started) / 1_000_000
                    logger.info("scheduler: first slots decided in \(milliseconds) ms (\(schedule.policy))")
                    // The first search of visibility windows is the largest burst of temporaries.
                    ProcessMemory.returnFreedMemory()
                }
            } while !stop.wait(seconds: 0.5)
        }
    }

    /// Stops the thread and waits for it.
    func stop() { thread.stop() }
}
