/* hv_effect_words: what an effect does, as short coloured phrases. The
 * event dialog lays them out under each choice; the factions panel lists
 * them in the tooltips of the unrest ladder's rungs. */
#ifndef HV_EFFECT_WORDS_H
#define HV_EFFECT_WORDS_H

#include <stdint.h>

#include "hv_state.h"

/* One phrase and the colour it is shown in (good, bad or news). */
typedef struct hv_phrase {
    char text[112];
    uint32_t colour;
} hv_phrase;

#define HV_MAX_PHRASES (HV_RES_COUNT + 18)

/* Writes what E does in STATE as phrases into OUT[HV_MAX_PHRASES] and
 * returns how many; an effect that does nothing gives one dim phrase
 * saying so. A motion is told with how the board would vote today. */
int hv_effect_phrases(const hv_state *state, const hv_effect *e, hv_phrase *out);

#endif
