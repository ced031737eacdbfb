import Handover
import Logging
import Orbit
import RealTime
import Terminal

/// Everything `utermd run` is told by its configuration file (YAML format 1, read by
/// ``DaemonConfigurationFile``; the format is described in `Config/README.md`). Paths are
/// absolute here: relative ones were resolved against the configuration file's directory.
package struct DaemonConfiguration: Sendable, Hashable {
    /// Where the board description comes from.
    package enum BoardSource: Sendable, Hashable {
        /// `embedded:sim`: the simulated board built into the binary.
        case embeddedSimulated
        /// A board file (`Boards/*.yaml`).
        case file(String)
    }

    /// Which GPIO backend drives the board's lines.
    package enum HardwareBackend: String, Sendable, Hashable, CaseIterable {
        /// In memory (HALSim), with a recorded trace of every line change.
        case simulated
        /// libgpiod on the real chips (Linux only).
        case linux
    }

    /// Where the element sets come from.
    package enum ElementSetSource: Sendable, Hashable {
        /// `embedded`: the four Starlink Walker shells, generated at start-up.
        case embedded
        /// A TLE or OMM file (each satellite's network read from its name, Starlink when the
        /// name says nothing).
        case file(String)
        /// A list of sources, each with its network: `- { constellation: oneweb, source: FILE }`
        /// or `source: embedded` for the network's generated Walker shells.
        case networks([NetworkElementSource])
    }

    /// One network's element sets in an `element_sets:` list.
    package struct NetworkElementSource: Sendable, Hashable {
        /// The network the satellites belong to (the configuration says; names are only checked).
        package var constellation: Constellation
        /// A TLE or OMM file, or nil for the network's generated Walker shells (`embedded`).
        package var file: String?

        /// A source from its parts.
        package init(constellation: Constellation, file: String?) {
            self.constellation = constellation
            self.file = file
        }
    }

    /// Where the signed policy bundle comes from.
    package enum PolicyBundleSource: Sendable, Hashable {
        /// `embedded:example`: the EXAMPLE policy built into the binary.
        case embeddedExample
        /// A signed bundle file.
        case file(String)
    }

    /// The operator's public key that signs policy bundles.
    package enum OperatorKeySource: Sendable, Hashable {
        /// `embedded:example`: the published EXAMPLE key (its private half is NOT secret).
        case embeddedExample
        /// A key file, or the key itself in base64.
        case pathOrBase64(String)
    }

    /// Where the terminal learns its position (and, from GNSS, UTC).
    package enum LocationSource: Sendable, Hashable {
        /// A bench without GNSS: a fixed position; UTC from the system clock.
        case fixed(latitudeDegrees: Double, longitudeDegrees: Double, altitudeMetres: Double, horizontalUncertaintyMetres: Double)
        /// gpsd's JSON protocol.
        case gpsd(host: String, port: UInt16)
        /// NMEA 0183 sentences from a serial device.
        case nmea(device: String, baudRate: Int?)
    }

    /// The fixed-step loop.
    package struct Loop: Sendable, Hashable {
        /// Ticks a second.
        package var rateHertz: Int = 1_000
        /// `SCHED_FIFO` priority (needs CAP_SYS_NICE), or nil for the normal scheduler.
        package var fifoPriority: Int32?
        /// The processor the loop thread is pinned to, or nil.
        package var cpu: Int?

        /// The defaults: 1 kHz, normal scheduler, any processor.
        package init(rateHertz: Int = 1_000, fifoPriority: Int32? = nil, cpu: Int? = nil) {
            self.rateHertz = rateHertz
            self.fifoPriority = fifoPriority
            self.cpu = cpu
        }
    }

    /// The bearer token that state-changing status API requests must carry.
    package enum TokenSource: Sendable, Hashable {
        /// A file holding the token (its first line, trimmed).
        case file(String)
        /// The token itself.
        case inline(String)
    }

    /// The HTTP status API.
    package struct StatusAPI: Sendable, Hashable {
        /// Whether to serve it at all.
        package var enabled = true
        /// Bound address (numeric).
        package var bind = "127.0.0.1"
        /// TCP port.
        package var port: UInt16 = 9201
        /// Whether a non-loopback `bind` is allowed.
        package var allowNonLoopback = false
        /// The token for POST requests; without one they are all refused.
        package var token: TokenSource?
        /// Whether `/status` and `/history` include the position (the dish reports location
        /// only when its owner enabled it).
        package var reportLocation = false
        /// Seconds of 1 s history kept for `/history`.
        package var historySeconds = 900

        /// The defaults.
        package init() {}
    }

    /// The rotctld-compatible endpoint.
    package struct Rotctld: Sendable, Hashable {
        /// Whether to serve it.
        package var enabled = false
        /// Bound address (numeric).
        package var bind = "127.0.0.1"
        /// TCP port (Hamlib's default 4533).
        package var port: UInt16 = 4533
        /// Whether a non-loopback `bind` is allowed (a client can stow the terminal with `K`).
        package var allowNonLoopback = false

        /// The defaults.
        package init() {}
    }

    /// The array's mechanical boresight, when the installation differs from the board file.
    package struct Boresight: Sendable, Hashable {
        /// Azimuth, degrees from north through east.
        package var azimuthDegrees: Double
        /// Elevation, degrees above the horizon.
        package var elevationDegrees: Double

        /// Builds a boresight.
        package init(azimuthDegrees: Double, elevationDegrees: Double) {
            self.azimuthDegrees = azimuthDegrees
            self.elevationDegrees = elevationDegrees
        }
    }

    /// The configuration file, as named.
    package var file: String
    /// The board.
    package var board: BoardSource
    /// The GPIO backend.
    package var hardware: HardwareBackend
    /// The element sets.
    package var elementSets: ElementSetSource
    /// The policy bundle.
    package var policyBundle: PolicyBundleSource
    /// The operator key.
    package var operatorKey: OperatorKeySource
    /// The position source.
    package var location: LocationSource
    /// The audit log file.
    package var auditLogPath: String
    /// The loop.
    package var loop: Loop
    /// The status API.
    package var statusAPI: StatusAPI
    /// The rotctld endpoint.
    package var rotctld: Rotctld
    /// The dish's gRPC API (`dish_api:`).
    package var dishAPI = DishAPISettings()
    /// Minimum level logged.
    package var logLevel: Logger.Level
    /// How the scheduler picks a satellite per slot.
    package var handoverPolicy: HandoverPolicy
    /// The boresight override, if any.
    package var boresight: Boresight?
    /// Simulated board only: where to write the GPIO trace at exit.
    package var simulatedTraceFile: String?
    /// Simulated board only: what blocks the simulated sky (the simulated link loses the
    /// signal there, and the terminal learns it into its obstruction map).
    package var simulatedObstructions: [ObstructionSector] = []
    /// How long the beamformer bridge driver waits for each reply, milliseconds (nil: the
    /// driver's 20 ms; a bridge behind a slow link, or the TCG bench, needs more).
    package var beamformerReplyTimeoutMilliseconds: Int?
    /// The `safety:` section (speed floor, loop recovery, clock agreement).
    package var safety = SafetySettings()
    /// The `service:` section (plan, address, constellations).
    package var service = ServiceSettings()
    /// Line and column of the fields that name other files, for messages about those files
    /// (`board`, `policy.bundle`, ...).
    package var fieldPositions: [String: FieldPosition] = [:]

    /// A position in the configuration file.
    package struct FieldPosition: Sendable, Hashable {
        /// 1-based line.
        package var line: Int
        /// 1-based column.
        package var column: Int
    }

    /// An error about the value of `field`, located in the configuration file.
    package func error(_ field: String, _ message: String) -> DataFileError {
        let position = fieldPositions[field]
        return DataFileError(file: file, line: position?.line, column: position?.column, field: field, message: message)
    }

    /// The loop's real-time requests (memory locked, and processors kept out of deep idle
    /// states, whenever SCHED_FIFO is asked for).
    package var realTimeOptions: RealTimeOptions {
        RealTimeOptions(
            fifoPriority: loop.fifoPriority, lockMemory: loop.fifoPriority != nil, cpuAffinity: loop.cpu.map { [$0] },
            timerSlackNanoseconds: 1, cpuWakeLatencyMicroseconds: loop.fifoPriority != nil ? 0 : nil)
    }
}
