import Beam

/// SplitMix64 (Steele, Lea, Flood 2014): a small, seedable generator so tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// |a − b| ≤ tolerance, for explicit-tolerance expectations (as swift-numerics'
/// isApproximatelyEqual(to:absoluteTolerance:)).
func isClose(_ a: Double, _ b: Double, within tolerance: Double) -> Bool { abs(a - b) <= tolerance }

/// The angular distance between two phases, degrees in [0, 180].
func phaseDistanceDegrees(_ a: Double, _ b: Double) -> Double {
    let difference = (a - b).truncatingRemainder(dividingBy: 360)
    let wrapped = difference < 0 ? difference + 360 : difference
    return min(wrapped, 360 - wrapped)
}

/// Steers into a fresh buffer (tests only; the per-tick path reuses one buffer).
func steeredCodes(_ array: PhasedArray, toward target: SkyDirection, link: LinkDirection) throws -> [UInt8] {
    var codes = [UInt8](repeating: 0, count: array.elementCount)
    _ = try array.steer(toward: target, link: link, into: &codes)
    return codes
}
