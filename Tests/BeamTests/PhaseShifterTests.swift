import Testing

@testable import Beam

/// Phase quantisation: step 360°/2^bits, round to nearest, wrap at 360°.
@Suite struct PhaseShifterTests {
    @Test func sevenBitsIsTheADAR1000Step() {
        #expect(PhaseShifter.adar1000.bits == 7)
        #expect(PhaseShifter.adar1000.stateCount == 128)
        #expect(PhaseShifter.adar1000.stepDegrees == 2.8125)
    }

    @Test(arguments: 1...8) func stepIs360OverTwoToTheBits(bits: Int) throws {
        let shifter = try PhaseShifter(bits: bits)
        #expect(shifter.stepDegrees == 360 / Double(1 << bits))
        #expect(shifter.phaseDegrees(forCode: UInt8(shifter.stateCount - 1)) == 360 - shifter.stepDegrees)
    }

    @Test(arguments: 1...8) func errorIsAtMostHalfAStep(bits: Int) throws {
        let shifter = try PhaseShifter(bits: bits)
        var worst = 0.0
        for thousandths in stride(from: -720_000, through: 720_000, by: 37) {
            let phase = Double(thousandths) / 1000
            let code = shifter.code(forPhaseDegrees: phase)
            #expect(Int(code) < shifter.stateCount)
            worst = max(worst, phaseDistanceDegrees(shifter.phaseDegrees(forCode: code), phase))
        }
        #expect(worst <= shifter.stepDegrees / 2 + 1e-9)
        // The sweep is fine enough to come within 0.1 % of the bound.
        #expect(worst >= shifter.stepDegrees / 2 * 0.999)
    }

    @Test func roundsToNearestAndWrapsAt360() {
        let shifter = PhaseShifter.adar1000
        #expect(shifter.code(forPhaseDegrees: 0) == 0)
        #expect(shifter.code(forPhaseDegrees: 1.40) == 0)
        #expect(shifter.code(forPhaseDegrees: 1.41) == 1)
        #expect(shifter.code(forPhaseDegrees: 45) == 16)
        #expect(shifter.code(forPhaseDegrees: 359) == 0)
        #expect(shifter.code(forPhaseDegrees: -2.8125) == 127)
        #expect(shifter.code(forPhaseDegrees: 720 + 90) == 32)
        #expect(shifter.code(forPhaseDegrees: .nan) == 0)
    }

    @Test func unsupportedBitCountsAreRefused() {
        #expect(throws: ArrayConfigurationError.unsupportedPhaseShifterBits(0)) { try PhaseShifter(bits: 0) }
        #expect(throws: ArrayConfigurationError.unsupportedPhaseShifterBits(9)) { try PhaseShifter(bits: 9) }
        #expect(throws: ArrayConfigurationError.unsupportedPhaseShifterBits(9)) {
            try PhasedArray(ArrayDescription(phaseShifterBits: 9))
        }
    }
}
