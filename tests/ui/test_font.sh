#!/usr/bin/env bash
# The window's font comes from fontconfig: with a fontconfig whose only
# font folder holds DejaVu Sans and its bold, the menu is drawn as always;
# with one whose only font is DejaVu Serif, fontconfig's nearest match is used and
# the menu's text changes, though DejaVu Sans stays in its usual folder.
# Usage: test_font.sh BIN ROOT
source "$(dirname "$0")/lib.sh"
dejavu=/usr/share/fonts/truetype/dejavu
if [[ ! -f $dejavu/DejaVuSans.ttf || ! -f $dejavu/DejaVuSans-Bold.ttf || ! -f $dejavu/DejaVuSerif.ttf ]]; then
    echo "FAIL: $dejavu lacks DejaVu Sans or Serif (scripts/quickstart.sh installs fonts-dejavu-core)" >&2
    exit 1
fi
# A screenshot with a fontconfig that knows only the FONT files.
with_font() { # OUT.png FONT...
    local out="$1" dir="$tmp/$(basename "$1" .png)"
    shift
    mkdir -p "$dir/fonts" "$dir/cache"
    cp "$@" "$dir/fonts/"
    printf '<?xml version="1.0"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' \
        "$dir/fonts" "$dir/cache" >"$dir/fonts.conf"
    FONTCONFIG_FILE="$dir/fonts.conf" "$bin" --screenshot "$out" --size 1280x720 --scale 100 \
        --data-dir "$tmp/d" 2>"$tmp/err" || bad "screenshot with $*: $(head -3 "$tmp/err")"
}
"$bin" --screenshot "$tmp/usual.png" --size 1280x720 --scale 100 --data-dir "$tmp/d" 2>"$tmp/err" ||
    bad "screenshot: $(head -3 "$tmp/err")"
with_font "$tmp/sans.png" $dejavu/DejaVuSans.ttf $dejavu/DejaVuSans-Bold.ttf
with_font "$tmp/serif.png" $dejavu/DejaVuSerif.ttf
cmp -s "$tmp/usual.png" "$tmp/sans.png" && ok "DejaVu Sans found through fontconfig draws the usual menu" ||
    bad "the menu with fontconfig's DejaVu Sans differs from the usual one"
python3 tests/ui/png_check.py 1280 720 "$tmp/serif.png" >/dev/null &&
    ! cmp -s "$tmp/usual.png" "$tmp/serif.png" && ok "fontconfig's nearest font is the one drawn" ||
    bad "the menu is the same with only DejaVu Serif known to fontconfig"
echo "ui_font: $fail failed"
((fail == 0))
