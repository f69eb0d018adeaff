/* The report panel's society section: tension between the nations and
 * the classes, morale and the sponsors, each summed per subject and cause
 * from the events of the week shown. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hv_report_lines.h"
#include "hv_widgets.h"

enum { PAIRS = 16 * 16 + 1, SLOTS = PAIRS + HV_MAX_SPONSORS }; /* a*16+b + 1; classes at 0 */

typedef struct society_sums {
    int64_t by[SLOTS][HV_CAUSE_COUNT];
    int32_t net[SLOTS], to[SLOTS];
    char seen[SLOTS];
    int64_t morale, morale_to;
} society_sums;

static void society_sum(const hv_report *r, society_sums *t)
{
    memset(t, 0, sizeof *t);
    t->morale_to = -1;
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        int k;
        if (e->kind == HV_EV_MORALE) {
            t->morale += e->amount;
            t->morale_to = e->value;
            continue;
        }
        if (e->kind == HV_EV_TENSION)
            k = e->subject < 0 ? 0 : e->subject + 1;
        else if (e->kind == HV_EV_SATISFACTION)
            k = PAIRS + e->subject;
        else
            continue;
        if (k < 0 || k >= SLOTS || e->cause < 0 || e->cause >= HV_CAUSE_COUNT)
            continue;
        t->net[k] += (int32_t)e->amount;
        t->to[k] = (int32_t)e->value;
        t->by[k][e->cause] += e->amount;
        t->seen[k] = 1;
    }
}

/* Tension per pair and satisfaction per sponsor, net over the week. Pairs
 * that rose are news and get a line each; pairs that eased are summed up
 * together, or a quiet week would bury the rest under dozens of lines. */
void hv_report_society(hv_list *l, const hv_report_view *v)
{
    const hv_rules *rules = v->game->state.rules;
    society_sums t;
    society_sum(v->report, &t);
    int any = t.morale_to >= 0;
    for (int k = 0; k < SLOTS; k++)
        any |= t.seen[k] && t.net[k] != 0;
    if (!any)
        return;
    hv_list_heading(l, "icons/tension", "Society", 8, 9);
    char text[240], detail[400], a[64], b[64];
    /* The event carries the move in thousandths of a point; the level now
     * comes from the state. */
    int64_t tenths = ((t.morale < 0 ? -t.morale : t.morale) + 50) / 100;
    if (t.morale_to >= 0 && tenths > 0 && v->week->people > 0) {
        snprintf(text, sizeof text, "Average morale %s%lld.%lld → %d", t.morale < 0 ? "-" : "+",
                 (long long)(tenths / 10), (long long)(tenths % 10), v->week->morale);
        hv_report_item(l, t.morale > 0 ? HV_C_GOOD : HV_C_BAD, text, NULL);
    }
    /* Many pairs (or sponsors) moving the same way make one line; a handful
     * keep theirs. Group 1 is the pairs of nations, 2 the sponsors. */
    int moved[3][2], lo[3][2], hi[3][2];
    int64_t by[3][2][HV_CAUSE_COUNT];
    memset(moved, 0, sizeof moved);
    memset(lo, 0, sizeof lo);
    memset(hi, 0, sizeof hi);
    memset(by, 0, sizeof by);
    for (int k = 1; k < SLOTS; k++) {
        int g = k < PAIRS ? 1 : 2, up = t.net[k] > 0, d = up ? t.net[k] : -t.net[k];
        if (!t.seen[k] || d == 0)
            continue;
        lo[g][up] = moved[g][up]++ == 0 || d < lo[g][up] ? d : lo[g][up];
        hi[g][up] = d > hi[g][up] ? d : hi[g][up];
        for (int c = 0; c < HV_CAUSE_COUNT; c++)
            by[g][up][c] += t.by[k][c];
    }
    for (int k = 0; k < SLOTS; k++) {
        int g = k == 0 ? 0 : k < PAIRS ? 1 : 2, up = t.net[k] > 0;
        for (int u = 1; (k == 1 || k == PAIRS) && u >= 0; u--) {
            if (moved[g][u] <= 4)
                continue;
            char range[32];
            snprintf(range, sizeof range, lo[g][u] == hi[g][u] ? "%d" : "%d to %d", lo[g][u],
                     hi[g][u]);
            if (g == 1)
                snprintf(text, sizeof text, "Tension %s by %s between %d pairs of nations",
                         u ? "rose" : "eased", range, moved[g][u]);
            else
                snprintf(text, sizeof text, "Satisfaction %s by %s for %d sponsors",
                         u ? "rose" : "fell", range, moved[g][u]);
            hv_report_causes(by[g][u], detail, sizeof detail);
            hv_report_item(l, (g == 1) == (u == 1) ? HV_C_BAD : HV_C_GOOD, text, detail);
        }
        if (!t.seen[k] || t.net[k] == 0 || (g > 0 && moved[g][up] > 4))
            continue;
        if (k == 0)
            snprintf(text, sizeof text, "Tension staff – workers %s → %d", hv_report_signed(t.net[k]),
                     t.to[k]);
        else if (k < PAIRS)
            snprintf(text, sizeof text, "Tension %s – %s %s → %d",
                     hv_report_short_name(rules, (k - 1) / 16, a, sizeof a),
                     hv_report_short_name(rules, (k - 1) % 16, b, sizeof b), hv_report_signed(t.net[k]), t.to[k]);
        else
            snprintf(text, sizeof text, "%s satisfaction %s → %d",
                     hv_report_short_name(rules, rules->sponsors[k - PAIRS].faction, a, sizeof a),
                     hv_report_signed(t.net[k]), t.to[k]);
        hv_report_causes(t.by[k], detail, sizeof detail);
        int good = k < PAIRS ? t.net[k] < 0 : t.net[k] > 0;
        hv_report_item(l, good ? HV_C_GOOD : HV_C_BAD, text, detail);
    }
}
