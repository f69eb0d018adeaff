/* hv_level: level and rules files (format v1). A level names a rules file,
 * may override, add or remove its entries, and sets the map, the starting
 * base, funding, supply ships and goals. Loading checks the format version
 * first, collects every problem with FILE:LINE:COL, key path and value,
 * then cross-checks references. The level owns its rules and start state. */
#ifndef HV_LEVEL_H
#define HV_LEVEL_H

#include <stdint.h>
#include <stdio.h>

#include "hv_diag.h"
#include "hv_fields.h"
#include "hv_state.h"
#include "hv_yaml.h"

#define HV_FORMAT_VERSION 1
#define HV_FILE_LEN 512
#define HV_TITLE_LEN 96
#define HV_SUMMARY_LEN 320
#define HV_DESCRIPTION_LEN 4096
#define HV_GOAL_TEXT_LEN 200

typedef struct hv_level {
    char file[HV_FILE_LEN];
    char rules_file[HV_FILE_LEN]; /* as resolved from the level's folder */
    char id[HV_ID_LEN];
    char title[HV_TITLE_LEN];
    char summary[HV_SUMMARY_LEN];
    char description[HV_DESCRIPTION_LEN];
    int32_t difficulty; /* 1..5 */
    hv_rules rules;
    /* The events, policies and options of each policy of the rules file
     * alone: what the level's overrides add comes after them. */
    int32_t rules_event_count, rules_policy_count;
    int32_t rules_option_count[HV_MAX_POLICIES];
    char win_text[HV_MAX_GOALS][HV_GOAL_TEXT_LEN]; /* "" when the level gave none */
    char lose_text[HV_MAX_GOALS][HV_GOAL_TEXT_LEN];
    char module_names[HV_MAX_MODULES][HV_ID_LEN]; /* level ids of start modules, by index */
    hv_state start;                               /* plays by this level's rules; seed 0 */
} hv_level;

/* Loads and checks the level at PATH; NULL with errors in DIAG on failure. */
hv_level *hv_level_load(const char *path, hv_diag *diag);
/* hv_level_load of the level at PATH already read into DOC (with limits at
 * least as wide as a level's), so that it is parsed only once. */
hv_level *hv_level_load_tree(const char *path, const hv_ydoc *doc, hv_diag *diag);
/* hv_level_load that prints any errors to ERR instead of collecting them. */
hv_level *hv_level_load_printing(const char *path, FILE *err);
/* Frees a level from hv_level_load (NULL is fine). */
void hv_level_free(hv_level *level);
/* Starts a new game of LEVEL with SEED in OUT. */
void hv_level_new_game(const hv_level *level, uint64_t seed, hv_state *out);
/* Loads a rules file into RULES, and first what it `extends`, if anything;
 * 0 or -1 with errors. RULES are written whole: they need no hv_rules_init. */
int hv_rules_load(hv_rules *rules, const char *path, hv_diag *diag);
/* hv_rules_load for a level whose overrides remove entries: RM holds
 * those removals (at depth -1, see hv_remove.h), and gets back no others. */
int hv_rules_load_removing(hv_rules *rules, const char *path, hv_diag *diag, hv_removals *rm);
/* The name that stands for the game's own rules in `rules:` and `extends:`. */
#define HV_RULES_BASE "base"
/* Resolves REF, a rules file named in the file FROM, into OUT (CAP bytes):
 * HV_RULES_BASE is the shipped rules, anything else a path as
 * hv_file_resolve takes it. NULL, or what is wrong as a sentence. */
const char *hv_rules_resolve(char *out, size_t cap, const char *from, const char *ref);

/* Reads the keys of a rules map into RULES. AS_FILE: a rules file, so
 * format/kind are accepted and required sections must be there; otherwise
 * a level's overrides, which merge into existing entries. (hv_rules_file.c) */
void hv_rules_read(hv_ctx *ctx, const hv_ynode *root, hv_rules *rules, int as_file);
/* Checks the `format` key of ROOT before anything else; 0 if unusable. */
int hv_check_format(hv_ctx *ctx, const hv_ynode *root, const char *kind);
/* Reads a map of id -> entry into a table of COUNT entries of SIZE bytes whose
 * first member is the id. New entries must be complete; with MERGE an
 * existing id takes only the keys given. DEFAULTS fills a fresh entry first;
 * AFTER reads an entry's sub-sections. (hv_rules_file.c) */
void hv_read_table(hv_ctx *ctx, const hv_ynode *node, const hv_field *fields, void *table,
                   size_t size, int32_t *count, int32_t cap, int merge, const char *what,
                   void (*defaults)(void *entry),
                   void (*after)(hv_ctx *ctx, const hv_ynode *node, void *entry, int fresh));
/* Runs READ on each item of the list at KEY of PARENT (at most CAP), with
 * the key path set for its errors. (hv_rules_file.c) */
void hv_read_list(hv_ctx *ctx, const hv_ynode *parent, const char *key, size_t cap,
                  void (*read)(hv_ctx *ctx, const hv_ynode *item, size_t index, void *data),
                  void *data);
/* Reads a level's `goals` section into LEVEL. (hv_level_goals.c) */
void hv_read_goals(hv_ctx *ctx, const hv_ynode *goals, hv_level *level);
/* Goal kinds as files write them, by hv_goal_kind, NULL-terminated. (hv_level_goals.c) */
extern const char *const hv_goal_kind_names[];
/* The keys a goal of KIND needs, a bit per index of hv_goal_fields (`kind`
 * included), and in *MAY those it may have besides. (hv_level_goals.c) */
unsigned hv_goal_kind_keys(int32_t kind, unsigned *may);
/* Where a goal of KIND may stand: bit 0 the win list, bit 1 the lose list. */
int hv_goal_kind_sides(int32_t kind);
/* Reads the map at KEY of ROOT, if there, into TARGET through FIELDS. */
void hv_read_section(hv_ctx *ctx, const hv_ynode *root, const char *key, const hv_field *fields,
                     void *target, int require);

/* Content readers (hv_content.c). */
/* Resolves missions.hijack_flag and found_out_event set in ROOT (a rules file or overrides). */
void hv_resolve_missions(hv_ctx *ctx, const hv_ynode *root, hv_rules *rules);
void hv_read_flags(hv_ctx *ctx, const hv_ynode *node, hv_rules *rules);
void hv_read_policy_options(hv_ctx *ctx, const hv_ynode *node, void *entry, int fresh);
void hv_event_defaults(void *entry);
void hv_read_event_body(hv_ctx *ctx, const hv_ynode *node, void *entry, int fresh);
/* Sets the fields of T whose "none" is -1 (a fresh trigger holds always). */
void hv_trigger_none(hv_trigger *t);
/* Reads a `trigger` map (scripted events, the pool, steps) into T, whose
 * "none" fields are already set. */
void hv_read_trigger(hv_ctx *ctx, const hv_ynode *node, hv_trigger *t);
/* A level's `steps`, after its events (hv_story_file.c). */
void hv_read_steps(hv_ctx *ctx, const hv_ynode *list, hv_rules *rules);
/* Key table of a step, for the documentation check. */
extern const hv_field hv_step_fields[];
/* A level's scripted events, after the rules' pool. */
void hv_read_level_events(hv_ctx *ctx, const hv_ynode *node, hv_rules *rules);
/* The storyteller's part of events (hv_story_file.c): alternative texts,
 * read with the rest of an event; then, once every event of the file is
 * known, its tags, follow-ups and the events its trigger remembers. */
void hv_read_event_texts(hv_ctx *ctx, const hv_ynode *node, hv_event_def *ev);
void hv_read_event_links(hv_ctx *ctx, const hv_ynode *events, hv_rules *rules);
/* A level's asteroids. */
void hv_read_asteroids(hv_ctx *ctx, const hv_ynode *node, hv_rules *rules);

/* Key tables, exported so the documentation can be checked against them. */
extern const hv_field hv_level_fields[];
extern const hv_field hv_map_fields[];
extern const hv_field hv_start_fields[];
extern const hv_field hv_start_module_fields[];
extern const hv_field hv_person_fields[];
extern const hv_field hv_sponsor_fields[];
extern const hv_field hv_supply_fields[];
extern const hv_field hv_goals_fields[];
extern const hv_field hv_goal_fields[];
extern const hv_field hv_rules_fields[];
extern const hv_field hv_resource_info_fields[];
extern const hv_field hv_life_fields[];
extern const hv_field hv_weather_fields[];
extern const hv_field hv_role_fields[];
extern const hv_field hv_faction_fields[];
extern const hv_field hv_module_type_fields[];
extern const hv_field hv_society_fields[];
extern const hv_field hv_incidents_fields[];
extern const hv_field hv_missions_fields[];
extern const hv_field hv_market_fields[];
extern const hv_field hv_world_fields[];
extern const hv_field hv_policy_fields[];
extern const hv_field hv_option_fields[];
extern const hv_field hv_policy_effect_fields[];
extern const hv_field hv_event_effect_fields[];
extern const hv_field hv_pool_event_fields[];
extern const hv_field hv_scripted_event_fields[];
extern const hv_field hv_choice_fields[];
extern const hv_field hv_trigger_fields[];
extern const hv_field hv_asteroid_fields[];
extern const hv_field hv_bloc_fields[];
extern const hv_field hv_trait_fields[];
extern const hv_field hv_motion_fields[];
extern const hv_field hv_agenda_fields[];
extern const hv_field hv_storyteller_fields[];
extern const hv_field hv_follow_up_fields[];
extern const hv_field hv_answered_fields[];
extern const char *const hv_class_names[];

#endif
