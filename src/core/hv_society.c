/* Phase 8: morale, tension between nations and between classes, incidents
 * when tension runs high, riots in the making and sponsors' satisfaction;
 * and the helpers policies and events use to move them (an event's whole
 * effect is applied in hv_politics.c). */
#include <stddef.h>
#include <string.h>

#include "hv_phase.h"
#include "hv_turn.h"

#define PAIR(a, b) ((a)*16 + (b))

uint32_t hv_factions_present(const hv_state *s)
{
    return s->kept.nations;
}

void hv_policy_total(const hv_state *s, hv_effect *out)
{
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(s->rules, &scratch);
    memset(out, 0, sizeof *out);
    /* The plain figures summed a group of lanes at a time (the derived
     * option_figures), in locals the stores to OUT cannot touch; the
     * tables (rarely named) straight into OUT. */
    hv_lanes sum[3] = {{0}};
    int32_t joint = 0;
    for (int32_t i = 0; i < s->rules->policy_count; i++) {
        /* Most options name no resource, pair of nations or sponsor: their
         * tables add nothing; many add nothing at all. */
        int32_t o = s->policy[i];
        uint32_t names = d->options[i][o];
        if (!names)
            continue;
        const int32_t *figures = d->option_figures[i][o];
        for (int32_t q = 0; q < 3; q++) {
            hv_lanes add;
            memcpy(&add, figures + 4 * q, sizeof add);
            sum[q] += add;
        }
        joint |= d->option_joint[i][o];
        if (!(names & (HV_OPTION_RESOURCES | HV_OPTION_PAIRS | HV_OPTION_SPONSORS)))
            continue;
        const hv_effect *e = &s->rules->policies[i].options[o].effect;
        for (int r = 0; r < HV_RES_COUNT && (names & HV_OPTION_RESOURCES); r++)
            out->resources[r] += e->resources[r];
        if (names & HV_OPTION_PAIRS) /* hv_by_pair_add but its `all`, in the lanes */
            for (int32_t a = 0; a < HV_MAX_FACTIONS; a++)
                for (int32_t b = 0; b < HV_MAX_FACTIONS; b++)
                    out->tension.by[a][b] =
                        (int8_t)hv_clamp(out->tension.by[a][b] + e->tension.by[a][b], -100, 100);
        if (names & HV_OPTION_SPONSORS) /* hv_by_faction_add, in line */
            for (int32_t f = 0; f < HV_MAX_FACTIONS; f++)
                out->satisfaction.by[f] =
                    (int16_t)(out->satisfaction.by[f] + e->satisfaction.by[f]);
    }
    int32_t figures[12];
    memcpy(figures, sum, sizeof figures);
    out->morale_staff = figures[HV_FIGURE_STAFF];
    out->morale_workers = figures[HV_FIGURE_WORKERS];
    out->tension.all = figures[HV_FIGURE_PAIRS];
    out->class_tension = figures[HV_FIGURE_CLASS];
    out->satisfaction.all = figures[HV_FIGURE_SPONSORS];
    out->output_pct = hv_clamp(figures[HV_FIGURE_OUTPUT], -90, 200);
    out->ration_pct = hv_clamp(figures[HV_FIGURE_RATION], -90, 200);
    out->pay_pct = hv_clamp(figures[HV_FIGURE_PAY], -100, 500);
    out->incident_pct = hv_clamp(figures[HV_FIGURE_INCIDENT], -100, 500);
    out->capture_pm = figures[HV_FIGURE_CAPTURE];
    out->joint = joint;
}

void hv_tension_add(hv_state *s, hv_report *report, int32_t a, int32_t b, int32_t delta,
                    hv_cause cause)
{
    int32_t v = hv_clamp(s->tension[a][b] + delta, 0, 100);
    if (a == b || v == s->tension[a][b]) /* a nation has no tension with itself */
        return;
    hv_emit(report, s, HV_EV_TENSION, cause, PAIR(a, b), -1, v - s->tension[a][b], v);
    s->tension[a][b] = s->tension[b][a] = v;
}

void hv_class_tension_add(hv_state *s, hv_report *report, int32_t delta, hv_cause cause)
{
    int32_t v = hv_clamp(s->class_tension + delta, 0, 100);
    if (v == s->class_tension)
        return;
    hv_emit(report, s, HV_EV_TENSION, cause, -1, -1, v - s->class_tension, v);
    s->class_tension = v;
}

void hv_satisfaction_add(hv_state *s, hv_report *report, int32_t i, int32_t delta, hv_cause cause)
{
    int32_t v = hv_clamp(s->satisfaction[i] + delta, 0, 100);
    if (v == s->satisfaction[i])
        return;
    hv_emit(report, s, HV_EV_SATISFACTION, cause, i, -1, v - s->satisfaction[i], v);
    s->satisfaction[i] = v;
}

/* ---- lanes: nations side by side, sixteen bits each ------------------- */

#if defined(__SSE2__)
/* D limited to -100..100: a step of it moves a tension of 0..100 the same
 * (clamped to 0..100), and it fits, added, in 16 bits. */
static inline __m128i lanes_step(int32_t d)
{
    return _mm_set1_epi16((int16_t)hv_clamp(d, -100, 100));
}

/* T + D clamped to 0..100, lane by lane. */
static inline __m128i lanes_move(__m128i t, __m128i d)
{
    return _mm_min_epi16(_mm_max_epi16(_mm_add_epi16(t, d), _mm_setzero_si128()),
                         _mm_set1_epi16(100));
}

/* Stores lanes T of nations 8V.. into ROW, as hv_lanes16_row read them. */
static inline void lanes_row_store(int32_t *row, int32_t v, __m128i t)
{
    _mm_storeu_si128((__m128i *)(row + 8 * v), _mm_unpacklo_epi16(t, _mm_setzero_si128()));
    if (!v)
        _mm_storeu_si128((__m128i *)(row + 4), _mm_unpackhi_epi16(t, _mm_setzero_si128()));
}

/* The bytes of nations 8V.. of a row of bytes, as hv_lanes16_row reads a row. */
static inline __m128i lanes_bytes(const void *bytes, int32_t v)
{
    if (!v)
        return _mm_loadl_epi64((const __m128i *)bytes);
    int32_t four;
    memcpy(&four, (const uint8_t *)bytes + 8, sizeof four);
    return _mm_cvtsi32_si128(four);
}

#endif

/* ---- morale ------------------------------------------------------------ */

/* Where morale settles under POLICY with the week's RECREATION from
 * running modules, before traits: by class (staff 0, workers 1) and nation,
 * into BASE. Everyone of a class and nation shares it. */
static void morale_bases(const hv_state *s, const hv_effect *policy, int32_t recreation,
                         uint32_t present, int32_t base[2][HV_MAX_FACTIONS])
{
    const hv_society *soc = &s->rules->society;
    int32_t shortages = 0;
    for (uint32_t m = (uint32_t)s->shortage_mask; m; m &= m - 1)
        shortages++;
    int32_t common = soc->base_morale + (recreation > 15 ? 15 : recreation) - 15 * shortages;
    int32_t staff = common + policy->morale_staff;
    int32_t workers = common - (s->class_tension / 4 + soc->worker_morale) + policy->morale_workers;
    /* Each nation's worst tension with another present. The table is
     * symmetric, never below 0 and 0 on its diagonal (hv_state_check), so
     * the highest in a present nation's column over the rows of the
     * nations present is the highest in its row over their columns: the
     * rows taken lane by lane, with nothing to mask. Only the nations
     * present have anyone to read their bases; the others' are left as
     * they fall. */
#if defined(__SSE2__)
    /* Sixteen bits a lane (tension is 0..100), eight nations a vector. */
    __m128i low = _mm_setzero_si128(), high = low, zero = low;
    int wide = present >> 8 != 0;
    for (uint32_t x = present; x; x &= x - 1) {
        const int32_t *row = s->tension[__builtin_ctz(x)];
        low = _mm_max_epi16(low, hv_lanes16_row(row, 0));
        if (wide)
            high = _mm_max_epi16(high, hv_lanes16_row(row, 1));
    }
    /* worst / 4 (worst is 0..100) for nations 0..3, 4..7 and 8..11 */
    __m128i quarter[3] = {_mm_srli_epi32(_mm_unpacklo_epi16(low, zero), 2),
                          _mm_srli_epi32(_mm_unpackhi_epi16(low, zero), 2),
                          _mm_srli_epi32(_mm_unpacklo_epi16(high, zero), 2)};
    __m128i staff_v = _mm_set1_epi32(staff), workers_v = _mm_set1_epi32(workers);
    for (int32_t q = 0; q < 3; q++) {
        _mm_storeu_si128((__m128i *)(base[0] + 4 * q), _mm_sub_epi32(staff_v, quarter[q]));
        _mm_storeu_si128((__m128i *)(base[1] + 4 * q), _mm_sub_epi32(workers_v, quarter[q]));
    }
#else
    hv_lanes most[HV_LANE_GROUPS] = {{0}};
    for (uint32_t x = present; x; x &= x - 1)
        for (int32_t q = 0; q < HV_LANE_GROUPS; q++) {
            hv_lanes t;
            memcpy(&t, s->tension[__builtin_ctz(x)] + 4 * q, sizeof t);
            hv_lanes above = t > most[q];
            most[q] = (t & above) | (most[q] & ~above);
        }
    int32_t worst[HV_MAX_FACTIONS];
    memcpy(worst, most, sizeof worst);
    for (uint32_t x = present; x; x &= x - 1) {
        int32_t f = __builtin_ctz(x), quarter = worst[f] >> 2; /* worst / 4 */
        base[0][f] = staff - quarter;
        base[1][f] = workers - quarter;
    }
#endif
}

void hv_morale_targets(const hv_state *s, const hv_effect *policy, int32_t *out)
{
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(s->rules, &scratch);
    int32_t base[2][HV_MAX_FACTIONS];
    morale_bases(s, policy,
                 (int32_t)hv_state_running_bonus(s, offsetof(hv_module_type, recreation)),
                 hv_factions_present(s), base);
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        out[i] = hv_clamp(
            base[d->worker_roles >> p->role & 1u][p->faction] + d->trait_morale[p->trait], 0, 100);
    }
}

/* What settle_morale tallies over the people, in locals the stores to the
 * people cannot touch. */
typedef struct settle_tally {
    int64_t sum[HV_MAX_FACTIONS], class_sum[2];
    int32_t count[HV_MAX_FACTIONS], class_count[2];
    uint8_t together[HV_MAX_FACTIONS][HV_MAX_FACTIONS];
    int64_t moved, strain;
    int32_t hazards;
} settle_tally;

/* The pass over the people of settle_morale, into T and G's hazards;
 * DENSE (a constant where it is called, so each case gets its own loop)
 * when every module's id is the first's plus its index. */
static inline __attribute__((always_inline)) void
settle_people(hv_state *s, const hv_rules_derived *d, int32_t base[2][HV_MAX_FACTIONS],
              int32_t output, int dense, uint32_t *crews, settle_tally *t, hv_morale_tally *g)
{
    int32_t modules = s->module_count, first_id = s->modules[0].id;
    const uint8_t *role_worker = d->role_worker;
    const int8_t *morale_step = d->morale_step + 100;
    int32_t full = output == 100;
    int64_t moved = 0, strain = 0;
    int32_t hazards = 0, people = s->person_count; /* nobody leaves in the loop */
    for (int32_t i = 0; i < people; i++) {
        hv_person *p = &s->people[i];
        int32_t f = p->faction, trait = p->trait, morale = p->morale, loyalty = p->loyalty;
        uint32_t worker = role_worker[p->role];
        int32_t target = hv_clamp(base[worker][f] + d->trait_morale[trait], 0, 100);
        /* Loyalty follows mood slowly, a point a week. */
        int32_t stand = hv_clamp(morale + d->trait_loyalty[trait], 0, 100);
        p->loyalty = hv_clamp(stand, loyalty - 1, loyalty + 1);
        /* A quarter of the way each week, at least one point; morale and
         * target are both 0..100. */
        int32_t step = morale_step[target - morale];
        morale += step;
        p->morale = morale;
        moved += step;
        if (p->strike > 0)
            p->strike--;
        t->sum[f] += morale;
        t->count[f]++;
        t->class_sum[worker] += morale;
        t->class_count[worker]++;
        int32_t id = p->module;
        if (!id)
            continue;
        /* hv_state_module_index, its usual guess first */
        int32_t at = id - first_id;
        if (!dense && (at < 0 || at >= modules || s->modules[at].id != id))
            at = hv_state_module_index(s, id);
        uint32_t had = crews[at];
        if (!(had >> f & 1u)) {
            /* F joins each nation already in the crew in one more module. */
            crews[at] = had | 1u << f;
            for (; had; had &= had - 1) {
                int32_t o = __builtin_ctz(had);
                if (t->together[f][o] < 3)
                    t->together[f][o] = t->together[o][f] = (uint8_t)(t->together[f][o] + 1);
            }
        }
        const hv_module *m = &s->modules[at];
        if (!worker || !hv_module_running(m) || !m->powered)
            continue;
        /* Longer shifts wear more, shorter ones less (at full output the
         * work is the strain); some bear it better. Work without strain
         * adds nothing. */
        int32_t type = m->type, type_strain = d->type_strain[type];
        if (type_strain) {
            int64_t work = full ? type_strain : (int64_t)type_strain * output / 100;
            int32_t bear = d->trait_strain_pct[trait];
            strain += bear ? work * (100 + bear) / 100 : work;
        }
        if (d->type_hazard[type]) {
            g->hazard_who[hazards] = i;
            g->hazard_pm[hazards++] = d->type_hazard[type];
        }
    }
    t->moved = moved;
    t->strain = strain;
    t->hazards = hazards;
}

/* Moves everyone's morale a step toward its target, and loyalty toward
 * their mood; tallies into G, in the same pass, the settled morale, the
 * nations working together and the strain and hazards of the work. */
static void settle_morale(hv_state *s, hv_report *report, const hv_week *w, uint32_t present,
                          hv_morale_tally *g)
{
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(s->rules, &scratch);
    int32_t base[2][HV_MAX_FACTIONS];
    morale_bases(s, w->in_force, (int32_t)w->recreation, present, base);
    settle_tally t;
    memset(&t, 0, sizeof t);
    /* A bit per nation in each module's crew. */
    uint32_t crews[HV_MAX_MODULES];
    int32_t modules = s->module_count, first_id = s->modules[0].id;
    memset(crews, 0, (size_t)modules * sizeof crews[0]);
    int32_t output = 100 + w->in_force->output_pct;
    /* Ids ascend through the modules: when the last is as far from the
     * first as its place, each module's id is first_id + its index. */
    if (modules > 0 && s->modules[modules - 1].id - first_id == modules - 1)
        settle_people(s, d, base, output, 1, crews, &t, g);
    else
        settle_people(s, d, base, output, 0, crews, &t, g);
    memcpy(g->sum, t.sum, sizeof t.sum);
    memcpy(g->count, t.count, sizeof t.count);
    memcpy(g->class_sum, t.class_sum, sizeof t.class_sum);
    memcpy(g->class_count, t.class_count, sizeof t.class_count);
    memcpy(g->together, t.together, sizeof t.together);
    g->nations = 0;
    g->strain = t.strain;
    g->hazard_count = t.hazards;
    if (t.moved && s->person_count)
        hv_emit(report, s, HV_EV_MORALE, HV_CAUSE_MORALE, -1, -1, t.moved * 1000 / s->person_count,
                0);
}

/* ---- tension ----------------------------------------------------------- */

static int32_t gap_tension(const hv_rules_derived *d, const hv_society *soc, int64_t sa, int32_t na,
                           int64_t sb, int32_t nb)
{
    if (na == 0 || nb == 0)
        return 0;
    int64_t gap = hv_mean_of(d, sa, na) - hv_mean_of(d, sb, nb);
    gap = gap < 0 ? -gap : gap;
    return (int32_t)(gap / 10) * soc->gap_tension;
}

/* hv_tension_add on the pair A, B (A < B) whose tension stands at T,
 * reported the same; returns the new tension, which the caller stores. */
static int32_t pair_step(const hv_state *s, hv_report *report, int32_t a, int32_t b, int32_t t,
                         int32_t delta, hv_cause cause)
{
    if (!delta)
        return t;
    int32_t v = hv_clamp(t + delta, 0, 100);
    if (report && v != t) /* most weeks are played without a report */
        hv_emit_add(report, s, HV_EV_TENSION, cause, PAIR(a, b), -1, v - t, v);
    return v;
}

#if defined(__SSE2__)
/* A week's steps of tension, as lanes: the same in every pair. */
typedef struct week_lanes {
    __m128i all, shortage, gap, joint, calm, decay;
    /* 1 when shortage and gap are 0 or above, joint, calm and decay 0
     * or below (as the rules' bounds keep them) */
    int signed_steps;
} week_lanes;

/* Moves the lanes of nations 8V.. of row A of the tension table (MEAN_A
 * its nation's mean morale in every lane) where KEEP has all ones, the
 * partners of A in PARTNERS; returns them, and 0 in the other lanes. */
static inline __m128i row_lanes(hv_state *s, const hv_effect *policy, const hv_morale_tally *gm,
                                const int16_t mean[16], const week_lanes *k, int32_t a, int32_t v,
                                __m128i keep, __m128i partners, __m128i mean_a)
{
    int32_t *row = s->tension[a];
    __m128i zero = _mm_setzero_si128();
    __m128i old = hv_lanes16_row(row, v);
    __m128i named = lanes_bytes(policy->tension.by[a], v);
    named = _mm_srai_epi16(_mm_unpacklo_epi8(named, named), 8);
    __m128i together = _mm_unpacklo_epi8(lanes_bytes(gm->together[a], v), zero);
    __m128i mean_b = _mm_loadu_si128((const __m128i *)(mean + 8 * v));
    __m128i gap = _mm_max_epi16(_mm_sub_epi16(mean_a, mean_b), _mm_sub_epi16(mean_b, mean_a));
    /* G * 6554 >> 16 is G / 10 for G of 0..100. */
    __m128i tens = _mm_mulhi_epu16(gap, _mm_set1_epi16(6554));
    __m128i t = lanes_move(old, _mm_add_epi16(k->all, named));
    if (k->signed_steps) {
        /* Shortage and inequality push, joint work, partners and calm
         * ease: steps of one sign, each clamped to 0..100 in turn, end
         * where their sum clamped does, and only the bound they head
         * for can be reached (the lanes hold sums of steps of 100 or
         * less, times 10 at most). */
        __m128i push = _mm_add_epi16(k->shortage, _mm_mullo_epi16(tens, k->gap));
        __m128i ease = _mm_add_epi16(_mm_mullo_epi16(k->joint, together),
                                     _mm_add_epi16(_mm_and_si128(partners, k->calm), k->decay));
        t = _mm_min_epi16(_mm_add_epi16(t, push), _mm_set1_epi16(100));
        t = _mm_max_epi16(_mm_add_epi16(t, ease), zero);
    } else {
        t = lanes_move(t, k->shortage);
        t = lanes_move(t, _mm_mullo_epi16(tens, k->gap));
        t = lanes_move(t, _mm_mullo_epi16(k->joint, together));
        t = lanes_move(t, _mm_and_si128(partners, k->calm));
        t = lanes_move(t, k->decay);
    }
    t = _mm_and_si128(keep, t);
    lanes_row_store(row, v, _mm_or_si128(t, _mm_andnot_si128(keep, old)));
    return t;
}

/* The pair loop of move_tension without a report, eight nations to a
 * vector of 16-bit lanes: each pair's steps in the same order, each
 * clamped to 0..100. Every step is symmetric (the policy's pairs, the
 * joint crews and the partners are kept both ways round, as tension is),
 * so each row is moved over all the nations present but its own and
 * needs no mirror. MEAN holds the nations' mean morale. Returns the
 * highest tension among the nations present. */
static int32_t pairs_quietly(hv_state *s, const hv_effect *policy, uint32_t present,
                             const hv_morale_tally *gm, const int16_t mean[16], int32_t shortage,
                             int32_t joint, int32_t gap_pts, int32_t partner_calm, int32_t decay)
{
    /* A policy's pair is all + by (by within -127..127): all limited to
     * -300..300 moves the sum the same. Products of a step limited to
     * -100..100 and 0..10 (the gap's tens) or 0..3 (joint modules) move
     * it the same as of the whole step. */
    week_lanes k = {
        .all = _mm_set1_epi16((int16_t)hv_clamp(policy->tension.all, -300, 300)),
        .shortage = lanes_step(shortage),
        .gap = lanes_step(gap_pts),
        .joint = lanes_step(-hv_clamp(joint, -100, 100)),
        .calm = lanes_step(partner_calm),
        .decay = lanes_step(decay),
        .signed_steps =
            shortage >= 0 && gap_pts >= 0 && joint >= 0 && partner_calm <= 0 && decay <= 0,
    };
    __m128i worst = _mm_setzero_si128();
    for (uint32_t x = present; x; x &= x - 1) {
        int32_t a = __builtin_ctz(x);
        uint32_t others = present & ~(1u << a), partners = s->partners[a];
        __m128i mean_a = _mm_set1_epi16(mean[a]);
        worst =
            _mm_max_epi16(worst, row_lanes(s, policy, gm, mean, &k, a, 0, hv_lanes16_of(others, 0),
                                           hv_lanes16_of(partners, 0), mean_a));
        if (present >> 8)
            worst = _mm_max_epi16(worst,
                                  row_lanes(s, policy, gm, mean, &k, a, 1, hv_lanes16_of(others, 1),
                                            hv_lanes16_of(partners, 1), mean_a));
    }
    return hv_lanes16_top(worst);
}
#endif

/* Moves the tension between each pair of nations present and between the
 * classes; leaves in GM the highest between nations present. */
static void move_tension(hv_state *s, hv_report *report, const hv_effect *policy, uint32_t present,
                         hv_morale_tally *gm)
{
    const hv_rules *rules = s->rules;
    const hv_society *soc = &rules->society;
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(rules, &scratch);
    int32_t shortage = s->shortage_mask ? soc->shortage_tension : 0;
    int32_t joint = soc->joint_work * (policy->joint ? 2 : 1);
    int32_t gap_tension_pts = soc->gap_tension, partner_calm = -soc->partner_calm;
    int32_t decay = -soc->tension_decay, all = policy->tension.all;
    /* Whether every cause but the policy and inequality only eases: a pair
     * at 0 that neither of those two pushes then stays at 0. */
    int easing = shortage <= 0 && joint >= 0 && partner_calm <= 0 && decay <= 0;
    /* Each nation's mean morale, as gap_tension would divide it per pair;
     * a nation present has someone to count. */
    int64_t mean[HV_MAX_FACTIONS];
    int32_t nation[HV_MAX_FACTIONS], n = 0;
    int16_t lanes[16] = {0}; /* the same by nation, 0..100, for pairs_quietly */
    for (uint32_t x = present; x; x &= x - 1) {
        int32_t a = __builtin_ctz(x);
        mean[n] = gm->mean[a] = hv_mean_of(d, gm->sum[a], gm->count[a]);
        lanes[a] = (int16_t)mean[n];
        nation[n++] = a;
    }
    int32_t worst = 0;
#if defined(__SSE2__)
    if (!report) {
        worst = pairs_quietly(s, policy, present, gm, lanes, shortage, joint, gap_tension_pts,
                              partner_calm, decay);
        n = 0; /* every pair moved */
    }
#else
    (void)lanes;
#endif
    for (int32_t i = 0; i < n; i++) {
        int32_t a = nation[i];
        int32_t *row = s->tension[a];
        const int8_t *named = policy->tension.by[a];
        const uint8_t *together = gm->together[a];
        uint32_t partners = s->partners[a];
        int64_t mean_a = mean[i];
        for (int32_t j = i + 1; j < n; j++) {
            int32_t b = nation[j];
            /* Each cause on its own, in this order, so the report can name it. */
            int64_t gap = mean_a > mean[j] ? mean_a - mean[j] : mean[j] - mean_a;
            int32_t t = row[b], pushed = all + named[b];
            int32_t unequal = (int32_t)(gap / 10) * gap_tension_pts;
            if (t == 0 && easing && pushed <= 0 && unequal <= 0)
                continue; /* stays at 0 both ways round, nothing to report */
            t = pair_step(s, report, a, b, t, pushed, HV_CAUSE_POLICY);
            t = pair_step(s, report, a, b, t, shortage, HV_CAUSE_SHORTAGE);
            t = pair_step(s, report, a, b, t, unequal, HV_CAUSE_INEQUALITY);
            t = pair_step(s, report, a, b, t, -joint * together[b], HV_CAUSE_JOINT_WORK);
            if (partners >> b & 1u)
                t = pair_step(s, report, a, b, t, partner_calm, HV_CAUSE_PARTNERS);
            t = pair_step(s, report, a, b, t, decay, HV_CAUSE_CALM);
            row[b] = s->tension[b][a] = t;
            worst = t > worst ? t : worst;
        }
    }
    gm->nations = worst;
    if (gm->class_count[HV_CLASS_WORKER] == 0)
        return;
    hv_class_tension_add(s, report, policy->class_tension, HV_CAUSE_POLICY);
    hv_class_tension_add(s, report, shortage, HV_CAUSE_SHORTAGE);
    hv_class_tension_add(s, report,
                         gap_tension(d, soc, gm->class_sum[0], gm->class_count[0], gm->class_sum[1],
                                     gm->class_count[1]),
                         HV_CAUSE_INEQUALITY);
    hv_class_tension_add(s, report, -soc->tension_decay, HV_CAUSE_CALM);
}

/* ---- the phase --------------------------------------------------------- */
int32_t hv_week_society(hv_state *s, hv_report *report, const hv_week *w)
{
    uint32_t present = hv_factions_present(s);
    hv_morale_tally g;
    settle_morale(s, report, w, present, &g);
    move_tension(s, report, w->in_force, present, &g);
    hv_unrest_work(s, report, &g);
    int32_t incidents = s->incidents, riots = s->riots;
    present = hv_unrest_incidents(s, report, w, present, g.nations);
    /* Only an incident moves the nations or their tension after it settled. */
    int32_t nations = s->incidents == incidents ? g.nations : hv_state_tension_among(s, present);
    int32_t tension = hv_unrest_riot(s, report, nations);
    /* Without an incident or a riot nobody's morale or place moved since
     * it settled: the sponsors read the tally. */
    int calm = s->incidents == incidents && s->riots == riots;
    /* The sponsors move neither tension nor people. */
    hv_politics_week(s, report, w->in_force, tension, calm ? &g : NULL);
    return tension;
}

void hv_phase_society(hv_state *s, hv_report *report)
{
    hv_week w;
    hv_week_measure(s, &w);
    hv_week_society(s, report, &w);
}
