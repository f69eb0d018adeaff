#!/usr/bin/env bash
# Hostile files given to the headless commands: FIFOs and devices are
# refused at once (never waited on), paths in files stay in their folders,
# values never forge a line, and output that cannot be written is an error.
# Usage: test_files.sh BIN ROOT
set -uo pipefail
bin="$1"
cd "$2"
source tests/cli/lib.sh

# Every command must finish: a hang is a failure, not a stuck run.
# finishes SECONDS DESCRIPTION -- COMMAND...: runs with no input.
finishes() {
    local secs="$1" what="$2"
    shift 3
    timeout -k 2 "$secs" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    got=$?
    if [[ $got == 124 || $got == 137 ]]; then bad "$what: still running after ${secs}s"; fi
}
# one_line FILE DESCRIPTION: every line of FILE is one FILE:LINE:COL error.
one_line() {
    if [[ -s "$1" ]] && ! grep -qvE '^[^[:cntrl:]]+:[0-9]+:[0-9]+: error: [^[:cntrl:]]+$' "$1"; then ok
    else bad "$2: not one clean error per line"; cat -v "$1" | head -5 >&2; fi
}

mkfifo "$tmp/fifo.yaml"
level=levels/tutorial.yaml

# 1. A FIFO anywhere a file is read.
finishes 10 "validate FIFO" -- "$bin" validate "$tmp/fifo.yaml"
if [[ $got == 2 ]]; then ok; else bad "validate FIFO: exit $got"; fi
contains "$tmp/err" "not a regular file" "validate FIFO"
one_line "$tmp/err" "validate FIFO"
finishes 10 "sim FIFO" -- "$bin" sim "$tmp/fifo.yaml"
if [[ $got == 2 ]]; then ok; else bad "sim FIFO: exit $got"; fi
finishes 10 "sim --orders FIFO" -- "$bin" sim "$level" --orders "$tmp/fifo.yaml"
if [[ $got == 2 ]]; then ok; else bad "sim --orders FIFO: exit $got"; fi
finishes 10 "batch --orders FIFO" -- "$bin" batch "$level" --runs 2 --orders "$tmp/fifo.yaml"
if [[ $got == 2 ]]; then ok; else bad "batch --orders FIFO: exit $got"; fi
# A missing orders file whose backup is a FIFO: the backup is never opened.
mkfifo "$tmp/gone.yaml.bak"
finishes 10 "sim --orders with a FIFO .bak" -- "$bin" sim "$level" --orders "$tmp/gone.yaml"
if [[ $got == 2 ]]; then ok; else bad "sim --orders with a FIFO .bak: exit $got"; fi
finishes 10 "validate /dev/zero" -- "$bin" validate /dev/zero
if [[ $got == 2 ]]; then ok; else bad "validate /dev/zero: exit $got"; fi
finishes 10 "validate a folder" -- "$bin" validate levels
if [[ $got == 2 ]]; then ok; else bad "validate a folder: exit $got"; fi
contains "$tmp/err" "a folder, not a file" "validate a folder"
# A level whose rules file is a FIFO.
mkdir -p "$tmp/lv/rules"
mkfifo "$tmp/lv/rules/base.yaml"
sed 's|^rules: .*|rules: rules/base.yaml|' "$level" >"$tmp/lv/fifo_rules.yaml"
finishes 10 "rules: FIFO" -- "$bin" validate "$tmp/lv/fifo_rules.yaml"
if [[ $got == 2 ]]; then ok; else bad "rules: FIFO: exit $got"; fi
contains "$tmp/err" "rules: 'rules/base.yaml' is not a regular file" "rules: FIFO"

# 5. Paths in files stay in their folders and the game's data folders.
sed 's|^rules: .*|rules: ../../../../../../../../etc/passwd|' "$level" >"$tmp/lv/escape.yaml"
expect_exit 2 "rules: escaping" -- "$bin" validate "$tmp/lv/escape.yaml"
contains "$tmp/err" "lies outside this file's folder" "rules: escaping"
if grep -q "root:" "$tmp/err"; then bad "rules: escaping quotes the foreign file"; else ok; fi
# A file of another kind in the level's own folder is not quoted either.
cp /etc/passwd "$tmp/lv/secret.txt"
sed 's|^rules: .*|rules: secret.txt|' "$level" >"$tmp/lv/secret.yaml"
expect_exit 2 "rules: a file of another kind" -- "$bin" validate "$tmp/lv/secret.yaml"
contains "$tmp/err" "this is not a rules file" "rules: a file of another kind"
if grep -q "root:" "$tmp/err"; then bad "rules: a file of another kind is quoted"; else ok; fi
ln -s /etc/passwd "$tmp/lv/rules/link.yaml"
sed 's|^rules: .*|rules: rules/link.yaml|' "$level" >"$tmp/lv/link.yaml"
expect_exit 2 "rules: symlink out" -- "$bin" validate "$tmp/lv/link.yaml"
contains "$tmp/err" "lies outside this file's folder" "rules: symlink out"
# The shipped rules, named from a level in another folder, are a data folder.
sed "s|^rules: .*|rules: $(realpath --relative-to="$tmp/lv" levels/rules/base.yaml)|" "$level" \
    >"$tmp/lv/shipped.yaml"
expect_exit 0 "rules: in the shipped data" -- "$bin" validate "$tmp/lv/shipped.yaml"
# A symlink inside the level's folder is fine.
cp levels/rules/base.yaml "$tmp/lv/rules/own.yaml"
ln -s own.yaml "$tmp/lv/rules/alias.yaml"
sed 's|^rules: .*|rules: rules/alias.yaml|' "$level" >"$tmp/lv/alias.yaml"
expect_exit 0 "rules: symlink within" -- "$bin" validate "$tmp/lv/alias.yaml"

# 6. Values with control bytes cannot forge lines or reach the terminal.
printf 'format: 1\nkind: level\nid: "a\\nx.yaml:1:1: error: forged\\e[2J\\a"\n' >"$tmp/forge.yaml"
expect_exit 2 "control bytes" -- "$bin" validate "$tmp/forge.yaml"
one_line "$tmp/err" "control bytes"
contains "$tmp/err" 'a\nx.yaml:1:1: error: forged\x1B[2J\x07' "control bytes escaped"
# A file name with a newline in it is escaped too.
cp "$tmp/forge.yaml" "$tmp/new
line.yaml"
expect_exit 2 "file name with a newline" -- "$bin" validate "$tmp/new
line.yaml"
one_line "$tmp/err" "file name with a newline"
# Inputs that break YAML itself still give one line each.
for doc in '[[{]' $'key: "\x1b]0;t\x07' $'a: b\n\tc: d' $'- \x00' "{a: [}" $'\xff\xfe'; do
    printf '%s' "$doc" >"$tmp/yaml.yaml"
    finishes 10 "broken YAML" -- "$bin" validate "$tmp/yaml.yaml"
    if [[ $got == 2 ]]; then ok; else bad "broken YAML $(printf %q "$doc"): exit $got"; fi
    one_line "$tmp/err" "broken YAML $(printf %q "$doc")"
done
# A long value is cut short in the message.
printf 'format: 1\nkind: level\nid: "%s"\n' "$(head -c 3000 /dev/zero | tr '\0' x)" >"$tmp/long.yaml"
expect_exit 2 "long value" -- "$bin" validate "$tmp/long.yaml"
one_line "$tmp/err" "long value"
if (($(wc -L <"$tmp/err") < 400)); then ok; else bad "long value: a message of $(wc -L <"$tmp/err") bytes"; fi

# Names of files are shown as safely as their contents: a save whose name
# holds a line break and an escape, loaded from its .bak, is named in one
# line of warning with neither byte raw.
printf '%s\n' "end" "save $tmp/good.yaml" "quit" | "$bin" play "$level" --seed 3 --terminal >/dev/null 2>&1
hostile="$tmp/x"$'\n'"fake.yaml:1:1: error: forged"$'\e'"[31m.yaml"
cp "$tmp/good.yaml" "$hostile.bak"
for cmd in replay sim; do
    if [[ $cmd == replay ]]; then "$bin" replay "$hostile" >"$tmp/out" 2>"$tmp/err"
    else "$bin" sim "$level" --seed 3 --turns 1 --orders "$hostile" >"$tmp/out" 2>"$tmp/err"; fi
    got=$?
    if [[ $got == 0 ]]; then ok; else bad "$cmd of a hostile name's .bak: exit $got"; fi
    if grep -q $'\e' "$tmp/err" "$tmp/out" || grep -q "^fake.yaml" "$tmp/err" "$tmp/out"; then
        bad "$cmd of a hostile name: a raw byte or a forged line"; cat -v "$tmp/err" | head -3 >&2
    else ok; fi
    contains "$tmp/err" 'x\nfake.yaml' "$cmd names the hostile save escaped"
done

# 12. Output that cannot be written is an error.
for cmd in "validate $level" "sim $level --turns 2" "batch $level --runs 2 --turns 2" \
    "sim $level --turns 2 --json"; do
    # shellcheck disable=SC2086
    "$bin" $cmd >/dev/full 2>"$tmp/err"
    got=$?
    if [[ $got == 1 ]]; then ok; else bad "$cmd >/dev/full: exit $got, expected 1"; fi
done

# 14. Options are whole: a size with trailing letters is refused.
expect_exit 2 "--size 640x360abc" -- "$bin" play "$level" --size 640x360abc --screenshot "$tmp/x.png"
contains "$tmp/err" "--size needs WIDTHxHEIGHT" "--size 640x360abc"

# 10. A terminal line of any length is one line: its tail never runs.
{ printf '%*s' 2000 '' | tr ' ' '#'; printf ' end\nhash\nquit\n'; } >"$tmp/long.txt"
"$bin" play "$level" --terminal <"$tmp/long.txt" >"$tmp/out" 2>&1
contains "$tmp/out" "That line is longer than" "long terminal line"
contains "$tmp/out" "state hash" "the line after a long one"
if grep -q "ends the week\|Week 2" "$tmp/out"; then bad "long terminal line: its tail ran"; else ok; fi

echo "files: $pass passed, $fail failed"
((fail == 0))
