/* The crew panel's assign strip (hv_panel_crew.h): the picked person with
 * Unassign and a way to put them down, the module selected on the map as
 * a shortcut, and a grid of the modules with a free place. A click only
 * queues the move; it happens when the week ends. */
#include <stdio.h>

#include "hv_panel_crew.h"
#include "hv_widgets.h"

static int free_slots(const hv_state *s, const hv_crew_plan *pl, int mi)
{
    if (mi < 0 || pl->gone[mi])
        return 0;
    return s->rules->module_types[s->modules[mi].type].crew_slots - pl->crew[mi];
}

static void queue_assign(hv_app *app, const hv_person *p, int32_t module)
{
    hv_order o = {0};
    o.kind = HV_ORDER_ASSIGN;
    o.person = p->id;
    o.module = module;
    char where[80];
    hv_crew_module_name(&app->game->state, module, where, sizeof where);
    if (hv_app_queue(app, &o) == 0)
        hv_app_toast(app, "Queued: %s to %s.", hv_person_name(&app->game->state, p), where);
}

/* A module button: its picture, name and the crew it will have. */
static int module_button(hv_app *app, const hv_crew_plan *pl, const hv_person *p, int mi,
                         SDL_Rect r, const char *id, const char *prefix, int flags)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_module *m = &s->modules[mi];
    const hv_module_type *mt = &s->rules->module_types[m->type];
    int slots = mt->crew_slots;
    char tip[HV_TIP_LEN], label[80], count[16], shown[80];
    size_t n = (size_t)snprintf(tip, sizeof tip, "%s #%d at (%d, %d): crew %d of %d", mt->name,
                                m->id, m->x, m->y, pl->crew[mi], slots);
    if (pl->crew[mi] != m->crew && n < sizeof tip)
        n += (size_t)snprintf(tip + n, sizeof tip - n, " once the queued orders apply");
    if (m->status == HV_MODULE_BUILDING && n < sizeof tip)
        n += (size_t)snprintf(tip + n, sizeof tip - n, ".\nStill being built: opens in %d week%s.",
                              m->build_left, m->build_left == 1 ? "" : "s");
    else if (n < sizeof tip && m->broken)
        n += (size_t)snprintf(tip + n, sizeof tip - n, ".\nBroken for %d more week%s.", m->broken,
                              m->broken == 1 ? "" : "s");
    else if (n < sizeof tip && m->crew == 0)
        n += (size_t)snprintf(tip + n, sizeof tip - n, ".\nIdle: nobody works here yet.");
    else if (n < sizeof tip)
        n += (size_t)snprintf(tip + n, sizeof tip - n, ".\nRunning at %d%%%s.", m->output_pm / 10,
                              m->powered ? "" : ", no power last week");
    if (n < sizeof tip && pl->post[p - s->people] == m->id)
        snprintf(tip + n, sizeof tip - n, "\n%s's post once the queued orders apply.",
                 hv_person_name(s, p));
    else if (n < sizeof tip && pl->crew[mi] >= slots)
        snprintf(tip + n, sizeof tip - n, "\nNo free place once the queued orders apply.");
    else if (n < sizeof tip)
        snprintf(tip + n, sizeof tip - n, "\nQueue %s's move here for the end of the week.",
                 hv_person_name(s, p));
    int clicked = hv_gui_button(&app->gui, id, r, NULL, NULL, tip, flags);
    int pad = hv_gfx_px(g, 5), icon = r.h - 2 * pad;
    char pic[64];
    snprintf(pic, sizeof pic, "modules/%s", mt->id);
    hv_gfx_image(g, pic, (SDL_Rect){r.x + pad, r.y + pad, icon, icon});
    snprintf(count, sizeof count, "%d/%d", pl->crew[mi], slots);
    int cw, lh = hv_gfx_line_height(g, HV_FONT_SMALL);
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, count, &cw, NULL);
    hv_gfx_text(g, HV_FONT_SMALL, 0, r.x + r.w - pad - cw, r.y + (r.h - lh) / 2,
                m->status == HV_MODULE_BUILDING ? HV_C_WARN : HV_C_DIM, count);
    snprintf(label, sizeof label, "%s%s #%d", prefix, mt->name, m->id);
    int x = r.x + 2 * pad + icon;
    hv_text_cut(g, HV_FONT_SMALL, 0, label, r.x + r.w - 2 * pad - cw - x, shown, sizeof shown);
    hv_gfx_text(g, HV_FONT_SMALL, 0, x, r.y + (r.h - lh) / 2,
                flags & HV_W_DISABLED ? 0x7a6a60 : HV_C_TEXT, shown);
    return clicked;
}

static int is_target(const hv_state *s, const hv_crew_plan *pl, int pi, int mi)
{
    return free_slots(s, pl, mi) > 0 && pl->post[pi] != s->modules[mi].id;
}

/* The grid's modules for the picked person, by id, in the order shown. A
 * click changes which modules have a free place (the person's old post
 * frees one, the new one may fill), so the grid keeps its order while
 * the same person stays picked: a module that fills stays in its place,
 * disabled, and one that opens is added at the end. Nothing moves under
 * the pointer. */
static struct {
    int32_t person;
    uint32_t frame;
    int count;
    int32_t ids[HV_MAX_MODULES];
} shown;

/* Module indices for person PI's grid, in their stable order. */
static int assign_targets(hv_app *app, const hv_crew_plan *pl, int pi, int *mods)
{
    const hv_state *s = &app->game->state;
    uint32_t frame = app->gfx.frame;
    if (shown.person != s->people[pi].id || (shown.frame != frame && shown.frame + 1 != frame)) {
        /* Picked anew: the modules with a place free, grouped by type. */
        shown.person = s->people[pi].id;
        shown.count = 0;
        for (int32_t t = 0; t < s->rules->module_type_count; t++)
            for (int32_t i = 0; i < s->module_count; i++)
                if (s->modules[i].type == t && is_target(s, pl, pi, i))
                    shown.ids[shown.count++] = s->modules[i].id;
    }
    shown.frame = frame;
    int count = 0, kept = 0;
    for (int k = 0; k < shown.count; k++) {
        int mi = hv_crew_module_index(s, shown.ids[k]);
        if (mi >= 0) /* a module demolished this week is gone at once */
            shown.ids[kept++] = shown.ids[k];
    }
    shown.count = kept;
    for (int32_t i = 0; i < s->module_count; i++) {
        int listed = 0;
        for (int k = 0; k < shown.count && !listed; k++)
            listed = shown.ids[k] == s->modules[i].id;
        if (!listed && is_target(s, pl, pi, i) && shown.count < HV_MAX_MODULES)
            shown.ids[shown.count++] = s->modules[i].id;
    }
    for (int k = 0; k < shown.count; k++)
        mods[count++] = hv_crew_module_index(s, shown.ids[k]);
    return count;
}

/* The module selected on the map, when person PI could be sent there; else -1. */
static int selected_target(const hv_game *game, const hv_crew_plan *pl, int pi)
{
    const hv_state *s = &game->state;
    int smi = game->selected ? hv_crew_module_index(s, game->selected) : -1;
    return smi >= 0 && free_slots(s, pl, smi) > 0 && pl->post[pi] != game->selected ? smi : -1;
}

/* Height the action strip needs for a grid of ROWS rows, with SEL a
 * button for the module selected on the map. */
static int strip_height(hv_gfx *g, int rows, int sel)
{
    int lb = hv_gfx_line_height(g, HV_FONT_BODY), ls = hv_gfx_line_height(g, HV_FONT_SMALL);
    int bh = lb + hv_gfx_px(g, 12), gap = hv_gfx_px(g, 6);
    return gap * 2 + bh + gap + (sel ? bh + gap : 0) + ls + gap + rows * (bh + gap);
}

/* The grid may take up to half the room; the list keeps the rest. */
int hv_crew_strip_height(hv_app *app, const hv_crew_plan *pl, int pi, int room, int *rows)
{
    int mods[HV_MAX_MODULES];
    *rows = (assign_targets(app, pl, pi, mods) + 1) / 2;
    int sel = selected_target(app->game, pl, pi) >= 0;
    while (*rows > 1 && strip_height(&app->gfx, *rows, sel) > room / 2)
        (*rows)--;
    return strip_height(&app->gfx, *rows, sel);
}

void hv_crew_strip_reset(hv_app *app)
{
    app->views.assign_first = 0;
}

void hv_crew_strip(hv_app *app, const hv_crew_plan *pl, int pi, SDL_Rect r, int rows)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_state *s = &game->state;
    const hv_person *p = &s->people[pi];
    int lb = hv_gfx_line_height(g, HV_FONT_BODY), ls = hv_gfx_line_height(g, HV_FONT_SMALL);
    int bh = lb + hv_gfx_px(g, 12), gap = hv_gfx_px(g, 6);
    hv_gfx_fill(g, r, 0x2c2026, 255);
    hv_gfx_fill(g, (SDL_Rect){r.x, r.y, r.w, hv_gfx_px(g, 2)}, HV_C_ACCENT, 255);
    /* The person, Unassign and a way to put them down, on one line. */
    int y = r.y + gap * 2, mark = lb - hv_gfx_px(g, 2), uw;
    hv_gfx_text_size(g, HV_FONT_BODY, 0, "Unassign", &uw, NULL);
    uw += hv_gfx_px(g, 28);
    SDL_Rect close = {r.x + r.w - bh, y, bh, bh}, un = {close.x - gap - uw, y, uw, bh};
    if (hv_gui_button(&app->gui, "crew_pick_close", close, "icons/close", NULL,
                      "Put the person down: close these actions.", HV_W_FLAT))
        game->person = 0;
    const char *why = p->away ? "Away on a mission: no post can be given until they are back."
                      : !pl->post[pi] ? "Has no post to leave."
                                      : "Queue taking them off duty when the week ends.";
    if (hv_gui_button(&app->gui, "crew_unassign", un, NULL, "Unassign", why,
                      p->away || !pl->post[pi] ? HV_W_DISABLED : 0)) {
        hv_order o = {0};
        o.kind = HV_ORDER_UNASSIGN;
        o.person = p->id;
        if (hv_app_queue(app, &o) == 0)
            hv_app_toast(app, "Queued: %s off duty.", hv_person_name(s, p));
    }
    hv_draw_faction_mark(app, p->faction, (SDL_Rect){r.x, y + (bh - mark) / 2, mark, mark});
    char line[160], shown[160];
    snprintf(line, sizeof line, "%s, %s", hv_person_name(s, p), s->rules->roles[p->role].name);
    hv_text_cut(g, HV_FONT_BODY, 1, line, un.x - gap - (r.x + mark + gap), shown, sizeof shown);
    int lw = hv_gfx_text(g, HV_FONT_BODY, 1, r.x + mark + gap, y + (bh - lb) / 2, HV_C_TEXT, shown);
    char tip[HV_TIP_LEN];
    hv_crew_role_tip(s->rules, p->role, tip, sizeof tip);
    hv_gui_area(&app->gui, "crew_pick_role",
                (SDL_Rect){r.x + mark + gap, y + (bh - lb) / 2, lw, lb}, tip);
    y += bh + gap;
    /* The module selected on the map, first, as a shortcut. */
    int smi = selected_target(game, pl, pi);
    if (smi >= 0) {
        if (module_button(app, pl, p, smi, (SDL_Rect){r.x, y, r.w, bh}, "crew_assign_selected",
                          "Selected on the map: ", p->away ? HV_W_DISABLED : 0))
            queue_assign(app, p, game->selected);
        y += bh + gap;
    }
    int mods[HV_MAX_MODULES], count = assign_targets(app, pl, pi, mods), open = 0;
    for (int k = 0; k < count; k++)
        open += is_target(s, pl, pi, mods[k]);
    int total_rows = (count + 1) / 2;
    if (app->views.assign_first > total_rows - rows)
        app->views.assign_first = total_rows - rows > 0 ? total_rows - rows : 0;
    snprintf(line, sizeof line,
             open ? "ASSIGN TO (%d with a free place)" : "ASSIGN TO: no module has a free place",
             open);
    hv_gfx_text(g, HV_FONT_SMALL, 1, r.x, y, HV_C_DIM, line);
    hv_gui_area(&app->gui, "crew_assign_help", (SDL_Rect){r.x, y, r.w, ls},
                "Modules with a free crew place once the queued orders apply. Or select a "
                "module on the map to see it here first. Moves happen when the week ends.");
    y += ls + gap;
    SDL_Rect grid = {r.x, y, r.w, rows * (bh + gap)};
    if (total_rows > rows && app->gui.wheel && hv_gui_hover(&app->gui, grid)) {
        app->views.assign_first -= app->gui.wheel;
        app->views.assign_first = app->views.assign_first < 0 ? 0
                                  : app->views.assign_first > total_rows - rows
                                      ? total_rows - rows
                                      : app->views.assign_first;
        app->gui.wheel = 0;
    }
    int cw = (r.w - gap) / 2 - (total_rows > rows ? hv_gfx_px(g, 5) : 0);
    for (int k = app->views.assign_first * 2; k < count && k < (app->views.assign_first + rows) * 2;
         k++) {
        int row = k / 2 - app->views.assign_first, col = k % 2;
        SDL_Rect b = {r.x + col * (cw + gap), y + row * (bh + gap), cw, bh};
        char id[40];
        snprintf(id, sizeof id, "crew_assign_%d", s->modules[mods[k]].id);
        int here = pl->post[pi] == s->modules[mods[k]].id;
        int flags = here                                        ? HV_W_SELECTED | HV_W_DISABLED
                    : p->away || !is_target(s, pl, pi, mods[k]) ? HV_W_DISABLED
                                                                : 0;
        if (module_button(app, pl, p, mods[k], b, id, "", flags))
            queue_assign(app, p, s->modules[mods[k]].id);
    }
    if (total_rows > rows) {
        int th = grid.h * rows / total_rows,
            ty = grid.y + (grid.h - th) * app->views.assign_first / (total_rows - rows);
        hv_gfx_fill(g,
                    (SDL_Rect){r.x + r.w - hv_gfx_px(g, 4), grid.y, hv_gfx_px(g, 4), grid.h - gap},
                    0x16100f, 255);
        hv_gfx_fill(g, (SDL_Rect){r.x + r.w - hv_gfx_px(g, 4), ty, hv_gfx_px(g, 4), th - gap},
                    HV_C_BORDER, 255);
    }
}
