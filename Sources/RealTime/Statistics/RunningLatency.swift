/// Running figures of one latency series that cost O(1) to update and to read: count, last,
/// minimum, maximum and total (for an exact mean). What a live status can afford every tick;
/// percentiles come from the histograms, away from the tick.
package struct RunningLatency: Sendable, Hashable, BitwiseCopyable {
    /// Number of samples.
    package private(set) var count: UInt64 = 0
    /// The latest sample.
    package private(set) var lastNanoseconds: UInt64 = 0
    /// The smallest sample (0 before any).
    package private(set) var minimumNanoseconds: UInt64 = 0
    /// The largest sample.
    package private(set) var maximumNanoseconds: UInt64 = 0
    /// The sum of all samples (wraps after 584 years of accumulated latency).
    package private(set) var totalNanoseconds: UInt64 = 0

    /// No samples yet.
    package init() {}

    /// The mean of all samples (0 before any).
    package var meanNanoseconds: Double {
        count == 0 ? 0 : Double(totalNanoseconds) / Double(count)
    }

    /// Adds a sample.
    @inline(__always)
    package mutating func record(_ nanoseconds: UInt64) {
        minimumNanoseconds = count == 0 ? nanoseconds : min(minimumNanoseconds, nanoseconds)
        maximumNanoseconds = max(maximumNanoseconds, nanoseconds)
        lastNanoseconds = nanoseconds
        totalNanoseconds &+= nanoseconds
        count &+= 1
    }
}
