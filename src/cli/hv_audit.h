/* hv_audit: what decides a level. Plays it with every bot over seeds
 * FIRST..LAST, with every single lever (a policy held all game, an order
 * kind forbidden, an event's answer forced, the best bot stopped early, a
 * one-click plan) and with every system switched off, and names what it
 * finds: DOMINANT, TRAP, DECORATIVE, UNSEEN, DECIDED EARLY. Every
 * configuration plays the same seeds, on worker threads, and each game
 * writes its own slot, so the figures do not depend on the number of jobs.
 * The figures are kept as sums over the games (hv_audit_sums), so audits
 * of other seeds, made apart, add up to one over all of them (`happyvalley
 * merge`, hv_audit_merge.c). Internal to src/cli (hv_audit.c runs,
 * hv_audit_report.c judges, hv_audit_print.c prints). */
#ifndef HV_AUDIT_H
#define HV_AUDIT_H

#include <stdint.h>
#include <stdio.h>

#include "hv_bot.h"
#include "hv_level.h"

/* The systems the audit switches off, each as a level override would. */
typedef enum hv_system {
    HV_SYSTEM_NONE,
    HV_SYSTEM_EVENTS,    /* the random events of the rules' pool */
    HV_SYSTEM_INCIDENTS, /* strikes, smuggling, sabotage, fights, defection */
    HV_SYSTEM_TENSION,   /* nothing raises tension */
    HV_SYSTEM_MARKET,    /* the iridium price stands still */
    HV_SYSTEM_DUST,      /* clear skies */
    HV_SYSTEM_COUNT
} hv_system;

typedef enum hv_config_kind {
    HV_CONFIG_BOT,       /* a bot, free */
    HV_CONFIG_SYSTEM,    /* a bot with a system off */
    HV_CONFIG_HOLD,      /* the lever bot with a policy held all game */
    HV_CONFIG_FORBID,    /* the lever bot without one kind of order */
    HV_CONFIG_ANSWER,    /* the lever bot with one event's answer forced */
    HV_CONFIG_CUTOFF,    /* the best bot until a week, then nothing */
    HV_CONFIG_ONE_CLICK, /* one order in week 1, then nothing */
    HV_CONFIG_KIND_COUNT
} hv_config_kind;

/* One game's figures. */
typedef struct hv_audit_run {
    int8_t outcome;
    int8_t goal; /* outcome goal index, or HV_CAUSE_ALL_DEAD */
    int32_t turns;
    int32_t incidents;
    int32_t strikes, riots; /* strikes called, riots broken out (counted with detail) */
    int64_t income[3];      /* funds from sponsors, from iridium sales, from anything else */
    int32_t orders[HV_ORDER_KIND_COUNT];
    uint64_t fired;  /* bit per event that fired at least once (first 64) */
    uint64_t picked; /* bit per policy option (p * HV_MAX_OPTIONS + o) the planner
                        ordered over the balanced plan, from its look-ahead */
} hv_audit_run;

/* A configuration's figures, added up over its games. The counts by event,
 * goal and policy option follow the level's own order. */
typedef struct hv_audit_sums {
    int64_t wins, losses, win_weeks, loss_weeks;
    /* Counted for the bots alone (detail): */
    int64_t incidents, won_incidents, won_strikes, riots;
    int64_t income[3]; /* from sponsors, from iridium sales, from anything else */
    int64_t orders[HV_ORDER_KIND_COUNT];
    int64_t fired[64];                                /* games each event fired in (the first 64) */
    int64_t lost_by[HV_MAX_GOALS + 1];                /* losses by lose goal; the last: all dead */
    int64_t picked[HV_MAX_POLICIES * HV_MAX_OPTIONS]; /* games the look-ahead picked
                                                          option o of policy p, at
                                                          p * HV_MAX_OPTIONS + o */
} hv_audit_sums;

/* One way of playing the level, over every seed. */
typedef struct hv_audit_config {
    char id[80];     /* stable name, e.g. "hold:openness=open" */
    char label[240]; /* for people */
    hv_config_kind kind;
    hv_bot_kind bot;
    hv_bot_limits limits;
    hv_system system;
    int32_t cutoff;       /* the bot plays this many weeks, then nothing (0: all) */
    uint32_t once;        /* bit per order kind the bot may give in one week only: the
                             first in which it gives any (the kind is then forbidden) */
    int32_t click_policy; /* one click: this policy ... */
    int32_t click_option; /* ... takes this option in week 1 (-1: the empty plan) */
    int detail;           /* count income and events (slower) */
    int spare;            /* a cutoff of a bot that is not the best: played, so that
                             parts can be merged whichever bot is best over all of
                             them, but neither shown nor judged */
    hv_audit_run *runs;   /* one per seed, while playing */
    hv_audit_sums sum;    /* filled by hv_audit_sum, or added up from parts */
} hv_audit_config;

#define HV_AUDIT_MAX_CONFIGS 400
/* Cutoffs of one bot: at every tenth of the weeks from a tenth to nine. */
#define HV_AUDIT_MAX_CUTOFFS 9

typedef struct hv_audit {
    const hv_level *level;
    hv_rules systems[HV_SYSTEM_COUNT]; /* the level's rules with each system off */
    int absent[HV_SYSTEM_COUNT];       /* the level itself leaves the system out */
    uint64_t first;                    /* the seeds played: first..first + runs - 1 */
    int32_t runs;
    int32_t max_weeks; /* a game stops here */
    int32_t length;    /* the level's length in weeks, for cutoffs */
    int32_t survival;  /* no win goal: a game that lasts max_weeks counts as won */
    hv_bot_kind lever_bot;
    hv_bot_kind best_bot;
    hv_audit_config *configs;
    int32_t config_count;
    hv_audit_run *runs_storage; /* every config's runs, in one block */
    double seconds;
} hv_audit;

/* Fills AUDIT (its level, runs and lever bot set) with everything but the
 * games: the rules with each system off, the level's length, and every
 * configuration, in an order that depends on the level and the lever bot
 * alone. -1 without memory. (hv_audit.c) */
int hv_audit_prepare(hv_audit *audit);
/* Plays every configuration of AUDIT over its seeds on JOBS threads, into
 * each configuration's runs; 0, or -1 without memory. */
int hv_audit_play_all(hv_audit *audit, int jobs);
/* Frees what hv_audit_prepare and playing took. */
void hv_audit_free(hv_audit *audit);
/* Whether orders of KIND tune a base (priority, policy, demolish, unassign)
 * rather than make it. */
int hv_audit_tuning(int kind);
/* Wilson 95% interval of WINS in N, as fractions. */
void hv_audit_interval(int64_t wins, int64_t n, double *low, double *high);
/* Sums the runs of every config into its sums. */
void hv_audit_sum(hv_audit *audit);
/* Picks the best bot from the sums and marks the cutoffs of the others spare. */
void hv_audit_judge(hv_audit *audit);
/* How many of C's games event E fired in. */
int64_t hv_audit_fired(const hv_audit *audit, const hv_audit_config *c, int32_t e);
/* The config with ID that is not spare, or NULL. */
const hv_audit_config *hv_audit_config_find(const hv_audit *audit, const char *id);
/* Bit per option of policy P that, held all game, wins within
 * HV_AUDIT_VIABLE points of the best the lever bot does with P (free or
 * holding one of its options): the choices that hold up. */
#define HV_AUDIT_VIABLE 10
uint32_t hv_audit_viable(const hv_audit *audit, int32_t p);
/* How many of C's games the planner's look-ahead picked option O of
 * policy P over its plan: evidence that O pays in some situation. */
int64_t hv_audit_picked(const hv_audit *audit, const hv_audit_config *c, int32_t p, int32_t o);
/* Policies with at least two choices that hold up. */
int32_t hv_audit_policies_with_choice(const hv_audit *audit);
/* Writes the findings (one per line as "KIND id: text") and returns how many. */
int hv_audit_findings(const hv_audit *audit, FILE *out, int json);
/* The human tables on OUT. */
void hv_audit_print_text(const hv_audit *audit, FILE *out);
/* One JSON document on OUT: the figures, and every config's sums for merging. */
void hv_audit_print_json(const hv_audit *audit, FILE *out, const char *digest);
/* The kind of config K as the JSON names it ("bot", "hold", ...). */
const char *hv_audit_kind_name(hv_config_kind k);
/* Name of system SYS ("random_events", ...). */
const char *hv_system_name(hv_system sys);

#endif
