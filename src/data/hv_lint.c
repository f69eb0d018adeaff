/* The warnings of `validate` (hv_lint.h): events that can never fire,
 * story flags set but never read or read but never set, and the walk of
 * level, rules and campaign files that finds where each thing is written. */
#define _XOPEN_SOURCE 700
#include "hv_lint.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "hv_campaign_cache.h"
#include "hv_file.h"
#include "hv_yaml.h"

#define WHO_LEN (HV_ID_LEN + 40)

/* Which flags something sets and something reads, and the first setter of
 * each, to name in a message. */
typedef struct flag_use {
    uint32_t set, read;
    char set_by[HV_MAX_FLAGS][WHO_LEN];
} flag_use;

static void note_set(flag_use *u, uint32_t bits, const char *what, const char *id)
{
    for (int32_t f = 0; f < HV_MAX_FLAGS; f++)
        if ((bits >> f & 1u) && !(u->set >> f & 1u)) {
            snprintf(u->set_by[f], WHO_LEN, "%s%s%s%s", what, id ? " '" : "", id ? id : "",
                     id ? "'" : "");
            u->set |= 1u << f;
        }
}

static void note_effect(flag_use *u, const hv_effect *e, const char *id)
{
    note_set(u, e->set_flags, "event", id);
    if (e->motion.set && e->motion.passed)
        note_set(u, 1u << (e->motion.passed - 1), "the motion of event", id);
    if (e->motion.set && e->motion.failed)
        note_set(u, 1u << (e->motion.failed - 1), "the motion of event", id);
}

static uint32_t trigger_reads(const hv_trigger *t)
{
    return (t->flag >= 0 ? 1u << t->flag : 0) | (t->flag_clear > 0 ? 1u << (t->flag_clear - 1) : 0);
}

/* Every setter and reader of flags in R: events (whether they can fire or
 * not), motions, the riot, the hijack, steps and goals. */
static void scan_flags(const hv_rules *r, flag_use *u)
{
    for (int32_t e = 0; e < r->event_count; e++) {
        const hv_event_def *ev = &r->events[e];
        u->read |= trigger_reads(&ev->trigger);
        note_effect(u, &ev->effect, ev->id);
        for (int32_t c = 0; c < ev->choice_count; c++)
            note_effect(u, &ev->choices[c].effect, ev->id);
    }
    if (r->society.riot_flag > 0)
        note_set(u, 1u << (r->society.riot_flag - 1), "society.riot_flag", NULL);
    if (r->missions.hijack_flag > 0)
        note_set(u, 1u << (r->missions.hijack_flag - 1), "missions.hijack_flag", NULL);
    for (int32_t s = 0; s < r->step_count; s++)
        u->read |= trigger_reads(&r->steps[s].done);
    for (int32_t g = 0; g < r->win_count; g++)
        if (r->win[g].kind == HV_GOAL_FLAG_SET)
            u->read |= 1u << r->win[g].flag;
    for (int32_t g = 0; g < r->lose_count; g++)
        if (r->lose[g].kind == HV_GOAL_FLAG_SET)
            u->read |= 1u << r->lose[g].flag;
}

/* Whether the campaign file at PATH lists the level whose real path is
 * REAL; its carried flags then count as set and read in RULES. */
static void campaign_carries(const char *path, const char *real, const hv_rules *r, flag_use *u)
{
    const hv_campaign_carries *c = hv_campaign_cache_get(path);
    int listed = 0;
    for (int32_t i = 0; c && c->carries && i < c->level_count && !listed; i++)
        listed = strcmp(c->levels[i], real) == 0;
    for (int32_t i = 0; listed && i < c->flag_count; i++) {
        int f = hv_rules_find_flag(r, c->flags[i]);
        if (f < 0)
            continue;
        u->read |= 1u << f;
        note_set(u, 1u << f, "campaign", c->id);
    }
}

/* The campaigns that may carry flags into LEVEL or on from it: those in
 * campaigns/ beside it and in levels/campaigns/ of each data folder. */
static void campaign_flags(const hv_level *level, flag_use *u)
{
    char real[PATH_MAX];
    if (!realpath(level->file, real))
        return;
    char dirs[1 + HV_DATA_FOLDERS][PATH_MAX];
    const char *folders[HV_DATA_FOLDERS];
    int n = hv_file_data_folders(folders);
    const char *slash = strrchr(level->file, '/');
    snprintf(dirs[0], PATH_MAX, "%.*s/campaigns", slash ? (int)(slash - level->file) : 1,
             slash ? level->file : ".");
    for (int i = 0; i < n; i++)
        snprintf(dirs[i + 1], PATH_MAX, "%.*s/levels/campaigns", PATH_MAX - 20, folders[i]);
    for (int d = 0; d <= n; d++) {
        char seen[PATH_MAX];
        int again = 0;
        for (int k = 0; k < d && realpath(dirs[d], seen); k++) {
            char other[PATH_MAX];
            again |= realpath(dirs[k], other) && strcmp(seen, other) == 0;
        }
        DIR *dir = again ? NULL : opendir(dirs[d]);
        struct dirent *e;
        while (dir && (e = readdir(dir))) {
            size_t len = strlen(e->d_name);
            char path[PATH_MAX];
            if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0 &&
                (size_t)snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name) < sizeof path &&
                hv_file_is_regular(path))
                campaign_carries(path, real, &level->rules, u);
        }
        if (dir)
            closedir(dir);
    }
}

/* Which events can fire: those hv_rules_event_can_fire knows, the event a
 * hijack found out fires, and what follows up to any of them. */
static void live_events(const hv_rules *r, int live[HV_MAX_EVENTS])
{
    uint64_t can = hv_rules_events_live(r);
    for (int32_t e = 0; e < r->event_count; e++)
        live[e] = (can >> e & 1u) || r->missions.found_out_event == e + 1;
    for (int grown = 1; grown;) {
        grown = 0;
        for (int32_t e = 0; e < r->event_count; e++)
            for (int32_t from = 0; from < r->event_count && !live[e]; from++)
                if (live[from] && hv_rules_event_follows_to(&r->events[from], e))
                    live[e] = grown = 1;
    }
}

/* The level's lint: the flags and events of the whole game it plays. */
typedef struct level_lint {
    hv_lint base;
    flag_use flags;
    int live[HV_MAX_EVENTS];
} level_lint;

/* Warns at the flag TRIGGER (a map of trigger keys) reads when nothing sets
 * it, and at the event its `answered` names when that can never fire.
 * NEVER says what follows for the one thing the trigger starts. */
static void check_trigger(level_lint *l, const hv_ynode *trigger, const char *never)
{
    if (!trigger || trigger->kind != HV_YNODE_MAP)
        return;
    hv_ctx *c = &l->base.ctx;
    const hv_rules *r = &l->base.level->rules;
    static const char *const keys[] = {"flag", "flag_clear"};
    for (int k = 0; k < 2; k++) {
        const hv_ynode *v = hv_ynode_get(trigger, keys[k]);
        int f = v && v->kind == HV_YNODE_SCALAR ? hv_rules_find_flag(r, v->str) : -1;
        if (f < 0 || (l->flags.set >> f & 1u))
            continue;
        size_t at = hv_ctx_push_key(c, keys[k]);
        hv_ctx_warning(c, v,
                       "flag '%s' is never set (no effect, motion, riot, hijack or campaign sets "
                       "it): %s",
                       v->str, k == 0 ? never : "this condition always holds");
        hv_ctx_pop(c, at);
    }
    const hv_ynode *answered = hv_ynode_get(trigger, "answered");
    const hv_ynode *ev = answered ? hv_ynode_get(answered, "event") : NULL;
    int e = ev && ev->kind == HV_YNODE_SCALAR ? hv_rules_find_event(r, ev->str) : -1;
    if (e >= 0 && !l->live[e]) {
        size_t at = hv_ctx_push_key(c, "answered.event");
        hv_ctx_warning(c, ev, "event '%s' can never fire here, so it is never answered: %s",
                       ev->str, never);
        hv_ctx_pop(c, at);
    }
}

/* The events of a map of events by id (`events`, or `overrides.events`),
 * each whole (FRESH) or merged into the rules' when the rules have it. */
static void check_events(level_lint *l, const hv_ynode *events, int overrides)
{
    if (!events || events->kind != HV_YNODE_MAP)
        return;
    hv_ctx *c = &l->base.ctx;
    const hv_rules *r = &l->base.level->rules;
    for (size_t i = 0; i < events->count; i++) {
        const hv_ynode *key = events->items[2 * i], *node = events->items[2 * i + 1];
        int e = hv_rules_find_event(r, key->str);
        int added = e >= l->base.level->rules_event_count;
        size_t old = hv_ctx_push_key(c, key->str);
        if (e >= 0 && added && !l->live[e])
            hv_ctx_warning(c, key,
                           "event '%s' can never fire: it is not scripted, has no weight in a "
                           "random pool that speaks, is no rung of an unrest ladder that "
                           "incidents climb, and no event that can fire follows up to it",
                           key->str);
        hv_lint_effect(&l->base, node, !overrides || added);
        const hv_ynode *choices = hv_ynode_get(node, "choices");
        for (size_t k = 0; choices && choices->kind == HV_YNODE_SEQ && k < choices->count; k++) {
            size_t at = hv_ctx_push_key(c, "choices");
            hv_ctx_push_index(c, k);
            hv_lint_effect(&l->base, choices->items[k], 1); /* choices replace, never merge */
            hv_ctx_pop(c, at);
        }
        size_t at = hv_ctx_push_key(c, "trigger");
        check_trigger(l, hv_ynode_get(node, "trigger"), "this event can never fire");
        hv_ctx_pop(c, at);
        hv_ctx_pop(c, old);
    }
}

/* The policies a level's overrides change or add: their options' effects. */
static void check_policies(level_lint *l, const hv_ynode *policies)
{
    if (!policies || policies->kind != HV_YNODE_MAP)
        return;
    hv_ctx *c = &l->base.ctx;
    const hv_level *level = l->base.level;
    for (size_t i = 0; i < policies->count; i++) {
        const hv_ynode *key = policies->items[2 * i];
        const hv_ynode *options = hv_ynode_get(policies->items[2 * i + 1], "options");
        int p = hv_rules_find_policy(&level->rules, key->str);
        size_t old = hv_ctx_push_key(c, key->str);
        hv_ctx_push_key(c, "options");
        for (size_t k = 0; p >= 0 && options && options->kind == HV_YNODE_MAP && k < options->count;
             k++) {
            const char *id = options->items[2 * k]->str;
            const hv_policy *policy = &level->rules.policies[p];
            int o = 0;
            while (o < policy->option_count && strcmp(policy->options[o].id, id) != 0)
                o++;
            /* An option the rules file has takes only the keys given. */
            int fresh = p >= level->rules_policy_count || o >= level->rules_option_count[p];
            size_t at = hv_ctx_push_key(c, id);
            hv_lint_effect(&l->base, options->items[2 * k + 1], fresh);
            hv_ctx_pop(c, at);
        }
        hv_ctx_pop(c, old);
    }
}

/* The flags the level declares (`overrides.flags`) that nothing reads. */
static void check_declared(level_lint *l, const hv_ynode *flags)
{
    if (!flags || flags->kind != HV_YNODE_SEQ)
        return;
    hv_ctx *c = &l->base.ctx;
    for (size_t i = 0; i < flags->count; i++) {
        const hv_ynode *item = flags->items[i];
        int f = item->kind == HV_YNODE_SCALAR ? hv_rules_find_flag(&l->base.level->rules, item->str)
                                              : -1;
        if (f < 0 || (l->flags.read >> f & 1u))
            continue; /* one read but never set is reported where it is read */
        size_t old = hv_ctx_push_index(c, i);
        if (l->flags.set >> f & 1u)
            hv_ctx_warning(c, item,
                           "flag '%s' is set (by %s) but nothing reads it: no trigger, goal or "
                           "campaign looks at it",
                           item->str, l->flags.set_by[f]);
        else
            hv_ctx_warning(c, item, "flag '%s' is never set or read", item->str);
        hv_ctx_pop(c, old);
    }
}

/* Runs CHECK(L, ITEM, INDEX) on each item of the list at KEY of PARENT. */
static void each_item(level_lint *l, const hv_ynode *parent, const char *key,
                      void (*check)(level_lint *, const hv_ynode *, size_t, int), int arg)
{
    const hv_ynode *list = parent ? hv_ynode_get(parent, key) : NULL;
    if (!list || list->kind != HV_YNODE_SEQ)
        return;
    size_t old = hv_ctx_push_key(&l->base.ctx, key);
    for (size_t i = 0; i < list->count; i++) {
        size_t at = hv_ctx_push_index(&l->base.ctx, i);
        check(l, list->items[i], i, arg);
        hv_ctx_pop(&l->base.ctx, at);
    }
    hv_ctx_pop(&l->base.ctx, old);
}

static void check_step(level_lint *l, const hv_ynode *item, size_t i, int unused)
{
    (void)i;
    (void)unused;
    size_t at = hv_ctx_push_key(&l->base.ctx, "done");
    check_trigger(l, hv_ynode_get(item, "done"), "this step can never be done");
    hv_ctx_pop(&l->base.ctx, at);
}

static void check_goal(level_lint *l, const hv_ynode *item, size_t i, int win)
{
    const hv_rules *r = &l->base.level->rules;
    if ((int32_t)i >= (win ? r->win_count : r->lose_count))
        return;
    const hv_goal *g = win ? &r->win[i] : &r->lose[i];
    hv_lint_goal(&l->base, item, g, win);
    const hv_ynode *flag = hv_ynode_get(item, "flag");
    if (g->kind != HV_GOAL_FLAG_SET || !flag || (l->flags.set >> g->flag & 1u))
        return;
    size_t at = hv_ctx_push_key(&l->base.ctx, "flag");
    hv_ctx_warning(&l->base.ctx, flag,
                   "flag '%s' is never set (no effect, motion, riot, hijack or campaign sets it): "
                   "%s",
                   r->flags[g->flag],
                   win ? "this goal can never be met" : "this goal can never lose the level");
    hv_ctx_pop(&l->base.ctx, at);
}

/* ROOT, or the tree of the file at PATH read again into DOC (freed by
 * the caller either way); NULL when it cannot be read. */
static const hv_ynode *tree(const hv_ynode *root, const char *path, hv_ydoc *doc)
{
    memset(doc, 0, sizeof *doc);
    if (root)
        return root;
    hv_ylimits limits = hv_ylimits_default();
    hv_diag quiet;
    hv_diag_init(&quiet);
    int loaded = hv_ydoc_load_file(doc, path, &limits, &quiet) == 0;
    hv_diag_free(&quiet);
    return loaded ? doc->root : NULL;
}

int hv_lint_level(const hv_level *level, const hv_ynode *root, hv_diag *diag)
{
    size_t before = diag->warning_count;
    level_lint *l = calloc(1, sizeof *l);
    hv_ydoc doc;
    root = tree(root, level->file, &doc);
    if (l && root) {
        l->base.ctx = (hv_ctx){diag, level->file, &level->rules, "", 0, 0, NULL, 0};
        l->base.level = level;
        for (int32_t s = 0; s < level->rules.sponsor_count; s++)
            l->base.sponsored |= 1u << level->rules.sponsors[s].faction;
        scan_flags(&level->rules, &l->flags);
        campaign_flags(level, &l->flags);
        live_events(&level->rules, l->live);
        const hv_ynode *over = hv_ynode_get(root, "overrides");
        hv_ctx *c = &l->base.ctx;
        size_t old = hv_ctx_push_key(c, "overrides");
        if (over) {
            size_t at = hv_ctx_push_key(c, "flags");
            check_declared(l, hv_ynode_get(over, "flags"));
            hv_ctx_pop(c, at);
            at = hv_ctx_push_key(c, "events");
            check_events(l, hv_ynode_get(over, "events"), 1);
            hv_ctx_pop(c, at);
            at = hv_ctx_push_key(c, "policies");
            check_policies(l, hv_ynode_get(over, "policies"));
            hv_ctx_pop(c, at);
        }
        hv_ctx_pop(c, old);
        old = hv_ctx_push_key(c, "events");
        check_events(l, hv_ynode_get(root, "events"), 0);
        hv_ctx_pop(c, old);
        each_item(l, root, "steps", check_step, 0);
        old = hv_ctx_push_key(c, "goals");
        each_item(l, hv_ynode_get(root, "goals"), "win", check_goal, 1);
        each_item(l, hv_ynode_get(root, "goals"), "lose", check_goal, 0);
        hv_ctx_pop(c, old);
    }
    hv_ydoc_free(&doc);
    free(l);
    return (int)(diag->warning_count - before);
}

int hv_lint_rules(const char *path, const hv_ynode *root, hv_diag *diag)
{
    size_t before = diag->warning_count;
    hv_ydoc doc;
    root = tree(root, path, &doc);
    /* Rules that extend others merge into them: a 0 there may take a value out. */
    int fresh = root && !hv_ynode_get(root, "extends");
    hv_lint l = {{diag, path, NULL, "", 0, 0, NULL, 0}, NULL, 0};
    const hv_ynode *events = root ? hv_ynode_get(root, "events") : NULL;
    const hv_ynode *policies = root ? hv_ynode_get(root, "policies") : NULL;
    size_t old = hv_ctx_push_key(&l.ctx, "events");
    for (size_t i = 0; events && events->kind == HV_YNODE_MAP && i < events->count; i++) {
        const hv_ynode *node = events->items[2 * i + 1];
        const hv_ynode *choices = hv_ynode_get(node, "choices");
        size_t at = hv_ctx_push_key(&l.ctx, events->items[2 * i]->str);
        hv_lint_effect(&l, node, fresh);
        for (size_t k = 0; choices && choices->kind == HV_YNODE_SEQ && k < choices->count; k++) {
            size_t in = hv_ctx_push_key(&l.ctx, "choices");
            hv_ctx_push_index(&l.ctx, k);
            hv_lint_effect(&l, choices->items[k], 1);
            hv_ctx_pop(&l.ctx, in);
        }
        hv_ctx_pop(&l.ctx, at);
    }
    hv_ctx_pop(&l.ctx, old);
    old = hv_ctx_push_key(&l.ctx, "policies");
    for (size_t i = 0; policies && policies->kind == HV_YNODE_MAP && i < policies->count; i++) {
        const hv_ynode *options = hv_ynode_get(policies->items[2 * i + 1], "options");
        size_t at = hv_ctx_push_key(&l.ctx, policies->items[2 * i]->str);
        hv_ctx_push_key(&l.ctx, "options");
        for (size_t k = 0; options && options->kind == HV_YNODE_MAP && k < options->count; k++) {
            size_t in = hv_ctx_push_key(&l.ctx, options->items[2 * k]->str);
            hv_lint_effect(&l, options->items[2 * k + 1], fresh);
            hv_ctx_pop(&l.ctx, in);
        }
        hv_ctx_pop(&l.ctx, at);
    }
    hv_ctx_pop(&l.ctx, old);
    hv_ydoc_free(&doc);
    return (int)(diag->warning_count - before);
}

int hv_lint_campaign(const hv_campaign *campaign, const hv_ynode *root, hv_diag *diag)
{
    size_t before = diag->warning_count;
    hv_ydoc doc;
    hv_diag quiet;
    hv_diag_init(&quiet);
    root = tree(root, campaign->file, &doc);
    const hv_ynode *carry = root ? hv_ynode_get(root, "carry") : NULL;
    const hv_ynode *flags = carry ? hv_ynode_get(carry, "flags") : NULL;
    /* Bit per carried flag that some level before the last sets. */
    uint32_t set = 0;
    for (int32_t i = 0; flags && i + 1 < campaign->level_count; i++) {
        hv_level *level = hv_level_load(campaign->levels[i], &quiet);
        flag_use *u = level ? calloc(1, sizeof *u) : NULL;
        if (u) {
            scan_flags(&level->rules, u);
            for (int32_t k = 0; k < campaign->carry.flag_count; k++) {
                int f = hv_rules_find_flag(&level->rules, campaign->carry.flags[k]);
                if (f >= 0 && (u->set >> f & 1u))
                    set |= 1u << k;
            }
        } else {
            set = ~0u; /* cannot tell: no warning */
        }
        free(u);
        hv_level_free(level);
    }
    hv_ctx ctx = {diag, campaign->file, NULL, "", 0, 0, NULL, 0};
    for (size_t k = 0; flags && flags->kind == HV_YNODE_SEQ && k < flags->count && k < 32; k++) {
        if (set >> k & 1u)
            continue;
        size_t old = hv_ctx_push_key(&ctx, "carry.flags");
        hv_ctx_push_index(&ctx, k);
        hv_ctx_warning(&ctx, flags->items[k],
                       "no level before the last sets flag '%s': carrying it changes nothing",
                       flags->items[k]->str);
        hv_ctx_pop(&ctx, old);
    }
    hv_ydoc_free(&doc);
    hv_diag_free(&quiet);
    return (int)(diag->warning_count - before);
}
