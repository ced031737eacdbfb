#!/usr/bin/env python3
"""Times Skyfield (1.55, `EarthSatellite.find_events`, python sgp4 2.27 underneath) on the same
work as utermd's Handover benchmarks, on this machine, one core.

Prints JSON: nanoseconds per operation (median of repeated runs) for
  - "Handover passes 24 h 10000 satellites": find_events above 25° for every satellite from
    2026-08-23T00:00:00Z for 24 h, seen from 47.6062 N, 122.3321 W, 50 m;
  - "Handover schedule 24 h 5760 slots 10000 satellites": the same algorithm as utermd's
    scheduler written with Skyfield: find_events above 40° (the elevation a zenith-pointing
    dish with a 50° scan limit needs) gives each satellite's windows; every 15 s slot at
    :12/:27/:42/:57 that a window contains gets the satellite's altitude and azimuth at the
    slot's start, middle and end in one vectorised call per satellite; then each slot takes
    the highest elevation at its middle. (utermd also checks the 22° GSO separation and the
    scan cone; this reference does not, so it does less work than utermd.) The altitudes use
    find_events' own shortcut (no precession–nutation, which cancels in the topocentric
    difference): through Skyfield's public path the nutation series alone takes ~0.3 s per
    satellite here, which would make the comparison meaningless.

Running find_events on all 10,000 satellites takes minutes, so both are timed on every 40th
satellite (250) and scaled by 10000 / 250; find_events costs the same per satellite whichever
Starlink it is, and the per-slot choice is a small part (it is included, and scaled too).
Usage: skyfield_passes_reference.py [TLE-FILE]
       (default: ../shared/data/starlink_celestrak_2026-08-22.tle)
"""
import json
import os
import statistics
import sys
import time

import numpy as np
import skyfield
from skyfield.api import EarthSatellite, load, wgs84
from skyfield.sgp4lib import _identity

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "..", "shared", "data", "starlink_celestrak_2026-08-22.tle")
STRIDE = 40
SATELLITES = 10_000


def load_sets(path, limit=SATELLITES):
    lines = [l.rstrip() for l in open(path, encoding="ascii", errors="replace")]
    sets = []
    for i in range(len(lines) - 1):
        if lines[i].startswith("1 ") and lines[i + 1].startswith("2 "):
            name = lines[i - 1].strip() if i > 0 else ""
            sets.append((name, lines[i], lines[i + 1]))
            if len(sets) == limit:
                break
    return sets


def passes(satellites, site, t0, t1):
    count = 0
    for satellite in satellites:
        _, events = satellite.find_events(site, t0, t1, altitude_degrees=25.0)
        count += len(events)
    return count


def altitude_degrees(satellite, site, ts, tt):
    """Altitudes (and, computed alongside, azimuths) at the TT Julian dates `tt`, vectorised."""
    when = ts.tt_jd(tt)
    when.gast = when.tt * 0.0  # find_events' "cheat": the Earth's orientation cancels out
    when.M = when.MT = _identity
    altitude, _azimuth, _ = (satellite - site).at(when).altaz()
    return altitude.degrees


def schedule(satellites, site, ts, t0, t1):
    day_start = t0.tt
    slot_starts = day_start + (12.0 + 15.0 * np.arange(5760)) / 86400.0
    slot_length = 15.0 / 86400.0
    best_elevation = np.full(5760, -90.0)
    best_number = np.full(5760, -1)
    for satellite in satellites:
        times, events = satellite.find_events(site, t0, ts.tt_jd(t1.tt + slot_length), altitude_degrees=40.0)
        jd = times.tt
        rise = day_start if altitude_degrees(satellite, site, ts, np.array([day_start]))[0] >= 40.0 else None
        windows = []
        for when, event in zip(jd, events):
            if event == 0:
                rise = when
            elif event == 2 and rise is not None:
                windows.append((rise, when))
                rise = None
        if rise is not None:
            windows.append((rise, t1.tt + slot_length))
        slots = [np.nonzero((slot_starts >= a) & (slot_starts + slot_length <= b))[0] for a, b in windows]
        slots = np.concatenate(slots) if slots else np.array([], dtype=int)
        if len(slots) == 0:
            continue
        starts = slot_starts[slots]
        altitude = altitude_degrees(
            satellite, site, ts, np.concatenate((starts, starts + slot_length / 2, starts + slot_length)))
        middle = altitude[len(slots):2 * len(slots)]
        better = middle > best_elevation[slots]
        best_elevation[slots[better]] = middle[better]
        best_number[slots[better]] = satellite.model.satnum
    return int((best_number >= 0).sum())


def median_seconds(fn, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    ts = load.timescale()
    sets = load_sets(path)
    subset = [EarthSatellite(l1, l2, name, ts) for name, l1, l2 in sets[::STRIDE]]
    scale = len(sets) / len(subset)
    site = wgs84.latlon(47.6062, -122.3321, elevation_m=50)
    t0 = ts.utc(2026, 8, 23)
    t1 = ts.utc(2026, 8, 24)
    pass_seconds = median_seconds(lambda: passes(subset, site, t0, t1), repeat=3)
    schedule_seconds = median_seconds(lambda: schedule(subset, site, ts, t0, t1), repeat=3)
    print(json.dumps({
        "reference": "Skyfield %s find_events, %d of %d satellites (every %dth) scaled x%g"
                     % (skyfield.__version__, len(subset), len(sets), STRIDE, scale),
        "satellites": len(sets),
        "nanosecondsPerOperation": {
            "Handover passes 24 h 10000 satellites": pass_seconds * scale * 1e9,
            "Handover schedule 24 h 5760 slots 10000 satellites": schedule_seconds * scale * 1e9,
        },
    }, indent=2))


if __name__ == "__main__":
    main()
