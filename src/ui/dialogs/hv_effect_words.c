/* What an effect does in words, for the event dialog's choices and the
 * unrest ladder's tooltips. Flags only steer the story and are not told. */
#include <stdarg.h>
#include <stdio.h>

#include "hv_effect_words.h"
#include "hv_gfx.h"
#include "hv_print.h"
#include "hv_turn.h"

static int add(hv_phrase *f, int n, uint32_t colour, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static int add(hv_phrase *f, int n, uint32_t colour, const char *fmt, ...)
{
    if (n >= HV_MAX_PHRASES)
        return n;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f[n].text, sizeof f[n].text, fmt, ap);
    va_end(ap);
    f[n].colour = colour;
    return n + 1;
}

/* Good news in green, bad in red; the sign says it too, for colour-blind eyes. */
static uint32_t tone(int64_t v, int good_when_up)
{
    return (v > 0) == (good_when_up != 0) ? HV_C_GOOD : HV_C_BAD;
}

/* Which way amounts by faction or pair lean on the whole, for their colour. */
static int64_t faction_sum(const hv_by_faction *a)
{
    int64_t sum = a->all * 4;
    for (int f = 0; f < HV_MAX_FACTIONS; f++)
        sum += a->by[f];
    return sum;
}

static int64_t pair_sum(const hv_by_pair *a)
{
    int64_t sum = a->all * 4;
    for (int x = 0; x < HV_MAX_FACTIONS; x++)
        for (int y = x + 1; y < HV_MAX_FACTIONS; y++)
            sum += a->by[x][y];
    return sum;
}

static const char *weeks(int32_t n)
{
    return n == 1 ? "" : "s";
}

/* A motion as the board would vote on it today, by the same count the
 * vote will use. */
static int motion(const hv_state *s, const hv_motion *m, hv_phrase *f, int n)
{
    int32_t share = hv_motion_share(s, m);
    if (hv_motion_passes(s, m))
        return add(f, n, HV_C_GOOD, "The board votes: would pass today, %d%% of funding for",
                   share / 10);
    int sided = 0;
    for (int32_t k = 0; k < s->rules->sponsor_count; k++)
        sided |= hv_motion_lean(s, m, k) != 0;
    if (!sided)
        return add(f, n, HV_C_WARN, "The board votes: would fail today, no sponsor for or against");
    return add(f, n, HV_C_WARN, "The board votes: would fail today, %d%% of funding for",
               share / 10);
}

/* The unrest an effect stirs on the sides of the incident or event. */
static int unrest(const hv_effect *e, hv_phrase *f, int n)
{
    if (e->strike_weeks > 0)
        n = add(f, n, HV_C_BAD, "One side downs tools for %d week%s", e->strike_weeks,
                weeks(e->strike_weeks));
    if (e->sabotage_weeks > 0)
        n = add(f, n, HV_C_BAD, "The most strained module sabotaged for %d week%s",
                e->sabotage_weeks, weeks(e->sabotage_weeks));
    if (e->injure > 0)
        n = add(f, n, HV_C_BAD, "Someone on each side hurt, health -%d", e->injure);
    if (e->defect)
        n = add(f, n, HV_C_BAD, "Someone goes over to the other side");
    if (e->loyalty)
        n = add(f, n, tone(e->loyalty, 1), "Loyalty %+d", e->loyalty);
    return n;
}

int hv_effect_phrases(const hv_state *s, const hv_effect *e, hv_phrase *f)
{
    const hv_rules *rules = s->rules;
    int n = 0;
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (e->resources[r])
            n = add(f, n, tone(e->resources[r], 1), "%s %+lld %s", rules->resources[r].name,
                    (long long)e->resources[r], rules->resources[r].unit);
    if (e->morale_staff)
        n = add(f, n, tone(e->morale_staff, 1), "Staff morale %+d", e->morale_staff);
    if (e->morale_workers)
        n = add(f, n, tone(e->morale_workers, 1), "Workers' morale %+d", e->morale_workers);
    char by[160];
    hv_describe_by_pair(rules, &e->tension, by, sizeof by);
    if (by[0])
        n = add(f, n, tone(pair_sum(&e->tension), 0), "Tension between nations %s", by);
    if (e->class_tension)
        n = add(f, n, tone(e->class_tension, 0), "Class tension %+d", e->class_tension);
    hv_describe_by_faction(rules, &e->satisfaction, by, sizeof by);
    if (by[0])
        n = add(f, n, tone(faction_sum(&e->satisfaction), 1), "Sponsors' satisfaction %s", by);
    hv_describe_by_faction(rules, &e->funding_pct, by, sizeof by);
    if (by[0])
        n = add(f, n, HV_C_INFO, "Funding %s%%", by);
    if (e->partner[0])
        n = add(f, n, HV_C_GOOD, "%s and %s become partners",
                rules->factions[e->partner[0] - 1].name, rules->factions[e->partner[1] - 1].name);
    if (e->split[0])
        n = add(f, n, HV_C_BAD, "%s and %s part ways", rules->factions[e->split[0] - 1].name,
                rules->factions[e->split[1] - 1].name);
    if (e->motion.set)
        n = motion(s, &e->motion, f, n);
    if (e->mandate == HV_MANDATE_MARS || e->mandate == HV_MANDATE_EARTH)
        n = add(f, n, HV_C_INFO, "The board mandates %s orbit for every capture",
                hv_dest_name(rules, e->mandate == HV_MANDATE_MARS ? HV_DEST_MARS : HV_DEST_EARTH));
    else if (e->mandate == HV_MANDATE_LIFT)
        n = add(f, n, HV_C_INFO, "The board lifts its mandate");
    if (e->health)
        n = add(f, n, tone(e->health, 1), "Everyone's health %+d", e->health);
    if (e->dust)
        n = add(f, n, tone(e->dust, 0), "Dust %+d%%", e->dust);
    if (e->price_pct)
        n = add(f, n, tone(e->price_pct, 1), "%s price %+d%%",
                rules->resources[HV_RES_IRIDIUM].name, e->price_pct);
    if (e->break_type > 0 && e->break_type <= rules->module_type_count)
        n = add(f, n, HV_C_BAD, "A %s out of action for %d week%s",
                rules->module_types[e->break_type - 1].name, e->break_weeks, weeks(e->break_weeks));
    if (e->window_weeks)
        n = add(f, n, HV_C_GOOD, "Launch windows open for %d week%s", e->window_weeks,
                weeks(e->window_weeks));
    n = unrest(e, f, n);
    if (e->set_flags)
        n = add(f, n, HV_C_INFO, "Opens a new path");
    if (e->follow_event > 0)
        n = add(f, n, HV_C_INFO, "Has a sequel in %d week%s", e->follow_weeks,
                weeks(e->follow_weeks));
    if (n == 0)
        n = add(f, n, HV_C_DIM, "No immediate effect");
    return n;
}
