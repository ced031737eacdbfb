/// Shanghai Spacecom's Qianfan ("Thousand Sails"), first phase: about 1,296 satellites near
/// 1,160 km (SSST's announcement as reported by Reuters, 6 August 2024), in polar orbits
/// inclined 89° (US Space Force tracking of the first launches, as reported by SpaceNews,
/// 23 January 2025), launched 18 at a time on Long March 6A.
///
/// Assumption (the plane layout is not public): 36 planes × 36 satellites, each launch half a
/// plane, as a Walker delta (nodes over 360°), F = 1 — the F maximising the closest approach,
/// which for near-polar delta planes crossing at the poles is only 0.087° (11.5 km; a real
/// polar network would phase its planes as a Walker star). A synthetic stand-in for
/// visibility and scheduling, not the real constellation.
package enum QianfanShells {
    /// Phase 1: 36 planes × 36 satellites, 1,160 km, 89°, F = 1 (1,296 satellites).
    package static let shell1 = WalkerShell(
        validatedName: "QIANFAN-S1", altitudeKilometres: 1_160, inclinationDegrees: 89, planes: 36,
        satellitesPerPlane: 36, phasing: 1)

    /// The one shell modelled (1,296 satellites).
    package static let all = [shell1]
}
