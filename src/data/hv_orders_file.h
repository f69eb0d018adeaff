/* hv_orders_file: a list of orders for headless runs, each tied to the
 * week it is queued in (format v1, documented in docs/orders-format.md).
 * Module types are named by id and resolved against a level's rules. A
 * saved game is the same file with `kind: save` and a header
 * (docs/save-format.md), so every reader of orders replays saves too. */
#ifndef HV_ORDERS_FILE_H
#define HV_ORDERS_FILE_H

#include <stdint.h>
#include <stdio.h>

#include "hv_carry.h"
#include "hv_diag.h"
#include "hv_fields.h"
#include "hv_order.h"
#include "hv_rules.h"
#include "hv_state.h"
#include "hv_yaml.h"

#define HV_ORDERS_MAX 100000      /* orders in one file */
#define HV_ORDERS_MAX_WEEK 100000 /* latest week an order may name */
/* The longest line an order can take in a file: the widest week and
 * numbers with the longest ids, for the longest of the kinds (a capture
 * to earth, or a policy naming two ids). */
#define HV_ORDER_LINE_CAPTURE_MAX                                                                  \
    (sizeof "  - {week: 100000, do: capture, asteroid: , pilot: 1000000, engineer: 1000000, "      \
            "to: earth}\n" -                                                                       \
     1 + HV_ID_LEN - 1)
#define HV_ORDER_LINE_POLICY_MAX                                                                   \
    (sizeof "  - {week: 100000, do: policy, policy: , option: }\n" - 1 + 2 * (HV_ID_LEN - 1))
#define HV_ORDER_LINE_MAX                                                                          \
    (HV_ORDER_LINE_CAPTURE_MAX > HV_ORDER_LINE_POLICY_MAX ? HV_ORDER_LINE_CAPTURE_MAX              \
                                                          : HV_ORDER_LINE_POLICY_MAX)

struct hv_save_info;

typedef struct hv_timed_order {
    int32_t week; /* queued before this week ends, 1-based */
    int32_t seq;  /* position in the file, keeps file order within a week */
    int32_t line; /* line of the order in the file, for messages */
    hv_order order;
} hv_timed_order;

typedef struct hv_orders_file {
    hv_timed_order *items; /* sorted by week, file order kept within a week */
    int32_t count;
    hv_carry carry; /* a save's campaign carry: the first week starts from it */
} hv_orders_file;

/* Reads PATH (kind: orders or save) against RULES into OUT; 0, or -1 with
 * errors in DIAG. RULES NULL checks everything but whether the module
 * types, policies, options, asteroids and events it names exist; such
 * orders are for checking only, not for playing. */
int hv_orders_file_load(hv_orders_file *out, const char *path, const hv_rules *rules,
                        hv_diag *diag);
/* hv_orders_file_load for a save whose level changed since: an order that
 * no longer reads against RULES (a module type, policy or asteroid gone)
 * is left out and counted in *SKIPPED instead of failing the file. */
int hv_orders_file_load_lenient(hv_orders_file *out, const char *path, const hv_rules *rules,
                                hv_diag *diag, int32_t *skipped);
/* The size limits of orders files and saves: up to the largest save the
 * format allows (HV_SAVE_MAX_BYTES). */
hv_ylimits hv_orders_file_limits(void);
/* Queues into STATE every order for the week it is about to play, going
 * on from *NEXT (start at 0). Returns 0, or -1 when the state's queue is
 * full, with *NEXT at the order left out. */
int hv_orders_file_queue_week(const hv_orders_file *orders, int32_t *next, hv_state *state);
/* Frees the orders. */
void hv_orders_file_free(hv_orders_file *orders);

/* Checks `format` and `kind: save` of ROOT and reads a save's header into
 * INFO. 0, or -1 with the errors reported through CTX. */
int hv_orders_file_read_header(hv_ctx *ctx, const hv_ynode *root, struct hv_save_info *info);
/* Writes ORDER, queued in WEEK, as one line of an orders file, naming module
 * types, policies and asteroids by their ids in RULES. 0, or -1 when a value
 * is one the file cannot hold (then nothing is written) or on a write error. */
int hv_orders_file_write_order(FILE *out, const hv_rules *rules, int32_t week,
                               const hv_order *order);
/* Makes ORDER the very order that reading it back from a file gives: the
 * fields its kind does not use take the reader's values. The state hash
 * covers queued orders whole, so a save hashes its queue in this form.
 * 0, or -1 when the file cannot hold the order. */
int hv_orders_file_normalize(const hv_rules *rules, hv_order *order);

/* The keys an order of KIND needs, a bit per index of hv_order_fields
 * (`week` and `do` included), and in *MAY those it may leave out. */
unsigned hv_order_kind_keys(int32_t kind, unsigned *may);

/* Key tables: an order; the top of an orders file (the keys of a save's
 * header are there to be refused by name); the top of a save. */
extern const hv_field hv_order_fields[];
extern const hv_field hv_orders_file_fields[];
extern const hv_field hv_save_fields[];

#endif
