/* Where a save's level is: the path a save stores (relative to the data
 * folder that holds the level), and finding that level again when a save
 * is loaded, confined to the save's own folder and the game's data
 * folders, by its id when the file moved (hv_save_level.h). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "hv_save_level.h"

#include "hv_file.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define HEAD_BYTES 16384         /* a level's id sits in its first lines */
#define LEVEL_BYTES (1024 * 1024) /* the level reader's own cap */
#define SCAN_DEPTH 4
#define SCAN_FILES 4000 /* a data folder is not a whole disk */

/* SRC into DST of N bytes, cut short if need be. */
static void copy(char *dst, size_t n, const char *src)
{
    size_t len = strlen(src);
    if (len >= n)
        len = n - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* The folder PATH is in, "." for a bare name. */
static void folder_of(const char *path, char *buf, size_t len)
{
    snprintf(buf, len, "%s", path);
    char *slash = strrchr(buf, '/');
    if (slash == buf)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(buf, len, ".");
}

void hv_save_level_path(const char *save_path, const char *level_file, char *buf, size_t len)
{
    char real[PATH_MAX], save_dir[PATH_MAX];
    const char *folders[HV_DATA_FOLDERS], *rest;
    snprintf(buf, len, "%s", level_file);
    if (!realpath(level_file, real))
        return;
    int n = hv_file_data_folders(folders);
    for (int i = 0; i < n; i++)
        if (hv_file_inside(folders[i], real, &rest)) {
            snprintf(buf, len, "%s", rest);
            return;
        }
    folder_of(save_path, save_dir, sizeof save_dir);
    if (hv_file_inside(save_dir, real, &rest))
        snprintf(buf, len, "%s", rest);
    else
        snprintf(buf, len, "%s", real); /* found again only by its id */
}

/* Whether STORED may be opened as it is: a relative path with no `..`. */
static int confined_path(const char *stored)
{
    if (!stored[0] || stored[0] == '/')
        return 0;
    for (const char *p = stored; *p;) {
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return 0;
        p += n + (end != NULL);
    }
    return 1;
}

/* The level at FILE when it is a regular file of level size whose id is
 * ID; never shows what a file that is not that level holds. */
static hv_level *try_level(const char *file, const char *id, char *other, size_t other_len)
{
    struct stat st;
    if (stat(file, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > LEVEL_BYTES)
        return NULL;
    hv_diag quiet;
    hv_diag_init(&quiet);
    hv_level *level = hv_level_load(file, &quiet);
    hv_diag_free(&quiet);
    if (level && strcmp(level->id, id) != 0) {
        if (other && !other[0])
            snprintf(other, other_len, "%s", level->id);
        hv_level_free(level);
        level = NULL;
    }
    return level;
}

/* Whether the first lines of FILE say `kind: level` and `id: ID`. */
static int head_has_id(const char *file, const char *id)
{
    FILE *f = fopen(file, "rb");
    if (!f)
        return 0;
    char line[512];
    int kind = 0, same = 0;
    size_t read = 0;
    while (read < HEAD_BYTES && fgets(line, sizeof line, f)) {
        read += strlen(line);
        line[strcspn(line, "\r\n")] = '\0';
        char *end = line + strlen(line);
        while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
            *--end = '\0';
        if (strcmp(line, "kind: level") == 0)
            kind = 1;
        else if (strncmp(line, "id: ", 4) == 0)
            same = strcmp(line + 4 + strspn(line + 4, " "), id) == 0;
    }
    fclose(f);
    return kind && same;
}

typedef struct scan {
    const char *root; /* the data folder: nothing outside it is opened */
    const char *id;
    int files;
    char found[PATH_MAX];
} scan;

/* Looks through DIR and its subfolders for a level whose id is the one
 * sought; 1 when found (its path in S->found). */
static int scan_dir(scan *s, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int hit = 0;
    for (struct dirent *e; !hit && s->files < SCAN_FILES && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char path[PATH_MAX], real[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
            continue;
        struct stat st;
        if (!realpath(path, real) || !hv_file_inside(s->root, real, NULL) || stat(real, &st) != 0)
            continue; /* a link out of the data folder is not followed */
        s->files++;
        if (S_ISDIR(st.st_mode)) {
            if (depth < SCAN_DEPTH)
                hit = scan_dir(s, path, depth + 1);
            continue;
        }
        size_t n = strlen(e->d_name);
        if (!S_ISREG(st.st_mode) || st.st_size > LEVEL_BYTES || n < 6 ||
            strcmp(e->d_name + n - 5, ".yaml") != 0 || !head_has_id(real, s->id))
            continue;
        snprintf(s->found, sizeof s->found, "%s", path);
        hit = 1;
    }
    closedir(d);
    return hit;
}

hv_level *hv_save_find_level(const char *save_path, const char *stored, const char *id,
                             hv_save_found *found)
{
    memset(found, 0, sizeof *found);
    const char *folders[HV_DATA_FOLDERS];
    int n = hv_file_data_folders(folders);
    char save_dir[PATH_MAX];
    folder_of(save_path, save_dir, sizeof save_dir);
    const char *bases[HV_DATA_FOLDERS + 1] = {save_dir};
    for (int i = 0; i < n; i++)
        bases[i + 1] = folders[i];
    hv_level *level = NULL;
    if (confined_path(stored)) {
        for (int i = 0; i <= n && !level; i++) {
            char cand[PATH_MAX * 2], real[PATH_MAX];
            if (!bases[i] || snprintf(cand, sizeof cand, "%s/%s", bases[i], stored) >= PATH_MAX)
                continue;
            if (!realpath(cand, real) || !hv_file_inside(bases[i], real, NULL))
                continue; /* missing, or a link out of the folder */
            if ((level = try_level(real, id, found->other_id, sizeof found->other_id)))
                copy(found->path, sizeof found->path, cand);
        }
    } else {
        found->refused = 1;
    }
    for (int i = 0; i < n && !level; i++) {
        char levels[PATH_MAX];
        snprintf(levels, sizeof levels, "%s/levels", folders[i]);
        scan s = {.root = folders[i], .id = id};
        if (scan_dir(&s, levels, 0) && (level = try_level(s.found, id, NULL, 0))) {
            copy(found->path, sizeof found->path, s.found);
            found->moved = 1;
        }
    }
    if (!level) {
        char where[sizeof found->where];
        size_t k = (size_t)snprintf(where, sizeof where,
                                    "levels are looked for at that path in the save's folder "
                                    "(%.300s)",
                                    save_dir);
        for (int i = 0; i < n && k < sizeof found->where; i++)
            k += (size_t)snprintf(where + k, sizeof where - k, ", in %.300s", folders[i]);
        for (int i = 0; i < n && k < sizeof found->where; i++)
            k += (size_t)snprintf(where + k, sizeof where - k, "%s%.300s/levels",
                                  i ? " and " : ", and by id under ", folders[i]);
        copy(found->where, sizeof found->where, where);
    }
    return level;
}
