/* The asteroids panel: one card per asteroid with its mission stage, the
 * survey and capture buttons, the capture crew picker with live odds, and
 * the iridium market with its export buttons. Everything here only queues
 * orders; the checks mirror hv_missions.c so a button is disabled, with the
 * reason in its tooltip, exactly when the order would be refused. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "hv_app.h"
#include "hv_turn.h"

/* The crew picked for captures. hv_app has no field for it and it is only a
 * preference of this panel, so it lives here, tied to the game it was made
 * in; anything stale is replaced by the best pair. */
static struct {
    const hv_game *game;
    uint64_t seed;
    int32_t pilot, engineer;
} pick;

/* Where the list is being laid out. In the measuring pass nothing is drawn
 * and no widget is recorded, so a card's height is known before its
 * background is painted. */
typedef struct lay {
    hv_app *app;
    hv_gfx *g;
    SDL_Rect view; /* the visible part of the scrolling list */
    int x, w, y;   /* the content column; y is the top of the next line */
    int draw;
} lay;

static const char *num(int64_t v)
{
    static char buf[8][32];
    static int k;
    k = (k + 1) & 7;
    hv_format_number(v, buf[k], sizeof buf[k]);
    return buf[k];
}

static const char *plural(int64_t n)
{
    return n == 1 ? "" : "s";
}

static int px(const lay *l, int units)
{
    return hv_gfx_px(l->g, units);
}

static void text(lay *l, hv_font_size f, int bold, uint32_t colour, const char *t)
{
    if (l->draw)
        hv_gfx_text(l->g, f, bold, l->x, l->y, colour, t);
    l->y += hv_gfx_line_height(l->g, f);
}

static void wrap(lay *l, int indent, hv_font_size f, uint32_t colour, const char *t)
{
    l->y += hv_gfx_text_wrap(l->g, f, l->x + indent, l->y, l->w - indent, colour, t, l->draw);
}

/* A button inside the scrolling list: only one wholly in view takes clicks
 * and is recorded, so nothing hidden under the panel's title can be hit. */
static int button(lay *l, const char *id, SDL_Rect r, const char *icon, const char *label,
                  const char *tip, int flags)
{
    hv_gui *gui = &l->app->gui;
    SDL_Rect cut;
    if (!l->draw || !SDL_IntersectRect(&r, &l->view, &cut))
        return 0;
    if (cut.h == r.h && cut.w == r.w)
        return hv_gui_button(gui, id, r, icon, label, tip, flags);
    int enabled = gui->enabled;
    gui->enabled = 0;
    hv_gui_button(gui, id, r, icon, label, tip, flags);
    gui->enabled = enabled;
    return 0;
}

static void section(lay *l, const char *icon, const char *title)
{
    int lh = hv_gfx_line_height(l->g, HV_FONT_BODY), size = lh;
    l->y += px(l, 6);
    if (l->draw) {
        hv_gfx_image(l->g, icon, (SDL_Rect){l->x, l->y, size, size});
        hv_gfx_text(l->g, HV_FONT_BODY, 1, l->x + size + px(l, 6), l->y, HV_C_ACCENT, title);
        hv_gfx_fill(l->g, (SDL_Rect){l->x, l->y + lh + px(l, 3), l->w, px(l, 1)}, HV_C_BORDER, 255);
    }
    l->y += lh + px(l, 10);
}

/* ---- what the queue already holds -------------------------------------- */

static int queued(const hv_state *s, hv_order_kind kind, int32_t target)
{
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == kind && s->orders[i].target == target)
            return i + 1;
    return 0;
}

/* Fuel left once the queued orders have taken theirs. */
static int64_t fuel_free(const hv_state *s)
{
    const hv_rules *rules = s->rules;
    int64_t fuel = s->stock[HV_RES_FUEL];
    for (int32_t i = 0; i < s->order_count; i++) {
        const hv_order *o = &s->orders[i];
        if (o->kind == HV_ORDER_SURVEY)
            fuel -= rules->missions.survey_fuel;
        else if (o->kind == HV_ORDER_CAPTURE && o->target >= 0 && o->target < rules->asteroid_count)
            fuel -= rules->asteroids[o->target].capture_fuel;
        else if (o->kind == HV_ORDER_BUILD && o->module_type >= 0 &&
                 o->module_type < rules->module_type_count)
            fuel -= rules->module_types[o->module_type].cost[HV_RES_FUEL];
    }
    return fuel;
}

static int booked(const hv_state *s, int32_t id)
{
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == HV_ORDER_CAPTURE &&
            (s->orders[i].person == id || s->orders[i].person2 == id))
            return s->orders[i].target + 1;
    return 0;
}

static int can_fly(const hv_state *s, const hv_person *p, int engineer)
{
    const hv_role *role = &s->rules->roles[p->role];
    return (engineer ? role->engineer : role->pilot) && !p->away && !booked(s, p->id);
}

/* ---- the capture crew -------------------------------------------------- */

/* The asteroid the default crew is judged against: the first one still out
 * there. Only the crew's own terms differ between asteroids. */
static int reference_asteroid(const hv_state *s)
{
    for (int32_t i = 0; i < s->rules->asteroid_count; i++)
        if (s->asteroids[i].stage == HV_STAGE_FAR)
            return i;
    return 0;
}

/* 0 unassigned, 1 at a post, 2 at a spaceport post, which a launch needs. */
static int posted(const hv_state *s, const hv_person *p)
{
    const hv_module *m = p->module ? hv_state_module((hv_state *)s, p->module) : NULL;
    return m ? 1 + (s->rules->module_types[m->type].spaceport != 0) : 0;
}

/* Fills the pick with the best pair, keeping a valid half of it. */
static void choose_crew(hv_app *app)
{
    hv_state *s = &app->game->state;
    if (pick.game != app->game || pick.seed != s->seed) {
        pick.game = app->game;
        pick.seed = s->seed;
        pick.pilot = pick.engineer = 0;
    }
    hv_person *p = hv_state_person(s, pick.pilot), *e = hv_state_person(s, pick.engineer);
    int keep_p = p && can_fly(s, p, 0), keep_e = e && can_fly(s, e, 1) && e != p;
    if (keep_p && keep_e)
        return;
    int ref = reference_asteroid(s), best = -1;
    int32_t bp = 0, be = 0;
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *a = &s->people[i];
        if (!can_fly(s, a, 0) || (keep_p && a->id != pick.pilot))
            continue;
        for (int32_t j = 0; j < s->person_count; j++) {
            const hv_person *b = &s->people[j];
            if (i == j || !can_fly(s, b, 1) || (keep_e && b->id != pick.engineer))
                continue;
            /* Equal odds: rather someone whose post does not stop without them. */
            int odds = hv_capture_odds(s, ref, a, b) * 4 - posted(s, a) - posted(s, b);
            if (odds > best) {
                best = odds;
                bp = a->id;
                be = b->id;
            }
        }
    }
    pick.pilot = bp;
    pick.engineer = be;
}

static void crew_row(lay *l, const hv_person *p, int engineer, SDL_Rect r)
{
    hv_app *app = l->app;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    int32_t *slot = engineer ? &pick.engineer : &pick.pilot;
    int sel = *slot == p->id, away = p->away || booked(s, p->id);
    char id[48], tip[HV_TIP_LEN], where[160] = "unassigned";
    const hv_module *m = p->module ? hv_state_module((hv_state *)s, p->module) : NULL;
    if (m)
        snprintf(where, sizeof where, "works at %s #%d, which loses them while they fly",
                 rules->module_types[m->type].name, m->id);
    snprintf(id, sizeof id, "%s_%d", engineer ? "engineer" : "pilot", p->id);
    if (p->away)
        snprintf(tip, sizeof tip, "%s is away on the mission to %s.", p->name,
                 rules->asteroids[p->away - 1].name);
    else if (away)
        snprintf(tip, sizeof tip, "%s is already booked for the queued capture of %s.", p->name,
                 rules->asteroids[booked(s, p->id) - 1].name);
    else
        snprintf(tip, sizeof tip, "%s, %s (%s)\nSkill %d, health %d, morale %d; %s.\n%s", p->name,
                 rules->roles[p->role].name, rules->factions[p->faction].name, p->skill, p->health,
                 p->morale, where,
                 sel        ? "Picked for the next capture."
                 : engineer ? "Click to rig the capture."
                            : "Click to fly the capture.");
    if (button(l, id, r, NULL, NULL, tip,
               HV_W_FLAT | (sel ? HV_W_SELECTED : 0) | (away ? HV_W_DISABLED : 0))) {
        *slot = p->id;
        if (pick.pilot == pick.engineer)
            *(engineer ? &pick.pilot : &pick.engineer) = 0; /* refilled with the best */
    }
    if (!l->draw)
        return;
    int mark = r.h - px(l, 8), pad = px(l, 5);
    hv_draw_faction_mark(app, p->faction, (SDL_Rect){r.x + pad, r.y + px(l, 4), mark, mark});
    int lh = hv_gfx_line_height(l->g, HV_FONT_BODY);
    /* Skill as pips on the right, so the names keep the width they need. */
    int pip = px(l, 5), pips = r.x + r.w - pad - 5 * (pip + px(l, 2));
    for (int k = 0; k < 5; k++)
        hv_gfx_fill(l->g, (SDL_Rect){pips + k * (pip + px(l, 2)), r.y + (r.h - pip) / 2, pip, pip},
                    k < p->skill ? (away ? HV_C_DIM : HV_C_WARN) : 0x3a3030, 255);
    SDL_Rect clip = {r.x + mark + 2 * pad, r.y, pips - (r.x + mark + 3 * pad), r.h}, old;
    SDL_RenderGetClipRect(app->ren, &old);
    SDL_Rect both;
    if (SDL_IntersectRect(&clip, &old, &both))
        SDL_RenderSetClipRect(app->ren, &both);
    hv_gfx_text(l->g, HV_FONT_BODY, 0, clip.x, r.y + (r.h - lh) / 2,
                away  ? 0x7a6a60
                : sel ? HV_C_TEXT
                      : HV_C_DIM,
                p->name);
    SDL_RenderSetClipRect(app->ren, &old);
}

static int can_do(const hv_rules *rules, const hv_person *p, int engineer)
{
    return engineer ? rules->roles[p->role].engineer : rules->roles[p->role].pilot;
}

static void crew_picker(lay *l)
{
    const hv_state *s = &l->app->game->state;
    const hv_rules *rules = s->rules;
    int gap = px(l, 8), row = px(l, 28), widest = 0;
    /* Side by side while every name fits beside its mark and skill pips. */
    for (int32_t i = 0; i < s->person_count; i++) {
        int w;
        if (!can_do(rules, &s->people[i], 0) && !can_do(rules, &s->people[i], 1))
            continue;
        hv_gfx_text_size(l->g, HV_FONT_BODY, 0, s->people[i].name, &w, NULL);
        widest = w > widest ? w : widest;
    }
    int two = widest + row + px(l, 42) <= (l->w - gap) / 2; /* see crew_row */
    int col = two ? (l->w - gap) / 2 : l->w, top = l->y, bottom = l->y;
    for (int engineer = 0; engineer < 2; engineer++) {
        lay c = *l;
        c.x = l->x + (two && engineer) * (col + gap);
        c.w = col;
        c.y = two ? top : l->y;
        text(&c, HV_FONT_SMALL, 1, HV_C_DIM, engineer ? "ENGINEER" : "PILOT");
        int any = 0;
        for (int32_t i = 0; i < s->person_count; i++) {
            const hv_person *p = &s->people[i];
            if (!can_do(rules, p, engineer))
                continue;
            crew_row(&c, p, engineer, (SDL_Rect){c.x, c.y, col, row - px(l, 2)});
            c.y += row;
            any = 1;
        }
        if (!any)
            wrap(&c, 0, HV_FONT_SMALL, HV_C_BAD,
                 engineer ? "Nobody here can rig a capture." : "Nobody here can fly a tug.");
        bottom = c.y > bottom ? c.y : bottom;
        if (!two)
            l->y = c.y + px(l, 6);
    }
    l->y = bottom + px(l, 4);
}

/* ---- one asteroid ------------------------------------------------------ */

static void window_text(const hv_state *s, int i, char *buf, size_t len, int *open)
{
    const hv_asteroid *a = &s->rules->asteroids[i];
    int32_t week = s->turn + 1, event_close = s->asteroids[i].window_close;
    int always = a->window_open == 0 && a->window_close == 0;
    *open = hv_asteroid_window_open(s, i, week);
    int32_t last = event_close >= week ? event_close : 0;
    if (!always && week >= a->window_open && week <= a->window_close && a->window_close > last)
        last = a->window_close;
    if (always)
        snprintf(buf, len, "Launch window: always open");
    else if (*open && last == week)
        snprintf(buf, len, "Launch window closes after this week");
    else if (*open)
        snprintf(buf, len, "Launch window open until week %d (%d weeks left)", last,
                 last - week + 1);
    else if (week < a->window_open)
        snprintf(buf, len, "Launch window opens in week %d (%d week%s away)", a->window_open,
                 a->window_open - week, plural(a->window_open - week));
    else
        snprintf(buf, len, "Launch window closed after week %d", a->window_close);
}

/* "1,200 t Ore, 300 t Materials" from AMOUNTS, the largest first. */
static void holdings(const hv_rules *rules, const int64_t *amounts, char *buf, size_t len)
{
    size_t n = 0;
    int used[HV_RES_COUNT] = {0};
    buf[0] = '\0';
    for (;;) {
        int best = -1;
        for (int r = 0; r < HV_RES_COUNT; r++)
            if (!used[r] && amounts[r] > 0 && (best < 0 || amounts[r] > amounts[best]))
                best = r;
        if (best < 0 || n >= len)
            break;
        used[best] = 1;
        n += (size_t)snprintf(buf + n, len - n, "%s%s %s %s", n ? ", " : "", num(amounts[best]),
                              rules->resources[best].unit, rules->resources[best].name);
    }
    if (!n)
        snprintf(buf, len, "nothing of use");
}

static const char *name_of(const hv_state *s, int32_t id)
{
    const hv_person *p = hv_state_person((hv_state *)s, id);
    return p ? p->name : "a lost crew member";
}

/* Why a survey order would be refused, or NULL. */
static const char *survey_block(const hv_state *s, int i, char *buf, size_t len)
{
    int64_t fuel = fuel_free(s), need = s->rules->missions.survey_fuel;
    if (queued(s, HV_ORDER_SURVEY, i))
        return "A survey probe is already queued for this week.";
    if (s->asteroids[i].surveyed)
        return "Already surveyed: its composition is known.";
    if (s->asteroids[i].stage != HV_STAGE_FAR || queued(s, HV_ORDER_CAPTURE, i))
        return "A mission to it is under way or over.";
    if (hv_state_running_bonus(s, offsetof(hv_module_type, spaceport)) <= 0)
        return "No spaceport is running: build one, staff it and keep it powered.";
    if (fuel < need) {
        snprintf(buf, len,
                 "Not enough fuel: the probe needs %s t, %s t is free after the "
                 "orders already queued.",
                 num(need), num(fuel < 0 ? 0 : fuel));
        return buf;
    }
    return NULL;
}

static const char *capture_block(const hv_state *s, int i, int open, char *buf, size_t len)
{
    int64_t fuel = fuel_free(s), need = s->rules->asteroids[i].capture_fuel;
    if (queued(s, HV_ORDER_CAPTURE, i))
        return "A capture is already queued for this week.";
    if (s->asteroids[i].stage != HV_STAGE_FAR || queued(s, HV_ORDER_SURVEY, i))
        return "A mission to it is under way or over.";
    if (hv_state_running_bonus(s, offsetof(hv_module_type, spaceport)) <= 0)
        return "No spaceport is running: build one, staff it and keep it powered.";
    if (!open)
        return "The launch window is closed.";
    if (fuel < need) {
        snprintf(buf, len,
                 "Not enough fuel: the tug needs %s t, %s t is free after the orders "
                 "already queued.",
                 num(need), num(fuel < 0 ? 0 : fuel));
        return buf;
    }
    if (!pick.pilot || !pick.engineer)
        return "Pick a pilot and an engineer below; nobody free can fly.";
    return NULL;
}

static void odds_lines(lay *l, int i, const hv_person *p, const hv_person *e)
{
    const hv_state *s = &l->app->game->state;
    const hv_rules *rules = s->rules;
    const hv_missions *m = &rules->missions;
    int odds = hv_capture_odds(s, i, p, e);
    char line[320];
    snprintf(line, sizeof line, "Capture odds %d%% with %s and %s", odds / 10, p->name, e->name);
    wrap(l, 0, HV_FONT_SMALL, HV_C_TEXT, line);
    l->y += px(l, 2);
    if (l->draw)
        hv_gui_bar(&l->app->gui, (SDL_Rect){l->x, l->y, l->w, px(l, 8)}, odds, 1000,
                   odds >= 700   ? HV_C_GOOD
                   : odds >= 450 ? HV_C_WARN
                                 : HV_C_BAD);
    l->y += px(l, 12);
    int32_t t = s->tension[p->faction][e->faction], over = t - rules->society.incident_at;
    size_t n = (size_t)snprintf(line, sizeof line, "Risk %d: -%d%%", rules->asteroids[i].risk,
                                m->risk_odds * rules->asteroids[i].risk / 10);
    if (!s->asteroids[i].surveyed)
        n += (size_t)snprintf(line + n, sizeof line - n, "  ·  unsurveyed: -%d%%",
                              m->unsurveyed_odds / 10);
    if (p->faction != e->faction && n < sizeof line)
        n += (size_t)snprintf(line + n, sizeof line - n, "  ·  %s–%s tension %d: %s",
                              rules->factions[p->faction].name, rules->factions[e->faction].name, t,
                              over > 0 ? "" : "no effect");
    if (p->faction != e->faction && over > 0 && n < sizeof line)
        n += (size_t)snprintf(line + n, sizeof line - n, "-%d%%", m->tension_odds * over / 10);
    int skill = m->skill_odds * (p->skill - 3 + e->skill - 3);
    if (skill && n < sizeof line)
        snprintf(line + n, sizeof line - n, "  ·  crew skill: %+d%%", skill / 10);
    wrap(l, 0, HV_FONT_SMALL, HV_C_DIM, line);
}

static void status_line(lay *l, int i, char *buf, size_t len, uint32_t *colour)
{
    const hv_state *s = &l->app->game->state;
    const hv_rules *rules = s->rules;
    const hv_asteroid_state *as = &s->asteroids[i];
    int w = as->weeks_left;
    int64_t left = 0;
    for (int r = 0; r < HV_RES_COUNT; r++)
        left += as->left[r];
    int q;
    *colour = HV_C_INFO;
    switch (as->stage) {
    case HV_STAGE_SURVEYING:
        if (w <= 1)
            snprintf(buf, len, "Probe arrives at the end of this week");
        else
            snprintf(buf, len, "Probe arrives in %d weeks", w);
        break;
    case HV_STAGE_CAPTURING:
        if (w <= 1)
            snprintf(buf, len, "Tug with %s and %s arrives at the end of this week, %d%% odds",
                     name_of(s, as->pilot), name_of(s, as->engineer), as->odds / 10);
        else
            snprintf(buf, len, "Tug with %s and %s, %d weeks out, %d%% odds", name_of(s, as->pilot),
                     name_of(s, as->engineer), w, as->odds / 10);
        break;
    case HV_STAGE_ORBIT: {
        int64_t rate = rules->asteroids[i].mine_rate,
                weeks = rate > 0 ? (left + rate - 1) / rate : 0;
        /* One unit when everything in it is counted alike, as tonnes of rock. */
        const char *unit = NULL;
        for (int r = 0; r < HV_RES_COUNT; r++)
            if (as->left[r] > 0)
                unit = !unit || !strcmp(unit, rules->resources[r].unit) ? rules->resources[r].unit
                                                                        : "";
        snprintf(buf, len, "In orbit: mining %s%s%s a week, %s%s%s left (about %lld week%s)",
                 num(rate), unit && *unit ? " " : "", unit ? unit : "", num(left),
                 unit && *unit ? " " : "", unit ? unit : "", (long long)weeks, plural(weeks));
        *colour = HV_C_GOOD;
        break;
    }
    case HV_STAGE_SPENT:
        snprintf(buf, len, "Mined out");
        *colour = HV_C_DIM;
        break;
    case HV_STAGE_LOST:
        snprintf(buf, len, "Lost: the capture failed and the rock tumbled away");
        *colour = HV_C_BAD;
        break;
    default:
        if ((q = queued(s, HV_ORDER_CAPTURE, i)) != 0)
            snprintf(buf, len, "Queued: the tug leaves with %s and %s when the week ends",
                     name_of(s, s->orders[q - 1].person), name_of(s, s->orders[q - 1].person2));
        else if (queued(s, HV_ORDER_SURVEY, i))
            snprintf(buf, len, "Queued: a probe launches when the week ends");
        else {
            snprintf(buf, len,
                     as->surveyed ? "Surveyed: waiting for a capture crew"
                                  : "In deep space, not yet surveyed");
            *colour = HV_C_TEXT;
        }
        break;
    }
}

static void card_body(lay *l, int i)
{
    hv_app *app = l->app;
    hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    const hv_asteroid *a = &rules->asteroids[i];
    const hv_asteroid_state *as = &s->asteroids[i];
    char line[400], tip[HV_TIP_LEN], why_buf[200], id[64];
    int icon = px(l, 44), pad = px(l, 10), top = l->y;
    if (l->draw) {
        SDL_Rect ir = {l->x, l->y, icon, icon};
        hv_gfx_image_tinted(l->g, "icons/asteroid", ir, 0xffffff,
                            as->stage == HV_STAGE_LOST || as->stage == HV_STAGE_SPENT ? 110 : 255);
        const char *badge = as->stage == HV_STAGE_SURVEYING   ? "icons/probe"
                            : as->stage == HV_STAGE_CAPTURING ? "icons/tug"
                            : as->stage == HV_STAGE_LOST      ? "icons/warning"
                                                              : NULL;
        if (badge)
            hv_gfx_image(l->g, badge,
                         (SDL_Rect){l->x + icon / 2, l->y + icon / 2, icon / 2, icon / 2});
    }
    lay t = *l;
    t.x += icon + pad;
    t.w -= icon + pad;
    text(&t, HV_FONT_HEAD, 1, HV_C_TEXT, a->name);
    char klass[HV_ID_LEN];
    snprintf(klass, sizeof klass, "%s", a->klass);
    if (klass[0] >= 'a' && klass[0] <= 'z')
        klass[0] = (char)(klass[0] - 'a' + 'A');
    snprintf(line, sizeof line, "%s · risk %d · %d-week transfer · %s t fuel to capture", klass,
             a->risk, a->transfer_weeks, num(a->capture_fuel));
    wrap(&t, 0, HV_FONT_SMALL, HV_C_DIM, line);
    l->y = t.y > top + icon ? t.y : top + icon;
    l->y += px(l, 4);
    uint32_t colour;
    status_line(l, i, line, sizeof line, &colour);
    wrap(l, 0, HV_FONT_BODY, colour, line);
    if (as->stage == HV_STAGE_ORBIT) {
        int64_t left = 0, all = 0;
        for (int r = 0; r < HV_RES_COUNT; r++) {
            left += as->left[r];
            all += a->composition[r];
        }
        l->y += px(l, 2);
        if (l->draw)
            hv_gui_bar(&app->gui, (SDL_Rect){l->x, l->y, l->w, px(l, 8)},
                       (int)(all ? left * 1000 / all : 0), 1000, HV_C_GOOD);
        l->y += px(l, 12);
    }
    if (as->surveyed) {
        char what[240];
        holdings(rules, as->left, what, sizeof what);
        snprintf(line, sizeof line, "%s %s", as->stage == HV_STAGE_ORBIT ? "Left:" : "Holds", what);
        wrap(l, 0, HV_FONT_SMALL, HV_C_TEXT, line);
    } else if (as->stage == HV_STAGE_FAR || as->stage == HV_STAGE_SURVEYING) {
        wrap(l, 0, HV_FONT_SMALL, HV_C_WARN,
             as->stage == HV_STAGE_SURVEYING || queued(s, HV_ORDER_SURVEY, i)
                 ? "Composition unknown until the probe gets there"
                 : "Composition unknown — survey it");
    }
    if (as->stage != HV_STAGE_FAR)
        return;
    int open;
    window_text(s, i, line, sizeof line, &open);
    wrap(l, 0, HV_FONT_SMALL, open ? HV_C_GOOD : HV_C_BAD, line);
    hv_person *p = hv_state_person(s, pick.pilot), *e = hv_state_person(s, pick.engineer);
    if (p && e && !queued(s, HV_ORDER_CAPTURE, i)) {
        l->y += px(l, 4);
        odds_lines(l, i, p, e);
    }
    l->y += px(l, 8);
    int gap = px(l, 8), bw = (l->w - gap) / 2, bh = px(l, 32);
    SDL_Rect b = {l->x, l->y, bw, bh};
    const char *why = survey_block(s, i, why_buf, sizeof why_buf);
    snprintf(tip, sizeof tip,
             "Send a probe to %s: %s t fuel, %d weeks. Knowing what it holds "
             "adds %d%% to the capture odds.%s%s",
             a->name, num(rules->missions.survey_fuel), rules->missions.survey_weeks,
             rules->missions.unsurveyed_odds / 10, why ? "\n\n" : "", why ? why : "");
    snprintf(id, sizeof id, "survey_%s", a->id);
    if (button(l, id, b, "icons/probe", "Survey", tip, why ? HV_W_DISABLED : 0)) {
        hv_order o = {0};
        o.kind = HV_ORDER_SURVEY;
        o.target = i;
        if (hv_app_queue(app, &o) == 0)
            hv_app_toast(app, "Queued: survey probe to %s. Ctrl+Z undoes it.", a->name);
    }
    b.x += bw + gap;
    why = capture_block(s, i, open, why_buf, sizeof why_buf);
    if (p && e)
        snprintf(
            tip, sizeof tip,
            "Fly %s and %s out to tow %s into Mars orbit: %s t fuel, %d "
            "weeks away, %d%% odds. A failed capture loses the rock and may kill the crew.%s%s",
            p->name, e->name, a->name, num(a->capture_fuel), a->transfer_weeks,
            hv_capture_odds(s, i, p, e) / 10, why ? "\n\n" : "", why ? why : "");
    else
        snprintf(tip, sizeof tip, "Tow %s into Mars orbit.%s%s", a->name, why ? "\n\n" : "",
                 why ? why : "");
    snprintf(id, sizeof id, "capture_%s", a->id);
    if (button(l, id, b, "icons/tug", "Capture", tip, why ? HV_W_DISABLED : HV_W_PRIMARY)) {
        hv_order o = {0};
        o.kind = HV_ORDER_CAPTURE;
        o.target = i;
        o.person = pick.pilot;
        o.person2 = pick.engineer;
        if (hv_app_queue(app, &o) == 0)
            hv_app_toast(app, "Queued: capture of %s with %s and %s.", a->name, p->name, e->name);
    }
    l->y += bh;
}

static void card(lay *l, int i)
{
    int pad = px(l, 10);
    lay m = *l;
    m.draw = 0;
    m.x += pad;
    m.w -= 2 * pad;
    m.y += pad;
    card_body(&m, i);
    SDL_Rect r = {l->x, l->y, l->w, m.y + pad - l->y};
    SDL_Rect cut;
    if (l->draw && SDL_IntersectRect(&r, &l->view, &cut)) {
        hv_gfx_fill(l->g, r, HV_C_PANEL_HI, 200);
        hv_gfx_frame(l->g, r, HV_C_BORDER);
        lay d = *l;
        d.x += pad;
        d.w -= 2 * pad;
        d.y += pad;
        card_body(&d, i);
    }
    l->y = r.y + r.h + px(l, 8);
}

/* ---- the market -------------------------------------------------------- */

static void market(lay *l)
{
    hv_app *app = l->app;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    const char *unit = rules->resources[HV_RES_IRIDIUM].unit,
               *money = rules->resources[HV_RES_FUNDS].unit;
    int64_t stock = s->stock[HV_RES_IRIDIUM], free_ir = stock;
    int shipping = s->shipment_count;
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == HV_ORDER_EXPORT) {
            free_ir -= s->orders[i].value;
            shipping++;
        }
    char line[240], tip[HV_TIP_LEN];
    snprintf(line, sizeof line, "In store: %s %s", num(stock), unit);
    if (free_ir != stock)
        snprintf(line + strlen(line), sizeof line - strlen(line), " (%s after queued exports)",
                 num(free_ir));
    text(l, HV_FONT_BODY, 1, HV_C_TEXT, line);
    snprintf(line, sizeof line, "Price on Earth: %s %s per %s (range %s–%s)", num(s->price), money,
             unit, num(rules->market.price_min), num(rules->market.price_max));
    wrap(l, 0, HV_FONT_SMALL, HV_C_TEXT, line);
    snprintf(line, sizeof line, "Sold on Earth so far: %s %s; the store is worth %s %s now",
             num(s->exported), unit, num(stock * s->price), money);
    wrap(l, 0, HV_FONT_SMALL, HV_C_DIM, line);
    for (int32_t i = 0; i < s->shipment_count; i++) {
        const hv_shipment *sh = &s->shipments[i];
        if (sh->weeks_left <= 1)
            snprintf(line, sizeof line, "Shipment of %s %s: sold at the end of this week",
                     num(sh->amount), unit);
        else
            snprintf(line, sizeof line, "Shipment of %s %s: sold in %d weeks", num(sh->amount),
                     unit, sh->weeks_left);
        wrap(l, px(l, 10), HV_FONT_SMALL, HV_C_INFO, line);
    }
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == HV_ORDER_EXPORT) {
            snprintf(line, sizeof line, "Queued: %s %s leaves when the week ends",
                     num(s->orders[i].value), unit);
            wrap(l, px(l, 10), HV_FONT_SMALL, HV_C_INFO, line);
        }
    l->y += px(l, 8);
    static const int amounts[3] = {50, 100, 0};
    static const char *const ids[3] = {"export_50", "export_100", "export_all"};
    int gap = px(l, 6), bw = (l->w - 2 * gap) / 3, bh = px(l, 32);
    for (int k = 0; k < 3; k++) {
        int64_t amount = amounts[k] ? amounts[k] : free_ir;
        const char *why = NULL;
        if (amount <= 0 || free_ir < amount)
            why = "Not enough iridium in store (queued exports count).";
        else if (shipping >= HV_MAX_SHIPMENTS)
            why = "Too many shipments on their way; wait for some to be sold.";
        else if (amount > INT32_MAX)
            why = "Too much for one shipment.";
        snprintf(tip, sizeof tip,
                 "Ship %s %s to Earth: sold in %d weeks at the price then, about "
                 "%s %s at today's.%s%s",
                 num(amount > 0 ? amount : 0), unit, rules->market.ship_weeks,
                 num((amount > 0 ? amount : 0) * s->price), money, why ? "\n\n" : "",
                 why ? why : "");
        snprintf(line, sizeof line, amounts[k] ? "Export %d" : "Export all", amounts[k]);
        SDL_Rect b = {l->x + k * (bw + gap), l->y, bw, bh};
        if (button(l, ids[k], b, "icons/iridium", line, tip, why ? HV_W_DISABLED : 0)) {
            hv_order o = {0};
            o.kind = HV_ORDER_EXPORT;
            o.value = (int32_t)amount;
            if (hv_app_queue(app, &o) == 0)
                hv_app_toast(app, "Queued: export %s %s of iridium.", num(amount), unit);
        }
    }
    l->y += bh + px(l, 6);
}

/* ---- the panel --------------------------------------------------------- */

void hv_panel_asteroids(hv_app *app, SDL_Rect area)
{
    static uint32_t seen; /* the frame last drawn, to start from the top when opened */
    hv_gfx *g = &app->gfx;
    hv_gui *gui = &app->gui;
    SDL_Rect view = hv_gui_panel(gui, area, "Asteroids and missions");
    if (!app->game || view.w <= 0 || view.h <= 0)
        return;
    if (seen != g->frame && seen + 1 != g->frame)
        app->scroll = 0; /* the offset is shared by every panel */
    seen = g->frame;
    const hv_state *s = &app->game->state;
    if (s->rules->asteroid_count > 0)
        choose_crew(app);
    if (gui->wheel && hv_gui_hover(gui, view)) {
        app->scroll -= gui->wheel * hv_gfx_px(g, 60);
        gui->wheel = 0;
    }
    if (app->scroll < 0)
        app->scroll = 0;
    hv_gui_area(gui, "asteroid_list", view, NULL);
    int bar = hv_gfx_px(g, 6), far = 0;
    lay l = {app, g, view, view.x, view.w - 2 * bar, view.y - app->scroll, 1};
    SDL_RenderSetClipRect(app->ren, &view);
    int port = hv_state_running_bonus(s, offsetof(hv_module_type, spaceport)) > 0;
    char line[200];
    snprintf(line, sizeof line, "Week %d · %s t fuel free · %s", s->turn + 1, num(fuel_free(s)),
             port ? "spaceport running" : "no spaceport running: nothing can launch");
    wrap(&l, 0, HV_FONT_SMALL, port ? HV_C_DIM : HV_C_BAD, line);
    section(&l, "icons/asteroid", "Asteroids");
    for (int32_t i = 0; i < s->rules->asteroid_count; i++) {
        card(&l, i);
        far |= s->asteroids[i].stage == HV_STAGE_FAR;
    }
    if (s->rules->asteroid_count == 0)
        wrap(&l, 0, HV_FONT_BODY, HV_C_DIM, "No asteroid comes within reach in this level.");
    if (far) {
        section(&l, "icons/tug", "Capture crew");
        wrap(&l, 0, HV_FONT_SMALL, HV_C_DIM,
             "Pick who flies the next capture; the odds above follow the pick. Both are away "
             "until the tug arrives.");
        l.y += hv_gfx_px(g, 4);
        crew_picker(&l);
    }
    section(&l, "icons/iridium", "Iridium market");
    market(&l);
    SDL_RenderSetClipRect(app->ren, NULL);
    int total = l.y + app->scroll - view.y, max = total - view.h;
    if (app->scroll > (max > 0 ? max : 0))
        app->scroll = max > 0 ? max : 0;
    if (max > 0) {
        int th = view.h * view.h / total, x = view.x + view.w - bar;
        hv_gfx_fill(g, (SDL_Rect){x, view.y, bar, view.h}, 0x120c0e, 255);
        hv_gfx_fill(g, (SDL_Rect){x, view.y + (view.h - th) * app->scroll / max, bar, th},
                    HV_C_BORDER, 255);
    }
}
