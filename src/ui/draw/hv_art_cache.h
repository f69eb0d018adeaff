/* hv_art_cache: art rasterised from SVG, kept on disk between runs so the
 * window need not rasterise it again (the title alone takes over 100 ms at
 * 1920x1080). One file an image, named after the asset and its size, with
 * a header (format version, size, pixel format, the key and a checksum of
 * the pixels) and the pixels as the rasteriser made them, so what is drawn
 * from the cache is the same to the byte. The key hashes the SVG's bytes,
 * the size and the SDL and SDL_image versions: changed art or a new
 * rasteriser never finds an old entry. A file that is damaged, cut short
 * or not ours is ignored (and replaced by the next store); writes go
 * through a temporary file and a rename. The folder is kept small: an
 * entry of the same asset and size with another key is removed when a new
 * one is stored, and past HV_ART_CACHE_MAX_BYTES the oldest go. */
#ifndef HV_ART_CACHE_H
#define HV_ART_CACHE_H

#include <SDL.h>
#include <stddef.h>
#include <stdint.h>

#define HV_ART_CACHE_VERSION 1
/* The folder's size cap: a dozen title images at 1920x1080. */
#define HV_ART_CACHE_MAX_BYTES (100 * 1024 * 1024)
/* No side of a stored image is longer (an 8K window's). */
#define HV_ART_CACHE_MAX_SIDE 8192

/* The key of the asset whose SVG is the LEN bytes at SVG, rasterised at
 * W x H pixels. */
uint64_t hv_art_cache_key(const void *svg, size_t len, int w, int h);
/* The path of NAME's entry ("modules/kiln": DIR/modules_kiln-WxH-KEY.hvart)
 * in BUF; 0, or -1 when it does not fit. */
int hv_art_cache_path(const char *dir, const char *name, uint64_t key, int w, int h, char *buf,
                      size_t len);
/* An entry being read row by row, so an image can go to a texture without
 * a whole copy of it in memory too (hv_art_cache_open). */
typedef struct hv_art_reader {
    int fd;
    uint32_t format; /* SDL's pixel format of the rows */
    int w, h;        /* the image's size, which may differ from the size asked */
    int opaque;
    int rows; /* read so far */
    uint64_t sum, lane[4];
    char path[1024];
} hv_art_reader;

/* Opens NAME's entry asked for at W x H with KEY in DIR, its header and
 * size checked; 0, or -1 when there is no such sound entry. */
int hv_art_cache_open(const char *dir, const char *name, uint64_t key, int w, int h,
                      hv_art_reader *r);
/* Reads the next COUNT rows into ROWS (COUNT * w * 4 bytes), COUNT a
 * multiple of 8 for all reads but the last; 0 or -1. The checksum is only
 * known at hv_art_cache_close: what is drawn from rows read before then
 * must be drawn over when it fails. */
int hv_art_cache_read(hv_art_reader *r, void *rows, int count);
/* Closes R: 0 when every row was read and the checksum holds (the entry
 * is then marked as recently used), else -1. */
int hv_art_cache_close(hv_art_reader *r);
/* NAME's image asked for at W x H, with KEY, from the folder DIR; NULL when
 * there is no such entry or the file is not a sound one. *OPAQUE is set to
 * 1 when no pixel of it is transparent (as stored). The surface is the
 * size the rasteriser made, which may differ from W x H; the caller frees it. */
SDL_Surface *hv_art_cache_load(const char *dir, const char *name, uint64_t key, int w, int h,
                               int *opaque);
/* Stores SURF (32 bits a pixel, rasterised for W x H) as NAME's image with
 * KEY in DIR, made if missing, then trims the folder. 0; 1 when SURF is of
 * a kind not kept (not 32 bits a pixel); -1 with a sentence in ERR when the
 * folder cannot be made or written. */
int hv_art_cache_store(const char *dir, const char *name, uint64_t key, int w, int h,
                       SDL_Surface *surf, int opaque, char *err, size_t err_len);

#endif
