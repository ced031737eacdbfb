import Drivers
import HAL
import Platform

/// A GPIO backend whose input edges carry the run's virtual time.
///
/// The kernel stamps edge events with its `CLOCK_MONOTONIC`; a scenario runs on the loop's
/// virtual clock, which runs ahead of the wall clock between events. Each edge drained by
/// the loop gets the virtual time of the tick that drained it (when the firmware learned of
/// it), so the fault monitor's quiet-time arithmetic stays in one clock. How long the edge
/// waited between the kernel's stamp and the loop's drain — a real latency of the bench —
/// is kept in `edgeDrainLatency`.
package final class ReclockedGPIO<Base: GPIOBackend>: GPIOBackend {
    /// The backend the lines come from.
    package let base: Base
    private let virtualNow: () -> Int64
    private let latency = LatencyBox()

    /// Wraps `base`; `virtualNow` reads the loop's clock (loop thread only).
    package init(_ base: Base, virtualNow: @escaping () -> Int64) {
        self.base = base
        self.virtualNow = virtualNow
    }

    package var board: BoardProfile { base.board }

    /// Edges drained so far and the longest kernel-to-drain wait.
    package var edgeDrainLatency: EdgeDrainLatency { latency.value }

    package func openOutput(_ role: GPIORole) throws(GPIOError) -> Base.OutputLine { try base.openOutput(role) }

    package func openInput(_ role: GPIORole, edgeEvents: Bool) throws(GPIOError) -> ReclockedInputLine<Base.InputLine> {
        ReclockedInputLine(try base.openInput(role, edgeEvents: edgeEvents), virtualNow: virtualNow, latency: latency)
    }
}

/// How long edges waited between the kernel's timestamp and the loop's drain.
package struct EdgeDrainLatency: Sendable {
    /// Edges drained.
    package var count = 0
    /// The longest wait from the kernel's stamp to the drain, nanoseconds.
    package var worstNanoseconds: UInt64 = 0
}

/// The drain statistics, shared by the lines of one backend (loop thread only).
final class LatencyBox {
    var value = EdgeDrainLatency()
}

/// An input line of `ReclockedGPIO`.
package final class ReclockedInputLine<Base: GPIOInputLine>: GPIOInputLine {
    private let base: Base
    private let virtualNow: () -> Int64
    private let latency: LatencyBox

    init(_ base: Base, virtualNow: @escaping () -> Int64, latency: LatencyBox) {
        self.base = base
        self.virtualNow = virtualNow
        self.latency = latency
    }

    package var role: GPIORole { base.role }
    package var reportsEdges: Bool { base.reportsEdges }
    package func read() throws(GPIOError) -> LogicalLevel { try base.read() }
    package func release() { base.release() }

    package func pollEvents(into buffer: inout GPIOEdgeEventBuffer) throws(GPIOError) -> Int {
        let first = buffer.count
        let added = try base.pollEvents(into: &buffer)
        guard added > 0 else { return 0 }
        let drained = MonotonicTime.unsignedNanoseconds()
        let now = UInt64(max(0, virtualNow()))
        for index in first..<buffer.count {
            let stamp = buffer[index].timestampNanoseconds
            latency.value.count += 1
            if drained > stamp { latency.value.worstNanoseconds = max(latency.value.worstNanoseconds, drained - stamp) }
            buffer.restamp(index, timestampNanoseconds: now)
        }
        return added
    }

    package func readEvent(timeout: Duration) throws(GPIOError) -> GPIOEdgeEvent? {
        guard var event = try base.readEvent(timeout: timeout) else { return nil }
        event.timestampNanoseconds = UInt64(max(0, virtualNow()))
        return event
    }
}
