/* hv_yaml: reads one YAML file with libyaml into a read-only node tree that
 * remembers where every node stands (line, column). Refuses hostile input
 * before it can cost time or memory: caps on file size, nesting depth,
 * node count (aliases count as the nodes they expand to), scalar length;
 * invalid UTF-8 and NUL bytes are errors. The document owns all nodes. */
#ifndef HV_YAML_H
#define HV_YAML_H

#include <stddef.h>

#include "hv_diag.h"

typedef enum hv_ynode_kind { HV_YNODE_SCALAR, HV_YNODE_SEQ, HV_YNODE_MAP } hv_ynode_kind;

typedef struct hv_ynode {
    hv_ynode_kind kind;
    int line; /* 1-based position of the node's first character */
    int col;  /* 1-based, counted in characters (UTF-8 code points) */
    /* Scalars: NUL-terminated text and its length in bytes. */
    const char *str;
    size_t len;
    int quoted; /* scalar written in quotes or as a block: never a number */
    /* An empty unquoted scalar followed on its line by a comment, as in
     * `colour: #c1440e` where the `#` was meant as text: the comment from
     * its `#` and its column. NULL and 0 otherwise. */
    const char *comment;
    int comment_col;
    /* Sequences: items[0..count). Maps: items[2*i] is a key (a scalar),
     * items[2*i+1] its value, count is the number of pairs. */
    struct hv_ynode **items;
    size_t count;
} hv_ynode;

typedef struct hv_ylimits {
    size_t max_bytes;      /* whole file */
    size_t max_depth;      /* nested sequences/maps */
    size_t max_nodes;      /* after alias expansion */
    size_t max_scalar_len; /* bytes in one scalar */
} hv_ylimits;

typedef struct hv_ydoc {
    hv_ynode *root; /* NULL for an empty file or on error */
    char *file;     /* name used in messages */
    void *arena;    /* private: every allocation of the tree */
    size_t bytes;   /* the file's length */
    size_t nodes;   /* nodes read, aliases expanded */
} hv_ydoc;

/* Limits suited to level, rules and orders files. */
hv_ylimits hv_ylimits_default(void);
/* Reads PATH into DOC; on any problem adds errors to DIAG and returns -1
 * (DOC then holds no root but must still be freed). Returns 0 on success. */
int hv_ydoc_load_file(hv_ydoc *doc, const char *path, const hv_ylimits *limits, hv_diag *diag);
/* hv_ydoc_load_file that hands the file's bytes to *BYTES (LEN of them, the
 * caller frees them) instead of freeing them, when the file could be read;
 * *BYTES is NULL otherwise. */
int hv_ydoc_load_file_keeping(hv_ydoc *doc, const char *path, const hv_ylimits *limits,
                              hv_diag *diag, char **bytes, size_t *len);
/* Same from memory; NAME is the file name used in messages. */
int hv_ydoc_load_buffer(hv_ydoc *doc, const char *name, const char *buf, size_t len,
                        const hv_ylimits *limits, hv_diag *diag);
/* Frees every node of DOC. */
void hv_ydoc_free(hv_ydoc *doc);
/* Value for KEY in map NODE, or NULL (also when NODE is not a map). */
const hv_ynode *hv_ynode_get(const hv_ynode *node, const char *key);
/* Human name of a node kind ("a map", "a list", "a value"). */
const char *hv_ynode_kind_name(hv_ynode_kind kind);

#endif
