/* The settings screen: interface scale, fullscreen and key bindings. Every
 * change takes effect at once and is written to settings.yaml as soon as
 * it can be (a pair of actions on one key cannot be saved, so such a pair
 * is shown in red until the player settles it). */
#include <stdio.h>
#include <string.h>

#include "hv_scr_menu.h"
#include "hv_widgets.h"

static const int scales[] = {0, 100, 125, 150, 200, 250, 300};

/* Writes the settings; on failure says why in the error dialog. 0 or -1. */
static int save_settings(hv_app *app, int quiet)
{
    char err[300];
    if (app->no_saving[0])
        snprintf(err, sizeof err, "Saving is off: the data folder cannot be created.");
    else if (hv_settings_save(&app->settings, app->settings_path, err, sizeof err) == 0)
        return 0;
    if (!quiet) {
        char text[400];
        snprintf(text, sizeof text, "The settings were not saved.\n\n%s", err);
        hv_app_error(app, text);
    }
    return -1;
}

void hv_screen_settings_key(hv_app *app, int32_t key, uint32_t mods)
{
    switch (key) {
    case SDLK_UNKNOWN:
    case SDLK_LCTRL:
    case SDLK_RCTRL:
    case SDLK_LSHIFT:
    case SDLK_RSHIFT:
    case SDLK_LALT:
    case SDLK_RALT:
    case SDLK_LGUI:
    case SDLK_RGUI:
    case SDLK_MODE:
    case SDLK_CAPSLOCK:
        /* A modifier alone: keep waiting for the key it goes with (Ctrl+S). */
        return;
    default:
        break;
    }
    int action = app->rebinding;
    app->rebinding = -1;
    if (action < 0 || action >= HV_ACT_COUNT)
        return;
    const char *name = hv_action_name((hv_action)action);
    if (key == SDLK_ESCAPE) {
        hv_app_toast(app, "%s: unchanged.", name);
        return;
    }
    hv_keybind bind = {0, 0};
    if (key != SDLK_BACKSPACE && key != SDLK_DELETE) {
        /* The keypad's + and - act as = and -, so bind what will be matched. */
        bind.key = key == SDLK_KP_PLUS ? SDLK_EQUALS : key == SDLK_KP_MINUS ? SDLK_MINUS : key;
        bind.mods = mods;
        char text[64];
        hv_keybind back;
        hv_keybind_format(bind, text, sizeof text);
        if (hv_keybind_parse(text, &back) != 0 || back.key != bind.key || back.mods != bind.mods) {
            hv_app_toast(app, "That key cannot be stored in the settings; pick another.");
            return;
        }
    }
    app->settings.keys[action] = bind;
    char text[64];
    hv_keybind_format(bind, text, sizeof text);
    int other = bind.key ? hv_settings_conflict(&app->settings, (hv_action)action) : -1;
    if (other >= 0)
        hv_app_toast(app, "%s is also the key of %s: give one of them another key.", text,
                     hv_action_name((hv_action)other));
    else if (!bind.key)
        hv_app_toast(app, "%s has no key now.", name);
    else
        hv_app_toast(app, "%s: %s.", name, text);
    save_settings(app, 1);
}

static int section(hv_app *app, SDL_Rect in, int y, const char *title, const char *hint)
{
    hv_gfx *g = &app->gfx;
    hv_gfx_text(g, HV_FONT_HEAD, 1, in.x, y, HV_C_ACCENT, title);
    int tw;
    hv_gfx_text_size(g, HV_FONT_HEAD, 1, title, &tw, NULL);
    int lh = hv_gfx_line_height(g, HV_FONT_HEAD), sh = hv_gfx_line_height(g, HV_FONT_SMALL);
    if (hint) {
        char fit[200];
        int x = in.x + tw + hv_gfx_px(g, 14);
        hv_text_fit(g, HV_FONT_SMALL, 0, hint, in.x + in.w - x, fit, sizeof fit);
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lh - sh - hv_gfx_px(g, 2), HV_C_DIM, fit);
    }
    y += lh + hv_gfx_px(g, 4);
    hv_gfx_fill(g, (SDL_Rect){in.x, y, in.w, 1}, HV_C_BORDER, 255);
    return y + hv_gfx_px(g, 10);
}

/* Interface scale, fullscreen and motion; returns the y below them. */
static int display_section(hv_app *app, SDL_Rect in, SDL_Rect clip, int y)
{
    hv_gfx *g = &app->gfx;
    y = section(app, in, y, "Display", NULL);
    int lh = hv_gfx_line_height(g, HV_FONT_BODY), bh = lh + hv_gfx_px(g, 12);
    int label_w = hv_gfx_px(g, 170), bw = hv_gfx_px(g, 64), gap = hv_gfx_px(g, 6);
    int n = (int)(sizeof scales / sizeof scales[0]), buttons_w = n * (bw + gap) - gap;
    int stacked = label_w + buttons_w > in.w;
    int now = hv_app_scale(app);
    hv_gfx_text(g, HV_FONT_BODY, 0, in.x, y + (bh - lh) / 2, HV_C_TEXT, "Interface scale");
    if (stacked)
        y += lh + hv_gfx_px(g, 6);
    int x = stacked ? in.x : in.x + label_w;
    for (int i = 0; i < n; i++) {
        if (x + bw > in.x + in.w) {
            x = stacked ? in.x : in.x + label_w;
            y += bh + gap;
        }
        char id[24], label[16], tip[160];
        if (scales[i]) {
            snprintf(id, sizeof id, "scale_%d", scales[i]);
            snprintf(label, sizeof label, "%d%%", scales[i]);
            snprintf(tip, sizeof tip, "Draw text and controls at %d%% of their normal size.",
                     scales[i]);
        } else {
            snprintf(id, sizeof id, "scale_auto");
            snprintf(label, sizeof label, "Auto");
            snprintf(tip, sizeof tip, "Follow the display's pixel density.");
        }
        int picked = app->settings.ui_scale == scales[i] && !app->opt.scale;
        int fits = scales[i] <= hv_app_scale_fit(app);
        if (!fits)
            snprintf(tip, sizeof tip, "%d%% needs a window of at least %d x %d pixels.", scales[i],
                     HV_LAYOUT_W * scales[i] / 100, HV_LAYOUT_H * scales[i] / 100);
        if (hv_gui_clipped_button(&app->gui, id, (SDL_Rect){x, y, bw, bh}, clip, label, tip,
                           (picked ? HV_W_SELECTED : 0) | (fits ? 0 : HV_W_DISABLED))) {
            /* The player's choice from now on wins over a --scale given at start. */
            app->settings.ui_scale = scales[i];
            app->opt.scale = 0;
            hv_gfx_set_scale(&app->gfx, hv_app_scale(app));
            save_settings(app, 1);
        }
        x += bw + gap;
    }
    y += bh + hv_gfx_px(g, 4);
    char note[160];
    if (app->opt.scale)
        snprintf(note, sizeof note, "Now %d%%, as given on the command line.", now);
    else if (!app->settings.ui_scale)
        snprintf(note, sizeof note, "Auto follows the display: %d%% here.", now);
    else
        snprintf(note, sizeof note, "Now %d%%.", now);
    hv_gfx_text(g, HV_FONT_SMALL, 0, stacked ? in.x : in.x + label_w, y, HV_C_DIM, note);
    y += hv_gfx_line_height(g, HV_FONT_SMALL) + hv_gfx_px(g, 12);

    hv_gfx_text(g, HV_FONT_BODY, 0, in.x, y + (bh - lh) / 2, HV_C_TEXT, "Fullscreen");
    int on = app->settings.fullscreen != 0;
    SDL_Rect r = {stacked ? in.x + hv_gfx_px(g, 110) : in.x + label_w, y, bw * 2, bh};
    if (hv_gui_clipped_button(&app->gui, "settings_fullscreen", r, clip, on ? "On" : "Off",
                       on ? "The game fills the screen. Click for a window."
                          : "The game runs in a window. Click to fill the screen.",
                       on ? HV_W_SELECTED : 0)) {
        on = !on;
        if (SDL_SetWindowFullscreen(app->win, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0) != 0)
            hv_app_toast(app, "The window could not change: %s", SDL_GetError());
        app->settings.fullscreen = on;
        save_settings(app, 1);
    }
    y += bh + hv_gfx_px(g, 8);
    hv_gfx_text(g, HV_FONT_BODY, 0, in.x, y + (bh - lh) / 2, HV_C_TEXT, "Reduce motion");
    on = app->settings.reduce_motion != 0;
    r.y = y;
    if (hv_gui_clipped_button(&app->gui, "settings_reduce_motion", r, clip, on ? "On" : "Off",
                       on ? "The map stands still: nobody walks, the dust does not drift and the "
                            "light does not change with the hour. Click to let it move."
                          : "People walk the corridors, dust drifts and the light follows the "
                            "day. Click to keep the map still.",
                       on ? HV_W_SELECTED : 0)) {
        app->settings.reduce_motion = !on;
        save_settings(app, 1);
    }
    return y + bh + hv_gfx_px(g, 22);
}

/* One action: its name, its key, and what it clashes with. */
static void key_row(hv_app *app, int action, SDL_Rect row, SDL_Rect clip)
{
    hv_gfx *g = &app->gfx;
    const char *name = hv_action_name((hv_action)action);
    int other = hv_settings_conflict(&app->settings, (hv_action)action);
    int waiting = app->rebinding == action;
    int lh = hv_gfx_line_height(g, HV_FONT_BODY), bh = lh + hv_gfx_px(g, 8);
    int kw = row.w * 45 / 100 < hv_gfx_px(g, 200) ? row.w * 45 / 100 : hv_gfx_px(g, 200);
    int gap = hv_gfx_px(g, 10);
    char key[64], label[96], tip[HV_TIP_LEN], fit[128];
    hv_keybind_format(app->settings.keys[action], key, sizeof key);
    hv_text_fit(g, HV_FONT_BODY, 0, name, row.w - kw - gap, fit, sizeof fit);
    int ty = row.y + (bh - lh) / 2 + hv_gfx_px(g, 2);
    hv_gfx_text(g, HV_FONT_BODY, 0, row.x, ty, other >= 0 ? HV_C_BAD : HV_C_TEXT, fit);
    if (other >= 0) {
        char also[128];
        snprintf(also, sizeof also, "also used by %s", hv_action_name((hv_action)other));
        hv_text_fit(g, HV_FONT_SMALL, 0, also, row.w - kw - gap, fit, sizeof fit);
        hv_gfx_text(g, HV_FONT_SMALL, 0, row.x, ty + lh, HV_C_BAD, fit);
    }
    if (waiting) {
        int w;
        snprintf(label, sizeof label, "Press a key\xe2\x80\xa6 (Esc cancels)");
        hv_gfx_text_size(g, HV_FONT_BODY, 0, label, &w, NULL);
        if (w > kw - hv_gfx_px(g, 12))
            snprintf(label, sizeof label, "Press a key\xe2\x80\xa6");
        snprintf(tip, sizeof tip,
                 "Press the new key for %s, with Ctrl, Shift or Alt if you like.\nEsc cancels; "
                 "Backspace or Delete leaves it without a key. Click again to cancel.",
                 name);
    } else {
        snprintf(label, sizeof label, "%s", key);
        size_t n =
            (size_t)snprintf(tip, sizeof tip, "%s: %s. Click, then press the new key.", name, key);
        if (other >= 0)
            snprintf(tip + n, sizeof tip - n,
                     "\n%s is also the key of %s: only one of them can have it, and the settings "
                     "cannot be saved until one changes.",
                     key, hv_action_name((hv_action)other));
    }
    char id[HV_GUI_ID_LEN];
    snprintf(id, sizeof id, "bind_%s", hv_action_id((hv_action)action));
    SDL_Rect r = {row.x + row.w - kw, row.y + hv_gfx_px(g, 2), kw, bh};
    int flags = waiting ? HV_W_SELECTED : other >= 0 ? HV_W_DANGER : 0;
    if (hv_gui_clipped_button(&app->gui, id, r, clip, label, tip, flags))
        app->rebinding = waiting ? -1 : action;
}

/* The bindings, in two columns when there is room; returns the y below. */
static int keys_section(hv_app *app, SDL_Rect in, SDL_Rect clip, int y)
{
    hv_gfx *g = &app->gfx;
    y = section(app, in, y, "Keys",
                "Click a key, then press the new one. Esc cancels, Backspace clears.");
    int cols = in.w >= hv_gfx_px(g, 680) ? 2 : 1, colgap = hv_gfx_px(g, 36);
    int col_w = (in.w - (cols - 1) * colgap) / cols;
    int rows = (HV_ACT_COUNT + cols - 1) / cols;
    int lh = hv_gfx_line_height(g, HV_FONT_BODY), sh = hv_gfx_line_height(g, HV_FONT_SMALL);
    int base = lh + hv_gfx_px(g, 12);
    for (int k = 0; k < rows; k++) {
        int h = base;
        for (int c = 0; c < cols; c++) {
            int a = c * rows + k;
            if (a < HV_ACT_COUNT && hv_settings_conflict(&app->settings, (hv_action)a) >= 0)
                h = base + sh;
        }
        for (int c = 0; c < cols; c++) {
            int a = c * rows + k;
            if (a < HV_ACT_COUNT)
                key_row(app, a, (SDL_Rect){in.x + c * (col_w + colgap), y, col_w, h}, clip);
        }
        y += h;
        if (k + 1 < rows)
            hv_gfx_fill(g, (SDL_Rect){in.x, y - hv_gfx_px(g, 2), in.w, 1}, HV_C_BORDER, 90);
    }
    return y;
}

void hv_screen_settings(hv_app *app)
{
    hv_gfx *g = &app->gfx;
    if (hv_menu_entered(app, HV_SCR_SETTINGS)) {
        app->rebinding = -1;
        app->views.settings_height = 0;
    }
    app->gui.enabled = app->modal != HV_MODAL_ERROR;
    hv_menu_backdrop(app, 215, 0);
    /* As tall as what it holds (measured last frame), or the window allows. */
    int pad = hv_gfx_px(g, 10);
    SDL_Rect panel =
        hv_menu_page(app, 940, app->views.settings_height > 0 ? app->views.settings_height + 2 * pad : 0, "Settings",
                     "Changes take effect at once and are kept for the next time you play.");
    SDL_Rect foot = hv_menu_footer(app, panel);
    SDL_Rect clip = hv_gui_panel(&app->gui, panel, NULL);
    hv_menu_scroll(app, clip, app->views.settings_height, &app->scroll);
    int bar = app->views.settings_height > clip.h ? hv_gfx_px(g, 14) : 0;
    SDL_Rect in = {clip.x + hv_gfx_px(g, 6), clip.y, clip.w - hv_gfx_px(g, 12) - bar, clip.h};
    hv_gfx_clip(&app->gfx, &clip);
    int y = in.y + hv_gfx_px(g, 6) - app->scroll;
    y = display_section(app, in, clip, y);
    y = hv_settings_sound_section(app, in, clip, y);
    y = keys_section(app, in, clip, y);
    hv_gfx_clip(&app->gfx, NULL);
    app->views.settings_height = y + app->scroll + hv_gfx_px(g, 6) - in.y;
    hv_menu_scrollbar(app, clip, app->views.settings_height, app->scroll);

    SDL_Rect b = {foot.x, foot.y, hv_gfx_px(g, 120), foot.h};
    const char *where = app->game ? "the game" : "the title screen";
    char tip[160];
    snprintf(tip, sizeof tip, "Save the settings and go back to %s.", where);
    if (hv_gui_button(&app->gui, "settings_back", b, NULL, "Back", tip, 0) &&
        save_settings(app, 0) == 0)
        hv_menu_leave(app);
    SDL_Rect d = {b.x + b.w + hv_gfx_px(g, 10), foot.y, hv_gfx_px(g, 200), foot.h};
    if (hv_gui_button(&app->gui, "settings_defaults", d, NULL, "Default keys",
                      "Put every key back as it came: Space ends the week, Esc opens the menu, "
                      "F1 help, and so on.",
                      0)) {
        hv_settings defaults;
        hv_settings_defaults(&defaults);
        memcpy(app->settings.keys, defaults.keys, sizeof defaults.keys);
        app->rebinding = -1;
        save_settings(app, 1);
        hv_app_toast(app, "Every key is back as it came.");
    }
    SDL_Rect s = {foot.x + foot.w - hv_gfx_px(g, 150), foot.y, hv_gfx_px(g, 150), foot.h};
    if (hv_gui_button(&app->gui, "settings_save", s, NULL, "Save", tip, HV_W_PRIMARY) &&
        save_settings(app, 0) == 0) {
        hv_app_toast(app, "Settings saved.");
        hv_menu_leave(app);
    }
    hv_menu_toast(app, (SDL_Rect){d.x + d.w, foot.y, s.x - d.x - d.w, foot.h});
    hv_menu_modal(app);
}
