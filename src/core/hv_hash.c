#include "hv_hash.h"

#include <string.h>

void hv_hash_init(hv_hash *h)
{
    h->value = 14695981039346656037ULL;
}

void hv_hash_bytes(hv_hash *h, const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t v = h->value;
    for (size_t i = 0; i < n; i++) {
        v ^= p[i];
        v *= 1099511628211ULL;
    }
    h->value = v;
}

void hv_hash_i64(hv_hash *h, int64_t v)
{
    /* hv_hash_bytes of its eight bytes, lowest first, without the copy. */
    uint64_t u = (uint64_t)v, x = h->value;
    for (int i = 0; i < 8; i++) {
        x ^= (u >> (8 * i)) & 0xffu;
        x *= 1099511628211ULL;
    }
    h->value = x;
}

void hv_hash_str(hv_hash *h, const char *s)
{
    size_t n = strlen(s);
    hv_hash_i64(h, (int64_t)n);
    hv_hash_bytes(h, s, n);
}
