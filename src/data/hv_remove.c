#include "hv_remove.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "hv_field_table.h"
#include "hv_suggest.h"

const hv_field hv_remove_fields[] = {
    SECTION("roles", 0, "ids of roles to take out"),
    SECTION("factions", 0, "ids of factions to take out"),
    SECTION("blocs", 0, "ids of blocs to take out"),
    SECTION("traits", 0, "ids of traits to take out"),
    SECTION("module_types", 0, "ids of module types to take out"),
    SECTION("policies", 0, "ids of policies to take out"),
    SECTION("events", 0, "ids of events of the random pool to take out"),
    END,
};

/* Where each table of hv_remove_fields lies in hv_rules. */
static const struct {
    const char *noun;
    size_t offset, size, count;
    int required; /* the rules need at least one */
} tables[HV_RM_COUNT] = {
    {"role", offsetof(hv_rules, roles), sizeof(hv_role), offsetof(hv_rules, role_count), 1},
    {"faction", offsetof(hv_rules, factions), sizeof(hv_faction), offsetof(hv_rules, faction_count),
     1},
    {"bloc", offsetof(hv_rules, blocs), sizeof(hv_bloc), offsetof(hv_rules, bloc_count), 0},
    {"trait", offsetof(hv_rules, traits), sizeof(hv_trait), offsetof(hv_rules, trait_count), 0},
    {"module type", offsetof(hv_rules, module_types), sizeof(hv_module_type),
     offsetof(hv_rules, module_type_count), 1},
    {"policy", offsetof(hv_rules, policies), sizeof(hv_policy), offsetof(hv_rules, policy_count),
     0},
    {"event", offsetof(hv_rules, events), sizeof(hv_event_def), offsetof(hv_rules, event_count), 0},
};

static int32_t table_count(const hv_rules *rules, int t)
{
    return *(const int32_t *)(const void *)((const char *)rules + tables[t].count);
}

static const char *table_id(const hv_rules *rules, int t, int32_t i)
{
    return (const char *)rules + tables[t].offset + (size_t)i * tables[t].size;
}

static void read_ids(hv_ctx *ctx, const hv_ynode *list, int t)
{
    hv_removals *rm = ctx->removals;
    if (!hv_expect(ctx, list, HV_YNODE_SEQ))
        return;
    if (list->count == 0)
        hv_ctx_error(ctx, list, "needs at least one id");
    for (size_t i = 0; i < list->count; i++) {
        const hv_ynode *item = list->items[i];
        size_t old = hv_ctx_push_index(ctx, i);
        char id[HV_ID_LEN];
        int twice = 0;
        if (hv_read_id(ctx, item, id, sizeof id)) {
            for (int32_t r = 0; r < rm->count; r++) {
                const hv_removal *o = &rm->items[r];
                twice |= o->depth == ctx->depth && o->table == t && strcmp(o->id, id) == 0;
            }
            if (twice) {
                hv_ctx_error(ctx, item, "'%s' is listed twice", id);
            } else if (rm->count >= HV_MAX_REMOVALS) {
                hv_ctx_error(ctx, item, "more than %d removals in all", HV_MAX_REMOVALS);
            } else {
                hv_removal *r = &rm->items[rm->count++];
                memset(r, 0, sizeof *r);
                r->table = t;
                memcpy(r->id, id, sizeof id);
                r->depth = ctx->depth;
                r->file = ctx->file;
                hv_copy_text(r->path, sizeof r->path, ctx->path);
                r->line = item->line;
                r->col = item->col;
            }
        }
        hv_ctx_pop(ctx, old);
    }
}

void hv_remove_read(hv_ctx *ctx, const hv_ynode *root)
{
    const hv_ynode *node = hv_ynode_get(root, "remove");
    if (!node || !ctx->removals)
        return;
    size_t old = hv_ctx_push_key(ctx, "remove");
    /* Checks the table names, with a hint for a misspelt one. */
    if (hv_fields_read(ctx, node, hv_remove_fields, NULL, NULL, 0)) {
        for (size_t i = 0; i < node->count; i++) {
            const hv_ynode *key = node->items[2 * i];
            int t = hv_fields_index(hv_remove_fields, key->str);
            if (t < 0)
                continue;
            size_t at = hv_ctx_push_key(ctx, key->str);
            read_ids(ctx, node->items[2 * i + 1], t);
            hv_ctx_pop(ctx, at);
        }
        if (node->count == 0)
            hv_ctx_error(ctx, node, "names nothing to remove");
    }
    hv_ctx_pop(ctx, old);
}

int hv_remove_skips(hv_ctx *ctx, const char *what, const hv_ynode *key, const char *id)
{
    hv_removals *rm = ctx->removals;
    int t = rm ? hv_fields_index(hv_remove_fields, what) : -1;
    if (t < 0)
        return 0;
    hv_removal *nearest = NULL;
    for (int32_t i = 0; i < rm->count; i++) {
        hv_removal *r = &rm->items[i];
        if (r->table != t || strcmp(r->id, id) != 0)
            continue;
        if (r->depth == ctx->depth) {
            hv_ctx_error(ctx, key,
                         "'%s' is removed by %s on line %d; a file cannot both remove an entry "
                         "and define it",
                         id, r->path, r->line);
            return 1;
        }
        /* Removals of files that extend this one; the nearest takes it. */
        if (r->depth < ctx->depth && (!nearest || r->depth > nearest->depth))
            nearest = r;
    }
    if (nearest)
        nearest->claimed = 1;
    return nearest != NULL;
}

hv_removable hv_remove_table_of(hv_ref_kind ref)
{
    switch (ref) {
    case HV_REF_ROLE:
        return HV_RM_ROLES;
    case HV_REF_FACTION:
        return HV_RM_FACTIONS;
    case HV_REF_TRAIT1:
        return HV_RM_TRAITS;
    case HV_REF_MODULE_TYPE:
    case HV_REF_MODULE_TYPE1:
        return HV_RM_MODULE_TYPES;
    case HV_REF_POLICY1:
        return HV_RM_POLICIES;
    case HV_REF_EVENT1:
        return HV_RM_EVENTS;
    default:
        return HV_RM_COUNT;
    }
}

int hv_remove_named(hv_ctx *ctx, const hv_ynode *node, hv_removable table, const char *name)
{
    hv_removals *rm = ctx->removals;
    if (!rm || table >= HV_RM_COUNT)
        return 0;
    for (int32_t i = 0; i < rm->count; i++) {
        const hv_removal *r = &rm->items[i];
        /* Removed by a file that extends this one, or by this one: what a
         * file extends it may not name. */
        if (r->table != (int32_t)table || !r->claimed || r->depth > ctx->depth ||
            strcmp(r->id, name) != 0)
            continue;
        hv_diag_error(ctx->diag, r->file, r->line, r->col,
                      "%s: %s '%s' is still named by %s at %s:%d:%d", r->path, tables[table].noun,
                      name, ctx->path_len ? ctx->path : "the file", ctx->file, node->line,
                      node->col);
        ctx->errors++;
        rm->conflicts++;
        return 1;
    }
    return 0;
}

void hv_remove_check_found(hv_ctx *ctx, const hv_rules *rules)
{
    hv_removals *rm = ctx->removals;
    for (int32_t i = 0; rm && i < rm->count; i++) {
        const hv_removal *r = &rm->items[i];
        if (r->depth != ctx->depth || r->claimed)
            continue;
        hv_suggest near = hv_suggest_start(r->id);
        for (int32_t e = 0; e < table_count(rules, r->table); e++)
            hv_suggest_offer(&near, table_id(rules, r->table, e));
        char hint[HV_SUGGEST_LEN];
        hv_diag_error(ctx->diag, r->file, r->line, r->col, "%s: there is no %s '%s' to remove%s",
                      r->path, tables[r->table].noun, r->id,
                      hv_suggest_hint(&near, hint, sizeof hint));
        ctx->errors++;
    }
}

void hv_remove_check_left(hv_ctx *ctx, const hv_rules *rules)
{
    hv_removals *rm = ctx->removals;
    int told[HV_RM_COUNT] = {0};
    for (int32_t i = 0; rm && i < rm->count; i++) {
        const hv_removal *r = &rm->items[i];
        if (r->depth != ctx->depth || !r->claimed || !tables[r->table].required || told[r->table] ||
            table_count(rules, r->table) > 0)
            continue;
        told[r->table] = 1;
        hv_diag_error(ctx->diag, r->file, r->line, r->col,
                      "%s: takes out the last %s left; the rules need at least one", r->path,
                      tables[r->table].noun);
        ctx->errors++;
    }
}
