/* hv_dialog: the frame every dialog over the base view shares (hv_dialog.c):
 * a header band with an icon and a title, a body that scrolls with the
 * wheel when it is taller than the window, a footer for the buttons, and
 * text that wraps even a long file path. Only one dialog is open at a
 * time, so the frame keeps that dialog's scroll state itself. The dialogs
 * are hv_dlg_event.c, hv_dlg_end.c and hv_dlg_misc.c. */
#ifndef HV_DIALOG_H
#define HV_DIALOG_H

#include "hv_app.h"

#define HV_DLG_FOOT 40 /* height of a row of buttons, in units */

/* Where a dialog's parts go, in pixels. */
typedef struct hv_dlg_frame {
    SDL_Rect outer, body, foot;
} hv_dlg_frame;

/* What a dialog's header shows: ICON, TITLE in COLOUR, and SUB (may be
 * NULL) in small type below it; BIG for an event or the end of the game. */
typedef struct hv_dlg_head {
    const char *icon, *title, *sub;
    uint32_t colour;
    int big;
} hv_dlg_head;

/* Draws (DRAW 1) or only measures (DRAW 0) a dialog's body W pixels wide
 * at (X, Y), with CTX the dialog's own data; returns its height. */
typedef int (*hv_dlg_body)(hv_app *app, void *ctx, int x, int y, int w, int draw);

/* Like hv_gfx_text_wrap, with bold text, and a word wider than the box (a
 * long file path) broken where it must; returns the height used. */
int hv_dlg_wrap(hv_gfx *g, hv_font_size size, int bold, int x, int y, int width, uint32_t colour,
                const char *text, int draw);
/* 1 when the dialog drawn now was not on screen the frame before: its
 * scroll is back at the top. Every dialog calls it first. */
int hv_dlg_just_opened(hv_app *app);
/* Draws a dialog W_UNITS wide with HEAD, a body of BODY_H pixels and a
 * footer of FOOT_H (0: none); returns where its parts go. */
hv_dlg_frame hv_dlg_open(hv_app *app, int w_units, int body_h, int foot_h, hv_dlg_head head);
/* Like hv_dlg_open, with BODY drawn in it and scrolling with the wheel
 * when it is taller than the window; the body is recorded as ID. */
hv_dlg_frame hv_dlg_show(hv_app *app, int w_units, int foot_h, hv_dlg_head head, const char *id,
                         hv_dlg_body body, void *ctx);
/* The part of R inside the scrolled body being drawn (R itself outside one). */
SDL_Rect hv_dlg_visible(SDL_Rect r);
/* Width of a footer button with ICON (may be NULL) and LABEL. */
int hv_dlg_button_width(hv_gfx *g, const char *icon, const char *label);

#endif
