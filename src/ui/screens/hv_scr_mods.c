/* The Mods screen, from New game: every mod in the mods folder in the
 * order New game lists them, each switched on or off and moved up or
 * down; a broken mod shows its first error. Changes are kept in the
 * settings at once (docs/mods.md). */
#include <stdio.h>
#include <string.h>

#include "hv_scr_menu.h"
#include "hv_widgets.h"

/* Swaps mods A and B in the list, with whether each is on. */
static void swap(hv_app *app, int a, int b)
{
    hv_mod m = app->mods[a];
    app->mods[a] = app->mods[b];
    app->mods[b] = m;
    int on = app->mod_on[a];
    app->mod_on[a] = app->mod_on[b];
    app->mod_on[b] = on;
}

/* One mod: its switch, title, version and state, and the buttons that move it. */
static void mod_row(hv_app *app, int i, SDL_Rect r, SDL_Rect clip, int *changed)
{
    hv_gfx *g = &app->gfx;
    const hv_mod *m = &app->mods[i];
    int pad = hv_gfx_px(g, 8), lh = hv_gfx_line_height(g, HV_FONT_BODY);
    int sh = hv_gfx_line_height(g, HV_FONT_SMALL), bw = hv_gfx_px(g, 40), sw = hv_gfx_px(g, 86);
    if (i % 2)
        hv_gfx_fill(g, r, 0x2a2127, 255);
    char id[HV_ID_LEN + 16], tip[600], fit[200];
    int on = app->mod_on[i];
    snprintf(id, sizeof id, "mod_switch_%s", m->id);
    snprintf(tip, sizeof tip, on ? "New game lists the levels of %s. Click to switch it off."
                                 : "%s is off: New game does not list its levels. Click to switch "
                                   "it on.",
             m->title);
    SDL_Rect b = {r.x + pad, r.y + (r.h - lh - hv_gfx_px(g, 10)) / 2, sw, lh + hv_gfx_px(g, 10)};
    if (hv_gui_clipped_button(&app->gui, id, b, clip, on ? "On" : "Off", tip,
                              on ? HV_W_SELECTED : 0)) {
        app->mod_on[i] = !on;
        *changed = 1;
    }
    int x = b.x + b.w + pad, right = r.x + r.w - pad - 2 * bw - pad;
    char title[HV_NAME_LEN + HV_MOD_VERSION_LEN + 8];
    snprintf(title, sizeof title, "%s %s", m->title, m->version);
    hv_text_fit(g, HV_FONT_BODY, 1, title, right - x, fit, sizeof fit);
    int y = r.y + (r.h - lh - sh) / 2;
    hv_gfx_text(g, HV_FONT_BODY, 1, x, y, on ? HV_C_TEXT : HV_C_DIM, fit);
    char line[600];
    if (m->broken)
        snprintf(line, sizeof line, "Cannot be used: %s", m->error);
    else if (m->depend_count)
        snprintf(line, sizeof line, "%s \xc2\xb7 needs %s%s%s", m->id, m->depends[0],
                 m->depend_count > 1 ? " and " : "", m->depend_count > 1 ? m->depends[1] : "");
    else
        snprintf(line, sizeof line, "%s \xc2\xb7 %s", m->id, m->folder);
    hv_text_fit(g, HV_FONT_SMALL, 0, line, right - x, fit, sizeof fit);
    hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lh, m->broken ? HV_C_BAD : HV_C_DIM, fit);
    snprintf(id, sizeof id, "mod_row_%s", m->id);
    hv_gui_area(&app->gui, id, (SDL_Rect){x, r.y, right - x, r.h}, line);
    SDL_Rect up = {r.x + r.w - pad - 2 * bw - hv_gfx_px(g, 4), b.y, bw, b.h};
    snprintf(id, sizeof id, "mod_up_%s", m->id);
    if (hv_gui_clipped_button(&app->gui, id, up, clip, "\xe2\x96\xb2",
                              "Earlier in New game's list.", i > 0 ? 0 : HV_W_DISABLED) &&
        i > 0) {
        swap(app, i, i - 1);
        *changed = 1;
    }
    SDL_Rect down = {r.x + r.w - pad - bw, b.y, bw, b.h};
    snprintf(id, sizeof id, "mod_down_%s", m->id);
    if (hv_gui_clipped_button(&app->gui, id, down, clip, "\xe2\x96\xbc", "Later in New game's list.",
                              i + 1 < app->mod_count ? 0 : HV_W_DISABLED) &&
        i + 1 < app->mod_count) {
        swap(app, i, i + 1);
        *changed = 1;
    }
}

void hv_screen_mods(hv_app *app)
{
    hv_gfx *g = &app->gfx;
    if (hv_menu_entered(app, HV_SCR_MODS))
        hv_app_scan_levels(app); /* the folder as it is now */
    app->gui.enabled = app->modal != HV_MODAL_ERROR;
    hv_menu_backdrop(app, 215, 0);
    int row_h = hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_line_height(g, HV_FONT_SMALL) +
                hv_gfx_px(g, 14);
    int content = app->mod_count * row_h;
    int chrome = hv_gfx_line_height(g, HV_FONT_HEAD) + hv_gfx_px(g, 12) + 2 * hv_gfx_px(g, 10);
    char sub[HV_FILE_LEN + 96];
    snprintf(sub, sizeof sub, "New game lists the mods' levels in this order. Mods live in %s.",
             app->mods_dir[0] ? app->mods_dir : "the data folder's mods/");
    SDL_Rect panel = hv_menu_page(app, 860, (content > row_h ? content : 2 * row_h) + chrome,
                                  "Mods", sub);
    SDL_Rect foot = hv_menu_footer(app, panel);
    char title[32];
    snprintf(title, sizeof title, "Mods (%d)", app->mod_count);
    SDL_Rect in = hv_gui_panel(&app->gui, panel, title);
    hv_menu_scroll(app, in, content, &app->scroll);
    int bar = content > in.h ? hv_gfx_px(g, 10) : 0, changed = 0;
    hv_gfx_clip(&app->gfx, &in);
    for (int i = 0; i < app->mod_count; i++) {
        SDL_Rect r = {in.x, in.y + i * row_h - app->scroll, in.w - bar, row_h};
        if (r.y + r.h > in.y && r.y < in.y + in.h)
            mod_row(app, i, r, in, &changed);
    }
    if (app->mod_count == 0)
        hv_gfx_text_wrap(g, HV_FONT_BODY, in.x + hv_gfx_px(g, 8), in.y + hv_gfx_px(g, 8),
                         in.w - hv_gfx_px(g, 16), HV_C_DIM,
                         "No mods yet. A mod is a folder with a mod.yaml; docs/first-mod.md "
                         "makes one step by step.",
                         1);
    hv_gfx_clip(&app->gfx, NULL);
    hv_menu_scrollbar(app, in, content, app->scroll);
    if (changed) {
        hv_app_keep_mods(app);
        hv_app_scan_levels(app);
    }

    SDL_Rect b = {foot.x, foot.y, hv_gfx_px(g, 120), foot.h};
    if (hv_gui_button(&app->gui, "mods_back", b, NULL, "Back", "Back to New game (Esc).", 0))
        app->screen = HV_SCR_PICKER;
    hv_menu_toast(app, (SDL_Rect){b.x + b.w, foot.y, foot.w - b.w, foot.h});
    hv_menu_modal(app);
}
