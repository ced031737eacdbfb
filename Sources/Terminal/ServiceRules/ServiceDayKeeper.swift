import Audit
import Drivers
import Foundation
import Geofence

/// The off-tick half of the service rules: counts the days of the roaming rules from the
/// tick's snapshots, keeps them in the ``ServiceDayCounterStore`` and says what to audit.
///
/// A day is counted only from a trusted observation: UTC known, a fresh fix, the fix's UTC
/// agreeing with the system clock (the tick's `clocks_agree`, the existing clock-fault
/// detection) and a place. ``ServiceDayCounters/observe(_:on:home:)`` ignores a day before the
/// last counted one, so a clock stepped back neither advances nor resets a counter. Every
/// change is saved (atomically) before it is handed to the tick, and audited; so is every
/// change of the disablement code or of the permitted constellations.
///
/// Use: `let entries = try keeper.observe(snapshot)`; append `entries` to the audit log; when
/// ``countersChanged`` publish ``counters`` to `channels.serviceDays`.
package struct ServiceDayKeeper: Sendable {
    /// The store.
    package let store: ServiceDayCounterStore
    /// The counters as stored.
    package private(set) var counters: ServiceDayCounters
    /// Whether the last ``observe(_:)`` changed (and saved) the counters.
    package private(set) var countersChanged = false
    private var lastCode: DisablementCode?
    private var lastPermitted: ConstellationSet?

    /// Loads the counters (zero when there is no file yet).
    /// - Throws: the store's problem when the file is damaged (fail closed: no start).
    package init(store: ServiceDayCounterStore) throws(ServiceDayCounterStore.Problem) {
        self.store = store
        counters = try store.load() ?? .zero
    }

    /// Whether `snapshot` may advance the day counters (see the type's notes).
    package static func isTrusted(_ snapshot: TerminalSnapshot) -> Bool {
        let unmet = TransmitConditionSet(rawValue: snapshot.unmetConditions)
        return snapshot.utcNanoseconds != .min && !unmet.contains(.positionFixFresh) && !unmet.contains(.clocksAgree)
            && snapshot.service.place != nil && snapshot.service.code != .unknownLocation
    }

    /// Takes one snapshot; returns the audit records to append (a counter change is saved
    /// before it is returned).
    /// - Throws: the store's problem when the counters cannot be saved (the caller keeps the
    ///   old counters in the tick and reports it).
    package mutating func observe(_ snapshot: TerminalSnapshot) throws(ServiceDayCounterStore.Problem) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        countersChanged = false
        let utc = snapshot.utcNanoseconds == .min ? nil : ISO8601UTC.format(Date(timeIntervalSince1970: Double(snapshot.utcNanoseconds) / 1e9))
        let monotonic = UInt64(max(0, snapshot.monotonicNanoseconds))
        if Self.isTrusted(snapshot), let place = snapshot.service.place {
            let day = UTCDay(unixNanoseconds: snapshot.utcNanoseconds)
            var next = counters
            if next.observe(place, on: day, home: snapshot.service.homeRegion) {
                try store.save(next)
                let changedDays = next.daysAbroad(on: day) != counters.daysAbroad(on: day)
                    || next.consecutiveCoastalDays(on: day) != counters.consecutiveCoastalDays(on: day)
                    || next.coastalDaysInYear(of: day) != counters.coastalDaysInYear(of: day)
                counters = next
                countersChanged = true
                if changedDays {
                    entries.append(
                        AuditEntry(
                            kind: .service, event: "days", reason: "day counters changed on \(day) (\(place.kind))", utc: utc,
                            monotonicNanoseconds: monotonic, details: Self.details(next, on: day, place: place)))
                }
            }
        }
        let service = snapshot.service
        if service.code != lastCode || service.permittedConstellations != lastPermitted {
            lastCode = service.code
            lastPermitted = service.permittedConstellations
            entries.append(
                AuditEntry(
                    kind: .service, event: "decision", reason: service.code.rawValue, utc: utc, monotonicNanoseconds: monotonic,
                    details: Self.details(service)))
        }
        return entries
    }

    /// The audit details of a decision.
    package static func details(_ service: ServiceDecision) -> [String: String] {
        var details = ["code": service.code.rawValue, "permittedConstellations": service.permittedConstellations.description]
        if let place = service.place { details["place"] = place.kind }
        if service.measuredSpeedMetresPerSecond.isFinite {
            details["speedKmh"] = String(format: "%.1f", service.measuredSpeedMetresPerSecond / ServicePlan.metresPerSecondPerKilometrePerHour)
        }
        if service.distanceFromServiceAddressMetres.isFinite {
            details["distanceFromServiceAddressKm"] = String(format: "%.3f", service.distanceFromServiceAddressMetres / 1_000)
        }
        details["daysAbroad"] = String(service.daysAbroad)
        details["consecutiveCoastalDays"] = String(service.consecutiveCoastalDays)
        details["coastalDaysThisYear"] = String(service.coastalDaysThisYear)
        return details
    }

    private static func details(_ counters: ServiceDayCounters, on day: UTCDay, place: ServicePlace) -> [String: String] {
        [
            "day": day.description, "place": place.kind, "daysAbroad": String(counters.daysAbroad(on: day)),
            "consecutiveCoastalDays": String(counters.consecutiveCoastalDays(on: day)),
            "coastalDaysThisYear": String(counters.coastalDaysInYear(of: day)),
        ]
    }
}
