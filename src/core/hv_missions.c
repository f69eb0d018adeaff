/* Phase 6 and the orders that start missions: survey probes, capture
 * crews and their redirects, mining in Mars or Earth orbit; and iridium
 * exports, sold in phase 7. */
#include <stddef.h>

#include "hv_phase.h"
#include "hv_turn.h"

int hv_asteroid_window_open(const hv_state *s, int32_t index, int32_t week)
{
    const hv_asteroid *a = &s->rules->asteroids[index];
    if (s->asteroids[index].window_close >= week)
        return 1; /* an event opened one */
    if (a->window_open == 0 && a->window_close == 0)
        return 1;
    return week >= a->window_open && week <= a->window_close;
}

static hv_reject launch_checks(const hv_state *s, int32_t target, int64_t fuel)
{
    if (target < 0 || target >= s->rules->asteroid_count)
        return HV_REJECT_BAD_VALUE;
    if (s->asteroids[target].stage != HV_STAGE_FAR)
        return HV_REJECT_BUSY;
    if (hv_state_running_bonus(s, offsetof(hv_module_type, spaceport)) <= 0)
        return HV_REJECT_NO_SPACEPORT;
    if (s->stock[HV_RES_FUEL] < fuel)
        return HV_REJECT_CANNOT_AFFORD;
    return HV_REJECT_NONE;
}

hv_reject hv_order_survey(hv_state *s, hv_report *report, const hv_order *o)
{
    const hv_missions *rules = &s->rules->missions;
    int64_t fuel = hv_survey_fuel(s->rules);
    hv_reject why = launch_checks(s, o->target, fuel);
    if (why != HV_REJECT_NONE)
        return why;
    if (s->asteroids[o->target].surveyed)
        return HV_REJECT_BUSY;
    hv_change_stock(s, report, HV_RES_FUEL, -fuel, HV_CAUSE_MISSION, o->target);
    hv_asteroid_state *a = &s->asteroids[o->target];
    a->stage = HV_STAGE_SURVEYING;
    a->weeks_left = rules->survey_weeks;
    hv_emit(report, s, HV_EV_MISSION, HV_CAUSE_ORDER, o->target, -1, HV_RESULT_NONE, a->stage);
    return HV_REJECT_NONE;
}

int32_t hv_capture_odds(const hv_state *s, int32_t target, const hv_person *pilot,
                        const hv_person *engineer)
{
    return hv_capture_crew_odds(s, hv_capture_rock_odds(s, target), pilot, engineer);
}

int32_t hv_capture_rock_odds(const hv_state *s, int32_t target)
{
    const hv_rules *rules = s->rules;
    const hv_missions *m = &rules->missions;
    hv_effect policy;
    hv_policy_total(s, &policy);
    int32_t odds = m->base_odds - m->risk_odds * rules->asteroids[target].risk;
    if (!s->asteroids[target].surveyed)
        odds -= m->unsurveyed_odds;
    int64_t equipment = hv_state_running_bonus(s, offsetof(hv_module_type, spaceport)) - 1;
    odds += (int32_t)(equipment > 200 ? 200 : equipment);
    return odds + policy.capture_pm;
}

int32_t hv_capture_crew_odds(const hv_state *s, int32_t rock, const hv_person *pilot,
                             const hv_person *engineer)
{
    const hv_rules *rules = s->rules;
    const hv_missions *m = &rules->missions;
    int32_t odds = rock + m->skill_odds * (pilot->skill - 3 + engineer->skill - 3);
    /* Two crew who distrust each other's nations fly worse, or sabotage. */
    int32_t t = s->tension[pilot->faction][engineer->faction];
    if (t > rules->society.incident_at)
        odds -= m->tension_odds * (t - rules->society.incident_at);
    const hv_trait *tp = hv_person_trait(s, pilot), *te = hv_person_trait(s, engineer);
    odds += (tp ? tp->capture_pm : 0) + (te ? te->capture_pm : 0);
    return hv_clamp(odds, 50, 950);
}

hv_reject hv_order_capture(hv_state *s, hv_report *report, const hv_order *o)
{
    const hv_rules *rules = s->rules;
    if (o->target < 0 || o->target >= rules->asteroid_count)
        return HV_REJECT_BAD_VALUE;
    int64_t fuel = hv_capture_fuel(rules, o->target);
    hv_reject why = launch_checks(s, o->target, fuel);
    if (why != HV_REJECT_NONE)
        return why;
    if (!hv_asteroid_window_open(s, o->target, s->turn))
        return HV_REJECT_WINDOW_CLOSED;
    hv_person *pilot = hv_state_person(s, o->person);
    hv_person *engineer = hv_state_person(s, o->person2);
    if (!pilot || !engineer)
        return HV_REJECT_NO_PERSON;
    if (o->value < 0 || o->value >= HV_DEST_COUNT)
        return HV_REJECT_BAD_VALUE;
    /* Against the board's mandate only a redirect on the way will do. */
    if (s->mandate && o->value != s->mandate - 1)
        return HV_REJECT_MANDATE;
    if (pilot == engineer || pilot->away || engineer->away || !rules->roles[pilot->role].pilot ||
        !rules->roles[engineer->role].engineer)
        return HV_REJECT_CREW;
    hv_asteroid_state *a = &s->asteroids[o->target];
    a->odds = hv_capture_odds(s, o->target, pilot, engineer);
    hv_change_stock(s, report, HV_RES_FUEL, -fuel, HV_CAUSE_MISSION, o->target);
    hv_unassign(s, pilot);
    hv_unassign(s, engineer);
    pilot->away = engineer->away = o->target + 1;
    hv_kept_free(s, pilot);
    hv_kept_free(s, engineer);
    a->pilot = pilot->id;
    a->engineer = engineer->id;
    a->stage = HV_STAGE_CAPTURING;
    a->dest = o->value;
    a->hijack = 0;
    a->weeks_left = rules->asteroids[o->target].transfer_weeks;
    hv_emit(report, s, HV_EV_MISSION, HV_CAUSE_ORDER, o->target, -1, HV_RESULT_NONE, a->stage);
    return HV_REJECT_NONE;
}

hv_reject hv_order_export(hv_state *s, hv_report *report, const hv_order *o)
{
    if (o->value <= 0)
        return HV_REJECT_BAD_VALUE;
    if (s->stock[HV_RES_IRIDIUM] < o->value)
        return HV_REJECT_CANNOT_AFFORD;
    if (s->shipment_count >= HV_MAX_SHIPMENTS)
        return HV_REJECT_BUSY;
    hv_change_stock(s, report, HV_RES_IRIDIUM, -o->value, HV_CAUSE_MARKET, -1);
    hv_shipment *sh = &s->shipments[s->shipment_count++];
    sh->amount = o->value;
    sh->weeks_left = s->rules->market.ship_weeks > 0 ? s->rules->market.ship_weeks : 1;
    return HV_REJECT_NONE;
}

hv_reject hv_order_redirect(hv_state *s, hv_report *report, const hv_order *o)
{
    (void)report;
    if (o->target < 0 || o->target >= s->rules->asteroid_count)
        return HV_REJECT_BAD_VALUE;
    hv_asteroid_state *a = &s->asteroids[o->target];
    if (a->stage != HV_STAGE_CAPTURING)
        return HV_REJECT_NOT_IN_TRANSIT;
    a->dest = a->dest == HV_DEST_EARTH ? HV_DEST_MARS : HV_DEST_EARTH;
    /* Once found out it stays found out; turning back undoes an unseen one. */
    if (a->hijack != 2)
        a->hijack = s->mandate && a->dest != s->mandate - 1;
    return HV_REJECT_NONE;
}

/* A redirect against the mandate came to light: content decides the rest
 * through the rules' flag and event. */
static void found_out(hv_state *s, hv_report *report, int32_t index)
{
    const hv_missions *m = &s->rules->missions;
    hv_asteroid_state *a = &s->asteroids[index];
    a->hijack = 2;
    hv_emit(report, s, HV_EV_HIJACK, HV_CAUSE_MISSION, index, -1, 0, a->dest);
    if (m->hijack_flag > 0)
        hv_flags_change(s, report, 1u << (m->hijack_flag - 1), 0, HV_CAUSE_MISSION);
    if (m->found_out_event > 0)
        hv_event_fire(s, report, m->found_out_event - 1, HV_CAUSE_EVENT);
}

static void crew_returns(hv_state *s, int32_t id)
{
    hv_person *p = hv_state_person(s, id);
    if (p) {
        p->away = 0;
        hv_kept_free(s, p);
    }
}

static void capture_arrives(hv_state *s, hv_report *report, int32_t index)
{
    hv_asteroid_state *a = &s->asteroids[index];
    /* Both draws every time, so the stream does not depend on the outcome. */
    int32_t roll = (int32_t)hv_rng_below(&s->rng, 1000);
    int32_t loss = (int32_t)hv_rng_below(&s->rng, 1000);
    if (roll < a->odds) {
        int earth = a->dest == HV_DEST_EARTH;
        a->stage = earth ? HV_STAGE_EARTH : HV_STAGE_ORBIT;
        a->result = HV_RESULT_CAPTURED;
        s->captured++;
        if (earth)
            s->to_earth++;
        else
            s->to_mars++;
        hv_politics_rock(s, report, earth);
        crew_returns(s, a->pilot);
        crew_returns(s, a->engineer);
    } else {
        a->stage = HV_STAGE_LOST;
        a->result = HV_RESULT_FAILED;
        int dead = loss < s->rules->missions.crew_loss;
        hv_person *crew[2] = {hv_state_person(s, a->pilot), hv_state_person(s, a->engineer)};
        for (int i = 0; i < 2; i++) {
            if (!crew[i])
                continue;
            crew[i]->away = 0;
            hv_kept_free(s, crew[i]);
            if (dead)
                crew[i]->health = 0;
        }
    }
    hv_emit(report, s, HV_EV_MISSION, HV_CAUSE_MISSION, index, -1, a->result, a->stage);
}

static void mine(hv_state *s, hv_report *report, int32_t index)
{
    hv_asteroid_state *a = &s->asteroids[index];
    int64_t total = 0;
    uint32_t held = 0; /* a resource the rock has none of yields none: skipped */
    for (int r = 0; r < HV_RES_COUNT; r++) {
        total += a->left[r];
        held |= (uint32_t)(a->left[r] != 0) << r;
    }
    int64_t rate = s->rules->asteroids[index].mine_rate;
    int earth = a->stage == HV_STAGE_EARTH;
    int64_t taken = 0; /* what is left after is the total less what was taken */
    for (uint32_t bits = total > 0 ? held : 0; bits; bits &= bits - 1) {
        int r = __builtin_ctz(bits);
        int64_t take = total <= rate ? a->left[r] : a->left[r] * rate / total;
        a->left[r] -= take;
        taken += take;
        /* In Earth orbit the iridium is sold as it comes; the rest stays on Earth. */
        if (!earth) {
            s->week_mined += take;
            hv_change_stock(s, report, r, take, HV_CAUSE_MISSION, index);
        } else if (r == HV_RES_IRIDIUM) {
            hv_market_sell(s, report, take, s->rules->missions.earth_share, HV_CAUSE_MISSION,
                           index);
        }
    }
    if (total - taken == 0) {
        a->stage = HV_STAGE_SPENT;
        hv_emit(report, s, HV_EV_MISSION, HV_CAUSE_MISSION, index, -1, HV_RESULT_NONE, a->stage);
    }
}

void hv_phase_missions(hv_state *s, hv_report *report)
{
    int arrived = 0; /* only a capture's crew can die here */
    for (int32_t i = 0; i < s->rules->asteroid_count; i++) {
        hv_asteroid_state *a = &s->asteroids[i];
        switch (a->stage) {
        case HV_STAGE_SURVEYING:
            if (--a->weeks_left > 0)
                break;
            a->stage = HV_STAGE_FAR;
            a->surveyed = 1;
            a->result = HV_RESULT_SURVEYED;
            hv_emit(report, s, HV_EV_MISSION, HV_CAUSE_MISSION, i, -1, a->result, a->stage);
            break;
        case HV_STAGE_CAPTURING: {
            /* Drawn every week in transit, hijack or not, to keep the stream stable. */
            int32_t roll = (int32_t)hv_rng_below(&s->rng, 1000);
            if (a->hijack == 1 && roll < s->rules->missions.found_out)
                found_out(s, report, i);
            if (--a->weeks_left > 0)
                break;
            capture_arrives(s, report, i);
            arrived = 1;
            break;
        }
        case HV_STAGE_ORBIT:
        case HV_STAGE_EARTH:
            mine(s, report, i);
            break;
        default:
            break;
        }
    }
    if (arrived)
        hv_remove_dead(s, report, HV_CAUSE_MISSION, -1);
}
