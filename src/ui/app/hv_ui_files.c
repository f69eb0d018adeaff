/* The window's own files as `validate` checks them (hv_ui.h). */
#include <stdlib.h>

#include "hv_settings.h"
#include "hv_sound.h"
#include "hv_ui.h"

static int check_settings(const char *path, hv_diag *diag)
{
    hv_settings settings;
    return hv_settings_load(&settings, path, diag);
}

static int check_sounds(const char *path, hv_diag *diag)
{
    hv_sound_table *table = malloc(sizeof *table);
    if (!table) {
        hv_diag_error(diag, path, 0, 0, "out of memory");
        return -1;
    }
    int rc = hv_sound_table_load(table, path, diag);
    free(table);
    return rc;
}

const hv_validate_kind hv_ui_file_kinds[] = {
    {"settings", check_settings, hv_settings_keys},
    {"sounds", check_sounds, hv_sound_keys},
    {NULL, NULL, NULL},
};
