#!/usr/bin/env python3
"""Makes the reduced Natural Earth files of Tests/Data from the published ones.

    python3 Tests/Data/make_subsets.py SOURCE_DIR

SOURCE_DIR holds ne_50m_admin_0_countries.geojson (Natural Earth 1:50m admin 0 countries,
v5.1.1, converted from the shapefile without edits, 6-decimal coordinates) and
ne_10m_coastline.geojson (1:10m coastline, 5.0.0-pre9). Geometry is copied unchanged; only
what the tests do not read is dropped:

- countries: every feature and every coordinate, with the properties reduced to the names
  and codes `GeoJSONDocument` matches on (ISO_A2, ISO_A2_EH, ISO_A3, ISO_A3_EH, ADM0_A3,
  NAME, NAME_LONG, ADMIN, NAME_EN) -> 2.3 MB instead of 3.6 MB;
- coastline: the LineStrings with a vertex in 26-12 W, 62-67.5 N (Iceland and ~100 km
  around it, what `territorialSeaFromTheFinerCoastline` buffers) -> 5 of 4,133 features.

Standard library only; the output is deterministic (same input, same bytes).
"""
import json
import os
import sys

KEPT_PROPERTIES = ["ISO_A2", "ISO_A2_EH", "ISO_A3", "ISO_A3_EH", "ADM0_A3", "NAME", "NAME_LONG", "ADMIN", "NAME_EN"]
ICELAND_BOX = (-26.0, -12.0, 62.0, 67.5)  # west, east, south, north, degrees


def write(path, document):
    # One feature a line, so a diff of a regenerated file stays readable.
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        head = {k: v for k, v in document.items() if k != "features"}
        out.write(json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"features":[\n')
        for i, feature in enumerate(document["features"]):
            out.write(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
            out.write(",\n" if i + 1 < len(document["features"]) else "\n")
        out.write("]}\n")


def main(source, target):
    countries = json.load(open(os.path.join(source, "ne_50m_admin_0_countries.geojson"), encoding="utf-8"))
    for feature in countries["features"]:
        properties = feature["properties"]
        feature["properties"] = {k: properties[k] for k in KEPT_PROPERTIES if k in properties}
    write(os.path.join(target, "ne_50m_admin_0_countries.geojson"), countries)

    coastline = json.load(open(os.path.join(source, "ne_10m_coastline.geojson"), encoding="utf-8"))
    west, east, south, north = ICELAND_BOX
    coastline["name"] = "ne_10m_coastline_iceland"
    coastline["features"] = [
        f for f in coastline["features"]
        if any(west <= lon <= east and south <= lat <= north for lon, lat in f["geometry"]["coordinates"])
    ]
    write(os.path.join(target, "ne_10m_coastline_iceland.geojson"), coastline)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data", os.path.dirname(os.path.abspath(__file__)))
