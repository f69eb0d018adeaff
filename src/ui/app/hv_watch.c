/* Files a modder edits while the game runs: New game reads its folders
 * again when a level is added, removed or saved, and an open game whose
 * level or rules file was saved offers to play the same seed and orders
 * again on the new version. Looked at once a second, never while nothing
 * is open that could change. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hv_app.h"
#include "hv_save.h"

#define WATCH_MS 1000

/* When PATH last changed, in nanoseconds, or -1 when it is not there. */
static int64_t changed_at(const char *path)
{
    struct stat st;
    if (!path || !path[0] || stat(path, &st) != 0)
        return -1;
    return (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
}

/* One number for New game's folders and the level it highlights: adding
 * or removing a level changes a folder, saving one changes the file. */
static uint64_t picker_stamp(const hv_app *app)
{
    /* Unsigned: the sum wraps instead of overflowing. */
    uint64_t stamp =
        (uint64_t)changed_at(app->levels_dir) * 31 + (uint64_t)changed_at(app->mods_dir);
    for (int i = 0; i < app->mod_count; i++) {
        char levels[HV_FILE_LEN + 8];
        snprintf(levels, sizeof levels, "%s/levels", app->mods[i].folder);
        stamp =
            stamp * 31 + (uint64_t)changed_at(levels) + (uint64_t)changed_at(app->mods[i].folder);
    }
    if (app->level_pick >= 0 && app->level_pick < app->level_count)
        stamp = stamp * 31 + (uint64_t)changed_at(app->levels[app->level_pick].path);
    return stamp;
}

void hv_watch_begin(hv_app *app)
{
    const hv_level *level = app->game ? app->game->level : NULL;
    app->watch_game[0] = level ? changed_at(level->file) : -1;
    app->watch_game[1] = level ? changed_at(level->rules_file) : -1;
}

int hv_watch_due_ms(const hv_app *app)
{
    if (!(app->screen == HV_SCR_PICKER || (app->game && app->screen == HV_SCR_GAME)))
        return -1;
    uint32_t since = SDL_GetTicks() - app->watch_at;
    return since >= WATCH_MS ? 0 : (int)(WATCH_MS - since);
}

int hv_watch_poll(hv_app *app)
{
    app->watch_at = SDL_GetTicks();
    if (app->screen == HV_SCR_PICKER) {
        uint64_t stamp = picker_stamp(app);
        if (stamp == app->watch_picker)
            return 0;
        int first = app->watch_picker == 0;
        app->watch_picker = stamp;
        if (first)
            return 0; /* the picker read the folders as it opened */
        hv_app_scan_levels(app);
        app->watch_picker = picker_stamp(app);
        return 1;
    }
    if (!app->game || app->modal != HV_MODAL_NONE)
        return 0;
    const hv_level *level = app->game->level;
    int64_t now[2] = {changed_at(level->file), changed_at(level->rules_file)};
    if (now[0] == app->watch_game[0] && now[1] == app->watch_game[1])
        return 0;
    /* Asked once for each save of the files, not every second after. */
    app->watch_game[0] = now[0];
    app->watch_game[1] = now[1];
    app->confirm = HV_CONFIRM_RELOAD;
    app->modal = HV_MODAL_CONFIRM;
    return 1;
}

int hv_app_reload(hv_app *app)
{
    hv_game *game = app->game;
    if (!game)
        return -1;
    /* A level that does not load is shown with its errors, and the game
     * goes on as it was: no save is written that would look for it elsewhere. */
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *fresh = hv_level_load(game->level->file, &diag);
    if (!fresh) {
        hv_app_error_diag(app, "The level cannot be reloaded",
                          "The level or its rules have errors; the game goes on as it was until "
                          "they are fixed and saved:",
                          &diag);
        hv_diag_print(&diag, stderr);
        hv_diag_free(&diag);
        return -1;
    }
    hv_level_free(fresh);
    hv_diag_free(&diag);
    /* Through a save: loading it plays the seed and orders on the files
     * as they are now, and says where they no longer fit. Written beside
     * the level (a hidden name New game skips), where a save may always
     * find its level; else in the data folder. */
    char path[HV_FILE_LEN + 64], bak[HV_FILE_LEN + 80], err[300];
    snprintf(path, sizeof path, "%s", game->level->file);
    char *slash = strrchr(path, '/');
    size_t at = slash ? (size_t)(slash - path) + 1 : 0;
    snprintf(path + at, sizeof path - at, ".happyvalley-reload.yaml");
    if (hv_save_write_origin(path, game->level, &game->state, &game->log, &game->origin, err,
                             sizeof err) != 0) {
        snprintf(path, sizeof path, "%s/saves/reload.yaml", app->data_dir);
        if (app->no_saving[0] || hv_save_write_origin(path, game->level, &game->state, &game->log,
                                                      &game->origin, err, sizeof err) != 0) {
            hv_app_error(app, err);
            return -1;
        }
    }
    int rc = hv_app_load_path(app, path, "Reloaded the level");
    snprintf(bak, sizeof bak, "%s.bak", path);
    unlink(path);
    unlink(bak);
    if (rc == 0 && app->game) {
        hv_app_toast(app, "Reloaded %s: week %d, the same seed and orders on the new version.",
                     app->game->level->title, app->game->state.turn + 1);
        app->toast_until = SDL_GetTicks() + 8000;
    }
    return rc;
}
