import CoreMetrics
import Testing

@testable import Daemon

/// The swift-metrics backend and its text exposition format 0.0.4.
@Suite struct PrometheusMetricsTests {
    @Test func countersGaugesAndHelp() {
        let factory = PrometheusMetricsFactory()
        factory.describe("utermd_handovers_total", help: "Handovers since start.\nSecond line \\ backslash")
        let counter = Counter(label: "utermd_handovers_total", factory: factory)
        counter.increment()
        counter.increment(by: 4)
        Gauge(label: "utermd.transmit-enabled", dimensions: [("board", "sim")], factory: factory).record(1)
        let meter = Meter(label: "utermd_queue", factory: factory)
        meter.set(3.5)
        meter.increment(by: 1)
        let text = factory.render()
        #expect(
            text.contains(
                "# HELP utermd_handovers_total Handovers since start.\\nSecond line \\\\ backslash\n# TYPE utermd_handovers_total counter\nutermd_handovers_total 5\n"
            ))
        #expect(text.contains("# TYPE utermd_transmit_enabled gauge\nutermd_transmit_enabled{board=\"sim\"} 1\n"))
        #expect(text.contains("utermd_queue 4.5\n"))
        #expect(text.contains("# HELP utermd_transmit_enabled utermd_transmit_enabled\n"), "a default HELP line")
    }

    @Test func labelValuesEscapedAndNamesSanitised() {
        let factory = PrometheusMetricsFactory()
        Counter(label: "9 bad-name", dimensions: [("zone", "a \"quoted\"\\path\nnext"), ("__reserved", "x")], factory: factory)
            .increment()
        let text = factory.render()
        #expect(text.contains("__bad_name{zone=\"a \\\"quoted\\\"\\\\path\\nnext\",x__reserved=\"x\"} 1\n"), "\(text)")
    }

    @Test func timersAndRecordersAreHistograms() {
        let factory = PrometheusMetricsFactory()
        let timer = Timer(label: "utermd_request_seconds", factory: factory)
        timer.recordNanoseconds(3_000)  // 3 µs
        timer.recordNanoseconds(2_000_000)  // 2 ms
        timer.recordNanoseconds(20_000_000_000)  // 20 s, above every bucket
        let text = factory.render()
        #expect(text.contains("# TYPE utermd_request_seconds histogram\n"))
        #expect(text.contains("utermd_request_seconds_bucket{le=\"1e-05\"} 1\n"))
        #expect(text.contains("utermd_request_seconds_bucket{le=\"0.0025\"} 2\n"))
        #expect(text.contains("utermd_request_seconds_bucket{le=\"10\"} 2\n"))
        #expect(text.contains("utermd_request_seconds_bucket{le=\"+Inf\"} 3\n"))
        #expect(text.contains("utermd_request_seconds_count 3\n"))
        #expect(text.contains("utermd_request_seconds_sum 20.002003\n"))
        Recorder(label: "utermd_sizes", factory: factory).record(0.3)
        #expect(factory.render().contains("utermd_sizes_bucket{le=\"0.5\"} 1\n"))
    }

    @Test func aTypeClashDoesNotBreakTheExposition() {
        let factory = PrometheusMetricsFactory()
        Counter(label: "utermd_x", factory: factory).increment()
        Gauge(label: "utermd_x", factory: factory).record(42)
        let text = factory.render()
        #expect(text.contains("# TYPE utermd_x counter\nutermd_x 1\n"))
        #expect(!text.contains("42"))
    }

    @Test func destroyedMetricsDisappear() {
        let factory = PrometheusMetricsFactory()
        let counter = Counter(label: "utermd_gone", factory: factory)
        counter.increment()
        counter.destroy()
        #expect(!factory.render().contains("utermd_gone"))
    }

    @Test func values() {
        #expect(PrometheusText.value(.nan) == "NaN")
        #expect(PrometheusText.value(.infinity) == "+Inf")
        #expect(PrometheusText.value(-.infinity) == "-Inf")
        #expect(PrometheusText.value(2) == "2")
        #expect(PrometheusText.value(0.25) == "0.25")
    }
}
