import Prometheus

extension PrometheusCollectorRegistry {
    /// The descriptor of a metric named in full (`utermd_loop_ticks_total`), with its HELP.
    private static func descriptor(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    /// The gauge `name` with `labels` (the same one on every call).
    func gauge(_ name: String, labels: [(String, String)] = [], help: String) -> Gauge {
        makeGauge(descriptor: Self.descriptor(name, help: help), labels: labels)
    }

    /// The counter `name` with `labels` (the same one on every call).
    func counter(_ name: String, labels: [(String, String)] = [], help: String) -> Counter {
        makeCounter(descriptor: Self.descriptor(name, help: help), labels: labels)
    }

    /// The histogram of durations `name` (exposed in seconds) with `buckets`.
    func durationHistogram(_ name: String, buckets: [Duration], help: String) -> DurationHistogram {
        makeDurationHistogram(descriptor: Self.descriptor(name, help: help), labels: [], buckets: buckets)
    }
}
