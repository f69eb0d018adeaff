/* hv_turn: the one function that ends a turn, and its phases in the order
 * the design fixes. Each phase is exposed so tests can drive it alone. */
#ifndef HV_TURN_H
#define HV_TURN_H

#include <stddef.h>

#include "hv_event.h"
#include "hv_state.h"

/* What hv_end_turn did. */
typedef enum hv_turn_result {
    HV_TURN_DONE = 0,    /* the week was played */
    HV_TURN_WAITING = 1, /* an event waits for an answer order; nothing changed */
    HV_TURN_OVER = -1    /* the game had already ended; nothing changed */
} hv_turn_result;

/* Resolves one week: applies queued orders, then every phase, then checks
 * goals. REPORT may be NULL. */
hv_turn_result hv_end_turn(hv_state *state, hv_report *report);

/* 1. Applies and clears the queued orders. */
void hv_phase_orders(hv_state *state, hv_report *report);
/* The state the next week starts from once STATE's queued orders apply
 * (they apply first, before anything else moves), in OUT. */
void hv_state_after_orders(const hv_state *state, hv_state *out);
/* Whether ORDER would be accepted if it were queued now, after the orders
 * already queued: HV_REJECT_NONE or the reason the week would give.
 * SCRATCH is a state to work in (a state is large). */
hv_reject hv_order_check(const hv_state *state, const hv_order *order, hv_state *scratch);
/* 2. Balances power; sheds modules by priority on a deficit. */
void hv_phase_power(hv_state *state, hv_report *report);
/* 3. Runs the recipes of powered, staffed modules, scaled by crew skill and morale. */
void hv_phase_production(hv_state *state, hv_report *report);
/* 4. Feeds, waters and gives air to everyone; shortages hurt and kill. */
void hv_phase_life_support(hv_state *state, hv_report *report);
/* 5. Advances construction and repairs. */
void hv_phase_construction(hv_state *state, hv_report *report);
/* 6. Probes and crews travel, captures succeed or fail, asteroids in orbit are mined. */
void hv_phase_missions(hv_state *state, hv_report *report);
/* 7. Sponsor funding, upkeep, wages, policy costs, supply ships, iridium sales. */
void hv_phase_economy(hv_state *state, hv_report *report);
/* 8. Morale, tension, incidents, riots in the making, sponsors' satisfaction. */
void hv_phase_society(hv_state *state, hv_report *report);
/* 9. The week's dust, then scripted events, then one random event perhaps. */
void hv_phase_events(hv_state *state, hv_report *report);
/* 10. Win and lose conditions. */
void hv_phase_goals(hv_state *state, hv_report *report);

/* Share of MODULE's crew slots filled, per mille (power use scales with it). */
int32_t hv_module_staffing_pm(const hv_state *state, const hv_module *module);
/* What one person adds to a module's output, per mille of a full slot. */
int32_t hv_person_output_pm(const hv_person *person);
/* Per mille of its recipe MODULE's crew would run it at this week, as
 * production scales it before counting inputs: its people's work (skill,
 * morale, strikes, traits) over its slots, with policies and partners;
 * 1000 for a module without crew slots. Inputs and power may still cut it. */
int32_t hv_module_crew_pm(const hv_state *state, const hv_module *module);
/* What PERSON adds to the module they staff, per mille of its full output,
 * before policies and partners (0 when they staff none). A person's role
 * does not change it: any role fills any slot. */
int32_t hv_person_module_pm(const hv_state *state, const hv_person *person);
/* Sum of an int32_t bonus field of hv_module_type (at OFFSET) over running, powered modules. */
int64_t hv_state_running_bonus(const hv_state *state, size_t offset);
/* Whether scripted trigger T holds now. */
int hv_trigger_holds(const hv_state *state, const hv_trigger *t);
/* The conditions a trigger may set, by their bit in hv_trigger_checks. */
enum {
    HV_CHECK_WEEK,
    HV_CHECK_BELOW,
    HV_CHECK_ABOVE,
    HV_CHECK_TENSION_ABOVE,
    HV_CHECK_CLASS_ABOVE,
    HV_CHECK_FLAG,
    HV_CHECK_TRAIT,
    HV_CHECK_ASTEROID,
    HV_CHECK_FLAG_CLEAR,
    HV_CHECK_TENSION_BELOW,
    HV_CHECK_ANSWERED,
    HV_CHECK_MODULE,
    HV_CHECK_POLICY
};
/* A bit per condition trigger T sets (the rules' derived data keeps each
 * event's): most triggers set one or two of a dozen. */
uint32_t hv_trigger_checks(const hv_trigger *t);
/* hv_trigger_holds for triggers read against one unchanging state, with
 * T's CHECKS (hv_trigger_checks): *NATION_TENSION keeps
 * hv_state_nation_tension once a trigger asks for it (-1 until then), as
 * counting it walks the people. */
int hv_trigger_holds_at(const hv_state *state, const hv_trigger *t, uint32_t checks,
                        int32_t *nation_tension);
/* Event INDEX's weight in the pool this week, after tension, calm and tags. */
int32_t hv_story_weight(const hv_state *state, int32_t index);
/* Whether win or lose goal G holds in STATE now (a deadline: its week is reached). */
int hv_goal_holds(const hv_state *state, const hv_goal *g);
/* What goal G measures in STATE now, with the figure it holds at in
 * *TARGET: a stock and its amount, a week and the deadline, a flag (0 or
 * 1) and 1. Whether it holds is still hv_goal_holds. */
int64_t hv_goal_measure(const hv_state *state, const hv_goal *g, int64_t *target);
/* Whether asteroid INDEX can be launched at in WEEK. */
int hv_asteroid_window_open(const hv_state *state, int32_t index, int32_t week);
/* Capture success per mille for this crew, as it would be fixed at launch. */
int32_t hv_capture_odds(const hv_state *state, int32_t asteroid, const hv_person *pilot,
                        const hv_person *engineer);
/* The part of hv_capture_odds any crew of ASTEROID shares (the rock, the
 * spaceports, policies), unclamped: for weighing many crews at once. */
int32_t hv_capture_rock_odds(const hv_state *state, int32_t asteroid);
/* hv_capture_odds of this crew, from their rock's hv_capture_rock_odds. */
int32_t hv_capture_crew_odds(const hv_state *state, int32_t rock_odds, const hv_person *pilot,
                             const hv_person *engineer);
/* Iridium price in hundredths after AMOUNT were sold at once now. */
int64_t hv_market_price_after(const hv_state *state, int64_t amount);
/* Funds a sale of AMOUNT iridium at once would bring now, at SHARE_PCT of the price. */
int64_t hv_market_quote(const hv_state *state, int64_t amount, int32_t share_pct);

/* Power a module of type MT makes at full staffing in WEEK under today's
 * dust: solar arrays get the world's sunlight (`world.sunlight` percent)
 * less the dust, and nothing in a night week. */
int64_t hv_power_output(const hv_state *state, const hv_module_type *mt, int32_t week);

/* What sponsor K pays this week: its funding by satisfaction and by the
 * changes events made to it. */
static inline int64_t hv_sponsor_funding(const hv_state *state, int32_t k)
{
    const hv_sponsor *sp = &state->rules->sponsors[k];
    /* Full funding at full satisfaction, half when they are fed up. */
    int64_t pay = sp->funding * (100 + state->satisfaction[k]) / 200;
    int32_t pct = state->funding_pct[k]; /* 0 unless an event changed it */
    return pct ? pay * (100 + pct) / 100 : pay;
}
/* The satisfaction a week that a nation whose people's mean morale is
 * MEAN writes home to its sponsor (-2..2). */
static inline int32_t hv_sponsor_mood(int64_t mean)
{
    int32_t mood = (int32_t)((mean - 60) / 10);
    return mood < -2 ? -2 : mood > 2 ? 2 : mood;
}
/* The sum of the effects of every policy option in force (percentages clamped as applied). */
void hv_policy_total(const hv_state *state, hv_effect *out);
/* The morale each person settles towards under POLICY as things stand
 * (shortages, tension, recreation, traits), into OUT[person_count]. */
void hv_morale_targets(const hv_state *state, const hv_effect *policy, int32_t *out);
/* Whether the board would pass motion M today (each sponsor's stance plus
 * its mood, weighed by what it pays). */
int hv_motion_passes(const hv_state *state, const hv_motion *m);
/* Per mille of the funding that takes a side on motion M today that backs
 * it (0 when no sponsor takes a side), as the report logs a vote. */
int32_t hv_motion_share(const hv_state *state, const hv_motion *m);
/* How sponsor K leans on motion M today: its stance plus its mood (above
 * 0 for, below against, 0 abstains); M NULL gives the mood alone. */
int32_t hv_motion_lean(const hv_state *state, const hv_motion *m, int32_t k);

#endif
