#include "hv_orders_file.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "hv_carry_file.h"
#include "hv_fields.h"
#include "hv_level.h"
#include "hv_save.h"
#include "hv_suggest.h"

typedef struct order_entry {
    int32_t week, kind, type, x, y, module, person, value;
    char policy[HV_ID_LEN], option[HV_ID_LEN];
    int32_t asteroid, pilot, engineer, amount, choice, to;
    int32_t event;           /* answer: the event it is for, index + 1; 0 whichever waits */
    char bare[3][HV_ID_LEN]; /* type, asteroid and event, read without rules to resolve them */
} order_entry;

static const char *const order_kinds[] = {"build",    "demolish", "assign",   "unassign",
                                          "priority", "policy",   "survey",   "capture",
                                          "export",   "answer",   "redirect", NULL};
/* In hv_destination order. */
static const char *const destinations[] = {"mars", "earth", NULL};

#define FIELD(key, member, lo, hi, doc)                                                            \
    {                                                                                              \
        key, HV_F_INT32, offsetof(order_entry, member), sizeof(int32_t), 0, lo, hi, NULL, 0, doc   \
    }

const hv_field hv_order_fields[] = {
    {"week", HV_F_INT32, offsetof(order_entry, week), sizeof(int32_t), 1, 1, HV_ORDERS_MAX_WEEK,
     NULL, 0, "week the order is queued in"},
    {"do", HV_F_ENUM, offsetof(order_entry, kind), sizeof(int32_t), 1, 0, 0, order_kinds, 0,
     "build, demolish, assign, unassign, priority, policy, survey, capture, export, answer or "
     "redirect"},
    {"type", HV_F_REF, offsetof(order_entry, type), sizeof(int32_t), 0, 0, 0, NULL,
     HV_REF_MODULE_TYPE, "module type id (build)"},
    FIELD("x", x, 0, HV_MAX_MAP - 1, "column (build)"),
    FIELD("y", y, 0, HV_MAX_MAP - 1, "row (build)"),
    FIELD("module", module, 1, 1000000, "module number (demolish, assign, priority)"),
    FIELD("person", person, 1, 1000000, "person number (assign, unassign)"),
    FIELD("value", value, 1, 9, "new power priority (priority)"),
    {"policy", HV_F_ID, offsetof(order_entry, policy), HV_ID_LEN, 0, 0, 0, NULL, 0,
     "policy id (policy)"},
    {"option", HV_F_ID, offsetof(order_entry, option), HV_ID_LEN, 0, 0, 0, NULL, 0,
     "id of one of its options (policy)"},
    {"asteroid", HV_F_REF, offsetof(order_entry, asteroid), sizeof(int32_t), 0, 0, 0, NULL,
     HV_REF_ASTEROID, "asteroid id (survey, capture, redirect)"},
    FIELD("pilot", pilot, 1, 1000000, "person number of the pilot (capture)"),
    FIELD("engineer", engineer, 1, 1000000, "person number of the engineer (capture)"),
    FIELD("amount", amount, 1, 1000000000, "iridium to ship (export)"),
    FIELD("choice", choice, 1, HV_MAX_CHOICES, "choice number, from 1 (answer)"),
    {"to", HV_F_ENUM, offsetof(order_entry, to), sizeof(int32_t), 0, 0, 0, destinations, 0,
     "where the rock goes: `mars` orbit (default) or `earth` orbit (capture, optional)"},
    {"event", HV_F_REF, offsetof(order_entry, event), sizeof(int32_t), 0, 0, 0, NULL,
     HV_REF_EVENT1, "the event the answer is for; refused if another waits (answer, optional)"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

/* Indices into hv_order_fields. */
enum {
    F_WEEK,
    F_DO,
    F_TYPE,
    F_X,
    F_Y,
    F_MODULE,
    F_PERSON,
    F_VALUE,
    F_POLICY,
    F_OPTION,
    F_ASTEROID,
    F_PILOT,
    F_ENGINEER,
    F_AMOUNT,
    F_CHOICE,
    F_TO,
    F_EVENT
};

/* The keys each kind needs besides week and do, in the order they are
 * written; -1 ends a list. */
static const signed char order_keys[HV_ORDER_KIND_COUNT][4] = {
    [HV_ORDER_BUILD] = {F_TYPE, F_X, F_Y, -1},
    [HV_ORDER_DEMOLISH] = {F_MODULE, -1},
    [HV_ORDER_ASSIGN] = {F_PERSON, F_MODULE, -1},
    [HV_ORDER_UNASSIGN] = {F_PERSON, -1},
    [HV_ORDER_PRIORITY] = {F_MODULE, F_VALUE, -1},
    [HV_ORDER_POLICY] = {F_POLICY, F_OPTION, -1},
    [HV_ORDER_SURVEY] = {F_ASTEROID, -1},
    [HV_ORDER_CAPTURE] = {F_ASTEROID, F_PILOT, F_ENGINEER, -1},
    [HV_ORDER_EXPORT] = {F_AMOUNT, -1},
    [HV_ORDER_ANSWER] = {F_CHOICE, -1},
    [HV_ORDER_REDIRECT] = {F_ASTEROID, -1},
};

static unsigned needed_keys(int32_t kind)
{
    unsigned mask = 1u << F_WEEK | 1u << F_DO;
    for (int i = 0; i < 4 && order_keys[kind][i] >= 0; i++)
        mask |= 1u << order_keys[kind][i];
    return mask;
}

/* Keys a kind may leave out; a missing one keeps its default (0). */
static unsigned optional_keys(int32_t kind)
{
    return kind == HV_ORDER_CAPTURE  ? 1u << F_TO
           : kind == HV_ORDER_ANSWER ? 1u << F_EVENT
                                     : 0;
}

unsigned hv_order_kind_keys(int32_t kind, unsigned *may)
{
    if (kind < 0 || kind >= HV_ORDER_KIND_COUNT) {
        *may = 0;
        return 1u << F_WEEK | 1u << F_DO;
    }
    *may = optional_keys(kind);
    return needed_keys(kind);
}

/* A plain orders file; the keys after `orders` belong to a save's header
 * and are listed so that they are refused by name rather than as unknown. */
const hv_field hv_orders_file_fields[] = {
    {"format", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be 1"},
    {"kind", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "`orders` (or `save`)"},
    {"orders", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "the list of orders"},
    {"level", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"level_id", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"title", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"seed", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"week", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"state_hash", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"saved_at", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"play_on", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"campaign", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"stage", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"carry", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {"week_hashes", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "saves only"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};
#define FILE_KEYS 3 /* the keys of hv_orders_file_fields every orders file has */

/* A save's header (docs/save-format.md); seed and state_hash do not fit an
 * int64_t and are read by read_save_top. */
const hv_field hv_save_fields[] = {
    {"format", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be 1"},
    {"kind", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "`save`"},
    {"orders", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "every order given, and this week's"},
    {"level", HV_F_TEXT, offsetof(hv_save_info, level), HV_FILE_LEN, 1, 0, 0, NULL, 0,
     "level file, as it was loaded"},
    {"level_id", HV_F_ID, offsetof(hv_save_info, level_id), HV_ID_LEN, 1, 0, 0, NULL, 0,
     "the level's id"},
    {"title", HV_F_TEXT, offsetof(hv_save_info, title), HV_TITLE_LEN, 1, 0, 0, NULL, 0,
     "the level's title"},
    {"seed", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "seed of the game, 0 to 2^64-1"},
    {"week", HV_F_INT32, offsetof(hv_save_info, week), sizeof(int32_t), 1, 0,
     HV_ORDERS_MAX_WEEK - 1, NULL, 0, "weeks played"},
    {"state_hash", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "16 hex digits"},
    {"saved_at", HV_F_INT64, offsetof(hv_save_info, saved_at), sizeof(int64_t), 1, 0, INT64_MAX,
     NULL, 0, "seconds since 1970"},
    {"play_on", HV_F_BOOL, offsetof(hv_save_info, play_on), sizeof(int32_t), 0, 0, 0, NULL, 0,
     "weeks go on after the outcome"},
    {"campaign", HV_F_ID, offsetof(hv_save_info, origin.campaign), HV_ID_LEN, 0, 0, 0, NULL, 0,
     "the campaign the game is a level of"},
    {"stage", HV_F_INT32, offsetof(hv_save_info, origin.stage), sizeof(int32_t), 0, 1, 16, NULL, 0,
     "the level's place in the campaign"},
    {"carry", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "what the campaign's earlier levels handed on"},
    {"week_hashes", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "state hash of every week played"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

/* The order entry E stands for; POLICY and OPTION are indices. Fields the
 * kind does not use keep the values every reader of files has given them. */
static hv_order entry_order(const order_entry *e, int32_t policy, int32_t option)
{
    hv_order o;
    memset(&o, 0, sizeof o);
    o.kind = (hv_order_kind)e->kind;
    o.module_type = e->type;
    o.x = e->x;
    o.y = e->y;
    o.module = e->module;
    o.person = e->person;
    o.value = e->value;
    switch (e->kind) {
    case HV_ORDER_POLICY:
        o.target = policy;
        o.value = option;
        break;
    case HV_ORDER_SURVEY:
    case HV_ORDER_CAPTURE:
    case HV_ORDER_REDIRECT:
        o.target = e->asteroid;
        o.person = e->pilot;
        o.person2 = e->engineer;
        o.value = e->kind == HV_ORDER_CAPTURE ? e->to : 0;
        break;
    case HV_ORDER_EXPORT:
        o.value = e->amount;
        break;
    case HV_ORDER_ANSWER:
        o.value = e->choice - 1;
        o.target = e->event;
        break;
    default:
        break;
    }
    return o;
}

/* The entry that reads back as O in WEEK; 0 when O holds a value that the
 * reader would refuse, so a file written from orders always reads back. */
static int order_entry_of(const hv_rules *rules, int32_t week, const hv_order *o, order_entry *e)
{
    memset(e, 0, sizeof *e);
    e->type = e->asteroid = -1;
    e->week = week;
    e->kind = (int32_t)o->kind;
    if (e->kind < 0 || e->kind >= HV_ORDER_KIND_COUNT || week < 1 || week > HV_ORDERS_MAX_WEEK)
        return 0;
    switch (o->kind) {
    case HV_ORDER_BUILD:
        if (o->module_type < 0 || o->module_type >= rules->module_type_count)
            return 0;
        e->type = o->module_type;
        e->x = o->x;
        e->y = o->y;
        break;
    case HV_ORDER_POLICY:
        if (o->target < 0 || o->target >= rules->policy_count || o->value < 0 ||
            o->value >= rules->policies[o->target].option_count)
            return 0;
        memcpy(e->policy, rules->policies[o->target].id, HV_ID_LEN);
        memcpy(e->option, rules->policies[o->target].options[o->value].id, HV_ID_LEN);
        break;
    case HV_ORDER_SURVEY:
    case HV_ORDER_CAPTURE:
    case HV_ORDER_REDIRECT:
        if (o->target < 0 || o->target >= rules->asteroid_count)
            return 0;
        if (o->kind == HV_ORDER_CAPTURE && (o->value < 0 || o->value >= HV_DEST_COUNT))
            return 0;
        e->asteroid = o->target;
        e->pilot = o->person;
        e->engineer = o->person2;
        e->to = o->kind == HV_ORDER_CAPTURE ? o->value : 0;
        break;
    case HV_ORDER_EXPORT:
        e->amount = o->value;
        break;
    case HV_ORDER_ANSWER:
        if (o->value < 0 || o->value >= HV_MAX_CHOICES || o->target < 0 ||
            o->target > rules->event_count)
            return 0;
        e->choice = o->value + 1;
        e->event = o->target;
        break;
    default: /* demolish, assign, unassign, priority */
        e->module = o->module;
        e->person = o->person;
        e->value = o->value;
        break;
    }
    /* Numbers the kind has no key for read back as 0; the others must be
     * within the reader's range. */
    unsigned needs = needed_keys(e->kind);
    for (int f = F_TYPE; hv_order_fields[f].key; f++) {
        const hv_field *field = &hv_order_fields[f];
        char *at = (char *)e + field->offset;
        int32_t v;
        if (field->type != HV_F_INT32)
            continue;
        memcpy(&v, at, sizeof v);
        if (!(needs & 1u << f))
            memset(at, 0, sizeof v);
        else if (v < field->min || v > field->max)
            return 0;
    }
    return 1;
}

int hv_orders_file_write_order(FILE *out, const hv_rules *rules, int32_t week,
                               const hv_order *order)
{
    order_entry e;
    if (!order_entry_of(rules, week, order, &e))
        return -1;
    fprintf(out, "  - {week: %d, do: %s", e.week, order_kinds[e.kind]);
    for (int i = 0; i < 4 && order_keys[e.kind][i] >= 0; i++) {
        const hv_field *f = &hv_order_fields[(int)order_keys[e.kind][i]];
        const char *at = (const char *)&e + f->offset;
        int32_t v;
        memcpy(&v, at, sizeof v);
        if (f->type == HV_F_INT32)
            fprintf(out, ", %s: %d", f->key, v);
        else if (f->type == HV_F_ID)
            fprintf(out, ", %s: %s", f->key, at);
        else if (f->ref == HV_REF_MODULE_TYPE)
            fprintf(out, ", %s: %s", f->key, rules->module_types[v].id);
        else
            fprintf(out, ", %s: %s", f->key, rules->asteroids[v].id);
    }
    /* Only when it says more than the default, so older files read the same. */
    if (e.kind == HV_ORDER_CAPTURE && e.to != HV_DEST_MARS)
        fprintf(out, ", to: %s", destinations[e.to]);
    if (e.kind == HV_ORDER_ANSWER && e.event > 0)
        fprintf(out, ", event: %s", rules->events[e.event - 1].id);
    fputs("}\n", out);
    return ferror(out) ? -1 : 0;
}

int hv_orders_file_normalize(const hv_rules *rules, hv_order *order)
{
    order_entry e;
    if (!order_entry_of(rules, 1, order, &e))
        return -1;
    *order = entry_order(&e, order->target, order->value);
    return 0;
}

/* hv_order_fields with the references read as bare ids into FIELDS, for
 * a file checked without a level whose rules could resolve them. */
static void bare_fields(hv_field fields[F_EVENT + 2])
{
    memcpy(fields, hv_order_fields, (F_EVENT + 2) * sizeof *fields);
    static const int refs[3] = {F_TYPE, F_ASTEROID, F_EVENT};
    for (int i = 0; i < 3; i++) {
        fields[refs[i]].type = HV_F_ID;
        fields[refs[i]].offset = offsetof(order_entry, bare) + (size_t)i * HV_ID_LEN;
        fields[refs[i]].size = HV_ID_LEN;
    }
}

static void read_order(hv_ctx *ctx, const hv_ynode *node, hv_orders_file *out)
{
    order_entry e;
    memset(&e, 0, sizeof e);
    e.type = e.asteroid = -1;
    uint64_t seen = 0;
    int before = ctx->errors;
    hv_field bare[F_EVENT + 2];
    if (!ctx->rules)
        bare_fields(bare);
    if (!hv_fields_read(ctx, node, ctx->rules ? hv_order_fields : bare, &e, &seen, 1) ||
        ctx->errors != before)
        return;
    unsigned needs = needed_keys(e.kind), may = optional_keys(e.kind);
    for (int f = F_TYPE; hv_order_fields[f].key; f++) {
        unsigned bit = 1u << f;
        if ((needs & bit) && !(seen & bit))
            hv_ctx_error(ctx, node, "a '%s' order needs key '%s'", order_kinds[e.kind],
                         hv_order_fields[f].key);
        if (!((needs | may) & bit) && (seen & bit))
            hv_ctx_error(ctx, hv_ynode_get(node, hv_order_fields[f].key),
                         "key '%s' means nothing to a '%s' order", hv_order_fields[f].key,
                         order_kinds[e.kind]);
    }
    int32_t policy = -1, option = -1;
    if (e.kind == HV_ORDER_POLICY && ctx->errors == before && ctx->rules) {
        policy = hv_rules_find_policy(ctx->rules, e.policy);
        size_t old = hv_ctx_push_key(ctx, policy < 0 ? "policy" : "option");
        char hint[HV_SUGGEST_LEN];
        if (policy < 0) {
            hv_ctx_error(ctx, hv_ynode_get(node, "policy"), "unknown policy '%s'%s", e.policy,
                         hv_ref_hint(ctx, HV_REF_POLICY1, e.policy, hint, sizeof hint));
        } else {
            const hv_policy *p = &ctx->rules->policies[policy];
            for (int32_t o = 0; o < p->option_count; o++)
                if (strcmp(p->options[o].id, e.option) == 0)
                    option = o;
            if (option < 0)
                hv_ctx_error(ctx, hv_ynode_get(node, "option"), "policy '%s' has no option '%s'%s",
                             e.policy, e.option, hv_option_hint(p, e.option, hint, sizeof hint));
        }
        hv_ctx_pop(ctx, old);
    }
    if (ctx->errors != before)
        return;
    hv_timed_order *t = &out->items[out->count++];
    memset(t, 0, sizeof *t);
    t->week = e.week;
    t->seq = out->count - 1;
    t->line = node->line;
    t->order = entry_order(&e, policy, option);
}

/* Seeds use all 64 bits, beyond what hv_read_int takes. */
static void read_seed(hv_ctx *ctx, const hv_ynode *node, uint64_t *out)
{
    char buf[64];
    uint64_t v = 0;
    int ok = node->kind == HV_YNODE_SCALAR && !node->quoted && node->len > 0;
    for (size_t i = 0; ok && i < node->len; i++) {
        unsigned d = (unsigned)(node->str[i] - '0');
        ok = d <= 9 && v <= (UINT64_MAX - d) / 10;
        v = v * 10 + d;
    }
    if (ok)
        *out = v;
    else
        hv_ctx_error(ctx, node, "expected a whole number from 0 to %llu, got %s",
                     (unsigned long long)UINT64_MAX, hv_ynode_shown(node, buf, sizeof buf));
}

static void read_hash(hv_ctx *ctx, const hv_ynode *node, uint64_t *out)
{
    char buf[64];
    uint64_t v = 0;
    int ok = node->kind == HV_YNODE_SCALAR && node->len == 16;
    for (size_t i = 0; ok && i < 16; i++) {
        char c = node->str[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        ok = d >= 0;
        v = v << 4 | (uint64_t)(d & 15);
    }
    if (ok)
        *out = v;
    else
        hv_ctx_error(ctx, node, "expected 16 hex digits like \"0123456789abcdef\", got %s",
                     hv_ynode_shown(node, buf, sizeof buf));
}

/* Checks format and kind and reads a save's header; 0 when the file is too
 * broken for its orders to be worth reading. */
static int read_save_top(hv_ctx *ctx, const hv_ynode *root, hv_save_info *info)
{
    memset(info, 0, sizeof *info);
    if (!hv_check_format(ctx, root, "save") ||
        !hv_fields_read(ctx, root, hv_save_fields, info, NULL, 1))
        return 0;
    const hv_ynode *seed = hv_ynode_get(root, "seed"), *hash = hv_ynode_get(root, "state_hash");
    size_t old = hv_ctx_push_key(ctx, "seed");
    if (seed)
        read_seed(ctx, seed, &info->seed);
    hv_ctx_pop(ctx, old);
    old = hv_ctx_push_key(ctx, "state_hash");
    if (hash)
        read_hash(ctx, hash, &info->state_hash);
    hv_ctx_pop(ctx, old);
    const hv_ynode *carry = hv_ynode_get(root, "carry");
    old = hv_ctx_push_key(ctx, "carry");
    if (carry)
        hv_carry_read(ctx, carry, &info->origin.carry);
    hv_ctx_pop(ctx, old);
    if (!info->origin.campaign[0] != !info->origin.stage)
        hv_ctx_error(ctx, root, "campaign and stage go together");
    return 1;
}

int hv_orders_file_read_header(hv_ctx *ctx, const hv_ynode *root, hv_save_info *info)
{
    int before = ctx->errors;
    return read_save_top(ctx, root, info) && ctx->errors == before ? 0 : -1;
}

/* The keys around the list, for either kind of file; 0 when the list is
 * not worth reading. */
static int read_top(hv_ctx *ctx, const hv_ynode *root, hv_carry *carry)
{
    const hv_ynode *kind = hv_ynode_get(root, "kind");
    if (kind && kind->kind == HV_YNODE_SCALAR && strcmp(kind->str, "save") == 0) {
        hv_save_info info;
        int ok = read_save_top(ctx, root, &info);
        *carry = info.origin.carry;
        return ok;
    }
    uint64_t seen = 0;
    if (!hv_check_format(ctx, root, "orders") ||
        !hv_fields_read(ctx, root, hv_orders_file_fields, NULL, &seen, 1))
        return 0;
    for (size_t i = 0; i < root->count; i++) {
        const hv_ynode *key = root->items[2 * i];
        int f = hv_fields_index(hv_orders_file_fields, key->str);
        if (f < FILE_KEYS)
            continue;
        size_t old = hv_ctx_push_key(ctx, key->str);
        hv_ctx_error(ctx, key, "only a save (kind: save) has this key, not an orders file");
        hv_ctx_pop(ctx, old);
    }
    return 1;
}

/* By week, then file order, so orders of one week keep the order written. */
static int by_week(const void *a, const void *b)
{
    const hv_timed_order *x = a, *y = b;
    if (x->week != y->week)
        return x->week < y->week ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

hv_ylimits hv_orders_file_limits(void)
{
    hv_ylimits limits = hv_ylimits_default();
    limits.max_bytes = HV_SAVE_MAX_BYTES;
    limits.max_nodes = HV_SAVE_MAX_NODES;
    return limits;
}

/* Reads one order; when SKIPPED is given, an order with errors is left
 * out and counted instead of reported. */
static void read_order_or_skip(hv_ctx *ctx, const hv_ynode *node, hv_orders_file *out,
                               int32_t *skipped)
{
    if (!skipped) {
        read_order(ctx, node, out);
        return;
    }
    hv_diag quiet, *loud = ctx->diag;
    hv_diag_init(&quiet);
    int errors = ctx->errors;
    ctx->diag = &quiet;
    read_order(ctx, node, out);
    ctx->diag = loud;
    *skipped += ctx->errors != errors;
    ctx->errors = errors;
    hv_diag_free(&quiet);
}

static int load(hv_orders_file *out, const char *path, const hv_rules *rules, hv_diag *diag,
                int32_t *skipped)
{
    memset(out, 0, sizeof *out);
    size_t before = diag->count;
    hv_ydoc doc;
    hv_ylimits limits = hv_orders_file_limits();
    hv_ctx ctx = {diag, path, rules, "", 0, 0, NULL, 0};
    if (hv_ydoc_load_file(&doc, path, &limits, diag) == 0 &&
        read_top(&ctx, doc.root, &out->carry)) {
        const hv_ynode *list = hv_ynode_get(doc.root, "orders");
        size_t old = hv_ctx_push_key(&ctx, "orders");
        if (list && hv_expect(&ctx, list, HV_YNODE_SEQ)) {
            if (list->count > HV_ORDERS_MAX)
                hv_ctx_error(&ctx, list, "holds %zu orders, at most %d allowed", list->count,
                             HV_ORDERS_MAX);
            else if (list->count > 0 && !(out->items = calloc(list->count, sizeof *out->items)))
                hv_ctx_error(&ctx, list, "out of memory");
            for (size_t i = 0; out->items && i < list->count; i++) {
                size_t at = hv_ctx_push_index(&ctx, i);
                read_order_or_skip(&ctx, list->items[i], out, skipped);
                hv_ctx_pop(&ctx, at);
            }
        }
        hv_ctx_pop(&ctx, old);
    }
    hv_ydoc_free(&doc);
    if (diag->count != before) {
        hv_orders_file_free(out);
        return -1;
    }
    if (out->count > 1)
        qsort(out->items, (size_t)out->count, sizeof *out->items, by_week);
    return 0;
}

int hv_orders_file_load(hv_orders_file *out, const char *path, const hv_rules *rules, hv_diag *diag)
{
    return load(out, path, rules, diag, NULL);
}

int hv_orders_file_load_lenient(hv_orders_file *out, const char *path, const hv_rules *rules,
                                hv_diag *diag, int32_t *skipped)
{
    *skipped = 0;
    return load(out, path, rules, diag, skipped);
}

int hv_orders_file_queue_week(const hv_orders_file *orders, int32_t *next, hv_state *state)
{
    int32_t week = state->turn + 1;
    while (*next < orders->count && orders->items[*next].week < week)
        (*next)++; /* weeks already played before these orders were given */
    for (; *next < orders->count && orders->items[*next].week == week; (*next)++)
        if (hv_state_queue_order(state, &orders->items[*next].order) != 0)
            return -1;
    return 0;
}

void hv_orders_file_free(hv_orders_file *orders)
{
    free(orders->items);
    orders->items = NULL;
    orders->count = 0;
}
