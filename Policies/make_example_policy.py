#!/usr/bin/env python3
"""Builds the example policy's GeoJSON block.

    python3 Policies/make_example_policy.py body  ../shared/data > Policies/example.yaml
    .build/debug/utermd policy sign --key Policies/example-operator.key Policies/example.yaml

The firmware compiles the signed file itself in (an `.embedInCode` resource of the Terminal
target, linked from Sources/Terminal/Resources): nothing to regenerate.

`body` writes the unsigned policy: the header and zones below, and a GeoJSON
FeatureCollection with three features:
- China (ADM0_A3 CHN) from Natural Earth 1:50m admin 0 countries v5.1.1 (public domain,
  naturalearthdata.com), coordinates rounded to 4 decimals (about 11 m), repeated vertices
  after rounding dropped; every ring is checked to stay a valid (simple) ring with shapely.
- Crimea: an approximate outline drawn by hand round the peninsula, a few kilometres
  offshore (not a legal boundary).
- Uruguay (ADM0_A3 URY), the service rules' example region, from the same source.
"""
import json
import sys

HEADER = """\
# utermd policy file (format 1). See Policies/README.md.
#
# EXAMPLE POLICY. It is NOT the policy of any real operator and NOT a statement of any state's
# law. It was built from public news reports for tests and for the simulated terminal:
#  - a foreign vessel moored in Ningbo port was fined after its Starlink terminal was seen
#    transmitting in Chinese territorial waters, where such terminals are banned (China:
#    land and 12 nm territorial sea, no service);
#  - the operator declined to extend coverage over Russian-occupied Crimea (an operator-side
#    restriction, no service).
# The Chinese ban binds the foreign operator's constellation (starlink) and spares the
# domestic ones (guowang, qianfan).
# Everywhere else (open ocean included) service is allowed.
# Service rules: example plans modelled on a satellite-internet operator's public terms
# (stationary, roaming, boat), over one example region, Uruguay (Natural Earth 1:50m).
# Territorial sea here is 12 nm from the Natural Earth 1:50m coastline, not from a state's
# declared baselines; the Crimea outline is approximate, drawn by hand.
# It is signed with the EXAMPLE key in Policies/example-operator.key, which is published and
# NOT secret: a terminal trusting it trusts anyone.
format: 1
policy: example-public-reports
version: 2
issued: 2026-09-01T00:00:00Z
valid_from: 2026-01-01T00:00:00Z
valid_until: 2031-01-01T00:00:00Z
example: true
note: >-
  Example built from public reports (design notes, "Service restriction"); not any
  operator's real policy.
default: allow
zones:
  - name: China + 12 nm territorial sea
    action: noService
    feature: { iso: CHN }
    buffer_nm: 12
    constellations: { permitted: [guowang, qianfan] }
    source: >-
      Reported ban on such terminals in China's territory and territorial waters (a
      vessel in Ningbo port fined). Natural Earth 1:50m, public domain. Domestic
      constellations are not banned.
  - name: Crimea (approximate)
    action: noService
    feature: { name: Crimea }
    source: >-
      Reported refusal of the operator to extend coverage over Russian-occupied Crimea.
      Outline approximate, drawn by hand.
service_rules:
  coastal_band_nm: 12
  regions:
    - { name: Uruguay, feature: { iso: URY } }
  plans:
    - name: residential
      ocean: false
      service_radius_km: 5
    - name: roam
      ocean: false
      speed_limit_kmh: 160
      max_days_abroad: 60
    - name: boat
      ocean: false
      speed_limit_kmh: 160
      max_consecutive_coastal_days: 1
      max_coastal_days_per_year: 30
    - name: maritime
      ocean: true
geojson: |
"""

# [lon, lat], counter-clockwise round the peninsula, a few km offshore; hand-drawn.
CRIMEA = [
    [33.60, 46.18], [33.45, 46.05], [33.35, 45.95], [32.90, 45.75], [32.40, 45.35],
    [33.20, 45.15], [33.42, 44.95], [33.35, 44.52], [33.75, 44.33], [34.15, 44.40], [34.45, 44.62],
    [34.95, 44.78], [35.45, 44.92], [36.40, 44.95], [36.65, 45.15], [36.70, 45.40],
    [36.10, 45.50], [35.55, 45.45], [35.05, 45.85], [34.85, 46.15], [34.45, 46.10],
    [33.60, 46.18],
]


def rounded_rings(geometry, decimals=4):
    from shapely.geometry import LinearRing
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    out = []
    for polygon in polygons:
        rings = []
        for ring in polygon:
            kept = []
            for lon, lat in ring:
                point = [round(lon, decimals), round(lat, decimals)]
                if not kept or kept[-1] != point:
                    kept.append(point)
            if kept[0] != kept[-1]:
                kept.append(kept[0])
            if len(kept) < 4:
                continue
            if not LinearRing(kept).is_simple:
                raise SystemExit("ring became self-intersecting after rounding; use more decimals")
            rings.append(kept)
        if rings:
            out.append(rings)
    return out


def position(p):
    return "[%s,%s]" % (format_number(p[0]), format_number(p[1]))


def format_number(x):
    text = ("%.4f" % x).rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


def ring_lines(ring, indent, per_line=8):
    chunks = [",".join(position(p) for p in ring[i:i + per_line]) for i in range(0, len(ring), per_line)]
    chunks = [c + "," for c in chunks[:-1]] + chunks[-1:]
    return [indent + "[" + chunks[0]] + [indent + " " + c for c in chunks[1:]]


def body(data):
    countries = json.load(open(f"{data}/ne_50m_admin_0_countries.geojson"))
    china = next(f for f in countries["features"] if f["properties"]["ADM0_A3"] == "CHN")
    polygons = rounded_rings(china["geometry"])
    lines = [HEADER.rstrip("\n")]
    ind = "  "
    lines.append(ind + '{"type": "FeatureCollection", "features": [')
    lines.append(ind + ' {"type": "Feature", "properties": {"ADM0_A3": "CHN", "NAME": "China",')
    lines.append(ind + '   "source": "Natural Earth 1:50m admin 0 countries v5.1.1, public domain; 4 decimals"},')
    lines.append(ind + '  "geometry": {"type": "MultiPolygon", "coordinates": [')
    for pi, polygon in enumerate(polygons):
        poly_lines = []
        for ri, ring in enumerate(polygon):
            rl = ring_lines(ring, ind + "    ")
            rl[-1] += "]" + ("," if ri < len(polygon) - 1 else "")
            poly_lines += rl
        poly_lines[0] = ind + "   [" + poly_lines[0].lstrip()
        poly_lines[-1] += "]" + ("," if pi < len(polygons) - 1 else "")
        lines += poly_lines
    lines.append(ind + "  ]}},")
    lines.append(ind + ' {"type": "Feature", "properties": {"NAME": "Crimea",')
    lines.append(ind + '   "source": "approximate outline drawn by hand, a few km offshore; not a boundary"},')
    lines.append(ind + '  "geometry": {"type": "Polygon", "coordinates": [')
    rl = ring_lines(CRIMEA, ind + "   ")
    rl[-1] += "]"
    lines += rl
    lines.append(ind + "  ]}},")
    uruguay = next(f for f in countries["features"] if f["properties"]["ADM0_A3"] == "URY")
    lines.append(ind + ' {"type": "Feature", "properties": {"ADM0_A3": "URY", "NAME": "Uruguay",')
    lines.append(ind + '   "source": "Natural Earth 1:50m admin 0 countries v5.1.1, public domain; 4 decimals"},')
    lines.append(ind + '  "geometry": {"type": "Polygon", "coordinates": [')
    rings = rounded_rings(uruguay["geometry"])[0]
    for ri, ring in enumerate(rings):
        rl = ring_lines(ring, ind + "   ")
        rl[-1] += "]" + ("," if ri < len(rings) - 1 else "")
        lines += rl
    lines.append(ind + "  ]}}")
    lines.append(ind + "]}")
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "body":
        raise SystemExit(__doc__)
    body(sys.argv[2])
