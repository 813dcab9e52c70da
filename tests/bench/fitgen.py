#!/usr/bin/env python3
"""Writes N FIT activity files of one run each into DIR, for the import
benchmark: each with its own file_id (serial number, time created) and
start time, a track of one point a second and the CRCs computed as the FIT
protocol defines them.

    fitgen.py DIR N [POINTS]
"""
import os
import struct
import sys

CRC = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
       0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400]
FIT_EPOCH = 631065600


def crc16(data, c=0):
    for b in data:
        t = CRC[c & 0xF]
        c = ((c >> 4) & 0x0FFF) ^ t ^ CRC[b & 0xF]
        t = CRC[c & 0xF]
        c = ((c >> 4) & 0x0FFF) ^ t ^ CRC[(b >> 4) & 0xF]
    return c


def definition(local, mesg, fields):
    out = struct.pack("<BBBHB", 0x40 | local, 0, 0, mesg, len(fields))
    for num, size, base in fields:
        out += struct.pack("<BBB", num, size, base)
    return out


def one(path, i, points):
    start = 1262304000 - FIT_EPOCH + i * 86400 + 6 * 3600  # 2010-01-01 on
    recs = []
    recs.append(definition(0, 0, [(0, 1, 0x00), (1, 2, 0x84), (2, 2, 0x84),
                                   (3, 4, 0x8C), (4, 4, 0x86)]))
    recs.append(struct.pack("<BBHHII", 0, 4, 1, 2697, 3900000000 + i, start))
    recs.append(definition(1, 20, [(253, 4, 0x86), (0, 4, 0x85),
                                    (1, 4, 0x85), (5, 4, 0x86),
                                    (3, 1, 0x02)]))
    lat, lon = int(38.7 / 180 * 2**31), int(-9.1 / 180 * 2**31)
    for k in range(points):
        recs.append(struct.pack("<BIiiIB", 1, start + k, lat + k * 60,
                                lon + k * 40, k * 280, 140 + k % 20))
    dist = (points - 1) * 280
    recs.append(definition(2, 18, [(253, 4, 0x86), (2, 4, 0x86),
                                    (7, 4, 0x86), (8, 4, 0x86),
                                    (9, 4, 0x86), (5, 1, 0x00),
                                    (6, 1, 0x00), (16, 1, 0x02)]))
    recs.append(struct.pack("<BIIIIIBBB", 2, start + points, start,
                            points * 1000, points * 1000, dist, 1, 0, 150))
    recs.append(definition(3, 34, [(253, 4, 0x86), (1, 2, 0x84),
                                    (2, 1, 0x00), (3, 1, 0x00),
                                    (4, 1, 0x00), (5, 4, 0x86)]))
    recs.append(struct.pack("<BIHBBBI", 3, start + points, 1, 0, 26, 1,
                            start + points))
    data = b"".join(recs)
    head = struct.pack("<BBHI4s", 14, 0x10, 2093, len(data), b".FIT")
    head += struct.pack("<H", crc16(head))
    body = head + data
    with open(path, "wb") as f:
        f.write(body + struct.pack("<H", crc16(body)))


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    points = int(sys.argv[3]) if len(sys.argv) > 3 else 1800
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        one(os.path.join(out, "%04d.fit" % i), i, points)


main()
