/* Phase 9: the week's dust, then the level's scripted events, then perhaps
 * one event from the rules' random pool. An event with choices waits in
 * `pending` until an answer order comes; only one waits at a time. */
#include "hv_phase.h"
#include "hv_turn.h"

static void weather(hv_state *s, hv_report *report)
{
    const hv_weather *w = &s->rules->weather;
    /* Always draw, even in a still band, so every level uses the RNG alike. */
    int32_t swing = hv_rng_range(&s->rng, -w->dust_swing, w->dust_swing);
    int32_t dust = hv_clamp(s->dust + swing, w->dust_min, w->dust_max);
    if (dust != s->dust)
        hv_emit(report, s, HV_EV_DUST, HV_CAUSE_WEATHER, -1, -1, dust - s->dust, dust);
    s->dust = dust;
}

int hv_trigger_holds(const hv_state *s, const hv_trigger *t)
{
    if (t->week > 0 && s->turn < t->week)
        return 0;
    if (t->resource >= 0) {
        if (t->below_set && s->stock[t->resource] >= t->below)
            return 0;
        if (t->above_set && s->stock[t->resource] <= t->above)
            return 0;
    }
    if (t->tension_above >= 0 && hv_state_nation_tension(s) <= t->tension_above)
        return 0;
    if (t->class_above >= 0 && s->class_tension <= t->class_above)
        return 0;
    if (t->flag >= 0 && !((s->flags >> t->flag) & 1u))
        return 0;
    if (t->trait > 0) {
        int found = 0;
        for (int32_t i = 0; i < s->person_count && !found; i++)
            found = s->people[i].trait == t->trait;
        if (!found)
            return 0;
    }
    if (t->asteroid >= 0 && s->asteroids[t->asteroid].result != t->result)
        return 0;
    return 1;
}

static void fire(hv_state *s, hv_report *report, int32_t index, hv_cause cause)
{
    const hv_event_def *ev = &s->rules->events[index];
    s->event_last[index] = s->turn;
    int32_t actor = hv_unrest_actor(s, s->side[0]);
    if (ev->choice_count > 0)
        s->actor = actor; /* named by the question while it waits */
    hv_emit(report, s, HV_EV_EVENT, cause, index, -1, actor, -1);
    hv_effect_apply(s, report, &ev->effect, HV_CAUSE_EVENT, index);
    if (ev->choice_count > 0)
        s->pending = index;
}

static int may_fire(const hv_state *s, const hv_event_def *ev)
{
    return ev->choice_count == 0 || s->pending < 0;
}

void hv_event_fire(hv_state *s, hv_report *report, int32_t index, hv_cause cause)
{
    if (index >= 0 && index < s->rules->event_count && may_fire(s, &s->rules->events[index]))
        fire(s, report, index, cause);
}

void hv_phase_events(hv_state *s, hv_report *report)
{
    const hv_rules *rules = s->rules;
    weather(s, report);
    for (int32_t i = 0; i < rules->event_count; i++) {
        const hv_event_def *ev = &rules->events[i];
        if (ev->scripted && s->event_last[i] == 0 && may_fire(s, ev) &&
            hv_trigger_holds(s, &ev->trigger))
            fire(s, report, i, HV_CAUSE_EVENT);
    }
    /* Both draws every week, so the stream does not depend on the pool. */
    int32_t roll = (int32_t)hv_rng_below(&s->rng, 1000);
    uint32_t pick = hv_rng_next(&s->rng);
    if (roll >= rules->event_chance)
        return;
    int32_t eligible[HV_MAX_EVENTS], n = 0;
    int64_t total = 0;
    for (int32_t i = 0; i < rules->event_count; i++) {
        const hv_event_def *ev = &rules->events[i];
        if (ev->scripted || ev->unrest_at > 0 || ev->weight <= 0 || s->turn < ev->min_week || !may_fire(s, ev))
            continue;
        if (s->event_last[i] > 0 && s->turn - s->event_last[i] < ev->cooldown)
            continue;
        eligible[n++] = i;
        total += ev->weight;
    }
    if (total == 0)
        return;
    int64_t at = (int64_t)(pick % (uint32_t)total);
    for (int32_t k = 0; k < n; k++) {
        at -= rules->events[eligible[k]].weight;
        if (at < 0) {
            fire(s, report, eligible[k], HV_CAUSE_EVENT);
            return;
        }
    }
}
