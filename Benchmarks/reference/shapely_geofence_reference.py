#!/usr/bin/env python3
"""Times shapely (GEOS) on the same geofence work as utermd's GeofenceBenchmarks, on this
machine, one core: 1000 point checks against all 242 Natural Earth 1:50m countries, each grown
by its 12 nm territorial sea, with the same pseudo-random points (SplitMix64, as in
Benchmarks/Benchmarks/GeofenceBenchmarks/GeofenceBenchmarks.swift).

The 12 nm buffer is approximate, in degrees: shapely.buffer by 22 224 m / 111 320 m per degree
= 0.1996 deg in longitude/latitude space (round joins, quad_segs 8). That is right north-south
and too narrow east-west by cos(latitude); it is a timing reference, not an accuracy one
(utermd's buffers are geodesic, checked against GeographicLib in GeofenceTests).

Per check: STRtree (bounding boxes of the buffered countries) query with the point, then
contains_xy on the candidates, which are prepared geometries (shapely.prepare): the fastest
single-point path shapely offers. Also reported (not compared): STRtree.query with
predicate="intersects" on unprepared tree geometries, and the vectorised bulk query of all
1000 points in one call.

Prints JSON: nanoseconds per 1000 checks (median of repeated runs of all 1000 points) for
  - "Geofence 1000 checks, all countries + 12 nm, uniform points"
  - "Geofence 1000 checks, all countries + 12 nm, points near coasts"
and the median of single checks timed one by one (5 rounds over the points) for
  - "Geofence one check (per-check median), all countries + 12 nm, uniform points"
  - "Geofence one check (per-check median), all countries + 12 nm, points near coasts"
Usage: shapely_geofence_reference.py [COUNTRIES-GEOJSON]
       (default: ../shared/data/ne_50m_admin_0_countries.geojson)
"""
import json
import math
import os
import statistics
import sys
import time

import numpy as np
import shapely
from shapely.geometry import shape

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "..", "shared", "data", "ne_50m_admin_0_countries.geojson")
TERRITORIAL_SEA_DEGREES = 12 * 1852.0 / 111_320.0
MASK64 = (1 << 64) - 1


class SplitMix64:
    """Steele, Lea, Flood (OOPSLA 2014); the same sequence as the Swift benchmark."""

    def __init__(self, state):
        self.state = state

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) / 9007199254740992.0


def uniform_points(count):
    random = SplitMix64(6)
    points = []
    for _ in range(count):
        latitude = math.degrees(math.asin(2 * random.unit() - 1))
        longitude = 360 * random.unit() - 180
        points.append((longitude, latitude))
    return points


def near_boundary_points(features, count):
    vertices = []
    for feature in features:
        geometry = feature["geometry"]
        if geometry is None:
            continue
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        if geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        for polygon in polygons:
            vertices += [(p[0], p[1]) for p in polygon[0]]
    random = SplitMix64(12)
    points = []
    for _ in range(count):
        lon0, lat0 = vertices[random.next() % len(vertices)]
        latitude = min(max(lat0 + 0.4 * (random.unit() - 0.5), -90.0), 90.0)
        stretch = 1 / max(math.cos(math.radians(latitude)), 0.1)
        longitude = lon0 + 0.4 * stretch * (random.unit() - 0.5)
        if longitude >= 180:
            longitude -= 360
        if longitude < -180:
            longitude += 360
        points.append((longitude, latitude))
    return points


def median_seconds(fn, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    features = json.load(open(path))["features"]
    countries = [shape(f["geometry"]) for f in features if f["geometry"] is not None]
    start = time.perf_counter()
    buffered = shapely.buffer(np.array(countries, dtype=object), TERRITORIAL_SEA_DEGREES)
    build_seconds = time.perf_counter() - start
    shapely.prepare(buffered)
    tree = shapely.STRtree(buffered)

    sets = {
        "uniform points": uniform_points(1000),
        "points near coasts": near_boundary_points(features, 1000),
    }
    report = {}
    extra = {}
    for label, points in sets.items():
        shapely_points = [shapely.Point(x, y) for x, y in points]

        def prepared_checks():
            inside = 0
            for (x, y), point in zip(points, shapely_points):
                candidates = tree.query(point)
                if len(candidates) and shapely.contains_xy(buffered[candidates], x, y).any():
                    inside += 1
            return inside

        def predicate_checks():
            inside = 0
            for point in shapely_points:
                if len(tree.query(point, predicate="intersects")):
                    inside += 1
            return inside

        array = np.array(shapely_points, dtype=object)

        def bulk():
            return tree.query(array, predicate="intersects")

        def per_check_median_nanoseconds(rounds=5):
            samples = []
            for _ in range(rounds):
                for (x, y), point in zip(points, shapely_points):
                    start = time.perf_counter_ns()
                    candidates = tree.query(point)
                    if len(candidates):
                        shapely.contains_xy(buffered[candidates], x, y).any()
                    samples.append(time.perf_counter_ns() - start)
            return statistics.median(samples)

        name = "Geofence 1000 checks, all countries + 12 nm, " + label
        report[name] = median_seconds(prepared_checks, repeat=15) * 1e9
        report["Geofence one check (per-check median), all countries + 12 nm, " + label] = per_check_median_nanoseconds()
        extra[name] = {
            "insideCount": prepared_checks(),
            "predicateQueryNanosecondsPer1000": median_seconds(predicate_checks, repeat=5) * 1e9,
            "bulkQueryNanosecondsPer1000": median_seconds(bulk, repeat=15) * 1e9,
        }

    print(json.dumps({
        "reference": "shapely %s (GEOS %s), STRtree + prepared contains_xy per point" % (
            shapely.__version__, shapely.geos_version_string),
        "countries": len(countries),
        "bufferBuildSeconds": build_seconds,
        "nanosecondsPerOperation": report,
        "details": extra,
    }, indent=2))


if __name__ == "__main__":
    main()
