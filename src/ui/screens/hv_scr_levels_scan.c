/* Finding the levels for the picker: every level file in the levels
 * folder and in each mod's levels/ folder, loaded to show its title and
 * difficulty (or its first error), with the audit file beside it when
 * there is one, sorted for the list: the game's own first, then each
 * mod's under its name. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hv_app.h"
#include "hv_file.h"
#include "hv_yaml.h"

/* A rules file in the levels folder says `kind: rules` at the top level;
 * looking for that line spares a full load that would only fail. */
static int is_rules_file(const char *path)
{
    size_t len;
    char *text = hv_file_read_capped(path, hv_ylimits_default().max_bytes, &len);
    if (!text)
        return 0;
    int rules = 0;
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        if (strncmp(p, "kind:", 5) != 0)
            continue;
        p += 5;
        p += strspn(p, " \t\"'");
        rules = strncmp(p, "rules", 5) == 0 && strchr(" \t\"'\r\n#", p[5] ? p[5] : ' ');
        break;
    }
    free(text);
    return rules;
}

/* The error the player sees first: the earliest in the level's own file,
 * else the earliest anywhere (a broken rules file it names). */
static const hv_diag_entry *first_error(const hv_diag *diag, const char *path)
{
    const hv_diag_entry *best = NULL;
    for (int own = 1; own >= 0 && !best; own--)
        for (size_t i = 0; i < diag->count; i++) {
            const hv_diag_entry *e = &diag->entries[i];
            if (own && strcmp(e->file, path) != 0)
                continue;
            if (!best || e->line < best->line || (e->line == best->line && e->col < best->col))
                best = e;
        }
    return best;
}

/* Case-blind, with runs of digits compared as numbers: "Part 2" < "Part 10". */
static int natural_compare(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
            char *ea, *eb;
            unsigned long long x = strtoull(a, &ea, 10), y = strtoull(b, &eb, 10);
            if (x != y)
                return x < y ? -1 : 1;
            a = ea;
            b = eb;
            continue;
        }
        int ca = SDL_tolower((unsigned char)*a), cb = SDL_tolower((unsigned char)*b);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        a++;
        b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}

static int compare_levels(const void *a, const void *b)
{
    const hv_level_entry *x = a, *y = b;
    if (x->mod != y->mod)
        return x->mod < y->mod ? -1 : 1;
    /* Broken levels sink to the end, where they do not crowd the good ones. */
    int dx = x->error[0] ? 99 : x->difficulty, dy = y->error[0] ? 99 : y->difficulty;
    if (dx != dy)
        return dx < dy ? -1 : 1;
    /* Among equals, the author's order: a tutorial before the levels it
     * prepares for. */
    if (x->author_difficulty != y->author_difficulty)
        return x->author_difficulty < y->author_difficulty ? -1 : 1;
    int c = natural_compare(x->title, y->title);
    return c ? c : strcmp(x->path, y->path);
}

/* The audit file beside the level, if any: a missing one is no news, and a
 * stored digest unlike the level's own marks a figure for an older version. */
static void scan_audit(hv_level_entry *e, const hv_level *level)
{
    char path[HV_FILE_LEN + 16];
    if (hv_audit_file_path(e->path, path, sizeof path) != 0)
        return;
    if (hv_audit_file_load(path, &e->audit, e->audit_error, sizeof e->audit_error) != 0) {
        if (errno == ENOENT)
            e->audit_error[0] = '\0';
        return;
    }
    e->measured = 1;
    e->stale = e->audit.digest != hv_audit_file_digest(e->path, level->rules_file);
    /* Lasting is not winning: a level without win goals keeps its author's word. */
    e->lasting = level->rules.win_count == 0;
    e->rated = !e->stale && !e->lasting;
    if (e->rated)
        e->difficulty = hv_audit_difficulty(e->audit.best_win_pm);
}

/* Adds every level file of DIR to the list, as levels of mod MOD (index +
 * 1, 0 for the game's own). */
static void scan_folder(hv_app *app, const char *folder, int mod)
{
    DIR *dir = opendir(folder);
    if (!dir)
        return;
    struct dirent *d;
    while ((d = readdir(dir)) != NULL && app->level_count < HV_MAX_LEVEL_ENTRIES) {
        size_t n = strlen(d->d_name);
        if (d->d_name[0] == '.' || n < 6 || strcmp(d->d_name + n - 5, ".yaml") != 0)
            continue;
        hv_level_entry *e = &app->levels[app->level_count];
        memset(e, 0, sizeof *e);
        e->mod = mod;
        if (snprintf(e->path, sizeof e->path, "%s/%s", folder, d->d_name) >= (int)sizeof e->path)
            continue;
        struct stat st;
        if (stat(e->path, &st) != 0 || !S_ISREG(st.st_mode) || is_rules_file(e->path))
            continue;
        hv_diag diag;
        hv_diag_init(&diag);
        hv_level *level = hv_level_load(e->path, &diag);
        if (level) {
            hv_copy_str(e->title, sizeof e->title, level->title);
            hv_copy_str(e->summary, sizeof e->summary, level->summary);
            e->author_difficulty = e->difficulty = level->difficulty;
            scan_audit(e, level);
            hv_level_free(level);
        } else {
            const hv_diag_entry *first = first_error(&diag, e->path);
            if (first && strstr(first->message, "'rules' is not 'level'")) {
                hv_diag_free(&diag);
                continue;
            }
            hv_copy_str(e->title, sizeof e->title, d->d_name);
            if (first)
                snprintf(e->error, sizeof e->error, "%s:%d:%d: %s", first->file, first->line,
                         first->col, first->message);
            else
                snprintf(e->error, sizeof e->error, "%.300s:0:0: cannot be loaded", d->d_name);
        }
        hv_diag_free(&diag);
        app->level_count++;
    }
    closedir(dir);
}

/* Puts the mods in the player's order (the settings' list first, the rest
 * by id) and reads which are on. */
static void order_mods(hv_app *app)
{
    const hv_settings *set = &app->settings;
    hv_mod sorted[HV_MODS_MAX];
    int on[HV_MODS_MAX], n = 0, taken[HV_MODS_MAX] = {0};
    for (int32_t c = 0; c < set->mod_count; c++)
        for (int i = 0; i < app->mod_count; i++)
            if (!taken[i] && strcmp(app->mods[i].id, set->mods[c].id) == 0) {
                taken[i] = 1;
                on[n] = set->mods[c].enabled != 0;
                sorted[n++] = app->mods[i];
            }
    for (int i = 0; i < app->mod_count; i++)
        if (!taken[i]) {
            on[n] = 1;
            sorted[n++] = app->mods[i];
        }
    memcpy(app->mods, sorted, sizeof sorted[0] * (size_t)n);
    memcpy(app->mod_on, on, sizeof on[0] * (size_t)n);
}

void hv_app_keep_mods(hv_app *app)
{
    hv_settings *set = &app->settings;
    hv_mod_choice keep[HV_SETTINGS_MODS];
    int n = 0;
    for (int i = 0; i < app->mod_count && n < HV_SETTINGS_MODS; i++) {
        snprintf(keep[n].id, sizeof keep[n].id, "%s", app->mods[i].id);
        keep[n++].enabled = app->mod_on[i];
    }
    /* Mods not here now keep their place at the end, for when they return. */
    for (int32_t c = 0; c < set->mod_count && n < HV_SETTINGS_MODS; c++) {
        int found = 0;
        for (int i = 0; i < app->mod_count && !found; i++)
            found = strcmp(app->mods[i].id, set->mods[c].id) == 0;
        if (!found)
            keep[n++] = set->mods[c];
    }
    memcpy(set->mods, keep, sizeof keep[0] * (size_t)n);
    set->mod_count = n;
    char err[300];
    if (!app->no_saving[0] && hv_settings_save(set, app->settings_path, err, sizeof err) != 0)
        hv_app_toast(app, "The mods' order was not saved: %s", err);
}

void hv_app_scan_levels(hv_app *app)
{
    char picked[HV_FILE_LEN] = "";
    if (app->level_pick >= 0 && app->level_pick < app->level_count)
        hv_copy_str(picked, sizeof picked, app->levels[app->level_pick].path);
    app->level_count = 0;
    scan_folder(app, app->levels_dir, 0);
    /* Each mod's levels; a broken mod is listed as one broken entry, so
     * its author sees why nothing of it shows. */
    app->mod_count = hv_mods_scan(app->mods_dir, app->mods, HV_MODS_MAX);
    order_mods(app);
    for (int i = 0; i < app->mod_count && app->level_count < HV_MAX_LEVEL_ENTRIES; i++) {
        const hv_mod *m = &app->mods[i];
        if (!app->mod_on[i])
            continue; /* switched off on the Mods screen */
        if (m->broken) {
            hv_level_entry *e = &app->levels[app->level_count++];
            memset(e, 0, sizeof *e);
            e->mod = i + 1;
            snprintf(e->path, sizeof e->path, "%.*s/mod.yaml", HV_FILE_LEN - 10, m->folder);
            hv_copy_str(e->title, sizeof e->title, m->title);
            hv_copy_str(e->error, sizeof e->error, m->error);
            continue;
        }
        char levels[HV_FILE_LEN + 8];
        snprintf(levels, sizeof levels, "%s/levels", m->folder);
        scan_folder(app, levels, i + 1);
    }
    qsort(app->levels, (size_t)app->level_count, sizeof app->levels[0], compare_levels);
    app->level_pick = 0;
    for (int i = 0; i < app->level_count; i++)
        if (strcmp(app->levels[i].path, picked) == 0)
            app->level_pick = i;
}
