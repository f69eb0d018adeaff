/* The title menu, and the drawing the screens outside the base share
 * (hv_scr_menu.h). They are laid out from the window's size and the font
 * heights, so they hold together from 640x360 logical pixels (a 1280x720
 * window at 200%) up to 4K. */
#include <stdio.h>
#include <string.h>

#include "hv_scr_menu.h"
#include "hv_widgets.h"

#ifndef HV_VERSION
#define HV_VERSION "0.1.0"
#endif

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

typedef struct backdrop {
    int dim;  /* alpha of the sky colour laid over the art */
    int fade; /* darken the left of the art for the title menu */
} backdrop;

static void paint_backdrop(hv_gfx *g, void *ctx)
{
    const backdrop *b = ctx;
    /* Cover the window, keeping the art's 16:9; anchor the left edge so
     * the calm third the menu sits on stays in view. */
    int w = g->w, h = g->w * 1080 / 1920;
    if (h < g->h) {
        h = g->h;
        w = g->h * 1920 / 1080;
    }
    if (!hv_gfx_image_once(g, "title", (SDL_Rect){0, (g->h - h) / 2, w, h}))
        fallback_backdrop(g);
    if (b->dim)
        hv_gfx_fill(g, (SDL_Rect){0, 0, g->w, g->h}, HV_C_SKY, b->dim);
    if (b->fade) {
        /* Darken the left of the art so the menu reads on any backdrop. */
        int band = hv_menu_band(g);
        for (int i = 0; i < 96; i++) {
            int x0 = band * i / 96, x1 = band * (i + 1) / 96, left = 96 - i;
            hv_gfx_fill(g, (SDL_Rect){x0, 0, x1 - x0, g->h}, HV_C_SHADOW,
                        180 * left * left / (96 * 96));
        }
    }
}

int hv_menu_band(const hv_gfx *g)
{
    return g->w * 42 / 100 > hv_gfx_px(g, 380) ? g->w * 42 / 100 : hv_gfx_px(g, 380);
}

void hv_menu_backdrop(hv_app *app, int dim, int fade)
{
    /* Drawn once per window size into a layer: blending the shade over
     * the whole art every frame would cost the software renderer
     * milliseconds. */
    backdrop b = {dim, fade};
    hv_gfx_layer(&app->gfx, (uint32_t)dim << 1 | (uint32_t)(fade != 0), paint_backdrop, &b);
    /* The art is in the layer now; a full-window image kept beside it
     * would hold another 8 MB at 1920x1080 for the next change of screen,
     * when the art cache gives it back in a few milliseconds. */
    if (app->gfx.layer)
        hv_gfx_image_release(&app->gfx, "title");
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
        hv_text_fit(g, HV_FONT_BODY, 0, subtitle, w, fit, sizeof fit);
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
    if (!hv_app_toast_shown(app))
        return;
    hv_gfx *g = &app->gfx;
    int tw, th;
    hv_gfx_text_size(g, HV_FONT_BODY, 0, app->toast, &tw, &th);
    shadow_text(g, HV_FONT_BODY, 0, bar.x + (bar.w - tw) / 2, bar.y + (bar.h - th) / 2, HV_C_WARN,
                app->toast);
    app->toast_drawn = 1;
}

void hv_menu_modal(hv_app *app)
{
    app->gui.enabled = 1;
    if (app->modal == HV_MODAL_ERROR)
        hv_dialog_error(app);
    else if (app->modal == HV_MODAL_CONFIRM)
        hv_dialog_confirm(app);
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
    int focused = !disabled && hv_gui_nav_item(&app->gui, id);
    int hover = !disabled && (hv_gui_hover(&app->gui, r) || focused);
    if (focused)
        hv_gfx_frame(g, r, 0xffffff);
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
        hv_text_fit(g, HV_FONT_SMALL, 0, note, r.w - (x - r.x) - hv_gfx_px(g, 8), fit, sizeof fit);
        shadow_text(g, HV_FONT_SMALL, 0, x, y + lh, disabled ? 0x8a7a70 : HV_C_DIM, fit);
    }
    hv_gui_area(&app->gui, id, r, tip);
    return !disabled &&
           (hv_gui_clicked(&app->gui, r) || (focused && hv_gui_nav_activated(&app->gui)));
}

void hv_screen_menu(hv_app *app)
{
    static hv_slot_info autosave;
    hv_gfx *g = &app->gfx;
    if (hv_menu_entered(app, HV_SCR_MENU))
        hv_menu_read_slot(app, 0, &autosave);
    app->gui.enabled = app->modal != HV_MODAL_ERROR && app->modal != HV_MODAL_CONFIRM;
    hv_menu_backdrop(app, 0, 1);
    int band = hv_menu_band(g);

    int m = hv_menu_margin(app);
    int x = m + hv_gfx_px(g, 12), pt;
    int title_lh = title_size(g, band - x - m / 2, &pt);
    int item_w = band - x - m;
    int max_item = hv_gfx_px(g, 340);
    item_w = item_w > max_item ? max_item : item_w;
    int item_h = hv_gfx_line_height(g, HV_FONT_HEAD) + hv_gfx_line_height(g, HV_FONT_SMALL) +
                 hv_gfx_px(g, 10);
    int gap = hv_gfx_px(g, 4), items = 6, space = hv_gfx_px(g, 36);
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
    hv_gui_nav_begin(&app->gui, "title_menu");
    if (menu_item(app, "menu_campaign", r, "Campaign", "The story, level by level",
                  "Play the story levels in order: each one won opens the next, and what you "
                  "leave behind (the sponsors' goodwill, a few people) carries on.",
                  0))
        app->screen = HV_SCR_CAMPAIGN;
    r.y += item_h + gap;
    if (menu_item(app, "menu_new", r, "New game", "Any level, on its own",
                  "Choose a level, read its briefing and start a new base.", 0))
        app->screen = HV_SCR_PICKER;

    char note[HV_TITLE_LEN + 48], tip[HV_TIP_LEN];
    int can_continue = 1;
    if (app->game) {
        snprintf(note, sizeof note, "%s, week %d", app->game->level->title,
                 app->game->state.turn + 1);
        snprintf(tip, sizeof tip, "Back to the game in progress: %s, week %d.",
                 app->game->level->title, app->game->state.turn + 1);
    } else if (autosave.state == HV_SLOT_OK) {
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
        hv_app_leave(app, HV_CONFIRM_QUIT);
    hv_gui_nav_end(&app->gui);

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
