/* The schema covers every key table the loaders export, and every key a
 * table leaves to a hand-written reader (HV_F_SKIP) has its shape in
 * src/data/hv_schema_map.c: a new section cannot be forgotten. What it
 * writes is the same every time; an unknown kind writes nothing. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "hv_jsonw.h"
#include "hv_schema.h"
#include "hv_test.h"
#include "data/key_tables.h"

typedef struct named_table {
    const char *name;
    const hv_field *fields;
} named_table;

#define TABLE(t) {#t, t},
static const named_table tables[] = {HV_KEYS_LEVEL_FORMAT(TABLE) HV_KEYS_CAMPAIGN_FORMAT(TABLE)
                                         HV_KEYS_MODS(TABLE) HV_KEYS_ORDERS(TABLE)};

/* What hv_schema_write writes for KIND, in a string to free; *RC its result. */
static char *schema_text(const char *kind, int *rc)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return NULL;
    *rc = hv_schema_write(out, kind, NULL);
    fclose(out);
    return text;
}

/* The definition NAME of the schema TEXT, in a string to free, or NULL. */
static char *definition(const char *text, const char *name)
{
    char start[96];
    snprintf(start, sizeof start, "\n    \"%s\": {", name);
    const char *at = text ? strstr(text, start) : NULL;
    if (!at)
        return NULL;
    const char *end = strstr(at + 1, "\n    \"");
    return strndup(at, end ? (size_t)(end - at) : strlen(at));
}

static void test_tables(void)
{
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        const char *name = hv_schema_table_name(tables[i].fields);
        CHECK(name != NULL);
        if (!name)
            fprintf(stderr, "  %s: no table of src/data/hv_schema_map.c\n", tables[i].name);
    }
    /* Every hand-read key has a shape, and every shape a key. */
    CHECK_EQ_INT(hv_schema_check(stderr, NULL), 0);
    static const hv_field unknown[] = {{"x", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "x"},
                                       {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL}};
    CHECK(hv_schema_table_name(unknown) == NULL);
}

static void test_kinds(void)
{
    static const char *const kinds[] = {
        "level", "rules", "orders", "save", "campaign", "campaign_progress", "mod", NULL};
    for (int i = 0; kinds[i]; i++)
        CHECK_STR(hv_schema_kind(i, NULL), kinds[i]);
    /* The settings are the window's: without their tables, no such kind. */
    CHECK(hv_schema_kind(7, NULL) == NULL);
    int rc = 0;
    char *text = schema_text("settings", &rc);
    CHECK_EQ_INT(rc, -1);
    CHECK(text && !*text);
    free(text);
    text = schema_text("levels", &rc);
    CHECK_EQ_INT(rc, -1);
    CHECK(text && !*text);
    free(text);
}

static void test_output(void)
{
    int rc = -1, again_rc = -1;
    char *all = schema_text(NULL, &rc), *again = schema_text(NULL, &again_rc);
    CHECK_EQ_INT(rc, 0);
    CHECK_EQ_INT(again_rc, 0);
    CHECK(all && again && strcmp(all, again) == 0);
    /* A level's overrides are the rules' keys, all optional, with no head;
     * a rules file that extends another needs only its head. */
    CHECK(all && strstr(all, "\"$ref\": \"#/definitions/rules_overrides\""));
    CHECK(all && strstr(all, "\"$ref\": \"#/definitions/rules_merge\""));
    char *merge = definition(all, "rules_merge");
    static const char head[] = "\n      \"required\": [\n        \"format\",\n        \"kind\"\n"
                               "      ]";
    const char *required = merge ? strstr(merge, "\n      \"required\": [") : NULL;
    CHECK(required && strncmp(required, head, sizeof head - 1) == 0);
    char *overrides = definition(all, "rules_overrides");
    CHECK(overrides && !strstr(overrides, "\"required\""));
    CHECK(overrides && !strstr(overrides, "\"extends\""));
    CHECK(overrides && strstr(overrides, "\"module_types\""));
    free(merge);
    free(overrides);
    free(all);
    free(again);
    char *level = schema_text("level", &rc);
    CHECK_EQ_INT(rc, 0);
    CHECK(level && strstr(level, "\"title\": \"Happy Valley level\""));
    CHECK(level && !strstr(level, "\"orders\": {"));
    free(level);
}

/* The writer's JSON: indented, escaped, empty containers closed at once. */
static void test_jsonw(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return;
    hv_jsonw w;
    hv_jsonw_init(&w, out);
    hv_jsonw_open(&w, '{');
    hv_jsonw_member_str(&w, "say \"hi\"", "a\\b\n\x01");
    hv_jsonw_key(&w, "list");
    hv_jsonw_open(&w, '[');
    hv_jsonw_int(&w, -3);
    hv_jsonw_open(&w, '{');
    hv_jsonw_close(&w, '}');
    hv_jsonw_close(&w, ']');
    hv_jsonw_close(&w, '}');
    fclose(out);
    CHECK_STR(text, "{\n  \"say \\\"hi\\\"\": \"a\\\\b\\u000a\\u0001\",\n  \"list\": [\n    -3,\n"
                    "    {}\n  ]\n}");
    free(text);
}

int main(void)
{
    test_jsonw();
    test_tables();
    test_kinds();
    test_output();
    return hv_test_done("data_schema");
}
