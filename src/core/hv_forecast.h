/* hv_forecast: next week as it will be if nothing changes. A copy of the
 * state, with the orders queued now, plays the week through hv_end_turn;
 * the state holds its random generator, so the copy draws what the real
 * week will draw and the forecast is exact until the player acts again. */
#ifndef HV_FORECAST_H
#define HV_FORECAST_H

#include <stdint.h>

#include "hv_state.h"

typedef enum hv_forecast_status {
    HV_FORECAST_READY,   /* the figures below hold */
    HV_FORECAST_WAITING, /* an event waits for an answer: the week cannot be played yet */
    HV_FORECAST_OVER     /* the game has ended and goes no further */
} hv_forecast_status;

typedef struct hv_forecast {
    hv_forecast_status status;
    int32_t week;                       /* the week looked at: the one the next End week plays */
    int32_t event;                      /* WAITING: the event index that waits, else -1 */
    int32_t power_supply, power_demand; /* kW during that week */
    int64_t stock[HV_RES_COUNT];        /* at its end */
    int64_t change[HV_RES_COUNT];       /* against the stock now */
    /* Weeks until a falling stock is gone if it keeps falling at this pace
     * (1: during next week); 0 when it does not fall. */
    int32_t runs_out[HV_RES_COUNT];
    int32_t shortage_mask; /* bit per resource that will run short */
    hv_outcome outcome;    /* as it will stand after the week */
} hv_forecast;

/* Forecasts the next week of STATE into OUT and returns OUT->status.
 * SCRATCH is a state to play the week in (a state is large); STATE is
 * left as it was. */
hv_forecast_status hv_forecast_week(const hv_state *state, hv_state *scratch, hv_forecast *out);

/* Weeks until STOCK is gone when it changes by CHANGE a week (1 when the
 * next week empties it); 0 when CHANGE does not take from it. */
int32_t hv_forecast_weeks_left(int64_t stock, int64_t change);

#endif
