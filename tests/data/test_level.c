/* Level loading: every shipped level loads; the tutorial holds what its
 * file says; overrides merge; a new game starts from the level. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "hv_level.h"
#include "hv_validate.h"
#include "hv_test.h"
#include "hv_turn.h"
#include "levels_util.h"

static void check_shipped_level(const char *path)
{
    hv_level *level = hv_level_load_printing(path, stderr);
    CHECK(level != NULL);
    if (!level) {
        fprintf(stderr, "  shipped level %s does not load\n", path);
        return;
    }
    CHECK(level->title[0] && level->summary[0] && level->description[0]);
    CHECK(level->start.person_count > 0);
    CHECK(level->rules.lose_count > 0);
    char why[200];
    CHECK_EQ_INT(hv_state_check(&level->start, why, sizeof why), 0);
    hv_level_free(level);
}

static void test_every_shipped_level(void)
{
    CHECK(for_each_shipped_level(check_shipped_level) >= 2);
}

static void test_tutorial(void)
{
    hv_level *level = hv_level_load_printing(HV_LEVEL_DIR "/tutorial.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    CHECK_STR(level->id, "tutorial");
    CHECK_STR(level->rules.world.place, "Happy Valley"); /* the defaults of a world */
    CHECK_STR(level->rules.world.body, "Mars");
    CHECK_STR(level->rules.world.ground, ""); /* the Martian tiles */
    CHECK_EQ_INT(level->rules.world.gravity, HV_MARS_GRAVITY);
    CHECK_EQ_INT(hv_survey_fuel(&level->rules), level->rules.missions.survey_fuel);
    CHECK_EQ_INT(level->difficulty, 1);
    CHECK_EQ_INT(level->rules.map_width, 12);
    CHECK_EQ_INT(hv_rules_terrain_at(&level->rules, 4, 1), HV_TERRAIN_ICE);
    CHECK_EQ_INT(hv_rules_terrain_at(&level->rules, 11, 1), HV_TERRAIN_ROCK);
    CHECK_EQ_INT(hv_rules_terrain_at(&level->rules, 0, 0), HV_TERRAIN_PLAIN);
    CHECK_EQ_INT(level->start.module_count, 6);
    CHECK_EQ_INT(level->start.person_count, 5);
    CHECK_EQ_INT(level->start.stock[HV_RES_WATER], 640);
    CHECK_EQ_INT(level->start.stock[HV_RES_FUEL], 20);
    CHECK_EQ_INT(level->start.dust, 15);
    CHECK_STR(level->module_names[4], "air");
    /* Tomas is assigned to the oxygen plant, the fifth module. */
    CHECK_STR(hv_person_name(&level->start, &level->start.people[1]), "Tomas Reyes");
    CHECK_EQ_INT(level->start.people[1].module, 5);
    CHECK_EQ_INT(level->start.modules[4].crew, 1);
    CHECK_EQ_INT(level->rules.win_count, 3);
    CHECK_EQ_INT(level->rules.win[1].kind, HV_GOAL_MODULES_AT_LEAST);
    CHECK_EQ_INT(level->rules.win[1].module_type,
                 hv_rules_find_module_type(&level->rules, "ice_mine"));
    CHECK_EQ_INT(level->rules.lose[1].kind, HV_GOAL_BANKRUPT);
    CHECK_EQ_INT(level->rules.lose[1].turn, 4);
    CHECK_STR(level->lose_text[0], "The air runs out");
    CHECK_EQ_INT(level->rules.sponsor_count, 2);
    CHECK_EQ_INT(level->rules.supply[0].cargo[HV_RES_FOOD], 120);
    int mine = hv_rules_find_module_type(&level->rules, "ice_mine");
    CHECK(mine >= 0);
    if (mine >= 0) {
        CHECK_EQ_INT(level->rules.module_types[mine].terrain_mask, 1u << HV_TERRAIN_ICE);
        CHECK_EQ_INT(level->rules.module_types[mine].output[HV_RES_WATER], 160);
    }

    /* A new game is the level's start with its own seed. */
    static hv_state a, b;
    hv_level_new_game(level, 7, &a);
    hv_level_new_game(level, 8, &b);
    CHECK(a.rules == &level->rules);
    CHECK_EQ_INT(a.seed, 7);
    CHECK_EQ_INT(a.turn, 0);
    CHECK(hv_state_hash(&a) != hv_state_hash(&b));
    hv_level_free(level);
}

static void test_overrides(void)
{
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/data/levels/overrides.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    const hv_rules *r = &level->rules;
    CHECK_STR(r->resources[HV_RES_IRIDIUM].name, "Platinum");
    CHECK_STR(r->resources[HV_RES_IRIDIUM].unit, "g");
    CHECK_STR(r->resources[HV_RES_WATER].name, "Water");
    CHECK_STR(r->world.body, "Moon");
    CHECK_STR(r->world.place, "Happy Valley"); /* not given: the default */
    CHECK_STR(r->world.ground, "moon");
    /* The Moon's gravity: launches burn less than the rules' Martian figure. */
    CHECK_EQ_INT(r->world.gravity, 17);
    CHECK_EQ_INT(hv_survey_fuel(r), (r->missions.survey_fuel * 17 + 37) / 38);
    CHECK(hv_survey_fuel(r) < r->missions.survey_fuel);
    CHECK_STR(hv_dest_name(r, HV_DEST_MARS), "Moon");
    CHECK_STR(hv_dest_name(r, HV_DEST_EARTH), "Earth");
    /* Sunlight scales solar arrays before the dust (10% here): 30 kW rated,
     * 62 on this Moon by day; other power is untouched. */
    CHECK_EQ_INT(r->world.sunlight, 230);
    int sun = hv_rules_find_module_type(r, "solar_array");
    int reactor = hv_rules_find_module_type(r, "reactor");
    CHECK(sun >= 0 && reactor >= 0);
    if (sun >= 0 && reactor >= 0) {
        CHECK_EQ_INT(level->start.dust, 10);
        CHECK_EQ_INT(hv_power_output(&level->start, &r->module_types[sun], 1),
                     30 * 230 / 100 * 90 / 100);
        CHECK_EQ_INT(hv_power_output(&level->start, &r->module_types[reactor], 1),
                     r->module_types[reactor].power);
        /* Two weeks of day, then two of night: the arrays are dark in 3 and 4. */
        CHECK_EQ_INT(hv_power_output(&level->start, &r->module_types[sun], 3), 0);
        CHECK_EQ_INT(hv_power_output(&level->start, &r->module_types[reactor], 3),
                     r->module_types[reactor].power);
        CHECK(hv_power_output(&level->start, &r->module_types[sun], 5) > 0);
    }
    CHECK_EQ_INT(r->life.recovery, 9);
    CHECK_EQ_INT(r->life.need[HV_RES_OXYGEN], 6); /* untouched keys keep the rules' value */
    int farm = hv_rules_find_module_type(r, "greenhouse");
    CHECK(farm >= 0);
    if (farm >= 0) {
        CHECK_EQ_INT(r->module_types[farm].cost[HV_RES_MATERIALS], 10);
        CHECK_EQ_INT(r->module_types[farm].cost[HV_RES_FUNDS], 300);
        CHECK_EQ_INT(r->module_types[farm].output[HV_RES_FOOD], 60);
    }
    int mast = hv_rules_find_module_type(r, "radio_mast");
    CHECK(mast >= 0);
    if (mast >= 0) {
        CHECK_EQ_INT(r->module_types[mast].terrain_mask,
                     (1u << HV_TERRAIN_PLAIN) | (1u << HV_TERRAIN_ROCK));
        CHECK_EQ_INT(r->module_types[mast].housing, 0);
    }
    CHECK(hv_rules_find_role(r, "cook") >= 0);
    CHECK(hv_rules_find_role(r, "engineer") >= 0);
    int esa = hv_rules_find_faction(r, "esa");
    CHECK(esa >= 0);
    if (esa >= 0)
        CHECK_EQ_INT(r->factions[esa].colour, 0x1a2b3c);
    CHECK_EQ_INT(level->start.modules[2].status, HV_MODULE_BUILDING);
    CHECK_EQ_INT(level->start.modules[2].crew, 1);
    CHECK_EQ_INT(r->win_count, 0);
    /* A policy's `start` puts that option in force in week 1; the others
     * keep their first. */
    int pay = hv_rules_find_policy(r, "worker_pay"), rations = hv_rules_find_policy(r, "rations");
    CHECK(pay >= 0 && rations >= 0);
    if (pay >= 0 && rations >= 0) {
        CHECK_STR(r->policies[pay].options[level->start.policy[pay]].id, "bonus");
        CHECK(level->start.policy[pay] != 0);
        CHECK_EQ_INT(level->start.policy[rations], 0);
        static hv_state game;
        hv_level_new_game(level, 5, &game);
        CHECK_EQ_INT(game.policy[pay], level->start.policy[pay]);
    }
    hv_level_free(level);
}

/* Index of the tag ID in R's tag list, or -1. */
static int tag_bit(const hv_rules *r, const char *id)
{
    for (int32_t k = 0; k < r->tag_count; k++)
        if (strcmp(r->tags[k], id) == 0)
            return k;
    return -1;
}

static void test_story_keys(void)
{
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/data/levels/story.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    const hv_rules *r = &level->rules;
    CHECK_EQ_INT(r->storyteller.calm_step, 100); /* the level's override */
    CHECK_EQ_INT(r->storyteller.same_tag_pct, 25);
    CHECK_EQ_INT(r->storyteller.text_gap, 50); /* the rules file's value, kept */
    int omen = hv_rules_find_event(r, "omen"), after = hv_rules_find_event(r, "aftermath");
    int summons = hv_rules_find_event(r, "summons"), storm = hv_rules_find_event(r, "dust_storm");
    int stalled = hv_rules_find_flag(r, "auditors_stalled");
    CHECK(omen >= 0 && after >= 0 && summons >= 0 && storm >= 0 && stalled >= 0);
    if (omen < 0 || after < 0 || summons < 0 || storm < 0 || stalled < 0) {
        hv_level_free(level);
        return;
    }
    const hv_event_def *o = &r->events[omen], *a = &r->events[after];
    CHECK_EQ_INT(o->text_count, 3);
    CHECK_STR(hv_event_text(o, 2), "The third of three.");
    CHECK_EQ_INT(o->max_times, 3);
    CHECK_EQ_INT(o->forecast, 1);
    CHECK(tag_bit(r, "weather") >= 0 && tag_bit(r, "omens") >= 0);
    CHECK_EQ_INT(o->tags, (1u << tag_bit(r, "weather")) | (1u << tag_bit(r, "omens")));
    /* A follow-up may name an event defined after it. */
    CHECK_EQ_INT(o->choices[0].effect.follow_event, after + 1);
    CHECK_EQ_INT(o->choices[0].effect.follow_weeks, 3);
    CHECK_EQ_INT(o->choices[1].effect.follow_event, 0);
    CHECK_EQ_INT(a->weight, 0);
    CHECK_EQ_INT(a->calm_weight, 2);
    CHECK_EQ_INT(a->tension_weight, -1);
    CHECK_EQ_INT(a->trigger.answered, omen + 1);
    CHECK_EQ_INT(a->trigger.answer, 1);
    CHECK_EQ_INT(a->trigger.tension_below, 50);
    CHECK_EQ_INT(a->trigger.flag_clear, stalled + 1);
    CHECK_EQ_INT(a->text_count, 0);           /* one text only */
    CHECK(hv_rules_event_can_fire(r, after)); /* only as omen's follow-up */
    CHECK_EQ_INT(r->events[summons].effect.follow_event, storm + 1);
    CHECK_EQ_INT(r->events[summons].trigger.flag_clear, stalled + 1);
    hv_level_free(level);
}

/* Sponsor politics, unrest and people, read into the rules as meant. */
static void test_politics_keys(void)
{
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/data/levels/politics.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    const hv_rules *r = &level->rules;
    int nasa = hv_rules_find_faction(r, "nasa"), ros = hv_rules_find_faction(r, "roscosmos");
    int jaxa = hv_rules_find_faction(r, "jaxa"), isro = hv_rules_find_faction(r, "isro");
    int cnes = hv_rules_find_faction(r, "cnes"), dprk = hv_rules_find_faction(r, "dprk");
    int pacific = hv_rules_find_bloc(r, "pacific"), deal = hv_rules_find_event(r, "deal");
    int walkout = hv_rules_find_event(r, "walkout"), stubborn = hv_rules_find_trait(r, "stubborn");
    CHECK(nasa >= 0 && ros >= 0 && jaxa >= 0 && isro >= 0 && cnes >= 0 && dprk >= 0);
    CHECK(pacific >= 0 && deal >= 0 && walkout >= 0 && stubborn >= 0);
    if (pacific < 0 || deal < 0 || walkout < 0 || stubborn < 0) {
        hv_level_free(level);
        return;
    }
    CHECK_EQ_INT(r->blocs[pacific].members, (1u << jaxa) | (1u << isro) | (1u << nasa));
    const hv_effect *sign = &r->events[deal].choices[0].effect;
    /* A faction named after a bloc in the same map overrides it. */
    CHECK_EQ_INT(sign->satisfaction.by[nasa], 4);
    CHECK_EQ_INT(sign->satisfaction.by[jaxa], 2);
    CHECK_EQ_INT(sign->satisfaction.by[ros], -6);
    CHECK_EQ_INT(sign->satisfaction.by[cnes], 0);
    CHECK_EQ_INT(sign->satisfaction.all, 0);
    /* Blocs pair across; pairs are kept both ways. */
    CHECK_EQ_INT(sign->tension.by[cnes][dprk], -5);
    CHECK_EQ_INT(sign->tension.by[dprk][cnes], -5);
    CHECK_EQ_INT(sign->tension.by[nasa][ros], -5);
    CHECK_EQ_INT(sign->tension.by[isro][jaxa], 3);
    CHECK_EQ_INT(sign->tension.by[nasa][cnes], 0);
    CHECK_EQ_INT(sign->funding_pct.by[ros], -10);
    CHECK_EQ_INT(sign->partner[0], nasa + 1);
    CHECK_EQ_INT(sign->partner[1], ros + 1);
    const hv_effect *board = &r->events[deal].choices[1].effect;
    CHECK_EQ_INT(board->motion.set, 1);
    CHECK_EQ_INT(board->motion.stance.by[nasa], 2);
    CHECK_EQ_INT(board->motion.stance.by[dprk], -1);
    CHECK_EQ_INT(board->motion.passed, hv_rules_find_flag(r, "deal_done") + 1);
    CHECK_EQ_INT(board->motion.failed, hv_rules_find_flag(r, "deal_off") + 1);
    CHECK_EQ_INT(board->split[1], ros + 1);
    const hv_event_def *w = &r->events[walkout];
    CHECK_EQ_INT(w->unrest_at, 70);
    CHECK_EQ_INT(w->effect.strike_weeks, 2);
    CHECK_EQ_INT(w->effect.injure, 5);
    CHECK_EQ_INT(w->effect.loyalty, -10);
    CHECK_EQ_INT(r->society.riot_damage, 3);
    CHECK_EQ_INT(r->society.riot_flag, hv_rules_find_flag(r, "rioted") + 1);
    CHECK_EQ_INT(r->society.partner_calm, 4);
    CHECK_EQ_INT(r->society.riot_repair, 3); /* from the base rules */
    int refinery = hv_rules_find_module_type(r, "refinery");
    CHECK(refinery >= 0 && r->module_types[refinery].strain == 30 &&
          r->module_types[refinery].hazard == 25);
    CHECK_EQ_INT(r->sponsors[0].agenda.earth_orbit, 30);
    CHECK_EQ_INT(r->sponsors[0].agenda.incidents, -15);
    CHECK_EQ_INT(r->sponsors[1].agenda.mars_orbit, 40);
    CHECK_EQ_INT(level->start.people[0].trait, stubborn + 1);
    CHECK_EQ_INT(level->start.people[0].loyalty, 40);
    CHECK_EQ_INT(level->start.people[1].trait, 0); /* drawn when a game starts */
    CHECK_EQ_INT(level->start.people[1].loyalty, 70);
    hv_state s;
    hv_level_new_game(level, 3, &s);
    CHECK(s.people[1].trait > 0);
    CHECK_EQ_INT(s.people[0].trait, stubborn + 1);
    hv_level_free(level);
}

/* The base pool: forecast storms and faults, and enough decisions. */
static void test_base_pool(void)
{
    hv_level *level = hv_level_load_printing(HV_LEVEL_DIR "/sandbox.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    const hv_rules *r = &level->rules;
    int storm = hv_rules_find_event(r, "dust_storm"),
        fault = hv_rules_find_event(r, "reactor_fault");
    CHECK(storm >= 0 && fault >= 0);
    if (storm >= 0 && fault >= 0) {
        CHECK(r->events[storm].forecast >= 1);
        CHECK(r->events[fault].forecast >= 1);
    }
    int asks = 0, sequels = 0;
    for (int32_t e = 0; e < r->event_count; e++) {
        const hv_event_def *ev = &r->events[e];
        if (ev->scripted)
            continue;
        asks += ev->choice_count > 0;
        for (int32_t c = 0; c < ev->choice_count; c++)
            sequels += ev->choices[c].effect.follow_event > 0;
        CHECK(hv_rules_event_can_fire(r, e));
    }
    CHECK(asks >= 13);
    CHECK(sequels >= 3);
    CHECK(r->storyteller.calm_step > 0 && r->storyteller.text_gap >= 50);
    hv_level_free(level);
}

static void test_validate_dispatch(void)
{
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_data_validate(HV_LEVEL_DIR "/rules/base.yaml", &diag), 0);
    CHECK_EQ_INT(hv_data_validate(HV_LEVEL_DIR "/tutorial.yaml", &diag), 0);
    CHECK_EQ_INT(diag.count, 0);
    CHECK_EQ_INT(hv_data_validate(HV_TEST_DIR "/data/levels/missing.yaml", &diag), -1);
    CHECK(diag.count == 1 && strstr(diag.entries[0].message, "cannot open") != NULL);
    hv_diag_free(&diag);
}

/* A rules file that cannot be read at all has no line to point at: the
 * level's own `rules` key is where the modder can fix it. */
static void test_unreadable_rules(void)
{
    char dir[] = "/tmp/hv_test_rules_XXXXXX", level[64], rules[64];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(level, sizeof level, "%s/level.yaml", dir);
    snprintf(rules, sizeof rules, "%s/big.yaml", dir);
    FILE *f = fopen(level, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("format: 1\nkind: level\nid: big\ntitle: Big\nsummary: S.\ndescription: D.\n"
          "difficulty: 1\nrules: big.yaml\n",
          f);
    fclose(f);
    f = fopen(rules, "wb");
    CHECK(f != NULL);
    for (int i = 0; f && i < 20000; i++)
        fputs("# a rules file far past the size a YAML file may have\n", f);
    if (f)
        fclose(f);
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_data_validate(level, &diag), -1);
    int found = 0;
    for (size_t i = 0; i < diag.count; i++) {
        const hv_diag_entry *e = &diag.entries[i];
        CHECK(e->line > 0);
        found |= strcmp(e->file, level) == 0 && e->line == 8 && e->col == 8 &&
                 strstr(e->message, "rules: 'big.yaml' cannot be read: file is larger than") ==
                     e->message;
    }
    CHECK(found);
    hv_diag_free(&diag);
    remove(level);
    remove(rules);
    remove(dir);
}

/* The tutorial's steps come one a week, each when the base shows it:
 * an ice mine queued in week 1 does the first, its two hands the second;
 * a step whose condition already held waits its turn. */
static void test_steps(void)
{
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/../levels/tutorial.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    const hv_rules *r = &level->rules;
    CHECK_EQ_INT(r->step_count, 6);
    CHECK_STR(r->steps[0].title, "Water");
    CHECK_EQ_INT(r->steps[3].done.policy, hv_rules_find_policy(r, "rations") + 1);
    CHECK_EQ_INT(r->steps[1].done.staffed, 2);
    hv_state *s = malloc(sizeof *s);
    hv_report *report = malloc(sizeof *report);
    hv_level_new_game(level, 1, s);
    CHECK_EQ_INT(s->step, 0);
    uint64_t before = hv_state_hash(s);
    hv_report_clear(report);
    hv_end_turn(s, report); /* nothing built: the first step waits */
    CHECK_EQ_INT(s->step, 0);
    int mine = hv_rules_find_module_type(r, "ice_mine");
    hv_order build = {.kind = HV_ORDER_BUILD, .module_type = mine, .x = 4, .y = 2};
    CHECK_EQ_INT(hv_state_queue_order(s, &build), 0);
    /* Rations first: the law is done before its step comes. */
    hv_order law = {
        .kind = HV_ORDER_POLICY, .target = hv_rules_find_policy(r, "rations"), .value = 1};
    CHECK_EQ_INT(hv_state_queue_order(s, &law), 0);
    hv_report_clear(report);
    hv_end_turn(s, report);
    CHECK_EQ_INT(s->step, 1);
    const hv_event *e = NULL;
    for (int32_t i = 0; i < report->count; i++)
        if (report->events[i].kind == HV_EV_STEP)
            e = &report->events[i];
    CHECK(e != NULL && e->subject == 0);
    int32_t id = s->modules[s->module_count - 1].id;
    for (int p = 0; p < 2; p++) {
        hv_order post = {.kind = HV_ORDER_ASSIGN, .person = p == 0 ? 1 : 5, .module = id};
        CHECK_EQ_INT(hv_state_queue_order(s, &post), 0);
    }
    hv_report_clear(report);
    hv_end_turn(s, report);
    CHECK_EQ_INT(s->step, 2);
    CHECK(hv_state_hash(s) != before);
    free(report);
    free(s);
    hv_level_free(level);
}

int main(void)
{
    test_every_shipped_level();
    test_tutorial();
    test_overrides();
    test_story_keys();
    test_politics_keys();
    test_base_pool();
    test_validate_dispatch();
    test_unreadable_rules();
    test_steps();
    return hv_test_done("data_level");
}
