/* hv_panel_missions: the asteroids panel (hv_panel_missions.c: the cards,
 * the survey and capture buttons), its capture crew (hv_panel_capture.c),
 * which owns the pilot and the engineer picked for the next capture, and
 * its iridium market (hv_panel_market.c). */
#ifndef HV_PANEL_MISSIONS_H
#define HV_PANEL_MISSIONS_H

#include "hv_widgets.h"

/* Keeps the pick valid for the open game: a stale or missing half is
 * replaced by the best one free. */
void hv_capture_choose(hv_app *app);
/* The person ids picked to fly and to rig the next capture (0: nobody). */
void hv_capture_crew(int32_t *pilot, int32_t *engineer);
/* The hv_destination picked for the next capture. */
int32_t hv_capture_dest(void);
/* The picker: the destination, pilots and engineers with their skill, laid out in L. */
void hv_capture_picker(hv_list *l);
/* The market section laid out in L: store, price with its line over the
 * last weeks, shipments and the export buttons. */
void hv_market_section(hv_list *l);

#endif
