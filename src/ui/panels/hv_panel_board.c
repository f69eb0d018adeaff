/* The unrest ladder and the board, for the factions panel: what the
 * tension between two sides turns into rung by rung, and how the sponsors
 * would vote on what the base puts to them. It only reads the game; the
 * rungs, titles and thresholds all come from the rules. */
#include <stdio.h>
#include <string.h>

#include "hv_effect_words.h"
#include "hv_panel_board.h"
#include "hv_turn.h"
#include "hv_widgets.h"

/* ---- the unrest ladder --------------------------------------------------- */

/* The rules' rungs in order of threshold (ties in the rules' order) into
 * OUT; returns how many. */
static int rungs(const hv_rules *rules, int32_t *out)
{
    int n = 0;
    for (int32_t i = 0; i < rules->event_count && n < HV_MAX_EVENTS; i++) {
        if (rules->events[i].unrest_at <= 0)
            continue;
        int k = n++;
        for (; k > 0 && rules->events[out[k - 1]].unrest_at > rules->events[i].unrest_at; k--)
            out[k] = out[k - 1];
        out[k] = i;
    }
    return n;
}

static void rung_tip(const hv_state *s, const hv_event_def *ev, char *tip, size_t len)
{
    int reached = s->class_tension >= ev->unrest_at;
    size_t n = (size_t)snprintf(
        tip, len,
        "%s: a rung of the unrest ladder at tension %d.\nAn incident between two sides (the "
        "classes, or two nations) may take this form once their tension reaches %d. The class "
        "tension is %d: %s.",
        ev->title, ev->unrest_at, ev->unrest_at, s->class_tension,
        reached ? "reached" : "not yet reached");
    n = n < len ? n : len - 1;
    hv_phrase f[HV_MAX_PHRASES];
    int count = hv_effect_phrases(s, &ev->effect, f);
    n += (size_t)snprintf(tip + n, len - n, "\nWhen it comes:");
    for (int i = 0; i < count && n < len; i++)
        n += (size_t)snprintf(tip + n, len - n, "\n  %s", f[i].text);
    if (ev->choice_count > 1 && n < len)
        snprintf(tip + n, len - n, "\nThen the base picks one of %d answers.", ev->choice_count);
    else if (ev->choice_count == 1 && n < len)
        snprintf(tip + n, len - n, "\nThen the base answers it.");
}

/* The pointer at the class tension, drawn across the rails. */
static int now_marker(hv_app *app, SDL_Rect view, int x, int y, int w, int rails, int rail_w)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    int ls = hv_gfx_line_height(g, HV_FONT_SMALL), t = hv_gfx_px(g, 2) > 1 ? hv_gfx_px(g, 2) : 1;
    int size = ls / 3;
    for (int i = 0; i < size; i++) /* a small triangle pointing at the ladder */
        hv_gfx_fill(g, (SDL_Rect){x + i, y + ls / 2 - (size - i), 1, 2 * (size - i)}, HV_C_TEXT,
                    255);
    hv_gfx_fill(g, (SDL_Rect){rails, y + ls / 2 - t / 2, rail_w, t}, HV_C_TEXT, 255);
    char text[64], shown[64];
    snprintf(text, sizeof text, "Class tension now: %d", s->class_tension);
    int tx = rails + rail_w + hv_gfx_px(g, 8);
    hv_text_cut(g, HV_FONT_SMALL, 1, text, x + w - tx, shown, sizeof shown);
    hv_gfx_text(g, HV_FONT_SMALL, 1, tx, y, HV_C_TEXT, shown);
    hv_view_area(app, view, "unrest_now", (SDL_Rect){x, y, w, ls},
                 "Where the tension between the classes stands on the ladder. Rungs at or below "
                 "it are lit: an incident between the classes may take their form.");
    return ls;
}

int hv_board_ladder(hv_app *app, SDL_Rect view, int x, int y, int w)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    int32_t order[HV_MAX_EVENTS];
    int n = rungs(rules, order);
    if (!n)
        return 0;
    int top = y, ls = hv_gfx_line_height(g, HV_FONT_SMALL), row = ls + hv_gfx_px(g, 6);
    hv_gfx_text(g, HV_FONT_SMALL, 1, x, y, HV_C_DIM, "UNREST LADDER");
    y += ls + hv_gfx_px(g, 4);
    /* Rails at the left, the thresholds right-aligned beside them, then the titles. */
    int arrow = ls / 3 + hv_gfx_px(g, 4), rails = x + arrow, rail_w = hv_gfx_px(g, 26);
    int t = hv_gfx_px(g, 2) > 1 ? hv_gfx_px(g, 2) : 1, num_w;
    hv_gfx_text_size(g, HV_FONT_SMALL, 1, "100", &num_w, NULL);
    int num_r = rails + rail_w + hv_gfx_px(g, 8) + num_w, title_x = num_r + hv_gfx_px(g, 10);
    int marked = 0, ladder_top = y;
    char tip[HV_TIP_LEN], id[32], text[16], shown[HV_NAME_LEN];
    for (int k = n - 1; k >= 0; k--) {
        const hv_event_def *ev = &rules->events[order[k]];
        if (!marked && s->class_tension >= ev->unrest_at) {
            y += now_marker(app, view, x, y, w, rails, rail_w) + hv_gfx_px(g, 2);
            marked = 1;
        }
        int reached = s->class_tension >= ev->unrest_at;
        SDL_Rect r = {x, y, w, row};
        if (reached)
            hv_gfx_fill(g, (SDL_Rect){rails + rail_w, y, x + w - rails - rail_w, row}, 0x3a2620,
                        255);
        SDL_Rect vis;
        int hot = SDL_IntersectRect(&r, &view, &vis) && hv_gui_hover(&app->gui, vis);
        hv_gfx_fill(g, (SDL_Rect){rails, y + row / 2 - t, rail_w, 2 * t},
                    reached ? HV_C_ACCENT : HV_C_BORDER, 255);
        snprintf(text, sizeof text, "%d", ev->unrest_at);
        int tw;
        hv_gfx_text_size(g, HV_FONT_SMALL, 1, text, &tw, NULL);
        uint32_t colour = reached ? HV_C_TEXT : HV_C_DIM;
        hv_gfx_text(g, HV_FONT_SMALL, 1, num_r - tw, y + (row - ls) / 2,
                    reached ? HV_C_WARN : HV_C_DIM, text);
        hv_text_cut(g, HV_FONT_SMALL, reached, ev->title, x + w - title_x, shown, sizeof shown);
        hv_gfx_text(g, HV_FONT_SMALL, reached, title_x, y + (row - ls) / 2, colour, shown);
        if (hot)
            hv_gfx_frame(g, (SDL_Rect){rails + rail_w, y, x + w - rails - rail_w, row}, HV_C_TEXT);
        rung_tip(s, ev, tip, sizeof tip);
        snprintf(id, sizeof id, "unrest_rung_%d", k + 1);
        hv_view_area(app, view, id, r, tip);
        y += row;
    }
    if (!marked)
        y += hv_gfx_px(g, 2) + now_marker(app, view, x, y, w, rails, rail_w);
    /* The rails last, over the rungs' ends, from the top rung to the bottom. */
    for (int side = 0; side < 2; side++)
        hv_gfx_fill(g, (SDL_Rect){rails + side * (rail_w - t), ladder_top, t, y - ladder_top},
                    HV_C_DIM, 255);
    return y - top;
}

/* ---- the board ----------------------------------------------------------- */

/* The latest vote the report book keeps: its week, share for (per mille)
 * and whether it passed; 0 when there was none. */
static int last_vote(const hv_report_book *book, int32_t *week, int64_t *share, int *passed)
{
    for (int32_t i = book->week_count - 1; i >= 0; i--) {
        const hv_book_week *wk = &book->weeks[i];
        for (int32_t e = wk->first_event + wk->event_count - 1; e >= wk->first_event; e--)
            if (book->events[e].kind == HV_EV_VOTE) {
                *week = wk->week;
                *share = book->events[e].amount;
                *passed = book->events[e].value != 0;
                return 1;
            }
    }
    return 0;
}

/* A label on the left and a value in COLOUR on the right, as one hover area. */
static int line(hv_app *app, SDL_Rect view, int x, int y, int w, const char *id, const char *label,
                const char *value, uint32_t colour, const char *tip)
{
    hv_gfx *g = &app->gfx;
    int lb = hv_gfx_line_height(g, HV_FONT_BODY), ls = hv_gfx_line_height(g, HV_FONT_SMALL);
    int lw = hv_gfx_text(g, HV_FONT_BODY, 0, x, y, HV_C_TEXT, label) + hv_gfx_px(g, 12);
    char shown[160];
    int tw;
    hv_text_cut(g, HV_FONT_SMALL, 1, value, w - lw, shown, sizeof shown);
    hv_gfx_text_size(g, HV_FONT_SMALL, 1, shown, &tw, NULL);
    hv_gfx_text(g, HV_FONT_SMALL, 1, x + w - tw, y + (lb - ls) / 2, colour, shown);
    hv_view_area(app, view, id, (SDL_Rect){x, y, w, lb}, tip);
    return lb + hv_gfx_px(g, 6);
}

static int mandate(hv_app *app, SDL_Rect view, int x, int y, int w)
{
    const hv_state *s = &app->game->state;
    char value[HV_NAME_LEN + 48], tip[HV_TIP_LEN];
    if (s->mandate > 0 && s->mandate <= HV_DEST_COUNT) {
        const char *to = hv_dest_name(s->rules, s->mandate - 1);
        snprintf(value, sizeof value, "every capture to %s orbit", to);
        snprintf(tip, sizeof tip,
                 "The board has mandated that every captured rock goes to %s orbit. A capture "
                 "order may name no other; redirecting one on its way is a hijack the sponsors "
                 "may find out.",
                 to);
    } else {
        snprintf(value, sizeof value, "none");
        snprintf(tip, sizeof tip,
                 "The board has no mandate: captures may go to either orbit. A motion or an "
                 "event may give it one.");
    }
    return line(app, view, x, y, w, "board_mandate", "Mandate", value,
                s->mandate ? HV_C_ACCENT : HV_C_DIM, tip);
}

static const char *lean_words(int32_t lean, uint32_t *colour)
{
    *colour = lean > 0 ? HV_C_GOOD : lean < 0 ? HV_C_BAD : HV_C_DIM;
    return lean > 0 ? "with the base" : lean < 0 ? "against" : "undecided";
}

static int votes(hv_app *app, SDL_Rect view, int x, int y, int w)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    int top = y, lb = hv_gfx_line_height(g, HV_FONT_BODY),
        ls = hv_gfx_line_height(g, HV_FONT_SMALL), gap = hv_gfx_px(g, 8), tw;
    int64_t total = 0;
    for (int32_t k = 0; k < rules->sponsor_count; k++)
        total += hv_sponsor_funding(s, k);
    /* Right to left: the leaning as wide as its longest words, the share,
     * and a bar that takes what the names leave. */
    int lean_w = 0;
    for (int32_t lean = -1; lean <= 1; lean++) {
        uint32_t c;
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, lean_words(lean, &c), &tw, NULL);
        lean_w = tw > lean_w ? tw : lean_w;
    }
    hv_gfx_text_size(g, HV_FONT_SMALL, 1, "LEANS", &tw, NULL);
    lean_w = tw > lean_w ? tw : lean_w;
    int lean_l = x + w - lean_w, pct_r = lean_l - gap;
    hv_gfx_text_size(g, HV_FONT_SMALL, 1, "100%", &tw, NULL);
    int bar_r = pct_r - tw - gap / 2, bar_l = bar_r - hv_gfx_px(g, 90);
    bar_l = bar_l < x + w / 3 ? x + w / 3 : bar_l;
    hv_gfx_text(g, HV_FONT_SMALL, 1, x, y, HV_C_DIM, "VOTE");
    hv_gfx_text(g, HV_FONT_SMALL, 1, bar_l, y, HV_C_DIM, "SHARE");
    hv_gfx_text(g, HV_FONT_SMALL, 1, lean_l, y, HV_C_DIM, "LEANS");
    hv_view_area(app, view, "board_head", (SDL_Rect){x, y, w, ls},
                 "Each sponsor votes with what it pays: its share is its part of this week's "
                 "funding. A motion passes when the sponsors for it pay more than those against.\n"
                 "A sponsor leans by its stance on the motion plus its mood: at satisfaction 60 "
                 "or more it goes along with the base, at 40 or less it digs in.");
    y += ls + hv_gfx_px(g, 4);
    int row_h = lb + hv_gfx_px(g, 4), mark = lb - hv_gfx_px(g, 4);
    char text[HV_NAME_LEN + 16], tip[HV_TIP_LEN], id[32];
    for (int32_t k = 0; k < rules->sponsor_count; k++) {
        int32_t f = rules->sponsors[k].faction;
        int64_t pay = hv_sponsor_funding(s, k);
        int pct = total > 0 ? (int)(pay * 100 / total) : 0;
        int ty = y + (row_h - ls) / 2;
        hv_draw_faction_mark(app, f, (SDL_Rect){x, y + (row_h - mark) / 2, mark, mark});
        hv_text_cut(g, HV_FONT_SMALL, 0, rules->factions[f].name, bar_l - gap - x - mark - gap / 2,
                    text, sizeof text);
        hv_gfx_text(g, HV_FONT_SMALL, 0, x + mark + gap / 2, ty, HV_C_TEXT, text);
        int bh = ls - hv_gfx_px(g, 6);
        hv_gui_bar(&app->gui, (SDL_Rect){bar_l, y + (row_h - bh) / 2, bar_r - bar_l, bh}, pct, 100,
                   hv_faction_colour(rules, f));
        snprintf(text, sizeof text, "%d%%", pct);
        hv_gfx_text_size(g, HV_FONT_SMALL, 1, text, &tw, NULL);
        hv_gfx_text(g, HV_FONT_SMALL, 1, pct_r - tw, ty, HV_C_TEXT, text);
        uint32_t colour;
        int32_t lean = hv_motion_lean(s, NULL, k);
        const char *words = lean_words(lean, &colour);
        hv_gfx_text(g, HV_FONT_SMALL, 0, lean_l, ty, colour, words);
        snprintf(tip, sizeof tip,
                 "%s: %d%% of the board's vote (pays %lld of %lld funds this week).\nSatisfaction "
                 "%d: on a motion it has no stance on, it votes %s.",
                 rules->factions[f].name, pct, (long long)pay, (long long)total, s->satisfaction[k],
                 lean > 0   ? "for what the base asks"
                 : lean < 0 ? "against what the base asks"
                            : "neither way and its funding does not count");
        snprintf(id, sizeof id, "board_sponsor_%d", k);
        hv_view_area(app, view, id, (SDL_Rect){x, y, w, row_h}, tip);
        y += row_h;
    }
    return y - top;
}

int hv_board_section(hv_app *app, SDL_Rect view, int x, int y, int w)
{
    hv_gfx *g = &app->gfx;
    const hv_game *game = app->game;
    int top = y;
    y += mandate(app, view, x, y, w);
    if (!game->state.rules->sponsor_count)
        return y +
               hv_gfx_text_wrap(g, HV_FONT_SMALL, x, y, w, HV_C_DIM,
                                "Nobody on Earth pays for this base: there is no board.", 1) -
               top;
    y += votes(app, view, x, y, w) + hv_gfx_px(g, 6);
    int32_t week;
    int64_t share;
    int passed = 0, voted = last_vote(&game->book, &week, &share, &passed);
    char value[96], tip[HV_TIP_LEN];
    if (voted) {
        snprintf(value, sizeof value, "week %d, %s with %lld%% for", week,
                 passed ? "passed" : "thrown out", (long long)share / 10);
        snprintf(tip, sizeof tip,
                 "The board's latest vote, in week %d: %s, with %lld%% of the funding that took a "
                 "side voting for it.",
                 week, passed ? "the motion passed" : "the motion was thrown out",
                 (long long)share / 10);
    } else {
        snprintf(value, sizeof value, "none yet");
        snprintf(tip, sizeof tip, "The board has not voted on anything in this game yet.");
    }
    y += line(app, view, x, y, w, "board_last_vote", "Last vote", value,
              !voted   ? HV_C_DIM
              : passed ? HV_C_GOOD
                       : HV_C_WARN,
              tip);
    return y - top;
}
