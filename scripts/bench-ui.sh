#!/usr/bin/env bash
# Benchmarks of the window for the README: frame time of the busiest screen
# at 1920x1080 with the software renderer (by day, as night ends, and
# zoomed in all the way), the instructions of each of its frames under
# callgrind, and its peak memory, the CPU of
# the main menu's first frame from process start with the art cache warm
# and cold, and the CPU an idle window uses (in Xvfb, over 10 seconds),
# with the base animating and with reduce motion on.
# Builds a Release build. Usage: scripts/bench-ui.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DHV_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j "$(nproc)" >/dev/null
bin=$PWD/build/bench/happyvalley
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_RENDER_DRIVER=software
# The art cache of these runs is theirs alone, never the user's.
export XDG_CACHE_HOME="$tmp/cache"

echo "frame time, busiest screen (sandbox, asteroids panel), software renderer:"
for size in 1280x720 1920x1080; do
    SDL_VIDEODRIVER=dummy "$bin" play levels/sandbox.yaml --data-dir "$tmp/data" --size "$size" \
        --scale 100 --ui-script scripts/ui/busiest.txt --frames 300 2>/dev/null | tail -1
done
echo "the same as night ends, the light changing:"
for size in 1280x720 1920x1080; do
    SDL_VIDEODRIVER=dummy "$bin" play levels/sandbox.yaml --data-dir "$tmp/data" --size "$size" \
        --scale 100 --ui-script scripts/ui/busiest-night.txt --frames 300 2>/dev/null | tail -1
done
echo "the same zoomed in all the way, by day and as night ends:"
for script in zoomed zoomed-night; do
    SDL_VIDEODRIVER=dummy "$bin" play levels/sandbox.yaml --data-dir "$tmp/data" --size 1920x1080 \
        --scale 100 --ui-script "scripts/ui/$script.txt" --frames 300 2>/dev/null | tail -1
done

# counted SCRIPT: instructions of each of 300 frames of SCRIPT at 1920x1080,
# counted by callgrind frame by frame (the game dumps its counts after
# each benchmark frame when valgrind's headers were there to build with):
# what a busy machine does not change, where times spread.
counted() {
    rm -rf "$tmp/cg" && mkdir -p "$tmp/cg"
    SDL_VIDEODRIVER=dummy valgrind --tool=callgrind --callgrind-out-file="$tmp/cg/out" "$bin" play \
        levels/sandbox.yaml --data-dir "$tmp/data" --size 1920x1080 --scale 100 \
        --ui-script "scripts/ui/$1.txt" --frames 300 >/dev/null 2>&1
    python3 - "$tmp/cg" "$1" <<'COUNT'
import glob, re, sys
counts = {}
for path in glob.glob(sys.argv[1] + "/out.*"):
    with open(path) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                counts[int(re.search(r"\.(\d+)$", path).group(1))] = int(line.split()[1])
                break
# The first dump holds the start as well as the first frame.
frames = [counts[k] for k in sorted(counts)][1:]
if not frames:
    sys.exit(f"  {sys.argv[2]}: no frame counted (a build without valgrind's headers?)")
m = sum(frames) / len(frames) / 1e6
print(f"  {sys.argv[2]}: {m:.2f} million mean, {max(frames) / 1e6:.2f} million the costliest "
      f"of {len(frames)} frames")
COUNT
}
if command -v valgrind >/dev/null; then
    echo "instructions a frame at 1920x1080 (callgrind, frame by frame):"
    for script in busiest busiest-night zoomed zoomed-night; do counted "$script"; done
fi
echo "peak resident memory at 1920x1080 (/usr/bin/time %M), busiest screen:"
SDL_VIDEODRIVER=dummy XDG_CACHE_HOME="$tmp/cache" /usr/bin/time -f "  %M KB" -o "$tmp/rss" "$bin" play \
    levels/sandbox.yaml --data-dir "$tmp/data" --size 1920x1080 --scale 100 \
    --ui-script scripts/ui/busiest.txt --frames 300 >/dev/null 2>&1
cat "$tmp/rss"

# first LABEL CACHE: CPU (user + sys, from getrusage through bash's time)
# of five runs of the main menu's first frame at 1920x1080, from process
# start to exit, with the art cache in CACHE; `cold` empties it each run.
first() {
    local runs=() rss=()
    for i in 1 2 3 4 5; do
        [[ $1 == cold ]] && rm -rf "$2"
        local TIMEFORMAT='%3U %3S'
        { time SDL_VIDEODRIVER=dummy XDG_CACHE_HOME="$2" /usr/bin/time -f %M -o "$tmp/rss" \
            "$bin" --data-dir "$tmp/data" --size 1920x1080 --frames 1 >/dev/null 2>&1; } 2>"$tmp/cpu"
        runs+=("$(awk '{printf "%d", ($1 + $2) * 1000 + 0.5}' "$tmp/cpu")")
        rss+=("$(($(cat "$tmp/rss") / 1024))")
    done
    local sorted
    sorted=$(printf '%s\n' "${runs[@]}" | sort -n | paste -sd' ')
    echo "  $1 art cache: ${runs[*]} ms (sorted: $sorted; median $(cut -d' ' -f3 <<<"$sorted") ms);" \
        "peak resident ${rss[*]} MB"
}
echo "first frame of the main menu at 1920x1080, CPU from process start to exit:"
SDL_VIDEODRIVER=dummy XDG_CACHE_HOME="$tmp/warm" "$bin" --data-dir "$tmp/data" --size 1920x1080 \
    --frames 1 >/dev/null 2>&1 # fills the cache
first warm "$tmp/warm"
first cold "$tmp/cold"

# idle LABEL DATA: CPU of a window left alone on the sandbox's base for 10 s.
idle() {
    echo "idle window in Xvfb, 10 seconds, $1:"
    cat >"$tmp/idle.sh" <<IDLE
"$bin" play levels/sandbox.yaml --data-dir "$2" --size 1920x1080 >/dev/null 2>&1 &
pid=\$!
sleep 3
ticks() { awk '{print \$14 + \$15}' /proc/\$pid/stat; }
t0=\$(ticks)
sleep 10
t1=\$(ticks)
rss=\$(awk '/VmRSS/ {print int(\$2 / 1024)}' /proc/\$pid/status)
kill -TERM \$pid
wait \$pid || true
hz=\$(getconf CLK_TCK)
awk -v a="\$t0" -v b="\$t1" -v hz="\$hz" -v rss="\$rss" \
    'BEGIN { printf "  %.2f%% of a core; resident memory %d MB\n", (b - a) / hz / 10 * 100, rss }'
IDLE
    SDL_VIDEODRIVER=x11 xvfb-run -a -s "-screen 0 1920x1080x24" bash "$tmp/idle.sh"
}
# The base animates (walkers, dust, the day) unless reduce motion is on.
mkdir -p "$tmp/still"
printf 'format: 1\nkind: settings\nwindow:\n  reduce_motion: true\n' >"$tmp/still/settings.yaml"
idle "animating" "$tmp/data"
idle "reduce motion" "$tmp/still"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
