/* hv_state: ids, lookups, the order queue, the hash and the invariants. */
#include "fixture.h"
#include "hv_phase.h"
#include "hv_test.h"
#include "hv_turn.h"

/* The nations present and the highest tension among them, against a
 * count of every pair on random symmetric tables. */
static void test_tension_among(const hv_rules *rules)
{
    static hv_state s;
    hv_state_init(&s, rules, 3);
    hv_rng dice;
    hv_rng_seed(&dice, 11, 5);
    for (int round = 0; round < 2000; round++) {
        for (int32_t a = 0; a < HV_MAX_FACTIONS; a++)
            for (int32_t b = a; b < HV_MAX_FACTIONS; b++)
                s.tension[a][b] = s.tension[b][a] = a == b ? 0 : (int32_t)hv_rng_below(&dice, 101);
        s.person_count = (int32_t)hv_rng_below(&dice, 12);
        uint32_t counted = 0;
        for (int32_t i = 0; i < s.person_count; i++) {
            s.people[i].faction = (int32_t)hv_rng_below(&dice, HV_MAX_FACTIONS);
            counted |= 1u << s.people[i].faction;
        }
        CHECK_EQ_INT(hv_state_nations(&s), counted);
        uint32_t present = hv_rng_next(&dice) & ((1u << HV_MAX_FACTIONS) - 1);
        int32_t worst = 0;
        for (int32_t a = 0; a < HV_MAX_FACTIONS; a++)
            for (int32_t b = a + 1; b < HV_MAX_FACTIONS; b++)
                if ((present >> a & 1u) && (present >> b & 1u) && s.tension[a][b] > worst)
                    worst = s.tension[a][b];
        CHECK_EQ_INT(hv_state_tension_among(&s, present), worst);
    }
    /* One nation alone has nobody to quarrel with. */
    s.tension[4][4] = 0;
    CHECK_EQ_INT(hv_state_tension_among(&s, 1u << 4), 0);
}

int main(void)
{
    static hv_rules rules;
    static hv_state s, t;
    fixture_rules(&rules);
    test_tension_among(&rules);
    hv_state_init(&s, &rules, 7);
    CHECK_EQ_INT(s.turn, 0);
    CHECK_EQ_INT(s.outcome, HV_OUTCOME_RUNNING);

    int32_t hab = hv_state_add_module(&s, T_HAB, 1, 1, 1);
    int32_t farm = hv_state_add_module(&s, T_FARM, 2, 1, 0);
    CHECK_EQ_INT(hab, 1);
    CHECK_EQ_INT(farm, 2);
    CHECK_EQ_INT(hv_state_add_module(&s, T_COUNT, 3, 1, 1), 0); /* unknown type */
    CHECK(hv_state_module(&s, farm)->status == HV_MODULE_BUILDING);
    CHECK_EQ_INT(hv_state_module(&s, farm)->build_left, 2);
    CHECK(hv_state_module(&s, 99) == NULL);
    CHECK(hv_state_module_at(&s, 2, 1) == hv_state_module(&s, farm));
    CHECK(hv_state_module_at(&s, 5, 5) == NULL);

    int32_t a = fixture_person(&s, farm, 100);
    int32_t b = fixture_person(&s, 0, 80);
    int32_t c = fixture_person(&s, 77, 80); /* unknown module: left unassigned */
    CHECK_EQ_INT(hv_state_module(&s, farm)->crew, 1);
    CHECK_EQ_INT(hv_state_person(&s, a)->module, farm);
    CHECK_EQ_INT(hv_state_person(&s, c)->module, 0);
    CHECK(hv_state_person(&s, b) != NULL);
    CHECK(hv_state_person(&s, 0) == NULL);

    char why[160];
    CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);

    /* Lookups by id hold when demolitions left gaps in the ids, the first
     * one included. */
    t = s;
    for (int32_t x = 3; x < 9; x++)
        hv_state_add_module(&t, T_HAB, x, 4, 1); /* ids 3..8 */
    int32_t gone[] = {1, 5, 6};
    for (int g = 0; g < 3; g++) {
        hv_module *m = hv_state_module(&t, gone[g]);
        CHECK(m != NULL);
        memmove(m, m + 1, (size_t)(t.modules + t.module_count - m - 1) * sizeof *m);
        t.module_count--;
    }
    for (int32_t id = 0; id <= 10; id++) {
        hv_module *m = hv_state_module(&t, id);
        int kept = id == 2 || id == 3 || id == 4 || id == 7 || id == 8;
        CHECK(kept ? m != NULL && m->id == id : m == NULL);
    }

    /* Names live apart from the people the week walks, and stay with
     * their people as others leave; a newcomer takes a row left free. */
    t = s;
    CHECK_STR(hv_person_name(&t, hv_state_person(&t, b)), "Person 2");
    hv_remove_person(&t, 0); /* a leaves: b and c move up */
    CHECK_STR(hv_person_name(&t, &t.people[0]), "Person 2");
    CHECK_STR(hv_person_name(&t, &t.people[1]), "Person 3");
    int32_t newcomer = fixture_person(&t, 0, 90);
    CHECK_EQ_INT(hv_state_person(&t, newcomer)->name_row, 0);
    CHECK_STR(hv_person_name(&t, hv_state_person(&t, newcomer)), "Person 4");
    CHECK_STR(hv_person_name(&t, hv_state_person(&t, c)), "Person 3");
    CHECK_EQ_INT(hv_state_check(&t, why, sizeof why), 0);
    t.people[2].name_row = t.people[0].name_row; /* two people, one name */
    CHECK_EQ_INT(hv_state_check(&t, why, sizeof why), -1);
    CHECK(strstr(why, "name row") != NULL);
    const char *long_name = "A name far longer than the forty-seven bytes a name may hold";
    hv_person_rename(&s, &s.people[2], long_name);
    CHECK_EQ_INT((int)strlen(hv_person_name(&s, &s.people[2])), HV_PERSON_NAME_LEN - 1);
    hv_person_rename(&s, &s.people[2], "Person 3");

    /* Queue and undo. */
    hv_order o = {HV_ORDER_BUILD, T_AIR, 3, 3, 0, 0, 0, 0, 0};
    CHECK_EQ_INT(hv_state_queue_order(&s, &o), 0);
    CHECK_EQ_INT(s.order_count, 1);
    CHECK_EQ_INT(hv_state_undo_order(&s), 0);
    CHECK_EQ_INT(hv_state_undo_order(&s), -1);
    for (int i = 0; i < HV_MAX_ORDERS; i++)
        hv_state_queue_order(&s, &o);
    CHECK_EQ_INT(hv_state_queue_order(&s, &o), -1);
    s.order_count = 0;

    /* The hash: equal for copies, different for any change of substance. */
    t = s;
    CHECK(hv_state_hash(&s) == hv_state_hash(&t));
    t.stock[HV_RES_FOOD] += 1;
    CHECK(hv_state_hash(&s) != hv_state_hash(&t));
    t = s;
    t.people[0].morale--;
    CHECK(hv_state_hash(&s) != hv_state_hash(&t));
    t = s;
    t.modules[1].priority = 5;
    CHECK(hv_state_hash(&s) != hv_state_hash(&t));
    t = s;
    hv_rng_next(&t.rng);
    CHECK(hv_state_hash(&s) != hv_state_hash(&t));
    t = s;
    hv_person_rename(&t, &t.people[1], "Someone Else");
    CHECK(hv_state_hash(&s) != hv_state_hash(&t));
    t = s;
    hv_state_reseed(&t, 8);
    CHECK(hv_state_hash(&s) != hv_state_hash(&t));
    /* Bytes beyond the live entries do not count: the encoding is canonical. */
    t = s;
    t.modules[HV_MAX_MODULES - 1].x = 42;
    t.names[t.people[1].name_row][40] = 'x';
    t.names[HV_MAX_PEOPLE - 1][0] = 'x';
    CHECK(hv_state_hash(&s) == hv_state_hash(&t));

    /* A copy of only what is in use hashes as the whole state and plays
     * on alike, whatever was in the room it was copied into. */
    static hv_state whole;
    CHECK_EQ_INT(hv_state_queue_order(&s, &o), 0); /* an air plant at (3, 3) */
    memset(&t, 0x5a, sizeof t);
    hv_state_copy(&t, &s);
    CHECK(hv_state_hash(&s) == hv_state_hash(&t));
    CHECK_STR(hv_person_name(&t, &t.people[2]), "Person 3");
    CHECK_EQ_INT(hv_state_check(&t, why, sizeof why), 0);
    whole = s;
    t.play_on = whole.play_on = 1; /* on past the base's end, and its dead */
    for (int week = 0; week < 8; week++) {
        CHECK_EQ_INT(hv_end_turn(&t, NULL), HV_TURN_DONE);
        CHECK_EQ_INT(hv_end_turn(&whole, NULL), HV_TURN_DONE);
        CHECK(hv_state_hash(&t) == hv_state_hash(&whole));
    }
    CHECK(whole.turn == 8 && hv_state_hash(&whole) != hv_state_hash(&s));
    CHECK(whole.module_count == s.module_count + 1);
    s.order_count = 0;

    /* Invariants catch corruption. */
    t = s;
    t.stock[HV_RES_WATER] = -1;
    CHECK_EQ_INT(hv_state_check(&t, why, sizeof why), -1);
    CHECK(strstr(why, "water") != NULL);
    t = s;
    t.modules[1].crew = 0;
    hv_state_recount(&t);
    CHECK_EQ_INT(hv_state_check(&t, why, sizeof why), -1);
    t = s;
    t.modules[1].x = 1; /* onto the habitat */
    CHECK_EQ_INT(hv_state_check(&t, why, sizeof why), -1);
    CHECK(strstr(why, "share a cell") != NULL);
    t = s;
    t.people[0].health = 0;
    CHECK_EQ_INT(hv_state_check(&t, why, sizeof why), -1);
    t = s;
    t.people[1].id = t.people[0].id;
    CHECK_EQ_INT(hv_state_check(&t, why, sizeof why), -1);

    /* Descriptions. */
    char buf[128];
    hv_goal g = {HV_GOAL_RESOURCE_AT_LEAST, HV_RES_IRIDIUM, 0, 0, 500, 0};
    hv_goal_describe(&rules, &g, buf, sizeof buf);
    CHECK_STR(buf, "hold 500 Iridium");
    hv_state_describe_outcome(&s, buf, sizeof buf);
    CHECK_STR(buf, "");
    t = s;
    t.outcome = HV_OUTCOME_LOST;
    t.outcome_goal = HV_CAUSE_ALL_DEAD;
    hv_state_describe_outcome(&t, buf, sizeof buf);
    CHECK_STR(buf, "everyone at the base has died");

    /* Derived rules data: worked out on demand while the rules were never
     * derived, then kept with them; a change after that shows as stale. */
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(&rules, &scratch);
    CHECK(d == &scratch && !rules.derived.ready);
    CHECK_EQ_INT(d->uses[T_AIR], 1u << HV_RES_WATER);
    CHECK_EQ_INT(d->makes[T_AIR], 1u << HV_RES_OXYGEN);
    CHECK_EQ_INT(d->nets[T_AIR], (1u << HV_RES_WATER) | (1u << HV_RES_OXYGEN));
    CHECK_EQ_INT(d->uses[T_HAB] | d->makes[T_HAB] | d->nets[T_HAB], 0);
    CHECK_EQ_INT(hv_rules_check_derived(&rules), 0);
    hv_rules_derive(&rules);
    CHECK(hv_rules_derived_of(&rules, &scratch) == &rules.derived);
    CHECK_EQ_INT(hv_rules_check_derived(&rules), 0);
    rules.module_types[T_HAB].output[HV_RES_FOOD] = 1;
    CHECK_EQ_INT(hv_rules_check_derived(&rules), -1);
    hv_rules_derive(&rules);
    CHECK_EQ_INT(rules.derived.makes[T_HAB], 1u << HV_RES_FOOD);
    CHECK_EQ_INT(hv_rules_check_derived(&rules), 0);
    /* The people's side: worker roles, traits by the person's index, and
     * policy options that add nothing. */
    rules.roles[1].klass = HV_CLASS_WORKER;
    rules.trait_count = 2;
    rules.traits[1].morale = -20;
    rules.traits[1].loyalty = 5;
    rules.traits[1].strain_pct = 30;
    rules.policy_count = 1;
    rules.policies[0].option_count = 3;
    rules.policies[0].options[1].effect.pay_pct = 10;
    rules.policies[0].options[2].effect.health = 5; /* not a policy's figure */
    CHECK_EQ_INT(hv_rules_check_derived(&rules), -1);
    hv_rules_derive(&rules);
    d = &rules.derived;
    CHECK_EQ_INT(d->worker_roles, 2u);
    CHECK_EQ_INT(d->trait_morale[0], 0);
    CHECK_EQ_INT(d->trait_morale[1], 0);
    CHECK_EQ_INT(d->trait_morale[2], -20);
    CHECK_EQ_INT(d->trait_loyalty[2], 5);
    CHECK_EQ_INT(d->trait_strain_pct[2], 30);
    CHECK_EQ_INT(d->options[0][0], 0);
    CHECK_EQ_INT(d->options[0][1], HV_OPTION_FIGURES);
    CHECK_EQ_INT(d->options[0][2], 0);
    return hv_test_done("core_state");
}
