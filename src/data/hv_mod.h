/* hv_mod: mods, each a folder of the player's mods folder with a manifest
 * (mod.yaml: its id, title, version, the file format it is written for
 * and the mods it needs) beside its levels/, rules and assets/ (see
 * docs/mods.md). Reading a manifest goes through the key tables like every
 * other file; scanning a mods folder reads each manifest and checks that
 * what a mod needs is there. */
#ifndef HV_MOD_H
#define HV_MOD_H

#include <stdint.h>

#include "hv_diag.h"
#include "hv_fields.h"
#include "hv_level.h"

#define HV_MOD_DEPENDS 8
#define HV_MODS_MAX 32
#define HV_MOD_VERSION_LEN 24
/* The newest format of the game's files this game reads. */
#define HV_GAME_FORMAT 1

typedef struct hv_mod {
    char id[HV_ID_LEN];
    char title[HV_NAME_LEN];
    char version[HV_MOD_VERSION_LEN];
    int32_t game_format;                      /* the format its files are written in */
    char depends[HV_MOD_DEPENDS][HV_ID_LEN]; /* ids of the mods it needs */
    int32_t depend_count;
    char folder[HV_FILE_LEN]; /* the mod's folder */
    int broken;               /* 1: its manifest or what it needs is wrong (see ERROR) */
    char error[400];          /* the first problem, FILE:LINE:COL: message, or "" */
} hv_mod;

/* The manifest's keys, for the documentation check. */
extern const hv_field hv_mod_fields[];

/* Reads the manifest at PATH (FOLDER/mod.yaml) into OUT; the mod's id must
 * be its folder's name. 0, or -1 with every problem added to DIAG. */
int hv_mod_load(hv_mod *out, const char *path, hv_diag *diag);
/* Reads every mod in the folder DIR (each subfolder with a mod.yaml) into
 * OUT (at most CAP), sorted by id; a mod whose manifest is broken or that
 * needs a mod that is not there is kept with BROKEN set and its first
 * problem in ERROR. Returns how many; 0 when DIR does not exist. */
int hv_mods_scan(const char *dir, hv_mod *out, int cap);

#endif
