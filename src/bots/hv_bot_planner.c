/* The planner: the strongest bot. Each week it takes the balanced bot's
 * orders as a plan, makes candidates from it (every answer to a waiting
 * event, a change of one policy or none), and plays each candidate forward
 * a few weeks on a copy of the state, with the balanced bot, within a
 * fixed budget of weeks. The copies roll their own dice, the same for
 * every candidate and different from the world's, so the planner weighs
 * likely futures without ever seeing the real one. */
#include <stdlib.h>
#include <string.h>

#include "hv_bot_view.h"
#include "hv_rng.h"
#include "hv_turn.h"

/* What a candidate changes in the balanced plan. */
typedef struct candidate {
    int32_t answer; /* choice for the waiting event, or -1: the plan's */
    int32_t policy; /* policy whose order changes, or -1 */
    int32_t option; /* its new option, or -1: no order for it this week */
} candidate;

static int32_t find_order(const hv_state *s, hv_order_kind kind, int32_t target)
{
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == kind && (kind != HV_ORDER_POLICY || s->orders[i].target == target))
            return i;
    return -1;
}

static void apply_candidate(hv_state *s, const candidate *c)
{
    if (c->answer >= 0) {
        int32_t i = find_order(s, HV_ORDER_ANSWER, 0);
        if (i >= 0)
            s->orders[i].value = c->answer;
    }
    if (c->policy < 0)
        return;
    int32_t i = find_order(s, HV_ORDER_POLICY, c->policy);
    if (c->option >= 0 && i >= 0) {
        s->orders[i].value = c->option;
    } else if (c->option >= 0) {
        hv_bot_order(s, HV_ORDER_POLICY, c->policy, 0, c->option);
    } else if (i >= 0) {
        memmove(&s->orders[i], &s->orders[i + 1],
                sizeof s->orders[0] * (size_t)(s->order_count - i - 1));
        s->order_count--;
    }
}

/* ---- how good a state is ----------------------------------------------- */

static int64_t clamp64(int64_t v, int64_t lo, int64_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static int64_t running_of(const hv_state *s, int32_t type)
{
    int64_t n = 0;
    for (int32_t i = 0; i < s->module_count; i++)
        n += s->modules[i].type == type && s->modules[i].status == HV_MODULE_ACTIVE;
    return n;
}

static int32_t min_satisfaction(const hv_state *s)
{
    int32_t low = 100;
    for (int32_t i = 0; i < s->rules->sponsor_count; i++)
        low = s->satisfaction[i] < low ? s->satisfaction[i] : low;
    return low;
}

/* Progress towards win goal G, 0..1000. */
static int64_t progress(const hv_state *s, const hv_goal *g)
{
    int64_t amount = g->amount > 0 ? g->amount : 1;
    switch (g->kind) {
    case HV_GOAL_RESOURCE_AT_LEAST:
        return clamp64(s->stock[g->resource] * 1000 / amount, 0, 1000);
    case HV_GOAL_EXPORTED_AT_LEAST:
        return clamp64(s->exported * 1000 / amount, 0, 1000);
    case HV_GOAL_CAPTURED_AT_LEAST:
        return clamp64(s->captured * 1000 / amount, 0, 1000);
    case HV_GOAL_MODULES_AT_LEAST:
        return clamp64(running_of(s, g->module_type) * 1000 / amount, 0, 1000);
    case HV_GOAL_POPULATION_AT_LEAST:
        return clamp64(s->person_count * 1000 / amount, 0, 1000);
    case HV_GOAL_TENSION_BELOW:
        return clamp64(500 + (amount - hv_state_max_tension(s)) * 25, 0, 1000);
    case HV_GOAL_SATISFACTION_AT_LEAST:
        return clamp64(500 + (min_satisfaction(s) - amount) * 50, 0, 1000);
    case HV_GOAL_FLAG_SET:
        return (s->flags >> g->flag & 1u) ? 1000 : 0;
    default:
        return 0;
    }
}

/* Distance from lose goal G, 0 (about to hold) .. 1000 (far). */
static int64_t safety(const hv_state *s, const hv_goal *g)
{
    const hv_rules *r = s->rules;
    switch (g->kind) {
    case HV_GOAL_RESOURCE_DEPLETED: {
        int64_t need = r->life.need[g->resource] * s->person_count;
        int64_t weeks = need > 0 ? s->stock[g->resource] / need : (s->stock[g->resource] > 0) * 20;
        return clamp64(weeks * 50, 0, 1000);
    }
    case HV_GOAL_RIOT:
        return clamp64((r->society.riot_at - hv_state_max_tension(s)) * 40 - s->riot_weeks * 200, 0,
                       1000);
    case HV_GOAL_BANKRUPT:
        return clamp64(500 + s->stock[HV_RES_FUNDS] / 4 - s->broke_turns * 200, 0, 1000);
    case HV_GOAL_POPULATION_BELOW:
        return clamp64((s->person_count - g->amount) * 200, 0, 1000);
    default:
        return 1000;
    }
}

static int64_t score(const hv_state *s)
{
    const hv_rules *r = s->rules;
    if (s->outcome == HV_OUTCOME_WON)
        return INT64_C(1000000000000) - s->outcome_turn;
    if (s->outcome == HV_OUTCOME_LOST)
        return -INT64_C(1000000000000) + (int64_t)s->outcome_turn * 1000000;
    int64_t v = 0;
    for (int32_t i = 0; i < r->win_count; i++)
        v += progress(s, &r->win[i]) * 10;
    for (int32_t i = 0; i < r->lose_count; i++)
        v += safety(s, &r->lose[i]) * 10;
    int64_t health = 0;
    for (int32_t i = 0; i < s->person_count; i++)
        health += s->people[i].health;
    v += s->person_count ? health / s->person_count * 20 : 0;
    v += clamp64(s->stock[HV_RES_FUNDS], -100000, 100000) / 2;
    v += s->stock[HV_RES_IRIDIUM] * s->price / 2 + s->exported * s->price / 4;
    v += min_satisfaction(s) * 30 - hv_state_max_tension(s) * 30 - s->deaths * 3000;
    return v;
}

/* ---- planning ---------------------------------------------------------- */

#define MAX_CANDIDATES (1 + HV_MAX_CHOICES + HV_MAX_POLICIES * HV_MAX_OPTIONS)

/* The answers to the waiting event other than the plan's. */
static int32_t answer_candidates(const hv_state *s, const hv_bot_limits *limits)
{
    if (s->pending < 0 || s->pending == limits->event)
        return 0;
    return s->rules->events[s->pending].choice_count - (hv_state_queued_answer(s) >= 0);
}

int32_t hv_bot_planner_policy(const hv_state *s, const hv_bot_limits *limits)
{
    const hv_rules *r = s->rules;
    if (limits && limits->forbid >> HV_ORDER_POLICY & 1u)
        return -1;
    hv_bot_limits none;
    hv_bot_limits_init(&none);
    const hv_bot_limits *l = limits ? limits : &none;
    /* One policy a week in turn, so the budget buys deep enough looks. */
    int32_t room =
        HV_PLANNER_BUDGET / HV_PLANNER_SAMPLES / HV_PLANNER_HORIZON - 1 - answer_candidates(s, l);
    for (int32_t k = 0; k < r->policy_count && room > 0; k++) {
        int32_t p = (s->turn + k) % r->policy_count;
        if (p == l->policy || !hv_bot_policy_ready(s, p))
            continue;
        /* Not all of it fits: leave it to a later week. */
        return r->policies[p].option_count - 1 <= room ? p : -1;
    }
    return -1;
}

static int32_t candidates(const hv_state *s, const hv_bot_limits *limits, candidate *out)
{
    const hv_rules *r = s->rules;
    int32_t n = 0;
    out[n++] = (candidate){-1, -1, -1};
    if (s->pending >= 0 && s->pending != limits->event)
        for (int32_t c = 0; c < r->events[s->pending].choice_count; c++)
            if (c != hv_state_queued_answer(s))
                out[n++] = (candidate){c, -1, -1};
    int32_t p = hv_bot_planner_policy(s, limits);
    if (p < 0)
        return n;
    int32_t queued = find_order(s, HV_ORDER_POLICY, p);
    int32_t planned = queued >= 0 ? s->orders[queued].value : s->policy[p];
    for (int32_t o = 0; o < r->policies[p].option_count; o++)
        if (o != planned)
            out[n++] = (candidate){-1, p, o == s->policy[p] ? -1 : o};
    return n;
}

void hv_bot_planner(hv_state *s, const hv_bot_limits *limits)
{
    hv_bot_plan_limited(HV_BOT_BALANCED, s, limits);
    candidate list[MAX_CANDIDATES];
    int32_t n = candidates(s, limits, list);
    if (n <= 1)
        return;
    int32_t horizon = HV_PLANNER_BUDGET / HV_PLANNER_SAMPLES / n;
    horizon = horizon > HV_PLANNER_HORIZON ? HV_PLANNER_HORIZON : horizon;
    hv_state *copy = malloc(sizeof *copy);
    if (!copy)
        return; /* the balanced plan stands */
    /* The same few futures for every candidate. */
    hv_rng dice[HV_PLANNER_SAMPLES];
    for (int d = 0; d < HV_PLANNER_SAMPLES; d++)
        hv_rng_seed(&dice[d], s->seed ^ ((uint64_t)s->turn * UINT64_C(0x9e3779b97f4a7c15)),
                    0x706cu + (uint64_t)d);
    int32_t best = 0;
    int64_t base[HV_PLANNER_SAMPLES] = {0}, best_score = 0;
    /* The futures in the order they are played: the one that last turned
     * a candidate down first, as it likely turns down the next. The choice
     * does not depend on the order, only the work does. */
    int sample[HV_PLANNER_SAMPLES];
    for (int d = 0; d < HV_PLANNER_SAMPLES; d++)
        sample[d] = d;
    for (int32_t k = 0; k < n; k++) {
        int64_t sc = 0, seen[HV_PLANNER_SAMPLES];
        int never_worse = 1;
        for (int i = 0; i < HV_PLANNER_SAMPLES; i++) {
            int d = sample[i];
            hv_state_copy(copy, s);
            copy->rng = dice[d];
            apply_candidate(copy, &list[k]);
            if (hv_end_turn(copy, NULL) == HV_TURN_DONE)
                hv_bot_play_limited(HV_BOT_BALANCED, copy, limits, horizon - 1, NULL);
            seen[d] = score(copy);
            sc += seen[d] / HV_PLANNER_SAMPLES;
            never_worse &= k == 0 || seen[d] >= base[d];
            if (!never_worse) { /* worse in one future: it cannot be taken */
                memmove(&sample[1], &sample[0], (size_t)i * sizeof sample[0]);
                sample[0] = d;
                break;
            }
        }
        if (k == 0) {
            memcpy(base, seen, sizeof base);
            best_score = sc;
            continue;
        }
        /* Leave the plan only for a clear gain that holds in every future
         * looked at: the looks are short and few. */
        int64_t margin = 100 + (best_score < 0 ? -best_score : best_score) / 100;
        if (never_worse && sc > best_score + margin) {
            best_score = sc;
            best = k;
        }
    }
    free(copy);
    apply_candidate(s, &list[best]);
}
