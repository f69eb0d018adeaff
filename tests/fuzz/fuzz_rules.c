/* Fuzz target for rules files: hv_rules_load on any bytes must load or
 * refuse with FILE:LINE:COL errors, and rules that load get their warnings
 * (hv_lint) at real places. Rules have no map or people of their
 * own, so rules that load are played under the tutorial level (HV_FUZZ_LEVEL
 * with its `rules:` pointed at them) whenever that level still fits them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "hv_file.h"
#include "hv_level.h"
#include "hv_lint.h"

static char level_path[1024];

/* The tutorial, word for word but for its rules file: the fuzzed one. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char *text = hv_file_read_all(HV_FUZZ_LEVEL, NULL);
    if (!text)
        hv_fuzz_fail("cannot read %s", HV_FUZZ_LEVEL);
    char *line = strstr(text, "\nrules: ");
    if (!line)
        hv_fuzz_fail("%s has no top-level 'rules:' line", HV_FUZZ_LEVEL);
    line++;
    size_t head = (size_t)(line - text);
    const char *tail = line + strcspn(line, "\n");
    static const char rules_line[] = "rules: rules.yaml";
    size_t len = head + strlen(rules_line) + strlen(tail);
    char *level = malloc(len + 1);
    if (!level)
        hv_fuzz_fail("out of memory");
    snprintf(level, len + 1, "%.*s%s%s", (int)head, text, rules_line, tail);
    hv_fuzz_write("level.yaml", level, len, level_path, sizeof level_path);
    free(level);
    free(text);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static hv_rules rules; /* large: kept out of the stack */
    static hv_state state;
    char path[1024];
    hv_fuzz_write("rules.yaml", data, size, path, sizeof path);
    hv_diag diag;
    hv_diag_init(&diag);
    hv_rules_init(&rules);
    int rc = hv_rules_load(&rules, path, &diag);
    hv_fuzz_check_diag(&diag, rc == 0, "hv_rules_load");
    hv_diag_free(&diag);
    if (rc != 0)
        return 0;
    hv_diag_init(&diag);
    hv_lint_rules(path, NULL, &diag);
    hv_fuzz_check_warnings(&diag, "hv_lint_rules");
    hv_diag_free(&diag);
    /* The level may refuse these rules (a module type it starts with is
     * gone, say): that is its right, but it must say why. */
    hv_diag_init(&diag);
    hv_level *level = hv_level_load(level_path, &diag);
    hv_fuzz_check_diag(&diag, level != NULL, "hv_level_load");
    hv_diag_free(&diag);
    if (level) {
        hv_level_new_game(level, 1, &state);
        hv_fuzz_play(&state, NULL, HV_FUZZ_WEEKS);
        hv_level_free(level);
    }
    return 0;
}
