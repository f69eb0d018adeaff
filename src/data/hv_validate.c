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

/* Checks the file at PATH, read into DOC to learn its kind. */
typedef int (*check_fn)(const char *path, const hv_ydoc *doc, const hv_validate_options *o,
                        hv_diag *diag);

static int check_level(const char *path, const hv_ydoc *doc, const hv_validate_options *o,
                       hv_diag *diag)
{
    (void)o;
    hv_level *level = hv_level_load_tree(path, doc, diag);
    if (!level)
        return -1;
    hv_lint_level(level, doc->root, diag);
    hv_level_free(level);
    return 0;
}

static int check_rules(const char *path, const hv_ydoc *doc, const hv_validate_options *o,
                       hv_diag *diag)
{
    (void)o;
    hv_rules *r = malloc(sizeof *r);
    if (!r) {
        hv_diag_error(diag, path, 0, 0, "out of memory");
        return -1;
    }
    hv_rules_init(r);
    int rc = hv_rules_load(r, path, diag);
    free(r);
    if (rc == 0)
        hv_lint_rules(path, doc->root, diag);
    return rc;
}

static int check_campaign(const char *path, const hv_ydoc *doc, const hv_validate_options *o,
                          hv_diag *diag)
{
    (void)o;
    hv_campaign *c = malloc(sizeof *c);
    if (!c) {
        hv_diag_error(diag, path, 0, 0, "out of memory");
        return -1;
    }
    int rc = hv_campaign_load(path, c, diag);
    if (rc == 0)
        hv_lint_campaign(c, doc->root, diag);
    free(c);
    return rc;
}

static int check_mod(const char *path, const hv_ydoc *doc, const hv_validate_options *o,
                     hv_diag *diag)
{
    (void)doc;
    (void)o;
    hv_mod m;
    return hv_mod_load(&m, path, diag);
}

/* An orders file names no level: checked against the one in O, if any. */
static int check_orders(const char *path, const hv_ydoc *doc, const hv_validate_options *o,
                        hv_diag *diag)
{
    (void)doc;
    hv_level *level = NULL;
    if (o && o->level && !(level = hv_level_load(o->level, diag)))
        return -1;
    hv_orders_file orders;
    int rc = hv_orders_file_load(&orders, path, level ? &level->rules : NULL, diag);
    hv_orders_file_free(&orders);
    hv_level_free(level);
    return rc;
}

/* A save replays to the game it was saved at, under its level as it is
 * now, exactly as the game loads it (but never from its .bak). */
static int check_save(const char *path, const hv_ydoc *doc, const hv_validate_options *o,
                      hv_diag *diag)
{
    (void)doc;
    (void)o;
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

static int check_progress(const char *path, const hv_ydoc *doc, const hv_validate_options *o,
                          hv_diag *diag)
{
    (void)doc;
    (void)o;
    return hv_campaign_progress_check(path, diag);
}

static int check_audit(const char *path, const hv_ydoc *doc, const hv_validate_options *o,
                       hv_diag *diag)
{
    (void)doc;
    (void)o;
    return hv_audit_file_check(path, diag);
}

static const struct {
    const char *kind;
    check_fn check;
} data_kinds[] = {
    {"level", check_level},
    {"rules", check_rules},
    {"campaign", check_campaign},
    {"mod", check_mod},
    {"orders", check_orders},
    {"save", check_save},
    {"campaign_progress", check_progress},
    {"audit", check_audit},
};
#define DATA_KINDS (sizeof data_kinds / sizeof data_kinds[0])

/* Adds NAME to the comma-separated LIST (CAP bytes) and to the hint NEAR. */
static void offer_kind(char *list, size_t cap, hv_suggest *near, const char *name)
{
    size_t used = strlen(list);
    snprintf(list + used, cap - used, "%s%s", used ? ", " : "", name);
    hv_suggest_offer(near, name);
}

/* Reports KIND (the node of `kind`) as no kind of file the game reads. */
static void unknown_kind(const char *path, const hv_ynode *kind, const hv_validate_kind *more,
                         hv_diag *diag)
{
    char list[400] = "", hint[HV_SUGGEST_LEN], shown[80];
    hv_suggest near = hv_suggest_start(kind->str);
    for (size_t i = 0; i < DATA_KINDS; i++)
        offer_kind(list, sizeof list, &near, data_kinds[i].kind);
    for (const hv_validate_kind *k = more; k && k->kind; k++)
        offer_kind(list, sizeof list, &near, k->kind);
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
        /* the level loader says what is missing */
        rc = check_level(path, &doc, options, diag);
    } else {
        for (size_t i = 0; i < DATA_KINDS && rc == -2; i++)
            if (strcmp(data_kinds[i].kind, kind->str) == 0)
                rc = data_kinds[i].check(path, &doc, options, diag);
        for (const hv_validate_kind *k = more; k && k->kind && rc == -2; k++)
            if (strcmp(k->kind, kind->str) == 0)
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
