#!/usr/bin/env bash
# The game's sound, recorded: SDL's disk audio driver writes what the mixer
# plays (16-bit mono at 22050 Hz) to a file, and python3 listens to it.
# A brownout week must sound its chime and the blackout alert after a
# silent start; muted, the same week must leave nothing but zeros; the
# ambience must be heard on its own; the volumes and mute set on the
# Settings screen must be written to the settings file and read back.
# Usage: test_sound.sh BIN ROOT
set -uo pipefail
# Leaks in system libraries are not ours to fix (see lsan.supp).
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
bin="$1"
cd "$2"
export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=disk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
level=tests/ui/levels/blackout.yaml
fail=0
ok() { echo "ok: $1"; }
bad() {
    echo "FAIL: $1" >&2
    fail=$((fail + 1))
}

settings() { # DIR EFFECTS AMBIENCE MUTE
    mkdir -p "$1"
    printf 'format: 1\nkind: settings\nsound:\n  effects: %s\n  ambience: %s\n  mute: %s\n' \
        "$2" "$3" "$4" >"$1/settings.yaml"
}

# Two quiet seconds, then the week ends: power runs short in week 1.
cat >"$tmp/week.txt" <<'SCRIPT'
wait 2000
sounds
key Space
wait 2500
sounds
state
quit
SCRIPT

run() { # NAME: plays week.txt with the settings in $tmp/NAME, recording to $tmp/NAME.raw
    SDL_DISKAUDIOFILE="$tmp/$1.raw" "$bin" play "$level" --seed 1 --ui-script "$tmp/week.txt" \
        --size 1280x720 --scale 100 --data-dir "$tmp/$1" >"$tmp/$1.out" 2>"$tmp/$1.err"
}

# Prints: seconds recorded, nonzero samples, first and last sample above a
# whisper (in seconds, -1 when none), and the loudest sample in
# [FROM, TO) seconds, for each window given.
listen() { # FILE [FROM TO]...
    python3 - "$@" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
s = struct.unpack("<%dh" % (len(data) // 2), data[: len(data) // 2 * 2])
rate = 22050
loud = [i for i, v in enumerate(s) if abs(v) > 64]
out = ["%.3f" % (len(s) / rate), str(sum(1 for v in s if v)),
       "%.3f" % (loud[0] / rate if loud else -1), "%.3f" % (loud[-1] / rate if loud else -1)]
args = [float(a) for a in sys.argv[2:]]
for a, b in zip(args[::2], args[1::2]):
    part = s[max(0, int(a * rate)):max(0, int(b * rate))]
    out.append(str(max((abs(v) for v in part), default=0)))
print(" ".join(out))
PY
}

# ---- a brownout week, heard ----
settings "$tmp/loud" 100 0 false
run loud
rc=$?
[[ $rc == 0 ]] && ok "the brownout week ran" || bad "the brownout week exited $rc: $(head -5 "$tmp/loud.err")"
mapfile -t said < <(grep '^sounds ' "$tmp/loud.out")
[[ "${said[0]:-}" == "sounds none" ]] && ok "nothing asked for before the week ends" ||
    bad "before the week: ${said[0]:-nothing}"
[[ "${said[1]:-}" == "sounds week_end "* && " ${said[1]:-} " == *" alert_blackout "* ]] &&
    ok "the week's end asks for its chime and the blackout alert" || bad "after the week: ${said[1]:-nothing}"
grep -q '^week 1 ' "$tmp/loud.out" && ok "week 1 was played" || bad "no week played: $(cat "$tmp/loud.out")"
if [[ -s "$tmp/loud.raw" ]]; then
    read -r secs nonzero first last _ < <(listen "$tmp/loud.raw")
    # The chime lasts 1.25 s; the alert comes 0.45 s in and lasts 1.15 s.
    # Only the alert can carry the sound past 1.4 s from the start.
    read -r _ _ _ _ alert < <(listen "$tmp/loud.raw" "$(python3 -c "print($first + 1.3)")" \
        "$(python3 -c "print($first + 1.55)")")
    echo "recorded ${secs}s: sound from ${first}s to ${last}s, ${nonzero} nonzero samples; 1.3 s in: peak ${alert}"
    python3 -c "import sys; sys.exit(0 if $first >= 1.0 else 1)" &&
        ok "silent until the week ends (no ambience, no clicks)" || bad "sound from ${first}s, before the week ended"
    python3 -c "import sys; sys.exit(0 if $last - $first >= 1.4 else 1)" &&
        ok "chime and alert: $(python3 -c "print(round($last - $first, 2))")s of sound" ||
        bad "only $(python3 -c "print(round($last - $first, 2))")s of sound: the chime without its alert?"
    [[ ${alert:-0} -gt 1000 ]] && ok "the alert is heard after the chime has faded" ||
        bad "1.3 s after the week's end the peak is ${alert:-none}"
else
    bad "no sound was recorded: $(head -3 "$tmp/loud.err")"
fi

# ---- the same week, muted ----
settings "$tmp/muted" 100 100 true
run muted
rc=$?
[[ $rc == 0 ]] && ok "the muted week ran" || bad "the muted week exited $rc: $(head -5 "$tmp/muted.err")"
grep -q '^sounds week_end .*alert_blackout' "$tmp/muted.out" &&
    ok "muted, the game still asked for the alert" || bad "muted: $(grep '^sounds' "$tmp/muted.out")"
if [[ -s "$tmp/muted.raw" ]]; then
    read -r secs nonzero _ < <(listen "$tmp/muted.raw")
    python3 -c "import sys; sys.exit(0 if $secs >= 3.0 else 1)" && [[ $nonzero == 0 ]] &&
        ok "muted: ${secs}s of exact silence" || bad "muted: ${nonzero} nonzero samples in ${secs}s"
else
    bad "muted: nothing recorded at all: $(head -3 "$tmp/muted.err")"
fi

# ---- the ambience alone ----
settings "$tmp/wind" 0 100 false
run wind
rc=$?
if [[ $rc == 0 && -s "$tmp/wind.raw" ]]; then
    read -r secs _ first _ before < <(listen "$tmp/wind.raw" 0.5 1.5)
    python3 -c "import sys; sys.exit(0 if 0 <= $first < 1.0 else 1)" && [[ $before -gt 1000 ]] &&
        ok "the wind and the machines are heard from the start (peak $before)" ||
        bad "ambience: sound from ${first}s, peak ${before} before the week ends"
else
    bad "ambience run exited $rc: $(head -3 "$tmp/wind.err")"
fi

# ---- the volumes on the Settings screen, written and read back ----
settings "$tmp/set" 70 40 false
cat >"$tmp/set1.txt" <<'SCRIPT'
click menu_settings
click settings_effects_down
click settings_ambience_up
click settings_ambience_up
click settings_mute
click settings_back
quit
SCRIPT
cat >"$tmp/set2.txt" <<'SCRIPT'
click menu_settings
click settings_mute
click settings_effects_up
click settings_effects_up
click settings_effects_up
click settings_effects_up
click settings_effects_up
click settings_back
sounds
quit
SCRIPT
sound_keys() { sed -n '/^sound:/,/^[a-z]/p' "$tmp/set/settings.yaml" | grep '^  ' | tr -d ' ' | paste -sd' '; }
SDL_DISKAUDIOFILE="$tmp/set1.raw" "$bin" --ui-script "$tmp/set1.txt" --size 1280x720 --scale 100 \
    --data-dir "$tmp/set" >"$tmp/set1.out" 2>"$tmp/set1.err"
rc=$?
got=$(sound_keys)
[[ $rc == 0 && "$got" == "effects:60 ambience:60 mute:true" ]] &&
    ok "the settings file holds what the screen set: $got" || bad "after the screen (exit $rc): '$got'"
SDL_DISKAUDIOFILE="$tmp/set2.raw" "$bin" --ui-script "$tmp/set2.txt" --size 1280x720 --scale 100 \
    --data-dir "$tmp/set" >"$tmp/set2.out" 2>"$tmp/set2.err"
rc=$?
got=$(sound_keys)
# Read back: 60 went up to 100 and stopped there; the ambience kept its 60.
[[ $rc == 0 && "$got" == "effects:100 ambience:60 mute:false" ]] &&
    ok "read back and changed again: $got" || bad "second visit (exit $rc): '$got' $(head -3 "$tmp/set2.err")"
grep -q '^sounds click' "$tmp/set2.out" && ok "the buttons click" || bad "no clicks: $(grep '^sounds' "$tmp/set2.out")"

if ((fail)); then
    echo "$fail sound check(s) failed" >&2
    exit 1
fi
echo "all sound checks passed"
