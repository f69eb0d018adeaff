/* hv_file: files the game writes for the player (saves, settings) and the
 * folder they live in. Writes are atomic: a crash or a full disk never
 * leaves a half-written file where a good one was. */
#ifndef HV_FILE_H
#define HV_FILE_H

#include <stddef.h>

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
/* Writes a printf-formatted sentence into ERR (when given) and returns -1,
 * for the functions that report failures as text. */
int hv_file_error(char *err, size_t err_len, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Reads the whole of PATH into a NUL-terminated buffer the caller frees;
 * NULL when it cannot be read (errno tells why). */
char *hv_file_read_all(const char *path, size_t *len);
/* The folder for saves and settings, created if missing: OVERRIDE when
 * given, else $XDG_DATA_HOME/happyvalley, else ~/.local/share/happyvalley.
 * 0, or -1 with a sentence written to ERR. */
int hv_file_data_dir(const char *override, char *buf, size_t len, char *err, size_t err_len);

#endif
