/// Brent's method for a root of a function that changes sign on an interval: inverse
/// quadratic interpolation and secant steps, falling back to bisection whenever they do not
/// shrink the bracket fast enough, so it never does worse than bisection and usually converges
/// superlinearly.
///
/// Brent, *Algorithms for Minimization without Derivatives* (1973), ch. 4 (`zero`); the
/// formulation of Press et al., *Numerical Recipes* 3rd ed. §9.3 (`zbrent`).
enum BrentRoot {
    /// A root of `f` in `[lower, upper]`, given `f(lower)` and `f(upper)` of opposite signs (or
    /// one of them zero), to within `tolerance` (same unit as the argument).
    ///
    /// When the signs do not differ, returns the end with the smaller |f| (the caller checks
    /// signs first; this only keeps a bad call harmless).
    static func root<Failure: Error>(
        in lower: Double, _ upper: Double, valueAtLower: Double, valueAtUpper: Double, tolerance: Double,
        maximumIterations: Int = 100, of f: (Double) throws(Failure) -> Double
    ) throws(Failure) -> Double {
        var a = lower
        var b = upper
        var fa = valueAtLower
        var fb = valueAtUpper
        if fa == 0 { return a }
        if fb == 0 { return b }
        if (fa > 0) == (fb > 0) { return abs(fa) < abs(fb) ? a : b }
        var c = a
        var fc = fa
        var d = b - a
        var e = d
        for _ in 0..<maximumIterations {
            if (fb > 0) == (fc > 0) {
                c = a
                fc = fa
                d = b - a
                e = d
            }
            if abs(fc) < abs(fb) {
                a = b
                b = c
                c = a
                fa = fb
                fb = fc
                fc = fa
            }
            let tolerance1 = 2 * Double.ulpOfOne * abs(b) + 0.5 * tolerance
            let halfBracket = 0.5 * (c - b)
            if abs(halfBracket) <= tolerance1 || fb == 0 { return b }
            if abs(e) >= tolerance1 && abs(fa) > abs(fb) {
                // Interpolate: secant when only two points are distinct, else inverse quadratic.
                let s = fb / fa
                var p: Double
                var q: Double
                if a == c {
                    p = 2 * halfBracket * s
                    q = 1 - s
                } else {
                    let qa = fa / fc
                    let r = fb / fc
                    p = s * (2 * halfBracket * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q }
                p = abs(p)
                if 2 * p < min(3 * halfBracket * q - abs(tolerance1 * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = halfBracket
                    e = d
                }
            } else {
                d = halfBracket
                e = d
            }
            a = b
            fa = fb
            b += abs(d) > tolerance1 ? d : (halfBracket > 0 ? tolerance1 : -tolerance1)
            fb = try f(b)
        }
        return b
    }
}
