/// Element positions pre-scaled for one carrier, so steering is two multiply-adds per
/// element (the "precompute k·position once" of the per-tick path).
struct SteeringTable: Sendable {
    /// The carrier the table is scaled for, hertz.
    let carrierHertz: Double
    /// λ at the carrier, metres.
    let wavelengthMetres: Double
    /// Element positions in wavelengths, (x/λ, y/λ), in element order. The steering phase in
    /// turns is −(x/λ·u + y/λ·v), i.e. −k(x·u + y·v)/2π.
    let positionsWavelengths: [SIMD2<Double>]
    /// A whole number of turns, larger than any |calibration − steering| phase in turns, added
    /// before truncation so that truncation is a floor (no libm call) and wrapping modulo
    /// one turn is a mask of the integer part.
    let biasTurns: Double

    init(positionsMetres: [SIMD2<Double>], carrierHertz: Double) {
        self.carrierHertz = carrierHertz
        let wavelength = FreeSpace.wavelengthMetres(frequencyHertz: carrierHertz)
        wavelengthMetres = wavelength
        positionsWavelengths = positionsMetres.map { $0 / wavelength }
        // |x·u + y·v| ≤ |r| because u² + v² ≤ 1; calibration turns are in [0, 1).
        let largestRadius = positionsWavelengths.map { ($0 * $0).sum().squareRoot() }.max() ?? 0
        biasTurns = (largestRadius + 2).rounded(.up)
    }

    /// Writes 2^bits-level phase codes for direction cosines (u, v): for each element n,
    ///
    ///     code_n = round(2^bits · (c_n − x_n/λ·u − y_n/λ·v)) mod 2^bits
    ///
    /// with c_n the calibration in turns. Rounds half up. Allocation-free; `codes` and
    /// `calibrationTurns` hold exactly one entry per element.
    func writeCodes(
        u: Double, v: Double, calibrationTurns: UnsafeBufferPointer<Double>, stateCount: Int,
        into codes: UnsafeMutableBufferPointer<UInt8>
    ) {
        let levels = Double(stateCount)
        let mask = stateCount - 1
        // biasTurns·levels is a multiple of stateCount, so the mask removes it again.
        let offset = biasTurns * levels + 0.5
        positionsWavelengths.withUnsafeBufferPointer { positions in
            for index in 0..<positions.count {
                let position = positions[index]
                let turns = calibrationTurns[index] - (position.x * u + position.y * v)
                codes[index] = UInt8(truncatingIfNeeded: Int(turns * levels + offset) & mask)
            }
        }
    }

    /// Writes the unquantised phases, degrees in [0, 360): 360 · frac(c_n − x_n/λ·u − y_n/λ·v).
    func writePhasesDegrees(
        u: Double, v: Double, calibrationTurns: UnsafeBufferPointer<Double>,
        into phases: UnsafeMutableBufferPointer<Double>
    ) {
        positionsWavelengths.withUnsafeBufferPointer { positions in
            for index in 0..<positions.count {
                let position = positions[index]
                let turns = calibrationTurns[index] - (position.x * u + position.y * v) + biasTurns
                let degrees = (turns - Double(Int(turns))) * 360
                phases[index] = degrees < 360 ? degrees : 0
            }
        }
    }
}
