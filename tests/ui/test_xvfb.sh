#!/usr/bin/env bash
# The game in a real X server: start it under Xvfb, click End Turn with
# xdotool as a player would, save with Ctrl+S, close the window, and check
# that the week counter moved. Then play into a blackout: the alerts open
# and the window's title says so, and a click on the alert closes them.
# Usage: test_xvfb.sh BIN ROOT
set -uo pipefail
# Leaks in system libraries are not ours to fix (see lsan.supp).
export LSAN_OPTIONS="suppressions=$(cd "$(dirname "$0")" && pwd)/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
bin="$1"
root="$2"
for tool in xvfb-run xdotool; do
    if ! command -v "$tool" >/dev/null; then
        echo "FAIL: $tool is missing (scripts/quickstart.sh installs it)" >&2
        exit 1
    fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/drive.sh" <<DRIVE
set -u
"$bin" play "$root/levels/tutorial.yaml" --data-dir "$tmp/data" --size 1280x720 --scale 100 \
    >"$tmp/game.log" 2>&1 &
pid=\$!
wid=\$(timeout 30 xdotool search --sync --name "Happy Valley" | head -1)
if [[ -z "\$wid" ]]; then echo "no window" >&2; kill \$pid; exit 1; fi
sleep 1
# End Turn sits in the bottom-right corner at this size and scale.
xdotool mousemove --window "\$wid" 1172 691 click 1
sleep 1
xdotool key --window "\$wid" ctrl+s
sleep 1
# SDL turns SIGTERM into a quit request, as closing the window would.
kill -TERM \$pid
wait \$pid
echo "exit \$?" >"$tmp/exit"

"$bin" play "$root/tests/ui/levels/blackout.yaml" --data-dir "$tmp/data2" --size 1280x720 \
    --scale 100 >"$tmp/game2.log" 2>&1 &
pid=\$!
wid=\$(timeout 30 xdotool search --sync --name "Happy Valley" | head -1)
if [[ -z "\$wid" ]]; then echo "no window" >&2; kill \$pid; exit 1; fi
sleep 1
xdotool getwindowname "\$wid" >"$tmp/title0"
xdotool mousemove --window "\$wid" 1172 691 click 1
sleep 1
xdotool getwindowname "\$wid" >"$tmp/title1"
# The one alert's row, in the middle of the dialog at this size and scale.
xdotool mousemove --window "\$wid" 640 356 click 1
sleep 1
xdotool getwindowname "\$wid" >"$tmp/title2"
kill -TERM \$pid
wait \$pid
DRIVE

SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software timeout 120 \
    xvfb-run -a -s "-screen 0 1600x900x24" bash "$tmp/drive.sh"
fail=0
week=$(sed -n 's/^week: //p' "$tmp/data/saves/slot1.yaml" 2>/dev/null)
if [[ "$week" == 1 ]]; then
    echo "ok: a click on End Turn played week 1 and Ctrl+S saved it"
else
    echo "FAIL: expected the save to say week 1, got '${week}'" >&2
    fail=1
fi
if [[ "$(cat "$tmp/exit" 2>/dev/null)" != "exit 0" ]]; then
    echo "FAIL: the game did not close cleanly ($(cat "$tmp/exit" 2>/dev/null))" >&2
    fail=1
fi
titles="$(cat "$tmp/title0" "$tmp/title1" "$tmp/title2" 2>/dev/null | tr '\n' '|')"
if [[ "$titles" == "Happy Valley - Brownout, week 1|Happy Valley - Brownout, week 2 - 1 alert|Happy Valley - Brownout, week 2|" ]]; then
    echo "ok: End week in X played into a blackout, the alert opened and a click on it closed it"
else
    echo "FAIL: window titles through the blackout: $titles" >&2
    fail=1
fi
if ((fail)); then
    echo "--- game log" >&2
    cat "$tmp/game.log" >&2
fi
exit $fail
