/* The goals panel: what wins the level, how far along each goal is, and
 * how near each way of losing it stands, with the weeks left to every
 * deadline. The figures come from hv_goal_measure, so the panel shows
 * exactly what the end of the week will judge. */
#include <stdio.h>
#include <string.h>

#include "hv_turn.h"
#include "hv_widgets.h"


/* How near lose goal G is, in words, and whether it is close enough to
 * worry about. */
static int lose_status(const hv_game *game, const hv_goal *g, char *buf, size_t len)
{
    const hv_state *s = &game->state;
    const hv_rules *rules = s->rules;
    int64_t target, now = hv_goal_measure(s, g, &target);
    char a[32], b[32];
    switch (g->kind) {
    case HV_GOAL_TURN_REACHED: {
        int64_t left = target - now;
        snprintf(buf, len, left > 0 ? "%lld weeks left: it ends with week %lld."
                                    : "The deadline has come.",
                 (long long)left, (long long)target);
        return left <= 4;
    }
    case HV_GOAL_RESOURCE_DEPLETED: {
        int64_t change = game->played ? s->stock[g->resource] - game->before.stock[g->resource] : 0;
        hv_format_number(now, a, sizeof a);
        if (change < 0 && now > 0) {
            int64_t weeks = (now + -change - 1) / -change;
            snprintf(buf, len, "%s %s now, %lld last week: about %lld weeks left at that rate.", a,
                     rules->resources[g->resource].unit, (long long)change, (long long)weeks);
            return weeks <= 2;
        }
        snprintf(buf, len, "%s %s now%s.", a, rules->resources[g->resource].unit,
                 change >= 0 && game->played ? ", not falling" : "");
        return now <= 0;
    }
    case HV_GOAL_POPULATION_BELOW:
        snprintf(buf, len, "%lld people now; lost below %lld.", (long long)now,
                 (long long)target);
        return now - target <= 1;
    case HV_GOAL_BANKRUPT:
        hv_format_number(s->stock[HV_RES_FUNDS], a, sizeof a);
        snprintf(buf, len, "Funds %s; in the red %lld of %lld weeks.", a, (long long)now,
                 (long long)target);
        return now > 0;
    case HV_GOAL_RIOT:
        snprintf(buf, len, "Worst tension %d; a riot starts at %d.", hv_state_max_tension(s),
                 rules->society.riot_at);
        return hv_state_max_tension(s) >= rules->society.incident_at;
    case HV_GOAL_FLAG_SET:
        snprintf(buf, len, now ? "It has happened." : "It has not happened.");
        return now != 0;
    default:
        hv_format_number(now, a, sizeof a);
        hv_format_number(target, b, sizeof b);
        snprintf(buf, len, "Now %s; the limit is %s.", a, b);
        return 0;
    }
}

/* One goal: a mark, its words, and a bar or a status line. Returns its height. */
static int goal_block(hv_app *app, SDL_Rect view, int win, int32_t i, int y)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_goal *goal = win ? &s->rules->win[i] : &s->rules->lose[i];
    char text[300], status[200], tip[HV_TIP_LEN], id[32];
    if (!win && goal->kind == HV_GOAL_TURN_REACHED)
        snprintf(text, sizeof text, "the goals are not all met by the end of week %d",
                 goal->turn);
    else
        hv_goal_describe(s->rules, goal, text, sizeof text);
    int held = hv_goal_holds(s, goal);
    int top = y, mark = hv_gfx_px(g, 18), x = view.x + mark + hv_gfx_px(g, 8);
    int w = view.w - (x - view.x);
    hv_gfx_image_tinted(g, win ? "icons/win" : "icons/lose",
                        (SDL_Rect){view.x, y + hv_gfx_px(g, 1), mark, mark},
                        held == win ? 0xffffff : 0x8a7a70, held == win ? 255 : 150);
    y += hv_gfx_text_wrap(g, HV_FONT_BODY, x, y, w, held && win ? HV_C_GOOD : HV_C_TEXT, text, 1);
    y += hv_gfx_px(g, 4);
    int64_t target, now = hv_goal_measure(s, goal, &target);
    int warn = 0;
    if (win) {
        char a[32], b[32];
        hv_format_number(now, a, sizeof a);
        hv_format_number(target, b, sizeof b);
        if (goal->kind == HV_GOAL_TURN_REACHED)
            snprintf(status, sizeof status, "Week %lld of %lld.", (long long)now + 1,
                     (long long)target);
        else if (goal->kind == HV_GOAL_FLAG_SET)
            snprintf(status, sizeof status, held ? "Done." : "Not yet.");
        else if (goal->kind == HV_GOAL_TENSION_BELOW)
            snprintf(status, sizeof status, "Worst tension %s; it must stay below %s.", a, b);
        else
            snprintf(status, sizeof status, "%s of %s%s", a, b, held ? ": met." : ".");
        if (goal->kind != HV_GOAL_FLAG_SET && goal->kind != HV_GOAL_TENSION_BELOW && target > 0) {
            int bar_h = hv_gfx_px(g, 6);
            hv_gui_bar(&app->gui, (SDL_Rect){x, y, w, bar_h}, (int)(now > target ? target : now),
                       (int)target, held ? HV_C_GOOD : HV_C_ACCENT);
            y += bar_h + hv_gfx_px(g, 4);
        }
    } else {
        warn = lose_status(app->game, goal, status, sizeof status);
    }
    y += hv_gfx_text_wrap(g, HV_FONT_SMALL, x, y, w, warn ? HV_C_BAD : HV_C_DIM, status, 1);
    snprintf(tip, sizeof tip, "%s\n%s", text, status);
    snprintf(id, sizeof id, "%s_%d", win ? "goal_win" : "goal_lose", i + 1);
    hv_view_area(app, view, id, (SDL_Rect){view.x, top, view.w, y - top}, tip);
    return y - top;
}

void hv_panel_goals(hv_app *app, SDL_Rect area)
{
    hv_gfx *g = &app->gfx;
    const hv_rules *rules = app->game->state.rules;
    SDL_Rect in = hv_gui_panel(&app->gui, area, "Goals");
    int sb = hv_scroll_area_bar(g, &app->views.goals, in);
    SDL_Rect view = {in.x, in.y, in.w - sb - (sb ? hv_gfx_px(g, 4) : 0), in.h};
    int y = hv_scroll_area_begin(app, &app->views.goals, in), top = y;
    y += hv_small_heading(g, view.x, y,
                          rules->win_count > 1 ? "TO WIN, ALL AT ONCE" : "TO WIN", 4, 1);
    for (int32_t i = 0; i < rules->win_count; i++)
        y += goal_block(app, view, 1, i, y) + hv_gfx_px(g, 10);
    if (!rules->win_count)
        y += hv_gfx_text_wrap(g, HV_FONT_BODY, view.x, y, view.w, HV_C_DIM,
                              "This level has no goal: play as long as you like.", 1) +
             hv_gfx_px(g, 10);
    y += hv_gfx_px(g, 6);
    y += hv_small_heading(g, view.x, y, "THE BASE IS LOST IF", 4, 1);
    for (int32_t i = 0; i < rules->lose_count; i++)
        y += goal_block(app, view, 0, i, y) + hv_gfx_px(g, 10);
    y += hv_gfx_text_wrap(g, HV_FONT_SMALL, view.x, y, view.w, HV_C_DIM,
                          "or if no one is left alive. Goals are judged at the end of each week.",
                          1);
    hv_scroll_area_end(app, &app->views.goals, in, y - top);
}
