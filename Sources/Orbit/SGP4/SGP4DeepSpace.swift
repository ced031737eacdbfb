import Foundation

/// The mean elements as they flow through one propagation.
struct SGP4MeanState {
    var eccentricity: Double
    var inclination: Double
    var argumentOfPerigee: Double
    var raan: Double
    var meanAnomaly: Double
    var meanMotion: Double
}

extension SGP4DeepSpaceTerms {
    // Resonance integrator (AIAA 2006-6753 `dspace`): fixed 720-minute Euler–Maclaurin steps.
    static let stepMinutes = 720.0
    static let halfStepSquared = 259_200.0  // 720² / 2
    // Phase angles of the resonance terms, radians (Spacetrack Report #3, DEEP).
    static let fasx2 = 0.13130908, fasx4 = 2.8843198, fasx6 = 0.37448087
    static let g22 = 5.7686396, g32 = 0.95240898, g44 = 1.8014998
    static let g52 = 1.0508330, g54 = 4.4108898

    /// The reference's `dspace`: lunar–solar secular drift and, for resonant orbits, the
    /// numerically integrated mean motion and mean longitude `t` minutes from epoch.
    ///
    /// The integrator always restarts from the epoch; the reference caches its last step,
    /// which reaches the same 720-minute nodes by the same arithmetic.
    func applySecularEffects(
        to m: inout SGP4MeanState, minutes t: Double, argpo: Double, argpdot: Double, no: Double
    ) {
        let twoPi = SGP4Initialiser.twoPi
        let rptim = SGP4DeepSpaceInitialiser.earthRotationRadiansPerMinute
        let theta = (gsto + t * rptim).truncatingRemainder(dividingBy: twoPi)
        m.eccentricity = m.eccentricity + dedt * t
        m.inclination = m.inclination + didt * t
        m.argumentOfPerigee = m.argumentOfPerigee + domdt * t
        m.raan = m.raan + dnodt * t
        m.meanAnomaly = m.meanAnomaly + dmdt * t
        if resonance == .none { return }

        var atime = 0.0
        var xni = no
        var xli = xlamo
        let delt = t > 0.0 ? Self.stepMinutes : -Self.stepMinutes
        var ft = 0.0
        var xndt = 0.0, xldot = 0.0, xnddt = 0.0
        while true {
            (xndt, xldot, xnddt) = rates(
                xli: xli, xni: xni, atime: atime, argpo: argpo,
                argpdot: argpdot)
            if abs(t - atime) >= Self.stepMinutes {
                xli = xli + xldot * delt + xndt * Self.halfStepSquared
                xni = xni + xndt * delt + xnddt * Self.halfStepSquared
                atime = atime + delt
            } else {
                ft = t - atime
                break
            }
        }
        let nm = xni + xndt * ft + xnddt * ft * ft * 0.5
        let xl = xli + xldot * ft + xndt * ft * ft * 0.5
        if resonance == .synchronous {
            m.meanAnomaly = xl - m.raan - m.argumentOfPerigee + theta
        } else {
            m.meanAnomaly = xl - 2.0 * m.raan + 2.0 * theta
        }
        let dndt = nm - no
        m.meanMotion = no + dndt
    }

    /// Time derivatives of the resonance state: (ṅ, λ̇, n̈).
    private func rates(
        xli: Double, xni: Double, atime: Double, argpo: Double, argpdot: Double
    ) -> (Double, Double, Double) {
        let xldot = xni + xfact
        if resonance == .synchronous {
            let xndt =
                del1 * sin(xli - Self.fasx2) + del2 * sin(2.0 * (xli - Self.fasx4))
                + del3 * sin(3.0 * (xli - Self.fasx6))
            var xnddt =
                del1 * cos(xli - Self.fasx2) + 2.0 * del2 * cos(2.0 * (xli - Self.fasx4))
                + 3.0 * del3 * cos(3.0 * (xli - Self.fasx6))
            xnddt = xnddt * xldot
            return (xndt, xldot, xnddt)
        }
        let xomi = argpo + argpdot * atime
        let x2omi = xomi + xomi
        let x2li = xli + xli
        var xndt = d2201 * sin(x2omi + xli - Self.g22) + d2211 * sin(xli - Self.g22)
        xndt = xndt + d3210 * sin(xomi + xli - Self.g32) + d3222 * sin(-xomi + xli - Self.g32)
        xndt = xndt + d4410 * sin(x2omi + x2li - Self.g44) + d4422 * sin(x2li - Self.g44)
        xndt = xndt + d5220 * sin(xomi + xli - Self.g52) + d5232 * sin(-xomi + xli - Self.g52)
        xndt = xndt + d5421 * sin(xomi + x2li - Self.g54) + d5433 * sin(-xomi + x2li - Self.g54)
        var xnddt = d2201 * cos(x2omi + xli - Self.g22) + d2211 * cos(xli - Self.g22)
        xnddt = xnddt + d3210 * cos(xomi + xli - Self.g32) + d3222 * cos(-xomi + xli - Self.g32)
        xnddt = xnddt + d5220 * cos(xomi + xli - Self.g52) + d5232 * cos(-xomi + xli - Self.g52)
        var doubled = d4410 * cos(x2omi + x2li - Self.g44) + d4422 * cos(x2li - Self.g44)
        doubled = doubled + d5421 * cos(xomi + x2li - Self.g54)
        doubled = doubled + d5433 * cos(-xomi + x2li - Self.g54)
        xnddt = xnddt + 2.0 * doubled
        xnddt = xnddt * xldot
        return (xndt, xldot, xnddt)
    }

    /// The reference's `dpper` after initialisation: lunar–solar long-period periodics
    /// applied to the osculating-to-be elements, with the Lyddane modification below 0.2 rad
    /// of perturbed inclination (AIAA 2006-6753, "Lyddane choice").
    func applyPeriodics(
        to m: inout SGP4MeanState, minutes t: Double, mode: SGP4OperationMode
    ) {
        let twoPi = SGP4Initialiser.twoPi
        let zns = SGP4DeepSpaceInitialiser.zns, znl = SGP4DeepSpaceInitialiser.znl
        let zes = SGP4DeepSpaceInitialiser.zes, zel = SGP4DeepSpaceInitialiser.zel

        var zm = zmos + zns * t
        var zf = zm + 2.0 * zes * sin(zm)
        var sinzf = sin(zf)
        var f2 = 0.5 * sinzf * sinzf - 0.25
        var f3 = -0.5 * sinzf * cos(zf)
        let ses = se2 * f2 + se3 * f3
        let sis = si2 * f2 + si3 * f3
        let sls = sl2 * f2 + sl3 * f3 + sl4 * sinzf
        let sghs = sgh2 * f2 + sgh3 * f3 + sgh4 * sinzf
        let shs = sh2 * f2 + sh3 * f3
        zm = zmol + znl * t
        zf = zm + 2.0 * zel * sin(zm)
        sinzf = sin(zf)
        f2 = 0.5 * sinzf * sinzf - 0.25
        f3 = -0.5 * sinzf * cos(zf)
        let sel = ee2 * f2 + e3 * f3
        let sil = xi2 * f2 + xi3 * f3
        let sll = xl2 * f2 + xl3 * f3 + xl4 * sinzf
        let sghl = xgh2 * f2 + xgh3 * f3 + xgh4 * sinzf
        let shll = xh2 * f2 + xh3 * f3
        let pe = ses + sel
        let pinc = sis + sil
        let pl = sls + sll
        var pgh = sghs + sghl
        var ph = shs + shll

        m.inclination = m.inclination + pinc
        m.eccentricity = m.eccentricity + pe
        let sinip = sin(m.inclination)
        let cosip = cos(m.inclination)
        if m.inclination >= 0.2 {
            ph = ph / sinip
            pgh = pgh - cosip * ph
            m.argumentOfPerigee = m.argumentOfPerigee + pgh
            m.raan = m.raan + ph
            m.meanAnomaly = m.meanAnomaly + pl
            return
        }
        // Lyddane: apply the node and inclination periodics to the equinoctial-like
        // components, avoiding the 1/sin(i) singularity.
        let sinop = sin(m.raan)
        let cosop = cos(m.raan)
        var alfdp = sinip * sinop
        var betdp = sinip * cosop
        let dalf = ph * cosop + pinc * cosip * sinop
        let dbet = -ph * sinop + pinc * cosip * cosop
        alfdp = alfdp + dalf
        betdp = betdp + dbet
        var nodep = m.raan.truncatingRemainder(dividingBy: twoPi)
        if nodep < 0.0 && mode == .afspc { nodep = nodep + twoPi }
        var xls = m.meanAnomaly + m.argumentOfPerigee + cosip * nodep
        let dls = pl + pgh - pinc * nodep * sinip
        xls = xls + dls
        let xnoh = nodep
        nodep = atan2(alfdp, betdp)
        if nodep < 0.0 && mode == .afspc { nodep = nodep + twoPi }
        if abs(xnoh - nodep) > Double.pi {
            if nodep < xnoh {
                nodep = nodep + twoPi
            } else {
                nodep = nodep - twoPi
            }
        }
        m.meanAnomaly = m.meanAnomaly + pl
        m.argumentOfPerigee = xls - m.meanAnomaly - cosip * nodep
        m.raan = nodep
    }
}
