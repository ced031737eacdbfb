#!/usr/bin/env python3
"""OneWeb passes over Santiago de Chile from Skyfield: the reference table of
`HandoverTests/OneWebPassTests` (Tests/Data/oneweb_passes_santiago_skyfield.csv).

  python3 scripts/oneweb-pass-reference.py [TLE] > Tests/Data/oneweb_passes_santiago_skyfield.csv

Skyfield (`EarthSatellite.find_events`, python sgp4 underneath) on every 10th element set of
the CelesTrak OneWeb snapshot of 2026-08-22 (Tests/Data/oneweb_celestrak_2026-08-22.tle),
seen from 33.4° S, 70.6° W, 570 m (a site west of Greenwich and south of the equator), from
2026-08-22T18:00:00Z to 2026-08-23T06:00:00Z, above 25°.

Columns: catalogue number; rise, culmination, set from `find_events` (seconds after
2026-08-22T18:00:00Z; its searches stop at half a second); the maximum elevation there;
then rise, culmination and set refined with Skyfield's own altitude to 1 µs (bisection on
altitude − 25°, golden-section search for the maximum) and the refined maximum elevation.
Only passes wholly inside the interval are written. Skyfield uses its bundled IERS UT1 − UTC;
the test compares with it and with UT1 = UTC (SGP4 practice). Lines starting with # are
comments, the first of them the versions used.
"""
import os
import sys

import sgp4
import skyfield
from skyfield.api import EarthSatellite, load, wgs84

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "Tests", "Data", "oneweb_celestrak_2026-08-22.tle")
STRIDE = 10
LATITUDE, LONGITUDE, HEIGHT_M = -33.4, -70.6, 570.0
THRESHOLD = 25.0


def load_sets(path):
    lines = [line.rstrip() for line in open(path, encoding="ascii")]
    return [(lines[i].strip(), lines[i + 1], lines[i + 2]) for i in range(0, len(lines) - 2, 3)]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    ts = load.timescale()
    site = wgs84.latlon(LATITUDE, LONGITUDE, elevation_m=HEIGHT_M)
    t0 = ts.utc(2026, 8, 22, 18, 0, 0)
    t1 = ts.utc(2026, 8, 23, 6, 0, 0)
    chosen = load_sets(path)[::STRIDE]

    def since_t0(t):
        # No leap second falls inside the interval, so TT differences are UTC ones.
        return (t.whole - t0.whole) * 86400.0 + (t.tt_fraction - t0.tt_fraction) * 86400.0

    def refine_cross(sat, t):
        a, b = t.tt - 2 / 86400, t.tt + 2 / 86400
        f = lambda jd: (sat - site).at(ts.tt_jd(jd)).altaz()[0].degrees - THRESHOLD
        fa = f(a)
        for _ in range(60):
            m = (a + b) / 2
            fm = f(m)
            if (fm >= 0) == (fa >= 0):
                a, fa = m, fm
            else:
                b = m
        return ts.tt_jd((a + b) / 2)

    def refine_max(sat, t):
        g = (5 ** 0.5 - 1) / 2
        a, b = t.tt - 3 / 86400, t.tt + 3 / 86400
        f = lambda jd: (sat - site).at(ts.tt_jd(jd)).altaz()[0].degrees
        c, d = b - g * (b - a), a + g * (b - a)
        for _ in range(60):
            if f(c) > f(d):
                b = d
            else:
                a = c
            c, d = b - g * (b - a), a + g * (b - a)
        jd = (a + b) / 2
        return ts.tt_jd(jd), f(jd)

    rows = []
    for name, line1, line2 in chosen:
        sat = EarthSatellite(line1, line2, name, ts)
        times, events = sat.find_events(site, t0, t1, altitude_degrees=THRESHOLD)
        current = None
        for t, event in zip(times, events):
            if event == 0:
                current = {"rise": t, "culminations": []}
            elif event == 1 and current is not None:
                current["culminations"].append(t)
            elif event == 2 and current is not None:
                culmination = max(current["culminations"], key=lambda c: (sat - site).at(c).altaz()[0].degrees)
                elevation = (sat - site).at(culmination).altaz()[0].degrees
                rise, set_ = refine_cross(sat, current["rise"]), refine_cross(sat, t)
                refined_culmination, refined_elevation = refine_max(sat, culmination)
                rows.append((sat.model.satnum, since_t0(current["rise"]), since_t0(culmination), since_t0(t), elevation,
                             since_t0(rise), since_t0(refined_culmination), since_t0(set_), refined_elevation))
                current = None
    print("# skyfield %s, sgp4 %s; %d satellites (every %dth of %s), %d passes above %g deg from %g, %g, %g m"
          % (skyfield.__version__, sgp4.__version__, len(chosen), STRIDE, os.path.basename(path), len(rows),
             THRESHOLD, LATITUDE, LONGITUDE, HEIGHT_M))
    print("# searched: " + " ".join(str(EarthSatellite(l1, l2).model.satnum) for _, l1, l2 in chosen))
    print("catalog,rise_s,culmination_s,set_s,max_elevation_deg,"
          "refined_rise_s,refined_culmination_s,refined_set_s,refined_max_elevation_deg")
    for row in rows:
        print("%d,%.3f,%.3f,%.3f,%.4f,%.6f,%.6f,%.6f,%.5f" % row)


if __name__ == "__main__":
    main()
