/* hv_order: what a player (window, orders file or bot) asks of a turn.
 * Plain data: queued in the state, applied in the order they were queued
 * at the start of the next end of turn, each accepted or rejected with a
 * reason in the turn report. */
#ifndef HV_ORDER_H
#define HV_ORDER_H

#include <stdint.h>

typedef enum hv_order_kind {
    HV_ORDER_BUILD,    /* module_type at (x, y) */
    HV_ORDER_DEMOLISH, /* module */
    HV_ORDER_ASSIGN,   /* person to module */
    HV_ORDER_UNASSIGN, /* person */
    HV_ORDER_PRIORITY, /* module gets power priority value (1..9) */
    HV_ORDER_POLICY,   /* policy target takes option value */
    HV_ORDER_SURVEY,   /* send a probe to asteroid target */
    HV_ORDER_CAPTURE,  /* person (pilot) and person2 (engineer) fly to asteroid target,
                        * bringing it to value (hv_destination) */
    HV_ORDER_EXPORT,   /* ship value iridium to Earth */
    HV_ORDER_ANSWER,   /* choice value for the pending event */
    HV_ORDER_REDIRECT, /* the capture on its way to asteroid target turns to the other orbit */
    HV_ORDER_KIND_COUNT
} hv_order_kind;

typedef struct hv_order {
    hv_order_kind kind;
    int32_t module_type; /* build */
    int32_t x, y;        /* build */
    int32_t module;      /* demolish, assign, priority: module id */
    int32_t person;      /* assign, unassign, capture: person id */
    int32_t value;       /* priority, policy option, export amount, answer choice, capture
                          * destination */
    int32_t person2;     /* capture: the engineer's id */
    int32_t target;      /* policy, survey, capture: policy or asteroid index; answer:
                          * the event it is for + 1, or 0 for whichever waits */
} hv_order;

/* Why an order was refused; reported with the order. */
typedef enum hv_reject {
    HV_REJECT_NONE,
    HV_REJECT_BAD_TYPE,
    HV_REJECT_OUT_OF_MAP,
    HV_REJECT_OCCUPIED,
    HV_REJECT_TERRAIN,
    HV_REJECT_CANNOT_AFFORD,
    HV_REJECT_TOO_MANY_MODULES,
    HV_REJECT_NO_MODULE,
    HV_REJECT_NO_PERSON,
    HV_REJECT_NO_SLOT,
    HV_REJECT_NOT_ASSIGNED,
    HV_REJECT_BAD_VALUE,
    HV_REJECT_COOLDOWN,
    HV_REJECT_NO_SPACEPORT,
    HV_REJECT_BUSY,
    HV_REJECT_WINDOW_CLOSED,
    HV_REJECT_CREW,
    HV_REJECT_NO_EVENT,
    HV_REJECT_MANDATE,
    HV_REJECT_NOT_IN_TRANSIT,
    HV_REJECT_LOCKED,
    HV_REJECT_OTHER_EVENT,
    HV_REJECT_COUNT
} hv_reject;

/* Short lowercase name of an order kind ("build", ...), as used in files. */
const char *hv_order_kind_name(hv_order_kind kind);
/* Human sentence for a rejection reason. */
const char *hv_reject_text(hv_reject reason);

#endif
