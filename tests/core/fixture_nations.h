/* The politics and effects tests' world (one per test program): three
 * nations on hand-built rules, and the state and report they play in. */
#ifndef HV_TEST_FIXTURE_NATIONS_H
#define HV_TEST_FIXTURE_NATIONS_H

#include "fixture.h"
#include "hv_event.h"

static hv_rules rules;
static hv_state s;
static hv_report report;

/* Three nations, a sponsor each (funding 100, 200, 300), one person each
 * plus two workers of the first nation; three flags and no dice-driven
 * noise. */
static inline void fixture_nations(hv_rules *r, hv_state *s)
{
    fixture_rules(r);
    r->faction_count = 3;
    snprintf(r->factions[2].id, HV_ID_LEN, "cnes");
    r->roles[1].klass = HV_CLASS_WORKER;
    r->sponsor_count = 3;
    for (int k = 0; k < 3; k++) {
        r->sponsors[k].faction = k;
        r->sponsors[k].funding = 100 * (k + 1);
        r->sponsors[k].satisfaction = 50;
    }
    r->flag_count = 3;
    snprintf(r->flags[0], HV_ID_LEN, "passed");
    snprintf(r->flags[1], HV_ID_LEN, "failed");
    snprintf(r->flags[2], HV_ID_LEN, "rioted");
    r->society.base_morale = 60; /* morale stays where it starts */
    r->society.riot_at = 101;    /* no riots unless a test asks */
    r->society.riot_weeks = 1;
    r->society.incident_at = 100;
    hv_state_init(s, r, 7);
    for (int f = 0; f < 3; f++) {
        int32_t id = fixture_person(s, 0, 100);
        hv_state_person(s, id)->faction = f;
    }
    for (int w = 0; w < 2; w++) {
        int32_t id = fixture_person(s, 0, 100);
        hv_state_person(s, id)->role = 1;
    }
    hv_state_recount(s);
}

/* fixture_nations into the world above, with the report cleared. */
static void fresh(void)
{
    fixture_nations(&rules, &s);
    hv_report_clear(&report);
}

#endif
