/* Finding the game's data and the settings file (hv_paths): the order of
 * the places looked at, a named folder that is not a data folder refused
 * rather than passed over, and settings moved from the data folder to the
 * config folder once. */
#define _GNU_SOURCE
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hv_file.h"
#include "hv_paths.h"
#include "hv_test.h"

static char dir[] = "/tmp/hv_paths_XXXXXX";

/* DIR/SUB as a data folder: SUB/levels/rules/base.yaml. */
static void make_data(const char *sub)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s/levels/rules", dir, sub);
    CHECK_EQ_INT(hv_file_make_dirs(path), 0);
    snprintf(path, sizeof path, "%s/%s/levels/rules/base.yaml", dir, sub);
    CHECK_EQ_INT(hv_file_write_atomic(path, "format: 1\n", 10, 0, NULL, 0), 0);
}

static const char *in_dir(const char *sub)
{
    static char paths[8][PATH_MAX];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, PATH_MAX, "%s/%s", dir, sub);
    return p;
}

static void test_search_order(void)
{
    make_data("named");
    make_data("env");
    make_data("prefix/share/happyvalley");
    make_data("xdg2/happyvalley");
    CHECK_EQ_INT(hv_file_make_dirs(in_dir("empty/levels")), 0);
    CHECK_EQ_INT(hv_file_make_dirs(in_dir("prefix/bin")), 0); /* where the executable is */
    CHECK(hv_paths_is_data(in_dir("named")));
    CHECK(!hv_paths_is_data(in_dir("empty")));

    char out[PATH_MAX * 2];
    const char *how = NULL;
    hv_paths_where w = {in_dir("named"), in_dir("env"), in_dir("prefix/bin/happyvalley"),
                        in_dir("xdg2")};
    CHECK_EQ_INT(hv_paths_search(&w, out, sizeof out, &how), 0);
    CHECK_STR(out, in_dir("named"));
    CHECK_STR(how, "--data-path");

    w.option = NULL;
    CHECK_EQ_INT(hv_paths_search(&w, out, sizeof out, &how), 0);
    CHECK_STR(out, in_dir("env"));
    CHECK_STR(how, "HAPPYVALLEY_DATA");

    /* A folder the player named is never passed over for another. */
    w.option = in_dir("empty");
    CHECK_EQ_INT(hv_paths_search(&w, out, sizeof out, &how), 2);
    CHECK(strstr(out, "--data-path") && strstr(out, "it has no levels/rules/base.yaml"));
    w.option = in_dir("missing");
    CHECK_EQ_INT(hv_paths_search(&w, out, sizeof out, &how), 2);
    CHECK(strstr(out, "it does not exist") != NULL);
    w.option = NULL;
    w.env = in_dir("empty");
    CHECK_EQ_INT(hv_paths_search(&w, out, sizeof out, &how), 2);
    CHECK(strstr(out, "HAPPYVALLEY_DATA") != NULL);

    /* Installed: share/happyvalley beside bin/, wherever the tree was moved. */
    w.env = "";
    CHECK_EQ_INT(hv_paths_search(&w, out, sizeof out, &how), 0);
    CHECK_STR(out, in_dir("prefix/share/happyvalley"));
    CHECK_STR(how, "next to the executable");

    /* Nothing beside the executable: $XDG_DATA_DIRS, relative entries ignored. */
    w.exe = in_dir("elsewhere/bin/happyvalley");
    char dirs[PATH_MAX * 3];
    snprintf(dirs, sizeof dirs, "%s:relative:%s", in_dir("xdg1"), in_dir("xdg2"));
    w.xdg_dirs = dirs;
    int rc = hv_paths_search(&w, out, sizeof out, &how);
    if (rc == 0 && strcmp(how, "the install prefix") == 0) {
        printf("skip: the game is installed at its prefix here: %s\n", out);
    } else {
        CHECK_EQ_INT(rc, 0);
        CHECK_STR(out, in_dir("xdg2/happyvalley"));
        CHECK_STR(how, "XDG_DATA_DIRS");
        /* Found nowhere: the sentence names where the game looked. */
        snprintf(dirs, sizeof dirs, "%s", in_dir("xdg1"));
        CHECK_EQ_INT(hv_paths_search(&w, out, sizeof out, &how), 1);
        CHECK(strstr(out, in_dir("elsewhere/bin/../share/happyvalley")) != NULL);
        CHECK(strstr(out, in_dir("xdg1/happyvalley")) != NULL);
        CHECK(strstr(out, "--data-path DIR or HAPPYVALLEY_DATA") != NULL);
    }

    /* An executable inside its build tree reads the source tree, found
     * by its levels/ here as the tests know it. */
    char exe[PATH_MAX], want[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    CHECK(n > 0);
    exe[n > 0 ? n : 0] = '\0';
    CHECK(realpath(HV_LEVEL_DIR "/..", want) != NULL);
    hv_paths_where build = {NULL, NULL, exe, in_dir("xdg2")};
    CHECK_EQ_INT(hv_paths_search(&build, out, sizeof out, &how), 0);
    CHECK_STR(out, want);
    CHECK_STR(how, "the source tree of this build");
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void test_settings_file(void)
{
    char path[PATH_MAX], note[PATH_MAX * 2], err[PATH_MAX];
    const char *data = in_dir("home/.local/share/happyvalley");
    CHECK_EQ_INT(hv_file_make_dirs(data), 0);
    setenv("HOME", in_dir("home"), 1);
    unsetenv("XDG_CONFIG_HOME");

    /* --data-dir keeps everything in the folder chosen. */
    CHECK_EQ_INT(
        hv_paths_settings_file(data, 1, path, sizeof path, note, sizeof note, err, sizeof err), 0);
    CHECK_STR(path, in_dir("home/.local/share/happyvalley/settings.yaml"));

    /* The file earlier versions left beside the saves moves, once. */
    char old[PATH_MAX];
    snprintf(old, sizeof old, "%s/settings.yaml", data);
    CHECK_EQ_INT(hv_file_write_atomic(old, "format: 1\nkind: settings\n", 25, 0, NULL, 0), 0);
    CHECK_EQ_INT(
        hv_paths_settings_file(data, 0, path, sizeof path, note, sizeof note, err, sizeof err), 0);
    CHECK_STR(path, in_dir("home/.config/happyvalley/settings.yaml"));
    CHECK(!exists(old));
    CHECK(strstr(note, "moved the settings") != NULL);
    size_t len = 0;
    char *text = hv_file_read_all(path, &len);
    CHECK(text && len == 25 && strncmp(text, "format: 1\nkind: settings\n", 25) == 0);
    free(text);

    /* A file in both places: the config folder's wins, the other stays. */
    CHECK_EQ_INT(hv_file_write_atomic(old, "format: 1\n", 10, 0, NULL, 0), 0);
    CHECK_EQ_INT(
        hv_paths_settings_file(data, 0, path, sizeof path, note, sizeof note, err, sizeof err), 0);
    CHECK_STR(note, "");
    CHECK(exists(old));
    text = hv_file_read_all(path, &len);
    CHECK(text && len == 25);
    free(text);

    /* $XDG_CONFIG_HOME when it is an absolute path; a relative one is ignored. */
    setenv("XDG_CONFIG_HOME", in_dir("config"), 1);
    CHECK_EQ_INT(hv_paths_settings_file(NULL, 0, path, sizeof path, NULL, 0, err, sizeof err), 0);
    CHECK_STR(path, in_dir("config/happyvalley/settings.yaml"));
    CHECK(exists(in_dir("config/happyvalley")));
    setenv("XDG_CONFIG_HOME", "config", 1);
    CHECK_EQ_INT(hv_paths_settings_file(NULL, 0, path, sizeof path, NULL, 0, err, sizeof err), 0);
    CHECK_STR(path, in_dir("home/.config/happyvalley/settings.yaml"));
}

static void test_cache_dir(void)
{
    char path[PATH_MAX], err[200];
    setenv("HOME", in_dir("home"), 1);
    unsetenv("XDG_CACHE_HOME");
    CHECK_EQ_INT(hv_paths_cache_dir(path, sizeof path, err, sizeof err), 0);
    CHECK_STR(path, in_dir("home/.cache/happyvalley"));
    setenv("XDG_CACHE_HOME", in_dir("cache"), 1);
    CHECK_EQ_INT(hv_paths_cache_dir(path, sizeof path, err, sizeof err), 0);
    CHECK_STR(path, in_dir("cache/happyvalley"));
    /* A relative XDG_CACHE_HOME is ignored, as XDG says. */
    setenv("XDG_CACHE_HOME", "cache", 1);
    CHECK_EQ_INT(hv_paths_cache_dir(path, sizeof path, err, sizeof err), 0);
    CHECK_STR(path, in_dir("home/.cache/happyvalley"));
    unsetenv("HOME");
    CHECK_EQ_INT(hv_paths_cache_dir(path, sizeof path, err, sizeof err), -1);
    CHECK(strstr(err, "XDG_CACHE_HOME") != NULL);
    /* No room for the path: refused, not cut short. */
    setenv("XDG_CACHE_HOME", in_dir("cache"), 1);
    CHECK_EQ_INT(hv_paths_cache_dir(path, 8, err, sizeof err), -1);
    setenv("HOME", in_dir("home"), 1);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_search_order();
    test_settings_file();
    test_cache_dir();
    char cmd[PATH_MAX];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
    return hv_test_done("data_paths");
}
