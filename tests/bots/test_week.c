/* The week as hv_end_turn plays it, with what its phases share measured
 * once, ends exactly as the phases played one by one, each measuring for
 * itself; and rules whose derived data was worked out at load play exactly
 * as the same rules never derived. On every shipped level the balanced
 * bot plays for two years, and each week all three must give the same
 * state hash. */
#include <stdlib.h>
#include <string.h>

#include "hv_bot.h"
#include "hv_level.h"
#include "hv_test.h"
#include "hv_turn.h"

static const char *const levels[] = {"asteroid_window", "below_deck",  "conference", "defection",
                                     "jamestown",       "merged_base", "riot",       "sandbox",
                                     "tutorial"};

/* The phases of a week one by one, as hv_turn.h lists them. */
static void play_phases(hv_state *s)
{
    s->turn++;
    s->sold_week = s->week_mined = 0;
    s->week_incidents = 0;
    hv_phase_orders(s, NULL);
    hv_phase_power(s, NULL);
    hv_phase_production(s, NULL);
    hv_phase_life_support(s, NULL);
    hv_phase_construction(s, NULL);
    hv_phase_missions(s, NULL);
    hv_phase_economy(s, NULL);
    hv_phase_society(s, NULL);
    hv_phase_events(s, NULL);
    hv_phase_goals(s, NULL);
}

int main(void)
{
    hv_state *s = malloc(sizeof *s), *t = malloc(sizeof *t), *u = malloc(sizeof *u);
    hv_rules *plain = malloc(sizeof *plain);
    for (size_t l = 0; l < sizeof levels / sizeof levels[0]; l++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s.yaml", HV_LEVEL_DIR, levels[l]);
        hv_level *level = hv_level_load_printing(path, stderr);
        CHECK(level != NULL);
        if (!level)
            continue;
        CHECK(level->rules.derived.ready);
        CHECK_EQ_INT(hv_rules_check_derived(&level->rules), 0);
        *plain = level->rules;
        memset(&plain->derived, 0, sizeof plain->derived);
        int32_t weeks = 0, same = 0;
        for (uint64_t seed = 1; seed <= 2; seed++) {
            hv_level_new_game(level, seed, s);
            hv_state_play_on(s);
            *u = *s;
            u->rules = plain;
            for (int32_t week = 0; week < 104; week++) {
                hv_bot_plan(HV_BOT_BALANCED, s);
                *t = *s;
                if (hv_end_turn(s, NULL) != HV_TURN_DONE)
                    break;
                play_phases(t);
                hv_bot_plan(HV_BOT_BALANCED, u);
                hv_end_turn(u, NULL);
                weeks++;
                same +=
                    hv_state_hash(s) == hv_state_hash(t) && hv_state_hash(s) == hv_state_hash(u);
            }
        }
        CHECK(weeks > 100);
        CHECK_EQ_INT(same, weeks);
        hv_level_free(level);
    }
    free(s);
    free(t);
    free(u);
    free(plain);
    return hv_test_done("bots_week");
}
