/* Finding the game's data folder and the player's settings file
 * (hv_paths.h). */
#define _GNU_SOURCE /* getauxval, readlink */
#include "hv_paths.h"

#include "hv_file.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

/* Set by the build: the data folder as installed, relative to the
 * executable's folder and as an absolute path, and the build and source
 * trees, for an executable run where it was built. */
#ifndef HV_DATA_FROM_BIN
#define HV_DATA_FROM_BIN "../share/happyvalley"
#endif
#ifndef HV_INSTALL_DATA_DIR
#define HV_INSTALL_DATA_DIR "/usr/local/share/happyvalley"
#endif
#ifndef HV_BUILD_DIR
#define HV_BUILD_DIR ""
#endif
#ifndef HV_SOURCE_DIR
#define HV_SOURCE_DIR ""
#endif

#define MARK "levels/rules/base.yaml"

int hv_paths_is_data(const char *dir)
{
    char path[PATH_MAX];
    if (!dir || !*dir || snprintf(path, sizeof path, "%s/" MARK, dir) >= (int)sizeof path)
        return 0;
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The places looked at so far, for the sentence when none holds the data. */
typedef struct tried {
    char text[2048];
    size_t used;
} tried;

/* Whether DIR is the data folder: its real path into OUT when it is. */
static int take(const char *dir, tried *t, char *out, size_t len)
{
    size_t n = strlen(dir);
    const char *seen = t ? strstr(t->text, dir) : NULL;
    int listed = seen && (seen == t->text || seen[-1] == ' ') && (seen[n] == ',' || !seen[n]);
    if (t && !listed && t->used < sizeof t->text)
        t->used += (size_t)snprintf(t->text + t->used, sizeof t->text - t->used, "%s%s",
                                    t->used ? ", " : "", dir);
    char real[PATH_MAX];
    if (!hv_paths_is_data(dir) || !realpath(dir, real))
        return 0;
    snprintf(out, len, "%s", real);
    return 1;
}

/* A folder the player named that is not a data folder: never replaced by
 * another, which would play other levels than the ones asked for. */
static int refuse(const char *what, const char *dir, char *out, size_t len)
{
    struct stat st;
    snprintf(out, len, "%s '%.1024s' is not the game's data folder: %s", what, dir,
             stat(dir, &st) != 0    ? "it does not exist"
             : !S_ISDIR(st.st_mode) ? "it is not a folder"
                                    : "it has no " MARK);
    return 2;
}

int hv_paths_search(const hv_paths_where *w, char *out, size_t len, const char **how)
{
    const char *unused;
    how = how ? how : &unused;
    *how = NULL;
    if (w->option && *w->option) {
        *how = "--data-path";
        return take(w->option, NULL, out, len) ? 0 : refuse("--data-path", w->option, out, len);
    }
    if (w->env && *w->env) {
        *how = "HAPPYVALLEY_DATA";
        return take(w->env, NULL, out, len) ? 0 : refuse("HAPPYVALLEY_DATA", w->env, out, len);
    }
    tried t = {.used = 0};
    char dir[PATH_MAX];
    const char *slash = w->exe ? strrchr(w->exe, '/') : NULL;
    if (slash &&
        snprintf(dir, sizeof dir, "%.*s/%s", (int)(slash - w->exe), w->exe, HV_DATA_FROM_BIN) <
            (int)sizeof dir &&
        take(dir, &t, out, len)) {
        *how = "next to the executable";
        return 0;
    }
    /* Only an executable inside the build tree may use the source tree:
     * an installed copy never reads the folder it was built from. */
    char exe[PATH_MAX];
    if (HV_BUILD_DIR[0] && w->exe && realpath(w->exe, exe) &&
        hv_file_inside(HV_BUILD_DIR, exe, NULL) && take(HV_SOURCE_DIR, &t, out, len)) {
        *how = "the source tree of this build";
        return 0;
    }
    if (take(HV_INSTALL_DATA_DIR, &t, out, len)) {
        *how = "the install prefix";
        return 0;
    }
    const char *dirs = w->xdg_dirs && *w->xdg_dirs ? w->xdg_dirs : "/usr/local/share:/usr/share";
    for (const char *p = dirs; *p;) {
        size_t n = strcspn(p, ":");
        /* XDG: relative entries are invalid and ignored. */
        if (p[0] == '/' &&
            snprintf(dir, sizeof dir, "%.*s/happyvalley", (int)n, p) < (int)sizeof dir &&
            take(dir, &t, out, len)) {
            *how = "XDG_DATA_DIRS";
            return 0;
        }
        p += n + (p[n] == ':');
    }
    snprintf(out, len,
             "the game's data (" MARK ") was not found in %s; name its folder with "
             "--data-path DIR or HAPPYVALLEY_DATA",
             t.text);
    return 1;
}

/* The running executable: /proc/self/exe, or where the kernel says it was
 * started from when /proc is not mounted. */
static int own_executable(char *out, size_t len)
{
    ssize_t n = readlink("/proc/self/exe", out, len - 1);
    if (n > 0) {
        out[n] = '\0';
        return 0;
    }
    const char *started = (const char *)getauxval(AT_EXECFN);
    char real[PATH_MAX];
    if (!started || !realpath(started, real))
        return -1;
    snprintf(out, len, "%s", real);
    return 0;
}

/* Found once per process; the simulation never reads these. */
static char option_dir[PATH_MAX];
static char found_dir[PATH_MAX];
static const char *found_how;
static int searched, search_rc;

void hv_paths_set_data(const char *dir)
{
    snprintf(option_dir, sizeof option_dir, "%s", dir ? dir : "");
    searched = 0;
}

const char *hv_paths_data(void)
{
    if (!searched) {
        char exe[PATH_MAX];
        hv_paths_where w = {option_dir, getenv("HAPPYVALLEY_DATA"),
                            own_executable(exe, sizeof exe) == 0 ? exe : NULL,
                            getenv("XDG_DATA_DIRS")};
        search_rc = hv_paths_search(&w, found_dir, sizeof found_dir, &found_how);
        searched = 1;
    }
    return search_rc == 0 ? found_dir : NULL;
}

const char *hv_paths_data_how(void)
{
    return hv_paths_data() ? found_how : found_dir;
}

int hv_paths_data_failure(void)
{
    return hv_paths_data() ? 0 : search_rc;
}

/* Moves the file FROM to TO, copying when they are on different disks. */
static int move_file(const char *from, const char *to, char *err, size_t err_len)
{
    if (rename(from, to) == 0)
        return 0;
    if (errno != EXDEV)
        return hv_file_error(err, err_len, "cannot move %s to %s: %s", from, to, strerror(errno));
    size_t n = 0;
    char *text = hv_file_read_capped(from, 1024 * 1024, &n);
    if (!text)
        return hv_file_error(err, err_len, "cannot read %s: %s", from, hv_file_strerror(errno));
    int rc = hv_file_write_atomic(to, text, n, 0, err, err_len);
    free(text);
    if (rc == 0 && unlink(from) != 0)
        return hv_file_error(err, err_len, "cannot remove %s: %s", from, strerror(errno));
    return rc;
}

int hv_paths_settings_file(const char *data_dir, int chosen, char *buf, size_t len, char *note,
                           size_t note_len, char *err, size_t err_len)
{
    if (note && note_len)
        note[0] = '\0';
    if (chosen) {
        if (snprintf(buf, len, "%s/settings.yaml", data_dir) >= (int)len)
            return hv_file_error(err, err_len, "the data folder's path is too long");
        return 0;
    }
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char dir[PATH_MAX];
    int n;
    /* XDG: a relative XDG_CONFIG_HOME is invalid and ignored. */
    if (xdg && xdg[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/happyvalley", xdg);
    else if (home && *home)
        n = snprintf(dir, sizeof dir, "%s/.config/happyvalley", home);
    else
        return hv_file_error(err, err_len, "neither XDG_CONFIG_HOME nor HOME is set");
    if (n >= (int)sizeof dir || snprintf(buf, len, "%s/settings.yaml", dir) >= (int)len)
        return hv_file_error(err, err_len, "the config folder's path is too long");
    if (hv_file_make_dirs(dir) != 0)
        return hv_file_error(err, err_len, "cannot create the config folder %s: %s", dir,
                             strerror(errno));
    char old[PATH_MAX];
    struct stat st;
    if (!data_dir || !*data_dir || stat(buf, &st) == 0 ||
        snprintf(old, sizeof old, "%s/settings.yaml", data_dir) >= (int)sizeof old ||
        stat(old, &st) != 0)
        return 0;
    /* Earlier versions kept the settings beside the saves. */
    if (move_file(old, buf, err, err_len) != 0)
        return -1;
    if (note && note_len)
        snprintf(note, note_len, "moved the settings from %s to %s", old, buf);
    return 0;
}

int hv_paths_cache_dir(char *buf, size_t len, char *err, size_t err_len)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    int n;
    /* XDG: a relative XDG_CACHE_HOME is invalid and ignored. */
    if (xdg && xdg[0] == '/')
        n = snprintf(buf, len, "%s/happyvalley", xdg);
    else if (home && *home)
        n = snprintf(buf, len, "%s/.cache/happyvalley", home);
    else
        return hv_file_error(err, err_len, "neither XDG_CACHE_HOME nor HOME is set");
    if (n < 0 || (size_t)n >= len)
        return hv_file_error(err, err_len, "the cache folder's path is too long");
    return 0;
}
