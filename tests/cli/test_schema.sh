#!/usr/bin/env bash
# `happyvalley schema`: the JSON Schema made from the loader's key tables
# is valid JSON and the same every run; every shipped file, test fixture,
# file the game itself writes and whole file in the docs passes it; and it
# rejects the key errors of the broken-file suite (tests/data/broken/).
# Usage: test_schema.sh BIN ROOT
set -uo pipefail
bin="$1"
cd "$2"
source tests/cli/lib.sh
check=tests/cli/schema_check.py
kinds=(level rules orders save campaign campaign_progress mod settings sounds)

# 1. The command: JSON, byte for byte the same, one schema per kind.
expect_exit 0 "schema" -- "$bin" schema
cp "$tmp/out" "$tmp/all.json"
python3 -m json.tool "$tmp/all.json" >/dev/null && ok || bad "schema: not JSON"
"$bin" schema | cmp -s - "$tmp/all.json" && ok || bad "schema: two runs differ"
for k in "${kinds[@]}"; do
    expect_exit 0 "schema --kind $k" -- "$bin" schema --kind "$k"
    cp "$tmp/out" "$tmp/$k.json"
    python3 -m json.tool "$tmp/$k.json" >/dev/null && ok || bad "schema --kind $k: not JSON"
    contains "$tmp/all.json" "\"const\": \"$k\"" "the schema of every kind tells $k apart"
done
expect_exit 2 "schema --kind nope" -- "$bin" schema --kind nope
contains "$tmp/err" "--kind needs one of level, rules, orders, save, campaign, campaign_progress, mod, settings, sounds; got 'nope'" "schema --kind nope"
expect_exit 2 "schema --kind" -- "$bin" schema --kind
expect_exit 2 "schema extra" -- "$bin" schema extra
expect_exit 0 "schema --help" -- "$bin" schema --help
contains "$tmp/out" "Usage: happyvalley schema [--kind K]" "schema --help"
expect_exit 0 "--help" -- "$bin" --help
contains "$tmp/out" "happyvalley schema [--kind K]" "--help lists schema"

# 2. Every shipped file and every valid fixture passes, under the schema of
# every kind and under its own kind's.
files=(levels/*.yaml levels/rules/*.yaml levels/campaigns/*.yaml assets/sounds/*.yaml
    tests/*/levels/*.yaml tests/cli/audit/*.yaml tests/data/campaign/*.yaml
    tests/data/campaign/campaigns/*.yaml tests/data/orders/*.yaml)
python3 "$check" files "$tmp/all.json" "${files[@]}" >"$tmp/files.out" 2>&1 && ok ||
    bad "shipped files and fixtures: $(cat "$tmp/files.out")"
contains "$tmp/files.out" "${#files[@]} of ${#files[@]} files valid" "every shipped file"
python3 "$check" files "$tmp/level.json" levels/*.yaml >"$tmp/o" 2>&1 && ok || bad "--kind level: $(cat "$tmp/o")"
python3 "$check" files "$tmp/rules.json" levels/rules/*.yaml >"$tmp/o" 2>&1 && ok || bad "--kind rules: $(cat "$tmp/o")"
python3 "$check" files "$tmp/orders.json" tests/data/orders/*.yaml >"$tmp/o" 2>&1 && ok || bad "--kind orders: $(cat "$tmp/o")"
python3 "$check" files "$tmp/campaign.json" levels/campaigns/*.yaml >"$tmp/o" 2>&1 && ok || bad "--kind campaign: $(cat "$tmp/o")"
# A kind's schema is for that kind only.
python3 "$check" files "$tmp/rules.json" levels/tutorial.yaml >"$tmp/o" 2>&1 && bad "a level passes as rules" || ok
contains "$tmp/o" "levels/tutorial.yaml: kind: 'rules' was expected" "a level under the rules' schema"

# 3. What the schema says of a mistake: the file, the key path, the problem.
sed 's/^title:/titel:/; s/^  width: .*/  width: 65/' levels/tutorial.yaml >"$tmp/typo.yaml"
python3 "$check" files "$tmp/all.json" "$tmp/typo.yaml" >"$tmp/o" 2>&1 && bad "a typo passes" || ok
contains "$tmp/o" "$tmp/typo.yaml: (top): 'title' is a required property" "a missing key"
contains "$tmp/o" "'titel' was unexpected" "an unknown key"
contains "$tmp/o" "$tmp/typo.yaml: map.width: 65 is greater than the maximum of 64" "a number out of range"
# A rules file that extends another gives only what it adds or changes;
# one that does not must be whole.
printf 'format: 1\nkind: rules\nextends: base\nroles:\n  engineer: {pay: 5}\n' >"$tmp/extends.yaml"
printf 'format: 1\nkind: rules\nroles:\n  engineer: {pay: 5}\n' >"$tmp/whole.yaml"
python3 "$check" files "$tmp/all.json" "$tmp/extends.yaml" >"$tmp/o" 2>&1 && ok || bad "extends: $(cat "$tmp/o")"
python3 "$check" files "$tmp/all.json" "$tmp/whole.yaml" >"$tmp/o" 2>&1 && bad "partial rules pass" || ok
contains "$tmp/o" "'life_support' is a required property" "a rules file that extends nothing"
contains "$tmp/o" "roles.engineer: 'name' is a required property" "an entry of a whole rules file"
# Only a file that extends another has something to remove.
printf 'format: 1\nkind: rules\nextends: base\nremove:\n  traits: [hothead]\n' >"$tmp/remove.yaml"
sed '/^extends:/d' "$tmp/remove.yaml" >"$tmp/remove_whole.yaml"
printf 'format: 1\nkind: rules\nextends: base\nremove:\n  traits: []\n  kilns: [x]\n' >"$tmp/remove_bad.yaml"
python3 "$check" files "$tmp/all.json" "$tmp/remove.yaml" >"$tmp/o" 2>&1 && ok || bad "remove: $(cat "$tmp/o")"
python3 "$check" files "$tmp/all.json" "$tmp/remove_whole.yaml" >"$tmp/o" 2>&1 && bad "remove without extends passes" || ok
contains "$tmp/o" "'remove' was unexpected" "remove without extends"
python3 "$check" files "$tmp/all.json" "$tmp/remove_bad.yaml" >"$tmp/o" 2>&1 && bad "a bad remove passes" || ok
contains "$tmp/o" "remove.traits: [] should be non-empty" "remove with an empty list"
contains "$tmp/o" "'kilns' was unexpected" "remove from no table"
# Goals and orders take the keys their kind needs, and no others.
printf 'format: 1\nkind: orders\norders:\n  - {week: 1, do: build, type: hab, x: 1}\n  - {week: 2, do: export, amount: 5, x: 1}\n' >"$tmp/orders.yaml"
python3 "$check" files "$tmp/all.json" "$tmp/orders.yaml" >"$tmp/o" 2>&1 && bad "wrong orders pass" || ok
contains "$tmp/o" "orders[0]: 'y' is a required property" "a build order without y"
contains "$tmp/o" "orders[1]: Additional properties are not allowed ('x' was unexpected)" "an export order with x"

# 4. Files the game writes: a campaign's progress, a save with what the
# campaign carries, and the settings.
croot="$tmp/campaign"
mkdir -p "$croot/levels/rules"
ln -s "$PWD/assets" "$croot/assets"
cp -r tests/data/campaign/campaigns "$croot/levels/"
cp levels/rules/base.yaml "$croot/levels/rules/"
for f in first second; do
    sed 's|^rules: .*|rules: rules/base.yaml|' "tests/data/campaign/$f.yaml" >"$croot/levels/$f.yaml"
done
cat >"$tmp/play.txt" <<SCRIPT
click menu_settings
click settings_reduce_motion
click settings_back
click menu_campaign
click campaign_level_1
click campaign_play
key Space
key Space
click end_campaign
click campaign_level_2
click campaign_play
key Space
key Ctrl+S
SCRIPT
# What system libraries keep for the process is theirs (tests/ui/lsan.supp).
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software HAPPYVALLEY_DATA="$croot" \
    LSAN_OPTIONS="suppressions=$PWD/tests/ui/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
    "$bin" --ui-script "$tmp/play.txt" --data-dir "$tmp/data" >"$tmp/o" 2>&1 ||
    bad "playing the campaign in the window: $(head -5 "$tmp/o")"
written=("$tmp/data/campaign-test.yaml" "$tmp/data/saves/slot1.yaml" "$tmp/data/settings.yaml")
for f in "${written[@]}"; do [[ -s "$f" ]] && ok || bad "the game wrote no $f"; done
grep -q "^carry:" "$tmp/data/saves/slot1.yaml" && ok || bad "the save carries nothing"
python3 "$check" files "$tmp/all.json" "${written[@]}" >"$tmp/o" 2>&1 && ok ||
    bad "files the game writes: $(cat "$tmp/o")"
# What YAML reads as something else the game reads as text, and so does
# the schema: ids true and 2024, a hash of digits alone, no key at all.
sed 's/^  menu: .*/  menu:/' "$tmp/data/settings.yaml" >"$tmp/unbound.yaml"
sed 's/^state_hash: .*/state_hash: 1234567890123456/' "$tmp/data/saves/slot1.yaml" >"$tmp/digits.yaml"
printf 'format: 1\nkind: mod\nid: moon\ntitle: Moon\nversion: 1.2\ngame_format: 1\ndepends: [true, 2024]\n' >"$tmp/mod.yaml"
python3 "$check" files "$tmp/all.json" "$tmp/unbound.yaml" "$tmp/digits.yaml" "$tmp/mod.yaml" >"$tmp/o" 2>&1 &&
    ok || bad "scalars YAML reads otherwise: $(cat "$tmp/o")"

# 5. Every whole file the docs show.
python3 "$check" docs "$tmp/all.json" docs/*.md >"$tmp/docs.out" 2>&1 && ok ||
    bad "the docs' files: $(cat "$tmp/docs.out")"

# 6. Every key error of the broken files (unknown keys, missing ones, wrong
# types, numbers out of range, ...) is one the schema finds.
python3 "$check" broken "$tmp/all.json" tests/data/broken >"$tmp/broken.out" 2>&1 && ok ||
    bad "broken files: $(cat "$tmp/broken.out")"
n=$(sed -n 's/^key errors checked: //p' "$tmp/broken.out")
((${n:-0} >= 60)) && ok || bad "only ${n:-0} key errors of the broken files were checked"

echo "cli_schema: $pass passed, $fail failed"
((fail == 0))
