import Foundation

/// The modelled link figures the dish reports (`pop_ping_latency_ms`, `pop_ping_drop_rate`,
/// `downlink_throughput_bps`, `uplink_throughput_bps`): utermd has no user traffic and no
/// point of presence to ping, so these are **modelled**, not measured.
///
/// - Latency: a bent pipe. A ping crosses user → satellite → gateway and back, four slant
///   ranges; the gateway's slant range is taken equal to the user's (a gateway near the user,
///   as the operator's network places them). Slant range over a spherical Earth
///   (R = 6,371 km) to a shell at ``shellAltitudeKilometres`` from the beam's elevation:
///   `d = √((R+h)² − (R·cos el)²) − R·sin el`, so RTT = 4·d / c + ``groundSegmentMilliseconds``
///   (gateway → PoP backhaul, scheduling and processing; a stated constant).
/// - Drops: the fraction of the second in outage (1 for a second with an outage, 1 − the
///   fraction of ticks tracking otherwise).
/// - Throughput: a stated background load of an idle household (``idleDownlinkBitsPerSecond``,
///   ``idleUplinkBitsPerSecond``) carried in the fraction of the second not dropped.
package enum DishLinkModel {
    /// Shell altitude used for the slant range, km (the generated Starlink shells fly at
    /// 540–570 km; 550 km is the main shell's).
    package static let shellAltitudeKilometres = 550.0
    /// Mean Earth radius, km.
    package static let earthRadiusKilometres = 6_371.0
    /// Speed of light, km/s.
    package static let speedOfLightKilometresPerSecond = 299_792.458
    /// Round-trip time of the ground segment (gateway to point of presence and back,
    /// scheduling, processing), ms: a stated constant, chosen so that an overhead pass gives
    /// about the 20 ms the operator quotes for its lowest latencies.
    package static let groundSegmentMilliseconds = 16.0
    /// Modelled downlink load while connected, bit/s.
    package static let idleDownlinkBitsPerSecond = 2_000_000.0
    /// Modelled uplink load while connected, bit/s.
    package static let idleUplinkBitsPerSecond = 250_000.0

    /// Slant range from the terminal to a satellite of the shell seen at `elevationDegrees`, km.
    package static func slantRangeKilometres(elevationDegrees: Double) -> Double {
        let elevation = max(0, min(90, elevationDegrees)) * .pi / 180
        let radius = earthRadiusKilometres
        let orbit = radius + shellAltitudeKilometres
        return (orbit * orbit - pow(radius * cos(elevation), 2)).squareRoot() - radius * sin(elevation)
    }

    /// The modelled ping round trip to the point of presence, ms, through a satellite at
    /// `elevationDegrees`; NaN when no satellite serves (the dish reports no latency then).
    package static func popPingLatencyMilliseconds(elevationDegrees: Double) -> Double {
        guard elevationDegrees.isFinite else { return .nan }
        let slant = slantRangeKilometres(elevationDegrees: elevationDegrees)
        return 4 * slant / speedOfLightKilometresPerSecond * 1_000 + groundSegmentMilliseconds
    }

    /// The drop rate of one second: 1 in an outage, else the fraction not tracking.
    package static func popPingDropRate(inOutage: Bool, trackingFraction: Double) -> Double {
        if inOutage { return 1 }
        guard trackingFraction.isFinite else { return 1 }
        return max(0, min(1, 1 - trackingFraction))
    }

    /// The modelled (downlink, uplink) bit/s of a second with `dropRate`.
    package static func throughputBitsPerSecond(dropRate: Double) -> (downlink: Double, uplink: Double) {
        let carried = max(0, min(1, 1 - dropRate))
        return (idleDownlinkBitsPerSecond * carried, idleUplinkBitsPerSecond * carried)
    }
}
