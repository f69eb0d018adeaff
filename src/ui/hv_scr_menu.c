/* The screens outside the base: the title menu, the level picker and the
 * load screen, plus the drawing they share with the settings screen
 * (hv_scr_settings.c). They are laid out from the window's size and the
 * font heights, so they hold together from 640x360 logical pixels (a
 * 1280x720 window at 200%) up to 4K. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "hv_app.h"
#include "hv_file.h"

#ifndef HV_VERSION
#define HV_VERSION "0.1.0"
#endif

/* Shared with hv_scr_settings.c, which declares them the same way. */
int hv_menu_entered(hv_app *app, hv_screen screen);
void hv_menu_backdrop(hv_app *app, int dim);
int hv_menu_margin(hv_app *app);
SDL_Rect hv_menu_page(hv_app *app, int max_units, int body_h, const char *title,
                      const char *subtitle);
SDL_Rect hv_menu_footer(hv_app *app, SDL_Rect above);
void hv_menu_toast(hv_app *app, SDL_Rect bar);
void hv_menu_modal(hv_app *app);
void hv_menu_fit(hv_gfx *g, hv_font_size size, int bold, const char *text, int width, char *out,
                 size_t len);
int hv_menu_scroll(hv_app *app, SDL_Rect area, int content_h, int *scroll);
void hv_menu_scrollbar(hv_app *app, SDL_Rect area, int content_h, int scroll);
void hv_menu_leave(hv_app *app);

/* ---- shared drawing ---------------------------------------------------- */

int hv_menu_entered(hv_app *app, hv_screen screen)
{
    /* A screen drawn in the frame before this one is still open; anything
     * else means the player just arrived and its lists should be re-read. */
    static uint32_t last[HV_SCR_GAME + 1];
    int fresh = last[screen] == 0 || last[screen] + 1 != app->gfx.frame;
    last[screen] = app->gfx.frame;
    if (fresh)
        app->scroll = 0;
    return fresh;
}

/* A triangle wave of period P, from 0 to P / 2. */
static int tri(int x, int p)
{
    int v = x % p;
    return v < p / 2 ? v : p - v;
}

/* Mars at dusk, for when assets/title.svg is missing: a full-screen magenta
 * placeholder would make the menu unreadable rather than merely plain. */
static void fallback_backdrop(hv_gfx *g)
{
    static const uint32_t top = 0x1b1420, horizon = 0x7a3a26, ground = 0x3a2219;
    int horizon_y = g->h * 62 / 100, strips = 48;
    for (int i = 0; i < strips; i++) {
        int y0 = horizon_y * i / strips, y1 = horizon_y * (i + 1) / strips;
        uint32_t c = 0;
        for (int k = 0; k < 3; k++) {
            int a = (int)(top >> (16 - 8 * k)) & 255, b = (int)(horizon >> (16 - 8 * k)) & 255;
            int t = i * i; /* the glow hugs the horizon */
            c |= (uint32_t)(a + (b - a) * t / (strips * strips)) << (16 - 8 * k);
        }
        hv_gfx_fill(g, (SDL_Rect){0, y0, g->w, y1 - y0}, c, 255);
    }
    hv_gfx_fill(g, (SDL_Rect){0, horizon_y, g->w, g->h - horizon_y}, ground, 255);
    /* Two ranges of jagged hills give the horizon some depth; x is taken
     * in thousandths of the width so they keep their shape at any size. */
    for (int x = 0; x < g->w; x += 2) {
        int u = x * 1000 / (g->w > 0 ? g->w : 1);
        int far = 20 + tri(u + 130, 310) * 60 / 155 + tri(u, 97) * 16 / 48;
        int near = 8 + tri(u + 40, 420) * 34 / 210 + tri(u + 11, 61) * 8 / 30;
        far = g->h * far / 1000;
        near = g->h * near / 1000;
        hv_gfx_fill(g, (SDL_Rect){x, horizon_y - far, 2, far}, 0x5a2c1f, 255);
        hv_gfx_fill(g, (SDL_Rect){x, horizon_y - near, 2, near + 1}, 0x4a261b, 255);
    }
}

void hv_menu_backdrop(hv_app *app, int dim)
{
    hv_gfx *g = &app->gfx;
    if (hv_gfx_image_ok(g, "title")) {
        /* Cover the window, keeping the art's 16:9; anchor the left edge
         * so the calm third the menu sits on stays in view. */
        int w = g->w, h = g->w * 1080 / 1920;
        if (h < g->h) {
            h = g->h;
            w = g->h * 1920 / 1080;
        }
        hv_gfx_image(g, "title", (SDL_Rect){0, (g->h - h) / 2, w, h});
    } else {
        fallback_backdrop(g);
    }
    if (dim)
        hv_gfx_fill(g, (SDL_Rect){0, 0, g->w, g->h}, HV_C_SKY, dim);
}

int hv_menu_margin(hv_app *app)
{
    int m = hv_gfx_px(&app->gfx, 28), cap = app->gfx.w / 28;
    return m < cap ? m : cap;
}

/* Text with a soft shadow, readable on any part of the backdrop. */
static int shadow_text(hv_gfx *g, hv_font_size size, int bold, int x, int y, uint32_t colour,
                       const char *text)
{
    int d = hv_gfx_px(g, 2) < 1 ? 1 : hv_gfx_px(g, 2);
    hv_gfx_text(g, size, bold, x + d, y + d, HV_C_SHADOW, text);
    return hv_gfx_text(g, size, bold, x, y, colour, text);
}

#define FOOTER_H 40
#define FOOTER_GAP 14

SDL_Rect hv_menu_page(hv_app *app, int max_units, int body_h, const char *title,
                      const char *subtitle)
{
    hv_gfx *g = &app->gfx;
    int m = hv_menu_margin(app), w = g->w - 2 * m;
    /* Lines of text much wider than this are hard to follow on a big screen. */
    w = w > hv_gfx_px(g, max_units) ? hv_gfx_px(g, max_units) : w;
    /* On a short window (a small one, or a big scale) the page needs every
     * line it can get: a smaller title and no subtitle. */
    int compact = g->h < hv_gfx_px(g, 520);
    hv_font_size font = compact ? HV_FONT_HEAD : HV_FONT_TITLE;
    if (compact)
        subtitle = NULL;
    int head = hv_gfx_line_height(g, font) + hv_gfx_px(g, compact ? 2 + 8 + 8 : 2 + 8 + 14) +
               (subtitle ? hv_gfx_line_height(g, HV_FONT_BODY) : 0);
    int foot = hv_gfx_px(g, FOOTER_H) + hv_gfx_px(g, FOOTER_GAP);
    /* A short page sits a little above the middle, like a dialog. */
    int spare = g->h - 2 * m - head - foot - (body_h > 0 ? body_h : 0);
    int x = (g->w - w) / 2, y = m + (body_h > 0 && spare > 0 ? spare * 2 / 5 : 0);
    shadow_text(g, font, 1, x, y, HV_C_TEXT, title);
    y += hv_gfx_line_height(g, font) + hv_gfx_px(g, 2);
    hv_gfx_fill(g, (SDL_Rect){x, y, hv_gfx_px(g, 64), hv_gfx_px(g, 3)}, HV_C_ACCENT, 255);
    y += hv_gfx_px(g, 8);
    if (subtitle) {
        char fit[200];
        hv_menu_fit(g, HV_FONT_BODY, 0, subtitle, w, fit, sizeof fit);
        shadow_text(g, HV_FONT_BODY, 0, x, y, HV_C_DIM, fit);
        y += hv_gfx_line_height(g, HV_FONT_BODY);
    }
    y += hv_gfx_px(g, compact ? 8 : 14);
    int bottom = g->h - m - foot;
    if (body_h > 0 && y + body_h < bottom)
        bottom = y + body_h;
    return (SDL_Rect){x, y, w, bottom - y};
}

SDL_Rect hv_menu_footer(hv_app *app, SDL_Rect above)
{
    hv_gfx *g = &app->gfx;
    return (SDL_Rect){above.x, above.y + above.h + hv_gfx_px(g, FOOTER_GAP), above.w,
                      hv_gfx_px(g, FOOTER_H)};
}

void hv_menu_toast(hv_app *app, SDL_Rect bar)
{
    if (!app->toast[0] || SDL_TICKS_PASSED(SDL_GetTicks(), app->toast_until))
        return;
    hv_gfx *g = &app->gfx;
    int tw, th;
    hv_gfx_text_size(g, HV_FONT_BODY, 0, app->toast, &tw, &th);
    shadow_text(g, HV_FONT_BODY, 0, bar.x + (bar.w - tw) / 2, bar.y + (bar.h - th) / 2, HV_C_WARN,
                app->toast);
}

void hv_menu_modal(hv_app *app)
{
    app->gui.enabled = 1;
    if (app->modal == HV_MODAL_ERROR)
        hv_dialog_error(app);
}

void hv_menu_fit(hv_gfx *g, hv_font_size size, int bold, const char *text, int width, char *out,
                 size_t len)
{
    snprintf(out, len, "%s", text);
    int w;
    hv_gfx_text_size(g, size, bold, out, &w, NULL);
    size_t n = strlen(out);
    while (w > width && n > 0) {
        /* Back off one UTF-8 character and any space before it. */
        do
            n--;
        while (n > 0 && ((unsigned char)out[n] & 0xc0) == 0x80);
        while (n > 0 && out[n - 1] == ' ')
            n--;
        if (n + 4 <= len)
            memcpy(out + n, "\xe2\x80\xa6", 4); /* … */
        else
            out[n] = '\0';
        hv_gfx_text_size(g, size, bold, out, &w, NULL);
    }
}

int hv_menu_scroll(hv_app *app, SDL_Rect area, int content_h, int *scroll)
{
    if (app->gui.wheel && hv_gui_hover(&app->gui, area)) {
        *scroll -= app->gui.wheel * hv_gfx_line_height(&app->gfx, HV_FONT_BODY) * 3;
        app->gui.wheel = 0;
    }
    int max = content_h - area.h;
    if (*scroll > max)
        *scroll = max;
    if (*scroll < 0)
        *scroll = 0;
    return *scroll;
}

void hv_menu_scrollbar(hv_app *app, SDL_Rect area, int content_h, int scroll)
{
    if (content_h <= area.h || content_h <= 0)
        return;
    hv_gfx *g = &app->gfx;
    int w = hv_gfx_px(g, 4) < 2 ? 2 : hv_gfx_px(g, 4);
    SDL_Rect track = {area.x + area.w - w, area.y, w, area.h};
    int th = area.h * area.h / content_h, min = hv_gfx_px(g, 24);
    th = th < min ? min : th;
    int ty = area.y + (int)((int64_t)(area.h - th) * scroll / (content_h - area.h));
    hv_gfx_fill(g, track, 0x000000, 90);
    hv_gfx_fill(g, (SDL_Rect){track.x, ty, w, th}, HV_C_BORDER, 255);
}

void hv_menu_leave(hv_app *app)
{
    app->rebinding = -1;
    app->screen = app->game ? HV_SCR_GAME : HV_SCR_MENU;
}

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

/* "Tue 4 Mar 2025, 14:05" in local time. */
static void format_saved_at(int64_t t, char *buf, size_t len)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char day[32], month[32];
    if (t <= 0 || !localtime_r(&tt, &tm) || strftime(day, sizeof day, "%a", &tm) == 0 ||
        strftime(month, sizeof month, "%b", &tm) == 0) {
        snprintf(buf, len, "date unknown");
        return;
    }
    /* By hand: strftime pads the day of the month with a space or a zero. */
    snprintf(buf, len, "%s %d %s %d, %02d:%02d", day, tm.tm_mday, month, tm.tm_year + 1900,
             tm.tm_hour, tm.tm_min);
}

/* A save's header, or why it cannot be read. */
typedef struct slot_info {
    int state; /* 0 empty, 1 readable, -1 damaged */
    hv_save_info info;
    char error[400];
    char when[128];
} slot_info;

static void read_slot(hv_app *app, int slot, slot_info *out)
{
    char path[HV_FILE_LEN + 64];
    hv_save_slot_path(app->data_dir, slot, path, sizeof path);
    memset(out, 0, sizeof *out);
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    hv_diag diag;
    hv_diag_init(&diag);
    if (hv_save_read_info(path, &out->info, &diag) == 0) {
        out->state = 1;
        format_saved_at(out->info.saved_at, out->when, sizeof out->when);
    } else {
        out->state = -1;
        if (diag.count)
            snprintf(out->error, sizeof out->error, "%s:%d:%d: %s", diag.entries[0].file,
                     diag.entries[0].line, diag.entries[0].col, diag.entries[0].message);
        else
            snprintf(out->error, sizeof out->error, "%.300s cannot be read.", path);
    }
    hv_diag_free(&diag);
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

/* ---- the title menu ---------------------------------------------------- */

/* The game's name, larger than any of the UI's fonts: rendered once in
 * white at the size asked and tinted when drawn, for the shadow too. */
typedef struct big_text {
    SDL_Texture *tex;
    int w, h, pt;
} big_text;

static big_text *title_text(hv_gfx *g, int pt)
{
    static big_text t;
    if (t.tex && t.pt == pt)
        return &t;
    if (t.tex)
        SDL_DestroyTexture(t.tex);
    memset(&t, 0, sizeof t);
    t.pt = pt;
    TTF_Font *font = TTF_OpenFont(g->bold_path[0] ? g->bold_path : g->font_path, pt);
    if (!font)
        return &t;
    SDL_Surface *surf =
        TTF_RenderUTF8_Blended(font, "Happy Valley", (SDL_Color){255, 255, 255, 255});
    TTF_CloseFont(font);
    if (!surf)
        return &t;
    t.tex = SDL_CreateTextureFromSurface(g->ren, surf);
    t.w = surf->w;
    t.h = surf->h;
    SDL_FreeSurface(surf);
    if (t.tex)
        SDL_SetTextureBlendMode(t.tex, SDL_BLENDMODE_BLEND);
    return &t;
}

/* Picks the title's size: 60 points at 100%, less if the column is narrow.
 * Returns the height it will take. */
static int title_size(hv_gfx *g, int max_w, int *pt)
{
    *pt = 60 * g->scale / 100;
    big_text *t = title_text(g, *pt);
    if (t->tex && t->w > max_w) {
        *pt = *pt * max_w / t->w;
        t = title_text(g, *pt);
    }
    return t->tex ? t->h : hv_gfx_line_height(g, HV_FONT_TITLE);
}

static void draw_title(hv_gfx *g, int x, int y, int pt)
{
    big_text *t = title_text(g, pt);
    if (!t->tex) {
        shadow_text(g, HV_FONT_TITLE, 1, x, y, HV_C_TEXT, "Happy Valley");
        return;
    }
    int d = hv_gfx_px(g, 3) < 1 ? 1 : hv_gfx_px(g, 3);
    SDL_SetTextureColorMod(t->tex, 0, 0, 0);
    SDL_SetTextureAlphaMod(t->tex, 150);
    SDL_RenderCopy(g->ren, t->tex, NULL, &(SDL_Rect){x + d, y + d, t->w, t->h});
    SDL_SetTextureColorMod(t->tex, HV_C_TEXT >> 16, (HV_C_TEXT >> 8) & 255, HV_C_TEXT & 255);
    SDL_SetTextureAlphaMod(t->tex, 255);
    SDL_RenderCopy(g->ren, t->tex, NULL, &(SDL_Rect){x, y, t->w, t->h});
}

/* One line of the title menu: a large label, maybe a note under it. */
static int menu_item(hv_app *app, const char *id, SDL_Rect r, const char *label, const char *note,
                     const char *tip, int disabled)
{
    hv_gfx *g = &app->gfx;
    int hover = !disabled && hv_gui_hover(&app->gui, r);
    if (hover) {
        /* A warm wash that fades out to the right, like light on the menu. */
        for (int i = 0; i < 24; i++) {
            int x0 = r.w * i / 24, x1 = r.w * (i + 1) / 24;
            hv_gfx_fill(g, (SDL_Rect){r.x + x0, r.y, x1 - x0, r.h}, HV_C_ACCENT, 80 - 80 * i / 24);
        }
        hv_gfx_fill(g, (SDL_Rect){r.x, r.y, hv_gfx_px(g, 4), r.h}, HV_C_ACCENT, 255);
    }
    int lh = hv_gfx_line_height(g, HV_FONT_HEAD), sh = hv_gfx_line_height(g, HV_FONT_SMALL);
    int with_note = note && *note && r.h >= lh + sh;
    int y = r.y + (r.h - lh - (r.h >= lh + sh ? sh : 0)) / 2, x = r.x + hv_gfx_px(g, 18);
    uint32_t fg = disabled ? 0x8a7a70 : hover ? 0xffffff : HV_C_TEXT;
    shadow_text(g, HV_FONT_HEAD, 1, x, y, fg, label);
    if (with_note) {
        char fit[160];
        hv_menu_fit(g, HV_FONT_SMALL, 0, note, r.w - (x - r.x) - hv_gfx_px(g, 8), fit, sizeof fit);
        shadow_text(g, HV_FONT_SMALL, 0, x, y + lh, disabled ? 0x8a7a70 : HV_C_DIM, fit);
    }
    hv_gui_area(&app->gui, id, r, tip);
    return !disabled && hv_gui_clicked(&app->gui, r);
}

void hv_screen_menu(hv_app *app)
{
    static slot_info autosave;
    hv_gfx *g = &app->gfx;
    if (hv_menu_entered(app, HV_SCR_MENU))
        read_slot(app, 0, &autosave);
    app->gui.enabled = app->modal != HV_MODAL_ERROR;
    hv_menu_backdrop(app, 0);
    /* Darken the left of the art so the menu reads on any backdrop. */
    int band = g->w * 42 / 100 > hv_gfx_px(g, 380) ? g->w * 42 / 100 : hv_gfx_px(g, 380);
    for (int i = 0; i < 96; i++) {
        int x0 = band * i / 96, x1 = band * (i + 1) / 96, left = 96 - i;
        hv_gfx_fill(g, (SDL_Rect){x0, 0, x1 - x0, g->h}, HV_C_SHADOW,
                    180 * left * left / (96 * 96));
    }

    int m = hv_menu_margin(app);
    int x = m + hv_gfx_px(g, 12), pt;
    int title_lh = title_size(g, band - x - m / 2, &pt);
    int item_w = band - x - m;
    int max_item = hv_gfx_px(g, 340);
    item_w = item_w > max_item ? max_item : item_w;
    int item_h = hv_gfx_line_height(g, HV_FONT_HEAD) + hv_gfx_line_height(g, HV_FONT_SMALL) +
                 hv_gfx_px(g, 10);
    int gap = hv_gfx_px(g, 4), items = 5, space = hv_gfx_px(g, 36);
    int block = title_lh + hv_gfx_px(g, 14) + hv_gfx_line_height(g, HV_FONT_HEAD) + space +
                items * (item_h + gap);
    if (block > g->h - 2 * m) {
        /* Short of room: the notes under the items go (the tooltips keep them). */
        block -= items * (item_h - hv_gfx_line_height(g, HV_FONT_HEAD) - hv_gfx_px(g, 12)) + space -
                 hv_gfx_px(g, 16);
        item_h = hv_gfx_line_height(g, HV_FONT_HEAD) + hv_gfx_px(g, 12);
        space = hv_gfx_px(g, 16);
    }
    /* Sit a little above the middle; on a short window, start at the top. */
    int y = (g->h - block) * 2 / 5;
    y = y < m ? m : y;

    draw_title(g, x, y, pt);
    y += title_lh;
    hv_gfx_fill(g, (SDL_Rect){x, y, hv_gfx_px(g, 88), hv_gfx_px(g, 3)}, HV_C_ACCENT, 255);
    y += hv_gfx_px(g, 11);
    shadow_text(g, HV_FONT_HEAD, 0, x, y, HV_C_DIM, "Mars, 2003. One base, eight flags.");
    y += hv_gfx_line_height(g, HV_FONT_HEAD) + space;

    SDL_Rect r = {x - hv_gfx_px(g, 18), y, item_w + hv_gfx_px(g, 18), item_h};
    if (menu_item(app, "menu_new", r, "New game", "Pick a level and take command",
                  "Choose a level, read its briefing and start a new base.", 0))
        app->screen = HV_SCR_PICKER;

    char note[HV_TITLE_LEN + 48], tip[HV_TIP_LEN];
    int can_continue = 1;
    if (app->game) {
        snprintf(note, sizeof note, "%s, week %d", app->game->level->title,
                 app->game->state.turn + 1);
        snprintf(tip, sizeof tip, "Back to the game in progress: %s, week %d.",
                 app->game->level->title, app->game->state.turn + 1);
    } else if (autosave.state == 1) {
        snprintf(note, sizeof note, "%s, week %d", autosave.info.title, autosave.info.week + 1);
        snprintf(tip, sizeof tip, "Load the autosave: %s, week %d.\nSaved %s.", autosave.info.title,
                 autosave.info.week + 1, autosave.when);
    } else {
        can_continue = 0;
        snprintf(note, sizeof note, autosave.state ? "The autosave is damaged" : "No autosave yet");
        if (autosave.state)
            snprintf(tip, sizeof tip, "The autosave cannot be read:\n%s\n\nLoad shows every slot.",
                     autosave.error);
        else
            snprintf(tip, sizeof tip,
                     "Nothing to continue yet. The game saves itself at the end of every week.");
    }
    r.y += item_h + gap;
    if (menu_item(app, "menu_continue", r, "Continue", note, tip, !can_continue)) {
        if (app->game)
            app->screen = HV_SCR_GAME;
        else
            hv_app_load_slot(app, 0);
    }
    r.y += item_h + gap;
    if (menu_item(app, "menu_load", r, "Load game", "Autosave and nine slots",
                  app->game ? "Open a saved game. The game in progress is closed; it was autosaved "
                              "at the start of this week."
                            : "Open a saved game: the autosave or one of nine slots.",
                  0))
        app->screen = HV_SCR_LOAD;
    r.y += item_h + gap;
    if (menu_item(app, "menu_settings", r, "Settings", "Interface scale, window, keys",
                  "Interface scale, fullscreen and key bindings.", 0))
        app->screen = HV_SCR_SETTINGS;
    r.y += item_h + gap;
    if (menu_item(app, "menu_quit", r, "Quit", NULL,
                  "Leave Happy Valley. The game saves itself at the end of every week.", 0))
        app->quit = 1;

    char version[64];
    int vw, vh;
    snprintf(version, sizeof version, "Version %s", HV_VERSION);
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, version, &vw, &vh);
    shadow_text(g, HV_FONT_SMALL, 0, g->w - vw - m / 2 - hv_gfx_px(g, 4), g->h - vh - m / 2,
                HV_C_DIM, version);
    hv_menu_toast(app,
                  (SDL_Rect){band, g->h - vh - m, g->w - 2 * band > 0 ? g->w - 2 * band : 0, vh});
    hv_menu_modal(app);
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
    hv_menu_fit(g, HV_FONT_BODY, 1, e->title, right - x, fit, sizeof fit);
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
    hv_menu_fit(g, HV_FONT_SMALL, 0, base ? base + 1 : file, w, fit, sizeof fit);
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
    hv_menu_backdrop(app, 215);
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

/* ---- the load screen --------------------------------------------------- */

static void load_row(hv_app *app, int slot, const slot_info *s, SDL_Rect r, SDL_Rect clip)
{
    hv_gfx *g = &app->gfx;
    SDL_Rect hit;
    if (!SDL_IntersectRect(&r, &clip, &hit))
        return;
    int usable = s->state != 0;
    int hover = usable && hv_gui_hover(&app->gui, hit);
    hv_gfx_fill(g, r, hover ? 0x4a3830 : HV_C_PANEL_HI, usable ? 255 : 110);
    hv_gfx_frame(g, r, hover ? HV_C_ACCENT : HV_C_BORDER);
    int pad = hv_gfx_px(g, 12), lh = hv_gfx_line_height(g, HV_FONT_BODY);
    int sh = hv_gfx_line_height(g, HV_FONT_SMALL);
    int name_w = hv_gfx_px(g, 96), x = r.x + pad, y = r.y + (r.h - lh - sh) / 2;
    char name[32], fit[HV_TITLE_LEN + 8], tip[HV_TIP_LEN];
    snprintf(name, sizeof name, slot == 0 ? "Autosave" : "Slot %d", slot);
    hv_gfx_text(g, HV_FONT_BODY, 1, x, r.y + (r.h - lh) / 2, usable ? HV_C_ACCENT : 0x8a7a70, name);
    x += name_w;
    int w = r.x + r.w - pad - x;
    if (s->state == 0) {
        hv_gfx_text(g, HV_FONT_BODY, 0, x, r.y + (r.h - lh) / 2, 0x8a7a70, "Empty");
        snprintf(tip, sizeof tip,
                 slot == 0 ? "No autosave yet: the game saves here at the end of "
                             "every week."
                           : "Nothing saved in slot %d yet.",
                 slot);
    } else if (s->state < 0) {
        int icon = lh;
        hv_gfx_image(g, "icons/warning", (SDL_Rect){x, y, icon, icon});
        hv_gfx_text(g, HV_FONT_BODY, 1, x + icon + hv_gfx_px(g, 6), y, HV_C_BAD, "Damaged");
        /* The folder is the same for every slot; the file name is enough here. */
        const char *short_error = s->error, *colon = strstr(s->error, ".yaml:");
        for (const char *p = s->error; colon && p < colon; p++)
            if (*p == '/')
                short_error = p + 1;
        hv_menu_fit(g, HV_FONT_SMALL, 0, short_error, w, fit, sizeof fit);
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lh, HV_C_BAD, fit);
        snprintf(tip, sizeof tip, "This save cannot be read:\n%s\n\nClick for the details.",
                 s->error);
    } else {
        char week[48];
        int ww;
        snprintf(week, sizeof week, "Week %d", s->info.week + 1);
        hv_gfx_text_size(g, HV_FONT_BODY, 1, week, &ww, NULL);
        hv_gfx_text(g, HV_FONT_BODY, 1, r.x + r.w - pad - ww, y, HV_C_TEXT, week);
        hv_menu_fit(g, HV_FONT_BODY, 1, s->info.title, w - ww - pad, fit, sizeof fit);
        hv_gfx_text(g, HV_FONT_BODY, 1, x, y, HV_C_TEXT, fit);
        char when[200];
        snprintf(when, sizeof when, "Saved %s  \xc2\xb7  seed %llu", s->when,
                 (unsigned long long)s->info.seed);
        hv_menu_fit(g, HV_FONT_SMALL, 0, when, w, fit, sizeof fit);
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lh, HV_C_DIM, fit);
        snprintf(tip, sizeof tip, "Load %s, week %d (seed %llu).\nSaved %s.%s", s->info.title,
                 s->info.week + 1, (unsigned long long)s->info.seed, s->when,
                 app->game ? "\nThe game in progress is closed." : "");
    }
    char id[24];
    snprintf(id, sizeof id, "load_slot_%d", slot);
    hv_gui_area(&app->gui, id, hit, tip);
    if (usable && hv_gui_clicked(&app->gui, hit))
        hv_app_load_slot(app, slot);
}

void hv_screen_load(hv_app *app)
{
    static slot_info slots[HV_SAVE_SLOTS + 1];
    hv_gfx *g = &app->gfx;
    if (hv_menu_entered(app, HV_SCR_LOAD))
        for (int i = 0; i <= HV_SAVE_SLOTS; i++)
            read_slot(app, i, &slots[i]);
    app->gui.enabled = app->modal != HV_MODAL_ERROR;
    hv_menu_backdrop(app, 215);
    int row_h = hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_line_height(g, HV_FONT_SMALL) +
                hv_gfx_px(g, 10);
    int row_gap = hv_gfx_px(g, 4), n = HV_SAVE_SLOTS + 1;
    int content = n * (row_h + row_gap) - row_gap;
    int chrome = hv_gfx_line_height(g, HV_FONT_HEAD) + hv_gfx_px(g, 12) + 2 * hv_gfx_px(g, 10);
    SDL_Rect panel = hv_menu_page(app, 860, content + chrome, "Load game",
                                  "The autosave is written at the end of every week; slots 1 to 9 "
                                  "are yours.");
    SDL_Rect foot = hv_menu_footer(app, panel);
    SDL_Rect in = hv_gui_panel(&app->gui, panel, "Saved games");
    hv_menu_scroll(app, in, content, &app->scroll);
    int bar = content > in.h ? hv_gfx_px(g, 10) : 0;
    SDL_RenderSetClipRect(app->ren, &in);
    for (int i = 0; i < n; i++)
        load_row(app, i, &slots[i],
                 (SDL_Rect){in.x, in.y + i * (row_h + row_gap) - app->scroll, in.w - bar, row_h},
                 in);
    SDL_RenderSetClipRect(app->ren, NULL);
    hv_menu_scrollbar(app, in, content, app->scroll);

    SDL_Rect b = {foot.x, foot.y, hv_gfx_px(g, 120), foot.h};
    if (hv_gui_button(&app->gui, "load_back", b, NULL, "Back",
                      app->game ? "Back to the game (Esc)." : "Back to the title screen (Esc).", 0))
        hv_menu_leave(app);
    hv_menu_toast(app, (SDL_Rect){b.x + b.w, foot.y, foot.w - b.w, foot.h});
    hv_menu_modal(app);
}