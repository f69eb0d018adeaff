/* hv_fields: table-driven reading of YAML maps into C structs. A table
 * lists each accepted key with its type, place in the struct, range and
 * whether it is required; reading checks unknown keys, types, ranges and
 * missing keys, and reports each problem with its key path and value.
 * The key tables double as the list of keys the documentation must cover. */
#ifndef HV_FIELDS_H
#define HV_FIELDS_H

#include <stddef.h>
#include <stdint.h>

#include "hv_diag.h"
#include "hv_rules.h"
#include "hv_yaml.h"

#define HV_PATH_LEN 256

/* What `remove:` lists take out of the rules being read (hv_remove.h). */
typedef struct hv_removals hv_removals;

/* Where reading stands: the file, the errors so far, the key path. */
typedef struct hv_ctx {
    hv_diag *diag;
    const char *file;
    const hv_rules *rules; /* for references; may be NULL */
    char path[HV_PATH_LEN];
    size_t path_len;
    int errors;            /* errors added through this context */
    hv_removals *removals; /* what is being removed, when reading rules; may be NULL */
    int depth;             /* files between this one and the first read (-1: a level) */
} hv_ctx;

typedef enum hv_ftype {
    HV_F_INT32,        /* whole number into int32_t, within min..max */
    HV_F_INT64,        /* whole number into int64_t, within min..max */
    HV_F_BOOL,         /* true/false into int32_t */
    HV_F_ID,           /* identifier [a-z0-9_], into char[size] */
    HV_F_TEXT,         /* any text up to size-1 bytes, into char[size] */
    HV_F_RESMAP,       /* map resource -> whole number (min..max), into int64_t[HV_RES_COUNT] */
    HV_F_COLOUR,       /* "#rrggbb" into uint32_t */
    HV_F_ENUM,         /* one of names[], index into int32_t */
    HV_F_REF,          /* id of a faction/role/module type/resource (ref), index into int32_t */
    HV_F_TERRAIN,      /* list of terrain names into a uint32_t bit mask */
    HV_F_FLAGS,        /* list of flag ids into a uint32_t bit mask */
    HV_F_BY_FACTION,   /* a number for all, or a map faction/bloc -> number, into hv_by_faction */
    HV_F_BY_PAIR,      /* a number for all pairs, or faction/bloc -> faction/bloc -> number */
    HV_F_TWO_FACTIONS, /* a list of two different factions into int32_t[2] (index + 1) */
    HV_F_SKIP          /* accepted here, read by the caller (sub-sections) */
} hv_ftype;

typedef enum hv_ref_kind {
    HV_REF_FACTION,
    HV_REF_ROLE,
    HV_REF_MODULE_TYPE,
    HV_REF_RESOURCE,
    HV_REF_ASTEROID,
    HV_REF_FLAG,
    /* Stored as index + 1 so 0 means none: */
    HV_REF_MODULE_TYPE1, /* module type */
    HV_REF_FLAG1,        /* flag */
    HV_REF_EVENT1,       /* event (read once every event of the file is known) */
    HV_REF_TRAIT1,       /* trait */
    HV_REF_POLICY1       /* policy */
} hv_ref_kind;

typedef struct hv_field {
    const char *key;
    hv_ftype type;
    size_t offset;
    size_t size; /* HV_F_ID, HV_F_TEXT: buffer size */
    int required;
    int64_t min, max;
    const char *const *names; /* HV_F_ENUM: NULL-terminated */
    hv_ref_kind ref;
    const char *doc; /* one line for the key reference */
} hv_field;

/* Appends ".key" (or "key" at the root) to the path; returns the old length. */
size_t hv_ctx_push_key(hv_ctx *ctx, const char *key);
/* Appends "[index]" to the path; returns the old length. */
size_t hv_ctx_push_index(hv_ctx *ctx, size_t index);
/* Cuts the path back to LEN. */
void hv_ctx_pop(hv_ctx *ctx, size_t len);
/* Reports an error at NODE, prefixed with the current key path. */
void hv_ctx_error(hv_ctx *ctx, const hv_ynode *node, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Reports a warning at NODE, prefixed with the current key path; it does
 * not count among the errors. */
void hv_ctx_warning(hv_ctx *ctx, const hv_ynode *node, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Checks NODE is of KIND; reports and returns 0 otherwise. */
int hv_expect(hv_ctx *ctx, const hv_ynode *node, hv_ynode_kind kind);
/* Reads a whole number within MIN..MAX; returns 0 on error. */
int hv_read_int(hv_ctx *ctx, const hv_ynode *node, int64_t min, int64_t max, int64_t *out);
/* Reports NODE, an empty value whose `#` was meant as text but starts a
 * comment (see hv_ynode.comment), calling it WHAT; returns 0 if not so. */
int hv_comment_error(hv_ctx *ctx, const hv_ynode *node, const char *what);
/* Checks that NODE is an identifier of at most CAP-1 bytes; returns 0 on error. */
int hv_read_id(hv_ctx *ctx, const hv_ynode *node, char *out, size_t cap);
/* Reads map NODE into TARGET through FIELDS. SEEN, if given, gets a bit per
 * field found. With REQUIRE, missing required keys are errors. Unknown keys
 * are always errors. Returns 0 if the node was not a map. */
int hv_fields_read(hv_ctx *ctx, const hv_ynode *node, const hv_field *fields, void *target,
                   uint64_t *seen, int require);
/* Reads NODE as the value of FIELD into TARGET (the struct FIELD belongs to). */
void hv_fields_read_one(hv_ctx *ctx, const hv_ynode *node, const hv_field *field, void *target);
/* The "did you mean" hint (see hv_suggest_hint) for WORD, an unknown id
 * where one of kind REF belongs, into BUF of CAP bytes. */
const char *hv_ref_hint(const hv_ctx *ctx, hv_ref_kind ref, const char *word, char *buf,
                        size_t cap);
/* The same hint for WORD, an option policy P does not have. */
const char *hv_option_hint(const hv_policy *p, const char *word, char *buf, size_t cap);
/* Index of field KEY in FIELDS, or -1. */
int hv_fields_index(const hv_field *fields, const char *key);
/* Names of the terrain kinds, NULL-terminated ("plain", "ice", "rock"). */
extern const char *const hv_terrain_names[];
/* The character of each terrain kind in a map's rows, in the same order. */
#define HV_TERRAIN_CHARS ".~#"

/* NODE as it stands in the file, quoted and cut short for messages (into
 * BUF of CAP bytes), or the name of its kind when it is not a scalar. */
const char *hv_ynode_shown(const hv_ynode *node, char *buf, size_t cap);

#endif
