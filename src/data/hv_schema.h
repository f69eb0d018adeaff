/* hv_schema: a JSON Schema (draft-07) of the game's files, generated from
 * the loaders' own key tables, for editors that check YAML as it is typed
 * (docs/editors.md). Each key table becomes an object schema: its keys,
 * their types, ranges and descriptions, which are required, and that no
 * other key belongs. The keys the tables leave to hand-written readers
 * (HV_F_SKIP: sub-sections, lists, the map's rows) take their shape from
 * one map, hv_schema_map.c. What no schema can say (references between
 * entries and files) is left to `happyvalley validate`. */
#ifndef HV_SCHEMA_H
#define HV_SCHEMA_H

#include <stdio.h>

#include "hv_fields.h"

/* The key tables of the settings file, which the window owns: "" for its
 * top, "window", "sound", "keys" and "mods" (see hv_settings_keys). */
typedef const hv_field *(*hv_schema_keys_fn)(const char *section);

/* Writes to OUT the schema of files of KIND ("level", "rules", ...), or,
 * with KIND NULL, one schema for every kind, told apart by `kind:`.
 * SETTINGS, when given, adds the settings file. The same arguments always
 * write the same bytes. 0; -1 when KIND is no kind the schema knows
 * (nothing is written) or a key has no shape (hv_schema_check says which). */
int hv_schema_write(FILE *out, const char *kind, hv_schema_keys_fn settings);
/* The name of kind I (from 0) the schema covers, or NULL past the last. */
const char *hv_schema_kind(int i, hv_schema_keys_fn settings);
/* Reports to ERR each HV_F_SKIP key of the known tables that the map gives
 * no shape, and each shape for a key no table has; returns how many. */
int hv_schema_check(FILE *err, hv_schema_keys_fn settings);
/* The schema's name for key table FIELDS, or NULL if it does not know it. */
const char *hv_schema_table_name(const hv_field *fields);

#endif
