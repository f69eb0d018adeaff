/* hv_file: files the game writes for the player (saves, settings) and the
 * folder they live in. Writes are atomic: a crash or a full disk never
 * leaves a half-written file where a good one was. */
#ifndef HV_FILE_H
#define HV_FILE_H

#include <stddef.h>
#include <stdio.h>

/* Writes LEN bytes of DATA to PATH through a temporary file in the same
 * folder, fsync and rename. With KEEP_BACKUP an existing PATH is first
 * renamed to PATH.bak. 0, or -1 with a sentence written to ERR. */
int hv_file_write_atomic(const char *path, const void *data, size_t len, int keep_backup, char *err,
                         size_t err_len);
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
/* Resolves REL, a path written inside the file FROM, into OUT (CAP
 * bytes): relative to FROM's folder, and only when the file it names
 * (symlinks followed) lies in that folder, below it, or in one of the
 * game's data folders (hv_file_data_roots). NULL, or what is wrong with
 * REL as a sentence; a file elsewhere is never opened. */
const char *hv_file_resolve(char *out, size_t cap, const char *from, const char *rel);
/* The game's data folders files may name one another in: the shipped
 * data (HV_DATA_ROOT, else the folder the game was built from) and the
 * player's data folder. Writes up to MAX paths into ROOTS (each
 * HV_FILE_ROOT_LEN bytes); returns how many. */
#define HV_FILE_ROOT_LEN 4096
int hv_file_data_roots(char roots[][HV_FILE_ROOT_LEN], int max);
/* The folder for saves and settings, created if missing: OVERRIDE when
 * given, else $XDG_DATA_HOME/happyvalley, else ~/.local/share/happyvalley.
 * 0, or -1 with a sentence written to ERR. */
int hv_file_data_dir(const char *override, char *buf, size_t len, char *err, size_t err_len);

#endif
