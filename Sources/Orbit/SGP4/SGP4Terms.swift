/// The constants `sgp4init` computes for every orbit: the mean elements in SGP4 units, the
/// secular rates, the drag coefficients and the long- and short-period coefficients.
///
/// Names are those of the reference (AIAA 2006-6753, `elsetrec`) so the code can be checked
/// against it line by line.
struct SGP4NearEarthTerms: Sendable {
    // Mean elements at epoch (radians, radians per minute, 1/Earth radii).
    var bstar = 0.0
    var ecco = 0.0
    var argpo = 0.0
    var inclo = 0.0
    var mo = 0.0
    var noUnkozai = 0.0
    var nodeo = 0.0

    /// Simplified drag (perigee below 220 km, or deep space): the d2…t5cof terms are unused.
    var isSimplifiedDrag = false

    // Secular gravity and drag rates.
    var mdot = 0.0
    var argpdot = 0.0
    var nodedot = 0.0
    var nodecf = 0.0
    var cc1 = 0.0
    var cc4 = 0.0
    var cc5 = 0.0
    var t2cof = 0.0
    var omgcof = 0.0
    var xmcof = 0.0
    var eta = 0.0
    var delmo = 0.0
    var sinmao = 0.0
    var d2 = 0.0
    var d3 = 0.0
    var d4 = 0.0
    var t3cof = 0.0
    var t4cof = 0.0
    var t5cof = 0.0

    // Long- and short-period coefficients (recomputed per call in deep space).
    var aycof = 0.0
    var xlcof = 0.0
    var con41 = 0.0
    var x1mth2 = 0.0
    var x7thm1 = 0.0
}

/// The deep-space (SDP4) constants: lunar–solar periodic coefficients (`dscom`), secular
/// rates and resonance coefficients (`dsinit`). AIAA 2006-6753, §"Deep space".
struct SGP4DeepSpaceTerms: Sendable {
    /// Geopotential resonance class, from the mean motion and eccentricity at epoch.
    enum Resonance: Sendable {
        case none
        /// 24 h, geosynchronous (`irez` = 1).
        case synchronous
        /// 12 h, Molniya-like (`irez` = 2).
        case halfDay
    }

    /// Greenwich sidereal angle at epoch, radians.
    var gsto = 0.0

    // Lunar–solar periodic coefficients (solar: s…, lunar: x…/e…).
    var e3 = 0.0
    var ee2 = 0.0
    var se2 = 0.0
    var se3 = 0.0
    var sgh2 = 0.0
    var sgh3 = 0.0
    var sgh4 = 0.0
    var sh2 = 0.0
    var sh3 = 0.0
    var si2 = 0.0
    var si3 = 0.0
    var sl2 = 0.0
    var sl3 = 0.0
    var sl4 = 0.0
    var xgh2 = 0.0
    var xgh3 = 0.0
    var xgh4 = 0.0
    var xh2 = 0.0
    var xh3 = 0.0
    var xi2 = 0.0
    var xi3 = 0.0
    var xl2 = 0.0
    var xl3 = 0.0
    var xl4 = 0.0
    var zmol = 0.0
    var zmos = 0.0

    // Lunar–solar secular rates.
    var dedt = 0.0
    var didt = 0.0
    var dmdt = 0.0
    var dnodt = 0.0
    var domdt = 0.0

    // Resonance.
    var resonance = Resonance.none
    var d2201 = 0.0
    var d2211 = 0.0
    var d3210 = 0.0
    var d3222 = 0.0
    var d4410 = 0.0
    var d4422 = 0.0
    var d5220 = 0.0
    var d5232 = 0.0
    var d5421 = 0.0
    var d5433 = 0.0
    var del1 = 0.0
    var del2 = 0.0
    var del3 = 0.0
    var xfact = 0.0
    var xlamo = 0.0
}
