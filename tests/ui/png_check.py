#!/usr/bin/env python3
"""Checks that PNG screenshots are real screens: the expected size, and
not blank (many colours, and no single colour covering nearly all of it).
Usage: png_check.py WIDTH HEIGHT FILE.png..."""
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, colour_type, depth = 8, b"", 0, 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = {2: 3, 6: 4}.get(colour_type)
    if depth != 8 or not channels:
        raise ValueError(f"unexpected PNG colour type {colour_type} depth {depth}")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        ftype, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    want_w, want_h = int(sys.argv[1]), int(sys.argv[2])
    bad = 0
    for path in sys.argv[3:]:
        try:
            w, h, ch, rows = read_png(path)
        except (OSError, ValueError, zlib.error) as e:
            print(f"FAIL: {path}: {e}")
            bad += 1
            continue
        counts = {}
        for row in rows[:: max(1, h // 90)]:
            for x in range(0, w * ch, ch * max(1, w // 160)):
                px = row[x:x + 3]
                counts[px] = counts.get(px, 0) + 1
        total = sum(counts.values())
        top = max(counts.values())
        if (w, h) != (want_w, want_h):
            print(f"FAIL: {path}: {w}x{h}, expected {want_w}x{want_h}")
            bad += 1
        elif len(counts) < 40 or top > total * 0.9:
            print(f"FAIL: {path}: looks blank ({len(counts)} colours, one covers {100 * top // total}%)")
            bad += 1
        else:
            print(f"ok: {path} ({len(counts)} colours sampled)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
