/* hv_bot: automated players for batch runs, balance sweeps and tests. A bot
 * only looks at the state and queues orders, as a player would; it keeps
 * nothing between weeks, so any game can be handed to a bot at any point.
 * Depends on hv_core alone. */
#ifndef HV_BOT_H
#define HV_BOT_H

#include "hv_event.h"
#include "hv_state.h"

typedef enum hv_bot_kind {
    HV_BOT_IDLE,     /* ends turns; takes the first choice of every event */
    HV_BOT_GREEDY,   /* mines and exports at all costs */
    HV_BOT_BALANCED, /* keeps people alive and tension down while mining */
    HV_BOT_COUNT
} hv_bot_kind;

/* The bot named NAME ("idle", "greedy", "balanced"), or -1. */
int hv_bot_find(const char *name);
/* The name of bot KIND. */
const char *hv_bot_name(hv_bot_kind kind);
/* Queues the orders bot KIND gives for the coming week, answering any
 * waiting event. */
void hv_bot_plan(hv_bot_kind kind, hv_state *state);
/* Plays with bot KIND until the game ends or MAX_TURNS weeks have passed;
 * REPORT (may be NULL) is cleared and filled each week. Returns weeks played. */
int32_t hv_bot_play(hv_bot_kind kind, hv_state *state, int32_t max_turns, hv_report *report);

#endif
