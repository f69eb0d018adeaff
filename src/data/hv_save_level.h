/* hv_save_level: the level a save was played on, written as a path
 * relative to the data folder holding it and found again on load. A save
 * may come from anywhere, so its `level:` is only ever opened inside the
 * save's own folder and the game's data folders (the shipped data root
 * and the player's data folder, hv_file_data_folders); a level that moved is
 * found by its id under levels/ of those data folders. */
#ifndef HV_SAVE_LEVEL_H
#define HV_SAVE_LEVEL_H

#include <limits.h>
#include <stddef.h>

#include "hv_level.h"

/* Where the level of a loaded save was found, or why it was not. */
typedef struct hv_save_found {
    char path[PATH_MAX];     /* the level file opened */
    int moved;               /* not at the save's path: found by its id */
    int refused;             /* the save's path was absolute or left its folders */
    char other_id[HV_ID_LEN]; /* the save's path holds this other level */
    char where[1024];        /* where levels were looked for, for a message */
} hv_save_found;

/* LEVEL_FILE as a save at SAVE_PATH stores it in BUF: relative to the
 * data folder, or else the save's folder, that holds it; otherwise its
 * absolute path, which a load refuses and replaces by a search by id. */
void hv_save_level_path(const char *save_path, const char *level_file, char *buf, size_t len);
/* The level ID that the save at SAVE_PATH names STORED: STORED inside the
 * save's folder or a data folder, else the level with that id under a data
 * folder's levels/. NULL when there is none; FOUND says where it was, or
 * where it was looked for. The caller frees the level. */
hv_level *hv_save_find_level(const char *save_path, const char *stored, const char *id,
                             hv_save_found *found);

#endif
