/* The warnings about effects that change nothing and goals that can never
 * be met (hv_lint.h). */
#include <stdlib.h>
#include <string.h>

#include "hv_lint.h"

/* A whole number 0 or `false`, as a key's value that changes nothing. */
static int is_zero(const hv_ynode *v)
{
    if (v->kind != HV_YNODE_SCALAR || v->quoted || v->len == 0)
        return 0;
    if (strcmp(v->str, "false") == 0)
        return 1;
    char *end;
    long long x = strtoll(v->str, &end, 10);
    return *end == '\0' && x == 0;
}

/* Warns at every 0 in NODE: a number, or a map of them at any depth
 * (resources, tension between named nations, sponsors by faction). */
static void zeros(hv_lint *l, const hv_ynode *node)
{
    if (node->kind == HV_YNODE_SCALAR && is_zero(node))
        hv_ctx_warning(&l->ctx, node, "%s changes nothing; leave it out", node->str);
    if (node->kind != HV_YNODE_MAP)
        return;
    for (size_t i = 0; i < node->count; i++) {
        size_t old = hv_ctx_push_key(&l->ctx, node->items[2 * i]->str);
        zeros(l, node->items[2 * i + 1]);
        hv_ctx_pop(&l->ctx, old);
    }
}

/* Warns at each faction or bloc of MAP (satisfaction or funding by
 * faction) that has no sponsor in the level: there is nobody to please. */
static void absent_sponsors(hv_lint *l, const hv_ynode *map)
{
    if (!l->level || map->kind != HV_YNODE_MAP)
        return;
    const hv_rules *r = &l->level->rules;
    for (size_t i = 0; i < map->count; i++) {
        const hv_ynode *key = map->items[2 * i];
        if (is_zero(map->items[2 * i + 1]))
            continue; /* a 0 in overrides takes a rules file's value out */
        int f = hv_rules_find_faction(r, key->str), b = hv_rules_find_bloc(r, key->str);
        uint32_t members = f >= 0 ? 1u << f : b >= 0 ? r->blocs[b].members : 0;
        if (!members || (members & l->sponsored))
            continue;
        size_t old = hv_ctx_push_key(&l->ctx, key->str);
        hv_ctx_warning(&l->ctx, key,
                       f >= 0 ? "faction '%s' has no sponsor in this level: this changes nothing"
                              : "no faction of bloc '%s' has a sponsor in this level: this "
                                "changes nothing",
                       key->str);
        hv_ctx_pop(&l->ctx, old);
    }
}

/* Warns at each flag EFFECT both sets and clears: clearing comes after
 * setting, so the flag ends the effect as it was. */
static void set_and_cleared(hv_lint *l, const hv_ynode *effect)
{
    const hv_ynode *set = hv_ynode_get(effect, "set_flags");
    const hv_ynode *clear = hv_ynode_get(effect, "clear_flags");
    if (!set || !clear || set->kind != HV_YNODE_SEQ || clear->kind != HV_YNODE_SEQ)
        return;
    for (size_t i = 0; i < set->count; i++)
        for (size_t j = 0; j < clear->count; j++) {
            const hv_ynode *a = set->items[i], *b = clear->items[j];
            if (a->kind != HV_YNODE_SCALAR || b->kind != HV_YNODE_SCALAR ||
                strcmp(a->str, b->str) != 0)
                continue;
            size_t old = hv_ctx_push_key(&l->ctx, "set_flags");
            hv_ctx_push_index(&l->ctx, i);
            hv_ctx_warning(&l->ctx, a,
                           "flag '%s' is cleared by the same effect, after it is set: setting it "
                           "changes nothing",
                           a->str);
            hv_ctx_pop(&l->ctx, old);
        }
}

void hv_lint_effect(hv_lint *l, const hv_ynode *node, int fresh)
{
    const hv_ynode *effect = hv_ynode_get(node, "effect");
    if (!effect || effect->kind != HV_YNODE_MAP)
        return;
    size_t old = hv_ctx_push_key(&l->ctx, "effect");
    for (size_t i = 0; i < effect->count; i++) {
        const char *key = effect->items[2 * i]->str;
        const hv_ynode *value = effect->items[2 * i + 1];
        size_t at = hv_ctx_push_key(&l->ctx, key);
        if (strcmp(key, "satisfaction") == 0 || strcmp(key, "funding") == 0)
            absent_sponsors(l, value);
        if (strcmp(key, "mandate") == 0) {
            if (fresh && value->kind == HV_YNODE_SCALAR && strcmp(value->str, "keep") == 0)
                hv_ctx_warning(&l->ctx, value,
                               "'keep' leaves the board's mandate as it is: this changes "
                               "nothing; leave it out");
        } else if (fresh && strcmp(key, "motion") != 0 && strcmp(key, "follow_up") != 0 &&
                   strcmp(key, "break") != 0) {
            zeros(l, value);
        }
        hv_ctx_pop(&l->ctx, at);
    }
    set_and_cleared(l, effect);
    hv_ctx_pop(&l->ctx, old);
}

/* Cells of the map on which module type T may stand, and the start's
 * modules of T on other ground (which the loader lets stand). */
static int32_t room_for(const hv_level *level, int32_t t)
{
    const hv_rules *r = &level->rules;
    int32_t n = 0;
    for (int y = 0; y < r->map_height; y++)
        for (int x = 0; x < r->map_width; x++)
            n += (r->module_types[t].terrain_mask >> hv_rules_terrain_at(r, x, y) & 1u) != 0;
    for (int32_t i = 0; i < level->start.module_count; i++) {
        const hv_module *m = &level->start.modules[i];
        n += m->type == t &&
             !(r->module_types[t].terrain_mask >> hv_rules_terrain_at(r, m->x, m->y) & 1u);
    }
    return n < HV_MAX_MODULES ? n : HV_MAX_MODULES;
}

void hv_lint_goal(hv_lint *l, const hv_ynode *node, const hv_goal *g, int win)
{
    const hv_ynode *amount = hv_ynode_get(node, "amount");
    const hv_rules *r = &l->level->rules;
    int32_t people = l->level->start.person_count;
    long long a = (long long)g->amount;
    if (!amount)
        return;
    size_t old = hv_ctx_push_key(&l->ctx, "amount");
    hv_ctx *c = &l->ctx;
    /* People only leave a base (they die, defect, or a campaign left them
     * behind); a rock is captured once; satisfaction and tension stay
     * within 0..100; a module takes a cell of its own. */
    if (win && g->kind == HV_GOAL_MODULES_AT_LEAST && a > room_for(l->level, g->module_type))
        hv_ctx_warning(c, amount,
                       "%lld modules of type '%s' can never stand at once: the map has room for "
                       "%d; this goal can never be met",
                       a, r->module_types[g->module_type].id, room_for(l->level, g->module_type));
    else if (win && g->kind == HV_GOAL_POPULATION_AT_LEAST && a > people)
        hv_ctx_warning(c, amount,
                       "the level starts with %d people and nobody arrives later: this goal can "
                       "never be met",
                       people);
    else if (!win && g->kind == HV_GOAL_POPULATION_BELOW && a > people)
        hv_ctx_warning(c, amount,
                       "the level starts with %d people, fewer than %lld, and nobody arrives "
                       "later: it is lost in its first week",
                       people, a);
    else if (win && g->kind == HV_GOAL_CAPTURED_AT_LEAST && a > r->asteroid_count)
        hv_ctx_warning(c, amount,
                       "the level has %d asteroids, each captured at most once: this goal can "
                       "never be met",
                       r->asteroid_count);
    else if (win && g->kind == HV_GOAL_SATISFACTION_AT_LEAST && a > 100 && r->sponsor_count > 0)
        hv_ctx_warning(c, amount, "satisfaction is at most 100: this goal can never be met");
    else if (win && g->kind == HV_GOAL_TENSION_BELOW && a == 0)
        hv_ctx_warning(c, amount, "tension is never below 0: this goal can never be met");
    hv_ctx_pop(c, old);
}
