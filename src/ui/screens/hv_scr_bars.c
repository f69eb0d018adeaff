/* The bars around the base view: stocks along the top with their causes,
 * the panel buttons down the side, queued orders and End Turn below. */
#include <stdio.h>
#include <string.h>

#include "hv_app.h"
#include "hv_print.h"
#include "hv_scr_game.h"
#include "hv_turn.h"

static const char *const res_icon[HV_RES_COUNT] = {
    "icons/water", "icons/oxygen", "icons/food",    "icons/materials",
    "icons/fuel",  "icons/ore",    "icons/iridium", "icons/funds",
};

/* ---- top bar ----------------------------------------------------------- */

/* The forecast's line for resource R: "Next week: +12; runs out in 5 weeks." */
static size_t next_week_line(const hv_forecast *f, int r, char *buf, size_t len)
{
    if (f->status == HV_FORECAST_WAITING)
        return (size_t)snprintf(buf, len, "\nNext week: waits for your answer to the event.");
    if (f->status != HV_FORECAST_READY)
        return 0;
    size_t n = (size_t)snprintf(buf, len, "\nNext week: %+lld", (long long)f->change[r]);
    if (n < len && f->runs_out[r] == 1)
        n += (size_t)snprintf(buf + n, len - n, "; runs out next week");
    else if (n < len && f->runs_out[r] > 1)
        n += (size_t)snprintf(buf + n, len - n, "; runs out in %d weeks", f->runs_out[r]);
    else if (n < len && (f->shortage_mask >> r) & 1)
        n += (size_t)snprintf(buf + n, len - n, "; will run short");
    return n;
}

/* The tooltip of a resource: stock, next week's change, last week's
 * change and its causes. */
static void resource_tip(const hv_game *game, const hv_forecast *f, int r, char *buf, size_t len)
{
    const hv_rules *rules = game->state.rules;
    int64_t by_cause[HV_CAUSE_COUNT] = {0};
    for (int32_t i = 0; i < game->report.count; i++) {
        const hv_event *e = &game->report.events[i];
        if (e->kind == HV_EV_RESOURCE && e->resource == r && e->cause >= 0 &&
            e->cause < HV_CAUSE_COUNT)
            by_cause[e->cause] += e->amount;
    }
    char num[32];
    hv_format_number(game->state.stock[r], num, sizeof num);
    size_t n = (size_t)snprintf(buf, len, "%s: %s %s", rules->resources[r].name, num,
                                rules->resources[r].unit);
    if (n < len)
        n += next_week_line(f, r, buf + n, len - n);
    if (n >= len)
        return;
    if (!game->played) {
        snprintf(buf + n, len - n, "\nNo week played yet.");
        return;
    }
    int64_t total = game->state.stock[r] - game->before.stock[r];
    n += (size_t)snprintf(buf + n, len - n, "\nLast week: %+lld", (long long)total);
    for (int c = 0; c < HV_CAUSE_COUNT && n < len; c++)
        if (by_cause[c])
            n += (size_t)snprintf(buf + n, len - n, "\n  %+lld  %s", (long long)by_cause[c],
                                  hv_cause_words((hv_cause)c));
    if (r < HV_RES_MATERIALS && n < len) {
        int64_t need = rules->life.need[r] * game->state.person_count;
        if (need > 0)
            snprintf(buf + n, len - n, "\nThe crew uses %lld a week.", (long long)need);
    }
}

/* One figure of the top bar: an icon, a value and, once a week has been
 * played, last week's change under it. */
typedef struct chip {
    const char *id, *icon;
    char value[48], tip[HV_TIP_LEN];
    int64_t delta;
    int show_delta;
} chip;

/* A chip's width; COMPACT narrows its icon and padding for small windows. */
static int chip_width(hv_gfx *g, const chip *c, int compact)
{
    int icon_size = hv_gfx_px(g, compact ? 16 : 22), pad = hv_gfx_px(g, compact ? 3 : 6);
    int vw, dw = 0;
    hv_gfx_text_size(g, HV_FONT_BODY, 1, c->value, &vw, NULL);
    if (c->show_delta) {
        char d[32];
        snprintf(d, sizeof d, c->delta ? "%+lld" : "±0", (long long)c->delta);
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, d, &dw, NULL);
    }
    return icon_size + pad + (vw > dw ? vw : dw) + 2 * pad;
}

static int draw_chip(hv_app *app, int x, int y, int h, const chip *c, int compact)
{
    hv_gfx *g = &app->gfx;
    int icon_size = hv_gfx_px(g, compact ? 16 : 22), pad = hv_gfx_px(g, compact ? 3 : 6);
    int w = chip_width(g, c, compact), vh;
    hv_gfx_text_size(g, HV_FONT_BODY, 1, c->value, NULL, &vh);
    SDL_Rect r = {x, y + hv_gfx_px(g, 4), w, h - hv_gfx_px(g, 8)};
    if (hv_gui_hover(&app->gui, r))
        hv_gfx_fill(g, r, HV_C_PANEL_HI, 255);
    hv_gfx_image(g, c->icon, (SDL_Rect){x + pad, y + (h - icon_size) / 2, icon_size, icon_size});
    int tx = x + pad + icon_size + pad;
    int lh = hv_gfx_line_height(g, HV_FONT_SMALL);
    int ty = c->show_delta ? y + (h - vh - lh) / 2 : y + (h - vh) / 2;
    hv_gfx_text(g, HV_FONT_BODY, 1, tx, ty, HV_C_TEXT, c->value);
    if (c->show_delta) {
        char d[32];
        snprintf(d, sizeof d, c->delta ? "%+lld" : "±0", (long long)c->delta);
        hv_gfx_text(g, HV_FONT_SMALL, 0, tx, ty + vh - hv_gfx_px(g, 2),
                    c->delta > 0   ? HV_C_GOOD
                    : c->delta < 0 ? HV_C_BAD
                                   : HV_C_DIM,
                    d);
    }
    hv_gui_area(&app->gui, c->id, r, c->tip);
    return w;
}

/* The week by which the goals must be met (a lose goal's deadline, else a
 * win at a week), or 0 when the level has none ahead. */
static int32_t next_deadline(const hv_state *s)
{
    int32_t best = 0;
    for (int pass = 0; pass < 2 && !best; pass++) {
        const hv_goal *goals = pass ? s->rules->win : s->rules->lose;
        int32_t n = pass ? s->rules->win_count : s->rules->lose_count;
        for (int32_t i = 0; i < n; i++)
            if (goals[i].kind == HV_GOAL_TURN_REACHED && goals[i].turn > s->turn &&
                (!best || goals[i].turn < best))
                best = goals[i].turn;
    }
    return best;
}

void hv_game_top_bar(hv_app *app, SDL_Rect bar)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_state *s = &game->state;
    hv_gfx_fill(g, bar, HV_C_PANEL, 255);
    hv_gfx_fill(g, (SDL_Rect){bar.x, bar.y + bar.h - 2, bar.w, 2}, HV_C_BORDER, 255);
    char res_ids[HV_RES_COUNT][32];
    chip chips[HV_RES_COUNT + 4];
    const hv_forecast *f = hv_game_forecast(game);
    int n = 0;
    for (int r = 0; r < HV_RES_COUNT; r++, n++) {
        chip *c = &chips[n];
        snprintf(res_ids[r], sizeof res_ids[r], "res_%s", hv_resource_id((hv_resource)r));
        c->id = res_ids[r];
        c->icon = res_icon[r];
        hv_format_number(s->stock[r], c->value, sizeof c->value);
        resource_tip(game, f, r, c->tip, sizeof c->tip);
        c->delta = s->stock[r] - game->before.stock[r];
        c->show_delta = game->played;
    }
    chip *c = &chips[n++];
    *c = (chip){"power", "icons/power", "", "", 0, 0};
    snprintf(c->value, sizeof c->value, "%d/%d kW", s->power_supply, s->power_demand);
    snprintf(c->tip, sizeof c->tip,
             "Power: %d kW made, %d kW wanted last week.\nOn a deficit, modules shut down from "
             "priority 9 towards 1.",
             s->power_supply, s->power_demand);
    if (f->status == HV_FORECAST_READY)
        snprintf(c->tip + strlen(c->tip), sizeof c->tip - strlen(c->tip),
                 "\nNext week: %d kW made, %d kW wanted%s.", f->power_supply, f->power_demand,
                 f->power_demand > f->power_supply ? ": a deficit" : "");
    c = &chips[n++];
    *c = (chip){"dust", "icons/dust", "", "", 0, 0};
    snprintf(c->value, sizeof c->value, "%d%%", s->dust);
    snprintf(c->tip, sizeof c->tip, "Dust in the air: %d%%. Solar arrays lose that share of output.",
             s->dust);
    /* On a world of long days, the coming week's light and when it turns. */
    int32_t turns;
    int lit = hv_world_daylight(s->rules, s->turn + 1, &turns);
    if (turns)
        snprintf(c->tip + strlen(c->tip), sizeof c->tip - strlen(c->tip),
                 lit ? "\nDaylight: the arrays work until week %d."
                     : "\nNight: the arrays are dark until week %d.",
                 turns);
    c = &chips[n++];
    *c = (chip){"people", "icons/people", "", "", 0, 0};
    snprintf(c->value, sizeof c->value, "%d", s->person_count);
    snprintf(c->tip, sizeof c->tip, "People at the base: %d (%d have died).", s->person_count,
             s->deaths);
    c = &chips[n++];
    *c = (chip){"tension", "icons/tension", "", "", 0, 0};
    int t = hv_state_max_tension(s);
    snprintf(c->value, sizeof c->value, "%d", t);
    snprintf(c->tip, sizeof c->tip,
             "Worst tension: %d (nations %d, classes %d). Incidents start at %d; a riot at %d "
             "held for %d weeks loses the base.",
             t, hv_state_nation_tension(s), s->class_tension, s->rules->society.incident_at,
             s->rules->society.riot_at, s->rules->society.riot_weeks);
    /* The week, right-aligned; the chips narrow themselves to leave it room. */
    char week[32], tip[HV_TIP_LEN];
    int32_t deadline = next_deadline(s);
    if (deadline > 0)
        snprintf(week, sizeof week, "Week %d / %d", s->turn + 1, deadline);
    else
        snprintf(week, sizeof week, "Week %d", s->turn + 1);
    int ww, wh;
    hv_gfx_text_size(g, HV_FONT_HEAD, 1, week, &ww, &wh);
    SDL_Rect wr = {bar.x + bar.w - ww - hv_gfx_px(g, 16), bar.y, ww, bar.h};
    int room = wr.x - bar.x - hv_gfx_px(g, 16), total = 0;
    for (int i = 0; i < n; i++)
        total += chip_width(g, &chips[i], 0);
    int compact = total > room;
    int x = bar.x + hv_gfx_px(g, compact ? 4 : 8);
    for (int i = 0; i < n; i++)
        x += draw_chip(app, x, bar.y, bar.h, &chips[i], compact);
    hv_gfx_text(g, HV_FONT_HEAD, 1, wr.x, bar.y + (bar.h - wh) / 2, HV_C_ACCENT, week);
    int n_tip = snprintf(tip, sizeof tip, "%s\nWeek %d of the game; %d played.",
                         app->game->level->title, s->turn + 1, s->turn);
    if (deadline > 0 && n_tip > 0 && (size_t)n_tip < sizeof tip)
        snprintf(tip + n_tip, sizeof tip - (size_t)n_tip,
                 "\nThe goals must be met by the end of week %d: %d weeks left. The goals panel "
                 "(G) shows how far along they are.",
                 deadline, deadline - s->turn);
    hv_gui_area(&app->gui, "week", wr, tip);
}

/* ---- side and bottom bars ---------------------------------------------- */

void hv_game_side_bar(hv_app *app, SDL_Rect bar)
{
    static const struct {
        const char *id, *icon, *tip;
        hv_panel panel;
        hv_action key;
    } buttons[] = {
        {"panel_crew", "icons/crew", "Crew: assignments, morale and health", HV_PANEL_CREW,
         HV_ACT_CREW},
        {"panel_factions", "icons/factions", "Factions and tension between them", HV_PANEL_FACTIONS,
         HV_ACT_FACTIONS},
        {"panel_asteroids", "icons/asteroids", "Asteroids and missions", HV_PANEL_ASTEROIDS,
         HV_ACT_ASTEROIDS},
        {"panel_policies", "icons/policies", "Policies of the base", HV_PANEL_POLICIES,
         HV_ACT_POLICIES},
        {"panel_charts", "icons/charts", "History charts", HV_PANEL_CHARTS, HV_ACT_CHARTS},
        {"panel_report", "icons/report", "Reports of the weeks played, and next week's forecast",
         HV_PANEL_REPORT, HV_ACT_REPORT},
        {"panel_goals", "icons/win", "Goals: progress and deadlines", HV_PANEL_GOALS, HV_ACT_GOALS},
    };
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    hv_gfx_fill(g, bar, HV_C_PANEL, 255);
    hv_gfx_fill(g, (SDL_Rect){bar.x, bar.y, 2, bar.h}, HV_C_BORDER, 255);
    /* Build, the panels, help and menu: smaller buttons when the window is short. */
    int count = (int)(sizeof buttons / sizeof buttons[0]) + 3;
    int gap = hv_gfx_px(g, 6), size = bar.w - hv_gfx_px(g, 10), y = bar.y + gap;
    if (count * (size + gap) + gap > bar.h)
        size = (bar.h - gap) / count - gap;
    char tip[160], key[32];
    hv_keybind_format(app->settings.keys[HV_ACT_BUILD], key, sizeof key);
    snprintf(tip, sizeof tip, "Build mode: pick a module type, then a cell (%s)", key);
    SDL_Rect r = {bar.x + (bar.w - size) / 2, y, size, size};
    if (hv_gui_button(&app->gui, "build_mode", r, "icons/build", NULL, tip,
                      game->build_type >= 0 ? HV_W_SELECTED : 0)) {
        game->build_type = game->build_type >= 0 ? -1 : 0;
        game->selected = 0;
    }
    y += size + gap;
    for (size_t i = 0; i < sizeof buttons / sizeof buttons[0]; i++) {
        r.y = y;
        hv_keybind_format(app->settings.keys[buttons[i].key], key, sizeof key);
        snprintf(tip, sizeof tip, "%s (%s)", buttons[i].tip, key);
        if (hv_gui_button(&app->gui, buttons[i].id, r, buttons[i].icon, NULL, tip,
                          app->panel == buttons[i].panel ? HV_W_SELECTED : 0))
            app->panel = app->panel == buttons[i].panel ? HV_PANEL_NONE : buttons[i].panel;
        y += size + gap;
    }
    r.y = bar.y + bar.h - 2 * (size + gap);
    hv_keybind_format(app->settings.keys[HV_ACT_HELP], key, sizeof key);
    snprintf(tip, sizeof tip, "Help and keys (%s)", key);
    if (hv_gui_button(&app->gui, "help", r, "icons/help", NULL, tip, 0))
        app->modal = HV_MODAL_HELP;
    r.y += size + gap;
    hv_keybind_format(app->settings.keys[HV_ACT_MENU], key, sizeof key);
    snprintf(tip, sizeof tip, "Menu: save, load, settings, quit (%s)", key);
    if (hv_gui_button(&app->gui, "menu", r, "icons/menu", NULL, tip, 0))
        app->modal = HV_MODAL_MENU;
}

void hv_game_bottom_bar(hv_app *app, SDL_Rect bar)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    hv_state *s = &game->state;
    hv_gfx_fill(g, bar, HV_C_PANEL, 255);
    hv_gfx_fill(g, (SDL_Rect){bar.x, bar.y, bar.w, 2}, HV_C_BORDER, 255);
    int pad = hv_gfx_px(g, 8), bh = bar.h - 2 * pad;
    char label[64], tip[HV_TIP_LEN], key[32];
    /* Orders queued this week, listed in the tooltip. */
    size_t n = (size_t)snprintf(tip, sizeof tip, "Orders queued for this week:");
    for (int32_t i = 0; i < s->order_count && n < sizeof tip; i++) {
        char line[160];
        hv_describe_order(s, &s->orders[i], line, sizeof line);
        n += (size_t)snprintf(tip + n, sizeof tip - n, "\n%d. %s", i + 1, line);
    }
    if (s->order_count == 0)
        snprintf(tip + n, sizeof tip - n, " none yet.");
    snprintf(label, sizeof label, "%d order%s queued", s->order_count,
             s->order_count == 1 ? "" : "s");
    int lw, lhh;
    hv_gfx_text_size(g, HV_FONT_BODY, 0, label, &lw, &lhh);
    SDL_Rect lr = {bar.x + pad, bar.y + (bar.h - lhh) / 2, lw, lhh};
    hv_gfx_text(g, HV_FONT_BODY, 0, lr.x, lr.y, HV_C_TEXT, label);
    hv_gui_area(&app->gui, "orders", lr, tip);
    hv_keybind_format(app->settings.keys[HV_ACT_UNDO], key, sizeof key);
    snprintf(tip, sizeof tip, "Drop the last order queued this week (%s)", key);
    SDL_Rect ur = {lr.x + lw + pad, bar.y + pad, hv_gfx_px(g, 96), bh};
    if (hv_gui_button(&app->gui, "undo", ur, "icons/undo", "Undo", tip,
                      s->order_count ? 0 : HV_W_DISABLED))
        hv_app_undo(app);
    /* Every alert of the game, the week's new ones counted on the button. */
    snprintf(label, sizeof label, game->alerts_new ? "Alerts %d" : "Alerts", game->alerts_new);
    snprintf(tip, sizeof tip, "Every alert of this game: blackouts, shortages, faults, unrest, "
                              "arrivals and launch windows, each with its cause.");
    SDL_Rect ar = {ur.x + ur.w + pad, bar.y + pad, hv_gfx_px(g, 110), bh};
    if (hv_gui_button(&app->gui, "alerts", ar, "icons/warning", label, tip, 0)) {
        game->alerts_all = 1;
        app->modal = HV_MODAL_ALERTS;
    }
    ur = ar; /* the message goes after it */
    /* End turn, the biggest button. */
    int ew = hv_gfx_px(g, 200);
    SDL_Rect er = {bar.x + bar.w - ew - pad, bar.y + pad, ew, bh};
    hv_keybind_format(app->settings.keys[HV_ACT_END_TURN], key, sizeof key);
    int over = s->outcome != HV_OUTCOME_RUNNING && !s->play_on;
    snprintf(tip, sizeof tip, "%s (%s)",
             over              ? "The game is over: see the summary."
             : s->pending >= 0 ? "An event waits for your answer first."
                               : "Apply the queued orders and play out the week.",
             key);
    snprintf(label, sizeof label, over ? "Summary" : "End week %d", s->turn + 1);
    if (hv_gui_button(&app->gui, "end_turn", er, "icons/end_turn", label, tip, HV_W_PRIMARY))
        hv_app_press_end_week(app);
    /* The latest message in between, for as long as it lasts. */
    if (hv_app_toast_shown(app)) {
        hv_gfx_text(g, HV_FONT_BODY, 0, ur.x + ur.w + 2 * pad, bar.y + (bar.h - lhh) / 2, HV_C_WARN,
                    app->toast);
        app->toast_drawn = 1;
    }
}
