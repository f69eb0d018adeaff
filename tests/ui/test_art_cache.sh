#!/usr/bin/env bash
# The art cache ($XDG_CACHE_HOME/happyvalley): the menu drawn from it is
# the same to the byte as the menu rasterised afresh, and the cache is
# really read; an entry damaged, cut short or not of this art is ignored
# and written anew; a cache folder that cannot be made costs one line and
# nothing else; and the folder is trimmed (old entries of the same art,
# leftover temporary files, the least recently used past the cap).
# Usage: test_art_cache.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"
py() { python3 tests/ui/art_cache.py "$@"; }

# shot NAME [ENV...]: a screenshot of the menu at 1280x720 in $tmp/NAME.png,
# with env's arguments ENV (by default the cache in $tmp/xdg); stderr in
# $tmp/NAME.err.
shot() {
    local name="$1"
    shift
    (($#)) || set -- XDG_CACHE_HOME="$tmp/xdg"
    timeout -k 5 120 env "$@" "$bin" --screenshot "$tmp/$name.png" --size 1280x720 --scale 100 \
        --data-dir "$tmp/data" 2>"$tmp/$name.err" ||
        bad "$name: exit $?: $(grep -v XDG_RUNTIME "$tmp/$name.err" | head -3)"
}
dir="$tmp/xdg/happyvalley"
entry() { ls "$dir"/title-1280x720-*.hvart 2>/dev/null | head -1; }
same() { # NAME WHAT: NAME's screenshot is the fresh one to the byte
    cmp -s "$tmp/fresh.png" "$tmp/$1.png" && ok "$2" || bad "$2: the menu differs from the one rasterised afresh"
}

# 1. No cache at all (neither XDG_CACHE_HOME nor HOME): the art rasterised
# and drawn straight, the menu every other run must match. Then cold and
# warm: one entry of the title at the window's size, sound, and the same
# menu to the byte.
shot fresh -u XDG_CACHE_HOME -u HOME
python3 tests/ui/png_check.py 1280 720 "$tmp/fresh.png" >/dev/null || bad "the menu looks blank"
[[ ! -s "$tmp/fresh.err" ]] && ok "no cache to be had goes without a word" ||
    bad "without HOME: $(head -3 "$tmp/fresh.err")"
shot cold
same cold "the menu from a cold cache is the one rasterised afresh"
e=$(entry)
[[ -n $e && $(ls "$dir" | wc -l) == 1 ]] && py check "$e" >/dev/null &&
    ok "a cold start stores the title at 1280x720, checksum and all" ||
    bad "after a cold start the cache holds: $(ls "$dir" 2>&1)"
cp "$e" "$tmp/good.hvart"
shot warm
same warm "the menu from a warm cache is the one rasterised afresh"
cmp -s "$e" "$tmp/good.hvart" && ok "a warm start leaves the entry as it was" ||
    bad "a warm start rewrote the entry"

# 2. The warm start really draws the cache's pixels: an entry painted one
# colour (its checksum redone) shows that colour where the art is bare.
py paint "$e" 16 128 32
shot painted
[[ $(py pixel "$tmp/painted.png" 1200 80) == "16 128 32" ]] && ok "the menu is drawn from the cache" ||
    bad "the painted entry was not drawn: pixel $(py pixel "$tmp/painted.png" 1200 80)"
cp "$tmp/good.hvart" "$e"

# 3. Entries not to be trusted: ignored, the art rasterised, the entry
# written anew. Pixels changed under the checksum, a file cut short, a
# file of other bytes, and a sound entry of another size under this name.
broken() { # NAME WHAT: after breaking the entry
    shot "$1"
    same "$1" "$2: the menu is the usual one"
    [[ -f $(entry) ]] && cmp -s "$(entry)" "$tmp/good.hvart" && ok "$2: the entry is written anew" ||
        bad "$2: the entry was not rewritten ($(ls "$dir"))"
}
printf '\x55\xaa\x55\xaa' | dd of="$e" bs=1 seek=2000000 conv=notrunc status=none
broken damaged "pixels changed under the checksum"
truncate -s 1000000 "$e"
broken short "an entry cut short"
head -c 3686448 /dev/urandom >"$e"
broken foreign "an entry of random bytes"
env XDG_CACHE_HOME="$tmp/xdg2" "$bin" --screenshot "$tmp/big.png" --size 1920x1080 --scale 100 \
    --data-dir "$tmp/data" 2>/dev/null
cp "$(ls "$tmp"/xdg2/happyvalley/title-1920x1080-*.hvart)" "$e"
broken other "the 1920x1080 entry under the 1280x720 name"
rm "$e" && mkfifo "$e"
broken fifo "a FIFO under the entry's name, not waited on"

# 4. A cache folder that cannot be made (a file where it should be): the
# menu is the same, and one line says so.
touch "$tmp/file"
shot unwritable XDG_CACHE_HOME="$tmp/file"
same unwritable "a cache folder that cannot be made"
n=$(grep -c "cache" "$tmp/unwritable.err")
[[ $n == 1 ]] && ok "it is said once" || bad "$n lines on the cache: $(head -3 "$tmp/unwritable.err")"
# A relative XDG_CACHE_HOME is ignored (XDG), for ~/.cache.
(cd "$tmp" && env XDG_CACHE_HOME=rel HOME="$tmp/home" "$bin" --data-path "$OLDPWD" \
    --screenshot "$tmp/rel.png" --size 1280x720 --scale 100 --data-dir "$tmp/data" 2>/dev/null)
[[ -n $(ls "$tmp"/home/.cache/happyvalley/title-1280x720-*.hvart 2>/dev/null) && ! -e "$tmp/rel" ]] &&
    ok "a relative XDG_CACHE_HOME is passed over for ~/.cache" ||
    bad "a relative XDG_CACHE_HOME: $(ls -R "$tmp/home" "$tmp/rel" 2>&1 | head -5)"

# 5. Trimming, when an entry is stored: the same art at the same size from
# other SVG bytes goes, so do temporary files over a minute old and the
# least recently used past the cap (100 MB, a sparse file here); the rest
# stays.
rm -f "$dir"/*
for f in title-1280x720-00000000000000aa.hvart title-1920x1080-00000000000000bb.hvart \
    title-1280x720-00000000000000cc.hvart.tmpAAAAAA title-1280x720-00000000000000dd.hvart.tmpBBBBBB \
    modules_kiln-300x300-00000000000000ee.hvart notes.txt; do
    echo x >"$dir/$f"
done
truncate -s 200M "$dir/old-640x640-00000000000000ff.hvart"
touch -d '-2 minutes' "$dir/title-1280x720-00000000000000cc.hvart.tmpAAAAAA"
touch -d '-1 day' "$dir/old-640x640-00000000000000ff.hvart"
touch -d '-1 hour' "$dir/modules_kiln-300x300-00000000000000ee.hvart"
shot trimmed
left=$(cd "$dir" && ls | grep -v "^$(basename "$(entry)")$" | sort | paste -sd' ')
want="modules_kiln-300x300-00000000000000ee.hvart notes.txt title-1280x720-00000000000000dd.hvart.tmpBBBBBB"
want="$want title-1920x1080-00000000000000bb.hvart"
[[ $left == "$want" && -n $(entry) ]] && ok "the folder is trimmed to what may still serve" ||
    bad "after trimming: '$left', expected '$want' beside the new entry"
same trimmed "the menu after trimming"

echo "ui_art_cache: $fail failed"
((fail == 0))
