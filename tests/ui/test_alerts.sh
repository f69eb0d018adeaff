#!/usr/bin/env bash
# Alerts: a week that brings a blackout interrupts with the alerts dialog;
# a click on the alert picks the module it names; the bottom bar's Alerts
# button lists every alert later; a quiet week brings no dialog.
# Usage: test_alerts.sh BIN ROOT
set -uo pipefail
source "$(dirname "$0")/lib.sh"

cat >"$tmp/blackout.txt" <<'SCRIPT'
dialog
key Space
dialog
expect alert_1
click alert_1
dialog
expect module_info
click alerts
dialog
expect alert_1
key Escape
dialog
SCRIPT
"$bin" play tests/ui/levels/blackout.yaml --size 1280x720 --scale 100 --data-dir "$tmp/d" \
    --ui-script "$tmp/blackout.txt" >"$tmp/out" 2>"$tmp/err"
rc=$?
mapfile -t dialogs < <(sed -n 's/^dialog //p' "$tmp/out")
[[ $rc == 0 ]] && ok "the blackout walk ran" || bad "blackout walk exit $rc: $(grep error "$tmp/err" | head -2)"
[[ "${dialogs[0]:-}" == none ]] && ok "no alert before a week is played" || bad "before: ${dialogs[0]:-}"
[[ "${dialogs[1]:-}" == Alerts ]] && ok "a blackout week interrupts with the alerts" ||
    bad "after the blackout week: ${dialogs[1]:-}"
[[ "${dialogs[2]:-}" == none ]] && ok "a click on the alert closes it and picks the module" ||
    bad "after the click: ${dialogs[2]:-}"
[[ "${dialogs[3]:-}" == Alerts && "${dialogs[4]:-}" == none ]] &&
    ok "the Alerts button lists them again; Escape closes" || bad "the list: ${dialogs[*]}"

# A quiet week: the tutorial's first week brings nothing to alert about.
printf 'key Space\ndialog\n' >"$tmp/quiet.txt"
"$bin" play levels/tutorial.yaml --size 1280x720 --scale 100 --data-dir "$tmp/d2" \
    --ui-script "$tmp/quiet.txt" >"$tmp/out" 2>"$tmp/err"
[[ "$(sed -n 's/^dialog //p' "$tmp/out")" == none ]] && ok "a quiet week brings no alert" ||
    bad "quiet week: $(cat "$tmp/out")"

echo "ui alerts: $fail failed"
((fail == 0))
