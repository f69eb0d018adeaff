/* hv_phase: helpers the turn phases share (hv_turn.c, hv_apply.c,
 * hv_society.c, hv_missions.c, hv_events.c). Internal to hv_core. */
#ifndef HV_PHASE_H
#define HV_PHASE_H

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "hv_event.h"
#include "hv_state.h"

/* What the week's phases read more than once, measured once by
 * hv_end_turn as power is handed out: the policies in force (only orders
 * change them, and they come first) and what running, powered modules
 * give. Power is settled in phase 2, and modules break only through
 * events, incidents and riots, which come after every phase that reads
 * these. */
typedef struct hv_week {
    /* The policies in force (hv_policy_total): POLICY, or the sum the
     * state keeps (hv_state.policy_sum), read where it stands. */
    const hv_effect *in_force;
    hv_effect policy;
    int64_t beds, medical, recreation, security;
    int64_t upkeep; /* of every module placed; only orders place and demolish them */
    /* Running modules with a recipe that were given power, by index (one
     * shed later has powered 0 again). */
    int32_t recipe_count;
    int32_t recipes[HV_MAX_MODULES];
    /* Modules going up or broken, by index: all construction and repairs
     * look at (nothing between power and them builds or breaks one). */
    int32_t idle_count;
    int32_t idle[HV_MAX_MODULES];
} hv_week;

/* Measures W for S as it stands now. */
void hv_week_measure(const hv_state *s, hv_week *w);
/* Phases 3, 4, 7 and 8 on the week's measures; the hv_phase_* functions
 * of hv_turn.h measure them first. */
void hv_week_production(hv_state *s, hv_report *report, const hv_week *w);
void hv_week_life_support(hv_state *s, hv_report *report, const hv_week *w);
void hv_week_economy(hv_state *s, hv_report *report, const hv_week *w);
/* The society phase returns the highest tension between nations present
 * as it leaves them (hv_state_nation_tension). */
int32_t hv_week_society(hv_state *s, hv_report *report, const hv_week *w);
/* Phase 9 with NATIONS the highest tension between nations present as it
 * starts, or -1 to look it up when something reads it. */
void hv_week_events(hv_state *s, hv_report *report, int32_t nations);
/* Phase 5 on the week's measures. */
void hv_week_construction(hv_state *s, hv_report *report, const hv_week *w);

/* Appends an event to REPORT, which is not NULL. */
void hv_emit_add(hv_report *report, const hv_state *s, hv_event_kind kind, hv_cause cause,
                 int32_t subject, int32_t resource, int64_t amount, int64_t value);
/* Appends an event to REPORT; with no report nothing is built, at the cost
 * of a test (most weeks are played without one). */
static inline void hv_emit(hv_report *report, const hv_state *s, hv_event_kind kind, hv_cause cause,
                           int32_t subject, int32_t resource, int64_t amount, int64_t value)
{
    if (report)
        hv_emit_add(report, s, kind, cause, subject, resource, amount, value);
}
/* Sets the story flags in SET and clears those in CLEAR, reporting each
 * flag that changes with CAUSE. */
void hv_flags_change(hv_state *s, hv_report *report, uint32_t set, uint32_t clear, hv_cause cause);
/* Changes a stock and reports it with its cause. */
static inline void hv_change_stock(hv_state *s, hv_report *report, int resource, int64_t amount,
                                   hv_cause cause, int32_t subject)
{
    if (amount == 0)
        return;
    s->stock[resource] += amount;
    hv_emit(report, s, HV_EV_RESOURCE, cause, subject, resource, amount, s->stock[resource]);
}
/* Takes P off the module it works in. */
void hv_unassign(hv_state *s, hv_person *p);
/* Removes everyone whose health reached 0, reporting each death with CAUSE. */
void hv_remove_dead(hv_state *s, hv_report *report, hv_cause cause, int32_t resource);
/* Removes person at INDEX from the base without a death (defection). */
void hv_remove_person(hv_state *s, int32_t index);
/* A module that is built and not broken. */
static inline int hv_module_running(const hv_module *m)
{
    return m->status == HV_MODULE_ACTIVE && m->broken == 0;
}
/* Whether module M is odd in the kept figures (hv_kept): anything but
 * running with every crew slot filled. */
static inline int hv_module_odd(const hv_state *s, const hv_module *m)
{
    return !hv_module_running(m) || m->crew != s->rules->module_types[m->type].crew_slots;
}
/* Marks module M odd or not, and dark or not, in S's kept figures, as its
 * status, broken, crew and powered now stand: call after changing any of
 * them. */
static inline void hv_kept_module(hv_state *s, const hv_module *m)
{
    int32_t i = (int32_t)(m - s->modules);
    uint64_t bit = 1ull << (i & 63), *odd = &s->kept.odd[i >> 6], *dark = &s->kept.dark[i >> 6];
    if (hv_module_odd(s, m)) {
        *odd |= bit;
        *dark &= ~bit;
    } else {
        *odd &= ~bit;
        *dark = m->powered ? *dark & ~bit : *dark | bit;
    }
}
/* Counts P in (N = 1) or out of (N = -1) S's kept figures of the people. */
static inline void hv_kept_person(hv_state *s, const hv_person *p, int32_t n)
{
    int32_t f = p->faction, *nation = s->kept.nation;
    s->kept.by_role[p->role] += n;
    nation[(s->rules->roles[p->role].klass == HV_CLASS_WORKER) * HV_MAX_FACTIONS + f] += n;
    s->kept.nations = nation[f] + nation[HV_MAX_FACTIONS + f] > 0 ? s->kept.nations | 1u << f
                                                                  : s->kept.nations & ~(1u << f);
}
/* Marks person P free (no module, not away) or not in S's kept figures:
 * call after changing P's module or away. */
static inline void hv_kept_free(hv_state *s, const hv_person *p)
{
    int32_t i = (int32_t)(p - s->people);
    uint64_t bit = 1ull << (i & 63), *word = &s->kept.free[i >> 6];
    *word = !(p->module | p->away) ? *word | bit : *word & ~bit;
}
/* Marks everyone from index FROM on free or not afresh in S's kept
 * figures: the people after one who left moved up a place. */
void hv_kept_free_from(hv_state *s, int32_t from);
/* 0 when S's kept figures match a recount of its modules and people, else -1 with
 * what differs written to WHY (part of hv_state_check). */
int hv_kept_check(const hv_state *s, char *why, size_t why_len);
/* Applies a one-off effect (an event or a choice). */
void hv_effect_apply(hv_state *s, hv_report *report, const hv_effect *e, hv_cause cause,
                     int32_t subject);
/* Adds DELTA to the tension between factions A and B, clamped, reported with CAUSE. */
void hv_tension_add(hv_state *s, hv_report *report, int32_t a, int32_t b, int32_t delta,
                    hv_cause cause);
/* Adds DELTA to the class tension, clamped, reported with CAUSE. */
void hv_class_tension_add(hv_state *s, hv_report *report, int32_t delta, hv_cause cause);
/* Adds DELTA to sponsor I's satisfaction, clamped, reported with CAUSE. */
void hv_satisfaction_add(hv_state *s, hv_report *report, int32_t i, int32_t delta, hv_cause cause);
/* Adds the amounts of E to SUM. */
void hv_by_faction_add(hv_by_faction *sum, const hv_by_faction *e);
/* Adds the amounts of E to SUM (each pair clamped to -100..100). */
void hv_by_pair_add(hv_by_pair *sum, const hv_by_pair *e);
/* The sponsor side of an effect: satisfaction, funding, partnerships, a vote. */
void hv_politics_apply(hv_state *s, hv_report *report, const hv_effect *e, hv_cause cause);
/* What the society phase sums of the people once morale has settled:
 * morale by nation and by class (staff 0, workers 1); then, from the same
 * pass over the people, what the later steps of the phase read. */
typedef struct hv_morale_tally {
    int64_t sum[HV_MAX_FACTIONS];
    int32_t count[HV_MAX_FACTIONS];
    int64_t mean[HV_MAX_FACTIONS]; /* sum / count of each nation present, once tension moved */
    int64_t class_sum[2];
    int32_t class_count[2];
    /* Modules each pair of nations staffs together (both ways round),
     * counted up to 3. */
    uint8_t together[HV_MAX_FACTIONS][HV_MAX_FACTIONS];
    int32_t nations; /* the highest tension between nations present, once it moved */
    /* The work: strain in hundredths of a point, before the week's cap,
     * and the workers at running, powered hazardous modules (index into
     * the people, in their order) with each module's hazard. */
    int64_t strain;
    int32_t hazard_count;
    int32_t hazard_who[HV_MAX_PEOPLE];
    int32_t hazard_pm[HV_MAX_PEOPLE];
} hv_morale_tally;

/* Sponsors' weekly satisfaction: their nationals' mood, policies and
 * agendas; TENSION is the highest between nations present now, TALLY the
 * people as they stand now, or NULL to count them. */
void hv_politics_week(hv_state *s, hv_report *report, const hv_effect *policy, int32_t tension,
                      const hv_morale_tally *tally);
/* Sponsors weigh where a captured rock was parked (EARTH: Earth orbit). */
void hv_politics_rock(hv_state *s, hv_report *report, int earth);
/* Puts module M out of action for WEEKS (or longer, if it already is). */
void hv_module_break(hv_state *s, hv_report *report, hv_module *m, int32_t weeks, hv_cause cause);
/* Strain and hazards of the week's work on the lower deck, as TALLY
 * found them. */
void hv_unrest_work(hv_state *s, hv_report *report, const hv_morale_tally *tally);
/* Incident rolls for every pair of nations of PRESENT, whose highest
 * tension is NATIONS, and for the classes; returns the nations present
 * after them. */
uint32_t hv_unrest_incidents(hv_state *s, hv_report *report, const hv_week *w, uint32_t present,
                             int32_t nations);
/* Counts the weeks at riot level, NATIONS the highest tension between
 * nations present; breaks out a riot when they are up. Returns the highest
 * tension between nations present after it. */
int32_t hv_unrest_riot(hv_state *s, hv_report *report, int32_t nations);
/* The person an event on SIDE is about: the least loyal there (the
 * lowest id among equals), or 0 when nobody is. Draws no dice. */
int32_t hv_unrest_actor(const hv_state *s, int32_t side);
/* The unrest side of an effect: strikes, sabotage, injuries, defection. */
void hv_unrest_apply(hv_state *s, hv_report *report, const hv_effect *e, hv_cause cause);
/* Fires event INDEX now (reported with CAUSE): its effect, and its choices
 * wait for an answer; nothing when it asks a question while another waits. */
void hv_event_fire(hv_state *s, hv_report *report, int32_t index, hv_cause cause);
/* Bit per faction with someone at the base. */
uint32_t hv_factions_present(const hv_state *s);
/* Clamps V into LO..HI. */
static inline int32_t hv_clamp(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Four int32 lanes, one vector register (GCC and Clang vectors): rows of
 * the tension table are read a group at a time. */
typedef int32_t hv_lanes __attribute__((vector_size(16)));
#define HV_LANE_GROUPS (HV_MAX_FACTIONS / 4)
_Static_assert(HV_MAX_FACTIONS % 4 == 0 &&
                   sizeof(hv_lanes[HV_LANE_GROUPS]) == sizeof(((hv_state *)0)->tension[0]),
               "a row of the tension table is whole groups of lanes");
/* Fills KEEP with all ones in the lanes of the nations in PRESENT. */
static inline void hv_lanes_keep(uint32_t present, hv_lanes keep[HV_LANE_GROUPS])
{
    int32_t all = (int32_t)present;
    hv_lanes everyone = {all, all, all, all}, nobody = {0, 0, 0, 0};
    for (int32_t q = 0; q < HV_LANE_GROUPS; q++) {
        hv_lanes bits = {1 << 4 * q, 2 << 4 * q, 4 << 4 * q, 8 << 4 * q};
        keep[q] = (bits & everyone) != nobody;
    }
}
/* MOST raised lane by lane to the entries of tension row ROW that KEEP
 * keeps (the others read 0), without a branch. */
static inline hv_lanes hv_lanes_most(hv_lanes most, const int32_t *row,
                                     const hv_lanes keep[HV_LANE_GROUPS])
{
    for (int32_t q = 0; q < HV_LANE_GROUPS; q++) {
        hv_lanes t;
        memcpy(&t, row + 4 * q, sizeof t);
        t &= keep[q];
        hv_lanes above = t > most;
        most = (t & above) | (most & ~above);
    }
    return most;
}
/* The highest of V's four lanes. */
static inline int32_t hv_lanes_top(hv_lanes v)
{
    int32_t top = v[0];
    for (int32_t k = 1; k < 4; k++)
        top = v[k] > top ? v[k] : top;
    return top;
}
#if defined(__SSE2__)
/* Nations side by side in sixteen-bit lanes (SSE2), eight to a vector:
 * nations 0..7 in vector 0, 8..11 in vector 1. */
_Static_assert(HV_MAX_FACTIONS == 12, "a row of nations is a vector of eight and one of four");
/* All ones in the lanes of vector V whose nation's bit MASK has. */
static inline __m128i hv_lanes16_of(uint32_t mask, int32_t v)
{
    __m128i bits = _mm_setr_epi16(1, 2, 4, 8, 16, 32, 64, 128);
    return _mm_cmpeq_epi16(_mm_and_si128(_mm_set1_epi16((int16_t)(mask >> 8 * v)), bits), bits);
}
/* Vector V of an int32 ROW of the tension table (0..100); the lanes past
 * the last nation read 0. */
static inline __m128i hv_lanes16_row(const int32_t *row, int32_t v)
{
    const __m128i *at = (const __m128i *)(row + 8 * v);
    return _mm_packs_epi32(_mm_loadu_si128(at), v ? _mm_setzero_si128() : _mm_loadu_si128(at + 1));
}
/* The highest of V's eight lanes, all of them 0 or above. */
static inline int32_t hv_lanes16_top(__m128i v)
{
    v = _mm_max_epi16(v, _mm_srli_si128(v, 8));
    v = _mm_max_epi16(v, _mm_srli_si128(v, 4));
    v = _mm_max_epi16(v, _mm_srli_si128(v, 2));
    return _mm_extract_epi16(v, 0);
}
#endif
/* Sets the iridium price to FINE hundredths, within its band, reporting a
 * move of the whole price with CAUSE. */
void hv_market_set(hv_state *s, hv_report *report, int64_t fine, hv_cause cause, int32_t subject);
/* Sells AMOUNT iridium on Earth now at SHARE_PCT of the market's pay (it
 * counts as exported and pleases the sponsors); returns the funds paid. */
int64_t hv_market_sell(hv_state *s, hv_report *report, int64_t amount, int32_t share_pct,
                       hv_cause cause, int32_t subject);
/* The week's swing and drift back toward the rules' price. */
void hv_market_week(hv_state *s, hv_report *report);
/* Moves the price by PCT percent (an event). */
void hv_market_shift(hv_state *s, hv_report *report, int32_t pct, hv_cause cause, int32_t subject);
/* The storyteller (hv_story.c). */
/* Fires event INDEX now (reported with CAUSE): its effect, its text in
 * turn, a question if it asks one. */
void hv_story_fire(hv_state *s, hv_report *report, int32_t index, hv_cause cause);
/* Whether event INDEX may fire now (repeat limit, one question at a time). */
int hv_story_may_fire(const hv_state *s, int32_t index);
/* Whether event INDEX's next text was last read at least the storyteller's
 * text_gap before the week AHEAD weeks from now. */
int hv_story_text_rested(const hv_state *s, int32_t index, int32_t ahead);
/* Promises event INDEX in WEEKS weeks, as a forecast or a follow-up. */
void hv_story_schedule(hv_state *s, hv_report *report, int32_t index, int32_t weeks, int forecast);
/* Fires the promised events that are due. */
void hv_story_due(hv_state *s, hv_report *report);
/* Perhaps draws one event from the pool, with the week's two draws. */
void hv_story_draw(hv_state *s, hv_report *report, int32_t roll, uint32_t pick);
/* hv_story_draw with NATIONS the highest tension between nations present
 * now, or -1 to look it up when something reads it. */
void hv_story_draw_known(hv_state *s, hv_report *report, int32_t roll, uint32_t pick,
                         int32_t nations);

/* Orders that belong to other phases' modules; each returns a rejection reason. */
hv_reject hv_order_policy(hv_state *s, hv_report *report, const hv_order *o);
hv_reject hv_order_survey(hv_state *s, hv_report *report, const hv_order *o);
hv_reject hv_order_capture(hv_state *s, hv_report *report, const hv_order *o);
hv_reject hv_order_export(hv_state *s, hv_report *report, const hv_order *o);
hv_reject hv_order_answer(hv_state *s, hv_report *report, const hv_order *o);
hv_reject hv_order_redirect(hv_state *s, hv_report *report, const hv_order *o);

#endif
