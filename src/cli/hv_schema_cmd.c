/* `happyvalley schema [--kind K]`: the JSON Schema of the game's files,
 * for editors (hv_schema.h, docs/editors.md). */
#include <string.h>

#include "hv_args.h"
#include "hv_cli.h"
#include "hv_schema.h"

enum { KIND = HV_ARGS_FIRST };

static const struct option schema_table[] = {{"kind", required_argument, NULL, KIND},
                                             {NULL, 0, NULL, 0}};

int hv_cmd_schema(int argc, char **argv, const hv_validate_kind *ui_kinds)
{
    hv_args p;
    hv_args_init(&p, "schema", schema_table, argc, argv);
    const char *kind = NULL;
    for (int code; (code = hv_args_next(&p)) != HV_ARGS_DONE;) {
        if (code == HV_ARGS_EXIT)
            return p.rc;
        if (code != KIND)
            return hv_args_error(&p, "takes no FILE, got '%s'", p.arg);
        kind = p.arg;
    }
    int known = !kind;
    char kinds[256] = "";
    for (int i = 0; hv_schema_kind(i, ui_kinds); i++) {
        size_t n = strlen(kinds);
        snprintf(kinds + n, sizeof kinds - n, "%s%s", i ? ", " : "", hv_schema_kind(i, ui_kinds));
        known |= kind && strcmp(kind, hv_schema_kind(i, ui_kinds)) == 0;
    }
    if (!known)
        return hv_args_error(&p, "--kind needs one of %s; got '%.64s'", kinds, kind);
    if (hv_schema_write(stdout, kind, ui_kinds) != 0) {
        hv_schema_check(stderr, ui_kinds);
        return HV_EXIT_FAILURE;
    }
    return HV_EXIT_OK;
}
