/* The campaign screen: the story levels in order, each won, open or still
 * locked, with what the open one starts with from the levels before it;
 * and the bookkeeping of a campaign level won in the window. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hv_scr_menu.h"
#include "hv_widgets.h"

/* The first campaign file (by name) in the levels folder's campaigns/,
 * into BUF; 0, or -1 when there is none. */
static int find_campaign(const hv_app *app, char *buf, size_t len)
{
    char dir[HV_FILE_LEN + 16];
    snprintf(dir, sizeof dir, "%s/campaigns", app->levels_dir);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char best[256] = "";
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n < 6 || n >= sizeof best ||
            strcmp(e->d_name + n - 5, ".yaml") != 0)
            continue;
        if (!best[0] || strcmp(e->d_name, best) < 0)
            memcpy(best, e->d_name, n + 1);
    }
    closedir(d);
    if (!best[0] || snprintf(buf, len, "%s/%s", dir, best) >= (int)len)
        return -1;
    return 0;
}

static void first_error(char *out, size_t len, const char *what, const hv_diag *diag)
{
    const hv_diag_entry *e = diag->count ? &diag->entries[0] : NULL;
    if (e)
        snprintf(out, len, "%s\n%s:%d:%d: %s", what, e->file, e->line, e->col, e->message);
    else
        snprintf(out, len, "%s", what);
}

void hv_app_read_campaign(hv_app *app)
{
    free(app->campaign);
    app->campaign = NULL;
    app->campaign_error[0] = '\0';
    char path[HV_FILE_LEN + 300];
    if (find_campaign(app, path, sizeof path) != 0)
        return;
    hv_campaign *c = malloc(sizeof *c);
    hv_diag diag;
    hv_diag_init(&diag);
    if (!c || hv_campaign_load(path, c, &diag) != 0) {
        first_error(app->campaign_error, sizeof app->campaign_error,
                    "The campaign cannot be played:", &diag);
        hv_diag_print(&diag, stderr);
        hv_diag_free(&diag);
        free(c);
        return;
    }
    app->campaign = c;
    hv_diag_free(&diag);
    hv_diag_init(&diag);
    char progress[HV_FILE_LEN + 64];
    hv_campaign_progress_path(app->data_dir, c->id, progress, sizeof progress);
    int read =
        app->no_saving[0] ? 0 : hv_campaign_progress_read(progress, c, &app->progress, &diag);
    if (read == 1) {
        hv_app_toast(app, "Your progress file was cut short or damaged: its backup was read.");
        fprintf(stderr, "happyvalley: note: %s was damaged or missing; read %s.bak\n", progress,
                progress);
    } else if (read != 0) {
        first_error(app->campaign_error, sizeof app->campaign_error,
                    "Your progress could not be read, so the campaign starts afresh; the file is "
                    "kept until a level is won.",
                    &diag);
        hv_diag_print(&diag, stderr);
    }
    hv_diag_free(&diag);
}

void hv_app_campaign_won(hv_app *app)
{
    hv_game *game = app->game;
    if (!game || game->origin.stage <= 0)
        return;
    hv_app_read_campaign(app);
    const hv_campaign *c = app->campaign;
    int32_t stage = game->origin.stage - 1;
    if (!c || strcmp(c->id, game->origin.campaign) != 0 || stage >= c->level_count ||
        strcmp(c->level_ids[stage], game->level->id) != 0)
        return; /* the campaign has changed since this game began */
    hv_state *start = malloc(sizeof *start);
    if (!start)
        return;
    /* The level's own first state, before the carry, is what its changes
     * are measured from. */
    hv_level_new_game(game->level, game->state.seed, start);
    int opened = hv_campaign_record_win(c, &app->progress, stage, start, &game->state);
    free(start);
    char path[HV_FILE_LEN + 64], err[300];
    hv_campaign_progress_path(app->data_dir, c->id, path, sizeof path);
    if (app->no_saving[0]) {
        hv_app_toast(app, "The campaign's progress was not saved: saving is off.");
    } else if (hv_campaign_progress_write(path, c, &app->progress, err, sizeof err) != 0) {
        hv_app_toast(app, "The campaign's progress was not saved: %s", err);
        return;
    }
    app->campaign_error[0] = '\0';
    if (opened) {
        hv_copy_str(game->opened, sizeof game->opened, c->level_titles[stage + 1]);
        app->campaign_pick = stage + 1;
    }
}

/* ---- the screen --------------------------------------------------------- */

enum { LOCKED, OPEN, WON };

static int status(const hv_app *app, int i)
{
    return i >= app->progress.reached ? LOCKED : app->progress.won[i] ? WON : OPEN;
}

static void campaign_row(hv_app *app, int i, SDL_Rect r)
{
    hv_gfx *g = &app->gfx;
    const hv_campaign *c = app->campaign;
    int st = status(app, i), selected = i == app->campaign_pick;
    if (selected) {
        hv_gfx_fill(g, r, 0x5a3a2a, 255);
        hv_gfx_fill(g, (SDL_Rect){r.x, r.y, hv_gfx_px(g, 4), r.h}, HV_C_ACCENT, 255);
    } else if (hv_gui_hover(&app->gui, r)) {
        hv_gfx_fill(g, r, HV_C_PANEL_HI, 255);
    }
    int pad = hv_gfx_px(g, 12), lh = hv_gfx_line_height(g, HV_FONT_BODY);
    int sh = hv_gfx_line_height(g, HV_FONT_SMALL);
    int y = r.y + (r.h - lh - sh) / 2, x = r.x + pad;
    char title[HV_TITLE_LEN + 16], fit[HV_TITLE_LEN + 16];
    snprintf(title, sizeof title, "%d. %s", i + 1, c->level_titles[i]);
    hv_text_fit(g, HV_FONT_BODY, 1, title, r.w - 2 * pad, fit, sizeof fit);
    hv_gfx_text(g, HV_FONT_BODY, 1, x, y, st == LOCKED ? HV_C_DIM : HV_C_TEXT, fit);
    static const char *const words[] = {"Locked", "Open: play it next", "Won"};
    static const uint32_t colours[] = {HV_C_DIM, HV_C_WARN, HV_C_GOOD};
    hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lh, colours[st], words[st]);
    char id[32], tip[HV_TIP_LEN];
    snprintf(id, sizeof id, "campaign_level_%d", i + 1);
    if (st == LOCKED)
        snprintf(tip, sizeof tip, "%s opens when %s is won.", c->level_titles[i],
                 c->level_titles[i - 1]);
    else
        snprintf(tip, sizeof tip, "%s: %s. Click for what it starts with.", c->level_titles[i],
                 st == WON ? "won; it can be played again" : "open");
    hv_gui_area(&app->gui, id, r, tip);
    if (hv_gui_clicked(&app->gui, r) && app->campaign_pick != i) {
        app->campaign_pick = i;
        app->scroll = 0;
    }
}

/* What level I starts with, one line each, into OUT. */
static void carry_text(const hv_app *app, int i, char *out, size_t len)
{
    const hv_campaign *c = app->campaign;
    const hv_carry *k = &app->progress.carry[i];
    size_t n = 0;
    out[0] = '\0';
#define ADD(...)                                                                                   \
    do {                                                                                           \
        if (n < len)                                                                               \
            n += (size_t)snprintf(out + n, len - n, __VA_ARGS__);                                  \
    } while (0)
    for (int32_t s = 0; s < k->sponsor_count; s++)
        if (k->change[s])
            ADD("%s starts %+d in standing.\n", hv_campaign_faction_name(c, k->sponsor[s]),
                k->change[s]);
    for (int32_t f = 0; f < k->flag_count; f++) {
        char words[HV_ID_LEN];
        hv_copy_str(words, sizeof words, k->flags[f]);
        for (char *ch = words; *ch; ch++)
            *ch = *ch == '_' ? ' ' : *ch;
        ADD("The story remembers: %s.\n", words);
    }
    for (int32_t p = 0; p < k->person_count; p++) {
        const hv_carry_person *cp = &k->people[p];
        if (cp->gone)
            ADD("%s is gone.\n", cp->name);
        else
            ADD("%s: health %d, morale %d, loyalty %d.\n", cp->name, cp->health, cp->morale,
                cp->loyalty);
    }
#undef ADD
    if (!out[0])
        snprintf(out, len, "%s",
                 i == 0 ? "The first level: nothing is carried into it."
                        : "Nothing carried over from the levels before it.");
}

static int detail(hv_app *app, SDL_Rect in, int y, int draw)
{
    hv_gfx *g = &app->gfx;
    const hv_campaign *c = app->campaign;
    int i = app->campaign_pick, top = y;
    y += hv_gfx_text_wrap_style(g, HV_FONT_HEAD, 1, in.x, y, in.w, HV_C_TEXT, c->level_titles[i],
                                draw);
    y += hv_gfx_px(g, 6);
    y += hv_gfx_text_wrap(g, HV_FONT_BODY, in.x, y, in.w, HV_C_TEXT, c->level_summaries[i], draw);
    y += hv_gfx_px(g, 14);
    char text[1600];
    if (status(app, i) == LOCKED) {
        snprintf(text, sizeof text, "Win %s to open this level.", c->level_titles[i - 1]);
        y += hv_gfx_text_wrap(g, HV_FONT_BODY, in.x, y, in.w, HV_C_DIM, text, draw);
        return y - top;
    }
    y += hv_gfx_text_wrap_style(g, HV_FONT_BODY, 1, in.x, y, in.w, HV_C_TEXT, "What it starts with",
                                draw);
    y += hv_gfx_px(g, 4);
    carry_text(app, i, text, sizeof text);
    y += hv_gfx_text_wrap(g, HV_FONT_BODY, in.x, y, in.w, HV_C_DIM, text, draw);
    return y - top;
}

void hv_screen_campaign(hv_app *app)
{
    hv_gfx *g = &app->gfx;
    if (hv_menu_entered(app, HV_SCR_CAMPAIGN))
        hv_app_read_campaign(app);
    app->gui.enabled = app->modal != HV_MODAL_ERROR;
    hv_menu_backdrop(app, 215, 0);
    const hv_campaign *c = app->campaign;
    SDL_Rect content = hv_menu_page(app, 1320, 0, c ? c->title : "Campaign",
                                    c ? c->summary : "The story levels, in order.");
    SDL_Rect foot = hv_menu_footer(app, content);
    SDL_Rect b = {foot.x, foot.y, hv_gfx_px(g, 120), foot.h};
    if (hv_gui_button(&app->gui, "campaign_back", b, NULL, "Back",
                      "Back to the title screen (Esc).", 0))
        hv_menu_leave(app);
    if (!c) {
        const char *why = app->campaign_error[0]
                              ? app->campaign_error
                              : "No campaign was found in the levels folder's campaigns/.";
        hv_gfx_text_wrap(g, HV_FONT_BODY, content.x, content.y, content.w, HV_C_BAD, why, 1);
        hv_menu_modal(app);
        return;
    }
    if (app->campaign_pick < 0 || app->campaign_pick >= c->level_count)
        app->campaign_pick = app->progress.reached > 0 ? app->progress.reached - 1 : 0;
    int gap = hv_gfx_px(g, 14), list_w = content.w * 36 / 100;
    list_w = list_w < hv_gfx_px(g, 220) ? hv_gfx_px(g, 220) : list_w;
    char head[48];
    snprintf(head, sizeof head, "Levels (%d of %d open)", app->progress.reached, c->level_count);
    SDL_Rect list =
        hv_gui_panel(&app->gui, (SDL_Rect){content.x, content.y, list_w, content.h}, head);
    int row_h = hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_line_height(g, HV_FONT_SMALL) +
                hv_gfx_px(g, 16);
    hv_menu_scroll(app, list, c->level_count * row_h, &app->views.campaign_scroll);
    hv_gfx_clip(&app->gfx, &list);
    for (int i = 0; i < c->level_count; i++)
        campaign_row(app, i, (SDL_Rect){list.x, list.y + i * row_h - app->views.campaign_scroll, list.w, row_h});
    hv_gfx_clip(&app->gfx, NULL);
    hv_menu_scrollbar(app, list, c->level_count * row_h, app->views.campaign_scroll);

    SDL_Rect panel = {content.x + list_w + gap, content.y, content.w - list_w - gap, content.h};
    SDL_Rect in = hv_rect_inset(hv_gui_panel(&app->gui, panel, "The level"), hv_gfx_px(g, 4));
    SDL_Rect text = {in.x, in.y, in.w - hv_gfx_px(g, 12), in.h};
    int h = detail(app, text, 0, 0);
    hv_menu_scroll(app, in, h, &app->scroll);
    hv_gfx_clip(&app->gfx, &in);
    detail(app, text, in.y - app->scroll, 1);
    hv_gfx_clip(&app->gfx, NULL);
    hv_menu_scrollbar(app, in, h, app->scroll);
    if (app->campaign_error[0])
        hv_gfx_text_wrap(g, HV_FONT_SMALL, in.x,
                         in.y + in.h - 3 * hv_gfx_line_height(g, HV_FONT_SMALL), in.w, HV_C_WARN,
                         app->campaign_error, 1);

    int i = app->campaign_pick, locked = status(app, i) == LOCKED;
    SDL_Rect play = {foot.x + foot.w - hv_gfx_px(g, 170), foot.y, hv_gfx_px(g, 170), foot.h};
    char tip[HV_TIP_LEN];
    if (locked)
        snprintf(tip, sizeof tip, "Locked: win %s first.", c->level_titles[i - 1]);
    else
        snprintf(tip, sizeof tip, "Play %s, level %d of the campaign.%s", c->level_titles[i], i + 1,
                 app->game ? "\nThe game in progress is closed; it was autosaved at the start of "
                             "this week."
                           : "");
    if (hv_gui_button(&app->gui, "campaign_play", play, NULL, "Play", tip,
                      HV_W_PRIMARY | (locked ? HV_W_DISABLED : 0))) {
        hv_origin origin;
        memset(&origin, 0, sizeof origin);
        hv_copy_str(origin.campaign, sizeof origin.campaign, c->id);
        origin.stage = i + 1;
        origin.carry = app->progress.carry[i];
        hv_app_new_game_origin(app, c->levels[i], 1, &origin);
    }
    hv_menu_toast(app, (SDL_Rect){b.x + b.w, foot.y, play.x - b.x - b.w, foot.h});
    hv_menu_modal(app);
}
