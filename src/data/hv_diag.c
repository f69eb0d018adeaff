#include "hv_diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static char *dup_string(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}

void hv_diag_init(hv_diag *d)
{
    memset(d, 0, sizeof *d);
}

static void free_entries(hv_diag_entry *entries, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(entries[i].file);
        free(entries[i].message);
    }
    free(entries);
}

void hv_diag_free(hv_diag *d)
{
    free_entries(d->entries, d->count);
    free_entries(d->warnings, d->warning_count);
    memset(d, 0, sizeof *d);
}

/* Length of the well-formed UTF-8 character at P, or 0. C1 controls
 * (U+0080..U+009F) count as malformed: terminals read some as escapes. */
static size_t utf8_length(const unsigned char *p)
{
    unsigned c = p[0];
    size_t n;
    uint32_t min;
    if (c < 0x80)
        return 1;
    if ((c & 0xe0) == 0xc0)
        n = 2, min = 0x80;
    else if ((c & 0xf0) == 0xe0)
        n = 3, min = 0x800;
    else if ((c & 0xf8) == 0xf0)
        n = 4, min = 0x10000;
    else
        return 0;
    uint32_t cp = c & (0x7fu >> n);
    for (size_t i = 1; i < n; i++) { /* stops at the terminating NUL */
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp <= 0x9f)
        return 0;
    return n;
}

typedef struct line_out {
    char *buf;
    size_t cap, len;
    int full;
} line_out;

/* Appends N bytes whole or not at all, keeping room for a final "...". */
static void put(line_out *o, const char *s, size_t n)
{
    if (o->full || o->len + n + 4 > o->cap) {
        o->full = 1;
        return;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

/* Appends the character at P, escaped when it is not printable; returns
 * how many bytes of P it took. */
static size_t put_char(line_out *o, const unsigned char *p)
{
    size_t n = utf8_length(p);
    if (n == 1 && p[0] >= 0x20 && p[0] != 0x7f) {
        put(o, (const char *)p, 1);
        return 1;
    }
    if (n > 1) {
        put(o, (const char *)p, n);
        return n;
    }
    char esc[5];
    if (p[0] == '\n' || p[0] == '\t' || p[0] == '\r')
        snprintf(esc, sizeof esc, "\\%c", p[0] == '\n' ? 'n' : p[0] == '\t' ? 't' : 'r');
    else
        snprintf(esc, sizeof esc, "\\x%02X", p[0]);
    put(o, esc, strlen(esc));
    return 1;
}

static int is_word(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* The closing quote of a 'value' opening at IN[AT], or NULL: an apostrophe
 * inside a word (the level's) neither opens nor closes one. */
static const char *closing_quote(const char *in, size_t at)
{
    if (in[at] != '\'' || (at > 0 && is_word((unsigned char)in[at - 1])))
        return NULL;
    for (const char *q = strchr(in + at + 1, '\''); q; q = strchr(q + 1, '\''))
        if (!is_word((unsigned char)q[1]))
            return q;
    return NULL;
}

void hv_diag_clean(char *out, size_t cap, const char *in)
{
    if (!out || cap == 0)
        return;
    line_out o = {out, cap, 0, 0};
    const unsigned char *p = (const unsigned char *)(in ? in : "");
    while (*p && !o.full) {
        const char *close = in ? closing_quote(in, (size_t)(p - (const unsigned char *)in)) : NULL;
        if (close && (size_t)(close - (const char *)p) - 1 > HV_DIAG_VALUE_MAX) {
            put(&o, "'", 1);
            const unsigned char *start = ++p;
            while ((size_t)(p - start) < HV_DIAG_VALUE_MAX - 4)
                p += put_char(&o, p);
            put(&o, "...", 3);
            p = (const unsigned char *)close;
            put(&o, "'", 1);
            p++;
            continue;
        }
        p += put_char(&o, p);
    }
    if (o.full) {
        memcpy(o.buf + o.len, "...", 3);
        o.len += 3;
    }
    o.buf[o.len < cap ? o.len : cap - 1] = '\0';
}

static void print_as(FILE *out, const char *file, int line, int col, const char *severity,
                     const char *message)
{
    char f[600], m[1200];
    hv_diag_clean(f, sizeof f, file);
    hv_diag_clean(m, sizeof m, message);
    fprintf(out, "%s:%d:%d: %s: %s\n", f, line, col, severity, m);
}

void hv_diag_print_one(FILE *out, const char *file, int line, int col, const char *message)
{
    print_as(out, file, line, col, "error", message);
}

void hv_diag_print_entry(FILE *out, const hv_diag_entry *e)
{
    print_as(out, e->file, e->line, e->col,
             e->severity == HV_SEVERITY_WARNING ? "warning" : "error", e->message);
}

/* Appends one entry of SEVERITY to the list at *ENTRIES (*COUNT used of *CAP). */
static void add(hv_diag_entry **entries, size_t *count, size_t *cap, hv_severity severity,
                const char *file, int line, int col, const char *fmt, va_list ap)
{
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    char clean[1024];
    hv_diag_clean(clean, sizeof clean, buf);
    if (*count == *cap) {
        size_t grown_cap = *cap ? *cap * 2 : 16;
        hv_diag_entry *grown = realloc(*entries, grown_cap * sizeof *grown);
        if (!grown)
            return; /* out of memory: the messages already kept still print */
        *entries = grown;
        *cap = grown_cap;
    }
    hv_diag_entry *e = &(*entries)[*count];
    e->file = dup_string(file ? file : "<input>");
    e->message = dup_string(clean);
    if (!e->file || !e->message) {
        free(e->file);
        free(e->message);
        return;
    }
    e->line = line;
    e->col = col;
    e->severity = severity;
    (*count)++;
}

void hv_diag_error(hv_diag *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(&d->entries, &d->count, &d->cap, HV_SEVERITY_ERROR, file, line, col, fmt, ap);
    va_end(ap);
}

void hv_diag_warning(hv_diag *d, const char *file, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(&d->warnings, &d->warning_count, &d->warning_cap, HV_SEVERITY_WARNING, file, line, col, fmt,
        ap);
    va_end(ap);
}

static int entry_before(const hv_diag_entry *a, const hv_diag_entry *b)
{
    int c = strcmp(a->file, b->file);
    if (c != 0)
        return c < 0;
    if (a->line != b->line)
        return a->line < b->line;
    return a->col < b->col;
}

void hv_diag_print(const hv_diag *d, FILE *out)
{
    /* Insertion order is kept for equal positions (stable), so related
     * messages stay together, errors before warnings; n is small, so a
     * simple insertion sort will do. */
    size_t n = d->count + d->warning_count;
    const hv_diag_entry **order = malloc((n ? n : 1) * sizeof *order);
    if (!order) {
        for (size_t i = 0; i < d->count; i++)
            hv_diag_print_entry(out, &d->entries[i]);
        for (size_t i = 0; i < d->warning_count; i++)
            hv_diag_print_entry(out, &d->warnings[i]);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const hv_diag_entry *e = i < d->count ? &d->entries[i] : &d->warnings[i - d->count];
        size_t j = i;
        while (j > 0 && entry_before(e, order[j - 1])) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = e;
    }
    for (size_t i = 0; i < n; i++)
        hv_diag_print_entry(out, order[i]);
    free(order);
}
