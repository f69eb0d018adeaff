/* The window's life: start-up, the event loop that sleeps until input
 * comes, screenshots and timed frames for benchmarks. Input is in
 * hv_input.c. */
#define _POSIX_C_SOURCE 200809L
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
/* Under callgrind, the benchmark's frames are counted one by one
 * (scripts/bench-ui.sh): its client request costs next to nothing
 * outside valgrind, and a build without valgrind's headers goes without. */
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define HV_FRAME_COUNTED() CALLGRIND_DUMP_STATS
#endif
#endif
#ifndef HV_FRAME_COUNTED
#define HV_FRAME_COUNTED() ((void)0)
#endif

#include "hv_app.h"
#include "hv_file.h"
#include "hv_living.h"
#include "hv_paths.h"
#include "hv_save_level.h"
#include "hv_script.h"
#include "hv_sound.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Assets and levels are in the game's data folder (hv_paths.h). Without
 * one the game would show placeholder art and no levels: it says where it
 * looked instead. */
static int find_dirs(hv_app *app)
{
    const char *root = hv_paths_data();
    if (!root) {
        fprintf(stderr, "happyvalley: %s\n", hv_paths_data_how());
        return hv_paths_data_failure();
    }
    snprintf(app->asset_dir, sizeof app->asset_dir, "%.*s/assets", HV_FILE_LEN - 8, root);
    snprintf(app->levels_dir, sizeof app->levels_dir, "%.*s/levels", HV_FILE_LEN - 8, root);
    return 0;
}

/* 100% at 96 DPI, in steps of 25, within 100..300. */
static int scale_from_dpi(void)
{
    float ddpi = 0;
    if (SDL_GetDisplayDPI(0, &ddpi, NULL, NULL) != 0 || ddpi <= 0)
        return 100;
    int s = (int)(ddpi / 96.0f * 4.0f + 0.5f) * 25;
    return s < 100 ? 100 : s > 300 ? 300 : s;
}

int hv_app_scale_fit(const hv_app *app)
{
    int w = 0, h = 0;
    if (!app->ren || SDL_GetRendererOutputSize(app->ren, &w, &h) != 0 || w <= 0 || h <= 0)
        return 300;
    int fit = w * 100 / HV_LAYOUT_W;
    if (h * 100 / HV_LAYOUT_H < fit)
        fit = h * 100 / HV_LAYOUT_H;
    return fit < HV_SCALE_MIN ? HV_SCALE_MIN : fit;
}

int hv_app_scale(const hv_app *app)
{
    int wanted = app->opt.scale          ? app->opt.scale
                 : app->settings.ui_scale ? app->settings.ui_scale
                                          : scale_from_dpi();
    int fit = hv_app_scale_fit(app);
    return wanted < fit ? wanted : fit;
}

/* ---- drawing a frame --------------------------------------------------- */

/* The window's title names the level and week, and the alerts while they
 * are open, so a player in another window (or a window manager's list)
 * sees what waits; the window also asks for attention when alerts open. */
static void show_title(hv_app *app)
{
    char title[sizeof app->title];
    const hv_game *game = app->game;
    if (game && app->screen == HV_SCR_GAME && app->modal == HV_MODAL_ALERTS && !game->alerts_all)
        snprintf(title, sizeof title, "Happy Valley - %s, week %d - %d alert%s", game->level->title,
                 game->state.turn + 1, game->alerts_new, game->alerts_new == 1 ? "" : "s");
    else if (game && app->screen == HV_SCR_GAME)
        snprintf(title, sizeof title, "Happy Valley - %s, week %d", game->level->title,
                 game->state.turn + 1);
    else
        snprintf(title, sizeof title, "Happy Valley");
    if (!app->win || strcmp(title, app->title) == 0)
        return;
    if (strstr(title, " alert") && !strstr(app->title, " alert"))
        SDL_FlashWindow(app->win, SDL_FLASH_UNTIL_FOCUSED);
    snprintf(app->title, sizeof app->title, "%s", title);
    SDL_SetWindowTitle(app->win, title);
}

/* Draws the current screen. The base view, whose drawing all goes
 * through hv_gfx, is recorded, and with a renderer that keeps its pixels
 * only what changed since its last frame is drawn again (hv_gfx_finish).
 * Returns 1 when the whole window was drawn. */
static int frame(hv_app *app)
{
    /* A message about the game is no news on the menus. */
    if (app->drawn == HV_SCR_GAME && app->screen != HV_SCR_GAME)
        app->toast[0] = '\0';
    app->drawn = app->screen;
    app->toast_drawn = 0;
    int recorded = app->screen == HV_SCR_GAME && app->game && hv_gfx_keeps_frame(&app->gfx);
    if (recorded)
        hv_gfx_begin_recorded(&app->gfx);
    else
        hv_gfx_begin(&app->gfx);
    /* A window made smaller than the scale allows lowers the scale. */
    int scale = hv_app_scale(app);
    if (scale != app->gfx.scale)
        hv_gfx_set_scale(&app->gfx, scale);
    hv_gui_begin(&app->gui);
    switch (app->screen) {
    case HV_SCR_MENU:
        hv_screen_menu(app);
        break;
    case HV_SCR_PICKER:
        hv_screen_picker(app);
        break;
    case HV_SCR_LOAD:
        hv_screen_load(app);
        break;
    case HV_SCR_SETTINGS:
        hv_screen_settings(app);
        break;
    case HV_SCR_CAMPAIGN:
        hv_screen_campaign(app);
        break;
    case HV_SCR_MODS:
        hv_screen_mods(app);
        break;
    case HV_SCR_GAME:
        /* The menus' backdrop (8 MB at 1920x1080) is not kept through a
         * game: leaving it paints it again, the art from the art cache. */
        hv_gfx_layer_drop(&app->gfx);
        if (app->game)
            hv_screen_game(app);
        else
            app->screen = HV_SCR_MENU;
        break;
    }
    hv_gui_end(&app->gui);
    show_title(app);
    hv_sound_follow(app);
    if (app->screen != HV_SCR_GAME && app->drawn == HV_SCR_GAME)
        app->toast[0] = '\0'; /* left the game in this frame */
    return recorded ? hv_gfx_finish(&app->gfx) : 1;
}

void hv_app_frame(hv_app *app)
{
    frame(app);
}

int hv_app_frame_map(hv_app *app)
{
    /* A recorded frame draws only what moved; any other draws it all. */
    return !frame(app);
}

int hv_app_screenshot(hv_app *app, const char *path)
{
    int w = app->gfx.w, h = app->gfx.h;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return -1;
    int rc = SDL_RenderReadPixels(app->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch);
    const char *why = rc == 0 ? NULL : SDL_GetError();
    /* Our own FILE, flushed and closed here, so that a full disk is an
     * error and not a truncated picture reported as written. */
    FILE *fp = why ? NULL : fopen(path, "wb");
    if (!why && !fp)
        why = strerror(errno);
    SDL_RWops *rw = fp ? SDL_RWFromFP(fp, SDL_FALSE) : NULL;
    if (fp && (!rw || IMG_SavePNG_RW(s, rw, 1) != 0))
        why = SDL_GetError();
    if (fp && (fflush(fp) != 0 || ferror(fp)) && !why)
        why = strerror(errno ? errno : EIO);
    if (fp && fclose(fp) != 0 && !why)
        why = strerror(errno);
    SDL_FreeSurface(s);
    if (why) {
        char message[600];
        snprintf(message, sizeof message, "cannot write the screenshot: %s", why);
        hv_diag_print_one(stderr, path, 0, 0, message);
    }
    return why ? -1 : 0;
}

/* ---- start-up ---------------------------------------------------------- */

static int open_window(hv_app *app)
{
    int w = app->opt.width ? app->opt.width : app->settings.width;
    int h = app->opt.height ? app->opt.height : app->settings.height;
    /* A size from the settings file may be anything in its range: never
     * more than the display shows, or one frame could take minutes. */
    SDL_Rect usable;
    if (!app->opt.width && SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w >= 640 &&
        usable.h >= 360) {
        w = w > usable.w ? usable.w : w;
        h = h > usable.h ? usable.h : h;
    } else if (!app->opt.width) {
        w = w > 3840 ? 3840 : w;
        h = h > 2160 ? 2160 : h;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    /* With the software renderer, present the window's pixels directly
     * too: otherwise SDL loads an OpenGL driver just to show them. */
    const char *driver = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    if (driver && strcmp(driver, "software") == 0)
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (app->settings.fullscreen && !app->opt.screenshot && !app->opt.script)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    app->win = SDL_CreateWindow("Happy Valley", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                                h, flags);
    if (!app->win) {
        fprintf(stderr, "happyvalley: cannot open a window: %s\n", SDL_GetError());
        return -1;
    }
    SDL_SetWindowMinimumSize(app->win, 640, 360);
    app->ren = SDL_CreateRenderer(app->win, -1, 0);
    if (!app->ren) {
        fprintf(stderr, "happyvalley: cannot draw in the window: %s\n", SDL_GetError());
        return -1;
    }
    return 0;
}

/* The settings live in the config folder, or beside the saves in a data
 * folder chosen with --data-dir (hv_paths_settings_file). */
static void find_settings(hv_app *app)
{
    char note[HV_FILE_LEN * 2 + 64], err[HV_FILE_LEN + 128];
    if (hv_paths_settings_file(app->data_dir, app->opt.data_dir != NULL, app->settings_path,
                               sizeof app->settings_path, note, sizeof note, err,
                               sizeof err) == 0) {
        if (note[0])
            fprintf(stderr, "happyvalley: %s\n", note);
        return;
    }
    /* Where they were kept before is better than nowhere. */
    snprintf(app->settings_path, sizeof app->settings_path, "%s/settings.yaml", app->data_dir);
    fprintf(stderr, "happyvalley: warning: %s; the settings stay in %s\n", err, app->settings_path);
}

static int start(hv_app *app, const hv_ui_options *o)
{
    memset(app, 0, sizeof *app);
    app->opt = *o;
    app->rebinding = -1;
    int missing = find_dirs(app);
    if (missing)
        return missing;
    hv_settings_defaults(&app->settings);
    char err[600];
    /* Without a data folder the game still plays; it only cannot keep
     * anything, and says so. */
    if (hv_file_data_dir(o->data_dir, app->data_dir, sizeof app->data_dir, err, sizeof err) != 0) {
        app->data_dir[0] = '\0';
        snprintf(app->no_saving, sizeof app->no_saving,
                 "Saving is off: %s. Games, settings and campaign progress will not be kept "
                 "(choose another folder with --data-dir).",
                 err);
        char shown[sizeof app->no_saving * 4];
        hv_diag_clean(shown, sizeof shown, app->no_saving);
        fprintf(stderr, "happyvalley: warning: %s\n", shown);
    } else {
        find_settings(app);
    }
    /* A save's level is looked for in the shipped data and in the player's folder. */
    hv_file_set_data_folders(hv_paths_data(), app->data_dir);
    if (o->mods_dir)
        snprintf(app->mods_dir, sizeof app->mods_dir, "%s", o->mods_dir);
    else if (app->data_dir[0])
        snprintf(app->mods_dir, sizeof app->mods_dir, "%.*s/mods", HV_FILE_LEN - 8, app->data_dir);
    hv_file_set_mods_folder(o->mods_dir);
    /* Writes cut short by a crash (saves, settings, campaign progress)
     * leave temporary files; a minute old, no game is still writing them. */
    if (app->data_dir[0]) {
        char saves[HV_FILE_LEN + 64];
        snprintf(saves, sizeof saves, "%s/saves", app->data_dir);
        hv_file_clean_folder_temps(app->data_dir, 60);
        hv_file_clean_folder_temps(saves, 60);
    }
    hv_diag diag;
    hv_diag_init(&diag);
    int bad_settings =
        hv_settings_load(&app->settings, app->data_dir[0] ? app->settings_path : NULL, &diag) != 0;
    if (bad_settings)
        hv_diag_print(&diag, stderr);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr,
                "happyvalley: cannot start the display: %s\n"
                "  (no display? try `happyvalley play LEVEL --terminal`)\n",
                SDL_GetError());
        hv_diag_free(&diag);
        return 1;
    }
    if (TTF_Init() != 0 || open_window(app) != 0) {
        hv_diag_free(&diag);
        return 1;
    }
    IMG_Init(IMG_INIT_PNG);
    if (hv_gfx_init(&app->gfx, app->ren, app->asset_dir, hv_app_scale(app)) != 0) {
        hv_diag_free(&diag);
        return 1;
    }
    app->gui.g = &app->gfx;
    char cache[HV_FILE_LEN];
    /* Without HOME there is no cache: the art is rasterised every run. */
    if (hv_paths_cache_dir(cache, sizeof cache, NULL, 0) == 0)
        hv_gfx_set_cache_dir(&app->gfx, cache);
    /* A picture or a timing has nothing to hear. */
    if (!o->screenshot && o->frames <= 0) {
        char dir[HV_FILE_LEN + 16];
        snprintf(dir, sizeof dir, "%s/sounds", app->asset_dir);
        hv_sound_volumes(app->settings.effects_volume, app->settings.ambience_volume,
                         app->settings.mute);
        hv_sound_open(dir);
    }
    /* The levels are read when New game or Mods opens, not here: loading
     * every level would hold up the menu's first frame. */
    if (bad_settings && diag.count > 0) {
        snprintf(app->error_title, sizeof app->error_title, "Your settings were not read");
        snprintf(
            app->error, sizeof app->error,
            "Your settings file could not be read, so the defaults are in use.\n\n%s:%d:%d: %s",
            diag.entries[0].file, diag.entries[0].line, diag.entries[0].col,
            diag.entries[0].message);
        app->modal = HV_MODAL_ERROR;
    }
    hv_diag_free(&diag);
    if (app->no_saving[0])
        hv_app_toast(app, "%s", app->no_saving);
    if (o->level) {
        /* A run that cannot be watched (a screenshot, a script, a timing)
         * must fail on a level that cannot be played, not go on at the menu. */
        if (hv_app_new_game(app, o->level, o->seed) != 0 &&
            (o->screenshot || o->script || o->frames > 0))
            return 2;
    }
    return 0;
}

static void stop(hv_app *app)
{
    hv_sound_close();
    hv_app_close_game(app);
    free(app->campaign);
    app->campaign = NULL;
    hv_gfx_free(&app->gfx);
    if (app->ren)
        SDL_DestroyRenderer(app->ren);
    if (app->win)
        SDL_DestroyWindow(app->win);
    IMG_Quit();
    if (TTF_WasInit())
        TTF_Quit();
    SDL_Quit();
}

/* CPU time of the calling thread, in ms: a frame's own cost, which the
 * other work of a busy machine does not add to as it does to the clock. */
static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Draws FRAMES frames of the current screen and prints how long they took,
 * in CPU time and by the clock. Each frame is one step of the base's
 * animation on from the last, as an idle window draws them: the walkers
 * and the dust move in every one. (A frame in which nothing changes draws
 * nothing, and would measure only the widgets' pass.) */
static void bench_frames(hv_app *app, int frames, double started)
{
    double first = 0, total = 0, worst = 0, wall = 0, wall_worst = 0;
    uint32_t clock = app->clock ? app->clock : SDL_GetTicks();
    for (int i = 0; i < frames; i++) {
        app->clock = clock + (uint32_t)i * (1000 / HV_LIVING_FPS);
        double t0 = now_ms(), c0 = cpu_ms();
        hv_app_frame(app);
        SDL_RenderPresent(app->ren);
        HV_FRAME_COUNTED();
        double dt = cpu_ms() - c0, dw = now_ms() - t0;
        if (i == 0)
            first = now_ms() - started;
        total += dt;
        worst = dt > worst ? dt : worst;
        wall += dw;
        wall_worst = dw > wall_worst ? dw : wall_worst;
        /* Every tenth frame the map moves a pixel, as under a scrolling
         * player's hand. */
        if (i % 10 == 9 && app->game)
            app->game->cam_x ^= 1;
    }
    /* Peak resident memory, as the kernel counts it. */
    long peak_kb = -1;
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "VmHWM: %ld kB", &peak_kb) == 1)
            break;
    if (f)
        fclose(f);
    printf("%dx%d at %d%%: %d frames, %.2f ms mean, %.2f ms worst of CPU (by the clock %.2f "
           "and %.2f); first frame %.1f ms after start; peak memory %ld MB\n",
           app->gfx.w, app->gfx.h, app->gfx.scale, frames, total / frames, worst, wall / frames,
           wall_worst, first, peak_kb / 1024);
}

int hv_ui_run(const hv_ui_options *options)
{
    double started = now_ms();
    hv_app *app = calloc(1, sizeof *app);
    if (!app) {
        fprintf(stderr, "happyvalley: out of memory\n");
        return 1;
    }
    int rc = start(app, options);
    if (rc != 0) {
        stop(app);
        free(app);
        return rc;
    }
    if (options->script)
        rc = hv_script_run(app, options->script);
    if (options->frames > 0) {
        if (rc == 0)
            bench_frames(app, options->frames, started);
    } else if (options->script) {
        /* done */
    } else if (options->screenshot) {
        hv_app_frame(app);
        rc = hv_app_screenshot(app, options->screenshot) == 0 ? 0 : 1;
    } else {
        hv_app_frame(app);
        SDL_RenderPresent(app->ren);
        int drawn_last = 1;
        while (!app->quit) {
            SDL_Event ev;
            /* Sleep until something happens, a message is due to go or the
             * map's next frame is due: an idle game costs nothing. */
            int wait = hv_living_wait_ms(app);
            if (hv_app_toast_shown(app)) {
                Uint32 left = app->toast_until - SDL_GetTicks() + 1;
                wait = wait >= 0 && (Uint32)wait < left ? wait : (int)(left > 60000 ? 60000 : left);
            }
            /* The files a modder edits are looked at once a second; a look
             * that finds nothing new draws nothing. */
            int watch = hv_watch_due_ms(app), for_watch = watch >= 0 && (wait < 0 || watch < wait);
            if (for_watch)
                wait = watch;
            int toast = hv_app_toast_shown(app);
            int got = wait >= 0 ? SDL_WaitEventTimeout(&ev, wait) : SDL_WaitEvent(&ev);
            if (!got && wait < 0)
                break;
            /* Woken by the clock alone, with the same message showing: only
             * the map moved, and only the map is drawn again. */
            int map_only = !got && toast == hv_app_toast_shown(app) && drawn_last;
            if (!got && for_watch) {
                if (!hv_watch_poll(app))
                    continue;
                map_only = 0;
            }
            while (got && !app->quit) {
                hv_app_handle(app, &ev);
                got = SDL_PollEvent(&ev);
            }
            if (app->quit)
                break;
            /* Nothing is drawn while nobody can see it. */
            drawn_last = !hv_living_hidden(app);
            if (drawn_last && map_only)
                hv_app_frame_map(app);
            else if (drawn_last)
                hv_app_frame(app);
            hv_gui_consume(&app->gui);
            SDL_RenderPresent(app->ren);
        }
    }
    stop(app);
    free(app);
    return rc;
}
