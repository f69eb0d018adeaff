#include "hv_rng.h"

void hv_rng_seed(hv_rng *rng, uint64_t seed, uint64_t seq)
{
    rng->state = 0u;
    rng->inc = (seq << 1u) | 1u;
    hv_rng_next(rng);
    rng->state += seed;
    hv_rng_next(rng);
}

uint32_t hv_rng_next(hv_rng *rng)
{
    uint64_t old = rng->state;
    rng->state = old * 6364136223846793005ULL + rng->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

uint32_t hv_rng_below(hv_rng *rng, uint32_t bound)
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

int32_t hv_rng_range(hv_rng *rng, int32_t lo, int32_t hi)
{
    if (hi <= lo)
        return lo;
    uint32_t span = (uint32_t)((int64_t)hi - (int64_t)lo + 1);
    return (int32_t)((int64_t)lo + (int64_t)hv_rng_below(rng, span));
}
