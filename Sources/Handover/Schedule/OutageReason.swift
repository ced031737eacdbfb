/// Why a slot has no serving satellite, in the spirit of the dish's outage causes
/// (`NO_SATS`, `OBSTRUCTED`, … as starlink-grpc-tools reports them).
package enum OutageReason: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// No satellite satisfies elevation, scan cone and GSO separation over the whole slot.
    case noSatellite
    /// Some satellite would have qualified but for the obstruction map.
    case obstructed
    /// Service is restricted here and now (the geofence said so); no satellite was considered.
    case restricted
    /// The terminal is changing network (the permitted set changed, or the network it was on
    /// has no satellite): acquiring the new network (`Constellation.networkAcquisitionSeconds`,
    /// whole slots). The decision's `runnerUp` is the satellite being acquired.
    case networkSwitch

    /// The reason's name, as in JSON output.
    package var description: String { rawValue }
}
