/* hv_turn: the one function that ends a turn, and its phases in the order
 * the design fixes. Each phase is exposed so tests can drive it alone. */
#ifndef HV_TURN_H
#define HV_TURN_H

#include "hv_event.h"
#include "hv_state.h"

/* Resolves one week: applies queued orders, then every phase, then checks
 * goals. REPORT may be NULL. Returns 0, or -1 if the game had already ended. */
int hv_end_turn(hv_state *state, hv_report *report);

/* 1. Applies and clears the queued orders. */
void hv_phase_orders(hv_state *state, hv_report *report);
/* 2. Balances power; sheds modules by priority on a deficit. */
void hv_phase_power(hv_state *state, hv_report *report);
/* 3. Runs the recipes of powered, staffed modules. */
void hv_phase_production(hv_state *state, hv_report *report);
/* 4. Feeds, waters and gives air to everyone; shortages hurt and kill. */
void hv_phase_life_support(hv_state *state, hv_report *report);
/* 5. Advances construction. */
void hv_phase_construction(hv_state *state, hv_report *report);
/* 7. Sponsor funding, upkeep, wages, supply ships. */
void hv_phase_economy(hv_state *state, hv_report *report);
/* 9. Weather: the week's dust. */
void hv_phase_weather(hv_state *state, hv_report *report);
/* 10. Win and lose conditions. */
void hv_phase_goals(hv_state *state, hv_report *report);

/* Output of MODULE in per-mille of full, from its staffing. */
int32_t hv_module_staffing_pm(const hv_state *state, const hv_module *module);

#endif
