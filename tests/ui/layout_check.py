"""Checks a `widgets` dump (docs/ui-script.md): every widget lies inside
the window, and no two widgets that take clicks overlap, but for two names
of one widget and an area holding its parts.
Usage: layout_check.py DUMP.json...  Prints one line per problem."""
import json
import sys


def inside(r, w, h):
    x, y, rw, rh = r
    return x >= 0 and y >= 0 and x + rw <= w and y + rh <= h


def overlap(a, b):
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def contains(outer, inner):
    ox, oy, ow, oh = outer
    ix, iy, iw, ih = inner
    return ox <= ix and oy <= iy and ix + iw <= ox + ow and iy + ih <= oy + oh


def allowed(a, b):
    """Two names for one widget (level_3 and level_tutorial), or an area
    holding its parts (a list and its rows, a row and its badge)."""
    ra, rb = a["visible"], b["visible"]
    if ra == rb:
        return True
    if contains(ra, rb) and not a["label"]:
        return True
    return contains(rb, ra) and not b["label"]


def check(path):
    with open(path) as f:
        dump = json.load(f)
    w, h = dump["window"]
    where = f"{path} ({w}x{h} at {dump['scale']}%)"
    shown = [x for x in dump["widgets"] if x["visible"][2] > 0 and x["visible"][3] > 0]
    problems = []
    for x in shown:
        if not inside(x["visible"], w, h):
            problems.append(f"{where}: '{x['id']}' {x['visible']} is not inside the window")
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            if a["id"] != b["id"] and overlap(a["visible"], b["visible"]) and not allowed(a, b):
                problems.append(f"{where}: '{a['id']}' {a['visible']} overlaps '{b['id']}' {b['visible']}")
    return problems


def main():
    problems = []
    for path in sys.argv[1:]:
        problems += check(path)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
