#!/usr/bin/env bash
# validate: every kind of file the game reads, valid and broken; warnings
# and --werror; the shipped content gives no warning but the known ones.
# Usage: test_validate.sh BIN ROOT
set -uo pipefail
bin="$1"
cd "$2"
source tests/cli/lib.sh

# valid KIND FILE [OPTIONS...]: FILE validates with no error and no warning.
valid() {
    local what="$1" file="$2"
    shift 2
    expect_exit 0 "$what valid" -- "$bin" validate "$@" "$file"
    contains "$tmp/out" "$file: valid" "$what valid"
    if [[ -s "$tmp/err" ]]; then bad "$what valid: said $(head -3 "$tmp/err")"; else ok; fi
}
# broken KIND FILE MESSAGE [OPTIONS...]: FILE is refused with MESSAGE, one
# clean FILE:LINE:COL error a line.
broken() {
    local what="$1" file="$2" message="$3"
    shift 3
    expect_exit 2 "$what broken" -- "$bin" validate "$@" "$file"
    contains "$tmp/err" "$message" "$what broken"
    if grep -qvE "^[^[:cntrl:]]+:[0-9]+:[0-9]+: error: [^[:cntrl:]]+$" "$tmp/err"; then
        bad "$what broken: not one clean error a line"
        head -5 "$tmp/err" >&2
    else ok; fi
}

# 1. Levels, rules and campaigns.
valid level levels/tutorial.yaml
sed -e 's/^difficulty: .*/difficulty: 9/' -e 's/^rules: .*/rules: base/' levels/tutorial.yaml >"$tmp/level.yaml"
broken level "$tmp/level.yaml" ": error: difficulty: 9 is out of range (1..5)"
valid rules levels/rules/base.yaml
printf 'format: 1\nkind: rules\nextends: base\nmarket: {swingg: 3}\n' >"$tmp/rules.yaml"
broken rules "$tmp/rules.yaml" "$tmp/rules.yaml:4:10: error: market: unknown key 'swingg' (did you mean 'swing'?)"
valid campaign levels/campaigns/season.yaml
up=$(realpath --relative-to="$tmp" levels)
sed -e 's/^  satisfaction: .*/  satisfaction: 101/' -e "s|^  - \.\./|  - $up/|" levels/campaigns/season.yaml \
    >"$tmp/season.yaml"
broken campaign "$tmp/season.yaml" ": error: carry.satisfaction: 101 is out of range (0..100)"

# 2. A mod's manifest: its id is its folder's name.
mkdir -p "$tmp/mods/sketch"
printf 'format: 1\nkind: mod\nid: sketch\ntitle: Sketch\nversion: "1.0"\ngame_format: 1\n' \
    >"$tmp/mods/sketch/mod.yaml"
valid mod "$tmp/mods/sketch/mod.yaml"
sed 's/^id: .*/id: other/' "$tmp/mods/sketch/mod.yaml" >"$tmp/mods/sketch/broken.yaml"
cp "$tmp/mods/sketch/broken.yaml" "$tmp/mods/sketch/mod.yaml"
broken mod "$tmp/mods/sketch/mod.yaml" "$tmp/mods/sketch/mod.yaml:3:5: error: the mod's id 'other' must be the name of its folder, 'sketch'"

# 3. Orders: alone, all but the ids are checked; with --level, the ids too.
valid orders tests/data/orders/tutorial.yaml
valid "orders against their level" tests/data/orders/tutorial.yaml --level levels/tutorial.yaml
printf 'format: 1\nkind: orders\norders:\n  - {week: 1, do: build, type: greenhose, x: 1, y: 1}\n' >"$tmp/orders.yaml"
valid "orders naming a type, alone" "$tmp/orders.yaml"
broken "orders naming a type that is not the level's" "$tmp/orders.yaml" \
    "$tmp/orders.yaml:4:32: error: orders[0].type: unknown module type 'greenhose' (did you mean 'greenhouse'?)" \
    --level levels/tutorial.yaml
printf 'format: 1\nkind: orders\norders:\n  - {week: 0, do: build, type: greenhouse, x: 1, y: 1}\n' >"$tmp/orders.yaml"
broken "orders, alone" "$tmp/orders.yaml" "$tmp/orders.yaml:4:12: error: orders[0].week: 0 is out of range (1..100000)"
printf 'format: 1\nkind: orders\norders:\n  - {week: 1, do: build, type: greenhouse, x: 1}\n' >"$tmp/orders.yaml"
broken "orders, alone" "$tmp/orders.yaml" "$tmp/orders.yaml:4:5: error: orders[0]: a 'build' order needs key 'y'"
broken "orders against a broken level" tests/data/orders/tutorial.yaml \
    ": error: difficulty: 9 is out of range (1..5)" --level "$tmp/level.yaml"

# 4. A save replays to the hash it was saved with.
printf '%s\n' "end" "end" "save $tmp/game.yaml" "quit" >"$tmp/commands"
"$bin" play levels/tutorial.yaml --seed 6 --terminal <"$tmp/commands" >/dev/null 2>&1
valid save "$tmp/game.yaml"
sed 's/^state_hash: .*/state_hash: "0123456789abcdef"/' "$tmp/game.yaml" >"$tmp/other.yaml"
broken save "$tmp/other.yaml" "$tmp/other.yaml:"
broken save "$tmp/other.yaml" "state_hash: the save does not match"

# 5. Campaign progress, against the campaign it names.
printf 'format: 1\nkind: campaign_progress\ncampaign: season\nlevels:\n  - {level: jamestown, won: true}\n  - {level: tutorial}\n' \
    >"$tmp/campaign-season.yaml"
valid "campaign progress" "$tmp/campaign-season.yaml"
sed 's/level: tutorial/level: riot/' "$tmp/campaign-season.yaml" >"$tmp/progress.yaml"
broken "campaign progress" "$tmp/progress.yaml" "$tmp/progress.yaml:6:13: error: levels[1].level: level 2 of the campaign is 'tutorial', not 'riot'"
sed 's/campaign: season/campaign: seasn/' "$tmp/campaign-season.yaml" >"$tmp/progress.yaml"
broken "campaign progress" "$tmp/progress.yaml" "$tmp/progress.yaml:3:11: error: campaign: there is no campaign 'seasn' in "

# 6. An audit, beside its level.
valid audit levels/tutorial.audit.json
printf '{"format": 1, "kind": "audit", "level_digest": "0326198953f3b05e", "runs": 10,\n "best_bot": "planner", "best_win_rate": 2.5, "best_win_low": 0.1, "best_win_high": 0.9}\n' \
    >"$tmp/x.audit.json"
broken audit "$tmp/x.audit.json" "$tmp/x.audit.json:2:42: error: best_win_rate: '2.5' is out of range (0 to 1)"

# 7. The window's own files: settings and sounds. A build without the
# window reads neither, and says which kinds it reads.
if "$bin" schema --kind settings >/dev/null 2>&1; then
    window_kinds=", settings, sounds"
    printf 'format: 1\nkind: settings\nui_scale: 150\nkeys:\n  end_turn: "Return"\n' >"$tmp/settings.yaml"
    valid settings "$tmp/settings.yaml"
    printf 'format: 1\nkind: settings\nui_scale: 150\nkeys:\n  end_turn: "Retrun"\n' >"$tmp/settings.yaml"
    broken settings "$tmp/settings.yaml" "$tmp/settings.yaml:5:13: error: keys.end_turn:"
    valid sounds assets/sounds/sounds.yaml
    sed 's/click.wav, volume: 45}/click.wav, volume: 145}/' assets/sounds/sounds.yaml >"$tmp/sounds.yaml"
    broken sounds "$tmp/sounds.yaml" ": error: effects.click.volume: 145 is out of range (0..100)"
else
    window_kinds=""
    echo "note: this build has no window: settings and sounds are the window's to read"
    broken "settings without a window" assets/sounds/sounds.yaml "kind: 'sounds' is not a kind of file the game reads; it reads: level, rules, campaign, mod, orders, save, campaign_progress, audit"
fi

# 8. A kind the game does not read is named with every kind it does.
printf 'format: 1\nkind: scenario\n' >"$tmp/what.yaml"
broken "unknown kind" "$tmp/what.yaml" "$tmp/what.yaml:2:7: error: kind: 'scenario' is not a kind of file the game reads; it reads: level, rules, campaign, mod, orders, save, campaign_progress, audit$window_kinds"
printf 'format: 1\nkind: rule\n' >"$tmp/what.yaml"
broken "misspelt kind" "$tmp/what.yaml" "kind: 'rule' is not a kind of file the game reads (did you mean 'rules'?)"

# 9. Warnings: printed as FILE:LINE:COL: warning:, exit 0; --werror makes them errors.
lint=tests/data/lint/goals.yaml
expect_exit 0 "warnings alone" -- "$bin" validate "$lint"
contains "$tmp/out" "$lint: valid, with 6 warnings" "warnings counted"
contains "$tmp/err" "$lint:34:43: warning: goals.win[3].amount: the level starts with 2 people and nobody arrives later: this goal can never be met" "a warning's line"
if grep -qvE "^[^[:cntrl:]]+:[1-9][0-9]*:[1-9][0-9]*: warning: [^[:cntrl:]]+$" "$tmp/err"; then
    bad "warnings: not one clean FILE:LINE:COL warning a line"
else ok; fi
expect_exit 2 "--werror" -- "$bin" validate --werror "$lint"
contains "$tmp/err" "$lint:34:43: warning:" "--werror still prints the warnings"
expect_exit 0 "--werror on a file without warnings" -- "$bin" validate --werror levels/tutorial.yaml
expect_exit 2 "--werror with a file that warns among others" -- "$bin" validate --werror levels/tutorial.yaml "$lint"
contains "$tmp/out" "levels/tutorial.yaml: valid" "--werror: the other files are still checked"
expect_exit 2 "--level without a file" -- "$bin" validate --level
contains "$tmp/err" "option '--level' needs a value" "--level without a file"
expect_exit 2 "unknown option" -- "$bin" validate --wrror "$lint"
expect_exit 0 "validate --help" -- "$bin" validate --help
contains "$tmp/out" "--werror" "validate --help names --werror"
contains "$tmp/out" "--level LEVEL" "validate --help names --level"

# 10. A rules file of its own (no extends) is whole: a 0 in an effect
# changes nothing.
{
    cat levels/rules/base.yaml
    printf '  pointless:\n    title: Pointless\n    text: Nothing.\n    weight: 5\n    effect: {morale_staff: 0}\n'
} >"$tmp/own_rules.yaml"
last=$(wc -l <"$tmp/own_rules.yaml")
expect_exit 0 "rules of their own" -- "$bin" validate "$tmp/own_rules.yaml"
contains "$tmp/err" "$tmp/own_rules.yaml:$last:28: warning: events.pointless.effect.morale_staff: 0 changes nothing; leave it out" "a 0 in rules of their own"

# 11. A level that reads a flag only a campaign sets: beside its campaign
# no warning; alone, nobody sets it.
valid "a level a campaign carries a flag into" tests/data/campaign/second.yaml
mkdir -p "$tmp/alone"
sed 's|^rules: .*|rules: base|' tests/data/campaign/second.yaml >"$tmp/alone/second.yaml"
expect_exit 0 "the same level alone" -- "$bin" validate "$tmp/alone/second.yaml"
contains "$tmp/err" "$tmp/alone/second.yaml:12:11: warning: overrides.flags[0]: flag 'accord' is never set or read" "the same level alone"

# 12. The annotated example of docs/level-format.md validates as it stands
# (played by the shipped rules), without a warning.
python3 - docs/level-format.md >"$tmp/example.yaml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
part = text[text.index("## 11. An annotated example"):]
print(re.search(r"```yaml\n(.*?)```", part, re.S).group(1), end="")
PY
sed -i 's|^rules: rules/base.yaml|rules: base|' "$tmp/example.yaml"
expect_exit 0 "the annotated example, --werror" -- "$bin" validate --werror "$tmp/example.yaml"
contains "$tmp/out" "$tmp/example.yaml: valid" "the annotated example"

# 13. The shipped content gives no warning at all.
shipped=(levels/*.yaml levels/rules/*.yaml levels/campaigns/*.yaml)
expect_exit 0 "the shipped content, --werror" -- "$bin" validate --werror "${shipped[@]}"
if [[ -s "$tmp/err" ]]; then bad "the shipped content warns: $(head -3 "$tmp/err")"; else ok; fi

echo "validate: $pass passed, $fail failed"
((fail == 0))
