/* The frame the dialogs share (hv_dialog.h). Every dialog is sized from
 * its measured text, so it fits any window and UI scale. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hv_dialog.h"
#include "hv_widgets.h"

#define PAD 18    /* units from the dialog's edge to its content */
#define GUTTER 14 /* room kept for the scroll bar */

/* ---- text -------------------------------------------------------------- */

int hv_dlg_wrap(hv_gfx *g, hv_font_size size, int bold, int x, int y, int width, uint32_t colour,
                const char *text, int draw)
{
    return hv_gfx_text_wrap_style(g, size, bold, x, y, width, colour, text, draw);
}

/* TEXT cut with an ellipsis to WIDTH pixels. */

/* ---- the frame every dialog shares -------------------------------------- */

/* One dialog is open at a time: its scroll, and the body being drawn. */
static struct {
    int modal;
    uint32_t frame;
    int offset;    /* pixels the body is scrolled by */
    SDL_Rect view; /* the scrolled body, while one is drawn */
    int content;
    int active;
} dlg_state = {-1, 0, 0, {0, 0, 0, 0}, 0, 0};

int hv_dlg_just_opened(hv_app *app)
{
    uint32_t f = app->gfx.frame;
    int fresh =
        (int)app->modal != dlg_state.modal || (f != dlg_state.frame && f != dlg_state.frame + 1);
    dlg_state.modal = (int)app->modal;
    dlg_state.frame = f;
    if (fresh)
        dlg_state.offset = 0;
    return fresh;
}

static int body_width(hv_gfx *g, int w_units)
{
    int pw = hv_gfx_px(g, w_units);
    if (pw > g->w - 20)
        pw = g->w - 20;
    return pw - 2 * hv_gfx_px(g, PAD);
}

static int header_height(hv_gfx *g, int big, int has_sub)
{
    int icon = hv_gfx_px(g, big ? 52 : 30);
    int text = hv_gfx_line_height(g, big ? HV_FONT_TITLE : HV_FONT_HEAD) +
               (has_sub ? hv_gfx_line_height(g, HV_FONT_SMALL) : 0);
    return (icon > text ? icon : text) + 2 * hv_gfx_px(g, big ? 14 : 10);
}

hv_dlg_frame hv_dlg_open(hv_app *app, int w_units, int body_h, int foot_h, hv_dlg_head head)
{
    hv_gfx *g = &app->gfx;
    const char *title = head.title, *sub = head.sub;
    int big = head.big;
    snprintf(app->gui.dialog, sizeof app->gui.dialog, "%s", title);
    /* A short window (or a large UI scale) keeps its height for the body. */
    if (g->h < hv_gfx_px(g, 560))
        big = 0;
    int pad = hv_gfx_px(g, PAD), hh = header_height(g, big, sub != NULL);
    /* The band starts a pixel in and has its accent rule below it. */
    int total = 1 + hh + hv_gfx_px(g, 2) + pad + body_h + pad + (foot_h ? foot_h + pad : 0);
    SDL_Rect in = hv_draw_dialog(app, w_units, (total * 100 + g->scale - 1) / g->scale, NULL);
    hv_dlg_frame d;
    d.outer = hv_rect_inset(in, -hv_gfx_px(g, 10));
    SDL_Rect r = d.outer;
    SDL_Rect band = {r.x + 1, r.y + 1, r.w - 2, hh};
    hv_gfx_fill(g, band, 0x3a2a2a, 255);
    hv_gfx_fill(g, (SDL_Rect){band.x, band.y + hh, band.w, hv_gfx_px(g, 2)}, HV_C_ACCENT, 255);
    int isz = hv_gfx_px(g, big ? 52 : 30), x = r.x + pad;
    hv_gfx_image(g, head.icon, (SDL_Rect){x, band.y + (hh - isz) / 2, isz, isz});
    x += isz + hv_gfx_px(g, big ? 16 : 10);
    int tw = r.x + r.w - pad - x, w;
    hv_font_size font = big ? HV_FONT_TITLE : HV_FONT_HEAD;
    hv_gfx_text_size(g, font, 1, title, &w, NULL);
    if (w > tw)
        font = HV_FONT_HEAD; /* a long event title in the smaller heading type */
    char line[256];
    int lh = hv_gfx_line_height(g, font), sh = sub ? hv_gfx_line_height(g, HV_FONT_SMALL) : 0;
    int ty = band.y + (hh - lh - sh) / 2;
    hv_text_fit(g, font, 1, title, tw, line, sizeof line);
    hv_gfx_text(g, font, 1, x, ty, head.colour, line);
    if (sub) {
        hv_text_fit(g, HV_FONT_SMALL, 0, sub, tw, line, sizeof line);
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, ty + lh, HV_C_DIM, line);
    }
    d.foot = (SDL_Rect){r.x + pad, r.y + r.h - pad - foot_h, r.w - 2 * pad, foot_h};
    int top = band.y + hh + hv_gfx_px(g, 2) + pad;
    int bottom = foot_h ? d.foot.y - pad : r.y + r.h - pad;
    d.body = (SDL_Rect){r.x + pad, top, r.w - 2 * pad, bottom - top};
    if (foot_h)
        hv_gfx_fill(g, (SDL_Rect){r.x + pad, d.foot.y - pad / 2, r.w - 2 * pad, 1}, HV_C_BORDER,
                    255);
    return d;
}

/* Starts drawing a body of CONTENT_H pixels into VIEW; returns the y offset
 * to draw it at. The wheel over VIEW scrolls it. */
static int scroll_begin(hv_app *app, const char *id, SDL_Rect view, int content_h)
{
    hv_gfx *g = &app->gfx;
    int max = content_h - view.h > 0 ? content_h - view.h : 0;
    /* Registered before what it holds, so their tooltips win. */
    hv_gui_area(&app->gui, id, view, NULL);
    if (app->gui.wheel && hv_gui_hover(&app->gui, view)) {
        dlg_state.offset -= app->gui.wheel * hv_gfx_px(g, 48);
        app->gui.wheel = 0;
    }
    dlg_state.offset = dlg_state.offset < 0 ? 0 : dlg_state.offset > max ? max : dlg_state.offset;
    dlg_state.view = view;
    dlg_state.content = content_h;
    dlg_state.active = 1;
    hv_gfx_clip(&app->gfx, &view);
    return -dlg_state.offset;
}

static void scroll_end(hv_app *app)
{
    hv_gfx *g = &app->gfx;
    SDL_Rect v = dlg_state.view;
    hv_gfx_clip(&app->gfx, NULL);
    dlg_state.active = 0;
    if (dlg_state.content <= v.h)
        return;
    int bw = hv_gfx_px(g, 5) > 3 ? hv_gfx_px(g, 5) : 3;
    SDL_Rect track = {v.x + v.w - bw, v.y, bw, v.h};
    int th = (int)((int64_t)v.h * v.h / dlg_state.content);
    th = th < hv_gfx_px(g, 24) ? hv_gfx_px(g, 24) : th;
    int ty = v.y + (int)((int64_t)(v.h - th) * dlg_state.offset / (dlg_state.content - v.h));
    hv_gfx_fill(g, track, 0x120c0e, 255);
    hv_gfx_fill(g, (SDL_Rect){track.x, ty, bw, th}, HV_C_BORDER, 255);
    hv_gui_tip(&app->gui, (SDL_Rect){track.x - bw, v.y, 3 * bw, v.h},
               "More below: scroll with the mouse wheel.");
}

/* The body is measured at the dialog's full width first; only when it
 * will not fit is it measured again beside the scroll bar. */
hv_dlg_frame hv_dlg_show(hv_app *app, int w_units, int foot_h, hv_dlg_head head, const char *id,
                         hv_dlg_body body, void *ctx)
{
    hv_gfx *g = &app->gfx;
    int cw = body_width(g, w_units);
    int need = body(app, ctx, 0, 0, cw, 0);
    hv_dlg_frame d = hv_dlg_open(app, w_units, need, foot_h, head);
    if (need > d.body.h) {
        cw = d.body.w - hv_gfx_px(g, GUTTER);
        need = body(app, ctx, 0, 0, cw, 0);
    }
    int oy = scroll_begin(app, id, d.body, need);
    body(app, ctx, d.body.x, d.body.y + oy, cw, 1);
    scroll_end(app);
    return d;
}

SDL_Rect hv_dlg_visible(SDL_Rect r)
{
    SDL_Rect out = r;
    if (dlg_state.active && !SDL_IntersectRect(&r, &dlg_state.view, &out))
        out.w = out.h = 0;
    return out;
}

int hv_dlg_button_width(hv_gfx *g, const char *icon, const char *label)
{
    int w = 0;
    hv_gfx_text_size(g, HV_FONT_BODY, 1, label, &w, NULL);
    w += hv_gfx_px(g, 40) + (icon ? hv_gfx_px(g, 30) : 0);
    return w < hv_gfx_px(g, 120) ? hv_gfx_px(g, 120) : w;
}
