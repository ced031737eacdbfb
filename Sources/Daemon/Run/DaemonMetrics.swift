import CoreMetrics
import Drivers
import Geofence
import RealTime
import Terminal

/// The daemon's metrics, through swift-metrics: the terminal's state, transmit, geofence,
/// handovers and the loop's timing, refreshed once a second from the telemetry (the tick
/// itself never touches a metric: it publishes snapshots, and this turns them into series).
///
/// Names follow Prometheus conventions (`_total` for counters, base units: seconds, metres).
final class DaemonMetrics: @unchecked Sendable {
    // @unchecked: `refresh` runs on the main thread only; the handlers lock themselves.
    private let up: Gauge
    private let states: [TerminalState: Gauge]
    private let actions: [ServiceAction: Gauge]
    private let unmet: [TransmitCondition: Gauge]
    private let transmitEnabled: Gauge
    private let boundaryDistance: Gauge
    private let handovers: Counter
    private let transmitSeconds: FloatingPointCounter
    private let ticks: Counter
    private let overruns: Counter
    private let missedPeriods: Counter
    private let wakeLatency: [String: Gauge]
    private let computeTime: [String: Gauge]
    private let historySamples: Counter
    private let policyVersion: Gauge
    private let outputWriteFailures: Counter
    private let outputLineFaults: [String: Gauge]
    private let loopRecoveryRemaining: Gauge
    private let clockDisagreement: Gauge
    private let positionUncertainty: Gauge
    private let tickPeriodSeconds: Double
    private var last = (
        handovers: UInt64(0), transmitTicks: UInt64(0), ticks: UInt64(0), overruns: UInt64(0), missed: UInt64(0),
        samples: UInt64(0), outputFailures: UInt64(0)
    )

    init(factory: PrometheusMetricsFactory, tickPeriodSeconds: Double) {
        self.tickPeriodSeconds = tickPeriodSeconds
        func describe(_ name: String, _ help: String) { factory.describe(name, help: help) }
        describe("utermd_up", "1 while the daemon runs.")
        describe(
            "utermd_state",
            "1 for the terminal's current state (BOOT, LOCATING, SEARCHING, TRACKING, HANDOVER, RESTRICTED, FAULT, STOWED).")
        describe("utermd_geofence_action", "1 for the geofence action in force (allow, receiveOnly, noService).")
        describe("utermd_transmit_condition_unmet", "1 for each transmit condition not met.")
        describe("utermd_transmit_enabled", "1 while the transmit-enable line is asserted.")
        describe(
            "utermd_geofence_boundary_distance_metres", "Distance to the nearest relevant zone boundary (NaN when none is near).")
        describe("utermd_handovers_total", "Changes of serving satellite.")
        describe("utermd_transmit_seconds_total", "Time with transmit enabled.")
        describe("utermd_loop_ticks_total", "Ticks of the real-time loop.")
        describe("utermd_loop_overruns_total", "Ticks that finished after the next tick's deadline.")
        describe("utermd_loop_missed_periods_total", "Loop periods skipped after overruns.")
        describe("utermd_loop_wake_latency_seconds", "Loop wake-up latency since start, by quantile.")
        describe("utermd_loop_compute_seconds", "Tick compute time since start, by quantile.")
        describe("utermd_history_samples_total", "1 s history samples published by the tick.")
        describe("utermd_policy_version", "Version of the policy in force (0 without one).")
        describe("utermd_output_write_failures_total", "Failed writes and read-backs of output lines (PA supply, status LED).")
        describe("utermd_output_line_fault", "1 while a failed output line's fault is latched, by line.")
        describe("utermd_loop_recovery_remaining_seconds", "Time the loop must stay healthy before transmit may return.")
        describe("utermd_clock_disagreement_seconds", "GNSS fix time minus the system clock at the fix.")
        describe("utermd_position_uncertainty_metres", "The geofence's margin: the fix's uncertainty grown by its age.")
        outputWriteFailures = Counter(label: "utermd_output_write_failures_total", factory: factory)
        outputLineFaults = Dictionary(
            uniqueKeysWithValues: ["pa_power", "status_led"].map {
                ($0, Gauge(label: "utermd_output_line_fault", dimensions: [("line", $0)], factory: factory))
            })
        loopRecoveryRemaining = Gauge(label: "utermd_loop_recovery_remaining_seconds", factory: factory)
        clockDisagreement = Gauge(label: "utermd_clock_disagreement_seconds", factory: factory)
        positionUncertainty = Gauge(label: "utermd_position_uncertainty_metres", factory: factory)
        up = Gauge(label: "utermd_up", factory: factory)
        states = Dictionary(
            uniqueKeysWithValues: TerminalState.allCases.map {
                ($0, Gauge(label: "utermd_state", dimensions: [("state", $0.description)], factory: factory))
            })
        actions = Dictionary(
            uniqueKeysWithValues: ServiceAction.allCases.map {
                ($0, Gauge(label: "utermd_geofence_action", dimensions: [("action", $0.description)], factory: factory))
            })
        unmet = Dictionary(
            uniqueKeysWithValues: TransmitCondition.allCases.map {
                (
                    $0,
                    Gauge(label: "utermd_transmit_condition_unmet", dimensions: [("condition", $0.description)], factory: factory)
                )
            })
        transmitEnabled = Gauge(label: "utermd_transmit_enabled", factory: factory)
        boundaryDistance = Gauge(label: "utermd_geofence_boundary_distance_metres", factory: factory)
        handovers = Counter(label: "utermd_handovers_total", factory: factory)
        transmitSeconds = FloatingPointCounter(label: "utermd_transmit_seconds_total", factory: factory)
        ticks = Counter(label: "utermd_loop_ticks_total", factory: factory)
        overruns = Counter(label: "utermd_loop_overruns_total", factory: factory)
        missedPeriods = Counter(label: "utermd_loop_missed_periods_total", factory: factory)
        let quantiles = ["0.5", "0.99", "0.999", "1"]
        wakeLatency = Dictionary(
            uniqueKeysWithValues: quantiles.map {
                ($0, Gauge(label: "utermd_loop_wake_latency_seconds", dimensions: [("quantile", $0)], factory: factory))
            })
        computeTime = Dictionary(
            uniqueKeysWithValues: quantiles.map {
                ($0, Gauge(label: "utermd_loop_compute_seconds", dimensions: [("quantile", $0)], factory: factory))
            })
        historySamples = Counter(label: "utermd_history_samples_total", factory: factory)
        policyVersion = Gauge(label: "utermd_policy_version", factory: factory)
        up.record(1)
    }

    /// Brings every series up to date (main thread, once a second).
    func refresh(snapshot: TerminalSnapshot, loop: LoopStatisticsSummary?, historyTotal: UInt64, policyVersion version: Int?) {
        for (state, gauge) in states { gauge.record(state == snapshot.state ? 1 : 0) }
        for (action, gauge) in actions { gauge.record(action.rawValue == Int(snapshot.geofenceAction) ? 1 : 0) }
        let unmetSet = TransmitConditionSet(rawValue: snapshot.unmetConditions)
        for (condition, gauge) in unmet { gauge.record(unmetSet.contains(condition) ? 1 : 0) }
        transmitEnabled.record(snapshot.transmitEnabled ? 1 : 0)
        boundaryDistance.record(snapshot.boundaryDistanceMetres)
        handovers.increment(by: Int64(clamping: snapshot.handovers &- last.handovers))
        transmitSeconds.increment(by: Double(snapshot.transmitTicks &- last.transmitTicks) * tickPeriodSeconds)
        historySamples.increment(by: Int64(clamping: historyTotal &- last.samples))
        outputWriteFailures.increment(by: Int64(clamping: snapshot.outputWriteFailures &- last.outputFailures))
        last.outputFailures = snapshot.outputWriteFailures
        outputLineFaults["pa_power"]?.record(snapshot.powerAmplifierWriteFault ? 1 : 0)
        outputLineFaults["status_led"]?.record(snapshot.statusLEDFault ? 1 : 0)
        loopRecoveryRemaining.record(Double(snapshot.loopRecoveryRemainingMilliseconds) / 1e3)
        clockDisagreement.record(Double(snapshot.clockDisagreementMilliseconds) / 1e3)
        positionUncertainty.record(snapshot.grownUncertaintyMetres)
        last.handovers = snapshot.handovers
        last.transmitTicks = snapshot.transmitTicks
        last.samples = historyTotal
        policyVersion.record(Double(version ?? 0))
        guard let loop else { return }
        ticks.increment(by: Int64(clamping: loop.executedTicks &- last.ticks))
        overruns.increment(by: Int64(clamping: loop.overruns &- last.overruns))
        missedPeriods.increment(by: Int64(clamping: loop.missedPeriods &- last.missed))
        last.ticks = loop.executedTicks
        last.overruns = loop.overruns
        last.missed = loop.missedPeriods
        func record(_ gauges: [String: Gauge], _ summary: LatencySummary) {
            gauges["0.5"]?.record(Double(summary.p50Nanoseconds) / 1e9)
            gauges["0.99"]?.record(Double(summary.p99Nanoseconds) / 1e9)
            gauges["0.999"]?.record(Double(summary.p999Nanoseconds) / 1e9)
            gauges["1"]?.record(Double(summary.maximumNanoseconds) / 1e9)
        }
        record(wakeLatency, loop.wakeLatency)
        record(computeTime, loop.computeTime)
    }
}
