#!/usr/bin/env python3
"""Reads and rewrites entries of the window's art cache
(src/ui/draw/hv_art_cache.c), and reads screenshots' pixels, for
test_art_cache.sh.
  art_cache.py check ENTRY          exit 0 when the header and checksum hold
  art_cache.py paint ENTRY R G B    every pixel R G B, opaque, checksum redone
  art_cache.py pixel PNG X Y        prints the screenshot's R G B at X, Y"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from png_check import read_png  # noqa: E402

MAGIC = b"HVART\r\n\x1a"
HEADER = struct.Struct("<8sIIIIIIQQ")  # magic, version, format, w, h, opaque, 0, key, sum
MASK = (1 << 64) - 1
PRIME = 1099511628211
# SDL's 32-bit formats, as the bytes of one pixel in memory (little-endian).
ORDER = {0x16362004: "BGRA", 0x16762004: "RGBA", 0x16462004: "ABGR", 0x16862004: "ARGB"}


def pixel_sum(data):
    """The checksum of hv_art_cache.c: four lanes over 32-byte blocks."""
    lanes = [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5]
    n = len(data)
    whole = n - n % 32
    words = struct.unpack_from(f"<{whole // 8}Q", data)
    a, b, c, d = lanes
    for i in range(0, len(words), 4):
        a = ((a ^ words[i]) * PRIME) & MASK
        b = ((b ^ words[i + 1]) * PRIME) & MASK
        c = ((c ^ words[i + 2]) * PRIME) & MASK
        d = ((d ^ words[i + 3]) * PRIME) & MASK
    for byte in data[whole:]:
        a = ((a ^ byte) * PRIME) & MASK

    def rotl(x, r):
        return ((x << r) | (x >> (64 - r))) & MASK

    return a ^ rotl(b, 17) ^ rotl(c, 31) ^ rotl(d, 47) ^ n


def read_entry(path):
    with open(path, "rb") as f:
        data = f.read()
    fields = list(HEADER.unpack_from(data))
    return fields, data[HEADER.size:]


def main():
    cmd = sys.argv[1]
    if cmd == "check":
        fields, pixels = read_entry(sys.argv[2])
        magic, version, fmt, w, h, opaque, zero, key, total = fields
        good = (magic == MAGIC and version == 1 and fmt in ORDER and zero == 0 and
                len(pixels) == w * h * 4 and pixel_sum(pixels) == total)
        print(f"{'ok' if good else 'bad'}: {w}x{h}, format {fmt:#x}")
        return 0 if good else 1
    if cmd == "paint":
        fields, pixels = read_entry(sys.argv[2])
        rgb = dict(zip("RGB", (int(v) for v in sys.argv[3:6])), A=255)
        px = bytes(rgb[ch] for ch in ORDER[fields[2]])
        pixels = px * (len(pixels) // 4)
        fields[5] = 1
        fields[8] = pixel_sum(pixels)
        with open(sys.argv[2], "wb") as f:
            f.write(HEADER.pack(*fields) + pixels)
        return 0
    if cmd == "pixel":
        w, h, ch, rows = read_png(sys.argv[2])
        x, y = int(sys.argv[3]), int(sys.argv[4])
        print(*rows[y][x * ch:x * ch + 3])
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
