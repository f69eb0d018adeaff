# Shared by the command-line tests: a temporary folder, counters and
# checks. Source it after setting bin and root and changing to root.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*" >&2
}
# expect_exit CODE DESCRIPTION -- COMMAND...
expect_exit() {
    local want="$1" what="$2"
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    local got=$?
    if [[ $got == "$want" ]]; then ok; else bad "$what: exit $got, expected $want"; head -20 "$tmp/err" >&2; fi
}
contains() { # FILE TEXT DESCRIPTION
    if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in output"; head -20 "$1" >&2; fi
}
