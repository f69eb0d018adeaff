/* The schema of one key's value (hv_schema_map.h): of a field by its type
 * and range, and of a hand-read key by its shape in hv_schema_map.c. */
#include <stdint.h>
#include <string.h>

#include "hv_level.h"
#include "hv_save.h"
#include "hv_schema_map.h"

static void int_members(hv_jsonw *w, int64_t lo, int64_t hi)
{
    hv_jsonw_member_str(w, "type", "integer");
    hv_jsonw_member_int(w, "minimum", lo);
    hv_jsonw_member_int(w, "maximum", hi);
}

/* An id, as hv_read_id takes it: YAML reads one of digits as a number,
 * and `true` or `false` as a truth value. */
static void id_members(hv_jsonw *w, size_t cap)
{
    static const char *const types[] = {"string", "integer", "boolean", NULL};
    hv_jsonw_member_strs(w, "type", types);
    hv_jsonw_member_str(w, "pattern", "^[a-z0-9_]+$");
    hv_jsonw_member_int(w, "maxLength", (long long)cap - 1);
    hv_jsonw_member_int(w, "minimum", 0);
}

/* Text of at most LEN bytes (0: any): any scalar, as the loader takes
 * `version: 1.2` or `text: true` for text. */
static void text_members(hv_jsonw *w, int64_t len)
{
    static const char *const types[] = {"string", "number", "boolean", NULL};
    hv_jsonw_member_strs(w, "type", types);
    hv_jsonw_member_int(w, "minLength", 1);
    if (len > 0)
        hv_jsonw_member_int(w, "maxLength", len);
}

static void id_object(hv_jsonw *w, const char *key)
{
    hv_jsonw_key(w, key);
    hv_jsonw_open(w, '{');
    id_members(w, HV_ID_LEN);
    hv_jsonw_close(w, '}');
}

static void int_object(hv_jsonw *w, const char *key, int64_t lo, int64_t hi)
{
    if (key)
        hv_jsonw_key(w, key);
    hv_jsonw_open(w, '{');
    int_members(w, lo, hi);
    hv_jsonw_close(w, '}');
}

static void enum_members(hv_jsonw *w, const char *const *names, int (*ok)(int32_t))
{
    hv_jsonw_key(w, "enum");
    hv_jsonw_open(w, '[');
    for (int32_t i = 0; names[i]; i++)
        if (!ok || ok(i))
            hv_jsonw_str(w, names[i]);
    hv_jsonw_close(w, ']');
}

static void resource_enum(hv_jsonw *w)
{
    hv_jsonw_key(w, "enum");
    hv_jsonw_open(w, '[');
    for (int r = 0; r < HV_RES_COUNT; r++)
        hv_jsonw_str(w, hv_resource_id((hv_resource)r));
    hv_jsonw_close(w, ']');
}

static void count_members(hv_jsonw *w, const char *min_key, const char *max_key, int64_t lo,
                          int64_t hi)
{
    if (lo > 0)
        hv_jsonw_member_int(w, min_key, lo);
    if (hi > 0)
        hv_jsonw_member_int(w, max_key, hi);
}

static void no_other_key(hv_jsonw *w)
{
    hv_jsonw_key(w, "additionalProperties");
    hv_jsonw_raw(w, "false");
}

/* A number for all, or a map of factions or blocs (PAIRS: to maps of
 * them) to numbers. */
static void by_faction_members(hv_jsonw *w, const hv_field *f, int pairs)
{
    static const char *const types[] = {"integer", "object", NULL};
    hv_jsonw_member_strs(w, "type", types);
    hv_jsonw_member_int(w, "minimum", f->min);
    hv_jsonw_member_int(w, "maximum", f->max);
    id_object(w, "propertyNames");
    if (!pairs) {
        int_object(w, "additionalProperties", f->min, f->max);
        return;
    }
    hv_jsonw_key(w, "additionalProperties");
    hv_jsonw_open(w, '{');
    hv_jsonw_member_str(w, "type", "object");
    id_object(w, "propertyNames");
    int_object(w, "additionalProperties", f->min, f->max);
    hv_jsonw_close(w, '}');
}

/* A list of items: ids, or terrain names. */
static void list_of(hv_jsonw *w, const char *const *names, int64_t lo, int64_t hi)
{
    hv_jsonw_member_str(w, "type", "array");
    hv_jsonw_key(w, "items");
    hv_jsonw_open(w, '{');
    if (names)
        enum_members(w, names, NULL);
    else
        id_members(w, HV_ID_LEN);
    hv_jsonw_close(w, '}');
    count_members(w, "minItems", "maxItems", lo, hi);
}

void hv_schema_field(hv_jsonw *w, const hv_field *f, int (*ok)(int32_t))
{
    switch (f->type) {
    case HV_F_INT32:
    case HV_F_INT64:
        int_members(w, f->min, f->max);
        break;
    case HV_F_BOOL:
        hv_jsonw_member_str(w, "type", "boolean");
        break;
    case HV_F_ID:
        id_members(w, f->size);
        break;
    case HV_F_TEXT:
        text_members(w, (int64_t)f->size - 1);
        break;
    case HV_F_RESMAP:
        hv_jsonw_member_str(w, "type", "object");
        hv_jsonw_key(w, "properties");
        hv_jsonw_open(w, '{');
        for (int r = 0; r < HV_RES_COUNT; r++)
            int_object(w, hv_resource_id((hv_resource)r), f->min, f->max);
        hv_jsonw_close(w, '}');
        no_other_key(w);
        break;
    case HV_F_COLOUR:
        hv_jsonw_member_str(w, "type", "string");
        hv_jsonw_member_str(w, "pattern", "^#[0-9a-fA-F]{6}$");
        break;
    case HV_F_ENUM:
        enum_members(w, f->names, ok);
        break;
    case HV_F_REF:
        if (f->ref == HV_REF_RESOURCE)
            resource_enum(w);
        else
            id_members(w, HV_ID_LEN);
        break;
    case HV_F_TERRAIN:
        list_of(w, hv_terrain_names, 1, 0);
        break;
    case HV_F_FLAGS:
        list_of(w, NULL, 1, 0);
        break;
    case HV_F_BY_FACTION:
    case HV_F_BY_PAIR:
        by_faction_members(w, f, f->type == HV_F_BY_PAIR);
        break;
    case HV_F_TWO_FACTIONS:
        list_of(w, NULL, 2, 2);
        hv_jsonw_key(w, "uniqueItems");
        hv_jsonw_raw(w, "true");
        break;
    case HV_F_SKIP:
        break;
    }
}

/* The rows of a map, sized by the ranges of PARENT's width and height. */
static void rows_members(hv_jsonw *w, const hv_field *parent)
{
    int wi = hv_fields_index(parent, "width"), hi = hv_fields_index(parent, "height");
    char pattern[64] = "^[";
    for (const char *c = HV_TERRAIN_CHARS; *c; c++) {
        size_t n = strlen(pattern);
        snprintf(pattern + n, sizeof pattern - n, "%s%c", strchr("\\]^-", *c) ? "\\" : "", *c);
    }
    strcat(pattern, "]+$");
    hv_jsonw_member_str(w, "type", "array");
    if (hi >= 0)
        count_members(w, "minItems", "maxItems", parent[hi].min, parent[hi].max);
    hv_jsonw_key(w, "items");
    hv_jsonw_open(w, '{');
    hv_jsonw_member_str(w, "type", "string");
    hv_jsonw_member_str(w, "pattern", pattern);
    if (wi >= 0)
        count_members(w, "minLength", "maxLength", parent[wi].min, parent[wi].max);
    hv_jsonw_close(w, '}');
}

/* The member KEY: {"$ref": ...} to what SUB takes when read in MODE. */
static void ref_object(hv_schema_gen *g, const char *key, const char *sub, int mode)
{
    hv_jsonw_key(&g->w, key);
    hv_jsonw_open(&g->w, '{');
    hv_schema_ref(g, sub, mode);
    hv_jsonw_close(&g->w, '}');
}

/* Hex digits as PATTERN has them: the game writes them quoted, and
 * reads them unquoted too, where YAML takes digits alone for a number. */
static void hex_members(hv_jsonw *w, const char *pattern)
{
    static const char *const types[] = {"string", "integer", NULL};
    hv_jsonw_member_strs(w, "type", types);
    hv_jsonw_member_str(w, "pattern", pattern);
}

static void week_hashes(hv_jsonw *w, const hv_slot *s)
{
    char pattern[64];
    snprintf(pattern, sizeof pattern, "^([0-9a-fA-F]{8}){1,%d}$", HV_SAVE_HASH_WEEKS);
    hv_jsonw_member_str(w, "type", "array");
    hv_jsonw_key(w, "items");
    hv_jsonw_open(w, '{');
    hex_members(w, pattern);
    hv_jsonw_close(w, '}');
    count_members(w, "minItems", "maxItems", s->lo, s->hi);
}

void hv_schema_slot_value(hv_schema_gen *g, const hv_slot *s, const hv_field *parent, int mode)
{
    hv_jsonw *w = &g->w;
    int sub = hv_schema_child_mode(s, mode);
    switch (s->shape) {
    case HV_SH_SECTION:
    case HV_SH_OVERRIDES:
        /* In allOf: a $ref beside the description would hide it (draft-07). */
        hv_jsonw_key(w, "allOf");
        hv_jsonw_open(w, '[');
        hv_jsonw_open(w, '{');
        hv_schema_ref(g, s->sub, sub);
        hv_jsonw_close(w, '}');
        hv_jsonw_close(w, ']');
        break;
    case HV_SH_ENTRIES:
        hv_jsonw_member_str(w, "type", "object");
        id_object(w, "propertyNames");
        ref_object(g, "additionalProperties", s->sub, sub);
        count_members(w, "minProperties", "maxProperties",
                      (s->flags & HV_SL_FULL) && mode != HV_SCHEMA_STRICT ? 0 : s->lo, s->hi);
        break;
    case HV_SH_LIST:
        hv_jsonw_member_str(w, "type", "array");
        ref_object(g, "items", s->sub, sub);
        count_members(w, "minItems", "maxItems", s->lo, s->hi);
        break;
    case HV_SH_RESOURCE_INFO:
        hv_jsonw_member_str(w, "type", "object");
        hv_jsonw_key(w, "properties");
        hv_jsonw_open(w, '{');
        for (int r = 0; r < HV_RES_COUNT; r++)
            ref_object(g, hv_resource_id((hv_resource)r), s->sub, sub);
        hv_jsonw_close(w, '}');
        no_other_key(w);
        break;
    case HV_SH_FORMAT:
        hv_jsonw_member_str(w, "type", "integer");
        hv_jsonw_member_int(w, "const", HV_FORMAT_VERSION);
        break;
    case HV_SH_KIND:
        hv_jsonw_member_str(w, "const", s->sub);
        break;
    case HV_SH_FILE: {
        static const char *const examples[] = {HV_RULES_BASE, NULL};
        text_members(w, 0);
        hv_jsonw_member_strs(w, "examples", examples);
        break;
    }
    case HV_SH_ROWS:
        rows_members(w, parent);
        break;
    case HV_SH_IDS:
        list_of(w, NULL, s->lo, s->hi);
        if (s->flags & HV_SL_UNIQUE) {
            hv_jsonw_key(w, "uniqueItems");
            hv_jsonw_raw(w, "true");
        }
        break;
    case HV_SH_TEXTS:
        hv_jsonw_member_str(w, "type", "array");
        hv_jsonw_key(w, "items");
        hv_jsonw_open(w, '{');
        text_members(w, s->len);
        hv_jsonw_close(w, '}');
        count_members(w, "minItems", "maxItems", s->lo, s->hi);
        break;
    case HV_SH_ID:
        id_members(w, HV_ID_LEN);
        break;
    case HV_SH_CHANGES:
        hv_jsonw_member_str(w, "type", "object");
        id_object(w, "propertyNames");
        int_object(w, "additionalProperties", -s->len, s->len);
        count_members(w, "minProperties", "maxProperties", s->lo, s->hi);
        break;
    case HV_SH_SEED: {
        char max[32];
        snprintf(max, sizeof max, "%llu", (unsigned long long)UINT64_MAX);
        hv_jsonw_member_str(w, "type", "integer");
        hv_jsonw_member_int(w, "minimum", 0);
        hv_jsonw_key(w, "maximum");
        hv_jsonw_raw(w, max);
        break;
    }
    case HV_SH_HASH:
        hex_members(w, "^[0-9a-fA-F]{16}$");
        break;
    case HV_SH_WEEK_HASHES:
        week_hashes(w, s);
        break;
    case HV_SH_UI_SCALE:
        hv_jsonw_key(w, "anyOf");
        hv_jsonw_open(w, '[');
        int_object(w, NULL, s->lo, s->hi);
        hv_jsonw_open(w, '{');
        hv_jsonw_key(w, "enum");
        hv_jsonw_open(w, '[');
        hv_jsonw_int(w, 0);
        hv_jsonw_str(w, "auto");
        hv_jsonw_close(w, ']');
        hv_jsonw_close(w, '}');
        hv_jsonw_close(w, ']');
        break;
    case HV_SH_KEY_NAME: {
        /* A key of digits reads as a number; none at all is None. */
        static const char *const types[] = {"string", "integer", "null", NULL};
        hv_jsonw_member_strs(w, "type", types);
        break;
    }
    case HV_SH_REFUSED:
        break;
    }
}
