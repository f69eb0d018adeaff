/* Determinism over whole games: same level, seed and orders give the same
 * hash after every week; another seed gives another game; a copied state
 * carries on identically. Also: the tutorial plan wins, a base without air
 * is lost with its cause named. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "hv_level.h"
#include "hv_orders_file.h"
#include "hv_test.h"
#include "levels_util.h"
#include "hv_turn.h"

#define WEEKS 60

/* Ends the week, first taking the first choice of a waiting event, as the
 * idle bot does. */
static void end_week(hv_state *s)
{
    if (s->pending >= 0) {
        hv_order answer = {HV_ORDER_ANSWER, 0, 0, 0, 0, 0, 0, 0, 0};
        hv_state_queue_order(s, &answer);
    }
    CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
}

/* Plays up to WEEKS weeks, queueing ORDERS (may be NULL); fills HASHES. */
static int play(const hv_level *level, uint64_t seed, const hv_orders_file *orders,
                uint64_t *hashes, hv_state *out)
{
    hv_level_new_game(level, seed, out);
    int32_t next = 0, weeks = 0;
    char why[200];
    while (weeks < WEEKS && out->outcome == HV_OUTCOME_RUNNING) {
        if (orders)
            CHECK_EQ_INT(hv_orders_file_queue_week(orders, &next, out), 0);
        end_week(out);
        CHECK_EQ_INT(hv_state_check(out, why, sizeof why), 0);
        hashes[weeks++] = hv_state_hash(out);
    }
    return weeks;
}

static void check_level(const char *path)
{
    static hv_state s1, s2, s3, copy;
    uint64_t h1[WEEKS], h2[WEEKS], h3[WEEKS];
    hv_level *a = hv_level_load_printing(path, stderr), *b = hv_level_load_printing(path, stderr);
    CHECK(a && b);
    if (!a || !b) {
        hv_level_free(a);
        hv_level_free(b);
        return;
    }
    int n1 = play(a, 7, NULL, h1, &s1);
    int n2 = play(b, 7, NULL, h2, &s2); /* a separately loaded copy of the level */
    CHECK_EQ_INT(n1, n2);
    CHECK(memcmp(h1, h2, sizeof h1[0] * (size_t)n1) == 0);
    int n3 = play(a, 8, NULL, h3, &s3);
    CHECK(hv_state_hash(&s1) != hv_state_hash(&s3) || n1 != n3);

    /* Stop half-way, copy the state, and carry on with both. */
    hv_level_new_game(a, 7, &s1);
    for (int i = 0; i < n1 / 2; i++)
        end_week(&s1);
    copy = s1;
    while (s1.outcome == HV_OUTCOME_RUNNING && s1.turn < n1) {
        end_week(&s1);
        end_week(&copy);
    }
    CHECK(hv_state_hash(&s1) == hv_state_hash(&copy));
    CHECK(hv_state_hash(&s1) == h1[n1 - 1]);
    hv_level_free(a);
    hv_level_free(b);
}

static void test_tutorial_plan(void)
{
    static hv_state s;
    uint64_t hashes[WEEKS];
    hv_level *level = hv_level_load_printing(HV_LEVEL_DIR "/tutorial.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    hv_orders_file orders;
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_orders_file_load(&orders, HV_TEST_DIR "/data/orders/tutorial.yaml",
                                     &level->rules, &diag),
                 0);
    hv_diag_free(&diag);
    int wins = 0;
    for (uint64_t seed = 1; seed <= 10; seed++) {
        play(level, seed, &orders, hashes, &s);
        wins += s.outcome == HV_OUTCOME_WON;
    }
    CHECK(wins >= 8); /* the plan is sound: it wins most seeds, dust storms and all */
    /* Doing nothing loses the tutorial. */
    for (uint64_t seed = 1; seed <= 10; seed++) {
        play(level, seed, NULL, hashes, &s);
        CHECK_EQ_INT(s.outcome, HV_OUTCOME_LOST);
    }
    hv_orders_file_free(&orders);
    hv_level_free(level);
}

static void test_oxygen_runs_out(void)
{
    static hv_state s;
    uint64_t hashes[WEEKS];
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/data/levels/no_oxygen.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    play(level, 3, NULL, hashes, &s);
    CHECK_EQ_INT(s.outcome, HV_OUTCOME_LOST);
    CHECK_EQ_INT(s.turn, 4); /* 40 kg, 12 kg a week */
    char cause[128];
    hv_state_describe_outcome(&s, cause, sizeof cause);
    CHECK_STR(cause, "Oxygen ran out");
    hv_level_free(level);
}

int main(void)
{
    CHECK(for_each_shipped_level(check_level) >= 2);
    test_tutorial_plan();
    test_oxygen_runs_out();
    return hv_test_done("data_determinism");
}
