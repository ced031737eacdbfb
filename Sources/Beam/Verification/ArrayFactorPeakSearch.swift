import RealModule

/// The strongest direction of an array factor.
package struct ArrayFactorPeak: Sendable, Hashable {
    /// Where the peak is, in the array frame (front hemisphere).
    package let direction: ArrayFrameDirection
    /// Where the peak is, as local look angles (through the array factor's mount frame).
    package let lookAngles: SkyDirection
    /// AF / N at the peak (1 for a perfectly phased beam).
    package let normalisedMagnitude: Double
}

extension ArrayFactor {
    /// Finds the global maximum of the array factor over the visible front hemisphere.
    ///
    /// Two stages: (1) a grid over the unit disk u² + v² ≤ 1, fine enough that a sample falls
    /// within a third of a main-beam width of every lobe's peak (default step
    /// λ/(4·aperture extent), at most 0.05), so the best sample lies on the main lobe — the
    /// highest sidelobe of a uniform aperture is 13–18 dB down, and a sample ⅓ beamwidth from
    /// a peak is less than 2 dB down; (2) a compass (pattern) search from the best sample,
    /// halving its step until it is below `toleranceDirectionCosine` (1e-8 by default, about
    /// 6e-7° at boresight). Ties — grating lobes of equal height, or the ridge of a line
    /// array, whose pattern does not depend on v — go to the direction nearest boresight:
    /// grid samples within 1e-9 (relative power) of the best count as equal, and the search
    /// only moves for a gain above 1e-13 (relative magnitude), more than rounding.
    ///
    /// - Parameters:
    ///   - gridStepDirectionCosine: the coarse grid step in u and v; `nil` for the default.
    ///   - toleranceDirectionCosine: the step at which the refinement stops.
    package func peak(gridStepDirectionCosine: Double? = nil, toleranceDirectionCosine: Double = 1e-8) -> ArrayFactorPeak {
        let extent = max(2 * largestRadiusMetres, wavelengthMetres / 2)
        let step = max(gridStepDirectionCosine ?? min(wavelengthMetres / (4 * extent), 0.05), 1e-6)
        var best = coarseMaximum(step: step)
        var value = magnitude(u: best.x, v: best.y)
        var stride = step
        let offsets: [SIMD2<Double>] = [
            SIMD2(1, 0), SIMD2(-1, 0), SIMD2(0, 1), SIMD2(0, -1),
            SIMD2(1, 1), SIMD2(1, -1), SIMD2(-1, 1), SIMD2(-1, -1),
        ]
        var iterations = 0
        while stride > toleranceDirectionCosine, iterations < 10_000 {
            iterations += 1
            var moved = false
            for offset in offsets {
                let candidate = best + offset * stride
                guard (candidate * candidate).sum() <= 1 else { continue }
                let candidateValue = magnitude(u: candidate.x, v: candidate.y)
                if candidateValue > value * (1 + 1e-13) {
                    best = candidate
                    value = candidateValue
                    moved = true
                }
            }
            if !moved { stride /= 2 }
        }
        let direction =
            ArrayFrameDirection(frontHemisphereU: best.x, v: best.y) ?? ArrayFrameDirection(u: 0, v: 0, w: 1)
        return ArrayFactorPeak(
            direction: direction,
            lookAngles: mountFrame.lookAngles(of: direction) ?? SkyDirection(azimuthDegrees: 0, elevationDegrees: 90),
            normalisedMagnitude: value / Double(elementCount))
    }

    /// The grid sample of largest AF inside the unit disk, as (u, v).
    ///
    /// AF(u, v) = |Σ_rows e^{j·k·y_r·v} · S_r(u)| with row sums S_r(u) = Σ_{n∈r} e^{j(k·xₙ·u + ψₙ)}:
    /// N complex exponentials per u column, then one complex product per row and grid point.
    func coarseMaximum(step: Double) -> SIMD2<Double> {
        let half = Int((1 / step).rounded(.down))
        let samples = (-half...half).map { Double($0) * step }
        // e^{j k y_r v} for every row and grid v.
        let rowPhasors = samples.map { v in rows.map { SIMD2(Double.cos($0.scaledY * v), Double.sin($0.scaledY * v)) } }
        var best = SIMD2<Double>(0, 0)
        var bestPower = -1.0
        var rowSums = [SIMD2<Double>](repeating: SIMD2(0, 0), count: rows.count)
        for u in samples {
            for (rowIndex, row) in rows.enumerated() {
                var sum = SIMD2<Double>(0, 0)
                for index in row.scaledX.indices {
                    let phase = row.scaledX[index] * u + row.phasesRadians[index]
                    sum += SIMD2(Double.cos(phase), Double.sin(phase))
                }
                rowSums[rowIndex] = sum
            }
            for (vIndex, v) in samples.enumerated() where u * u + v * v <= 1 {
                let phasors = rowPhasors[vIndex]
                var real = 0.0
                var imaginary = 0.0
                for rowIndex in rowSums.indices {
                    let a = rowSums[rowIndex]
                    let b = phasors[rowIndex]
                    real += a.x * b.x - a.y * b.y
                    imaginary += a.x * b.y + a.y * b.x
                }
                let power = real * real + imaginary * imaginary
                let inPlane = u * u + v * v
                if power > bestPower * (1 + 1e-9)
                    || (power >= bestPower * (1 - 1e-9) && inPlane < (best * best).sum())
                {
                    bestPower = max(power, bestPower)
                    best = SIMD2(u, v)
                }
            }
        }
        return best
    }
}
