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

/* Draws PART of the map (map pixels) into the texture being drawn, at
 * (DX, DY) from where it lies on the map, under LIGHT at ALPHA (0: none),
 * the cells BUILT marks (mark_built; read only under a light) built on. Ground
 * alone is drawn from copies of its tiles with the light laid on them
 * once (hv_gfx_image_lit); only cells with corridors or modules are drawn
 * plain and the light laid over them after: the same pixels as the light
 * laid over the whole part, for far fewer blended. */
static void draw_part(hv_app *app, SDL_Rect part, int dx, int dy, int tile, uint32_t light,
                      int alpha, const uint8_t *built)
{
    hv_gfx *g = &app->gfx;
    const hv_rules *rules = app->game->state.rules;
    int w = rules->map_width;
    SDL_Rect clip = {part.x + dx, part.y + dy, part.w, part.h};
    hv_gfx_clip(g, &clip);
    int y0 = part.y / tile, y1 = (part.y + part.h - 1) / tile;
    int x0 = part.x / tile, x1 = (part.x + part.w - 1) / tile;
    y1 = y1 < rules->map_height ? y1 : rules->map_height - 1;
    x1 = x1 < w ? x1 : w - 1;
    char name[HV_ID_LEN + 24];
    for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++) {
            SDL_Rect cell = {x * tile + dx, y * tile + dy, tile, tile};
            terrain_image(g, rules, x, y, name, sizeof name);
            /* From black, as a new texture is, under art with clear parts. */
            if (!hv_gfx_image_opaque(g, name, tile, tile))
                hv_gfx_fill(g, cell, 0x000000, 255);
            if (alpha > 0 && !built[y * w + x])
                hv_gfx_image_lit(g, name, cell, light, alpha);
            else
                hv_gfx_image(g, name, cell);
        }
    hv_living_under(app, clip, dx, dy, tile);
    const hv_state *s = &app->game->state;
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        SDL_Rect at = reach(m, tile);
        if (SDL_HasIntersection(&at, &part))
            hv_draw_module(app, m, (SDL_Rect){m->x * tile + dx, m->y * tile + dy, tile, tile},
                           m->id == app->game->selected);
    }
    if (alpha <= 0)
        return;
    /* The light over the built cells, a run of them at a time. */
    for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++) {
            int end = x;
            while (end <= x1 && built[y * w + end])
                end++;
            if (end > x)
                hv_gfx_tint(g, (SDL_Rect){x * tile + dx, y * tile + dy, (end - x) * tile, tile},
                            light, alpha);
            x = end;
        }
}

/* The map in AREA, drawn from (OX, OY) straight into the window, for
 * when no texture can keep it: without the light. */
static void draw_direct(hv_app *app, SDL_Rect area, int ox, int oy, int tile)
{
    const hv_rules *rules = app->game->state.rules;
    hv_gfx_clip(&app->gfx, &area);
    hv_gfx_fill(&app->gfx, area, HV_C_SKY, 255);
    SDL_Rect map = {0, 0, rules->map_width * tile, rules->map_height * tile};
    SDL_Rect view = {area.x - ox, area.y - oy, area.w, area.h}, part;
    if (SDL_IntersectRect(&map, &view, &part))
        draw_part(app, part, ox, oy, tile, 0, 0, NULL);
    hv_gfx_clip(&app->gfx, &area);
}

/* The pieces of PART (map pixels, at most TW x TH) as they lie in a
 * texture TW x TH that holds the map's pixel (X, Y) at (X mod TW, Y mod
 * TH): up to four, where PART crosses the texture's edges. Into OUT, each
 * with its place in the texture in AT; how many. */
static int wrap(SDL_Rect part, int tw, int th, SDL_Rect out[4], SDL_Point at[4])
{
    int n = 0;
    int xs[2][2] = {{part.x, part.w}, {0, 0}}, ys[2][2] = {{part.y, part.h}, {0, 0}};
    int xcut = (part.x / tw + 1) * tw, ycut = (part.y / th + 1) * th;
    if (part.x + part.w > xcut) {
        xs[0][1] = xcut - part.x;
        xs[1][0] = xcut;
        xs[1][1] = part.x + part.w - xcut;
    }
    if (part.y + part.h > ycut) {
        ys[0][1] = ycut - part.y;
        ys[1][0] = ycut;
        ys[1][1] = part.y + part.h - ycut;
    }
    for (int j = 0; j < 2; j++)
        for (int i = 0; i < 2; i++)
            if (xs[i][1] > 0 && ys[j][1] > 0) {
                out[n] = (SDL_Rect){xs[i][0], ys[j][0], xs[i][1], ys[j][1]};
                at[n] = (SDL_Point){xs[i][0] % tw, ys[j][0] % th};
                n++;
            }
    return n;
}

/* The keys of the bands LIT is for, of a map MW x MH at TILE, into KEY
 * (band B at B % HV_LIGHT_BANDS): a digest of all that decides each
 * band's pixels. */
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
    for (int i = 0; i < HV_LIGHT_BANDS; i++) {
        int b = hv_light_slot(lit->first + i);
        key[b] = base;
        MIX(key[b], lit->first + i);
        MIX(key[b], lit->colour[b]);
        MIX(key[b], lit->alpha[b]);
    }
    /* Each module into the bands it can paint, in the order drawn. */
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        SDL_Rect at = reach(m, tile);
        int b0 = at.y / lit->height, b1 = (at.y + at.h - 1) / lit->height;
        b0 = b0 < lit->first ? lit->first : b0;
        b1 = b1 < lit->first + HV_LIGHT_BANDS ? b1 : lit->first + HV_LIGHT_BANDS - 1;
        if (b0 > b1)
            continue;
        uint64_t look = hv_module_look_key(game, m);
        for (int b = b0; b <= b1; b++) {
            uint64_t *k = &key[hv_light_slot(b)];
            MIX(*k, look);
            MIX(*k, look >> 32);
            MIX(*k, m->id == game->selected);
        }
    }
    for (int b = 0; b < HV_LIGHT_BANDS; b++)
        key[b] = key[b] ? key[b] : 1; /* 0 is "to be drawn" */
}

/* The game's texture of the map at TILE, W x H, made when there is none
 * or it was drawn at another size; NULL when none can be. */
static SDL_Texture *map_texture(hv_app *app, int tile, int w, int h)
{
    hv_game *game = app->game;
    if (game->picture && game->picture_tile == tile && game->picture_w == w && game->picture_h == h)
        return game->picture;
    /* Gone at once, before its successor is made: no drawing of this
     * frame copies it yet (only hv_map_layer_draw does, after this). */
    if (game->picture)
        SDL_DestroyTexture(game->picture);
    game->picture = NULL;
    game->picture_tile = 0;
    if (w <= 0 || h <= 0 || !SDL_RenderTargetSupported(app->ren))
        return NULL;
    /* In the window's own format the copy each frame is a plain memory
     * copy; any other costs the software renderer a conversion of every
     * pixel, more than the rest of the frame. */
    Uint32 format = app->win ? SDL_GetWindowPixelFormat(app->win) : 0;
    if (format == SDL_PIXELFORMAT_UNKNOWN || SDL_ISPIXELFORMAT_ALPHA(format) ||
        SDL_BYTESPERPIXEL(format) != 4)
        format = SDL_PIXELFORMAT_ARGB8888;
    game->picture = SDL_CreateTexture(app->ren, format, SDL_TEXTUREACCESS_TARGET, w, h);
    if (!game->picture)
        return NULL;
    SDL_SetTextureBlendMode(game->picture, SDL_BLENDMODE_NONE); /* opaque */
    game->picture_tile = tile;
    game->picture_w = w;
    game->picture_h = h;
    hv_map_layer_forget(game);
    /* A new texture may take an old one's place: no copy of the last
     * frame is taken for one of it. */
    hv_gfx_forget(&app->gfx);
    return game->picture;
}

void hv_map_layer_forget(hv_game *game)
{
    memset(game->band_key, 0, sizeof game->band_key);
}

/* Where a held part of length LEN (the texture's side) starts, from AT,
 * so that it holds [FROM, FROM + SEEN) of a map SIDE long: it moves as
 * little as the view makes it. */
static int hold(int at, int from, int seen, int len, int side)
{
    if (from < at)
        at = from;
    else if (from + seen > at + len)
        at = from + seen - len;
    return at < 0 ? 0 : at > side - len ? side - len : at;
}

/* Draws the map's REGION (map pixels) of band B into the texture, each
 * piece where it wraps to; BUILT as draw_part's. */
static void draw_region(hv_app *app, SDL_Rect region, int b, int tile, const hv_light_bands *lit,
                        const uint8_t *built)
{
    hv_game *game = app->game;
    SDL_Rect band = {region.x, b * lit->height, region.w, lit->height}, part;
    int light = hv_light_slot(b);
    if (!SDL_IntersectRect(&band, &region, &part))
        return;
    SDL_Rect piece[4];
    SDL_Point at[4];
    int n = wrap(part, game->picture_w, game->picture_h, piece, at);
    for (int k = 0; k < n; k++)
        draw_part(app, piece[k], at[k].x - piece[k].x, at[k].y - piece[k].y, tile,
                  lit->colour[light], lit->alpha[light], built);
}

int hv_map_layer_draw(hv_app *app, SDL_Rect area, int tile, hv_light_bands *lit)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_rules *rules = game->state.rules;
    int mw = rules->map_width * tile, mh = rules->map_height * tile;
    int ox = area.x - game->cam_x, oy = area.y - game->cam_y;
    /* The texture holds as much of the map as the window can show: all
     * of it at most zooms, a window's worth, wrapping round, zoomed in. */
    int tw = mw < g->w ? mw : g->w, th = mh < g->h ? mh : g->h;
    SDL_Texture *tex = map_texture(app, tile, tw, th);
    /* The map in view, and the part the texture is to hold. */
    SDL_Rect map = {0, 0, mw, mh}, view = {game->cam_x, game->cam_y, area.w, area.h}, seen;
    if (!SDL_IntersectRect(&map, &view, &seen))
        seen = (SDL_Rect){game->cam_x, game->cam_y, 0, 0};
    if (!tex || seen.w > tw || seen.h > th) {
        draw_direct(app, area, ox, oy, tile);
        return 0;
    }
    SDL_Rect was = {game->held_x, game->held_y, tw, th};
    SDL_Rect held = {hold(was.x, seen.x, seen.w, tw, mw), hold(was.y, seen.y, seen.h, th, mh), tw,
                     th};
    game->held_x = held.x;
    game->held_y = held.y;
    /* Six bands down the map, or, zoomed in, down the window: the texture
     * then holds at most six of them, each at least a fifth of its height
     * and of whole cells (a cell across two bands is drawn for each). */
    int cells = (th + tile - 1) / tile, across = HV_LIGHT_BANDS - 1;
    lit->top = oy;
    lit->height = mh <= th ? (mh + HV_LIGHT_BANDS - 1) / HV_LIGHT_BANDS
                           : (cells + across - 1) / across * tile;
    lit->first = held.y / lit->height;
    hv_living_light(app, lit);
    uint64_t key[HV_LIGHT_BANDS];
    band_keys(app, tile, mw, mh, lit, key);
    /* What the texture did not hold: a band along each side it moved. */
    SDL_Rect fresh[2] = {{0, 0, 0, 0}, {0, 0, 0, 0}}, both;
    int moved = !SDL_RectEquals(&was, &held);
    if (moved && SDL_IntersectRect(&was, &held, &both)) {
        fresh[0] =
            (SDL_Rect){held.x < was.x ? held.x : both.x + both.w, held.y, held.w - both.w, held.h};
        fresh[1] =
            (SDL_Rect){both.x, held.y < was.y ? held.y : both.y + both.h, both.w, held.h - both.h};
    } else if (moved) {
        fresh[0] = held;
    }
    int drawing = 0;
    uint8_t built[HV_MAX_MAP * HV_MAX_MAP];
    for (int i = 0; i < HV_LIGHT_BANDS; i++) {
        int band = lit->first + i, b = hv_light_slot(band);
        int anew = key[b] != game->band_key[b];
        if (!anew && fresh[0].w * fresh[0].h + fresh[1].w * fresh[1].h == 0)
            continue;
        if (!drawing && hv_gfx_target_kept(g, tex) != 0) {
            draw_direct(app, area, ox, oy, tile); /* no drawing into it after all */
            return 0;
        }
        if (!drawing) {
            memset(built, 0, sizeof built);
            mark_built(app, tile, built);
        }
        drawing = 1;
        if (anew) {
            draw_region(app, held, band, tile, lit, built);
        } else {
            for (int k = 0; k < 2; k++)
                if (fresh[k].w > 0 && fresh[k].h > 0)
                    draw_region(app, fresh[k], band, tile, lit, built);
        }
        game->band_key[b] = key[b];
    }
    if (drawing)
        hv_gfx_target(g, NULL);
    /* The part of each band in view, keyed by what the band shows. */
    SDL_Rect shown = {area.x, area.y, 0, 0};
    for (int i = 0; i < HV_LIGHT_BANDS; i++) {
        int b = hv_light_slot(lit->first + i);
        SDL_Rect band = {0, (lit->first + i) * lit->height, mw, lit->height}, src;
        if (!SDL_IntersectRect(&band, &seen, &src))
            continue;
        SDL_Rect piece[4];
        SDL_Point at[4];
        int n = wrap(src, tw, th, piece, at);
        for (int k = 0; k < n; k++) {
            SDL_Rect from = {at[k].x, at[k].y, piece[k].w, piece[k].h};
            SDL_Rect dst = {ox + piece[k].x, oy + piece[k].y, piece[k].w, piece[k].h};
            /* Keyed by what the band shows and which of the map's pixels:
             * the texture's same place may hold others after a move. */
            uint64_t key = game->band_key[b];
            MIX(key, piece[k].x);
            MIX(key, piece[k].y);
            hv_gfx_copy(g, tex, &from, dst, 0xffffff, 255, key);
            SDL_UnionRect(&shown, &dst, &shown);
        }
    }
    sky_around(g, area, shown);
    hv_gfx_clip(g, &area);
    return 1;
}
