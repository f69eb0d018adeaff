/* Helpers shared by the data tests. */
#ifndef HV_TEST_LEVELS_H
#define HV_TEST_LEVELS_H

#include <dirent.h>
#include <stdio.h>
#include <string.h>

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

#endif
