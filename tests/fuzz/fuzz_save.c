/* Fuzz target for saved games: hv_save_load on any bytes must load (its
 * level, a replay of its weeks, the hash check) or refuse with
 * FILE:LINE:COL errors. A save that loads is played on with the balanced
 * bot, saved again and loaded again, which must give the very same state:
 * that is what a save promises. The seed saves name the tutorial level by
 * absolute path (HV_FUZZ_LEVEL), so their orders really are replayed. */
#include <string.h>

#include "fuzz_common.h"
#include "hv_bot.h"
#include "hv_event.h"
#include "hv_save.h"
#include "hv_turn.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

/* Plays on like hv_fuzz_play, but logs each week's orders as the game does
 * before it ends the week, so the game can be saved afterwards. */
static void play_logged(hv_state *state, hv_order_log *log)
{
    static hv_report report;
    for (int week = 0; week < HV_FUZZ_WEEKS; week++) {
        if ((state->outcome != HV_OUTCOME_RUNNING && !state->play_on) ||
            state->turn + 1 >= HV_ORDERS_MAX_WEEK)
            break;
        hv_bot_plan(HV_BOT_BALANCED, state);
        if (hv_order_log_add_week(log, state) != 0)
            hv_fuzz_fail("out of memory logging orders");
        hv_report_clear(&report);
        if (hv_end_turn(state, &report) != HV_TURN_DONE)
            hv_fuzz_fail("week %d did not end after the bot's orders", state->turn + 1);
    }
}

/* A save refused for one of the limits the format documents is fine. */
static int documented_limit(const char *err)
{
    return strstr(err, "a save holds at most") || strstr(err, "more than");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static hv_state state, again; /* large: kept out of the stack */
    char path[1024], copy[1024], err[512];
    hv_fuzz_write("save.yaml", data, size, path, sizeof path);
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *level = NULL;
    hv_order_log log;
    hv_order_log_init(&log);
    hv_origin origin;
    int rc = hv_save_load_origin(path, &level, &state, &log, &origin, &diag, NULL);
    hv_fuzz_check_diag(&diag, rc == 0, "hv_save_load");
    hv_diag_free(&diag);
    if (rc != 0) {
        if (level)
            hv_fuzz_fail("hv_save_load failed but kept a level");
        hv_order_log_free(&log);
        return 0;
    }
    play_logged(&state, &log);
    hv_fuzz_path("again.yaml", copy, sizeof copy);
    if (hv_save_write_origin(copy, level, &state, &log, &origin, err, sizeof err) != 0) {
        if (!documented_limit(err))
            hv_fuzz_fail("a loaded game, played on, cannot be saved: %s", err);
    } else {
        hv_level *level2 = NULL;
        hv_order_log log2;
        hv_order_log_init(&log2);
        hv_diag_init(&diag);
        if (hv_save_load(copy, &level2, &again, &log2, &diag) != 0) {
            hv_diag_print(&diag, stderr);
            hv_fuzz_fail("a save just written does not load again");
        }
        if (hv_state_hash(&again) != hv_state_hash(&state))
            hv_fuzz_fail("a save loads to another state than the one saved (week %d)", state.turn);
        hv_diag_free(&diag);
        hv_order_log_free(&log2);
        hv_level_free(level2);
    }
    hv_order_log_free(&log);
    hv_level_free(level);
    return 0;
}
