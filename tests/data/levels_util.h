/* Helpers shared by the data tests. */
#ifndef HV_TEST_LEVELS_H
#define HV_TEST_LEVELS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hv_file.h"

/* Calls FN with the path of every level in levels/; returns how many. */
static inline int for_each_shipped_level(void (*fn)(const char *path))
{
    DIR *dir = opendir(HV_LEVEL_DIR);
    if (!dir)
        return 0;
    int levels = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".yaml") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", HV_LEVEL_DIR, e->d_name);
        fn(path);
        levels++;
    }
    closedir(dir);
    return levels;
}

/* Writes TEXT to the file NAME in the folder DIR (a test's own). */
static inline void write_test_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

/* Makes the folders NAMES (each under DIR, parents first). */
static inline void make_test_dirs(const char *dir, const char *const *names, size_t n)
{
    char path[512];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        mkdir(path, 0700);
    }
}

/* The text of the file PATH with its first OLD made NEW, to be freed;
 * NULL when the file or OLD in it is missing. */
static inline char *read_replacing(const char *path, const char *old, const char *new_text)
{
    size_t len = 0, o = strlen(old), n = strlen(new_text);
    char *text = hv_file_read_all(path, &len);
    char *at = text ? strstr(text, old) : NULL;
    char *out = at ? malloc(strlen(text) - o + n + 1) : NULL;
    if (out) {
        size_t head = (size_t)(at - text);
        memcpy(out, text, head);
        memcpy(out + head, new_text, n);
        strcpy(out + head + n, at + o);
    }
    free(text);
    return out;
}

#endif
