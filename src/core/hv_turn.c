#include "hv_turn.h"

#include <assert.h>
#include <string.h>

static void emit(hv_report *report, const hv_state *s, hv_event_kind kind, hv_cause cause,
                 int32_t subject, int32_t resource, int64_t amount, int64_t value)
{
    if (!report)
        return;
    hv_event e = {s->turn, kind, cause, subject, resource, amount, value};
    hv_report_add(report, &e);
}

/* Changes a stock and reports the change with its cause. */
static void change_stock(hv_state *s, hv_report *report, int resource, int64_t amount,
                         hv_cause cause, int32_t subject)
{
    if (amount == 0)
        return;
    s->stock[resource] += amount;
    emit(report, s, HV_EV_RESOURCE, cause, subject, resource, amount, s->stock[resource]);
}

int32_t hv_module_staffing_pm(const hv_state *s, const hv_module *m)
{
    int32_t slots = s->rules->module_types[m->type].crew_slots;
    if (slots <= 0)
        return 1000;
    return m->crew * 1000 / slots;
}

/* ---- 1. orders --------------------------------------------------------- */

static hv_reject order_build(hv_state *s, hv_report *report, const hv_order *o)
{
    const hv_rules *rules = s->rules;
    if (o->module_type < 0 || o->module_type >= rules->module_type_count)
        return HV_REJECT_BAD_TYPE;
    if (o->x < 0 || o->y < 0 || o->x >= rules->map_width || o->y >= rules->map_height)
        return HV_REJECT_OUT_OF_MAP;
    if (hv_state_module_at(s, o->x, o->y))
        return HV_REJECT_OCCUPIED;
    const hv_module_type *mt = &rules->module_types[o->module_type];
    if (!(mt->terrain_mask & (1u << hv_rules_terrain_at(rules, o->x, o->y))))
        return HV_REJECT_TERRAIN;
    if (s->module_count >= HV_MAX_MODULES)
        return HV_REJECT_TOO_MANY_MODULES;
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (mt->cost[r] > 0 && s->stock[r] < mt->cost[r])
            return HV_REJECT_CANNOT_AFFORD;
    int32_t id = hv_state_add_module(s, o->module_type, o->x, o->y, 0);
    for (int r = 0; r < HV_RES_COUNT; r++)
        change_stock(s, report, r, -mt->cost[r], HV_CAUSE_CONSTRUCTION, id);
    return HV_REJECT_NONE;
}

static void unassign(hv_state *s, hv_person *p)
{
    hv_module *m = p->module ? hv_state_module(s, p->module) : NULL;
    if (m)
        m->crew--;
    p->module = 0;
}

static hv_reject order_demolish(hv_state *s, hv_report *report, const hv_order *o)
{
    hv_module *m = hv_state_module(s, o->module);
    if (!m)
        return HV_REJECT_NO_MODULE;
    for (int32_t i = 0; i < s->person_count; i++)
        if (s->people[i].module == m->id)
            unassign(s, &s->people[i]);
    /* Half the materials come back: salvage is worth having, not free. */
    int64_t salvage = s->rules->module_types[m->type].cost[HV_RES_MATERIALS] / 2;
    change_stock(s, report, HV_RES_MATERIALS, salvage, HV_CAUSE_CONSTRUCTION, m->id);
    int32_t index = (int32_t)(m - s->modules);
    memmove(m, m + 1, (size_t)(s->module_count - index - 1) * sizeof *m);
    s->module_count--;
    return HV_REJECT_NONE;
}

static hv_reject order_assign(hv_state *s, const hv_order *o)
{
    hv_person *p = hv_state_person(s, o->person);
    if (!p)
        return HV_REJECT_NO_PERSON;
    hv_module *m = hv_state_module(s, o->module);
    if (!m)
        return HV_REJECT_NO_MODULE;
    if (p->module == m->id)
        return HV_REJECT_NONE;
    if (m->crew >= s->rules->module_types[m->type].crew_slots)
        return HV_REJECT_NO_SLOT;
    unassign(s, p);
    p->module = m->id;
    m->crew++;
    return HV_REJECT_NONE;
}

static hv_reject apply_order(hv_state *s, hv_report *report, const hv_order *o)
{
    switch (o->kind) {
    case HV_ORDER_BUILD:
        return order_build(s, report, o);
    case HV_ORDER_DEMOLISH:
        return order_demolish(s, report, o);
    case HV_ORDER_ASSIGN:
        return order_assign(s, o);
    case HV_ORDER_UNASSIGN: {
        hv_person *p = hv_state_person(s, o->person);
        if (!p)
            return HV_REJECT_NO_PERSON;
        if (!p->module)
            return HV_REJECT_NOT_ASSIGNED;
        unassign(s, p);
        return HV_REJECT_NONE;
    }
    case HV_ORDER_PRIORITY: {
        hv_module *m = hv_state_module(s, o->module);
        if (!m)
            return HV_REJECT_NO_MODULE;
        if (o->value < 1 || o->value > 9)
            return HV_REJECT_BAD_VALUE;
        m->priority = o->value;
        return HV_REJECT_NONE;
    }
    default:
        return HV_REJECT_BAD_VALUE;
    }
}

void hv_phase_orders(hv_state *s, hv_report *report)
{
    for (int32_t i = 0; i < s->order_count; i++) {
        hv_reject why = apply_order(s, report, &s->orders[i]);
        emit(report, s, why == HV_REJECT_NONE ? HV_EV_ORDER_DONE : HV_EV_ORDER_REJECTED,
             HV_CAUSE_ORDER, i, -1, s->orders[i].kind, why);
    }
    s->order_count = 0;
}

/* ---- 2. power ---------------------------------------------------------- */

/* Module indices sorted by power priority (1 first), then id: the order in
 * which modules get power and inputs, and the reverse of shedding. */
static int32_t sort_by_priority(const hv_state *s, int32_t *order)
{
    int32_t n = 0;
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        int32_t j = n++;
        while (j > 0 && s->modules[order[j - 1]].priority > m->priority) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    return n;
}

static int wants_power(const hv_state *s, const hv_module *m)
{
    return m->status == HV_MODULE_ACTIVE && s->rules->module_types[m->type].power < 0 &&
           hv_module_staffing_pm(s, m) > 0;
}

void hv_phase_power(hv_state *s, hv_report *report)
{
    const hv_rules *rules = s->rules;
    int64_t supply = 0, demand = 0;
    for (int32_t i = 0; i < s->module_count; i++) {
        hv_module *m = &s->modules[i];
        const hv_module_type *mt = &rules->module_types[m->type];
        m->powered = 0;
        m->output_pm = 0;
        if (m->status != HV_MODULE_ACTIVE)
            continue;
        if (mt->power >= 0) {
            m->powered = 1;
            int64_t pm = hv_module_staffing_pm(s, m);
            int64_t out = (int64_t)mt->power * pm / 1000;
            if (mt->solar)
                out = out * (100 - s->dust) / 100;
            supply += out;
            if (mt->power > 0)
                m->output_pm = (int32_t)pm;
        } else if (wants_power(s, m)) {
            m->powered = 1;
            demand += -(int64_t)mt->power * hv_module_staffing_pm(s, m) / 1000;
        }
    }
    s->power_supply = (int32_t)supply;
    s->power_demand = (int32_t)demand;
    emit(report, s, HV_EV_POWER, HV_CAUSE_POWER, -1, -1, supply, demand);
    if (demand <= supply)
        return;
    int32_t order[HV_MAX_MODULES];
    int32_t n = sort_by_priority(s, order);
    for (int32_t k = n - 1; k >= 0 && demand > supply; k--) {
        hv_module *m = &s->modules[order[k]];
        if (!wants_power(s, m))
            continue;
        m->powered = 0;
        demand -= -(int64_t)rules->module_types[m->type].power * hv_module_staffing_pm(s, m) / 1000;
        emit(report, s, HV_EV_MODULE_UNPOWERED, HV_CAUSE_POWER, m->id, -1, 0, m->priority);
    }
}

/* ---- 3. production ----------------------------------------------------- */

static int has_recipe(const hv_module_type *mt)
{
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (mt->input[r] || mt->output[r])
            return 1;
    return 0;
}

void hv_phase_production(hv_state *s, hv_report *report)
{
    int32_t order[HV_MAX_MODULES];
    int32_t n = sort_by_priority(s, order);
    for (int32_t k = 0; k < n; k++) {
        hv_module *m = &s->modules[order[k]];
        const hv_module_type *mt = &s->rules->module_types[m->type];
        if (m->status != HV_MODULE_ACTIVE || !m->powered || !has_recipe(mt))
            continue;
        int64_t pm = hv_module_staffing_pm(s, m);
        int64_t ratio = 1000; /* share of the staffed rate the inputs allow */
        for (int r = 0; r < HV_RES_COUNT && pm > 0; r++) {
            int64_t need = mt->input[r] * pm / 1000;
            if (need > 0 && s->stock[r] < need) {
                /* A stock in debt (funds) allows nothing, never a negative rate. */
                int64_t can = s->stock[r] > 0 ? s->stock[r] * 1000 / need : 0;
                if (can < ratio)
                    ratio = can;
            }
        }
        int64_t effective = pm * ratio / 1000;
        m->output_pm = (int32_t)effective;
        if (ratio < 1000 && pm > 0)
            emit(report, s, HV_EV_MODULE_STARVED, HV_CAUSE_PRODUCTION, m->id, -1, 0, ratio);
        if (effective == 0)
            continue;
        for (int r = 0; r < HV_RES_COUNT; r++)
            change_stock(s, report, r, -(mt->input[r] * effective / 1000), HV_CAUSE_PRODUCTION,
                         m->id);
        for (int r = 0; r < HV_RES_COUNT; r++)
            change_stock(s, report, r, mt->output[r] * effective / 1000, HV_CAUSE_PRODUCTION,
                         m->id);
    }
}

/* ---- 4. life support --------------------------------------------------- */

static void remove_dead(hv_state *s, hv_report *report, hv_cause cause, int32_t resource)
{
    int32_t kept = 0;
    for (int32_t i = 0; i < s->person_count; i++) {
        hv_person *p = &s->people[i];
        if (p->health > 0) {
            s->people[kept++] = *p;
            continue;
        }
        unassign(s, p);
        s->deaths++;
        emit(report, s, HV_EV_DEATH, cause, p->id, resource, 0, 0);
    }
    s->person_count = kept;
}

void hv_phase_life_support(hv_state *s, hv_report *report)
{
    const hv_life_support *life = &s->rules->life;
    int64_t people = s->person_count;
    int32_t damage = 0;
    int32_t worst = -1, worst_damage = 0;
    s->shortage_mask = 0;
    if (people == 0)
        return;
    for (int r = 0; r < HV_RES_COUNT; r++) {
        int64_t total = life->need[r] * people;
        if (total <= 0)
            continue;
        int64_t have = s->stock[r] > 0 ? s->stock[r] : 0;
        int64_t used = have < total ? have : total;
        change_stock(s, report, r, -used, HV_CAUSE_LIFE_SUPPORT, -1);
        if (used == total)
            continue;
        int64_t short_pm = (total - used) * 1000 / total;
        /* Round up: any real lack hurts a little. */
        int32_t hurt = (int32_t)((life->damage[r] * short_pm + 999) / 1000);
        s->shortage_mask |= 1 << r;
        damage += hurt;
        emit(report, s, HV_EV_HEALTH, HV_CAUSE_SHORTAGE, -1, r, -hurt, people);
        if (hurt > worst_damage) {
            worst_damage = hurt;
            worst = r;
        }
    }
    int64_t beds = 0;
    for (int32_t i = 0; i < s->module_count; i++)
        if (s->modules[i].powered)
            beds += s->rules->module_types[s->modules[i].type].housing;
    /* The newest arrivals are the ones left without a powered bed. */
    int64_t exposed = people > beds ? people - beds : 0;
    if (exposed > 0 && life->exposure_damage > 0)
        emit(report, s, HV_EV_HEALTH, HV_CAUSE_EXPOSURE, -1, -1, -life->exposure_damage, exposed);
    int64_t recovered = 0;
    for (int32_t i = 0; i < s->person_count; i++) {
        hv_person *p = &s->people[i];
        int32_t loss = damage + (i >= people - exposed ? life->exposure_damage : 0);
        if (loss > 0) {
            p->health -= loss;
        } else if (p->health < 100 && life->recovery > 0) {
            p->health = p->health + life->recovery > 100 ? 100 : p->health + life->recovery;
            recovered++;
        }
        if (s->shortage_mask)
            p->morale = p->morale > life->shortage_morale ? p->morale - life->shortage_morale : 0;
    }
    if (recovered > 0)
        emit(report, s, HV_EV_HEALTH, HV_CAUSE_RECOVERY, -1, -1, life->recovery, recovered);
    remove_dead(s, report, worst >= 0 ? HV_CAUSE_SHORTAGE : HV_CAUSE_EXPOSURE, worst);
}

/* ---- 5. construction --------------------------------------------------- */

void hv_phase_construction(hv_state *s, hv_report *report)
{
    for (int32_t i = 0; i < s->module_count; i++) {
        hv_module *m = &s->modules[i];
        if (m->status != HV_MODULE_BUILDING)
            continue;
        if (--m->build_left == 0) {
            m->status = HV_MODULE_ACTIVE;
            emit(report, s, HV_EV_MODULE_BUILT, HV_CAUSE_CONSTRUCTION, m->id, -1, 0, m->type);
        }
    }
}

/* ---- 7. economy -------------------------------------------------------- */

static int ship_arrives(const hv_supply_ship *ship, int32_t week)
{
    if (week < ship->first_turn)
        return 0;
    if (ship->every <= 0)
        return week == ship->first_turn;
    return (week - ship->first_turn) % ship->every == 0;
}

void hv_phase_economy(hv_state *s, hv_report *report)
{
    const hv_rules *rules = s->rules;
    for (int32_t i = 0; i < rules->sponsor_count; i++)
        change_stock(s, report, HV_RES_FUNDS, rules->sponsors[i].funding, HV_CAUSE_FUNDING, i);
    int64_t upkeep = 0;
    for (int32_t i = 0; i < s->module_count; i++)
        upkeep += rules->module_types[s->modules[i].type].upkeep;
    change_stock(s, report, HV_RES_FUNDS, -upkeep, HV_CAUSE_UPKEEP, -1);
    int64_t pay = 0;
    for (int32_t i = 0; i < s->person_count; i++)
        pay += rules->roles[s->people[i].role].pay;
    change_stock(s, report, HV_RES_FUNDS, -pay, HV_CAUSE_PAY, -1);
    for (int32_t i = 0; i < rules->supply_count; i++) {
        if (!ship_arrives(&rules->supply[i], s->turn))
            continue;
        for (int r = 0; r < HV_RES_COUNT; r++)
            change_stock(s, report, r, rules->supply[i].cargo[r], HV_CAUSE_SUPPLY, i);
    }
    s->broke_turns = s->stock[HV_RES_FUNDS] < 0 ? s->broke_turns + 1 : 0;
}

/* ---- 9. weather -------------------------------------------------------- */

void hv_phase_weather(hv_state *s, hv_report *report)
{
    const hv_weather *w = &s->rules->weather;
    /* Always draw, even in a still band, so every level uses the RNG alike. */
    int32_t swing = hv_rng_range(&s->rng, -w->dust_swing, w->dust_swing);
    int32_t dust = s->dust + swing;
    if (dust < w->dust_min)
        dust = w->dust_min;
    if (dust > w->dust_max)
        dust = w->dust_max;
    if (dust != s->dust)
        emit(report, s, HV_EV_DUST, HV_CAUSE_WEATHER, -1, -1, dust - s->dust, dust);
    s->dust = dust;
}

/* ---- 10. goals --------------------------------------------------------- */

static int64_t operating_count(const hv_state *s, int32_t type)
{
    int64_t n = 0;
    for (int32_t i = 0; i < s->module_count; i++)
        n += s->modules[i].type == type && s->modules[i].status == HV_MODULE_ACTIVE;
    return n;
}

static int goal_holds(const hv_state *s, const hv_goal *g)
{
    switch (g->kind) {
    case HV_GOAL_RESOURCE_AT_LEAST:
        return s->stock[g->resource] >= g->amount;
    case HV_GOAL_RESOURCE_DEPLETED:
        return s->stock[g->resource] <= 0;
    case HV_GOAL_TURN_REACHED:
        return s->turn >= g->turn;
    case HV_GOAL_MODULES_AT_LEAST:
        return operating_count(s, g->module_type) >= g->amount;
    case HV_GOAL_POPULATION_AT_LEAST:
        return s->person_count >= g->amount;
    case HV_GOAL_POPULATION_BELOW:
        return s->person_count < g->amount;
    case HV_GOAL_BANKRUPT:
        return s->broke_turns >= g->turn;
    default:
        return 0;
    }
}

static void end_game(hv_state *s, hv_report *report, hv_outcome outcome, int32_t goal)
{
    s->outcome = outcome;
    s->outcome_goal = goal;
    emit(report, s, HV_EV_OUTCOME, HV_CAUSE_GOAL, goal, -1, 0, outcome);
}

void hv_phase_goals(hv_state *s, hv_report *report)
{
    const hv_rules *rules = s->rules;
    if (s->person_count == 0) {
        end_game(s, report, HV_OUTCOME_LOST, HV_CAUSE_ALL_DEAD);
        return;
    }
    /* Disasters first; a deadline only bites if the goals are still unmet. */
    for (int32_t i = 0; i < rules->lose_count; i++) {
        if (rules->lose[i].kind != HV_GOAL_TURN_REACHED && goal_holds(s, &rules->lose[i])) {
            end_game(s, report, HV_OUTCOME_LOST, i);
            return;
        }
    }
    int all = rules->win_count > 0;
    for (int32_t i = 0; i < rules->win_count && all; i++)
        all = goal_holds(s, &rules->win[i]);
    if (all) {
        end_game(s, report, HV_OUTCOME_WON, 0);
        return;
    }
    for (int32_t i = 0; i < rules->lose_count; i++) {
        if (rules->lose[i].kind == HV_GOAL_TURN_REACHED && goal_holds(s, &rules->lose[i])) {
            end_game(s, report, HV_OUTCOME_LOST, i);
            return;
        }
    }
}

/* ---- the turn ---------------------------------------------------------- */

int hv_end_turn(hv_state *s, hv_report *report)
{
    if (s->outcome != HV_OUTCOME_RUNNING)
        return -1;
    s->turn++;
    hv_phase_orders(s, report);
    hv_phase_power(s, report);
    hv_phase_production(s, report);
    hv_phase_life_support(s, report);
    hv_phase_construction(s, report);
    hv_phase_economy(s, report);
    hv_phase_weather(s, report);
    hv_phase_goals(s, report);
#ifdef HV_CHECK_INVARIANTS
    {
        char why[160];
        int broken = hv_state_check(s, why, sizeof why);
        assert(broken == 0 && "hv_state invariant broken after a turn");
        (void)broken;
    }
#endif
    return 0;
}
