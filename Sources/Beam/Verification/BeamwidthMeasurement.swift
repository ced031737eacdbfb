import RealModule

/// The −3 dB width of a beam measured on its array factor, in two principal cuts.
package struct BeamwidthMeasurement: Sendable, Hashable {
    /// Width in the plane containing the boresight and the beam (broadened by 1/cos θ), degrees.
    package let scanPlaneDegrees: Double
    /// Width in the perpendicular plane, degrees.
    package let orthogonalPlaneDegrees: Double

    /// The narrower of the two widths, degrees.
    package var narrowestDegrees: Double { min(scanPlaneDegrees, orthogonalPlaneDegrees) }
}

/// A principal plane through a beam, for measuring its width.
package enum BeamCut: Sendable, Hashable, CaseIterable {
    /// The plane containing the boresight and the beam; at boresight, the array's x–z plane.
    case scanPlane
    /// The plane through the beam perpendicular to the scan plane; at boresight, the y–z plane.
    case orthogonalPlane
}

extension ArrayFactor {
    /// Measures the half-power beamwidth around `peak` in both principal cuts.
    ///
    /// - Returns: `nil` if either cut never falls to half power (see
    ///   `halfPowerBeamwidthDegrees(around:cut:)`).
    package func halfPowerBeamwidth(around peak: ArrayFactorPeak) -> BeamwidthMeasurement? {
        guard let scan = halfPowerBeamwidthDegrees(around: peak, cut: .scanPlane),
            let orthogonal = halfPowerBeamwidthDegrees(around: peak, cut: .orthogonalPlane)
        else { return nil }
        return BeamwidthMeasurement(scanPlaneDegrees: scan, orthogonalPlaneDegrees: orthogonal)
    }

    /// Measures the half-power beamwidth around `peak` in one cut, degrees: from the peak p and
    /// the cut's unit tangent t, directions p·cos α ± t·sin α are stepped outward until |AF|²
    /// falls below half its peak, then each crossing is bisected to 1e-9 rad.
    ///
    /// - Returns: `nil` if the pattern does not fall to half power within 90° of the peak on
    ///   one side (an array too small to form a beam, or a line array across its axis).
    package func halfPowerBeamwidthDegrees(around peak: ArrayFactorPeak, cut: BeamCut) -> Double? {
        let p = peak.direction.vector
        let boresight = SIMD3<Double>(0, 0, 1)
        // Scan-plane tangent: towards boresight; the array's x axis when the beam is at boresight.
        var scanTangent = boresight - p * (boresight * p).sum()
        let length = (scanTangent * scanTangent).sum().squareRoot()
        scanTangent = length > 1e-12 ? scanTangent / length : SIMD3(1, 0, 0)
        let tangent: SIMD3<Double>
        switch cut {
        case .scanPlane:
            tangent = scanTangent
        case .orthogonalPlane:
            tangent = SIMD3(
                p.y * scanTangent.z - p.z * scanTangent.y, p.z * scanTangent.x - p.x * scanTangent.z,
                p.x * scanTangent.y - p.y * scanTangent.x)
        }
        let target = 0.5 * peak.normalisedMagnitude * peak.normalisedMagnitude
        let stepRadians = 0.05 * wavelengthMetres / max(2 * largestRadiusMetres, wavelengthMetres / 2)
        func halfWidth(_ side: SIMD3<Double>) -> Double? {
            func power(_ alpha: Double) -> Double {
                let direction = p * Double.cos(alpha) + side * Double.sin(alpha)
                let magnitude = normalisedMagnitude(u: direction.x, v: direction.y)
                return magnitude * magnitude
            }
            var inside = 0.0
            var outside = stepRadians
            while power(outside) > target {
                inside = outside
                outside += stepRadians
                if outside > Double.pi / 2 { return nil }
            }
            while outside - inside > 1e-9 {
                let middle = (inside + outside) / 2
                if power(middle) > target { inside = middle } else { outside = middle }
            }
            return (inside + outside) / 2
        }
        guard let plus = halfWidth(tangent), let minus = halfWidth(-tangent) else { return nil }
        return (plus + minus) * 180 / Double.pi
    }
}
