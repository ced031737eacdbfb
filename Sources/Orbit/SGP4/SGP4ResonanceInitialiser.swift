import Foundation

extension SGP4DeepSpaceInitialiser {
    /// Earth rotation rate, radians per minute (7.29211514668855e-5 rad/s; `rptim`).
    static let earthRotationRadiansPerMinute = 4.37526908801129966e-3

    /// The reference's `dsinit` at t = 0: lunar–solar secular rates and, for 12 h and 24 h
    /// orbits, the geopotential resonance coefficients (Hujsak 1979; Spacetrack Report #3).
    static func secularAndResonanceTerms(
        into t: inout SGP4DeepSpaceTerms, common c: Common, near: SGP4NearEarthTerms,
        eccsq: Double, xpidot: Double, gravity: SGP4GravityModel
    ) {
        let twoPi = SGP4Initialiser.twoPi
        let nm = near.noUnkozai
        let em = near.ecco
        let inclm = near.inclo
        let emsq = c.emsq, sinim = c.sinim, cosim = c.cosim

        // Resonance class: 24 h band 0.0034906585 < n < 0.0052359877 rad/min; 12 h band
        // 8.26e-3 ≤ n ≤ 9.24e-3 rad/min with e ≥ 0.5.
        if nm < 0.0052359877 && nm > 0.0034906585 { t.resonance = .synchronous }
        if nm >= 8.26e-3 && nm <= 9.24e-3 && em >= 0.5 { t.resonance = .halfDay }

        // Solar secular terms; the node rate is dropped within 3° of the equator (sgp4fix for
        // 180° inclination, 5.2359877e-2 rad).
        let ses = c.ss1 * zns * c.ss5
        let sis = c.ss2 * zns * (c.sz11 + c.sz13)
        let sls = -zns * c.ss3 * (c.sz1 + c.sz3 - 14.0 - 6.0 * emsq)
        let sghs = c.ss4 * zns * (c.sz31 + c.sz33 - 6.0)
        var shs = -zns * c.ss2 * (c.sz21 + c.sz23)
        let nearEquatorial = inclm < 5.2359877e-2 || inclm > Double.pi - 5.2359877e-2
        if nearEquatorial { shs = 0.0 }
        if sinim != 0.0 { shs = shs / sinim }
        let sgs = sghs - cosim * shs

        // Lunar secular terms.
        t.dedt = ses + c.s1 * znl * c.s5
        t.didt = sis + c.s2 * znl * (c.z11 + c.z13)
        t.dmdt = sls - znl * c.s3 * (c.z1 + c.z3 - 14.0 - 6.0 * emsq)
        let sghl = c.s4 * znl * (c.z31 + c.z33 - 6.0)
        var shll = -znl * c.s2 * (c.z21 + c.z23)
        if nearEquatorial { shll = 0.0 }
        t.domdt = sgs + sghl
        t.dnodt = shs
        if sinim != 0.0 {
            t.domdt = t.domdt - cosim / sinim * shll
            t.dnodt = t.dnodt + shll / sinim
        }

        let theta = (t.gsto + 0.0 * earthRotationRadiansPerMinute).truncatingRemainder(
            dividingBy: twoPi)
        switch t.resonance {
        case .none:
            return
        case .halfDay:
            halfDayResonance(
                into: &t, nm: nm, em: near.ecco, emsq: eccsq, sinim: sinim,
                cosim: cosim, theta: theta, near: near, gravity: gravity)
        case .synchronous:
            let aonv = pow(nm / gravity.xke, SGP4Initialiser.twoThirds)
            let g200 = 1.0 + emsq * (-2.5 + 0.8125 * emsq)
            let g310 = 1.0 + 2.0 * emsq
            let g300 = 1.0 + emsq * (-6.0 + 6.60937 * emsq)
            let f220 = 0.75 * (1.0 + cosim) * (1.0 + cosim)
            let f311 = 0.9375 * sinim * sinim * (1.0 + 3.0 * cosim) - 0.75 * (1.0 + cosim)
            var f330 = 1.0 + cosim
            f330 = 1.875 * f330 * f330 * f330
            // Resonance coefficients q22, q31, q33 (Spacetrack Report #3).
            let q22 = 1.7891679e-6, q31 = 2.1460748e-6, q33 = 2.2123015e-7
            var del1 = 3.0 * nm * nm * aonv * aonv
            t.del2 = 2.0 * del1 * f220 * g200 * q22
            t.del3 = 3.0 * del1 * f330 * g300 * q33 * aonv
            del1 = del1 * f311 * g310 * q31 * aonv
            t.del1 = del1
            t.xlamo = (near.mo + near.nodeo + near.argpo - theta).truncatingRemainder(
                dividingBy: twoPi)
            t.xfact =
                near.mdot + xpidot - earthRotationRadiansPerMinute + t.dmdt + t.domdt
                + t.dnodt - nm
        }
    }

    /// The 12-hour resonance coefficients of `dsinit`, evaluated with the epoch eccentricity.
    // The G and F polynomials are Hujsak's fits (AIAA 79-136) as in Spacetrack Report #3.
    private static func halfDayResonance(
        into t: inout SGP4DeepSpaceTerms, nm: Double, em: Double, emsq: Double, sinim: Double,
        cosim: Double, theta: Double, near: SGP4NearEarthTerms, gravity: SGP4GravityModel
    ) {
        let aonv = pow(nm / gravity.xke, SGP4Initialiser.twoThirds)
        let cosisq = cosim * cosim
        let eoc = em * emsq
        let g201 = -0.306 - (em - 0.64) * 0.440
        let g211, g310, g322, g410, g422, g520: Double
        if em <= 0.65 {
            g211 = 3.616 - 13.2470 * em + 16.2900 * emsq
            g310 = -19.302 + 117.3900 * em - 228.4190 * emsq + 156.5910 * eoc
            g322 = -18.9068 + 109.7927 * em - 214.6334 * emsq + 146.5816 * eoc
            g410 = -41.122 + 242.6940 * em - 471.0940 * emsq + 313.9530 * eoc
            g422 = -146.407 + 841.8800 * em - 1629.014 * emsq + 1083.4350 * eoc
            g520 = -532.114 + 3017.977 * em - 5740.032 * emsq + 3708.2760 * eoc
        } else {
            g211 = -72.099 + 331.819 * em - 508.738 * emsq + 266.724 * eoc
            g310 = -346.844 + 1582.851 * em - 2415.925 * emsq + 1246.113 * eoc
            g322 = -342.585 + 1554.908 * em - 2366.899 * emsq + 1215.972 * eoc
            g410 = -1052.797 + 4758.686 * em - 7193.992 * emsq + 3651.957 * eoc
            g422 = -3581.690 + 16178.110 * em - 24462.770 * emsq + 12422.520 * eoc
            if em > 0.715 {
                g520 = -5149.66 + 29936.92 * em - 54087.36 * emsq + 31324.56 * eoc
            } else {
                g520 = 1464.74 - 4664.75 * em + 3763.64 * emsq
            }
        }
        let g533, g521, g532: Double
        if em < 0.7 {
            g533 = -919.22770 + 4988.6100 * em - 9064.7700 * emsq + 5542.21 * eoc
            g521 = -822.71072 + 4568.6173 * em - 8491.4146 * emsq + 5337.524 * eoc
            g532 = -853.66600 + 4690.2500 * em - 8624.7700 * emsq + 5341.4 * eoc
        } else {
            g533 = -37995.780 + 161616.52 * em - 229838.20 * emsq + 109377.94 * eoc
            g521 = -51752.104 + 218913.95 * em - 309468.16 * emsq + 146349.42 * eoc
            g532 = -40023.880 + 170470.89 * em - 242699.48 * emsq + 115605.82 * eoc
        }
        let sini2 = sinim * sinim
        let f220 = 0.75 * (1.0 + 2.0 * cosim + cosisq)
        let f221 = 1.5 * sini2
        let f321 = 1.875 * sinim * (1.0 - 2.0 * cosim - 3.0 * cosisq)
        let f322 = -1.875 * sinim * (1.0 + 2.0 * cosim - 3.0 * cosisq)
        let f441 = 35.0 * sini2 * f220
        let f442 = 39.3750 * sini2 * sini2
        let f522 =
            9.84375 * sinim
            * (sini2 * (1.0 - 2.0 * cosim - 5.0 * cosisq)
                + 0.33333333 * (-2.0 + 4.0 * cosim + 6.0 * cosisq))
        let f523 =
            sinim
            * (4.92187512 * sini2 * (-2.0 - 4.0 * cosim + 10.0 * cosisq)
                + 6.56250012 * (1.0 + 2.0 * cosim - 3.0 * cosisq))
        let f542 =
            29.53125 * sinim
            * (2.0 - 8.0 * cosim + cosisq * (-12.0 + 8.0 * cosim + 10.0 * cosisq))
        let f543 =
            29.53125 * sinim
            * (-2.0 - 8.0 * cosim + cosisq * (12.0 + 8.0 * cosim - 10.0 * cosisq))
        // Resonance root coefficients (Spacetrack Report #3).
        let root22 = 1.7891679e-6, root32 = 3.7393792e-7, root44 = 7.3636953e-9
        let root52 = 1.1428639e-7, root54 = 2.1765803e-9
        let xno2 = nm * nm
        let ainv2 = aonv * aonv
        var temp1 = 3.0 * xno2 * ainv2
        var temp = temp1 * root22
        t.d2201 = temp * f220 * g201
        t.d2211 = temp * f221 * g211
        temp1 = temp1 * aonv
        temp = temp1 * root32
        t.d3210 = temp * f321 * g310
        t.d3222 = temp * f322 * g322
        temp1 = temp1 * aonv
        temp = 2.0 * temp1 * root44
        t.d4410 = temp * f441 * g410
        t.d4422 = temp * f442 * g422
        temp1 = temp1 * aonv
        temp = temp1 * root52
        t.d5220 = temp * f522 * g520
        t.d5232 = temp * f523 * g532
        temp = 2.0 * temp1 * root54
        t.d5421 = temp * f542 * g521
        t.d5433 = temp * f543 * g533
        t.xlamo = (near.mo + near.nodeo + near.nodeo - theta - theta).truncatingRemainder(
            dividingBy: SGP4Initialiser.twoPi)
        t.xfact =
            near.mdot + t.dmdt + 2.0 * (near.nodedot + t.dnodt - earthRotationRadiansPerMinute)
            - near.noUnkozai
    }
}
