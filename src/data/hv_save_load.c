/* Loading saves (hv_save.h): replaying a save's weeks to the game it was,
 * checking its hash, and what the game does to give the player a game
 * back anyway: the .bak of a save cut short or damaged, the level found
 * by its id when it moved, a replay under rules that changed since. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "hv_save.h"
#include "hv_save_level.h"
#include "hv_turn.h"
#include "hv_yaml.h"

/* Reports at KEY of the save's header, with the key as the path. */
static void header_error(hv_ctx *ctx, const hv_ynode *root, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static void header_error(hv_ctx *ctx, const hv_ynode *root, const char *key, const char *fmt, ...)
{
    char msg[1400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t old = hv_ctx_push_key(ctx, key);
    /* A key the save lacks is reported at the map that lacks it. */
    const hv_ynode *at = hv_ynode_get(root, key);
    hv_ctx_error(ctx, at ? at : root, "%s", msg);
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
    const hv_ynode *at = list ? list : root;
    if (list && list->kind == HV_YNODE_SEQ && (size_t)index < list->count)
        at = list->items[index];
    hv_ctx_error(ctx, at, "%s", msg);
    hv_ctx_pop(ctx, old);
}

/* The level the save was played on, wherever it is now. */
static hv_level *open_level(hv_ctx *ctx, const hv_ynode *root, const hv_save_info *info,
                            hv_save_found *found)
{
    hv_level *level = hv_save_find_level(ctx->file, info->level, info->level_id, found);
    if (level)
        return level;
    if (found->other_id[0])
        header_error(ctx, root, "level_id",
                     "'%s' now holds level '%s', and no level '%s' was found elsewhere: %s",
                     info->level, found->other_id, info->level_id, found->where);
    else
        header_error(ctx, root, "level", "the level '%s' (file '%s') was not found%s: %s",
                     info->level_id, info->level,
                     found->refused ? "; an absolute path or one leaving its folder is not opened"
                                    : "",
                     found->where);
    return NULL;
}

/* The week hashes of a save, or none (*COUNT 0) when it has no such key. */
static int read_week_hashes(hv_ctx *ctx, const hv_ynode *root, uint32_t **out, int32_t *count)
{
    *out = NULL;
    *count = 0;
    const hv_ynode *list = hv_ynode_get(root, "week_hashes");
    if (!list)
        return 0;
    size_t old = hv_ctx_push_key(ctx, "week_hashes");
    int ok = list->kind == HV_YNODE_SEQ && list->count <= HV_ORDERS_MAX_WEEK;
    if (ok && list->count && !(*out = malloc(sizeof **out * list->count * HV_SAVE_HASH_WEEKS)))
        ok = 0;
    for (size_t i = 0; ok && i < list->count; i++) {
        const hv_ynode *line = list->items[i];
        ok = line->kind == HV_YNODE_SCALAR && line->len % 8 == 0 && line->len > 0 &&
             line->len <= 8 * HV_SAVE_HASH_WEEKS &&
             (i + 1 == list->count || line->len == 8 * HV_SAVE_HASH_WEEKS);
        for (size_t k = 0; ok && k < line->len; k += 8) {
            char hex[9], *end;
            memcpy(hex, line->str + k, 8);
            hex[8] = '\0';
            unsigned long v = strtoul(hex, &end, 16);
            ok = *end == '\0' && strspn(hex, "0123456789abcdefABCDEF") == 8;
            (*out)[(*count)++] = (uint32_t)v;
        }
    }
    if (!ok)
        hv_ctx_error(ctx, list, "expected lines of 8 hex digits a week, %d weeks a line",
                     HV_SAVE_HASH_WEEKS);
    hv_ctx_pop(ctx, old);
    return ok ? 0 : -1;
}

/* How a replay goes: exactly as saved, or as well as it can. */
typedef struct replay_mode {
    hv_save_notes *lenient; /* NULL: any difference refuses the save */
    const uint32_t *hashes; /* the save's week hashes */
    int32_t hash_count;
} replay_mode;

/* Plays the saved weeks again into S and queues the unfinished week's
 * orders, recording them in LOG and showing WATCH each week; 0, or -1
 * with the first sign of damage reported. */
static int replay_weeks(hv_ctx *ctx, const hv_ynode *root, const hv_level *level,
                        const hv_save_info *info, const hv_orders_file *orders, hv_state *s,
                        hv_order_log *log, const hv_save_watch *watch, hv_report *report,
                        hv_state *before, replay_mode *mode)
{
    hv_save_notes *n = mode->lenient;
    hv_level_new_game(level, info->seed, s);
    hv_carry_apply(s, &info->origin.carry);
    if (info->play_on)
        hv_state_play_on(s);
    if (watch)
        watch->week(NULL, s, NULL, watch->ctx);
    int32_t next = 0;
    for (int32_t week = 1; week <= info->week + 1; week++) {
        if (hv_orders_file_queue_week(orders, &next, s) != 0) {
            if (!n) {
                order_error(ctx, root, orders->items[next].seq, "more than %d orders in week %d",
                            HV_MAX_ORDERS, week);
                return -1;
            }
            for (; next < orders->count && orders->items[next].week == week; next++)
                n->skipped++;
        }
        if (week > info->week)
            break; /* the week being played is saved with its orders queued */
        if (n && s->pending >= 0 && hv_state_queued_answer(s) < 0 &&
            (s->outcome == HV_OUTCOME_RUNNING || s->play_on)) {
            hv_order answer = {.kind = HV_ORDER_ANSWER, .value = 0};
            if (hv_state_queue_order(s, &answer) == 0)
                n->answered++;
        }
        if (hv_order_log_add_week(log, s) != 0) {
            header_error(ctx, root, "orders", "out of memory");
            return -1;
        }
        if (watch) {
            hv_report_clear(report);
            *before = *s;
        }
        hv_turn_result done = hv_end_turn(s, report);
        if (done == HV_TURN_DONE) {
            if (hv_order_log_end_week(log, s) != 0) {
                header_error(ctx, root, "orders", "out of memory");
                return -1;
            }
            if (n && !n->first_differs && week <= mode->hash_count &&
                mode->hashes[week - 1] != (uint32_t)(hv_state_hash(s) >> 32))
                n->first_differs = week;
            if (watch)
                watch->week(before, s, report, watch->ctx);
        }
        if (done == HV_TURN_WAITING) {
            header_error(ctx, root, "orders",
                         "week %d cannot end: an event waits for an answer and the save gives "
                         "none that week",
                         week);
            return -1;
        }
        if (done == HV_TURN_OVER) {
            if (n) {
                /* The game now ends sooner: it is loaded as it ended. */
                n->ended = s->outcome_turn;
                while (log->count > 0 && log->items[log->count - 1].week > s->turn)
                    log->count--;
                s->order_count = 0;
                return 0;
            }
            header_error(ctx, root, "week",
                         "the game ended in week %d, but the save says %d weeks were played",
                         s->outcome_turn, info->week);
            return -1;
        }
    }
    if (next < orders->count) {
        if (!n) {
            order_error(ctx, root, orders->items[next].seq,
                        "an order for week %d, after the week being played (%d)",
                        orders->items[next].week, info->week + 1);
            return -1;
        }
        n->skipped += orders->count - next;
    }
    uint64_t hash = hv_state_hash(s);
    if (hash != info->state_hash && !n) {
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
    /* Every week as saved, yet not the hash: the queued orders differ. */
    if (n && hash != info->state_hash && !n->first_differs && mode->hash_count >= info->week)
        n->first_differs = info->week + 1;
    return 0;
}

/* One way of loading PATH: exactly (NOTES NULL) or as well as it can. */
static int load_once(const char *path, hv_level **level_out, hv_state *state, hv_order_log *log,
                     hv_origin *origin, hv_diag *diag, const hv_save_watch *watch,
                     hv_save_notes *notes, hv_save_found *found)
{
    *level_out = NULL;
    hv_order_log_init(log);
    hv_ydoc doc;
    hv_ylimits limits = hv_orders_file_limits();
    hv_ctx ctx = {diag, path, NULL, "", 0, 0, NULL, 0};
    hv_save_info info;
    hv_level *level = NULL;
    hv_orders_file orders = {0};
    hv_state *s = NULL, *before = NULL;
    hv_report *report = NULL;
    replay_mode mode = {notes, NULL, 0};
    uint32_t *hashes = NULL;
    int rc = -1;
    if (hv_ydoc_load_file(&doc, path, &limits, diag) != 0 ||
        hv_orders_file_read_header(&ctx, doc.root, &info) != 0 ||
        read_week_hashes(&ctx, doc.root, &hashes, &mode.hash_count) != 0)
        goto done;
    mode.hashes = hashes;
    if (!(level = open_level(&ctx, doc.root, &info, found)))
        goto done;
    if (notes ? hv_orders_file_load_lenient(&orders, path, &level->rules, diag, &notes->skipped)
              : hv_orders_file_load(&orders, path, &level->rules, diag))
        goto done;
    if (!(s = malloc(sizeof *s)) ||
        (watch && (!(report = malloc(sizeof *report)) || !(before = malloc(sizeof *before))))) {
        hv_diag_error(diag, path, 0, 0, "out of memory");
        goto done;
    }
    if (replay_weeks(&ctx, doc.root, level, &info, &orders, s, log, watch, report, before, &mode) !=
        0)
        goto done;
    if (notes &&
        (notes->skipped || notes->answered || notes->ended || hv_state_hash(s) != info.state_hash))
        notes->differs = 1;
    *state = *s;
    if (origin)
        *origin = info.origin;
    *level_out = level;
    level = NULL;
    rc = 0;
done:
    free(hashes);
    free(s);
    free(before);
    free(report);
    hv_orders_file_free(&orders);
    hv_level_free(level);
    hv_ydoc_free(&doc);
    if (rc != 0)
        hv_order_log_free(log);
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
    hv_save_found found;
    return load_once(path, level_out, state, log, origin, diag, watch, NULL, &found);
}

/* The sentences of NOTES for the player. */
static void describe(hv_save_notes *n, const char *path)
{
    size_t k = 0;
    char *t = n->text;
    size_t len = sizeof n->text;
    if (n->from_backup && k < len)
        k += (size_t)snprintf(t + k, len - k,
                              "%s could not be loaded (%s); its previous save %s was loaded "
                              "instead. ",
                              path, n->damage, n->loaded);
    if (n->level_moved && k < len)
        k += (size_t)snprintf(t + k, len - k,
                              "The level was not where the save says; it was found at %s. ",
                              n->level);
    if (n->differs && k < len) {
        k += (size_t)snprintf(t + k, len - k,
                              "The level or the rules changed since this game was saved, so it "
                              "now differs from the game saved");
        if (n->first_differs && k < len)
            k += (size_t)snprintf(t + k, len - k, " from week %d", n->first_differs);
        if (n->skipped && k < len)
            k += (size_t)snprintf(t + k, len - k, "; %d orders no longer apply", n->skipped);
        if (n->answered && k < len)
            k += (size_t)snprintf(t + k, len - k, "; %d questions took their first choice",
                                  n->answered);
        if (n->ended && k < len)
            k += (size_t)snprintf(t + k, len - k, "; the game now ended in week %d", n->ended);
        if (k < len)
            k += (size_t)snprintf(t + k, len - k, ". ");
    }
    while (k > 0 && k <= len && t[k - 1] == ' ')
        t[--k] = '\0';
}

int hv_save_load_noting(const char *path, hv_level **level, hv_state *state, hv_order_log *log,
                        hv_origin *origin, hv_diag *diag, const hv_save_watch *watch,
                        hv_save_notes *notes)
{
    memset(notes, 0, sizeof *notes);
    hv_save_notes scratch;
    hv_save_found found;
    char bak[HV_FILE_LEN + 8];
    snprintf(bak, sizeof bak, "%s.bak", path);
    /* In order: the save as saved, its backup as saved, then each as well
     * as it replays under the level and rules of today. */
    const char *files[4] = {path, bak, path, bak};
    hv_diag first;
    hv_diag_init(&first);
    int rc = -1;
    for (int i = 0; i < 4 && rc != 0; i++) {
        hv_diag tried;
        hv_diag_init(&tried);
        memset(&scratch, 0, sizeof scratch);
        int lenient = i >= 2;
        rc = load_once(files[i], level, state, log, origin, i == 0 ? &first : &tried, watch,
                       lenient ? &scratch : NULL, &found);
        if (rc == 0) {
            *notes = scratch;
            notes->from_backup = i % 2 == 1;
            notes->level_moved = found.moved;
            snprintf(notes->level, sizeof notes->level, "%.1000s", found.path);
            snprintf(notes->loaded, sizeof notes->loaded, "%s", files[i]);
            if (notes->from_backup && first.count)
                snprintf(notes->damage, sizeof notes->damage, "%s:%d:%d: %s", first.entries[0].file,
                         first.entries[0].line, first.entries[0].col, first.entries[0].message);
            else if (notes->from_backup)
                snprintf(notes->damage, sizeof notes->damage, "damaged");
        }
        hv_diag_free(&tried);
    }
    if (rc == 0 && origin && notes->from_backup)
        snprintf(origin->damaged, sizeof origin->damaged, "%s", path);
    if (rc == 0)
        describe(notes, path);
    else
        for (size_t i = 0; i < first.count; i++)
            hv_diag_error(diag, first.entries[i].file, first.entries[i].line, first.entries[i].col,
                          "%s", first.entries[i].message);
    hv_diag_free(&first);
    return rc;
}

int hv_save_read_info_noting(const char *path, hv_save_info *info, hv_diag *diag, int *from_backup)
{
    if (from_backup)
        *from_backup = 0;
    hv_diag own;
    hv_diag_init(&own);
    int rc = hv_save_read_info(path, info, &own);
    if (rc != 0) {
        char bak[HV_FILE_LEN + 8];
        snprintf(bak, sizeof bak, "%s.bak", path);
        hv_diag quiet;
        hv_diag_init(&quiet);
        if (hv_save_read_info(bak, info, &quiet) == 0) {
            rc = 0;
            if (from_backup)
                *from_backup = 1;
        }
        hv_diag_free(&quiet);
    }
    if (rc != 0)
        for (size_t i = 0; i < own.count; i++)
            hv_diag_error(diag, own.entries[i].file, own.entries[i].line, own.entries[i].col, "%s",
                          own.entries[i].message);
    hv_diag_free(&own);
    return rc;
}
