/* hv_yaml: tree shape and positions, every refusal with its message and
 * place, and hostile inputs refused in well under a second. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hv_yaml.h"

static int failures, checks;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        checks++;                                                                                  \
        if (!(cond)) {                                                                             \
            failures++;                                                                            \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The entry whose message holds TEXT, or NULL; prints all entries when none
 * does, so a failure shows what was reported instead. */
static const hv_diag_entry *find(const hv_diag *d, const char *text)
{
    for (size_t i = 0; i < d->count; i++)
        if (strstr(d->entries[i].message, text))
            return &d->entries[i];
    fprintf(stderr, "no error containing '%s'; got %zu:\n", text, d->count);
    for (size_t i = 0; i < d->count; i++)
        fprintf(stderr, "  %d:%d: %s\n", d->entries[i].line, d->entries[i].col,
                d->entries[i].message);
    return NULL;
}

static int at(const hv_diag_entry *e, int line, int col)
{
    if (e && (e->line != line || e->col != col))
        fprintf(stderr, "'%s' at %d:%d, expected %d:%d\n", e->message, e->line, e->col, line, col);
    return e && e->line == line && e->col == col;
}

static int is_scalar(const hv_ynode *n, const char *text)
{
    return n && n->kind == HV_YNODE_SCALAR && strcmp(n->str, text) == 0 && n->len == strlen(text);
}

/* Loads TEXT (LEN bytes) expecting failure; returns how long it took. The
 * caller looks at DIAG and frees it. */
static double load_fail(hv_diag *diag, const char *text, size_t len, const hv_ylimits *limits)
{
    hv_ydoc doc;
    hv_diag_init(diag);
    double t0 = now();
    int rc = hv_ydoc_load_buffer(&doc, "t.yaml", text, len, limits, diag);
    double t = now() - t0;
    CHECK(rc == -1);
    CHECK(doc.root == NULL);
    CHECK(diag->count >= 1);
    hv_ydoc_free(&doc);
    hv_ydoc_free(&doc); /* freeing twice is harmless: the doc is zeroed */
    return t;
}

static void test_valid(void)
{
    static const char text[] = "format: 1\n"
                               "kind: level\n"
                               "title: \"First Light\"\n"
                               "map:\n"
                               "  size: [3, 4]\n"
                               "  terrain:\n"
                               "    - ice\n"
                               "    - 'rock'\n"
                               "notes: |\n"
                               "  hello\n"
                               "fold: >-\n"
                               "  a\n"
                               "  b\n"
                               "\xc3\xbc\x6e\xc3\xaf: x\n" /* "ünï: x" */
                               "shared: &s {k: v}\n"
                               "again: *s\n";
    hv_ylimits limits = hv_ylimits_default();
    hv_diag diag;
    hv_ydoc doc;
    hv_diag_init(&diag);
    int rc = hv_ydoc_load_buffer(&doc, "v.yaml", text, strlen(text), &limits, &diag);
    CHECK(rc == 0);
    CHECK(diag.count == 0);
    CHECK(doc.file && strcmp(doc.file, "v.yaml") == 0);
    const hv_ynode *root = doc.root;
    CHECK(root && root->kind == HV_YNODE_MAP && root->count == 9);
    CHECK(root && root->line == 1 && root->col == 1);

    const hv_ynode *format = hv_ynode_get(root, "format");
    CHECK(is_scalar(format, "1") && !format->quoted && format->line == 1 && format->col == 9);
    const hv_ynode *title = hv_ynode_get(root, "title");
    CHECK(is_scalar(title, "First Light") && title->quoted && title->line == 3 && title->col == 8);

    const hv_ynode *map = hv_ynode_get(root, "map");
    CHECK(map && map->kind == HV_YNODE_MAP && map->count == 2 && map->line == 5 && map->col == 3);
    const hv_ynode *size = hv_ynode_get(map, "size");
    CHECK(size && size->kind == HV_YNODE_SEQ && size->count == 2);
    CHECK(size && size->line == 5 && size->col == 9);
    CHECK(size && is_scalar(size->items[1], "4") && size->items[1]->line == 5 &&
          size->items[1]->col == 13);
    const hv_ynode *terrain = hv_ynode_get(map, "terrain");
    CHECK(terrain && terrain->kind == HV_YNODE_SEQ && terrain->count == 2);
    CHECK(terrain && terrain->line == 7 && terrain->col == 5);
    CHECK(terrain && is_scalar(terrain->items[0], "ice") && !terrain->items[0]->quoted);
    CHECK(terrain && is_scalar(terrain->items[1], "rock") && terrain->items[1]->quoted &&
          terrain->items[1]->line == 8 && terrain->items[1]->col == 7);

    const hv_ynode *notes = hv_ynode_get(root, "notes");
    CHECK(is_scalar(notes, "hello\n") && notes->quoted && notes->line == 9 && notes->col == 8);
    const hv_ynode *fold = hv_ynode_get(root, "fold");
    CHECK(is_scalar(fold, "a b") && fold->quoted);

    /* Columns count characters: "ünï: " is five of them in seven bytes. */
    const hv_ynode *x = hv_ynode_get(root, "\xc3\xbc\x6e\xc3\xaf");
    CHECK(is_scalar(x, "x") && x->line == 14 && x->col == 6);

    const hv_ynode *shared = hv_ynode_get(root, "shared");
    CHECK(shared && shared->kind == HV_YNODE_MAP && is_scalar(hv_ynode_get(shared, "k"), "v"));
    CHECK(hv_ynode_get(root, "again") == shared); /* an alias shares the node */

    CHECK(hv_ynode_get(root, "missing") == NULL);
    CHECK(hv_ynode_get(format, "format") == NULL); /* not a map */
    CHECK(hv_ynode_get(NULL, "format") == NULL);
    CHECK(strcmp(hv_ynode_kind_name(HV_YNODE_MAP), "a map") == 0);
    CHECK(strcmp(hv_ynode_kind_name(HV_YNODE_SEQ), "a list") == 0);
    CHECK(strcmp(hv_ynode_kind_name(HV_YNODE_SCALAR), "a value") == 0);
    hv_ydoc_free(&doc);
    CHECK(doc.root == NULL && doc.arena == NULL);
    hv_diag_free(&diag);
}

static void test_empty(void)
{
    hv_ylimits limits = hv_ylimits_default();
    static const char *const texts[] = {"", "# only a comment\n", "\n\n"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        hv_diag diag;
        hv_ydoc doc;
        hv_diag_init(&diag);
        CHECK(hv_ydoc_load_buffer(&doc, "e.yaml", texts[i], strlen(texts[i]), &limits, &diag) == 0);
        CHECK(doc.root == NULL);
        CHECK(diag.count == 0);
        hv_ydoc_free(&doc);
        hv_diag_free(&diag);
    }
}

static void test_duplicates(void)
{
    static const char text[] = "a: 1\n"
                               "b:\n"
                               "  c: 2\n"
                               "  c: 3\n"
                               "a: 4\n"
                               "z: {q: 1, q: 2}\n";
    hv_ylimits limits = hv_ylimits_default();
    hv_diag diag;
    load_fail(&diag, text, strlen(text), &limits);
    CHECK(diag.count == 3);
    CHECK(at(find(&diag, "duplicate key 'c'"), 4, 3));
    CHECK(at(find(&diag, "duplicate key 'a'"), 5, 1));
    CHECK(at(find(&diag, "duplicate key 'q'"), 6, 11));
    CHECK(diag.count && strcmp(diag.entries[0].file, "t.yaml") == 0);
    hv_diag_free(&diag);
}

/* Repeated keys are reported by key (byte order, a prefix first), then
 * by place, in maps of every size up to well past the few keys most have:
 * here KEYS keys drawn from a handful of names, each on its own line. */
static void check_duplicate_order(size_t keys)
{
    static const char *const names[] = {"b", "ab", "a", "ba", "c", "a0", "bb"};
    enum { NAMES = sizeof names / sizeof names[0] };
    char text[4096] = "", msg[64];
    size_t pick[64];
    for (size_t i = 0; i < keys; i++) {
        pick[i] = (i * 5 + keys) % NAMES;
        size_t used = strlen(text);
        snprintf(text + used, sizeof text - used, "%s: %zu\n", names[pick[i]], i);
    }
    hv_ylimits limits = hv_ylimits_default();
    hv_diag diag;
    hv_diag_init(&diag);
    hv_ydoc doc;
    hv_ydoc_load_buffer(&doc, "d.yaml", text, strlen(text), &limits, &diag);
    hv_ydoc_free(&doc);
    /* What is expected, in order: names by strcmp (plain a-z0-9 here), and
     * under each every line but the first that repeats it. */
    size_t expected = 0;
    const char *sorted[NAMES];
    memcpy(sorted, names, sizeof sorted);
    for (size_t i = 1; i < NAMES; i++)
        for (size_t j = i; j > 0 && strcmp(sorted[j - 1], sorted[j]) > 0; j--) {
            const char *t = sorted[j];
            sorted[j] = sorted[j - 1];
            sorted[j - 1] = t;
        }
    for (size_t k = 0; k < NAMES; k++) {
        int seen = 0;
        for (size_t i = 0; i < keys; i++) {
            if (strcmp(names[pick[i]], sorted[k]) != 0 || !seen++)
                continue;
            snprintf(msg, sizeof msg, "duplicate key '%s'", sorted[k]);
            const hv_diag_entry *e = expected < diag.count ? &diag.entries[expected] : NULL;
            CHECK(e && strcmp(e->message, msg) == 0 && e->line == (int)i + 1 && e->col == 1);
            expected++;
        }
    }
    CHECK(diag.count == expected);
    hv_diag_free(&diag);
}

static void test_syntax(void)
{
    hv_ylimits limits = hv_ylimits_default();
    hv_diag diag;
    static const char bad_indent[] = "a: 1\n  b: 2\nc: 3\n";
    load_fail(&diag, bad_indent, strlen(bad_indent), &limits);
    const hv_diag_entry *e = find(&diag, "YAML syntax: ");
    CHECK(at(e, 2, 4));
    CHECK(e && strstr(e->message, "mapping values are not allowed"));
    hv_diag_free(&diag);

    static const char unclosed[] = "a: [1, 2\nb: 3\n";
    load_fail(&diag, unclosed, strlen(unclosed), &limits);
    e = find(&diag, "YAML syntax: ");
    CHECK(e && e->line >= 1 && e->col >= 1);
    hv_diag_free(&diag);

    /* libyaml's own reader refuses control characters: placed by offset. */
    static const char control[] = "a: 1\nb: x\x01y\n";
    load_fail(&diag, control, strlen(control), &limits);
    CHECK(at(find(&diag, "control characters"), 2, 5));
    hv_diag_free(&diag);
}

/* A syntax error that leaves containers open, none of them holding an item
 * yet, must still come back as one YAML syntax error with a place, and the
 * keys of the maps left open must be checked without touching items that
 * were never read (clang's UBSan sees arithmetic on a NULL item array). */
static void test_left_open(void)
{
    hv_ylimits limits = hv_ylimits_default();
    static const char *const texts[] = {"[[{]", "{[", "[{]",       "{a: [}",        "- [",
                                        "[{",   "{{", "a: {b: [}", "- {a: 1, b: [", "{a: 1, b: {]"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        hv_diag diag;
        load_fail(&diag, texts[i], strlen(texts[i]), &limits);
        CHECK(diag.count == 1);
        const hv_diag_entry *e = find(&diag, "YAML syntax: ");
        CHECK(e && e->line >= 1 && e->col >= 1 && !strchr(e->message, '\n'));
        if (!e || diag.count != 1)
            fprintf(stderr, "  (input '%s')\n", texts[i]);
        hv_diag_free(&diag);
    }
    /* A repeat among the keys read before the error is still reported. */
    static const char repeat[] = "{a: 1, a: [";
    hv_diag diag;
    load_fail(&diag, repeat, strlen(repeat), &limits);
    CHECK(diag.count == 2);
    CHECK(at(find(&diag, "duplicate key 'a'"), 1, 8));
    hv_diag_free(&diag);
}

static void test_bytes(void)
{
    hv_ylimits limits = hv_ylimits_default();
    hv_diag diag;
    static const char nul[] = "a: 1\nbb: x\0y\n";
    load_fail(&diag, nul, sizeof nul - 1, &limits);
    CHECK(diag.count == 1);
    CHECK(at(find(&diag, "NUL byte in file"), 2, 6));
    hv_diag_free(&diag);

    static const char nul_after_utf8[] = "\xc3\xa9\xc3\xa9: \0";
    load_fail(&diag, nul_after_utf8, sizeof nul_after_utf8 - 1, &limits);
    CHECK(at(find(&diag, "NUL byte in file"), 1, 5));
    hv_diag_free(&diag);

    static const char bad[] = "a: 1\r\nb: \xc3\xa9\xff\n";
    load_fail(&diag, bad, strlen(bad), &limits);
    CHECK(diag.count == 1);
    CHECK(at(find(&diag, "invalid UTF-8 byte 0xff"), 2, 5));
    hv_diag_free(&diag);

    static const char overlong[] = "k: v\n\xc0\xaf: 1\n";
    load_fail(&diag, overlong, strlen(overlong), &limits);
    CHECK(at(find(&diag, "invalid UTF-8 byte 0xc0"), 2, 1));
    hv_diag_free(&diag);

    static const char surrogate[] = "k: \xed\xa0\x80\n";
    load_fail(&diag, surrogate, strlen(surrogate), &limits);
    CHECK(at(find(&diag, "invalid UTF-8 byte 0xed"), 1, 4));
    hv_diag_free(&diag);

    static const char cut[] = "k: \xe2\x82";
    load_fail(&diag, cut, strlen(cut), &limits);
    CHECK(at(find(&diag, "invalid UTF-8 byte 0xe2"), 1, 4));
    hv_diag_free(&diag);

    static const char escaped_nul[] = "k: \"a\\0b\"\n";
    load_fail(&diag, escaped_nul, strlen(escaped_nul), &limits);
    CHECK(at(find(&diag, "NUL character in value"), 1, 4));
    hv_diag_free(&diag);
}

/* A NUL, a stray byte or a cut sequence anywhere in a line of plain text
 * is reported at its own column, whatever its place among the bytes the
 * check crosses several at a time. */
static void test_bad_byte_anywhere(void)
{
    static const char *const bad[] = {"\0", "\xff", "\x80", "\xc3(", "\xe2\x82"};
    static const char *const names[] = {"NUL byte in file", "invalid UTF-8 byte 0xff",
                                        "invalid UTF-8 byte 0x80", "invalid UTF-8 byte 0xc3",
                                        "invalid UTF-8 byte 0xe2"};
    hv_ylimits limits = hv_ylimits_default();
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++)
        for (size_t at_col = 4; at_col <= 40; at_col++) {
            char text[64];
            size_t blen = b == 0 ? 1 : strlen(bad[b]);
            memset(text, 'x', sizeof text);
            memcpy(text, "\xc3\xa9: ", 4); /* the value starts at column 4 */
            memcpy(text + at_col, bad[b], blen);
            text[50] = '\n';
            hv_diag diag;
            load_fail(&diag, text, 51, &limits);
            CHECK(diag.count == 1);
            /* The two bytes of the first letter make one column. */
            CHECK(at(find(&diag, names[b]), 1, (int)at_col));
            hv_diag_free(&diag);
        }
}

static void test_structure(void)
{
    hv_ylimits limits = hv_ylimits_default();
    hv_diag diag;
    static const char two[] = "a: 1\n---\nb: 2\n";
    load_fail(&diag, two, strlen(two), &limits);
    CHECK(at(find(&diag, "only one YAML document per file"), 2, 1));
    hv_diag_free(&diag);

    static const char key[] = "a: 1\n? [x, y]\n: 2\n";
    load_fail(&diag, key, strlen(key), &limits);
    CHECK(diag.count == 1);
    CHECK(at(find(&diag, "map keys must be plain values"), 2, 3));
    hv_diag_free(&diag);

    static const char unknown[] = "a: *nope\n";
    load_fail(&diag, unknown, strlen(unknown), &limits);
    CHECK(at(find(&diag, "unknown alias '*nope'"), 1, 4));
    hv_diag_free(&diag);

    /* Keys read before a fatal error are still checked. */
    static const char cut_short[] = "a: 1\nb: 2\na: [1, *nope]\n";
    load_fail(&diag, cut_short, strlen(cut_short), &limits);
    CHECK(diag.count == 2);
    CHECK(at(find(&diag, "unknown alias '*nope'"), 3, 8));
    CHECK(at(find(&diag, "duplicate key 'a'"), 3, 1));
    hv_diag_free(&diag);

    static const char loop[] = "a: &x [1, *x]\n";
    load_fail(&diag, loop, strlen(loop), &limits);
    CHECK(at(find(&diag, "alias '*x' is used inside the node it names"), 1, 11));
    hv_diag_free(&diag);

    /* A later anchor of the same name wins, as YAML says. */
    static const char again[] = "a: &x 1\nb: &x 2\nc: *x\n";
    hv_ydoc doc;
    hv_diag_init(&diag);
    CHECK(hv_ydoc_load_buffer(&doc, "t.yaml", again, strlen(again), &limits, &diag) == 0);
    CHECK(is_scalar(hv_ynode_get(doc.root, "c"), "2"));
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);
}

static void test_limits(void)
{
    hv_ylimits limits = hv_ylimits_default();
    CHECK(limits.max_bytes == 1048576 && limits.max_depth == 64 && limits.max_nodes == 200000 &&
          limits.max_scalar_len == 65536);
    hv_diag diag;
    hv_ydoc doc;

    /* Exactly at each limit is fine. */
    char deep[2 * 64 + 1];
    memset(deep, '[', 64);
    memset(deep + 64, ']', 64);
    deep[128] = '\0';
    hv_diag_init(&diag);
    CHECK(hv_ydoc_load_buffer(&doc, "t.yaml", deep, 128, &limits, &diag) == 0);
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);
    deep[64] = '[';
    load_fail(&diag, deep, 65, &limits);
    CHECK(at(find(&diag, "nesting deeper than 64 levels"), 1, 65));
    hv_diag_free(&diag);

    size_t n = 65536;
    char *text = malloc(n + 8);
    memcpy(text, "a: ", 3);
    memset(text + 3, 'x', n);
    hv_diag_init(&diag);
    CHECK(hv_ydoc_load_buffer(&doc, "t.yaml", text, n + 3, &limits, &diag) == 0);
    CHECK(doc.root && hv_ynode_get(doc.root, "a") && hv_ynode_get(doc.root, "a")->len == n);
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);
    text[n + 3] = 'x';
    load_fail(&diag, text, n + 4, &limits);
    CHECK(diag.count == 1);
    CHECK(at(find(&diag, "value longer than 65536 bytes"), 1, 4));
    hv_diag_free(&diag);
    free(text);

    /* The root, [a, b, c] (four nodes) and the alias standing for four more. */
    hv_ylimits small = limits;
    small.max_nodes = 9;
    static const char nodes[] = "- &l [a, b, c]\n- *l\n";
    hv_diag_init(&diag);
    CHECK(hv_ydoc_load_buffer(&doc, "t.yaml", nodes, strlen(nodes), &small, &diag) == 0);
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);
    small.max_nodes = 8;
    load_fail(&diag, nodes, strlen(nodes), &small);
    CHECK(at(find(&diag, "document expands to more than 8 nodes (aliases included)"), 2, 3));
    hv_diag_free(&diag);

    small.max_bytes = 10;
    load_fail(&diag, "a: 1234567", 11, &small);
    CHECK(at(find(&diag, "file is larger than 10 bytes"), 0, 0));
    hv_diag_free(&diag);
}

static void test_hostile(void)
{
    hv_ylimits limits = hv_ylimits_default();
    hv_diag diag;
    double t;

    size_t n = 5 * 1024 * 1024;
    char *line = malloc(n + 8);
    memcpy(line, "title: ", 7);
    memset(line + 7, 'x', n);
    line[n + 7] = '\n';
    t = load_fail(&diag, line, n + 8, &limits);
    CHECK(diag.count == 1);
    CHECK(at(find(&diag, "file is larger than 1048576 bytes"), 0, 0));
    CHECK(t < 1.0);
    printf("5 MB line refused in %.3f ms\n", t * 1e3);
    hv_diag_free(&diag);
    free(line);

    char *laughs = malloc(4096);
    size_t len =
        (size_t)sprintf(laughs, "a: &a [\"lol\"%s]\n",
                        ",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"");
    for (char c = 'b'; c <= 'j'; c++) {
        len += (size_t)sprintf(laughs + len, "%c: &%c [", c, c);
        for (int i = 0; i < 10; i++)
            len += (size_t)sprintf(laughs + len, "%s*%c", i ? "," : "", c - 1);
        len += (size_t)sprintf(laughs + len, "]\n");
    }
    t = load_fail(&diag, laughs, len, &limits);
    CHECK(diag.count == 1);
    CHECK(find(&diag, "document expands to more than 200000 nodes (aliases included)"));
    CHECK(t < 1.0);
    printf("billion laughs refused in %.3f ms\n", t * 1e3);
    hv_diag_free(&diag);
    free(laughs);

    size_t depth = 200000;
    char *nested = malloc(2 * depth + 1);
    memset(nested, '[', depth);
    memset(nested + depth, ']', depth);
    nested[2 * depth] = '\n';
    t = load_fail(&diag, nested, 2 * depth + 1, &limits);
    CHECK(diag.count == 1);
    CHECK(at(find(&diag, "nesting deeper than 64 levels"), 1, 65));
    CHECK(t < 1.0);
    printf("200000 nested lists refused in %.3f ms\n", t * 1e3);
    hv_diag_free(&diag);
    free(nested);

    /* Many keys and anchors in one map: only reported, not timed, since
     * this one is slow under valgrind for libyaml's own sake. */
    size_t keys = 30000;
    char *wide = malloc(keys * 40 + 16);
    len = 0;
    for (size_t i = 0; i < keys; i++)
        len += (size_t)sprintf(wide + len, "k%zu: &%zu v\nr%zu: *%zu\n", i, i, i, i);
    hv_ydoc doc;
    hv_diag_init(&diag);
    t = now();
    CHECK(hv_ydoc_load_buffer(&doc, "t.yaml", wide, len, &limits, &diag) == 0);
    t = now() - t;
    CHECK(doc.root && doc.root->count == 2 * keys);
    printf("%zu keys and anchors loaded in %.3f ms\n", 2 * keys, t * 1e3);
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);
    len += (size_t)sprintf(wide + len, "k7: 1\n");
    load_fail(&diag, wide, len, &limits);
    CHECK(diag.count == 1);
    CHECK(at(find(&diag, "duplicate key 'k7'"), (int)(2 * keys + 1), 1));
    hv_diag_free(&diag);
    free(wide);
}

static void test_file(void)
{
    hv_ylimits limits = hv_ylimits_default();
    hv_diag diag;
    hv_ydoc doc;
    hv_diag_init(&diag);
    CHECK(hv_ydoc_load_file(&doc, "/nonexistent/dir/x.yaml", &limits, &diag) == -1);
    CHECK(doc.root == NULL);
    CHECK(at(find(&diag, "cannot open file: "), 0, 0));
    CHECK(diag.count && strcmp(diag.entries[0].file, "/nonexistent/dir/x.yaml") == 0);
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);

    hv_diag_init(&diag);
    CHECK(hv_ydoc_load_file(&doc, "/", &limits, &diag) == -1);
    CHECK(at(find(&diag, "cannot open file: a folder, not a file"), 0, 0));
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);

    /* A FIFO, which would block the open and the read, is refused at once;
     * so is a device, which could stream forever. */
    char fifo[] = "/tmp/hv_test_fifo_XXXXXX";
    int made = mkstemp(fifo);
    CHECK(made >= 0);
    if (made >= 0) {
        close(made);
        unlink(fifo);
        CHECK(mkfifo(fifo, 0600) == 0);
        hv_diag_init(&diag);
        CHECK(hv_ydoc_load_file(&doc, fifo, &limits, &diag) == -1);
        CHECK(at(find(&diag, "cannot open file: not a regular file"), 0, 0));
        hv_ydoc_free(&doc);
        hv_diag_free(&diag);
        unlink(fifo);
    }
    hv_diag_init(&diag);
    CHECK(hv_ydoc_load_file(&doc, "/dev/zero", &limits, &diag) == -1);
    CHECK(at(find(&diag, "cannot open file: not a regular file"), 0, 0));
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);

    char path[] = "/tmp/hv_test_yaml_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    FILE *fp = fdopen(fd, "wb");
    fputs("\xef\xbb\xbfkind: level\nlist: [1, 2\n", fp);
    fclose(fp);
    hv_diag_init(&diag);
    CHECK(hv_ydoc_load_file(&doc, path, &limits, &diag) == -1);
    CHECK(diag.count == 1 && strstr(diag.entries[0].message, "YAML syntax") &&
          strcmp(diag.entries[0].file, path) == 0);
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);

    fp = fopen(path, "wb");
    fputs("\xef\xbb\xbfkind: level\nlist: [1, 2]\n", fp);
    fclose(fp);
    hv_diag_init(&diag);
    CHECK(hv_ydoc_load_file(&doc, path, &limits, &diag) == 0);
    const hv_ynode *kind = hv_ynode_get(doc.root, "kind");
    CHECK(is_scalar(kind, "level") && kind->line == 1 && kind->col == 7); /* BOM not counted */
    CHECK(doc.file && strcmp(doc.file, path) == 0);
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);

    /* A file past the size cap is refused from its first max_bytes + 1. */
    fp = fopen(path, "wb");
    for (int i = 0; i < 200; i++)
        fprintf(fp, "k%d: %0100d\n", i, i);
    fclose(fp);
    hv_ylimits small = limits;
    small.max_bytes = 4096;
    hv_diag_init(&diag);
    CHECK(hv_ydoc_load_file(&doc, path, &small, &diag) == -1);
    CHECK(at(find(&diag, "file is larger than 4096 bytes"), 0, 0));
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);
    remove(path);
}

int main(void)
{
    test_valid();
    test_empty();
    test_duplicates();
    for (size_t keys = 2; keys <= 40; keys++)
        check_duplicate_order(keys);
    test_syntax();
    test_left_open();
    test_bytes();
    test_bad_byte_anywhere();
    test_structure();
    test_limits();
    test_hostile();
    test_file();
    printf("test_yaml: %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
