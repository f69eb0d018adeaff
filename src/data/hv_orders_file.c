#include "hv_orders_file.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "hv_fields.h"
#include "hv_level.h"

#define MAX_ORDERS 100000

typedef struct order_entry {
    int32_t week, kind, type, x, y, module, person, value;
    char policy[HV_ID_LEN], option[HV_ID_LEN];
    int32_t asteroid, pilot, engineer, amount, choice;
} order_entry;

static const char *const order_kinds[] = {"build",  "demolish", "assign", "unassign",
                                          "priority", "policy", "survey", "capture",
                                          "export", "answer",   NULL};

#define FIELD(key, member, lo, hi, doc)                                                            \
    {                                                                                              \
        key, HV_F_INT32, offsetof(order_entry, member), sizeof(int32_t), 0, lo, hi, NULL, 0, doc   \
    }

const hv_field hv_order_fields[] = {
    {"week", HV_F_INT32, offsetof(order_entry, week), sizeof(int32_t), 1, 1, 100000, NULL, 0,
     "week the order is queued in"},
    {"do", HV_F_ENUM, offsetof(order_entry, kind), sizeof(int32_t), 1, 0, 0, order_kinds, 0,
     "build, demolish, assign, unassign, priority, policy, survey, capture, export or answer"},
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
     HV_REF_ASTEROID, "asteroid id (survey, capture)"},
    FIELD("pilot", pilot, 1, 1000000, "person number of the pilot (capture)"),
    FIELD("engineer", engineer, 1, 1000000, "person number of the engineer (capture)"),
    FIELD("amount", amount, 1, 1000000000, "iridium to ship (export)"),
    FIELD("choice", choice, 1, HV_MAX_CHOICES, "choice number, from 1 (answer)"),
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

/* Keys each order needs, as bits of hv_order_fields indices. */
static const unsigned order_keys[HV_ORDER_KIND_COUNT] = {
    [HV_ORDER_BUILD] = 1u << 2 | 1u << 3 | 1u << 4, [HV_ORDER_DEMOLISH] = 1u << 5,
    [HV_ORDER_ASSIGN] = 1u << 5 | 1u << 6,          [HV_ORDER_UNASSIGN] = 1u << 6,
    [HV_ORDER_PRIORITY] = 1u << 5 | 1u << 7,       [HV_ORDER_POLICY] = 1u << 8 | 1u << 9,
    [HV_ORDER_SURVEY] = 1u << 10,                  [HV_ORDER_CAPTURE] = 1u << 10 | 1u << 11 | 1u << 12,
    [HV_ORDER_EXPORT] = 1u << 13,                  [HV_ORDER_ANSWER] = 1u << 14,
};

static const hv_field file_fields[] = {
    {"format", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be 1"},
    {"kind", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be `orders`"},
    {"orders", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "the list of orders"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

static void read_order(hv_ctx *ctx, const hv_ynode *node, hv_orders_file *out)
{
    order_entry e;
    memset(&e, 0, sizeof e);
    e.type = e.asteroid = -1;
    uint64_t seen = 0;
    int before = ctx->errors;
    if (!hv_fields_read(ctx, node, hv_order_fields, &e, &seen, 1) || ctx->errors != before)
        return;
    unsigned needs = order_keys[e.kind] | 3u;
    for (int f = 2; hv_order_fields[f].key; f++) {
        unsigned bit = 1u << f;
        if ((needs & bit) && !(seen & bit))
            hv_ctx_error(ctx, node, "a '%s' order needs key '%s'", order_kinds[e.kind],
                         hv_order_fields[f].key);
        if (!(needs & bit) && (seen & bit))
            hv_ctx_error(ctx, hv_ynode_get(node, hv_order_fields[f].key),
                         "key '%s' means nothing to a '%s' order", hv_order_fields[f].key,
                         order_kinds[e.kind]);
    }
    int32_t policy = -1, option = -1;
    if (e.kind == HV_ORDER_POLICY && ctx->errors == before) {
        policy = hv_rules_find_policy(ctx->rules, e.policy);
        size_t old = hv_ctx_push_key(ctx, policy < 0 ? "policy" : "option");
        if (policy < 0) {
            hv_ctx_error(ctx, hv_ynode_get(node, "policy"), "unknown policy '%s'", e.policy);
        } else {
            const hv_policy *p = &ctx->rules->policies[policy];
            for (int32_t o = 0; o < p->option_count; o++)
                if (strcmp(p->options[o].id, e.option) == 0)
                    option = o;
            if (option < 0)
                hv_ctx_error(ctx, hv_ynode_get(node, "option"), "policy '%s' has no option '%s'",
                             e.policy, e.option);
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
    t->order.kind = (hv_order_kind)e.kind;
    t->order.module_type = e.type;
    t->order.x = e.x;
    t->order.y = e.y;
    t->order.module = e.module;
    t->order.person = e.person;
    t->order.value = e.value;
    switch (e.kind) {
    case HV_ORDER_POLICY:
        t->order.target = policy;
        t->order.value = option;
        break;
    case HV_ORDER_SURVEY:
    case HV_ORDER_CAPTURE:
        t->order.target = e.asteroid;
        t->order.person = e.pilot;
        t->order.person2 = e.engineer;
        break;
    case HV_ORDER_EXPORT:
        t->order.value = e.amount;
        break;
    case HV_ORDER_ANSWER:
        t->order.value = e.choice - 1;
        break;
    default:
        break;
    }
}

/* By week, then file order, so orders of one week keep the order written. */
static int by_week(const void *a, const void *b)
{
    const hv_timed_order *x = a, *y = b;
    if (x->week != y->week)
        return x->week < y->week ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

int hv_orders_file_load(hv_orders_file *out, const char *path, const hv_rules *rules, hv_diag *diag)
{
    memset(out, 0, sizeof *out);
    size_t before = diag->count;
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    hv_ctx ctx = {diag, path, rules, "", 0, 0};
    if (hv_ydoc_load_file(&doc, path, &limits, diag) == 0 &&
        hv_check_format(&ctx, doc.root, "orders") &&
        hv_fields_read(&ctx, doc.root, file_fields, NULL, NULL, 1)) {
        const hv_ynode *list = hv_ynode_get(doc.root, "orders");
        size_t old = hv_ctx_push_key(&ctx, "orders");
        if (list && hv_expect(&ctx, list, HV_YNODE_SEQ)) {
            if (list->count > MAX_ORDERS)
                hv_ctx_error(&ctx, list, "holds %zu orders, at most %d allowed", list->count,
                             MAX_ORDERS);
            else if (list->count > 0 && !(out->items = calloc(list->count, sizeof *out->items)))
                hv_ctx_error(&ctx, list, "out of memory");
            for (size_t i = 0; out->items && i < list->count; i++) {
                size_t at = hv_ctx_push_index(&ctx, i);
                read_order(&ctx, list->items[i], out);
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
