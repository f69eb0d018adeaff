/* Mods: their manifests and the folder they live in (hv_mod.h). */
#define _XOPEN_SOURCE 700
#include "hv_mod.h"

#include <dirent.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hv_file.h"

const hv_field hv_mod_fields[] = {
    {"format", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be 1"},
    {"kind", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be `mod`"},
    {"id", HV_F_ID, offsetof(hv_mod, id), HV_ID_LEN, 1, 0, 0, NULL, 0,
     "the mod's id: the name of its folder"},
    {"title", HV_F_TEXT, offsetof(hv_mod, title), HV_NAME_LEN, 1, 0, 0, NULL, 0,
     "the name New game lists its levels under"},
    {"version", HV_F_TEXT, offsetof(hv_mod, version), HV_MOD_VERSION_LEN, 1, 0, 0, NULL, 0,
     "the mod's own version, as its author numbers it (\"1.2\")"},
    {"game_format", HV_F_INT32, offsetof(hv_mod, game_format), sizeof(int32_t), 1, 1, 1000, NULL,
     0, "the format of the game's files the mod is written for (1)"},
    {"depends", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "ids of the mods it needs, a list"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

/* The folder of the manifest PATH into DIR, and that folder's own name. */
static void split_folder(const char *path, char *dir, size_t dlen, char *name, size_t nlen)
{
    snprintf(dir, dlen, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, dlen, ".");
    /* The folder's real name: "mod.yaml" alone or "./mod.yaml" lie in ".". */
    char real[PATH_MAX];
    const char *full = realpath(dir, real) ? real : dir;
    const char *last = strrchr(full, '/');
    snprintf(name, nlen, "%.*s", (int)nlen - 1, last && last[1] ? last + 1 : full);
}

static void read_depends(hv_ctx *ctx, const hv_ynode *root, hv_mod *m)
{
    const hv_ynode *list = hv_ynode_get(root, "depends");
    if (!list)
        return;
    size_t old = hv_ctx_push_key(ctx, "depends");
    if (list->kind != HV_YNODE_SEQ) {
        hv_ctx_error(ctx, list, "expected a list of mod ids, got %s",
                     hv_ynode_kind_name(list->kind));
    } else {
        for (size_t i = 0; i < list->count; i++) {
            const hv_ynode *item = list->items[i];
            size_t p = hv_ctx_push_index(ctx, i);
            char id[HV_ID_LEN] = "";
            if (m->depend_count == HV_MOD_DEPENDS)
                hv_ctx_error(ctx, item, "a mod may need at most %d others", HV_MOD_DEPENDS);
            else if (hv_read_id(ctx, item, id, sizeof id) && strcmp(id, m->id) == 0)
                hv_ctx_error(ctx, item, "a mod cannot need itself");
            else if (id[0])
                snprintf(m->depends[m->depend_count++], HV_ID_LEN, "%s", id);
            hv_ctx_pop(ctx, p);
        }
    }
    hv_ctx_pop(ctx, old);
}

int hv_mod_load(hv_mod *out, const char *path, hv_diag *diag)
{
    memset(out, 0, sizeof *out);
    char expect[HV_FILE_LEN];
    split_folder(path, out->folder, sizeof out->folder, expect, sizeof expect);
    size_t before = diag->count;
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    limits.max_bytes = 64 * 1024;
    hv_ctx ctx = {diag, path, NULL, "", 0, 0, NULL, 0};
    if (hv_ydoc_load_file(&doc, path, &limits, diag) == 0 && hv_check_format(&ctx, doc.root, "mod") &&
        hv_fields_read(&ctx, doc.root, hv_mod_fields, out, NULL, 1)) {
        const hv_ynode *id = hv_ynode_get(doc.root, "id");
        if (id && out->id[0] && strcmp(out->id, expect) != 0)
            hv_ctx_error(&ctx, id, "the mod's id '%s' must be the name of its folder, '%s'",
                         out->id, expect);
        const hv_ynode *format = hv_ynode_get(doc.root, "game_format");
        if (format && out->game_format > HV_GAME_FORMAT)
            hv_ctx_error(&ctx, format,
                         "the mod is written for format %d of the game's files; this game reads "
                         "format %d: a newer game is needed",
                         out->game_format, HV_GAME_FORMAT);
        read_depends(&ctx, doc.root, out);
    }
    hv_ydoc_free(&doc);
    return diag->count == before ? 0 : -1;
}

static int compare_mods(const void *a, const void *b)
{
    return strcmp(((const hv_mod *)a)->id, ((const hv_mod *)b)->id);
}

/* Marks M broken with the first problem in DIAG. */
static void set_broken(hv_mod *m, const hv_diag *diag, const char *path)
{
    m->broken = 1;
    if (diag->count > 0) {
        const hv_diag_entry *e = &diag->entries[0];
        snprintf(m->error, sizeof m->error, "%s:%d:%d: %s", e->file, e->line, e->col, e->message);
    } else {
        snprintf(m->error, sizeof m->error, "%.300s: cannot be read", path);
    }
}

int hv_mods_scan(const char *dir, hv_mod *out, int cap)
{
    DIR *d = dir && *dir ? opendir(dir) : NULL;
    if (!d)
        return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < cap;) {
        if (e->d_name[0] == '.')
            continue;
        char path[HV_FILE_LEN];
        if (snprintf(path, sizeof path, "%s/%s/mod.yaml", dir, e->d_name) >= (int)sizeof path)
            continue;
        struct stat st;
        char folder[HV_FILE_LEN];
        snprintf(folder, sizeof folder, "%s/%s", dir, e->d_name);
        if (stat(folder, &st) != 0 || !S_ISDIR(st.st_mode) || stat(path, &st) != 0)
            continue; /* a folder without a manifest is not a mod */
        hv_diag diag;
        hv_diag_init(&diag);
        hv_mod *m = &out[n++];
        if (hv_mod_load(m, path, &diag) != 0) {
            set_broken(m, &diag, path);
            if (!m->id[0])
                snprintf(m->id, sizeof m->id, "%.*s", HV_ID_LEN - 1, e->d_name);
            if (!m->title[0])
                snprintf(m->title, sizeof m->title, "%.*s", HV_NAME_LEN - 1, e->d_name);
        }
        hv_diag_free(&diag);
    }
    closedir(d);
    qsort(out, (size_t)n, sizeof *out, compare_mods);
    /* What a mod needs must be there and work; a chain of needs breaks at
     * its first missing link, so go round until nothing changes. */
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < out[i].depend_count && !out[i].broken; k++) {
                int found = -1;
                for (int j = 0; j < n && found < 0; j++)
                    if (strcmp(out[j].id, out[i].depends[k]) == 0)
                        found = j;
                if (found >= 0 && !out[found].broken)
                    continue;
                out[i].broken = 1;
                snprintf(out[i].error, sizeof out[i].error,
                         "%.300s/mod.yaml: needs the mod '%s', which %s", out[i].folder,
                         out[i].depends[k], found < 0 ? "is not in the mods folder" : "is broken");
                changed = 1;
            }
    }
    return n;
}
