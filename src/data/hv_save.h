/* hv_save: saved games and the log of orders they are made of. A save is
 * the level file, the seed and every order given, week by week, in the
 * orders-file format with a header (docs/save-format.md). Loading replays
 * those orders through hv_end_turn, so a loaded game is the very state it
 * was saved at (the header's state hash proves it), and `happyvalley sim`
 * can replay a save headless to the same hash. */
#ifndef HV_SAVE_H
#define HV_SAVE_H

#include <stdint.h>
#include <stdio.h>

#include "hv_carry.h"
#include "hv_diag.h"
#include "hv_event.h"
#include "hv_level.h"
#include "hv_orders_file.h"

/* Every order given in a game so far, in the order given. */
typedef struct hv_order_log {
    hv_timed_order *items;
    int32_t count, cap;
    /* The first 32 bits of the state hash after each week ended, week 1
     * first: a save keeps them so that a replay can tell the first week
     * that went differently. */
    uint32_t *hashes;
    int32_t hash_count, hash_cap;
} hv_order_log;

/* Starts an empty log. */
void hv_order_log_init(hv_order_log *log);
/* Frees the log's orders. */
void hv_order_log_free(hv_order_log *log);
/* Records the orders queued in STATE under week STATE->turn + 1; call it
 * right before hv_end_turn. 0, or -1 when out of memory. */
int hv_order_log_add_week(hv_order_log *log, const hv_state *state);
/* Records the state hash after week STATE->turn ended; call it right after
 * hv_end_turn played a week. 0, or -1 when out of memory. */
int hv_order_log_end_week(hv_order_log *log, const hv_state *state);
/* Writes `format`, `kind: orders` and the log as an orders file that
 * `sim --orders` reads back. 0, or -1 on a write error. */
int hv_order_log_write(FILE *out, const hv_rules *rules, const hv_order_log *log);

/* Weeks per line of a save's `week_hashes`, 8 hex digits each. */
#define HV_SAVE_HASH_WEEKS 64
/* The longest header a save can have: every value is written in at most
 * four bytes per byte of the struct it is read into (a \xNN escape, the
 * digits of a number, the punctuation of a list), plus the keys. */
#define HV_SAVE_HEAD_MAX (4 * sizeof(struct hv_save_info) + 4096)
/* The largest save the format allows: its header, HV_ORDERS_MAX orders of
 * the longest kind and the hashes of HV_ORDERS_MAX_WEEK weeks. Saves and
 * orders files are read up to this size, so that whatever the game can
 * write it can read back. */
#define HV_SAVE_MAX_BYTES                                                                          \
    (HV_SAVE_HEAD_MAX + (size_t)HV_ORDERS_MAX * HV_ORDER_LINE_MAX +                                \
     (size_t)(HV_ORDERS_MAX_WEEK + HV_SAVE_HASH_WEEKS - 1) / HV_SAVE_HASH_WEEKS *                  \
         (8 * HV_SAVE_HASH_WEEKS + sizeof "  - \"\"\n"))
/* YAML nodes of the largest save: an order is a map of at most 6 keys. */
#define HV_SAVE_MAX_NODES                                                                          \
    (HV_SAVE_HEAD_MAX + (size_t)HV_ORDERS_MAX * (1 + 2 * 6) +                                      \
     (size_t)HV_ORDERS_MAX_WEEK / HV_SAVE_HASH_WEEKS + 8)

#define HV_SAVE_SLOTS 9 /* slot 0 is the autosave; 1..9 are the player's */

/* Where a game came from: a level on its own, or a level of a campaign
 * with what the levels before it handed on. */
typedef struct hv_origin {
    char campaign[HV_ID_LEN]; /* the campaign's id, or "" */
    int32_t stage;            /* the level's place in it, from 1; 0 on its own */
    hv_carry carry;           /* applied to the first week's state */
    /* The save this game was loaded in place of, being damaged, from its
     * .bak: a later save to it must not make it the .bak, the only good
     * copy. Never written; "" for none. */
    char damaged[HV_FILE_LEN + 8];
} hv_origin;

/* What a save's header says, for a list of slots. */
typedef struct hv_save_info {
    char level[HV_FILE_LEN]; /* level file, as it was loaded */
    char level_id[HV_ID_LEN];
    char title[HV_TITLE_LEN];
    uint64_t seed;
    int32_t week;        /* weeks played */
    uint64_t state_hash; /* after those weeks, with this week's orders queued */
    int64_t saved_at;    /* seconds since 1970, UTC; shown to the player only */
    int32_t play_on;     /* the weeks went on after the game was won or lost */
    hv_origin origin;
} hv_save_info;

/* Writes STATE, played on LEVEL with every order in LOG plus the orders
 * queued now, to PATH atomically, keeping a previous file as PATH.bak.
 * 0, or -1 with a sentence in ERR. */
int hv_save_write(const char *path, const hv_level *level, const hv_state *state,
                  const hv_order_log *log, char *err, size_t err_len);
/* hv_save_write for a game of a campaign: ORIGIN (NULL: a level on its
 * own) is written to the header, and loading starts from its carry. A
 * save over ORIGIN's damaged file keeps the .bak as it is. */
int hv_save_write_origin(const char *path, const hv_level *level, const hv_state *state,
                         const hv_order_log *log, const hv_origin *origin, char *err,
                         size_t err_len);
/* Reads only the header of the save at PATH. 0, or -1 with errors in DIAG. */
int hv_save_read_info(const char *path, hv_save_info *info, hv_diag *diag);
/* Loads the save at PATH exactly as saved: its level (found by its id when
 * it moved), a replay of its orders to the saved
 * week (this week's orders queued again) and a check of the state hash.
 * On success *LEVEL (caller frees), STATE and LOG hold the game; on any
 * error nothing is kept and DIAG says FILE:LINE:COL why. 0 or -1. */
int hv_save_load(const char *path, hv_level **level, hv_state *state, hv_order_log *log,
                 hv_diag *diag);
/* What a load shows of each week it replays: WEEK gets the state before
 * the week ended (its orders queued), after it, and its report; first it
 * gets the state at the start, with BEFORE and REPORT NULL. A load that
 * tries the backup, or a second way, starts again with such a call. */
typedef struct hv_save_watch {
    void (*week)(const hv_state *before, const hv_state *after, const hv_report *report, void *ctx);
    void *ctx;
} hv_save_watch;

/* hv_save_load that shows WATCH every week of the replay, so a caller can
 * keep a history without playing the game a second time. */
int hv_save_load_watching(const char *path, hv_level **level, hv_state *state, hv_order_log *log,
                          hv_diag *diag, const hv_save_watch *watch);
/* hv_save_load_watching that also gives the game's ORIGIN (may be NULL). */
int hv_save_load_origin(const char *path, hv_level **level, hv_state *state, hv_order_log *log,
                        hv_origin *origin, hv_diag *diag, const hv_save_watch *watch);
/* What a load had to do to give the player a game, for a note. */
typedef struct hv_save_notes {
    int from_backup;  /* the file was missing or damaged: FILE.bak was loaded */
    int level_moved;  /* the level was not at the save's path: found by its id */
    int differs;      /* the replay did not reach the game saved (level or rules changed) */
    int32_t skipped;  /* orders that no longer apply, left out */
    int32_t answered; /* questions the save had no answer for: first choice taken */
    int32_t ended;    /* the week the game now ended in, before the week saved; or 0 */
    int32_t first_differs; /* the first week whose hash is not the saved one; 0 unknown */
    char loaded[HV_FILE_LEN + 8];  /* the file loaded: the save or its .bak */
    char level[HV_FILE_LEN * 2];   /* the level file played */
    char damage[400];              /* why the save itself was not loaded */
    char text[1024]; /* all of that in sentences for the player; "" when all is as saved */
} hv_save_notes;

/* hv_save_load_origin as the game loads a player's save: when PATH is
 * missing, unreadable or damaged (does not parse, replay or reach its
 * hash) and PATH.bak loads, PATH.bak is loaded; a level that moved is
 * found by its id; and a save whose level or rules changed since is
 * replayed under the new ones, leaving out orders that no longer apply
 * and taking the first choice of a question the save has no answer for.
 * NOTES (required) says what was done. 0, or -1 with PATH's errors. */
int hv_save_load_noting(const char *path, hv_level **level, hv_state *state, hv_order_log *log,
                        hv_origin *origin, hv_diag *diag, const hv_save_watch *watch,
                        hv_save_notes *notes);
/* hv_save_read_info that reads PATH.bak when PATH is missing or its header
 * is damaged; *FROM_BACKUP (may be NULL) says so. Errors are PATH's. */
int hv_save_read_info_noting(const char *path, hv_save_info *info, hv_diag *diag,
                             int *from_backup);
/* The path of save SLOT (0..HV_SAVE_SLOTS) in DATA_DIR. */
void hv_save_slot_path(const char *data_dir, int slot, char *buf, size_t len);

#endif
