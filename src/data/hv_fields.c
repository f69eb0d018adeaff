#include "hv_fields.h"

#include "hv_remove.h"
#include "hv_suggest.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *const hv_terrain_names[] = {"plain", "ice", "rock", NULL};

/* A value as it stands in the file, cut short for messages. */
static const char *shown(const hv_ynode *node, char *buf, size_t cap)
{
    if (node->kind != HV_YNODE_SCALAR)
        return hv_ynode_kind_name(node->kind);
    if (node->len + 3 <= cap) {
        snprintf(buf, cap, "'%s'", node->str);
    } else {
        snprintf(buf, cap, "'%.*s...'", (int)(cap - 6), node->str);
    }
    return buf;
}

int hv_expect(hv_ctx *ctx, const hv_ynode *node, hv_ynode_kind kind)
{
    if (node->kind == kind)
        return 1;
    char buf[64];
    hv_ctx_error(ctx, node, "expected %s, got %s", hv_ynode_kind_name(kind),
                 shown(node, buf, sizeof buf));
    return 0;
}

int hv_read_int(hv_ctx *ctx, const hv_ynode *node, int64_t min, int64_t max, int64_t *out)
{
    char buf[64];
    if (node->kind != HV_YNODE_SCALAR || node->quoted) {
        hv_ctx_error(ctx, node, "expected a whole number, got %s",
                     node->kind == HV_YNODE_SCALAR ? "quoted text" : shown(node, buf, sizeof buf));
        return 0;
    }
    const char *p = node->str;
    int negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    int64_t v = 0;
    int digits = 0;
    for (; *p >= '0' && *p <= '9'; p++, digits++) {
        if (v > (INT64_MAX - (*p - '0')) / 10) {
            digits = -1;
            break;
        }
        v = v * 10 + (*p - '0');
    }
    if (digits < 0) {
        /* Too big even for 64 bits, yet a whole number: the range is the news. */
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == '\0') {
            int cut = node->len > 40;
            hv_ctx_error(ctx, node, "%.*s%s is out of range (%lld..%lld)",
                         cut ? 40 : (int)node->len, node->str, cut ? "..." : "", (long long)min,
                         (long long)max);
            return 0;
        }
    }
    if (digits <= 0 || *p != '\0') {
        hv_ctx_error(ctx, node, "expected a whole number, got %s", shown(node, buf, sizeof buf));
        return 0;
    }
    if (negative)
        v = -v;
    if (v < min || v > max) {
        hv_ctx_error(ctx, node, "%lld is out of range (%lld..%lld)", (long long)v, (long long)min,
                     (long long)max);
        return 0;
    }
    *out = v;
    return 1;
}

int hv_comment_error(hv_ctx *ctx, const hv_ynode *node, const char *what)
{
    if (node->kind != HV_YNODE_SCALAR || !node->comment)
        return 0;
    hv_ynode at = *node;
    at.col = node->comment_col;
    hv_ctx_error(ctx, &at, "`#` starts a comment in YAML, so %s is empty; quote it: \"%s\"", what,
                 node->comment);
    return 1;
}

int hv_read_id(hv_ctx *ctx, const hv_ynode *node, char *out, size_t cap)
{
    char buf[64];
    if (!hv_expect(ctx, node, HV_YNODE_SCALAR))
        return 0;
    int ok = node->len > 0 && node->len < cap;
    for (size_t i = 0; ok && i < node->len; i++) {
        char c = node->str[i];
        ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    }
    if (!ok) {
        hv_ctx_error(ctx, node, "%s is not an id (1 to %zu of a-z, 0-9, _)",
                     shown(node, buf, sizeof buf), cap - 1);
        return 0;
    }
    memcpy(out, node->str, node->len + 1);
    return 1;
}

static int resolve_ref(const hv_ctx *ctx, hv_ref_kind ref, const char *name)
{
    if (ref == HV_REF_RESOURCE)
        return hv_resource_find(name);
    if (!ctx->rules)
        return -1;
    switch (ref) {
    case HV_REF_FACTION:
        return hv_rules_find_faction(ctx->rules, name);
    case HV_REF_ROLE:
        return hv_rules_find_role(ctx->rules, name);
    case HV_REF_MODULE_TYPE:
    case HV_REF_MODULE_TYPE1:
        return hv_rules_find_module_type(ctx->rules, name);
    case HV_REF_ASTEROID:
        return hv_rules_find_asteroid(ctx->rules, name);
    case HV_REF_FLAG:
    case HV_REF_FLAG1:
        return hv_rules_find_flag(ctx->rules, name);
    case HV_REF_TRAIT1:
        return hv_rules_find_trait(ctx->rules, name);
    case HV_REF_EVENT1:
        return hv_rules_find_event(ctx->rules, name);
    case HV_REF_POLICY1:
        return hv_rules_find_policy(ctx->rules, name);
    default:
        return -1;
    }
}

static const char *ref_name(hv_ref_kind ref)
{
    static const char *const names[] = {"faction",  "role",  "module type", "resource",
                                        "asteroid", "flag",  "module type", "flag",
                                        "event",    "trait", "policy"};
    return names[ref];
}

/* Offers the id of each of the first N entries of table T. */
#define OFFER_IDS(near, t, n)                                                                      \
    for (int32_t i_ = 0; i_ < (n); i_++)                                                           \
    hv_suggest_offer(near, (t)[i_].id)

const char *hv_ref_hint(const hv_ctx *ctx, hv_ref_kind ref, const char *word, char *buf, size_t cap)
{
    hv_suggest near = hv_suggest_start(word);
    const hv_rules *r = ctx->rules;
    if (ref == HV_REF_RESOURCE)
        for (int i = 0; i < HV_RES_COUNT; i++)
            hv_suggest_offer(&near, hv_resource_id((hv_resource)i));
    else if (ref == HV_REF_FLAG || ref == HV_REF_FLAG1)
        for (int32_t i = 0; r && i < r->flag_count; i++)
            hv_suggest_offer(&near, r->flags[i]);
    else if (r && ref == HV_REF_FACTION)
        OFFER_IDS(&near, r->factions, r->faction_count);
    else if (r && ref == HV_REF_ROLE)
        OFFER_IDS(&near, r->roles, r->role_count);
    else if (r && (ref == HV_REF_MODULE_TYPE || ref == HV_REF_MODULE_TYPE1))
        OFFER_IDS(&near, r->module_types, r->module_type_count);
    else if (r && ref == HV_REF_ASTEROID)
        OFFER_IDS(&near, r->asteroids, r->asteroid_count);
    else if (r && ref == HV_REF_TRAIT1)
        OFFER_IDS(&near, r->traits, r->trait_count);
    else if (r && ref == HV_REF_EVENT1)
        OFFER_IDS(&near, r->events, r->event_count);
    else if (r && ref == HV_REF_POLICY1)
        OFFER_IDS(&near, r->policies, r->policy_count);
    return hv_suggest_hint(&near, buf, cap);
}

const char *hv_option_hint(const hv_policy *p, const char *word, char *buf, size_t cap)
{
    hv_suggest near = hv_suggest_start(word);
    OFFER_IDS(&near, p->options, p->option_count);
    return hv_suggest_hint(&near, buf, cap);
}

static void read_resmap(hv_ctx *ctx, const hv_ynode *node, const hv_field *f, int64_t *out)
{
    if (!hv_expect(ctx, node, HV_YNODE_MAP))
        return;
    for (size_t i = 0; i < node->count; i++) {
        const hv_ynode *key = node->items[2 * i], *value = node->items[2 * i + 1];
        int r = hv_resource_find(key->str);
        if (r < 0) {
            char hint[HV_SUGGEST_LEN];
            hv_ctx_error(ctx, key, "unknown resource '%s'%s", key->str,
                         hv_ref_hint(ctx, HV_REF_RESOURCE, key->str, hint, sizeof hint));
            continue;
        }
        size_t old = hv_ctx_push_key(ctx, key->str);
        int64_t v;
        if (hv_read_int(ctx, value, f->min, f->max, &v))
            out[r] = v;
        hv_ctx_pop(ctx, old);
    }
}

/* Factions named by KEY: a faction, or every member of a bloc; 0 (and an
 * error) when it names neither. */
static uint32_t faction_mask(hv_ctx *ctx, const hv_ynode *key)
{
    char buf[64];
    int f = ctx->rules && key->kind == HV_YNODE_SCALAR ? hv_rules_find_faction(ctx->rules, key->str)
                                                       : -1;
    if (f >= 0)
        return 1u << f;
    int b =
        ctx->rules && key->kind == HV_YNODE_SCALAR ? hv_rules_find_bloc(ctx->rules, key->str) : -1;
    if (b >= 0 && ctx->rules->blocs[b].members)
        return ctx->rules->blocs[b].members;
    if (key->kind == HV_YNODE_SCALAR && b < 0 &&
        (hv_remove_named(ctx, key, HV_RM_FACTIONS, key->str) ||
         hv_remove_named(ctx, key, HV_RM_BLOCS, key->str)))
        return 0;
    char hint[HV_SUGGEST_LEN] = "";
    if (key->kind == HV_YNODE_SCALAR) {
        hv_suggest near = hv_suggest_start(key->str);
        for (int32_t i = 0; ctx->rules && i < ctx->rules->faction_count; i++)
            hv_suggest_offer(&near, ctx->rules->factions[i].id);
        for (int32_t i = 0; ctx->rules && i < ctx->rules->bloc_count; i++)
            hv_suggest_offer(&near, ctx->rules->blocs[i].id);
        hv_suggest_hint(&near, hint, sizeof hint);
    }
    hv_ctx_error(ctx, key, "unknown faction or bloc %s%s", shown(key, buf, sizeof buf), hint);
    return 0;
}

/* The number for all (a scalar NODE, read into ALL), or 1 when NODE is the
 * map of WHAT the caller reads; an error for anything else. */
static int read_all_or_map(hv_ctx *ctx, const hv_ynode *node, const hv_field *f, int32_t *all,
                           const char *what)
{
    int64_t v;
    if (node->kind == HV_YNODE_SCALAR) {
        if (hv_read_int(ctx, node, f->min, f->max, &v))
            *all = (int32_t)v;
        return 0;
    }
    if (node->kind == HV_YNODE_MAP)
        return 1;
    char buf[64];
    hv_ctx_error(ctx, node, "expected a number or a map of %s, got %s", what,
                 shown(node, buf, sizeof buf));
    return 0;
}

static void read_by_faction(hv_ctx *ctx, const hv_ynode *node, const hv_field *f,
                            hv_by_faction *out)
{
    int64_t v;
    if (!read_all_or_map(ctx, node, f, &out->all, "factions"))
        return;
    for (size_t i = 0; i < node->count; i++) {
        const hv_ynode *key = node->items[2 * i];
        size_t old = hv_ctx_push_key(ctx, key->str);
        uint32_t mask = faction_mask(ctx, key);
        if (mask && hv_read_int(ctx, node->items[2 * i + 1], f->min, f->max, &v))
            for (uint32_t m = mask; m; m &= m - 1)
                out->by[__builtin_ctz(m)] = (int16_t)v;
        hv_ctx_pop(ctx, old);
    }
}

static void read_by_pair(hv_ctx *ctx, const hv_ynode *node, const hv_field *f, hv_by_pair *out)
{
    int64_t v;
    if (!read_all_or_map(ctx, node, f, &out->all, "pairs of factions"))
        return;
    for (size_t i = 0; i < node->count; i++) {
        const hv_ynode *key = node->items[2 * i], *inner = node->items[2 * i + 1];
        size_t old = hv_ctx_push_key(ctx, key->str);
        uint32_t first = faction_mask(ctx, key);
        if (first && hv_expect(ctx, inner, HV_YNODE_MAP)) {
            for (size_t j = 0; j < inner->count; j++) {
                const hv_ynode *k2 = inner->items[2 * j];
                size_t at = hv_ctx_push_key(ctx, k2->str);
                uint32_t second = faction_mask(ctx, k2);
                if (second && hv_read_int(ctx, inner->items[2 * j + 1], f->min, f->max, &v))
                    for (uint32_t a = first; a; a &= a - 1)
                        for (uint32_t b = second; b; b &= b - 1) {
                            int x = __builtin_ctz(a), y = __builtin_ctz(b);
                            if (x != y)
                                out->by[x][y] = out->by[y][x] = (int8_t)v;
                        }
                hv_ctx_pop(ctx, at);
            }
        }
        hv_ctx_pop(ctx, old);
    }
}

static void read_two_factions(hv_ctx *ctx, const hv_ynode *node, int32_t *out)
{
    char buf[64];
    if (!hv_expect(ctx, node, HV_YNODE_SEQ))
        return;
    int f[2] = {-1, -1};
    for (size_t i = 0; i < node->count && i < 2; i++) {
        const hv_ynode *item = node->items[i];
        f[i] = ctx->rules && item->kind == HV_YNODE_SCALAR
                   ? hv_rules_find_faction(ctx->rules, item->str)
                   : -1;
        if (f[i] < 0) {
            size_t old = hv_ctx_push_index(ctx, i);
            char hint[HV_SUGGEST_LEN] = "";
            if (item->kind == HV_YNODE_SCALAR)
                hv_ref_hint(ctx, HV_REF_FACTION, item->str, hint, sizeof hint);
            if (item->kind != HV_YNODE_SCALAR ||
                !hv_remove_named(ctx, item, HV_RM_FACTIONS, item->str))
                hv_ctx_error(ctx, item, "unknown faction %s%s", shown(item, buf, sizeof buf), hint);
            hv_ctx_pop(ctx, old);
        }
    }
    if (node->count != 2)
        hv_ctx_error(ctx, node, "holds %zu factions; give two", node->count);
    else if (f[0] >= 0 && f[0] == f[1])
        hv_ctx_error(ctx, node, "names the same faction twice; give two different ones");
    else if (f[0] >= 0 && f[1] >= 0) {
        out[0] = f[0] + 1;
        out[1] = f[1] + 1;
    }
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void read_colour(hv_ctx *ctx, const hv_ynode *node, uint32_t *out)
{
    char buf[64];
    if (!hv_expect(ctx, node, HV_YNODE_SCALAR))
        return;
    uint32_t v = 0;
    int ok = node->len == 7 && node->str[0] == '#';
    for (size_t i = 1; ok && i < 7; i++) {
        int d = hex_digit(node->str[i]);
        ok = d >= 0;
        v = v << 4 | (uint32_t)(d < 0 ? 0 : d);
    }
    if (!ok) {
        hv_ctx_error(ctx, node, "%s is not a colour like \"#c1440e\"",
                     shown(node, buf, sizeof buf));
        return;
    }
    *out = v;
}

static void read_name_index(hv_ctx *ctx, const hv_ynode *node, const hv_field *f, int32_t *out)
{
    char buf[64];
    if (!hv_expect(ctx, node, HV_YNODE_SCALAR))
        return;
    if (f->type == HV_F_REF) {
        int index = resolve_ref(ctx, f->ref, node->str);
        char hint[HV_SUGGEST_LEN];
        if (index < 0 && hv_remove_named(ctx, node, hv_remove_table_of(f->ref), node->str))
            return;
        if (index < 0)
            hv_ctx_error(ctx, node, "unknown %s %s%s", ref_name(f->ref),
                         shown(node, buf, sizeof buf),
                         hv_ref_hint(ctx, f->ref, node->str, hint, sizeof hint));
        else
            *out = index + (f->ref >= HV_REF_MODULE_TYPE1);
        return;
    }
    for (int i = 0; f->names[i]; i++) {
        if (strcmp(f->names[i], node->str) == 0) {
            *out = i;
            return;
        }
    }
    char list[256] = "";
    for (int i = 0; f->names[i]; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", f->names[i]);
    }
    hv_ctx_error(ctx, node, "%s is not one of: %s", shown(node, buf, sizeof buf), list);
}

/* Reads a list of names (NAMES resolves each) into a bit mask. */
static void read_mask(hv_ctx *ctx, const hv_ynode *node, const hv_field *names, uint32_t *out)
{
    if (!hv_expect(ctx, node, HV_YNODE_SEQ))
        return;
    uint32_t mask = 0;
    for (size_t i = 0; i < node->count; i++) {
        int32_t t = -1;
        size_t old = hv_ctx_push_index(ctx, i);
        read_name_index(ctx, node->items[i], names, &t);
        hv_ctx_pop(ctx, old);
        if (t >= 0)
            mask |= 1u << t;
    }
    if (node->count == 0)
        hv_ctx_error(ctx, node, "needs at least one entry");
    *out = mask;
}

static void read_field(hv_ctx *ctx, const hv_ynode *node, const hv_field *f, void *target)
{
    /* A section read only to check it (sub-tables) has no target. */
    if (!target && f->type != HV_F_SKIP)
        return;
    char *dst = target ? (char *)target + f->offset : NULL;
    if (hv_comment_error(ctx, node, "the value"))
        return;
    int64_t v;
    switch (f->type) {
    case HV_F_INT32:
        if (hv_read_int(ctx, node, f->min, f->max, &v))
            *(int32_t *)(void *)dst = (int32_t)v;
        break;
    case HV_F_INT64:
        if (hv_read_int(ctx, node, f->min, f->max, &v))
            *(int64_t *)(void *)dst = v;
        break;
    case HV_F_BOOL:
        if (node->kind == HV_YNODE_SCALAR && !node->quoted &&
            (strcmp(node->str, "true") == 0 || strcmp(node->str, "false") == 0)) {
            *(int32_t *)(void *)dst = node->str[0] == 't';
        } else {
            char buf[64];
            hv_ctx_error(ctx, node, "expected true or false, got %s", shown(node, buf, sizeof buf));
        }
        break;
    case HV_F_ID:
        hv_read_id(ctx, node, dst, f->size);
        break;
    case HV_F_TEXT:
        if (!hv_expect(ctx, node, HV_YNODE_SCALAR))
            break;
        if (node->len >= f->size)
            hv_ctx_error(ctx, node, "text is %zu bytes long, at most %zu allowed", node->len,
                         f->size - 1);
        else if (node->len == 0)
            hv_ctx_error(ctx, node, "text is empty");
        else
            memcpy(dst, node->str, node->len + 1);
        break;
    case HV_F_RESMAP:
        read_resmap(ctx, node, f, (int64_t *)(void *)dst);
        break;
    case HV_F_COLOUR:
        read_colour(ctx, node, (uint32_t *)(void *)dst);
        break;
    case HV_F_ENUM:
    case HV_F_REF:
        read_name_index(ctx, node, f, (int32_t *)(void *)dst);
        break;
    case HV_F_TERRAIN: {
        static const hv_field terrain = {"terrain", HV_F_ENUM,        0, 0, 0, 0,
                                         0,         hv_terrain_names, 0, ""};
        read_mask(ctx, node, &terrain, (uint32_t *)(void *)dst);
        break;
    }
    case HV_F_FLAGS: {
        static const hv_field flag = {"flag", HV_F_REF, 0, 0, 0, 0, 0, NULL, HV_REF_FLAG, ""};
        read_mask(ctx, node, &flag, (uint32_t *)(void *)dst);
        break;
    }
    case HV_F_BY_FACTION:
        read_by_faction(ctx, node, f, (hv_by_faction *)(void *)dst);
        break;
    case HV_F_BY_PAIR:
        read_by_pair(ctx, node, f, (hv_by_pair *)(void *)dst);
        break;
    case HV_F_TWO_FACTIONS:
        read_two_factions(ctx, node, (int32_t *)(void *)dst);
        break;
    case HV_F_SKIP:
        break;
    }
}

void hv_fields_read_one(hv_ctx *ctx, const hv_ynode *node, const hv_field *field, void *target)
{
    read_field(ctx, node, field, target);
}

int hv_fields_index(const hv_field *fields, const char *key)
{
    /* Every key of every map read is looked up here: most fields differ
     * from it in their first letter, so that is compared first. */
    for (int i = 0; fields[i].key; i++)
        if (fields[i].key[0] == key[0] && strcmp(fields[i].key, key) == 0)
            return i;
    return -1;
}

static void unknown_key(hv_ctx *ctx, const hv_ynode *key, const hv_field *fields)
{
    hv_suggest near = hv_suggest_start(key->str);
    for (int i = 0; fields[i].key; i++)
        hv_suggest_offer(&near, fields[i].key);
    char hint[HV_SUGGEST_LEN];
    hv_ctx_error(ctx, key, "unknown key '%s'%s", key->str,
                 hv_suggest_hint(&near, hint, sizeof hint));
}

int hv_fields_read(hv_ctx *ctx, const hv_ynode *node, const hv_field *fields, void *target,
                   uint64_t *seen, int require)
{
    if (!hv_expect(ctx, node, HV_YNODE_MAP))
        return 0;
    uint64_t found = 0;
    for (size_t i = 0; i < node->count; i++) {
        const hv_ynode *key = node->items[2 * i], *value = node->items[2 * i + 1];
        int f = hv_fields_index(fields, key->str);
        if (f < 0) {
            unknown_key(ctx, key, fields);
            continue;
        }
        found |= 1ull << f;
        size_t old = hv_ctx_push_key(ctx, key->str);
        read_field(ctx, value, &fields[f], target);
        hv_ctx_pop(ctx, old);
    }
    if (require) {
        for (int f = 0; fields[f].key; f++)
            if (fields[f].required && !(found & (1ull << f)))
                hv_ctx_error(ctx, node, "missing required key '%s'", fields[f].key);
    }
    if (seen)
        *seen |= found;
    return 1;
}

const char *hv_ynode_shown(const hv_ynode *node, char *buf, size_t cap)
{
    if (node->kind != HV_YNODE_SCALAR)
        return hv_ynode_kind_name(node->kind);
    if (node->len + 3 <= cap)
        snprintf(buf, cap, "'%s'", node->str);
    else
        snprintf(buf, cap, "'%.40s...'", node->str);
    return buf;
}
