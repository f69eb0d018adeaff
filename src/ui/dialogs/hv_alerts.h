/* hv_alerts: what a week brought that the player must not miss (a
 * blackout, a shortage within two weeks, a fault, unrest, an arrival, a
 * launch window), kept as a list of notes for the whole game, each with
 * the cause to show when clicked. The alerts dialog (hv_dlg_alerts.c)
 * interrupts after a week that brought any, and the bottom bar's Alerts
 * button opens the list at any time. */
#ifndef HV_ALERTS_H
#define HV_ALERTS_H

#include "hv_app.h"
#include "hv_sound.h"

/* Adds the alerts of the week GAME just played (its before, state and
 * report) to GAME's list; returns how many it added. */
int hv_alerts_collect(hv_game *game);
/* The asteroid whose launch window opened between BEFORE's coming week
 * and AFTER's (one not launched at yet), or -1. */
int32_t hv_alerts_window_opened(const hv_state *before, const hv_state *after);
/* Shows the cause of alert INDEX (0 = the oldest kept): its module picked
 * on the map or the panel that explains it. */
void hv_alerts_show(hv_app *app, int index);
/* The alerts dialog: this week's alerts, or every one kept when
 * game->alerts_all is set. */
void hv_dialog_alerts(hv_app *app);

#endif
