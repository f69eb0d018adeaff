#define _POSIX_C_SOURCE 200809L
#include "hv_file.h"

#include <errno.h>
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

char *hv_file_read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
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
    if (!buf || bad) {
        free(buf);
        errno = bad ? EIO : ENOMEM;
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
