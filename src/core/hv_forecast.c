/* The next week played ahead on a copy of the state (hv_forecast.h). */
#include "hv_forecast.h"

#include <string.h>

#include "hv_turn.h"

int32_t hv_forecast_weeks_left(int64_t stock, int64_t change)
{
    if (change >= 0)
        return 0;
    if (stock <= -change)
        return 1;
    int64_t weeks = (stock + (-change) - 1) / -change;
    return weeks > INT32_MAX ? INT32_MAX : (int32_t)weeks;
}

hv_forecast_status hv_forecast_week(const hv_state *state, hv_state *scratch, hv_forecast *out)
{
    memset(out, 0, sizeof *out);
    out->week = state->turn + 1;
    out->event = -1;
    out->outcome = state->outcome;
    out->power_supply = state->power_supply;
    out->power_demand = state->power_demand;
    memcpy(out->stock, state->stock, sizeof out->stock);
    /* A copy of the whole struct: the generator and every counter come
     * along, so the week below is the week the player will get. */
    memcpy(scratch, state, sizeof *scratch);
    hv_turn_result r = hv_end_turn(scratch, NULL);
    if (r == HV_TURN_WAITING) {
        out->status = HV_FORECAST_WAITING;
        out->event = state->pending;
        return out->status;
    }
    if (r == HV_TURN_OVER) {
        out->status = HV_FORECAST_OVER;
        return out->status;
    }
    out->status = HV_FORECAST_READY;
    out->power_supply = scratch->power_supply;
    out->power_demand = scratch->power_demand;
    out->shortage_mask = scratch->shortage_mask;
    out->outcome = scratch->outcome;
    for (int r2 = 0; r2 < HV_RES_COUNT; r2++) {
        out->stock[r2] = scratch->stock[r2];
        out->change[r2] = scratch->stock[r2] - state->stock[r2];
        out->runs_out[r2] = hv_forecast_weeks_left(state->stock[r2], out->change[r2]);
    }
    return out->status;
}
