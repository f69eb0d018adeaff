/* The format references cover the loader key for key: for each exported
 * key table, docs/level-format.md (or docs/campaign-format.md, for the
 * campaign's files, and docs/mods.md for a mod's manifest) has a section that starts with
 * the marker `<!-- keys: TABLE -->` and runs to the next `<!-- keys:`
 * marker (or the end of the file). The first table of that section must
 * list every key of TABLE as a row starting "| `KEY` |", and no row there
 * may name a key the loader refuses. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "hv_file.h"
#include "hv_test.h"
#include "data/key_tables.h"

#define DOC_FILE HV_DOC_DIR "/level-format.md"
#define CAMPAIGN_DOC HV_DOC_DIR "/campaign-format.md"
#define MODS_DOC HV_DOC_DIR "/mods.md"
#define MARKER "<!-- keys:"

typedef struct doc_table {
    const char *name;
    const hv_field *fields;
} doc_table;

#define TABLE(t) {#t, t},
static const doc_table tables[] = {HV_KEYS_LEVEL_FORMAT(TABLE)};
#define TABLE_COUNT (sizeof tables / sizeof tables[0])

static const doc_table campaign_tables[] = {HV_KEYS_CAMPAIGN_FORMAT(TABLE)};
#define CAMPAIGN_COUNT (sizeof campaign_tables / sizeof campaign_tables[0])

static const doc_table mods_tables[] = {HV_KEYS_MODS(TABLE)};
#define MODS_COUNT (sizeof mods_tables / sizeof mods_tables[0])

/* Line number (from 1) of AT in DOC. */
static int line_of(const char *doc, const char *at)
{
    int line = 1;
    for (const char *p = doc; p < at; p++)
        line += *p == '\n';
    return line;
}

/* If LINE is a table row whose first cell is one `name`, copies
 * the name into OUT and returns 1. */
static int row_key(const char *line, char *out, size_t cap)
{
    if (*line != '|')
        return 0;
    line++;
    while (*line == ' ')
        line++;
    if (*line != '`')
        return 0;
    const char *start = ++line;
    while (*line && *line != '`' && *line != '\n')
        line++;
    if (*line != '`' || line == start || (size_t)(line - start) >= cap)
        return 0;
    size_t n = (size_t)(line - start);
    line++;
    while (*line == ' ')
        line++;
    if (*line != '|')
        return 0;
    memcpy(out, start, n);
    out[n] = '\0';
    return 1;
}

static const char *next_line(const char *p, const char *end)
{
    while (p < end && *p != '\n')
        p++;
    return p < end ? p + 1 : end;
}

static int key_of_table(const hv_field *fields, const char *key)
{
    return hv_fields_index(fields, key) >= 0;
}

/* Checks the section of DOC for table T. */
static void check_table(const char *doc, const doc_table *t)
{
    char marker[128];
    snprintf(marker, sizeof marker, "%s %s -->", MARKER, t->name);
    const char *at = strstr(doc, marker);
    CHECK(at != NULL);
    if (!at) {
        fprintf(stderr, "  %s: no section marked '%s' in %s\n", t->name, marker, DOC_FILE);
        return;
    }
    const char *again = strstr(at + 1, marker);
    CHECK(again == NULL);
    if (again)
        fprintf(stderr, "  %s: marked twice, at lines %d and %d\n", t->name, line_of(doc, at),
                line_of(doc, again));
    const char *body = at + strlen(marker);
    const char *end = strstr(body, MARKER);
    if (!end)
        end = body + strlen(body);
    int section_line = line_of(doc, at);

    /* The key table is the first run of lines starting with '|'. */
    const char *p = next_line(body, end);
    while (p < end && *p != '|')
        p = next_line(p, end);
    const char *table = p;
    while (p < end && *p == '|')
        p = next_line(p, end);
    const char *table_end = p;
    CHECK(table < table_end);
    if (table == table_end) {
        fprintf(stderr, "  %s: the section at line %d holds no table\n", t->name, section_line);
        return;
    }

    /* Every key of the loader is a row. */
    for (int f = 0; t->fields[f].key; f++) {
        int found = 0;
        char key[128];
        for (const char *l = table; l < table_end && !found; l = next_line(l, table_end))
            found = row_key(l, key, sizeof key) && strcmp(key, t->fields[f].key) == 0;
        CHECK(found);
        if (!found)
            fprintf(stderr,
                    "  %s: key '%s' is not documented (no row \"| `%s` |\" in the table of the "
                    "section at line %d)\n",
                    t->name, t->fields[f].key, t->fields[f].key, section_line);
    }
    /* Every row is a key of the loader, and only once. */
    for (const char *l = table; l < table_end; l = next_line(l, table_end)) {
        char key[128];
        if (!row_key(l, key, sizeof key))
            continue;
        int known = key_of_table(t->fields, key);
        CHECK(known);
        if (!known)
            fprintf(stderr,
                    "  %s: line %d documents key '%s', which the loader does not accept there\n",
                    t->name, line_of(doc, l), key);
        int count = 0;
        char other[128];
        for (const char *m = table; m < table_end; m = next_line(m, table_end))
            count += row_key(m, other, sizeof other) && strcmp(other, key) == 0;
        CHECK(count == 1);
        if (count != 1)
            fprintf(stderr, "  %s: line %d: key '%s' has %d rows\n", t->name, line_of(doc, l), key,
                    count);
    }
}

/* Every marker in the document names a table this test knows. */
static void check_markers(const char *doc, const doc_table *tables, size_t count)
{
    for (const char *at = strstr(doc, MARKER); at; at = strstr(at + 1, MARKER)) {
        const char *name = at + strlen(MARKER);
        while (*name == ' ')
            name++;
        size_t n = 0;
        while (name[n] && name[n] != ' ' && name[n] != '-' && name[n] != '\n')
            n++;
        int known = 0;
        for (size_t i = 0; i < count; i++)
            known |= strlen(tables[i].name) == n && strncmp(tables[i].name, name, n) == 0 &&
                     strncmp(name + n, " -->", 4) == 0;
        CHECK(known);
        if (!known) {
            size_t len = strcspn(at, "\n");
            fprintf(stderr, "  line %d: marker '%.*s' names no key table\n", line_of(doc, at),
                    (int)len, at);
        }
    }
}

/* Each page of the references with the key tables it must cover. */
static const struct {
    const char *file;
    const doc_table *tables;
    size_t count;
} docs[] = {
    {DOC_FILE, tables, TABLE_COUNT},
    {CAMPAIGN_DOC, campaign_tables, CAMPAIGN_COUNT},
    {MODS_DOC, mods_tables, MODS_COUNT},
};

int main(void)
{
    for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
        char *doc = hv_file_read_all(docs[d].file, NULL);
        CHECK(doc != NULL);
        if (!doc) {
            fprintf(stderr, "  cannot read %s\n", docs[d].file);
            continue;
        }
        for (size_t i = 0; i < docs[d].count; i++)
            check_table(doc, &docs[d].tables[i]);
        check_markers(doc, docs[d].tables, docs[d].count);
        free(doc);
    }
    return hv_test_done("data_doc_keys");
}
