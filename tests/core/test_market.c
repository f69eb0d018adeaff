/* The iridium market (fine price, elasticity, recovery) and where captured
 * rocks go: Mars or Earth orbit, redirects, the mandate and hijacks. */
#include "fixture.h"
#include "hv_phase.h"
#include "hv_test.h"
#include "hv_turn.h"

static hv_rules rules;
static hv_state s;
static hv_report report;

static void fresh(void)
{
    fixture_rules(&rules);
    rules.market.price = 25;
    rules.market.price_min = 10;
    rules.market.price_max = 60;
    rules.market.elasticity = 8;
    rules.market.recovery = 15;
    rules.market.satisfaction = 10;
    rules.sponsor_count = 1;
    rules.sponsors[0].satisfaction = 50;
    hv_state_init(&s, &rules, 1);
    hv_report_clear(&report);
}

static const hv_event *find_event(hv_event_kind kind)
{
    for (int32_t i = 0; i < report.count; i++)
        if (report.events[i].kind == kind)
            return &report.events[i];
    return NULL;
}

static void test_sales_move_the_price(void)
{
    fresh();
    CHECK_EQ_INT(s.price_fine, 2500);
    /* 100 units at 8% per 100: the price drops from 25.00 to 23.00, and the
     * sale is paid at the average, 24.00. */
    CHECK_EQ_INT(hv_market_price_after(&s, 100), 2300);
    CHECK_EQ_INT(hv_market_quote(&s, 100, 100), 2400);
    CHECK_EQ_INT(hv_market_quote(&s, 100, 50), 1200);
    CHECK_EQ_INT(hv_market_sell(&s, &report, 100, 100, HV_CAUSE_MARKET, -1), 2400);
    CHECK_EQ_INT(s.stock[HV_RES_FUNDS], 2400);
    CHECK_EQ_INT(s.price_fine, 2300);
    CHECK_EQ_INT(s.price, 23);
    CHECK_EQ_INT(s.exported, 100);
    CHECK_EQ_INT(s.sold_week, 100);
    CHECK_EQ_INT(s.satisfaction[0], 60);
    const hv_event *e = find_event(HV_EV_PRICE);
    CHECK(e && e->cause == HV_CAUSE_SALE && e->amount == -2 && e->value == 23);
    e = find_event(HV_EV_SALE);
    CHECK(e && e->amount == 100 && e->value == 2400 && e->subject == -1);

    /* Without a swing the price climbs back 15% of the gap each week: a
     * market that can rise, not only fall. */
    s.price_fine = 2300;
    for (int w = 0; w < 6; w++) {
        int64_t before = s.price_fine;
        hv_market_week(&s, NULL);
        CHECK(s.price_fine > before);
        CHECK_EQ_INT(s.price, s.price_fine / 100);
    }
    CHECK(s.price_fine >= 2400 && s.price_fine < 2500);

    /* Selling everything at once sinks to the floor and is paid less than
     * the same amount in two halves a few weeks apart. */
    fresh();
    int64_t at_once = hv_market_quote(&s, 400, 100);
    CHECK_EQ_INT(hv_market_price_after(&s, 400), 1700); /* 25 less 32% */
    CHECK_EQ_INT(hv_market_price_after(&s, 2000), 1000);
    int64_t spread = hv_market_sell(&s, NULL, 200, 100, HV_CAUSE_MARKET, -1);
    for (int w = 0; w < 5; w++)
        hv_market_week(&s, NULL);
    spread += hv_market_sell(&s, NULL, 200, 100, HV_CAUSE_MARKET, -1);
    CHECK(spread > at_once);

    /* Without elasticity the old market: sales leave the price alone. */
    fresh();
    rules.market.elasticity = 0;
    CHECK_EQ_INT(hv_market_sell(&s, NULL, 300, 100, HV_CAUSE_MARKET, -1), 7500);
    CHECK_EQ_INT(s.price_fine, 2500);

    /* An event's price_pct works on the fine price, within the band. */
    fresh();
    hv_effect up = {0};
    up.price_pct = 10;
    hv_effect_apply(&s, &report, &up, HV_CAUSE_EVENT, 0);
    CHECK_EQ_INT(s.price_fine, 2750);
    CHECK_EQ_INT(s.price, 27);
    up.price_pct = 500;
    hv_effect_apply(&s, &report, &up, HV_CAUSE_EVENT, 0);
    CHECK_EQ_INT(s.price_fine, 6000);
}

static void test_shipments(void)
{
    fresh();
    s.stock[HV_RES_IRIDIUM] = 300;
    rules.market.ship_weeks = 1;
    rules.market.swing_pct = 0;
    hv_order ship = {HV_ORDER_EXPORT, 0, 0, 0, 0, 0, 100, 0, 0};
    hv_state_queue_order(&s, &ship);
    hv_state_queue_order(&s, &ship);
    hv_phase_orders(&s, &report);
    hv_report_clear(&report);
    hv_phase_economy(&s, &report);
    /* Two shipments in one week: the second sells at the price the first left. */
    CHECK_EQ_INT(s.exported, 200);
    CHECK_EQ_INT(s.sold_week, 200);
    int64_t first = 2400, second = 100 * (2300 + 2300 * 92 / 100) / 2 / 100;
    CHECK_EQ_INT(s.stock[HV_RES_FUNDS], first + second);
    /* Then the week's recovery: 15% of the gap back. */
    int64_t low = 2300 * 92 / 100;
    CHECK_EQ_INT(s.price_fine, low + (2500 - low) * 15 / 100);
    /* A new week starts counting its own sales. */
    hv_end_turn(&s, &report);
    CHECK_EQ_INT(s.sold_week, 0);
}

/* A base with a running spaceport, a pilot and an engineer, and one rock. */
static void mission_base(void)
{
    fresh();
    rules.roles[0].pilot = 1;
    rules.roles[0].engineer = 1;
    rules.module_types[T_LAB].spaceport = 1;
    rules.asteroid_count = 1;
    hv_asteroid *a = &rules.asteroids[0];
    snprintf(a->id, sizeof a->id, "rock");
    snprintf(a->name, sizeof a->name, "Rock");
    a->composition[HV_RES_IRIDIUM] = 100;
    a->composition[HV_RES_ORE] = 100;
    a->mine_rate = 100;
    a->transfer_weeks = 3;
    a->capture_fuel = 10;
    rules.missions.base_odds = 1000;
    rules.missions.earth_share = 50;
    rules.missions.found_out = 0;
    rules.flag_count = 1;
    snprintf(rules.flags[0], HV_ID_LEN, "hijacked");
    rules.event_count = 1;
    snprintf(rules.events[0].id, HV_ID_LEN, "scandal");
    rules.events[0].effect.satisfaction.all = -30;
    hv_state_init(&s, &rules, 1);
    int32_t lab = hv_state_add_module(&s, T_LAB, 1, 1, 1);
    hv_state_module(&s, lab)->powered = 1;
    hv_state_recount(&s);
    fixture_person(&s, 0, 100);
    fixture_person(&s, 0, 100);
    s.stock[HV_RES_FUEL] = 100;
}

static hv_reject order(hv_order_kind kind, int32_t value)
{
    hv_order o = {kind, 0, 0, 0, 0, 1, value, 2, 0};
    hv_report_clear(&report);
    hv_state_queue_order(&s, &o);
    hv_phase_orders(&s, &report);
    const hv_event *e = find_event(HV_EV_ORDER_REJECTED);
    return e ? (hv_reject)e->value : HV_REJECT_NONE;
}

static void fly(int weeks)
{
    for (int w = 0; w < weeks; w++) {
        hv_report_clear(&report);
        s.turn++;
        hv_phase_missions(&s, &report);
    }
}

static void test_capture_to_earth(void)
{
    mission_base();
    CHECK_EQ_INT(order(HV_ORDER_CAPTURE, 2), HV_REJECT_BAD_VALUE);
    CHECK_EQ_INT(order(HV_ORDER_REDIRECT, 0), HV_REJECT_NOT_IN_TRANSIT);
    CHECK_EQ_INT(order(HV_ORDER_CAPTURE, HV_DEST_EARTH), HV_REJECT_NONE);
    CHECK_EQ_INT(s.asteroids[0].dest, HV_DEST_EARTH);
    s.asteroids[0].odds = 1000;
    fly(3);
    const hv_event *e = find_event(HV_EV_MISSION);
    /* The arrival names the destination, for whoever reacts to it. */
    CHECK(e && e->amount == HV_RESULT_CAPTURED && e->value == HV_STAGE_EARTH);
    CHECK_EQ_INT(s.asteroids[0].stage, HV_STAGE_EARTH);
    CHECK_EQ_INT(s.to_earth, 1);
    CHECK_EQ_INT(s.to_mars, 0);
    /* A week of mining in Earth orbit: 50 iridium sold at half the price,
     * 50 ore left on Earth; nothing stocked at the base. */
    fly(1);
    CHECK_EQ_INT(s.stock[HV_RES_IRIDIUM], 0);
    CHECK_EQ_INT(s.stock[HV_RES_ORE], 0);
    CHECK_EQ_INT(s.exported, 50);
    CHECK_EQ_INT(s.stock[HV_RES_FUNDS], 50 * (2500 + 2400) / 2 / 100 / 2);
    CHECK_EQ_INT(s.price_fine, 2400);
    e = find_event(HV_EV_SALE);
    CHECK(e && e->subject == 0 && e->amount == 50);
    char why[160];
    CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);

    /* The same rock to Mars orbit: mined into the stocks, as before. */
    mission_base();
    CHECK_EQ_INT(order(HV_ORDER_CAPTURE, HV_DEST_MARS), HV_REJECT_NONE);
    s.asteroids[0].odds = 1000;
    fly(4);
    CHECK_EQ_INT(s.asteroids[0].stage, HV_STAGE_ORBIT);
    CHECK_EQ_INT(s.to_mars, 1);
    CHECK_EQ_INT(s.stock[HV_RES_IRIDIUM], 50);
    CHECK_EQ_INT(s.stock[HV_RES_ORE], 50);
    CHECK_EQ_INT(s.exported, 0);
}

/* Launch fuel is given for Mars; a lighter world's launches burn less,
 * rounded up so that no launch is free. */
static void test_launch_fuel_by_gravity(void)
{
    mission_base();
    rules.missions.survey_fuel = 20;
    CHECK_EQ_INT(hv_survey_fuel(&rules), 20); /* Mars: as written */
    rules.world.gravity = 17;                 /* about the Moon's */
    CHECK_EQ_INT(hv_survey_fuel(&rules), 9);  /* 20 * 17 / 38 = 8.9 */
    CHECK_EQ_INT(hv_capture_fuel(&rules, 0), 5);
    CHECK_EQ_INT(order(HV_ORDER_CAPTURE, HV_DEST_MARS), HV_REJECT_NONE);
    CHECK_EQ_INT(s.stock[HV_RES_FUEL], 95);
    mission_base();
    rules.world.gravity = 17;
    s.stock[HV_RES_FUEL] = 4; /* one short */
    CHECK_EQ_INT(order(HV_ORDER_CAPTURE, HV_DEST_MARS), HV_REJECT_CANNOT_AFFORD);
    CHECK_EQ_INT(s.stock[HV_RES_FUEL], 4);
}

static void test_mandate_and_hijack(void)
{
    mission_base();
    hv_effect board = {0};
    board.mandate = HV_MANDATE_MARS;
    hv_effect_apply(&s, &report, &board, HV_CAUSE_EVENT, 0);
    CHECK_EQ_INT(s.mandate, HV_DEST_MARS + 1);
    CHECK(find_event(HV_EV_MANDATE) != NULL);
    CHECK_EQ_INT(order(HV_ORDER_CAPTURE, HV_DEST_EARTH), HV_REJECT_MANDATE);
    CHECK_EQ_INT(order(HV_ORDER_CAPTURE, HV_DEST_MARS), HV_REJECT_NONE);
    hv_state twin = s; /* the same flight, never redirected */
    CHECK_EQ_INT(order(HV_ORDER_REDIRECT, 0), HV_REJECT_NONE);
    CHECK_EQ_INT(s.asteroids[0].dest, HV_DEST_EARTH);
    CHECK_EQ_INT(s.asteroids[0].hijack, 1);
    /* Never found out at 0 per mille, and the dice roll alike either way. */
    s.turn++;
    twin.turn++;
    hv_phase_missions(&s, NULL);
    hv_phase_missions(&twin, NULL);
    CHECK_EQ_INT(s.rng.state, twin.rng.state);
    CHECK_EQ_INT(s.asteroids[0].hijack, 1);
    /* Turning back before anyone notices ends the hijack. */
    CHECK_EQ_INT(order(HV_ORDER_REDIRECT, 0), HV_REJECT_NONE);
    CHECK_EQ_INT(s.asteroids[0].hijack, 0);
    CHECK_EQ_INT(order(HV_ORDER_REDIRECT, 0), HV_REJECT_NONE);
    CHECK_EQ_INT(s.asteroids[0].hijack, 1);

    /* Certain to be found out: the rules' flag is set and their event fires. */
    rules.missions.found_out = 1000;
    rules.missions.hijack_flag = 1;
    rules.missions.found_out_event = 1;
    int32_t sat = s.satisfaction[0];
    fly(1);
    const hv_event *e = find_event(HV_EV_HIJACK);
    CHECK(e && e->subject == 0 && e->value == HV_DEST_EARTH);
    CHECK_EQ_INT(s.asteroids[0].hijack, 2);
    CHECK(s.flags & 1u);
    CHECK_EQ_INT(s.event_last[0], s.turn);
    CHECK_EQ_INT(s.satisfaction[0], sat - 30);
    /* Found out stays found out; the rock still goes where it was sent. */
    CHECK_EQ_INT(order(HV_ORDER_REDIRECT, 0), HV_REJECT_NONE);
    CHECK_EQ_INT(s.asteroids[0].hijack, 2);
    CHECK_EQ_INT(order(HV_ORDER_REDIRECT, 0), HV_REJECT_NONE);
    s.asteroids[0].odds = 1000;
    fly(1);
    CHECK_EQ_INT(s.asteroids[0].stage, HV_STAGE_EARTH);
    CHECK_EQ_INT(s.to_earth, 1);

    /* Lifting the mandate lets either orbit be ordered again. */
    board.mandate = HV_MANDATE_LIFT;
    hv_effect_apply(&s, &report, &board, HV_CAUSE_EVENT, 0);
    CHECK_EQ_INT(s.mandate, 0);
    char why[160];
    CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);
}

int main(void)
{
    test_sales_move_the_price();
    test_shipments();
    test_capture_to_earth();
    test_launch_fuel_by_gravity();
    test_mandate_and_hijack();
    return hv_test_done("core_market");
}
