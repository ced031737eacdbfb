/// Newton's method kept inside a bracket, for roots of a function whose derivative comes with
/// every evaluation (the elevation and its rate come from one SGP4 state): a Newton step when
/// it stays inside the bracket, bisection otherwise (Press et al., *Numerical Recipes* 3rd ed.
/// §9.4, `rtsafe`). The first guess is the root of the cubic Hermite interpolant of the two
/// ends' values and derivatives, usually within a fraction of a second, so two or three
/// evaluations reach a millisecond where Brent's method needs about eight.
enum NewtonRoot {
    /// A root of `f` in `[lower, upper]`, given the values and derivatives at both ends (values
    /// of opposite signs), to within `tolerance`. `f` returns (value, derivative).
    static func root<Failure: Error>(
        in lower: Double, _ upper: Double, valueAtLower: Double, valueAtUpper: Double, derivativeAtLower: Double,
        derivativeAtUpper: Double, tolerance: Double, maximumIterations: Int = 60,
        of f: (Double) throws(Failure) -> (value: Double, derivative: Double)
    ) throws(Failure) -> Double {
        if valueAtLower == 0 { return lower }
        if valueAtUpper == 0 { return upper }
        var a = lower
        var b = upper
        let lowerIsPositive = valueAtLower > 0
        var x =
            lower + (upper - lower)
            * hermiteRoot(
                valueAtStart: valueAtLower, valueAtEnd: valueAtUpper, slopeAtStart: derivativeAtLower * (upper - lower),
                slopeAtEnd: derivativeAtUpper * (upper - lower))
        for _ in 0..<maximumIterations {
            let (value, derivative) = try f(x)
            if value == 0 { return x }
            if (value > 0) == lowerIsPositive { a = x } else { b = x }
            var next = x - value / derivative
            if !(next > a && next < b) { next = (a + b) / 2 }
            if abs(next - x) <= tolerance / 2 || b - a <= tolerance { return next }
            x = next
        }
        return x
    }

    /// The root in [0, 1] of the cubic Hermite interpolant with values v₀, v₁ and slopes
    /// m₀, m₁ (per unit of the normalised argument), by a few Newton steps from the secant
    /// guess; the secant guess itself when the cubic misbehaves.
    static func hermiteRoot(valueAtStart v0: Double, valueAtEnd v1: Double, slopeAtStart m0: Double, slopeAtEnd m1: Double)
        -> Double
    {
        let secant = v0 / (v0 - v1)
        var s = secant
        for _ in 0..<6 {
            let s2 = s * s
            let s3 = s2 * s
            let value =
                (2 * s3 - 3 * s2 + 1) * v0 + (s3 - 2 * s2 + s) * m0 + (-2 * s3 + 3 * s2) * v1 + (s3 - s2) * m1
            let slope =
                (6 * s2 - 6 * s) * v0 + (3 * s2 - 4 * s + 1) * m0 + (-6 * s2 + 6 * s) * v1 + (3 * s2 - 2 * s) * m1
            guard slope != 0 else { break }
            s -= value / slope
            guard s > 0, s < 1 else { return secant }
        }
        return s.isFinite ? s : secant
    }

    /// Where in (0, 1) the cubic Hermite interpolant with values v₀, v₁ and slopes m₀ > 0 > m₁
    /// peaks: the root of its derivative, a quadratic, at which the second derivative is
    /// negative; 0.5 when there is none.
    static func hermitePeak(valueAtStart v0: Double, valueAtEnd v1: Double, slopeAtStart m0: Double, slopeAtEnd m1: Double)
        -> Double
    {
        // H'(s) = a s² + b s + c.
        let a = 6 * v0 + 3 * m0 - 6 * v1 + 3 * m1
        let b = -6 * v0 - 4 * m0 + 6 * v1 - 2 * m1
        let c = m0
        if abs(a) < 1e-300 { return b < 0 ? min(max(-c / b, 0), 1) : 0.5 }
        let discriminant = b * b - 4 * a * c
        guard discriminant >= 0 else { return 0.5 }
        let root = discriminant.squareRoot()
        // The stable pair of roots (Numerical Recipes §5.6), keeping the one where H'' = 2as + b < 0.
        let q = -0.5 * (b + (b < 0 ? -root : root))
        for s in [q / a, q != 0 ? c / q : .nan] where s > 0 && s < 1 && 2 * a * s + b < 0 {
            return s
        }
        return 0.5
    }
}
