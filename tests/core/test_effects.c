/* One-off effects and the policies in force, on hand-built rules: what an
 * effect names (hv_effect_names) decides what hv_effect_apply touches, and
 * hv_policy_total sums the same with the rules derived or not. */
#include "fixture_nations.h"
#include "hv_test.h"
#include "hv_phase.h"
#include "hv_turn.h"

/* One event's effect, applied with the rules derived (what it names read
 * from the derived data) and not (worked out on the spot), moves the same
 * things, and only those it names. */
static uint64_t effect_run(int derive, uint32_t *names)
{
    fresh();
    int32_t i = rules.event_count++;
    memset(&rules.events[i], 0, sizeof rules.events[i]);
    hv_effect *e = &rules.events[i].effect;
    e->resources[HV_RES_FOOD] = -5;
    e->morale_workers = -7;
    e->tension.by[0][2] = e->tension.by[2][0] = 9;
    e->satisfaction.by[1] = 4;
    e->set_flags = 1u << 2;
    rules.events[i].choices[1].effect.health = -3; /* a choice names its own */
    if (derive)
        hv_rules_derive(&rules);
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(&rules, &scratch);
    names[0] = d->effect_names[i][0];
    names[1] = d->effect_names[i][2];
    int32_t sat[3] = {s.satisfaction[0], s.satisfaction[1], s.satisfaction[2]};
    int64_t food = s.stock[HV_RES_FOOD] = 50;
    hv_effect_apply(&s, &report, e, HV_CAUSE_EVENT, i);
    CHECK(s.stock[HV_RES_FOOD] == food - 5);
    CHECK(s.tension[0][2] == 9 && s.tension[2][0] == 9 && s.tension[0][1] == 0);
    CHECK(s.satisfaction[1] == sat[1] + 4 && s.satisfaction[0] == sat[0]);
    CHECK(s.flags == 1u << 2);
    for (int32_t p = 0; p < s.person_count; p++)
        CHECK(s.people[p].morale == (s.people[p].role == 1 ? 53 : 60) && s.people[p].health == 100);
    /* the choice, applied as an answer would */
    hv_effect_apply(&s, &report, &rules.events[i].choices[1].effect, HV_CAUSE_EVENT, i);
    for (int32_t p = 0; p < s.person_count; p++)
        CHECK(s.people[p].health == 97);
    return hv_state_hash(&s);
}

static void test_effect_names(void)
{
    uint32_t plain[2], derived[2];
    uint64_t a = effect_run(0, plain), b = effect_run(1, derived);
    CHECK(a == b);
    CHECK(plain[0] == derived[0] && plain[1] == derived[1]);
    CHECK(derived[0] == (HV_EFFECT_RESOURCES | HV_EFFECT_PEOPLE | HV_EFFECT_PAIRS |
                         HV_EFFECT_SPONSORS | HV_EFFECT_FLAGS));
    CHECK(derived[1] == HV_EFFECT_PEOPLE);
    hv_effect none = {0};
    CHECK(hv_effect_names(&none) == 0);
    none.follow_event = 1;
    CHECK(hv_effect_names(&none) == HV_EFFECT_OTHER);
}

/* The policies in force summed with the rules derived (figures in lanes)
 * and not: every figure, table and bound the same. */
static void test_policy_sum(void)
{
    hv_effect sums[2];
    for (int derive = 0; derive < 2; derive++) {
        fresh();
        rules.policy_count = 3;
        for (int p = 0; p < 3; p++)
            rules.policies[p].option_count = 2;
        hv_effect *a = &rules.policies[0].options[1].effect;
        a->morale_staff = 3;
        a->tension.all = 2;
        a->tension.by[0][1] = a->tension.by[1][0] = 90;
        a->output_pct = 150;
        a->joint = 1;
        hv_effect *b = &rules.policies[1].options[1].effect;
        b->morale_staff = -1;
        b->tension.by[0][1] = b->tension.by[1][0] = 30;
        b->satisfaction.all = 5;
        b->satisfaction.by[2] = -4;
        b->output_pct = 100;
        b->pay_pct = -300;
        b->resources[HV_RES_FUNDS] = -20;
        rules.policies[2].options[1].effect.class_tension = 6; /* not in force */
        s.policy[0] = s.policy[1] = 1;
        if (derive)
            hv_rules_derive(&rules);
        hv_policy_total(&s, &sums[derive]);
    }
    CHECK(memcmp(&sums[0], &sums[1], sizeof sums[0]) == 0);
    const hv_effect *t = &sums[1];
    CHECK(t->morale_staff == 2 && t->tension.all == 2 && t->tension.by[0][1] == 100);
    CHECK(t->output_pct == 200 && t->pay_pct == -100 && t->joint == 1);
    CHECK(t->satisfaction.all == 5 && t->satisfaction.by[2] == -4);
    CHECK(t->resources[HV_RES_FUNDS] == -20 && t->class_tension == 0);
}

int main(void)
{
    test_effect_names();
    test_policy_sum();
    return hv_test_done("core_effects");
}
