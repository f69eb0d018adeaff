/* hv_file: atomic writes that always leave one good copy, stale
 * temporary files, reading whole files and the player's data folder. */
#define _XOPEN_SOURCE 700
#include "hv_file.h"
#include "hv_paths.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
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

/* Whether NAME is what mkstemp makes of BASE.tmpXXXXXX; with BASE NULL,
 * of any YAML file's name. */
static int temp_name(const char *name, const char *base)
{
    size_t n = strlen(name);
    if (n < 10 || strncmp(name + n - 10, ".tmp", 4) != 0)
        return 0;
    if (base)
        return n == strlen(base) + 10 && strncmp(name, base, n - 10) == 0;
    return n > 15 && strncmp(name + n - 15, ".yaml", 5) == 0;
}

/* Removes the temporary files in DIR named for BASE (NULL: any YAML file). */
static int clean_temps(const char *dir, const char *base, int min_age)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int removed = 0;
    time_t now = time(NULL);
    for (struct dirent *e; (e = readdir(d));) {
        if (!temp_name(e->d_name, base))
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

int hv_file_clean_temps(const char *path, int min_age)
{
    char dir[4096];
    if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
        return 0;
    char *slash = strrchr(dir, '/');
    const char *base = slash ? path + (slash - dir) + 1 : path;
    if (slash == dir)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    return clean_temps(dir, base, min_age);
}

int hv_file_clean_folder_temps(const char *dir, int min_age)
{
    return clean_temps(dir, NULL, min_age);
}

/* Makes BAK a second name of PATH (a hard link), so that PATH, the good
 * file, stays in place the whole time; 0, 1 when the file system has no
 * hard links (the caller then renames), or -1 with errno set. */
static int link_backup(const char *path, const char *bak)
{
    /* A write killed after its backup leaves BAK and PATH one file; rename
     * between two names of one file does nothing and would leave the
     * temporary name behind, and the backup is already what it must be. */
    struct stat ps, bs;
    if (lstat(path, &ps) == 0 && lstat(bak, &bs) == 0 && ps.st_dev == bs.st_dev &&
        ps.st_ino == bs.st_ino)
        return 0;
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
    /* Room for the whole file at once when its size is known, and then
     * the first read finds its end; one that grows meanwhile still reads. */
    struct stat st;
    size_t cap = 4096, n = 0;
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0 && (uint64_t)st.st_size <= max)
        cap = (size_t)st.st_size + 2;
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

int hv_file_make_dirs(const char *folder)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s", folder) >= (int)sizeof path) {
        errno = ENAMETOOLONG;
        return -1;
    }
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
    if (hv_file_make_dirs(buf) != 0)
        return fail(err, err_len, "cannot create the data folder", buf);
    return 0;
}

/* Set once at start-up by a front end; the simulation never reads them. */
static char shipped_dir[PATH_MAX], player_dir[PATH_MAX], mods_dir[PATH_MAX];
static int folders_set;

void hv_file_set_mods_folder(const char *mods)
{
    snprintf(mods_dir, sizeof mods_dir, "%s", mods ? mods : "");
}

void hv_file_set_data_folders(const char *shipped, const char *player)
{
    snprintf(shipped_dir, sizeof shipped_dir, "%s", shipped ? shipped : "");
    snprintf(player_dir, sizeof player_dir, "%s", player ? player : "");
    folders_set = 1;
}

int hv_file_data_folders(const char **out)
{
    if (!folders_set) {
        const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
        char player[PATH_MAX] = "";
        if (xdg && xdg[0] == '/')
            snprintf(player, sizeof player, "%.*s/happyvalley", PATH_MAX - 16, xdg);
        else if (home && *home)
            snprintf(player, sizeof player, "%.*s/.local/share/happyvalley", PATH_MAX - 32, home);
        hv_file_set_data_folders(hv_paths_data(), player);
    }
    int n = 0;
    if (shipped_dir[0])
        out[n++] = shipped_dir;
    if (player_dir[0] && strcmp(player_dir, shipped_dir) != 0)
        out[n++] = player_dir;
    /* A mods folder inside the player's folder is already covered. */
    if (mods_dir[0] && !(n > 0 && strncmp(mods_dir, out[n - 1], strlen(out[n - 1])) == 0 &&
                         mods_dir[strlen(out[n - 1])] == '/'))
        out[n++] = mods_dir;
    return n;
}

int hv_file_data_folders_key(char *out, size_t cap)
{
    const char *folders[HV_DATA_FOLDERS];
    int n = hv_file_data_folders(folders);
    size_t at = 0;
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        size_t len = strlen(folders[i]);
        if (at + len + 2 > cap) {
            out[0] = '\0';
            return 0;
        }
        memcpy(out + at, folders[i], len);
        at += len;
        out[at++] = '\n';
        out[at] = '\0';
    }
    return 1;
}

int hv_file_inside(const char *folder, const char *real, const char **rest)
{
    char rf[PATH_MAX];
    if (!realpath(folder, rf))
        return 0;
    size_t n = strlen(rf);
    if (n == 1 && rf[0] == '/')
        n = 0; /* the root folder: every path is inside it */
    if (strncmp(real, rf, n) != 0 || (real[n] != '/' && real[n] != '\0'))
        return 0;
    if (rest)
        *rest = real[n] ? real + n + 1 : real + n;
    return 1;
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
    char real[PATH_MAX];
    if (!realpath(out, real))
        return errno == ENOENT || errno == ENOTDIR
                   ? "does not exist (paths are relative to this file's folder)"
                   : errno == EACCES ? "cannot be read: permission denied" : "cannot be reached";
    char base[PATH_MAX];
    snprintf(base, sizeof base, "%.*s", dir ? (int)dir : 1, dir ? from : ".");
    if (hv_file_inside(base, real, NULL))
        return NULL;
    const char *folders[HV_DATA_FOLDERS];
    int count = hv_file_data_folders(folders);
    for (int i = 0; i < count; i++)
        if (hv_file_inside(folders[i], real, NULL))
            return NULL;
    return "lies outside this file's folder and the game's data folders";
}
