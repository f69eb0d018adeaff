#!/usr/bin/env bash
# The audit: usage errors, exit codes, the JSON document, a finding of each
# kind flagged in a level made for it, the same figures on any number of
# jobs, --save beside the level, and every shipped level's findings against
# the committed list of known ones (tests/cli/audit/known/LEVEL.txt): a new
# finding fails, a finding that is gone is reported so its line can go.
# batch --orders is checked here too, since the audit's one-click plans
# rest on it. Usage: test_audit.sh BIN ROOT [RUNS [levels|no-levels [LEVEL_RUNS]]]
set -uo pipefail
bin="$1"
root="$2"
runs="${3:-40}"
# The sanitizer build leaves the shipped levels to the optimised build,
# which audits them to the same figures at a tenth of the cost.
levels_check="${4:-levels}"
# The shipped levels are audited over more seeds than the planted ones: at
# 40 runs a lever 15 points from a threshold can cross it by chance, and a
# list of known findings should hold what the level gets wrong, not noise.
level_runs="${5:-200}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# shellcheck source=lib.sh
source "$here/lib.sh"
findings() { # JSON FILE -> "KIND id" lines, sorted
    python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
for f in d["findings"]: print(f["kind"], f["id"])' "$1" | sort
}

# ---- usage and bad input
expect_exit 2 "audit without a level" -- "$bin" audit
expect_exit 2 "audit with two levels" -- "$bin" audit levels/tutorial.yaml levels/tutorial.yaml
expect_exit 2 "audit --runs 0" -- "$bin" audit levels/tutorial.yaml --runs 0
expect_exit 2 "audit --runs x" -- "$bin" audit levels/tutorial.yaml --runs x
expect_exit 2 "audit --levers nobody" -- "$bin" audit levels/tutorial.yaml --levers nobody
expect_exit 2 "audit --frobnicate" -- "$bin" audit levels/tutorial.yaml --frobnicate
expect_exit 2 "audit of a missing file" -- "$bin" audit "$tmp/none.yaml"
printf 'format: 1\nkind: level\nid: [\n' >"$tmp/broken.yaml"
expect_exit 2 "audit of a broken level" -- "$bin" audit "$tmp/broken.yaml"
if grep -Eq "^$tmp/broken.yaml:[0-9]+:[0-9]+: error: " "$tmp/err"; then ok; else bad "broken level: FILE:LINE:COL error"; cat "$tmp/err" >&2; fi

# ---- a finding of each kind, planted
planted=tests/cli/audit/planted.yaml
expect_exit 3 "audit with findings exits 3" -- "$bin" audit "$planted" --runs "$runs" --json
cp "$tmp/out" "$tmp/planted.json"
findings "$tmp/planted.json" >"$tmp/planted.txt"
for want in "DOMINANT one_click:windfall=yes" "TRAP ledger=lavish" "DECORATIVE dust" \
    "DECORATIVE market" "DECORATIVE random_events" "UNSEEN flood"; do
    contains "$tmp/planted.txt" "$want" "planted finding"
done
for unwanted in "TRAP windfall=yes" "DOMINANT hold:ledger=lavish" "DOMINANT one_click:ledger=lavish"; do
    if grep -qxF "$unwanted" "$tmp/planted.txt"; then bad "not planted but found: $unwanted"; else ok; fi
done
python3 - "$tmp/planted.json" <<'EOF' && ok || bad "audit JSON document"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["kind"] == "audit" and d["format"] == 1 and d["level"] == "planted"
assert len(d["level_digest"]) == 16 and d["runs"] > 0
bots = {b["bot"]: b for b in d["bots"]}
assert set(bots) == {"idle", "greedy", "balanced", "random", "planner"}
for b in bots.values():
    assert 0 <= b["win_low"] <= b["win_rate"] <= b["win_high"] <= 1
    assert set(b["income"]) == {"sponsors", "iridium", "other", "iridium_share"}
    assert "flood" in b["events"]
assert bots["idle"]["win_rate"] == 0 and bots["balanced"]["win_rate"] == 1
assert d["best_win_rate"] == max(b["win_rate"] for b in bots.values())
kinds = {c["kind"] for c in d["configs"]}
assert kinds == {"bot", "system", "hold", "forbid", "answer", "cutoff", "one_click"}, kinds
for f in d["findings"]:
    assert f["kind"] in ("DOMINANT", "TRAP", "DECORATIVE", "UNSEEN", "DECIDED_EARLY") and f["text"]
# Choices that hold up: the trap and the grant's refusal are not among them.
assert d["choices"]["ledger"] == ["careful"], d["choices"]
assert d["choices"]["windfall"] == ["yes"], d["choices"]
assert d["policies_with_choice"] == sum(len(v) >= 2 for v in d["choices"].values())
# What the best bot's look-ahead picked over its plan: a share for every option.
assert set(d["picked"]) == set(d["choices"])
for options in d["picked"].values():
    assert all(0 <= share <= 1 for share in options.values())
assert d["systems_left_out"] == [], d["systems_left_out"]
assert d["policies_locked"] == [], d["policies_locked"]
EOF

# The planted level changed by the sed script SED, as $tmp/NAME.yaml, with
# a copy of the rules beside it (a level's rules may not lie outside its
# folder and the game's data folders).
mkdir -p "$tmp/rules"
cp levels/rules/base.yaml "$tmp/rules/base.yaml"
planted_as() { # NAME SED
    sed "$2" "$planted" >"$tmp/$1.yaml"
    sed -i 's#\.\./\.\./\.\./levels/rules/base.yaml#rules/base.yaml#' "$tmp/$1.yaml"
}
# Audits $tmp/NAME.yaml over 12 seeds (findings expected), its JSON in
# $tmp/out and its findings in $tmp/NAME.txt.
audit_as() { # NAME WHAT
    expect_exit 3 "audit of $2" -- "$bin" audit "$tmp/$1.yaml" --runs 12 --json
    findings "$tmp/out" >"$tmp/$1.txt"
}

# ---- a policy the level locks is no lever and no finding
planted_as locked 's/^      text: How the base keeps its books\.$/&\n      locked: true/'
audit_as locked "a level with its ledger locked"
if grep -q "ledger" "$tmp/locked.txt"; then bad "a locked policy is in a finding"; else ok; fi
python3 - "$tmp/out" <<'EOF' && ok || bad "a locked policy: no lever, listed in policies_locked"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["policies_locked"] == ["ledger"], d["policies_locked"]
assert not [c for c in d["configs"] if "ledger" in c["id"]], "levers on a locked policy"
assert d["choices"]["ledger"] == [], d["choices"]
EOF

# ---- a policy that starts at another option is judged against that one:
# the lavish books in force from week 1, the careful ones are the click
planted_as lavish 's/^      text: How the base keeps its books\.$/&\n      start: lavish/'
audit_as lavish "a level that starts with lavish books"
if grep -q "TRAP ledger" "$tmp/lavish.txt"; then bad "the better option is a TRAP against a worse start"; else ok; fi
python3 - "$tmp/out" <<'EOF' && ok || bad "a policy's start option: no click on it, a click on the first"
import json, sys
d = json.load(open(sys.argv[1]))
ids = {c["id"] for c in d["configs"]}
assert "one_click:ledger=careful" in ids and "one_click:ledger=lavish" not in ids, ids
assert {"hold:ledger=careful", "hold:ledger=lavish"} <= ids, ids
EOF

# ---- a system the level leaves out on purpose is no finding: the planted
# level with incidents switched off in its own overrides
planted_as no_incidents 's/^  event_chance: 0$/  event_chance: 0\n  society: {incident_chance: 0}/'
audit_as no_incidents "a level without incidents"
contains "$tmp/no_incidents.txt" "DECORATIVE dust" "a system still in the level"
if grep -qxF "DECORATIVE incidents" "$tmp/no_incidents.txt"; then bad "a system left out is DECORATIVE"; else ok; fi
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["systems_left_out"] == ["incidents"]' "$tmp/out" &&
    ok || bad "systems_left_out names incidents"

# ---- nor is the market of a level no iridium can ever reach
sed 's/, iridium: 5}$/}/' "$tmp/no_incidents.yaml" >"$tmp/no_rock.yaml"
audit_as no_rock "a level without iridium"
if grep -qxF "DECORATIVE market" "$tmp/no_rock.txt"; then bad "a market with nothing to sell is DECORATIVE"; else ok; fi
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["systems_left_out"] == ["incidents", "market"]' "$tmp/out" &&
    ok || bad "systems_left_out names the market without iridium"

# ---- a level decided by one switch: the air plant's power priority, set
# once. Policies, which no bot needs there, are no finding.
switch=tests/cli/audit/switch.yaml
expect_exit 3 "audit of a level decided by a switch" -- "$bin" audit "$switch" --runs 12 --json
findings "$tmp/out" >"$tmp/switch.txt"
contains "$tmp/switch.txt" "DOMINANT forbid:priority" "a power priority set once"
if grep -q "forbid:policy" "$tmp/switch.txt"; then bad "switch: forbid:policy is no finding"; else ok; fi

# ---- the same figures on one job as on two
"$bin" audit "$planted" --runs 12 --jobs 1 --json >"$tmp/j1.json"
"$bin" audit "$planted" --runs 12 --jobs 2 --json >"$tmp/j2.json"
if [[ "$(sed 's/"seconds":[0-9.]*//' "$tmp/j1.json")" == "$(sed 's/"seconds":[0-9.]*//' "$tmp/j2.json")" ]]; then
    ok
else
    bad "audit figures depend on --jobs"
fi

# ---- --save stores the document beside the level, and nothing else changes
mkdir -p "$tmp/levels/rules"
cp levels/rules/base.yaml "$tmp/levels/rules/base.yaml"
sed 's#\.\./\.\./\.\./levels/rules/base.yaml#rules/base.yaml#' "$planted" >"$tmp/levels/planted.yaml"
expect_exit 3 "audit --save" -- "$bin" audit "$tmp/levels/planted.yaml" --runs 5 --save
if [[ -f "$tmp/levels/planted.audit.json" ]] &&
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["kind"]=="audit" and d["best_bot"]' \
        "$tmp/levels/planted.audit.json"; then ok; else bad "--save writes LEVEL.audit.json"; fi
contains "$tmp/out" "Findings:" "--save still prints the tables"
chmod 500 "$tmp/levels"
if [[ "$(id -u)" != 0 ]]; then
    expect_exit 1 "--save into a read-only folder" -- "$bin" audit "$tmp/levels/planted.yaml" --runs 2 --save
    python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/levels/planted.audit.json" && ok ||
        bad "a failed --save keeps the old file"
fi
chmod 700 "$tmp/levels"

# ---- batch --orders: the file's orders each week, then the bot. The
# tutorial's own plan wins most seeds; no orders at all win none.
expect_exit 0 "batch --orders" -- "$bin" batch levels/tutorial.yaml --runs 20 --bot idle --orders tests/data/orders/tutorial.yaml --json
with=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["wins"])' <"$tmp/out")
expect_exit 0 "batch without orders" -- "$bin" batch levels/tutorial.yaml --runs 20 --bot idle --json
without=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["wins"])' <"$tmp/out")
if ((with > without)); then ok; else bad "batch --orders plays the orders ($with vs $without wins)"; fi
printf 'format: 1\nkind: orders\norders:\n  - {week: 1, do: policy, policy: nothing, option: x}\n' >"$tmp/bad.yaml"
expect_exit 2 "batch --orders with a bad file" -- "$bin" batch levels/conference.yaml --runs 2 --orders "$tmp/bad.yaml"
if grep -Eq "bad.yaml:[0-9]+:[0-9]+: error: " "$tmp/err"; then ok; else bad "bad orders: FILE:LINE:COL"; fi

# ---- the tutorial's audit is the one shipped beside it, to the figure: the
# cutoffs, played on from their bot's full game, give what playing them
# whole gave when the shipped audit was made (timing and merge sums aside)
if [[ $levels_check == levels ]]; then
    "$bin" audit levels/tutorial.yaml --runs 500 --json >"$tmp/tutorial500.json" 2>/dev/null
    python3 - "$tmp/tutorial500.json" levels/tutorial.audit.json <<'EOF2' && ok || bad "audit of the tutorial over 500 seeds differs from levels/tutorial.audit.json (re-audit it with --save if the level changed)"
import json, sys
def strip(d):
    if isinstance(d, dict):
        return {k: strip(v) for k, v in d.items() if k not in ("seconds", "jobs", "sums", "seeds")}
    return [strip(x) for x in d] if isinstance(d, list) else d
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert a["runs"] == b["runs"] == 500 and any(c["id"].startswith("cutoff:") for c in a["configs"])
assert strip(a) == strip(b)
EOF2
fi

# ---- every shipped level against its known findings
if [[ $levels_check != levels ]]; then
    echo "note: the shipped levels' findings are checked by the optimised build's cli_audit"
fi
for level in levels/*.yaml; do
    [[ $levels_check == levels ]] || break
    id=$(basename "$level" .yaml)
    known="tests/cli/audit/known/$id.txt"
    "$bin" audit "$level" --runs "$level_runs" --json >"$tmp/$id.json" 2>"$tmp/err"
    code=$?
    if [[ $code != 0 && $code != 3 ]]; then
        bad "audit $level: exit $code"
        continue
    fi
    findings "$tmp/$id.json" >"$tmp/$id.found"
    if [[ ! -f "$known" ]]; then
        bad "$known is missing; today's findings:"
        cat "$tmp/$id.found" >&2
        continue
    fi
    grep -v '^#' "$known" | sed '/^$/d' | sort >"$tmp/$id.known"
    new=$(comm -23 "$tmp/$id.found" "$tmp/$id.known")
    gone=$(comm -13 "$tmp/$id.found" "$tmp/$id.known")
    if [[ -n "$new" ]]; then bad "new findings in $id (fix the level or the rules):"$'\n'"$new"; else ok; fi
    [[ -z "$gone" ]] || echo "note: fixed in $id, remove from $known:"$'\n'"$gone"
    # The planner's look-ahead leaves the balanced plan for some policy option.
    if [[ $id == conference ]]; then
        python3 -c 'import json,sys
d=json.load(open(sys.argv[1])); assert d["best_bot"] == "planner"
assert any(v > 0 for o in d["picked"].values() for v in o.values())' "$tmp/$id.json" &&
            ok || bad "conference: the planner picks no policy option over its plan"
    fi
    if [[ ($code == 3 && -s "$tmp/$id.found") || ($code == 0 && ! -s "$tmp/$id.found") ]]; then
        ok
    else
        bad "audit $level: exit $code does not match its findings"
    fi
done

echo "audit: $pass passed, $fail failed"
((fail == 0))
