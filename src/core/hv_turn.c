#include "hv_turn.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "hv_phase.h"

void hv_emit_add(hv_report *report, const hv_state *s, hv_event_kind kind, hv_cause cause,
                 int32_t subject, int32_t resource, int64_t amount, int64_t value)
{
    hv_event e = {s->turn, kind, cause, subject, resource, amount, value};
    hv_report_add(report, &e);
}

void hv_flags_change(hv_state *s, hv_report *report, uint32_t set, uint32_t clear, hv_cause cause)
{
    uint32_t before = s->flags;
    s->flags = (s->flags | set) & ~clear;
    if (before == s->flags)
        return; /* most effects touch no flag */
    for (int32_t f = 0; f < 32; f++)
        if (((before ^ s->flags) >> f) & 1u)
            hv_emit(report, s, HV_EV_FLAG, cause, f, -1, 0, (s->flags >> f) & 1u);
}

int32_t hv_module_staffing_pm(const hv_state *s, const hv_module *m)
{
    int32_t slots = s->rules->module_types[m->type].crew_slots;
    if (slots <= 0)
        return 1000;
    return m->crew * 1000 / slots;
}

/* ---- 2. power ---------------------------------------------------------- */

/* Module indices sorted by power priority (1 first), then id: the order in
 * which modules get power and inputs, and the reverse of shedding. */
static int32_t sort_by_priority(const hv_state *s, int32_t *order)
{
    /* A counting sort: priorities are 1..9, and index order is id order. */
    int32_t start[11] = {0};
    for (int32_t i = 0; i < s->module_count; i++)
        start[hv_clamp(s->modules[i].priority, 0, 9) + 1]++;
    for (int p = 1; p < 11; p++)
        start[p] += start[p - 1];
    for (int32_t i = 0; i < s->module_count; i++)
        order[start[hv_clamp(s->modules[i].priority, 0, 9)]++] = i;
    return s->module_count;
}

static int wants_power(const hv_state *s, const hv_module *m)
{
    return hv_module_running(m) && s->rules->module_types[m->type].power < 0 &&
           hv_module_staffing_pm(s, m) > 0;
}

/* What a solar array rated OUT makes this week: the world's sunlight, less
 * what the dust blocks (whole units, rounded down at each step). */
static int64_t in_sunlight(const hv_state *s, int64_t out, int32_t week)
{
    if (!hv_world_daylight(s->rules, week, NULL))
        return 0;
    return out * s->rules->world.sunlight / 100 * (100 - s->dust) / 100;
}

/* Takes what module type MT gives while it runs with power off W's
 * measures: a module shed for want of power. */
static void take_back(hv_week *w, const hv_module_type *mt)
{
    w->beds -= mt->housing;
    w->medical -= mt->medical;
    w->recreation -= mt->recreation;
    w->security -= mt->security;
}

/* Phase 2; W's measures of the running, powered modules are added up as
 * power is handed out, as hv_week_measure would count them after. */
static void power(hv_state *s, hv_report *report, hv_week *w)
{
    const hv_rules *rules = s->rules;
    int64_t supply = 0, demand = 0;
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(rules, &scratch);
    int64_t beds = 0, medical = 0, recreation = 0, security = 0;
    int32_t recipes = 0, idle = 0;
    /* The first state of a game (turn 0) shows the week about to be played. */
    int32_t week = s->turn > 0 ? s->turn : 1;
    /* Sunrise and nightfall of a long day, and where week 1 stands. */
    int32_t next, lit = hv_world_daylight(rules, week, &next);
    if (next && (week == 1 || lit != hv_world_daylight(rules, week - 1, NULL)))
        hv_emit(report, s, HV_EV_DAYLIGHT, HV_CAUSE_WEATHER, -1, -1, next, lit);
    /* Solar arrays alike give alike: the last one's figures, kept. */
    int64_t solar_in = -1, solar_out = 0;
    /* Every module running whole is powered below (it wants power only
     * when crewed, and is): none is dark until one is shed. */
    memset(s->kept.dark, 0, sizeof s->kept.dark);
    hv_module *m = s->modules;
    for (int32_t i = 0, n = s->module_count; i < n; i++, m++) {
        int32_t t = m->type, crew = m->crew;
        uint32_t kind = d->power_kind[t];
        m->powered = 0;
        m->output_pm = 0;
        if (!hv_module_running(m)) {
            w->idle[idle++] = i;
            continue;
        }
        int64_t pm, flow; /* staffing, and the power made or wanted so staffed */
        if ((uint32_t)crew <= HV_MAX_CREW) {
            pm = d->staffing_pm[t][crew];
            flow = d->power_flow[t][crew];
        } else {
            const hv_module_type *mt = &rules->module_types[t];
            pm = mt->crew_slots <= 0 ? 1000 : crew * 1000 / mt->crew_slots;
            flow = hv_power_flow(mt->power, pm);
        }
        if (kind & HV_POWER_WANTS) {
            if (pm <= 0)
                continue; /* wants_power: only a crewed module asks for it */
            demand += flow;
        } else {
            if (kind & HV_POWER_SOLAR) { /* in_sunlight, with the week's daylight looked up once */
                if (flow != solar_in) {
                    solar_in = flow;
                    solar_out =
                        lit ? flow * rules->world.sunlight / 100 * (100 - s->dust) / 100 : 0;
                }
                flow = solar_out;
            }
            supply += flow;
            if (kind & HV_POWER_MAKES)
                m->output_pm = (int32_t)pm;
        }
        m->powered = 1;
        if (kind & HV_POWER_GIVES) {
            const hv_module_type *mt = &rules->module_types[t];
            beds += mt->housing;
            medical += mt->medical;
            recreation += mt->recreation;
            security += mt->security;
        }
        if (kind & HV_POWER_RECIPE)
            w->recipes[recipes++] = i;
    }
    w->beds = beds;
    w->medical = medical;
    w->recreation = recreation;
    w->security = security;
    w->upkeep = s->kept.upkeep; /* every module's, kept by the state */
    w->recipe_count = recipes;
    w->idle_count = idle;
    s->power_supply = (int32_t)supply;
    s->power_demand = (int32_t)demand;
    hv_emit(report, s, HV_EV_POWER, HV_CAUSE_POWER, -1, -1, supply, demand);
    if (demand <= supply)
        return;
    int32_t order[HV_MAX_MODULES];
    int32_t n = sort_by_priority(s, order);
    for (int32_t k = n - 1; k >= 0 && demand > supply; k--) {
        hv_module *m = &s->modules[order[k]];
        if (!wants_power(s, m))
            continue;
        m->powered = 0;
        hv_kept_module(s, m);
        take_back(w, &rules->module_types[m->type]);
        demand -= -(int64_t)rules->module_types[m->type].power * hv_module_staffing_pm(s, m) / 1000;
        hv_emit(report, s, HV_EV_MODULE_UNPOWERED, HV_CAUSE_POWER, m->id, -1, 0, m->priority);
    }
}

void hv_phase_power(hv_state *s, hv_report *report)
{
    hv_week w;
    power(s, report, &w);
}

/* ---- 3. production ----------------------------------------------------- */

int32_t hv_person_output_pm(const hv_person *p)
{
    if (p->strike > 0)
        return 0;
    /* Skill 3 and morale 60 work at the full rate; both scale it either way. */
    return (700 + 100 * p->skill) * (700 + 5 * p->morale) / 1000;
}

/* A person's work as production counts it: their rate and their trait
 * (D: the rules' derived data). */
static int64_t person_work_pm(const hv_rules_derived *d, const hv_person *p)
{
    int64_t pm = hv_person_output_pm(p);
    int32_t pct = d->trait_output_pct[p->trait];
    return pct ? pm * (100 + pct) / 100 : pm; /* most traits leave it as it is */
}

/* What each module's crew puts in, by module index: their work summed,
 * and a bit per nation among them. */
typedef struct crew_sums {
    int64_t work[HV_MAX_MODULES];
    uint32_t nations[HV_MAX_MODULES];
} crew_sums;

static void crew_sum(const hv_state *s, crew_sums *c)
{
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(s->rules, &scratch);
    memset(c->work, 0, (size_t)s->module_count * sizeof c->work[0]);
    memset(c->nations, 0, (size_t)s->module_count * sizeof c->nations[0]);
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (!p->module)
            continue;
        int32_t m = hv_state_module_index(s, p->module);
        c->work[m] += person_work_pm(d, p);
        c->nations[m] |= 1u << p->faction;
    }
}

/* Per-mille of full output a crew gives: sum K of C, in a module with
 * SLOTS crew slots. */
static inline int32_t crew_pm(const hv_state *s, const crew_sums *c, int32_t k, int32_t slots,
                              int32_t output_pct, uint32_t partnered_nations)
{
    /* Partners who staff a module together get more out of it. */
    int partnered = 0;
    for (uint32_t x = c->nations[k] & partnered_nations; x && !partnered; x &= x - 1)
        partnered = (s->partners[__builtin_ctz(x)] & c->nations[k]) != 0;
    int32_t pct = output_pct + (partnered ? s->rules->society.partner_output : 0);
    int64_t pm = slots <= 0 ? 1000
                 : pct      ? c->work[k] / slots * (100 + pct) / 100
                            : c->work[k] / slots;
    return (int32_t)(pm > 1500 ? 1500 : pm);
}

/* A bit per nation partnered with some other. */
static uint32_t partnered_nations(const hv_state *s)
{
    uint32_t bits = 0;
    for (int32_t f = 0; f < s->rules->faction_count; f++)
        bits |= (uint32_t)(s->partners[f] != 0) << f;
    return bits;
}

int32_t hv_module_crew_pm(const hv_state *s, const hv_module *m)
{
    hv_effect policy;
    hv_policy_total(s, &policy);
    crew_sums c;
    crew_sum(s, &c);
    for (int32_t i = 0; i < s->module_count; i++)
        if (s->modules[i].id == m->id)
            return crew_pm(s, &c, i, s->rules->module_types[m->type].crew_slots, policy.output_pct,
                           partnered_nations(s));
    return 0;
}

int32_t hv_person_module_pm(const hv_state *s, const hv_person *p)
{
    const hv_module *m = p->module ? hv_state_module((hv_state *)s, p->module) : NULL;
    if (!m)
        return 0;
    int32_t slots = s->rules->module_types[m->type].crew_slots;
    hv_rules_derived scratch;
    return slots > 0 ? (int32_t)(person_work_pm(hv_rules_derived_of(s->rules, &scratch), p) / slots)
                     : 0;
}

void hv_phase_production(hv_state *s, hv_report *report)
{
    hv_week w;
    hv_week_measure(s, &w);
    hv_week_production(s, report, &w);
}

void hv_week_production(hv_state *s, hv_report *report, const hv_week *w)
{
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(s->rules, &scratch);
    /* The modules that run a recipe this week, in the order they get their
     * inputs: by power priority (1 first), then id (a counting sort). */
    int32_t runs[HV_MAX_MODULES], order[HV_MAX_MODULES], n = 0, start[11] = {0};
    for (int32_t k = 0; k < w->recipe_count; k++) {
        const hv_module *m = &s->modules[w->recipes[k]];
        if (m->powered) { /* not shed */
            runs[n++] = w->recipes[k];
            start[hv_clamp(m->priority, 0, 9) + 1]++;
        }
    }
    if (n == 0)
        return;
    for (int p = 1; p < 11; p++)
        start[p] += start[p - 1];
    /* Only the crews of those modules are summed: at[] is their place in
     * order, plus one, by module id from the first module's. Ids ascend
     * and only a demolition skips one, so they span about as many as there
     * are modules; when they span more, by index. */
    int32_t first = s->modules[0].id, last = s->modules[s->module_count - 1].id;
    uint32_t span = last - first < 2 * HV_MAX_MODULES ? (uint32_t)(last - first + 1) : 0;
    uint16_t at[2 * HV_MAX_MODULES];
    memset(at, 0, (span ? span : (uint32_t)s->module_count) * sizeof at[0]);
    for (int32_t k = 0; k < n; k++) {
        int32_t slot = start[hv_clamp(s->modules[runs[k]].priority, 0, 9)]++;
        order[slot] = runs[k];
        at[span ? s->modules[runs[k]].id - first : runs[k]] = (uint16_t)(slot + 1);
    }
    crew_sums c;
    memset(c.work, 0, (size_t)n * sizeof c.work[0]);
    memset(c.nations, 0, (size_t)n * sizeof c.nations[0]);
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        uint32_t id = (uint32_t)(p->module - first); /* no module: past the span */
        int32_t k = span ? (id < span ? at[id] : 0)
                         : (p->module ? at[hv_state_module_index(s, p->module)] : 0);
        if (k) {
            c.work[k - 1] += person_work_pm(d, p);
            c.nations[k - 1] |= 1u << p->faction;
        }
    }
    uint32_t partnered = partnered_nations(s);
    for (int32_t k = 0; k < n; k++) {
        hv_module *m = &s->modules[order[k]];
        const hv_module_type *mt = &s->rules->module_types[m->type];
        /* Recipes name a few resources each: only those are looked at. */
        uint32_t uses = d->uses[m->type], makes = d->makes[m->type];
        int64_t pm = crew_pm(s, &c, k, mt->crew_slots, w->in_force->output_pct, partnered);
        int64_t ratio = 1000; /* share of the crewed rate the inputs allow */
        for (uint32_t bits = pm > 0 ? uses : 0; bits; bits &= bits - 1) {
            int r = __builtin_ctz(bits);
            int64_t need = mt->input[r] * pm / 1000;
            if (need > 0 && s->stock[r] < need) {
                /* A stock in debt (funds) allows nothing, never a negative rate. */
                int64_t can = s->stock[r] > 0 ? s->stock[r] * 1000 / need : 0;
                if (can < ratio)
                    ratio = can;
            }
        }
        int64_t effective = ratio == 1000 ? pm : pm * ratio / 1000; /* inputs mostly suffice */
        m->output_pm = (int32_t)effective;
        if (ratio < 1000 && pm > 0)
            hv_emit(report, s, HV_EV_MODULE_STARVED, HV_CAUSE_PRODUCTION, m->id, -1, 0, ratio);
        if (effective == 0)
            continue;
        if (!report) { /* hv_change_stock without its tests */
            for (uint32_t bits = uses; bits; bits &= bits - 1) {
                int r = __builtin_ctz(bits);
                s->stock[r] -= mt->input[r] * effective / 1000;
            }
            for (uint32_t bits = makes; bits; bits &= bits - 1) {
                int r = __builtin_ctz(bits);
                s->stock[r] += mt->output[r] * effective / 1000;
            }
            continue;
        }
        for (uint32_t bits = uses; bits; bits &= bits - 1) {
            int r = __builtin_ctz(bits);
            hv_change_stock(s, report, r, -(mt->input[r] * effective / 1000), HV_CAUSE_PRODUCTION,
                            m->id);
        }
        for (uint32_t bits = makes; bits; bits &= bits - 1) {
            int r = __builtin_ctz(bits);
            hv_change_stock(s, report, r, mt->output[r] * effective / 1000, HV_CAUSE_PRODUCTION,
                            m->id);
        }
    }
}

/* ---- 4. life support --------------------------------------------------- */

void hv_remove_dead(hv_state *s, hv_report *report, hv_cause cause, int32_t resource)
{
    /* Most weeks nobody dies: everyone before the first death stays put. */
    int32_t kept = 0;
    while (kept < s->person_count && s->people[kept].health > 0)
        kept++;
    int32_t first = kept;
    for (int32_t i = kept; i < s->person_count; i++) {
        hv_person *p = &s->people[i];
        if (p->health > 0) {
            if (kept != i)
                s->people[kept] = *p;
            kept++;
            continue;
        }
        hv_unassign(s, p);
        hv_kept_person(s, p, -1);
        s->deaths++;
        hv_emit(report, s, HV_EV_DEATH, cause, p->id, resource, 0, 0);
    }
    if (kept < s->person_count) { /* some died: those after them moved up */
        s->person_count = kept;
        hv_kept_free_from(s, first);
    }
}

void hv_week_measure(const hv_state *s, hv_week *w)
{
    hv_policy_total(s, &w->policy);
    w->in_force = &w->policy;
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(s->rules, &scratch);
    w->beds = w->medical = w->recreation = w->security = w->upkeep = 0;
    w->recipe_count = w->idle_count = 0;
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        const hv_module_type *mt = &s->rules->module_types[m->type];
        w->upkeep += mt->upkeep;
        if (!hv_module_running(m))
            w->idle[w->idle_count++] = i;
        if (!hv_module_running(m) || !m->powered)
            continue;
        if (d->uses[m->type] | d->makes[m->type])
            w->recipes[w->recipe_count++] = i;
        w->beds += mt->housing;
        w->medical += mt->medical;
        w->recreation += mt->recreation;
        w->security += mt->security;
    }
}

int64_t hv_state_running_bonus(const hv_state *s, size_t offset)
{
    int64_t sum = 0;
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        if (hv_module_running(m) && m->powered)
            sum += *(const int32_t *)(const void *)((const char *)&s->rules->module_types[m->type] +
                                                    offset);
    }
    return sum;
}

void hv_phase_life_support(hv_state *s, hv_report *report)
{
    hv_week w;
    hv_week_measure(s, &w);
    hv_week_life_support(s, report, &w);
}

void hv_week_life_support(hv_state *s, hv_report *report, const hv_week *w)
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
        if (r == HV_RES_FOOD)
            total = total * (100 + w->in_force->ration_pct) / 100;
        if (total <= 0)
            continue;
        int64_t have = s->stock[r] > 0 ? s->stock[r] : 0;
        int64_t used = have < total ? have : total;
        hv_change_stock(s, report, r, -used, HV_CAUSE_LIFE_SUPPORT, -1);
        if (used == total)
            continue;
        int64_t short_pm = (total - used) * 1000 / total;
        /* Round up: any real lack hurts a little. */
        int32_t hurt = (int32_t)((life->damage[r] * short_pm + 999) / 1000);
        s->shortage_mask |= 1 << r;
        damage += hurt;
        hv_emit(report, s, HV_EV_HEALTH, HV_CAUSE_SHORTAGE, -1, r, -hurt, people);
        if (hurt > worst_damage) {
            worst_damage = hurt;
            worst = r;
        }
    }
    /* The newest arrivals are the ones left without a powered bed. */
    int64_t exposed = people > w->beds ? people - w->beds : 0;
    if (exposed > 0 && life->exposure_damage > 0)
        hv_emit(report, s, HV_EV_HEALTH, HV_CAUSE_EXPOSURE, -1, -1, -life->exposure_damage,
                exposed);
    int32_t recovery = life->recovery + (int32_t)w->medical;
    int64_t recovered = 0;
    int hurt = 0; /* nobody can die of a week that hurt nobody */
    /* The usual week: nobody short of anything, and those with a bed heal. */
    int32_t healed =
        damage <= 0 && recovery > 0 && !s->shortage_mask ? (int32_t)(people - exposed) : 0;
    for (int32_t i = 0; i < healed; i++) {
        hv_person *p = &s->people[i];
        if (p->health < 100) {
            p->health = p->health + recovery > 100 ? 100 : p->health + recovery;
            recovered++;
        }
    }
    for (int32_t i = healed; i < s->person_count; i++) {
        hv_person *p = &s->people[i];
        int32_t loss = damage + (i >= people - exposed ? life->exposure_damage : 0);
        if (loss > 0) {
            p->health -= loss;
            hurt = 1;
        } else if (p->health < 100 && recovery > 0) {
            p->health = p->health + recovery > 100 ? 100 : p->health + recovery;
            recovered++;
        }
        if (s->shortage_mask)
            p->morale = p->morale > life->shortage_morale ? p->morale - life->shortage_morale : 0;
    }
    if (recovered > 0)
        hv_emit(report, s, HV_EV_HEALTH, HV_CAUSE_RECOVERY, -1, -1, recovery, recovered);
    if (hurt)
        hv_remove_dead(s, report, worst >= 0 ? HV_CAUSE_SHORTAGE : HV_CAUSE_EXPOSURE, worst);
}

/* ---- 5. construction and repairs --------------------------------------- */

void hv_phase_construction(hv_state *s, hv_report *report)
{
    hv_week w;
    hv_week_measure(s, &w);
    hv_week_construction(s, report, &w);
}

void hv_week_construction(hv_state *s, hv_report *report, const hv_week *w)
{
    for (int32_t k = 0; k < w->idle_count; k++) {
        hv_module *m = &s->modules[w->idle[k]];
        if (m->broken > 0 && --m->broken == 0) {
            hv_kept_module(s, m);
            hv_emit(report, s, HV_EV_MODULE_REPAIRED, HV_CAUSE_CONSTRUCTION, m->id, -1, 0, 0);
        }
        if (m->status != HV_MODULE_BUILDING)
            continue;
        if (--m->build_left == 0) {
            m->status = HV_MODULE_ACTIVE;
            hv_kept_module(s, m);
            hv_emit(report, s, HV_EV_MODULE_BUILT, HV_CAUSE_CONSTRUCTION, m->id, -1, 0, m->type);
        }
    }
}

/* ---- the turn ---------------------------------------------------------- */

/* The policies in force summed into W: the sum S keeps, made afresh only
 * when an option (or the rules) changed since it was made. */
static void policy_in_force(hv_state *s, hv_week *w)
{
    size_t n = sizeof s->policy[0] * (size_t)s->rules->policy_count;
    if (s->policy_rules != s->rules || memcmp(s->policy_of, s->policy, n) != 0) {
        hv_policy_total(s, &s->policy_sum);
        memcpy(s->policy_of, s->policy, n);
        s->policy_rules = s->rules;
    }
    w->in_force = &s->policy_sum;
}

hv_turn_result hv_end_turn(hv_state *s, hv_report *report)
{
    if (s->outcome != HV_OUTCOME_RUNNING && !s->play_on)
        return HV_TURN_OVER;
    if (s->pending >= 0 && hv_state_queued_answer(s) < 0)
        return HV_TURN_WAITING;
#ifdef HV_CHECK_INVARIANTS
    /* Rules changed after they were derived would play by stale figures. */
    assert(hv_rules_check_derived(s->rules) == 0 && "hv_rules changed after hv_rules_derive");
#endif
    s->turn++;
    s->sold_week = s->week_mined = 0;
    s->week_incidents = 0;
    hv_phase_orders(s, report);
    hv_week week;
    power(s, report, &week);
    policy_in_force(s, &week);
    hv_week_production(s, report, &week);
    hv_week_life_support(s, report, &week);
    hv_week_construction(s, report, &week);
    hv_phase_missions(s, report);
    hv_week_economy(s, report, &week);
    int32_t nations = hv_week_society(s, report, &week);
#ifdef HV_CHECK_INVARIANTS
    assert(nations == hv_state_nation_tension(s) && "the society's tension is not the state's");
#endif
    hv_week_events(s, report, nations);
    hv_phase_goals(s, report);
#ifdef HV_CHECK_INVARIANTS
    {
        char why[160];
        int broken = hv_state_check(s, why, sizeof why);
        assert(broken == 0 && "hv_state invariant broken after a turn");
        (void)broken;
    }
#endif
    return HV_TURN_DONE;
}

int64_t hv_power_output(const hv_state *s, const hv_module_type *mt, int32_t week)
{
    return mt->solar ? in_sunlight(s, mt->power, week) : mt->power;
}
