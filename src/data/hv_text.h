/* hv_text: checks of raw file bytes before a parser sees them: UTF-8 well
 * formed, no NUL; and byte offsets turned into line and column the way
 * libyaml counts them, so our positions agree with the ones it reports. */
#ifndef HV_TEXT_H
#define HV_TEXT_H

#include <stddef.h>

/* Offset of the first NUL byte or byte that is not well-formed UTF-8
 * (overlong forms, surrogates, code points past U+10FFFF), or LEN. */
size_t hv_text_find_bad(const unsigned char *s, size_t len);
/* 1-based line and column (in characters) of byte OFFSET; the text before
 * it must be valid UTF-8. A leading BOM is skipped; CRLF, CR, LF, NEL, LS
 * and PS each end a line. */
void hv_text_locate(const unsigned char *s, size_t len, size_t offset, int *line, int *col);
/* A place in a text kept between lookups, so looking up places in the
 * order they come costs one pass over the text in all. Start it zeroed. */
typedef struct hv_text_cursor {
    int line, col;
    size_t at; /* byte offset */
} hv_text_cursor;

/* Byte offset of 1-based LINE:COL, counted as hv_text_locate counts (the
 * end of the line or text when it is shorter), moving CUR there. */
size_t hv_text_seek(hv_text_cursor *cur, const unsigned char *s, size_t len, int line, int col);
/* Offset of the first tab in the indentation of 1-based LINE (its opening
 * blanks and list dashes), or LEN when there is none or no such line. */
size_t hv_text_indent_tab(const unsigned char *s, size_t len, int line);
/* Offset of the `#` of a comment that follows offset AT after blanks
 * only, or LEN when none does. */
size_t hv_text_comment_at(const unsigned char *s, size_t len, size_t at);

#endif
