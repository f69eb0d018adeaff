/* The storyteller on hand-built rules: the chance that rises with calm,
 * weights that read the base, triggers with memory, follow-ups, forecasts,
 * repeat limits and texts that take turns. */
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
    rules.event_chance = 1000; /* the storyteller's own chance decides */
}

static void start(void)
{
    hv_state_init(&s, &rules, 1);
    hv_report_clear(&report);
}

/* Adds a pool event; returns its index. */
static int32_t add_event(const char *id, int32_t weight, int32_t choices)
{
    hv_event_def *ev = &rules.events[rules.event_count];
    memset(ev, 0, sizeof *ev);
    snprintf(ev->id, sizeof ev->id, "%s", id);
    snprintf(ev->title, sizeof ev->title, "%s", id);
    snprintf(ev->text, sizeof ev->text, "%s text", id);
    ev->weight = weight;
    ev->trigger.resource = ev->trigger.tension_above = ev->trigger.class_above = -1;
    ev->trigger.flag = ev->trigger.asteroid = -1;
    ev->choice_count = choices;
    for (int32_t c = 0; c < choices; c++)
        snprintf(ev->choices[c].text, sizeof ev->choices[c].text, "choice %d", c + 1);
    return rules.event_count++;
}

/* One week of orders and events only; returns how often event E fired. */
static int week(int32_t e)
{
    s.turn++;
    hv_report_clear(&report);
    hv_phase_orders(&s, &report);
    hv_phase_events(&s, &report);
    int n = 0;
    for (int32_t i = 0; i < report.count; i++)
        n += report.events[i].kind == HV_EV_EVENT && report.events[i].subject == e &&
             report.events[i].value < 0;
    char why[160];
    CHECK(hv_state_check(&s, why, sizeof why) == 0);
    return n;
}

static const hv_event *find(hv_event_kind kind, int32_t subject)
{
    for (int32_t i = 0; i < report.count; i++)
        if (report.events[i].kind == kind && report.events[i].subject == subject)
            return &report.events[i];
    return NULL;
}

static void answer(int32_t choice)
{
    hv_order o = {0};
    o.kind = HV_ORDER_ANSWER;
    o.value = choice;
    CHECK(hv_state_queue_order(&s, &o) == 0);
}

static void test_chance(void)
{
    fresh();
    rules.event_chance = 150;
    CHECK_EQ_INT(hv_rules_event_chance(&rules, 0), 150); /* no storyteller: flat */
    CHECK_EQ_INT(hv_rules_event_chance(&rules, 9), 150);
    rules.storyteller.chance = 300;
    rules.storyteller.calm_step = 200;
    CHECK_EQ_INT(hv_rules_event_chance(&rules, 0), 300);
    CHECK_EQ_INT(hv_rules_event_chance(&rules, 2), 700);
    CHECK_EQ_INT(hv_rules_event_chance(&rules, 5), 1000);
    rules.storyteller.chance = 0; /* a base of 0 keeps the pool off, calm or not */
    CHECK_EQ_INT(hv_rules_event_chance(&rules, 50), 0);
    rules.storyteller.chance = 300; /* and so does event_chance 0, storyteller or not */
    rules.event_chance = 0;
    CHECK_EQ_INT(hv_rules_event_chance(&rules, 50), 0);
}

static void test_calm_brings_events(void)
{
    fresh();
    int32_t e = add_event("rockfall", 10, 0);
    rules.storyteller.chance = 1;
    rules.storyteller.calm_step = 1000;
    start();
    int fired = 0, quiet_run = 0;
    for (int w = 1; w <= 40; w++) {
        int n = week(e);
        fired += n;
        quiet_run = n ? 0 : quiet_run + 1;
        CHECK(quiet_run <= 1); /* one quiet week makes the next one certain */
    }
    CHECK(fired >= 20 && fired < 40);
    CHECK(s.story_last > 0);
    /* The same rules without calm_step: 1 per mille a week is nearly never. */
    rules.storyteller.calm_step = 0;
    start();
    fired = 0;
    for (int w = 1; w <= 40; w++)
        fired += week(e);
    CHECK(fired <= 1);
    /* A pool switched off by event_chance 0 stays off however calm it is. */
    rules.storyteller.chance = -1;
    rules.storyteller.calm_step = 500;
    rules.event_chance = 0;
    start();
    fired = 0;
    for (int w = 1; w <= 40; w++)
        fired += week(e);
    CHECK_EQ_INT(fired, 0);
}

static void test_triggers(void)
{
    fresh();
    int32_t asked = add_event("asked", 0, 3);
    rules.flag_count = 2;
    start();
    hv_trigger t;
    memset(&t, 0, sizeof t);
    t.resource = t.tension_above = t.class_above = t.flag = t.asteroid = -1;
    CHECK(hv_trigger_holds(&s, &t)); /* nothing asked: holds */
    t.flag_clear = 2;                /* flag 1 must be clear */
    CHECK(hv_trigger_holds(&s, &t));
    s.flags = 2u;
    CHECK(!hv_trigger_holds(&s, &t));
    s.flags = 1u; /* another flag does not matter */
    CHECK(hv_trigger_holds(&s, &t));
    t.flag_clear = 0;
    t.answered = asked + 1;
    t.answer = 2;
    CHECK(!hv_trigger_holds(&s, &t)); /* never answered */
    s.event_answer[asked] = 2;
    CHECK(hv_trigger_holds(&s, &t));
    s.event_answer[asked] = 3;
    CHECK(!hv_trigger_holds(&s, &t));
    t.answered = 0;
    t.tension_below = 30; /* no nation at the base: tension 0 */
    CHECK(hv_trigger_holds(&s, &t));
    fixture_person(&s, 0, 100);
    hv_person p = s.people[0];
    p.faction = 1;
    hv_state_add_person(&s, &p, "Someone Else");
    s.tension[0][1] = s.tension[1][0] = 30;
    CHECK(!hv_trigger_holds(&s, &t));
    s.tension[0][1] = s.tension[1][0] = 29;
    CHECK(hv_trigger_holds(&s, &t));

    /* Only the conditions a trigger sets are read, and the tension between
     * nations once for many triggers: a cached figure stands for it. */
    CHECK_EQ_INT(hv_trigger_checks(&t), 1u << HV_CHECK_TENSION_BELOW);
    int32_t nations = -1;
    CHECK(hv_trigger_holds_at(&s, &t, hv_trigger_checks(&t), &nations));
    CHECK_EQ_INT(nations, 29);
    nations = 30; /* as if counted before the last change */
    CHECK(!hv_trigger_holds_at(&s, &t, hv_trigger_checks(&t), &nations));
    CHECK(hv_trigger_holds_at(&s, &t, 0, &nations)); /* no condition read */
    /* The rest, one at a time, each both ways. */
    t.tension_below = 0;
    t.week = s.turn + 1;
    CHECK(!hv_trigger_holds(&s, &t));
    t.week = s.turn;
    CHECK(hv_trigger_holds(&s, &t));
    t.week = 0;
    t.resource = HV_RES_FOOD;
    s.stock[HV_RES_FOOD] = 100;
    t.below_set = 1;
    t.below = 100;
    CHECK(!hv_trigger_holds(&s, &t));
    t.below = 101;
    CHECK(hv_trigger_holds(&s, &t));
    t.above_set = 1;
    t.above = 100;
    CHECK(!hv_trigger_holds(&s, &t)); /* below 101, but not above 100 */
    t.above = 99;
    CHECK(hv_trigger_holds(&s, &t));
    CHECK_EQ_INT(hv_trigger_checks(&t), (1u << HV_CHECK_BELOW) | (1u << HV_CHECK_ABOVE));
    t.resource = -1;
    t.class_above = 10;
    s.class_tension = 10;
    CHECK(!hv_trigger_holds(&s, &t));
    s.class_tension = 11;
    CHECK(hv_trigger_holds(&s, &t));
    t.class_above = -1;
    t.tension_above = 29;
    CHECK(!hv_trigger_holds(&s, &t));
    t.tension_above = 28;
    CHECK(hv_trigger_holds(&s, &t));
    t.tension_above = -1;
    t.flag = 0;
    s.flags = 2u;
    CHECK(!hv_trigger_holds(&s, &t));
    s.flags = 1u;
    CHECK(hv_trigger_holds(&s, &t));
    t.flag = -1;
    t.trait = 1;
    CHECK(!hv_trigger_holds(&s, &t));
    s.people[1].trait = 1;
    CHECK(hv_trigger_holds(&s, &t));
    t.trait = 0;
    t.asteroid = 0;
    t.result = 1;
    CHECK(hv_trigger_holds(&s, &t) == (s.asteroids[0].result == 1));
    s.asteroids[0].result = 1;
    CHECK(hv_trigger_holds(&s, &t));
    t.asteroid = -1;
    t.module = T_FARM + 1;
    t.built = 1;
    CHECK(!hv_trigger_holds(&s, &t));
    hv_state_add_module(&s, T_FARM, 4, 4, 1);
    CHECK(hv_trigger_holds(&s, &t));
    t.staffed = 1;
    CHECK(!hv_trigger_holds(&s, &t));
    t.module = 0;
    t.policy = 1;
    t.option = 1;
    CHECK(!hv_trigger_holds(&s, &t));
    s.policy[0] = 1;
    CHECK(hv_trigger_holds(&s, &t));
}

static void test_follow_up(void)
{
    fresh();
    int32_t ask = add_event("ask", 10, 2);
    int32_t sequel = add_event("sequel", 0, 0);
    rules.events[ask].max_times = 1;
    rules.events[ask].choices[0].effect.follow_event = sequel + 1;
    rules.events[ask].choices[0].effect.follow_weeks = 2;
    rules.events[sequel].trigger.flag_clear = 1;
    rules.flag_count = 1;
    rules.storyteller.chance = 1000;
    for (int flagged = 0; flagged <= 1; flagged++) {
        start();
        CHECK_EQ_INT(week(ask), 1);
        CHECK_EQ_INT(s.pending, ask);
        answer(0);
        week(sequel);
        CHECK_EQ_INT(s.event_answer[ask], 1); /* remembered, 1-based */
        const hv_event *e = find(HV_EV_FOLLOW_UP, sequel);
        CHECK(e != NULL);
        CHECK(e && e->amount == 2 && e->value == 4);
        CHECK_EQ_INT(s.scheduled_count, 1);
        CHECK_EQ_INT(week(sequel), 0); /* week 3: not yet */
        if (flagged)
            s.flags = 1u; /* its trigger no longer holds: dropped when due */
        CHECK_EQ_INT(week(sequel), flagged ? 0 : 1); /* week 4 */
        CHECK_EQ_INT(s.scheduled_count, 0);
        CHECK_EQ_INT(s.event_times[sequel], flagged ? 0 : 1);
        CHECK_EQ_INT(week(sequel), 0); /* weight 0: never drawn by itself */
    }
    /* The other answer sets nothing in motion. */
    start();
    week(ask);
    answer(1);
    week(sequel);
    CHECK_EQ_INT(s.event_answer[ask], 2);
    CHECK_EQ_INT(s.scheduled_count, 0);
}

static void test_forecast(void)
{
    fresh();
    int32_t storm = add_event("storm", 10, 0);
    rules.events[storm].forecast = 2;
    rules.events[storm].cooldown = 10;
    rules.events[storm].effect.set_flags = 1u;
    rules.flag_count = 1;
    rules.storyteller.chance = 1000;
    start();
    CHECK_EQ_INT(week(storm), 0); /* week 1: announced, not come */
    const hv_event *e = find(HV_EV_FORECAST, storm);
    CHECK(e && e->amount == 2 && e->value == 3);
    CHECK_EQ_INT(s.flags, 0);
    CHECK_EQ_INT(s.story_last, 1);
    CHECK_EQ_INT(week(storm), 0); /* already promised: not drawn again */
    CHECK(find(HV_EV_FORECAST, storm) == NULL);
    CHECK_EQ_INT(week(storm), 1); /* week 3: as announced */
    CHECK_EQ_INT(s.flags, 1u);
    CHECK_EQ_INT(s.event_last[storm], 3);
    CHECK_EQ_INT(s.scheduled_count, 0);
}

static void test_repeats_and_texts(void)
{
    fresh();
    int32_t e = add_event("rumour", 10, 0);
    hv_event_def *ev = &rules.events[e];
    ev->max_times = 3;
    ev->text_count = 3;
    snprintf(ev->texts[0], sizeof ev->texts[0], "second");
    snprintf(ev->texts[1], sizeof ev->texts[1], "third");
    rules.storyteller.chance = 1000;
    start();
    const char *want[3] = {"rumour text", "second", "third"};
    int fired = 0;
    for (int w = 1; w <= 10; w++) {
        if (week(e)) {
            const hv_event *f = find(HV_EV_EVENT, e);
            CHECK(f != NULL && fired < 3);
            if (f && fired < 3)
                CHECK_STR(hv_event_text(ev, (int32_t)f->amount), want[fired]);
            fired++;
        }
    }
    CHECK_EQ_INT(fired, 3);
    CHECK_EQ_INT(s.event_times[e], 3);
    CHECK_STR(hv_event_text(ev, 3), "rumour text"); /* the texts come round again */

    /* With a text gap, the same text waits its weeks out. */
    ev->max_times = 0;
    ev->text_count = 2;
    rules.storyteller.text_gap = 10;
    start();
    int weeks[6], n = 0;
    for (int w = 1; w <= 30 && n < 6; w++)
        if (week(e))
            weeks[n++] = w;
    CHECK_EQ_INT(n, 6);
    int expect[6] = {1, 2, 11, 12, 21, 22};
    for (int i = 0; i < n; i++)
        CHECK_EQ_INT(weeks[i], expect[i]);
}

static void test_weights(void)
{
    fresh();
    int32_t e = add_event("unrest", 10, 0);
    rules.events[e].tension_weight = 2;
    rules.events[e].calm_weight = 1;
    rules.events[e].tags = 1u;
    start();
    s.turn = 5;
    s.class_tension = 35;                             /* 3 tens of tension: +6 */
    CHECK_EQ_INT(hv_story_weight(&s, e), 10 + 6 + 4); /* 4 quiet weeks: +4 */
    s.story_last = 5;
    s.turn = 6;
    CHECK_EQ_INT(hv_story_weight(&s, e), 16);
    s.story_tags = 1u; /* the last event shared a tag: half */
    rules.storyteller.same_tag_pct = 50;
    CHECK_EQ_INT(hv_story_weight(&s, e), 8);
    rules.events[e].tension_weight = -10; /* never below 0 */
    CHECK_EQ_INT(hv_story_weight(&s, e), 0);
}

static void test_queue_and_state(void)
{
    fresh();
    int32_t e = add_event("sequel", 0, 0);
    start();
    uint64_t h0 = hv_state_hash(&s);
    for (int i = 0; i < HV_MAX_SCHEDULED + 3; i++)
        hv_story_schedule(&s, &report, e, 1 + i, 0);
    CHECK_EQ_INT(s.scheduled_count, HV_MAX_SCHEDULED); /* full: newcomers dropped */
    CHECK(hv_state_hash(&s) != h0);
    char why[160];
    CHECK(hv_state_check(&s, why, sizeof why) == 0);
    s.scheduled[0].event = rules.event_count;
    CHECK(hv_state_check(&s, why, sizeof why) != 0);
    start();
    h0 = hv_state_hash(&s);
    s.event_answer[e] = 0;
    s.event_times[e] = 2;
    CHECK(hv_state_hash(&s) != h0);
    rules.events[e].max_times = 1;
    CHECK(hv_state_check(&s, why, sizeof why) != 0);
}

int main(void)
{
    test_chance();
    test_calm_brings_events();
    test_triggers();
    test_follow_up();
    test_forecast();
    test_repeats_and_texts();
    test_weights();
    test_queue_and_state();
    return hv_test_done("core_story");
}
