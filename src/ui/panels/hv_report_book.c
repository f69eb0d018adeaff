/* The report of every week of a game (hv_report_book.h). */
#include "hv_report_book.h"

#include <stdlib.h>
#include <string.h>

#include "hv_print.h"

void hv_book_init(hv_report_book *book)
{
    memset(book, 0, sizeof *book);
}

void hv_book_free(hv_report_book *book)
{
    free(book->weeks);
    free(book->events);
    free(book->orders);
    free(book->people);
    free(book->modules);
    hv_book_init(book);
}

void hv_book_clear(hv_report_book *book)
{
    book->week_count = book->event_count = book->order_count = 0;
    book->person_count = book->module_count = 0;
    book->forgotten = 0;
}

/* Makes room for NEED items of SIZE in *ARR of *CAP; 0 or -1. */
static int grow(void **arr, int32_t *cap, int32_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    int32_t n = *cap ? *cap : 64;
    while (n < need)
        n = n > INT32_MAX / 2 ? need : n * 2;
    void *p = realloc(*arr, (size_t)n * size);
    if (!p)
        return -1;
    *arr = p;
    *cap = n;
    return 0;
}

/* Drops the oldest week, moving the others' events and orders down. */
static void forget_oldest(hv_report_book *book)
{
    if (book->week_count == 0)
        return;
    const hv_book_week *w = &book->weeks[0];
    int32_t ev = w->first_event + w->event_count, od = w->first_order + w->order_count;
    memmove(book->events, book->events + ev,
            sizeof *book->events * (size_t)(book->event_count - ev));
    book->event_count -= ev;
    memmove(book->orders, book->orders + od,
            sizeof *book->orders * (size_t)(book->order_count - od));
    book->order_count -= od;
    memmove(book->weeks, book->weeks + 1, sizeof *book->weeks * (size_t)(book->week_count - 1));
    book->week_count--;
    for (int32_t i = 0; i < book->week_count; i++) {
        book->weeks[i].first_event -= ev;
        book->weeks[i].first_order -= od;
    }
    book->forgotten++;
}

/* Keeps the names of the people and the types of the modules of S. Ids
 * ascend and are never reused, and no one comes back once gone, so
 * anyone at or below the highest id met has been met. */
static int meet(hv_report_book *book, const hv_state *s)
{
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *p = &s->people[i];
        if (book->person_count && p->id <= book->people[book->person_count - 1].id)
            continue;
        if (grow((void **)&book->people, &book->person_cap, book->person_count + 1,
                 sizeof *book->people) != 0)
            return -1;
        hv_book_person *e = &book->people[book->person_count++];
        e->id = p->id;
        memcpy(e->name, hv_person_name(s, p), sizeof e->name);
    }
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        if (book->module_count && m->id <= book->modules[book->module_count - 1].id)
            continue;
        if (grow((void **)&book->modules, &book->module_cap, book->module_count + 1,
                 sizeof *book->modules) != 0)
            return -1;
        book->modules[book->module_count++] = (hv_book_module){m->id, m->type};
    }
    return 0;
}

int hv_book_add(hv_report_book *book, const hv_state *before, const hv_state *after,
                const hv_report *report)
{
    int32_t n = report ? report->count : 0;
    if (n > HV_BOOK_EVENTS)
        n = HV_BOOK_EVENTS;
    while (book->week_count > 0 &&
           (book->week_count >= HV_BOOK_WEEKS || book->event_count + n > HV_BOOK_EVENTS))
        forget_oldest(book);
    if (grow((void **)&book->weeks, &book->week_cap, book->week_count + 1, sizeof *book->weeks) ||
        grow((void **)&book->events, &book->event_cap, book->event_count + n,
             sizeof *book->events) ||
        grow((void **)&book->orders, &book->order_cap, book->order_count + before->order_count,
             sizeof *book->orders) ||
        meet(book, before) || meet(book, after))
        return -1;
    hv_book_week *w = &book->weeks[book->week_count];
    memset(w, 0, sizeof *w);
    w->week = after->turn;
    w->first_event = book->event_count;
    w->event_count = n;
    w->dropped = report ? report->dropped + (report->count - n) : 0;
    for (int32_t i = 0; i < n; i++) {
        const hv_event *e = &report->events[i];
        book->events[book->event_count++] =
            (hv_book_event){e->amount,       e->value,         e->subject,
                            (int8_t)e->kind, (int8_t)e->cause, (int8_t)e->resource};
    }
    w->first_order = book->order_count;
    w->order_count = before->order_count;
    for (int32_t i = 0; i < before->order_count; i++) {
        hv_book_order *o = &book->orders[book->order_count++];
        hv_describe_order(before, &before->orders[i], o->text, sizeof o->text);
        o->answer = before->orders[i].kind == HV_ORDER_ANSWER;
    }
    memcpy(w->stock_before, before->stock, sizeof w->stock_before);
    memcpy(w->stock_after, after->stock, sizeof w->stock_after);
    w->shortage_mask = after->shortage_mask;
    w->people = after->person_count;
    int64_t morale = 0;
    for (int32_t i = 0; i < after->person_count; i++)
        morale += after->people[i].morale;
    w->morale = after->person_count ? (int32_t)(morale / after->person_count) : 0;
    book->week_count++;
    return 0;
}

int32_t hv_book_find(const hv_report_book *book, int32_t week)
{
    /* Weeks ascend; a game replayed from a save may repeat none. */
    int32_t lo = 0, hi = book->week_count - 1;
    while (lo <= hi) {
        int32_t mid = lo + (hi - lo) / 2, w = book->weeks[mid].week;
        if (w == week)
            return mid;
        if (w < week)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

void hv_book_events(const hv_report_book *book, int32_t index, uint64_t kinds, hv_report *out)
{
    hv_report_clear(out);
    if (index < 0 || index >= book->week_count)
        return;
    const hv_book_week *w = &book->weeks[index];
    out->dropped = w->dropped;
    for (int32_t i = 0; i < w->event_count; i++) {
        const hv_book_event *b = &book->events[w->first_event + i];
        if (!(kinds & ((uint64_t)1 << b->kind)))
            continue;
        hv_event e = {
            w->week, (hv_event_kind)b->kind, (hv_cause)b->cause, b->subject, b->resource, b->amount,
            b->value};
        hv_report_add(out, &e);
    }
}

const hv_book_order *hv_book_order_at(const hv_report_book *book, int32_t index, int32_t order)
{
    if (index < 0 || index >= book->week_count || order < 0 ||
        order >= book->weeks[index].order_count)
        return NULL;
    return &book->orders[book->weeks[index].first_order + order];
}

/* The tables ascend by id (see meet). */
#define FIND_ID(arr, count, id)                                                                    \
    int32_t lo = 0, hi = (count)-1, at = -1;                                                       \
    while (lo <= hi) {                                                                             \
        int32_t mid = lo + (hi - lo) / 2;                                                          \
        if ((arr)[mid].id == (id)) {                                                               \
            at = mid;                                                                              \
            break;                                                                                 \
        }                                                                                          \
        if ((arr)[mid].id < (id))                                                                  \
            lo = mid + 1;                                                                          \
        else                                                                                       \
            hi = mid - 1;                                                                          \
    }

const char *hv_book_person_name(const hv_report_book *book, int32_t id)
{
    FIND_ID(book->people, book->person_count, id)
    return at >= 0 ? book->people[at].name : NULL;
}

int32_t hv_book_module_type(const hv_report_book *book, int32_t id)
{
    FIND_ID(book->modules, book->module_count, id)
    return at >= 0 ? book->modules[at].type : -1;
}
