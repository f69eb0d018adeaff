#include "hv_gfx.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Font sizes at 100%: small print, body text, headings, titles. */
static const int font_points[HV_FONTS] = {12, 14, 18, 34};

/* Where Debian's fonts-dejavu-core puts the font, and a few other homes,
 * for a system whose fontconfig finds nothing. */
static const char *const font_dirs[] = {
    "/usr/share/fonts/truetype/dejavu",
    "/usr/local/share/fonts/truetype/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu",
};

static int readable(const char *path)
{
    SDL_RWops *rw = SDL_RWFromFile(path, "rb");
    if (!rw)
        return 0;
    SDL_RWclose(rw);
    return 1;
}

/* The file fontconfig picks for PATTERN (e.g. "DejaVu Sans:bold"): the
 * font asked for, or the nearest one installed. */
static int match_font(const char *pattern, char *out, size_t len)
{
    int found = 0;
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (!pat || !FcConfigSubstitute(NULL, pat, FcMatchPattern)) {
        if (pat)
            FcPatternDestroy(pat);
        return -1;
    }
    FcPatternAddBool(pat, FC_SCALABLE, FcTrue); /* SDL_ttf draws outlines, not bitmaps */
    FcDefaultSubstitute(pat);
    FcResult result;
    FcPattern *match = FcFontMatch(NULL, pat, &result);
    FcChar8 *file = NULL;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && file &&
        readable((const char *)file)) {
        snprintf(out, len, "%s", (const char *)file);
        found = 1;
    }
    if (match)
        FcPatternDestroy(match);
    FcPatternDestroy(pat);
    return found ? 0 : -1;
}

/* FILE in HV_FONT_DIR, then shipped with the art (assets/fonts/), then the
 * font fontconfig gives for PATTERN, then a few known homes of DejaVu. */
static int find_font(const hv_gfx *g, const char *file, const char *pattern, char *out, size_t len)
{
    const char *env = SDL_getenv("HV_FONT_DIR");
    char path[700];
    int n = (int)(sizeof font_dirs / sizeof font_dirs[0]);
    for (int i = -2; i < n; i++) {
        if (i == -2 && !env)
            continue;
        if (i == 0 && match_font(pattern, out, len) == 0)
            return 0;
        snprintf(path, sizeof path, "%s/%s%s",
                 i == -2   ? env
                 : i == -1 ? g->asset_dir
                           : font_dirs[i],
                 i == -1 ? "fonts/" : "", file);
        if (readable(path)) {
            snprintf(out, len, "%s", path);
            return 0;
        }
    }
    return -1;
}

static void close_fonts(hv_gfx *g)
{
    for (int i = 0; i < HV_FONTS; i++) {
        if (g->font[i])
            TTF_CloseFont(g->font[i]);
        if (g->bold[i] && g->bold[i] != g->font[i])
            TTF_CloseFont(g->bold[i]);
        g->font[i] = g->bold[i] = NULL;
    }
}

static void open_fonts(hv_gfx *g)
{
    close_fonts(g);
    for (int i = 0; i < HV_FONTS; i++) {
        int pt = font_points[i] * g->scale / 100;
        g->font[i] = g->font_path[0] ? TTF_OpenFont(g->font_path, pt) : NULL;
        g->bold[i] = g->bold_path[0] ? TTF_OpenFont(g->bold_path, pt) : NULL;
        if (!g->bold[i])
            g->bold[i] = g->font[i];
    }
}

static void drop_caches(hv_gfx *g)
{
    hv_gfx_drop_texture(g, g->layer);
    g->layer = NULL;
    for (int i = 0; i < HV_HAZE_CACHE; i++)
        hv_gfx_drop_texture(g, g->haze[i].tex);
    memset(g->haze, 0, sizeof g->haze);
    for (int i = 0; i < HV_LIT_CACHE; i++)
        hv_gfx_drop_texture(g, g->lit[i].tex);
    memset(g->lit, 0, sizeof g->lit);
    hv_gfx_drop_texture(g, g->tint);
    g->tint = NULL;
    memset(g->sizes, 0, sizeof g->sizes);
    for (int i = 0; i < HV_TEXT_CACHE; i++) {
        hv_gfx_drop_texture(g, g->text[i].tex);
        memset(&g->text[i], 0, sizeof g->text[i]);
    }
    for (int i = 0; i < g->image_count; i++)
        hv_gfx_drop_texture(g, g->image[i].tex);
    g->image_count = 0;
    hv_gfx_forget(g);
}

int hv_gfx_init(hv_gfx *g, SDL_Renderer *ren, const char *asset_dir, int scale)
{
    memset(g, 0, sizeof *g);
    g->ren = ren;
    g->scale = scale < 50 ? 100 : scale;
    snprintf(g->asset_dir, sizeof g->asset_dir, "%s", asset_dir);
    if (find_font(g, "DejaVuSans.ttf", "DejaVu Sans", g->font_path, sizeof g->font_path) != 0) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION,
                     "no font found: install fonts-dejavu-core or set HV_FONT_DIR");
        return -1;
    }
    if (find_font(g, "DejaVuSans-Bold.ttf", "DejaVu Sans:bold", g->bold_path,
                  sizeof g->bold_path) != 0)
        g->bold_path[0] = '\0';
    open_fonts(g);
    if (!g->font[0]) {
        SDL_LogError(SDL_LOG_CATEGORY_APPLICATION, "cannot open font %s: %s", g->font_path,
                     TTF_GetError());
        return -1;
    }
    SDL_SetRenderDrawBlendMode(ren, SDL_BLENDMODE_BLEND);
    return 0;
}

void hv_gfx_free(hv_gfx *g)
{
    drop_caches(g);
    free(g->haze_plane);
    g->haze_plane = NULL;
    hv_gfx_record_free(g);
    close_fonts(g);
}

void hv_gfx_set_scale(hv_gfx *g, int scale)
{
    if (scale == g->scale)
        return;
    g->scale = scale;
    drop_caches(g);
    open_fonts(g);
}

void hv_gfx_set_mod_assets(hv_gfx *g, const char *dir)
{
    if (strcmp(g->mod_asset_dir, dir ? dir : "") == 0)
        return;
    snprintf(g->mod_asset_dir, sizeof g->mod_asset_dir, "%s", dir ? dir : "");
    /* Images cached from the other folder would hide the new one's art. */
    for (int i = 0; i < g->image_count; i++)
        hv_gfx_drop_texture(g, g->image[i].tex);
    g->image_count = 0;
    hv_gfx_forget(g);
    g->warned_count = 0;
}

void hv_gfx_begin(hv_gfx *g)
{
    g->frame++;
    g->recording = 0;
    hv_gfx_forget(g); /* drawn over whole, unrecorded */
    SDL_GetRendererOutputSize(g->ren, &g->w, &g->h);
    SDL_RenderSetClipRect(g->ren, NULL);
    SDL_SetRenderDrawColor(g->ren, HV_C_SKY >> 16, (HV_C_SKY >> 8) & 255, HV_C_SKY & 255, 255);
    SDL_RenderClear(g->ren);
}

int hv_gfx_keeps_frame(const hv_gfx *g)
{
    SDL_RendererInfo info;
    return SDL_GetRendererInfo(g->ren, &info) == 0 && info.name &&
           strcmp(info.name, "software") == 0;
}

void hv_gfx_clip(hv_gfx *g, const SDL_Rect *r)
{
    SDL_RenderSetClipRect(g->ren, r);
}

int hv_gfx_px(const hv_gfx *g, int units)
{
    return units * g->scale / 100;
}

void hv_gfx_fill(hv_gfx *g, SDL_Rect r, uint32_t colour, int alpha)
{
    if (r.w > 0 && r.h > 0)
        hv_gfx_emit_fill(g, r, colour, alpha);
}

void hv_gfx_frame(hv_gfx *g, SDL_Rect r, uint32_t colour)
{
    int t = g->scale >= 200 ? 2 : 1;
    hv_gfx_fill(g, (SDL_Rect){r.x, r.y, r.w, t}, colour, 255);
    hv_gfx_fill(g, (SDL_Rect){r.x, r.y + r.h - t, r.w, t}, colour, 255);
    hv_gfx_fill(g, (SDL_Rect){r.x, r.y, t, r.h}, colour, 255);
    hv_gfx_fill(g, (SDL_Rect){r.x + r.w - t, r.y, t, r.h}, colour, 255);
}

void hv_gfx_line(hv_gfx *g, int x1, int y1, int x2, int y2, uint32_t colour, int thick)
{
    for (int k = 0; k < (thick < 1 ? 1 : thick); k++) {
        int o = k - thick / 2;
        if (abs(x2 - x1) > abs(y2 - y1))
            hv_gfx_emit_line(g, x1, y1 + o, x2, y2 + o, colour);
        else
            hv_gfx_emit_line(g, x1 + o, y1, x2 + o, y2, colour);
    }
}

/* ---- text -------------------------------------------------------------- */

static uint64_t text_key(int size, int bold, uint32_t colour, const char *text)
{
    uint64_t h = 1469598103934665603ull;
    h = (h ^ (uint64_t)(size * 2 + bold)) * 1099511628211ull;
    h = (h ^ colour) * 1099511628211ull;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return h ? h : 1;
}

static hv_text_entry *text_entry(hv_gfx *g, hv_font_size size, int bold, uint32_t colour,
                                 const char *text)
{
    uint64_t key = text_key(size, bold, colour, text);
    int slot = (int)(key % HV_TEXT_CACHE);
    /* A short probe; past it, reuse the least recently drawn entry. */
    int victim = slot;
    for (int i = 0; i < 8; i++) {
        hv_text_entry *e = &g->text[(slot + i) % HV_TEXT_CACHE];
        if (e->key == key && e->tex) {
            e->used = g->frame;
            return e;
        }
        if (!e->tex || e->used < g->text[victim].used)
            victim = (slot + i) % HV_TEXT_CACHE;
        if (!e->tex)
            break;
    }
    TTF_Font *font = bold ? g->bold[size] : g->font[size];
    if (!font)
        return NULL;
    SDL_Color c = {(Uint8)(colour >> 16), (Uint8)(colour >> 8), (Uint8)colour, 255};
    SDL_Surface *surf = TTF_RenderUTF8_Blended(font, text, c);
    if (!surf)
        return NULL;
    hv_text_entry *e = &g->text[victim];
    hv_gfx_drop_texture(g, e->tex);
    e->tex = SDL_CreateTextureFromSurface(g->ren, surf);
    e->w = surf->w;
    e->h = surf->h;
    e->key = key;
    e->used = g->frame;
    SDL_FreeSurface(surf);
    return e->tex ? e : NULL;
}

int hv_gfx_text(hv_gfx *g, hv_font_size size, int bold, int x, int y, uint32_t colour,
                const char *text)
{
    if (!text || !*text)
        return 0;
    hv_text_entry *e = text_entry(g, size, bold, colour, text);
    if (!e)
        return 0;
    hv_gfx_copy(g, e->tex, NULL, (SDL_Rect){x, y, e->w, e->h}, 0xffffff, 255, e->key);
    return e->w;
}

void hv_gfx_text_size(hv_gfx *g, hv_font_size size, int bold, const char *text, int *w, int *h)
{
    TTF_Font *font = bold ? g->bold[size] : g->font[size];
    int tw = 0, th = 0;
    if (font && text && *text) {
        uint64_t key = text_key(size, bold, 0, text);
        /* A few ways a set, the least recently used giving way: with one,
         * two strings measured every frame that fell in the same slot
         * pushed each other out, and were shaped again every frame. */
        hv_size_entry *set = &g->sizes[key % (HV_SIZE_CACHE / HV_SIZE_WAYS) * HV_SIZE_WAYS];
        hv_size_entry *e = NULL, *old = set;
        for (int i = 0; i < HV_SIZE_WAYS && !e; i++) {
            if (set[i].key == key)
                e = &set[i];
            else if (set[i].used < old->used)
                old = &set[i];
        }
        if (!e) {
            e = old;
            TTF_SizeUTF8(font, text, &e->w, &e->h);
            e->key = key;
        }
        e->used = g->frame;
        tw = e->w;
        th = e->h;
    } else if (font) {
        th = TTF_FontLineSkip(font);
    }
    if (w)
        *w = tw;
    if (h)
        *h = th;
}

int hv_gfx_line_height(hv_gfx *g, hv_font_size size)
{
    return g->font[size] ? TTF_FontLineSkip(g->font[size]) : 16;
}

static size_t utf8_next(const char *s, size_t i)
{
    if (!s[i])
        return i;
    i++;
    while (((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

int hv_gfx_text_wrap_style(hv_gfx *g, hv_font_size size, int bold, int x, int y, int width,
                           uint32_t colour, const char *text, int draw)
{
    char line[1024];
    int lh = hv_gfx_line_height(g, size), top = y, w;
    const char *p = text;
    while (p && *p == ' ')
        p++;
    while (p && *p) {
        size_t fit = 0;
        for (size_t end = 0;;) {
            size_t word = end;
            while (p[word] == ' ')
                word++;
            while (p[word] && p[word] != ' ' && p[word] != '\n')
                word++;
            if (word >= sizeof line)
                break;
            memcpy(line, p, word);
            line[word] = '\0';
            hv_gfx_text_size(g, size, bold, line, &w, NULL);
            if (w > width)
                break;
            fit = end = word;
            if (!p[word] || p[word] == '\n')
                break;
        }
        if (fit == 0 && *p != '\n') {
            fit = utf8_next(p, 0);
            while (p[fit] && p[fit] != ' ' && p[fit] != '\n' && fit < sizeof line - 8) {
                size_t next = utf8_next(p, fit);
                memcpy(line, p, next);
                line[next] = '\0';
                hv_gfx_text_size(g, size, bold, line, &w, NULL);
                if (w > width)
                    break;
                fit = next;
            }
        }
        memcpy(line, p, fit);
        line[fit] = '\0';
        if (draw)
            hv_gfx_text(g, size, bold, x, y, colour, line);
        y += lh;
        p += fit;
        if (*p == '\n' && p[1] == '\n')
            y += lh / 2;
        while (*p == ' ' || *p == '\n')
            p++;
    }
    return y - top;
}

int hv_gfx_text_wrap(hv_gfx *g, hv_font_size size, int x, int y, int width, uint32_t colour,
                     const char *text, int draw)
{
    return hv_gfx_text_wrap_style(g, size, 0, x, y, width, colour, text, draw);
}
