/* The factions panel: the tension between every two nations at the base
 * as a matrix, the tension between the classes with the riot watch and the
 * unrest ladder, the sponsors who pay for it all and their board
 * (hv_panel_board.c). It only reads the game. */
#include <stdio.h>
#include <string.h>

#include "hv_panel_board.h"
#include "hv_turn.h"
#include "hv_widgets.h"

/* The core's key for a pair of factions in tension events (hv_society.c). */
#define PAIR(a, b) ((a)*16 + (b))

static uint32_t mix(uint32_t a, uint32_t b, int t, int range)
{
    if (range <= 0)
        return b;
    t = t < 0 ? 0 : t > range ? range : t;
    uint32_t out = 0;
    for (int sh = 0; sh <= 16; sh += 8) {
        int ca = (int)(a >> sh & 255), cb = (int)(b >> sh & 255);
        out |= (uint32_t)(ca + (cb - ca) * t / range) << sh;
    }
    return out;
}

/* Calm is a dark green, the incident line amber, a riot red: dark enough
 * everywhere for light numbers on top. */
static uint32_t tension_colour(const hv_society *soc, int v)
{
    if (v >= soc->riot_at)
        return 0xc2301f;
    if (v > soc->incident_at) /* the core rolls for incidents only above the line */
        return mix(0x9a6418, 0xa8341f, v - soc->incident_at, soc->riot_at - soc->incident_at);
    return mix(0x1f3d27, 0x6a6420, v, soc->incident_at);
}

static const char *cause_words(hv_cause c)
{
    static const struct {
        hv_cause cause;
        const char *words;
    } words[] = {
        {HV_CAUSE_POLICY, "policies in force"},
        {HV_CAUSE_SHORTAGE, "shortages"},
        {HV_CAUSE_INEQUALITY, "the morale gap"},
        {HV_CAUSE_JOINT_WORK, "working side by side"},
        {HV_CAUSE_CALM, "a quiet week"},
        {HV_CAUSE_INCIDENT, "incidents"},
        {HV_CAUSE_EVENT, "events"},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (words[i].cause == c)
            return words[i].words;
    return hv_cause_words(c);
}

/* Appends last week's changes to a tension (pair SUBJECT, -1 the classes)
 * summed by cause. */
static void tension_causes(const hv_game *game, int32_t s1, int32_t s2, char *buf, size_t len)
{
    size_t n = strlen(buf);
    if (!game->played) {
        snprintf(buf + n, len - n, "\nNo week played yet.");
        return;
    }
    int64_t by[HV_CAUSE_COUNT] = {0}, total = 0;
    for (int32_t i = 0; i < game->report.count; i++) {
        const hv_event *e = &game->report.events[i];
        if (e->kind == HV_EV_TENSION && (e->subject == s1 || e->subject == s2) && e->cause >= 0 &&
            e->cause < HV_CAUSE_COUNT) {
            by[e->cause] += e->amount;
            total += e->amount;
        }
    }
    char v[16];
    n += (size_t)snprintf(buf + n, len - n, "\nLast week: %s",
                          total ? hv_signed(v, sizeof v, total) : "no change");
    for (int c = 0; c < HV_CAUSE_COUNT && n < len; c++)
        if (by[c])
            n += (size_t)snprintf(buf + n, len - n, "\n  %s  %s", hv_signed(v, sizeof v, by[c]),
                                  cause_words((hv_cause)c));
}

/* A small triangle pointing up or down: last week's direction. */
static void arrow(hv_gfx *g, int x, int y, int size, int up, uint32_t colour)
{
    for (int i = 0; i < size; i++) {
        int w = (up ? i : size - 1 - i) + 1;
        hv_gfx_fill(g, (SDL_Rect){x + (size - w), y + i, 2 * w - 1, 1}, colour, 255);
    }
}

static int matrix(hv_app *app, SDL_Rect view, int x, int y, int w)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_state *s = &game->state;
    const hv_rules *rules = s->rules;
    const hv_society *soc = &rules->society;
    int idx[HV_MAX_FACTIONS], n = 0;
    for (int32_t f = 0; f < rules->faction_count; f++)
        for (int32_t i = 0; i < s->person_count; i++)
            if (s->people[i].faction == f) {
                idx[n++] = f;
                break;
            }
    if (n < 2)
        return hv_gfx_text_wrap(g, HV_FONT_BODY, x, y, w, HV_C_DIM,
                                "Only one nation lives here: no tension between nations.", 1);
    /* Names take at least a third; the cells, square, the rest up to a size. */
    int cell = (w - w * 36 / 100) / n;
    cell = cell > hv_gfx_px(g, 46) ? hv_gfx_px(g, 46) : cell;
    int head = w - n * cell;
    int mark =
        cell - hv_gfx_px(g, 12) < hv_gfx_px(g, 20) ? cell - hv_gfx_px(g, 12) : hv_gfx_px(g, 20);
    int top = y, hov_a = -1, hov_b = -1;
    y += mark + hv_gfx_px(g, 6);
    /* Cells first, so the headers can light up the hovered row and column. */
    char tip[HV_TIP_LEN], id[32], v[16];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            int a = idx[i], b = idx[j];
            SDL_Rect r = {x + head + j * cell, y + i * cell, cell - 1, cell - 1};
            if (a == b) {
                hv_gfx_fill(g, r, 0x1a1216, 255);
                continue;
            }
            int t = s->tension[a][b];
            hv_gfx_fill(g, r, tension_colour(soc, t), 255);
            snprintf(v, sizeof v, "%d", t);
            int tw, th;
            hv_gfx_text_size(g, HV_FONT_BODY, t > soc->incident_at, v, &tw, &th);
            hv_gfx_text(g, HV_FONT_BODY, t > soc->incident_at, r.x + (r.w - tw) / 2,
                        r.y + (r.h - th) / 2, HV_C_TEXT, v);
            int was = game->played ? game->before.tension[a][b] : t;
            if (was != t)
                arrow(g, r.x + r.w - hv_gfx_px(g, 10), r.y + hv_gfx_px(g, 3), hv_gfx_px(g, 4),
                      t > was, t > was ? 0xffb0a0 : 0xb0ffb0);
            if (t >= soc->riot_at)
                hv_gfx_frame(g, hv_rect_inset(r, hv_gfx_px(g, 2)), HV_C_TEXT);
            SDL_Rect vis;
            if (SDL_IntersectRect(&r, &view, &vis) && hv_gui_hover(&app->gui, vis)) {
                hv_gfx_frame(g, r, HV_C_TEXT);
                hov_a = i;
                hov_b = j;
            }
            snprintf(tip, sizeof tip,
                     "%s and %s: tension %d of 100.\nIncidents may break out above %d; at %d a "
                     "riot is brewing, and %d weeks of it lose the base.",
                     rules->factions[a].name, rules->factions[b].name, t, soc->incident_at,
                     soc->riot_at, soc->riot_weeks);
            tension_causes(game, PAIR(a, b), PAIR(b, a), tip, sizeof tip);
            snprintf(id, sizeof id, "tension_%d_%d", a, b);
            hv_view_area(app, view, id, r, tip);
        }
    char shown[HV_NAME_LEN];
    for (int i = 0; i < n; i++) {
        int f = idx[i];
        SDL_Rect col = {x + head + i * cell, top, cell - 1, mark + hv_gfx_px(g, 4)};
        SDL_Rect row = {x, y + i * cell, head - hv_gfx_px(g, 4), cell - 1};
        if (hov_b == i)
            hv_gfx_fill(g, col, HV_C_PANEL_HI, 255);
        if (hov_a == i)
            hv_gfx_fill(g, row, HV_C_PANEL_HI, 255);
        hv_draw_faction_mark(app, f, (SDL_Rect){col.x + (cell - mark) / 2, top, mark, mark});
        hv_draw_faction_mark(
            app, f, (SDL_Rect){x + hv_gfx_px(g, 2), row.y + (cell - mark) / 2, mark, mark});
        int tx = x + mark + hv_gfx_px(g, 8);
        hv_text_cut(g, HV_FONT_SMALL, hov_a == i, rules->factions[f].name, row.x + row.w - tx,
                    shown, sizeof shown);
        hv_gfx_text(g, HV_FONT_SMALL, hov_a == i, tx,
                    row.y + (cell - hv_gfx_line_height(g, HV_FONT_SMALL)) / 2,
                    hov_a == i ? HV_C_TEXT : HV_C_DIM, shown);
        hv_view_area(app, view, NULL, col, rules->factions[f].name);
    }
    y += n * cell + hv_gfx_px(g, 6);
    /* The legend says what the colours mean, in numbers too. */
    struct {
        int v, at;
        const char *label;
    } keys[] = {{0, 0, "calm"},
                {soc->incident_at + 1, soc->incident_at, "incidents above %d"},
                {soc->riot_at, soc->riot_at, "riot from %d"}};
    int lx = x, sw = hv_gfx_px(g, 14), ls = hv_gfx_line_height(g, HV_FONT_SMALL);
    for (int k = 0; k < 3; k++) {
        hv_gfx_fill(g, (SDL_Rect){lx, y + (ls - sw) / 2, sw, sw}, tension_colour(soc, keys[k].v),
                    255);
        char text[48];
        snprintf(text, sizeof text, keys[k].label, keys[k].at);
        lx += sw + hv_gfx_px(g, 5);
        lx += hv_gfx_text(g, HV_FONT_SMALL, 0, lx, y, HV_C_DIM, text) + hv_gfx_px(g, 14);
    }
    return y + ls - top;
}

/* A 0..100 bar with tick marks at the incident and riot lines. */
static void threshold_bar(hv_app *app, SDL_Rect r, int v)
{
    hv_gfx *g = &app->gfx;
    const hv_society *soc = &app->game->state.rules->society;
    hv_gui_bar(&app->gui, r, v, 100, tension_colour(soc, v > 8 ? v : 8));
    int t = hv_gfx_px(g, 2) > 1 ? hv_gfx_px(g, 2) : 1;
    int at[2] = {soc->incident_at, soc->riot_at};
    for (int k = 0; k < 2; k++) {
        int x = r.x + r.w * at[k] / 100;
        hv_gfx_fill(g, (SDL_Rect){x - t / 2, r.y - hv_gfx_px(g, 3), t, r.h + hv_gfx_px(g, 6)},
                    k ? HV_C_BAD : HV_C_WARN, 255);
    }
}

static int classes(hv_app *app, SDL_Rect view, int x, int y, int w)
{
    hv_gfx *g = &app->gfx;
    hv_game *game = app->game;
    const hv_state *s = &game->state;
    const hv_society *soc = &s->rules->society;
    int top = y, workers = 0, lb = hv_gfx_line_height(g, HV_FONT_BODY);
    int ls = hv_gfx_line_height(g, HV_FONT_SMALL);
    for (int32_t i = 0; i < s->person_count; i++)
        workers += s->rules->roles[s->people[i].role].klass == HV_CLASS_WORKER;
    char tip[HV_TIP_LEN], v[16];
    if (!workers) {
        y += hv_gfx_text_wrap(g, HV_FONT_SMALL, x, y, w, HV_C_DIM,
                              "No hired workers at the base: staff and workers have nothing to "
                              "quarrel over yet.",
                              1);
    } else {
        int vw = hv_gfx_px(g, 34);
        hv_gfx_text(g, HV_FONT_BODY, 0, x, y, HV_C_TEXT, "Staff vs workers");
        snprintf(v, sizeof v, "%d", s->class_tension);
        int tw;
        hv_gfx_text_size(g, HV_FONT_BODY, 1, v, &tw, NULL);
        hv_gfx_text(g, HV_FONT_BODY, 1, x + w - tw, y,
                    s->class_tension > soc->incident_at ? HV_C_WARN : HV_C_TEXT, v);
        int lx = x + hv_gfx_px(g, 130);
        SDL_Rect bar = {lx, y + lb / 4, x + w - vw - lx, lb / 2};
        threshold_bar(app, bar, s->class_tension);
        snprintf(tip, sizeof tip,
                 "Tension between the classes: %d of 100 (%d hired workers).\nIncidents may break "
                 "out above %d (yellow mark); at %d (red mark) a riot is brewing.\nPay, quarters, "
                 "rations and shortages move it.",
                 s->class_tension, workers, soc->incident_at, soc->riot_at);
        tension_causes(game, -1, -1, tip, sizeof tip);
        hv_view_area(app, view, "class_tension", (SDL_Rect){x, y, w, lb}, tip);
        y += lb + hv_gfx_px(g, 6);
    }
    /* The riot watch: one box per week the rules allow. */
    hv_gfx_text(g, HV_FONT_BODY, 0, x, y, HV_C_TEXT, "Riot watch");
    int box = ls - hv_gfx_px(g, 2), bx = x + hv_gfx_px(g, 130);
    for (int k = 0; k < soc->riot_weeks && k < 20; k++) {
        SDL_Rect b = {bx + k * (box + hv_gfx_px(g, 4)), y + (lb - box) / 2, box, box};
        hv_gfx_fill(g, b, k < s->riot_weeks ? HV_C_BAD : 0x16100f, 255);
        hv_gfx_frame(g, b, HV_C_BORDER);
    }
    snprintf(tip, sizeof tip, "%d of %d weeks", s->riot_weeks, soc->riot_weeks);
    int tw;
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, tip, &tw, NULL);
    hv_gfx_text(g, HV_FONT_SMALL, 0, x + w - tw, y + (lb - ls) / 2,
                s->riot_weeks ? HV_C_BAD : HV_C_DIM, tip);
    snprintf(tip, sizeof tip,
             "Weeks in a row with some tension at %d or more: %d. At %d in a row the base riots "
             "and the game is lost.\nIncidents so far: %d.",
             soc->riot_at, s->riot_weeks, soc->riot_weeks, s->incidents);
    hv_view_area(app, view, "riot_watch", (SDL_Rect){x, y, w, lb}, tip);
    y += lb;
    int ladder = hv_board_ladder(app, view, x, y + hv_gfx_px(g, 10), w);
    return y + (ladder ? ladder + hv_gfx_px(g, 10) : 0) - top;
}

/* A sponsor's agenda as one line per thing it cares about; returns the length. */
static size_t agenda_text(const hv_agenda *a, const char *body, char *buf, size_t len)
{
    char mining[HV_NAME_LEN + 32], parked[HV_NAME_LEN + 32];
    snprintf(mining, sizeof mining, "mining in %s orbit (jobs)", body);
    snprintf(parked, sizeof parked, "rocks parked in %s orbit", body);
    const struct {
        int32_t w;
        const char *what;
    } items[] = {
        {a->exports, "iridium sold on Earth"},
        {a->mining, mining},
        {a->pay, "workers' pay above contract"},
        {a->incidents, "incidents"},
        {a->workers, "hiring workers"},
        {a->tension, "tension between nations"},
        {a->earth_orbit, "rocks parked in Earth orbit"},
        {a->mars_orbit, parked},
    };
    size_t n = 0;
    for (size_t k = 0; k < sizeof items / sizeof items[0] && n < len; k++)
        if (items[k].w)
            n += (size_t)snprintf(buf + n, len - n, "\n%s %s.",
                                  items[k].w > 0 ? "Wants" : "Dislikes", items[k].what);
    return n < len ? n : len - 1;
}

static int sponsors(hv_app *app, SDL_Rect view, int x, int y, int w)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    int top = y, lb = hv_gfx_line_height(g, HV_FONT_BODY),
        ls = hv_gfx_line_height(g, HV_FONT_SMALL);
    int gap = hv_gfx_px(g, 8);
    /* Number columns right-aligned, each as wide as its heading; the
     * satisfaction bar takes what the names leave. */
    const char *heads[] = {"SATISFACTION", "FUNDS", "CREW", "MORALE"};
    int rights[4], tw, cx = x + w;
    for (int k = 3; k >= 1; k--) {
        hv_gfx_text_size(g, HV_FONT_SMALL, 1, heads[k], &tw, NULL);
        rights[k] = cx;
        cx -= (tw > hv_gfx_px(g, 34) ? tw : hv_gfx_px(g, 34)) + gap;
    }
    hv_gfx_text_size(g, HV_FONT_SMALL, 1, heads[0], &tw, NULL);
    int sat_r = rights[0] = cx, sat_l = sat_r - (tw > hv_gfx_px(g, 80) ? tw : hv_gfx_px(g, 80));
    int name_w = sat_l - gap - x;
    int funds_r = rights[1], crew_r = rights[2], morale_r = rights[3];
    hv_gfx_text(g, HV_FONT_SMALL, 1, x, y, HV_C_DIM, "SPONSOR");
    for (int k = 0; k < 4; k++) {
        hv_gfx_text_size(g, HV_FONT_SMALL, 1, heads[k], &tw, NULL);
        hv_gfx_text(g, HV_FONT_SMALL, 1, k ? rights[k] - tw : sat_l, y, HV_C_DIM, heads[k]);
    }
    hv_view_area(app, view, "sponsors_head", (SDL_Rect){x, y, w, ls},
                 "Each sponsor's satisfaction (0 to 100), the funds they send each week, how many "
                 "of their people live here and those people's average morale.");
    y += ls + hv_gfx_px(g, 4);
    int row_h = lb + hv_gfx_px(g, 8), mark = lb - hv_gfx_px(g, 2);
    char text[96], tip[HV_TIP_LEN], id[32];
    for (int32_t i = 0; i < rules->sponsor_count; i++) {
        const hv_sponsor *sp = &rules->sponsors[i];
        int f = sp->faction, sat = s->satisfaction[i], people = 0;
        int64_t morale = 0;
        for (int32_t k = 0; k < s->person_count; k++)
            if (s->people[k].faction == f) {
                people++;
                morale += s->people[k].morale;
            }
        SDL_Rect r = {x - hv_gfx_px(g, 4), y, w + hv_gfx_px(g, 8), row_h};
        if (i & 1)
            hv_gfx_fill(g, r, 0x2a2127, 255);
        int ty = y + (row_h - lb) / 2, sy = y + (row_h - ls) / 2;
        hv_draw_faction_mark(app, f, (SDL_Rect){x, y + (row_h - mark) / 2, mark, mark});
        hv_text_cut(g, HV_FONT_BODY, 0, rules->factions[f].name, name_w - mark - gap / 2, text,
                    sizeof text);
        hv_gfx_text(g, HV_FONT_BODY, 0, x + mark + gap / 2, ty, HV_C_TEXT, text);
        int bh = ls - hv_gfx_px(g, 6), nw = hv_gfx_px(g, 26);
        hv_gui_bar(&app->gui, (SDL_Rect){sat_l, y + (row_h - bh) / 2, sat_r - nw - sat_l, bh}, sat,
                   100,
                   sat >= 60   ? HV_C_GOOD
                   : sat >= 35 ? HV_C_WARN
                               : HV_C_BAD);
        snprintf(text, sizeof text, "%d", sat);
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, text, &tw, NULL);
        hv_gfx_text(g, HV_FONT_SMALL, 0, sat_r - tw, sy, HV_C_TEXT, text);
        int64_t pay = hv_sponsor_funding(s, i);
        hv_format_number(pay, text, sizeof text);
        hv_gfx_text_size(g, HV_FONT_BODY, 1, text, &tw, NULL);
        hv_gfx_text(g, HV_FONT_BODY, 1, funds_r - tw, ty, HV_C_TEXT, text);
        snprintf(text, sizeof text, "%d", people);
        hv_gfx_text_size(g, HV_FONT_BODY, 0, text, &tw, NULL);
        hv_gfx_text(g, HV_FONT_BODY, 0, crew_r - tw, ty, people ? HV_C_TEXT : HV_C_DIM, text);
        int avg = people ? (int)(morale / people) : 0;
        snprintf(text, sizeof text, people ? "%d" : "\xe2\x80\x94", avg);
        hv_gfx_text_size(g, HV_FONT_BODY, 0, text, &tw, NULL);
        hv_gfx_text(g, HV_FONT_BODY, 0, morale_r - tw, ty,
                    !people     ? HV_C_DIM
                    : avg >= 60 ? HV_C_GOOD
                    : avg >= 35 ? HV_C_WARN
                                : HV_C_BAD,
                    text);
        size_t n = (size_t)snprintf(
            tip, sizeof tip,
            "%s: satisfaction %d of 100.\nPays %lld funds a week now: %lld when fully "
            "satisfied, half that when fed up%s.\n%d of their people here, average morale "
            "%d.\nContented nationals write good letters home; iridium delivered to Earth "
            "pleases every sponsor; incidents involving their nation anger them.",
            rules->factions[f].name, sat, (long long)pay, (long long)sp->funding,
            s->funding_pct[i] ? " (changed for good by the board)" : "", people, avg);
        n = n < sizeof tip ? n : sizeof tip - 1;
        n += agenda_text(&sp->agenda, rules->world.body, tip + n, sizeof tip - n);
        for (int32_t o = 0; o < rules->faction_count && n < sizeof tip; o++)
            if (s->partners[f] >> o & 1u)
                n += (size_t)snprintf(tip + n, sizeof tip - n, "\nPartners with %s.",
                                      rules->factions[o].name);
        snprintf(id, sizeof id, "sponsor_%d", i);
        hv_view_area(app, view, id, r, tip);
        y += row_h;
    }
    if (!rules->sponsor_count)
        y += hv_gfx_text_wrap(g, HV_FONT_SMALL, x, y, w, HV_C_DIM,
                              "Nobody on Earth pays for this base.", 1);
    return y - top;
}

void hv_panel_factions(hv_app *app, SDL_Rect area)
{
    hv_gfx *g = &app->gfx;
    SDL_Rect view = hv_gui_panel(&app->gui, area, "Factions and tension");
    int sb = hv_scroll_area_bar(g, &app->views.factions, view);
    int x = view.x, w = view.w - sb, gap = hv_gfx_px(g, 16);
    int y = hv_scroll_area_begin(app, &app->views.factions, view), top = y;
    y += hv_small_heading(g, x, y, "TENSION BETWEEN NATIONS", 4, 1);
    y += matrix(app, view, x, y, w) + gap;
    y += hv_small_heading(g, x, y, "BETWEEN THE CLASSES", 4, 1);
    y += classes(app, view, x, y, w) + gap;
    y += hv_small_heading(g, x, y, "SPONSORS ON EARTH", 4, 1);
    y += sponsors(app, view, x, y, w) + gap;
    y += hv_small_heading(g, x, y, "THE BOARD", 4, 1);
    y += hv_board_section(app, view, x, y, w);
    hv_scroll_area_end(app, &app->views.factions, view, y - top);
}
