import Geofence

/// A verified policy on its way to the tick (SIGHUP, `POST /policy`), with the instant its
/// signature stops vouching for it.
package struct TickPolicy: Sendable {
    /// The policy.
    package var policy: GeofencePolicy
    /// End of validity, nanoseconds since the Unix epoch (UTC).
    package var validUntilUnixNanoseconds: Int64
    /// The policy's service rules (regions, plans).
    package var serviceRules: ServiceRules

    /// An update of `policy`, valid until `validUntilUnixNanoseconds`.
    package init(policy: GeofencePolicy, validUntilUnixNanoseconds: Int64, serviceRules: ServiceRules = .none) {
        self.policy = policy
        self.validUntilUnixNanoseconds = validUntilUnixNanoseconds
        self.serviceRules = serviceRules
    }
}

/// Daemon → tick: a new verified policy (see `TickHandoff`).
package typealias PolicyHandoff = TickHandoff<TickPolicy>

extension TickHandoff where Value == TickPolicy {
    /// Deposits `policy`, valid until `validUntilUnixNanoseconds` (daemon side).
    package func deposit(_ policy: GeofencePolicy, validUntilUnixNanoseconds: Int64, serviceRules: ServiceRules = .none) {
        deposit(TickPolicy(policy: policy, validUntilUnixNanoseconds: validUntilUnixNanoseconds, serviceRules: serviceRules))
    }
}
