/* hv_cli: the headless commands (validate, sim, the terminal game) behind
 * the happyvalley executable. Exit codes: 0 ok, 1 runtime failure, 2 bad
 * input (usage, invalid file). */
#ifndef HV_CLI_H
#define HV_CLI_H

#include <stdio.h>

#include "hv_level.h"
#include "hv_ui.h"

/* Runs the desktop game (hv_ui_run), given to hv_cli_main by main so that
 * the headless commands never link the window. */
typedef int (*hv_window_fn)(const hv_ui_options *options);

/* HV_EXIT_FINDINGS: the audit found something to look at. */
enum { HV_EXIT_OK = 0, HV_EXIT_FAILURE = 1, HV_EXIT_BAD_INPUT = 2, HV_EXIT_FINDINGS = 3 };

/* Runs the command line ARGV, with WINDOW for the desktop game (NULL in a
 * build without one) and UI_KINDS for the files only the window reads, as
 * `validate` checks them (NULL-terminated; NULL without a window); returns
 * the exit code. */
int hv_cli_main(int argc, char **argv, hv_window_fn window, const hv_validate_kind *ui_kinds);
/* The terminal game: reads commands from IN, writes to OUT, until quit or
 * end of input. Returns an exit code. (hv_play.c) */
int hv_play_terminal(const hv_level *level, unsigned long long seed, FILE *in, FILE *out);
/* The commands, each given ARGV from its own name on, returning the exit
 * code. sim (hv_sim.c), batch (hv_batch.c), audit (hv_audit.c), merge
 * (hv_merge.c); replay (hv_replay.c) exits 0 when the save replays to its
 * hash, 1 when it differs, 2 when it cannot be loaded. */
int hv_cmd_sim(int argc, char **argv);
int hv_cmd_batch(int argc, char **argv);
int hv_cmd_audit(int argc, char **argv);
int hv_cmd_merge(int argc, char **argv);
int hv_cmd_replay(int argc, char **argv);
/* schema (hv_schema_cmd.c), given UI_KINDS as validate is, for the key
 * tables of the window's files. */
int hv_cmd_schema(int argc, char **argv, const hv_validate_kind *ui_kinds);
/* Writes the --help of command CMD on OUT, or the general one for NULL or
 * a command without its own. */
void hv_cli_help(FILE *out, const char *cmd);
/* Seconds on a monotonic clock, for timings printed by commands. */
double hv_now_seconds(void);
/* Path of the level played when none is named; NULL, with why printed,
 * when the game's data is not found. */
const char *hv_default_level(void);

#endif
