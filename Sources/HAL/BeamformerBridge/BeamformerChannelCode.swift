/// The register values of one beamformer channel: a 7-bit phase code and a 7-bit gain code
/// (ADAR1000 data sheet, Rev. B: phase in 360°/128 = 2.8125° steps; gain from the channel's
/// minimum at 0 to its maximum at 127).
///
/// Two bytes, no padding: an array of codes is what a load-beam-state payload carries, so the
/// beam steering can write into a preallocated buffer of them and the codec copy it as is.
@frozen
package struct BeamformerChannelCode: Sendable, Hashable, BitwiseCopyable, CustomStringConvertible {
    /// Phase code, 0...127; phase = code × 2.8125°.
    package var phaseCode: UInt8
    /// Gain code, 0...127.
    package var gainCode: UInt8

    /// The largest valid code of either kind (7 bits).
    package static let maximumCode: UInt8 = 127
    /// The phase of one phase-code step, degrees (360 / 128).
    package static let phaseStepDegrees = 2.8125
    /// Phase 0, gain 0: what a reset leaves in every channel.
    package static let zero = BeamformerChannelCode(phaseCode: 0, gainCode: 0)

    /// Builds a code pair; nothing is checked here (the encoder refuses codes above 127).
    package init(phaseCode: UInt8, gainCode: UInt8) {
        self.phaseCode = phaseCode
        self.gainCode = gainCode
    }

    /// Whether both codes fit in 7 bits.
    package var isValid: Bool { phaseCode <= Self.maximumCode && gainCode <= Self.maximumCode }

    /// The phase this code sets, degrees in 0 ..< 360.
    package var phaseDegrees: Double { Double(phaseCode) * Self.phaseStepDegrees }

    /// `p45/g127`.
    package var description: String { "p\(phaseCode)/g\(gainCode)" }
}
