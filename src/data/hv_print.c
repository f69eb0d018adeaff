#include "hv_print.h"

#include <string.h>

static const char *module_label(const hv_state *s, int32_t id, char *buf, size_t len)
{
    const hv_module *m = hv_state_module((hv_state *)s, id);
    if (m)
        snprintf(buf, len, "%s #%d", s->rules->module_types[m->type].name, id);
    else
        snprintf(buf, len, "module #%d", id);
    return buf;
}

static const char *person_label(const hv_state *s, int32_t id)
{
    const hv_person *p = hv_state_person((hv_state *)s, id);
    return p ? hv_person_name(s, p) : "someone";
}

static const char *res_name(const hv_state *s, int32_t r)
{
    return (r >= 0 && r < HV_RES_COUNT) ? s->rules->resources[r].name : "?";
}

const char *hv_outcome_name(hv_outcome outcome)
{
    static const char *const names[] = {"running", "won", "lost"};
    return names[outcome];
}

void hv_goal_code(const hv_rules *rules, const hv_goal *g, char *buf, size_t len)
{
    /* A lost deadline reads "deadline" in the figures, not "week_reached". */
    const char *kind = g->kind == HV_GOAL_TURN_REACHED ? "deadline" : hv_goal_kind_names[g->kind];
    if (g->kind == HV_GOAL_RESOURCE_DEPLETED)
        snprintf(buf, len, "%s:%s", kind, hv_resource_id((hv_resource)g->resource));
    else if (g->kind == HV_GOAL_FLAG_SET)
        snprintf(buf, len, "%s:%s", kind, rules->flags[g->flag]);
    else
        snprintf(buf, len, "%s", kind);
}

void hv_outcome_code(const hv_state *s, char *buf, size_t len)
{
    if (s->outcome == HV_OUTCOME_RUNNING)
        snprintf(buf, len, "%s", "");
    else if (s->outcome_goal == HV_CAUSE_ALL_DEAD)
        snprintf(buf, len, "all_dead");
    else if (s->outcome == HV_OUTCOME_WON)
        snprintf(buf, len, "goals_met");
    else
        hv_goal_code(s->rules, &s->rules->lose[s->outcome_goal], buf, len);
}

void hv_describe_order(const hv_state *s, const hv_order *o, char *buf, size_t len)
{
    char label[96];
    const hv_rules *rules = s->rules;
    switch (o->kind) {
    case HV_ORDER_BUILD:
        snprintf(buf, len, "build %s at (%d, %d)",
                 o->module_type >= 0 && o->module_type < rules->module_type_count
                     ? rules->module_types[o->module_type].name
                     : "?",
                 o->x, o->y);
        break;
    case HV_ORDER_DEMOLISH:
        snprintf(buf, len, "demolish %s", module_label(s, o->module, label, sizeof label));
        break;
    case HV_ORDER_ASSIGN:
        snprintf(buf, len, "assign %s to %s", person_label(s, o->person),
                 module_label(s, o->module, label, sizeof label));
        break;
    case HV_ORDER_UNASSIGN:
        snprintf(buf, len, "unassign %s", person_label(s, o->person));
        break;
    case HV_ORDER_PRIORITY:
        snprintf(buf, len, "set power priority of %s to %d",
                 module_label(s, o->module, label, sizeof label), o->value);
        break;
    case HV_ORDER_POLICY: {
        int ok = o->target >= 0 && o->target < rules->policy_count && o->value >= 0 &&
                 o->value < rules->policies[o->target].option_count;
        snprintf(buf, len, "policy %s: %s", ok ? rules->policies[o->target].name : "?",
                 ok ? rules->policies[o->target].options[o->value].name : "?");
        break;
    }
    case HV_ORDER_SURVEY:
    case HV_ORDER_CAPTURE: {
        const char *name = o->target >= 0 && o->target < rules->asteroid_count
                               ? rules->asteroids[o->target].name
                               : "?";
        if (o->kind == HV_ORDER_SURVEY)
            snprintf(buf, len, "survey %s", name);
        else
            snprintf(buf, len, "capture %s into %s orbit with %s and %s", name,
                     hv_dest_name(rules, o->value), person_label(s, o->person),
                     person_label(s, o->person2));
        break;
    }
    case HV_ORDER_REDIRECT: {
        int ok = o->target >= 0 && o->target < rules->asteroid_count;
        /* Described before it is applied: the destination it turns to. */
        snprintf(buf, len, "redirect %s to %s orbit", ok ? rules->asteroids[o->target].name : "?",
                 hv_dest_name(rules, ok && s->asteroids[o->target].dest == HV_DEST_EARTH
                                         ? HV_DEST_MARS
                                         : HV_DEST_EARTH));
        break;
    }
    case HV_ORDER_EXPORT:
        snprintf(buf, len, "export %d %s", o->value, rules->resources[HV_RES_IRIDIUM].name);
        break;
    case HV_ORDER_ANSWER:
        if (o->target > 0 && o->target <= rules->event_count)
            snprintf(buf, len, "answer %s with choice %d", rules->events[o->target - 1].title,
                     o->value + 1);
        else
            snprintf(buf, len, "answer with choice %d", o->value + 1);
        break;
    default:
        snprintf(buf, len, "unknown order");
        break;
    }
}

static const char *side_name(const hv_rules *rules, int32_t pair, int second)
{
    if (pair < 0)
        return second ? "workers" : "staff";
    int32_t f = second ? pair % 16 : pair / 16;
    return f >= 0 && f < rules->faction_count ? rules->factions[f].name : "?";
}

/* One side of an incident: a nation, the workers or the staff. */
static const char *one_side(const hv_rules *rules, int64_t side)
{
    if (side == HV_SIDE_WORKERS)
        return "the workers";
    if (side == HV_SIDE_STAFF)
        return "the staff";
    return side >= 0 && side < rules->faction_count ? rules->factions[side].name : "?";
}

static void print_politics_event(FILE *out, const hv_state *after, const hv_event *e)
{
    const hv_rules *rules = after->rules;
    switch (e->kind) {
    case HV_EV_PARTNER:
        fprintf(out, "  %s and %s %s\n", side_name(rules, e->subject, 0),
                side_name(rules, e->subject, 1),
                e->value ? "are now partners" : "are partners no more");
        break;
    case HV_EV_VOTE:
        fprintf(out, "  the board votes: %lld%% of the funding for; the motion %s\n",
                (long long)e->amount / 10, e->value ? "passes" : "fails");
        break;
    case HV_EV_FUNDING:
        fprintf(out, "  %s funding %+lld%% (now %+lld%% for good)\n",
                rules->factions[rules->sponsors[e->subject].faction].name, (long long)e->amount,
                (long long)e->value);
        break;
    case HV_EV_RIOT:
        fprintf(out, "  RIOT: %s against %s (tension %lld); %lld module%s wrecked\n",
                e->subject >= 0 ? side_name(rules, e->subject, 0) : "the workers",
                e->subject >= 0 ? side_name(rules, e->subject, 1) : "the staff",
                (long long)e->amount, (long long)e->value, e->value == 1 ? "" : "s");
        break;
    default:
        break;
    }
}

static void print_society_event(FILE *out, const hv_state *before, const hv_state *after,
                                const hv_event *e)
{
    static const char *const incidents[HV_INCIDENT_COUNT] = {
        "a strike", "smuggling: the black market drains the stores", "sabotage", "a fight",
        "a defection"};
    static const char *const stages[HV_STAGE_COUNT] = {"out of reach",
                                                       "probe on its way",
                                                       "capture crew on its way",
                                                       "in %s orbit, mined",
                                                       "mined out",
                                                       "lost",
                                                       "in Earth orbit, mined for sale on Earth"};
    const hv_rules *rules = after->rules;
    char label[96];
    switch (e->kind) {
    case HV_EV_TENSION:
        fprintf(out, "  tension %s / %s %+lld to %lld: %s\n", side_name(rules, e->subject, 0),
                side_name(rules, e->subject, 1), (long long)e->amount, (long long)e->value,
                hv_cause_name(e->cause));
        break;
    case HV_EV_INCIDENT:
        if (e->subject < 0) {
            fprintf(out, "  incident: %s down tools\n", one_side(rules, e->amount));
            break;
        }
        fprintf(out, "  incident: %s (%s)\n",
                e->value >= 0 && e->value < HV_INCIDENT_COUNT ? incidents[e->value] : "?",
                e->value == HV_INCIDENT_SABOTAGE
                    ? module_label(after, e->subject, label, sizeof label)
                    : person_label(before, e->subject));
        break;
    case HV_EV_SATISFACTION:
        fprintf(out, "  %s satisfaction %+lld to %lld: %s\n",
                rules->factions[rules->sponsors[e->subject].faction].name, (long long)e->amount,
                (long long)e->value, hv_cause_name(e->cause));
        break;
    case HV_EV_POLICY:
        fprintf(out, "  policy %s is now %s\n", rules->policies[e->subject].name,
                rules->policies[e->subject].options[e->value].name);
        break;
    case HV_EV_MISSION:
        snprintf(label, sizeof label,
                 e->value >= 0 && e->value < HV_STAGE_COUNT ? stages[e->value] : "?",
                 rules->world.body);
        fprintf(out, "  %s: %s%s\n", rules->asteroids[e->subject].name, label,
                e->amount == HV_RESULT_SURVEYED   ? " (survey done)"
                : e->amount == HV_RESULT_CAPTURED ? " (captured!)"
                : e->amount == HV_RESULT_FAILED   ? " (the capture failed)"
                                                  : "");
        break;
    case HV_EV_EVENT:
        if (e->value < 0) {
            char text[HV_TEXT_LEN + 200];
            hv_event_fill(after, e->resource,
                          hv_event_text(&rules->events[e->subject], (int32_t)e->amount), text,
                          sizeof text);
            fprintf(out, "  %s: %s - %s\n", e->cause == HV_CAUSE_INCIDENT ? "unrest" : "event",
                    rules->events[e->subject].title, text);
        } else
            fprintf(out, "  answered %s: %s\n", rules->events[e->subject].title,
                    rules->events[e->subject].choices[e->value].text);
        break;
    case HV_EV_FORECAST:
        fprintf(out, "  forecast: %s expected in %lld week%s (week %lld)\n",
                rules->events[e->subject].title, (long long)e->amount, e->amount == 1 ? "" : "s",
                (long long)e->value);
        break;
    case HV_EV_FOLLOW_UP:
        fprintf(out, "  follow-up: %s to come in %lld week%s (week %lld)\n",
                rules->events[e->subject].title, (long long)e->amount, e->amount == 1 ? "" : "s",
                (long long)e->value);
        break;
    case HV_EV_PRICE:
        fprintf(out, "  %s price %+lld to %lld: %s\n", res_name(after, HV_RES_IRIDIUM),
                (long long)e->amount, (long long)e->value,
                e->cause == HV_CAUSE_SALE     ? "pushed down by a sale"
                : e->cause == HV_CAUSE_MARKET ? "the market moved"
                                              : hv_cause_name(e->cause));
        break;
    case HV_EV_SALE:
        fprintf(out, "  sold %lld %s on Earth for %lld %s%s%s\n", (long long)e->amount,
                res_name(after, HV_RES_IRIDIUM), (long long)e->value, res_name(after, HV_RES_FUNDS),
                e->subject >= 0 ? ", mined in Earth orbit from " : "",
                e->subject >= 0 ? rules->asteroids[e->subject].name : "");
        break;
    case HV_EV_HIJACK:
        fprintf(out, "  the redirect of %s to %s orbit was found out\n",
                rules->asteroids[e->subject].name, hv_dest_name(rules, e->value));
        break;
    case HV_EV_MANDATE:
        if (e->value == 0)
            fprintf(out, "  the board lifts its mandate: captures may go to either orbit\n");
        else
            fprintf(out, "  the board mandates that captures go to %s orbit\n",
                    hv_dest_name(rules, e->value - 1));
        break;
    case HV_EV_MODULE_BROKEN:
        fprintf(out, "  %s out of action for %lld weeks\n",
                module_label(after, e->subject, label, sizeof label), (long long)e->value);
        break;
    case HV_EV_MODULE_REPAIRED:
        fprintf(out, "  %s repaired\n", module_label(after, e->subject, label, sizeof label));
        break;
    default:
        print_politics_event(out, after, e);
        break;
    }
}

static void print_event(FILE *out, const hv_state *before, const hv_state *after, const hv_event *e)
{
    char label[96], text[160];
    switch (e->kind) {
    case HV_EV_ORDER_DONE:
    case HV_EV_ORDER_REJECTED:
        hv_describe_order(before, &before->orders[e->subject], text, sizeof text);
        if (e->kind == HV_EV_ORDER_DONE)
            fprintf(out, "  order: %s - done\n", text);
        else
            fprintf(out, "  order: %s - refused: %s\n", text, hv_reject_text((hv_reject)e->value));
        break;
    case HV_EV_RESOURCE: {
        const char *why = hv_cause_name(e->cause);
        if (e->cause == HV_CAUSE_PRODUCTION || e->cause == HV_CAUSE_CONSTRUCTION)
            why = module_label(after, e->subject, label, sizeof label);
        else if (e->cause == HV_CAUSE_FUNDING)
            why = after->rules->factions[after->rules->sponsors[e->subject].faction].name;
        else if (e->cause == HV_CAUSE_SUPPLY)
            why = "supply ship";
        else if (e->cause == HV_CAUSE_LIFE_SUPPORT)
            why = "life support";
        fprintf(out, "  %-10s %+8lld  %s%s\n", res_name(after, e->resource), (long long)e->amount,
                e->cause == HV_CAUSE_CONSTRUCTION ? "construction of " : "", why);
        break;
    }
    case HV_EV_POWER:
        fprintf(out, "  power: %lld kW made, %lld kW wanted%s\n", (long long)e->amount,
                (long long)e->value, e->value > e->amount ? " - DEFICIT" : "");
        break;
    case HV_EV_MODULE_UNPOWERED:
        fprintf(out, "  %s shut down for lack of power (priority %lld)\n",
                module_label(after, e->subject, label, sizeof label), (long long)e->value);
        break;
    case HV_EV_MODULE_STARVED:
        fprintf(out, "  %s ran at %lld%% of its staffed rate: short of inputs\n",
                module_label(after, e->subject, label, sizeof label), (long long)e->value / 10);
        break;
    case HV_EV_MODULE_BUILT:
        fprintf(out, "  %s is finished and operating\n",
                module_label(after, e->subject, label, sizeof label));
        break;
    case HV_EV_HEALTH:
        if (e->subject > 0)
            fprintf(out, "  %s hurt (%+lld health): %s\n", person_label(before, e->subject),
                    (long long)e->amount,
                    e->cause == HV_CAUSE_WORK   ? "an accident at work"
                    : e->cause == HV_CAUSE_RIOT ? "the riot"
                                                : hv_cause_name(e->cause));
        else if (e->cause == HV_CAUSE_SHORTAGE)
            fprintf(out, "  health %+lld for %lld people: not enough %s\n", (long long)e->amount,
                    (long long)e->value, res_name(after, e->resource));
        else if (e->cause == HV_CAUSE_EXPOSURE)
            fprintf(out, "  health %+lld for %lld people: no powered bed\n", (long long)e->amount,
                    (long long)e->value);
        else
            fprintf(out, "  health %+lld for %lld people: rest and full rations\n",
                    (long long)e->amount, (long long)e->value);
        break;
    case HV_EV_DEATH:
        if (e->resource >= 0)
            fprintf(out, "  %s died: lack of %s\n", person_label(before, e->subject),
                    res_name(after, e->resource));
        else
            fprintf(out, "  %s died: %s\n", person_label(before, e->subject),
                    e->cause == HV_CAUSE_RIOT      ? "killed in the riot"
                    : e->cause == HV_CAUSE_MISSION ? "lost with the capture"
                                                   : "exposure");
        break;
    case HV_EV_DUST:
        fprintf(out, "  dust %lld%% (%+lld): solar output follows\n", (long long)e->value,
                (long long)e->amount);
        break;
    case HV_EV_DAYLIGHT:
        fprintf(out, "  %s: the solar arrays %s until week %lld\n",
                e->value ? "sunrise" : "nightfall", e->value ? "work" : "are dark",
                (long long)e->amount);
        break;
    case HV_EV_STEP:
        if (e->subject >= 0 && e->subject < after->rules->step_count)
            fprintf(out, "  step %d of %d done: %s\n", e->subject + 1, after->rules->step_count,
                    after->rules->steps[e->subject].title);
        break;
    case HV_EV_FLAG:
        if (e->subject >= 0 && e->subject < after->rules->flag_count)
            fprintf(out, "  flag %s %s\n", after->rules->flags[e->subject],
                    e->value ? "set" : "cleared");
        break;
    case HV_EV_OUTCOME:
        hv_state_describe_outcome(after, text, sizeof text);
        fprintf(out, "  *** %s: %s ***\n", e->value == HV_OUTCOME_WON ? "WON" : "LOST", text);
        break;
    case HV_EV_MORALE:
        break; /* shown in the status, not line by line */
    default:
        print_society_event(out, before, after, e);
        break;
    }
}

void hv_print_report(FILE *out, const hv_state *before, const hv_state *after,
                     const hv_report *report)
{
    fprintf(out, "Week %d report\n", after->turn);
    for (int32_t i = 0; i < report->count; i++)
        print_event(out, before, after, &report->events[i]);
    if (report->dropped)
        fprintf(out, "  (%d more events not shown)\n", report->dropped);
}

void hv_print_status(FILE *out, const hv_level *level, const hv_state *s)
{
    fprintf(out, "%s - week %d\n", level->title, s->turn + 1);
    for (int r = 0; r < HV_RES_COUNT; r++)
        fprintf(out, "  %-10s %10lld %s%s\n", s->rules->resources[r].name, (long long)s->stock[r],
                s->rules->resources[r].unit, (s->shortage_mask >> r) & 1 ? "  (SHORT)" : "");
    fprintf(out, "  power: %d kW made, %d kW wanted; dust %d%%\n", s->power_supply, s->power_demand,
            s->dust);
    fprintf(out, "  people: %d alive, %d dead; modules: %d\n", s->person_count, s->deaths,
            s->module_count);
    fprintf(out, "  tension: nations %d, classes %d; incidents %d\n", hv_state_nation_tension(s),
            s->class_tension, s->incidents);
    fprintf(out, "  iridium price %lld.%02lld; sold on Earth %lld this week, %lld in all\n",
            (long long)(s->price_fine / 100), (long long)(s->price_fine % 100),
            (long long)s->sold_week, (long long)s->exported);
    if (s->mandate)
        fprintf(out, "  the board mandates captures to %s orbit\n",
                hv_dest_name(s->rules, s->mandate - 1));
    for (int32_t i = 0; i < s->rules->asteroid_count; i++)
        fprintf(out, "  asteroid %s (%s): stage %d%s%s%s%s\n", s->rules->asteroids[i].name,
                s->rules->asteroids[i].klass, s->asteroids[i].stage,
                s->asteroids[i].surveyed ? ", surveyed" : "",
                s->asteroids[i].stage == HV_STAGE_CAPTURING ? ", bound for " : "",
                s->asteroids[i].stage == HV_STAGE_CAPTURING
                    ? hv_dest_name(s->rules, s->asteroids[i].dest)
                    : "",
                s->asteroids[i].stage == HV_STAGE_CAPTURING ? " orbit" : "");
    if (s->pending >= 0)
        fprintf(out, "  waiting for an answer: %s\n", s->rules->events[s->pending].title);
    for (int32_t i = 0; i < s->scheduled_count; i++)
        fprintf(out, "  %s: %s in week %d\n", s->scheduled[i].forecast ? "expected" : "to come",
                s->rules->events[s->scheduled[i].event].title, s->scheduled[i].week);
    char text[HV_GOAL_TEXT_LEN];
    for (int32_t i = 0; i < s->rules->win_count; i++) {
        hv_goal_describe(s->rules, &s->rules->win[i], text, sizeof text);
        fprintf(out, "  goal: %s\n", level->win_text[i][0] ? level->win_text[i] : text);
    }
    if (s->outcome != HV_OUTCOME_RUNNING) {
        hv_state_describe_outcome(s, text, sizeof text);
        fprintf(out, "  outcome: %s in week %d - %s\n", hv_outcome_name(s->outcome),
                s->outcome_turn, text);
    }
}

void hv_print_map(FILE *out, const hv_state *s)
{
    const hv_rules *rules = s->rules;
    fprintf(out, "    ");
    for (int x = 0; x < rules->map_width; x++)
        fprintf(out, "%3d", x);
    fprintf(out, "\n");
    for (int y = 0; y < rules->map_height; y++) {
        fprintf(out, "%3d ", y);
        for (int x = 0; x < rules->map_width; x++) {
            const hv_module *m = hv_state_module_at((hv_state *)s, x, y);
            if (m)
                fprintf(out, "%3d", m->id);
            else
                fprintf(out, "  %c", ".~#"[hv_rules_terrain_at(rules, x, y)]);
        }
        fprintf(out, "\n");
    }
    fprintf(out, "  numbers: module ids   . plain   ~ ice   # rock\n");
}

void hv_print_modules(FILE *out, const hv_state *s)
{
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        const hv_module_type *mt = &s->rules->module_types[m->type];
        fprintf(out, "  #%-3d %-18s (%2d,%2d) ", m->id, mt->name, m->x, m->y);
        if (m->status == HV_MODULE_BUILDING)
            fprintf(out, "building, %d weeks left", m->build_left);
        else
            fprintf(out, "crew %d/%d  priority %d  %s  output %d%%", m->crew, mt->crew_slots,
                    m->priority, m->powered ? "powered" : "UNPOWERED", m->output_pm / 10);
        fprintf(out, "\n");
    }
}

void hv_print_people(FILE *out, const hv_state *s)
{
    char label[96];
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        fprintf(out, "  #%-3d %-24s %-10s %-16s skill %d  health %3d  morale %3d  %s\n", p->id,
                hv_person_name(s, p), s->rules->factions[p->faction].name,
                s->rules->roles[p->role].name, p->skill, p->health, p->morale,
                p->module ? module_label(s, p->module, label, sizeof label) : "unassigned");
    }
}

void hv_print_module_types(FILE *out, const hv_rules *rules)
{
    for (int32_t i = 0; i < rules->module_type_count; i++) {
        const hv_module_type *mt = &rules->module_types[i];
        fprintf(out, "  %-14s %-18s %d weeks, costs", mt->id, mt->name, mt->build_turns);
        for (int r = 0; r < HV_RES_COUNT; r++)
            if (mt->cost[r])
                fprintf(out, " %lld %s", (long long)mt->cost[r], rules->resources[r].name);
        fprintf(out, "; crew %d, power %+d kW\n", mt->crew_slots, mt->power);
    }
}

void hv_print_policies(FILE *out, const hv_state *s)
{
    for (int32_t i = 0; i < s->rules->policy_count; i++) {
        const hv_policy *p = &s->rules->policies[i];
        fprintf(out, "  %-12s %s: %s\n    options:", p->id, p->name, p->text);
        for (int32_t o = 0; o < p->option_count; o++)
            fprintf(out, " %s%s%s", o == s->policy[i] ? "[" : "", p->options[o].id,
                    o == s->policy[i] ? "]" : "");
        fprintf(out, "\n");
    }
}

void hv_print_asteroids(FILE *out, const hv_state *s)
{
    static const char *const stages[HV_STAGE_COUNT] = {
        "out there", "probe on its way", "capture crew on its way", "in %s orbit", "mined out",
        "lost",      "in Earth orbit"};
    for (int32_t i = 0; i < s->rules->asteroid_count; i++) {
        const hv_asteroid *a = &s->rules->asteroids[i];
        const hv_asteroid_state *as = &s->asteroids[i];
        char stage[HV_NAME_LEN + 16];
        snprintf(stage, sizeof stage, stages[as->stage], s->rules->world.body);
        fprintf(out, "  %-12s %s, %s: %s; risk %d, capture fuel %lld, transfer %d weeks", a->id,
                a->name, a->klass, stage, a->risk, (long long)hv_capture_fuel(s->rules, i),
                a->transfer_weeks);
        if (a->window_close)
            fprintf(out, ", window weeks %d-%d", a->window_open, a->window_close);
        if (as->stage == HV_STAGE_CAPTURING)
            fprintf(out, ", bound for %s orbit%s", hv_dest_name(s->rules, as->dest),
                    as->hijack == 2 ? " (hijack found out)"
                    : as->hijack    ? " (hijack)"
                                    : "");
        fprintf(out, "\n    %s", as->surveyed ? "holds" : "not surveyed");
        for (int r = 0; r < HV_RES_COUNT && as->surveyed; r++)
            if (as->left[r])
                fprintf(out, " %lld %s", (long long)as->left[r], s->rules->resources[r].name);
        fprintf(out, "\n");
    }
}

void hv_print_event(FILE *out, const hv_state *s)
{
    if (s->pending < 0) {
        fprintf(out, "No event waits for an answer.\n");
        return;
    }
    const hv_event_def *ev = &s->rules->events[s->pending];
    char text[HV_TEXT_LEN + 200];
    hv_event_fill(s, s->actor, hv_event_text(ev, s->event_text[s->pending]), text, sizeof text);
    fprintf(out, "  EVENT: %s\n  %s\n", ev->title, text);
    for (int32_t c = 0; c < ev->choice_count; c++)
        fprintf(out, "    answer %d: %s\n", c + 1, ev->choices[c].text);
}
