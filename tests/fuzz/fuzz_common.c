/* Shared by the fuzz targets: the temporary folder, the refusal checks and
 * a few weeks of bot play (fuzz_common.h). */
#define _POSIX_C_SOURCE 200809L
#include "fuzz_common.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hv_bot.h"
#include "hv_event.h"
#include "hv_turn.h"

static char dir[512];

void hv_fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "hv_fuzz: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    abort();
}

/* Only what a target wrote is here, so every entry may go: loaders read
 * and never write, and saves written to check them keep to this folder. */
static void remove_dir(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

void hv_fuzz_path(const char *name, char *buf, size_t len)
{
    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/hv_fuzz_XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(dir))
            hv_fuzz_fail("cannot make a temporary folder from %s", dir);
        atexit(remove_dir);
    }
    if ((size_t)snprintf(buf, len, "%s/%s", dir, name) >= len)
        hv_fuzz_fail("temporary path too long: %s/%s", dir, name);
}

void hv_fuzz_write(const char *name, const void *data, size_t size, char *buf, size_t len)
{
    hv_fuzz_path(name, buf, len);
    FILE *f = fopen(buf, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        hv_fuzz_fail("cannot write %s", buf);
}

void hv_fuzz_check_diag(const hv_diag *diag, int ok, const char *loader)
{
    if (!ok && diag->count == 0)
        hv_fuzz_fail("%s refused the file without a single error", loader);
    if (ok && diag->count != 0)
        hv_fuzz_fail("%s loaded the file but reported %zu errors, the first: %s", loader,
                     diag->count, diag->entries[0].message);
    for (size_t i = 0; i < diag->count; i++) {
        const hv_diag_entry *e = &diag->entries[i];
        if (!e->file || !e->message || e->line < 0 || e->col < 0)
            hv_fuzz_fail("%s: error %zu has no file, message or place", loader, i);
        if (strpbrk(e->file, "\n\r") || strpbrk(e->message, "\n\r"))
            hv_fuzz_fail("%s: error %zu spans lines: %s", loader, i, e->message);
    }
}

void hv_fuzz_check_warnings(const hv_diag *diag, const char *checker)
{
    if (diag->count != 0)
        hv_fuzz_fail("%s reported %zu errors, the first: %s", checker, diag->count,
                     diag->entries[0].message);
    for (size_t i = 0; i < diag->warning_count; i++) {
        const hv_diag_entry *e = &diag->warnings[i];
        if (!e->file || !e->message || e->line < 1 || e->col < 1)
            hv_fuzz_fail("%s: warning %zu has no file, message or place", checker, i);
        if (strpbrk(e->file, "\n\r") || strpbrk(e->message, "\n\r"))
            hv_fuzz_fail("%s: warning %zu spans lines: %s", checker, i, e->message);
    }
}

void hv_fuzz_play(hv_state *state, const hv_orders_file *orders, int weeks)
{
    static hv_report report;
    int32_t next = 0;
    for (int week = 0; week < weeks; week++) {
        if (state->outcome != HV_OUTCOME_RUNNING && !state->play_on)
            break;
        if (orders && hv_orders_file_queue_week(orders, &next, state) != 0)
            break; /* a full queue: sim refuses the file at this point */
        hv_bot_plan(HV_BOT_BALANCED, state);
        hv_report_clear(&report);
        if (hv_end_turn(state, &report) != HV_TURN_DONE)
            hv_fuzz_fail("week %d did not end after the bot's orders", state->turn + 1);
    }
}
