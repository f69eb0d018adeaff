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

/* The light over the map is laid in bands across it, each of which steps
 * to the light of the hour once a second at a moment of its own: a change
 * of light then redraws one band a frame, not the whole map at once
 * (hv_map_layer.h); HV_LIGHT_BANDS in hv_app.h. */
typedef struct hv_light_bands {
    int top, height; /* the map's top on the window, each band's height (pixels) */
    /* The first of the HV_LIGHT_BANDS bands the lights are for: band B of
     * the map takes light B % HV_LIGHT_BANDS. Zoomed in, the bands are cut
     * to the window's height rather than the map's, and more than
     * HV_LIGHT_BANDS of them cross the map; those in view are FIRST on. */
    int first;
    uint32_t colour[HV_LIGHT_BANDS]; /* 0xRRGGBB */
    int alpha[HV_LIGHT_BANDS];       /* 0: no light on the band */
} hv_light_bands;

/* Which of the HV_LIGHT_BANDS lights (COLOUR, ALPHA) band B of the map
 * takes. */
static inline int hv_light_slot(int b)
{
    return b % HV_LIGHT_BANDS;
}

/* Sets the light on each band at the animation's clock; TOP and HEIGHT
 * are the caller's. */
void hv_living_light(const hv_app *app, hv_light_bands *bands);
/* A digest of what the corridors are drawn from: it changes with them. */
uint64_t hv_living_corridors_key(hv_app *app);
/* The boxes the corridors cover, in pixels of the map drawn from (0, 0)
 * at TILE a cell, into OUT (at most MAX); how many. */
int hv_living_corridor_boxes(hv_app *app, int tile, SDL_Rect *out, int max);
/* Draws the corridors (walkways, and tunnels to the modules that dig) that
 * join the base's modules, before the modules: the map drawn from origin
 * (OX, OY) at TILE pixels a cell, clipped to AREA. */
void hv_living_under(hv_app *app, SDL_Rect area, int ox, int oy, int tile);
/* Draws what goes over the modules: the people on their way, the dust and
 * the light of the time of day. With LIT, the light already laid under
 * them in those bands, the people and the dust take it in their colours
 * (the same picture as the light laid over them); NULL lays it over all. */
void hv_living_over(hv_app *app, SDL_Rect area, int ox, int oy, int tile,
                    const hv_light_bands *lit);
/* Milliseconds until the map needs its next frame of animation, or -1 when
 * nothing on it moves (no game on screen, reduce motion, a hidden window). */
int hv_living_wait_ms(const hv_app *app);
/* 1 while the window cannot be seen (hidden or minimised): nothing is drawn. */
int hv_living_hidden(const hv_app *app);

/* The map's tooltip for module M: hv_module_tip and what it takes and
 * makes, its power draw, its crew and what it did last week. */
void hv_module_tip_full(const hv_game *game, const hv_module *m, char *buf, size_t len);

#endif
