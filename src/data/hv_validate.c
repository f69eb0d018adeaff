/* Checking any file the game reads, by its kind (hv_validate.h). */
#include "hv_validate.h"

#include <stdlib.h>
#include <string.h>

#include "hv_audit_file.h"
#include "hv_campaign.h"
#include "hv_level.h"
#include "hv_lint.h"
#include "hv_mod.h"
#include "hv_orders_file.h"
#include "hv_save.h"
#include "hv_suggest.h"
#include "hv_yaml.h"

static int check_level(const char *path, hv_diag *diag)
{
    hv_level *level = hv_level_load(path, diag);
    if (!level)
        return -1;
    hv_lint_level(level, diag);
    hv_level_free(level);
    return 0;
}

static int check_rules(const char *path, hv_diag *diag)
{
    hv_rules *r = malloc(sizeof *r);
    if (!r) {
        hv_diag_error(diag, path, 0, 0, "out of memory");
        return -1;
    }
    hv_rules_init(r);
    int rc = hv_rules_load(r, path, diag);
    free(r);
    if (rc == 0)
        hv_lint_rules(path, diag);
    return rc;
}

static int check_campaign(const char *path, hv_diag *diag)
{
    hv_campaign *c = malloc(sizeof *c);
    if (!c) {
        hv_diag_error(diag, path, 0, 0, "out of memory");
        return -1;
    }
    int rc = hv_campaign_load(path, c, diag);
    if (rc == 0)
        hv_lint_campaign(c, diag);
    free(c);
    return rc;
}

static int check_mod(const char *path, hv_diag *diag)
{
    hv_mod m;
    return hv_mod_load(&m, path, diag);
}

/* A save replays to the game it was saved at, under its level as it is
 * now, exactly as the game loads it (but never from its .bak). */
static int check_save(const char *path, hv_diag *diag)
{
    hv_level *level = NULL;
    hv_state *state = malloc(sizeof *state);
    hv_order_log log;
    hv_order_log_init(&log);
    int rc = -1;
    if (!state)
        hv_diag_error(diag, path, 0, 0, "out of memory");
    else
        rc = hv_save_load(path, &level, state, &log, diag);
    hv_order_log_free(&log);
    hv_level_free(level);
    free(state);
    return rc;
}

static int check_orders(const char *path, const char *level_path, hv_diag *diag)
{
    hv_level *level = NULL;
    if (level_path && !(level = hv_level_load(level_path, diag)))
        return -1;
    hv_orders_file orders;
    int rc = hv_orders_file_load(&orders, path, level ? &level->rules : NULL, diag);
    hv_orders_file_free(&orders);
    hv_level_free(level);
    return rc;
}

static const hv_validate_kind data_kinds[] = {
    {"level", check_level},
    {"rules", check_rules},
    {"campaign", check_campaign},
    {"mod", check_mod},
    {"orders", NULL}, /* needs the options: see below */
    {"save", check_save},
    {"campaign_progress", hv_campaign_progress_check},
    {"audit", hv_audit_file_check},
    {NULL, NULL},
};

/* Reports KIND (the node of `kind`) as no kind of file the game reads. */
static void unknown_kind(const char *path, const hv_ynode *kind, const hv_validate_kind *more,
                         hv_diag *diag)
{
    char list[400] = "", hint[HV_SUGGEST_LEN], shown[80];
    hv_suggest near = hv_suggest_start(kind->kind == HV_YNODE_SCALAR ? kind->str : "");
    const hv_validate_kind *tables[2] = {data_kinds, more};
    for (int t = 0; t < 2; t++)
        for (const hv_validate_kind *k = tables[t]; k && k->kind; k++) {
            size_t used = strlen(list);
            snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", k->kind);
            hv_suggest_offer(&near, k->kind);
        }
    hv_diag_error(diag, path, kind->line, kind->col,
                  "kind: %s is not a kind of file the game reads%s; it reads: %s",
                  hv_ynode_shown(kind, shown, sizeof shown),
                  hv_suggest_hint(&near, hint, sizeof hint), list);
}

int hv_data_validate_with(const char *path, const hv_validate_options *options, hv_diag *diag)
{
    /* The largest files of any kind (saves) may be read to learn the kind. */
    hv_ydoc doc;
    hv_ylimits limits = hv_orders_file_limits();
    size_t before = diag->count;
    if (hv_ydoc_load_file(&doc, path, &limits, diag) != 0) {
        hv_ydoc_free(&doc);
        return -1;
    }
    const hv_ynode *kind = doc.root ? hv_ynode_get(doc.root, "kind") : NULL;
    const hv_validate_kind *more = options ? options->more : NULL;
    int rc = -2;
    if (!kind || kind->kind != HV_YNODE_SCALAR) {
        rc = check_level(path, diag); /* the level loader says what is missing */
    } else if (strcmp(kind->str, "orders") == 0) {
        rc = check_orders(path, options ? options->level : NULL, diag);
    } else {
        const hv_validate_kind *tables[2] = {data_kinds, more};
        for (int t = 0; t < 2 && rc == -2; t++)
            for (const hv_validate_kind *k = tables[t]; k && k->kind && rc == -2; k++)
                if (k->check && strcmp(k->kind, kind->str) == 0)
                    rc = k->check(path, diag);
        if (rc == -2)
            unknown_kind(path, kind, more, diag);
    }
    hv_ydoc_free(&doc);
    return rc == 0 && diag->count == before ? 0 : -1;
}

int hv_data_validate(const char *path, hv_diag *diag)
{
    return hv_data_validate_with(path, NULL, diag);
}
