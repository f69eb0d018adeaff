/* The society panels. Factions: the tension between every two nations at
 * the base as a matrix, the tension between the classes, the riot watch and
 * the sponsors who pay for it all. Policies: the laws of the base, each
 * option with its effects spelled out, queued like any other order. */
#include <stdio.h>
#include <string.h>

#include "hv_app.h"

/* The core's key for a pair of factions in tension events (hv_society.c). */
#define PAIR(a, b) ((a)*16 + (b))

/* A list taller than its panel: where it was last drawn and how tall it
 * was, so the wheel can be clamped before this frame's content is known. */
typedef struct scroll_area {
    uint32_t frame;
    int content;
} scroll_area;

static scroll_area factions_scroll, policies_scroll;

static int scrollbar_w(hv_gfx *g, const scroll_area *sa, SDL_Rect view)
{
    return sa->content > view.h ? hv_gfx_px(g, 10) : 0;
}

/* Starts drawing the content of VIEW; returns the y its top is drawn at. */
static int scroll_begin(hv_app *app, scroll_area *sa, SDL_Rect view)
{
    if (sa->frame + 1 != app->gfx.frame)
        app->scroll = 0; /* just opened: start at the top */
    sa->frame = app->gfx.frame;
    if (app->gui.wheel && hv_gui_hover(&app->gui, view)) {
        app->scroll -= app->gui.wheel * hv_gfx_px(&app->gfx, 60);
        app->gui.wheel = 0;
    }
    int max = sa->content > view.h ? sa->content - view.h : 0;
    app->scroll = app->scroll < 0 ? 0 : app->scroll > max ? max : app->scroll;
    SDL_RenderSetClipRect(app->ren, &view);
    return view.y - app->scroll;
}

static void scroll_end(hv_app *app, scroll_area *sa, SDL_Rect view, int content)
{
    hv_gfx *g = &app->gfx;
    SDL_RenderSetClipRect(app->ren, NULL);
    sa->content = content;
    if (content <= view.h)
        return;
    int w = hv_gfx_px(g, 4), max = content - view.h;
    int th = view.h * view.h / content;
    int ty = view.y + (view.h - th) * (app->scroll > max ? max : app->scroll) / max;
    hv_gfx_fill(g, (SDL_Rect){view.x + view.w - w, view.y, w, view.h}, 0x16100f, 255);
    hv_gfx_fill(g, (SDL_Rect){view.x + view.w - w, ty, w, th}, HV_C_BORDER, 255);
}

/* Records an area inside a scrolled VIEW by the part of it that shows. */
static void view_area(hv_app *app, SDL_Rect view, const char *id, SDL_Rect r, const char *tip)
{
    SDL_Rect vis;
    if (SDL_IntersectRect(&r, &view, &vis))
        hv_gui_area(&app->gui, id, vis, tip);
}

/* Copies TEXT into OUT, cut with an ellipsis to fit MAXW pixels. */
static const char *fit(hv_gfx *g, hv_font_size f, int bold, const char *text, int maxw, char *out,
                       size_t len)
{
    snprintf(out, len, "%s", text);
    int w;
    hv_gfx_text_size(g, f, bold, out, &w, NULL);
    size_t n = strlen(out);
    while (w > maxw && n > 1) {
        n--;
        while (n > 0 && ((unsigned char)out[n] & 0xc0) == 0x80)
            n--; /* never cut inside a UTF-8 character */
        if (n + 4 > len)
            continue;
        memcpy(out + n, "\xe2\x80\xa6", 4);
        hv_gfx_text_size(g, f, bold, out, &w, NULL);
    }
    return out;
}

/* "+5" or "−5" with a real minus sign. */
static const char *sgn(char *buf, size_t len, long long v)
{
    snprintf(buf, len, v < 0 ? "\xe2\x88\x92%lld" : "+%lld", v < 0 ? -v : v);
    return buf;
}

static void section(hv_app *app, int x, int *y, const char *title)
{
    hv_gfx *g = &app->gfx;
    hv_gfx_text(g, HV_FONT_SMALL, 1, x, *y, HV_C_ACCENT, title);
    *y += hv_gfx_line_height(g, HV_FONT_SMALL) + hv_gfx_px(g, 4);
}

/* ---- factions and tension --------------------------------------------------- */

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
    return hv_cause_name(c);
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
                          total ? sgn(v, sizeof v, total) : "no change");
    for (int c = 0; c < HV_CAUSE_COUNT && n < len; c++)
        if (by[c])
            n += (size_t)snprintf(buf + n, len - n, "\n  %s  %s", sgn(v, sizeof v, by[c]),
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
            view_area(app, view, id, r, tip);
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
        fit(g, HV_FONT_SMALL, hov_a == i, rules->factions[f].name, row.x + row.w - tx, shown,
            sizeof shown);
        hv_gfx_text(g, HV_FONT_SMALL, hov_a == i, tx,
                    row.y + (cell - hv_gfx_line_height(g, HV_FONT_SMALL)) / 2,
                    hov_a == i ? HV_C_TEXT : HV_C_DIM, shown);
        view_area(app, view, NULL, col, rules->factions[f].name);
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
        view_area(app, view, "class_tension", (SDL_Rect){x, y, w, lb}, tip);
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
    view_area(app, view, "riot_watch", (SDL_Rect){x, y, w, lb}, tip);
    return y + lb - top;
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
    view_area(app, view, "sponsors_head", (SDL_Rect){x, y, w, ls},
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
        fit(g, HV_FONT_BODY, 0, rules->factions[f].name, name_w - mark - gap / 2, text,
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
        int64_t pay = sp->funding * (100 + sat) / 200;
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
        snprintf(tip, sizeof tip,
                 "%s: satisfaction %d of 100.\nPays %lld funds a week now: %lld when fully "
                 "satisfied, half that when fed up.\n%d of their people here, average morale "
                 "%d.\nContented nationals write good letters home; iridium delivered to Earth "
                 "pleases every sponsor; incidents involving their nation anger them.",
                 rules->factions[f].name, sat, (long long)pay, (long long)sp->funding, people, avg);
        snprintf(id, sizeof id, "sponsor_%d", i);
        view_area(app, view, id, r, tip);
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
    int sb = scrollbar_w(g, &factions_scroll, view);
    int x = view.x, w = view.w - sb, gap = hv_gfx_px(g, 16);
    int y = scroll_begin(app, &factions_scroll, view), top = y;
    section(app, x, &y, "TENSION BETWEEN NATIONS");
    y += matrix(app, view, x, y, w) + gap;
    section(app, x, &y, "BETWEEN THE CLASSES");
    y += classes(app, view, x, y, w) + gap;
    section(app, x, &y, "SPONSORS ON EARTH");
    y += sponsors(app, view, x, y, w);
    scroll_end(app, &factions_scroll, view, y - top);
}

/* ---- policies ----------------------------------------------------------------- */

/* Describes effect E in words: COMPACT as a run of short terms for the
 * panel, else one term a line for a tooltip. */
static void effect_words(const hv_rules *rules, const hv_effect *e, int compact, char *buf,
                         size_t len)
{
    const char *week = compact ? "/wk" : " a week";
    char v[16], w[16], term[160], raw[800] = "";
    size_t n = 0;
    /* Terms are joined by \x01; how that breaks depends on where it goes. */
#define TERM(...)                                                                                  \
    do {                                                                                           \
        snprintf(term, sizeof term, __VA_ARGS__);                                                  \
        if (n < sizeof raw)                                                                        \
            n += (size_t)snprintf(raw + n, sizeof raw - n, "%s%s", n ? "\x01" : "", term);         \
    } while (0)
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (e->resources[r])
            TERM("%s %s%s", rules->resources[r].name, sgn(v, sizeof v, e->resources[r]), week);
    if (e->morale_staff && e->morale_staff == e->morale_workers)
        TERM("morale of everyone %s", sgn(v, sizeof v, e->morale_staff));
    else if (e->morale_staff && e->morale_workers)
        TERM("morale: staff %s, workers %s", sgn(v, sizeof v, e->morale_staff),
             sgn(w, sizeof w, e->morale_workers));
    else if (e->morale_staff || e->morale_workers)
        TERM("%s morale %s", e->morale_staff ? "staff" : "workers'",
             sgn(v, sizeof v, e->morale_staff + e->morale_workers));
    const struct {
        int v;
        const char *what, *unit;
    } terms[] = {
        {e->tension, "tension between nations", week},
        {e->class_tension, "class tension", week},
        {e->satisfaction, "sponsors' satisfaction", week},
        {e->output_pct, "module output", "%"},
        {e->ration_pct, "food eaten", "%"},
        {e->pay_pct, "workers' pay", "%"},
        {e->incident_pct, "incident chances", "%"},
    };
    for (size_t k = 0; k < sizeof terms / sizeof terms[0]; k++)
        if (terms[k].v)
            TERM("%s %s%s", terms[k].what, sgn(v, sizeof v, terms[k].v), terms[k].unit);
    if (e->capture_pm)
        TERM("capture odds %s.%d points", sgn(v, sizeof v, e->capture_pm / 10),
             (e->capture_pm < 0 ? -e->capture_pm : e->capture_pm) % 10);
    if (e->joint)
        TERM(compact ? "joint crews"
                     : "joint crews: nations sharing a module calm down twice "
                       "as fast");
#undef TERM
    if (!n)
        snprintf(raw, sizeof raw, "no bonus, no cost");
    /* Compact: break only between terms (no-break spaces inside them).
     * Tooltip: a capitalised line per term. */
    size_t o = 0;
    int start = 1;
    for (const char *c = raw; *c && o + 6 < len; c++) {
        if (compact && (*c == ' ' || *c == '\x01')) {
            memcpy(buf + o, *c == ' ' ? "\xc2\xa0" : "\xc2\xa0\xc2\xb7 ", *c == ' ' ? 2 : 5);
            o += *c == ' ' ? 2 : 5;
        } else if (*c == '\x01') {
            buf[o++] = '\n';
            start = 1;
        } else {
            buf[o++] = start && *c >= 'a' && *c <= 'z' && !compact ? (char)(*c - 32) : *c;
            start = 0;
        }
    }
    buf[o] = '\0';
}

/* The week policy P may change again, or 0 when it may now. The core
 * checks when the week ends, with the turn already counted on. */
static int unlock_week(const hv_state *s, int p)
{
    int since = s->policy_since[p], cooldown = s->rules->policies[p].cooldown;
    return since > 0 && s->turn + 1 - since < cooldown ? since + cooldown : 0;
}

/* What the queued orders will make of policy P, replayed with the core's
 * checks: a second change in one week is refused while the first one's
 * cooldown runs, so a click must replace the queued change, not add one. */
typedef struct policy_plan {
    int value;   /* option in force once the week ends */
    int order;   /* index of the queued order that sets it, or -1 */
    int pending; /* the option changes this week */
} policy_plan;

static policy_plan plan_policy(const hv_state *s, int p)
{
    const hv_policy *pol = &s->rules->policies[p];
    policy_plan pl = {s->policy[p], -1, 0};
    int since = s->policy_since[p], week = s->turn + 1;
    for (int32_t i = 0; i < s->order_count; i++) {
        const hv_order *o = &s->orders[i];
        if (o->kind != HV_ORDER_POLICY || o->target != p || o->value < 0 ||
            o->value >= pol->option_count || o->value == pl.value ||
            (since > 0 && week - since < pol->cooldown))
            continue;
        pl.value = o->value;
        pl.order = i;
        since = week;
    }
    pl.pending = pl.value != s->policy[p];
    return pl;
}

static void option_click(hv_app *app, int p, int o, policy_plan pl)
{
    const hv_state *s = &app->game->state;
    const hv_policy *pol = &s->rules->policies[p];
    if (o == pl.value)
        return; /* already what the week will bring */
    if (pl.pending)
        hv_app_undo(app); /* the queued change is the last order: replace it */
    if (o == s->policy[p]) {
        hv_app_toast(app, "Change cancelled: %s stays %s.", pol->name, pol->options[o].name);
        return;
    }
    hv_order ord = {0};
    ord.kind = HV_ORDER_POLICY;
    ord.target = p;
    ord.value = o;
    if (hv_app_queue(app, &ord) == 0)
        hv_app_toast(app, "Queued: %s to %s.", pol->name, pol->options[o].name);
}

static int option_row(hv_app *app, SDL_Rect view, int p, int o, int x, int y, int w)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    const hv_policy *pol = &rules->policies[p];
    const hv_policy_option *opt = &pol->options[o];
    int lb = hv_gfx_line_height(g, HV_FONT_BODY), ls = hv_gfx_line_height(g, HV_FONT_SMALL);
    int pad = hv_gfx_px(g, 6), radio = hv_gfx_px(g, 12);
    policy_plan pl = plan_policy(s, p);
    int in_force = s->policy[p] == o, queued = pl.pending && pl.value == o;
    int next_week = unlock_week(s, p), locked = next_week > 0 && !in_force;
    /* A queued change can be swapped only while it is the last order. */
    int stuck = pl.pending && pl.order != s->order_count - 1 && !queued;
    char words[600], tag[32] = "";
    effect_words(rules, &opt->effect, 1, words, sizeof words);
    if (in_force)
        snprintf(tag, sizeof tag, pl.pending ? "IN FORCE UNTIL WEEK END" : "IN FORCE");
    else if (queued)
        snprintf(tag, sizeof tag, "QUEUED");
    int nw, tw = 0, ww;
    hv_gfx_text_size(g, HV_FONT_BODY, in_force, opt->name, &nw, NULL);
    if (tag[0])
        hv_gfx_text_size(g, HV_FONT_SMALL, 1, tag, &tw, NULL);
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, words, &ww, NULL);
    int text_x = x + pad + radio + pad, right = x + w - pad;
    /* One line when the effects fit beside the name, else a second line. */
    int one = text_x + nw + pad + ww + (tw ? pad + tw : 0) <= right;
    int wh = one ? 0 : hv_gfx_text_wrap(g, HV_FONT_SMALL, 0, 0, right - text_x, 0, words, 0);
    SDL_Rect r = {x, y, w, lb + wh + 2 * pad};
    char tip[HV_TIP_LEN], id[80];
    size_t n = (size_t)snprintf(tip, sizeof tip, "%s: %s\n", pol->name, opt->name);
    effect_words(rules, &opt->effect, 0, tip + n, sizeof tip - n);
    n = strlen(tip);
    if (in_force && pl.pending)
        snprintf(tip + n, sizeof tip - n, "\n\nIn force until the week ends.%s",
                 stuck ? " Orders queued after the change keep it; undo back to it (Ctrl+Z) "
                         "to cancel it."
                       : " Click to cancel the queued change.");
    else if (in_force)
        snprintf(tip + n, sizeof tip - n,
                 s->policy_since[p] ? "\n\nIn force since week %d."
                                    : "\n\nIn force from the start.",
                 s->policy_since[p]);
    else if (locked)
        snprintf(tip + n, sizeof tip - n, "\n\nLocked: can change again in week %d.", next_week);
    else if (queued)
        snprintf(tip + n, sizeof tip - n, "\n\nQueued: takes effect when the week ends.");
    else if (stuck)
        snprintf(tip + n, sizeof tip - n,
                 "\n\nAnother change is queued with later orders after it; undo back to it "
                 "(Ctrl+Z) to choose again.");
    else
        snprintf(tip + n, sizeof tip - n,
                 "\n\nClick to queue it for the end of the week; the policy then stays for %d "
                 "week%s.",
                 pol->cooldown, pol->cooldown == 1 ? "" : "s");
    snprintf(id, sizeof id, "policy_%s_%s", pol->id, opt->id);
    int flags = in_force ? HV_W_SELECTED : locked || stuck ? HV_W_DISABLED : 0;
    if (in_force && stuck)
        flags |= HV_W_DISABLED;
    SDL_Rect vis;
    int whole = SDL_IntersectRect(&r, &view, &vis) && vis.h == r.h;
    /* A row half scrolled out is drawn but takes no clicks. */
    int clicked = hv_gui_button(&app->gui, whole ? id : NULL, r, NULL, NULL, whole ? tip : NULL,
                                whole ? flags : flags | HV_W_DISABLED);
    if (queued)
        hv_gfx_frame(g, r, HV_C_INFO);
    int cy = y + pad + (lb - radio) / 2;
    SDL_Rect rb = {x + pad, cy, radio, radio};
    hv_gfx_fill(g, rb, 0x16100f, 255);
    hv_gfx_frame(g, rb, in_force ? HV_C_ACCENT : queued ? HV_C_INFO : HV_C_BORDER);
    if (in_force || queued)
        hv_gfx_fill(g, hv_rect_inset(rb, hv_gfx_px(g, 3)), in_force ? HV_C_ACCENT : HV_C_INFO, 255);
    uint32_t fg = (locked || stuck) && !in_force ? 0x8a7a70 : HV_C_TEXT;
    hv_gfx_text(g, HV_FONT_BODY, in_force, text_x, y + pad, fg, opt->name);
    if (tag[0])
        hv_gfx_text(g, HV_FONT_SMALL, 1, right - tw, y + pad + (lb - ls) / 2,
                    queued ? HV_C_INFO : HV_C_GOOD, tag);
    if (one)
        hv_gfx_text(g, HV_FONT_SMALL, 0, right - (tw ? tw + pad : 0) - ww, y + pad + (lb - ls) / 2,
                    HV_C_DIM, words);
    else
        hv_gfx_text_wrap(g, HV_FONT_SMALL, text_x, y + pad + lb, right - text_x, HV_C_DIM, words,
                         1);
    if (clicked)
        option_click(app, p, o, pl);
    return r.h;
}

static int policy_block(hv_app *app, SDL_Rect view, int p, int x, int y, int w)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_policy *pol = &s->rules->policies[p];
    int top = y, lb = hv_gfx_line_height(g, HV_FONT_BODY), gap = hv_gfx_px(g, 4);
    int locked = unlock_week(s, p) > 0;
    int pending = plan_policy(s, p).pending;
    hv_gfx_text(g, HV_FONT_BODY, 1, x, y, HV_C_TEXT, pol->name);
    char status[80];
    uint32_t sc = HV_C_DIM;
    if (pending) {
        snprintf(status, sizeof status, "changes when the week ends");
        sc = HV_C_INFO;
    } else if (locked) {
        snprintf(status, sizeof status, "locked until week %d", unlock_week(s, p));
        sc = HV_C_WARN;
    } else {
        snprintf(status, sizeof status, "stays %d week%s once changed", pol->cooldown,
                 pol->cooldown == 1 ? "" : "s");
    }
    int tw, ls = hv_gfx_line_height(g, HV_FONT_SMALL);
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, status, &tw, NULL);
    hv_gfx_text(g, HV_FONT_SMALL, 0, x + w - tw, y + (lb - ls) / 2, sc, status);
    y += lb;
    y += hv_gfx_text_wrap(g, HV_FONT_SMALL, x, y, w, HV_C_DIM, pol->text, 1) + gap;
    for (int o = 0; o < pol->option_count; o++)
        y += option_row(app, view, p, o, x, y, w) + gap;
    return y - top;
}

void hv_panel_policies(hv_app *app, SDL_Rect area)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    SDL_Rect in = hv_gui_panel(&app->gui, area, "Policies");
    /* The sum of what is in force, always in sight above the list. */
    hv_effect sum;
    memset(&sum, 0, sizeof sum);
    for (int32_t i = 0; i < rules->policy_count; i++) {
        const hv_effect *e = &rules->policies[i].options[s->policy[i]].effect;
        for (int r = 0; r < HV_RES_COUNT; r++)
            sum.resources[r] += e->resources[r];
        sum.morale_staff += e->morale_staff;
        sum.morale_workers += e->morale_workers;
        sum.tension += e->tension;
        sum.class_tension += e->class_tension;
        sum.satisfaction += e->satisfaction;
        sum.output_pct += e->output_pct;
        sum.ration_pct += e->ration_pct;
        sum.pay_pct += e->pay_pct;
        sum.incident_pct += e->incident_pct;
        sum.capture_pm += e->capture_pm;
        sum.joint |= e->joint;
    }
    char words[600], tip[HV_TIP_LEN];
    effect_words(rules, &sum, 1, words, sizeof words);
    int y = in.y;
    section(app, in.x, &y, "NET EFFECT OF THE POLICIES IN FORCE");
    int h = hv_gfx_text_wrap(g, HV_FONT_SMALL, in.x, y, in.w, HV_C_TEXT, words, 1);
    size_t n =
        (size_t)snprintf(tip, sizeof tip, "All the policies in force together, every week:\n");
    effect_words(rules, &sum, 0, tip + n, sizeof tip - n);
    view_area(app, in, "policies_total", (SDL_Rect){in.x, in.y, in.w, y + h - in.y}, tip);
    y += h + hv_gfx_px(g, 8);
    hv_gfx_fill(g, (SDL_Rect){in.x, y, in.w, hv_gfx_px(g, 1) > 0 ? hv_gfx_px(g, 1) : 1},
                HV_C_BORDER, 255);
    y += hv_gfx_px(g, 6);
    SDL_Rect view = {in.x, y, in.w, in.y + in.h - y};
    int sb = scrollbar_w(g, &policies_scroll, view);
    int cy = scroll_begin(app, &policies_scroll, view), top = cy;
    for (int32_t p = 0; p < rules->policy_count; p++) {
        if (p > 0) {
            hv_gfx_fill(g, (SDL_Rect){view.x, cy, view.w - sb, 1}, 0x3a2e30, 255);
            cy += hv_gfx_px(g, 8);
        }
        cy += policy_block(app, view, p, view.x, cy, view.w - sb - (sb ? hv_gfx_px(g, 4) : 0));
        cy += hv_gfx_px(g, 6);
    }
    if (!rules->policy_count)
        cy += hv_gfx_text_wrap(g, HV_FONT_BODY, view.x, cy, view.w, HV_C_DIM,
                               "This base has no policies to set.", 1);
    scroll_end(app, &policies_scroll, view, cy - top);
}
