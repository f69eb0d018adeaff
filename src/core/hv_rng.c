#include "hv_rng.h"

void hv_rng_seed(hv_rng *rng, uint64_t seed, uint64_t seq)
{
    rng->state = 0u;
    rng->inc = (seq << 1u) | 1u;
    hv_rng_next(rng);
    rng->state += seed;
    hv_rng_next(rng);
}

int32_t hv_rng_range(hv_rng *rng, int32_t lo, int32_t hi)
{
    if (hi <= lo)
        return lo;
    uint32_t span = (uint32_t)((int64_t)hi - (int64_t)lo + 1);
    return (int32_t)((int64_t)lo + (int64_t)hv_rng_below(rng, span));
}
