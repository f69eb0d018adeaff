/* hv_json: writes the JSON documents of the headless commands. */
#ifndef HV_JSON_H
#define HV_JSON_H

#include <stdio.h>

#include "hv_level.h"

/* Writes S as a JSON string literal, escaping as RFC 8259 requires. */
void hv_json_string(FILE *out, const char *s);
/* Writes one JSON object summing up a game: level, seed, turn, outcome,
 * cause, state_hash, resources and more. HASHES (may be NULL) lists the
 * state hash after each of COUNT turns. Ends with a newline. */
void hv_json_game(FILE *out, const hv_level *level, const hv_state *state,
                  const unsigned long long *hashes, int count, int applied, int rejected);

#endif
