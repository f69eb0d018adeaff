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
/* The batch command: ARGV after "batch". (hv_batch.c) */
int hv_cmd_batch(int argc, char **argv);
/* The audit command: ARGV after "audit". (hv_audit.c) */
int hv_cmd_audit(int argc, char **argv);
/* The schema command: ARGV after "schema"; UI_KINDS as hv_cli_main has
 * them, for the key tables of the window's files. (hv_schema_cmd.c) */
int hv_cmd_schema(int argc, char **argv, const hv_validate_kind *ui_kinds);
/* The replay command: ARGV after "replay". Exit 0 when the save replays
 * to its hash, 1 when it differs, 2 when it cannot be loaded. (hv_replay.c) */
int hv_cmd_replay(int argc, char **argv);
/* Reads a whole number 0..MAX from S; 0 if it is not one. */
int hv_parse_u64(const char *s, unsigned long long max, unsigned long long *out);
/* Prints a usage error (FMT with ARG) and returns HV_EXIT_BAD_INPUT. */
int hv_usage_error(const char *fmt, const char *arg);
/* Seconds on a monotonic clock, for timings printed by commands. */
double hv_now_seconds(void);
/* Path of the level played when none is named; NULL, with why printed,
 * when the game's data is not found. */
const char *hv_default_level(void);

#endif
