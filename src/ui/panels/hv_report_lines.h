/* hv_report_lines: what the report panel's sections share, private to
 * hv_panel_report.c and hv_panel_report_society.c: one line of the report
 * and the way numbers, causes and faction names are written in it. */
#ifndef HV_REPORT_LINES_H
#define HV_REPORT_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "hv_app.h"
#include "hv_widgets.h"

/* The week the report panel shows, as the sections read it. */
typedef struct hv_report_view {
    const hv_game *game;        /* the rules, and the state now */
    const hv_report_book *book; /* names of people and modules since gone */
    int32_t index;              /* the week's entry in the book */
    const hv_book_week *week;   /* its stocks and orders */
    const hv_report *report;    /* its events that pass the filter */
} hv_report_view;

/* The filters of the report panel: which kinds of event each lets through. */
typedef struct hv_report_filter {
    const char *id, *label, *tip;
    uint64_t kinds; /* a bit per hv_event_kind */
} hv_report_filter;
#define HV_REPORT_FILTERS 7
extern const hv_report_filter hv_report_filters[HV_REPORT_FILTERS];

/* Draws the week navigation and the filter buttons at the top of AREA and
 * acts on them; returns the room left below them for the list. */
SDL_Rect hv_report_controls(hv_app *app, SDL_Rect area, int32_t shown);
/* The "Next week" section: the forecast of the week to come. */
void hv_report_next_week(hv_list *l, hv_game *game);

/* "+1,234", "-56" or "±0", in one of eight rotating buffers. */
const char *hv_report_signed(int64_t v);
/* One line of the report: a mark in COLOUR, the text, and dim details. */
void hv_report_item(hv_list *l, uint32_t colour, const char *main, const char *detail);
/* "production +46 · life support -220": the causes of one change, in BUF. */
void hv_report_causes(const int64_t *by, char *buf, size_t len);
/* "NASA", "CNES" from "CNES (France)": pairs of names stay on one line. */
const char *hv_report_short_name(const hv_rules *rules, int f, char *buf, size_t len);
/* The society section: tension, morale and the sponsors. */
void hv_report_society(hv_list *l, const hv_report_view *v);

#endif
