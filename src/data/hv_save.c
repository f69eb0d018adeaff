#define _POSIX_C_SOURCE 200809L
#include "hv_save.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "hv_carry_file.h"
#include "hv_file.h"
#include "hv_turn.h"
#include "hv_yaml.h"

#define LOG_MAX (INT32_MAX / 2)

void hv_order_log_init(hv_order_log *log)
{
    memset(log, 0, sizeof *log);
}

void hv_order_log_free(hv_order_log *log)
{
    free(log->items);
    hv_order_log_init(log);
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
static char *save_text(const hv_level *level, const hv_state *normal, const hv_order_log *log,
                       const hv_origin *origin, size_t *len, char *err, size_t err_len)
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
    write_quoted(m, level->file);
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
    hv_ylimits limits = hv_ylimits_default();
    hv_ctx ctx = {&diag, path, NULL, "", 0, 0};
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
    char *text = bad ? NULL : save_text(level, normal, log, origin, &len, err, err_len);
    free(normal);
    if (bad)
        return hv_file_error(err, err_len,
                             "cannot save: a queued order holds a value no save can hold");
    if (!text)
        return -1;
    int rc = check_text(path, text, len, err, err_len);
    if (rc == 0) {
        make_saves_folder(path);
        rc = hv_file_write_atomic(path, text, len, 1, err, err_len);
    }
    free(text);
    return rc;
}

int hv_save_read_info(const char *path, hv_save_info *info, hv_diag *diag)
{
    memset(info, 0, sizeof *info);
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    hv_ctx ctx = {diag, path, NULL, "", 0, 0};
    int rc = hv_ydoc_load_file(&doc, path, &limits, diag);
    if (rc == 0)
        rc = hv_orders_file_read_header(&ctx, doc.root, info);
    hv_ydoc_free(&doc);
    return rc;
}

/* Reports at KEY of the save's header, with the key as the path. */
static void header_error(hv_ctx *ctx, const hv_ynode *root, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void header_error(hv_ctx *ctx, const hv_ynode *root, const char *key, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t old = hv_ctx_push_key(ctx, key);
    hv_ctx_error(ctx, hv_ynode_get(root, key), "%s", msg);
    hv_ctx_pop(ctx, old);
}

/* Reports at order INDEX of the save's list, where it stands in the file. */
static void order_error(hv_ctx *ctx, const hv_ynode *root, int32_t index, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void order_error(hv_ctx *ctx, const hv_ynode *root, int32_t index, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const hv_ynode *list = hv_ynode_get(root, "orders");
    size_t old = hv_ctx_push_key(ctx, "orders");
    hv_ctx_push_index(ctx, (size_t)index);
    hv_ctx_error(ctx, list && (size_t)index < list->count ? list->items[index] : list, "%s", msg);
    hv_ctx_pop(ctx, old);
}

/* The level the save was played on, as long as it is still that level. */
static hv_level *open_level(hv_ctx *ctx, const hv_ynode *root, const hv_save_info *info)
{
    struct stat st;
    if (stat(info->level, &st) != 0) {
        if (errno == ENOENT)
            header_error(ctx, root, "level", "the level file '%s' no longer exists", info->level);
        else
            header_error(ctx, root, "level", "cannot open the level file '%s': %s", info->level,
                         strerror(errno));
        return NULL;
    }
    hv_level *level = hv_level_load(info->level, ctx->diag);
    if (!level) {
        header_error(ctx, root, "level", "the level file '%s' has errors and cannot be played",
                     info->level);
        return NULL;
    }
    if (strcmp(level->id, info->level_id) != 0) {
        header_error(ctx, root, "level_id", "'%s' now holds level '%s', not '%s'", info->level,
                     level->id, info->level_id);
        hv_level_free(level);
        return NULL;
    }
    return level;
}

/* Plays the saved weeks again into S and queues the unfinished week's
 * orders, showing WATCH each week; 0, or -1 with the first sign of damage
 * reported. */
static int replay_weeks(hv_ctx *ctx, const hv_ynode *root, const hv_level *level,
                        const hv_save_info *info, const hv_orders_file *orders, hv_state *s,
                        const hv_save_watch *watch, hv_report *report, hv_state *before)
{
    hv_level_new_game(level, info->seed, s);
    hv_carry_apply(s, &info->origin.carry);
    if (info->play_on)
        hv_state_play_on(s);
    if (watch)
        watch->week(NULL, s, NULL, watch->ctx);
    int32_t next = 0;
    for (int32_t week = 1; week <= info->week + 1; week++) {
        if (hv_orders_file_queue_week(orders, &next, s) != 0) {
            order_error(ctx, root, orders->items[next].seq, "more than %d orders in week %d",
                        HV_MAX_ORDERS, week);
            return -1;
        }
        if (week > info->week)
            break; /* the week being played is saved with its orders queued */
        if (watch) {
            hv_report_clear(report);
            *before = *s;
        }
        hv_turn_result done = hv_end_turn(s, report);
        if (done == HV_TURN_DONE && watch)
            watch->week(before, s, report, watch->ctx);
        if (done == HV_TURN_WAITING) {
            header_error(ctx, root, "orders",
                         "week %d cannot end: an event waits for an answer and the save gives "
                         "none that week",
                         week);
            return -1;
        }
        if (done == HV_TURN_OVER) {
            header_error(ctx, root, "week",
                         "the game ended in week %d, but the save says %d weeks were played",
                         s->outcome_turn, info->week);
            return -1;
        }
    }
    if (next < orders->count) {
        order_error(ctx, root, orders->items[next].seq,
                    "an order for week %d, after the week being played (%d)",
                    orders->items[next].week, info->week + 1);
        return -1;
    }
    uint64_t hash = hv_state_hash(s);
    if (hash != info->state_hash) {
        header_error(ctx, root, "state_hash",
                     "the save does not match this level or this version of the rules (hash "
                     "%016llx, expected %016llx)",
                     (unsigned long long)hash, (unsigned long long)info->state_hash);
        return -1;
    }
    char why[200];
    if (hv_state_check(s, why, sizeof why) != 0) {
        header_error(ctx, root, "orders", "the saved game is inconsistent: %s", why);
        return -1;
    }
    return 0;
}

/* replay_weeks with room for what a watcher is shown. */
static int replay(hv_ctx *ctx, const hv_ynode *root, const hv_level *level,
                  const hv_save_info *info, const hv_orders_file *orders, hv_state *s,
                  const hv_save_watch *watch)
{
    hv_report *report = NULL;
    hv_state *before = NULL;
    if (watch && (!(report = malloc(sizeof *report)) || !(before = malloc(sizeof *before)))) {
        free(report);
        header_error(ctx, root, "orders", "out of memory");
        return -1;
    }
    int rc = replay_weeks(ctx, root, level, info, orders, s, watch, report, before);
    free(before);
    free(report);
    return rc;
}

int hv_save_load(const char *path, hv_level **level, hv_state *state, hv_order_log *log,
                 hv_diag *diag)
{
    return hv_save_load_watching(path, level, state, log, diag, NULL);
}

int hv_save_load_watching(const char *path, hv_level **level_out, hv_state *state,
                          hv_order_log *log, hv_diag *diag, const hv_save_watch *watch)
{
    return hv_save_load_origin(path, level_out, state, log, NULL, diag, watch);
}

int hv_save_load_origin(const char *path, hv_level **level_out, hv_state *state, hv_order_log *log,
                        hv_origin *origin, hv_diag *diag, const hv_save_watch *watch)
{
    *level_out = NULL;
    hv_order_log_init(log);
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    hv_ctx ctx = {diag, path, NULL, "", 0, 0};
    hv_save_info info;
    hv_level *level = NULL;
    hv_orders_file orders = {0};
    hv_state *s = NULL;
    int rc = -1;
    if (hv_ydoc_load_file(&doc, path, &limits, diag) != 0 ||
        hv_orders_file_read_header(&ctx, doc.root, &info) != 0)
        goto done;
    if (!(level = open_level(&ctx, doc.root, &info)) ||
        hv_orders_file_load(&orders, path, &level->rules, diag) != 0)
        goto done;
    if (!(s = malloc(sizeof *s))) {
        hv_diag_error(diag, path, 0, 0, "out of memory");
        goto done;
    }
    if (replay(&ctx, doc.root, level, &info, &orders, s, watch) != 0)
        goto done;
    for (int32_t i = 0; i < orders.count && orders.items[i].week <= info.week; i++) {
        if (log_append(log, orders.items[i].week, orders.items[i].line, &orders.items[i].order)) {
            hv_diag_error(diag, path, 0, 0, "out of memory");
            goto done;
        }
    }
    *state = *s;
    if (origin)
        *origin = info.origin;
    *level_out = level;
    level = NULL;
    rc = 0;
done:
    free(s);
    hv_orders_file_free(&orders);
    hv_level_free(level);
    hv_ydoc_free(&doc);
    if (rc != 0)
        hv_order_log_free(log);
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
