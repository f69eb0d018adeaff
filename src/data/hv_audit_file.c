#define _POSIX_C_SOURCE 200809L
#include "hv_audit_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hv_file.h"
#include "hv_level.h"
#include "hv_yaml.h"

/* An audit may carry every bot's games besides the summary, so it is
 * allowed more than a level; still capped, as the picker reads it at once. */
#define AUDIT_MAX_BYTES (8u * 1024u * 1024u)
#define AUDIT_MAX_NODES 1000000u
#define RUNS_MAX 1000000000

static const char suffix[] = ".yaml";
static const char sidecar[] = ".audit.json";

int hv_audit_file_path(const char *level_path, char *buf, size_t len)
{
    size_t n = level_path ? strlen(level_path) : 0, s = sizeof suffix - 1;
    if (!buf || len == 0)
        return -1;
    buf[0] = '\0';
    if (n <= s || strcmp(level_path + n - s, suffix) != 0 || level_path[n - s - 1] == '/')
        return -1;
    int w = snprintf(buf, len, "%.*s%s", (int)(n - s), level_path, sidecar);
    if (w < 0 || (size_t)w >= len) {
        buf[0] = '\0'; /* a path cut short would name some other file */
        return -1;
    }
    return 0;
}

/* Opens PATH for reading only if it is a regular file: a FIFO or a device
 * named like a level must not block or stream forever. -1 with errno. */
static int open_regular(const char *path, struct stat *st)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (fstat(fd, st) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        close(fd);
        errno = EINVAL;
        return -1;
    }
    return fd;
}

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

/* Folds the bytes of PATH into *HASH; 0, or -1 (HASH then half-folded). */
static int hash_file(const char *path, uint64_t *hash)
{
    struct stat st;
    int fd = open_regular(path, &st);
    if (fd < 0)
        return -1;
    unsigned char buf[16384];
    uint64_t h = *hash;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            close(fd);
            return -1;
        }
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++) {
            h ^= buf[i];
            h *= FNV_PRIME;
        }
    }
    close(fd);
    *hash = h;
    return 0;
}

uint64_t hv_audit_file_digest(const char *level_path, const char *rules_path)
{
    uint64_t h = FNV_OFFSET;
    if (!level_path || hash_file(level_path, &h) != 0)
        return 0;
    uint64_t with_rules = h;
    if (rules_path && hash_file(rules_path, &with_rules) == 0)
        h = with_rules;
    return h;
}

/* ---- reading --------------------------------------------------------- */

/* The file into a buffer the caller frees, refusing what is not a regular
 * file or is past the cap before reading it. NULL with ERR and errno. */
static char *read_capped(const char *path, size_t *len, char *err, size_t err_len)
{
    struct stat st;
    int fd = open_regular(path, &st);
    if (fd < 0) {
        int saved = errno;
        if (saved == ENOENT)
            hv_file_error(err, err_len, "%s: there is no audit file", path);
        else if (saved == EINVAL)
            hv_file_error(err, err_len, "%s: not a regular file", path);
        else
            hv_file_error(err, err_len, "%s: cannot open the audit file: %s", path,
                          strerror(saved));
        errno = saved;
        return NULL;
    }
    int saved = 0;
    /* One byte past the size tells a file that grew past the cap since. */
    size_t cap = st.st_size >= 0 && (uint64_t)st.st_size <= AUDIT_MAX_BYTES ? (size_t)st.st_size + 1
                                                                            : 0,
           n = 0;
    char *buf = cap ? malloc(cap + 1) : NULL;
    if (!cap) {
        hv_file_error(err, err_len, "%s: the audit file is larger than %u bytes", path,
                      AUDIT_MAX_BYTES);
        saved = EFBIG;
    } else if (!buf) {
        hv_file_error(err, err_len, "%s: out of memory", path);
        saved = ENOMEM;
    }
    while (buf && n < cap) {
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            saved = errno;
            hv_file_error(err, err_len, "%s: cannot read the audit file: %s", path,
                          strerror(saved));
            free(buf);
            buf = NULL;
        }
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    if (!buf) {
        errno = saved;
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The value at KEY of ROOT, with KEY pushed on the path; a missing key is
 * reported at the top of the file. */
static const hv_ynode *required(hv_ctx *ctx, const hv_ynode *root, const char *key)
{
    const hv_ynode *node = hv_ynode_get(root, key);
    if (!node)
        hv_ctx_error(ctx, root, "missing required key '%s'", key);
    return node;
}

/* A rate written as a number from 0 to 1, as per mille rounded half up.
 * Worked on the decimal digits, so 0.6155 is 616 on every machine and
 * no locale's decimal comma can change a figure. 1 ok, 0 not a number,
 * -1 out of range. */
static int parse_rate(const char *s, int32_t *pm)
{
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    int negative = *s == '-';
    const char *digits = p;
    int int_digits = 0, all_digits = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        int_digits++;
    all_digits = int_digits;
    const char *frac = NULL;
    if (*p == '.') {
        frac = ++p;
        for (; *p >= '0' && *p <= '9'; p++)
            all_digits++;
    }
    if (all_digits == 0)
        return 0;
    long exp = 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        int eneg = *p == '-';
        if (*p == '-' || *p == '+')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return 0;
        for (; *p >= '0' && *p <= '9'; p++)
            if (exp < 100000)
                exp = exp * 10 + (*p - '0');
        exp = eneg ? -exp : exp;
    }
    if (*p != '\0')
        return 0;
    /* Digit I (0-based, the point skipped) weighs 10^(K-1-I) in value*1000.
     * WHOLE, the whole part of value*1000, stops at 1001: past 1000 it is
     * out of range whatever follows, and it must not overflow. */
    long k = int_digits + exp + 3;
    int32_t whole = 0;
    int round_up = 0, rest = 0, nonzero = 0;
    for (int i = 0; i < all_digits; i++) {
        int d = (i < int_digits ? digits[i] : frac[i - int_digits]) - '0';
        nonzero |= d != 0;
        if (i < k && whole <= 1000)
            whole = whole * 10 + d > 1000 ? 1001 : whole * 10 + d;
        else if (i == k)
            round_up = d >= 5;
        if (i >= k)
            rest |= d != 0;
    }
    /* The zeros an exponent adds to the whole part. */
    for (long i = all_digits; i < k && whole > 0 && whole <= 1000; i++)
        whole = whole * 10 > 1000 ? 1001 : whole * 10;
    if (negative && nonzero)
        return -1;
    if (whole > 1000 || (whole == 1000 && rest))
        return -1;
    *pm = whole + round_up;
    return 1;
}

static void read_rate(hv_ctx *ctx, const hv_ynode *root, const char *key, int32_t *out)
{
    size_t old = hv_ctx_push_key(ctx, key);
    const hv_ynode *node = required(ctx, root, key);
    char buf[64];
    if (node) {
        int ok = node->kind == HV_YNODE_SCALAR && !node->quoted ? parse_rate(node->str, out) : 0;
        if (ok == 0)
            hv_ctx_error(ctx, node, "expected a number from 0 to 1, got %s",
                         node->kind == HV_YNODE_SCALAR && node->quoted
                             ? "quoted text"
                             : hv_ynode_shown(node, buf, sizeof buf));
        else if (ok < 0)
            hv_ctx_error(ctx, node, "%s is out of range (0 to 1)",
                         hv_ynode_shown(node, buf, sizeof buf));
    }
    hv_ctx_pop(ctx, old);
}

static void read_digest(hv_ctx *ctx, const hv_ynode *root, uint64_t *out)
{
    size_t old = hv_ctx_push_key(ctx, "level_digest");
    const hv_ynode *node = required(ctx, root, "level_digest");
    char buf[64];
    int ok = node && node->kind == HV_YNODE_SCALAR && node->len == 16;
    uint64_t v = 0;
    for (size_t i = 0; ok && i < 16; i++) {
        char c = node->str[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        ok = d >= 0;
        v = v << 4 | (uint64_t)(d & 15);
    }
    if (ok)
        *out = v;
    else if (node)
        hv_ctx_error(ctx, node,
                     "expected 16 lowercase hex digits like \"0123456789abcdef\", got %s",
                     hv_ynode_shown(node, buf, sizeof buf));
    hv_ctx_pop(ctx, old);
}

static void read_bot(hv_ctx *ctx, const hv_ynode *root, char *out, size_t cap)
{
    size_t old = hv_ctx_push_key(ctx, "best_bot");
    const hv_ynode *node = required(ctx, root, "best_bot");
    char buf[64];
    if (node && hv_expect(ctx, node, HV_YNODE_SCALAR)) {
        int control = 0;
        for (size_t i = 0; i < node->len; i++)
            control |= (unsigned char)node->str[i] < 0x20 || node->str[i] == 0x7f;
        if (!node->quoted && (strcmp(node->str, "null") == 0 || strcmp(node->str, "~") == 0))
            hv_ctx_error(ctx, node, "expected the name of a bot, got null");
        else if (node->len == 0 || node->len >= cap)
            hv_ctx_error(ctx, node, "a bot's name is 1 to %zu bytes, got %zu", cap - 1, node->len);
        else if (control)
            hv_ctx_error(ctx, node, "a bot's name cannot hold control characters, got %s",
                         hv_ynode_shown(node, buf, sizeof buf));
        else
            memcpy(out, node->str, node->len + 1);
    }
    hv_ctx_pop(ctx, old);
}

static void read_summary(hv_ctx *ctx, const hv_ynode *root, hv_audit_summary *out)
{
    if (!root) {
        hv_diag_error(ctx->diag, ctx->file, 1, 1,
                      "the file is empty; an audit file is one JSON object that starts with "
                      "{\"format\": %d, \"kind\": \"audit\"",
                      HV_FORMAT_VERSION);
        return;
    }
    if (!hv_check_format(ctx, root, "audit"))
        return;
    read_digest(ctx, root, &out->digest);
    size_t old = hv_ctx_push_key(ctx, "runs");
    const hv_ynode *node = required(ctx, root, "runs");
    int64_t v = 0;
    if (node && hv_read_int(ctx, node, 1, RUNS_MAX, &v))
        out->runs = (int32_t)v;
    hv_ctx_pop(ctx, old);
    read_bot(ctx, root, out->best_bot, sizeof out->best_bot);
    int before = ctx->errors;
    read_rate(ctx, root, "best_win_rate", &out->best_win_pm);
    read_rate(ctx, root, "best_win_low", &out->low_pm);
    read_rate(ctx, root, "best_win_high", &out->high_pm);
    if (ctx->errors == before &&
        (out->low_pm > out->best_win_pm || out->best_win_pm > out->high_pm))
        hv_ctx_error(ctx, hv_ynode_get(root, "best_win_low"),
                     "best_win_low..best_win_high (%d..%d per mille) does not hold best_win_rate "
                     "(%d per mille)",
                     out->low_pm, out->high_pm, out->best_win_pm);
    /* Older audits may have no findings at all; the list is counted only. */
    node = hv_ynode_get(root, "findings");
    old = hv_ctx_push_key(ctx, "findings");
    if (node && hv_expect(ctx, node, HV_YNODE_SEQ))
        out->findings = node->count > INT32_MAX ? INT32_MAX : (int32_t)node->count;
    hv_ctx_pop(ctx, old);
}

/* The earliest problem as one line; a file name or value may hold any
 * byte, and ERR goes to a terminal or the screen, so control bytes are
 * replaced. */
static void first_error(const hv_diag *diag, const char *path, char *err, size_t err_len)
{
    const hv_diag_entry *best = NULL;
    for (size_t i = 0; i < diag->count; i++) {
        const hv_diag_entry *e = &diag->entries[i];
        if (!best || e->line < best->line || (e->line == best->line && e->col < best->col))
            best = e;
    }
    if (!best)
        hv_file_error(err, err_len, "%s: out of memory", path);
    else if (best->line > 0)
        hv_file_error(err, err_len, "%s:%d:%d: %s", best->file, best->line, best->col,
                      best->message);
    else
        hv_file_error(err, err_len, "%s: %s", best->file, best->message);
}

static void clean(char *s)
{
    for (; s && *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = '?';
}

int hv_audit_file_load(const char *path, hv_audit_summary *out, char *err, size_t err_len)
{
    memset(out, 0, sizeof *out);
    if (err && err_len)
        err[0] = '\0';
    size_t len = 0;
    char *text = path ? read_capped(path, &len, err, err_len) : NULL;
    if (!text) {
        int saved = path ? errno : EINVAL;
        if (!path)
            hv_file_error(err, err_len, "no audit file was given");
        clean(err_len ? err : NULL);
        errno = saved;
        return -1;
    }
    hv_diag diag;
    hv_diag_init(&diag);
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    limits.max_bytes = AUDIT_MAX_BYTES;
    limits.max_nodes = AUDIT_MAX_NODES;
    hv_ctx ctx = {&diag, path, NULL, "", 0, 0, NULL, 0};
    if (hv_ydoc_load_buffer(&doc, path, text, len, &limits, &diag) == 0)
        read_summary(&ctx, doc.root, out);
    hv_ydoc_free(&doc);
    free(text);
    int rc = diag.count ? -1 : 0;
    if (rc != 0) {
        first_error(&diag, path, err, err_len);
        clean(err_len ? err : NULL);
        memset(out, 0, sizeof *out);
    }
    hv_diag_free(&diag);
    if (rc != 0)
        errno = EINVAL;
    return rc;
}

int hv_audit_file_check(const char *path, hv_diag *diag)
{
    size_t before = diag->count;
    hv_audit_summary out;
    memset(&out, 0, sizeof out);
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    limits.max_bytes = AUDIT_MAX_BYTES;
    limits.max_nodes = AUDIT_MAX_NODES;
    hv_ctx ctx = {diag, path, NULL, "", 0, 0, NULL, 0};
    if (hv_ydoc_load_file(&doc, path, &limits, diag) == 0)
        read_summary(&ctx, doc.root, &out);
    hv_ydoc_free(&doc);
    return diag->count == before ? 0 : -1;
}

int32_t hv_audit_difficulty(int32_t best_win_pm)
{
    /* Good play wins a gentle level almost always; the bands follow the 30 to
     * 85% a story level is tuned to, so each label means something there. */
    static const int32_t floor_pm[] = {850, 700, 550, 400};
    for (int32_t d = 0; d < 4; d++)
        if (best_win_pm >= floor_pm[d])
            return d + 1;
    return 5;
}

const char *hv_audit_difficulty_word(int32_t d)
{
    static const char *const words[] = {"Unrated", "Gentle", "Fair", "Demanding", "Hard", "Brutal"};
    return d >= 1 && d <= 5 ? words[d] : words[0];
}
