#define _POSIX_C_SOURCE 200809L /* getline */
/* The merge command: reads the parts, checks that they fit (the same
 * level, bot and options; seeds that follow each other), and prints what
 * one run over all their seeds prints. JSON parts are read with the same
 * reader as levels; CSV parts are read twice, once to check every row and
 * once to copy them, so that nothing is printed from parts that do not fit. */
#include "hv_merge.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hv_args.h"
#include "hv_batch.h"
#include "hv_cli.h"
#include "hv_file.h"

/* A part of a million-seed batch holds a count per final stock value; an
 * audit's sums are a few hundred configs. */
#define PART_MAX_BYTES (256u * 1024u * 1024u)
#define PART_MAX_NODES 20000000u

static const char wrong_part[] =
    "not a part of a sweep: merge takes what batch --json, batch --csv or audit --json print";

const hv_ynode *hv_merge_get(hv_diag *diag, const char *file, const hv_ynode *map, const char *key,
                             hv_ynode_kind kind)
{
    const hv_ynode *n = hv_ynode_get(map, key);
    if (!n)
        hv_diag_error(diag, file, map ? map->line : 1, map ? map->col : 1,
                      "%s: missing (the part %s)", key, wrong_part);
    else if (n->kind != kind)
        hv_diag_error(diag, file, n->line, n->col, "%s: should be %s, not %s", key,
                      hv_ynode_kind_name(kind), hv_ynode_kind_name(n->kind));
    else
        return n;
    return NULL;
}

int hv_merge_int_node(hv_diag *diag, const char *file, const hv_ynode *n, const char *what,
                      int64_t min, int64_t max, int64_t *out)
{
    if (!n)
        return -1;
    char *end = NULL;
    errno = 0;
    long long v = n->kind == HV_YNODE_SCALAR && !n->quoted ? strtoll(n->str, &end, 10) : 0;
    if (n->kind != HV_YNODE_SCALAR || n->quoted || !end || end == n->str || *end || errno ||
        v < min || v > max) {
        hv_diag_error(diag, file, n->line, n->col, "%s: should be a whole number from %lld to %lld",
                      what, (long long)min, (long long)max);
        return -1;
    }
    *out = v;
    return 0;
}

int hv_merge_int(hv_diag *diag, const char *file, const hv_ynode *map, const char *key, int64_t min,
                 int64_t max, int64_t *out)
{
    return hv_merge_int_node(diag, file, hv_merge_get(diag, file, map, key, HV_YNODE_SCALAR), key,
                             min, max, out);
}

int hv_merge_str(hv_diag *diag, const char *file, const hv_ynode *map, const char *key, char *buf,
                 size_t cap)
{
    const hv_ynode *n = hv_merge_get(diag, file, map, key, HV_YNODE_SCALAR);
    if (!n)
        return -1;
    if (!n->quoted || n->len >= cap) {
        hv_diag_error(diag, file, n->line, n->col, "%s: should be a string of at most %zu bytes",
                      key, cap - 1);
        return -1;
    }
    memcpy(buf, n->str, n->len + 1);
    return 0;
}

/* When HERE (part PATH's KEY, at LINE:COL) is not THERE (the first part's),
 * an error that they cannot be merged. */
static int differ(hv_diag *diag, const char *path, int line, int col, const char *key,
                  const char *here, const char *there, const char *first)
{
    if (strcmp(here, there) == 0)
        return 0;
    hv_diag_error(diag, path, line, col,
                  "%s: '%s' here, '%s' in %s: the parts of a sweep play the same level, bot "
                  "and options",
                  key, here, there, first);
    return -1;
}

int hv_merge_same(hv_diag *diag, const hv_part *p, const char *key, const char *value,
                  const hv_part *first)
{
    char here[256];
    if (p == first || hv_merge_str(diag, p->path, p->doc.root, key, here, sizeof here) != 0)
        return 0;
    const hv_ynode *n = hv_ynode_get(p->doc.root, key);
    return differ(diag, p->path, n->line, n->col, key, here, value, first->path);
}

/* What HEAD says was played, other than its seeds, against FIRST's. */
static int same_play(hv_diag *diag, const hv_batch_sums *head, const hv_batch_sums *first,
                     const char *path, const hv_ynode *root, const char *first_path)
{
    char here[32], there[32];
    static const char *const keys[] = {"level", "level_digest", "bot", "max_turns",
                                       "orders_digest"};
    const char *values[][2] = {
        {head->level, first->level},
        {head->digest, first->digest},
        {head->bot, first->bot},
        {here, there},
        {head->orders[0] ? head->orders : "none", first->orders[0] ? first->orders : "none"}};
    snprintf(here, sizeof here, "%lld", (long long)head->max_turns);
    snprintf(there, sizeof there, "%lld", (long long)first->max_turns);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        const hv_ynode *n = root ? hv_ynode_get(root, keys[k]) : NULL;
        if (differ(diag, path, n ? n->line : 1, n ? n->col : 1, keys[k], values[k][0], values[k][1],
                   first_path) != 0)
            return -1;
    }
    return 0;
}

/* ---- seeds ---------------------------------------------------------------- */

static int cmp_parts(const void *a, const void *b)
{
    const hv_part *x = a, *y = b;
    return (x->first > y->first) - (x->first < y->first);
}

/* "A..B" or a "seeds" map into FIRST and LAST. */
static int parse_u64(const char *s, const char **end, uint64_t *out)
{
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    char *e;
    unsigned long long v = strtoull(s, &e, 10);
    *end = e;
    *out = v;
    return errno ? -1 : 0;
}

static int json_seeds(hv_diag *diag, hv_part *p)
{
    const hv_ynode *s = hv_merge_get(diag, p->path, p->doc.root, "seeds", HV_YNODE_MAP);
    const hv_ynode *first = s ? hv_merge_get(diag, p->path, s, "first", HV_YNODE_SCALAR) : NULL;
    const hv_ynode *last = s ? hv_merge_get(diag, p->path, s, "last", HV_YNODE_SCALAR) : NULL;
    const char *end = NULL;
    if (!first || !last)
        return -1;
    if (first->quoted || parse_u64(first->str, &end, &p->first) != 0 || *end || last->quoted ||
        parse_u64(last->str, &end, &p->last) != 0 || *end || p->last < p->first) {
        hv_diag_error(diag, p->path, s->line, s->col,
                      "seeds: first and last should be whole numbers, first <= last");
        return -1;
    }
    return 0;
}

/* Whether the seeds FIRST..LAST of part PATH begin where those of PREV
 * (PREV_FIRST..PREV_LAST) end: 0, or -1 with an error. */
static int seeds_follow(hv_diag *diag, const char *path, uint64_t first, uint64_t last,
                        const char *prev, uint64_t prev_first, uint64_t prev_last)
{
    if (first <= prev_last)
        hv_diag_error(diag, path, 1, 1,
                      "seeds %llu..%llu overlap those of %s (%llu..%llu): each seed counts once",
                      (unsigned long long)first, (unsigned long long)last, prev,
                      (unsigned long long)prev_first, (unsigned long long)prev_last);
    else if (first != prev_last + 1)
        hv_diag_error(diag, path, 1, 1,
                      "seeds %llu..%llu do not follow those of %s (%llu..%llu): seeds %llu..%llu "
                      "are missing",
                      (unsigned long long)first, (unsigned long long)last, prev,
                      (unsigned long long)prev_first, (unsigned long long)prev_last,
                      (unsigned long long)prev_last + 1, (unsigned long long)first - 1);
    else
        return 0;
    return -1;
}

/* Sorts PARTS by their first seed and checks that each begins where the
 * one before ends. */
static int check_seeds(hv_part *parts, int count, hv_diag *diag)
{
    qsort(parts, (size_t)count, sizeof *parts, cmp_parts);
    for (int i = 1; i < count; i++)
        seeds_follow(diag, parts[i].path, parts[i].first, parts[i].last, parts[i - 1].path,
                     parts[i - 1].first, parts[i - 1].last);
    return diag->count ? -1 : 0;
}

/* ---- batch --json ----------------------------------------------------------- */

#define COUNT_MAX INT64_C(1000000000000000) /* far beyond any sweep, far below overflow */

/* A resource's total and its final stocks, ascending, into S. */
static int read_stocks(hv_diag *diag, const char *file, const hv_ynode *m, int res,
                       hv_batch_sums *s)
{
    const hv_ynode *counts = hv_merge_get(diag, file, m, "counts", HV_YNODE_SEQ);
    if (hv_merge_int(diag, file, m, "total", -COUNT_MAX, COUNT_MAX, &s->total[res]) != 0 || !counts)
        return -1;
    s->values[res] = malloc(sizeof *s->values[res] * (counts->count + 1));
    if (!s->values[res])
        return -1;
    int64_t runs = 0;
    for (size_t i = 0; i < counts->count; i++) {
        const hv_ynode *pair = counts->items[i];
        hv_batch_value *v = &s->values[res][i];
        if (pair->kind != HV_YNODE_SEQ || pair->count != 2 ||
            hv_merge_int_node(diag, file, pair->items[0], "counts: value", -COUNT_MAX, COUNT_MAX,
                              &v->value) != 0 ||
            hv_merge_int_node(diag, file, pair->items[1], "counts: count", 1, COUNT_MAX,
                              &v->count) != 0 ||
            (i > 0 && v->value <= v[-1].value)) {
            hv_diag_error(diag, file, pair->line, pair->col,
                          "counts: should be [value, count] pairs, values ascending");
            return -1;
        }
        runs += v->count;
        s->value_count[res]++;
    }
    if (runs != s->runs) {
        hv_diag_error(diag, file, counts->line, counts->col,
                      "counts: %lld games, but the part has %lld", (long long)runs,
                      (long long)s->runs);
        return -1;
    }
    return 0;
}

static int read_batch(hv_diag *diag, hv_part *p, hv_batch_sums *s)
{
    const char *f = p->path;
    const hv_ynode *root = p->doc.root, *n;
    size_t errors = diag->count;
    memset(s, 0, sizeof *s);
    s->first = p->first;
    s->last = p->last;
    hv_merge_str(diag, f, root, "level", s->level, sizeof s->level);
    hv_merge_str(diag, f, root, "level_digest", s->digest, sizeof s->digest);
    hv_merge_str(diag, f, root, "bot", s->bot, sizeof s->bot);
    hv_merge_int(diag, f, root, "max_turns", 1, COUNT_MAX, &s->max_turns);
    if ((n = hv_ynode_get(root, "orders_digest")) && n->kind == HV_YNODE_SCALAR && !n->quoted &&
        strcmp(n->str, "null") == 0)
        s->orders[0] = '\0';
    else
        hv_merge_str(diag, f, root, "orders_digest", s->orders, sizeof s->orders);
    hv_merge_int(diag, f, root, "runs", 1, COUNT_MAX, &s->runs);
    hv_merge_int(diag, f, root, "jobs", 1, COUNT_MAX, &s->jobs);
    hv_merge_int(diag, f, root, "wins", 0, COUNT_MAX, &s->wins);
    hv_merge_int(diag, f, root, "losses", 0, COUNT_MAX, &s->losses);
    hv_merge_int(diag, f, root, "unfinished", 0, COUNT_MAX, &s->unfinished);
    hv_merge_int(diag, f, root, "win_turns", 0, COUNT_MAX, &s->win_turns);
    hv_merge_int(diag, f, root, "loss_turns", 0, COUNT_MAX, &s->loss_turns);
    hv_merge_int(diag, f, root, "turns", 0, COUNT_MAX, &s->turns);
    if ((n = hv_merge_get(diag, f, root, "seconds", HV_YNODE_SCALAR)) != NULL)
        s->seconds = strtod(n->str, NULL);
    if (diag->count > errors)
        return -1;
    if ((uint64_t)s->runs != p->last - p->first + 1 ||
        s->wins + s->losses + s->unfinished != s->runs) {
        n = hv_ynode_get(root, "runs");
        hv_diag_error(diag, f, n->line, n->col,
                      "runs: %lld, but seeds %llu..%llu, and %lld won, lost or unfinished",
                      (long long)s->runs, (unsigned long long)p->first, (unsigned long long)p->last,
                      (long long)(s->wins + s->losses + s->unfinished));
        return -1;
    }
    const hv_ynode *causes = hv_merge_get(diag, f, root, "losses_by_cause", HV_YNODE_MAP);
    for (size_t i = 0; causes && i < causes->count; i++) {
        int64_t count;
        if (hv_merge_int_node(diag, f, causes->items[2 * i + 1], causes->items[2 * i]->str, 1,
                              COUNT_MAX, &count) != 0)
            return -1;
        if (hv_batch_add_cause(s, causes->items[2 * i]->str, count) != 0) {
            hv_diag_error(diag, f, causes->line, causes->col, "losses_by_cause: too many causes");
            return -1;
        }
    }
    const hv_ynode *stocks = hv_merge_get(diag, f, root, "final_resources", HV_YNODE_MAP);
    for (int res = 0; stocks && res < HV_RES_COUNT; res++) {
        const char *id = hv_resource_id((hv_resource)res);
        const hv_ynode *m = hv_merge_get(diag, f, stocks, id, HV_YNODE_MAP);
        if (!m || read_stocks(diag, f, m, res, s) != 0)
            return -1;
    }
    return causes && stocks ? 0 : -1;
}

static int merge_batch(hv_part *parts, int count, hv_diag *diag)
{
    hv_batch_sums all, part;
    int rc = read_batch(diag, &parts[0], &all);
    for (int i = 1; rc == 0 && i < count; i++) {
        hv_part *p = &parts[i];
        rc = read_batch(diag, p, &part);
        if (rc == 0)
            rc = same_play(diag, &part, &all, p->path, p->doc.root, parts[0].path);
        if (rc == 0 && hv_batch_sums_add(&all, &part) != 0) {
            fprintf(stderr, "happyvalley: out of memory\n");
            hv_batch_sums_free(&part);
            hv_batch_sums_free(&all);
            return HV_EXIT_FAILURE;
        }
        hv_batch_sums_free(&part);
    }
    if (rc == 0)
        hv_batch_print_json(stdout, &all);
    hv_batch_sums_free(&all);
    return rc == 0 ? HV_EXIT_OK : HV_EXIT_BAD_INPUT;
}

/* ---- batch --csv ------------------------------------------------------------ */

typedef struct csv_part {
    const char *path;
    hv_batch_sums head; /* what the first line says: no figures */
    char *columns;      /* the second line */
} csv_part;

/* The first line of a CSV part into P->head; 0, or -1 with an error. */
static int csv_head(hv_diag *diag, csv_part *p, char *line)
{
    static const char magic[] = "# happyvalley batch ";
    memset(&p->head, 0, sizeof p->head);
    line[strcspn(line, "\r\n")] = '\0';
    int seen = 0;
    if (strncmp(line, magic, sizeof magic - 1) == 0)
        for (char *save = NULL, *tok = strtok_r(line + sizeof magic - 1, " ", &save); tok;
             tok = strtok_r(NULL, " ", &save)) {
            char *v = strchr(tok, '=');
            const char *end = NULL;
            if (!v)
                break;
            *v++ = '\0';
            hv_batch_sums *h = &p->head;
            int good = 0, bit = 0;
            if (strcmp(tok, "level") == 0)
                good = snprintf(h->level, sizeof h->level, "%s", v) < (int)sizeof h->level;
            else if (++bit, strcmp(tok, "level_digest") == 0)
                good = strlen(v) == 16 && snprintf(h->digest, sizeof h->digest, "%s", v) > 0;
            else if (++bit, strcmp(tok, "bot") == 0)
                good = snprintf(h->bot, sizeof h->bot, "%s", v) < (int)sizeof h->bot;
            else if (++bit, strcmp(tok, "max_turns") == 0)
                good = parse_u64(v, &end, (uint64_t *)&h->max_turns) == 0 && !*end;
            else if (++bit, strcmp(tok, "orders_digest") == 0)
                good = strcmp(v, "none") == 0 ||
                       (strlen(v) == 16 && snprintf(h->orders, sizeof h->orders, "%s", v) > 0);
            else if (++bit, strcmp(tok, "seeds") == 0)
                good = parse_u64(v, &end, &h->first) == 0 && strncmp(end, "..", 2) == 0 &&
                       parse_u64(end + 2, &end, &h->last) == 0 && !*end && h->first <= h->last;
            seen |= good << bit;
        }
    if (seen != 0x3f) {
        hv_diag_error(diag, p->path, 1, 1,
                      "%s (its first line names the level, bot, options and seeds)", wrong_part);
        return -1;
    }
    return 0;
}

/* Checks every row of P (after its two head lines) against its seeds;
 * with OUT, copies them there instead. */
static int csv_rows(hv_diag *diag, const csv_part *p, FILE *out)
{
    FILE *f = hv_file_open_read(p->path);
    char *line = NULL;
    size_t cap = 0;
    uint64_t want = p->head.first;
    long number = 0;
    int rc = f ? 0 : -1;
    while (f && getline(&line, &cap, f) >= 0) {
        if (++number <= 2)
            continue;
        const char *end = NULL;
        uint64_t seed;
        if (out) {
            fputs(line, out);
        } else if (want > p->head.last || parse_u64(line, &end, &seed) != 0 || *end != ',' ||
                   seed != want) {
            hv_diag_error(diag, p->path, (int)number, 1, "this row should be of seed %llu%s",
                          (unsigned long long)want,
                          want > p->head.last ? ", past the part's last" : "");
            rc = -1;
            break;
        }
        want++;
    }
    if (rc == 0 && !out && want != p->head.last + 1) {
        hv_diag_error(diag, p->path, (int)number, 1, "rows end at seed %llu, not %llu",
                      (unsigned long long)want - 1, (unsigned long long)p->head.last);
        rc = -1;
    }
    if (!f)
        hv_diag_error(diag, p->path, 0, 0, "cannot be read: %s", hv_file_strerror(errno));
    free(line);
    if (f)
        fclose(f);
    return rc;
}

static int cmp_csv(const void *a, const void *b)
{
    const csv_part *x = a, *y = b;
    return (x->head.first > y->head.first) - (x->head.first < y->head.first);
}

static int merge_csv(const char **paths, int count, hv_diag *diag)
{
    csv_part *parts = calloc((size_t)count, sizeof *parts);
    int rc = parts ? 0 : -1;
    for (int i = 0; rc == 0 && i < count; i++) {
        csv_part *p = &parts[i];
        p->path = paths[i];
        FILE *f = hv_file_open_read(p->path);
        char *line = NULL;
        size_t cap = 0, columns_cap = 0;
        if (!f || getline(&line, &cap, f) < 0 || csv_head(diag, p, line) != 0 ||
            getline(&p->columns, &columns_cap, f) < 0) {
            if (!diag->count)
                hv_diag_error(diag, p->path, 1, 1, "%s", wrong_part);
            rc = -1;
        }
        free(line);
        if (f)
            fclose(f);
    }
    if (rc == 0)
        qsort(parts, (size_t)count, sizeof *parts, cmp_csv);
    for (int i = 0; rc == 0 && i < count; i++) {
        const csv_part *a = &parts[0], *p = &parts[i];
        if (same_play(diag, &p->head, &a->head, p->path, NULL, a->path) != 0) {
            rc = -1;
        } else if (strcmp(p->columns, a->columns) != 0) {
            hv_diag_error(diag, p->path, 2, 1, "other columns than %s's", a->path);
            rc = -1;
        } else if (i > 0) {
            const csv_part *prev = &parts[i - 1];
            rc = seeds_follow(diag, p->path, p->head.first, p->head.last, prev->path,
                              prev->head.first, prev->head.last);
        }
    }
    for (int i = 0; rc == 0 && i < count; i++)
        rc = csv_rows(diag, &parts[i], NULL);
    if (rc == 0) {
        hv_batch_sums h = parts[0].head;
        h.last = parts[count - 1].head.last;
        hv_batch_print_csv_head(stdout, &h);
        fputs(parts[0].columns, stdout);
        for (int i = 0; i < count; i++)
            csv_rows(diag, &parts[i], stdout);
    }
    for (int i = 0; parts && i < count; i++)
        free(parts[i].columns);
    if (!parts)
        fprintf(stderr, "happyvalley: out of memory\n");
    free(parts);
    return !parts ? HV_EXIT_FAILURE : rc == 0 ? HV_EXIT_OK : HV_EXIT_BAD_INPUT;
}

/* ---- the command -------------------------------------------------------------- */

/* The first byte of PATH: '{' for JSON, '#' for CSV; 0 when unreadable (with an error). */
static int first_byte(hv_diag *diag, const char *path)
{
    FILE *f = hv_file_open_read(path);
    if (!f) {
        hv_diag_error(diag, path, 0, 0, "cannot be read: %s", hv_file_strerror(errno));
        return 0;
    }
    int c = getc(f);
    fclose(f);
    if (c != '{' && c != '#') {
        hv_diag_error(diag, path, 1, 1, "%s", wrong_part);
        return 0;
    }
    return c;
}

static int merge_json(const char **paths, int count, hv_diag *diag)
{
    hv_part *parts = calloc((size_t)count, sizeof *parts);
    if (!parts) {
        fprintf(stderr, "happyvalley: out of memory\n");
        return HV_EXIT_FAILURE;
    }
    hv_ylimits limits = hv_ylimits_default();
    limits.max_bytes = PART_MAX_BYTES;
    limits.max_nodes = PART_MAX_NODES;
    char kind[16] = "", first_kind[16] = "";
    for (int i = 0; i < count; i++) {
        hv_part *p = &parts[i];
        p->path = paths[i];
        size_t errors = diag->count;
        if (hv_ydoc_load_file(&p->doc, p->path, &limits, diag) != 0 || !p->doc.root ||
            p->doc.root->kind != HV_YNODE_MAP) {
            if (diag->count == errors)
                hv_diag_error(diag, p->path, 1, 1, "%s", wrong_part);
            continue;
        }
        if (hv_merge_str(diag, p->path, p->doc.root, "kind", kind, sizeof kind) != 0)
            continue;
        if (strcmp(kind, "batch") != 0 && strcmp(kind, "audit") != 0)
            hv_diag_error(diag, p->path, 1, 1, "kind '%s' %s", kind, wrong_part);
        else if (first_kind[0] && strcmp(kind, first_kind) != 0)
            hv_diag_error(diag, p->path, 1, 1, "%s part, but %s is %s part",
                          kind[0] == 'a' ? "an audit" : "a batch", parts[0].path,
                          first_kind[0] == 'a' ? "an audit" : "a batch");
        else
            json_seeds(diag, p);
        if (!first_kind[0])
            snprintf(first_kind, sizeof first_kind, "%s", kind);
    }
    int rc = HV_EXIT_BAD_INPUT;
    if (!diag->count && check_seeds(parts, count, diag) == 0)
        rc = strcmp(first_kind, "audit") == 0 ? hv_merge_audit(parts, count, diag)
                                              : merge_batch(parts, count, diag);
    for (int i = 0; i < count; i++)
        hv_ydoc_free(&parts[i].doc);
    free(parts);
    return rc;
}

int hv_cmd_merge(int argc, char **argv)
{
    hv_args p;
    hv_args_init(&p, "merge", NULL, argc, argv);
    const char **paths = malloc(sizeof *paths * (size_t)argc);
    int count = 0, rc = HV_EXIT_OK;
    if (!paths) {
        fprintf(stderr, "happyvalley: out of memory\n");
        return HV_EXIT_FAILURE;
    }
    for (int code; (code = hv_args_next(&p)) != HV_ARGS_DONE;) {
        if (code == HV_ARGS_EXIT) {
            free(paths);
            return p.rc;
        }
        paths[count++] = p.arg;
    }
    if (rc == HV_EXIT_OK && count == 0)
        rc = hv_args_error(&p, "needs the PART files to merge");
    hv_diag diag;
    hv_diag_init(&diag);
    int csv = 0, json = 0;
    for (int i = 0; rc == HV_EXIT_OK && i < count; i++) {
        int c = first_byte(&diag, paths[i]);
        csv += c == '#';
        json += c == '{';
    }
    if (rc == HV_EXIT_OK && !diag.count && csv && json)
        hv_diag_error(&diag, paths[0], 1, 1,
                      "CSV and JSON parts together: merge the CSV parts and the JSON parts apart");
    if (rc == HV_EXIT_OK)
        rc = diag.count ? HV_EXIT_BAD_INPUT
             : csv      ? merge_csv(paths, count, &diag)
                        : merge_json(paths, count, &diag);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    free(paths);
    return rc;
}
