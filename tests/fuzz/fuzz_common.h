/* What every fuzz target shares: a private temporary folder for the files
 * the loaders read (they take paths), the checks every refusal must pass
 * (at least one error, each on one line), and a few weeks of play with the
 * balanced bot for whatever loaded. A target that finds a broken promise
 * calls hv_fuzz_fail, which aborts so libFuzzer keeps the input; nothing
 * here calls exit. */
#ifndef HV_FUZZ_COMMON_H
#define HV_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "hv_diag.h"
#include "hv_orders_file.h"
#include "hv_state.h"

/* Weeks a loaded game is played: enough for orders, events and a save's
 * queued week to take effect, few enough to keep thousands of runs a minute. */
#define HV_FUZZ_WEEKS 4

/* libFuzzer's entry points, declared for -Wmissing-prototypes. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reports WHAT (printf-style) and aborts: the input broke a promise. */
void hv_fuzz_fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;
/* The path of NAME in this process's temporary folder (made on first use,
 * emptied and removed at exit), into BUF of LEN bytes. */
void hv_fuzz_path(const char *name, char *buf, size_t len);
/* Writes SIZE bytes of DATA to NAME in the temporary folder; its path goes
 * into BUF of LEN bytes. */
void hv_fuzz_write(const char *name, const void *data, size_t size, char *buf, size_t len);
/* Checks what a loader said: refused (OK == 0) means at least one error,
 * loaded means none; every error is one line with a file and a place. */
void hv_fuzz_check_diag(const hv_diag *diag, int ok, const char *loader);
/* Checks the warnings of CHECKER: each one line, at a real line and column
 * of the file (never 0:0), and no errors among them. */
void hv_fuzz_check_warnings(const hv_diag *diag, const char *checker);
/* Plays up to WEEKS weeks of STATE with the balanced bot, queuing ORDERS
 * (may be NULL) first each week as `happyvalley sim --orders` does. */
void hv_fuzz_play(hv_state *state, const hv_orders_file *orders, int weeks);

#endif
