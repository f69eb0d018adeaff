/* The unrest ladder: the strain of the work on the lower deck, incidents
 * when tension runs high (the rules' graded incident events, or the five
 * built-in kinds), and riots the base can come through with scars. Part of
 * phase 8. A side is a faction index, HV_SIDE_WORKERS or HV_SIDE_STAFF. */
#include <stddef.h>
#include <stdint.h>

#include "hv_phase.h"
#include "hv_turn.h"

#define PAIR(a, b) ((a)*16 + (b))

/* Bit per role of the worker class. */
static uint32_t worker_roles(const hv_state *s)
{
    hv_rules_derived scratch;
    return hv_rules_derived_of(s->rules, &scratch)->worker_roles;
}

static int is_worker(const hv_state *s, const hv_person *p)
{
    return worker_roles(s) >> p->role & 1u;
}

static int on_side(const hv_state *s, const hv_person *p, int32_t side)
{
    if (side >= 0)
        return p->faction == side;
    return side == HV_SIDE_WORKERS ? is_worker(s, p) : !is_worker(s, p);
}

/* A random person at the base on SIDE, the restless more likely (their
 * trait's `unrest`); -1 if none. */
static int32_t pick_person(hv_state *s, int32_t side)
{
    int32_t who[HV_MAX_PEOPLE], weight[HV_MAX_PEOPLE], n = 0;
    int64_t total = 0;
    for (int32_t i = 0; i < s->person_count; i++)
        if (!s->people[i].away && on_side(s, &s->people[i], side)) {
            const hv_trait *t = hv_person_trait(s, &s->people[i]);
            weight[n] = hv_clamp(100 + (t ? t->unrest : 0), 1, 1000);
            total += weight[n];
            who[n++] = i;
        }
    if (n == 0)
        return -1;
    int64_t at = (int64_t)hv_rng_below(&s->rng, (uint32_t)total);
    for (int32_t k = 0; k < n; k++)
        if ((at -= weight[k]) < 0)
            return who[k];
    return who[n - 1];
}

/* Index of the least loyal person at the base on SIDE, or -1. */
static int32_t least_loyal(const hv_state *s, int32_t side)
{
    /* The first of the least loyal, a loop for nations and one for classes;
     * loyalty is tested first, as it fails most often once the loop has
     * found someone. */
    int32_t best = -1, lowest = INT32_MAX;
    if (side >= 0) {
        for (int32_t i = 0; i < s->person_count; i++) {
            const hv_person *p = &s->people[i];
            if (p->loyalty < lowest && p->faction == side && !p->away) {
                lowest = p->loyalty;
                best = i;
            }
        }
        return best;
    }
    hv_rules_derived scratch;
    const uint8_t *worker = hv_rules_derived_of(s->rules, &scratch)->role_worker;
    uint32_t want = side == HV_SIDE_WORKERS;
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (p->loyalty < lowest && worker[p->role] == want && !p->away) {
            lowest = p->loyalty;
            best = i;
        }
    }
    return best;
}

int32_t hv_unrest_actor(const hv_state *s, int32_t side)
{
    int32_t i = least_loyal(s, side);
    return i >= 0 ? s->people[i].id : 0;
}

static void hurt(hv_state *s, hv_report *report, hv_person *p, int32_t amount, hv_cause cause)
{
    int32_t h = hv_clamp(p->health - amount, 1, 100);
    if (h != p->health)
        hv_emit(report, s, HV_EV_HEALTH, cause, p->id, -1, h - p->health, 1);
    p->health = h;
}

/* The running module whose work weighs most on its crew: strain times crew,
 * then the most crewed; NULL when nothing runs. */
static hv_module *most_strained(hv_state *s)
{
    hv_module *best = NULL;
    int64_t best_load = -1;
    for (int32_t i = 0; i < s->module_count; i++) {
        hv_module *m = &s->modules[i];
        if (!hv_module_running(m))
            continue;
        int64_t load = ((int64_t)s->rules->module_types[m->type].strain + 1) * 100 + m->crew;
        if (load > best_load) {
            best_load = load;
            best = m;
        }
    }
    return best;
}

/* The least loyal on FROM goes over to TO (a nation), or leaves the base. */
static void defect(hv_state *s, hv_report *report, int32_t from, int32_t to)
{
    int32_t i = least_loyal(s, from);
    if (i < 0)
        return;
    hv_person *p = &s->people[i];
    hv_emit(report, s, HV_EV_INCIDENT, HV_CAUSE_INCIDENT, p->id, -1, from, HV_INCIDENT_DEFECTION);
    if (to >= 0 && from >= 0) {
        hv_kept_person(s, p, -1);
        p->faction = to; /* goes over to the other nation, and keeps the job */
        hv_kept_person(s, p, 1);
        p->loyalty = 50;
    } else
        hv_remove_person(s, i);
}

void hv_unrest_apply(hv_state *s, hv_report *report, const hv_effect *e, hv_cause cause)
{
    int32_t a = s->side[0], b = s->side[1];
    if (e->strike_weeks > 0) {
        for (int32_t i = 0; i < s->person_count; i++)
            if (on_side(s, &s->people[i], a) && s->people[i].strike < e->strike_weeks)
                s->people[i].strike = e->strike_weeks;
        hv_emit(report, s, HV_EV_INCIDENT, cause, -1, -1, a, HV_INCIDENT_STRIKE);
    }
    if (e->sabotage_weeks > 0) {
        hv_module *m = most_strained(s);
        if (m)
            hv_module_break(s, report, m, e->sabotage_weeks, cause);
    }
    if (e->injure > 0) {
        int32_t i = pick_person(s, a);
        if (i >= 0)
            hurt(s, report, &s->people[i], e->injure, cause);
        int32_t j = pick_person(s, b);
        if (j >= 0)
            hurt(s, report, &s->people[j], e->injure, cause);
    }
    if (e->defect)
        defect(s, report, a, b);
    for (int32_t i = 0; i < s->person_count && e->loyalty; i++)
        if (on_side(s, &s->people[i], a))
            s->people[i].loyalty = hv_clamp(s->people[i].loyalty + e->loyalty, 0, 100);
}

/* ---- the work ------------------------------------------------------------ */

void hv_unrest_work(hv_state *s, hv_report *report, const hv_morale_tally *tally)
{
    /* The hazards' draws in the people's order, as the tally found them. */
    for (int32_t k = 0; k < tally->hazard_count; k++)
        if ((int32_t)hv_rng_below(&s->rng, 1000) < tally->hazard_pm[k])
            hurt(s, report, &s->people[tally->hazard_who[k]], s->rules->society.work_injury,
                 HV_CAUSE_WORK);
    /* Strain counts in hundredths of a point; what is left carries over. */
    int64_t strain = tally->strain;
    s->strain += (int32_t)(strain > 10000 ? 10000 : strain);
    int32_t whole = s->strain / 100;
    s->strain -= whole * 100;
    if (whole)
        hv_class_tension_add(s, report, whole, HV_CAUSE_WORK);
}

/* ---- incidents ----------------------------------------------------------- */

/* Whether rung INDEX may come at TENSION now; one whose next text was read
 * too recently stands aside, so a tense base does not hear it word for word. */
static int rung_fits(const hv_state *s, int32_t index, int32_t tension)
{
    const hv_event_def *ev = &s->rules->events[index];
    return ev->unrest_at > 0 && ev->unrest_at <= tension &&
           (ev->choice_count == 0 || s->pending < 0) && hv_story_text_rested(s, index, 0) &&
           hv_trigger_holds(s, &ev->trigger);
}

/* Picks a rung of the unrest ladder that TENSION reaches, by weight; -1 if
 * the rules have none that may come now. */
static int32_t ladder_pick(const hv_state *s, int32_t tension, uint32_t roll)
{
    const hv_rules *rules = s->rules;
    hv_rules_derived scratch;
    /* Only the rungs may fit; nothing changes between the two rounds, so
     * the second walks the ones that fit in the first. */
    uint64_t fits = 0;
    int64_t total = 0;
    for (uint64_t m = hv_rules_derived_of(rules, &scratch)->rungs; m; m &= m - 1) {
        int32_t i = __builtin_ctzll(m);
        if (rung_fits(s, i, tension)) {
            fits |= UINT64_C(1) << i;
            total += rules->events[i].weight;
        }
    }
    if (total <= 0)
        return -1;
    int64_t at = (int64_t)(roll % (uint64_t)total);
    for (; fits; fits &= fits - 1) {
        int32_t i = __builtin_ctzll(fits);
        at -= rules->events[i].weight;
        if (at < 0)
            return i;
    }
    return -1;
}

/* One of the five built-in kinds, for rules without a ladder. */
static void builtin_incident(hv_state *s, hv_report *report, int32_t a, int32_t b, uint32_t pick)
{
    const hv_incidents *inc = &s->rules->incidents;
    int32_t total = 0;
    for (int k = 0; k < HV_INCIDENT_COUNT; k++)
        total += inc->weight[k];
    if (total <= 0)
        return;
    int32_t roll = (int32_t)(pick % (uint32_t)total);
    int kind = 0;
    while (roll >= inc->weight[kind])
        roll -= inc->weight[kind++];
    int32_t i = pick_person(s, a);
    if (i < 0)
        return;
    hv_person *p = &s->people[i];
    int32_t subject = p->id;
    switch (kind) {
    case HV_INCIDENT_STRIKE:
        for (int32_t k = 0; k < s->person_count; k++)
            if (on_side(s, &s->people[k], a))
                s->people[k].strike = inc->strike_weeks;
        break;
    case HV_INCIDENT_SMUGGLING:
        for (int r = 0; r < HV_RES_COUNT; r++) {
            int64_t take = inc->smuggling[r] < s->stock[r] ? inc->smuggling[r] : s->stock[r];
            if (take > 0)
                hv_change_stock(s, report, r, -take, HV_CAUSE_INCIDENT, subject);
        }
        break;
    case HV_INCIDENT_SABOTAGE: {
        hv_module *m = p->module ? hv_state_module(s, p->module) : NULL;
        if (!m && s->module_count)
            m = &s->modules[hv_rng_below(&s->rng, (uint32_t)s->module_count)];
        if (m) {
            subject = m->id;
            hv_module_break(s, report, m, inc->sabotage_weeks, HV_CAUSE_INCIDENT);
        }
        break;
    }
    case HV_INCIDENT_FIGHT: {
        p->health = hv_clamp(p->health - inc->fight_injury, 1, 100);
        int32_t j = b >= 0 ? pick_person(s, b) : -1;
        if (j >= 0)
            s->people[j].health = hv_clamp(s->people[j].health - inc->fight_injury, 1, 100);
        break;
    }
    case HV_INCIDENT_DEFECTION:
        hv_remove_person(s, i);
        break;
    default:
        break;
    }
    hv_emit(report, s, HV_EV_INCIDENT, HV_CAUSE_INCIDENT, subject, -1, a, kind);
}

static void incident(hv_state *s, hv_report *report, int32_t a, int32_t b, int32_t tension)
{
    /* One draw picks the rung or the kind, so the stream does not depend on which. */
    uint32_t pick = hv_rng_next(&s->rng);
    int32_t rung = ladder_pick(s, tension, pick);
    if (rung >= 0) {
        int32_t saved[2] = {s->side[0], s->side[1]};
        s->side[0] = a;
        s->side[1] = b;
        hv_event_fire(s, report, rung, HV_CAUSE_INCIDENT);
        if (s->pending != rung) { /* no choice waits on these sides */
            s->side[0] = saved[0];
            s->side[1] = saved[1];
        }
    } else {
        builtin_incident(s, report, a, b, pick);
    }
    s->incidents++;
    s->week_incidents++;
    if (a >= 0 && b >= 0)
        hv_tension_add(s, report, a, b, s->rules->incidents.tension, HV_CAUSE_INCIDENT);
    else
        hv_class_tension_add(s, report, s->rules->incidents.tension, HV_CAUSE_INCIDENT);
    for (int32_t k = 0; k < s->rules->sponsor_count; k++) {
        int32_t f = s->rules->sponsors[k].faction;
        if (f == a || f == b || a < 0)
            hv_satisfaction_add(s, report, k, -2, HV_CAUSE_INCIDENT);
    }
}

static int incident_roll(hv_state *s, int32_t tension, int64_t scale)
{
    const hv_society *soc = &s->rules->society;
    if (tension <= soc->incident_at)
        return 0;
    /* incident_chance per mille per point above incident_at, times SCALE
     * (policies and security) in ten-thousandths. */
    int64_t chance = (int64_t)(tension - soc->incident_at) * soc->incident_pm * scale / 10000;
    return (int64_t)hv_rng_below(&s->rng, 1000) < chance;
}

uint32_t hv_unrest_incidents(hv_state *s, hv_report *report, const hv_week *w, uint32_t present,
                             int32_t nations)
{
    const hv_effect *policy = w->in_force;
    int64_t security = w->security > 800 ? 800 : w->security;
    /* Percent of the rules' chance, times per-mille left by security. */
    int64_t scale = (100 + policy->incident_pct) * (1000 - security) / 10;
    /* Every pair of nations present, by their bits; an incident may send
     * someone away, and the pairs still to roll are those left present.
     * When no pair stands above the incident line none rolls dice, nor
     * starts an incident that would move another. */
    uint32_t rolling = nations > s->rules->society.incident_at ? present : 0;
    for (int32_t a = 0; a < HV_MAX_FACTIONS && rolling >> a; a++) {
        uint32_t y = rolling >> a & 1u ? rolling & ~((2u << a) - 1) : 0;
        while (y) {
            int32_t b = __builtin_ctz(y);
            y &= y - 1;
            if (!incident_roll(s, s->tension[a][b], scale))
                continue;
            /* Either side may start it; one draw keeps the two sides apart. */
            int32_t t = s->tension[a][b];
            if (hv_rng_below(&s->rng, 2))
                incident(s, report, a, b, t);
            else
                incident(s, report, b, a, t);
            present = rolling = hv_factions_present(s);
            y = rolling >> a & 1u ? rolling & ~((2u << b) - 1) : 0;
        }
    }
    if (incident_roll(s, s->class_tension, scale)) {
        incident(s, report, HV_SIDE_WORKERS, HV_SIDE_STAFF, s->class_tension);
        present = hv_factions_present(s);
    }
    return present;
}

/* ---- riots --------------------------------------------------------------- */

static void riot(hv_state *s, hv_report *report)
{
    const hv_rules *rules = s->rules;
    const hv_society *soc = &rules->society;
    /* The sides: the pair of nations furthest gone, or the classes. */
    int32_t a = HV_SIDE_WORKERS, b = HV_SIDE_STAFF, worst = s->class_tension;
    uint32_t present = hv_factions_present(s);
    for (int32_t x = 0; x < rules->faction_count; x++)
        for (int32_t y = x + 1; y < rules->faction_count; y++)
            if ((present >> x & present >> y & 1u) && s->tension[x][y] > worst) {
                worst = s->tension[x][y];
                a = x;
                b = y;
            }
    int32_t wrecked = 0;
    for (int32_t k = 0; k < soc->riot_damage; k++) {
        hv_module *best = NULL;
        for (int32_t i = 0; i < s->module_count; i++) {
            hv_module *m = &s->modules[i];
            if (hv_module_running(m) && (!best || m->crew > best->crew))
                best = m;
        }
        if (!best)
            break;
        hv_module_break(s, report, best, soc->riot_repair, HV_CAUSE_RIOT);
        wrecked++;
    }
    s->riots++;
    hv_emit(report, s, HV_EV_RIOT, HV_CAUSE_RIOT, a >= 0 ? PAIR(a, b) : -1, -1, worst, wrecked);
    if (soc->riot_injury > 0) {
        for (int32_t i = 0; i < s->person_count; i++) {
            hv_person *p = &s->people[i];
            if (!p->away && (on_side(s, p, a) || on_side(s, p, b))) {
                p->health -= soc->riot_injury;
                hv_emit(report, s, HV_EV_HEALTH, HV_CAUSE_RIOT, p->id, -1, -soc->riot_injury,
                        p->health > 0 ? p->health : 0);
            }
        }
        hv_remove_dead(s, report, HV_CAUSE_RIOT, -1);
    }
    if (a >= 0)
        hv_tension_add(s, report, a, b, -soc->riot_release, HV_CAUSE_RIOT);
    else
        hv_class_tension_add(s, report, -soc->riot_release, HV_CAUSE_RIOT);
    if (soc->riot_flag)
        hv_flags_change(s, report, 1u << (soc->riot_flag - 1), 0, HV_CAUSE_RIOT);
    s->riot_weeks = 0;
}

int32_t hv_unrest_riot(hv_state *s, hv_report *report, int32_t nations)
{
    const hv_society *soc = &s->rules->society;
    int32_t most = nations > s->class_tension ? nations : s->class_tension;
    s->riot_weeks = most >= soc->riot_at ? s->riot_weeks + 1 : 0;
    if (s->riot_weeks < soc->riot_weeks)
        return nations;
    riot(s, report);
    return hv_state_nation_tension(s); /* the riot moved tension and may have killed */
}
