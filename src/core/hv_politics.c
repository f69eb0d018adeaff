/* Sponsor politics: satisfaction by sponsor, their agendas, funding
 * changes, board votes and partnerships between factions. The society
 * phase calls hv_politics_week; effects call the rest. Also the whole of
 * a one-off effect (hv_effect_apply), of which politics is one part. */
#include <string.h>

#include "hv_phase.h"
#include "hv_turn.h"

#define PAIR(a, b) ((a)*16 + (b))

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

/* ---- one-off effects ---------------------------------------------------- */

/* Adds what AMOUNTS gives each pair of nations present (the effect names
 * pairs: hv_effect_names). */
static void tension_pairs(hv_state *s, hv_report *report, const hv_by_pair *amounts, hv_cause cause)
{
    uint32_t present = hv_factions_present(s);
    for (uint32_t x = present; x & (x - 1); x &= x - 1)
        for (uint32_t y = x & (x - 1); y; y &= y - 1) {
            /* hv_tension_add in line: A is below B */
            int32_t a = __builtin_ctz(x), b = __builtin_ctz(y);
            int32_t delta = hv_by_pair_for(amounts, a, b), t = s->tension[a][b];
            int32_t v = hv_clamp(t + delta, 0, 100);
            if (v == t)
                continue;
            hv_emit(report, s, HV_EV_TENSION, cause, PAIR(a, b), -1, v - t, v);
            s->tension[a][b] = s->tension[b][a] = v;
        }
}

/* hv_effect_names of E: from the derived rules when E is an effect of
 * their event SUBJECT (as the story and the answers apply them), else
 * worked out. */
static uint32_t effect_names_of(const hv_rules *rules, const hv_effect *e, int32_t subject)
{
    if (rules->derived.ready && subject >= 0 && subject < rules->event_count &&
        subject < HV_MAX_EVENTS) {
        const hv_event_def *ev = &rules->events[subject];
        if (e == &ev->effect)
            return rules->derived.effect_names[subject][0];
        for (int32_t c = 0; c < HV_MAX_CHOICES; c++)
            if (e == &ev->choices[c].effect)
                return rules->derived.effect_names[subject][1 + c];
    }
    return hv_effect_names(e);
}

void hv_module_break(hv_state *s, hv_report *report, hv_module *m, int32_t weeks, hv_cause cause)
{
    if (weeks <= 0)
        return;
    m->broken = weeks > m->broken ? weeks : m->broken;
    hv_kept_module(s, m);
    hv_emit(report, s, HV_EV_MODULE_BROKEN, cause, m->id, -1, 0, m->broken);
}

void hv_effect_apply(hv_state *s, hv_report *report, const hv_effect *e, hv_cause cause,
                     int32_t subject)
{
    const hv_rules *rules = s->rules;
    /* Most effects do a thing or two: the parts they leave alone are
     * skipped whole, in the same order. */
    uint32_t names = effect_names_of(rules, e, subject);
    for (int r = 0; r < HV_RES_COUNT && (names & HV_EFFECT_RESOURCES); r++) {
        int64_t amount = e->resources[r];
        if (r != HV_RES_FUNDS && s->stock[r] + amount < 0)
            amount = -s->stock[r];
        hv_change_stock(s, report, r, amount, cause, subject);
    }
    /* Morale and health stand within their bounds between steps (the
     * state's invariants), so an effect that moves neither changes nobody,
     * and one that moves only morale leaves health be. */
    if (names & HV_EFFECT_PEOPLE) {
        hv_rules_derived scratch;
        const uint8_t *worker = hv_rules_derived_of(rules, &scratch)->role_worker;
        int32_t moves[2] = {e->morale_staff, e->morale_workers}, health = e->health;
        int32_t count = s->person_count;
        if (moves[0] | moves[1])
            for (int32_t i = 0; i < count; i++) {
                hv_person *p = &s->people[i];
                p->morale = hv_clamp(p->morale + moves[worker[p->role]], 0, 100);
            }
        if (health)
            for (int32_t i = 0; i < count; i++) {
                hv_person *p = &s->people[i];
                p->health = hv_clamp(p->health + health, 1, 100);
            }
    }
    if (names & HV_EFFECT_PAIRS)
        tension_pairs(s, report, &e->tension, cause);
    if (e->class_tension)
        hv_class_tension_add(s, report, e->class_tension, cause);
    if (names & HV_EFFECT_SPONSORS)
        hv_politics_apply(s, report, e, cause);
    if (names & HV_EFFECT_OTHER) {
        if (e->dust) {
            int32_t d =
                hv_clamp(s->dust + e->dust, rules->weather.dust_min, rules->weather.dust_max);
            hv_emit(report, s, HV_EV_DUST, cause, subject, -1, d - s->dust, d);
            s->dust = d;
        }
        if (e->price_pct)
            hv_market_shift(s, report, e->price_pct, cause, subject);
        if (e->mandate != HV_MANDATE_KEEP) {
            s->mandate = e->mandate == HV_MANDATE_MARS    ? HV_DEST_MARS + 1
                         : e->mandate == HV_MANDATE_EARTH ? HV_DEST_EARTH + 1
                                                          : 0;
            hv_emit(report, s, HV_EV_MANDATE, cause, subject, -1, 0, s->mandate);
        }
        if (e->break_type > 0) {
            int32_t candidates[HV_MAX_MODULES], n = 0;
            for (int32_t i = 0; i < s->module_count; i++)
                if (s->modules[i].type == e->break_type - 1 && hv_module_running(&s->modules[i]))
                    candidates[n++] = i;
            if (n > 0)
                hv_module_break(s, report,
                                &s->modules[candidates[hv_rng_below(&s->rng, (uint32_t)n)]],
                                e->break_weeks, cause);
        }
        for (int32_t i = 0; i < rules->asteroid_count && e->window_weeks > 0; i++)
            if (s->asteroids[i].stage == HV_STAGE_FAR)
                s->asteroids[i].window_close = s->turn + e->window_weeks;
    }
    if (names & HV_EFFECT_FLAGS)
        hv_flags_change(s, report, e->set_flags, e->clear_flags, cause);
    if (names & HV_EFFECT_UNREST)
        hv_unrest_apply(s, report, e, cause);
    if (e->follow_event > 0)
        hv_story_schedule(s, report, e->follow_event - 1, e->follow_weeks, 0);
}
