/// The service rules' verdict at one tick, beside the ``GeofenceDecision`` it starts from:
/// the reason code (the dish's `disablement_code`), the constellations that may transmit, and
/// the measurements behind the code. `BitwiseCopyable`: made in the tick, published in the
/// snapshot without allocating.
package struct ServiceDecision: Sendable, Hashable, BitwiseCopyable, CustomStringConvertible {
    /// The reason code (``DisablementCode`` lists the precedence).
    package var code: DisablementCode
    /// The constellations that may transmit here: the geofence's permitted set (see
    /// ``GeofenceDecision/transmitPermittedConstellations``), emptied by any other code.
    package var permittedConstellations: ConstellationSet
    /// The terminal's constellations the zones alone permit to transmit (before the plan's
    /// rules): what a scheduler choosing among constellations should offer.
    package var zonePermittedConstellations: ConstellationSet
    /// Where the last fix is (nil: no regions in the policy, or no fix).
    package var place: ServicePlace?
    /// The home region's index among the policy's regions (nil: unknown).
    package var homeRegion: Int?
    /// The speed the fixes showed over the last measuring window, m/s (NaN before one).
    package var measuredSpeedMetresPerSecond: Double
    /// Distance of the last fix from the service address, metres (NaN without an address).
    package var distanceFromServiceAddressMetres: Double
    /// Days abroad, on the decision's day.
    package var daysAbroad: Int
    /// The current run of days with a fix in coastal waters.
    package var consecutiveCoastalDays: Int
    /// Days with a fix in coastal waters this calendar year.
    package var coastalDaysThisYear: Int

    /// A decision with `code` and no measurements.
    package init(code: DisablementCode, permittedConstellations: ConstellationSet = []) {
        self.code = code
        self.permittedConstellations = code.permitsTransmit ? permittedConstellations : []
        zonePermittedConstellations = permittedConstellations
        place = nil
        homeRegion = nil
        measuredSpeedMetresPerSecond = .nan
        distanceFromServiceAddressMetres = .nan
        daysAbroad = 0
        consecutiveCoastalDays = 0
        coastalDaysThisYear = 0
    }

    /// Before the first decision: no location.
    package static let initial = ServiceDecision(code: .unknownLocation)

    /// Whether transmission may be enabled under these rules.
    package var permitsTransmit: Bool { code.permitsTransmit && !permittedConstellations.isEmpty }

    /// E.g. `OKAY (permitted guowang,qianfan)`.
    package var description: String {
        "\(code.rawValue) (permitted \(permittedConstellations))"
    }
}
