#!/usr/bin/env bash
# Sets up everything Happy Valley needs on Debian 12, builds it, and then
#   play  starts the game on its default level, or
#   test  runs the whole test suite with ctest (a gcc sanitizer build, a
#         clang sanitizer build that also fuzzes every loader briefly, and an
#         optimised build, which must agree on every golden state hash), and
#         the headless commands' tests in a build without the window.
# Run as root or as a user with sudo; only the package install needs root.
set -euo pipefail

mode="${1:-}"
if [[ "$mode" != play && "$mode" != test ]]; then
    echo "usage: $0 play|test" >&2
    exit 2
fi
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config git python3 python3-yaml python3-jsonschema libyaml-dev
          libsdl2-dev libsdl2-image-dev libsdl2-ttf-dev fonts-dejavu-core libfontconfig-dev xvfb xauth
          xdotool clang-14 libclang-rt-14-dev desktop-file-utils appstream dpkg-dev file groff-base
          valgrind)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    sudo=()
    if [[ "$(id -u)" != 0 ]]; then sudo=(sudo); fi
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

jobs="$(nproc 2>/dev/null || echo 2)"
werror=OFF
if [[ "${CI:-}" == true ]]; then werror=ON; fi

build() { # DIR TYPE [CMAKE ARGS...]
    local dir="$1" type="$2"
    shift 2
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$type" -DHV_WERROR="$werror" "$@" >/dev/null
    cmake --build "$dir" -j "$jobs"
}

if [[ "$mode" == play ]]; then
    build build/release RelWithDebInfo
    exec build/release/happyvalley
fi

build build/asan Debug -DHV_SANITIZE=ON -DHV_CHECK_INVARIANTS=ON
build build/release RelWithDebInfo -DHV_CHECK_INVARIANTS=ON
# clang's UBSan checks pointer arithmetic gcc's does not, and only clang has
# libFuzzer (docs/fuzzing.md).
CC=clang-14 build build/clang Debug -DCMAKE_C_COMPILER=clang-14 -DHV_SANITIZE=ON \
    -DHV_CHECK_INVARIANTS=ON -DHV_FUZZ=ON
# The headless build (-DHV_UI=OFF), as a server without a graphics stack
# makes it: its pkg-config knows libyaml alone, so nothing can find SDL.
# It also plays the society's week as a machine without SSE2 does (pair
# by pair, where the others move eight nations at a time), so its golden
# hashes show both ways give the same game.
mkdir -p build/noui-pkgconfig
cp "$(pkg-config --variable=pcfiledir yaml-0.1)/yaml-0.1.pc" build/noui-pkgconfig/
PKG_CONFIG_LIBDIR="$PWD/build/noui-pkgconfig" PKG_CONFIG_PATH="" \
    build build/noui RelWithDebInfo -DHV_UI=OFF -DHV_CHECK_INVARIANTS=ON -DCMAKE_C_FLAGS=-U__SSE2__
echo "== sanitizer build (-O0, ASan, UBSan, invariant checks)"
ctest --test-dir build/asan --output-on-failure -j "$jobs"
echo "== clang sanitizer build (-O0, ASan, UBSan, invariant checks, 20 s of fuzzing per loader)"
ctest --test-dir build/clang --output-on-failure -j "$jobs"
echo "== optimised build (-O2)"
ctest --test-dir build/release --output-on-failure -j "$jobs"
# The same code as above without the window: the tests of the simulation,
# the files and the commands (the balance and the shipped levels' audits,
# minutes each, are the optimised build's).
echo "== headless build (-DHV_UI=OFF: no SDL; the core without SSE2)"
ctest --test-dir build/noui --output-on-failure -j "$jobs" -R '^(core_|data_|bots_|cli_|fuzz_)' \
    -E '^(bots_balance|cli_audit)$'
