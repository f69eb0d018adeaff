/* The iridium market at the foot of the asteroids panel
 * (hv_panel_missions.h): the store, the price on Earth with its line over
 * the last weeks, the shipments on their way and the export buttons. The
 * buttons only queue orders, disabled with the reason exactly when the
 * order would be refused. */
#include <stdio.h>
#include <string.h>

#include "hv_panel_missions.h"
#include "hv_turn.h"

/* Weeks the price's sparkline shows: enough to see a trend, few enough
 * that each week's move still shows at a small size. */
#define SPARK_WEEKS 30

/* The price over the last weeks kept, oldest first, into OUT, and the
 * week of the first in FIRST; returns how many. The price only moves as a
 * week ends, when a record is made, so the latest is the price now. */
static int price_weeks(const hv_game *game, int64_t out[SPARK_WEEKS], int32_t *first)
{
    int count = game->history_count < SPARK_WEEKS ? game->history_count : SPARK_WEEKS;
    const hv_week_record *h = game->history + game->history_count - count;
    for (int i = 0; i < count; i++)
        out[i] = h[i].price;
    *first = count > 0 ? h[0].week : game->state.turn;
    return count;
}

/* When a week's record was made, as the panel says it: "now", START
 * ("since the start") for week 0, else IN and the week ("since week 3");
 * the history panel names the records by the same weeks. */
static const char *when(const char *start, const char *in, int32_t week, int32_t now, char *buf,
                        size_t len)
{
    if (week == now)
        snprintf(buf, len, "now");
    else if (week == 0)
        snprintf(buf, len, "%s", start);
    else
        snprintf(buf, len, "%s %d", in, week);
    return buf;
}

/* The sparkline's tooltip: the price now, its moves, and its extremes over
 * every week kept. */
static void price_tip(const hv_game *game, const int64_t *v, int count, int32_t first, char *tip,
                      size_t len)
{
    const hv_state *s = &game->state;
    const hv_rules *rules = s->rules;
    char a[32], b[32], c[32];
    int64_t week = count >= 2 ? v[count - 1] - v[count - 2] : 0;
    size_t n = (size_t)snprintf(tip, len, "Iridium sells on Earth for %s %s per %s now.",
                                hv_num(s->price), rules->resources[HV_RES_FUNDS].unit,
                                rules->resources[HV_RES_IRIDIUM].unit);
    if (count >= 2 && n < len)
        n += (size_t)snprintf(tip + n, len - n, "\nSince last week: %s; %s: %s.",
                              week ? hv_signed(a, sizeof a, week) : "no change",
                              when("since the start", "since week", first, s->turn, c, sizeof c),
                              hv_signed(b, sizeof b, v[count - 1] - v[0]));
    else if (n < len)
        n += (size_t)snprintf(tip + n, len - n, "\nNo week played yet to compare with.");
    int64_t lo = s->price, hi = s->price;
    int32_t lo_week = s->turn, hi_week = s->turn;
    for (int i = game->history_count - 1; i >= 0; i--) {
        const hv_week_record *w = &game->history[i];
        if (w->price < lo) {
            lo = w->price;
            lo_week = w->week;
        }
        if (w->price > hi) {
            hi = w->price;
            hi_week = w->week;
        }
    }
    if (n < len)
        n += (size_t)snprintf(
            tip + n, len - n, "\nHighest seen: %s (%s); lowest: %s (%s).", hv_num(hi),
            when("at the start", "week", hi_week, s->turn, a, sizeof a), hv_num(lo),
            when("at the start", "week", lo_week, s->turn, b, sizeof b));
    if (n < len)
        snprintf(tip + n, len - n, "\nThe market's range: %s to %s.",
                 hv_num(rules->market.price_min), hv_num(rules->market.price_max));
}

/* The price's line over the last weeks, with the week's move beside it
 * when there is room. */
static void price_line(hv_list *l)
{
    hv_app *app = l->app;
    hv_gfx *g = l->g;
    int64_t v[SPARK_WEEKS] = {0};
    int32_t first;
    int count = price_weeks(app->game, v, &first);
    int small = hv_gfx_line_height(g, HV_FONT_SMALL), gap = hv_list_px(l, 8);
    int w = hv_list_px(l, 160) < l->w ? hv_list_px(l, 160) : l->w;
    SDL_Rect box = {l->x, l->y + hv_list_px(l, 2), w, 2 * small + hv_list_px(l, 4)};
    SDL_Rect cut;
    if (l->draw && SDL_IntersectRect(&box, &l->view, &cut)) {
        char tip[HV_TIP_LEN], a[32], since[32], line[2][96];
        price_tip(app->game, v, count, first, tip, sizeof tip);
        hv_draw_sparkline(app, box, v, count, HV_C_INFO);
        hv_view_area(app, l->view, "market_price", box, tip);
        int64_t move = count >= 2 ? v[count - 1] - v[count - 2] : 0;
        snprintf(line[0], sizeof line[0],
                 count < 2   ? "No week played yet"
                 : move == 0 ? "Unchanged since last week"
                             : "%s since last week",
                 hv_signed(a, sizeof a, move));
        int64_t lo = v[0], hi = v[0];
        for (int i = 1; i < count; i++) {
            lo = v[i] < lo ? v[i] : lo;
            hi = v[i] > hi ? v[i] : hi;
        }
        if (count >= 2)
            snprintf(line[1], sizeof line[1], "%s to %s %s", hv_num(lo), hv_num(hi),
                     when("since the start", "since week", first, app->game->state.turn, since,
                          sizeof since));
        else
            line[1][0] = '\0';
        uint32_t colour[2] = {move > 0 ? HV_C_GOOD : move < 0 ? HV_C_BAD : HV_C_DIM, HV_C_DIM};
        /* A caption that does not fit is left out: the tooltip says it all. */
        for (int k = 0; k < 2 && line[k][0]; k++) {
            int tw;
            hv_gfx_text_size(g, HV_FONT_SMALL, 0, line[k], &tw, NULL);
            if (box.x + w + gap + tw <= l->x + l->w)
                hv_gfx_text(g, HV_FONT_SMALL, 0, box.x + w + gap,
                            box.y + hv_list_px(l, 2) + k * small, colour[k], line[k]);
        }
    }
    l->y = box.y + box.h + hv_list_px(l, 4);
}

void hv_market_section(hv_list *l)
{
    hv_app *app = l->app;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    const char *unit = rules->resources[HV_RES_IRIDIUM].unit,
               *money = rules->resources[HV_RES_FUNDS].unit;
    int64_t stock = s->stock[HV_RES_IRIDIUM], free_ir = stock;
    int shipping = s->shipment_count;
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == HV_ORDER_EXPORT) {
            free_ir -= s->orders[i].value;
            shipping++;
        }
    char line[240], tip[HV_TIP_LEN];
    snprintf(line, sizeof line, "In store: %s %s", hv_num(stock), unit);
    if (free_ir != stock)
        snprintf(line + strlen(line), sizeof line - strlen(line), " (%s after queued exports)",
                 hv_num(free_ir));
    hv_list_text(l, HV_FONT_BODY, 1, HV_C_TEXT, line);
    snprintf(line, sizeof line, "Price on Earth: %s %s per %s (range %s–%s)", hv_num(s->price),
             money, unit, hv_num(rules->market.price_min), hv_num(rules->market.price_max));
    hv_list_wrap(l, 0, HV_FONT_SMALL, HV_C_TEXT, line);
    price_line(l);
    snprintf(line, sizeof line, "Sold on Earth so far: %s %s; the store is worth %s %s now",
             hv_num(s->exported), unit, hv_num(stock * s->price), money);
    hv_list_wrap(l, 0, HV_FONT_SMALL, HV_C_DIM, line);
    for (int32_t i = 0; i < s->shipment_count; i++) {
        const hv_shipment *sh = &s->shipments[i];
        if (sh->weeks_left <= 1)
            snprintf(line, sizeof line, "Shipment of %s %s: sold at the end of this week",
                     hv_num(sh->amount), unit);
        else
            snprintf(line, sizeof line, "Shipment of %s %s: sold in %d weeks", hv_num(sh->amount),
                     unit, sh->weeks_left);
        hv_list_wrap(l, hv_list_px(l, 10), HV_FONT_SMALL, HV_C_INFO, line);
    }
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == HV_ORDER_EXPORT) {
            snprintf(line, sizeof line, "Queued: %s %s leaves when the week ends",
                     hv_num(s->orders[i].value), unit);
            hv_list_wrap(l, hv_list_px(l, 10), HV_FONT_SMALL, HV_C_INFO, line);
        }
    l->y += hv_list_px(l, 8);
    static const int amounts[3] = {50, 100, 0};
    static const char *const ids[3] = {"export_50", "export_100", "export_all"};
    int gap = hv_list_px(l, 6), bw = (l->w - 2 * gap) / 3, bh = hv_list_px(l, 32);
    for (int k = 0; k < 3; k++) {
        int64_t amount = amounts[k] ? amounts[k] : free_ir;
        const char *why = NULL;
        if (amount <= 0 || free_ir < amount)
            why = "Not enough iridium in store (queued exports count).";
        else if (shipping >= HV_MAX_SHIPMENTS)
            why = "Too many shipments on their way; wait for some to be sold.";
        else if (amount > INT32_MAX)
            why = "Too much for one shipment.";
        snprintf(tip, sizeof tip,
                 "Ship %s %s to Earth: sold in %d weeks at the price then, about "
                 "%s %s at today's.%s%s",
                 hv_num(amount > 0 ? amount : 0), unit, rules->market.ship_weeks,
                 hv_num(hv_market_quote(s, amount > 0 ? amount : 0, 100)), money, why ? "\n\n" : "",
                 why ? why : "");
        snprintf(line, sizeof line, amounts[k] ? "Export %d" : "Export all", amounts[k]);
        SDL_Rect b = {l->x + k * (bw + gap), l->y, bw, bh};
        if (hv_list_button(l, ids[k], b, "icons/iridium", line, tip, why ? HV_W_DISABLED : 0)) {
            hv_order o = {0};
            o.kind = HV_ORDER_EXPORT;
            o.value = (int32_t)amount;
            if (hv_app_queue(app, &o) == 0)
                hv_app_toast(app, "Queued: export %s %s of iridium.", hv_num(amount), unit);
        }
    }
    l->y += bh + hv_list_px(l, 6);
}
