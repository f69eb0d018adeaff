#define _POSIX_C_SOURCE 200809L /* clock_gettime, sysconf */
/* The batch command: plays seeds 1..N of a level with a bot, across worker
 * threads, and sums up wins, losses by cause, weeks played and the final
 * stocks. Each game is independent and written to its own slot, so the
 * summary is the same whatever the number of jobs. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hv_args.h"
#include "hv_bot.h"
#include "hv_cli.h"
#include "hv_json.h"
#include "hv_orders_file.h"
#include "hv_print.h"
#include "hv_turn.h"

typedef struct run_result {
    int32_t outcome, goal, turns;
    int32_t deaths, incidents, captured, max_tension, people;
    int64_t exported;
    int64_t stock[HV_RES_COUNT];
    uint64_t hash;
    char cause[64]; /* hv_outcome_code: what ended the game, "" if it did not */
    uint32_t flags;                /* the story flags set at the end */
    uint8_t fired[HV_MAX_EVENTS]; /* times each event fired, at most 255 */
} run_result;

typedef struct batch {
    const hv_level *level;
    const hv_orders_file *orders; /* played first each week, or NULL */
    hv_bot_kind bot;
    int32_t runs, max_turns;
    run_result *results;
    pthread_mutex_t lock;
    int32_t next; /* next seed index to play, under lock */
} batch;

static void play_one(const batch *b, int32_t index, hv_state *s)
{
    hv_level_new_game(b->level, (uint64_t)index + 1, s);
    if (b->orders)
        hv_carry_apply(s, &b->orders->carry); /* a campaign save's start */
    run_result *r = &b->results[index];
    if (b->orders) {
        /* The file's orders for each week first, then the bot, as sim does. */
        int32_t next = 0;
        r->turns = 0;
        while (r->turns < b->max_turns && s->outcome == HV_OUTCOME_RUNNING) {
            hv_orders_file_queue_week(b->orders, &next, s); /* a full queue was checked */
            hv_bot_plan(b->bot, s);
            if (hv_end_turn(s, NULL) != HV_TURN_DONE)
                break;
            r->turns++;
        }
    } else {
        r->turns = hv_bot_play(b->bot, s, b->max_turns, NULL);
    }
    r->outcome = s->outcome;
    r->goal = s->outcome_goal;
    r->deaths = s->deaths;
    r->incidents = s->incidents;
    r->captured = s->captured;
    r->max_tension = hv_state_max_tension(s);
    r->people = s->person_count;
    r->exported = s->exported;
    memcpy(r->stock, s->stock, sizeof r->stock);
    r->hash = hv_state_hash(s);
    hv_outcome_code(s, r->cause, sizeof r->cause);
    r->flags = s->flags;
    for (int32_t i = 0; i < s->rules->event_count && i < HV_MAX_EVENTS; i++)
        r->fired[i] = (uint8_t)(s->event_times[i] > 255 ? 255 : s->event_times[i]);
}

static void *worker(void *arg)
{
    batch *b = arg;
    hv_state *s = malloc(sizeof *s);
    if (!s)
        return arg;
    for (;;) {
        pthread_mutex_lock(&b->lock);
        int32_t index = b->next++;
        pthread_mutex_unlock(&b->lock);
        if (index >= b->runs)
            break;
        play_one(b, index, s);
    }
    free(s);
    return NULL;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

typedef struct summary {
    int32_t wins, losses, unfinished;
    int64_t win_turns, loss_turns, turns;
    char causes[HV_MAX_GOALS + 2][64];
    int32_t cause_count[HV_MAX_GOALS + 2];
    int32_t kinds;
    int64_t min[HV_RES_COUNT], median[HV_RES_COUNT], max[HV_RES_COUNT], mean[HV_RES_COUNT];
} summary;

static void summarise(const batch *b, summary *sum)
{
    memset(sum, 0, sizeof *sum);
    for (int32_t i = 0; i < b->runs; i++) {
        const run_result *r = &b->results[i];
        sum->turns += r->turns;
        if (r->outcome == HV_OUTCOME_WON) {
            sum->wins++;
            sum->win_turns += r->turns;
            continue;
        }
        if (r->outcome == HV_OUTCOME_RUNNING) {
            sum->unfinished++;
            continue;
        }
        sum->losses++;
        sum->loss_turns += r->turns;
        int32_t k = 0;
        while (k < sum->kinds && strcmp(sum->causes[k], r->cause) != 0)
            k++;
        if (k == sum->kinds && sum->kinds < HV_MAX_GOALS + 2)
            memcpy(sum->causes[sum->kinds++], r->cause, sizeof r->cause);
        if (k < sum->kinds)
            sum->cause_count[k]++;
    }
    int64_t *values = malloc(sizeof *values * (size_t)b->runs);
    for (int res = 0; values && res < HV_RES_COUNT; res++) {
        int64_t total = 0;
        for (int32_t i = 0; i < b->runs; i++) {
            values[i] = b->results[i].stock[res];
            total += values[i];
        }
        qsort(values, (size_t)b->runs, sizeof *values, cmp_i64);
        sum->min[res] = values[0];
        sum->max[res] = values[b->runs - 1];
        sum->median[res] = values[b->runs / 2];
        sum->mean[res] = total / b->runs;
    }
    free(values);
}

static double mean_of(int64_t total, int32_t n)
{
    return n ? (double)total / n : 0.0;
}

static void print_json(const batch *b, const summary *sum, int jobs, double seconds)
{
    printf("{\"level\":");
    hv_json_string(stdout, b->level->id);
    printf(",\"bot\":\"%s\",\"runs\":%d,\"jobs\":%d,\"wins\":%d,\"losses\":%d,\"unfinished\":%d",
           hv_bot_name(b->bot), b->runs, jobs, sum->wins, sum->losses, sum->unfinished);
    printf(",\"win_rate\":%.4f", (double)sum->wins / b->runs);
    printf(",\"mean_turns_to_win\":%.2f,\"mean_turns_to_lose\":%.2f",
           mean_of(sum->win_turns, sum->wins), mean_of(sum->loss_turns, sum->losses));
    printf(",\"losses_by_cause\":{");
    for (int32_t k = 0; k < sum->kinds; k++) {
        printf("%s", k ? "," : "");
        hv_json_string(stdout, sum->causes[k]);
        printf(":%d", sum->cause_count[k]);
    }
    printf("},\"final_resources\":{");
    for (int res = 0; res < HV_RES_COUNT; res++)
        printf("%s\"%s\":{\"min\":%lld,\"median\":%lld,\"mean\":%lld,\"max\":%lld}", res ? "," : "",
               hv_resource_id((hv_resource)res), (long long)sum->min[res],
               (long long)sum->median[res], (long long)sum->mean[res], (long long)sum->max[res]);
    printf("},\"turns\":%lld,\"seconds\":%.4f,\"turns_per_second\":%.0f}\n", (long long)sum->turns,
           seconds, seconds > 0 ? (double)sum->turns / seconds : 0.0);
}

static void print_text(const batch *b, const summary *sum, int jobs, double seconds)
{
    const hv_rules *rules = &b->level->rules;
    printf("%s (%s), bot %s, %d runs on %d jobs\n", b->level->title, b->level->id,
           hv_bot_name(b->bot), b->runs, jobs);
    printf("  won %d (%.1f%%), lost %d, unfinished %d\n", sum->wins, 100.0 * sum->wins / b->runs,
           sum->losses, sum->unfinished);
    printf("  weeks to win %.1f on average, to lose %.1f\n", mean_of(sum->win_turns, sum->wins),
           mean_of(sum->loss_turns, sum->losses));
    for (int32_t k = 0; k < sum->kinds; k++)
        printf("  lost by %-32s %d\n", sum->causes[k], sum->cause_count[k]);
    printf("  final stocks (min / median / mean / max):\n");
    for (int res = 0; res < HV_RES_COUNT; res++)
        printf("    %-10s %8lld %8lld %8lld %8lld\n", rules->resources[res].name,
               (long long)sum->min[res], (long long)sum->median[res], (long long)sum->mean[res],
               (long long)sum->max[res]);
    printf("  %lld weeks in %.3f s: %.0f weeks per second\n", (long long)sum->turns, seconds,
           seconds > 0 ? (double)sum->turns / seconds : 0.0);
}

static int write_csv(const batch *b, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "happyvalley: cannot write '%s'\n", path);
        return HV_EXIT_FAILURE;
    }
    fprintf(f, "seed,outcome,cause,weeks,people,deaths,incidents,captured,exported,max_tension");
    for (int res = 0; res < HV_RES_COUNT; res++)
        fprintf(f, ",%s", hv_resource_id((hv_resource)res));
    fprintf(f, ",state_hash,flags,events_fired\n");
    const hv_rules *rules = &b->level->rules;
    for (int32_t i = 0; i < b->runs; i++) {
        const run_result *r = &b->results[i];
        fprintf(f, "%d,%s,%s,%d,%d,%d,%d,%d,%lld,%d", i + 1,
                r->outcome == HV_OUTCOME_WON    ? "won"
                : r->outcome == HV_OUTCOME_LOST ? "lost"
                                                : "running",
                r->cause, r->turns, r->people, r->deaths, r->incidents, r->captured,
                (long long)r->exported, r->max_tension);
        for (int res = 0; res < HV_RES_COUNT; res++)
            fprintf(f, ",%lld", (long long)r->stock[res]);
        fprintf(f, ",%016llx,", (unsigned long long)r->hash);
        /* Ids separated by spaces, so a cell needs no quotes. */
        for (int32_t k = 0, n = 0; k < rules->flag_count; k++)
            if ((r->flags >> k) & 1u)
                fprintf(f, "%s%s", n++ ? " " : "", rules->flags[k]);
        fprintf(f, ",");
        for (int32_t k = 0, n = 0; k < rules->event_count && k < HV_MAX_EVENTS; k++)
            if (r->fired[k])
                fprintf(f, "%s%s*%d", n++ ? " " : "", rules->events[k].id, r->fired[k]);
        fprintf(f, "\n");
    }
    if (fclose(f) != 0) {
        fprintf(stderr, "happyvalley: cannot write '%s'\n", path);
        return HV_EXIT_FAILURE;
    }
    return HV_EXIT_OK;
}

/* Whether some week of ORDERS holds more orders than a week can queue:
 * said once, up front, rather than in every game. */
static int orders_overflow(const hv_orders_file *orders, const char *path)
{
    for (int32_t i = 0, first = 0; i < orders->count; i++) {
        if (orders->items[i].week != orders->items[first].week)
            first = i;
        if (i - first >= HV_MAX_ORDERS) {
            fprintf(stderr, "%s:%d:1: error: more than %d orders in week %d\n", path,
                    orders->items[i].line, HV_MAX_ORDERS, orders->items[i].week);
            return 1;
        }
    }
    return 0;
}

double hv_now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

enum { RUNS = HV_ARGS_FIRST, JOBS, TURNS, BOT, ORDERS, CSV, JSON };

static const struct option batch_table[] = {
    {"runs", required_argument, NULL, RUNS},     {"jobs", required_argument, NULL, JOBS},
    {"turns", required_argument, NULL, TURNS},   {"bot", required_argument, NULL, BOT},
    {"orders", required_argument, NULL, ORDERS}, {"csv", required_argument, NULL, CSV},
    {"json", no_argument, NULL, JSON},           {NULL, 0, NULL, 0}};

int hv_cmd_batch(int argc, char **argv)
{
    const char *path = NULL, *csv = NULL, *orders_path = NULL;
    unsigned long long runs = 0, jobs = 0, turns = 1000;
    int bot = HV_BOT_BALANCED, json = 0, rc = 0;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    hv_args p;
    hv_args_init(&p, "batch", batch_table, argc, argv);
    for (int code; rc == 0 && (code = hv_args_next(&p)) != HV_ARGS_DONE;) {
        switch (code) {
        case HV_ARGS_EXIT:
            return p.rc;
        case RUNS:
            rc = hv_args_number(&p, 1, 10000000, &runs);
            break;
        case JOBS:
            rc = hv_args_number(&p, 1, 256, &jobs);
            break;
        case TURNS:
            rc = hv_args_number(&p, 1, 1000000, &turns);
            break;
        case BOT:
            rc = hv_args_bot(&p, &bot);
            break;
        case ORDERS:
            orders_path = p.arg;
            break;
        case CSV:
            csv = p.arg;
            break;
        case JSON:
            json = 1;
            break;
        default: /* HV_ARGS_OPERAND */
            if (path)
                rc = hv_args_error(&p, "takes one LEVEL, got '%s' too", p.arg);
            path = p.arg;
        }
    }
    if (rc == 0 && !path)
        rc = hv_args_error(&p, "needs a LEVEL file");
    if (rc == 0 && runs == 0)
        rc = hv_args_error(&p, "needs --runs N");
    if (rc != 0)
        return rc;
    if (jobs == 0)
        jobs = cores > 0 ? (unsigned long long)cores : 1;
    if (jobs > runs)
        jobs = runs;
    hv_level *level = hv_level_load_printing(path, stderr);
    if (!level)
        return HV_EXIT_BAD_INPUT;
    hv_orders_file orders = {0};
    if (orders_path) {
        hv_diag diag;
        hv_diag_init(&diag);
        int bad = hv_orders_file_load(&orders, orders_path, &level->rules, &diag) != 0 ||
                  orders_overflow(&orders, orders_path);
        hv_diag_print(&diag, stderr);
        hv_diag_free(&diag);
        if (bad) {
            hv_orders_file_free(&orders);
            hv_level_free(level);
            return HV_EXIT_BAD_INPUT;
        }
    }
    batch b = {level,
               orders_path ? &orders : NULL,
               (hv_bot_kind)bot,
               (int32_t)runs,
               (int32_t)turns,
               NULL,
               PTHREAD_MUTEX_INITIALIZER,
               0};
    b.results = calloc((size_t)runs, sizeof *b.results);
    pthread_t threads[256];
    if (!b.results) {
        fprintf(stderr, "happyvalley: out of memory\n");
        hv_orders_file_free(&orders);
        hv_level_free(level);
        return HV_EXIT_FAILURE;
    }
    double start = hv_now_seconds();
    unsigned long long started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &b) != 0)
            break;
    void *failed = NULL;
    if (started == 0)
        failed = worker(&b); /* no threads at all: play here */
    for (unsigned long long t = 0; t < started; t++) {
        void *ret = NULL;
        pthread_join(threads[t], &ret);
        failed = failed ? failed : ret;
    }
    double seconds = hv_now_seconds() - start;
    if (failed) {
        fprintf(stderr, "happyvalley: out of memory\n");
        rc = HV_EXIT_FAILURE;
    } else {
        summary sum;
        summarise(&b, &sum);
        if (json)
            print_json(&b, &sum, (int)(started ? started : 1), seconds);
        else
            print_text(&b, &sum, (int)(started ? started : 1), seconds);
        if (csv)
            rc = write_csv(&b, csv);
    }
    free(b.results);
    hv_orders_file_free(&orders);
    hv_level_free(level);
    return rc;
}
