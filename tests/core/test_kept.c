/* The kept figures about the modules and the people (hv_kept): after
 * every change the core makes (placing, staffing, orders, power handed
 * out and shed, breakage, repair, construction, demolition, arrivals,
 * departures) they are what a plain count over the modules and the people
 * gives; a figure broken on purpose, or a module or person changed behind
 * the core's back, fails hv_state_check until hv_state_recount. */
#include "fixture.h"
#include "hv_phase.h"
#include "hv_test.h"
#include "hv_turn.h"

/* The kept figures counted plainly from S's modules and people, apart
 * from the core's own recount. */
static void expect(const hv_state *s, hv_kept *k)
{
    memset(k, 0, sizeof *k);
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        int whole = m->status == HV_MODULE_ACTIVE && m->broken == 0 &&
                    m->crew == s->rules->module_types[m->type].crew_slots;
        k->by_type[m->type]++;
        k->types |= 1u << m->type;
        k->upkeep += s->rules->module_types[m->type].upkeep;
        k->housing += s->rules->module_types[m->type].housing;
        if (!whole)
            k->odd[i / 64] |= 1ull << (i % 64);
        else if (!m->powered)
            k->dark[i / 64] |= 1ull << (i % 64);
    }
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        int worker = s->rules->roles[p->role].klass == HV_CLASS_WORKER;
        if (!p->module && !p->away)
            k->free[i / 64] |= 1ull << (i % 64);
        k->by_role[p->role]++;
        k->nation[worker ? HV_MAX_FACTIONS + p->faction : p->faction]++;
        k->nations |= 1u << p->faction;
    }
}

static int matches(const hv_state *s)
{
    hv_kept k;
    expect(s, &k);
    char why[160];
    return memcmp(&k, &s->kept, sizeof k) == 0 && hv_state_check(s, why, sizeof why) == 0;
}

/* The checks find T's kept figures wrong, naming REASON; with RECOUNT,
 * counted afresh they hold again. */
static void caught(hv_state *t, const char *reason, int recount)
{
    char why[160];
    CHECK_EQ_INT(hv_state_check(t, why, sizeof why), -1);
    CHECK(strstr(why, reason) != NULL);
    if (recount) {
        hv_state_recount(t);
        CHECK(matches(t));
    }
}

static void queue(hv_state *s, hv_order_kind kind, int32_t module, int32_t person)
{
    hv_order o = {kind, 0, 0, 0, module, person, 0, 0, 0};
    CHECK_EQ_INT(hv_state_queue_order(s, &o), 0);
}

/* Whether S's kept sum of the policies in force is what a fresh sum gives. */
static int sum_fresh(const hv_state *s)
{
    hv_effect fresh;
    hv_policy_total(s, &fresh);
    return memcmp(&fresh, &s->policy_sum, sizeof fresh) == 0;
}

static void order_policy(hv_state *s, int32_t policy, int32_t option)
{
    hv_order o = {HV_ORDER_POLICY, 0, 0, 0, 0, 0, option, 0, policy};
    CHECK_EQ_INT(hv_state_queue_order(s, &o), 0);
    CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
    CHECK_EQ_INT(s->policy[policy], option);
    CHECK(sum_fresh(s));
}

/* The sum of the policies in force the state keeps for its weeks: made
 * afresh once an option changed, by an order or by hand, always what a
 * fresh sum gives, and a sum broken on purpose fails hv_state_check. */
static void test_policy_sum(void)
{
    static hv_rules rules;
    static hv_state s, t;
    fixture_rules(&rules);
    rules.policy_count = 2;
    for (int32_t i = 0; i < 2; i++) {
        snprintf(rules.policies[i].id, HV_ID_LEN, "p%d", i);
        rules.policies[i].option_count = 2;
    }
    rules.policies[0].options[1].effect.morale_staff = 5;
    rules.policies[0].options[1].effect.output_pct = 100;
    rules.policies[0].options[1].effect.resources[HV_RES_FUNDS] = -3;
    rules.policies[1].options[1].effect.output_pct = 150;
    hv_state_init(&s, &rules, 5);
    s.stock[HV_RES_WATER] = s.stock[HV_RES_FOOD] = s.stock[HV_RES_OXYGEN] = 100000;
    CHECK(fixture_person(&s, 0, 100) != 0);
    CHECK(s.policy_rules == NULL); /* nothing summed yet */
    CHECK_EQ_INT(hv_end_turn(&s, NULL), HV_TURN_DONE);
    CHECK(s.policy_rules == &rules);
    CHECK_EQ_INT(s.policy_sum.morale_staff, 0);
    order_policy(&s, 0, 1);
    CHECK_EQ_INT(s.policy_sum.morale_staff, 5);
    CHECK_EQ_INT(s.policy_sum.output_pct, 100);
    CHECK_EQ_INT(s.policy_sum.resources[HV_RES_FUNDS], -3);
    s.policy[1] = 1; /* by hand: the next week sees it all the same */
    CHECK_EQ_INT(hv_end_turn(&s, NULL), HV_TURN_DONE);
    CHECK(sum_fresh(&s));
    CHECK_EQ_INT(s.policy_sum.output_pct, 200); /* 250, clamped */
    CHECK_EQ_INT(s.policy_sum.morale_staff, 5);
    order_policy(&s, 0, 0); /* 150 alone: no longer clamped */
    CHECK_EQ_INT(s.policy_sum.output_pct, 150);
    CHECK_EQ_INT(s.policy_sum.morale_staff, 0);
    CHECK_EQ_INT(s.policy_sum.resources[HV_RES_FUNDS], 0);
    /* Options that name pairs of nations, or work crews jointly. */
    rules.policies[0].options[1].effect.tension.by[0][1] = 7;
    rules.policies[1].options[0].effect.joint = 1;
    order_policy(&s, 0, 1);
    CHECK_EQ_INT(s.policy_sum.tension.by[0][1], 7);
    order_policy(&s, 1, 0);
    CHECK_EQ_INT(s.policy_sum.joint, 1);
    CHECK_EQ_INT(s.policy_sum.output_pct, 100);
    order_policy(&s, 1, 1);
    order_policy(&s, 0, 0);
    CHECK_EQ_INT(s.policy_sum.output_pct, 150);
    hv_effect fresh;
    char why[160];
    CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);
    t = s;
    t.policy_sum.output_pct++;
    CHECK_EQ_INT(hv_state_check(&t, why, sizeof why), -1);
    CHECK(strstr(why, "policies in force") != NULL);
    t = s;
    t.policy[1] = 0; /* the sum no longer claims to be of these options */
    CHECK_EQ_INT(hv_state_check(&t, why, sizeof why), 0);
    CHECK_EQ_INT(hv_end_turn(&t, NULL), HV_TURN_DONE);
    CHECK_EQ_INT(t.policy_sum.output_pct, 0);
    /* A copy keeps it. */
    memset(&t, 0x5a, sizeof t);
    hv_state_copy(&t, &s);
    CHECK(t.policy_rules == &rules && memcmp(&t.policy_sum, &s.policy_sum, sizeof fresh) == 0);
}

int main(void)
{
    static hv_rules rules;
    static hv_state s, t;
    fixture_rules(&rules);
    rules.roles[1].klass = HV_CLASS_WORKER;
    rules.module_types[T_REACTOR].power = 35; /* not enough for everyone */
    hv_state_init(&s, &rules, 5);
    CHECK(matches(&s));

    /* Placed: a habitat needs no crew and runs whole (dark until power is
     * handed out), a farm and an air plant wait for theirs, a lab goes up. */
    int32_t hab = hv_state_add_module(&s, T_HAB, 1, 1, 1);
    int32_t reactor = hv_state_add_module(&s, T_REACTOR, 2, 1, 1);
    int32_t farm = hv_state_add_module(&s, T_FARM, 3, 1, 1);
    int32_t air = hv_state_add_module(&s, T_AIR, 4, 1, 1);
    int32_t lab = hv_state_add_module(&s, T_LAB, 5, 1, 0);
    CHECK(matches(&s));
    CHECK_EQ_INT(s.kept.by_type[T_HAB], 1);
    CHECK_EQ_INT(s.kept.dark[0], 1u << 0);
    CHECK_EQ_INT(s.kept.odd[0], 0x1e); /* reactor, farm, air, lab */
    int32_t a = fixture_person(&s, farm, 100);
    int32_t b = fixture_person(&s, farm, 100);
    int32_t c = fixture_person(&s, air, 100);
    int32_t d = fixture_person(&s, reactor, 100);
    CHECK(a && b && c && d);
    hv_state_person(&s, b)->role = 1; /* behind the core's back: counted afresh */
    hv_state_person(&s, d)->faction = 1;
    hv_state_recount(&s);
    CHECK(matches(&s));
    CHECK_EQ_INT(s.kept.by_role[0], 3);
    CHECK_EQ_INT(s.kept.by_role[1], 1);
    CHECK_EQ_INT(s.kept.nation[0], 2);                   /* staff of nation 0 */
    CHECK_EQ_INT(s.kept.nation[1], 1);                   /* and of nation 1 */
    CHECK_EQ_INT(s.kept.nation[HV_MAX_FACTIONS + 0], 1); /* a worker of nation 0 */
    CHECK_EQ_INT(s.kept.nations, 3u);
    s.tension[0][1] = s.tension[1][0] = 40;
    CHECK_EQ_INT(hv_state_nation_tension(&s), 40);
    CHECK_EQ_INT(s.kept.odd[0], 1u << 4); /* the lab alone */

    /* Power: 35 kW for 40 wanted, so the lowest priority is shed and
     * counts dark; the rest are lit. */
    hv_phase_power(&s, NULL);
    CHECK(matches(&s));
    CHECK(s.kept.dark[0] != 0);
    CHECK(!hv_state_module(&s, farm)->powered);
    CHECK_EQ_INT(s.kept.dark[0], 1u << 2);
    s.stock[HV_RES_FUNDS] = 10000;
    s.stock[HV_RES_MATERIALS] = 1000;
    s.stock[HV_RES_WATER] = s.stock[HV_RES_FOOD] = s.stock[HV_RES_OXYGEN] = 100000;

    /* Orders, then weeks: a farmer moves to the lab, the air plant's crew
     * leaves it, a habitat is built, the reactor breaks and is repaired. */
    queue(&s, HV_ORDER_ASSIGN, lab, a);
    queue(&s, HV_ORDER_UNASSIGN, 0, c);
    hv_order build = {HV_ORDER_BUILD, T_HAB, 6, 6, 0, 0, 0, 0, 0};
    CHECK_EQ_INT(hv_state_queue_order(&s, &build), 0);
    CHECK_EQ_INT(hv_end_turn(&s, NULL), HV_TURN_DONE);
    CHECK(matches(&s));
    CHECK_EQ_INT(s.kept.by_type[T_HAB], 2);
    hv_module_break(&s, NULL, hv_state_module(&s, reactor), 2, HV_CAUSE_CONSTRUCTION);
    CHECK(matches(&s));
    CHECK(s.kept.odd[0] >> 1 & 1u);
    for (int week = 0; week < 4; week++) {
        CHECK_EQ_INT(hv_end_turn(&s, NULL), HV_TURN_DONE);
        CHECK(matches(&s));
    }
    CHECK(hv_state_module(&s, lab)->status == HV_MODULE_ACTIVE);
    CHECK(!(s.kept.odd[0] >> 1 & 1u)); /* the reactor runs whole again */

    /* A demolition moves the modules after it down a place. */
    queue(&s, HV_ORDER_DEMOLISH, hab, 0);
    queue(&s, HV_ORDER_ASSIGN, air, c);
    CHECK_EQ_INT(hv_end_turn(&s, NULL), HV_TURN_DONE);
    CHECK(matches(&s));
    CHECK_EQ_INT(s.kept.by_type[T_HAB], 1);
    CHECK(hv_state_module(&s, hab) == NULL);
    CHECK_EQ_INT(s.kept.housing, 4); /* the habitat built, not the one gone */
    CHECK_EQ_INT(s.kept.upkeep, 5);
    /* Someone leaves the base: their module is short of crew. */
    hv_remove_person(&s, 1);
    CHECK(matches(&s));
    CHECK(s.kept.odd[0] >> hv_state_module_index(&s, farm) & 1u);
    CHECK_EQ_INT(s.kept.by_role[1], 0);
    CHECK_EQ_INT(s.kept.nation[HV_MAX_FACTIONS + 0], 0);
    CHECK_EQ_INT(s.kept.nations, 3u);
    t = s;
    hv_remove_person(&t, hv_state_person(&t, d) - t.people); /* the last of nation 1 */
    CHECK(matches(&t));
    CHECK_EQ_INT(t.kept.nations, 1u);
    /* An arrival counts in. */
    int32_t e = fixture_person(&s, 0, 100);
    CHECK(e && matches(&s));
    CHECK(s.kept.free[0] >> (s.person_count - 1) & 1u); /* free to work */
    CHECK_EQ_INT(s.kept.by_role[0], 4);

    /* Changed behind the core's back, the figures no longer hold, and the
     * checks say so until they are counted afresh. */
    char why[160];
    CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);
    t = s;
    t.modules[hv_state_module_index(&t, reactor)].broken = 3;
    caught(&t, "kept count of modules not running whole", 1);
    t = s;
    t.modules[hv_state_module_index(&t, reactor)].powered = 0;
    caught(&t, "powered off", 1);
    CHECK(t.kept.dark[0] >> hv_state_module_index(&t, reactor) & 1u);
    t = s;
    t.kept.by_type[T_LAB]++;
    caught(&t, "modules by type", 0);
    t = s;
    t.kept.upkeep++;
    caught(&t, "modules by type", 0);
    t = s;
    t.people[0].role = 1;
    caught(&t, "people by role", 1);
    t = s;
    t.kept.free[0] ^= 1u << 3; /* the newcomer, free */
    caught(&t, "people free to work", 0);
    t = s;
    t.people[0].faction = 1;
    caught(&t, "people by nation", 0);
    t = s;
    t.kept.nations &= ~2u; /* nation 1 gone from the mask alone */
    caught(&t, "people by nation", 0);
    CHECK_EQ_INT(hv_state_nation_tension(&t), 0);
    t = s;
    t.kept.odd[0] ^= 1u << 3;
    caught(&t, "kept count of modules not running whole", 0);
    /* A copy keeps them. */
    memset(&t, 0x5a, sizeof t);
    hv_state_copy(&t, &s);
    CHECK(matches(&t));
    test_policy_sum();
    return hv_test_done("core_kept");
}
