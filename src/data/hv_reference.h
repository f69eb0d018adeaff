/* hv_reference: the rules written out as a page for modders
 * (docs/rules-reference.md): every module type, role, faction, trait,
 * policy and event with the keys it sets, through the loader's own key
 * tables. */
#ifndef HV_REFERENCE_H
#define HV_REFERENCE_H

#include <stdio.h>

#include "hv_level.h"

/* Writes the keys of ENTRY that FIELDS describe and that say something
 * (not zero, empty or none), as "key: value, ...", leaving out the keys
 * in SKIP (NULL-terminated, may be NULL); "nothing" when none. Returns
 * how many it wrote. */
int hv_reference_fields(FILE *out, const hv_rules *rules, const struct hv_field *fields,
                        const void *entry, const char *const *skip);
/* Writes RULES, read from SOURCE, as a Markdown page. */
void hv_reference_write(FILE *out, const hv_rules *rules, const char *source);

#endif
