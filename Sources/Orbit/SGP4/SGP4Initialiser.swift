import Foundation

/// The reference's `initl` and `sgp4init`: everything SGP4 computes once per element set.
///
/// Expressions keep the reference's order of operations (AIAA 2006-6753 code, as in python
/// `sgp4` 2.27 `extension/SGP4.cpp`) so that results agree to the last bit where the
/// platform's libm does.
enum SGP4Initialiser {
    static let twoPi = 2.0 * Double.pi
    static let twoThirds = 2.0 / 3.0

    static func terms(
        for elements: SGP4MeanElements, gravity: SGP4GravityModel
    ) -> (SGP4NearEarthTerms, SGP4DeepSpaceTerms?) {
        let radius = gravity.earthRadiusKilometres
        let j2 = gravity.j2
        var near = SGP4NearEarthTerms()
        near.bstar = elements.bstar
        near.ecco = elements.eccentricity
        near.argpo = elements.argumentOfPerigee
        near.inclo = elements.inclination
        near.mo = elements.meanAnomaly
        near.nodeo = elements.raan
        let ecco = near.ecco
        let epoch = elements.epochDaysSince1950

        // Atmosphere density parameters: s = 78 km and q0 = 120 km above the surface, in
        // Earth radii (Spacetrack Report #3, SGP4 model; AIAA 2006-6753 `sgp4init`).
        let ss = 78.0 / radius + 1.0
        let qzms2ttemp = (120.0 - 78.0) / radius
        let qzms2t = qzms2ttemp * qzms2ttemp * qzms2ttemp * qzms2ttemp

        // initl: auxiliary epoch quantities and the un-Kozai'd mean motion.
        let eccsq = ecco * ecco
        let omeosq = 1.0 - eccsq
        let rteosq = omeosq.squareRoot()
        let cosio = cos(near.inclo)
        let cosio2 = cosio * cosio
        let ak = pow(gravity.xke / elements.meanMotionKozai, twoThirds)
        let d1 = 0.75 * j2 * (3.0 * cosio2 - 1.0) / (rteosq * omeosq)
        var del = d1 / (ak * ak)
        let adel = ak * (1.0 - del * del - del * (1.0 / 3.0 + 134.0 * del * del / 81.0))
        del = d1 / (adel * adel)
        near.noUnkozai = elements.meanMotionKozai / (1.0 + del)
        let no = near.noUnkozai
        let ao = pow(gravity.xke / no, twoThirds)
        let sinio = sin(near.inclo)
        let po = ao * omeosq
        let con42 = 1.0 - 5.0 * cosio2
        near.con41 = -con42 - cosio2 - cosio2
        let posq = po * po
        let rp = ao * (1.0 - ecco)
        let gsto = greenwichSiderealAngle(julianDate: epoch + 2_433_281.5)

        // sgp4init: drag and secular terms.
        near.isSimplifiedDrag = rp < (220.0 / radius + 1.0)
        var sfour = ss
        var qzms24 = qzms2t
        let perigeeKilometres = (rp - 1.0) * radius
        if perigeeKilometres < 156.0 {
            // Low perigees: s is moved down (Spacetrack Report #3, eq. for s*).
            sfour = perigeeKilometres - 78.0
            if perigeeKilometres < 98.0 { sfour = 20.0 }
            let qzms24temp = (120.0 - sfour) / radius
            qzms24 = qzms24temp * qzms24temp * qzms24temp * qzms24temp
            sfour = sfour / radius + 1.0
        }
        let pinvsq = 1.0 / posq
        let tsi = 1.0 / (ao - sfour)
        near.eta = ao * ecco * tsi
        let eta = near.eta
        let etasq = eta * eta
        let eeta = ecco * eta
        let psisq = abs(1.0 - etasq)
        let coef = qzms24 * pow(tsi, 4.0)
        let coef1 = coef / pow(psisq, 3.5)
        let cc2a = ao * (1.0 + 1.5 * etasq + eeta * (4.0 + etasq))
        let cc2b = 0.375 * j2 * tsi / psisq * near.con41 * (8.0 + 3.0 * etasq * (8.0 + etasq))
        let cc2 = coef1 * no * (cc2a + cc2b)
        near.cc1 = near.bstar * cc2
        var cc3 = 0.0
        if ecco > 1.0e-4 {
            cc3 = -2.0 * coef * tsi * gravity.j3OverJ2 * no * sinio / ecco
        }
        near.x1mth2 = 1.0 - cosio2
        let cc4a = eta * (2.0 + 0.5 * etasq) + ecco * (0.5 + 2.0 * etasq)
        let cc4b = -3.0 * near.con41 * (1.0 - 2.0 * eeta + etasq * (1.5 - 0.5 * eeta))
        let cc4c = 0.75 * near.x1mth2 * (2.0 * etasq - eeta * (1.0 + etasq)) * cos(2.0 * near.argpo)
        near.cc4 = 2.0 * no * coef1 * ao * omeosq * (cc4a - j2 * tsi / (ao * psisq) * (cc4b + cc4c))
        near.cc5 = 2.0 * coef1 * ao * omeosq * (1.0 + 2.75 * (etasq + eeta) + eeta * etasq)
        let cosio4 = cosio2 * cosio2
        let temp1 = 1.5 * j2 * pinvsq * no
        let temp2 = 0.5 * temp1 * j2 * pinvsq
        let temp3 = -0.46875 * gravity.j4 * pinvsq * pinvsq * no
        near.mdot =
            no + 0.5 * temp1 * rteosq * near.con41
            + 0.0625 * temp2 * rteosq * (13.0 - 78.0 * cosio2 + 137.0 * cosio4)
        near.argpdot =
            -0.5 * temp1 * con42
            + 0.0625 * temp2 * (7.0 - 114.0 * cosio2 + 395.0 * cosio4)
            + temp3 * (3.0 - 36.0 * cosio2 + 49.0 * cosio4)
        let xhdot1 = -temp1 * cosio
        near.nodedot =
            xhdot1
            + (0.5 * temp2 * (4.0 - 19.0 * cosio2) + 2.0 * temp3 * (3.0 - 7.0 * cosio2)) * cosio
        let xpidot = near.argpdot + near.nodedot
        near.omgcof = near.bstar * cc3 * cos(near.argpo)
        if ecco > 1.0e-4 {
            near.xmcof = -twoThirds * coef * near.bstar / eeta
        }
        near.nodecf = 3.5 * omeosq * xhdot1 * near.cc1
        near.t2cof = 1.5 * near.cc1
        near.xlcof = longPeriodCoefficient(sinInclination: sinio, cosInclination: cosio, gravity: gravity)
        near.aycof = -0.5 * gravity.j3OverJ2 * sinio
        let delmotemp = 1.0 + eta * cos(near.mo)
        near.delmo = delmotemp * delmotemp * delmotemp
        near.sinmao = sin(near.mo)
        near.x7thm1 = 7.0 * cosio2 - 1.0

        // Deep space: period of 225 minutes or more (AIAA 2006-6753, `sgp4init`).
        var deep: SGP4DeepSpaceTerms?
        if twoPi / no >= 225.0 {
            near.isSimplifiedDrag = true
            let common = SGP4DeepSpaceInitialiser.lunarSolarTerms(
                epoch: epoch, eccentricity: ecco, argumentOfPerigee: near.argpo,
                inclination: near.inclo, raan: near.nodeo, meanMotion: no)
            var terms = common.terms
            terms.gsto = gsto
            SGP4DeepSpaceInitialiser.secularAndResonanceTerms(
                into: &terms, common: common, near: near, eccsq: eccsq, xpidot: xpidot,
                gravity: gravity)
            deep = terms
        }

        if !near.isSimplifiedDrag {
            let cc1 = near.cc1
            let cc1sq = cc1 * cc1
            near.d2 = 4.0 * ao * tsi * cc1sq
            let temp = near.d2 * tsi * cc1 / 3.0
            near.d3 = (17.0 * ao + sfour) * temp
            near.d4 = 0.5 * temp * ao * tsi * (221.0 * ao + 31.0 * sfour) * cc1
            near.t3cof = near.d2 + 2.0 * cc1sq
            near.t4cof = 0.25 * (3.0 * near.d3 + cc1 * (12.0 * near.d2 + 10.0 * cc1sq))
            near.t5cof =
                0.2
                * (3.0 * near.d4 + 12.0 * cc1 * near.d3 + 6.0 * near.d2 * near.d2
                    + 15.0 * cc1sq * (2.0 * near.d2 + cc1sq))
        }
        return (near, deep)
    }

    /// The long-period coefficient `xlcof`, guarded against division by zero at 180°
    /// inclination (AIAA 2006-6753 "sgp4fix for divide by zero", threshold 1.5e-12).
    static func longPeriodCoefficient(
        sinInclination sinio: Double, cosInclination cosio: Double, gravity: SGP4GravityModel
    ) -> Double {
        let numerator = -0.25 * gravity.j3OverJ2 * sinio * (3.0 + 5.0 * cosio)
        if abs(cosio + 1.0) > 1.5e-12 {
            return numerator / (1.0 + cosio)
        }
        return numerator / 1.5e-12
    }

    /// Greenwich mean sidereal angle, radians, for a UT1 Julian date: IAU 1982 (Vallado,
    /// *Fundamentals of Astrodynamics*, eq. 3-47; the reference's `gstime`).
    static func greenwichSiderealAngle(julianDate jdut1: Double) -> Double {
        let tut1 = (jdut1 - 2_451_545.0) / 36_525.0
        var seconds = -6.2e-6 * tut1 * tut1 * tut1 + 0.093104 * tut1 * tut1
        seconds = seconds + (876_600.0 * 3600 + 8_640_184.812866) * tut1 + 67_310.54841
        // 360° / 86400 s = 1/240 degree per second.
        var angle = (seconds * (Double.pi / 180.0) / 240.0).truncatingRemainder(dividingBy: twoPi)
        if angle < 0.0 { angle += twoPi }
        return angle
    }
}
