/* hv_bot: automated players for batch runs, balance sweeps, the audit and
 * tests. A bot only looks at the state and queues orders, as a player
 * would. It reads everything it knows of modules, policies and events from
 * the rules (recipes, power, housing, declared effects, the flags the goals
 * name), so it plays a modder's new content as well as the shipped one.
 * Bots keep nothing between weeks, so any game can be handed to a bot at
 * any point. Depends on hv_core alone. */
#ifndef HV_BOT_H
#define HV_BOT_H

#include "hv_event.h"
#include "hv_state.h"

typedef enum hv_bot_kind {
    HV_BOT_IDLE,     /* ends turns; takes the first choice of every event */
    HV_BOT_GREEDY,   /* mines and exports at all costs */
    HV_BOT_BALANCED, /* keeps people alive and tension down while mining */
    HV_BOT_RANDOM,   /* legal random orders and answers, from the state's player dice */
    HV_BOT_PLANNER,  /* balanced, but weighs answers and policies by playing them forward */
    HV_BOT_COUNT
} hv_bot_kind;

/* What a bot may not do, or must do: the audit's single levers. After
 * hv_bot_limits_init nothing is limited. */
typedef struct hv_bot_limits {
    uint32_t forbid; /* bit per hv_order_kind never given (answers are always given) */
    int32_t policy;  /* policy held at OPTION all game, or -1 */
    int32_t option;
    int32_t event; /* event always answered with CHOICE, or -1 */
    int32_t choice;
} hv_bot_limits;

/* Weeks the planner plays forward for each candidate, the futures it
 * plays each candidate in, and the most weeks of play-forward it spends
 * in one week of the game. */
#define HV_PLANNER_HORIZON 12
#define HV_PLANNER_SAMPLES 4
#define HV_PLANNER_BUDGET 192

/* Allows everything. */
void hv_bot_limits_init(hv_bot_limits *limits);
/* The policy whose every other option the planner plays forward against
 * its plan this week (one a week, in turn), or -1; STATE holds the
 * balanced plan's orders already. */
int32_t hv_bot_planner_policy(const hv_state *state, const hv_bot_limits *limits);
/* The bot named NAME ("idle", "greedy", "balanced", "random", "planner"), or -1. */
int hv_bot_find(const char *name);
/* The name of bot KIND. */
const char *hv_bot_name(hv_bot_kind kind);
/* Queues the orders bot KIND gives for the coming week, answering any
 * waiting event. */
void hv_bot_plan(hv_bot_kind kind, hv_state *state);
/* hv_bot_plan within LIMITS (NULL: none): forbidden orders are dropped,
 * a held policy is set and kept, a forced answer replaces the bot's. */
void hv_bot_plan_limited(hv_bot_kind kind, hv_state *state, const hv_bot_limits *limits);
/* Plays with bot KIND until the game ends or MAX_TURNS weeks have passed;
 * REPORT (may be NULL) is cleared and filled each week. Returns weeks played. */
int32_t hv_bot_play(hv_bot_kind kind, hv_state *state, int32_t max_turns, hv_report *report);
/* hv_bot_play within LIMITS (NULL: none). */
int32_t hv_bot_play_limited(hv_bot_kind kind, hv_state *state, const hv_bot_limits *limits,
                            int32_t max_turns, hv_report *report);

#endif
