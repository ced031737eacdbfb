import Terminal

/// The scenario events added with the campaign's second round (issue 17): clock steps,
/// policy pushes, restarts, loop overruns and garbage from the beamformer bridge. Kept apart from `ScenarioFile.event` so that each reads alone.
extension ScenarioFile {
    /// The longest time a scenario may name, seconds (ten years): a clock step, an instant, a
    /// duration. Anything the virtual clock adds up then stays far inside its Int64 nanoseconds.
    static let maximumSeconds = 315_360_000.0

    /// A number of seconds at `node`: finite and within ±ten years, or an error naming the field.
    static func seconds(_ node: DataNode, _ field: String) throws(DataFileError) -> Double {
        let value = try node.double()
        guard value.isFinite, abs(value) <= maximumSeconds else {
            throw node.error("\(field) must be a number of seconds within ±\(Int(maximumSeconds)) (ten years)")
        }
        return value
    }

    /// `clock_step_s` (with `for_s`), `policy_push` (with an optional `restricts_here`) or
    /// `restart`, `loop_overrun_ms` or `bridge_garbage` (each with `for_s`); nil when the event
    /// is none of them.
    static func laterEvent(_ node: DataNode, at: Double) throws(DataFileError) -> Scenario.TimedEvent? {
        if let step = try node.optional("clock_step_s") {
            let seconds = try step.double()
            guard seconds.isFinite, seconds != 0, abs(seconds) <= maximumSeconds else {
                throw step.error("clock_step_s must be a non-zero number of seconds within ±\(Int(maximumSeconds)) (ten years)")
            }
            return .init(atSeconds: at, event: .clockStep(stepSeconds: seconds, seconds: try positiveDuration(node)))
        }
        if let push = try node.optional("policy_push") {
            let kind = try push.choice(PolicyPushKind.self)
            let restrictsHere = try node.optional("restricts_here")?.bool() ?? false
            if let length = try node.optional("for_s") { throw length.error("a policy push has no duration (for_s)") }
            return .init(atSeconds: at, event: .policyPush(kind, restrictsHere: restrictsHere))
        }
        if let overrun = try node.optional("loop_overrun_ms") {
            let milliseconds = try overrun.double()
            guard milliseconds > 0, milliseconds <= 10_000 else { throw overrun.error("loop_overrun_ms must be within (0, 10000]") }
            return .init(atSeconds: at, event: .loopOverrun(tickMilliseconds: milliseconds, seconds: try positiveDuration(node)))
        }
        if let garbage = try node.optional("bridge_garbage") {
            let kind = try garbage.choice(BridgeGarbageKind.self)
            return .init(atSeconds: at, event: .bridgeGarbage(kind, seconds: try positiveDuration(node)))
        }
        if let restart = try node.optional("restart") {
            guard try restart.bool() else { throw restart.error("restart: true is the only value") }
            return .init(atSeconds: at, event: .restart(downSeconds: try positiveDuration(node)))
        }
        return nil
    }

    /// Refuses keys of the later events that belong to another event's (`restricts_here`
    /// without `policy_push`).
    static func rejectStrayLaterKeys(_ node: DataNode) throws(DataFileError) {
        if let restrictsHere = try node.optional("restricts_here"), try node.optional("policy_push") == nil {
            throw restrictsHere.error("restricts_here belongs to a policy_push event")
        }
    }

    /// `zones_seed`, when present: a whole number.
    static func zonesSeed(_ root: DataNode) throws(DataFileError) -> UInt64? {
        guard let node = try root.optional("zones_seed") else { return nil }
        guard let seed = UInt64(try node.string()) else { throw node.error("zones_seed must be a whole number within 0...2^64-1") }
        return seed
    }

    /// The event's `for_s`: required, finite and above 0.
    private static func positiveDuration(_ node: DataNode) throws(DataFileError) -> Double {
        let length = try node.required("for_s")
        let seconds = try Self.seconds(length, "for_s")
        guard seconds > 0 else { throw length.error("for_s must be a number of seconds above 0") }
        return seconds
    }
}
