/* hv_suggest: the "did you mean" hint for a misspelt key or id. Every
 * loader that refuses an unknown name offers the names it would have
 * accepted and appends the hint, so a modder's typo names its fix. */
#ifndef HV_SUGGEST_H
#define HV_SUGGEST_H

#include <stddef.h>

/* Bytes enough for any hint hv_suggest_hint writes. */
#define HV_SUGGEST_LEN 96

/* A search for the known name nearest to a word. */
typedef struct hv_suggest {
    const char *word; /* the name as the file wrote it */
    const char *best; /* nearest name offered so far, or NULL */
    int distance;     /* edits from word to best */
} hv_suggest;

/* Starts a search for the known name nearest WORD (kept by pointer). */
hv_suggest hv_suggest_start(const char *word);
/* Offers NAME, one the file could have written there (kept by pointer);
 * NULL and "" are ignored. The first of equally near names wins. */
void hv_suggest_offer(hv_suggest *s, const char *name);
/* Writes " (did you mean 'NAME'?)" into BUF (CAP bytes) for the nearest
 * name offered when it is a slip away from the word: 1 edit for a word of
 * up to 4 characters, 2 for a longer one, an edit being an insertion, a
 * deletion, a change or two neighbours swapped. Else writes "". Returns BUF. */
const char *hv_suggest_hint(const hv_suggest *s, char *buf, size_t cap);

#endif
