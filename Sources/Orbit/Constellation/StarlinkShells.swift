/// Starlink-like Walker-delta shells, as the project's design notes list them from the
/// Hypatia and StarPerf simulators (which take them from SpaceX's FCC filings): synthetic
/// stand-ins for tests and the simulated terminal, not the real constellation (which is
/// not a perfect Walker pattern; use published element sets for that).
///
/// The filings give planes, satellites per plane, altitude and inclination but not the
/// Walker phasing; F = 1 here is a choice (adjacent planes offset by 360°/T along track).
/// Hypatia instead offsets odd planes by half a slot. Numbering follows the design notes.
public enum StarlinkShells {
    /// Shell 1: 72 planes × 22 satellites, 550 km, 53°, F = 1 (1584 satellites).
    public static let shell1 = WalkerShell(
        validatedName: "STARLINK-S1", altitudeKilometres: 550, inclinationDegrees: 53, planes: 72,
        satellitesPerPlane: 22, phasing: 1)
    /// Shell 2: 36 planes × 20 satellites, 570 km, 70°, F = 1 (720 satellites).
    public static let shell2 = WalkerShell(
        validatedName: "STARLINK-S2", altitudeKilometres: 570, inclinationDegrees: 70, planes: 36,
        satellitesPerPlane: 20, phasing: 1)
    /// Shell 3: 10 planes × 52 satellites, 560 km, 97.6° (Sun-synchronous-like), F = 1 (520 satellites).
    public static let shell3 = WalkerShell(
        validatedName: "STARLINK-S3", altitudeKilometres: 560, inclinationDegrees: 97.6, planes: 10,
        satellitesPerPlane: 52, phasing: 1)
    /// Shell 4: 72 planes × 22 satellites, 540 km, 53.2°, F = 1 (1584 satellites).
    public static let shell4 = WalkerShell(
        validatedName: "STARLINK-S4", altitudeKilometres: 540, inclinationDegrees: 53.2, planes: 72,
        satellitesPerPlane: 22, phasing: 1)

    /// All four shells, in order (4408 satellites).
    public static let all = [shell1, shell2, shell3, shell4]
}
