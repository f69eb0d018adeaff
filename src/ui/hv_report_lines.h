/* hv_report_lines: what the report panel's sections share, private to
 * hv_panel_report.c and hv_panel_report_society.c: one line of the report
 * and the way numbers, causes and faction names are written in it. */
#ifndef HV_REPORT_LINES_H
#define HV_REPORT_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "hv_app.h"
#include "hv_widgets.h"

/* "+1,234", "-56" or "±0", in one of eight rotating buffers. */
const char *hv_report_signed(int64_t v);
/* One line of the report: a mark in COLOUR, the text, and dim details. */
void hv_report_item(hv_list *l, uint32_t colour, const char *main, const char *detail);
/* "production +46 · life support -220": the causes of one change, in BUF. */
void hv_report_causes(const int64_t *by, char *buf, size_t len);
/* "NASA", "CNES" from "CNES (France)": pairs of names stay on one line. */
const char *hv_report_short_name(const hv_rules *rules, int f, char *buf, size_t len);
/* The society section: tension, morale and the sponsors. */
void hv_report_society(hv_list *l, const hv_game *game);

#endif
