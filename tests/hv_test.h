/* A minimal test harness: CHECK records a failure and goes on, so one run
 * shows every broken expectation; hv_test_done() gives the exit code. */
#ifndef HV_TEST_H
#define HV_TEST_H

#include <stdio.h>
#include <string.h>

static int hv_test_failures;
static int hv_test_checks;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        hv_test_checks++;                                                                          \
        if (!(cond)) {                                                                             \
            hv_test_failures++;                                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                                         \
    do {                                                                                           \
        long long hv_a_ = (long long)(a), hv_b_ = (long long)(b);                                  \
        hv_test_checks++;                                                                          \
        if (hv_a_ != hv_b_) {                                                                      \
            hv_test_failures++;                                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n", __FILE__, __LINE__,  \
                    #a, #b, hv_a_, hv_b_);                                                         \
        }                                                                                          \
    } while (0)

#define CHECK_STR(a, b)                                                                            \
    do {                                                                                           \
        const char *hv_a_ = (a), *hv_b_ = (b);                                                     \
        hv_test_checks++;                                                                          \
        if (!hv_a_ || !hv_b_ || strcmp(hv_a_, hv_b_) != 0) {                                       \
            hv_test_failures++;                                                                    \
            fprintf(stderr, "%s:%d: CHECK failed: %s == %s\n  got:      %s\n  expected: %s\n",     \
                    __FILE__, __LINE__, #a, #b, hv_a_ ? hv_a_ : "(null)",                          \
                    hv_b_ ? hv_b_ : "(null)");                                                     \
        }                                                                                          \
    } while (0)

static inline int hv_test_done(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, hv_test_checks, hv_test_failures);
    return hv_test_failures ? 1 : 0;
}

#endif
