/* The week's draw from the pool, the goals and the economy against plain
 * recounts: many random pools and bases, each drawn by hv_story_draw and
 * by a reference that asks every event the public questions one by one
 * (may it fire, is it rested, does its trigger hold, what does it weigh);
 * and the derived masks the week reads instead of the rules. */
#include "fixture.h"
#include "hv_phase.h"
#include "hv_test.h"
#include "hv_turn.h"

static hv_rules rules;
static hv_state s, ref;

/* The test's own numbers, apart from any state's rng. */
static uint64_t lcg = 12345;
static int32_t roll_in(int32_t lo, int32_t hi)
{
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return lo + (int32_t)((lcg >> 33) % (uint64_t)(hi - lo + 1));
}

static void blank_trigger(hv_trigger *t)
{
    memset(t, 0, sizeof *t);
    t->resource = t->tension_above = t->class_above = t->flag = t->asteroid = -1;
}

/* A pool of random events: some scripted, some rungs, follow-ups of no
 * weight, calm-only ones, limits, forecasts, texts, choices, triggers. */
static void random_rules(void)
{
    fixture_rules(&rules);
    rules.event_chance = roll_in(0, 4) ? 1000 : 0;
    rules.storyteller.chance = roll_in(-1, 600);
    rules.storyteller.calm_step = roll_in(0, 300);
    rules.storyteller.text_gap = roll_in(0, 2) ? roll_in(1, 8) : 0;
    rules.storyteller.same_tag_pct = roll_in(0, 150);
    rules.event_count = roll_in(1, 40);
    for (int32_t i = 0; i < rules.event_count; i++) {
        hv_event_def *ev = &rules.events[i];
        memset(ev, 0, sizeof *ev);
        snprintf(ev->id, sizeof ev->id, "e%d", i);
        blank_trigger(&ev->trigger);
        ev->scripted = roll_in(0, 9) == 0;
        ev->unrest_at = roll_in(0, 9) == 0 ? 50 : 0;
        ev->weight = roll_in(0, 3) == 0 ? roll_in(-2, 0) : roll_in(1, 12);
        ev->calm_weight = roll_in(0, 2) == 0 ? roll_in(0, 3) : 0;
        ev->tension_weight = roll_in(0, 3) == 0 ? roll_in(-1, 2) : 0;
        ev->min_week = roll_in(0, 1) ? roll_in(0, 12) : 0;
        ev->cooldown = roll_in(0, 8);
        ev->max_times = roll_in(0, 2) ? 0 : roll_in(1, 3);
        ev->forecast = roll_in(0, 3) == 0 ? roll_in(1, 3) : 0;
        ev->tags = (uint32_t)roll_in(0, 7);
        ev->text_count = roll_in(0, 3);
        ev->choice_count = roll_in(0, 2) ? 0 : roll_in(1, 3);
        switch (roll_in(0, 5)) {
        case 0:
            ev->trigger.flag = roll_in(0, 3);
            break;
        case 1:
            ev->trigger.class_above = roll_in(0, 60);
            break;
        case 2:
            ev->trigger.tension_below = roll_in(1, 80);
            break;
        case 3:
            ev->trigger.week = roll_in(1, 20);
            break;
        default:
            break;
        }
    }
}

/* A base in the middle of a game: what fired when, texts shown, a queue,
 * perhaps a question waiting. */
static void random_state(void)
{
    hv_state_init(&s, &rules, 7);
    for (int i = 0; i < 6; i++)
        fixture_person(&s, 0, 80);
    for (int32_t i = 0; i < s.person_count; i++) {
        s.people[i].faction = roll_in(0, 1);
        s.people[i].role = roll_in(0, 1);
        s.people[i].loyalty = roll_in(0, 100);
    }
    hv_state_recount(&s);
    s.tension[0][1] = s.tension[1][0] = roll_in(0, 100);
    s.class_tension = roll_in(0, 100);
    s.flags = (uint32_t)roll_in(0, 15);
    s.turn = roll_in(1, 40);
    s.story_last = roll_in(0, 2) ? roll_in(0, s.turn) : s.turn;
    s.story_tags = (uint32_t)roll_in(0, 7);
    for (int32_t i = 0; i < rules.event_count; i++) {
        const hv_event_def *ev = &rules.events[i];
        if (roll_in(0, 1)) {
            s.event_last[i] = roll_in(1, s.turn);
            s.event_times[i] = roll_in(1, ev->max_times > 0 ? ev->max_times : 4);
        }
        for (int k = 0; k < HV_MAX_TEXTS; k++)
            s.text_week[i][k] = roll_in(0, 1) ? roll_in(0, s.turn) : 0;
    }
    s.pending = -1;
    for (int32_t i = 0; i < rules.event_count && roll_in(0, 1); i++)
        if (rules.events[i].choice_count > 0) {
            s.pending = i;
            break;
        }
    for (int k = roll_in(0, 3); k > 0; k--)
        hv_story_schedule(&s, NULL, roll_in(0, rules.event_count - 1), roll_in(1, 4), 0);
}

static int scheduled(const hv_state *st, int32_t e)
{
    for (int32_t k = 0; k < st->scheduled_count; k++)
        if (st->scheduled[k].event == e)
            return 1;
    return 0;
}

/* The draw spelled out: every event of the pool asked in turn. */
static void reference_draw(hv_state *st, int32_t roll, uint32_t pick)
{
    if (roll >= hv_rules_event_chance(st->rules, st->turn - st->story_last - 1))
        return;
    int32_t weight[HV_MAX_EVENTS] = {0};
    int64_t total = 0;
    for (int32_t i = 0; i < rules.event_count; i++) {
        const hv_event_def *ev = &rules.events[i];
        if (ev->scripted || ev->unrest_at > 0 || st->turn < ev->min_week ||
            !hv_story_may_fire(st, i) || scheduled(st, i) ||
            !hv_story_text_rested(st, i, ev->forecast) || !hv_trigger_holds(st, &ev->trigger))
            continue;
        if (st->event_last[i] > 0 && st->turn - st->event_last[i] < ev->cooldown)
            continue;
        weight[i] = hv_story_weight(st, i);
        total += weight[i];
    }
    if (total == 0)
        return;
    int64_t at = (int64_t)(pick % (uint64_t)total);
    for (int32_t i = 0; i < rules.event_count; i++) {
        at -= weight[i];
        if (at >= 0)
            continue;
        st->story_last = st->turn;
        st->story_tags = rules.events[i].tags;
        if (rules.events[i].forecast > 0)
            hv_story_schedule(st, NULL, i, rules.events[i].forecast, 1);
        else
            hv_story_fire(st, NULL, i, HV_CAUSE_EVENT);
        return;
    }
}

static void test_draws_match_the_reference(void)
{
    int drawn = 0, same = 0;
    for (int round = 0; round < 3000; round++) {
        random_rules();
        int derived = round % 3 != 0; /* every third on rules never derived */
        if (derived)
            hv_rules_derive(&rules);
        random_state();
        hv_state_copy(&ref, &s);
        int32_t roll = roll_in(0, 999);
        uint32_t pick = (uint32_t)roll_in(0, 1 << 30) * 4u + (uint32_t)roll_in(0, 3);
        hv_story_draw(&s, NULL, roll, pick);
        reference_draw(&ref, roll, pick);
        drawn += s.story_last == s.turn && ref.story_last == ref.turn;
        same += hv_state_hash(&s) == hv_state_hash(&ref);
        CHECK(hv_state_hash(&s) == hv_state_hash(&ref));
        CHECK_EQ_INT(s.scheduled_count, ref.scheduled_count);
        CHECK_EQ_INT(s.pending, ref.pending);
    }
    CHECK_EQ_INT(same, 3000);
    CHECK(drawn > 300); /* the rounds do draw, not only pass */
}

static void test_story_masks(void)
{
    fixture_rules(&rules);
    rules.event_chance = 1000;
    rules.storyteller.chance = -1;
    rules.storyteller.same_tag_pct = 50;
    rules.event_count = 5;
    for (int32_t i = 0; i < rules.event_count; i++) {
        memset(&rules.events[i], 0, sizeof rules.events[i]);
        blank_trigger(&rules.events[i].trigger);
        rules.events[i].weight = 5;
    }
    rules.events[1].weight = 0; /* a follow-up only a choice brings */
    rules.events[2].weight = 0;
    rules.events[2].calm_weight = 2; /* comes only out of calm */
    rules.events[3].choice_count = 2;
    rules.events[3].max_times = 2;
    rules.events[3].min_week = 9;
    rules.events[4].scripted = 1;
    hv_rules_derive(&rules);
    const hv_rules_derived *d = &rules.derived;
    CHECK_EQ_INT(d->pool, 0xFu);
    CHECK_EQ_INT(d->story_live, 0xDu); /* not the follow-up of no weight */
    CHECK_EQ_INT(d->story_still, 0x4u);
    CHECK_EQ_INT(d->story_asks, 0x8u);
    CHECK_EQ_INT(d->story_limited, 0x8u);
    CHECK_EQ_INT(d->story_early, 0x8u);
    CHECK_EQ_INT(d->story_min_week, 9);
    CHECK_EQ_INT(d->story_chance, 1000);
    /* A tag that scales weights by a negative share could lift a weight of
     * 0 or less above 0: then nothing is left out. */
    rules.storyteller.same_tag_pct = -50;
    hv_rules_derive(&rules);
    CHECK_EQ_INT(rules.derived.story_live, 0xFu);
    CHECK_EQ_INT(rules.derived.story_still, 0u);
    rules.event_chance = 0; /* the pool is off */
    hv_rules_derive(&rules);
    CHECK_EQ_INT(rules.derived.story_chance, 0);
    CHECK(hv_rules_check_derived(&rules) == 0);
    rules.events[0].cooldown = 3; /* changed after deriving: seen */
    CHECK(hv_rules_check_derived(&rules) != 0);
}

/* Goals: a disaster ends the game before a win, a win before a deadline. */
static void test_goal_order(void)
{
    fixture_rules(&rules);
    rules.lose_count = 2;
    rules.lose[0].kind = HV_GOAL_TURN_REACHED;
    rules.lose[0].turn = 3;
    rules.lose[1].kind = HV_GOAL_RESOURCE_DEPLETED;
    rules.lose[1].resource = HV_RES_OXYGEN;
    rules.win_count = 1;
    rules.win[0].kind = HV_GOAL_RESOURCE_AT_LEAST;
    rules.win[0].resource = HV_RES_WATER;
    rules.win[0].amount = 100;
    hv_rules_derive(&rules);
    CHECK_EQ_INT(rules.derived.goal_deadlines, 0x1u);
    CHECK_EQ_INT(rules.derived.goal_disasters, 0x2u);
    for (int derived = 0; derived < 2; derived++) {
        rules.derived.ready = derived; /* both ways give the same ends */
        for (int c = 0; c < 4; c++) {
            hv_state_init(&s, &rules, 1);
            fixture_person(&s, 0, 80);
            s.turn = 3;
            s.stock[HV_RES_OXYGEN] = c & 1 ? 0 : 50;
            s.stock[HV_RES_WATER] = c & 2 ? 100 : 0;
            hv_phase_goals(&s, NULL);
            if (c & 1) {
                CHECK_EQ_INT(s.outcome, HV_OUTCOME_LOST);
                CHECK_EQ_INT(s.outcome_goal, 1);
            } else if (c & 2) {
                CHECK_EQ_INT(s.outcome, HV_OUTCOME_WON);
            } else {
                CHECK_EQ_INT(s.outcome, HV_OUTCOME_LOST);
                CHECK_EQ_INT(s.outcome_goal, 0);
            }
            s.turn = 2;
            s.outcome = HV_OUTCOME_RUNNING;
            s.stock[HV_RES_OXYGEN] = 50;
            s.stock[HV_RES_WATER] = 0;
            hv_phase_goals(&s, NULL);
            CHECK_EQ_INT(s.outcome, HV_OUTCOME_RUNNING); /* before the deadline */
        }
    }
    hv_rules_derive(&rules);
}

/* The economy: pay by role under a pay policy, a policy's resources, a
 * ship's cargo, recounted by hand. */
static void test_economy_recount(void)
{
    fixture_rules(&rules);
    rules.roles[1].klass = HV_CLASS_WORKER;
    rules.role_count = 3;
    snprintf(rules.roles[2].id, HV_ID_LEN, "hand");
    rules.roles[2].pay = 7;
    rules.roles[2].klass = HV_CLASS_WORKER;
    rules.policy_count = 1;
    snprintf(rules.policies[0].id, HV_ID_LEN, "pay");
    rules.policies[0].option_count = 2;
    rules.policies[0].options[1].effect.pay_pct = 35;
    rules.policies[0].options[1].effect.resources[HV_RES_FOOD] = -30;
    rules.policies[0].options[1].effect.resources[HV_RES_FUEL] = 4;
    rules.supply_count = 1;
    rules.supply[0].first_turn = 2;
    rules.supply[0].every = 3;
    rules.supply[0].cargo[HV_RES_MATERIALS] = 11;
    rules.supply[0].cargo[HV_RES_WATER] = 13;
    rules.market.price = 10;
    rules.market.price_min = 1;
    rules.market.price_max = 100;
    hv_rules_derive(&rules);
    CHECK_EQ_INT(rules.derived.policy_resources, (1u << HV_RES_FOOD) | (1u << HV_RES_FUEL));
    CHECK_EQ_INT(rules.derived.supply_cargo[0], (1u << HV_RES_MATERIALS) | (1u << HV_RES_WATER));
    CHECK_EQ_INT(rules.derived.role_pay[2], 7);
    for (int32_t option = 0; option < 2; option++)
        for (int32_t people = 0; people < 6; people++) {
            hv_state_init(&s, &rules, 3);
            int64_t pays[3] = {10, 3 * (100 + 35 * option) / 100, 7 * (100 + 35 * option) / 100};
            int64_t pay = 0;
            for (int32_t i = 0; i < people; i++) {
                fixture_person(&s, 0, 80);
                s.people[i].role = i % 3;
                pay += pays[i % 3];
            }
            hv_state_recount(&s);
            s.policy[0] = option;
            s.turn = 5; /* a ship's week: 2, 5, 8, ... */
            s.stock[HV_RES_FOOD] = 20;
            int64_t funds = s.stock[HV_RES_FUNDS], fuel = s.stock[HV_RES_FUEL];
            int64_t water = s.stock[HV_RES_WATER];
            hv_phase_economy(&s, NULL);
            CHECK_EQ_INT(s.stock[HV_RES_FUNDS], funds - pay);
            CHECK_EQ_INT(s.stock[HV_RES_FOOD], option ? 0 : 20); /* not below 0 */
            CHECK_EQ_INT(s.stock[HV_RES_FUEL], fuel + 4 * option);
            CHECK_EQ_INT(s.stock[HV_RES_WATER], water + 13);
        }
}

int main(void)
{
    test_draws_match_the_reference();
    test_story_masks();
    test_goal_order();
    test_economy_recount();
    return hv_test_done("core_story_draw");
}
