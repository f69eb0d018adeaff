#include "hv_bot.h"

#include <stddef.h>
#include <string.h>

#include "hv_turn.h"

int hv_bot_find(const char *name)
{
    for (int k = 0; k < HV_BOT_COUNT; k++)
        if (strcmp(hv_bot_name((hv_bot_kind)k), name) == 0)
            return k;
    return -1;
}

const char *hv_bot_name(hv_bot_kind kind)
{
    static const char *const names[HV_BOT_COUNT] = {"idle", "greedy", "balanced"};
    return (kind >= 0 && kind < HV_BOT_COUNT) ? names[kind] : "?";
}

/* What a bot sees of the base this week, and what it has already decided. */
typedef struct view {
    hv_state *s;
    const hv_rules *r;
    int greedy;
    int64_t net[HV_RES_COUNT];  /* expected change per week */
    int64_t need[HV_RES_COUNT]; /* eaten, drunk, breathed per week */
    int64_t keep[HV_RES_COUNT]; /* what the win goals want held */
    int32_t free_count;
    int64_t costs; /* pay and upkeep per week */
    int32_t tension, class_tension;
    /* Filled by look() and staff() before they are read, so not cleared. */
    int32_t value[HV_MAX_MODULES];
    int32_t slots[HV_MAX_MODULES]; /* free crew slots left */
    int32_t free_people[HV_MAX_PEOPLE];
} view;

static void order(hv_state *s, hv_order_kind kind, int32_t a, int32_t b, int32_t value)
{
    hv_order o;
    memset(&o, 0, sizeof o);
    o.kind = kind;
    o.value = value;
    switch (kind) {
    case HV_ORDER_ASSIGN:
        o.person = a;
        o.module = b;
        break;
    case HV_ORDER_POLICY:
    case HV_ORDER_SURVEY:
        o.target = a;
        break;
    case HV_ORDER_BUILD:
        o.module_type = value;
        o.x = a;
        o.y = b;
        break;
    default:
        break;
    }
    hv_state_queue_order(s, &o);
}

/* ---- answering events -------------------------------------------------- */

static int64_t flag_worth(const hv_rules *r, uint32_t flags)
{
    int64_t worth = 0;
    for (int32_t i = 0; i < r->win_count; i++)
        if (r->win[i].kind == HV_GOAL_FLAG_SET && (flags >> r->win[i].flag & 1u))
            worth += 100000;
    for (int32_t i = 0; i < r->lose_count; i++)
        if (r->lose[i].kind == HV_GOAL_FLAG_SET && (flags >> r->lose[i].flag & 1u))
            worth -= 100000;
    return worth;
}

static int64_t choice_score(const view *v, const hv_effect *e)
{
    int64_t funds = e->resources[HV_RES_FUNDS];
    if (v->greedy)
        return funds + 10 * e->satisfaction + 20 * e->price_pct;
    int64_t score = funds / 5 + 6 * e->satisfaction + 3 * e->health;
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (r != HV_RES_FUNDS)
            score += e->resources[r] / 10;
    /* Tension hurts more the closer it already is to riot. */
    score -= (int64_t)e->tension * (4 + v->tension / 8);
    score -= (int64_t)e->class_tension * (4 + v->class_tension / 8);
    score += 2 * (e->morale_staff + e->morale_workers);
    return score + flag_worth(v->r, e->set_flags) - flag_worth(v->r, e->clear_flags);
}

static void answer(const view *v, hv_bot_kind kind)
{
    if (hv_state_queued_answer(v->s) >= 0)
        return; /* the player's orders already answer it */
    const hv_event_def *ev = &v->r->events[v->s->pending];
    int32_t best = 0;
    if (kind != HV_BOT_IDLE) {
        int64_t best_score = choice_score(v, &ev->choices[0].effect);
        for (int32_t c = 1; c < ev->choice_count; c++) {
            int64_t sc = choice_score(v, &ev->choices[c].effect);
            if (sc > best_score) {
                best_score = sc;
                best = c;
            }
        }
    }
    order(v->s, HV_ORDER_ANSWER, 0, 0, best);
}

/* ---- seeing the base --------------------------------------------------- */

static void look(view *v)
{
    hv_state *s = v->s;
    const hv_rules *r = v->r;
    hv_effect policy;
    memset(&policy, 0, sizeof policy);
    for (int32_t i = 0; i < r->policy_count; i++)
        policy.ration_pct += r->policies[i].options[s->policy[i]].effect.ration_pct;
    for (int res = 0; res < HV_RES_COUNT; res++)
        v->need[res] = r->life.need[res] * s->person_count;
    v->need[HV_RES_FOOD] = v->need[HV_RES_FOOD] * (100 + policy.ration_pct) / 100;
    for (int res = 0; res < HV_RES_COUNT; res++)
        v->net[res] = -v->need[res];
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        const hv_module_type *mt = &r->module_types[m->type];
        v->costs += mt->upkeep;
        v->slots[i] =
            m->status == HV_MODULE_ACTIVE || m->build_left <= 1 ? mt->crew_slots - m->crew : 0;
        if (m->status != HV_MODULE_ACTIVE || m->broken || (mt->crew_slots && !m->crew))
            continue;
        int64_t share = mt->crew_slots ? m->crew * 1000 / mt->crew_slots : 1000;
        for (int res = 0; res < HV_RES_COUNT; res++) {
            int64_t made = mt->output[res] - mt->input[res];
            if (made)
                v->net[res] += made * share / 1000;
        }
    }
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        v->costs += r->roles[p->role].pay;
        if (!p->module && !p->away)
            v->free_people[v->free_count++] = i;
    }
    for (int32_t i = 0; i < r->win_count; i++)
        if (r->win[i].kind == HV_GOAL_RESOURCE_AT_LEAST &&
            r->win[i].amount > v->keep[r->win[i].resource])
            v->keep[r->win[i].resource] = r->win[i].amount;
    v->tension = hv_state_nation_tension(s);
    v->class_tension = s->class_tension;
}

/* How badly the base needs more of a life-support resource. */
static int32_t urgency(const view *v, int res)
{
    if (v->need[res] <= 0)
        return 0;
    int64_t weeks = v->s->stock[res] / v->need[res];
    if (v->net[res] < 0)
        return weeks < 6 ? 3000 : 1500;
    if (v->s->stock[res] < v->keep[res])
        return 900;
    return weeks < 4 ? 800 : weeks < 10 ? 200 : 30;
}

static int32_t type_value(const view *v, const hv_module_type *mt)
{
    const hv_state *s = v->s;
    int32_t value = 0;
    if (mt->power > 0)
        value += s->power_demand > s->power_supply ? 2500 : 700;
    static const int life[] = {HV_RES_OXYGEN, HV_RES_WATER, HV_RES_FOOD};
    for (int k = 0; k < 3; k++) {
        int res = life[k];
        int32_t u = v->greedy ? (urgency(v, res) >= 3000 ? 3000 : 40) : urgency(v, res);
        if (mt->output[res] > 0)
            value += u;
        if (mt->input[res] > 0)
            value -= u / 3;
    }
    if (mt->output[HV_RES_IRIDIUM] > 0 && s->stock[HV_RES_ORE] >= mt->input[HV_RES_ORE])
        value += v->greedy ? 3000 : 450;
    if (mt->output[HV_RES_FUEL] > 0)
        value += s->stock[HV_RES_FUEL] < 150 ? (v->greedy ? 2000 : 260) : 15;
    if (mt->output[HV_RES_MATERIALS] > 0)
        value += s->stock[HV_RES_MATERIALS] < 150 ? 160 : 15;
    if (mt->spaceport > 0)
        value += v->greedy ? 2000 : 300;
    if (mt->medical > 0)
        value += 120;
    if (mt->security > 0)
        value += v->tension > s->rules->society.incident_at - 10 ||
                         v->class_tension > s->rules->society.incident_at - 10
                     ? 700
                     : 10;
    return value;
}

/* ---- staffing ---------------------------------------------------------- */

static int32_t best_module(const view *v)
{
    int32_t best = -1;
    for (int32_t i = 0; i < v->s->module_count; i++)
        if (v->slots[i] > 0 && v->value[i] > 0 && (best < 0 || v->value[i] > v->value[best]))
            best = i;
    return best;
}

static void staff(view *v, int rebalance)
{
    hv_state *s = v->s;
    int32_t by_type[HV_MAX_MODULE_TYPES];
    for (int32_t t = 0; t < v->r->module_type_count; t++)
        by_type[t] = type_value(v, &v->r->module_types[t]);
    for (int32_t i = 0; i < s->module_count; i++)
        v->value[i] = by_type[s->modules[i].type];
    for (int32_t k = 0; k < v->free_count; k++) {
        int32_t m = best_module(v);
        if (m < 0)
            break;
        order(s, HV_ORDER_ASSIGN, s->people[v->free_people[k]].id, s->modules[m].id, 0);
        v->slots[m]--;
    }
    for (int moves = 0; rebalance && moves < 2; moves++) {
        int32_t want = best_module(v);
        if (want < 0 || v->value[want] < 1500)
            return;
        /* Take someone from the least useful post. */
        int32_t from = -1;
        for (int32_t i = 0; i < s->module_count; i++)
            if (s->modules[i].crew > 0 && v->value[i] < 300 &&
                (from < 0 || v->value[i] < v->value[from]))
                from = i;
        if (from < 0)
            return;
        for (int32_t i = 0; i < s->person_count; i++) {
            if (s->people[i].module == s->modules[from].id) {
                order(s, HV_ORDER_ASSIGN, s->people[i].id, s->modules[want].id, 0);
                v->slots[want]--;
                v->value[from] = 100000; /* do not take from it twice */
                break;
            }
        }
    }
}

/* ---- building ---------------------------------------------------------- */

static int affordable(const view *v, const hv_module_type *mt, int64_t reserve)
{
    for (int res = 0; res < HV_RES_COUNT; res++)
        if (mt->cost[res] > 0 && v->s->stock[res] < mt->cost[res] + (res == HV_RES_FUNDS) * reserve)
            return 0;
    return 1;
}

static int build(view *v, int32_t type)
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
                order(v->s, HV_ORDER_BUILD, x, y, type);
                return 1;
            }
    return 0;
}

/* The cheapest type that makes RES (or, with RES -1, power or beds). */
static int32_t type_for(const view *v, int res, int power, int beds)
{
    int32_t best = -1;
    for (int32_t t = 0; t < v->r->module_type_count; t++) {
        const hv_module_type *mt = &v->r->module_types[t];
        int fits = res >= 0 ? mt->output[res] > 0 && mt->input[res] == 0
                   : power  ? mt->power > 0 && mt->crew_slots == 0
                   : beds   ? mt->housing > 0
                            : 0;
        if (fits &&
            (best < 0 || mt->cost[HV_RES_FUNDS] < v->r->module_types[best].cost[HV_RES_FUNDS]))
            best = t;
    }
    return best;
}

static int64_t beds(const hv_state *s)
{
    int64_t n = 0;
    for (int32_t i = 0; i < s->module_count; i++)
        n += s->rules->module_types[s->modules[i].type].housing;
    return n;
}

/* Whether a module making RES is going up or has crew slots to fill. */
static int building_for(const view *v, int res)
{
    for (int32_t i = 0; i < v->s->module_count; i++) {
        const hv_module *m = &v->s->modules[i];
        if (v->r->module_types[m->type].output[res] > 0 &&
            (m->status == HV_MODULE_BUILDING || v->slots[i] > 0))
            return 1;
    }
    return 0;
}

static void expand(view *v)
{
    hv_state *s = v->s;
    int32_t t = -1;
    int64_t weeks = 1; /* of pay and upkeep kept back */
    if (s->power_demand > s->power_supply * 9 / 10)
        t = type_for(v, -1, 1, 0);
    if (t < 0 && !v->greedy) {
        /* Staffed by whoever is idle, or moved from a less useful post. */
        static const int life[] = {HV_RES_WATER, HV_RES_OXYGEN, HV_RES_FOOD};
        for (int k = 0; k < 3 && t < 0; k++)
            if (v->net[life[k]] < v->need[life[k]] / 10 && !building_for(v, life[k]))
                t = type_for(v, life[k], 0, 0);
    }
    if (t < 0 && beds(s) < s->person_count) {
        t = type_for(v, -1, 0, 1);
        weeks = 2;
    }
    if (t >= 0 && affordable(v, &v->r->module_types[t], v->costs * weeks))
        build(v, t);
}

/* ---- policies ---------------------------------------------------------- */

static void set_policy(view *v, const char *policy, const char *option)
{
    int32_t p = hv_rules_find_policy(v->r, policy);
    if (p < 0)
        return;
    const hv_policy *pol = &v->r->policies[p];
    for (int32_t o = 0; o < pol->option_count; o++) {
        if (strcmp(pol->options[o].id, option) != 0)
            continue;
        int ready =
            v->s->policy_since[p] == 0 || v->s->turn + 1 - v->s->policy_since[p] >= pol->cooldown;
        if (v->s->policy[p] != o && ready)
            order(v->s, HV_ORDER_POLICY, p, 0, o);
        return;
    }
}

static void govern(view *v)
{
    const hv_state *s = v->s;
    if (v->greedy) {
        set_policy(v, "shifts", "long");
        set_policy(v, "worker_pay", "cut");
        set_policy(v, "security", "none");
        return;
    }
    int32_t at = v->r->society.incident_at;
    int rich = s->stock[HV_RES_FUNDS] > v->costs * 8;
    if (v->tension > 20)
        set_policy(v, "quarters", "shared");
    else if (v->tension < 8)
        set_policy(v, "quarters", "national");
    if (v->tension > 30)
        set_policy(v, "joint_crews", "joint");
    else if (v->tension < 12)
        set_policy(v, "joint_crews", "national");
    if (v->class_tension > 30 && rich)
        set_policy(v, "worker_pay", "bonus");
    else if (v->class_tension < 12 || !rich)
        set_policy(v, "worker_pay", "standard");
    int hot = v->tension > at - 8 || v->class_tension > at - 8;
    if (hot && rich)
        set_policy(v, "security", "patrols");
    else if (!hot)
        set_policy(v, "security", "none");
    int food_low = v->net[HV_RES_FOOD] < 0 && s->stock[HV_RES_FOOD] < v->need[HV_RES_FOOD] * 3;
    set_policy(v, "rations", food_low ? "short" : "normal");
    set_policy(v, "shifts", "standard");
}

/* ---- missions and exports ---------------------------------------------- */

static int32_t pick_crew(const view *v, int pilot, int32_t other)
{
    const hv_state *s = v->s;
    int32_t best = -1;
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        const hv_role *role = &v->r->roles[p->role];
        if (p->away || p->id == other || !(pilot ? role->pilot : role->engineer))
            continue;
        if (best < 0 || p->skill > s->people[best].skill)
            best = i;
    }
    return best;
}

static void launch(view *v)
{
    hv_state *s = v->s;
    if (hv_state_running_bonus(s, offsetof(hv_module_type, spaceport)) <= 0)
        return;
    int32_t week = s->turn + 1;
    for (int32_t i = 0; i < v->r->asteroid_count; i++) {
        const hv_asteroid *a = &v->r->asteroids[i];
        const hv_asteroid_state *as = &s->asteroids[i];
        if (as->stage != HV_STAGE_FAR)
            continue;
        int closing = a->window_close > 0 && week + 2 >= a->window_close;
        if (!as->surveyed && !v->greedy && !closing) {
            if (s->stock[HV_RES_FUEL] >= v->r->missions.survey_fuel) {
                order(s, HV_ORDER_SURVEY, i, 0, 0);
                return;
            }
            continue;
        }
        if (!hv_asteroid_window_open(s, i, week) || s->stock[HV_RES_FUEL] < a->capture_fuel)
            continue;
        int32_t pi = pick_crew(v, 1, 0);
        int32_t ei = pi >= 0 ? pick_crew(v, 0, s->people[pi].id) : -1;
        if (ei < 0)
            continue;
        int32_t odds = hv_capture_odds(s, i, &s->people[pi], &s->people[ei]);
        if (v->greedy || odds >= 600 || (closing && odds >= 400)) {
            hv_order o;
            memset(&o, 0, sizeof o);
            o.kind = HV_ORDER_CAPTURE;
            o.target = i;
            o.person = s->people[pi].id;
            o.person2 = s->people[ei].id;
            hv_state_queue_order(s, &o);
            return;
        }
    }
}

static void sell(view *v)
{
    int64_t spare = v->s->stock[HV_RES_IRIDIUM] - (v->greedy ? 0 : v->keep[HV_RES_IRIDIUM]);
    if (spare >= 10 || (v->greedy && spare > 0))
        order(v->s, HV_ORDER_EXPORT, 0, 0, (int32_t)(spare > 1000000 ? 1000000 : spare));
}

/* ---- the bots ---------------------------------------------------------- */

void hv_bot_plan(hv_bot_kind kind, hv_state *s)
{
    if (s->outcome != HV_OUTCOME_RUNNING && !s->play_on)
        return;
    view storage;
    view *v = &storage;
    memset(v, 0, offsetof(view, value));
    v->s = s;
    v->r = s->rules;
    v->greedy = kind == HV_BOT_GREEDY;
    if (kind != HV_BOT_IDLE)
        look(v);
    if (s->pending >= 0)
        answer(v, kind);
    if (kind == HV_BOT_IDLE)
        return;
    staff(v, !v->greedy);
    expand(v);
    govern(v);
    launch(v);
    sell(v);
}

int32_t hv_bot_play(hv_bot_kind kind, hv_state *s, int32_t max_turns, hv_report *report)
{
    int32_t played = 0;
    while (played < max_turns && s->outcome == HV_OUTCOME_RUNNING) {
        if (report)
            hv_report_clear(report);
        hv_bot_plan(kind, s);
        if (hv_end_turn(s, report) != HV_TURN_DONE)
            break;
        played++;
    }
    return played;
}
