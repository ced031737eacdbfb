#!/usr/bin/env python3
"""The independent truth of PointingPassTests: Skyfield's topocentric azimuth and elevation of
the serving satellite at the end of each checked tick's hold.

    make oracles
    UTERMD_POINTING_PASS_ELEMENTS_OUT=$PWD/Tests/Data/pointing_pass_elements.json \\
        swift test --filter PointingPass        # writes the input (then fails: no table yet)
    .build/oracles/bin/python scripts/pointing-reference.py \\
        Tests/Data/pointing_pass_elements.json > Tests/Data/pointing_pass_skyfield.csv

Input (written by the test): the site, the start instant, the satellite served in each 15 s
slot and its element set (17 significant digits). Each element set is given to python sgp4's
`Satrec.sgp4init` (WGS-72, improved mode 'i': the firmware's model and mode) with the same
doubles, and Skyfield computes `(satellite - site).at(t).altaz()` — TEME → ITRS through its own
time scales and IAU-82 GMST, the site on WGS-84 — with no light time, aberration or refraction
(none of which the beam corrects for). Every number here comes from Skyfield and sgp4; none
from the firmware but the element sets themselves.

Ticks: every whole second (the hold check) and tick 1 of every third second (where the test
takes the quantised beam's array-factor peak), 800 in all; the instant is the end of the hold,
start + (tick + 1) ms. Two directions per tick: UT1 = UTC (delta_t = TT - UTC, as the firmware's
tick, which applies no Earth orientation parameters), and Skyfield's built-in IERS UT1 - UTC
(printed on standard error). Polar motion is off in both (Skyfield's default).
"""
import datetime
import json
import math
import sys

from sgp4.api import Satrec, WGS72
from skyfield.api import EarthSatellite, load, wgs84

# TT - UTC in 2026: 37 leap seconds (IERS Bulletin C: none announced since 2017) + 32.184 s.
TT_MINUS_UTC_SECONDS = 69.184


def checked_ticks(ticks):
    return sorted(t for t in range(ticks) if t % 1000 == 0 or t % 3000 == 1)


def satellite(record, ts):
    sat = Satrec()
    jd = record["epochJulianDay"] + record["epochJulianFraction"]
    # sgp4init's epoch is days since 1949 December 31 00:00 UT (JD 2433281.5).
    sat.sgp4init(
        WGS72, "i", record["catalogNumber"], (record["epochJulianDay"] - 2433281.5) + record["epochJulianFraction"],
        record["bstar"], record["meanMotionDot"] * 2 * math.pi / (1440.0 ** 2),
        record["meanMotionDDot"] * 2 * math.pi / (1440.0 ** 3), record["eccentricity"],
        math.radians(record["argumentOfPerigeeDegrees"]), math.radians(record["inclinationDegrees"]),
        math.radians(record["meanAnomalyDegrees"]), record["meanMotionRevsPerDay"] * 2 * math.pi / 1440.0,
        math.radians(record["raanDegrees"]))
    assert abs(sat.jdsatepoch + sat.jdsatepochF - jd) < 1e-9, "epoch"
    return EarthSatellite.from_satrec(sat, ts)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: pointing-reference.py ELEMENTS_JSON > TABLE_CSV")
    spec = json.load(open(sys.argv[1]))
    ts_utc = load.timescale(delta_t=TT_MINUS_UTC_SECONDS)  # UT1 = UTC
    ts_iers = load.timescale()  # Skyfield's built-in IERS tables
    site = wgs84.latlon(spec["site"]["latitudeDegrees"], spec["site"]["longitudeDegrees"],
                        elevation_m=spec["site"]["heightMetres"])
    sats = {r["catalogNumber"]: (satellite(r, ts_utc), satellite(r, ts_iers)) for r in spec["satellites"]}
    start = spec["startUnixSeconds"]
    whole = int(start // 86400)
    seconds_in_day = start - whole * 86400
    day = datetime.datetime.fromtimestamp(whole * 86400, datetime.timezone.utc)
    slot_ticks = int(spec["slotSeconds"] * spec["ticksPerSecond"])
    ticks = checked_ticks(spec["ticks"])
    print("# Skyfield 1.55 / python sgp4 2.27 (scripts/pointing-reference.py), from %s" % sys.argv[1])
    print("# site %.6f, %.6f, %.1f m (WGS-84); instant of a row: start + (tick + 1) ms; degrees"
          % (spec["site"]["latitudeDegrees"], spec["site"]["longitudeDegrees"], spec["site"]["heightMetres"]))
    print("tick,catalog,azimuth_deg,elevation_deg,azimuth_deg_iers,elevation_deg_iers")
    dut1 = []
    for tick in ticks:
        catalog = spec["servedCatalogNumbers"][tick // slot_ticks]
        seconds = seconds_in_day + (tick + 1) / spec["ticksPerSecond"]
        row = [str(tick), str(catalog)]
        for index, ts in enumerate((ts_utc, ts_iers)):
            t = ts.utc(day.year, day.month, day.day, 0, 0, seconds)
            alt, az, _ = (sats[catalog][index] - site).at(t).altaz()
            row += ["%.10f" % az.degrees, "%.10f" % alt.degrees]
            if index == 1:
                dut1.append(float(t.dut1))
        print(",".join(row))
    print("IERS UT1 - UTC over the pass: %.4f .. %.4f s (Skyfield's built-in tables)" % (min(dut1), max(dut1)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
