import Handover
import Orbit
import Synchronization
import Terminal

/// Reloads the element sets of a running terminal (SIGHUP, `POST /elements/reload`) without
/// dropping the link: the file is read and checked off the tick, each tracked satellite gets
/// its newest elements (`EphemerisRefresh`: same satellites, same indices), and the refreshed
/// ephemeris is handed to the tick (`TerminalChannels.ephemerides`, taken at its next tick)
/// and to the scheduler (which re-decides the slots after the one in force). New satellites
/// in the file wait for a restart.
final class ElementSetReloader: Sendable {
    /// What a reload did.
    enum Outcome: Sendable {
        /// The refreshed ephemeris was handed over.
        case reloaded(path: String, refresh: EphemerisRefresh, rejectedSets: Int)
        /// The configuration names no file: the built-in constellation has nothing to reload.
        case noFile
        /// The file could not be used; the elements in use are kept.
        case failed(String)
    }

    private struct State: Sendable {
        var ephemeris: ConstellationEphemeris
        var source: DaemonConfiguration.ElementSetSource
    }

    private let state: Mutex<State>
    private let tick: TickHandoff<ConstellationEphemeris>
    private let scheduler: TickHandoff<ConstellationEphemeris>

    /// A reloader starting from `ephemeris` (the assembly's, loaded from `source`), handing
    /// refreshes to the tick through `tick` and to the scheduler's thread through `scheduler`.
    init(
        ephemeris: ConstellationEphemeris, source: DaemonConfiguration.ElementSetSource,
        tick: TickHandoff<ConstellationEphemeris>, scheduler: TickHandoff<ConstellationEphemeris>
    ) {
        state = Mutex(State(ephemeris: ephemeris, source: source))
        self.tick = tick
        self.scheduler = scheduler
    }

    /// The ephemeris handed over last (or the assembly's).
    var ephemeris: ConstellationEphemeris { state.withLock { $0.ephemeris } }

    /// Reads the element sets (from `source` when given — a reloaded configuration's — and
    /// from then on; else from the source last used) and hands newer elements to the tick and
    /// the scheduler. Reloads are serialised: a second one waits for the first.
    func reload(from newSource: DaemonConfiguration.ElementSetSource? = nil) -> Outcome {
        let source = state.withLock { state in
            if let newSource { state.source = newSource }
            return state.source
        }
        let paths: [String]
        switch source {
        case .embedded: return .noFile
        case .file(let path): paths = [path]
        case .networks(let sources): paths = sources.compactMap(\.file)
        }
        guard !paths.isEmpty else { return .noFile }
        var sets: [ElementSet] = []
        var rejected = 0
        for path in paths {
            let loaded: LoadedElementSets
            do {
                loaded = try ElementSetFile.load(path: path, strict: false)
            } catch {
                return .failed("\(error)")
            }
            guard !loaded.sets.isEmpty else {
                return .failed("\(path): no usable element set (\(loaded.errors.count + loaded.omittedErrorCount) rejected)")
            }
            sets += loaded.sets
            rejected += loaded.errors.count + loaded.omittedErrorCount
        }
        let path = paths.joined(separator: ", ")
        // Each satellite keeps its network: a refresh matches catalogue numbers.
        return state.withLock { state in
            let refresh = state.ephemeris.refreshed(with: sets)
            state.ephemeris = refresh.ephemeris
            tick.deposit(refresh.ephemeris)
            scheduler.deposit(refresh.ephemeris)
            return .reloaded(path: path, refresh: refresh, rejectedSets: rejected)
        }
    }
}

extension ElementSetReloader.Outcome {
    /// One line for the log.
    var logLine: String {
        switch self {
        case .reloaded(let path, let refresh, let rejected):
            "element sets reloaded from \(path): \(refresh.summary)\(rejected > 0 ? ", \(rejected) sets in the file rejected" : "")"
        case .noFile: "element sets: the built-in constellation is in use; there is no file to reload"
        case .failed(let reason): "element sets not reloaded (the elements in use are kept): \(reason)"
        }
    }

    /// The answer to `POST /elements/reload`: 200 with the counts, 409 without a file, 422
    /// when the file cannot be used.
    var commandOutcome: CommandOutcome {
        switch self {
        case .reloaded(let path, let refresh, let rejected):
            CommandOutcome(
                status: 200,
                body: .object([
                    ("reloaded", .bool(true)), ("file", .string(path)), ("updated", .int(Int64(refresh.updated))),
                    ("not_newer", .int(Int64(refresh.notNewer))), ("missing", .int(Int64(refresh.missing.count))),
                    ("refused", .int(Int64(refresh.refused.count))),
                    ("added_waiting_for_restart", .int(Int64(refresh.added.count))),
                    ("rejected_sets", .int(Int64(rejected))), ("message", .string(logLine)),
                ]))
        case .noFile:
            CommandOutcome(status: 409, body: .object([("reloaded", .bool(false)), ("error", .string(logLine))]))
        case .failed:
            CommandOutcome(status: 422, body: .object([("reloaded", .bool(false)), ("error", .string(logLine))]))
        }
    }
}
