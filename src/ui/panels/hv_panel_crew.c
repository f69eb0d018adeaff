/* The crew panel: everyone at the base with their faction, role, skill,
 * health, morale and post; pick a person to queue a new post for them.
 * Orders only apply when the week ends, so every count shown here is what
 * the queued orders will leave, and moves still waiting are marked. */
#include <stdio.h>
#include <string.h>

#include "hv_panel_crew.h"
#include "hv_turn.h"
#include "hv_widgets.h"

enum { FILTER_ALL, FILTER_IDLE, FILTER_WORKERS, FILTER_STAFF, FILTERS };

/* The list filter is pure view state that hv_game has no field for; one
 * window shows one game, so a file-level value is enough. */
static uint32_t last_frame; /* the frame this panel was last drawn in */

int hv_crew_module_index(const hv_state *s, int32_t id)
{
    hv_module *m = hv_state_module((hv_state *)s, id);
    return m ? (int)(m - s->modules) : -1;
}

static int person_index(const hv_state *s, int32_t id)
{
    hv_person *p = hv_state_person((hv_state *)s, id);
    return p ? (int)(p - s->people) : -1;
}

static void plan_leave(const hv_state *s, hv_crew_plan *pl, int pi)
{
    int mi = pl->post[pi] ? hv_crew_module_index(s, pl->post[pi]) : -1;
    if (mi >= 0)
        pl->crew[mi]--;
    pl->post[pi] = 0;
}

static void plan_orders(const hv_state *s, hv_crew_plan *pl)
{
    memset(pl, 0, sizeof *pl);
    for (int32_t i = 0; i < s->person_count; i++)
        pl->post[i] = s->people[i].module;
    for (int32_t i = 0; i < s->module_count; i++)
        pl->crew[i] = s->modules[i].crew;
    for (int32_t k = 0; k < s->order_count; k++) {
        const hv_order *o = &s->orders[k];
        int pi = person_index(s, o->person), mi = hv_crew_module_index(s, o->module);
        if (o->kind == HV_ORDER_ASSIGN && pi >= 0 && mi >= 0 && !pl->gone[mi] &&
            !s->people[pi].away && pl->post[pi] != o->module &&
            pl->crew[mi] < s->rules->module_types[s->modules[mi].type].crew_slots) {
            plan_leave(s, pl, pi);
            pl->post[pi] = o->module;
            pl->crew[mi]++;
        } else if (o->kind == HV_ORDER_UNASSIGN && pi >= 0) {
            plan_leave(s, pl, pi);
        } else if (o->kind == HV_ORDER_DEMOLISH && mi >= 0) {
            for (int32_t i = 0; i < s->person_count; i++)
                if (pl->post[i] == o->module)
                    plan_leave(s, pl, i);
            pl->gone[mi] = 1;
        }
    }
}

static int is_worker(const hv_state *s, const hv_person *p)
{
    return s->rules->roles[p->role].klass == HV_CLASS_WORKER;
}

static uint32_t level_colour(int v)
{
    return v >= 60 ? HV_C_GOOD : v >= 35 ? HV_C_WARN : HV_C_BAD;
}

void hv_crew_module_name(const hv_state *s, int32_t id, char *buf, size_t len)
{
    hv_module *m = hv_state_module((hv_state *)s, id);
    if (m)
        snprintf(buf, len, "%s #%d", s->rules->module_types[m->type].name, m->id);
    else
        snprintf(buf, len, "module #%d", id);
}

/* What the person is doing now, and the colour that says whether it is a problem. */
static uint32_t status_text(const hv_state *s, const hv_person *p, char *buf, size_t len)
{
    if (p->away) {
        snprintf(buf, len, "Away on a mission");
        return HV_C_INFO;
    }
    if (p->strike > 0) {
        snprintf(buf, len, "On strike, %d week%s", p->strike, p->strike == 1 ? "" : "s");
        return HV_C_BAD;
    }
    if (!p->module) {
        snprintf(buf, len, "Idle");
        return HV_C_WARN;
    }
    hv_crew_module_name(s, p->module, buf, len);
    return HV_C_TEXT;
}

void hv_crew_role_tip(const hv_rules *rules, int32_t role, char *buf, size_t len)
{
    const hv_role *ro = &rules->roles[role];
    int worker = ro->klass == HV_CLASS_WORKER;
    size_t n = (size_t)snprintf(buf, len, "%s (%s)", ro->name, worker ? "hired worker" : "staff");
    if (n < len && ro->description[0])
        n += (size_t)snprintf(buf + n, len - n, "\n%s", ro->description);
    if (n < len)
        n += (size_t)snprintf(buf + n, len - n, "\nPaid %lld %s a week%s.", (long long)ro->pay,
                              rules->resources[HV_RES_FUNDS].unit,
                              worker ? ", before the pay policies" : "");
    if (n < len && (ro->pilot || ro->engineer))
        snprintf(buf + n, len - n, "\nMay %s a capture.",
                 ro->pilot && ro->engineer ? "fly or rig"
                 : ro->pilot               ? "fly"
                                           : "rig");
}

static void person_tip(const hv_state *s, const hv_person *p, int32_t post, char *buf, size_t len)
{
    const hv_rules *r = s->rules;
    char now[96], later[96];
    status_text(s, p, now, sizeof now);
    int out = hv_person_output_pm(p) / 10;
    size_t n = (size_t)snprintf(
        buf, len, "%s, %s\n%s (%s). Skill %d of 5.\nHealth %d, morale %d.\nNow: %s.",
        hv_person_name(s, p), r->factions[p->faction].name, r->roles[p->role].name,
        is_worker(s, p) ? "hired worker" : "staff", p->skill, p->health, p->morale, now);
    if (n < len && p->module && !p->away)
        n += (size_t)snprintf(buf + n, len - n, " Works at %d%% of a standard hand.", out);
    const hv_trait *t = hv_person_trait(s, p);
    if (n < len && t)
        n += (size_t)snprintf(buf + n, len - n, "\n%s: %s", t->name, t->text);
    if (n < len)
        n += (size_t)snprintf(buf + n, len - n, "\nLoyalty to %s %d of 100%s.",
                              r->factions[p->faction].name, p->loyalty,
                              p->loyalty < 35 ? ": could change sides" : "");
    if (n < len && post != p->module) {
        if (post)
            hv_crew_module_name(s, post, later, sizeof later);
        n += (size_t)snprintf(buf + n, len - n, "\nQueued: %s when the week ends.",
                              post ? later : "off duty");
    }
    if (n < len)
        snprintf(buf + n, len - n, "\nClick to pick and give a new post.");
}

/* Five pips for skill 1..5. */
static void skill_pips(hv_gfx *g, int x, int y, int size, int skill)
{
    int gap = size / 3 > 1 ? size / 3 : 1;
    for (int k = 0; k < 5; k++) {
        SDL_Rect r = {x + k * (size + gap), y, size, size};
        hv_gfx_fill(g, r, k < skill ? HV_C_ACCENT : 0x3a2e30, 255);
    }
}

/* A bar of VALUE 0..100 with the number after it. */
static void value_bar(hv_app *app, SDL_Rect r, int num_w, int value)
{
    hv_gfx *g = &app->gfx;
    hv_gui_bar(&app->gui, (SDL_Rect){r.x, r.y, r.w - num_w, r.h}, value, 100, level_colour(value));
    char v[8];
    snprintf(v, sizeof v, "%d", value);
    int tw, th;
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, v, &tw, &th);
    hv_gfx_text(g, HV_FONT_SMALL, 0, r.x + r.w - tw, r.y + (r.h - th) / 2, HV_C_TEXT, v);
}

static int passes(const hv_state *s, const hv_person *p, int filter)
{
    switch (filter) {
    case FILTER_IDLE:
        return !p->module && !p->away;
    case FILTER_WORKERS:
        return is_worker(s, p);
    case FILTER_STAFF:
        return !is_worker(s, p);
    default:
        return 1;
    }
}

/* ---- the top: summary and filters ---------------------------------------- */

static int summary(hv_app *app, SDL_Rect in)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    int idle = 0, away = 0, strike = 0;
    int64_t morale = 0, health = 0;
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        idle += !p->module && !p->away;
        away += p->away != 0;
        strike += p->strike > 0;
        morale += p->morale;
        health += p->health;
    }
    int n = s->person_count ? s->person_count : 1;
    struct {
        const char *icon, *label;
        int value;
        uint32_t colour;
    } chips[] = {
        {"icons/people", "people", s->person_count, HV_C_TEXT},
        {"icons/crew", "idle", idle, idle ? HV_C_WARN : HV_C_TEXT},
        {"icons/morale", "morale", (int)(morale / n), level_colour((int)(morale / n))},
        {"icons/health", "health", (int)(health / n), level_colour((int)(health / n))},
    };
    int lh = hv_gfx_line_height(g, HV_FONT_BODY), icon = hv_gfx_px(g, 20);
    int h = lh > icon ? lh : icon, gap = hv_gfx_px(g, 5);
    char v[4][16];
    int vw[4], lw[4], total = 0;
    for (int k = 0; k < 4; k++) {
        snprintf(v[k], sizeof v[k], "%d", chips[k].value);
        hv_gfx_text_size(g, HV_FONT_BODY, 1, v[k], &vw[k], NULL);
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, chips[k].label, &lw[k], NULL);
        total += icon + gap + vw[k] + gap + lw[k];
    }
    /* Labels go when the panel is too narrow; the tooltip still says it all. */
    int labels = total <= in.w, x = in.x;
    if (!labels)
        for (int k = 0; k < 4; k++)
            total -= gap + lw[k];
    int spread = total < in.w ? (in.w - total) / 3 : 0;
    for (int k = 0; k < 4; k++) {
        hv_gfx_image(g, chips[k].icon, (SDL_Rect){x, in.y + (h - icon) / 2, icon, icon});
        x += icon + gap;
        x += hv_gfx_text(g, HV_FONT_BODY, 1, x, in.y + (h - lh) / 2, chips[k].colour, v[k]);
        if (labels)
            x += gap + hv_gfx_text(g, HV_FONT_SMALL, 0, x + gap,
                                   in.y + (h - hv_gfx_line_height(g, HV_FONT_SMALL)) / 2 +
                                       hv_gfx_px(g, 1),
                                   HV_C_DIM, chips[k].label);
        x += spread;
    }
    char tip[HV_TIP_LEN];
    snprintf(tip, sizeof tip,
             "%d people at the base: %d without a post, %d away on missions, %d on strike.\n"
             "Average morale %lld, average health %lld.\nIdle hands produce nothing; skill and "
             "morale set how much each worker adds to a module.",
             s->person_count, idle, away, strike, (long long)(morale / n), (long long)(health / n));
    hv_gui_area(&app->gui, "crew_summary", (SDL_Rect){in.x, in.y, in.w, h}, tip);
    return h;
}

static int filters(hv_app *app, SDL_Rect in, int y)
{
    static const char *const ids[FILTERS] = {"crew_filter_all", "crew_filter_idle",
                                             "crew_filter_workers", "crew_filter_staff"};
    static const char *const names[FILTERS] = {"All", "Idle", "Workers", "Staff"};
    static const char *const tips[FILTERS] = {
        "Show everyone at the base.", "Show only people without a post (not counting missions).",
        "Show only hired support workers.", "Show only officers, astronauts and specialists."};
    const hv_state *s = &app->game->state;
    int h = hv_gfx_line_height(&app->gfx, HV_FONT_BODY) + hv_gfx_px(&app->gfx, 10);
    int gap = hv_gfx_px(&app->gfx, 4), w = (in.w - 3 * gap) / FILTERS;
    for (int f = 0; f < FILTERS; f++) {
        int count = 0;
        for (int32_t i = 0; i < s->person_count; i++)
            count += passes(s, &s->people[i], f);
        char label[32];
        snprintf(label, sizeof label, "%s %d", names[f], count);
        SDL_Rect r = {in.x + f * (w + gap), y,
                      f == FILTERS - 1 ? in.x + in.w - (in.x + f * (w + gap)) : w, h};
        if (hv_gui_button(&app->gui, ids[f], r, NULL, label, tips[f],
                          app->views.crew_filter == f ? HV_W_SELECTED : 0)) {
            app->views.crew_filter = f;
            app->scroll = 0;
        }
    }
    return h;
}

/* ---- the list -------------------------------------------------------------- */

/* A row holds two lines: name and post, then role and the numbers. */
static int row_height(hv_gfx *g)
{
    return hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_line_height(g, HV_FONT_SMALL) +
           hv_gfx_px(g, 12);
}

typedef struct columns {
    int pips, pip, health, morale, bar_w, num_w, right; /* x positions and sizes */
} columns;

static columns layout(hv_gfx *g, SDL_Rect list)
{
    columns c;
    c.pip = hv_gfx_px(g, 7);
    c.num_w = hv_gfx_px(g, 26);
    c.bar_w = hv_gfx_px(g, 64);
    c.right = list.x + list.w - hv_gfx_px(g, 8);
    c.morale = c.right - c.bar_w;
    c.health = c.morale - hv_gfx_px(g, 10) - c.bar_w;
    c.pips = c.health - hv_gfx_px(g, 12) - (5 * c.pip + 4 * (c.pip / 3 > 1 ? c.pip / 3 : 1));
    return c;
}

static void column_heads(hv_app *app, const columns *c, int y)
{
    hv_gfx *g = &app->gfx;
    hv_gfx_text(g, HV_FONT_SMALL, 1, c->pips, y, HV_C_DIM, "SKILL");
    hv_gfx_text(g, HV_FONT_SMALL, 1, c->health, y, HV_C_DIM, "HEALTH");
    hv_gfx_text(g, HV_FONT_SMALL, 1, c->morale, y, HV_C_DIM, "MORALE");
}

static void person_row(hv_app *app, const hv_crew_plan *pl, int pi, SDL_Rect r, SDL_Rect view,
                       const columns *c, int odd)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_state *s = &game->state;
    const hv_person *p = &s->people[pi];
    int picked = game->person == p->id;
    SDL_Rect vis;
    if (!SDL_IntersectRect(&r, &view, &vis))
        return;
    int hover = hv_gui_hover(&app->gui, vis);
    if (picked)
        hv_gfx_fill(g, r, 0x4a3028, 255);
    else if (hover)
        hv_gfx_fill(g, r, HV_C_PANEL_HI, 255);
    else if (odd)
        hv_gfx_fill(g, r, 0x2a2127, 255);
    if (picked)
        hv_gfx_frame(g, r, HV_C_ACCENT);
    int pad = hv_gfx_px(g, 5), lb = hv_gfx_line_height(g, HV_FONT_BODY);
    int ls = hv_gfx_line_height(g, HV_FONT_SMALL), ps = r.h - 2 * pad;
    char name[80], buf[96];
    snprintf(name, sizeof name, "roles/%s", s->rules->roles[p->role].id);
    hv_gfx_fill(g, (SDL_Rect){r.x + pad, r.y + pad, ps, ps}, 0x16100f, 255);
    hv_gfx_image(g, name, (SDL_Rect){r.x + pad, r.y + pad, ps, ps});
    int x = r.x + 2 * pad + ps, y1 = r.y + (r.h - lb - ls) / 2, y2 = y1 + lb;
    int mark = lb - hv_gfx_px(g, 2);
    hv_draw_faction_mark(app, p->faction, (SDL_Rect){x, y1 + (lb - mark) / 2, mark, mark});
    /* Line one: name on the left, the post on the right. */
    uint32_t sc = status_text(s, p, buf, sizeof buf);
    int post_w = c->right - c->pips;
    if (pl->post[pi] != p->module) {
        char later[80];
        if (pl->post[pi])
            hv_crew_module_name(s, pl->post[pi], later, sizeof later);
        snprintf(buf, sizeof buf, "\xe2\x86\x92 %s (queued)", pl->post[pi] ? later : "off duty");
        sc = HV_C_INFO;
    }
    char shown[96];
    hv_text_cut(g, HV_FONT_SMALL, 0, buf, post_w, shown, sizeof shown);
    int tw;
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, shown, &tw, NULL);
    hv_gfx_text(g, HV_FONT_SMALL, 0, c->right - tw, y1 + (lb - ls) / 2, sc, shown);
    int nx = x + mark + hv_gfx_px(g, 6);
    hv_text_cut(g, HV_FONT_BODY, 1, hv_person_name(s, p), c->right - tw - hv_gfx_px(g, 10) - nx,
                shown, sizeof shown);
    hv_gfx_text(g, HV_FONT_BODY, 1, nx, y1, HV_C_TEXT, shown);
    /* Line two: role and class, then the numbers in their columns. */
    int worker = is_worker(s, p);
    int rx = x + hv_gfx_text(g, HV_FONT_SMALL, 1, x, y2, worker ? HV_C_ACCENT : HV_C_INFO,
                             worker ? "WORKER" : "STAFF");
    hv_text_cut(g, HV_FONT_SMALL, 0, s->rules->roles[p->role].name, c->pips - rx - hv_gfx_px(g, 14),
                shown, sizeof shown);
    int role_end = rx + hv_gfx_px(g, 6) +
                   hv_gfx_text(g, HV_FONT_SMALL, 0, rx + hv_gfx_px(g, 6), y2, HV_C_DIM, shown);
    int bh = ls - hv_gfx_px(g, 6);
    skill_pips(g, c->pips, y2 + (ls - c->pip) / 2, c->pip, p->skill);
    value_bar(app, (SDL_Rect){c->health, y2 + (ls - bh) / 2, c->bar_w, bh}, c->num_w, p->health);
    value_bar(app, (SDL_Rect){c->morale, y2 + (ls - bh) / 2, c->bar_w, bh}, c->num_w, p->morale);
    char id[32], tip[HV_TIP_LEN];
    snprintf(id, sizeof id, "person_%d", p->id);
    person_tip(s, p, pl->post[pi], tip, sizeof tip);
    hv_gui_area(&app->gui, id, vis, tip);
    /* The role's picture and name tell what the job is, over the row's tip. */
    SDL_Rect icon = {r.x + pad, r.y + pad, ps, ps}, role = {x, y2, role_end - x, ls}, part;
    snprintf(id, sizeof id, "role_%d", p->id);
    hv_crew_role_tip(s->rules, p->role, tip, sizeof tip);
    if (SDL_IntersectRect(&icon, &vis, &part))
        hv_gui_area(&app->gui, id, part, tip);
    if (SDL_IntersectRect(&role, &vis, &part))
        hv_gui_area(&app->gui, id, part, tip);
    if (hv_gui_clicked(&app->gui, vis)) {
        if (!picked)
            hv_crew_strip_reset(app);
        game->person = p->id;
    }
}

static void people_list(hv_app *app, const hv_crew_plan *pl, SDL_Rect view)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    int row_h = row_height(g);
    int step = row_h * 2;
    if (app->gui.wheel && hv_gui_hover(&app->gui, view)) {
        app->scroll -= app->gui.wheel * step;
        app->gui.wheel = 0;
    }
    int max = app->views.crew_height - view.h > 0 ? app->views.crew_height - view.h : 0;
    app->scroll = app->scroll < 0 ? 0 : app->scroll > max ? max : app->scroll;
    int bar = app->views.crew_height > view.h ? hv_gfx_px(g, 8) : 0;
    SDL_Rect list = {view.x, view.y, view.w - bar, view.h};
    columns c = layout(g, list);
    hv_gfx_clip(&app->gfx, &view);
    int y = view.y - app->scroll, shown = 0;
    for (int32_t i = 0; i < s->person_count; i++) {
        if (!passes(s, &s->people[i], app->views.crew_filter))
            continue;
        if (y + row_h > view.y && y < view.y + view.h)
            person_row(app, pl, i, (SDL_Rect){list.x, y, list.w, row_h}, view, &c, shown & 1);
        y += row_h;
        shown++;
    }
    if (!shown)
        hv_gfx_text_wrap(
            g, HV_FONT_BODY, list.x + hv_gfx_px(g, 8), view.y + hv_gfx_px(g, 8),
            list.w - hv_gfx_px(g, 16), HV_C_DIM,
            app->views.crew_filter == FILTER_IDLE ? "Everyone has a post." : "Nobody here.", 1);
    hv_gfx_clip(&app->gfx, NULL);
    app->views.crew_height = shown * row_h;
    if (bar) {
        /* The scroll thumb, so a long crew reads as a list that goes on. */
        int th = view.h * view.h / app->views.crew_height,
            ty = view.y + (view.h - th) * app->scroll / (app->views.crew_height - view.h);
        hv_gfx_fill(g, (SDL_Rect){view.x + view.w - bar / 2, view.y, bar / 2, view.h}, 0x16100f,
                    255);
        hv_gfx_fill(g, (SDL_Rect){view.x + view.w - bar / 2, ty, bar / 2, th}, HV_C_BORDER, 255);
    }
}

void hv_panel_crew(hv_app *app, SDL_Rect area)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_state *s = &game->state;
    if (last_frame + 1 != g->frame)
        app->scroll = 0; /* just opened: start at the top */
    last_frame = g->frame;
    SDL_Rect in = hv_gui_panel(&app->gui, area, "Crew");
    static hv_crew_plan plan; /* large; rebuilt every frame */
    plan_orders(s, &plan);
    int gap = hv_gfx_px(g, 8);
    /* In a very small window the list needs the room more than the
     * averages, which the top bar and the rows show anyway. */
    int y = in.y;
    if (in.h >= hv_gfx_px(g, 300))
        y += summary(app, in) + gap;
    y += filters(app, in, y) + gap;
    int pi = game->person ? person_index(s, game->person) : -1;
    if (pi < 0)
        game->person = 0;
    int bottom = in.y + in.h;
    SDL_Rect strip = {in.x, bottom, in.w, 0};
    int rows = 0;
    if (pi >= 0) {
        strip.h = hv_crew_strip_height(app, &plan, pi, bottom - y, &rows);
        strip.y = bottom - strip.h;
        bottom = strip.y - gap;
    }
    int ls = hv_gfx_line_height(g, HV_FONT_SMALL);
    SDL_Rect view = {in.x, y + ls + hv_gfx_px(g, 2), in.w, bottom - y - ls - hv_gfx_px(g, 2)};
    columns c = layout(
        g, (SDL_Rect){view.x, view.y,
                      view.w - (app->views.crew_height > view.h ? hv_gfx_px(g, 8) : 0), view.h});
    hv_gfx_text(g, HV_FONT_SMALL, 1, in.x + row_height(g), y, HV_C_DIM, "NAME");
    column_heads(app, &c, y);
    people_list(app, &plan, view);
    if (pi >= 0)
        hv_crew_strip(app, &plan, pi, strip, rows);
}
