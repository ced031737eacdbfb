import Geofence

/// A verified policy on its way to the tick (SIGHUP, `POST /policy`), with the instant its
/// signature stops vouching for it.
public struct TickPolicy: Sendable {
    /// The policy.
    public var policy: GeofencePolicy
    /// End of validity, nanoseconds since the Unix epoch (UTC).
    public var validUntilUnixNanoseconds: Int64
    /// The policy's service rules (regions, plans).
    public var serviceRules: ServiceRules

    /// An update of `policy`, valid until `validUntilUnixNanoseconds`.
    public init(policy: GeofencePolicy, validUntilUnixNanoseconds: Int64, serviceRules: ServiceRules = .none) {
        self.policy = policy
        self.validUntilUnixNanoseconds = validUntilUnixNanoseconds
        self.serviceRules = serviceRules
    }
}

/// Daemon → tick: a new verified policy (see `TickHandoff`).
public typealias PolicyHandoff = TickHandoff<TickPolicy>

extension TickHandoff where Value == TickPolicy {
    /// Deposits `policy`, valid until `validUntilUnixNanoseconds` (daemon side).
    public func deposit(_ policy: GeofencePolicy, validUntilUnixNanoseconds: Int64, serviceRules: ServiceRules = .none) {
        deposit(TickPolicy(policy: policy, validUntilUnixNanoseconds: validUntilUnixNanoseconds, serviceRules: serviceRules))
    }
}
