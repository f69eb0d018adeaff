#include <string.h>

#include "hv_rules.h" /* and with it hv_derived.h */
#include "hv_turn.h"

/* The bots' block: masks of module types and roles, and the bands of the
 * sponsors' mood. */
static void derive_bots(const hv_rules *rules, hv_rules_derived *d)
{
    d->bot_last_week = hv_rules_last_week(rules);
    for (int32_t i = 0; i < rules->supply_count && i < HV_MAX_SUPPLY; i++)
        for (int r = 0; r < HV_RES_COUNT; r++)
            d->bot_supplied |= (uint32_t)(rules->supply[i].cargo[r] > 0) << r;
    for (int32_t t = 0; t < rules->module_type_count && t < HV_MAX_MODULE_TYPES; t++) {
        const hv_module_type *mt = &rules->module_types[t];
        d->bot_power |= (uint32_t)(mt->power > 0) << t;
        d->bot_draws |= (uint32_t)(mt->power < 0) << t;
        d->bot_plain |= (uint32_t)(mt->output[HV_RES_IRIDIUM] <= 0 && mt->spaceport <= 0 &&
                                   mt->medical <= 0 && mt->security <= 0 && mt->recreation <= 0)
                        << t;
        d->bot_crew_slots[t] = mt->crew_slots;
        d->bot_crewless |= (uint32_t)(mt->crew_slots == 0) << t;
        d->bot_housing |= (uint32_t)(mt->housing > 0) << t;
        d->bot_refines |= (uint32_t)(mt->input[HV_RES_ORE] > 0 && mt->output[HV_RES_IRIDIUM] > 0)
                          << t;
        for (int r = 0; r < HV_RES_COUNT; r++) {
            d->bot_outputs[r] |= (uint32_t)(mt->output[r] > 0) << t;
            d->bot_made[t][r] = mt->output[r] - mt->input[r];
        }
        if (mt->cost[HV_RES_MATERIALS] > d->bot_materials)
            d->bot_materials = mt->cost[HV_RES_MATERIALS];
    }
    d->bot_survey_fuel = hv_survey_fuel(rules);
    for (int32_t i = 0; i < rules->asteroid_count && i < HV_MAX_ASTEROIDS; i++)
        d->bot_capture_fuel[i] = hv_capture_fuel(rules, i);
    for (int32_t p = 0; p < rules->policy_count && p < HV_MAX_POLICIES; p++)
        for (int32_t o = 0; o < rules->policies[p].option_count && o < HV_MAX_OPTIONS; o++) {
            const hv_effect *e = &rules->policies[p].options[o].effect;
            for (int32_t f = 0; f < HV_MAX_FACTIONS; f++)
                d->bot_factions[p][o] |= (uint16_t)((e->satisfaction.by[f] != 0) << f);
            d->bot_ration[p][o] = e->ration_pct;
            d->bot_rations |= (uint32_t)(e->ration_pct != 0) << p;
            int32_t gap = e->morale_staff - e->morale_workers;
            d->bot_class_delta[p][o] = e->class_tension + gap * rules->society.gap_tension / 10;
            d->bot_terms[p][o] =
                (uint8_t)((d->options[p][o] & HV_OPTION_RESOURCES ? HV_BOT_TERM_RESOURCES : 0) |
                          (e->output_pct || e->ration_pct || e->pay_pct ? HV_BOT_TERM_PERCENT : 0) |
                          (e->morale_staff || e->morale_workers ? HV_BOT_TERM_MORALE : 0) |
                          (d->bot_class_delta[p][o] ? HV_BOT_TERM_CLASS : 0) |
                          (e->tension.all || d->options[p][o] & HV_OPTION_PAIRS
                               ? HV_BOT_TERM_TENSION
                               : 0) |
                          (e->satisfaction.all || d->bot_factions[p][o] ? HV_BOT_TERM_SPONSORS
                                                                        : 0) |
                          (e->incident_pct || e->joint || e->capture_pm ? HV_BOT_TERM_RARE : 0));
        }
    for (int32_t k = 0; k < rules->sponsor_count && k < HV_MAX_SPONSORS; k++) {
        const hv_sponsor *sp = &rules->sponsors[k];
        d->bot_funding += sp->funding;
        d->bot_point[k] = sp->funding * 100 / 200;
        d->bot_agenda_pay[k] = sp->agenda.pay;
        d->bot_pays |= (uint32_t)(sp->agenda.pay != 0) << k;
        d->bot_sponsor_faction[k] = sp->faction;
    }
    for (int32_t i = 0; i < rules->win_count && i < HV_MAX_GOALS; i++) {
        const hv_goal *g = &rules->win[i];
        d->bot_sat_goals |= (uint32_t)(g->kind == HV_GOAL_SATISFACTION_AT_LEAST) << i;
        if (g->kind == HV_GOAL_RESOURCE_AT_LEAST && g->resource >= 0 &&
            g->resource < HV_RES_COUNT && g->amount > d->bot_keep[g->resource])
            d->bot_keep[g->resource] = g->amount;
    }
    for (int r = 0; r < HV_RES_COUNT; r++)
        d->bot_needs |= (uint32_t)(rules->life.need[r] != 0) << r;
    for (int32_t p = 0; p < rules->policy_count && p < HV_MAX_POLICIES; p++) {
        d->bot_locked |= (uint32_t)(rules->policies[p].locked != 0) << p;
        d->bot_cooldown[p] = rules->policies[p].cooldown;
    }
    for (int32_t t = 0; t < rules->module_type_count && t < HV_MAX_MODULE_TYPES; t++) {
        const hv_module_type *mt = &rules->module_types[t];
        for (int r = 0; r < HV_RES_COUNT; r++) {
            d->bot_gains[r] |= (uint32_t)(d->bot_made[t][r] > 0) << t;
            if (d->bot_made[t][r] > d->bot_most[r])
                d->bot_most[r] = d->bot_made[t][r];
        }
        d->bot_iridium |= (uint32_t)(mt->output[HV_RES_IRIDIUM] > 0) << t;
        d->bot_port |= (uint32_t)(mt->spaceport > 0) << t;
        d->bot_medical |= (uint32_t)(mt->medical > 0) << t;
        d->bot_security |= (uint32_t)(mt->security > 0) << t;
        d->bot_recreation |= (uint32_t)(mt->recreation > 0) << t;
    }
    for (int32_t p = 0; p < rules->policy_count && p < HV_MAX_POLICIES; p++)
        for (int32_t o = 0; o < rules->policies[p].option_count && o < HV_MAX_OPTIONS; o++)
            for (int r = 0; r < HV_RES_COUNT; r++)
                d->bot_resources[p][o] |=
                    (uint8_t)((rules->policies[p].options[o].effect.resources[r] != 0) << r);
    for (int r = 0; r < HV_RES_COUNT; r++)
        d->bot_kept |= (uint32_t)(d->bot_keep[r] > 0) << r;
    enum { LOW = -HV_BOT_MOOD_SPAN, HIGH = 100 + HV_BOT_MOOD_SPAN };
    int32_t mood[HIGH - LOW + 1];
    for (int32_t x = LOW; x <= HIGH; x++)
        mood[x - LOW] = hv_sponsor_mood(x);
    for (int32_t m = 0; m <= 100; m++) {
        int32_t lo = m, hi = m;
        while (lo > LOW && mood[lo - 1 - LOW] == mood[m - LOW])
            lo--;
        while (hi < HIGH && mood[hi + 1 - LOW] == mood[m - LOW])
            hi++;
        d->bot_mood_lo[m] = (int16_t)lo;
        d->bot_mood_hi[m] = (int16_t)hi;
    }
}

uint32_t hv_effect_names(const hv_effect *e)
{
    static const int8_t none[HV_MAX_FACTIONS][HV_MAX_FACTIONS];
    static const int16_t nobody[HV_MAX_FACTIONS];
    static const int64_t nothing[HV_RES_COUNT];
    uint32_t n = 0;
    if (memcmp(e->resources, nothing, sizeof nothing))
        n |= HV_EFFECT_RESOURCES;
    if (e->morale_workers || e->morale_staff || e->health)
        n |= HV_EFFECT_PEOPLE;
    if (e->tension.all || memcmp(e->tension.by, none, sizeof none))
        n |= HV_EFFECT_PAIRS;
    if (e->class_tension)
        n |= HV_EFFECT_CLASS;
    if (e->satisfaction.all || e->funding_pct.all ||
        memcmp(e->satisfaction.by, nobody, sizeof nobody) ||
        memcmp(e->funding_pct.by, nobody, sizeof nobody) || (e->partner[0] && e->partner[1]) ||
        (e->split[0] && e->split[1]) || e->motion.set)
        n |= HV_EFFECT_SPONSORS;
    if (e->set_flags || e->clear_flags)
        n |= HV_EFFECT_FLAGS;
    if (e->strike_weeks > 0 || e->sabotage_weeks > 0 || e->injure > 0 || e->defect || e->loyalty)
        n |= HV_EFFECT_UNREST;
    if (e->dust || e->price_pct || e->mandate != HV_MANDATE_KEEP || e->break_type > 0 ||
        e->window_weeks > 0 || e->follow_event > 0)
        n |= HV_EFFECT_OTHER;
    return n;
}

/* The effects' block: what each event's effects name, each option's figures. */
static void derive_effects(const hv_rules *rules, hv_rules_derived *d)
{
    for (int32_t i = 0; i < rules->event_count && i < HV_MAX_EVENTS; i++) {
        const hv_event_def *ev = &rules->events[i];
        d->effect_names[i][0] = hv_effect_names(&ev->effect);
        for (int32_t c = 0; c < HV_MAX_CHOICES; c++)
            d->effect_names[i][1 + c] = hv_effect_names(&ev->choices[c].effect);
    }
    for (int32_t p = 0; p < rules->policy_count && p < HV_MAX_POLICIES; p++)
        for (int32_t o = 0; o < rules->policies[p].option_count && o < HV_MAX_OPTIONS; o++) {
            const hv_effect *e = &rules->policies[p].options[o].effect;
            int32_t *f = d->option_figures[p][o];
            f[HV_FIGURE_STAFF] = e->morale_staff;
            f[HV_FIGURE_WORKERS] = e->morale_workers;
            f[HV_FIGURE_PAIRS] = e->tension.all;
            f[HV_FIGURE_CLASS] = e->class_tension;
            f[HV_FIGURE_SPONSORS] = e->satisfaction.all;
            f[HV_FIGURE_OUTPUT] = e->output_pct;
            f[HV_FIGURE_RATION] = e->ration_pct;
            f[HV_FIGURE_PAY] = e->pay_pct;
            f[HV_FIGURE_INCIDENT] = e->incident_pct;
            f[HV_FIGURE_CAPTURE] = e->capture_pm;
            d->option_joint[p][o] = e->joint;
        }
    for (int32_t t = 0; t < rules->module_type_count && t < HV_MAX_MODULE_TYPES; t++) {
        d->type_strain[t] = rules->module_types[t].strain;
        d->type_hazard[t] = rules->module_types[t].hazard > 0 ? rules->module_types[t].hazard : 0;
    }
    for (int32_t r = 0; r < rules->role_count && r < HV_MAX_ROLES; r++)
        d->role_worker[r] = (uint8_t)(rules->roles[r].klass == HV_CLASS_WORKER);
    for (int32_t k = 0; k < rules->sponsor_count && k < HV_MAX_SPONSORS; k++) {
        const hv_agenda *ag = &rules->sponsors[k].agenda;
        d->agendas |= (uint32_t)(ag->exports || ag->mining || ag->pay || ag->incidents ||
                                 ag->workers || ag->tension)
                      << k;
    }
}

/* The block of the story, goals and economy: the pool's masks and rows
 * (event_checks and pool filled first), the lose goals' masks, pay and
 * the resources policies and ships move. */
static void derive_story_economy(const hv_rules *rules, hv_rules_derived *d)
{
    /* A weight of 0 or less stays so when the shared tag scales it. */
    int scales_up = rules->storyteller.same_tag_pct < 0;
    for (int32_t i = 0; i < rules->event_count && i < HV_MAX_EVENTS; i++) {
        const hv_event_def *ev = &rules->events[i];
        uint64_t bit = UINT64_C(1) << i;
        struct hv_story_row *row = &d->story[i];
        row->weight = ev->weight;
        row->calm_weight = ev->calm_weight;
        row->tension_weight = ev->tension_weight;
        row->cooldown = ev->cooldown;
        row->forecast = ev->forecast;
        row->text_count = ev->text_count > 0 ? ev->text_count : 1;
        row->tags = ev->tags;
        row->checks = d->event_checks[i];
        if (!(d->pool & bit))
            continue;
        int still = ev->weight <= 0 && ev->tension_weight == 0 && !scales_up;
        if (!still || ev->calm_weight > 0)
            d->story_live |= bit;
        if (still && ev->calm_weight > 0)
            d->story_still |= bit;
        if (ev->choice_count > 0)
            d->story_asks |= bit;
        if (ev->max_times > 0)
            d->story_limited |= bit;
        if (ev->min_week > 0) {
            d->story_early |= bit;
            if (ev->min_week > d->story_min_week)
                d->story_min_week = ev->min_week;
        }
    }
    const hv_storyteller *st = &rules->storyteller;
    int32_t base = st->chance >= 0 ? st->chance : rules->event_chance;
    d->story_chance = base <= 0 || rules->event_chance <= 0 ? 0 : base;
    for (int32_t i = 0; i < rules->lose_count && i < HV_MAX_GOALS; i++) {
        if (rules->lose[i].kind == HV_GOAL_TURN_REACHED)
            d->goal_deadlines |= 1u << i;
        else
            d->goal_disasters |= 1u << i;
    }
    for (int32_t i = 0; i < rules->role_count && i < HV_MAX_ROLES; i++)
        d->role_pay[i] = rules->roles[i].pay;
    for (int32_t p = 0; p < rules->policy_count && p < HV_MAX_POLICIES; p++)
        for (int32_t o = 0; o < rules->policies[p].option_count && o < HV_MAX_OPTIONS; o++)
            for (int r = 0; r < HV_RES_COUNT; r++)
                d->policy_resources |=
                    (uint32_t)(rules->policies[p].options[o].effect.resources[r] != 0) << r;
    for (int32_t i = 0; i < rules->supply_count && i < HV_MAX_SUPPLY; i++)
        for (int r = 0; r < HV_RES_COUNT; r++)
            d->supply_cargo[i] |= (uint32_t)(rules->supply[i].cargo[r] != 0) << r;
}

static void derive(const hv_rules *rules, hv_rules_derived *d)
{
    memset(d, 0, sizeof *d); /* no stray bytes: derived rules compare with memcmp */
    for (int32_t t = 0; t < rules->module_type_count && t < HV_MAX_MODULE_TYPES; t++) {
        const hv_module_type *mt = &rules->module_types[t];
        for (int r = 0; r < HV_RES_COUNT; r++) {
            d->uses[t] |= (uint8_t)((mt->input[r] != 0) << r);
            d->makes[t] |= (uint8_t)((mt->output[r] != 0) << r);
            d->nets[t] |= (uint8_t)((mt->output[r] != mt->input[r]) << r);
        }
        d->gives[t] = (uint8_t)(mt->housing || mt->medical || mt->recreation || mt->security);
        d->power_kind[t] =
            (uint8_t)((mt->power > 0 ? HV_POWER_MAKES : 0) | (mt->power < 0 ? HV_POWER_WANTS : 0) |
                      (mt->power >= 0 && mt->solar ? HV_POWER_SOLAR : 0) |
                      (d->gives[t] ? HV_POWER_GIVES : 0) |
                      (d->uses[t] | d->makes[t] ? HV_POWER_RECIPE : 0));
        for (int32_t crew = 0; crew <= HV_MAX_CREW; crew++) {
            d->staffing_pm[t][crew] =
                (int16_t)(mt->crew_slots <= 0 ? 1000 : crew * 1000 / mt->crew_slots);
            d->power_flow[t][crew] = hv_power_flow(mt->power, d->staffing_pm[t][crew]);
        }
    }
    static const int8_t none[HV_MAX_FACTIONS][HV_MAX_FACTIONS];
    static const int16_t nobody[HV_MAX_FACTIONS];
    static const int64_t nothing[HV_RES_COUNT];
    for (int32_t p = 0; p < rules->policy_count && p < HV_MAX_POLICIES; p++)
        for (int32_t o = 0; o < rules->policies[p].option_count && o < HV_MAX_OPTIONS; o++) {
            const hv_effect *e = &rules->policies[p].options[o].effect;
            int figures = e->morale_staff || e->morale_workers || e->tension.all ||
                          e->class_tension || e->satisfaction.all || e->output_pct ||
                          e->ration_pct || e->pay_pct || e->incident_pct || e->capture_pm ||
                          e->joint;
            d->options[p][o] =
                (uint8_t)((figures ? HV_OPTION_FIGURES : 0) |
                          (memcmp(e->tension.by, none, sizeof none) ? HV_OPTION_PAIRS : 0) |
                          (memcmp(e->satisfaction.by, nobody, sizeof nobody) ? HV_OPTION_SPONSORS
                                                                             : 0) |
                          (memcmp(e->resources, nothing, sizeof nothing) ? HV_OPTION_RESOURCES
                                                                         : 0));
        }
    for (int32_t i = 0; i < rules->event_count && i < HV_MAX_EVENTS; i++) {
        const hv_event_def *ev = &rules->events[i];
        d->event_checks[i] = (uint16_t)hv_trigger_checks(&ev->trigger);
        if (ev->scripted)
            d->scripted |= UINT64_C(1) << i;
        else if (ev->unrest_at <= 0)
            d->pool |= UINT64_C(1) << i;
        if (ev->unrest_at > 0)
            d->rungs |= UINT64_C(1) << i;
    }
    derive_story_economy(rules, d);
    for (int32_t r = 0; r < rules->role_count && r < HV_MAX_ROLES; r++)
        d->worker_roles |= (uint32_t)(rules->roles[r].klass == HV_CLASS_WORKER) << r;
    for (int32_t t = 0; t < rules->trait_count && t < HV_MAX_TRAITS; t++) {
        d->trait_morale[t + 1] = rules->traits[t].morale;
        d->trait_loyalty[t + 1] = rules->traits[t].loyalty;
        d->trait_strain_pct[t + 1] = rules->traits[t].strain_pct;
        d->trait_output_pct[t + 1] = rules->traits[t].output_pct;
    }
    for (int32_t n = 1; n <= HV_HEADS; n++)
        d->reciprocal[n] = (UINT64_C(1) << 32) / (uint64_t)n + 1;
    for (int32_t gap = -100; gap <= 100; gap++)
        d->morale_step[gap + 100] = (int8_t)(gap / 4 ? gap / 4 : (gap > 0) - (gap < 0));
    for (int32_t mean = 0; mean <= 100; mean++)
        d->sponsor_mood[mean] = (int8_t)hv_sponsor_mood(mean);
    derive_bots(rules, d);
    derive_effects(rules, d);
    d->ready = 1;
}

void hv_rules_derive(hv_rules *rules)
{
    derive(rules, &rules->derived);
}

const hv_rules_derived *hv_rules_derived_of(const hv_rules *rules, hv_rules_derived *scratch)
{
    if (rules->derived.ready)
        return &rules->derived;
    derive(rules, scratch);
    return scratch;
}

int hv_rules_check_derived(const hv_rules *rules)
{
    if (!rules->derived.ready)
        return 0;
    hv_rules_derived fresh;
    derive(rules, &fresh);
    return memcmp(&fresh, &rules->derived, sizeof fresh) == 0 ? 0 : -1;
}
