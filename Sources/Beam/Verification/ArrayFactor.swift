import RealModule

/// The array factor of a set of isotropic elements with given excitation phases, for
/// verifying steering: where does the beam the phases form actually point?
///
///     AF(u, v) = |Σₙ exp(j(k(xₙu + yₙv) + ψₙ))|,   k = 2π/λ
///
/// where ψₙ is the total phase of element n (Mailloux, *Phased Array Antenna Handbook*, 2nd
/// ed., eq. 1.10; the sign convention is that of `PhasedArray`). `normalisedMagnitude` divides
/// by N, so a perfectly phased beam peaks at 1. Element patterns and amplitude tapers are left
/// out: neither moves the peak of a beam steered by phase alone (uniform amplitude).
///
/// Off the per-tick path: evaluation uses one sine and cosine per element.
package struct ArrayFactor: Sendable {
    /// Element positions in the array plane, metres.
    package let elementPositionsMetres: [SIMD2<Double>]
    /// Total excitation phase ψₙ of each element, radians.
    package let excitationPhasesRadians: [Double]
    /// The wavelength the pattern is evaluated at, metres.
    package let wavelengthMetres: Double
    /// The array frame in local ENU, used to report peaks as look angles.
    package let mountFrame: MountFrame

    /// Positions times k, radians per unit direction cosine.
    let scaledPositions: [SIMD2<Double>]
    /// Elements grouped by row (equal y): used to evaluate the pattern on a (u, v) grid at
    /// the cost of one row sum per u plus one product per row and grid point.
    let rows: [ArrayFactorRow]

    /// An array factor from element positions and total phases.
    ///
    /// - Returns: `nil` if the counts differ, there are no elements, the wavelength is not
    ///   positive, or a value is not finite.
    package init?(
        elementPositionsMetres: [SIMD2<Double>], excitationPhasesRadians: [Double], wavelengthMetres: Double,
        mountFrame: MountFrame = MountFrame(.zenith)
    ) {
        guard !elementPositionsMetres.isEmpty, elementPositionsMetres.count == excitationPhasesRadians.count,
            wavelengthMetres.isFinite, wavelengthMetres > 0,
            elementPositionsMetres.allSatisfy({ $0.x.isFinite && $0.y.isFinite }),
            excitationPhasesRadians.allSatisfy(\.isFinite)
        else { return nil }
        self.elementPositionsMetres = elementPositionsMetres
        self.excitationPhasesRadians = excitationPhasesRadians
        self.wavelengthMetres = wavelengthMetres
        self.mountFrame = mountFrame
        let wavenumber = 2 * Double.pi / wavelengthMetres
        scaledPositions = elementPositionsMetres.map { $0 * wavenumber }
        rows = ArrayFactorRow.group(scaledPositions: scaledPositions, phasesRadians: excitationPhasesRadians)
    }

    /// The pattern of `array` driven with `phaseCodes` on `link`, as calibrated hardware forms
    /// it: element n radiates with the phase of its code plus its insertion phase, and the
    /// insertion phase is exactly what calibration measured (−calibration offset), so
    /// ψₙ = code·step − cₙ.
    ///
    /// - Returns: `nil` unless there is one code per element.
    package init?(array: PhasedArray, phaseCodes: [UInt8], link: LinkDirection) {
        guard phaseCodes.count == array.elementCount else { return nil }
        let calibration = array.configuration.calibrationOffsetsDegrees
        let phases = phaseCodes.indices.map { index in
            let applied = array.phaseShifter.phaseDegrees(forCode: phaseCodes[index])
            let insertion = calibration.isEmpty ? 0 : -calibration[index]
            return (applied + insertion) * Double.pi / 180
        }
        self.init(
            elementPositionsMetres: array.elementPositionsMetres, excitationPhasesRadians: phases,
            wavelengthMetres: array.wavelengthMetres(link), mountFrame: array.mountFrame)
    }

    /// Number of elements.
    package var elementCount: Int { elementPositionsMetres.count }

    /// |Σ exp(j(k(xₙu + yₙv) + ψₙ))| at direction cosines (u, v) (any real u, v).
    package func magnitude(u: Double, v: Double) -> Double {
        var real = 0.0
        var imaginary = 0.0
        for index in scaledPositions.indices {
            let position = scaledPositions[index]
            let phase = position.x * u + position.y * v + excitationPhasesRadians[index]
            real += Double.cos(phase)
            imaginary += Double.sin(phase)
        }
        return (real * real + imaginary * imaginary).squareRoot()
    }

    /// AF / N at direction cosines (u, v): 1 for a perfectly phased beam at its peak.
    package func normalisedMagnitude(u: Double, v: Double) -> Double {
        magnitude(u: u, v: v) / Double(elementCount)
    }

    /// AF / N toward an array-frame direction.
    package func normalisedMagnitude(at direction: ArrayFrameDirection) -> Double {
        normalisedMagnitude(u: direction.u, v: direction.v)
    }

    /// AF / N toward a local look direction (through `mountFrame`).
    package func normalisedMagnitude(toward target: SkyDirection) -> Double {
        normalisedMagnitude(at: mountFrame.arrayDirection(toward: target))
    }

    /// Relative power 20·log10(AF/N), dB (0 dB for a perfectly phased peak).
    package func relativePowerDecibels(u: Double, v: Double) -> Double {
        20 * Double.log10(normalisedMagnitude(u: u, v: v))
    }

    /// Largest distance of an element from the centre of the positions, metres.
    var largestRadiusMetres: Double {
        elementPositionsMetres.map { ($0 * $0).sum().squareRoot() }.max() ?? 0
    }
}

/// The elements of one row (one y) of an array factor, for grid evaluation.
struct ArrayFactorRow: Sendable {
    /// k·y of the row, radians per unit v.
    var scaledY: Double
    /// k·x of each element in the row, radians per unit u.
    var scaledX: [Double]
    /// Excitation phase of each element in the row, radians.
    var phasesRadians: [Double]

    /// Groups elements whose k·y agree to 1e-9 rad.
    static func group(scaledPositions: [SIMD2<Double>], phasesRadians: [Double]) -> [ArrayFactorRow] {
        let order = scaledPositions.indices.sorted { scaledPositions[$0].y < scaledPositions[$1].y }
        var rows: [ArrayFactorRow] = []
        for index in order {
            let position = scaledPositions[index]
            if let last = rows.indices.last, abs(rows[last].scaledY - position.y) < 1e-9 {
                rows[last].scaledX.append(position.x)
                rows[last].phasesRadians.append(phasesRadians[index])
            } else {
                rows.append(ArrayFactorRow(scaledY: position.y, scaledX: [position.x], phasesRadians: [phasesRadians[index]]))
            }
        }
        return rows
    }
}
