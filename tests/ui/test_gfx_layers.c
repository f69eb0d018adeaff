/* The haze's tiles (hv_gfx_haze): each streak is copied only within the
 * box of its pixels that are not clear. Laid whole over black, a tile must
 * leave every pixel outside those boxes black, and each box must be tight
 * (a pixel seen on each of its edges) and smaller than the streak's band,
 * at the faint, middling and thick dust the map draws.
 * The tint's tile (hv_gfx_tint), painted again in place for a new colour:
 * a recorded frame that tints in one colour and then another, in the
 * window or in a texture while the frame waits, must show both. */
#define _POSIX_C_SOURCE 200809L
#include <SDL.h>

#include "hv_test_gfx.h"

enum { SIZE = 320 }; /* the tile's side at 100% */

static int in(const SDL_Rect *r, int x, int y)
{
    return x >= r->x && y >= r->y && x < r->x + r->w && y < r->y + r->h;
}

/* 1 if a pixel of PX (SIZE square) on the line from (X, Y), N steps of
 * (DX, DY), is not black. */
static int seen_on(const uint32_t *px, int x, int y, int dx, int dy, int n)
{
    for (int i = 0; i < n; i++, x += dx, y += dy)
        if (px[y * SIZE + x] & 0xffffff)
            return 1;
    return 0;
}

/* The window's pixel at (X, Y), as 0xRRGGBB. */
static uint32_t window_at(SDL_Renderer *ren, int x, int y)
{
    uint32_t px = 0;
    SDL_RenderReadPixels(ren, &(SDL_Rect){x, y, 1, 1}, SDL_PIXELFORMAT_ARGB8888, &px, 4);
    return px & 0xffffff;
}

/* A recorded frame tinting the window's left in red, then (in the window,
 * or with IN_TEXTURE in TEX while the frame waits) in blue. */
static void tint_twice(hv_gfx *g, SDL_Texture *tex, int in_texture)
{
    hv_gfx_forget(g); /* the whole window drawn, not what changed */
    hv_gfx_begin_recorded(g);
    hv_gfx_tint(g, (SDL_Rect){0, 0, 64, 64}, 0xff0000, 255);
    if (in_texture) {
        CHECK_EQ_INT(hv_gfx_target(g, tex), 0);
        hv_gfx_tint(g, (SDL_Rect){0, 0, 64, 64}, 0x0000ff, 255);
        hv_gfx_target(g, NULL);
        hv_gfx_copy(g, tex, &(SDL_Rect){0, 0, 64, 64}, (SDL_Rect){64, 0, 64, 64}, 0xffffff, 255,
                    0x7e57);
    } else {
        hv_gfx_tint(g, (SDL_Rect){64, 0, 64, 64}, 0x0000ff, 255);
    }
    hv_gfx_finish(g);
}

int main(void)
{
    hv_test_gfx t;
    if (!hv_test_gfx_open(&t, SIZE, SIZE))
        return hv_test_done("ui_gfx_layers");
    hv_gfx *g = &t.g;
    SDL_Renderer *ren = t.ren;
    SDL_Texture *tex = t.tex;
    static uint32_t px[SIZE * SIZE];
    const int alphas[] = {64, 120, 240};
    for (size_t a = 0; tex && a < sizeof alphas / sizeof alphas[0]; a++) {
        CHECK_EQ_INT(hv_gfx_target(g, tex), 0);
        hv_gfx_haze(g, (SDL_Rect){0, 0, SIZE, SIZE}, 0, 0, 0xc0865a, alphas[a]);
        const hv_haze_entry *e = NULL;
        for (int i = 0; i < HV_HAZE_CACHE; i++)
            if (g->haze[i].tex && g->haze[i].alpha == alphas[a])
                e = &g->haze[i];
        CHECK(e != NULL && e->size == SIZE);
        if (!e || e->size != SIZE)
            break;
        /* The whole tile over black. */
        SDL_SetRenderDrawColor(ren, 0, 0, 0, 255);
        SDL_RenderClear(ren);
        SDL_RenderCopy(ren, e->tex, NULL, NULL);
        CHECK_EQ_INT(SDL_RenderReadPixels(ren, NULL, SDL_PIXELFORMAT_ARGB8888, px, SIZE * 4), 0);
        hv_gfx_target(g, NULL);
        int outside = 0, inside = 0;
        for (int y = 0; y < SIZE; y++)
            for (int x = 0; x < SIZE; x++) {
                int lit = (px[y * SIZE + x] & 0xffffff) != 0;
                if (in(&e->seen[0], x, y) || in(&e->seen[1], x, y))
                    inside += lit;
                else
                    outside += lit;
            }
        CHECK_EQ_INT(outside, 0);
        CHECK(inside > 0);
        for (int b = 0; b < 2; b++) {
            const SDL_Rect *r = &e->seen[b];
            CHECK(r->w > 0 && r->h > 0);
            if (r->w <= 0 || r->h <= 0)
                continue;
            /* In its own half of the tile, and in a band of it. */
            CHECK(r->y >= b * SIZE / 2 && r->y + r->h <= (b + 1) * SIZE / 2);
            CHECK((long)r->w * r->h < (long)SIZE * (SIZE / 12));
            CHECK(seen_on(px, r->x, r->y, 1, 0, r->w));            /* top */
            CHECK(seen_on(px, r->x, r->y + r->h - 1, 1, 0, r->w)); /* bottom */
            CHECK(seen_on(px, r->x, r->y, 0, 1, r->h));            /* left */
            CHECK(seen_on(px, r->x + r->w - 1, r->y, 0, 1, r->h)); /* right */
        }
    }
    for (int in_texture = 0; tex && in_texture < 2; in_texture++) {
        tint_twice(g, tex, in_texture);
        CHECK_EQ_INT(window_at(ren, 10, 10), 0xff0000);
        CHECK_EQ_INT(window_at(ren, 100, 10), 0x0000ff);
    }
    hv_test_gfx_close(&t);
    return hv_test_done("ui_gfx_layers");
}
