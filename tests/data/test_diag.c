/* hv_diag: what a file puts in a message comes out as one safe line:
 * control bytes escaped, long quoted values cut, prose left alone. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "hv_diag.h"
#include "hv_test.h"

static const char *clean(const char *in)
{
    static char out[1200];
    hv_diag_clean(out, sizeof out, in);
    return out;
}

static void test_control_bytes(void)
{
    CHECK_STR(clean("a\nb\tc\rd"), "a\\nb\\tc\\rd");
    CHECK_STR(clean("bell\a esc\x1b[31m del\x7f"), "bell\\x07 esc\\x1B[31m del\\x7F");
    /* UTF-8 text passes; C1 controls (CSI is U+009B) and broken bytes do not. */
    CHECK_STR(clean("Zhukova \xc3\xa9t\xc3\xa9 \xe2\x80\x94"), "Zhukova \xc3\xa9t\xc3\xa9 \xe2\x80\x94");
    CHECK_STR(clean("csi \xc2\x9b" "2J"), "csi \\xC2\\x9B2J");
    CHECK_STR(clean("cut \xe2\x80"), "cut \\xE2\\x80");
    CHECK_STR(clean("overlong \xc0\xaf"), "overlong \\xC0\\xAF");
    CHECK_STR(clean("surrogate \xed\xa0\x80"), "surrogate \\xED\\xA0\\x80");
}

static void test_long_values(void)
{
    char in[400], want[400];
    memset(in, 0, sizeof in);
    snprintf(in, sizeof in, "id: '");
    memset(in + 5, 'a', 200);
    strcat(in, "' is not an id");
    snprintf(want, sizeof want, "id: '%.*s...' is not an id", HV_DIAG_VALUE_MAX - 4,
             in + 5);
    CHECK_STR(clean(in), want);
    /* A value of exactly the limit stays whole. */
    char edge[200];
    snprintf(edge, sizeof edge, "'%.*s'", HV_DIAG_VALUE_MAX, in + 5);
    CHECK_STR(clean(edge), edge);
    /* An apostrophe in a word opens no value: the quoted one is still cut. */
    char prose[400];
    snprintf(prose, sizeof prose, "the level's rules file '%.*s' isn't there", 100, in + 5);
    const char *got = clean(prose);
    CHECK(strstr(got, "the level's rules file 'aaaa") == got);
    CHECK(strstr(got, "...' isn't there") != NULL);
    CHECK(strlen(got) < 24 + HV_DIAG_VALUE_MAX + 20);
}

static void test_whole_line_capped(void)
{
    char *in = malloc(5000);
    memset(in, 'b', 4999);
    in[4999] = '\0';
    char out[300];
    hv_diag_clean(out, sizeof out, in);
    CHECK(strlen(out) < sizeof out);
    CHECK(strcmp(out + strlen(out) - 3, "...") == 0);
    free(in);
    /* Escapes are never cut in half at the end. */
    char small[12];
    hv_diag_clean(small, sizeof small, "abcdef\x1b\x1b\x1b");
    CHECK_STR(small, "abcdef...");
}

static void test_stored_and_printed(void)
{
    hv_diag d;
    hv_diag_init(&d);
    hv_diag_error(&d, "odd\nname.yaml", 3, 4, "value '%s' is wrong", "x\ny.yaml:1:1: error: forged");
    CHECK_EQ_INT(d.count, 1);
    CHECK_STR(d.entries[0].message, "value 'x\\ny.yaml:1:1: error: forged' is wrong");
    char buf[400] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    hv_diag_print(&d, f);
    fclose(f);
    CHECK_STR(buf, "odd\\nname.yaml:3:4: error: value 'x\\ny.yaml:1:1: error: forged' is wrong\n");
    hv_diag_free(&d);
}

/* Warnings are kept apart from errors, so that `count` still means "the
 * input is bad"; printed together, by position, each with its severity. */
static void test_warnings(void)
{
    hv_diag d;
    hv_diag_init(&d);
    hv_diag_warning(&d, "b.yaml", 2, 5, "flag '%s' is never read", "x\ny");
    CHECK_EQ_INT(d.count, 0);
    CHECK_EQ_INT(d.warning_count, 1);
    CHECK_EQ_INT(d.warnings[0].severity, HV_SEVERITY_WARNING);
    CHECK_STR(d.warnings[0].message, "flag 'x\\ny' is never read");
    hv_diag_error(&d, "b.yaml", 9, 1, "late error");
    hv_diag_error(&d, "a.yaml", 1, 1, "other file");
    hv_diag_warning(&d, "b.yaml", 2, 5, "same place, after");
    CHECK_EQ_INT(d.count, 2);
    CHECK_EQ_INT(d.warning_count, 2);
    CHECK_EQ_INT(d.entries[0].severity, HV_SEVERITY_ERROR);
    char buf[600] = "";
    FILE *f = fmemopen(buf, sizeof buf, "w");
    hv_diag_print(&d, f);
    fclose(f);
    CHECK_STR(buf, "a.yaml:1:1: error: other file\n"
                   "b.yaml:2:5: warning: flag 'x\\ny' is never read\n"
                   "b.yaml:2:5: warning: same place, after\n"
                   "b.yaml:9:1: error: late error\n");
    hv_diag_free(&d);
    CHECK_EQ_INT(d.count + d.warning_count, 0);
}

int main(void)
{
    test_control_bytes();
    test_long_values();
    test_whole_line_capped();
    test_stored_and_printed();
    test_warnings();
    return hv_test_done("test_diag");
}
