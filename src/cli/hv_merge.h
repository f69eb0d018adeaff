/* hv_merge: `happyvalley merge PART...`, which adds up the parts of a sweep
 * (the outputs of `batch --json`, `batch --csv` or `audit --json` over
 * seeds A..B, C..D, ...) into exactly what one run over all their seeds
 * prints. Parts fit when they played the same level (by its digest), bot
 * and options, and their seeds follow each other without a gap or an
 * overlap; in any order on the command line. Anything else is an error at
 * the part's FILE:LINE:COL, exit 2. Internal to src/cli (hv_merge.c reads
 * parts and merges batch's; hv_audit_merge.c merges audits). */
#ifndef HV_MERGE_H
#define HV_MERGE_H

#include <stdint.h>

#include "hv_diag.h"
#include "hv_yaml.h"

/* One JSON part, read whole. */
typedef struct hv_part {
    const char *path;
    hv_ydoc doc;
    uint64_t first, last; /* its seeds */
} hv_part;

/* The value of KEY in map MAP of part FILE, of kind KIND; NULL, with an
 * error in DIAG, when it is missing or of another kind. */
const hv_ynode *hv_merge_get(hv_diag *diag, const char *file, const hv_ynode *map, const char *key,
                             hv_ynode_kind kind);
/* KEY's value as a whole number MIN..MAX into *OUT; 0, or -1 with an error in DIAG. */
int hv_merge_int(hv_diag *diag, const char *file, const hv_ynode *map, const char *key, int64_t min,
                 int64_t max, int64_t *out);
/* Node N as a whole number MIN..MAX into *OUT; 0, or -1 with an error in DIAG. */
int hv_merge_int_node(hv_diag *diag, const char *file, const hv_ynode *n, const char *what,
                      int64_t min, int64_t max, int64_t *out);
/* KEY's value, a string, into BUF (CAP bytes); 0, or -1 with an error in DIAG. */
int hv_merge_str(hv_diag *diag, const char *file, const hv_ynode *map, const char *key, char *buf,
                 size_t cap);
/* When KEY of part P says otherwise than VALUE, which part FIRST says,
 * an error that they cannot be merged; 0 when they agree. */
int hv_merge_same(hv_diag *diag, const hv_part *p, const char *key, const char *value,
                  const hv_part *first);
/* Merges the audits of PARTS (COUNT of them, in seed order, their seeds
 * checked) and prints the audit of all their seeds on stdout. Returns the
 * exit code: 3 when that audit has findings, as `audit` does; 2 with the
 * errors in DIAG when they do not fit. (hv_audit_merge.c) */
int hv_merge_audit(hv_part *parts, int count, hv_diag *diag);

#endif
