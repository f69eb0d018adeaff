#!/usr/bin/env bash
# Mods (docs/mods.md): a level dropped in a mod's folder shows in New game
# under the mod's name and plays; a mod with a broken manifest, or one that
# needs a mod that is not there, is listed with its error; `validate`
# checks a manifest like any other file.
# Usage: test_mods.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"

mods="$tmp/mods"
mkdir -p "$mods/moon/levels" "$mods/moon/rules" "$mods/needy" "$mods/broken"
cat >"$mods/moon/rules/moon.yaml" <<'YAML'
format: 1
kind: rules
extends: base
module_types:
  kiln: {name: Kiln, cost: {materials: 40}, build_weeks: 2, upkeep: 3, crew: 1, power: -5, priority: 2}
YAML
sed -e 's|^rules: .*|rules: ../rules/moon.yaml|' -e 's|^title: .*|title: Moon prologue|' \
    levels/tutorial.yaml >"$mods/moon/levels/prologue.yaml"
cat >"$mods/moon/mod.yaml" <<'YAML'
format: 1
kind: mod
id: moon
title: Moon Base
version: "0.3"
game_format: 1
YAML
printf 'format: 1\nkind: mod\nid: needy\ntitle: Needy\nversion: "1"\ngame_format: 1\ndepends: [gone]\n' \
    >"$mods/needy/mod.yaml"
printf 'format: 1\nkind: mod\nid: broken\ntitle: Broken\nversion: "1"\ngame_format: 7\n' \
    >"$mods/broken/mod.yaml"

# validate reads a manifest, and says what is wrong with a bad one.
"$bin" validate "$mods/moon/mod.yaml" >"$tmp/v.out" 2>&1 && ok "validate accepts a good manifest" ||
    bad "validate on a good manifest: $(head -3 "$tmp/v.out")"
"$bin" validate "$mods/broken/mod.yaml" >"$tmp/v.out" 2>&1
rc=$?
[[ $rc == 2 ]] && grep -q "^$mods/broken/mod.yaml:6:14: error: .*format 7.*a newer game" "$tmp/v.out" &&
    ok "validate names the format a mod needs, at its line" ||
    bad "validate on a manifest for a newer game: exit $rc: $(head -3 "$tmp/v.out")"
printf 'format: 1\nkind: mod\nid: other\ntitle: T\nversion: "1"\ngame_format: 1\n' >"$tmp/mod.yaml"
mkdir -p "$tmp/wrong" && cp "$tmp/mod.yaml" "$tmp/wrong/mod.yaml"
"$bin" validate "$tmp/wrong/mod.yaml" >"$tmp/v.out" 2>&1
grep -q ":3:5: error: .*'other' must be the name of its folder, 'wrong'" "$tmp/v.out" &&
    ok "a mod's id must be its folder's name" || bad "id unlike its folder: $(head -3 "$tmp/v.out")"

# New game lists the mod's level under the mod's name, and it plays.
cat >"$tmp/pick.txt" <<SCRIPT
click menu_new
wheel -40 level_0
widgets $tmp/picker.json
move levels_mod_moon
tooltip
click level_moon_prologue
screenshot $tmp/picker.png
click picker_start
click-if choice_1
state
SCRIPT
"$bin" --size 1280x720 --scale 100 --data-dir "$tmp/d" --mods-dir "$mods" \
    --ui-script "$tmp/pick.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
[[ $rc == 0 ]] && ok "the picker walk ran" || bad "picker walk exit $rc: $(grep -v XDG_RUNTIME "$tmp/err" | head -3)"
python3 - "$tmp/picker.json" >"$tmp/ids" <<'PY' || bad "reading the widgets"
import json, sys
for w in json.load(open(sys.argv[1]))["widgets"]:
    print(w["id"], w.get("label", ""))
PY
grep -q "^levels_mod_moon" "$tmp/ids" && grep -q "^level_moon_prologue" "$tmp/ids" &&
    ok "the mod's level is listed under the mod's name" || bad "picker widgets: $(tr '\n' ' ' <"$tmp/ids")"
grep -q "^tooltip Levels of the mod Moon Base, version 0.3" "$tmp/out" &&
    ok "the mod's heading says where its levels come from" || bad "heading tooltip: $(grep tooltip "$tmp/out")"
grep -q "^week [0-9]* hash " "$tmp/out" && ok "the mod's level starts a game" ||
    bad "no game from the mod's level: $(tail -3 "$tmp/out")"
python3 tests/ui/layout_check.py "$tmp/picker.json" >"$tmp/layout" && [[ ! -s "$tmp/layout" ]] &&
    ok "the picker with mods lays out cleanly" || bad "picker layout: $(head -3 "$tmp/layout")"

# The broken mods are listed with why.
cat >"$tmp/broken.txt" <<SCRIPT
click menu_new
wheel -40 level_0
widgets $tmp/broken.json
SCRIPT
"$bin" --size 1280x720 --scale 100 --data-dir "$tmp/d" --mods-dir "$mods" \
    --ui-script "$tmp/broken.txt" >"$tmp/out" 2>"$tmp/err" || bad "broken walk failed"
python3 - "$tmp/broken.json" >"$tmp/labels" <<'PY'
import json, sys
for w in json.load(open(sys.argv[1]))["widgets"]:
    print(w["id"], w.get("label", ""), w.get("tip", ""))
PY
grep -q "^level_needy_mod" "$tmp/labels" && grep -q "^level_broken_mod" "$tmp/labels" &&
    ok "broken mods are listed under their names" || bad "no heading for broken mods: $(tr '\n' ' ' <"$tmp/labels")"

# The Mods screen: a mod switched off leaves New game, the order is the
# player's, and both are kept in the settings for the next start.
cat >"$tmp/screen.txt" <<SCRIPT
click menu_new
click picker_mods
widgets $tmp/mods.json
click mod_switch_moon
click mod_down_broken
widgets $tmp/mods2.json
click mods_back
wheel -40 level_0
widgets $tmp/picker2.json
SCRIPT
"$bin" --size 1280x720 --scale 100 --data-dir "$tmp/s" --mods-dir "$mods" \
    --ui-script "$tmp/screen.txt" >"$tmp/out" 2>"$tmp/err" || bad "mods screen walk: $(grep -v XDG_RUNTIME "$tmp/err" | head -3)"
ids() { python3 -c 'import json,sys; print(" ".join(w["id"] for w in json.load(open(sys.argv[1]))["widgets"]))' "$1" 2>/dev/null; }
screen=" $(ids "$tmp/mods.json") "
[[ "$screen" == *" mod_switch_moon "* && "$screen" == *" mod_switch_needy "* && "$screen" == *" mod_up_moon "* ]] &&
    ok "the Mods screen lists every mod with its switch and arrows" || bad "mods screen widgets:$screen"
python3 tests/ui/layout_check.py "$tmp/mods.json" "$tmp/mods2.json" >"$tmp/layout" && [[ ! -s "$tmp/layout" ]] &&
    ok "the Mods screen lays out cleanly" || bad "mods screen layout: $(head -3 "$tmp/layout")"
[[ " $(ids "$tmp/picker2.json") " != *" levels_mod_moon "* ]] && ok "a mod switched off leaves New game" ||
    bad "New game still lists the switched-off mod"
order=$(sed -n 's/^  - {id: \([a-z_]*\), enabled: \([a-z]*\)}$/\1=\2/p' "$tmp/s/settings.yaml" | tr '\n' ' ')
[[ "$order" == "moon=false broken=true needy=true " ]] && ok "the settings keep the order and the switch" ||
    bad "settings' mods: '$order'"
printf 'click menu_new\nwheel -40 level_0\nwidgets %s/picker3.json\n' "$tmp" >"$tmp/again.txt"
"$bin" --size 1280x720 --scale 100 --data-dir "$tmp/s" --mods-dir "$mods" --ui-script "$tmp/again.txt" \
    >"$tmp/out" 2>"$tmp/err" || bad "the second start failed"
[[ " $(ids "$tmp/picker3.json") " != *" levels_mod_moon "* ]] && ok "the switch holds at the next start" ||
    bad "the switched-off mod is back after a restart"

# A mod's own art comes first: its habitat, a plain green square here.
mkdir -p "$mods/moon/assets/modules"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#00ff00"/></svg>\n' \
    >"$mods/moon/assets/modules/habitat.svg"
cat >"$tmp/art.txt" <<SCRIPT
click menu_new
wheel -40 level_0
click level_moon_prologue
click picker_start
click-if choice_1
where cell:1,2
screenshot $tmp/art.png
SCRIPT
"$bin" --size 1280x720 --scale 100 --data-dir "$tmp/d" --mods-dir "$mods" \
    --ui-script "$tmp/art.txt" >"$tmp/out" 2>"$tmp/err" || bad "art walk failed: $(head -3 "$tmp/err")"
read -r _ _ cx cy cw ch < <(grep '^where cell:1,2 ' "$tmp/out")
pixel=$(python3 -c "
import sys
sys.path.insert(0, 'tests/ui')
from png_check import read_png
w, h, ch, rows = read_png('$tmp/art.png')
x, y = int('${cx:-0}') + int('${cw:-0}') // 6, int('${cy:-0}') + int('${ch:-0}') // 6
print(*rows[y][x * ch:x * ch + 3])
")
[[ "$pixel" == "0 255 0" ]] && ok "the mod's own art draws its habitat" ||
    bad "the habitat's corner is $pixel, not the mod's green"

# Without --mods-dir the mods folder is mods/ in the data folder.
mkdir -p "$tmp/d2/mods" && cp -r "$mods/moon" "$tmp/d2/mods/"
printf 'click menu_new\nwheel -40 level_0\nclick level_moon_prologue\nclick picker_start\nclick-if choice_1\nstate\n' >"$tmp/own.txt"
"$bin" --size 1280x720 --scale 100 --data-dir "$tmp/d2" --ui-script "$tmp/own.txt" >"$tmp/out" 2>"$tmp/err"
grep -q "^week [0-9]* hash " "$tmp/out" && ok "a mod in the data folder's mods/ plays" ||
    bad "mods/ in the data folder: $(grep -v XDG_RUNTIME "$tmp/err" | head -3)"

echo "ui_mods: $fail failed"
((fail == 0))
