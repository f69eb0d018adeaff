/* The top of the report panel: paging through the weeks kept, the filters
 * that narrow a week's report, and the forecast of the week to come. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hv_report_lines.h"
#include "hv_widgets.h"

#define K(kind) ((uint64_t)1 << (kind))

const hv_report_filter hv_report_filters[HV_REPORT_FILTERS] = {
    {"report_filter_all", "All", "Everything the week brought", ~(uint64_t)0},
    {"report_filter_resources", "Stocks", "Stocks, power, dust, daylight and the market",
     K(HV_EV_RESOURCE) | K(HV_EV_POWER) | K(HV_EV_DUST) | K(HV_EV_DAYLIGHT) | K(HV_EV_PRICE) |
         K(HV_EV_SALE)},
    {"report_filter_modules", "Modules",
     "Modules finished, broken, repaired, shut down or short of inputs",
     K(HV_EV_MODULE_BUILT) | K(HV_EV_MODULE_BROKEN) | K(HV_EV_MODULE_REPAIRED) |
         K(HV_EV_MODULE_UNPOWERED) | K(HV_EV_MODULE_STARVED)},
    {"report_filter_people", "People", "Health, deaths, morale and incidents",
     K(HV_EV_HEALTH) | K(HV_EV_DEATH) | K(HV_EV_MORALE) | K(HV_EV_INCIDENT)},
    {"report_filter_society", "Society",
     "Tension, morale, sponsors, votes, partners, riots and policies",
     K(HV_EV_TENSION) | K(HV_EV_MORALE) | K(HV_EV_SATISFACTION) | K(HV_EV_PARTNER) | K(HV_EV_VOTE) |
         K(HV_EV_FUNDING) | K(HV_EV_RIOT) | K(HV_EV_POLICY) | K(HV_EV_INCIDENT)},
    {"report_filter_missions", "Missions", "Probes, captures, mining in orbit and sales",
     K(HV_EV_MISSION) | K(HV_EV_SALE) | K(HV_EV_HIJACK) | K(HV_EV_MANDATE)},
    {"report_filter_events", "Events", "Orders given, events, answers and what was announced",
     K(HV_EV_EVENT) | K(HV_EV_FORECAST) | K(HV_EV_FOLLOW_UP) | K(HV_EV_ORDER_DONE) |
         K(HV_EV_ORDER_REJECTED) | K(HV_EV_STEP) | K(HV_EV_OUTCOME)},
};

/* A button as wide as its label needs. */
static int button_w(hv_gfx *g, const char *label)
{
    int w;
    hv_gfx_text_size(g, HV_FONT_BODY, 0, label, &w, NULL);
    return w + hv_gfx_px(g, 16);
}

SDL_Rect hv_report_controls(hv_app *app, SDL_Rect area, int32_t shown)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_report_book *book = &game->book;
    int h = hv_gfx_px(g, 26), gap = hv_gfx_px(g, 4), y = area.y;
    int32_t index = hv_book_find(book, shown), last = book->week_count - 1;
    /* Earlier, the week shown, later, latest. */
    int pw = button_w(g, "Earlier"), nw = button_w(g, "Later"), lw = button_w(g, "Latest");
    int x = area.x;
    if (hv_gui_button(&app->gui, "report_prev", (SDL_Rect){x, y, pw, h}, NULL, "Earlier",
                      "The report of the week before", index > 0 ? 0 : HV_W_DISABLED) &&
        index > 0)
        game->report_week = book->weeks[index - 1].week;
    x += pw + gap;
    int right = area.x + area.w;
    SDL_Rect latest = {right - lw, y, lw, h}, next = {right - lw - gap - nw, y, nw, h};
    SDL_Rect label = {x, y, next.x - gap - x, h};
    char text[64], tip[200], id[40];
    if (shown > 0) {
        snprintf(text, sizeof text, "Week %d", shown);
        snprintf(tip, sizeof tip, "The report of week %d. Reports are kept from week %d to %d.",
                 shown, book->weeks[0].week, book->weeks[last].week);
    } else {
        snprintf(text, sizeof text, "No week yet");
        snprintf(tip, sizeof tip, "No week has been played yet.");
    }
    char fit[64];
    hv_text_fit(g, HV_FONT_BODY, 1, text, label.w, fit, sizeof fit);
    int tw, th;
    hv_gfx_text_size(g, HV_FONT_BODY, 1, fit, &tw, &th);
    hv_gfx_text(g, HV_FONT_BODY, 1, label.x + (label.w - tw) / 2, y + (h - th) / 2, HV_C_TEXT, fit);
    snprintf(id, sizeof id, "report_week_%d", shown);
    hv_gui_area(&app->gui, id, label, tip);
    if (hv_gui_button(&app->gui, "report_next", next, NULL, "Later", "The report of the week after",
                      index >= 0 && index < last ? 0 : HV_W_DISABLED) &&
        index >= 0 && index < last)
        game->report_week = book->weeks[index + 1].week;
    if (hv_gui_button(&app->gui, "report_latest", latest, NULL, "Latest",
                      "The report of the last week played, with the forecast of the next",
                      index >= 0 && index < last ? 0 : HV_W_DISABLED))
        game->report_week = 0;
    /* The filters, flowing onto as many rows as the panel needs. */
    y += h + gap * 2;
    x = area.x;
    int fh = hv_gfx_px(g, 24);
    for (int k = 0; k < HV_REPORT_FILTERS; k++) {
        const hv_report_filter *f = &hv_report_filters[k];
        int w = button_w(g, f->label);
        if (x > area.x && x + w > right) {
            x = area.x;
            y += fh + gap;
        }
        if (hv_gui_button(&app->gui, f->id, (SDL_Rect){x, y, w, fh}, NULL, f->label, f->tip,
                          k == game->report_filter ? HV_W_SELECTED : 0))
            game->report_filter = k;
        x += w + gap;
    }
    y += fh + gap * 2;
    return (SDL_Rect){area.x, y, area.w, area.y + area.h - y};
}

void hv_report_next_week(hv_list *l, hv_game *game)
{
    const hv_forecast *f = hv_game_forecast(game);
    const hv_rules *rules = game->state.rules;
    if (f->status == HV_FORECAST_OVER)
        return;
    char heading[64], text[200], detail[200];
    snprintf(heading, sizeof heading, "Next week (week %d)", f->week);
    int top = l->y;
    hv_list_heading(l, "icons/charts", heading, 2, 9);
    if (l->draw)
        hv_view_area(l->app, l->view, "report_next_week", (SDL_Rect){l->x, top, l->w, l->y - top},
                     "The week to come, played ahead on a copy of the base with the orders "
                     "queued now. It changes when you give or drop an order.");
    if (f->status == HV_FORECAST_WAITING) {
        snprintf(text, sizeof text, "The forecast waits for your answer to “%s”.",
                 f->event >= 0 && f->event < rules->event_count ? rules->events[f->event].title
                                                                : "the event");
        hv_report_item(l, HV_C_WARN, text, "Answer it, and the week ahead is worked out.");
        return;
    }
    hv_list_wrap(l, 0, HV_FONT_SMALL, HV_C_DIM,
                 "If nothing changes: the orders queued now, and no others.");
    l->y += hv_list_px(l, 3);
    snprintf(text, sizeof text, "Power: %s kW made, %s kW wanted", hv_num(f->power_supply),
             hv_num(f->power_demand));
    hv_report_item(l, f->power_demand > f->power_supply ? HV_C_BAD : HV_C_GOOD, text,
                   f->power_demand > f->power_supply
                       ? "A deficit: modules will be shut down by priority"
                       : NULL);
    for (int r = 0; r < HV_RES_COUNT; r++) {
        int short_ = (f->shortage_mask >> r) & 1;
        if (f->change[r] == 0 && !short_)
            continue;
        snprintf(text, sizeof text, "%s %s → %s %s%s", rules->resources[r].name,
                 hv_report_signed(f->change[r]), hv_num(f->stock[r]), rules->resources[r].unit,
                 short_ ? ": will run short" : "");
        detail[0] = '\0';
        if (f->runs_out[r] == 1)
            snprintf(detail, sizeof detail, "Runs out next week");
        else if (f->runs_out[r] > 1)
            snprintf(detail, sizeof detail, "Runs out in %d weeks at this pace", f->runs_out[r]);
        hv_report_item(l,
                       short_ || f->runs_out[r] == 1 ? HV_C_BAD
                       : f->change[r] < 0            ? HV_C_WARN
                                                     : HV_C_GOOD,
                       text, detail);
    }
    if (f->outcome != game->state.outcome && f->outcome != HV_OUTCOME_RUNNING)
        hv_report_item(
            l, f->outcome == HV_OUTCOME_WON ? HV_C_GOOD : HV_C_BAD,
            f->outcome == HV_OUTCOME_WON ? "The game will be won" : "The game will be lost", NULL);
}
