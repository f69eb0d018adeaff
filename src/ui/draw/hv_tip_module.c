/* The map's tooltip for a module: beside what it is doing (hv_module_tip),
 * what it takes and makes, the power it draws, what its crew adds and what
 * it really did last week. Every figure comes from the rules and the core
 * (hv_module_crew_pm, hv_person_module_pm) or from the week's report, so the
 * tooltip can never promise what the simulation does not do. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hv_living.h"
#include "hv_scr_game.h"
#include "hv_turn.h"

typedef struct tip_buf {
    char *buf;
    size_t len, n;
} tip_buf;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
put(tip_buf *t, const char *fmt, ...)
{
    if (t->n + 1 >= t->len)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(t->buf + t->n, t->len - t->n, fmt, ap);
    va_end(ap);
    if (k > 0)
        t->n = t->n + (size_t)k < t->len ? t->n + (size_t)k : t->len - 1;
}

/* "30 water, 10 oxygen" of AMOUNTS scaled by PM per mille; 0 if none. */
static int list_resources(tip_buf *t, const hv_rules *rules, const int64_t *amounts, int64_t pm)
{
    int any = 0;
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (amounts[r]) {
            put(t, "%s%lld %s", any ? ", " : "", (long long)(amounts[r] * pm / 1000),
                rules->resources[r].name);
            any = 1;
        }
    return any;
}

static void recipe(tip_buf *t, const hv_state *s, const hv_module *m, const hv_module_type *mt)
{
    int64_t none[HV_RES_COUNT] = {0};
    int takes = memcmp(mt->input, none, sizeof none) != 0;
    int makes = memcmp(mt->output, none, sizeof none) != 0;
    if (!takes && !makes)
        return;
    put(t, "\nA week at full crew: ");
    if (takes) {
        put(t, "takes ");
        list_resources(t, s->rules, mt->input, 1000);
        put(t, makes ? "; " : ".");
    }
    if (makes) {
        put(t, "makes ");
        list_resources(t, s->rules, mt->output, 1000);
        put(t, ".");
    }
    if (m->status == HV_MODULE_BUILDING || mt->crew_slots <= 0)
        return;
    int32_t pm = hv_module_crew_pm(s, m);
    put(t, " This crew runs it at %d%%", pm / 10);
    if (pm > 0 && pm != 1000) {
        put(t, ": ");
        if (takes) {
            list_resources(t, s->rules, mt->input, pm);
            put(t, " in, ");
        }
        if (makes) {
            list_resources(t, s->rules, mt->output, pm);
            put(t, " out");
        }
    }
    put(t, ".");
}

static void power(tip_buf *t, const hv_state *s, const hv_module *m, const hv_module_type *mt)
{
    int32_t staff = hv_module_staffing_pm(s, m);
    const char *full = mt->crew_slots > 0 ? " at full crew" : "";
    if (mt->power < 0) {
        put(t, "\nPower: uses %d kW%s", -mt->power, full);
        if (mt->crew_slots > 0)
            put(t, ", %d kW with %d of %d: the draw scales with the crew.",
                -mt->power * staff / 1000, m->crew, mt->crew_slots);
        else
            put(t, ".");
    } else if (mt->power > 0) {
        int64_t out = hv_power_output(s, mt, s->turn + 1);
        put(t, "\nPower: makes %d kW%s", mt->power, full);
        if (out != mt->power)
            put(t, ", %lld this week (sunlight and dust)", (long long)out);
        if (mt->crew_slots > 0)
            put(t, "; %lld kW with %d of %d crew.", (long long)(out * staff / 1000), m->crew,
                mt->crew_slots);
        else
            put(t, ".");
    }
    if (mt->housing)
        put(t, "\nBeds for %d while powered.", mt->housing);
}

/* The crew slots, and what each person in them adds. */
static void crew(tip_buf *t, const hv_state *s, const hv_module *m, const hv_module_type *mt)
{
    if (mt->crew_slots <= 0)
        return;
    put(t, "\nA slot is %d%% of the work, in any role; skill and morale move it.",
        100 / mt->crew_slots);
    int first = 1;
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (p->module != m->id)
            continue;
        char given[HV_PERSON_NAME_LEN];
        hv_copy_str(given, sizeof given, hv_person_name(s, p));
        char *space = strchr(given, ' ');
        if (space)
            *space = '\0';
        put(t, "%s%s (%s) +%d%%", first ? "\n" : ", ", given, s->rules->roles[p->role].name,
            hv_person_module_pm(s, p) / 10);
        if (p->strike > 0)
            put(t, " on strike");
        first = 0;
    }
}

/* What the module really did last week, from the week's report. */
static void last_week(tip_buf *t, const hv_game *game, const hv_module *m)
{
    if (!game->played)
        return;
    int64_t flow[HV_RES_COUNT] = {0};
    int flowed = 0, unpowered = 0;
    int64_t starved = -1;
    for (int32_t i = 0; i < game->report.count; i++) {
        const hv_event *e = &game->report.events[i];
        if (e->subject != m->id)
            continue;
        if (e->kind == HV_EV_RESOURCE && e->cause == HV_CAUSE_PRODUCTION && e->resource >= 0 &&
            e->resource < HV_RES_COUNT) {
            flow[e->resource] += e->amount;
            flowed = 1;
        } else if (e->kind == HV_EV_MODULE_UNPOWERED) {
            unpowered = 1;
        } else if (e->kind == HV_EV_MODULE_STARVED) {
            starved = e->value;
        }
    }
    if (!flowed && !unpowered && starved < 0)
        return;
    put(t, "\nLast week:");
    int any = 0;
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (flow[r]) {
            put(t, "%s %+lld %s", any ? "," : "", (long long)flow[r],
                game->state.rules->resources[r].name);
            any = 1;
        }
    if (unpowered)
        put(t, "%s shut down for want of power", any ? ";" : "");
    if (starved >= 0)
        put(t, "%s short of inputs, so %lld%% of what its crew could", any || unpowered ? ";" : "",
            (long long)(starved / 10));
    put(t, ".");
}

void hv_module_tip_full(const hv_game *game, const hv_module *m, char *buf, size_t len)
{
    const hv_state *s = &game->state;
    const hv_module_type *mt = &s->rules->module_types[m->type];
    char base[HV_TIP_LEN];
    hv_module_tip(game, m, base, sizeof base);
    /* The short tip ends with the power priority and the hint to click:
     * the details go before that line. */
    char *tail = strrchr(base, '\n');
    if (tail)
        *tail++ = '\0';
    tip_buf t = {buf, len, 0};
    if (len == 0)
        return;
    buf[0] = '\0';
    put(&t, "%s", base);
    recipe(&t, s, m, mt);
    power(&t, s, m, mt);
    crew(&t, s, m, mt);
    last_week(&t, game, m);
    if (tail)
        put(&t, "\n%s", tail);
}
