/* hv_jsonw: JSON written value by value, indented by two spaces, members
 * in the order they are written, for documents the program generates and
 * that must be the same bytes every time (the schema of the files). Text
 * is written as UTF-8 with quotes, backslashes and control bytes escaped. */
#ifndef HV_JSONW_H
#define HV_JSONW_H

#include <stdio.h>

typedef struct hv_jsonw {
    FILE *out;
    int depth;
    int fresh;     /* nothing written yet in the innermost object or array */
    int after_key; /* the next value is a member's */
} hv_jsonw;

/* Starts writing one JSON value to OUT. */
void hv_jsonw_init(hv_jsonw *w, FILE *out);
/* Opens an object ('{') or an array ('['), as the next value. */
void hv_jsonw_open(hv_jsonw *w, char bracket);
/* Closes the innermost object ('}') or array (']'). */
void hv_jsonw_close(hv_jsonw *w, char bracket);
/* Writes the key of the next member of the innermost object. */
void hv_jsonw_key(hv_jsonw *w, const char *key);
/* Writes text S as the next value. */
void hv_jsonw_str(hv_jsonw *w, const char *s);
/* Writes the number V as the next value. */
void hv_jsonw_int(hv_jsonw *w, long long v);
/* Writes TEXT as it is as the next value: true, false, a number. */
void hv_jsonw_raw(hv_jsonw *w, const char *text);
/* The member KEY: VALUE, text or number. */
void hv_jsonw_member_str(hv_jsonw *w, const char *key, const char *value);
void hv_jsonw_member_int(hv_jsonw *w, const char *key, long long value);
/* The member KEY: [ITEMS...], ITEMS a NULL-terminated list of texts
 * (KEY NULL: the list alone, as the next value). */
void hv_jsonw_member_strs(hv_jsonw *w, const char *key, const char *const *items);

#endif
