/* `happyvalley schema [--kind K]`: the JSON Schema of the game's files,
 * for editors (hv_schema.h, docs/editors.md). */
#include <string.h>

#include "hv_cli.h"
#include "hv_schema.h"

int hv_cmd_schema(int argc, char **argv, const hv_validate_kind *ui_kinds)
{
    const char *kind = NULL;
    if (argc >= 1 && strcmp(argv[0], "--kind") == 0) {
        kind = argc >= 2 ? argv[1] : "";
        argc -= 2;
        argv += 2;
    }
    if (argc > 0)
        return hv_usage_error(
            argv[0][0] == '-' ? "unknown option '%s'" : "unexpected argument '%s'", argv[0]);
    int known = !kind;
    char kinds[256] = "";
    for (int i = 0; hv_schema_kind(i, ui_kinds); i++) {
        size_t n = strlen(kinds);
        snprintf(kinds + n, sizeof kinds - n, "%s%s", i ? ", " : "", hv_schema_kind(i, ui_kinds));
        known |= kind && strcmp(kind, hv_schema_kind(i, ui_kinds)) == 0;
    }
    if (!known) {
        char msg[400];
        snprintf(msg, sizeof msg, "--kind needs one of %s; got '%.64s'", kinds, kind);
        return hv_usage_error("%s", msg);
    }
    if (hv_schema_write(stdout, kind, ui_kinds) != 0) {
        hv_schema_check(stderr, ui_kinds);
        return HV_EXIT_FAILURE;
    }
    return HV_EXIT_OK;
}
