/* What the bots see (hv_bot_view), on a base that must fill its air tanks
 * and has no ore anywhere:
 * - a module type whose input nothing makes, no rock holds and the stores
 *   cannot feed is worth nothing to build or to keep powered, and worth
 *   something again once there is ore to feed it;
 * - a stock a win goal asks for is worth more the further it falls short;
 * - played for the whole level, the balanced bot never builds such a
 *   module type, and keeps the air plant ahead of everything else;
 * - the planner weighs one policy a week, one it may change, in turn, and
 *   none when policy orders are forbidden. */
#include "hv_bot.h"
#include "hv_bot_view.h"
#include "hv_level.h"
#include "hv_test.h"
#include "hv_turn.h"

#include <stdlib.h>

/* The module type that turns ore into iridium, read from the rules. */
static int32_t refining_type(const hv_rules *r)
{
    for (int32_t t = 0; t < r->module_type_count; t++)
        if (r->module_types[t].input[HV_RES_ORE] > 0 && r->module_types[t].output[HV_RES_IRIDIUM] > 0)
            return t;
    return -1;
}

static void check_worths(const hv_level *level, hv_state *s)
{
    int32_t refinery = refining_type(&level->rules);
    CHECK(refinery >= 0);
    if (refinery < 0)
        return;
    hv_level_new_game(level, 1, s);
    hv_bot_view *v = malloc(sizeof *v);
    hv_bot_look(v, s, 0);
    CHECK_EQ_INT(hv_bot_type_value(v, refinery), 0);
    s->stock[HV_RES_ORE] = 1000;
    hv_bot_look(v, s, 0);
    CHECK(hv_bot_type_value(v, refinery) > 0);
    /* A type is weighed once a week, when first read, and reads the same
     * after. */
    CHECK_EQ_INT(v->valued, 0);
    for (int32_t t = 0; t < level->rules.module_type_count; t++) {
        CHECK_EQ_INT(hv_bot_type_value_at(v, t), hv_bot_type_value(v, t));
        CHECK(v->valued >> t & 1u);
        CHECK_EQ_INT(hv_bot_type_value_at(v, t), hv_bot_type_value(v, t));
    }

    /* Oxygen: the goal asks for 400 kg. */
    s->stock[HV_RES_OXYGEN] = 380;
    hv_bot_look(v, s, 0);
    int64_t nearly = v->worth[HV_RES_OXYGEN];
    s->stock[HV_RES_OXYGEN] = 60;
    hv_bot_look(v, s, 0);
    int64_t far = v->worth[HV_RES_OXYGEN];
    CHECK(far > nearly);
    CHECK(far >= 1000);
    free(v);
}

static void check_play(const hv_level *level, hv_state *s)
{
    int32_t refinery = refining_type(&level->rules);
    int32_t air = hv_rules_find_module_type(&level->rules, "oxygen_plant");
    CHECK(air >= 0);
    int won = 0;
    for (uint64_t seed = 1; seed <= 5; seed++) {
        hv_level_new_game(level, seed, s);
        while (s->outcome == HV_OUTCOME_RUNNING) {
            hv_bot_plan(HV_BOT_BALANCED, s);
            CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
            for (int32_t i = 0; i < s->module_count; i++) {
                CHECK(s->modules[i].type != refinery);
                if (s->modules[i].type == air)
                    CHECK(s->modules[i].priority <= 2);
            }
        }
        won += s->outcome == HV_OUTCOME_WON;
    }
    CHECK(won >= 4);
}

static void check_planner_policy(const hv_level *level, hv_state *s)
{
    hv_level_new_game(level, 1, s);
    hv_bot_limits limits;
    hv_bot_limits_init(&limits);
    int32_t p = hv_bot_planner_policy(s, &limits);
    CHECK(p >= 0 && p < level->rules.policy_count);
    if (p < 0)
        return;
    CHECK(hv_bot_policy_ready(s, p));
    /* Next week it is the next one in turn. */
    s->turn++;
    int32_t next = hv_bot_planner_policy(s, &limits);
    CHECK(next >= 0 && next != p);
    /* A policy in its cooldown is passed over. */
    if (next >= 0 && level->rules.policies[next].cooldown > 1) {
        s->policy_since[next] = s->turn;
        CHECK(hv_bot_planner_policy(s, &limits) != next);
    }
    limits.forbid |= 1u << HV_ORDER_POLICY;
    CHECK_EQ_INT(hv_bot_planner_policy(s, &limits), -1);
}

int main(void)
{
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/bots/levels/thin_air.yaml", stderr);
    CHECK(level != NULL);
    if (level) {
        hv_state *s = malloc(sizeof *s);
        check_worths(level, s);
        check_play(level, s);
        check_planner_policy(level, s);
        free(s);
    }
    hv_level_free(level);
    return hv_test_done("bots_view");
}
