/* The goals of a level: the win and lose lists, each goal's kind and the
 * keys that kind needs, and where it may stand. */
#include <stdio.h>
#include <string.h>

#include "hv_field_table.h"
#include "hv_level.h"

typedef struct goal_entry {
    int32_t kind, resource, module_type, week, weeks, flag;
    int64_t amount;
    char text[HV_GOAL_TEXT_LEN];
} goal_entry;

const hv_field hv_goals_fields[] = {
    SECTION("win", 1, "all of these at once win the level (an empty list never wins)"),
    SECTION("lose", 1, "any one of these loses it"),
    END,
};

const char *const hv_goal_kind_names[] = {
    "resource_at_least",
    "resource_depleted",
    "week_reached",
    "modules_at_least",
    "population_at_least",
    "population_below",
    "bankrupt",
    "tension_below",
    "riot",
    "exported_at_least",
    "captured_at_least",
    "flag_set",
    "satisfaction_at_least",
    NULL,
};

const hv_field hv_goal_fields[] = {
    {"kind", HV_F_ENUM, offsetof(goal_entry, kind), sizeof(int32_t), 1, 0, 0, hv_goal_kind_names, 0,
     "what is checked"},
    REF("resource", goal_entry, resource, 0, HV_REF_RESOURCE, "resource id"),
    REF("module", goal_entry, module_type, 0, HV_REF_MODULE_TYPE, "module type id"),
    FIELD("amount", HV_F_INT64, goal_entry, amount, 0, 0, BIG, "amount or count"),
    FIELD("week", HV_F_INT32, goal_entry, week, 0, 1, 100000, "week number"),
    FIELD("weeks", HV_F_INT32, goal_entry, weeks, 0, 1, 1000, "weeks running"),
    FIELD("text", HV_F_TEXT, goal_entry, text, 0, 0, 0, "how the goal reads to the player"),
    REF("flag", goal_entry, flag, 0, HV_REF_FLAG, "story flag id"),
    END,
};

/* Keys each goal kind needs (bit per hv_goal_fields index) and where it may stand. */
enum {
    G_KIND = 1,
    G_RES = 2,
    G_MOD = 4,
    G_AMOUNT = 8,
    G_WEEK = 16,
    G_WEEKS = 32,
    G_TEXT = 64,
    G_FLAG = 128
};
static const struct {
    unsigned keys;
    int win, lose;
} goal_rules[HV_GOAL_KIND_COUNT] = {
    [HV_GOAL_RESOURCE_AT_LEAST] = {G_RES | G_AMOUNT, 1, 0},
    [HV_GOAL_RESOURCE_DEPLETED] = {G_RES, 0, 1},
    [HV_GOAL_TURN_REACHED] = {G_WEEK, 1, 1},
    [HV_GOAL_MODULES_AT_LEAST] = {G_MOD | G_AMOUNT, 1, 0},
    [HV_GOAL_POPULATION_AT_LEAST] = {G_AMOUNT, 1, 0},
    [HV_GOAL_POPULATION_BELOW] = {G_AMOUNT, 0, 1},
    [HV_GOAL_BANKRUPT] = {G_WEEKS, 0, 1},
    [HV_GOAL_TENSION_BELOW] = {G_AMOUNT, 1, 0},
    [HV_GOAL_RIOT] = {0, 0, 1},
    [HV_GOAL_EXPORTED_AT_LEAST] = {G_AMOUNT, 1, 0},
    [HV_GOAL_CAPTURED_AT_LEAST] = {G_AMOUNT, 1, 0},
    [HV_GOAL_FLAG_SET] = {G_FLAG, 1, 1},
    [HV_GOAL_SATISFACTION_AT_LEAST] = {G_AMOUNT, 1, 0},
};

unsigned hv_goal_kind_keys(int32_t kind, unsigned *may)
{
    *may = G_TEXT;
    return kind >= 0 && kind < HV_GOAL_KIND_COUNT ? goal_rules[kind].keys | G_KIND : G_KIND;
}

int hv_goal_kind_sides(int32_t kind)
{
    if (kind < 0 || kind >= HV_GOAL_KIND_COUNT)
        return 0;
    return (goal_rules[kind].win ? 1 : 0) | (goal_rules[kind].lose ? 2 : 0);
}

static void read_goal(hv_ctx *ctx, const hv_ynode *node, size_t index, hv_level *level, int win)
{
    goal_entry g = {-1, -1, -1, 0, 0, -1, 0, ""};
    uint64_t seen = 0;
    int before = ctx->errors;
    if (!hv_fields_read(ctx, node, hv_goal_fields, &g, &seen, 1) || ctx->errors != before)
        return;
    unsigned needs = goal_rules[g.kind].keys | G_KIND;
    for (int f = 1; hv_goal_fields[f].key; f++) {
        unsigned bit = 1u << f;
        if ((needs & bit) && !(seen & bit))
            hv_ctx_error(ctx, node, "a '%s' goal needs key '%s'", hv_goal_kind_names[g.kind],
                         hv_goal_fields[f].key);
        if (!(needs & bit) && (seen & bit) && bit != G_TEXT)
            hv_ctx_error(ctx, hv_ynode_get(node, hv_goal_fields[f].key),
                         "key '%s' means nothing to a '%s' goal", hv_goal_fields[f].key,
                         hv_goal_kind_names[g.kind]);
    }
    if (win ? !goal_rules[g.kind].win : !goal_rules[g.kind].lose)
        hv_ctx_error(ctx, hv_ynode_get(node, "kind"), "'%s' cannot be a %s goal",
                     hv_goal_kind_names[g.kind], win ? "win" : "lose");
    if (ctx->errors != before)
        return;
    hv_goal *goal = win ? &level->rules.win[index] : &level->rules.lose[index];
    goal->kind = (hv_goal_kind)g.kind;
    goal->resource = g.resource;
    goal->module_type = g.module_type;
    goal->turn = g.kind == HV_GOAL_BANKRUPT ? g.weeks : g.week;
    goal->amount = g.amount;
    goal->flag = g.flag;
    memcpy(win ? level->win_text[index] : level->lose_text[index], g.text, sizeof g.text);
    if (win)
        level->rules.win_count = (int32_t)index + 1;
    else
        level->rules.lose_count = (int32_t)index + 1;
}

static void read_win(hv_ctx *ctx, const hv_ynode *node, size_t index, void *data)
{
    read_goal(ctx, node, index, data, 1);
}

static void read_lose(hv_ctx *ctx, const hv_ynode *node, size_t index, void *data)
{
    read_goal(ctx, node, index, data, 0);
}

/* Reports win goal WIN (the node of list entry I) that lose goal LOSE (entry
 * J) always beats: the lose goals but a deadline are checked before the win,
 * and a deadline loses at the end of its week unless the win came then. */
static void check_beaten(hv_ctx *ctx, const hv_ynode *win, size_t i, const hv_goal *w,
                         const hv_goal *lose, size_t j)
{
    const char *key = NULL;
    char why[200];
    if (w->kind == HV_GOAL_TURN_REACHED && lose->kind == HV_GOAL_TURN_REACHED &&
        w->turn > lose->turn) {
        key = "week";
        snprintf(why, sizeof why,
                 "week %d comes after the deadline of week %d (goals.lose[%zu]), which loses the "
                 "level first: it can never be won",
                 w->turn, lose->turn, j);
    } else if (w->kind == HV_GOAL_FLAG_SET && lose->kind == HV_GOAL_FLAG_SET &&
               w->flag == lose->flag) {
        key = "flag";
        snprintf(why, sizeof why,
                 "the flag also loses the level (goals.lose[%zu]), and lose goals are checked "
                 "first: it can never be won",
                 j);
    }
    if (!key)
        return;
    char path[32];
    snprintf(path, sizeof path, "win[%zu].%s", i, key);
    size_t old = hv_ctx_push_key(ctx, path);
    hv_ctx_error(ctx, hv_ynode_get(win, key), "%s", why);
    hv_ctx_pop(ctx, old);
}

void hv_read_goals(hv_ctx *ctx, const hv_ynode *goals, hv_level *level)
{
    int before = ctx->errors;
    if (hv_fields_read(ctx, goals, hv_goals_fields, NULL, NULL, 1)) {
        hv_read_list(ctx, goals, "win", HV_MAX_GOALS, read_win, level);
        hv_read_list(ctx, goals, "lose", HV_MAX_GOALS, read_lose, level);
    }
    /* Each goal read whole, so goal i of a list is entry i of the file. */
    if (ctx->errors != before)
        return;
    const hv_ynode *win = hv_ynode_get(goals, "win");
    const hv_rules *r = &level->rules;
    for (int32_t i = 0; i < r->win_count; i++)
        for (int32_t j = 0; j < r->lose_count; j++)
            check_beaten(ctx, win->items[i], (size_t)i, &r->win[i], &r->lose[j], (size_t)j);
}
