/* The campaign files a thread has read for lint (hv_campaign_cache.h).
 * Checked against the files' bytes, not their times, as the rules cache
 * is; the listed levels' real paths are taken when the file is read. */
#define _XOPEN_SOURCE 700
#include "hv_campaign_cache.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "hv_file.h"
#include "hv_level.h"
#include "hv_yaml.h"

/* The campaigns beside the levels validated and in the data folders. */
#define CACHE_ENTRIES 8
#define FOLDERS_LEN (2 * HV_FILE_LEN)

typedef struct cache_entry {
    char *path; /* NULL: the entry is free */
    char folders[FOLDERS_LEN];
    char *bytes;
    size_t len;
    hv_campaign_carries carries; /* its strings and lists are the entry's */
} cache_entry;

typedef struct campaign_cache {
    cache_entry entry[CACHE_ENTRIES];
    int next; /* the entry to reuse when all are taken */
} campaign_cache;

static _Thread_local campaign_cache *cache;

static void entry_free(cache_entry *e)
{
    for (int32_t i = 0; i < e->carries.level_count; i++)
        free((char *)e->carries.levels[i]);
    for (int32_t i = 0; i < e->carries.flag_count; i++)
        free((char *)e->carries.flags[i]);
    free(e->carries.levels);
    free(e->carries.flags);
    free((char *)e->carries.id);
    free(e->bytes);
    free(e->path);
    memset(e, 0, sizeof *e);
}

static char *copy_text(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    return copy ? memcpy(copy, s, n) : NULL;
}

/* What ROOT, the tree of the campaign file PATH, carries into C; 0, or -1
 * when out of memory. */
static int read_carries(const char *path, const hv_ynode *root, hv_campaign_carries *c)
{
    const hv_ynode *kind = root ? hv_ynode_get(root, "kind") : NULL;
    const hv_ynode *id = root ? hv_ynode_get(root, "id") : NULL;
    const hv_ynode *levels = root ? hv_ynode_get(root, "levels") : NULL;
    const hv_ynode *carry = root ? hv_ynode_get(root, "carry") : NULL;
    const hv_ynode *flags = carry ? hv_ynode_get(carry, "flags") : NULL;
    c->carries = kind && kind->kind == HV_YNODE_SCALAR && strcmp(kind->str, "campaign") == 0 &&
                 levels && levels->kind == HV_YNODE_SEQ && flags && flags->kind == HV_YNODE_SEQ;
    if (!c->carries)
        return 0;
    if (!(c->id = copy_text(id && id->kind == HV_YNODE_SCALAR ? id->str : "(no id)")) ||
        !(c->levels = calloc(levels->count + 1, sizeof *c->levels)) ||
        !(c->flags = calloc(flags->count + 1, sizeof *c->flags)))
        return -1;
    for (size_t i = 0; i < levels->count; i++) {
        char file[PATH_MAX], real[PATH_MAX];
        const hv_ynode *item = levels->items[i];
        if (item->kind != HV_YNODE_SCALAR || hv_file_resolve(file, sizeof file, path, item->str) ||
            !realpath(file, real))
            continue;
        if (!(c->levels[c->level_count] = copy_text(real)))
            return -1;
        c->level_count++;
    }
    for (size_t i = 0; i < flags->count; i++) {
        if (flags->items[i]->kind != HV_YNODE_SCALAR)
            continue;
        if (!(c->flags[c->flag_count] = copy_text(flags->items[i]->str)))
            return -1;
        c->flag_count++;
    }
    return 0;
}

/* The entry to read PATH into: its own, a free one, or the oldest. */
static cache_entry *entry_for(const char *path)
{
    for (int i = 0; i < CACHE_ENTRIES; i++)
        if (cache->entry[i].path && strcmp(cache->entry[i].path, path) == 0)
            return &cache->entry[i];
    for (int i = 0; i < CACHE_ENTRIES; i++)
        if (!cache->entry[i].path)
            return &cache->entry[i];
    cache_entry *e = &cache->entry[cache->next];
    cache->next = (cache->next + 1) % CACHE_ENTRIES;
    return e;
}

const hv_campaign_carries *hv_campaign_cache_get(const char *path)
{
    hv_ylimits limits = hv_ylimits_default();
    char folders[FOLDERS_LEN];
    size_t len = 0;
    char *bytes = hv_file_read_capped(path, limits.max_bytes, &len);
    if (!bytes || !hv_file_data_folders_key(folders, sizeof folders) ||
        (!cache && !(cache = calloc(1, sizeof *cache)))) {
        free(bytes);
        return NULL;
    }
    cache_entry *e = entry_for(path);
    if (e->path && strcmp(e->folders, folders) == 0 && e->len == len &&
        memcmp(e->bytes, bytes, len) == 0) {
        free(bytes);
        return &e->carries;
    }
    entry_free(e);
    hv_ydoc doc;
    hv_diag quiet;
    hv_diag_init(&quiet);
    int read = hv_ydoc_load_buffer(&doc, path, bytes, len, &limits, &quiet) == 0;
    int rc = read_carries(path, read ? doc.root : NULL, &e->carries);
    hv_ydoc_free(&doc);
    hv_diag_free(&quiet);
    e->path = copy_text(path);
    e->bytes = bytes;
    e->len = len;
    memcpy(e->folders, folders, sizeof folders);
    if (rc != 0 || !e->path) {
        entry_free(e);
        return NULL;
    }
    return &e->carries;
}

void hv_campaign_cache_clear(void)
{
    if (!cache)
        return;
    for (int i = 0; i < CACHE_ENTRIES; i++)
        entry_free(&cache->entry[i]);
    free(cache);
    cache = NULL;
}
