#!/usr/bin/env python3
"""Reference numbers for Tests/TerminalTests/PolicyExampleTests.swift: distances from the example
policy's China polygon (Policies/example.yaml) near Ningbo, by GeographicLib (the ray) and shapely on a
pyproj azimuthal-equidistant projection centred on each point (boundary densified every 0.002 deg).

    python3 Policies/example_policy_oracle.py
"""
import json, math, yaml
from geographiclib.geodesic import Geodesic
from pyproj import Proj
from shapely.geometry import LineString, shape, Point
G = Geodesic.WGS84
NM = 1852.0
doc = yaml.safe_load(open("Policies/example.yaml"))
gj = json.loads(doc["geojson"])
chn = gj["features"][0]["geometry"]
rings = [ring for poly in chn["coordinates"] for ring in poly]
def densify(coords, step=0.002):
    out = [coords[0]]
    for a, b in zip(coords, coords[1:]):
        n = max(1, math.ceil(max(abs(b[0]-a[0]), abs(b[1]-a[1])) / step))
        out += [(a[0]+(b[0]-a[0])*i/n, a[1]+(b[1]-a[1])*i/n) for i in range(1, n+1)]
    return out
near = [r for r in rings if any(abs(p[1]-30)<4 and abs(p[0]-122)<5 for p in r)]
dens = [densify(r) for r in near]
poly = shape(chn)
def dist(lat, lon):
    proj = Proj(proj="aeqd", lat_0=lat, lon_0=lon, ellps="WGS84")
    best = math.inf
    for l in dens:
        xs, ys = proj([p[0] for p in l], [p[1] for p in l])
        best = min(best, LineString(list(zip(xs, ys))).distance(Point(0, 0)))
    return best
lat0, lon0 = 29.93, 121.85
print("port inside CHN polygon:", poly.contains(Point(lon0, lat0)), "boundary distance", round(dist(lat0, lon0), 1))
for az in (95.0, 110.0):
    # find leaving point: first distance along ray where the point is outside polygon and beyond 50 km from port
    for target in (11.9*NM, 12.1*NM):
        lo, hi = 40_000.0, 140_000.0
        for _ in range(50):
            mid = (lo+hi)/2
            p = G.Direct(lat0, lon0, az, mid)
            d = dist(p["lat2"], p["lon2"])
            inside = poly.contains(Point(p["lon2"], p["lat2"]))
            if inside or d < target: lo = mid
            else: hi = mid
        print(f"az {az} target {target:.1f}: offset {mid:.1f} m -> {p['lat2']:.9f}, {p['lon2']:.9f} boundary distance {d:.3f}")
for lat, lon in [(30.0, 123.5), (29.95, 123.0), (29.9, 122.7)]:
    print(lat, lon, round(dist(lat, lon), 1))
