/* hv_rng: PCG32 (O'Neill, pcg-random.org), the only source of chance in the
 * simulation. Lives inside hv_state and is hashed and saved with it. */
#ifndef HV_RNG_H
#define HV_RNG_H

#include <stdint.h>

typedef struct hv_rng {
    uint64_t state;
    uint64_t inc; /* always odd */
} hv_rng;

/* Seeds RNG from SEED on stream SEQ; equal arguments give equal sequences. */
void hv_rng_seed(hv_rng *rng, uint64_t seed, uint64_t seq);
/* Next 32 uniformly distributed bits. */
uint32_t hv_rng_next(hv_rng *rng);
/* Uniform integer in [0, bound) without modulo bias; 0 when bound is 0. */
uint32_t hv_rng_below(hv_rng *rng, uint32_t bound);
/* Uniform integer in [lo, hi] (inclusive); lo when hi < lo. */
int32_t hv_rng_range(hv_rng *rng, int32_t lo, int32_t hi);

#endif
