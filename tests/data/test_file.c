/* Atomic writes (hv_file): a write replaces the file whole, keeps the
 * previous one as .bak when asked, and leaves no temporary file behind,
 * also when an earlier write was killed right after making its backup;
 * and a file is read whole, whatever its size, unless larger than the cap. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hv_file.h"
#include "hv_test.h"

static char dir[] = "/tmp/hv_file_XXXXXX";

static void path_in(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", dir, name);
}

/* How many temporary files of a write are in the folder. */
static int count_temps(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strstr(e->d_name, ".tmp") != NULL;
    if (d)
        closedir(d);
    return n;
}

static int has_text(const char *path, const char *want)
{
    size_t len = 0;
    char *text = hv_file_read_all(path, &len);
    int same = text && len == strlen(want) && memcmp(text, want, len) == 0;
    free(text);
    return same;
}

static int write_str(const char *path, const char *text, int keep)
{
    char err[300] = "";
    int rc = hv_file_write_atomic(path, text, strlen(text), keep, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "write failed: %s\n", err);
    return rc;
}

/* A file of LEN bytes reads whole under a cap of its length or more, and
 * is refused (EFBIG) under any smaller cap. */
static void check_read_sizes(const char *path, size_t len)
{
    char *text = malloc(len + 1);
    if (!text)
        return;
    for (size_t i = 0; i < len; i++)
        text[i] = (char)('a' + (i * 7 + len) % 26);
    text[len] = '\0';
    char err[300] = "";
    CHECK_EQ_INT(hv_file_write_atomic(path, text, len, 0, err, sizeof err), 0);
    size_t caps[] = {len, len + 1, len + 5000, SIZE_MAX - 1, len ? len - 1 : 0, len / 2};
    for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
        size_t got = 12345;
        errno = 0;
        char *read = hv_file_read_capped(path, caps[c], &got);
        if (caps[c] >= len) {
            CHECK(read && got == len && memcmp(read, text, len) == 0 && read[len] == '\0');
        } else {
            CHECK(read == NULL);
            CHECK_EQ_INT(errno, EFBIG);
        }
        free(read);
    }
    free(text);
    unlink(path);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    char path[256], bak[256];
    path_in(path, sizeof path, "slot.yaml");
    path_in(bak, sizeof bak, "slot.yaml.bak");

    CHECK_EQ_INT(write_str(path, "first\n", 1), 0);
    CHECK(has_text(path, "first\n"));
    CHECK(access(bak, F_OK) != 0); /* nothing to keep yet */
    CHECK_EQ_INT(write_str(path, "second\n", 1), 0);
    CHECK(has_text(path, "second\n"));
    CHECK(has_text(bak, "first\n"));
    CHECK_EQ_INT(count_temps(), 0);

    /* A write killed after its backup: the .bak and the file are one. */
    unlink(bak);
    CHECK_EQ_INT(link(path, bak), 0);
    CHECK_EQ_INT(write_str(path, "third\n", 1), 0);
    CHECK(has_text(path, "third\n"));
    CHECK(has_text(bak, "second\n"));
    CHECK_EQ_INT(count_temps(), 0);

    /* Without a backup wanted, the .bak is left as it is. */
    CHECK_EQ_INT(write_str(path, "fourth\n", 0), 0);
    CHECK(has_text(path, "fourth\n"));
    CHECK(has_text(bak, "second\n"));
    CHECK_EQ_INT(count_temps(), 0);

    unlink(path);
    unlink(bak);
    size_t sizes[] = {0, 1, 4094, 4095, 4096, 4097, 8191, 8192, 10000, 70000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        check_read_sizes(path, sizes[i]);
    rmdir(dir);
    return hv_test_done("data_file");
}
