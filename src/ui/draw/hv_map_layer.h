/* hv_map_layer: the map's still picture (the ground, the corridors, the
 * modules and the light of the hour over them), kept as one texture cut
 * into bands across the map (hv_light_bands). A frame draws into it again
 * only where the picture changed (a module's look, the selection, a
 * band's step of light) or came into view, and copies the part in view to
 * the window: moving the map is a copy, and the light of the hour costs a
 * band a frame, not a cover of the whole map. The texture is the map's
 * size, or the window's when the map is larger (zoomed in): it then holds
 * the part around the view, wrapping round at its edges as the view
 * moves, so it never takes more than a window's pixels; its bands are
 * then cut to the window's height, not the map's, so that a step of
 * light never redraws more than a fifth of the window or so. It is the
 * game's (hv_game.picture). */
#ifndef HV_MAP_LAYER_H
#define HV_MAP_LAYER_H

#include "hv_app.h"
#include "hv_living.h"

/* Draws the map's picture into AREA at TILE pixels a cell, scrolled by the
 * game's camera, with the sky around it, and leaves drawing clipped to
 * AREA. Returns 1 with LIT set to the light laid in it, for what is drawn
 * over it (hv_living_over); 0 when no texture can keep it (no render
 * targets, a map too large): then it is drawn straight into the window,
 * without the light. */
int hv_map_layer_draw(hv_app *app, SDL_Rect area, int tile, hv_light_bands *lit);

/* The next frame draws every band of GAME's kept picture anew. */
void hv_map_layer_forget(hv_game *game);

#endif
