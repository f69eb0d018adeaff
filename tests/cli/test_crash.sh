#!/usr/bin/env bash
# Crash safety of saves: the game is killed (SIGKILL) while it saves, at
# each step of the write (HV_TEST_SAVE_STOP, hv_file.h) and at random
# moments of a game that saves every week. After every kill the game must
# give the player a game back by itself: `replay` loads the slot, `sim
# --orders` reads it, and the window's Continue and its Load screen open it
# (after every kill at a step of the write, and every tenth random kill).
# Temporary files left by the kills go once they are a minute old.
# Usage: test_crash.sh BIN ROOT [RANDOM_KILLS]
set -uo pipefail
bin="$1"
root="$2"
random_kills="${3:-90}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
# shellcheck source=lib.sh
source "$here/lib.sh"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software
export LSAN_OPTIONS="suppressions=$root/tests/ui/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
level=levels/sandbox.yaml
data="$tmp/data"
slot="$data/saves/autosave.yaml"
mkdir -p "$data/saves"
kills=0

# WEEKS weeks of the terminal game, saving to the slot after each.
commands() {
    for ((w = 0; w < $1; w++)); do printf 'answer 1\nend\nsave %s\n' "$slot"; done
}
commands 3 >"$tmp/short.txt"
commands 400 >"$tmp/long.txt"

# The slot must load, headless and (when asked) in the window.
check_slot() { # WHAT [window]
    if "$bin" replay "$slot" >"$tmp/replay.out" 2>"$tmp/replay.err"; then ok; else
        bad "$1: replay of the slot failed: $(head -2 "$tmp/replay.err")"
        return
    fi
    if "$bin" sim "$level" --turns 1 --orders "$slot" --json >/dev/null 2>"$tmp/sim.err"; then ok; else
        bad "$1: sim --orders on the slot failed: $(head -2 "$tmp/sim.err")"
    fi
    if [[ "${2:-}" == window ]]; then
        for way in "click menu_continue" $'click menu_load\nclick load_slot_0'; do
            printf '%s\nstate\n' "$way" >"$tmp/continue.txt"
            "$bin" --data-dir "$data" --size 1280x720 --scale 100 --ui-script "$tmp/continue.txt" \
                >"$tmp/continue.out" 2>"$tmp/continue.err"
            if grep -q '^week [0-9]* hash ' "$tmp/continue.out"; then ok; else
                bad "$1: ${way%%$'\n'*} did not open the game: $(head -2 "$tmp/continue.out") $(head -2 "$tmp/continue.err")"
            fi
        done
    fi
}

# A first good save, so that every kill has something to lose.
"$bin" play "$level" --terminal <"$tmp/short.txt" >/dev/null 2>&1
check_slot "the first save" window

# Each step of the write, a few times over, one game each.
for step in created half synced backup renamed; do
    for round in 1 2 3 4; do
        commands $((round + 1)) >"$tmp/step.txt"
        HV_TEST_SAVE_STOP=$step "$bin" play "$level" --terminal <"$tmp/step.txt" >/dev/null 2>&1
        rc=$?
        if [[ $rc == 137 ]]; then kills=$((kills + 1)); ok; else bad "step $step: exit $rc, not killed"; fi
        check_slot "killed at $step (round $round)" window
    done
done
# Steps up to the fsync leave their temporary file behind.
ls "$data/saves" | grep -q '\.tmp......$' && ok || bad "no temporary file was left by a kill mid-write"

# Random moments of a game that saves every week.
for ((i = 0; i < random_kills; i++)); do
    "$bin" play "$level" --terminal <"$tmp/long.txt" >/dev/null 2>&1 &
    pid=$!
    sleep "0.0$((RANDOM % 60 + 5))"
    kill -KILL "$pid" 2>/dev/null
    { wait "$pid"; } 2>/dev/null
    [[ $? == 137 ]] && kills=$((kills + 1))
    if ((i % 10 == 9)); then check_slot "random kill $i" window; else check_slot "random kill $i"; fi
done
((kills >= 100)) && ok || bad "only $kills kills landed, 100 wanted"

# Stale temporary files go at the next save once they are a minute old.
for f in "$data"/saves/*.tmp??????; do [[ -e "$f" ]] && touch -d '2 minutes ago' "$f"; done
"$bin" play "$level" --terminal <"$tmp/short.txt" >/dev/null 2>&1
if ls "$data/saves" | grep -q '\.tmp'; then bad "stale temporary files stayed: $(ls "$data/saves")"; else ok; fi
check_slot "after the clean-up"

echo "cli_crash: $kills kills, $pass passed, $fail failed"
((fail == 0))
