/* The game behind the window: starting, saving and loading, queueing
 * orders and ending weeks. Everything that changes the game goes through
 * hv_state_queue_order and hv_end_turn, exactly as `sim` does, so a game
 * played here replays headless to the same state hash. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hv_alerts.h"
#include "hv_app.h"
#include "hv_file.h"
#include "hv_sound.h"
#include "hv_turn.h"

void hv_app_toast(hv_app *app, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->toast, sizeof app->toast, fmt, ap);
    va_end(ap);
    app->toast_until = SDL_GetTicks() + 4000;
}

int hv_app_toast_shown(const hv_app *app)
{
    return app->toast[0] && !SDL_TICKS_PASSED(SDL_GetTicks(), app->toast_until);
}

void hv_app_error_titled(hv_app *app, const char *title, const char *text)
{
    snprintf(app->error_title, sizeof app->error_title, "%s", title);
    snprintf(app->error, sizeof app->error, "%s", text);
    app->modal = HV_MODAL_ERROR;
}

void hv_app_error(hv_app *app, const char *text)
{
    hv_app_error_titled(app, "Something went wrong", text);
}

/* Puts the first errors of DIAG, as FILE:LINE:COL, into the error dialog
 * titled TITLE: a file that says what is wrong with it is no failure of
 * the game's, and the title says what it means for the player. */
void hv_app_error_diag(hv_app *app, const char *title, const char *what, const hv_diag *diag)
{
    snprintf(app->error_title, sizeof app->error_title, "%s", title);
    size_t n = snprintf(app->error, sizeof app->error, "%s\n", what);
    for (size_t i = 0; i < diag->count && i < 6 && n < sizeof app->error; i++) {
        const hv_diag_entry *e = &diag->entries[i];
        n += snprintf(app->error + n, sizeof app->error - n, "\n%s:%d:%d: %s", e->file, e->line,
                      e->col, e->message);
    }
    if (diag->count > 6 && n < sizeof app->error)
        snprintf(app->error + n, sizeof app->error - n, "\n... and %zu more", diag->count - 6);
    app->modal = HV_MODAL_ERROR;
}

void hv_game_record(hv_game *game)
{
    const hv_state *s = &game->state;
    if (game->history_count == HV_HISTORY) {
        /* A very long game keeps its latest weeks. */
        memmove(game->history, game->history + 1, sizeof game->history[0] * (HV_HISTORY - 1));
        game->history_count--;
    }
    hv_week_record *w = &game->history[game->history_count++];
    memset(w, 0, sizeof *w);
    w->week = s->turn;
    memcpy(w->stock, s->stock, sizeof w->stock);
    w->nation_tension = hv_state_nation_tension(s);
    w->class_tension = s->class_tension;
    w->population = s->person_count;
    memcpy(w->tension, s->tension, sizeof w->tension);
    int64_t morale = 0, sat = 0;
    for (int32_t i = 0; i < s->person_count; i++)
        morale += s->people[i].morale;
    for (int32_t i = 0; i < s->rules->sponsor_count; i++)
        sat += s->satisfaction[i];
    w->morale = s->person_count ? (int32_t)(morale / s->person_count) : 0;
    w->satisfaction = s->rules->sponsor_count ? (int32_t)(sat / s->rules->sponsor_count) : 0;
    w->power_supply = s->power_supply;
    w->power_demand = s->power_demand;
    w->price = s->price;
}

const hv_forecast *hv_game_forecast(hv_game *game)
{
    /* Whole-state comparison: any order queued, changed or dropped, and
     * any answer given, is a change. Both copies are made with memcpy, so
     * their padding matches too. */
    if (!game->forecast_ready ||
        memcmp(&game->forecast_of, &game->state, sizeof game->state) != 0) {
        memcpy(&game->forecast_of, &game->state, sizeof game->state);
        hv_forecast_week(&game->state, &game->forecast_scratch, &game->forecast);
        game->forecast_ready = 1;
    }
    return &game->forecast;
}

static hv_game *game_alloc(void)
{
    hv_game *game = calloc(1, sizeof *game);
    if (!game)
        return NULL;
    hv_order_log_init(&game->log);
    hv_book_init(&game->book);
    game->build_type = -1;
    game->zoom = 48;
    game->cam_x = game->cam_y = -1000000; /* centre on the first draw */
    return game;
}

static void game_free(hv_gfx *g, hv_game *game)
{
    if (!game)
        return;
    hv_order_log_free(&game->log);
    hv_book_free(&game->book);
    hv_level_free(game->level);
    hv_gfx_drop_texture(g, game->picture); /* a frame being drawn may still copy it */
    free(game);
}

void hv_app_close_game(hv_app *app)
{
    game_free(&app->gfx, app->game);
    app->game = NULL;
    hv_gfx_set_mod_assets(&app->gfx, NULL);
}

/* A level of a mod (a folder a few steps up holds mod.yaml) is drawn with
 * the mod's assets/ first. */
static void use_mod_assets(hv_app *app, const char *level_file)
{
    char dir[HV_FILE_LEN], probe[HV_FILE_LEN + 16];
    snprintf(dir, sizeof dir, "%s", level_file);
    for (int up = 0; up < 3; up++) {
        char *slash = strrchr(dir, '/');
        if (!slash)
            break;
        *slash = '\0';
        snprintf(probe, sizeof probe, "%s/mod.yaml", dir[0] ? dir : "/");
        if (hv_file_is_regular(probe)) {
            snprintf(probe, sizeof probe, "%s/assets", dir);
            hv_gfx_set_mod_assets(&app->gfx, probe);
            return;
        }
    }
}

static void open_game(hv_app *app, hv_game *game)
{
    hv_app_close_game(app);
    app->game = game;
    use_mod_assets(app, game->level->file);
    hv_watch_begin(app);
    app->screen = HV_SCR_GAME;
    app->panel = HV_PANEL_NONE;
    app->modal = HV_MODAL_NONE;
    if (game->state.outcome != HV_OUTCOME_RUNNING && !game->summary_seen)
        app->modal = HV_MODAL_END;
    else if (game->state.pending >= 0)
        app->modal = HV_MODAL_EVENT;
}

int hv_app_new_game(hv_app *app, const char *path, uint64_t seed)
{
    return hv_app_new_game_origin(app, path, seed, NULL);
}

int hv_app_new_game_origin(hv_app *app, const char *path, uint64_t seed, const hv_origin *origin)
{
    /* The menus' backdrop goes before the game comes, not after: both at
     * once would be the window's peak of memory. */
    hv_gfx_layer_drop(&app->gfx);
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *level = hv_level_load(path, &diag);
    if (!level) {
        hv_app_error_diag(app, "This level cannot be played",
                        "The level file has errors; fix them and start it again:", &diag);
        hv_diag_print(&diag, stderr);
        hv_diag_free(&diag);
        return -1;
    }
    hv_diag_free(&diag);
    hv_game *game = game_alloc();
    if (!game) {
        hv_level_free(level);
        hv_app_error(app, "Out of memory.");
        return -1;
    }
    game->level = level;
    hv_level_new_game(level, seed, &game->state);
    if (origin) {
        game->origin = *origin;
        hv_carry_apply(&game->state, &origin->carry);
    }
    game->before = game->state;
    hv_game_record(game);
    open_game(app, game);
    hv_app_toast(app, "%s: week 1. Space ends the week, F1 shows the keys.", level->title);
    return 0;
}

int hv_app_queue(hv_app *app, const hv_order *order)
{
    if (!app->game)
        return -1;
    if (hv_state_queue_order(&app->game->state, order) != 0) {
        hv_app_toast(app, "The order queue is full; end the week first.");
        return -1;
    }
    return 0;
}

void hv_app_undo(hv_app *app)
{
    if (!app->game)
        return;
    if (hv_state_undo_order(&app->game->state) == 0)
        hv_app_toast(app, "Dropped the last order.");
    else
        hv_app_toast(app, "No order to undo this week.");
}

uint32_t hv_app_end_guard_left(const hv_app *app)
{
    uint32_t now = SDL_GetTicks();
    return SDL_TICKS_PASSED(now, app->end_guard_until) ? 0 : app->end_guard_until - now;
}

void hv_app_press_end_week(hv_app *app)
{
    uint32_t at = app->input_at;
    if (!SDL_TICKS_PASSED(at, app->end_guard_until)) {
        /* Hammering the button keeps the guard up: one week per press the
         * player means, however fast the presses come. Presses queued
         * while the week was played are older than the guard and leave it. */
        if (SDL_TICKS_PASSED(at + HV_END_WEEK_GUARD, app->end_guard_until))
            app->end_guard_until = at + HV_END_WEEK_GUARD;
        return;
    }
    hv_app_end_turn(app);
}

void hv_app_queue_priority(hv_app *app, int32_t module, int32_t value)
{
    if (!app->game)
        return;
    hv_state *s = &app->game->state;
    for (int32_t i = 0; i < s->order_count; i++) {
        hv_order *o = &s->orders[i];
        if (o->kind == HV_ORDER_PRIORITY && o->module == module) {
            o->value = value;
            return;
        }
    }
    hv_order o = {0};
    o.kind = HV_ORDER_PRIORITY;
    o.module = module;
    o.value = value;
    hv_app_queue(app, &o);
}

void hv_app_leave_now(hv_app *app, hv_confirm what)
{
    app->modal = HV_MODAL_NONE;
    if (what == HV_CONFIRM_RELOAD) {
        hv_app_reload(app);
        return;
    }
    if (what == HV_CONFIRM_QUIT) {
        app->quit = 1;
        return;
    }
    hv_app_close_game(app);
    app->screen = HV_SCR_MENU;
}

void hv_app_leave(hv_app *app, hv_confirm what)
{
    /* Every week played is in the autosave; only this week's orders are not. */
    if (app->game && app->game->state.order_count > 0) {
        app->confirm = what;
        app->modal = HV_MODAL_CONFIRM;
        return;
    }
    hv_app_leave_now(app, what);
}

void hv_app_answer(hv_app *app, int c)
{
    hv_game *game = app->game;
    if (!game || game->state.pending < 0 || game->state.pending >= game->state.rules->event_count)
        return;
    const hv_state *s = &game->state;
    const hv_event_def *ev = &s->rules->events[s->pending];
    if (c < 0 || c >= ev->choice_count)
        return;
    int answered = hv_state_queued_answer(s);
    if (answered >= 0) {
        /* The dialog was opened again over an answer given earlier. */
        app->modal = HV_MODAL_NONE;
        hv_app_toast(app, "Already answered: %s.",
                     answered < ev->choice_count ? ev->choices[answered].text : "?");
        return;
    }
    hv_order o = {0};
    o.kind = HV_ORDER_ANSWER;
    o.value = c;
    if (hv_app_queue(app, &o) == 0) {
        app->modal = HV_MODAL_NONE;
        hv_app_toast(app, "Answered: %s.", ev->choices[c].text);
    }
}

/* Saves GAME to PATH. Once that write has made a save the game was found
 * damaged in good again, later writes keep its previous version as usual. */
static int write_save(hv_game *game, const char *path, char *err, size_t err_len)
{
    if (hv_save_write_origin(path, game->level, &game->state, &game->log, &game->origin, err,
                             err_len) != 0)
        return -1;
    if (strcmp(game->origin.damaged, path) == 0)
        game->origin.damaged[0] = '\0';
    return 0;
}

void hv_app_end_turn(hv_app *app)
{
    hv_game *game = app->game;
    if (!game)
        return;
    hv_state *s = &game->state;
    if (s->outcome != HV_OUTCOME_RUNNING && !s->play_on) {
        app->modal = HV_MODAL_END;
        return;
    }
    if (s->pending >= 0 && hv_state_queued_answer(s) < 0) {
        app->modal = HV_MODAL_EVENT;
        return;
    }
    if (hv_order_log_add_week(&game->log, s) != 0) {
        hv_app_toast(app, "Out of memory: the week was not ended.");
        return;
    }
    game->before = *s;
    hv_report_clear(&game->report);
    if (hv_end_turn(s, &game->report) != HV_TURN_DONE)
        return;
    hv_order_log_end_week(&game->log, s); /* without memory the save goes without week hashes */
    app->end_guard_until = SDL_GetTicks() + HV_END_WEEK_GUARD;
    game->played = 1;
    hv_game_record(game);
    if (hv_book_add(&game->book, &game->before, s, &game->report) != 0)
        fprintf(stderr, "happyvalley: out of memory: week %d's report is not kept\n", s->turn);
    hv_sound_week(&game->before, s, &game->report);
    if (s->outcome == HV_OUTCOME_WON && game->before.outcome == HV_OUTCOME_RUNNING)
        hv_app_campaign_won(app);
    int stepped = s->step > game->before.step;
    int alerts = hv_alerts_collect(game);
    if (s->outcome != HV_OUTCOME_RUNNING && !game->summary_seen)
        app->modal = HV_MODAL_END;
    else if (s->pending >= 0)
        app->modal = HV_MODAL_EVENT;
    else if (alerts > 0) /* an event comes first; its alerts wait in the list */
        app->modal = HV_MODAL_ALERTS;
    char path[HV_FILE_LEN + 64], err[300];
    hv_save_slot_path(app->data_dir, 0, path, sizeof path);
    if (app->no_saving[0])
        hv_app_toast(app, "Week %d begins. Saving is off.", s->turn + 1);
    else if (write_save(game, path, err, sizeof err) != 0)
        hv_app_toast(app, "Week %d. The autosave failed: %s", s->turn + 1, err);
    else if (stepped)
        hv_app_toast(app, "Week %d begins. Step done: %s.", s->turn + 1,
                     s->rules->steps[s->step - 1].title);
    else
        hv_app_toast(app, "Week %d begins.", s->turn + 1);
}

int hv_app_save_slot(hv_app *app, int slot)
{
    if (!app->game)
        return -1;
    char path[HV_FILE_LEN + 64], err[300];
    hv_save_slot_path(app->data_dir, slot, path, sizeof path);
    if (app->no_saving[0]) {
        hv_app_error(app, app->no_saving);
        return -1;
    }
    if (write_save(app->game, path, err, sizeof err) != 0) {
        char text[400];
        snprintf(text, sizeof text, "The game was not saved.\n\n%s", err);
        hv_app_error(app, text);
        return -1;
    }
    hv_app_toast(app, "Saved to slot %d.", slot);
    return 0;
}

/* Keeps each replayed week of a loaded save as history, and the last
 * week's report, so the charts need no second replay. */
static void watch_week(const hv_state *before, const hv_state *after, const hv_report *report,
                       void *ctx)
{
    hv_game *game = ctx;
    if (!report) {
        /* A new start: a load that tried another way first. */
        game->history_count = 0;
        game->played = 0;
        hv_book_clear(&game->book);
    }
    if (report) {
        game->report = *report;
        game->before = *before;
        game->played = 1;
        if (hv_book_add(&game->book, before, after, report) != 0)
            fprintf(stderr, "happyvalley: out of memory: week %d's report is not kept\n",
                    after->turn);
    } else {
        game->before = *after; /* no week played yet */
    }
    game->state = *after;
    hv_game_record(game);
}

int hv_app_load_slot(hv_app *app, int slot)
{
    char path[HV_FILE_LEN + 64], what[32];
    hv_save_slot_path(app->data_dir, slot, path, sizeof path);
    if (app->no_saving[0]) {
        hv_app_error(app, app->no_saving);
        return -1;
    }
    snprintf(what, sizeof what, "Loaded slot %d", slot);
    return hv_app_load_path(app, path, what);
}

int hv_app_load_path(hv_app *app, const char *path, const char *what)
{
    hv_gfx_layer_drop(&app->gfx); /* as hv_app_new_game_origin does */
    hv_game *game = game_alloc();
    if (!game) {
        hv_app_error(app, "Out of memory.");
        return -1;
    }
    hv_diag diag;
    hv_diag_init(&diag);
    hv_save_watch watch = {watch_week, game};
    hv_state *loaded = malloc(sizeof *loaded);
    hv_save_notes *notes = malloc(sizeof *notes);
    if (!loaded || !notes ||
        hv_save_load_noting(path, &game->level, loaded, &game->log, &game->origin, &diag, &watch,
                            notes) != 0) {
        free(loaded);
        free(notes);
        hv_app_error_diag(app, "This save cannot be loaded", "The save file has errors:", &diag);
        hv_diag_free(&diag);
        game_free(&app->gfx, game);
        return -1;
    }
    hv_diag_free(&diag);
    game->state = *loaded; /* the unfinished week's orders queued again */
    free(loaded);
    game->summary_seen = game->state.outcome != HV_OUTCOME_RUNNING && game->state.play_on;
    open_game(app, game);
    hv_app_toast(app, "%s: week %d.", what, game->state.turn + 1);
    if (notes->text[0]) {
        /* The whole story on stderr; the short one where the player looks. */
        char shown[sizeof notes->text * 4];
        hv_diag_clean(shown, sizeof shown, notes->text);
        fprintf(stderr, "happyvalley: note: %s\n", shown);
        hv_app_toast(app, "%s%s%s", notes->from_backup ? "The save was damaged: loaded its backup. " : "",
                     notes->level_moved ? "The level moved; found by its id. " : "",
                     notes->differs ? "The level or rules changed: this game now differs from the "
                                      "one saved."
                                    : "");
        app->toast_until = SDL_GetTicks() + 12000;
    }
    free(notes);
    return 0;
}
