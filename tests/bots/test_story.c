/* The storyteller in a long game: ten years of the sandbox played by the
 * balanced bot on a few seeds. No event's text comes back within 50
 * weeks, every forecast comes true in the week it named, and about every
 * other week brings a question to answer or a forecast to prepare for. */
#include "../data/levels_util.h"
#include "hv_bot.h"
#include "hv_level.h"
#include "hv_test.h"

#define WEEKS 520
#define SEEDS 4
#define TEXT_GAP 50

static hv_state s;
static hv_report report;

static void play(const hv_level *level, uint64_t seed, int32_t *busy_weeks, int32_t *weeks)
{
    const hv_rules *r = &level->rules;
    static int32_t shown[HV_MAX_EVENTS][HV_MAX_TEXTS]; /* week each text was last shown */
    static int32_t promised[HV_MAX_EVENTS];            /* week a forecast named, or 0 */
    memset(shown, 0, sizeof shown);
    memset(promised, 0, sizeof promised);
    hv_level_new_game(level, seed, &s);
    for (int32_t w = 1; w <= WEEKS && s.outcome == HV_OUTCOME_RUNNING; w++) {
        if (hv_bot_play(HV_BOT_BALANCED, &s, 1, &report) != 1)
            break;
        int busy = 0;
        for (int32_t i = 0; i < report.count; i++) {
            const hv_event *e = &report.events[i];
            if (e->kind == HV_EV_FORECAST) {
                busy = 1;
                CHECK_EQ_INT(promised[e->subject], 0);
                promised[e->subject] = (int32_t)e->value;
            }
            if (e->kind != HV_EV_EVENT || e->value >= 0)
                continue;
            const hv_event_def *ev = &r->events[e->subject];
            busy |= ev->choice_count > 0;
            int32_t *last = &shown[e->subject][e->amount];
            if (*last > 0 && s.turn - *last < TEXT_GAP) {
                fprintf(stderr, "  seed %llu: '%s' text %lld again after %d weeks\n",
                        (unsigned long long)seed, ev->id, (long long)e->amount, s.turn - *last);
                CHECK(0);
            }
            *last = s.turn;
            if (ev->forecast > 0 && promised[e->subject]) {
                CHECK_EQ_INT(s.turn, promised[e->subject]); /* as announced */
                promised[e->subject] = 0;
            }
        }
        *busy_weeks += busy;
        (*weeks)++;
    }
}

int main(void)
{
    hv_level *level = hv_level_load_printing(HV_LEVEL_DIR "/sandbox.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return hv_test_done("bots_story");
    int32_t busy = 0, weeks = 0;
    for (uint64_t seed = 1; seed <= SEEDS; seed++)
        play(level, seed, &busy, &weeks);
    printf("sandbox, %d seeds: %d weeks, %.1f%% with a question or a forecast\n", SEEDS, weeks,
           100.0 * busy / (weeks ? weeks : 1));
    CHECK(weeks >= SEEDS * WEEKS * 3 / 4); /* the sandbox lasts, on most seeds all ten years */
    CHECK(busy * 100 >= weeks * 40);
    CHECK(busy * 100 <= weeks * 70); /* not every week either */
    hv_level_free(level);
    return hv_test_done("bots_story");
}
