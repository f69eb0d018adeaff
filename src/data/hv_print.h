/* hv_print: human-readable text of a game: the turn
 * report (every change and its cause), the base status, the map. */
#ifndef HV_PRINT_H
#define HV_PRINT_H

#include <stdio.h>

#include "hv_event.h"
#include "hv_level.h"
#include "hv_turn.h"

/* Prints REPORT; BEFORE is the state before the turn (for names of the
 * departed and for the orders that were queued), AFTER the state after. */
void hv_print_report(FILE *out, const hv_state *before, const hv_state *after,
                     const hv_report *report);
/* Prints stocks, power, people and the outcome so far. */
void hv_print_status(FILE *out, const hv_level *level, const hv_state *state);
/* Prints the map with module ids and a legend. */
void hv_print_map(FILE *out, const hv_state *state);
/* Prints every module with its state. */
void hv_print_modules(FILE *out, const hv_state *state);
/* Prints every person with their assignment. */
void hv_print_people(FILE *out, const hv_state *state);
/* Prints the buildable module types and their costs. */
void hv_print_module_types(FILE *out, const hv_rules *rules);
/* Writes a one-line description of ORDER into BUF. */
void hv_describe_order(const hv_state *state, const hv_order *order, char *buf, size_t len);
/* Machine-friendly code for what ended the game ("all_dead",
 * "resource_depleted:oxygen", ...), "" while running. */
void hv_outcome_code(const hv_state *state, char *buf, size_t len);
/* The code of goal G for scripts ("resource_depleted:oxygen", "riot", ...). */
void hv_goal_code(const hv_rules *rules, const hv_goal *g, char *buf, size_t len);
/* "running", "won" or "lost". */
const char *hv_outcome_name(hv_outcome outcome);

/* Writes AMOUNTS as "+2" (one number for all) or "NASA +4, Roscosmos -6"
 * (with the number for all first when both are given); "" when all are 0. */
void hv_describe_by_faction(const hv_rules *rules, const hv_by_faction *amounts, char *buf,
                            size_t len);
/* Writes AMOUNTS as "+2" or "NASA-Roscosmos -5, ..."; "" when all are 0. */
void hv_describe_by_pair(const hv_rules *rules, const hv_by_pair *amounts, char *buf, size_t len);

/* Writes TEXT into BUF with `{person}`, `{nation}` and `{trait}` replaced
 * by the name, faction and trait of person ACTOR (someone on the crew
 * when there is no such person). */
void hv_event_fill(const hv_state *state, int32_t actor, const char *text, char *buf, size_t len);

/* Lists the policies, with the option in force in brackets. */
void hv_print_policies(FILE *out, const hv_state *state);
/* Lists the asteroids, their stage and, once surveyed, what they hold. */
void hv_print_asteroids(FILE *out, const hv_state *state);
/* Shows the event waiting for an answer and its choices. */
void hv_print_event(FILE *out, const hv_state *state);

#endif
