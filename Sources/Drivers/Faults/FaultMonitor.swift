import HAL
import Platform

/// Watches the hardware fault inputs (`fault_in`, `over_temperature`) and latches a fault
/// the tick turns into "no hardware fault: false", so transmit drops within the tick that
/// first sees it.
///
/// ## Each tick, before the interlock
/// `update(atNanoseconds:utc:)` drains each input's edge events (kernel-timestamped), then
/// reads its level. A rising edge or an active level latches the source; so does an input
/// that cannot be read (fail closed). Reading the level every tick as well as the edges
/// catches a fault whose events were lost (the kernel keeps 16 per line) and one present
/// before the line was opened (start-up reads the level at once, in `init`).
///
/// ## Latching and clearing
/// A latched source stays in fault after its input goes inactive, until `clear(_:atNanoseconds:utc:)`
/// is called — an operator's or the terminal's explicit decision, audited — and the clear is
/// accepted only when the input is inactive and has been for `minimumQuietNanoseconds`.
///
/// ## Debouncing
/// None on the way in, on purpose: a glitch that trips the monitor costs a transmit pause
/// (the safe direction), while a debounce would delay every real fault by its window and
/// could hide a chattering one. Chatter cannot toggle transmit either, because the fault
/// latches. The way out is "debounced" by the quiet time a clear requires.
///
/// Use from the tick thread only; `update` allocates nothing (one preallocated event buffer).
package final class FaultMonitor {
    /// The state of one source.
    package struct SourceState: Sendable, Hashable {
        /// Whether the input read active at the last update.
        package var isActive: Bool
        /// Whether a fault is latched (active now or not yet cleared).
        package var isLatched: Bool
        /// Why it latched (the first cause since the last clear).
        package var cause: FaultCause?
        /// When the input was last seen active (edge timestamp or update time).
        package var lastActiveNanoseconds: UInt64?
    }

    private struct Input {
        let source: FaultSource
        let line: any GPIOInputLine
        var state = SourceState(isActive: false, isLatched: false, cause: nil, lastActiveNanoseconds: nil)
    }

    /// How long an input must have stayed inactive before a clear is accepted.
    package let minimumQuietNanoseconds: UInt64
    private var inputs: [Input]
    private var events: GPIOEdgeEventBuffer
    private let audit: AuditHandoff?

    /// A monitor of the inputs given (either may be absent on a board). Reads each level
    /// now, so a fault present at start-up is latched before the first tick.
    package init(
        powerAmplifierFault: (any GPIOInputLine)?, overTemperature: (any GPIOInputLine)?, audit: AuditHandoff?,
        atNanoseconds now: UInt64, utc: UTCInstant? = nil, minimumQuietNanoseconds: UInt64 = 100_000_000
    ) {
        self.minimumQuietNanoseconds = minimumQuietNanoseconds
        self.audit = audit
        events = GPIOEdgeEventBuffer(capacity: 16)
        inputs = []
        if let powerAmplifierFault { inputs.append(Input(source: .powerAmplifier, line: powerAmplifierFault)) }
        if let overTemperature { inputs.append(Input(source: .overTemperature, line: overTemperature)) }
        for index in inputs.indices { readLevel(index, now, utc) }
    }

    /// The sources in fault (latched), after taking in every edge and level up to now.
    /// Allocates nothing.
    @discardableResult
    package func update(atNanoseconds now: UInt64, utc: UTCInstant?) -> FaultSourceSet {
        for index in inputs.indices {
            if inputs[index].line.reportsEdges { drainEdges(index, now, utc) }
            readLevel(index, now, utc)
        }
        return latched
    }

    /// The sources in fault (latched).
    package var latched: FaultSourceSet {
        var set = FaultSourceSet()
        for input in inputs where input.state.isLatched { set.insert(FaultSourceSet(input.source)) }
        return set
    }

    /// Whether any source is in fault.
    package var hasFault: Bool { !latched.isEmpty }

    /// The state of `source`, or nil when the board has no such input.
    package func state(of source: FaultSource) -> SourceState? {
        inputs.first { $0.source == source }?.state
    }

    /// Clears the latched fault of `source` (every source when nil) if its input is
    /// inactive and has been quiet for `minimumQuietNanoseconds`; audited. Returns the
    /// sources still latched.
    @discardableResult
    package func clear(_ source: FaultSource? = nil, atNanoseconds now: UInt64, utc: UTCInstant?) -> FaultSourceSet {
        _ = update(atNanoseconds: now, utc: utc)
        for index in inputs.indices where source == nil || inputs[index].source == source {
            let state = inputs[index].state
            guard state.isLatched, !state.isActive else { continue }
            let quiet = state.lastActiveNanoseconds.map { now >= $0 && now - $0 >= minimumQuietNanoseconds } ?? true
            guard quiet else { continue }
            inputs[index].state.isLatched = false
            inputs[index].state.cause = nil
            audit?.submit(DriverAuditRecord(.hardwareFaultCleared(inputs[index].source), monotonicNanoseconds: now, utc: utc))
        }
        return latched
    }

    // MARK: Inputs

    private func drainEdges(_ index: Int, _ now: UInt64, _ utc: UTCInstant?) {
        repeat {
            events.removeAll()
            do {
                try inputs[index].line.pollEvents(into: &events)
            } catch {
                raise(index, .unreadable(errno: error.errno), at: now, now, utc)
                return
            }
            for event in events {
                if event.edge == .rising {
                    raise(
                        index, .edge(timestampNanoseconds: event.timestampNanoseconds), at: event.timestampNanoseconds, now, utc)
                } else {
                    // Active until this falling edge: the quiet time a clear needs counts from here.
                    let last = inputs[index].state.lastActiveNanoseconds ?? 0
                    inputs[index].state.lastActiveNanoseconds = max(last, event.timestampNanoseconds)
                }
            }
        } while events.isFull
    }

    private func readLevel(_ index: Int, _ now: UInt64, _ utc: UTCInstant?) {
        do {
            let active = try inputs[index].line.read() == .active
            inputs[index].state.isActive = active
            if active { raise(index, .level, at: now, now, utc) }
        } catch {
            inputs[index].state.isActive = true
            raise(index, .unreadable(errno: error.errno), at: now, now, utc)
        }
    }

    /// Notes activity at `time`; latches (and audits) if not latched yet.
    private func raise(_ index: Int, _ cause: FaultCause, at time: UInt64, _ now: UInt64, _ utc: UTCInstant?) {
        inputs[index].state.lastActiveNanoseconds = max(inputs[index].state.lastActiveNanoseconds ?? 0, time)
        guard !inputs[index].state.isLatched else { return }
        inputs[index].state.isLatched = true
        inputs[index].state.cause = cause
        audit?.submit(DriverAuditRecord(.hardwareFaultRaised(inputs[index].source, cause), monotonicNanoseconds: now, utc: utc))
    }
}

/// A set of `FaultSource`s in one word (no allocation).
package struct FaultSourceSet: OptionSet, Sendable, Hashable, CustomStringConvertible {
    /// One bit per source, at the source's raw value.
    package var rawValue: UInt8

    /// Wraps a raw bit set.
    package init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The set holding only `source`.
    package init(_ source: FaultSource) {
        rawValue = 1 << UInt8(source.rawValue)
    }

    /// Whether `source` is in the set.
    package func contains(_ source: FaultSource) -> Bool { contains(FaultSourceSet(source)) }

    /// `fault_in,over_temperature`, or `none`.
    package var description: String {
        let names = FaultSource.allCases.filter { contains($0) }.map(\.description)
        return names.isEmpty ? "none" : names.joined(separator: ",")
    }
}
