#define _POSIX_C_SOURCE 200809L
#include "hv_save.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "hv_carry_file.h"
#include "hv_file.h"
#include "hv_save_level.h"
#include "hv_yaml.h"

#define LOG_MAX (INT32_MAX / 2)

void hv_order_log_init(hv_order_log *log)
{
    memset(log, 0, sizeof *log);
}

void hv_order_log_free(hv_order_log *log)
{
    free(log->items);
    free(log->hashes);
    hv_order_log_init(log);
}

int hv_order_log_end_week(hv_order_log *log, const hv_state *state)
{
    int32_t week = state->turn;
    /* A week missed leaves a gap no later week can fill: the save then
     * goes without week hashes rather than with wrong ones. */
    if (week < 1 || log->hash_count < week - 1)
        return 0;
    if (week > log->hash_cap) {
        int32_t cap = log->hash_cap ? log->hash_cap * 2 : 64;
        while (cap < week)
            cap *= 2;
        uint32_t *more = realloc(log->hashes, sizeof *more * (size_t)cap);
        if (!more)
            return -1;
        log->hashes = more;
        log->hash_cap = cap;
    }
    log->hashes[week - 1] = (uint32_t)(hv_state_hash(state) >> 32);
    log->hash_count = week;
    return 0;
}

static int log_reserve(hv_order_log *log, int32_t more)
{
    if (more < 0 || log->count > LOG_MAX - more)
        return -1;
    int32_t need = log->count + more;
    if (need <= log->cap)
        return 0;
    int32_t cap = log->cap ? log->cap : 64;
    while (cap < need)
        cap = cap > LOG_MAX / 2 ? LOG_MAX : cap * 2;
    hv_timed_order *items = realloc(log->items, sizeof *items * (size_t)cap);
    if (!items)
        return -1;
    log->items = items;
    log->cap = cap;
    return 0;
}

static int log_append(hv_order_log *log, int32_t week, int32_t line, const hv_order *order)
{
    if (log_reserve(log, 1) != 0)
        return -1;
    hv_timed_order *t = &log->items[log->count];
    memset(t, 0, sizeof *t);
    t->week = week;
    t->seq = log->count++;
    t->line = line;
    t->order = *order;
    return 0;
}

int hv_order_log_add_week(hv_order_log *log, const hv_state *state)
{
    int32_t week = state->turn + 1;
    /* A week whose end waited for an answer was recorded then, and its
     * orders are still queued: record them once, as they stand now. */
    while (log->count > 0 && log->items[log->count - 1].week >= week)
        log->count--;
    if (log_reserve(log, state->order_count) != 0)
        return -1;
    for (int32_t i = 0; i < state->order_count; i++)
        log_append(log, week, 0, &state->orders[i]);
    return 0;
}

int hv_order_log_write(FILE *out, const hv_rules *rules, const hv_order_log *log)
{
    /* An empty `orders:` would be null, which no reader takes for a list. */
    fprintf(out, "format: 1\nkind: orders\norders:%s\n", log->count ? "" : " []");
    for (int32_t i = 0; i < log->count; i++)
        if (hv_orders_file_write_order(out, rules, log->items[i].week, &log->items[i].order) != 0)
            return -1;
    return ferror(out) ? -1 : 0;
}

/* TEXT as a double-quoted YAML scalar, whatever bytes it holds. */
static void write_quoted(FILE *out, const char *text)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\x%02x", *p);
        else
            fputc(*p, out);
    }
    fputs("\"\n", out);
}

/* The whole save in memory: header, the orders of the weeks played, then
 * the orders queued now. NORMAL is the state with its queue as it reads
 * back, which is the state the hash in the header must prove. */
static char *save_text(const hv_level *level, const char *stored_level, const hv_state *normal,
                       const hv_order_log *log, const hv_origin *origin, size_t *len, char *err,
                       size_t err_len)
{
    int32_t played = 0;
    for (int32_t i = 0; i < log->count; i++)
        played += log->items[i].week <= normal->turn;
    if ((int64_t)played + normal->order_count > HV_ORDERS_MAX) {
        hv_file_error(err, err_len, "cannot save: more than %d orders were given", HV_ORDERS_MAX);
        return NULL;
    }
    char *text = NULL;
    FILE *m = open_memstream(&text, len);
    if (!m) {
        hv_file_error(err, err_len, "cannot save: out of memory");
        return NULL;
    }
    fprintf(m, "# A Happy Valley saved game: docs/save-format.md\nformat: 1\nkind: save\nlevel: ");
    write_quoted(m, stored_level);
    fprintf(m, "level_id: %s\ntitle: ", level->id);
    write_quoted(m, level->title);
    time_t now = time(NULL);
    fprintf(m, "seed: %llu\nweek: %d\nstate_hash: \"%016llx\"\nsaved_at: %lld\n",
            (unsigned long long)normal->seed, normal->turn,
            (unsigned long long)hv_state_hash(normal), (long long)(now > 0 ? now : 0));
    if (normal->play_on)
        fprintf(m, "play_on: true\n");
    if (origin && origin->campaign[0]) {
        fprintf(m, "campaign: %s\nstage: %d\ncarry:", origin->campaign, origin->stage);
        hv_carry_write(m, 2, &origin->carry);
    }
    if (normal->turn > 0 && log->hash_count >= normal->turn) {
        fprintf(m, "week_hashes:\n");
        for (int32_t w = 0; w < normal->turn; w++)
            fprintf(m, "%s%08lx%s", w % HV_SAVE_HASH_WEEKS ? "" : "  - \"",
                    (unsigned long)log->hashes[w],
                    w % HV_SAVE_HASH_WEEKS == HV_SAVE_HASH_WEEKS - 1 || w + 1 == normal->turn ? "\"\n"
                                                                                             : "");
    }
    fprintf(m, "orders:%s\n", played + normal->order_count ? "" : " []");
    int bad = 0;
    for (int32_t i = 0; i < log->count && !bad; i++)
        if (log->items[i].week <= normal->turn)
            bad = hv_orders_file_write_order(m, &level->rules, log->items[i].week,
                                             &log->items[i].order) != 0;
    for (int32_t i = 0; i < normal->order_count && !bad; i++)
        bad = hv_orders_file_write_order(m, &level->rules, normal->turn + 1, &normal->orders[i]);
    if (fclose(m) != 0 || bad) {
        hv_file_error(err, err_len, "cannot save: %s",
                      bad ? "an order holds a value no save can hold" : "out of memory");
        free(text);
        return NULL;
    }
    return text;
}

/* Never leaves a save behind that its own reader would refuse. */
static int check_text(const char *path, const char *text, size_t len, char *err, size_t err_len)
{
    hv_diag diag;
    hv_diag_init(&diag);
    hv_ydoc doc;
    hv_ylimits limits = hv_orders_file_limits();
    hv_ctx ctx = {&diag, path, NULL, "", 0, 0, NULL, 0};
    hv_save_info info;
    int rc = hv_ydoc_load_buffer(&doc, path, text, len, &limits, &diag);
    if (rc == 0)
        rc = hv_orders_file_read_header(&ctx, doc.root, &info);
    hv_ydoc_free(&doc);
    if (rc != 0)
        hv_file_error(err, err_len, "cannot save this game: %s",
                      diag.count ? diag.entries[0].message : "out of memory");
    hv_diag_free(&diag);
    return rc;
}

/* The slots' folder is made on the first save; any other missing folder
 * is the caller's mistake and is reported by the write. */
static void make_saves_folder(const char *path)
{
    char dir[HV_FILE_LEN * 2];
    if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
        return;
    char *slash = strrchr(dir, '/');
    if (!slash)
        return;
    *slash = '\0';
    const char *base = strrchr(dir, '/');
    base = base ? base + 1 : dir;
    if (strcmp(base, "saves") == 0)
        mkdir(dir, 0755);
}

/* Whether the file at PATH should become PATH.bak: not when it is missing
 * or damaged while PATH.bak is good, for the backup is then the only good
 * copy of the game. */
static int keep_backup(const char *path)
{
    hv_save_info info;
    hv_diag diag;
    hv_diag_init(&diag);
    int good = hv_save_read_info(path, &info, &diag) == 0;
    hv_diag_free(&diag);
    if (good)
        return 1;
    char bak[HV_FILE_LEN * 2 + 8];
    snprintf(bak, sizeof bak, "%s.bak", path);
    hv_diag_init(&diag);
    int bak_good = hv_save_read_info(bak, &info, &diag) == 0;
    hv_diag_free(&diag);
    return !bak_good;
}

int hv_save_write(const char *path, const hv_level *level, const hv_state *state,
                  const hv_order_log *log, char *err, size_t err_len)
{
    return hv_save_write_origin(path, level, state, log, NULL, err, err_len);
}

int hv_save_write_origin(const char *path, const hv_level *level, const hv_state *state,
                         const hv_order_log *log, const hv_origin *origin, char *err,
                         size_t err_len)
{
    if (state->turn >= HV_ORDERS_MAX_WEEK)
        return hv_file_error(err, err_len, "cannot save: a save holds at most %d weeks",
                             HV_ORDERS_MAX_WEEK - 1);
    hv_state *normal = malloc(sizeof *normal);
    if (!normal)
        return hv_file_error(err, err_len, "cannot save: out of memory");
    *normal = *state;
    int bad = 0;
    for (int32_t i = 0; i < normal->order_count && !bad; i++)
        bad = hv_orders_file_normalize(&level->rules, &normal->orders[i]) != 0;
    size_t len = 0;
    char stored[HV_FILE_LEN];
    hv_save_level_path(path, level->file, stored, sizeof stored);
    char *text = bad ? NULL : save_text(level, stored, normal, log, origin, &len, err, err_len);
    free(normal);
    if (bad)
        return hv_file_error(err, err_len,
                             "cannot save: a queued order holds a value no save can hold");
    if (!text)
        return -1;
    int rc = check_text(path, text, len, err, err_len);
    if (rc == 0) {
        make_saves_folder(path);
        int damaged = origin && strcmp(origin->damaged, path) == 0;
        rc = hv_file_write_atomic(path, text, len, !damaged && keep_backup(path), err, err_len);
    }
    free(text);
    return rc;
}

int hv_save_read_info(const char *path, hv_save_info *info, hv_diag *diag)
{
    memset(info, 0, sizeof *info);
    hv_ydoc doc;
    hv_ylimits limits = hv_orders_file_limits();
    hv_ctx ctx = {diag, path, NULL, "", 0, 0, NULL, 0};
    int rc = hv_ydoc_load_file(&doc, path, &limits, diag);
    if (rc == 0)
        rc = hv_orders_file_read_header(&ctx, doc.root, info);
    hv_ydoc_free(&doc);
    return rc;
}

void hv_save_slot_path(const char *data_dir, int slot, char *buf, size_t len)
{
    if (!buf || len == 0)
        return;
    int n = -1;
    if (slot == 0)
        n = snprintf(buf, len, "%s/saves/autosave.yaml", data_dir);
    else if (slot >= 1 && slot <= HV_SAVE_SLOTS)
        n = snprintf(buf, len, "%s/saves/slot%d.yaml", data_dir, slot);
    /* A path cut short would name some other file. */
    if (n < 0 || (size_t)n >= len)
        buf[0] = '\0';
}
