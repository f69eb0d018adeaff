#!/usr/bin/env bash
# docs/first-mod.md, followed literally: every ```sh block of the page runs
# in order, in one shell, with `happyvalley` the game under test and a
# fresh XDG data folder. Then what the page promises is checked: the
# files validate, the audit is saved, New game lists the level under the
# mod's name, and the kiln is drawn in the mod's art.
# Usage: test_first_mod.sh BIN ROOT
set -uo pipefail
# The game is run from folders of its own below: its path must not be relative.
set -- "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" "$2"
source "$(dirname "$0")/../ui/lib.sh"
root="$PWD"

# The page's shell blocks, as one script; /tmp in them becomes our own folder.
python3 - docs/first-mod.md >"$tmp/steps.sh" <<'PY' || bad "reading the page"
import re, sys
text = open(sys.argv[1]).read()
blocks = re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M)
if len(blocks) < 5:
    sys.exit("only %d sh blocks" % len(blocks))
print("set -e")
for b in blocks:
    print(b)
PY
sed -i "s|/tmp/|$tmp/|g" "$tmp/steps.sh"
(
    export HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg"
    happyvalley() { "$bin" "$@"; }
    export -f happyvalley 2>/dev/null || true
    export bin
    source "$tmp/steps.sh"
) >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc == 0 ]] && ok "every step of the page ran" ||
    bad "the page's steps stopped (exit $rc): $(tail -5 "$tmp/err") $(tail -5 "$tmp/out")"

mod="$tmp/xdg/happyvalley/mods/kiln"
for f in mod.yaml rules/kiln.yaml levels/first_bake.yaml; do
    grep -q "^$f: valid$" "$tmp/out" && ok "$f validates" || bad "$f did not validate: $(grep "$f" "$tmp/out" "$tmp/err" | head -3)"
done
[[ -s "$mod/rules/kiln.yaml" && "$(wc -l <"$mod/rules/kiln.yaml")" -le 16 ]] && ok "one new module is a rules file of a few lines" ||
    bad "the kiln's rules are $(wc -l <"$mod/rules/kiln.yaml") lines"
grep -q "state hash" "$tmp/out" && ok "the level plays headless" || bad "sim printed no state hash"
[[ -s "$mod/levels/first_bake.audit.json" ]] && ok "the audit ran and was saved" ||
    bad "no audit beside the level: $(grep -i audit "$tmp/err" | head -3)"
for png in first-bake-picker first-bake-base; do
    size=$(python3 -c "import sys; sys.path.insert(0, 'tests/ui'); from png_check import read_png; w, h, _, _ = read_png('$tmp/$png.png'); print(w, h)" 2>/dev/null)
    # shellcheck disable=SC2086
    python3 tests/ui/png_check.py ${size:-0 0} "$tmp/$png.png" >/dev/null && ok "$png.png drawn" ||
        bad "$png.png missing or blank"
done
# The kiln (cell 3,4) in the mod's own art: its orange door, not the
# shipped art nor the initial drawn for missing art.
cat >"$tmp/where.txt" <<SCRIPT
click menu_new
wheel -40 level_0
click level_kiln_first_bake
widgets $tmp/picker.json
click picker_start
click-if choice_1
where cell:3,4
screenshot $tmp/kiln.png
SCRIPT
HOME="$tmp/home" XDG_DATA_HOME="$tmp/xdg" SDL_VIDEODRIVER=dummy "$bin" --size 1280x720 --scale 100 \
    --ui-script "$tmp/where.txt" >"$tmp/where.out" 2>"$tmp/where.err" || bad "the look at the base failed"
grep -q '"id": *"levels_mod_kiln"' "$tmp/picker.json" && ok "New game lists the level under the mod's name" ||
    bad "no heading for the mod in New game"
read -r _ _ cx cy cw chh < <(grep '^where cell:3,4 ' "$tmp/where.out")
door=$(python3 -c "
import sys
sys.path.insert(0, 'tests/ui')
from png_check import read_png
w, h, ch, rows = read_png('$tmp/kiln.png')
x0, y0, cw, chh = int('${cx:-0}'), int('${cy:-0}'), int('${cw:-1}'), int('${chh:-1}')
# The door: x 24..40, y 34..48 of 64.
n = sum(1 for y in range(y0 + chh * 36 // 64, y0 + chh * 46 // 64)
        for x in range(x0 + cw * 26 // 64, x0 + cw * 38 // 64)
        if rows[y][x * ch] > 200 and 120 < rows[y][x * ch + 1] < 210 and rows[y][x * ch + 2] < 110)
print(n)
")
[[ "${door:-0}" -gt 20 ]] && ok "the kiln is drawn in the mod's art" || bad "the kiln's door is not there ($door orange pixels)"

echo "cli_first_mod: $fail failed"
((fail == 0))
