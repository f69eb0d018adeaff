/* The sound part of the settings screen: effects and ambience volumes in
 * steps of ten, and a mute switch. Changes are heard at once (the mixer
 * follows the settings every frame) and written to settings.yaml. */
#include <stdio.h>

#include "hv_scr_menu.h"
#include "hv_widgets.h"

#define STEP 10

/* Written quietly: the Back and Save buttons say it if saving fails. */
static void keep(hv_app *app)
{
    char err[300];
    if (!app->no_saving[0])
        hv_settings_save(&app->settings, app->settings_path, err, sizeof err);
}

/* One volume: its name, - and + buttons around the percentage. */
static int volume_row(hv_app *app, SDL_Rect in, SDL_Rect clip, int y, const char *what,
                      const char *name, const char *about, int32_t *volume)
{
    hv_gfx *g = &app->gfx;
    int lh = hv_gfx_line_height(g, HV_FONT_BODY), bh = lh + hv_gfx_px(g, 12);
    int label_w = hv_gfx_px(g, 170), bw = hv_gfx_px(g, 44), vw = hv_gfx_px(g, 70);
    if (label_w + 2 * bw + vw > in.w)
        label_w = in.w - 2 * bw - vw > 0 ? in.w - 2 * bw - vw : 0;
    char fit[96], id[48], tip[200], value[16];
    hv_text_fit(g, HV_FONT_BODY, 0, name, label_w - hv_gfx_px(g, 6), fit, sizeof fit);
    hv_gfx_text(g, HV_FONT_BODY, 0, in.x, y + (bh - lh) / 2, HV_C_TEXT, fit);
    int x = in.x + label_w, muted = app->settings.mute;
    snprintf(id, sizeof id, "settings_%s_down", what);
    snprintf(tip, sizeof tip, "Quieter %s.", about);
    if (hv_gui_clipped_button(&app->gui, id, (SDL_Rect){x, y, bw, bh}, clip, "\xe2\x88\x92", tip,
               *volume > 0 ? 0 : HV_W_DISABLED) &&
        *volume > 0) {
        *volume = *volume - STEP < 0 ? 0 : *volume - STEP;
        keep(app);
    }
    snprintf(value, sizeof value, "%d%%", (int)*volume);
    int tw;
    hv_gfx_text_size(g, HV_FONT_BODY, 0, value, &tw, NULL);
    hv_gfx_text(g, HV_FONT_BODY, 0, x + bw + (vw - tw) / 2, y + (bh - lh) / 2,
                muted || !*volume ? HV_C_DIM : HV_C_TEXT, value);
    snprintf(id, sizeof id, "settings_%s_up", what);
    snprintf(tip, sizeof tip, "Louder %s.", about);
    if (hv_gui_clipped_button(&app->gui, id, (SDL_Rect){x + bw + vw, y, bw, bh}, clip, "+", tip,
               *volume < 100 ? 0 : HV_W_DISABLED) &&
        *volume < 100) {
        *volume = *volume + STEP > 100 ? 100 : *volume + STEP;
        keep(app);
    }
    return y + bh + hv_gfx_px(g, 6);
}

int hv_settings_sound_section(hv_app *app, SDL_Rect in, SDL_Rect clip, int y)
{
    hv_gfx *g = &app->gfx;
    /* The heading as the page's other sections draw theirs. */
    hv_gfx_text(g, HV_FONT_HEAD, 1, in.x, y, HV_C_ACCENT, "Sound");
    y += hv_gfx_line_height(g, HV_FONT_HEAD) + hv_gfx_px(g, 4);
    hv_gfx_fill(g, (SDL_Rect){in.x, y, in.w, 1}, HV_C_BORDER, 255);
    y += hv_gfx_px(g, 10);

    hv_settings *s = &app->settings;
    y = volume_row(app, in, clip, y, "effects", "Effects", "clicks, chimes and alerts",
                   &s->effects_volume);
    y = volume_row(app, in, clip, y, "ambience", "Ambience", "wind and machinery",
                   &s->ambience_volume);

    int lh = hv_gfx_line_height(g, HV_FONT_BODY), bh = lh + hv_gfx_px(g, 12);
    int label_w = hv_gfx_px(g, 170), bw = hv_gfx_px(g, 128);
    if (label_w + bw > in.w)
        label_w = in.w - bw > 0 ? in.w - bw : 0;
    hv_gfx_text(g, HV_FONT_BODY, 0, in.x, y + (bh - lh) / 2, HV_C_TEXT, "Mute");
    int on = s->mute != 0;
    if (hv_gui_clipped_button(&app->gui, "settings_mute", (SDL_Rect){in.x + label_w, y, bw, bh}, clip,
               on ? "Muted" : "Sound on",
               on ? "No sound at all. Click to hear the base again."
                  : "Click to silence every sound, effects and ambience alike.",
               on ? HV_W_SELECTED : 0)) {
        s->mute = !on;
        keep(app);
    }
    return y + bh + hv_gfx_px(g, 22);
}
