#!/usr/bin/env bash
# hv_core is the simulation alone: no SDL, no libyaml, no file I/O.
# Usage: test_layering.sh ROOT LIBHV_CORE
set -uo pipefail
root="$1"
lib="$2"
fail=0
if grep -rnE '#include *[<"](SDL|yaml)' "$root/src/core"; then
    echo "FAIL: src/core includes SDL or libyaml" >&2
    fail=1
fi
undefined=$(nm -u "$lib" | awk '{print $2}' | sort -u)
bad=$(grep -E '^(SDL_|IMG_|TTF_|yaml_|fopen|fread|fwrite|fprintf|printf|puts|fputs|open|read|write|getenv|rand|srand|time)$' <<<"$undefined")
if [[ -n "$bad" ]]; then
    echo "FAIL: hv_core calls: $bad" >&2
    fail=1
fi
if grep -rnE '\b(float|double)\b' "$root/src/core"; then
    echo "FAIL: floating point in src/core" >&2
    fail=1
fi
echo "core_no_sdl_or_yaml: $((fail == 0 ? 1 : 0)) passed, $fail failed"
exit $fail
