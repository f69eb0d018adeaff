/* Phase 10: the level's win and lose goals, checked at the end of every
 * week, and what each goal measures for the window and the reports. */
#include "hv_phase.h"
#include "hv_turn.h"

static int64_t operating_count(const hv_state *s, int32_t type)
{
    /* The modules of TYPE are kept counted, built or not; one going up is
     * odd in the kept figures, so only the odd ones are looked at. */
    if ((uint32_t)type >= HV_MAX_MODULE_TYPES)
        return 0; /* no module is of it */
    int64_t n = s->kept.by_type[type];
    for (int32_t w = 0; w < (s->module_count + 63) >> 6; w++)
        for (uint64_t odd = s->kept.odd[w]; odd; odd &= odd - 1) {
            const hv_module *m = &s->modules[w * 64 + __builtin_ctzll(odd)];
            n -= m->type == type && m->status != HV_MODULE_ACTIVE;
        }
    return n;
}

static int all_satisfied(const hv_state *s, int64_t amount)
{
    for (int32_t i = 0; i < s->rules->sponsor_count; i++)
        if (s->satisfaction[i] < amount)
            return 0;
    return 1;
}

/* hv_goal_holds, in line where the week checks every goal. */
static inline __attribute__((always_inline)) int goal_holds(const hv_state *s, const hv_goal *g)
{
    switch (g->kind) {
    case HV_GOAL_RESOURCE_AT_LEAST:
        return s->stock[g->resource] >= g->amount;
    case HV_GOAL_RESOURCE_DEPLETED:
        return s->stock[g->resource] <= 0;
    case HV_GOAL_TURN_REACHED:
        return s->turn >= g->turn;
    case HV_GOAL_MODULES_AT_LEAST:
        return operating_count(s, g->module_type) >= g->amount;
    case HV_GOAL_POPULATION_AT_LEAST:
        return s->person_count >= g->amount;
    case HV_GOAL_POPULATION_BELOW:
        return s->person_count < g->amount;
    case HV_GOAL_BANKRUPT:
        return s->broke_turns >= g->turn;
    case HV_GOAL_TENSION_BELOW:
        return hv_state_max_tension(s) < g->amount;
    case HV_GOAL_RIOT:
        return s->riots >= (g->amount > 0 ? g->amount : 1);
    case HV_GOAL_EXPORTED_AT_LEAST:
        return s->exported >= g->amount;
    case HV_GOAL_CAPTURED_AT_LEAST:
        return s->captured >= g->amount;
    case HV_GOAL_FLAG_SET:
        return (s->flags >> g->flag) & 1u;
    case HV_GOAL_SATISFACTION_AT_LEAST:
        return all_satisfied(s, g->amount);
    default:
        return 0;
    }
}

int hv_goal_holds(const hv_state *s, const hv_goal *g)
{
    return goal_holds(s, g);
}

int64_t hv_goal_measure(const hv_state *s, const hv_goal *g, int64_t *target)
{
    *target = g->amount;
    switch (g->kind) {
    case HV_GOAL_RESOURCE_AT_LEAST:
        return s->stock[g->resource];
    case HV_GOAL_RESOURCE_DEPLETED:
        *target = 0;
        return s->stock[g->resource];
    case HV_GOAL_TURN_REACHED:
        *target = g->turn;
        return s->turn;
    case HV_GOAL_MODULES_AT_LEAST:
        return operating_count(s, g->module_type);
    case HV_GOAL_POPULATION_AT_LEAST:
    case HV_GOAL_POPULATION_BELOW:
        return s->person_count;
    case HV_GOAL_BANKRUPT:
        *target = g->turn;
        return s->broke_turns;
    case HV_GOAL_TENSION_BELOW:
        return hv_state_max_tension(s);
    case HV_GOAL_RIOT:
        *target = g->amount > 0 ? g->amount : 1;
        return s->riots;
    case HV_GOAL_EXPORTED_AT_LEAST:
        return s->exported;
    case HV_GOAL_CAPTURED_AT_LEAST:
        return s->captured;
    case HV_GOAL_FLAG_SET:
        *target = 1;
        return (s->flags >> g->flag) & 1u;
    case HV_GOAL_SATISFACTION_AT_LEAST: {
        int64_t least = 100;
        for (int32_t i = 0; i < s->rules->sponsor_count; i++)
            least = s->satisfaction[i] < least ? s->satisfaction[i] : least;
        return least;
    }
    default:
        *target = 0;
        return 0;
    }
}

static void end_game(hv_state *s, hv_report *report, hv_outcome outcome, int32_t goal)
{
    s->outcome = outcome;
    s->outcome_goal = goal;
    s->outcome_turn = s->turn;
    hv_emit(report, s, HV_EV_OUTCOME, HV_CAUSE_GOAL, goal, -1, 0, outcome);
}

void hv_phase_goals(hv_state *s, hv_report *report)
{
    const hv_rules *rules = s->rules;
    if (s->outcome != HV_OUTCOME_RUNNING)
        return; /* decided already; the game is being played on */
    if (s->person_count == 0) {
        end_game(s, report, HV_OUTCOME_LOST, HV_CAUSE_ALL_DEAD);
        return;
    }
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(rules, &scratch);
    /* Disasters first; a deadline only bites if the goals are still unmet. */
    for (uint32_t bits = d->goal_disasters; bits; bits &= bits - 1) {
        int32_t i = __builtin_ctz(bits);
        if (goal_holds(s, &rules->lose[i])) {
            end_game(s, report, HV_OUTCOME_LOST, i);
            return;
        }
    }
    int all = rules->win_count > 0;
    for (int32_t i = 0; i < rules->win_count && all; i++)
        all = goal_holds(s, &rules->win[i]);
    if (all) {
        end_game(s, report, HV_OUTCOME_WON, 0);
        return;
    }
    for (uint32_t bits = d->goal_deadlines; bits; bits &= bits - 1) {
        int32_t i = __builtin_ctz(bits);
        if (s->turn >= rules->lose[i].turn) {
            end_game(s, report, HV_OUTCOME_LOST, i);
            return;
        }
    }
}
