/* Writing indented JSON value by value (hv_jsonw.h). */
#include "hv_jsonw.h"

void hv_jsonw_init(hv_jsonw *w, FILE *out)
{
    w->out = out;
    w->depth = 0;
    w->fresh = 1;
    w->after_key = 0;
}

static void quoted(hv_jsonw *w, const char *s)
{
    fputc('"', w->out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(w->out, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(w->out, "\\u%04x", *p);
        else
            fputc(*p, w->out);
    }
    fputc('"', w->out);
}

/* Places the next value: after its key, or on a line of its own. */
static void place(hv_jsonw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth > 0) {
        fputs(w->fresh ? "\n" : ",\n", w->out);
        fprintf(w->out, "%*s", 2 * w->depth, "");
    }
    w->fresh = 0;
}

void hv_jsonw_open(hv_jsonw *w, char bracket)
{
    place(w);
    fputc(bracket, w->out);
    w->depth++;
    w->fresh = 1;
}

void hv_jsonw_close(hv_jsonw *w, char bracket)
{
    w->depth--;
    if (!w->fresh)
        fprintf(w->out, "\n%*s", 2 * w->depth, "");
    fputc(bracket, w->out);
    w->fresh = 0;
}

void hv_jsonw_key(hv_jsonw *w, const char *key)
{
    place(w);
    quoted(w, key);
    fputs(": ", w->out);
    w->after_key = 1;
}

void hv_jsonw_str(hv_jsonw *w, const char *s)
{
    place(w);
    quoted(w, s);
}

void hv_jsonw_int(hv_jsonw *w, long long v)
{
    place(w);
    fprintf(w->out, "%lld", v);
}

void hv_jsonw_raw(hv_jsonw *w, const char *text)
{
    place(w);
    fputs(text, w->out);
}

void hv_jsonw_member_str(hv_jsonw *w, const char *key, const char *value)
{
    hv_jsonw_key(w, key);
    hv_jsonw_str(w, value);
}

void hv_jsonw_member_int(hv_jsonw *w, const char *key, long long value)
{
    hv_jsonw_key(w, key);
    hv_jsonw_int(w, value);
}

void hv_jsonw_member_strs(hv_jsonw *w, const char *key, const char *const *items)
{
    if (key)
        hv_jsonw_key(w, key);
    hv_jsonw_open(w, '[');
    for (int i = 0; items[i]; i++)
        hv_jsonw_str(w, items[i]);
    hv_jsonw_close(w, ']');
}
