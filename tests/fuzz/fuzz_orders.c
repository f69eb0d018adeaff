/* Fuzz target for orders files: hv_orders_file_load on any bytes, against
 * the rules of the tutorial level (HV_FUZZ_LEVEL), must load or refuse with
 * FILE:LINE:COL errors, and orders that load are queued week by week into
 * a game of that level, as `happyvalley sim --orders` does, and played. */
#include <stdlib.h>

#include "fuzz_common.h"
#include "hv_carry.h"
#include "hv_level.h"

static hv_level *level;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    hv_diag diag;
    hv_diag_init(&diag);
    level = hv_level_load(HV_FUZZ_LEVEL, &diag);
    if (!level) {
        hv_diag_print(&diag, stderr);
        hv_fuzz_fail("the level the orders play on does not load: %s", HV_FUZZ_LEVEL);
    }
    hv_diag_free(&diag);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static hv_state state; /* large: kept out of the stack */
    char path[1024];
    hv_fuzz_write("orders.yaml", data, size, path, sizeof path);
    hv_diag diag;
    hv_diag_init(&diag);
    hv_orders_file orders = {0};
    int rc = hv_orders_file_load(&orders, path, &level->rules, &diag);
    hv_fuzz_check_diag(&diag, rc == 0, "hv_orders_file_load");
    hv_diag_free(&diag);
    if (rc == 0) {
        hv_level_new_game(level, 1, &state);
        hv_carry_apply(&state, &orders.carry);
        hv_fuzz_play(&state, &orders, HV_FUZZ_WEEKS);
    }
    hv_orders_file_free(&orders);
    return 0;
}
