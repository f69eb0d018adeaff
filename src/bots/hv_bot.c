#include "hv_bot.h"

#include <string.h>

#include "hv_bot_view.h"
#include "hv_turn.h"

static const char *const names[HV_BOT_COUNT] = {"idle", "greedy", "balanced", "random", "planner"};

void hv_bot_limits_init(hv_bot_limits *limits)
{
    memset(limits, 0, sizeof *limits);
    limits->policy = -1;
    limits->event = -1;
}

int hv_bot_find(const char *name)
{
    for (int k = 0; k < HV_BOT_COUNT; k++)
        if (strcmp(names[k], name) == 0)
            return k;
    return -1;
}

const char *hv_bot_name(hv_bot_kind kind)
{
    return (kind >= 0 && kind < HV_BOT_COUNT) ? names[kind] : "?";
}

void hv_bot_order(hv_state *s, hv_order_kind kind, int32_t a, int32_t b, int32_t value)
{
    hv_order o;
    memset(&o, 0, sizeof o);
    o.kind = kind;
    o.value = value;
    switch (kind) {
    case HV_ORDER_ASSIGN:
        o.person = a;
        o.module = b;
        break;
    case HV_ORDER_POLICY:
    case HV_ORDER_SURVEY:
    case HV_ORDER_REDIRECT:
        o.target = a;
        break;
    case HV_ORDER_BUILD:
        o.module_type = value;
        o.x = a;
        o.y = b;
        break;
    case HV_ORDER_PRIORITY:
    case HV_ORDER_DEMOLISH:
        o.module = a;
        break;
    default:
        break;
    }
    hv_state_queue_order(s, &o);
}

/* Holds the bot's orders from FROM on to LIMITS. */
static void limit(hv_state *s, int32_t from, const hv_bot_limits *limits)
{
    uint32_t forbid = limits->forbid & ~(1u << HV_ORDER_ANSWER);
    int32_t kept = from, held_queued = 0;
    for (int32_t i = from; i < s->order_count; i++) {
        hv_order *o = &s->orders[i];
        if (forbid >> o->kind & 1u)
            continue;
        if (o->kind == HV_ORDER_POLICY && o->target == limits->policy)
            continue;
        if (o->kind == HV_ORDER_ANSWER && s->pending >= 0 && s->pending == limits->event &&
            limits->choice < s->rules->events[s->pending].choice_count)
            o->value = limits->choice;
        s->orders[kept++] = *o;
    }
    s->order_count = kept;
    for (int32_t i = 0; i < s->order_count; i++)
        held_queued |=
            s->orders[i].kind == HV_ORDER_POLICY && s->orders[i].target == limits->policy;
    if (limits->policy >= 0 && limits->policy < s->rules->policy_count &&
        s->policy[limits->policy] != limits->option && !held_queued)
        hv_bot_order(s, HV_ORDER_POLICY, limits->policy, 0, limits->option);
}

void hv_bot_plan_limited(hv_bot_kind kind, hv_state *s, const hv_bot_limits *limits)
{
    if (s->outcome != HV_OUTCOME_RUNNING && !s->play_on)
        return;
    int32_t from = s->order_count;
    hv_bot_view view;
    switch (kind) {
    case HV_BOT_GREEDY:
    case HV_BOT_BALANCED:
        hv_bot_look(&view, s, kind == HV_BOT_GREEDY);
        if (s->pending >= 0)
            hv_bot_answer(&view, 0);
        hv_bot_balanced(&view);
        break;
    case HV_BOT_RANDOM:
        hv_bot_random(s);
        break;
    case HV_BOT_PLANNER: {
        hv_bot_limits none;
        hv_bot_limits_init(&none);
        hv_bot_planner(s, limits ? limits : &none);
        break;
    }
    default:
        if (s->pending >= 0 && hv_state_queued_answer(s) < 0)
            hv_bot_order(s, HV_ORDER_ANSWER, 0, 0, 0);
        break;
    }
    if (limits)
        limit(s, from, limits);
}

void hv_bot_plan(hv_bot_kind kind, hv_state *s)
{
    hv_bot_plan_limited(kind, s, NULL);
}

int32_t hv_bot_play_limited(hv_bot_kind kind, hv_state *s, const hv_bot_limits *limits,
                            int32_t max_turns, hv_report *report)
{
    int32_t played = 0;
    while (played < max_turns && s->outcome == HV_OUTCOME_RUNNING) {
        if (report)
            hv_report_clear(report);
        hv_bot_plan_limited(kind, s, limits);
        if (hv_end_turn(s, report) != HV_TURN_DONE)
            break;
        played++;
    }
    return played;
}

int32_t hv_bot_play(hv_bot_kind kind, hv_state *s, int32_t max_turns, hv_report *report)
{
    return hv_bot_play_limited(kind, s, NULL, max_turns, report);
}
