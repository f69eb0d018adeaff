/* The forecast of next week is the week the player then gets: on shipped
 * levels over several seeds it matches hv_end_turn's stocks, power,
 * shortages and outcome, leaves the state alone, waits for an unanswered
 * event and stops at the end of a game. */
#include <stdlib.h>

#include "hv_diag.h"
#include "hv_forecast.h"
#include "hv_level.h"
#include "hv_test.h"
#include "hv_turn.h"

static hv_state state, scratch, copy;

static void test_weeks_left(void)
{
    CHECK_EQ_INT(hv_forecast_weeks_left(100, 0), 0);
    CHECK_EQ_INT(hv_forecast_weeks_left(100, 5), 0);
    CHECK_EQ_INT(hv_forecast_weeks_left(100, -100), 1);
    CHECK_EQ_INT(hv_forecast_weeks_left(100, -150), 1);
    CHECK_EQ_INT(hv_forecast_weeks_left(100, -99), 2);
    CHECK_EQ_INT(hv_forecast_weeks_left(100, -20), 5);
    CHECK_EQ_INT(hv_forecast_weeks_left(101, -20), 6);
    CHECK_EQ_INT(hv_forecast_weeks_left(0, -3), 1);
}

/* Plays WEEKS weeks of LEVEL from SEED, forecasting each before it is
 * played; returns how many weeks had a stock change forecast. */
static int play_forecasting(const hv_level *level, uint64_t seed, int weeks, int *waited)
{
    hv_level_new_game(level, seed, &state);
    int moving = 0;
    for (int w = 0; w < weeks && state.outcome == HV_OUTCOME_RUNNING; w++) {
        hv_forecast f;
        uint64_t hash = hv_state_hash(&state);
        if (state.pending >= 0) {
            CHECK_EQ_INT(hv_forecast_week(&state, &scratch, &f), HV_FORECAST_WAITING);
            CHECK_EQ_INT(f.event, state.pending);
            hv_order answer = {0};
            answer.kind = HV_ORDER_ANSWER;
            answer.value = (int32_t)((seed + (uint64_t)w) % 2 == 0 ? 0 : 1) %
                           state.rules->events[state.pending].choice_count;
            CHECK(hv_state_queue_order(&state, &answer) == 0);
            hash = hv_state_hash(&state);
            (*waited)++;
        }
        CHECK_EQ_INT(hv_forecast_week(&state, &scratch, &f), HV_FORECAST_READY);
        CHECK_EQ_INT(hv_state_hash(&state), hash); /* the forecast changed nothing */
        CHECK_EQ_INT(f.week, state.turn + 1);
        memcpy(&copy, &state, sizeof copy);
        CHECK_EQ_INT(hv_end_turn(&state, NULL), HV_TURN_DONE);
        CHECK_EQ_INT(f.power_supply, state.power_supply);
        CHECK_EQ_INT(f.power_demand, state.power_demand);
        CHECK_EQ_INT(f.shortage_mask, state.shortage_mask);
        CHECK_EQ_INT(f.outcome, state.outcome);
        int any = 0;
        for (int r = 0; r < HV_RES_COUNT; r++) {
            CHECK_EQ_INT(f.stock[r], state.stock[r]);
            CHECK_EQ_INT(f.change[r], state.stock[r] - copy.stock[r]);
            CHECK_EQ_INT(f.runs_out[r], hv_forecast_weeks_left(copy.stock[r], f.change[r]));
            any |= f.change[r] != 0;
        }
        moving += any;
    }
    return moving;
}

static void test_levels(void)
{
    static const char *const levels[] = {HV_LEVEL_DIR "/conference.yaml",
                                         HV_LEVEL_DIR "/jamestown.yaml"};
    int waited = 0;
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
        hv_diag diag;
        hv_diag_init(&diag);
        hv_level *level = hv_level_load(levels[i], &diag);
        hv_diag_free(&diag);
        CHECK(level != NULL);
        if (!level)
            continue;
        for (uint64_t seed = 1; seed <= 4; seed++)
            CHECK(play_forecasting(level, seed, 20, &waited) > 10);
        hv_level_free(level);
    }
    CHECK(waited > 0); /* some week had an event to answer first */
}

static void test_over(void)
{
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *level = hv_level_load(HV_LEVEL_DIR "/conference.yaml", &diag);
    hv_diag_free(&diag);
    CHECK(level != NULL);
    if (!level)
        return;
    hv_level_new_game(level, 7, &state);
    state.outcome = HV_OUTCOME_LOST;
    hv_forecast f;
    CHECK_EQ_INT(hv_forecast_week(&state, &scratch, &f), HV_FORECAST_OVER);
    CHECK_EQ_INT(f.stock[HV_RES_FUNDS], state.stock[HV_RES_FUNDS]);
    CHECK_EQ_INT(f.change[HV_RES_FUNDS], 0);
    hv_level_free(level);
}

int main(void)
{
    test_weeks_left();
    test_levels();
    test_over();
    return hv_test_done("core_forecast");
}
