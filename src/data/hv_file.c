/* hv_file: atomic writes that always leave one good copy, stale
 * temporary files, reading whole files and the player's data folder. */
#define _POSIX_C_SOURCE 200809L
#include "hv_file.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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

/* Test-only: HV_TEST_SAVE_STOP=STEP kills the process at that step of a
 * write (hv_file.h), so the crash-safety tests can stop a save anywhere. */
static void test_stop(const char *step)
{
    const char *want = getenv("HV_TEST_SAVE_STOP");
    if (want && strcmp(want, step) == 0)
        raise(SIGKILL);
}

/* The writes of one process may interleave with the kills of a test; a
 * temporary file older than this belongs to no live write. */
#define STALE_SECONDS 60

int hv_file_clean_temps(const char *path, int min_age)
{
    char dir[4096];
    if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
        return 0;
    char *slash = strrchr(dir, '/');
    const char *base = slash ? slash + 1 : path;
    if (slash == dir)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    size_t blen = strlen(base);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int removed = 0;
    time_t now = time(NULL);
    for (struct dirent *e; (e = readdir(d));) {
        /* Exactly what mkstemp makes of BASE.tmpXXXXXX, and nothing else. */
        if (strlen(e->d_name) != blen + 10 || strncmp(e->d_name, base, blen) != 0 ||
            strncmp(e->d_name + blen, ".tmp", 4) != 0)
            continue;
        char full[8300];
        snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(full, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (min_age > 0 && now - st.st_mtime < min_age)
            continue; /* perhaps another game's write in progress */
        removed += unlink(full) == 0;
    }
    closedir(d);
    return removed;
}

/* Makes BAK a second name of PATH (a hard link), so that PATH, the good
 * file, stays in place the whole time; 0, 1 when the file system has no
 * hard links (the caller then renames), or -1 with errno set. */
static int link_backup(const char *path, const char *bak)
{
    char name[4096 + 16];
    snprintf(name, sizeof name, "%s.tmpXXXXXX", path);
    int fd = mkstemp(name);
    if (fd < 0)
        return -1;
    close(fd);
    unlink(name);
    if (link(path, name) != 0) {
        int e = errno;
        return e == EPERM || e == EXDEV || e == EMLINK || e == ENOTSUP || e == ENOSYS ? 1 : -1;
    }
    if (rename(name, bak) != 0) {
        int saved = errno;
        unlink(name);
        errno = saved;
        return -1;
    }
    return 0;
}

int hv_file_write_atomic(const char *path, const void *data, size_t len, int keep_backup, char *err,
                         size_t err_len)
{
    char tmp[4096 + 16];
    if (snprintf(tmp, sizeof tmp, "%s.tmpXXXXXX", path) >= (int)sizeof tmp) {
        errno = ENAMETOOLONG;
        return fail(err, err_len, "cannot write", path);
    }
    hv_file_clean_temps(path, STALE_SECONDS);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return fail(err, err_len, "cannot create a file next to", path);
    test_stop("created");
    size_t half = len / 2;
    int bad = write_fully(fd, data, half) != 0;
    if (!bad) {
        test_stop("half");
        bad = write_fully(fd, (const char *)data + half, len - half) != 0 || fsync(fd) != 0;
    }
    if (bad) {
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
    test_stop("synced");
    struct stat st;
    /* Without a file at PATH there is nothing to keep, and a backup there
     * may be the only good copy left: it is not touched. */
    if (keep_backup && lstat(path, &st) == 0) {
        char bak[4096 + 8];
        snprintf(bak, sizeof bak, "%s.bak", path);
        int linked = link_backup(path, bak);
        if (linked == 1 && rename(path, bak) == 0)
            linked = 0; /* no hard links here: the reader falls back on the .bak */
        if (linked != 0) {
            int saved = errno;
            unlink(tmp);
            errno = saved;
            return fail(err, err_len, "cannot keep the previous", path);
        }
        test_stop("backup");
    }
    if (rename(tmp, path) != 0) {
        int saved = errno;
        unlink(tmp);
        errno = saved;
        return fail(err, err_len, "cannot replace", path);
    }
    test_stop("renamed");
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
