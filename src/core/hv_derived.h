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

/* Filled once the rules are read (hv_rules_derive). */
typedef struct hv_rules_derived {
    int32_t ready;                      /* 1 once hv_rules_derive filled it */
    uint8_t uses[HV_MAX_MODULE_TYPES];  /* bit per resource a type's recipe takes in */
    uint8_t makes[HV_MAX_MODULE_TYPES]; /* bit per resource it puts out */
    uint8_t nets[HV_MAX_MODULE_TYPES];  /* bit per resource it takes in and puts out unevenly */
    uint8_t options[HV_MAX_POLICIES][HV_MAX_OPTIONS]; /* hv_option_names bits of each option */
    uint8_t gives[HV_MAX_MODULE_TYPES]; /* 1: a type with beds, care, leisure or security */
    /* The story's events, a bit per index. */
    uint64_t scripted; /* fired by their trigger alone */
    uint64_t pool;     /* drawn by the storyteller: neither scripted nor a rung of unrest */

    /* ---- people (the society phase reads these for everyone, every week) ---- */
    uint32_t worker_roles; /* bit per role of the worker class */
    /* A trait's figures by hv_person.trait (0, no trait, reads 0). */
    int32_t trait_morale[HV_MAX_TRAITS + 1];
    int32_t trait_loyalty[HV_MAX_TRAITS + 1];
    int32_t trait_strain_pct[HV_MAX_TRAITS + 1];
    int32_t trait_output_pct[HV_MAX_TRAITS + 1];
} hv_rules_derived;

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

#endif
