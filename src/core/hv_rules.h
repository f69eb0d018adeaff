/* hv_rules: everything about a game that does not change while it is
 * played: resource names, module types and their recipes, roles, factions,
 * life-support needs, the weather band, the level's map, funding, supply
 * ships and goals. Filled by the data layer (or by hand in tests) and
 * shared read-only by any number of hv_state values. Plain data, no
 * pointers, so it can be copied or compared freely. */
#ifndef HV_RULES_H
#define HV_RULES_H

#include <stddef.h>
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
#define HV_MAX_POLICIES 12
#define HV_MAX_OPTIONS 4
#define HV_MAX_EVENTS 48
#define HV_MAX_CHOICES 4
#define HV_MAX_ASTEROIDS 8
#define HV_MAX_FLAGS 32
#define HV_MAX_BLOCS 8
#define HV_MAX_TRAITS 16
#define HV_MAX_TAGS 32
#define HV_MAX_TEXTS 6 /* an event's text and up to 5 alternatives */
#define HV_MAX_CREW 20 /* crew slots of a module type */
#define HV_TEXT_LEN 400
#define HV_LABEL_LEN 120

/* A trait of character a person may have: it shapes how they work, how
 * they feel, and how likely they are to start trouble or change sides. */
typedef struct hv_trait {
    char id[HV_ID_LEN];
    char name[HV_NAME_LEN];
    char text[HV_LABEL_LEN];
    int32_t weight;     /* chance to be drawn for someone the level gives no trait */
    int32_t morale;     /* added to where their morale settles */
    int32_t output_pct; /* their work, changed by this percent */
    int32_t capture_pm; /* capture odds when they fly, per mille */
    int32_t unrest;     /* percent more (or less) likely to be the one who starts an incident */
    int32_t loyalty;    /* added to where their loyalty settles */
    int32_t strain_pct; /* how much more (or less) the work's strain weighs on them */
} hv_trait;

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

#include "hv_derived.h" /* needs the limits and resources above */

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
    int32_t recreation;           /* morale target raised for everyone while running */
    int32_t security;             /* per-mille cut in incident chances while running */
    int32_t medical;              /* extra health regained per person per week while running */
    int32_t spaceport;            /* missions launch from it while running */
    int32_t strain;               /* class tension per 10 worker-weeks at full output, in tenths */
    int32_t hazard;               /* per-mille chance a week that each worker is hurt */
} hv_module_type;

/* Staff (officers, astronauts) and hired workers are paid, housed and fed
 * differently; the gap between the two is class tension. */
typedef enum hv_class { HV_CLASS_STAFF, HV_CLASS_WORKER } hv_class;

typedef struct hv_role {
    char id[HV_ID_LEN];
    char name[HV_NAME_LEN];
    int64_t pay;                   /* funds per person per turn */
    int32_t klass;                 /* hv_class */
    int32_t pilot;                 /* may fly a capture mission */
    int32_t engineer;              /* may rig a capture */
    char description[HV_TEXT_LEN]; /* what the job is, for the window; "" when not said */
} hv_role;

/* An amount for every faction (`all`) plus one for each named faction; a
 * sponsor or a person of faction F gets all + by[F]. */
typedef struct hv_by_faction {
    int32_t all;
    int16_t by[HV_MAX_FACTIONS];
} hv_by_faction;

/* An amount for every pair of nations (`all`) plus one for each named pair
 * (kept symmetric); the pair A, B gets all + by[A][B]. */
typedef struct hv_by_pair {
    int32_t all;
    int8_t by[HV_MAX_FACTIONS][HV_MAX_FACTIONS];
} hv_by_pair;

/* A board motion: each sponsor backs it by its stance plus how pleased it
 * is with the base; it passes when the backers pay more than the rest. */
typedef struct hv_motion {
    int32_t set;            /* 1 when the effect carries a motion */
    hv_by_faction stance;   /* points for (+) or against (-), by sponsor's faction */
    int32_t passed, failed; /* flag set by the outcome (index + 1; 0: none) */
} hv_motion;

/* What a policy option does every week it is in force, or what an event
 * or one of its choices does once. Each context reads only some keys. */
typedef struct hv_effect {
    int64_t resources[HV_RES_COUNT]; /* added to stocks (negative takes) */
    int32_t morale_staff;            /* policy: morale target; event: morale now */
    int32_t morale_workers;          /* same, for workers */
    hv_by_pair tension;              /* added to pairs of nations */
    int32_t class_tension;           /* added to the tension between classes */
    hv_by_faction satisfaction;      /* added to sponsors' satisfaction */
    hv_by_faction funding_pct; /* event: sponsors' funding changed by this percent, for good */
    int32_t health;            /* event: added to everyone's health */
    int32_t dust;              /* event: added to the dust */
    int32_t price_pct;         /* event: iridium price changed by this percent */
    int32_t output_pct;        /* policy: module output changed by this percent */
    int32_t ration_pct;        /* policy: food eaten changed by this percent */
    int32_t pay_pct;           /* policy: workers' pay changed by this percent */
    int32_t incident_pct;      /* policy: incident chances changed by this percent */
    int32_t capture_pm;        /* policy: capture odds changed by this per-mille */
    int32_t joint;          /* policy: crews mix across nations (joint work eases twice as fast) */
    int32_t break_type;     /* event: one running module of this type (index+1) breaks */
    int32_t break_weeks;    /* event: for this many weeks */
    int32_t window_weeks;   /* event: launch windows open for this many weeks */
    int32_t strike_weeks;   /* event: the side of the incident (or the workers) downs tools */
    int32_t sabotage_weeks; /* event: the most strained running module breaks */
    int32_t injure;         /* event: one person of each side loses this much health */
    int32_t defect;         /* event: someone of the first side goes over to the other */
    int32_t loyalty;        /* event: added to the loyalty of everyone on the first side */
    int32_t mandate;        /* event: hv_mandate_change (0 keeps the board's decision) */
    uint32_t set_flags;     /* event: bits set */
    uint32_t clear_flags;   /* event: bits cleared */
    int32_t partner[2];     /* event: these two factions (index + 1) become partners */
    int32_t split[2];       /* event: these two factions (index + 1) end their partnership */
    hv_motion motion;       /* event: the board votes on a motion */
    int32_t follow_event;   /* event: index + 1 of an event to come later (0: none) */
    int32_t follow_weeks;   /* event: that many weeks later */
} hv_effect;

/* Where a captured rock is flown: Mars orbit (mined into the base's stock)
 * or Earth orbit (its iridium sold on Earth as it is mined). */
typedef enum hv_destination { HV_DEST_MARS, HV_DEST_EARTH, HV_DEST_COUNT } hv_destination;

/* What an effect does to the board's mandate: keep it, demand one
 * destination for every capture, or lift it. */
typedef enum hv_mandate_change {
    HV_MANDATE_KEEP,
    HV_MANDATE_MARS,
    HV_MANDATE_EARTH,
    HV_MANDATE_LIFT
} hv_mandate_change;

typedef struct hv_policy_option {
    char id[HV_ID_LEN];
    char name[HV_NAME_LEN];
    hv_effect effect;
} hv_policy_option;

typedef struct hv_policy {
    char id[HV_ID_LEN];
    char name[HV_NAME_LEN];
    char text[HV_LABEL_LEN];
    int32_t cooldown;         /* weeks before it may change again */
    int32_t locked;           /* the level keeps the start option in force */
    char start_id[HV_ID_LEN]; /* the option in force at the start, as written ("": the first) */
    int32_t start;            /* its index, resolved when the options are read */
    int32_t option_count;
    hv_policy_option options[HV_MAX_OPTIONS];
} hv_policy;

typedef struct hv_choice {
    char text[HV_LABEL_LEN];
    hv_effect effect;
} hv_choice;

typedef enum hv_mission_result {
    HV_RESULT_NONE,
    HV_RESULT_SURVEYED,
    HV_RESULT_CAPTURED,
    HV_RESULT_FAILED,
    HV_RESULT_COUNT
} hv_mission_result;

/* When a scripted event fires: every condition given must hold. */
typedef struct hv_trigger {
    int32_t week;     /* from this week on (0: any) */
    int32_t resource; /* -1: none */
    int64_t below;    /* resource below this (when below_set) */
    int64_t above;    /* resource above this (when above_set) */
    int32_t below_set, above_set;
    int32_t tension_above; /* highest nation tension above this (-1: none) */
    int32_t class_above;   /* class tension above this (-1: none) */
    int32_t flag;          /* flag index that must be set (-1: none) */
    int32_t trait;         /* someone with this trait (index + 1) is at the base (0: none) */
    int32_t asteroid;      /* asteroid index whose mission result must be ... (-1: none) */
    int32_t result;        /* ... this hv_mission_result */
    /* Zero means none for these, so older code that builds triggers works. */
    int32_t flag_clear;    /* index + 1 of a flag that must not be set */
    int32_t tension_below; /* highest nation tension below this */
    int32_t answered;      /* index + 1 of an event whose last answer must be ... */
    int32_t answer;        /* ... this choice, 1-based */
    int32_t module;        /* index + 1 of a module type counted by ... */
    int32_t built;         /* ... at least this many stand or are being built (0: none) */
    int32_t staffed;       /* ... at least this many people work in them (0: none) */
    int32_t policy;        /* index + 1 of a policy whose option in force is ... */
    int32_t option;        /* ... this one */
} hv_trigger;

/* A step of a level that teaches: what to do, and when it is done. The
 * steps come one at a time, in order; the game checks the current one at
 * the end of every week. */
typedef struct hv_step {
    char title[HV_NAME_LEN];
    char text[HV_TEXT_LEN];
    hv_trigger done;
} hv_step;

#define HV_MAX_STEPS 12

/* How often the random pool speaks: a base chance that rises with calm. */
typedef struct hv_storyteller {
    int32_t chance;       /* per mille per week; -1: event_chance */
    int32_t calm_step;    /* per mille added per quiet week since the last random event */
    int32_t text_gap;     /* weeks before the same text may be drawn again (0: no limit) */
    int32_t same_tag_pct; /* weight kept by an event sharing a tag with the last one */
} hv_storyteller;

typedef struct hv_event_def {
    char id[HV_ID_LEN];
    char title[HV_NAME_LEN];
    char text[HV_TEXT_LEN];
    int32_t scripted;       /* from the level: fires once when its trigger holds */
    int32_t unrest_at;      /* unrest ladder: comes from an incident roll at this tension or more */
    int32_t weight;         /* random: relative chance in the pool */
    int32_t min_week;       /* random: not before this week */
    int32_t cooldown;       /* random: weeks before it may come again */
    int32_t tension_weight; /* random: weight added per 10 points of the highest tension */
    int32_t calm_weight;    /* random: weight added per quiet week since the last random event */
    int32_t max_times;      /* fires at most this often in a game (0: unlimited) */
    int32_t forecast;       /* random: announced this many weeks before it fires (0: not) */
    uint32_t tags;          /* bit per tag of the rules' tag list */
    int32_t text_count;     /* texts: text and the alternatives, shown in turn */
    char texts[HV_MAX_TEXTS - 1][HV_TEXT_LEN]; /* alternatives after text */
    hv_trigger trigger;
    hv_effect effect; /* applied when it fires */
    int32_t choice_count;
    hv_choice choices[HV_MAX_CHOICES];
} hv_event_def;

typedef struct hv_asteroid {
    char id[HV_ID_LEN];
    char name[HV_NAME_LEN];
    char klass[HV_ID_LEN];             /* metallic, carbonaceous, ... (shown to players) */
    int64_t composition[HV_RES_COUNT]; /* what mining it can yield in all */
    int64_t mine_rate;                 /* units mined per week once in orbit */
    int32_t transfer_weeks;            /* weeks from launch to capture */
    int64_t capture_fuel;
    int32_t risk;                      /* 0..100 */
    int32_t window_open, window_close; /* launch window weeks (0, 0: always open) */
    int32_t surveyed;                  /* composition known from the start */
} hv_asteroid;

typedef struct hv_society {
    int32_t base_morale;      /* where morale settles with needs met */
    int32_t worker_morale;    /* workers settle this much lower (quarters, pay) */
    int32_t tension_decay;    /* tension eases by this each quiet week */
    int32_t shortage_tension; /* tension added per week of shortage */
    int32_t gap_tension;      /* per 10 points of morale gap between two groups */
    int32_t joint_work;       /* tension eased per module two nations staff together */
    int32_t incident_at;      /* tension from which incidents may happen */
    int32_t incident_pm;      /* chance per mille per point of tension above it */
    int32_t riot_at;          /* tension that is a riot in the making */
    int32_t riot_weeks;       /* weeks at or above riot_at before the riot breaks out */
    int32_t riot_damage;      /* modules a riot wrecks */
    int32_t riot_repair;      /* weeks a wrecked module is out of action */
    int32_t riot_injury;      /* health lost by everyone on the rioting sides */
    int32_t riot_release;     /* tension the riot burns off between the sides */
    int32_t riot_flag;        /* story flag a riot sets (index + 1; 0: none) */
    int32_t partner_calm;     /* tension eased each week between partners */
    int32_t partner_output;   /* percent more output from modules partners staff together */
    int32_t work_injury;      /* health a worker loses when a hazard strikes */
} hv_society;

typedef enum hv_incident_kind {
    HV_INCIDENT_STRIKE,
    HV_INCIDENT_SMUGGLING,
    HV_INCIDENT_SABOTAGE,
    HV_INCIDENT_FIGHT,
    HV_INCIDENT_DEFECTION,
    HV_INCIDENT_COUNT
} hv_incident_kind;

typedef struct hv_incidents {
    int32_t weight[HV_INCIDENT_COUNT];
    int32_t strike_weeks;
    int64_t smuggling[HV_RES_COUNT]; /* drained from stock by the black market */
    int32_t sabotage_weeks;
    int32_t fight_injury;
    int32_t tension; /* an incident adds this to its pair */
} hv_incidents;

typedef struct hv_missions {
    int64_t survey_fuel;
    int32_t survey_weeks;
    int32_t base_odds;              /* capture success, per mille */
    int32_t skill_odds;             /* per mille per crew skill point above 3 each */
    int32_t risk_odds;              /* per mille off per point of risk */
    int32_t tension_odds;           /* per mille off per point of crew tension above incident_at */
    int32_t unsurveyed_odds;        /* per mille off when the composition is unknown */
    int32_t crew_loss;              /* per mille chance a failed capture kills its crew */
    int32_t earth_share;            /* percent of the market price paid for a rock in Earth orbit */
    int32_t found_out;              /* per mille per week that a hijack in transit is found out */
    char hijack_flag_id[HV_ID_LEN]; /* as written; "" none */
    char found_out_event_id[HV_ID_LEN]; /* as written; "" none */
    int32_t hijack_flag;                /* flag set when a hijack is found out: index + 1, 0 none */
    int32_t found_out_event;            /* event fired then: index + 1, 0 none */
} hv_missions;

typedef struct hv_market {
    int64_t price; /* funds per unit of iridium at the start */
    int64_t price_min, price_max;
    int32_t swing_pct;    /* largest weekly move, percent */
    int32_t recovery;     /* percent of the gap to `price` closed each week */
    int32_t elasticity;   /* percent the price drops per 100 units sold at once */
    int32_t ship_weeks;   /* weeks from export to payment */
    int32_t satisfaction; /* sponsor satisfaction per 100 iridium delivered */
} hv_market;

typedef struct hv_faction {
    char id[HV_ID_LEN];
    char name[HV_NAME_LEN];
    uint32_t colour; /* 0xRRGGBB */
} hv_faction;

/* What a sponsor cares about, applied weekly to its satisfaction in tenths
 * of a point: a weight per unit of each quantity the base produces. */
typedef struct hv_agenda {
    int32_t exports;     /* per 10 iridium sold on Earth this week */
    int32_t mining;      /* per 10 units mined in Mars orbit this week (jobs on Mars) */
    int32_t pay;         /* per 10 points of workers' pay above (or below) the contract */
    int32_t incidents;   /* per incident this week */
    int32_t workers;     /* per worker on the roster (hired jobs) */
    int32_t tension;     /* per 10 points of the highest tension between nations */
    int32_t earth_orbit; /* once per captured rock parked in Earth orbit */
    int32_t mars_orbit;  /* once per captured rock parked in Mars orbit */
} hv_agenda;

typedef struct hv_sponsor {
    int32_t faction;
    int64_t funding;      /* funds per turn at full satisfaction; half at none */
    int32_t satisfaction; /* 0..100 at the start */
    hv_agenda agenda;
} hv_sponsor;

/* A named group of factions; effects may name it where they name a faction. */
typedef struct hv_bloc {
    char id[HV_ID_LEN];
    char name[HV_NAME_LEN];
    uint32_t members; /* bit per faction */
} hv_bloc;

typedef struct hv_supply_ship {
    int32_t first_turn; /* week of the first arrival, 1-based */
    int32_t every;      /* weeks between arrivals; 0 = arrives once */
    int64_t cargo[HV_RES_COUNT];
} hv_supply_ship;

typedef enum hv_goal_kind {
    HV_GOAL_RESOURCE_AT_LEAST,     /* win: stock of RESOURCE >= AMOUNT */
    HV_GOAL_RESOURCE_DEPLETED,     /* lose: stock of RESOURCE ran out */
    HV_GOAL_TURN_REACHED,          /* win: survive to TURN; lose: deadline */
    HV_GOAL_MODULES_AT_LEAST,      /* win: AMOUNT operating modules of TYPE */
    HV_GOAL_POPULATION_AT_LEAST,   /* win: at least AMOUNT people alive */
    HV_GOAL_POPULATION_BELOW,      /* lose: fewer than AMOUNT people alive */
    HV_GOAL_BANKRUPT,              /* lose: funds below 0 for TURN weeks running */
    HV_GOAL_TENSION_BELOW,         /* win: every tension below AMOUNT */
    HV_GOAL_RIOT,                  /* lose: tension at riot level for the rules' weeks */
    HV_GOAL_EXPORTED_AT_LEAST,     /* win: AMOUNT iridium delivered to Earth in all */
    HV_GOAL_CAPTURED_AT_LEAST,     /* win: AMOUNT asteroids captured */
    HV_GOAL_FLAG_SET,              /* win or lose: FLAG is set */
    HV_GOAL_SATISFACTION_AT_LEAST, /* win: every sponsor at least AMOUNT satisfied */
    HV_GOAL_KIND_COUNT
} hv_goal_kind;

typedef struct hv_goal {
    hv_goal_kind kind;
    int32_t resource;
    int32_t module_type;
    int32_t turn;
    int64_t amount;
    int32_t flag;
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

/* Where a level is set: the names its texts and the window use for the
 * base and the world it stands on ("Mars orbit"). */
typedef struct hv_world {
    char place[HV_NAME_LEN]; /* the base */
    char body[HV_NAME_LEN];  /* the world; captured rock may be parked in its orbit */
    int32_t sunlight;        /* percent of their type's power solar arrays make, before dust */
    /* A day and a night longer than a week (the Moon's): DAY_WEEKS lit weeks
     * from week 1, then NIGHT_WEEKS dark ones, over and over. Both 0: every
     * week holds its days and nights. */
    int32_t day_weeks, night_weeks;
    char ground[HV_ID_LEN]; /* the art's ground tiles, terrain/GROUND/; "" the Martian ones */
    int32_t gravity;        /* percent of Earth's; launch fuel is given for Mars' */
} hv_world;

/* Mars' gravity in percent of Earth's: the rules' fuel figures are for a
 * launch from Mars, and a world's `gravity` scales them from there. */
#define HV_MARS_GRAVITY 38

typedef struct hv_rules {
    hv_world world;
    hv_step steps[HV_MAX_STEPS]; /* a level's lesson, in order; none elsewhere */
    int32_t step_count;
    hv_resource_info resources[HV_RES_COUNT];
    hv_module_type module_types[HV_MAX_MODULE_TYPES];
    int32_t module_type_count;
    hv_role roles[HV_MAX_ROLES];
    int32_t role_count;
    hv_faction factions[HV_MAX_FACTIONS];
    int32_t faction_count;
    hv_bloc blocs[HV_MAX_BLOCS];
    int32_t bloc_count;
    hv_trait traits[HV_MAX_TRAITS];
    int32_t trait_count;
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
    hv_society society;
    hv_incidents incidents;
    hv_missions missions;
    hv_market market;
    int32_t event_chance; /* per mille per week that a random event comes */
    hv_storyteller storyteller;
    hv_policy policies[HV_MAX_POLICIES];
    int32_t policy_count;
    hv_event_def events[HV_MAX_EVENTS]; /* random pool and the level's scripted ones */
    int32_t event_count;
    hv_asteroid asteroids[HV_MAX_ASTEROIDS];
    int32_t asteroid_count;
    char flags[HV_MAX_FLAGS][HV_ID_LEN];
    int32_t flag_count;
    char tags[HV_MAX_TAGS][HV_ID_LEN]; /* event tags, in order of first use */
    int32_t tag_count;
    int32_t map_width;
    int32_t map_height;
    uint8_t terrain[HV_MAX_MAP * HV_MAX_MAP]; /* hv_terrain, row-major */
    hv_rules_derived derived;                 /* last: hv_rules_derive fills it */
} hv_rules;

/* Copies SRC into DST of CAP bytes, cut short if it must be. */
void hv_copy_text(char *dst, size_t cap, const char *src);
/* Fills the fixed resource ids and default display names; zeroes the rest. */
void hv_rules_init(hv_rules *rules);
/* The world whose orbit DEST is, as texts name it: "Earth", or the level's
 * world (`world.body`, "Mars" by default). */
const char *hv_dest_name(const hv_rules *rules, int32_t dest);
/* Whether the sun is up in WEEK (1-based): always, unless the world's day
 * and night are longer than a week. NEXT, if not NULL, gets the first week
 * after WEEK when that changes (0: never). */
int hv_world_daylight(const hv_rules *rules, int32_t week, int32_t *next);
/* Fuel a launch needing FUEL from Mars burns from the level's world: scaled
 * by its gravity, rounded up, so a costly launch never becomes free. */
int64_t hv_launch_fuel(const hv_rules *rules, int64_t fuel);
/* Fuel a survey probe burns at launch, on this world. */
int64_t hv_survey_fuel(const hv_rules *rules);
/* Fuel a capture of asteroid I burns at launch, on this world. */
int64_t hv_capture_fuel(const hv_rules *rules, int32_t i);
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
/* Index of the trait with ID, or -1. */
int hv_rules_find_trait(const hv_rules *rules, const char *id);
/* Index of the bloc with ID, or -1. */
int hv_rules_find_bloc(const hv_rules *rules, const char *id);
/* Index of the policy with ID, or -1. */
int hv_rules_find_policy(const hv_rules *rules, const char *id);
/* Index of the asteroid with ID, or -1. */
int hv_rules_find_asteroid(const hv_rules *rules, const char *id);
/* Index of the flag with ID, or -1. */
int hv_rules_find_flag(const hv_rules *rules, const char *id);
/* Index of the event with ID, or -1. */
int hv_rules_find_event(const hv_rules *rules, const char *id);
/* Text number VARIANT of event EV (0 is its `text`), wrapping around its texts. */
const char *hv_event_text(const hv_event_def *ev, int32_t variant);
/* The random pool's chance per mille in a week after QUIET quiet weeks. */
int32_t hv_rules_event_chance(const hv_rules *rules, int32_t quiet);
/* Whether event INDEX can come at all: scripted, drawable from a pool that
 * speaks, a rung of the unrest ladder where incidents happen, or the
 * follow-up of one that can. */
int hv_rules_event_can_fire(const hv_rules *rules, int32_t index);
/* hv_rules_event_can_fire of every event at once, a bit per index. */
uint64_t hv_rules_events_live(const hv_rules *rules);
/* Whether EV's effect or one of its choices sets event TARGET (an index)
 * in motion as its follow-up. */
int hv_rules_event_follows_to(const hv_event_def *ev, int32_t target);
/* The latest week a goal names (a win at a week, or a deadline), or 0. */
int32_t hv_rules_last_week(const hv_rules *rules);
/* What faction F (or the sponsor of faction F) gets from AMOUNTS. */
static inline int32_t hv_by_faction_for(const hv_by_faction *amounts, int32_t f)
{
    return amounts->all + amounts->by[f];
}
/* What the pair A, B gets from AMOUNTS. */
static inline int32_t hv_by_pair_for(const hv_by_pair *amounts, int32_t a, int32_t b)
{
    return amounts->all + amounts->by[a][b];
}
/* Terrain at (X, Y); rock outside the map. */
hv_terrain hv_rules_terrain_at(const hv_rules *rules, int x, int y);

#endif
