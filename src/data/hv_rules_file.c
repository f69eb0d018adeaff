/* Rules files: resources' display names, life support, weather, roles,
 * factions and module types; also a level's `overrides`, which use the same
 * keys and merge into what the rules file set. A file that `extends` others
 * is read after them, and they are read without what it removes. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hv_field_table.h"
#include "hv_suggest.h"
#include "hv_level.h"
#include "hv_file.h"
#include "hv_remove.h"
#include "hv_rules_cache.h"

const hv_field hv_rules_fields[] = {
    {"format", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "format version of the file; must be 1"},
    {"kind", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "what the file holds: `rules`"},
    {"extends", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0,
     "`base` (the game's rules) or a rules file: this file then adds to it, changes and removes"},
    {"remove", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0,
     "entries to take out of what the file extends, by table: lists of ids"},
    {"resources", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "display names and units of resources"},
    {"life_support", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "what people need each week"},
    {"weather", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "the band dust moves in"},
    {"roles", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "jobs people hold, by id"},
    {"factions", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "nations and companies, by id"},
    {"blocs", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "named groups of factions effects may name"},
    {"traits", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "traits of character people may have"},
    {"module_types", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "buildable modules, by id"},
    {"society", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "how morale and tension move"},
    {"incidents", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "what high tension makes happen"},
    {"missions", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "surveys and captures of asteroids"},
    {"market", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "the iridium market on Earth"},
    {"world", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "where the base stands: its name and its world's"},
    FIELD("event_chance", HV_F_INT32, hv_rules, event_chance, 1, 0, 1000,
          "chance per mille each week that a random event comes"),
    {"storyteller", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0,
     "how often the pool speaks: a chance rising with calm (default: flat event_chance)"},
    {"flags", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "names of story flags events set and test"},
    {"policies", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "laws the player can set, by id"},
    {"events", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "the pool of random events, by id"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_resource_info_fields[] = {
    FIELD("name", HV_F_TEXT, hv_resource_info, name, 0, 0, 0, "display name"),
    FIELD("unit", HV_F_TEXT, hv_resource_info, unit, 0, 0, 0, "display unit, e.g. `t`"),
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_life_fields[] = {
    FIELD("need", HV_F_RESMAP, hv_life_support, need, 1, 0, 1000000,
          "amount of each resource one person uses per week"),
    FIELD("damage", HV_F_RESMAP, hv_life_support, damage, 1, 0, 100,
          "health lost per week when that resource is wholly lacking"),
    FIELD("recovery", HV_F_INT32, hv_life_support, recovery, 1, 0, 100,
          "health regained per week when every need is met"),
    FIELD("exposure_damage", HV_F_INT32, hv_life_support, exposure_damage, 1, 0, 100,
          "health lost per week by a person without a powered bed"),
    FIELD("shortage_morale", HV_F_INT32, hv_life_support, shortage_morale, 1, 0, 100,
          "morale lost per week of any shortage"),
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_weather_fields[] = {
    FIELD("dust_min", HV_F_INT32, hv_weather, dust_min, 1, 0, 95,
          "least dust, percent of sunlight blocked"),
    FIELD("dust_max", HV_F_INT32, hv_weather, dust_max, 1, 0, 95, "most dust"),
    FIELD("dust_swing", HV_F_INT32, hv_weather, dust_swing, 1, 0, 50, "largest change in a week"),
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_role_fields[] = {
    FIELD("name", HV_F_TEXT, hv_role, name, 1, 0, 0, "display name"),
    FIELD("pay", HV_F_INT64, hv_role, pay, 1, 0, 1000000, "funds paid per person per week"),
    {"class", HV_F_ENUM, offsetof(hv_role, klass), sizeof(int32_t), 1, 0, 0, hv_class_names, 0,
     "`staff` (officers, astronauts) or `worker` (hired hands)"},
    FIELD("pilot", HV_F_BOOL, hv_role, pilot, 0, 0, 0, "may fly a capture (default false)"),
    FIELD("engineer", HV_F_BOOL, hv_role, engineer, 0, 0, 0, "may rig a capture (default false)"),
    FIELD("description", HV_F_TEXT, hv_role, description, 0, 0, 0,
          "what the job is, shown with the role in the crew panel"),
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_faction_fields[] = {
    FIELD("name", HV_F_TEXT, hv_faction, name, 1, 0, 0, "display name"),
    FIELD("colour", HV_F_COLOUR, hv_faction, colour, 1, 0, 0, "colour as \"#rrggbb\""),
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_bloc_fields[] = {
    FIELD("name", HV_F_TEXT, hv_bloc, name, 1, 0, 0, "display name"),
    {"factions", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "its member factions, a list of ids"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_trait_fields[] = {
    FIELD("name", HV_F_TEXT, hv_trait, name, 1, 0, 0, "display name"),
    FIELD("text", HV_F_TEXT, hv_trait, text, 1, 0, 0, "one line on what it means"),
    FIELD("weight", HV_F_INT32, hv_trait, weight, 0, 0, 1000,
          "chance to be drawn for someone the level gives no trait (default 0: never)"),
    FIELD("morale", HV_F_INT32, hv_trait, morale, 0, -50, 50,
          "added to where their morale settles (default 0)"),
    FIELD("output", HV_F_INT32, hv_trait, output_pct, 0, -90, 100,
          "their work changed by this percent (default 0)"),
    FIELD("capture", HV_F_INT32, hv_trait, capture_pm, 0, -500, 500,
          "capture odds when they fly, per mille (default 0)"),
    FIELD("unrest", HV_F_INT32, hv_trait, unrest, 0, -90, 900,
          "percent more likely to be the one who starts an incident (default 0)"),
    FIELD("loyalty", HV_F_INT32, hv_trait, loyalty, 0, -50, 50,
          "added to where their loyalty settles (default 0)"),
    FIELD("strain", HV_F_INT32, hv_trait, strain_pct, 0, -100, 300,
          "percent more of the work's strain they feel (default 0)"),
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_module_type_fields[] = {
    FIELD("name", HV_F_TEXT, hv_module_type, name, 1, 0, 0, "display name"),
    FIELD("cost", HV_F_RESMAP, hv_module_type, cost, 1, 0, BIG,
          "paid in full when building starts"),
    FIELD("build_weeks", HV_F_INT32, hv_module_type, build_turns, 1, 1, 52,
          "weeks of construction"),
    FIELD("upkeep", HV_F_INT64, hv_module_type, upkeep, 1, 0, BIG, "funds per week once placed"),
    FIELD("crew", HV_F_INT32, hv_module_type, crew_slots, 1, 0, HV_MAX_CREW,
          "crew slots; output scales with the share filled; 0 runs unattended"),
    FIELD("power", HV_F_INT32, hv_module_type, power, 1, -10000, 10000,
          "kW at full output: positive makes power, negative uses it"),
    FIELD("solar", HV_F_BOOL, hv_module_type, solar, 0, 0, 0,
          "power output shrinks with dust (default false)"),
    FIELD("input", HV_F_RESMAP, hv_module_type, input, 0, 0, BIG, "used per week at full output"),
    FIELD("output", HV_F_RESMAP, hv_module_type, output, 0, 0, BIG, "made per week at full output"),
    FIELD("housing", HV_F_INT32, hv_module_type, housing, 0, 0, 100,
          "beds while powered (default 0)"),
    FIELD("priority", HV_F_INT32, hv_module_type, priority, 1, 1, 9,
          "power priority: on a deficit 9 is shut down first, 1 last"),
    FIELD("terrain", HV_F_TERRAIN, hv_module_type, terrain_mask, 0, 0, 0,
          "ground it may stand on (default [plain])"),
    FIELD("recreation", HV_F_INT32, hv_module_type, recreation, 0, 0, 15,
          "while running, raises where everyone's morale settles (default 0; all together at most "
          "15)"),
    FIELD("security", HV_F_INT32, hv_module_type, security, 0, 0, 800,
          "while running, cuts incident chances by this per mille (default 0)"),
    FIELD("medical", HV_F_INT32, hv_module_type, medical, 0, 0, 50,
          "while running, extra health regained per person per week (default 0)"),
    FIELD("spaceport", HV_F_INT32, hv_module_type, spaceport, 0, 0, 200,
          "above 0, missions launch from it; what is beyond 1 adds per mille to capture odds"),
    FIELD("strain", HV_F_INT32, hv_module_type, strain, 0, 0, 100,
          "class tension its workers build, in tenths of a point per 10 worker-weeks at full "
          "output (default 0)"),
    FIELD("hazard", HV_F_INT32, hv_module_type, hazard, 0, 0, 1000,
          "chance per mille each week that each worker crewing it is hurt (default 0)"),
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

int hv_check_format(hv_ctx *ctx, const hv_ynode *root, const char *kind)
{
    if (!root) {
        hv_diag_error(ctx->diag, ctx->file, 1, 1,
                      "the file is empty; a %s file starts with 'format: %d'", kind,
                      HV_FORMAT_VERSION);
        return 0;
    }
    /* A file of some other kind is never quoted: it may be anything. */
    if (root->kind == HV_YNODE_SCALAR) {
        hv_ctx_error(ctx, root, "expected a map of keys: this is not a %s file", kind);
        return 0;
    }
    if (!hv_expect(ctx, root, HV_YNODE_MAP))
        return 0;
    const hv_ynode *format = hv_ynode_get(root, "format");
    if (!format) {
        hv_ctx_error(ctx, root, "missing required key 'format' (this version reads format %d)",
                     HV_FORMAT_VERSION);
        return 0;
    }
    size_t old = hv_ctx_push_key(ctx, "format");
    int64_t v = 0;
    int ok = hv_read_int(ctx, format, 0, 1000000, &v);
    if (ok && v != HV_FORMAT_VERSION) {
        hv_ctx_error(ctx, format, "format %lld is not supported (this version reads format %d)",
                     (long long)v, HV_FORMAT_VERSION);
        ok = 0;
    }
    hv_ctx_pop(ctx, old);
    if (!ok)
        return 0;
    const hv_ynode *k = hv_ynode_get(root, "kind");
    if (!k) {
        hv_ctx_error(ctx, root, "missing required key 'kind' (expected '%s')", kind);
        return 0;
    }
    old = hv_ctx_push_key(ctx, "kind");
    if (hv_expect(ctx, k, HV_YNODE_SCALAR) && strcmp(k->str, kind) != 0) {
        hv_ctx_error(ctx, k, "'%s' is not '%s'", k->str, kind);
        ok = 0;
    }
    hv_ctx_pop(ctx, old);
    return ok && k->kind == HV_YNODE_SCALAR;
}

/* Reads a map of id -> entry into a table of COUNT entries of SIZE bytes
 * whose first member is the id. New entries must be complete; with MERGE,
 * an existing id takes only the keys given. */
void hv_read_table(hv_ctx *ctx, const hv_ynode *node, const hv_field *fields, void *table,
                   size_t size, int32_t *count, int32_t cap, int merge, const char *what,
                   void (*defaults)(void *entry),
                   void (*after)(hv_ctx *ctx, const hv_ynode *node, void *entry, int fresh))
{
    if (!hv_expect(ctx, node, HV_YNODE_MAP))
        return;
    for (size_t i = 0; i < node->count; i++) {
        const hv_ynode *key = node->items[2 * i];
        char id[HV_ID_LEN];
        size_t old = hv_ctx_push_key(ctx, key->str);
        if (!hv_read_id(ctx, key, id, sizeof id) || hv_remove_skips(ctx, what, key, id)) {
            hv_ctx_pop(ctx, old);
            continue;
        }
        char *entry = NULL;
        for (int32_t e = 0; e < *count && merge; e++)
            if (strcmp((char *)table + (size_t)e * size, id) == 0)
                entry = (char *)table + (size_t)e * size;
        int fresh = entry == NULL;
        if (fresh) {
            if (*count >= cap) {
                hv_ctx_error(ctx, key, "more than %d %s", cap, what);
                hv_ctx_pop(ctx, old);
                continue;
            }
            entry = (char *)table + (size_t)(*count)++ * size;
            memset(entry, 0, size);
            memcpy(entry, id, strlen(id) + 1);
            if (defaults)
                defaults(entry);
        }
        hv_fields_read(ctx, node->items[2 * i + 1], fields, entry, NULL, fresh);
        if (after && node->items[2 * i + 1]->kind == HV_YNODE_MAP)
            after(ctx, node->items[2 * i + 1], entry, fresh);
        hv_ctx_pop(ctx, old);
    }
}

static void module_type_defaults(void *entry)
{
    ((hv_module_type *)entry)->terrain_mask = 1u << HV_TERRAIN_PLAIN;
}

void hv_read_section(hv_ctx *ctx, const hv_ynode *root, const char *key, const hv_field *fields,
                     void *target, int require)
{
    const hv_ynode *node = hv_ynode_get(root, key);
    if (!node)
        return;
    size_t old = hv_ctx_push_key(ctx, key);
    hv_fields_read(ctx, node, fields, target, NULL, require);
    hv_ctx_pop(ctx, old);
}

static void read_resources(hv_ctx *ctx, const hv_ynode *node, hv_rules *rules)
{
    if (!hv_expect(ctx, node, HV_YNODE_MAP))
        return;
    for (size_t i = 0; i < node->count; i++) {
        const hv_ynode *key = node->items[2 * i];
        int r = hv_resource_find(key->str);
        if (r < 0) {
            char hint[HV_SUGGEST_LEN];
            hv_ctx_error(ctx, key,
                         "unknown resource '%s'%s (the resources are fixed; rename them here)",
                         key->str, hv_ref_hint(ctx, HV_REF_RESOURCE, key->str, hint, sizeof hint));
            continue;
        }
        size_t old = hv_ctx_push_key(ctx, key->str);
        hv_fields_read(ctx, node->items[2 * i + 1], hv_resource_info_fields, &rules->resources[r],
                       NULL, 0);
        hv_ctx_pop(ctx, old);
    }
}

static void read_bloc_members(hv_ctx *ctx, const hv_ynode *node, void *entry, int fresh)
{
    static const hv_field faction = {"faction", HV_F_REF, 0, 0, 0, 0, 0, NULL, HV_REF_FACTION, ""};
    hv_bloc *bloc = entry;
    const hv_ynode *list = hv_ynode_get(node, "factions");
    (void)fresh;
    if (!list)
        return;
    size_t old = hv_ctx_push_key(ctx, "factions");
    if (hv_expect(ctx, list, HV_YNODE_SEQ)) {
        bloc->members = 0;
        for (size_t i = 0; i < list->count; i++) {
            int32_t f = -1;
            size_t at = hv_ctx_push_index(ctx, i);
            hv_fields_read_one(ctx, list->items[i], &faction, &f);
            hv_ctx_pop(ctx, at);
            if (f >= 0)
                bloc->members |= 1u << f;
        }
        if (list->count == 0)
            hv_ctx_error(ctx, list, "needs at least one entry");
    }
    hv_ctx_pop(ctx, old);
}

void hv_rules_read(hv_ctx *ctx, const hv_ynode *root, hv_rules *rules, int as_file)
{
    /* The key list of the file; overrides accept the same minus
     * format/kind/extends. A file that extends others is read like
     * overrides: nothing is required, and entries merge. Its `remove` was
     * read before what it extends. */
    const hv_field *fields = as_file ? hv_rules_fields : hv_rules_fields + 3;
    int merging = !as_file || hv_ynode_get(root, "extends") != NULL;
    as_file = as_file && !merging;
    if (!hv_fields_read(ctx, root, fields, rules, NULL, as_file))
        return;
    const hv_ynode *node;
    if ((node = hv_ynode_get(root, "resources"))) {
        size_t old = hv_ctx_push_key(ctx, "resources");
        read_resources(ctx, node, rules);
        hv_ctx_pop(ctx, old);
    }
    /* Flags first: sections and tables below may name them. */
    if ((node = hv_ynode_get(root, "flags"))) {
        size_t old = hv_ctx_push_key(ctx, "flags");
        hv_read_flags(ctx, node, rules);
        hv_ctx_pop(ctx, old);
    }
    hv_read_section(ctx, root, "life_support", hv_life_fields, &rules->life, as_file);
    hv_read_section(ctx, root, "weather", hv_weather_fields, &rules->weather, as_file);
    hv_read_section(ctx, root, "society", hv_society_fields, &rules->society, as_file);
    hv_read_section(ctx, root, "incidents", hv_incidents_fields, &rules->incidents, as_file);
    hv_read_section(ctx, root, "missions", hv_missions_fields, &rules->missions, as_file);
    hv_read_section(ctx, root, "market", hv_market_fields, &rules->market, as_file);
    hv_read_section(ctx, root, "world", hv_world_fields, &rules->world, 0);
    hv_read_section(ctx, root, "storyteller", hv_storyteller_fields, &rules->storyteller, 0);
    static const struct {
        const char *key;
        const hv_field *fields;
        size_t offset, size, count_offset;
        int32_t cap;
        void (*defaults)(void *);
        void (*after)(hv_ctx *, const hv_ynode *, void *, int);
    } tables[] = {
        {"roles", hv_role_fields, offsetof(hv_rules, roles), sizeof(hv_role),
         offsetof(hv_rules, role_count), HV_MAX_ROLES, NULL, NULL},
        {"factions", hv_faction_fields, offsetof(hv_rules, factions), sizeof(hv_faction),
         offsetof(hv_rules, faction_count), HV_MAX_FACTIONS, NULL, NULL},
        {"module_types", hv_module_type_fields, offsetof(hv_rules, module_types),
         sizeof(hv_module_type), offsetof(hv_rules, module_type_count), HV_MAX_MODULE_TYPES,
         module_type_defaults, NULL},
        {"traits", hv_trait_fields, offsetof(hv_rules, traits), sizeof(hv_trait),
         offsetof(hv_rules, trait_count), HV_MAX_TRAITS, NULL, NULL},
        {"blocs", hv_bloc_fields, offsetof(hv_rules, blocs), sizeof(hv_bloc),
         offsetof(hv_rules, bloc_count), HV_MAX_BLOCS, NULL, read_bloc_members},
        {"policies", hv_policy_fields, offsetof(hv_rules, policies), sizeof(hv_policy),
         offsetof(hv_rules, policy_count), HV_MAX_POLICIES, NULL, hv_read_policy_options},
        {"events", hv_pool_event_fields, offsetof(hv_rules, events), sizeof(hv_event_def),
         offsetof(hv_rules, event_count), HV_MAX_EVENTS, hv_event_defaults, hv_read_event_body},
    };
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        if (!(node = hv_ynode_get(root, tables[t].key)))
            continue;
        size_t old = hv_ctx_push_key(ctx, tables[t].key);
        if (as_file && node->kind == HV_YNODE_MAP && node->count == 0)
            hv_ctx_error(ctx, node, "needs at least one entry");
        hv_read_table(ctx, node, tables[t].fields, (char *)rules + tables[t].offset, tables[t].size,
                      (int32_t *)(void *)((char *)rules + tables[t].count_offset), tables[t].cap,
                      merging, tables[t].key, tables[t].defaults, tables[t].after);
        hv_ctx_pop(ctx, old);
    }
    if ((node = hv_ynode_get(root, "events"))) {
        size_t old = hv_ctx_push_key(ctx, "events");
        hv_read_event_links(ctx, node, rules);
        hv_ctx_pop(ctx, old);
    }
    const hv_market *mk = &rules->market;
    if (mk->price_min > mk->price_max || mk->price < mk->price_min || mk->price > mk->price_max) {
        const hv_ynode *m = hv_ynode_get(root, "market");
        size_t old = hv_ctx_push_key(ctx, "market");
        hv_ctx_error(ctx, m ? m : root, "price %lld must lie within price_min %lld..price_max %lld",
                     (long long)mk->price, (long long)mk->price_min, (long long)mk->price_max);
        hv_ctx_pop(ctx, old);
    }
    if ((rules->world.day_weeks > 0) != (rules->world.night_weeks > 0)) {
        const hv_ynode *w = hv_ynode_get(root, "world");
        size_t old = hv_ctx_push_key(ctx, "world");
        hv_ctx_error(ctx, w ? w : root,
                     "day_weeks and night_weeks go together: both above 0, or neither");
        hv_ctx_pop(ctx, old);
    }
    if (rules->weather.dust_min > rules->weather.dust_max) {
        /* Point at whichever bound this map set; the other came from the rules file. */
        const hv_ynode *w = hv_ynode_get(root, "weather");
        const hv_ynode *lo = w ? hv_ynode_get(w, "dust_min") : NULL;
        const hv_ynode *hi = w ? hv_ynode_get(w, "dust_max") : NULL;
        size_t old = hv_ctx_push_key(ctx, lo ? "weather.dust_min" : "weather.dust_max");
        hv_ctx_error(ctx,
                     lo   ? lo
                     : hi ? hi
                          : root,
                     "dust_min %d is above dust_max %d", rules->weather.dust_min,
                     rules->weather.dust_max);
        hv_ctx_pop(ctx, old);
    }
}

const char *hv_rules_resolve(char *out, size_t cap, const char *from, const char *ref)
{
    if (strcmp(ref, HV_RULES_BASE) != 0)
        return hv_file_resolve(out, cap, from, ref);
    const char *folders[HV_DATA_FOLDERS];
    if (hv_file_data_folders(folders) < 1 ||
        snprintf(out, cap, "%s/levels/rules/base.yaml", folders[0]) >= (int)cap ||
        !hv_file_is_regular(out))
        return "names the game's own rules, which are not where the game keeps its data";
    return NULL;
}

/* Loads PATH into RULES, noting each file read in SOURCES. */
static int rules_load(hv_rules *rules, const char *path, hv_diag *diag, int depth, hv_removals *rm,
                      hv_rules_sources *sources)
{
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    size_t before = diag->count;
    if (hv_rules_cache_read(&doc, path, &limits, diag, sources) != 0) {
        hv_ydoc_free(&doc);
        return -1;
    }
    int32_t own = rm->count; /* this file's removals come after */
    hv_ctx ctx = {diag, path, rules, "", 0, 0, rm, depth};
    if (hv_check_format(&ctx, doc.root, "rules")) {
        const hv_ynode *ext = hv_ynode_get(doc.root, "extends");
        const hv_ynode *remove = hv_ynode_get(doc.root, "remove");
        int ok = 1;
        if (remove && !ext) {
            size_t old = hv_ctx_push_key(&ctx, "remove");
            hv_ctx_error(&ctx, remove,
                         "a rules file removes only from the rules it extends; add `extends: "
                         "base` or drop `remove`");
            hv_ctx_pop(&ctx, old);
        } else {
            /* Before what this file extends, which is read without them. */
            hv_remove_read(&ctx, doc.root);
        }
        if (ext) {
            /* What this file extends comes first, whole; this file then
             * adds entries and changes keys of existing ones. */
            size_t old = hv_ctx_push_key(&ctx, "extends");
            size_t at = diag->count;
            int32_t conflicts = rm->conflicts;
            char parent[HV_FILE_LEN];
            const char *problem = NULL;
            if (ext->kind != HV_YNODE_SCALAR || !ext->len)
                problem = "must name `base` or a rules file";
            else if (depth >= HV_RULES_EXTENDS_DEPTH)
                problem = "goes round in a loop: rules files extend each other";
            else
                problem = hv_rules_resolve(parent, sizeof parent, path, ext->str);
            if (problem)
                hv_ctx_error(&ctx, ext, "'%s' %s", ext->kind == HV_YNODE_SCALAR ? ext->str : "",
                             problem);
            else if (rules_load(rules, parent, diag, depth + 1, rm, sources) != 0 &&
                     diag->count - at > (size_t)(rm->conflicts - conflicts))
                hv_ctx_error(&ctx, ext, "'%s' cannot be loaded (its errors are above)", ext->str);
            hv_ctx_pop(&ctx, old);
            /* Entries that still name removed ones leave the rest sound. */
            ok = diag->count - at == (size_t)(rm->conflicts - conflicts);
            if (ok)
                hv_remove_check_found(&ctx, rules);
        }
        if (ok) {
            hv_rules_read(&ctx, doc.root, rules, 1);
            hv_resolve_missions(&ctx, doc.root, rules);
            hv_remove_check_left(&ctx, rules);
        }
    }
    rm->count = own;
    hv_ydoc_free(&doc);
    return diag->count == before ? 0 : -1;
}

int hv_rules_load(hv_rules *rules, const char *path, hv_diag *diag)
{
    hv_removals *rm = calloc(1, sizeof *rm);
    if (!rm) {
        hv_diag_error(diag, path, 0, 0, "out of memory");
        return -1;
    }
    int rc = hv_rules_load_removing(rules, path, diag, rm);
    free(rm);
    return rc;
}

int hv_rules_load_removing(hv_rules *rules, const char *path, hv_diag *diag, hv_removals *rm)
{
    /* Rules read without removals are the same for every level that names
     * them, so they are parsed once while their files stay as they are. */
    int plain = rm->count == 0;
    if (plain && hv_rules_cache_find(path, rules))
        return 0;
    /* Only now: what the cache copies in needs no clearing first. */
    hv_rules_init(rules);
    hv_rules_sources sources;
    hv_rules_sources_init(&sources);
    size_t errors = diag->count, warnings = diag->warning_count;
    int rc = rules_load(rules, path, diag, 0, rm, plain ? &sources : NULL);
    if (plain && rc == 0 && diag->count == errors && diag->warning_count == warnings)
        hv_rules_cache_keep(path, &sources, rules);
    else
        hv_rules_sources_free(&sources);
    return rc;
}

void hv_read_list(hv_ctx *ctx, const hv_ynode *parent, const char *key, size_t cap,
                  void (*read)(hv_ctx *, const hv_ynode *, size_t, void *), void *data)
{
    const hv_ynode *list = hv_ynode_get(parent, key);
    if (!list)
        return;
    size_t old = hv_ctx_push_key(ctx, key);
    if (hv_expect(ctx, list, HV_YNODE_SEQ)) {
        if (list->count > cap)
            hv_ctx_error(ctx, list, "holds %zu entries, at most %zu allowed", list->count, cap);
        for (size_t i = 0; i < list->count && i < cap; i++) {
            size_t at = hv_ctx_push_index(ctx, i);
            read(ctx, list->items[i], i, data);
            hv_ctx_pop(ctx, at);
        }
    }
    hv_ctx_pop(ctx, old);
}
