#define _POSIX_C_SOURCE 200809L
#include "hv_yaml.h"

#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>


#include "hv_text.h"

/* ---- arena: every node, string and item array of a document ---- */

typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    max_align_t data[];
} arena_block;

enum { ARENA_BLOCK = 64 * 1024 };

static void *arena_alloc(void **arena, size_t size)
{
    const size_t align = sizeof(max_align_t);
    arena_block *b = *arena;
    if (size > SIZE_MAX - sizeof *b - align)
        return NULL;
    size = size ? (size + align - 1) / align * align : align;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = *arena;
        b->used = 0;
        b->cap = cap;
        *arena = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

static void arena_free(void *arena)
{
    arena_block *b = arena;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
}

/* ---- loader state ---- */

typedef struct pos {
    int line, col; /* 1-based; 0:0 for the whole file */
} pos;

/* An anchored node and the number of nodes it stands for once every alias
 * inside it is expanded: each alias to it adds that many to the count. */
typedef struct anchor {
    const char *name;
    hv_ynode *node;
    size_t size;
    int open; /* still being read: an alias to it would make a cycle */
} anchor;

typedef struct frame {
    hv_ynode *node;
    size_t first;       /* index of its first item in loader.pending */
    size_t total_start; /* loader.total before this node */
    anchor *anchor;
} frame;

typedef struct loader {
    hv_ydoc *doc;
    const hv_ylimits *limits;
    hv_diag *diag;
    int errors;
    int stop;
    int documents;
    size_t total; /* nodes so far, aliases expanded */
    frame *frames;
    size_t depth, frames_cap;
    /* Items of every open container, innermost last; a container's items
     * move into the arena, sized exactly, when it closes. */
    hv_ynode **pending;
    size_t npending, pending_cap;
    const unsigned char *buf; /* the text, for what libyaml does not keep */
    size_t len;
    hv_text_cursor cursor;
    anchor **anchors; /* open addressing, so many anchors stay cheap */
    size_t anchors_cap, anchors_count;
} loader;

static int clamp_int(size_t v)
{
    return v > (size_t)INT_MAX ? INT_MAX : (int)v;
}

static pos mark_pos(yaml_mark_t m)
{
    return (pos){clamp_int(m.line + 1), clamp_int(m.column + 1)};
}

static void report(loader *ld, pos at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void report(loader *ld, pos at, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    hv_diag_error(ld->diag, ld->doc->file, at.line, at.col, "%s", msg);
    ld->errors++;
}

static void out_of_memory(loader *ld)
{
    report(ld, (pos){0, 0}, "out of memory");
    ld->stop = 1;
}

/* ARRAY grown to hold NEED elements, or NULL (ARRAY is then untouched). */
static void *grow(void *array, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return array;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    if (n > SIZE_MAX / elem)
        return NULL;
    void *p = realloc(array, n * elem);
    if (p)
        *cap = n;
    return p;
}

/* ---- bytes libyaml never sees ---- */

static pos locate(const unsigned char *s, size_t len, size_t offset)
{
    int line, col;
    hv_text_locate(s, len, offset, &line, &col);
    return (pos){line, col};
}

/* libyaml would refuse these too, but in its own words and at a byte
 * offset: checked first so the message names the byte, at its line and
 * column. */
static int check_bytes(loader *ld, const unsigned char *s, size_t len)
{
    size_t bad = hv_text_find_bad(s, len);
    if (bad == len)
        return 0;
    if (s[bad] == 0)
        report(ld, locate(s, len, bad), "NUL byte in file");
    else
        report(ld, locate(s, len, bad), "invalid UTF-8 byte 0x%02x", s[bad]);
    return -1;
}

/* ---- anchors ---- */

static size_t hash_name(const char *s)
{
    size_t h = (size_t)14695981039346656037ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
    return h;
}

/* The slot holding NAME, or the empty slot where it would go. */
static anchor **anchor_slot(anchor **table, size_t cap, const char *name)
{
    size_t i = hash_name(name) & (cap - 1);
    while (table[i] && strcmp(table[i]->name, name) != 0)
        i = (i + 1) & (cap - 1);
    return &table[i];
}

static anchor *anchor_add(loader *ld, const char *name, hv_ynode *node, int open)
{
    if (2 * (ld->anchors_count + 1) > ld->anchors_cap) {
        size_t cap = ld->anchors_cap ? 2 * ld->anchors_cap : 64;
        anchor **table = calloc(cap, sizeof *table);
        if (!table)
            return NULL;
        for (size_t i = 0; i < ld->anchors_cap; i++)
            if (ld->anchors[i])
                *anchor_slot(table, cap, ld->anchors[i]->name) = ld->anchors[i];
        free(ld->anchors);
        ld->anchors = table;
        ld->anchors_cap = cap;
    }
    size_t len = strlen(name);
    anchor *a = arena_alloc(&ld->doc->arena, sizeof *a);
    char *copy = arena_alloc(&ld->doc->arena, len + 1);
    if (!a || !copy)
        return NULL;
    memcpy(copy, name, len + 1);
    *a = (anchor){copy, node, 1, open};
    anchor **slot = anchor_slot(ld->anchors, ld->anchors_cap, name);
    ld->anchors_count += *slot == NULL;
    *slot = a; /* YAML lets a later anchor of the same name replace it */
    return a;
}

/* ---- building the tree ---- */

static int count_nodes(loader *ld, size_t n, pos at)
{
    size_t max = ld->limits->max_nodes;
    if (n > max || ld->total > max - n) {
        report(ld, at, "document expands to more than %zu nodes (aliases included)", max);
        ld->stop = 1;
        return -1;
    }
    ld->total += n;
    return 0;
}

/* NULL when out of memory; the caller reports it. */
static hv_ynode *new_node(loader *ld, hv_ynode_kind kind, pos at)
{
    hv_ynode *node = arena_alloc(&ld->doc->arena, sizeof *node);
    if (!node)
        return NULL;
    memset(node, 0, sizeof *node);
    node->kind = kind;
    node->line = at.line;
    node->col = at.col;
    return node;
}

/* Hands a finished node to its container, or makes it the root. AT is
 * where it was written, which for an alias is not where its node is. */
static void attach(loader *ld, hv_ynode *node, pos at)
{
    if (ld->depth == 0) {
        ld->doc->root = node;
        return;
    }
    const frame *f = &ld->frames[ld->depth - 1];
    if (f->node->kind == HV_YNODE_MAP && (ld->npending - f->first) % 2 == 0 &&
        node->kind != HV_YNODE_SCALAR)
        report(ld, at, "map keys must be plain values");
    hv_ynode **pending = grow(ld->pending, &ld->pending_cap, ld->npending + 1, sizeof *pending);
    if (!pending) {
        out_of_memory(ld);
        return;
    }
    ld->pending = pending;
    ld->pending[ld->npending++] = node;
}

typedef struct key_ref {
    const hv_ynode *key;
    size_t index;
} key_ref;

static int key_ref_cmp(const void *pa, const void *pb)
{
    const key_ref *a = pa, *b = pb;
    size_t n = a->key->len < b->key->len ? a->key->len : b->key->len;
    int c = memcmp(a->key->str, b->key->str, n);
    if (c != 0)
        return c;
    if (a->key->len != b->key->len)
        return a->key->len < b->key->len ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Maps up to this many keys, most of them, are sorted on the stack. */
enum { SMALL_MAP = 16 };

/* Sorts rather than compares pairwise, so a map with many keys stays cheap;
 * ties keep file order, so each repeat is reported, never the first. */
static void check_duplicates(loader *ld, hv_ynode *const *items, size_t pairs)
{
    if (pairs < 2)
        return;
    key_ref small[SMALL_MAP];
    key_ref *refs = pairs <= SMALL_MAP ? small : malloc(pairs * sizeof *refs);
    if (!refs) {
        out_of_memory(ld);
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < pairs; i++)
        if (items[2 * i]->kind == HV_YNODE_SCALAR)
            refs[n++] = (key_ref){items[2 * i], i};
    if (refs == small) {
        /* Insertion sort: the same order as qsort's, by key then place,
         * without its set-up, for a handful of keys. */
        for (size_t i = 1; i < n; i++) {
            key_ref r = refs[i];
            size_t j = i;
            for (; j > 0 && key_ref_cmp(&refs[j - 1], &r) > 0; j--)
                refs[j] = refs[j - 1];
            refs[j] = r;
        }
    } else {
        qsort(refs, n, sizeof *refs, key_ref_cmp);
    }
    for (size_t i = 1; i < n; i++) {
        const hv_ynode *k = refs[i].key, *prev = refs[i - 1].key;
        if (k->len == prev->len && memcmp(k->str, prev->str, k->len) == 0)
            report(ld, (pos){k->line, k->col}, "duplicate key '%s'", k->str);
    }
    if (refs != small)
        free(refs);
}

static void open_container(loader *ld, const yaml_event_t *ev, hv_ynode_kind kind)
{
    pos at = mark_pos(ev->start_mark);
    const yaml_char_t *name =
        kind == HV_YNODE_MAP ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
    /* Stops at once: the rest of a deep file is never scanned. */
    if (ld->depth >= ld->limits->max_depth) {
        report(ld, at, "nesting deeper than %zu levels", ld->limits->max_depth);
        ld->stop = 1;
        return;
    }
    size_t total_start = ld->total;
    if (count_nodes(ld, 1, at))
        return;
    hv_ynode *node = new_node(ld, kind, at);
    frame *frames = grow(ld->frames, &ld->frames_cap, ld->depth + 1, sizeof *frames);
    if (!node || !frames) {
        out_of_memory(ld);
        return;
    }
    ld->frames = frames;
    frame *f = &ld->frames[ld->depth++];
    *f = (frame){node, ld->npending, total_start, NULL};
    if (name && !(f->anchor = anchor_add(ld, (const char *)name, node, 1)))
        out_of_memory(ld);
}

static void close_container(loader *ld)
{
    frame *f = &ld->frames[--ld->depth];
    hv_ynode *node = f->node;
    size_t n = ld->npending - f->first;
    ld->npending = f->first;
    if (n) {
        node->items = arena_alloc(&ld->doc->arena, n * sizeof *node->items);
        if (!node->items) {
            out_of_memory(ld);
            return;
        }
        memcpy(node->items, ld->pending + f->first, n * sizeof *node->items);
    }
    node->count = node->kind == HV_YNODE_MAP ? n / 2 : n;
    if (node->kind == HV_YNODE_MAP)
        check_duplicates(ld, node->items, node->count);
    if (f->anchor) {
        f->anchor->size = ld->total - f->total_start;
        f->anchor->open = 0;
    }
    attach(ld, node, (pos){node->line, node->col});
}

/* libyaml drops comments, but a `#` a modder meant as the start of a
 * value (`colour: #c1440e`, a map row `- #..`) leaves the value empty with
 * a comment just after it: kept, so the reader can say why it is empty. */
static void note_comment(loader *ld, hv_ynode *node, pos at)
{
    size_t from = hv_text_seek(&ld->cursor, ld->buf, ld->len, at.line, at.col);
    size_t hash = hv_text_comment_at(ld->buf, ld->len, from);
    if (hash == ld->len)
        return;
    size_t end = hash;
    /* Up to the line's end or a comment after it, which is not the value. */
    while (end < ld->len && ld->buf[end] != '\n' && ld->buf[end] != '\r' &&
           !(end > hash && ld->buf[end] == '#' &&
             (ld->buf[end - 1] == ' ' || ld->buf[end - 1] == '\t')))
        end++;
    while (end > hash && (ld->buf[end - 1] == ' ' || ld->buf[end - 1] == '\t'))
        end--;
    char *text = arena_alloc(&ld->doc->arena, end - hash + 1);
    if (!text)
        return;
    memcpy(text, ld->buf + hash, end - hash);
    text[end - hash] = '\0';
    node->comment = text;
    node->comment_col = at.col + clamp_int(hash - from);
}

static void add_scalar(loader *ld, const yaml_event_t *ev)
{
    pos at = mark_pos(ev->start_mark);
    size_t len = ev->data.scalar.length;
    if (len > ld->limits->max_scalar_len) {
        report(ld, at, "value longer than %zu bytes", ld->limits->max_scalar_len);
        ld->stop = 1;
        return;
    }
    /* An escape such as "\0" would silently cut the text short for every
     * reader of str. */
    if (memchr(ev->data.scalar.value, '\0', len))
        report(ld, at, "NUL character in value");
    if (count_nodes(ld, 1, at))
        return;
    hv_ynode *node = new_node(ld, HV_YNODE_SCALAR, at);
    char *str = node ? arena_alloc(&ld->doc->arena, len + 1) : NULL;
    if (!str) {
        out_of_memory(ld);
        return;
    }
    memcpy(str, ev->data.scalar.value, len);
    str[len] = '\0';
    node->str = str;
    node->len = len;
    yaml_scalar_style_t style = ev->data.scalar.style;
    node->quoted = style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                   style == YAML_DOUBLE_QUOTED_SCALAR_STYLE || style == YAML_LITERAL_SCALAR_STYLE ||
                   style == YAML_FOLDED_SCALAR_STYLE;
    if (style == YAML_PLAIN_SCALAR_STYLE && len == 0)
        note_comment(ld, node, at);
    if (ev->data.scalar.anchor && !anchor_add(ld, (const char *)ev->data.scalar.anchor, node, 0)) {
        out_of_memory(ld);
        return;
    }
    attach(ld, node, at);
}

/* An alias shares the anchored node, so it costs no memory, but it counts
 * as every node it stands for: a billion laughs stops at the node cap. */
static void add_alias(loader *ld, const yaml_event_t *ev)
{
    pos at = mark_pos(ev->start_mark);
    const char *name = (const char *)ev->data.alias.anchor;
    const anchor *a = ld->anchors_cap ? *anchor_slot(ld->anchors, ld->anchors_cap, name) : NULL;
    if (!a) {
        report(ld, at, "unknown alias '*%s'", name);
        ld->stop = 1;
    } else if (a->open) {
        report(ld, at, "alias '*%s' is used inside the node it names", name);
        ld->stop = 1;
    } else if (count_nodes(ld, a->size, at) == 0) {
        attach(ld, a->node, at);
    }
}

static void syntax_error(loader *ld, const yaml_parser_t *p, const unsigned char *buf, size_t len)
{
    const char *problem = p->problem ? p->problem : "cannot parse";
    /* libyaml names a tab that indents a line only as a character that
     * cannot start a token, at the tab or just after it. */
    pos at = mark_pos(p->problem_mark);
    size_t found = hv_text_indent_tab(buf, len, at.line);
    pos tab = locate(buf, len, found);
    int tabbed = found < len && tab.col <= at.col && at.col <= tab.col + 1;
    if (p->error == YAML_MEMORY_ERROR) {
        out_of_memory(ld);
    } else if (p->error == YAML_READER_ERROR) {
        /* Reader errors carry a byte offset instead of a mark. */
        pos off = locate(buf, len, p->problem_offset);
        if (p->problem_value != -1)
            report(ld, off, "YAML syntax: %s (character 0x%x)", problem,
                   (unsigned)p->problem_value);
        else
            report(ld, off, "YAML syntax: %s", problem);
    } else if (tabbed) {
        report(ld, tab, "a tab in the indentation; YAML indents with spaces only");
    } else if (p->context) {
        pos from = mark_pos(p->context_mark);
        report(ld, at, "YAML syntax: %s (%s started at line %d, column %d)", problem, p->context,
               from.line, from.col);
    } else {
        report(ld, at, "YAML syntax: %s", problem);
    }
}

static void handle_event(loader *ld, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (ld->documents++ > 0) {
            report(ld, mark_pos(ev->start_mark), "only one YAML document per file");
            ld->stop = 1;
        }
        break;
    case YAML_SCALAR_EVENT:
        add_scalar(ld, ev);
        break;
    case YAML_ALIAS_EVENT:
        add_alias(ld, ev);
        break;
    case YAML_SEQUENCE_START_EVENT:
        open_container(ld, ev, HV_YNODE_SEQ);
        break;
    case YAML_MAPPING_START_EVENT:
        open_container(ld, ev, HV_YNODE_MAP);
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        if (ld->depth > 0)
            close_container(ld);
        break;
    default:
        break;
    }
}

static void parse(loader *ld, const unsigned char *buf, size_t len)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        out_of_memory(ld);
        return;
    }
    yaml_parser_set_input_string(&parser, buf, len);
    while (!ld->stop) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            syntax_error(ld, &parser, buf, len);
            break;
        }
        int end = ev.type == YAML_STREAM_END_EVENT;
        handle_event(ld, &ev);
        yaml_event_delete(&ev);
        if (end)
            break;
    }
    yaml_parser_delete(&parser);
    /* Keys already read in maps left open by an error are still worth
     * checking, so one run shows as many problems as it can. */
    for (size_t d = 0; d < ld->depth; d++) {
        const frame *f = &ld->frames[d];
        size_t end = d + 1 < ld->depth ? ld->frames[d + 1].first : ld->npending;
        size_t pairs = (end - f->first + 1) / 2; /* a key may still wait for its value */
        /* Containers may be open with no item read at all, and then no item
         * array exists: ld->pending is NULL, and even NULL + 0 is undefined. */
        if (f->node->kind == HV_YNODE_MAP && pairs >= 2)
            check_duplicates(ld, ld->pending + f->first, pairs);
    }
}

/* ---- public API ---- */

int hv_ydoc_load_buffer(hv_ydoc *doc, const char *name, const char *buf, size_t len,
                        const hv_ylimits *limits, hv_diag *diag)
{
    loader ld = {.doc = doc, .limits = limits, .diag = diag};
    ld.buf = (const unsigned char *)(buf ? buf : "");
    ld.len = buf ? len : 0;
    memset(doc, 0, sizeof *doc);
    if (name) {
        size_t n = strlen(name) + 1;
        doc->file = arena_alloc(&doc->arena, n);
        if (!doc->file) {
            hv_diag_error(diag, name, 0, 0, "out of memory");
            return -1;
        }
        memcpy(doc->file, name, n);
    }
    const unsigned char *bytes = (const unsigned char *)(buf ? buf : "");
    if (len > limits->max_bytes)
        report(&ld, (pos){0, 0}, "file is larger than %zu bytes", limits->max_bytes);
    else if (check_bytes(&ld, bytes, len) == 0)
        parse(&ld, bytes, len);
    free(ld.frames);
    free(ld.pending);
    free(ld.anchors);
    doc->bytes = len;
    doc->nodes = ld.total;
    if (ld.errors) {
        doc->root = NULL;
        return -1;
    }
    return 0;
}

void hv_ydoc_free(hv_ydoc *doc)
{
    if (!doc)
        return;
    arena_free(doc->arena);
    memset(doc, 0, sizeof *doc);
}
