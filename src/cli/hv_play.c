/* The terminal game: the same orders and end-of-turn as every other front
 * end, typed as commands. Reads until `quit` or end of input, so it can be
 * scripted through a pipe as well as played by hand. */
#include <stdlib.h>
#include <string.h>

#include "hv_cli.h"
#include "hv_print.h"
#include "hv_save.h"
#include "hv_turn.h"

static const char play_help[] =
    "Commands (numbers are module and person ids shown by `modules` and `people`):\n"
    "  status | map | modules | people | types   look at the base\n"
    "  build TYPE X Y        queue construction of a module type at column X, row Y\n"
    "  demolish MODULE       queue demolition (half the materials come back)\n"
    "  assign PERSON MODULE  queue a crew assignment\n"
    "  unassign PERSON       queue taking someone off duty\n"
    "  priority MODULE N     queue a power priority, 1 kept longest .. 9 shed first\n"
    "  policy ID OPTION      queue a change of policy (see `policies`)\n"
    "  survey ASTEROID       queue a survey probe (see `asteroids`)\n"
    "  capture ASTEROID PILOT ENGINEER [mars|earth]  queue a capture mission: the rock\n"
    "                        is brought to Mars orbit (mined for the base, the default)\n"
    "                        or Earth orbit (its iridium sold on Earth as it is mined)\n"
    "  redirect ASTEROID     queue turning a capture on its way to the other orbit\n"
    "  export N              queue shipping N iridium to Earth\n"
    "  answer N              answer the waiting event with choice N\n"
    "  policies | asteroids | event    look at laws, asteroids, the waiting event\n"
    "  queue | undo          list queued orders | drop the last one\n"
    "  end                   end the week and read its report\n"
    "  save-orders FILE      write every order given so far as an orders file\n"
    "  save FILE             save the game (sim replays it, see docs/save-format.md)\n"
    "  hash                  print the state hash (the same as `sim` reaches)\n"
    "  help | quit\n";

/* Only values an orders file accepts, so save-orders always writes a file
 * that sim can read back. */
static int parse_int(const char *s, long lo, long hi, int32_t *out)
{
    if (!s || !*s)
        return 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || v < lo || v > hi)
        return 0;
    *out = (int32_t)v;
    return 1;
}

/* Turns the words of a command into an order; 0 with a message if they don't fit. */
static int parse_order(const hv_state *s, char **w, int n, hv_order *o, FILE *out)
{
    memset(o, 0, sizeof *o);
    const char *cmd = w[0];
    if (strcmp(cmd, "build") == 0 && n == 4) {
        o->kind = HV_ORDER_BUILD;
        o->module_type = hv_rules_find_module_type(s->rules, w[1]);
        if (o->module_type < 0) {
            fprintf(out, "No module type '%s'. Type `types` for the list.\n", w[1]);
            return 0;
        }
        if (parse_int(w[2], 0, HV_MAX_MAP - 1, &o->x) && parse_int(w[3], 0, HV_MAX_MAP - 1, &o->y))
            return 1;
    } else if (strcmp(cmd, "demolish") == 0 && n == 2) {
        o->kind = HV_ORDER_DEMOLISH;
        if (parse_int(w[1], 1, 1000000, &o->module))
            return 1;
    } else if (strcmp(cmd, "assign") == 0 && n == 3) {
        o->kind = HV_ORDER_ASSIGN;
        if (parse_int(w[1], 1, 1000000, &o->person) && parse_int(w[2], 1, 1000000, &o->module))
            return 1;
    } else if (strcmp(cmd, "unassign") == 0 && n == 2) {
        o->kind = HV_ORDER_UNASSIGN;
        if (parse_int(w[1], 1, 1000000, &o->person))
            return 1;
    } else if (strcmp(cmd, "priority") == 0 && n == 3) {
        o->kind = HV_ORDER_PRIORITY;
        if (parse_int(w[1], 1, 1000000, &o->module) && parse_int(w[2], 1, 9, &o->value))
            return 1;
    } else if (strcmp(cmd, "policy") == 0 && n == 3) {
        o->kind = HV_ORDER_POLICY;
        o->target = hv_rules_find_policy(s->rules, w[1]);
        o->value = -1;
        for (int32_t i = 0; o->target >= 0 && i < s->rules->policies[o->target].option_count; i++)
            if (strcmp(s->rules->policies[o->target].options[i].id, w[2]) == 0)
                o->value = i;
        if (o->value >= 0)
            return 1;
        fprintf(out, "No such policy or option. Type `policies`.\n");
        return 0;
    } else if ((strcmp(cmd, "survey") == 0 && n == 2) || (strcmp(cmd, "redirect") == 0 && n == 2) ||
               (strcmp(cmd, "capture") == 0 && (n == 4 || n == 5))) {
        o->kind = cmd[0] == 's' ? HV_ORDER_SURVEY
                  : cmd[0] == 'r' ? HV_ORDER_REDIRECT
                                  : HV_ORDER_CAPTURE;
        if (n == 5 && strcmp(w[4], "mars") != 0 && strcmp(w[4], "earth") != 0) {
            fprintf(out, "A capture goes to `mars` or `earth`, not '%s'.\n", w[4]);
            return 0;
        }
        o->value = n == 5 && strcmp(w[4], "earth") == 0 ? HV_DEST_EARTH : HV_DEST_MARS;
        o->target = hv_rules_find_asteroid(s->rules, w[1]);
        if (o->target < 0) {
            fprintf(out, "No asteroid '%s'. Type `asteroids`.\n", w[1]);
            return 0;
        }
        if (n == 2 ||
            (parse_int(w[2], 1, 1000000, &o->person) && parse_int(w[3], 1, 1000000, &o->person2)))
            return 1;
    } else if (strcmp(cmd, "export") == 0 && n == 2) {
        o->kind = HV_ORDER_EXPORT;
        if (parse_int(w[1], 1, 1000000000, &o->value))
            return 1;
    } else if (strcmp(cmd, "answer") == 0 && n == 2) {
        o->kind = HV_ORDER_ANSWER;
        if (parse_int(w[1], 1, HV_MAX_CHOICES, &o->value)) {
            o->value--;
            return 1;
        }
    } else {
        fprintf(out, "Unknown command or wrong number of words. Type `help`.\n");
        return 0;
    }
    fprintf(out, "Those numbers are out of range: X and Y 0 to %d, ids from 1, priority 1 to 9.\n",
            HV_MAX_MAP - 1);
    return 0;
}

static void end_week(hv_state *s, hv_state *before, hv_report *report, hv_order_log *log, FILE *out)
{
    int32_t logged = log->count;
    if (hv_order_log_add_week(log, s) != 0) {
        fprintf(out, "Out of memory: the week's orders cannot be recorded, so it stays open.\n");
        return;
    }
    *before = *s;
    hv_report_clear(report);
    hv_turn_result done = hv_end_turn(s, report);
    if (done == HV_TURN_WAITING) {
        fprintf(out, "An event waits for your answer first. Type `event`.\n");
        log->count = logged; /* the week's orders are still queued, not yet given */
        return;
    }
    if (done == HV_TURN_DONE)
        hv_order_log_end_week(log, s); /* without memory the save goes without week hashes */
    hv_print_report(out, before, s, report);
    if (s->pending >= 0)
        hv_print_event(out, s);
}

/* Reads one line of IN into BUF: 1, or 0 when the line was longer than
 * BUF (it is read to its end and dropped, so no part of it runs as a
 * command), or -1 at the end of input. */
static int read_line(FILE *in, char *buf, size_t cap)
{
    size_t n = 0;
    int c, fits = 1;
    while ((c = getc(in)) != EOF && c != '\n') {
        if (n + 1 < cap)
            buf[n++] = (char)c;
        else
            fits = 0;
    }
    buf[n] = '\0';
    if (c == EOF && n == 0 && fits)
        return -1;
    return fits;
}

int hv_play_terminal(const hv_level *level, unsigned long long seed, FILE *in, FILE *out)
{
    hv_state *s = malloc(sizeof *s), *before = malloc(sizeof *before);
    hv_state *scratch = malloc(sizeof *scratch); /* for checking an order */
    hv_report *report = malloc(sizeof *report);
    if (!s || !before || !scratch || !report) {
        free(s);
        free(before);
        free(scratch);
        free(report);
        fprintf(stderr, "happyvalley: out of memory\n");
        return HV_EXIT_FAILURE;
    }
    hv_order_log log;
    hv_order_log_init(&log);
    hv_level_new_game(level, seed, s);
    fprintf(out, "%s\n\n%s\n\n", level->title, level->description);
    hv_print_status(out, level, s);
    fprintf(out, "\nType `help` for commands.\n");
    char line[512];
    for (;;) {
        fprintf(out, "week %d> ", s->turn + 1);
        fflush(out);
        int got = read_line(in, line, sizeof line);
        if (got < 0) {
            fprintf(out, "\n");
            break;
        }
        if (got == 0) {
            fprintf(out, "That line is longer than %zu bytes; nothing was done.\n",
                    sizeof line - 1);
            continue;
        }
        char *w[8];
        int n = 0;
        for (char *tok = strtok(line, " \t\r\n"); tok && n < 8; tok = strtok(NULL, " \t\r\n"))
            w[n++] = tok;
        if (n == 0)
            continue;
        if (strcmp(w[0], "quit") == 0 || strcmp(w[0], "q") == 0)
            break;
        if (strcmp(w[0], "help") == 0)
            fputs(play_help, out);
        else if (strcmp(w[0], "status") == 0)
            hv_print_status(out, level, s);
        else if (strcmp(w[0], "map") == 0)
            hv_print_map(out, s);
        else if (strcmp(w[0], "modules") == 0)
            hv_print_modules(out, s);
        else if (strcmp(w[0], "people") == 0)
            hv_print_people(out, s);
        else if (strcmp(w[0], "hash") == 0)
            fprintf(out, "state hash %016llx after week %d\n", (unsigned long long)hv_state_hash(s),
                    s->turn);
        else if (strcmp(w[0], "policies") == 0)
            hv_print_policies(out, s);
        else if (strcmp(w[0], "asteroids") == 0)
            hv_print_asteroids(out, s);
        else if (strcmp(w[0], "event") == 0)
            hv_print_event(out, s);
        else if (strcmp(w[0], "types") == 0)
            hv_print_module_types(out, s->rules);
        else if (strcmp(w[0], "undo") == 0)
            fprintf(out, hv_state_undo_order(s) == 0 ? "Dropped the last order.\n"
                                                     : "No order is queued.\n");
        else if (strcmp(w[0], "queue") == 0) {
            char text[160];
            for (int32_t i = 0; i < s->order_count; i++) {
                hv_describe_order(s, &s->orders[i], text, sizeof text);
                fprintf(out, "  %d. %s\n", i + 1, text);
            }
            if (s->order_count == 0)
                fprintf(out, "No order is queued.\n");
        } else if (strcmp(w[0], "end") == 0 || strcmp(w[0], "e") == 0) {
            if (s->outcome != HV_OUTCOME_RUNNING) {
                fprintf(out, "The game is over. Type `quit`.\n");
                continue;
            }
            end_week(s, before, report, &log, out);
        } else if (strcmp(w[0], "save-orders") == 0 && n == 2) {
            FILE *f = fopen(w[1], "w");
            int ok = f && hv_order_log_write(f, s->rules, &log) == 0;
            if (f && fclose(f) != 0)
                ok = 0;
            if (ok)
                fprintf(out, "Wrote %d orders to %s.\n", log.count, w[1]);
            else
                fprintf(out, "Could not write %s.\n", w[1]);
        } else if (strcmp(w[0], "save") == 0 && n == 2) {
            char err[600];
            if (hv_save_write(w[1], level, s, &log, err, sizeof err) == 0)
                fprintf(out, "Saved the game, week %d, to %s.\n", s->turn + 1, w[1]);
            else
                fprintf(out, "Could not save: %s.\n", err);
        } else {
            hv_order o;
            if (!parse_order(s, w, n, &o, out))
                continue;
            /* An order naming nobody or nothing is a typo, not a plan:
             * the week would only refuse it. The core's own checks say so,
             * after the orders already queued (a module may be demolished). */
            hv_reject why = hv_order_check(s, &o, scratch);
            if (why == HV_REJECT_NO_PERSON || why == HV_REJECT_NO_MODULE) {
                fprintf(out, "Not queued: %s. Type `%s` for the ids.\n", hv_reject_text(why),
                        why == HV_REJECT_NO_PERSON ? "people" : "modules");
                continue;
            }
            char text[160];
            hv_describe_order(s, &o, text, sizeof text);
            if (hv_state_queue_order(s, &o) == 0)
                fprintf(out, "Queued: %s.\n", text);
            else
                fprintf(out, "The order queue is full; end the week first.\n");
        }
    }
    free(s);
    free(before);
    free(scratch);
    free(report);
    hv_order_log_free(&log);
    return HV_EXIT_OK;
}
