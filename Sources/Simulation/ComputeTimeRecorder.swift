import Terminal

/// Per-tick compute times of a simulated run, measured on the real monotonic clock around
/// each tick (the virtual clock does not advance while a tick computes): a fixed histogram of
/// 1 µs buckets up to 20 ms, allocated once.
struct ComputeTimeRecorder {
    private var buckets = [UInt64](repeating: 0, count: 20_001)
    private(set) var count: UInt64 = 0
    private(set) var maximumNanoseconds: UInt64 = 0
    private(set) var overPeriod: UInt64 = 0
    let periodNanoseconds: UInt64

    init(periodNanoseconds: UInt64) { self.periodNanoseconds = periodNanoseconds }

    mutating func record(_ nanoseconds: UInt64) {
        buckets[Int(min(nanoseconds / 1_000, 20_000))] += 1
        count += 1
        maximumNanoseconds = max(maximumNanoseconds, nanoseconds)
        if nanoseconds > periodNanoseconds { overPeriod += 1 }
    }

    /// The histogram in roughly logarithmic buckets (1, 2, 5, 10, 20, 50 µs, ...): upper
    /// bounds in microseconds and counts.
    func logarithmicBuckets() -> (upperBoundsMicroseconds: [Double], counts: [UInt64]) {
        var bounds: [Double] = []
        var counts: [UInt64] = []
        var lower = 0
        for upper in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_001] {
            bounds.append(Double(upper))
            counts.append(buckets[lower..<min(upper, buckets.count)].reduce(0, +))
            lower = min(upper, buckets.count)
        }
        return (bounds, counts)
    }

    /// The value below which `fraction` of the samples lie (bucket resolution: 1 µs).
    func percentile(_ fraction: Double) -> UInt64 {
        guard count > 0 else { return 0 }
        let target = UInt64((Double(count) * fraction).rounded(.up))
        var running: UInt64 = 0
        for (index, value) in buckets.enumerated() {
            running += value
            if running >= target { return UInt64(index + 1) * 1_000 }
        }
        return maximumNanoseconds
    }
}
