/* The history panel: charts of the stocks, the society and the power over
 * every week played, drawn from the week records the game keeps, in one
 * scrolling list with a tab per group. It only reads the game. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hv_widgets.h"

enum {
    F_POP = HV_RES_COUNT,
    F_MORALE,
    F_NATIONS,
    F_CLASSES,
    F_SAT,
    F_SUPPLY,
    F_DEMAND,
    F_BALANCE,
    F_PRICE
};

static int64_t field(const hv_week_record *w, int f)
{
    static const size_t at[] = {
        offsetof(hv_week_record, population),     offsetof(hv_week_record, morale),
        offsetof(hv_week_record, nation_tension), offsetof(hv_week_record, class_tension),
        offsetof(hv_week_record, satisfaction),   offsetof(hv_week_record, power_supply),
        offsetof(hv_week_record, power_demand)};
    if (f < F_POP)
        return w->stock[f];
    if (f == F_BALANCE)
        return (int64_t)w->power_supply - w->power_demand;
    if (f == F_PRICE)
        return w->price;
    return *(const int32_t *)(const void *)((const char *)w + at[f - F_POP]);
}

typedef struct chart_def {
    const char *id, *title;
    int group, half; /* half: shares its row with the next chart */
    int percent;     /* the axis is 0..100 */
    int zoom;        /* the axis spans the data, not from 0 */
    int n;
    int fields[3];
    const char *labels[3]; /* NULL: the resource's name */
    const char *unit;      /* NULL: the resource's unit */
} chart_def;

/* Kept one chart a line, as a table reads best. */
/* clang-format off */
static const chart_def charts[] = {
    {"chart_life_support", "Life support", 0, 0, 0, 0, 3,
     {HV_RES_WATER, HV_RES_OXYGEN, HV_RES_FOOD}, {NULL, NULL, NULL}, NULL},
    {"chart_funds", "Funds", 0, 1, 0, 0, 1, {HV_RES_FUNDS}, {NULL}, NULL},
    {"chart_iridium_price", "Iridium price", 0, 0, 0, 0, 1, {F_PRICE}, {"Price"}, NULL},
    {"chart_iridium", "Iridium", 0, 1, 0, 0, 1, {HV_RES_IRIDIUM}, {NULL}, NULL},
    {"chart_ore", "Ore", 0, 0, 0, 0, 1, {HV_RES_ORE}, {NULL}, NULL},
    {"chart_fuel", "Fuel", 0, 1, 0, 0, 1, {HV_RES_FUEL}, {NULL}, NULL},
    {"chart_materials", "Materials", 0, 0, 0, 0, 1, {HV_RES_MATERIALS}, {NULL}, NULL},
    {"chart_population", "Population", 1, 1, 0, 0, 1, {F_POP}, {"People"}, ""},
    {"chart_morale", "Average morale", 1, 0, 1, 0, 1, {F_MORALE}, {"Morale"}, ""},
    {"chart_tension", "Tension", 1, 0, 1, 0, 2, {F_NATIONS, F_CLASSES},
     {"Worst between nations", "Between classes"}, ""},
    {"chart_satisfaction", "Sponsor satisfaction", 1, 0, 1, 0, 1, {F_SAT}, {"Average"}, ""},
    {"chart_power_balance", "Power supply and demand", 2, 0, 0, 1, 2, {F_SUPPLY, F_DEMAND},
     {"Supply", "Demand"}, "kW"},
    {"chart_power_margin", "Power surplus or deficit", 2, 0, 0, 1, 1, {F_BALANCE},
     {"Surplus"}, "kW"},
};
/* clang-format on */
#define CHART_COUNT ((int)(sizeof charts / sizeof charts[0]))

/* Okabe-Ito colours, told apart by colour-blind players too; each series
 * also has its own dash and marker. */
static const uint32_t series_colour[3] = {0x56b4e9, 0xe69f00, 0x3fc59a};

static const char *series_label(const hv_rules *rules, const chart_def *c, int k)
{
    return c->labels[k] ? c->labels[k] : rules->resources[c->fields[k]].name;
}

static const char *series_unit(const hv_rules *rules, const chart_def *c)
{
    if (c->fields[0] == F_PRICE) {
        /* The units come from the rules, so the price's is made from them. */
        static char per[2 * HV_ID_LEN + 8];
        snprintf(per, sizeof per, "%s per %s", rules->resources[HV_RES_FUNDS].unit,
                 rules->resources[HV_RES_IRIDIUM].unit);
        return per;
    }
    return c->unit ? c->unit : rules->resources[c->fields[0]].unit;
}

static void marker(hv_gfx *g, int style, int x, int y, int size, uint32_t colour)
{
    SDL_Rect r = {x - size / 2, y - size / 2, size, size};
    if (style == 0) {
        hv_gfx_fill(g, r, colour, 255);
    } else if (style == 1) {
        hv_gfx_fill(g, r, 0x120c0e, 255);
        hv_gfx_frame(g, r, colour);
        hv_gfx_frame(g, hv_rect_inset(r, 1), colour);
    } else {
        int t = size / 4 > 1 ? size / 4 : 1;
        hv_gfx_line(g, r.x, r.y, r.x + r.w, r.y + r.h, colour, t);
        hv_gfx_line(g, r.x, r.y + r.h, r.x + r.w, r.y, colour, t);
    }
}

/* A polyline solid (style 0), dashed (1) or dotted (2). */
static void dashed(hv_gfx *g, const SDL_Point *pts, int n, int style, uint32_t colour, int thick)
{
    int on = style == 1 ? hv_gfx_px(g, 8) : hv_gfx_px(g, 2) + 1;
    int period = style == 1 ? on + hv_gfx_px(g, 5) : on + hv_gfx_px(g, 4);
    float along = 0;
    for (int i = 1; i < n; i++) {
        float dx = (float)(pts[i].x - pts[i - 1].x), dy = (float)(pts[i].y - pts[i - 1].y);
        float len = SDL_sqrtf(dx * dx + dy * dy);
        if (style == 0 || len < 0.5f) {
            if (style == 0)
                hv_gfx_line(g, pts[i - 1].x, pts[i - 1].y, pts[i].x, pts[i].y, colour, thick);
            continue;
        }
        for (float t = 0; t < len;) {
            float phase = SDL_fmodf(along + t, (float)period);
            float run = phase < on ? on - phase : period - phase;
            float end = t + run > len ? len : t + run;
            if (phase < on)
                hv_gfx_line(g, pts[i - 1].x + (int)(dx * t / len),
                            pts[i - 1].y + (int)(dy * t / len),
                            pts[i - 1].x + (int)(dx * end / len),
                            pts[i - 1].y + (int)(dy * end / len), colour, thick);
            t = end;
        }
        along += len;
    }
}

/* The smallest of 1, 2, 2.5, 5 times a power of ten at or above V (> 0),
 * so axis labels read as round numbers. */
static int64_t nice_up(int64_t v)
{
    int64_t m = 1;
    while (m <= v / 10)
        m *= 10;
    static const int steps[] = {10, 20, 25, 50, 100};
    for (int i = 0; i < 5; i++)
        if (m * steps[i] / 10 >= v)
            return m * steps[i] / 10;
    return v;
}

/* The plot of chart C over the history in R, with its hover tooltip. */
static void plot(hv_list *l, const chart_def *c, SDL_Rect r)
{
    hv_app *app = l->app;
    hv_gfx *g = l->g;
    const hv_game *game = app->game;
    const hv_rules *rules = game->state.rules;
    const hv_week_record *h = game->history;
    int count = game->history_count;
    int64_t lo = 0, hi = c->percent ? 100 : 1, dlo = INT64_MAX, dhi = INT64_MIN;
    for (int i = 0; i < count && !c->percent; i++)
        for (int k = 0; k < c->n; k++) {
            int64_t v = field(&h[i], c->fields[k]);
            dlo = v < dlo ? v : dlo;
            dhi = v > dhi ? v : dhi;
        }
    if (c->fields[0] == F_PRICE && count > 0) {
        /* The market's band in view, so the price reads against its limits. */
        dlo = rules->market.price_min < dlo ? rules->market.price_min : dlo;
        dhi = rules->market.price_max > dhi ? rules->market.price_max : dhi;
    }
    if (!c->percent && count > 0) {
        /* Stocks from zero, so their size reads true; flows zoomed in on
         * their range, where the changes are. */
        int64_t span = dhi - dlo > 0 ? dhi - dlo : (dhi > 0 ? dhi : 10);
        lo = c->zoom ? dlo - span / 4 : (dlo < 0 ? dlo : 0);
        hi = c->zoom ? dhi + span / 4 : dhi + span / 10;
        if (dlo >= 0 && lo < 0)
            lo = 0;
        /* Out to round steps, so the labels read as round numbers. */
        int64_t step = nice_up(hi - lo > 0 ? hi - lo : 1) / 5;
        step = step < 1 ? 1 : step;
        hi = (hi >= 0 ? hi + step - 1 : hi) / step * step;
        lo = (lo >= 0 ? lo : lo - step + 1) / step * step;
        if (hi <= lo)
            hi = lo + step;
    }
    SDL_Rect cut;
    if (!l->draw || !SDL_IntersectRect(&r, &l->view, &cut))
        return;
    int sw, sh, bw;
    char top[32], bottom[32];
    snprintf(top, sizeof top, "%s", hv_num(hi));
    snprintf(bottom, sizeof bottom, "%s", hv_num(lo));
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, top, &sw, &sh);
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, bottom, &bw, NULL);
    int label = sw > bw ? sw : bw, lh = hv_gfx_line_height(g, HV_FONT_SMALL);
    SDL_Rect p = {r.x + label + hv_list_px(l, 6), r.y, r.w - label - hv_list_px(l, 6), r.h - lh};
    hv_gfx_fill(g, p, 0x120c0e, 255);
    for (int q = 1; q < 4; q++)
        hv_gfx_fill(g, (SDL_Rect){p.x, p.y + p.h * q / 4, p.w, 1}, 0x2a2024, 255);
    hv_gfx_frame(g, p, HV_C_BORDER);
    hv_gfx_text(g, HV_FONT_SMALL, 0, r.x + label - sw, p.y, HV_C_DIM, top);
    hv_gfx_text(g, HV_FONT_SMALL, 0, r.x + label - bw, p.y + p.h - sh, HV_C_DIM, bottom);
    char weeks[2][32];
    snprintf(weeks[0], sizeof weeks[0], "Week %d", count ? h[0].week : 0);
    snprintf(weeks[1], sizeof weeks[1], "Week %d", count ? h[count - 1].week : 0);
    hv_gfx_text(g, HV_FONT_SMALL, 0, p.x, p.y + p.h + 1, HV_C_DIM, weeks[0]);
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, weeks[1], &sw, NULL);
    if (count > 1)
        hv_gfx_text(g, HV_FONT_SMALL, 0, p.x + p.w - sw, p.y + p.h + 1, HV_C_DIM, weeks[1]);
    SDL_Rect in = hv_rect_inset(p, hv_list_px(l, 4));
#define XAT(i) (count < 2 ? in.x + in.w / 2 : in.x + (int)((int64_t)(in.w - 1) * (i) / (count - 1)))
#define YAT(v) (in.y + in.h - 1 - (int)(((v)-lo) * (in.h - 1) / (hi - lo)))
    if (lo < 0) { /* where funds go into debt, or power short */
        int zw, y0 = YAT(0);
        hv_gfx_fill(g, (SDL_Rect){in.x, y0, in.w, 1}, HV_C_BAD, 160);
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, "0", &zw, NULL);
        if (y0 - sh / 2 > p.y + sh && y0 + sh / 2 < p.y + p.h - sh)
            hv_gfx_text(g, HV_FONT_SMALL, 0, r.x + label - zw, y0 - sh / 2, HV_C_DIM, "0");
    }
    if (c->fields[0] == F_SUPPLY)
        for (int i = 0; i < count; i++)
            if (h[i].power_demand > h[i].power_supply) {
                int x0 = i ? (XAT(i - 1) + XAT(i)) / 2 : in.x;
                int x1 = i + 1 < count ? (XAT(i) + XAT(i + 1)) / 2 : in.x + in.w;
                hv_gfx_fill(g, (SDL_Rect){x0, in.y, x1 - x0 + 1, in.h}, HV_C_BAD, 50);
            }
    if (c->fields[0] == F_NATIONS || c->fields[0] == F_PRICE) {
        int price = c->fields[0] == F_PRICE;
        int64_t marks[2] = {rules->society.incident_at, rules->society.riot_at};
        const char *names[2] = {"incidents", "riot"};
        uint32_t colours[2] = {HV_C_WARN, HV_C_BAD};
        if (price) {
            marks[0] = rules->market.price_min;
            marks[1] = rules->market.price_max;
            names[0] = "lowest";
            names[1] = "highest";
            colours[0] = colours[1] = HV_C_DIM;
        }
        for (int k = 0; k < 2; k++) {
            int y = YAT(marks[k]);
            SDL_Point line[2] = {{in.x, y}, {in.x + in.w, y}};
            dashed(g, line, 2, 2, colours[k], 1);
            int tw;
            hv_gfx_text_size(g, HV_FONT_SMALL, 0, names[k], &tw, NULL);
            hv_gfx_text(g, HV_FONT_SMALL, 0, in.x + in.w - tw - hv_list_px(l, 2), y - lh,
                        colours[k], names[k]);
        }
    }
    SDL_Point pts[HV_HISTORY];
    int thick = hv_list_px(l, 2) > 1 ? hv_list_px(l, 2) : 1, msize = hv_list_px(l, 7);
    /* Markers no closer than about 14 units, always on the latest week. */
    int every =
        count > 1 ? (int)((int64_t)hv_list_px(l, 14) * (count - 1) / (in.w > 1 ? in.w : 1)) + 1 : 1;
    for (int k = c->n - 1; k >= 0; k--) {
        for (int i = 0; i < count; i++)
            pts[i] = (SDL_Point){XAT(i), YAT(field(&h[i], c->fields[k]))};
        dashed(g, pts, count, k, series_colour[k], thick);
        if (c->n > 1)
            for (int i = count - 1; i >= 0; i -= every)
                marker(g, k, pts[i].x, pts[i].y, msize, series_colour[k]);
    }
    /* The week under the pointer. */
    SDL_Rect hot;
    SDL_IntersectRect(&p, &l->view, &hot);
    char tip[HV_TIP_LEN];
    snprintf(tip, sizeof tip, "%s: point at a week to read its values.", c->title);
    if (count > 0 && hv_gui_hover(&app->gui, hot)) {
        int i = count < 2 ? 0
                          : (int)(((int64_t)(app->gui.mx - in.x) * (count - 1) + in.w / 2) /
                                  (in.w > 1 ? in.w - 1 : 1));
        i = i < 0 ? 0 : i >= count ? count - 1 : i;
        hv_gfx_fill(g, (SDL_Rect){XAT(i), p.y + 1, 1, p.h - 2}, HV_C_TEXT, 140);
        size_t n = (size_t)snprintf(tip, sizeof tip, "%s, week %d", c->title, h[i].week);
        for (int k = 0; k < c->n && n < sizeof tip; k++) {
            int64_t v = field(&h[i], c->fields[k]);
            marker(g, k, XAT(i), YAT(v), msize + hv_list_px(l, 2), series_colour[k]);
            int deficit = c->fields[k] == F_BALANCE && v < 0;
            n += (size_t)snprintf(tip + n, sizeof tip - n, "\n%s: %s%s%s",
                                  deficit ? "Deficit" : series_label(rules, c, k),
                                  hv_num(deficit ? -v : v), *series_unit(rules, c) ? " " : "",
                                  series_unit(rules, c));
        }
        int64_t margin = (int64_t)h[i].power_supply - h[i].power_demand;
        if (c->fields[0] == F_SUPPLY && n < sizeof tip)
            n += (size_t)snprintf(tip + n, sizeof tip - n, "\n%s of %s kW",
                                  margin >= 0 ? "A surplus" : "A deficit",
                                  hv_num(margin >= 0 ? margin : -margin));
        if (c->fields[0] == F_PRICE && n < sizeof tip)
            n += (size_t)snprintf(tip + n, sizeof tip - n,
                                  "\nThe market's price stays within %s to %s.",
                                  hv_num(rules->market.price_min), hv_num(rules->market.price_max));
        if (c->fields[0] == F_NATIONS && n < sizeof tip)
            snprintf(tip + n, sizeof tip - n,
                     "\nIncidents from %d; a riot at %d held for %d weeks loses the base.",
                     rules->society.incident_at, rules->society.riot_at, rules->society.riot_weeks);
    }
    hv_gui_area(&app->gui, c->id, hot, tip);
#undef XAT
#undef YAT
}

static int chart_height(hv_list *l, const chart_def *c)
{
    int body = hv_gfx_line_height(l->g, HV_FONT_BODY),
        small = hv_gfx_line_height(l->g, HV_FONT_SMALL);
    return body + (c->n > 1 ? small + hv_list_px(l, 2) : 0) +
           hv_list_px(l, c->half || (c > charts && c[-1].half) ? 80 : 96) + small +
           hv_list_px(l, 12);
}

static void chart(hv_list *l, const chart_def *c, SDL_Rect r)
{
    hv_gfx *g = l->g;
    const hv_rules *rules = l->app->game->state.rules;
    int y = r.y, body = hv_gfx_line_height(g, HV_FONT_BODY),
        small = hv_gfx_line_height(g, HV_FONT_SMALL);
    if (l->draw) {
        char title[96];
        const char *unit = series_unit(rules, c);
        snprintf(title, sizeof title, *unit ? "%s (%s)" : "%s", c->title, unit);
        hv_gfx_text(g, HV_FONT_BODY, 1, r.x, y, HV_C_TEXT, title);
    }
    y += body;
    if (c->n > 1) {
        int x = r.x;
        for (int k = 0; k < c->n && l->draw; k++) {
            int sample = hv_list_px(l, 22);
            SDL_Point seg[2] = {{x, y + small / 2}, {x + sample, y + small / 2}};
            dashed(g, seg, 2, k, series_colour[k], hv_list_px(l, 2) > 1 ? hv_list_px(l, 2) : 1);
            marker(g, k, x + sample / 2, y + small / 2, hv_list_px(l, 7), series_colour[k]);
            x += sample + hv_list_px(l, 4);
            x += hv_gfx_text(g, HV_FONT_SMALL, 0, x, y, HV_C_TEXT, series_label(rules, c, k)) +
                 hv_list_px(l, 12);
        }
        y += small + hv_list_px(l, 2);
    }
    plot(l, c, (SDL_Rect){r.x, y, r.w, r.y + r.h - hv_list_px(l, 12) - y});
}

static const char *const group_names[3] = {"Resources", "Society", "Power"};
static const char *const group_icons[3] = {"icons/funds", "icons/people", "icons/power"};

/* Lays the charts out; fills the top of each group in list units. */
static int charts_list(hv_list *l, int offsets[3])
{
    int top = l->y, gap = hv_list_px(l, 10);
    if (l->app->game->history_count < 2)
        hv_list_wrap(l, 0, HV_FONT_SMALL, HV_C_DIM,
                     "The charts fill in as weeks are played: end a week with Space.");
    for (int i = 0; i < CHART_COUNT; i++) {
        const chart_def *c = &charts[i];
        if (i == 0 || charts[i - 1].group != c->group) {
            offsets[c->group] = l->y - top;
            hv_list_heading(l, group_icons[c->group], group_names[c->group], 8, 9);
        }
        int h = chart_height(l, c);
        if (c->half && i + 1 < CHART_COUNT) {
            int w = (l->w - gap) / 2;
            chart(l, c, (SDL_Rect){l->x, l->y, w, h});
            chart(l, &charts[++i], (SDL_Rect){l->x + w + gap, l->y, w, h});
        } else {
            chart(l, c, (SDL_Rect){l->x, l->y, l->w, h});
        }
        l->y += h;
    }
    return l->y - top;
}

void hv_panel_charts(hv_app *app, SDL_Rect area)
{
    static const char *const tab_ids[3] = {"chart_resources", "chart_society", "chart_power"};
    hv_gfx *g = &app->gfx;
    static uint32_t seen;
    SDL_Rect in = hv_gui_panel(&app->gui, area, "History");
    if (!app->game || in.w <= 0 || in.h <= 0)
        return;
    hv_list_fresh(app, &seen);
    /* The tabs jump to their group in one scrolling list, so no tab state
     * needs keeping: the one shown is the group at the top of the view. */
    int th = hv_gfx_px(g, 30), gap = hv_gfx_px(g, 6);
    SDL_Rect view = {in.x, in.y + th + gap, in.w, in.h - th - gap};
    hv_list m = {app, g, view, view.x, view.w - hv_gfx_px(g, 12), 0, 0};
    int offsets[3] = {0, 0, 0};
    charts_list(&m, offsets);
    int active = 0;
    for (int k = 0; k < 3; k++)
        if (app->scroll + hv_gfx_px(g, 4) >= offsets[k])
            active = k;
    int tw = (in.w - 2 * gap) / 3;
    for (int k = 0; k < 3; k++) {
        char tip[160];
        snprintf(tip, sizeof tip, "Show the %s charts",
                 k == 0   ? "resource"
                 : k == 1 ? "society"
                          : "power");
        if (hv_gui_button(&app->gui, tab_ids[k], (SDL_Rect){in.x + k * (tw + gap), in.y, tw, th},
                          group_icons[k], group_names[k], tip, k == active ? HV_W_SELECTED : 0))
            app->scroll = offsets[k];
    }
    hv_list l = hv_list_begin(app, view, "chart_list");
    int total = charts_list(&l, offsets);
    /* Room below the last group, so its tab can bring it to the top. */
    if (total < offsets[2] + view.h)
        total = offsets[2] + view.h;
    hv_list_end(&l, total);
}
