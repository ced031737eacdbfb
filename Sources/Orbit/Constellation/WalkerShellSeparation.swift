import Foundation

extension WalkerShell {
    /// The smallest angle, degrees, between any two satellites of the shell at any time.
    ///
    /// For circular orbits of one radius and period, the angle γ between satellite (0, 0) at
    /// argument of latitude u and a satellite of node Ω and phase lead Δ satisfies
    ///
    ///     cos γ(u) = aᵀ M R(Δ) a,   a = (cos u, sin u)
    ///
    /// where M holds the dot products of the two planes' in-plane axes (node line and its
    /// normal in the plane) and R(Δ) turns by Δ. That is C₀ + C₁ cos 2u + C₂ sin 2u, whose
    /// largest value over u is C₀ + √(C₁² + C₂²), so the closest approach needs no time
    /// stepping. The Walker pattern looks the same from every satellite and J₂'s secular
    /// drifts are shared by all of a shell's orbits, so pairs with satellite (0, 0) suffice
    /// and the result holds under SGP4's secular motion too (not its short-period terms,
    /// which move satellites by up to ~10 km).
    package var minimumSeparationDegrees: Double {
        WalkerShell.minimumSeparationDegrees(
            planes: planes, satellitesPerPlane: satellitesPerPlane, phasing: phasing,
            inclinationDegrees: inclinationDegrees)
    }

    /// `minimumSeparationDegrees` as a chord at the orbit radius 6378.135 km + altitude, km.
    package var minimumSeparationKilometres: Double {
        let radius = CircularOrbit.earthRadiusKilometres + altitudeKilometres
        return 2 * radius * sin(minimumSeparationDegrees * Double.pi / 360)
    }

    /// The phasing F in 0 … P − 1 that maximises the shell's minimum separation between
    /// satellites (the smallest such F when several tie to 1e-9°).
    package static func phasingMaximisingSeparation(
        planes: Int, satellitesPerPlane: Int, inclinationDegrees: Double
    ) -> Int {
        var best = 0
        var bestSeparation = -Double.infinity
        for phasing in 0..<max(planes, 1) {
            let separation = minimumSeparationDegrees(
                planes: planes, satellitesPerPlane: satellitesPerPlane, phasing: phasing,
                inclinationDegrees: inclinationDegrees)
            if separation > bestSeparation + 1e-9 {
                best = phasing
                bestSeparation = separation
            }
        }
        return best
    }

    static func minimumSeparationDegrees(
        planes: Int, satellitesPerPlane: Int, phasing: Int, inclinationDegrees: Double
    ) -> Double {
        let total = planes * satellitesPerPlane
        guard total > 1 else { return 180 }
        let inclination = inclinationDegrees * Double.pi / 180
        let cosI = cos(inclination)
        let sinI = sin(inclination)
        var largestCosine = -1.0
        for plane in 0..<planes {
            let node = 2 * Double.pi * Double(plane) / Double(planes)
            let cosNode = cos(node)
            let sinNode = sin(node)
            // Plane axes: node line (cos Ω, sin Ω, 0) and (−sin Ω cos i, cos Ω cos i, sin i).
            let m11 = cosNode
            let m12 = -sinNode * cosI
            let m21 = cosI * sinNode
            let m22 = cosI * cosI * cosNode + sinI * sinI
            for slot in 0..<satellitesPerPlane where plane != 0 || slot != 0 {
                let lead =
                    2 * Double.pi * Double(slot) / Double(satellitesPerPlane)
                    + 2 * Double.pi * Double(phasing * plane) / Double(total)
                let cosLead = cos(lead)
                let sinLead = sin(lead)
                let n11 = m11 * cosLead + m12 * sinLead
                let n12 = -m11 * sinLead + m12 * cosLead
                let n21 = m21 * cosLead + m22 * sinLead
                let n22 = -m21 * sinLead + m22 * cosLead
                let cosine = (n11 + n22) / 2 + hypot((n11 - n22) / 2, (n12 + n21) / 2)
                largestCosine = max(largestCosine, cosine)
            }
        }
        return acos(min(largestCosine, 1)) * 180 / Double.pi
    }
}
