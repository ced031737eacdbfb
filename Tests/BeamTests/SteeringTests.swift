import Foundation
import Testing

@testable import Beam

/// Steering phases and codes against hand calculations, and the refusals.
@Suite struct SteeringTests {
    /// Two elements on x, half a wavelength apart at the transmit carrier, flat at the zenith.
    func twoElementArray() throws -> PhasedArray {
        let carrier = 14.25e9
        let halfWavelength = 299_792_458.0 / carrier / 2
        return try PhasedArray(
            ArrayDescription(
                aperture: .grid(rows: 1, columns: 2), elementSpacingMetres: halfWavelength, transmitCarrierHertz: carrier))
    }

    /// Due east at 60° elevation is θ = 30° along +x. Elements at x = ∓d/2 with d = λ/2:
    /// φ = −k·x·u = −(2π/λ)·(∓λ/4)·0.5 = ±π/4: element 0 (x = −d/2) +45°, element 1 −45° = 315°.
    /// Codes 45/2.8125 = 16 and 315/2.8125 = 112, exactly.
    @Test func twoElementPhasesByHand() throws {
        let array = try twoElementArray()
        let target = SkyDirection(azimuthDegrees: 90, elevationDegrees: 60)
        var phases = [Double](repeating: .nan, count: 2)
        let solution = try phases.withUnsafeMutableBufferPointer { buffer in
            try array.steeringPhasesDegrees(toward: target, link: .transmit, into: buffer)
        }
        #expect(isClose(phases[0], 45, within: 1e-9))
        #expect(isClose(phases[1], 315, within: 1e-9))
        #expect(isClose(solution.offBoresightDegrees, 30, within: 1e-9))
        #expect(try steeredCodes(array, toward: target, link: .transmit) == [16, 112])
        // Due north at 60° moves the beam along y: both elements (same y) get phase 0.
        #expect(try steeredCodes(array, toward: SkyDirection(azimuthDegrees: 0, elevationDegrees: 60), link: .transmit) == [0, 0])
    }

    @Test(arguments: LinkDirection.allCases) func atBoresightEveryPhaseIsItsCalibrationOffset(link: LinkDirection) throws {
        var random = SplitMix64(seed: 7)
        let offsets = (0..<1280).map { _ in Double.random(in: -400...400, using: &random) }
        let array = try PhasedArray(ArrayDescription(calibrationOffsetsDegrees: offsets))
        let zenith = SkyDirection(azimuthDegrees: 123, elevationDegrees: 90)
        var phases = [Double](repeating: .nan, count: array.elementCount)
        _ = try phases.withUnsafeMutableBufferPointer { try array.steeringPhasesDegrees(toward: zenith, link: link, into: $0) }
        let codes = try steeredCodes(array, toward: zenith, link: link)
        for index in offsets.indices {
            #expect(phases[index] >= 0 && phases[index] < 360)
            #expect(phaseDistanceDegrees(phases[index], offsets[index]) < 1e-9)
            #expect(codes[index] == array.phaseShifter.code(forPhaseDegrees: offsets[index]))
        }
        // Without calibration, every code at boresight is 0.
        #expect(try steeredCodes(PhasedArray(), toward: zenith, link: link).allSatisfy { $0 == 0 })
    }

    /// Every code is the hand formula round((c − 360·(x·u + y·v)/λ)/step) mod 128, and the
    /// quantised phase is within half a step of the exact one.
    @Test(arguments: LinkDirection.allCases) func codesMatchTheFormulaAndHalfAStep(link: LinkDirection) throws {
        var random = SplitMix64(seed: 11)
        let offsets = (0..<1280).map { _ in Double.random(in: 0..<360, using: &random) }
        let mount = MountAttitude.tilt(rollDegrees: 4, pitchDegrees: -35, yawDegrees: 160)
        let array = try PhasedArray(ArrayDescription(calibrationOffsetsDegrees: offsets, mount: mount))
        let target = SkyDirection(azimuthDegrees: 140, elevationDegrees: 38)
        let codes = try steeredCodes(array, toward: target, link: link)
        var phases = [Double](repeating: .nan, count: array.elementCount)
        let solution = try phases.withUnsafeMutableBufferPointer {
            try array.steeringPhasesDegrees(toward: target, link: link, into: $0)
        }
        let u = solution.direction.u
        let v = solution.direction.v
        let lambda = 299_792_458.0 / (link == .receive ? 11.7e9 : 14.25e9)
        let step = 2.8125
        for (index, position) in array.elementPositionsMetres.enumerated() {
            let exact = offsets[index] - 360 * (position.x * u + position.y * v) / lambda
            #expect(phaseDistanceDegrees(phases[index], exact) < 1e-9)
            let applied = Double(codes[index]) * step
            #expect(phaseDistanceDegrees(applied, exact) <= step / 2 + 1e-9)
        }
    }

    @Test func targetsOutsideTheConeOrBelowTheHorizonAreRefused() throws {
        let array = try PhasedArray()
        var codes = [UInt8](repeating: 0xAA, count: array.elementCount)
        // 40° elevation is 50° off a zenith boresight: accepted (the limit is inclusive) ...
        _ = try array.steer(toward: SkyDirection(azimuthDegrees: 10, elevationDegrees: 40), link: .receive, into: &codes)
        // ... 39.9° is not, and nothing is written on refusal.
        codes = [UInt8](repeating: 0xAA, count: array.elementCount)
        #expect(throws: SteeringError.self) {
            try array.steer(toward: SkyDirection(azimuthDegrees: 10, elevationDegrees: 39.9), link: .receive, into: &codes)
        }
        #expect(codes.allSatisfy { $0 == 0xAA })
        do {
            _ = try array.steer(toward: SkyDirection(azimuthDegrees: 10, elevationDegrees: 30), link: .transmit, into: &codes)
            Issue.record("a target 60° off boresight was accepted")
        } catch {
            guard case .outsideScanCone(let offBoresight, let limit) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(isClose(offBoresight, 60, within: 1e-9))
            #expect(limit == 50)
        }
        // A dish tipped towards the south horizon still refuses targets below the horizon.
        let tipped = try PhasedArray(ArrayDescription(mount: .boresight(azimuthDegrees: 180, elevationDegrees: 30)))
        #expect(throws: SteeringError.belowHorizon(elevationDegrees: -5)) {
            try tipped.steer(toward: SkyDirection(azimuthDegrees: 180, elevationDegrees: -5), link: .receive, into: &codes)
        }
        #expect(throws: SteeringError.self) {
            try array.steer(toward: SkyDirection(azimuthDegrees: .nan, elevationDegrees: 80), link: .receive, into: &codes)
        }
        #expect(throws: SteeringError.self) {
            try array.steer(toward: SkyDirection(azimuthDegrees: 0, elevationDegrees: 91), link: .receive, into: &codes)
        }
    }

    @Test func aBufferOfTheWrongSizeIsRefused() throws {
        let array = try PhasedArray()
        var short = [UInt8](repeating: 0, count: 1279)
        #expect(throws: SteeringError.bufferSizeMismatch(expected: 1280, actual: 1279)) {
            try array.steer(toward: SkyDirection(azimuthDegrees: 0, elevationDegrees: 90), link: .receive, into: &short)
        }
    }

    @Test func theActiveLinkChoosesTheCarrier() throws {
        var array = try PhasedArray()
        let target = SkyDirection(azimuthDegrees: 200, elevationDegrees: 55)
        var codes = [UInt8](repeating: 0, count: array.elementCount)
        let receive = try codes.withUnsafeMutableBufferPointer { try array.steer(toward: target, into: $0) }
        #expect(receive.link == .receive && receive.carrierHertz == 11.7e9)
        #expect(codes == (try steeredCodes(array, toward: target, link: .receive)))
        array.activeLink = .transmit
        let transmit = try codes.withUnsafeMutableBufferPointer { try array.steer(toward: target, into: $0) }
        #expect(transmit.link == .transmit && transmit.carrierHertz == 14.25e9)
        #expect(codes == (try steeredCodes(array, toward: target, link: .transmit)))
        #expect(codes != (try steeredCodes(array, toward: target, link: .receive)))
    }

    @Test func scanLossIsZeroAtBoresightAndTheFormulaAt50Degrees() throws {
        let model = ScanLossModel()
        #expect(model.lossDecibels(offBoresightDegrees: 0) == 0)
        // −10 · 1.5 · log10(cos 50°) = −15 · log10(0.642788) = −15 · (−0.191932) = 2.8790 dB.
        #expect(isClose(model.lossDecibels(offBoresightDegrees: 50), -15 * log10(cos(50 * Double.pi / 180)), within: 1e-12))
        #expect(isClose(model.lossDecibels(offBoresightDegrees: 50), 2.8790, within: 1e-4))
        #expect(isClose(ScanLossModel.projectedAperture.lossDecibels(offBoresightDegrees: 50), 1.9193, within: 1e-4))
        #expect(model.lossDecibels(offBoresightDegrees: 90) == .infinity)
        // The steering solution reports it.
        let array = try PhasedArray()
        var codes = [UInt8](repeating: 0, count: array.elementCount)
        let solution = try array.steer(toward: SkyDirection(azimuthDegrees: 0, elevationDegrees: 40), link: .receive, into: &codes)
        #expect(isClose(solution.scanLossDecibels, 2.8790, within: 1e-4))
    }

    @Test func invalidDescriptionsAreRefused() {
        #expect(throws: ArrayConfigurationError.calibrationCountMismatch(expected: 1280, actual: 3)) {
            try PhasedArray(ArrayDescription(calibrationOffsetsDegrees: [0, 1, 2]))
        }
        #expect(throws: ArrayConfigurationError.carrierOutsideBand(.transmit, carrierHertz: 13e9, band: .kuUplink)) {
            try PhasedArray(ArrayDescription(transmitCarrierHertz: 13e9))
        }
        #expect(throws: ArrayConfigurationError.invalidScanLimit(degrees: 90)) {
            try PhasedArray(ArrayDescription(scanLimitDegrees: 90))
        }
        #expect(throws: ArrayConfigurationError.invalidElementSpacing(metres: -0.01)) {
            try PhasedArray(ArrayDescription(elementSpacingMetres: -0.01))
        }
        #expect(throws: ArrayConfigurationError.nonFiniteMountAttitude) {
            try PhasedArray(ArrayDescription(mount: .tilt(rollDegrees: .infinity, pitchDegrees: 0, yawDegrees: 0)))
        }
    }
}
