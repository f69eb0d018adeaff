/* The report panel: a week's report, grouped and summed from its events
 * so a player reads what changed and why instead of a log. Any week kept
 * in the game's report book can be shown, narrowed by a filter; the
 * sections read that week from the book, never the states around it. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hv_print.h"
#include "hv_report_lines.h"
#include "hv_widgets.h"

/* "+1,234", "-56" or "±0". */
const char *hv_report_signed(int64_t v)
{
    static char buf[8][40];
    static int k;
    k = (k + 1) & 7;
    if (v == 0)
        snprintf(buf[k], sizeof buf[k], "±0");
    else
        snprintf(buf[k], sizeof buf[k], "%s%s", v > 0 ? "+" : "", hv_num(v));
    return buf[k];
}

/* One line of the report: a mark in COLOUR, the text, and dim details. */
static int item_count; /* lines listed this frame */

void hv_report_item(hv_list *l, uint32_t colour, const char *main, const char *detail)
{
    int indent = hv_list_px(l, 14), dot = hv_list_px(l, 6),
        lh = hv_gfx_line_height(l->g, HV_FONT_BODY), top = l->y;
    if (l->draw)
        hv_gfx_fill(l->g, (SDL_Rect){l->x + hv_list_px(l, 2), l->y + (lh - dot) / 2, dot, dot},
                    colour, 255);
    hv_list_wrap(l, indent, HV_FONT_BODY, HV_C_TEXT, main);
    if (detail && *detail)
        hv_list_wrap(l, indent, HV_FONT_SMALL, HV_C_DIM, detail);
    l->y += hv_list_px(l, 3);
    /* Each line is an area in the widget list, so a script can count them. */
    if (l->draw) {
        char id[32];
        snprintf(id, sizeof id, "report_item_%d", ++item_count);
        hv_view_area(l->app, l->view, id, (SDL_Rect){l->x, top, l->w, l->y - top}, NULL);
    }
}

static const char *person_name(const hv_report_view *v, int32_t id)
{
    const char *name = hv_book_person_name(v->book, id);
    return name ? name : "Someone";
}

static const char *module_name(const hv_report_view *v, int32_t id, char *buf, size_t len)
{
    int32_t type = hv_book_module_type(v->book, id);
    const hv_rules *rules = v->game->state.rules;
    if (type >= 0 && type < rules->module_type_count)
        snprintf(buf, len, "%s #%d", rules->module_types[type].name, id);
    else
        snprintf(buf, len, "Module #%d", id);
    return buf;
}

/* Whether the report has an event of one of KINDS (a bit per hv_event_kind). */
static int has(const hv_report *r, uint64_t kinds)
{
    for (int32_t i = 0; i < r->count; i++)
        if (kinds & ((uint64_t)1 << r->events[i].kind))
            return 1;
    return 0;
}
#define K(kind) ((uint64_t)1 << (kind))

/* Whether E is an order worth a line: answers are told with their event. */
static int order_line(const hv_report_view *v, const hv_event *e)
{
    if (e->kind != HV_EV_ORDER_DONE && e->kind != HV_EV_ORDER_REJECTED)
        return 0;
    const hv_book_order *o = hv_book_order_at(v->book, v->index, e->subject);
    return o && (e->kind == HV_EV_ORDER_REJECTED || !o->answer);
}

static void report_orders(hv_list *l, const hv_report_view *v)
{
    const hv_report *r = v->report;
    char text[200], why[200];
    int first = 1;
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        if (!order_line(v, e))
            continue;
        if (first)
            hv_list_heading(l, "icons/report", "Orders", 8, 9);
        first = 0;
        snprintf(text, sizeof text, "%s", hv_book_order_at(v->book, v->index, e->subject)->text);
        hv_capitalise(text);
        if (e->kind == HV_EV_ORDER_DONE) {
            hv_report_item(l, HV_C_GOOD, text, "Done");
        } else {
            snprintf(why, sizeof why, "Refused: %s", hv_reject_text((hv_reject)e->value));
            hv_report_item(l, HV_C_BAD, text, why);
        }
    }
}

static void report_happenings(hv_list *l, const hv_report_view *v)
{
    const hv_game *game = v->game;
    static const char *const incidents[HV_INCIDENT_COUNT] = {
        "Strike", "Smuggling: the black market drains the stores", "Sabotage", "A fight",
        "Defection"};
    const hv_report *r = v->report;
    const hv_rules *rules = game->state.rules;
    if (!has(r, K(HV_EV_EVENT) | K(HV_EV_POLICY) | K(HV_EV_MISSION) | K(HV_EV_INCIDENT) |
                    K(HV_EV_DEATH) | K(HV_EV_HEALTH) | K(HV_EV_RIOT) | K(HV_EV_VOTE) |
                    K(HV_EV_PARTNER) | K(HV_EV_FUNDING) | K(HV_EV_FORECAST) |
                    K(HV_EV_FOLLOW_UP)))
        return;
    hv_list_heading(l, "icons/warning", "What happened", 8, 9);
    char text[400], detail[HV_TEXT_LEN + 40], label[96];
    /* Missions and events first, then harm done, then the rest. */
    static const uint64_t passes[3] = {K(HV_EV_MISSION) | K(HV_EV_EVENT) | K(HV_EV_RIOT) |
                                           K(HV_EV_VOTE) | K(HV_EV_FORECAST) | K(HV_EV_FOLLOW_UP),
                                       K(HV_EV_DEATH) | K(HV_EV_INCIDENT) | K(HV_EV_PARTNER),
                                       K(HV_EV_HEALTH) | K(HV_EV_POLICY) | K(HV_EV_FUNDING)};
    for (int32_t n = 0; n < 3 * r->count; n++) {
        const hv_event *e = &r->events[n % r->count];
        if (!(passes[n / r->count] & K(e->kind)))
            continue;
        uint32_t colour = HV_C_INFO;
        detail[0] = '\0';
        switch (e->kind) {
        case HV_EV_EVENT: {
            const hv_event_def *ev = &rules->events[e->subject];
            if (e->value < 0) {
                snprintf(text, sizeof text, "%s%s", e->cause == HV_CAUSE_INCIDENT ? "Unrest: " : "",
                         ev->title);
                hv_event_fill(&game->state, e->resource, hv_event_text(ev, (int32_t)e->amount),
                              detail, sizeof detail);
                colour = HV_C_WARN;
            } else {
                snprintf(text, sizeof text, "Answered “%s”", ev->title);
                snprintf(detail, sizeof detail, "%s", ev->choices[e->value].text);
            }
            break;
        }
        case HV_EV_FORECAST:
        case HV_EV_FOLLOW_UP:
            snprintf(text, sizeof text, "%s %s in %lld week%s", rules->events[e->subject].title,
                     e->kind == HV_EV_FORECAST ? "expected" : "to follow", (long long)e->amount,
                     e->amount == 1 ? "" : "s");
            colour = e->kind == HV_EV_FORECAST ? HV_C_WARN : HV_C_INFO;
            break;
        case HV_EV_POLICY:
            snprintf(text, sizeof text, "Policy %s is now %s", rules->policies[e->subject].name,
                     rules->policies[e->subject].options[e->value].name);
            break;
        case HV_EV_MISSION: {
            const char *name = rules->asteroids[e->subject].name;
            if (e->amount == HV_RESULT_SURVEYED)
                snprintf(text, sizeof text, "The probe reached %s: its composition is known", name);
            else if (e->amount == HV_RESULT_CAPTURED && e->value == HV_STAGE_EARTH)
                snprintf(text, sizeof text,
                         "%s is in Earth orbit: its iridium is sold on Earth as it is mined", name);
            else if (e->amount == HV_RESULT_CAPTURED)
                snprintf(text, sizeof text, "%s is in %s orbit, ready to be mined", name,
                         rules->world.body);
            else if (e->amount == HV_RESULT_FAILED)
                snprintf(text, sizeof text, "The capture of %s failed: the rock is lost", name);
            else if (e->value == HV_STAGE_SURVEYING)
                snprintf(text, sizeof text, "A survey probe left for %s", name);
            else if (e->value == HV_STAGE_CAPTURING)
                snprintf(text, sizeof text, "The tug left for %s", name);
            else if (e->value == HV_STAGE_SPENT)
                snprintf(text, sizeof text, "%s is mined out", name);
            else
                snprintf(text, sizeof text, "News from %s", name);
            colour = e->amount == HV_RESULT_FAILED     ? HV_C_BAD
                     : e->amount == HV_RESULT_CAPTURED ? HV_C_GOOD
                                                       : HV_C_INFO;
            break;
        }
        case HV_EV_INCIDENT:
            if (e->subject < 0) { /* a strike called by an unrest event */
                snprintf(text, sizeof text, "Strike: %s down tools",
                         e->amount >= 0 && e->amount < rules->faction_count
                             ? rules->factions[e->amount].name
                         : e->amount == HV_SIDE_WORKERS ? "the workers"
                                                        : "the staff");
                colour = HV_C_BAD;
                break;
            }
            snprintf(text, sizeof text, "Incident: %s",
                     e->value >= 0 && e->value < HV_INCIDENT_COUNT ? incidents[e->value] : "?");
            snprintf(detail, sizeof detail, "%s",
                     e->value == HV_INCIDENT_SABOTAGE
                         ? module_name(v, e->subject, label, sizeof label)
                         : person_name(v, e->subject));
            if (e->amount >= 0 && e->amount < rules->faction_count)
                snprintf(detail + strlen(detail), sizeof detail - strlen(detail), " (%s)",
                         rules->factions[e->amount].name);
            colour = HV_C_BAD;
            break;
        case HV_EV_DEATH:
            snprintf(text, sizeof text, "%s died", person_name(v, e->subject));
            if (e->resource >= 0 && e->resource < HV_RES_COUNT)
                snprintf(detail, sizeof detail, "Lack of %s", rules->resources[e->resource].name);
            else
                snprintf(detail, sizeof detail, "%s", hv_cause_words(e->cause));
            hv_capitalise(detail);
            colour = HV_C_BAD;
            break;
        case HV_EV_HEALTH:
            if (e->subject > 0) { /* one person hurt */
                snprintf(text, sizeof text, "%s hurt (health %s)", person_name(v, e->subject),
                         hv_report_signed(e->amount));
                snprintf(detail, sizeof detail, "%s",
                         e->cause == HV_CAUSE_WORK ? "An accident at work" : hv_cause_words(e->cause));
                hv_capitalise(detail);
                colour = HV_C_BAD;
                break;
            }
            snprintf(text, sizeof text, "Health %s for %lld %s", hv_report_signed(e->amount),
                     (long long)e->value, e->value == 1 ? "person" : "people");
            if (e->cause == HV_CAUSE_SHORTAGE && e->resource >= 0 && e->resource < HV_RES_COUNT)
                snprintf(detail, sizeof detail, "Not enough %s",
                         rules->resources[e->resource].name);
            else
                snprintf(detail, sizeof detail, "%s",
                         e->cause == HV_CAUSE_EXPOSURE ? "No powered bed"
                                                       : "Rest and full rations");
            colour = e->amount < 0 ? HV_C_BAD : HV_C_GOOD;
            break;
        case HV_EV_RIOT:
            snprintf(text, sizeof text, "Riot: %s against %s",
                     e->subject >= 0 ? rules->factions[e->subject / 16].name : "the workers",
                     e->subject >= 0 ? rules->factions[e->subject % 16].name : "the staff");
            snprintf(detail, sizeof detail, "%lld module%s wrecked; tension had reached %lld",
                     (long long)e->value, e->value == 1 ? "" : "s", (long long)e->amount);
            colour = HV_C_BAD;
            break;
        case HV_EV_VOTE:
            snprintf(text, sizeof text, "The board %s the motion", e->value ? "passed" : "threw out");
            snprintf(detail, sizeof detail, "%lld%% of the funding voted for it",
                     (long long)e->amount / 10);
            colour = e->value ? HV_C_GOOD : HV_C_WARN;
            break;
        case HV_EV_PARTNER:
            snprintf(text, sizeof text, "%s and %s %s", rules->factions[e->subject / 16].name,
                     rules->factions[e->subject % 16].name,
                     e->value ? "are now partners" : "part ways");
            colour = e->value ? HV_C_GOOD : HV_C_BAD;
            break;
        case HV_EV_FUNDING:
            snprintf(text, sizeof text, "%s funding %s%% for good",
                     rules->factions[rules->sponsors[e->subject].faction].name,
                     hv_report_signed(e->amount));
            colour = e->amount > 0 ? HV_C_GOOD : HV_C_BAD;
            break;
        default:
            continue;
        }
        hv_report_item(l, colour, text, detail);
    }
}

/* What the storyteller has promised: forecasts to prepare for, and the
 * sequels of choices, so the player sees the weeks ahead. */
static void report_coming(hv_list *l, const hv_game *game)
{
    const hv_state *s = &game->state;
    if (s->scheduled_count == 0)
        return;
    hv_list_heading(l, "icons/warning", "Coming up", 8, 9);
    char text[200];
    for (int32_t i = 0; i < s->scheduled_count; i++) {
        const hv_scheduled *q = &s->scheduled[i];
        int32_t in = q->week - s->turn;
        snprintf(text, sizeof text, "%s %s in %d week%s", s->rules->events[q->event].title,
                 q->forecast ? "expected" : "to follow", in, in == 1 ? "" : "s");
        hv_report_item(l, q->forecast ? HV_C_WARN : HV_C_INFO, text, "");
    }
}

/* Modules shut down or held back by KIND in one line, grouped by type:
 * a power cut can stop a dozen at once. */
static void module_group(hv_list *l, const hv_report_view *v, hv_event_kind kind)
{
    const hv_report *r = v->report;
    const hv_rules *rules = v->game->state.rules;
    char detail[600] = "", text[120];
    size_t n = 0;
    int count = 0, done[HV_MAX_MODULE_TYPES] = {0};
    for (int32_t i = 0; i < r->count; i++) {
        int32_t type = hv_book_module_type(v->book, r->events[i].subject);
        if (r->events[i].kind != kind || type < 0 || type >= rules->module_type_count || done[type])
            continue;
        done[type] = 1;
        n += (size_t)snprintf(detail + n, sizeof detail - n, "%s%s", n ? " · " : "",
                              rules->module_types[type].name);
        for (int32_t j = i; j < r->count && n < sizeof detail; j++) {
            const hv_event *e = &r->events[j];
            if (e->kind != kind || hv_book_module_type(v->book, e->subject) != type)
                continue;
            count++;
            n += (size_t)snprintf(detail + n, sizeof detail - n, " #%d", e->subject);
            if (kind == HV_EV_MODULE_STARVED && n < sizeof detail)
                n += (size_t)snprintf(detail + n, sizeof detail - n, " (%lld%%)",
                                      (long long)e->value / 10);
        }
    }
    if (!count)
        return;
    if (kind == HV_EV_MODULE_UNPOWERED)
        snprintf(text, sizeof text, "%d module%s shut down: not enough power", count,
                 count == 1 ? "" : "s");
    else
        snprintf(text, sizeof text, "%d module%s ran slow: short of inputs", count,
                 count == 1 ? "" : "s");
    hv_report_item(l, HV_C_WARN, text, detail);
}

static void report_modules(hv_list *l, const hv_report_view *v)
{
    const hv_report *r = v->report;
    if (!has(r, K(HV_EV_MODULE_BUILT) | K(HV_EV_MODULE_BROKEN) | K(HV_EV_MODULE_REPAIRED) |
                    K(HV_EV_MODULE_UNPOWERED) | K(HV_EV_MODULE_STARVED)))
        return;
    hv_list_heading(l, "icons/build", "Modules", 8, 9);
    char name[96], text[200];
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        module_name(v, e->subject, name, sizeof name);
        if (e->kind == HV_EV_MODULE_BUILT)
            snprintf(text, sizeof text, "%s is finished and running", name);
        else if (e->kind == HV_EV_MODULE_REPAIRED)
            snprintf(text, sizeof text, "%s is repaired", name);
        else if (e->kind == HV_EV_MODULE_BROKEN)
            snprintf(text, sizeof text, "%s is out of action for %lld weeks", name,
                     (long long)e->value);
        else
            continue;
        hv_report_item(l, e->kind == HV_EV_MODULE_BROKEN ? HV_C_BAD : HV_C_GOOD, text, NULL);
    }
    module_group(l, v, HV_EV_MODULE_UNPOWERED);
    module_group(l, v, HV_EV_MODULE_STARVED);
}

/* "NASA", "CNES" from "CNES (France)": pairs of names stay on one line. */
const char *hv_report_short_name(const hv_rules *rules, int f, char *buf, size_t len)
{
    snprintf(buf, len, "%s", rules->factions[f].name);
    char *paren = strstr(buf, " (");
    if (paren)
        *paren = '\0';
    return buf;
}

void hv_report_causes(const int64_t *by, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int c = 0; c < HV_CAUSE_COUNT && n < len; c++)
        if (by[c])
            n += (size_t)snprintf(buf + n, len - n, "%s%s %s", n ? " · " : "",
                                  hv_cause_words((hv_cause)c), hv_report_signed(by[c]));
}

/* Every change of one kind summed per subject and cause: one line each. */
static void report_resources(hv_list *l, const hv_report_view *v)
{
    const hv_report *r = v->report;
    const hv_rules *rules = v->game->state.rules;
    const hv_book_week *w = v->week;
    int64_t by[HV_RES_COUNT][HV_CAUSE_COUNT];
    memset(by, 0, sizeof by);
    int any[HV_RES_COUNT] = {0}, shown = 0;
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        if (e->kind == HV_EV_RESOURCE && e->resource >= 0 && e->resource < HV_RES_COUNT &&
            e->cause >= 0 && e->cause < HV_CAUSE_COUNT) {
            by[e->resource][e->cause] += e->amount;
            any[e->resource] = 1;
        }
    }
    for (int res = 0; res < HV_RES_COUNT; res++)
        shown |= any[res];
    if (!shown && !has(r, K(HV_EV_POWER) | K(HV_EV_DUST) | K(HV_EV_DAYLIGHT) | K(HV_EV_PRICE)))
        return;
    hv_list_heading(l, "icons/ore", "Stocks, power and market", 8, 9);
    char text[200], detail[400];
    int64_t price[HV_CAUSE_COUNT] = {0}, price_net = 0, price_to = -1;
    for (int res = 0; res < HV_RES_COUNT; res++) {
        if (!any[res])
            continue;
        int64_t net = w->stock_after[res] - w->stock_before[res];
        snprintf(text, sizeof text, "%s %s → %s %s%s", rules->resources[res].name,
                 hv_report_signed(net), hv_num(w->stock_after[res]), rules->resources[res].unit,
                 (w->shortage_mask >> res) & 1 ? ": ran short" : "");
        hv_report_causes(by[res], detail, sizeof detail);
        hv_report_item(l, net > 0 ? HV_C_GOOD : net < 0 ? HV_C_BAD : HV_C_DIM, text, detail);
    }
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        if (e->kind == HV_EV_POWER) {
            snprintf(text, sizeof text, "Power: %s kW made, %s kW wanted", hv_num(e->amount),
                     hv_num(e->value));
            hv_report_item(l, e->value > e->amount ? HV_C_BAD : HV_C_GOOD, text,
                 e->value > e->amount ? "A deficit: modules were shut down by priority" : NULL);
        } else if (e->kind == HV_EV_DUST) {
            snprintf(text, sizeof text, "Dust %s%% → %lld%%", hv_report_signed(e->amount),
                     (long long)e->value);
            hv_report_item(l, e->amount > 0 ? HV_C_WARN : HV_C_GOOD, text, "Solar output follows the dust");
        } else if (e->kind == HV_EV_DAYLIGHT) {
            snprintf(text, sizeof text, "%s: the solar arrays %s until week %lld",
                     e->value ? "Sunrise" : "Nightfall", e->value ? "work" : "are dark",
                     (long long)e->amount);
            hv_report_item(l, e->value ? HV_C_GOOD : HV_C_WARN, text,
                 "A day and a night here each last longer than a week");
        } else if (e->kind == HV_EV_PRICE && e->cause >= 0 && e->cause < HV_CAUSE_COUNT) {
            price[e->cause] += e->amount;
            price_net += e->amount;
            price_to = e->value;
        }
    }
    /* An event and the market may both move the price: one line. */
    if (price_to >= 0) {
        snprintf(text, sizeof text, "%s price %s → %s %s per %s",
                 rules->resources[HV_RES_IRIDIUM].name, hv_report_signed(price_net), hv_num(price_to),
                 rules->resources[HV_RES_FUNDS].unit, rules->resources[HV_RES_IRIDIUM].unit);
        hv_report_causes(price, detail, sizeof detail);
        hv_report_item(l, price_net > 0 ? HV_C_GOOD : price_net < 0 ? HV_C_BAD : HV_C_DIM, text, detail);
    }
}

void hv_panel_report(hv_app *app, SDL_Rect area)
{
    hv_game *game = app->game;
    char title[64], text[300];
    const hv_report_book *book = game ? &game->book : NULL;
    /* The week asked for, else the latest kept: a week dropped from a long
     * game's book falls back to the latest too. */
    int32_t index = book ? hv_book_find(book, game->report_week) : -1;
    if (book && index < 0) {
        game->report_week = 0;
        index = book->week_count - 1;
    }
    const hv_book_week *week = index >= 0 ? &book->weeks[index] : NULL;
    if (week)
        snprintf(title, sizeof title, "Report of week %d", week->week);
    else
        snprintf(title, sizeof title, "Report");
    static uint32_t seen;
    static int32_t seen_week = -1, seen_filter = -1;
    SDL_Rect in = hv_gui_panel(&app->gui, area, title);
    if (!game || in.w <= 0 || in.h <= 0)
        return;
    hv_list_fresh(app, &seen);
    SDL_Rect view = hv_report_controls(app, in, week ? week->week : 0);
    if (game->report_filter < 0 || game->report_filter >= HV_REPORT_FILTERS)
        game->report_filter = 0;
    /* Another week or filter starts at the top of its list. */
    int32_t shown = week ? week->week : 0;
    if (shown != seen_week || game->report_filter != seen_filter)
        app->scroll = 0;
    seen_week = shown;
    seen_filter = game->report_filter;
    item_count = 0;
    hv_list l = hv_list_begin(app, view, "report_list");
    int top = l.y;
    int all = game->report_filter == 0, latest = week && index == book->week_count - 1;
    const hv_report_filter *f = &hv_report_filters[game->report_filter];
    /* The week to come heads the latest report: what the stocks will do. */
    if (latest || !week)
        if (all || f->kinds & K(HV_EV_RESOURCE))
            hv_report_next_week(&l, game);
    if (!week) {
        l.y += hv_gfx_px(&app->gfx, 6);
        hv_list_wrap(
            &l, 0, HV_FONT_BODY, HV_C_DIM,
            game->played ? "This week's report was not kept."
                         : "No week has been played yet. Queue your orders, then end the week "
                           "with Space: what it brought is summed up here.");
    } else {
        hv_book_events(book, index, f->kinds, &game->shown);
        hv_report_view v = {game, book, index, week, &game->shown};
        const hv_state *s = &game->state;
        l.y += hv_gfx_px(&app->gfx, 4);
        if (latest)
            snprintf(text, sizeof text, "Week %d is over; week %d begins.", week->week,
                     week->week + 1);
        else
            snprintf(text, sizeof text, "Week %d, played %d week%s ago.", week->week,
                     s->turn - week->week, s->turn - week->week == 1 ? "" : "s");
        hv_list_wrap(&l, 0, HV_FONT_SMALL, HV_C_DIM, text);
        if (has(v.report, K(HV_EV_OUTCOME))) {
            char why[200];
            hv_state_describe_outcome(s, why, sizeof why);
            snprintf(text, sizeof text, "%s: %s", s->outcome == HV_OUTCOME_WON ? "Won" : "Lost",
                     why);
            l.y += hv_gfx_px(&app->gfx, 4);
            hv_list_wrap(&l, 0, HV_FONT_HEAD, s->outcome == HV_OUTCOME_WON ? HV_C_GOOD : HV_C_BAD,
                         text);
        }
        int before = item_count;
        report_orders(&l, &v);
        report_happenings(&l, &v);
        if (latest && (all || f->kinds & K(HV_EV_FORECAST)))
            report_coming(&l, game);
        report_modules(&l, &v);
        report_resources(&l, &v);
        hv_report_society(&l, &v);
        if (item_count == before && !all) {
            l.y += hv_gfx_px(&app->gfx, 8);
            snprintf(text, sizeof text, "Nothing of this kind in week %d.", week->week);
            hv_list_wrap(&l, 0, HV_FONT_BODY, HV_C_DIM, text);
        }
        if (v.report->dropped) {
            snprintf(text, sizeof text, "(%d more events were not recorded.)", v.report->dropped);
            hv_list_wrap(&l, 0, HV_FONT_SMALL, HV_C_DIM, text);
        }
        if (book->forgotten && index == 0) {
            snprintf(text, sizeof text,
                     "Reports are kept for the latest %d weeks; older ones are gone.",
                     book->week_count);
            hv_list_wrap(&l, 0, HV_FONT_SMALL, HV_C_DIM, text);
        }
    }
    hv_list_end(&l, l.y - top + hv_gfx_px(&app->gfx, 8));
}
