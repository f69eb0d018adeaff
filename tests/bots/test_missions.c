/* How the bots fly a capture already on its way (the Golconda level):
 * - with no mandate, the balanced bot turns a rock to the orbit where it
 *   is worth more, and that is no hijack;
 * - against the board's mandate it weighs the gain against being found
 *   out: it turns the rock while nobody can notice, and leaves it on the
 *   mandated course when being found out is certain and ruinous;
 * - the greedy bot turns it whatever being found out costs. */
#include "hv_bot.h"
#include "hv_level.h"
#include "hv_test.h"
#include "hv_turn.h"

#include <stdlib.h>

static int redirects(const hv_state *s, int32_t asteroid)
{
    int n = 0;
    for (int32_t i = 0; i < s->order_count; i++)
        n += s->orders[i].kind == HV_ORDER_REDIRECT && s->orders[i].target == asteroid;
    return n;
}

/* A capture of ASTEROID in flight to DEST, four weeks out, under MANDATE
 * (0 none, else destination + 1); returns the redirects BOT orders. */
static int plan_in_flight(const hv_level *level, hv_state *s, hv_bot_kind bot, int32_t asteroid,
                          int32_t dest, int32_t mandate)
{
    hv_level_new_game(level, 1, s);
    s->asteroids[asteroid].stage = HV_STAGE_CAPTURING;
    s->asteroids[asteroid].weeks_left = 4;
    s->asteroids[asteroid].dest = dest;
    s->mandate = mandate;
    hv_bot_plan(bot, s);
    return redirects(s, asteroid);
}

int main(void)
{
    hv_level *level = hv_level_load_printing(HV_LEVEL_DIR "/asteroid_window.yaml", stderr);
    CHECK(level != NULL);
    hv_state *s = malloc(sizeof *s);
    if (!level || !s)
        return hv_test_done("bots_missions");
    hv_rules *r = &level->rules;
    int32_t rock = hv_rules_find_asteroid(r, "golconda");
    int32_t found = hv_rules_find_event(r, "hijack_found_out");
    CHECK(rock >= 0 && found >= 0 && r->missions.found_out_event == found + 1);

    /* Which orbit the balanced bot wants, with nobody to mind. */
    int to_mars = plan_in_flight(level, s, HV_BOT_BALANCED, rock, HV_DEST_EARTH, 0);
    int to_earth = plan_in_flight(level, s, HV_BOT_BALANCED, rock, HV_DEST_MARS, 0);
    CHECK_EQ_INT(to_mars + to_earth, 1);
    int32_t want = to_mars ? HV_DEST_MARS : HV_DEST_EARTH;
    int32_t other = want == HV_DEST_MARS ? HV_DEST_EARTH : HV_DEST_MARS;
    /* Turned without a mandate: no hijack. */
    CHECK_EQ_INT(plan_in_flight(level, s, HV_BOT_BALANCED, rock, other, 0), 1);
    CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
    CHECK_EQ_INT(s->asteroids[rock].dest, want);
    CHECK_EQ_INT(s->asteroids[rock].hijack, 0);

    /* Against the mandate, when nobody can find out: a hijack it takes. */
    r->missions.found_out = 0;
    CHECK_EQ_INT(plan_in_flight(level, s, HV_BOT_BALANCED, rock, other, other + 1), 1);
    CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
    CHECK_EQ_INT(s->asteroids[rock].hijack, 1);

    /* Found out for certain, and it would ruin the base: it keeps course,
     * and the greedy bot flies it anyway. */
    r->missions.found_out = 1000;
    r->events[found].effect.resources[HV_RES_FUNDS] = -1000000;
    CHECK_EQ_INT(plan_in_flight(level, s, HV_BOT_BALANCED, rock, other, other + 1), 0);
    CHECK_EQ_INT(plan_in_flight(level, s, HV_BOT_GREEDY, rock, other, other + 1), 1);

    free(s);
    hv_level_free(level);
    return hv_test_done("bots_missions");
}
