#!/usr/bin/env bash
# The happyvalley command as users and scripts call it: exit codes, JSON,
# determinism, hostile files, the terminal game. Usage: test_cli.sh BIN ROOT
set -uo pipefail
bin="$1"
root="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# shellcheck source=lib.sh
source "$here/lib.sh"
json_field() { # FILE FIELD
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d[sys.argv[2]])' "$1" "$2"
}

tutorial=levels/tutorial.yaml

# --help, --version, usage errors
expect_exit 0 "--help" -- "$bin" --help
contains "$tmp/out" "happyvalley sim LEVEL" "--help lists sim"
expect_exit 0 "--version" -- "$bin" --version
if grep -Eq '^happyvalley [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out"; then ok; else bad "--version format"; fi
expect_exit 2 "unknown command" -- "$bin" fly
contains "$tmp/err" "unknown command 'fly'" "unknown command message"
expect_exit 2 "validate without files" -- "$bin" validate
expect_exit 2 "sim without level" -- "$bin" sim
expect_exit 2 "sim --turns 0" -- "$bin" sim "$tutorial" --turns 0
expect_exit 2 "sim --turns abc" -- "$bin" sim "$tutorial" --turns abc
expect_exit 2 "sim --seed -1" -- "$bin" sim "$tutorial" --seed -1
expect_exit 2 "sim unknown option" -- "$bin" sim "$tutorial" --fast
expect_exit 2 "sim two levels" -- "$bin" sim "$tutorial" "$tutorial"

# One parser for every command: --opt=value and --opt value, options
# before and after the operands, `--` ending the options, one way of
# refusing. An error names the command and where its help is.
expect_exit 0 "sim --seed=7 --turns=3" -- "$bin" sim "$tutorial" --seed=7 --turns=3 --json
cp "$tmp/out" "$tmp/eq.json"
expect_exit 0 "sim --turns 3 LEVEL --seed 7" -- "$bin" sim --turns 3 "$tutorial" --seed 7 --json
cmp -s "$tmp/out" "$tmp/eq.json" && ok || bad "--seed=7 and --seed 7 play different games"
POSIXLY_CORRECT=1 "$bin" sim "$tutorial" --seed 7 --turns 3 --json >"$tmp/out" 2>"$tmp/err"
cmp -s "$tmp/out" "$tmp/eq.json" && ok || bad "POSIXLY_CORRECT stops reading options after the LEVEL"
mkdir -p "$tmp/rules"
cp levels/rules/base.yaml "$tmp/rules/"
cp "$tutorial" "$tmp/-x.yaml"
(cd "$tmp" && "$bin" validate -- -x.yaml >out.txt 2>err.txt)
[[ $? == 0 ]] && grep -qxF -- "-x.yaml: valid" "$tmp/out.txt" && ok || bad "validate -- -x.yaml: $(cat "$tmp/err.txt")"
(cd "$tmp" && "$bin" sim --turns 1 -- -x.yaml >out.txt 2>err.txt)
[[ $? == 0 ]] && ok || bad "sim --turns 1 -- -x.yaml: $(cat "$tmp/err.txt")"
(cd "$tmp" && "$bin" validate -x.yaml >out.txt 2>err.txt)
[[ $? == 2 ]] && grep -qF "happyvalley: validate: unknown option '-x'" "$tmp/err.txt" && ok ||
    bad "validate -x.yaml without --: $(cat "$tmp/err.txt")"
for c in "sim $tutorial" "batch $tutorial --runs 1" "audit $tutorial" "play $tutorial" "validate $tutorial" \
    "replay x.yaml" "reference" "merge x.json"; do
    name=${c%% *}
    # shellcheck disable=SC2086
    expect_exit 2 "$name --foo" -- "$bin" $c --foo=1
    contains "$tmp/err" "happyvalley: $name: unknown option '--foo'" "$name --foo: the message"
    contains "$tmp/err" "Try 'happyvalley $name --help'." "$name --foo: where the help is"
    [[ $(wc -l <"$tmp/err") == 2 ]] && ok || bad "$name --foo: more than two lines"
    # shellcheck disable=SC2086
    expect_exit 0 "$name ... --help" -- "$bin" $c --help
    contains "$tmp/out" "Usage: happyvalley $name" "$name: --help after the operands"
done
expect_exit 2 "the window's options: unknown" -- "$bin" --size 1280x720 --foo
contains "$tmp/err" "happyvalley: unknown option '--foo'" "the bare command's unknown option"
contains "$tmp/err" "Try 'happyvalley --help'." "the bare command's help"
expect_exit 2 "a missing value" -- "$bin" sim "$tutorial" --turns
contains "$tmp/err" "happyvalley: sim: option '--turns' needs a value" "a missing value's message"
expect_exit 2 "an empty value" -- "$bin" batch "$tutorial" --runs 2 --orders=
contains "$tmp/err" "happyvalley: batch: option '--orders' needs a value" "an empty value's message"
expect_exit 2 "a value for an option without one" -- "$bin" sim "$tutorial" --json=yes
contains "$tmp/err" "happyvalley: sim: option '--json' takes no value" "a value where none is taken"
expect_exit 2 "a number out of range" -- "$bin" batch "$tutorial" --runs 2 --jobs=300
contains "$tmp/err" "happyvalley: batch: --jobs needs a whole number from 1 to 256, got '300'" "a number's range"
expect_exit 2 "a number with a sign" -- "$bin" sim "$tutorial" --seed=-1
contains "$tmp/err" "--seed needs a whole number from 0 to 18446744073709551615, got '-1'" "a negative seed"
expect_exit 2 "a bot that is not one" -- "$bin" audit "$tutorial" --levers=nobody
contains "$tmp/err" "happyvalley: audit: --levers needs idle, greedy, balanced, random or planner, got 'nobody'" "a bot's names"
expect_exit 0 "an option shortened" -- "$bin" sim "$tutorial" --tu 3 --se 7 --js
cmp -s "$tmp/out" "$tmp/eq.json" && ok || bad "--tu 3 --se 7 --js is not --turns 3 --seed 7 --json"
expect_exit 2 "an option shortened to two" -- "$bin" play "$tutorial" --s 3
contains "$tmp/err" "option '--s' is ambiguous: --seed, --screenshot, --size, --scale" "an ambiguous option names the candidates"

# validate
expect_exit 0 "validate shipped levels" -- "$bin" validate levels/*.yaml levels/rules/*.yaml \
    levels/campaigns/*.yaml
contains "$tmp/out" "$tutorial: valid" "validate says valid"
# Output that cannot be written is a failure, not a clean run.
if [[ -w /dev/full ]]; then
    for args in "validate $tutorial" "batch $tutorial --runs 2" "sim $tutorial --turns 2 --json"; do
        # shellcheck disable=SC2086
        "$bin" $args >/dev/full 2>"$tmp/full.err"
        rc=$?
        if [[ $rc == 1 ]] && grep -q "cannot write the output" "$tmp/full.err"; then ok; else
            bad "$args to a full disk: exit $rc, $(head -2 "$tmp/full.err")"
        fi
    done
else
    echo "skip: /dev/full is not writable here, so write errors are not tested"
fi
expect_exit 2 "validate missing file" -- "$bin" validate "$tmp/nope.yaml"
contains "$tmp/err" "$tmp/nope.yaml:0:0: error: cannot open file" "missing file message"
cat >"$tmp/broken.yaml" <<'YAML'
format: 1
kind: level
id: Broken-Level
title: Broken
YAML
expect_exit 2 "validate broken level" -- "$bin" validate "$tmp/broken.yaml" "$tutorial"
contains "$tmp/err" "$tmp/broken.yaml:3:5: error: id: 'Broken-Level' is not an id" "error position and key path"
contains "$tmp/err" "$tmp/broken.yaml:1:1: error: missing required key 'summary'" "all errors reported"
contains "$tmp/out" "$tutorial: valid" "later files still checked"
if grep -vqE "^$tmp/broken.yaml:[0-9]+:[0-9]+: error: " "$tmp/err"; then bad "every error line is FILE:LINE:COL: error:"; else ok; fi

# Hostile files are refused quickly.
python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
open(d + "/longline.yaml", "w").write("title: " + "x" * (5 * 1024 * 1024) + "\n")
laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for i in range(1, 10):
    prev = chr(ord('a') + i - 1)
    cur = chr(ord('a') + i)
    laughs.append(f"{cur}: &{cur} [" + ",".join(["*" + prev] * 10) + "]")
open(d + "/laughs.yaml", "w").write("\n".join(laughs) + "\n")
open(d + "/nested.yaml", "w").write("[" * 200000 + "]" * 200000 + "\n")
PY
for f in longline laughs nested; do
    start=$(date +%s%N)
    expect_exit 2 "hostile $f" -- "$bin" validate "$tmp/$f.yaml"
    ms=$((($(date +%s%N) - start) / 1000000))
    if ((ms < 1000)); then ok; else bad "hostile $f took ${ms} ms"; fi
    if grep -qE "^$tmp/$f.yaml:[0-9]+:[0-9]+: error: " "$tmp/err"; then ok; else bad "hostile $f message"; cat "$tmp/err" >&2; fi
done
contains "$tmp/err" "nesting deeper than" "nesting message"

# sim --json: one object with the contract's fields; determinism by seed.
expect_exit 0 "sim json seed 7" -- "$bin" sim "$tutorial" --seed 7 --turns 30 --json
cp "$tmp/out" "$tmp/a.json"
for k in level seed turn outcome cause state_hash resources; do
    if json_field "$tmp/a.json" "$k" >/dev/null 2>&1; then ok; else bad "json lacks $k"; fi
done
if [[ $(wc -l <"$tmp/a.json") == 1 ]]; then ok; else bad "json is one line"; fi
[[ $(json_field "$tmp/a.json" level) == tutorial ]] && ok || bad "json level"
[[ $(json_field "$tmp/a.json" seed) == 7 ]] && ok || bad "json seed"
expect_exit 0 "sim json seed 7 again" -- "$bin" sim "$tutorial" --seed 7 --turns 30 --json
[[ $(json_field "$tmp/out" state_hash) == $(json_field "$tmp/a.json" state_hash) ]] && ok || bad "same seed, same hash"
expect_exit 0 "sim json seed 8" -- "$bin" sim "$tutorial" --seed 8 --turns 30 --json
[[ $(json_field "$tmp/out" state_hash) != $(json_field "$tmp/a.json" state_hash) ]] && ok || bad "other seed, other hash"

# A base without air is lost, and says why.
expect_exit 0 "sim no_oxygen" -- "$bin" sim tests/data/levels/no_oxygen.yaml --json
[[ $(json_field "$tmp/out" outcome) == lost ]] && ok || bad "no_oxygen lost"
[[ $(json_field "$tmp/out" cause) == "Oxygen ran out" ]] && ok || bad "no_oxygen cause"
[[ $(json_field "$tmp/out" cause_code) == "resource_depleted:oxygen" ]] && ok || bad "no_oxygen cause_code"
expect_exit 0 "sim no_oxygen text" -- "$bin" sim tests/data/levels/no_oxygen.yaml --report
contains "$tmp/out" "*** LOST: Oxygen ran out ***" "report names the loss"
contains "$tmp/out" "not enough Oxygen" "report names the shortage"

# Orders: the tutorial plan wins; its refused order is reported with a reason.
expect_exit 0 "sim with orders" -- "$bin" sim "$tutorial" --seed 7 --orders tests/data/orders/tutorial.yaml --report
contains "$tmp/out" "order: build Ice mine at (4, 2) - done" "order applied"
contains "$tmp/out" "refused: the ground there does not suit it" "order refused with reason"
# The amount depends on the crew the seed drew; the line names the module.
grep -Eq "^  Water +\+[0-9]+  Ice mine #7$" "$tmp/out" && ok || bad "change with its cause: no 'Water +N  Ice mine #7' line"
contains "$tmp/out" "outcome: won" "plan wins"
# The plan leaves every event to its first choice, so it is run on a seed
# whose storyteller it was checked against.
expect_exit 0 "merged base plan" -- "$bin" sim levels/merged_base.yaml --seed 11 --turns 100 --orders tests/data/orders/merged_base.yaml --json
[[ $(json_field "$tmp/out" outcome) == won ]] && ok || bad "merged base plan wins"
expect_exit 0 "merged base idle" -- "$bin" sim levels/merged_base.yaml --seed 11 --turns 100 --json
[[ $(json_field "$tmp/out" outcome) == lost ]] && ok || bad "merged base is lost without orders"
printf 'format: 1\nkind: orders\norders:\n  - {week: 1, do: fly}\n' >"$tmp/orders.yaml"
expect_exit 2 "sim with broken orders" -- "$bin" sim "$tutorial" --orders "$tmp/orders.yaml"
contains "$tmp/err" "$tmp/orders.yaml:4:19: error: orders[0].do:" "orders error position"
expect_exit 2 "sim broken level" -- "$bin" sim "$tmp/broken.yaml"

# Runtime failure: output cannot be written.
if [[ -w /dev/full ]]; then
    "$bin" sim "$tutorial" --json --turns 3 >/dev/full 2>"$tmp/err"
    [[ $? == 1 ]] && ok || bad "write failure exits 1"
fi

# The terminal game: the same orders reach the same hash as sim. Seed 6
# asks no question in these three weeks (a waiting event would hold an
# `end` back).
printf '%s\n' "build ice_mine 4 2" "assign 1 6" "queue" "undo" "assign 5 6" "end" "assign 1 6" \
    "build solar_array 3 4" "end" "end" "hash" "save-orders $tmp/played.yaml" "quit" >"$tmp/commands"
"$bin" play "$tutorial" --seed 6 --terminal <"$tmp/commands" >"$tmp/play.out" 2>&1
[[ $? == 0 ]] && ok || bad "terminal game exit"
contains "$tmp/play.out" "Queued: build Ice mine at (4, 2)." "terminal queues orders"
contains "$tmp/play.out" "Dropped the last order." "terminal undo"
contains "$tmp/play.out" "Week 1 report" "terminal report"
contains "$tmp/play.out" "Wrote 4 orders" "terminal saves orders"
played=$(sed -n 's/.*state hash \([0-9a-f]*\) after week 3.*/\1/p' "$tmp/play.out")
expect_exit 0 "sim of the played orders" -- "$bin" sim "$tutorial" --seed 6 --turns 3 --orders "$tmp/played.yaml" --json
[[ -n "$played" && $(json_field "$tmp/out" state_hash) == "$played" ]] && ok || bad "played hash $played matches sim"
"$bin" play "$tutorial" --terminal </dev/null >"$tmp/play.out" 2>&1
[[ $? == 0 ]] && ok || bad "terminal game ends cleanly at end of input"

# An order naming a person or module that is not there is refused at
# once, with the reason, and nothing is queued; a module whose demolition
# is queued is gone for the orders after it.
printf '%s\n' "assign 99 18" "assign 1 999" "queue" "demolish 2" "assign 1 2" "queue" "quit" \
    >"$tmp/commands"
"$bin" play "$tutorial" --terminal <"$tmp/commands" >"$tmp/play.out" 2>&1
contains "$tmp/play.out" "Not queued: no such person. Type \`people\` for the ids." \
    "terminal refuses an order for a person who does not exist"
contains "$tmp/play.out" "Not queued: no such module. Type \`modules\` for the ids." \
    "terminal refuses an order for a module that does not exist"
[[ $(grep -c "Not queued" "$tmp/play.out") == 3 && $(grep -c "Queued:" "$tmp/play.out") == 1 ]] &&
    grep -q "No order is queued." "$tmp/play.out" && ok ||
    bad "terminal queued an order naming nobody: $(grep -E 'Queued|queued' "$tmp/play.out")"

# Saves: the terminal game's `save FILE` writes a save that sim replays to
# the hash in its header (nothing queued for the unfinished week here).
printf '%s\n' "build ice_mine 4 2" "assign 1 6" "end" "assign 5 6" "end" "hash" \
    "save $tmp/game.yaml" "quit" >"$tmp/commands"
"$bin" play "$tutorial" --seed 6 --terminal <"$tmp/commands" >"$tmp/play.out" 2>&1
contains "$tmp/play.out" "Saved the game, week 3, to $tmp/game.yaml." "terminal saves the game"
saved=$(sed -n 's/^state_hash: "\([0-9a-f]*\)"$/\1/p' "$tmp/game.yaml" 2>/dev/null)
played=$(sed -n 's/.*state hash \([0-9a-f]*\) after week 2.*/\1/p' "$tmp/play.out")
expect_exit 0 "sim replays a save" -- "$bin" sim "$tutorial" --seed 6 --turns 2 --orders "$tmp/game.yaml" --json
[[ -n "$saved" && "$saved" == "$played" && $(json_field "$tmp/out" state_hash) == "$saved" ]] && ok ||
    bad "sim of a save reaches the hash in it ('$saved', played '$played')"
printf 'format: 1\nkind: orders\nseed: 5\norders: []\n' >"$tmp/orders.yaml"
expect_exit 2 "orders file with a save's key" -- "$bin" sim "$tutorial" --orders "$tmp/orders.yaml"
contains "$tmp/err" "$tmp/orders.yaml:3:1: error: seed: only a save (kind: save) has this key" "save keys refused in orders files"

# replay: 0 when a save reaches its hash, 1 when it differs (the first
# week that does, from the save's week hashes), 2 when it cannot be loaded.
contains "$tmp/game.yaml" "week_hashes:" "a save keeps its week hashes"
expect_exit 0 "replay of a good save" -- "$bin" replay "$tmp/game.yaml"
contains "$tmp/out" "level tutorial (" "replay names the level"
contains "$tmp/out" "week 2, hash $saved: the replay reaches the game saved" "replay prints week and hash"
# The week hash of week 2 edited: replay finds week 2, the first that differs.
sed 's/^  - "\([0-9a-f]\{8\}\)[0-9a-f]\{8\}"$/  - "\100000000"/' "$tmp/game.yaml" >"$tmp/other.yaml"
sed -i 's/^state_hash: .*/state_hash: "0000000000000000"/' "$tmp/other.yaml"
expect_exit 1 "replay of a save whose hash differs" -- "$bin" replay "$tmp/other.yaml"
contains "$tmp/out" "first week that differs: 2" "replay tells the first week that differs"
grep -v '^week_hashes:\|^  - "' "$tmp/other.yaml" >"$tmp/old.yaml"
expect_exit 1 "replay of an older save without week hashes" -- "$bin" replay "$tmp/old.yaml"
contains "$tmp/out" "the save has no week hashes" "replay says only the end is known to differ"
expect_exit 2 "replay of a missing save" -- "$bin" replay "$tmp/none.yaml"
contains "$tmp/err" "$tmp/none.yaml:0:0: error: cannot open file" "replay: one-line error"
[[ $(wc -l <"$tmp/err") == 1 ]] && ok || bad "replay of a missing save: more than one line"
expect_exit 2 "replay without a file" -- "$bin" replay
printf 'format: 1\nkind: save\nlevel: "/etc/passwd"\nlevel_id: passwd\ntitle: x\nseed: 1\nweek: 0\nstate_hash: "0000000000000000"\nsaved_at: 0\norders: []\n' >"$tmp/evil.yaml"
expect_exit 2 "replay of a save naming a file out of the game's folders" -- "$bin" replay "$tmp/evil.yaml"
contains "$tmp/err" "$tmp/evil.yaml:3:8: error: level: the level 'passwd' (file '/etc/passwd') was not found" "absolute level paths refused"
if grep -q "root:" "$tmp/err"; then bad "the error quotes /etc/passwd"; else ok; fi
# Cut short between the renames of a write: the .bak is replayed, with a warning.
cp "$tmp/game.yaml" "$tmp/cut.yaml.bak"
expect_exit 0 "replay of a save whose file is gone but its .bak is there" -- "$bin" replay "$tmp/cut.yaml"
contains "$tmp/err" "warning: cannot be loaded" "replay warns it used the .bak"
expect_exit 0 "sim of a save whose file is gone" -- "$bin" sim "$tutorial" --seed 6 --turns 2 --orders "$tmp/cut.yaml" --json
contains "$tmp/err" "replaying its previous version $tmp/cut.yaml.bak" "sim warns it used the .bak"
expect_exit 0 "--help" -- "$bin" --help
contains "$tmp/out" "happyvalley replay SAVE" "--help lists replay"

# Story flags and fired events in every output; an answer meant for one
# event is refused while another waits.
expect_exit 0 "sim --json with a flag set" -- "$bin" sim "$tutorial" --turns 6 --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["flags"] == ["storm_answered"] and d["events"]["fired"]["storm_warning"] == 1 else 1)' "$tmp/out" &&
    ok || bad "sim --json: flags $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("flags"))' "$tmp/out")"
expect_exit 0 "sim --report with a flag set" -- "$bin" sim "$tutorial" --turns 6 --report
contains "$tmp/out" "  flag storm_answered set" "the report says when a flag is set"
expect_exit 0 "batch --csv" -- "$bin" batch "$tutorial" --runs 2 --csv "$tmp/b.csv"
contains "$tmp/b.csv" ",state_hash,flags,events_fired" "the CSV names its flags and events columns"
if grep -q ",storm_answered,.*storm_warning\*1" "$tmp/b.csv"; then ok; else bad "CSV rows: $(sed -n 2p "$tmp/b.csv")"; fi
printf 'format: 1\nkind: orders\norders:\n  - {week: 6, do: answer, choice: 2, event: dust_storm}\n  - {week: 6, do: answer, choice: 2, event: storm_warning}\n' >"$tmp/named.yaml"
expect_exit 0 "sim with answers naming their events" -- "$bin" sim "$tutorial" --turns 6 --orders "$tmp/named.yaml" --report
contains "$tmp/out" "order: answer Dust storm with choice 2 - refused: another event is waiting for an answer" "an answer for another event is refused"
contains "$tmp/out" "answered A storm on the way: Keep everyone inside and ride it out" "the named answer answers its event"

# docs/rules-reference.md is what `reference` makes of the shipped rules.
expect_exit 0 "reference" -- "$bin" reference
if cmp -s "$tmp/out" docs/rules-reference.md; then ok; else
    bad "docs/rules-reference.md differs from 'happyvalley reference' (make it again with: happyvalley reference >docs/rules-reference.md)"
fi
contains "$tmp/out" "| \`habitat\` | Habitat |" "the reference lists the habitat"
expect_exit 0 "reference of a level, with its overrides" -- "$bin" reference levels/tutorial.yaml
contains "$tmp/out" "# The rules of levels/tutorial.yaml" "the level's reference names it"
expect_exit 2 "reference of a broken file" -- "$bin" reference "$tmp/evil.yaml"

# Rules that remove entries (level-format.md, Removing entries): the
# reference leaves them out, and a level on them plays with every bot.
expect_exit 0 "reference of rules that remove entries" -- "$bin" reference tests/data/levels/removing_rules.yaml
contains "$tmp/out" "| \`hydroponics\` | Hydroponics bay |" "the reference lists what the rules add"
contains "$tmp/out" "| \`security\` | Security office |" "the reference keeps the module type whose id a removed policy had"
for gone in '| `greenhouse` |' '(`greenhouse_blight`)' '(`dust_storm`)' '(`security`)'; do
    if grep -qF -- "$gone" "$tmp/out"; then bad "the reference lists the removed $gone"; else ok; fi
done
removing=tests/data/levels/removing.yaml
for bot in idle greedy balanced random planner; do
    expect_exit 0 "sim --bot $bot on rules that remove entries" -- "$bin" sim "$removing" --bot "$bot" --turns 30
    contains "$tmp/out" "state hash" "sim --bot $bot plays a level on rules that remove entries"
done
expect_exit 0 "batch on rules that remove entries" -- "$bin" batch "$removing" --runs 20 --jobs 2
contains "$tmp/out" "20 runs" "batch plays a level on rules that remove entries"

# Every command answers --help (and -h) with its own usage, exit 0.
for c in play validate sim batch audit merge replay reference; do
    for h in --help -h; do
        expect_exit 0 "$c $h" -- "$bin" "$c" "$h"
        contains "$tmp/out" "Usage: happyvalley $c" "$c $h names the command"
    done
done
contains "$tmp/out" "Write the rules of FILE" "reference --help says what it does"

echo "cli_commands: $pass passed, $fail failed"
((fail == 0))
