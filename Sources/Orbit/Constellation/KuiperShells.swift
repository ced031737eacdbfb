/// Amazon Project Kuiper's three shells as filed with the FCC (FCC 20-102, Authorization of
/// Kuiper Systems LLC, July 2020, ¶ 3 and Technical Appendix): 3,236 satellites. Synthetic
/// Walker-delta stand-ins: Kuiper's element sets are not used here, and the filing gives
/// planes, satellites per plane, altitude and inclination but no phasing, so F is the one
/// that maximises the closest approach between two satellites
/// (`WalkerShell.phasingMaximisingSeparation`, as for `StarlinkShells`).
package enum KuiperShells {
    /// Shell 1: 34 planes × 34 satellites, 630 km, 51.9°, F = 7 (1,156 satellites; closest
    /// approach 0.640°, 78.3 km).
    package static let shell1 = WalkerShell(
        validatedName: "KUIPER-S1", altitudeKilometres: 630, inclinationDegrees: 51.9, planes: 34,
        satellitesPerPlane: 34, phasing: 7)
    /// Shell 2: 36 planes × 36 satellites, 610 km, 42°, F = 11 (1,296 satellites; 0.458°, 55.9 km).
    package static let shell2 = WalkerShell(
        validatedName: "KUIPER-S2", altitudeKilometres: 610, inclinationDegrees: 42, planes: 36,
        satellitesPerPlane: 36, phasing: 11)
    /// Shell 3: 28 planes × 28 satellites, 590 km, 33°, F = 17 (784 satellites; 0.899°, 109.3 km).
    package static let shell3 = WalkerShell(
        validatedName: "KUIPER-S3", altitudeKilometres: 590, inclinationDegrees: 33, planes: 28,
        satellitesPerPlane: 28, phasing: 17)

    /// The three shells, in order (3,236 satellites).
    package static let all = [shell1, shell2, shell3]
}
