import Foundation

/// The reference's `dscom` and `dsinit`: lunar–solar and resonance constants of the
/// deep-space branch. AIAA 2006-6753, §"Deep space"; the constants are those of Hujsak,
/// "A Restricted Four Body Solution for Resonating Satellites" (AIAA 79-136) as coded in
/// Spacetrack Report #3.
enum SGP4DeepSpaceInitialiser {
    /// What `dscom` hands to `dsinit` besides the stored periodic coefficients.
    struct Common {
        var terms = SGP4DeepSpaceTerms()
        var sinim = 0.0, cosim = 0.0, emsq = 0.0
        // Lunar (s, z) and solar (ss, sz) intermediate sums.
        var s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0
        var ss1 = 0.0, ss2 = 0.0, ss3 = 0.0, ss4 = 0.0, ss5 = 0.0
        var z1 = 0.0, z3 = 0.0, z11 = 0.0, z13 = 0.0, z21 = 0.0, z23 = 0.0, z31 = 0.0, z33 = 0.0
        var sz1 = 0.0, sz3 = 0.0, sz11 = 0.0, sz13 = 0.0, sz21 = 0.0, sz23 = 0.0
        var sz31 = 0.0, sz33 = 0.0
    }

    /// One body's (Sun's or Moon's) contribution to the sums of `dscom`.
    private struct BodySums {
        var s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0
        var z1 = 0.0, z2 = 0.0, z3 = 0.0, z11 = 0.0, z12 = 0.0, z13 = 0.0
        var z21 = 0.0, z22 = 0.0, z23 = 0.0, z31 = 0.0, z32 = 0.0, z33 = 0.0
    }

    // Solar and lunar constants (Spacetrack Report #3, DEEP): eccentricities of the Earth's
    // and the Moon's orbits, and the Sun's position angles of the ecliptic.
    static let zes = 0.01675
    static let zel = 0.05490
    static let c1ss = 2.9864797e-6
    static let c1l = 4.7968065e-7
    static let zsinis = 0.39785416
    static let zcosis = 0.91744867
    static let zcosgs = 0.1945905
    static let zsings = -0.98088458
    /// Solar and lunar mean motions, radians per minute.
    static let zns = 1.19459e-5
    static let znl = 1.5835218e-4

    static func lunarSolarTerms(
        epoch: Double, eccentricity ep: Double, argumentOfPerigee argpp: Double,
        inclination inclp: Double, raan nodep: Double, meanMotion np: Double
    ) -> Common {
        let twoPi = SGP4Initialiser.twoPi
        var out = Common()
        let nm = np
        let em = ep
        let snodm = sin(nodep)
        let cnodm = cos(nodep)
        let sinomm = sin(argpp)
        let cosomm = cos(argpp)
        out.sinim = sin(inclp)
        out.cosim = cos(inclp)
        let sinim = out.sinim, cosim = out.cosim
        out.emsq = em * em
        let emsq = out.emsq
        let betasq = 1.0 - emsq
        let rtemsq = betasq.squareRoot()

        // The Moon's node and the Sun-Moon geometry at epoch (days since 1900 Jan 0.5).
        let day = epoch + 18_261.5 + 0.0 / 1440.0
        let xnodce = (4.5236020 - 9.2422029e-4 * day).truncatingRemainder(dividingBy: twoPi)
        let stem = sin(xnodce)
        let ctem = cos(xnodce)
        let zcosil = 0.91375164 - 0.03568096 * ctem
        let zsinil = (1.0 - zcosil * zcosil).squareRoot()
        let zsinhl = 0.089683511 * stem / zsinil
        let zcoshl = (1.0 - zsinhl * zsinhl).squareRoot()
        let gam = 5.8351514 + 0.0019443680 * day
        var zx = 0.39785416 * stem / zsinil
        let zy = zcoshl * ctem + 0.91744867 * zsinhl * stem
        zx = atan2(zx, zy)
        zx = gam + zx - xnodce
        let zcosgl = cos(zx)
        let zsingl = sin(zx)

        let xnoi = 1.0 / nm
        let solar = bodySums(
            zcosg: zcosgs, zsing: zsings, zcosi: zcosis, zsini: zsinis, zcosh: cnodm, zsinh: snodm,
            cc: c1ss, xnoi: xnoi, em: em, emsq: emsq, betasq: betasq, rtemsq: rtemsq,
            sinim: sinim, cosim: cosim, sinomm: sinomm, cosomm: cosomm)
        let lunar = bodySums(
            zcosg: zcosgl, zsing: zsingl, zcosi: zcosil, zsini: zsinil,
            zcosh: zcoshl * cnodm + zsinhl * snodm, zsinh: snodm * zcoshl - cnodm * zsinhl,
            cc: c1l, xnoi: xnoi, em: em, emsq: emsq, betasq: betasq, rtemsq: rtemsq,
            sinim: sinim, cosim: cosim, sinomm: sinomm, cosomm: cosomm)

        var t = SGP4DeepSpaceTerms()
        t.zmol = (4.7199672 + 0.22997150 * day - gam).truncatingRemainder(dividingBy: twoPi)
        t.zmos = (6.2565837 + 0.017201977 * day).truncatingRemainder(dividingBy: twoPi)
        // Solar periodic coefficients.
        t.se2 = 2.0 * solar.s1 * solar.s6
        t.se3 = 2.0 * solar.s1 * solar.s7
        t.si2 = 2.0 * solar.s2 * solar.z12
        t.si3 = 2.0 * solar.s2 * (solar.z13 - solar.z11)
        t.sl2 = -2.0 * solar.s3 * solar.z2
        t.sl3 = -2.0 * solar.s3 * (solar.z3 - solar.z1)
        t.sl4 = -2.0 * solar.s3 * (-21.0 - 9.0 * emsq) * zes
        t.sgh2 = 2.0 * solar.s4 * solar.z32
        t.sgh3 = 2.0 * solar.s4 * (solar.z33 - solar.z31)
        t.sgh4 = -18.0 * solar.s4 * zes
        t.sh2 = -2.0 * solar.s2 * solar.z22
        t.sh3 = -2.0 * solar.s2 * (solar.z23 - solar.z21)
        // Lunar periodic coefficients.
        t.ee2 = 2.0 * lunar.s1 * lunar.s6
        t.e3 = 2.0 * lunar.s1 * lunar.s7
        t.xi2 = 2.0 * lunar.s2 * lunar.z12
        t.xi3 = 2.0 * lunar.s2 * (lunar.z13 - lunar.z11)
        t.xl2 = -2.0 * lunar.s3 * lunar.z2
        t.xl3 = -2.0 * lunar.s3 * (lunar.z3 - lunar.z1)
        t.xl4 = -2.0 * lunar.s3 * (-21.0 - 9.0 * emsq) * zel
        t.xgh2 = 2.0 * lunar.s4 * lunar.z32
        t.xgh3 = 2.0 * lunar.s4 * (lunar.z33 - lunar.z31)
        t.xgh4 = -18.0 * lunar.s4 * zel
        t.xh2 = -2.0 * lunar.s2 * lunar.z22
        t.xh3 = -2.0 * lunar.s2 * (lunar.z23 - lunar.z21)
        out.terms = t

        out.s1 = lunar.s1; out.s2 = lunar.s2; out.s3 = lunar.s3; out.s4 = lunar.s4
        out.s5 = lunar.s5
        out.ss1 = solar.s1; out.ss2 = solar.s2; out.ss3 = solar.s3; out.ss4 = solar.s4
        out.ss5 = solar.s5
        out.z1 = lunar.z1; out.z3 = lunar.z3; out.z11 = lunar.z11; out.z13 = lunar.z13
        out.z21 = lunar.z21; out.z23 = lunar.z23; out.z31 = lunar.z31; out.z33 = lunar.z33
        out.sz1 = solar.z1; out.sz3 = solar.z3; out.sz11 = solar.z11; out.sz13 = solar.z13
        out.sz21 = solar.z21; out.sz23 = solar.z23; out.sz31 = solar.z31; out.sz33 = solar.z33
        return out
    }

    /// One pass of the reference's two-pass loop in `dscom` (pass 1 Sun, pass 2 Moon).
    private static func bodySums(
        zcosg: Double, zsing: Double, zcosi: Double, zsini: Double, zcosh: Double, zsinh: Double,
        cc: Double, xnoi: Double, em: Double, emsq: Double, betasq: Double, rtemsq: Double,
        sinim: Double, cosim: Double, sinomm: Double, cosomm: Double
    ) -> BodySums {
        var b = BodySums()
        let a1 = zcosg * zcosh + zsing * zcosi * zsinh
        let a3 = -zsing * zcosh + zcosg * zcosi * zsinh
        let a7 = -zcosg * zsinh + zsing * zcosi * zcosh
        let a8 = zsing * zsini
        let a9 = zsing * zsinh + zcosg * zcosi * zcosh
        let a10 = zcosg * zsini
        let a2 = cosim * a7 + sinim * a8
        let a4 = cosim * a9 + sinim * a10
        let a5 = -sinim * a7 + cosim * a8
        let a6 = -sinim * a9 + cosim * a10

        let x1 = a1 * cosomm + a2 * sinomm
        let x2 = a3 * cosomm + a4 * sinomm
        let x3 = -a1 * sinomm + a2 * cosomm
        let x4 = -a3 * sinomm + a4 * cosomm
        let x5 = a5 * sinomm
        let x6 = a6 * sinomm
        let x7 = a5 * cosomm
        let x8 = a6 * cosomm

        b.z31 = 12.0 * x1 * x1 - 3.0 * x3 * x3
        b.z32 = 24.0 * x1 * x2 - 6.0 * x3 * x4
        b.z33 = 12.0 * x2 * x2 - 3.0 * x4 * x4
        b.z1 = 3.0 * (a1 * a1 + a2 * a2) + b.z31 * emsq
        b.z2 = 6.0 * (a1 * a3 + a2 * a4) + b.z32 * emsq
        b.z3 = 3.0 * (a3 * a3 + a4 * a4) + b.z33 * emsq
        b.z11 = -6.0 * a1 * a5 + emsq * (-24.0 * x1 * x7 - 6.0 * x3 * x5)
        b.z12 =
            -6.0 * (a1 * a6 + a3 * a5)
            + emsq * (-24.0 * (x2 * x7 + x1 * x8) - 6.0 * (x3 * x6 + x4 * x5))
        b.z13 = -6.0 * a3 * a6 + emsq * (-24.0 * x2 * x8 - 6.0 * x4 * x6)
        b.z21 = 6.0 * a2 * a5 + emsq * (24.0 * x1 * x5 - 6.0 * x3 * x7)
        b.z22 =
            6.0 * (a4 * a5 + a2 * a6)
            + emsq * (24.0 * (x2 * x5 + x1 * x6) - 6.0 * (x4 * x7 + x3 * x8))
        b.z23 = 6.0 * a4 * a6 + emsq * (24.0 * x2 * x6 - 6.0 * x4 * x8)
        b.z1 = b.z1 + b.z1 + betasq * b.z31
        b.z2 = b.z2 + b.z2 + betasq * b.z32
        b.z3 = b.z3 + b.z3 + betasq * b.z33
        b.s3 = cc * xnoi
        b.s2 = -0.5 * b.s3 / rtemsq
        b.s4 = b.s3 * rtemsq
        b.s1 = -15.0 * em * b.s4
        b.s5 = x1 * x3 + x2 * x4
        b.s6 = x2 * x3 + x1 * x4
        b.s7 = x2 * x4 - x1 * x3
        return b
    }
}
