import Metrics
import Prometheus

/// The daemon's metrics registry (swift-prometheus): what `/metrics` renders, in the
/// Prometheus text exposition format 0.0.4. ``DaemonMetrics`` registers the terminal's series
/// in it directly (with their HELP text); libraries that speak swift-metrics reach it through
/// ``bootstrapSwiftMetrics()``.
package final class MetricsRegistry: Sendable {
    /// The `Content-Type` of the text format.
    package static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The swift-prometheus registry.
    package let registry: PrometheusCollectorRegistry

    /// An empty registry.
    package init() { registry = PrometheusCollectorRegistry() }

    /// Routes swift-metrics (`Counter`, `Gauge`, `Timer`, ...) into this registry, once per process.
    package func bootstrapSwiftMetrics() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }

    /// Every series in the text format.
    package func render() -> String { registry.emitToString() }

    /// Counts one status API request by path and status code.
    package func countRequest(path: String, status: Int) {
        registry.counter(
            "utermd_http_requests_total", labels: [("path", path), ("status", "\(status)")],
            help: "Status API requests by path and status code."
        ).increment()
    }
}
