/* hv_script: UI scripts, lists of input events played into the window as
 * if a player made them, with screenshots on the way (docs/ui-script.md).
 * Used for screenshots of any screen and for UI tests without a display. */
#ifndef HV_SCRIPT_H
#define HV_SCRIPT_H

#include "hv_app.h"

/* Plays the script at PATH into APP; returns an exit code: 0 done, 1 a
 * runtime failure (a screenshot could not be written, an expectation
 * failed), 2 a bad script, reported as FILE:LINE:COL: error: MESSAGE. */
int hv_script_run(hv_app *app, const char *path);

#endif
