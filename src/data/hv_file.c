#define _XOPEN_SOURCE 700
#include "hv_file.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int hv_file_error(char *err, size_t err_len, const char *fmt, ...)
{
    if (err && err_len) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, err_len, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static int fail(char *err, size_t err_len, const char *what, const char *path)
{
    return hv_file_error(err, err_len, "%s %s: %s", what, path, strerror(errno));
}

static int write_fully(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Makes the rename durable: the folder entry must reach the disk too. */
static void sync_folder(const char *path)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

int hv_file_write_atomic(const char *path, const void *data, size_t len, int keep_backup, char *err,
                         size_t err_len)
{
    char tmp[4096 + 16];
    if (snprintf(tmp, sizeof tmp, "%s.tmpXXXXXX", path) >= (int)sizeof tmp) {
        errno = ENAMETOOLONG;
        return fail(err, err_len, "cannot write", path);
    }
    int fd = mkstemp(tmp);
    if (fd < 0)
        return fail(err, err_len, "cannot create a file next to", path);
    if (write_fully(fd, data, len) != 0 || fsync(fd) != 0) {
        int saved = errno;
        close(fd);
        unlink(tmp);
        errno = saved;
        return fail(err, err_len, "cannot write", path);
    }
    if (close(fd) != 0) {
        int saved = errno;
        unlink(tmp);
        errno = saved;
        return fail(err, err_len, "cannot write", path);
    }
    chmod(tmp, 0644);
    if (keep_backup) {
        char bak[4096 + 8];
        snprintf(bak, sizeof bak, "%s.bak", path);
        if (rename(path, bak) != 0 && errno != ENOENT) {
            int saved = errno;
            unlink(tmp);
            errno = saved;
            return fail(err, err_len, "cannot keep the previous", path);
        }
    }
    if (rename(tmp, path) != 0) {
        int saved = errno;
        unlink(tmp);
        errno = saved;
        return fail(err, err_len, "cannot replace", path);
    }
    sync_folder(path);
    return 0;
}

FILE *hv_file_open_read(const char *path)
{
    /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
     * writer for ever; it is dropped again once the file is known regular. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    int saved = 0;
    if (fstat(fd, &st) != 0)
        saved = errno;
    else if (!S_ISREG(st.st_mode))
        saved = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
    if (saved) {
        close(fd);
        errno = saved;
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        saved = errno;
        close(fd);
        errno = saved;
    }
    return f;
}

int hv_file_is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

const char *hv_file_strerror(int err)
{
    switch (err) {
    case EINVAL:
        return "not a regular file (a pipe, a device or a socket)";
    case EISDIR:
        return "a folder, not a file";
    case EFBIG:
        return "the file is too large";
    default:
        return strerror(err);
    }
}

char *hv_file_read_all(const char *path, size_t *len)
{
    return hv_file_read_capped(path, SIZE_MAX - 1, len);
}

char *hv_file_read_capped(const char *path, size_t max, size_t *len)
{
    FILE *f = hv_file_open_read(path);
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int too_big = 0;
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n > max) {
            too_big = 1;
            break;
        }
        if (n + 1 < cap)
            break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad || too_big) {
        free(buf);
        errno = too_big ? EFBIG : bad ? EIO : ENOMEM;
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* mkdir -p */
static int make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(path, 0755);
        *p = '/';
        if (rc != 0 && errno != EEXIST)
            return -1;
    }
    if (mkdir(path, 0755) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

int hv_file_data_dir(const char *override, char *buf, size_t len, char *err, size_t err_len)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    if (override && *override)
        n = snprintf(buf, len, "%s", override);
    else if (xdg && xdg[0] == '/')
        n = snprintf(buf, len, "%s/happyvalley", xdg);
    else if (home && *home)
        n = snprintf(buf, len, "%s/.local/share/happyvalley", home);
    else {
        if (err && err_len)
            snprintf(err, err_len, "neither XDG_DATA_HOME nor HOME is set; use --data-dir");
        return -1;
    }
    if (n < 0 || (size_t)n >= len) {
        errno = ENAMETOOLONG;
        return fail(err, err_len, "cannot use the data folder", buf);
    }
    if (make_dirs(buf) != 0)
        return fail(err, err_len, "cannot create the data folder", buf);
    return 0;
}

#ifndef HV_SHIPPED_DIR
#define HV_SHIPPED_DIR "."
#endif

int hv_file_data_roots(char roots[][HV_FILE_ROOT_LEN], int max)
{
    const char *env = getenv("HV_DATA_ROOT");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n = 0;
    if (n < max && env && *env)
        snprintf(roots[n++], HV_FILE_ROOT_LEN, "%s", env);
    if (n < max)
        snprintf(roots[n++], HV_FILE_ROOT_LEN, "%s", HV_SHIPPED_DIR);
    if (n < max && xdg && xdg[0] == '/')
        snprintf(roots[n++], HV_FILE_ROOT_LEN, "%s/happyvalley", xdg);
    else if (n < max && home && *home)
        snprintf(roots[n++], HV_FILE_ROOT_LEN, "%s/.local/share/happyvalley", home);
    return n;
}

/* Whether the real path PATH is FOLDER (a real path too) or below it. */
static int inside(const char *path, const char *folder)
{
    size_t n = strlen(folder);
    if (n == 1 && folder[0] == '/')
        return 1;
    return strncmp(path, folder, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

const char *hv_file_resolve(char *out, size_t cap, const char *from, const char *rel)
{
    if (rel[0] == '/')
        return "is an absolute path; name it relative to this file's folder";
    const char *slash = strrchr(from, '/');
    size_t dir = slash ? (size_t)(slash - from) + 1 : 0;
    size_t n = strlen(rel);
    if (dir + n >= cap || dir + n >= PATH_MAX)
        return "is too long a path";
    memcpy(out, from, dir);
    memcpy(out + dir, rel, n + 1);
    char real[PATH_MAX], folder[PATH_MAX];
    if (!realpath(out, real))
        return errno == ENOENT || errno == ENOTDIR
                   ? "does not exist (paths are relative to this file's folder)"
                   : errno == EACCES ? "cannot be read: permission denied" : "cannot be reached";
    char base[PATH_MAX];
    snprintf(base, sizeof base, "%.*s", dir ? (int)dir : 1, dir ? from : ".");
    if (realpath(base, folder) && inside(real, folder))
        return NULL;
    char roots[4][HV_FILE_ROOT_LEN];
    int count = hv_file_data_roots(roots, 4);
    for (int i = 0; i < count; i++)
        if (realpath(roots[i], folder) && inside(real, folder))
            return NULL;
    return "lies outside this file's folder and the game's data folders";
}
