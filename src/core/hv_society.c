/* Phase 8: morale, tension between nations and between classes, incidents
 * when tension runs high, riots in the making and sponsors' satisfaction;
 * and the helpers policies and events use to move them. */
#include <stddef.h>
#include <string.h>

#include "hv_phase.h"
#include "hv_turn.h"

#define PAIR(a, b) ((a)*16 + (b))

uint32_t hv_factions_present(const hv_state *s)
{
    uint32_t mask = 0;
    for (int32_t i = 0; i < s->person_count; i++)
        mask |= 1u << s->people[i].faction;
    return mask;
}

void hv_policy_total(const hv_state *s, hv_effect *out)
{
    memset(out, 0, sizeof *out);
    for (int32_t i = 0; i < s->rules->policy_count; i++) {
        const hv_effect *e = &s->rules->policies[i].options[s->policy[i]].effect;
        for (int r = 0; r < HV_RES_COUNT; r++)
            out->resources[r] += e->resources[r];
        out->morale_staff += e->morale_staff;
        out->morale_workers += e->morale_workers;
        out->tension += e->tension;
        out->class_tension += e->class_tension;
        out->satisfaction += e->satisfaction;
        out->output_pct += e->output_pct;
        out->ration_pct += e->ration_pct;
        out->pay_pct += e->pay_pct;
        out->incident_pct += e->incident_pct;
        out->capture_pm += e->capture_pm;
        out->joint |= e->joint;
    }
    out->output_pct = hv_clamp(out->output_pct, -90, 200);
    out->ration_pct = hv_clamp(out->ration_pct, -90, 200);
    out->pay_pct = hv_clamp(out->pay_pct, -100, 500);
    out->incident_pct = hv_clamp(out->incident_pct, -100, 500);
}

void hv_tension_add(hv_state *s, hv_report *report, int32_t a, int32_t b, int32_t delta,
                    hv_cause cause)
{
    int32_t v = hv_clamp(s->tension[a][b] + delta, 0, 100);
    if (a == b || v == s->tension[a][b]) /* a nation has no tension with itself */
        return;
    hv_emit(report, s, HV_EV_TENSION, cause, PAIR(a, b), -1, v - s->tension[a][b], v);
    s->tension[a][b] = s->tension[b][a] = v;
}

void hv_class_tension_add(hv_state *s, hv_report *report, int32_t delta, hv_cause cause)
{
    int32_t v = hv_clamp(s->class_tension + delta, 0, 100);
    if (v == s->class_tension)
        return;
    hv_emit(report, s, HV_EV_TENSION, cause, -1, -1, v - s->class_tension, v);
    s->class_tension = v;
}

void hv_satisfaction_add(hv_state *s, hv_report *report, int32_t i, int32_t delta, hv_cause cause)
{
    int32_t v = hv_clamp(s->satisfaction[i] + delta, 0, 100);
    if (v == s->satisfaction[i])
        return;
    hv_emit(report, s, HV_EV_SATISFACTION, cause, i, -1, v - s->satisfaction[i], v);
    s->satisfaction[i] = v;
}

/* Adds DELTA to every pair of nations present. */
static void tension_all(hv_state *s, hv_report *report, int32_t delta, hv_cause cause)
{
    uint32_t present = hv_factions_present(s);
    for (int32_t a = 0; a < s->rules->faction_count; a++)
        for (int32_t b = a + 1; b < s->rules->faction_count; b++)
            if ((present >> a & 1u) && (present >> b & 1u))
                hv_tension_add(s, report, a, b, delta, cause);
}

static int is_worker(const hv_state *s, const hv_person *p)
{
    return s->rules->roles[p->role].klass == HV_CLASS_WORKER;
}

static void break_module(hv_state *s, hv_report *report, hv_module *m, int32_t weeks,
                         hv_cause cause)
{
    if (weeks <= 0)
        return;
    m->broken = weeks > m->broken ? weeks : m->broken;
    hv_emit(report, s, HV_EV_MODULE_BROKEN, cause, m->id, -1, 0, m->broken);
}

void hv_effect_apply(hv_state *s, hv_report *report, const hv_effect *e, hv_cause cause,
                     int32_t subject)
{
    const hv_rules *rules = s->rules;
    for (int r = 0; r < HV_RES_COUNT; r++) {
        int64_t amount = e->resources[r];
        if (r != HV_RES_FUNDS && s->stock[r] + amount < 0)
            amount = -s->stock[r];
        hv_change_stock(s, report, r, amount, cause, subject);
    }
    for (int32_t i = 0; i < s->person_count; i++) {
        hv_person *p = &s->people[i];
        p->morale =
            hv_clamp(p->morale + (is_worker(s, p) ? e->morale_workers : e->morale_staff), 0, 100);
        p->health = hv_clamp(p->health + e->health, 1, 100);
    }
    if (e->tension)
        tension_all(s, report, e->tension, cause);
    if (e->class_tension)
        hv_class_tension_add(s, report, e->class_tension, cause);
    for (int32_t i = 0; i < rules->sponsor_count && e->satisfaction; i++)
        hv_satisfaction_add(s, report, i, e->satisfaction, cause);
    if (e->dust) {
        int32_t d = hv_clamp(s->dust + e->dust, rules->weather.dust_min, rules->weather.dust_max);
        hv_emit(report, s, HV_EV_DUST, cause, subject, -1, d - s->dust, d);
        s->dust = d;
    }
    if (e->price_pct) {
        int64_t p = s->price * (100 + e->price_pct) / 100;
        p = p < rules->market.price_min ? rules->market.price_min : p;
        p = p > rules->market.price_max ? rules->market.price_max : p;
        hv_emit(report, s, HV_EV_PRICE, cause, subject, HV_RES_IRIDIUM, p - s->price, p);
        s->price = p;
    }
    if (e->break_type > 0) {
        int32_t candidates[HV_MAX_MODULES], n = 0;
        for (int32_t i = 0; i < s->module_count; i++)
            if (s->modules[i].type == e->break_type - 1 && hv_module_running(&s->modules[i]))
                candidates[n++] = i;
        if (n > 0)
            break_module(s, report, &s->modules[candidates[hv_rng_below(&s->rng, (uint32_t)n)]],
                         e->break_weeks, cause);
    }
    for (int32_t i = 0; i < rules->asteroid_count && e->window_weeks > 0; i++)
        if (s->asteroids[i].stage == HV_STAGE_FAR)
            s->asteroids[i].window_close = s->turn + e->window_weeks;
    s->flags = (s->flags | e->set_flags) & ~e->clear_flags;
    if (e->follow_event > 0)
        hv_story_schedule(s, report, e->follow_event - 1, e->follow_weeks, 0);
}

/* ---- morale ------------------------------------------------------------ */

static int32_t worst_tension_of(const hv_state *s, int32_t faction, uint32_t present)
{
    int32_t worst = 0;
    for (int32_t b = 0; b < s->rules->faction_count; b++)
        if (b != faction && (present >> b & 1u) && s->tension[faction][b] > worst)
            worst = s->tension[faction][b];
    return worst;
}

static void settle_morale(hv_state *s, hv_report *report, const hv_effect *policy, uint32_t present)
{
    const hv_society *soc = &s->rules->society;
    int32_t shortages = 0;
    for (uint32_t m = (uint32_t)s->shortage_mask; m; m &= m - 1)
        shortages++;
    int32_t recreation = (int32_t)hv_state_running_bonus(s, offsetof(hv_module_type, recreation));
    int32_t worst[HV_MAX_FACTIONS];
    for (int32_t f = 0; f < s->rules->faction_count; f++)
        worst[f] = (present >> f & 1u) ? worst_tension_of(s, f, present) : 0;
    int64_t moved = 0;
    for (int32_t i = 0; i < s->person_count; i++) {
        hv_person *p = &s->people[i];
        int worker = is_worker(s, p);
        int32_t target = soc->base_morale + (recreation > 15 ? 15 : recreation) - 15 * shortages -
                         worst[p->faction] / 4 -
                         (worker ? s->class_tension / 4 + soc->worker_morale : 0) +
                         (worker ? policy->morale_workers : policy->morale_staff);
        target = hv_clamp(target, 0, 100);
        /* A quarter of the way each week, at least one point. */
        int32_t step = (target - p->morale) / 4;
        if (step == 0 && target != p->morale)
            step = target > p->morale ? 1 : -1;
        p->morale += step;
        moved += step;
        if (p->strike > 0)
            p->strike--;
    }
    if (moved && s->person_count)
        hv_emit(report, s, HV_EV_MORALE, HV_CAUSE_MORALE, -1, -1, moved * 1000 / s->person_count,
                0);
}

/* ---- tension ----------------------------------------------------------- */

typedef struct group_morale {
    int64_t sum[HV_MAX_FACTIONS];
    int32_t count[HV_MAX_FACTIONS];
    int64_t class_sum[2];
    int32_t class_count[2];
} group_morale;

static int32_t gap_tension(const hv_society *soc, int64_t sa, int32_t na, int64_t sb, int32_t nb)
{
    if (na == 0 || nb == 0)
        return 0;
    int64_t gap = sa / na - sb / nb;
    gap = gap < 0 ? -gap : gap;
    return (int32_t)(gap / 10) * soc->gap_tension;
}

static void move_tension(hv_state *s, hv_report *report, const hv_effect *policy, uint32_t present)
{
    const hv_rules *rules = s->rules;
    const hv_society *soc = &rules->society;
    group_morale g;
    memset(&g, 0, sizeof g);
    uint32_t crews[HV_MAX_MODULES] = {0};
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        g.sum[p->faction] += p->morale;
        g.count[p->faction]++;
        g.class_sum[is_worker(s, p)] += p->morale;
        g.class_count[is_worker(s, p)]++;
        if (p->module)
            crews[hv_state_module(s, p->module) - s->modules] |= 1u << p->faction;
    }
    /* Modules each pair of nations staffs together. */
    uint8_t together[HV_MAX_FACTIONS][HV_MAX_FACTIONS];
    memset(together, 0, sizeof together);
    for (int32_t m = 0; m < s->module_count; m++) {
        uint32_t mask = crews[m];
        if (!(mask & (mask - 1)))
            continue; /* one nation or none */
        for (uint32_t x = mask; x; x &= x - 1)
            for (uint32_t y = x & (x - 1); y; y &= y - 1) {
                int32_t a = __builtin_ctz(x), b = __builtin_ctz(y);
                if (together[a][b] < 3)
                    together[a][b]++;
            }
    }
    int32_t shortage = s->shortage_mask ? soc->shortage_tension : 0;
    int32_t joint = soc->joint_work * (policy->joint ? 2 : 1);
    int32_t n = rules->faction_count;
    for (int32_t a = 0; a < n; a++) {
        if (!(present >> a & 1u))
            continue;
        for (int32_t b = a + 1; b < n; b++) {
            if (!(present >> b & 1u))
                continue;
            /* Each cause on its own, in this order, so the report can name it. */
            const int32_t delta[] = {
                policy->tension,
                shortage,
                gap_tension(soc, g.sum[a], g.count[a], g.sum[b], g.count[b]),
                -joint * together[a][b],
                -soc->tension_decay,
            };
            static const hv_cause why[] = {HV_CAUSE_POLICY, HV_CAUSE_SHORTAGE, HV_CAUSE_INEQUALITY,
                                           HV_CAUSE_JOINT_WORK, HV_CAUSE_CALM};
            for (int k = 0; k < 5; k++)
                if (delta[k])
                    hv_tension_add(s, report, a, b, delta[k], why[k]);
        }
    }
    if (g.class_count[HV_CLASS_WORKER] == 0)
        return;
    hv_class_tension_add(s, report, policy->class_tension, HV_CAUSE_POLICY);
    hv_class_tension_add(s, report, shortage, HV_CAUSE_SHORTAGE);
    hv_class_tension_add(
        s, report,
        gap_tension(soc, g.class_sum[0], g.class_count[0], g.class_sum[1], g.class_count[1]),
        HV_CAUSE_INEQUALITY);
    hv_class_tension_add(s, report, -soc->tension_decay, HV_CAUSE_CALM);
}

/* ---- incidents --------------------------------------------------------- */

/* A random person of FACTION (or, with FACTION -1, a random worker); -1 if none. */
static int32_t pick_person(hv_state *s, int32_t faction)
{
    int32_t who[HV_MAX_PEOPLE], n = 0;
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (!p->away && (faction >= 0 ? p->faction == faction : is_worker(s, p)))
            who[n++] = i;
    }
    return n ? who[hv_rng_below(&s->rng, (uint32_t)n)] : -1;
}

static void incident(hv_state *s, hv_report *report, int32_t a, int32_t b)
{
    const hv_incidents *inc = &s->rules->incidents;
    int32_t total = 0;
    for (int k = 0; k < HV_INCIDENT_COUNT; k++)
        total += inc->weight[k];
    if (total <= 0)
        return;
    int32_t roll = (int32_t)hv_rng_below(&s->rng, (uint32_t)total);
    int kind = 0;
    while (roll >= inc->weight[kind])
        roll -= inc->weight[kind++];
    /* A and B are faction indices, or -1 for the workers' side of class tension. */
    int32_t i = pick_person(s, a);
    if (i < 0)
        return;
    hv_person *p = &s->people[i];
    int32_t subject = p->id;
    switch (kind) {
    case HV_INCIDENT_STRIKE:
        for (int32_t k = 0; k < s->person_count; k++) {
            hv_person *q = &s->people[k];
            if (a >= 0 ? q->faction == a : is_worker(s, q))
                q->strike = inc->strike_weeks;
        }
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
            break_module(s, report, m, inc->sabotage_weeks, HV_CAUSE_INCIDENT);
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
    s->incidents++;
    hv_emit(report, s, HV_EV_INCIDENT, HV_CAUSE_INCIDENT, subject, -1, a, kind);
    if (a >= 0 && b >= 0)
        hv_tension_add(s, report, a, b, inc->tension, HV_CAUSE_INCIDENT);
    else
        hv_class_tension_add(s, report, inc->tension, HV_CAUSE_INCIDENT);
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
    int64_t chance = (int64_t)(tension - soc->incident_at) * soc->incident_pm * scale / 100000;
    return (int64_t)hv_rng_below(&s->rng, 1000) < chance;
}

static void incidents(hv_state *s, hv_report *report, const hv_effect *policy, uint32_t present)
{
    int64_t security = hv_state_running_bonus(s, offsetof(hv_module_type, security));
    security = security > 800 ? 800 : security;
    /* Percent of the rules' chance, times per-mille left by security. */
    int64_t scale = (100 + policy->incident_pct) * (1000 - security) / 10;
    int32_t n = s->rules->faction_count;
    for (int32_t a = 0; a < n; a++)
        for (int32_t b = a + 1; b < n; b++)
            if ((present >> a & 1u) && (present >> b & 1u) &&
                incident_roll(s, s->tension[a][b], scale)) {
                /* Either side may start it; one draw keeps the two sides apart. */
                if (hv_rng_below(&s->rng, 2))
                    incident(s, report, a, b);
                else
                    incident(s, report, b, a);
                present = hv_factions_present(s);
            }
    if (incident_roll(s, s->class_tension, scale))
        incident(s, report, -1, -1);
}

/* ---- the phase --------------------------------------------------------- */

static void sponsors(hv_state *s, hv_report *report, const hv_effect *policy)
{
    const hv_rules *rules = s->rules;
    for (int32_t k = 0; k < rules->sponsor_count; k++) {
        int64_t sum = 0;
        int32_t count = 0;
        for (int32_t i = 0; i < s->person_count; i++)
            if (s->people[i].faction == rules->sponsors[k].faction) {
                sum += s->people[i].morale;
                count++;
            }
        /* Contented nationals write good letters home; exports (phase 7) and
         * policies do the rest. */
        int32_t mood = count ? hv_clamp((int32_t)((sum / count - 60) / 10), -2, 2) : 0;
        int32_t delta = policy->satisfaction + mood;
        hv_satisfaction_add(s, report, k, delta, HV_CAUSE_MORALE);
    }
}

void hv_phase_society(hv_state *s, hv_report *report)
{
    hv_effect policy;
    hv_policy_total(s, &policy);
    uint32_t present = hv_factions_present(s);
    settle_morale(s, report, &policy, present);
    move_tension(s, report, &policy, present);
    incidents(s, report, &policy, present);
    const hv_society *soc = &s->rules->society;
    s->riot_weeks = hv_state_max_tension(s) >= soc->riot_at ? s->riot_weeks + 1 : 0;
    sponsors(s, report, &policy);
}
