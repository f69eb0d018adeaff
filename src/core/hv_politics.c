/* Sponsor politics: satisfaction by sponsor, their agendas, funding
 * changes, board votes and partnerships between factions. The society
 * phase calls hv_politics_week; effects call the rest. */
#include <string.h>

#include "hv_phase.h"
#include "hv_turn.h"

void hv_by_faction_add(hv_by_faction *sum, const hv_by_faction *e)
{
    sum->all += e->all;
    for (int32_t f = 0; f < HV_MAX_FACTIONS; f++)
        sum->by[f] = (int16_t)(sum->by[f] + e->by[f]);
}

void hv_by_pair_add(hv_by_pair *sum, const hv_by_pair *e)
{
    /* Most effects name no pair: skip the table (policies are summed
     * several times a week). */
    static const int8_t none[HV_MAX_FACTIONS][HV_MAX_FACTIONS];
    sum->all += e->all;
    if (memcmp(e->by, none, sizeof none) == 0)
        return;
    for (int32_t a = 0; a < HV_MAX_FACTIONS; a++)
        for (int32_t b = 0; b < HV_MAX_FACTIONS; b++)
            sum->by[a][b] = (int8_t)hv_clamp(sum->by[a][b] + e->by[a][b], -100, 100);
}

/* hv_satisfaction_add, inlined for the weekly round of every sponsor. */
static inline void satisfaction_add(hv_state *s, hv_report *report, int32_t k, int32_t delta,
                                    hv_cause cause)
{
    int32_t v = hv_clamp(s->satisfaction[k] + delta, 0, 100);
    if (v == s->satisfaction[k])
        return;
    hv_emit(report, s, HV_EV_SATISFACTION, cause, k, -1, v - s->satisfaction[k], v);
    s->satisfaction[k] = v;
}

/* Satisfaction moves in whole points; agendas weigh in tenths, and what is
 * left over waits in `favour` so small weekly leanings still add up. */
static void favour_add(hv_state *s, hv_report *report, int32_t k, int32_t tenths, hv_cause cause)
{
    s->favour[k] += tenths;
    int32_t whole = s->favour[k] / 10;
    s->favour[k] -= whole * 10;
    if (whole)
        satisfaction_add(s, report, k, whole, cause);
}

void hv_politics_rock(hv_state *s, hv_report *report, int earth)
{
    for (int32_t k = 0; k < s->rules->sponsor_count; k++) {
        const hv_agenda *ag = &s->rules->sponsors[k].agenda;
        favour_add(s, report, k, earth ? ag->earth_orbit : ag->mars_orbit, HV_CAUSE_AGENDA);
    }
}

static void partners_set(hv_state *s, hv_report *report, const int32_t *pair, int on,
                         hv_cause cause)
{
    if (!pair[0] || !pair[1])
        return;
    int32_t a = pair[0] - 1, b = pair[1] - 1;
    uint16_t before = s->partners[a];
    if (on) {
        s->partners[a] |= (uint16_t)(1u << b);
        s->partners[b] |= (uint16_t)(1u << a);
    } else {
        s->partners[a] &= (uint16_t) ~(1u << b);
        s->partners[b] &= (uint16_t) ~(1u << a);
    }
    if (s->partners[a] != before)
        hv_emit(report, s, HV_EV_PARTNER, cause, a * 16 + b, -1, 0, on);
}

int32_t hv_motion_lean(const hv_state *s, const hv_motion *m, int32_t k)
{
    const hv_rules *rules = s->rules;
    /* A pleased sponsor goes along with the base; a sore one digs in. */
    int32_t stance = m ? hv_by_faction_for(&m->stance, rules->sponsors[k].faction) : 0;
    return stance + (s->satisfaction[k] - 50) / 10;
}

/* Funding behind and against motion M, as the board would vote today. */
static void motion_count(const hv_state *s, const hv_motion *m, int64_t *yes_out, int64_t *no_out)
{
    int64_t yes = 0, no = 0;
    for (int32_t k = 0; k < s->rules->sponsor_count; k++) {
        int32_t lean = hv_motion_lean(s, m, k);
        int64_t weight = hv_sponsor_funding(s, k);
        if (lean > 0)
            yes += weight;
        else if (lean < 0)
            no += weight;
    }
    *yes_out = yes;
    *no_out = no;
}

int hv_motion_passes(const hv_state *s, const hv_motion *m)
{
    int64_t yes, no;
    motion_count(s, m, &yes, &no);
    return yes > no;
}

int32_t hv_motion_share(const hv_state *s, const hv_motion *m)
{
    int64_t yes, no;
    motion_count(s, m, &yes, &no);
    return yes + no > 0 ? (int32_t)(yes * 1000 / (yes + no)) : 0;
}

static void motion_vote(hv_state *s, hv_report *report, const hv_motion *m, hv_cause cause)
{
    int passed = hv_motion_passes(s, m);
    int32_t flag = passed ? m->passed : m->failed;
    hv_emit(report, s, HV_EV_VOTE, cause, -1, -1, hv_motion_share(s, m), passed);
    if (flag)
        hv_flags_change(s, report, 1u << (flag - 1), 0, cause);
}

void hv_politics_apply(hv_state *s, hv_report *report, const hv_effect *e, hv_cause cause)
{
    const hv_rules *rules = s->rules;
    /* Most effects move no sponsor: then the round of them changes nothing. */
    static const int16_t nobody[HV_MAX_FACTIONS];
    int moves = e->satisfaction.all || e->funding_pct.all ||
                memcmp(e->satisfaction.by, nobody, sizeof nobody) ||
                memcmp(e->funding_pct.by, nobody, sizeof nobody);
    for (int32_t k = 0; k < rules->sponsor_count && moves; k++) {
        int32_t f = rules->sponsors[k].faction;
        int32_t d = hv_by_faction_for(&e->satisfaction, f);
        if (d)
            satisfaction_add(s, report, k, d, cause);
        int32_t pct = hv_by_faction_for(&e->funding_pct, f);
        if (pct) {
            s->funding_pct[k] = hv_clamp(s->funding_pct[k] + pct, -90, 200);
            hv_emit(report, s, HV_EV_FUNDING, cause, k, -1, pct, s->funding_pct[k]);
        }
    }
    partners_set(s, report, e->partner, 1, cause);
    partners_set(s, report, e->split, 0, cause);
    if (e->motion.set)
        motion_vote(s, report, &e->motion, cause);
}

void hv_politics_week(hv_state *s, hv_report *report, const hv_effect *policy, int32_t tension,
                      const hv_morale_tally *tally)
{
    const hv_rules *rules = s->rules;
    hv_morale_tally own;
    if (!tally) {
        memset(&own, 0, offsetof(hv_morale_tally, together));
        for (int32_t i = 0; i < s->person_count; i++) {
            const hv_person *p = &s->people[i];
            own.class_count[rules->roles[p->role].klass == HV_CLASS_WORKER]++;
            own.sum[p->faction] += p->morale;
            own.count[p->faction]++;
        }
        for (int32_t f = 0; f < HV_MAX_FACTIONS; f++)
            own.mean[f] = own.count[f] ? own.sum[f] / own.count[f] : 0;
        tally = &own;
    }
    const int64_t *mood_mean = tally->mean;
    const int32_t *mood_count = tally->count;
    int64_t workers = tally->class_count[HV_CLASS_WORKER];
    /* The week's figures every agenda weighs, read once. */
    int64_t sold = s->sold_week / 10, mined = s->week_mined / 10;
    int32_t pay = policy->pay_pct / 10, incidents = s->week_incidents, tens = tension / 10;
    /* A mean of morale is 0..100: its mood is read from the rules'
     * table, not divided out. */
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(rules, &scratch);
    const int8_t *moods = d->sponsor_mood;
    const int32_t *factions = d->bot_sponsor_faction;
    /* A sponsor without an agenda weighs 0 tenths a week, which leaves its
     * favour (always within -9..9, as favour_add leaves it) as it is. */
    uint32_t agendas = d->agendas;
    const hv_sponsor *sponsors = rules->sponsors;
    for (int32_t k = 0; k < rules->sponsor_count; k++) {
        int32_t f = factions[k];
        /* Contented nationals write good letters home; policies add their
         * standing weekly leaning. */
        int32_t mood = mood_count[f] ? moods[mood_mean[f]] : 0;
        int32_t delta = hv_by_faction_for(&policy->satisfaction, f) + mood;
        satisfaction_add(s, report, k, delta, HV_CAUSE_MORALE);
        if (!(agendas >> k & 1u))
            continue;
        const hv_agenda *ag = &sponsors[k].agenda;
        int64_t tenths = ag->exports * sold + ag->mining * mined + ag->pay * pay +
                         ag->incidents * incidents + ag->workers * workers + ag->tension * tens;
        favour_add(s, report, k,
                   (int32_t)(tenths > 1000    ? 1000
                             : tenths < -1000 ? -1000
                                              : tenths),
                   HV_CAUSE_AGENDA);
    }
}
