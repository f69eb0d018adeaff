/* Each turn phase on its own, then whole turns, on hand-built rules. */
#include "fixture.h"
#include "hv_test.h"
#include "hv_turn.h"

static hv_rules rules;
static hv_state s;
static hv_report report;

static void fresh(void)
{
    fixture_rules(&rules);
    hv_state_init(&s, &rules, 1);
    hv_report_clear(&report);
}

static int count_events(hv_event_kind kind)
{
    int n = 0;
    for (int32_t i = 0; i < report.count; i++)
        n += report.events[i].kind == kind;
    return n;
}

static const hv_event *find_event(hv_event_kind kind, int32_t subject)
{
    for (int32_t i = 0; i < report.count; i++)
        if (report.events[i].kind == kind && report.events[i].subject == subject)
            return &report.events[i];
    return NULL;
}

static hv_reject run_order(hv_order o)
{
    hv_report_clear(&report);
    hv_state_queue_order(&s, &o);
    hv_phase_orders(&s, &report);
    for (int32_t i = 0; i < report.count; i++)
        if (report.events[i].kind == HV_EV_ORDER_REJECTED)
            return (hv_reject)report.events[i].value;
    return HV_REJECT_NONE;
}

static void test_orders(void)
{
    fresh();
    s.stock[HV_RES_MATERIALS] = 120;
    s.stock[HV_RES_FUNDS] = 150;
    hv_order build = {HV_ORDER_BUILD, T_HAB, 2, 2, 0, 0, 0, 0, 0};
    CHECK_EQ_INT(run_order(build), HV_REJECT_NONE);
    CHECK_EQ_INT(s.module_count, 1);
    CHECK_EQ_INT(s.stock[HV_RES_MATERIALS], 70);
    CHECK_EQ_INT(s.stock[HV_RES_FUNDS], 50);
    CHECK_EQ_INT(count_events(HV_EV_RESOURCE), 2); /* each payment reported */
    CHECK_EQ_INT(s.order_count, 0);
    CHECK_EQ_INT(run_order(build), HV_REJECT_OCCUPIED);
    build.x = 3;
    CHECK_EQ_INT(run_order(build), HV_REJECT_CANNOT_AFFORD);
    CHECK_EQ_INT(s.stock[HV_RES_MATERIALS], 70); /* nothing taken */
    build.x = 8;
    CHECK_EQ_INT(run_order(build), HV_REJECT_OUT_OF_MAP);
    hv_order mine = {HV_ORDER_BUILD, T_MINE, 6, 0, 0, 0, 0, 0, 0};
    CHECK_EQ_INT(run_order(mine), HV_REJECT_TERRAIN);
    mine.x = 7;
    CHECK_EQ_INT(run_order(mine), HV_REJECT_NONE);
    hv_order bad = {HV_ORDER_BUILD, 99, 1, 1, 0, 0, 0, 0, 0};
    CHECK_EQ_INT(run_order(bad), HV_REJECT_BAD_TYPE);

    int32_t p1 = fixture_person(&s, 0, 100), p2 = fixture_person(&s, 0, 100);
    int32_t p3 = fixture_person(&s, 0, 100);
    hv_order assign = {HV_ORDER_ASSIGN, 0, 0, 0, 2, p1, 0, 0, 0};
    CHECK_EQ_INT(run_order(assign), HV_REJECT_NONE);
    assign.person = p2;
    CHECK_EQ_INT(run_order(assign), HV_REJECT_NONE);
    assign.person = p3;
    CHECK_EQ_INT(run_order(assign), HV_REJECT_NO_SLOT);
    assign.person = 99;
    CHECK_EQ_INT(run_order(assign), HV_REJECT_NO_PERSON);
    assign.person = p3;
    assign.module = 1; /* the habitat has no crew slots */
    CHECK_EQ_INT(run_order(assign), HV_REJECT_NO_SLOT);
    hv_order unassign = {HV_ORDER_UNASSIGN, 0, 0, 0, 0, p3, 0, 0, 0};
    CHECK_EQ_INT(run_order(unassign), HV_REJECT_NOT_ASSIGNED);
    unassign.person = p1;
    CHECK_EQ_INT(run_order(unassign), HV_REJECT_NONE);
    CHECK_EQ_INT(hv_state_module(&s, 2)->crew, 1);

    hv_order prio = {HV_ORDER_PRIORITY, 0, 0, 0, 2, 0, 9, 0, 0};
    CHECK_EQ_INT(run_order(prio), HV_REJECT_NONE);
    CHECK_EQ_INT(hv_state_module(&s, 2)->priority, 9);
    prio.value = 10;
    CHECK_EQ_INT(run_order(prio), HV_REJECT_BAD_VALUE);

    hv_order demolish = {HV_ORDER_DEMOLISH, 0, 0, 0, 2, 0, 0, 0, 0};
    int64_t materials = s.stock[HV_RES_MATERIALS];
    CHECK_EQ_INT(run_order(demolish), HV_REJECT_NONE);
    CHECK(hv_state_module(&s, 2) == NULL);
    CHECK_EQ_INT(hv_state_person(&s, p2)->module, 0);
    CHECK_EQ_INT(s.stock[HV_RES_MATERIALS], materials); /* the mine cost no materials */
    demolish.module = 1;
    CHECK_EQ_INT(run_order(demolish), HV_REJECT_NONE);
    CHECK_EQ_INT(s.stock[HV_RES_MATERIALS], materials + 25);
    CHECK_EQ_INT(run_order(demolish), HV_REJECT_NO_MODULE);
    char why[160];
    CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);
}

/* A policy changes at once, then waits out its cooldown; one the level
 * locks keeps its first option. */
static void test_policy_orders(void)
{
    fresh();
    rules.policy_count = 2;
    for (int p = 0; p < 2; p++) {
        rules.policies[p].option_count = 2;
        rules.policies[p].cooldown = 3;
    }
    rules.policies[1].locked = 1;
    hv_order change = {HV_ORDER_POLICY, 0, 0, 0, 0, 0, 1, 0, 0};
    s.turn = 1;
    CHECK_EQ_INT(run_order(change), HV_REJECT_NONE);
    CHECK_EQ_INT(s.policy[0], 1);
    change.value = 0;
    s.turn = 2;
    CHECK_EQ_INT(run_order(change), HV_REJECT_COOLDOWN);
    CHECK_EQ_INT(s.policy[0], 1);
    s.turn = 4;
    CHECK_EQ_INT(run_order(change), HV_REJECT_NONE);
    CHECK_EQ_INT(s.policy[0], 0);
    hv_order locked = {HV_ORDER_POLICY, 0, 0, 0, 0, 0, 1, 0, 1};
    CHECK_EQ_INT(run_order(locked), HV_REJECT_LOCKED);
    CHECK_EQ_INT(s.policy[1], 0);
    locked.value = 0; /* asking for what is in force is no change */
    CHECK_EQ_INT(run_order(locked), HV_REJECT_NONE);
}

/* A world whose day and night outlast a week: two lit weeks from week 1,
 * then three dark ones; the arrays make nothing at night, at sunlight 150
 * by day, and the report marks sunrise and nightfall with the next change. */
static void test_long_days(void)
{
    fresh();
    int32_t next = -1;
    CHECK_EQ_INT(hv_world_daylight(&rules, 4, &next), 1); /* no long days: always lit */
    CHECK_EQ_INT(next, 0);
    rules.world.sunlight = 150;
    rules.world.day_weeks = 2;
    rules.world.night_weeks = 3;
    static const int lit[] = {1, 1, 0, 0, 0, 1, 1, 0};
    static const int changes[] = {3, 3, 6, 6, 6, 8, 8, 11};
    for (int w = 1; w <= 8; w++) {
        CHECK_EQ_INT(hv_world_daylight(&rules, w, &next), lit[w - 1]);
        CHECK_EQ_INT(next, changes[w - 1]);
    }
    hv_state_add_module(&s, T_SOLAR, 0, 0, 1);
    s.dust = 0;
    /* A game's first state (turn 0) shows week 1, in daylight here. */
    s.turn = 0;
    hv_phase_power(&s, NULL);
    CHECK_EQ_INT(s.power_supply, 60);
    for (s.turn = 1; s.turn <= 4; s.turn++) {
        hv_report_clear(&report);
        hv_phase_power(&s, &report);
        CHECK_EQ_INT(s.power_supply, lit[s.turn - 1] ? 60 : 0);
        const hv_event *e = find_event(HV_EV_DAYLIGHT, -1);
        /* Week 1 says where the base stands, week 3 brings the night. */
        CHECK_EQ_INT(e != NULL, s.turn == 1 || s.turn == 3);
        if (e) {
            CHECK_EQ_INT(e->value, s.turn == 1);
            CHECK_EQ_INT(e->amount, s.turn == 1 ? 3 : 6);
        }
    }
}

static void test_power(void)
{
    fresh();
    rules.weather.dust_max = 100;
    int32_t solar = hv_state_add_module(&s, T_SOLAR, 0, 0, 1);
    int32_t hab = hv_state_add_module(&s, T_HAB, 1, 0, 1);
    int32_t air = hv_state_add_module(&s, T_AIR, 2, 0, 1);
    int32_t lab = hv_state_add_module(&s, T_LAB, 3, 0, 1);
    int32_t farm = hv_state_add_module(&s, T_FARM, 4, 0, 1);
    fixture_person(&s, air, 100);
    fixture_person(&s, lab, 100);
    fixture_person(&s, farm, 100);
    /* Clear sky: 40 kW made; wanted 10 + 20 + 15 (lab half staffed) + 5 (farm half). */
    s.dust = 0;
    hv_phase_power(&s, &report);
    CHECK_EQ_INT(s.power_supply, 40);
    CHECK_EQ_INT(s.power_demand, 50);
    /* Deficit of 10: the lab (priority 8) goes first, and that is enough. */
    CHECK_EQ_INT(hv_state_module(&s, lab)->powered, 0);
    CHECK_EQ_INT(hv_state_module(&s, farm)->powered, 1);
    CHECK_EQ_INT(hv_state_module(&s, hab)->powered, 1);
    CHECK(find_event(HV_EV_MODULE_UNPOWERED, lab) != NULL);
    CHECK_EQ_INT(count_events(HV_EV_MODULE_UNPOWERED), 1);
    /* Half the sunlight: 20 kW; the lab, the farm (priority 3), then among
     * the priority-1 modules the newest, the air plant, go. */
    hv_report_clear(&report);
    s.dust = 50;
    hv_phase_power(&s, &report);
    CHECK_EQ_INT(s.power_supply, 20);
    CHECK_EQ_INT(hv_state_module(&s, farm)->powered, 0);
    CHECK_EQ_INT(hv_state_module(&s, air)->powered, 0);
    CHECK_EQ_INT(hv_state_module(&s, hab)->powered, 1);
    CHECK_EQ_INT(hv_state_module(&s, solar)->powered, 1);
    /* Raising a priority number makes a module go first. */
    hv_report_clear(&report);
    s.dust = 0;
    hv_state_module(&s, air)->priority = 9;
    hv_phase_power(&s, &report);
    CHECK_EQ_INT(hv_state_module(&s, air)->powered, 0);
    CHECK_EQ_INT(hv_state_module(&s, lab)->powered, 1);
    /* A reactor without its crew makes nothing; unstaffed consumers want nothing. */
    fresh();
    int32_t reactor = hv_state_add_module(&s, T_REACTOR, 0, 0, 1);
    hv_state_add_module(&s, T_AIR, 1, 0, 1);
    hv_phase_power(&s, &report);
    CHECK_EQ_INT(s.power_supply, 0);
    CHECK_EQ_INT(s.power_demand, 0);
    fixture_person(&s, reactor, 100);
    hv_phase_power(&s, &report);
    CHECK_EQ_INT(s.power_supply, 100);
}

static void test_production(void)
{
    fresh();
    hv_state_add_module(&s, T_REACTOR, 0, 0, 1);
    int32_t mine = hv_state_add_module(&s, T_MINE, 7, 0, 1);
    int32_t air = hv_state_add_module(&s, T_AIR, 1, 0, 1);
    int32_t farm = hv_state_add_module(&s, T_FARM, 2, 0, 1);
    fixture_person(&s, 1, 100);
    fixture_person(&s, mine, 100); /* one of two slots: half output */
    fixture_person(&s, air, 100);
    fixture_person(&s, farm, 100);
    fixture_person(&s, farm, 100);
    s.stock[HV_RES_WATER] = 0;
    hv_phase_power(&s, &report);
    hv_phase_production(&s, &report);
    /* The mine runs first (priority 2 after the priority-1 air plant, which
     * finds no water yet): mine +50; air starved; farm takes 20. */
    CHECK_EQ_INT(hv_state_module(&s, mine)->output_pm, 500);
    CHECK_EQ_INT(hv_state_module(&s, air)->output_pm, 0);
    CHECK(find_event(HV_EV_MODULE_STARVED, air) != NULL);
    CHECK_EQ_INT(hv_state_module(&s, farm)->output_pm, 1000);
    CHECK_EQ_INT(s.stock[HV_RES_WATER], 30);
    CHECK_EQ_INT(s.stock[HV_RES_FOOD], 50);
    CHECK_EQ_INT(s.stock[HV_RES_OXYGEN], 0);
    /* With 30 water, the air plant (first in order) runs at 75%. */
    hv_report_clear(&report);
    hv_phase_production(&s, &report);
    CHECK_EQ_INT(hv_state_module(&s, air)->output_pm, 750);
    CHECK_EQ_INT(s.stock[HV_RES_OXYGEN], 30);
    /* Every stock change names its module. */
    const hv_event *e = find_event(HV_EV_RESOURCE, air);
    CHECK(e != NULL && e->cause == HV_CAUSE_PRODUCTION);
    /* Unpowered modules make nothing. */
    hv_state_module(&s, farm)->powered = 0;
    hv_state_recount(&s);
    int64_t food = s.stock[HV_RES_FOOD];
    hv_phase_production(&s, &report);
    CHECK_EQ_INT(s.stock[HV_RES_FOOD], food);

    /* Module ids far apart, as after many demolitions, count each crew
     * as ids close together do. */
    fresh();
    hv_state_add_module(&s, T_REACTOR, 0, 0, 1);
    mine = hv_state_add_module(&s, T_MINE, 7, 0, 1);
    air = hv_state_add_module(&s, T_AIR, 1, 0, 1);
    farm = hv_state_add_module(&s, T_FARM, 2, 0, 1);
    fixture_person(&s, 1, 100); /* the reactor's */
    fixture_person(&s, mine, 100);
    fixture_person(&s, farm, 100);
    fixture_person(&s, farm, 100);
    fixture_person(&s, 0, 100);
    for (int32_t i = 1; i < s.module_count; i++)
        s.modules[i].id += 700 * i;
    for (int32_t i = 0; i < s.person_count; i++)
        if (s.people[i].module)
            s.people[i].module += 700 * (s.people[i].module - 1);
    s.next_module_id = s.modules[s.module_count - 1].id + 1;
    char why[160];
    CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);
    s.stock[HV_RES_WATER] = 0;
    hv_phase_power(&s, &report);
    hv_phase_production(&s, &report);
    CHECK_EQ_INT(s.modules[1].output_pm, 500);
    CHECK_EQ_INT(s.modules[3].output_pm, 1000);
    CHECK_EQ_INT(s.stock[HV_RES_WATER], 30);
    CHECK_EQ_INT(s.stock[HV_RES_FOOD], 50);
}

static void test_life_support(void)
{
    fresh();
    int32_t hab = hv_state_add_module(&s, T_HAB, 0, 0, 1);
    hv_state_module(&s, hab)->powered = 1;
    hv_state_recount(&s);
    int32_t a = fixture_person(&s, 0, 100);
    int32_t b = fixture_person(&s, 0, 30);
    s.stock[HV_RES_OXYGEN] = 100;
    s.stock[HV_RES_WATER] = 100;
    s.stock[HV_RES_FOOD] = 100;
    hv_phase_life_support(&s, &report);
    CHECK_EQ_INT(s.stock[HV_RES_OXYGEN], 90);
    CHECK_EQ_INT(s.stock[HV_RES_WATER], 80);
    CHECK_EQ_INT(s.stock[HV_RES_FOOD], 80);
    CHECK_EQ_INT(hv_state_person(&s, a)->health, 100);
    CHECK_EQ_INT(hv_state_person(&s, b)->health, 35); /* recovery */
    CHECK_EQ_INT(s.shortage_mask, 0);
    /* Half the oxygen needed: everyone loses half the oxygen damage. */
    s.stock[HV_RES_OXYGEN] = 5;
    hv_report_clear(&report);
    hv_phase_life_support(&s, &report);
    CHECK_EQ_INT(s.stock[HV_RES_OXYGEN], 0);
    CHECK_EQ_INT(s.shortage_mask, 1 << HV_RES_OXYGEN);
    CHECK_EQ_INT(hv_state_person(&s, a)->health, 80);
    CHECK_EQ_INT(hv_state_person(&s, b)->health, 15);
    CHECK_EQ_INT(hv_state_person(&s, a)->morale, 56); /* 60 less shortage_morale 4 */
    /* None at all: 40 damage; b dies of it, with the cause named. */
    hv_report_clear(&report);
    hv_phase_life_support(&s, &report);
    CHECK_EQ_INT(s.person_count, 1);
    CHECK_EQ_INT(s.deaths, 1);
    const hv_event *death = find_event(HV_EV_DEATH, b);
    CHECK(death != NULL && death->cause == HV_CAUSE_SHORTAGE && death->resource == HV_RES_OXYGEN);
    CHECK_EQ_INT(hv_state_person(&s, a)->health, 40);
    /* Without a powered bed the newest arrivals suffer exposure. */
    fresh();
    hv_state_add_module(&s, T_HAB, 0, 0, 1); /* 4 beds, but unpowered */
    for (int i = 0; i < 5; i++)
        fixture_person(&s, 0, 50);
    s.stock[HV_RES_OXYGEN] = s.stock[HV_RES_WATER] = s.stock[HV_RES_FOOD] = 1000;
    hv_phase_life_support(&s, &report);
    CHECK_EQ_INT(s.people[0].health, 43);
    s.modules[0].powered = 1;
    hv_state_recount(&s);
    hv_phase_life_support(&s, &report);
    CHECK_EQ_INT(s.people[0].health, 48);
    CHECK_EQ_INT(s.people[4].health, 36); /* the fifth has no bed */
}

static void test_construction_and_economy(void)
{
    fresh();
    int32_t m = hv_state_add_module(&s, T_HAB, 0, 0, 0);
    hv_phase_construction(&s, &report);
    CHECK_EQ_INT(hv_state_module(&s, m)->build_left, 1);
    CHECK_EQ_INT(count_events(HV_EV_MODULE_BUILT), 0);
    hv_phase_construction(&s, &report);
    CHECK(hv_state_module(&s, m)->status == HV_MODULE_ACTIVE);
    CHECK(find_event(HV_EV_MODULE_BUILT, m) != NULL);

    rules.sponsor_count = 1;
    rules.sponsors[0].funding = 40;
    rules.supply_count = 1;
    rules.supply[0].first_turn = 2;
    rules.supply[0].every = 3;
    rules.supply[0].cargo[HV_RES_FOOD] = 100;
    fixture_person(&s, 0, 100); /* engineer, pay 10 */
    s.satisfaction[0] = 100;    /* full funding; half at 0 */
    s.stock[HV_RES_FUNDS] = 0;
    s.turn = 1;
    hv_report_clear(&report);
    hv_phase_economy(&s, &report);
    CHECK_EQ_INT(s.stock[HV_RES_FUNDS], 40 - 5 - 10);
    CHECK_EQ_INT(s.stock[HV_RES_FOOD], 0);
    CHECK_EQ_INT(count_events(HV_EV_RESOURCE), 3); /* funding, upkeep, pay */
    int arrivals = 0;
    for (s.turn = 2; s.turn <= 11; s.turn++) {
        int64_t before = s.stock[HV_RES_FOOD];
        hv_phase_economy(&s, &report);
        arrivals += s.stock[HV_RES_FOOD] > before;
    }
    CHECK_EQ_INT(arrivals, 4); /* weeks 2, 5, 8, 11 */
    rules.sponsors[0].funding = 0;
    s.broke_turns = 0;
    s.stock[HV_RES_FUNDS] = 10;
    hv_phase_economy(&s, &report);
    CHECK_EQ_INT(s.broke_turns, 1);
    hv_phase_economy(&s, &report);
    CHECK_EQ_INT(s.broke_turns, 2);
}

static void test_weather(void)
{
    fresh();
    rules.weather.dust_min = 10;
    rules.weather.dust_max = 30;
    rules.weather.dust_swing = 8;
    s.dust = 10;
    int moved = 0;
    for (int i = 0; i < 200; i++) {
        int32_t before = s.dust;
        hv_phase_events(&s, &report);
        CHECK(s.dust >= 10 && s.dust <= 30);
        CHECK(s.dust - before <= 8 && before - s.dust <= 8);
        moved += s.dust != before;
    }
    CHECK(moved > 100);
}

static void test_goals(void)
{
    fresh();
    fixture_person(&s, 0, 100);
    rules.win_count = 2;
    rules.win[0] = (hv_goal){HV_GOAL_RESOURCE_AT_LEAST, HV_RES_IRIDIUM, 0, 0, 100, 0};
    rules.win[1] = (hv_goal){HV_GOAL_TURN_REACHED, 0, 0, 5, 0, 0};
    rules.lose_count = 2;
    rules.lose[0] = (hv_goal){HV_GOAL_TURN_REACHED, 0, 0, 10, 0, 0};
    rules.lose[1] = (hv_goal){HV_GOAL_RESOURCE_DEPLETED, HV_RES_OXYGEN, 0, 0, 0, 0};
    s.stock[HV_RES_OXYGEN] = 10;
    s.stock[HV_RES_IRIDIUM] = 100;
    s.turn = 4;
    hv_phase_goals(&s, &report);
    CHECK_EQ_INT(s.outcome, HV_OUTCOME_RUNNING); /* both win goals must hold */
    s.turn = 5;
    hv_phase_goals(&s, &report);
    CHECK_EQ_INT(s.outcome, HV_OUTCOME_WON);
    /* Reaching the deadline with goals met is a win, not a loss. */
    s.outcome = HV_OUTCOME_RUNNING;
    s.turn = 10;
    hv_phase_goals(&s, &report);
    CHECK_EQ_INT(s.outcome, HV_OUTCOME_WON);
    s.outcome = HV_OUTCOME_RUNNING;
    s.stock[HV_RES_IRIDIUM] = 0;
    hv_phase_goals(&s, &report);
    CHECK_EQ_INT(s.outcome, HV_OUTCOME_LOST);
    CHECK_EQ_INT(s.outcome_goal, 0);
    char buf[128];
    hv_state_describe_outcome(&s, buf, sizeof buf);
    CHECK_STR(buf, "the deadline of week 10 passed with goals unmet");
    /* A disaster beats everything else. */
    s.outcome = HV_OUTCOME_RUNNING;
    s.stock[HV_RES_IRIDIUM] = 100;
    s.stock[HV_RES_OXYGEN] = 0;
    hv_phase_goals(&s, &report);
    CHECK_EQ_INT(s.outcome, HV_OUTCOME_LOST);
    CHECK_EQ_INT(s.outcome_goal, 1);
    hv_state_describe_outcome(&s, buf, sizeof buf);
    CHECK_STR(buf, "Oxygen ran out");
    /* Nobody left. */
    s.outcome = HV_OUTCOME_RUNNING;
    s.person_count = 0;
    hv_state_recount(&s);
    hv_phase_goals(&s, &report);
    CHECK_EQ_INT(s.outcome_goal, HV_CAUSE_ALL_DEAD);
    /* A sandbox with no win goals never wins. */
    fresh();
    fixture_person(&s, 0, 100);
    s.turn = 1000;
    hv_phase_goals(&s, &report);
    CHECK_EQ_INT(s.outcome, HV_OUTCOME_RUNNING);
}

/* What a goal measures agrees with whether it holds, kind by kind. */
static void test_goal_measures(void)
{
    fresh();
    fixture_person(&s, 0, 100);
    fixture_person(&s, 1, 100);
    int64_t target;
    hv_goal at_least = {HV_GOAL_RESOURCE_AT_LEAST, HV_RES_IRIDIUM, 0, 0, 100, 0};
    s.stock[HV_RES_IRIDIUM] = 60;
    CHECK_EQ_INT(hv_goal_measure(&s, &at_least, &target), 60);
    CHECK_EQ_INT(target, 100);
    CHECK(!hv_goal_holds(&s, &at_least));
    s.stock[HV_RES_IRIDIUM] = 100;
    CHECK(hv_goal_measure(&s, &at_least, &target) >= target && hv_goal_holds(&s, &at_least));
    hv_goal deadline = {HV_GOAL_TURN_REACHED, 0, 0, 12, 0, 0};
    s.turn = 7;
    CHECK_EQ_INT(hv_goal_measure(&s, &deadline, &target), 7);
    CHECK_EQ_INT(target, 12);
    hv_goal empty = {HV_GOAL_RESOURCE_DEPLETED, HV_RES_OXYGEN, 0, 0, 0, 0};
    s.stock[HV_RES_OXYGEN] = 30;
    CHECK_EQ_INT(hv_goal_measure(&s, &empty, &target), 30);
    CHECK_EQ_INT(target, 0);
    hv_goal people = {HV_GOAL_POPULATION_BELOW, 0, 0, 0, 3, 0};
    CHECK_EQ_INT(hv_goal_measure(&s, &people, &target), 2);
    CHECK(hv_goal_measure(&s, &people, &target) < target && hv_goal_holds(&s, &people));
    hv_goal broke = {HV_GOAL_BANKRUPT, 0, 0, 4, 0, 0};
    s.broke_turns = 3;
    CHECK_EQ_INT(hv_goal_measure(&s, &broke, &target), 3);
    CHECK_EQ_INT(target, 4);
    CHECK(!hv_goal_holds(&s, &broke));
    hv_goal riot = {HV_GOAL_RIOT, 0, 0, 0, 0, 0};
    CHECK_EQ_INT(hv_goal_measure(&s, &riot, &target), 0);
    CHECK_EQ_INT(target, 1);
    hv_goal flag = {HV_GOAL_FLAG_SET, 0, 0, 0, 0, 2};
    s.flags = 1u << 2;
    CHECK_EQ_INT(hv_goal_measure(&s, &flag, &target), 1);
    CHECK(hv_goal_holds(&s, &flag));
}

static void test_whole_turns(void)
{
    /* A base with no air plant runs out of oxygen and is lost. */
    fresh();
    rules.lose_count = 1;
    rules.lose[0] = (hv_goal){HV_GOAL_RESOURCE_DEPLETED, HV_RES_OXYGEN, 0, 0, 0, 0};
    hv_state_add_module(&s, T_HAB, 0, 0, 1);
    hv_state_add_module(&s, T_SOLAR, 1, 0, 1);
    for (int i = 0; i < 4; i++)
        fixture_person(&s, 0, 100);
    s.stock[HV_RES_OXYGEN] = 50;
    s.stock[HV_RES_WATER] = s.stock[HV_RES_FOOD] = 1000;
    int turns = 0;
    char why[160];
    while (s.outcome == HV_OUTCOME_RUNNING && turns < 20) {
        hv_report_clear(&report);
        CHECK_EQ_INT(hv_end_turn(&s, &report), 0);
        CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);
        turns++;
    }
    CHECK_EQ_INT(s.outcome, HV_OUTCOME_LOST);
    CHECK_EQ_INT(s.turn, 3); /* 50 -> 30 -> 10 -> 0 */
    CHECK_EQ_INT(s.outcome_goal, 0);
    CHECK(find_event(HV_EV_OUTCOME, 0) != NULL);
    CHECK_EQ_INT(hv_end_turn(&s, &report), -1); /* no play after the end */
    CHECK_EQ_INT(s.turn, 3);
    CHECK_EQ_INT(s.outcome_turn, 3);

    /* Playing on: weeks go on, the outcome and its week stay as decided,
     * and no second outcome is announced. */
    uint64_t before = hv_state_hash(&s);
    hv_state_play_on(&s);
    CHECK(hv_state_hash(&s) != before);
    s.stock[HV_RES_OXYGEN] = 100; /* even if the lost cause is undone */
    for (int i = 0; i < 3; i++) {
        hv_report_clear(&report);
        CHECK_EQ_INT(hv_end_turn(&s, &report), 0);
        CHECK(find_event(HV_EV_OUTCOME, 0) == NULL);
        CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);
    }
    CHECK_EQ_INT(s.turn, 6);
    CHECK_EQ_INT(s.outcome, HV_OUTCOME_LOST);
    CHECK_EQ_INT(s.outcome_turn, 3);
}

int main(void)
{
    test_orders();
    test_policy_orders();
    test_power();
    test_long_days();
    test_production();
    test_life_support();
    test_construction_and_economy();
    test_weather();
    test_goals();
    test_goal_measures();
    test_whole_turns();
    return hv_test_done("core_turn");
}
