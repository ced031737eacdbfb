#!/usr/bin/env python3
"""Times the reference SGP4 (python `sgp4` 2.27, Vallado's C++ through its accelerated
`SatrecArray`) on the same work as utermd's Orbit benchmarks, on this machine, one core.

Prints JSON: nanoseconds per operation (median of repeated runs) for
  - "SGP4 propagate 10000 satellites to one instant"
  - "SGP4 propagate one satellite over 24 h at 1 s steps"
Usage: sgp4_reference.py [TLE-FILE]   (default: ../shared/data/starlink_celestrak_2026-08-22.tle)
"""
import json
import os
import statistics
import sys
import time

import numpy as np
from sgp4.api import Satrec, SatrecArray, accelerated, jday

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "..", "shared", "data", "starlink_celestrak_2026-08-22.tle")


def load(path, limit=10_000):
    lines = [l.rstrip() for l in open(path, encoding="ascii", errors="replace")]
    sats = []
    for i in range(len(lines) - 1):
        if lines[i].startswith("1 ") and lines[i + 1].startswith("2 "):
            sats.append(Satrec.twoline2rv(lines[i], lines[i + 1]))
            if len(sats) == limit:
                break
    return sats


def median_seconds(fn, repeat, number):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    sats = load(path)
    array = SatrecArray(sats)
    jd, fr = jday(2026, 8, 23, 0, 0, 0.0)
    jd1, fr1 = np.array([jd]), np.array([fr])
    snapshot = median_seconds(lambda: array.sgp4(jd1, fr1), repeat=15, number=20)

    one = sats[0]
    seconds = np.arange(86_400, dtype=float)
    jds = np.full(86_400, jd)
    frs = fr + seconds / 86_400.0
    day = median_seconds(lambda: one.sgp4_array(jds, frs), repeat=7, number=3)

    print(json.dumps({
        "reference": "python sgp4 2.27 (Vallado C++), accelerated=%s" % accelerated,
        "satellites": len(sats),
        "nanosecondsPerOperation": {
            "SGP4 propagate 10000 satellites to one instant": snapshot * 1e9,
            "SGP4 propagate one satellite over 24 h at 1 s steps": day * 1e9,
        },
    }, indent=2))


if __name__ == "__main__":
    main()
