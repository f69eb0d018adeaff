/* Drawings the window keeps as textures between frames: full-window
 * layers that change only with a key, and the tile of a drifting haze. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hv_gfx.h"

void hv_gfx_layer(hv_gfx *g, uint32_t key, void (*draw)(hv_gfx *g, void *ctx), void *ctx)
{
    if (!g->layer || g->layer_key != key || g->layer_w != g->w || g->layer_h != g->h ||
        g->layer_scale != g->scale) {
        hv_gfx_drop_texture(g, g->layer);
        g->layer = SDL_CreateTexture(g->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                     g->w, g->h);
        if (!g->layer || hv_gfx_target(g, g->layer) != 0) {
            /* No render targets: draw it every frame instead. */
            hv_gfx_drop_texture(g, g->layer);
            g->layer = NULL;
            draw(g, ctx);
            return;
        }
        SDL_SetTextureBlendMode(g->layer, SDL_BLENDMODE_NONE);
        draw(g, ctx);
        hv_gfx_target(g, NULL);
        g->layer_key = key;
        g->layer_w = g->w;
        g->layer_h = g->h;
        g->layer_scale = g->scale;
    }
    hv_gfx_copy(g, g->layer, NULL, (SDL_Rect){0, 0, g->w, g->h}, 0xffffff, 255,
                (uint64_t)key << 32 ^ (uint64_t)g->scale);
}

void hv_gfx_layer_drop(hv_gfx *g)
{
    hv_gfx_drop_texture(g, g->layer);
    g->layer = NULL;
}

/* The side of hv_gfx_tint's tile, in pixels: a few dozen copies cover a
 * large window, in 256 KB. */
#define TINT_TILE 256

/* hv_gfx_tint's tile in COLOUR, or NULL. Opaque pixels of the colour,
 * blended by the copy's one alpha: the software renderer has a fast blend
 * for that, none for a fill. The tile is painted again in place when the
 * colour changes (each band of the map's light has its own, a new one
 * every step of the light), unless a copy recorded this frame still waits
 * to be drawn from it: then a new tile takes its place. */
static SDL_Texture *tint_tile(hv_gfx *g, uint32_t colour)
{
    if (g->tint && g->tint_colour == colour)
        return g->tint;
    /* A frame is recorded while it waits for a drawing into a texture too. */
    if (g->tint && (g->recording || g->held) && g->tint_recorded == g->frame) {
        hv_gfx_drop_texture(g, g->tint);
        g->tint = NULL;
    }
    if (!g->tint) {
        g->tint = SDL_CreateTexture(g->ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING,
                                    TINT_TILE, TINT_TILE);
        if (!g->tint)
            return NULL;
        SDL_SetTextureBlendMode(g->tint, SDL_BLENDMODE_BLEND);
    }
    void *pixels;
    int pitch;
    if (SDL_LockTexture(g->tint, NULL, &pixels, &pitch) != 0) {
        hv_gfx_drop_texture(g, g->tint);
        g->tint = NULL;
        return NULL;
    }
    uint32_t *first = pixels;
    for (int x = 0; x < TINT_TILE; x++)
        first[x] = 0xff000000u | colour;
    for (int y = 1; y < TINT_TILE; y++)
        memcpy((uint8_t *)pixels + y * pitch, first, TINT_TILE * sizeof *first);
    SDL_UnlockTexture(g->tint);
    /* The copies' key, the colour, tells a tile painted anew from the one
     * it was, for a recorded frame. */
    g->tint_colour = colour;
    return g->tint;
}

void hv_gfx_tint(hv_gfx *g, SDL_Rect area, uint32_t colour, int alpha)
{
    colour &= 0xffffff;
    if (alpha <= 0 || area.w <= 0 || area.h <= 0)
        return;
    SDL_Texture *tile = tint_tile(g, colour);
    if (!tile) {
        hv_gfx_fill(g, area, colour, alpha);
        return;
    }
    if (g->recording)
        g->tint_recorded = g->frame;
    /* Whole tiles and cut ones at the right and bottom, all unscaled. */
    for (int y = area.y; y < area.y + area.h; y += TINT_TILE)
        for (int x = area.x; x < area.x + area.w; x += TINT_TILE) {
            int w = area.x + area.w - x, h = area.y + area.h - y;
            SDL_Rect src = {0, 0, w < TINT_TILE ? w : TINT_TILE, h < TINT_TILE ? h : TINT_TILE};
            hv_gfx_copy(g, tile, &src, (SDL_Rect){x, y, src.w, src.h}, 0xffffff, alpha,
                        (uint64_t)colour << 8 ^ 0x7417u);
        }
}

/* The height of a haze tile's streaks, SIZE pixels square: two a tile,
 * at its top and half way down. */
static int haze_band(int size)
{
    return size / 12 > 1 ? size / 12 : 1;
}

/* The streaks of a haze tile SIZE pixels square, as alphas: soft
 * streaks from whole periods of sines across the tile, so its edges meet.
 * Made once per size: the sines cost more than a tile's every colour. */
static const uint8_t *haze_plane(hv_gfx *g, int size)
{
    if (g->haze_plane && g->haze_plane_size == size)
        return g->haze_plane;
    uint8_t *plane = realloc(g->haze_plane, (size_t)size * (size_t)size);
    if (!plane)
        return NULL;
    g->haze_plane = plane;
    g->haze_plane_size = size;
    static const struct {
        int fx, fy, weight;
        float phase;
    } waves[] = {
        {1, 0, 50, 0.3f}, {2, 1, 35, 1.7f}, {1, 2, 30, 4.1f}, {3, 1, 18, 2.6f}, {0, 3, 14, 5.2f}};
    const float tau = 6.2831853f;
    for (int y = 0; y < size; y++)
        for (int x = 0; x < size; x++) {
            float v = 0;
            for (size_t k = 0; k < sizeof waves / sizeof waves[0]; k++)
                v += (float)waves[k].weight *
                     sinf(tau * ((float)(waves[k].fx * x + waves[k].fy * y) / (float)size) +
                          waves[k].phase);
            /* A floor of haze everywhere, thicker in the streaks; clear
             * air between, which the software renderer skips. */
            int a = 40 + (int)v;
            /* Two soft bands a tile (hv_gfx_haze copies only those), faded
             * at their edges and ends so each drifts as a streak. */
            int period = size / 2, band = haze_band(size), yy = y % period;
            float ey = yy < band ? sinf(3.1415927f * (float)yy / (float)band) : 0.0f;
            float ex = sinf(3.1415927f * (float)x / (float)size);
            a = (int)((float)a * ey * ex * 1.6f);
            plane[y * size + x] = (uint8_t)(a < 0 ? 0 : a > 230 ? 230 : a);
        }
    return plane;
}

/* Below this alpha in 255 a pixel of haze is left clear: too faint to
 * see, and the software renderer blends it at the cost of a seen one. */
#define HAZE_FAINT 8

/* Paints TEX, SIZE pixels square, as a tile of haze of COLOUR at ALPHA;
 * NULL makes a new one. ALPHA is baked in: the software renderer blends
 * a texture with an alpha modulation several times slower than one
 * without. A texture that can be written in place is, as the light of
 * the hour gives the dust a new colour every few seconds. SEEN gets the
 * box of each streak's pixels that are not clear: only those are copied,
 * about half the streak's box. */
static SDL_Texture *paint_haze(hv_gfx *g, SDL_Texture *tex, int size, uint32_t colour, int alpha,
                               SDL_Rect seen[2])
{
    const uint8_t *plane = haze_plane(g, size);
    if (!plane)
        return NULL;
    /* The faintest streak's alpha in the plane that shows at ALPHA. */
    int least = (HAZE_FAINT * 255 + alpha - 1) / alpha, band = haze_band(size);
    if (!tex) {
        tex = SDL_CreateTexture(g->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STREAMING, size,
                                size);
        if (!tex)
            return NULL;
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    }
    void *pixels;
    int pitch;
    if (SDL_LockTexture(tex, NULL, &pixels, &pitch) != 0) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    uint32_t px[256];
    for (int a = 0; a < 256; a++)
        px[a] = a < least ? 0 : (uint32_t)(a * alpha / 255) << 24 | (colour & 0xffffff);
    SDL_Point lo[2] = {{size, size}, {size, size}}, hi[2] = {{-1, -1}, {-1, -1}};
    for (int y = 0; y < size; y++) {
        uint32_t *row = (uint32_t *)((uint8_t *)pixels + y * pitch);
        int b = y / (size / 2);
        if (b > 1 || y % (size / 2) >= band) { /* clear air between the streaks */
            memset(row, 0, (size_t)size * sizeof *row);
            continue;
        }
        for (int x = 0; x < size; x++) {
            row[x] = px[plane[y * size + x]];
            if (row[x]) {
                lo[b] = (SDL_Point){x < lo[b].x ? x : lo[b].x, y < lo[b].y ? y : lo[b].y};
                hi[b] = (SDL_Point){x > hi[b].x ? x : hi[b].x, y};
            }
        }
    }
    SDL_UnlockTexture(tex);
    for (int b = 0; b < 2; b++)
        seen[b] = hi[b].x < 0
                      ? (SDL_Rect){0, 0, 0, 0}
                      : (SDL_Rect){lo[b].x, lo[b].y, hi[b].x - lo[b].x + 1, hi[b].y - lo[b].y + 1};
    return tex;
}

/* The tile of haze of COLOUR at ALPHA, SIZE pixels square, from the few
 * kept: the least used gives way to a new one. NULL if none could be
 * made. */
static const hv_haze_entry *haze_tile(hv_gfx *g, int size, uint32_t colour, int alpha)
{
    hv_haze_entry *e = &g->haze[0];
    for (int i = 0; i < HV_HAZE_CACHE; i++) {
        hv_haze_entry *h = &g->haze[i];
        if (h->tex && h->size == size && h->colour == colour && h->alpha == alpha) {
            h->used = g->frame;
            return h;
        }
        if (!h->tex || (e->tex && h->used < e->used))
            e = h;
    }
    /* Its copies are keyed by size, colour and alpha (hv_gfx_haze), so a
     * tile painted anew is never taken for the one it was; but one this
     * frame already copies is left as it is, for its copies to come. */
    SDL_Texture *tex = e->tex;
    if (tex && (e->size != size || e->used == g->frame)) {
        hv_gfx_drop_texture(g, tex);
        tex = NULL;
    }
    *e = (hv_haze_entry){NULL, size, alpha, colour, g->frame, {{0}}};
    e->tex = paint_haze(g, tex, size, colour, alpha, e->seen);
    return e->tex ? e : NULL;
}

void hv_gfx_haze(hv_gfx *g, SDL_Rect area, int dx, int dy, uint32_t colour, int alpha)
{
    if (alpha <= 0 || area.w <= 0 || area.h <= 0)
        return;
    int size = hv_gfx_px(g, 320);
    alpha = alpha > 255 ? 255 : alpha;
    colour &= 0xffffff;
    const hv_haze_entry *haze = haze_tile(g, size, colour, alpha);
    if (!haze) {
        hv_gfx_fill(g, area, colour, alpha / 3);
        return;
    }
    /* Copied at its own size, tile by tile: the software renderer blends an
     * unscaled copy much faster than a stretched one. Only a few bands of
     * each tile are copied, at places that shift from tile to tile: the
     * software renderer pays for every pixel it blends, clear or not, and a
     * haze over the whole map cost more than all the rest of a frame. */
    int x0 = area.x - ((dx % size) + size) % size, y0 = area.y - ((dy % size) + size) % size;
    SDL_Rect old;
    int clipped = SDL_RenderIsClipEnabled(g->ren);
    SDL_RenderGetClipRect(g->ren, &old);
    SDL_Rect clip = area;
    if (clipped)
        SDL_IntersectRect(&old, &area, &clip);
    hv_gfx_clip(g, &clip);
    int band = haze_band(size);
    for (int y = y0; y < area.y + area.h; y += size)
        for (int x = x0; x < area.x + area.w; x += size)
            for (int b = 0; b < 2; b++) {
                /* Two bands a tile, shifted by a small hash of where the
                 * tile sits in the drift, so no two tiles line up. */
                int tile = (x - x0) / size * 7 + (y - y0) / size * 13 + b * 5 + (dx / size) * 3;
                const SDL_Rect *src = &haze->seen[b];
                /* The streak's band moved down by a few of its heights. */
                int down = (tile * 37 % 5) * band;
                if (src->w > 0)
                    hv_gfx_copy(
                        g, haze->tex, src,
                        (SDL_Rect){x + src->x, y + src->y + down, src->w, src->h}, 0xffffff, 255,
                        (uint64_t)colour << 16 ^ (uint64_t)alpha << 8 ^ (uint64_t)size << 40);
            }
    hv_gfx_clip(g, clipped ? &old : NULL);
}
