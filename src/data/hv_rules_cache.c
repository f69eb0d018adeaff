/* The rules files a thread has loaded (hv_rules_cache.h). The cache is
 * per thread, so loading needs no lock, and it is checked against the
 * files' bytes rather than their times: a file rewritten within the same
 * clock tick, as a modder's editor or a test may do, is still seen. Reading
 * and comparing the bytes costs a small part of parsing them. */
#include <stdlib.h>
#include <string.h>

#include "hv_file.h"
#include "hv_rules_cache.h"

/* A few rules files: the shipped rules and those of the mods in use. */
#define CACHE_ENTRIES 4
/* The data folders joined, to tell a rules file's `base` apart. */
#define FOLDERS_LEN (2 * HV_FILE_LEN)

typedef struct cache_entry {
    char path[HV_FILE_LEN];
    char folders[FOLDERS_LEN];
    hv_rules_sources sources;
    hv_rules *rules; /* NULL: the entry is free */
} cache_entry;

typedef struct rules_cache {
    cache_entry entry[CACHE_ENTRIES];
    int32_t next; /* the entry to reuse when all are taken */
} rules_cache;

static _Thread_local rules_cache *cache;

/* The data folders that `base` and mods resolve against, joined into OUT;
 * 0 when they are too long to join, and rules are then not kept. */
static int data_folders(char out[FOLDERS_LEN])
{
    return hv_file_data_folders_key(out, FOLDERS_LEN);
}

int hv_rules_cache_read(hv_ydoc *doc, const char *path, const hv_ylimits *limits, hv_diag *diag,
                        hv_rules_sources *sources)
{
    char *buf = NULL;
    size_t len = 0;
    int rc = hv_ydoc_load_file_keeping(doc, path, limits, diag, &buf, &len);
    if (!sources || !buf) {
        free(buf);
    } else if (sources->count > HV_RULES_EXTENDS_DEPTH ||
               strlen(path) >= sizeof sources->file[0].path) {
        sources->incomplete = 1;
        free(buf);
    } else {
        int32_t i = sources->count++;
        memcpy(sources->file[i].path, path, strlen(path) + 1);
        sources->file[i].len = len;
        sources->file[i].bytes = buf;
    }
    return rc;
}

/* Whether every file in SOURCES holds the bytes it held. */
static int sources_unchanged(const hv_rules_sources *sources)
{
    for (int32_t i = 0; i < sources->count; i++) {
        size_t len = 0;
        char *buf = hv_file_read_capped(sources->file[i].path, sources->file[i].len, &len);
        int same =
            buf && len == sources->file[i].len && memcmp(buf, sources->file[i].bytes, len) == 0;
        free(buf);
        if (!same)
            return 0;
    }
    return 1;
}

int hv_rules_cache_find(const char *path, hv_rules *rules)
{
    if (!cache)
        return 0;
    char folders[FOLDERS_LEN];
    if (!data_folders(folders))
        return 0;
    for (int i = 0; i < CACHE_ENTRIES; i++) {
        const cache_entry *e = &cache->entry[i];
        if (e->rules && strcmp(e->path, path) == 0 && strcmp(e->folders, folders) == 0 &&
            sources_unchanged(&e->sources)) {
            memcpy(rules, e->rules, sizeof *rules);
            return 1;
        }
    }
    return 0;
}

void hv_rules_sources_init(hv_rules_sources *sources)
{
    sources->count = 0;
    sources->incomplete = 0;
}

void hv_rules_sources_free(hv_rules_sources *sources)
{
    for (int32_t i = 0; i < sources->count; i++)
        free(sources->file[i].bytes);
    sources->count = 0;
}

void hv_rules_cache_keep(const char *path, hv_rules_sources *sources, const hv_rules *rules)
{
    /* A path too long to keep, files not all noted, or folders too long to
     * tell apart are not kept. */
    char folders[FOLDERS_LEN];
    if (strlen(path) >= HV_FILE_LEN || sources->incomplete || !data_folders(folders)) {
        hv_rules_sources_free(sources);
        return;
    }
    if (!cache && !(cache = calloc(1, sizeof *cache))) {
        hv_rules_sources_free(sources);
        return;
    }
    cache_entry *e = NULL;
    for (int i = 0; i < CACHE_ENTRIES && !e; i++)
        if (!cache->entry[i].rules || strcmp(cache->entry[i].path, path) == 0)
            e = &cache->entry[i];
    if (!e) {
        e = &cache->entry[cache->next];
        cache->next = (cache->next + 1) % CACHE_ENTRIES;
    }
    if (!e->rules && !(e->rules = malloc(sizeof *e->rules))) {
        hv_rules_sources_free(sources);
        return;
    }
    memcpy(e->path, path, strlen(path) + 1);
    memcpy(e->folders, folders, sizeof folders);
    hv_rules_sources_free(&e->sources);
    e->sources = *sources;
    sources->count = 0; /* the bytes are the entry's now */
    memcpy(e->rules, rules, sizeof *rules);
}

void hv_rules_cache_clear(void)
{
    if (!cache)
        return;
    for (int i = 0; i < CACHE_ENTRIES; i++) {
        free(cache->entry[i].rules);
        hv_rules_sources_free(&cache->entry[i].sources);
    }
    free(cache);
    cache = NULL;
}
