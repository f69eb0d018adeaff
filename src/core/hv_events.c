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

uint32_t hv_trigger_checks(const hv_trigger *t)
{
    return (uint32_t)(t->week > 0) << HV_CHECK_WEEK |
           (uint32_t)(t->resource >= 0 && t->below_set) << HV_CHECK_BELOW |
           (uint32_t)(t->resource >= 0 && t->above_set) << HV_CHECK_ABOVE |
           (uint32_t)(t->tension_above >= 0) << HV_CHECK_TENSION_ABOVE |
           (uint32_t)(t->class_above >= 0) << HV_CHECK_CLASS_ABOVE |
           (uint32_t)(t->flag >= 0) << HV_CHECK_FLAG | (uint32_t)(t->trait > 0) << HV_CHECK_TRAIT |
           (uint32_t)(t->asteroid >= 0) << HV_CHECK_ASTEROID |
           (uint32_t)(t->flag_clear > 0) << HV_CHECK_FLAG_CLEAR |
           (uint32_t)(t->tension_below > 0) << HV_CHECK_TENSION_BELOW |
           (uint32_t)(t->answered > 0) << HV_CHECK_ANSWERED |
           (uint32_t)(t->module > 0) << HV_CHECK_MODULE |
           (uint32_t)(t->policy > 0) << HV_CHECK_POLICY;
}

int hv_trigger_holds(const hv_state *s, const hv_trigger *t)
{
    int32_t nation_tension = -1;
    return hv_trigger_holds_at(s, t, hv_trigger_checks(t), &nation_tension);
}

/* The highest tension between nations present, looked up once for *CACHE. */
static int32_t nation_tension(const hv_state *s, int32_t *cache)
{
    if (*cache < 0)
        *cache = hv_state_nation_tension(s);
    return *cache;
}

static int trait_present(const hv_state *s, int32_t trait)
{
    for (int32_t i = 0; i < s->person_count; i++)
        if (s->people[i].trait == trait)
            return 1;
    return 0;
}

static int modules_stand(const hv_state *s, const hv_trigger *t)
{
    int32_t built = 0, staffed = 0;
    for (int32_t i = 0; i < s->module_count; i++)
        if (s->modules[i].type == t->module - 1) {
            built++;
            staffed += s->modules[i].crew;
        }
    return built >= t->built && staffed >= t->staffed;
}

int hv_trigger_holds_at(const hv_state *s, const hv_trigger *t, uint32_t checks, int32_t *cache)
{
    /* Only the conditions set, in any order: all must hold. */
    for (; checks; checks &= checks - 1) {
        int holds;
        switch (__builtin_ctz(checks)) {
        case HV_CHECK_WEEK:
            holds = s->turn >= t->week;
            break;
        case HV_CHECK_BELOW:
            holds = s->stock[t->resource] < t->below;
            break;
        case HV_CHECK_ABOVE:
            holds = s->stock[t->resource] > t->above;
            break;
        case HV_CHECK_TENSION_ABOVE:
            holds = nation_tension(s, cache) > t->tension_above;
            break;
        case HV_CHECK_CLASS_ABOVE:
            holds = s->class_tension > t->class_above;
            break;
        case HV_CHECK_FLAG:
            holds = (s->flags >> t->flag) & 1u;
            break;
        case HV_CHECK_TRAIT:
            holds = trait_present(s, t->trait);
            break;
        case HV_CHECK_ASTEROID:
            holds = s->asteroids[t->asteroid].result == t->result;
            break;
        case HV_CHECK_FLAG_CLEAR:
            holds = !((s->flags >> (t->flag_clear - 1)) & 1u);
            break;
        case HV_CHECK_TENSION_BELOW:
            holds = nation_tension(s, cache) < t->tension_below;
            break;
        case HV_CHECK_ANSWERED:
            holds = s->event_answer[t->answered - 1] == t->answer;
            break;
        case HV_CHECK_MODULE:
            holds = modules_stand(s, t);
            break;
        default: /* HV_CHECK_POLICY */
            holds = s->policy[t->policy - 1] == t->option;
            break;
        }
        if (!holds)
            return 0;
    }
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
    hv_week_events(s, report, -1);
}

void hv_week_events(hv_state *s, hv_report *report, int32_t nations)
{
    const hv_rules *rules = s->rules;
    weather(s, report);
    steps(s, report);
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(rules, &scratch);
    /* The weather and the steps move neither tension nor people: NATIONS
     * holds until an event fires. */
    for (uint64_t bits = d->scripted; bits; bits &= bits - 1) {
        int32_t i = __builtin_ctzll(bits);
        if (s->event_last[i] == 0 && hv_story_may_fire(s, i) &&
            hv_trigger_holds_at(s, &rules->events[i].trigger, d->event_checks[i], &nations)) {
            hv_story_fire(s, report, i, HV_CAUSE_EVENT);
            nations = -1;
        }
    }
    for (int32_t k = 0; k < s->scheduled_count && nations >= 0; k++)
        if (s->scheduled[k].week <= s->turn) /* due: it may fire */
            nations = -1;
    hv_story_due(s, report);
    /* Both draws every week, so the stream does not depend on the pool. */
    int32_t roll = (int32_t)hv_rng_below(&s->rng, 1000);
    uint32_t pick = hv_rng_next(&s->rng);
    hv_story_draw_known(s, report, roll, pick, nations);
}
