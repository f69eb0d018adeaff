/* Briefings tell the truth: every number a shipped level's summary or
 * briefing names is a number of the level itself (a goal, the week a
 * scripted event comes, an asteroid's window or fuel (as written, or as
 * the world's gravity scales it), the start stocks, a
 * supply ship, the survey's cost, the week a module under construction
 * opens) or a year. A briefing asking for 140 kg of iridium while the goal
 * is 90 fails here. Numbers written out in words are the author's to keep. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "hv_level.h"
#include "hv_test.h"
#include "levels_util.h"

#define MAX_FACTS 512

typedef struct facts {
    int64_t n[MAX_FACTS];
    int count;
} facts;

static void add(facts *f, int64_t v)
{
    if (v > 0 && f->count < MAX_FACTS)
        f->n[f->count++] = v;
}

static int known(const facts *f, int64_t v)
{
    if (v >= 1950 && v <= 2100) /* a year of the story */
        return 1;
    for (int i = 0; i < f->count; i++)
        if (f->n[i] == v)
            return 1;
    return 0;
}

static void add_goals(facts *f, const hv_goal *goals, int32_t count)
{
    for (int32_t i = 0; i < count; i++) {
        add(f, goals[i].amount);
        add(f, goals[i].turn);
    }
}

static void collect(const hv_level *level, facts *f)
{
    const hv_rules *r = &level->rules;
    add_goals(f, r->win, r->win_count);
    add_goals(f, r->lose, r->lose_count);
    for (int32_t e = 0; e < r->event_count; e++)
        if (r->events[e].scripted)
            add(f, r->events[e].trigger.week);
    for (int32_t a = 0; a < r->asteroid_count; a++) {
        const hv_asteroid *ast = &r->asteroids[a];
        add(f, ast->window_open);
        add(f, ast->window_close);
        add(f, ast->capture_fuel);
        add(f, hv_capture_fuel(r, a)); /* what the launch burns on this world */
        add(f, ast->transfer_weeks);
        add(f, ast->mine_rate);
        for (int res = 0; res < HV_RES_COUNT; res++)
            add(f, ast->composition[res]);
    }
    add(f, r->missions.survey_fuel);
    add(f, hv_survey_fuel(r));
    add(f, r->missions.survey_weeks);
    for (int32_t i = 0; i < r->supply_count; i++) {
        add(f, r->supply[i].first_turn);
        add(f, r->supply[i].every);
        for (int res = 0; res < HV_RES_COUNT; res++)
            add(f, r->supply[i].cargo[res]);
    }
    for (int res = 0; res < HV_RES_COUNT; res++)
        add(f, level->start.stock[res]);
    for (int32_t m = 0; m < level->start.module_count; m++)
        if (level->start.modules[m].build_left > 0)
            add(f, 1 + level->start.modules[m].build_left);
}

/* Counts the numbers of TEXT that are none of F, printing each with PATH
 * and WHAT when PATH is given. A digit run glued to a letter or a hyphen
 * ("M-7", "2b") is a name, not a quantity; thousands may be written 2,150. */
static int unknown_numbers(const char *path, const char *what, const char *text, const facts *f)
{
    int unknown = 0;
    for (const char *p = text; *p;) {
        if (!isdigit((unsigned char)*p)) {
            p++;
            continue;
        }
        int named = p > text && (isalpha((unsigned char)p[-1]) || p[-1] == '-');
        int64_t v = 0;
        const char *start = p;
        while (isdigit((unsigned char)*p) ||
               (*p == ',' && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
                isdigit((unsigned char)p[3]) && !isdigit((unsigned char)p[4]))) {
            if (*p != ',')
                v = v * 10 + (*p - '0');
            p++;
        }
        named |= isalpha((unsigned char)*p) != 0;
        if (named || known(f, v))
            continue;
        unknown++;
        if (path)
            fprintf(stderr, "  %s: the %s names %.*s, which is none of the level's numbers\n",
                    path, what, (int)(p - start), start);
    }
    return unknown;
}

static void check_level(const char *path)
{
    hv_level *level = hv_level_load_printing(path, stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    facts f = {.count = 0};
    collect(level, &f);
    CHECK_EQ_INT(unknown_numbers(path, "summary", level->summary, &f), 0);
    CHECK_EQ_INT(unknown_numbers(path, "briefing", level->description, &f), 0);
    hv_level_free(level);
}

/* The checker itself: a number off the level is caught, a goal's, a year,
 * thousands with a comma and a name such as M-7 are not. */
static void test_checker(void)
{
    facts f = {.count = 0};
    add(&f, 90);
    add(&f, 2150);
    CHECK_EQ_INT(unknown_numbers(NULL, "", "Sell 90 kg by week 30 from 2,150 funds.", &f), 1);
    CHECK_EQ_INT(unknown_numbers(NULL, "", "Sell 140 kg, not 90.", &f), 1);
    CHECK_EQ_INT(unknown_numbers(NULL, "", "Sell 90 kg, with 2,150 in funds, in 2003 (M-7).", &f),
                 0);
}

int main(void)
{
    test_checker();
    CHECK(for_each_shipped_level(check_level) >= 2);
    return hv_test_done("data_briefing");
}
