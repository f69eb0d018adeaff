/* hv_rules: everything about a game that does not change while it is
 * played: resource names, module types and their recipes, roles, factions,
 * life-support needs, the weather band, the level's map, funding, supply
 * ships and goals. Filled by the data layer (or by hand in tests) and
 * shared read-only by any number of hv_state values. Plain data, no
 * pointers, so it can be copied or compared freely. */
#ifndef HV_RULES_H
#define HV_RULES_H

#include <stdint.h>

#define HV_ID_LEN 32
#define HV_NAME_LEN 64
#define HV_MAX_MODULE_TYPES 32
#define HV_MAX_ROLES 16
#define HV_MAX_FACTIONS 12
#define HV_MAX_SPONSORS 12
#define HV_MAX_SUPPLY 16
#define HV_MAX_GOALS 16
#define HV_MAX_MAP 64

/* Stocked resources. Power is a flow, recomputed every turn, not stocked.
 * Display names come from the rules; the loop they form is fixed:
 * ice -> water -> oxygen/fuel; ore -> iridium -> funds -> supplies. */
typedef enum hv_resource {
    HV_RES_WATER,
    HV_RES_OXYGEN,
    HV_RES_FOOD,
    HV_RES_MATERIALS,
    HV_RES_FUEL,
    HV_RES_ORE,
    HV_RES_IRIDIUM,
    HV_RES_FUNDS,
    HV_RES_COUNT
} hv_resource;

/* What a map cell is; module types say which they may be built on. */
typedef enum hv_terrain {
    HV_TERRAIN_PLAIN, /* '.' regolith plain */
    HV_TERRAIN_ICE,   /* '~' buried ice deposit */
    HV_TERRAIN_ROCK,  /* '#' rock, cannot be built on */
    HV_TERRAIN_COUNT
} hv_terrain;

typedef struct hv_resource_info {
    char id[HV_ID_LEN];     /* fixed: "water", "oxygen", ... */
    char name[HV_NAME_LEN]; /* display name, renameable */
    char unit[HV_ID_LEN];   /* display unit, e.g. "kg" */
} hv_resource_info;

typedef struct hv_module_type {
    char id[HV_ID_LEN];
    char name[HV_NAME_LEN];
    int64_t cost[HV_RES_COUNT];   /* paid when the build order is applied */
    int32_t build_turns;          /* turns from order to operation, >= 1 */
    int64_t upkeep;               /* funds per turn once placed */
    int32_t crew_slots;           /* 0: runs unattended at full output */
    int32_t power;                /* kW at full output: > 0 makes, < 0 uses */
    int32_t solar;                /* power output shrinks with dust */
    int64_t input[HV_RES_COUNT];  /* per turn at full output */
    int64_t output[HV_RES_COUNT]; /* per turn at full output */
    int32_t housing;              /* beds while powered */
    int32_t priority;             /* 1 (keep longest) .. 9 (shed first) */
    uint32_t terrain_mask;        /* bit per hv_terrain it may stand on */
} hv_module_type;

typedef struct hv_role {
    char id[HV_ID_LEN];
    char name[HV_NAME_LEN];
    int64_t pay; /* funds per person per turn */
} hv_role;

typedef struct hv_faction {
    char id[HV_ID_LEN];
    char name[HV_NAME_LEN];
    uint32_t colour; /* 0xRRGGBB */
} hv_faction;

typedef struct hv_sponsor {
    int32_t faction;
    int64_t funding; /* funds per turn */
} hv_sponsor;

typedef struct hv_supply_ship {
    int32_t first_turn; /* week of the first arrival, 1-based */
    int32_t every;      /* weeks between arrivals; 0 = arrives once */
    int64_t cargo[HV_RES_COUNT];
} hv_supply_ship;

typedef enum hv_goal_kind {
    HV_GOAL_RESOURCE_AT_LEAST,   /* win: stock of RESOURCE >= AMOUNT */
    HV_GOAL_RESOURCE_DEPLETED,   /* lose: stock of RESOURCE ran out */
    HV_GOAL_TURN_REACHED,        /* win: survive to TURN; lose: deadline */
    HV_GOAL_MODULES_AT_LEAST,    /* win: AMOUNT operating modules of TYPE */
    HV_GOAL_POPULATION_AT_LEAST, /* win: at least AMOUNT people alive */
    HV_GOAL_POPULATION_BELOW,    /* lose: fewer than AMOUNT people alive */
    HV_GOAL_BANKRUPT,            /* lose: funds below 0 for TURN weeks running */
    HV_GOAL_KIND_COUNT
} hv_goal_kind;

typedef struct hv_goal {
    hv_goal_kind kind;
    int32_t resource;
    int32_t module_type;
    int32_t turn;
    int64_t amount;
} hv_goal;

typedef struct hv_life_support {
    int64_t need[HV_RES_COUNT];   /* per person per turn (oxygen, water, food) */
    int64_t damage[HV_RES_COUNT]; /* health lost per turn at total lack */
    int32_t recovery;             /* health regained per turn when all needs met */
    int32_t exposure_damage;      /* health lost per turn without a powered bed */
    int32_t shortage_morale;      /* morale lost per turn of any shortage */
} hv_life_support;

typedef struct hv_weather {
    int32_t dust_min; /* percent of sunlight blocked */
    int32_t dust_max;
    int32_t dust_swing; /* largest weekly change either way */
} hv_weather;

typedef struct hv_rules {
    hv_resource_info resources[HV_RES_COUNT];
    hv_module_type module_types[HV_MAX_MODULE_TYPES];
    int32_t module_type_count;
    hv_role roles[HV_MAX_ROLES];
    int32_t role_count;
    hv_faction factions[HV_MAX_FACTIONS];
    int32_t faction_count;
    hv_life_support life;
    hv_weather weather;
    hv_sponsor sponsors[HV_MAX_SPONSORS];
    int32_t sponsor_count;
    hv_supply_ship supply[HV_MAX_SUPPLY];
    int32_t supply_count;
    hv_goal win[HV_MAX_GOALS]; /* all must hold at once */
    int32_t win_count;
    hv_goal lose[HV_MAX_GOALS]; /* any one ends the game */
    int32_t lose_count;
    int32_t map_width;
    int32_t map_height;
    uint8_t terrain[HV_MAX_MAP * HV_MAX_MAP]; /* hv_terrain, row-major */
} hv_rules;

/* Fills the fixed resource ids and default display names; zeroes the rest. */
void hv_rules_init(hv_rules *rules);
/* Index of the resource with ID, or -1. */
int hv_resource_find(const char *id);
/* Fixed id of resource R ("water", ...). */
const char *hv_resource_id(hv_resource r);
/* Index of the module type with ID, or -1. */
int hv_rules_find_module_type(const hv_rules *rules, const char *id);
/* Index of the role with ID, or -1. */
int hv_rules_find_role(const hv_rules *rules, const char *id);
/* Index of the faction with ID, or -1. */
int hv_rules_find_faction(const hv_rules *rules, const char *id);
/* Terrain at (X, Y); rock outside the map. */
hv_terrain hv_rules_terrain_at(const hv_rules *rules, int x, int y);

#endif
