#!/usr/bin/env bash
# Benchmarks of the window for the README: frame time of the busiest screen
# at 1920x1080 with the software renderer, time to the first frame, peak
# memory, and the CPU an idle window uses (in Xvfb, over 10 seconds), with
# the base animating and with reduce motion on.
# Builds a Release build. Usage: scripts/bench-ui.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DHV_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench -j "$(nproc)" >/dev/null
bin=$PWD/build/bench/happyvalley
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_RENDER_DRIVER=software

echo "frame time, busiest screen (sandbox, asteroids panel), software renderer:"
for size in 1280x720 1920x1080; do
    SDL_VIDEODRIVER=dummy "$bin" play levels/sandbox.yaml --data-dir "$tmp/data" --size "$size" \
        --scale 100 --ui-script scripts/ui/busiest.txt --frames 300 2>/dev/null | tail -1
done
echo "first frame of the main menu, from start:"
SDL_VIDEODRIVER=dummy "$bin" --data-dir "$tmp/data" --size 1920x1080 --frames 1 2>/dev/null | tail -1

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
