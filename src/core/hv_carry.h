/* hv_carry: what a campaign carries from one level into the next. A
 * level's end leaves marks the next one starts with: how far each
 * sponsor's standing moved, the story flags the campaign names, and the
 * fate of a few named people (alive, with their health, morale and
 * loyalty, or gone). The carry is plain data, named by ids and people's
 * names rather than indices, because every level has its own lists; it is
 * applied to a new game's first state, so a save with its carry replays
 * to the same hash. */
#ifndef HV_CARRY_H
#define HV_CARRY_H

#include <stdint.h>

#include "hv_rules.h"
#include "hv_state.h"

#define HV_CARRY_PEOPLE 8 /* named people a campaign may follow */

typedef struct hv_carry_person {
    char name[HV_PERSON_NAME_LEN];
    int32_t gone; /* died or left: absent from every later level */
    int32_t health, morale, loyalty;
} hv_carry_person;

typedef struct hv_carry {
    /* Points each sponsor's standing starts above (or below) its level's figure. */
    int32_t sponsor_count;
    char sponsor[HV_MAX_SPONSORS][HV_ID_LEN]; /* faction ids */
    int32_t change[HV_MAX_SPONSORS];
    int32_t flag_count;
    char flags[HV_MAX_FLAGS][HV_ID_LEN];
    int32_t person_count;
    hv_carry_person people[HV_CARRY_PEOPLE];
} hv_carry;

/* What a campaign says to carry: the percent of each sponsor's change in
 * standing, the flags and the people it follows. */
typedef struct hv_carry_rule {
    int32_t satisfaction_pct; /* 0..100 */
    int32_t flag_count;
    char flags[HV_MAX_FLAGS][HV_ID_LEN];
    int32_t person_count;
    char people[HV_CARRY_PEOPLE][HV_PERSON_NAME_LEN];
} hv_carry_rule;

/* Empties CARRY: a level played on its own. */
void hv_carry_init(hv_carry *carry);
/* Applies CARRY to STATE, a new game's first state: sponsors of the named
 * factions move by their change (within 0..100), flags the level declares
 * are set, named people on its roster take their carried health, morale
 * and loyalty, or leave the roster when gone. What the level does not
 * know is left alone. */
void hv_carry_apply(hv_state *state, const hv_carry *carry);
/* What a level ending in END carries on, by RULE, from what it started
 * with (IN): the sponsors' change since the level's own figures (RULE's
 * percent of it), the named flags set at the end, the named people's
 * fate (gone when START, the level's own first state before any carry,
 * had them and END has not); what the level did not touch passes on
 * from IN. */
void hv_carry_take(const hv_state *start, const hv_state *end, const hv_carry_rule *rule,
                   const hv_carry *in, hv_carry *out);

#endif
