/* The audit's judgement and its two outputs: the findings, each with the
 * figure that shows it, a table for people and one JSON document. */
#include <math.h>
#include <string.h>

#include "hv_audit.h"
#include "hv_json.h"
#include "hv_print.h"

/* The thresholds of the findings, in tenths of a percentage point. */
#define DOMINANT_LIFT 200  /* a lever lifts the win rate this much */
#define ONE_CLICK_WIN 100  /* a one-click plan wins this often */
#define DECORATIVE_MOVE 20 /* a system that moves no bot's win rate this much */
#define UNSEEN_SHARE 50    /* an event that fires in fewer of the best bot's games */
#define EARLY_KEEP 20      /* stopping at 30% loses at most this much */
#define PICKED_SHARE 50    /* an option the best bot's look-ahead picks in this many games pays */

void hv_audit_interval(int64_t wins, int64_t count, double *low, double *high)
{
    if (count <= 0) {
        *low = *high = 0.0;
        return;
    }
    const double z = 1.959964;
    double n = (double)count, p = (double)wins / n, z2 = z * z / n;
    double centre = (p + z2 / 2) / (1 + z2);
    double half = z * sqrt(p * (1 - p) / n + z2 / (4.0 * n)) / (1 + z2);
    *low = centre - half < 0 ? 0 : centre - half;
    *high = centre + half > 1 ? 1 : centre + half;
}

/* Adds run R, one game of a config counted in detail or not, to S. */
static void add_run(hv_audit_sums *s, const hv_audit_run *r, int detail)
{
    if (r->outcome == HV_OUTCOME_WON) {
        s->wins++;
        s->win_weeks += r->turns;
    } else if (r->outcome == HV_OUTCOME_LOST) {
        s->losses++;
        s->loss_weeks += r->turns;
        s->lost_by[r->goal < 0 ? HV_MAX_GOALS : r->goal]++;
    }
    if (!detail)
        return;
    s->incidents += r->incidents;
    s->riots += r->riots;
    if (r->outcome == HV_OUTCOME_WON) {
        s->won_incidents += r->incidents;
        s->won_strikes += r->strikes > 0;
    }
    for (int k = 0; k < 3; k++)
        s->income[k] += r->income[k];
    for (int k = 0; k < HV_ORDER_KIND_COUNT; k++)
        s->orders[k] += r->orders[k];
    for (int e = 0; e < 64; e++)
        s->fired[e] += (int64_t)(r->fired >> e & 1u);
    for (int b = 0; b < HV_MAX_POLICIES * HV_MAX_OPTIONS; b++)
        s->picked[b] += (int64_t)(r->picked >> b & 1u);
}

void hv_audit_sum(hv_audit *a)
{
    for (int32_t i = 0; i < a->config_count; i++) {
        hv_audit_config *c = &a->configs[i];
        memset(&c->sum, 0, sizeof c->sum);
        for (int32_t k = 0; k < a->runs; k++)
            add_run(&c->sum, &c->runs[k], c->detail);
    }
}

void hv_audit_judge(hv_audit *a)
{
    /* On a tie the planner, the strongest player by design, is the best. */
    a->best_bot = HV_BOT_PLANNER;
    for (int b = 0; b < HV_BOT_COUNT; b++)
        if (a->configs[b].sum.wins > a->configs[a->best_bot].sum.wins)
            a->best_bot = (hv_bot_kind)b;
    for (int32_t i = 0; i < a->config_count; i++)
        a->configs[i].spare =
            a->configs[i].kind == HV_CONFIG_CUTOFF && a->configs[i].bot != a->best_bot;
}

const hv_audit_config *hv_audit_config_find(const hv_audit *a, const char *id)
{
    for (int32_t i = 0; i < a->config_count; i++)
        if (!a->configs[i].spare && strcmp(a->configs[i].id, id) == 0)
            return &a->configs[i];
    return NULL;
}

/* Win rate of C in tenths of a percent. */
static int32_t rate(const hv_audit *a, const hv_audit_config *c)
{
    return c ? (int32_t)(c->sum.wins * 1000 / a->runs) : 0;
}

static const hv_audit_config *bot_config(const hv_audit *a, hv_bot_kind bot)
{
    return &a->configs[bot]; /* the bots come first, in their order */
}

static const hv_audit_config *system_config(const hv_audit *a, hv_system sys, hv_bot_kind bot)
{
    char id[80];
    snprintf(id, sizeof id, "off:%s:%s", hv_system_name(sys), hv_bot_name(bot));
    return hv_audit_config_find(a, id);
}

/* Mean orders of KIND a game in C, in tenths. */
static int32_t orders_per_game(const hv_audit *a, const hv_audit_config *c, int kind)
{
    return (int32_t)(c->sum.orders[kind] * 10 / a->runs);
}

int64_t hv_audit_fired(const hv_audit *a, const hv_audit_config *c, int32_t e)
{
    (void)a;
    return e >= 0 && e < 64 ? c->sum.fired[e] : 0;
}

typedef struct finding_out {
    FILE *out;
    int json, count;
} finding_out;

static void finding(finding_out *f, const char *kind, const char *id, double figure,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#include <stdarg.h>

static void finding(finding_out *f, const char *kind, const char *id, double figure,
                    const char *fmt, ...)
{
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (f->out && f->json) {
        fprintf(f->out, "%s{\"kind\":\"%s\",\"id\":", f->count ? "," : "", kind);
        hv_json_string(f->out, id);
        fprintf(f->out, ",\"figure\":%.4f,\"text\":", figure);
        hv_json_string(f->out, text);
        fputc('}', f->out);
    } else if (f->out) {
        fprintf(f->out, "  %s %s: %s\n", kind, id, text);
    }
    f->count++;
}

/* Orders that tune a base rather than make it. No level can be won without
 * building, staffing, flying or selling, and that is as it should be; one
 * that is decided by power priorities or policies set in one week (the
 * `once:KIND` lever does about as well as playing free) is decided by a
 * switch. A kind that must be given again and again (policies turned with
 * the seasons, priorities with the dust) is a system the player runs; its
 * single options are judged by the holds and one-click plans instead. */
int hv_audit_tuning(int kind)
{
    return kind == HV_ORDER_PRIORITY || kind == HV_ORDER_POLICY || kind == HV_ORDER_DEMOLISH ||
           kind == HV_ORDER_UNASSIGN;
}

/* The config that lets the lever bot give orders of KIND in one week only. */
static const hv_audit_config *once_config(const hv_audit *a, int kind)
{
    char id[80];
    snprintf(id, sizeof id, "once:%s", hv_order_kind_name((hv_order_kind)kind));
    return hv_audit_config_find(a, id);
}

static void find_dominant(const hv_audit *a, finding_out *f)
{
    const hv_audit_config *base = bot_config(a, a->lever_bot);
    int32_t b = rate(a, base);
    const char *bot = hv_bot_name(a->lever_bot);
    for (int32_t i = 0; i < a->config_count; i++) {
        const hv_audit_config *c = &a->configs[i];
        int32_t r = rate(a, c);
        if ((c->kind == HV_CONFIG_HOLD || c->kind == HV_CONFIG_ANSWER) && r - b > DOMINANT_LIFT)
            finding(f, "DOMINANT", c->id, (r - b) / 1000.0,
                    "%s lifts %s from %.1f%% to %.1f%% (+%.1f points)", c->label, bot, b / 10.0,
                    r / 10.0, (r - b) / 10.0);
        int kind = c->limits.forbid ? __builtin_ctz(c->limits.forbid) : 0;
        const hv_audit_config *once = once_config(a, kind);
        if (c->kind == HV_CONFIG_FORBID && !c->once && hv_audit_tuning(kind) && once &&
            b - r > DOMINANT_LIFT && b - rate(a, once) <= DOMINANT_LIFT)
            finding(f, "DOMINANT", c->id, (b - r) / 1000.0,
                    "%s wins %.1f%% with its %.1f %s orders a game, %.1f%% without them "
                    "(-%.1f points) and %.1f%% with those of one week only",
                    bot, b / 10.0, orders_per_game(a, base, kind) / 10.0,
                    hv_order_kind_name((hv_order_kind)kind), r / 10.0, (b - r) / 10.0,
                    rate(a, once) / 10.0);
        if (c->kind == HV_CONFIG_ONE_CLICK && r > ONE_CLICK_WIN)
            finding(f, "DOMINANT", c->id, r / 1000.0, "%s wins %.1f%% of games", c->label,
                    r / 10.0);
    }
}

/* The config holding policy P at option O, or NULL. */
static const hv_audit_config *hold_config(const hv_audit *a, int32_t p, int32_t o)
{
    const hv_policy *pol = &a->level->rules.policies[p];
    char id[80];
    snprintf(id, sizeof id, "hold:%s=%s", pol->id, pol->options[o].id);
    return hv_audit_config_find(a, id);
}

uint32_t hv_audit_viable(const hv_audit *a, int32_t p)
{
    const hv_policy *pol = &a->level->rules.policies[p];
    int32_t best = rate(a, bot_config(a, a->lever_bot));
    for (int32_t o = 0; o < pol->option_count; o++) {
        const hv_audit_config *c = hold_config(a, p, o);
        if (c && rate(a, c) > best)
            best = rate(a, c);
    }
    uint32_t viable = 0;
    for (int32_t o = 0; o < pol->option_count; o++) {
        const hv_audit_config *c = hold_config(a, p, o);
        if (c && rate(a, c) >= best - HV_AUDIT_VIABLE * 10)
            viable |= 1u << o;
    }
    return viable;
}

int32_t hv_audit_policies_with_choice(const hv_audit *a)
{
    int32_t n = 0;
    for (int32_t p = 0; p < a->level->rules.policy_count; p++)
        n += __builtin_popcount(hv_audit_viable(a, p)) >= 2;
    return n;
}

int64_t hv_audit_picked(const hv_audit *a, const hv_audit_config *c, int32_t p, int32_t o)
{
    (void)a;
    int32_t bit = p * HV_MAX_OPTIONS + o;
    return bit >= 0 && bit < HV_MAX_POLICIES * HV_MAX_OPTIONS ? c->sum.picked[bit] : 0;
}

/* An option is a trap when holding it loses, clicking it alone does no
 * better than nothing, and the planner's look-ahead never finds the
 * situation where it pays (it chooses it in too few games). */
static void find_traps(const hv_audit *a, finding_out *f)
{
    const hv_rules *r = &a->level->rules;
    const hv_audit_config *empty = hv_audit_config_find(a, "one_click:empty");
    const hv_audit_config *planner = bot_config(a, HV_BOT_PLANNER);
    for (int32_t p = 0; p < r->policy_count; p++) {
        char id[80];
        int32_t first = r->policies[p].start;
        const hv_audit_config *start = hold_config(a, p, first);
        for (int32_t o = 0; o < r->policies[p].option_count && start; o++) {
            const hv_audit_config *held = hold_config(a, p, o);
            if (o == first)
                continue;
            snprintf(id, sizeof id, "one_click:%s=%s", r->policies[p].id,
                     r->policies[p].options[o].id);
            const hv_audit_config *click = hv_audit_config_find(a, id);
            if (!held || !click)
                continue;
            int32_t s = rate(a, start), h = rate(a, held);
            int32_t picked = (int32_t)(hv_audit_picked(a, planner, p, o) * 1000 / a->runs);
            if (h < s - DECORATIVE_MOVE && rate(a, click) <= rate(a, empty) &&
                picked < PICKED_SHARE) {
                snprintf(id, sizeof id, "%s=%s", r->policies[p].id, r->policies[p].options[o].id);
                finding(f, "TRAP", id, (s - h) / 1000.0,
                        "\"%s\" held all game wins %.1f%% against %.1f%% for \"%s\", "
                        "alone it wins %.1f%% against %.1f%% for no orders, and the planner "
                        "picks it in %.1f%% of its games",
                        r->policies[p].options[o].name, h / 10.0, s / 10.0,
                        r->policies[p].options[first].name, rate(a, click) / 10.0,
                        rate(a, empty) / 10.0, picked / 10.0);
            }
        }
    }
}

static void find_decorative(const hv_audit *a, finding_out *f)
{
    for (int sys = 1; sys < HV_SYSTEM_COUNT; sys++) {
        if (a->absent[sys])
            continue; /* left out of the level on purpose */
        int32_t most = 0;
        for (int b = 0; b < HV_BOT_COUNT; b++) {
            const hv_audit_config *off = system_config(a, (hv_system)sys, (hv_bot_kind)b);
            int32_t d = rate(a, off) - rate(a, bot_config(a, (hv_bot_kind)b));
            d = d < 0 ? -d : d;
            most = d > most ? d : most;
        }
        if (most < DECORATIVE_MOVE)
            finding(f, "DECORATIVE", hv_system_name((hv_system)sys), most / 1000.0,
                    "switching %s off moves no bot's win rate by 2 points (at most %.1f)",
                    hv_system_name((hv_system)sys), most / 10.0);
    }
}

static void find_unseen(const hv_audit *a, finding_out *f)
{
    const hv_rules *r = &a->level->rules;
    const hv_audit_config *best = bot_config(a, a->best_bot);
    for (int32_t e = 0; e < r->event_count && e < 64; e++) {
        if (!hv_rules_event_can_fire(r, e))
            continue;
        int32_t share = (int32_t)(hv_audit_fired(a, best, e) * 1000 / a->runs);
        hv_bot_kind who = a->best_bot;
        /* A rung of the unrest ladder is what worse play runs into: it is
         * seen when any bot's games bring it, not only the best one's. */
        for (int b = 0; b < HV_BOT_COUNT && r->events[e].unrest_at > 0; b++) {
            int32_t other =
                (int32_t)(hv_audit_fired(a, bot_config(a, (hv_bot_kind)b), e) * 1000 / a->runs);
            if (other > share) {
                share = other;
                who = (hv_bot_kind)b;
            }
        }
        if (share < UNSEEN_SHARE)
            finding(f, "UNSEEN", r->events[e].id, share / 1000.0,
                    "\"%s\" fires in %.1f%% of the %s bot's games", r->events[e].title,
                    share / 10.0, hv_bot_name(who));
    }
}

static void find_early(const hv_audit *a, finding_out *f)
{
    const hv_audit_config *cut = hv_audit_config_find(a, "cutoff:30");
    int32_t best = rate(a, bot_config(a, a->best_bot));
    if (cut && best > 0 && rate(a, cut) >= best - EARLY_KEEP)
        finding(f, "DECIDED_EARLY", cut->id, rate(a, cut) / 1000.0,
                "%s wins %.1f%%; all game it wins %.1f%%", cut->label, rate(a, cut) / 10.0,
                best / 10.0);
}

int hv_audit_findings(const hv_audit *a, FILE *out, int json)
{
    finding_out f = {out, json, 0};
    find_dominant(a, &f);
    find_traps(a, &f);
    find_decorative(a, &f);
    find_unseen(a, &f);
    find_early(a, &f);
    return f.count;
}
