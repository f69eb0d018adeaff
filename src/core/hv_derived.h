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
} hv_rules_derived;

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
