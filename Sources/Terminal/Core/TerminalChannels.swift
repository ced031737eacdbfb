import Drivers
import Geofence
import Handover
import RealTime

/// The wait-free (or never-waiting) hand-offs between the tick and the slower parts of the
/// terminal: what the tick reads and what it publishes. One value, shared by reference
/// between the loop thread and the daemon's other threads (or the simulator).
package final class TerminalChannels: Sendable {
    /// Scheduler → tick: the serving satellite now and from the next slot boundary.
    package let assignments = LatestValueMailbox(initial: ServingAssignment.none)
    /// GNSS → tick: the latest position fix.
    package let fixes = LatestValueMailbox(initial: FixSnapshot.none)
    /// Daemon → tick: a new verified policy.
    package let policies = PolicyHandoff()
    /// Daemon → tick: the service rules' day counters (from `ServiceDayKeeper`).
    package let serviceDays = LatestValueMailbox(initial: ServiceDayCounters.zero)
    /// Daemon → tick: refreshed element sets (same satellites, same indices).
    package let ephemerides = TickHandoff<ConstellationEphemeris>()
    /// Tick → beamformer driver: the phase codes.
    package let steering: BeamSteeringMailbox
    /// Beamformer driver → tick: whether the array applies the steering.
    package let beamformerHealth = BeamformerHealthCell()
    /// Tick → daemon: one sample per second (the history ring).
    package let history: SPSCRingBuffer<HistorySample>
    /// Tick → daemon: the latest snapshot.
    package let snapshots = LatestValueMailbox(initial: TerminalSnapshot.initial)
    /// Daemon → tick: the operator's stow (`POST /stow`, rotctld `K`): transmit off and the
    /// array stowed until `unstow()`.
    package let stow = LoopControl()
    /// Daemon → tick: the stow before the process stops (SIGTERM, SIGINT, `POST /reboot`, a
    /// failure); never cleared: no unstow undoes it.
    package let finalStow = LoopControl()

    /// Whether the tick must keep the terminal stowed now (read every tick).
    package var isStowRequested: Bool { finalStow.isStopRequested || stow.isStopRequested }

    /// What an unstow request did.
    package enum UnstowOutcome: Sendable, Hashable {
        /// The operator's stow is lifted: the tick resumes at its next tick, and transmit comes
        /// back only once every transmit condition holds again (through the audited path).
        case resumed
        /// There was no operator stow to lift.
        case notStowed
        /// The daemon is stopping: its stow stays.
        case stopping
    }

    /// Lifts the operator's stow, unless the daemon is stopping.
    package func unstow() -> UnstowOutcome {
        if finalStow.isStopRequested { return .stopping }
        guard stow.isStopRequested else { return .notStowed }
        stow.clearStopRequest()
        // A stop that raced with the clearing still holds: `finalStow` is read every tick.
        return finalStow.isStopRequested ? .stopping : .resumed
    }

    /// Channels for an array of `elementCount` elements, keeping `historySeconds` of history
    /// in flight between the tick and its reader.
    package init(elementCount: Int, historySeconds: Int = 900) {
        steering = BeamSteeringMailbox(elementCount: elementCount)
        history = SPSCRingBuffer(minimumCapacity: historySeconds)
    }
}
