import Orbit

/// A sequence of serving satellites, one per reconfiguration slot, starting at a slot
/// boundary. The real scheduler is the `Handover` module; this value is what the tick side
/// needs of a schedule, and `highestElevation` builds a simple one (the satellite highest at
/// the middle of each slot, within the scan cone of a zenith-facing array), good enough
/// for timing runs such as `utermd loop-test`.
public struct ServingPlan: Sendable, Hashable {
    /// UTC of the first slot's start, nanoseconds since the Unix epoch.
    package var firstSlotStartUnixNanoseconds: Int64
    /// Slot length, nanoseconds.
    package var slotNanoseconds: Int64
    /// Tracker index of each slot's serving satellite, or -1.
    package var satellites: [Int32]

    /// Builds a plan.
    package init(firstSlotStartUnixNanoseconds: Int64, slotNanoseconds: Int64 = 15_000_000_000, satellites: [Int32]) {
        self.firstSlotStartUnixNanoseconds = firstSlotStartUnixNanoseconds
        self.slotNanoseconds = slotNanoseconds
        self.satellites = satellites
    }

    /// The assignment in force at `unixNanoseconds`: that slot and the next.
    public func assignment(atUnixNanoseconds unixNanoseconds: Int64) -> ServingAssignment {
        let offset = unixNanoseconds - firstSlotStartUnixNanoseconds
        guard offset >= 0 else {
            return ServingAssignment(
                slotStartUnixNanoseconds: .min, satelliteIndex: -1,
                nextSlotStartUnixNanoseconds: firstSlotStartUnixNanoseconds, nextSatelliteIndex: satellites.first ?? -1)
        }
        let slot = Int(offset / slotNanoseconds)
        let start = firstSlotStartUnixNanoseconds + Int64(slot) * slotNanoseconds
        return ServingAssignment(
            slotStartUnixNanoseconds: start, satelliteIndex: slot < satellites.count ? satellites[slot] : -1,
            nextSlotStartUnixNanoseconds: start + slotNanoseconds,
            nextSatelliteIndex: slot + 1 < satellites.count ? satellites[slot + 1] : -1)
    }

    /// For each of `slots` slots from `firstSlotStartUnixNanoseconds`, the satellite highest
    /// at the slot's middle among those at least `minimumElevationDegrees` high (-1 if none).
    public static func highestElevation(
        tracker: SatelliteTracker, firstSlotStartUnixNanoseconds: Int64, slots: Int, minimumElevationDegrees: Double = 40,
        slotNanoseconds: Int64 = 15_000_000_000
    ) -> ServingPlan {
        let satellites = (0..<slots).map { slot -> Int32 in
            let middle = Double(firstSlotStartUnixNanoseconds + Int64(slot) * slotNanoseconds + slotNanoseconds / 2) / 1e9
            let instant = JulianDate(unixSeconds: middle)
            let transform = TEMEToECEFTransform(at: instant)
            var best: (index: Int32, elevation: Double) = (-1, minimumElevationDegrees)
            for index in 0..<tracker.count {
                guard let look = try? tracker.lookAngles(satellite: index, at: instant, using: transform) else { continue }
                if look.elevationDegrees > best.elevation { best = (Int32(index), look.elevationDegrees) }
            }
            return best.index
        }
        return ServingPlan(
            firstSlotStartUnixNanoseconds: firstSlotStartUnixNanoseconds, slotNanoseconds: slotNanoseconds, satellites: satellites)
    }
}
