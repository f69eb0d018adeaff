/* Sponsor politics (satisfaction and tension by faction and pair, funding,
 * votes, partnerships, agendas) and the unrest ladder (the incident rate,
 * graded incidents, strain and hazards, riots), on hand-built rules. */
#include "fixture_nations.h"
#include "hv_test.h"
#include "hv_phase.h"
#include "hv_turn.h"

static int count_kind(hv_event_kind kind)
{
    int n = 0;
    for (int32_t i = 0; i < report.count; i++)
        n += report.events[i].kind == kind;
    return n;
}

/* Fires a one-off effect through a pool event with no choices. */
static void apply(const hv_effect *e)
{
    int32_t i = rules.event_count++;
    memset(&rules.events[i], 0, sizeof rules.events[i]);
    rules.events[i].effect = *e;
    rules.event_count = i + 1;
    /* An event answered through the order path applies its choice's effect. */
    rules.events[i].choice_count = 1;
    rules.events[i].choices[0].effect = *e;
    s.pending = i;
    hv_order o = {.kind = HV_ORDER_ANSWER, .value = 0};
    hv_state_queue_order(&s, &o);
    hv_report_clear(&report);
    hv_phase_orders(&s, &report);
}

static void test_by_faction_and_pair(void)
{
    fresh();
    hv_effect e;
    memset(&e, 0, sizeof e);
    e.satisfaction.all = 1;
    e.satisfaction.by[0] = 4;
    e.satisfaction.by[1] = -6;
    e.tension.by[0][1] = e.tension.by[1][0] = 7;
    apply(&e);
    CHECK_EQ_INT(s.satisfaction[0], 55);
    CHECK_EQ_INT(s.satisfaction[1], 45);
    CHECK_EQ_INT(s.satisfaction[2], 51);
    CHECK_EQ_INT(s.tension[0][1], 7);
    CHECK_EQ_INT(s.tension[1][0], 7);
    CHECK_EQ_INT(s.tension[0][2], 0);
    CHECK_EQ_INT(s.tension[1][2], 0);
}

static void test_funding_and_vote(void)
{
    fresh();
    hv_effect e;
    memset(&e, 0, sizeof e);
    e.funding_pct.by[2] = 20;
    apply(&e);
    CHECK_EQ_INT(s.funding_pct[2], 20);
    int64_t before = s.stock[HV_RES_FUNDS];
    hv_phase_economy(&s, NULL);
    /* 100*150/200 + 200*150/200 + 300*150/200*1.2 = 75 + 150 + 270, less pay. */
    int64_t pay = 10 * 3 + 3 * 2;
    CHECK_EQ_INT(s.stock[HV_RES_FUNDS] - before, 75 + 150 + 270 - pay);

    /* The two small sponsors back it, the big one is against: it fails... */
    fresh();
    memset(&e, 0, sizeof e);
    e.motion.set = 1;
    e.motion.stance.by[0] = 2;
    e.motion.stance.by[1] = 2;
    e.motion.stance.by[2] = -1;
    e.motion.passed = 1;
    e.motion.failed = 2;
    CHECK(!hv_motion_passes(&s, &e.motion));
    /* 75 + 150 for against 225: half the funding, which is not enough. */
    CHECK_EQ_INT(hv_motion_share(&s, &e.motion), 500);
    CHECK_EQ_INT(hv_motion_lean(&s, &e.motion, 2), -1);
    CHECK_EQ_INT(hv_motion_lean(&s, NULL, 2), 0);
    apply(&e);
    CHECK_EQ_INT(s.flags, 2u);
    CHECK_EQ_INT(count_kind(HV_EV_VOTE), 1);
    /* ... unless the big sponsor is pleased enough to go along. */
    fresh();
    s.satisfaction[2] = 80;
    CHECK(hv_motion_passes(&s, &e.motion));
    CHECK_EQ_INT(hv_motion_lean(&s, &e.motion, 2), 2);
    CHECK_EQ_INT(hv_motion_lean(&s, NULL, 2), 3);
    CHECK_EQ_INT(hv_motion_share(&s, &e.motion), 1000);
    /* Nobody takes a side: no share for it. */
    hv_motion none;
    memset(&none, 0, sizeof none);
    s.satisfaction[2] = 50;
    CHECK_EQ_INT(hv_motion_share(&s, &none), 0);
    s.satisfaction[2] = 80;
    apply(&e);
    CHECK_EQ_INT(s.flags, 1u);
}

static void test_partners(void)
{
    fresh();
    rules.society.partner_calm = 3;
    rules.society.partner_output = 50;
    s.tension[0][1] = s.tension[1][0] = 20;
    s.tension[0][2] = s.tension[2][0] = 20;
    hv_effect e;
    memset(&e, 0, sizeof e);
    e.partner[0] = 1;
    e.partner[1] = 2;
    apply(&e);
    CHECK_EQ_INT(count_kind(HV_EV_PARTNER), 1);
    CHECK(s.partners[0] & 2u);
    CHECK(s.partners[1] & 1u);
    hv_report_clear(&report);
    hv_phase_society(&s, &report);
    CHECK_EQ_INT(s.tension[0][1], 17);
    CHECK_EQ_INT(s.tension[0][2], 20);

    /* A farm crewed by the two partners makes half as much again. */
    int32_t farm = hv_state_add_module(&s, T_FARM, 1, 1, 1);
    s.stock[HV_RES_WATER] = 1000;
    hv_person *a = &s.people[0], *b = &s.people[1];
    a->module = b->module = farm;
    hv_state_module(&s, farm)->crew = 2;
    hv_state_module(&s, farm)->powered = 1;
    hv_state_recount(&s);
    a->morale = b->morale = 60;
    hv_phase_production(&s, NULL);
    CHECK_EQ_INT(s.stock[HV_RES_FOOD], 75);
    memset(&e, 0, sizeof e);
    e.split[0] = 1;
    e.split[1] = 2;
    apply(&e);
    CHECK_EQ_INT(s.partners[0], 0);
    hv_phase_production(&s, NULL);
    CHECK_EQ_INT(s.stock[HV_RES_FOOD], 125);
}

static void test_agenda(void)
{
    fresh();
    rules.sponsors[0].agenda.exports = 4; /* tenths per 10 sold */
    rules.sponsors[1].agenda.exports = -4;
    rules.sponsors[2].agenda.incidents = -15;
    s.sold_week = 50;
    s.week_incidents = 1;
    hv_phase_society(&s, NULL);
    /* +20 tenths, -20 tenths, -15 tenths (5 carried). Morale 60 moves nothing. */
    CHECK_EQ_INT(s.satisfaction[0], 52);
    CHECK_EQ_INT(s.satisfaction[1], 48);
    CHECK_EQ_INT(s.satisfaction[2], 49);
    CHECK_EQ_INT(s.favour[2], -5);
}

/* The chance per week is incident_chance per mille per point above
 * incident_at: 10 points at 5 is 50 per mille. */
static void test_incident_rate(void)
{
    fresh();
    rules.society.incident_at = 40;
    rules.society.incident_pm = 5;
    rules.incidents.weight[HV_INCIDENT_SMUGGLING] = 1;
    int incidents = 0;
    for (int week = 0; week < 4000; week++) {
        s.class_tension = 50;
        int32_t before = s.incidents;
        hv_phase_society(&s, NULL);
        incidents += s.incidents - before;
    }
    /* 200 expected; the old rate (a tenth) gave 20. */
    CHECK(incidents > 150 && incidents < 250);
}

/* Rules with one rung: at tension 50, a strike, and a choice to defect. */
static void ladder_rules(void)
{
    fresh();
    rules.society.incident_at = 10;
    rules.society.incident_pm = 1000;
    rules.incidents.weight[HV_INCIDENT_FIGHT] = 1;
    rules.event_count = 1;
    hv_event_def *ev = &rules.events[0];
    memset(ev, 0, sizeof *ev);
    ev->unrest_at = 50;
    ev->weight = 1;
    ev->trigger.resource = ev->trigger.tension_above = ev->trigger.class_above = -1;
    ev->trigger.flag = ev->trigger.asteroid = -1;
    ev->effect.strike_weeks = 2;
    ev->choice_count = 1;
    ev->choices[0].effect.defect = 1;
}

/* A rung of the ladder: its own tension threshold, its sides, its effects. */
static void test_ladder(void)
{
    ladder_rules();
    /* Below the rung: a built-in incident. */
    s.tension[0][1] = s.tension[1][0] = 40;
    hv_phase_society(&s, &report);
    CHECK(s.incidents >= 1);
    CHECK_EQ_INT(s.pending, -1);
    /* Above it: the rung, with the pair as its sides. */
    ladder_rules();
    s.tension[0][1] = s.tension[1][0] = 90;
    hv_phase_society(&s, &report);
    CHECK_EQ_INT(s.pending, 0);
    int32_t a = s.side[0], b = s.side[1];
    CHECK((a == 0 && b == 1) || (a == 1 && b == 0));
    int strikers = 0;
    for (int32_t i = 0; i < s.person_count; i++)
        strikers += s.people[i].strike > 0;
    CHECK_EQ_INT(strikers, a == 0 ? 3 : 1); /* nation 0 has two workers too */
    /* The answer's defection moves someone of side A to nation B. */
    int32_t of_b = 0;
    for (int32_t i = 0; i < s.person_count; i++)
        of_b += s.people[i].faction == b;
    hv_order o = {.kind = HV_ORDER_ANSWER, .value = 0};
    hv_state_queue_order(&s, &o);
    hv_phase_orders(&s, NULL);
    int32_t now_b = 0;
    for (int32_t i = 0; i < s.person_count; i++)
        now_b += s.people[i].faction == b;
    CHECK_EQ_INT(now_b, of_b + 1);
    CHECK_EQ_INT(s.side[0], HV_SIDE_WORKERS);
}

static void test_strain_and_hazard(void)
{
    fresh();
    rules.module_types[T_LAB].strain = 25;
    rules.module_types[T_LAB].hazard = 1000;
    rules.society.work_injury = 7;
    int32_t lab = hv_state_add_module(&s, T_LAB, 2, 2, 1);
    for (int32_t i = 3; i < 5; i++) {
        s.people[i].module = lab;
        hv_state_module(&s, lab)->crew++;
    }
    hv_state_module(&s, lab)->powered = 1;
    hv_state_recount(&s);
    /* Two workers at 25 hundredths each: half a point a week. */
    hv_phase_society(&s, &report);
    CHECK_EQ_INT(s.class_tension, 0);
    CHECK_EQ_INT(s.strain, 50);
    CHECK_EQ_INT(s.people[3].health, 93);
    hv_phase_society(&s, &report);
    CHECK_EQ_INT(s.class_tension, 1);
    CHECK_EQ_INT(s.people[4].health, 86);
    CHECK_EQ_INT(s.people[0].health, 100); /* staff are not on the lower deck */
}

static void test_riot(void)
{
    fresh();
    rules.society.riot_at = 80;
    rules.society.riot_weeks = 2;
    rules.society.riot_damage = 1;
    rules.society.riot_repair = 3;
    rules.society.riot_injury = 30;
    rules.society.riot_release = 40;
    rules.society.riot_flag = 3;
    int32_t farm = hv_state_add_module(&s, T_FARM, 1, 1, 1);
    s.people[0].module = farm;
    hv_state_module(&s, farm)->crew = 1;
    hv_state_recount(&s);
    s.tension[0][1] = s.tension[1][0] = 95;
    hv_phase_society(&s, &report);
    CHECK_EQ_INT(s.riots, 0);
    hv_report_clear(&report);
    hv_phase_society(&s, &report);
    CHECK_EQ_INT(s.riots, 1);
    CHECK_EQ_INT(count_kind(HV_EV_RIOT), 1);
    CHECK_EQ_INT(hv_state_module(&s, farm)->broken, 3);
    CHECK(s.tension[0][1] <= 55);
    CHECK(s.flags & 4u);
    CHECK_EQ_INT(s.people[0].health, 70);
    CHECK_EQ_INT(s.people[2].health, 100); /* the third nation stayed out of it */
    hv_goal riot = {.kind = HV_GOAL_RIOT};
    CHECK(hv_goal_holds(&s, &riot));
    char why[160];
    CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);
}

static void test_traits(void)
{
    fresh();
    rules.trait_count = 2;
    snprintf(rules.traits[0].id, HV_ID_LEN, "never");
    snprintf(rules.traits[1].id, HV_ID_LEN, "hothead");
    rules.traits[1].weight = 1;
    rules.traits[1].output_pct = 50;
    rules.traits[1].morale = -20;
    s.people[1].trait = 1; /* the level gave one: kept */
    hv_state_draw_traits(&s);
    CHECK_EQ_INT(s.people[0].trait, 2);
    CHECK_EQ_INT(s.people[1].trait, 1);
    CHECK(hv_person_trait(&s, &s.people[0]) == &rules.traits[1]);
    /* Output: a farm worked by the trait's bearer makes half as much again. */
    int32_t farm = hv_state_add_module(&s, T_FARM, 1, 1, 1);
    s.stock[HV_RES_WATER] = 1000;
    s.people[0].module = farm;
    s.people[0].morale = 60;
    hv_state_module(&s, farm)->crew = 1;
    hv_state_module(&s, farm)->powered = 1;
    hv_state_recount(&s);
    hv_phase_production(&s, NULL);
    CHECK_EQ_INT(s.stock[HV_RES_FOOD], 37); /* 50 / 2 slots * 1.5 */
    /* Morale settles lower; loyalty follows morale a point a week. */
    s.people[0].loyalty = 70;
    hv_phase_society(&s, NULL);
    CHECK(s.people[0].morale < 60);
    CHECK_EQ_INT(s.people[0].loyalty, 69);
    /* A defection takes the least loyal of the side, and events name them. */
    fresh();
    for (int32_t i = 0; i < s.person_count; i++)
        s.people[i].loyalty = 80;
    s.people[3].loyalty = 20; /* a worker of nation 0 */
    CHECK_EQ_INT(hv_unrest_actor(&s, 0), s.people[3].id);
    CHECK_EQ_INT(hv_unrest_actor(&s, HV_SIDE_STAFF), s.people[0].id);
    s.side[0] = 0;
    s.side[1] = 2;
    hv_effect e;
    memset(&e, 0, sizeof e);
    e.defect = 1;
    hv_unrest_apply(&s, NULL, &e, HV_CAUSE_EVENT);
    CHECK_EQ_INT(s.people[3].faction, 2);
    CHECK_EQ_INT(s.people[0].faction, 0);
}

/* The morale each person settles towards: what the weekly phase moves
 * them to, with the policies in force and the worker's gap. */
static void test_morale_targets(void)
{
    fresh();
    rules.society.worker_morale = 10;
    rules.society.tension_decay = 0;
    rules.policy_count = 1;
    hv_policy *pay = &rules.policies[0];
    snprintf(pay->id, HV_ID_LEN, "pay");
    pay->option_count = 2;
    pay->options[1].effect.morale_workers = 8;
    s.policy[0] = 1;
    hv_effect policy;
    hv_policy_total(&s, &policy);
    CHECK_EQ_INT(policy.morale_workers, 8);
    int32_t targets[HV_MAX_PEOPLE];
    hv_morale_targets(&s, &policy, targets);
    CHECK_EQ_INT(targets[0], 60);          /* staff: the base's morale */
    CHECK_EQ_INT(targets[3], 60 - 10 + 8); /* workers: the gap, less the bonus */
    /* Class tension a quarter off the workers' figure only. */
    s.class_tension = 20;
    hv_morale_targets(&s, &policy, targets);
    CHECK_EQ_INT(targets[0], 60);
    CHECK_EQ_INT(targets[4], 60 - 10 + 8 - 5);
    /* The weekly phase moves everyone towards that figure and nowhere else. */
    s.class_tension = 0;
    for (int w = 0; w < 30; w++)
        hv_phase_society(&s, NULL);
    hv_morale_targets(&s, &policy, targets);
    for (int32_t i = 0; i < s.person_count; i++)
        CHECK_EQ_INT(s.people[i].morale, targets[i]);
}

/* Joint work: each module two nations staff together eases their tension
 * a point, three modules at most; a module of three nations counts for
 * each of its pairs. */
static void test_joint_work(void)
{
    fresh();
    rules.society.joint_work = 1;
    rules.society.tension_decay = 0;
    rules.module_types[T_LAB].crew_slots = 3;
    /* Four labs of nations 0 and 1, one of which nation 2 joins. */
    for (int32_t k = 0; k < 4; k++) {
        int32_t lab = hv_state_add_module(&s, T_LAB, k, 3, 1);
        for (int32_t f = 0; f < (k == 0 ? 3 : 2); f++) {
            int32_t id = fixture_person(&s, lab, 100);
            hv_state_person(&s, id)->faction = f;
        }
    }
    hv_state_recount(&s);
    s.tension[0][1] = s.tension[1][0] = 50;
    s.tension[0][2] = s.tension[2][0] = 50;
    s.tension[1][2] = s.tension[2][1] = 50;
    hv_phase_society(&s, &report);
    CHECK_EQ_INT(s.tension[0][1], 47); /* four modules, counted as three */
    CHECK_EQ_INT(s.tension[1][0], 47);
    CHECK_EQ_INT(s.tension[0][2], 49);
    CHECK_EQ_INT(s.tension[1][2], 49);
    CHECK_EQ_INT(count_kind(HV_EV_TENSION), 3);
    CHECK_EQ_INT(hv_state_tension_among(&s, 7u), 49);
    CHECK_EQ_INT(hv_state_tension_among(&s, 3u), 47);
    CHECK_EQ_INT(hv_state_tension_among(&s, 1u), 0); /* one nation: no pair */
    CHECK_EQ_INT(hv_state_nation_tension(&s), 49);
    char why[160];
    CHECK_EQ_INT(hv_state_check(&s, why, sizeof why), 0);
}

/* No pair of nations above the incident line: the incident rolls draw no
 * dice; one pair above it: they do, and the classes' roll follows. */
static void test_incident_line(void)
{
    fresh();
    rules.society.incident_at = 40;
    rules.society.incident_pm = 1;
    s.tension[0][1] = s.tension[1][0] = 40;
    s.tension[1][2] = s.tension[2][1] = 40;
    s.class_tension = 40;
    hv_rng before = s.rng;
    hv_phase_society(&s, NULL);
    CHECK(memcmp(&before, &s.rng, sizeof before) == 0);
    CHECK_EQ_INT(s.incidents, 0);
    fresh();
    rules.society.incident_at = 40;
    rules.society.incident_pm = 1;
    s.tension[1][2] = s.tension[2][1] = 60;
    before = s.rng;
    hv_phase_society(&s, NULL);
    CHECK(memcmp(&before, &s.rng, sizeof before) != 0);
}

/* The rules' derived tables the society week reads instead of dividing:
 * a mean of morale by its reciprocal, and morale's weekly step. */
static void test_mean_and_step(void)
{
    fresh();
    hv_rules_derive(&rules);
    const hv_rules_derived *d = &rules.derived;
    int64_t wrong = 0;
    for (int32_t n = 1; n <= HV_MAX_PEOPLE; n++) {
        for (int64_t sum = 0; sum <= 101 * n; sum++)
            wrong += hv_mean_of(d, sum, n) != sum / n;
        /* Far past any morale: the division itself. */
        for (int64_t sum = (INT64_C(1) << 23) - 2 * n; sum < (INT64_C(1) << 23) + 2 * n; sum++)
            wrong += hv_mean_of(d, sum, n) != sum / n;
        wrong += hv_mean_of(d, INT64_C(1) << 40, n) != (INT64_C(1) << 40) / n;
    }
    CHECK_EQ_INT(wrong, 0);
    CHECK_EQ_INT(hv_mean_of(d, 599, 10), 59);
    for (int32_t morale = 0; morale <= 100; morale++)
        for (int32_t target = 0; target <= 100; target++) {
            int32_t step = (target - morale) / 4;
            if (step == 0 && target != morale)
                step = target > morale ? 1 : -1;
            wrong += d->morale_step[target - morale + 100] != step;
        }
    CHECK_EQ_INT(wrong, 0);
    CHECK_EQ_INT(d->morale_step[100 + 3], 1);
    CHECK_EQ_INT(d->morale_step[100 - 9], -2);
    CHECK_EQ_INT(d->morale_step[100], 0);
    /* One week moves morale a quarter of the way to its target. */
    rules.society.base_morale = 100;
    hv_rules_derive(&rules);
    s.people[0].morale = 20;
    hv_phase_society(&s, NULL);
    CHECK_EQ_INT(s.people[0].morale, 40);
}

/* A week played without a report moves every pair of nations as one
 * played with it (which steps each cause on its own), twelve nations
 * present, at the ends of the scale and past them: tension at 0 and 100,
 * causes far beyond 100 either way, partners, joint crews, named pairs. */
static void test_quiet_week(void)
{
    static hv_state quiet, before;
    uint32_t seed = 12345;
#define NEXT(n) ((int32_t)((seed = seed * 1103515245u + 12345u) >> 16) % (n))
    int32_t moved = 0; /* pairs of the second vector that moved */
    int32_t big[] = {0, 1, -1, 3, -3, 40, -40, 99, -99, 100, -100, 101, -101, 250, -250, 400};
    for (int32_t round = 0; round < 60; round++) {
        fresh();
        rules.faction_count = HV_MAX_FACTIONS;
        for (int32_t f = 3; f < HV_MAX_FACTIONS; f++)
            snprintf(rules.factions[f].id, HV_ID_LEN, "n%d", f);
        rules.society.shortage_tension = big[NEXT(16)];
        rules.society.gap_tension = big[NEXT(16)];
        rules.society.joint_work = big[NEXT(16)];
        rules.society.partner_calm = big[NEXT(16)];
        rules.society.tension_decay = big[NEXT(16)];
        rules.society.base_morale = NEXT(101);
        rules.module_types[T_LAB].crew_slots = 3;
        s.shortage_mask = NEXT(2);
        /* Nations 8 and up only in some rounds: the second vector. */
        int32_t nations = round % 3 ? HV_MAX_FACTIONS : 8;
        for (int32_t k = 0; k < 6; k++) {
            int32_t lab = hv_state_add_module(&s, T_LAB, k, 4, 1);
            for (int32_t c = 0; c < 3; c++) {
                int32_t id = fixture_person(&s, lab, 100);
                hv_person *p = hv_state_person(&s, id);
                p->faction = NEXT(nations);
                p->morale = NEXT(101);
                p->role = NEXT(2);
            }
        }
        for (int32_t f = 0; f < nations; f++) {
            int32_t id = fixture_person(&s, 0, 100);
            hv_state_person(&s, id)->faction = f;
            hv_state_person(&s, id)->morale = NEXT(101);
        }
        hv_state_recount(&s);
        hv_week w;
        memset(&w, 0, sizeof w);
        w.in_force = &w.policy;
        w.policy.tension.all = big[NEXT(16)];
        w.policy.joint = NEXT(2);
        for (int32_t a = 0; a < HV_MAX_FACTIONS; a++)
            for (int32_t b = 0; b < a; b++) {
                int32_t t = NEXT(3) ? NEXT(101) : NEXT(2) * 100;
                s.tension[a][b] = s.tension[b][a] = t;
                if (!NEXT(4))
                    w.policy.tension.by[a][b] = w.policy.tension.by[b][a] =
                        (int8_t)(NEXT(201) - 100);
                if (!NEXT(3)) {
                    s.partners[a] |= (uint16_t)(1u << b);
                    s.partners[b] |= (uint16_t)(1u << a);
                }
            }
        quiet = before = s;
        int32_t left = hv_week_society(&s, &report, &w);
        /* What the events of the week read: the tension as the phase left it. */
        CHECK_EQ_INT(left, hv_state_nation_tension(&s));
        CHECK_EQ_INT(hv_week_society(&quiet, NULL, &w), left);
        int32_t differ = 0;
        for (int32_t a = 0; a < HV_MAX_FACTIONS; a++)
            for (int32_t b = 0; b < HV_MAX_FACTIONS; b++) {
                differ += quiet.tension[a][b] != s.tension[a][b];
                moved += s.tension[a][b] != before.tension[a][b] && (a >= 8 || b >= 8);
            }
        CHECK_EQ_INT(differ, 0);
        CHECK(hv_state_hash(&quiet) == hv_state_hash(&s));
        /* The highest between two nations present, pair by pair. */
        int32_t highest = 0;
        for (int32_t a = 0; a < nations; a++)
            for (int32_t b = 0; b < nations; b++)
                highest = a != b && s.tension[a][b] > highest ? s.tension[a][b] : highest;
        CHECK_EQ_INT(hv_state_nation_tension(&quiet), highest);
        CHECK_EQ_INT(hv_state_tension_among(&quiet, 1u | 1u << (nations - 1)),
                     s.tension[0][nations - 1]);
    }
    CHECK(moved > 100);
#undef NEXT
}

int main(void)
{
    test_mean_and_step();
    test_by_faction_and_pair();
    test_funding_and_vote();
    test_partners();
    test_agenda();
    test_incident_rate();
    test_ladder();
    test_strain_and_hazard();
    test_riot();
    test_traits();
    test_morale_targets();
    test_joint_work();
    test_incident_line();
    test_quiet_week();
    return hv_test_done("core_politics");
}
