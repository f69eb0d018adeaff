/* Saved games: a save loads back to the very game it was made from, the
 * previous save survives as .bak, a failed write harms nothing, and a
 * damaged save is refused with FILE:LINE:COL instead of crashing. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hv_bot.h"
#include "hv_file.h"
#include "hv_level.h"
#include "hv_save.h"
#include "hv_test.h"
#include "hv_turn.h"

static char dir[] = "/tmp/hv_save_XXXXXX";

static void path_in(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", dir, name);
}

static int write_text(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t n = fwrite(text, 1, len, f);
    return fclose(f) == 0 && n == len ? 0 : -1;
}

static hv_level *load_level(const char *path)
{
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *level = hv_level_load(path, &diag);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    return level;
}

/* Plays WEEKS weeks with the balanced bot, recording every order, or
 * fewer if the game ends first. */
static void play(hv_state *s, hv_order_log *log, int32_t weeks)
{
    for (int32_t i = 0; i < weeks && s->outcome == HV_OUTCOME_RUNNING; i++) {
        hv_bot_plan(HV_BOT_BALANCED, s);
        CHECK_EQ_INT(hv_order_log_add_week(log, s), 0);
        CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
    }
}

/* The key fields of two states agree (memcmp is not reliable: padding).
 * Queued orders may differ in fields their kind does not use, which the
 * hash covers, so HASH says whether to compare it. */
static void check_same_game(const hv_state *a, const hv_state *b, int hash)
{
    if (hash)
        CHECK_EQ_INT(hv_state_hash(a), hv_state_hash(b));
    CHECK_EQ_INT(a->turn, b->turn);
    CHECK_EQ_INT(a->seed, b->seed);
    CHECK_EQ_INT(a->module_count, b->module_count);
    CHECK_EQ_INT(a->person_count, b->person_count);
    CHECK_EQ_INT(a->order_count, b->order_count);
    CHECK_EQ_INT(a->pending, b->pending);
    CHECK_EQ_INT(a->outcome, b->outcome);
    CHECK_EQ_INT(a->flags, b->flags);
    CHECK_EQ_INT(a->class_tension, b->class_tension);
    for (int r = 0; r < HV_RES_COUNT; r++)
        CHECK_EQ_INT(a->stock[r], b->stock[r]);
    for (int32_t i = 0; i < a->rules->policy_count; i++)
        CHECK_EQ_INT(a->policy[i], b->policy[i]);
    for (int32_t i = 0; i < a->order_count && i < b->order_count; i++)
        CHECK_EQ_INT(a->orders[i].kind, b->orders[i].kind);
}

/* Loads PATH; a refusal must come with FILE:LINE:COL errors about PATH
 * and leave nothing behind. Returns the first message, or "" on success. */
static int load_damaged(const char *path, char *first, size_t len, int *line)
{
    hv_level *level = (hv_level *)1;
    hv_state *s = malloc(sizeof *s);
    hv_order_log log;
    hv_diag diag;
    hv_diag_init(&diag);
    int rc = hv_save_load(path, &level, s, &log, &diag);
    first[0] = '\0';
    *line = -1;
    if (rc == 0) {
        hv_level_free(level);
        hv_order_log_free(&log);
    } else {
        CHECK(level == NULL && log.items == NULL && log.count == 0);
        CHECK(diag.count > 0);
        const hv_diag_entry *e = NULL;
        for (size_t i = 0; i < diag.count && !e; i++)
            if (strcmp(diag.entries[i].file, path) == 0)
                e = &diag.entries[i];
        CHECK(e != NULL);
        if (e) {
            snprintf(first, len, "%s", e->message);
            *line = e->line;
        }
    }
    hv_diag_free(&diag);
    free(s);
    return rc;
}

/* Writes TEXT with the first occurrence of FROM (up to its line's end when
 * WHOLE_LINE) replaced by TO, then loads it. */
static int load_edited(const char *text, const char *from, const char *to, int whole_line,
                       char *first, size_t len, int *line)
{
    char path[256];
    path_in(path, sizeof path, "edited.yaml");
    const char *at = strstr(text, from);
    CHECK(at != NULL);
    if (!at)
        return 0;
    const char *end = at + strlen(from);
    if (whole_line)
        end = strchr(at, '\n') ? strchr(at, '\n') + 1 : at + strlen(at);
    size_t n = (size_t)(at - text);
    char *edited = malloc(strlen(text) + strlen(to) + 1);
    memcpy(edited, text, n);
    strcpy(edited + n, to);
    strcat(edited, end);
    CHECK_EQ_INT(write_text(path, edited, strlen(edited)), 0);
    free(edited);
    return load_damaged(path, first, len, line);
}

static int32_t count_kind(const hv_order_log *log, hv_order_kind kind)
{
    int32_t n = 0;
    for (int32_t i = 0; i < log->count; i++)
        n += log->items[i].order.kind == kind;
    return n;
}

static int files_in_dir(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

/* Round trip of a conference game saved in the middle of week 21. */
static char *test_round_trip(const char *path)
{
    hv_level *level = load_level(HV_LEVEL_DIR "/conference.yaml");
    CHECK(level != NULL);
    if (!level)
        return NULL;
    hv_state *s = malloc(sizeof *s), *t = malloc(sizeof *t);
    hv_order_log log;
    hv_order_log_init(&log);
    hv_level_new_game(level, 11, s);
    /* Orders the bot may not give, so that every kind of header and order is covered. */
    hv_order o = {.kind = HV_ORDER_PRIORITY, .module = 1, .value = 7};
    hv_state_queue_order(s, &o);
    o = (hv_order){.kind = HV_ORDER_POLICY, .target = 0, .value = 1};
    hv_state_queue_order(s, &o);
    play(s, &log, 20);
    uint64_t after_20 = hv_state_hash(s);
    hv_bot_plan(HV_BOT_BALANCED, s);
    o = (hv_order){.kind = HV_ORDER_BUILD, .module_type = 0, .x = 1, .y = 1, .value = 99};
    hv_state_queue_order(s, &o); /* .value is unused: the save must hash it as it reads back */
    CHECK(count_kind(&log, HV_ORDER_BUILD) > 0);
    CHECK(count_kind(&log, HV_ORDER_ASSIGN) > 0);
    CHECK(count_kind(&log, HV_ORDER_POLICY) > 0);
    CHECK(count_kind(&log, HV_ORDER_ANSWER) > 0);
    char err[600] = "";
    CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), 0);
    CHECK_STR(err, "");

    hv_save_info info;
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_save_read_info(path, &info, &diag), 0);
    CHECK_STR(info.level, "levels/conference.yaml"); /* relative to the data folder */
    CHECK_STR(info.level_id, "conference");
    CHECK_STR(info.title, level->title);
    CHECK_EQ_INT(info.seed, 11);
    CHECK_EQ_INT(info.week, 20);
    CHECK(info.saved_at > 1700000000);
    CHECK_EQ_INT(info.play_on, 0);

    hv_level *level2 = NULL;
    hv_order_log log2;
    CHECK_EQ_INT(hv_save_load(path, &level2, t, &log2, &diag), 0);
    hv_diag_print(&diag, stderr);
    CHECK(level2 != NULL);
    if (level2) {
        CHECK_EQ_INT(hv_state_hash(t), info.state_hash);
        check_same_game(s, t, 0);
        CHECK_EQ_INT(log2.count, log.count);
        CHECK(t->rules == &level2->rules);
        /* Both games go on alike: the same week ended, then the bot plays. */
        CHECK_EQ_INT(hv_order_log_add_week(&log2, t), 0);
        CHECK_EQ_INT(hv_order_log_add_week(&log, s), 0);
        hv_end_turn(s, NULL);
        hv_end_turn(t, NULL);
        check_same_game(s, t, 1);
        play(s, &log, 8); /* both go on to the same end */
        play(t, &log2, 8);
        check_same_game(s, t, 1);
        CHECK_EQ_INT(log2.count, log.count);
        hv_level_free(level2);
        hv_order_log_free(&log2);
    }

    /* `sim --orders SAVE` replays the weeks played: the hash of week 20. */
    hv_orders_file orders;
    CHECK_EQ_INT(hv_orders_file_load(&orders, path, &level->rules, &diag), 0);
    hv_diag_print(&diag, stderr);
    hv_level_new_game(level, 11, t);
    int32_t next = 0;
    for (int week = 1; week <= 20; week++) {
        CHECK_EQ_INT(hv_orders_file_queue_week(&orders, &next, t), 0);
        CHECK_EQ_INT(hv_end_turn(t, NULL), HV_TURN_DONE);
    }
    CHECK_EQ_INT(hv_state_hash(t), after_20);
    hv_orders_file_free(&orders);
    hv_diag_free(&diag);

    size_t len = 0;
    char *text = hv_file_read_all(path, &len);
    free(s);
    free(t);
    hv_order_log_free(&log);
    hv_level_free(level);
    return text;
}

/* Saving again keeps the previous save; a failed write harms nothing. */
static void test_backup_and_failures(const char *path, const char *first_text)
{
    hv_level *level = load_level(HV_LEVEL_DIR "/tutorial.yaml");
    CHECK(level != NULL);
    if (!level)
        return;
    hv_state *s = malloc(sizeof *s);
    hv_order_log log;
    hv_order_log_init(&log);
    hv_level_new_game(level, 3, s);
    play(s, &log, 2);
    char err[600] = "", bak[400], other[300];
    CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), 0);
    snprintf(bak, sizeof bak, "%s.bak", path);
    char *kept = hv_file_read_all(bak, NULL);
    CHECK(kept && first_text && strcmp(kept, first_text) == 0);
    free(kept);
    char *now = hv_file_read_all(path, NULL);

    /* A folder that does not exist (and is not a slot folder). */
    path_in(other, sizeof other, "nope/deeper/game.yaml");
    CHECK_EQ_INT(hv_save_write(other, level, s, &log, err, sizeof err), -1);
    CHECK(strstr(err, "nope/deeper") != NULL);
    /* The previous save cannot be moved aside: the current one stays. */
    CHECK_EQ_INT(remove(bak), 0);
    char inside[420];
    snprintf(inside, sizeof inside, "%s/x", bak);
    CHECK_EQ_INT(mkdir(bak, 0755), 0);
    CHECK_EQ_INT(write_text(inside, "x", 1), 0);
    int before = files_in_dir();
    play(s, &log, 1);
    err[0] = '\0';
    CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), -1);
    CHECK(err[0] != '\0');
    char *after = hv_file_read_all(path, NULL);
    CHECK(now && after && strcmp(now, after) == 0);
    CHECK_EQ_INT(files_in_dir(), before); /* no temporary file left */
    free(after);
    remove(inside);
    rmdir(bak);
    /* A read-only folder (root may write anywhere, so only as a user). */
    if (geteuid() != 0) {
        char ro[300], ro_file[320];
        path_in(ro, sizeof ro, "readonly");
        snprintf(ro_file, sizeof ro_file, "%s/game.yaml", ro);
        CHECK_EQ_INT(mkdir(ro, 0755), 0);
        CHECK_EQ_INT(hv_save_write(ro_file, level, s, &log, err, sizeof err), 0);
        char *was = hv_file_read_all(ro_file, NULL);
        CHECK_EQ_INT(chmod(ro, 0555), 0);
        play(s, &log, 1);
        CHECK_EQ_INT(hv_save_write(ro_file, level, s, &log, err, sizeof err), -1);
        char *is = hv_file_read_all(ro_file, NULL);
        CHECK(was && is && strcmp(was, is) == 0);
        free(was);
        free(is);
        chmod(ro, 0755);
    }
    free(now);

    /* Slots live in DATA_DIR/saves, made on the first save. */
    char slot[400];
    hv_save_slot_path("/data", 0, slot, sizeof slot);
    CHECK_STR(slot, "/data/saves/autosave.yaml");
    hv_save_slot_path("/data", 9, slot, sizeof slot);
    CHECK_STR(slot, "/data/saves/slot9.yaml");
    hv_save_slot_path("/data", 10, slot, sizeof slot);
    CHECK_STR(slot, "");
    hv_save_slot_path("/a/very/long/folder", 1, slot, 10);
    CHECK_STR(slot, "");
    hv_save_slot_path(dir, 3, slot, sizeof slot);
    CHECK_EQ_INT(hv_save_write(slot, level, s, &log, err, sizeof err), 0);
    hv_diag diag;
    hv_diag_init(&diag);
    hv_save_info info;
    CHECK_EQ_INT(hv_save_read_info(slot, &info, &diag), 0);
    CHECK_EQ_INT(info.week, s->turn);
    CHECK_EQ_INT(info.seed, 3);
    hv_diag_free(&diag);

    free(s);
    hv_order_log_free(&log);
    hv_level_free(level);
}

/* Games that went on after their end, and seeds beyond int64_t. */
static void test_play_on_and_big_seed(void)
{
    char path[300];
    path_in(path, sizeof path, "play_on.yaml");
    hv_level *level = load_level(HV_TEST_DIR "/data/levels/no_oxygen.yaml");
    CHECK(level != NULL);
    if (!level)
        return;
    hv_state *s = malloc(sizeof *s), *t = malloc(sizeof *t);
    hv_order_log log, log2;
    hv_order_log_init(&log);
    hv_level_new_game(level, UINT64_MAX - 5, s);
    while (s->outcome == HV_OUTCOME_RUNNING && s->turn < 200)
        play(s, &log, 1);
    CHECK(s->outcome == HV_OUTCOME_LOST);
    hv_state_play_on(s);
    play(s, &log, 3);
    char err[600];
    CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), 0);
    char *text = hv_file_read_all(path, NULL);
    CHECK(text && strstr(text, "\nseed: 18446744073709551610\n") &&
          strstr(text, "\nplay_on: true\n"));
    free(text);
    hv_level *level2 = NULL;
    hv_diag diag;
    hv_diag_init(&diag);
    hv_save_info info;
    CHECK_EQ_INT(hv_save_read_info(path, &info, &diag), 0);
    CHECK_EQ_INT(info.play_on, 1);
    CHECK_EQ_INT(info.seed, UINT64_MAX - 5);
    CHECK_EQ_INT(hv_save_load(path, &level2, t, &log2, &diag), 0);
    hv_diag_print(&diag, stderr);
    if (level2) {
        check_same_game(s, t, 1);
        CHECK_EQ_INT(t->play_on, 1);
        hv_level_free(level2);
        hv_order_log_free(&log2);
    }
    hv_diag_free(&diag);
    free(s);
    free(t);
    hv_order_log_free(&log);
    hv_level_free(level);
}

/* Every way a save can be damaged is refused with its position. */
static void test_damaged(const char *text)
{
    char path[300], first[1200];
    int line;
    path_in(path, sizeof path, "damaged.yaml");
    size_t len = strlen(text);
    /* Cut short anywhere: refused, or (cut at a line end among the
     * queued orders) loaded, but never a crash or a leak. */
    int refused = 0, tries = 0;
    for (size_t cut = 0; cut < len; cut += 1 + cut / 8) {
        CHECK_EQ_INT(write_text(path, text, cut), 0);
        refused += load_damaged(path, first, sizeof first, &line) != 0;
        tries++;
    }
    CHECK(refused >= tries - 3);

    CHECK_EQ_INT(load_edited(text, "state_hash: \"", "state_hash: \"0000000000000000\"\n", 1, first,
                             sizeof first, &line),
                 -1);
    CHECK(strstr(first, "state_hash: the save does not match this level or this version of the "
                        "rules (hash ") == first);
    CHECK_EQ_INT(line, 9);
    /* An absolute path is not opened; the level is found by its id. */
    CHECK_EQ_INT(load_edited(text, "level: \"", "level: \"/no/such/level.yaml\"\n", 1, first,
                             sizeof first, &line),
                 0);
    CHECK_EQ_INT(load_edited(text, "level_id: conference", "level_id: nowhere", 0, first,
                             sizeof first, &line),
                 -1);
    CHECK(strstr(first, "level_id: 'levels/conference.yaml' now holds level 'conference', and no "
                        "level 'nowhere' was found elsewhere: levels are looked for") == first);
    CHECK_EQ_INT(line, 5);
    /* Another level's id: that level is played, and the orders do not fit it. */
    CHECK_EQ_INT(load_edited(text, "level_id: conference", "level_id: tutorial", 0, first,
                             sizeof first, &line),
                 -1);
    CHECK(first[0] != '\0');
    CHECK_EQ_INT(load_edited(text, "do: build", "do: fly", 0, first, sizeof first, &line), -1);
    CHECK(strstr(first, "'fly' is not one of") != NULL && line > 12);
    CHECK_EQ_INT(
        load_edited(text, "week: 20", "week: 99999999999999999999", 0, first, sizeof first, &line),
        -1);
    CHECK_STR(first, "week: 99999999999999999999 is out of range (0..99999)");
    CHECK_EQ_INT(
        load_edited(text, "seed: 11", "seed: 18446744073709551616", 0, first, sizeof first, &line),
        -1);
    CHECK(strstr(first, "seed: expected a whole number from 0 to 18446744073709551615") == first);
    CHECK_EQ_INT(load_edited(text, "week: 20", "week: \"20\"", 0, first, sizeof first, &line), -1);
    CHECK_STR(first, "week: expected a whole number, got quoted text");
    CHECK_EQ_INT(load_edited(text, "seed: 11\n", "", 0, first, sizeof first, &line), -1);
    CHECK_STR(first, "missing required key 'seed'");
    /* More weeks than the orders cover: an event then waits unanswered. */
    CHECK_EQ_INT(load_edited(text, "week: 20", "week: 400", 0, first, sizeof first, &line), -1);
    CHECK(strstr(first, "cannot end: an event waits for an answer") != NULL ||
          strstr(first, "the game ended in week") != NULL);
    /* The answer to an event taken out. */
    CHECK_EQ_INT(
        load_edited(text, "do: answer", "do: export, amount: 1} #", 0, first, sizeof first, &line),
        -1);
    CHECK(first[0] != '\0');
    /* An order for a week after the one being played. */
    CHECK_EQ_INT(load_edited(text, "orders:\n",
                             "orders:\n  - {week: 23, do: demolish, module: 1}\n", 0, first,
                             sizeof first, &line),
                 -1);
    CHECK_STR(first, "orders[0]: an order for week 23, after the week being played (21)");
    CHECK_EQ_INT(line, 12);
    /* A plain orders file is not a save. */
    CHECK_EQ_INT(load_edited(text, "kind: save", "kind: orders", 0, first, sizeof first, &line),
                 -1);
    CHECK_STR(first, "kind: 'orders' is not 'save'");

    /* Garbage: bytes that are not text, and text that is not YAML. */
    static const char garbage[] = "\x7f"
                                  "ELF\x02\x01\x01\x00\xff\xfe garbage \x01\x02";
    CHECK_EQ_INT(write_text(path, garbage, sizeof garbage - 1), 0);
    CHECK_EQ_INT(load_damaged(path, first, sizeof first, &line), -1);
    CHECK_EQ_INT(write_text(path, "{{{[[[: :", 9), 0);
    CHECK_EQ_INT(load_damaged(path, first, sizeof first, &line), -1);
    CHECK_EQ_INT(write_text(path, "", 0), 0);
    CHECK_EQ_INT(load_damaged(path, first, sizeof first, &line), -1);
    path_in(path, sizeof path, "missing.yaml");
    CHECK_EQ_INT(load_damaged(path, first, sizeof first, &line), -1);
    CHECK_EQ_INT(line, 0);
}

/* The orders loader takes saves and refuses their header in orders files. */
static void test_orders_loader(const char *save_path)
{
    hv_level *level = load_level(HV_LEVEL_DIR "/conference.yaml");
    CHECK(level != NULL);
    if (!level)
        return;
    char path[300];
    path_in(path, sizeof path, "plain.yaml");
    static const char plain[] = "format: 1\nkind: orders\nseed: 3\norders: []\nweek: x\n";
    CHECK_EQ_INT(write_text(path, plain, strlen(plain)), 0);
    hv_orders_file orders;
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_orders_file_load(&orders, path, &level->rules, &diag), -1);
    CHECK_EQ_INT(diag.count, 2);
    if (diag.count == 2) {
        CHECK_EQ_INT(diag.entries[0].line, 3);
        CHECK_EQ_INT(diag.entries[0].col, 1);
        CHECK_STR(diag.entries[0].message,
                  "seed: only a save (kind: save) has this key, not an orders file");
        CHECK_STR(diag.entries[1].message,
                  "week: only a save (kind: save) has this key, not an orders file");
    }
    hv_diag_free(&diag);
    hv_diag_init(&diag);
    /* A save reads as an orders file against its own level's rules. */
    hv_level *saved = load_level(HV_LEVEL_DIR "/tutorial.yaml");
    CHECK(saved != NULL);
    CHECK_EQ_INT(hv_orders_file_load(&orders, save_path, saved ? &saved->rules : &level->rules,
                                     &diag),
                 0);
    hv_diag_print(&diag, stderr);
    hv_level_free(saved);
    CHECK(orders.count > 0);
    hv_orders_file_free(&orders);
    hv_diag_free(&diag);

    /* hv_order_log_write: the text of the terminal's save-orders. */
    hv_order_log log;
    hv_order_log_init(&log);
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    CHECK_EQ_INT(hv_order_log_write(m, &level->rules, &log), 0);
    fclose(m);
    CHECK_STR(text, "format: 1\nkind: orders\norders: []\n");
    free(text);
    hv_state *s = malloc(sizeof *s);
    hv_level_new_game(level, 1, s);
    hv_order o = {.kind = HV_ORDER_ASSIGN, .person = 2, .module = 3};
    hv_state_queue_order(s, &o);
    o = (hv_order){.kind = HV_ORDER_ANSWER, .value = 0};
    hv_state_queue_order(s, &o);
    CHECK_EQ_INT(hv_order_log_add_week(&log, s), 0);
    CHECK_EQ_INT(hv_order_log_add_week(&log, s), 0); /* the week is recorded once */
    o = (hv_order){.kind = HV_ORDER_EXPORT, .value = 5};
    hv_state_queue_order(s, &o);
    s->turn = 4;
    CHECK_EQ_INT(hv_order_log_add_week(&log, s), 0);
    m = open_memstream(&text, &len);
    CHECK_EQ_INT(hv_order_log_write(m, &level->rules, &log), 0);
    fclose(m);
    CHECK_STR(text, "format: 1\nkind: orders\norders:\n"
                    "  - {week: 1, do: assign, person: 2, module: 3}\n"
                    "  - {week: 1, do: answer, choice: 1}\n"
                    "  - {week: 5, do: assign, person: 2, module: 3}\n"
                    "  - {week: 5, do: answer, choice: 1}\n"
                    "  - {week: 5, do: export, amount: 5}\n");
    free(text);
    /* An order no file can hold is refused, not written half. */
    log.items[0].order.value = 0;
    log.items[0].order.kind = HV_ORDER_PRIORITY;
    m = open_memstream(&text, &len);
    CHECK_EQ_INT(hv_order_log_write(m, &level->rules, &log), -1);
    fclose(m);
    free(text);
    free(s);
    hv_order_log_free(&log);
    hv_level_free(level);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char path[300];
    path_in(path, sizeof path, "game.yaml");
    char *text = test_round_trip(path);
    CHECK(text != NULL);
    if (text) {
        test_backup_and_failures(path, text);
        test_play_on_and_big_seed();
        test_damaged(text);
        test_orders_loader(path);
    }
    free(text);
    /* Clean up the temporary folder, whatever the tests left there. */
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return hv_test_done("data_save");
}
