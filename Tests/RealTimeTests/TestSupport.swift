import RealTime

/// 1 kHz, with a short health window so tests see the flag fall and recover quickly.
let testConfiguration = LoopConfiguration(healthWindowTicks: 50, statusPublishIntervalTicks: 100)

/// A tick body that keeps every context it is given (storage reserved up front) and, at chosen
/// ticks, stalls the virtual clock as if it computed for a while, or delays the next wake-up.
struct RecordingBody: TickBody {
    let clock: VirtualClock
    /// Tick index → virtual compute time to spend in that tick.
    var computeNanosecondsByTick: [UInt64: Nanoseconds] = [:]
    /// Tick index → extra latency of the wake-up after that tick.
    var nextWakeLatencyByTick: [UInt64: Nanoseconds] = [:]
    /// Called on each tick after it is recorded (for UTC steps, stop requests...).
    var onTick: (TickContext) -> Void = { _ in }
    private(set) var contexts: [TickContext] = []

    init(clock: VirtualClock, reserving capacity: Int) {
        self.clock = clock
        contexts.reserveCapacity(capacity)
    }

    mutating func tick(_ context: TickContext) {
        contexts.append(context)
        onTick(context)
        if let latency = nextWakeLatencyByTick[context.tickIndex] {
            clock.injectWakeLatency(nanoseconds: latency)
        }
        if let compute = computeNanosecondsByTick[context.tickIndex] {
            clock.advance(by: compute)
        }
    }
}

extension TickContext {
    /// Whether this context lies on the 1 kHz grid from origin 0.
    var isOnOneKilohertzGridFromZero: Bool {
        scheduledNanoseconds == Nanoseconds(tickIndex) * 1_000_000
    }
}
