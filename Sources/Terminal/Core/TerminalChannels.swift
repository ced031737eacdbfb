import Drivers
import RealTime

/// The wait-free (or never-waiting) hand-offs between the tick and the slower parts of the
/// terminal: what the tick reads and what it publishes. One value, shared by reference
/// between the loop thread and the daemon's other threads (or the simulator).
public final class TerminalChannels: Sendable {
    /// Scheduler → tick: the serving satellite now and from the next slot boundary.
    public let assignments = LatestValueMailbox(initial: ServingAssignment.none)
    /// GNSS → tick: the latest position fix.
    public let fixes = LatestValueMailbox(initial: FixSnapshot.none)
    /// Daemon → tick: a new verified policy.
    public let policies = PolicyHandoff()
    /// Tick → beamformer driver: the phase codes.
    public let steering: BeamSteeringMailbox
    /// Beamformer driver → tick: whether the array applies the steering.
    public let beamformerHealth = BeamformerHealthCell()
    /// Tick → daemon: one sample per second (the history ring).
    public let history: SPSCRingBuffer<HistorySample>
    /// Tick → daemon: the latest snapshot.
    public let snapshots = LatestValueMailbox(initial: TerminalSnapshot.initial)
    /// Daemon → tick: stop transmitting and stow (SIGTERM); never reset once set.
    public let stow = LoopControl()

    /// Channels for an array of `elementCount` elements, keeping `historySeconds` of history
    /// in flight between the tick and its reader.
    public init(elementCount: Int, historySeconds: Int = 900) {
        steering = BeamSteeringMailbox(elementCount: elementCount)
        history = SPSCRingBuffer(minimumCapacity: historySeconds)
    }
}
