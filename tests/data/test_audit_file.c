/* The audit file beside a level: its path, the digest that tells a stale
 * audit, and the summary the picker shows. Every file that is not a good
 * audit is refused with one printable sentence, never a crash or a hang. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hv_audit_file.h"
#include "hv_test.h"

#define FIXTURES HV_TEST_DIR "/data/audit/"

static char dir[] = "/tmp/hv_audit_XXXXXX";

static void path_in(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", dir, name);
}

static void write_text(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK_EQ_INT(fwrite(text, 1, len, f), len);
    CHECK_EQ_INT(fclose(f), 0);
}

/* ERR is one line a player can be shown: no control bytes at all. */
static int printable(const char *err)
{
    for (const unsigned char *p = (const unsigned char *)err; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return 0;
    return 1;
}

/* Loads PATH expecting a refusal; the summary is left zeroed, errno is not
 * ENOENT (the caller would stay silent) and ERR is a printable sentence.
 * Returns ERR. */
static const char *refused(const char *path, char *err, size_t len)
{
    hv_audit_summary s;
    memset(&s, 0x5a, sizeof s);
    errno = 0;
    int rc = hv_audit_file_load(path, &s, err, len);
    int saved = errno;
    CHECK_EQ_INT(rc, -1);
    CHECK(saved != ENOENT && saved != 0);
    CHECK(err[0] != '\0');
    CHECK(printable(err));
    CHECK_EQ_INT(s.runs, 0);
    CHECK_EQ_INT(s.digest, 0);
    CHECK_STR(s.best_bot, "");
    if (rc == 0 || !printable(err))
        fprintf(stderr, "  for %s\n", path);
    return err;
}

/* ERR starts "PATH:LINE:" (any line when LINE is 0) and holds WHAT. */
static void check_at(const char *err, const char *path, int line, const char *what)
{
    char want[1024];
    int at = 0;
    if (line == 0 && sscanf(err + strnlen(err, strlen(path)), ":%d:", &at) == 1 && at > 0)
        line = at;
    snprintf(want, sizeof want, "%s:%d:", path, line);
    CHECK(strncmp(err, want, strlen(want)) == 0);
    CHECK(strstr(err, what) != NULL);
    if (strncmp(err, want, strlen(want)) != 0 || !strstr(err, what))
        fprintf(stderr, "  got: %s\n  expected %s... with '%s'\n", err, want, what);
}

static void test_path(void)
{
    char buf[64];
    CHECK_EQ_INT(hv_audit_file_path("levels/conference.yaml", buf, sizeof buf), 0);
    CHECK_STR(buf, "levels/conference.audit.json");
    CHECK_EQ_INT(hv_audit_file_path("/a/b.c/x.yaml", buf, sizeof buf), 0);
    CHECK_STR(buf, "/a/b.c/x.audit.json");
    CHECK_EQ_INT(hv_audit_file_path("x.yaml", buf, sizeof buf), 0);
    CHECK_STR(buf, "x.audit.json");
    /* Only a level file has an audit. */
    static const char *const bad[] = {"levels/conference.yml",
                                      "levels/conference.yaml.bak",
                                      "levels/conference",
                                      "levels/.yaml",
                                      ".yaml",
                                      "",
                                      "yaml"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        strcpy(buf, "junk");
        CHECK_EQ_INT(hv_audit_file_path(bad[i], buf, sizeof buf), -1);
        CHECK_STR(buf, "");
    }
    CHECK_EQ_INT(hv_audit_file_path(NULL, buf, sizeof buf), -1);
    /* "ab.audit.json" is 13 bytes and its NUL the 14th. */
    CHECK_EQ_INT(hv_audit_file_path("ab.yaml", buf, 14), 0);
    CHECK_STR(buf, "ab.audit.json");
    strcpy(buf, "junk");
    CHECK_EQ_INT(hv_audit_file_path("ab.yaml", buf, 13), -1);
    CHECK_STR(buf, "");
    CHECK_EQ_INT(hv_audit_file_path("ab.yaml", NULL, 0), -1);
}

static void test_digest(void)
{
    char level[256], rules[256], missing[256];
    path_in(level, sizeof level, "level.yaml");
    path_in(rules, sizeof rules, "rules.yaml");
    path_in(missing, sizeof missing, "missing.yaml");
    write_text(level, "a", 1);
    write_text(rules, "b", 1);
    /* FNV-1a 64 of "a" and of "ab", as any other implementation gives. */
    CHECK_EQ_INT(hv_audit_file_digest(level, NULL), 0xaf63dc4c8601ec8cull);
    CHECK_EQ_INT(hv_audit_file_digest(level, rules), 0x089c4407b545986aull);
    CHECK_EQ_INT(hv_audit_file_digest(level, missing), 0xaf63dc4c8601ec8cull);
    CHECK_EQ_INT(hv_audit_file_digest(level, dir), 0xaf63dc4c8601ec8cull);
    CHECK_EQ_INT(hv_audit_file_digest(missing, rules), 0);
    CHECK_EQ_INT(hv_audit_file_digest(NULL, rules), 0);
    CHECK_EQ_INT(hv_audit_file_digest(dir, rules), 0);
    /* An edit to either file is a new version of the level. */
    write_text(rules, "c", 1);
    CHECK(hv_audit_file_digest(level, rules) != 0x089c4407b545986aull);
    /* More than one read's worth: the whole file counts, not a prefix. */
    size_t n = 100000;
    char *big = malloc(n);
    CHECK(big != NULL);
    if (!big)
        return;
    memset(big, 'x', n);
    write_text(level, big, n);
    uint64_t whole = hv_audit_file_digest(level, NULL);
    big[n - 1] = 'y';
    write_text(level, big, n);
    CHECK(hv_audit_file_digest(level, NULL) != whole);
    free(big);
    /* The shipped level and its rules, as the audit writer hashes them. */
    uint64_t alone = hv_audit_file_digest(HV_LEVEL_DIR "/conference.yaml", NULL);
    uint64_t both =
        hv_audit_file_digest(HV_LEVEL_DIR "/conference.yaml", HV_LEVEL_DIR "/rules/base.yaml");
    CHECK(alone != 0 && both != 0 && alone != both);
}

static void test_good(void)
{
    hv_audit_summary s;
    char err[512] = "junk";
    CHECK_EQ_INT(hv_audit_file_load(FIXTURES "good.audit.json", &s, err, sizeof err), 0);
    CHECK_STR(err, "");
    CHECK_STR(s.best_bot, "planner");
    CHECK_EQ_INT(s.best_win_pm, 615);
    CHECK_EQ_INT(s.low_pm, 546);
    CHECK_EQ_INT(s.high_pm, 680);
    CHECK_EQ_INT(s.runs, 200);
    CHECK_EQ_INT(s.findings, 1);
    CHECK_EQ_INT(s.digest, 0x89ab01cd23ef4567ull);

    /* Pretty-printed, keys in another order, and much the picker ignores. */
    CHECK_EQ_INT(hv_audit_file_load(FIXTURES "nested.audit.json", &s, err, sizeof err), 0);
    CHECK_STR(err, "");
    CHECK_STR(s.best_bot, "balanced-v2");
    CHECK_EQ_INT(s.best_win_pm, 616); /* 0.6155: half up, exactly */
    CHECK_EQ_INT(s.low_pm, 1);        /* 0.0005 */
    CHECK_EQ_INT(s.high_pm, 1000);    /* 1 */
    CHECK_EQ_INT(s.runs, 1000);
    CHECK_EQ_INT(s.findings, 3);
    CHECK_EQ_INT(s.digest, 0x0123456789abcdefull);
    /* No room for the message is no reason to fail. */
    CHECK_EQ_INT(hv_audit_file_load(FIXTURES "good.audit.json", &s, NULL, 0), 0);
}

static void test_fixtures_refused(void)
{
    char err[512];
    const char *f = FIXTURES "broken.audit.json";
    check_at(refused(f, err, sizeof err), f, 2, "YAML syntax");
    f = FIXTURES "wrong_kind.audit.json";
    check_at(refused(f, err, sizeof err), f, 1, "kind: 'level' is not 'audit'");
    /* libyaml places the end of a file cut short on its own line. */
    f = FIXTURES "truncated.audit.json";
    check_at(refused(f, err, sizeof err), f, 0, "YAML syntax");
    f = FIXTURES "out_of_range.audit.json";
    check_at(refused(f, err, sizeof err), f, 2, "best_win_rate: '1.5' is out of range (0 to 1)");
    /* Missing: -1 and ENOENT, so the picker can say nothing. */
    hv_audit_summary s;
    errno = 0;
    CHECK_EQ_INT(hv_audit_file_load(FIXTURES "none.audit.json", &s, err, sizeof err), -1);
    CHECK_EQ_INT(errno, ENOENT);
    CHECK(printable(err) && strstr(err, "none.audit.json"));
    /* A short buffer gets a cut sentence, not an overflow. */
    char tiny[8];
    refused(FIXTURES "broken.audit.json", tiny, sizeof tiny);
    CHECK_EQ_INT(strlen(tiny), 7);
}

/* Writes a good audit with KEY's value replaced by VALUE (or the key left
 * out with VALUE NULL) to a temporary file, and loads it. */
static int load_with(const char *key, const char *value, hv_audit_summary *s, char *err, size_t len,
                     char *path, size_t path_len)
{
    static const char *const keys[] = {"format",       "kind",          "level_digest",
                                       "runs",         "best_bot",      "best_win_rate",
                                       "best_win_low", "best_win_high", "findings"};
    static const char *const values[] = {
        "1", "\"audit\"", "\"89ab01cd23ef4567\"", "200", "\"planner\"", "0.5", "0", "1", "[]"};
    char text[2048];
    size_t n = (size_t)snprintf(text, sizeof text, "{\"level\": \"x\"");
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *v = strcmp(keys[i], key) == 0 ? value : values[i];
        if (v)
            n += (size_t)snprintf(text + n, sizeof text - n, ",\n \"%s\": %s", keys[i], v);
    }
    n += (size_t)snprintf(text + n, sizeof text - n, "}\n");
    path_in(path, path_len, "case.audit.json");
    write_text(path, text, n);
    memset(s, 0x5a, sizeof *s);
    return hv_audit_file_load(path, s, err, len);
}

/* The rate RATE (written as the file would hold it) reads as WANT per mille. */
static void check_rate(const char *rate, int32_t want)
{
    hv_audit_summary s;
    char err[512], path[256];
    int rc = load_with("best_win_rate", rate, &s, err, sizeof err, path, sizeof path);
    CHECK_EQ_INT(rc, 0);
    CHECK_EQ_INT(s.best_win_pm, want);
    if (rc != 0 || s.best_win_pm != want)
        fprintf(stderr, "  for best_win_rate %s: %s\n", rate, err);
}

/* KEY set to VALUE is refused with a message holding WHAT. */
static void check_refused(const char *key, const char *value, const char *what)
{
    hv_audit_summary s;
    char err[512], path[256];
    int rc = load_with(key, value, &s, err, sizeof err, path, sizeof path);
    CHECK_EQ_INT(rc, -1);
    CHECK(strstr(err, what) != NULL);
    CHECK(printable(err));
    CHECK(strncmp(err, path, strlen(path)) == 0);
    if (rc != -1 || !strstr(err, what))
        fprintf(stderr, "  for %s = %s: got '%s', expected '%s'\n", key, value ? value : "(none)",
                err, what);
}

static void test_values(void)
{
    check_rate("0.6155", 616);
    check_rate("0.61549999999999999999999", 615);
    check_rate("0.9995", 1000);
    check_rate("1", 1000);
    check_rate("1.000", 1000);
    check_rate("0", 0);
    check_rate("-0.0", 0);
    check_rate(".5", 500);
    check_rate("1.", 1000);
    check_rate("1e-3", 1);
    check_rate("5E-4", 1);
    check_rate("4.9e-4", 0);
    check_rate("0.05e1", 500);
    check_rate("1e-999999999", 0);
    check_rate("0000.25", 250);

    check_refused("best_win_rate", "1.0004", "out of range");
    check_refused("best_win_rate", "-0.1", "out of range");
    check_refused("best_win_rate", "1e400", "out of range");
    check_refused("best_win_rate", "12345678901234567890", "out of range");
    check_refused("best_win_rate", "\"0.5\"", "got quoted text");
    check_refused("best_win_rate", "abc", "expected a number from 0 to 1");
    check_refused("best_win_rate", "0.5.5", "expected a number");
    check_refused("best_win_rate", ".nan", "expected a number");
    check_refused("best_win_rate", ".inf", "expected a number");
    check_refused("best_win_rate", "0x1", "expected a number");
    check_refused("best_win_rate", "1e", "expected a number");
    check_refused("best_win_rate", "null", "expected a number");
    check_refused("best_win_rate", "[0.5]", "expected a number");
    check_refused("best_win_rate", NULL, "missing required key 'best_win_rate'");
    check_refused("best_win_low", "0.7", "does not hold best_win_rate");
    check_refused("best_win_high", "0.4", "does not hold best_win_rate");
    check_refused("runs", "0", "runs: 0 is out of range");
    check_refused("runs", "1.5", "runs: expected a whole number");
    check_refused("runs", "\"200\"", "runs: expected a whole number");
    check_refused("runs", NULL, "missing required key 'runs'");
    check_refused("best_bot", "\"plan\\u0001ner\"", "control characters");
    check_refused("best_bot", "\"line\\nbreak\"", "control characters");
    check_refused("best_bot", "\"\"", "1 to 31 bytes, got 0");
    check_refused("best_bot", "\"abcdefghijklmnopqrstuvwxyz123456\"", "1 to 31 bytes, got 32");
    check_refused("best_bot", "null", "got null");
    check_refused("best_bot", "{\"name\": \"planner\"}", "best_bot: expected a value");
    check_refused("level_digest", "\"89AB01CD23EF4567\"", "16 lowercase hex digits");
    check_refused("level_digest", "\"89ab01cd23ef456\"", "16 lowercase hex digits");
    check_refused("level_digest", "\"89ab01cd23ef456g\"", "16 lowercase hex digits");
    check_refused("level_digest", NULL, "missing required key 'level_digest'");
    check_refused("findings", "{}", "findings: expected a list");
    check_refused("format", "2", "format 2 is not supported");
    check_refused("format", NULL, "missing required key 'format'");
    check_refused("kind", "\"save\"", "'save' is not 'audit'");

    hv_audit_summary s;
    char err[512], path[256];
    /* Longest name that fits, and no findings key at all. */
    CHECK_EQ_INT(load_with("best_bot", "\"abcdefghijklmnopqrstuvwxyz12345\"", &s, err, sizeof err,
                           path, sizeof path),
                 0);
    CHECK_STR(s.best_bot, "abcdefghijklmnopqrstuvwxyz12345");
    CHECK_EQ_INT(load_with("findings", NULL, &s, err, sizeof err, path, sizeof path), 0);
    CHECK_EQ_INT(s.findings, 0);
    CHECK_EQ_INT(s.best_win_pm, 500);
    CHECK_EQ_INT(s.low_pm, 0);
    CHECK_EQ_INT(s.high_pm, 1000);
}

/* A string literal and its length, NUL bytes inside included. */
#define T(s) s, sizeof s - 1

/* Files no writer would make: each refused quickly, with a clean message. */
static void test_hostile(void)
{
    char path[256], err[512];
    path_in(path, sizeof path, "hostile.audit.json");
    static const struct {
        const char *text;
        size_t len;
        const char *what;
    } cases[] = {
        {T(""), "the file is empty"},
        {T("   \n"), "the file is empty"},
        {T("[1, 2]"), "expected a map"},
        {T("\"audit\""), "expected a map"},
        {T("{\"format\":1,\"kind\":\"audit\",\"kind\":\"audit\"}"), "duplicate key 'kind'"},
        {T("{\"format\":1,\"kind\":\"au\0dit\"}"), "NUL"},
        {T("{\"format\":1,\"kind\":\"\xff\xfe\"}"), "UTF-8"},
        {T("{\"format\":1,\"kind\":\"audit\x01\x02\x1b[31m\"}"), "YAML syntax"},
        {T("{\"format\":1,\"kind\":\"audit\",\"runs\":*x}"), "alias"},
        {T("\x1b[2J{"), ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_text(path, cases[i].text, cases[i].len);
        refused(path, err, sizeof err);
        CHECK(strncmp(err, path, strlen(path)) == 0);
        CHECK(strstr(err, cases[i].what) != NULL);
        if (!strstr(err, cases[i].what))
            fprintf(stderr, "  case %zu: got '%s', expected '%s'\n", i, err, cases[i].what);
    }
    /* Nesting far past any limit, and a billion laughs. */
    size_t n = 200000;
    char *deep = malloc(2 * n);
    CHECK(deep != NULL);
    if (deep) {
        memset(deep, '[', n);
        memset(deep + n, ']', n);
        write_text(path, deep, 2 * n);
        CHECK(strstr(refused(path, err, sizeof err), "nesting deeper"));
        free(deep);
    }
    const char *laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                         "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                         "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                         "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                         "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                         "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
    write_text(path, laughs, strlen(laughs));
    CHECK(strstr(refused(path, err, sizeof err), "more than"));
    /* Too large: refused from its size, never read. */
    int fd = open(path, O_WRONLY | O_TRUNC);
    CHECK(fd >= 0 && ftruncate(fd, 64 * 1024 * 1024) == 0);
    if (fd >= 0)
        close(fd);
    CHECK(strstr(refused(path, err, sizeof err), "larger than"));
    /* Not a file: a folder, and a FIFO that would block a plain fopen. */
    CHECK(strstr(refused(dir, err, sizeof err), "not a regular file"));
    char fifo[256];
    path_in(fifo, sizeof fifo, "fifo.audit.json");
    CHECK_EQ_INT(mkfifo(fifo, 0600), 0);
    CHECK(strstr(refused(fifo, err, sizeof err), "not a regular file"));
    CHECK(hv_audit_file_digest(fifo, NULL) == 0);
    unlink(fifo);
    /* A file name with a line break and an escape cannot spill into a
     * terminal or break a line on screen. */
    char odd[256];
    path_in(odd, sizeof odd, "odd\n\x1b[31m.audit.json");
    write_text(odd, "{", 1);
    refused(odd, err, sizeof err);
    CHECK(strstr(err, "odd?") != NULL);
    unlink(odd);
    char none[256];
    path_in(none, sizeof none, "gone\n.audit.json");
    hv_audit_summary s;
    errno = 0;
    CHECK_EQ_INT(hv_audit_file_load(none, &s, err, sizeof err), -1);
    CHECK_EQ_INT(errno, ENOENT);
    CHECK(printable(err));
    unlink(path);
    errno = 0;
    CHECK_EQ_INT(hv_audit_file_load(NULL, &s, err, sizeof err), -1);
    CHECK(errno != ENOENT);
}

/* The label a win rate earns, at each band's edges. */
static void test_difficulty(void)
{
    static const int32_t pm[] = {1000, 850, 849, 700, 699, 550, 549, 400, 399, 0};
    static const int32_t want[] = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
    for (size_t i = 0; i < sizeof pm / sizeof pm[0]; i++)
        CHECK_EQ_INT(hv_audit_difficulty(pm[i]), want[i]);
    CHECK_STR(hv_audit_difficulty_word(1), "Gentle");
    CHECK_STR(hv_audit_difficulty_word(5), "Brutal");
    CHECK_STR(hv_audit_difficulty_word(0), "Unrated");
    CHECK_STR(hv_audit_difficulty_word(6), "Unrated");
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_path();
    test_digest();
    test_good();
    test_fixtures_refused();
    test_values();
    test_hostile();
    test_difficulty();
    char p[256];
    static const char *const made[] = {"level.yaml", "rules.yaml", "case.audit.json"};
    for (size_t i = 0; i < sizeof made / sizeof made[0]; i++) {
        path_in(p, sizeof p, made[i]);
        unlink(p);
    }
    rmdir(dir);
    return hv_test_done("data_audit_file");
}
