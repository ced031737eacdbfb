#!/usr/bin/env python3
"""Times Skyfield on the same work as utermd's multi-network schedule benchmark, on this
machine, one core: a 24 h schedule over the Starlink snapshot (first 10,000 element sets), the
OneWeb snapshot (651) and Amazon Kuiper's three filed shells (3,236 Walker-delta satellites,
generated as utermd's `KuiperShells` generates them), seen from Seattle (47.6062 N,
122.3321 W, 50 m), 2026-08-23T00:00:00Z for 24 h.

Prints JSON like the other reference scripts:
  - "Handover schedule 24 h 5760 slots 13887 satellites 3 networks": the algorithm of
    skyfield_passes_reference.schedule (find_events above 40° for each satellite's windows,
    start/middle/end altitudes of every 15 s slot a window contains, the highest elevation at
    the middle per slot) over the satellites of all three networks. utermd does more: each
    network's own cadence (a OneWeb or Kuiper satellite chosen must qualify for its 60 s or
    30 s period, checked once more over that period), keeping to one network, the 22° GSO
    separation and the scan cone; the reference keeps the per-slot choice only.

Subsampled like skyfield_passes_reference.py: every 40th satellite of each network is timed,
and each network's time is scaled by its own count over its subset's (find_events costs
about the same for every satellite of one shell, not across altitudes), then summed.
Usage: skyfield_networks_reference.py [STARLINK-TLE [ONEWEB-TLE]]
"""
import datetime
import json
import math
import os
import statistics
import sys
import time

import skyfield
from sgp4.api import WGS72, Satrec
from skyfield.api import EarthSatellite, load, wgs84

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import skyfield_passes_reference as base  # noqa: E402  (the Starlink-alone reference, same algorithm)

DATA = os.path.join(HERE, "..", "..", "..", "shared", "data")
STRIDE = 40
# Amazon Kuiper (FCC 20-102): altitude km, inclination deg, planes, per plane, Walker F (utermd's KuiperShells).
KUIPER = [(630, 51.9, 34, 34, 7), (610, 42.0, 36, 36, 11), (590, 33.0, 28, 28, 17)]
# WGS-72 as SGP4 uses it (AIAA 2006-6753): mu km^3/s^2, Earth radius km, J2.
MU, RE, J2 = 398600.8, 6378.135, 0.001082616


def kozai_mean_motion(altitude_km, inclination_deg):
    """Radians per minute: the TLE mean motion for which SGP4 recovers a'' = RE + altitude
    (utermd's CircularOrbit.kozaiMeanMotionRevsPerDay)."""
    ke = 60.0 / math.sqrt(RE ** 3 / MU)
    brouwer = ke / ((RE + altitude_km) / RE) ** 1.5
    d1 = 0.75 * J2 * (3 * math.cos(math.radians(inclination_deg)) ** 2 - 1)
    kozai = brouwer
    for _ in range(20):
        a1 = (ke / kozai) ** (2.0 / 3.0)
        delta1 = d1 / (a1 * a1)
        a0 = a1 * (1 - delta1 * delta1 - delta1 * (1.0 / 3.0 + 134.0 * delta1 * delta1 / 81.0))
        kozai = brouwer * (1 + d1 / (a0 * a0))
    return kozai


def kuiper_satellites(ts):
    """Every satellite of the three shells as an EarthSatellite (circular, no drag), epoch
    2026-08-23T00:00:00Z, in utermd's order and numbering (200000 on)."""
    satellites = []
    number = 200_000
    epoch_days = float((datetime.date(2026, 8, 23) - datetime.date(1949, 12, 31)).days)  # sgp4init's epoch
    for altitude, inclination, planes, per_plane, phasing in KUIPER:
        total = planes * per_plane
        mean_motion = kozai_mean_motion(altitude, inclination)
        for plane in range(planes):
            for slot in range(per_plane):
                anomaly = (360.0 * slot / per_plane + 360.0 * phasing * plane / total) % 360.0
                satrec = Satrec()
                satrec.sgp4init(WGS72, "i", number, epoch_days, 0.0, 0.0, 0.0, 0.0, 0.0,
                                math.radians(inclination), math.radians(anomaly), mean_motion,
                                math.radians(360.0 * plane / planes))
                satellites.append(EarthSatellite.from_satrec(satrec, ts))
                number += 1
    return satellites


def main():
    starlink_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(DATA, "starlink_celestrak_2026-08-22.tle")
    oneweb_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(DATA, "oneweb_celestrak_2026-08-22.tle")
    ts = load.timescale()
    site = wgs84.latlon(47.6062, -122.3321, elevation_m=50)
    t0 = ts.utc(2026, 8, 23)
    t1 = ts.utc(2026, 8, 24)
    networks = {
        "starlink": [EarthSatellite(l1, l2, name, ts) for name, l1, l2 in base.load_sets(starlink_path)],
        "oneweb": [EarthSatellite(l1, l2, name, ts) for name, l1, l2 in base.load_sets(oneweb_path)],
        "kuiper": kuiper_satellites(ts),
    }
    total_seconds = 0.0
    total_cpu_seconds = 0.0
    parts = []
    per_network = {}
    for name, satellites in networks.items():
        subset = satellites[::STRIDE]
        scale = len(satellites) / len(subset)
        walls, cpus = [], []
        for _ in range(3):
            wall, cpu = time.perf_counter(), time.process_time()
            base.schedule(subset, site, ts, t0, t1)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        total_seconds += statistics.median(walls) * scale
        total_cpu_seconds += statistics.median(cpus) * scale
        per_network[name] = {"satellites": len(satellites), "timed": len(subset),
                             "scaledWallSeconds": statistics.median(walls) * scale,
                             "scaledCPUSeconds": statistics.median(cpus) * scale}
        parts.append("%s %d of %d x%.4g" % (name, len(subset), len(satellites), scale))
    count = sum(len(s) for s in networks.values())
    print(json.dumps({
        "reference": "Skyfield %s find_events, every %dth satellite of each network (%s)"
                     % (skyfield.__version__, STRIDE, ", ".join(parts)),
        "satellites": count,
        # Wall-clock medians, as compare.py reads them; CPU time (process_time) beside them for
        # a machine shared with other work, and each network's share (starlink alone is the
        # work of skyfield_passes_reference.py's schedule).
        "nanosecondsPerOperation": {
            "Handover schedule 24 h 5760 slots %d satellites 3 networks" % count: total_seconds * 1e9,
        },
        "cpuNanosecondsPerOperation": {
            "Handover schedule 24 h 5760 slots %d satellites 3 networks" % count: total_cpu_seconds * 1e9,
        },
        "networks": per_network,
    }, indent=2))


if __name__ == "__main__":
    main()
