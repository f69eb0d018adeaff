/* hv_paths: where the game's own data (levels, rules, art, sounds) is found,
 * and where the player's settings live. Every front end finds the data
 * the same way, taking the first folder that holds levels/rules/base.yaml:
 *   1. the folder given with --data-path DIR (hv_paths_set_data);
 *   2. $HAPPYVALLEY_DATA;
 *   3. next to the executable: BINDIR/../share/happyvalley as installed;
 *   4. in a build tree (an executable inside the folder it was built in),
 *      the source tree it was built from;
 *   5. the install prefix compiled in (PREFIX/share/happyvalley);
 *   6. each folder of $XDG_DATA_DIRS (default /usr/local/share:/usr/share)
 *      followed by /happyvalley.
 * A folder named by 1 or 2 that is not a data folder is an error, never
 * passed over for another. */
#ifndef HV_PATHS_H
#define HV_PATHS_H

#include <stddef.h>

/* What the search looks at, each NULL when absent (hv_paths_search). */
typedef struct hv_paths_where {
    const char *option;   /* --data-path DIR */
    const char *env;      /* $HAPPYVALLEY_DATA */
    const char *exe;      /* the running executable's path */
    const char *xdg_dirs; /* $XDG_DATA_DIRS */
} hv_paths_where;

/* 1 when DIR holds the game's data (DIR/levels/rules/base.yaml is a file). */
int hv_paths_is_data(const char *dir);
/* Finds the data folder from W in the order above: 0 with its real path in
 * OUT and *HOW (may be NULL) saying which rule found it; else a sentence in
 * OUT saying why not, and 2 when a named folder (1, 2) is not a data
 * folder or 1 when none was found. */
int hv_paths_search(const hv_paths_where *w, char *out, size_t len, const char **how);
/* Sets the folder given on the command line (--data-path); NULL for none.
 * Call before the first hv_paths_data. */
void hv_paths_set_data(const char *dir);
/* The game's data folder, searched for once in this process's own
 * environment and executable; NULL when there is none. */
const char *hv_paths_data(void);
/* Which rule found hv_paths_data's folder, or the sentence saying why
 * there is none. */
const char *hv_paths_data_how(void);
/* The exit code for a missing data folder: 2 when the folder named by
 * --data-path or HAPPYVALLEY_DATA is not one, else 1. */
int hv_paths_data_failure(void);
/* The settings file: DATA_DIR/settings.yaml when the player chose DATA_DIR
 * (--data-dir, CHOSEN set), else $XDG_CONFIG_HOME/happyvalley/settings.yaml
 * (~/.config/happyvalley). A settings file left in DATA_DIR by earlier
 * versions is moved there when there is none yet; NOTE (may be NULL) then
 * says so. 0 with the path in BUF, or -1 with a sentence in ERR. */
int hv_paths_settings_file(const char *data_dir, int chosen, char *buf, size_t len, char *note,
                           size_t note_len, char *err, size_t err_len);
/* The folder for files the game can always make again (art rasterised at
 * the window's size): $XDG_CACHE_HOME/happyvalley when that is an absolute
 * path, else ~/.cache/happyvalley. Not created here. 0 with the path in
 * BUF, or -1 with a sentence in ERR. */
int hv_paths_cache_dir(char *buf, size_t len, char *err, size_t err_len);

#endif
