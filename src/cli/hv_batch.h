/* hv_batch: what `batch` finds over a range of seeds, kept as sums and
 * counts, so that the figures of parts played apart (other seeds, other
 * machines) add up to exactly those of one run over all their seeds
 * (`happyvalley merge`, docs/sweeps.md). Means are worked out from sums,
 * medians from the count of every final stock. Internal to src/cli. */
#ifndef HV_BATCH_H
#define HV_BATCH_H

#include <stdint.h>
#include <stdio.h>

#include "hv_rules.h"

#define HV_BATCH_CAUSES (HV_MAX_GOALS + 2) /* every lose goal, all dead, the deadline */

/* VALUE was some game's final stock COUNT times. */
typedef struct hv_batch_value {
    int64_t value, count;
} hv_batch_value;

typedef struct hv_batch_sums {
    /* What was played: parts merge only when all of this is the same. */
    char level[HV_ID_LEN];
    char digest[17];      /* of the level and its rules (hv_audit_file_digest) */
    char bot[HV_ID_LEN];  /* hv_bot_name */
    char orders[17];      /* digest of the --orders file, "" without one */
    int64_t max_turns;    /* --turns */
    uint64_t first, last; /* the seeds, first..last */
    /* How it ran, not what it found: the largest number of jobs of any
     * part, and the seconds of all parts added up. */
    int64_t jobs;
    double seconds;
    /* What it found. */
    int64_t runs, wins, losses, unfinished;
    int64_t win_turns, loss_turns, turns; /* weeks played by won games, lost ones, all */
    int32_t kinds;                        /* causes of losses, in the order first met */
    char causes[HV_BATCH_CAUSES][64];     /* hv_outcome_code */
    int64_t cause_count[HV_BATCH_CAUSES];
    int64_t total[HV_RES_COUNT];          /* final stocks added up */
    hv_batch_value *values[HV_RES_COUNT]; /* the final stocks, ascending, each once */
    int32_t value_count[HV_RES_COUNT];
} hv_batch_sums;

/* Adds COUNT losses by CAUSE; -1 when S already holds all the causes it can. */
int hv_batch_add_cause(hv_batch_sums *s, const char *cause, int64_t count);
/* Adds the sums of PART, whose seeds follow INTO's, to INTO; -1 without memory. */
int hv_batch_sums_add(hv_batch_sums *into, const hv_batch_sums *part);
/* Frees the stock counts of S. */
void hv_batch_sums_free(hv_batch_sums *s);
/* The one JSON object `batch --json` prints, with a newline. */
void hv_batch_print_json(FILE *out, const hv_batch_sums *s);
/* The first line of `batch --csv`, a comment saying what the rows are of,
 * with a newline. */
void hv_batch_print_csv_head(FILE *out, const hv_batch_sums *s);
/* The median of resource RES's final stocks (of the sorted stocks, the one
 * at index runs / 2). */
int64_t hv_batch_median(const hv_batch_sums *s, int res);

#endif
