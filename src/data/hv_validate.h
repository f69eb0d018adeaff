/* hv_validate: checking any file the game reads, whichever its `kind`
 * says: a level, rules, a campaign, a mod manifest, an orders file, a
 * save, campaign progress or an audit, and through checkers the window
 * hands in, the files only it reads (settings, sounds). Errors come as
 * FILE:LINE:COL: error: MESSAGE; levels, rules and campaigns that load
 * also get the warnings of hv_lint. What `happyvalley validate` runs. */
#ifndef HV_VALIDATE_H
#define HV_VALIDATE_H

#include "hv_diag.h"

/* Checks the file at PATH as one kind of file: 0, or -1 with errors in DIAG. */
typedef int (*hv_validate_fn)(const char *path, hv_diag *diag);

struct hv_field;
/* A kind of file read outside the data layer, its checker, and the key
 * table of each SECTION of it ("" for its top; NULL for a section it does
 * not have), which `happyvalley schema` describes the files by. */
typedef struct hv_validate_kind {
    const char *kind; /* as the file's `kind` says; NULL ends a table */
    hv_validate_fn check;
    const struct hv_field *(*keys)(const char *section);
} hv_validate_kind;

typedef struct hv_validate_options {
    /* Orders files name module types, policies, asteroids and events of a
     * level without saying which: with a level here they are checked
     * against its rules; without one, everything else is checked. */
    const char *level;
    const hv_validate_kind *more; /* more kinds, NULL-terminated; may be NULL */
} hv_validate_options;

/* Checks the file at PATH, whichever its `kind` says (a file without one
 * is taken for a level); 0 when it has no errors (warnings may be in DIAG),
 * -1 with errors. OPTIONS may be NULL. */
int hv_data_validate_with(const char *path, const hv_validate_options *options, hv_diag *diag);
/* hv_data_validate_with without options. */
int hv_data_validate(const char *path, hv_diag *diag);

#endif
