/* What the bots see (hv_bot_view), on a base that must fill its air tanks
 * and has no ore anywhere:
 * - a module type whose input nothing makes, no rock holds and the stores
 *   cannot feed is worth nothing to build or to keep powered, and worth
 *   something again once there is ore to feed it;
 * - a stock a win goal asks for is worth more the further it falls short;
 * - played for the whole level, the balanced bot never builds such a
 *   module type, and keeps the air plant ahead of everything else;
 * - the planner weighs one policy a week, one it may change, in turn, and
 *   none when policy orders are forbidden;
 * - the rules' bands of the sponsors' mood hold hv_sponsor_mood's own;
 * - what the look reads of sponsors, goals, needs, recipes and policies from the
 *   rules' derived data is what the rules say, and a policy is ready by it
 *   exactly when hv_bot_policy_ready says so;
 * - week after week of the sandbox, each policy's pick (which skips what
 *   cannot matter) is the one every option weighed in full gives, and the
 *   moods never gain more than the bound it skips options by;
 * - no module type is worth more than hv_bot_types_bound of any set of
 *   types holding it, the bound the balanced bot skips weighing posts by. */
#include "hv_bot.h"
#include "hv_bot_view.h"
#include "hv_level.h"
#include "hv_test.h"
#include "hv_turn.h"

#include <stdint.h>
#include <stdlib.h>

/* The module type that turns ore into iridium, read from the rules. */
static int32_t refining_type(const hv_rules *r)
{
    for (int32_t t = 0; t < r->module_type_count; t++)
        if (r->module_types[t].input[HV_RES_ORE] > 0 &&
            r->module_types[t].output[HV_RES_IRIDIUM] > 0)
            return t;
    return -1;
}

static void check_worths(const hv_level *level, hv_state *s)
{
    int32_t refinery = refining_type(&level->rules);
    CHECK(refinery >= 0);
    if (refinery < 0)
        return;
    hv_level_new_game(level, 1, s);
    hv_bot_view *v = malloc(sizeof *v);
    hv_bot_look(v, s, 0);
    CHECK_EQ_INT(hv_bot_type_value(v, refinery), 0);
    s->stock[HV_RES_ORE] = 1000;
    hv_bot_look(v, s, 0);
    CHECK(hv_bot_type_value(v, refinery) > 0);
    /* A type is weighed once a week, when first read, and reads the same
     * after. */
    CHECK_EQ_INT(v->valued, 0);
    for (int32_t t = 0; t < level->rules.module_type_count; t++) {
        CHECK_EQ_INT(hv_bot_type_value_at(v, t), hv_bot_type_value(v, t));
        CHECK(v->valued >> t & 1u);
        CHECK_EQ_INT(hv_bot_type_value_at(v, t), hv_bot_type_value(v, t));
    }

    /* Oxygen: the goal asks for 400 kg. */
    s->stock[HV_RES_OXYGEN] = 380;
    hv_bot_look(v, s, 0);
    int64_t nearly = v->worth[HV_RES_OXYGEN];
    s->stock[HV_RES_OXYGEN] = 60;
    hv_bot_look(v, s, 0);
    int64_t far = v->worth[HV_RES_OXYGEN];
    CHECK(far > nearly);
    CHECK(far >= 1000);
    free(v);
}

static void check_play(const hv_level *level, hv_state *s)
{
    int32_t refinery = refining_type(&level->rules);
    int32_t air = hv_rules_find_module_type(&level->rules, "oxygen_plant");
    CHECK(air >= 0);
    int won = 0;
    for (uint64_t seed = 1; seed <= 5; seed++) {
        hv_level_new_game(level, seed, s);
        while (s->outcome == HV_OUTCOME_RUNNING) {
            hv_bot_plan(HV_BOT_BALANCED, s);
            CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
            for (int32_t i = 0; i < s->module_count; i++) {
                CHECK(s->modules[i].type != refinery);
                if (s->modules[i].type == air)
                    CHECK(s->modules[i].priority <= 2);
            }
        }
        won += s->outcome == HV_OUTCOME_WON;
    }
    CHECK(won >= 4);
}

static void check_planner_policy(const hv_level *level, hv_state *s)
{
    hv_level_new_game(level, 1, s);
    hv_bot_limits limits;
    hv_bot_limits_init(&limits);
    int32_t p = hv_bot_planner_policy(s, &limits);
    CHECK(p >= 0 && p < level->rules.policy_count);
    if (p < 0)
        return;
    CHECK(hv_bot_policy_ready(s, p));
    /* Next week it is the next one in turn. */
    s->turn++;
    int32_t next = hv_bot_planner_policy(s, &limits);
    CHECK(next >= 0 && next != p);
    /* A policy in its cooldown is passed over. */
    if (next >= 0 && level->rules.policies[next].cooldown > 1) {
        s->policy_since[next] = s->turn;
        CHECK(hv_bot_planner_policy(s, &limits) != next);
    }
    limits.forbid |= 1u << HV_ORDER_POLICY;
    CHECK_EQ_INT(hv_bot_planner_policy(s, &limits), -1);
}

/* The rules' mood bands: from every mean, the same mood as far as they
 * reach and another just beyond (or the end of what they look at). */
static void check_mood_bands(const hv_rules *r)
{
    const hv_rules_derived *d = &r->derived;
    CHECK(d->ready);
    for (int32_t m = 0; m <= 100; m++) {
        int32_t lo = d->bot_mood_lo[m], hi = d->bot_mood_hi[m], mood = hv_sponsor_mood(m);
        CHECK(lo <= m && m <= hi);
        for (int32_t x = lo; x <= hi; x++)
            CHECK_EQ_INT(hv_sponsor_mood(x), mood);
        CHECK(lo == -HV_BOT_MOOD_SPAN || hv_sponsor_mood(lo - 1) != mood);
        CHECK(hi == 100 + HV_BOT_MOOD_SPAN || hv_sponsor_mood(hi + 1) != mood);
    }
}

/* The bots' derived sponsors, goals, needs and policies, against the rules
 * read directly; readiness over a spread of weeks. */
static void check_derived_reads(const hv_level *level, hv_state *s)
{
    const hv_rules *r = &level->rules;
    const hv_rules_derived *d = &r->derived;
    CHECK(d->ready);
    int64_t funding = 0;
    for (int32_t k = 0; k < r->sponsor_count; k++) {
        funding += r->sponsors[k].funding;
        CHECK_EQ_INT(d->bot_point[k], r->sponsors[k].funding * 100 / 200);
        CHECK_EQ_INT(d->bot_agenda_pay[k], r->sponsors[k].agenda.pay);
        CHECK_EQ_INT(d->bot_pays >> k & 1u, r->sponsors[k].agenda.pay != 0);
        CHECK_EQ_INT(d->bot_sponsor_faction[k], r->sponsors[k].faction);
    }
    CHECK_EQ_INT(d->bot_funding, funding);
    for (int res = 0; res < HV_RES_COUNT; res++) {
        int64_t keep = 0;
        for (int32_t i = 0; i < r->win_count; i++)
            if (r->win[i].kind == HV_GOAL_RESOURCE_AT_LEAST && r->win[i].resource == res &&
                r->win[i].amount > keep)
                keep = r->win[i].amount;
        CHECK_EQ_INT(d->bot_keep[res], keep);
        CHECK_EQ_INT(d->bot_kept >> res & 1u, keep > 0);
        CHECK_EQ_INT(d->bot_needs >> res & 1u, r->life.need[res] != 0);
    }
    for (int32_t i = 0; i < r->win_count; i++)
        CHECK_EQ_INT(d->bot_sat_goals >> i & 1u, r->win[i].kind == HV_GOAL_SATISFACTION_AT_LEAST);
    for (int32_t t = 0; t < r->module_type_count; t++)
        for (int res = 0; res < HV_RES_COUNT; res++) {
            const hv_module_type *mt = &r->module_types[t];
            CHECK_EQ_INT(d->bot_made[t][res], mt->output[res] - mt->input[res]);
            CHECK_EQ_INT(d->bot_made[t][res] != 0, d->nets[t] >> res & 1u);
            CHECK_EQ_INT(d->bot_gains[res] >> t & 1u, d->bot_made[t][res] > 0);
            CHECK(d->bot_most[res] >= d->bot_made[t][res]);
        }
    for (int res = 0; res < HV_RES_COUNT; res++) {
        int64_t most = 0;
        for (int32_t t = 0; t < r->module_type_count; t++)
            most = d->bot_made[t][res] > most ? d->bot_made[t][res] : most;
        CHECK_EQ_INT(d->bot_most[res], most);
    }
    for (int32_t t = 0; t < r->module_type_count; t++) {
        const hv_module_type *mt = &r->module_types[t];
        CHECK_EQ_INT(d->bot_iridium >> t & 1u, mt->output[HV_RES_IRIDIUM] > 0);
        CHECK_EQ_INT(d->bot_port >> t & 1u, mt->spaceport > 0);
        CHECK_EQ_INT(d->bot_medical >> t & 1u, mt->medical > 0);
        CHECK_EQ_INT(d->bot_security >> t & 1u, mt->security > 0);
        CHECK_EQ_INT(d->bot_recreation >> t & 1u, mt->recreation > 0);
    }
    hv_level_new_game(level, 3, s);
    int32_t ready = 0, waiting = 0;
    for (int32_t p = 0; p < r->policy_count; p++) {
        CHECK_EQ_INT(d->bot_locked >> p & 1u, r->policies[p].locked != 0);
        int rations = 0;
        for (int32_t o = 0; o < r->policies[p].option_count; o++)
            rations |= r->policies[p].options[o].effect.ration_pct != 0;
        CHECK_EQ_INT(d->bot_rations >> p & 1u, rations);
        for (int32_t o = 0; o < r->policies[p].option_count; o++)
            for (int res = 0; res < HV_RES_COUNT; res++)
                CHECK_EQ_INT(d->bot_resources[p][o] >> res & 1u,
                             r->policies[p].options[o].effect.resources[res] != 0);
        for (int32_t turn = 0; turn < 16; turn++)
            for (int32_t since = 0; since <= turn + 1; since++) {
                s->turn = turn;
                s->policy_since[p] = since;
                int by_rules =
                    !(d->bot_locked >> p & 1u) && !(since && turn + 1 - since < d->bot_cooldown[p]);
                CHECK_EQ_INT(by_rules, hv_bot_policy_ready(s, p));
                ready += by_rules;
                waiting += !by_rules;
            }
    }
    CHECK(r->policy_count == 0 || (ready > 0 && waiting > 0));
}

/* What the moods write home in a week once morale has moved by DS for
 * staff and DW for workers, from the people alone (halved for the greedy
 * bot, as the pick weighs it). */
static int64_t full_mood(const hv_bot_view *v, int32_t ds, int32_t dw)
{
    const hv_rules *r = v->r;
    const hv_state *s = v->s;
    int64_t mood = 0;
    for (int32_t k = 0; k < r->sponsor_count; k++) {
        int64_t staff = 0, workers = 0, morale = 0;
        for (int32_t i = 0; i < s->person_count; i++) {
            if (s->people[i].faction != r->sponsors[k].faction)
                continue;
            morale += s->people[i].morale;
            if (r->roles[s->people[i].role].klass == HV_CLASS_WORKER)
                workers++;
            else
                staff++;
        }
        if (staff + workers) {
            int64_t mean = morale / (staff + workers);
            int64_t moved = (staff * ds + workers * dw) / (staff + workers);
            mood += (hv_sponsor_mood(mean + moved) - hv_sponsor_mood(mean)) * v->point_w[k];
        }
    }
    return v->greedy ? mood / 2 : mood;
}

/* A policy option's worth weighed in full, every term and every sponsor,
 * from the view's weights and the state alone. */
static int64_t full_worth(const hv_bot_view *v, const hv_effect *e, const hv_effect *in_force)
{
    const hv_rules *r = v->r;
    const hv_state *s = v->s;
    int64_t horizon = v->weeks_left < 12 ? v->weeks_left : 12;
    int64_t w = 0;
    for (int res = 0; res < HV_RES_COUNT; res++)
        w += e->resources[res] * v->worth[res];
    w += v->output_worth * e->output_pct / 100;
    w -= v->need[HV_RES_FOOD] * e->ration_pct / 100 * v->worth[HV_RES_FOOD];
    w -= v->worker_pay * e->pay_pct / 100 * 100;
    w += (e->morale_staff * v->staff_w + e->morale_workers * v->workers_w) * horizon / 4;
    int32_t gap = e->morale_staff - e->morale_workers;
    int64_t class_delta = e->class_tension + gap * r->society.gap_tension / 10;
    int32_t pair =
        v->worst_a < 0 ? e->tension.all : hv_by_pair_for(&e->tension, v->worst_a, v->worst_b);
    w -= pair * v->tension_w * horizon / 2;
    w -= class_delta * v->class_w * horizon / 2;
    int64_t sat = 0, agenda = 0;
    for (int32_t k = 0; k < r->sponsor_count; k++) {
        sat += hv_by_faction_for(&e->satisfaction, r->sponsors[k].faction) * v->point_w[k];
        agenda += v->pay_w[k] * (e->pay_pct / 10) / 10;
    }
    int64_t mood = full_mood(v, e->morale_staff - in_force->morale_staff,
                             e->morale_workers - in_force->morale_workers);
    w += sat * horizon / 2;
    w += (agenda + mood) * horizon * horizon / 4;
    int32_t over = (v->tension > v->class_tension ? v->tension : v->class_tension) -
                   (r->society.incident_at - 10);
    if (over > 0 && !v->greedy)
        w -= (int64_t)e->incident_pct * over * 4;
    if (e->joint && v->tension > 10)
        w += (int64_t)r->society.joint_work * v->tension_w * horizon / 2;
    int near = 0;
    for (int32_t i = 0; i < r->asteroid_count; i++)
        for (int32_t week = s->turn + 1; week <= s->turn + 3; week++)
            near |= s->asteroids[i].stage == HV_STAGE_FAR && hv_asteroid_window_open(s, i, week);
    if (e->capture_pm && near)
        w += (int64_t)e->capture_pm * 10;
    return w;
}

/* The option policy P takes with every option weighed in full, or -1. */
static int32_t full_pick(const hv_bot_view *v, int32_t p)
{
    const hv_policy *pol = &v->r->policies[p];
    int32_t now = v->s->policy[p], best = now;
    const hv_effect *in_force = &pol->options[now].effect;
    int64_t now_worth = full_worth(v, in_force, in_force), best_worth = now_worth;
    for (int32_t o = 0; o < pol->option_count; o++) {
        int64_t w = full_worth(v, &pol->options[o].effect, in_force);
        if (o != now && w > best_worth) {
            best_worth = w;
            best = o;
        }
    }
    int64_t margin = 200 + (now_worth < 0 ? -now_worth : now_worth) / 5;
    return best != now && best_worth - now_worth > margin ? best : -1;
}

/* The bound the pick leaves options out by: the moods gain nothing when
 * no morale rises, and at most the view's mood_up_at[most] (no more than
 * mood_up) for a rise of MOST points of ten or less. Returns how many of
 * the moves tried gained something; *TIGHTER counts those the bound by
 * points held below mood_up. */
static int32_t check_mood_bound(const hv_bot_view *v, int32_t *tighter)
{
    int32_t gains = 0;
    for (int32_t ds = -12; ds <= 12; ds++)
        for (int32_t dw = -12; dw <= 12; dw++) {
            int32_t most = ds > dw ? ds : dw;
            if (most > 10 || v->mood_up < 0)
                continue;
            int64_t mood = full_mood(v, ds, dw);
            CHECK(mood <= (most <= 0 ? 0 : v->mood_up_at[most]));
            if (most > 0) {
                CHECK(v->mood_up_at[most] <= v->mood_up);
                CHECK(v->mood_up_at[most] >= v->mood_up_at[most - 1 > 0 ? most - 1 : most]);
                *tighter += v->mood_up_at[most] < v->mood_up;
            }
            gains += mood > 0;
        }
    return gains;
}

/* hv_bot_types_bound is at least every type's value, for each type alone,
 * the posts with free slots and every type; returns how many of those
 * bounds fall below the 1500 the balanced bot moves people for. */
static int32_t check_types_bound(hv_bot_view *v)
{
    int32_t types = v->r->module_type_count, below = 0;
    uint32_t all = types >= 32 ? ~0u : (1u << types) - 1;
    int32_t most_open = INT32_MIN, most = INT32_MIN;
    for (int32_t t = 0; t < types; t++) {
        int32_t value = hv_bot_type_value(v, t);
        int64_t bound = hv_bot_types_bound(v, 1u << t);
        CHECK(bound >= value);
        below += bound < 1500;
        most = value > most ? value : most;
        if (v->open_types >> t & 1u)
            most_open = value > most_open ? value : most_open;
    }
    CHECK(hv_bot_types_bound(v, all) >= most);
    if (v->open_types) {
        int64_t bound = hv_bot_types_bound(v, v->open_types);
        CHECK(bound >= most_open);
        below += bound < 1500;
    }
    return below;
}

static void check_picks(const hv_level *level, hv_state *s)
{
    hv_bot_view *v = malloc(sizeof *v);
    int32_t changes = 0, gains = 0, tighter = 0, below = 0;
    for (int greedy = 0; greedy <= 1; greedy++) {
        hv_level_new_game(level, 7 + (uint64_t)greedy, s);
        for (int32_t week = 0; week < 150 && s->outcome == HV_OUTCOME_RUNNING; week++) {
            hv_bot_look(v, s, greedy);
            if (week % 3 == 0)
                gains += check_mood_bound(v, &tighter);
            if (week % 3 == 1) {
                below += check_types_bound(v);
                hv_bot_look(v, s, greedy); /* weighed afresh for the picks below */
            }
            for (int32_t p = 0; p < level->rules.policy_count; p++) {
                int32_t pick = hv_bot_policy_pick(v, p);
                CHECK_EQ_INT(pick, full_pick(v, p));
                changes += pick >= 0;
            }
            hv_bot_plan(greedy ? HV_BOT_GREEDY : HV_BOT_BALANCED, s);
            CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
        }
    }
    CHECK(changes > 0); /* the weeks seen do change policies */
    CHECK(gains > 0);   /* and some moves of morale do lift a mood */
    CHECK(tighter > 0); /* the bound by points is below mood_up at times */
    CHECK(below > 0);   /* and the bound on types' worth below the bar */
    free(v);
}

int main(void)
{
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/bots/levels/thin_air.yaml", stderr);
    CHECK(level != NULL);
    if (level) {
        hv_state *s = malloc(sizeof *s);
        check_worths(level, s);
        check_play(level, s);
        check_planner_policy(level, s);
        check_derived_reads(level, s);
        CHECK(level->rules.derived.bot_keep[HV_RES_OXYGEN] > 0); /* its goal asks for air */
        free(s);
    }
    hv_level_free(level);
    hv_level *sandbox = hv_level_load_printing(HV_TEST_DIR "/../levels/sandbox.yaml", stderr);
    CHECK(sandbox != NULL);
    if (sandbox) {
        hv_state *s = malloc(sizeof *s);
        check_mood_bands(&sandbox->rules);
        check_derived_reads(sandbox, s);
        check_picks(sandbox, s);
        free(s);
    }
    hv_level_free(sandbox);
    return hv_test_done("bots_view");
}
