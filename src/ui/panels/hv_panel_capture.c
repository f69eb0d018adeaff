/* The capture crew of the asteroids panel (hv_panel_missions.h): who
 * flies the next capture and who rigs it, with the best pair picked by
 * default, and the orbit the rock is brought to. Picking only changes what
 * the Capture buttons will queue. */
#include <stdio.h>

#include "hv_panel_missions.h"
#include "hv_turn.h"

/* The crew picked for captures. hv_app has no field for it and it is only a
 * preference of this panel, so it lives here, tied to the game it was made
 * in; anything stale is replaced by the best pair. */
static struct {
    const hv_game *game;
    uint64_t seed;
    int32_t pilot, engineer;
    int32_t dest; /* hv_destination */
} pick;

static int booked(const hv_state *s, int32_t id)
{
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == HV_ORDER_CAPTURE &&
            (s->orders[i].person == id || s->orders[i].person2 == id))
            return s->orders[i].target + 1;
    return 0;
}

static int can_fly(const hv_state *s, const hv_person *p, int engineer)
{
    const hv_role *role = &s->rules->roles[p->role];
    return (engineer ? role->engineer : role->pilot) && !p->away && !booked(s, p->id);
}

/* The asteroid the default crew is judged against: the first one still out
 * there. Only the crew's own terms differ between asteroids. */
static int reference_asteroid(const hv_state *s)
{
    for (int32_t i = 0; i < s->rules->asteroid_count; i++)
        if (s->asteroids[i].stage == HV_STAGE_FAR)
            return i;
    return 0;
}

/* 0 unassigned, 1 at a post, 2 at a spaceport post, which a launch needs. */
static int posted(const hv_state *s, const hv_person *p)
{
    const hv_module *m = p->module ? hv_state_module((hv_state *)s, p->module) : NULL;
    return m ? 1 + (s->rules->module_types[m->type].spaceport != 0) : 0;
}

void hv_capture_crew(int32_t *pilot, int32_t *engineer)
{
    *pilot = pick.pilot;
    *engineer = pick.engineer;
}

int32_t hv_capture_dest(void)
{
    return pick.dest;
}

void hv_capture_choose(hv_app *app)
{
    hv_state *s = &app->game->state;
    if (pick.game != app->game || pick.seed != s->seed) {
        pick.game = app->game;
        pick.seed = s->seed;
        pick.pilot = pick.engineer = 0;
        pick.dest = HV_DEST_MARS;
    }
    /* The board's mandate leaves one orbit a capture order may name. */
    if (s->mandate)
        pick.dest = s->mandate - 1;
    hv_person *p = hv_state_person(s, pick.pilot), *e = hv_state_person(s, pick.engineer);
    int keep_p = p && can_fly(s, p, 0), keep_e = e && can_fly(s, e, 1) && e != p;
    if (keep_p && keep_e)
        return;
    int ref = reference_asteroid(s), best = -1;
    int32_t bp = 0, be = 0;
    for (int32_t i = 0; i < s->person_count; i++) {
        const hv_person *a = &s->people[i];
        if (!can_fly(s, a, 0) || (keep_p && a->id != pick.pilot))
            continue;
        for (int32_t j = 0; j < s->person_count; j++) {
            const hv_person *b = &s->people[j];
            if (i == j || !can_fly(s, b, 1) || (keep_e && b->id != pick.engineer))
                continue;
            /* Equal odds: rather someone whose post does not stop without them. */
            int odds = hv_capture_odds(s, ref, a, b) * 4 - posted(s, a) - posted(s, b);
            if (odds > best) {
                best = odds;
                bp = a->id;
                be = b->id;
            }
        }
    }
    pick.pilot = bp;
    pick.engineer = be;
}

static void crew_row(hv_list *l, const hv_person *p, int engineer, SDL_Rect r)
{
    hv_app *app = l->app;
    const hv_state *s = &app->game->state;
    const hv_rules *rules = s->rules;
    int32_t *slot = engineer ? &pick.engineer : &pick.pilot;
    int sel = *slot == p->id, away = p->away || booked(s, p->id);
    char id[48], tip[HV_TIP_LEN], where[160] = "unassigned";
    const hv_module *m = p->module ? hv_state_module((hv_state *)s, p->module) : NULL;
    if (m)
        snprintf(where, sizeof where, "works at %s #%d, which loses them while they fly",
                 rules->module_types[m->type].name, m->id);
    snprintf(id, sizeof id, "%s_%d", engineer ? "engineer" : "pilot", p->id);
    if (p->away)
        snprintf(tip, sizeof tip, "%s is away on the mission to %s.", hv_person_name(s, p),
                 rules->asteroids[p->away - 1].name);
    else if (away)
        snprintf(tip, sizeof tip, "%s is already booked for the queued capture of %s.",
                 hv_person_name(s, p), rules->asteroids[booked(s, p->id) - 1].name);
    else
        snprintf(tip, sizeof tip, "%s, %s (%s)\nSkill %d, health %d, morale %d; %s.\n%s",
                 hv_person_name(s, p), rules->roles[p->role].name, rules->factions[p->faction].name,
                 p->skill, p->health, p->morale, where,
                 sel        ? "Picked for the next capture."
                 : engineer ? "Click to rig the capture."
                            : "Click to fly the capture.");
    if (hv_list_button(l, id, r, NULL, NULL, tip,
                       HV_W_FLAT | (sel ? HV_W_SELECTED : 0) | (away ? HV_W_DISABLED : 0))) {
        *slot = p->id;
        if (pick.pilot == pick.engineer)
            *(engineer ? &pick.pilot : &pick.engineer) = 0; /* refilled with the best */
    }
    if (!l->draw)
        return;
    int mark = r.h - hv_list_px(l, 8), pad = hv_list_px(l, 5);
    hv_draw_faction_mark(app, p->faction,
                         (SDL_Rect){r.x + pad, r.y + hv_list_px(l, 4), mark, mark});
    int lh = hv_gfx_line_height(l->g, HV_FONT_BODY);
    /* Skill as pips on the right, so the names keep the width they need. */
    int pip = hv_list_px(l, 5), pips = r.x + r.w - pad - 5 * (pip + hv_list_px(l, 2));
    for (int k = 0; k < 5; k++)
        hv_gfx_fill(
            l->g, (SDL_Rect){pips + k * (pip + hv_list_px(l, 2)), r.y + (r.h - pip) / 2, pip, pip},
            k < p->skill ? (away ? HV_C_DIM : HV_C_WARN) : 0x3a3030, 255);
    SDL_Rect clip = {r.x + mark + 2 * pad, r.y, pips - (r.x + mark + 3 * pad), r.h}, old;
    SDL_RenderGetClipRect(app->ren, &old);
    SDL_Rect both;
    if (SDL_IntersectRect(&clip, &old, &both))
        hv_gfx_clip(&app->gfx, &both);
    hv_gfx_text(l->g, HV_FONT_BODY, 0, clip.x, r.y + (r.h - lh) / 2,
                away  ? 0x7a6a60
                : sel ? HV_C_TEXT
                      : HV_C_DIM,
                hv_person_name(s, p));
    hv_gfx_clip(&app->gfx, SDL_RectEmpty(&old) ? NULL : &old);
}

static int can_do(const hv_rules *rules, const hv_person *p, int engineer)
{
    return engineer ? rules->roles[p->role].engineer : rules->roles[p->role].pilot;
}

/* Mars orbit or Earth orbit for the next capture. */
static void dest_picker(hv_list *l)
{
    const hv_state *s = &l->app->game->state;
    int gap = hv_list_px(l, 8), w = (l->w - gap) / 2, h = hv_list_px(l, 28);
    hv_list_text(l, HV_FONT_SMALL, 1, HV_C_DIM, "BRING THE ROCK TO");
    static const char *const ids[HV_DEST_COUNT] = {"dest_mars", "dest_earth"};
    for (int d = 0; d < HV_DEST_COUNT; d++) {
        char tip[HV_TIP_LEN], label[HV_NAME_LEN + 8], home[HV_NAME_LEN + 64];
        int barred = s->mandate && s->mandate - 1 != d;
        snprintf(label, sizeof label, "%s orbit", hv_dest_name(s->rules, d));
        snprintf(home, sizeof home, "Mined into the base's stocks: ore, iridium and work on %s.",
                 s->rules->world.body);
        snprintf(tip, sizeof tip, "%s%s",
                 d == HV_DEST_MARS ? home
                                   : "Its iridium is sold on Earth as it is mined, at part of the "
                                     "market price; the rest stays on Earth.",
                 barred ? "\n\nThe board has mandated the other orbit; only a redirect "
                          "on the way can defy it."
                        : "");
        SDL_Rect r = {l->x + d * (w + gap), l->y, w, h};
        if (hv_list_button(l, ids[d], r, NULL, label, tip,
                           HV_W_FLAT | (pick.dest == d ? HV_W_SELECTED : 0) |
                               (barred ? HV_W_DISABLED : 0)))
            pick.dest = d;
    }
    l->y += h + hv_list_px(l, 6);
}

void hv_capture_picker(hv_list *l)
{
    const hv_state *s = &l->app->game->state;
    const hv_rules *rules = s->rules;
    dest_picker(l);
    int gap = hv_list_px(l, 8), row = hv_list_px(l, 28), widest = 0;
    /* Side by side while every name fits beside its mark and skill pips. */
    for (int32_t i = 0; i < s->person_count; i++) {
        int w;
        if (!can_do(rules, &s->people[i], 0) && !can_do(rules, &s->people[i], 1))
            continue;
        hv_gfx_text_size(l->g, HV_FONT_BODY, 0, hv_person_name(s, &s->people[i]), &w, NULL);
        widest = w > widest ? w : widest;
    }
    int two = widest + row + hv_list_px(l, 42) <= (l->w - gap) / 2; /* see crew_row */
    int col = two ? (l->w - gap) / 2 : l->w, top = l->y, bottom = l->y;
    for (int engineer = 0; engineer < 2; engineer++) {
        hv_list c = *l;
        c.x = l->x + (two && engineer) * (col + gap);
        c.w = col;
        c.y = two ? top : l->y;
        hv_list_text(&c, HV_FONT_SMALL, 1, HV_C_DIM, engineer ? "ENGINEER" : "PILOT");
        int any = 0;
        for (int32_t i = 0; i < s->person_count; i++) {
            const hv_person *p = &s->people[i];
            if (!can_do(rules, p, engineer))
                continue;
            crew_row(&c, p, engineer, (SDL_Rect){c.x, c.y, col, row - hv_list_px(l, 2)});
            c.y += row;
            any = 1;
        }
        if (!any)
            hv_list_wrap(&c, 0, HV_FONT_SMALL, HV_C_BAD,
                         engineer ? "Nobody here can rig a capture."
                                  : "Nobody here can fly a tug.");
        bottom = c.y > bottom ? c.y : bottom;
        if (!two)
            l->y = c.y + hv_list_px(l, 6);
    }
    l->y = bottom + hv_list_px(l, 4);
}
