#!/usr/bin/env python3
"""Reference numbers for GeofenceTests, from GeographicLib (Karney 2013) and shapely on a
pyproj azimuthal-equidistant projection centred on each test point (distances from the centre
of an AEQD projection are geodesic distances on WGS-84).

    make oracles   # a virtualenv in .build/oracles with the pinned packages
    .build/oracles/bin/python Tests/GeofenceTests/Resources/geofence_oracle.py [DATA_DIR]

DATA_DIR defaults to the repository's Tests/Data (the countries with their geometry
unchanged and the 1:10m coastline around Iceland); the published full layers give the same
numbers for the points below.

Boundaries are densified along their longitude/latitude-straight edges (RFC 7946) every
0.002 degrees before projection, the meaning Geofence gives them.
"""
import json, math, os, sys
from geographiclib.geodesic import Geodesic
from pyproj import Proj
from shapely.geometry import LineString, MultiLineString, shape
from shapely.ops import transform

G = Geodesic.WGS84
NM = 1852.0
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../Data")
countries = json.load(open(f"{data}/ne_50m_admin_0_countries.geojson"))
coast_path = f"{data}/ne_10m_coastline_iceland.geojson"
coast = json.load(open(coast_path if os.path.exists(coast_path) else f"{data}/ne_10m_coastline.geojson"))


def country(code):
    return next(f for f in countries["features"] if f["properties"]["ADM0_A3"] == code)


def densify(coords, step=0.002):
    out = [coords[0]]
    for a, b in zip(coords, coords[1:]):
        n = max(1, math.ceil(max(abs(b[0] - a[0]), abs(b[1] - a[1])) / step))
        out += [(a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n) for i in range(1, n + 1)]
    return out


def boundary_lines(geom):
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    return [ring for poly in polys for ring in poly]


def distance_to_lines(lat, lon, lines, reach_deg=3.0):
    proj = Proj(proj="aeqd", lat_0=lat, lon_0=lon, ellps="WGS84")
    def close(p):
        dlon = (p[0] - lon + 180) % 360 - 180
        return abs(p[1] - lat) < reach_deg and abs(dlon) < reach_deg / max(math.cos(math.radians(lat)), 0.05)
    near = [l for l in lines if any(close(p) for p in l)]
    best = math.inf
    for l in near:
        xs, ys = proj([p[0] for p in densify(l)], [p[1] for p in densify(l)])
        best = min(best, LineString(list(zip(xs, ys))).distance(LineString([(0, 0), (0, 0)])))
    return best


def offshore(code, vertex_lat, vertex_lon, label):
    """Coastal vertex nearest (vertex_lat, vertex_lon); outward normal from the neighbours 3 away."""
    geom = country(code)["geometry"]
    best = None
    for ring in boundary_lines(geom):
        for i, p in enumerate(ring[:-1]):
            d = (p[1] - vertex_lat) ** 2 + (p[0] - vertex_lon) ** 2
            if best is None or d < best[0]:
                best = (d, ring, i)
    _, ring, i = best
    n = len(ring) - 1
    a, v, b = ring[(i - 3) % n], ring[i], ring[(i + 3) % n]
    along = G.Inverse(a[1], a[0], b[1], b[0])["azi1"]
    poly = shape(geom)
    print(f"// {label}: coastal vertex {v[1]:.6f}, {v[0]:.6f}; coast azimuth {along:.3f}")
    for side in (90, -90):
        az = along + side
        probe = G.Direct(v[1], v[0], az, 1000)
        from shapely.geometry import Point
        if not poly.contains(Point(probe["lon2"], probe["lat2"])):
            break
    lines = boundary_lines(geom)
    for target in (11.9 * NM, 12.1 * NM, 50_000, 200_000):
        lo, hi = 0.5 * target, 2.0 * target  # bisect the offset along the normal to hit the target distance
        for _ in range(40):
            mid = (lo + hi) / 2
            p = G.Direct(v[1], v[0], az, mid)
            d = distance_to_lines(p["lat2"], p["lon2"], lines, reach_deg=4.0)
            lo, hi = (mid, hi) if d < target else (lo, mid)
        print(f"//   offset {mid:.3f} m (azimuth {az:.3f}): {p['lat2']:.9f}, {p['lon2']:.9f} -> boundary distance {d:.3f} m")
    return az


def coastline_distance(lat, lon):
    lines = [f["geometry"]["coordinates"] for f in coast["features"]]
    return distance_to_lines(lat, lon, lines, reach_deg=1.0)


print("// Vincenty/Karney point-to-point references")
for (la1, lo1, la2, lo2) in [(0, 0, 0, 1), (51.4778, -0.0015, 40.7128, -74.006), (-33.8688, 151.2093, 35.6762, 139.6503),
                             (64.0, -18.0, 63.8, -17.6), (89.5, 10, 89.5, -170), (10, 179.9, 10.1, -179.9)]:
    r = G.Inverse(la1, lo1, la2, lo2)
    print(f"//   ({la1}, {lo1}) -> ({la2}, {lo2}): s12 {r['s12']:.4f} m azi1 {r['azi1']:.9f} azi2 {r['azi2']:.9f}")
offshore("MRT", 18.5, -16.1, "Mauritania")
offshore("ISL", 63.45, -18.5, "Iceland")
for lat, lon in [(63.2435, -18.6), (63.1, -18.2)]:
    print(f"// 10m coastline distance from {lat}, {lon}: {coastline_distance(lat, lon):.3f} m")

from shapely.geometry import Point
print("// containment (shapely, planar lon/lat)")
for code, lat, lon in [("ZAF", -26.2041, 28.0473), ("ZAF", -29.31, 27.48), ("LSO", -29.31, 27.48),
                       ("FJI", -16.60, 179.30), ("FJI", -16.80, -179.95), ("FJI", -17.0, 179.999), ("FJI", -16.0, -179.5),
                       ("RUS", 66.5, 179.5), ("RUS", 66.5, -179.5), ("RUS", 66.5, -175.0), ("RUS", 55.75, 37.62),
                       ("ATA", -80.0, 0.0), ("ATA", -85.0, 179.9), ("ATA", -85.0, -179.9)]:
    print(f"//   {code} contains ({lat}, {lon}): {shape(country(code)['geometry']).contains(Point(lon, lat))}")
rus = country("RUS")["geometry"]
real = [ring for ring in boundary_lines(rus)]
print(f"// RUS boundary distance from 66.5, 179.99 (all edges incl. the 180 cut): {distance_to_lines(66.5, 179.99, real):.1f} m")


def without_cuts(rings):
    """Boundary pieces with the edges along +-180 (Natural Earth's antimeridian cut) removed."""
    pieces = []
    for ring in rings:
        run = [ring[0]]
        for a, b in zip(ring, ring[1:]):
            if abs(a[0]) == 180 and a[0] == b[0]:
                if len(run) > 1:
                    pieces.append(run)
                run = [b]
            else:
                run.append(b)
        if len(run) > 1:
            pieces.append(run)
    return pieces


print("// boundary distances (AEQD + shapely)")
for code, lat, lon in [("LSO", -29.6, 28.3), ("ZAF", -29.6, 28.3), ("RUS", 66.5, 179.99), ("RUS", 66.5, -179.99),
                       ("FJI", -16.8, -179.95)]:
    lines = without_cuts(boundary_lines(country(code)["geometry"]))
    print(f"//   {code} from ({lat}, {lon}): {distance_to_lines(lat, lon, lines, reach_deg=6.0):.3f} m (cuts on 180 excluded)")
