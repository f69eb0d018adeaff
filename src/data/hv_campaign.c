/* Campaign files and the player's progress through them (hv_campaign.h). */
#define _POSIX_C_SOURCE 200809L
#include "hv_campaign.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hv_carry_file.h"
#include "hv_file.h"
#include "hv_yaml.h"

typedef struct campaign_head {
    char id[HV_ID_LEN];
    char title[HV_TITLE_LEN];
    char summary[HV_SUMMARY_LEN];
} campaign_head;

const hv_field hv_campaign_fields[] = {
    {"format", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be 1"},
    {"kind", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "`campaign`"},
    {"id", HV_F_ID, offsetof(campaign_head, id), HV_ID_LEN, 1, 0, 0, NULL, 0,
     "the campaign's id; names its progress file"},
    {"title", HV_F_TEXT, offsetof(campaign_head, title), HV_TITLE_LEN, 1, 0, 0, NULL, 0,
     "the campaign's name on the campaign screen"},
    {"summary", HV_F_TEXT, offsetof(campaign_head, summary), HV_SUMMARY_LEN, 1, 0, 0, NULL, 0,
     "a few lines under the title"},
    {"levels", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0,
     "the level files in the order they are played, relative to this file"},
    {"carry", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "what one level hands on to the next"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_campaign_carry_fields[] = {
    {"satisfaction", HV_F_INT32, offsetof(hv_carry_rule, satisfaction_pct), sizeof(int32_t), 0, 0,
     100, NULL, 0, "percent of each sponsor's change in standing carried on (default 0)"},
    {"flags", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "story flags carried on when set at the end"},
    {"people", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0,
     "names of people whose health, morale, loyalty and fate carry on"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

static int has_person(const hv_level *level, const char *name)
{
    for (int32_t i = 0; i < level->start.person_count; i++)
        if (strcmp(hv_person_name(&level->start, &level->start.people[i]), name) == 0)
            return 1;
    return 0;
}

static void note_factions(hv_campaign *c, const hv_rules *r)
{
    for (int32_t f = 0; f < r->faction_count; f++) {
        if (strcmp(hv_campaign_faction_name(c, r->factions[f].id), r->factions[f].id) != 0 ||
            c->faction_count == HV_MAX_FACTIONS)
            continue;
        snprintf(c->faction_ids[c->faction_count], HV_ID_LEN, "%s", r->factions[f].id);
        snprintf(c->faction_names[c->faction_count++], HV_NAME_LEN, "%s", r->factions[f].name);
    }
}

const char *hv_campaign_faction_name(const hv_campaign *c, const char *id)
{
    for (int32_t i = 0; i < c->faction_count; i++)
        if (strcmp(c->faction_ids[i], id) == 0)
            return c->faction_names[i];
    return id;
}

/* Reads `levels`, loading each; marks in FLAGS/PEOPLE what some level knows. */
static void read_levels(hv_ctx *ctx, const hv_ynode *list, hv_campaign *c, uint32_t *flags_known,
                        uint32_t *people_known)
{
    if (!hv_expect(ctx, list, HV_YNODE_SEQ))
        return;
    if (list->count == 0)
        hv_ctx_error(ctx, list, "a campaign needs at least one level");
    for (size_t i = 0; i < list->count; i++) {
        const hv_ynode *item = list->items[i];
        size_t old = hv_ctx_push_index(ctx, i);
        if (i >= HV_CAMPAIGN_LEVELS) {
            hv_ctx_error(ctx, item, "more than %d levels", HV_CAMPAIGN_LEVELS);
            hv_ctx_pop(ctx, old);
            break;
        }
        char *path = c->levels[i];
        const char *problem = NULL;
        if (!hv_expect(ctx, item, HV_YNODE_SCALAR)) {
        } else if ((problem = hv_file_resolve(path, HV_FILE_LEN, c->file, item->str)) != NULL) {
            hv_ctx_error(ctx, item, "level '%s' %s", item->str, problem);
        } else {
            hv_diag quiet;
            hv_diag_init(&quiet);
            hv_level *level = hv_level_load(path, &quiet);
            if (!level) {
                const hv_diag_entry *e = quiet.count ? &quiet.entries[0] : NULL;
                if (e && e->line > 0)
                    hv_ctx_error(ctx, item, "level '%s' cannot be played: %s:%d:%d: %s", item->str,
                                 e->file, e->line, e->col, e->message);
                else if (e)
                    hv_ctx_error(ctx, item, "level '%s' cannot be played: %s", item->str,
                                 e->message);
                else
                    hv_ctx_error(ctx, item, "level '%s' cannot be played", item->str);
            } else {
                for (size_t k = 0; k < i; k++)
                    if (strcmp(c->level_ids[k], level->id) == 0)
                        hv_ctx_error(ctx, item, "level '%s' is already the campaign's level %zu",
                                     level->id, k + 1);
                snprintf(c->level_ids[i], HV_ID_LEN, "%s", level->id);
                snprintf(c->level_titles[i], HV_TITLE_LEN, "%s", level->title);
                snprintf(c->level_summaries[i], HV_SUMMARY_LEN, "%s", level->summary);
                note_factions(c, &level->rules);
                for (int32_t f = 0; f < c->carry.flag_count; f++)
                    if (hv_rules_find_flag(&level->rules, c->carry.flags[f]) >= 0)
                        *flags_known |= 1u << f;
                for (int32_t p = 0; p < c->carry.person_count; p++)
                    if (has_person(level, c->carry.people[p]))
                        *people_known |= 1u << p;
                hv_level_free(level);
            }
            hv_diag_free(&quiet);
        }
        c->level_count = (int32_t)i + 1;
        hv_ctx_pop(ctx, old);
    }
}

static void read_carry_rule(hv_ctx *ctx, const hv_ynode *node, hv_carry_rule *rule)
{
    if (!hv_fields_read(ctx, node, hv_campaign_carry_fields, rule, NULL, 1))
        return;
    const hv_ynode *flags = hv_ynode_get(node, "flags"), *people = hv_ynode_get(node, "people");
    size_t old = hv_ctx_push_key(ctx, "flags");
    if (flags && hv_expect(ctx, flags, HV_YNODE_SEQ))
        for (size_t i = 0; i < flags->count; i++) {
            size_t o = hv_ctx_push_index(ctx, i);
            if (rule->flag_count == HV_MAX_FLAGS)
                hv_ctx_error(ctx, flags->items[i], "more than %d flags", HV_MAX_FLAGS);
            else if (hv_read_id(ctx, flags->items[i], rule->flags[rule->flag_count], HV_ID_LEN))
                rule->flag_count++;
            hv_ctx_pop(ctx, o);
        }
    hv_ctx_pop(ctx, old);
    old = hv_ctx_push_key(ctx, "people");
    if (people && hv_expect(ctx, people, HV_YNODE_SEQ))
        for (size_t i = 0; i < people->count; i++) {
            const hv_ynode *item = people->items[i];
            size_t o = hv_ctx_push_index(ctx, i);
            if (rule->person_count == HV_CARRY_PEOPLE)
                hv_ctx_error(ctx, item, "more than %d people", HV_CARRY_PEOPLE);
            else if (hv_expect(ctx, item, HV_YNODE_SCALAR) && item->len > 0 &&
                     item->len < HV_PERSON_NAME_LEN)
                memcpy(rule->people[rule->person_count++], item->str, item->len + 1);
            else if (item->kind == HV_YNODE_SCALAR)
                hv_ctx_error(ctx, item, "a name is 1 to %d bytes long", HV_PERSON_NAME_LEN - 1);
            hv_ctx_pop(ctx, o);
        }
    hv_ctx_pop(ctx, old);
}

/* The entry of list KEY at INDEX, for errors about what it names. */
static const hv_ynode *list_item(const hv_ynode *root, const char *key, int32_t index)
{
    const hv_ynode *list = hv_ynode_get(hv_ynode_get(root, "carry"), key);
    return list && list->kind == HV_YNODE_SEQ && (size_t)index < list->count ? list->items[index]
                                                                             : root;
}

int hv_campaign_load(const char *path, hv_campaign *out, hv_diag *diag)
{
    size_t before = diag->count;
    memset(out, 0, sizeof *out);
    snprintf(out->file, sizeof out->file, "%s", path);
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    hv_ctx ctx = {diag, path, NULL, "", 0, 0, NULL, 0};
    if (hv_ydoc_load_file(&doc, path, &limits, diag) == 0 &&
        hv_check_format(&ctx, doc.root, "campaign")) {
        campaign_head head;
        memset(&head, 0, sizeof head);
        hv_fields_read(&ctx, doc.root, hv_campaign_fields, &head, NULL, 1);
        memcpy(out->id, head.id, sizeof out->id);
        memcpy(out->title, head.title, sizeof out->title);
        memcpy(out->summary, head.summary, sizeof out->summary);
        const hv_ynode *carry = hv_ynode_get(doc.root, "carry");
        size_t old = hv_ctx_push_key(&ctx, "carry");
        if (carry)
            read_carry_rule(&ctx, carry, &out->carry);
        hv_ctx_pop(&ctx, old);
        uint32_t flags_known = 0, people_known = 0;
        const hv_ynode *levels = hv_ynode_get(doc.root, "levels");
        old = hv_ctx_push_key(&ctx, "levels");
        if (levels)
            read_levels(&ctx, levels, out, &flags_known, &people_known);
        hv_ctx_pop(&ctx, old);
        /* A carried flag or person no level knows is a typing mistake. */
        for (int32_t f = 0; levels && f < out->carry.flag_count; f++)
            if (!(flags_known >> f & 1u)) {
                old = hv_ctx_push_key(&ctx, "carry.flags");
                hv_ctx_push_index(&ctx, (size_t)f);
                hv_ctx_error(&ctx, list_item(doc.root, "flags", f),
                             "no level of the campaign declares flag '%s'", out->carry.flags[f]);
                hv_ctx_pop(&ctx, old);
            }
        for (int32_t p = 0; levels && p < out->carry.person_count; p++)
            if (!(people_known >> p & 1u)) {
                old = hv_ctx_push_key(&ctx, "carry.people");
                hv_ctx_push_index(&ctx, (size_t)p);
                hv_ctx_error(&ctx, list_item(doc.root, "people", p), "'%s' is on no level's roster",
                             out->carry.people[p]);
                hv_ctx_pop(&ctx, old);
            }
    }
    hv_ydoc_free(&doc);
    return diag->count == before ? 0 : -1;
}

void hv_campaign_progress_init(hv_campaign_progress *p, const hv_campaign *c)
{
    memset(p, 0, sizeof *p);
    snprintf(p->campaign, sizeof p->campaign, "%s", c->id);
    p->reached = c->level_count > 0 ? 1 : 0;
}

typedef struct progress_head {
    char campaign[HV_ID_LEN];
} progress_head;

typedef struct progress_level {
    char level[HV_ID_LEN];
    int32_t won;
} progress_level;

const hv_field hv_progress_fields[] = {
    {"format", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be 1"},
    {"kind", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "`campaign_progress`"},
    {"campaign", HV_F_ID, offsetof(progress_head, campaign), HV_ID_LEN, 1, 0, 0, NULL, 0,
     "the campaign's id"},
    {"levels", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "the levels reached, in the campaign's order"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

const hv_field hv_progress_level_fields[] = {
    {"level", HV_F_ID, offsetof(progress_level, level), HV_ID_LEN, 1, 0, 0, NULL, 0,
     "the level's id"},
    {"won", HV_F_BOOL, offsetof(progress_level, won), sizeof(int32_t), 0, 0, 0, NULL, 0,
     "won at least once (default false)"},
    {"carry", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "what the level starts with"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

static void read_progress(hv_ctx *ctx, const hv_ynode *root, const hv_campaign *c,
                          hv_campaign_progress *p)
{
    progress_head head;
    memset(&head, 0, sizeof head);
    if (!hv_check_format(ctx, root, "campaign_progress") ||
        !hv_fields_read(ctx, root, hv_progress_fields, &head, NULL, 1))
        return;
    if (strcmp(head.campaign, c->id) != 0) {
        size_t old = hv_ctx_push_key(ctx, "campaign");
        hv_ctx_error(ctx, hv_ynode_get(root, "campaign"), "this is the progress of '%s', not '%s'",
                     head.campaign, c->id);
        hv_ctx_pop(ctx, old);
        return;
    }
    const hv_ynode *list = hv_ynode_get(root, "levels");
    size_t old = hv_ctx_push_key(ctx, "levels");
    if (hv_expect(ctx, list, HV_YNODE_SEQ)) {
        if (list->count == 0 || list->count > (size_t)c->level_count)
            hv_ctx_error(ctx, list, "%zu levels reached, but the campaign has %d", list->count,
                         c->level_count);
        for (size_t i = 0; i < list->count && i < (size_t)c->level_count; i++) {
            size_t o = hv_ctx_push_index(ctx, i);
            progress_level e;
            memset(&e, 0, sizeof e);
            const hv_ynode *item = list->items[i];
            if (hv_fields_read(ctx, item, hv_progress_level_fields, &e, NULL, 1)) {
                if (e.level[0] && strcmp(e.level, c->level_ids[i]) != 0) {
                    size_t k = hv_ctx_push_key(ctx, "level");
                    hv_ctx_error(ctx, hv_ynode_get(item, "level"),
                                 "level %zu of the campaign is '%s', not '%s'", i + 1,
                                 c->level_ids[i], e.level);
                    hv_ctx_pop(ctx, k);
                }
                p->won[i] = e.won;
                const hv_ynode *carry = hv_ynode_get(item, "carry");
                size_t k = hv_ctx_push_key(ctx, "carry");
                if (carry)
                    hv_carry_read(ctx, carry, &p->carry[i]);
                hv_ctx_pop(ctx, k);
            }
            hv_ctx_pop(ctx, o);
        }
        p->reached =
            (int32_t)(list->count < (size_t)c->level_count ? list->count : (size_t)c->level_count);
    }
    hv_ctx_pop(ctx, old);
}

/* Reads PATH alone; 0 also when it does not exist (*MISSING set). */
static int read_progress_file(const char *path, const hv_campaign *c, hv_campaign_progress *p,
                              hv_diag *diag, int *missing)
{
    hv_campaign_progress_init(p, c);
    struct stat st;
    *missing = stat(path, &st) != 0 && errno == ENOENT;
    if (*missing)
        return 0; /* nothing played yet */
    size_t before = diag->count;
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    hv_ctx ctx = {diag, path, NULL, "", 0, 0, NULL, 0};
    if (hv_ydoc_load_file(&doc, path, &limits, diag) == 0)
        read_progress(&ctx, doc.root, c, p);
    hv_ydoc_free(&doc);
    if (diag->count == before)
        return 0;
    hv_campaign_progress_init(p, c);
    return -1;
}

int hv_campaign_progress_read(const char *path, const hv_campaign *c, hv_campaign_progress *p,
                              hv_diag *diag)
{
    hv_diag own;
    hv_diag_init(&own);
    int missing, rc = read_progress_file(path, c, p, &own, &missing);
    if (rc != 0 || missing) {
        /* A write cut short between its renames, or a damaged file: the
         * previous progress is better than none. */
        char bak[HV_FILE_LEN + 72];
        snprintf(bak, sizeof bak, "%s.bak", path);
        hv_diag quiet;
        hv_diag_init(&quiet);
        int bak_missing;
        if (read_progress_file(bak, c, p, &quiet, &bak_missing) == 0 && !bak_missing)
            rc = 1;
        hv_diag_free(&quiet);
    }
    if (rc < 0)
        for (size_t i = 0; i < own.count; i++)
            hv_diag_error(diag, own.entries[i].file, own.entries[i].line, own.entries[i].col, "%s",
                          own.entries[i].message);
    hv_diag_free(&own);
    return rc;
}

/* Finds the campaign with ID among levels/campaigns/ of the data folders
 * into OUT; 0, or -1 when none loads. WHERE gets the folders looked in. */
static int find_campaign(const char *id, hv_campaign *out, char *where, size_t where_len)
{
    const char *folders[HV_DATA_FOLDERS];
    int n = hv_file_data_folders(folders), found = -1;
    where[0] = '\0';
    for (int i = 0; i < n && found != 0; i++) {
        char dir[HV_FILE_LEN];
        snprintf(dir, sizeof dir, "%.*s/levels/campaigns", HV_FILE_LEN - 20, folders[i]);
        size_t used = strlen(where);
        snprintf(where + used, where_len - used, "%s%s", used ? ", " : "", dir);
        DIR *d = opendir(dir);
        struct dirent *e;
        while (d && found != 0 && (e = readdir(d))) {
            char path[HV_FILE_LEN];
            size_t len = strlen(e->d_name);
            if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0 ||
                (size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path)
                continue;
            hv_diag quiet;
            hv_diag_init(&quiet);
            if (hv_campaign_load(path, out, &quiet) == 0 && strcmp(out->id, id) == 0)
                found = 0;
            hv_diag_free(&quiet);
        }
        if (d)
            closedir(d);
    }
    return found;
}

int hv_campaign_progress_check(const char *path, hv_diag *diag)
{
    size_t before = diag->count;
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    hv_ctx ctx = {diag, path, NULL, "", 0, 0, NULL, 0};
    progress_head head;
    memset(&head, 0, sizeof head);
    hv_campaign *c = malloc(sizeof *c);
    hv_campaign_progress *p = malloc(sizeof *p);
    char where[1024];
    if (!c || !p) {
        hv_diag_error(diag, path, 0, 0, "out of memory");
    } else if (hv_ydoc_load_file(&doc, path, &limits, diag) == 0 &&
               hv_check_format(&ctx, doc.root, "campaign_progress") &&
               hv_fields_read(&ctx, doc.root, hv_progress_fields, &head, NULL, 1) &&
               diag->count == before) {
        int missing;
        if (find_campaign(head.campaign, c, where, sizeof where) == 0)
            read_progress_file(path, c, p, diag, &missing);
        else
            hv_diag_error(diag, path, hv_ynode_get(doc.root, "campaign")->line,
                          hv_ynode_get(doc.root, "campaign")->col,
                          "campaign: there is no campaign '%s' in %s", head.campaign, where);
    }
    if (c && p)
        hv_ydoc_free(&doc);
    free(c);
    free(p);
    return diag->count == before ? 0 : -1;
}

int hv_campaign_progress_write(const char *path, const hv_campaign *c,
                               const hv_campaign_progress *p, char *err, size_t err_len)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    if (!m)
        return hv_file_error(err, err_len, "out of memory");
    fprintf(m,
            "# Happy Valley campaign progress: docs/campaign-format.md\n"
            "format: 1\nkind: campaign_progress\ncampaign: %s\nlevels:\n",
            c->id);
    for (int32_t i = 0; i < p->reached && i < c->level_count; i++) {
        fprintf(m, "  - level: %s\n    won: %s\n    carry:", c->level_ids[i],
                p->won[i] ? "true" : "false");
        hv_carry_write(m, 6, &p->carry[i]);
    }
    if (fclose(m) != 0) {
        free(text);
        return hv_file_error(err, err_len, "out of memory");
    }
    /* A missing or damaged file with a good backup: the backup is then the
     * only good copy, and is kept. */
    hv_campaign_progress q;
    hv_diag quiet;
    hv_diag_init(&quiet);
    int missing, keep = read_progress_file(path, c, &q, &quiet, &missing) == 0 && !missing;
    if (!keep) {
        char bak[HV_FILE_LEN + 72];
        snprintf(bak, sizeof bak, "%s.bak", path);
        keep = read_progress_file(bak, c, &q, &quiet, &missing) != 0 || missing;
    }
    hv_diag_free(&quiet);
    int rc = hv_file_write_atomic(path, text, len, keep, err, err_len);
    free(text);
    return rc;
}

int hv_campaign_record_win(const hv_campaign *c, hv_campaign_progress *p, int32_t stage,
                           const hv_state *start, const hv_state *end)
{
    if (stage < 0 || stage >= c->level_count || stage >= p->reached)
        return 0;
    p->won[stage] = 1;
    if (stage + 1 >= c->level_count)
        return 0;
    /* Winning a level again hands the next one the newer results. */
    hv_carry_take(start, end, &c->carry, &p->carry[stage], &p->carry[stage + 1]);
    if (p->reached > stage + 1)
        return 0;
    p->reached = stage + 2;
    return 1;
}

void hv_campaign_progress_path(const char *data_dir, const char *id, char *buf, size_t len)
{
    snprintf(buf, len, "%s/campaign-%s.yaml", data_dir, id);
}
