#define _POSIX_C_SOURCE 200809L
#include "hv_script.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hv_diag.h"
#include "hv_file.h"
#include "hv_map_layer.h"
#include "hv_sound.h"
#include "hv_turn.h"

/* Lines are read whole, however long, so no part of one ever runs as a
 * command of its own; the file's size bounds what that costs. */
#define SCRIPT_BYTES_MAX (4 << 20)

typedef struct script_ctx {
    hv_app *app;
    const char *file;
    int line;
} script_ctx;

static int bad(const script_ctx *c, int col, const char *fmt, const char *arg)
{
    char message[1024];
    snprintf(message, sizeof message, fmt, arg);
    hv_diag_print_one(stderr, c->file, c->line, col, message);
    return 2;
}

/* A burst queues its events, as a hand faster than the window would;
 * they are handled together when the line settles, as the window's own
 * loop handles what piled up while it was busy. */
static int bursting;

static void send(hv_app *app, SDL_Event *ev)
{
    ev->common.timestamp = SDL_GetTicks();
    if (bursting)
        SDL_PushEvent(ev);
    else
        hv_app_handle(app, ev);
}

static void pointer(hv_app *app, int x, int y)
{
    SDL_Event ev = {0};
    ev.type = SDL_MOUSEMOTION;
    ev.motion.x = x;
    ev.motion.y = y;
    send(app, &ev);
}

static void button(hv_app *app, int x, int y, Uint8 which)
{
    pointer(app, x, y);
    SDL_Event ev = {0};
    ev.type = SDL_MOUSEBUTTONDOWN;
    ev.button.button = which;
    ev.button.x = x;
    ev.button.y = y;
    ev.button.clicks = 1;
    send(app, &ev);
    ev.type = SDL_MOUSEBUTTONUP;
    send(app, &ev);
}

/* A target: a widget id, or two pixel coordinates. 0, or an exit code. */
static int target(const script_ctx *c, char **w, int n, int col, int *x, int *y)
{
    if (n == 2) {
        char *end1, *end2;
        long a = strtol(w[0], &end1, 10), b = strtol(w[1], &end2, 10);
        if (*end1 || *end2 || a < 0 || b < 0 || a > 100000 || b > 100000)
            return bad(c, col, "expected X Y in pixels, got '%s ...'", w[0]);
        *x = (int)a;
        *y = (int)b;
        return 0;
    }
    if (n != 1)
        return bad(c, col, "expected a widget id or X Y, got %s", n ? "more words" : "nothing");
    int cx, cy;
    if (sscanf(w[0], "cell:%d,%d", &cx, &cy) == 2) {
        if (hv_game_cell_point(c->app, cx, cy, x, y) != 0)
            return bad(c, col, "map cell '%s' is not in view", w[0]);
        return 0;
    }
    SDL_Rect r;
    char file[600];
    if (!hv_gui_find(&c->app->gui, w[0], &r)) {
        char id[200];
        hv_diag_clean(id, sizeof id, w[0]);
        hv_diag_clean(file, sizeof file, c->file);
        fprintf(stderr, "%s:%d:%d: error: no widget '%s' on this screen; it has:", file, c->line, col,
                id);
        for (int i = 0; i < c->app->gui.widget_count && i < 400; i++)
            fprintf(stderr, " %s", c->app->gui.widgets[i].id);
        fputc('\n', stderr);
        return 1;
    }
    *x = r.x + r.w / 2;
    *y = r.y + r.h / 2;
    return 0;
}

static int number(const script_ctx *c, const char *word, int col, long lo, long hi, long *out)
{
    char *end;
    long v = word ? strtol(word, &end, 10) : 0;
    if (!word || *end || v < lo || v > hi) {
        char range[64];
        snprintf(range, sizeof range, "%ld..%ld", lo, hi);
        return bad(c, col, "expected a whole number in %s", range);
    }
    *out = v;
    return 0;
}

static void settle(hv_app *app)
{
    /* Take what the window system queued (resizes), then draw. */
    SDL_Event ev;
    while (SDL_PollEvent(&ev))
        hv_app_handle(app, &ev);
    hv_app_frame(app);
    hv_gui_consume(&app->gui);
    SDL_RenderPresent(app->ren);
}

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

/* Writes every widget on screen with its rectangle, label and state as
 * JSON, for the layout checks. 0, or 1 when PATH cannot be written. */
static int write_widgets(const script_ctx *c, const char *path)
{
    const hv_gui *gui = &c->app->gui;
    FILE *f = fopen(path, "w");
    if (!f)
        return 1;
    fprintf(f, "{\"window\": [%d, %d], \"scale\": %d, \"widgets\": [", c->app->gfx.w,
            c->app->gfx.h, hv_app_scale(c->app));
    for (int i = 0; i < gui->widget_count; i++) {
        const hv_gui_widget *w = &gui->widgets[i];
        fprintf(f, "%s\n  {\"id\": ", i ? "," : "");
        json_string(f, w->id);
        fprintf(f, ", \"rect\": [%d, %d, %d, %d], \"visible\": [%d, %d, %d, %d], \"label\": ",
                w->r.x, w->r.y, w->r.w, w->r.h, w->visible.x, w->visible.y, w->visible.w,
                w->visible.h);
        json_string(f, w->label);
        fprintf(f, ", \"disabled\": %s, \"selected\": %s}", w->flags & HV_W_DISABLED ? "true" : "false",
                w->flags & HV_W_SELECTED ? "true" : "false");
    }
    fprintf(f, "\n]}\n");
    int bad = ferror(f);
    return (fclose(f) != 0 || bad) ? 1 : 0;
}

/* A quit the script did not ask for (SIGTERM, SIGINT, the window closed)
 * stops it between lines. */
static int interrupted(void)
{
    SDL_PumpEvents();
    return SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, SDL_QUIT, SDL_QUIT) > 0;
}

/* A player presses End week again once the last week is over, not in
 * the moment after (hv_app_press_end_week): input lines wait that out. */
static void deliberate(hv_app *app)
{
    uint32_t left;
    while ((left = hv_app_end_guard_left(app)) > 0 && !interrupted())
        SDL_Delay(left < 20 ? left : 20);
}

/* Prints TEXT on one line, its line breaks as " / ". */
static void print_flat(const char *what, const char *text)
{
    printf("%s ", what);
    for (const char *p = text; *p; p++)
        fputs(*p == '\n' ? " / " : (char[2]){*p, 0}, stdout);
    putchar('\n');
}

static int run_line(script_ctx *c, char *text);

/* burst N click TARGET | burst N key KEY: the input of the line, N times at once. */
static int burst(script_ctx *c, char *text, int col)
{
    long v;
    char *p = text + strspn(text, " \t");
    char *end = p + strcspn(p, " \t");
    char save = *end;
    *end = '\0';
    int rc = number(c, p, col, 1, 50, &v);
    *end = save;
    if (rc != 0)
        return rc;
    char *rest = end + strspn(end, " \t");
    if (strncmp(rest, "click ", 6) != 0 && strncmp(rest, "key ", 4) != 0)
        return bad(c, col, "%s", "burst needs N, then click TARGET or key KEY");
    size_t len = strlen(rest) + 1;
    char line[1024];
    if (len > sizeof line)
        return bad(c, col, "%s", "burst: the line is too long");
    deliberate(c->app);
    bursting = 1;
    for (long i = 0; i < v && rc == 0; i++) {
        memcpy(line, rest, len); /* run_line cuts its words in place */
        rc = run_line(c, line);
    }
    bursting = 0;
    return rc;
}

static int run_line(script_ctx *c, char *text)
{
    char *w[8];
    int col[8], n = 0;
    for (char *p = text; *p && n < 8;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '#')
            break;
        col[n] = (int)(p - text) + 1;
        w[n++] = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (*p)
            *p++ = '\0';
    }
    if (n == 0)
        return 0;
    hv_app *app = c->app;
    const char *cmd = w[0];
    int x, y, rc;
    long v;
    if (strcmp(cmd, "burst") == 0) {
        if (bursting || n < 2)
            return bad(c, col[0], "%s", "burst needs N, then click TARGET or key KEY");
        /* The words were cut in place; join them again for each turn. */
        for (int i = 1; i < n - 1; i++)
            w[i][strlen(w[i])] = ' ';
        if ((rc = burst(c, w[1], col[1])) != 0)
            return rc;
    } else if (strcmp(cmd, "click") == 0 || strcmp(cmd, "rclick") == 0) {
        if ((rc = target(c, w + 1, n - 1, n > 1 ? col[1] : col[0], &x, &y)) != 0)
            return rc;
        if (!bursting)
            deliberate(app);
        button(app, x, y, cmd[0] == 'r' ? SDL_BUTTON_RIGHT : SDL_BUTTON_LEFT);
        if (bursting)
            return 0;
    } else if (strcmp(cmd, "click-if") == 0) {
        SDL_Rect r;
        if (n != 2)
            return bad(c, col[0], "%s", "click-if needs a widget id");
        deliberate(app);
        settle(app);
        if (hv_gui_find(&app->gui, w[1], &r))
            button(app, r.x + r.w / 2, r.y + r.h / 2, SDL_BUTTON_LEFT);
    } else if (strcmp(cmd, "move") == 0) {
        if ((rc = target(c, w + 1, n - 1, n > 1 ? col[1] : col[0], &x, &y)) != 0)
            return rc;
        pointer(app, x, y);
    } else if (strcmp(cmd, "drag") == 0) {
        /* The hand holds the left button down over TARGET and moves: the
         * map pans under it; no press or release, so nothing is clicked. */
        long dx, dy;
        if (n < 4 || (rc = target(c, w + 1, n - 3, col[1], &x, &y)) != 0 ||
            (rc = number(c, w[n - 2], col[n - 2], -100000, 100000, &dx)) != 0 ||
            (rc = number(c, w[n - 1], col[n - 1], -100000, 100000, &dy)) != 0)
            return n < 4 ? bad(c, col[0], "%s", "drag needs TARGET DX DY") : rc;
        SDL_Event ev = {0};
        ev.type = SDL_MOUSEMOTION;
        ev.motion.state = SDL_BUTTON_LMASK;
        ev.motion.x = x + (int)dx;
        ev.motion.y = y + (int)dy;
        ev.motion.xrel = (int)dx;
        ev.motion.yrel = (int)dy;
        pointer(app, x, y);
        send(app, &ev);
        /* Drawn as the window draws the frame after a drag: only what changed. */
        int partial = hv_app_frame_map(app);
        hv_gui_consume(&app->gui);
        SDL_RenderPresent(app->ren);
        printf("drag %s\n", partial ? "partial" : "whole");
        return 0;
    } else if (strcmp(cmd, "wheel") == 0) {
        if (n < 2 || (rc = number(c, w[1], col[1], -100, 100, &v)) != 0)
            return n < 2 ? bad(c, col[0], "%s", "wheel needs a number of steps") : rc;
        if (n > 2) {
            if ((rc = target(c, w + 2, n - 2, col[2], &x, &y)) != 0)
                return rc;
            pointer(app, x, y);
        }
        SDL_Event ev = {0};
        ev.type = SDL_MOUSEWHEEL;
        ev.wheel.y = (Sint32)v;
        send(app, &ev);
    } else if (strcmp(cmd, "key") == 0) {
        /* Key names may hold spaces ("Keypad +"), as the settings write them. */
        char name[128] = "";
        for (int i = 1; i < n; i++)
            snprintf(name + strlen(name), sizeof name - strlen(name), "%s%s", i > 1 ? " " : "",
                     w[i]);
        hv_keybind k;
        if (n < 2 || hv_keybind_parse(name, &k) != 0)
            return bad(c, n > 1 ? col[1] : col[0],
                       "expected a key such as Space or Ctrl+S, got '%s'", name);
        if (!bursting)
            deliberate(app);
        SDL_Event ev = {0};
        ev.type = SDL_KEYDOWN;
        ev.key.keysym.sym = k.key;
        ev.key.keysym.mod = (Uint16)((k.mods & HV_MOD_CTRL ? KMOD_LCTRL : 0) |
                                     (k.mods & HV_MOD_SHIFT ? KMOD_LSHIFT : 0) |
                                     (k.mods & HV_MOD_ALT ? KMOD_LALT : 0));
        send(app, &ev);
        ev.type = SDL_KEYUP;
        send(app, &ev);
        if (bursting)
            return 0;
    } else if (strcmp(cmd, "wait") == 0) {
        if (n != 2 || (rc = number(c, w[1], col[1], 0, 10000, &v)) != 0)
            return n != 2 ? bad(c, col[0], "%s", "wait needs milliseconds") : rc;
        for (long left = v; left > 0 && !interrupted(); left -= 20)
            SDL_Delay((Uint32)(left < 20 ? left : 20));
    } else if (strcmp(cmd, "resize") == 0) {
        long h;
        if (n != 3 || number(c, w[1], col[1], 640, 7680, &v) ||
            number(c, w[2], col[2], 360, 4320, &h))
            return bad(c, col[0], "%s", "resize needs WIDTH HEIGHT, at least 640 360");
        SDL_SetWindowSize(app->win, (int)v, (int)h);
    } else if (strcmp(cmd, "scale") == 0) {
        if (n != 2 || (rc = number(c, w[1], col[1], 100, 300, &v)) != 0)
            return n != 2 ? bad(c, col[0], "%s", "scale needs a percentage") : rc;
        app->opt.scale = (int)v;
        hv_gfx_set_scale(&app->gfx, hv_app_scale(app));
    } else if (strcmp(cmd, "screenshot") == 0) {
        if (n != 2)
            return bad(c, col[0], "%s", "screenshot needs a file name");
        settle(app);
        if (hv_app_screenshot(app, w[1]) != 0)
            return 1;
        printf("screenshot %s\n", w[1]);
    } else if (strcmp(cmd, "watch") == 0) {
        /* The look the window takes once a second, taken now. */
        app->watch_at = SDL_GetTicks() - 60000;
        printf("watch %s\n", hv_watch_due_ms(app) >= 0 && hv_watch_poll(app) ? "changed" : "same");
        settle(app);
    } else if (strcmp(cmd, "map-frame") == 0) {
        if (n != 2)
            return bad(c, col[0], "%s", "map-frame needs a file name");
        /* As an idle window animates: no input, only the map drawn again. */
        int partial = hv_app_frame_map(app);
        hv_gui_consume(&app->gui);
        SDL_RenderPresent(app->ren);
        if (hv_app_screenshot(app, w[1]) != 0)
            return 1;
        printf("map-frame %s %s\n", w[1], partial ? "partial" : "whole");
    } else if (strcmp(cmd, "widgets") == 0) {
        if (n != 2)
            return bad(c, col[0], "%s", "widgets needs a file name");
        settle(app);
        if (write_widgets(c, w[1]) != 0)
            return bad(c, col[1], "cannot write '%s'", w[1]) ? 1 : 1;
        printf("widgets %s\n", w[1]);
    } else if (strcmp(cmd, "expect") == 0) {
        SDL_Rect r;
        if (n != 2)
            return bad(c, col[0], "%s", "expect needs a widget id");
        settle(app);
        if (!hv_gui_find(&app->gui, w[1], &r)) {
            bad(c, col[1], "expected widget '%s' is not on this screen", w[1]);
            return 1;
        }
    } else if (strcmp(cmd, "state") == 0) {
        if (app->game)
            printf("week %d hash %016llx orders %d\n", app->game->state.turn,
                   (unsigned long long)hv_state_hash(&app->game->state),
                   app->game->state.order_count);
        else
            printf("no game\n");
    } else if (strcmp(cmd, "toast") == 0) {
        /* The message on screen now: they go after their time. */
        settle(app);
        printf("toast %s\n", app->toast_drawn ? app->toast : "none");
    } else if (strcmp(cmd, "sounds") == 0) {
        /* The cues the game asked for since the last `sounds`, heard or not. */
        char cues[512];
        hv_sound_take_log(cues, sizeof cues);
        printf("sounds %s\n", cues[0] ? cues : "none");
    } else if (strcmp(cmd, "tooltip") == 0) {
        settle(app);
        print_flat("tooltip", app->gui.tip[0] ? app->gui.tip : "none");
    } else if (strcmp(cmd, "focus") == 0) {
        settle(app);
        printf("focus %s\n", app->gui.focus_id[0] ? app->gui.focus_id : "none");
    } else if (strcmp(cmd, "dialog") == 0) {
        settle(app);
        print_flat("dialog", app->gui.dialog[0] ? app->gui.dialog : "none");
    } else if (strcmp(cmd, "where") == 0) {
        SDL_Rect r = app->gui.tip_box;
        if (n != 2)
            return bad(c, col[0], "%s", "where needs a widget id or tooltip");
        settle(app);
        int cx, cy, found;
        if (strcmp(w[1], "tooltip") == 0) {
            found = r.w > 0;
        } else if (sscanf(w[1], "cell:%d,%d", &cx, &cy) == 2) {
            found = hv_game_cell_point(app, cx, cy, &r.x, &r.y) == 0;
            r.w = r.h = app->game ? hv_gfx_px(&app->gfx, app->game->zoom) : 0;
            r.x -= r.w / 2;
            r.y -= r.h / 2;
        } else {
            found = hv_gui_find(&app->gui, w[1], &r);
        }
        if (found)
            printf("where %s %d %d %d %d\n", w[1], r.x, r.y, r.w, r.h);
        else
            printf("where %s none\n", w[1]);
    } else if (strcmp(cmd, "redraw") == 0) {
        /* The next frame draws the whole window, as a first frame does,
         * rather than only what changed since the last: the map's kept
         * picture too. */
        hv_gfx_forget(&app->gfx);
        if (app->game)
            hv_map_layer_forget(app->game);
    } else if (strcmp(cmd, "clock") == 0) {
        /* The base's animation stands at MS from now on (0: the real clock
         * again), so a picture of a moving base can be taken twice alike. */
        if (n != 2 || (rc = number(c, w[1], col[1], 0, 100000000, &v)) != 0)
            return n != 2 ? bad(c, col[0], "%s", "clock needs milliseconds") : rc;
        app->clock = (uint32_t)v;
    } else if (strcmp(cmd, "quit") == 0) {
        app->quit = 1;
    } else {
        return bad(c, col[0],
                   "unknown command '%s'; use click, click-if, rclick, move, drag, wheel, key, "
                   "burst, wait, resize, scale, screenshot, widgets, expect, state, toast, "
                   "sounds, tooltip, where, focus, dialog, clock, redraw or quit",
                   cmd);
    }
    settle(app);
    return 0;
}

int hv_script_run(hv_app *app, const char *path)
{
    FILE *f = hv_file_open_read(path);
    if (!f) {
        char message[300];
        snprintf(message, sizeof message, "cannot open the UI script: %s", hv_file_strerror(errno));
        hv_diag_print_one(stderr, path, 0, 0, message);
        return 2;
    }
    script_ctx c = {app, path, 0};
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && st.st_size > SCRIPT_BYTES_MAX) {
        fclose(f);
        return bad(&c, 0, "%s", "the UI script is larger than 4 MiB");
    }
    settle(app);
    char *buf = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (!rc && !app->quit && (len = getline(&buf, &cap, f)) >= 0) {
        c.line++;
        if (interrupted()) {
            app->quit = HV_QUIT_ASKED;
            break;
        } else if (strlen(buf) != (size_t)len) {
            rc = bad(&c, (int)strlen(buf) + 1, "%s", "a NUL byte in the script");
        } else {
            buf[strcspn(buf, "\r\n")] = '\0';
            rc = run_line(&c, buf);
        }
    }
    if (!rc && ferror(f))
        rc = bad(&c, 0, "%s", "cannot read the UI script");
    if (!rc && app->quit == HV_QUIT_ASKED) {
        rc = bad(&c, 1, "%s", "the UI script was stopped here (a signal or the window closed)");
        rc = 1;
    }
    free(buf);
    fclose(f);
    fflush(stdout);
    return rc;
}
