/* hv_hash: FNV-1a 64 over a canonical byte encoding. Values are fed as
 * fixed-width little-endian integers, never as raw struct bytes, so the
 * hash is the same on every compiler, flag set and machine. */
#ifndef HV_HASH_H
#define HV_HASH_H

#include <stddef.h>
#include <stdint.h>

typedef struct hv_hash {
    uint64_t value;
} hv_hash;

/* Starts a hash at the FNV-1a offset basis. */
void hv_hash_init(hv_hash *h);
/* Feeds N raw bytes. */
void hv_hash_bytes(hv_hash *h, const void *data, size_t n);
/* Feeds V as 8 little-endian bytes. */
void hv_hash_i64(hv_hash *h, int64_t v);
/* Feeds a NUL-terminated string with its length first, so "ab","c" != "a","bc". */
void hv_hash_str(hv_hash *h, const char *s);

#endif
