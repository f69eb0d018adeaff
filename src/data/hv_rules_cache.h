/* hv_rules_cache: the rules files this thread has loaded cleanly, each kept
 * with the length and hash of every file it read (itself and what it
 * extends) and the data folders of the time. A level whose rules are
 * unchanged copies them instead of parsing them again, so a process that
 * loads many levels parses the shared rules file once. Owns its copies,
 * and the bytes of the files they were read from, compared whole rather
 * than by a hash, so that no change can go unseen. */
#ifndef HV_RULES_CACHE_H
#define HV_RULES_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "hv_diag.h"
#include "hv_level.h"
#include "hv_yaml.h"

/* Rules files extend one another at most this deep (deeper is a loop). */
#define HV_RULES_EXTENDS_DEPTH 8

/* The files one load of a rules file read, in order. */
typedef struct hv_rules_sources {
    int32_t count;
    int incomplete; /* a file could not be noted: these rules are not kept */
    struct {
        char path[HV_FILE_LEN];
        size_t len;
        char *bytes; /* owned */
    } file[HV_RULES_EXTENDS_DEPTH + 1];
} hv_rules_sources;

/* An empty list of files. */
void hv_rules_sources_init(hv_rules_sources *sources);
/* Frees the bytes SOURCES holds. */
void hv_rules_sources_free(hv_rules_sources *sources);

/* hv_ydoc_load_file that also keeps PATH's bytes in SOURCES. */
int hv_rules_cache_read(hv_ydoc *doc, const char *path, const hv_ylimits *limits, hv_diag *diag,
                        hv_rules_sources *sources);
/* Copies the rules last kept for PATH into RULES if every file they were
 * read from still holds the same bytes and the data folders are the same;
 * returns 1 then, else 0 and RULES is untouched. */
int hv_rules_cache_find(const char *path, hv_rules *rules);
/* Keeps RULES, loaded without errors or warnings from PATH into rules fresh
 * from hv_rules_init, as read from SOURCES, whose bytes it takes over. */
void hv_rules_cache_keep(const char *path, hv_rules_sources *sources, const hv_rules *rules);
/* Forgets every rules file kept by this thread and frees the copies. */
void hv_rules_cache_clear(void);

#endif
