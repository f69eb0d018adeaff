/* Dialogs over the base view: an event waiting for an answer, the end of
 * the game, help, the in-game menu, the save slots and error messages.
 * Every dialog is sized from its measured text, so it fits any window and
 * UI scale; a body taller than the window scrolls with the wheel. Like
 * every screen, they only queue orders or call hv_app_*; they never change
 * the game themselves. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "hv_app.h"

typedef struct dlg_frame {
    SDL_Rect outer, body, foot;
} dlg_frame;

#define PAD 18    /* units from the dialog's edge to its content */
#define FOOT 40   /* height of a row of buttons */
#define GUTTER 14 /* room kept for the scroll bar */

/* ---- text -------------------------------------------------------------- */

static size_t utf8_next(const char *s, size_t i)
{
    if (!s[i])
        return i;
    i++;
    while (((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* Like hv_gfx_text_wrap, with bold text, and a word wider than the box (a
 * long file path) broken where it must instead of running out of it. */
static int dlg_wrap(hv_gfx *g, hv_font_size size, int bold, int x, int y, int width,
                    uint32_t colour, const char *text, int draw)
{
    char line[1024];
    int lh = hv_gfx_line_height(g, size), top = y, w;
    const char *p = text;
    while (p && *p == ' ')
        p++;
    while (p && *p) {
        size_t fit = 0;
        for (size_t end = 0;;) {
            size_t word = end;
            while (p[word] == ' ')
                word++;
            while (p[word] && p[word] != ' ' && p[word] != '\n')
                word++;
            if (word >= sizeof line)
                break;
            memcpy(line, p, word);
            line[word] = '\0';
            hv_gfx_text_size(g, size, bold, line, &w, NULL);
            if (w > width)
                break;
            fit = end = word;
            if (!p[word] || p[word] == '\n')
                break;
        }
        if (fit == 0 && *p != '\n') {
            fit = utf8_next(p, 0);
            while (p[fit] && p[fit] != ' ' && p[fit] != '\n' && fit < sizeof line - 8) {
                size_t next = utf8_next(p, fit);
                memcpy(line, p, next);
                line[next] = '\0';
                hv_gfx_text_size(g, size, bold, line, &w, NULL);
                if (w > width)
                    break;
                fit = next;
            }
        }
        memcpy(line, p, fit);
        line[fit] = '\0';
        if (draw)
            hv_gfx_text(g, size, bold, x, y, colour, line);
        y += lh;
        p += fit;
        if (*p == '\n' && p[1] == '\n')
            y += lh / 2;
        while (*p == ' ' || *p == '\n')
            p++;
    }
    return y - top;
}

/* TEXT cut with an ellipsis to WIDTH pixels. */
static void dlg_fit(hv_gfx *g, hv_font_size size, int bold, const char *text, int width, char *out,
                    size_t len)
{
    int w;
    snprintf(out, len, "%s", text);
    hv_gfx_text_size(g, size, bold, out, &w, NULL);
    size_t n = strlen(out);
    while (w > width && n > 0) {
        do
            n--;
        while (n > 0 && ((unsigned char)out[n] & 0xC0) == 0x80);
        while (n > 0 && out[n - 1] == ' ')
            n--;
        if (n + 4 > len)
            continue;
        memcpy(out + n, "\xe2\x80\xa6", 4); /* "…" and the terminator */
        hv_gfx_text_size(g, size, bold, out, &w, NULL);
    }
}

/* ---- the frame every dialog shares -------------------------------------- */

static struct {
    int modal;
    uint32_t frame;
    int offset;    /* pixels the body is scrolled by */
    SDL_Rect view; /* the scrolled body, while one is drawn */
    int content;
    int active;
} dlg_state = {-1, 0, 0, {0, 0, 0, 0}, 0, 0};

/* 1 when the dialog drawn now was not on screen the frame before: it has
 * just opened, so its scroll starts at the top and caches are read again. */
static int dlg_just_opened(hv_app *app)
{
    uint32_t f = app->gfx.frame;
    int fresh =
        (int)app->modal != dlg_state.modal || (f != dlg_state.frame && f != dlg_state.frame + 1);
    dlg_state.modal = (int)app->modal;
    dlg_state.frame = f;
    if (fresh)
        dlg_state.offset = 0;
    return fresh;
}

static int dlg_body_width(hv_gfx *g, int w_units)
{
    int pw = hv_gfx_px(g, w_units);
    if (pw > g->w - 20)
        pw = g->w - 20;
    return pw - 2 * hv_gfx_px(g, PAD);
}

static int header_height(hv_gfx *g, int big, int has_sub)
{
    int icon = hv_gfx_px(g, big ? 52 : 30);
    int text = hv_gfx_line_height(g, big ? HV_FONT_TITLE : HV_FONT_HEAD) +
               (has_sub ? hv_gfx_line_height(g, HV_FONT_SMALL) : 0);
    return (icon > text ? icon : text) + 2 * hv_gfx_px(g, big ? 14 : 10);
}

/* A dialog W_UNITS wide whose body wants BODY_H pixels and whose footer
 * FOOT_H (0: none): a header band with ICON, TITLE in COLOUR and SUB (may
 * be NULL) in small type below it. BIG headers announce an event or the
 * end of the game. */
static dlg_frame dlg_open(hv_app *app, int w_units, int body_h, int foot_h, const char *icon,
                          const char *title, const char *sub, uint32_t colour, int big)
{
    hv_gfx *g = &app->gfx;
    /* A short window (or a large UI scale) keeps its height for the body. */
    if (g->h < hv_gfx_px(g, 560))
        big = 0;
    int pad = hv_gfx_px(g, PAD), hh = header_height(g, big, sub != NULL);
    /* The band starts a pixel in and has its accent rule below it. */
    int total = 1 + hh + hv_gfx_px(g, 2) + pad + body_h + pad + (foot_h ? foot_h + pad : 0);
    SDL_Rect in = hv_draw_dialog(app, w_units, (total * 100 + g->scale - 1) / g->scale, NULL);
    dlg_frame d;
    d.outer = hv_rect_inset(in, -hv_gfx_px(g, 10));
    SDL_Rect r = d.outer;
    SDL_Rect band = {r.x + 1, r.y + 1, r.w - 2, hh};
    hv_gfx_fill(g, band, 0x3a2a2a, 255);
    hv_gfx_fill(g, (SDL_Rect){band.x, band.y + hh, band.w, hv_gfx_px(g, 2)}, HV_C_ACCENT, 255);
    int isz = hv_gfx_px(g, big ? 52 : 30), x = r.x + pad;
    hv_gfx_image(g, icon, (SDL_Rect){x, band.y + (hh - isz) / 2, isz, isz});
    x += isz + hv_gfx_px(g, big ? 16 : 10);
    int tw = r.x + r.w - pad - x, w;
    hv_font_size font = big ? HV_FONT_TITLE : HV_FONT_HEAD;
    hv_gfx_text_size(g, font, 1, title, &w, NULL);
    if (w > tw)
        font = HV_FONT_HEAD; /* a long event title in the smaller heading type */
    char line[256];
    int lh = hv_gfx_line_height(g, font), sh = sub ? hv_gfx_line_height(g, HV_FONT_SMALL) : 0;
    int ty = band.y + (hh - lh - sh) / 2;
    dlg_fit(g, font, 1, title, tw, line, sizeof line);
    hv_gfx_text(g, font, 1, x, ty, colour, line);
    if (sub) {
        dlg_fit(g, HV_FONT_SMALL, 0, sub, tw, line, sizeof line);
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, ty + lh, HV_C_DIM, line);
    }
    d.foot = (SDL_Rect){r.x + pad, r.y + r.h - pad - foot_h, r.w - 2 * pad, foot_h};
    int top = band.y + hh + hv_gfx_px(g, 2) + pad;
    int bottom = foot_h ? d.foot.y - pad : r.y + r.h - pad;
    d.body = (SDL_Rect){r.x + pad, top, r.w - 2 * pad, bottom - top};
    if (foot_h)
        hv_gfx_fill(g, (SDL_Rect){r.x + pad, d.foot.y - pad / 2, r.w - 2 * pad, 1}, HV_C_BORDER,
                    255);
    return d;
}

/* Starts drawing a body of CONTENT_H pixels into VIEW; returns the y offset
 * to draw it at. The wheel over VIEW scrolls it. */
static int dlg_scroll_begin(hv_app *app, const char *id, SDL_Rect view, int content_h)
{
    hv_gfx *g = &app->gfx;
    int max = content_h - view.h > 0 ? content_h - view.h : 0;
    /* Registered before what it holds, so their tooltips win. */
    hv_gui_area(&app->gui, id, view, NULL);
    if (app->gui.wheel && hv_gui_hover(&app->gui, view)) {
        dlg_state.offset -= app->gui.wheel * hv_gfx_px(g, 48);
        app->gui.wheel = 0;
    }
    dlg_state.offset = dlg_state.offset < 0 ? 0 : dlg_state.offset > max ? max : dlg_state.offset;
    dlg_state.view = view;
    dlg_state.content = content_h;
    dlg_state.active = 1;
    SDL_RenderSetClipRect(app->ren, &view);
    return -dlg_state.offset;
}

static void dlg_scroll_end(hv_app *app)
{
    hv_gfx *g = &app->gfx;
    SDL_Rect v = dlg_state.view;
    SDL_RenderSetClipRect(app->ren, NULL);
    dlg_state.active = 0;
    if (dlg_state.content <= v.h)
        return;
    int bw = hv_gfx_px(g, 5) > 3 ? hv_gfx_px(g, 5) : 3;
    SDL_Rect track = {v.x + v.w - bw, v.y, bw, v.h};
    int th = (int)((int64_t)v.h * v.h / dlg_state.content);
    th = th < hv_gfx_px(g, 24) ? hv_gfx_px(g, 24) : th;
    int ty = v.y + (int)((int64_t)(v.h - th) * dlg_state.offset / (dlg_state.content - v.h));
    hv_gfx_fill(g, track, 0x120c0e, 255);
    hv_gfx_fill(g, (SDL_Rect){track.x, ty, bw, th}, HV_C_BORDER, 255);
    hv_gui_tip(&app->gui, (SDL_Rect){track.x - bw, v.y, 3 * bw, v.h},
               "More below: scroll with the mouse wheel.");
}

/* The part of R inside the scrolled body being drawn (R itself outside one). */
static SDL_Rect dlg_visible(SDL_Rect r)
{
    SDL_Rect out = r;
    if (dlg_state.active && !SDL_IntersectRect(&r, &dlg_state.view, &out))
        out.w = out.h = 0;
    return out;
}

static int dlg_button_width(hv_gfx *g, const char *icon, const char *label)
{
    int w = 0;
    hv_gfx_text_size(g, HV_FONT_BODY, 1, label, &w, NULL);
    w += hv_gfx_px(g, 40) + (icon ? hv_gfx_px(g, 30) : 0);
    return w < hv_gfx_px(g, 120) ? hv_gfx_px(g, 120) : w;
}

/* ---- effects in words --------------------------------------------------- */

typedef struct frag {
    char text[112];
    uint32_t colour;
} frag;

#define MAX_FRAGS (HV_RES_COUNT + 12)

static int add_frag(frag *f, int n, uint32_t colour, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static int add_frag(frag *f, int n, uint32_t colour, const char *fmt, ...)
{
    if (n >= MAX_FRAGS)
        return n;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f[n].text, sizeof f[n].text, fmt, ap);
    va_end(ap);
    f[n].colour = colour;
    return n + 1;
}

/* Good news in green, bad in red; the sign says it too, for colour-blind eyes. */
static uint32_t tone(int64_t v, int good_when_up)
{
    return (v > 0) == (good_when_up != 0) ? HV_C_GOOD : HV_C_BAD;
}

/* What choosing E does, as short phrases. Flags only steer the story. */
static int effect_frags(const hv_rules *rules, const hv_effect *e, frag *f)
{
    int n = 0;
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (e->resources[r])
            n = add_frag(f, n, tone(e->resources[r], 1), "%s %+lld %s", rules->resources[r].name,
                         (long long)e->resources[r], rules->resources[r].unit);
    if (e->morale_staff)
        n = add_frag(f, n, tone(e->morale_staff, 1), "Staff morale %+d", e->morale_staff);
    if (e->morale_workers)
        n = add_frag(f, n, tone(e->morale_workers, 1), "Workers' morale %+d", e->morale_workers);
    if (e->tension)
        n = add_frag(f, n, tone(e->tension, 0), "Tension between nations %+d", e->tension);
    if (e->class_tension)
        n = add_frag(f, n, tone(e->class_tension, 0), "Class tension %+d", e->class_tension);
    if (e->satisfaction)
        n = add_frag(f, n, tone(e->satisfaction, 1), "Sponsors' satisfaction %+d", e->satisfaction);
    if (e->health)
        n = add_frag(f, n, tone(e->health, 1), "Everyone's health %+d", e->health);
    if (e->dust)
        n = add_frag(f, n, tone(e->dust, 0), "Dust %+d%%", e->dust);
    if (e->price_pct)
        n = add_frag(f, n, tone(e->price_pct, 1), "%s price %+d%%",
                     rules->resources[HV_RES_IRIDIUM].name, e->price_pct);
    if (e->break_type > 0 && e->break_type <= rules->module_type_count)
        n = add_frag(f, n, HV_C_BAD, "A %s out of action for %d week%s",
                     rules->module_types[e->break_type - 1].name, e->break_weeks,
                     e->break_weeks == 1 ? "" : "s");
    if (e->window_weeks)
        n = add_frag(f, n, HV_C_GOOD, "Launch windows open for %d week%s", e->window_weeks,
                     e->window_weeks == 1 ? "" : "s");
    if (e->set_flags)
        n = add_frag(f, n, HV_C_INFO, "Opens a new path");
    if (n == 0)
        n = add_frag(f, n, HV_C_DIM, "No immediate effect");
    return n;
}

/* Lays the phrases out left to right, wrapping between them; returns the height. */
static int flow(hv_gfx *g, int x, int y, int width, const frag *f, int n, int draw)
{
    static const char sep[] = "   \xc2\xb7   ";
    int lh = hv_gfx_line_height(g, HV_FONT_SMALL), sw, cx = 0, cy = 0;
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, sep, &sw, NULL);
    for (int i = 0; i < n; i++) {
        int fw;
        hv_gfx_text_size(g, HV_FONT_SMALL, 1, f[i].text, &fw, NULL);
        if (cx > 0 && cx + sw + fw > width) {
            cx = 0;
            cy += lh;
        } else if (cx > 0) {
            if (draw)
                hv_gfx_text(g, HV_FONT_SMALL, 0, x + cx, y + cy, HV_C_DIM, sep);
            cx += sw;
        }
        if (draw)
            hv_gfx_text(g, HV_FONT_SMALL, 1, x + cx, y + cy, f[i].colour, f[i].text);
        cx += fw;
    }
    return cy + lh;
}

/* ---- the event ---------------------------------------------------------- */

/* The choice already queued for the pending event, or -1. */
static int queued_answer(const hv_state *s)
{
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == HV_ORDER_ANSWER)
            return s->orders[i].value;
    return -1;
}

/* The event's text and a card per choice; returns the height, and the
 * choice clicked in *PICKED. */
static int event_body(hv_app *app, const hv_event_def *ev, int x, int y, int w, int draw,
                      int *picked)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    int top = y, pad = hv_gfx_px(g, 12), gap = hv_gfx_px(g, 8), badge = hv_gfx_px(g, 30);
    int answered = queued_answer(s);
    y += dlg_wrap(g, HV_FONT_BODY, 0, x, y, w, HV_C_TEXT, ev->text, draw);
    y += hv_gfx_px(g, 18);
    if (draw)
        hv_gfx_text(g, HV_FONT_SMALL, 1, x, y, HV_C_ACCENT, "How does Happy Valley answer?");
    y += hv_gfx_line_height(g, HV_FONT_SMALL) + hv_gfx_px(g, 6);
    int tx = x + pad + badge + pad, tw = x + w - pad - tx;
    for (int32_t c = 0; c < ev->choice_count; c++) {
        const hv_choice *ch = &ev->choices[c];
        frag f[MAX_FRAGS];
        int n = effect_frags(s->rules, &ch->effect, f);
        int th = dlg_wrap(g, HV_FONT_BODY, 1, 0, 0, tw, 0, ch->text, 0);
        int eh = flow(g, 0, 0, tw, f, n, 0);
        int h = pad + th + hv_gfx_px(g, 4) + eh + pad;
        h = h < badge + 2 * pad ? badge + 2 * pad : h;
        if (draw) {
            char id[24], tip[HV_TIP_LEN];
            snprintf(id, sizeof id, "choice_%d", c + 1);
            size_t k = (size_t)snprintf(tip, sizeof tip, "Answer %d: %s", c + 1, ch->text);
            for (int i = 0; i < n && k < sizeof tip; i++)
                k += (size_t)snprintf(tip + k, sizeof tip - k, "\n  %s", f[i].text);
            if (k < sizeof tip)
                snprintf(tip + k, sizeof tip - k, "\nIt takes effect when you end the week.");
            SDL_Rect vis = dlg_visible((SDL_Rect){x, y, w, h});
            if (vis.w > 0 && vis.h > 0 &&
                hv_gui_button(&app->gui, id, vis, NULL, NULL, tip,
                              answered == c ? HV_W_SELECTED : 0))
                *picked = c;
            SDL_Rect b = {x + pad, y + pad, badge, badge};
            hv_gfx_fill(g, b, 0x120c0e, 255);
            hv_gfx_frame(g, b, HV_C_ACCENT);
            char num[16];
            int nw, nh;
            snprintf(num, sizeof num, "%d", c + 1);
            hv_gfx_text_size(g, HV_FONT_BODY, 1, num, &nw, &nh);
            hv_gfx_text(g, HV_FONT_BODY, 1, b.x + (b.w - nw) / 2, b.y + (b.h - nh) / 2, HV_C_ACCENT,
                        num);
            dlg_wrap(g, HV_FONT_BODY, 1, tx, y + pad, tw, HV_C_TEXT, ch->text, 1);
            flow(g, tx, y + pad + th + hv_gfx_px(g, 4), tw, f, n, 1);
        }
        y += h + gap;
    }
    return y - gap - top;
}

void hv_dialog_event(hv_app *app)
{
    dlg_just_opened(app);
    hv_game *game = app->game;
    if (!game || game->state.pending < 0 || game->state.pending >= game->state.rules->event_count) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    hv_gfx *g = &app->gfx;
    const hv_state *s = &game->state;
    const hv_event_def *ev = &s->rules->events[s->pending];
    int picked = -1, cw = dlg_body_width(g, 680);
    int need = event_body(app, ev, 0, 0, cw, 0, &picked);
    char sub[96];
    snprintf(sub, sizeof sub, "Week %d  \xc2\xb7  the base must decide", s->turn + 1);
    int foot = hv_gfx_line_height(g, HV_FONT_SMALL);
    dlg_frame d = dlg_open(app, 680, need, foot, "icons/event", ev->title, sub, HV_C_TEXT, 1);
    if (need > d.body.h) {
        cw = d.body.w - hv_gfx_px(g, GUTTER);
        need = event_body(app, ev, 0, 0, cw, 0, &picked);
    }
    int oy = dlg_scroll_begin(app, "event_body", d.body, need);
    event_body(app, ev, d.body.x, d.body.y + oy, cw, 1, &picked);
    dlg_scroll_end(app);
    char hint[160];
    dlg_fit(g, HV_FONT_SMALL, 0,
            "Your answer is queued with this week's orders and carried out when the week ends.",
            d.foot.w, hint, sizeof hint);
    hv_gfx_text(g, HV_FONT_SMALL, 0, d.foot.x, d.foot.y, HV_C_DIM, hint);
    if (picked < 0)
        return;
    int answered = queued_answer(s);
    if (answered >= 0) {
        /* The dialog was opened again over an answer given earlier. */
        app->modal = HV_MODAL_NONE;
        hv_app_toast(app, "Already answered: %s.",
                     answered < ev->choice_count ? ev->choices[answered].text : "?");
        return;
    }
    hv_order o = {0};
    o.kind = HV_ORDER_ANSWER;
    o.value = picked;
    if (hv_app_queue(app, &o) == 0) {
        app->modal = HV_MODAL_NONE;
        hv_app_toast(app, "Answered: %s.", ev->choices[picked].text);
    }
}

/* ---- the end of the game ------------------------------------------------ */

/* Whether goal G holds in S, as the turn's goal phase judges it. */
static int goal_met(const hv_state *s, const hv_goal *g)
{
    int64_t n = 0;
    switch (g->kind) {
    case HV_GOAL_RESOURCE_AT_LEAST:
        return s->stock[g->resource] >= g->amount;
    case HV_GOAL_RESOURCE_DEPLETED:
        return s->stock[g->resource] <= 0;
    case HV_GOAL_TURN_REACHED:
        return s->turn >= g->turn;
    case HV_GOAL_MODULES_AT_LEAST:
        for (int32_t i = 0; i < s->module_count; i++)
            n += s->modules[i].type == g->module_type && s->modules[i].status == HV_MODULE_ACTIVE;
        return n >= g->amount;
    case HV_GOAL_POPULATION_AT_LEAST:
        return s->person_count >= g->amount;
    case HV_GOAL_POPULATION_BELOW:
        return s->person_count < g->amount;
    case HV_GOAL_BANKRUPT:
        return s->broke_turns >= g->turn;
    case HV_GOAL_TENSION_BELOW:
        return hv_state_max_tension(s) < g->amount;
    case HV_GOAL_RIOT:
        return s->riot_weeks >= s->rules->society.riot_weeks;
    case HV_GOAL_EXPORTED_AT_LEAST:
        return s->exported >= g->amount;
    case HV_GOAL_CAPTURED_AT_LEAST:
        return s->captured >= g->amount;
    case HV_GOAL_FLAG_SET:
        return g->flag >= 0 && g->flag < 32 && ((s->flags >> g->flag) & 1u);
    case HV_GOAL_SATISFACTION_AT_LEAST:
        for (int32_t i = 0; i < s->rules->sponsor_count; i++)
            if (s->satisfaction[i] < g->amount)
                return 0;
        return 1;
    default:
        return 0;
    }
}

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
    if (draw)
        hv_gfx_text(g, HV_FONT_SMALL, 1, x, y, HV_C_ACCENT, "Goals");
    y += hv_gfx_line_height(g, HV_FONT_SMALL) + hv_gfx_px(g, 6);
    for (int32_t i = 0; i < s->rules->win_count; i++) {
        char text[HV_GOAL_TEXT_LEN], id[24], tip[HV_TIP_LEN];
        if (level->win_text[i][0])
            snprintf(text, sizeof text, "%s", level->win_text[i]);
        else
            hv_goal_describe(s->rules, &s->rules->win[i], text, sizeof text);
        if (text[0] >= 'a' && text[0] <= 'z')
            text[0] = (char)(text[0] - 'a' + 'A');
        int met = goal_met(s, &s->rules->win[i]);
        int h = dlg_wrap(g, HV_FONT_BODY, 0, tx, y, tw, met ? HV_C_TEXT : HV_C_DIM, text, draw);
        if (draw) {
            mark(g, (SDL_Rect){x, y + hv_gfx_px(g, 2), box, box}, met);
            snprintf(id, sizeof id, "end_goal_%d", i + 1);
            snprintf(tip, sizeof tip, "%s: %s when the game ended.", text, met ? "met" : "not met");
            hv_gui_area(&app->gui, id, dlg_visible((SDL_Rect){x, y, w, h}), tip);
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
    if (draw)
        hv_gfx_text(g, HV_FONT_SMALL, 1, x, y, HV_C_ACCENT, "The record");
    y += hv_gfx_line_height(g, HV_FONT_SMALL) + hv_gfx_px(g, 6);
    for (int i = 0; i < n; i++) {
        if (draw) {
            int vw;
            char label[80];
            hv_gfx_text_size(g, HV_FONT_BODY, 1, rows[i].value, &vw, NULL);
            hv_gfx_image(g, rows[i].icon, (SDL_Rect){x, y + (lh - isz) / 2, isz, isz});
            int lx = x + isz + hv_gfx_px(g, 8);
            dlg_fit(g, HV_FONT_BODY, 0, rows[i].label, x + w - vw - hv_gfx_px(g, 10) - lx, label,
                    sizeof label);
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

static int end_body(hv_app *app, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_level *level = app->game->level;
    int top = y, won = s->outcome == HV_OUTCOME_WON;
    char why[240], line[320];
    hv_state_describe_outcome(s, why, sizeof why);
    snprintf(line, sizeof line, "%s in week %d: %s.", won ? "Won" : "Lost", s->outcome_turn, why);
    y += dlg_wrap(g, HV_FONT_HEAD, 0, x, y, w, HV_C_TEXT, line, draw);
    if (!won && s->outcome_goal >= 0 && s->outcome_goal < HV_MAX_GOALS &&
        level->lose_text[s->outcome_goal][0]) {
        snprintf(line, sizeof line, "%s.", level->lose_text[s->outcome_goal]);
        y += hv_gfx_px(g, 2);
        y += dlg_wrap(g, HV_FONT_BODY, 0, x, y, w, HV_C_DIM, line, draw);
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
    dlg_just_opened(app);
    hv_game *game = app->game;
    if (!game || game->state.outcome == HV_OUTCOME_RUNNING) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    hv_gfx *g = &app->gfx;
    hv_state *s = &game->state;
    int won = s->outcome == HV_OUTCOME_WON;
    int cw = dlg_body_width(g, 860);
    int need = end_body(app, 0, 0, cw, 0);
    int bh = hv_gfx_px(g, FOOT);
    dlg_frame d = dlg_open(app, 860, need, bh, won ? "icons/win" : "icons/lose",
                           won ? "Victory" : "The base is lost", game->level->title,
                           won ? HV_C_GOOD : HV_C_BAD, 1);
    if (need > d.body.h) {
        cw = d.body.w - hv_gfx_px(g, GUTTER);
        need = end_body(app, 0, 0, cw, 0);
    }
    int oy = dlg_scroll_begin(app, "end_body", d.body, need);
    end_body(app, d.body.x, d.body.y + oy, cw, 1);
    dlg_scroll_end(app);
    /* Main menu on the left; looking at the base and playing on at the right. */
    SDL_Rect r = {d.foot.x, d.foot.y, dlg_button_width(g, "icons/menu", "Main menu"), bh};
    if (hv_gui_button(&app->gui, "end_menu", r, "icons/menu", "Main menu",
                      "Close this game and go back to the main menu. Every week played is in the "
                      "autosave.",
                      0)) {
        hv_app_close_game(app);
        app->screen = HV_SCR_MENU;
        app->modal = HV_MODAL_NONE;
        return;
    }
    r.w = dlg_button_width(g, "icons/end_turn", "Keep playing");
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
    r.w = dlg_button_width(g, "icons/close", "View the base");
    r.x -= r.w + hv_gfx_px(g, 10);
    if (hv_gui_button(&app->gui, "end_close", r, "icons/close", "View the base",
                      "Close this summary to look over the base as it was left. The End Turn "
                      "button brings the summary back.",
                      0)) {
        game->summary_seen = 1;
        app->modal = HV_MODAL_NONE;
    }
}

/* ---- help --------------------------------------------------------------- */

/* A key drawn as a keycap at (X, Y), at most MAXW wide; returns its width. */
static int keycap(hv_gfx *g, int x, int y, const char *label, int maxw, int draw)
{
    int tw, th, pad = hv_gfx_px(g, 7);
    char text[64];
    dlg_fit(g, HV_FONT_SMALL, 1, label, maxw - 2 * pad, text, sizeof text);
    hv_gfx_text_size(g, HV_FONT_SMALL, 1, text, &tw, &th);
    if (draw) {
        SDL_Rect r = {x, y, tw + 2 * pad, th + hv_gfx_px(g, 3)};
        hv_gfx_fill(g, r, HV_C_PANEL_HI, 255);
        hv_gfx_fill(g, (SDL_Rect){r.x, r.y + r.h - hv_gfx_px(g, 2), r.w, hv_gfx_px(g, 2)}, 0x120c0e,
                    255);
        hv_gfx_frame(g, r, HV_C_BORDER);
        hv_gfx_text(g, HV_FONT_SMALL, 1, x + pad, y + hv_gfx_px(g, 1), HV_C_TEXT, text);
    }
    return tw + 2 * pad;
}

static int heading(hv_gfx *g, int x, int y, const char *text, int draw)
{
    if (draw)
        hv_gfx_text(g, HV_FONT_SMALL, 1, x, y, HV_C_ACCENT, text);
    return hv_gfx_line_height(g, HV_FONT_SMALL) + hv_gfx_px(g, 6);
}

static int help_keys(hv_app *app, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    int top = y, lh = hv_gfx_line_height(g, HV_FONT_BODY), row = lh + hv_gfx_px(g, 3);
    y += heading(g, x, y, "Keyboard", draw);
    for (int a = 0; a < HV_ACT_COUNT; a++) {
        if (draw) {
            char key[48];
            hv_keybind_format(app->settings.keys[a], key, sizeof key);
            int kw = keycap(g, 0, 0, key, w / 2, 0);
            keycap(g, x + w - kw, y + (lh - hv_gfx_line_height(g, HV_FONT_SMALL)) / 2, key, w / 2,
                   1);
            char name[80];
            dlg_fit(g, HV_FONT_BODY, 0, hv_action_name((hv_action)a), w - kw - hv_gfx_px(g, 10),
                    name, sizeof name);
            hv_gfx_text(g, HV_FONT_BODY, 0, x, y, HV_C_TEXT, name);
            if (a % 2 == 0)
                hv_gfx_fill(
                    g,
                    (SDL_Rect){x - hv_gfx_px(g, 4), y - hv_gfx_px(g, 2), w + hv_gfx_px(g, 8), row},
                    0xffffff, 8);
        }
        y += row;
    }
    y += hv_gfx_px(g, 4);
    y += dlg_wrap(g, HV_FONT_SMALL, 0, x, y, w, HV_C_DIM,
                  "Any key can be changed in Settings, from the menu.", draw);
    return y - top;
}

static int help_guide(hv_app *app, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    const hv_keybind *k = app->settings.keys;
    int top = y, gap = hv_gfx_px(g, 10);
    char pan[96], a[24], b[24], c[24], d[24], e[24];
    hv_keybind_format(k[HV_ACT_PAN_LEFT], a, sizeof a);
    hv_keybind_format(k[HV_ACT_PAN_RIGHT], b, sizeof b);
    hv_keybind_format(k[HV_ACT_PAN_UP], c, sizeof c);
    hv_keybind_format(k[HV_ACT_PAN_DOWN], d, sizeof d);
    if (strcmp(a, "Left") == 0 && strcmp(b, "Right") == 0 && strcmp(c, "Up") == 0 &&
        strcmp(d, "Down") == 0)
        snprintf(pan, sizeof pan, "Arrow keys");
    else
        snprintf(pan, sizeof pan, "%s/%s/%s/%s", a, b, c, d);
    const char *const mouse[][2] = {
        {"Left click", "Select a module or a person; place the module being built."},
        {"Right click", "Cancel build mode and the selection."},
        {"Wheel", "Zoom the map in and out; scroll long lists."},
        {pan, "Pan the map."},
        {"Hover", "Rest the pointer on anything for its details and causes."},
    };
    y += heading(g, x, y, "Mouse", draw);
    int lw = 0;
    for (size_t i = 0; i < sizeof mouse / sizeof mouse[0]; i++) {
        int kw = keycap(g, 0, 0, mouse[i][0], w / 3, 0);
        lw = kw > lw ? kw : lw;
    }
    for (size_t i = 0; i < sizeof mouse / sizeof mouse[0]; i++) {
        if (draw)
            keycap(g, x, y + hv_gfx_px(g, 1), mouse[i][0], lw, 1);
        int h = dlg_wrap(g, HV_FONT_BODY, 0, x + lw + gap, y, w - lw - gap, HV_C_TEXT, mouse[i][1],
                         draw);
        y += h + hv_gfx_px(g, 5);
    }
    y += hv_gfx_px(g, 12);
    y += heading(g, x, y, "A week at Happy Valley", draw);
    char steps[4][400];
    hv_keybind_format(k[HV_ACT_BUILD], a, sizeof a);
    hv_keybind_format(k[HV_ACT_CREW], b, sizeof b);
    hv_keybind_format(k[HV_ACT_POLICIES], c, sizeof c);
    hv_keybind_format(k[HV_ACT_ASTEROIDS], d, sizeof d);
    hv_keybind_format(k[HV_ACT_UNDO], e, sizeof e);
    snprintf(steps[0], sizeof steps[0],
             "Read the base. The top bar shows every stock and how it moved last week; the "
             "report and the charts say why.");
    snprintf(steps[1], sizeof steps[1],
             "Give orders: build (%s), assign crew (%s), set policies (%s), launch missions "
             "(%s). Orders wait in a queue until the week ends; %s drops the last one.",
             a, b, c, d, e);
    hv_keybind_format(k[HV_ACT_END_TURN], a, sizeof a);
    snprintf(steps[2], sizeof steps[2],
             "End the week (%s). Your orders apply first, then power, production, life support, "
             "building, missions, trade, the mood of the crew and the news play out in turn.",
             a);
    snprintf(steps[3], sizeof steps[3],
             "Answer events. When news needs a decision, pick one of the choices; each says what "
             "it will do, and it is carried out as the next week ends.");
    int badge = hv_gfx_line_height(g, HV_FONT_BODY);
    for (int i = 0; i < 4; i++) {
        if (draw) {
            char num[4];
            int nw, nh;
            snprintf(num, sizeof num, "%d", i + 1);
            SDL_Rect r = {x, y, badge, badge};
            hv_gfx_fill(g, r, 0x120c0e, 255);
            hv_gfx_frame(g, r, HV_C_ACCENT);
            hv_gfx_text_size(g, HV_FONT_SMALL, 1, num, &nw, &nh);
            hv_gfx_text(g, HV_FONT_SMALL, 1, r.x + (r.w - nw) / 2, r.y + (r.h - nh) / 2,
                        HV_C_ACCENT, num);
        }
        int h = dlg_wrap(g, HV_FONT_BODY, 0, x + badge + gap, y, w - badge - gap, HV_C_TEXT,
                         steps[i], draw);
        y += h + hv_gfx_px(g, 8);
    }
    return y - top;
}

static int help_body(hv_app *app, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    int gap = hv_gfx_px(g, 36);
    if (w >= hv_gfx_px(g, 640)) {
        int left = (w - gap) * 40 / 100;
        int hl = help_keys(app, x, y, left, draw);
        int hr = help_guide(app, x + left + gap, y, w - left - gap, draw);
        if (draw)
            hv_gfx_fill(g, (SDL_Rect){x + left + gap / 2, y, 1, hl > hr ? hl : hr}, HV_C_BORDER,
                        255);
        return hl > hr ? hl : hr;
    }
    int h = help_guide(app, x, y, w, draw) + hv_gfx_px(g, 16);
    return h + help_keys(app, x, y + h, w, draw);
}

void hv_dialog_help(hv_app *app)
{
    dlg_just_opened(app);
    hv_gfx *g = &app->gfx;
    int cw = dlg_body_width(g, 900);
    int need = help_body(app, 0, 0, cw, 0), bh = hv_gfx_px(g, FOOT);
    dlg_frame d = dlg_open(app, 900, need, bh, "icons/help", "Help",
                           "Keys, mouse and how a week is played", HV_C_TEXT, 0);
    if (need > d.body.h) {
        cw = d.body.w - hv_gfx_px(g, GUTTER);
        need = help_body(app, 0, 0, cw, 0);
    }
    int oy = dlg_scroll_begin(app, "help_body", d.body, need);
    help_body(app, d.body.x, d.body.y + oy, cw, 1);
    dlg_scroll_end(app);
    char key[32], tip[96];
    hv_keybind_format(app->settings.keys[HV_ACT_HELP], key, sizeof key);
    snprintf(tip, sizeof tip, "Close help and go back to the game (%s or Esc).", key);
    int w = dlg_button_width(g, NULL, "Close");
    if (hv_gui_button(&app->gui, "help_close", (SDL_Rect){d.foot.x + d.foot.w - w, d.foot.y, w, bh},
                      NULL, "Close", tip, HV_W_PRIMARY))
        app->modal = HV_MODAL_NONE;
}

/* ---- the in-game menu --------------------------------------------------- */

void hv_dialog_menu(hv_app *app)
{
    dlg_just_opened(app);
    hv_gfx *g = &app->gfx;
    if (!app->game) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    enum { RESUME, SAVE, LOAD, SETTINGS, MAIN, QUIT, ITEMS };
    char key_save[32], key_load[32], key_menu[32], tip[ITEMS][240];
    hv_keybind_format(app->settings.keys[HV_ACT_SAVE], key_save, sizeof key_save);
    hv_keybind_format(app->settings.keys[HV_ACT_LOAD], key_load, sizeof key_load);
    hv_keybind_format(app->settings.keys[HV_ACT_MENU], key_menu, sizeof key_menu);
    snprintf(tip[RESUME], sizeof tip[RESUME], "Back to the base (%s).", key_menu);
    snprintf(tip[SAVE], sizeof tip[SAVE],
             "Save this game to one of %d slots. %s saves to slot 1 at once.", HV_SAVE_SLOTS,
             key_save);
    snprintf(tip[LOAD], sizeof tip[LOAD],
             "Pick a saved game to load (%s). Orders queued this week are lost unless saved.",
             key_load);
    snprintf(tip[SETTINGS], sizeof tip[SETTINGS], "UI scale, window and key bindings.");
    snprintf(tip[MAIN], sizeof tip[MAIN],
             "Leave this game for the main menu. Every week played is in the autosave; orders "
             "queued this week are not.");
    snprintf(tip[QUIT], sizeof tip[QUIT],
             "Close Happy Valley. Every week played is in the autosave; orders queued this week "
             "are not.");
    static const struct {
        const char *id, *icon, *label;
        int flags;
    } items[ITEMS] = {
        {"menu_resume", "icons/end_turn", "Resume", HV_W_PRIMARY},
        {"menu_save", "icons/save", "Save game", 0},
        {"menu_load", "icons/load", "Load game", 0},
        {"menu_settings", "icons/settings", "Settings", 0},
        {"menu_main", "icons/menu", "Main menu", 0},
        {"menu_quit", "icons/close", "Quit to desktop", HV_W_DANGER},
    };
    /* Buttons as tall as the window allows, up to the usual size. */
    int gap = hv_gfx_px(g, 8), group = hv_gfx_px(g, 14), bh = hv_gfx_px(g, 42);
    int room = g->h - 20 - hv_gfx_px(g, 30 + 20 + 36) - hv_gfx_line_height(g, HV_FONT_HEAD) -
               hv_gfx_line_height(g, HV_FONT_SMALL);
    int fixed = (ITEMS - 1) * gap + 2 * group;
    if (ITEMS * bh + fixed > room)
        bh = (room - fixed) / ITEMS;
    if (bh < hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_px(g, 4))
        bh = hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_px(g, 4);
    char sub[160];
    snprintf(sub, sizeof sub, "%s  \xc2\xb7  week %d", app->game->level->title,
             app->game->state.turn + 1);
    dlg_frame d =
        dlg_open(app, 400, ITEMS * bh + fixed, 0, "icons/menu", "Menu", sub, HV_C_TEXT, 0);
    int y = d.body.y, picked = -1;
    for (int i = 0; i < ITEMS; i++) {
        SDL_Rect r = {d.body.x, y, d.body.w, bh};
        if (hv_gui_button(&app->gui, items[i].id, r, items[i].icon, items[i].label, tip[i],
                          items[i].flags))
            picked = i;
        y += bh + gap + (i == RESUME || i == SETTINGS ? group : 0);
    }
    switch (picked) {
    case RESUME:
        app->modal = HV_MODAL_NONE;
        break;
    case SAVE:
        app->modal = HV_MODAL_SAVE;
        break;
    case LOAD:
        app->modal = HV_MODAL_NONE;
        app->screen = HV_SCR_LOAD;
        break;
    case SETTINGS:
        app->modal = HV_MODAL_NONE;
        app->screen = HV_SCR_SETTINGS;
        break;
    case MAIN:
        hv_app_close_game(app);
        app->modal = HV_MODAL_NONE;
        app->screen = HV_SCR_MENU;
        break;
    case QUIT:
        app->quit = 1;
        break;
    default:
        break;
    }
}

/* ---- saving to a slot --------------------------------------------------- */

enum { SLOT_EMPTY, SLOT_OK, SLOT_BAD };

static struct {
    int kind;
    hv_save_info info;
} slot_cache[HV_SAVE_SLOTS + 1];

/* Reads every slot's header; done when the dialog opens, not every frame. */
static void read_slots(hv_app *app)
{
    for (int i = 1; i <= HV_SAVE_SLOTS; i++) {
        char path[HV_FILE_LEN + 64];
        struct stat st;
        hv_save_slot_path(app->data_dir, i, path, sizeof path);
        memset(&slot_cache[i], 0, sizeof slot_cache[i]);
        if (stat(path, &st) != 0) {
            slot_cache[i].kind = SLOT_EMPTY;
            continue;
        }
        hv_diag diag;
        hv_diag_init(&diag);
        slot_cache[i].kind =
            hv_save_read_info(path, &slot_cache[i].info, &diag) == 0 ? SLOT_OK : SLOT_BAD;
        hv_diag_free(&diag);
    }
}

static int slot_card_height(hv_gfx *g)
{
    return 2 * hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_line_height(g, HV_FONT_SMALL) +
           2 * hv_gfx_px(g, 10);
}

static int slot_columns(hv_gfx *g, int w)
{
    int gap = hv_gfx_px(g, 10);
    return w >= 3 * hv_gfx_px(g, 170) + 2 * gap ? 3 : w >= 2 * hv_gfx_px(g, 170) + gap ? 2 : 1;
}

static int save_body_height(hv_gfx *g, int w)
{
    int cols = slot_columns(g, w), rows = (HV_SAVE_SLOTS + cols - 1) / cols;
    return rows * slot_card_height(g) + (rows - 1) * hv_gfx_px(g, 10);
}

/* One slot's card; returns 1 when clicked. */
static int slot_card(hv_app *app, int slot, SDL_Rect r)
{
    hv_gfx *g = &app->gfx;
    const hv_save_info *info = &slot_cache[slot].info;
    int kind = slot_cache[slot].kind, pad = hv_gfx_px(g, 10);
    char id[24], tip[HV_TIP_LEN], line[160], when[40] = "";
    snprintf(id, sizeof id, "save_slot_%d", slot);
    if (kind == SLOT_OK && info->saved_at > 0) {
        time_t t = (time_t)info->saved_at;
        struct tm tm;
        if (localtime_r(&t, &tm))
            strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    }
    if (kind == SLOT_EMPTY)
        snprintf(tip, sizeof tip, "Save this game to slot %d (empty).", slot);
    else if (kind == SLOT_BAD)
        snprintf(tip, sizeof tip,
                 "Slot %d holds a save that cannot be read. Saving here replaces it; the old file "
                 "is kept as a backup.",
                 slot);
    else
        snprintf(tip, sizeof tip,
                 "Save this game to slot %d, over %s, week %d%s%s.\nThe old save is kept as a "
                 "backup.",
                 slot, info->title, info->week + 1, when[0] ? ", saved " : "", when);
    SDL_Rect vis = dlg_visible(r);
    int clicked = vis.w > 0 && vis.h > 0 && hv_gui_button(&app->gui, id, vis, NULL, NULL, tip, 0);
    int x = r.x + pad, w = r.w - 2 * pad, y = r.y + pad;
    int lb = hv_gfx_line_height(g, HV_FONT_BODY), ww = 0;
    snprintf(line, sizeof line, "Slot %d", slot);
    hv_gfx_text(g, HV_FONT_BODY, 1, x, y, HV_C_ACCENT, line);
    if (when[0]) {
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, when, &ww, NULL);
        hv_gfx_text(g, HV_FONT_SMALL, 0, x + w - ww,
                    y + (lb - hv_gfx_line_height(g, HV_FONT_SMALL)), HV_C_DIM, when);
    }
    y += lb;
    if (kind == SLOT_OK) {
        dlg_fit(g, HV_FONT_BODY, 0, info->title, w, line, sizeof line);
        hv_gfx_text(g, HV_FONT_BODY, 0, x, y, HV_C_TEXT, line);
        snprintf(line, sizeof line, "Week %d%s", info->week + 1,
                 info->play_on ? "  \xc2\xb7  played on after the end" : "");
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lb, HV_C_DIM, line);
    } else {
        hv_gfx_text(g, HV_FONT_BODY, 0, x, y, kind == SLOT_BAD ? HV_C_BAD : HV_C_DIM,
                    kind == SLOT_BAD ? "Unreadable save" : "Empty");
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lb, HV_C_DIM,
                    kind == SLOT_BAD ? "Saving here replaces it" : "Click to save here");
    }
    return clicked;
}

void hv_dialog_save(hv_app *app)
{
    int fresh = dlg_just_opened(app);
    hv_gfx *g = &app->gfx;
    if (!app->game) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    if (fresh)
        read_slots(app);
    int cw = dlg_body_width(g, 780), bh = hv_gfx_px(g, FOOT), gap = hv_gfx_px(g, 10);
    int need = save_body_height(g, cw);
    dlg_frame d = dlg_open(app, 780, need, bh, "icons/save", "Save game",
                           "Pick a slot; a save already there is replaced", HV_C_TEXT, 0);
    if (need > d.body.h) {
        cw = d.body.w - hv_gfx_px(g, GUTTER);
        need = save_body_height(g, cw);
    }
    int oy = dlg_scroll_begin(app, "save_body", d.body, need);
    int cols = slot_columns(g, cw), card = slot_card_height(g);
    int cwid = (cw - (cols - 1) * gap) / cols, picked = 0;
    for (int i = 0; i < HV_SAVE_SLOTS; i++) {
        SDL_Rect r = {d.body.x + (i % cols) * (cwid + gap),
                      d.body.y + oy + (i / cols) * (card + gap), cwid, card};
        if (slot_card(app, i + 1, r))
            picked = i + 1;
    }
    dlg_scroll_end(app);
    char key[32], hint[160], fitted[160];
    hv_keybind_format(app->settings.keys[HV_ACT_SAVE], key, sizeof key);
    int w = dlg_button_width(g, NULL, "Cancel");
    SDL_Rect cr = {d.foot.x + d.foot.w - w, d.foot.y, w, bh};
    snprintf(hint, sizeof hint, "%s saves to slot 1 at once, without this dialog.", key);
    dlg_fit(g, HV_FONT_SMALL, 0, hint, cr.x - d.foot.x - hv_gfx_px(g, 12), fitted, sizeof fitted);
    hv_gfx_text(g, HV_FONT_SMALL, 0, d.foot.x,
                d.foot.y + (bh - hv_gfx_line_height(g, HV_FONT_SMALL)) / 2, HV_C_DIM, fitted);
    if (hv_gui_button(&app->gui, "save_cancel", cr, NULL, "Cancel", "Close without saving (Esc).",
                      0)) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    /* A failed save opens the error dialog itself; leave that up. */
    if (picked && hv_app_save_slot(app, picked) == 0)
        app->modal = HV_MODAL_NONE;
}

/* ---- errors ------------------------------------------------------------- */

/* The first line says what went wrong; the rest (FILE:LINE:COL lines, a
 * reason) goes in a box below it. */
static int error_body(hv_app *app, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    int top = y, pad = hv_gfx_px(g, 10);
    char first[600];
    const char *nl = strchr(app->error, '\n');
    size_t n = nl ? (size_t)(nl - app->error) : strlen(app->error);
    if (n >= sizeof first)
        n = sizeof first - 1;
    memcpy(first, app->error, n);
    first[n] = '\0';
    const char *rest = nl ? nl : "";
    while (*rest == '\n' || *rest == ' ')
        rest++;
    y +=
        dlg_wrap(g, HV_FONT_BODY, 1, x, y, w, HV_C_TEXT, first[0] ? first : "Unknown error.", draw);
    if (*rest) {
        y += hv_gfx_px(g, 12);
        /* A rule down the left of the box, then the text beside it. */
        int rule = hv_gfx_px(g, 3), tx = x + rule + pad, tw = w - rule - 2 * pad;
        int h = dlg_wrap(g, HV_FONT_SMALL, 0, tx, y + pad, tw, HV_C_TEXT, rest, 0);
        if (draw) {
            SDL_Rect box = {x, y, w, h + 2 * pad};
            hv_gfx_fill(g, box, 0x120c0e, 255);
            hv_gfx_fill(g, (SDL_Rect){x, y, rule, box.h}, HV_C_BAD, 255);
            dlg_wrap(g, HV_FONT_SMALL, 0, tx, y + pad, tw, HV_C_TEXT, rest, 1);
        }
        y += h + 2 * pad;
    }
    return y - top;
}

void hv_dialog_error(hv_app *app)
{
    dlg_just_opened(app);
    hv_gfx *g = &app->gfx;
    int cw = dlg_body_width(g, 640);
    int need = error_body(app, 0, 0, cw, 0), bh = hv_gfx_px(g, FOOT);
    dlg_frame d = dlg_open(app, 640, need, bh, "icons/warning", "Something went wrong",
                           app->game ? "The game goes on." : NULL, HV_C_WARN, 0);
    if (need > d.body.h) {
        cw = d.body.w - hv_gfx_px(g, GUTTER);
        need = error_body(app, 0, 0, cw, 0);
    }
    int oy = dlg_scroll_begin(app, "error_body", d.body, need);
    error_body(app, d.body.x, d.body.y + oy, cw, 1);
    dlg_scroll_end(app);
    int w = dlg_button_width(g, NULL, "OK");
    if (hv_gui_button(&app->gui, "error_ok", (SDL_Rect){d.foot.x + d.foot.w - w, d.foot.y, w, bh},
                      NULL, "OK", "Close this message (Esc).", HV_W_PRIMARY))
        app->modal = HV_MODAL_NONE;
}
