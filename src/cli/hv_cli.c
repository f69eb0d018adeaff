#include "hv_cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hv_bot.h"
#include "hv_file.h"
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

#define MAX_TURNS 1000000

/* The options of each command, shared by --help and COMMAND --help. */
#define WINDOW_OPTIONS                                                                             \
    "window options:\n"                                                                            \
    "  --screenshot OUT.png   draw the first screen to OUT.png and exit\n"                         \
    "  --ui-script FILE       play the input events in FILE (see docs/ui-script.md)\n"             \
    "  --data-dir DIR         keep saves and settings in DIR (default: the XDG folders)\n"         \
    "  --mods-dir DIR         the mods in DIR (default: mods/ in the data folder, docs/mods.md)\n" \
    "  --size WxH             window size in pixels (default 1280x720 or the settings)\n"          \
    "  --scale PCT            UI scale, 100 to 300 (default from the display's DPI)\n"             \
    "  --frames N             draw N frames, print how long they took, exit\n"

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
    "  --runs N        games to play, with seeds 1..N (required)\n"                                \
    "  --bot NAME      idle, greedy, balanced, random or planner (default balanced)\n"             \
    "  --orders FILE   every game plays FILE's orders each week, then the bot's\n"                 \
    "  --jobs N        games played at once, 1 to 256 (default: the number of cores)\n"            \
    "  --turns N       weeks at most per game (default 1000)\n"                                    \
    "  --json          print one JSON object instead of text\n"                                    \
    "  --csv FILE      write one row per game to FILE\n"

#define AUDIT_OPTIONS                                                                              \
    "audit options:\n"                                                                             \
    "  --runs N        seeds 1..N for every configuration, up to 10000 (default 200)\n"            \
    "  --jobs N        games played at once, 1 to 256 (default: the number of cores)\n"            \
    "  --levers BOT    the bot that plays the single levers (default balanced)\n"                  \
    "  --json          print one JSON document instead of tables\n"                                \
    "  --save          also store the JSON beside the level (LEVEL.audit.json)\n"

static const char usage_text[] =
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
    "  happyvalley batch LEVEL --runs N [--bot NAME] [--jobs N] [--turns N]\n"
    "                        [--orders FILE] [--json] [--csv FILE]\n"
    "                                     play seeds 1..N and sum up the outcomes\n"
    "  happyvalley audit LEVEL [--runs N] [--jobs N] [--levers BOT] [--json] [--save]\n"
    "                                     what decides LEVEL: every bot, every single\n"
    "                                     lever, every system switched off (exit 3\n"
    "                                     when there are findings; docs/audit.md)\n"
    "  happyvalley replay SAVE            replay a saved game headless and check its\n"
    "                                     state hash (exit 0 same, 1 differs, 2 bad save)\n"
    "  happyvalley reference [FILE]       the rules of FILE (a rules file, or a level with\n"
    "                                     its overrides; default the game's) as Markdown\n"
    "  happyvalley schema [--kind K]      JSON Schema of the files, for editors\n"
    "  happyvalley --help | --version\n"
    "\n" WINDOW_OPTIONS "\n" SIM_OPTIONS "\n" BATCH_OPTIONS "\n" AUDIT_OPTIONS "\n";

/* After usage_text, which is as long as a C string should be. */
static const char exit_text[] =
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input (usage or invalid file),\n"
    "3 the audit has findings.\n"
    "Errors in files are printed as FILE:LINE:COL: error: MESSAGE (warnings:\n"
    "FILE:LINE:COL: warning: MESSAGE).\n";
static const char data_text[] =
    "\n"
    "The game's data (levels, rules, art) is the first folder that holds\n"
    "levels/rules/base.yaml of: --data-path DIR (an option of every command),\n"
    "$HAPPYVALLEY_DATA, ../share/happyvalley beside the executable, the source\n"
    "tree of a build, the install prefix, and each of $XDG_DATA_DIRS followed by\n"
    "/happyvalley. `happyvalley --version` says which.\n";

int hv_usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "happyvalley: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'happyvalley --help'.\n");
    return HV_EXIT_BAD_INPUT;
}

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
              "Play seeds 1..N and sum up the outcomes.\n\n" BATCH_OPTIONS},
    {"audit", "Usage: happyvalley audit LEVEL [OPTIONS]\n"
              "What decides LEVEL: every bot, every single lever, every system switched off\n"
              "(exit 3 when there are findings; docs/audit.md).\n\n" AUDIT_OPTIONS},
    {"replay", "Usage: happyvalley replay SAVE\n"
               "Replay a saved game headless and check its state hash\n"
               "(exit 0 the same, 1 it differs, 2 a bad save).\n"},
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

int hv_parse_u64(const char *s, unsigned long long max, unsigned long long *out)
{
    if (!s || *s < '0' || *s > '9')
        return 0;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > max)
        return 0;
    *out = v;
    return 1;
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

static int cmd_validate(int argc, char **argv, const hv_validate_kind *ui_kinds)
{
    int timing = 0, werror = 0;
    hv_validate_options options = {NULL, ui_kinds};
    for (; argc > 0 && argv[0][0] == '-' && argv[0][1]; argc--, argv++) {
        if (strcmp(argv[0], "--time") == 0)
            timing = 1;
        else if (strcmp(argv[0], "--werror") == 0)
            werror = 1;
        else if (strcmp(argv[0], "--level") == 0 && argc > 1) {
            options.level = argv[1];
            argc--;
            argv++;
        } else
            return hv_usage_error(strcmp(argv[0], "--level") == 0 ? "%s needs a LEVEL file"
                                                                  : "unknown option '%s'",
                                  argv[0]);
    }
    if (argc < 1)
        return hv_usage_error("%s", "validate needs at least one FILE");
    int bad = 0;
    for (int i = 0; i < argc; i++) {
        hv_diag diag;
        hv_diag_init(&diag);
        int ok = hv_data_validate_with(argv[i], &options, &diag) == 0;
        hv_diag_print(&diag, stderr);
        if (ok && timing)
            printf("%s: valid, %.3f ms to load and check\n", argv[i],
                   time_validate(argv[i], &options));
        else if (ok && diag.warning_count)
            printf("%s: valid, with %zu warning%s\n", argv[i], diag.warning_count,
                   diag.warning_count == 1 ? "" : "s");
        else if (ok)
            printf("%s: valid\n", argv[i]);
        bad |= !ok || (werror && diag.warning_count);
        hv_diag_free(&diag);
    }
    return bad ? HV_EXIT_BAD_INPUT : HV_EXIT_OK;
}

typedef struct sim_options {
    const char *level;
    const char *orders;
    unsigned long long seed;
    unsigned long long turns;
    int json, report, hashes, play_on;
    int bot; /* hv_bot_kind, or -1 */
} sim_options;

static int parse_sim(int argc, char **argv, sim_options *o)
{
    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->turns = 52;
    o->bot = -1;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--seed") == 0) {
            if (!hv_parse_u64(next, UINT64_MAX, &o->seed))
                return hv_usage_error(
                    "--seed needs a whole number from 0 to 18446744073709551615, got '%s'",
                    next ? next : "");
            i++;
        } else if (strcmp(a, "--turns") == 0) {
            if (!hv_parse_u64(next, MAX_TURNS, &o->turns) || o->turns == 0)
                return hv_usage_error("--turns needs a whole number from 1 to 1000000, got '%s'",
                                      next ? next : "");
            i++;
        } else if (strcmp(a, "--orders") == 0) {
            if (!next)
                return hv_usage_error("%s", "--orders needs a FILE");
            o->orders = next;
            i++;
        } else if (strcmp(a, "--bot") == 0) {
            if (!next || (o->bot = hv_bot_find(next)) < 0)
                return hv_usage_error(
                    "--bot needs idle, greedy, balanced, random or planner, got '%s'",
                    next ? next : "");
            i++;
        } else if (strcmp(a, "--json") == 0) {
            o->json = 1;
        } else if (strcmp(a, "--report") == 0) {
            o->report = 1;
        } else if (strcmp(a, "--hashes") == 0) {
            o->hashes = 1;
        } else if (strcmp(a, "--play-on") == 0) {
            o->play_on = 1;
        } else if (a[0] == '-' && a[1]) {
            return hv_usage_error("unknown option '%s'", a);
        } else if (!o->level) {
            o->level = a;
        } else {
            return hv_usage_error("unexpected argument '%s'", a);
        }
    }
    if (!o->level)
        return hv_usage_error("%s", "sim needs a LEVEL file");
    return HV_EXIT_OK;
}

/* A save cut short or damaged leaves its previous version as PATH.bak:
 * the game replays that, and says so, rather than stop. DIAG holds why
 * PATH itself failed. 0 when the backup was loaded. */
static int load_backup(hv_orders_file *orders, const char *path, const hv_rules *rules,
                       const hv_diag *diag)
{
    char bak[HV_FILE_LEN + 8];
    if (snprintf(bak, sizeof bak, "%s.bak", path) >= (int)sizeof bak)
        return -1;
    /* Only a regular file is opened: a FIFO named so would block for ever. */
    if (!hv_file_is_regular(bak))
        return -1;
    hv_diag quiet;
    hv_diag_init(&quiet);
    int rc = hv_orders_file_load(orders, bak, rules, &quiet);
    hv_diag_free(&quiet);
    if (rc == 0) {
        char shown[HV_FILE_LEN * 2], why[800], shown_bak[HV_FILE_LEN * 2];
        hv_diag_clean(shown, sizeof shown, path);
        hv_diag_clean(why, sizeof why, diag->count ? diag->entries[0].message : "damaged");
        hv_diag_clean(shown_bak, sizeof shown_bak, bak);
        fprintf(stderr, "%s: warning: cannot be read (%s); replaying its previous version %s\n",
                shown, why, shown_bak);
    }
    return rc;
}

static int cmd_sim(int argc, char **argv)
{
    sim_options o;
    int rc = parse_sim(argc, argv, &o);
    if (rc != HV_EXIT_OK)
        return rc;
    hv_level *level = hv_level_load_printing(o.level, stderr);
    if (!level)
        return HV_EXIT_BAD_INPUT;
    hv_orders_file orders = {0};
    if (o.orders) {
        hv_diag diag;
        hv_diag_init(&diag);
        rc = hv_orders_file_load(&orders, o.orders, &level->rules, &diag);
        if (rc != 0 && load_backup(&orders, o.orders, &level->rules, &diag) == 0)
            rc = 0;
        else
            hv_diag_print(&diag, stderr);
        hv_diag_free(&diag);
        if (rc != 0) {
            hv_level_free(level);
            return HV_EXIT_BAD_INPUT;
        }
    }
    hv_state *state = malloc(sizeof *state);
    hv_state *before = malloc(sizeof *before);
    hv_report *report = malloc(sizeof *report);
    unsigned long long *hashes = malloc(sizeof *hashes * (size_t)o.turns);
    if (!state || !before || !report || !hashes) {
        fprintf(stderr, "happyvalley: out of memory\n");
        rc = HV_EXIT_FAILURE;
        goto done;
    }
    hv_level_new_game(level, o.seed, state);
    hv_carry_apply(state, &orders.carry); /* a campaign save starts where the last level left */
    if (o.play_on)
        hv_state_play_on(state);
    int32_t next = 0, applied = 0, rejected = 0, played = 0;
    if (!o.json)
        printf("%s (%s), seed %llu\n", level->title, level->id, o.seed);
    while ((unsigned long long)played < o.turns &&
           (state->outcome == HV_OUTCOME_RUNNING || state->play_on)) {
        if (hv_orders_file_queue_week(&orders, &next, state) != 0) {
            fprintf(stderr, "%s:%d:1: error: more than %d orders in week %d\n", o.orders,
                    orders.items[next].line, HV_MAX_ORDERS, state->turn + 1);
            rc = HV_EXIT_BAD_INPUT;
            goto done;
        }
        if (o.bot >= 0)
            hv_bot_plan((hv_bot_kind)o.bot, state);
        else if (state->pending >= 0)
            hv_bot_plan(HV_BOT_IDLE, state); /* answers with the first choice */
        *before = *state;
        hv_report_clear(report);
        hv_end_turn(state, report);
        for (int32_t i = 0; i < report->count; i++) {
            applied += report->events[i].kind == HV_EV_ORDER_DONE;
            rejected += report->events[i].kind == HV_EV_ORDER_REJECTED;
        }
        hashes[played++] = (unsigned long long)hv_state_hash(state);
        if (o.json)
            continue;
        if (o.report)
            hv_print_report(stdout, before, state, report);
        if (o.hashes)
            printf("week %d hash %016llx\n", state->turn, hashes[played - 1]);
    }
    if (o.json) {
        hv_json_game(stdout, level, state, o.hashes ? hashes : NULL, played, applied, rejected);
    } else {
        hv_print_status(stdout, level, state);
        printf("  orders: %d applied, %d refused\n", applied, rejected);
        printf("  state hash: %016llx\n", (unsigned long long)hv_state_hash(state));
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "happyvalley: cannot write output\n");
        rc = HV_EXIT_FAILURE;
    }
done:
    free(hashes);
    free(report);
    free(before);
    free(state);
    hv_orders_file_free(&orders);
    hv_level_free(level);
    return rc;
}

/* `reference [FILE]`: the rules of a rules file, or those a level plays
 * by (with its overrides), as a Markdown page; the game's own by default. */
static int cmd_reference(int argc, char **argv)
{
    if (argc > 1)
        return hv_usage_error("reference takes one rules or level file, got '%s' too", argv[1]);
    if (argc == 1 && argv[0][0] == '-')
        return hv_usage_error("unknown option '%s'", argv[0]);
    char base[HV_FILE_LEN];
    const char *dir = hv_paths_data();
    if (argc == 0 && !dir) {
        fprintf(stderr, "happyvalley: %s\n", hv_paths_data_how());
        return hv_paths_data_failure();
    }
    snprintf(base, sizeof base, "%.*s/levels/rules/base.yaml", HV_FILE_LEN - 32, dir ? dir : "");
    const char *path = argc == 1 ? argv[0] : base;
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
            hv_reference_write(stdout, rules, argc == 1 ? path : "levels/rules/base.yaml");
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

/* `play` and the bare command: the window, or the terminal game. */
static int cmd_play(int argc, char **argv, int menu, hv_window_fn window)
{
    hv_ui_options o;
    memset(&o, 0, sizeof o);
    o.seed = 1;
    int terminal = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long long v;
        if (strcmp(a, "--seed") == 0) {
            if (!hv_parse_u64(next, UINT64_MAX, &v))
                return hv_usage_error("%s", "--seed needs a whole number");
            o.seed = v;
            i++;
        } else if (strcmp(a, "--terminal") == 0) {
            terminal = 1;
        } else if (strcmp(a, "--screenshot") == 0 || strcmp(a, "--ui-script") == 0 ||
                   strcmp(a, "--data-dir") == 0 || strcmp(a, "--mods-dir") == 0) {
            if (!next || !*next)
                return hv_usage_error("%s needs a file or folder", a);
            *(a[2] == 's'   ? &o.screenshot
              : a[2] == 'u' ? &o.script
              : a[2] == 'm' ? &o.mods_dir
                            : &o.data_dir) = next;
            i++;
        } else if (strcmp(a, "--size") == 0) {
            int used = 0;
            if (!next || sscanf(next, "%5dx%5d%n", &o.width, &o.height, &used) != 2 ||
                next[used] != '\0' || o.width < 640 || o.height < 360 || o.width > 7680 ||
                o.height > 4320)
                return hv_usage_error(
                    "--size needs WIDTHxHEIGHT from 640x360 to 7680x4320, got '%s'",
                    next ? next : "");
            i++;
        } else if (strcmp(a, "--scale") == 0) {
            if (!hv_parse_u64(next, 300, &v) || v < 100)
                return hv_usage_error("--scale needs a percentage from 100 to 300, got '%s'",
                                      next ? next : "");
            o.scale = (int)v;
            i++;
        } else if (strcmp(a, "--frames") == 0) {
            if (!hv_parse_u64(next, 100000, &v) || v == 0)
                return hv_usage_error("--frames needs a number from 1 to 100000, got '%s'",
                                      next ? next : "");
            o.frames = (int)v;
            i++;
        } else if (a[0] == '-' && a[1]) {
            return hv_usage_error("unknown option '%s'", a);
        } else if (!o.level && !menu) {
            o.level = a;
        } else {
            return hv_usage_error("unexpected argument '%s'", a);
        }
    }
    if (!terminal && !window) {
        fprintf(stderr, "happyvalley: this build has no window; play in the terminal with "
                        "`happyvalley play LEVEL --terminal`\n");
        return HV_EXIT_FAILURE;
    }
    if (!terminal)
        return window(&o);
    const char *file = o.level ? o.level : hv_default_level();
    if (!file)
        return hv_paths_data_failure();
    hv_level *level = hv_level_load_printing(file, stderr);
    if (!level)
        return HV_EXIT_BAD_INPUT;
    int rc = hv_play_terminal(level, o.seed, stdin, stdout);
    hv_level_free(level);
    return rc;
}

static int run_command(int argc, char **argv, hv_window_fn window, const hv_validate_kind *ui_kinds)
{
    if (argc < 2 || (argv[1][0] == '-' && strcmp(argv[1], "--help") != 0 &&
                     strcmp(argv[1], "-h") != 0 && strcmp(argv[1], "--version") != 0))
        return cmd_play(argc - 1, argv + 1, 1, window);
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        fputs(exit_text, stdout);
        fputs(data_text, stdout);
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
    for (size_t i = 0; argc > 2 && i < sizeof command_help / sizeof command_help[0]; i++)
        if (strcmp(cmd, command_help[i].cmd) == 0 &&
            (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
            fputs(command_help[i].text, stdout);
            return HV_EXIT_OK;
        }
    if (strcmp(cmd, "validate") == 0)
        return cmd_validate(argc - 2, argv + 2, ui_kinds);
    if (strcmp(cmd, "sim") == 0)
        return cmd_sim(argc - 2, argv + 2);
    if (strcmp(cmd, "batch") == 0)
        return hv_cmd_batch(argc - 2, argv + 2);
    if (strcmp(cmd, "audit") == 0)
        return hv_cmd_audit(argc - 1, argv + 1);
    if (strcmp(cmd, "play") == 0)
        return cmd_play(argc - 2, argv + 2, 0, window);
    if (strcmp(cmd, "replay") == 0)
        return hv_cmd_replay(argc - 2, argv + 2);
    if (strcmp(cmd, "reference") == 0)
        return cmd_reference(argc - 2, argv + 2);
    if (strcmp(cmd, "schema") == 0)
        return hv_cmd_schema(argc - 2, argv + 2, ui_kinds);
    return hv_usage_error("unknown command '%s'", cmd);
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
                return hv_usage_error("%s", "--data-path needs a folder");
            dir = argv[++i];
        } else {
            argv[out++] = argv[i];
            continue;
        }
        if (!*dir)
            return hv_usage_error("%s", "--data-path needs a folder");
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
