import Geofence
import Terminal

/// What a simulated run did: the numbers of the summary, the 1 s history, the events that
/// mattered, and the verdict on each expectation.
package struct SimulationResult: Sendable {
    /// A moment worth reporting.
    package struct Event: Sendable, Hashable {
        /// Seconds after the start.
        package var atSeconds: Double
        /// What happened, in words.
        package var text: String
    }

    /// One expectation's verdict.
    package struct Verdict: Sendable, Hashable {
        /// The expectation, in words.
        package var expectation: String
        /// Whether it held.
        package var passed: Bool
        /// What was measured.
        package var detail: String

        /// A verdict.
        package init(expectation: String, passed: Bool, detail: String) {
            self.expectation = expectation
            self.passed = passed
            self.detail = detail
        }
    }

    /// How long the terminal took from a cause to transmit-enable read low by the bench.
    package struct Reaction: Sendable, Hashable {
        /// The causes measured.
        package enum Kind: String, Sendable, Hashable {
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
        package var kind: Kind
        /// When the cause happened, seconds after the start.
        package var atSeconds: Double
        /// Whole ticks between the cause and the tick after which the line read low (0: the same tick).
        package var ticks: Int64
        /// The same in virtual time.
        package var virtualNanoseconds: Int64
        /// The same on the wall clock of the machine running the loop (`CLOCK_MONOTONIC`).
        package var wallNanoseconds: UInt64
    }

    /// The scenario's name.
    package var scenario: String
    /// Simulated seconds.
    package var simulatedSeconds: Double
    /// Ticks run.
    package var ticks: UInt64
    /// Wall-clock seconds the run took.
    package var wallSeconds: Double
    /// Seconds steered at a satellite.
    package var trackedSeconds: Double
    /// Seconds with transmit enabled (read back on the wired sense input where there is one).
    package var transmitOnSeconds: Double
    /// Handovers (serving satellite changed at a slot boundary).
    package var handovers: Int
    /// Seconds out of service, by cause.
    package var outageSeconds: [OutageCause: Double]
    /// Geofence transitions and other events, in time order.
    package var events: [Event]
    /// Transmit on/off switchings of the line.
    package var transmitSwitches: Int
    /// Per-tick compute time (real, measured around each tick), nanoseconds: p50, p99, max.
    package var computeNanoseconds: (p50: UInt64, p99: UInt64, max: UInt64)
    /// Compute-time histogram: bucket upper bounds (µs) and counts.
    package var computeHistogram: (upperBoundsMicroseconds: [Double], counts: [UInt64])
    /// Ticks whose compute time exceeded the tick period (would have overrun in real time).
    package var ticksOverPeriod: UInt64
    /// Audit records written.
    package var auditRecords: Int
    /// The audit log's path.
    package var auditLogPath: String
    /// Beamformer latches applied by the (simulated) bridge.
    package var beamformerLatches: UInt32
    /// The 1 s history.
    package var history: [HistorySample]
    /// The route as flown: (seconds, latitude, longitude) once per second.
    package var track: [(seconds: Double, latitudeDegrees: Double, longitudeDegrees: Double)]
    /// Names of the satellites, by tracker index.
    package var satelliteNames: [String]
    /// Every reaction measured.
    package var reactions: [Reaction]
    /// Virtual seconds run at real time because the bench followed the wall clock.
    package var wallClockStretchSeconds: Double
    /// The bench's measurements, one line each.
    package var benchNotes: [String]
    /// The verdicts (empty when the run was cut short).
    package var verdicts: [Verdict]
    /// Where the run was stopped before the scenario's end (`--until`), seconds; nil when complete.
    package var cutShortAtSeconds: Double?
    /// Safety-invariant checks made (each tick's, each reaction's, the audit log's).
    package var invariantChecks = 0
    /// When an invariant first broke, seconds after the start; nil when none did.
    package var firstViolationSeconds: Double?
    /// Times transmit-enable went high on the wire.
    package var transmitRisingEdges = 0
    /// The service rules' decision at the last tick.
    package var finalService = ServiceDecision.initial

    /// Whether every expectation held.
    package var passed: Bool { verdicts.allSatisfy(\.passed) }
}
