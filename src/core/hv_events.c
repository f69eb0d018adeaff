/* Phase 9: the week's dust, then the level's scripted events, then what the
 * storyteller promised for this week, then perhaps one event from the
 * rules' random pool (hv_story.c). An event with choices waits in
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
    int32_t nation_tension = -1;
    return hv_trigger_holds_at(s, t, &nation_tension);
}

/* The highest tension between nations present, looked up once for *CACHE. */
static int32_t nation_tension(const hv_state *s, int32_t *cache)
{
    if (*cache < 0)
        *cache = hv_state_nation_tension(s);
    return *cache;
}

int hv_trigger_holds_at(const hv_state *s, const hv_trigger *t, int32_t *cache)
{
    if (t->week > 0 && s->turn < t->week)
        return 0;
    if (t->resource >= 0) {
        if (t->below_set && s->stock[t->resource] >= t->below)
            return 0;
        if (t->above_set && s->stock[t->resource] <= t->above)
            return 0;
    }
    if (t->tension_above >= 0 && nation_tension(s, cache) <= t->tension_above)
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
    if (t->flag_clear > 0 && ((s->flags >> (t->flag_clear - 1)) & 1u))
        return 0;
    if (t->tension_below > 0 && nation_tension(s, cache) >= t->tension_below)
        return 0;
    if (t->answered > 0 && s->event_answer[t->answered - 1] != t->answer)
        return 0;
    if (t->module > 0) {
        int32_t built = 0, staffed = 0;
        for (int32_t i = 0; i < s->module_count; i++)
            if (s->modules[i].type == t->module - 1) {
                built++;
                staffed += s->modules[i].crew;
            }
        if (built < t->built || staffed < t->staffed)
            return 0;
    }
    if (t->policy > 0 && s->policy[t->policy - 1] != t->option)
        return 0;
    return 1;
}

void hv_event_fire(hv_state *s, hv_report *report, int32_t index, hv_cause cause)
{
    if (index >= 0 && index < s->rules->event_count && hv_story_may_fire(s, index))
        hv_story_fire(s, report, index, cause);
}

/* The step being taught is done once its condition holds at the end of a
 * week; one step a week, so each is read before the next. */
static void steps(hv_state *s, hv_report *report)
{
    const hv_rules *rules = s->rules;
    if (s->step < rules->step_count && hv_trigger_holds(s, &rules->steps[s->step].done)) {
        hv_emit(report, s, HV_EV_STEP, HV_CAUSE_GOAL, s->step, -1, 0, s->step + 1);
        s->step++;
    }
}

void hv_phase_events(hv_state *s, hv_report *report)
{
    const hv_rules *rules = s->rules;
    weather(s, report);
    steps(s, report);
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(rules, &scratch);
    for (uint64_t bits = d->scripted; bits; bits &= bits - 1) {
        int32_t i = __builtin_ctzll(bits);
        if (s->event_last[i] == 0 && hv_story_may_fire(s, i) &&
            hv_trigger_holds(s, &rules->events[i].trigger))
            hv_story_fire(s, report, i, HV_CAUSE_EVENT);
    }
    hv_story_due(s, report);
    /* Both draws every week, so the stream does not depend on the pool. */
    int32_t roll = (int32_t)hv_rng_below(&s->rng, 1000);
    uint32_t pick = hv_rng_next(&s->rng);
    hv_story_draw(s, report, roll, pick);
}
