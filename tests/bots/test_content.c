/* The bots read the content instead of knowing it:
 * - no string literal in src/bots is the id of a module type, policy,
 *   policy option, event, resource, role, faction, asteroid or flag of any
 *   shipped level or of the fixture below;
 * - on a level whose rules add a module type that makes oxygen and a new
 *   policy, the balanced bot builds, staffs and sets them;
 * - on a base close to incidents it changes every policy and builds the
 *   module types that calm people down;
 * - the random bot rolls the state's player dice, so a run repeats, and
 *   the world's dice are left alone. */
#include "../data/levels_util.h"
#include "hv_bot.h"
#include "hv_level.h"
#include "hv_test.h"
#include "hv_turn.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IDS 2048

static char ids[MAX_IDS][HV_ID_LEN];
static int id_count;

static void add_id(const char *id)
{
    for (int i = 0; i < id_count; i++)
        if (strcmp(ids[i], id) == 0)
            return;
    if (id_count < MAX_IDS && id[0])
        snprintf(ids[id_count++], HV_ID_LEN, "%s", id);
}

static void collect(const hv_rules *r)
{
    for (int i = 0; i < HV_RES_COUNT; i++)
        add_id(r->resources[i].id);
    for (int32_t i = 0; i < r->module_type_count; i++)
        add_id(r->module_types[i].id);
    for (int32_t i = 0; i < r->policy_count; i++) {
        add_id(r->policies[i].id);
        for (int32_t o = 0; o < r->policies[i].option_count; o++)
            add_id(r->policies[i].options[o].id);
    }
    for (int32_t i = 0; i < r->event_count; i++)
        add_id(r->events[i].id);
    for (int32_t i = 0; i < r->role_count; i++)
        add_id(r->roles[i].id);
    for (int32_t i = 0; i < r->faction_count; i++)
        add_id(r->factions[i].id);
    for (int32_t i = 0; i < r->asteroid_count; i++)
        add_id(r->asteroids[i].id);
    for (int32_t i = 0; i < r->flag_count; i++)
        add_id(r->flags[i]);
}

static void collect_level(const char *path)
{
    hv_level *level = hv_level_load_printing(path, stderr);
    CHECK(level != NULL);
    if (level)
        collect(&level->rules);
    hv_level_free(level);
}

/* Checks every string literal of FILE against the ids. */
static int scan(const char *file)
{
    FILE *f = fopen(file, "r");
    CHECK(f != NULL);
    if (!f)
        return 0;
    int literals = 0, c, line = 1;
    while ((c = fgetc(f)) != EOF) {
        line += c == '\n';
        if (c == '/') { /* skip comments: they may speak of anything */
            int d = fgetc(f);
            if (d == '*') {
                int prev = 0;
                while ((c = fgetc(f)) != EOF && !(prev == '*' && c == '/'))
                    prev = c, line += c == '\n';
            } else if (d == '/') {
                while ((c = fgetc(f)) != EOF && c != '\n')
                    ;
                line++;
            } else if (d != EOF) {
                ungetc(d, f);
            }
            continue;
        }
        if (c == '\'') { /* a character literal, perhaps '"' */
            while ((c = fgetc(f)) != EOF && c != '\'')
                if (c == '\\')
                    fgetc(f);
            continue;
        }
        if (c != '"')
            continue;
        char lit[256];
        size_t n = 0;
        while ((c = fgetc(f)) != EOF && c != '"') {
            if (c == '\\')
                c = fgetc(f);
            if (n + 1 < sizeof lit)
                lit[n++] = (char)c;
        }
        lit[n] = '\0';
        literals++;
        for (int i = 0; i < id_count; i++)
            if (strcmp(lit, ids[i]) == 0) {
                fprintf(stderr, "%s:%d: the bots name the content id \"%s\"\n", file, line, lit);
                CHECK(0);
            }
    }
    fclose(f);
    return literals;
}

static void check_no_ids(void)
{
    for_each_shipped_level(collect_level);
    collect_level(HV_TEST_DIR "/bots/levels/new_content.yaml");
    CHECK(id_count > 50);
    DIR *dir = opendir(HV_SOURCE_DIR "/src/bots");
    CHECK(dir != NULL);
    if (!dir)
        return;
    int files = 0, literals = 0;
    struct dirent *d;
    while ((d = readdir(dir)) != NULL) {
        size_t n = strlen(d->d_name);
        if (n < 3 || (strcmp(d->d_name + n - 2, ".c") != 0 && strcmp(d->d_name + n - 2, ".h") != 0))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/src/bots/%s", HV_SOURCE_DIR, d->d_name);
        literals += scan(path);
        files++;
    }
    closedir(dir);
    CHECK(files >= 5);
    CHECK(literals > 0); /* the scan sees literals at all: the bot names are some */
}

static void check_new_content(void)
{
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/bots/levels/new_content.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    int32_t tank = hv_rules_find_module_type(&level->rules, "algae_tank");
    int32_t policy = hv_rules_find_policy(&level->rules, "air_recycling");
    CHECK(tank >= 0 && policy >= 0);
    hv_state *s = malloc(sizeof *s);
    for (uint64_t seed = 1; seed <= 5 && tank >= 0 && policy >= 0; seed++) {
        hv_level_new_game(level, seed, s);
        int staffed = 0, recycling = 0;
        for (int week = 0; week < 20 && s->outcome == HV_OUTCOME_RUNNING; week++) {
            hv_bot_plan(HV_BOT_BALANCED, s);
            CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
            for (int32_t i = 0; i < s->module_count; i++)
                staffed |= s->modules[i].type == tank && s->modules[i].crew > 0 &&
                           s->modules[i].output_pm > 0;
            recycling |= s->policy[policy] == 1;
        }
        CHECK(staffed);
        CHECK(recycling);
        CHECK(s->outcome != HV_OUTCOME_LOST); /* it breathes */
    }
    free(s);
    hv_level_free(level);
}

/* On a base close to incidents the balanced bot reaches for every policy,
 * and builds the module types that calm people down. */
static void check_tense_base(void)
{
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/bots/levels/tense_base.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    const hv_rules *r = &level->rules;
    hv_state *s = malloc(sizeof *s);
    hv_level_new_game(level, 1, s);
    int32_t changed[HV_MAX_POLICIES] = {0};
    for (int week = 0; week < 25 && s->outcome == HV_OUTCOME_RUNNING; week++) {
        hv_bot_plan(HV_BOT_BALANCED, s);
        CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
        for (int32_t p = 0; p < r->policy_count; p++)
            changed[p] |= s->policy[p] != 0;
    }
    for (int32_t p = 0; p < r->policy_count; p++) {
        if (!changed[p])
            fprintf(stderr, "the balanced bot never changed policy %s\n", r->policies[p].id);
        CHECK(changed[p]);
    }
    int security = 0, recreation = 0;
    for (int32_t i = 0; i < s->module_count; i++) {
        security |= r->module_types[s->modules[i].type].security > 0;
        recreation |= r->module_types[s->modules[i].type].recreation > 0;
    }
    CHECK(security);
    CHECK(recreation);
    free(s);
    hv_level_free(level);
}

static void check_random_dice(void)
{
    hv_level *level = hv_level_load_printing(HV_LEVEL_DIR "/merged_base.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    hv_state *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    hv_level_new_game(level, 4, a);
    hv_level_new_game(level, 4, b);
    int orders = 0;
    for (int week = 0; week < 12 && a->outcome == HV_OUTCOME_RUNNING; week++) {
        hv_rng world = a->rng;
        hv_bot_plan(HV_BOT_RANDOM, a);
        hv_bot_plan(HV_BOT_RANDOM, b);
        /* Planning rolls only the player's dice. */
        CHECK(a->rng.state == world.state);
        CHECK_EQ_INT(a->order_count, b->order_count);
        orders += a->order_count;
        hv_end_turn(a, NULL);
        hv_end_turn(b, NULL);
        CHECK_EQ_INT(hv_state_hash(a), hv_state_hash(b));
    }
    CHECK(orders > 0);
    free(a);
    free(b);
    hv_level_free(level);
}

int main(void)
{
    check_no_ids();
    check_new_content();
    check_tense_base();
    check_random_dice();
    return hv_test_done("bots_content");
}
