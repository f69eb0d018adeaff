/* The living base (hv_living.h): corridors, walkers, dust and daylight.
 * Which modules are joined and who walks where is worked out once each time
 * the base changes (a week's end, a load) and kept; a frame only places the
 * walkers along their paths by the clock. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hv_living.h"

/* Paths are kept in half cells, so a cell's centre (2x + 1) and the corner
 * of an L between two centres are whole numbers. */
#define MAX_POINTS 48
/* How fast people walk (half cells a second) and how long they stay. */
#define WALK_SPEED 3
#define AT_POST_MS 9000
#define AT_HOME_MS 5000
/* A Martian day in real time, as ambience: long enough not to distract. */
#define SOL_MS 240000

typedef struct link {
    int16_t a, b; /* module indices */
    uint8_t tunnel;
} link;

typedef struct walker {
    int32_t person;
    int32_t faction;
    int n;                                /* points; 1: no way home, stays at the post */
    int16_t x[MAX_POINTS], y[MAX_POINTS]; /* from the post to the quarters */
    uint8_t tunnel[MAX_POINTS];           /* the leg ending at point k runs underground */
    int len;                              /* half cells in all */
} walker;

static struct {
    const hv_game *game;
    uint64_t key;
    link links[HV_MAX_MODULES];
    int link_count;
    walker walkers[HV_MAX_PEOPLE];
    int walker_count;
    uint32_t drawn_at; /* ticks of the last frame that showed the map */
} cache;

/* A digest of what corridors and walkers depend on. */
static uint64_t base_key(const hv_state *s)
{
    uint64_t h = 1469598103934665603ull;
#define MIX(v) (h = (h ^ (uint64_t)(uint32_t)(v)) * 1099511628211ull)
    MIX(s->module_count);
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        MIX(m->id);
        MIX(m->type);
        MIX(m->x);
        MIX(m->y);
        MIX(m->status);
    }
    MIX(s->person_count);
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        MIX(p->id);
        MIX(p->module);
        MIX(p->away);
        MIX(p->faction);
    }
#undef MIX
    return h;
}

/* A module that may stand only on buried ice digs into it (a mine): the
 * rules have no decks, so that is the one sign of a module below ground. */
static int digs(const hv_rules *rules, const hv_module *m)
{
    return rules->module_types[m->type].terrain_mask == 1u << HV_TERRAIN_ICE;
}

static int find_root(int *parent, int i)
{
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

/* Joins modules whose cells touch or stand one cell apart: the shortest
 * links first, and none that would join two already joined, so the base
 * gets a tidy tree of corridors rather than a web. */
static void build_links(const hv_state *s)
{
    int parent[HV_MAX_MODULES];
    for (int32_t i = 0; i < s->module_count; i++)
        parent[i] = i;
    cache.link_count = 0;
    for (int d = 1; d <= 3; d++)
        for (int32_t i = 0; i < s->module_count; i++)
            for (int32_t j = i + 1; j < s->module_count; j++) {
                const hv_module *a = &s->modules[i], *b = &s->modules[j];
                if (a->status == HV_MODULE_BUILDING || b->status == HV_MODULE_BUILDING)
                    continue;
                int dx = abs(a->x - b->x), dy = abs(a->y - b->y);
                if (dx > 2 || dy > 2 || dx + dy != d)
                    continue;
                int ra = find_root(parent, i), rb = find_root(parent, j);
                if (ra == rb)
                    continue;
                parent[ra] = rb;
                cache.links[cache.link_count++] = (link){
                    (int16_t)i, (int16_t)j, (uint8_t)(digs(s->rules, a) || digs(s->rules, b))};
            }
}

/* The way from the module at index POST to the nearest quarters (a module
 * with beds) along the corridors, as module indices into PATH; the count,
 * or 0 when no quarters are joined to it. */
static int way_home(const hv_state *s, int post, int *path)
{
    int from[HV_MAX_MODULES], queue[HV_MAX_MODULES], head = 0, tail = 0;
    for (int32_t i = 0; i < s->module_count; i++)
        from[i] = -2;
    from[post] = -1;
    queue[tail++] = post;
    while (head < tail) {
        int at = queue[head++];
        const hv_module *m = &s->modules[at];
        if (s->rules->module_types[m->type].housing > 0 && m->status != HV_MODULE_BUILDING) {
            int n = 0;
            for (int k = at; k >= 0; k = from[k])
                n++;
            int k = at;
            for (int i = n - 1; i >= 0; i--, k = from[k])
                path[i] = k;
            return n;
        }
        for (int l = 0; l < cache.link_count; l++) {
            int other = cache.links[l].a == at   ? cache.links[l].b
                        : cache.links[l].b == at ? cache.links[l].a
                                                 : -1;
            if (other >= 0 && from[other] == -2) {
                from[other] = at;
                queue[tail++] = other;
            }
        }
    }
    return 0;
}

static int link_tunnel(int a, int b)
{
    for (int l = 0; l < cache.link_count; l++)
        if ((cache.links[l].a == a && cache.links[l].b == b) ||
            (cache.links[l].a == b && cache.links[l].b == a))
            return cache.links[l].tunnel;
    return 0;
}

static void add_point(walker *w, int x, int y, int tunnel)
{
    if (w->n > 0 && w->x[w->n - 1] == x && w->y[w->n - 1] == y)
        return;
    if (w->n >= MAX_POINTS)
        return;
    if (w->n > 0)
        w->len += abs(x - w->x[w->n - 1]) + abs(y - w->y[w->n - 1]);
    w->x[w->n] = (int16_t)x;
    w->y[w->n] = (int16_t)y;
    w->tunnel[w->n] = (uint8_t)tunnel;
    w->n++;
}

static void build_walkers(const hv_state *s)
{
    cache.walker_count = 0;
    int path[HV_MAX_MODULES];
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (!p->module || p->away)
            continue;
        int post = -1;
        for (int32_t k = 0; k < s->module_count; k++)
            if (s->modules[k].id == p->module)
                post = k;
        if (post < 0)
            continue;
        walker *w = &cache.walkers[cache.walker_count++];
        memset(w, 0, sizeof *w);
        w->person = p->id;
        w->faction = p->faction;
        int n = way_home(s, post, path);
        add_point(w, 2 * s->modules[post].x + 1, 2 * s->modules[post].y + 1, 0);
        for (int k = 1; k < n; k++) {
            const hv_module *a = &s->modules[path[k - 1]], *b = &s->modules[path[k]];
            int tunnel = link_tunnel(path[k - 1], path[k]);
            add_point(w, 2 * b->x + 1, 2 * a->y + 1, tunnel);
            add_point(w, 2 * b->x + 1, 2 * b->y + 1, tunnel);
        }
        if (w->n >= MAX_POINTS) /* too far to draw the whole way: stays */
            w->n = 1, w->len = 0;
    }
}

static void refresh(const hv_game *game)
{
    uint64_t key = base_key(&game->state);
    if (cache.game == game && cache.key == key)
        return;
    cache.game = game;
    cache.key = key;
    build_links(&game->state);
    build_walkers(&game->state);
}

/* ---- corridors ---------------------------------------------------------- */

/* What a leg from (X1, Y1) to (X2, Y2), W pixels wide, covers. */
static SDL_Rect leg_box(int x1, int y1, int x2, int y2, int w)
{
    SDL_Rect r = {x1 < x2 ? x1 : x2, y1 < y2 ? y1 : y2, abs(x2 - x1), abs(y2 - y1)};
    return (SDL_Rect){r.x - w / 2, r.y - w / 2, r.w + w, r.h + w};
}

static void leg(hv_gfx *g, int x1, int y1, int x2, int y2, int w, int tunnel)
{
    SDL_Rect r = leg_box(x1, y1, x2, y2, w);
    if (!tunnel) {
        /* A pressurised walkway: a grey tube with a lighter roof line. */
        hv_gfx_fill(g, r, 0x5e564f, 255);
        int s = w / 3 > 0 ? w / 3 : 1;
        SDL_Rect roof = r.w > r.h ? (SDL_Rect){r.x, r.y + (r.h - s) / 2, r.w, s}
                                  : (SDL_Rect){r.x + (r.w - s) / 2, r.y, s, r.h};
        hv_gfx_fill(g, roof, 0x9a8c7c, 255);
        return;
    }
    /* Below ground: a dark trench marked in dashes. */
    hv_gfx_fill(g, r, 0x2e2424, 255);
    int dash = w * 3 / 2 > 2 ? w * 3 / 2 : 2, t = w / 3 > 0 ? w / 3 : 1;
    if (r.w > r.h)
        for (int x = r.x; x < r.x + r.w; x += 2 * dash)
            hv_gfx_fill(
                g,
                (SDL_Rect){x, r.y + (r.h - t) / 2, x + dash > r.x + r.w ? r.x + r.w - x : dash, t},
                0x7a6654, 255);
    else
        for (int y = r.y; y < r.y + r.h; y += 2 * dash)
            hv_gfx_fill(
                g,
                (SDL_Rect){r.x + (r.w - t) / 2, y, t, y + dash > r.y + r.h ? r.y + r.h - y : dash},
                0x7a6654, 255);
}

/* The two legs of link L, an L from one module's centre to the other's,
 * in (X1, Y1, X2, Y2) fours, and their width: the map drawn at TILE. */
static int legs_of(const hv_state *s, int l, int tile, int ends[2][4])
{
    const hv_module *a = &s->modules[cache.links[l].a], *b = &s->modules[cache.links[l].b];
    int ax = a->x * tile + tile / 2, ay = a->y * tile + tile / 2;
    int bx = b->x * tile + tile / 2, by = b->y * tile + tile / 2;
    int legs[2][4] = {{ax, ay, bx, ay}, {bx, ay, bx, by}};
    memcpy(ends, legs, sizeof legs);
    return tile / 5 > 3 ? tile / 5 : 3;
}

void hv_living_under(hv_app *app, SDL_Rect area, int ox, int oy, int tile)
{
    (void)area;
    const hv_state *s = &app->game->state;
    refresh(app->game);
    for (int l = 0; l < cache.link_count; l++) {
        int e[2][4], w = legs_of(s, l, tile, e);
        for (int k = 0; k < 2; k++)
            leg(&app->gfx, ox + e[k][0], oy + e[k][1], ox + e[k][2], oy + e[k][3], w,
                cache.links[l].tunnel);
    }
}

int hv_living_corridor_boxes(hv_app *app, int tile, SDL_Rect *out, int max)
{
    refresh(app->game);
    int n = 0;
    for (int l = 0; l < cache.link_count; l++) {
        int e[2][4], w = legs_of(&app->game->state, l, tile, e);
        for (int k = 0; k < 2 && n < max; k++)
            out[n++] = leg_box(e[k][0], e[k][1], e[k][2], e[k][3], w);
    }
    return n;
}

uint64_t hv_living_corridors_key(hv_app *app)
{
    refresh(app->game);
    uint64_t h = 1469598103934665603ull;
    const hv_state *s = &app->game->state;
    for (int l = 0; l < cache.link_count; l++) {
        const hv_module *a = &s->modules[cache.links[l].a], *b = &s->modules[cache.links[l].b];
        int32_t v[] = {a->x, a->y, b->x, b->y, cache.links[l].tunnel};
        for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
            h = (h ^ (uint32_t)v[i]) * 1099511628211ull;
    }
    return h;
}

/* ---- people ------------------------------------------------------------- */

/* Where walker W is at T ms (half cells, scaled by 1000), and whether it is
 * on its way. With motion reduced everyone stands at their post's door. */
static int place(const walker *w, uint32_t t, int reduce, int *hx, int *hy, int *tunnel)
{
    int walk_ms = w->len * 1000 / WALK_SPEED;
    int cycle = AT_POST_MS + AT_HOME_MS + 2 * walk_ms;
    /* People keep their own hours: each starts the round at another time. */
    int at = reduce ? AT_POST_MS / 2 : (int)((t + (uint32_t)w->person * 7919u) % (uint32_t)cycle);
    int door = w->len < 2 ? w->len * 500 : 1000; /* just outside the module */
    int d, moving = 0;
    if (w->n < 2 || at < AT_POST_MS) {
        d = door;
    } else if (at < AT_POST_MS + walk_ms) {
        d = (int)((int64_t)(at - AT_POST_MS) * w->len * 1000 / walk_ms);
        moving = 1;
    } else if (at < AT_POST_MS + walk_ms + AT_HOME_MS) {
        d = w->len * 1000 - door;
    } else {
        d = (int)((int64_t)(cycle - at) * w->len * 1000 / walk_ms);
        moving = 1;
    }
    if (w->n < 2) {
        /* No quarters joined to the post: they stand at its door. */
        *hx = w->x[0] * 1000;
        *hy = w->y[0] * 1000 + 1300;
        *tunnel = 0;
        return 0;
    }
    for (int k = 1; k < w->n; k++) {
        int seg = (abs(w->x[k] - w->x[k - 1]) + abs(w->y[k] - w->y[k - 1])) * 1000;
        if (d <= seg || k == w->n - 1) {
            int f = seg ? (d < seg ? d : seg) : 0;
            *hx = w->x[k - 1] * 1000 + (w->x[k] - w->x[k - 1]) * f;
            *hy = w->y[k - 1] * 1000 + (w->y[k] - w->y[k - 1]) * f;
            *tunnel = w->tunnel[k];
            return moving;
        }
        d -= seg;
    }
    return moving;
}

/* COLOUR under LIGHT at ALPHA: what a cover of the light over it shows. */
static uint32_t lit_colour(uint32_t colour, uint32_t light, int alpha)
{
    uint32_t out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        uint32_t c = colour >> shift & 0xff, l = light >> shift & 0xff;
        out |= ((c * (uint32_t)(255 - alpha) + l * (uint32_t)alpha + 127) / 255) << shift;
    }
    return out;
}

/* COLOUR as seen at window row Y under the bands' light (LIT NULL: none). */
static uint32_t under_light(const hv_light_bands *lit, int y, uint32_t colour)
{
    if (!lit || lit->height <= 0)
        return colour;
    /* The band of the map at Y, or the nearest of those lit. */
    int b = y < lit->top ? 0 : (y - lit->top) / lit->height, last = lit->first + HV_LIGHT_BANDS - 1;
    b = hv_light_slot(b < lit->first ? lit->first : b > last ? last : b);
    return lit->alpha[b] > 0 ? lit_colour(colour, lit->colour[b], lit->alpha[b]) : colour;
}

static void draw_walkers(hv_app *app, int ox, int oy, int tile, uint32_t now, int reduce,
                         const hv_light_bands *lit)
{
    hv_gfx *g = &app->gfx;
    const hv_rules *rules = app->game->state.rules;
    int bw = tile / 9 > 2 ? tile / 9 : 2, bh = bw * 2, head = bw;
    for (int i = 0; i < cache.walker_count; i++) {
        const walker *w = &cache.walkers[i];
        int hx, hy, tunnel;
        int moving = place(w, now, reduce, &hx, &hy, &tunnel);
        int px = ox + (int)((int64_t)hx * tile / 2000), py = oy + (int)((int64_t)hy * tile / 2000);
        /* People at one door stand side by side; walkers keep to the walkway's sides. */
        px += (w->person % 5 - 2) * (bw + 1);
        if (moving)
            py -= (int)((now / 180 + (uint32_t)w->person) % 2); /* a step */
        SDL_Rect body = {px - bw / 2, py - bh, bw, bh};
        SDL_Rect top = {px - head / 2, py - bh - head, head, head};
        uint32_t colour = under_light(lit, py, hv_faction_colour(rules, w->faction));
        int alpha = tunnel ? 150 : 255; /* dimmer below ground */
        hv_gfx_fill(g, hv_rect_inset(body, -1), under_light(lit, py, 0x0c080a), alpha);
        hv_gfx_fill(g, body, colour, alpha);
        hv_gfx_fill(g, top, under_light(lit, py, 0xe8d8c8), alpha);
    }
}

/* ---- dust and daylight -------------------------------------------------- */

static void draw_dust(hv_app *app, SDL_Rect area, int ox, int oy, int tile, uint32_t now,
                      int reduce, const hv_light_bands *lit)
{
    int dust = app->game->state.dust;
    if (dust <= 0)
        return;
    int alpha = 60 + dust * 4 > 240 ? 240 : 60 + dust * 4;
    int speed = hv_gfx_px(&app->gfx, 12 + dust / 2); /* pixels a second: storms blow harder */
    int dx = reduce ? 0 : (int)((uint64_t)now * (uint64_t)speed / 1000 % 1000000);
    /* Over the ground only, not the dark around the map. */
    const hv_rules *rules = app->game->state.rules;
    SDL_Rect ground = {ox, oy, rules->map_width * tile, rules->map_height * tile}, over;
    if (!SDL_IntersectRect(&area, &ground, &over))
        return;
    if (!lit || lit->height <= 0) {
        hv_gfx_haze(&app->gfx, over, -dx, -dx / 3, 0xc0865a, alpha);
        return;
    }
    /* A band at a time, each in the colour its light gives the dust; the
     * streaks run on across the bands, all placed from OVER's corner. */
    SDL_Renderer *ren = app->gfx.ren;
    SDL_Rect old, clip;
    int clipped = SDL_RenderIsClipEnabled(ren);
    SDL_RenderGetClipRect(ren, &old);
    for (int i = 0; i < HV_LIGHT_BANDS; i++) {
        int b = hv_light_slot(lit->first + i);
        SDL_Rect band = {over.x, lit->top + (lit->first + i) * lit->height, over.w, lit->height};
        if (!SDL_IntersectRect(&band, &over, &clip) ||
            (clipped && !SDL_IntersectRect(&clip, &old, &clip)))
            continue;
        hv_gfx_clip(&app->gfx, &clip);
        uint32_t colour = 0xc0865a;
        if (lit->alpha[b] > 0)
            colour = lit_colour(colour, lit->colour[b], lit->alpha[b]);
        hv_gfx_haze(&app->gfx, over, -dx, -dx / 3, colour, alpha);
    }
    hv_gfx_clip(&app->gfx, clipped ? &old : NULL);
}

/* The light at MS of the animation's clock, as its alpha (0: none) and
 * COLOUR: dark in a long night (from the rules' world), and on a world
 * whose weeks hold their days and nights, a slow day in real time. */
static int light_at(const hv_state *s, uint32_t ms, int reduce, uint32_t *colour)
{
    if (!hv_world_daylight(s->rules, s->turn + 1, NULL)) {
        *colour = 0x060a22;
        return 165;
    }
    *colour = 0;
    if (reduce || s->rules->world.day_weeks > 0 || s->rules->world.night_weeks > 0)
        return 0;
    /* The game opens at midday. A tint too faint to see is not drawn: a
     * blended cover of the whole map costs the software renderer dearly. */
    float sun = cosf(6.2831853f * (float)(ms % SOL_MS) / SOL_MS) + 0.3f;
    const float evening = 0.35f; /* the sun's height where the evening's light begins */
    const uint32_t dusk_colour = 0xd06a30, night_colour = 0x101838;
    int alpha = sun < 0 ? (int)(-sun * 90) : sun < evening ? (int)((evening - sun) * 120) : 0;
    *colour = sun < 0 ? night_colour : dusk_colour;
    if (sun < 0 && sun > -evening) {
        /* Dusk turns to night (and dawn back) in eight steps of colour,
         * from the evening's light as the sun sets: no jump in either. */
        int step = (int)(-sun / evening * 8), dusk = 42; /* evening * 120, rounded */
        *colour = lit_colour(dusk_colour, night_colour, step * 255 / 8);
        alpha = dusk + (alpha - dusk) * step / 8;
    }
    /* In steps of 4 in 255, too fine to see: each new light is the map
     * drawn again, a band at a time. */
    alpha = (alpha + 2) / 4 * 4;
    return alpha >= 8 ? alpha : 0;
}

/* When band B last took a step of light, at or before NOW: each band once
 * a second, the bands spread over the second. */
static uint32_t band_step(uint32_t now, int b)
{
    uint32_t back = (now + (uint32_t)b * 1000u / HV_LIGHT_BANDS) % 1000u;
    return now >= back ? now - back : 0;
}

/* The animation's clock: the app's own when set, so pictures and timings
 * can be repeated; the real one otherwise. */
static uint32_t living_now(const hv_app *app)
{
    return app->clock ? app->clock : SDL_GetTicks();
}

void hv_living_light(const hv_app *app, hv_light_bands *bands)
{
    uint32_t now = living_now(app);
    int reduce = app->settings.reduce_motion != 0;
    for (int b = 0; b < HV_LIGHT_BANDS; b++)
        bands->alpha[b] = light_at(&app->game->state, band_step(now, b), reduce, &bands->colour[b]);
}

void hv_living_over(hv_app *app, SDL_Rect area, int ox, int oy, int tile, const hv_light_bands *lit)
{
    int reduce = app->settings.reduce_motion != 0;
    uint32_t now = living_now(app);
    refresh(app->game);
    draw_walkers(app, ox, oy, tile, now, reduce, lit);
    draw_dust(app, area, ox, oy, tile, now, reduce, lit);
    /* The light falls on the ground, not on the dark around the map; a
     * step a second, each a new cover of the whole map. */
    const hv_rules *rules = app->game->state.rules;
    SDL_Rect ground = {ox, oy, rules->map_width * tile, rules->map_height * tile}, over;
    uint32_t colour;
    int alpha = light_at(&app->game->state, band_step(now, 0), reduce, &colour);
    if (!lit && alpha > 0 && SDL_IntersectRect(&area, &ground, &over))
        hv_gfx_tint(&app->gfx, over, colour, alpha);
    cache.drawn_at = now;
}

/* ---- when to draw ------------------------------------------------------- */

int hv_living_hidden(const hv_app *app)
{
    return app->win &&
           (SDL_GetWindowFlags(app->win) & (SDL_WINDOW_HIDDEN | SDL_WINDOW_MINIMIZED)) != 0;
}

int hv_living_wait_ms(const hv_app *app)
{
    if (!app->game || app->screen != HV_SCR_GAME || app->settings.reduce_motion ||
        hv_living_hidden(app) || cache.game != app->game)
        return -1;
    uint32_t now = living_now(app);
    int frame = 1000 / HV_LIVING_FPS;
    int want = -1; /* ms from the last frame to the next */
    if (app->game->state.dust > 0)
        want = 1000 / HV_LIVING_DUST_FPS;
    for (int i = 0; i < cache.walker_count && want != frame; i++) {
        const walker *w = &cache.walkers[i];
        int hx, hy, tunnel;
        if (w->n < 2)
            continue;
        if (place(w, now, 0, &hx, &hy, &tunnel)) {
            want = frame;
            break;
        }
        /* Standing still: sleep until they set off. */
        int walk_ms = w->len * 1000 / WALK_SPEED;
        int cycle = AT_POST_MS + AT_HOME_MS + 2 * walk_ms;
        int at = (int)((now + (uint32_t)w->person * 7919u) % (uint32_t)cycle);
        int until = at < AT_POST_MS ? AT_POST_MS - at : AT_POST_MS + walk_ms + AT_HOME_MS - at;
        int from_last = (int)(now - cache.drawn_at) + until;
        if (want < 0 || from_last < want)
            want = from_last;
    }
    const hv_state *s = &app->game->state;
    if (!s->rules->world.day_weeks && !s->rules->world.night_weeks) {
        /* The slow day: the next band whose step brings a new light. */
        for (int b = 0; b < HV_LIGHT_BANDS; b++) {
            uint32_t at = band_step(now, b), c0, c1;
            int a0 = light_at(s, at, 0, &c0), a1 = light_at(s, at + 1000, 0, &c1);
            int from_last = (int)(at + 1000 - cache.drawn_at);
            if ((a0 != a1 || (a0 && c0 != c1)) && (want < 0 || from_last < want))
                want = from_last;
        }
        if (want < 0 || want > 1000)
            want = 1000; /* and a look once a second */
    }
    if (want < 0)
        return -1;
    int left = want - (int)(now - cache.drawn_at);
    return left < 0 ? 0 : left;
}
