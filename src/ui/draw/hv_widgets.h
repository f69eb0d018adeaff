/* hv_widgets: drawing helpers that several screens share. Owns no state:
 * fitting text to a width, numbers as the panels print them, small
 * headings, scrolling lists laid out in two passes (hv_list: the
 * asteroids, charts and report panels) and scrolled areas that remember
 * last frame's height (hv_scroll_area: the factions and policies panels). */
#ifndef HV_WIDGETS_H
#define HV_WIDGETS_H

#include "hv_app.h"

/* ---- text ---------------------------------------------------------------- */

/* Copies TEXT into OUT, cut with an ellipsis to WIDTH pixels; spaces
 * before the ellipsis go. Used by the dialogs and the menus. */
void hv_text_fit(hv_gfx *g, hv_font_size size, int bold, const char *text, int width, char *out,
                 size_t len);
/* Like hv_text_fit, but keeps spaces before the ellipsis and at least one
 * character; returns OUT. Used by the panels for names and posts. */
const char *hv_text_cut(hv_gfx *g, hv_font_size size, int bold, const char *text, int width,
                        char *out, size_t len);
/* V as "1,234", in one of eight rotating buffers. */
const char *hv_num(int64_t v);
/* V as "+5" or "−5" (a real minus sign) in BUF; returns BUF. */
const char *hv_signed(char *buf, size_t len, long long v);
/* Upper-cases the first character of S when it is an ASCII letter. */
void hv_capitalise(char *s);
/* A small bold heading in the accent colour at (X, Y), drawn only with
 * DRAW; returns its height plus GAP units. */
int hv_small_heading(hv_gfx *g, int x, int y, const char *text, int gap, int draw);

/* ---- scrolling lists laid out in two passes ------------------------------- */

/* Where a list is being laid out. In the measuring pass (DRAW 0) nothing
 * is drawn and no widget recorded, so a card's height is known before its
 * background is painted. */
typedef struct hv_list {
    hv_app *app;
    hv_gfx *g;
    SDL_Rect view; /* the visible part of the scrolling list */
    int x, w, y;   /* the content column; y is the top of the next line */
    int draw;
} hv_list;

/* UNITS in pixels. */
int hv_list_px(const hv_list *l, int units);
/* One line of text at the list's left edge. */
void hv_list_text(hv_list *l, hv_font_size f, int bold, uint32_t colour, const char *t);
/* Text wrapped to the column, INDENT pixels in. */
void hv_list_wrap(hv_list *l, int indent, hv_font_size f, uint32_t colour, const char *t);
/* A bar across the column filled to VALUE of MAX in COLOUR. */
void hv_list_bar(hv_list *l, int value, int max, uint32_t colour);
/* A button in the list; only one wholly in view takes clicks (see hv_gui_button). */
int hv_list_button(hv_list *l, const char *id, SDL_Rect r, const char *icon, const char *label,
                   const char *tip, int flags);
/* A section heading: ABOVE units of space, ICON and TITLE over a rule,
 * then BELOW units. */
void hv_list_heading(hv_list *l, const char *icon, const char *title, int above, int below);
/* Sends the list back to the top when its panel was not drawn last frame;
 * SEEN holds the panel's last frame. */
void hv_list_fresh(hv_app *app, uint32_t *seen);
/* Starts a list in VIEW scrolled by app->scroll: takes the wheel, clips,
 * records ID. */
hv_list hv_list_begin(hv_app *app, SDL_Rect view, const char *id);
/* Ends it: keeps the scroll in range for TOTAL pixels of content and
 * draws the scroll bar. */
void hv_list_end(hv_list *l, int total);

/* ---- scrolled areas sized by last frame ----------------------------------- */

/* hv_scroll_area (hv_gui.h): where an area was last drawn and how tall
 * its content was. */

/* Width the scroll bar takes in VIEW: 0 when the content fits. */
int hv_scroll_area_bar(hv_gfx *g, const hv_scroll_area *sa, SDL_Rect view);
/* Starts drawing the content of VIEW; returns the y its top is drawn at. */
int hv_scroll_area_begin(hv_app *app, hv_scroll_area *sa, SDL_Rect view);
/* Ends it with CONTENT pixels drawn, and draws the scroll bar. */
void hv_scroll_area_end(hv_app *app, hv_scroll_area *sa, SDL_Rect view, int content);
/* Records area ID at R inside a scrolled VIEW by the part that shows. */
void hv_view_area(hv_app *app, SDL_Rect view, const char *id, SDL_Rect r, const char *tip);

#endif
