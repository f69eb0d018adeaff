/* Rules that extend others (hv_rules_file.c): `extends: base` starts from
 * the game's rules, a new entry is added and a known one changed key by
 * key, a chain of files works, a loop and a missing file are errors at the
 * `extends` line, and a level may name `rules: base`. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <sys/stat.h>

#include "hv_file.h"
#include "hv_level.h"
#include "hv_test.h"
#include "levels_util.h"

static char dir[] = "/tmp/hv_extends_XXXXXX";

static void write_file(const char *name, const char *text)
{
    write_test_file(dir, name, text);
}

/* Loads rules NAME of the folder; errors into DIAG. */
static int load(const char *name, hv_rules *rules, hv_diag *diag)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    hv_rules_init(rules);
    return hv_rules_load(rules, path, diag);
}

/* 1 when DIAG holds an error at LINE:COL whose message has TEXT. */
static int has_error(const hv_diag *diag, int line, int col, const char *text)
{
    for (size_t i = 0; i < diag->count; i++)
        if (diag->entries[i].line == line && diag->entries[i].col == col &&
            strstr(diag->entries[i].message, text))
            return 1;
    return 0;
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    hv_file_set_data_folders(HV_LEVEL_DIR "/..", NULL);
    hv_rules *base = malloc(sizeof *base), *rules = malloc(sizeof *rules);
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_rules_load((hv_rules_init(base), base), HV_LEVEL_DIR "/rules/base.yaml", &diag),
                 0);

    write_file("kiln.yaml", "format: 1\nkind: rules\nextends: base\nmodule_types:\n"
                            "  kiln: {name: Kiln, cost: {materials: 40}, build_weeks: 2, upkeep: 3,"
                            " crew: 1, power: -5, priority: 2}\n"
                            "  habitat: {upkeep: 99}\n");
    CHECK_EQ_INT(load("kiln.yaml", rules, &diag), 0);
    CHECK_EQ_INT(rules->module_type_count, base->module_type_count + 1);
    int kiln = hv_rules_find_module_type(rules, "kiln"), hab = hv_rules_find_module_type(rules, "habitat");
    CHECK(kiln >= 0 && strcmp(rules->module_types[kiln].name, "Kiln") == 0);
    CHECK(hab >= 0 && rules->module_types[hab].upkeep == 99);
    /* Changed key by key: the habitat keeps everything else of the base's. */
    CHECK(hab >= 0 && rules->module_types[hab].housing == base->module_types[hab].housing);
    CHECK_EQ_INT(rules->role_count, base->role_count);
    CHECK_EQ_INT(rules->event_count, base->event_count);

    /* A file extending that one. */
    write_file("more.yaml", "format: 1\nkind: rules\nextends: kiln.yaml\nevent_chance: 77\n");
    CHECK_EQ_INT(load("more.yaml", rules, &diag), 0);
    CHECK_EQ_INT(rules->event_chance, 77);
    CHECK(hv_rules_find_module_type(rules, "kiln") >= 0);
    CHECK_EQ_INT(diag.count, 0);

    /* A loop, a missing file, a new entry that is not complete. */
    write_file("a.yaml", "format: 1\nkind: rules\nextends: b.yaml\n");
    write_file("b.yaml", "format: 1\nkind: rules\nextends: a.yaml\n");
    CHECK_EQ_INT(load("a.yaml", rules, &diag), -1);
    int loop = 0;
    for (size_t i = 0; i < diag.count; i++)
        loop += strstr(diag.entries[i].message, "goes round in a loop") != NULL;
    CHECK(loop >= 1);
    hv_diag_free(&diag);
    hv_diag_init(&diag);
    write_file("lost.yaml", "format: 1\nkind: rules\nextends: nowhere.yaml\n");
    CHECK_EQ_INT(load("lost.yaml", rules, &diag), -1);
    CHECK(has_error(&diag, 3, 10, "'nowhere.yaml' does not exist"));
    hv_diag_free(&diag);
    hv_diag_init(&diag);
    write_file("half.yaml", "format: 1\nkind: rules\nextends: base\nmodule_types:\n  kiln: {name: Kiln}\n");
    CHECK_EQ_INT(load("half.yaml", rules, &diag), -1);
    CHECK(has_error(&diag, 5, 9, "missing required key"));
    hv_diag_free(&diag);
    hv_diag_init(&diag);

    /* A level that names the game's rules by name. */
    char level_path[512];
    snprintf(level_path, sizeof level_path, "%s/level.yaml", dir);
    char *tutorial = hv_file_read_all(HV_LEVEL_DIR "/tutorial.yaml", NULL);
    CHECK(tutorial != NULL);
    if (tutorial) {
        char *at = strstr(tutorial, "\nrules: ");
        CHECK(at != NULL);
        if (at) {
            char *end = strchr(at + 1, '\n');
            FILE *f = fopen(level_path, "w");
            if (f) {
                fprintf(f, "%.*s\nrules: base%s", (int)(at - tutorial), tutorial, end);
                fclose(f);
            }
        }
        free(tutorial);
    }
    hv_level *level = hv_level_load(level_path, &diag);
    CHECK(level != NULL);
    CHECK_EQ_INT(diag.count, 0);
    hv_level_free(level);

    hv_diag_free(&diag);
    free(base);
    free(rules);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_EQ_INT(system(cmd), 0);
    return hv_test_done("data_rules_file");
}
