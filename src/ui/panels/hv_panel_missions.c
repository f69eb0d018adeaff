/* The asteroids panel: one card per asteroid with its mission stage, the
 * survey and capture buttons, the capture crew picker with live odds, and
 * the iridium market (hv_panel_market.c). Everything here only queues
 * orders; the checks mirror hv_missions.c so a button is disabled, with the
 * reason in its tooltip, exactly when the order would be refused. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "hv_panel_missions.h"
#include "hv_turn.h"

static const char *plural(int64_t n)
{
    return n == 1 ? "" : "s";
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
            fuel -= hv_survey_fuel(rules);
        else if (o->kind == HV_ORDER_CAPTURE && o->target >= 0 && o->target < rules->asteroid_count)
            fuel -= hv_capture_fuel(rules, o->target);
        else if (o->kind == HV_ORDER_BUILD && o->module_type >= 0 &&
                 o->module_type < rules->module_type_count)
            fuel -= rules->module_types[o->module_type].cost[HV_RES_FUEL];
    }
    return fuel;
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
        n += (size_t)snprintf(buf + n, len - n, "%s%s %s %s", n ? ", " : "", hv_num(amounts[best]),
                              rules->resources[best].unit, rules->resources[best].name);
    }
    if (!n)
        snprintf(buf, len, "nothing of use");
}

static const char *name_of(const hv_state *s, int32_t id)
{
    const hv_person *p = hv_state_person((hv_state *)s, id);
    return p ? hv_person_name(s, p) : "a lost crew member";
}

/* Why a survey order would be refused, or NULL. */
static const char *survey_block(const hv_state *s, int i, char *buf, size_t len)
{
    int64_t fuel = fuel_free(s), need = hv_survey_fuel(s->rules);
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
                 hv_num(need), hv_num(fuel < 0 ? 0 : fuel));
        return buf;
    }
    return NULL;
}

static const char *capture_block(const hv_state *s, int i, int open, char *buf, size_t len)
{
    int64_t fuel = fuel_free(s), need = hv_capture_fuel(s->rules, i);
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
                 hv_num(need), hv_num(fuel < 0 ? 0 : fuel));
        return buf;
    }
    int32_t pilot, engineer;
    hv_capture_crew(&pilot, &engineer);
    if (!pilot || !engineer)
        return "Pick a pilot and an engineer below; nobody free can fly.";
    return NULL;
}

static void odds_lines(hv_list *l, int i, const hv_person *p, const hv_person *e)
{
    const hv_state *s = &l->app->game->state;
    const hv_rules *rules = s->rules;
    const hv_missions *m = &rules->missions;
    int odds = hv_capture_odds(s, i, p, e);
    char line[320];
    snprintf(line, sizeof line, "Capture odds %d%% with %s and %s", odds / 10, hv_person_name(s, p),
             hv_person_name(s, e));
    hv_list_wrap(l, 0, HV_FONT_SMALL, HV_C_TEXT, line);
    hv_list_bar(l, odds, 1000, odds >= 700 ? HV_C_GOOD : odds >= 450 ? HV_C_WARN : HV_C_BAD);
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
    hv_list_wrap(l, 0, HV_FONT_SMALL, HV_C_DIM, line);
}

static void status_line(hv_list *l, int i, char *buf, size_t len, uint32_t *colour)
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
    case HV_STAGE_CAPTURING: {
        const char *to = hv_dest_name(s->rules, as->dest);
        if (w <= 1)
            snprintf(buf, len, "Tug with %s and %s brings it to %s orbit this week, %d%% odds%s",
                     name_of(s, as->pilot), name_of(s, as->engineer), to, as->odds / 10,
                     as->hijack == 2 ? "; the hijack is found out" : "");
        else
            snprintf(buf, len, "Tug with %s and %s, %d weeks out, bound for %s orbit, %d%% odds%s",
                     name_of(s, as->pilot), name_of(s, as->engineer), w, to, as->odds / 10,
                     as->hijack == 2 ? "; the hijack is found out" : "");
        break;
    }
    case HV_STAGE_EARTH:
    case HV_STAGE_ORBIT: {
        int64_t rate = rules->asteroids[i].mine_rate,
                weeks = rate > 0 ? (left + rate - 1) / rate : 0;
        /* One unit when everything in it is counted alike, as tonnes of rock. */
        const char *unit = NULL;
        for (int r = 0; r < HV_RES_COUNT; r++)
            if (as->left[r] > 0)
                unit = !unit || !strcmp(unit, rules->resources[r].unit) ? rules->resources[r].unit
                                                                        : "";
        snprintf(buf, len, "In %s orbit: mining %s%s%s a week, %s%s%s left (about %lld week%s)",
                 hv_dest_name(rules, as->stage == HV_STAGE_EARTH ? HV_DEST_EARTH : HV_DEST_MARS),
                 hv_num(rate), unit && *unit ? " " : "", unit ? unit : "", hv_num(left),
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

/* Turns a capture on its way to the other orbit; against the mandate the
 * tip says it is a hijack that may be found out. */
static void redirect_button(hv_list *l, int i)
{
    hv_app *app = l->app;
    const hv_state *s = &app->game->state;
    const hv_asteroid_state *as = &s->asteroids[i];
    int32_t to = as->dest == HV_DEST_EARTH ? HV_DEST_MARS : HV_DEST_EARTH;
    int against = s->mandate && s->mandate - 1 != to;
    char tip[HV_TIP_LEN], id[64], label[HV_NAME_LEN + 16];
    int flips = queued(s, HV_ORDER_REDIRECT, i) != 0;
    snprintf(label, sizeof label, "To %s orbit", hv_dest_name(s->rules, to));
    snprintf(tip, sizeof tip, "Turn the tug to bring %s to %s orbit instead.%s%s",
             s->rules->asteroids[i].name, hv_dest_name(s->rules, to),
             against ? "\n\nThe board has mandated the other orbit: this is a hijack, and "
                       "each week on the way it may be found out."
                     : "",
             flips ? "\n\nA redirect is already queued this week." : "");
    snprintf(id, sizeof id, "redirect_%s", s->rules->asteroids[i].id);
    l->y += hv_list_px(l, 8);
    SDL_Rect b = {l->x, l->y, l->w / 2, hv_list_px(l, 32)};
    if (hv_list_button(l, id, b, "icons/tug", label, tip, flips ? HV_W_DISABLED : 0)) {
        hv_order o = {0};
        o.kind = HV_ORDER_REDIRECT;
        o.target = i;
        if (hv_app_queue(app, &o) == 0)
            hv_app_toast(app, "Queued: the tug to %s turns to %s orbit.",
                         s->rules->asteroids[i].name, hv_dest_name(s->rules, to));
    }
    l->y += b.h;
}

static void card_body(hv_list *l, int i)
{
    hv_app *app = l->app;
    hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    const hv_asteroid *a = &rules->asteroids[i];
    const hv_asteroid_state *as = &s->asteroids[i];
    char line[400], tip[HV_TIP_LEN], why_buf[200], id[64];
    int icon = hv_list_px(l, 44), pad = hv_list_px(l, 10), top = l->y;
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
    hv_list t = *l;
    t.x += icon + pad;
    t.w -= icon + pad;
    hv_list_text(&t, HV_FONT_HEAD, 1, HV_C_TEXT, a->name);
    char klass[HV_ID_LEN];
    snprintf(klass, sizeof klass, "%s", a->klass);
    hv_capitalise(klass);
    snprintf(line, sizeof line, "%s · risk %d · %d-week transfer · %s t fuel to capture", klass,
             a->risk, a->transfer_weeks, hv_num(hv_capture_fuel(s->rules, i)));
    hv_list_wrap(&t, 0, HV_FONT_SMALL, HV_C_DIM, line);
    l->y = t.y > top + icon ? t.y : top + icon;
    l->y += hv_list_px(l, 4);
    uint32_t colour;
    status_line(l, i, line, sizeof line, &colour);
    hv_list_wrap(l, 0, HV_FONT_BODY, colour, line);
    if (as->stage == HV_STAGE_ORBIT) {
        int64_t left = 0, all = 0;
        for (int r = 0; r < HV_RES_COUNT; r++) {
            left += as->left[r];
            all += a->composition[r];
        }
        hv_list_bar(l, (int)(all ? left * 1000 / all : 0), 1000, HV_C_GOOD);
    }
    if (as->surveyed) {
        char what[240];
        holdings(rules, as->left, what, sizeof what);
        snprintf(line, sizeof line, "%s %s", as->stage == HV_STAGE_ORBIT ? "Left:" : "Holds", what);
        hv_list_wrap(l, 0, HV_FONT_SMALL, HV_C_TEXT, line);
    } else if (as->stage == HV_STAGE_FAR || as->stage == HV_STAGE_SURVEYING) {
        hv_list_wrap(l, 0, HV_FONT_SMALL, HV_C_WARN,
                     as->stage == HV_STAGE_SURVEYING || queued(s, HV_ORDER_SURVEY, i)
                         ? "Composition unknown until the probe gets there"
                         : "Composition unknown — survey it");
    }
    if (as->stage == HV_STAGE_CAPTURING)
        redirect_button(l, i);
    if (as->stage != HV_STAGE_FAR)
        return;
    int open;
    window_text(s, i, line, sizeof line, &open);
    hv_list_wrap(l, 0, HV_FONT_SMALL, open ? HV_C_GOOD : HV_C_BAD, line);
    int32_t pilot, engineer;
    hv_capture_crew(&pilot, &engineer);
    hv_person *p = hv_state_person(s, pilot), *e = hv_state_person(s, engineer);
    if (p && e && !queued(s, HV_ORDER_CAPTURE, i)) {
        l->y += hv_list_px(l, 4);
        odds_lines(l, i, p, e);
    }
    l->y += hv_list_px(l, 8);
    int gap = hv_list_px(l, 8), bw = (l->w - gap) / 2, bh = hv_list_px(l, 32);
    SDL_Rect b = {l->x, l->y, bw, bh};
    const char *why = survey_block(s, i, why_buf, sizeof why_buf);
    snprintf(tip, sizeof tip,
             "Send a probe to %s: %s t fuel, %d weeks. Knowing what it holds "
             "adds %d%% to the capture odds.%s%s",
             a->name, hv_num(hv_survey_fuel(rules)), rules->missions.survey_weeks,
             rules->missions.unsurveyed_odds / 10, why ? "\n\n" : "", why ? why : "");
    snprintf(id, sizeof id, "survey_%s", a->id);
    if (hv_list_button(l, id, b, "icons/probe", "Survey", tip, why ? HV_W_DISABLED : 0)) {
        hv_order o = {0};
        o.kind = HV_ORDER_SURVEY;
        o.target = i;
        if (hv_app_queue(app, &o) == 0)
            hv_app_toast(app, "Queued: survey probe to %s. Ctrl+Z undoes it.", a->name);
    }
    b.x += bw + gap;
    why = capture_block(s, i, open, why_buf, sizeof why_buf);
    int32_t dest = hv_capture_dest();
    const char *orbit = hv_dest_name(s->rules, dest);
    if (p && e)
        snprintf(
            tip, sizeof tip,
            "Fly %s and %s out to tow %s into %s orbit: %s t fuel, %d "
            "weeks away, %d%% odds. A failed capture loses the rock and may kill the crew.%s%s",
            hv_person_name(s, p), hv_person_name(s, e), a->name, orbit,
            hv_num(hv_capture_fuel(s->rules, i)), a->transfer_weeks,
            hv_capture_odds(s, i, p, e) / 10, why ? "\n\n" : "", why ? why : "");
    else
        snprintf(tip, sizeof tip, "Tow %s into %s orbit.%s%s", a->name, orbit, why ? "\n\n" : "",
                 why ? why : "");
    snprintf(id, sizeof id, "capture_%s", a->id);
    if (hv_list_button(l, id, b, "icons/tug", "Capture", tip, why ? HV_W_DISABLED : HV_W_PRIMARY)) {
        hv_order o = {0};
        o.kind = HV_ORDER_CAPTURE;
        o.target = i;
        o.person = pilot;
        o.person2 = engineer;
        o.value = dest;
        if (hv_app_queue(app, &o) == 0)
            hv_app_toast(app, "Queued: capture of %s into %s orbit with %s and %s.", a->name, orbit,
                         hv_person_name(s, p), hv_person_name(s, e));
    }
    l->y += bh;
}

static void card(hv_list *l, int i)
{
    int pad = hv_list_px(l, 10);
    hv_list m = *l;
    m.draw = 0;
    m.x += pad;
    m.w -= 2 * pad;
    m.y += pad;
    card_body(&m, i);
    SDL_Rect r = {l->x, l->y, l->w, m.y + pad - l->y};
    SDL_Rect cut;
    if (l->draw && SDL_IntersectRect(&r, &l->view, &cut)) {
        /* HV_C_PANEL_HI at 200/255 over the panel, opaque: no blending. */
        hv_gfx_fill(l->g, r, 0x30252b, 255);
        hv_gfx_frame(l->g, r, HV_C_BORDER);
        hv_list d = *l;
        d.x += pad;
        d.w -= 2 * pad;
        d.y += pad;
        card_body(&d, i);
    }
    l->y = r.y + r.h + hv_list_px(l, 8);
}

/* ---- the panel --------------------------------------------------------- */

void hv_panel_asteroids(hv_app *app, SDL_Rect area)
{
    static uint32_t seen;
    hv_gfx *g = &app->gfx;
    SDL_Rect view = hv_gui_panel(&app->gui, area, "Asteroids and missions");
    if (!app->game || view.w <= 0 || view.h <= 0)
        return;
    hv_list_fresh(app, &seen);
    const hv_state *s = &app->game->state;
    if (s->rules->asteroid_count > 0)
        hv_capture_choose(app);
    hv_list l = hv_list_begin(app, view, "asteroid_list");
    int top = l.y, far = 0;
    int port = hv_state_running_bonus(s, offsetof(hv_module_type, spaceport)) > 0;
    char line[200];
    snprintf(line, sizeof line, "Week %d · %s t fuel free · %s", s->turn + 1, hv_num(fuel_free(s)),
             port ? "spaceport running" : "no spaceport running: nothing can launch");
    hv_list_wrap(&l, 0, HV_FONT_SMALL, port ? HV_C_DIM : HV_C_BAD, line);
    hv_list_heading(&l, "icons/asteroid", "Asteroids", 6, 10);
    for (int32_t i = 0; i < s->rules->asteroid_count; i++) {
        card(&l, i);
        far |= s->asteroids[i].stage == HV_STAGE_FAR;
    }
    if (s->rules->asteroid_count == 0)
        hv_list_wrap(&l, 0, HV_FONT_BODY, HV_C_DIM,
                     "No asteroid comes within reach in this level.");
    if (far) {
        hv_list_heading(&l, "icons/tug", "Capture crew", 6, 10);
        hv_list_wrap(
            &l, 0, HV_FONT_SMALL, HV_C_DIM,
            "Pick who flies the next capture; the odds above follow the pick. Both are away "
            "until the tug arrives.");
        l.y += hv_gfx_px(g, 4);
        hv_capture_picker(&l);
    }
    hv_list_heading(&l, "icons/iridium", "Iridium market", 6, 10);
    hv_market_section(&l);
    hv_list_end(&l, l.y - top);
}
