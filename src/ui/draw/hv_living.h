/* hv_living: the base as a place people live in. Corridors join the
 * modules, the crew walk between their quarters and their posts, dust
 * drifts over the map as thick as the state's dust level and the light
 * follows the day. All of it is a picture of the state: it reads the
 * game and never changes it, and every motion comes from the clock. */
#ifndef HV_LIVING_H
#define HV_LIVING_H

#include "hv_app.h"

/* Frames a second the map is redrawn at while people walk, and while only
 * dust drifts: each such frame redraws where they were and are (the bands
 * of dust, the walkers; hv_app_frame_map), so the rates are as low as
 * still reads as motion. */
#define HV_LIVING_FPS 6
#define HV_LIVING_DUST_FPS 6

/* Draws the corridors (walkways, and tunnels to the modules that dig) that
 * join the base's modules, before the modules: the map drawn from origin
 * (OX, OY) at TILE pixels a cell, clipped to AREA. */
void hv_living_under(hv_app *app, SDL_Rect area, int ox, int oy, int tile);
/* Draws what goes over the modules: the people on their way, the dust and
 * the light of the time of day. */
void hv_living_over(hv_app *app, SDL_Rect area, int ox, int oy, int tile);
/* Milliseconds until the map needs its next frame of animation, or -1 when
 * nothing on it moves (no game on screen, reduce motion, a hidden window). */
int hv_living_wait_ms(const hv_app *app);
/* 1 while the window cannot be seen (hidden or minimised): nothing is drawn. */
int hv_living_hidden(const hv_app *app);

/* The map's tooltip for module M: hv_module_tip and what it takes and
 * makes, its power draw, its crew and what it did last week. */
void hv_module_tip_full(const hv_game *game, const hv_module *m, char *buf, size_t len);

#endif
