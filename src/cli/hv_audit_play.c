#define _POSIX_C_SOURCE 200809L
/* Playing an audit's games on worker threads (hv_audit.h). A cutoff plays
 * a bot for its first weeks and then nothing: those first weeks are the
 * very weeks of the bot's own full game on the same seed, so they are not
 * played again. The full game leaves its state at each cutoff's week and
 * the cutoff's game goes on from there; a cutoff costs only its idle
 * weeks, where before the planner's cutoffs cost four and a half of its
 * full games a seed. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "hv_audit.h"
#include "hv_bot.h"
#include "hv_turn.h"

/* The cutoffs of one bot: where each one's game stands once the full game
 * has reached the cutoff's week (or ended before it). */
typedef struct cutoffs {
    int32_t count;
    struct {
        const hv_audit_config *c;
        int reached; /* 0: the full game ended first, and the cutoff's with it */
        hv_state *state;
        int32_t orders[HV_ORDER_KIND_COUNT];
    } at[HV_AUDIT_MAX_CUTOFFS];
} cutoffs;

static void count_report(const hv_report *rep, hv_audit_run *run)
{
    for (int32_t i = 0; i < rep->count; i++) {
        const hv_event *e = &rep->events[i];
        /* Fired by the storyteller, a script, or an incident roll (a rung of the ladder). */
        if (e->kind == HV_EV_EVENT && e->value < 0 &&
            (e->cause == HV_CAUSE_EVENT || e->cause == HV_CAUSE_INCIDENT) && e->subject >= 0 &&
            e->subject < 64)
            run->fired |= UINT64_C(1) << e->subject;
        run->strikes += e->kind == HV_EV_INCIDENT && e->value == HV_INCIDENT_STRIKE;
        run->riots += e->kind == HV_EV_RIOT;
        if (e->kind != HV_EV_RESOURCE || e->resource != HV_RES_FUNDS || e->amount <= 0)
            continue;
        /* Funds from a mission are iridium sold from a rock in Earth orbit. */
        int source = e->cause == HV_CAUSE_FUNDING                                  ? 0
                     : e->cause == HV_CAUSE_MARKET || e->cause == HV_CAUSE_MISSION ? 1
                                                                                   : 2;
        run->income[source] += e->amount;
    }
}

/* Policy options PLANNED orders from order FROM on that the look-ahead
 * chose: those PLAN (the balanced bot's orders from the same state) does
 * not give, and those of policy WEIGHED, whose every other option it
 * played forward against the plan's this week and found no better. */
static uint64_t picked_over(const hv_state *plan, const hv_state *planned, int32_t from,
                            int32_t weighed)
{
    uint64_t bits = 0;
    for (int32_t i = from; i < planned->order_count; i++) {
        const hv_order *o = &planned->orders[i];
        if (o->kind != HV_ORDER_POLICY)
            continue;
        int same = 0;
        for (int32_t j = from; j < plan->order_count && !same; j++)
            same = plan->orders[j].kind == HV_ORDER_POLICY && plan->orders[j].target == o->target &&
                   plan->orders[j].value == o->value;
        if (!same || o->target == weighed)
            bits |= UINT64_C(1) << (o->target * HV_MAX_OPTIONS + o->value);
    }
    return bits;
}

/* Whether C's games are the full games of a bot whose cutoffs go on from
 * them: the same bot, free, with nothing switched off. */
static int leads_cutoffs(const hv_audit_config *c)
{
    return c->kind == HV_CONFIG_BOT && c->system == HV_SYSTEM_NONE && !c->once && c->cutoff == 0;
}

/* The full game of C's bot that C's weeks are taken from, or NULL. */
static const hv_audit_config *leader_of(const hv_audit *a, const hv_audit_config *c)
{
    if (c->kind != HV_CONFIG_CUTOFF || c->system != HV_SYSTEM_NONE || c->once)
        return NULL;
    hv_bot_limits free_limits;
    hv_bot_limits_init(&free_limits);
    if (memcmp(&c->limits, &free_limits, sizeof free_limits) != 0)
        return NULL;
    for (int32_t i = 0; i < a->config_count; i++)
        if (leads_cutoffs(&a->configs[i]) && a->configs[i].bot == c->bot &&
            !memcmp(&a->configs[i].limits, &free_limits, sizeof free_limits))
            return &a->configs[i];
    return NULL;
}

/* Plays C's game on S from where it stands, into RUN, which holds what was
 * counted so far; CUT, when given, gets the state at each of its cutoffs'
 * weeks. PLAN is scratch room for the balanced plan beside the planner's
 * (NULL: not kept). */
static void play_on(const hv_audit *a, const hv_audit_config *c, hv_audit_run *run, hv_state *s,
                    hv_state *plan, hv_report *rep, cutoffs *cut)
{
    hv_bot_limits limits = c->limits; /* a kind given once is forbidden from then on */
    int32_t next_cut = 0;
    while (s->turn < a->max_weeks && s->outcome == HV_OUTCOME_RUNNING) {
        for (; cut && next_cut < cut->count && cut->at[next_cut].c->cutoff <= s->turn; next_cut++) {
            hv_state_copy(cut->at[next_cut].state, s);
            memcpy(cut->at[next_cut].orders, run->orders, sizeof run->orders);
            cut->at[next_cut].reached = 1;
        }
        int32_t from = s->order_count;
        if (c->kind == HV_CONFIG_ONE_CLICK) {
            if (s->turn == 0 && c->click_policy >= 0) {
                hv_order o = {
                    .kind = HV_ORDER_POLICY, .target = c->click_policy, .value = c->click_option};
                hv_state_queue_order(s, &o);
            }
            hv_bot_plan(HV_BOT_IDLE, s);
        } else if (c->cutoff > 0 && s->turn >= c->cutoff) {
            hv_bot_plan(HV_BOT_IDLE, s);
        } else if (c->kind == HV_CONFIG_BOT && c->bot == HV_BOT_PLANNER && plan) {
            hv_state_copy(plan, s);
            hv_bot_plan_limited(HV_BOT_BALANCED, plan, &limits);
            int32_t weighed = hv_bot_planner_policy(plan, &limits);
            hv_bot_plan_limited(c->bot, s, &limits);
            run->picked |= picked_over(plan, s, from, weighed);
        } else {
            hv_bot_plan_limited(c->bot, s, &limits);
        }
        for (int32_t i = from; i < s->order_count; i++) {
            run->orders[s->orders[i].kind]++;
            limits.forbid |= c->once & 1u << s->orders[i].kind;
        }
        if (c->detail)
            hv_report_clear(rep);
        if (hv_end_turn(s, c->detail ? rep : NULL) != HV_TURN_DONE)
            break;
        if (c->detail)
            count_report(rep, run);
    }
}

/* What the game on S ended as, into RUN. */
static void finish(const hv_audit *a, const hv_state *s, hv_audit_run *run)
{
    run->outcome = (int8_t)s->outcome;
    if (a->survival && s->outcome == HV_OUTCOME_RUNNING)
        run->outcome = HV_OUTCOME_WON;
    run->goal = (int8_t)s->outcome_goal;
    run->turns = s->turn;
    run->incidents = s->incidents;
}

/* Plays C's game of SEED, and, when CUT is given, the games of its
 * cutoffs on from the full game's weeks. */
static void play(const hv_audit *a, const hv_audit_config *c, int32_t seed, hv_state *s,
                 hv_state *plan, hv_report *rep, cutoffs *cut)
{
    hv_level_new_game(a->level, a->first + (uint64_t)seed, s);
    if (c->system != HV_SYSTEM_NONE) {
        s->rules = &a->systems[c->system];
        if (c->system == HV_SYSTEM_DUST)
            s->dust = 0;
    }
    hv_audit_run *run = &c->runs[seed];
    memset(run, 0, sizeof *run);
    if (cut)
        for (int32_t k = 0; k < cut->count; k++)
            cut->at[k].reached = 0;
    play_on(a, c, run, s, plan, rep, cut);
    finish(a, s, run);
    for (int32_t k = 0; cut && k < cut->count; k++) {
        hv_audit_run *r = &cut->at[k].c->runs[seed];
        memset(r, 0, sizeof *r);
        if (!cut->at[k].reached) {
            /* The full game ended before the cutoff's week: so did the cutoff's. */
            memcpy(r->orders, run->orders, sizeof r->orders);
            finish(a, s, r);
            continue;
        }
        memcpy(r->orders, cut->at[k].orders, sizeof r->orders);
        play_on(a, cut->at[k].c, r, cut->at[k].state, NULL, rep, NULL);
        finish(a, cut->at[k].state, r);
    }
}

typedef struct pool {
    hv_audit *audit;
    /* By configuration: 1 when its games are played on from its bot's
     * full game; and the cutoffs a full game leads, by ascending week. */
    int led[HV_AUDIT_MAX_CONFIGS];
    int32_t cut_count[HV_AUDIT_MAX_CONFIGS];
    int32_t cut[HV_AUDIT_MAX_CONFIGS][HV_AUDIT_MAX_CUTOFFS];
    int64_t next; /* next job, under lock */
    pthread_mutex_t lock;
} pool;

/* Which games lead which cutoffs, into P. A bot with more cutoffs than a
 * game keeps states for plays them all on their own. */
static void find_cutoffs(pool *p)
{
    const hv_audit *a = p->audit;
    for (int32_t i = 0; i < a->config_count; i++) {
        const hv_audit_config *lead = leader_of(a, &a->configs[i]);
        int32_t l = lead ? (int32_t)(lead - a->configs) : -1;
        if (l >= 0 && p->cut_count[l] < HV_AUDIT_MAX_CUTOFFS)
            p->cut[l][p->cut_count[l]++] = i;
        else if (l >= 0)
            p->cut_count[l] = HV_AUDIT_MAX_CUTOFFS + 1; /* too many: none led */
    }
    for (int32_t l = 0; l < a->config_count; l++) {
        if (p->cut_count[l] > HV_AUDIT_MAX_CUTOFFS)
            p->cut_count[l] = 0;
        int32_t *c = p->cut[l];
        /* Ascending cutoff weeks, for the full game to leave them in turn. */
        for (int32_t i = 1; i < p->cut_count[l]; i++)
            for (int32_t j = i; j > 0 && a->configs[c[j - 1]].cutoff > a->configs[c[j]].cutoff;
                 j--) {
                int32_t t = c[j];
                c[j] = c[j - 1];
                c[j - 1] = t;
            }
        for (int32_t i = 0; i < p->cut_count[l]; i++)
            p->led[c[i]] = 1;
    }
}

static void *worker(void *arg)
{
    pool *p = arg;
    const hv_audit *a = p->audit;
    hv_state *s = malloc(sizeof *s);
    hv_report *rep = malloc(sizeof *rep);
    hv_state *plan = malloc(sizeof *plan);
    cutoffs *cut = calloc(1, sizeof *cut);
    int failed = !s || !rep || !plan || !cut;
    for (int32_t k = 0; !failed && k < HV_AUDIT_MAX_CUTOFFS; k++)
        failed = !(cut->at[k].state = malloc(sizeof *s));
    int64_t total = (int64_t)a->config_count * a->runs;
    while (!failed) {
        pthread_mutex_lock(&p->lock);
        int64_t job = p->next++;
        pthread_mutex_unlock(&p->lock);
        if (job >= total)
            break;
        int32_t i = (int32_t)(job / a->runs);
        if (p->led[i])
            continue; /* played on from its bot's full game */
        cut->count = p->cut_count[i];
        for (int32_t k = 0; k < cut->count; k++)
            cut->at[k].c = &a->configs[p->cut[i][k]];
        play(a, &a->configs[i], (int32_t)(job % a->runs), s, plan, rep, cut->count ? cut : NULL);
    }
    for (int32_t k = 0; cut && k < HV_AUDIT_MAX_CUTOFFS; k++)
        free(cut->at[k].state);
    free(cut);
    free(plan);
    free(rep);
    free(s);
    return failed ? arg : NULL;
}

int hv_audit_play_all(hv_audit *a, int jobs)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.audit = a;
    p.next = 0;
    pthread_mutex_init(&p.lock, NULL);
    find_cutoffs(&p);
    pthread_t threads[256];
    int started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &p) != 0)
            break;
    void *failed = started ? NULL : worker(&p);
    for (int t = 0; t < started; t++) {
        void *ret = NULL;
        pthread_join(threads[t], &ret);
        failed = failed ? failed : ret;
    }
    pthread_mutex_destroy(&p.lock);
    return failed ? -1 : 0;
}
