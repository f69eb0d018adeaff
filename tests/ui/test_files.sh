#!/usr/bin/env bash
# The window given hostile files and folders: scripts that are folders,
# devices or FIFOs, a FIFO as the autosave, a huge level in the levels
# folder, a settings file asking for a giant window, a data folder that
# cannot be made, a full disk for a screenshot, and SIGTERM mid-script.
# Each must end promptly with the right exit code, and the game must go on
# wherever it can.
# Usage: test_files.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"
level=levels/tutorial.yaml
# run SECONDS -- COMMAND...: sets rc; 124 means it hung.
run() {
    local secs="$1"
    shift 2
    timeout -k 5 "$secs" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
}
want() { # CODE DESCRIPTION
    if [[ $rc == "$1" ]]; then ok "$2"; else bad "$2: exit $rc, expected $1: $(head -c 300 "$tmp/err")"; fi
}
window=(--size 1280x720 --scale 100 --data-dir "$tmp/d")

# 11. Scripts that are not files end at once with exit 2.
run 30 -- "$bin" play "$level" --ui-script "$tmp" "${window[@]}"
want 2 "--ui-script on a folder"
grep -q "a folder, not a file" "$tmp/err" && ok "the folder is named as such" || bad "folder script message"
run 30 -- "$bin" play "$level" --ui-script /dev/zero "${window[@]}"
want 2 "--ui-script /dev/zero"
mkfifo "$tmp/script.fifo"
run 30 -- "$bin" play "$level" --ui-script "$tmp/script.fifo" "${window[@]}"
want 2 "--ui-script on a FIFO"
# 2. A level that is a FIFO.
mkfifo "$tmp/level.yaml"
run 30 -- "$bin" play "$tmp/level.yaml" --screenshot "$tmp/x.png" "${window[@]}"
want 2 "play on a FIFO level"

# 10. A long comment line is one comment: nothing of its tail runs.
{
    printf '# '
    printf 'x%.0s' $(seq 1500)
    printf ' click menu_quit\n'
    printf 'expect menu_new\nquit\n'
} >"$tmp/long.txt"
run 60 -- "$bin" --ui-script "$tmp/long.txt" "${window[@]}"
want 0 "a 1500-byte comment line"

# 11. SIGTERM stops a running script promptly, as a failure.
printf 'wait 10000\nwait 10000\nwait 10000\nquit\n' >"$tmp/slow.txt"
"$bin" --ui-script "$tmp/slow.txt" "${window[@]}" >"$tmp/out" 2>"$tmp/err" &
pid=$!
sleep 3
start=$(date +%s)
kill -TERM "$pid"
wait "$pid"
rc=$?
took=$(($(date +%s) - start))
if [[ $rc != 0 && $took -le 5 ]]; then ok "SIGTERM stops a script (exit $rc in ${took}s)"
else bad "SIGTERM: exit $rc after ${took}s"; fi
grep -q "slow.txt:1:1: error: the UI script was stopped" "$tmp/err" && ok "SIGTERM says where" ||
    bad "SIGTERM message: $(head -c 300 "$tmp/err")"

# 12. A screenshot that cannot be written is a failure.
run 60 -- "$bin" play "$level" --screenshot /dev/full "${window[@]}"
want 1 "--screenshot /dev/full"
grep -q "/dev/full:0:0: error: cannot write the screenshot" "$tmp/err" && ok "and says so" ||
    bad "screenshot message: $(head -c 300 "$tmp/err")"

# 2. A FIFO where the autosave should be: the menu still draws.
mkdir -p "$tmp/fifo/saves"
mkfifo "$tmp/fifo/saves/autosave.yaml"
run 60 -- "$bin" --screenshot "$tmp/menu.png" --size 1280x720 --scale 100 --data-dir "$tmp/fifo"
want 0 "the menu with a FIFO as the autosave"

# 3. A settings file asking for a 16384x16384 window gets what the display
# shows (the dummy display is 1024x768).
mkdir -p "$tmp/big"
printf 'format: 1\nkind: settings\nwindow:\n  width: 16384\n  height: 16384\n' >"$tmp/big/settings.yaml"
run 60 -- "$bin" --screenshot "$tmp/big.png" --data-dir "$tmp/big"
want 0 "a giant window in the settings"
size=$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d' % struct.unpack('>II', d[16:24]))" "$tmp/big.png" 2>/dev/null)
[[ "$size" == 1024x768 ]] && ok "the window is clamped to the display ($size)" || bad "giant window drew $size"

# 8. A 3 GB file in the levels folder costs the picker nothing much.
root="$tmp/root"
mkdir -p "$root/levels/rules"
cp -r assets "$root/assets"
cp "$level" "$root/levels/"
cp levels/rules/base.yaml "$root/levels/rules/"
truncate -s 3G "$root/levels/huge.yaml"
printf 'click menu_new\nexpect level_tutorial\nexpect level_huge\nquit\n' >"$tmp/new.txt"
HAPPYVALLEY_DATA="$root" /usr/bin/time -f "%M" -o "$tmp/rss" timeout -k 5 60 \
    "$bin" --ui-script "$tmp/new.txt" "${window[@]}" >"$tmp/out" 2>"$tmp/err"
rc=$?
want 0 "New game with a 3 GB level file"
rss=$(tail -1 "$tmp/rss")
((rss < 1000000)) && ok "and stays small (${rss} kB resident)" || bad "New game took ${rss} kB"

# 14. A data folder that cannot be made: the game plays, saving off.
printf 'key Space\nstate\nquit\n' >"$tmp/nosave.txt"
run 60 -- "$bin" play "$level" --ui-script "$tmp/nosave.txt" --size 1280x720 --scale 100 --data-dir /proc/happyvalley
want 0 "a game with a data folder that cannot be made"
grep -q "warning: Saving is off" "$tmp/err" && ok "it warns that saving is off" || bad "no warning: $(head -c 300 "$tmp/err")"
grep -q "^week 1 " "$tmp/out" && ok "and a week was played" || bad "no week played: $(cat "$tmp/out")"

echo "ui files: $fail failed"
((fail == 0))
