/* hv_report_book: the report of every week of a game, kept compact so the
 * report panel can page back through them. Each week's events sit in one
 * growing array, packed and without their week, with the week's offsets;
 * what the report needs of the states around the week (stocks, the
 * orders' wording, the names of people and modules since gone) is kept
 * beside them. A long game keeps its latest HV_BOOK_WEEKS weeks and at
 * most HV_BOOK_EVENTS events, dropping the oldest weeks first. */
#ifndef HV_REPORT_BOOK_H
#define HV_REPORT_BOOK_H

#include <stdint.h>

#include "hv_event.h"
#include "hv_state.h"

#define HV_BOOK_WEEKS 1200
#define HV_BOOK_EVENTS 400000 /* about 10 MB of events */
#define HV_BOOK_ORDER_LEN 120

/* One event as kept: the week is its entry's. */
typedef struct hv_book_event {
    int64_t amount, value;
    int32_t subject;
    int8_t kind, cause, resource;
} hv_book_event;

/* An order given in a week, as it read when it was given. */
typedef struct hv_book_order {
    char text[HV_BOOK_ORDER_LEN];
    int32_t answer; /* 1: the answer to an event, told with the event */
} hv_book_order;

/* One week: where its events and orders are, and the figures around it. */
typedef struct hv_book_week {
    int32_t week;
    int32_t first_event, event_count, dropped;
    int32_t first_order, order_count;
    int64_t stock_before[HV_RES_COUNT], stock_after[HV_RES_COUNT];
    int32_t shortage_mask;  /* resources that ran short */
    int32_t people, morale; /* at the week's end: head count and mean morale */
} hv_book_week;

/* Everyone and every module ever met, by id (ids are never reused). */
typedef struct hv_book_person {
    int32_t id;
    char name[HV_PERSON_NAME_LEN];
} hv_book_person;
typedef struct hv_book_module {
    int32_t id, type;
} hv_book_module;

typedef struct hv_report_book {
    hv_book_week *weeks;
    int32_t week_count, week_cap;
    hv_book_event *events;
    int32_t event_count, event_cap;
    hv_book_order *orders;
    int32_t order_count, order_cap;
    hv_book_person *people;
    int32_t person_count, person_cap;
    hv_book_module *modules;
    int32_t module_count, module_cap;
    int32_t forgotten; /* weeks dropped to stay within the caps */
} hv_report_book;

/* Starts an empty book. */
void hv_book_init(hv_report_book *book);
/* Frees it; it may be started again. */
void hv_book_free(hv_report_book *book);
/* Empties it, keeping its memory. */
void hv_book_clear(hv_report_book *book);
/* Adds the week played from BEFORE (its orders queued) to AFTER with
 * REPORT. 0, or -1 when out of memory (the book stays as it was). */
int hv_book_add(hv_report_book *book, const hv_state *before, const hv_state *after,
                const hv_report *report);
/* Index of WEEK in the book, or -1 when it is not kept. */
int32_t hv_book_find(const hv_report_book *book, int32_t week);
/* Unpacks the events of entry INDEX whose kind has its bit (1 << kind) in
 * KINDS into OUT, with their week. */
void hv_book_events(const hv_report_book *book, int32_t index, uint64_t kinds, hv_report *out);
/* Order ORDER of entry INDEX, or NULL. */
const hv_book_order *hv_book_order_at(const hv_report_book *book, int32_t index, int32_t order);
/* Name of person ID, or NULL when never met. */
const char *hv_book_person_name(const hv_report_book *book, int32_t id);
/* Module type of module ID, or -1 when never met. */
int32_t hv_book_module_type(const hv_report_book *book, int32_t id);

#endif
