import Foundation
import Testing

@testable import Beam

/// The array factor against closed forms worked out by hand.
@Suite struct ArrayFactorTests {
    /// Two elements at x = ±d/2 with phases ψ₀, ψ₁:
    /// AF(u) = |e^{j(−kdu/2 + ψ₀)} + e^{j(kdu/2 + ψ₁)}| = 2·|cos((k·d·u + ψ₁ − ψ₀)/2)|.
    @Test func twoElementArrayFactorByHand() throws {
        let lambda = 0.021
        let d = 0.6 * lambda
        let k = 2 * Double.pi / lambda
        let psi0 = 0.3
        let psi1 = -1.1
        let af = try #require(
            ArrayFactor(
                elementPositionsMetres: [SIMD2(-d / 2, 0.002), SIMD2(d / 2, 0.002)], excitationPhasesRadians: [psi0, psi1],
                wavelengthMetres: lambda))
        for u in stride(from: -1.0, through: 1.0, by: 0.01) {
            for v in [-0.5, 0, 0.7] {
                let hand = 2 * abs(cos((k * d * u + psi1 - psi0) / 2))
                #expect(isClose(af.magnitude(u: u, v: v), hand, within: 1e-12))
            }
        }
        // Peak where k·d·u = ψ₀ − ψ₁: u = 1.4/(2π·0.6) = 0.371362.
        let peak = af.peak()
        #expect(isClose(peak.direction.u, (psi0 - psi1) / (k * d), within: 1e-6))
        #expect(isClose(peak.normalisedMagnitude, 1, within: 1e-12))
    }

    /// Steering a quantised two-element array (codes 16 and 112, ±45°) puts the peak at
    /// sin θ = 0.5 exactly: quantisation is exact there.
    @Test func steeredTwoElementArrayPeaksAt30Degrees() throws {
        let carrier = 14.25e9
        let halfWavelength = 299_792_458.0 / carrier / 2
        let array = try PhasedArray(
            ArrayDescription(
                aperture: .grid(rows: 1, columns: 2), elementSpacingMetres: halfWavelength, transmitCarrierHertz: carrier))
        let codes = try steeredCodes(array, toward: SkyDirection(azimuthDegrees: 90, elevationDegrees: 60), link: .transmit)
        let af = try #require(ArrayFactor(array: array, phaseCodes: codes, link: .transmit))
        // AF(u) = 2|cos(π/2·(u − 0.5))|: 2 at u = 0.5, 2·cos(π/4) = √2 at u = 0.
        #expect(isClose(af.magnitude(u: 0.5, v: 0), 2, within: 1e-12))
        #expect(isClose(af.magnitude(u: 0, v: 0), 2.0.squareRoot(), within: 1e-12))
        // The pattern is a ridge along v; the search settles where it crosses v = 0.
        let peak = af.peak()
        #expect(isClose(peak.direction.u, 0.5, within: 1e-6))
        #expect(isClose(peak.direction.v, 0, within: 1e-9))
        #expect(isClose(peak.lookAngles.azimuthDegrees, 90, within: 1e-3))
        #expect(isClose(peak.lookAngles.elevationDegrees, 60, within: 1e-3))
    }

    /// A uniform line of N isotropic elements: AF = |sin(Nx/2)/sin(x/2)|, x = k·d·u + Δψ; its
    /// half-power width approaches 0.886·λ/(N·d) (Mailloux eq. 1.23).
    @Test func uniformLineMatchesTheClosedFormAndItsBeamwidth() throws {
        let lambda = 0.02
        let d = lambda / 2
        let count = 64
        let positions = (0..<count).map { SIMD2(Double($0) * d, 0) }
        let af = try #require(
            ArrayFactor(
                elementPositionsMetres: positions, excitationPhasesRadians: Array(repeating: 0, count: count),
                wavelengthMetres: lambda))
        for u in stride(from: 0.001, through: 0.2, by: 0.0137) {
            let x = 2 * Double.pi / lambda * d * u
            #expect(isClose(af.magnitude(u: u, v: 0), abs(sin(Double(count) * x / 2) / sin(x / 2)), within: 1e-9))
        }
        // The pattern does not depend on v: the peak search settles on the ridge at boresight.
        let peak = af.peak()
        #expect(isClose(peak.direction.w, 1, within: 1e-12))
        #expect(af.halfPowerBeamwidthDegrees(around: peak, cut: .orthogonalPlane) == nil)
        let width = try #require(af.halfPowerBeamwidthDegrees(around: peak, cut: .scanPlane))
        let closedForm = BeamwidthEstimate.uniformLineDegrees(elementCount: count, spacingMetres: d, wavelengthMetres: lambda)
        // 0.886·λ/(N·d) rad = 1.5864° for N = 64, d = λ/2; the exact width is within 0.1 %.
        #expect(isClose(closedForm, 1.5864, within: 1e-3))
        #expect(abs(width - closedForm) / closedForm < 1e-3)
    }

    /// The default array's measured broadside beamwidth matches the equal-area circular aperture
    /// estimate 1.029·λ/D (2.97° at 14.25 GHz) within 3 %, and broadens as 1/cos θ when scanned.
    @Test func defaultArrayBeamwidthMatchesTheEstimate() throws {
        let array = try PhasedArray()
        let zenith = SkyDirection(azimuthDegrees: 0, elevationDegrees: 90)
        let af = try #require(
            ArrayFactor(array: array, phaseCodes: try steeredCodes(array, toward: zenith, link: .transmit), link: .transmit))
        let width = try #require(af.halfPowerBeamwidth(around: af.peak()))
        let estimate = array.estimatedHalfPowerBeamwidthDegrees(link: .transmit)
        // 1.029 · 21.038 mm / 417.3 mm = 0.05188 rad = 2.972°.
        #expect(isClose(estimate, 2.972, within: 0.002))
        #expect(abs(width.scanPlaneDegrees - estimate) / estimate < 0.03)
        #expect(abs(width.orthogonalPlaneDegrees - estimate) / estimate < 0.03)

        let scanned = SkyDirection(azimuthDegrees: 90, elevationDegrees: 45)  // 45° off along +x
        let scannedFactor = try #require(
            ArrayFactor(array: array, phaseCodes: try steeredCodes(array, toward: scanned, link: .transmit), link: .transmit))
        let scannedWidth = try #require(scannedFactor.halfPowerBeamwidth(around: scannedFactor.peak()))
        #expect(abs(scannedWidth.scanPlaneDegrees * cos(Double.pi / 4) - width.scanPlaneDegrees) / width.scanPlaneDegrees < 0.02)
        #expect(abs(scannedWidth.orthogonalPlaneDegrees - width.orthogonalPlaneDegrees) / width.orthogonalPlaneDegrees < 0.02)
    }

    @Test func mismatchedInputsGiveNoArrayFactor() throws {
        #expect(ArrayFactor(elementPositionsMetres: [SIMD2(0, 0)], excitationPhasesRadians: [], wavelengthMetres: 0.02) == nil)
        #expect(ArrayFactor(elementPositionsMetres: [SIMD2(0, 0)], excitationPhasesRadians: [0], wavelengthMetres: 0) == nil)
        let array = try PhasedArray()
        #expect(ArrayFactor(array: array, phaseCodes: [0, 1], link: .receive) == nil)
    }
}
