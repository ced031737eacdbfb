import Drivers
import Geofence
import RealTime
import Terminal

/// The status API's documents in the dish's vocabulary (the names community tools such as
/// starlink-grpc-tools read: `boresight_azimuth_deg`, `seconds_to_first_nonempty_slot`,
/// `obstruction_stats`, outage causes like `NO_SCHEDULE`, alerts, 1 s history arrays).
package enum StatusJSON {
    /// `/status`.
    package static func status(_ status: DaemonStatus) -> JSONValue {
        let snapshot = status.snapshot
        var members: [(String, JSONValue)] = [
            (
                "device_info",
                .object([
                    ("software_version", .string(status.softwareVersion)), ("board", .string(status.boardName)),
                ])
            ),
            ("state", .string(snapshot.state.description)),
            ("uptime_s", .int(Int64(status.uptimeSeconds.rounded(.down)))),
            ("tick", .int(Int64(truncatingIfNeeded: snapshot.tickIndex))),
            ("utc_ns", snapshot.utcNanoseconds == .min ? .null : .int(snapshot.utcNanoseconds)),
            ("boresight_azimuth_deg", .number(status.boresight.azimuthDegrees)),
            ("boresight_elevation_deg", .number(status.boresight.elevationDegrees)),
            ("desired_boresight_azimuth_deg", .number(status.desiredBoresight.azimuthDegrees)),
            ("desired_boresight_elevation_deg", .number(status.desiredBoresight.elevationDegrees)),
            (
                "beam",
                .object([
                    ("azimuth_deg", .number(snapshot.azimuthDegrees)), ("elevation_deg", .number(snapshot.elevationDegrees)),
                    ("off_boresight_deg", .number(snapshot.offBoresightDegrees)),
                ])
            ),
            ("serving_satellite", status.servingSatellite.map(satellite) ?? .null),
            ("seconds_to_first_nonempty_slot", .number(status.secondsToFirstNonemptySlot)),
            ("handovers", .int(Int64(truncatingIfNeeded: snapshot.handovers))),
            ("transmit_enabled", .bool(snapshot.transmitEnabled)),
            ("transmit_ticks", .int(Int64(truncatingIfNeeded: snapshot.transmitTicks))),
            ("unmet_transmit_conditions", .array(unmetConditions(snapshot).map(JSONValue.string))),
            ("faults", .array(faultNames(snapshot).map(JSONValue.string))),
            (
                "safety",
                .object([
                    ("loop_recovery_remaining_ms", .int(Int64(snapshot.loopRecoveryRemainingMilliseconds))),
                    ("clock_disagreement_ms", .int(snapshot.clockDisagreementMilliseconds)),
                    ("position_uncertainty_grown_m", .number(snapshot.grownUncertaintyMetres)),
                    ("pa_supply_line_fault", .bool(snapshot.powerAmplifierWriteFault)),
                    ("status_led_line_fault", .bool(snapshot.statusLEDFault)),
                    ("output_write_failures", .int(Int64(truncatingIfNeeded: snapshot.outputWriteFailures))),
                ])
            ),
            ("beamformer_ready", .bool(snapshot.beamformerReady)),
            (
                "geofence",
                .object([
                    ("action", .string(actionName(snapshot.geofenceAction))),
                    ("zone", .optional(status.geofenceZoneName)),
                    ("rule_index", snapshot.geofenceRuleIndex < 0 ? .null : .int(Int64(snapshot.geofenceRuleIndex))),
                    ("distance_to_boundary_m", .number(snapshot.boundaryDistanceMetres)),
                ])
            ),
            ("service", service(snapshot.service, plan: status.servicePlan)),
            ("alerts", .array(status.alerts.map(JSONValue.string))),
            ("outage", status.outage.map(outage) ?? .null),
            ("obstruction_stats", obstructionStats(status.obstruction)),
            ("loop", status.loop.map(loop) ?? .null),
            ("policy", status.policy.map(policy) ?? .null),
        ]
        if status.reportLocation {
            members.append(
                (
                    "location",
                    .object([
                        ("latitude_deg", .number(snapshot.latitudeDegrees)),
                        ("longitude_deg", .number(snapshot.longitudeDegrees)),
                        ("horizontal_uncertainty_m", .number(snapshot.horizontalUncertaintyMetres)),
                    ])
                ))
        }
        return .object(members)
    }

    /// The names of the unmet transmit conditions (`position_fix_fresh`, ...).
    package static func unmetConditions(_ snapshot: TerminalSnapshot) -> [String] {
        TransmitConditionSet(rawValue: snapshot.unmetConditions).conditions.map(\.description)
    }

    /// The names of the latched faults (`fault_in`, `over_temperature`, and the output lines
    /// that failed: `pa_power`, `status_led`).
    package static func faultNames(_ snapshot: TerminalSnapshot) -> [String] {
        let set = FaultSourceSet(rawValue: snapshot.faults)
        var names = FaultSource.allCases.filter { set.contains($0) }.map(\.description)
        if snapshot.powerAmplifierWriteFault { names.append("pa_power") }
        if snapshot.statusLEDFault { names.append("status_led") }
        return names
    }

    /// `allow`, `receiveOnly`, `noService` (or `unknown`).
    package static func actionName(_ raw: UInt8) -> String {
        ServiceAction(rawValue: Int(raw))?.description ?? "unknown"
    }

    static func satellite(_ satellite: DaemonStatus.Satellite) -> JSONValue {
        .object([
            ("index", .int(Int64(satellite.index))), ("name", .string(satellite.name)),
            ("catalog_number", .int(Int64(satellite.catalogNumber))),
            ("constellation", satellite.constellation.map { .string($0) } ?? .null),
        ])
    }

    static func outage(_ outage: DaemonStatus.Outage) -> JSONValue {
        .object([
            ("cause", .string(outage.cause.description)),
            ("start_timestamp_s", outage.startUTCSeconds.map { .int($0) } ?? .null),
            ("duration_s", .number(outage.durationSeconds)),
        ])
    }

    static func obstructionStats(_ summary: ObstructionSummary) -> JSONValue {
        .object([
            ("fraction_obstructed", .number(summary.fractionObstructed)),
            ("currently_obstructed", .bool(summary.currentlyObstructed)),
            ("valid_s", .number(summary.validSeconds)),
            ("wedge_fraction_obstructed", .array(summary.wedgeFractionObstructed.map { .number($0) })),
        ])
    }

    static func loop(_ summary: LoopStatisticsSummary) -> JSONValue {
        .object([
            ("executed_ticks", .int(Int64(truncatingIfNeeded: summary.executedTicks))),
            ("overruns", .int(Int64(truncatingIfNeeded: summary.overruns))),
            ("missed_periods", .int(Int64(truncatingIfNeeded: summary.missedPeriods))),
            ("recent_deadlines_met", .bool(summary.recentDeadlinesMet)),
            ("wake_latency_us", latency(summary.wakeLatency)),
            ("compute_time_us", latency(summary.computeTime)),
        ])
    }

    static func latency(_ summary: LatencySummary) -> JSONValue {
        func microseconds(_ nanoseconds: UInt64) -> JSONValue { .number(Double(nanoseconds) / 1_000) }
        return .object([
            ("count", .int(Int64(truncatingIfNeeded: summary.count))), ("min", microseconds(summary.minimumNanoseconds)),
            ("p50", microseconds(summary.p50Nanoseconds)), ("p99", microseconds(summary.p99Nanoseconds)),
            ("p99_9", microseconds(summary.p999Nanoseconds)), ("max", microseconds(summary.maximumNanoseconds)),
            ("mean", .number(summary.meanNanoseconds / 1_000)),
        ])
    }

    static func policy(_ policy: DaemonStatus.Policy) -> JSONValue {
        .object([
            ("name", .string(policy.name)), ("version", .int(Int64(policy.version))),
            ("valid_until", .string(policy.validUntil)), ("example", .bool(policy.isExample)),
        ])
    }

    /// `/history`: the 1 s samples as parallel arrays, oldest first, like the dish's history;
    /// `current` counts every sample since start, so a poller can tell what it missed.
    package static func history(
        _ samples: [HistorySample], totalSamples: UInt64, reportLocation: Bool, satelliteName: (Int32) -> String? = { _ in nil }
    ) -> JSONValue {
        func column(_ value: (HistorySample) -> JSONValue) -> JSONValue { .array(samples.map(value)) }
        var members: [(String, JSONValue)] = [
            ("current", .int(Int64(truncatingIfNeeded: totalSamples))),
            ("samples", .int(Int64(samples.count))),
            ("utc_s", column { .int($0.utcSeconds) }),
            ("state", column { .string($0.state.description) }),
            ("serving_index", column { .int(Int64($0.servingIndex)) }),
            ("serving_name", column { $0.servingIndex >= 0 ? .optional(satelliteName($0.servingIndex)) : .null }),
            ("azimuth_deg", column { .number(Double($0.azimuthDegrees)) }),
            ("elevation_deg", column { .number(Double($0.elevationDegrees)) }),
            ("transmit_fraction", column { .number(Double($0.transmitFraction)) }),
            ("tracking_fraction", column { .number(Double($0.trackingFraction)) }),
            ("geofence_action", column { .string(actionName($0.geofenceAction)) }),
            ("outage_cause", column { $0.outage.map { .string($0.description) } ?? .null }),
            ("max_compute_us", column { .number(Double($0.maximumComputeNanoseconds) / 1_000) }),
            ("ticks", column { .int(Int64($0.ticks)) }),
        ]
        if reportLocation {
            members.append(("latitude_deg", column { .number($0.latitudeDegrees) }))
            members.append(("longitude_deg", column { .number($0.longitudeDegrees) }))
        }
        return .object(members)
    }

    /// `/obstructions`: the az/el grid (rows from the horizon up, −1 = no data).
    package static func obstructions(_ summary: ObstructionSummary) -> JSONValue {
        .object([
            ("num_rows", .int(Int64(summary.elevationBinCount))),
            ("num_cols", .int(Int64(summary.azimuthBinCount))),
            ("azimuth_bin_deg", .number(360 / Double(max(1, summary.azimuthBinCount)))),
            ("elevation_bin_deg", .number(90 / Double(max(1, summary.elevationBinCount)))),
            ("rows_from", .string("horizon")),
            ("snr", .array(summary.signalQuality.map { .number($0) })),
            ("obstruction_stats", obstructionStats(summary)),
        ])
    }
}
