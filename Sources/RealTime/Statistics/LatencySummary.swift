/// The shape of one latency distribution, in nanoseconds: the numbers cyclictest and
/// LinuxCNC's latency test print, read from an HdrHistogram (values within 0.1 %).
package struct LatencySummary: Sendable, Hashable, BitwiseCopyable, CustomStringConvertible {
    /// Number of samples.
    package var count: UInt64
    /// Smallest sample.
    package var minimumNanoseconds: UInt64
    /// Median.
    package var p50Nanoseconds: UInt64
    /// 99th percentile.
    package var p99Nanoseconds: UInt64
    /// 99.9th percentile.
    package var p999Nanoseconds: UInt64
    /// Largest sample.
    package var maximumNanoseconds: UInt64
    /// Mean of all samples.
    package var meanNanoseconds: Double

    /// A summary of no samples: every field zero.
    package static let empty = LatencySummary(
        count: 0, minimumNanoseconds: 0, p50Nanoseconds: 0, p99Nanoseconds: 0, p999Nanoseconds: 0,
        maximumNanoseconds: 0, meanNanoseconds: 0)

    /// Builds a summary from its fields.
    package init(
        count: UInt64, minimumNanoseconds: UInt64, p50Nanoseconds: UInt64, p99Nanoseconds: UInt64,
        p999Nanoseconds: UInt64, maximumNanoseconds: UInt64, meanNanoseconds: Double
    ) {
        self.count = count
        self.minimumNanoseconds = minimumNanoseconds
        self.p50Nanoseconds = p50Nanoseconds
        self.p99Nanoseconds = p99Nanoseconds
        self.p999Nanoseconds = p999Nanoseconds
        self.maximumNanoseconds = maximumNanoseconds
        self.meanNanoseconds = meanNanoseconds
    }

    /// One line in microseconds, e.g. `n=2000 min=3.1 p50=52.0 p99=80.2 p99.9=95.0 max=120.4 µs`.
    package var description: String {
        func microseconds(_ nanoseconds: UInt64) -> String {
            let tenths = (nanoseconds + 50) / 100
            return "\(tenths / 10).\(tenths % 10)"
        }
        return "n=\(count) min=\(microseconds(minimumNanoseconds)) p50=\(microseconds(p50Nanoseconds)) "
            + "p99=\(microseconds(p99Nanoseconds)) p99.9=\(microseconds(p999Nanoseconds)) "
            + "max=\(microseconds(maximumNanoseconds)) µs"
    }
}
