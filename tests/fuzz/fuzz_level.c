/* Fuzz target for level files: hv_level_load on any bytes must load or
 * refuse with FILE:LINE:COL errors, and a level that loads must get its
 * warnings (hv_lint) at real places and play (the balanced bot, invariant
 * checks on) without a fault. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "hv_level.h"
#include "hv_lint.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static hv_state state; /* large: kept out of the stack */
    char path[1024];
    hv_fuzz_write("level.yaml", data, size, path, sizeof path);
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *level = hv_level_load(path, &diag);
    hv_fuzz_check_diag(&diag, level != NULL, "hv_level_load");
    hv_diag_free(&diag);
    if (level) {
        hv_diag_init(&diag);
        hv_lint_level(level, NULL, &diag);
        hv_fuzz_check_warnings(&diag, "hv_lint_level");
        hv_diag_free(&diag);
        hv_level_new_game(level, 1, &state);
        hv_fuzz_play(&state, NULL, HV_FUZZ_WEEKS);
        hv_level_free(level);
    }
    return 0;
}
