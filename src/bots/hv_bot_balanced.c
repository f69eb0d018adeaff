/* The balanced and greedy bots: one set of habits, weighed differently.
 * Staff the most wanted posts, build what the base lacks (air, water,
 * food, power, beds, then whatever module type is worth most), keep the
 * most wanted modules first in line for power, hold the policy options
 * whose declared effects are worth most, fly missions and sell iridium. */
#include <stddef.h>
#include <string.h>

#include "hv_bot_view.h"
#include "hv_turn.h"

/* ---- staffing ---------------------------------------------------------- */

/* The most wanted module with a free crew slot, or -1: only modules that
 * had free slots at the look can have one. */
static int32_t best_module(hv_bot_view *v)
{
    hv_bot_value_types(v, v->open_types); /* all read below, weighed in one go */
    /* Only a value above 0 is taken, so the best so far starts at 0. */
    int32_t best = -1, best_value = 0, taken0 = v->taken[0], taken1 = v->taken[1];
    for (int32_t j = 0, n = v->open_count; j < n; j++) {
        int32_t i = v->open[j];
        if (v->slots[i] <= 0)
            continue;
        int32_t value =
            i == taken0 || i == taken1 ? hv_bot_module_value(v, i) : v->type_value[v->open_type[j]];
        if (value > best_value) {
            best = i;
            best_value = value;
        }
    }
    return best;
}

static void staff(hv_bot_view *v, int rebalance)
{
    hv_state *s = v->s;
    for (int32_t k = 0; k < v->free_count; k++) {
        int32_t m = best_module(v);
        if (m < 0)
            break;
        hv_bot_order(s, HV_ORDER_ASSIGN, s->people[v->free_people[k]].id, s->modules[m].id, 0);
        v->slots[m]--;
        v->restaffed = 1;
    }
    /* Most weeks no post with a free slot is wanted enough to move anyone:
     * when no type of those posts can be worth 1500, none is weighed (no
     * post is taken from yet, so none is worth more than its type). */
    if (rebalance && hv_bot_types_bound(v, v->open_types) < 1500)
        return;
    for (int moves = 0; rebalance && moves < 2; moves++) {
        int32_t want = best_module(v);
        if (want < 0 || hv_bot_module_value(v, want) < 1500)
            return;
        /* Take someone from the least useful post. */
        int32_t from = -1, from_value = 0;
        for (int32_t i = 0; i < s->module_count; i++) {
            if (s->modules[i].crew <= 0)
                continue;
            int32_t value = hv_bot_module_value(v, i);
            if (value < 300 && (from < 0 || value < from_value)) {
                from = i;
                from_value = value;
            }
        }
        if (from < 0)
            return;
        for (int32_t i = 0; i < s->person_count; i++) {
            if (s->people[i].module == s->modules[from].id) {
                hv_bot_order(s, HV_ORDER_ASSIGN, s->people[i].id, s->modules[want].id, 0);
                v->slots[want]--;
                v->restaffed = 1;
                v->taken[moves] = from; /* do not take from it twice */
                break;
            }
        }
    }
}

/* ---- power priorities -------------------------------------------------- */

/* When power runs short, the most wanted modules are kept running: each
 * module that uses power gets a priority from how much the base wants it,
 * in a few wide bands so that one order lasts. */
static int32_t band(int32_t value)
{
    return value >= 2500 ? 1 : value >= 1000 ? 2 : value >= 500 ? 4 : value >= 200 ? 6 : 8;
}

static void prioritise(hv_bot_view *v)
{
    hv_state *s = v->s;
    if (!v->shed)
        return; /* only when last week's power ran out */
    int orders = 0;
    for (int32_t i = 0; i < s->module_count && orders < 4; i++) {
        hv_module *m = &s->modules[i];
        if (v->r->module_types[m->type].power >= 0 || m->status != HV_MODULE_ACTIVE)
            continue;
        int32_t want = band(hv_bot_module_value(v, i));
        if (want - m->priority >= 3 || m->priority - want >= 3) {
            hv_bot_order(s, HV_ORDER_PRIORITY, m->id, 0, want);
            orders++;
        }
    }
}

/* ---- building ---------------------------------------------------------- */

static int affordable(const hv_bot_view *v, const hv_module_type *mt, int64_t reserve)
{
    for (int res = 0; res < HV_RES_COUNT; res++)
        if (mt->cost[res] > 0 && v->s->stock[res] < mt->cost[res] + (res == HV_RES_FUNDS) * reserve)
            return 0;
    return 1;
}

static int build(hv_bot_view *v, int32_t type)
{
    const hv_rules *r = v->r;
    const hv_module_type *mt = &r->module_types[type];
    uint8_t used[HV_MAX_MAP * HV_MAX_MAP];
    memset(used, 0, sizeof used);
    for (int32_t i = 0; i < v->s->module_count; i++)
        used[v->s->modules[i].y * HV_MAX_MAP + v->s->modules[i].x] = 1;
    for (int32_t y = 0; y < r->map_height; y++)
        for (int32_t x = 0; x < r->map_width; x++)
            if (!used[y * HV_MAX_MAP + x] &&
                (mt->terrain_mask >> r->terrain[y * r->map_width + x] & 1u)) {
                hv_bot_order(v->s, HV_ORDER_BUILD, x, y, type);
                return 1;
            }
    return 0;
}

static int64_t funds_cost(const hv_module_type *mt)
{
    return mt->cost[HV_RES_FUNDS] + mt->upkeep * 10 + 1;
}

/* Whether a module of TYPE is going up or has crew slots to fill, as
 * staffing left them (v->pending: marked by the look, marked again as
 * building starts if staffing filled slots). */
static int pending_type(const hv_bot_view *v, int32_t type)
{
    return v->pending >> type & 1u;
}

/* What a type is bought for: power, beds, a resource (0 and up), or
 * whatever the base wants most. */
enum { WANT_ANY = -3, WANT_POWER = -2, WANT_BEDS = -1 };

/* How much of WANT type T gives, in a scale shared by every type; 0 when
 * it gives none or cannot be had now. */
static int64_t gain(hv_bot_view *v, int32_t t, int want)
{
    const hv_module_type *mt = &v->r->module_types[t];
    int unstaffed = mt->crew_slots && v->free_count == 0;
    switch (want) {
    case WANT_POWER: {
        /* Power under today's dust. */
        int64_t kw = hv_power_output(v->s, mt, v->s->turn + 1);
        return mt->power > 0 && kw > 0 && !unstaffed ? kw * 100 : 0;
    }
    case WANT_BEDS:
        return mt->housing;
    case WANT_ANY: {
        /* Beyond needs, when someone is free to run it. */
        if (mt->power > 0 || pending_type(v, t) || unstaffed)
            return 0;
        int64_t value = hv_bot_type_value_at(v, t);
        return value >= 250 ? value * 10 : 0;
    }
    default: /* a resource, made without using it */
        return mt->input[want] == 0 ? mt->output[want] : 0;
    }
}

/* The module types that may give some of WANT (all that do, and maybe more). */
static uint32_t may_give(const hv_bot_view *v, int want)
{
    const hv_rules_derived *d = v->d;
    uint32_t staffed = v->free_count ? ~0u : d->bot_crewless;
    switch (want) {
    case WANT_POWER:
        return d->bot_power & staffed;
    case WANT_BEDS:
        return d->bot_housing;
    case WANT_ANY:
        return ~d->bot_power & ~v->pending & staffed &
               (v->r->module_type_count >= 32 ? ~0u : (1u << v->r->module_type_count) - 1);
    default:
        return d->bot_outputs[want];
    }
}

/* The type that gives most of WANT for its price, or -1. */
static int32_t best_buy(hv_bot_view *v, int want)
{
    int32_t best = -1;
    int64_t best_rate = 0;
    uint32_t types = may_give(v, want);
    if (want == WANT_ANY)
        hv_bot_value_types(v, types); /* gain reads every one: weighed in one go */
    for (uint32_t bits = types; bits; bits &= bits - 1) {
        int32_t t = __builtin_ctz(bits);
        int64_t g = gain(v, t, want);
        int64_t rate = g * 1000 / funds_cost(&v->r->module_types[t]);
        if (g > 0 && (best < 0 || rate > best_rate)) {
            best = t;
            best_rate = rate;
        }
    }
    return best;
}

/* Whether the funds pay for some module type of TYPES (bits) with RESERVE
 * kept back, as affordable counts them. */
static int can_pay(const hv_bot_view *v, uint32_t types, int64_t reserve)
{
    int64_t spare = v->s->stock[HV_RES_FUNDS] - reserve;
    for (; types; types &= types - 1) {
        int64_t cost = v->r->module_types[__builtin_ctz(types)].cost[HV_RES_FUNDS];
        if (cost <= 0 || spare >= cost)
            return 1;
    }
    return 0;
}

/* Whether a module making RES is going up or has crew slots to fill. */
static int building_for(const hv_bot_view *v, int res)
{
    return (v->d->bot_outputs[res] & v->pending) != 0;
}

static void expand(hv_bot_view *v)
{
    hv_state *s = v->s;
    if (v->restaffed) { /* staffing filled slots since the look marked them */
        v->pending = 0;
        /* A module going up is odd in the kept figures: only those are looked at. */
        for (int32_t w = 0, words = (s->module_count + 63) >> 6; w < words; w++)
            for (uint64_t odd = s->kept.odd[w]; odd; odd &= odd - 1) {
                const hv_module *m = &s->modules[w * 64 + __builtin_ctzll(odd)];
                if (m->status == HV_MODULE_BUILDING)
                    v->pending |= 1u << m->type;
            }
        for (int32_t j = 0; j < v->open_count; j++) /* no other module has slots */
            if (v->slots[v->open[j]] > 0)
                v->pending |= 1u << v->open_type[j];
    }
    int32_t t = -1;
    int64_t weeks = 1; /* of pay and upkeep kept back */
    if (s->power_demand > s->power_supply * 9 / 10)
        t = best_buy(v, WANT_POWER);
    if (t < 0 && !v->greedy) {
        /* Life support first; staffed by whoever is idle or moved. */
        for (uint32_t bits = v->d->bot_needs; bits && t < 0; bits &= bits - 1) {
            int res = __builtin_ctz(bits); /* what nobody needs is never short */
            if (v->need[res] > 0 && v->net[res] < v->need[res] / 10 && !building_for(v, res))
                t = best_buy(v, res);
        }
    }
    if (t < 0 && v->beds < s->person_count) {
        t = best_buy(v, WANT_BEDS);
        weeks = 2;
    }
    if (t < 0) {
        weeks = v->greedy ? 2 : 8;
        /* Whatever it would pick is built only if its funds are there with
         * the weeks kept back: when no type it may pick is, none is weighed. */
        if (can_pay(v, may_give(v, WANT_ANY), v->costs * weeks))
            t = best_buy(v, WANT_ANY);
        /* Nothing it merely wants while the sponsors do not cover the
         * bills, unless the treasury carries them to the level's end. */
        if (t >= 0 && !v->greedy) {
            int64_t short_by = v->costs + v->r->module_types[t].upkeep - v->paid;
            int endless = v->d->bot_last_week == 0;
            if (short_by > 0 && (endless || short_by * v->weeks_left > v->s->stock[HV_RES_FUNDS]))
                t = -1;
        }
    }
    if (t >= 0 && affordable(v, &v->r->module_types[t], v->costs * weeks))
        build(v, t);
}

/* ---- missions and exports ---------------------------------------------- */

int32_t hv_bot_capture_crew(const hv_state *s, int32_t asteroid, hv_order *o)
{
    const hv_rules *r = s->rules;
    int32_t best = -1, rock = hv_capture_rock_odds(s, asteroid);
    memset(o, 0, sizeof *o);
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (p->away || !r->roles[p->role].pilot)
            continue;
        for (int32_t k = 0; k < s->person_count; k++) {
            const hv_person *e = &s->people[k];
            if (k == i || e->away || !r->roles[e->role].engineer)
                continue;
            int32_t odds = hv_capture_crew_odds(s, rock, p, e);
            if (odds > best) {
                best = odds;
                *o = (hv_order){.kind = HV_ORDER_CAPTURE,
                                .target = asteroid,
                                .person = p->id,
                                .person2 = e->id};
            }
        }
    }
    return best;
}

/* What ASTEROID's haul is worth in DEST: its whole haul at the base's
 * worths in Mars orbit, or its iridium sold on Earth at the rules' share,
 * a week's mining at a time (each sale denting the price a little). */
static int64_t dest_worth(const hv_bot_view *v, int32_t asteroid, int32_t dest)
{
    const int64_t *left = v->s->asteroids[asteroid].left;
    int64_t total = 0;
    if (dest == HV_DEST_MARS) {
        for (int r = 0; r < HV_RES_COUNT; r++)
            total += left[r] * v->worth[r];
        return total;
    }
    int64_t rate = v->r->asteroids[asteroid].mine_rate;
    for (int r = 0; r < HV_RES_COUNT; r++)
        total += left[r];
    int64_t weekly =
        total > 0 && rate < total ? left[HV_RES_IRIDIUM] * rate / total : left[HV_RES_IRIDIUM];
    int64_t per_unit = weekly > 0 ? hv_market_quote(v->s, weekly, 100) * 100 / weekly : 0;
    return left[HV_RES_IRIDIUM] * per_unit * v->r->missions.earth_share / 100;
}

/* Where a rock is worth more, mandate or not. A goal to hold iridium keeps
 * it coming home. */
static int32_t worth_more(const hv_bot_view *v, int32_t asteroid)
{
    if (v->keep[HV_RES_IRIDIUM] > v->s->stock[HV_RES_IRIDIUM])
        return HV_DEST_MARS;
    return dest_worth(v, asteroid, HV_DEST_EARTH) > dest_worth(v, asteroid, HV_DEST_MARS)
               ? HV_DEST_EARTH
               : HV_DEST_MARS;
}

/* Where a capture is launched to: a mandate decides alone. */
static int32_t destination(const hv_bot_view *v, int32_t asteroid)
{
    return v->s->mandate ? v->s->mandate - 1 : worth_more(v, asteroid);
}

/* What being found out would cost: the found-out event's own effect and
 * its best answer, as the bot weighs events (a cost is positive). */
static int64_t found_out_cost(const hv_bot_view *v)
{
    int32_t e = v->r->missions.found_out_event - 1;
    if (e < 0)
        return 0;
    const hv_event_def *ev = &v->r->events[e];
    int64_t best = ev->choice_count ? INT64_MIN : 0;
    for (int32_t c = 0; c < ev->choice_count; c++) {
        int64_t w = hv_bot_choice_worth(v, &ev->choices[c].effect);
        best = w > best ? w : best;
    }
    int64_t worth = hv_bot_choice_worth(v, &ev->effect) + best;
    return worth < 0 ? -worth : 0;
}

/* Turns a capture in flight to the orbit where its rock is worth more. When
 * that goes against the board's mandate it is a hijack: the gain must beat
 * the cost of being found out at the odds of that before it arrives. The
 * greedy bot takes the chance whatever it costs. */
static void redirect(hv_bot_view *v)
{
    hv_state *s = v->s;
    const hv_missions *m = &v->r->missions;
    for (uint32_t capturing = v->capturing; capturing; capturing &= capturing - 1) {
        int32_t i = __builtin_ctz(capturing);
        const hv_asteroid_state *as = &s->asteroids[i];
        if (as->hijack)
            continue;
        int32_t want = worth_more(v, i);
        int64_t gain = dest_worth(v, i, want) - dest_worth(v, i, as->dest);
        if (want == as->dest || gain <= 0)
            continue;
        if (s->mandate && want != s->mandate - 1 && !v->greedy) {
            int64_t unseen = 1000; /* per mille: never found out before arrival */
            for (int32_t w = 0; w <= as->weeks_left; w++)
                unseen = unseen * (1000 - m->found_out) / 1000;
            if (gain * 1000 <= (1000 - unseen) * found_out_cost(v))
                continue;
        }
        hv_bot_order(s, HV_ORDER_REDIRECT, i, 0, 0);
    }
}

/* Whether a spaceport runs, counted on first asking into *PORT (-1 until then). */
static int port_runs(const hv_state *s, int *port)
{
    if (*port < 0)
        *port = hv_state_running_bonus(s, offsetof(hv_module_type, spaceport)) > 0;
    return *port;
}

static void launch(hv_bot_view *v)
{
    hv_state *s = v->s;
    const hv_rules_derived *d = v->d;
    int32_t week = s->turn + 1;
    /* Without a spaceport nothing flies: the spaceports are counted only
     * once an order hangs on them. */
    int port = -1;
    for (uint32_t far = v->far; far; far &= far - 1) { /* in order, as the look saw them */
        int32_t i = __builtin_ctz(far);
        const hv_asteroid *a = &v->r->asteroids[i];
        const hv_asteroid_state *as = &s->asteroids[i];
        int closing = a->window_close > 0 && week + 2 >= a->window_close;
        if (!as->surveyed && !v->greedy && !closing) {
            if (s->stock[HV_RES_FUEL] >= d->bot_survey_fuel) {
                if (port_runs(s, &port))
                    hv_bot_order(s, HV_ORDER_SURVEY, i, 0, 0);
                return;
            }
            continue;
        }
        if (!hv_asteroid_window_open(s, i, week) || s->stock[HV_RES_FUEL] < d->bot_capture_fuel[i])
            continue;
        if (!port_runs(s, &port))
            return;
        hv_order o;
        int32_t odds = hv_bot_capture_crew(s, i, &o);
        if (odds >= 0 && (v->greedy || odds >= 600 || (closing && odds >= 400))) {
            o.value = destination(v, i);
            hv_state_queue_order(s, &o);
            return;
        }
    }
}

/* Most to ship in one week when sales push the price down: about what the
 * market's weekly recovery makes good again. Near the end, everything. */
static int64_t sale_cap(const hv_bot_view *v)
{
    const hv_market *m = &v->r->market;
    if (m->elasticity <= 0 || v->weeks_left <= m->ship_weeks + 2)
        return 1000000;
    int64_t cap = (m->recovery > 0 ? m->recovery * 100 : 500) / m->elasticity;
    return cap < 10 ? 10 : cap;
}

static void sell(hv_bot_view *v)
{
    int64_t spare = v->s->stock[HV_RES_IRIDIUM] - (v->greedy ? 0 : v->keep[HV_RES_IRIDIUM]);
    int64_t cap = sale_cap(v);
    /* A price well below the market's own waits for the recovery, unless time runs out. */
    if (cap < 1000000 && !v->greedy && v->s->price_fine < v->r->market.price * 90)
        return;
    if (spare > cap)
        spare = cap;
    if (spare >= 10 || (v->greedy && spare > 0))
        hv_bot_order(v->s, HV_ORDER_EXPORT, 0, 0, (int32_t)(spare > 1000000 ? 1000000 : spare));
}

void hv_bot_balanced(hv_bot_view *v)
{
    staff(v, !v->greedy);
    prioritise(v);
    expand(v);
    hv_bot_govern(v);
    launch(v);
    redirect(v);
    sell(v);
}
