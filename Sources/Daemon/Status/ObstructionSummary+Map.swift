import Handover

extension ObstructionSummary {
    /// The figures of an obstruction map, with the beam's direction for `currently_obstructed`.
    package init(map: ObstructionMap, beamAzimuthDegrees: Double, beamElevationDegrees: Double, validSeconds: Double) {
        let statistics = map.statistics()
        self.init(
            fractionObstructed: statistics.fractionObstructed,
            currentlyObstructed: beamElevationDegrees.isFinite
                && map.isObstructed(azimuthDegrees: beamAzimuthDegrees, elevationDegrees: beamElevationDegrees),
            validSeconds: validSeconds, wedgeFractionObstructed: statistics.wedgeFractionObstructed,
            azimuthBinCount: map.azimuthBinCount, elevationBinCount: map.elevationBinCount, signalQuality: map.signalQuality)
    }
}
