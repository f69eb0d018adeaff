/* Every file in tests/data/lint/ must be valid and give exactly the
 * warnings its comments announce, in order of position, each as printed:
 *   # expect: LINE:COL: warning: MESSAGE
 * and the shipped content and a level a campaign carries a flag into give
 * none of the warnings those files show, however often the campaign files
 * are read and rewritten in one process. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "hv_campaign_cache.h"
#include "hv_file.h"
#include "hv_lint.h"
#include "hv_test.h"
#include "hv_validate.h"
#include "levels_util.h"

#define DIR_PATH HV_TEST_DIR "/data/lint"
#define MAX_LINES 64
#define LINE_LEN 1200

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The expectations of NAME into LINES, as "NAME:LINE:COL: ..."; their count. */
static int read_expected(const char *name, char lines[][LINE_LEN])
{
    char path[1024], buf[1024];
    snprintf(path, sizeof path, "%s/%s", DIR_PATH, name);
    FILE *f = fopen(path, "rb");
    int n = 0;
    while (f && fgets(buf, sizeof buf, f) && n < MAX_LINES) {
        buf[strcspn(buf, "\r\n")] = '\0';
        if (strncmp(buf, "# expect: ", 10) == 0)
            snprintf(lines[n++], LINE_LEN, "%.200s:%.900s", name, buf + 10);
    }
    if (f)
        fclose(f);
    return n;
}

/* Validates PATH (which must be valid) and prints what it gives into
 * LINES, with the folder DIR cut off; their count. */
static int read_actual(const char *path, const char *dir, char lines[][LINE_LEN])
{
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_data_validate(path, &diag), 0);
    CHECK_EQ_INT(diag.count, 0);
    char *text = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&text, &size);
    hv_diag_print(&diag, mem);
    fclose(mem);
    hv_diag_free(&diag);
    int n = 0;
    size_t prefix = strlen(dir);
    for (char *line = strtok(text, "\n"); line && n < MAX_LINES; line = strtok(NULL, "\n"))
        snprintf(lines[n++], LINE_LEN, "%s",
                 strncmp(line, dir, prefix) == 0 ? line + prefix : line);
    free(text);
    return n;
}

static void check_fixtures(void)
{
    DIR *dir = opendir(DIR_PATH);
    CHECK(dir != NULL);
    char *names[64];
    int count = 0;
    struct dirent *e;
    while (dir && (e = readdir(dir)) && count < 64) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0)
            names[count++] = strdup(e->d_name);
    }
    if (dir)
        closedir(dir);
    qsort(names, (size_t)count, sizeof names[0], by_name);
    CHECK(count >= 6); /* files must not vanish silently */
    static char expected[MAX_LINES][LINE_LEN], actual[MAX_LINES][LINE_LEN];
    for (int i = 0; i < count; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", DIR_PATH, names[i]);
        int ne = read_expected(names[i], expected);
        int na = read_actual(path, DIR_PATH "/", actual);
        CHECK(ne > 0);
        int same = ne == na;
        for (int k = 0; same && k < ne; k++)
            same = strcmp(expected[k], actual[k]) == 0;
        CHECK(same);
        if (!same) {
            fprintf(stderr, "%s: expected\n", names[i]);
            for (int k = 0; k < ne; k++)
                fprintf(stderr, "    %s\n", expected[k]);
            fprintf(stderr, "  got\n");
            for (int k = 0; k < na; k++)
                fprintf(stderr, "    %s\n", actual[k]);
        }
        free(names[i]);
    }
    printf("checked %d files with warnings\n", count);
}

/* No warning at all for PATH. */
static void check_clean(const char *path)
{
    char lines[MAX_LINES][LINE_LEN];
    int n = read_actual(path, "", lines);
    CHECK_EQ_INT(n, 0);
    for (int k = 0; k < n; k++)
        fprintf(stderr, "%s: unexpected: %s\n", path, lines[k]);
}

/* A level that reads a flag only a campaign sets, and the levels and
 * campaign that set and carry it: the campaign beside them counts. */
static void test_campaign_sets_flags(void)
{
    check_clean(HV_TEST_DIR "/data/campaign/second.yaml");
    check_clean(HV_TEST_DIR "/data/campaign/first.yaml");
    check_clean(HV_TEST_DIR "/data/campaign/campaigns/test.yaml");
}

static char tmp[] = "/tmp/hv_lint_XXXXXX";

static void write_tmp(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* The warnings of validating PATH, which must have no error. */
static size_t warnings(const char *path)
{
    hv_diag diag;
    hv_diag_init(&diag);
    hv_data_validate(path, &diag);
    CHECK_EQ_INT(diag.count, 0);
    size_t n = diag.warning_count;
    hv_diag_free(&diag);
    return n;
}

/* Campaign files are read once a process while they stay the same: a
 * change of their bytes (even of the same length), of the levels they list
 * or of the data folders is seen at the next validation, and a modder's
 * level with campaigns of its own is checked against those, between
 * validations of the shipped levels and their campaign. */
static void test_campaign_changes(void)
{
    CHECK(mkdtemp(tmp) != NULL);
    char path[512], level[512];
    const char *dirs[] = {"campaigns", "levels", "levels/campaigns"};
    make_test_dirs(tmp, dirs, 3);
    /* The test campaign's second level, played by the game's rules. */
    char *text = read_replacing(HV_TEST_DIR "/data/campaign/second.yaml",
                                "rules: ../../../levels/rules/base.yaml\n", "rules: base\n");
    CHECK(text != NULL);
    if (!text)
        return;
    write_tmp("second.yaml", text);
    free(text);
    snprintf(level, sizeof level, "%s/second.yaml", tmp);
    hv_file_set_data_folders(HV_LEVEL_DIR "/..", tmp);
    /* No campaign sets its flag yet. */
    CHECK_EQ_INT(warnings(level), 1);
    const char *carrying = "format: 1\nkind: campaign\nid: mod\ntitle: \"Mod\"\nsummary: \"S.\"\n"
                           "levels: [../second.yaml]\ncarry:\n  flags: [accord]\n";
    write_tmp("campaigns/mod.yaml", carrying);
    for (int round = 0; round < 2; round++) {
        CHECK_EQ_INT(warnings(level), 0);
        CHECK_EQ_INT(warnings(HV_LEVEL_DIR "/jamestown.yaml"), 0);
        CHECK_EQ_INT(warnings(HV_LEVEL_DIR "/riot.yaml"), 0);
    }
    /* The same length, another flag. */
    write_tmp("campaigns/mod.yaml",
              "format: 1\nkind: campaign\nid: mod\ntitle: \"Mod\"\nsummary: \"S.\"\n"
              "levels: [../second.yaml]\ncarry:\n  flags: [accorx]\n");
    CHECK_EQ_INT(warnings(level), 1);
    /* Another level listed instead. */
    write_tmp("other.yaml", "");
    write_tmp("campaigns/mod.yaml",
              "format: 1\nkind: campaign\nid: mod\ntitle: \"Mod\"\nsummary: \"S.\"\n"
              "levels: [../other.yaml]\ncarry:\n  flags: [accord]\n");
    CHECK_EQ_INT(warnings(level), 1);
    write_tmp("campaigns/mod.yaml", carrying);
    CHECK_EQ_INT(warnings(level), 0);
    /* Outside the data folders the campaign cannot name a level above it. */
    hv_file_set_data_folders(HV_LEVEL_DIR "/..", NULL);
    CHECK_EQ_INT(warnings(level), 1);
    hv_file_set_data_folders(HV_LEVEL_DIR "/..", tmp);
    CHECK_EQ_INT(warnings(level), 0);
    /* A campaign in the levels/campaigns folder of a data folder counts too. */
    snprintf(path, sizeof path, "%s/campaigns/mod.yaml", tmp);
    remove(path);
    CHECK_EQ_INT(warnings(level), 1);
    write_tmp("levels/campaigns/mod.yaml",
              "format: 1\nkind: campaign\nid: mod\ntitle: \"Mod\"\nsummary: \"S.\"\n"
              "levels: [../../second.yaml]\ncarry:\n  flags: [accord]\n");
    CHECK_EQ_INT(warnings(level), 0);
    hv_campaign_cache_clear();
    CHECK_EQ_INT(warnings(level), 0);
    hv_campaign_cache_clear();
    const char *names[] = {"levels/campaigns/mod.yaml",
                           "levels/campaigns",
                           "levels",
                           "campaigns",
                           "other.yaml",
                           "second.yaml",
                           ""};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", tmp, names[i]);
        remove(path);
    }
}

/* The warnings count apart from the errors: a level with warnings loads. */
static void test_warnings_are_not_errors(void)
{
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *level = hv_level_load(DIR_PATH "/goals.yaml", &diag);
    CHECK(level != NULL);
    CHECK_EQ_INT(diag.count, 0);
    if (level)
        CHECK_EQ_INT(hv_lint_level(level, NULL, &diag), 6);
    CHECK_EQ_INT(diag.count, 0);
    CHECK_EQ_INT(diag.warning_count, 6);
    for (size_t i = 0; i < diag.warning_count; i++)
        CHECK(diag.warnings[i].line > 0 && diag.warnings[i].col > 0);
    hv_level_free(level);
    hv_diag_free(&diag);
}

int main(void)
{
    check_fixtures();
    test_campaign_sets_flags();
    test_warnings_are_not_errors();
    check_clean(HV_LEVEL_DIR "/rules/base.yaml");
    check_clean(HV_LEVEL_DIR "/campaigns/season.yaml");
    test_campaign_changes();
    return hv_test_done("data_lint");
}
