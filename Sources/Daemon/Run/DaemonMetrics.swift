import Drivers
import Geofence
import Prometheus
import RealTime
import Terminal

/// The daemon's metrics on swift-prometheus: the terminal's state, transmit, geofence,
/// handovers, obstruction, outage, GNSS fix, beam direction, build, and the loop's timing as
/// histograms, refreshed once a second from the telemetry (the tick itself never touches a
/// metric: it publishes snapshots and timing samples through wait-free hand-offs, and this
/// turns them into series on the main thread).
///
/// Names follow Prometheus conventions (`_total` for counters, base units: seconds, metres,
/// `_degrees` for angles, `_ratio` for fractions); `promtool check metrics` accepts the page.
final class DaemonMetrics {
    // Used on the main thread only (`refresh`, `observe`); the series lock themselves.
    private let states: [TerminalState: Gauge]
    private let actions: [ServiceAction: Gauge]
    private let disablementCodes: [DisablementCode: Gauge]
    private let permittedConstellations: [ConstellationName: Gauge]
    private let unmet: [TransmitCondition: Gauge]
    private let outages: [OutageCause: Gauge]
    private let transmitEnabled: Gauge
    private let boundaryDistance: Gauge
    private let handovers: Counter
    private let transmitSeconds: Counter
    private let ticks: Counter
    private let overruns: Counter
    private let missedPeriods: Counter
    private let wakeLatency: DurationHistogram
    private let computeTime: DurationHistogram
    private let historySamples: Counter
    private let policyVersion: Gauge
    private let outputWriteFailures: Counter
    private let outputLineFaults: [String: Gauge]
    private let loopRecoveryRemaining: Gauge
    private let clockDisagreement: Gauge
    private let positionUncertainty: Gauge
    private let obstructionFraction: Gauge
    private let obstructionValidSeconds: Gauge
    private let currentlyObstructed: Gauge
    private let fixAge: Gauge
    private let fixAccuracy: Gauge
    private let beamAzimuth: Gauge
    private let beamElevation: Gauge
    private let tickPeriodSeconds: Double
    private var last = (
        handovers: UInt64(0), transmitTicks: UInt64(0), ticks: UInt64(0), overruns: UInt64(0), missed: UInt64(0),
        samples: UInt64(0), outputFailures: UInt64(0)
    )

    /// Bucket bounds of the loop's wake-up latency and compute time: 5 µs to 100 ms, dense
    /// around a 1 ms tick.
    static let loopBuckets: [Duration] = [
        .microseconds(5), .microseconds(10), .microseconds(20), .microseconds(50), .microseconds(100),
        .microseconds(200), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
        .milliseconds(10), .milliseconds(100),
    ]

    init(registry: PrometheusCollectorRegistry, tickPeriodSeconds: Double, softwareVersion: String) {
        self.tickPeriodSeconds = tickPeriodSeconds
        let r = registry
        r.gauge("utermd_up", help: "1 while the daemon runs.").set(to: 1)
        r.gauge("utermd_build_info", labels: [("version", softwareVersion)],
            help: "1, labelled with the software version.").set(to: 1)
        states = Dictionary(
            uniqueKeysWithValues: TerminalState.allCases.map {
                (
                    $0,
                    r.gauge("utermd_state", labels: [("state", $0.description)],
                        help: "1 for the terminal's current state (BOOT, LOCATING, SEARCHING, TRACKING, HANDOVER, RESTRICTED, FAULT, STOWED).")
                )
            })
        actions = Dictionary(
            uniqueKeysWithValues: ServiceAction.allCases.map {
                (
                    $0,
                    r.gauge("utermd_geofence_action", labels: [("action", $0.description)],
                        help: "1 for the geofence action in force (allow, receiveOnly, noService).")
                )
            })
        disablementCodes = Dictionary(
            uniqueKeysWithValues: DisablementCode.allCases.map {
                (
                    $0,
                    r.gauge("utermd_service_disablement_code", labels: [("code", $0.rawValue)],
                        help: "1 for the service rules' reason code in force (the dish's disablement_code: OKAY, BLOCKED_COUNTRY, ...).")
                )
            })
        permittedConstellations = Dictionary(
            uniqueKeysWithValues: ConstellationName.allCases.map {
                (
                    $0,
                    r.gauge("utermd_service_constellation_permitted", labels: [("constellation", $0.rawValue)],
                        help: "1 when the constellation may transmit here for this terminal under the policy and its plan.")
                )
            })
        unmet = Dictionary(
            uniqueKeysWithValues: TransmitCondition.allCases.map {
                (
                    $0,
                    r.gauge("utermd_transmit_condition_unmet", labels: [("condition", $0.description)],
                        help: "1 for each transmit condition not met.")
                )
            })
        outages = Dictionary(
            uniqueKeysWithValues: OutageCause.allCases.map {
                (
                    $0,
                    r.gauge("utermd_outage", labels: [("cause", $0.description)],
                        help: "1 for the cause of the current outage (all 0 while connected).")
                )
            })
        transmitEnabled = r.gauge("utermd_transmit_enabled", help: "1 while the transmit-enable line is asserted.")
        boundaryDistance = r.gauge("utermd_geofence_boundary_distance_metres",
            help: "Distance to the nearest relevant zone boundary (NaN when none is near).")
        handovers = r.counter("utermd_handovers_total", help: "Changes of serving satellite.")
        transmitSeconds = r.counter("utermd_transmit_seconds_total", help: "Time with transmit enabled.")
        ticks = r.counter("utermd_loop_ticks_total", help: "Ticks of the real-time loop.")
        overruns = r.counter("utermd_loop_overruns_total", help: "Ticks that finished after the next tick's deadline.")
        missedPeriods = r.counter("utermd_loop_missed_periods_total", help: "Loop periods skipped after overruns.")
        wakeLatency = r.durationHistogram("utermd_loop_wake_latency_seconds", buckets: Self.loopBuckets,
            help: "Wake-up latency of every tick of the real-time loop (how late it woke after its deadline).")
        computeTime = r.durationHistogram("utermd_loop_compute_seconds", buckets: Self.loopBuckets,
            help: "Compute time of every tick of the real-time loop.")
        historySamples = r.counter("utermd_history_samples_total", help: "1 s history samples published by the tick.")
        policyVersion = r.gauge("utermd_policy_version", help: "Version of the policy in force (0 without one).")
        outputWriteFailures = r.counter("utermd_output_write_failures_total",
            help: "Failed writes and read-backs of output lines (PA supply, status LED).")
        outputLineFaults = Dictionary(
            uniqueKeysWithValues: ["pa_power", "status_led"].map {
                (
                    $0,
                    r.gauge("utermd_output_line_fault", labels: [("line", $0)],
                        help: "1 while a failed output line's fault is latched, by line.")
                )
            })
        loopRecoveryRemaining = r.gauge("utermd_loop_recovery_remaining_seconds",
            help: "Time the loop must stay healthy before transmit may return.")
        clockDisagreement = r.gauge("utermd_clock_disagreement_seconds", help: "GNSS fix time minus the system clock at the fix.")
        positionUncertainty = r.gauge("utermd_position_uncertainty_metres", help: "The geofence's margin: the fix's uncertainty grown by its age.")
        obstructionFraction = r.gauge("utermd_obstruction_fraction_ratio",
            help: "Fraction of the learned sky that is obstructed (the dish's fraction_obstructed).")
        obstructionValidSeconds = r.gauge("utermd_obstruction_valid_seconds", help: "Seconds of observation behind the obstruction map (valid_s).")
        currentlyObstructed = r.gauge("utermd_obstruction_currently_obstructed", help: "1 while the beam's direction is obstructed.")
        fixAge = r.gauge("utermd_gnss_fix_age_seconds", help: "Age of the last position fix (NaN before the first).")
        fixAccuracy = r.gauge("utermd_gnss_fix_horizontal_accuracy_metres",
            help: "Horizontal uncertainty the last position fix reported (NaN before the first).")
        beamAzimuth = r.gauge("utermd_beam_azimuth_degrees", help: "Azimuth the beam is steered to, degrees from north (NaN when idle).")
        beamElevation = r.gauge("utermd_beam_elevation_degrees", help: "Elevation the beam is steered to, degrees (NaN when idle).")
    }

    /// One tick's timing sample into the loop histograms (main thread, while draining the ring).
    func observe(_ sample: TickTimingSample) {
        wakeLatency.recordNanoseconds(Int64(clamping: sample.wakeLatencyNanoseconds))
        computeTime.recordNanoseconds(Int64(clamping: sample.computeTimeNanoseconds))
    }

    /// Brings every series up to date (main thread, once a second).
    func refresh(
        snapshot: TerminalSnapshot, loop: LoopStatisticsSummary?, historyTotal: UInt64, policyVersion version: Int?,
        obstruction: ObstructionSummary, fix: FixSnapshot, nowNanoseconds: UInt64
    ) {
        for (state, gauge) in states { gauge.set(to: state == snapshot.state ? 1 : 0) }
        for (action, gauge) in actions { gauge.set(to: action.rawValue == Int(snapshot.geofenceAction) ? 1 : 0) }
        for (code, gauge) in disablementCodes { gauge.set(to: code == snapshot.service.code ? 1 : 0) }
        for (name, gauge) in permittedConstellations {
            gauge.set(to: snapshot.service.permittedConstellations.contains(name) ? 1 : 0)
        }
        let unmetSet = TransmitConditionSet(rawValue: snapshot.unmetConditions)
        for (condition, gauge) in unmet { gauge.set(to: unmetSet.contains(condition) ? 1 : 0) }
        for (cause, gauge) in outages { gauge.set(to: snapshot.outage == cause ? 1 : 0) }
        transmitEnabled.set(to: snapshot.transmitEnabled ? 1 : 0)
        boundaryDistance.set(to: snapshot.boundaryDistanceMetres)
        handovers.increment(by: Int64(clamping: snapshot.handovers &- last.handovers))
        transmitSeconds.increment(by: Double(snapshot.transmitTicks &- last.transmitTicks) * tickPeriodSeconds)
        historySamples.increment(by: Int64(clamping: historyTotal &- last.samples))
        outputWriteFailures.increment(by: Int64(clamping: snapshot.outputWriteFailures &- last.outputFailures))
        last.outputFailures = snapshot.outputWriteFailures
        outputLineFaults["pa_power"]?.set(to: snapshot.powerAmplifierWriteFault ? 1 : 0)
        outputLineFaults["status_led"]?.set(to: snapshot.statusLEDFault ? 1 : 0)
        loopRecoveryRemaining.set(to: Double(snapshot.loopRecoveryRemainingMilliseconds) / 1e3)
        clockDisagreement.set(to: Double(snapshot.clockDisagreementMilliseconds) / 1e3)
        positionUncertainty.set(to: snapshot.grownUncertaintyMetres)
        last.handovers = snapshot.handovers
        last.transmitTicks = snapshot.transmitTicks
        last.samples = historyTotal
        policyVersion.set(to: Double(version ?? 0))
        obstructionFraction.set(to: obstruction.fractionObstructed)
        obstructionValidSeconds.set(to: obstruction.validSeconds)
        currentlyObstructed.set(to: obstruction.currentlyObstructed ? 1 : 0)
        let hasFix = fix.sequence > 0
        fixAge.set(to: hasFix ? Double(Int64(clamping: nowNanoseconds) &- fix.receivedAtNanoseconds) / 1e9 : .nan)
        fixAccuracy.set(to: hasFix ? fix.horizontalUncertaintyMetres : .nan)
        let steering = snapshot.servingIndex >= 0
        beamAzimuth.set(to: steering ? snapshot.azimuthDegrees : .nan)
        beamElevation.set(to: steering ? snapshot.elevationDegrees : .nan)
        guard let loop else { return }
        ticks.increment(by: Int64(clamping: loop.executedTicks &- last.ticks))
        overruns.increment(by: Int64(clamping: loop.overruns &- last.overruns))
        missedPeriods.increment(by: Int64(clamping: loop.missedPeriods &- last.missed))
        last.ticks = loop.executedTicks
        last.overruns = loop.overruns
        last.missed = loop.missedPeriods
    }
}
