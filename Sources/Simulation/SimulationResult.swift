import Geofence
import Terminal

/// What a simulated run did: the numbers of the summary, the 1 s history, the events that
/// mattered, and the verdict on each expectation.
public struct SimulationResult: Sendable {
    /// A moment worth reporting.
    public struct Event: Sendable, Hashable {
        /// Seconds after the start.
        public var atSeconds: Double
        /// What happened, in words.
        public var text: String
    }

    /// One expectation's verdict.
    public struct Verdict: Sendable, Hashable {
        /// The expectation, in words.
        public var expectation: String
        /// Whether it held.
        public var passed: Bool
        /// What was measured.
        public var detail: String

        /// A verdict.
        public init(expectation: String, passed: Bool, detail: String) {
            self.expectation = expectation
            self.passed = passed
            self.detail = detail
        }
    }

    /// How long the terminal took from a cause to transmit-enable read low by the bench.
    public struct Reaction: Sendable, Hashable {
        /// The causes measured.
        public enum Kind: String, Sendable, Hashable {
            /// The first fix inside a restricted zone (published to the terminal).
            case restriction
            /// A fault input driven active.
            case fault
            /// The beamformer bridge unplugged.
            case unplug
            /// A plan rule of the service rules began to refuse (speed, address, ocean, roaming).
            case service
        }

        /// What caused it.
        public var kind: Kind
        /// When the cause happened, seconds after the start.
        public var atSeconds: Double
        /// Whole ticks between the cause and the tick after which the line read low (0: the same tick).
        public var ticks: Int64
        /// The same in virtual time.
        public var virtualNanoseconds: Int64
        /// The same on the wall clock of the machine running the loop (`CLOCK_MONOTONIC`).
        public var wallNanoseconds: UInt64
    }

    /// The scenario's name.
    public var scenario: String
    /// Simulated seconds.
    public var simulatedSeconds: Double
    /// Ticks run.
    public var ticks: UInt64
    /// Wall-clock seconds the run took.
    public var wallSeconds: Double
    /// Seconds steered at a satellite.
    public var trackedSeconds: Double
    /// Seconds with transmit enabled (read back on the wired sense input where there is one).
    public var transmitOnSeconds: Double
    /// Handovers (serving satellite changed at a slot boundary).
    public var handovers: Int
    /// Seconds out of service, by cause.
    public var outageSeconds: [OutageCause: Double]
    /// Geofence transitions and other events, in time order.
    public var events: [Event]
    /// Transmit on/off switchings of the line.
    public var transmitSwitches: Int
    /// Per-tick compute time (real, measured around each tick), nanoseconds: p50, p99, max.
    public var computeNanoseconds: (p50: UInt64, p99: UInt64, max: UInt64)
    /// Compute-time histogram: bucket upper bounds (µs) and counts.
    public var computeHistogram: (upperBoundsMicroseconds: [Double], counts: [UInt64])
    /// Ticks whose compute time exceeded the tick period (would have overrun in real time).
    public var ticksOverPeriod: UInt64
    /// Audit records written.
    public var auditRecords: Int
    /// The audit log's path.
    public var auditLogPath: String
    /// Beamformer latches applied by the (simulated) bridge.
    public var beamformerLatches: UInt32
    /// The 1 s history.
    public var history: [HistorySample]
    /// The route as flown: (seconds, latitude, longitude) once per second.
    public var track: [(seconds: Double, latitudeDegrees: Double, longitudeDegrees: Double)]
    /// Names of the satellites, by tracker index.
    public var satelliteNames: [String]
    /// Every reaction measured.
    public var reactions: [Reaction]
    /// Virtual seconds run at real time because the bench followed the wall clock.
    public var wallClockStretchSeconds: Double
    /// The bench's measurements, one line each.
    public var benchNotes: [String]
    /// The verdicts (empty when the run was cut short).
    public var verdicts: [Verdict]
    /// Where the run was stopped before the scenario's end (`--until`), seconds; nil when complete.
    public var cutShortAtSeconds: Double?
    /// Safety-invariant checks made (each tick's, each reaction's, the audit log's).
    public var invariantChecks = 0
    /// When an invariant first broke, seconds after the start; nil when none did.
    public var firstViolationSeconds: Double?
    /// Times transmit-enable went high on the wire.
    public var transmitRisingEdges = 0
    /// The service rules' decision at the last tick.
    public var finalService = ServiceDecision.initial

    /// Whether every expectation held.
    public var passed: Bool { verdicts.allSatisfy(\.passed) }
}
