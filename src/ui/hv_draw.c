/* Drawing helpers the screens share. */
#include <stdio.h>
#include <string.h>

#include "hv_app.h"

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
