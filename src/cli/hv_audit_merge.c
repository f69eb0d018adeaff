/* Audits of parts of the seeds, added up into the audit of all of them.
 * The judgement needs the level (names, titles, which events can fire),
 * so the level the parts name is loaded and must be the one they played
 * (its digest); its configurations are made again, in the same order as
 * the audit makes them, and each part's sums are added to them, checked
 * by id and bot. The best bot and the findings are then worked out over
 * all the seeds, and printed as one audit of them prints. */
#include <stdlib.h>
#include <string.h>

#include "hv_audit.h"
#include "hv_audit_file.h"
#include "hv_cli.h"
#include "hv_merge.h"

#define COUNT_MAX INT64_C(1000000000000000)

/* Adds the N numbers of list KEY in map M to INTO. */
static int add_counts(hv_diag *diag, const char *file, const hv_ynode *m, const char *key,
                      int64_t *into, int n)
{
    const hv_ynode *list = hv_merge_get(diag, file, m, key, HV_YNODE_SEQ);
    if (!list)
        return -1;
    if (list->count != (size_t)n) {
        hv_diag_error(diag, file, list->line, list->col,
                      "%s: %zu numbers, but the level gives %d: another level or version", key,
                      list->count, n);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        int64_t v;
        if (hv_merge_int_node(diag, file, list->items[i], key, 0, COUNT_MAX, &v) != 0)
            return -1;
        into[i] += v;
    }
    return 0;
}

static int add_number(hv_diag *diag, const char *file, const hv_ynode *m, const char *key,
                      int64_t *into)
{
    int64_t v;
    if (hv_merge_int(diag, file, m, key, 0, COUNT_MAX, &v) != 0)
        return -1;
    *into += v;
    return 0;
}

/* Adds config C's sums from entry M of a part's "sums". */
static int add_config(hv_diag *diag, const char *file, const hv_ynode *m, const hv_audit *a,
                      hv_audit_config *c)
{
    char id[sizeof c->id], bot[HV_ID_LEN];
    if (m->kind != HV_YNODE_MAP || hv_merge_str(diag, file, m, "id", id, sizeof id) != 0 ||
        hv_merge_str(diag, file, m, "bot", bot, sizeof bot) != 0)
        return -1;
    if (strcmp(id, c->id) != 0 || strcmp(bot, hv_bot_name(c->bot)) != 0) {
        hv_diag_error(diag, file, m->line, m->col,
                      "sums: '%s' played by %s, where the level's audit has '%s' played by %s: "
                      "another level or version",
                      id, bot, c->id, hv_bot_name(c->bot));
        return -1;
    }
    hv_audit_sums *s = &c->sum;
    int bad = add_number(diag, file, m, "wins", &s->wins) |
              add_number(diag, file, m, "losses", &s->losses) |
              add_number(diag, file, m, "win_weeks", &s->win_weeks) |
              add_number(diag, file, m, "loss_weeks", &s->loss_weeks) |
              add_counts(diag, file, m, "lost_by", s->lost_by, HV_MAX_GOALS + 1);
    if (!c->detail)
        return bad;
    int events = a->level->rules.event_count < 64 ? a->level->rules.event_count : 64;
    return bad | add_number(diag, file, m, "incidents", &s->incidents) |
           add_number(diag, file, m, "won_incidents", &s->won_incidents) |
           add_number(diag, file, m, "won_strikes", &s->won_strikes) |
           add_number(diag, file, m, "riots", &s->riots) |
           add_counts(diag, file, m, "income", s->income, 3) |
           add_counts(diag, file, m, "orders", s->orders, HV_ORDER_KIND_COUNT) |
           add_counts(diag, file, m, "fired", s->fired, events) |
           add_counts(diag, file, m, "picked", s->picked, HV_MAX_POLICIES * HV_MAX_OPTIONS);
}

/* Adds part P's sums and seconds to A. */
static int add_part(hv_diag *diag, const hv_part *p, hv_audit *a)
{
    const hv_ynode *root = p->doc.root;
    int64_t runs;
    if (hv_merge_int(diag, p->path, root, "runs", 1, INT32_MAX, &runs) != 0)
        return -1;
    if ((uint64_t)runs != p->last - p->first + 1) {
        const hv_ynode *n = hv_ynode_get(root, "runs");
        hv_diag_error(diag, p->path, n->line, n->col, "runs: %lld, but seeds %llu..%llu",
                      (long long)runs, (unsigned long long)p->first, (unsigned long long)p->last);
        return -1;
    }
    const hv_ynode *sums = hv_merge_get(diag, p->path, root, "sums", HV_YNODE_SEQ);
    if (!sums)
        return -1;
    if (sums->count != (size_t)a->config_count) {
        hv_diag_error(diag, p->path, sums->line, sums->col,
                      "sums: %zu configurations, but the level's audit has %d: another level "
                      "or version",
                      sums->count, a->config_count);
        return -1;
    }
    for (int32_t i = 0; i < a->config_count; i++)
        if (add_config(diag, p->path, sums->items[i], a, &a->configs[i]) != 0)
            return -1;
    const hv_ynode *seconds = hv_merge_get(diag, p->path, root, "seconds", HV_YNODE_SCALAR);
    if (seconds)
        a->seconds += strtod(seconds->str, NULL);
    return 0;
}

/* The level the parts played: FILE, loaded here, with their DIGEST. */
static hv_level *load_level(hv_diag *diag, const hv_part *p, const char *file, const char *digest)
{
    const hv_ynode *n = hv_ynode_get(p->doc.root, "file");
    hv_diag quiet;
    hv_diag_init(&quiet);
    hv_level *level = hv_level_load(file, &quiet);
    hv_diag_free(&quiet);
    char here[17] = "";
    if (level)
        snprintf(here, sizeof here, "%016llx",
                 (unsigned long long)hv_audit_file_digest(level->file, level->rules_file));
    if (!level)
        hv_diag_error(diag, p->path, n->line, n->col,
                      "file: the level the parts played, '%s', cannot be loaded from here, and "
                      "merge needs it for the findings: merge where that path leads to it",
                      file);
    else if (strcmp(here, digest) != 0)
        hv_diag_error(diag, p->path, n->line, n->col,
                      "file: '%s' here is not the level the parts played (its digest is %s, "
                      "theirs %s)",
                      file, here, digest);
    else
        return level;
    hv_level_free(level);
    return NULL;
}

int hv_merge_audit(hv_part *parts, int count, hv_diag *diag)
{
    const hv_part *first = &parts[0];
    char file[HV_FILE_LEN], digest[17], lever[HV_ID_LEN];
    if (hv_merge_str(diag, first->path, first->doc.root, "file", file, sizeof file) != 0 ||
        hv_merge_str(diag, first->path, first->doc.root, "level_digest", digest, sizeof digest) !=
            0 ||
        hv_merge_str(diag, first->path, first->doc.root, "lever_bot", lever, sizeof lever) != 0)
        return HV_EXIT_BAD_INPUT;
    uint64_t seeds = 0;
    for (int i = 1; i < count; i++)
        if (hv_merge_same(diag, &parts[i], "file", file, first) |
            hv_merge_same(diag, &parts[i], "level_digest", digest, first) |
            hv_merge_same(diag, &parts[i], "lever_bot", lever, first))
            return HV_EXIT_BAD_INPUT;
    for (int i = 0; i < count; i++)
        seeds += parts[i].last - parts[i].first + 1;
    int lever_bot = hv_bot_find(lever);
    if (seeds > INT32_MAX || lever_bot < 0) {
        hv_diag_error(diag, first->path, 1, 1, "%s",
                      lever_bot < 0 ? "lever_bot: not a bot" : "more seeds than one audit holds");
        return HV_EXIT_BAD_INPUT;
    }
    hv_level *level = load_level(diag, first, file, digest);
    if (!level)
        return HV_EXIT_BAD_INPUT;
    hv_audit *a = calloc(1, sizeof *a); /* six copies of the rules: too large for the stack */
    int rc = HV_EXIT_BAD_INPUT;
    if (a) {
        a->level = level;
        a->first = first->first;
        a->runs = (int32_t)seeds;
        a->lever_bot = (hv_bot_kind)lever_bot;
    }
    if (!a || hv_audit_prepare(a) != 0) {
        fprintf(stderr, "happyvalley: out of memory\n");
        rc = HV_EXIT_FAILURE;
    } else {
        int bad = 0;
        for (int i = 0; i < count && !bad; i++)
            bad = add_part(diag, &parts[i], a) != 0;
        if (!bad) {
            hv_audit_judge(a);
            hv_audit_print_json(a, stdout, digest);
            rc = hv_audit_findings(a, NULL, 0) > 0 ? HV_EXIT_FINDINGS : HV_EXIT_OK;
        }
    }
    if (a)
        hv_audit_free(a);
    free(a);
    hv_level_free(level);
    return rc;
}
