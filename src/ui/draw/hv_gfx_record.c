/* Recorded frames (hv_gfx_begin_recorded): every drawing of the frame is
 * kept as a command with a digest of all that decides its pixels, and
 * drawn at hv_gfx_finish. Against the last recorded frame only the
 * commands that differ mark the window damaged, and the frame redraws
 * just those parts, each from the bottom of the picture up: the software
 * renderer keeps the window's pixels, and the rest of them are already
 * what this frame would paint. A pixel is redrawn unless every command
 * that covers it is the same, in the same order, in both frames. Frames
 * cut into as many sections (hv_gfx_section) are compared a section at a
 * time, so a tooltip that comes or goes leaves the map's and the panels'
 * drawings matched. */
#include <stdlib.h>
#include <string.h>

#include "hv_gfx.h"

enum { CMD_FILL, CMD_LINE, CMD_COPY };

#define MIX(h, v) ((h) = ((h) ^ (uint64_t)(uint32_t)(v)) * 1099511628211ull)

/* Past this many damaged parts, or when they cover this share of the
 * window (percent), or cost more than all of it (where they overlap,
 * drawn twice), one redraw of the whole window is cheaper than many
 * clipped ones. */
#define DAMAGE_MAX 160
#define DAMAGE_WHOLE 70

static void *grow(void *p, int *cap, int need, size_t size)
{
    if (need <= *cap)
        return p;
    int cap2 = *cap ? *cap : 256;
    while (cap2 < need)
        cap2 *= 2;
    void *q = realloc(p, (size_t)cap2 * size);
    if (!q)
        return NULL;
    *cap = cap2;
    return q;
}

void hv_gfx_drop_texture(hv_gfx *g, SDL_Texture *tex)
{
    if (!tex)
        return;
    /* A command of this frame may still copy it, even while the frame
     * waits for a drawing into a texture (hv_gfx_target). */
    if (g->recording || g->held) {
        SDL_Texture **d = grow(g->dead, &g->dead_cap, g->dead_count + 1, sizeof *d);
        if (d) {
            g->dead = d;
            g->dead[g->dead_count++] = tex;
            return;
        }
        if (!g->recording)
            return; /* out of memory inside a texture's drawing: kept, never freed */
        hv_gfx_flush(g);
    }
    SDL_DestroyTexture(tex);
}

int hv_gfx_target(hv_gfx *g, SDL_Texture *tex)
{
    if (tex && SDL_SetRenderTarget(g->ren, tex) != 0)
        return -1;
    if (!tex) {
        SDL_SetRenderTarget(g->ren, NULL);
        g->recording = g->held;
        g->held = 0;
        return 0;
    }
    /* Copies of the texture drawn before now showed what it held then:
     * the window is drawn whole this frame. */
    g->held = g->recording;
    g->recording = 0;
    g->was_valid = 0;
    return 0;
}

int hv_gfx_target_kept(hv_gfx *g, SDL_Texture *tex)
{
    if (!tex || g->held)
        return hv_gfx_target(g, tex);
    if (SDL_SetRenderTarget(g->ren, tex) != 0)
        return -1;
    g->held = g->recording;
    g->recording = 0;
    return 0;
}

void hv_gfx_forget(hv_gfx *g)
{
    g->was_valid = 0;
}

static void set_clip(hv_gfx *g, int on, SDL_Rect r)
{
    SDL_RenderSetClipRect(g->ren, on ? &r : NULL);
}

static void run(hv_gfx *g, const hv_gfx_cmd *c)
{
    switch (c->kind) {
    case CMD_FILL: {
        /* Opaque fills skip blending: the software renderer is much faster so. */
        SDL_SetRenderDrawBlendMode(g->ren, c->blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(g->ren, (Uint8)(c->colour >> 16), (Uint8)(c->colour >> 8),
                               (Uint8)c->colour, c->alpha);
        SDL_Rect r = c->dst;
        /* The software renderer fills 16 bytes at a time with streaming
         * stores from the first 16-byte boundary of a row; begun off a
         * 64-byte line, every line is written in parts, several times
         * slower. The few pixels up to a line's start are filled apart. */
        int off = r.x & 15;
        if (!c->blend && off && r.w >= 32 - off) {
            SDL_RenderFillRect(g->ren, &(SDL_Rect){r.x, r.y, 16 - off, r.h});
            r.w -= 16 - off;
            r.x += 16 - off;
        }
        SDL_RenderFillRect(g->ren, &r);
        break;
    }
    case CMD_LINE:
        SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(g->ren, (Uint8)(c->colour >> 16), (Uint8)(c->colour >> 8),
                               (Uint8)c->colour, 255);
        SDL_RenderDrawLine(g->ren, c->src.x, c->src.y, c->src.w, c->src.h);
        break;
    default:
        SDL_SetTextureColorMod(c->tex, (Uint8)(c->colour >> 16), (Uint8)(c->colour >> 8),
                               (Uint8)c->colour);
        SDL_SetTextureAlphaMod(c->tex, c->alpha);
        SDL_RenderCopy(g->ren, c->tex, c->src.w > 0 ? &c->src : NULL, &c->dst);
        break;
    }
}

/* Adds C, drawn at once when no frame is being recorded. */
static void emit(hv_gfx *g, hv_gfx_cmd *c)
{
    if (!g->recording) {
        run(g, c);
        return;
    }
    c->clip_on = SDL_RenderIsClipEnabled(g->ren);
    if (c->clip_on)
        SDL_RenderGetClipRect(g->ren, &c->clip);
    SDL_Rect win = {0, 0, g->w, g->h};
    if (!SDL_IntersectRect(&c->dst, &win, &c->box) ||
        (c->clip_on && !SDL_IntersectRect(&c->box, &c->clip, &c->box)))
        return; /* draws nothing */
    uint64_t h = c->key ? c->key : 1469598103934665603ull;
    MIX(h, c->kind);
    MIX(h, c->blend);
    MIX(h, c->colour);
    MIX(h, c->alpha);
    const SDL_Rect *rs[] = {&c->dst, &c->src, &c->box};
    for (int i = 0; i < 3; i++) {
        MIX(h, rs[i]->x);
        MIX(h, rs[i]->y);
        MIX(h, rs[i]->w);
        MIX(h, rs[i]->h);
    }
    MIX(h, (uintptr_t)c->tex);
    MIX(h, (uint64_t)(uintptr_t)c->tex >> 32);
    c->hash = h;
    hv_gfx_cmd *r = grow(g->rec, &g->rec_cap, g->rec_count + 1, sizeof *r);
    if (!r) {
        /* No memory to keep it: draw what there is, then the rest at once. */
        hv_gfx_flush(g);
        run(g, c);
        return;
    }
    g->rec = r;
    g->rec[g->rec_count++] = *c;
}

void hv_gfx_emit_fill(hv_gfx *g, SDL_Rect r, uint32_t colour, int alpha)
{
    hv_gfx_cmd c = {0};
    c.kind = CMD_FILL;
    c.blend = alpha < 255;
    c.dst = r;
    c.colour = colour & 0xffffff;
    c.alpha = (uint8_t)(alpha < 0 ? 0 : alpha > 255 ? 255 : alpha);
    emit(g, &c);
}

void hv_gfx_emit_line(hv_gfx *g, int x1, int y1, int x2, int y2, uint32_t colour)
{
    hv_gfx_cmd c = {0};
    c.kind = CMD_LINE;
    c.src = (SDL_Rect){x1, y1, x2, y2};
    c.dst = (SDL_Rect){x1 < x2 ? x1 : x2, y1 < y2 ? y1 : y2, abs(x2 - x1) + 1, abs(y2 - y1) + 1};
    c.colour = colour & 0xffffff;
    c.alpha = 255;
    emit(g, &c);
}

void hv_gfx_copy(hv_gfx *g, SDL_Texture *tex, const SDL_Rect *src, SDL_Rect dst, uint32_t tint,
                 int alpha, uint64_t key)
{
    if (!tex)
        return;
    hv_gfx_cmd c = {0};
    c.kind = CMD_COPY;
    c.tex = tex;
    if (src)
        c.src = *src;
    c.dst = dst;
    c.colour = tint & 0xffffff;
    c.alpha = (uint8_t)(alpha < 0 ? 0 : alpha > 255 ? 255 : alpha);
    SDL_BlendMode mode = SDL_BLENDMODE_NONE;
    SDL_GetTextureBlendMode(tex, &mode);
    c.blend = (uint8_t)mode;
    c.key = key ? key : 1;
    emit(g, &c);
}

/* ---- frames --------------------------------------------------------------- */

void hv_gfx_begin_recorded(hv_gfx *g)
{
    g->frame++;
    SDL_GetRendererOutputSize(g->ren, &g->w, &g->h);
    SDL_RenderSetClipRect(g->ren, NULL);
    g->rec_count = 0;
    g->sec_count = 0;
    g->recording = 1;
    /* The clear, as a command: under every part that is redrawn. */
    hv_gfx_emit_fill(g, (SDL_Rect){0, 0, g->w, g->h}, HV_C_SKY, 255);
}

/* 1 if C paints every pixel of its box whatever was under it. */
static int opaque(const hv_gfx_cmd *c)
{
    if (c->blend || (c->kind != CMD_FILL && c->kind != CMD_COPY))
        return 0;
    return c->kind == CMD_FILL || c->src.w <= 0 || (c->src.w == c->dst.w && c->src.h == c->dst.h);
}

/* The part of A in B in OUT; 0 when they do not meet. SDL_IntersectRect
 * does the same, but as a call per drawing and part it cost more than
 * the search saved; so with SDL_UnionRect and the two below. */
static inline int meet(const SDL_Rect *a, const SDL_Rect *b, SDL_Rect *out)
{
    int x0 = a->x > b->x ? a->x : b->x, y0 = a->y > b->y ? a->y : b->y;
    int x1 = a->x + a->w < b->x + b->w ? a->x + a->w : b->x + b->w;
    int y1 = a->y + a->h < b->y + b->h ? a->y + a->h : b->y + b->h;
    if (x1 <= x0 || y1 <= y0)
        return 0;
    *out = (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
    return 1;
}

/* The box around A and B, both not empty. */
static inline SDL_Rect join(const SDL_Rect *a, const SDL_Rect *b)
{
    int x0 = a->x < b->x ? a->x : b->x, y0 = a->y < b->y ? a->y : b->y;
    int x1 = a->x + a->w > b->x + b->w ? a->x + a->w : b->x + b->w;
    int y1 = a->y + a->h > b->y + b->h ? a->y + a->h : b->y + b->h;
    return (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
}

/* 1 if all of B, not empty, lies in A. */
static inline int inside(const SDL_Rect *a, const SDL_Rect *b)
{
    return b->x >= a->x && b->y >= a->y && b->x + b->w <= a->x + a->w && b->y + b->h <= a->y + a->h;
}

/* 1 if C paints every pixel of D, whatever was under it. */
static int covers(const hv_gfx_cmd *c, const SDL_Rect *d)
{
    return opaque(c) && inside(&c->box, d);
}

/* Parts of a rectangle still seen, while later drawings are laid over it. */
#define PARTS_MAX 32
/* Below this many pixels a drawing is not worth the search (hidden). */
#define HIDDEN_MIN (128 * 128)

/* 1 if the drawings after the AT-th paint over all of R between them: R
 * is then never seen, and not drawn. A map smaller than its view is the
 * ground's copy beside bands of sky, neither of which covers the view
 * alone; without this, a frame that moves the map filled the view with
 * the clear first, as many pixels again as the ground's copy. */
static int hidden(const hv_gfx *g, int at, SDL_Rect r)
{
    SDL_Rect part[PARTS_MAX];
    int n = 1;
    part[0] = r;
    for (int i = at + 1; i < g->rec_count && n > 0; i++) {
        const hv_gfx_cmd *c = &g->rec[i];
        if (!opaque(c))
            continue;
        const SDL_Rect *b = &c->box;
        for (int k = 0; k < n; k++) {
            SDL_Rect p = part[k], o;
            if (!meet(&p, b, &o))
                continue;
            /* P less O: up to four bands around it, in place of P. */
            SDL_Rect rest[4] = {{p.x, p.y, p.w, o.y - p.y},
                                {p.x, o.y + o.h, p.w, p.y + p.h - (o.y + o.h)},
                                {p.x, o.y, o.x - p.x, o.h},
                                {o.x + o.w, o.y, p.x + p.w - (o.x + o.w), o.h}};
            part[k--] = part[--n];
            for (int j = 0; j < 4; j++) {
                if (rest[j].w <= 0 || rest[j].h <= 0)
                    continue;
                if (n == PARTS_MAX)
                    return 0; /* too broken up to tell: drawn */
                /* After K: the parts from K on are looked at again. */
                part[n++] = rest[j];
            }
        }
    }
    return n == 0;
}

/* Draws the commands, each clipped also to D (NULL: not), from the last
 * that covers D on, and leaves out large ones that later ones hide. */
static void replay(hv_gfx *g, const SDL_Rect *d)
{
    int on = -1, first = 0;
    SDL_Rect at = {0, 0, 0, 0};
    /* What lies under the last drawing that covers D is not seen. */
    for (int i = g->rec_count - 1; d && i > 0 && !first; i--)
        if (covers(&g->rec[i], d))
            first = i;
    for (int i = first; i < g->rec_count; i++) {
        const hv_gfx_cmd *c = &g->rec[i];
        SDL_Rect clip = c->clip;
        int clip_on = c->clip_on;
        if (d) {
            SDL_Rect in;
            if (!meet(&c->box, d, &in))
                continue;
            if (opaque(c) && (long)in.w * in.h >= HIDDEN_MIN && hidden(g, i, in))
                continue;
            if (!clip_on)
                clip = *d;
            else if (!meet(&c->clip, d, &clip))
                continue;
            clip_on = 1;
        }
        if (clip_on != on || (clip_on && !SDL_RectEquals(&clip, &at))) {
            set_clip(g, clip_on, clip);
            on = clip_on;
            at = clip;
        }
        run(g, c);
    }
}

void hv_gfx_flush(hv_gfx *g)
{
    if (!g->recording)
        return;
    /* The rest of the frame is drawn at once, so all of it is. */
    SDL_Rect clip;
    int clip_on = SDL_RenderIsClipEnabled(g->ren);
    SDL_RenderGetClipRect(g->ren, &clip);
    replay(g, NULL);
    set_clip(g, clip_on, clip);
    g->recording = 0;
    g->was_valid = 0;
    g->replayed_all = 1;
    g->rec_count = 0;
}

static long area(SDL_Rect r)
{
    return (long)r.w * r.h;
}

/* Ints, or structs by their first int, in ascending order. */
static int by_value(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The area the N parts D cover together: slab by slab across the
 * window, the rows the parts crossing it cover. */
static long covered(const SDL_Rect *d, int n)
{
    int xs[2 * DAMAGE_MAX];
    SDL_Point span[DAMAGE_MAX]; /* x: top, y: bottom */
    for (int k = 0; k < n; k++) {
        xs[2 * k] = d[k].x;
        xs[2 * k + 1] = d[k].x + d[k].w;
    }
    qsort(xs, (size_t)(2 * n), sizeof xs[0], by_value);
    long sum = 0;
    for (int i = 0; i + 1 < 2 * n; i++) {
        if (xs[i] == xs[i + 1])
            continue;
        int m = 0;
        for (int k = 0; k < n; k++)
            if (d[k].x <= xs[i] && d[k].x + d[k].w >= xs[i + 1] && d[k].h > 0)
                span[m++] = (SDL_Point){d[k].y, d[k].y + d[k].h};
        if (m == 0)
            continue;
        qsort(span, (size_t)m, sizeof span[0], by_value); /* by top, the first int */
        long rows = 0;
        int top = span[0].x, bottom = span[0].y;
        for (int a = 1; a < m; a++) {
            if (span[a].x > bottom) {
                rows += bottom - top;
                top = span[a].x;
            }
            bottom = span[a].y > bottom ? span[a].y : bottom;
        }
        rows += bottom - top;
        sum += rows * (xs[i + 1] - xs[i]);
    }
    return sum;
}

/* Joins parts whose joint box takes few pixels that neither part has. */
static int merge(SDL_Rect *d, int n)
{
    for (int again = 1; again;) {
        again = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                SDL_Rect u = join(&d[i], &d[j]), both = {0, 0, 0, 0};
                meet(&d[i], &d[j], &both);
                if (area(u) <= area(d[i]) + area(d[j]) - area(both) + 1024) {
                    d[i] = u;
                    d[j--] = d[--n];
                    again = 1;
                }
            }
    }
    return n;
}

/* A clipped line is not always the same pixels as the line drawn whole,
 * nor a stretched copy the same as a stretched part: a part that cuts
 * one grows to take it whole. 1 if any grew. */
static int take_whole(hv_gfx *g, SDL_Rect *d, int n)
{
    int grew = 0;
    for (int i = 0; i < g->rec_count; i++) {
        const hv_gfx_cmd *c = &g->rec[i];
        int exact = c->kind == CMD_FILL ||
                    (c->kind == CMD_COPY &&
                     (c->src.w <= 0 || (c->src.w == c->dst.w && c->src.h == c->dst.h)));
        if (exact)
            continue;
        for (int k = 0; k < n; k++) {
            SDL_Rect u;
            if (SDL_HasIntersection(&c->box, &d[k])) {
                SDL_UnionRect(&c->box, &d[k], &u);
                if (!SDL_RectEquals(&u, &d[k])) {
                    d[k] = u;
                    grew = 1;
                }
            }
        }
    }
    return grew;
}

void hv_gfx_section(hv_gfx *g)
{
    /* Past the last, sections run on as one. */
    if (g->recording && g->sec_count < HV_GFX_SECTIONS)
        g->sec[g->sec_count++] = g->rec_count;
}

/* Adds to D the boxes of the drawings that differ between this frame's
 * [A, AE) and the last one's [B, BE); 1 when they are too many to list. */
static int differ(hv_gfx *g, int a, int ae, int b, int be, SDL_Rect *d, int *dn)
{
    /* What both begin and end with is the same picture there. */
    int n = ae - a, m = be - b, p = 0, s = 0;
    while (p < n && p < m && g->rec[a + p].hash == g->was_hash[b + p])
        p++;
    while (s < n - p && s < m - p && g->rec[ae - 1 - s].hash == g->was_hash[be - 1 - s])
        s++;
    /* With as many drawings as before (people walking, dust drifting, a
     * button lit), the N-th of each are matched: only those that differ
     * mark their boxes, old and new. */
    int paired = n == m;
    for (int pass = 0; pass < 2; pass++) {
        int to = pass ? m - s : n - s;
        for (int i = p; i < to; i++) {
            if (paired && g->rec[a + i].hash == g->was_hash[b + i])
                continue;
            SDL_Rect r = pass ? g->was_box[b + i] : g->rec[a + i].box;
            if (r.w <= 0 || r.h <= 0)
                continue;
            if (*dn == DAMAGE_MAX)
                *dn = merge(d, *dn);
            if (*dn == DAMAGE_MAX)
                return 1;
            d[(*dn)++] = r;
        }
    }
    return 0;
}

int hv_gfx_finish(hv_gfx *g)
{
    if (!g->recording)
        return g->replayed_all;
    int n = g->rec_count, m = g->was_count;
    int whole = !g->was_valid || g->was_w != g->w || g->was_h != g->h || g->was_scale != g->scale;
    SDL_Rect d[DAMAGE_MAX];
    int dn = 0;
    if (!whole) {
        /* Section by section when both frames have as many; else as one. */
        int secs = g->sec_count == g->was_sec_count ? g->sec_count : 0;
        for (int i = 0; i <= secs && !whole; i++)
            whole = differ(g, i ? g->sec[i - 1] : 0, i < secs ? g->sec[i] : n,
                           i ? g->was_sec[i - 1] : 0, i < secs ? g->was_sec[i] : m, d, &dn);
        if (!whole) {
            dn = merge(d, dn);
            while (take_whole(g, d, dn))
                dn = merge(d, dn);
            long sum = 0;
            for (int k = 0; k < dn; k++)
                sum += area(d[k]);
            long window = (long)g->w * g->h;
            whole = sum > window || covered(d, dn) * 100 > window * DAMAGE_WHOLE;
        }
    }
    if (whole) {
        /* As one part the size of the window: what is hidden is left out. */
        SDL_Rect win = {0, 0, g->w, g->h};
        replay(g, &win);
    } else {
        for (int k = 0; k < dn; k++)
            replay(g, &d[k]);
    }
    SDL_RenderSetClipRect(g->ren, NULL);
    /* This frame is the one the next is measured against. */
    uint64_t *hs = grow(g->was_hash, &g->was_hash_cap, n, sizeof *hs);
    if (hs)
        g->was_hash = hs;
    SDL_Rect *bs = grow(g->was_box, &g->was_box_cap, n, sizeof *bs);
    if (bs)
        g->was_box = bs;
    g->was_valid = hs && bs;
    if (g->was_valid) {
        for (int i = 0; i < n; i++) {
            g->was_hash[i] = g->rec[i].hash;
            g->was_box[i] = g->rec[i].box;
        }
        g->was_count = n;
        g->was_sec_count = g->sec_count;
        memcpy(g->was_sec, g->sec, sizeof g->sec);
        g->was_w = g->w;
        g->was_h = g->h;
        g->was_scale = g->scale;
    }
    g->recording = 0;
    g->rec_count = 0;
    for (int i = 0; i < g->dead_count; i++)
        SDL_DestroyTexture(g->dead[i]);
    g->dead_count = 0;
    g->replayed_all = whole;
    return whole;
}

void hv_gfx_record_free(hv_gfx *g)
{
    g->recording = 0;
    for (int i = 0; i < g->dead_count; i++)
        SDL_DestroyTexture(g->dead[i]);
    free(g->dead);
    free(g->rec);
    free(g->was_hash);
    free(g->was_box);
    g->dead = NULL;
    g->rec = NULL;
    g->was_hash = NULL;
    g->was_box = NULL;
    g->dead_count = g->dead_cap = g->rec_count = g->rec_cap = 0;
    g->was_count = g->was_hash_cap = g->was_box_cap = 0;
    g->was_valid = 0;
}
