/* hv_lint: the warnings `validate` gives about files that load but say
 * something that cannot happen or does nothing: goals that can never be
 * met, effects that change nothing, events that can never fire, story
 * flags set but never read or read but never set. Each warning stands
 * where the file says the thing, as FILE:LINE:COL: warning: key.path:
 * MESSAGE; the loaded structs keep no places, so the file's tree is
 * walked for them: ROOT, when the caller still has it, else the file read
 * again. The checks are meant to be sure: a warning is about something
 * that provably cannot matter in any game (docs/level-format.md,
 * "Warnings"). Warnings never stop a file from loading or playing. */
#ifndef HV_LINT_H
#define HV_LINT_H

#include "hv_campaign.h"
#include "hv_diag.h"
#include "hv_level.h"

/* Adds to DIAG the warnings about LEVEL, which loaded without errors: its
 * goals that can never be met, the effects written in it that change
 * nothing, the events it adds that can never fire, and the flags it reads
 * that nothing sets or declares that nothing reads (a campaign in the
 * level's folder or the data folders that lists the level and carries a
 * flag counts as setting and reading it). Returns how many. */
int hv_lint_level(const hv_level *level, const hv_ynode *root, hv_diag *diag);
/* The warnings about the rules file at PATH, which loaded without errors:
 * the effects written in it that change nothing. What fires and which
 * flags matter is left to the levels, each of which decides that for
 * itself. Returns how many. */
int hv_lint_rules(const char *path, const hv_ynode *root, hv_diag *diag);
/* The warnings about CAMPAIGN, which loaded without errors: flags it
 * carries that no level before its last sets. Returns how many. */
int hv_lint_campaign(const hv_campaign *campaign, const hv_ynode *root, hv_diag *diag);

/* What the checks share: the file, its key path, and the level they are
 * about. (hv_lint.c) */
typedef struct hv_lint {
    hv_ctx ctx;
    const hv_level *level; /* NULL for a rules file */
    uint32_t sponsored;    /* bit per faction with a sponsor in the level */
} hv_lint;

/* The warnings about the `effect` of NODE (an event, a choice or a policy
 * option), if it has one. FRESH: the effect is whole, not merged into one
 * of the rules, so a key written as 0 is one that changes nothing.
 * (hv_lint_effect.c) */
void hv_lint_effect(hv_lint *l, const hv_ynode *node, int fresh);
/* The warnings about win goal (WIN) or lose goal G, written at NODE, that
 * can never be met or is met from the start. (hv_lint_effect.c) */
void hv_lint_goal(hv_lint *l, const hv_ynode *node, const hv_goal *g, int win);

#endif
