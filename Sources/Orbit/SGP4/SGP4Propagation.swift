import Foundation

extension SGP4Propagator {
    /// The reference's `sgp4` (AIAA 2006-6753): secular gravity and drag, deep-space
    /// effects, long-period periodics, Kepler's equation, short-period periodics, and the
    /// TEME position and velocity. Order of operations follows the reference.
    func state(at t: Double) throws(SGP4Error) -> TEMEState {
        guard t.isFinite, abs(t) <= Self.maximumMinutesFromEpoch else { throw .invalidInput }
        let twoPi = SGP4Initialiser.twoPi
        let xke = gravity.xke
        let n = near

        // Secular gravity and atmospheric drag.
        let xmdf = n.mo + n.mdot * t
        let argpdf = n.argpo + n.argpdot * t
        let nodedf = n.nodeo + n.nodedot * t
        var mean = SGP4MeanState(
            eccentricity: n.ecco, inclination: n.inclo, argumentOfPerigee: argpdf,
            raan: 0, meanAnomaly: xmdf, meanMotion: n.noUnkozai)
        let t2 = t * t
        mean.raan = nodedf + n.nodecf * t2
        var tempa = 1.0 - n.cc1 * t
        var tempe = n.bstar * n.cc4 * t
        var templ = n.t2cof * t2
        if !n.isSimplifiedDrag {
            let delomg = n.omgcof * t
            let delmtemp = 1.0 + n.eta * cos(xmdf)
            let delm = n.xmcof * (delmtemp * delmtemp * delmtemp - n.delmo)
            let temp = delomg + delm
            mean.meanAnomaly = xmdf + temp
            mean.argumentOfPerigee = argpdf - temp
            let t3 = t2 * t
            let t4 = t3 * t
            tempa = tempa - n.d2 * t2 - n.d3 * t3 - n.d4 * t4
            tempe = tempe + n.bstar * n.cc5 * (sin(mean.meanAnomaly) - n.sinmao)
            templ = templ + n.t3cof * t3 + t4 * (n.t4cof + t * n.t5cof)
        }
        if let deep {
            deep.applySecularEffects(
                to: &mean, minutes: t, argpo: n.argpo, argpdot: n.argpdot, no: n.noUnkozai)
        }
        guard mean.meanMotion > 0.0 else {
            throw .meanMotionNotPositive(radiansPerMinute: mean.meanMotion)
        }
        let am = pow(xke / mean.meanMotion, SGP4Initialiser.twoThirds) * tempa * tempa
        let nm = xke / pow(am, 1.5)
        var em = mean.eccentricity - tempe
        guard em < 1.0, em >= -0.001 else { throw .meanEccentricityOutOfRange(eccentricity: em) }
        if em < 1.0e-6 { em = 1.0e-6 }  // sgp4fix: avoid dividing by zero below
        let mm = mean.meanAnomaly + n.noUnkozai * templ
        var xlm = mm + mean.argumentOfPerigee + mean.raan
        let nodem = mean.raan.truncatingRemainder(dividingBy: twoPi)
        let argpm = mean.argumentOfPerigee.truncatingRemainder(dividingBy: twoPi)
        xlm = xlm.truncatingRemainder(dividingBy: twoPi)
        let mmWrapped = (xlm - argpm - nodem).truncatingRemainder(dividingBy: twoPi)

        // Lunar–solar periodics (deep space only).
        var osc = SGP4MeanState(
            eccentricity: em, inclination: mean.inclination, argumentOfPerigee: argpm,
            raan: nodem, meanAnomaly: mmWrapped, meanMotion: nm)
        var sinip = sin(mean.inclination)
        var cosip = cos(mean.inclination)
        var aycof = n.aycof, xlcof = n.xlcof
        var con41 = n.con41, x1mth2 = n.x1mth2, x7thm1 = n.x7thm1
        if let deep {
            deep.applyPeriodics(to: &osc, minutes: t, mode: operationMode)
            if osc.inclination < 0.0 {
                osc.inclination = -osc.inclination
                osc.raan = osc.raan + Double.pi
                osc.argumentOfPerigee = osc.argumentOfPerigee - Double.pi
            }
            guard osc.eccentricity >= 0.0, osc.eccentricity <= 1.0 else {
                throw .perturbedEccentricityOutOfRange(eccentricity: osc.eccentricity)
            }
            sinip = sin(osc.inclination)
            cosip = cos(osc.inclination)
            aycof = -0.5 * gravity.j3OverJ2 * sinip
            xlcof = SGP4Initialiser.longPeriodCoefficient(
                sinInclination: sinip, cosInclination: cosip, gravity: gravity)
            let cosisq = cosip * cosip
            con41 = 3.0 * cosisq - 1.0
            x1mth2 = 1.0 - cosisq
            x7thm1 = 7.0 * cosisq - 1.0
        }
        let ep = osc.eccentricity, argpp = osc.argumentOfPerigee, nodep = osc.raan

        // Long-period periodics.
        let axnl = ep * cos(argpp)
        var temp = 1.0 / (am * (1.0 - ep * ep))
        let aynl = ep * sin(argpp) + temp * aycof
        let xl = osc.meanAnomaly + argpp + nodep + temp * xlcof * axnl

        // Kepler's equation in equinoctial form, Newton steps limited to 0.95 rad.
        let u = (xl - nodep).truncatingRemainder(dividingBy: twoPi)
        var eo1 = u
        var tem5 = 9999.9
        var iteration = 1
        var sineo1 = 0.0, coseo1 = 0.0
        while abs(tem5) >= 1.0e-12 && iteration <= 10 {
            sineo1 = sin(eo1)
            coseo1 = cos(eo1)
            tem5 = 1.0 - coseo1 * axnl - sineo1 * aynl
            tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5
            if abs(tem5) >= 0.95 { tem5 = tem5 > 0.0 ? 0.95 : -0.95 }
            eo1 = eo1 + tem5
            iteration += 1
        }

        // Short-period preliminaries.
        let ecose = axnl * coseo1 + aynl * sineo1
        let esine = axnl * sineo1 - aynl * coseo1
        let el2 = axnl * axnl + aynl * aynl
        let pl = am * (1.0 - el2)
        guard pl >= 0.0 else { throw .semiLatusRectumNegative(earthRadii: pl) }
        let rl = am * (1.0 - ecose)
        let rdotl = am.squareRoot() * esine / rl
        let rvdotl = pl.squareRoot() / rl
        let betal = (1.0 - el2).squareRoot()
        temp = esine / (1.0 + betal)
        let sinu = am / rl * (sineo1 - aynl - axnl * temp)
        let cosu = am / rl * (coseo1 - axnl + aynl * temp)
        var su = atan2(sinu, cosu)
        let sin2u = (cosu + cosu) * sinu
        let cos2u = 1.0 - 2.0 * sinu * sinu
        temp = 1.0 / pl
        let temp1 = 0.5 * gravity.j2 * temp
        let temp2 = temp1 * temp

        // Short-period periodics.
        let mrt = rl * (1.0 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u
        su = su - 0.25 * temp2 * x7thm1 * sin2u
        let xnode = nodep + 1.5 * temp2 * cosip * sin2u
        let xinc = osc.inclination + 1.5 * temp2 * cosip * sinip * cos2u
        let mvt = rdotl - nm * temp1 * x1mth2 * sin2u / xke
        let rvdot = rvdotl + nm * temp1 * (x1mth2 * cos2u + 1.5 * con41) / xke

        // Orientation vectors and the state.
        let sinsu = sin(su), cossu = cos(su)
        let snod = sin(xnode), cnod = cos(xnode)
        let sini = sin(xinc), cosi = cos(xinc)
        let xmx = -snod * cosi
        let xmy = cnod * cosi
        let ux = xmx * sinsu + cnod * cossu
        let uy = xmy * sinsu + snod * cossu
        let uz = sini * sinsu
        let vx = xmx * cossu - cnod * sinsu
        let vy = xmy * cossu - snod * sinsu
        let vz = sini * cossu
        let radius = gravity.earthRadiusKilometres
        let kilometresPerSecond = radius * xke / 60.0
        let position = SIMD3((mrt * ux) * radius, (mrt * uy) * radius, (mrt * uz) * radius)
        let velocity = SIMD3(
            (mvt * ux + rvdot * vx) * kilometresPerSecond,
            (mvt * uy + rvdot * vy) * kilometresPerSecond,
            (mvt * uz + rvdot * vz) * kilometresPerSecond)
        guard mrt >= 1.0 else { throw .decayed(radiusEarthRadii: mrt) }
        guard (position.sum() + velocity.sum()).isFinite else { throw .invalidInput }
        return TEMEState(positionKilometres: position, velocityKilometresPerSecond: velocity)
    }
}
