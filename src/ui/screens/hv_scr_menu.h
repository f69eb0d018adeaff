/* hv_scr_menu: what the screens outside the base share: the backdrop, the
 * page layout with its title and footer, scrolling, and the save slots'
 * headers. The screens are the title menu (hv_scr_menu.c), the level
 * picker (hv_scr_levels.c), the load screen (hv_scr_load.c) and the
 * settings (hv_scr_settings.c); the save dialog reads the slots too. */
#ifndef HV_SCR_MENU_H
#define HV_SCR_MENU_H

#include "hv_app.h"

/* ---- shared drawing (hv_scr_menu.c) --------------------------------------- */

/* 1 when SCREEN was not drawn the frame before: the player just arrived,
 * so its lists should be read again; the scroll goes back to the top. */
int hv_menu_entered(hv_app *app, hv_screen screen);
/* The title art over the whole window (or a drawn dusk when it is
 * missing), darkened by DIM (0..255) and, with FADE, on the left for the
 * title menu. */
void hv_menu_backdrop(hv_app *app, int dim, int fade);
/* Width of the shaded band the title menu sits on. */
int hv_menu_band(const hv_gfx *g);
/* The margin around a page, in pixels. */
int hv_menu_margin(hv_app *app);
/* Draws a page's TITLE and SUBTITLE; returns the area for its body, at
 * most MAX_UNITS wide and BODY_H tall (0: as tall as the window allows). */
SDL_Rect hv_menu_page(hv_app *app, int max_units, int body_h, const char *title,
                      const char *subtitle);
/* The row of buttons below ABOVE. */
SDL_Rect hv_menu_footer(hv_app *app, SDL_Rect above);
/* The current toast, centred in BAR. */
void hv_menu_toast(hv_app *app, SDL_Rect bar);
/* The error dialog over the screen, when one is open. */
void hv_menu_modal(hv_app *app);
/* Takes the wheel over AREA for CONTENT_H pixels of content; keeps
 * *SCROLL in range and returns it. */
int hv_menu_scroll(hv_app *app, SDL_Rect area, int content_h, int *scroll);
/* The scroll bar of AREA, when the content is taller. */
void hv_menu_scrollbar(hv_app *app, SDL_Rect area, int content_h, int scroll);
/* Back to the game, if one is open, else the title menu. */
void hv_menu_leave(hv_app *app);
/* The settings screen's sound section (hv_scr_sound.c) from Y in IN, its
 * buttons live only inside CLIP; returns the y below it. */
int hv_settings_sound_section(hv_app *app, SDL_Rect in, SDL_Rect clip, int y);

/* ---- save slots (hv_scr_load.c) ------------------------------------------- */

enum { HV_SLOT_DAMAGED = -1, HV_SLOT_EMPTY = 0, HV_SLOT_OK = 1 };

/* A save slot's header, or why it cannot be read. */
typedef struct hv_slot_info {
    int state; /* HV_SLOT_* */
    hv_save_info info;
    char error[400];
    char when[128]; /* "Tue 4 Mar 2025, 14:05" */
    int from_backup; /* the slot's file is missing or damaged; its .bak is read */
} hv_slot_info;

/* Reads the header of save SLOT (0: the autosave) into OUT. */
void hv_menu_read_slot(hv_app *app, int slot, hv_slot_info *out);

#endif
