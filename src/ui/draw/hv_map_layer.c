/* The map's still picture, kept as a texture and drawn a band at a time
 * (hv_map_layer.h). */
#include <stdio.h>
#include <string.h>

#include "hv_map_layer.h"
#include "hv_scr_game.h"

#define MIX(h, v) ((h) = ((h) ^ (uint64_t)(uint32_t)(v)) * 1099511628211ull)

static const char *terrain_tile(const hv_rules *rules, int x, int y)
{
    switch (hv_rules_terrain_at(rules, x, y)) {
    case HV_TERRAIN_ICE:
        return "ice";
    case HV_TERRAIN_ROCK:
        return "rock";
    default: {
        /* A fixed scatter of plain variants, the same every frame. */
        unsigned h = (unsigned)(x * 73856093u) ^ (unsigned)(y * 19349663u);
        return (h >> 3) % 5 == 0 ? "plain2" : (h >> 3) % 5 == 1 ? "plain3" : "plain";
    }
    }
}

/* The image of cell (X, Y) in BUF: the world's own ground
 * (terrain/GROUND/TILE) when the level names one and the art has it, the
 * Martian tiles otherwise. */
static const char *terrain_image(hv_gfx *g, const hv_rules *rules, int x, int y, char *buf,
                                 size_t len)
{
    const char *tile = terrain_tile(rules, x, y);
    if (rules->world.ground[0]) {
        snprintf(buf, len, "terrain/%s/%s", rules->world.ground, tile);
        if (hv_gfx_image_ok(g, buf))
            return buf;
    }
    snprintf(buf, len, "terrain/%s", tile);
    return buf;
}

/* Paints what of AREA lies outside IN with the sky, so the map covers
 * its area whole: a frame that redraws part of it then starts from the
 * ground, not from the clear under it (hv_gfx_finish). */
static void sky_around(hv_gfx *g, SDL_Rect area, SDL_Rect in)
{
    int top = in.y - area.y, bottom = area.y + area.h - (in.y + in.h);
    int left = in.x - area.x, right = area.x + area.w - (in.x + in.w);
    SDL_Rect bands[] = {{area.x, area.y, area.w, top},
                        {area.x, in.y + in.h, area.w, bottom},
                        {area.x, in.y, left, in.h},
                        {in.x + in.w, in.y, right, in.h}};
    for (int i = 0; i < 4; i++)
        if (bands[i].w > 0 && bands[i].h > 0)
            hv_gfx_fill(g, bands[i], HV_C_SKY, 255);
}

/* What a module at (X, Y) can paint: its cell and its selection's frame. */
static SDL_Rect reach(const hv_module *m, int tile)
{
    return hv_rect_inset((SDL_Rect){m->x * tile, m->y * tile, tile, tile}, -2);
}

/* The map drawn from (OX, OY), clipped to CLIP: ground, corridors and
 * modules, as hv_map_layer_draw keeps them. */
static void draw_map(hv_app *app, SDL_Rect clip, int ox, int oy, int tile)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    hv_gfx_clip(g, &clip);
    int y0 = (clip.y - oy) / tile, y1 = (clip.y + clip.h - 1 - oy) / tile;
    int x0 = (clip.x - ox) / tile, x1 = (clip.x + clip.w - 1 - ox) / tile;
    char name[HV_ID_LEN + 24];
    for (int y = y0 < 0 ? 0 : y0; y <= y1 && y < rules->map_height; y++)
        for (int x = x0 < 0 ? 0 : x0; x <= x1 && x < rules->map_width; x++)
            hv_gfx_image(g, terrain_image(g, rules, x, y, name, sizeof name),
                         (SDL_Rect){ox + x * tile, oy + y * tile, tile, tile});
    hv_living_under(app, clip, ox, oy, tile);
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        SDL_Rect at = reach(m, tile);
        at.x += ox;
        at.y += oy;
        if (SDL_HasIntersection(&at, &clip))
            hv_draw_module(app, m, (SDL_Rect){ox + m->x * tile, oy + m->y * tile, tile, tile},
                           m->id == app->game->selected);
    }
}

/* Marks in BUILT (a cell a byte, row-major) the cells of the map that the
 * corridors and the modules reach: all but those are ground alone. */
static void mark_built(hv_app *app, int tile, uint8_t *built)
{
    const hv_state *s = &app->game->state;
    int w = s->rules->map_width, h = s->rules->map_height;
    SDL_Rect boxes[2 * HV_MAX_MODULES + HV_MAX_MODULES];
    int n = hv_living_corridor_boxes(app, tile, boxes, 2 * HV_MAX_MODULES);
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        boxes[n++] = m->id == app->game->selected
                         ? reach(m, tile)
                         : (SDL_Rect){m->x * tile, m->y * tile, tile, tile};
    }
    for (int k = 0; k < n; k++) {
        SDL_Rect r = boxes[k];
        int x0 = r.x / tile, x1 = (r.x + r.w - 1) / tile;
        int y0 = r.y / tile, y1 = (r.y + r.h - 1) / tile;
        for (int y = y0 < 0 ? 0 : y0; y <= y1 && y < h; y++)
            for (int x = x0 < 0 ? 0 : x0; x <= x1 && x < w; x++)
                built[y * w + x] = 1;
    }
}

/* Draws BAND of the map (map pixels) into the texture being drawn, under
 * LIGHT at ALPHA. Ground alone is drawn from copies of its tiles with the
 * light laid on them once (hv_gfx_image_lit); only cells with corridors
 * or modules are drawn plain and the light laid over them after: the same
 * pixels as the light laid over the whole band, for far fewer blended. */
static void draw_band(hv_app *app, SDL_Rect band, int tile, uint32_t light, int alpha)
{
    hv_gfx *g = &app->gfx;
    const hv_rules *rules = app->game->state.rules;
    int w = rules->map_width;
    uint8_t built[HV_MAX_MAP * HV_MAX_MAP] = {0};
    if (alpha > 0)
        mark_built(app, tile, built);
    hv_gfx_clip(g, &band);
    int y0 = band.y / tile, y1 = (band.y + band.h - 1) / tile;
    char name[HV_ID_LEN + 24];
    for (int y = y0; y <= y1 && y < rules->map_height; y++)
        for (int x = 0; x < w; x++) {
            SDL_Rect cell = {x * tile, y * tile, tile, tile};
            terrain_image(g, rules, x, y, name, sizeof name);
            /* From black, as a new texture is, under art with clear parts. */
            if (!hv_gfx_image_opaque(g, name, tile, tile))
                hv_gfx_fill(g, cell, 0x000000, 255);
            if (alpha > 0 && !built[y * w + x])
                hv_gfx_image_lit(g, name, cell, light, alpha);
            else
                hv_gfx_image(g, name, cell);
        }
    hv_living_under(app, band, 0, 0, tile);
    const hv_state *s = &app->game->state;
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        SDL_Rect at = reach(m, tile);
        if (SDL_HasIntersection(&at, &band))
            hv_draw_module(app, m, (SDL_Rect){m->x * tile, m->y * tile, tile, tile},
                           m->id == app->game->selected);
    }
    if (alpha <= 0)
        return;
    /* The light over the built cells, a run of them at a time. */
    for (int y = y0; y <= y1 && y < rules->map_height; y++)
        for (int x = 0; x < w; x++) {
            int x1 = x;
            while (x1 < w && built[y * w + x1])
                x1++;
            if (x1 > x)
                hv_gfx_tint(g, (SDL_Rect){x * tile, y * tile, (x1 - x) * tile, tile}, light, alpha);
            x = x1;
        }
}

/* The keys of the bands of a map MW x MH at TILE under LIT into KEY: a
 * digest of all that decides each band's pixels. */
static void band_keys(hv_app *app, int tile, int mw, int mh, const hv_light_bands *lit,
                      uint64_t key[HV_LIGHT_BANDS])
{
    hv_game *game = app->game;
    const hv_state *s = &game->state;
    uint64_t base = 1469598103934665603ull;
    MIX(base, tile);
    MIX(base, mw);
    MIX(base, mh);
    MIX(base, app->gfx.scale);
    MIX(base, (uintptr_t)game->level);
    MIX(base, (uint64_t)(uintptr_t)game->level >> 32);
    uint64_t corridors = hv_living_corridors_key(app);
    MIX(base, corridors);
    MIX(base, corridors >> 32);
    for (int b = 0; b < HV_LIGHT_BANDS; b++) {
        key[b] = base;
        MIX(key[b], b);
        MIX(key[b], lit->colour[b]);
        MIX(key[b], lit->alpha[b]);
    }
    /* Each module into the bands it can paint, in the order drawn. */
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        SDL_Rect at = reach(m, tile);
        int b0 = at.y / lit->height, b1 = (at.y + at.h - 1) / lit->height;
        uint64_t look = hv_module_look_key(game, m);
        for (int b = b0 < 0 ? 0 : b0; b <= b1 && b < HV_LIGHT_BANDS; b++) {
            MIX(key[b], look);
            MIX(key[b], look >> 32);
            MIX(key[b], m->id == game->selected);
        }
    }
    for (int b = 0; b < HV_LIGHT_BANDS; b++)
        key[b] = key[b] ? key[b] : 1; /* 0 is "to be drawn" */
}

/* The game's texture of the map at TILE, made when there is none or it
 * was drawn at another size; NULL when none can be. */
static SDL_Texture *map_texture(hv_app *app, int tile, int mw, int mh)
{
    hv_game *game = app->game;
    if (game->terrain && game->terrain_tile == tile)
        return game->terrain;
    /* Gone at once, before its successor is made: no drawing of this
     * frame copies it yet (only hv_map_layer_draw does, after this), and
     * zoomed in it can take tens of megabytes. */
    if (game->terrain)
        SDL_DestroyTexture(game->terrain);
    game->terrain = NULL;
    game->terrain_tile = 0;
    if (mw > 8192 || mh > 8192 || !SDL_RenderTargetSupported(app->ren))
        return NULL;
    /* In the window's own format the copy each frame is a plain memory
     * copy; any other costs the software renderer a conversion of every
     * pixel, more than the rest of the frame. */
    Uint32 format = app->win ? SDL_GetWindowPixelFormat(app->win) : 0;
    if (format == SDL_PIXELFORMAT_UNKNOWN || SDL_ISPIXELFORMAT_ALPHA(format) ||
        SDL_BYTESPERPIXEL(format) != 4)
        format = SDL_PIXELFORMAT_ARGB8888;
    game->terrain = SDL_CreateTexture(app->ren, format, SDL_TEXTUREACCESS_TARGET, mw, mh);
    if (!game->terrain)
        return NULL;
    SDL_SetTextureBlendMode(game->terrain, SDL_BLENDMODE_NONE); /* opaque */
    game->terrain_tile = tile;
    hv_map_layer_forget(game);
    /* A new texture may take an old one's place: no copy of the last
     * frame is taken for one of it. */
    hv_gfx_forget(&app->gfx);
    return game->terrain;
}

void hv_map_layer_forget(hv_game *game)
{
    memset(game->band_key, 0, sizeof game->band_key);
}

int hv_map_layer_draw(hv_app *app, SDL_Rect area, int tile, hv_light_bands *lit)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_rules *rules = game->state.rules;
    int mw = rules->map_width * tile, mh = rules->map_height * tile;
    int ox = area.x - game->cam_x, oy = area.y - game->cam_y;
    SDL_Texture *tex = map_texture(app, tile, mw, mh);
    if (!tex) {
        hv_gfx_clip(g, &area);
        hv_gfx_fill(g, area, HV_C_SKY, 255);
        draw_map(app, area, ox, oy, tile);
        return 0;
    }
    lit->top = oy;
    lit->height = (mh + HV_LIGHT_BANDS - 1) / HV_LIGHT_BANDS;
    hv_living_light(app, lit);
    uint64_t key[HV_LIGHT_BANDS];
    band_keys(app, tile, mw, mh, lit, key);
    int drawing = 0;
    for (int b = 0; b < HV_LIGHT_BANDS; b++) {
        SDL_Rect band = {0, b * lit->height, mw, lit->height};
        band.h = band.y + band.h > mh ? mh - band.y : band.h;
        if (key[b] == game->band_key[b] || band.h <= 0)
            continue;
        if (!drawing && hv_gfx_target_kept(g, tex) != 0) {
            hv_gfx_clip(g, &area); /* no drawing into it after all: the map as it is */
            hv_gfx_fill(g, area, HV_C_SKY, 255);
            draw_map(app, area, ox, oy, tile);
            return 0;
        }
        drawing = 1;
        draw_band(app, band, tile, lit->colour[b], lit->alpha[b]);
        game->band_key[b] = key[b];
    }
    if (drawing)
        hv_gfx_target(g, NULL);
    /* The part of each band in view, keyed by what the band shows. */
    SDL_Rect view = {game->cam_x, game->cam_y, area.w, area.h}, seen = {area.x, area.y, 0, 0};
    for (int b = 0; b < HV_LIGHT_BANDS; b++) {
        SDL_Rect band = {0, b * lit->height, mw, lit->height}, src;
        band.h = band.y + band.h > mh ? mh - band.y : band.h;
        if (band.h <= 0 || !SDL_IntersectRect(&band, &view, &src))
            continue;
        SDL_Rect dst = {ox + src.x, oy + src.y, src.w, src.h};
        hv_gfx_copy(g, tex, &src, dst, 0xffffff, 255, game->band_key[b]);
        SDL_UnionRect(&seen, &dst, &seen);
    }
    sky_around(g, area, seen);
    hv_gfx_clip(g, &area);
    return 1;
}
