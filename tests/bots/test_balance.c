/* The bots over 200 seeds of every shipped level (the sandbox, which has
 * no win goal, aside): the idle and random bots must almost never win, the
 * balanced bot must win often and more often than idle, and the planner,
 * the strongest bot, at least as often as the balanced bot. How easy the
 * levels are is the audit's business (tests/cli/test_audit.sh). */
#include "../data/levels_util.h"
#include "hv_bot.h"
#include "hv_level.h"
#include "hv_test.h"

#include <stdlib.h>

/* The sanitizer build plays fewer seeds: it is there for memory errors;
 * the optimised build measures the balance on all 200. */
#ifndef HV_BALANCE_SEEDS
#define HV_BALANCE_SEEDS 200
#endif
#define SEEDS HV_BALANCE_SEEDS

static int32_t wins(const hv_level *level, hv_bot_kind bot, hv_state *s, int32_t *answered)
{
    int32_t won = 0;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        hv_level_new_game(level, seed, s);
        hv_bot_play(bot, s, 400, NULL);
        CHECK(s->outcome != HV_OUTCOME_RUNNING); /* every level ends within 400 weeks */
        CHECK(s->pending < 0 || s->outcome != HV_OUTCOME_RUNNING);
        won += s->outcome == HV_OUTCOME_WON;
        for (int32_t e = 0; e < level->rules.event_count; e++)
            *answered += s->event_last[e] > 0 && level->rules.events[e].choice_count > 0;
    }
    return won;
}

static int checked;

static void balance(const char *path)
{
    hv_level *level = hv_level_load_printing(path, stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    if (level->rules.win_count == 0) {
        printf("%-24s sandbox: no win goal, balance not measured\n", level->id);
        hv_level_free(level);
        return;
    }
    hv_state *s = malloc(sizeof *s);
    int32_t answered = 0;
    int32_t idle = wins(level, HV_BOT_IDLE, s, &answered);
    int32_t random = wins(level, HV_BOT_RANDOM, s, &answered);
    int32_t balanced = wins(level, HV_BOT_BALANCED, s, &answered);
    int32_t planner = wins(level, HV_BOT_PLANNER, s, &answered);
    printf("%-24s idle %5.1f%%  random %5.1f%%  balanced %5.1f%%  planner %5.1f%%\n", level->id,
           100.0 * idle / SEEDS, 100.0 * random / SEEDS, 100.0 * balanced / SEEDS,
           100.0 * planner / SEEDS);
    CHECK(idle * 100 <= 5 * SEEDS);
    CHECK(random * 100 <= 5 * SEEDS);
    CHECK(balanced * 100 >= 25 * SEEDS);
    CHECK(balanced > idle);
    /* The planner plays its own dice: over the seeds it may fall a little
     * behind the plan it keeps to, but not by more than noise. */
    CHECK(planner * 100 >= balanced * 100 - 5 * SEEDS);
    checked++;
    free(s);
    hv_level_free(level);
}

int main(void)
{
    CHECK(hv_bot_find("balanced") == HV_BOT_BALANCED);
    CHECK(hv_bot_find("nobody") == -1);
    CHECK(hv_bot_find("planner") == HV_BOT_PLANNER);
    CHECK(hv_bot_find("random") == HV_BOT_RANDOM);
    int levels = for_each_shipped_level(balance);
    CHECK(levels >= 6);
    CHECK(checked >= 5);
    return hv_test_done("bots_balance");
}
