#include "hv_suggest.h"

#include <stdio.h>
#include <string.h>

/* Longer words are never a slip of the keys worth the table. */
#define WORD_MAX 64

/* Edits from A to B (optimal string alignment: a swap of neighbours is one
 * edit, since swapped letters are the commonest typo), or WORD_MAX when a
 * word is too long to weigh. */
static int distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > WORD_MAX || lb > WORD_MAX)
        return WORD_MAX;
    int rows[3][WORD_MAX + 1];
    int *before = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int best = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                before[j - 2] + 1 < best)
                best = before[j - 2] + 1;
            cur[j] = best;
        }
        int *t = before;
        before = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb];
}

hv_suggest hv_suggest_start(const char *word)
{
    return (hv_suggest){word ? word : "", NULL, WORD_MAX};
}

void hv_suggest_offer(hv_suggest *s, const char *name)
{
    if (!name || !name[0])
        return;
    int d = distance(s->word, name);
    if (d < s->distance) {
        s->distance = d;
        s->best = name;
    }
}

const char *hv_suggest_hint(const hv_suggest *s, char *buf, size_t cap)
{
    if (!cap)
        return buf;
    buf[0] = '\0';
    /* Short words are a few edits from many names: only one slip counts. */
    int most = strlen(s->word) <= 4 ? 1 : 2;
    if (s->best && s->distance >= 1 && s->distance <= most)
        snprintf(buf, cap, " (did you mean '%s'?)", s->best);
    return buf;
}
