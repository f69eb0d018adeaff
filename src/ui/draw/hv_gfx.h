/* hv_gfx: drawing for the window. Owns the fonts, a cache of rendered text
 * and a cache of images rasterised from assets/ at the size they are drawn
 * (large ones also kept on disk between runs, hv_art_cache.h; the art code
 * is in hv_gfx_image.c). Sizes given to it are in UI units (pixels at 100%); it scales them by the
 * UI scale. A missing or broken asset or font draws a visible placeholder
 * and logs one warning; nothing here aborts the game. */
#ifndef HV_GFX_H
#define HV_GFX_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdint.h>

/* The palette (assets/palette.md), as 0xRRGGBB. */
enum {
    HV_C_SKY = 0x1b1420,
    HV_C_PANEL = 0x241c22,
    HV_C_PANEL_HI = 0x33272d,
    HV_C_BORDER = 0x5a4038,
    HV_C_TEXT = 0xf2e6da,
    HV_C_DIM = 0xb8a89a,
    HV_C_ACCENT = 0xe8803a,
    HV_C_GOOD = 0x7fcf6a,
    HV_C_BAD = 0xf0624f,
    HV_C_WARN = 0xf2c14e,
    HV_C_SHADOW = 0x0c080a,
    HV_C_INFO = 0x6fb7e8,
};

typedef enum hv_font_size {
    HV_FONT_SMALL,
    HV_FONT_BODY,
    HV_FONT_HEAD,
    HV_FONT_TITLE,
    HV_FONTS
} hv_font_size;

#define HV_TEXT_CACHE 768
#define HV_IMAGE_CACHE 512
#define HV_WARNED_MAX 64

typedef struct hv_text_entry {
    uint64_t key;
    SDL_Texture *tex;
    int w, h;
    uint32_t used; /* frame it was last drawn in */
} hv_text_entry;

typedef struct hv_size_entry {
    uint64_t key;
    int w, h;
    uint32_t used; /* frame it was last measured in */
} hv_size_entry;

#define HV_SIZE_CACHE 4096
#define HV_SIZE_WAYS 4 /* entries a string may take in the size cache */
#define HV_GFX_SECTIONS 16

typedef struct hv_image_entry {
    char name[48];
    int w, h;
    SDL_Texture *tex; /* NULL: the asset failed; the placeholder is drawn */
    int stored;       /* the art cache on disk holds it too */
} hv_image_entry;

/* One of hv_gfx_haze's tiles: a few are kept, as the light over the map
 * can give the dust of its bands two colours at once. */
#define HV_HAZE_CACHE 4
typedef struct hv_haze_entry {
    SDL_Texture *tex;
    int size, alpha;
    uint32_t colour, used;
    SDL_Rect seen[2]; /* the part of each of its two streaks not clear */
} hv_haze_entry;

/* A copy of opaque art under a cover of light (hv_gfx_image_lit). */
#define HV_LIT_CACHE 24
typedef struct hv_lit_entry {
    char name[48];
    int w, h, alpha;
    uint32_t light, used;
    SDL_Texture *tex;
} hv_lit_entry;

/* One drawing of a recorded frame (hv_gfx_record.c). */
typedef struct hv_gfx_cmd {
    uint8_t kind, blend, alpha, clip_on;
    uint32_t colour;    /* a fill's or line's colour, a copy's tint */
    SDL_Rect dst, src;  /* a line keeps its ends in SRC */
    SDL_Rect clip, box; /* the clip it was drawn with; the pixels it can touch */
    SDL_Texture *tex;
    uint64_t key;  /* what a copied texture shows */
    uint64_t hash; /* all of the above */
} hv_gfx_cmd;

typedef struct hv_gfx {
    SDL_Renderer *ren;
    int w, h;  /* output size in pixels */
    int scale; /* UI scale, percent */
    TTF_Font *font[HV_FONTS];
    TTF_Font *bold[HV_FONTS];
    char font_path[800], bold_path[800];
    char asset_dir[512];
    char mod_asset_dir[512]; /* a mod's assets/, looked in first; "" for none */
    char cache_dir[512];     /* the art cache's folder (hv_art_cache.h); "" for none */
    hv_text_entry text[HV_TEXT_CACHE];
    hv_size_entry sizes[HV_SIZE_CACHE]; /* measured text, as measuring is slow */
    hv_image_entry image[HV_IMAGE_CACHE];
    int image_count;
    uint32_t frame;
    char warned[HV_WARNED_MAX][48]; /* assets already reported broken */
    SDL_Texture *layer;             /* hv_gfx_layer's cached drawing */
    uint32_t layer_key;
    int layer_w, layer_h, layer_scale;
    SDL_Texture *tint; /* hv_gfx_tint's tile of one colour */
    uint32_t tint_colour;
    uint32_t tint_recorded;            /* the frame whose recording last copied it */
    hv_haze_entry haze[HV_HAZE_CACHE]; /* hv_gfx_haze's tiles, by colour */
    uint8_t *haze_plane;               /* their streaks' alpha, made once per size */
    hv_lit_entry lit[HV_LIT_CACHE];    /* hv_gfx_image_lit's copies */
    int haze_plane_size;
    int warned_count;
    /* A recorded frame's drawings, and the last one's digests and boxes. */
    int recording, held, replayed_all;
    hv_gfx_cmd *rec;
    int rec_count, rec_cap;
    uint64_t *was_hash;
    SDL_Rect *was_box;
    int was_count, was_hash_cap, was_box_cap;
    int was_valid, was_w, was_h, was_scale;
    /* Where each section of this frame and the last begins (hv_gfx_section). */
    int sec[HV_GFX_SECTIONS], was_sec[HV_GFX_SECTIONS];
    int sec_count, was_sec_count;
    SDL_Texture **dead; /* textures dropped while a frame is recorded */
    int dead_count, dead_cap;
} hv_gfx;

/* Prepares drawing on REN with assets from ASSET_DIR at SCALE percent.
 * Finds the font itself; 0, or -1 when no font can be opened at all. */
int hv_gfx_init(hv_gfx *g, SDL_Renderer *ren, const char *asset_dir, int scale);
/* Frees fonts and cached textures. */
void hv_gfx_free(hv_gfx *g);
/* Changes the UI scale; reopens fonts and drops cached text and images. */
void hv_gfx_set_scale(hv_gfx *g, int scale);
/* Looks for art in DIR (a mod's assets/) before the game's own, by the
 * same names; NULL or "" for the game's alone. */
void hv_gfx_set_mod_assets(hv_gfx *g, const char *dir);
/* Keeps large rasterised art in the folder DIR between runs (see
 * hv_art_cache.h); NULL or "" for no cache. */
void hv_gfx_set_cache_dir(hv_gfx *g, const char *dir);
/* Starts a frame: reads the output size, clears to the sky colour. */
void hv_gfx_begin(hv_gfx *g);
/* Starts a frame that is recorded and drawn at hv_gfx_finish: only what
 * differs from the last recorded frame is drawn again, over the pixels
 * that frame left. Only for a renderer that keeps its pixels, and only
 * when every drawing of the frame goes through hv_gfx. */
void hv_gfx_begin_recorded(hv_gfx *g);
/* Ends a recorded frame: draws what changed. 1 when it drew the whole
 * window (the first frame, a new size or scale, much changed). */
int hv_gfx_finish(hv_gfx *g);
/* Draws what a recorded frame holds so far and the rest of it at once
 * (the frame then draws the whole window). */
void hv_gfx_flush(hv_gfx *g);
/* The next recorded frame draws the whole window: the last one's pixels
 * are gone or were drawn over. */
void hv_gfx_forget(hv_gfx *g);
/* Begins a new section of a recorded frame (the map, a panel, the bars):
 * when two frames have as many sections, each is compared with its own,
 * so drawings added or gone in one (a tooltip) leave the others' alone. */
void hv_gfx_section(hv_gfx *g);
/* Frees the records. */
void hv_gfx_record_free(hv_gfx *g);
/* Draws into TEX (NULL: the window again) at once, out of any recorded
 * frame; 0, or -1 when the renderer cannot (nothing changes then). */
int hv_gfx_target(hv_gfx *g, SDL_Texture *tex);
/* Like hv_gfx_target, for a texture whose every copy into the window is
 * keyed (hv_gfx_copy) by what the part it copies holds: the last frame
 * stays the measure, and only the copies whose key changed are drawn. */
int hv_gfx_target_kept(hv_gfx *g, SDL_Texture *tex);
/* Destroys TEX once no drawing of this frame can still copy it. */
void hv_gfx_drop_texture(hv_gfx *g, SDL_Texture *tex);
/* Copies SRC (NULL: all) of TEX to DST, tinted and at ALPHA. KEY names
 * what the texture shows, for a recorded frame to tell a change. */
void hv_gfx_copy(hv_gfx *g, SDL_Texture *tex, const SDL_Rect *src, SDL_Rect dst, uint32_t tint,
                 int alpha, uint64_t key);
/* A fill and a one-pixel line, recorded or drawn at once (hv_gfx_fill
 * and hv_gfx_line are the ones to use). */
void hv_gfx_emit_fill(hv_gfx *g, SDL_Rect r, uint32_t colour, int alpha);
void hv_gfx_emit_line(hv_gfx *g, int x1, int y1, int x2, int y2, uint32_t colour);
/* 1 when what was drawn survives a present (the software renderer draws
 * straight into the window's pixels), so recorded frames can be used. */
int hv_gfx_keeps_frame(const hv_gfx *g);
/* Limits drawing to R (NULL: the whole window). */
void hv_gfx_clip(hv_gfx *g, const SDL_Rect *r);
/* UNITS scaled to pixels. */
int hv_gfx_px(const hv_gfx *g, int units);

/* Fills R with COLOUR (0xRRGGBB) at ALPHA (0..255). */
void hv_gfx_fill(hv_gfx *g, SDL_Rect r, uint32_t colour, int alpha);
/* Draws a one-pixel-per-100%-scale frame around R. */
void hv_gfx_frame(hv_gfx *g, SDL_Rect r, uint32_t colour);
/* Draws a line from (X1, Y1) to (X2, Y2), THICK pixels wide. */
void hv_gfx_line(hv_gfx *g, int x1, int y1, int x2, int y2, uint32_t colour, int thick);
/* Draws TEXT (UTF-8) with its top-left at (X, Y); returns its width. */
int hv_gfx_text(hv_gfx *g, hv_font_size size, int bold, int x, int y, uint32_t colour,
                const char *text);
/* Width and height TEXT would take. */
void hv_gfx_text_size(hv_gfx *g, hv_font_size size, int bold, const char *text, int *w, int *h);
/* Line height of a font size, in pixels. */
int hv_gfx_line_height(hv_gfx *g, hv_font_size size);
/* Draws TEXT wrapped to WIDTH pixels from (X, Y); returns the height used.
 * With DRAW 0 only measures. */
int hv_gfx_text_wrap(hv_gfx *g, hv_font_size size, int x, int y, int width, uint32_t colour,
                     const char *text, int draw);
/* hv_gfx_text_wrap in bold or not; a word wider than the box is broken
 * between characters. */
int hv_gfx_text_wrap_style(hv_gfx *g, hv_font_size size, int bold, int x, int y, int width,
                           uint32_t colour, const char *text, int draw);
/* Draws the asset NAME ("modules/habitat") into R, rasterised at R's size.
 * A missing or broken asset draws its mark instead (hv_gfx_mark). */
void hv_gfx_image(hv_gfx *g, const char *name, SDL_Rect r);
/* Draws what stands for art that is missing: the initial of NAME's last
 * part ("modules/kiln": K) on a colour of its own, at ALPHA. */
void hv_gfx_mark(hv_gfx *g, SDL_Rect r, const char *name, int alpha);
/* Like hv_gfx_image with a colour tint (0xRRGGBB) and ALPHA. */
void hv_gfx_image_tinted(hv_gfx *g, const char *name, SDL_Rect r, uint32_t tint, int alpha);
/* Draws the asset NAME into R as hv_gfx_image and then hv_gfx_tint of
 * LIGHT at ALPHA over R would, pixel for pixel, from a copy of the art
 * with the light laid on it once and kept: for opaque art drawn into a
 * texture (hv_gfx_target). Other art is drawn and covered so. */
void hv_gfx_image_lit(hv_gfx *g, const char *name, SDL_Rect r, uint32_t light, int alpha);
/* 1 when the asset NAME drawn at W x H paints every pixel (opaque art). */
int hv_gfx_image_opaque(hv_gfx *g, const char *name, int w, int h);
/* Draws a full-window layer that only changes with KEY or the window size
 * (a backdrop with its shading): DRAW paints it once into a texture, and
 * later frames copy that texture without blending. */
void hv_gfx_layer(hv_gfx *g, uint32_t key, void (*draw)(hv_gfx *g, void *ctx), void *ctx);
/* Frees the layer's texture, for screens that draw none; the next
 * hv_gfx_layer paints it anew. */
void hv_gfx_layer_drop(hv_gfx *g);
/* Covers AREA with COLOUR at ALPHA, as hv_gfx_fill does (a shade may
 * differ by two in 255): copies of a tile of the colour, which the
 * software renderer blends twice as fast as a fill of the same pixels. */
void hv_gfx_tint(hv_gfx *g, SDL_Rect area, uint32_t colour, int alpha);
/* Covers AREA with a drifting haze (dust, smoke) of COLOUR at ALPHA,
 * shifted by (DX, DY) pixels: one cached tile copied a few times. Only
 * within the clip; the streaks are placed from AREA's corner, so parts of
 * one AREA drawn under other clips and colours meet. */
void hv_gfx_haze(hv_gfx *g, SDL_Rect area, int dx, int dy, uint32_t colour, int alpha);
/* Draws the asset NAME into R as hv_gfx_image does and returns 1; 0 when
 * it is missing or broken, and then nothing is drawn. */
int hv_gfx_image_try(hv_gfx *g, const char *name, SDL_Rect r);
/* hv_gfx_image_try for art drawn once into what is kept (a layer): when
 * the art cache holds it, opaque and at R's size, it is drawn from there a
 * band at a time and never loaded whole (8 MB less at 1920x1080). */
int hv_gfx_image_once(hv_gfx *g, const char *name, SDL_Rect r);
/* Frees NAME's images that the art cache on disk holds, for art drawn
 * once into a layer: the next draw loads them again, in a few ms. */
void hv_gfx_image_release(hv_gfx *g, const char *name);
/* 1 if the asset NAME loaded (or would load) without error. */
int hv_gfx_image_ok(hv_gfx *g, const char *name);

#endif
