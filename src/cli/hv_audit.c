#define _POSIX_C_SOURCE 200809L /* sysconf, open_memstream */
/* The audit command: builds every configuration, plays them all over the
 * same seeds on worker threads, and hands the figures to the report. */
#include "hv_audit.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hv_args.h"
#include "hv_audit_file.h"
#include "hv_cli.h"
#include "hv_file.h"
#include "hv_turn.h"

#define SURVIVAL_WEEKS 104 /* two years: how long a level without deadline is played */

/* ---- systems off ------------------------------------------------------- */

static void effect_off(hv_effect *e, hv_system sys)
{
    if (sys == HV_SYSTEM_TENSION) {
        memset(&e->tension, 0, sizeof e->tension);
        e->class_tension = 0;
    }
    if (sys == HV_SYSTEM_MARKET)
        e->price_pct = 0;
    if (sys == HV_SYSTEM_DUST)
        e->dust = 0;
}

static void system_off(hv_rules *r, hv_system sys)
{
    switch (sys) {
    case HV_SYSTEM_EVENTS:
        /* A base chance of 0 keeps the storyteller silent, calm or not. */
        r->event_chance = 0;
        r->storyteller.chance = 0;
        break;
    case HV_SYSTEM_INCIDENTS:
        r->society.incident_pm = 0;
        break;
    case HV_SYSTEM_TENSION:
        r->society.shortage_tension = r->society.gap_tension = 0;
        r->incidents.tension = 0;
        break;
    case HV_SYSTEM_MARKET:
        /* Standing still: no swings, and sales do not move it either. */
        r->market.swing_pct = 0;
        r->market.elasticity = 0;
        break;
    case HV_SYSTEM_DUST:
        r->weather.dust_min = r->weather.dust_max = r->weather.dust_swing = 0;
        break;
    default:
        break;
    }
    for (int32_t p = 0; p < r->policy_count; p++)
        for (int32_t o = 0; o < r->policies[p].option_count; o++)
            effect_off(&r->policies[p].options[o].effect, sys);
    /* Events that cannot come here keep their effects, so that a level
     * which leaves a system out compares equal with it switched off. */
    for (int32_t e = 0; e < r->event_count; e++) {
        if (!hv_rules_event_can_fire(r, e))
            continue;
        effect_off(&r->events[e].effect, sys);
        for (int32_t c = 0; c < r->events[e].choice_count; c++)
            effect_off(&r->events[e].choices[c].effect, sys);
    }
}

const char *hv_system_name(hv_system sys)
{
    static const char *const names[HV_SYSTEM_COUNT] = {"none",    "random_events", "incidents",
                                                       "tension", "market",        "dust"};
    return sys >= 0 && sys < HV_SYSTEM_COUNT ? names[sys] : "?";
}

/* ---- configurations ---------------------------------------------------- */

static hv_audit_config *add(hv_audit *a, hv_config_kind kind, hv_bot_kind bot)
{
    if (a->config_count >= HV_AUDIT_MAX_CONFIGS)
        return NULL;
    hv_audit_config *c = &a->configs[a->config_count++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->bot = bot;
    hv_bot_limits_init(&c->limits);
    c->click_policy = -1;
    c->click_option = -1;
    return c;
}

static void add_bots_and_systems(hv_audit *a)
{
    for (int b = 0; b < HV_BOT_COUNT; b++) {
        hv_audit_config *c = add(a, HV_CONFIG_BOT, (hv_bot_kind)b);
        if (!c)
            return;
        snprintf(c->id, sizeof c->id, "bot:%s", hv_bot_name((hv_bot_kind)b));
        snprintf(c->label, sizeof c->label, "%s bot", hv_bot_name((hv_bot_kind)b));
        c->detail = 1;
    }
    for (int sys = 1; sys < HV_SYSTEM_COUNT; sys++)
        for (int b = 0; b < HV_BOT_COUNT; b++) {
            hv_audit_config *c = add(a, HV_CONFIG_SYSTEM, (hv_bot_kind)b);
            if (!c)
                return;
            c->system = (hv_system)sys;
            snprintf(c->id, sizeof c->id, "off:%s:%s", hv_system_name(c->system),
                     hv_bot_name((hv_bot_kind)b));
            snprintf(c->label, sizeof c->label, "%s bot, %s off", hv_bot_name((hv_bot_kind)b),
                     hv_system_name(c->system));
        }
}

static void add_levers(hv_audit *a)
{
    const hv_rules *r = &a->level->rules;
    hv_bot_kind lb = a->lever_bot;
    for (int32_t p = 0; p < r->policy_count; p++)
        for (int32_t o = 0; o < r->policies[p].option_count && !r->policies[p].locked; o++) {
            hv_audit_config *c = add(a, HV_CONFIG_HOLD, lb);
            if (!c)
                return;
            c->limits.policy = p;
            c->limits.option = o;
            snprintf(c->id, sizeof c->id, "hold:%s=%s", r->policies[p].id,
                     r->policies[p].options[o].id);
            snprintf(c->label, sizeof c->label, "%s held at \"%s\" all game", r->policies[p].name,
                     r->policies[p].options[o].name);
            if (o == r->policies[p].start)
                continue; /* in force already: a click on it is no order */
            c = add(a, HV_CONFIG_ONE_CLICK, HV_BOT_IDLE);
            if (!c)
                return;
            c->click_policy = p;
            c->click_option = o;
            snprintf(c->id, sizeof c->id, "one_click:%s=%s", r->policies[p].id,
                     r->policies[p].options[o].id);
            snprintf(c->label, sizeof c->label, "only \"%s\" in week 1, then end turns",
                     r->policies[p].options[o].name);
        }
    hv_audit_config *empty = add(a, HV_CONFIG_ONE_CLICK, HV_BOT_IDLE);
    if (empty) {
        snprintf(empty->id, sizeof empty->id, "one_click:empty");
        snprintf(empty->label, sizeof empty->label, "no orders at all, only end turns");
    }
    for (int k = 0; k < HV_ORDER_KIND_COUNT; k++) {
        if (k == HV_ORDER_ANSWER)
            continue; /* a waiting event must be answered */
        hv_audit_config *c = add(a, HV_CONFIG_FORBID, lb);
        if (!c)
            return;
        c->limits.forbid = 1u << k;
        snprintf(c->id, sizeof c->id, "forbid:%s", hv_order_kind_name((hv_order_kind)k));
        snprintf(c->label, sizeof c->label, "never a %s order",
                 hv_order_kind_name((hv_order_kind)k));
        if (!hv_audit_tuning(k) || !(c = add(a, HV_CONFIG_FORBID, lb)))
            continue;
        c->once = 1u << k;
        snprintf(c->id, sizeof c->id, "once:%s", hv_order_kind_name((hv_order_kind)k));
        snprintf(c->label, sizeof c->label, "%s orders in one week only, the first it gives any",
                 hv_order_kind_name((hv_order_kind)k));
    }
    for (int32_t e = 0; e < r->event_count; e++)
        for (int32_t ch = 0; ch < r->events[e].choice_count; ch++) {
            hv_audit_config *c = add(a, HV_CONFIG_ANSWER, lb);
            if (!c)
                return;
            c->limits.event = e;
            c->limits.choice = ch;
            snprintf(c->id, sizeof c->id, "answer:%s=%d", r->events[e].id, ch + 1);
            snprintf(c->label, sizeof c->label, "\"%s\" always answered \"%.100s\"",
                     r->events[e].title, r->events[e].choices[ch].text);
        }
}

/* The best bot stopped early, for every bot: which one is best is known
 * only once every seed is played, and audits of parts of the seeds are
 * merged after. hv_audit_judge marks all but the best one's spare. */
static void add_cutoffs(hv_audit *a)
{
    for (int b = 0; b < HV_BOT_COUNT; b++)
        for (int pct = 10; pct <= 90; pct += 10) {
            hv_audit_config *c = add(a, HV_CONFIG_CUTOFF, (hv_bot_kind)b);
            if (!c)
                return;
            c->cutoff = a->length * pct / 100;
            c->cutoff = c->cutoff < 1 ? 1 : c->cutoff;
            snprintf(c->id, sizeof c->id, "cutoff:%d", pct);
            snprintf(c->label, sizeof c->label, "%s bot for %d%% of the weeks (%d), then nothing",
                     hv_bot_name((hv_bot_kind)b), pct, c->cutoff);
        }
}

/* ---- the level's length ------------------------------------------------ */

static void measure_length(hv_audit *a)
{
    int32_t last = hv_rules_last_week(&a->level->rules);
    a->survival = a->level->rules.win_count == 0;
    a->length = last > 0 ? last : SURVIVAL_WEEKS;
    a->max_weeks = last > 0 ? last + 1 : SURVIVAL_WEEKS;
}

/* ---- the command ------------------------------------------------------- */

static int gives_rock(const int64_t *res)
{
    return res[HV_RES_ORE] > 0 || res[HV_RES_IRIDIUM] > 0;
}

/* Whether ore or iridium can come to the base at all; without it the
 * market has nothing to sell, whatever its rules say. */
static int rock_reachable(const hv_level *level)
{
    const hv_rules *r = &level->rules;
    int any = r->asteroid_count > 0 || gives_rock(level->start.stock);
    for (int32_t t = 0; t < r->module_type_count; t++)
        any |= r->module_types[t].output[HV_RES_ORE] > 0 ||
               (r->module_types[t].output[HV_RES_IRIDIUM] > 0 &&
                r->module_types[t].input[HV_RES_ORE] == 0);
    for (int32_t i = 0; i < r->supply_count; i++)
        any |= gives_rock(r->supply[i].cargo);
    for (int32_t p = 0; p < r->policy_count; p++)
        for (int32_t o = 0; o < r->policies[p].option_count; o++)
            any |= gives_rock(r->policies[p].options[o].effect.resources);
    for (int32_t e = 0; e < r->event_count; e++) {
        if (!hv_rules_event_can_fire(r, e))
            continue;
        any |= gives_rock(r->events[e].effect.resources);
        for (int32_t c = 0; c < r->events[e].choice_count; c++)
            any |= gives_rock(r->events[e].choices[c].effect.resources);
    }
    return any;
}

int hv_audit_prepare(hv_audit *a)
{
    measure_length(a);
    for (int sys = 0; sys < HV_SYSTEM_COUNT; sys++) {
        memcpy(&a->systems[sys], &a->level->rules, sizeof a->systems[sys]);
        system_off(&a->systems[sys], (hv_system)sys);
        hv_rules_derive(&a->systems[sys]);
        /* Switching it off changed nothing: the level leaves it out on purpose. */
        a->absent[sys] = sys != HV_SYSTEM_NONE &&
                         !memcmp(&a->systems[sys], &a->level->rules, sizeof a->systems[sys]);
    }
    a->absent[HV_SYSTEM_MARKET] |= !rock_reachable(a->level);
    a->configs = calloc(HV_AUDIT_MAX_CONFIGS, sizeof *a->configs);
    if (!a->configs)
        return -1;
    add_bots_and_systems(a);
    add_levers(a);
    add_cutoffs(a);
    return 0;
}

void hv_audit_free(hv_audit *a)
{
    free(a->runs_storage);
    free(a->configs);
    a->runs_storage = NULL;
    a->configs = NULL;
}

static int run_audit(hv_audit *a, int jobs)
{
    if (hv_audit_prepare(a) != 0)
        return -1;
    hv_audit_run *runs = calloc((size_t)a->config_count * (size_t)a->runs, sizeof *runs);
    if (!runs)
        return -1;
    a->runs_storage = runs;
    for (int32_t i = 0; i < a->config_count; i++)
        a->configs[i].runs = runs + (size_t)i * (size_t)a->runs;
    if (hv_audit_play_all(a, jobs) != 0)
        return -1;
    hv_audit_sum(a);
    hv_audit_judge(a);
    return 0;
}

enum { RUNS = HV_ARGS_FIRST, SEEDS, JOBS, JSON, SAVE, LEVERS };

#define MAX_RUNS 10000

static const struct option audit_table[] = {{"runs", required_argument, NULL, RUNS},
                                            {"seeds", required_argument, NULL, SEEDS},
                                            {"jobs", required_argument, NULL, JOBS},
                                            {"json", no_argument, NULL, JSON},
                                            {"save", no_argument, NULL, SAVE},
                                            {"levers", required_argument, NULL, LEVERS},
                                            {NULL, 0, NULL, 0}};

int hv_cmd_audit(int argc, char **argv)
{
    unsigned long long runs = 0, first = 0, last = 0, jobs = 0;
    int json = 0, save = 0, seeds = 0, lever_bot = HV_BOT_BALANCED, rc = 0;
    const char *path = NULL;
    hv_args p;
    hv_args_init(&p, "audit", audit_table, argc, argv);
    for (int code; rc == 0 && (code = hv_args_next(&p)) != HV_ARGS_DONE;) {
        switch (code) {
        case HV_ARGS_EXIT:
            return p.rc;
        case RUNS:
            rc = hv_args_number(&p, 1, MAX_RUNS, &runs);
            break;
        case SEEDS:
            rc = hv_args_seeds(&p, MAX_RUNS, &first, &last);
            seeds = 1;
            break;
        case JOBS:
            rc = hv_args_number(&p, 1, 256, &jobs);
            break;
        case LEVERS:
            rc = hv_args_bot(&p, &lever_bot);
            break;
        case JSON:
            json = 1;
            break;
        case SAVE:
            save = 1;
            break;
        default: /* HV_ARGS_OPERAND */
            if (path)
                rc = hv_args_error(&p, "takes one LEVEL, got '%s' too", p.arg);
            path = p.arg;
        }
    }
    if (rc == 0 && !path)
        rc = hv_args_error(&p, "needs a LEVEL file");
    if (rc == 0)
        rc = hv_args_sweep(&p, runs || seeds ? runs : 200, seeds, &first, &last);
    if (rc != 0)
        return rc;
    if (jobs == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cores > 0 ? (unsigned long long)cores : 1;
    }
    hv_level *level = hv_level_load_printing(path, stderr);
    if (!level)
        return HV_EXIT_BAD_INPUT;
    hv_audit *a = calloc(1, sizeof *a);
    rc = HV_EXIT_FAILURE;
    if (!a) {
        fprintf(stderr, "happyvalley: out of memory\n");
        hv_level_free(level);
        return rc;
    }
    a->level = level;
    a->first = first;
    a->runs = (int32_t)(last - first + 1);
    a->lever_bot = (hv_bot_kind)lever_bot;
    double start = hv_now_seconds();
    if (run_audit(a, (int)jobs) != 0) {
        fprintf(stderr, "happyvalley: out of memory\n");
        goto done;
    }
    a->seconds = hv_now_seconds() - start;
    char digest[17];
    snprintf(digest, sizeof digest, "%016llx",
             (unsigned long long)hv_audit_file_digest(level->file, level->rules_file));
    if (json)
        hv_audit_print_json(a, stdout, digest);
    else
        hv_audit_print_text(a, stdout);
    rc = hv_audit_findings(a, NULL, 0) > 0 ? HV_EXIT_FINDINGS : HV_EXIT_OK;
    if (save) {
        char path[HV_FILE_LEN], err[512];
        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        if (mem)
            hv_audit_print_json(a, mem, digest);
        if (!mem || fclose(mem) != 0 || hv_audit_file_path(level->file, path, sizeof path) != 0 ||
            hv_file_write_atomic(path, buf, len, 0, err, sizeof err) != 0) {
            fprintf(stderr, "happyvalley: cannot save the audit beside '%s'\n", level->file);
            rc = HV_EXIT_FAILURE;
        }
        free(buf);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "happyvalley: cannot write output\n");
        rc = HV_EXIT_FAILURE;
    }
done:
    hv_audit_free(a);
    free(a);
    hv_level_free(level);
    return rc;
}
