/* hv_field_table: shorthands for writing hv_field key tables, shared by
 * the files that define the rules, content and level tables. */
#ifndef HV_FIELD_TABLE_H
#define HV_FIELD_TABLE_H

#include <stddef.h>

#include "hv_fields.h"

/* Numbers up to this bound are accepted where no tighter one applies. */
#define BIG 1000000000LL
#define FIELD(key, type, st, member, req, lo, hi, doc)                                             \
    {                                                                                              \
        key, type, offsetof(st, member), sizeof(((st *)0)->member), req, lo, hi, NULL, 0, doc      \
    }
#define REF(key, st, member, req, ref, doc)                                                        \
    {                                                                                              \
        key, HV_F_REF, offsetof(st, member), sizeof(((st *)0)->member), req, 0, 0, NULL, ref, doc  \
    }
#define SECTION(key, req, doc)                                                                     \
    {                                                                                              \
        key, HV_F_SKIP, 0, 0, req, 0, 0, NULL, 0, doc                                              \
    }
#define END                                                                                        \
    {                                                                                              \
        NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL                                              \
    }

#endif
