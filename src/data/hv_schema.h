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
#include "hv_validate.h"

/* MORE, below, are the kinds of file read outside the data layer with
 * their key tables (the window's, hv_ui_file_kinds; NULL-terminated, or
 * NULL for none): the schema covers those of them its map knows. */

/* Writes to OUT the schema of files of KIND ("level", "rules", ...), or,
 * with KIND NULL, one schema for every kind, told apart by `kind:`. The
 * same arguments always write the same bytes. 0; -1 when KIND is no kind
 * the schema knows (nothing is written) or a key has no shape
 * (hv_schema_check says which). */
int hv_schema_write(FILE *out, const char *kind, const hv_validate_kind *more);
/* The name of kind I (from 0) the schema covers, or NULL past the last. */
const char *hv_schema_kind(int i, const hv_validate_kind *more);
/* Reports to ERR each HV_F_SKIP key of the known tables that the map gives
 * no shape, and each shape for a key no table has; returns how many. */
int hv_schema_check(FILE *err, const hv_validate_kind *more);
/* The schema's name for key table FIELDS, or NULL if it does not know it. */
const char *hv_schema_table_name(const hv_field *fields);

#endif
