#include "hv_args.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hv_bot.h"
#include "hv_cli.h"

enum { HELP = 'h' };

void hv_args_init(hv_args *p, const char *cmd, const struct option *table, int argc, char **argv)
{
    memset(p, 0, sizeof *p);
    p->cmd = cmd;
    p->argc = argc;
    p->argv = argv;
    int n = 0;
    while (table && table[n].name && n < HV_ARGS_MAX_OPTIONS) {
        p->table[n] = table[n];
        n++;
    }
    p->table[n++] = (struct option){"help", no_argument, NULL, HELP};
    p->table[n] = (struct option){NULL, 0, NULL, 0};
    /* 0, not 1: glibc and musl then start afresh, forgetting a scan
     * left half done by an earlier parse. */
    optind = 0;
    opterr = 0;
}

int hv_args_error(const hv_args *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "happyvalley: ");
    if (p->cmd)
        fprintf(stderr, "%s: ", p->cmd);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'happyvalley%s%s --help'.\n", p->cmd ? " " : "", p->cmd ? p->cmd : "");
    return HV_EXIT_BAD_INPUT;
}

static int fail(hv_args *p, int rc)
{
    p->rc = rc;
    return HV_ARGS_EXIT;
}

/* The long options that begin with the LEN bytes of WORD, as " --a, --b". */
static int candidates(const hv_args *p, const char *word, size_t len, char *out, size_t cap)
{
    int n = 0;
    size_t used = 0;
    out[0] = '\0';
    for (const struct option *o = p->table; o->name; o++) {
        if (strncmp(o->name, word, len) != 0)
            continue;
        int w = snprintf(out + used, cap - used, "%s--%s", n ? ", " : "", o->name);
        if (w > 0 && (size_t)w < cap - used)
            used += (size_t)w;
        n++;
    }
    return n;
}

/* Why getopt_long refused the element it just read. */
static int refused(hv_args *p, int code)
{
    const char *elem = optind > 0 && optind <= p->argc ? p->argv[optind - 1] : "";
    if (code == ':') {
        for (const struct option *o = p->table; o->name; o++)
            if (o->val == optopt)
                return fail(p, hv_args_error(p, "option '--%s' needs a value", o->name));
        return fail(p, hv_args_error(p, "option '-%c' needs a value", optopt));
    }
    if (strncmp(elem, "--", 2) != 0 || !elem[2])
        return fail(p, hv_args_error(p, "unknown option '-%c'", optopt ? optopt : '?'));
    const char *word = elem + 2;
    size_t len = strcspn(word, "=");
    char names[512];
    if (optopt != 0) /* a known option given a value it does not take */
        return fail(p, hv_args_error(p, "option '%.*s' takes no value", (int)(len + 2), elem));
    if (candidates(p, word, len, names, sizeof names) > 1)
        return fail(
            p, hv_args_error(p, "option '%.*s' is ambiguous: %s", (int)(len + 2), elem, names));
    return fail(p, hv_args_error(p, "unknown option '%.*s'", (int)(len + 2), elem));
}

int hv_args_next(hv_args *p)
{
    if (!p->scanned) {
        int index = -1;
        /* "-": operands come back in place (code 1), whatever
         * POSIXLY_CORRECT says, so a command reads them among its options;
         * ":": a missing value is told apart from an unknown option. */
        int code = getopt_long(p->argc, p->argv, "-:h", p->table, &index);
        if (code != -1) {
            p->arg = optarg;
            p->name = index >= 0 ? p->table[index].name : NULL;
            if (code == '?' || code == ':')
                return refused(p, code);
            if (code == HELP) {
                hv_cli_help(stdout, p->cmd);
                return fail(p, HV_EXIT_OK);
            }
            if (code == 1)
                return HV_ARGS_OPERAND;
            /* An empty value is no file, number or name, and never meant. */
            if (p->table[index].has_arg == required_argument && !*optarg)
                return fail(p, hv_args_error(p, "option '--%s' needs a value", p->name));
            return code;
        }
        p->scanned = 1;
        p->rest = optind; /* the operands after `--` */
    }
    if (p->rest >= p->argc)
        return HV_ARGS_DONE;
    p->arg = p->argv[p->rest++];
    p->name = NULL;
    return HV_ARGS_OPERAND;
}

/* Reads a whole number from S: digits only, no sign, no spaces. */
static int whole(const char *s, const char **end, unsigned long long *out)
{
    if (*s < '0' || *s > '9')
        return 0;
    errno = 0;
    char *e;
    *out = strtoull(s, &e, 10);
    *end = e;
    return errno == 0;
}

int hv_args_number(const hv_args *p, unsigned long long min, unsigned long long max,
                   unsigned long long *out)
{
    const char *end = NULL;
    unsigned long long v;
    if (!whole(p->arg, &end, &v) || *end || v < min || v > max)
        return hv_args_error(p, "--%s needs a whole number from %llu to %llu, got '%s'", p->name,
                             min, max, p->arg);
    *out = v;
    return 0;
}

int hv_args_bot(const hv_args *p, int *out)
{
    int bot = hv_bot_find(p->arg);
    if (bot < 0) {
        char names[160];
        size_t used = 0;
        names[0] = '\0';
        for (int b = 0; b < HV_BOT_COUNT; b++) {
            int w = snprintf(names + used, sizeof names - used, "%s%s",
                             b == 0                  ? ""
                             : b + 1 == HV_BOT_COUNT ? " or "
                                                     : ", ",
                             hv_bot_name((hv_bot_kind)b));
            if (w > 0 && (size_t)w < sizeof names - used)
                used += (size_t)w;
        }
        return hv_args_error(p, "--%s needs %s, got '%s'", p->name, names, p->arg);
    }
    *out = bot;
    return 0;
}

int hv_args_seeds(const hv_args *p, unsigned long long max_count, unsigned long long *first,
                  unsigned long long *last)
{
    const char *end = NULL;
    unsigned long long a = 0, b = 0;
    int ok = whole(p->arg, &end, &a) && end[0] == '.' && end[1] == '.' &&
             whole(end + 2, &end, &b) && !*end;
    if (!ok || b < a)
        return hv_args_error(p,
                             "--%s needs FIRST..LAST, whole numbers with FIRST <= LAST, got '%s'",
                             p->name, p->arg);
    if (b - a >= max_count)
        return hv_args_error(p, "--%s: at most %llu seeds at once, got '%s'", p->name, max_count,
                             p->arg);
    *first = a;
    *last = b;
    return 0;
}

int hv_args_sweep(const hv_args *p, unsigned long long runs, int seeds_given,
                  unsigned long long *first, unsigned long long *last)
{
    if (seeds_given && runs && runs != *last - *first + 1)
        return hv_args_error(p, "--runs %llu and --seeds %llu..%llu (%llu seeds) disagree", runs,
                             *first, *last, *last - *first + 1);
    if (!seeds_given) {
        *first = 1;
        *last = runs;
    }
    return 0;
}
