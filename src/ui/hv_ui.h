/* hv_ui: the desktop game in an SDL2 window. The window queues orders and
 * calls the same hv_end_turn as every other front-end. */
#ifndef HV_UI_H
#define HV_UI_H

#include <stdint.h>

#include "hv_validate.h"

typedef struct hv_ui_options {
    const char *level;      /* start a game of this level; NULL: the main menu */
    uint64_t seed;          /* for a game started from the command line */
    const char *screenshot; /* draw the first screen to this PNG and exit */
    const char *script;     /* play these input events (docs/ui-script.md) */
    const char *data_dir;   /* saves and settings; NULL: the XDG data folder */
    const char *mods_dir;   /* the mods; NULL: DATA_DIR/mods */
    int width, height;      /* window size; 0: from the settings */
    int scale;              /* UI scale percent; 0: from the settings or DPI */
    int frames;             /* > 0: draw this many frames, print timings, exit */
} hv_ui_options;

/* Runs the window until the player quits; returns an exit code (0 ok,
 * 1 runtime failure such as no display, 2 bad input). */
int hv_ui_run(const hv_ui_options *options);

/* The files only the window reads, for `validate`: the player's settings
 * and the sounds table, each checked as the window loads it (no SDL is
 * started). NULL-terminated. (hv_ui_files.c) */
extern const hv_validate_kind hv_ui_file_kinds[];

#endif
