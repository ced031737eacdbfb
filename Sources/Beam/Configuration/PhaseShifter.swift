/// A digital phase shifter with `bits` bits: 2^bits states, evenly spaced over 360°.
///
/// State code c ∈ 0 ..< 2^bits applies the phase c · 360°/2^bits. The default part is
/// modelled on the Analog Devices ADAR1000 beamformer (7-bit phase control, 2.8125° steps;
/// ADAR1000 data sheet Rev. B, and the CN0566 "Phaser" reference design, which steers an
/// eight-element array with it).
package struct PhaseShifter: Sendable, Hashable {
    /// Phase control bits (1...8, so that every code fits a `UInt8`).
    package let bits: Int

    /// The bit counts this model supports.
    package static let supportedBits = 1...8

    /// A 7-bit shifter, 2.8125° per step (ADAR1000, CN0566).
    package static let adar1000 = PhaseShifter(validatedBits: 7)

    /// A shifter with `bits` bits of phase control.
    ///
    /// - Throws: `ArrayConfigurationError.unsupportedPhaseShifterBits` outside 1...8.
    package init(bits: Int) throws(ArrayConfigurationError) {
        guard Self.supportedBits.contains(bits) else { throw .unsupportedPhaseShifterBits(bits) }
        self.bits = bits
    }

    private init(validatedBits: Int) { bits = validatedBits }

    /// Number of distinct states, 2^bits.
    package var stateCount: Int { 1 << bits }

    /// The phase step between adjacent states, 360°/2^bits (2.8125° for 7 bits).
    package var stepDegrees: Double { 360 / Double(stateCount) }

    /// The state nearest `phaseDegrees` (any real phase; wrapped modulo 360°).
    ///
    /// Rounds to the nearest step, halves upward, so the error |phase − applied| is at most
    /// half a step modulo 360°; a phase that rounds up to 360° wraps to code 0. A non-finite
    /// phase maps to code 0 (the reference state) rather than trapping.
    package func code(forPhaseDegrees phaseDegrees: Double) -> UInt8 {
        guard phaseDegrees.isFinite else { return 0 }
        let wrapped = phaseDegrees.truncatingRemainder(dividingBy: 360)
        let steps = (wrapped / stepDegrees + 0.5).rounded(.down)
        let count = stateCount
        let code = ((Int(steps) % count) + count) % count
        return UInt8(truncatingIfNeeded: code)
    }

    /// The phase state `code` applies, degrees in [0, 360) (bits above `bits` are ignored).
    package func phaseDegrees(forCode code: UInt8) -> Double {
        Double(Int(code) & (stateCount - 1)) * stepDegrees
    }
}
