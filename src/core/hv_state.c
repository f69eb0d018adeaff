#include "hv_state.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "hv_hash.h"
#include "hv_phase.h"
#include "hv_turn.h"

/* Stream constant for the state's RNG: any fixed odd-making value works,
 * it only has to be the same everywhere. */
#define HV_RNG_STREAM 0x4856u
/* The players' stream (bots that roll dice): apart from the world's, so a
 * bot's choices never shift what the world rolls. */
#define HV_PLAYER_STREAM 0x504cu

void hv_state_init(hv_state *state, const hv_rules *rules, uint64_t seed)
{
    memset(state, 0, sizeof *state);
    state->rules = rules;
    state->seed = seed;
    hv_rng_seed(&state->rng, seed, HV_RNG_STREAM);
    hv_rng_seed(&state->player_rng, seed, HV_PLAYER_STREAM);
    state->next_module_id = 1;
    state->next_person_id = 1;
    state->dust = rules->weather.dust_min;
    state->outcome = HV_OUTCOME_RUNNING;
    hv_state_start_world(state);
}

/* Copies the bytes from member FROM up to member TO (not included). */
#define COPY_SPAN(dst, src, from, to)                                                              \
    memcpy((char *)(dst) + offsetof(hv_state, from),                                               \
           (const char *)(src) + offsetof(hv_state, from),                                         \
           offsetof(hv_state, to) - offsetof(hv_state, from))

void hv_state_copy(hv_state *dst, const hv_state *src)
{
    memcpy(dst, src, offsetof(hv_state, modules));
    memcpy(dst->modules, src->modules, sizeof src->modules[0] * (size_t)src->module_count);
    COPY_SPAN(dst, src, module_count, people);
    memcpy(dst->people, src->people, sizeof src->people[0] * (size_t)src->person_count);
    COPY_SPAN(dst, src, person_count, orders);
    memcpy(dst->orders, src->orders, sizeof src->orders[0] * (size_t)src->order_count);
    COPY_SPAN(dst, src, order_count, names);
    for (int32_t i = 0; i < src->person_count; i++)
        memcpy(dst->names[src->people[i].name_row], src->names[src->people[i].name_row],
               sizeof src->names[0]);
#ifdef HV_CHECK_INVARIANTS
    /* Nothing may read past what is in use: make it show if something does. */
    memset(&dst->modules[src->module_count], 0xa5,
           sizeof dst->modules[0] * (size_t)(HV_MAX_MODULES - src->module_count));
    memset(&dst->people[src->person_count], 0xa5,
           sizeof dst->people[0] * (size_t)(HV_MAX_PEOPLE - src->person_count));
    memset(&dst->orders[src->order_count], 0xa5,
           sizeof dst->orders[0] * (size_t)(HV_MAX_ORDERS - src->order_count));
#endif
}

void hv_state_start_world(hv_state *state)
{
    const hv_rules *rules = state->rules;
    state->pending = -1;
    state->side[0] = HV_SIDE_WORKERS;
    state->side[1] = HV_SIDE_STAFF;
    state->price = rules->market.price;
    state->price_fine = rules->market.price * 100;
    for (int32_t i = 0; i < rules->sponsor_count; i++)
        state->satisfaction[i] = rules->sponsors[i].satisfaction;
    for (int32_t i = 0; i < rules->policy_count; i++)
        state->policy[i] = rules->policies[i].start;
    for (int32_t i = 0; i < rules->asteroid_count; i++) {
        const hv_asteroid *a = &rules->asteroids[i];
        state->asteroids[i].surveyed = a->surveyed;
        memcpy(state->asteroids[i].left, a->composition, sizeof a->composition);
    }
}

void hv_state_draw_traits(hv_state *s)
{
    const hv_rules *r = s->rules;
    int64_t total = 0;
    for (int32_t t = 0; t < r->trait_count; t++)
        total += r->traits[t].weight;
    for (int32_t i = 0; i < s->person_count && total > 0; i++) {
        hv_person *p = &s->people[i];
        if (p->trait)
            continue;
        int64_t at = (int64_t)hv_rng_below(&s->rng, (uint32_t)total);
        for (int32_t t = 0; t < r->trait_count; t++) {
            at -= r->traits[t].weight;
            if (at < 0) {
                p->trait = t + 1;
                break;
            }
        }
    }
}

void hv_state_play_on(hv_state *s)
{
    s->play_on = 1;
}

int32_t hv_state_max_tension(const hv_state *s)
{
    int32_t nations = hv_state_nation_tension(s);
    return nations > s->class_tension ? nations : s->class_tension;
}

int32_t hv_state_nation_tension(const hv_state *s)
{
    return hv_state_tension_among(s, s->kept.nations);
}

uint32_t hv_state_nations(const hv_state *s)
{
    /* A mark per nation, its top bit set, four people a round: a load and
     * a store each, with no shift waiting on a count; then the marks'
     * top bits gathered in one go. Factions are below HV_MAX_FACTIONS
     * (hv_state_check). */
    uint8_t seen[16] = {0};
    _Static_assert(HV_MAX_FACTIONS <= 16, "a mark per nation in sixteen bytes");
    const hv_person *p = s->people;
    int32_t n = s->person_count, i = 0;
    for (; i + 4 <= n; i += 4) {
        seen[p[i].faction] = 0x80;
        seen[p[i + 1].faction] = 0x80;
        seen[p[i + 2].faction] = 0x80;
        seen[p[i + 3].faction] = 0x80;
    }
    for (; i < n; i++)
        seen[p[i].faction] = 0x80;
#if defined(__SSE2__)
    return (uint32_t)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)seen));
#else
    uint32_t mask = 0;
    for (int32_t f = 0; f < 16; f++)
        mask |= (uint32_t)(seen[f] >> 7) << f;
    return mask;
#endif
}

int32_t hv_state_tension_among(const hv_state *s, uint32_t present)
{
    if (!(present & (present - 1)))
        return 0; /* fewer than two nations: no pair */
        /* The whole rows of the nations present, those away masked out: tension
         * is symmetric and a nation has none with itself (hv_state_check), so
         * the highest there is the highest between two of them. */
#if defined(__SSE2__)
    __m128i keep = hv_lanes16_of(present, 0), most = _mm_setzero_si128();
    if (present >> 8) {
        __m128i keep_high = hv_lanes16_of(present, 1);
        for (uint32_t x = present; x; x &= x - 1) {
            const int32_t *row = s->tension[__builtin_ctz(x)];
            most = _mm_max_epi16(most, _mm_and_si128(hv_lanes16_row(row, 0), keep));
            most = _mm_max_epi16(most, _mm_and_si128(hv_lanes16_row(row, 1), keep_high));
        }
    } else {
        for (uint32_t x = present; x; x &= x - 1)
            most = _mm_max_epi16(
                most, _mm_and_si128(hv_lanes16_row(s->tension[__builtin_ctz(x)], 0), keep));
    }
    return hv_lanes16_top(most);
#else
    hv_lanes keep[HV_LANE_GROUPS], most = {0, 0, 0, 0};
    hv_lanes_keep(present, keep);
    for (uint32_t x = present; x; x &= x - 1)
        most = hv_lanes_most(most, s->tension[__builtin_ctz(x)], keep);
    return hv_lanes_top(most);
#endif
}

void hv_state_reseed(hv_state *state, uint64_t seed)
{
    state->seed = seed;
    hv_rng_seed(&state->rng, seed, HV_RNG_STREAM);
    hv_rng_seed(&state->player_rng, seed, HV_PLAYER_STREAM);
}

int32_t hv_state_add_module(hv_state *state, int32_t type, int32_t x, int32_t y, int operating)
{
    if (state->module_count >= HV_MAX_MODULES || type < 0 ||
        type >= state->rules->module_type_count)
        return 0;
    const hv_module_type *mt = &state->rules->module_types[type];
    hv_module *m = &state->modules[state->module_count++];
    memset(m, 0, sizeof *m);
    m->id = state->next_module_id++;
    m->type = type;
    m->x = x;
    m->y = y;
    m->status = operating ? HV_MODULE_ACTIVE : HV_MODULE_BUILDING;
    m->build_left = operating ? 0 : mt->build_turns;
    m->priority = mt->priority;
    state->kept.by_type[type]++;
    state->kept.types |= 1u << type;
    state->kept.upkeep += mt->upkeep;
    state->kept.housing += mt->housing;
    hv_kept_module(state, m);
    return m->id;
}

int32_t hv_state_add_person(hv_state *state, const hv_person *person, const char *name)
{
    if (state->person_count >= HV_MAX_PEOPLE)
        return 0;
    /* The first row no one holds: rows of the dead and gone are free. */
    uint8_t held[HV_MAX_PEOPLE] = {0};
    for (int32_t i = 0; i < state->person_count; i++)
        if (state->people[i].name_row >= 0 && state->people[i].name_row < HV_MAX_PEOPLE)
            held[state->people[i].name_row] = 1;
    int32_t row = 0;
    while (held[row])
        row++;
    hv_person *p = &state->people[state->person_count++];
    *p = *person;
    p->id = state->next_person_id++;
    p->name_row = row;
    hv_person_rename(state, p, name);
    if (p->role >= 0 && p->role < state->rules->role_count && p->faction >= 0 &&
        p->faction < state->rules->faction_count) /* else hv_state_check says so */
        hv_kept_person(state, p, 1);
    if (p->module) {
        hv_module *m = hv_state_module(state, p->module);
        if (m) {
            m->crew++;
            hv_kept_module(state, m);
        } else
            p->module = 0;
    }
    hv_kept_free(state, p);
    return p->id;
}

void hv_person_rename(hv_state *state, hv_person *p, const char *name)
{
    hv_copy_text(state->names[p->name_row], HV_PERSON_NAME_LEN, name);
}

hv_module *hv_state_module_search(hv_state *state, int32_t id)
{
    int32_t lo = 0, hi = state->module_count - 1;
    while (lo <= hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if (state->modules[mid].id == id)
            return &state->modules[mid];
        if (state->modules[mid].id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

hv_module *hv_state_module_at(hv_state *state, int32_t x, int32_t y)
{
    for (int32_t i = 0; i < state->module_count; i++)
        if (state->modules[i].x == x && state->modules[i].y == y)
            return &state->modules[i];
    return NULL;
}

hv_person *hv_state_person(hv_state *state, int32_t id)
{
    int32_t lo = 0, hi = state->person_count - 1;
    while (lo <= hi) {
        int32_t mid = lo + (hi - lo) / 2;
        if (state->people[mid].id == id)
            return &state->people[mid];
        if (state->people[mid].id < id)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}

int hv_state_queue_order(hv_state *state, const hv_order *order)
{
    if (state->order_count >= HV_MAX_ORDERS)
        return -1;
    state->orders[state->order_count++] = *order;
    return 0;
}

int32_t hv_state_queued_answer(const hv_state *s)
{
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == HV_ORDER_ANSWER)
            return s->orders[i].value;
    return -1;
}

int hv_state_undo_order(hv_state *state)
{
    if (state->order_count == 0)
        return -1;
    state->order_count--;
    return 0;
}

static void hash_fields(hv_hash *h, const int64_t *fields, size_t n)
{
    for (size_t f = 0; f < n; f++)
        hv_hash_i64(h, fields[f]);
}

#define HASH_FIELDS(h, ...)                                                                        \
    do {                                                                                           \
        const int64_t fields_[] = {__VA_ARGS__};                                                   \
        hash_fields(h, fields_, sizeof fields_ / sizeof fields_[0]);                               \
    } while (0)

uint64_t hv_state_hash(const hv_state *s)
{
    hv_hash h;
    hv_hash_init(&h);
    hv_hash_i64(&h, 4); /* encoding version: bump when the encoding changes */
    hv_hash_i64(&h, (int64_t)s->seed);
    hv_hash_i64(&h, (int64_t)s->rng.state);
    hv_hash_i64(&h, (int64_t)s->rng.inc);
    hv_hash_i64(&h, s->turn);
    for (int r = 0; r < HV_RES_COUNT; r++)
        hv_hash_i64(&h, s->stock[r]);
    hv_hash_i64(&h, s->dust);
    hv_hash_i64(&h, s->power_supply);
    hv_hash_i64(&h, s->power_demand);
    hv_hash_i64(&h, s->broke_turns);
    hv_hash_i64(&h, s->deaths);
    hv_hash_i64(&h, s->shortage_mask);
    hv_hash_i64(&h, s->module_count);
    hv_hash_i64(&h, s->next_module_id);
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        HASH_FIELDS(&h, m->id, m->type, m->x, m->y, m->status, m->build_left, m->priority, m->crew,
                    m->broken, m->powered, m->output_pm);
    }
    hv_hash_i64(&h, s->person_count);
    hv_hash_i64(&h, s->next_person_id);
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        HASH_FIELDS(&h, p->id, p->faction, p->role, p->skill, p->health, p->morale, p->module,
                    p->away, p->strike, p->trait, p->loyalty);
        hv_hash_str(&h, hv_person_name(s, p));
    }
    hv_hash_i64(&h, s->order_count);
    for (int32_t i = 0; i < s->order_count; i++) {
        const hv_order *o = &s->orders[i];
        HASH_FIELDS(&h, o->kind, o->module_type, o->x, o->y, o->module, o->person, o->person2,
                    o->target, o->value);
    }
    int32_t nf = s->rules->faction_count;
    for (int32_t a = 0; a < nf; a++)
        for (int32_t b = a + 1; b < nf; b++)
            hv_hash_i64(&h, s->tension[a][b]);
    HASH_FIELDS(&h, s->class_tension, s->riot_weeks, s->incidents, s->captured, s->price,
                s->exported, s->shipment_count, s->flags, s->pending, s->outcome_turn, s->play_on);
    HASH_FIELDS(&h, s->price_fine, s->sold_week, s->to_mars, s->to_earth, s->mandate);
    for (int32_t i = 0; i < s->rules->sponsor_count; i++)
        HASH_FIELDS(&h, s->satisfaction[i], s->favour[i], s->funding_pct[i]);
    for (int32_t f = 0; f < nf; f++)
        hv_hash_i64(&h, s->partners[f]);
    HASH_FIELDS(&h, s->riots, s->strain, s->side[0], s->side[1], s->actor, s->week_mined,
                s->week_incidents);
    for (int32_t i = 0; i < s->rules->policy_count; i++)
        HASH_FIELDS(&h, s->policy[i], s->policy_since[i]);
    for (int32_t i = 0; i < s->rules->asteroid_count; i++) {
        const hv_asteroid_state *a = &s->asteroids[i];
        HASH_FIELDS(&h, a->stage, a->surveyed, a->weeks_left, a->pilot, a->engineer, a->odds,
                    a->result, a->window_close);
        for (int r = 0; r < HV_RES_COUNT; r++)
            hv_hash_i64(&h, a->left[r]);
    }
    for (int32_t i = 0; i < s->shipment_count; i++)
        HASH_FIELDS(&h, s->shipments[i].amount, s->shipments[i].weeks_left);
    for (int32_t i = 0; i < s->rules->event_count; i++) {
        HASH_FIELDS(&h, s->event_last[i], s->event_times[i], s->event_answer[i], s->event_text[i]);
        for (int32_t k = 0; k < HV_MAX_TEXTS; k++)
            hv_hash_i64(&h, s->text_week[i][k]);
    }
    HASH_FIELDS(&h, s->story_last, s->story_tags, s->scheduled_count);
    for (int32_t i = 0; i < s->scheduled_count; i++)
        HASH_FIELDS(&h, s->scheduled[i].event, s->scheduled[i].week, s->scheduled[i].forecast);
    hv_hash_i64(&h, s->outcome);
    hv_hash_i64(&h, s->outcome_goal);
    if (s->rules->step_count > 0) /* levels without steps hash as they always did */
        hv_hash_i64(&h, s->step);
    return h.value;
}

#define FAIL(...)                                                                                  \
    do {                                                                                           \
        if (why && why_len)                                                                        \
            snprintf(why, why_len, __VA_ARGS__);                                                   \
        return -1;                                                                                 \
    } while (0)

int hv_state_check(const hv_state *s, char *why, size_t why_len)
{
    const hv_rules *rules = s->rules;
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (r != HV_RES_FUNDS && s->stock[r] < 0)
            FAIL("stock of %s is negative (%lld)", hv_resource_id((hv_resource)r),
                 (long long)s->stock[r]);
    if (s->dust < rules->weather.dust_min || s->dust > rules->weather.dust_max)
        FAIL("dust %d outside %d..%d", s->dust, rules->weather.dust_min, rules->weather.dust_max);
    if (s->module_count < 0 || s->module_count > HV_MAX_MODULES)
        FAIL("module count %d", s->module_count);
    int32_t crew[HV_MAX_MODULES] = {0};
    uint8_t named[HV_MAX_PEOPLE] = {0};
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        if (m->id <= 0 || m->id >= s->next_module_id || (i > 0 && m->id <= s->modules[i - 1].id))
            FAIL("module ids out of order at index %d", i);
        if (m->type < 0 || m->type >= rules->module_type_count)
            FAIL("module %d has unknown type %d", m->id, m->type);
        if (m->x < 0 || m->y < 0 || m->x >= rules->map_width || m->y >= rules->map_height)
            FAIL("module %d outside the map", m->id);
        for (int32_t j = 0; j < i; j++)
            if (s->modules[j].x == m->x && s->modules[j].y == m->y)
                FAIL("modules %d and %d share a cell", s->modules[j].id, m->id);
        if (m->priority < 1 || m->priority > 9)
            FAIL("module %d priority %d", m->id, m->priority);
        if (m->crew < 0 || m->crew > rules->module_types[m->type].crew_slots)
            FAIL("module %d crew %d over its slots", m->id, m->crew);
        if (m->status == HV_MODULE_BUILDING ? m->build_left < 1 : m->build_left != 0)
            FAIL("module %d build_left %d", m->id, m->build_left);
        if (m->broken < 0)
            FAIL("module %d broken %d", m->id, m->broken);
    }
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (p->id <= 0 || p->id >= s->next_person_id || (i > 0 && p->id <= s->people[i - 1].id))
            FAIL("person ids out of order at index %d", i);
        if (p->health <= 0 || p->health > 100)
            FAIL("person %d health %d", p->id, p->health);
        if (p->morale < 0 || p->morale > 100)
            FAIL("person %d morale %d", p->id, p->morale);
        if (p->loyalty < 0 || p->loyalty > 100 || p->trait < 0 || p->trait > rules->trait_count)
            FAIL("person %d loyalty %d trait %d", p->id, p->loyalty, p->trait);
        if (p->faction < 0 || p->faction >= rules->faction_count || p->role < 0 ||
            p->role >= rules->role_count)
            FAIL("person %d has unknown faction or role", p->id);
        if (p->away && p->module)
            FAIL("person %d is away on a mission and assigned to a module", p->id);
        if (p->away < 0 || p->away > rules->asteroid_count)
            FAIL("person %d away on unknown asteroid %d", p->id, p->away);
        if (p->name_row < 0 || p->name_row >= HV_MAX_PEOPLE || named[p->name_row]++ ||
            !memchr(s->names[p->name_row], '\0', HV_PERSON_NAME_LEN))
            FAIL("person %d has name row %d, out of range, shared or unended", p->id, p->name_row);
        if (p->module) {
            const hv_module *m = hv_state_module((hv_state *)s, p->module);
            if (!m)
                FAIL("person %d assigned to missing module %d", p->id, p->module);
            crew[m - s->modules]++;
        }
    }
    for (int32_t i = 0; i < s->module_count; i++)
        if (crew[i] != s->modules[i].crew)
            FAIL("module %d counts %d crew, %d are assigned", s->modules[i].id, s->modules[i].crew,
                 crew[i]);
    if (hv_kept_check(s, why, why_len) != 0)
        return -1;
    for (int32_t a = 0; a < rules->faction_count; a++)
        for (int32_t b = 0; b < rules->faction_count; b++)
            if (s->tension[a][b] != s->tension[b][a] || s->tension[a][b] < 0 ||
                s->tension[a][b] > 100 || (a == b && s->tension[a][b] != 0))
                FAIL("tension %d-%d is %d", a, b, s->tension[a][b]);
    if (s->class_tension < 0 || s->class_tension > 100)
        FAIL("class tension %d", s->class_tension);
    for (int32_t i = 0; i < rules->sponsor_count; i++)
        if (s->satisfaction[i] < 0 || s->satisfaction[i] > 100)
            FAIL("sponsor %d satisfaction %d", i, s->satisfaction[i]);
    for (int32_t i = 0; i < rules->policy_count; i++)
        if (s->policy[i] < 0 || s->policy[i] >= rules->policies[i].option_count)
            FAIL("policy %d option %d", i, s->policy[i]);
    if (s->policy_rules == rules &&
        memcmp(s->policy_of, s->policy, sizeof s->policy[0] * (size_t)rules->policy_count) == 0) {
        hv_effect sum;
        hv_policy_total(s, &sum);
        if (memcmp(&sum, &s->policy_sum, sizeof sum) != 0)
            FAIL("the kept sum of the policies in force differs from a fresh sum");
    }
    if (s->pending < -1 || s->pending >= rules->event_count ||
        (s->pending >= 0 && rules->events[s->pending].choice_count == 0))
        FAIL("pending event %d", s->pending);
    if (s->scheduled_count < 0 || s->scheduled_count > HV_MAX_SCHEDULED)
        FAIL("%d events scheduled", s->scheduled_count);
    for (int32_t i = 0; i < s->scheduled_count; i++)
        if (s->scheduled[i].event < 0 || s->scheduled[i].event >= rules->event_count)
            FAIL("scheduled event %d", s->scheduled[i].event);
    for (int32_t i = 0; i < rules->event_count; i++) {
        const hv_event_def *ev = &rules->events[i];
        if (ev->max_times > 0 && s->event_times[i] > ev->max_times)
            FAIL("event %s fired %d times, at most %d", ev->id, s->event_times[i], ev->max_times);
        if (s->event_answer[i] < 0 || s->event_answer[i] > ev->choice_count)
            FAIL("event %s answered with choice %d", ev->id, s->event_answer[i]);
    }
    if (s->price < rules->market.price_min || s->price > rules->market.price_max)
        FAIL("price %lld outside its band", (long long)s->price);
    if (s->price != s->price_fine / 100)
        FAIL("price %lld is not the whole of %lld hundredths", (long long)s->price,
             (long long)s->price_fine);
    if (s->mandate < 0 || s->mandate > HV_DEST_COUNT)
        FAIL("mandate %d", s->mandate);
    if (s->to_mars + s->to_earth != s->captured)
        FAIL("%d rocks captured, %d to Mars and %d to Earth", s->captured, s->to_mars, s->to_earth);
    for (int32_t i = 0; i < rules->asteroid_count; i++) {
        const hv_asteroid_state *a = &s->asteroids[i];
        if (a->dest < 0 || a->dest >= HV_DEST_COUNT || a->hijack < 0 || a->hijack > 2)
            FAIL("asteroid %d destination %d, hijack %d", i, a->dest, a->hijack);
    }
    if (s->outcome != HV_OUTCOME_RUNNING && s->outcome_goal != HV_CAUSE_ALL_DEAD &&
        s->outcome_goal < 0)
        FAIL("ended game without a cause");
    return 0;
}

void hv_goal_describe(const hv_rules *rules, const hv_goal *g, char *buf, size_t len)
{
    const char *res =
        (g->resource >= 0 && g->resource < HV_RES_COUNT) ? rules->resources[g->resource].name : "?";
    const char *type = (g->module_type >= 0 && g->module_type < rules->module_type_count)
                           ? rules->module_types[g->module_type].name
                           : "?";
    switch (g->kind) {
    case HV_GOAL_RESOURCE_AT_LEAST:
        snprintf(buf, len, "hold %lld %s", (long long)g->amount, res);
        break;
    case HV_GOAL_RESOURCE_DEPLETED:
        snprintf(buf, len, "%s ran out", res);
        break;
    case HV_GOAL_TURN_REACHED:
        snprintf(buf, len, "reach week %d", g->turn);
        break;
    case HV_GOAL_MODULES_AT_LEAST:
        snprintf(buf, len, "operate %lld %s", (long long)g->amount, type);
        break;
    case HV_GOAL_POPULATION_AT_LEAST:
        snprintf(buf, len, "keep at least %lld people alive", (long long)g->amount);
        break;
    case HV_GOAL_POPULATION_BELOW:
        snprintf(buf, len, "fewer than %lld people left alive", (long long)g->amount);
        break;
    case HV_GOAL_BANKRUPT:
        snprintf(buf, len, "funds below zero for %d weeks running", g->turn);
        break;
    case HV_GOAL_TENSION_BELOW:
        snprintf(buf, len, "keep every tension below %lld", (long long)g->amount);
        break;
    case HV_GOAL_RIOT:
        snprintf(buf, len, "the base rioted after %d weeks of tension at %d or more",
                 rules->society.riot_weeks, rules->society.riot_at);
        break;
    case HV_GOAL_EXPORTED_AT_LEAST:
        snprintf(buf, len, "deliver %lld %s to Earth", (long long)g->amount,
                 rules->resources[HV_RES_IRIDIUM].name);
        break;
    case HV_GOAL_CAPTURED_AT_LEAST:
        snprintf(buf, len, "capture %lld asteroid%s", (long long)g->amount,
                 g->amount == 1 ? "" : "s");
        break;
    case HV_GOAL_FLAG_SET:
        snprintf(buf, len, "%s",
                 g->flag >= 0 && g->flag < rules->flag_count ? rules->flags[g->flag] : "?");
        break;
    case HV_GOAL_SATISFACTION_AT_LEAST:
        snprintf(buf, len, "keep every sponsor at least %lld%% satisfied", (long long)g->amount);
        break;
    default:
        snprintf(buf, len, "?");
        break;
    }
}

void hv_state_describe_outcome(const hv_state *s, char *buf, size_t len)
{
    if (s->outcome == HV_OUTCOME_RUNNING) {
        snprintf(buf, len, "%s", "");
        return;
    }
    if (s->outcome_goal == HV_CAUSE_ALL_DEAD) {
        snprintf(buf, len, "everyone at the base has died");
        return;
    }
    if (s->outcome == HV_OUTCOME_WON) {
        snprintf(buf, len, "every goal met");
        return;
    }
    const hv_goal *g = &s->rules->lose[s->outcome_goal];
    if (g->kind == HV_GOAL_TURN_REACHED) {
        snprintf(buf, len, "the deadline of week %d passed with goals unmet", g->turn);
        return;
    }
    hv_goal_describe(s->rules, g, buf, len);
}
