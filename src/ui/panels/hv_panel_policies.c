/* The policies panel: the laws of the base, each option with its effects
 * spelled out, and their sum in force. A change is queued like any other
 * order and replayed with the core's checks, so the panel shows what the
 * week will bring. */
#include <stdio.h>
#include <string.h>

#include "hv_print.h"
#include "hv_widgets.h"


/* Describes effect E in words: COMPACT as a run of short terms for the
 * panel, else one term a line for a tooltip. */
static void effect_words(const hv_rules *rules, const hv_effect *e, int compact, char *buf,
                         size_t len)
{
    const char *week = compact ? "/wk" : " a week";
    char v[16], w[16], term[260], raw[800] = "";
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
            TERM("%s %s%s", rules->resources[r].name, hv_signed(v, sizeof v, e->resources[r]),
                 week);
    if (e->morale_staff && e->morale_staff == e->morale_workers)
        TERM("morale of everyone %s", hv_signed(v, sizeof v, e->morale_staff));
    else if (e->morale_staff && e->morale_workers)
        TERM("morale: staff %s, workers %s", hv_signed(v, sizeof v, e->morale_staff),
             hv_signed(w, sizeof w, e->morale_workers));
    else if (e->morale_staff || e->morale_workers)
        TERM("%s morale %s", e->morale_staff ? "staff" : "workers'",
             hv_signed(v, sizeof v, e->morale_staff + e->morale_workers));
    const struct {
        int v;
        const char *what, *unit;
    } terms[] = {
        {e->class_tension, "class tension", week},
        {e->output_pct, "module output", "%"},
        {e->ration_pct, "food eaten", "%"},
        {e->pay_pct, "workers' pay", "%"},
        {e->incident_pct, "incident chances", "%"},
    };
    char by[200];
    hv_describe_by_pair(rules, &e->tension, by, sizeof by);
    if (by[0])
        TERM("tension between nations %s%s", by, week);
    hv_describe_by_faction(rules, &e->satisfaction, by, sizeof by);
    if (by[0])
        TERM("sponsors' satisfaction %s%s", by, week);
    for (size_t k = 0; k < sizeof terms / sizeof terms[0]; k++)
        if (terms[k].v)
            TERM("%s %s%s", terms[k].what, hv_signed(v, sizeof v, terms[k].v), terms[k].unit);
    if (e->capture_pm)
        TERM("capture odds %s.%d points", hv_signed(v, sizeof v, e->capture_pm / 10),
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
    int next_week = unlock_week(s, p);
    int locked = (pol->locked || next_week > 0) && !in_force;
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
    else if (pol->locked)
        snprintf(tip + n, sizeof tip - n, "\n\nThis level keeps %s as it is.", pol->name);
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
    } else if (pol->locked) {
        snprintf(status, sizeof status, "set by this level");
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
    hv_policy_total(s, &sum);
    char words[600], tip[HV_TIP_LEN];
    effect_words(rules, &sum, 1, words, sizeof words);
    int y = in.y;
    y += hv_small_heading(g, in.x, y, "NET EFFECT OF THE POLICIES IN FORCE", 4, 1);
    int h = hv_gfx_text_wrap(g, HV_FONT_SMALL, in.x, y, in.w, HV_C_TEXT, words, 1);
    size_t n =
        (size_t)snprintf(tip, sizeof tip, "All the policies in force together, every week:\n");
    effect_words(rules, &sum, 0, tip + n, sizeof tip - n);
    hv_view_area(app, in, "policies_total", (SDL_Rect){in.x, in.y, in.w, y + h - in.y}, tip);
    y += h + hv_gfx_px(g, 8);
    hv_gfx_fill(g, (SDL_Rect){in.x, y, in.w, hv_gfx_px(g, 1) > 0 ? hv_gfx_px(g, 1) : 1},
                HV_C_BORDER, 255);
    y += hv_gfx_px(g, 6);
    SDL_Rect view = {in.x, y, in.w, in.y + in.h - y};
    int sb = hv_scroll_area_bar(g, &app->views.policies, view);
    int cy = hv_scroll_area_begin(app, &app->views.policies, view), top = cy;
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
    hv_scroll_area_end(app, &app->views.policies, view, cy - top);
}
