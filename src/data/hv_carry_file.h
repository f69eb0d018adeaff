/* hv_carry_file: the `carry` map a campaign game starts with, as saves and
 * the campaign's progress file hold it (docs/campaign-format.md). */
#ifndef HV_CARRY_FILE_H
#define HV_CARRY_FILE_H

#include <stdio.h>

#include "hv_carry.h"
#include "hv_fields.h"

/* A sponsor's carried change in standing lies within -this..this. */
#define HV_CARRY_CHANGE_MAX 100

/* Reads map NODE into OUT; errors go through CTX. 0, or -1. */
int hv_carry_read(hv_ctx *ctx, const hv_ynode *node, hv_carry *out);
/* Writes CARRY as the value of a `carry:` key whose entries are indented
 * by INDENT spaces. Nothing is written for an empty carry but "{}". */
void hv_carry_write(FILE *out, int indent, const hv_carry *carry);
/* 1 when CARRY holds nothing: a level played on its own. */
int hv_carry_empty(const hv_carry *carry);

/* Key tables, exported for the documentation check. */
extern const hv_field hv_carry_fields[];
extern const hv_field hv_carry_person_fields[];

#endif
