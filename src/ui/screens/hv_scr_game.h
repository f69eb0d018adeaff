/* hv_scr_game: the parts of the base view, shared by its two files. */
#ifndef HV_SCR_GAME_H
#define HV_SCR_GAME_H

#include "hv_app.h"

/* Layout of the base view, in UI units. */
#define HV_TOP_BAR 46
#define HV_BOTTOM_BAR 58
#define HV_SIDE_BAR 54
#define HV_PANEL_W 440

/* Stocks with last week's change, power, dust, people, tension, the week. */
void hv_game_top_bar(hv_app *app, SDL_Rect bar);
/* Build mode, the panel buttons, help and the menu. */
void hv_game_side_bar(hv_app *app, SDL_Rect bar);
/* Orders queued this week, undo, the latest message and End Turn. */
void hv_game_bottom_bar(hv_app *app, SDL_Rect bar);

/* A module's tooltip: what it is and what it is doing this week. */
void hv_module_tip(const hv_game *game, const hv_module *m, char *buf, size_t len);
/* Draws module M in CELL as it stands: building, broken, without power or
 * running; SELECTED frames it. */
void hv_draw_module(hv_app *app, const hv_module *m, SDL_Rect cell, int selected);
/* A digest of all that decides how hv_draw_module draws M (but for the
 * selection and the cell's size): two modules alike look alike. */
uint64_t hv_module_look_key(const hv_game *game, const hv_module *m);

#endif
