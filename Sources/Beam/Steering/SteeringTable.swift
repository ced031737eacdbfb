/// Element positions pre-scaled for one carrier, so steering is two multiply-adds per
/// element (the "precompute k·position once" of the per-tick path).
struct SteeringTable: Sendable {
    /// The carrier the table is scaled for, hertz.
    let carrierHertz: Double
    /// λ at the carrier, metres.
    let wavelengthMetres: Double
    /// Element x positions in wavelengths, x/λ, in element order. The steering phase in turns
    /// is −(x/λ·u + y/λ·v), i.e. −k(x·u + y·v)/2π. Kept apart from y (structure of arrays)
    /// so the compiler can vectorise the per-element loop.
    let xWavelengths: [Double]
    /// Element y positions in wavelengths, y/λ, in element order.
    let yWavelengths: [Double]
    /// A whole number of turns, larger than any |calibration − steering| phase in turns, added
    /// before truncation in `writePhasesDegrees` so that truncation is a floor (no libm call).
    let biasTurns: Double

    init(positionsMetres: [SIMD2<Double>], carrierHertz: Double) {
        self.carrierHertz = carrierHertz
        let wavelength = FreeSpace.wavelengthMetres(frequencyHertz: carrierHertz)
        wavelengthMetres = wavelength
        xWavelengths = positionsMetres.map { $0.x / wavelength }
        yWavelengths = positionsMetres.map { $0.y / wavelength }
        // |x·u + y·v| ≤ |r| because u² + v² ≤ 1; calibration turns are in [0, 1).
        let largestRadius = (positionsMetres.map { ($0 * $0).sum().squareRoot() }.max() ?? 0) / wavelength
        biasTurns = (largestRadius + 2).rounded(.up)
    }

    /// Writes 2^bits-level phase codes for direction cosines (u, v): for each element n,
    ///
    ///     code_n = round(2^bits · (c_n − x_n/λ·u − y_n/λ·v)) mod 2^bits
    ///
    /// with c_n the calibration in turns; ties (exact half steps) round to even. Allocation-free
    /// and branch-free; `codes` and `calibrationTurns` hold exactly one entry per element.
    ///
    /// Rounding uses the classic magic-number trick instead of a libm call or a trapping
    /// `Int(_:)`: adding 1.5·2^52 to a double of magnitude below 2^51 leaves the nearest integer
    /// in the low bits of the sum's significand, two's complement for negatives (IEEE 754
    /// round-to-nearest-even); masking those bits with 2^bits − 1 is the reduction modulo
    /// 2^bits, i.e. the wrap to [0°, 360°). Here |levels| < 2^8 · (aperture radius/λ + 1).
    func writeCodes(
        u: Double, v: Double, calibrationTurns: UnsafeBufferPointer<Double>, stateCount: Int,
        into codes: UnsafeMutableBufferPointer<UInt8>
    ) {
        let levels = Double(stateCount)
        let mask = UInt64(stateCount - 1)
        let roundingMagic = 6_755_399_441_055_744.0  // 1.5 · 2^52
        xWavelengths.withUnsafeBufferPointer { xs in
            yWavelengths.withUnsafeBufferPointer { ys in
                for index in 0..<xs.count {
                    let turns = calibrationTurns[index] - (xs[index] * u + ys[index] * v)
                    let rounded = (turns * levels + roundingMagic).bitPattern
                    codes[index] = UInt8(truncatingIfNeeded: rounded & mask)
                }
            }
        }
    }

    /// Writes the unquantised phases, degrees in [0, 360): 360 · frac(c_n − x_n/λ·u − y_n/λ·v).
    func writePhasesDegrees(
        u: Double, v: Double, calibrationTurns: UnsafeBufferPointer<Double>,
        into phases: UnsafeMutableBufferPointer<Double>
    ) {
        for index in xWavelengths.indices {
            let turns = calibrationTurns[index] - (xWavelengths[index] * u + yWavelengths[index] * v) + biasTurns
            let degrees = (turns - Double(Int(turns))) * 360
            phases[index] = degrees < 360 ? degrees : 0
        }
    }
}
