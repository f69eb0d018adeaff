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
static inline uint32_t hv_rng_next(hv_rng *rng)
{
    uint64_t old = rng->state;
    rng->state = old * 6364136223846793005ULL + rng->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}
/* Uniform integer in [0, bound) without modulo bias; 0 when bound is 0.
 * Inline so that a fixed bound (a per-mille roll) divides by a constant,
 * which the compiler turns into a multiply. */
static inline uint32_t hv_rng_below(hv_rng *rng, uint32_t bound)
{
    if (bound == 0)
        return 0;
    /* Reject the low values that would make some results more likely. */
    uint32_t threshold = (uint32_t)(-bound) % bound;
    for (;;) {
        uint32_t r = hv_rng_next(rng);
        if (r >= threshold)
            return r % bound;
    }
}
/* Uniform integer in [lo, hi] (inclusive); lo when hi < lo. */
int32_t hv_rng_range(hv_rng *rng, int32_t lo, int32_t hi);

#endif
