/* The level picker: the levels found in the levels folder, each with its
 * title, difficulty and briefing; a level with an error is listed with it
 * rather than hidden. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hv_file.h"
#include "hv_scr_menu.h"
#include "hv_widgets.h"

/* Difficulty as COUNT of five squares, SIZE pixels each; returns the width. */
static int pips(hv_gfx *g, int x, int y, int size, int count, uint32_t colour)
{
    int gap = size / 3 < 2 ? 2 : size / 3;
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
    static const char *const words[] = {"Unrated", "Gentle", "Fair", "Demanding", "Hard", "Brutal"};
    return d >= 1 && d <= 5 ? words[d] : words[0];
}

static uint32_t difficulty_colour(int d)
{
    return d <= 2 ? HV_C_GOOD : d == 3 ? HV_C_WARN : HV_C_ACCENT;
}

/* ---- finding the levels ------------------------------------------------ */

static void copy_str(char *dst, size_t len, const char *src)
{
    size_t n = strlen(src);
    if (n >= len)
        n = len - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* A rules file in the levels folder says `kind: rules` at the top level;
 * looking for that line spares a full load that would only fail. */
static int is_rules_file(const char *path)
{
    size_t len;
    char *text = hv_file_read_all(path, &len);
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
    /* Broken levels sink to the end, where they do not crowd the good ones. */
    int dx = x->error[0] ? 99 : x->difficulty, dy = y->error[0] ? 99 : y->difficulty;
    if (dx != dy)
        return dx < dy ? -1 : 1;
    int c = natural_compare(x->title, y->title);
    return c ? c : strcmp(x->path, y->path);
}

void hv_app_scan_levels(hv_app *app)
{
    char picked[HV_FILE_LEN] = "";
    if (app->level_pick >= 0 && app->level_pick < app->level_count)
        copy_str(picked, sizeof picked, app->levels[app->level_pick].path);
    app->level_count = 0;
    DIR *dir = opendir(app->levels_dir);
    if (!dir)
        return;
    struct dirent *d;
    while ((d = readdir(dir)) != NULL && app->level_count < HV_MAX_LEVEL_ENTRIES) {
        size_t n = strlen(d->d_name);
        if (d->d_name[0] == '.' || n < 6 || strcmp(d->d_name + n - 5, ".yaml") != 0)
            continue;
        hv_level_entry *e = &app->levels[app->level_count];
        memset(e, 0, sizeof *e);
        if (snprintf(e->path, sizeof e->path, "%s/%s", app->levels_dir, d->d_name) >=
            (int)sizeof e->path)
            continue;
        struct stat st;
        if (stat(e->path, &st) != 0 || !S_ISREG(st.st_mode) || is_rules_file(e->path))
            continue;
        hv_diag diag;
        hv_diag_init(&diag);
        hv_level *level = hv_level_load(e->path, &diag);
        if (level) {
            copy_str(e->title, sizeof e->title, level->title);
            copy_str(e->summary, sizeof e->summary, level->summary);
            e->difficulty = level->difficulty;
            hv_level_free(level);
        } else {
            const hv_diag_entry *first = first_error(&diag, e->path);
            if (first && strstr(first->message, "'rules' is not 'level'")) {
                hv_diag_free(&diag);
                continue;
            }
            copy_str(e->title, sizeof e->title, d->d_name);
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
    qsort(app->levels, (size_t)app->level_count, sizeof app->levels[0], compare_levels);
    app->level_pick = 0;
    for (int i = 0; i < app->level_count; i++)
        if (strcmp(app->levels[i].path, picked) == 0)
            app->level_pick = i;
}

/* "level_tutorial" for levels/tutorial.yaml: a name scripts can rely on. */
static void level_id(const hv_level_entry *e, char *buf, size_t len)
{
    const char *base = strrchr(e->path, '/');
    base = base ? base + 1 : e->path;
    size_t n = (size_t)snprintf(buf, len, "level_");
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
    copy_str(d->path, sizeof d->path, e->path);
    if (e->error[0])
        return;
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *level = hv_level_load(e->path, &diag);
    hv_diag_free(&diag);
    if (!level)
        return;
    copy_str(d->description, sizeof d->description, level->description);
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
        hv_gfx_text(g, HV_FONT_SMALL, 0, x + pw + pad / 2, y, HV_C_DIM,
                    difficulty_word(e->difficulty));
        snprintf(tip, sizeof tip, "%s: difficulty %d of 5 (%s). Click for its briefing.", e->title,
                 e->difficulty, difficulty_word(e->difficulty));
    }
    char id[HV_GUI_ID_LEN], alias[24];
    level_id(e, id, sizeof id);
    snprintf(alias, sizeof alias, "level_%d", i);
    hv_gui_area(&app->gui, id, hit, tip);
    hv_gui_area(&app->gui, alias, hit, tip);
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
    int ps = sh * 3 / 5;
    char label[64];
    snprintf(label, sizeof label, "Difficulty %d of 5: %s", e->difficulty,
             difficulty_word(e->difficulty));
    if (draw) {
        int pw =
            pips(g, in.x, y + (sh - ps) / 2, ps, e->difficulty, difficulty_colour(e->difficulty));
        hv_gfx_text(g, HV_FONT_SMALL, 0, in.x + pw + hv_gfx_px(g, 8), y, HV_C_DIM, label);
    }
    y += sh + gap;
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

void hv_screen_picker(hv_app *app)
{
    static level_detail detail;
    static int list_scroll;
    static uint64_t seed = 1;
    hv_gfx *g = &app->gfx;
    if (hv_menu_entered(app, HV_SCR_PICKER)) {
        /* Re-read the folder: a modder may have fixed or added a level. */
        hv_app_scan_levels(app);
        detail.path[0] = '\0';
        list_scroll = -1; /* bring the highlighted level into view */
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
    int list_h = app->level_count * row_h;
    if (list_scroll < 0) {
        int want = (app->level_pick + 1) * row_h - list.h;
        list_scroll = want > 0 ? want : 0;
    }
    hv_menu_scroll(app, list, list_h, &list_scroll);
    SDL_RenderSetClipRect(app->ren, &list);
    for (int i = 0; i < app->level_count; i++)
        picker_row(app, i, (SDL_Rect){list.x, list.y + i * row_h - list_scroll, list.w, row_h},
                   list);
    if (app->level_count == 0) {
        char msg[HV_FILE_LEN + 80];
        snprintf(msg, sizeof msg, "No levels were found in %s.", app->levels_dir);
        hv_gfx_text_wrap(g, HV_FONT_BODY, list.x + hv_gfx_px(g, 6), list.y,
                         list.w - hv_gfx_px(g, 12), HV_C_DIM, msg, 1);
    }
    SDL_RenderSetClipRect(app->ren, NULL);
    hv_menu_scrollbar(app, list, list_h, list_scroll);

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
        SDL_RenderSetClipRect(app->ren, &in);
        picker_detail(app, text, in.y - app->scroll, &detail, 1);
        SDL_RenderSetClipRect(app->ren, NULL);
        hv_menu_scrollbar(app, in, h, app->scroll);
        hv_gui_area(&app->gui, "picker_detail", in, NULL);
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
    /* The seed sits left of Start: small, as most players never touch it. */
    int sw = hv_gfx_px(g, 36), lw = hv_gfx_px(g, 110);
    SDL_Rect next = {start.x - gap - sw, foot.y, sw, foot.h};
    SDL_Rect label = {next.x - lw, foot.y, lw, foot.h};
    SDL_Rect prev = {label.x - sw, foot.y, sw, foot.h};
    if (prev.x > b.x + b.w + gap) {
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
    hv_menu_toast(app, (SDL_Rect){b.x + b.w, foot.y, prev.x - b.x - b.w, foot.h});
    hv_menu_modal(app);
}
