/* hv_phase: helpers the turn phases share (hv_turn.c, hv_apply.c,
 * hv_society.c, hv_missions.c, hv_events.c). Internal to hv_core. */
#ifndef HV_PHASE_H
#define HV_PHASE_H

#include "hv_event.h"
#include "hv_state.h"

/* Appends an event to REPORT (NULL ignores it). */
void hv_emit(hv_report *report, const hv_state *s, hv_event_kind kind, hv_cause cause,
             int32_t subject, int32_t resource, int64_t amount, int64_t value);
/* Changes a stock and reports it with its cause. */
void hv_change_stock(hv_state *s, hv_report *report, int resource, int64_t amount, hv_cause cause,
                     int32_t subject);
/* Takes P off the module it works in. */
void hv_unassign(hv_state *s, hv_person *p);
/* Removes everyone whose health reached 0, reporting each death with CAUSE. */
void hv_remove_dead(hv_state *s, hv_report *report, hv_cause cause, int32_t resource);
/* Removes person at INDEX from the base without a death (defection). */
void hv_remove_person(hv_state *s, int32_t index);
/* A module that is built and not broken. */
int hv_module_running(const hv_module *m);
/* The sum of the effects of every policy option in force. */
void hv_policy_total(const hv_state *s, hv_effect *out);
/* Applies a one-off effect (an event or a choice). */
void hv_effect_apply(hv_state *s, hv_report *report, const hv_effect *e, hv_cause cause,
                     int32_t subject);
/* Adds DELTA to the tension between factions A and B, clamped, reported with CAUSE. */
void hv_tension_add(hv_state *s, hv_report *report, int32_t a, int32_t b, int32_t delta,
                    hv_cause cause);
/* Adds DELTA to the class tension, clamped, reported with CAUSE. */
void hv_class_tension_add(hv_state *s, hv_report *report, int32_t delta, hv_cause cause);
/* Adds DELTA to sponsor I's satisfaction, clamped, reported with CAUSE. */
void hv_satisfaction_add(hv_state *s, hv_report *report, int32_t i, int32_t delta, hv_cause cause);
/* Bit per faction with someone at the base. */
uint32_t hv_factions_present(const hv_state *s);
/* Clamps V into LO..HI. */
static inline int32_t hv_clamp(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* The storyteller (hv_story.c). */
/* Fires event INDEX now: its effect, its text in turn, a question if it asks one. */
void hv_story_fire(hv_state *s, hv_report *report, int32_t index);
/* Whether event INDEX may fire now (repeat limit, one question at a time). */
int hv_story_may_fire(const hv_state *s, int32_t index);
/* Promises event INDEX in WEEKS weeks, as a forecast or a follow-up. */
void hv_story_schedule(hv_state *s, hv_report *report, int32_t index, int32_t weeks, int forecast);
/* Fires the promised events that are due. */
void hv_story_due(hv_state *s, hv_report *report);
/* Perhaps draws one event from the pool, with the week's two draws. */
void hv_story_draw(hv_state *s, hv_report *report, int32_t roll, uint32_t pick);

/* Orders that belong to other phases' modules; each returns a rejection reason. */
hv_reject hv_order_policy(hv_state *s, hv_report *report, const hv_order *o);
hv_reject hv_order_survey(hv_state *s, hv_report *report, const hv_order *o);
hv_reject hv_order_capture(hv_state *s, hv_report *report, const hv_order *o);
hv_reject hv_order_export(hv_state *s, hv_report *report, const hv_order *o);
hv_reject hv_order_answer(hv_state *s, hv_report *report, const hv_order *o);

#endif
