/* hv_app: what the window's screens share. The app owns the window, the
 * drawing state, the settings and at most one game; screens are functions
 * that draw themselves and act on clicks in the same pass (hv_gui). The
 * game part only queues orders and ends turns through hv_core. */
#ifndef HV_APP_H
#define HV_APP_H

#include <string.h>

#include "hv_audit_file.h"
#include "hv_campaign.h"
#include "hv_event.h"
#include "hv_forecast.h"
#include "hv_gui.h"
#include "hv_level.h"
#include "hv_mod.h"
#include "hv_report_book.h"
#include "hv_save.h"
#include "hv_settings.h"
#include "hv_ui.h"

typedef enum hv_screen {
    HV_SCR_MENU,     /* title, new game, continue, load, settings, quit */
    HV_SCR_PICKER,   /* the levels, with title, summary and difficulty */
    HV_SCR_LOAD,     /* save slots */
    HV_SCR_SETTINGS, /* UI scale, window, key bindings */
    HV_SCR_CAMPAIGN, /* the story levels in order, won, open and locked */
    HV_SCR_MODS,     /* the mods, on or off, in order (from New game) */
    HV_SCR_GAME,     /* the base */
} hv_screen;

typedef enum hv_panel {
    HV_PANEL_NONE,
    HV_PANEL_CREW,
    HV_PANEL_FACTIONS,
    HV_PANEL_ASTEROIDS,
    HV_PANEL_POLICIES,
    HV_PANEL_CHARTS,
    HV_PANEL_REPORT,
    HV_PANEL_GOALS,
    HV_PANEL_COUNT
} hv_panel;

typedef enum hv_modal {
    HV_MODAL_NONE,
    HV_MODAL_EVENT, /* an event waits for a choice */
    HV_MODAL_END,   /* the game is won or lost: the summary */
    HV_MODAL_HELP,
    HV_MODAL_MENU,    /* the in-game menu (Esc) */
    HV_MODAL_SAVE,    /* pick a slot to save to */
    HV_MODAL_ERROR,   /* a message with the file, line and column */
    HV_MODAL_CONFIRM, /* leave a week with orders queued? (app->confirm) */
    HV_MODAL_ALERTS,  /* what the week brought that must not be missed */
} hv_modal;

/* What the confirm dialog asks before doing. */
typedef enum hv_confirm { HV_CONFIRM_QUIT, HV_CONFIRM_MAIN_MENU, HV_CONFIRM_RELOAD } hv_confirm;

/* End week presses this soon after a week ended are taken as part of the
 * press that ended it (a double click, a key held down), in ms. */
#define HV_END_WEEK_GUARD 500

/* One week of the game's history, for the charts. */
typedef struct hv_week_record {
    int32_t week;
    int64_t stock[HV_RES_COUNT];
    int32_t nation_tension, class_tension;
    int32_t population, morale, satisfaction; /* averages */
    int32_t power_supply, power_demand;
    int32_t tension[HV_MAX_FACTIONS][HV_MAX_FACTIONS];
    int64_t price; /* iridium on Earth, funds per unit as the window shows it */
} hv_week_record;

#define HV_HISTORY 1200

#define HV_ALERTS 64

/* One alert: what happened, in which week, and where to look. */
typedef struct hv_alert_note {
    int kind;        /* hv_alert (hv_sound.h) */
    int32_t week;    /* the week that brought it */
    int32_t module;  /* module id to pick on the map, or 0 */
    int panel;       /* hv_panel to open instead, or HV_PANEL_NONE */
    char text[160];
} hv_alert_note;

/* Bands across the map, each under a light of its own (hv_living.h). */
#define HV_LIGHT_BANDS 6

typedef struct hv_game {
    hv_level *level;
    hv_state state;
    hv_state before;  /* at the start of the last week played, for its report */
    hv_report report; /* the last week's report */
    int played;       /* 1 once a week has been played */
    hv_order_log log;
    hv_week_record history[HV_HISTORY];
    int history_count;
    /* Every week's report, for the report panel to page back through. */
    hv_report_book book;
    int32_t report_week; /* the week the report panel shows; 0: the latest */
    int report_filter;   /* the kind of news it lists (hv_panel_report.c) */
    hv_report shown;     /* that week's events that pass the filter */
    /* Next week as it will be if nothing changes, kept until the state
     * changes (hv_game_forecast). */
    hv_forecast forecast;
    hv_state forecast_of, forecast_scratch;
    int forecast_ready;
    /* The base view. */
    int build_type;            /* module type being placed, or -1 */
    int selected;              /* module id, or 0 */
    int person;                /* person id picked in the crew panel, or 0 */
    int cam_x, cam_y;          /* pixels the map is scrolled by */
    int zoom;                  /* tile size in UI units, 24..96 */
    SDL_Rect map_area;         /* where the map was last drawn */
    SDL_Rect ground_area;      /* the part of it the ground covers */
    SDL_Texture *picture;      /* the map's still picture (hv_map_layer.h) */
    int picture_tile;          /* tile size in pixels it was drawn at; 0: redraw */
    int picture_w, picture_h;  /* its size: the map's, or the window's if less */
    int held_x, held_y;        /* the map's pixel at its corner, as it wraps */
    uint64_t band_key[HV_LIGHT_BANDS]; /* band B's key at B % HV_LIGHT_BANDS; 0: redraw */
    int hover_x, hover_y;      /* map cell under the pointer, or -1 */
    int summary_seen;          /* the end dialog has been closed once */
    hv_origin origin;          /* a campaign's level, and what it started with */
    char opened[HV_TITLE_LEN]; /* the campaign level this win opened, or "" */
    hv_alert_note alerts[HV_ALERTS]; /* the latest alerts, oldest first */
    int alert_count;
    int alerts_new;  /* how many of them the last week brought */
    int alerts_all;  /* the alerts dialog lists every one kept */
} hv_game;

/* A level found for the picker; broken ones are listed with their error. */
typedef struct hv_level_entry {
    char path[HV_FILE_LEN];
    char title[HV_TITLE_LEN];
    char summary[HV_SUMMARY_LEN];
    int author_difficulty; /* the level's own `difficulty` */
    int difficulty;        /* what the picker shows: from a current audit, else the author's */
    int rated;             /* 1: DIFFICULTY comes from the audit */
    int lasting;           /* 1: no win goals, so bots last the game rather than win it */
    char error[400];       /* "" when the level loads */
    /* How bots did, from the audit file beside the level (LEVEL.audit.json). */
    int measured; /* 1: AUDIT holds a summary */
    int stale;    /* 1: measured for an earlier version of the level or its rules */
    hv_audit_summary audit;
    char audit_error[300]; /* why an audit file that is there cannot be read, or "" */
    int mod;               /* index into the app's mods + 1; 0: a shipped level */
} hv_level_entry;

#define HV_MAX_LEVEL_ENTRIES 64

/* What the panels and lists remember between frames: filters, scroll
 * positions and last frame's heights, kept with the app rather than in
 * the files that draw them. */
typedef struct hv_views {
    hv_scroll_area policies, factions, goals; /* the scrolled panels */
    int crew_filter;                          /* all, idle, workers or staff */
    int crew_height;                          /* the crew list's height last frame */
    int assign_first;                         /* first row of the assign grid shown */
    int levels_scroll;                        /* New game's list; -1: bring the pick into view */
    int campaign_scroll;                      /* the campaign's list of levels */
    int settings_height;                      /* the settings page's height last frame */
} hv_views;

typedef struct hv_app {
    SDL_Window *win;
    SDL_Renderer *ren;
    hv_gfx gfx;
    hv_gui gui;
    hv_settings settings;
    hv_ui_options opt;
    char data_dir[HV_FILE_LEN]; /* "" when it cannot be created: saving is off */
    char no_saving[768];        /* why saving is off, or "" */
    char levels_dir[HV_FILE_LEN];
    char mods_dir[HV_FILE_LEN]; /* the player's mods (docs/mods.md); "" for none */
    hv_mod mods[HV_MODS_MAX];   /* as New game last found them, in the player's order */
    int mod_on[HV_MODS_MAX];    /* 1: New game offers the mod's levels */
    int mod_count;
    /* hv_watch: the files as last seen, and when they were looked at. */
    int64_t watch_game[2];  /* the open game's level and rules files */
    uint64_t watch_picker;  /* New game's folders and the highlighted level */
    uint32_t watch_at;      /* SDL ticks of the last look */
    char asset_dir[HV_FILE_LEN];
    char settings_path[HV_FILE_LEN + 16];
    hv_screen screen;
    hv_panel panel;
    hv_modal modal;
    hv_game *game; /* NULL when no game is open */
    hv_level_entry levels[HV_MAX_LEVEL_ENTRIES];
    int level_count;
    int level_pick;           /* index highlighted in the picker */
    char error[1200];         /* the error dialog's text */
    char error_title[80];     /* and its title */
    char toast[240];          /* a short message at the bottom of the base view */
    char title[HV_TITLE_LEN + 64]; /* the window's title as last set */
    uint32_t toast_until;     /* SDL ticks when it goes */
    int toast_drawn;          /* the last frame showed it */
    hv_screen drawn;          /* the screen drawn last frame */
    hv_confirm confirm;       /* what the confirm dialog asks about */
    uint32_t input_at;        /* SDL ticks of the input event being handled */
    uint32_t end_guard_until; /* End week presses before this are ignored */
    /* The campaign found in the levels folder's campaigns/, if any. */
    hv_campaign *campaign;
    hv_campaign_progress progress;
    char campaign_error[400]; /* why the campaign or its progress cannot be read, or "" */
    int campaign_pick;        /* level highlighted on the campaign screen */
    int rebinding;            /* action waiting for a new key in settings, or -1 */
    hv_views views;           /* where each panel and list stands */
    int scroll;               /* the open list's scroll offset, in pixels */
    int quit;                 /* 0, 1 (the player chose Quit) or HV_QUIT_ASKED */
    /* The clock the base's animation follows, in ms, when set (a script's
     * `clock`, timed frames); 0: the real one (SDL ticks). */
    uint32_t clock;
} hv_app;

/* app->quit when the quit came from outside the game: a signal or the
 * window system's close button. A UI script stops there with a failure. */
#define HV_QUIT_ASKED 2

/* ---- the window (hv_app.c) --------------------------------------------- */

/* Draws the current screen into the back buffer, handling this event's clicks. */
void hv_app_frame(hv_app *app);
/* Draws a frame when only the clock woke the window (the map moves). The
 * base view with a renderer that keeps its pixels draws only what moved
 * over the last frame: then 1; else the whole window, and 0. */
int hv_app_frame_map(hv_app *app);
/* Takes one input event: keys become actions, clicks go to the widgets. */
void hv_app_handle(hv_app *app, const SDL_Event *ev);
/* Writes what was last drawn to a PNG at PATH; 0 or -1. */
int hv_app_screenshot(hv_app *app, const char *path);
/* The UI scale in use: command line, settings, else the display's DPI,
 * lowered to what the window holds. */
int hv_app_scale(const hv_app *app);
/* Every screen is laid out to fit HV_LAYOUT_W x HV_LAYOUT_H units. */
#define HV_LAYOUT_W 960
#define HV_LAYOUT_H 540
#define HV_SCALE_MIN 60
/* The largest scale at which the window holds the layout (HV_SCALE_MIN at
 * least); hv_app_scale never exceeds it, and Settings offers no more. */
int hv_app_scale_fit(const hv_app *app);
/* Finds the levels for the picker; broken ones are kept with their error. */
void hv_app_scan_levels(hv_app *app);
/* Writes the mods' order and which are on into the settings and saves
 * them, after the Mods screen changed APP->mods or APP->mod_on. */
void hv_app_keep_mods(hv_app *app);

/* ---- the game (hv_game.c) ---------------------------------------------- */

/* Starts a new game of the level at PATH; on error shows it and keeps the
 * current screen. 0 or -1. */
int hv_app_new_game(hv_app *app, const char *path, uint64_t seed);
/* hv_app_new_game for a level of a campaign: ORIGIN's carry is applied
 * to the first week, and a win is recorded in the progress. */
int hv_app_new_game_origin(hv_app *app, const char *path, uint64_t seed, const hv_origin *origin);
/* Finds the campaign in the levels folder's campaigns/ and reads the
 * player's progress in it; problems are kept in campaign_error. */
void hv_app_read_campaign(hv_app *app);
/* The game in progress, a campaign's level, has just been won: records it
 * in the progress file and opens the next level. */
void hv_app_campaign_won(hv_app *app);
/* Loads save SLOT; an unreadable save shows an error dialog. 0 or -1. */
int hv_app_load_slot(hv_app *app, int slot);
/* Opens the save at PATH, telling the player WHAT ("Loaded slot 3"); 0 or -1
 * with the error shown. */
int hv_app_load_path(hv_app *app, const char *path, const char *what);
/* Opens the error dialog titled TITLE: WHAT, then the first problems of
 * DIAG, each as FILE:LINE:COL: message. */
void hv_app_error_diag(hv_app *app, const char *title, const char *what, const hv_diag *diag);

/* ---- files a modder edits while the game runs (hv_watch.c) -------------- */

/* Notes the open game's level and rules files as they are now. */
void hv_watch_begin(hv_app *app);
/* Milliseconds until the files should be looked at again, or -1 when
 * there is nothing to watch (no game, not New game). */
int hv_watch_due_ms(const hv_app *app);
/* Looks at the files: New game reads its folders again when they changed,
 * and an open game whose level or rules changed asks to reload. Returns 1
 * when the window must be drawn again. */
int hv_watch_poll(hv_app *app);
/* Plays the open game again on its level and rules as they are on disk
 * now: the same seed and orders up to this week. 0, or -1 with the error
 * (the level's, at its line and column) shown and the game kept. */
int hv_app_reload(hv_app *app);
/* Saves the game to SLOT; says how it went in a toast. 0 or -1. */
int hv_app_save_slot(hv_app *app, int slot);
/* Closes the game, if any. */
void hv_app_close_game(hv_app *app);
/* Queues ORDER; a full queue is said in a toast. 0 or -1. */
int hv_app_queue(hv_app *app, const hv_order *order);
/* Drops the last queued order. */
void hv_app_undo(hv_app *app);
/* Ends the week, as `sim` does; opens the event or end dialog it brings. */
void hv_app_end_turn(hv_app *app);
/* The player pressed End week (button or key): ends the week unless the
 * press came while the last week was being played or just after it. */
void hv_app_press_end_week(hv_app *app);
/* Milliseconds until End week takes presses again (0: it does now). */
uint32_t hv_app_end_guard_left(const hv_app *app);
/* Sets the priority of module MODULE to VALUE for the end of the week:
 * one queued priority order per module, replaced by a later change. */
void hv_app_queue_priority(hv_app *app, int32_t module, int32_t value);
/* The player asked to quit (WHAT HV_CONFIRM_QUIT) or to leave the game for
 * the main menu: done at once, or after a confirm dialog when orders are
 * queued this week, which the autosave does not hold. */
void hv_app_leave(hv_app *app, hv_confirm what);
/* Does what the confirm dialog asked about. */
void hv_app_leave_now(hv_app *app, hv_confirm what);
/* Picks choice C (from 0) of the event waiting for an answer. */
void hv_app_answer(hv_app *app, int c);
/* 1 while the toast is on screen. */
int hv_app_toast_shown(const hv_app *app);
/* Shows a message for a few seconds. */
void hv_app_toast(hv_app *app, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Opens the error dialog with TEXT, titled "Something went wrong". */
void hv_app_error(hv_app *app, const char *text);
/* Opens the error dialog with TITLE, for what the player can put right. */
void hv_app_error_titled(hv_app *app, const char *title, const char *text);
/* Records the current state as a week of history. */
void hv_game_record(hv_game *game);
/* Next week as it will be if nothing changes (hv_forecast_week), worked
 * out again only when the state or its queued orders have changed. */
const hv_forecast *hv_game_forecast(hv_game *game);

/* ---- screens ----------------------------------------------------------- */

void hv_screen_menu(hv_app *app);
void hv_screen_picker(hv_app *app);
void hv_screen_load(hv_app *app);
void hv_screen_settings(hv_app *app);
void hv_screen_campaign(hv_app *app);
void hv_screen_mods(hv_app *app);
/* Takes the key pressed while the settings screen waits for a new binding. */
void hv_screen_settings_key(hv_app *app, int32_t key, uint32_t mods);
/* The base view: top bar, map, side buttons, open panel and dialog. */
void hv_screen_game(hv_app *app);
/* The pixel at the centre of map cell (X, Y) as last drawn; 0, or -1 when
 * the cell is off the map or out of view. */
int hv_game_cell_point(const hv_app *app, int x, int y, int *px, int *py);

/* Side panels of the base view, each drawn into AREA. */
void hv_panel_crew(hv_app *app, SDL_Rect area);
void hv_panel_factions(hv_app *app, SDL_Rect area);
void hv_panel_asteroids(hv_app *app, SDL_Rect area);
void hv_panel_policies(hv_app *app, SDL_Rect area);
void hv_panel_charts(hv_app *app, SDL_Rect area);
void hv_panel_report(hv_app *app, SDL_Rect area);
void hv_panel_goals(hv_app *app, SDL_Rect area);

/* Dialogs over the base view. */
void hv_dialog_event(hv_app *app);
void hv_dialog_end(hv_app *app);
void hv_dialog_help(hv_app *app);
void hv_dialog_menu(hv_app *app);
void hv_dialog_save(hv_app *app);
void hv_dialog_error(hv_app *app);
void hv_dialog_confirm(hv_app *app);

/* Shared drawing helpers (hv_draw.c). */
/* Colour of faction F as 0xRRGGBB. */
uint32_t hv_faction_colour(const hv_rules *rules, int32_t f);
/* Draws faction F's mark (shape and letter, for colour-blind players) in R. */
void hv_draw_faction_mark(hv_app *app, int32_t f, SDL_Rect r);
/* A centred dialog of W x H units with TITLE; returns its inner area. */
SDL_Rect hv_draw_dialog(hv_app *app, int w, int h, const char *title);
/* A line chart of COUNT values in R, from MIN to MAX, in COLOUR. */
void hv_draw_chart(hv_app *app, SDL_Rect r, const int64_t *values, int count, int64_t min,
                   int64_t max, uint32_t colour);
/* A framed sparkline of COUNT values in R, scaled to their own range, with
 * the latest one marked by a dot. */
void hv_draw_sparkline(hv_app *app, SDL_Rect r, const int64_t *values, int count,
                       uint32_t colour);
/* What a cause of change is called in the window: "life support". */
const char *hv_cause_words(hv_cause cause);
/* "1,234" */
void hv_format_number(int64_t v, char *buf, size_t len);

/* Copies SRC into DST of LEN bytes, cut short if it must be. */
static inline void hv_copy_str(char *dst, size_t len, const char *src)
{
    size_t n = strlen(src);
    if (n >= len)
        n = len - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

#endif
