/* Saves a player can trust: a save cut short or damaged gives back its
 * .bak, a write never replaces the only good copy, stale temporary files
 * go, the largest save the format allows writes and reads back, and a
 * save whose level moved or changed still loads, with notes, while its
 * `level:` never opens a file outside the game's folders. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hv_file.h"
#include "hv_level.h"
#include "hv_save.h"
#include "hv_save_level.h"
#include "hv_test.h"
#include "hv_turn.h"

static char dir[] = "/tmp/hv_trust_XXXXXX";

static void path_in(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", dir, name);
}

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t n = fwrite(text, 1, strlen(text), f);
    return fclose(f) == 0 && n == strlen(text) ? 0 : -1;
}

static int run(const char *cmd)
{
    return system(cmd) == 0 ? 0 : -1;
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

/* Plays WEEKS weeks giving no orders but answers, recording them as the
 * window does. */
static void play(hv_state *s, hv_order_log *log, int32_t weeks)
{
    for (int32_t i = 0; i < weeks; i++) {
        if (s->pending >= 0) {
            hv_order answer = {.kind = HV_ORDER_ANSWER, .value = 0};
            hv_state_queue_order(s, &answer);
        }
        CHECK_EQ_INT(hv_order_log_add_week(log, s), 0);
        CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
        CHECK_EQ_INT(hv_order_log_end_week(log, s), 0);
    }
}

typedef struct loaded {
    int rc;
    uint64_t hash;
    int32_t week;
    hv_save_notes notes;
    char first[600]; /* the first error */
} loaded;

static loaded load_noting(const char *path)
{
    loaded out;
    memset(&out, 0, sizeof out);
    hv_level *level = NULL;
    hv_state *s = malloc(sizeof *s);
    hv_order_log log;
    hv_diag diag;
    hv_diag_init(&diag);
    out.rc = hv_save_load_noting(path, &level, s, &log, NULL, &diag, NULL, &out.notes);
    if (out.rc == 0) {
        out.hash = hv_state_hash(s);
        out.week = s->turn;
        hv_order_log_free(&log);
        hv_level_free(level);
    } else if (diag.count) {
        snprintf(out.first, sizeof out.first, "%s", diag.entries[0].message);
    }
    hv_diag_free(&diag);
    free(s);
    return out;
}

/* The .bak is loaded whenever the save itself cannot be, and a write
 * never renames a damaged file over a good .bak. */
static void test_backup_fallback(void)
{
    hv_level *level = load_level(HV_LEVEL_DIR "/tutorial.yaml");
    CHECK(level != NULL);
    if (!level)
        return;
    hv_state *s = malloc(sizeof *s);
    hv_order_log log;
    hv_order_log_init(&log);
    hv_level_new_game(level, 5, s);
    play(s, &log, 2);
    char path[300], bak[320], err[600];
    path_in(path, sizeof path, "game.yaml");
    snprintf(bak, sizeof bak, "%s.bak", path);
    CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), 0);
    uint64_t week2 = hv_state_hash(s);
    play(s, &log, 1);
    CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), 0);
    uint64_t week3 = hv_state_hash(s);
    char *good_bak = hv_file_read_all(bak, NULL);
    CHECK(good_bak != NULL);

    loaded l = load_noting(path);
    CHECK(l.rc == 0 && l.hash == week3 && !l.notes.from_backup && !l.notes.text[0]);
    /* Killed between the renames of the old writer: only the .bak is left. */
    CHECK_EQ_INT(unlink(path), 0);
    l = load_noting(path);
    CHECK(l.rc == 0 && l.hash == week2 && l.notes.from_backup);
    CHECK(strstr(l.notes.text, "game.yaml.bak was loaded instead") != NULL);
    hv_save_info info;
    hv_diag diag;
    hv_diag_init(&diag);
    int from_backup = 0;
    CHECK_EQ_INT(hv_save_read_info_noting(path, &info, &diag, &from_backup), 0);
    CHECK(from_backup == 1 && info.week == 2);
    hv_diag_free(&diag);
    /* Damaged in three ways: cut short, not a save, a hash that is not reached. */
    static const char *const damage[] = {"format: 1\nkind: save\nlevel: \"lev", "\x01\x02garbage",
                                         NULL};
    for (int i = 0; i < 3; i++) {
        if (damage[i]) {
            CHECK_EQ_INT(write_text(path, damage[i]), 0);
        } else {
            CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), 0);
            char cmd[700];
            snprintf(cmd, sizeof cmd,
                     "sed -i 's/^state_hash: .*/state_hash: \"0123456789abcdef\"/' '%s'", path);
            CHECK_EQ_INT(run(cmd), 0);
            /* The write kept the previous save, which must still be week 2's. */
            CHECK_EQ_INT(write_text(bak, good_bak ? good_bak : ""), 0);
        }
        l = load_noting(path);
        CHECK(l.rc == 0 && l.hash == week2 && l.notes.from_backup);
        CHECK(strstr(l.notes.damage, "/game.yaml:") != NULL);
    }
    /* The last of them reads as a save, but its game is damaged. Loaded
     * as the window loads it, the game remembers that; saving over it then
     * keeps the good .bak instead of making the damaged file the backup. */
    hv_level *again = NULL;
    hv_state *g = malloc(sizeof *g);
    hv_order_log glog;
    hv_origin origin;
    hv_save_notes notes;
    memset(&origin, 0, sizeof origin);
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_save_load_noting(path, &again, g, &glog, &origin, &diag, NULL, &notes), 0);
    hv_diag_free(&diag);
    CHECK(notes.from_backup && strcmp(origin.damaged, path) == 0);
    if (again) {
        CHECK_EQ_INT(hv_save_write_origin(path, again, g, &glog, &origin, err, sizeof err), 0);
        char *after = hv_file_read_all(bak, NULL);
        CHECK(after && good_bak && strcmp(after, good_bak) == 0);
        free(after);
        hv_order_log_free(&glog);
        hv_level_free(again);
    }
    free(g);
    /* Saving over a damaged file keeps the good .bak as it was. */
    CHECK_EQ_INT(write_text(path, "\x01\x02garbage"), 0);
    CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), 0);
    char *kept = hv_file_read_all(bak, NULL);
    CHECK(kept && good_bak && strcmp(kept, good_bak) == 0);
    free(kept);
    /* ... and so does saving where the file is missing. */
    CHECK_EQ_INT(unlink(path), 0);
    CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), 0);
    kept = hv_file_read_all(bak, NULL);
    CHECK(kept && good_bak && strcmp(kept, good_bak) == 0);
    free(kept);
    /* With neither file readable, the save's own error is reported. */
    CHECK_EQ_INT(write_text(path, "\x01"), 0);
    CHECK_EQ_INT(write_text(bak, "\x01"), 0);
    l = load_noting(path);
    CHECK(l.rc == -1 && l.first[0] != '\0');
    free(good_bak);
    free(s);
    hv_order_log_free(&log);
    hv_level_free(level);
}

/* Temporary files of a write cut short go once they are a minute old. */
static void test_stale_temps(void)
{
    hv_level *level = load_level(HV_LEVEL_DIR "/tutorial.yaml");
    CHECK(level != NULL);
    if (!level)
        return;
    hv_state *s = malloc(sizeof *s);
    hv_order_log log;
    hv_order_log_init(&log);
    hv_level_new_game(level, 5, s);
    char path[300], old[320], fresh[320], other[320], err[600];
    path_in(path, sizeof path, "temps.yaml");
    snprintf(old, sizeof old, "%s.tmpAbC123", path);
    snprintf(fresh, sizeof fresh, "%s.tmpXyZ789", path);
    path_in(other, sizeof other, "temps.yaml.tmpnotmine"); /* not what mkstemp makes */
    CHECK_EQ_INT(write_text(old, "half a sa"), 0);
    CHECK_EQ_INT(write_text(fresh, "another game's write"), 0);
    CHECK_EQ_INT(write_text(other, "x"), 0);
    struct timespec times[2] = {{time(NULL) - 120, 0}, {time(NULL) - 120, 0}};
    CHECK_EQ_INT(utimensat(AT_FDCWD, old, times, 0), 0);
    CHECK_EQ_INT(utimensat(AT_FDCWD, other, times, 0), 0);
    CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), 0);
    CHECK(access(old, F_OK) != 0);
    CHECK(access(fresh, F_OK) == 0);
    CHECK(access(other, F_OK) == 0);
    CHECK_EQ_INT(hv_file_clean_temps(path, 0), 1); /* all of them, when asked */
    CHECK(access(fresh, F_OK) != 0);
    /* A folder's cleaning takes what any YAML file's write left, and only that. */
    char settings[320], progress[320], text[320];
    path_in(settings, sizeof settings, "settings.yaml.tmpQ1w2E3");
    path_in(progress, sizeof progress, "campaign-season.yaml.tmpR4t5Y6");
    path_in(text, sizeof text, "notes.txt.tmpU7i8O9");
    CHECK_EQ_INT(write_text(settings, "half"), 0);
    CHECK_EQ_INT(write_text(progress, "half"), 0);
    CHECK_EQ_INT(write_text(text, "mine"), 0);
    CHECK_EQ_INT(utimensat(AT_FDCWD, settings, times, 0), 0);
    CHECK_EQ_INT(utimensat(AT_FDCWD, progress, times, 0), 0);
    CHECK_EQ_INT(utimensat(AT_FDCWD, text, times, 0), 0);
    CHECK_EQ_INT(hv_file_clean_folder_temps(dir, 60), 2);
    CHECK(access(settings, F_OK) != 0 && access(progress, F_OK) != 0 && access(text, F_OK) == 0);
    free(s);
    hv_order_log_free(&log);
    hv_level_free(level);
}

/* Copies the shipped tutorial and its rules into FOLDER/SUB. */
static void copy_tutorial(const char *folder, const char *sub)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/%s/rules' && cp '%s/tutorial.yaml' '%s/%s/' && "
             "cp '%s/rules/base.yaml' '%s/%s/rules/'",
             folder, sub, HV_LEVEL_DIR, folder, sub, HV_LEVEL_DIR, folder, sub);
    CHECK_EQ_INT(run(cmd), 0);
}

/* A level's path is kept relative to its data folder; a level moved is
 * found by its id, a level changed still plays; nothing outside the
 * folders is opened. */
static void test_level_moves(void)
{
    char root[300], saves[300], cmd[1500], err[600], level_path[400], save[400];
    path_in(root, sizeof root, "root");
    path_in(saves, sizeof saves, "saves");
    copy_tutorial(root, "levels");
    CHECK_EQ_INT(mkdir(saves, 0755), 0);
    hv_file_set_data_folders(root, NULL);
    snprintf(level_path, sizeof level_path, "%s/levels/tutorial.yaml", root);
    hv_level *level = load_level(level_path);
    CHECK(level != NULL);
    if (!level)
        return;
    hv_state *s = malloc(sizeof *s);
    hv_order_log log;
    hv_order_log_init(&log);
    hv_level_new_game(level, 9, s);
    play(s, &log, 6);
    snprintf(save, sizeof save, "%s/game.yaml", saves);
    CHECK_EQ_INT(hv_save_write(save, level, s, &log, err, sizeof err), 0);
    uint64_t hash = hv_state_hash(s);
    char *text = hv_file_read_all(save, NULL);
    CHECK(text && strstr(text, "\nlevel: \"levels/tutorial.yaml\"\n") != NULL);
    CHECK(text && strstr(text, "\nweek_hashes:\n  - \"") != NULL);
    free(text);
    loaded l = load_noting(save);
    CHECK(l.rc == 0 && l.hash == hash && !l.notes.text[0]);

    /* Moved to another folder under levels/. */
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/levels/old' && mv '%s/levels/tutorial.yaml' '%s/levels/rules' "
             "'%s/levels/old/'",
             root, root, root, root);
    CHECK_EQ_INT(run(cmd), 0);
    l = load_noting(save);
    CHECK(l.rc == 0 && l.hash == hash && l.notes.level_moved && !l.notes.differs);
    CHECK(strstr(l.notes.level, "levels/old/tutorial.yaml") != NULL);
    CHECK(strstr(l.notes.text, "found at") != NULL);
    /* Rebalanced: the spaceport's upkeep went up. */
    snprintf(cmd, sizeof cmd, "sed -i 's/upkeep: 5}/upkeep: 40}/' '%s/levels/old/tutorial.yaml'",
             root);
    CHECK_EQ_INT(run(cmd), 0);
    l = load_noting(save);
    CHECK(l.rc == 0 && l.week == 6 && l.hash != hash && l.notes.differs);
    CHECK(l.notes.first_differs >= 1 && l.notes.first_differs <= 6);
    CHECK(strstr(l.notes.text, "now differs from the game saved from week ") != NULL);
    /* The exact load still refuses it, with why. */
    hv_level *lv = NULL;
    hv_diag diag;
    hv_diag_init(&diag);
    hv_order_log_free(&log); /* the load fills it anew */
    CHECK_EQ_INT(hv_save_load(save, &lv, s, &log, &diag), -1);
    CHECK(diag.count > 0 && strstr(diag.entries[0].message, "state_hash: the save does not match"));
    hv_diag_free(&diag);

    /* Paths out of the folders are never opened: an absolute one, `..`,
     * and a link out of the data folder; the message names the folders
     * and quotes nothing of the file. */
    char outside[400];
    path_in(outside, sizeof outside, "outside");
    copy_tutorial(outside, "levels");
    snprintf(cmd, sizeof cmd,
             "sed -i 's/^id: tutorial/id: outsider/' '%s/levels/tutorial.yaml' && "
             "ln -s '%s/levels/tutorial.yaml' '%s/levels/link.yaml' && "
             "printf 'secret: hidden-value\\n' > '%s/secret.yaml'",
             outside, outside, root, dir);
    CHECK_EQ_INT(run(cmd), 0);
    static const char *const paths[] = {"../outside/levels/tutorial.yaml", "levels/link.yaml",
                                        NULL};
    char abs_path[500];
    snprintf(abs_path, sizeof abs_path, "%s/levels/tutorial.yaml", outside);
    for (int i = 0; i < 3; i++) {
        const char *p = paths[i] ? paths[i] : abs_path;
        char body[1200], evil[400];
        snprintf(evil, sizeof evil, "%s/evil%d.yaml", saves, i);
        snprintf(body, sizeof body,
                 "format: 1\nkind: save\nlevel: \"%s\"\nlevel_id: outsider\ntitle: x\nseed: 1\n"
                 "week: 0\nstate_hash: \"0000000000000000\"\nsaved_at: 0\norders: []\n",
                 p);
        CHECK_EQ_INT(write_text(evil, body), 0);
        l = load_noting(evil);
        CHECK_EQ_INT(l.rc, -1);
        CHECK(strstr(l.first, "level: the level 'outsider'") == l.first);
        CHECK(strstr(l.first, "levels are looked for") != NULL);
    }
    char evil[400], body[600];
    snprintf(evil, sizeof evil, "%s/evil9.yaml", saves);
    snprintf(body, sizeof body,
             "format: 1\nkind: save\nlevel: \"../secret.yaml\"\nlevel_id: x\ntitle: x\nseed: 1\n"
             "week: 0\nstate_hash: \"0000000000000000\"\nsaved_at: 0\norders: []\n");
    CHECK_EQ_INT(write_text(evil, body), 0);
    l = load_noting(evil);
    /* The folders the message names come from mkdtemp, which never
     * writes a '-': the file's value cannot appear in them by chance. */
    CHECK(l.rc == -1 && l.first[0] && strstr(l.first, "hidden-value") == NULL &&
          strstr(l.first, "secret:") == NULL);
    hv_file_set_data_folders(HV_LEVEL_DIR "/..", NULL);
    free(s);
    hv_order_log_free(&log);
    hv_level_free(level);
}

/* The largest save the format allows: HV_ORDERS_MAX orders, written,
 * read back and replayed, and the reader takes a file of the full size. */
static void test_maximal_save(void)
{
    /* The longest lines fit the computed bound. */
    hv_level *level = load_level(HV_LEVEL_DIR "/asteroid_window.yaml");
    CHECK(level != NULL);
    if (!level)
        return;
    const hv_rules *r = &level->rules;
    hv_order capture = {.kind = HV_ORDER_CAPTURE,
                        .target = 0,
                        .person = 1000000,
                        .person2 = 1000000,
                        .value = HV_DEST_EARTH};
    hv_order policy = {.kind = HV_ORDER_POLICY, .target = 0, .value = 0};
    char *line = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&line, &len);
    CHECK_EQ_INT(hv_orders_file_write_order(m, r, HV_ORDERS_MAX_WEEK, &capture), 0);
    fclose(m);
    CHECK(strlen(line) - strlen(r->asteroids[0].id) + HV_ID_LEN - 1 <= HV_ORDER_LINE_MAX);
    free(line);
    m = open_memstream(&line, &len);
    CHECK_EQ_INT(hv_orders_file_write_order(m, r, HV_ORDERS_MAX_WEEK, &policy), 0);
    fclose(m);
    CHECK(strlen(line) - strlen(r->policies[0].id) - strlen(r->policies[0].options[0].id) +
              2 * (HV_ID_LEN - 1) <=
          HV_ORDER_LINE_MAX);
    free(line);

    hv_state *s = malloc(sizeof *s), *t = malloc(sizeof *t);
    hv_order_log log;
    hv_order_log_init(&log);
    hv_level_new_game(level, 2, s);
    hv_state_play_on(s); /* the weeks go on whatever happens */
    hv_order o = {.kind = HV_ORDER_CAPTURE,
                  .target = 0,
                  .person = 999999,
                  .person2 = 999999,
                  .value = HV_DEST_EARTH};
    int32_t given = 0;
    while (given < HV_ORDERS_MAX) {
        if (s->pending >= 0) {
            hv_order answer = {.kind = HV_ORDER_ANSWER, .value = 0};
            hv_state_queue_order(s, &answer);
            given++;
        }
        while (given < HV_ORDERS_MAX && s->order_count < HV_MAX_ORDERS &&
               hv_state_queue_order(s, &o) == 0)
            given++;
        if (given == HV_ORDERS_MAX)
            break; /* the last ones stay queued, as in a save made mid-week */
        CHECK_EQ_INT(hv_order_log_add_week(&log, s), 0);
        CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
        CHECK_EQ_INT(hv_order_log_end_week(&log, s), 0);
    }
    char path[300], err[600] = "";
    path_in(path, sizeof path, "maximal.yaml");
    CHECK_EQ_INT(hv_save_write(path, level, s, &log, err, sizeof err), 0);
    CHECK_STR(err, "");
    size_t size = 0;
    char *text = hv_file_read_all(path, &size);
    CHECK(text != NULL && size > 1048576 && size <= HV_SAVE_MAX_BYTES);
    hv_level *level2 = NULL;
    hv_order_log log2;
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_save_load(path, &level2, t, &log2, &diag), 0);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    hv_save_info info;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_save_read_info(path, &info, &diag), 0);
    hv_diag_free(&diag);
    CHECK_EQ_INT(hv_state_hash(t), info.state_hash);
    CHECK_EQ_INT(t->turn, s->turn);
    CHECK_EQ_INT(log2.count + t->order_count, HV_ORDERS_MAX);
    hv_order_log_free(&log2);
    hv_level_free(level2);
    /* Padded to the full size the format allows, it still reads; a byte
     * more is refused. */
    if (text && size <= HV_SAVE_MAX_BYTES) {
        size_t full = HV_SAVE_MAX_BYTES;
        char *big = malloc(full + 2);
        memcpy(big, text, size);
        memset(big + size, ' ', full - size);
        big[size] = '#';
        big[full - 1] = '\n';
        big[full] = '\0';
        char padded[300];
        path_in(padded, sizeof padded, "full.yaml");
        CHECK_EQ_INT(write_text(padded, big), 0);
        hv_diag_init(&diag);
        CHECK_EQ_INT(hv_save_load(padded, &level2, t, &log2, &diag), 0);
        hv_diag_free(&diag);
        hv_order_log_free(&log2);
        hv_level_free(level2);
        big[full] = '\n';
        big[full + 1] = '\0';
        CHECK_EQ_INT(write_text(padded, big), 0);
        hv_diag_init(&diag);
        CHECK_EQ_INT(hv_save_load(padded, &level2, t, &log2, &diag), -1);
        CHECK(diag.count > 0 && strstr(diag.entries[0].message, "file is larger than"));
        hv_diag_free(&diag);
        free(big);
    }
    free(text);
    free(s);
    free(t);
    hv_order_log_free(&log);
    hv_level_free(level);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    hv_file_set_data_folders(HV_LEVEL_DIR "/..", NULL);
    test_backup_fallback();
    test_stale_temps();
    test_level_moves();
    test_maximal_save();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return hv_test_done("data_save_trust");
}
