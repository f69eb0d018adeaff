#include "hv_rules.h"

#include <string.h>

static const char *const resource_ids[HV_RES_COUNT] = {
    "water", "oxygen", "food", "materials", "fuel", "ore", "iridium", "funds",
};
static const char *const resource_names[HV_RES_COUNT] = {
    "Water", "Oxygen", "Food", "Materials", "Fuel", "Ore", "Iridium", "Funds",
};

void hv_copy_text(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

void hv_rules_init(hv_rules *rules)
{
    memset(rules, 0, sizeof *rules);
    for (int r = 0; r < HV_RES_COUNT; r++) {
        hv_copy_text(rules->resources[r].id, HV_ID_LEN, resource_ids[r]);
        hv_copy_text(rules->resources[r].name, HV_NAME_LEN, resource_names[r]);
        hv_copy_text(rules->resources[r].unit, HV_ID_LEN, r == HV_RES_FUNDS ? "k$" : "t");
    }
    /* Optional keys whose documented default is not 0. */
    hv_copy_text(rules->world.place, HV_NAME_LEN, "Happy Valley");
    hv_copy_text(rules->world.body, HV_NAME_LEN, "Mars");
    rules->world.sunlight = 100;
    rules->world.gravity = HV_MARS_GRAVITY;
    rules->society.riot_repair = 1;
    rules->society.work_injury = 10;
    /* Without a storyteller section the pool keeps the flat event_chance. */
    rules->storyteller.chance = -1;
    rules->storyteller.same_tag_pct = 100;
}

const char *hv_dest_name(const hv_rules *rules, int32_t dest)
{
    return dest == HV_DEST_EARTH ? "Earth" : rules->world.body;
}

int hv_world_daylight(const hv_rules *rules, int32_t week, int32_t *next)
{
    int32_t day = rules->world.day_weeks, cycle = day + rules->world.night_weeks;
    if (day <= 0 || cycle <= day) {
        if (next)
            *next = 0;
        return 1;
    }
    int32_t phase = (week - 1) % cycle;
    if (phase < 0)
        phase += cycle;
    if (next)
        *next = week + (phase < day ? day - phase : cycle - phase);
    return phase < day;
}

int64_t hv_launch_fuel(const hv_rules *rules, int64_t fuel)
{
    int64_t g = rules->world.gravity;
    if (g == HV_MARS_GRAVITY || fuel <= 0)
        return fuel;
    return (fuel * g + HV_MARS_GRAVITY - 1) / HV_MARS_GRAVITY;
}

int64_t hv_survey_fuel(const hv_rules *rules)
{
    return hv_launch_fuel(rules, rules->missions.survey_fuel);
}

int64_t hv_capture_fuel(const hv_rules *rules, int32_t i)
{
    return hv_launch_fuel(rules, rules->asteroids[i].capture_fuel);
}

int hv_resource_find(const char *id)
{
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (strcmp(resource_ids[r], id) == 0)
            return r;
    return -1;
}

const char *hv_resource_id(hv_resource r)
{
    return (r >= 0 && r < HV_RES_COUNT) ? resource_ids[r] : "?";
}

/* Every table entry starts with its id, so one search serves them all. */
static int find_id(const void *table, size_t stride, int count, const char *id)
{
    for (int i = 0; i < count; i++)
        if (strcmp((const char *)table + (size_t)i * stride, id) == 0)
            return i;
    return -1;
}

#define FIND(table, count) find_id(rules->table, sizeof rules->table[0], rules->count, id)

int hv_rules_find_module_type(const hv_rules *rules, const char *id)
{
    return FIND(module_types, module_type_count);
}

int hv_rules_find_role(const hv_rules *rules, const char *id)
{
    return FIND(roles, role_count);
}

int hv_rules_find_faction(const hv_rules *rules, const char *id)
{
    return FIND(factions, faction_count);
}

int hv_rules_find_trait(const hv_rules *rules, const char *id)
{
    return FIND(traits, trait_count);
}

int hv_rules_find_bloc(const hv_rules *rules, const char *id)
{
    return FIND(blocs, bloc_count);
}

int hv_rules_find_policy(const hv_rules *rules, const char *id)
{
    return FIND(policies, policy_count);
}

int hv_rules_find_asteroid(const hv_rules *rules, const char *id)
{
    return FIND(asteroids, asteroid_count);
}

int hv_rules_find_flag(const hv_rules *rules, const char *id)
{
    return FIND(flags, flag_count);
}

int hv_rules_find_event(const hv_rules *rules, const char *id)
{
    return FIND(events, event_count);
}

hv_terrain hv_rules_terrain_at(const hv_rules *rules, int x, int y)
{
    if (x < 0 || y < 0 || x >= rules->map_width || y >= rules->map_height)
        return HV_TERRAIN_ROCK;
    return (hv_terrain)rules->terrain[y * rules->map_width + x];
}

int32_t hv_rules_last_week(const hv_rules *r)
{
    int32_t last = 0;
    for (int32_t i = 0; i < r->win_count; i++)
        if (r->win[i].kind == HV_GOAL_TURN_REACHED && r->win[i].turn > last)
            last = r->win[i].turn;
    for (int32_t i = 0; i < r->lose_count; i++)
        if (r->lose[i].kind == HV_GOAL_TURN_REACHED && r->lose[i].turn > last)
            last = r->lose[i].turn;
    return last;
}

const char *hv_event_text(const hv_event_def *ev, int32_t variant)
{
    int32_t n = ev->text_count > 0 ? ev->text_count : 1;
    int32_t k = variant < 0 ? 0 : variant % n;
    return k == 0 ? ev->text : ev->texts[k - 1];
}

int32_t hv_rules_event_chance(const hv_rules *rules, int32_t quiet)
{
    const hv_storyteller *st = &rules->storyteller;
    int64_t base = st->chance >= 0 ? st->chance : rules->event_chance;
    /* A chance of 0, either one, keeps the pool off and calm never wakes
     * it: a level that sets event_chance 0 under a storyteller stays quiet. */
    if (base <= 0 || rules->event_chance <= 0)
        return 0;
    int64_t chance = base + (int64_t)st->calm_step * (quiet > 0 ? quiet : 0);
    return chance > 1000 ? 1000 : (int32_t)chance;
}

int hv_rules_event_follows_to(const hv_event_def *ev, int32_t target)
{
    if (ev->effect.follow_event == target + 1)
        return 1;
    for (int32_t c = 0; c < ev->choice_count; c++)
        if (ev->choices[c].effect.follow_event == target + 1)
            return 1;
    return 0;
}

uint64_t hv_rules_events_live(const hv_rules *rules)
{
    /* Scripted and drawable events can; so can any a live event follows up
     * to. Grown to a fixed point: chains are short, the pool small. */
    uint64_t live = 0;
    int pool = hv_rules_event_chance(rules, 0) > 0;
    int32_t n = rules->event_count < HV_MAX_EVENTS ? rules->event_count : HV_MAX_EVENTS;
    for (int32_t e = 0; e < n; e++) {
        const hv_event_def *ev = &rules->events[e];
        int can;
        if (ev->unrest_at > 0) /* a rung of the ladder comes with incidents */
            can = rules->society.incident_pm > 0 && ev->weight > 0;
        else
            can = ev->scripted ||
                  (pool && (ev->weight > 0 || ev->tension_weight > 0 || ev->calm_weight > 0));
        live |= (uint64_t)(can != 0) << e;
    }
    for (int grown = 1; grown;) {
        grown = 0;
        for (int32_t e = 0; e < n; e++)
            for (int32_t from = 0; from < n && !(live >> e & 1u); from++)
                if ((live >> from & 1u) && hv_rules_event_follows_to(&rules->events[from], e)) {
                    live |= UINT64_C(1) << e;
                    grown = 1;
                }
    }
    return live;
}

int hv_rules_event_can_fire(const hv_rules *rules, int32_t index)
{
    return index >= 0 && index < rules->event_count && index < HV_MAX_EVENTS &&
           (hv_rules_events_live(rules) >> index & 1u);
}
