/* hv_gui: immediate-mode widgets. Each frame the screens call these in
 * drawing order; a widget draws itself and says whether it was clicked.
 * Every interactive widget has an id and is recorded with its rectangle,
 * so UI scripts and tests can click it by name, and has a tooltip. */
#ifndef HV_GUI_H
#define HV_GUI_H

#include "hv_gfx.h"

#define HV_GUI_WIDGETS 1024
#define HV_GUI_ID_LEN 48
#define HV_TIP_LEN 600

typedef struct hv_gui_widget {
    char id[HV_GUI_ID_LEN];
    SDL_Rect r;       /* where it takes clicks */
    SDL_Rect visible; /* the part not clipped away (a scrolled list's row) */
    char label[64];   /* a button's text, or "" */
    int flags;        /* HV_W_* of a button; 0 for other areas */
} hv_gui_widget;

typedef struct hv_gui {
    hv_gfx *g;
    /* Input of the event being handled. */
    int mx, my;           /* pointer */
    int press_x, press_y; /* where the left button went down */
    int released;         /* left button came up in this event */
    int right_released;   /* right button came up in this event */
    int wheel;            /* wheel steps in this event, up positive */
    int enabled;          /* 0 while drawing under a modal dialog */
    /* This frame's widgets, for scripts and tests. */
    hv_gui_widget widgets[HV_GUI_WIDGETS];
    int widget_count;
    char tip[HV_TIP_LEN];
    SDL_Rect tip_at;  /* the widget the tooltip belongs to */
    SDL_Rect tip_box; /* where the tooltip was last drawn; w 0 when none */
    int clicked_any;  /* a widget took this event's click */
    /* Keyboard focus in a menu: the keys move it over the items drawn
     * between hv_gui_nav_begin and hv_gui_nav_end. */
    const char *nav_menu;         /* the menu drawn this frame, or NULL */
    const char *nav_last;         /* the menu drawn last frame, or NULL */
    int nav_index;                /* the next item's index inside a menu, else -1 */
    int nav_count;                /* items of the menu drawn last frame */
    int focus;                    /* focused item, or -1 */
    int activate;                 /* Enter or Space went to the focused item in this event */
    char focus_id[HV_GUI_ID_LEN]; /* the focused item's id, or "" */
    char dialog[160];             /* title of the dialog drawn on top, or "" */
} hv_gui;

/* Where a scrolled area was last drawn and how tall its content was, so
 * the wheel can be clamped before this frame's content is known
 * (hv_scroll_area_begin in hv_widgets.h). */
typedef struct hv_scroll_area {
    uint32_t frame;
    int content;
} hv_scroll_area;

/* Widget flags. */
enum { HV_W_DISABLED = 1, HV_W_SELECTED = 2, HV_W_PRIMARY = 4, HV_W_DANGER = 8, HV_W_FLAT = 16 };

/* Starts a frame: forgets last frame's widgets and tooltip. */
void hv_gui_begin(hv_gui *gui);
/* Draws the pending tooltip on top; call last. */
void hv_gui_end(hv_gui *gui);
/* Clears the per-event input (clicks, wheel) after a frame has seen it. */
void hv_gui_consume(hv_gui *gui);
/* Takes an SDL event's pointer input. */
void hv_gui_input(hv_gui *gui, const SDL_Event *ev);

/* 1 if the pointer is over R and input is enabled. */
int hv_gui_hover(const hv_gui *gui, SDL_Rect r);
/* 1 if R was clicked (pressed and released inside it) in this event. */
int hv_gui_clicked(hv_gui *gui, SDL_Rect r);
/* Records an interactive area ID at R (for scripts) and its tooltip TIP. */
void hv_gui_area(hv_gui *gui, const char *id, SDL_Rect r, const char *tip);
/* Shows TIP near R when the pointer rests on it. */
void hv_gui_tip(hv_gui *gui, SDL_Rect r, const char *tip);
/* A text button; returns 1 when clicked. ICON ("icons/save") may be NULL. */
int hv_gui_button(hv_gui *gui, const char *id, SDL_Rect r, const char *icon, const char *label,
                  const char *tip, int flags);
/* hv_gui_button inside a scrolled area CLIP: a button not wholly in view
 * takes no clicks, so a half-hidden one never fires from under a frame. */
int hv_gui_clipped_button(hv_gui *gui, const char *id, SDL_Rect r, SDL_Rect clip,
                          const char *label, const char *tip, int flags);
/* A panel with a title bar; returns the inner area below the title. */
SDL_Rect hv_gui_panel(hv_gui *gui, SDL_Rect r, const char *title);
/* A horizontal bar filled to VALUE of MAX in COLOUR. */
void hv_gui_bar(hv_gui *gui, SDL_Rect r, int value, int max, uint32_t colour);
/* Starts the items of menu MENU (a string that names it and outlives
 * the frame); a menu other than last frame's starts without focus. */
void hv_gui_nav_begin(hv_gui *gui, const char *menu);
/* Ends the menu's items. */
void hv_gui_nav_end(hv_gui *gui);
/* Inside a menu, counts the item ID; returns 1 when it has the focus. */
int hv_gui_nav_item(hv_gui *gui, const char *id);
/* 1, once, when the focused item was activated with Enter or Space. */
int hv_gui_nav_activated(hv_gui *gui);
/* Takes KEY for the menu drawn last frame: Up, Down and Tab (SHIFT: back)
 * move the focus, Enter and Space activate it. 1 if the key was taken. */
int hv_gui_nav_key(hv_gui *gui, int32_t key, int shift);

/* The rectangle last recorded for ID, or 0 if none this frame. */
int hv_gui_find(const hv_gui *gui, const char *id, SDL_Rect *out);

/* R shrunk by N pixels on every side. */
SDL_Rect hv_rect_inset(SDL_Rect r, int n);
/* 1 if (X, Y) lies in R. */
int hv_rect_has(SDL_Rect r, int x, int y);

#endif
