#define _POSIX_C_SOURCE 200809L /* clock_gettime, sysconf */
/* The batch command: plays seeds FIRST..LAST of a level with a bot, across
 * worker threads, and sums up wins, losses by cause, weeks played and the
 * final stocks (hv_batch.h). Each game is independent and written to its
 * own slot, so the summary is the same whatever the number of jobs. Games
 * are played a block at a time, each block summed up as a part (as merge
 * adds parts) and its CSV rows written, so that memory does not grow with
 * the number of games, beyond the final stocks' distinct values. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hv_args.h"
#include "hv_audit_file.h"
#include "hv_batch.h"
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
    char cause[64];               /* hv_outcome_code: what ended the game, "" if it did not */
    uint32_t flags;               /* the story flags set at the end */
    uint8_t fired[HV_MAX_EVENTS]; /* times each event fired, at most 255 */
} run_result;

/* Games held at once: a quarter of a megabyte of results, reached by a
 * thousand runs, so that larger batches take no more; a block is still
 * hundreds of games a job, so the jobs seldom wait for each other. */
#define BLOCK 1024

typedef struct batch {
    const hv_level *level;
    const hv_orders_file *orders; /* played first each week, or NULL */
    hv_bot_kind bot;
    uint64_t first; /* the seed of the block's game 0 */
    int32_t runs, max_turns; /* the block's games */
    run_result *results;     /* the block's, by game */
    pthread_mutex_t lock;
    int32_t next; /* next game of the block to play, under lock */
} batch;

static void play_one(const batch *b, int32_t index, hv_state *s)
{
    hv_level_new_game(b->level, b->first + (uint64_t)index, s);
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

/* The block's figures into S, as a part that hv_batch_sums_add adds. */
static int summarise(const batch *b, hv_batch_sums *s)
{
    s->first = b->first;
    s->last = b->first + (uint64_t)b->runs - 1;
    for (int32_t i = 0; i < b->runs; i++) {
        const run_result *r = &b->results[i];
        s->turns += r->turns;
        if (r->outcome == HV_OUTCOME_WON) {
            s->wins++;
            s->win_turns += r->turns;
        } else if (r->outcome == HV_OUTCOME_RUNNING) {
            s->unfinished++;
        } else {
            s->losses++;
            s->loss_turns += r->turns;
            hv_batch_add_cause(s, r->cause, 1); /* a level has no more causes than it holds */
        }
    }
    s->runs = b->runs;
    int64_t *values = malloc(sizeof *values * (size_t)b->runs);
    for (int res = 0; values && res < HV_RES_COUNT; res++) {
        for (int32_t i = 0; i < b->runs; i++) {
            values[i] = b->results[i].stock[res];
            s->total[res] += values[i];
        }
        qsort(values, (size_t)b->runs, sizeof *values, cmp_i64);
        if (!(s->values[res] = malloc(sizeof *s->values[res] * (size_t)b->runs)))
            break;
        int32_t n = 0;
        for (int32_t i = 0; i < b->runs; i++) {
            if (n == 0 || s->values[res][n - 1].value != values[i])
                s->values[res][n++] = (hv_batch_value){values[i], 0};
            s->values[res][n - 1].count++;
        }
        s->value_count[res] = n;
    }
    int ok = values && s->values[HV_RES_COUNT - 1];
    free(values);
    return ok ? 0 : -1;
}

static void print_text(const hv_level *level, const hv_batch_sums *s)
{
    const hv_rules *rules = &level->rules;
    printf("%s (%s), bot %s, %lld runs", level->title, level->id, s->bot, (long long)s->runs);
    if (s->first != 1)
        printf(" (seeds %llu..%llu)", (unsigned long long)s->first, (unsigned long long)s->last);
    printf(" on %lld jobs\n", (long long)s->jobs);
    printf("  won %lld (%.1f%%), lost %lld, unfinished %lld\n", (long long)s->wins,
           100.0 * (double)s->wins / (double)s->runs, (long long)s->losses,
           (long long)s->unfinished);
    printf("  weeks to win %.1f on average, to lose %.1f\n",
           s->wins ? (double)s->win_turns / (double)s->wins : 0.0,
           s->losses ? (double)s->loss_turns / (double)s->losses : 0.0);
    for (int32_t k = 0; k < s->kinds; k++)
        printf("  lost by %-32s %lld\n", s->causes[k], (long long)s->cause_count[k]);
    printf("  final stocks (min / median / mean / max):\n");
    for (int res = 0; res < HV_RES_COUNT; res++) {
        int32_t n = s->value_count[res];
        printf("    %-10s %8lld %8lld %8lld %8lld\n", rules->resources[res].name,
               (long long)s->values[res][0].value, (long long)hv_batch_median(s, res),
               (long long)(s->total[res] / s->runs), (long long)s->values[res][n - 1].value);
    }
    printf("  %lld weeks in %.3f s: %.0f weeks per second\n", (long long)s->turns, s->seconds,
           s->seconds > 0 ? (double)s->turns / s->seconds : 0.0);
}

/* The CSV's head line and column names. */
static void write_csv_head(FILE *f, const hv_batch_sums *s)
{
    hv_batch_print_csv_head(f, s);
    fprintf(f, "seed,outcome,cause,weeks,people,deaths,incidents,captured,exported,max_tension");
    for (int res = 0; res < HV_RES_COUNT; res++)
        fprintf(f, ",%s", hv_resource_id((hv_resource)res));
    fprintf(f, ",state_hash,flags,events_fired\n");
}

/* The block's rows. */
static void write_csv_rows(FILE *f, const batch *b)
{
    const hv_rules *rules = &b->level->rules;
    for (int32_t i = 0; i < b->runs; i++) {
        const run_result *r = &b->results[i];
        fprintf(f, "%llu,%s,%s,%d,%d,%d,%d,%d,%lld,%d",
                (unsigned long long)(b->first + (uint64_t)i),
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
}

/* A CSV written beside its PATH (PATH.tmpXXXXXX) and renamed over it once
 * whole, so that a batch stopped half-way leaves the old file as it was. */
typedef struct csv_out {
    FILE *f;
    char tmp[4096 + 16];
} csv_out;

static int csv_open(csv_out *c, const char *path)
{
    c->f = NULL;
    int fd = -1;
    if (snprintf(c->tmp, sizeof c->tmp, "%s.tmpXXXXXX", path) < (int)sizeof c->tmp)
        fd = mkstemp(c->tmp);
    if (fd >= 0 && !(c->f = fdopen(fd, "w"))) {
        close(fd);
        unlink(c->tmp);
    }
    if (!c->f) {
        fprintf(stderr, "happyvalley: cannot write '%s'\n", path);
        return -1;
    }
    return 0;
}

/* Closes C and puts it in PATH's place when KEEP; 0 or -1. */
static int csv_close(csv_out *c, const char *path, int keep)
{
    int ok = !ferror(c->f);
    ok = fclose(c->f) == 0 && ok;
    c->f = NULL;
    if (keep && ok && chmod(c->tmp, 0644) == 0 && rename(c->tmp, path) == 0)
        return 0;
    unlink(c->tmp);
    if (keep)
        fprintf(stderr, "happyvalley: cannot write '%s'\n", path);
    return -1;
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

enum { RUNS = HV_ARGS_FIRST, SEEDS, JOBS, TURNS, BOT, ORDERS, CSV, JSON };

#define MAX_RUNS 10000000

static const struct option batch_table[] = {{"runs", required_argument, NULL, RUNS},
                                            {"seeds", required_argument, NULL, SEEDS},
                                            {"jobs", required_argument, NULL, JOBS},
                                            {"turns", required_argument, NULL, TURNS},
                                            {"bot", required_argument, NULL, BOT},
                                            {"orders", required_argument, NULL, ORDERS},
                                            {"csv", required_argument, NULL, CSV},
                                            {"json", no_argument, NULL, JSON},
                                            {NULL, 0, NULL, 0}};

typedef struct batch_options {
    const char *level, *csv, *orders;
    unsigned long long runs, first, last, jobs, turns;
    int seeds, bot, json;
} batch_options;

/* ARGV[0] is "batch". 0 with O filled, or -1 when the command ends at once
 * (help printed, or a usage error) with its exit code in *RC. */
static int parse_batch(int argc, char **argv, batch_options *o, int *rc)
{
    memset(o, 0, sizeof *o);
    o->turns = 1000;
    o->bot = HV_BOT_BALANCED;
    hv_args p;
    hv_args_init(&p, "batch", batch_table, argc, argv);
    *rc = HV_EXIT_OK;
    for (int code; *rc == HV_EXIT_OK && (code = hv_args_next(&p)) != HV_ARGS_DONE;) {
        switch (code) {
        case HV_ARGS_EXIT:
            *rc = p.rc;
            return -1;
        case RUNS:
            *rc = hv_args_number(&p, 1, MAX_RUNS, &o->runs);
            break;
        case SEEDS:
            *rc = hv_args_seeds(&p, MAX_RUNS, &o->first, &o->last);
            o->seeds = 1;
            break;
        case JOBS:
            *rc = hv_args_number(&p, 1, 256, &o->jobs);
            break;
        case TURNS:
            *rc = hv_args_number(&p, 1, 1000000, &o->turns);
            break;
        case BOT:
            *rc = hv_args_bot(&p, &o->bot);
            break;
        case ORDERS:
            o->orders = p.arg;
            break;
        case CSV:
            o->csv = p.arg;
            break;
        case JSON:
            o->json = 1;
            break;
        default: /* HV_ARGS_OPERAND */
            if (o->level)
                *rc = hv_args_error(&p, "takes one LEVEL, got '%s' too", p.arg);
            o->level = p.arg;
        }
    }
    if (*rc == HV_EXIT_OK && !o->level)
        *rc = hv_args_error(&p, "needs a LEVEL file");
    else if (*rc == HV_EXIT_OK && !o->runs && !o->seeds)
        *rc = hv_args_error(&p, "needs --runs N or --seeds FIRST..LAST");
    else if (*rc == HV_EXIT_OK)
        *rc = hv_args_sweep(&p, o->runs, o->seeds, &o->first, &o->last);
    if (*rc != HV_EXIT_OK)
        return -1;
    o->runs = o->last - o->first + 1;
    if (o->jobs == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        o->jobs = cores > 0 ? (unsigned long long)cores : 1;
    }
    if (o->jobs > o->runs)
        o->jobs = o->runs;
    return 0;
}

/* Plays every game of the block B on JOBS threads; 0, or -1 without memory. */
static int play_block(batch *b, unsigned long long jobs, int64_t *started_jobs)
{
    pthread_t threads[256];
    b->next = 0;
    unsigned long long started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, b) != 0)
            break;
    void *failed = NULL;
    if (started == 0)
        failed = worker(b); /* no threads at all: play here */
    for (unsigned long long t = 0; t < started; t++) {
        void *ret = NULL;
        pthread_join(threads[t], &ret);
        failed = failed ? failed : ret;
    }
    *started_jobs = started ? (int64_t)started : 1;
    return failed ? -1 : 0;
}

int hv_cmd_batch(int argc, char **argv)
{
    batch_options o;
    int rc;
    if (parse_batch(argc, argv, &o, &rc) != 0)
        return rc;
    hv_level *level = hv_level_load_printing(o.level, stderr);
    if (!level)
        return HV_EXIT_BAD_INPUT;
    hv_orders_file orders = {0};
    if (o.orders) {
        hv_diag diag;
        hv_diag_init(&diag);
        int bad = hv_orders_file_load(&orders, o.orders, &level->rules, &diag) != 0 ||
                  orders_overflow(&orders, o.orders);
        hv_diag_print(&diag, stderr);
        hv_diag_free(&diag);
        if (bad) {
            hv_orders_file_free(&orders);
            hv_level_free(level);
            return HV_EXIT_BAD_INPUT;
        }
    }
    batch b = {level, o.orders ? &orders : NULL, (hv_bot_kind)o.bot, 0, 0, (int32_t)o.turns,
               NULL,  PTHREAD_MUTEX_INITIALIZER,  0};
    hv_batch_sums sums;
    memset(&sums, 0, sizeof sums);
    snprintf(sums.level, sizeof sums.level, "%s", level->id);
    snprintf(sums.digest, sizeof sums.digest, "%016llx",
             (unsigned long long)hv_audit_file_digest(level->file, level->rules_file));
    snprintf(sums.bot, sizeof sums.bot, "%s", hv_bot_name(b.bot));
    if (o.orders)
        snprintf(sums.orders, sizeof sums.orders, "%016llx",
                 (unsigned long long)hv_audit_file_digest(o.orders, NULL));
    sums.max_turns = (int64_t)o.turns;
    sums.first = o.first;
    sums.last = o.last;
    csv_out csv = {NULL, ""};
    if (o.csv && csv_open(&csv, o.csv) != 0) {
        hv_orders_file_free(&orders);
        hv_level_free(level);
        return HV_EXIT_FAILURE;
    }
    if (csv.f)
        write_csv_head(csv.f, &sums);
    b.results = calloc(o.runs < BLOCK ? (size_t)o.runs : BLOCK, sizeof *b.results);
    int ok = b.results != NULL;
    for (unsigned long long done = 0; ok && done < o.runs; done += (unsigned long long)b.runs) {
        b.first = o.first + done;
        b.runs = (int32_t)(o.runs - done < BLOCK ? o.runs - done : BLOCK);
        hv_batch_sums part;
        memset(&part, 0, sizeof part);
        double start = hv_now_seconds();
        ok = play_block(&b, o.jobs, &part.jobs) == 0;
        part.seconds = hv_now_seconds() - start;
        ok = ok && summarise(&b, &part) == 0;
        ok = ok && hv_batch_sums_add(&sums, &part) == 0;
        hv_batch_sums_free(&part);
        if (ok && csv.f)
            write_csv_rows(csv.f, &b);
    }
    if (!ok) {
        fprintf(stderr, "happyvalley: out of memory\n");
        rc = HV_EXIT_FAILURE;
    } else {
        if (o.json)
            hv_batch_print_json(stdout, &sums);
        else
            print_text(level, &sums);
    }
    if (csv.f && csv_close(&csv, o.csv, ok) != 0 && ok)
        rc = HV_EXIT_FAILURE;
    hv_batch_sums_free(&sums);
    free(b.results);
    hv_orders_file_free(&orders);
    hv_level_free(level);
    return rc;
}
