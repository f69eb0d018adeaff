/* The storyteller: how the rules' random pool speaks. Each week it may
 * draw one event, with a chance that rises the longer the base has been
 * quiet and weights that read the base (tension, calm, the last event's
 * tags). It keeps a small queue of promised events: forecasts announced
 * from the pool, and follow-ups a choice set in motion. It remembers how
 * often each event fired, its last answer and when each text was shown, so
 * triggers can ask and texts do not repeat too soon. */
#include "hv_phase.h"
#include "hv_turn.h"

void hv_story_fire(hv_state *s, hv_report *report, int32_t index, hv_cause cause)
{
    const hv_event_def *ev = &s->rules->events[index];
    /* Most events have one text: no division to find which is shown. */
    int32_t variant = ev->text_count > 1 ? s->event_times[index] % ev->text_count : 0;
    s->event_last[index] = s->turn;
    s->event_times[index]++;
    s->event_text[index] = variant;
    s->text_week[index][variant] = s->turn;
    /* The actor is only read by a report or by a question (a search of
     * everyone, skipped when neither wants it). */
    if (ev->choice_count > 0 || report) {
        int32_t actor = hv_unrest_actor(s, s->side[0]);
        if (ev->choice_count > 0)
            s->actor = actor; /* named by the question while it waits */
        hv_emit(report, s, HV_EV_EVENT, cause, index, actor, variant, -1);
    }
    hv_effect_apply(s, report, &ev->effect, HV_CAUSE_EVENT, index);
    if (ev->choice_count > 0)
        s->pending = index;
}

int hv_story_may_fire(const hv_state *s, int32_t index)
{
    const hv_event_def *ev = &s->rules->events[index];
    if (ev->max_times > 0 && s->event_times[index] >= ev->max_times)
        return 0;
    /* Only one event waits for an answer at a time. */
    return ev->choice_count == 0 || s->pending < 0;
}

int hv_story_text_rested(const hv_state *s, int32_t index, int32_t ahead)
{
    const hv_event_def *ev = &s->rules->events[index];
    int32_t gap = s->rules->storyteller.text_gap;
    /* Most events have one text: no division to find which is next. */
    int32_t next = ev->text_count > 1 ? s->event_times[index] % ev->text_count : 0;
    int32_t shown = s->text_week[index][next];
    return gap <= 0 || shown <= 0 || s->turn + ahead - shown >= gap;
}

void hv_story_schedule(hv_state *s, hv_report *report, int32_t index, int32_t weeks, int forecast)
{
    /* A full queue drops the newcomer: what was promised first comes first. */
    if (s->scheduled_count >= HV_MAX_SCHEDULED)
        return;
    hv_scheduled *q = &s->scheduled[s->scheduled_count++];
    q->event = index;
    q->week = s->turn + weeks;
    q->forecast = forecast;
    hv_emit(report, s, forecast ? HV_EV_FORECAST : HV_EV_FOLLOW_UP, HV_CAUSE_EVENT, index, -1,
            weeks, q->week);
}

void hv_story_due(hv_state *s, hv_report *report)
{
    int32_t kept = 0;
    for (int32_t i = 0; i < s->scheduled_count; i++) {
        hv_scheduled q = s->scheduled[i];
        const hv_event_def *ev = &s->rules->events[q.event];
        int wait = q.week > s->turn || (ev->choice_count > 0 && s->pending >= 0);
        if (wait) {
            s->scheduled[kept++] = q; /* not yet, or behind a question still open */
            continue;
        }
        /* A forecast was checked when drawn and comes as announced; a
         * follow-up comes only if the base still fits its trigger. */
        if (q.forecast || (hv_story_may_fire(s, q.event) && hv_trigger_holds(s, &ev->trigger)))
            hv_story_fire(s, report, q.event, HV_CAUSE_EVENT);
    }
    s->scheduled_count = kept;
}

/* hv_story_weight, with the highest tension between nations present in
 * *NATIONS: looked up the first time an event or trigger reads it (-1
 * until then). */
static int32_t story_weight(const hv_state *s, int32_t index, int32_t *nations)
{
    const hv_rules *rules = s->rules;
    const hv_event_def *ev = &rules->events[index];
    int64_t quiet = s->turn - s->story_last - 1;
    int64_t w = ev->weight + (int64_t)ev->calm_weight * (quiet > 0 ? quiet : 0);
    if (ev->tension_weight) {
        if (*nations < 0)
            *nations = hv_state_nation_tension(s);
        /* hv_state_max_tension */
        int32_t tension = *nations > s->class_tension ? *nations : s->class_tension;
        w += (int64_t)ev->tension_weight * (tension / 10);
    }
    if (ev->tags & s->story_tags)
        w = w * rules->storyteller.same_tag_pct / 100;
    return w <= 0 ? 0 : w > 1000000 ? 1000000 : (int32_t)w;
}

int32_t hv_story_weight(const hv_state *s, int32_t index)
{
    int32_t nations = -1;
    return story_weight(s, index, &nations);
}

/* The pool events that may be offered this week by what masks and a few
 * rows tell: none behind a question still open, none already promised,
 * none before its first week or past its most times (D: the rules'
 * derived data; QUIET: the quiet weeks, maybe below 0). */
static uint64_t pool_open(const hv_state *s, const hv_rules_derived *d, int32_t quiet)
{
    uint64_t bits = d->story_live;
    if (quiet <= 0)
        bits &= ~d->story_still;
    if (s->pending >= 0)
        bits &= ~d->story_asks;
    for (int32_t k = 0; k < s->scheduled_count; k++)
        bits &= ~(UINT64_C(1) << s->scheduled[k].event);
    const hv_event_def *events = s->rules->events;
    if (s->turn < d->story_min_week)
        for (uint64_t early = bits & d->story_early; early; early &= early - 1) {
            int32_t i = __builtin_ctzll(early);
            if (s->turn < events[i].min_week)
                bits &= ~(UINT64_C(1) << i);
        }
    for (uint64_t limited = bits & d->story_limited; limited; limited &= limited - 1) {
        int32_t i = __builtin_ctzll(limited);
        if (s->event_times[i] >= events[i].max_times)
            bits &= ~(UINT64_C(1) << i);
    }
    return bits;
}

void hv_story_draw(hv_state *s, hv_report *report, int32_t roll, uint32_t pick)
{
    hv_story_draw_known(s, report, roll, pick, -1);
}

void hv_story_draw_known(hv_state *s, hv_report *report, int32_t roll, uint32_t pick,
                         int32_t nations)
{
    const hv_rules *rules = s->rules;
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(rules, &scratch);
    int32_t turn = s->turn, quiet = turn - s->story_last - 1;
    /* hv_rules_event_chance */
    int64_t calm = quiet > 0 ? quiet : 0;
    int64_t chance = d->story_chance + (int64_t)rules->storyteller.calm_step * calm;
    if (d->story_chance <= 0 || roll >= (chance > 1000 ? 1000 : chance))
        return;
    int32_t eligible[HV_MAX_EVENTS], weight[HV_MAX_EVENTS], n = 0, tension = -1;
    int32_t gap = rules->storyteller.text_gap, same_pct = rules->storyteller.same_tag_pct;
    uint32_t last_tags = s->story_tags;
    int64_t total = 0;
    /* What is left of drawable (hv_story_may_fire, the cooldown, a rested
     * text and the trigger) and story_weight, row by row. */
    for (uint64_t bits = pool_open(s, d, quiet); bits; bits &= bits - 1) {
        int32_t i = __builtin_ctzll(bits);
        const struct hv_story_row *row = &d->story[i];
        int32_t last = s->event_last[i];
        if (last > 0 && turn - last < row->cooldown)
            continue;
        if (gap > 0) {
            int32_t next = row->text_count > 1 ? s->event_times[i] % row->text_count : 0;
            int32_t shown = s->text_week[i][next];
            if (shown > 0 && turn + row->forecast - shown < gap)
                continue;
        }
        if (row->checks &&
            !hv_trigger_holds_at(s, &rules->events[i].trigger, row->checks, &nations))
            continue;
        int64_t w = row->weight + (int64_t)row->calm_weight * calm;
        if (row->tension_weight) {
            if (tension < 0) {
                if (nations < 0)
                    nations = hv_state_nation_tension(s);
                /* hv_state_max_tension */
                tension = nations > s->class_tension ? nations : s->class_tension;
            }
            w += (int64_t)row->tension_weight * (tension / 10);
        }
        if (row->tags & last_tags)
            w = w * same_pct / 100;
        if (w <= 0)
            continue;
        eligible[n] = i;
        weight[n++] = w > 1000000 ? 1000000 : (int32_t)w;
        total += weight[n - 1];
    }
    if (total == 0)
        return;
    int64_t at = (int64_t)(pick % (uint64_t)total);
    for (int32_t k = 0; k < n; k++) {
        at -= weight[k];
        if (at >= 0)
            continue;
        const hv_event_def *ev = &rules->events[eligible[k]];
        s->story_last = s->turn;
        s->story_tags = ev->tags;
        if (ev->forecast > 0)
            hv_story_schedule(s, report, eligible[k], ev->forecast, 1);
        else
            hv_story_fire(s, report, eligible[k], HV_CAUSE_EVENT);
        return;
    }
}
