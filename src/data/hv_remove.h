/* hv_remove: the `remove:` lists of a rules file that extends others (and
 * of a level's overrides), which take entries out of the rules they start
 * from. Removing is done while the files extended are read: an entry a
 * later file removes is left out of its table as it is read, so no index
 * is ever given to it and every index given out stays right. What still
 * names a removed entry then fails to resolve, and is reported at the
 * removal. Owns the removals being loaded and their checks. */
#ifndef HV_REMOVE_H
#define HV_REMOVE_H

#include <stdint.h>

#include "hv_fields.h"

/* Removals of a whole chain of files, from the level down to the base. */
#define HV_MAX_REMOVALS 256

/* The tables entries can be removed from, in hv_remove_fields order. */
typedef enum hv_removable {
    HV_RM_ROLES,
    HV_RM_FACTIONS,
    HV_RM_BLOCS,
    HV_RM_TRAITS,
    HV_RM_MODULE_TYPES,
    HV_RM_POLICIES,
    HV_RM_EVENTS,
    HV_RM_COUNT /* none of them */
} hv_removable;

typedef struct hv_removal {
    int32_t table; /* hv_removable */
    char id[HV_ID_LEN];
    int32_t depth;     /* of the file that lists it, as hv_ctx.depth */
    const char *file;  /* that file, as it was loaded (alive while it is read) */
    char path[80];     /* its key path there, e.g. remove.events[2] */
    int32_t line, col; /* its place there */
    int32_t claimed;   /* an entry was left out for it */
} hv_removal;

struct hv_removals {
    hv_removal items[HV_MAX_REMOVALS];
    int32_t count;
    int32_t conflicts; /* errors reported at removals: entries that still name them */
};

/* Key table of `remove`, for the documentation check. */
extern const hv_field hv_remove_fields[];

/* Reads the `remove` map of ROOT (a rules file, or a level's overrides),
 * if it has one, into the removals of CTX as removals of CTX's file. */
void hv_remove_read(hv_ctx *ctx, const hv_ynode *root);
/* Whether the entry ID (at KEY) of table WHAT ("module_types", ...),
 * read in CTX's file, is to be left out: a file it extends removes it
 * (the nearest such removal is then claimed), or its own file both
 * removes and defines it, which is reported. */
int hv_remove_skips(hv_ctx *ctx, const char *what, const hv_ynode *key, const char *id);
/* The table REF names entries of (HV_RM_COUNT: none that can be removed). */
hv_removable hv_remove_table_of(hv_ref_kind ref);
/* For NAME, an unknown id at NODE where an entry of TABLE belongs: when it
 * is one CTX's file or a file extending it removes, reports at the removal
 * that the key path of CTX still names it, and returns 1; else 0. */
int hv_remove_named(hv_ctx *ctx, const hv_ynode *node, hv_removable table, const char *name);
/* Once what CTX's file extends is read into RULES: each removal of that
 * file that left nothing out names nothing there, and is reported. */
void hv_remove_check_found(hv_ctx *ctx, const hv_rules *rules);
/* Once CTX's file is read into RULES: roles, factions and module types
 * its removals emptied are reported (the rules need at least one). */
void hv_remove_check_left(hv_ctx *ctx, const hv_rules *rules);

#endif
