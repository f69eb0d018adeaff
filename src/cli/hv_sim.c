/* The sim command: one game of a level played headless, week by week,
 * with an orders file, a bot, or both; its outcome as text or JSON. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hv_args.h"
#include "hv_bot.h"
#include "hv_cli.h"
#include "hv_file.h"
#include "hv_json.h"
#include "hv_orders_file.h"
#include "hv_print.h"

#define MAX_TURNS 1000000

typedef struct sim_options {
    const char *level;
    const char *orders;
    unsigned long long seed;
    unsigned long long turns;
    int json, report, hashes, play_on;
    int bot; /* hv_bot_kind, or -1 */
} sim_options;

enum { SEED = HV_ARGS_FIRST, TURNS, ORDERS, BOT, JSON, REPORT, HASHES, PLAY_ON };

static const struct option sim_table[] = {{"seed", required_argument, NULL, SEED},
                                          {"turns", required_argument, NULL, TURNS},
                                          {"orders", required_argument, NULL, ORDERS},
                                          {"bot", required_argument, NULL, BOT},
                                          {"json", no_argument, NULL, JSON},
                                          {"report", no_argument, NULL, REPORT},
                                          {"hashes", no_argument, NULL, HASHES},
                                          {"play-on", no_argument, NULL, PLAY_ON},
                                          {NULL, 0, NULL, 0}};

/* ARGV[0] is "sim". 0 with O filled, or -1 when the command ends at once
 * (help printed, or a usage error) with its exit code in *RC. */
static int parse_sim(int argc, char **argv, sim_options *o, int *rc)
{
    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->turns = 52;
    o->bot = -1;
    hv_args p;
    hv_args_init(&p, "sim", sim_table, argc, argv);
    *rc = HV_EXIT_OK;
    for (int code; *rc == HV_EXIT_OK && (code = hv_args_next(&p)) != HV_ARGS_DONE;) {
        switch (code) {
        case HV_ARGS_EXIT:
            *rc = p.rc;
            return -1;
        case SEED:
            *rc = hv_args_number(&p, 0, UINT64_MAX, &o->seed);
            break;
        case TURNS:
            *rc = hv_args_number(&p, 1, MAX_TURNS, &o->turns);
            break;
        case ORDERS:
            o->orders = p.arg;
            break;
        case BOT:
            *rc = hv_args_bot(&p, &o->bot);
            break;
        case JSON:
            o->json = 1;
            break;
        case REPORT:
            o->report = 1;
            break;
        case HASHES:
            o->hashes = 1;
            break;
        case PLAY_ON:
            o->play_on = 1;
            break;
        default: /* HV_ARGS_OPERAND */
            if (o->level)
                *rc = hv_args_error(&p, "takes one LEVEL, got '%s' too", p.arg);
            o->level = p.arg;
        }
    }
    if (*rc == HV_EXIT_OK && !o->level)
        *rc = hv_args_error(&p, "needs a LEVEL file");
    return *rc == HV_EXIT_OK ? 0 : -1;
}

/* A save cut short or damaged leaves its previous version as PATH.bak:
 * the game replays that, and says so, rather than stop. DIAG holds why
 * PATH itself failed. 0 when the backup was loaded. */
static int load_backup(hv_orders_file *orders, const char *path, const hv_rules *rules,
                       const hv_diag *diag)
{
    char bak[HV_FILE_LEN + 8];
    if (snprintf(bak, sizeof bak, "%s.bak", path) >= (int)sizeof bak)
        return -1;
    /* Only a regular file is opened: a FIFO named so would block for ever. */
    if (!hv_file_is_regular(bak))
        return -1;
    hv_diag quiet;
    hv_diag_init(&quiet);
    int rc = hv_orders_file_load(orders, bak, rules, &quiet);
    hv_diag_free(&quiet);
    if (rc == 0) {
        char shown[HV_FILE_LEN * 2], why[800], shown_bak[HV_FILE_LEN * 2];
        hv_diag_clean(shown, sizeof shown, path);
        hv_diag_clean(why, sizeof why, diag->count ? diag->entries[0].message : "damaged");
        hv_diag_clean(shown_bak, sizeof shown_bak, bak);
        fprintf(stderr, "%s: warning: cannot be read (%s); replaying its previous version %s\n",
                shown, why, shown_bak);
    }
    return rc;
}

int hv_cmd_sim(int argc, char **argv)
{
    sim_options o;
    int rc;
    if (parse_sim(argc, argv, &o, &rc) != 0)
        return rc;
    hv_level *level = hv_level_load_printing(o.level, stderr);
    if (!level)
        return HV_EXIT_BAD_INPUT;
    hv_orders_file orders = {0};
    if (o.orders) {
        hv_diag diag;
        hv_diag_init(&diag);
        rc = hv_orders_file_load(&orders, o.orders, &level->rules, &diag);
        if (rc != 0 && load_backup(&orders, o.orders, &level->rules, &diag) == 0)
            rc = 0;
        else
            hv_diag_print(&diag, stderr);
        hv_diag_free(&diag);
        if (rc != 0) {
            hv_level_free(level);
            return HV_EXIT_BAD_INPUT;
        }
    }
    hv_state *state = malloc(sizeof *state);
    /* The week before and each week's hash cost a copy and a pass over the
     * whole state: only when they are printed. */
    hv_state *before = o.report && !o.json ? malloc(sizeof *before) : NULL;
    hv_report *report = malloc(sizeof *report);
    unsigned long long *hashes = o.hashes ? malloc(sizeof *hashes * (size_t)o.turns) : NULL;
    if (!state || (o.report && !o.json && !before) || !report || (o.hashes && !hashes)) {
        fprintf(stderr, "happyvalley: out of memory\n");
        rc = HV_EXIT_FAILURE;
        goto done;
    }
    hv_level_new_game(level, o.seed, state);
    hv_carry_apply(state, &orders.carry); /* a campaign save starts where the last level left */
    if (o.play_on)
        hv_state_play_on(state);
    int32_t next = 0, applied = 0, rejected = 0, played = 0;
    if (!o.json)
        printf("%s (%s), seed %llu\n", level->title, level->id, o.seed);
    while ((unsigned long long)played < o.turns &&
           (state->outcome == HV_OUTCOME_RUNNING || state->play_on)) {
        if (hv_orders_file_queue_week(&orders, &next, state) != 0) {
            fprintf(stderr, "%s:%d:1: error: more than %d orders in week %d\n", o.orders,
                    orders.items[next].line, HV_MAX_ORDERS, state->turn + 1);
            rc = HV_EXIT_BAD_INPUT;
            goto done;
        }
        if (o.bot >= 0)
            hv_bot_plan((hv_bot_kind)o.bot, state);
        else if (state->pending >= 0)
            hv_bot_plan(HV_BOT_IDLE, state); /* answers with the first choice */
        if (before)
            *before = *state;
        hv_report_clear(report);
        hv_end_turn(state, report);
        for (int32_t i = 0; i < report->count; i++) {
            applied += report->events[i].kind == HV_EV_ORDER_DONE;
            rejected += report->events[i].kind == HV_EV_ORDER_REJECTED;
        }
        if (hashes)
            hashes[played] = (unsigned long long)hv_state_hash(state);
        played++;
        if (o.json)
            continue;
        if (before)
            hv_print_report(stdout, before, state, report);
        if (hashes)
            printf("week %d hash %016llx\n", state->turn, hashes[played - 1]);
    }
    if (o.json) {
        hv_json_game(stdout, level, state, hashes, played, applied, rejected);
    } else {
        hv_print_status(stdout, level, state);
        printf("  orders: %d applied, %d refused\n", applied, rejected);
        printf("  state hash: %016llx\n", (unsigned long long)hv_state_hash(state));
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "happyvalley: cannot write output\n");
        rc = HV_EXIT_FAILURE;
    }
done:
    free(hashes);
    free(report);
    free(before);
    free(state);
    hv_orders_file_free(&orders);
    hv_level_free(level);
    return rc;
}
