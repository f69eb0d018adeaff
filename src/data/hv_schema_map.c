/* The one map of what hv_schema knows beyond the key tables (see
 * hv_schema_map.h). A new HV_F_SKIP key needs a slot here: data_schema
 * fails until it has one. */
#include "hv_schema_map.h"

#include "hv_campaign.h"
#include "hv_carry_file.h"
#include "hv_level.h"
#include "hv_mod.h"
#include "hv_orders_file.h"
#include "hv_remove.h"
#include "hv_save.h"

static int win_kind(int32_t kind)
{
    return hv_goal_kind_sides(kind) & 1;
}

static int lose_kind(int32_t kind)
{
    return (hv_goal_kind_sides(kind) & 2) != 0;
}

/* What hv_read_trigger asks of the keys that go together. */
static const hv_dep trigger_deps[] = {
    {"resource", {"below", "above"}},
    {"below", {"resource"}},
    {"above", {"resource"}},
    {"asteroid", {"result"}},
    {"result", {"asteroid"}},
    {"module", {"built", "staffed"}},
    {"built", {"module"}},
    {"staffed", {"module"}},
    {"policy", {"option"}},
    {"option", {"policy"}},
    {NULL, {NULL}},
};

#define T(name, fields)                                                                            \
    {                                                                                              \
        name, fields, NULL, NULL, 0, NULL, NULL, NULL, NULL                                        \
    }
/* A table of a kind of file read outside the data layer. */
#define OUTSIDE(name, kind, section)                                                               \
    {                                                                                              \
        name, NULL, kind, section, 0, NULL, NULL, NULL, NULL                                       \
    }
const hv_table_info hv_schema_tables[] = {
    T("level", hv_level_fields),
    T("map", hv_map_fields),
    T("start", hv_start_fields),
    T("start_module", hv_start_module_fields),
    T("person", hv_person_fields),
    T("sponsor", hv_sponsor_fields),
    T("agenda", hv_agenda_fields),
    T("supply_ship", hv_supply_fields),
    T("goals", hv_goals_fields),
    {"goal_win", hv_goal_fields, NULL, NULL, 0, NULL, "kind", hv_goal_kind_keys, win_kind},
    {"goal_lose", hv_goal_fields, NULL, NULL, 0, NULL, "kind", hv_goal_kind_keys, lose_kind},
    T("step", hv_step_fields),
    T("rules", hv_rules_fields),
    {"remove", hv_remove_fields, NULL, NULL, 1, NULL, NULL, NULL, NULL},
    T("resource", hv_resource_info_fields),
    T("life_support", hv_life_fields),
    T("weather", hv_weather_fields),
    T("role", hv_role_fields),
    T("faction", hv_faction_fields),
    T("bloc", hv_bloc_fields),
    T("trait", hv_trait_fields),
    T("module_type", hv_module_type_fields),
    T("society", hv_society_fields),
    T("incidents", hv_incidents_fields),
    T("missions", hv_missions_fields),
    T("market", hv_market_fields),
    T("world", hv_world_fields),
    T("storyteller", hv_storyteller_fields),
    T("policy", hv_policy_fields),
    T("option", hv_option_fields),
    T("policy_effect", hv_policy_effect_fields),
    T("event", hv_pool_event_fields),
    T("scripted_event", hv_scripted_event_fields),
    T("choice", hv_choice_fields),
    T("event_effect", hv_event_effect_fields),
    T("motion", hv_motion_fields),
    T("follow_up", hv_follow_up_fields),
    {"trigger", hv_trigger_fields, NULL, NULL, 1, trigger_deps, NULL, NULL, NULL},
    T("answered", hv_answered_fields),
    T("asteroid", hv_asteroid_fields),
    T("campaign", hv_campaign_fields),
    T("campaign_carry", hv_campaign_carry_fields),
    T("campaign_progress", hv_progress_fields),
    T("progress_level", hv_progress_level_fields),
    T("carry", hv_carry_fields),
    T("carry_person", hv_carry_person_fields),
    T("orders", hv_orders_file_fields),
    {"order", hv_order_fields, NULL, NULL, 0, NULL, "do", hv_order_kind_keys, NULL},
    T("save", hv_save_fields),
    T("mod", hv_mod_fields),
    OUTSIDE("settings", "settings", ""),
    OUTSIDE("settings_window", "settings", "window"),
    OUTSIDE("settings_sound", "settings", "sound"),
    OUTSIDE("settings_keys", "settings", "keys"),
    OUTSIDE("settings_mod", "settings", "mods"),
    OUTSIDE("sounds", "sounds", ""),
    OUTSIDE("sound_cues", "sounds", "effects"),
    OUTSIDE("sound_loops", "sounds", "ambience"),
    OUTSIDE("sound", "sounds", "sound"),
    {NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL},
};
#undef T
#undef OUTSIDE

const hv_kind_info hv_schema_kinds[] = {
    {"level", "level", NULL, "Happy Valley level"},
    {"rules", "rules", "extends", "Happy Valley rules"},
    {"orders", "orders", NULL, "Happy Valley orders"},
    {"save", "save", NULL, "Happy Valley saved game"},
    {"campaign", "campaign", NULL, "Happy Valley campaign"},
    {"campaign_progress", "campaign_progress", NULL, "Happy Valley campaign progress"},
    {"mod", "mod", NULL, "Happy Valley mod manifest"},
    {"settings", "settings", NULL, "Happy Valley settings"},
    {"sounds", "sounds", NULL, "Happy Valley sounds"},
    {NULL, NULL, NULL, NULL},
};

/* Shorthands: the table's format and kind, a sub-table, a list, a map of entries. */
#define HEAD(table, kind)                                                                          \
    {table, "format", HV_SH_FORMAT, NULL, HV_SL_HEAD | HV_SL_ALWAYS, 0, 0, 0},                     \
    {                                                                                              \
        table, "kind", HV_SH_KIND, kind, HV_SL_HEAD | HV_SL_ALWAYS, 0, 0, 0                        \
    }
#define SECTION(table, key, sub)                                                                   \
    {                                                                                              \
        table, key, HV_SH_SECTION, sub, 0, 0, 0, 0                                                 \
    }
#define LIST(table, key, sub, lo, hi)                                                              \
    {                                                                                              \
        table, key, HV_SH_LIST, sub, 0, lo, hi, 0                                                  \
    }
#define ENTRIES(table, key, sub, flags, lo, hi)                                                    \
    {                                                                                              \
        table, key, HV_SH_ENTRIES, sub, flags, lo, hi, 0                                           \
    }
#define IDS(table, key, flags, lo, hi)                                                             \
    {                                                                                              \
        table, key, HV_SH_IDS, NULL, flags, lo, hi, 0                                              \
    }
#define SHAPE(table, key, shape)                                                                   \
    {                                                                                              \
        table, key, shape, NULL, 0, 0, 0, 0                                                        \
    }

const hv_slot hv_schema_slots[] = {
    /* A level (hv_level.c, hv_level_goals.c, hv_story_file.c). */
    HEAD("level", "level"),
    {"level", "overrides", HV_SH_OVERRIDES, "rules", 0, 0, 0, 0},
    SECTION("level", "map", "map"),
    SECTION("level", "start", "start"),
    LIST("level", "sponsors", "sponsor", 0, HV_MAX_SPONSORS),
    LIST("level", "supply_ships", "supply_ship", 0, HV_MAX_SUPPLY),
    ENTRIES("level", "asteroids", "asteroid", 0, 0, HV_MAX_ASTEROIDS),
    ENTRIES("level", "events", "scripted_event", 0, 0, HV_MAX_EVENTS),
    LIST("level", "steps", "step", 0, HV_MAX_STEPS),
    SECTION("level", "goals", "goals"),
    SHAPE("map", "terrain", HV_SH_ROWS),
    LIST("start", "modules", "start_module", 0, HV_MAX_MODULES),
    LIST("start", "people", "person", 1, HV_MAX_PEOPLE),
    SECTION("sponsor", "agenda", "agenda"),
    LIST("goals", "win", "goal_win", 0, HV_MAX_GOALS),
    LIST("goals", "lose", "goal_lose", 0, HV_MAX_GOALS),
    SECTION("step", "done", "trigger"),

    /* A rules file, and a level's overrides (hv_rules_file.c, hv_content.c). */
    HEAD("rules", "rules"),
    {"rules", "extends", HV_SH_FILE, NULL, HV_SL_HEAD, 0, 0, 0},
    {"rules", "remove", HV_SH_SECTION, "remove", HV_SL_MERGED, 0, 0, 0},
    IDS("remove", NULL, HV_SL_UNIQUE, 1, HV_MAX_REMOVALS),
    {"rules", "resources", HV_SH_RESOURCE_INFO, "resource", 0, 0, 0, 0},
    SECTION("rules", "life_support", "life_support"),
    SECTION("rules", "weather", "weather"),
    ENTRIES("rules", "roles", "role", HV_SL_FULL, 1, HV_MAX_ROLES),
    ENTRIES("rules", "factions", "faction", HV_SL_FULL, 1, HV_MAX_FACTIONS),
    ENTRIES("rules", "blocs", "bloc", HV_SL_FULL, 1, HV_MAX_BLOCS),
    ENTRIES("rules", "traits", "trait", HV_SL_FULL, 1, HV_MAX_TRAITS),
    ENTRIES("rules", "module_types", "module_type", HV_SL_FULL, 1, HV_MAX_MODULE_TYPES),
    SECTION("rules", "society", "society"),
    SECTION("rules", "incidents", "incidents"),
    SECTION("rules", "missions", "missions"),
    SECTION("rules", "market", "market"),
    SECTION("rules", "world", "world"),
    SECTION("rules", "storyteller", "storyteller"),
    IDS("rules", "flags", HV_SL_UNIQUE, 0, HV_MAX_FLAGS),
    ENTRIES("rules", "policies", "policy", HV_SL_FULL, 1, HV_MAX_POLICIES),
    ENTRIES("rules", "events", "event", HV_SL_FULL, 1, HV_MAX_EVENTS),
    IDS("bloc", "factions", 0, 1, 0),
    ENTRIES("policy", "options", "option", HV_SL_FULL, 2, HV_MAX_OPTIONS),
    SECTION("option", "effect", "policy_effect"),
    {"event_effect", "motion", HV_SH_SECTION, "motion", HV_SL_STRICT, 0, 0, 0},
    {"event_effect", "follow_up", HV_SH_SECTION, "follow_up", HV_SL_STRICT, 0, 0, 0},
    SECTION("event", "trigger", "trigger"),
    IDS("event", "tags", 0, 0, HV_MAX_TAGS),
    {"event", "texts", HV_SH_TEXTS, NULL, 0, 0, HV_MAX_TEXTS - 1, HV_TEXT_LEN - 1},
    SECTION("event", "effect", "event_effect"),
    LIST("event", "choices", "choice", 1, HV_MAX_CHOICES),
    SECTION("scripted_event", "trigger", "trigger"),
    SECTION("scripted_event", "effect", "event_effect"),
    LIST("scripted_event", "choices", "choice", 1, HV_MAX_CHOICES),
    SECTION("choice", "effect", "event_effect"),
    {"trigger", "answered", HV_SH_SECTION, "answered", HV_SL_STRICT, 0, 0, 0},
    SHAPE("trigger", "option", HV_SH_ID),

    /* Campaigns and the player's progress (hv_campaign.c, hv_carry_file.c). */
    HEAD("campaign", "campaign"),
    {"campaign", "levels", HV_SH_TEXTS, NULL, 0, 1, HV_CAMPAIGN_LEVELS, 0},
    SECTION("campaign", "carry", "campaign_carry"),
    IDS("campaign_carry", "flags", 0, 0, HV_MAX_FLAGS),
    {"campaign_carry", "people", HV_SH_TEXTS, NULL, 0, 0, HV_CARRY_PEOPLE, HV_PERSON_NAME_LEN - 1},
    HEAD("campaign_progress", "campaign_progress"),
    LIST("campaign_progress", "levels", "progress_level", 1, HV_CAMPAIGN_LEVELS),
    SECTION("progress_level", "carry", "carry"),
    {"carry", "sponsors", HV_SH_CHANGES, NULL, 0, 0, HV_MAX_SPONSORS, HV_CARRY_CHANGE_MAX},
    IDS("carry", "flags", 0, 0, HV_MAX_FLAGS),
    LIST("carry", "people", "carry_person", 0, HV_CARRY_PEOPLE),

    /* Orders files and saves (hv_orders_file.c, hv_save_load.c). */
    HEAD("orders", "orders"),
    LIST("orders", "orders", "order", 0, HV_ORDERS_MAX),
    SHAPE("orders", "level", HV_SH_REFUSED),
    SHAPE("orders", "level_id", HV_SH_REFUSED),
    SHAPE("orders", "title", HV_SH_REFUSED),
    SHAPE("orders", "seed", HV_SH_REFUSED),
    SHAPE("orders", "week", HV_SH_REFUSED),
    SHAPE("orders", "state_hash", HV_SH_REFUSED),
    SHAPE("orders", "saved_at", HV_SH_REFUSED),
    SHAPE("orders", "play_on", HV_SH_REFUSED),
    SHAPE("orders", "campaign", HV_SH_REFUSED),
    SHAPE("orders", "stage", HV_SH_REFUSED),
    SHAPE("orders", "carry", HV_SH_REFUSED),
    SHAPE("orders", "week_hashes", HV_SH_REFUSED),
    HEAD("save", "save"),
    LIST("save", "orders", "order", 0, HV_ORDERS_MAX),
    SHAPE("save", "seed", HV_SH_SEED),
    SHAPE("save", "state_hash", HV_SH_HASH),
    SECTION("save", "carry", "carry"),
    {"save", "week_hashes", HV_SH_WEEK_HASHES, NULL, 0, 0, HV_ORDERS_MAX_WEEK, 0},

    /* A mod's manifest (hv_mod.c). */
    HEAD("mod", "mod"),
    IDS("mod", "depends", 0, 0, HV_MOD_DEPENDS),

    /* The player's settings (src/ui/app/hv_settings.c). */
    HEAD("settings", "settings"),
    {"settings", "ui_scale", HV_SH_UI_SCALE, NULL, 0, 100, 300, 0},
    SECTION("settings", "window", "settings_window"),
    SECTION("settings", "sound", "settings_sound"),
    SECTION("settings", "keys", "settings_keys"),
    LIST("settings", "mods", "settings_mod", 0, 0),
    SHAPE("settings_keys", NULL, HV_SH_KEY_NAME),

    /* The game's sounds (src/ui/sound/hv_sound_file.c). */
    HEAD("sounds", "sounds"),
    SECTION("sounds", "effects", "sound_cues"),
    SECTION("sounds", "ambience", "sound_loops"),
    SECTION("sound_cues", NULL, "sound"),
    SECTION("sound_loops", NULL, "sound"),
    {NULL, NULL, HV_SH_SECTION, NULL, 0, 0, 0, 0},
};
