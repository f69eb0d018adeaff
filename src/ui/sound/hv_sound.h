/* hv_sound: the game's sound, through SDL's own audio. Owns the one audio
 * device and a small mixer: a few one-shot voices for effects (clicks, the
 * week's end, alerts, event stings) and two ambient loops (wind and
 * machinery) whose levels glide to follow the base. Which WAV file plays
 * for which cue, and how loud, comes from assets/sounds/sounds.yaml
 * (hv_sound_file.c); how the game's happenings become cues is in
 * hv_sound_game.c. Sound only listens to the game and never changes it.
 * Without an audio device every call is harmless and the game is silent. */
#ifndef HV_SOUND_H
#define HV_SOUND_H

#include <stddef.h>
#include <stdint.h>

#include "hv_diag.h"
#include "hv_event.h"
#include "hv_fields.h"
#include "hv_state.h"

/* Effects, with their ids in sounds.yaml and scripts. Cue ids are
 * generic: what happened, never which module or event. One list makes
 * the enum, the ids and the file's keys, so none can be forgotten. */
#define HV_CUES(X)                                                                                 \
    X(HV_CUE_CLICK, "click")       /* a button pressed */                                          \
    X(HV_CUE_WEEK_END, "week_end") /* a week played */                                             \
    X(HV_CUE_EVENT, "event")       /* an event waits for an answer */                              \
    X(HV_CUE_ALERT_BLACKOUT, "alert_blackout")                                                     \
    X(HV_CUE_ALERT_SHORTAGE, "alert_shortage")                                                     \
    X(HV_CUE_ALERT_FAULT, "alert_fault")                                                           \
    X(HV_CUE_ALERT_UNREST, "alert_unrest")                                                         \
    X(HV_CUE_ALERT_ARRIVAL, "alert_arrival")                                                       \
    X(HV_CUE_ALERT_LAUNCH, "alert_launch")

#define HV_SOUND_ENUM(name, id) name,
typedef enum hv_cue { HV_CUES(HV_SOUND_ENUM) HV_CUE_COUNT } hv_cue;

/* What an alert is about, most urgent first. */
typedef enum hv_alert {
    HV_ALERT_BLACKOUT, /* power ran short: modules shut down */
    HV_ALERT_SHORTAGE, /* a resource ran out */
    HV_ALERT_FAULT,    /* a module broke */
    HV_ALERT_UNREST,   /* a strike, a riot or another incident */
    HV_ALERT_ARRIVAL,  /* a supply ship, a probe or a crew came in */
    HV_ALERT_LAUNCH,   /* a launch window opened */
    HV_ALERT_COUNT
} hv_alert;

/* Ambient loops. */
#define HV_LOOPS(X)                                                                                \
    X(HV_LOOP_WIND, "wind")           /* louder with the dust */                                   \
    X(HV_LOOP_MACHINERY, "machinery") /* louder with more of the base running */

typedef enum hv_loop { HV_LOOPS(HV_SOUND_ENUM) HV_LOOP_COUNT } hv_loop;
#undef HV_SOUND_ENUM

/* ---- the device and the mixer (hv_sound.c) ------------------------------- */

/* Opens the audio device and loads the sounds named in DIR/sounds.yaml.
 * Any failure leaves the game silent with one warning line on stderr;
 * returns 0 when sound plays, -1 when silent. Under the dummy or
 * offscreen video driver it stays silent unless SDL_AUDIODRIVER is set. */
int hv_sound_open(const char *dir);
/* Closes the device and frees the sounds. */
void hv_sound_close(void);
/* Volumes 0..100 for effects and ambience; MUTE silences both (the output
 * is then exact zeros). */
void hv_sound_volumes(int effects, int ambience, int mute);
/* Plays CUE after DELAY_MS milliseconds; cues that have no sound do nothing. */
void hv_sound_play(hv_cue cue, int delay_ms);
/* Plays the alert for KIND now. */
void hv_sound_alert(hv_alert kind);
/* The cue an alert of KIND plays. */
hv_cue hv_sound_alert_cue(hv_alert kind);
/* Sets LOOP to glide to LEVEL percent of its volume (0: silent). */
void hv_sound_loop_level(hv_loop loop, int level);
/* Stable id of CUE for sounds.yaml and scripts ("week_end"), or "". */
const char *hv_sound_cue_id(hv_cue cue);
/* Stable id of LOOP ("wind"), or "". */
const char *hv_sound_loop_id(hv_loop loop);
/* Writes the cues asked for since the last call, by id, space-separated,
 * into BUF ("" if none) and forgets them: for UI scripts and tests. */
void hv_sound_take_log(char *buf, size_t len);

/* ---- the sounds file (hv_sound_file.c) ------------------------------------ */

#define HV_SOUND_FILE_LEN 64

typedef struct hv_sound_entry {
    char file[HV_SOUND_FILE_LEN]; /* a WAV file in the same folder; "" = silent */
    int32_t volume;               /* percent, 0..100 */
} hv_sound_entry;

typedef struct hv_sound_table {
    hv_sound_entry effects[HV_CUE_COUNT];
    hv_sound_entry loops[HV_LOOP_COUNT];
} hv_sound_table;

/* Keys of the file's top level and of one entry, for the docs' key tables. */
extern const hv_field hv_sound_file_fields[];
extern const hv_field hv_sound_entry_fields[];
/* The key table of SECTION of the file: "" for its top, "effects" and
 * "ambience" for the cue and loop ids, "sound" for one sound; or NULL.
 * What `happyvalley schema` says of the file. */
const hv_field *hv_sound_keys(const char *section);
/* Reads PATH (docs/sounds-format.md) into OUT; cues it leaves out are
 * silent. 0, or -1 with FILE:LINE:COL errors in DIAG. */
int hv_sound_table_load(hv_sound_table *out, const char *path, hv_diag *diag);

/* ---- the game's happenings as sounds (hv_sound_game.c) ------------------- */

struct hv_app;

/* The most urgent alert the week from BEFORE to AFTER (with REPORT) calls
 * for, or -1 if none. */
int hv_sound_week_alert(const hv_state *before, const hv_state *after, const hv_report *report);
/* A week was played: the week's chime, then its most urgent alert. */
void hv_sound_week(const hv_state *before, const hv_state *after, const hv_report *report);
/* Once a frame: volumes from the settings, ambience from the open game,
 * the sting when an event dialog opens. */
void hv_sound_follow(const struct hv_app *app);
/* Ambience levels (0..100) for STATE: wind with the dust, machinery with
 * the share of modules running and the power they use. */
void hv_sound_ambience_levels(const hv_state *state, int played, int *wind, int *machinery);

#endif
