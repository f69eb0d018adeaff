/* hv_audit_file: the audit file that sits beside a level (LEVEL.audit.json
 * for LEVEL.yaml), where `happyvalley audit LEVEL --save` keeps how well
 * bots did on it. Owns the file's path, the digest that ties an audit to
 * the exact level and rules it measured, and reading the summary the level
 * picker shows; the rest of the file is left to the tools that write it.
 * See docs/audit-file.md. */
#ifndef HV_AUDIT_FILE_H
#define HV_AUDIT_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "hv_diag.h"

/* What the picker needs of an audit. Win rates are in per mille, rounded
 * half up, so the UI never formats floating point. */
typedef struct hv_audit_summary {
    char best_bot[32];   /* the bot that won most often */
    int32_t best_win_pm; /* its win rate, 0..1000 */
    int32_t low_pm;      /* the likely range of that rate, low_pm <= best_win_pm <= high_pm */
    int32_t high_pm;
    int32_t runs;     /* games played per bot, at least 1 */
    int32_t findings; /* entries in the audit's `findings` list */
    uint64_t digest;  /* level_digest: hv_audit_file_digest when the audit was made */
} hv_audit_summary;

/* The audit file's path for the level at LEVEL_PATH: ".yaml" replaced by
 * ".audit.json". 0, or -1 when it does not fit in LEN or LEVEL_PATH does
 * not end in a file name and ".yaml". */
int hv_audit_file_path(const char *level_path, char *buf, size_t len);
/* FNV-1a 64 over the bytes of the level file and then of RULES_PATH (the
 * rules file the level names, as hv_level_load resolves it); RULES_PATH
 * NULL or unreadable hashes the level alone. 0 when the level cannot be read. */
uint64_t hv_audit_file_digest(const char *level_path, const char *rules_path);
/* Reads the summary of the audit file at PATH into OUT. 0, or -1 with one
 * sentence in ERR (FILE:LINE:COL first when known). A missing file is -1
 * with errno ENOENT, so a caller can say nothing; any other failure leaves
 * errno EINVAL or the error of the read. */
int hv_audit_file_load(const char *path, hv_audit_summary *out, char *err, size_t err_len);
/* Checks the audit file at PATH as hv_audit_file_load reads it, with every
 * problem as FILE:LINE:COL in DIAG; 0 or -1. */
int hv_audit_file_check(const char *path, hv_diag *diag);
/* The difficulty, 1 (gentle) to 5 (brutal), that a best bot's win rate of
 * BEST_WIN_PM per mille earns: 85% and more is 1, under 40% is 5, in steps
 * of 15 points between. A level's label comes from its audit this way. */
int32_t hv_audit_difficulty(int32_t best_win_pm);
/* The word for difficulty D (1..5), as the level picker shows it; "Unrated"
 * for anything else. */
const char *hv_audit_difficulty_word(int32_t d);

#endif
