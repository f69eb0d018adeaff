#!/usr/bin/env bash
# hv_cli, the headless commands, never reaches into the window: no SDL
# header, and no call into SDL or the window's code. The window is handed
# to hv_cli_main by main. Usage: test_layering.sh ROOT LIBHV_CLI
set -uo pipefail
root="$1"
lib="$2"
fail=0
if grep -rnE '#include *[<"](SDL|SDL_image|SDL_ttf)' "$root/src/cli"; then
    echo "FAIL: src/cli includes SDL" >&2
    fail=1
fi
bad=$(nm -u "$lib" | awk '{print $2}' | sort -u | grep -E '^(SDL_|IMG_|TTF_|hv_app_|hv_gfx_|hv_gui_|hv_ui_run)')
if [[ -n "$bad" ]]; then
    echo "FAIL: hv_cli calls into the window: $bad" >&2
    fail=1
fi
echo "cli_no_window: $((fail == 0 ? 1 : 0)) passed, $fail failed"
exit $fail
