/// Starlink-like Walker-delta shells, as the project's design notes list them from the
/// Hypatia and StarPerf simulators (which take them from SpaceX's FCC filings): synthetic
/// stand-ins for tests and the simulated terminal, not the real constellation (which is
/// not a perfect Walker pattern; use published element sets for that).
///
/// The filings give planes, satellites per plane, altitude and inclination but not the
/// Walker phasing, so F is a choice: here, the F that maximises the closest approach between
/// any two satellites (`WalkerShell.phasingMaximisingSeparation`). F = 1, a common default,
/// would put satellites of these shells within 0.4–12 km of each other at plane crossings;
/// the chosen F keep them 48–72 km apart (two-body, see `minimumSeparationKilometres`).
/// Hypatia instead offsets odd planes by half a slot. Numbering follows the design notes.
public enum StarlinkShells {
    /// Shell 1: 72 planes × 22 satellites, 550 km, 53°, F = 65 (1584 satellites; closest
    /// approach 0.591°, 71.5 km).
    package static let shell1 = WalkerShell(
        validatedName: "STARLINK-S1", altitudeKilometres: 550, inclinationDegrees: 53, planes: 72,
        satellitesPerPlane: 22, phasing: 65)
    /// Shell 2: 36 planes × 20 satellites, 570 km, 70°, F = 25 (720 satellites; 0.533°, 64.7 km).
    package static let shell2 = WalkerShell(
        validatedName: "STARLINK-S2", altitudeKilometres: 570, inclinationDegrees: 70, planes: 36,
        satellitesPerPlane: 20, phasing: 25)
    /// Shell 3: 10 planes × 52 satellites, 560 km, 97.6°, F = 5 (520 satellites; 0.458°, 55.4 km;
    /// F = 9 ties).
    package static let shell3 = WalkerShell(
        validatedName: "STARLINK-S3", altitudeKilometres: 560, inclinationDegrees: 97.6, planes: 10,
        satellitesPerPlane: 52, phasing: 5)
    /// Shell 4: 72 planes × 22 satellites, 540 km, 53.2°, F = 13 (1584 satellites; 0.397°,
    /// 47.9 km; F = 25, 61 and 65 tie).
    package static let shell4 = WalkerShell(
        validatedName: "STARLINK-S4", altitudeKilometres: 540, inclinationDegrees: 53.2, planes: 72,
        satellitesPerPlane: 22, phasing: 13)

    /// All four shells, in order (4408 satellites).
    public static let all = [shell1, shell2, shell3, shell4]
}
