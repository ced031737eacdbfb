import Foundation

/// A 3 × 3 rotation matrix stored by rows, for turning vectors between frames without
/// allocation (Linux has no `simd_double3x3`). Vectors are built with `SIMD3(x, y, z)`, not
/// array literals, which allocate an array in unoptimised builds.
struct FrameRotation: Sendable, Equatable {
    var row0: SIMD3<Double>
    var row1: SIMD3<Double>
    var row2: SIMD3<Double>

    static let identity = FrameRotation(row0: SIMD3(1, 0, 0), row1: SIMD3(0, 1, 0), row2: SIMD3(0, 0, 1))

    /// The frame rotation R3(θ) about z by `radians`: a vector's components in a frame turned
    /// by +θ about z (Vallado 4th ed. eq. 3-15). Turning TEME by GMST gives PEF.
    static func aboutZ(radians angle: Double) -> FrameRotation {
        let c = cos(angle)
        let s = sin(angle)
        return FrameRotation(row0: SIMD3(c, s, 0), row1: SIMD3(-s, c, 0), row2: SIMD3(0, 0, 1))
    }

    /// This matrix times `vector`.
    @inline(__always)
    func apply(_ vector: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3((row0 * vector).sum(), (row1 * vector).sum(), (row2 * vector).sum())
    }

    var transposed: FrameRotation {
        FrameRotation(
            row0: SIMD3(row0.x, row1.x, row2.x), row1: SIMD3(row0.y, row1.y, row2.y),
            row2: SIMD3(row0.z, row1.z, row2.z))
    }

    /// The product `lhs · rhs` (apply `rhs` first).
    static func * (lhs: FrameRotation, rhs: FrameRotation) -> FrameRotation {
        let columns = rhs.transposed
        func row(_ r: SIMD3<Double>) -> SIMD3<Double> {
            SIMD3((r * columns.row0).sum(), (r * columns.row1).sum(), (r * columns.row2).sum())
        }
        return FrameRotation(row0: row(lhs.row0), row1: row(lhs.row1), row2: row(lhs.row2))
    }
}

/// The cross product a × b.
@inline(__always)
func crossProduct(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
    SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}
