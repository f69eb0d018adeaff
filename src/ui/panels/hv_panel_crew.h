/* hv_panel_crew: the crew panel (hv_panel_crew.c: the summary, the filters
 * and the list of everyone) and its assign strip (hv_panel_assign.c: the
 * picked person's Unassign button and the modules with a free place).
 * Both show the crew as the queued orders will leave it. */
#ifndef HV_PANEL_CREW_H
#define HV_PANEL_CREW_H

#include "hv_app.h"

/* Where everyone will be once the queued orders apply, replayed with the
 * same checks the core makes so rejected orders move nobody. */
typedef struct hv_crew_plan {
    int32_t post[HV_MAX_PEOPLE];  /* module id, by person index */
    int32_t crew[HV_MAX_MODULES]; /* by module index */
    uint8_t gone[HV_MAX_MODULES]; /* a demolition is queued */
} hv_crew_plan;

/* Index of module ID in S, or -1. */
int hv_crew_module_index(const hv_state *s, int32_t id);
/* "Greenhouse #12" for module ID. */
void hv_crew_module_name(const hv_state *s, int32_t id, char *buf, size_t len);

/* What role ROLE is, for its tooltip: the rules' description of the job,
 * then its class, pay and part in a capture. */
void hv_crew_role_tip(const hv_rules *rules, int32_t role, char *buf, size_t len);

/* Height of the assign strip for person PI, whose module grid may take up
 * to half of ROOM pixels; sets *ROWS to the grid rows shown. */
int hv_crew_strip_height(hv_app *app, const hv_crew_plan *pl, int pi, int room, int *rows);
/* The assign strip for person PI in R, with a grid of ROWS rows. */
void hv_crew_strip(hv_app *app, const hv_crew_plan *pl, int pi, SDL_Rect r, int rows);
/* Scrolls the module grid back to its top, for a person just picked. */
void hv_crew_strip_reset(hv_app *app);

#endif
