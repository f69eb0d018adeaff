/* The rules cache (hv_rules_cache.c): rules loaded twice are the same bytes
 * as rules loaded afresh; a change to any file of a chain, even one of the
 * same length, is seen at the next load; a level whose overrides remove
 * entries neither takes nor leaves rules in the cache; the game's rules are
 * those of the data folders in use; a level loaded from a tree read once
 * is the level loaded from its file; and a level is the same bytes whether
 * its rules were read afresh or copied from the cache into memory that
 * held another level. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <sys/stat.h>

#include "hv_file.h"
#include "hv_level.h"
#include "hv_rules_cache.h"
#include "hv_test.h"
#include "levels_util.h"

static char dir[] = "/tmp/hv_rules_cache_XXXXXX";

static void write_file(const char *name, const char *text)
{
    write_test_file(dir, name, text);
}

/* Loads PATH into RULES; 0 with no errors or warnings, else -1. */
static int load(const char *path, hv_rules *rules)
{
    hv_diag diag;
    hv_diag_init(&diag);
    hv_rules_init(rules);
    int rc = hv_rules_load(rules, path, &diag);
    hv_diag_print(&diag, stderr);
    if (diag.count || diag.warning_count)
        rc = -1;
    hv_diag_free(&diag);
    return rc;
}

static void check_chain(hv_rules *a, hv_rules *b)
{
    char child[512];
    snprintf(child, sizeof child, "%s/child.yaml", dir);
    write_file("parent.yaml", "format: 1\nkind: rules\nextends: base\nevent_chance: 100\n");
    write_file("child.yaml", "format: 1\nkind: rules\nextends: parent.yaml\n");
    hv_rules_cache_clear();
    CHECK_EQ_INT(load(child, a), 0);
    CHECK_EQ_INT(a->event_chance, 100);
    /* From the cache: the very bytes of the first load. */
    CHECK_EQ_INT(load(child, b), 0);
    CHECK(memcmp(a, b, sizeof *a) == 0);
    /* The file extended changes, keeping its length. */
    write_file("parent.yaml", "format: 1\nkind: rules\nextends: base\nevent_chance: 300\n");
    CHECK_EQ_INT(load(child, b), 0);
    CHECK_EQ_INT(b->event_chance, 300);
    /* And the file itself, which now extends the game's rules directly. */
    write_file("child.yaml", "format: 1\nkind: rules\nextends: base\nevent_chance: 7\n");
    CHECK_EQ_INT(load(child, b), 0);
    CHECK_EQ_INT(b->event_chance, 7);
    /* A file that breaks is an error, not the rules it held before. */
    write_file("child.yaml", "format: 1\nkind: rules\nextends: nowhere.yaml\n");
    CHECK(load(child, b) != 0);
    /* Afresh and from the cache, the game's rules are the same bytes. */
    hv_rules_cache_clear();
    CHECK_EQ_INT(load(HV_LEVEL_DIR "/rules/base.yaml", a), 0);
    CHECK_EQ_INT(load(HV_LEVEL_DIR "/rules/base.yaml", b), 0);
    CHECK(memcmp(a, b, sizeof *a) == 0);
}

static void check_removals(hv_rules *rules)
{
    hv_diag diag;
    hv_diag_init(&diag);
    for (int round = 0; round < 2; round++) {
        hv_level *level = hv_level_load(HV_TEST_DIR "/data/levels/removing.yaml", &diag);
        CHECK(level != NULL);
        CHECK(level && hv_rules_find_trait(&level->rules, "hothead") < 0);
        CHECK(level && hv_rules_find_role(&level->rules, "pilot") < 0);
        hv_level_free(level);
        /* The same rules file without the level's removals keeps both. */
        CHECK_EQ_INT(load(HV_TEST_DIR "/data/levels/removing_rules.yaml", rules), 0);
        CHECK(hv_rules_find_trait(rules, "hothead") >= 0);
        CHECK(hv_rules_find_role(rules, "pilot") >= 0);
    }
    CHECK_EQ_INT(diag.count, 0);
    hv_diag_free(&diag);
}

/* `extends: base` follows the data folders: other folders, other rules. */
static void check_folders(hv_rules *rules)
{
    char path[600], child[600];
    char *base = read_replacing(HV_LEVEL_DIR "/rules/base.yaml", "\nevent_chance: 150\n",
                                "\nevent_chance: 321\n");
    CHECK(base != NULL);
    if (!base)
        return;
    const char *made[] = {"data", "data/levels", "data/levels/rules"};
    make_test_dirs(dir, made, 3);
    write_file("data/levels/rules/base.yaml", base);
    free(base);
    write_file("child.yaml", "format: 1\nkind: rules\nextends: base\n");
    snprintf(child, sizeof child, "%s/child.yaml", dir);
    CHECK_EQ_INT(load(child, rules), 0);
    CHECK_EQ_INT(rules->event_chance, 150);
    snprintf(path, sizeof path, "%s/data", dir);
    hv_file_set_data_folders(path, NULL);
    CHECK_EQ_INT(load(child, rules), 0);
    CHECK_EQ_INT(rules->event_chance, 321);
    hv_file_set_data_folders(HV_LEVEL_DIR "/..", NULL);
    CHECK_EQ_INT(load(child, rules), 0);
    CHECK_EQ_INT(rules->event_chance, 150);
    remove(child);
    snprintf(path, sizeof path, "%s/data/levels/rules/base.yaml", dir);
    remove(path);
    const char *dirs[] = {"data/levels/rules", "data/levels", "data"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, dirs[i]);
        remove(path);
    }
}

/* A level from a tree read once equals the level read from its file. */
static void check_tree(void)
{
    const char *path = HV_LEVEL_DIR "/sandbox.yaml";
    hv_diag diag;
    hv_diag_init(&diag);
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    CHECK_EQ_INT(hv_ydoc_load_file(&doc, path, &limits, &diag), 0);
    hv_level *a = hv_level_load_tree(path, &doc, &diag);
    hv_level *b = hv_level_load(path, &diag);
    if (a && b)
        b->start.rules = a->start.rules; /* each start plays by its own level's rules */
    CHECK(a && b && memcmp(a, b, sizeof *a) == 0);
    hv_level_free(a);
    hv_level_free(b);
    hv_ydoc_free(&doc);
    /* A tree read with wider limits than a level's is refused as the game refuses it. */
    hv_ydoc_load_file(&doc, path, &limits, &diag);
    doc.bytes = limits.max_bytes + 1;
    char big[600];
    snprintf(big, sizeof big, "%s/big.yaml", dir);
    FILE *f = fopen(big, "w");
    for (size_t i = 0; f && i <= limits.max_bytes / 8; i++)
        fputs("# pad  \n", f);
    if (f)
        fclose(f);
    CHECK(hv_level_load_tree(big, &doc, &diag) == NULL);
    CHECK(diag.count == 1 && strstr(diag.entries[0].message, "larger than"));
    hv_ydoc_free(&doc);
    hv_diag_free(&diag);
}

static void check_level_bytes(const char *path)
{
    hv_diag diag;
    hv_diag_init(&diag);
    hv_rules_cache_clear();
    hv_level *fresh = hv_level_load(path, &diag);
    /* Memory that held another level, likely where the next one lands. */
    hv_level_free(hv_level_load(HV_LEVEL_DIR "/jamestown.yaml", &diag));
    hv_level *cached = hv_level_load(path, &diag);
    CHECK(fresh && cached);
    if (fresh && cached) {
        cached->start.rules = fresh->start.rules; /* each start plays by its own level's rules */
        CHECK(memcmp(fresh, cached, sizeof *fresh) == 0);
    }
    CHECK_EQ_INT(diag.count, 0);
    hv_level_free(fresh);
    hv_level_free(cached);
    hv_diag_free(&diag);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    hv_file_set_data_folders(HV_LEVEL_DIR "/..", NULL);
    hv_rules *a = malloc(sizeof *a), *b = malloc(sizeof *b);
    if (!a || !b)
        return 1;
    check_chain(a, b);
    check_removals(a);
    check_folders(a);
    check_tree();
    CHECK(for_each_shipped_level(check_level_bytes) >= 9);
    hv_rules_cache_clear();
    free(a);
    free(b);
    const char *names[] = {"parent.yaml", "child.yaml", "big.yaml"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    remove(dir);
    return hv_test_done("data_rules_cache");
}
