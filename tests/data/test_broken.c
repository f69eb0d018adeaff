/* Every file in tests/data/broken/ must be refused with exactly the errors
 * its comments announce, in order of position:
 *   # expect: LINE:COL: MESSAGE          (an error in this file)
 *   # expect-in: PATH:LINE:COL: MESSAGE  (in another file, PATH relative to
 *                                         tests/data/broken/) */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdlib.h>

#include "hv_level.h"
#include "hv_validate.h"
#include "hv_test.h"

#define DIR_PATH HV_TEST_DIR "/data/broken"
#define MAX_LINES 64
#define LINE_LEN 1200

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the expectations of NAME into LINES; returns their count. */
static int read_expected(const char *name, char lines[][LINE_LEN])
{
    char path[1024], buf[1024];
    snprintf(path, sizeof path, "%s/%s", DIR_PATH, name);
    FILE *f = fopen(path, "rb");
    int n = 0;
    while (f && fgets(buf, sizeof buf, f) && n < MAX_LINES) {
        buf[strcspn(buf, "\r\n")] = '\0';
        if (strncmp(buf, "# expect: ", 10) == 0)
            snprintf(lines[n++], LINE_LEN, "%.200s:%.900s", name, buf + 10);
        else if (strncmp(buf, "# expect-in: ", 13) == 0)
            snprintf(lines[n++], LINE_LEN, "%.1000s", buf + 13);
    }
    if (f)
        fclose(f);
    return n;
}

/* LINE with every "DIR_PATH/" cut out, in place: messages name other files too. */
static void cut_folder(char *line)
{
    const char *folder = DIR_PATH "/";
    size_t n = strlen(folder);
    for (char *at = strstr(line, folder); at; at = strstr(at, folder))
        memmove(at, at + n, strlen(at + n) + 1);
}

/* The errors as hv_diag_print orders them, with the folder cut off. */
static int read_actual(const char *name, char lines[][LINE_LEN])
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", DIR_PATH, name);
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_data_validate(path, &diag), -1);
    char *text = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&text, &size);
    hv_diag_print(&diag, mem);
    fclose(mem);
    hv_diag_free(&diag);
    int n = 0;
    for (char *line = strtok(text, "\n"); line && n < MAX_LINES; line = strtok(NULL, "\n")) {
        cut_folder(line);
        const char *rest = line;
        const char *err = strstr(rest, ": error: ");
        if (err)
            snprintf(lines[n++], LINE_LEN, "%.*s: %s", (int)(err - rest), rest, err + 9);
        else
            snprintf(lines[n++], LINE_LEN, "%s", rest);
    }
    free(text);
    return n;
}

int main(void)
{
    DIR *dir = opendir(DIR_PATH);
    CHECK(dir != NULL);
    char *names[256];
    int count = 0;
    struct dirent *e;
    while (dir && (e = readdir(dir)) && count < 256) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0)
            names[count++] = strdup(e->d_name);
    }
    if (dir)
        closedir(dir);
    qsort(names, (size_t)count, sizeof names[0], by_name);
    CHECK(count >= 25); /* files must not vanish silently */
    static char expected[MAX_LINES][LINE_LEN], actual[MAX_LINES][LINE_LEN];
    for (int i = 0; i < count; i++) {
        int ne = read_expected(names[i], expected);
        int na = read_actual(names[i], actual);
        CHECK(ne > 0);
        int same = ne == na;
        for (int k = 0; same && k < ne; k++)
            same = strcmp(expected[k], actual[k]) == 0;
        CHECK(same);
        if (!same) {
            fprintf(stderr, "%s: expected\n", names[i]);
            for (int k = 0; k < ne; k++)
                fprintf(stderr, "    %s\n", expected[k]);
            fprintf(stderr, "  got\n");
            for (int k = 0; k < na; k++)
                fprintf(stderr, "    %s\n", actual[k]);
        }
        free(names[i]);
    }
    printf("checked %d broken files\n", count);
    return hv_test_done("data_broken");
}
