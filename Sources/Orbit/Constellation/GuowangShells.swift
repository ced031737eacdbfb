/// China SatNet's Guowang as filed with the ITU (filings GW-A59 and GW-2, 12,992 satellites
/// in all), shell by shell as the project's design notes list them (`constellations.md`, from
/// a 2022 Astronomy & Astrophysics survey table of mega-constellation filings). Synthetic
/// Walker-delta stand-ins, F chosen to maximise the closest approach
/// (`WalkerShell.phasingMaximisingSeparation`).
///
/// Assumptions: the filings' plane counts are taken as given; the four 1,145 km shells are
/// modelled as separate Walker shells (one per inclination). Guowang's first launches
/// (December 2024: 10 satellites near 1,100 km, 86.5°) do not yet form a shell and are not
/// modelled.
package enum GuowangShells {
    /// GW-A59 shell 1: 8 planes × 60, 590 km, 85°, F = 1 (480; closest 0.261°, 31.8 km).
    package static let shell1 = WalkerShell(
        validatedName: "GUOWANG-S1", altitudeKilometres: 590, inclinationDegrees: 85, planes: 8,
        satellitesPerPlane: 60, phasing: 1)
    /// GW-A59 shell 2: 40 planes × 50, 600 km, 50°, F = 29 (2,000; 0.311°, 37.8 km).
    package static let shell2 = WalkerShell(
        validatedName: "GUOWANG-S2", altitudeKilometres: 600, inclinationDegrees: 50, planes: 40,
        satellitesPerPlane: 50, phasing: 29)
    /// GW-A59 shell 3: 60 planes × 60, 508 km, 55°, F = 3 (3,600; 0.213°, 25.6 km).
    package static let shell3 = WalkerShell(
        validatedName: "GUOWANG-S3", altitudeKilometres: 508, inclinationDegrees: 55, planes: 60,
        satellitesPerPlane: 60, phasing: 3)
    /// GW-2 shell 4: 27 planes × 64, 1,145 km, 30°, F = 17 (1,728; 0.589°, 77.4 km).
    package static let shell4 = WalkerShell(
        validatedName: "GUOWANG-S4", altitudeKilometres: 1_145, inclinationDegrees: 30, planes: 27,
        satellitesPerPlane: 64, phasing: 17)
    /// GW-2 shell 5: 27 planes × 64, 1,145 km, 40°, F = 25 (1,728; 0.723°, 94.9 km).
    package static let shell5 = WalkerShell(
        validatedName: "GUOWANG-S5", altitudeKilometres: 1_145, inclinationDegrees: 40, planes: 27,
        satellitesPerPlane: 64, phasing: 25)
    /// GW-2 shell 6: 27 planes × 64, 1,145 km, 50°, F = 23 (1,728; 0.686°, 90.1 km).
    package static let shell6 = WalkerShell(
        validatedName: "GUOWANG-S6", altitudeKilometres: 1_145, inclinationDegrees: 50, planes: 27,
        satellitesPerPlane: 64, phasing: 23)
    /// GW-2 shell 7: 27 planes × 64, 1,145 km, 60°, F = 6 (1,728; 0.514°, 67.5 km).
    package static let shell7 = WalkerShell(
        validatedName: "GUOWANG-S7", altitudeKilometres: 1_145, inclinationDegrees: 60, planes: 27,
        satellitesPerPlane: 64, phasing: 6)

    /// The seven shells, in order (12,992 satellites).
    package static let all = [shell1, shell2, shell3, shell4, shell5, shell6, shell7]
}
