/* Atomic writes (hv_file): a write replaces the file whole, keeps the
 * previous one as .bak when asked, and leaves no temporary file behind,
 * also when an earlier write was killed right after making its backup. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
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
    rmdir(dir);
    return hv_test_done("data_file");
}
