#include "hv_cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hv_args.h"
#include "hv_bot.h"
#include "hv_json.h"
#include "hv_orders_file.h"
#include "hv_paths.h"
#include "hv_print.h"
#include "hv_reference.h"
#include "hv_validate.h"
#include "hv_yaml.h"
#include "hv_ui.h"

#ifndef HV_VERSION
#define HV_VERSION "0.0.0"
#endif

/* The options of each command, shared by --help and COMMAND --help. */
#define WINDOW_OPTIONS                                                                             \
    "window options:\n"                                                                            \
    "  --screenshot OUT.png   draw the first screen to OUT.png and exit\n"                         \
    "  --ui-script FILE       play the input events in FILE (see docs/ui-script.md)\n"             \
    "  --data-dir DIR         keep saves and settings in DIR (default: the XDG folders)\n"         \
    "  --mods-dir DIR         the mods in DIR (default: mods/ in the data folder, docs/mods.md)\n" \
    "  --size WxH             window size in pixels (default 1280x720 or the settings)\n"          \
    "  --scale PCT            UI scale, 100 to 300 (default from the display's DPI)\n"             \
    "  --frames N             draw N frames, a step of the animation each; print their timing\n"

#define SIM_OPTIONS                                                                                \
    "sim options:\n"                                                                               \
    "  --seed N        random seed, 0 to 18446744073709551615 (default 1)\n"                       \
    "  --turns N       weeks to play, 1 to 1000000 (default 52); stops early if the game ends\n"   \
    "  --orders FILE   orders to queue, week by week (see docs/orders-format.md)\n"                \
    "  --bot NAME      let a bot play after the orders: idle, greedy, balanced,\n"                 \
    "                  random or planner;\n"                                                       \
    "                  without one, an event waiting for a choice gets its first choice\n"         \
    "  --json          print one JSON object instead of text\n"                                    \
    "  --report        print every week's report: each change and its cause\n"                     \
    "  --hashes        print the state hash after every week\n"                                    \
    "  --play-on       keep playing all --turns weeks after the game is won or lost;\n"            \
    "                  the outcome stays the one decided first\n"

#define BATCH_OPTIONS                                                                              \
    "batch options:\n"                                                                             \
    "  --runs N        games to play, with seeds 1..N, up to 10000000\n"                           \
    "  --seeds A..B    play seeds A to B instead, for a part of a sweep (docs/sweeps.md);\n"       \
    "                  one of --runs and --seeds is needed, and both must count the same\n"        \
    "  --bot NAME      idle, greedy, balanced, random or planner (default balanced)\n"             \
    "  --orders FILE   every game plays FILE's orders each week, then the bot's\n"                 \
    "  --jobs N        games played at once, 1 to 256 (default: the number of cores)\n"            \
    "  --turns N       weeks at most per game (default 1000)\n"                                    \
    "  --json          print one JSON object instead of text\n"                                    \
    "  --csv FILE      write one row per game to FILE\n"

#define AUDIT_OPTIONS                                                                              \
    "audit options:\n"                                                                             \
    "  --runs N        seeds 1..N for every configuration, up to 10000 (default 200)\n"            \
    "  --seeds A..B    seeds A to B instead, for a part of a sweep (docs/sweeps.md)\n"             \
    "  --jobs N        games played at once, 1 to 256 (default: the number of cores)\n"            \
    "  --levers BOT    the bot that plays the single levers (default balanced)\n"                  \
    "  --json          print one JSON document instead of tables\n"                                \
    "  --save          also store the JSON beside the level (LEVEL.audit.json)\n"

/* The general --help, in parts: C11 promises string literals of 4095
 * bytes only. */
static const char *const usage_text[] = {
    "Usage:\n"
    "  happyvalley [WINDOW OPTIONS]       open the game window at the main menu\n"
    "  happyvalley play LEVEL [--seed N] [WINDOW OPTIONS]\n"
    "                                     play LEVEL in the window\n"
    "  happyvalley play LEVEL [--seed N] --terminal\n"
    "                                     play LEVEL in the terminal\n"
    "  happyvalley validate [--werror] [--level LEVEL] [--time] FILE...\n"
    "                                     check files of any kind; warn of what can\n"
    "                                     never happen or does nothing (--werror: exit\n"
    "                                     2 on warnings too)\n"
    "  happyvalley sim LEVEL [--seed N] [--turns N] [--orders FILE] [--bot NAME]\n"
    "                        [--json] [--report] [--hashes] [--play-on]\n"
    "                                     run LEVEL headless\n"
    "  happyvalley batch LEVEL --runs N|--seeds A..B [--bot NAME] [--jobs N]\n"
    "                        [--turns N] [--orders FILE] [--json] [--csv FILE]\n"
    "                                     play seeds 1..N (or A..B) and sum up the\n"
    "                                     outcomes\n"
    "  happyvalley audit LEVEL [--runs N|--seeds A..B] [--jobs N] [--levers BOT]\n"
    "                        [--json] [--save]\n"
    "                                     what decides LEVEL: every bot, every single\n"
    "                                     lever, every system switched off (exit 3\n"
    "                                     when there are findings; docs/audit.md)\n"
    "  happyvalley merge PART...          add up the parts of a sweep (batch --json,\n"
    "                                     batch --csv or audit --json over other seeds)\n"
    "                                     into what one run over all of them prints\n"
    "  happyvalley replay SAVE            replay a saved game headless and check its\n"
    "                                     state hash (exit 0 same, 1 differs, 2 bad save)\n"
    "  happyvalley reference [FILE]       the rules of FILE (a rules file, or a level with\n"
    "                                     its overrides; default the game's) as Markdown\n"
    "  happyvalley schema [--kind K]      a JSON Schema of the game's files (or of kind K)\n"
    "                                     for editors (docs/editors.md)\n"
    "  happyvalley COMMAND --help         that command's own usage and options\n"
    "  happyvalley --help | --version\n"
    "\n"
    "An option's value follows it as --opt VALUE or --opt=VALUE, options may come\n"
    "before or after the files, a long option may be shortened while it stays\n"
    "unambiguous, and -- ends the options (for a file named like one).\n",
    "\n" WINDOW_OPTIONS "\n" SIM_OPTIONS "\n" BATCH_OPTIONS "\n" AUDIT_OPTIONS "\n",
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input (usage or invalid file),\n"
    "3 the audit has findings.\n"
    "Errors in files are printed as FILE:LINE:COL: error: MESSAGE (warnings:\n"
    "FILE:LINE:COL: warning: MESSAGE).\n",
    "\n"
    "The game's data (levels, rules, art) is the first folder that holds\n"
    "levels/rules/base.yaml of: --data-path DIR (an option of every command),\n"
    "$HAPPYVALLEY_DATA, ../share/happyvalley beside the executable, the source\n"
    "tree of a build, the install prefix, and each of $XDG_DATA_DIRS followed by\n"
    "/happyvalley. `happyvalley --version` says which.\n"};

/* `happyvalley COMMAND --help`: what the command does and its options. */
static const struct {
    const char *cmd, *text;
} command_help[] = {
    {"play", "Usage: happyvalley play LEVEL [--seed N] [WINDOW OPTIONS]\n"
             "       happyvalley play LEVEL [--seed N] --terminal\n"
             "Play LEVEL in the window, or in the terminal with --terminal.\n\n" WINDOW_OPTIONS},
    {"validate", "Usage: happyvalley validate [--werror] [--level LEVEL] [--time] FILE...\n"
                 "Check files of every kind the game reads (level, rules, campaign, mod,\n"
                 "orders, save, campaign_progress, audit, settings, sounds), as their\n"
                 "`kind` says: every problem as FILE:LINE:COL: error: MESSAGE (exit 2 when\n"
                 "there is one), and for levels, rules and campaigns the warnings\n"
                 "FILE:LINE:COL: warning: MESSAGE about what can never happen or does\n"
                 "nothing (docs/level-format.md).\n"
                 "  --werror        warnings count as errors: exit 2 when there is one\n"
                 "  --level LEVEL   check the ids of orders files against LEVEL's rules\n"
                 "  --time          also print the mean time to load each file\n"},
    {"sim", "Usage: happyvalley sim LEVEL [OPTIONS]\nRun LEVEL headless.\n\n" SIM_OPTIONS},
    {"batch", "Usage: happyvalley batch LEVEL --runs N [OPTIONS]\n"
              "       happyvalley batch LEVEL --seeds A..B [OPTIONS]\n"
              "Play seeds 1..N (or A..B) and sum up the outcomes.\n\n" BATCH_OPTIONS},
    {"audit", "Usage: happyvalley audit LEVEL [OPTIONS]\n"
              "What decides LEVEL: every bot, every single lever, every system switched off\n"
              "(exit 3 when there are findings; docs/audit.md).\n\n" AUDIT_OPTIONS},
    {"replay", "Usage: happyvalley replay SAVE\n"
               "Replay a saved game headless and check its state hash\n"
               "(exit 0 the same, 1 it differs, 2 a bad save).\n"},
    {"merge", "Usage: happyvalley merge PART...\n"
              "Add up the parts of a sweep, made on one machine or many with --seeds A..B,\n"
              "into exactly what one run over all their seeds prints (the seconds are the\n"
              "parts' added up): the JSON of batch --json or audit --json, or the CSV of\n"
              "batch --csv, on stdout. The parts may come in any order; they must have\n"
              "played the same level, bot and options, and their seeds must follow each\n"
              "other without a gap or an overlap. Merging audits reads the level again,\n"
              "from the path the parts name, and exits 3 when the audit has findings, as\n"
              "audit does. See docs/sweeps.md.\n"},
    {"reference", "Usage: happyvalley reference [FILE]\n"
                  "Write the rules of FILE (a rules file, or a level with its overrides; the\n"
                  "game's own when none is given) as a Markdown page.\n"},
    {"schema", "Usage: happyvalley schema [--kind K]\n"
               "Write a JSON Schema (draft-07) of the game's files, made from the loader's own\n"
               "keys, for editors that check YAML as it is typed (docs/editors.md).\n"
               "  --kind K        only files of kind K: level, rules, orders, save, campaign,\n"
               "                  campaign_progress, mod, settings or sounds (default: every\n"
               "                  kind, told apart by the file's `kind:`)\n"},
};

void hv_cli_help(FILE *out, const char *cmd)
{
    for (size_t i = 0; cmd && i < sizeof command_help / sizeof command_help[0]; i++)
        if (strcmp(cmd, command_help[i].cmd) == 0) {
            fputs(command_help[i].text, out);
            return;
        }
    for (size_t i = 0; i < sizeof usage_text / sizeof usage_text[0]; i++)
        fputs(usage_text[i], out);
}

const char *hv_default_level(void)
{
    static char path[HV_FILE_LEN];
    const char *dir = hv_paths_data();
    if (!dir) {
        fprintf(stderr, "happyvalley: %s\n", hv_paths_data_how());
        return NULL;
    }
    snprintf(path, sizeof path, "%.*s/levels/tutorial.yaml", HV_FILE_LEN - 32, dir);
    return path;
}

/* Mean milliseconds to load and check PATH, over enough loads to measure. */
static double time_validate(const char *path, const hv_validate_options *options)
{
    enum { LOADS = 200 };
    double start = hv_now_seconds();
    for (int k = 0; k < LOADS; k++) {
        hv_diag diag;
        hv_diag_init(&diag);
        hv_data_validate_with(path, options, &diag);
        hv_diag_free(&diag);
    }
    return (hv_now_seconds() - start) * 1000.0 / LOADS;
}

enum { TIME = HV_ARGS_FIRST, WERROR, LEVEL };

static const struct option validate_table[] = {{"time", no_argument, NULL, TIME},
                                               {"werror", no_argument, NULL, WERROR},
                                               {"level", required_argument, NULL, LEVEL},
                                               {NULL, 0, NULL, 0}};

/* `validate`: UI_KINDS are the kinds of file only the window reads. */
static int cmd_validate(int argc, char **argv, const hv_validate_kind *ui_kinds)
{
    hv_args p;
    hv_args_init(&p, "validate", validate_table, argc, argv);
    /* The files are read once the options are known: `--time` may come last. */
    const char **files = malloc(sizeof *files * (size_t)argc);
    int timing = 0, werror = 0, count = 0, rc = HV_EXIT_OK;
    hv_validate_options options = {NULL, ui_kinds};
    if (!files) {
        fprintf(stderr, "happyvalley: out of memory\n");
        return HV_EXIT_FAILURE;
    }
    for (int code; (code = hv_args_next(&p)) != HV_ARGS_DONE;) {
        if (code == HV_ARGS_EXIT) {
            free(files);
            return p.rc;
        }
        if (code == TIME)
            timing = 1;
        else if (code == WERROR)
            werror = 1;
        else if (code == LEVEL)
            options.level = p.arg;
        else
            files[count++] = p.arg;
    }
    if (count < 1)
        rc = hv_args_error(&p, "needs at least one FILE");
    for (int i = 0; i < count; i++) {
        hv_diag diag;
        hv_diag_init(&diag);
        int ok = hv_data_validate_with(files[i], &options, &diag) == 0;
        hv_diag_print(&diag, stderr);
        if (ok && timing)
            printf("%s: valid, %.3f ms to load and check\n", files[i],
                   time_validate(files[i], &options));
        else if (ok && diag.warning_count)
            printf("%s: valid, with %zu warning%s\n", files[i], diag.warning_count,
                   diag.warning_count == 1 ? "" : "s");
        else if (ok)
            printf("%s: valid\n", files[i]);
        if (!ok || (werror && diag.warning_count))
            rc = HV_EXIT_BAD_INPUT;
        hv_diag_free(&diag);
    }
    free(files);
    return rc;
}

/* `reference [FILE]`: the rules of a rules file, or those a level plays
 * by (with its overrides), as a Markdown page; the game's own by default. */
static int cmd_reference(int argc, char **argv)
{
    hv_args p;
    hv_args_init(&p, "reference", NULL, argc, argv);
    const char *file = NULL;
    for (int code; (code = hv_args_next(&p)) != HV_ARGS_DONE;) {
        if (code == HV_ARGS_EXIT)
            return p.rc;
        if (file)
            return hv_args_error(&p, "takes one rules or level file, got '%s' too", p.arg);
        file = p.arg;
    }
    char base[HV_FILE_LEN];
    const char *dir = hv_paths_data();
    if (!file && !dir) {
        fprintf(stderr, "happyvalley: %s\n", hv_paths_data_how());
        return hv_paths_data_failure();
    }
    snprintf(base, sizeof base, "%.*s/levels/rules/base.yaml", HV_FILE_LEN - 32, dir ? dir : "");
    const char *path = file ? file : base;
    hv_diag diag;
    hv_diag_init(&diag);
    /* A level is read whole, for its overrides; anything else as rules. */
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    int is_level = 0;
    if (hv_ydoc_load_file(&doc, path, &limits, &diag) == 0 && doc.root) {
        const hv_ynode *kind = hv_ynode_get(doc.root, "kind");
        is_level = kind && kind->kind == HV_YNODE_SCALAR && strcmp(kind->str, "level") == 0;
    }
    hv_ydoc_free(&doc);
    hv_rules *rules = malloc(sizeof *rules);
    hv_level *level = NULL;
    int rc = HV_EXIT_BAD_INPUT;
    if (!rules || diag.count) {
        /* reported below */
    } else if (is_level) {
        if ((level = hv_level_load(path, &diag)) != NULL) {
            hv_reference_write(stdout, &level->rules, path);
            rc = HV_EXIT_OK;
        }
    } else {
        hv_rules_init(rules);
        if (hv_rules_load(rules, path, &diag) == 0) {
            hv_reference_write(stdout, rules, file ? path : "levels/rules/base.yaml");
            rc = HV_EXIT_OK;
        }
    }
    if (rc != HV_EXIT_OK)
        hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    hv_level_free(level);
    free(rules);
    return rc;
}

enum {
    SEED = HV_ARGS_FIRST,
    TERMINAL,
    SCREENSHOT,
    UI_SCRIPT,
    DATA_DIR,
    MODS_DIR,
    SIZE,
    SCALE,
    FRAMES
};

/* play's options and the window's, which the bare command takes too. */
static const struct option play_table[] = {{"seed", required_argument, NULL, SEED},
                                           {"terminal", no_argument, NULL, TERMINAL},
                                           {"screenshot", required_argument, NULL, SCREENSHOT},
                                           {"ui-script", required_argument, NULL, UI_SCRIPT},
                                           {"data-dir", required_argument, NULL, DATA_DIR},
                                           {"mods-dir", required_argument, NULL, MODS_DIR},
                                           {"size", required_argument, NULL, SIZE},
                                           {"scale", required_argument, NULL, SCALE},
                                           {"frames", required_argument, NULL, FRAMES},
                                           {NULL, 0, NULL, 0}};

/* One option of play into O; 0, or the exit code of a usage error. */
static int play_option(const hv_args *p, int code, hv_ui_options *o, int *terminal)
{
    unsigned long long v = 0;
    int rc = 0, used = 0;
    switch (code) {
    case SEED:
        rc = hv_args_number(p, 0, UINT64_MAX, &v);
        o->seed = v;
        break;
    case TERMINAL:
        *terminal = 1;
        break;
    case SCREENSHOT:
        o->screenshot = p->arg;
        break;
    case UI_SCRIPT:
        o->script = p->arg;
        break;
    case DATA_DIR:
        o->data_dir = p->arg;
        break;
    case MODS_DIR:
        o->mods_dir = p->arg;
        break;
    case SIZE:
        if (sscanf(p->arg, "%5dx%5d%n", &o->width, &o->height, &used) != 2 || p->arg[used] ||
            o->width < 640 || o->height < 360 || o->width > 7680 || o->height > 4320)
            rc = hv_args_error(p, "--size needs WIDTHxHEIGHT from 640x360 to 7680x4320, got '%s'",
                               p->arg);
        break;
    case SCALE:
        rc = hv_args_number(p, 100, 300, &v);
        o->scale = (int)v;
        break;
    case FRAMES:
        rc = hv_args_number(p, 1, 100000, &v);
        o->frames = (int)v;
        break;
    }
    return rc;
}

/* `play` (CMD "play") and the bare command (CMD NULL, the main menu): the
 * window, or the terminal game. ARGV[0] is the command's name. */
static int cmd_play(const char *cmd, int argc, char **argv, hv_window_fn window)
{
    hv_ui_options o;
    memset(&o, 0, sizeof o);
    o.seed = 1;
    int terminal = 0, rc = 0;
    hv_args p;
    hv_args_init(&p, cmd, play_table, argc, argv);
    for (int code; rc == 0 && (code = hv_args_next(&p)) != HV_ARGS_DONE;) {
        if (code == HV_ARGS_EXIT)
            return p.rc;
        if (code != HV_ARGS_OPERAND)
            rc = play_option(&p, code, &o, &terminal);
        else if (o.level || !cmd)
            rc = hv_args_error(&p, "unexpected argument '%s'", p.arg);
        else
            o.level = p.arg;
    }
    if (rc != 0)
        return rc;
    if (!terminal && !window) {
        fprintf(stderr, "happyvalley: this build has no window; play in the terminal with "
                        "`happyvalley play LEVEL --terminal`, or see the headless commands "
                        "in `happyvalley --help`\n");
        return HV_EXIT_BAD_INPUT;
    }
    if (!terminal)
        return window(&o);
    const char *file = o.level ? o.level : hv_default_level();
    if (!file)
        return hv_paths_data_failure();
    hv_level *level = hv_level_load_printing(file, stderr);
    if (!level)
        return HV_EXIT_BAD_INPUT;
    rc = hv_play_terminal(level, o.seed, stdin, stdout);
    hv_level_free(level);
    return rc;
}

/* The headless commands; each takes ARGV from its own name on. */
static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"sim", hv_cmd_sim},       {"batch", hv_cmd_batch},   {"audit", hv_cmd_audit},
    {"merge", hv_cmd_merge},   {"replay", hv_cmd_replay}, {"reference", cmd_reference},
};

static int run_command(int argc, char **argv, hv_window_fn window, const hv_validate_kind *ui_kinds)
{
    if (argc < 2 || (argv[1][0] == '-' && strcmp(argv[1], "--help") != 0 &&
                     strcmp(argv[1], "-h") != 0 && strcmp(argv[1], "--version") != 0))
        return cmd_play(NULL, argc, argv, window);
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        hv_cli_help(stdout, NULL);
        return HV_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("happyvalley %s\n", HV_VERSION);
        if (hv_paths_data())
            printf("data: %s (%s)\n", hv_paths_data(), hv_paths_data_how());
        else
            printf("data: none: %s\n", hv_paths_data_how());
        return HV_EXIT_OK;
    }
    if (strcmp(cmd, "play") == 0)
        return cmd_play(cmd, argc - 1, argv + 1, window);
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(argc - 1, argv + 1, ui_kinds);
    if (strcmp(cmd, "schema") == 0)
        return hv_cmd_schema(argc - 1, argv + 1, ui_kinds);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "happyvalley: unknown command '%s'\nTry 'happyvalley --help'.\n", cmd);
    return HV_EXIT_BAD_INPUT;
}

static int data_path_error(void)
{
    fprintf(stderr, "happyvalley: --data-path needs a folder\nTry 'happyvalley --help'.\n");
    return HV_EXIT_BAD_INPUT;
}

/* `--data-path DIR` (or `--data-path=DIR`) anywhere before `--`, for
 * every command and the window: taken out of ARGV before the command
 * reads its own options. */
static int take_data_path(int *argc, char **argv)
{
    const char *dir = NULL;
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            while (i < *argc)
                argv[out++] = argv[i++];
            break;
        }
        if (strncmp(a, "--data-path=", 12) == 0) {
            dir = a + 12;
        } else if (strcmp(a, "--data-path") == 0) {
            if (i + 1 >= *argc)
                return data_path_error();
            dir = argv[++i];
        } else {
            argv[out++] = argv[i];
            continue;
        }
        if (!*dir)
            return data_path_error();
    }
    argv[out] = NULL;
    *argc = out;
    if (!dir)
        return HV_EXIT_OK;
    hv_paths_set_data(dir);
    if (!hv_paths_data()) {
        fprintf(stderr, "happyvalley: %s\n", hv_paths_data_how());
        return HV_EXIT_BAD_INPUT;
    }
    return HV_EXIT_OK;
}

int hv_cli_main(int argc, char **argv, hv_window_fn window, const hv_validate_kind *ui_kinds)
{
    int rc = take_data_path(&argc, argv);
    if (rc == HV_EXIT_OK)
        rc = run_command(argc, argv, window, ui_kinds);
    /* Output that never arrived is a failure, not a success: a full disk
     * or a closed pipe must not pass for a clean run. */
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "happyvalley: cannot write the output: %s\n",
                errno ? strerror(errno) : "write error");
        return rc == HV_EXIT_OK || rc == HV_EXIT_FINDINGS ? HV_EXIT_FAILURE : rc;
    }
    return rc;
}
