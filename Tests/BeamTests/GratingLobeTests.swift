import Foundation
import Testing

@testable import Beam

/// Grating-lobe onset against the hand formula d/λ < 1/(1 + sin θmax), and against the array
/// factor itself.
@Suite struct GratingLobeTests {
    static let topOfTransmit = 14.5e9
    static let wavelengthAtTop = 299_792_458.0 / 14.5e9  // 20.6753 mm

    @Test func handConditionForTheSquareGrid() {
        // d/λ < 1/(1 + sin 50°) = 1/1.766044 = 0.566237 → d < 11.707 mm at 14.5 GHz.
        let limit = GratingLobes.maximumSpacingMetres(
            lattice: .rectangular, frequencyHertz: Self.topOfTransmit, scanLimitDegrees: 50)
        #expect(isClose(limit / Self.wavelengthAtTop, 1 / (1 + sin(50 * Double.pi / 180)), within: 1e-15))
        #expect(isClose(limit * 1000, 11.7071, within: 1e-3))
        // Triangular: (2/√3)/(1 + sin 50°) = 0.653834 → 13.518 mm.
        let triangular = GratingLobes.maximumSpacingMetres(
            lattice: .triangular, frequencyHertz: Self.topOfTransmit, scanLimitDegrees: 50)
        #expect(isClose(triangular * 1000, 13.5181, within: 1e-3))
    }

    @Test func onsetAnglesByHand() throws {
        let f = Self.topOfTransmit
        let lambda = Self.wavelengthAtTop
        // d = 0.6 λ: sin θg = 1/0.6 − 1 = 2/3 → θg = 41.8103°.
        let onset = try #require(
            GratingLobes.onsetOffBoresightDegrees(lattice: .rectangular, spacingMetres: 0.6 * lambda, frequencyHertz: f))
        #expect(isClose(onset, 41.8103149, within: 1e-6))
        // d = λ/2: the first grating lobe only grazes the horizon at a 90° scan: never visible.
        #expect(GratingLobes.onsetOffBoresightDegrees(lattice: .rectangular, spacingMetres: lambda / 2, frequencyHertz: f) == nil)
        // d = λ: a grating lobe sits on the horizon already at boresight.
        #expect(GratingLobes.onsetOffBoresightDegrees(lattice: .rectangular, spacingMetres: lambda, frequencyHertz: f) == 0)
        // Triangular, d = 0.6 λ: sin θg = 2/(√3·0.6) − 1 = 0.924500 → 67.5932°.
        let triangular = try #require(
            GratingLobes.onsetOffBoresightDegrees(lattice: .triangular, spacingMetres: 0.6 * lambda, frequencyHertz: f))
        #expect(isClose(triangular, asin(2 / (3.0.squareRoot() * 0.6) - 1) * 180 / Double.pi, within: 1e-12))
        #expect(isClose(triangular, 67.5932, within: 1e-3))
    }

    @Test func theDefaultArrayIsFreeOfGratingLobesInBothBands() throws {
        let array = try PhasedArray()
        let spacing = array.configuration.elementSpacingMetres
        #expect(isClose(spacing * 1000, 10.3377, within: 1e-3))
        for band in [FrequencyBand.kuDownlink, .kuUplink] {
            #expect(
                !GratingLobes.appearsWithinScanCone(
                    lattice: .rectangular, spacingMetres: spacing, frequencyHertz: band.upperEdgeHertz,
                    scanLimitDegrees: 50))
        }
    }

    @Test func aSquareGridTooSparseForTheScanConeIsRefused() throws {
        // 11.6 mm passes, 11.8 mm fails (limit 11.707 mm at the transmit band top).
        _ = try PhasedArray(ArrayDescription(elementSpacingMetres: 0.0116))
        do {
            _ = try PhasedArray(ArrayDescription(elementSpacingMetres: 0.0118))
            Issue.record("a 11.8 mm square grid was accepted")
        } catch {
            guard case .gratingLobeWithinScanCone(let link, let frequency, let onset, let limit) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(link == .transmit)
            #expect(frequency == 14.5e9)
            #expect(limit == 50)
            // sin θg = λ/d − 1 = 20.6753/11.8 − 1 = 0.752146 → 48.77°.
            #expect(isClose(onset, asin(Self.wavelengthAtTop / 0.0118 - 1) * 180 / Double.pi, within: 1e-9))
        }
        // A narrower scan cone, or a triangular lattice, makes the same spacing acceptable.
        _ = try PhasedArray(ArrayDescription(elementSpacingMetres: 0.0118, scanLimitDegrees: 45))
        _ = try PhasedArray(ArrayDescription(lattice: .triangular, elementSpacingMetres: 0.0118))
    }

    /// The array factor of a 16-element line with d = 0.75 λ shows the predicted onset,
    /// asin(1/0.75 − 1) = 19.47°: a full-height copy of the beam at u₀ − λ/d once visible.
    @Test func theArrayFactorAgreesWithTheOnsetAngle() throws {
        let lambda = 0.02
        let d = 0.75 * lambda
        let positions = (0..<16).map { SIMD2(Double($0) * d, 0) }
        func steered(toDegrees theta: Double) throws -> ArrayFactor {
            let u0 = sin(theta * Double.pi / 180)
            let phases = positions.map { -2 * Double.pi / lambda * $0.x * u0 }
            return try #require(
                ArrayFactor(elementPositionsMetres: positions, excitationPhasesRadians: phases, wavelengthMetres: lambda))
        }
        let onset = try #require(
            GratingLobes.onsetOffBoresightDegrees(lattice: .rectangular, spacingMetres: d, frequencyHertz: 299_792_458 / lambda))
        #expect(isClose(onset, 19.4712206, within: 1e-6))
        // Steered to 25°: the lobe at u = sin 25° − 4/3 = −0.9107 is visible and as high as the beam.
        let past = try steered(toDegrees: 25)
        let lobeU = sin(25 * Double.pi / 180) - lambda / d
        #expect(abs(lobeU) < 1)
        #expect(isClose(past.normalisedMagnitude(u: lobeU, v: 0), 1, within: 1e-9))
        // Steered to 15°: the lobe would be at u = −1.075, outside visible space; the largest
        // value of the pattern over u ∈ [−1, −0.6] is a sidelobe, well down.
        let before = try steered(toDegrees: 15)
        let worst = stride(from: -1.0, through: -0.6, by: 0.0005).map { before.normalisedMagnitude(u: $0, v: 0) }.max() ?? 1
        #expect(worst < 0.5)
    }
}
