/* hv_schema_map: what the files of hv_schema share, private to it: what
 * it knows beyond the key tables (every key table by name, the file kinds
 * with their top tables, and for each HV_F_SKIP key the shape of its
 * value: hv_schema_map.c), and the schema being written (hv_schema.c, the
 * tables and files; hv_schema_value.c, the values of keys). */
#ifndef HV_SCHEMA_MAP_H
#define HV_SCHEMA_MAP_H

#include <stdint.h>

#include "hv_fields.h"
#include "hv_jsonw.h"
#include "hv_schema.h"

typedef enum hv_shape {
    HV_SH_SECTION,       /* a map read through table SUB */
    HV_SH_ENTRIES,       /* a map of id -> an entry read through SUB */
    HV_SH_LIST,          /* a list of entries read through SUB */
    HV_SH_OVERRIDES,     /* the keys of table SUB, less its head, all of them optional */
    HV_SH_RESOURCE_INFO, /* a map of resource id -> an entry read through SUB */
    HV_SH_FORMAT,        /* the format version */
    HV_SH_KIND,          /* the file's kind, SUB */
    HV_SH_FILE,          /* `base` or a file, relative to this one */
    HV_SH_ROWS,          /* the map's rows of terrain characters, sized by width and height */
    HV_SH_IDS,           /* a list of ids */
    HV_SH_TEXTS,         /* a list of texts of at most LEN bytes (0: any length) */
    HV_SH_ID,            /* one id */
    HV_SH_CHANGES,       /* a map of id -> whole number within -LEN..LEN */
    HV_SH_SEED,          /* a whole number of 64 bits */
    HV_SH_HASH,          /* 16 hex digits */
    HV_SH_WEEK_HASHES,   /* lines of 8 hex digits a week */
    HV_SH_REFUSED,       /* a key this kind of file refuses by name */
    HV_SH_UI_SCALE,      /* a percentage within LO..HI, 0 or `auto` */
    HV_SH_KEY_NAME       /* a key as the settings write it: Space, F1, Ctrl+S, None */
} hv_shape;

enum {
    HV_SL_STRICT = 1,  /* SUB is read with its required keys, even among overrides */
    HV_SL_HEAD = 2,    /* format, kind, extends: not among a level's overrides */
    HV_SL_ALWAYS = 4,  /* required even where the rest of the table is optional */
    HV_SL_FULL = 8,    /* LO applies only where entries must be complete */
    HV_SL_UNIQUE = 16, /* no item twice */
    HV_SL_MERGED = 32  /* only where entries merge: what a file extends is there to change */
};

/* The shape of the value of KEY (NULL: of every key) of table TABLE. */
typedef struct hv_slot {
    const char *table, *key;
    hv_shape shape;
    const char *sub;
    unsigned flags;
    int64_t lo, hi; /* entries or items at least, at most (0: no bound); UI_SCALE: the range */
    int64_t len;    /* TEXTS: bytes a text may hold; CHANGES: the bound */
} hv_slot;

/* KEY needs one of NEEDS beside it. */
typedef struct hv_dep {
    const char *key;
    const char *needs[3];
} hv_dep;

typedef struct hv_table_info {
    const char *name;
    const hv_field
        *fields; /* NULL: that of SECTION of the kind OUTSIDE, read outside the data layer */
    const char *outside, *section;
    int min_keys;       /* at least this many keys */
    const hv_dep *deps; /* ends with a NULL key; may be NULL */
    /* The enum key whose value says which other keys belong: KIND_KEYS
     * gives those needed and those allowed besides (bits per index);
     * KIND_OK, if given, the values allowed here at all. */
    const char *kind_key;
    unsigned (*kind_keys)(int32_t kind, unsigned *may);
    int (*kind_ok)(int32_t kind);
} hv_table_info;

/* A kind of file: its top table, and the key whose presence makes every
 * entry optional (a rules file that extends another). */
typedef struct hv_kind_info {
    const char *kind, *table, *merge_key, *title;
} hv_kind_info;

/* Each ends with an entry whose first member is NULL. */
extern const hv_table_info hv_schema_tables[];
extern const hv_slot hv_schema_slots[];
extern const hv_kind_info hv_schema_kinds[];

/* How a table is read (see hv_schema.c). */
enum { HV_SCHEMA_STRICT, HV_SCHEMA_MERGE, HV_SCHEMA_OVERRIDES, HV_SCHEMA_MODES };
#define HV_SCHEMA_TABLES 64 /* at most, in hv_schema_tables */

/* A schema being written. */
typedef struct hv_schema_gen {
    hv_jsonw w;
    const hv_validate_kind *more;
    unsigned char used[HV_SCHEMA_TABLES][HV_SCHEMA_MODES]; /* the definitions it needs */
} hv_schema_gen;

/* The shape of KEY of table TABLE, or NULL. (hv_schema.c) */
const hv_slot *hv_schema_slot(const char *table, const char *key);
/* How the value of slot S is read inside a table read in MODE. */
int hv_schema_child_mode(const hv_slot *s, int mode);
/* Writes the member "$ref" to the definition TABLE takes when read in MODE. */
void hv_schema_ref(hv_schema_gen *g, const char *table, int mode);

/* Writes the members of the schema of the value of field F (not
 * HV_F_SKIP); of an enum, only the names OK takes, if given. (hv_schema_value.c) */
void hv_schema_field(hv_jsonw *w, const hv_field *f, int (*ok)(int32_t));
/* Writes those of the value of slot S, a key of table PARENT read in MODE. */
void hv_schema_slot_value(hv_schema_gen *g, const hv_slot *s, const hv_field *parent, int mode);

#endif
