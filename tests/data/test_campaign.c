/* Campaigns: the campaign file names its levels and what carries; winning
 * a level hands the next one the sponsors' change, the named flags and
 * the named people's fate; the progress file and a save keep that carry,
 * and a new game starts from it. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hv_campaign.h"
#include "hv_carry.h"
#include "hv_save.h"
#include "hv_test.h"

#define CAMPAIGN HV_TEST_DIR "/data/campaign/campaigns/test.yaml"

static int find(const hv_state *s, const char *name)
{
    for (int32_t i = 0; i < s->person_count; i++)
        if (strcmp(hv_person_name(s, &s->people[i]), name) == 0)
            return i;
    return -1;
}

static void test_load(const hv_campaign *c)
{
    CHECK_STR(c->id, "test");
    CHECK_EQ_INT(c->level_count, 2);
    CHECK_STR(c->level_ids[0], "first");
    CHECK_STR(c->level_ids[1], "second");
    CHECK_STR(c->level_titles[1], "Second Test");
    CHECK_EQ_INT(c->carry.satisfaction_pct, 50);
    CHECK_EQ_INT(c->carry.flag_count, 1);
    CHECK_STR(c->carry.people[0], "Irina Zhukova");
    CHECK_STR(hv_campaign_faction_name(c, "nasa"), "NASA");
}

/* Wins the first level with NASA 20 points up, the flag set and Irina
 * worn down; the second then starts from half the change, the flag and
 * Irina as she ended. */
static void test_win_and_carry(const hv_campaign *c, const char *dir)
{
    hv_level *first = hv_level_load_printing(c->levels[0], stderr);
    hv_level *second = hv_level_load_printing(c->levels[1], stderr);
    CHECK(first && second);
    if (!first || !second)
        return;
    hv_state *start = malloc(sizeof *start), *end = malloc(sizeof *end);
    hv_level_new_game(first, 1, start);
    *end = *start;
    end->satisfaction[0] = start->satisfaction[0] + 20;
    end->flags |= 1u << hv_rules_find_flag(&first->rules, "accord");
    int irina = find(end, "Irina Zhukova");
    CHECK(irina >= 0);
    end->people[irina].health = 40;
    end->people[irina].morale = 33;
    end->people[irina].loyalty = 12;

    hv_campaign_progress p;
    hv_campaign_progress_init(&p, c);
    CHECK_EQ_INT(p.reached, 1);
    CHECK_EQ_INT(hv_campaign_record_win(c, &p, 1, start, end), 0); /* not open yet */
    CHECK_EQ_INT(hv_campaign_record_win(c, &p, 0, start, end), 1);
    CHECK_EQ_INT(p.reached, 2);
    CHECK_EQ_INT(p.won[0], 1);
    const hv_carry *k = &p.carry[1];
    CHECK_EQ_INT(k->sponsor_count, 1);
    CHECK_STR(k->sponsor[0], "nasa");
    CHECK_EQ_INT(k->change[0], 10);
    CHECK_EQ_INT(k->flag_count, 1);
    CHECK_EQ_INT(k->person_count, 1);
    CHECK_EQ_INT(k->people[0].health, 40);
    CHECK_EQ_INT(k->people[0].gone, 0);

    /* The progress file keeps it all. */
    char path[300];
    snprintf(path, sizeof path, "%s/campaign-test.yaml", dir);
    char err[300];
    CHECK_EQ_INT(hv_campaign_progress_write(path, c, &p, err, sizeof err), 0);
    hv_campaign_progress q;
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_campaign_progress_read(path, c, &q, &diag), 0);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    CHECK_EQ_INT(q.reached, 2);
    CHECK_EQ_INT(q.won[0], 1);
    CHECK(memcmp(&q.carry[1], &p.carry[1], sizeof q.carry[1]) == 0);

    /* The second level starts from it. */
    hv_state *s = malloc(sizeof *s);
    hv_level_new_game(second, 1, s);
    int32_t sat = s->satisfaction[0];
    hv_carry_apply(s, k);
    CHECK_EQ_INT(s->satisfaction[0], sat + 10);
    CHECK((s->flags >> hv_rules_find_flag(&second->rules, "accord") & 1u) != 0);
    irina = find(s, "Irina Zhukova");
    CHECK(irina >= 0 && s->people[irina].health == 40 && s->people[irina].loyalty == 12);

    /* Someone who died is gone from the next level's roster. */
    end->person_count = 0;
    CHECK_EQ_INT(hv_campaign_record_win(c, &p, 0, start, end), 0); /* already open */
    CHECK_EQ_INT(p.carry[1].people[0].gone, 1);
    hv_level_new_game(second, 1, s);
    int32_t before = s->person_count;
    hv_carry_apply(s, &p.carry[1]);
    CHECK_EQ_INT(s->person_count, before - 1);
    CHECK_EQ_INT(find(s, "Irina Zhukova"), -1);

    /* A save of the second level keeps its origin and loads to the same game. */
    hv_origin origin;
    memset(&origin, 0, sizeof origin);
    snprintf(origin.campaign, sizeof origin.campaign, "test");
    origin.stage = 2;
    origin.carry = p.carry[1];
    hv_order_log log;
    hv_order_log_init(&log);
    snprintf(path, sizeof path, "%s/save.yaml", dir);
    CHECK_EQ_INT(hv_save_write_origin(path, second, s, &log, &origin, err, sizeof err), 0);
    hv_level *loaded = NULL;
    hv_origin back;
    hv_order_log log2;
    hv_state *t = malloc(sizeof *t);
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_save_load_origin(path, &loaded, t, &log2, &back, &diag, NULL), 0);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    CHECK_STR(back.campaign, "test");
    CHECK_EQ_INT(back.stage, 2);
    CHECK_EQ_INT(back.carry.people[0].gone, 1);
    CHECK_EQ_INT(t->person_count, s->person_count);
    CHECK(hv_state_hash(t) == hv_state_hash(s));
    hv_order_log_free(&log);
    hv_order_log_free(&log2);
    hv_level_free(loaded);
    free(t);
    free(s);
    free(start);
    free(end);
    hv_level_free(first);
    hv_level_free(second);
}

/* A progress file of another campaign, or one that names the levels out
 * of order, is refused with its position, and the campaign starts afresh. */
static void test_bad_progress(const hv_campaign *c, const char *dir)
{
    static const char *const bad[] = {
        "format: 1\nkind: campaign_progress\ncampaign: other\nlevels: [{level: first}]\n",
        "format: 1\nkind: campaign_progress\ncampaign: test\nlevels: [{level: second}]\n",
        ("format: 1\nkind: campaign_progress\ncampaign: test\nlevels:\n"
         "  - {level: first, carry: {people: [{name: X, health: 0}]}}\n"),
    };
    static const char *const want[] = {"campaign: this is the progress of 'other'",
                                       "levels[0].level: level 1 of the campaign is 'first'",
                                       "health: 0 is out of range"};
    char path[300];
    snprintf(path, sizeof path, "%s/bad.yaml", dir);
    for (int i = 0; i < 3; i++) {
        FILE *f = fopen(path, "w");
        fputs(bad[i], f);
        fclose(f);
        hv_campaign_progress p;
        hv_diag diag;
        hv_diag_init(&diag);
        CHECK_EQ_INT(hv_campaign_progress_read(path, c, &p, &diag), -1);
        CHECK(diag.count > 0 && strstr(diag.entries[0].message, want[i]) != NULL);
        if (diag.count && !strstr(diag.entries[0].message, want[i]))
            fprintf(stderr, "got: %s\n", diag.entries[0].message);
        CHECK_EQ_INT(p.reached, 1);
        hv_diag_free(&diag);
    }
    /* No file yet: a fresh start, no error. */
    snprintf(path, sizeof path, "%s/none.yaml", dir);
    hv_campaign_progress p;
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_campaign_progress_read(path, c, &p, &diag), 0);
    CHECK_EQ_INT(p.reached, 1);
    hv_diag_free(&diag);
}

int main(void)
{
    char dir[] = "/tmp/hv_campaign_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    static hv_campaign c;
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_campaign_load(CAMPAIGN, &c, &diag), 0);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    test_load(&c);
    test_win_and_carry(&c, dir);
    test_bad_progress(&c, dir);
    /* The shipped campaign loads. */
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_campaign_load(HV_TEST_DIR "/../levels/campaigns/season.yaml", &c, &diag), 0);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_EQ_INT(system(cmd), 0);
    return hv_test_done("data_campaign");
}
