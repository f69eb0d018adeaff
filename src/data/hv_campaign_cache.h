/* hv_campaign_cache: what the lint of a level needs of each campaign file
 * beside it or in the data folders (its id, the levels it lists, the flags
 * it carries), read once per thread while the file holds the same bytes
 * and the data folders are the same, as the rules cache does for rules
 * files: validating many levels parses each campaign file once. */
#ifndef HV_CAMPAIGN_CACHE_H
#define HV_CAMPAIGN_CACHE_H

#include <stdint.h>

/* One campaign file as lint reads it. */
typedef struct hv_campaign_carries {
    int carries;    /* 1: a campaign file with a list of levels and of carried flags */
    const char *id; /* its id, or "(no id)" */
    int32_t level_count;
    const char **levels; /* the real paths of the listed levels that resolve */
    int32_t flag_count;
    const char **flags; /* the carried flags written as plain values, in order */
} hv_campaign_carries;

/* The campaign file at PATH, read afresh only when its bytes or the data
 * folders changed since this thread last read it; NULL when it cannot be
 * read. Owned by the cache, valid until the next call. */
const hv_campaign_carries *hv_campaign_cache_get(const char *path);
/* Forgets every campaign file kept by this thread. */
void hv_campaign_cache_clear(void);

#endif
