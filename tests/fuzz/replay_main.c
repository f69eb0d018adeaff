/* A main for the fuzz targets without libFuzzer: runs each file given
 * through LLVMFuzzerTestOneInput once, so the inputs the fuzzers once
 * broke the game with (tests/fuzz/regressions/) are replayed by every
 * build, gcc's included. Exit 0, or 1 when a file cannot be read; a broken
 * promise aborts, as under libFuzzer. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "hv_file.h"

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        char *data = hv_file_read_all(argv[i], &len);
        if (!data) {
            fprintf(stderr, "%s: cannot read %s\n", argv[0], argv[i]);
            return 1;
        }
        printf("replaying %s (%zu bytes)\n", argv[i], len);
        fflush(stdout);
        LLVMFuzzerTestOneInput((const uint8_t *)data, len);
        free(data);
    }
    return 0;
}
