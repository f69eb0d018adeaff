/* The end-of-game dialog: won or lost and why, the goals with a tick or a
 * cross, the key figures and charts of the whole game; from it the player
 * goes back to the main menu, looks over the base or plays on. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hv_dialog.h"
#include "hv_turn.h"
#include "hv_widgets.h"

/* A tick or a cross drawn in R: the shape says it as well as the colour. */
static void mark(hv_gfx *g, SDL_Rect r, int ok)
{
    int t = hv_gfx_px(g, 3) > 2 ? hv_gfx_px(g, 3) : 2;
    hv_gfx_fill(g, r, ok ? 0x1f3a1c : 0x3a1c1a, 255);
    hv_gfx_frame(g, r, ok ? HV_C_GOOD : HV_C_BAD);
    SDL_Rect in = hv_rect_inset(r, r.w / 4);
    if (ok) {
        hv_gfx_line(g, in.x, in.y + in.h / 2, in.x + in.w / 3, in.y + in.h, HV_C_GOOD, t);
        hv_gfx_line(g, in.x + in.w / 3, in.y + in.h, in.x + in.w, in.y, HV_C_GOOD, t);
    } else {
        hv_gfx_line(g, in.x, in.y, in.x + in.w, in.y + in.h, HV_C_BAD, t);
        hv_gfx_line(g, in.x + in.w, in.y, in.x, in.y + in.h, HV_C_BAD, t);
    }
}

typedef struct chart_line {
    const int64_t *v;
    int64_t lo, hi;
    uint32_t colour;
    const char *name;
} chart_line;

typedef struct chart_spec {
    const char *id, *title, *tip;
    chart_line line[2];
    int lines;
    char left[2][32], right[2][32]; /* axis labels at the bottom and top; "" for none */
    uint32_t left_colour, right_colour;
    int has_mark;
    int64_t mark; /* on the first line's scale, drawn dashed */
} chart_spec;

static int64_t hist_a[HV_HISTORY], hist_b[HV_HISTORY];

static int chart_height(hv_gfx *g)
{
    return 2 * hv_gfx_line_height(g, HV_FONT_SMALL) + hv_gfx_px(g, 112);
}

static void chart(hv_app *app, SDL_Rect r, const chart_spec *c)
{
    hv_gfx *g = &app->gfx;
    const hv_game *game = app->game;
    int lh = hv_gfx_line_height(g, HV_FONT_SMALL), gap = hv_gfx_px(g, 4), w;
    hv_gfx_text(g, HV_FONT_SMALL, 1, r.x, r.y, HV_C_TEXT, c->title);
    /* The legend, right-aligned beside the title when there is room. */
    int tw, lw = 0, sw = hv_gfx_px(g, 12);
    hv_gfx_text_size(g, HV_FONT_SMALL, 1, c->title, &tw, NULL);
    for (int i = 0; i < c->lines; i++) {
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, c->line[i].name, &w, NULL);
        lw += sw + gap + w + (i ? hv_gfx_px(g, 10) : 0);
    }
    if (c->lines > 1 && tw + lw + hv_gfx_px(g, 12) <= r.w) {
        int x = r.x + r.w - lw;
        for (int i = 0; i < c->lines; i++) {
            x += i ? hv_gfx_px(g, 10) : 0;
            hv_gfx_fill(g, (SDL_Rect){x, r.y + lh / 2 - 1, sw, hv_gfx_px(g, 3)}, c->line[i].colour,
                        255);
            x += sw + gap;
            x += hv_gfx_text(g, HV_FONT_SMALL, 0, x, r.y, c->line[i].colour, c->line[i].name);
        }
    }
    int lm = 0, rm = 0;
    for (int i = 0; i < 2; i++) {
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, c->left[i], &w, NULL);
        lm = w > lm ? w : lm;
        if (c->right[i][0]) {
            hv_gfx_text_size(g, HV_FONT_SMALL, 0, c->right[i], &w, NULL);
            rm = w > rm ? w : rm;
        }
    }
    lm += hv_gfx_px(g, 6);
    rm = rm ? rm + hv_gfx_px(g, 6) : hv_gfx_px(g, 2);
    SDL_Rect plot = {r.x + lm, r.y + lh + gap, r.w - lm - rm, r.h - 2 * lh - 2 * gap};
    hv_gfx_fill(g, plot, 0x120c0e, 255);
    for (int q = 1; q < 4; q++)
        hv_gfx_fill(g, (SDL_Rect){plot.x, plot.y + plot.h * q / 4, plot.w, 1}, 0x2e2428, 255);
    SDL_Rect in = hv_rect_inset(plot, hv_gfx_px(g, 3));
    const chart_line *l0 = &c->line[0];
    if (c->has_mark && c->mark > l0->lo && c->mark < l0->hi) {
        int y = in.y + in.h - 1 - (int)((c->mark - l0->lo) * (in.h - 1) / (l0->hi - l0->lo));
        for (int x = plot.x; x < plot.x + plot.w; x += hv_gfx_px(g, 10)) {
            int dw = hv_gfx_px(g, 5) < plot.x + plot.w - x ? hv_gfx_px(g, 5) : plot.x + plot.w - x;
            hv_gfx_fill(g, (SDL_Rect){x, y, dw, 1}, HV_C_BAD, 200);
        }
    }
    for (int i = c->lines - 1; i >= 0; i--)
        hv_draw_chart(app, in, c->line[i].v, game->history_count, c->line[i].lo, c->line[i].hi,
                      c->line[i].colour);
    hv_gfx_frame(g, plot, HV_C_BORDER);
    for (int i = 0; i < 2; i++) {
        int y = i ? plot.y - lh / 2 + gap : plot.y + plot.h - lh / 2 - gap;
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, c->left[i], &w, NULL);
        hv_gfx_text(g, HV_FONT_SMALL, 0, plot.x - hv_gfx_px(g, 4) - w, y, c->left_colour,
                    c->left[i]);
        if (c->right[i][0])
            hv_gfx_text(g, HV_FONT_SMALL, 0, plot.x + plot.w + hv_gfx_px(g, 4), y, c->right_colour,
                        c->right[i]);
    }
    char wk[32];
    int first = game->history_count ? game->history[0].week : 0;
    int last = game->history_count ? game->history[game->history_count - 1].week : 0;
    int ly = plot.y + plot.h + gap;
    if (first == 0)
        snprintf(wk, sizeof wk, "Start");
    else
        snprintf(wk, sizeof wk, "Week %d", first);
    hv_gfx_text(g, HV_FONT_SMALL, 0, plot.x, ly, HV_C_DIM, wk);
    snprintf(wk, sizeof wk, "Week %d", last);
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, wk, &w, NULL);
    hv_gfx_text(g, HV_FONT_SMALL, 0, plot.x + plot.w - w, ly, HV_C_DIM, wk);
    hv_gui_area(&app->gui, c->id, plot, c->tip);
}

/* The three charts of the summary side by side in R (stacked when narrow). */
static int end_charts(hv_app *app, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    const hv_game *game = app->game;
    const hv_state *s = &game->state;
    int gap = hv_gfx_px(g, 18), ch = chart_height(g);
    int across = w >= 3 * hv_gfx_px(g, 150) + 2 * gap ? 3 : 1;
    int cw = across == 3 ? (w - 2 * gap) / 3 : w;
    int h = across == 3 ? ch : 3 * ch + 2 * gap;
    if (!draw)
        return h;
    int n = game->history_count;
    if (n < 1)
        return h;
    char tip[HV_TIP_LEN], a[32], b[32];
    const hv_week_record *h0 = &game->history[0], *hn = &game->history[n - 1];
    chart_spec c;
    /* People and morale, each on its own axis. */
    int64_t peak = 1;
    for (int i = 0; i < n; i++) {
        hist_a[i] = game->history[i].population;
        hist_b[i] = game->history[i].morale;
        peak = hist_a[i] > peak ? hist_a[i] : peak;
    }
    memset(&c, 0, sizeof c);
    snprintf(tip, sizeof tip,
             "People: %d at the start, %d at the end, %lld at most.\nAverage morale: %d at the "
             "start, %d at the end (of 100).",
             h0->population, hn->population, (long long)peak, h0->morale, hn->morale);
    c.id = "end_chart_people";
    c.title = "People & morale";
    c.tip = tip;
    c.lines = 2;
    c.line[0] = (chart_line){hist_b, 0, 100, HV_C_GOOD, "Morale"};
    c.line[1] = (chart_line){hist_a, 0, peak, HV_C_INFO, "People"};
    snprintf(c.left[0], sizeof c.left[0], "0");
    snprintf(c.left[1], sizeof c.left[1], "100");
    snprintf(c.right[0], sizeof c.right[0], "0");
    snprintf(c.right[1], sizeof c.right[1], "%lld", (long long)peak);
    c.left_colour = HV_C_GOOD;
    c.right_colour = HV_C_INFO;
    int cx = x, cy = y;
    chart(app, (SDL_Rect){cx, cy, cw, ch}, &c);
    /* The worst tensions, with the riot line. */
    int worst = 0;
    for (int i = 0; i < n; i++) {
        hist_a[i] = game->history[i].nation_tension;
        hist_b[i] = game->history[i].class_tension;
        worst = (int)(hist_a[i] > worst ? hist_a[i] : worst);
        worst = (int)(hist_b[i] > worst ? hist_b[i] : worst);
    }
    memset(&c, 0, sizeof c);
    snprintf(tip, sizeof tip,
             "Worst tension between two nations and between staff and workers, 0 to 100.\nThe "
             "highest it reached: %d. The dashed line is riot level (%d).\nAt the end: nations "
             "%d, classes %d.",
             worst, s->rules->society.riot_at, hn->nation_tension, hn->class_tension);
    c.id = "end_chart_tension";
    c.title = "Tension";
    c.tip = tip;
    c.lines = 2;
    c.line[0] = (chart_line){hist_a, 0, 100, HV_C_BAD, "Nations"};
    c.line[1] = (chart_line){hist_b, 0, 100, HV_C_WARN, "Classes"};
    snprintf(c.left[0], sizeof c.left[0], "0");
    snprintf(c.left[1], sizeof c.left[1], "100");
    c.left_colour = HV_C_DIM;
    c.has_mark = 1;
    c.mark = s->rules->society.riot_at;
    if (across == 3)
        cx += cw + gap;
    else
        cy += ch + gap;
    chart(app, (SDL_Rect){cx, cy, cw, ch}, &c);
    /* Funds, with zero in the range so a debt shows as one. */
    int64_t lo = 0, hi = 1;
    for (int i = 0; i < n; i++) {
        hist_a[i] = game->history[i].stock[HV_RES_FUNDS];
        lo = hist_a[i] < lo ? hist_a[i] : lo;
        hi = hist_a[i] > hi ? hist_a[i] : hi;
    }
    memset(&c, 0, sizeof c);
    hv_format_number(h0->stock[HV_RES_FUNDS], a, sizeof a);
    hv_format_number(hn->stock[HV_RES_FUNDS], b, sizeof b);
    const hv_resource_info *fi = &s->rules->resources[HV_RES_FUNDS];
    snprintf(tip, sizeof tip, "%s: %s %s at the start, %s %s at the end.", fi->name, a, fi->unit, b,
             fi->unit);
    c.id = "end_chart_funds";
    c.title = fi->name;
    c.tip = tip;
    c.lines = 1;
    c.line[0] = (chart_line){hist_a, lo, hi, HV_C_ACCENT, fi->name};
    hv_format_number(lo, c.left[0], sizeof c.left[0]);
    hv_format_number(hi, c.left[1], sizeof c.left[1]);
    c.left_colour = HV_C_DIM;
    c.has_mark = lo < 0;
    c.mark = 0;
    if (across == 3)
        cx += cw + gap;
    else
        cy += ch + gap;
    chart(app, (SDL_Rect){cx, cy, cw, ch}, &c);
    return h;
}

/* The goals with a tick or a cross each, in a column W wide. */
static int end_goals(hv_app *app, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_level *level = app->game->level;
    int top = y, lh = hv_gfx_line_height(g, HV_FONT_BODY), box = lh - hv_gfx_px(g, 4);
    int tx = x + box + hv_gfx_px(g, 10), tw = x + w - tx;
    y += hv_small_heading(g, x, y, "Goals", 6, draw);
    for (int32_t i = 0; i < s->rules->win_count; i++) {
        char text[HV_GOAL_TEXT_LEN], id[24], tip[HV_TIP_LEN];
        if (level->win_text[i][0])
            snprintf(text, sizeof text, "%s", level->win_text[i]);
        else
            hv_goal_describe(s->rules, &s->rules->win[i], text, sizeof text);
        hv_capitalise(text);
        int met = hv_goal_holds(s, &s->rules->win[i]);
        int h = hv_dlg_wrap(g, HV_FONT_BODY, 0, tx, y, tw, met ? HV_C_TEXT : HV_C_DIM, text, draw);
        if (draw) {
            mark(g, (SDL_Rect){x, y + hv_gfx_px(g, 2), box, box}, met);
            snprintf(id, sizeof id, "end_goal_%d", i + 1);
            snprintf(tip, sizeof tip, "%s: %s when the game ended.", text, met ? "met" : "not met");
            hv_gui_area(&app->gui, id, hv_dlg_visible((SDL_Rect){x, y, w, h}), tip);
        }
        y += h + hv_gfx_px(g, 4);
    }
    if (s->rules->win_count == 0) {
        if (draw)
            hv_gfx_text(g, HV_FONT_BODY, 0, x, y, HV_C_DIM, "This level has no goal to win.");
        y += lh;
    }
    return y - top;
}

/* The key figures of the game as label and value rows, W wide. */
static int end_figures(hv_app *app, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    int top = y, lh = hv_gfx_line_height(g, HV_FONT_BODY), isz = lh - hv_gfx_px(g, 4);
    struct {
        const char *icon;
        char label[80], value[64];
    } rows[7];
    char num[32];
    int n = 0;
    rows[n].icon = "icons/end_turn";
    snprintf(rows[n].label, sizeof rows[n].label, "Weeks played");
    if (s->outcome_turn && s->outcome_turn != s->turn)
        snprintf(rows[n++].value, sizeof rows[0].value, "%d (decided in %d)", s->turn,
                 s->outcome_turn);
    else
        snprintf(rows[n++].value, sizeof rows[0].value, "%d", s->turn);
    rows[n].icon = "icons/people";
    snprintf(rows[n].label, sizeof rows[n].label, "People alive");
    snprintf(rows[n++].value, sizeof rows[0].value, "%d", s->person_count);
    rows[n].icon = "icons/health";
    snprintf(rows[n].label, sizeof rows[n].label, "Deaths");
    snprintf(rows[n++].value, sizeof rows[0].value, "%d", s->deaths);
    rows[n].icon = "icons/tension";
    snprintf(rows[n].label, sizeof rows[n].label, "Incidents");
    snprintf(rows[n++].value, sizeof rows[0].value, "%d", s->incidents);
    rows[n].icon = "icons/asteroid";
    snprintf(rows[n].label, sizeof rows[n].label, "Asteroids captured");
    snprintf(rows[n++].value, sizeof rows[0].value, "%d", s->captured);
    rows[n].icon = "icons/iridium";
    snprintf(rows[n].label, sizeof rows[n].label, "%s sold on Earth",
             rules->resources[HV_RES_IRIDIUM].name);
    hv_format_number(s->exported, num, sizeof num);
    snprintf(rows[n++].value, sizeof rows[0].value, "%s %s", num,
             rules->resources[HV_RES_IRIDIUM].unit);
    rows[n].icon = "icons/funds";
    snprintf(rows[n].label, sizeof rows[n].label, "%s at the end",
             rules->resources[HV_RES_FUNDS].name);
    hv_format_number(s->stock[HV_RES_FUNDS], num, sizeof num);
    snprintf(rows[n++].value, sizeof rows[0].value, "%s %s", num,
             rules->resources[HV_RES_FUNDS].unit);
    y += hv_small_heading(g, x, y, "The record", 6, draw);
    for (int i = 0; i < n; i++) {
        if (draw) {
            int vw;
            char label[80];
            hv_gfx_text_size(g, HV_FONT_BODY, 1, rows[i].value, &vw, NULL);
            hv_gfx_image(g, rows[i].icon, (SDL_Rect){x, y + (lh - isz) / 2, isz, isz});
            int lx = x + isz + hv_gfx_px(g, 8);
            hv_text_fit(g, HV_FONT_BODY, 0, rows[i].label, x + w - vw - hv_gfx_px(g, 10) - lx,
                        label, sizeof label);
            hv_gfx_text(g, HV_FONT_BODY, 0, lx, y, HV_C_DIM, label);
            hv_gfx_text(g, HV_FONT_BODY, 1, x + w - vw, y, HV_C_TEXT, rows[i].value);
            if (i % 2 == 0)
                hv_gfx_fill(g, (SDL_Rect){x - hv_gfx_px(g, 4), y, w + hv_gfx_px(g, 8), lh},
                            0xffffff, 8);
        }
        y += lh + hv_gfx_px(g, 2);
    }
    return y - top;
}

static int end_body(hv_app *app, void *ctx, int x, int y, int w, int draw)
{
    (void)ctx;
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_level *level = app->game->level;
    int top = y, won = s->outcome == HV_OUTCOME_WON;
    char why[240], line[320];
    hv_state_describe_outcome(s, why, sizeof why);
    snprintf(line, sizeof line, "%s in week %d: %s.", won ? "Won" : "Lost", s->outcome_turn, why);
    y += hv_dlg_wrap(g, HV_FONT_HEAD, 0, x, y, w, HV_C_TEXT, line, draw);
    if (!won && s->outcome_goal >= 0 && s->outcome_goal < HV_MAX_GOALS &&
        level->lose_text[s->outcome_goal][0]) {
        snprintf(line, sizeof line, "%s.", level->lose_text[s->outcome_goal]);
        y += hv_gfx_px(g, 2);
        y += hv_dlg_wrap(g, HV_FONT_BODY, 0, x, y, w, HV_C_DIM, line, draw);
    }
    const hv_game *game = app->game;
    if (game->origin.stage > 0) {
        if (game->opened[0])
            snprintf(line, sizeof line, "Campaign: %s is now open, and starts where this ended.",
                     game->opened);
        else
            snprintf(line, sizeof line, "Campaign, level %d: %s", game->origin.stage,
                     won ? "won." : "win it to open the next level.");
        y += hv_gfx_px(g, 4);
        y += hv_dlg_wrap(g, HV_FONT_BODY, 1, x, y, w, won ? HV_C_GOOD : HV_C_DIM, line, draw);
    }
    y += hv_gfx_px(g, 18);
    int gap = hv_gfx_px(g, 32);
    if (w >= hv_gfx_px(g, 560)) {
        int left = (w - gap) * 55 / 100, right = w - gap - left;
        int hl = end_goals(app, x, y, left, draw);
        int hr = end_figures(app, x + left + gap, y, right, draw);
        y += hl > hr ? hl : hr;
    } else {
        y += end_goals(app, x, y, w, draw) + hv_gfx_px(g, 14);
        y += end_figures(app, x, y, w, draw);
    }
    y += hv_gfx_px(g, 18);
    y += end_charts(app, x, y, w, draw);
    return y - top;
}

void hv_dialog_end(hv_app *app)
{
    hv_dlg_just_opened(app);
    hv_game *game = app->game;
    if (!game || game->state.outcome == HV_OUTCOME_RUNNING) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    hv_gfx *g = &app->gfx;
    hv_state *s = &game->state;
    int won = s->outcome == HV_OUTCOME_WON;
    int bh = hv_gfx_px(g, HV_DLG_FOOT);
    hv_dlg_head head = {won ? "icons/win" : "icons/lose", won ? "Victory" : "The base is lost",
                        game->level->title, won ? HV_C_GOOD : HV_C_BAD, 1};
    hv_dlg_frame d = hv_dlg_show(app, 860, bh, head, "end_body", end_body, NULL);
    /* Main menu on the left; looking at the base and playing on at the right. */
    SDL_Rect r = {d.foot.x, d.foot.y, hv_dlg_button_width(g, "icons/menu", "Main menu"), bh};
    if (hv_gui_button(&app->gui, "end_menu", r, "icons/menu", "Main menu",
                      "Close this game and go back to the main menu. Every week played is in the "
                      "autosave.",
                      0)) {
        hv_app_close_game(app);
        app->screen = HV_SCR_MENU;
        app->modal = HV_MODAL_NONE;
        return;
    }
    if (game->origin.stage > 0) {
        r.x += r.w + hv_gfx_px(g, 10);
        r.w = hv_dlg_button_width(g, "icons/menu", "Campaign");
        if (hv_gui_button(&app->gui, "end_campaign", r, "icons/menu", "Campaign",
                          "Close this game and go to the campaign, where the next level waits "
                          "once this one is won.",
                          0)) {
            hv_app_close_game(app);
            app->screen = HV_SCR_CAMPAIGN;
            app->modal = HV_MODAL_NONE;
            return;
        }
    }
    r.w = hv_dlg_button_width(g, "icons/end_turn", "Keep playing");
    r.x = d.foot.x + d.foot.w - r.w;
    if (hv_gui_button(&app->gui, "end_keep_playing", r, "icons/end_turn", "Keep playing",
                      s->play_on ? "Go back to the base; the weeks go on."
                                 : "Let the weeks go on after this. The outcome stays as it was "
                                   "decided; the base runs until you stop.",
                      HV_W_PRIMARY)) {
        if (!s->play_on) {
            hv_state_play_on(s);
            hv_app_toast(app, "The weeks go on; the outcome stays as it was decided.");
        }
        game->summary_seen = 1;
        app->modal = HV_MODAL_NONE;
        return;
    }
    r.w = hv_dlg_button_width(g, "icons/close", "View the base");
    r.x -= r.w + hv_gfx_px(g, 10);
    if (hv_gui_button(&app->gui, "end_close", r, "icons/close", "View the base",
                      "Close this summary to look over the base as it was left. The End Turn "
                      "button brings the summary back.",
                      0)) {
        game->summary_seen = 1;
        app->modal = HV_MODAL_NONE;
    }
}
