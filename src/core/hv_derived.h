/* hv_derived: what the core works out from the rules once, instead of
 * again every week (recipe bits, what policy options name). Part of
 * hv_rules (its last member), so it is copied and compared with them;
 * included by hv_rules.h after the limits it needs (include that, not
 * this). Rules never derived still play the same, only slower. */
#ifndef HV_DERIVED_H
#define HV_DERIVED_H

#include <stdint.h>

struct hv_rules;

_Static_assert(HV_MAX_EVENTS <= 64, "an event's bit must fit in a uint64_t");

/* The most people a base holds (hv_state.h asserts HV_MAX_PEOPLE fits). */
#define HV_HEADS 256

/* The power a module of POWER kW (made above 0, wanted below) makes or
 * wants when staffed at PM per mille: power_flow below. */
static inline int64_t hv_power_flow(int32_t power, int64_t pm)
{
    return (power < 0 ? -(int64_t)power : power) * pm / 1000;
}

/* Filled once the rules are read (hv_rules_derive). */
typedef struct hv_rules_derived {
    int32_t ready;                      /* 1 once hv_rules_derive filled it */
    uint8_t uses[HV_MAX_MODULE_TYPES];  /* bit per resource a type's recipe takes in */
    uint8_t makes[HV_MAX_MODULE_TYPES]; /* bit per resource it puts out */
    uint8_t nets[HV_MAX_MODULE_TYPES];  /* bit per resource it takes in and puts out unevenly */
    uint8_t options[HV_MAX_POLICIES][HV_MAX_OPTIONS]; /* hv_option_names bits of each option */
    uint8_t gives[HV_MAX_MODULE_TYPES]; /* 1: a type with beds, care, leisure or security */
    /* hv_module_staffing_pm of a module of each type with each crew. */
    int16_t staffing_pm[HV_MAX_MODULE_TYPES][HV_MAX_CREW + 1];
    /* The power it makes, or wants, so staffed (hv_power_flow of staffing_pm). */
    int64_t power_flow[HV_MAX_MODULE_TYPES][HV_MAX_CREW + 1];
    /* What phase 2 reads of a module type: hv_power_kind bits. */
    uint8_t power_kind[HV_MAX_MODULE_TYPES];
    /* The story's events, a bit per index. */
    uint64_t scripted; /* fired by their trigger alone */
    uint64_t pool;     /* drawn by the storyteller: neither scripted nor a rung of unrest */
    uint16_t event_checks[HV_MAX_EVENTS]; /* hv_trigger_checks of each event's trigger */
    uint64_t rungs;                       /* rungs of the unrest ladder (unrest_at above 0) */

    /* ---- the storyteller's pool (hv_story_draw weighs it most weeks) ---- */
    /* Pool events that can weigh above 0 at all: not those of no weight,
     * tension weight or calm weight (follow-ups that only a choice brings). */
    uint64_t story_live;
    uint64_t story_still;   /* of those, the ones of no weight unless the base was quiet */
    uint64_t story_asks;    /* pool events with choices (none drawn while another waits) */
    uint64_t story_limited; /* pool events that fire at most max_times */
    uint64_t story_early;   /* pool events with a min_week */
    int32_t story_min_week; /* the latest min_week of the pool */
    int32_t story_chance;   /* the pool's chance per mille before calm adds to it (0: off) */
    /* What the draw reads of each event, side by side. */
    struct hv_story_row {
        int32_t weight, calm_weight, tension_weight, cooldown;
        int32_t forecast, text_count; /* text_count 0 reads 1 */
        uint32_t tags, checks;        /* checks: event_checks */
    } story[HV_MAX_EVENTS];
    /* The lose goals, a bit per index: deadlines (a week reached) and the rest. */
    uint32_t goal_deadlines, goal_disasters;
    /* The economy: each role's pay by the rules (0 past role_count), a bit
     * per resource some policy option adds or takes, and per supply ship a
     * bit per resource of its cargo. */
    int64_t role_pay[HV_MAX_ROLES];
    uint32_t policy_resources;
    uint32_t supply_cargo[HV_MAX_SUPPLY];

    /* ---- people (the society phase reads these for everyone, every week) ---- */
    uint32_t worker_roles; /* bit per role of the worker class */
    /* A trait's figures by hv_person.trait (0, no trait, reads 0). */
    int32_t trait_morale[HV_MAX_TRAITS + 1];
    int32_t trait_loyalty[HV_MAX_TRAITS + 1];
    int32_t trait_strain_pct[HV_MAX_TRAITS + 1];
    int32_t trait_output_pct[HV_MAX_TRAITS + 1];
    /* 2^32 / N + 1 for a head count N of 1..HV_HEADS (0 reads 0): a mean
     * of morale by multiplying, as hv_mean_of does. */
    uint64_t reciprocal[HV_HEADS + 1];
    /* The week's step of morale toward its target, by target - morale + 100
     * (both 0..100): a quarter of the way, at least one point. */
    int8_t morale_step[201];
    /* hv_sponsor_mood of each mean morale 0..100. */
    int8_t sponsor_mood[101];

    /* What the bots (src/bots) read of the rules every week. */
    int32_t bot_last_week;              /* hv_rules_last_week */
    uint32_t bot_supplied;              /* bit per resource a supply ship brings */
    uint32_t bot_power;                 /* bit per module type that makes power */
    uint32_t bot_draws;                 /* bit per module type that uses power */
    uint32_t bot_plain;                 /* bit per module type worth its recipe and power alone (no
                                           iridium, spaceport, medical, security or recreation) */
    uint32_t bot_crewless;              /* bit per module type without crew slots */
    uint32_t bot_housing;               /* bit per module type with beds */
    uint32_t bot_refines;               /* bit per module type turning ore into iridium */
    uint32_t bot_outputs[HV_RES_COUNT]; /* bit per module type putting out the resource */
    int64_t bot_materials;              /* the most materials a module type costs */
    int64_t bot_survey_fuel;            /* hv_survey_fuel */
    int64_t bot_capture_fuel[HV_MAX_ASTEROIDS];          /* hv_capture_fuel of each asteroid */
    int32_t bot_ration[HV_MAX_POLICIES][HV_MAX_OPTIONS]; /* an option's ration_pct */
    uint32_t bot_rations; /* bit per policy with an option whose ration_pct is not 0 */
    int32_t bot_crew_slots[HV_MAX_MODULE_TYPES]; /* of each module type */
    /* What a whole crew of each module type makes of each resource in a
     * week, less what it uses (not 0 just where nets has its bit). */
    int64_t bot_made[HV_MAX_MODULE_TYPES][HV_RES_COUNT];
    /* Bit per faction an option's satisfaction names. */
    uint16_t bot_factions[HV_MAX_POLICIES][HV_MAX_OPTIONS];
    uint8_t bot_terms[HV_MAX_POLICIES][HV_MAX_OPTIONS]; /* hv_bot_terms an option's effect has */
    /* An option's class tension with what its morale gap adds (society's gap_tension). */
    int32_t bot_class_delta[HV_MAX_POLICIES][HV_MAX_OPTIONS];
    /* For a mean morale M of 0..100, the lowest and highest mean with the
     * same hv_sponsor_mood on the way from M (within HV_BOT_MOOD_SPAN). */
    int16_t bot_mood_lo[101], bot_mood_hi[101];
    /* What the bots' weekly look reads of the sponsors, goals, needs and
     * policies (a fixed share of every week otherwise). */
    int64_t bot_funding;                     /* every sponsor's full funding, summed */
    int64_t bot_keep[HV_RES_COUNT];          /* the most a win goal asks held, or 0 */
    int64_t bot_point[HV_MAX_SPONSORS];      /* a sponsor's funding * 100 / 200 */
    int64_t bot_agenda_pay[HV_MAX_SPONSORS]; /* its agenda's pay weight */
    uint32_t bot_pays;                       /* bit per sponsor whose agenda weighs pay */
    int32_t bot_sponsor_faction[HV_MAX_SPONSORS];
    uint32_t bot_sat_goals;                /* bit per win goal of satisfaction at least */
    uint32_t bot_needs;                    /* bit per resource people use up (need not 0) */
    uint32_t bot_locked;                   /* bit per policy that never changes */
    int32_t bot_cooldown[HV_MAX_POLICIES]; /* a policy's cooldown */
    /* What bounds a module type's worth to the bots without weighing it. */
    uint32_t bot_gains[HV_RES_COUNT]; /* bit per module type whose bot_made of it is above 0 */
    int64_t bot_most[HV_RES_COUNT];   /* the most bot_made of it, or 0 */
    uint32_t bot_iridium, bot_port;   /* bit per module type putting out iridium, a spaceport */
    uint32_t bot_medical, bot_security, bot_recreation; /* with care, order, rest */
    /* Bit per resource a policy option's effect adds or takes. */
    uint8_t bot_resources[HV_MAX_POLICIES][HV_MAX_OPTIONS];
    uint32_t bot_kept; /* bit per resource with bot_keep above 0 */

    /* ---- effects (what hv_effect_apply and hv_policy_total read) ---- */
    /* hv_effect_names of each event's effect [0] and of its choices' [1 + c]. */
    uint32_t effect_names[HV_MAX_EVENTS][1 + HV_MAX_CHOICES];
    /* The plain figures of each policy option, in the lanes hv_policy_total
     * adds them in (HV_FIGURE_*; the last lanes 0), and its joint. */
    int32_t option_figures[HV_MAX_POLICIES][HV_MAX_OPTIONS][12] __attribute__((aligned(16)));
    int32_t option_joint[HV_MAX_POLICIES][HV_MAX_OPTIONS];
    /* Bit per sponsor whose agenda weighs the week (exports, mining, pay,
     * incidents, workers or tension); the others' weekly favour adds 0. */
    uint32_t agendas;
    /* Each module type's strain, and its hazard (0 when not above 0), for
     * the weekly pass over the people. */
    int32_t type_strain[HV_MAX_MODULE_TYPES];
    int32_t type_hazard[HV_MAX_MODULE_TYPES];
    /* 1 for a role of the worker class (worker_roles as bytes, a load
     * instead of a shift). */
    uint8_t role_worker[HV_MAX_ROLES];
} hv_rules_derived;

/* The lanes of option_figures. */
enum hv_figure {
    HV_FIGURE_STAFF,    /* morale_staff */
    HV_FIGURE_WORKERS,  /* morale_workers */
    HV_FIGURE_PAIRS,    /* tension.all */
    HV_FIGURE_CLASS,    /* class_tension */
    HV_FIGURE_SPONSORS, /* satisfaction.all */
    HV_FIGURE_OUTPUT,   /* output_pct */
    HV_FIGURE_RATION,   /* ration_pct */
    HV_FIGURE_PAY,      /* pay_pct */
    HV_FIGURE_INCIDENT, /* incident_pct */
    HV_FIGURE_CAPTURE,  /* capture_pm */
};

/* What an effect does (hv_effect_names): hv_effect_apply skips the rest. */
enum hv_effect_names {
    HV_EFFECT_RESOURCES = 1, /* a resource added or taken */
    HV_EFFECT_PEOPLE = 2,    /* morale or health of everyone */
    HV_EFFECT_PAIRS = 4,     /* tension between nations, all or a named pair */
    HV_EFFECT_CLASS = 8,     /* class tension */
    HV_EFFECT_SPONSORS = 16, /* satisfaction, funding, partners or a motion */
    HV_EFFECT_FLAGS = 32,    /* story flags set or cleared */
    HV_EFFECT_UNREST = 64,   /* strikes, sabotage, injuries, defection or loyalty */
    HV_EFFECT_OTHER = 128,   /* dust, price, mandate, a breakdown, windows or a follow-up */
};

struct hv_effect;
/* The hv_effect_names bits of E. */
uint32_t hv_effect_names(const struct hv_effect *e);

/* What a policy option's effect holds that the bots weigh (bot_terms). */
enum hv_bot_terms {
    HV_BOT_TERM_RESOURCES = 1, /* resources added or taken */
    HV_BOT_TERM_PERCENT = 2,   /* output, rations or pay changed */
    HV_BOT_TERM_MORALE = 4,    /* staff's or workers' morale */
    HV_BOT_TERM_CLASS = 8,     /* class tension, its own or from the morale gap */
    HV_BOT_TERM_TENSION = 16,  /* tension between nations */
    HV_BOT_TERM_SPONSORS = 32, /* sponsors' satisfaction */
    HV_BOT_TERM_RARE = 64,     /* incidents, joint crews or capture odds */
};

/* How far below 0 and above 100 bot_mood_lo and bot_mood_hi look. */
#define HV_BOT_MOOD_SPAN 100

/* What a module type is to phase 2 (power_kind). */
enum hv_power_kind {
    HV_POWER_MAKES = 1,   /* makes power (above 0) */
    HV_POWER_WANTS = 2,   /* wants power (below 0) */
    HV_POWER_SOLAR = 4,   /* makes it from sunlight, less the dust */
    HV_POWER_GIVES = 8,   /* gives beds, care, leisure or security (gives) */
    HV_POWER_RECIPE = 16, /* has a recipe (uses or makes) */
};

/* What a policy option's effect names beyond plain numbers (most name none). */
enum hv_option_names {
    HV_OPTION_PAIRS = 1,     /* pairs of nations in its tension */
    HV_OPTION_SPONSORS = 2,  /* factions in its satisfaction */
    HV_OPTION_RESOURCES = 4, /* resources it adds or takes */
    HV_OPTION_FIGURES = 8,   /* any other figure hv_policy_total sums (none: it adds nothing) */
};

/* Works out RULES' derived data; call again after any change to the rules. */
void hv_rules_derive(struct hv_rules *rules);
/* RULES' derived data, or when they were never derived the same worked out
 * into SCRATCH. */
const hv_rules_derived *hv_rules_derived_of(const struct hv_rules *rules,
                                            hv_rules_derived *scratch);
/* 0 when RULES are not derived or their derived data is up to date; -1
 * when the rules changed after hv_rules_derive. */
int hv_rules_check_derived(const struct hv_rules *rules);

/* SUM / COUNT for COUNT of 1..HV_HEADS people, by D's reciprocals: a
 * multiply, not a division. With m = 2^32 / COUNT + 1 = (2^32 + e) / COUNT,
 * 0 < e <= COUNT, the product is exact while SUM * e < 2^32, which holds
 * below 2^23 (morale sums stay far under it); larger sums divide. */
static inline int64_t hv_mean_of(const hv_rules_derived *d, int64_t sum, int32_t count)
{
    if ((uint64_t)sum < (UINT64_C(1) << 23))
        return (int64_t)((uint64_t)sum * d->reciprocal[count] >> 32);
    return sum / count;
}
/* hv_mean_of for a SUM of either sign: C's division rounds toward 0. */
static inline int64_t hv_share_of(const hv_rules_derived *d, int64_t sum, int32_t count)
{
    return sum >= 0 ? hv_mean_of(d, sum, count) : -hv_mean_of(d, -sum, count);
}

#endif
