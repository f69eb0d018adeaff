/* PCG32 against the reference generator's published output, and the
 * bounded helpers' ranges. */
#include "hv_rng.h"
#include "hv_test.h"

int main(void)
{
    /* pcg32-demo with pcg32_srandom(42, 54) prints these first values. */
    static const uint32_t expected[] = {0xa15c02b7u, 0x7b47f409u, 0xba1d3330u,
                                        0x83d2f293u, 0xbfa4784bu, 0xcbed606eu};
    hv_rng rng;
    hv_rng_seed(&rng, 42u, 54u);
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        CHECK_EQ_INT(hv_rng_next(&rng), expected[i]);

    hv_rng a, b;
    hv_rng_seed(&a, 7, 1);
    hv_rng_seed(&b, 8, 1);
    int differ = 0;
    for (int i = 0; i < 8; i++)
        differ |= hv_rng_next(&a) != hv_rng_next(&b);
    CHECK(differ);

    int seen[7] = {0};
    for (int i = 0; i < 7000; i++) {
        int32_t v = hv_rng_range(&rng, -3, 3);
        CHECK(v >= -3 && v <= 3);
        if (v >= -3 && v <= 3)
            seen[v + 3]++;
    }
    for (int i = 0; i < 7; i++)
        CHECK(seen[i] > 800 && seen[i] < 1200);
    CHECK_EQ_INT(hv_rng_below(&rng, 0), 0);
    CHECK_EQ_INT(hv_rng_range(&rng, 5, 5), 5);
    CHECK_EQ_INT(hv_rng_range(&rng, 5, 2), 5);
    for (int i = 0; i < 1000; i++)
        CHECK(hv_rng_below(&rng, 3) < 3);
    return hv_test_done("core_rng");
}
