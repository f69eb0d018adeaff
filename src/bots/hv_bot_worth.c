/* What the bots make of effects: a policy option held for the weeks
 * ahead, an event's answer applied once, weighed in hundredths of funds
 * with the weights the week's look weighed (hv_bot_view). */
#include "hv_bot_view.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hv_turn.h"

/* What an effect does to the pair of nations closest to trouble. */
static int32_t worst_pair_delta(const hv_bot_view *v, const hv_by_pair *t)
{
    return v->worst_a < 0 ? t->all : hv_by_pair_for(t, v->worst_a, v->worst_b);
}

/* Whether AMOUNTS gives any faction anything. */
static int names_faction(const hv_by_faction *amounts)
{
    /* Read a few words at a time: most effects name no faction at all. */
    _Static_assert(sizeof amounts->by % sizeof(uint64_t) == 0, "by[] is whole words");
    uint64_t words[sizeof amounts->by / (sizeof(uint64_t))];
    memcpy(words, amounts->by, sizeof words);
    uint64_t any = (uint32_t)amounts->all;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        any |= words[i];
    return any != 0;
}

/* Worth of a week of satisfaction changed by SAT, sponsor by sponsor. */
static int64_t satisfaction_worth(const hv_bot_view *v, const hv_by_faction *sat)
{
    int64_t w = 0;
    for (int32_t k = 0; k < v->r->sponsor_count; k++) {
        int32_t d = hv_by_faction_for(sat, v->d->bot_sponsor_faction[k]);
        if (d)
            w += d * v->point_w[k];
    }
    return w;
}

/* Worth, per week, of what each nation's mood writes home once its
 * people's morale has moved by STAFF and WORKERS points. A nation's mean
 * moves by a whole number between the two, so a nation whose mood holds
 * for both holds it (most do: its bands are ten points wide). */
static int64_t mood_worth(const hv_bot_view *v, int32_t staff, int32_t workers)
{
    int64_t w = 0;
    for (int32_t i = 0; i < v->heard_count; i++) {
        const struct hv_bot_nation *h = &v->heard[i];
        int64_t sum = h->staff * staff + h->workers * workers;
        if (sum > h->low && sum < h->high)
            continue; /* its mood stays where it is */
        int64_t moved = hv_share_of(v->d, sum, (int32_t)h->people);
        w += (hv_sponsor_mood(h->mean + moved) - h->mood) * v->point_w[h->sponsor];
    }
    return v->greedy ? w / 2 : w;
}

/* Worth, per week, of what the sponsors' agendas make of pay at PAY_PCT
 * over the contract (their weights are tenths of a point per 10 points). */
static int64_t agenda_pay_worth(const hv_bot_view *v, int32_t pay_pct)
{
    int64_t w = 0;
    for (uint32_t bits = v->d->bot_pays; bits; bits &= bits - 1) /* the others add 0 */
        w += v->pay_w[__builtin_ctz(bits)] * (pay_pct / 10) / 10;
    return w;
}

/* Whether a capture may launch within the next few weeks: odds are fixed at
 * launch, so a law that changes them is worth something only then. */
static int launch_near(const hv_bot_view *v)
{
    const hv_state *s = v->s;
    for (uint32_t far = v->far; far; far &= far - 1) {
        int32_t i = __builtin_ctz(far);
        for (int32_t week = s->turn + 1; week <= s->turn + 3; week++)
            if (hv_asteroid_window_open(s, i, week))
                return 1;
    }
    return 0;
}

/* Worth of option O of policy P, whose effect is E, held for the weeks
 * ahead, read with what the rules' derived data holds of it (the effects
 * and resources it names, the factions its satisfaction names, its class
 * tension with its morale gap's), all but what piles up week on week:
 * that, the agendas' part of it, goes to *LASTING (the moods' part is
 * hv_bot_policy_pick's, against the option in force). Inlined in the
 * pick's loop, where it runs a few times for every policy every week. */
static inline __attribute__((always_inline)) int64_t
policy_worth(const hv_bot_view *v, const hv_effect *e, int32_t p, int32_t o, int64_t *lasting)
{
    const hv_rules_derived *d = v->d;
    uint32_t names = d->options[p][o], terms = d->bot_terms[p][o];
    uint32_t factions = d->bot_factions[p][o], resources = d->bot_resources[p][o];
    int64_t class_delta = d->bot_class_delta[p][o];
    /* Most options name a few of the effects (TERMS): a term of an effect
     * at 0 is worth 0 and is not weighed. */
    int64_t horizon = v->horizon;
    int64_t w = 0;
    *lasting = 0;
    if (!terms)
        return 0;
    for (; resources; resources &= resources - 1) { /* those named, in TERM_RESOURCES */
        int res = __builtin_ctz(resources);
        w += e->resources[res] * v->worth[res];
    }
    if (terms & HV_BOT_TERM_PERCENT) {
        if (e->output_pct)
            w += v->output_worth * e->output_pct / 100;
        if (e->ration_pct)
            w -= v->need[HV_RES_FOOD] * e->ration_pct / 100 * v->worth[HV_RES_FOOD];
        if (e->pay_pct) {
            w -= v->worker_pay * e->pay_pct / 100 * 100;
            *lasting = agenda_pay_worth(v, e->pay_pct);
        }
    }
    /* Morale and tension settle over the weeks ahead: count half of them. */
    if (terms & HV_BOT_TERM_MORALE)
        w += (e->morale_staff * v->staff_w + e->morale_workers * v->workers_w) * horizon / 4;
    if (terms & HV_BOT_TERM_CLASS)
        w -= class_delta * v->class_w * horizon / 2;
    if (terms & HV_BOT_TERM_TENSION) {
        int32_t pair = v->worst_a >= 0 && (names & HV_OPTION_PAIRS)
                           ? hv_by_pair_for(&e->tension, v->worst_a, v->worst_b)
                           : e->tension.all;
        w -= pair * v->tension_w * horizon / 2;
    }
    if (terms & HV_BOT_TERM_SPONSORS) {
        /* Satisfaction that names no faction is the same for every sponsor. */
        int64_t sat = e->satisfaction.all * v->points_w;
        for (uint32_t bits = factions; bits; bits &= bits - 1) {
            int32_t f = __builtin_ctz(bits);
            sat += e->satisfaction.by[f] * v->faction_w[f];
        }
        w += sat * horizon / 2;
    }
    if (terms & HV_BOT_TERM_RARE) {
        if (e->incident_pct)
            w -= e->incident_pct * v->incident_w;
        if (e->joint)
            w += v->joint_w;
        if (e->capture_pm && launch_near(v))
            w += (int64_t)e->capture_pm * 10;
    }
    return w;
}

/* hv_bot_policy_pick, inlined in hv_bot_govern's loop over the policies. */
static inline __attribute__((always_inline)) int32_t pick(const hv_bot_view *v, int32_t p)
{
    const hv_policy *pol = &v->r->policies[p];
    int32_t now = v->s->policy[p], best = now, count = pol->option_count;
    const hv_effect *in_force = &pol->options[now].effect;
    /* What piles up counts for the weeks ahead over and over (its square,
     * halved twice); the option in force moves no mood. It is weighed
     * first, and the others, in order, against it as they are weighed. */
    int64_t piles = v->horizon * v->horizon, last;
    int64_t now_worth = policy_worth(v, in_force, p, now, &last);
    now_worth += last * piles / 4;
    int64_t best_worth = now_worth;
    /* A change needs a clear margin, so the base does not flip back and forth. */
    int64_t margin = 200 + (now_worth < 0 ? -now_worth : now_worth) / 5;
    int64_t bar = now_worth + margin;
    for (int32_t o = 0; o < count; o++) {
        if (o == now)
            continue;
        const hv_effect *e = &pol->options[o].effect;
        int64_t worth = policy_worth(v, e, p, o, &last);
        /* A nation's mood piles up and stays; morale today already holds
         * the option in force. */
        int32_t staff = e->morale_staff - in_force->morale_staff;
        int32_t workers = e->morale_workers - in_force->morale_workers;
        if (staff | workers) {
            /* Moods only fall when no morale rises, and rise a step at most
             * for a rise of ten points or less (hv_bot_view's mood_up_at): an
             * option that cannot beat the bar even so is never picked, and
             * leaving it out changes neither the best nor whether it wins. */
            int32_t most = staff > workers ? staff : workers;
            int64_t up = v->mood_up < 0 || most > 10 ? -1 : most <= 0 ? 0 : v->mood_up_at[most];
            if (up >= 0 && worth + (last + up) * piles / 4 <= bar)
                continue;
            last += mood_worth(v, staff, workers);
        }
        int64_t w = worth + last * piles / 4;
        if (w > best_worth) {
            best_worth = w;
            best = o;
        }
    }
    return best != now && best_worth - now_worth > margin ? best : -1;
}

int32_t hv_bot_policy_pick(const hv_bot_view *v, int32_t p)
{
    return pick(v, p);
}

void hv_bot_govern(hv_bot_view *v)
{
    hv_state *s = v->s;
    const int32_t *cooldown = v->d->bot_cooldown;
    /* Read once: queuing an order writes to the state. */
    int32_t week = s->turn + 1, count = v->r->policy_count;
    uint32_t locked = v->d->bot_locked;
    for (int32_t p = 0; p < count; p++) {
        /* hv_bot_policy_ready, read from the rules' derived data */
        int32_t since = s->policy_since[p];
        if ((locked >> p & 1u) || (since && week - since < cooldown[p]))
            continue;
        int32_t best = pick(v, p);
        if (best >= 0)
            hv_bot_order(s, HV_ORDER_POLICY, p, 0, best);
    }
}

/* Whether the win goals ask for flag bit F, or the lose goals fear it:
 * +2, -2 or 0. A flag that opens a scripted event with a road to a win
 * flag counts half as much. */
static int32_t flag_sign(const hv_rules *r, int32_t flag, int depth)
{
    int32_t sign = 0;
    for (int32_t i = 0; i < r->win_count; i++)
        if (r->win[i].kind == HV_GOAL_FLAG_SET && r->win[i].flag == flag)
            sign += 2;
    for (int32_t i = 0; i < r->lose_count; i++)
        if (r->lose[i].kind == HV_GOAL_FLAG_SET && r->lose[i].flag == flag)
            sign -= 2;
    if (sign || depth <= 0)
        return sign;
    /* A flag that opens a scripted event with a road to a win flag. */
    for (int32_t e = 0; e < r->event_count; e++) {
        const hv_event_def *ev = &r->events[e];
        if (!ev->scripted || ev->trigger.flag != flag)
            continue;
        for (int32_t c = 0; c < ev->choice_count; c++)
            for (int32_t f = 0; f < r->flag_count; f++)
                if ((ev->choices[c].effect.set_flags >> f & 1u) && flag_sign(r, f, depth - 1) > 0)
                    return 1;
    }
    return 0;
}

static int64_t flags_worth(const hv_rules *r, uint32_t set, uint32_t cleared)
{
    int64_t w = 0;
    for (int32_t f = 0; f < r->flag_count && (set | cleared); f++) {
        if (!((set | cleared) >> f & 1u))
            continue; /* weighing a flag reads every event: only those it touches */
        int32_t sign = flag_sign(r, f, 2);
        if (set >> f & 1u)
            w += sign * 5000000;
        if (cleared >> f & 1u)
            w -= sign * 5000000;
    }
    return w;
}

static int64_t effect_worth(const hv_bot_view *v, const hv_effect *e, int depth);

/* What a sequel brings: its own effect, and the best of its choices, as
 * the bot will pick then. Sequels of sequels are not looked at. */
static int64_t sequel_worth(const hv_bot_view *v, const hv_effect *e, int depth)
{
    if (e->follow_event <= 0 || e->follow_event > v->r->event_count || depth > 0)
        return 0;
    const hv_event_def *ev = &v->r->events[e->follow_event - 1];
    int64_t best = 0;
    for (int32_t c = 0; c < ev->choice_count; c++) {
        int64_t w = effect_worth(v, &ev->choices[c].effect, depth + 1);
        if (c == 0 || w > best)
            best = w;
    }
    return effect_worth(v, &ev->effect, depth + 1) + best;
}

int64_t hv_bot_choice_worth(const hv_bot_view *v, const hv_effect *e)
{
    return effect_worth(v, e, 0);
}

static int64_t effect_worth(const hv_bot_view *v, const hv_effect *e, int depth)
{
    int64_t w = sequel_worth(v, e, depth);
    for (int res = 0; res < HV_RES_COUNT; res++)
        w += e->resources[res] * v->worth[res];
    int64_t people = v->staff + v->workers;
    /* A one-off change lasts until it settles: a few weeks of morale, the
     * rest of the level for tension and satisfaction (they ease slowly). */
    w += (e->morale_staff * v->staff_w + e->morale_workers * v->workers_w) * 3;
    int64_t lasting = v->weeks_left < 10 ? v->weeks_left : 10;
    /* Most effects name few of these: a term at 0 is worth 0. */
    int32_t pair = worst_pair_delta(v, &e->tension);
    if (pair)
        w -= pair * hv_bot_tension_weight(v, v->tension + pair) * lasting;
    if (e->class_tension)
        w -= e->class_tension * hv_bot_tension_weight(v, v->class_tension + e->class_tension) *
             lasting;
    if (names_faction(&e->satisfaction))
        w += satisfaction_worth(v, &e->satisfaction) * lasting;
    if (names_faction(&e->funding_pct))
        for (int32_t k = 0; k < v->r->sponsor_count; k++)
            w += v->r->sponsors[k].funding *
                 hv_by_faction_for(&e->funding_pct, v->r->sponsors[k].faction) / 100 * 100 *
                 v->weeks_left / 2;
    if (e->motion.set) {
        int passes = hv_motion_passes(v->s, &e->motion);
        int32_t flag = passes ? e->motion.passed : e->motion.failed;
        if (flag)
            w += flags_worth(v->r, 1u << (flag - 1), 0);
    }
    if (e->health)
        w += e->health * people * (v->greedy ? 5 : 40);
    w -= e->dust * 60;
    if (e->price_pct)
        w += e->price_pct * v->s->price *
             (v->s->stock[HV_RES_IRIDIUM] + v->net[HV_RES_IRIDIUM] * lasting) / 100 * 100 / 10;
    if (e->break_type > 0)
        w -= (int64_t)e->break_weeks * (v->valued >> (e->break_type - 1) & 1u
                                            ? v->type_value[e->break_type - 1]
                                            : hv_bot_type_value(v, e->break_type - 1));
    /* Unrest falls on a side: a strike stops a share of the work, sabotage
     * a busy module, a defection loses a pair of hands. */
    if (e->strike_weeks)
        w -= (int64_t)e->strike_weeks * v->output_worth / 3;
    if (e->sabotage_weeks)
        w -= (int64_t)e->sabotage_weeks * v->output_worth / 5;
    w -= (int64_t)e->injure * 2 * (v->greedy ? 5 : 40);
    if (e->defect)
        w -= (people ? v->output_worth / people : 0) * lasting; /* a head's share */
    if (e->set_flags | e->clear_flags) /* most effects touch no flag */
        w += flags_worth(v->r, e->set_flags, e->clear_flags);
    return w;
}

/* ---- answering events -------------------------------------------------- */

void hv_bot_answer(const hv_bot_view *v, int first)
{
    if (hv_state_queued_answer(v->s) >= 0)
        return; /* the player's orders already answer it */
    const hv_event_def *ev = &v->r->events[v->s->pending];
    int32_t best = 0;
    if (!first) {
        int64_t best_worth = hv_bot_choice_worth(v, &ev->choices[0].effect);
        for (int32_t c = 1; c < ev->choice_count; c++) {
            int64_t w = hv_bot_choice_worth(v, &ev->choices[c].effect);
            if (w > best_worth) {
                best_worth = w;
                best = c;
            }
        }
    }
    hv_bot_order(v->s, HV_ORDER_ANSWER, 0, 0, best);
}
