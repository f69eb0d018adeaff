/* The level picker: the levels found in the levels folder (found by
 * hv_scr_levels_scan.c), each with its title, difficulty and briefing, and
 * how bots did on it when an audit file sits beside it; a level with an
 * error is listed with it rather than hidden. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hv_scr_menu.h"
#include "hv_widgets.h"

static int pip_gap(int size)
{
    return size / 3 < 2 ? 2 : size / 3;
}

/* Difficulty as COUNT of five squares, SIZE pixels each; returns the width. */
static int pips(hv_gfx *g, int x, int y, int size, int count, uint32_t colour)
{
    int gap = pip_gap(size);
    for (int i = 0; i < 5; i++) {
        SDL_Rect r = {x + i * (size + gap), y, size, size};
        if (i < count) {
            hv_gfx_fill(g, r, colour, 255);
        } else {
            hv_gfx_fill(g, r, 0x000000, 80);
            hv_gfx_frame(g, r, HV_C_BORDER);
        }
    }
    return 5 * size + 4 * gap;
}

static const char *difficulty_word(int d)
{
    return hv_audit_difficulty_word(d);
}

/* Where the shown difficulty comes from, for its tooltip and label. */
static const char *difficulty_source(const hv_level_entry *e)
{
    return e->rated ? "from how often the best bot wins it" : "as its author rates it";
}

static uint32_t difficulty_colour(int d)
{
    return d <= 2 ? HV_C_GOOD : d == 3 ? HV_C_WARN : HV_C_ACCENT;
}

/* ---- how bots did ------------------------------------------------------ */

/* Per mille to whole percent, half up. */
static int percent(int32_t pm)
{
    return (pm + 5) / 10;
}

/* The same scale of colours as the difficulty: bots that win
 * often make a gentle level. A stale figure is greyed. */
static uint32_t measured_colour(const hv_level_entry *e)
{
    return e->stale ? HV_C_DIM : difficulty_colour(hv_audit_difficulty(e->audit.best_win_pm));
}

/* The measured figure as the briefing says it, and its tooltip. */
static void measured_text(const hv_level_entry *e, char *text, size_t len, char *tip,
                          size_t tip_len)
{
    const hv_audit_summary *a = &e->audit;
    /* Without win goals a game is only lost or played out: bots last it. */
    const char *verb = e->lasting ? (e->stale ? "lasted the whole game in" : "lasts the whole game in")
                                  : (e->stale ? "won" : "wins");
    snprintf(text, len, "Measured: the best bot (%s) %s %d%% (%d\xe2\x80\x93%d%%) %s %d games",
             a->best_bot, verb, percent(a->best_win_pm), percent(a->low_pm), percent(a->high_pm),
             e->lasting ? "of" : "over", a->runs);
    char findings[120] = "";
    if (a->findings > 0)
        snprintf(findings, sizeof findings, "\nThe audit noted %d finding%s about its balance.",
                 a->findings, a->findings == 1 ? "" : "s");
    snprintf(tip, tip_len,
             "%sBots played this level %d times each (happyvalley audit). The best, %s, %s "
             "%d%% of its games; its true rate most likely lies between %d%% and %d%%.%s",
             e->stale ? "The level or its rules have changed since it was measured, so this "
                        "figure may no longer hold.\n"
                      : "",
             a->runs, a->best_bot, e->lasting ? "lasted the whole game in" : "won",
             percent(a->best_win_pm), percent(a->low_pm), percent(a->high_pm), findings);
}

/* The win rate as a bar as wide as the pips: solid up to the low end of
 * its likely range, lighter over the range, a mark at the rate itself. */
static void measured_bar(hv_gfx *g, SDL_Rect r, const hv_level_entry *e)
{
    uint32_t c = measured_colour(e);
    const hv_audit_summary *a = &e->audit;
    hv_gfx_fill(g, r, 0x000000, 80);
    int lo = r.w * a->low_pm / 1000, hi = r.w * a->high_pm / 1000, at = r.w * a->best_win_pm / 1000;
    hv_gfx_fill(g, (SDL_Rect){r.x, r.y, lo, r.h}, c, 255);
    hv_gfx_fill(g, (SDL_Rect){r.x + lo, r.y, hi - lo, r.h}, c, 110);
    int mark = hv_gfx_px(g, 2);
    at = at > r.w - mark ? r.w - mark : at;
    hv_gfx_fill(g, (SDL_Rect){r.x + at, r.y - mark, mark, r.h + 2 * mark}, HV_C_TEXT, 255);
    hv_gfx_frame(g, r, HV_C_BORDER);
}

/* "level_tutorial" for levels/tutorial.yaml, "level_moon_prologue" for a
 * mod moon's levels/prologue.yaml: a name scripts can rely on. */
static void level_id(const hv_app *app, const hv_level_entry *e, char *buf, size_t len)
{
    const char *base = strrchr(e->path, '/');
    base = base ? base + 1 : e->path;
    size_t n = (size_t)snprintf(buf, len, "level_");
    if (e->mod > 0 && e->mod <= app->mod_count)
        n += (size_t)snprintf(buf + n, len > n ? len - n : 0, "%s_", app->mods[e->mod - 1].id);
    if (n >= len)
        n = len - 1;
    for (const char *p = base; *p && n + 1 < len; p++) {
        if (strcmp(p, ".yaml") == 0)
            break;
        char c = *p;
        buf[n++] =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                ? c
                : '_';
    }
    buf[n] = '\0';
}

/* ---- the level picker -------------------------------------------------- */

/* What the picker shows of the highlighted level beyond its entry. */
typedef struct level_detail {
    char path[HV_FILE_LEN];
    char description[HV_DESCRIPTION_LEN];
    char goals[2048];
} level_detail;

/* Joins the lines of each paragraph: a YAML block keeps the file's line
 * breaks, which would wrap at the author's editor width, not the pane's.
 * Blank lines and lines that start a list item still break. */
static void reflow(char *text)
{
    for (char *p = strchr(text, '\n'); p; p = strchr(p + 1, '\n')) {
        const char *next = p + 1;
        int para = *next == '\n' || (p > text && p[-1] == '\n');
        int item = (next[0] == '-' || next[0] == '*') && next[1] == ' ';
        if (!para && !item && *next)
            *p = ' ';
    }
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
        text[--n] = '\0';
}

static void load_detail(level_detail *d, const hv_level_entry *e)
{
    if (strcmp(d->path, e->path) == 0)
        return;
    memset(d, 0, sizeof *d);
    hv_copy_str(d->path, sizeof d->path, e->path);
    if (e->error[0])
        return;
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *level = hv_level_load(e->path, &diag);
    hv_diag_free(&diag);
    if (!level)
        return;
    hv_copy_str(d->description, sizeof d->description, level->description);
    reflow(d->description);
    const hv_rules *rules = &level->rules;
    char text[HV_GOAL_TEXT_LEN];
    size_t n = 0;
    if (rules->win_count > 0)
        n += (size_t)snprintf(d->goals + n, sizeof d->goals - n, "To win, all at once:");
    for (int32_t i = 0; i < rules->win_count && n < sizeof d->goals; i++) {
        hv_goal_describe(rules, &rules->win[i], text, sizeof text);
        n += (size_t)snprintf(d->goals + n, sizeof d->goals - n, "\n\xe2\x80\xa2 %s",
                              level->win_text[i][0] ? level->win_text[i] : text);
    }
    if (rules->lose_count > 0 && n < sizeof d->goals)
        n += (size_t)snprintf(d->goals + n, sizeof d->goals - n,
                              "%sThe base is lost when:", n ? "\n\n" : "");
    for (int32_t i = 0; i < rules->lose_count && n < sizeof d->goals; i++) {
        hv_goal_describe(rules, &rules->lose[i], text, sizeof text);
        n += (size_t)snprintf(d->goals + n, sizeof d->goals - n, "\n\xe2\x80\xa2 %s",
                              level->lose_text[i][0] ? level->lose_text[i] : text);
    }
    hv_level_free(level);
}

static void picker_row(hv_app *app, int i, SDL_Rect r, SDL_Rect clip)
{
    hv_gfx *g = &app->gfx;
    const hv_level_entry *e = &app->levels[i];
    int selected = i == app->level_pick;
    SDL_Rect hit;
    if (!SDL_IntersectRect(&r, &clip, &hit))
        return;
    int hover = hv_gui_hover(&app->gui, hit);
    if (selected) {
        hv_gfx_fill(g, r, 0x5a3a2a, 255);
        hv_gfx_fill(g, (SDL_Rect){r.x, r.y, hv_gfx_px(g, 4), r.h}, HV_C_ACCENT, 255);
    } else if (hover) {
        hv_gfx_fill(g, r, HV_C_PANEL_HI, 255);
    }
    int pad = hv_gfx_px(g, 12), lh = hv_gfx_line_height(g, HV_FONT_BODY);
    int sh = hv_gfx_line_height(g, HV_FONT_SMALL);
    int y = r.y + (r.h - lh - sh) / 2, x = r.x + pad, right = r.x + r.w - pad;
    char fit[HV_TITLE_LEN + 8], tip[HV_TIP_LEN];
    if (e->error[0]) {
        int icon = lh;
        hv_gfx_image(g, "icons/warning",
                     (SDL_Rect){right - icon, r.y + (r.h - icon) / 2, icon, icon});
        right -= icon + pad / 2;
    }
    hv_text_fit(g, HV_FONT_BODY, 1, e->title, right - x, fit, sizeof fit);
    hv_gfx_text(g, HV_FONT_BODY, 1, x, y, e->error[0] ? HV_C_BAD : HV_C_TEXT, fit);
    y += lh;
    if (e->error[0]) {
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, y, HV_C_BAD, "Cannot be loaded");
        snprintf(tip, sizeof tip, "This level has an error and cannot be played:\n%s", e->error);
    } else {
        int ps = sh * 11 / 20,
            pw = pips(g, x, y + (sh - ps) / 2, ps, e->difficulty, difficulty_colour(e->difficulty));
        x += pw + pad / 2;
        x += hv_gfx_text(g, HV_FONT_SMALL, 0, x, y, HV_C_DIM, difficulty_word(e->difficulty));
        snprintf(tip, sizeof tip, "%s: difficulty %d of 5 (%s), %s. Click for its briefing.",
                 e->title, e->difficulty, difficulty_word(e->difficulty), difficulty_source(e));
    }
    /* The measured rate on the right of the difficulty, shortened to fit. */
    char label[48] = "", mtext[200], mtip[HV_TIP_LEN] = "";
    SDL_Rect at = {0, 0, 0, 0};
    if (!e->error[0] && e->measured) {
        measured_text(e, mtext, sizeof mtext, mtip, sizeof mtip);
        snprintf(tip + strlen(tip), sizeof tip - strlen(tip), "\n%s%s.", mtext,
                 e->stale ? ", for an earlier version of this level" : "");
        int pc = percent(e->audit.best_win_pm), lw = 0;
        for (int f = 0; f < 2; f++) {
            snprintf(label, sizeof label, "%s%d%%%s",
                     f            ? ""
                     : e->lasting ? (e->stale ? "bots lasted " : "bots last ")
                     : e->stale   ? "bots won "
                                  : "bots win ",
                     pc, e->stale ? " (old)" : "");
            hv_gfx_text_size(g, HV_FONT_SMALL, 0, label, &lw, NULL);
            if (right - x - pad >= lw)
                break;
            label[0] = '\0';
        }
        if (label[0]) {
            hv_gfx_text(g, HV_FONT_SMALL, 0, right - lw, y, measured_colour(e), label);
            at = (SDL_Rect){right - lw, y, lw, sh};
        }
    }
    char id[HV_GUI_ID_LEN], alias[24];
    level_id(app, e, id, sizeof id);
    snprintf(alias, sizeof alias, "level_%d", i);
    hv_gui_area(&app->gui, id, hit, tip);
    hv_gui_area(&app->gui, alias, hit, tip);
    SDL_Rect shown;
    if (label[0] && SDL_IntersectRect(&at, &clip, &shown)) {
        char mid[HV_GUI_ID_LEN + 16];
        snprintf(mid, sizeof mid, "%s_measured", id);
        hv_gui_area(&app->gui, mid, shown, mtip);
    }
    if (hv_gui_clicked(&app->gui, hit) && app->level_pick != i) {
        app->level_pick = i;
        app->scroll = 0;
    }
}

/* The file, then "line L, column C: message", from "FILE:LINE:COL: message";
 * a long path then cannot push the message out of the box. */
static int draw_error(hv_gfx *g, SDL_Rect box, const char *error, int draw)
{
    const char *p = error, *split = NULL;
    int line = 0, col = 0, used = 0;
    while ((p = strchr(p, ':')) != NULL) {
        if (sscanf(p, ":%d:%d: %n", &line, &col, &used) == 2 && used > 0) {
            split = p;
            break;
        }
        p++;
    }
    int pad = hv_gfx_px(g, 10), x = box.x + pad, w = box.w - 2 * pad, y = box.y + pad;
    if (!split)
        return hv_gfx_text_wrap(g, HV_FONT_BODY, x, y, w, HV_C_TEXT, error, draw) + 2 * pad;
    char file[HV_FILE_LEN], fit[HV_FILE_LEN], where[600];
    size_t n = (size_t)(split - error) < sizeof file ? (size_t)(split - error) : sizeof file - 1;
    memcpy(file, error, n);
    file[n] = '\0';
    const char *base = strrchr(file, '/');
    hv_text_fit(g, HV_FONT_SMALL, 0, base ? base + 1 : file, w, fit, sizeof fit);
    if (draw)
        hv_gfx_text(g, HV_FONT_SMALL, 1, x, y, HV_C_DIM, fit);
    y += hv_gfx_line_height(g, HV_FONT_SMALL);
    snprintf(where, sizeof where, "Line %d, column %d: %s", line, col, split + used);
    y += hv_gfx_text_wrap(g, HV_FONT_BODY, x, y, w, HV_C_TEXT, where, draw);
    return y + pad - box.y;
}

/* The line under the difficulty: how bots did, with BAR the size
 * of the pips and the text from TX; a stale figure says so below it.
 * Returns the height. */
static int picker_measured(hv_app *app, SDL_Rect in, SDL_Rect bar, int tx, int draw)
{
    hv_gfx *g = &app->gfx;
    const hv_level_entry *e = &app->levels[app->level_pick];
    int sh = hv_gfx_line_height(g, HV_FONT_SMALL), w = in.x + in.w - tx, y = bar.y;
    char text[200], tip[HV_TIP_LEN];
    const char *id = e->stale ? "picker_measured_stale" : "picker_measured";
    if (!e->measured) {
        id = "picker_audit_error";
        snprintf(text, sizeof text, "Measured: the audit file beside this level cannot be read.");
        snprintf(tip, sizeof tip, "%s", e->audit_error);
    } else {
        measured_text(e, text, sizeof text, tip, sizeof tip);
    }
    if (draw && e->measured)
        measured_bar(g, (SDL_Rect){bar.x, y + (sh - bar.h) / 2, bar.w, bar.h}, e);
    y += hv_gfx_text_wrap(g, HV_FONT_SMALL, tx, y, w, HV_C_DIM, text, draw);
    if (e->stale)
        y += hv_gfx_text_wrap(g, HV_FONT_SMALL, tx, y, w, HV_C_WARN,
                              "Measured for an earlier version of this level or its rules.", draw);
    if (draw)
        hv_view_area(app, in, id, (SDL_Rect){bar.x, bar.y, in.x + in.w - bar.x, y - bar.y}, tip);
    return y - bar.y;
}

/* The highlighted level: everything the player needs to choose. Returns the
 * content's height; draws only with DRAW. */
static int picker_detail(hv_app *app, SDL_Rect in, int y, const level_detail *d, int draw)
{
    hv_gfx *g = &app->gfx;
    const hv_level_entry *e = &app->levels[app->level_pick];
    int top = y, gap = hv_gfx_px(g, 12), sh = hv_gfx_line_height(g, HV_FONT_SMALL);
    int lh = hv_gfx_line_height(g, HV_FONT_HEAD);
    if (e->error[0]) {
        if (draw)
            hv_gfx_image(g, "icons/warning", (SDL_Rect){in.x, y, lh, lh});
        int tx = in.x + lh + hv_gfx_px(g, 8);
        y += hv_gfx_text_wrap(g, HV_FONT_HEAD, tx, y, in.w - (tx - in.x), HV_C_BAD,
                              "This level cannot be loaded", draw) +
             gap;
        y += hv_gfx_text_wrap(g, HV_FONT_BODY, in.x, y, in.w, HV_C_DIM,
                              "The file has an error, so it cannot be played until it is fixed. "
                              "The first problem found:",
                              draw) +
             gap;
        SDL_Rect box = {in.x, y, in.w, 0};
        box.h = draw_error(g, box, e->error, 0);
        if (draw) {
            hv_gfx_fill(g, box, 0x3a1a18, 255);
            hv_gfx_fill(g, (SDL_Rect){box.x, box.y, hv_gfx_px(g, 3), box.h}, HV_C_BAD, 255);
            draw_error(g, box, e->error, 1);
        }
        y += box.h + gap;
        char hint[HV_FILE_LEN + 128];
        snprintf(hint, sizeof hint,
                 "Every problem in the file, with its line and column:\nhappyvalley validate %s",
                 e->path);
        y += hv_gfx_text_wrap(g, HV_FONT_SMALL, in.x, y, in.w, HV_C_DIM, hint, draw);
        return y - top;
    }
    int tw;
    hv_gfx_text_size(g, HV_FONT_HEAD, 1, e->title, &tw, NULL);
    if (tw <= in.w) {
        if (draw)
            hv_gfx_text(g, HV_FONT_HEAD, 1, in.x, y, HV_C_TEXT, e->title);
        y += lh + gap / 2;
    } else {
        y += hv_gfx_text_wrap(g, HV_FONT_HEAD, in.x, y, in.w, HV_C_TEXT, e->title, draw) + gap / 2;
    }
    if (e->mod > 0 && e->mod <= app->mod_count) {
        const hv_mod *m = &app->mods[e->mod - 1];
        char from[HV_NAME_LEN + HV_MOD_VERSION_LEN + 32];
        snprintf(from, sizeof from, "From the mod %s, version %s", m->title, m->version);
        y += hv_gfx_text_wrap(g, HV_FONT_SMALL, in.x, y, in.w, HV_C_INFO, from, draw) + gap / 2;
    }
    int ps = sh * 3 / 5;
    char label[64];
    snprintf(label, sizeof label, "Difficulty %d of 5: %s, %s", e->difficulty,
             difficulty_word(e->difficulty), e->rated ? "measured" : "the author's");
    int pw = 5 * ps + 4 * pip_gap(ps), tx = in.x + pw + hv_gfx_px(g, 8);
    if (draw) {
        pips(g, in.x, y + (sh - ps) / 2, ps, e->difficulty, difficulty_colour(e->difficulty));
        hv_gfx_text(g, HV_FONT_SMALL, 0, tx, y, HV_C_DIM, label);
    }
    y += sh;
    if (e->measured || e->audit_error[0])
        y += picker_measured(app, in, (SDL_Rect){in.x, y + gap / 2, pw, ps}, tx, draw) + gap / 2;
    y += gap;
    y += hv_gfx_text_wrap(g, HV_FONT_BODY, in.x, y, in.w, HV_C_WARN, e->summary, draw) + gap;
    if (draw)
        hv_gfx_fill(g, (SDL_Rect){in.x, y, in.w, 1}, HV_C_BORDER, 255);
    y += gap;
    if (d->description[0])
        y +=
            hv_gfx_text_wrap(g, HV_FONT_BODY, in.x, y, in.w, HV_C_TEXT, d->description, draw) + gap;
    if (d->goals[0]) {
        SDL_Rect box = {in.x, y, in.w, 0};
        int pad = hv_gfx_px(g, 10);
        box.h = hv_gfx_text_wrap(g, HV_FONT_BODY, 0, 0, in.w - 2 * pad, 0, d->goals, 0) + 2 * pad;
        if (draw) {
            hv_gfx_fill(g, box, 0x000000, 70);
            hv_gfx_fill(g, (SDL_Rect){box.x, box.y, hv_gfx_px(g, 3), box.h}, HV_C_ACCENT, 255);
            hv_gfx_text_wrap(g, HV_FONT_BODY, box.x + pad, box.y + pad, in.w - 2 * pad, HV_C_DIM,
                             d->goals, 1);
        }
        y += box.h;
    }
    return y - top;
}

/* Whether row I begins a mod's group of levels, which a heading names. */
static int starts_group(const hv_app *app, int i)
{
    return app->levels[i].mod && (i == 0 || app->levels[i - 1].mod != app->levels[i].mod);
}

/* Where row I of the list starts below its top: the rows before it and
 * the heading of every group begun by then (I = the count: the height). */
static int row_top(const hv_app *app, int i, int row_h, int head_h)
{
    int y = i * row_h;
    for (int k = 0; k < app->level_count && k <= i; k++)
        y += starts_group(app, k) ? head_h : 0;
    return y;
}

/* A mod's name over its levels, with where it comes from as the tooltip. */
static void group_heading(hv_app *app, const hv_mod *m, SDL_Rect r)
{
    hv_gfx *g = &app->gfx;
    int pad = hv_gfx_px(g, 6), lh = hv_gfx_line_height(g, HV_FONT_SMALL);
    char id[HV_ID_LEN + 16], text[HV_NAME_LEN + HV_MOD_VERSION_LEN + 8],
        tip[HV_FILE_LEN + HV_NAME_LEN + 96];
    snprintf(id, sizeof id, "levels_mod_%s", m->id);
    snprintf(text, sizeof text, "%s %s", m->title, m->version);
    snprintf(tip, sizeof tip, "Levels of the mod %s, version %s, from %s.", m->title, m->version,
             m->folder);
    hv_gfx_fill(g, (SDL_Rect){r.x + pad, r.y + r.h - hv_gfx_px(g, 3), r.w - 2 * pad, 1},
                HV_C_BORDER, 255);
    hv_gfx_text(g, HV_FONT_SMALL, 1, r.x + pad, r.y + r.h - lh - hv_gfx_px(g, 5), HV_C_ACCENT,
                text);
    hv_gui_area(&app->gui, id, r, tip);
}

void hv_screen_picker(hv_app *app)
{
    static level_detail detail;
    static uint64_t seed = 1;
    hv_gfx *g = &app->gfx;
    if (hv_menu_entered(app, HV_SCR_PICKER)) {
        /* Re-read the folder: a modder may have fixed or added a level. */
        hv_app_scan_levels(app);
        detail.path[0] = '\0';
        app->views.levels_scroll = -1; /* bring the highlighted level into view */
    }
    if (app->level_pick >= app->level_count || app->level_pick < 0)
        app->level_pick = 0;
    app->gui.enabled = app->modal != HV_MODAL_ERROR;
    hv_menu_backdrop(app, 215, 0);
    SDL_Rect content =
        hv_menu_page(app, 1320, 0, "New game", "Choose a level. Each one teaches something new.");
    SDL_Rect foot = hv_menu_footer(app, content);
    int gap = hv_gfx_px(g, 14);
    int list_w = content.w * 36 / 100;
    list_w = list_w < hv_gfx_px(g, 220)   ? hv_gfx_px(g, 220)
             : list_w > hv_gfx_px(g, 420) ? hv_gfx_px(g, 420)
                                          : list_w;

    /* The list. */
    char title[48];
    snprintf(title, sizeof title, "Levels (%d)", app->level_count);
    SDL_Rect list =
        hv_gui_panel(&app->gui, (SDL_Rect){content.x, content.y, list_w, content.h}, title);
    list = (SDL_Rect){list.x - hv_gfx_px(g, 6), list.y, list.w + hv_gfx_px(g, 12), list.h};
    int row_h = hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_line_height(g, HV_FONT_SMALL) +
                hv_gfx_px(g, 16);
    int head_h = hv_gfx_line_height(g, HV_FONT_SMALL) + hv_gfx_px(g, 14);
    int list_h = row_top(app, app->level_count, row_h, head_h);
    if (app->views.levels_scroll < 0) {
        int want = row_top(app, app->level_pick, row_h, head_h) + row_h - list.h;
        app->views.levels_scroll = want > 0 ? want : 0;
    }
    hv_menu_scroll(app, list, list_h, &app->views.levels_scroll);
    hv_gfx_clip(&app->gfx, &list);
    for (int i = 0; i < app->level_count; i++) {
        int y = list.y + row_top(app, i, row_h, head_h) - app->views.levels_scroll;
        const hv_level_entry *e = &app->levels[i];
        SDL_Rect head = {list.x, y - head_h, list.w, head_h};
        if (starts_group(app, i) && e->mod <= app->mod_count && head.y + head.h > list.y &&
            head.y < list.y + list.h)
            group_heading(app, &app->mods[e->mod - 1], head);
        picker_row(app, i, (SDL_Rect){list.x, y, list.w, row_h}, list);
    }
    if (app->level_count == 0) {
        char msg[HV_FILE_LEN + 80];
        snprintf(msg, sizeof msg, "No levels were found in %s.", app->levels_dir);
        hv_gfx_text_wrap(g, HV_FONT_BODY, list.x + hv_gfx_px(g, 6), list.y,
                         list.w - hv_gfx_px(g, 12), HV_C_DIM, msg, 1);
    }
    hv_gfx_clip(&app->gfx, NULL);
    hv_menu_scrollbar(app, list, list_h, app->views.levels_scroll);

    /* The highlighted level. */
    SDL_Rect panel = {content.x + list_w + gap, content.y, content.w - list_w - gap, content.h};
    SDL_Rect in = hv_gui_panel(&app->gui, panel, "Briefing");
    in = hv_rect_inset(in, hv_gfx_px(g, 4));
    const hv_level_entry *e = app->level_count ? &app->levels[app->level_pick] : NULL;
    if (e) {
        load_detail(&detail, e);
        SDL_Rect text = {in.x, in.y, in.w - hv_gfx_px(g, 12), in.h};
        int h = picker_detail(app, text, 0, &detail, 0);
        hv_menu_scroll(app, in, h, &app->scroll);
        /* Before the content, so the measured figure's tooltip wins. */
        hv_gui_area(&app->gui, "picker_detail", in, NULL);
        hv_gfx_clip(&app->gfx, &in);
        picker_detail(app, text, in.y - app->scroll, &detail, 1);
        hv_gfx_clip(&app->gfx, NULL);
        hv_menu_scrollbar(app, in, h, app->scroll);
    }

    /* Back, the seed and Start. */
    SDL_Rect b = {foot.x, foot.y, hv_gfx_px(g, 120), foot.h};
    if (hv_gui_button(&app->gui, "picker_back", b, NULL, "Back", "Back to the title screen (Esc).",
                      0))
        hv_menu_leave(app);
    SDL_Rect start = {foot.x + foot.w - hv_gfx_px(g, 170), foot.y, hv_gfx_px(g, 170), foot.h};
    int broken = !e || e->error[0];
    char tip[HV_TIP_LEN];
    if (!e)
        snprintf(tip, sizeof tip, "There is no level to start.");
    else if (broken)
        snprintf(tip, sizeof tip, "This level has an error and cannot be played:\n%s", e->error);
    else
        snprintf(tip, sizeof tip, "Start %s with seed %llu.%s", e->title, (unsigned long long)seed,
                 app->game ? "\nThe game in progress is closed; it was autosaved at the start of "
                             "this week."
                           : "");
    if (hv_gui_button(&app->gui, "picker_start", start, NULL, "Start", tip,
                      HV_W_PRIMARY | (broken ? HV_W_DISABLED : 0)))
        hv_app_new_game(app, e->path, seed);
    /* The mods, beside Back: what New game lists from the mods folder. */
    SDL_Rect mods = {b.x + b.w + gap, foot.y, hv_gfx_px(g, 120), foot.h};
    char mods_label[32], mods_tip[160];
    snprintf(mods_label, sizeof mods_label, "Mods (%d)", app->mod_count);
    snprintf(mods_tip, sizeof mods_tip,
             "The mods in the mods folder: switch each on or off and choose the order New game "
             "lists their levels in.");
    if (mods.x + mods.w < start.x - gap &&
        hv_gui_button(&app->gui, "picker_mods", mods, NULL, mods_label, mods_tip, 0))
        app->screen = HV_SCR_MODS;
    /* The seed sits left of Start: small, as most players never touch it. */
    int sw = hv_gfx_px(g, 36), lw = hv_gfx_px(g, 110);
    SDL_Rect next = {start.x - gap - sw, foot.y, sw, foot.h};
    SDL_Rect label = {next.x - lw, foot.y, lw, foot.h};
    SDL_Rect prev = {label.x - sw, foot.y, sw, foot.h};
    if (prev.x > mods.x + mods.w + gap) {
        static const char seed_tip[] =
            "The seed decides the dust, the faults and the random events. The same level, seed "
            "and orders always play out the same.";
        if (hv_gui_button(&app->gui, "picker_seed_prev", prev, NULL, "\xe2\x80\xb9", seed_tip,
                          seed > 1 ? 0 : HV_W_DISABLED))
            seed--;
        char text[32];
        int tw, th;
        snprintf(text, sizeof text, "Seed %llu", (unsigned long long)seed);
        hv_gfx_text_size(g, HV_FONT_BODY, 0, text, &tw, &th);
        hv_gfx_fill(g, label, 0x000000, 90);
        hv_gfx_text(g, HV_FONT_BODY, 0, label.x + (label.w - tw) / 2, label.y + (label.h - th) / 2,
                    HV_C_TEXT, text);
        hv_gui_area(&app->gui, "picker_seed", label, seed_tip);
        if (hv_gui_button(&app->gui, "picker_seed_next", next, NULL, "\xe2\x80\xba", seed_tip,
                          seed < 999999 ? 0 : HV_W_DISABLED))
            seed++;
    }
    hv_menu_toast(app, (SDL_Rect){mods.x + mods.w, foot.y, prev.x - mods.x - mods.w, foot.h});
    hv_menu_modal(app);
}
