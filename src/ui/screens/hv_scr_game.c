/* The base view: the map of modules on Martian terrain, build mode with a
 * placement preview, the selected module, and the layout that puts the
 * bars (hv_scr_bars.c), the open panel and any dialog around it. */
#include <stdio.h>
#include <string.h>

#include "hv_alerts.h"
#include "hv_app.h"
#include "hv_living.h"
#include "hv_map_layer.h"
#include "hv_print.h"
#include "hv_scr_game.h"
#include "hv_turn.h"

/* ---- the map ----------------------------------------------------------- */

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
    hv_light_bands lit;
    int laid = hv_map_layer_draw(app, area, tile, &lit);
    /* The cell under the pointer. */
    int hover = hv_gui_hover(&app->gui, area);
    int cx = hover ? (app->gui.mx - ox) / tile : -1, cy = hover ? (app->gui.my - oy) / tile : -1;
    if (app->gui.mx < ox || app->gui.my < oy)
        cx = cy = -1;
    char tip[HV_TIP_LEN];
    hv_living_over(app, area, ox, oy, tile, laid ? &lit : NULL);
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
                hv_module_tip_full(game, m, tip, sizeof tip);
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
    SDL_Rect ground = {ox, oy, mw, mh};
    if (!SDL_IntersectRect(&area, &ground, &game->ground_area))
        game->ground_area = (SDL_Rect){0, 0, 0, 0};
    game->hover_x = cx;
    game->hover_y = cy;
    hv_gfx_clip(&app->gfx, NULL);
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
    hv_module_tip(game, m, line, sizeof line);
    char *second = strchr(line, '\n');
    int y = in.y;
    y += hv_gfx_text_wrap(g, HV_FONT_SMALL, in.x, y, in.w, HV_C_DIM, second ? second + 1 : line, 1);
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (p->module != m->id)
            continue;
        hv_draw_faction_mark(app, p->faction, (SDL_Rect){in.x, y + 2, lh - 4, lh - 4});
        snprintf(line, sizeof line, "%s, %s", hv_person_name(s, p), s->rules->roles[p->role].name);
        hv_gfx_text(g, HV_FONT_BODY, 0, in.x + lh + 2, y, HV_C_TEXT, line);
        y += lh;
    }
    int bh = hv_gfx_px(g, 30), bw = hv_gfx_px(g, 96), gap = hv_gfx_px(g, 6);
    SDL_Rect b = {in.x, in.y + in.h - bh, hv_gfx_px(g, 34), bh};
    /* The priority the week will start with: a change queued shows at once. */
    static hv_state after; /* large; rebuilt when drawn */
    hv_state_after_orders(s, &after);
    const hv_module *am = hv_state_module(&after, m->id);
    int prio = am ? am->priority : m->priority;
    if (hv_gui_button(&app->gui, "priority_down", b, NULL, "-",
                      "Lower number: kept powered longer and fed inputs first.",
                      prio <= 1 ? HV_W_DISABLED : 0))
        hv_app_queue_priority(app, m->id, prio - 1);
    snprintf(line, sizeof line, "Priority %d", prio);
    SDL_Rect pr = {b.x + b.w + gap, b.y, hv_gfx_px(g, 64) - gap, bh};
    hv_gfx_text(g, HV_FONT_SMALL, 0, pr.x, b.y + hv_gfx_px(g, 7),
                prio != m->priority ? HV_C_INFO : HV_C_TEXT, line);
    char ptip[160];
    if (prio != m->priority)
        snprintf(ptip, sizeof ptip, "Power priority %d, queued for the end of the week (now %d).",
                 prio, m->priority);
    else
        snprintf(ptip, sizeof ptip, "Power priority %d.", prio);
    hv_gui_area(&app->gui, "priority_value", pr, ptip);
    b.x += b.w + gap + hv_gfx_px(g, 64);
    if (hv_gui_button(&app->gui, "priority_up", b, NULL, "+",
                      "Higher number: shut down sooner on a power deficit.",
                      prio >= 9 ? HV_W_DISABLED : 0))
        hv_app_queue_priority(app, m->id, prio + 1);
    hv_order o = {0};
    o.module = m->id;
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

/* The step the level is teaching, at the top left of the map: what to do
 * now, in the window's words. Widget ids: step_card, and step_N for the
 * N-th step (from 1), so a script can tell which is shown. */
static void step_card(hv_app *app, SDL_Rect area)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    if (rules->step_count == 0 || s->outcome != HV_OUTCOME_RUNNING)
        return;
    int done = s->step >= rules->step_count;
    const hv_step *st = done ? NULL : &rules->steps[s->step];
    int pad = hv_gfx_px(g, 10), w = hv_gfx_px(g, 360);
    w = w > area.w - 2 * pad ? area.w - 2 * pad : w;
    char head[HV_NAME_LEN + 32];
    const char *text = done ? "Every step is done. Now meet the goals: the top bar shows the "
                              "stocks, and the turn report (R) what changed each week."
                            : st->text;
    if (done)
        snprintf(head, sizeof head, "All %d steps done", rules->step_count);
    else
        snprintf(head, sizeof head, "Step %d of %d: %s", s->step + 1, rules->step_count, st->title);
    int inner = w - 2 * pad;
    int h = hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_px(g, 6) +
            hv_gfx_text_wrap(g, HV_FONT_SMALL, 0, 0, inner, HV_C_TEXT, text, 0) + 2 * pad;
    SDL_Rect r = {area.x + pad, area.y + pad, w, h};
    hv_gfx_fill(g, r, HV_C_PANEL, 235);
    hv_gfx_frame(g, r, HV_C_ACCENT);
    hv_gfx_fill(g, (SDL_Rect){r.x, r.y, hv_gfx_px(g, 4), r.h}, HV_C_ACCENT, 255);
    int y = r.y + pad;
    hv_gfx_text(g, HV_FONT_BODY, 1, r.x + pad, y, done ? HV_C_GOOD : HV_C_TEXT, head);
    y += hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_px(g, 6);
    hv_gfx_text_wrap(g, HV_FONT_SMALL, r.x + pad, y, inner, HV_C_TEXT, text, 1);
    char id[24];
    snprintf(id, sizeof id, "step_%d", done ? rules->step_count + 1 : s->step + 1);
    hv_gui_area(&app->gui, "step_card", r, NULL);
    hv_gui_area(&app->gui, id, r, NULL);
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
        hv_panel_goals,
    };
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    int top = hv_gfx_px(g, HV_TOP_BAR), bottom = hv_gfx_px(g, HV_BOTTOM_BAR),
        side = hv_gfx_px(g, HV_SIDE_BAR);
    if (game->build_type >= game->state.rules->module_type_count)
        game->build_type = -1;
    /* Under a dialog, draw everything but let nothing take input. */
    app->gui.enabled = app->modal == HV_MODAL_NONE;
    SDL_Rect map = {0, top, g->w - side, g->h - top - bottom};
    SDL_Rect panel = {map.x + map.w - hv_gfx_px(g, HV_PANEL_W), top, hv_gfx_px(g, HV_PANEL_W),
                      map.h};
    if (panel.x < map.x + map.w / 3) {
        panel.x = map.x + map.w / 3;
        panel.w = map.w - map.w / 3;
    }
    SDL_Rect map_left = map;
    if (app->panel != HV_PANEL_NONE)
        map_left.w = panel.x - map.x;
    /* Panels and bars first for input, so a click on them never reaches the
     * map beneath; the map is drawn first all the same. */
    /* Each part in a section of its own: one whose drawings change in
     * number (the map as the pointer crosses it) leaves the others' matched
     * with the last frame's, so moving the map does not redraw the panel. */
    map_view(app, map_left);
    hv_gfx_section(g);
    step_card(app, map_left);
    if (game->build_type >= 0)
        build_palette(app, map_left);
    else if (game->selected)
        module_info(app, map_left);
    hv_gfx_section(g);
    if (app->panel != HV_PANEL_NONE && panels[app->panel])
        panels[app->panel](app, panel);
    hv_gfx_section(g);
    hv_game_top_bar(app, (SDL_Rect){0, 0, g->w, top});
    hv_game_side_bar(app, (SDL_Rect){g->w - side, top, side, g->h - top - bottom});
    hv_game_bottom_bar(app, (SDL_Rect){0, g->h - bottom, g->w, bottom});
    hv_gfx_section(g);
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
    case HV_MODAL_ALERTS:
        hv_dialog_alerts(app);
        break;
    case HV_MODAL_CONFIRM:
        hv_dialog_confirm(app);
        break;
    default:
        break;
    }
}
