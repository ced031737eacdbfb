import Foundation
import Orbit

/// The TEME → observer's east-north-up turn for a stretch of time around a base instant,
/// prepared once so that a sample costs one sine and one cosine beyond SGP4.
///
/// `TEMEToECEFTransform` computes, at each instant, r_ECEF = Wᵀ R3(θ_GMST) r_TEME (Vallado's
/// `teme2ecef`). Here θ_GMST(t) = θ₀ + θ̇ (t − t₀), with θ₀ and θ̇ taken from the transform at
/// the base and one day later: the neglected T² term of the IAU-82 GMST changes the angle by
/// ~1e-10 rad over a day (0.1 mm at LEO range). Wᵀ (polar motion, constant for the given
/// Earth orientation parameters) and the observer's ECEF → ENU rotation E are read off the
/// public transforms by applying them to the unit vectors, and folded into one matrix
/// A = E Wᵀ, so that
///
///     ρ_ENU = A R3(θ) r_TEME − E o,      ρ̇_ENU = A (R3(θ) v_TEME − ω⊕ ẑ × R3(θ) r_TEME)
///
/// with o the observer's ECEF position and ω⊕ the transform's Earth rotation rate.
struct ObserverGeometry: Sendable {
    /// The instant `seconds` count from.
    let base: JulianDate
    /// GMST at the base, radians.
    let siderealAngleRadians: Double
    /// Rate of GMST, radians per second.
    let siderealRateRadiansPerSecond: Double
    /// ω⊕ used for the velocity term, rad/s.
    let earthRotationRadiansPerSecond: Double
    /// A = E Wᵀ: pseudo-Earth-fixed → ENU.
    let enuFromPEF: RotationMatrix
    /// E o: the observer in ENU axes from the Earth's centre, km.
    let observerENUKilometres: SIMD3<Double>
    /// Wᵀ ô expressed in PEF: the observer's geocentric direction, for the central angle.
    let observerDirectionPEF: SIMD3<Double>

    init(frame: TopocentricFrame, base: JulianDate, earthOrientation: EarthOrientation) {
        self.base = base
        let atBase = TEMEToECEFTransform(at: base, earthOrientation: earthOrientation)
        let dayLater = TEMEToECEFTransform(at: base.adding(days: 1), earthOrientation: earthOrientation)
        siderealAngleRadians = atBase.greenwichMeanSiderealTimeRadians
        // A day is one turn and ~0.0172 rad: unwrap the difference around that.
        let twoPi = 2 * Double.pi
        let extra = remainder(dayLater.greenwichMeanSiderealTimeRadians - siderealAngleRadians, twoPi)
        siderealRateRadiansPerSecond = (twoPi + extra) / 86_400
        earthRotationRadiansPerSecond = earthOrientation.earthRotationRadiansPerSecond
        let ecefFromTEME = RotationMatrix(
            columns: atBase.ecefPosition(fromTEMEPosition: SIMD3(1, 0, 0)),
            atBase.ecefPosition(fromTEMEPosition: SIMD3(0, 1, 0)), atBase.ecefPosition(fromTEMEPosition: SIMD3(0, 0, 1)))
        let ecefFromPEF = ecefFromTEME * RotationMatrix.aboutZ(radians: siderealAngleRadians).transposed
        let enuFromECEF = RotationMatrix(
            columns: frame.enuComponents(ofECEFVector: SIMD3(1, 0, 0)), frame.enuComponents(ofECEFVector: SIMD3(0, 1, 0)),
            frame.enuComponents(ofECEFVector: SIMD3(0, 0, 1)))
        enuFromPEF = enuFromECEF * ecefFromPEF
        let observer = frame.observerECEFPositionKilometres
        observerENUKilometres = enuFromECEF.apply(observer)
        observerDirectionPEF = ecefFromPEF.transposed.apply(observer / (observer * observer).sum().squareRoot())
    }

    /// R3(θ(t)) applied to a TEME vector: its pseudo-Earth-fixed components.
    @inline(__always)
    func pseudoEarthFixed(_ teme: SIMD3<Double>, cosine c: Double, sine s: Double) -> SIMD3<Double> {
        SIMD3(c * teme.x + s * teme.y, -s * teme.x + c * teme.y, teme.z)
    }
}

/// A 3 × 3 matrix stored by rows.
struct RotationMatrix: Sendable {
    var row0: SIMD3<Double>
    var row1: SIMD3<Double>
    var row2: SIMD3<Double>

    init(row0: SIMD3<Double>, row1: SIMD3<Double>, row2: SIMD3<Double>) {
        self.row0 = row0
        self.row1 = row1
        self.row2 = row2
    }

    /// The matrix whose columns are the given vectors.
    init(columns c0: SIMD3<Double>, _ c1: SIMD3<Double>, _ c2: SIMD3<Double>) {
        self.init(row0: SIMD3(c0.x, c1.x, c2.x), row1: SIMD3(c0.y, c1.y, c2.y), row2: SIMD3(c0.z, c1.z, c2.z))
    }

    /// The frame rotation R3(θ) (Vallado 4th ed. eq. 3-15), as Orbit's TEME → PEF turn.
    static func aboutZ(radians angle: Double) -> RotationMatrix {
        let c = cos(angle)
        let s = sin(angle)
        return RotationMatrix(row0: SIMD3(c, s, 0), row1: SIMD3(-s, c, 0), row2: SIMD3(0, 0, 1))
    }

    var transposed: RotationMatrix { RotationMatrix(columns: row0, row1, row2) }

    @inline(__always)
    func apply(_ v: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3((row0 * v).sum(), (row1 * v).sum(), (row2 * v).sum())
    }

    static func * (lhs: RotationMatrix, rhs: RotationMatrix) -> RotationMatrix {
        let columns = rhs.transposed
        func row(_ r: SIMD3<Double>) -> SIMD3<Double> {
            SIMD3((r * columns.row0).sum(), (r * columns.row1).sum(), (r * columns.row2).sum())
        }
        return RotationMatrix(row0: row(lhs.row0), row1: row(lhs.row1), row2: row(lhs.row2))
    }
}
