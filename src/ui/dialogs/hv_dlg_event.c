/* The event dialog: an event waiting for the base's answer, each choice
 * with what it does spelled out in coloured phrases. Picking one only
 * queues the answer; it is carried out when the week ends. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hv_dialog.h"
#include "hv_effect_words.h"
#include "hv_print.h"
#include "hv_widgets.h"

/* Lays the phrases out left to right, wrapping between them; returns the height. */
static int flow(hv_gfx *g, int x, int y, int width, const hv_phrase *f, int n, int draw)
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

/* The event being answered, and the choice clicked (-1: none yet). */
typedef struct event_ctx {
    const hv_event_def *ev;
    int picked;
} event_ctx;

/* The event's text and a card per choice; returns the height (an
 * hv_dlg_body), and the choice clicked in the context. */
static int event_body(hv_app *app, void *ctx, int x, int y, int w, int draw)
{
    const hv_event_def *ev = ((event_ctx *)ctx)->ev;
    int *picked = &((event_ctx *)ctx)->picked;
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    int top = y, pad = hv_gfx_px(g, 12), gap = hv_gfx_px(g, 8), badge = hv_gfx_px(g, 30);
    int answered = hv_state_queued_answer(s);
    char text[HV_TEXT_LEN + 200];
    hv_event_fill(s, s->actor, hv_event_text(ev, s->event_text[ev - s->rules->events]), text,
                  sizeof text);
    y += hv_dlg_wrap(g, HV_FONT_BODY, 0, x, y, w, HV_C_TEXT, text, draw);
    y += hv_gfx_px(g, 18);
    char ask[HV_NAME_LEN + 24];
    snprintf(ask, sizeof ask, "How does %s answer?", s->rules->world.place);
    y += hv_small_heading(g, x, y, ask, 6, draw);
    int tx = x + pad + badge + pad, tw = x + w - pad - tx;
    for (int32_t c = 0; c < ev->choice_count; c++) {
        const hv_choice *ch = &ev->choices[c];
        hv_phrase f[HV_MAX_PHRASES];
        int n = hv_effect_phrases(s, &ch->effect, f);
        int th = hv_dlg_wrap(g, HV_FONT_BODY, 1, 0, 0, tw, 0, ch->text, 0);
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
            SDL_Rect vis = hv_dlg_visible((SDL_Rect){x, y, w, h});
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
            hv_dlg_wrap(g, HV_FONT_BODY, 1, tx, y + pad, tw, HV_C_TEXT, ch->text, 1);
            flow(g, tx, y + pad + th + hv_gfx_px(g, 4), tw, f, n, 1);
        }
        y += h + gap;
    }
    return y - gap - top;
}

void hv_dialog_event(hv_app *app)
{
    hv_dlg_just_opened(app);
    hv_game *game = app->game;
    if (!game || game->state.pending < 0 || game->state.pending >= game->state.rules->event_count) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    hv_gfx *g = &app->gfx;
    const hv_state *s = &game->state;
    const hv_event_def *ev = &s->rules->events[s->pending];
    event_ctx ctx = {ev, -1};
    char sub[96];
    snprintf(sub, sizeof sub, "Week %d  \xc2\xb7  the base must decide", s->turn + 1);
    int foot = hv_gfx_line_height(g, HV_FONT_SMALL);
    hv_dlg_frame d =
        hv_dlg_show(app, 680, foot, (hv_dlg_head){"icons/event", ev->title, sub, HV_C_TEXT, 1},
                    "event_body", event_body, &ctx);
    int picked = ctx.picked;
    char hint[160];
    hv_text_fit(g, HV_FONT_SMALL, 0,
                "Your answer is queued with this week's orders and carried out when the week ends.",
                d.foot.w, hint, sizeof hint);
    hv_gfx_text(g, HV_FONT_SMALL, 0, d.foot.x, d.foot.y, HV_C_DIM, hint);
    if (picked >= 0)
        hv_app_answer(app, picked);
}
