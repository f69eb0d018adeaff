#include "hv_text.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

static int clamp_int(size_t v)
{
    return v > (size_t)INT_MAX ? INT_MAX : (int)v;
}

/* Length of the line break at s[i], 0 if none. libyaml also breaks lines at
 * NEL, LS and PS. */
static size_t break_len(const unsigned char *s, size_t len, size_t i)
{
    if (s[i] == '\n')
        return 1;
    if (s[i] == '\r')
        return i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
    if (s[i] == 0xC2 && i + 1 < len && s[i + 1] == 0x85)
        return 2;
    if (s[i] == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
        return 3;
    return 0;
}

static size_t bom_len(const unsigned char *s, size_t len)
{
    return len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
}

void hv_text_locate(const unsigned char *s, size_t len, size_t offset, int *line_out, int *col_out)
{
    /* libyaml drops a leading BOM before counting */
    size_t line = 1, col = 1, i = bom_len(s, len);
    while (i < offset && i < len) {
        size_t b = break_len(s, len, i);
        if (b) {
            line++;
            col = 1;
            i += b;
        } else {
            col += (s[i++] & 0xC0) != 0x80;
        }
    }
    *line_out = clamp_int(line);
    *col_out = clamp_int(col);
}

/* Length of the well-formed UTF-8 sequence at s[i], 0 if it is not one. */
static size_t utf8_len(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    unsigned lo = 0x80, hi = 0xBF;
    size_t n;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : lo;
        hi = c == 0xED ? 0x9F : hi;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : lo;
        hi = c == 0xF4 ? 0x8F : hi;
    } else {
        return 0;
    }
    if (len - i < n || s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t k = 2; k < n; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* Whether the 8 bytes at S are all ASCII and none is NUL: a byte of 0
 * borrows into its top bit when 1 is taken from each. */
static int plain8(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return ((w | (w - 0x0101010101010101ull)) & 0x8080808080808080ull) == 0;
}

size_t hv_text_find_bad(const unsigned char *s, size_t len)
{
    /* Nearly every file is ASCII all through: crossed 8 bytes at a time. */
    for (size_t i = 0, n; i < len; i += n) {
        if (len - i >= 8 && plain8(s + i)) {
            n = 8;
            continue;
        }
        n = s[i] ? utf8_len(s, len, i) : 0;
        if (n == 0)
            return i;
    }
    return len;
}

size_t hv_text_seek(hv_text_cursor *cur, const unsigned char *s, size_t len, int line, int col)
{
    if (cur->line < 1 || line < cur->line || (line == cur->line && col < cur->col))
        *cur = (hv_text_cursor){1, 1, bom_len(s, len)};
    while (cur->line < line && cur->at < len) {
        size_t b = break_len(s, len, cur->at);
        cur->at += b ? b : 1;
        if (b) {
            cur->line++;
            cur->col = 1;
        }
    }
    while (cur->line == line && cur->col < col && cur->at < len && !break_len(s, len, cur->at)) {
        cur->at++;
        while (cur->at < len && (s[cur->at] & 0xC0) == 0x80)
            cur->at++;
        cur->col++;
    }
    return cur->at;
}

size_t hv_text_indent_tab(const unsigned char *s, size_t len, int line)
{
    hv_text_cursor cur = {0, 0, 0};
    /* A list item's dash indents the item's own content too. */
    for (size_t i = hv_text_seek(&cur, s, len, line, 1); i < len; i++) {
        if (s[i] == '\t')
            return i;
        if (s[i] != ' ' && !(s[i] == '-' && i + 1 < len && (s[i + 1] == ' ' || s[i + 1] == '\t')))
            break;
    }
    return len;
}

size_t hv_text_comment_at(const unsigned char *s, size_t len, size_t at)
{
    while (at < len && (s[at] == ' ' || s[at] == '\t'))
        at++;
    return at < len && s[at] == '#' ? at : len;
}
