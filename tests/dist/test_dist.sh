#!/usr/bin/env bash
# The manual page and the bash completion (dist/) against the program: every
# command and option its --help names is in both, and the completion
# function, sourced into bash and called as bash calls it, offers the
# commands, each command's options, the bots and the level files.
# Usage: test_dist.sh BIN SOURCE_DIR
set -uo pipefail
bin="$1"
cd "$2" || exit 1
source tests/cli/lib.sh

commands="play validate sim batch audit merge replay reference schema"
{
    "$bin" --help
    for c in $commands; do "$bin" "$c" --help; done
} >"$tmp/help"
# --opt stands for any option where --help says how values are written.
options=$(grep -o -- '--[a-z][a-z-]*' "$tmp/help" | grep -vx -- --opt | sort -u)
[[ $(wc -l <<<"$options") -gt 20 ]] || bad "too few options in --help: $options"
for word in $commands $options; do
    grep -qF -- "$(sed 's/-/\\-/g' <<<"$word")" dist/happyvalley.6 || bad "the manual page lacks $word"
    grep -qwF -- "$word" dist/happyvalley.bash-completion || bad "the completion lacks $word"
done
ok

# complete WORD... : what the completion offers for the last WORD.
complete_words() {
    bash -c 'source dist/happyvalley.bash-completion
             COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
             _happyvalley; printf "%s\n" "${COMPREPLY[@]}" | sort | paste -sd" "' _ happyvalley "$@"
}
check() { # WANT WORD...
    local want="$1"
    shift
    local got
    got=$(complete_words "$@")
    [[ "$got" == "$want" ]] && ok || bad "completing '$*': '$got', expected '$want'"
}
check "audit batch merge play reference replay schema sim validate" ""
check "schema sim" s
check "--bot" sim --b
check "planner" sim --bot p
check "balanced" audit --levers bal
check "campaign campaign_progress" schema --kind camp
check "--kind" schema --k
check "--data-dir --data-path" --data-
check "--jobs --json" batch levels/tutorial.yaml --j
check "levels/tutorial.yaml" play levels/tut
check "levels/riot.yaml levels/rules" --data-path . sim levels/r
check "levels" --data-path lev
check "" sim levels/tutorial.yaml --seed ""
mkdir -p "$tmp/c" && touch "$tmp/c/a.png" "$tmp/c/b.txt"
check "$tmp/c/a.png" --screenshot "$tmp/c/"
check "$tmp/c/b.txt" --ui-script "$tmp/c/"

echo "dist_files: $pass passed, $fail failed"
((fail == 0))
