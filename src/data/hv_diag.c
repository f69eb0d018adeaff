#include "hv_diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* A copy of S with every control byte but tab shown as '?', as audit-file
 * errors are: messages quote values and name files from the player, which
 * may hold line breaks or terminal escapes, and every error must stay on
 * one line. */
static char *dup_one_line(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (!copy)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        copy[i] = (c && c < 0x20 && c != '\t') || c == 0x7f ? '?' : s[i];
    }
    return copy;
}

void hv_diag_init(hv_diag *d)
{
    memset(d, 0, sizeof *d);
}

void hv_diag_free(hv_diag *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->entries[i].file);
        free(d->entries[i].message);
    }
    free(d->entries);
    memset(d, 0, sizeof *d);
}

void hv_diag_error(hv_diag *d, const char *file, int line, int col, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        hv_diag_entry *grown = realloc(d->entries, cap * sizeof *grown);
        if (!grown)
            return; /* out of memory: the errors already kept still print */
        d->entries = grown;
        d->cap = cap;
    }
    hv_diag_entry *e = &d->entries[d->count];
    e->file = dup_one_line(file ? file : "<input>");
    e->message = dup_one_line(buf);
    if (!e->file || !e->message) {
        free(e->file);
        free(e->message);
        return;
    }
    e->line = line;
    e->col = col;
    d->count++;
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
     * messages stay together; n is small, so a simple insertion sort will do. */
    size_t n = d->count;
    const hv_diag_entry **order = malloc((n ? n : 1) * sizeof *order);
    if (!order) {
        for (size_t i = 0; i < n; i++)
            fprintf(out, "%s:%d:%d: error: %s\n", d->entries[i].file, d->entries[i].line,
                    d->entries[i].col, d->entries[i].message);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const hv_diag_entry *e = &d->entries[i];
        size_t j = i;
        while (j > 0 && entry_before(e, order[j - 1])) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = e;
    }
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s:%d:%d: error: %s\n", order[i]->file, order[i]->line, order[i]->col,
                order[i]->message);
    free(order);
}
