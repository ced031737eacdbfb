#!/usr/bin/env python3
"""Writes vessel_valletta.nmea: a vessel at 12 knots heading south-west towards Valletta's
Grand Harbour (Malta), one NMEA 0183 epoch per second (RMC, GGA, GSA, GST, GSV), with two
no-fix epochs at the start and two damaged lines in the middle (serial noise: a flipped
character, so a wrong checksum, and a line cut short).

Run from this folder: `python3 make_vessel_log.py > vessel_valletta.nmea`. The Swift tests
recompute every checksum, so a hand edit that breaks one shows at once."""
import math

START_LAT, START_LON = 35.9600, 14.5800          # degrees
COURSE_DEG, SPEED_KN = 225.0, 12.0
EPOCHS, NOFIX_EPOCHS = 30, 2
GEOID_SEP_M, ALT_MSL_M = 38.6, 4.2               # EGM96 separation near Malta; antenna mast height
DATE = "140325"                                   # ddmmyy: 2025-03-14
START_SECONDS = 10 * 3600 + 15 * 60               # 10:15:00 UTC
SATS = [(2, 61, 45, 44), (5, 34, 311, 41), (12, 72, 97, 46), (15, 18, 201, 37),
        (18, 43, 139, 43), (24, 27, 262, 39), (25, 55, 16, 45), (29, 11, 66, 33)]
EARTH_RADIUS_M = 6_371_000.0


def checksum(body):
    value = 0
    for ch in body:
        value ^= ord(ch)
    return "%02X" % value


def sentence(body):
    return "$%s*%s" % (body, checksum(body))


def hhmmss(seconds):
    return "%02d%02d%05.2f" % (seconds // 3600, seconds // 60 % 60, seconds % 60)


def lat_field(deg):
    hemi = "N" if deg >= 0 else "S"
    deg = abs(deg)
    return "%02d%07.4f,%s" % (int(deg), (deg - int(deg)) * 60, hemi)


def lon_field(deg):
    hemi = "E" if deg >= 0 else "W"
    deg = abs(deg)
    return "%03d%07.4f,%s" % (int(deg), (deg - int(deg)) * 60, hemi)


def epoch(index):
    t = START_SECONDS + index
    fixed = index >= NOFIX_EPOCHS
    moved = SPEED_KN * 1852 / 3600 * max(0, index - NOFIX_EPOCHS)
    lat = START_LAT + math.degrees(moved * math.cos(math.radians(COURSE_DEG)) / EARTH_RADIUS_M)
    lon = START_LON + math.degrees(moved * math.sin(math.radians(COURSE_DEG))
                                   / (EARTH_RADIUS_M * math.cos(math.radians(START_LAT))))
    used = [s[0] for s in SATS[:7]] if fixed else []
    hdop = 0.9 + 0.01 * (index % 5)
    lines = []
    if fixed:
        lines.append(sentence("GPRMC,%s,A,%s,%s,%.1f,%.1f,%s,,,A" % (
            hhmmss(t), lat_field(lat), lon_field(lon), SPEED_KN, COURSE_DEG, DATE)))
        lines.append(sentence("GPGGA,%s,%s,%s,1,%02d,%.2f,%.1f,M,%.1f,M,," % (
            hhmmss(t), lat_field(lat), lon_field(lon), len(used), hdop, ALT_MSL_M, GEOID_SEP_M)))
        lines.append(sentence("GPGSA,A,3,%s,1.60,%.2f,1.30" % (
            ",".join("%02d" % s for s in used + [None] * 0) + "," * (12 - len(used)), hdop)))
        lines.append(sentence("GPGST,%s,2.1,3.4,2.2,28.0,2.9,2.4,4.8" % hhmmss(t)))
    else:
        lines.append(sentence("GPRMC,%s,V,,,,,,,%s,,,N" % (hhmmss(t), DATE)))
        lines.append(sentence("GPGGA,%s,,,,,0,00,99.99,,,,,," % hhmmss(t)))
        lines.append(sentence("GPGSA,A,1,,,,,,,,,,,,,99.99,99.99,99.99"))
    for part in range(2):
        group = SATS[part * 4:part * 4 + 4]
        fields = ",".join("%02d,%02d,%03d,%02d" % s for s in group)
        lines.append(sentence("GPGSV,2,%d,%02d,%s" % (part + 1, len(SATS), fields)))
    return lines


def main():
    print("# Name: vessel approaching Valletta Grand Harbour, Malta (synthetic, utermd test fixture)")
    print("# Written by make_vessel_log.py; 1 Hz, RMC GGA GSA GST GSV; two damaged lines at 10:15:12")
    for index in range(EPOCHS):
        lines = epoch(index)
        if index == 12:
            good = lines[1]
            lines.insert(2, good[:20] + ("X" if good[20] != "X" else "Y") + good[21:])   # checksum no longer matches
            lines.insert(3, lines[0][:30])                                               # cut short, no checksum
        for line in lines:
            print(line, end="\r\n")


main()
