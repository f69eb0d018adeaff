/* Writes the seed saves of the save fuzz target into the folder given:
 * games of the tutorial level (HV_FUZZ_LEVEL, by absolute path, so the
 * saves load from anywhere) played by the balanced bot and saved at a few
 * weeks, from the first week's orders queued to late in the game. Exit 0,
 * or 1 with the reason when a save cannot be made. */
#include <stdio.h>
#include <stdlib.h>

#include "hv_bot.h"
#include "hv_event.h"
#include "hv_level.h"
#include "hv_save.h"
#include "hv_turn.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
        return 1;
    }
    hv_level *level = hv_level_load_printing(HV_FUZZ_LEVEL, stderr);
    hv_state *state = malloc(sizeof *state);
    hv_report *report = malloc(sizeof *report);
    if (!level || !state || !report) {
        fprintf(stderr, "%s: cannot load %s\n", argv[0], HV_FUZZ_LEVEL);
        return 1;
    }
    static const int at_weeks[] = {0, 1, 3, 6, 11};
    int rc = 0;
    for (uint64_t seed = 1; seed <= 3 && rc == 0; seed++) {
        hv_order_log log;
        hv_order_log_init(&log);
        hv_level_new_game(level, seed, state);
        for (size_t i = 0; i < sizeof at_weeks / sizeof at_weeks[0] && rc == 0;) {
            if (state->outcome != HV_OUTCOME_RUNNING)
                break;
            hv_bot_plan(HV_BOT_BALANCED, state);
            if (state->turn == at_weeks[i]) {
                /* Saved mid-week, with this week's orders queued. */
                char path[1024], err[512];
                snprintf(path, sizeof path, "%s/tutorial_seed%u_week%d.yaml", argv[1],
                         (unsigned)seed, state->turn);
                if (hv_save_write(path, level, state, &log, err, sizeof err) != 0) {
                    fprintf(stderr, "%s: %s\n", path, err);
                    rc = 1;
                }
                i++;
            }
            if (hv_order_log_add_week(&log, state) != 0) {
                fprintf(stderr, "%s: out of memory\n", argv[0]);
                rc = 1;
            }
            hv_report_clear(report);
            hv_end_turn(state, report);
        }
        hv_order_log_free(&log);
    }
    free(report);
    free(state);
    hv_level_free(level);
    return rc;
}
