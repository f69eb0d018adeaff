/* hv_args: the one parser of every command's options (getopt_long from
 * libc), so that all commands read `--opt=value` and `--opt value`, take
 * `--` as the end of the options, accept operands before and after them,
 * answer `--help`/`-h`, and refuse in the same words:
 *   happyvalley: sim: unknown option '--foo'
 *   Try 'happyvalley sim --help'.
 * Each command owns a table of its options (a struct option array whose
 * val codes are HV_ARGS_FIRST or above) and walks the command line with
 * hv_args_next. Option values are checked by the hv_args_* helpers, which
 * print the error and return HV_EXIT_BAD_INPUT, or 0 when the value is good. */
#ifndef HV_ARGS_H
#define HV_ARGS_H

#include <getopt.h>

/* Codes hv_args_next returns besides a table's own val codes. */
enum {
    HV_ARGS_DONE = -1,   /* no more options or operands */
    HV_ARGS_EXIT = -2,   /* help or an error was printed: return p->rc */
    HV_ARGS_OPERAND = 1, /* p->arg is an operand (a file, a level...) */
    HV_ARGS_FIRST = 256  /* a table's val codes start here */
};

#define HV_ARGS_MAX_OPTIONS 32

typedef struct hv_args {
    const char *cmd;  /* "sim"; NULL for the bare command (the window's options) */
    const char *arg;  /* the value of the option just read, or the operand */
    const char *name; /* the long name of the option just read, for messages */
    int rc;           /* after HV_ARGS_EXIT: 0 for --help, else HV_EXIT_BAD_INPUT */
    int argc;
    int scanned, rest; /* getopt is done; the operands after `--` are argv[rest..argc) */
    char **argv;
    struct option table[HV_ARGS_MAX_OPTIONS + 2]; /* the command's, with --help */
} hv_args;

/* Starts parsing ARGV (ARGV[0] is the command's name, or the program's for
 * the bare command CMD NULL) with the options of TABLE, ended by a zeroed
 * entry. Resets getopt's state, so a command line may be parsed again. */
void hv_args_init(hv_args *p, const char *cmd, const struct option *table, int argc, char **argv);
/* The next option's val code (its value in p->arg), HV_ARGS_OPERAND,
 * HV_ARGS_DONE, or HV_ARGS_EXIT once help or an error has been printed. */
int hv_args_next(hv_args *p);
/* Prints "happyvalley: CMD: MESSAGE" and where to find help; returns HV_EXIT_BAD_INPUT. */
int hv_args_error(const hv_args *p, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The option's value as a whole number MIN..MAX into *OUT. */
int hv_args_number(const hv_args *p, unsigned long long min, unsigned long long max,
                   unsigned long long *out);
/* The option's value as a bot's name into *OUT (an hv_bot_kind). */
int hv_args_bot(const hv_args *p, int *out);
/* The option's value as seeds A..B (A <= B, whole numbers) of at most MAX_COUNT seeds. */
int hv_args_seeds(const hv_args *p, unsigned long long max_count, unsigned long long *first,
                  unsigned long long *last);
/* The seeds a sweep plays, from --runs RUNS (seeds 1..RUNS; 0: not given)
 * and --seeds FIRST..LAST (when SEEDS_GIVEN): given both, they must count
 * the same number of seeds. FIRST and LAST hold the answer. */
int hv_args_sweep(const hv_args *p, unsigned long long runs, int seeds_given,
                  unsigned long long *first, unsigned long long *last);

#endif
