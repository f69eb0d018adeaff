/* The art cache on disk (hv_art_cache.h). */
#define _POSIX_C_SOURCE 200809L
#include "hv_art_cache.h"
#include "hv_file.h"

#include <SDL_image.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What every entry starts with; the pixels follow, row after row. */
typedef struct art_header {
    char magic[8];
    uint32_t version;
    uint32_t format; /* SDL's pixel format of the rows */
    uint32_t w, h;   /* the image's own size, which may differ from the size asked */
    uint32_t opaque;
    uint32_t reserved; /* 0 */
    uint64_t key;
    uint64_t sum; /* pixel_sum of the rows */
} art_header;

_Static_assert(sizeof(art_header) == 48, "the header is 48 bytes without padding");

static const char magic[8] = {'H', 'V', 'A', 'R', 'T', '\r', '\n', 0x1a};

#define FNV_PRIME 1099511628211ull

static uint64_t fnv(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * FNV_PRIME;
    return h;
}

uint64_t hv_art_cache_key(const void *svg, size_t len, int w, int h)
{
    SDL_version sdl;
    SDL_GetVersion(&sdl);
    const SDL_version *img = IMG_Linked_Version();
    int32_t head[] = {HV_ART_CACHE_VERSION, sdl.major,  sdl.minor, sdl.patch, img->major,
                      img->minor,           img->patch, w,         h};
    uint64_t k = fnv(1469598103934665603ull, head, sizeof head);
    return fnv(k, svg, len);
}

/* A checksum of the pixels that finds damage, in four lanes so it costs
 * about a millisecond for a full-HD image. Each step is a bijection, so
 * any one word changed changes the sum. Fed in pieces whose sizes are
 * multiples of 32 bytes but the last. tests/ui/art_cache.py has it too. */
static void sum_start(uint64_t lane[4])
{
    lane[0] = 0x9e3779b97f4a7c15ull;
    lane[1] = 0xc2b2ae3d27d4eb4full;
    lane[2] = 0x165667b19e3779f9ull;
    lane[3] = 0x27d4eb2f165667c5ull;
}

static void sum_add(uint64_t lane[4], const unsigned char *p, size_t n)
{
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        uint64_t w[4];
        memcpy(w, p + i, sizeof w);
        for (int k = 0; k < 4; k++)
            lane[k] = (lane[k] ^ w[k]) * FNV_PRIME;
    }
    for (; i < n; i++)
        lane[0] = (lane[0] ^ p[i]) * FNV_PRIME;
}

static uint64_t sum_end(const uint64_t lane[4], uint64_t bytes)
{
    return lane[0] ^ (lane[1] << 17 | lane[1] >> 47) ^ (lane[2] << 31 | lane[2] >> 33) ^
           (lane[3] << 47 | lane[3] >> 17) ^ bytes;
}

static uint64_t pixel_sum(const unsigned char *p, size_t n)
{
    uint64_t lane[4];
    sum_start(lane);
    sum_add(lane, p, n);
    return sum_end(lane, n);
}

/* The formats a rasteriser gives: 32 bits a pixel, with alpha. */
static int known_format(uint32_t f)
{
    return f == SDL_PIXELFORMAT_ARGB8888 || f == SDL_PIXELFORMAT_ABGR8888 ||
           f == SDL_PIXELFORMAT_RGBA8888 || f == SDL_PIXELFORMAT_BGRA8888;
}

/* The start of NAME's file names: "modules_kiln-64x64-". */
static int entry_prefix(const char *name, int w, int h, char *buf, size_t len)
{
    size_t n = strlen(name);
    if (n + 32 > len)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        int plain =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        buf[i] = plain ? c : '_';
    }
    snprintf(buf + n, len - n, "-%dx%d-", w, h);
    return 0;
}

int hv_art_cache_path(const char *dir, const char *name, uint64_t key, int w, int h, char *buf,
                      size_t len)
{
    char prefix[128];
    if (entry_prefix(name, w, h, prefix, sizeof prefix) != 0)
        return -1;
    int n = snprintf(buf, len, "%s/%s%016llx.hvart", dir, prefix, (unsigned long long)key);
    return n < 0 || (size_t)n >= len ? -1 : 0;
}

static int read_fully(int fd, void *buf, size_t len)
{
    unsigned char *p = buf;
    while (len > 0) {
        ssize_t n = read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static int write_fully(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int hv_art_cache_open(const char *dir, const char *name, uint64_t key, int w, int h,
                      hv_art_reader *r)
{
    memset(r, 0, sizeof *r);
    r->fd = -1;
    if (!dir || !*dir || w <= 0 || h <= 0 ||
        hv_art_cache_path(dir, name, key, w, h, r->path, sizeof r->path) != 0)
        return -1;
    /* Not blocking: a FIFO under an entry's name is refused, never waited on. */
    int fd = open(r->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return -1;
    struct stat st;
    art_header hd;
    /* Everything is checked before a pixel is read: the header, then the
     * file's size against it, so a file cut short is never read past. */
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || read_fully(fd, &hd, sizeof hd) != 0 ||
        memcmp(hd.magic, magic, sizeof magic) != 0 || hd.version != HV_ART_CACHE_VERSION ||
        hd.key != key || hd.w == 0 || hd.h == 0 || hd.w > HV_ART_CACHE_MAX_SIDE ||
        hd.h > HV_ART_CACHE_MAX_SIDE || hd.opaque > 1 || hd.reserved != 0 ||
        !known_format(hd.format) || (uint64_t)st.st_size != sizeof hd + (uint64_t)hd.w * hd.h * 4) {
        close(fd);
        return -1;
    }
    r->fd = fd;
    r->format = hd.format;
    r->w = (int)hd.w;
    r->h = (int)hd.h;
    r->opaque = (int)hd.opaque;
    r->sum = hd.sum;
    sum_start(r->lane);
    return 0;
}

int hv_art_cache_read(hv_art_reader *r, void *rows, int count)
{
    size_t bytes = (size_t)count * (size_t)r->w * 4;
    if (r->fd < 0 || count <= 0 || r->rows + count > r->h || read_fully(r->fd, rows, bytes) != 0)
        return -1;
    sum_add(r->lane, rows, bytes);
    r->rows += count;
    return 0;
}

int hv_art_cache_close(hv_art_reader *r)
{
    if (r->fd < 0)
        return -1;
    close(r->fd);
    r->fd = -1;
    uint64_t bytes = (uint64_t)r->w * (uint64_t)r->h * 4;
    if (r->rows != r->h || sum_end(r->lane, bytes) != r->sum)
        return -1;
    /* Recently used: the last to go when the folder is trimmed. */
    utimensat(AT_FDCWD, r->path, NULL, 0);
    return 0;
}

SDL_Surface *hv_art_cache_load(const char *dir, const char *name, uint64_t key, int w, int h,
                               int *opaque)
{
    hv_art_reader r;
    if (hv_art_cache_open(dir, name, key, w, h, &r) != 0)
        return NULL;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, r.w, r.h, 32, r.format);
    if (surf && (surf->pitch != r.w * 4 || hv_art_cache_read(&r, surf->pixels, r.h) != 0)) {
        SDL_FreeSurface(surf);
        surf = NULL;
    }
    if (hv_art_cache_close(&r) != 0 && surf) {
        SDL_FreeSurface(surf);
        surf = NULL;
    }
    if (surf)
        *opaque = r.opaque;
    return surf;
}

typedef struct trim_entry {
    char name[256];
    time_t mtime;
    off_t size;
} trim_entry;

static int older(const void *a, const void *b)
{
    const trim_entry *x = a, *y = b;
    return x->mtime < y->mtime ? -1 : x->mtime > y->mtime ? 1 : strcmp(x->name, y->name);
}

static int ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n >= m && strcmp(s + n - m, end) == 0;
}

/* Keeps DIR within its cap: removes the entries of PREFIX (an asset at one
 * size) but KEEP, temporary files a crash left over a minute ago, then the
 * least recently used entries while the folder is over the cap. */
static void trim(const char *dir, const char *prefix, const char *keep)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    trim_entry *list = NULL;
    size_t count = 0, cap = 0;
    uint64_t total = 0;
    time_t now = time(NULL);
    struct dirent *de;
    char path[1024];
    while ((de = readdir(d)) != NULL) {
        const char *n = de->d_name;
        int entry = ends_with(n, ".hvart"), temp = strstr(n, ".hvart.tmp") != NULL;
        struct stat st;
        if ((!entry && !temp) || strlen(n) >= sizeof list->name ||
            snprintf(path, sizeof path, "%s/%s", dir, n) >= (int)sizeof path ||
            lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (temp) {
            if (now - st.st_mtime > 60)
                unlink(path);
            continue;
        }
        if (strcmp(n, keep) != 0 && strncmp(n, prefix, strlen(prefix)) == 0) {
            unlink(path); /* the same art at the same size, from other SVG bytes */
            continue;
        }
        total += (uint64_t)st.st_size;
        if (strcmp(n, keep) == 0)
            continue;
        if (count == cap) {
            size_t more = cap ? cap * 2 : 32;
            trim_entry *grown = realloc(list, more * sizeof *list);
            if (!grown)
                break;
            list = grown;
            cap = more;
        }
        snprintf(list[count].name, sizeof list[count].name, "%s", n);
        list[count].mtime = st.st_mtime;
        list[count].size = st.st_size;
        count++;
    }
    closedir(d);
    if (list)
        qsort(list, count, sizeof *list, older);
    for (size_t i = 0; i < count && total > HV_ART_CACHE_MAX_BYTES; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, list[i].name);
        if (unlink(path) == 0)
            total -= (uint64_t)list[i].size;
    }
    free(list);
}

int hv_art_cache_store(const char *dir, const char *name, uint64_t key, int w, int h,
                       SDL_Surface *surf, int opaque, char *err, size_t err_len)
{
    char path[1024], tmp[1040], prefix[128];
    /* What a rasteriser gives is always one of these; anything else is
     * simply not kept. */
    if (!known_format(surf->format->format) || surf->pitch != surf->w * 4 || surf->w <= 0 ||
        surf->h <= 0 || surf->w > HV_ART_CACHE_MAX_SIDE || surf->h > HV_ART_CACHE_MAX_SIDE ||
        entry_prefix(name, w, h, prefix, sizeof prefix) != 0 ||
        hv_art_cache_path(dir, name, key, w, h, path, sizeof path) != 0)
        return 1;
    if (hv_file_make_dirs(dir) != 0)
        return hv_file_error(err, err_len, "cannot make the cache folder %s: %s", dir,
                             strerror(errno));
    snprintf(tmp, sizeof tmp, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return hv_file_error(err, err_len, "cannot write in the cache folder %s: %s", dir,
                             strerror(errno));
    size_t bytes = (size_t)surf->w * (size_t)surf->h * 4;
    art_header hd;
    memset(&hd, 0, sizeof hd);
    memcpy(hd.magic, magic, sizeof magic);
    hd.version = HV_ART_CACHE_VERSION;
    hd.format = surf->format->format;
    hd.w = (uint32_t)surf->w;
    hd.h = (uint32_t)surf->h;
    hd.opaque = opaque ? 1 : 0;
    hd.key = key;
    hd.sum = pixel_sum(surf->pixels, bytes);
    /* No fsync: a file lost or cut short by a crash is found out by its
     * size or checksum and made again. */
    int bad = write_fully(fd, &hd, sizeof hd) != 0 || write_fully(fd, surf->pixels, bytes) != 0;
    bad = close(fd) != 0 || bad;
    if (!bad) {
        chmod(tmp, 0644);
        bad = rename(tmp, path) != 0;
    }
    if (bad) {
        int saved = errno;
        unlink(tmp);
        return hv_file_error(err, err_len, "cannot write %s: %s", path, strerror(saved));
    }
    trim(dir, prefix, strrchr(path, '/') + 1);
    return 0;
}
