/* The base view: resources along the top, the map of modules on Martian
 * terrain, build mode with a placement preview, the side buttons that open
 * panels, the queued orders and End Turn along the bottom. */
#include <stdio.h>
#include <string.h>

#include "hv_app.h"
#include "hv_print.h"
#include "hv_turn.h"

#define TOP_BAR 46
#define BOTTOM_BAR 58
#define SIDE_BAR 54
#define PANEL_W 440

static const char *const res_icon[HV_RES_COUNT] = {
    "icons/water", "icons/oxygen", "icons/food",    "icons/materials",
    "icons/fuel",  "icons/ore",    "icons/iridium", "icons/funds",
};

/* ---- top bar ----------------------------------------------------------- */

/* The tooltip of a resource: stock, last week's change and its causes. */
static void resource_tip(const hv_game *game, int r, char *buf, size_t len)
{
    const hv_rules *rules = game->state.rules;
    int64_t by_cause[HV_CAUSE_COUNT] = {0};
    for (int32_t i = 0; i < game->report.count; i++) {
        const hv_event *e = &game->report.events[i];
        if (e->kind == HV_EV_RESOURCE && e->resource == r && e->cause >= 0 &&
            e->cause < HV_CAUSE_COUNT)
            by_cause[e->cause] += e->amount;
    }
    char num[32];
    hv_format_number(game->state.stock[r], num, sizeof num);
    size_t n = (size_t)snprintf(buf, len, "%s: %s %s", rules->resources[r].name, num,
                                rules->resources[r].unit);
    if (!game->played) {
        snprintf(buf + n, len - n, "\nNo week played yet.");
        return;
    }
    int64_t total = game->state.stock[r] - game->before.stock[r];
    n += (size_t)snprintf(buf + n, len - n, "\nLast week: %+lld", (long long)total);
    for (int c = 0; c < HV_CAUSE_COUNT && n < len; c++)
        if (by_cause[c])
            n += (size_t)snprintf(buf + n, len - n, "\n  %+lld  %s", (long long)by_cause[c],
                                  hv_cause_name((hv_cause)c));
    if (r < HV_RES_MATERIALS && n < len) {
        int64_t need = rules->life.need[r] * game->state.person_count;
        if (need > 0)
            snprintf(buf + n, len - n, "\nThe crew uses %lld a week.", (long long)need);
    }
}

static int chip(hv_app *app, int x, int y, int h, const char *id, const char *icon,
                const char *value, int64_t delta, int show_delta, const char *tip)
{
    hv_gfx *g = &app->gfx;
    int icon_size = hv_gfx_px(g, 22), pad = hv_gfx_px(g, 6);
    int vw, vh, dw = 0;
    hv_gfx_text_size(g, HV_FONT_BODY, 1, value, &vw, &vh);
    char d[32] = "";
    if (show_delta) {
        snprintf(d, sizeof d, delta ? "%+lld" : "±0", (long long)delta);
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, d, &dw, NULL);
    }
    int w = icon_size + pad + (vw > dw ? vw : dw) + 2 * pad;
    SDL_Rect r = {x, y + hv_gfx_px(g, 4), w, h - hv_gfx_px(g, 8)};
    if (hv_gui_hover(&app->gui, r))
        hv_gfx_fill(g, r, HV_C_PANEL_HI, 255);
    hv_gfx_image(g, icon, (SDL_Rect){x + pad, y + (h - icon_size) / 2, icon_size, icon_size});
    int tx = x + pad + icon_size + pad;
    int lh = hv_gfx_line_height(g, HV_FONT_SMALL);
    int ty = show_delta ? y + (h - vh - lh) / 2 : y + (h - vh) / 2;
    hv_gfx_text(g, HV_FONT_BODY, 1, tx, ty, HV_C_TEXT, value);
    if (show_delta)
        hv_gfx_text(g, HV_FONT_SMALL, 0, tx, ty + vh - hv_gfx_px(g, 2),
                    delta > 0   ? HV_C_GOOD
                    : delta < 0 ? HV_C_BAD
                                : HV_C_DIM,
                    d);
    hv_gui_area(&app->gui, id, r, tip);
    return w;
}

static void top_bar(hv_app *app, SDL_Rect bar)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_state *s = &game->state;
    hv_gfx_fill(g, bar, HV_C_PANEL, 255);
    hv_gfx_fill(g, (SDL_Rect){bar.x, bar.y + bar.h - 2, bar.w, 2}, HV_C_BORDER, 255);
    int x = bar.x + hv_gfx_px(g, 8);
    char value[48], tip[HV_TIP_LEN], id[32];
    for (int r = 0; r < HV_RES_COUNT; r++) {
        hv_format_number(s->stock[r], value, sizeof value);
        resource_tip(game, r, tip, sizeof tip);
        snprintf(id, sizeof id, "res_%s", hv_resource_id((hv_resource)r));
        x += chip(app, x, bar.y, bar.h, id, res_icon[r], value, s->stock[r] - game->before.stock[r],
                  game->played, tip);
    }
    snprintf(value, sizeof value, "%d/%d kW", s->power_supply, s->power_demand);
    snprintf(tip, sizeof tip,
             "Power: %d kW made, %d kW wanted last week.\nOn a deficit, modules shut down from "
             "priority 9 towards 1.",
             s->power_supply, s->power_demand);
    x += chip(app, x, bar.y, bar.h, "power", "icons/power", value, 0, 0, tip);
    snprintf(value, sizeof value, "%d%%", s->dust);
    snprintf(tip, sizeof tip, "Dust in the air: %d%%. Solar arrays lose that share of output.",
             s->dust);
    x += chip(app, x, bar.y, bar.h, "dust", "icons/dust", value, 0, 0, tip);
    snprintf(value, sizeof value, "%d", s->person_count);
    snprintf(tip, sizeof tip, "People at the base: %d (%d have died).", s->person_count, s->deaths);
    x += chip(app, x, bar.y, bar.h, "people", "icons/people", value, 0, 0, tip);
    int t = hv_state_max_tension(s);
    snprintf(value, sizeof value, "%d", t);
    snprintf(tip, sizeof tip,
             "Worst tension: %d (nations %d, classes %d). Incidents start at %d; a riot at %d "
             "held for %d weeks loses the base.",
             t, hv_state_nation_tension(s), s->class_tension, s->rules->society.incident_at,
             s->rules->society.riot_at, s->rules->society.riot_weeks);
    chip(app, x, bar.y, bar.h, "tension", "icons/tension", value, 0, 0, tip);
    /* The week, right-aligned. */
    snprintf(value, sizeof value, "Week %d", s->turn + 1);
    int ww, wh;
    hv_gfx_text_size(g, HV_FONT_HEAD, 1, value, &ww, &wh);
    SDL_Rect wr = {bar.x + bar.w - ww - hv_gfx_px(g, 16), bar.y, ww, bar.h};
    hv_gfx_text(g, HV_FONT_HEAD, 1, wr.x, bar.y + (bar.h - wh) / 2, HV_C_ACCENT, value);
    snprintf(tip, sizeof tip, "%s\nWeek %d of the game; %d played.", app->game->level->title,
             s->turn + 1, s->turn);
    hv_gui_area(&app->gui, "week", wr, tip);
}

/* ---- the map ----------------------------------------------------------- */

static const char *terrain_image(const hv_rules *rules, int x, int y)
{
    switch (hv_rules_terrain_at(rules, x, y)) {
    case HV_TERRAIN_ICE:
        return "terrain/ice";
    case HV_TERRAIN_ROCK:
        return "terrain/rock";
    default: {
        /* A fixed scatter of plain variants, the same every frame. */
        unsigned h = (unsigned)(x * 73856093u) ^ (unsigned)(y * 19349663u);
        return (h >> 3) % 5 == 0   ? "terrain/plain2"
               : (h >> 3) % 5 == 1 ? "terrain/plain3"
                                   : "terrain/plain";
    }
    }
}

/* Draws the ground of the map in AREA. The whole ground is drawn once into
 * a texture per tile size, so a frame copies one image instead of a
 * thousand tiles; a map too large for a texture is drawn tile by tile. */
static void draw_terrain(hv_app *app, SDL_Rect area, int tile)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_rules *rules = game->state.rules;
    int mw = rules->map_width * tile, mh = rules->map_height * tile;
    int ox = area.x - game->cam_x, oy = area.y - game->cam_y;
    if (mw <= 8192 && mh <= 8192 && SDL_RenderTargetSupported(app->ren)) {
        if (!game->terrain || game->terrain_tile != tile) {
            if (game->terrain)
                SDL_DestroyTexture(game->terrain);
            game->terrain = SDL_CreateTexture(app->ren, SDL_PIXELFORMAT_ARGB8888,
                                              SDL_TEXTUREACCESS_TARGET, mw, mh);
            if (game->terrain)
                SDL_SetTextureBlendMode(game->terrain, SDL_BLENDMODE_NONE); /* opaque ground */
            if (game->terrain && SDL_SetRenderTarget(app->ren, game->terrain) == 0) {
                SDL_RenderSetClipRect(app->ren, NULL);
                for (int y = 0; y < rules->map_height; y++)
                    for (int x = 0; x < rules->map_width; x++)
                        hv_gfx_image(g, terrain_image(rules, x, y),
                                     (SDL_Rect){x * tile, y * tile, tile, tile});
                SDL_SetRenderTarget(app->ren, NULL);
                game->terrain_tile = tile;
            }
        }
        if (game->terrain && game->terrain_tile == tile) {
            SDL_Rect src = {game->cam_x, game->cam_y, area.w, area.h}, dst = area;
            /* Clip the source to the texture and move the target to match. */
            if (src.x < 0) {
                dst.x -= src.x;
                src.w += src.x;
                src.x = 0;
            }
            if (src.y < 0) {
                dst.y -= src.y;
                src.h += src.y;
                src.y = 0;
            }
            src.w = src.x + src.w > mw ? mw - src.x : src.w;
            src.h = src.y + src.h > mh ? mh - src.y : src.h;
            dst.w = src.w;
            dst.h = src.h;
            if (src.w > 0 && src.h > 0)
                SDL_RenderCopy(app->ren, game->terrain, &src, &dst);
            return;
        }
    }
    SDL_RenderSetClipRect(app->ren, &area);
    int x0 = game->cam_x / tile - 1, y0 = game->cam_y / tile - 1;
    int x1 = (game->cam_x + area.w) / tile + 1, y1 = (game->cam_y + area.h) / tile + 1;
    for (int y = y0 < 0 ? 0 : y0; y <= y1 && y < rules->map_height; y++)
        for (int x = x0 < 0 ? 0 : x0; x <= x1 && x < rules->map_width; x++)
            hv_gfx_image(g, terrain_image(rules, x, y),
                         (SDL_Rect){ox + x * tile, oy + y * tile, tile, tile});
    SDL_RenderSetClipRect(app->ren, NULL);
}

static int can_build_at(const hv_state *s, int type, int x, int y)
{
    const hv_rules *r = s->rules;
    if (x < 0 || y < 0 || x >= r->map_width || y >= r->map_height)
        return 0;
    if (hv_state_module_at((hv_state *)s, x, y))
        return 0;
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == HV_ORDER_BUILD && s->orders[i].x == x && s->orders[i].y == y)
            return 0;
    if (!(r->module_types[type].terrain_mask & (1u << hv_rules_terrain_at(r, x, y))))
        return 0;
    for (int res = 0; res < HV_RES_COUNT; res++)
        if (r->module_types[type].cost[res] > s->stock[res])
            return 0;
    return 1;
}

static void module_tip(const hv_state *s, const hv_module *m, char *buf, size_t len)
{
    const hv_module_type *mt = &s->rules->module_types[m->type];
    size_t n = (size_t)snprintf(buf, len, "%s #%d at (%d, %d)\n", mt->name, m->id, m->x, m->y);
    if (m->status == HV_MODULE_BUILDING)
        n += (size_t)snprintf(buf + n, len - n, "Under construction: %d week%s left.",
                              m->build_left, m->build_left == 1 ? "" : "s");
    else if (m->broken)
        n += (size_t)snprintf(buf + n, len - n, "Out of action for %d more week%s.", m->broken,
                              m->broken == 1 ? "" : "s");
    else
        n += (size_t)snprintf(buf + n, len - n, "%s, running at %d%%.",
                              m->powered ? "Powered" : "No power", m->output_pm / 10);
    if (mt->crew_slots && n < len)
        n += (size_t)snprintf(buf + n, len - n, "\nCrew %d of %d.", m->crew, mt->crew_slots);
    if (n < len)
        snprintf(buf + n, len - n, "\nPower priority %d. Click to select.", m->priority);
}

static void draw_module(hv_app *app, const hv_state *s, const hv_module *m, SDL_Rect cell,
                        int selected)
{
    hv_gfx *g = &app->gfx;
    const hv_module_type *mt = &s->rules->module_types[m->type];
    char name[64];
    snprintf(name, sizeof name, "modules/%s", mt->id);
    int building = m->status == HV_MODULE_BUILDING;
    int dark = !building && (!m->powered || m->broken);
    hv_gfx_image_tinted(g, name, cell, dark ? 0x8a7a7a : 0xffffff, building ? 120 : 255);
    int badge = cell.w / 3;
    if (building) {
        char weeks[8];
        snprintf(weeks, sizeof weeks, "%d", m->build_left);
        hv_gfx_fill(g, (SDL_Rect){cell.x, cell.y + cell.h - badge, badge, badge}, 0x000000, 170);
        hv_gfx_text(g, HV_FONT_SMALL, 1, cell.x + 2, cell.y + cell.h - badge, HV_C_WARN, weeks);
    } else if (m->broken) {
        hv_gfx_image(g, "icons/warning", (SDL_Rect){cell.x + cell.w - badge, cell.y, badge, badge});
    } else if (!m->powered && mt->power < 0) {
        hv_gfx_image_tinted(g, "icons/power",
                            (SDL_Rect){cell.x + cell.w - badge, cell.y, badge, badge}, HV_C_BAD,
                            255);
    }
    if (mt->crew_slots > 0 && !building) {
        /* Crew pips along the bottom edge. */
        int pip = cell.w / 10 > 3 ? cell.w / 10 : 3;
        for (int k = 0; k < mt->crew_slots && k < 8; k++)
            hv_gfx_fill(g,
                        (SDL_Rect){cell.x + 2 + k * (pip + 2), cell.y + cell.h - pip - 2, pip, pip},
                        k < m->crew ? HV_C_GOOD : 0x3a3030, 255);
    }
    if (selected)
        hv_gfx_frame(g, hv_rect_inset(cell, -2), HV_C_ACCENT);
}

static void map_view(hv_app *app, SDL_Rect area)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    hv_state *s = &game->state;
    const hv_rules *rules = s->rules;
    if (game->cam_x <= -1000000) {
        /* A new game starts with as much of the map in view as fits. */
        int fit_w = area.w * 100 / g->scale / rules->map_width;
        int fit_h = area.h * 100 / g->scale / rules->map_height;
        int fit = (fit_w < fit_h ? fit_w : fit_h) / 4 * 4;
        game->zoom = fit < 28 ? 28 : fit > 64 ? 64 : fit;
    }
    int tile = hv_gfx_px(g, game->zoom);
    int mw = rules->map_width * tile, mh = rules->map_height * tile;
    if (game->cam_x <= -1000000) {
        game->cam_x = (mw - area.w) / 2;
        game->cam_y = (mh - area.h) / 2;
    }
    /* Keep some of the map in view whatever the scroll. */
    int lo_x = -area.w / 2, hi_x = mw - area.w / 2, lo_y = -area.h / 2, hi_y = mh - area.h / 2;
    game->cam_x = game->cam_x < lo_x ? lo_x : game->cam_x > hi_x ? hi_x : game->cam_x;
    game->cam_y = game->cam_y < lo_y ? lo_y : game->cam_y > hi_y ? hi_y : game->cam_y;
    int ox = area.x - game->cam_x, oy = area.y - game->cam_y;
    draw_terrain(app, area, tile);
    SDL_RenderSetClipRect(app->ren, &area);
    /* The cell under the pointer. */
    int hover = hv_gui_hover(&app->gui, area);
    int cx = hover ? (app->gui.mx - ox) / tile : -1, cy = hover ? (app->gui.my - oy) / tile : -1;
    if (app->gui.mx < ox || app->gui.my < oy)
        cx = cy = -1;
    char tip[HV_TIP_LEN];
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        SDL_Rect cell = {ox + m->x * tile, oy + m->y * tile, tile, tile};
        draw_module(app, s, m, cell, m->id == game->selected);
    }
    /* Builds queued this week, as ghosts. */
    for (int32_t i = 0; i < s->order_count; i++) {
        const hv_order *o = &s->orders[i];
        if (o->kind != HV_ORDER_BUILD)
            continue;
        char name[64];
        snprintf(name, sizeof name, "modules/%s", rules->module_types[o->module_type].id);
        SDL_Rect cell = {ox + o->x * tile, oy + o->y * tile, tile, tile};
        hv_gfx_image_tinted(g, name, cell, 0xb0d0ff, 140);
        hv_gfx_frame(g, cell, HV_C_INFO);
    }
    if (cx >= 0 && cy >= 0 && cx < rules->map_width && cy < rules->map_height) {
        SDL_Rect cell = {ox + cx * tile, oy + cy * tile, tile, tile};
        hv_module *m = hv_state_module_at(s, cx, cy);
        if (game->build_type >= 0) {
            int ok = can_build_at(s, game->build_type, cx, cy);
            char name[64];
            const hv_module_type *mt = &rules->module_types[game->build_type];
            snprintf(name, sizeof name, "modules/%s", mt->id);
            hv_gfx_image_tinted(g, name, cell, ok ? 0xc0ffc0 : 0xff9090, 170);
            hv_gfx_fill(g, cell, ok ? HV_C_GOOD : HV_C_BAD, 60);
            hv_gfx_frame(g, cell, ok ? HV_C_GOOD : HV_C_BAD);
            snprintf(tip, sizeof tip, "%s at (%d, %d): %s", mt->name, cx, cy,
                     ok ? "click to queue the build."
                        : "cannot be built here (ground, space or stock).");
            hv_gui_tip(&app->gui, cell, tip);
        } else {
            hv_gfx_frame(g, cell, m ? HV_C_TEXT : 0x8a6a58);
            if (m) {
                module_tip(s, m, tip, sizeof tip);
                hv_gui_tip(&app->gui, cell, tip);
            } else {
                static const char *const ground[] = {"Regolith plain", "Buried ice", "Rock"};
                snprintf(tip, sizeof tip, "%s at (%d, %d)",
                         ground[hv_rules_terrain_at(rules, cx, cy)], cx, cy);
                hv_gui_tip(&app->gui, cell, tip);
            }
        }
    }
    game->map_area = area;
    game->hover_x = cx;
    game->hover_y = cy;
    SDL_RenderSetClipRect(app->ren, NULL);
}

/* Acts on a click on the map, once every widget drawn over it has had its
 * chance to take the click. */
static void map_click(hv_app *app)
{
    hv_game *game = app->game;
    hv_state *s = &game->state;
    SDL_Rect area = game->map_area;
    if (!hv_gui_hover(&app->gui, area))
        return;
    for (int i = 0; i < app->gui.widget_count; i++)
        if (hv_rect_has(app->gui.widgets[i].r, app->gui.mx, app->gui.my))
            return; /* something drawn over the map is under the pointer */
    if (app->gui.right_released) {
        game->build_type = -1;
        game->selected = 0;
    }
    if (app->gui.wheel) {
        int z = game->zoom + app->gui.wheel * 8;
        game->zoom = z < 24 ? 24 : z > 96 ? 96 : z;
        app->gui.wheel = 0;
    }
    int cx = game->hover_x, cy = game->hover_y;
    if (cx < 0 || cy < 0 || cx >= s->rules->map_width || cy >= s->rules->map_height ||
        !hv_gui_clicked(&app->gui, area))
        return;
    if (game->build_type >= 0) {
        const hv_module_type *mt = &s->rules->module_types[game->build_type];
        if (!can_build_at(s, game->build_type, cx, cy)) {
            hv_app_toast(app, "%s cannot be built at (%d, %d).", mt->name, cx, cy);
            return;
        }
        hv_order o = {0};
        o.kind = HV_ORDER_BUILD;
        o.module_type = game->build_type;
        o.x = cx;
        o.y = cy;
        if (hv_app_queue(app, &o) == 0)
            hv_app_toast(app, "Queued: %s at (%d, %d). Ctrl+Z undoes it.", mt->name, cx, cy);
    } else {
        hv_module *m = hv_state_module_at(s, cx, cy);
        game->selected = m ? m->id : 0;
    }
}

/* ---- build palette and the selected module ----------------------------- */

static void build_palette(hv_app *app, SDL_Rect area)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_state *s = &game->state;
    const hv_rules *rules = s->rules;
    int size = hv_gfx_px(g, 56), gap = hv_gfx_px(g, 6);
    int n = rules->module_type_count;
    int w = n * (size + gap) + gap;
    SDL_Rect bar = {area.x + (area.w - w) / 2, area.y + area.h - size - 2 * gap, w, size + 2 * gap};
    if (bar.x < area.x)
        bar.x = area.x;
    hv_gfx_fill(g, bar, HV_C_PANEL, 235);
    hv_gfx_frame(g, bar, HV_C_BORDER);
    hv_gui_area(&app->gui, "build_palette", bar, NULL);
    for (int t = 0; t < n; t++) {
        const hv_module_type *mt = &rules->module_types[t];
        SDL_Rect r = {bar.x + gap + t * (size + gap), bar.y + gap, size, size};
        char tip[HV_TIP_LEN], id[48], icon[64];
        size_t k = (size_t)snprintf(tip, sizeof tip, "%s\nCost:", mt->name);
        int afford = 1;
        for (int res = 0; res < HV_RES_COUNT; res++)
            if (mt->cost[res]) {
                k += (size_t)snprintf(tip + k, sizeof tip - k, " %lld %s", (long long)mt->cost[res],
                                      rules->resources[res].name);
                afford &= s->stock[res] >= mt->cost[res];
            }
        k += (size_t)snprintf(tip + k, sizeof tip - k, "\nBuilds in %d week%s; upkeep %lld a week.",
                              mt->build_turns, mt->build_turns == 1 ? "" : "s",
                              (long long)mt->upkeep);
        if (mt->power)
            k += (size_t)snprintf(tip + k, sizeof tip - k, "\nPower %+d kW.", mt->power);
        if (mt->crew_slots)
            k += (size_t)snprintf(tip + k, sizeof tip - k, "\nCrew up to %d.", mt->crew_slots);
        if (!afford)
            snprintf(tip + k, sizeof tip - k, "\nNot enough stock to pay for it.");
        snprintf(id, sizeof id, "build_%s", mt->id);
        snprintf(icon, sizeof icon, "modules/%s", mt->id);
        int sel = game->build_type == t;
        if (hv_gui_button(&app->gui, id, r, NULL, NULL, tip, sel ? HV_W_SELECTED : 0))
            game->build_type = sel ? -1 : t;
        hv_gfx_image_tinted(g, icon, hv_rect_inset(r, hv_gfx_px(g, 4)), 0xffffff,
                            afford ? 255 : 110);
    }
}

static void module_info(hv_app *app, SDL_Rect area)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    hv_state *s = &game->state;
    hv_module *m = hv_state_module(s, game->selected);
    if (!m) {
        game->selected = 0;
        return;
    }
    const hv_module_type *mt = &s->rules->module_types[m->type];
    int w = hv_gfx_px(g, 330), lh = hv_gfx_line_height(g, HV_FONT_BODY);
    int h = hv_gfx_px(g, 150) + (mt->crew_slots + 1) * lh;
    SDL_Rect r = {area.x + hv_gfx_px(g, 10), area.y + area.h - h - hv_gfx_px(g, 10), w, h};
    SDL_Rect in = hv_gui_panel(&app->gui, r, mt->name);
    hv_gui_area(&app->gui, "module_info", r, NULL);
    char line[256];
    module_tip(s, m, line, sizeof line);
    char *second = strchr(line, '\n');
    int y = in.y;
    y += hv_gfx_text_wrap(g, HV_FONT_SMALL, in.x, y, in.w, HV_C_DIM, second ? second + 1 : line, 1);
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (p->module != m->id)
            continue;
        hv_draw_faction_mark(app, p->faction, (SDL_Rect){in.x, y + 2, lh - 4, lh - 4});
        snprintf(line, sizeof line, "%s, %s", p->name, s->rules->roles[p->role].name);
        hv_gfx_text(g, HV_FONT_BODY, 0, in.x + lh + 2, y, HV_C_TEXT, line);
        y += lh;
    }
    int bh = hv_gfx_px(g, 30), bw = hv_gfx_px(g, 96), gap = hv_gfx_px(g, 6);
    SDL_Rect b = {in.x, in.y + in.h - bh, hv_gfx_px(g, 34), bh};
    hv_order o = {0};
    o.module = m->id;
    if (hv_gui_button(&app->gui, "priority_down", b, NULL, "-",
                      "Lower number: kept powered longer and fed inputs first.",
                      m->priority <= 1 ? HV_W_DISABLED : 0)) {
        o.kind = HV_ORDER_PRIORITY;
        o.value = m->priority - 1;
        hv_app_queue(app, &o);
    }
    snprintf(line, sizeof line, "Priority %d", m->priority);
    hv_gfx_text(g, HV_FONT_SMALL, 0, b.x + b.w + gap, b.y + hv_gfx_px(g, 7), HV_C_TEXT, line);
    b.x += b.w + gap + hv_gfx_px(g, 64);
    if (hv_gui_button(&app->gui, "priority_up", b, NULL, "+",
                      "Higher number: shut down sooner on a power deficit.",
                      m->priority >= 9 ? HV_W_DISABLED : 0)) {
        o.kind = HV_ORDER_PRIORITY;
        o.value = m->priority + 1;
        hv_app_queue(app, &o);
    }
    SDL_Rect d = {in.x + in.w - bw, b.y, bw, bh};
    if (hv_gui_button(&app->gui, "demolish", d, "icons/demolish", "Demolish",
                      "Queue the demolition: crew lose their post, half the materials come back.",
                      HV_W_DANGER)) {
        o.kind = HV_ORDER_DEMOLISH;
        if (hv_app_queue(app, &o) == 0)
            hv_app_toast(app, "Queued: demolish %s #%d.", mt->name, m->id);
        game->selected = 0;
    }
}

/* ---- side and bottom bars ---------------------------------------------- */

static void side_bar(hv_app *app, SDL_Rect bar)
{
    static const struct {
        const char *id, *icon, *tip;
        hv_panel panel;
        hv_action key;
    } buttons[] = {
        {"panel_crew", "icons/crew", "Crew: assignments, morale and health", HV_PANEL_CREW,
         HV_ACT_CREW},
        {"panel_factions", "icons/factions", "Factions and tension between them", HV_PANEL_FACTIONS,
         HV_ACT_FACTIONS},
        {"panel_asteroids", "icons/asteroids", "Asteroids and missions", HV_PANEL_ASTEROIDS,
         HV_ACT_ASTEROIDS},
        {"panel_policies", "icons/policies", "Policies of the base", HV_PANEL_POLICIES,
         HV_ACT_POLICIES},
        {"panel_charts", "icons/charts", "History charts", HV_PANEL_CHARTS, HV_ACT_CHARTS},
        {"panel_report", "icons/report", "Last week's report", HV_PANEL_REPORT, HV_ACT_REPORT},
    };
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    hv_gfx_fill(g, bar, HV_C_PANEL, 255);
    hv_gfx_fill(g, (SDL_Rect){bar.x, bar.y, 2, bar.h}, HV_C_BORDER, 255);
    int size = bar.w - hv_gfx_px(g, 10), y = bar.y + hv_gfx_px(g, 6);
    char tip[160], key[32];
    hv_keybind_format(app->settings.keys[HV_ACT_BUILD], key, sizeof key);
    snprintf(tip, sizeof tip, "Build mode: pick a module type, then a cell (%s)", key);
    SDL_Rect r = {bar.x + hv_gfx_px(g, 5), y, size, size};
    if (hv_gui_button(&app->gui, "build_mode", r, "icons/build", NULL, tip,
                      game->build_type >= 0 ? HV_W_SELECTED : 0)) {
        game->build_type = game->build_type >= 0 ? -1 : 0;
        game->selected = 0;
    }
    y += size + hv_gfx_px(g, 6);
    for (size_t i = 0; i < sizeof buttons / sizeof buttons[0]; i++) {
        r.y = y;
        hv_keybind_format(app->settings.keys[buttons[i].key], key, sizeof key);
        snprintf(tip, sizeof tip, "%s (%s)", buttons[i].tip, key);
        if (hv_gui_button(&app->gui, buttons[i].id, r, buttons[i].icon, NULL, tip,
                          app->panel == buttons[i].panel ? HV_W_SELECTED : 0))
            app->panel = app->panel == buttons[i].panel ? HV_PANEL_NONE : buttons[i].panel;
        y += size + hv_gfx_px(g, 6);
    }
    r.y = bar.y + bar.h - 2 * (size + hv_gfx_px(g, 6));
    hv_keybind_format(app->settings.keys[HV_ACT_HELP], key, sizeof key);
    snprintf(tip, sizeof tip, "Help and keys (%s)", key);
    if (hv_gui_button(&app->gui, "help", r, "icons/help", NULL, tip, 0))
        app->modal = HV_MODAL_HELP;
    r.y += size + hv_gfx_px(g, 6);
    hv_keybind_format(app->settings.keys[HV_ACT_MENU], key, sizeof key);
    snprintf(tip, sizeof tip, "Menu: save, load, settings, quit (%s)", key);
    if (hv_gui_button(&app->gui, "menu", r, "icons/menu", NULL, tip, 0))
        app->modal = HV_MODAL_MENU;
}

static void bottom_bar(hv_app *app, SDL_Rect bar)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    hv_state *s = &game->state;
    hv_gfx_fill(g, bar, HV_C_PANEL, 255);
    hv_gfx_fill(g, (SDL_Rect){bar.x, bar.y, bar.w, 2}, HV_C_BORDER, 255);
    int pad = hv_gfx_px(g, 8), bh = bar.h - 2 * pad;
    char label[64], tip[HV_TIP_LEN], key[32];
    /* Orders queued this week, listed in the tooltip. */
    size_t n = (size_t)snprintf(tip, sizeof tip, "Orders queued for this week:");
    for (int32_t i = 0; i < s->order_count && n < sizeof tip; i++) {
        char line[160];
        hv_describe_order(s, &s->orders[i], line, sizeof line);
        n += (size_t)snprintf(tip + n, sizeof tip - n, "\n%d. %s", i + 1, line);
    }
    if (s->order_count == 0)
        snprintf(tip + n, sizeof tip - n, " none yet.");
    snprintf(label, sizeof label, "%d order%s queued", s->order_count,
             s->order_count == 1 ? "" : "s");
    int lw, lhh;
    hv_gfx_text_size(g, HV_FONT_BODY, 0, label, &lw, &lhh);
    SDL_Rect lr = {bar.x + pad, bar.y + (bar.h - lhh) / 2, lw, lhh};
    hv_gfx_text(g, HV_FONT_BODY, 0, lr.x, lr.y, HV_C_TEXT, label);
    hv_gui_area(&app->gui, "orders", lr, tip);
    hv_keybind_format(app->settings.keys[HV_ACT_UNDO], key, sizeof key);
    snprintf(tip, sizeof tip, "Drop the last order queued this week (%s)", key);
    SDL_Rect ur = {lr.x + lw + pad, bar.y + pad, hv_gfx_px(g, 96), bh};
    if (hv_gui_button(&app->gui, "undo", ur, "icons/undo", "Undo", tip,
                      s->order_count ? 0 : HV_W_DISABLED))
        hv_app_undo(app);
    /* End turn, the biggest button. */
    int ew = hv_gfx_px(g, 200);
    SDL_Rect er = {bar.x + bar.w - ew - pad, bar.y + pad, ew, bh};
    hv_keybind_format(app->settings.keys[HV_ACT_END_TURN], key, sizeof key);
    int over = s->outcome != HV_OUTCOME_RUNNING && !s->play_on;
    snprintf(tip, sizeof tip, "%s (%s)",
             over              ? "The game is over: see the summary."
             : s->pending >= 0 ? "An event waits for your answer first."
                               : "Apply the queued orders and play out the week.",
             key);
    snprintf(label, sizeof label, over ? "Summary" : "End week %d", s->turn + 1);
    if (hv_gui_button(&app->gui, "end_turn", er, "icons/end_turn", label, tip, HV_W_PRIMARY))
        hv_app_end_turn(app);
    /* The latest message in between. */
    if (app->toast[0] && SDL_TICKS_PASSED(app->toast_until, SDL_GetTicks()) == 0)
        hv_gfx_text(g, HV_FONT_BODY, 0, ur.x + ur.w + 2 * pad, bar.y + (bar.h - lhh) / 2, HV_C_WARN,
                    app->toast);
    else if (app->toast[0] && app->opt.script)
        hv_gfx_text(g, HV_FONT_BODY, 0, ur.x + ur.w + 2 * pad, bar.y + (bar.h - lhh) / 2, HV_C_WARN,
                    app->toast);
}

/* ---- the screen -------------------------------------------------------- */

typedef void (*panel_fn)(hv_app *app, SDL_Rect area);

int hv_game_cell_point(const hv_app *app, int x, int y, int *px, int *py)
{
    const hv_game *game = app->game;
    if (!game || x < 0 || y < 0 || x >= game->state.rules->map_width ||
        y >= game->state.rules->map_height)
        return -1;
    int tile = hv_gfx_px(&app->gfx, game->zoom);
    *px = game->map_area.x - game->cam_x + x * tile + tile / 2;
    *py = game->map_area.y - game->cam_y + y * tile + tile / 2;
    return hv_rect_has(game->map_area, *px, *py) ? 0 : -1;
}

void hv_screen_game(hv_app *app)
{
    static const panel_fn panels[HV_PANEL_COUNT] = {
        NULL,
        hv_panel_crew,
        hv_panel_factions,
        hv_panel_asteroids,
        hv_panel_policies,
        hv_panel_charts,
        hv_panel_report,
    };
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    int top = hv_gfx_px(g, TOP_BAR), bottom = hv_gfx_px(g, BOTTOM_BAR),
        side = hv_gfx_px(g, SIDE_BAR);
    if (game->build_type >= game->state.rules->module_type_count)
        game->build_type = -1;
    /* Under a dialog, draw everything but let nothing take input. */
    app->gui.enabled = app->modal == HV_MODAL_NONE;
    SDL_Rect map = {0, top, g->w - side, g->h - top - bottom};
    SDL_Rect panel = {map.x + map.w - hv_gfx_px(g, PANEL_W), top, hv_gfx_px(g, PANEL_W), map.h};
    if (panel.x < map.x + map.w / 3) {
        panel.x = map.x + map.w / 3;
        panel.w = map.w - map.w / 3;
    }
    SDL_Rect map_left = map;
    if (app->panel != HV_PANEL_NONE)
        map_left.w = panel.x - map.x;
    /* Panels and bars first for input, so a click on them never reaches the
     * map beneath; the map is drawn first all the same. */
    map_view(app, map_left);
    if (game->build_type >= 0)
        build_palette(app, map_left);
    else if (game->selected)
        module_info(app, map_left);
    if (app->panel != HV_PANEL_NONE && panels[app->panel])
        panels[app->panel](app, panel);
    top_bar(app, (SDL_Rect){0, 0, g->w, top});
    side_bar(app, (SDL_Rect){g->w - side, top, side, g->h - top - bottom});
    bottom_bar(app, (SDL_Rect){0, g->h - bottom, g->w, bottom});
    if (app->gui.enabled)
        map_click(app);
    app->gui.enabled = 1;
    switch (app->modal) {
    case HV_MODAL_EVENT:
        hv_dialog_event(app);
        break;
    case HV_MODAL_END:
        hv_dialog_end(app);
        break;
    case HV_MODAL_HELP:
        hv_dialog_help(app);
        break;
    case HV_MODAL_MENU:
        hv_dialog_menu(app);
        break;
    case HV_MODAL_SAVE:
        hv_dialog_save(app);
        break;
    case HV_MODAL_ERROR:
        hv_dialog_error(app);
        break;
    default:
        break;
    }
}
