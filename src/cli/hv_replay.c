/* The replay command: plays a save again headless, as the game loads it,
 * and says whether it reaches the game that was saved. */
#include <stdlib.h>
#include <string.h>

#include "hv_args.h"
#include "hv_cli.h"
#include "hv_save.h"

int hv_cmd_replay(int argc, char **argv)
{
    hv_args p;
    hv_args_init(&p, "replay", NULL, argc, argv);
    const char *path = NULL;
    for (int code; (code = hv_args_next(&p)) != HV_ARGS_DONE;) {
        if (code == HV_ARGS_EXIT)
            return p.rc;
        if (path)
            return hv_args_error(&p, "takes one SAVE file, got '%s' too", p.arg);
        path = p.arg;
    }
    if (!path)
        return hv_args_error(&p, "needs one SAVE file");
    hv_level *level = NULL;
    hv_state *state = malloc(sizeof *state);
    hv_save_notes *notes = malloc(sizeof *notes);
    hv_order_log log;
    hv_diag diag;
    hv_diag_init(&diag);
    hv_order_log_init(&log);
    int rc = HV_EXIT_FAILURE;
    if (!state || !notes) {
        fprintf(stderr, "happyvalley: out of memory\n");
        goto done;
    }
    if (hv_save_load_noting(path, &level, state, &log, NULL, &diag, NULL, notes) != 0) {
        /* The first problem is the one to fix; the rest often follow from it. */
        if (diag.count)
            hv_diag_print_one(stderr, diag.entries[0].file, diag.entries[0].line,
                              diag.entries[0].col, diag.entries[0].message);
        else
            hv_diag_print_one(stderr, path, 0, 0, "cannot be loaded");
        rc = HV_EXIT_BAD_INPUT;
        goto done;
    }
    /* Names and messages from files print as one safe line each. */
    char save[HV_FILE_LEN * 2], loaded[HV_FILE_LEN * 2], at[HV_FILE_LEN * 4], why[800];
    hv_diag_clean(save, sizeof save, path);
    hv_diag_clean(loaded, sizeof loaded, notes->loaded);
    hv_diag_clean(at, sizeof at, notes->level);
    hv_diag_clean(why, sizeof why, notes->damage);
    if (notes->from_backup)
        fprintf(stderr, "%s: warning: cannot be loaded (%s); replaying %s instead\n", save, why,
                loaded);
    if (notes->level_moved)
        fprintf(stderr,
                "%s: warning: the level is not where the save says; found by its id at %s\n",
                loaded, at);
    hv_save_info info;
    hv_diag_free(&diag);
    hv_diag_init(&diag);
    if (hv_save_read_info(notes->loaded, &info, &diag) != 0) {
        hv_diag_print_one(stderr, notes->loaded, 0, 0, "changed while it was replayed");
        rc = HV_EXIT_BAD_INPUT;
        goto done;
    }
    unsigned long long hash = (unsigned long long)hv_state_hash(state);
    if (!notes->differs) {
        printf("%s: level %s (%s), week %d, hash %016llx: the replay reaches the game saved\n",
               loaded, level->id, at, info.week, hash);
        rc = HV_EXIT_OK;
        goto done;
    }
    printf("%s: level %s (%s): the replay differs from the game saved\n", loaded, level->id, at);
    if (notes->first_differs)
        printf("  first week that differs: %d\n", notes->first_differs);
    else
        printf("  the save has no week hashes, so only its end is known to differ\n");
    if (notes->ended)
        printf("  the game now ends in week %d, not after week %d\n", notes->ended, info.week);
    printf("  week %d, hash %016llx, saved hash %016llx\n", state->turn, hash,
           (unsigned long long)info.state_hash);
    if (notes->skipped)
        printf("  %d orders no longer apply\n", notes->skipped);
    if (notes->answered)
        printf("  %d questions had no answer in the save and took their first choice\n",
               notes->answered);
    rc = HV_EXIT_FAILURE;
done:
    hv_diag_free(&diag);
    hv_order_log_free(&log);
    hv_level_free(level);
    free(notes);
    free(state);
    return rc;
}
