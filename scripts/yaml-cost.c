/* What reading a YAML file costs, step by step: libyaml's scanner alone
 * (tokens), its parser alone (events, what the game's reader is built
 * on), its document loader (yaml_parser_load: a node tree with a malloc
 * per node and per string), and the game's own tree (hv_ydoc_load_buffer:
 * events into an arena, with positions, duplicate keys and limits), beside
 * the whole of `validate` (hv_data_validate, the file read from disk). Each is
 * run many times on the file's bytes in memory, in a function of its own
 * so that callgrind can count it (scripts/yaml-cost.sh). Not shipped. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "hv_file.h"
#include "hv_validate.h"
#include "hv_yaml.h"

/* Loads per mean and means per step; --count makes it 10 and 1, for callgrind. */
static int loads = 200, rounds = 5;

static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Counts what each step yields, so that none can be left out. */
static size_t sink;

__attribute__((noinline)) static void cost_tokens(const char *buf, size_t len)
{
    for (int k = 0; k < loads; k++) {
        yaml_parser_t p;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
        for (yaml_token_t t;;) {
            if (!yaml_parser_scan(&p, &t))
                break;
            int end = t.type == YAML_STREAM_END_TOKEN;
            sink++;
            yaml_token_delete(&t);
            if (end)
                break;
        }
        yaml_parser_delete(&p);
    }
}

__attribute__((noinline)) static void cost_events(const char *buf, size_t len)
{
    for (int k = 0; k < loads; k++) {
        yaml_parser_t p;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
        for (yaml_event_t e;;) {
            if (!yaml_parser_parse(&p, &e))
                break;
            int end = e.type == YAML_STREAM_END_EVENT;
            sink++;
            yaml_event_delete(&e);
            if (end)
                break;
        }
        yaml_parser_delete(&p);
    }
}

__attribute__((noinline)) static void cost_document(const char *buf, size_t len)
{
    for (int k = 0; k < loads; k++) {
        yaml_parser_t p;
        yaml_document_t d;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
        if (yaml_parser_load(&p, &d)) {
            sink += (size_t)(d.nodes.top - d.nodes.start);
            yaml_document_delete(&d);
        }
        yaml_parser_delete(&p);
    }
}

__attribute__((noinline)) static void cost_tree(const char *path, const char *buf, size_t len)
{
    hv_ylimits limits = hv_ylimits_default();
    for (int k = 0; k < loads; k++) {
        hv_ydoc doc;
        hv_diag diag;
        hv_diag_init(&diag);
        hv_ydoc_load_buffer(&doc, path, buf, len, &limits, &diag);
        sink += doc.nodes;
        hv_ydoc_free(&doc);
        hv_diag_free(&diag);
    }
}

__attribute__((noinline)) static void cost_read(const char *path)
{
    for (int k = 0; k < loads; k++) {
        size_t len = 0;
        free(hv_file_read_capped(path, 1 << 24, &len));
        sink += len;
    }
}

/* The whole of `validate` on the file: read, tree, level and its checks. */
__attribute__((noinline)) static void cost_validate(const char *path)
{
    for (int k = 0; k < loads; k++) {
        hv_diag diag;
        hv_diag_init(&diag);
        sink += hv_data_validate(path, &diag) == 0;
        hv_diag_free(&diag);
    }
}

enum step { READ, TOKENS, EVENTS, DOCUMENT, TREE, VALIDATE, STEPS };

static void run(enum step step, const char *path, const char *buf, size_t len)
{
    switch (step) {
    case READ:
        cost_read(path);
        break;
    case TOKENS:
        cost_tokens(buf, len);
        break;
    case EVENTS:
        cost_events(buf, len);
        break;
    case DOCUMENT:
        cost_document(buf, len);
        break;
    case TREE:
        cost_tree(path, buf, len);
        break;
    default:
        cost_validate(path);
        break;
    }
}

/* CPU microseconds per load of STEP, the best of its means. */
static double best_us(enum step step, const char *path, const char *buf, size_t len)
{
    double best = 1e9;
    for (int r = 0; r < rounds; r++) {
        double t0 = cpu_seconds();
        run(step, path, buf, len);
        double us = (cpu_seconds() - t0) * 1e6 / loads;
        best = us < best ? us : best;
    }
    return best;
}

int main(int argc, char **argv)
{
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "--count") == 0) {
        loads = 10;
        rounds = 1;
        first = 2;
    }
    if (argc <= first) {
        fprintf(stderr, "usage: yaml-cost [--count] FILE...\n");
        return 2;
    }
    printf("%-20s %7s %6s %7s %7s %8s %7s %8s\n", "file (us per load)", "bytes", "read", "tokens",
           "events", "document", "tree", "validate");
    /* The rules file is parsed once a process: not by the first mean. */
    if (argc > first) {
        hv_diag diag;
        hv_diag_init(&diag);
        hv_data_validate(argv[first], &diag);
        hv_diag_free(&diag);
    }
    for (int i = first; i < argc; i++) {
        size_t len = 0;
        char *buf = hv_file_read_capped(argv[i], 1 << 24, &len);
        if (!buf) {
            fprintf(stderr, "yaml-cost: cannot read %s\n", argv[i]);
            return 1;
        }
        double us[STEPS];
        for (int step = 0; step < STEPS; step++)
            us[step] = best_us((enum step)step, argv[i], buf, len);
        const char *name = strrchr(argv[i], '/');
        printf("%-20s %7zu %6.1f %7.1f %7.1f %8.1f %7.1f %8.1f\n", name ? name + 1 : argv[i], len,
               us[READ], us[TOKENS], us[EVENTS], us[DOCUMENT], us[TREE], us[VALIDATE]);
        free(buf);
    }
    return sink == 0;
}
