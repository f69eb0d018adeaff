/* A hidden window with SDL's software renderer and the game's drawing on
 * it, for the tests of hv_gfx: hv_test_gfx_open opens them (0 when it
 * could not, and the test ends), hv_test_gfx_close closes them. */
#ifndef HV_TEST_GFX_H
#define HV_TEST_GFX_H

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "hv_gfx.h"
#include "hv_test.h"

typedef struct hv_test_gfx {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *tex; /* to draw into: the window's size and format */
    hv_gfx g;
} hv_test_gfx;

static int hv_test_gfx_open(hv_test_gfx *t, int w, int h)
{
    memset(t, 0, sizeof *t);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    CHECK_EQ_INT(SDL_Init(SDL_INIT_VIDEO), 0);
    CHECK_EQ_INT(TTF_Init(), 0); /* the fonts hv_gfx_init opens */
    t->win = SDL_CreateWindow("test", 0, 0, w, h, 0);
    t->ren = t->win ? SDL_CreateRenderer(t->win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    CHECK(t->ren != NULL);
    if (!t->ren)
        return 0;
    hv_gfx_init(&t->g, t->ren, HV_ASSET_DIR, 100);
    t->tex =
        SDL_CreateTexture(t->ren, SDL_GetWindowPixelFormat(t->win), SDL_TEXTUREACCESS_TARGET, w, h);
    CHECK(t->tex != NULL);
    return t->tex != NULL;
}

static void hv_test_gfx_close(hv_test_gfx *t)
{
    SDL_DestroyTexture(t->tex);
    hv_gfx_free(&t->g);
    SDL_DestroyRenderer(t->ren);
    SDL_DestroyWindow(t->win);
    TTF_Quit();
    SDL_Quit();
}

#endif
