/* The history charts, drawn from the week records the game keeps, and the
 * last week's report, grouped and summed from its events so a player reads
 * what changed and why instead of a log. Both only read the game. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hv_app.h"
#include "hv_print.h"

/* Where a scrolling list is being laid out; see hv_panel_missions.c. */
typedef struct lay {
    hv_app *app;
    hv_gfx *g;
    SDL_Rect view;
    int x, w, y;
    int draw;
} lay;

static int px(const lay *l, int units)
{
    return hv_gfx_px(l->g, units);
}

static const char *num(int64_t v)
{
    static char buf[8][32];
    static int k;
    k = (k + 1) & 7;
    hv_format_number(v, buf[k], sizeof buf[k]);
    return buf[k];
}

/* "+1,234", "-56" or "±0". */
static const char *signed_num(int64_t v)
{
    static char buf[8][40];
    static int k;
    k = (k + 1) & 7;
    if (v == 0)
        snprintf(buf[k], sizeof buf[k], "±0");
    else
        snprintf(buf[k], sizeof buf[k], "%s%s", v > 0 ? "+" : "", num(v));
    return buf[k];
}

static void wrap(lay *l, int indent, hv_font_size f, uint32_t colour, const char *t)
{
    l->y += hv_gfx_text_wrap(l->g, f, l->x + indent, l->y, l->w - indent, colour, t, l->draw);
}

static void heading(lay *l, const char *icon, const char *title)
{
    int lh = hv_gfx_line_height(l->g, HV_FONT_BODY);
    l->y += px(l, 8);
    if (l->draw) {
        hv_gfx_image(l->g, icon, (SDL_Rect){l->x, l->y, lh, lh});
        hv_gfx_text(l->g, HV_FONT_BODY, 1, l->x + lh + px(l, 6), l->y, HV_C_ACCENT, title);
        hv_gfx_fill(l->g, (SDL_Rect){l->x, l->y + lh + px(l, 3), l->w, px(l, 1)}, HV_C_BORDER, 255);
    }
    l->y += lh + px(l, 9);
}

/* Starts the list from the top when its panel has just been opened: the
 * scroll offset is shared by every panel. SEEN is the panel's last frame. */
static void fresh_scroll(hv_app *app, uint32_t *seen)
{
    uint32_t frame = app->gfx.frame;
    if (*seen != frame && *seen + 1 != frame)
        app->scroll = 0;
    *seen = frame;
}

/* Starts a scrolling list in VIEW: takes the wheel, clips, records ID. */
static lay list_begin(hv_app *app, SDL_Rect view, const char *id)
{
    hv_gui *gui = &app->gui;
    if (gui->wheel && hv_gui_hover(gui, view)) {
        app->scroll -= gui->wheel * hv_gfx_px(&app->gfx, 60);
        gui->wheel = 0;
    }
    if (app->scroll < 0)
        app->scroll = 0;
    hv_gui_area(gui, id, view, NULL);
    SDL_RenderSetClipRect(app->ren, &view);
    int bar = hv_gfx_px(&app->gfx, 6);
    return (lay){app, &app->gfx, view, view.x, view.w - 2 * bar, view.y - app->scroll, 1};
}

/* Ends it: keeps the scroll in range and draws the scroll bar. */
static void list_end(lay *l, int total)
{
    hv_app *app = l->app;
    SDL_Rect v = l->view;
    SDL_RenderSetClipRect(app->ren, NULL);
    int max = total - v.h, bar = px(l, 6);
    if (app->scroll > (max > 0 ? max : 0))
        app->scroll = max > 0 ? max : 0;
    if (max <= 0)
        return;
    int th = v.h * v.h / total;
    hv_gfx_fill(l->g, (SDL_Rect){v.x + v.w - bar, v.y, bar, v.h}, 0x120c0e, 255);
    hv_gfx_fill(l->g, (SDL_Rect){v.x + v.w - bar, v.y + (v.h - th) * app->scroll / max, bar, th},
                HV_C_BORDER, 255);
}

/* ---- charts ------------------------------------------------------------ */

enum { F_POP = HV_RES_COUNT, F_MORALE, F_NATIONS, F_CLASSES, F_SAT, F_SUPPLY, F_DEMAND, F_BALANCE };

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
    {"chart_funds", "Funds", 0, 0, 0, 0, 1, {HV_RES_FUNDS}, {NULL}, NULL},
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
static void plot(lay *l, const chart_def *c, SDL_Rect r)
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
    snprintf(top, sizeof top, "%s", num(hi));
    snprintf(bottom, sizeof bottom, "%s", num(lo));
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, top, &sw, &sh);
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, bottom, &bw, NULL);
    int label = sw > bw ? sw : bw, lh = hv_gfx_line_height(g, HV_FONT_SMALL);
    SDL_Rect p = {r.x + label + px(l, 6), r.y, r.w - label - px(l, 6), r.h - lh};
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
    SDL_Rect in = hv_rect_inset(p, px(l, 4));
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
    if (c->fields[0] == F_NATIONS) {
        int32_t marks[2] = {rules->society.incident_at, rules->society.riot_at};
        const char *names[2] = {"incidents", "riot"};
        for (int k = 0; k < 2; k++) {
            int y = YAT(marks[k]);
            SDL_Point line[2] = {{in.x, y}, {in.x + in.w, y}};
            dashed(g, line, 2, 2, k ? HV_C_BAD : HV_C_WARN, 1);
            int tw;
            hv_gfx_text_size(g, HV_FONT_SMALL, 0, names[k], &tw, NULL);
            hv_gfx_text(g, HV_FONT_SMALL, 0, in.x + in.w - tw - px(l, 2), y - lh,
                        k ? HV_C_BAD : HV_C_WARN, names[k]);
        }
    }
    SDL_Point pts[HV_HISTORY];
    int thick = px(l, 2) > 1 ? px(l, 2) : 1, msize = px(l, 7);
    /* Markers no closer than about 14 units, always on the latest week. */
    int every = count > 1 ? (int)((int64_t)px(l, 14) * (count - 1) / (in.w > 1 ? in.w : 1)) + 1 : 1;
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
            marker(g, k, XAT(i), YAT(v), msize + px(l, 2), series_colour[k]);
            int deficit = c->fields[k] == F_BALANCE && v < 0;
            n += (size_t)snprintf(tip + n, sizeof tip - n, "\n%s: %s%s%s",
                                  deficit ? "Deficit" : series_label(rules, c, k),
                                  num(deficit ? -v : v), *series_unit(rules, c) ? " " : "",
                                  series_unit(rules, c));
        }
        int64_t margin = (int64_t)h[i].power_supply - h[i].power_demand;
        if (c->fields[0] == F_SUPPLY && n < sizeof tip)
            n += (size_t)snprintf(tip + n, sizeof tip - n, "\n%s of %s kW",
                                  margin >= 0 ? "A surplus" : "A deficit",
                                  num(margin >= 0 ? margin : -margin));
        if (c->fields[0] == F_NATIONS && n < sizeof tip)
            snprintf(tip + n, sizeof tip - n,
                     "\nIncidents from %d; a riot at %d held for %d weeks loses the base.",
                     rules->society.incident_at, rules->society.riot_at, rules->society.riot_weeks);
    }
    hv_gui_area(&app->gui, c->id, hot, tip);
#undef XAT
#undef YAT
}

static int chart_height(lay *l, const chart_def *c)
{
    int body = hv_gfx_line_height(l->g, HV_FONT_BODY),
        small = hv_gfx_line_height(l->g, HV_FONT_SMALL);
    return body + (c->n > 1 ? small + px(l, 2) : 0) +
           px(l, c->half || (c > charts && c[-1].half) ? 80 : 96) + small + px(l, 12);
}

static void chart(lay *l, const chart_def *c, SDL_Rect r)
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
            int sample = px(l, 22);
            SDL_Point seg[2] = {{x, y + small / 2}, {x + sample, y + small / 2}};
            dashed(g, seg, 2, k, series_colour[k], px(l, 2) > 1 ? px(l, 2) : 1);
            marker(g, k, x + sample / 2, y + small / 2, px(l, 7), series_colour[k]);
            x += sample + px(l, 4);
            x += hv_gfx_text(g, HV_FONT_SMALL, 0, x, y, HV_C_TEXT, series_label(rules, c, k)) +
                 px(l, 12);
        }
        y += small + px(l, 2);
    }
    plot(l, c, (SDL_Rect){r.x, y, r.w, r.y + r.h - px(l, 12) - y});
}

static const char *const group_names[3] = {"Resources", "Society", "Power"};
static const char *const group_icons[3] = {"icons/funds", "icons/people", "icons/power"};

/* Lays the charts out; fills the top of each group in list units. */
static int charts_list(lay *l, int offsets[3])
{
    int top = l->y, gap = px(l, 10);
    if (l->app->game->history_count < 2)
        wrap(l, 0, HV_FONT_SMALL, HV_C_DIM,
             "The charts fill in as weeks are played: end a week with Space.");
    for (int i = 0; i < CHART_COUNT; i++) {
        const chart_def *c = &charts[i];
        if (i == 0 || charts[i - 1].group != c->group) {
            offsets[c->group] = l->y - top;
            heading(l, group_icons[c->group], group_names[c->group]);
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
    fresh_scroll(app, &seen);
    /* The tabs jump to their group in one scrolling list, so no tab state
     * needs keeping: the one shown is the group at the top of the view. */
    int th = hv_gfx_px(g, 30), gap = hv_gfx_px(g, 6);
    SDL_Rect view = {in.x, in.y + th + gap, in.w, in.h - th - gap};
    lay m = {app, g, view, view.x, view.w - hv_gfx_px(g, 12), 0, 0};
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
    lay l = list_begin(app, view, "chart_list");
    int total = charts_list(&l, offsets);
    /* Room below the last group, so its tab can bring it to the top. */
    if (total < offsets[2] + view.h)
        total = offsets[2] + view.h;
    list_end(&l, total);
}

/* ---- the report -------------------------------------------------------- */

static const char *cause_text(hv_cause c)
{
    static const char *const names[HV_CAUSE_COUNT] = {
        "other",        "orders",   "production", "life support", "shortage",    "exposure",
        "recovery",     "upkeep",   "wages",      "sponsors",     "supply ship", "power",
        "construction", "weather",  "goals",      "inequality",   "joint work",  "a quiet week",
        "incidents",    "policies", "events",     "missions",     "market",      "mood",
    };
    return c >= 0 && c < HV_CAUSE_COUNT ? names[c] : "other";
}

/* One line of the report: a mark in COLOUR, the text, and dim details. */
static void item(lay *l, uint32_t colour, const char *main, const char *detail)
{
    int indent = px(l, 14), dot = px(l, 6), lh = hv_gfx_line_height(l->g, HV_FONT_BODY);
    if (l->draw)
        hv_gfx_fill(l->g, (SDL_Rect){l->x + px(l, 2), l->y + (lh - dot) / 2, dot, dot}, colour,
                    255);
    wrap(l, indent, HV_FONT_BODY, HV_C_TEXT, main);
    if (detail && *detail)
        wrap(l, indent, HV_FONT_SMALL, HV_C_DIM, detail);
    l->y += px(l, 3);
}

static void capitalise(char *s)
{
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
}

static const char *person_name(const hv_game *game, int32_t id)
{
    const hv_person *p = hv_state_person((hv_state *)&game->before, id);
    if (!p)
        p = hv_state_person((hv_state *)&game->state, id);
    return p ? p->name : "Someone";
}

static const char *module_name(const hv_game *game, int32_t id, char *buf, size_t len)
{
    const hv_module *m = hv_state_module((hv_state *)&game->state, id);
    if (!m)
        m = hv_state_module((hv_state *)&game->before, id);
    if (m)
        snprintf(buf, len, "%s #%d", game->state.rules->module_types[m->type].name, id);
    else
        snprintf(buf, len, "Module #%d", id);
    return buf;
}

/* Whether the report has an event of one of KINDS (a bit per hv_event_kind). */
static int has(const hv_report *r, uint32_t kinds)
{
    for (int32_t i = 0; i < r->count; i++)
        if (kinds & (1u << r->events[i].kind))
            return 1;
    return 0;
}
#define K(kind) (1u << (kind))

/* Whether E is an order worth a line: answers are told with their event. */
static int order_line(const hv_game *game, const hv_event *e)
{
    if ((e->kind != HV_EV_ORDER_DONE && e->kind != HV_EV_ORDER_REJECTED) || e->subject < 0 ||
        e->subject >= game->before.order_count)
        return 0;
    return e->kind == HV_EV_ORDER_REJECTED ||
           game->before.orders[e->subject].kind != HV_ORDER_ANSWER;
}

static void report_orders(lay *l, const hv_game *game)
{
    const hv_report *r = &game->report;
    char text[200], why[200];
    int first = 1;
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        if (!order_line(game, e))
            continue;
        if (first)
            heading(l, "icons/report", "Orders");
        first = 0;
        hv_describe_order(&game->before, &game->before.orders[e->subject], text, sizeof text);
        capitalise(text);
        if (e->kind == HV_EV_ORDER_DONE) {
            item(l, HV_C_GOOD, text, "Done");
        } else {
            snprintf(why, sizeof why, "Refused: %s", hv_reject_text((hv_reject)e->value));
            item(l, HV_C_BAD, text, why);
        }
    }
}

static void report_happenings(lay *l, const hv_game *game)
{
    static const char *const incidents[HV_INCIDENT_COUNT] = {
        "Strike", "Smuggling: the black market drains the stores", "Sabotage", "A fight",
        "Defection"};
    const hv_report *r = &game->report;
    const hv_rules *rules = game->state.rules;
    if (!has(r, K(HV_EV_EVENT) | K(HV_EV_POLICY) | K(HV_EV_MISSION) | K(HV_EV_INCIDENT) |
                    K(HV_EV_DEATH) | K(HV_EV_HEALTH)))
        return;
    heading(l, "icons/warning", "What happened");
    char text[400], detail[HV_TEXT_LEN + 40], label[96];
    /* Missions and events first, then harm done, then the rest. */
    static const uint32_t passes[3] = {K(HV_EV_MISSION) | K(HV_EV_EVENT),
                                       K(HV_EV_DEATH) | K(HV_EV_INCIDENT),
                                       K(HV_EV_HEALTH) | K(HV_EV_POLICY)};
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
                snprintf(text, sizeof text, "%s", ev->title);
                snprintf(detail, sizeof detail, "%s", ev->text);
                colour = HV_C_WARN;
            } else {
                snprintf(text, sizeof text, "Answered “%s”", ev->title);
                snprintf(detail, sizeof detail, "%s", ev->choices[e->value].text);
            }
            break;
        }
        case HV_EV_POLICY:
            snprintf(text, sizeof text, "Policy %s is now %s", rules->policies[e->subject].name,
                     rules->policies[e->subject].options[e->value].name);
            break;
        case HV_EV_MISSION: {
            const char *name = rules->asteroids[e->subject].name;
            if (e->amount == HV_RESULT_SURVEYED)
                snprintf(text, sizeof text, "The probe reached %s: its composition is known", name);
            else if (e->amount == HV_RESULT_CAPTURED)
                snprintf(text, sizeof text, "%s is in Mars orbit, ready to be mined", name);
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
            snprintf(text, sizeof text, "Incident: %s",
                     e->value >= 0 && e->value < HV_INCIDENT_COUNT ? incidents[e->value] : "?");
            snprintf(detail, sizeof detail, "%s",
                     e->value == HV_INCIDENT_SABOTAGE
                         ? module_name(game, e->subject, label, sizeof label)
                         : person_name(game, e->subject));
            if (e->amount >= 0 && e->amount < rules->faction_count)
                snprintf(detail + strlen(detail), sizeof detail - strlen(detail), " (%s)",
                         rules->factions[e->amount].name);
            colour = HV_C_BAD;
            break;
        case HV_EV_DEATH:
            snprintf(text, sizeof text, "%s died", person_name(game, e->subject));
            if (e->resource >= 0 && e->resource < HV_RES_COUNT)
                snprintf(detail, sizeof detail, "Lack of %s", rules->resources[e->resource].name);
            else
                snprintf(detail, sizeof detail, "%s", cause_text(e->cause));
            capitalise(detail);
            colour = HV_C_BAD;
            break;
        case HV_EV_HEALTH:
            snprintf(text, sizeof text, "Health %s for %lld %s", signed_num(e->amount),
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
        default:
            continue;
        }
        item(l, colour, text, detail);
    }
}

/* Modules shut down or held back by KIND in one line, grouped by type:
 * a power cut can stop a dozen at once. */
static void module_group(lay *l, const hv_game *game, hv_event_kind kind)
{
    const hv_report *r = &game->report;
    const hv_rules *rules = game->state.rules;
    char detail[600] = "", text[120];
    size_t n = 0;
    int count = 0, done[HV_MAX_MODULE_TYPES] = {0};
    for (int32_t i = 0; i < r->count; i++) {
        const hv_module *m = hv_state_module((hv_state *)&game->state, r->events[i].subject);
        if (r->events[i].kind != kind || !m || done[m->type])
            continue;
        done[m->type] = 1;
        n += (size_t)snprintf(detail + n, sizeof detail - n, "%s%s", n ? " · " : "",
                              rules->module_types[m->type].name);
        for (int32_t j = i; j < r->count && n < sizeof detail; j++) {
            const hv_event *e = &r->events[j];
            const hv_module *o = hv_state_module((hv_state *)&game->state, e->subject);
            if (e->kind != kind || !o || o->type != m->type)
                continue;
            count++;
            n += (size_t)snprintf(detail + n, sizeof detail - n, " #%d", o->id);
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
    item(l, HV_C_WARN, text, detail);
}

static void report_modules(lay *l, const hv_game *game)
{
    const hv_report *r = &game->report;
    if (!has(r, K(HV_EV_MODULE_BUILT) | K(HV_EV_MODULE_BROKEN) | K(HV_EV_MODULE_REPAIRED) |
                    K(HV_EV_MODULE_UNPOWERED) | K(HV_EV_MODULE_STARVED)))
        return;
    heading(l, "icons/build", "Modules");
    char name[96], text[200];
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        module_name(game, e->subject, name, sizeof name);
        if (e->kind == HV_EV_MODULE_BUILT)
            snprintf(text, sizeof text, "%s is finished and running", name);
        else if (e->kind == HV_EV_MODULE_REPAIRED)
            snprintf(text, sizeof text, "%s is repaired", name);
        else if (e->kind == HV_EV_MODULE_BROKEN)
            snprintf(text, sizeof text, "%s is out of action for %lld weeks", name,
                     (long long)e->value);
        else
            continue;
        item(l, e->kind == HV_EV_MODULE_BROKEN ? HV_C_BAD : HV_C_GOOD, text, NULL);
    }
    module_group(l, game, HV_EV_MODULE_UNPOWERED);
    module_group(l, game, HV_EV_MODULE_STARVED);
}

/* "NASA", "CNES" from "CNES (France)": pairs of names stay on one line. */
static const char *short_name(const hv_rules *rules, int f, char *buf, size_t len)
{
    snprintf(buf, len, "%s", rules->factions[f].name);
    char *paren = strstr(buf, " (");
    if (paren)
        *paren = '\0';
    return buf;
}

static void causes(const int64_t *by, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int c = 0; c < HV_CAUSE_COUNT && n < len; c++)
        if (by[c])
            n += (size_t)snprintf(buf + n, len - n, "%s%s %s", n ? " · " : "",
                                  cause_text((hv_cause)c), signed_num(by[c]));
}

/* Every change of one kind summed per subject and cause: one line each. */
static void report_resources(lay *l, const hv_game *game)
{
    const hv_report *r = &game->report;
    const hv_rules *rules = game->state.rules;
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
    if (!shown && !has(r, K(HV_EV_POWER) | K(HV_EV_DUST) | K(HV_EV_PRICE)))
        return;
    heading(l, "icons/ore", "Stocks, power and market");
    char text[200], detail[400];
    int64_t price[HV_CAUSE_COUNT] = {0}, price_net = 0, price_to = -1;
    for (int res = 0; res < HV_RES_COUNT; res++) {
        if (!any[res])
            continue;
        int64_t net = game->state.stock[res] - game->before.stock[res];
        snprintf(text, sizeof text, "%s %s → %s %s%s", rules->resources[res].name, signed_num(net),
                 num(game->state.stock[res]), rules->resources[res].unit,
                 (game->state.shortage_mask >> res) & 1 ? ": ran short" : "");
        causes(by[res], detail, sizeof detail);
        item(l, net > 0 ? HV_C_GOOD : net < 0 ? HV_C_BAD : HV_C_DIM, text, detail);
    }
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        if (e->kind == HV_EV_POWER) {
            snprintf(text, sizeof text, "Power: %s kW made, %s kW wanted", num(e->amount),
                     num(e->value));
            item(l, e->value > e->amount ? HV_C_BAD : HV_C_GOOD, text,
                 e->value > e->amount ? "A deficit: modules were shut down by priority" : NULL);
        } else if (e->kind == HV_EV_DUST) {
            snprintf(text, sizeof text, "Dust %s%% → %lld%%", signed_num(e->amount),
                     (long long)e->value);
            item(l, e->amount > 0 ? HV_C_WARN : HV_C_GOOD, text, "Solar output follows the dust");
        } else if (e->kind == HV_EV_PRICE && e->cause >= 0 && e->cause < HV_CAUSE_COUNT) {
            price[e->cause] += e->amount;
            price_net += e->amount;
            price_to = e->value;
        }
    }
    /* An event and the market may both move the price: one line. */
    if (price_to >= 0) {
        snprintf(text, sizeof text, "%s price %s → %s %s per %s",
                 rules->resources[HV_RES_IRIDIUM].name, signed_num(price_net), num(price_to),
                 rules->resources[HV_RES_FUNDS].unit, rules->resources[HV_RES_IRIDIUM].unit);
        causes(price, detail, sizeof detail);
        item(l, price_net > 0 ? HV_C_GOOD : price_net < 0 ? HV_C_BAD : HV_C_DIM, text, detail);
    }
}

enum { PAIRS = 16 * 16 + 1, SLOTS = PAIRS + HV_MAX_SPONSORS }; /* a*16+b + 1; classes at 0 */

typedef struct society_sums {
    int64_t by[SLOTS][HV_CAUSE_COUNT];
    int32_t net[SLOTS], to[SLOTS];
    char seen[SLOTS];
    int64_t morale, morale_to;
} society_sums;

static void society_sum(const hv_report *r, society_sums *t)
{
    memset(t, 0, sizeof *t);
    t->morale_to = -1;
    for (int32_t i = 0; i < r->count; i++) {
        const hv_event *e = &r->events[i];
        int k;
        if (e->kind == HV_EV_MORALE) {
            t->morale += e->amount;
            t->morale_to = e->value;
            continue;
        }
        if (e->kind == HV_EV_TENSION)
            k = e->subject < 0 ? 0 : e->subject + 1;
        else if (e->kind == HV_EV_SATISFACTION)
            k = PAIRS + e->subject;
        else
            continue;
        if (k < 0 || k >= SLOTS || e->cause < 0 || e->cause >= HV_CAUSE_COUNT)
            continue;
        t->net[k] += (int32_t)e->amount;
        t->to[k] = (int32_t)e->value;
        t->by[k][e->cause] += e->amount;
        t->seen[k] = 1;
    }
}

/* Tension per pair and satisfaction per sponsor, net over the week. Pairs
 * that rose are news and get a line each; pairs that eased are summed up
 * together, or a quiet week would bury the rest under dozens of lines. */
static void report_society(lay *l, const hv_game *game)
{
    const hv_rules *rules = game->state.rules;
    society_sums t;
    society_sum(&game->report, &t);
    int any = t.morale_to >= 0;
    for (int k = 0; k < SLOTS; k++)
        any |= t.seen[k] && t.net[k] != 0;
    if (!any)
        return;
    heading(l, "icons/tension", "Society");
    char text[240], detail[400], a[64], b[64];
    /* The event carries the move in thousandths of a point; the level now
     * comes from the state. */
    int64_t tenths = ((t.morale < 0 ? -t.morale : t.morale) + 50) / 100, sum = 0;
    const hv_state *s = &game->state;
    for (int32_t i = 0; i < s->person_count; i++)
        sum += s->people[i].morale;
    if (t.morale_to >= 0 && tenths > 0 && s->person_count > 0) {
        snprintf(text, sizeof text, "Average morale %s%lld.%lld → %lld", t.morale < 0 ? "-" : "+",
                 (long long)(tenths / 10), (long long)(tenths % 10),
                 (long long)(sum / s->person_count));
        item(l, t.morale > 0 ? HV_C_GOOD : HV_C_BAD, text, NULL);
    }
    /* Many pairs (or sponsors) moving the same way make one line; a handful
     * keep theirs. Group 1 is the pairs of nations, 2 the sponsors. */
    int moved[3][2], lo[3][2], hi[3][2];
    int64_t by[3][2][HV_CAUSE_COUNT];
    memset(moved, 0, sizeof moved);
    memset(lo, 0, sizeof lo);
    memset(hi, 0, sizeof hi);
    memset(by, 0, sizeof by);
    for (int k = 1; k < SLOTS; k++) {
        int g = k < PAIRS ? 1 : 2, up = t.net[k] > 0, d = up ? t.net[k] : -t.net[k];
        if (!t.seen[k] || d == 0)
            continue;
        lo[g][up] = moved[g][up]++ == 0 || d < lo[g][up] ? d : lo[g][up];
        hi[g][up] = d > hi[g][up] ? d : hi[g][up];
        for (int c = 0; c < HV_CAUSE_COUNT; c++)
            by[g][up][c] += t.by[k][c];
    }
    for (int k = 0; k < SLOTS; k++) {
        int g = k == 0 ? 0 : k < PAIRS ? 1 : 2, up = t.net[k] > 0;
        for (int u = 1; (k == 1 || k == PAIRS) && u >= 0; u--) {
            if (moved[g][u] <= 4)
                continue;
            char range[32];
            snprintf(range, sizeof range, lo[g][u] == hi[g][u] ? "%d" : "%d to %d", lo[g][u],
                     hi[g][u]);
            if (g == 1)
                snprintf(text, sizeof text, "Tension %s by %s between %d pairs of nations",
                         u ? "rose" : "eased", range, moved[g][u]);
            else
                snprintf(text, sizeof text, "Satisfaction %s by %s for %d sponsors",
                         u ? "rose" : "fell", range, moved[g][u]);
            causes(by[g][u], detail, sizeof detail);
            item(l, (g == 1) == (u == 1) ? HV_C_BAD : HV_C_GOOD, text, detail);
        }
        if (!t.seen[k] || t.net[k] == 0 || (g > 0 && moved[g][up] > 4))
            continue;
        if (k == 0)
            snprintf(text, sizeof text, "Tension staff – workers %s → %d", signed_num(t.net[k]),
                     t.to[k]);
        else if (k < PAIRS)
            snprintf(text, sizeof text, "Tension %s – %s %s → %d",
                     short_name(rules, (k - 1) / 16, a, sizeof a),
                     short_name(rules, (k - 1) % 16, b, sizeof b), signed_num(t.net[k]), t.to[k]);
        else
            snprintf(text, sizeof text, "%s satisfaction %s → %d",
                     short_name(rules, rules->sponsors[k - PAIRS].faction, a, sizeof a),
                     signed_num(t.net[k]), t.to[k]);
        causes(t.by[k], detail, sizeof detail);
        int good = k < PAIRS ? t.net[k] < 0 : t.net[k] > 0;
        item(l, good ? HV_C_GOOD : HV_C_BAD, text, detail);
    }
}

void hv_panel_report(hv_app *app, SDL_Rect area)
{
    const hv_game *game = app->game;
    char title[64], text[300];
    snprintf(title, sizeof title, game && game->played ? "Report of week %d" : "Report",
             game ? game->state.turn : 0);
    static uint32_t seen;
    SDL_Rect view = hv_gui_panel(&app->gui, area, title);
    if (!game || view.w <= 0 || view.h <= 0)
        return;
    fresh_scroll(app, &seen);
    lay l = list_begin(app, view, "report_list");
    int top = l.y;
    if (!game->played) {
        wrap(&l, 0, HV_FONT_BODY, HV_C_DIM,
             "No week has been played yet. Queue your orders, then end the week with Space: "
             "what it brought is summed up here.");
    } else {
        const hv_state *s = &game->state;
        snprintf(text, sizeof text, "Week %d is over; week %d begins.", s->turn, s->turn + 1);
        wrap(&l, 0, HV_FONT_SMALL, HV_C_DIM, text);
        if (has(&game->report, K(HV_EV_OUTCOME))) {
            char why[200];
            hv_state_describe_outcome(s, why, sizeof why);
            snprintf(text, sizeof text, "%s: %s", s->outcome == HV_OUTCOME_WON ? "Won" : "Lost",
                     why);
            l.y += hv_gfx_px(&app->gfx, 4);
            wrap(&l, 0, HV_FONT_HEAD, s->outcome == HV_OUTCOME_WON ? HV_C_GOOD : HV_C_BAD, text);
        }
        report_orders(&l, game);
        report_happenings(&l, game);
        report_modules(&l, game);
        report_resources(&l, game);
        report_society(&l, game);
        if (game->report.dropped) {
            snprintf(text, sizeof text, "(%d more events were not recorded.)",
                     game->report.dropped);
            wrap(&l, 0, HV_FONT_SMALL, HV_C_DIM, text);
        }
    }
    list_end(&l, l.y - top + hv_gfx_px(&app->gfx, 8));
}
