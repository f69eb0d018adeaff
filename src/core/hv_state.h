/* hv_state: one game in progress — stocks, modules, people, the RNG, the
 * queued orders and the outcome. A plain struct with fixed capacities, owned
 * by the caller (copy it to look ahead); it points at the hv_rules it plays
 * by, which must outlive it. Only hv_turn changes it once play starts. */
#ifndef HV_STATE_H
#define HV_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "hv_order.h"
#include "hv_rng.h"
#include "hv_rules.h"

#define HV_MAX_MODULES 256
#define HV_MAX_PEOPLE 256
_Static_assert(HV_MAX_PEOPLE <= HV_HEADS, "the derived reciprocals cover every head count");
#define HV_MAX_ORDERS 256
#define HV_PERSON_NAME_LEN 48

typedef enum hv_module_status { HV_MODULE_BUILDING, HV_MODULE_ACTIVE } hv_module_status;

typedef struct hv_module {
    int32_t id; /* unique, never reused; ids ascend through the array */
    int32_t type;
    int32_t x, y;
    hv_module_status status;
    int32_t build_left; /* turns until operating, while building */
    int32_t priority;   /* power priority 1..9, 9 is shed first */
    int32_t crew;       /* people assigned, kept equal to the count of them */
    int32_t broken;     /* weeks until repaired (sabotage, faults); 0 when whole */
    /* Results of the last turn, for reports and the UI. */
    int32_t powered;
    int32_t output_pm; /* output in per-mille of full */
} hv_module;

typedef struct hv_person {
    int32_t id;       /* unique, never reused; ids ascend through the array */
    int32_t name_row; /* where hv_state.names keeps their name (hv_person_name) */
    int32_t faction;
    int32_t role;
    int32_t skill;   /* 1..5 */
    int32_t health;  /* 0..100, dies at 0 */
    int32_t morale;  /* 0..100 */
    int32_t module;  /* assigned module id, or 0 */
    int32_t away;    /* on a mission to this asteroid (index + 1), or 0 */
    int32_t strike;  /* weeks left on strike, or 0 */
    int32_t trait;   /* rules' trait index + 1, or 0 */
    int32_t loyalty; /* 0..100: how firmly they stand with their own faction */
} hv_person;

typedef enum hv_asteroid_stage {
    HV_STAGE_FAR,       /* out there; nothing launched */
    HV_STAGE_SURVEYING, /* a survey probe is on its way */
    HV_STAGE_CAPTURING, /* a capture crew is on its way */
    HV_STAGE_ORBIT,     /* in Mars orbit, being mined */
    HV_STAGE_SPENT,     /* mined out */
    HV_STAGE_LOST,      /* a capture failed; it is gone */
    HV_STAGE_EARTH,     /* in Earth orbit, mined for sale on Earth */
    HV_STAGE_COUNT
} hv_asteroid_stage;

typedef struct hv_asteroid_state {
    int32_t stage;              /* hv_asteroid_stage */
    int32_t surveyed;           /* composition known */
    int32_t weeks_left;         /* until the probe or crew arrives */
    int32_t pilot, engineer;    /* person ids of a capture crew */
    int32_t odds;               /* capture success per mille, fixed at launch */
    int32_t result;             /* hv_mission_result of the last mission */
    int32_t window_close;       /* 0, or a window opened by an event closes after this week */
    int32_t dest;               /* hv_destination of a capture, fixed at launch or redirected */
    int32_t hijack;             /* 1: redirected against the mandate; 2: found out */
    int64_t left[HV_RES_COUNT]; /* still to mine */
} hv_asteroid_state;

#define HV_MAX_SHIPMENTS 16

typedef struct hv_shipment {
    int64_t amount;     /* iridium on its way to Earth */
    int32_t weeks_left; /* until it is sold */
} hv_shipment;

/* The sides of an incident that are not a nation. */
#define HV_SIDE_WORKERS (-1)
#define HV_SIDE_STAFF (-2)
#define HV_MAX_SCHEDULED 8

/* An event the storyteller has promised: a forecast or a follow-up. */
typedef struct hv_scheduled {
    int32_t event;    /* index into the rules' events */
    int32_t week;     /* fires in this week (or the first after it that may) */
    int32_t forecast; /* 1: announced from the pool; 0: a follow-up of a choice */
} hv_scheduled;

/* Figures about the modules and the people kept up to date at every
 * change to what they count, so a week reads them instead of walking
 * every module and person. Rebuilt by hv_state_recount wherever a state
 * is made or loaded, checked against a recount by hv_state_check, and
 * never hashed. */
#define HV_MODULE_WORDS (HV_MAX_MODULES / 64)
typedef struct hv_kept {
    int32_t by_role[HV_MAX_ROLES]; /* people in each role */
    /* People of each nation on the staff, then (from HV_MAX_FACTIONS on)
     * among the workers: index klass * HV_MAX_FACTIONS + faction. */
    int32_t nation[2 * HV_MAX_FACTIONS];
    uint32_t nations;                     /* bit per faction with someone at the base */
    uint64_t free[HV_MAX_PEOPLE / 64];    /* bit per person index with no module, not away */
    int32_t by_type[HV_MAX_MODULE_TYPES]; /* modules of each type, built or not */
    uint32_t types;                       /* bit per module type with a module */
    int64_t upkeep, housing;              /* of every module, built or not */
    /* Bit per module index not running with every crew slot filled:
     * building, broken or short of crew (hv_kept_module). */
    uint64_t odd[HV_MODULE_WORDS];
    /* Bit per module index running whole (not odd) with powered 0: one
     * shed for want of power, or back at work since power was handed out. */
    uint64_t dark[HV_MODULE_WORDS];
} hv_kept;

typedef enum hv_outcome { HV_OUTCOME_RUNNING, HV_OUTCOME_WON, HV_OUTCOME_LOST } hv_outcome;

/* The goal that ended the game, when it is not one of the level's goals. */
#define HV_CAUSE_ALL_DEAD (-1)

typedef struct hv_state {
    const hv_rules *rules;
    uint64_t seed;
    hv_rng rng;
    /* Dice of a player that rolls them (the random bot), seeded from the
     * game's seed. Not part of the world: left out of the hash, so a game
     * and its replay from the orders it gave hash alike. */
    hv_rng player_rng;
    int32_t turn; /* weeks completed; the week being planned is turn + 1 */
    int64_t stock[HV_RES_COUNT];
    int32_t dust;         /* percent of sunlight blocked */
    int32_t power_supply; /* kW, last turn */
    int32_t power_demand; /* kW wanted, last turn */
    int32_t broke_turns;  /* consecutive turns ending with funds below 0 */
    int32_t deaths;
    int32_t shortage_mask; /* bit per resource short last turn */
    hv_module modules[HV_MAX_MODULES];
    int32_t module_count;
    int32_t next_module_id;
    hv_person people[HV_MAX_PEOPLE];
    int32_t person_count;
    int32_t next_person_id;
    hv_order orders[HV_MAX_ORDERS];
    int32_t order_count;
    /* Society: tension 0..100 between each pair of factions (symmetric) and
     * between the classes; sponsors' satisfaction 0..100. */
    int32_t tension[HV_MAX_FACTIONS][HV_MAX_FACTIONS];
    int32_t class_tension;
    int32_t riot_weeks; /* consecutive weeks with some tension at riot level */
    int32_t satisfaction[HV_MAX_SPONSORS];
    int32_t favour[HV_MAX_SPONSORS];      /* tenths of a point of satisfaction not yet counted */
    int32_t funding_pct[HV_MAX_SPONSORS]; /* funding changed by this percent (votes, events) */
    uint16_t partners[HV_MAX_FACTIONS];   /* bit per faction each one is partnered with */
    int32_t incidents;                    /* in all */
    int32_t riots;                        /* in all */
    int32_t strain;                       /* tenths of class tension from work not yet counted */
    int32_t side[2]; /* the sides of the incident waiting for a choice (faction, or HV_SIDE_*) */
    int32_t actor;   /* person id an event's text names ({person}), or 0 */
    /* This week's tallies, for sponsors' agendas; cleared as a week starts. */
    int64_t week_mined;
    int32_t week_incidents;
    int32_t policy[HV_MAX_POLICIES];       /* option in force */
    int32_t policy_since[HV_MAX_POLICIES]; /* week it was set (0: from the start) */
    /* Asteroids and the market. */
    hv_asteroid_state asteroids[HV_MAX_ASTEROIDS];
    int32_t captured;
    int64_t price;      /* funds per unit of iridium: price_fine / 100, for display */
    int64_t price_fine; /* the price in hundredths of funds: the market's truth */
    int64_t exported;   /* iridium sold on Earth, in all */
    int64_t sold_week;  /* iridium sold on Earth this week (shipments and Earth orbit) */
    int32_t to_mars;    /* rocks captured into Mars orbit, in all */
    int32_t to_earth;   /* rocks captured into Earth orbit, in all */
    int32_t mandate;    /* the board's demanded destination + 1, or 0 for none */
    int32_t step;       /* the level's steps done so far; the next is being taught */
    hv_shipment shipments[HV_MAX_SHIPMENTS];
    int32_t shipment_count;
    /* Events. */
    uint32_t flags;
    int32_t event_last[HV_MAX_EVENTS];   /* week it last fired, 0 never */
    int32_t pending;                     /* event index waiting for a choice, or -1 */
    int32_t event_times[HV_MAX_EVENTS];  /* times it fired */
    int32_t event_answer[HV_MAX_EVENTS]; /* last choice taken, 1-based; 0 never answered */
    int32_t event_text[HV_MAX_EVENTS];   /* text shown when it last fired */
    int32_t text_week[HV_MAX_EVENTS][HV_MAX_TEXTS]; /* week each text was last shown */
    int32_t story_last;                       /* week the pool last brought an event, 0 never */
    uint32_t story_tags;                      /* that event's tags */
    hv_scheduled scheduled[HV_MAX_SCHEDULED]; /* in the order they were promised */
    int32_t scheduled_count;
    hv_outcome outcome;
    int32_t outcome_goal; /* index into the rules' win/lose list, or HV_CAUSE_ALL_DEAD */
    int32_t outcome_turn; /* week the outcome was decided, 0 while running */
    int32_t play_on;      /* 1: weeks go on after the outcome, which stays as decided */
    hv_kept kept;
    /* The policies in force summed (hv_policy_total) as a week last summed
     * them, for the options POLICY_OF under the rules POLICY_RULES (NULL:
     * none summed yet): a week sums them afresh only when one of those
     * differs, and only orders change an option. Checked against a fresh
     * sum by hv_state_check while it holds; never hashed. */
    const hv_rules *policy_rules;
    int32_t policy_of[HV_MAX_POLICIES];
    hv_effect policy_sum;
    /* People's names, by their name_row: read by reports and the window,
     * never by the week, so kept out of the people the week walks. */
    char names[HV_MAX_PEOPLE][HV_PERSON_NAME_LEN];
} hv_state;

/* Starts an empty game on RULES with SEED: no stock, modules or people. */
void hv_state_init(hv_state *state, const hv_rules *rules, uint64_t seed);
/* Copies SRC into DST as far as anything reads it: the arrays only as far
 * as they are in use, and the names of the people in it. A look-ahead
 * copies a state for every future it plays, and the unused ends of the
 * arrays are most of a state's bytes. DST hashes and plays as SRC. */
void hv_state_copy(hv_state *dst, const hv_state *src);
/* Sets what the rules fix at the start: price, sponsors' satisfaction,
 * asteroids' composition and survey, no pending event. */
void hv_state_start_world(hv_state *state);
/* Gives everyone the level left without a trait one drawn by the rules'
 * weights; call once, when a game starts from a level's start state. */
void hv_state_draw_traits(hv_state *state);
/* The trait of person P, or NULL. */
static inline const hv_trait *hv_person_trait(const hv_state *state, const hv_person *p)
{
    return p->trait > 0 && p->trait <= state->rules->trait_count
               ? &state->rules->traits[p->trait - 1]
               : NULL;
}
/* Restarts the RNG from SEED, as a new game on the same start would. */
void hv_state_reseed(hv_state *state, uint64_t seed);
/* Places a module at the start of a game (no cost, no order); returns its id or 0 when full. */
int32_t hv_state_add_module(hv_state *state, int32_t type, int32_t x, int32_t y, int operating);
/* Adds a person named NAME (cut short to fit) at the start of a game;
 * returns the id or 0 when full. */
int32_t hv_state_add_person(hv_state *state, const hv_person *person, const char *name);
/* The name of P, one of STATE's people. */
static inline const char *hv_person_name(const hv_state *state, const hv_person *p)
{
    return state->names[p->name_row];
}
/* Renames P, one of STATE's people, to NAME (cut short to fit). */
void hv_person_rename(hv_state *state, hv_person *p, const char *name);
/* The module with ID, or NULL, found by a binary search. */
hv_module *hv_state_module_search(hv_state *state, int32_t id);
/* The index in the modules array of the module with ID, or -1. */
static inline int32_t hv_state_module_index(const hv_state *state, int32_t id)
{
    /* Ids ascend through the array and are rarely skipped (only a module
     * demolished leaves a gap), so the module usually stands where its id
     * counts from the first one. */
    int32_t guess = state->module_count > 0 ? id - state->modules[0].id : -1;
    if (guess >= 0 && guess < state->module_count && state->modules[guess].id == id)
        return guess;
    const hv_module *m = hv_state_module_search((hv_state *)state, id);
    return m ? (int32_t)(m - state->modules) : -1;
}
/* The module with ID, or NULL. */
static inline hv_module *hv_state_module(hv_state *state, int32_t id)
{
    int32_t i = hv_state_module_index(state, id);
    return i >= 0 ? &state->modules[i] : NULL;
}
/* The module standing at (X, Y), or NULL. */
hv_module *hv_state_module_at(hv_state *state, int32_t x, int32_t y);
/* The person with ID, or NULL. */
hv_person *hv_state_person(hv_state *state, int32_t id);
/* Queues ORDER for the next end of turn; -1 when the queue is full. */
int hv_state_queue_order(hv_state *state, const hv_order *order);
/* The choice (from 0) of the answer order queued this week, or -1 if none. */
int32_t hv_state_queued_answer(const hv_state *state);
/* Drops the most recently queued order (undo); -1 when none is queued. */
int hv_state_undo_order(hv_state *state);
/* Lets weeks go on after the game is won or lost (the outcome is kept). */
void hv_state_play_on(hv_state *state);
/* Highest tension between any two nations present, or between the classes. */
int32_t hv_state_max_tension(const hv_state *state);
/* Highest tension between any two nations present (as the kept figures
 * count them: hv_state_recount after changing people by hand). */
int32_t hv_state_nation_tension(const hv_state *state);
/* Bit per faction with someone at the base, by a walk over the people
 * (the week reads the same, kept: hv_kept.nations). */
uint32_t hv_state_nations(const hv_state *state);
/* Highest tension between any two nations of PRESENT (a bit per faction);
 * hv_state_nation_tension with the nations already known. */
int32_t hv_state_tension_among(const hv_state *state, uint32_t present);
/* Rebuilds STATE's kept figures from its modules and people: call after
 * changing modules' type, status, crew, broken or powered, or people's
 * role, faction, module or away, other than through the core (a test). */
void hv_state_recount(hv_state *state);
/* Hash of the whole state over a canonical encoding. */
uint64_t hv_state_hash(const hv_state *state);
/* Checks the invariants; returns 0, or -1 with a reason written to WHY. */
int hv_state_check(const hv_state *state, char *why, size_t why_len);
/* Writes a sentence naming what ended the game ("" while running). */
void hv_state_describe_outcome(const hv_state *state, char *buf, size_t len);
/* Writes a sentence describing GOAL, e.g. "hold 500 iridium". */
void hv_goal_describe(const hv_rules *rules, const hv_goal *goal, char *buf, size_t len);

#endif
