/* Fuzz target for the settings file: hv_settings_load on any bytes must
 * load or refuse with FILE:LINE:COL errors and the defaults kept. Settings
 * that load must survive what the game does with them: every binding
 * written as text parses back to itself, and saving then loading gives the
 * same settings. */
#include <string.h>

#include "fuzz_common.h"
#include "hv_settings.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static int same(const hv_settings *a, const hv_settings *b)
{
    if (a->ui_scale != b->ui_scale || a->width != b->width || a->height != b->height ||
        a->fullscreen != b->fullscreen)
        return 0;
    for (int i = 0; i < HV_ACT_COUNT; i++)
        if (a->keys[i].key != b->keys[i].key || a->keys[i].mods != b->keys[i].mods)
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[1024], copy[1024], err[512];
    hv_fuzz_write("settings.yaml", data, size, path, sizeof path);
    hv_settings s, defaults, again;
    hv_settings_defaults(&defaults);
    hv_settings_defaults(&s);
    hv_diag diag;
    hv_diag_init(&diag);
    int rc = hv_settings_load(&s, path, &diag);
    hv_fuzz_check_diag(&diag, rc == 0, "hv_settings_load");
    hv_diag_free(&diag);
    if (rc != 0) {
        if (!same(&s, &defaults))
            hv_fuzz_fail("settings refused, but not left at the defaults");
        return 0;
    }
    for (int i = 0; i < HV_ACT_COUNT; i++) {
        char text[64];
        hv_keybind back = {0, 0};
        hv_keybind_format(s.keys[i], text, sizeof text);
        if (s.keys[i].key != 0 && (hv_keybind_parse(text, &back) != 0 ||
                                   back.key != s.keys[i].key || back.mods != s.keys[i].mods))
            hv_fuzz_fail("the key of '%s' is written '%s', which reads back otherwise",
                         hv_action_id((hv_action)i), text);
        (void)hv_settings_conflict(&s, (hv_action)i);
        (void)hv_settings_action_for(&s, s.keys[i].key, s.keys[i].mods);
    }
    hv_fuzz_path("again.yaml", copy, sizeof copy);
    if (hv_settings_save(&s, copy, err, sizeof err) != 0)
        hv_fuzz_fail("settings that loaded cannot be saved: %s", err);
    hv_settings_defaults(&again);
    hv_diag_init(&diag);
    if (hv_settings_load(&again, copy, &diag) != 0) {
        hv_diag_print(&diag, stderr);
        hv_fuzz_fail("settings just saved do not load again");
    }
    hv_diag_free(&diag);
    if (!same(&s, &again))
        hv_fuzz_fail("settings saved and loaded again differ from the ones saved");
    return 0;
}
