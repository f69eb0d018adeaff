/* hv_file: files the game writes for the player (saves, settings) and the
 * folder they live in. Writes are atomic: a crash or a full disk never
 * leaves a half-written file where a good one was. */
#ifndef HV_FILE_H
#define HV_FILE_H

#include <stddef.h>
#include <stdio.h>

/* Writes LEN bytes of DATA to PATH through a temporary file in the same
 * folder (PATH.tmpXXXXXX), fsync and rename. With KEEP_BACKUP an existing
 * PATH first becomes PATH.bak too (a hard link), so a good PATH stays in
 * place until the new one replaces it; with no PATH, PATH.bak is left
 * alone. Temporary files of PATH older than a minute are removed first.
 * 0, or -1 with a sentence written to ERR.
 * For tests only: HV_TEST_SAVE_STOP=STEP in the environment kills the
 * process with SIGKILL at STEP: created (empty temporary file), half
 * (half written), synced (written and fsynced), backup (PATH.bak made,
 * PATH not yet replaced), renamed (PATH replaced, folder not synced). */
int hv_file_write_atomic(const char *path, const void *data, size_t len, int keep_backup, char *err,
                         size_t err_len);
/* Removes the temporary files an interrupted write of PATH left behind
 * (PATH.tmpXXXXXX, regular files) whose last change is at least MIN_AGE
 * seconds old (0: all of them). Returns how many were removed. */
int hv_file_clean_temps(const char *path, int min_age);
/* The same for every YAML file in the folder DIR (settings, campaign
 * progress, saves): what any write there left behind. */
int hv_file_clean_folder_temps(const char *dir, int min_age);
/* Writes a printf-formatted sentence into ERR (when given) and returns -1,
 * for the functions that report failures as text. */
int hv_file_error(char *err, size_t err_len, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Opens PATH for reading only when it is a regular file: a FIFO, a
 * device or a folder named as a file is refused at once, never waited
 * on. NULL with errno (see hv_file_strerror). */
FILE *hv_file_open_read(const char *path);
/* 1 when PATH (after symlinks) is a regular file, without opening it. */
int hv_file_is_regular(const char *path);
/* Why a function of this module failed, for ERR taken from errno: names
 * a file that is not a regular one or is too large, else strerror. */
const char *hv_file_strerror(int err);
/* Reads the whole of the regular file PATH into a NUL-terminated buffer
 * the caller frees; NULL when it cannot be read (errno tells why). */
char *hv_file_read_all(const char *path, size_t *len);
/* hv_file_read_all for at most MAX bytes: a larger file is refused (errno
 * EFBIG) after reading at most twice MAX. */
char *hv_file_read_capped(const char *path, size_t max, size_t *len);
/* Sets the game's data folders, the only places besides a file's own
 * folder that paths in files may lead to: SHIPPED, the shipped levels and
 * assets, and PLAYER, the player's data folder where mods live (either
 * may be NULL or ""). Until called: the data folder hv_paths_data finds
 * and the XDG data folder. Front ends call it once. */
void hv_file_set_data_folders(const char *shipped, const char *player);
/* Adds MODS, a mods folder outside the player's data folder (`--mods-dir`),
 * to the data folders; NULL or "" takes it away. */
void hv_file_set_mods_folder(const char *mods);
#define HV_DATA_FOLDERS 3
/* The data folders in use, at most HV_DATA_FOLDERS, into OUT; returns how many. */
int hv_file_data_folders(const char **out);
/* The data folders in use, each ended by a newline, into OUT (CAP bytes):
 * what tells apart files read under other folders. 0 when they do not fit
 * (OUT is then ""), else 1. */
int hv_file_data_folders_key(char *out, size_t cap);
/* Whether REAL (a real path) lies inside FOLDER (any path to a folder);
 * *REST (may be NULL) then points at the part after FOLDER's slash. */
int hv_file_inside(const char *folder, const char *real, const char **rest);
/* Resolves REL, a path written inside the file FROM, into OUT (CAP
 * bytes): relative to FROM's folder, and only when the file it names
 * (symlinks followed) lies in that folder, below it, or in one of the
 * game's data folders. NULL, or what is wrong with REL as a sentence; a
 * file elsewhere is never opened. */
const char *hv_file_resolve(char *out, size_t cap, const char *from, const char *rel);
/* Creates FOLDER and the folders above it that are missing (mkdir -p);
 * 0, or -1 with errno. */
int hv_file_make_dirs(const char *folder);
/* The folder for saves, campaign progress and mods (and settings with
 * --data-dir), created if missing: OVERRIDE when
 * given, else $XDG_DATA_HOME/happyvalley, else ~/.local/share/happyvalley.
 * 0, or -1 with a sentence written to ERR. */
int hv_file_data_dir(const char *override, char *buf, size_t len, char *err, size_t err_len);

#endif
