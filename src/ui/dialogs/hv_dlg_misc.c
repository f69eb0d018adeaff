/* The smaller dialogs over the base view: help (keys, mouse and how a
 * week is played), the in-game menu, the save slots and error messages.
 * Like every screen, they only call hv_app_*; they never change the game
 * themselves. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "hv_dialog.h"
#include "hv_scr_menu.h"
#include "hv_widgets.h"

/* ---- help --------------------------------------------------------------- */

/* A key drawn as a keycap at (X, Y), at most MAXW wide; returns its width. */
static int keycap(hv_gfx *g, int x, int y, const char *label, int maxw, int draw)
{
    int tw, th, pad = hv_gfx_px(g, 7);
    char text[64];
    hv_text_fit(g, HV_FONT_SMALL, 1, label, maxw - 2 * pad, text, sizeof text);
    hv_gfx_text_size(g, HV_FONT_SMALL, 1, text, &tw, &th);
    if (draw) {
        SDL_Rect r = {x, y, tw + 2 * pad, th + hv_gfx_px(g, 3)};
        hv_gfx_fill(g, r, HV_C_PANEL_HI, 255);
        hv_gfx_fill(g, (SDL_Rect){r.x, r.y + r.h - hv_gfx_px(g, 2), r.w, hv_gfx_px(g, 2)}, 0x120c0e,
                    255);
        hv_gfx_frame(g, r, HV_C_BORDER);
        hv_gfx_text(g, HV_FONT_SMALL, 1, x + pad, y + hv_gfx_px(g, 1), HV_C_TEXT, text);
    }
    return tw + 2 * pad;
}

static int help_keys(hv_app *app, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    int top = y, lh = hv_gfx_line_height(g, HV_FONT_BODY), row = lh + hv_gfx_px(g, 3);
    y += hv_small_heading(g, x, y, "Keyboard", 6, draw);
    for (int a = 0; a < HV_ACT_COUNT; a++) {
        if (draw) {
            char key[48];
            hv_keybind_format(app->settings.keys[a], key, sizeof key);
            int kw = keycap(g, 0, 0, key, w / 2, 0);
            keycap(g, x + w - kw, y + (lh - hv_gfx_line_height(g, HV_FONT_SMALL)) / 2, key, w / 2,
                   1);
            char name[80];
            hv_text_fit(g, HV_FONT_BODY, 0, hv_action_name((hv_action)a), w - kw - hv_gfx_px(g, 10),
                        name, sizeof name);
            hv_gfx_text(g, HV_FONT_BODY, 0, x, y, HV_C_TEXT, name);
            if (a % 2 == 0)
                hv_gfx_fill(
                    g,
                    (SDL_Rect){x - hv_gfx_px(g, 4), y - hv_gfx_px(g, 2), w + hv_gfx_px(g, 8), row},
                    0xffffff, 8);
        }
        y += row;
    }
    y += hv_gfx_px(g, 4);
    y += hv_dlg_wrap(g, HV_FONT_SMALL, 0, x, y, w, HV_C_DIM,
                     "In an event, 1 to 9 pick a choice. In the menus, Up, Down and Tab move, "
                     "Enter or Space picks and Esc goes back. Any key can be changed in "
                     "Settings, from the menu.",
                     draw);
    return y - top;
}

static int help_guide(hv_app *app, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    const hv_keybind *k = app->settings.keys;
    int top = y, gap = hv_gfx_px(g, 10);
    char pan[96], a[24], b[24], c[24], d[24], e[24];
    hv_keybind_format(k[HV_ACT_PAN_LEFT], a, sizeof a);
    hv_keybind_format(k[HV_ACT_PAN_RIGHT], b, sizeof b);
    hv_keybind_format(k[HV_ACT_PAN_UP], c, sizeof c);
    hv_keybind_format(k[HV_ACT_PAN_DOWN], d, sizeof d);
    if (strcmp(a, "Left") == 0 && strcmp(b, "Right") == 0 && strcmp(c, "Up") == 0 &&
        strcmp(d, "Down") == 0)
        snprintf(pan, sizeof pan, "Arrow keys");
    else
        snprintf(pan, sizeof pan, "%s/%s/%s/%s", a, b, c, d);
    const char *const mouse[][2] = {
        {"Left click", "Select a module or a person; place the module being built."},
        {"Right click", "Cancel build mode and the selection."},
        {"Wheel", "Zoom the map in and out; scroll long lists."},
        {pan, "Pan the map."},
        {"Hover", "Rest the pointer on anything for its details and causes."},
    };
    y += hv_small_heading(g, x, y, "Mouse", 6, draw);
    int lw = 0;
    for (size_t i = 0; i < sizeof mouse / sizeof mouse[0]; i++) {
        int kw = keycap(g, 0, 0, mouse[i][0], w / 3, 0);
        lw = kw > lw ? kw : lw;
    }
    for (size_t i = 0; i < sizeof mouse / sizeof mouse[0]; i++) {
        if (draw)
            keycap(g, x, y + hv_gfx_px(g, 1), mouse[i][0], lw, 1);
        int h = hv_dlg_wrap(g, HV_FONT_BODY, 0, x + lw + gap, y, w - lw - gap, HV_C_TEXT,
                            mouse[i][1], draw);
        y += h + hv_gfx_px(g, 5);
    }
    y += hv_gfx_px(g, 12);
    y += hv_small_heading(g, x, y, "A week at Happy Valley", 6, draw);
    char steps[4][400];
    hv_keybind_format(k[HV_ACT_BUILD], a, sizeof a);
    hv_keybind_format(k[HV_ACT_CREW], b, sizeof b);
    hv_keybind_format(k[HV_ACT_POLICIES], c, sizeof c);
    hv_keybind_format(k[HV_ACT_ASTEROIDS], d, sizeof d);
    hv_keybind_format(k[HV_ACT_UNDO], e, sizeof e);
    snprintf(steps[0], sizeof steps[0],
             "Read the base. The top bar shows every stock and how it moved last week; the "
             "report and the charts say why.");
    snprintf(steps[1], sizeof steps[1],
             "Give orders: build (%s), assign crew (%s), set policies (%s), launch missions "
             "(%s). Orders wait in a queue until the week ends; %s drops the last one.",
             a, b, c, d, e);
    hv_keybind_format(k[HV_ACT_END_TURN], a, sizeof a);
    snprintf(steps[2], sizeof steps[2],
             "End the week (%s). Your orders apply first, then power, production, life support, "
             "building, missions, trade, the mood of the crew and the news play out in turn.",
             a);
    snprintf(steps[3], sizeof steps[3],
             "Answer events. When news needs a decision, pick one of the choices; each says what "
             "it will do, and it is carried out as the next week ends.");
    int badge = hv_gfx_line_height(g, HV_FONT_BODY);
    for (int i = 0; i < 4; i++) {
        if (draw) {
            char num[4];
            int nw, nh;
            snprintf(num, sizeof num, "%d", i + 1);
            SDL_Rect r = {x, y, badge, badge};
            hv_gfx_fill(g, r, 0x120c0e, 255);
            hv_gfx_frame(g, r, HV_C_ACCENT);
            hv_gfx_text_size(g, HV_FONT_SMALL, 1, num, &nw, &nh);
            hv_gfx_text(g, HV_FONT_SMALL, 1, r.x + (r.w - nw) / 2, r.y + (r.h - nh) / 2,
                        HV_C_ACCENT, num);
        }
        int h = hv_dlg_wrap(g, HV_FONT_BODY, 0, x + badge + gap, y, w - badge - gap, HV_C_TEXT,
                            steps[i], draw);
        y += h + hv_gfx_px(g, 8);
    }
    return y - top;
}

static int help_body(hv_app *app, void *ctx, int x, int y, int w, int draw)
{
    (void)ctx;
    hv_gfx *g = &app->gfx;
    int gap = hv_gfx_px(g, 36);
    if (w >= hv_gfx_px(g, 640)) {
        int left = (w - gap) * 40 / 100;
        int hl = help_keys(app, x, y, left, draw);
        int hr = help_guide(app, x + left + gap, y, w - left - gap, draw);
        if (draw)
            hv_gfx_fill(g, (SDL_Rect){x + left + gap / 2, y, 1, hl > hr ? hl : hr}, HV_C_BORDER,
                        255);
        return hl > hr ? hl : hr;
    }
    int h = help_guide(app, x, y, w, draw) + hv_gfx_px(g, 16);
    return h + help_keys(app, x, y + h, w, draw);
}

void hv_dialog_help(hv_app *app)
{
    hv_dlg_just_opened(app);
    hv_gfx *g = &app->gfx;
    int bh = hv_gfx_px(g, HV_DLG_FOOT);
    hv_dlg_head head = {"icons/help", "Help", "Keys, mouse and how a week is played", HV_C_TEXT, 0};
    hv_dlg_frame d = hv_dlg_show(app, 900, bh, head, "help_body", help_body, NULL);
    char key[32], tip[96];
    hv_keybind_format(app->settings.keys[HV_ACT_HELP], key, sizeof key);
    snprintf(tip, sizeof tip, "Close help and go back to the game (%s or Esc).", key);
    int w = hv_dlg_button_width(g, NULL, "Close");
    if (hv_gui_button(&app->gui, "help_close", (SDL_Rect){d.foot.x + d.foot.w - w, d.foot.y, w, bh},
                      NULL, "Close", tip, HV_W_PRIMARY))
        app->modal = HV_MODAL_NONE;
}

/* ---- the in-game menu --------------------------------------------------- */

void hv_dialog_menu(hv_app *app)
{
    hv_dlg_just_opened(app);
    hv_gfx *g = &app->gfx;
    if (!app->game) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    enum { RESUME, SAVE, LOAD, SETTINGS, MAIN, QUIT, ITEMS };
    char key_save[32], key_load[32], key_menu[32], tip[ITEMS][240];
    hv_keybind_format(app->settings.keys[HV_ACT_SAVE], key_save, sizeof key_save);
    hv_keybind_format(app->settings.keys[HV_ACT_LOAD], key_load, sizeof key_load);
    hv_keybind_format(app->settings.keys[HV_ACT_MENU], key_menu, sizeof key_menu);
    snprintf(tip[RESUME], sizeof tip[RESUME], "Back to the base (%s).", key_menu);
    snprintf(tip[SAVE], sizeof tip[SAVE],
             "Save this game to one of %d slots. %s saves to slot 1 at once.", HV_SAVE_SLOTS,
             key_save);
    snprintf(tip[LOAD], sizeof tip[LOAD],
             "Pick a saved game to load (%s). Orders queued this week are lost unless saved.",
             key_load);
    snprintf(tip[SETTINGS], sizeof tip[SETTINGS], "UI scale, window and key bindings.");
    snprintf(tip[MAIN], sizeof tip[MAIN],
             "Leave this game for the main menu. Every week played is in the autosave; orders "
             "queued this week are not, so you are asked first.");
    snprintf(tip[QUIT], sizeof tip[QUIT],
             "Close Happy Valley. Every week played is in the autosave; orders queued this week "
             "are not, so you are asked first.");
    static const struct {
        const char *id, *icon, *label;
        int flags;
    } items[ITEMS] = {
        {"menu_resume", "icons/end_turn", "Resume", HV_W_PRIMARY},
        {"menu_save", "icons/save", "Save game", 0},
        {"menu_load", "icons/load", "Load game", 0},
        {"menu_settings", "icons/settings", "Settings", 0},
        {"menu_main", "icons/menu", "Main menu", 0},
        {"menu_quit", "icons/close", "Quit to desktop", HV_W_DANGER},
    };
    /* Buttons as tall as the window allows, up to the usual size. */
    int gap = hv_gfx_px(g, 8), group = hv_gfx_px(g, 14), bh = hv_gfx_px(g, 42);
    int room = g->h - 20 - hv_gfx_px(g, 30 + 20 + 36) - hv_gfx_line_height(g, HV_FONT_HEAD) -
               hv_gfx_line_height(g, HV_FONT_SMALL);
    int fixed = (ITEMS - 1) * gap + 2 * group;
    if (ITEMS * bh + fixed > room)
        bh = (room - fixed) / ITEMS;
    if (bh < hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_px(g, 4))
        bh = hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_px(g, 4);
    char sub[160];
    snprintf(sub, sizeof sub, "%s  \xc2\xb7  week %d", app->game->level->title,
             app->game->state.turn + 1);
    hv_dlg_frame d = hv_dlg_open(app, 400, ITEMS * bh + fixed, 0,
                                 (hv_dlg_head){"icons/menu", "Menu", sub, HV_C_TEXT, 0});
    int y = d.body.y, picked = -1;
    hv_gui_nav_begin(&app->gui, "game_menu");
    for (int i = 0; i < ITEMS; i++) {
        SDL_Rect r = {d.body.x, y, d.body.w, bh};
        if (hv_gui_button(&app->gui, items[i].id, r, items[i].icon, items[i].label, tip[i],
                          items[i].flags))
            picked = i;
        y += bh + gap + (i == RESUME || i == SETTINGS ? group : 0);
    }
    hv_gui_nav_end(&app->gui);
    switch (picked) {
    case RESUME:
        app->modal = HV_MODAL_NONE;
        break;
    case SAVE:
        app->modal = HV_MODAL_SAVE;
        break;
    case LOAD:
        app->modal = HV_MODAL_NONE;
        app->screen = HV_SCR_LOAD;
        break;
    case SETTINGS:
        app->modal = HV_MODAL_NONE;
        app->screen = HV_SCR_SETTINGS;
        break;
    case MAIN:
        hv_app_leave(app, HV_CONFIRM_MAIN_MENU);
        break;
    case QUIT:
        hv_app_leave(app, HV_CONFIRM_QUIT);
        break;
    default:
        break;
    }
}

/* ---- saving to a slot --------------------------------------------------- */

/* The slots' headers, read when the dialog opens rather than every frame. */
static hv_slot_info slots[HV_SAVE_SLOTS + 1];

static int slot_card_height(hv_gfx *g)
{
    return 2 * hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_line_height(g, HV_FONT_SMALL) +
           2 * hv_gfx_px(g, 10);
}

static int slot_columns(hv_gfx *g, int w)
{
    int gap = hv_gfx_px(g, 10);
    return w >= 3 * hv_gfx_px(g, 170) + 2 * gap ? 3 : w >= 2 * hv_gfx_px(g, 170) + gap ? 2 : 1;
}

/* One slot's card; returns 1 when clicked. */
static int slot_card(hv_app *app, int slot, SDL_Rect r)
{
    hv_gfx *g = &app->gfx;
    const hv_save_info *info = &slots[slot].info;
    int kind = slots[slot].state, pad = hv_gfx_px(g, 10);
    char id[24], tip[HV_TIP_LEN], line[160], when[40] = "";
    snprintf(id, sizeof id, "save_slot_%d", slot);
    if (kind == HV_SLOT_OK && info->saved_at > 0) {
        time_t t = (time_t)info->saved_at;
        struct tm tm;
        if (localtime_r(&t, &tm))
            strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    }
    if (kind == HV_SLOT_EMPTY)
        snprintf(tip, sizeof tip, "Save this game to slot %d (empty).", slot);
    else if (kind == HV_SLOT_DAMAGED)
        snprintf(tip, sizeof tip,
                 "Slot %d holds a save that cannot be read. Saving here replaces it; the old file "
                 "is kept as a backup.",
                 slot);
    else
        snprintf(tip, sizeof tip,
                 "Save this game to slot %d, over %s, week %d%s%s.\nThe old save is kept as a "
                 "backup.",
                 slot, info->title, info->week + 1, when[0] ? ", saved " : "", when);
    SDL_Rect vis = hv_dlg_visible(r);
    int clicked = vis.w > 0 && vis.h > 0 && hv_gui_button(&app->gui, id, vis, NULL, NULL, tip, 0);
    int x = r.x + pad, w = r.w - 2 * pad, y = r.y + pad;
    int lb = hv_gfx_line_height(g, HV_FONT_BODY), ww = 0;
    snprintf(line, sizeof line, "Slot %d", slot);
    hv_gfx_text(g, HV_FONT_BODY, 1, x, y, HV_C_ACCENT, line);
    if (when[0]) {
        hv_gfx_text_size(g, HV_FONT_SMALL, 0, when, &ww, NULL);
        hv_gfx_text(g, HV_FONT_SMALL, 0, x + w - ww,
                    y + (lb - hv_gfx_line_height(g, HV_FONT_SMALL)), HV_C_DIM, when);
    }
    y += lb;
    if (kind == HV_SLOT_OK) {
        hv_text_fit(g, HV_FONT_BODY, 0, info->title, w, line, sizeof line);
        hv_gfx_text(g, HV_FONT_BODY, 0, x, y, HV_C_TEXT, line);
        snprintf(line, sizeof line, "Week %d%s", info->week + 1,
                 info->play_on ? "  \xc2\xb7  played on after the end" : "");
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lb, HV_C_DIM, line);
    } else {
        hv_gfx_text(g, HV_FONT_BODY, 0, x, y, kind == HV_SLOT_DAMAGED ? HV_C_BAD : HV_C_DIM,
                    kind == HV_SLOT_DAMAGED ? "Unreadable save" : "Empty");
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lb, HV_C_DIM,
                    kind == HV_SLOT_DAMAGED ? "Saving here replaces it" : "Click to save here");
    }
    return clicked;
}

/* The slots' cards in as many columns as fit; the slot clicked goes in
 * *CTX (an int). */
static int save_body(hv_app *app, void *ctx, int x, int y, int w, int draw)
{
    hv_gfx *g = &app->gfx;
    int gap = hv_gfx_px(g, 10), cols = slot_columns(g, w), card = slot_card_height(g);
    int rows = (HV_SAVE_SLOTS + cols - 1) / cols, cwid = (w - (cols - 1) * gap) / cols;
    for (int i = 0; i < HV_SAVE_SLOTS && draw; i++) {
        SDL_Rect r = {x + (i % cols) * (cwid + gap), y + (i / cols) * (card + gap), cwid, card};
        if (slot_card(app, i + 1, r))
            *(int *)ctx = i + 1;
    }
    return rows * card + (rows - 1) * gap;
}

void hv_dialog_save(hv_app *app)
{
    int fresh = hv_dlg_just_opened(app);
    hv_gfx *g = &app->gfx;
    if (!app->game) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    if (fresh)
        for (int i = 1; i <= HV_SAVE_SLOTS; i++)
            hv_menu_read_slot(app, i, &slots[i]);
    int bh = hv_gfx_px(g, HV_DLG_FOOT), picked = 0;
    hv_dlg_head head = {"icons/save", "Save game", "Pick a slot; a save already there is replaced",
                        HV_C_TEXT, 0};
    hv_dlg_frame d = hv_dlg_show(app, 780, bh, head, "save_body", save_body, &picked);
    char key[32], hint[160], fitted[160];
    hv_keybind_format(app->settings.keys[HV_ACT_SAVE], key, sizeof key);
    int w = hv_dlg_button_width(g, NULL, "Cancel");
    SDL_Rect cr = {d.foot.x + d.foot.w - w, d.foot.y, w, bh};
    snprintf(hint, sizeof hint, "%s saves to slot 1 at once, without this dialog.", key);
    hv_text_fit(g, HV_FONT_SMALL, 0, hint, cr.x - d.foot.x - hv_gfx_px(g, 12), fitted,
                sizeof fitted);
    hv_gfx_text(g, HV_FONT_SMALL, 0, d.foot.x,
                d.foot.y + (bh - hv_gfx_line_height(g, HV_FONT_SMALL)) / 2, HV_C_DIM, fitted);
    if (hv_gui_button(&app->gui, "save_cancel", cr, NULL, "Cancel", "Close without saving (Esc).",
                      0)) {
        app->modal = HV_MODAL_NONE;
        return;
    }
    /* A failed save opens the error dialog itself; leave that up. */
    if (picked && hv_app_save_slot(app, picked) == 0)
        app->modal = HV_MODAL_NONE;
}

/* ---- errors ------------------------------------------------------------- */

/* The first line says what went wrong; the rest (FILE:LINE:COL lines, a
 * reason) goes in a box below it. */
static int error_body(hv_app *app, void *ctx, int x, int y, int w, int draw)
{
    (void)ctx;
    hv_gfx *g = &app->gfx;
    int top = y, pad = hv_gfx_px(g, 10);
    char first[600];
    const char *nl = strchr(app->error, '\n');
    size_t n = nl ? (size_t)(nl - app->error) : strlen(app->error);
    if (n >= sizeof first)
        n = sizeof first - 1;
    memcpy(first, app->error, n);
    first[n] = '\0';
    const char *rest = nl ? nl : "";
    while (*rest == '\n' || *rest == ' ')
        rest++;
    y += hv_dlg_wrap(g, HV_FONT_BODY, 1, x, y, w, HV_C_TEXT, first[0] ? first : "Unknown error.",
                     draw);
    if (*rest) {
        y += hv_gfx_px(g, 12);
        /* A rule down the left of the box, then the text beside it. */
        int rule = hv_gfx_px(g, 3), tx = x + rule + pad, tw = w - rule - 2 * pad;
        int h = hv_dlg_wrap(g, HV_FONT_SMALL, 0, tx, y + pad, tw, HV_C_TEXT, rest, 0);
        if (draw) {
            SDL_Rect box = {x, y, w, h + 2 * pad};
            hv_gfx_fill(g, box, 0x120c0e, 255);
            hv_gfx_fill(g, (SDL_Rect){x, y, rule, box.h}, HV_C_BAD, 255);
            hv_dlg_wrap(g, HV_FONT_SMALL, 0, tx, y + pad, tw, HV_C_TEXT, rest, 1);
        }
        y += h + 2 * pad;
    }
    return y - top;
}

void hv_dialog_error(hv_app *app)
{
    hv_dlg_just_opened(app);
    hv_gfx *g = &app->gfx;
    int bh = hv_gfx_px(g, HV_DLG_FOOT);
    hv_dlg_head head = {"icons/warning",
                        app->error_title[0] ? app->error_title : "Something went wrong",
                        app->game ? "The game goes on." : NULL, HV_C_WARN, 0};
    hv_dlg_frame d = hv_dlg_show(app, 640, bh, head, "error_body", error_body, NULL);
    int w = hv_dlg_button_width(g, NULL, "OK");
    if (hv_gui_button(&app->gui, "error_ok", (SDL_Rect){d.foot.x + d.foot.w - w, d.foot.y, w, bh},
                      NULL, "OK", "Close this message (Esc).", HV_W_PRIMARY))
        app->modal = HV_MODAL_NONE;
}

/* ---- leaving a week with orders queued ---------------------------------- */

static int confirm_body(hv_app *app, void *ctx, int x, int y, int w, int draw)
{
    (void)ctx;
    char key[32], text[400];
    hv_keybind_format(app->settings.keys[HV_ACT_SAVE], key, sizeof key);
    snprintf(text, sizeof text,
             "Every week played is in the autosave, but the orders queued this week are not: "
             "end the week or save (%s) to keep them.",
             key);
    return hv_dlg_wrap(&app->gfx, HV_FONT_BODY, 0, x, y, w, HV_C_TEXT, text, draw);
}

static int reload_body(hv_app *app, void *ctx, int x, int y, int w, int draw)
{
    (void)ctx;
    char text[HV_FILE_LEN * 2 + 300];
    const hv_level *level = app->game ? app->game->level : NULL;
    snprintf(text, sizeof text,
             "%s or its rules %s were saved since this game began. Reloading plays the same seed "
             "and the same orders again on them, up to this week; where the new version no longer "
             "fits them the game says so.",
             level ? level->file : "The level", level ? level->rules_file : "");
    return hv_dlg_wrap(&app->gfx, HV_FONT_BODY, 0, x, y, w, HV_C_TEXT, text, draw);
}

/* The level or its rules changed on disk while the game ran. */
static void dialog_reload(hv_app *app)
{
    hv_gfx *g = &app->gfx;
    int bh = hv_gfx_px(g, HV_DLG_FOOT);
    hv_dlg_head head = {"icons/report", "The level changed: reload it?", NULL, HV_C_INFO, 0};
    hv_dlg_frame d = hv_dlg_show(app, 600, bh, head, "reload_body", reload_body, NULL);
    int sw = hv_dlg_button_width(g, NULL, "Keep playing"), lw = hv_dlg_button_width(g, NULL, "Reload");
    SDL_Rect stay = {d.foot.x + d.foot.w - sw, d.foot.y, sw, bh};
    SDL_Rect go = {stay.x - hv_gfx_px(g, 10) - lw, d.foot.y, lw, bh};
    hv_gui_nav_begin(&app->gui, "reload");
    int reload = hv_gui_button(&app->gui, "reload_yes", go, NULL, "Reload",
                               "Play this game again on the level as it is now.", HV_W_PRIMARY);
    int stayed = hv_gui_button(&app->gui, "reload_no", stay, NULL, "Keep playing",
                               "Go on with the level as it was loaded (Esc).", 0);
    hv_gui_nav_end(&app->gui);
    if (stayed)
        app->modal = HV_MODAL_NONE;
    else if (reload)
        hv_app_leave_now(app, HV_CONFIRM_RELOAD);
}

void hv_dialog_confirm(hv_app *app)
{
    hv_dlg_just_opened(app);
    if (app->confirm == HV_CONFIRM_RELOAD) {
        dialog_reload(app);
        return;
    }
    hv_gfx *g = &app->gfx;
    int n = app->game ? app->game->state.order_count : 0;
    int quit = app->confirm == HV_CONFIRM_QUIT;
    char title[160];
    snprintf(title, sizeof title, "%s and lose this week's %d order%s?",
             quit ? "Quit" : "Leave for the main menu", n, n == 1 ? "" : "s");
    int bh = hv_gfx_px(g, HV_DLG_FOOT);
    hv_dlg_head head = {"icons/warning", title, NULL, HV_C_WARN, 0};
    hv_dlg_frame d = hv_dlg_show(app, 600, bh, head, "confirm_body", confirm_body, NULL);
    const char *leave = quit ? "Quit" : "Main menu";
    int sw = hv_dlg_button_width(g, NULL, "Stay"), lw = hv_dlg_button_width(g, NULL, leave);
    SDL_Rect stay = {d.foot.x + d.foot.w - sw, d.foot.y, sw, bh};
    SDL_Rect go = {stay.x - hv_gfx_px(g, 10) - lw, d.foot.y, lw, bh};
    hv_gui_nav_begin(&app->gui, "confirm");
    int left = hv_gui_button(&app->gui, "confirm_leave", go, NULL, leave,
                             quit ? "Close Happy Valley; this week's orders are lost."
                                  : "Close this game; this week's orders are lost.",
                             HV_W_DANGER);
    int stayed = hv_gui_button(&app->gui, "confirm_stay", stay, NULL, "Stay",
                               "Back to the game, orders and all (Esc).", HV_W_PRIMARY);
    hv_gui_nav_end(&app->gui);
    if (stayed)
        app->modal = HV_MODAL_NONE;
    else if (left)
        hv_app_leave_now(app, app->confirm);
}
