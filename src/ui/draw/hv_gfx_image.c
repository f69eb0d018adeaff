/* Art from assets/ (hv_gfx.h): SVG rasterised at the size it is drawn,
 * through the art cache on disk (hv_art_cache.h) for large images, and the
 * mark drawn for art that is missing. */
#include "hv_art_cache.h"
#include "hv_file.h"
#include "hv_gfx.h"

#include <SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Art of at least this many pixels is kept in the art cache: smaller art
 * rasterises in a few milliseconds, and a zoom would fill the folder with
 * its every size. */
#define CACHE_MIN_PIXELS (256 * 256)
/* An SVG file larger than this is not art of ours. */
#define SVG_MAX_BYTES (16 << 20)

/* 1 if no pixel of SURF is even slightly transparent. */
static int is_opaque(SDL_Surface *surf)
{
    Uint32 amask = surf->format->Amask;
    if (!amask)
        return 1;
    if (surf->format->BytesPerPixel == 4 && !SDL_MUSTLOCK(surf)) {
        /* A rasteriser's 32-bit pixels are read as they are, not copied. */
        for (int y = 0; y < surf->h; y++) {
            const Uint32 *row =
                (const Uint32 *)(const void *)((const Uint8 *)surf->pixels + y * surf->pitch);
            for (int x = 0; x < surf->w; x++)
                if ((row[x] & amask) != amask)
                    return 0;
        }
        return 1;
    }
    SDL_Surface *s = SDL_ConvertSurfaceFormat(surf, SDL_PIXELFORMAT_ARGB8888, 0);
    if (!s)
        return 0;
    int opaque = 1;
    SDL_LockSurface(s);
    for (int y = 0; y < s->h && opaque; y++) {
        const Uint32 *row = (const Uint32 *)(const void *)((const Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < s->w; x++)
            if ((row[x] >> 24) != 0xff) {
                opaque = 0;
                break;
            }
    }
    SDL_UnlockSurface(s);
    SDL_FreeSurface(s);
    return opaque;
}

void hv_gfx_set_cache_dir(hv_gfx *g, const char *dir)
{
    snprintf(g->cache_dir, sizeof g->cache_dir, "%s", dir ? dir : "");
}

/* 1 when REN keeps textures in FORMAT as they are: SDL_CreateTextureFromSurface
 * then copies a surface of FORMAT unchanged, as cached_texture does. */
static int native_format(SDL_Renderer *ren, uint32_t format)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(ren, &info) != 0)
        return 0;
    for (Uint32 i = 0; i < info.num_texture_formats; i++)
        if (info.texture_formats[i] == format)
            return 1;
    return 0;
}

/* NAME's art at W x H from the art cache, straight into a texture a band
 * of rows at a time, so the image is never in memory twice; NULL when the
 * cache has no sound entry. *OPAQUE as is_opaque. */
static SDL_Texture *cached_texture(hv_gfx *g, const char *name, uint64_t key, int w, int h,
                                   int *opaque)
{
    enum { BAND = 64 }; /* rows; a multiple of 8, as hv_art_cache_read asks */
    hv_art_reader rd;
    if (hv_art_cache_open(g->cache_dir, name, key, w, h, &rd) != 0)
        return NULL;
    if (!native_format(g->ren, rd.format)) {
        /* Converting is SDL_CreateTextureFromSurface's job: through a surface. */
        hv_art_cache_close(&rd);
        SDL_Surface *surf = hv_art_cache_load(g->cache_dir, name, key, w, h, opaque);
        SDL_Texture *tex = surf ? SDL_CreateTextureFromSurface(g->ren, surf) : NULL;
        if (surf)
            SDL_FreeSurface(surf);
        return tex;
    }
    SDL_Texture *tex = SDL_CreateTexture(g->ren, rd.format, SDL_TEXTUREACCESS_STATIC, rd.w, rd.h);
    void *band = malloc((size_t)BAND * (size_t)rd.w * 4);
    int ok = tex && band;
    for (int y = 0; ok && y < rd.h; y += BAND) {
        int n = rd.h - y < BAND ? rd.h - y : BAND;
        ok = hv_art_cache_read(&rd, band, n) == 0 &&
             SDL_UpdateTexture(tex, &(SDL_Rect){0, y, rd.w, n}, band, rd.w * 4) == 0;
    }
    free(band);
    /* Damage shows only at the end, in the checksum: the texture goes then. */
    if (hv_art_cache_close(&rd) != 0 || !ok) {
        if (tex)
            SDL_DestroyTexture(tex);
        return NULL;
    }
    *opaque = rd.opaque;
    return tex;
}

/* The LEN bytes of SVG rasterised at W x H; NULL with IMG_GetError. */
static SDL_Surface *rasterise(const char *svg, size_t len, int w, int h)
{
    SDL_RWops *rw = SDL_RWFromConstMem(svg, (int)len);
    SDL_Surface *surf = rw ? IMG_LoadSizedSVG_RW(rw, w, h) : NULL;
    if (rw)
        SDL_RWclose(rw);
    return surf;
}

/* The SVG at PATH, NAME's art, at W x H: from the art cache when it holds
 * it (*TEX set), else rasterised into the surface returned, or stored in
 * the cache when large and then loaded from there (*TEX set). *OPAQUE as
 * is_opaque, or -1 when not known; *STORED 1 when the art cache holds it. */
static SDL_Surface *load_svg(hv_gfx *g, const char *path, const char *name, int w, int h,
                             SDL_Texture **tex, int *opaque, int *stored)
{
    size_t len;
    char *svg = hv_file_read_capped(path, SVG_MAX_BYTES, &len);
    if (!svg) {
        IMG_SetError("%s", hv_file_strerror(errno));
        return NULL;
    }
    int cached = g->cache_dir[0] && (long long)w * h >= CACHE_MIN_PIXELS;
    uint64_t key = cached ? hv_art_cache_key(svg, len, w, h) : 0;
    *tex = cached ? cached_texture(g, name, key, w, h, opaque) : NULL;
    *stored = *tex != NULL;
    SDL_Surface *surf = *tex ? NULL : rasterise(svg, len, w, h);
    if (surf && surf->w > 0 && surf->h > 0 && cached) {
        char err[1200];
        *opaque = is_opaque(surf);
        int rc = hv_art_cache_store(g->cache_dir, name, key, w, h, surf, *opaque, err, sizeof err);
        if (rc < 0) {
            /* Said once: the game runs as well without, only slower to start. */
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "%s; art is not cached", err);
            g->cache_dir[0] = '\0';
        }
        *stored = rc == 0;
        if (*stored) {
            /* Through the cache, a band at a time: the image and its
             * texture are never both in memory, 8 MB less at the peak of a
             * first start at 1920x1080. */
            SDL_FreeSurface(surf);
            *tex = cached_texture(g, name, key, w, h, opaque);
            surf = *tex ? NULL : rasterise(svg, len, w, h);
            *stored = *tex != NULL;
        }
    }
    free(svg);
    return surf;
}

/* NAME's art at W x H as a texture, or NULL when it is missing or broken
 * (said once). *STORED as load_svg's. */
static SDL_Texture *load_image(hv_gfx *g, const char *name, int w, int h, int *stored)
{
    char path[700];
    SDL_Surface *surf = NULL;
    SDL_Texture *tex = NULL;
    int found = 0, opaque = -1;
    /* A mod's own art first, by the same names, then the game's. */
    const char *dirs[2] = {g->mod_asset_dir, g->asset_dir};
    for (int d = 0; d < 2 && !found; d++) {
        if (!dirs[d][0])
            continue;
        snprintf(path, sizeof path, "%s/%s.svg", dirs[d], name);
        found = hv_file_is_regular(path);
        if (found) {
            surf = load_svg(g, path, name, w, h, &tex, &opaque, stored);
            break;
        }
        snprintf(path, sizeof path, "%s/%s.png", dirs[d], name);
        SDL_RWops *rw = hv_file_is_regular(path) ? SDL_RWFromFile(path, "rb") : NULL;
        found = rw != NULL;
        if (rw)
            surf = IMG_Load_RW(rw, 1);
    }
    if (tex) {
        SDL_SetTextureBlendMode(tex, opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        return tex; /* from the art cache */
    }
    if (!surf || surf->w <= 0 || surf->h <= 0) {
        /* Once per asset, not once per size it is drawn at. */
        int seen = 0;
        for (int i = 0; i < g->warned_count && !seen; i++)
            seen = strcmp(g->warned[i], name) == 0;
        if (!seen) {
            if (g->warned_count < HV_WARNED_MAX)
                snprintf(g->warned[g->warned_count++], sizeof g->warned[0], "%s", name);
            SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION,
                        "asset %s/%s.svg: %s; drawing its initial instead", g->asset_dir, name,
                        !found ? "missing"
                        : surf ? "empty image"
                               : IMG_GetError());
        }
        if (surf)
            SDL_FreeSurface(surf);
        return NULL;
    }
    if (opaque < 0)
        opaque = is_opaque(surf);
    tex = SDL_CreateTextureFromSurface(g->ren, surf);
    SDL_FreeSurface(surf);
    /* Opaque art (ground, the title) is copied without blending: the
     * software renderer blends pixel by pixel. */
    if (tex)
        SDL_SetTextureBlendMode(tex, opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    return tex;
}

static hv_image_entry *image_entry(hv_gfx *g, const char *name, int w, int h)
{
    for (int i = 0; i < g->image_count; i++)
        if (g->image[i].w == w && g->image[i].h == h && strcmp(g->image[i].name, name) == 0)
            return &g->image[i];
    if (g->image_count == HV_IMAGE_CACHE) {
        /* Sizes change with zoom; start afresh rather than track ages. */
        for (int i = 0; i < g->image_count; i++)
            hv_gfx_drop_texture(g, g->image[i].tex);
        g->image_count = 0;
    }
    hv_image_entry *e = &g->image[g->image_count++];
    snprintf(e->name, sizeof e->name, "%s", name);
    e->w = w;
    e->h = h;
    e->stored = 0;
    e->tex = load_image(g, name, w, h, &e->stored);
    return e;
}

void hv_gfx_image_release(hv_gfx *g, const char *name)
{
    for (int i = 0; i < g->image_count; i++) {
        hv_image_entry *e = &g->image[i];
        if (!e->tex || !e->stored || strcmp(e->name, name) != 0)
            continue;
        hv_gfx_drop_texture(g, e->tex);
        hv_gfx_forget(g); /* a new texture may take its place */
        *e = g->image[--g->image_count];
        i--;
    }
}

void hv_gfx_mark(hv_gfx *g, SDL_Rect r, const char *name, int alpha)
{
    /* Muted colours that light text reads on, picked by the name's hash so
     * one thing keeps its colour and two things seldom share one. */
    static const uint32_t colours[] = {0x8a4b3a, 0x3f6b8a, 0x5d7a3a, 0x7a4f86, 0x8a7534,
                                       0x356f6a, 0x86455f, 0x4f5a8a, 0x6d5a45, 0x3d7550};
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    uint32_t h = 2166136261u;
    for (const char *c = base; *c; c++)
        h = (h ^ (uint8_t)*c) * 16777619u;
    hv_gfx_fill(g, r, colours[h % (sizeof colours / sizeof colours[0])], alpha);
    hv_gfx_frame(g, r, 0x000000);
    char initial[2] = {(char)(base[0] >= 'a' && base[0] <= 'z' ? base[0] - 32 : base[0]), 0};
    if (!initial[0] || (uint8_t)initial[0] >= 0x80)
        return;
    hv_font_size size = HV_FONT_TITLE;
    while (size > HV_FONT_SMALL && hv_gfx_line_height(g, size) * 5 > r.h * 4)
        size--;
    int tw, th;
    hv_gfx_text_size(g, size, 1, initial, &tw, &th);
    if (th <= r.h)
        hv_gfx_text(g, size, 1, r.x + (r.w - tw) / 2, r.y + (r.h - th) / 2, 0xf4ece4, initial);
}

void hv_gfx_image_tinted(hv_gfx *g, const char *name, SDL_Rect r, uint32_t tint, int alpha)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    hv_image_entry *e = image_entry(g, name, r.w, r.h);
    if (!e->tex) {
        hv_gfx_mark(g, r, name, alpha);
        return;
    }
    /* What the copy shows: the asset by name, at its size. */
    uint64_t key = 1469598103934665603ull;
    for (const char *c = name; *c; c++)
        key = (key ^ (uint8_t)*c) * 1099511628211ull;
    key = (key ^ (uint64_t)(uint32_t)r.w << 20 ^ (uint32_t)r.h) * 1099511628211ull;
    hv_gfx_copy(g, e->tex, NULL, r, tint, alpha, key);
}

void hv_gfx_image(hv_gfx *g, const char *name, SDL_Rect r)
{
    hv_gfx_image_tinted(g, name, r, 0xffffff, 255);
}

int hv_gfx_image_opaque(hv_gfx *g, const char *name, int w, int h)
{
    SDL_BlendMode mode = SDL_BLENDMODE_BLEND;
    hv_image_entry *e = image_entry(g, name, w, h);
    return e->tex && SDL_GetTextureBlendMode(e->tex, &mode) == 0 && mode == SDL_BLENDMODE_NONE;
}

/* A copy of SRC, W x H, with LIGHT laid on it at ALPHA as hv_gfx_tint
 * lays it, in the format of the texture being drawn into (the same
 * blend, to the same pixels); NULL when it cannot be made. */
static SDL_Texture *make_lit(hv_gfx *g, SDL_Texture *src, int w, int h, uint32_t light, int alpha)
{
    SDL_Texture *into = SDL_GetRenderTarget(g->ren);
    Uint32 format = SDL_PIXELFORMAT_UNKNOWN;
    if (!into || SDL_QueryTexture(into, &format, NULL, NULL, NULL) != 0)
        return NULL;
    /* Two pixels wider than the art: a copy in the same format whose rows
     * are all of a texture's, at 16-byte steps, is made by the software
     * renderer with streaming stores, which for rows this short and read
     * again at once cost 80 times a plain copy. */
    SDL_Texture *tex = SDL_CreateTexture(g->ren, format, SDL_TEXTUREACCESS_TARGET, w + 2, h);
    SDL_Rect clip;
    int clipped = SDL_RenderIsClipEnabled(g->ren);
    SDL_RenderGetClipRect(g->ren, &clip);
    if (!tex || SDL_SetRenderTarget(g->ren, tex) != 0) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_NONE);
    hv_gfx_copy(g, src, NULL, (SDL_Rect){0, 0, w, h}, 0xffffff, 255, 0);
    hv_gfx_tint(g, (SDL_Rect){0, 0, w, h}, light, alpha);
    /* Back to the texture being drawn, whose clip a new target forgets. */
    SDL_SetRenderTarget(g->ren, into);
    SDL_RenderSetClipRect(g->ren, clipped ? &clip : NULL);
    return tex;
}

void hv_gfx_image_lit(hv_gfx *g, const char *name, SDL_Rect r, uint32_t light, int alpha)
{
    light &= 0xffffff;
    if (alpha <= 0 || r.w <= 0 || r.h <= 0) {
        hv_gfx_image(g, name, r);
        return;
    }
    /* Drawn at once into a texture only: a recorded frame would draw the
     * copy after its light had moved on. */
    hv_lit_entry *e = NULL;
    if (!g->recording && hv_gfx_image_opaque(g, name, r.w, r.h)) {
        e = &g->lit[0];
        for (int i = 0; i < HV_LIT_CACHE; i++) {
            hv_lit_entry *l = &g->lit[i];
            if (l->tex && l->w == r.w && l->h == r.h && l->light == light && l->alpha == alpha &&
                strcmp(l->name, name) == 0) {
                e = l;
                break;
            }
            if (!l->tex || (e->tex && l->used < e->used))
                e = l;
        }
        if (!e->tex || e->w != r.w || e->h != r.h || e->light != light || e->alpha != alpha ||
            strcmp(e->name, name) != 0) {
            hv_gfx_drop_texture(g, e->tex);
            *e = (hv_lit_entry){.w = r.w, .h = r.h, .alpha = alpha, .light = light};
            snprintf(e->name, sizeof e->name, "%s", name);
            e->tex = make_lit(g, image_entry(g, name, r.w, r.h)->tex, r.w, r.h, light, alpha);
        }
        e->used = g->frame;
    }
    if (e && e->tex) {
        hv_gfx_copy(g, e->tex, &(SDL_Rect){0, 0, r.w, r.h}, r, 0xffffff, 255, 0);
        return;
    }
    hv_gfx_image(g, name, r);
    hv_gfx_tint(g, r, light, alpha);
}

int hv_gfx_image_try(hv_gfx *g, const char *name, SDL_Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return 0;
    hv_image_entry *e = image_entry(g, name, r.w, r.h);
    if (!e->tex)
        return 0;
    hv_gfx_image(g, name, r);
    return 1;
}

/* 1 with the path of NAME's SVG in PATH when NAME's art is an SVG (the
 * mod's first, as load_image looks). */
static int svg_path(const hv_gfx *g, const char *name, char *path, size_t len)
{
    const char *dirs[2] = {g->mod_asset_dir, g->asset_dir};
    for (int d = 0; d < 2; d++) {
        if (!dirs[d][0])
            continue;
        snprintf(path, len, "%s/%s.svg", dirs[d], name);
        if (hv_file_is_regular(path))
            return 1;
        snprintf(path, len, "%s/%s.png", dirs[d], name);
        if (hv_file_is_regular(path))
            return 0;
    }
    return 0;
}

/* Draws NAME's opaque art at R's size from the art cache a band of rows at
 * a time, through a texture of one band: the image is never whole in
 * memory. 1 when drawn; 0 when the cache has no such entry, or its
 * checksum fails at the end: what was drawn is then to be drawn over. */
static int stream_cached(hv_gfx *g, const char *name, uint64_t key, SDL_Rect r)
{
    enum { BAND = 64 }; /* rows; a multiple of 8, as hv_art_cache_read asks */
    hv_art_reader rd;
    if (hv_art_cache_open(g->cache_dir, name, key, r.w, r.h, &rd) != 0)
        return 0;
    /* Only an opaque image of R's very size: copied unscaled and without
     * blending, band by band is pixel for pixel the whole image at once. */
    int ok = rd.opaque && rd.w == r.w && rd.h == r.h && native_format(g->ren, rd.format);
    SDL_Texture *band =
        ok ? SDL_CreateTexture(g->ren, rd.format, SDL_TEXTUREACCESS_STATIC, rd.w, BAND) : NULL;
    void *rows = band ? malloc((size_t)BAND * (size_t)rd.w * 4) : NULL;
    ok = band && rows && SDL_SetTextureBlendMode(band, SDL_BLENDMODE_NONE) == 0;
    for (int y = 0; ok && y < rd.h; y += BAND) {
        int n = rd.h - y < BAND ? rd.h - y : BAND;
        SDL_Rect part = {0, 0, rd.w, n};
        ok = hv_art_cache_read(&rd, rows, n) == 0 &&
             SDL_UpdateTexture(band, &part, rows, rd.w * 4) == 0 &&
             SDL_RenderCopy(g->ren, band, &part, &(SDL_Rect){r.x, r.y + y, rd.w, n}) == 0;
    }
    free(rows);
    if (band)
        SDL_DestroyTexture(band);
    return hv_art_cache_close(&rd) == 0 && ok;
}

int hv_gfx_image_once(hv_gfx *g, const char *name, SDL_Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return 0;
    int loaded = 0;
    for (int i = 0; i < g->image_count && !loaded; i++)
        loaded = g->image[i].w == r.w && g->image[i].h == r.h && g->image[i].tex &&
                 strcmp(g->image[i].name, name) == 0;
    char path[700];
    size_t len;
    char *svg;
    if (!loaded && g->cache_dir[0] && (long long)r.w * r.h >= CACHE_MIN_PIXELS &&
        svg_path(g, name, path, sizeof path) &&
        (svg = hv_file_read_capped(path, SVG_MAX_BYTES, &len)) != NULL) {
        uint64_t key = hv_art_cache_key(svg, len, r.w, r.h);
        free(svg);
        if (stream_cached(g, name, key, r))
            return 1;
    }
    /* Not in the cache yet (stored now), or already loaded: as usual. A
     * damaged entry's bands are drawn over, the image being opaque. */
    return hv_gfx_image_try(g, name, r);
}

int hv_gfx_image_ok(hv_gfx *g, const char *name)
{
    return image_entry(g, name, 16, 16)->tex != NULL;
}
