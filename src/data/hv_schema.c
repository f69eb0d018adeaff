/* Writing the JSON Schema of the game's files (hv_schema.h) from the key
 * tables and the map of what their HV_F_SKIP keys hold (hv_schema_map.c).
 *
 * A table is read in one of three ways, and its schema follows: STRICT,
 * where a new entry must be complete; MERGE, among a level's overrides or
 * in a rules file that extends another, where an entry may be one the
 * rules already have and so takes only the keys it changes; OVERRIDES,
 * MERGE without the file's head (format, kind, extends). A table that
 * reads the same either way has one definition. */
#include "hv_schema.h"

#include <stdint.h>
#include <string.h>

#include "hv_level.h"
#include "hv_schema_map.h"

enum { STRICT = HV_SCHEMA_STRICT, MERGE = HV_SCHEMA_MERGE, OVERRIDES = HV_SCHEMA_OVERRIDES };
static const char *const mode_suffix[HV_SCHEMA_MODES] = {"", "_merge", "_overrides"};

/* ---- the tables and the map ---- */

static int table_find(const char *name)
{
    for (int t = 0; name && hv_schema_tables[t].name; t++)
        if (strcmp(hv_schema_tables[t].name, name) == 0)
            return t;
    return -1;
}

static const hv_field *fields_of(const hv_validate_kind *more, int t)
{
    const hv_table_info *info = &hv_schema_tables[t];
    if (info->fields)
        return info->fields;
    for (const hv_validate_kind *k = more; k && k->kind; k++)
        if (strcmp(k->kind, info->outside) == 0)
            return k->keys ? k->keys(info->section) : NULL;
    return NULL;
}

const hv_slot *hv_schema_slot(const char *table, const char *key)
{
    const hv_slot *any = NULL;
    for (const hv_slot *s = hv_schema_slots; s->table; s++) {
        if (strcmp(s->table, table) != 0)
            continue;
        if (s->key && strcmp(s->key, key) == 0)
            return s;
        if (!s->key)
            any = s;
    }
    return any;
}

static int has_sub(const hv_slot *s)
{
    return s->shape == HV_SH_SECTION || s->shape == HV_SH_ENTRIES || s->shape == HV_SH_LIST ||
           s->shape == HV_SH_OVERRIDES || s->shape == HV_SH_RESOURCE_INFO;
}

/* How the value of slot S is read inside a table read in MODE: lists and
 * some sections always whole, the rest as their table is. */
int hv_schema_child_mode(const hv_slot *s, int mode)
{
    if (s->shape == HV_SH_OVERRIDES)
        return OVERRIDES;
    if (s->shape == HV_SH_LIST || (s->flags & HV_SL_STRICT))
        return STRICT;
    return mode == STRICT ? STRICT : MERGE;
}

/* Whether table T reads otherwise when its entries may be partial. */
static int differs_merged(const hv_validate_kind *more, int t, int depth)
{
    const hv_field *fields = fields_of(more, t);
    for (int i = 0; fields && fields[i].key && depth < 16; i++) {
        const hv_field *f = &fields[i];
        const hv_slot *s =
            f->type == HV_F_SKIP ? hv_schema_slot(hv_schema_tables[t].name, f->key) : NULL;
        if (f->required && !(s && (s->flags & HV_SL_ALWAYS)))
            return 1;
        if (s && (s->flags & HV_SL_MERGED))
            return 1;
        if (s && (s->flags & HV_SL_FULL) && s->lo)
            return 1;
        if (s && has_sub(s) && hv_schema_child_mode(s, MERGE) != STRICT &&
            differs_merged(more, table_find(s->sub), depth + 1))
            return 1;
    }
    return 0;
}

/* The definition table T takes when read in MODE. */
static int variant(const hv_validate_kind *more, int t, int mode)
{
    if (mode == OVERRIDES) {
        const hv_field *fields = fields_of(more, t);
        for (int i = 0; fields && fields[i].key; i++) {
            const hv_slot *s = hv_schema_slot(hv_schema_tables[t].name, fields[i].key);
            if (fields[i].type == HV_F_SKIP && s && (s->flags & HV_SL_HEAD))
                return OVERRIDES;
        }
        mode = MERGE;
    }
    return mode == MERGE && differs_merged(more, t, 0) ? MERGE : STRICT;
}

/* Marks the definitions table T in MODE needs, itself included. */
static void mark(hv_schema_gen *g, int t, int mode)
{
    if (t < 0 || t >= HV_SCHEMA_TABLES)
        return;
    int v = variant(g->more, t, mode);
    if (g->used[t][v])
        return;
    g->used[t][v] = 1;
    const hv_field *fields = fields_of(g->more, t);
    for (int i = 0; fields && fields[i].key; i++) {
        const hv_slot *s = hv_schema_slot(hv_schema_tables[t].name, fields[i].key);
        if (fields[i].type == HV_F_SKIP && s && has_sub(s))
            mark(g, table_find(s->sub), hv_schema_child_mode(s, v));
    }
}

static void def_name(const hv_validate_kind *more, int t, int mode, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s%s", hv_schema_tables[t].name, mode_suffix[variant(more, t, mode)]);
}

void hv_schema_ref(hv_schema_gen *g, const char *table, int mode)
{
    char name[96], ref[128];
    def_name(g->more, table_find(table), mode, name, sizeof name);
    snprintf(ref, sizeof ref, "#/definitions/%s", name);
    hv_jsonw_member_str(&g->w, "$ref", ref);
}

/* ---- definitions ---- */

/* The member "if": the object's KEY is VALUE. */
static void if_key_is(hv_jsonw *w, const char *key, const char *value)
{
    const char *const keys[] = {key, NULL};
    hv_jsonw_key(w, "if");
    hv_jsonw_open(w, '{');
    hv_jsonw_key(w, "properties");
    hv_jsonw_open(w, '{');
    hv_jsonw_key(w, key);
    hv_jsonw_open(w, '{');
    hv_jsonw_member_str(w, "const", value);
    hv_jsonw_close(w, '}');
    hv_jsonw_close(w, '}');
    hv_jsonw_member_strs(w, "required", keys);
    hv_jsonw_close(w, '}');
}

/* The keys a value of the table's kind key brings with it, and those it refuses. */
static void kind_members(hv_jsonw *w, const hv_table_info *info, const hv_field *fields)
{
    int k = hv_fields_index(fields, info->kind_key);
    if (k < 0 || fields[k].type != HV_F_ENUM)
        return;
    hv_jsonw_key(w, "allOf");
    hv_jsonw_open(w, '[');
    for (int32_t v = 0; fields[k].names[v]; v++) {
        if (info->kind_ok && !info->kind_ok(v))
            continue;
        unsigned may, needs = info->kind_keys(v, &may);
        hv_jsonw_open(w, '{');
        if_key_is(w, info->kind_key, fields[k].names[v]);
        hv_jsonw_key(w, "then");
        hv_jsonw_open(w, '{');
        int any = 0;
        for (int f = 0; fields[f].key && f < 32; f++)
            if ((needs >> f & 1u) && !fields[f].required) {
                if (!any++) {
                    hv_jsonw_key(w, "required");
                    hv_jsonw_open(w, '[');
                }
                hv_jsonw_str(w, fields[f].key);
            }
        if (any)
            hv_jsonw_close(w, ']');
        /* The keys that belong, so that any other is named as unexpected. */
        hv_jsonw_key(w, "properties");
        hv_jsonw_open(w, '{');
        for (int f = 0; fields[f].key; f++)
            if ((f < 32 && ((needs | may) >> f & 1u)) || fields[f].required) {
                hv_jsonw_key(w, fields[f].key);
                hv_jsonw_raw(w, "true");
            }
        hv_jsonw_close(w, '}');
        hv_jsonw_key(w, "additionalProperties");
        hv_jsonw_raw(w, "false");
        hv_jsonw_close(w, '}');
        hv_jsonw_close(w, '}');
    }
    hv_jsonw_close(w, ']');
}

static void deps_members(hv_jsonw *w, const hv_dep *deps)
{
    hv_jsonw_key(w, "dependencies");
    hv_jsonw_open(w, '{');
    for (const hv_dep *d = deps; d->key; d++) {
        hv_jsonw_key(w, d->key);
        if (!d->needs[1]) {
            const char *const one[] = {d->needs[0], NULL};
            hv_jsonw_member_strs(w, NULL, one);
            continue;
        }
        hv_jsonw_open(w, '{');
        hv_jsonw_key(w, "anyOf");
        hv_jsonw_open(w, '[');
        for (int i = 0; i < 3 && d->needs[i]; i++) {
            const char *const one[] = {d->needs[i], NULL};
            hv_jsonw_open(w, '{');
            hv_jsonw_member_strs(w, "required", one);
            hv_jsonw_close(w, '}');
        }
        hv_jsonw_close(w, ']');
        hv_jsonw_close(w, '}');
    }
    hv_jsonw_close(w, '}');
}

/* Whether the key of FIELD is required of table T read in MODE. */
static int required_in(const hv_field *f, const hv_slot *s, int mode)
{
    if (!f->required || (s && mode == OVERRIDES && (s->flags & HV_SL_HEAD)))
        return 0;
    return mode == STRICT || (s && (s->flags & HV_SL_ALWAYS));
}

static void write_table(hv_schema_gen *g, int t, int mode)
{
    hv_jsonw *w = &g->w;
    const hv_table_info *info = &hv_schema_tables[t];
    const hv_field *fields = fields_of(g->more, t);
    char name[96];
    snprintf(name, sizeof name, "%s%s", info->name, mode_suffix[mode]);
    hv_jsonw_key(w, name);
    hv_jsonw_open(w, '{');
    hv_jsonw_member_str(w, "type", "object");
    hv_jsonw_key(w, "properties");
    hv_jsonw_open(w, '{');
    int required = 0;
    for (int i = 0; fields[i].key; i++) {
        const hv_field *f = &fields[i];
        const hv_slot *s = f->type == HV_F_SKIP ? hv_schema_slot(info->name, f->key) : NULL;
        if (s && (s->shape == HV_SH_REFUSED || (mode == OVERRIDES && (s->flags & HV_SL_HEAD)) ||
                  (mode == STRICT && (s->flags & HV_SL_MERGED))))
            continue;
        required += required_in(f, s, mode);
        hv_jsonw_key(w, f->key);
        hv_jsonw_open(w, '{');
        if (f->doc && *f->doc)
            hv_jsonw_member_str(w, "description", f->doc);
        if (s)
            hv_schema_slot_value(g, s, fields, mode);
        else
            hv_schema_field(
                w, f, info->kind_key && strcmp(info->kind_key, f->key) == 0 ? info->kind_ok : NULL);
        hv_jsonw_close(w, '}');
    }
    hv_jsonw_close(w, '}');
    hv_jsonw_key(w, "additionalProperties");
    hv_jsonw_raw(w, "false");
    if (required) {
        hv_jsonw_key(w, "required");
        hv_jsonw_open(w, '[');
        for (int i = 0; fields[i].key; i++) {
            const hv_slot *s =
                fields[i].type == HV_F_SKIP ? hv_schema_slot(info->name, fields[i].key) : NULL;
            if (required_in(&fields[i], s, mode))
                hv_jsonw_str(w, fields[i].key);
        }
        hv_jsonw_close(w, ']');
    }
    if (info->min_keys)
        hv_jsonw_member_int(w, "minProperties", info->min_keys);
    if (info->deps)
        deps_members(w, info->deps);
    if (info->kind_key)
        kind_members(w, info, fields);
    hv_jsonw_close(w, '}');
}

/* ---- files ---- */

static const hv_kind_info *kind_find(const char *kind, const hv_validate_kind *more)
{
    for (int i = 0; kind && hv_schema_kind(i, more); i++)
        if (strcmp(hv_schema_kind(i, more), kind) == 0)
            return &hv_schema_kinds[i];
    return NULL;
}

/* Members that send a file of kind K to its table's definition. */
static void kind_ref_members(hv_schema_gen *g, const hv_kind_info *k)
{
    hv_jsonw *w = &g->w;
    if (k->merge_key) {
        const char *const keys[] = {k->merge_key, NULL};
        hv_jsonw_key(w, "if");
        hv_jsonw_open(w, '{');
        hv_jsonw_member_strs(w, "required", keys);
        hv_jsonw_close(w, '}');
        hv_jsonw_key(w, "then");
        hv_jsonw_open(w, '{');
        hv_schema_ref(g, k->table, MERGE);
        hv_jsonw_close(w, '}');
        hv_jsonw_key(w, "else");
    } else {
        hv_jsonw_key(w, "allOf");
        hv_jsonw_open(w, '[');
    }
    hv_jsonw_open(w, '{');
    hv_schema_ref(g, k->table, STRICT);
    hv_jsonw_close(w, '}');
    if (!k->merge_key)
        hv_jsonw_close(w, ']');
}

static void mark_kind(hv_schema_gen *g, const hv_kind_info *k)
{
    mark(g, table_find(k->table), STRICT);
    if (k->merge_key)
        mark(g, table_find(k->table), MERGE);
}

int hv_schema_write(FILE *out, const char *kind, const hv_validate_kind *more)
{
    const hv_kind_info *only = kind_find(kind, more);
    if ((kind && !only) || hv_schema_check(NULL, more) != 0)
        return -1;
    hv_schema_gen g;
    memset(&g, 0, sizeof g);
    hv_jsonw_init(&g.w, out);
    g.more = more;
    hv_jsonw *w = &g.w;
    hv_jsonw_open(w, '{');
    hv_jsonw_member_str(w, "$schema", "http://json-schema.org/draft-07/schema#");
    hv_jsonw_member_str(w, "title", only ? only->title : "Happy Valley files");
    hv_jsonw_member_str(
        w, "description",
        "Made by `happyvalley schema` from the game's own key tables. References between "
        "entries and files are for `happyvalley validate` to check.");
    if (only) {
        mark_kind(&g, only);
        kind_ref_members(&g, only);
    } else {
        static const char *const head[] = {"format", "kind", NULL};
        const char *kinds[16] = {NULL};
        for (int i = 0; i < 15 && hv_schema_kind(i, more); i++)
            kinds[i] = hv_schema_kind(i, more);
        hv_jsonw_member_str(w, "type", "object");
        hv_jsonw_member_strs(w, "required", head);
        hv_jsonw_key(w, "properties");
        hv_jsonw_open(w, '{');
        hv_jsonw_key(w, "kind");
        hv_jsonw_open(w, '{');
        hv_jsonw_member_str(w, "description", "what the file holds");
        hv_jsonw_member_strs(w, "enum", kinds);
        hv_jsonw_close(w, '}');
        hv_jsonw_close(w, '}');
        hv_jsonw_key(w, "allOf");
        hv_jsonw_open(w, '[');
        for (int i = 0; kinds[i]; i++) {
            const hv_kind_info *k = kind_find(kinds[i], more);
            mark_kind(&g, k);
            hv_jsonw_open(w, '{');
            if_key_is(w, "kind", k->kind);
            hv_jsonw_key(w, "then");
            hv_jsonw_open(w, '{');
            kind_ref_members(&g, k);
            hv_jsonw_close(w, '}');
            hv_jsonw_close(w, '}');
        }
        hv_jsonw_close(w, ']');
    }
    hv_jsonw_key(w, "definitions");
    hv_jsonw_open(w, '{');
    for (int t = 0; hv_schema_tables[t].name; t++)
        for (int m = 0; m < HV_SCHEMA_MODES; m++)
            if (g.used[t][m])
                write_table(&g, t, m);
    hv_jsonw_close(w, '}');
    hv_jsonw_close(w, '}');
    fputc('\n', out);
    return ferror(out) ? -1 : 0;
}

const char *hv_schema_kind(int i, const hv_validate_kind *more)
{
    for (int k = 0, n = 0; hv_schema_kinds[k].kind; k++) {
        int t = table_find(hv_schema_kinds[k].table);
        if (t < 0 || !fields_of(more, t))
            continue;
        if (n++ == i)
            return hv_schema_kinds[k].kind;
    }
    return NULL;
}

static int complain(FILE *err, const char *fmt, const char *a, const char *b)
{
    if (err) {
        fprintf(err, fmt, a, b ? b : "");
        fputc('\n', err);
    }
    return 1;
}

int hv_schema_check(FILE *err, const hv_validate_kind *more)
{
    int bad = 0, count = 0;
    for (int t = 0; hv_schema_tables[t].name; t++, count++) {
        const hv_table_info *info = &hv_schema_tables[t];
        const hv_field *fields = fields_of(more, t);
        for (int i = 0; fields && fields[i].key; i++)
            if (fields[i].type == HV_F_SKIP && !hv_schema_slot(info->name, fields[i].key))
                bad += complain(err, "%s.%s: read by hand, but hv_schema_map.c gives it no shape",
                                info->name, fields[i].key);
        if (info->kind_key && fields &&
            (hv_fields_index(fields, info->kind_key) < 0 ||
             fields[hv_fields_index(fields, info->kind_key)].type != HV_F_ENUM))
            bad += complain(err, "%s.%s: no such choice of names", info->name, info->kind_key);
    }
    if (count > HV_SCHEMA_TABLES)
        bad += complain(err, "more than %s tables%s", "HV_SCHEMA_TABLES", NULL);
    for (const hv_slot *s = hv_schema_slots; s->table; s++) {
        int t = table_find(s->table);
        const hv_field *fields = t >= 0 ? fields_of(more, t) : NULL;
        int f = fields && s->key ? hv_fields_index(fields, s->key) : -1;
        if (t < 0)
            bad += complain(err, "%s: a shape for a table hv_schema_map.c does not list%s",
                            s->table, NULL);
        else if (fields && s->key && (f < 0 || fields[f].type != HV_F_SKIP))
            bad += complain(err, "%s.%s: a shape for a key the table does not read by hand",
                            s->table, s->key);
        if (has_sub(s) && table_find(s->sub) < 0)
            bad += complain(err, "%s: names table '%s', which hv_schema_map.c does not list",
                            s->table, s->sub);
    }
    for (int k = 0; hv_schema_kinds[k].kind; k++)
        if (table_find(hv_schema_kinds[k].table) < 0)
            bad += complain(err, "kind %s: no table '%s'", hv_schema_kinds[k].kind,
                            hv_schema_kinds[k].table);
    return bad;
}

const char *hv_schema_table_name(const hv_field *fields)
{
    for (int t = 0; hv_schema_tables[t].name; t++)
        if (hv_schema_tables[t].fields == fields)
            return hv_schema_tables[t].name;
    return NULL;
}
