#define _POSIX_C_SOURCE 200809L
#include "hv_field_table.h"
#include "hv_level.h"

#include "hv_file.h"
#include "hv_remove.h"
#include "hv_suggest.h"
#include "hv_turn.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What the top of a level reads into before the rules exist. */
typedef struct level_head {
    char id[HV_ID_LEN];
    char title[HV_TITLE_LEN];
    char summary[HV_SUMMARY_LEN];
    char description[HV_DESCRIPTION_LEN];
    int32_t difficulty;
    char rules[HV_FILE_LEN];
} level_head;

typedef struct start_module {
    char id[HV_ID_LEN];
    int32_t type, x, y, building;
} start_module;

typedef struct start_person {
    char name[HV_PERSON_NAME_LEN];
    int32_t faction, role, skill, health, morale, trait, loyalty;
    char assigned[HV_ID_LEN];
} start_person;

typedef struct start_head {
    int32_t dust;
    int64_t resources[HV_RES_COUNT];
    int32_t tension, class_tension;
} start_head;

typedef struct map_head {
    int32_t width, height;
} map_head;

const hv_field hv_level_fields[] = {
    SECTION("format", 1, "format version of the file; must be 1"),
    SECTION("kind", 1, "what the file holds: `level`"),
    FIELD("id", HV_F_ID, level_head, id, 1, 0, 0, "short unique name, a-z 0-9 _"),
    FIELD("title", HV_F_TEXT, level_head, title, 1, 0, 0, "title shown in the level picker"),
    FIELD("summary", HV_F_TEXT, level_head, summary, 1, 0, 0,
          "one or two sentences for the picker"),
    FIELD("description", HV_F_TEXT, level_head, description, 1, 0, 0, "briefing shown before play"),
    FIELD("difficulty", HV_F_INT32, level_head, difficulty, 1, 1, 5, "1 (gentle) to 5 (hard)"),
    FIELD("rules", HV_F_TEXT, level_head, rules, 1, 0, 0, "rules file, relative to this file"),
    SECTION("overrides", 0,
            "changes, additions and removals to the rules, same keys as a rules file"),
    SECTION("map", 1, "size and terrain of the base site"),
    SECTION("start", 1, "stocks, modules and people at week 1"),
    SECTION("sponsors", 0, "who pays the base each week"),
    SECTION("supply_ships", 0, "scheduled deliveries from Earth"),
    SECTION("asteroids", 0, "asteroids within reach, by id"),
    SECTION("events", 0, "scripted events, by id: each fires once when its trigger holds"),
    SECTION("steps", 0, "what the level teaches, one step at a time"),
    SECTION("goals", 1, "how the level is won and lost"),
    END,
};

const hv_field hv_map_fields[] = {
    FIELD("width", HV_F_INT32, map_head, width, 1, 4, HV_MAX_MAP, "cells across"),
    FIELD("height", HV_F_INT32, map_head, height, 1, 4, HV_MAX_MAP, "cells down"),
    SECTION("terrain", 1, "one text row per line: `.` plain, `~` ice, `#` rock"),
    END,
};

const hv_field hv_start_fields[] = {
    FIELD("dust", HV_F_INT32, start_head, dust, 1, 0, 95,
          "dust in week 1, within the weather band"),
    FIELD("resources", HV_F_RESMAP, start_head, resources, 1, 0, BIG,
          "stocks in week 1; resources not listed start at 0"),
    FIELD("tension", HV_F_INT32, start_head, tension, 0, 0, 100,
          "tension between every two nations in week 1 (default 0)"),
    FIELD("class_tension", HV_F_INT32, start_head, class_tension, 0, 0, 100,
          "tension between staff and workers in week 1 (default 0)"),
    SECTION("modules", 1, "modules standing in week 1"),
    SECTION("people", 1, "everyone at the base in week 1"),
    END,
};

const hv_field hv_start_module_fields[] = {
    FIELD("id", HV_F_ID, start_module, id, 0, 0, 0, "name to assign people by (optional)"),
    REF("type", start_module, type, 1, HV_REF_MODULE_TYPE, "module type id"),
    FIELD("x", HV_F_INT32, start_module, x, 1, 0, HV_MAX_MAP - 1, "column, from 0"),
    FIELD("y", HV_F_INT32, start_module, y, 1, 0, HV_MAX_MAP - 1, "row, from 0"),
    FIELD("building", HV_F_BOOL, start_module, building, 0, 0, 0,
          "still under construction (default false)"),
    END,
};

const hv_field hv_person_fields[] = {
    FIELD("name", HV_F_TEXT, start_person, name, 1, 0, 0, "full name"),
    REF("faction", start_person, faction, 1, HV_REF_FACTION, "faction id"),
    REF("role", start_person, role, 1, HV_REF_ROLE, "role id"),
    FIELD("skill", HV_F_INT32, start_person, skill, 1, 1, 5, "1 to 5"),
    FIELD("health", HV_F_INT32, start_person, health, 1, 1, 100, "1 to 100"),
    FIELD("morale", HV_F_INT32, start_person, morale, 1, 0, 100, "0 to 100"),
    FIELD("assigned", HV_F_ID, start_person, assigned, 0, 0, 0, "id of a start module (optional)"),
    REF("trait", start_person, trait, 0, HV_REF_TRAIT1,
        "a trait id (default: one drawn by the traits' weights when the game starts)"),
    FIELD("loyalty", HV_F_INT32, start_person, loyalty, 0, 0, 100,
          "how firmly they stand with their faction, 0 to 100 (default 70)"),
    END,
};

const hv_field hv_sponsor_fields[] = {
    REF("faction", hv_sponsor, faction, 1, HV_REF_FACTION, "paying faction"),
    FIELD("funding", HV_F_INT64, hv_sponsor, funding, 1, 0, BIG,
          "funds per week when fully satisfied; half when not at all"),
    FIELD("satisfaction", HV_F_INT32, hv_sponsor, satisfaction, 1, 0, 100,
          "satisfaction at the start, 0 to 100"),
    SECTION("agenda", 0, "what it cares about, weighed each week (default: nothing)"),
    END,
};

#define AGENDA(key, member, doc) FIELD(key, HV_F_INT32, hv_agenda, member, 0, -1000, 1000, doc)
const hv_field hv_agenda_fields[] = {
    AGENDA("exports", exports, "per 10 iridium sold on Earth this week"),
    AGENDA("mining", mining, "per 10 units mined in Mars orbit this week: jobs on Mars"),
    AGENDA("pay", pay, "per 10 points workers' pay is above the contract (below: negative)"),
    AGENDA("incidents", incidents, "per incident on the base this week"),
    AGENDA("workers", workers, "per hired worker on the roster, each week"),
    AGENDA("tension", tension, "per 10 points of the highest tension between nations, each week"),
    AGENDA("earth_orbit", earth_orbit, "once for each captured rock parked in Earth orbit"),
    AGENDA("mars_orbit", mars_orbit, "once for each captured rock parked in Mars orbit"),
    END,
};

const hv_field hv_supply_fields[] = {
    FIELD("first_week", HV_F_INT32, hv_supply_ship, first_turn, 1, 1, 100000,
          "week of first arrival"),
    FIELD("every", HV_F_INT32, hv_supply_ship, every, 1, 0, 1000,
          "weeks between arrivals, 0 for once"),
    FIELD("cargo", HV_F_RESMAP, hv_supply_ship, cargo, 1, 0, BIG, "what each arrival brings"),
    END,
};

static void read_terrain_rows(hv_ctx *ctx, const hv_ynode *rows, hv_rules *rules)
{
    if (!hv_expect(ctx, rows, HV_YNODE_SEQ))
        return;
    if ((int32_t)rows->count != rules->map_height) {
        hv_ctx_error(ctx, rows, "has %zu rows, map.height is %d", rows->count, rules->map_height);
        return;
    }
    for (size_t y = 0; y < rows->count; y++) {
        const hv_ynode *row = rows->items[y];
        size_t old = hv_ctx_push_index(ctx, y);
        if (hv_expect(ctx, row, HV_YNODE_SCALAR) && !hv_comment_error(ctx, row, "the row")) {
            if ((int32_t)row->len != rules->map_width) {
                hv_ctx_error(ctx, row, "row is %zu cells long, map.width is %d", row->len,
                             rules->map_width);
            } else {
                for (size_t x = 0; x < row->len; x++) {
                    const char *at = strchr(HV_TERRAIN_CHARS, row->str[x]);
                    if (!at || !row->str[x]) {
                        hv_ctx_error(ctx, row,
                                     "cell %zu is '%c'; use '.' plain, '~' ice or '#' rock", x,
                                     row->str[x]);
                        break;
                    }
                    rules->terrain[y * (size_t)rules->map_width + x] =
                        (uint8_t)(at - HV_TERRAIN_CHARS);
                }
            }
        }
        hv_ctx_pop(ctx, old);
    }
}

typedef struct loading {
    hv_level *level;
    start_module modules[HV_MAX_MODULES];
    const hv_ynode *module_nodes[HV_MAX_MODULES];
    int32_t module_count;
    char failed[HV_MAX_MODULES][HV_ID_LEN]; /* ids of listed modules that had errors */
    int32_t failed_count;
    int map_ok;
    hv_removals removals; /* what the overrides remove */
} loading;

static void read_start_module(hv_ctx *ctx, const hv_ynode *node, size_t index, void *data)
{
    loading *ld = data;
    start_module m = {"", -1, -1, -1, 0};
    int before = ctx->errors;
    hv_fields_read(ctx, node, hv_start_module_fields, &m, NULL, 1);
    if (ctx->errors != before) {
        /* People assigned to it would only repeat the problem. */
        if (m.id[0])
            memcpy(ld->failed[ld->failed_count++], m.id, HV_ID_LEN);
        return;
    }
    const hv_rules *rules = &ld->level->rules;
    if (ld->map_ok && (m.x >= rules->map_width || m.y >= rules->map_height)) {
        hv_ctx_error(ctx, node, "(%d, %d) is outside the %dx%d map", m.x, m.y, rules->map_width,
                     rules->map_height);
        if (m.id[0])
            memcpy(ld->failed[ld->failed_count++], m.id, HV_ID_LEN);
        return;
    }
    const hv_module_type *mt = &rules->module_types[m.type];
    hv_terrain t = hv_rules_terrain_at(rules, m.x, m.y);
    if (ld->map_ok && !(mt->terrain_mask & (1u << t)))
        hv_ctx_error(ctx, node, "module type '%s' cannot stand on %s ground at (%d, %d)", mt->id,
                     hv_terrain_names[t], m.x, m.y);
    for (int32_t i = 0; i < ld->module_count; i++) {
        const start_module *o = &ld->modules[i];
        if (o->x == m.x && o->y == m.y)
            hv_ctx_error(ctx, node, "(%d, %d) is already taken by the module at line %d", m.x, m.y,
                         ld->module_nodes[i]->line);
        if (m.id[0] && strcmp(o->id, m.id) == 0)
            hv_ctx_error(ctx, node, "duplicate module id '%s' (first at line %d)", m.id,
                         ld->module_nodes[i]->line);
    }
    (void)index;
    ld->module_nodes[ld->module_count] = node;
    ld->modules[ld->module_count++] = m;
}

/* A person assigned to an id no start module has: most often a typo of
 * one, or the module's type written where its id belongs. */
static void unknown_module(hv_ctx *ctx, const hv_ynode *at, const loading *ld, const char *id)
{
    hv_suggest near = hv_suggest_start(id);
    for (int32_t i = 0; i < ld->module_count; i++)
        hv_suggest_offer(&near, ld->modules[i].id);
    char hint[HV_SUGGEST_LEN];
    if (hv_suggest_hint(&near, hint, sizeof hint)[0])
        hv_ctx_error(ctx, at, "no start module has the id '%s'%s", id, hint);
    else if (hv_rules_find_module_type(&ld->level->rules, id) >= 0)
        hv_ctx_error(ctx, at,
                     "no start module has the id '%s'; that is a module type, and `assigned` "
                     "names a module by its `id`",
                     id);
    else
        hv_ctx_error(ctx, at,
                     "no start module has the id '%s'; `assigned` names a module by the `id` "
                     "given it in start.modules",
                     id);
}

static void read_person(hv_ctx *ctx, const hv_ynode *node, size_t index, void *data)
{
    loading *ld = data;
    start_person p;
    memset(&p, 0, sizeof p);
    p.loyalty = 70;
    int before = ctx->errors;
    (void)index;
    if (!hv_fields_read(ctx, node, hv_person_fields, &p, NULL, 1) || ctx->errors != before)
        return;
    hv_person person = {.faction = p.faction,
                        .role = p.role,
                        .skill = p.skill,
                        .health = p.health,
                        .morale = p.morale,
                        .trait = p.trait,
                        .loyalty = p.loyalty};
    if (p.assigned[0]) {
        int32_t found = -1;
        for (int32_t i = 0; i < ld->module_count; i++)
            if (strcmp(ld->modules[i].id, p.assigned) == 0)
                found = i;
        const hv_ynode *at = hv_ynode_get(node, "assigned");
        size_t old = hv_ctx_push_key(ctx, "assigned");
        int failed = 0;
        for (int32_t i = 0; i < ld->failed_count; i++)
            failed |= strcmp(ld->failed[i], p.assigned) == 0;
        if (found < 0 && failed) {
            /* Already reported at the module itself. */
        } else if (found < 0) {
            unknown_module(ctx, at, ld, p.assigned);
        } else {
            hv_module *m = &ld->level->start.modules[found];
            int32_t slots = ld->level->rules.module_types[m->type].crew_slots;
            if (m->crew >= slots)
                hv_ctx_error(ctx, at, "module '%s' has no free crew slot (%d slots)", p.assigned,
                             slots);
            else
                person.module = m->id;
        }
        hv_ctx_pop(ctx, old);
    }
    if (ctx->errors == before && !hv_state_add_person(&ld->level->start, &person, p.name))
        hv_ctx_error(ctx, node, "more than %d people", HV_MAX_PEOPLE);
}

static void read_sponsor(hv_ctx *ctx, const hv_ynode *node, size_t index, void *data)
{
    hv_rules *rules = data;
    hv_fields_read(ctx, node, hv_sponsor_fields, &rules->sponsors[index], NULL, 1);
    if (node->kind == HV_YNODE_MAP)
        hv_read_section(ctx, node, "agenda", hv_agenda_fields, &rules->sponsors[index].agenda, 0);
    rules->sponsor_count = (int32_t)index + 1;
}

static void read_supply(hv_ctx *ctx, const hv_ynode *node, size_t index, void *data)
{
    hv_rules *rules = data;
    hv_fields_read(ctx, node, hv_supply_fields, &rules->supply[index], NULL, 1);
    rules->supply_count = (int32_t)index + 1;
}

static void read_map(hv_ctx *ctx, const hv_ynode *root, loading *ld)
{
    hv_rules *rules = &ld->level->rules;
    const hv_ynode *node = hv_ynode_get(root, "map");
    map_head map = {0, 0};
    size_t old = hv_ctx_push_key(ctx, "map");
    int before = ctx->errors;
    if (node && hv_fields_read(ctx, node, hv_map_fields, &map, NULL, 1) && ctx->errors == before) {
        rules->map_width = map.width;
        rules->map_height = map.height;
        size_t at = hv_ctx_push_key(ctx, "terrain");
        read_terrain_rows(ctx, hv_ynode_get(node, "terrain"), rules);
        hv_ctx_pop(ctx, at);
        ld->map_ok = ctx->errors == before;
    }
    hv_ctx_pop(ctx, old);
}

static void read_start(hv_ctx *ctx, const hv_ynode *root, loading *ld)
{
    hv_level *level = ld->level;
    const hv_ynode *node = hv_ynode_get(root, "start");
    if (!node)
        return;
    size_t old = hv_ctx_push_key(ctx, "start");
    start_head head;
    memset(&head, 0, sizeof head);
    head.dust = level->rules.weather.dust_min;
    if (hv_fields_read(ctx, node, hv_start_fields, &head, NULL, 1)) {
        const hv_weather *w = &level->rules.weather;
        if (w->dust_min <= w->dust_max && (head.dust < w->dust_min || head.dust > w->dust_max)) {
            size_t at = hv_ctx_push_key(ctx, "dust");
            hv_ctx_error(ctx, hv_ynode_get(node, "dust"), "%d is outside the weather band %d..%d",
                         head.dust, w->dust_min, w->dust_max);
            hv_ctx_pop(ctx, at);
        }
        hv_state_init(&level->start, &level->rules, 0);
        level->start.dust = head.dust;
        memcpy(level->start.stock, head.resources, sizeof head.resources);
        for (int32_t a = 0; a < HV_MAX_FACTIONS; a++)
            for (int32_t b = 0; b < HV_MAX_FACTIONS; b++)
                level->start.tension[a][b] = a == b ? 0 : head.tension;
        level->start.class_tension = head.class_tension;
        hv_read_list(ctx, node, "modules", HV_MAX_MODULES, read_start_module, ld);
        for (int32_t i = 0; i < ld->module_count; i++) {
            const start_module *m = &ld->modules[i];
            hv_state_add_module(&level->start, m->type, m->x, m->y, !m->building);
            memcpy(level->module_names[i], m->id, HV_ID_LEN);
        }
        const hv_ynode *people = hv_ynode_get(node, "people");
        if (people && people->kind == HV_YNODE_SEQ && people->count == 0) {
            size_t at = hv_ctx_push_key(ctx, "people");
            hv_ctx_error(ctx, people, "needs at least one person");
            hv_ctx_pop(ctx, at);
        }
        hv_read_list(ctx, node, "people", HV_MAX_PEOPLE, read_person, ld);
    }
    hv_ctx_pop(ctx, old);
}

static void read_body(hv_ctx *ctx, const hv_ynode *root, hv_level *level, loading *ld)
{
    const hv_ynode *node;
    level->rules_event_count = level->rules.event_count;
    level->rules_policy_count = level->rules.policy_count;
    for (int32_t p = 0; p < level->rules.policy_count; p++)
        level->rules_option_count[p] = level->rules.policies[p].option_count;
    if ((node = hv_ynode_get(root, "overrides"))) {
        size_t old = hv_ctx_push_key(ctx, "overrides");
        hv_rules_read(ctx, node, &level->rules, 0);
        hv_remove_check_left(ctx, &level->rules);
        hv_ctx_pop(ctx, old);
    }
    read_map(ctx, root, ld);
    read_start(ctx, root, ld);
    hv_read_list(ctx, root, "sponsors", HV_MAX_SPONSORS, read_sponsor, &level->rules);
    hv_read_list(ctx, root, "supply_ships", HV_MAX_SUPPLY, read_supply, &level->rules);
    if ((node = hv_ynode_get(root, "asteroids"))) {
        size_t old = hv_ctx_push_key(ctx, "asteroids");
        hv_read_asteroids(ctx, node, &level->rules);
        hv_ctx_pop(ctx, old);
    }
    if ((node = hv_ynode_get(root, "events"))) {
        size_t old = hv_ctx_push_key(ctx, "events");
        hv_read_level_events(ctx, node, &level->rules);
        hv_ctx_pop(ctx, old);
    }
    if ((node = hv_ynode_get(root, "steps"))) {
        size_t old = hv_ctx_push_key(ctx, "steps");
        hv_read_steps(ctx, node, &level->rules);
        hv_ctx_pop(ctx, old);
    }
    if ((node = hv_ynode_get(root, "goals"))) {
        size_t old = hv_ctx_push_key(ctx, "goals");
        hv_read_goals(ctx, node, level);
        hv_ctx_pop(ctx, old);
    }
    /* After the level's events, which the overrides may name. */
    if ((node = hv_ynode_get(root, "overrides"))) {
        size_t old = hv_ctx_push_key(ctx, "overrides");
        hv_resolve_missions(ctx, node, &level->rules);
        hv_ctx_pop(ctx, old);
    }
}

/* The `kind` a YAML file says it holds, into BUF (CAP bytes); "" if none. */
static const char *file_kind(const char *path, char *buf, size_t cap)
{
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    hv_diag quiet;
    hv_diag_init(&quiet);
    const hv_ynode *kind = NULL;
    if (hv_ydoc_load_file(&doc, path, &limits, &quiet) == 0)
        kind = hv_ynode_get(doc.root, "kind");
    snprintf(buf, cap, "%s", kind && kind->kind == HV_YNODE_SCALAR ? kind->str : "");
    hv_ydoc_free(&doc);
    hv_diag_free(&quiet);
    return buf;
}

/* Loads the rules file the level names as NAMED at AT, its `rules` value,
 * without what the level's OVERRIDES remove.
 * Mistakes of the level itself are reported there rather than in the file
 * named: naming itself or another kind of file, or a file that cannot be
 * read at all (such errors stand at line 0 of the file). */
static int load_rules(hv_ctx *ctx, const hv_ynode *at, hv_level *level, const char *named,
                      const hv_ynode *overrides)
{
    struct stat self, other;
    if (stat(ctx->file, &self) == 0 && stat(level->rules_file, &other) == 0 &&
        self.st_dev == other.st_dev && self.st_ino == other.st_ino) {
        hv_ctx_error(ctx, at,
                     "rules: '%s' is this level itself; name the rules file it is played by "
                     "(`kind: rules`)",
                     named);
        return -1;
    }
    size_t old = hv_ctx_push_key(ctx, "overrides");
    hv_remove_read(ctx, overrides);
    hv_ctx_pop(ctx, old);
    hv_diag own;
    hv_diag_init(&own);
    ctx->rules = &level->rules; /* written whole from here on */
    int rc = hv_rules_load_removing(&level->rules, level->rules_file, &own, ctx->removals);
    char kind[HV_ID_LEN];
    if (rc != 0 && file_kind(level->rules_file, kind, sizeof kind)[0] &&
        strcmp(kind, "rules") != 0) {
        hv_ctx_error(ctx, at, "rules: '%s' is a %s file (`kind: %s`), not a rules file", named,
                     kind, kind);
        hv_diag_free(&own); /* its own complaints would only repeat this one */
        hv_diag_init(&own);
    }
    for (size_t i = 0; i < own.count; i++) {
        const hv_diag_entry *e = &own.entries[i];
        if (e->line == 0)
            hv_ctx_error(ctx, at, "rules: '%s' cannot be read: %s", named, e->message);
        else
            hv_diag_error(ctx->diag, e->file, e->line, e->col, "%s", e->message);
    }
    hv_diag_free(&own);
    if (rc == 0)
        hv_remove_check_found(ctx, &level->rules);
    return rc;
}

/* The level at PATH from its tree ROOT (NULL for an empty file). */
static hv_level *level_from(const char *path, const hv_ynode *root, hv_diag *diag)
{
    /* The rules, most of a level, are written once, when they are loaded
     * (or set to nothing where they are not): not cleared here first. */
    hv_level *level = malloc(sizeof *level);
    loading *ld = calloc(1, sizeof *ld);
    if (!level || !ld) {
        hv_diag_error(diag, path, 0, 0, "out of memory");
        free(level);
        free(ld);
        return NULL;
    }
    size_t after_rules = offsetof(hv_level, rules) + sizeof level->rules;
    memset(level, 0, offsetof(hv_level, rules));
    memset((char *)level + after_rules, 0, sizeof *level - after_rules);
    ld->level = level;
    size_t before = diag->count;
    snprintf(level->file, sizeof level->file, "%s", path);
    /* The overrides' removals come first: the rules are read without them.
     * Nothing looks up the rules until load_rules has written them. */
    hv_ctx ctx = {diag, path, NULL, "", 0, 0, &ld->removals, -1};
    if (hv_check_format(&ctx, root, "level")) {
        level_head head;
        memset(&head, 0, sizeof head);
        hv_fields_read(&ctx, root, hv_level_fields, &head, NULL, 1);
        memcpy(level->id, head.id, sizeof head.id);
        memcpy(level->title, head.title, sizeof head.title);
        memcpy(level->summary, head.summary, sizeof head.summary);
        memcpy(level->description, head.description, sizeof head.description);
        level->difficulty = head.difficulty;
        /* Without its rules nothing else in a level can be checked. */
        if (head.rules[0]) {
            const char *problem =
                hv_rules_resolve(level->rules_file, sizeof level->rules_file, path, head.rules);
            if (problem)
                hv_ctx_error(&ctx, hv_ynode_get(root, "rules"), "rules: '%s' %s", head.rules,
                             problem);
            else if (!hv_file_is_regular(level->rules_file))
                hv_ctx_error(&ctx, hv_ynode_get(root, "rules"), "rules: '%s' is not a regular file",
                             head.rules);
            else if (load_rules(&ctx, hv_ynode_get(root, "rules"), level, head.rules,
                                hv_ynode_get(root, "overrides")) == 0)
                read_body(&ctx, root, level, ld);
        }
    }
    /* Where a start the rules cannot play is reported, once the tree is gone. */
    const hv_ynode *start = hv_ynode_get(root, "start");
    int start_line = start ? start->line : 1, start_col = start ? start->col : 1;
    free(ld);
    if (!ctx.rules)
        hv_rules_init(&level->rules);
    /* The rules are complete: what the core derives from them is worked out once. */
    hv_rules_derive(&level->rules);
    /* Sponsors, asteroids and the market were read after the start state was made. */
    if (diag->count == before)
        hv_state_start_world(&level->start);
    /* Show week 1 with its power already balanced, as every later week is. */
    if (diag->count == before)
        hv_phase_power(&level->start, NULL);
    /* The state's kept counts, made afresh from the start as the rules now stand. */
    if (diag->count == before)
        hv_state_recount(&level->start);
    char why[200];
    if (diag->count == before && hv_state_check(&level->start, why, sizeof why) != 0)
        hv_diag_error(diag, path, start_line, start_col,
                      "start: the start of this level is inconsistent: %s", why);
    if (diag->count != before) {
        free(level);
        return NULL;
    }
    return level;
}

hv_level *hv_level_load(const char *path, hv_diag *diag)
{
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    hv_level *level = NULL;
    if (hv_ydoc_load_file(&doc, path, &limits, diag) == 0)
        level = level_from(path, doc.root, diag);
    hv_ydoc_free(&doc);
    return level;
}

hv_level *hv_level_load_tree(const char *path, const hv_ydoc *doc, hv_diag *diag)
{
    hv_ylimits limits = hv_ylimits_default();
    /* A tree read with wider limits is read again, to be refused as the game would. */
    if (doc->bytes > limits.max_bytes || doc->nodes > limits.max_nodes)
        return hv_level_load(path, diag);
    return level_from(path, doc->root, diag);
}

hv_level *hv_level_load_printing(const char *path, FILE *err)
{
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *level = hv_level_load(path, &diag);
    hv_diag_print(&diag, err);
    hv_diag_free(&diag);
    return level;
}

void hv_level_free(hv_level *level)
{
    free(level);
}

void hv_level_new_game(const hv_level *level, uint64_t seed, hv_state *out)
{
    *out = level->start;
    out->rules = &level->rules;
    hv_state_reseed(out, seed);
    hv_state_draw_traits(out);
}
