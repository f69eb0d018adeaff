/* The random bot: every week a few orders a player could give, picked at
 * random among the legal ones, and a random answer to any waiting event.
 * Its dice are the state's player stream, so a run is the same every time
 * and the world's own dice never move because of it. It is the floor any
 * level should be well above, and a fuzzer of the rules. */
#include <stddef.h>

#include "hv_bot_view.h"
#include "hv_rng.h"
#include "hv_turn.h"

static int32_t below(hv_state *s, int32_t n)
{
    return n > 0 ? (int32_t)hv_rng_below(&s->player_rng, (uint32_t)n) : 0;
}

static void random_build(hv_state *s)
{
    const hv_rules *r = s->rules;
    int32_t types[HV_MAX_MODULE_TYPES], n = 0;
    for (int32_t t = 0; t < r->module_type_count; t++) {
        int fits = 1;
        for (int res = 0; res < HV_RES_COUNT; res++)
            fits &= s->stock[res] >= r->module_types[t].cost[res];
        if (fits)
            types[n++] = t;
    }
    if (!n)
        return;
    int32_t type = types[below(s, n)];
    /* A few tries at a free cell of the right ground. */
    for (int tries = 0; tries < 8; tries++) {
        int32_t x = below(s, r->map_width), y = below(s, r->map_height);
        if ((r->module_types[type].terrain_mask >> hv_rules_terrain_at(r, x, y) & 1u) &&
            !hv_state_module_at(s, x, y)) {
            hv_bot_order(s, HV_ORDER_BUILD, x, y, type);
            return;
        }
    }
}

static void random_assign(hv_state *s)
{
    int32_t free_people[HV_MAX_PEOPLE], n = 0, open[HV_MAX_MODULES], m = 0;
    for (int32_t i = 0; i < s->person_count; i++)
        if (!s->people[i].away)
            free_people[n++] = i;
    for (int32_t i = 0; i < s->module_count; i++)
        if (s->rules->module_types[s->modules[i].type].crew_slots > s->modules[i].crew)
            open[m++] = i;
    if (n && m)
        hv_bot_order(s, HV_ORDER_ASSIGN, s->people[free_people[below(s, n)]].id,
                     s->modules[open[below(s, m)]].id, 0);
}

static void random_policy(hv_state *s)
{
    int32_t p = below(s, s->rules->policy_count);
    if (s->rules->policy_count && hv_bot_policy_ready(s, p))
        hv_bot_order(s, HV_ORDER_POLICY, p, 0, below(s, s->rules->policies[p].option_count));
}

static void random_mission(hv_state *s)
{
    const hv_rules *r = s->rules;
    if (!r->asteroid_count || hv_state_running_bonus(s, offsetof(hv_module_type, spaceport)) <= 0)
        return;
    int32_t a = below(s, r->asteroid_count);
    if (s->asteroids[a].stage != HV_STAGE_FAR)
        return;
    if (below(s, 2) == 0) {
        hv_bot_order(s, HV_ORDER_SURVEY, a, 0, 0);
        return;
    }
    int32_t pilots[HV_MAX_PEOPLE], np = 0, engineers[HV_MAX_PEOPLE], ne = 0;
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_role *role = &r->roles[s->people[i].role];
        if (s->people[i].away)
            continue;
        if (role->pilot)
            pilots[np++] = s->people[i].id;
        if (role->engineer)
            engineers[ne++] = s->people[i].id;
    }
    if (!np || !ne)
        return;
    hv_order o = {HV_ORDER_CAPTURE,        0, 0, 0, 0, pilots[below(s, np)], 0,
                  engineers[below(s, ne)], a};
    if (o.person != o.person2)
        hv_state_queue_order(s, &o);
}

void hv_bot_random(hv_state *s)
{
    if (s->pending >= 0 && hv_state_queued_answer(s) < 0)
        hv_bot_order(s, HV_ORDER_ANSWER, 0, 0, below(s, s->rules->events[s->pending].choice_count));
    int32_t roll = below(s, 100);
    if (roll < 25)
        random_build(s);
    if (below(s, 100) < 40)
        random_assign(s);
    if (below(s, 100) < 10)
        random_policy(s);
    if (below(s, 100) < 8 && s->module_count)
        hv_bot_order(s, HV_ORDER_PRIORITY, s->modules[below(s, s->module_count)].id, 0,
                     1 + below(s, 9));
    if (below(s, 100) < 10)
        random_mission(s);
    if (below(s, 100) < 20 && s->stock[HV_RES_IRIDIUM] > 0)
        hv_bot_order(
            s, HV_ORDER_EXPORT, 0, 0,
            1 + below(s, (int32_t)(s->stock[HV_RES_IRIDIUM] > 100000 ? 100000
                                                                     : s->stock[HV_RES_IRIDIUM])));
    if (below(s, 100) < 2 && s->module_count)
        hv_bot_order(s, HV_ORDER_DEMOLISH, s->modules[below(s, s->module_count)].id, 0, 0);
}
