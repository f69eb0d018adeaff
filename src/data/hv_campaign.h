/* hv_campaign: a campaign is the story levels in order, each unlocking the
 * next, with a few results carried from one to the next (hv_carry). The
 * campaign file lists the levels and what carries; the progress file,
 * beside the saves, says how far the player has come and what each level
 * reached starts with (docs/campaign-format.md). */
#ifndef HV_CAMPAIGN_H
#define HV_CAMPAIGN_H

#include <stddef.h>

#include "hv_carry.h"
#include "hv_diag.h"
#include "hv_fields.h"
#include "hv_level.h"

#define HV_CAMPAIGN_LEVELS 16

typedef struct hv_campaign {
    char file[HV_FILE_LEN];
    char id[HV_ID_LEN];
    char title[HV_TITLE_LEN];
    char summary[HV_SUMMARY_LEN];
    int32_t level_count;
    char levels[HV_CAMPAIGN_LEVELS][HV_FILE_LEN]; /* level files, as the game opens them */
    char level_ids[HV_CAMPAIGN_LEVELS][HV_ID_LEN];
    char level_titles[HV_CAMPAIGN_LEVELS][HV_TITLE_LEN];
    char level_summaries[HV_CAMPAIGN_LEVELS][HV_SUMMARY_LEN];
    hv_carry_rule carry;
    /* The factions of all its levels, for naming sponsors in what carries. */
    int32_t faction_count;
    char faction_ids[HV_MAX_FACTIONS][HV_ID_LEN];
    char faction_names[HV_MAX_FACTIONS][HV_NAME_LEN];
} hv_campaign;

/* How far a player has come in one campaign. */
typedef struct hv_campaign_progress {
    char campaign[HV_ID_LEN];
    int32_t reached;                    /* levels open to play, 1.. */
    int32_t won[HV_CAMPAIGN_LEVELS];    /* 1: won at least once */
    hv_carry carry[HV_CAMPAIGN_LEVELS]; /* what each level reached starts with */
} hv_campaign_progress;

/* Loads the campaign file at PATH, with every level it names (each must
 * load, and every flag and person it carries must be in one of them).
 * 0, or -1 with every error in DIAG. */
int hv_campaign_load(const char *path, hv_campaign *out, hv_diag *diag);
/* A fresh start of CAMPAIGN: its first level open, nothing carried. */
void hv_campaign_progress_init(hv_campaign_progress *p, const hv_campaign *campaign);
/* Reads the progress file at PATH for CAMPAIGN; a missing file is a fresh
 * start. When PATH is missing or damaged and PATH.bak reads, P is PATH.bak
 * and 1 is returned. 0, 1, or -1 with errors in DIAG (P a fresh start). */
int hv_campaign_progress_read(const char *path, const hv_campaign *campaign,
                              hv_campaign_progress *p, hv_diag *diag);
/* Checks the progress file at PATH alone (never its .bak) against the
 * campaign it names, found by its id among the campaign files in
 * levels/campaigns/ of the data folders. 0, or -1 with errors in DIAG. */
int hv_campaign_progress_check(const char *path, hv_diag *diag);
/* Writes P atomically to PATH, keeping the previous file as PATH.bak
 * (unless it is missing or damaged and PATH.bak is good).
 * 0, or -1 with a sentence in ERR. */
int hv_campaign_progress_write(const char *path, const hv_campaign *campaign,
                               const hv_campaign_progress *p, char *err, size_t err_len);
/* Records that STAGE (0-based) was won, ending in END from START (the
 * level's own first state, before any carry): the next level opens with
 * what this one carries on. 1 when that opened a level, else 0. */
int hv_campaign_record_win(const hv_campaign *campaign, hv_campaign_progress *p, int32_t stage,
                           const hv_state *start, const hv_state *end);
/* The name of faction ID in the campaign's levels, or ID itself. */
const char *hv_campaign_faction_name(const hv_campaign *campaign, const char *id);
/* The progress file of campaign ID in DATA_DIR ("DATA_DIR/campaign-ID.yaml"). */
void hv_campaign_progress_path(const char *data_dir, const char *id, char *buf, size_t len);

/* Key tables, exported for the documentation check. */
extern const hv_field hv_campaign_fields[];
extern const hv_field hv_campaign_carry_fields[];
extern const hv_field hv_progress_fields[];
extern const hv_field hv_progress_level_fields[];

#endif
