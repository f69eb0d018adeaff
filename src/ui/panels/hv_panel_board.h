/* hv_panel_board: the parts of the factions panel about what comes of the
 * tension and who decides on Earth: the unrest ladder and the board. */
#ifndef HV_PANEL_BOARD_H
#define HV_PANEL_BOARD_H

#include "hv_app.h"

/* Draws the rules' unrest ladder at (X, Y), W wide, inside the scrolled
 * VIEW: a rung per event with `unrest_at`, highest on top, the class
 * tension marked. Returns its height, 0 when the rules have no ladder. */
int hv_board_ladder(hv_app *app, SDL_Rect view, int x, int y, int w);
/* Draws the board: its mandate, each sponsor's share of the vote and how
 * it leans, and the last vote of the game. Returns its height. */
int hv_board_section(hv_app *app, SDL_Rect view, int x, int y, int w);

#endif
