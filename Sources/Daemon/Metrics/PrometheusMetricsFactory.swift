import CoreMetrics
import Foundation

/// A swift-metrics backend that keeps every metric in memory and renders them in the
/// Prometheus text exposition format 0.0.4, for the status API's `/metrics`.
///
/// Counters become `counter`s; gauges (non-aggregating recorders) and meters `gauge`s;
/// aggregating recorders and timers `histogram`s (timers in seconds, the format's base unit).
/// Labels are sanitised into valid metric names (`utermd.loop.overruns` →
/// `utermd_loop_overruns`); dimensions become labels, their values escaped. A name first
/// registered as one type keeps it: a later registration of another type under the same
/// name gets a handler that records nowhere, rather than a broken exposition.
///
/// ```swift
/// let metrics = PrometheusMetricsFactory()
/// MetricsSystem.bootstrap(metrics)
/// metrics.describe("utermd_loop_overruns_total", help: "Ticks that finished after the next deadline.")
/// Counter(label: "utermd_loop_overruns_total").increment()
/// print(metrics.render())
/// ```
public final class PrometheusMetricsFactory: MetricsFactory, @unchecked Sendable {
    // @unchecked: `families` and `help` are read and written under `lock`; series lock themselves.

    /// Bucket bounds of timers, seconds: 10 µs to 10 s.
    public static let timerBuckets: [Double] = [
        0.000_01, 0.000_05, 0.000_1, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]
    /// Bucket bounds of aggregating recorders (the Prometheus client default).
    public static let recorderBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Family {
        var kind: PrometheusSeries.Kind
        var series: [String: PrometheusSeries] = [:]
    }

    private let lock = NSLock()
    private var families: [String: Family] = [:]
    private var help: [String: String] = [:]

    /// An empty registry.
    public init() {}

    /// Sets the HELP text of a metric (by its Prometheus name or its swift-metrics label).
    public func describe(_ label: String, help text: String) {
        lock.withLock { help[PrometheusText.metricName(label)] = text }
    }

    private func series(
        _ label: String, _ dimensions: [(String, String)], kind: PrometheusSeries.Kind, buckets: [Double] = []
    ) -> PrometheusSeries {
        let name = PrometheusText.metricName(label)
        let key = PrometheusText.labelSet(dimensions)
        return lock.withLock {
            var family = families[name] ?? Family(kind: kind)
            guard family.kind == kind else { return PrometheusSeries(kind: kind, labels: dimensions, bucketBounds: buckets) }
            if let existing = family.series[key] { return existing }
            let created = PrometheusSeries(kind: kind, labels: dimensions, bucketBounds: buckets)
            family.series[key] = created
            families[name] = family
            return created
        }
    }

    /// A counter series (`counter`).
    public func makeCounter(label: String, dimensions: [(String, String)]) -> CounterHandler {
        PrometheusCounter(series: series(label, dimensions, kind: .counter))
    }

    /// A floating-point counter series (`counter`).
    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> FloatingPointCounterHandler {
        PrometheusCounter(series: series(label, dimensions, kind: .counter))
    }

    /// A meter series (`gauge`).
    public func makeMeter(label: String, dimensions: [(String, String)]) -> MeterHandler {
        PrometheusGauge(series: series(label, dimensions, kind: .gauge))
    }

    /// An aggregating recorder (`histogram`) or a gauge (`gauge`).
    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> RecorderHandler {
        aggregate
            ? PrometheusHistogram(series: series(label, dimensions, kind: .histogram, buckets: Self.recorderBuckets))
            : PrometheusGauge(series: series(label, dimensions, kind: .gauge))
    }

    /// A timer series (`histogram`, seconds).
    public func makeTimer(label: String, dimensions: [(String, String)]) -> TimerHandler {
        PrometheusTimer(series: series(label, dimensions, kind: .histogram, buckets: Self.timerBuckets))
    }

    /// Removes the counter's series from the exposition.
    public func destroyCounter(_ handler: CounterHandler) { remove((handler as? PrometheusCounter)?.series) }
    /// Removes the counter's series from the exposition.
    public func destroyFloatingPointCounter(_ handler: FloatingPointCounterHandler) {
        remove((handler as? PrometheusCounter)?.series)
    }
    /// Removes the meter's series from the exposition.
    public func destroyMeter(_ handler: MeterHandler) { remove((handler as? PrometheusGauge)?.series) }
    /// Removes the recorder's series from the exposition.
    public func destroyRecorder(_ handler: RecorderHandler) {
        remove((handler as? PrometheusGauge)?.series ?? (handler as? PrometheusHistogram)?.series)
    }
    /// Removes the timer's series from the exposition.
    public func destroyTimer(_ handler: TimerHandler) { remove((handler as? PrometheusTimer)?.series) }

    private func remove(_ target: PrometheusSeries?) {
        guard let target else { return }
        lock.withLock {
            for (name, family) in families {
                guard let key = family.series.first(where: { $0.value === target })?.key else { continue }
                families[name]?.series[key] = nil
                if families[name]?.series.isEmpty == true { families[name] = nil }
                return
            }
        }
    }

    /// Every metric in the text format, families sorted by name, series by label set.
    public func render() -> String {
        let (snapshot, helpTexts) = lock.withLock { (families, help) }
        var output = ""
        for name in snapshot.keys.sorted() {
            guard let family = snapshot[name] else { continue }
            output += "# HELP \(name) \(PrometheusText.escapeHelp(helpTexts[name] ?? name))\n"
            output += "# TYPE \(name) \(family.kind.rawValue)\n"
            for key in family.series.keys.sorted() {
                guard let series = family.series[key] else { continue }
                output += Self.samples(name: name, series: series)
            }
        }
        return output
    }

    private static func samples(name: String, series: PrometheusSeries) -> String {
        let reading = series.read()
        switch series.kind {
        case .counter, .gauge:
            return "\(name)\(PrometheusText.labelSet(series.labels)) \(PrometheusText.value(reading.value))\n"
        case .histogram:
            var lines = ""
            for (bound, count) in zip(series.bucketBounds, reading.cumulativeBuckets) {
                let labels = PrometheusText.labelSet(series.labels + [("le", PrometheusText.value(bound))])
                lines += "\(name)_bucket\(labels) \(count)\n"
            }
            lines += "\(name)_bucket\(PrometheusText.labelSet(series.labels + [("le", "+Inf")])) \(reading.count)\n"
            lines += "\(name)_sum\(PrometheusText.labelSet(series.labels)) \(PrometheusText.value(reading.sum))\n"
            lines += "\(name)_count\(PrometheusText.labelSet(series.labels)) \(reading.count)\n"
            return lines
        }
    }
}
