/* Drawing helpers the screens share, and the modules on the map: each
 * looks like what it is doing. */
#include <stdio.h>
#include <string.h>

#include "hv_app.h"
#include "hv_scr_game.h"

uint32_t hv_faction_colour(const hv_rules *rules, int32_t f)
{
    if (f < 0 || f >= rules->faction_count)
        return HV_C_DIM;
    return rules->factions[f].colour;
}

void hv_draw_faction_mark(hv_app *app, int32_t f, SDL_Rect r)
{
    const hv_rules *rules = app->game ? app->game->state.rules : NULL;
    char name[64];
    if (!rules || f < 0 || f >= rules->faction_count) {
        hv_gfx_fill(&app->gfx, r, HV_C_DIM, 255);
        return;
    }
    snprintf(name, sizeof name, "factions/%s", rules->factions[f].id);
    /* A level may add factions the art does not know: a coloured square
     * with the name's initial still tells them apart. */
    if (hv_gfx_image_ok(&app->gfx, name)) {
        hv_gfx_image(&app->gfx, name, r);
        return;
    }
    hv_gfx_fill(&app->gfx, r, rules->factions[f].colour, 255);
    hv_gfx_frame(&app->gfx, r, 0x000000);
    char initial[2] = {rules->factions[f].name[0], 0};
    int tw, th;
    hv_gfx_text_size(&app->gfx, HV_FONT_SMALL, 1, initial, &tw, &th);
    hv_gfx_text(&app->gfx, HV_FONT_SMALL, 1, r.x + (r.w - tw) / 2, r.y + (r.h - th) / 2, 0x000000,
                initial);
}

SDL_Rect hv_draw_dialog(hv_app *app, int w, int h, const char *title)
{
    hv_gfx *g = &app->gfx;
    int pw = hv_gfx_px(g, w), ph = hv_gfx_px(g, h);
    if (pw > g->w - 20)
        pw = g->w - 20;
    if (ph > g->h - 20)
        ph = g->h - 20;
    SDL_Rect r = {(g->w - pw) / 2, (g->h - ph) / 2, pw, ph};
    /* Set the dialog off with a dark band rather than dimming the whole
     * window, which the software renderer would blend pixel by pixel. */
    int b = hv_gfx_px(g, 10);
    hv_gfx_fill(g, (SDL_Rect){r.x - b, r.y - b, r.w + 2 * b, b}, 0x000000, 150);
    hv_gfx_fill(g, (SDL_Rect){r.x - b, r.y + r.h, r.w + 2 * b, b}, 0x000000, 150);
    hv_gfx_fill(g, (SDL_Rect){r.x - b, r.y, b, r.h}, 0x000000, 150);
    hv_gfx_fill(g, (SDL_Rect){r.x + r.w, r.y, b, r.h}, 0x000000, 150);
    return hv_gui_panel(&app->gui, r, title);
}

void hv_draw_chart(hv_app *app, SDL_Rect r, const int64_t *values, int count, int64_t min,
                   int64_t max, uint32_t colour)
{
    hv_gfx *g = &app->gfx;
    if (count < 1 || r.w < 4 || r.h < 4)
        return;
    if (max <= min)
        max = min + 1;
    int thick = hv_gfx_px(g, 2) < 1 ? 1 : hv_gfx_px(g, 2);
    int px = r.x, py = 0;
    for (int i = 0; i < count; i++) {
        int x = count == 1 ? r.x + r.w / 2 : r.x + (int)((int64_t)(r.w - 1) * i / (count - 1));
        int64_t v = values[i] < min ? min : values[i] > max ? max : values[i];
        int y = r.y + r.h - 1 - (int)((v - min) * (r.h - 1) / (max - min));
        if (i > 0)
            hv_gfx_line(g, px, py, x, y, colour, thick);
        px = x;
        py = y;
    }
}

void hv_draw_sparkline(hv_app *app, SDL_Rect r, const int64_t *values, int count, uint32_t colour)
{
    hv_gfx *g = &app->gfx;
    hv_gfx_fill(g, r, 0x120c0e, 255);
    hv_gfx_frame(g, r, HV_C_BORDER);
    if (count < 1)
        return;
    int64_t lo = values[0], hi = values[0];
    for (int i = 1; i < count; i++) {
        lo = values[i] < lo ? values[i] : lo;
        hi = values[i] > hi ? values[i] : hi;
    }
    /* A flat line sits in the middle rather than on the floor, and the
     * extremes keep clear of the frame. */
    int64_t pad = (hi - lo) / 4 > 1 ? (hi - lo) / 4 : 1;
    lo -= pad;
    hi += pad;
    int dot = hv_gfx_px(g, 5) > 3 ? hv_gfx_px(g, 5) : 3;
    SDL_Rect in = hv_rect_inset(r, hv_gfx_px(g, 2) + dot / 2);
    hv_draw_chart(app, in, values, count, lo, hi, colour);
    int x = count == 1 ? in.x + in.w / 2 : in.x + in.w - 1;
    int y = in.y + in.h - 1 - (int)((values[count - 1] - lo) * (in.h - 1) / (hi - lo));
    hv_gfx_fill(g, (SDL_Rect){x - dot / 2, y - dot / 2, dot, dot}, colour, 255);
}

/* The window's words for causes; hv_cause_name gives the ids files use. */
const char *hv_cause_words(hv_cause c)
{
    static const char *const names[HV_CAUSE_COUNT] = {
        "other",       "orders",     "production",   "life support", "shortage",
        "exposure",    "recovery",   "upkeep",       "wages",        "sponsors",
        "supply ship", "power",      "construction", "weather",      "goals",
        "inequality",  "joint work", "a quiet week", "incidents",    "policies",
        "events",      "missions",   "market",       "mood",         "sponsors' agendas",
        "the work",    "the riot",   "partners",     "a sale",
    };
    return c >= 0 && c < HV_CAUSE_COUNT ? names[c] : "other";
}

void hv_format_number(int64_t v, char *buf, size_t len)
{
    char digits[32];
    int neg = v < 0;
    unsigned long long u = neg ? 0ull - (unsigned long long)v : (unsigned long long)v;
    snprintf(digits, sizeof digits, "%llu", u);
    size_t n = strlen(digits), o = 0;
    char out[48];
    if (neg)
        out[o++] = '-';
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    snprintf(buf, len, "%s", out);
}

/* ---- modules on the map ------------------------------------------------ */

/* What a module is doing, as the map shows it. The power results in a
 * module are last week's, so one built or repaired as that week ended
 * shows no power although it runs this week: the report says which. */
typedef enum module_look {
    LOOK_RUNNING,
    LOOK_BUILDING,
    LOOK_BROKEN,
    LOOK_UNPOWERED,
    LOOK_IDLE,
    LOOK_READY
} module_look;

static module_look look_of(const hv_game *game, const hv_module *m)
{
    const hv_state *s = &game->state;
    const hv_module_type *mt = &s->rules->module_types[m->type];
    if (m->status == HV_MODULE_BUILDING)
        return LOOK_BUILDING;
    if (m->broken)
        return LOOK_BROKEN;
    for (int32_t i = 0; i < game->report.count; i++) {
        const hv_event *e = &game->report.events[i];
        if ((e->kind == HV_EV_MODULE_BUILT || e->kind == HV_EV_MODULE_REPAIRED) &&
            e->subject == m->id)
            return LOOK_READY;
    }
    if (mt->crew_slots > 0 && m->crew == 0)
        return LOOK_IDLE;
    return m->powered || mt->power >= 0 ? LOOK_RUNNING : LOOK_UNPOWERED;
}

uint64_t hv_module_look_key(const hv_game *game, const hv_module *m)
{
    const hv_module_type *mt = &game->state.rules->module_types[m->type];
    module_look look = look_of(game, m);
    int32_t v[] = {m->type,
                   m->x,
                   m->y,
                   look,
                   look == LOOK_BUILDING ? m->build_left : 0,
                   mt->crew_slots > 0 && look != LOOK_BUILDING ? m->crew : 0};
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        h = (h ^ (uint32_t)v[i]) * 1099511628211ull;
    return h;
}

void hv_module_tip(const hv_game *game, const hv_module *m, char *buf, size_t len)
{
    const hv_state *s = &game->state;
    const hv_module_type *mt = &s->rules->module_types[m->type];
    size_t n = (size_t)snprintf(buf, len, "%s #%d at (%d, %d)\n", mt->name, m->id, m->x, m->y);
    int total = mt->build_turns > 0 ? mt->build_turns : 1, done = total - m->build_left;
    switch (look_of(game, m)) {
    case LOOK_BUILDING:
        n += (size_t)snprintf(buf + n, len - n,
                              "Under construction: %d of %d week%s done (%d%%), %d left.",
                              done < 0 ? 0 : done, total, total == 1 ? "" : "s",
                              (done < 0 ? 0 : done) * 100 / total, m->build_left);
        break;
    case LOOK_BROKEN:
        n += (size_t)snprintf(buf + n, len - n, "Broken: out of action for %d more week%s.",
                              m->broken, m->broken == 1 ? "" : "s");
        break;
    case LOOK_READY:
        n += (size_t)snprintf(buf + n, len - n, "Ready: it runs from this week.");
        break;
    case LOOK_IDLE:
        n += (size_t)snprintf(buf + n, len - n, "Idle: nobody works here, so it makes nothing.");
        break;
    case LOOK_UNPOWERED:
        n += (size_t)snprintf(buf + n, len - n,
                              "No power: shut down last week for want of %d kW (priority %d).",
                              -mt->power, m->priority);
        break;
    default:
        if (m->output_pm > 0)
            n += (size_t)snprintf(buf + n, len - n, "Running at %d%%.", m->output_pm / 10);
        else
            n += (size_t)snprintf(buf + n, len - n, "Running.");
        break;
    }
    if (mt->crew_slots && n < len)
        n += (size_t)snprintf(buf + n, len - n, "\nCrew %d of %d.", m->crew, mt->crew_slots);
    int32_t queued = m->priority;
    for (int32_t i = 0; i < s->order_count; i++)
        if (s->orders[i].kind == HV_ORDER_PRIORITY && s->orders[i].module == m->id)
            queued = s->orders[i].value;
    if (n < len && queued != m->priority)
        snprintf(buf + n, len - n, "\nPower priority %d, %d queued. Click to select.", m->priority,
                 queued);
    else if (n < len)
        snprintf(buf + n, len - n, "\nPower priority %d. Click to select.", m->priority);
}

void hv_draw_module(hv_app *app, const hv_module *m, SDL_Rect cell, int selected)
{
    hv_gfx *g = &app->gfx;
    const hv_state *s = &app->game->state;
    const hv_module_type *mt = &s->rules->module_types[m->type];
    char name[64];
    snprintf(name, sizeof name, "modules/%s", mt->id);
    module_look look = look_of(app->game, m);
    int badge = cell.w / 3, edge = cell.w / 16 > 2 ? cell.w / 16 : 2;
    SDL_Rect corner = {cell.x + cell.w - badge, cell.y, badge, badge};
    switch (look) {
    case LOOK_BUILDING: {
        /* A faint outline on a frame of hazard yellow, filling up along
         * the bottom as the weeks of work go by. */
        hv_gfx_image_tinted(g, name, cell, 0xfff0c0, 110);
        hv_gfx_frame(g, cell, HV_C_WARN);
        int total = mt->build_turns > 0 ? mt->build_turns : 1;
        int done = total - m->build_left < 0 ? 0 : total - m->build_left;
        SDL_Rect bar = {cell.x + 1, cell.y + cell.h - edge - 1, cell.w - 2, edge};
        hv_gfx_fill(g, bar, 0x000000, 170);
        bar.w = bar.w * done / total;
        hv_gfx_fill(g, bar, HV_C_WARN, 255);
        char weeks[8];
        snprintf(weeks, sizeof weeks, "%d", m->build_left);
        hv_gfx_fill(g, (SDL_Rect){cell.x, cell.y, badge, badge}, 0x000000, 170);
        hv_gfx_text(g, HV_FONT_SMALL, 1, cell.x + 2, cell.y, HV_C_WARN, weeks);
        break;
    }
    case LOOK_BROKEN:
        /* Scorched red, with the warning sign. */
        hv_gfx_image_tinted(g, name, cell, 0xff7a6a, 255);
        hv_gfx_frame(g, cell, HV_C_BAD);
        hv_gfx_image(g, "icons/warning", corner);
        break;
    case LOOK_UNPOWERED:
        /* Dark and cold blue: the lights are out. */
        hv_gfx_image_tinted(g, name, cell, 0x5a6a8a, 255);
        hv_gfx_image_tinted(g, "icons/power", corner, HV_C_BAD, 255);
        break;
    default:
        hv_gfx_image(g, name, cell);
        break;
    }
    if (mt->crew_slots > 0 && look != LOOK_BUILDING) {
        /* Crew pips along the bottom edge. */
        int pip = cell.w / 10 > 3 ? cell.w / 10 : 3;
        for (int k = 0; k < mt->crew_slots && k < 8; k++)
            hv_gfx_fill(g,
                        (SDL_Rect){cell.x + 2 + k * (pip + 2), cell.y + cell.h - pip - 2, pip, pip},
                        k < m->crew ? HV_C_GOOD : 0x3a3030, 255);
    }
    if (selected)
        hv_gfx_frame(g, hv_rect_inset(cell, -2), HV_C_ACCENT);
}
