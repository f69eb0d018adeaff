/* hv_settings: the player's settings (UI scale, window, key bindings, sound),
 * kept in settings.yaml in the config folder (hv_paths_settings_file).
 * Every action the keyboard can trigger has one binding; bindings may be
 * changed, and two actions on the same key are reported as a conflict
 * rather than silently accepted. */
#ifndef HV_SETTINGS_H
#define HV_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "hv_diag.h"

typedef enum hv_action {
    HV_ACT_END_TURN,  /* Space */
    HV_ACT_MENU,      /* Escape: the game menu; closes a panel or dialog first */
    HV_ACT_HELP,      /* F1 */
    HV_ACT_SAVE,      /* Ctrl+S: quick save to slot 1 */
    HV_ACT_LOAD,      /* Ctrl+L: the load screen */
    HV_ACT_UNDO,      /* Ctrl+Z: drop the last queued order */
    HV_ACT_BUILD,     /* B: build mode */
    HV_ACT_CREW,      /* C */
    HV_ACT_FACTIONS,  /* F: factions and tension */
    HV_ACT_ASTEROIDS, /* A: asteroids and missions */
    HV_ACT_POLICIES,  /* P */
    HV_ACT_CHARTS,    /* H: history charts */
    HV_ACT_REPORT,    /* R: last turn's report */
    HV_ACT_GOALS,     /* G: the goals panel */
    HV_ACT_ZOOM_IN,   /* = (and keypad +) */
    HV_ACT_ZOOM_OUT,  /* - */
    HV_ACT_PAN_LEFT,  /* Left */
    HV_ACT_PAN_RIGHT, /* Right */
    HV_ACT_PAN_UP,    /* Up */
    HV_ACT_PAN_DOWN,  /* Down */
    HV_ACT_COUNT
} hv_action;

/* Modifier bits of a binding (not SDL's: left and right count alike). */
enum { HV_MOD_CTRL = 1, HV_MOD_SHIFT = 2, HV_MOD_ALT = 4 };

typedef struct hv_keybind {
    int32_t key;   /* SDL_Keycode; 0 = unbound */
    uint32_t mods; /* HV_MOD_* bits */
} hv_keybind;

/* The mods the player has ordered or switched off, by id (docs/mods.md). */
#define HV_SETTINGS_MODS 32
typedef struct hv_mod_choice {
    char id[32];
    int32_t enabled; /* 0: its levels are not offered */
} hv_mod_choice;

typedef struct hv_settings {
    int32_t ui_scale;      /* percent, 100..300; 0 = from the display's DPI */
    int32_t width, height; /* window size in pixels at start, 640x360 at least */
    int32_t fullscreen;    /* 0 or 1 */
    int32_t reduce_motion; /* 0 or 1: the map stands still (no walkers, drifting dust, day cycle) */
    hv_keybind keys[HV_ACT_COUNT];
    int32_t effects_volume;  /* sound effects, 0..100 */
    int32_t ambience_volume; /* wind and machinery, 0..100 */
    int32_t mute;            /* 0 or 1: no sound at all */
    /* Mods in the player's order, first to last; mods not listed come after,
     * on, by id. */
    hv_mod_choice mods[HV_SETTINGS_MODS];
    int32_t mod_count;
} hv_settings;

/* Stable id of ACTION for the settings file ("end_turn"). */
const char *hv_action_id(hv_action action);
/* Name of ACTION shown to the player ("End turn"). */
const char *hv_action_name(hv_action action);
/* Fills SETTINGS with the defaults above, scale 0, 1280x720, windowed,
 * effects at 80, ambience at 50, sound on, motion on. */
void hv_settings_defaults(hv_settings *settings);
/* Reads PATH over the defaults. A missing file is not an error. 0, or -1
 * with FILE:LINE:COL errors in DIAG (and SETTINGS left at the defaults). */
int hv_settings_load(hv_settings *settings, const char *path, hv_diag *diag);
/* Writes SETTINGS to PATH atomically. 0, or -1 with a sentence in ERR. */
int hv_settings_save(const hv_settings *settings, const char *path, char *err, size_t err_len);
/* Writes BIND as the player reads and the file stores it ("Ctrl+S", "Space"). */
void hv_keybind_format(hv_keybind bind, char *buf, size_t len);
/* Parses text written by hv_keybind_format; 0, or -1 if it names no key. */
int hv_keybind_parse(const char *text, hv_keybind *out);
/* HV_MOD_* bits for SDL's modifier state SDL_MOD. */
uint32_t hv_keybind_mods(uint32_t sdl_mod);
/* The action bound to KEY with MODS, or -1. */
int hv_settings_action_for(const hv_settings *settings, int32_t key, uint32_t mods);
/* Another action bound to the same key as ACTION, or -1 if none. */
int hv_settings_conflict(const hv_settings *settings, hv_action action);
/* The key table of SECTION of the file ("" for the top, "window", "sound",
 * "mods" for an entry of its list, "keys" for the actions), or NULL: what
 * docs/settings-format.md must cover, and what `happyvalley schema` says. */
const struct hv_field *hv_settings_keys(const char *section);

#endif
