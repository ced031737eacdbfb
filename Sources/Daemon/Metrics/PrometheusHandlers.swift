import CoreMetrics
import Foundation

/// One time series' storage: the handlers swift-metrics hands out write into these, the
/// renderer reads them. Each is guarded by its own lock (writers are the daemon's threads,
/// never the real-time tick, which publishes through mailboxes instead).
final class PrometheusSeries: @unchecked Sendable {
    // @unchecked: every mutable field is read and written under `lock`.

    /// What the series measures, which decides its Prometheus type.
    enum Kind: String {
        case counter, gauge, histogram
    }

    let kind: Kind
    let labels: [(String, String)]
    /// Upper bounds of the histogram buckets (empty for counters and gauges).
    let bucketBounds: [Double]
    private let lock = NSLock()
    private var value = 0.0
    private var bucketCounts: [UInt64]
    private var count: UInt64 = 0
    private var sum = 0.0

    init(kind: Kind, labels: [(String, String)], bucketBounds: [Double] = []) {
        self.kind = kind
        self.labels = labels
        self.bucketBounds = bucketBounds
        bucketCounts = Array(repeating: 0, count: bucketBounds.count)
    }

    func add(_ amount: Double) { lock.withLock { value += amount } }
    func set(_ newValue: Double) { lock.withLock { value = newValue } }
    func reset() { lock.withLock { value = 0 } }

    func observe(_ sample: Double) {
        lock.withLock {
            count += 1
            sum += sample
            if let bucket = bucketBounds.firstIndex(where: { sample <= $0 }) { bucketCounts[bucket] += 1 }
        }
    }

    /// A consistent copy: (value, cumulative bucket counts, count, sum).
    func read() -> (value: Double, cumulativeBuckets: [UInt64], count: UInt64, sum: Double) {
        lock.withLock {
            var running: UInt64 = 0
            let cumulative = bucketCounts.map { count -> UInt64 in
                running += count
                return running
            }
            return (value, cumulative, count, sum)
        }
    }
}

/// `Counter` → a Prometheus counter.
final class PrometheusCounter: CounterHandler, FloatingPointCounterHandler, @unchecked Sendable {
    // @unchecked: the only state is the series, which locks.
    let series: PrometheusSeries
    init(series: PrometheusSeries) { self.series = series }
    func increment(by amount: Int64) { series.add(Double(max(0, amount))) }
    func increment(by amount: Double) { if amount > 0 { series.add(amount) } }
    func reset() { series.reset() }
}

/// `Gauge` (a non-aggregating recorder) and `Meter` → a Prometheus gauge.
final class PrometheusGauge: RecorderHandler, MeterHandler, @unchecked Sendable {
    // @unchecked: the only state is the series, which locks.
    let series: PrometheusSeries
    init(series: PrometheusSeries) { self.series = series }
    func record(_ value: Int64) { series.set(Double(value)) }
    func record(_ value: Double) { series.set(value) }
    func set(_ value: Int64) { series.set(Double(value)) }
    func set(_ value: Double) { series.set(value) }
    func increment(by amount: Double) { series.add(amount) }
    func decrement(by amount: Double) { series.add(-amount) }
}

/// An aggregating `Recorder` → a Prometheus histogram of the recorded values.
final class PrometheusHistogram: RecorderHandler, @unchecked Sendable {
    // @unchecked: the only state is the series, which locks.
    let series: PrometheusSeries
    init(series: PrometheusSeries) { self.series = series }
    func record(_ value: Int64) { series.observe(Double(value)) }
    func record(_ value: Double) { series.observe(value) }
}

/// `Timer` → a Prometheus histogram in seconds (the format's base unit).
final class PrometheusTimer: TimerHandler, @unchecked Sendable {
    // @unchecked: the only state is the series, which locks.
    let series: PrometheusSeries
    init(series: PrometheusSeries) { self.series = series }
    func recordNanoseconds(_ duration: Int64) { series.observe(Double(duration) / 1e9) }
}
