/* The audit's figures on paper: a table for people, a JSON document for
 * scripts, CI and the level picker. */
#include <stdint.h>
#include <string.h>

#include "hv_audit.h"
#include "hv_json.h"
#include "hv_print.h"

typedef struct bot_figures {
    double win, low, high, to_win, to_lose, incidents;
    double won_incidents; /* incidents per won game */
    double won_strikes;   /* share of won games with a strike */
    double riots;         /* riots per game */
    int64_t income[3];
} bot_figures;

static void figures(const hv_audit *a, const hv_audit_config *c, bot_figures *f)
{
    const hv_audit_sums *s = &c->sum;
    memset(f, 0, sizeof *f);
    f->win = (double)s->wins / a->runs;
    hv_audit_interval(s->wins, a->runs, &f->low, &f->high);
    f->to_win = s->wins ? (double)s->win_weeks / (double)s->wins : 0;
    f->to_lose = s->losses ? (double)s->loss_weeks / (double)s->losses : 0;
    memcpy(f->income, s->income, sizeof f->income);
    f->incidents = (double)s->incidents / a->runs;
    f->won_incidents = s->wins ? (double)s->won_incidents / (double)s->wins : 0;
    f->won_strikes = s->wins ? (double)s->won_strikes / (double)s->wins : 0;
    f->riots = (double)s->riots / a->runs;
}

static double share(const int64_t income[3], int s)
{
    int64_t all = income[0] + income[1] + income[2];
    return all > 0 ? 100.0 * (double)income[s] / (double)all : 0.0;
}

/* Losses of C by cause, as "cause n, cause n". */
static void causes(const hv_audit *a, const hv_audit_config *c, FILE *out, int json)
{
    const int64_t *count = c->sum.lost_by;
    int first = 1;
    for (int32_t g = 0; g <= HV_MAX_GOALS; g++) {
        if (!count[g])
            continue;
        char code[64];
        if (g == HV_MAX_GOALS)
            snprintf(code, sizeof code, "all_dead");
        else
            hv_goal_code(&a->level->rules, &a->level->rules.lose[g], code, sizeof code);
        if (json) {
            fprintf(out, "%s", first ? "" : ",");
            hv_json_string(out, code);
            fprintf(out, ":%lld", (long long)count[g]);
        } else {
            fprintf(out, "%s%s %lld", first ? "" : ", ", code, (long long)count[g]);
        }
        first = 0;
    }
}

static const char *const kind_names[HV_CONFIG_KIND_COUNT] = {
    "bot", "system", "hold", "forbid", "answer", "cutoff", "one_click"};

const char *hv_audit_kind_name(hv_config_kind k)
{
    return k >= 0 && k < HV_CONFIG_KIND_COUNT ? kind_names[k] : "?";
}

void hv_audit_print_text(const hv_audit *a, FILE *out)
{
    const hv_rules *r = &a->level->rules;
    fprintf(out, "%s (%s): seeds %llu..%llu, games stop after week %d%s\n", a->level->title,
            a->level->id, (unsigned long long)a->first,
            (unsigned long long)(a->first + (uint64_t)a->runs - 1), a->max_weeks,
            a->survival ? " (no win goal: lasting that long counts as a win)" : "");
    fprintf(out, "\nBots          win rate (95%%)        weeks to win/lose  incidents  "
                 "income: sponsors/iridium/other\n");
    for (int b = 0; b < HV_BOT_COUNT; b++) {
        bot_figures f;
        const hv_audit_config *c = &a->configs[b];
        figures(a, c, &f);
        fprintf(out,
                "  %-10s %5.1f%% (%4.1f-%5.1f)   %5.1f / %5.1f      %6.2f     %4.1f%% / %4.1f%% / "
                "%4.1f%%\n",
                hv_bot_name((hv_bot_kind)b), 100 * f.win, 100 * f.low, 100 * f.high, f.to_win,
                f.to_lose, f.incidents, share(f.income, 0), share(f.income, 1), share(f.income, 2));
        fprintf(out, "             lost by: ");
        causes(a, c, out, 0);
        fprintf(out, "%s\n", c->sum.losses ? "" : "nothing");
        fprintf(out,
                "             unrest: %.2f incidents a won game, strikes in %.1f%% of won games, "
                "%.2f riots a game\n",
                f.won_incidents, 100 * f.won_strikes, f.riots);
    }
    fprintf(out, "\nBest bot: %s. Events, share of its games in which each fired:\n",
            hv_bot_name(a->best_bot));
    for (int32_t e = 0; e < r->event_count && e < 64; e++)
        fprintf(out, "  %-24s %5.1f%%%s\n", r->events[e].id,
                100.0 * hv_audit_fired(a, &a->configs[a->best_bot], e) / a->runs,
                hv_rules_event_can_fire(r, e) ? "" : "  (cannot fire here)");
    double base = (double)a->configs[a->lever_bot].sum.wins / a->runs;
    fprintf(out, "\nLevers, played by %s (%.1f%% free) unless named; change in points:\n",
            hv_bot_name(a->lever_bot), 100 * base);
    for (int32_t i = 0; i < a->config_count; i++) {
        const hv_audit_config *c = &a->configs[i];
        if (c->kind == HV_CONFIG_BOT || c->kind == HV_CONFIG_SYSTEM || c->spare)
            continue;
        double w = (double)c->sum.wins / a->runs;
        fprintf(out, "  %-40s %5.1f%%  %+6.1f  %s\n", c->id, 100 * w, 100 * (w - base), c->label);
    }
    fprintf(out,
            "\nChoices that hold up: options that, held all game, win within %d points of\n"
            "the best %s does with that policy:\n",
            HV_AUDIT_VIABLE, hv_bot_name(a->lever_bot));
    int32_t open = 0;
    for (int32_t p = 0; p < r->policy_count; p++) {
        uint32_t viable = hv_audit_viable(a, p);
        fprintf(out, "  %-24s", r->policies[p].id);
        for (int32_t o = 0; o < r->policies[p].option_count; o++)
            if (viable >> o & 1u)
                fprintf(out, " %s", r->policies[p].options[o].id);
        fprintf(out, "%s\n",
                r->policies[p].locked ? " (locked by the level)"
                : viable              ? ""
                                      : " none");
        open += !r->policies[p].locked;
    }
    fprintf(out, "  %d of %d policies offer two or more\n", hv_audit_policies_with_choice(a), open);
    const hv_audit_config *planner = &a->configs[HV_BOT_PLANNER];
    fprintf(out, "\nPicked by the planner's look-ahead (ordered over its plan, or kept when "
                 "weighed), share of its games:\n");
    for (int32_t p = 0; p < r->policy_count; p++) {
        fprintf(out, "  %-24s", r->policies[p].id);
        int any = 0;
        for (int32_t o = 0; o < r->policies[p].option_count; o++) {
            int64_t n = hv_audit_picked(a, planner, p, o);
            if (n > 0)
                fprintf(out, " %s %.1f%%", r->policies[p].options[o].id,
                        100.0 * (double)n / a->runs);
            any |= n > 0;
        }
        fprintf(out, "%s\n", any ? "" : " none");
    }
    fprintf(out, "\nSystems off, win rate change in points for");
    for (int b = 0; b < HV_BOT_COUNT; b++)
        fprintf(out, " %s", hv_bot_name((hv_bot_kind)b));
    fprintf(out, ":\n");
    for (int sys = 1; sys < HV_SYSTEM_COUNT; sys++) {
        fprintf(out, "  %-14s", hv_system_name((hv_system)sys));
        for (int b = 0; b < HV_BOT_COUNT; b++) {
            char id[80];
            snprintf(id, sizeof id, "off:%s:%s", hv_system_name((hv_system)sys),
                     hv_bot_name((hv_bot_kind)b));
            const hv_audit_config *c = hv_audit_config_find(a, id);
            fprintf(out, " %+6.1f",
                    c ? 100.0 * (double)(c->sum.wins - a->configs[b].sum.wins) / a->runs : 0.0);
        }
        fprintf(out, "%s\n", a->absent[sys] ? "  (left out of this level)" : "");
    }
    fprintf(out, "\nFindings:\n");
    int n = hv_audit_findings(a, out, 0);
    if (!n)
        fprintf(out, "  none\n");
    fprintf(out, "\n%d configurations, %lld games in %.1f s\n", a->config_count,
            (long long)a->config_count * a->runs, a->seconds);
}

static void print_bot_json(const hv_audit *a, const hv_audit_config *c, FILE *out)
{
    bot_figures f;
    figures(a, c, &f);
    fprintf(out,
            "{\"bot\":\"%s\",\"wins\":%lld,\"losses\":%lld,\"win_rate\":%.4f,\"win_low\":%.4f,"
            "\"win_high\":%.4f,\"mean_weeks_to_win\":%.2f,\"mean_weeks_to_lose\":%.2f,"
            "\"incidents_per_game\":%.3f,\"incidents_per_won_game\":%.3f,"
            "\"won_games_with_strike\":%.4f,\"riots_per_game\":%.3f,\"losses_by_cause\":{",
            hv_bot_name(c->bot), (long long)c->sum.wins, (long long)c->sum.losses, f.win, f.low,
            f.high, f.to_win, f.to_lose, f.incidents, f.won_incidents, f.won_strikes, f.riots);
    causes(a, c, out, 1);
    fprintf(out,
            "},\"income\":{\"sponsors\":%lld,\"iridium\":%lld,\"other\":%lld,"
            "\"iridium_share\":%.4f},\"orders_per_game\":{",
            (long long)f.income[0], (long long)f.income[1], (long long)f.income[2],
            share(f.income, 1) / 100);
    for (int k = 0; k < HV_ORDER_KIND_COUNT; k++) {
        fprintf(out, "%s\"%s\":%.2f", k ? "," : "", hv_order_kind_name((hv_order_kind)k),
                (double)c->sum.orders[k] / a->runs);
    }
    fprintf(out, "},\"events\":{");
    const hv_rules *r = &a->level->rules;
    for (int32_t e = 0; e < r->event_count && e < 64; e++) {
        fprintf(out, "%s", e ? "," : "");
        hv_json_string(out, r->events[e].id);
        fprintf(out, ":%.4f", (double)hv_audit_fired(a, c, e) / a->runs);
    }
    fprintf(out, "}}");
}

static void print_counts(FILE *out, const char *key, const int64_t *n, int count)
{
    fprintf(out, ",\"%s\":[", key);
    for (int i = 0; i < count; i++)
        fprintf(out, "%s%lld", i ? "," : "", (long long)n[i]);
    fputc(']', out);
}

/* Config I's sums, everything a merge of parts needs; spare ones too. */
static void print_sums(const hv_audit *a, const hv_audit_config *c, int32_t i, FILE *out)
{
    const hv_audit_sums *s = &c->sum;
    fprintf(out, "%s{\"id\":", i ? "," : "");
    hv_json_string(out, c->id);
    fprintf(out,
            ",\"bot\":\"%s\",\"wins\":%lld,\"losses\":%lld,\"win_weeks\":%lld,"
            "\"loss_weeks\":%lld",
            hv_bot_name(c->bot), (long long)s->wins, (long long)s->losses, (long long)s->win_weeks,
            (long long)s->loss_weeks);
    print_counts(out, "lost_by", s->lost_by, HV_MAX_GOALS + 1);
    if (c->detail) {
        const hv_rules *r = &a->level->rules;
        fprintf(out,
                ",\"incidents\":%lld,\"won_incidents\":%lld,\"won_strikes\":%lld,\"riots\":%lld",
                (long long)s->incidents, (long long)s->won_incidents, (long long)s->won_strikes,
                (long long)s->riots);
        print_counts(out, "income", s->income, 3);
        print_counts(out, "orders", s->orders, HV_ORDER_KIND_COUNT);
        print_counts(out, "fired", s->fired, r->event_count < 64 ? r->event_count : 64);
        print_counts(out, "picked", s->picked, HV_MAX_POLICIES * HV_MAX_OPTIONS);
    }
    fputc('}', out);
}

void hv_audit_print_json(const hv_audit *a, FILE *out, const char *digest)
{
    const hv_audit_config *best = &a->configs[a->best_bot];
    double low, high;
    hv_audit_interval(best->sum.wins, a->runs, &low, &high);
    fprintf(out, "{\"format\":1,\"kind\":\"audit\",\"level\":");
    hv_json_string(out, a->level->id);
    fprintf(out, ",\"file\":");
    hv_json_string(out, a->level->file);
    fprintf(out,
            ",\"level_digest\":\"%s\",\"runs\":%d,\"seeds\":{\"first\":%llu,\"last\":%llu},"
            "\"max_weeks\":%d,\"survival\":%s,"
            "\"lever_bot\":\"%s\",\"best_bot\":\"%s\",\"best_win_rate\":%.4f,"
            "\"best_win_low\":%.4f,\"best_win_high\":%.4f,\"bots\":[",
            digest, a->runs, (unsigned long long)a->first,
            (unsigned long long)(a->first + (uint64_t)a->runs - 1), a->max_weeks,
            a->survival ? "true" : "false", hv_bot_name(a->lever_bot), hv_bot_name(a->best_bot),
            (double)best->sum.wins / a->runs, low, high);
    for (int b = 0; b < HV_BOT_COUNT; b++) {
        fprintf(out, "%s", b ? "," : "");
        print_bot_json(a, &a->configs[b], out);
    }
    fprintf(out, "],\"configs\":[");
    for (int32_t i = 0, n = 0; i < a->config_count; i++) {
        const hv_audit_config *c = &a->configs[i];
        if (c->spare)
            continue;
        hv_audit_interval(c->sum.wins, a->runs, &low, &high);
        fprintf(out, "%s{\"id\":", n++ ? "," : "");
        hv_json_string(out, c->id);
        fprintf(out, ",\"kind\":\"%s\",\"bot\":\"%s\",\"label\":", kind_names[c->kind],
                hv_bot_name(c->bot));
        hv_json_string(out, c->label);
        fprintf(out, ",\"wins\":%lld,\"win_rate\":%.4f,\"win_low\":%.4f,\"win_high\":%.4f}",
                (long long)c->sum.wins, (double)c->sum.wins / a->runs, low, high);
    }
    fprintf(out, "],\"choices\":{");
    const hv_rules *r = &a->level->rules;
    for (int32_t p = 0; p < r->policy_count; p++) {
        uint32_t viable = hv_audit_viable(a, p);
        fprintf(out, "%s", p ? "," : "");
        hv_json_string(out, r->policies[p].id);
        fprintf(out, ":[");
        for (int32_t o = 0, n = 0; o < r->policies[p].option_count; o++)
            if (viable >> o & 1u) {
                fprintf(out, "%s", n++ ? "," : "");
                hv_json_string(out, r->policies[p].options[o].id);
            }
        fprintf(out, "]");
    }
    fprintf(out, "},\"picked\":{");
    for (int32_t p = 0; p < r->policy_count; p++) {
        fprintf(out, "%s", p ? "," : "");
        hv_json_string(out, r->policies[p].id);
        fputc(':', out);
        for (int32_t o = 0; o < r->policies[p].option_count; o++) {
            fputc(o ? ',' : '{', out);
            hv_json_string(out, r->policies[p].options[o].id);
            fprintf(out, ":%.4f",
                    (double)hv_audit_picked(a, &a->configs[HV_BOT_PLANNER], p, o) / a->runs);
        }
        fputc('}', out);
    }
    fprintf(out, "},\"systems_left_out\":[");
    for (int sys = 1, n = 0; sys < HV_SYSTEM_COUNT; sys++)
        if (a->absent[sys])
            fprintf(out, "%s\"%s\"", n++ ? "," : "", hv_system_name((hv_system)sys));
    fprintf(out, "],\"policies_locked\":[");
    for (int32_t p = 0, n = 0; p < r->policy_count; p++)
        if (r->policies[p].locked) {
            fprintf(out, "%s", n++ ? "," : "");
            hv_json_string(out, r->policies[p].id);
        }
    fprintf(out, "],\"policies_with_choice\":%d,\"findings\":[", hv_audit_policies_with_choice(a));
    hv_audit_findings(a, out, 1);
    fprintf(out, "],\"sums\":[");
    for (int32_t i = 0; i < a->config_count; i++)
        print_sums(a, &a->configs[i], i, out);
    fprintf(out, "],\"seconds\":%.3f}\n", a->seconds);
}
