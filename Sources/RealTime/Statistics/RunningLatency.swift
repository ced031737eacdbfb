/// Running figures of one latency series that cost O(1) to update and to read: count, last,
/// minimum, maximum and total (for an exact mean). What a live status can afford every tick;
/// percentiles come from the histograms, away from the tick.
public struct RunningLatency: Sendable, Hashable, BitwiseCopyable {
    /// Number of samples.
    public private(set) var count: UInt64 = 0
    /// The latest sample.
    public private(set) var lastNanoseconds: UInt64 = 0
    /// The smallest sample (0 before any).
    public private(set) var minimumNanoseconds: UInt64 = 0
    /// The largest sample.
    public private(set) var maximumNanoseconds: UInt64 = 0
    /// The sum of all samples (wraps after 584 years of accumulated latency).
    public private(set) var totalNanoseconds: UInt64 = 0

    /// No samples yet.
    public init() {}

    /// The mean of all samples (0 before any).
    public var meanNanoseconds: Double {
        count == 0 ? 0 : Double(totalNanoseconds) / Double(count)
    }

    /// Adds a sample.
    @inline(__always)
    public mutating func record(_ nanoseconds: UInt64) {
        minimumNanoseconds = count == 0 ? nanoseconds : min(minimumNanoseconds, nanoseconds)
        maximumNanoseconds = max(maximumNanoseconds, nanoseconds)
        lastNanoseconds = nanoseconds
        totalNanoseconds &+= nanoseconds
        count &+= 1
    }
}
