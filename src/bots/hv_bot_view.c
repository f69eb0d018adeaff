#include "hv_bot_view.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "hv_turn.h"

/* ---- the worth of things ----------------------------------------------- */

/* Weeks until the latest deadline among the goals, else a year. */
static int32_t weeks_left(const hv_bot_view *v)
{
    int32_t last = v->d->bot_last_week;
    int32_t left = last > v->s->turn ? last - v->s->turn : 52;
    return left < 1 ? 1 : left;
}

/* The best price the base can get for one unit of ore by refining it: a
 * module type that turns it into the resource Earth buys. */
static int64_t refined_worth(const hv_bot_view *v)
{
    int64_t best = 0;
    for (uint32_t bits = v->d->bot_refines; bits; bits &= bits - 1) {
        const hv_module_type *mt = &v->r->module_types[__builtin_ctz(bits)];
        int64_t w = v->s->price * 100 * mt->output[HV_RES_IRIDIUM] / mt->input[HV_RES_ORE];
        best = w > best ? w : best;
    }
    return best * 6 / 10;
}

static int64_t fuel_wanted(const hv_bot_view *v)
{
    int64_t want = v->d->bot_survey_fuel;
    for (uint32_t far = v->far; far; far &= far - 1) {
        int32_t i = __builtin_ctz(far);
        if (v->d->bot_capture_fuel[i] > want)
            want = v->d->bot_capture_fuel[i];
    }
    return v->r->asteroid_count ? want : 0;
}

/* Fuel is worth what it flies home: the richest far rock's yield, spread
 * over the fuel its capture burns. */
static int64_t fuel_worth(const hv_bot_view *v)
{
    int64_t best = 300;
    for (uint32_t far = v->far; far; far &= far - 1) {
        int32_t i = __builtin_ctz(far);
        int64_t fuel = v->d->bot_capture_fuel[i];
        if (fuel <= 0)
            continue;
        int64_t yield = v->s->asteroids[i].left[HV_RES_IRIDIUM] * v->s->price +
                        v->s->asteroids[i].left[HV_RES_ORE] * v->worth[HV_RES_ORE] / 100;
        int64_t w = yield * 100 / fuel / 4;
        best = w > best ? w : best;
    }
    return best > 3000 ? 3000 : best;
}

/* Of the resources in BITS, those no rock in REACH (bits: still out
 * there, on its way or in Mars orbit) holds. */
static uint32_t unheld(const hv_state *s, uint32_t reach, uint32_t bits)
{
    for (; reach && bits; reach &= reach - 1) {
        int32_t i = __builtin_ctz(reach);
        for (uint32_t b = bits; b; b &= b - 1) {
            int res = __builtin_ctz(b);
            if (s->asteroids[i].left[res] > 0)
                bits &= ~(1u << res);
        }
    }
    return bits;
}

/* The worth of a unit of each resource; what making or using it up adds
 * to a module type's value beyond its worth (hv_bot_type_value); and the
 * resources nothing adds to: not made on net, brought by no supply ship
 * and held by no rock in reach. */
static void weigh_resources(hv_bot_view *v)
{
    const hv_state *s = v->s;
    uint32_t unmade = 0;
    for (int res = 0; res < HV_RES_COUNT; res++) {
        v->worth[res] = 30;
        /* Making what a win goal still asks for comes before comforts. */
        v->rise[res] = s->stock[res] < v->keep[res] ? 1500 : 0;
        v->fall[res] = 0;
        unmade |= (uint32_t)(v->net[res] <= 0) << res;
    }
    /* Only what people use up can be needed (bot_needs). */
    for (uint32_t bits = v->d->bot_needs; bits; bits &= bits - 1) {
        int res = __builtin_ctz(bits);
        int64_t need = v->need[res], net = v->net[res];
        if (need <= 0)
            continue;
        int64_t weeks = s->stock[res] / need; /* how long the stock lasts */
        int64_t w = weeks < 3 ? 800 : weeks < 6 ? 400 : weeks < 12 ? 150 : weeks > 40 ? 20 : 80;
        if (net < 0 && weeks < 12)
            w *= 2;
        if (net < 0) {
            v->rise[res] += weeks < 6 ? 3000 : 1500;
            v->fall[res] = -500;
        } else if (weeks < 4) {
            v->rise[res] += 800;
        }
        v->worth[res] = w;
    }
    /* A stock a win goal asks for is worth more the further it falls short. */
    for (uint32_t bits = v->d->bot_kept; bits; bits &= bits - 1) {
        int res = __builtin_ctz(bits);
        int64_t stock = s->stock[res], keep = v->keep[res];
        if (stock < keep) {
            int64_t short_pct = (keep - stock) * 100 / keep;
            int64_t floor = 300 + 10 * short_pct;
            v->worth[res] = v->worth[res] < floor ? floor : v->worth[res];
        }
    }
    v->scarce = unheld(s, v->reach, unmade & ~v->d->bot_supplied);
    v->worth[HV_RES_FUNDS] = 100;
    /* Money is dearer while the sponsors do not cover the bills and the
     * treasury would run dry before the level ends. */
    int64_t short_by = v->costs - v->paid;
    if (!v->greedy && short_by > 0) {
        int64_t runway = s->stock[HV_RES_FUNDS] / short_by;
        if (runway < v->weeks_left)
            v->worth[HV_RES_FUNDS] = runway < 4 ? 400 : runway < 8 ? 250 : 150;
    }
    v->worth[HV_RES_IRIDIUM] = s->price * 100;
    int64_t refined = refined_worth(v);
    if (refined > v->worth[HV_RES_ORE])
        v->worth[HV_RES_ORE] = refined;
    if (s->stock[HV_RES_FUEL] < fuel_wanted(v))
        v->worth[HV_RES_FUEL] = fuel_worth(v);
    /* Enough materials to build the dearest module type twice over. */
    if (s->stock[HV_RES_MATERIALS] < 2 * v->d->bot_materials)
        v->worth[HV_RES_MATERIALS] = 600;
    if (v->greedy) {
        for (int res = 0; res < HV_RES_COUNT; res++)
            if (v->need[res] > 0 && v->worth[res] < 400)
                v->worth[res] /= 4;
    }
}

static void weigh_effects(hv_bot_view *v, const int32_t *staff, const int32_t *workers,
                          const int64_t *morale);

void hv_bot_look(hv_bot_view *v, hv_state *s, int greedy)
{
    /* Only what is summed into is cleared: the view is large, and the rest
     * is written before it is read. */
    v->s = s;
    v->r = s->rules;
    v->greedy = greedy;
    const hv_rules *r = v->r;
    const hv_rules_derived *d = v->d = hv_rules_derived_of(r, &v->scratch);
    v->restaffed = 0;
    v->valued = 0;
    v->taken[0] = v->taken[1] = -1;
    v->output_worth = 0;
    v->points_w = 0;
    v->heard_count = 0;
    memcpy(v->keep, d->bot_keep, sizeof v->keep);
    int32_t ration = 0;
    for (uint32_t bits = d->bot_rations; bits; bits &= bits - 1) /* the others add 0 */
        ration += d->bot_ration[__builtin_ctz(bits)][s->policy[__builtin_ctz(bits)]];
    for (int res = 0; res < HV_RES_COUNT; res++) {
        v->need[res] = r->life.need[res] * s->person_count;
        if (res == HV_RES_FOOD)
            v->need[res] = v->need[res] * (100 + ration) / 100;
        v->net[res] = -v->need[res];
    }
    /* Modules are counted by type, and whole crews' recipes summed by type:
     * a base has a few dozen modules of about a dozen types. The state
     * keeps the counts, and which modules are not running whole and
     * powered (hv_kept): only those are looked at one by one, each taken
     * off its type's whole ones and counted as it stands. */
    int32_t whole[HV_MAX_MODULE_TYPES];
    memcpy(whole, s->kept.by_type, sizeof whole);
    int32_t crew_slots[HV_MAX_MODULE_TYPES]; /* a copy the stores below cannot touch */
    memcpy(crew_slots, d->bot_crew_slots, sizeof crew_slots);
    int64_t made[HV_RES_COUNT] = {0};
    uint32_t draws = d->bot_draws, pending = 0, open_types = 0;
    int shed = 0;
    int32_t open = 0, *open_at = v->open, *slots_at = v->slots;
    for (int32_t word = 0, words = (s->module_count + 63) >> 6; word < words; word++) {
        for (uint64_t odd = s->kept.odd[word] | s->kept.dark[word]; odd; odd &= odd - 1) {
            int32_t i = word * 64 + __builtin_ctzll(odd);
            const hv_module *m = &s->modules[i];
            int32_t t = m->type, crew = m->crew, full = crew_slots[t], slots = full - crew;
            whole[t]--;
            if (m->status == HV_MODULE_ACTIVE && !slots) {
                /* Running with a whole crew: powered off, or left so by the week. */
                if (!m->broken) {
                    whole[t]++;
                    if (!m->powered && crew > 0)
                        shed |= draws >> t & 1u;
                }
                continue;
            }
            if (m->status == HV_MODULE_ACTIVE) {
                if (!m->broken) {
                    if (crew == full || !full) {
                        whole[t]++; /* the whole recipe */
                    } else if (crew) {
                        int64_t share = crew * 1000 / full;
                        if (share == 1000) {
                            whole[t]++;
                        } else {
                            /* Recipes name a few resources each: only those are looked at. */
                            for (uint32_t bits = d->nets[t]; bits; bits &= bits - 1) {
                                int res = __builtin_ctz(bits);
                                int64_t net = d->bot_made[t][res] * share / 1000;
                                v->net[res] += net;
                                made[res] += net;
                            }
                        }
                    }
                    if (!m->powered && crew > 0)
                        shed |= draws >> t & 1u;
                }
            } else {
                slots = m->build_left <= 1 ? slots : 0;
                pending |= 1u << t; /* going up */
            }
            if (slots > 0) { /* the only slots read: staffing fills these alone */
                slots_at[i] = slots;
                open_types |= 1u << t;
                v->open_type[open] = t;
                open_at[open++] = i;
            }
        }
    }
    v->open_types = open_types;
    pending |= open_types;
    v->open_count = open;
    v->pending = pending;
    v->shed = shed;
    /* Upkeep and beds of every module are kept too: only the types with
     * a module are looked at, for their whole crews' recipes. */
    int64_t costs = s->kept.upkeep, beds = s->kept.housing;
    for (uint32_t types = s->kept.types; types; types &= types - 1) {
        int32_t t = __builtin_ctz(types);
        for (uint32_t bits = whole[t] ? d->nets[t] : 0; bits; bits &= bits - 1) {
            int res = __builtin_ctz(bits);
            int64_t net = d->bot_made[t][res] * whole[t];
            v->net[res] += net;
            made[res] += net;
        }
    }
    v->beds = beds;
    /* People by role and by nation and class are counted by the state
     * (hv_kept: staff, then workers), as is who is free to work; morale
     * by nation and health here. */
    const int32_t *by_role = s->kept.by_role, *nation = s->kept.nation;
    int64_t morale[HV_MAX_FACTIONS] = {0};
    uint32_t workers_mask = d->worker_roles;
    int32_t free_count = 0;
    int64_t health = 0;
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        morale[p->faction] += p->morale;
        health += p->health;
    }
    for (int32_t word = 0, words = (s->person_count + 63) >> 6; word < words; word++)
        for (uint64_t free = s->kept.free[word]; free; free &= free - 1)
            v->free_people[free_count++] = word * 64 + __builtin_ctzll(free);
    v->free_count = free_count;
    v->health = health;
    int64_t worker_pay = 0;
    int32_t workers = 0;
    for (int32_t k = 0; k < r->role_count; k++) {
        int64_t pay = by_role[k] * r->roles[k].pay;
        costs += pay;
        if (workers_mask >> k & 1u) {
            worker_pay += pay;
            workers += by_role[k];
        }
    }
    v->costs = costs;
    v->worker_pay = worker_pay;
    v->workers = workers;
    v->staff = s->person_count - workers;
    uint32_t present = s->kept.nations;
    v->min_satisfaction = 100;
    v->funding = d->bot_funding;
    v->paid = 0;
    for (int32_t i = 0; i < r->sponsor_count; i++) {
        v->paid += hv_sponsor_funding(s, i);
        if (s->satisfaction[i] < v->min_satisfaction)
            v->min_satisfaction = s->satisfaction[i];
    }
    /* The worst pair present holds the highest tension between nations;
     * pairs are tried in the same order as over every nation. */
    int32_t worst_a = -1, worst_b = -1, worst = 0;
    if (present & (present - 1)) { /* two nations or more: the first pair to beat */
        worst_a = __builtin_ctz(present);
        worst_b = __builtin_ctz(present & (present - 1));
        worst = s->tension[worst_a][worst_b];
    }
    if (!(present & (present + 1))) {
        /* The nations present are the first N (as on most bases): the same
         * pairs in the same order, counted plainly. */
        for (int32_t a = 0, n = __builtin_ctz(present + 1); a < n; a++) {
            const int32_t *row = s->tension[a];
            for (int32_t b = a + 1; b < n; b++) {
                if (row[b] > worst) {
                    worst_a = a;
                    worst_b = b;
                    worst = row[b];
                }
            }
        }
    } else {
        for (uint32_t as = present; as; as &= as - 1) {
            int32_t a = __builtin_ctz(as);
            const int32_t *row = s->tension[a];
            for (uint32_t bs = as & (as - 1); bs; bs &= bs - 1) {
                int32_t b = __builtin_ctz(bs);
                if (row[b] > worst) {
                    worst_a = a;
                    worst_b = b;
                    worst = row[b];
                }
            }
        }
    }
    v->worst_a = worst_a;
    v->worst_b = worst_b;
    v->tension = worst;
    v->class_tension = s->class_tension;
    v->weeks_left = weeks_left(v);
    uint32_t stages[HV_STAGE_COUNT] = {0};
    for (int32_t i = 0; i < r->asteroid_count; i++)
        if ((uint32_t)s->asteroids[i].stage < HV_STAGE_COUNT)
            stages[s->asteroids[i].stage] |= 1u << i;
    v->far = stages[HV_STAGE_FAR];
    v->capturing = stages[HV_STAGE_CAPTURING];
    v->reach = stages[HV_STAGE_FAR] | stages[HV_STAGE_SURVEYING] | stages[HV_STAGE_CAPTURING] |
               stages[HV_STAGE_ORBIT];
    weigh_resources(v);
    for (int res = 0; res < HV_RES_COUNT; res++)
        if (made[res] > 0)
            v->output_worth += made[res] * v->worth[res];
    weigh_effects(v, nation, nation + HV_MAX_FACTIONS, morale);
}

/* Worth of one point of tension held for a week, by how close the base is
 * to incidents and to a riot. */
int64_t hv_bot_tension_weight(const hv_bot_view *v, int32_t now)
{
    const hv_society *soc = &v->r->society;
    if (v->greedy) {
        /* Mining first: unrest is ignored until incidents bite, then peace
         * is bought with concessions, dearer the nearer a riot. */
        int32_t from = soc->incident_at + 10;
        if (now < from)
            return 0;
        return 60 + 30 * (int64_t)(now - from) + (now >= soc->riot_at - 10 ? 400 : 0);
    }
    int64_t w = 40;
    if (now > soc->incident_at - 15)
        w += 20 * (now - (soc->incident_at - 15));
    if (now > soc->riot_at - 15)
        w += 60 * (now - (soc->riot_at - 15));
    for (int32_t i = 0; i < v->r->win_count; i++)
        if (v->r->win[i].kind == HV_GOAL_TENSION_BELOW && now > v->r->win[i].amount - 15)
            w += 40 * (now - (v->r->win[i].amount - 15));
    return w;
}

/* Worth of one point of morale for everyone in a group of N. */
static int64_t morale_weight(const hv_bot_view *v, int32_t n)
{
    int32_t people = v->staff + v->workers;
    if (!people)
        return 0;
    /* Morale drives output (half a percent a point); what it writes home
     * is mood_worth's. */
    int64_t w = v->output_worth * n / people / 200;
    if (!v->greedy)
        w += 8 * n;
    return w;
}

/* Worth of one point of sponsor K's satisfaction for a week: funding lost
 * or won, and how near the sponsor is to what a goal asks. */
static int64_t point_worth(const hv_bot_view *v, int32_t k)
{
    int64_t per_point = v->d->bot_point[k];
    for (uint32_t goals = v->d->bot_sat_goals; goals; goals &= goals - 1) {
        const hv_goal *g = &v->r->win[__builtin_ctz(goals)];
        if (v->s->satisfaction[k] < g->amount + 12)
            per_point += 60 * (g->amount + 12 - v->s->satisfaction[k]);
    }
    return v->greedy ? per_point / 2 : per_point;
}

static void weigh_effects(hv_bot_view *v, const int32_t *staff, const int32_t *workers,
                          const int64_t *morale)
{
    const hv_rules *r = v->r;
    v->tension_w = hv_bot_tension_weight(v, v->tension);
    v->class_w = hv_bot_tension_weight(v, v->class_tension);
    v->staff_w = morale_weight(v, v->staff);
    v->workers_w = morale_weight(v, v->workers);
    memset(v->faction_w, 0, sizeof v->faction_w);
    int64_t up = 0, rise_at[12] = {0}; /* w by the fewest points that lift a mood, 1..10 */
    int below = 0;
    for (int32_t k = 0; k < r->sponsor_count; k++) {
        int64_t w = v->point_w[k] = point_worth(v, k);
        v->points_w += w;
        v->pay_w[k] = v->d->bot_agenda_pay[k] * w;
        int32_t f = v->d->bot_sponsor_faction[k];
        v->faction_w[f] += w;
        int32_t n = staff[f] + workers[f];
        if (n && w) { /* a sponsor whose satisfaction is worth nothing moves nothing */
            struct hv_bot_nation *h = &v->heard[v->heard_count++];
            h->sponsor = k;
            h->staff = staff[f];
            h->workers = workers[f];
            h->people = n;
            h->mean = morale[f] / n;
            h->mood = hv_sponsor_mood(h->mean);
            /* Outside the bands looked up: always weighed. */
            h->low = h->high = 0;
            if (h->mean >= 0 && h->mean <= 100) {
                h->low = (v->d->bot_mood_lo[h->mean] - h->mean - 1) * h->people;
                h->high = (v->d->bot_mood_hi[h->mean] - h->mean + 1) * h->people;
            }
            if (h->mood < 2) {
                up += w;
                int32_t lift = h->mean >= 0 && h->mean <= 100
                                   ? v->d->bot_mood_hi[h->mean] - (int32_t)h->mean + 1
                                   : 1; /* outside the bands looked up: any rise may lift it */
                rise_at[lift < 11 ? lift : 11] += w;
            }
            below |= w < 0;
        }
    }
    v->mood_up = below ? -1 : v->greedy ? up / 2 : up; /* as mood_worth halves */
    /* Read only when no w is below 0: the sums are not negative, and halve by a shift. */
    int64_t lifted = 0;
    for (int32_t t = 1, halve = v->greedy != 0; t <= 10; t++) {
        lifted += rise_at[t];
        v->mood_up_at[t] = lifted >> halve;
    }
    v->horizon = v->weeks_left < 12 ? v->weeks_left : 12;
    int32_t over = (v->tension > v->class_tension ? v->tension : v->class_tension) -
                   (r->society.incident_at - 10);
    v->incident_w = over > 0 && !v->greedy ? (int64_t)over * 4 : 0;
    v->joint_w =
        v->tension > 10 ? (int64_t)r->society.joint_work * v->tension_w * v->horizon / 2 : 0;
}

/* ---- module types ------------------------------------------------------ */

/* Power a type gives in the coming week under today's dust. */
static int32_t power_now(const hv_bot_view *v, const hv_module_type *mt)
{
    if (mt->power <= 0)
        return 0;
    return (int32_t)hv_power_output(v->s, mt, v->s->turn + 1);
}

/* What a type gives beyond its recipe: iridium, flights, care, order and
 * rest (none of it for most types: the rules' bot_plain). */
static int64_t extras(const hv_bot_view *v, const hv_module_type *mt, int starved)
{
    const hv_state *s = v->s;
    const hv_society *soc = &v->r->society;
    int64_t value = 0;
    if (mt->output[HV_RES_IRIDIUM] > 0 && !starved)
        value += v->greedy ? 3000 : 300;
    if (mt->spaceport > 0) {
        value += v->far ? (v->greedy ? 2000 : 400) : 0;
    }
    if (mt->medical > 0 && !v->greedy) {
        int64_t lost = s->person_count ? 100 - v->health / s->person_count : 0;
        value += 120 + lost * s->person_count * 4;
    }
    int32_t worst = v->tension > v->class_tension ? v->tension : v->class_tension;
    if (mt->security > 0 && !v->greedy)
        value += worst > soc->incident_at - 10 ? 700 : 10;
    if (mt->recreation > 0 && !v->greedy)
        value += worst > soc->incident_at - 20 || v->min_satisfaction < 60 ? 500 : 60;
    return value;
}

/* hv_bot_type_value of each module type of TYPES (bits), into OUT: a
 * week weighs several at once. */
static void type_values(const hv_bot_view *v, uint32_t types, int32_t *out)
{
    const hv_state *s = v->s;
    const hv_rules_derived *d = v->d;
    uint32_t plain = d->bot_plain, scarce = v->scarce;
    for (; types; types &= types - 1) {
        int32_t type = __builtin_ctz(types);
        const hv_module_type *mt = &v->r->module_types[type];
        const int64_t *made = d->bot_made[type];
        int64_t value = 0;
        if (power_now(v, mt) > 0)
            value += s->power_demand > s->power_supply ? 2500 : 700;
        /* A recipe whose input nothing makes, no rock in reach holds and the
         * stores cannot feed for long makes nothing worth having. */
        int starved = 0;
        for (uint32_t bits = d->uses[type] & scarce; bits; bits &= bits - 1) {
            int res = __builtin_ctz(bits);
            starved |= mt->input[res] > 0 && s->stock[res] < 8 * mt->input[res]; /* scarce */
        }
        /* What its recipe is worth in a week, against the wages of its crew. */
        for (uint32_t bits = starved ? 0 : d->nets[type]; bits; bits &= bits - 1) {
            int res = __builtin_ctz(bits); /* made is never 0 here (nets) */
            value += made[res] * v->worth[res] / 100 + (made[res] > 0 ? v->rise[res] : v->fall[res]);
        }
        if (!(plain >> type & 1u))
            value += extras(v, mt, starved);
        out[type] = (int32_t)(value > 100000 ? 100000 : value < -100000 ? -100000 : value);
    }
}

int64_t hv_bot_types_bound(const hv_bot_view *v, uint32_t types)
{
    const hv_state *s = v->s;
    const hv_rules_derived *d = v->d;
    /* type_values' parts, each at its most over TYPES: power; the recipe,
     * at the most any module type makes of each resource it may make
     * (worths are never below 0, so what a recipe uses adds nothing above
     * 0, and neither does being starved); the extras, as if none were
     * starved. */
    int64_t bound = types & d->bot_power ? (s->power_demand > s->power_supply ? 2500 : 700) : 0;
    for (int res = 0; res < HV_RES_COUNT; res++)
        if (types & d->bot_gains[res])
            bound += d->bot_most[res] * v->worth[res] / 100 + v->rise[res];
    if (!(types & ~d->bot_plain))
        return bound;
    if (types & d->bot_iridium)
        bound += v->greedy ? 3000 : 300;
    if (types & d->bot_port)
        bound += v->greedy ? 2000 : 400;
    if (!v->greedy) {
        if (types & d->bot_medical) {
            int64_t lost = s->person_count ? 100 - v->health / s->person_count : 0;
            bound += 120 + lost * s->person_count * 4;
        }
        bound += types & d->bot_security ? 700 : 0;
        bound += types & d->bot_recreation ? 500 : 0;
    }
    return bound;
}

int32_t hv_bot_type_value(const hv_bot_view *v, int32_t type)
{
    int32_t out[HV_MAX_MODULE_TYPES];
    type_values(v, 1u << type, out);
    return out[type];
}

void hv_bot_value_types(hv_bot_view *v, uint32_t types)
{
    type_values(v, types & ~v->valued, v->type_value);
    v->valued |= types;
}
