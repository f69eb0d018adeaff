#!/usr/bin/env bash
# The game as a player gets it: installed by `cmake --install` into a
# temporary prefix that is then moved elsewhere (MODE install), or the
# Debian package `cpack -G DEB` makes, unpacked with dpkg-deb (MODE deb).
# Every check runs from / with a temporary HOME, the XDG variables pointing
# into the temporary folder and neither HAPPYVALLEY_DATA nor the build
# tree to lean on: the game must find its data beside the executable. It
# plays a week headless and in the terminal, validates the shipped levels,
# draws the main menu with its real art, keeps its settings and saves in
# the XDG folders, and its desktop entry, metainfo, icons, manual page and
# completion are where desktops look and pass their validators.
# Usage: test_install.sh install|deb BUILD_DIR SOURCE_DIR
set -uo pipefail
mode="$1" build="$(cd "$2" && pwd)" src="$(cd "$3" && pwd)"
cd "$src" || exit 1
source tests/cli/lib.sh
ok() {
    pass=$((pass + 1))
    echo "ok: $1"
}
skip() { echo "skip: $1"; }
export LSAN_OPTIONS="suppressions=$src/tests/ui/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
id=io.github.happyvalley.HappyValley

if [[ "$mode" == install ]]; then
    if ! cmake --install "$build" --prefix "$tmp/stage" >"$tmp/install.log" 2>&1; then
        bad "cmake --install failed: $(tail -5 "$tmp/install.log")"
        exit 1
    fi
    # Installed for one prefix, run from another: nothing may point back.
    mkdir -p "$tmp/elsewhere"
    mv "$tmp/stage" "$tmp/elsewhere/prefix"
    prefix="$tmp/elsewhere/prefix"
else
    if ! cpack -G DEB -B "$tmp/pkg" --config "$build/CPackConfig.cmake" >"$tmp/cpack.log" 2>&1; then
        bad "cpack -G DEB failed: $(tail -5 "$tmp/cpack.log")"
        exit 1
    fi
    deb="$tmp/pkg/happyvalley_${version}_$(dpkg --print-architecture).deb"
    [[ -f "$deb" ]] && ok "the package is $(basename "$deb")" || {
        bad "no $deb: $(ls "$tmp/pkg")"
        exit 1
    }
    [[ "$(dpkg-deb -f "$deb" Section)" == games ]] && ok "its section is games" ||
        bad "section: $(dpkg-deb -f "$deb" Section)"
    depends=$(dpkg-deb -f "$deb" Depends)
    for lib in libsdl2-2.0-0 libsdl2-image-2.0-0 libsdl2-ttf-2.0-0 libyaml-0-2 libfontconfig1 libc6 fonts-dejavu-core; do
        [[ "$depends" == *"$lib"* ]] && ok "it depends on $lib" || bad "Depends lacks $lib: $depends"
    done
    dpkg-deb -c "$deb" >"$tmp/contents"
    grep -q ' \./usr/bin/happyvalley$' "$tmp/contents" && ok "it installs /usr/bin/happyvalley" ||
        bad "no /usr/bin/happyvalley in the package"
    dpkg-deb -x "$deb" "$tmp/root" || bad "dpkg-deb -x failed"
    prefix="$tmp/root/usr"
fi
prefix=$(realpath "$prefix")
bin="$prefix/bin/happyvalley"
data="$prefix/share/happyvalley"

# The files, where a desktop looks for them; the tests stay behind.
for f in bin/happyvalley share/happyvalley/levels/rules/base.yaml share/happyvalley/levels/tutorial.yaml \
    share/happyvalley/levels/tutorial.audit.json share/happyvalley/levels/campaigns/season.yaml \
    share/happyvalley/assets/title.svg share/happyvalley/assets/sounds/sounds.yaml \
    "share/applications/$id.desktop" "share/metainfo/$id.metainfo.xml" \
    "share/icons/hicolor/scalable/apps/$id.svg" share/man/man6/happyvalley.6 \
    share/bash-completion/completions/happyvalley share/doc/happyvalley/level-format.md; do
    [[ -f "$prefix/$f" ]] || bad "not installed: $f"
done
ok "the program, data, desktop entry, metainfo, icon, manual page, completion and docs are installed"
found=$(find "$prefix" -path '*tests*' -o -name '*.c' -o -name 'README.md' -path '*assets*' | head -3)
[[ -z "$found" ]] && ok "no tests, sources or notes for artists are installed" || bad "installed: $found"
for size in 16 32 48 64 128 256 512; do
    png="$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png"
    got=$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d' % struct.unpack('>II', d[16:24]))" "$png" 2>/dev/null)
    [[ "$got" == "${size}x$size" ]] || bad "icon ${size}x$size: ${got:-missing}"
done
ok "the icon is drawn at 16 to 512 pixels"

# From /, with nothing of the build to find: a fresh HOME, XDG folders in
# the temporary folder, no HAPPYVALLEY_DATA.
mkdir -p "$tmp/home"
in_home() {
    (cd / && env -u HAPPYVALLEY_DATA -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME="$tmp/home" \
        XDG_DATA_DIRS="$tmp/no-data-dirs" SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy \
        SDL_RENDER_DRIVER=software "$@")
}
in_home "$bin" --version >"$tmp/version" 2>&1
grep -qxF "data: $data (next to the executable)" "$tmp/version" &&
    ok "the data folder is found beside the executable" || bad "--version: $(cat "$tmp/version")"
grep -qF "$src" "$tmp/version" && bad "the source tree is used: $(cat "$tmp/version")"

in_home "$bin" sim "$data/levels/tutorial.yaml" --turns 1 >"$tmp/sim" 2>&1
rc=$?
want=$("$build/happyvalley" sim "$src/levels/tutorial.yaml" --turns 1 | grep 'state hash')
[[ $rc == 0 && -n "$want" ]] && grep -qF "$want" "$tmp/sim" &&
    ok "a week played headless reaches the build's state hash" || bad "sim: exit $rc: $(tail -3 "$tmp/sim")"
printf 'end\n' | in_home "$bin" play --terminal >"$tmp/terminal" 2>&1
rc=$?
[[ $rc == 0 ]] && grep -q "week 1" "$tmp/terminal" && ok "play --terminal plays the tutorial" ||
    bad "play --terminal: exit $rc: $(tail -3 "$tmp/terminal")"
in_home "$bin" validate "$data"/levels/*.yaml "$data/levels/rules/base.yaml" \
    "$data/levels/campaigns/season.yaml" >"$tmp/validate" 2>&1
rc=$?
[[ $rc == 0 && $(grep -c ': valid$' "$tmp/validate") == $(($(ls "$data"/levels/*.yaml | wc -l) + 2)) ]] &&
    ok "the shipped levels, rules and campaign validate" || bad "validate: exit $rc: $(head -3 "$tmp/validate")"
in_home "$bin" reference >"$tmp/reference" 2>&1 && grep -q '^# ' "$tmp/reference" &&
    ok "reference reads the installed rules" || bad "reference: $(head -3 "$tmp/reference")"

# The menu with its real art: the very picture the build draws from the
# source tree, not the placeholders of a game without its data.
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software \
    "$build/happyvalley" --data-path "$src" --screenshot "$tmp/want.png" --size 1280x720 --scale 100 \
    --data-dir "$tmp/ref" >/dev/null 2>&1
in_home "$bin" --screenshot "$tmp/menu.png" --size 1280x720 --scale 100 >"$tmp/menu.out" 2>&1
rc=$?
[[ $rc == 0 ]] && python3 tests/ui/png_check.py 1280 720 "$tmp/menu.png" >/dev/null &&
    cmp -s "$tmp/menu.png" "$tmp/want.png" && ok "the menu is drawn with the installed art" ||
    bad "menu screenshot: exit $rc, $(head -3 "$tmp/menu.out")"
grep -q "missing; drawing" "$tmp/menu.out" && bad "art is missing: $(grep missing "$tmp/menu.out" | head -2)"

# Settings in the config folder, moved there from where earlier versions
# kept them; saves in the data folder, naming their level by its place in
# the data folder and its id.
old="$tmp/home/.local/share/happyvalley"
mkdir -p "$old"
printf 'format: 1\nkind: settings\nwindow:\n  width: 1024\n  height: 600\n' >"$old/settings.yaml"
in_home "$bin" --screenshot "$tmp/moved.png" --scale 100 >"$tmp/moved.out" 2>&1
size=$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print('%dx%d' % struct.unpack('>II', d[16:24]))" "$tmp/moved.png" 2>/dev/null)
[[ ! -e "$old/settings.yaml" && -f "$tmp/home/.config/happyvalley/settings.yaml" && "$size" == 1024x600 ]] &&
    grep -q "moved the settings" "$tmp/moved.out" &&
    ok "the old settings file moved to ~/.config/happyvalley and is read there" ||
    bad "settings: window $size, $(ls -R "$tmp/home" | head -20)"
printf 'key Space\nclick-if choice_1\nstate\n' >"$tmp/week.txt"
in_home "$bin" play "$data/levels/tutorial.yaml" --seed 4 --size 1280x720 --ui-script "$tmp/week.txt" \
    >"$tmp/week.out" 2>&1
save="$old/saves/autosave.yaml"
grep -qx 'level: "levels/tutorial.yaml"' "$save" && grep -qx 'level_id: tutorial' "$save" &&
    ok "the autosave names its level within the data folder, and its id" ||
    bad "autosave: $(grep '^level' "$save" 2>&1)"
in_home "$bin" replay "$save" >"$tmp/replay" 2>&1 && ok "the save replays" ||
    bad "replay: $(head -3 "$tmp/replay")"
# A save of an earlier version names its level by an absolute path in the
# build tree it was played from: found again by its id.
sed 's|^level: .*|level: "/home/someone/happyvalley/levels/tutorial.yaml"|' "$save" >"$tmp/old.yaml"
in_home "$bin" replay "$tmp/old.yaml" >"$tmp/replay" 2>&1 && ok "a save naming an absolute level path replays" ||
    bad "replay of an old save: $(head -3 "$tmp/replay")"

# The desktop's validators and the manual page's checker.
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$prefix/share/applications/$id.desktop" >"$tmp/dfv" 2>&1 &&
        ok "desktop-file-validate passes" || bad "desktop-file-validate: $(cat "$tmp/dfv")"
else
    skip "desktop-file-validate is not installed (Debian: desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$prefix/share/metainfo/$id.metainfo.xml" >"$tmp/asv" 2>&1 &&
        ok "appstreamcli validate passes" || bad "appstreamcli validate: $(cat "$tmp/asv")"
    grep -q "<release version=\"$version\"" "$prefix/share/metainfo/$id.metainfo.xml" &&
        ok "the metainfo names release $version" || bad "no release $version in the metainfo"
else
    skip "appstreamcli is not installed (Debian: appstream)"
fi
if command -v groff >/dev/null; then
    groff -man -Tutf8 -ww -z "$prefix/share/man/man6/happyvalley.6" >"$tmp/groff" 2>&1 && [[ ! -s "$tmp/groff" ]] &&
        ok "the manual page formats without a warning" || bad "groff: $(head -3 "$tmp/groff")"
    grep -q "^\.TH HAPPYVALLEY 6 .*\"Happy Valley $version\"" "$prefix/share/man/man6/happyvalley.6" &&
        ok "the manual page names version $version" || bad "the manual page's .TH: $(grep '^\.TH' "$prefix/share/man/man6/happyvalley.6")"
else
    skip "groff is not installed (Debian: groff-base)"
fi
words=$(bash -c 'source "$1"; COMP_WORDS=(happyvalley si); COMP_CWORD=1; _happyvalley; echo "${COMPREPLY[*]}"' \
    _ "$prefix/share/bash-completion/completions/happyvalley")
[[ "$words" == sim ]] && ok "the installed completion completes commands" || bad "completion of 'si': '$words'"

echo "install_$mode: $pass passed, $fail failed"
((fail == 0))
