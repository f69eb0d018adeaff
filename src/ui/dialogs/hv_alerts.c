/* Alerts: the week's report and state read for what must not be missed,
 * kept as notes with the place that explains each (hv_alerts.h). */
#include "hv_alerts.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "hv_dialog.h"
#include "hv_panel_crew.h"
#include "hv_turn.h"

/* A shortage this many weeks away or nearer is an alert. */
#define SHORTAGE_WEEKS 2

static void add(hv_game *game, int kind, int32_t module, int panel, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void add(hv_game *game, int kind, int32_t module, int panel, const char *fmt, ...)
{
    if (game->alert_count == HV_ALERTS) { /* the oldest goes */
        memmove(game->alerts, game->alerts + 1, (HV_ALERTS - 1) * sizeof game->alerts[0]);
        game->alert_count--;
    }
    hv_alert_note *n = &game->alerts[game->alert_count++];
    n->kind = kind;
    n->week = game->state.turn;
    n->module = module;
    n->panel = panel;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(n->text, sizeof n->text, fmt, ap);
    va_end(ap);
}

/* Stocks the base lives on, or pays with, that will run out within
 * SHORTAGE_WEEKS at last week's rate, or have run out. */
static int shortages(hv_game *game)
{
    const hv_state *s = &game->state;
    const hv_rules *rules = s->rules;
    int added = 0;
    for (int r = 0; r < HV_RES_COUNT; r++) {
        if (!rules->life.need[r] && r != HV_RES_FUNDS)
            continue;
        int64_t now = s->stock[r], change = now - game->before.stock[r];
        if ((s->shortage_mask >> r) & 1) {
            add(game, HV_ALERT_SHORTAGE, 0, HV_PANEL_REPORT, "Shortage: the base ran out of %s",
                rules->resources[r].name);
            added++;
        } else if (change < 0 && now > 0 && now <= -change * SHORTAGE_WEEKS) {
            int64_t weeks = (now + -change - 1) / -change;
            add(game, HV_ALERT_SHORTAGE, 0, HV_PANEL_REPORT,
                "Shortage ahead: %s runs out in %lld week%s at last week's rate (%lld a week)",
                rules->resources[r].name, (long long)weeks, weeks == 1 ? "" : "s",
                (long long)change);
            added++;
        }
    }
    return added;
}

int hv_alerts_collect(hv_game *game)
{
    const hv_state *s = &game->state;
    const hv_rules *rules = s->rules;
    const hv_report *r = &game->report;
    int before = game->alert_count, unpowered = 0, supply = 0;
    int32_t first_dark = 0;
    char name[96];
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        if (e->kind == HV_EV_MODULE_UNPOWERED && !unpowered++)
            first_dark = e->subject;
    }
    if (unpowered)
        add(game, HV_ALERT_BLACKOUT, first_dark, HV_PANEL_NONE,
            "Blackout: %d module%s shut down; %d kW made of %d kW wanted", unpowered,
            unpowered == 1 ? "" : "s", s->power_supply, s->power_demand);
    shortages(game);
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        switch (e->kind) {
        case HV_EV_MODULE_BROKEN:
            hv_crew_module_name(s, e->subject, name, sizeof name);
            add(game, HV_ALERT_FAULT, e->subject, HV_PANEL_NONE,
                "Fault: %s is out of action for %lld week%s", name, (long long)e->value,
                e->value == 1 ? "" : "s");
            break;
        case HV_EV_INCIDENT:
            add(game, HV_ALERT_UNREST, 0, HV_PANEL_REPORT,
                e->subject < 0 ? "Strike: work stopped at the base"
                               : "Incident: trouble at the base; the report says what");
            break;
        case HV_EV_RIOT:
            add(game, HV_ALERT_UNREST, 0, HV_PANEL_FACTIONS,
                "Riot: %lld module%s wrecked; tension had reached %lld", (long long)e->value,
                e->value == 1 ? "" : "s", (long long)e->amount);
            break;
        case HV_EV_MISSION:
            if (e->cause == HV_CAUSE_MISSION && e->amount != HV_RESULT_NONE && e->subject >= 0 &&
                e->subject < rules->asteroid_count)
                add(game, HV_ALERT_ARRIVAL, 0, HV_PANEL_ASTEROIDS, "%s: %s",
                    rules->asteroids[e->subject].name,
                    e->amount == HV_RESULT_SURVEYED   ? "the probe's survey is in"
                    : e->amount == HV_RESULT_CAPTURED ? "the crew captured it"
                                                      : "the mission failed");
            break;
        case HV_EV_RESOURCE:
            if (e->cause == HV_CAUSE_SUPPLY && e->amount > 0 && !supply++)
                add(game, HV_ALERT_ARRIVAL, 0, HV_PANEL_REPORT, "A supply ship landed");
            break;
        default:
            break;
        }
    }
    int32_t opened = hv_alerts_window_opened(&game->before, s);
    if (opened >= 0)
        add(game, HV_ALERT_LAUNCH, 0, HV_PANEL_ASTEROIDS, "The launch window to %s is open",
            rules->asteroids[opened].name);
    game->alerts_new = game->alert_count - before;
    if (game->alerts_new < 0) /* the list was full: all of it is this week's */
        game->alerts_new = game->alert_count;
    return game->alerts_new;
}

int32_t hv_alerts_window_opened(const hv_state *before, const hv_state *after)
{
    for (int32_t i = 0; i < after->rules->asteroid_count; i++) {
        const hv_asteroid *a = &after->rules->asteroids[i];
        if (after->asteroids[i].stage != HV_STAGE_FAR)
            continue;
        int always = a->window_open == 0 && a->window_close == 0;
        if (!always && hv_asteroid_window_open(after, i, after->turn + 1) &&
            !hv_asteroid_window_open(before, i, before->turn + 1))
            return i;
    }
    return -1;
}

void hv_alerts_show(hv_app *app, int index)
{
    hv_game *game = app->game;
    if (!game || index < 0 || index >= game->alert_count)
        return;
    const hv_alert_note *n = &game->alerts[index];
    app->modal = HV_MODAL_NONE;
    if (n->module && hv_crew_module_index(&game->state, n->module) >= 0) {
        game->build_type = -1;
        game->selected = n->module;
        app->panel = HV_PANEL_NONE;
    } else if (n->panel != HV_PANEL_NONE) {
        app->panel = (hv_panel)n->panel;
    }
}

/* ---- the dialog ----------------------------------------------------------- */

static const char *const icons[HV_ALERT_COUNT] = {"icons/power", "icons/water", "icons/warning",
                                                  "icons/tension", "icons/probe",
                                                  "icons/asteroid"};

static int first_shown(const hv_game *game)
{
    return game->alerts_all ? 0 : game->alert_count - game->alerts_new;
}

static int alerts_body(hv_app *app, void *ctx, int x, int y, int w, int draw)
{
    (void)ctx;
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    int top = y, row = hv_gfx_px(g, 40), gap = hv_gfx_px(g, 6);
    if (game->alert_count == 0) {
        return hv_dlg_wrap(g, HV_FONT_BODY, 0, x, y, w, HV_C_DIM,
                           "Nothing to report: no blackout, shortage, fault or unrest so far.",
                           draw);
    }
    /* The newest first: what just happened leads. */
    for (int i = game->alert_count - 1; i >= first_shown(game); i--) {
        const hv_alert_note *n = &game->alerts[i];
        if (draw) {
            char id[24], label[200], tip[200];
            snprintf(id, sizeof id, "alert_%d", game->alert_count - i);
            snprintf(label, sizeof label, "Week %d. %s", n->week, n->text);
            snprintf(tip, sizeof tip, "%s", n->module ? "Show the module on the map."
                                                      : "Open the panel that explains it.");
            SDL_Rect r = hv_dlg_visible((SDL_Rect){x, y, w, row});
            hv_gfx_image(g, icons[n->kind % HV_ALERT_COUNT],
                         (SDL_Rect){x + gap, y + (row - hv_gfx_px(g, 22)) / 2, hv_gfx_px(g, 22),
                                    hv_gfx_px(g, 22)});
            hv_gfx_text(g, HV_FONT_BODY, 0, x + hv_gfx_px(g, 36),
                        y + (row - hv_gfx_line_height(g, HV_FONT_BODY)) / 2,
                        n->kind <= HV_ALERT_UNREST ? HV_C_WARN : HV_C_TEXT, label);
            if (r.h > 0 && hv_gui_button(&app->gui, id, r, NULL, NULL, tip, HV_W_FLAT)) {
                hv_alerts_show(app, i);
                return y - top;
            }
        }
        y += row + gap;
    }
    return y - top;
}

void hv_dialog_alerts(hv_app *app)
{
    hv_dlg_just_opened(app);
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    if (!game) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    int shown = game->alert_count - first_shown(game);
    char sub[96];
    snprintf(sub, sizeof sub, game->alerts_all ? "Every alert of this game, the newest first"
                                               : "%d thing%s this week must not be missed",
             shown, shown == 1 ? "" : "s");
    int bh = hv_gfx_px(g, HV_DLG_FOOT);
    hv_dlg_head head = {"icons/warning", "Alerts", sub, HV_C_WARN, 0};
    hv_dlg_frame d = hv_dlg_show(app, 760, bh, head, "alerts_body", alerts_body, NULL);
    if (app->modal != HV_MODAL_ALERTS)
        return; /* an alert was clicked */
    int w = hv_dlg_button_width(g, NULL, "Close");
    if (hv_gui_button(&app->gui, "alerts_close", (SDL_Rect){d.foot.x + d.foot.w - w, d.foot.y, w, bh},
                      NULL, "Close", "Back to the base (Esc).", HV_W_PRIMARY)) {
        app->modal = HV_MODAL_NONE;
        game->alerts_all = 0;
    }
    if (!game->alerts_all && game->alert_count > shown) {
        int aw = hv_dlg_button_width(g, NULL, "All alerts");
        if (hv_gui_button(&app->gui, "alerts_all", (SDL_Rect){d.foot.x, d.foot.y, aw, bh}, NULL,
                          "All alerts", "Every alert of this game.", 0))
            game->alerts_all = 1;
    }
}
