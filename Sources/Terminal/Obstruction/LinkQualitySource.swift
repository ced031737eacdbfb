import Handover

/// What the receive side tells about the link toward a direction: a signal quality in [0, 1]
/// (1 clear, 0 blocked), the observation an obstruction map learns from, or nil when it has
/// nothing to say.
///
/// The dish learns its obstruction map from the SNR of what it receives. This terminal's
/// hardware has no receive chain of its own to measure yet (the beamformer bridge reports no
/// signal level), so on a real board there is no source and the map stays unlearned
/// (`valid_s` 0) rather than filled with guesses; the simulated board has `SimulatedSkyLink`.
package protocol LinkQualitySource: Sendable {
    /// The quality of the link during a second the beam pointed toward the direction.
    func signalQuality(azimuthDegrees: Double, elevationDegrees: Double) -> Double?
}

/// The simulated board's link: a sky that is clear except behind the configured obstructions
/// (`sim_obstructions` in the daemon's configuration), where the signal is lost. The
/// simulator models no other impairment (no rain fade, no foliage), so a direction is either
/// clear (1) or blocked (0).
package struct SimulatedSkyLink: LinkQualitySource {
    /// What blocks the simulated sky.
    package var obstructions: [ObstructionSector]

    /// A sky blocked by `obstructions` (none: a clear sky).
    package init(obstructions: [ObstructionSector] = []) {
        self.obstructions = obstructions
    }

    /// 0 behind an obstruction, 1 elsewhere above the horizon, nil below it.
    package func signalQuality(azimuthDegrees: Double, elevationDegrees: Double) -> Double? {
        guard azimuthDegrees.isFinite, elevationDegrees.isFinite, elevationDegrees >= 0 else { return nil }
        let blocked = obstructions.contains { $0.blocks(azimuthDegrees: azimuthDegrees, elevationDegrees: elevationDegrees) }
        return blocked ? 0 : 1
    }
}
