/* The load screen: the autosave and the nine slots, each with its level,
 * week and when it was saved, or why it cannot be read; and the reading
 * of a slot's header that the title menu and the save dialog use too. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "hv_scr_menu.h"
#include "hv_widgets.h"

/* ---- reading a slot ------------------------------------------------------ */

/* "Tue 4 Mar 2025, 14:05" in local time. */
static void format_saved_at(int64_t t, char *buf, size_t len)
{
    time_t tt = (time_t)t;
    struct tm tm;
    char day[32], month[32];
    if (t <= 0 || !localtime_r(&tt, &tm) || strftime(day, sizeof day, "%a", &tm) == 0 ||
        strftime(month, sizeof month, "%b", &tm) == 0) {
        snprintf(buf, len, "date unknown");
        return;
    }
    /* By hand: strftime pads the day of the month with a space or a zero. */
    snprintf(buf, len, "%s %d %s %d, %02d:%02d", day, tm.tm_mday, month, tm.tm_year + 1900,
             tm.tm_hour, tm.tm_min);
}

void hv_menu_read_slot(hv_app *app, int slot, hv_slot_info *out)
{
    char path[HV_FILE_LEN + 64];
    hv_save_slot_path(app->data_dir, slot, path, sizeof path);
    memset(out, 0, sizeof *out);
    char bak[sizeof path + 8];
    snprintf(bak, sizeof bak, "%s.bak", path);
    struct stat st;
    if (app->no_saving[0] || (stat(path, &st) != 0 && stat(bak, &st) != 0))
        return;
    hv_diag diag;
    hv_diag_init(&diag);
    if (hv_save_read_info_noting(path, &out->info, &diag, &out->from_backup) == 0) {
        out->state = HV_SLOT_OK;
        format_saved_at(out->info.saved_at, out->when, sizeof out->when);
    } else {
        out->state = HV_SLOT_DAMAGED;
        if (diag.count)
            snprintf(out->error, sizeof out->error, "%s:%d:%d: %s", diag.entries[0].file,
                     diag.entries[0].line, diag.entries[0].col, diag.entries[0].message);
        else
            snprintf(out->error, sizeof out->error, "%.300s cannot be read.", path);
    }
    hv_diag_free(&diag);
}

/* ---- the load screen --------------------------------------------------- */

static void load_row(hv_app *app, int slot, const hv_slot_info *s, SDL_Rect r, SDL_Rect clip)
{
    hv_gfx *g = &app->gfx;
    SDL_Rect hit;
    if (!SDL_IntersectRect(&r, &clip, &hit))
        return;
    int usable = s->state != HV_SLOT_EMPTY;
    int hover = usable && hv_gui_hover(&app->gui, hit);
    hv_gfx_fill(g, r, hover ? 0x4a3830 : HV_C_PANEL_HI, usable ? 255 : 110);
    hv_gfx_frame(g, r, hover ? HV_C_ACCENT : HV_C_BORDER);
    int pad = hv_gfx_px(g, 12), lh = hv_gfx_line_height(g, HV_FONT_BODY);
    int sh = hv_gfx_line_height(g, HV_FONT_SMALL);
    int name_w = hv_gfx_px(g, 96), x = r.x + pad, y = r.y + (r.h - lh - sh) / 2;
    char name[32], fit[HV_TITLE_LEN + 8], tip[HV_TIP_LEN];
    snprintf(name, sizeof name, slot == 0 ? "Autosave" : "Slot %d", slot);
    hv_gfx_text(g, HV_FONT_BODY, 1, x, r.y + (r.h - lh) / 2, usable ? HV_C_ACCENT : 0x8a7a70, name);
    x += name_w;
    int w = r.x + r.w - pad - x;
    if (s->state == HV_SLOT_EMPTY) {
        hv_gfx_text(g, HV_FONT_BODY, 0, x, r.y + (r.h - lh) / 2, 0x8a7a70, "Empty");
        snprintf(tip, sizeof tip,
                 slot == 0 ? "No autosave yet: the game saves here at the end of "
                             "every week."
                           : "Nothing saved in slot %d yet.",
                 slot);
    } else if (s->state == HV_SLOT_DAMAGED) {
        int icon = lh;
        hv_gfx_image(g, "icons/warning", (SDL_Rect){x, y, icon, icon});
        hv_gfx_text(g, HV_FONT_BODY, 1, x + icon + hv_gfx_px(g, 6), y, HV_C_BAD, "Damaged");
        /* The folder is the same for every slot; the file name is enough here. */
        const char *short_error = s->error, *colon = strstr(s->error, ".yaml:");
        for (const char *p = s->error; colon && p < colon; p++)
            if (*p == '/')
                short_error = p + 1;
        hv_text_fit(g, HV_FONT_SMALL, 0, short_error, w, fit, sizeof fit);
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lh, HV_C_BAD, fit);
        snprintf(tip, sizeof tip, "This save cannot be read:\n%s\n\nClick for the details.",
                 s->error);
    } else {
        char week[48];
        int ww;
        snprintf(week, sizeof week, "Week %d", s->info.week + 1);
        hv_gfx_text_size(g, HV_FONT_BODY, 1, week, &ww, NULL);
        hv_gfx_text(g, HV_FONT_BODY, 1, r.x + r.w - pad - ww, y, HV_C_TEXT, week);
        hv_text_fit(g, HV_FONT_BODY, 1, s->info.title, w - ww - pad, fit, sizeof fit);
        hv_gfx_text(g, HV_FONT_BODY, 1, x, y, HV_C_TEXT, fit);
        char when[200];
        snprintf(when, sizeof when, "Saved %s  \xc2\xb7  seed %llu%s", s->when,
                 (unsigned long long)s->info.seed,
                 s->from_backup ? "  \xc2\xb7  the last save was cut short: its backup" : "");
        hv_text_fit(g, HV_FONT_SMALL, 0, when, w, fit, sizeof fit);
        hv_gfx_text(g, HV_FONT_SMALL, 0, x, y + lh, HV_C_DIM, fit);
        snprintf(tip, sizeof tip, "Load %s, week %d (seed %llu).\nSaved %s.%s%s", s->info.title,
                 s->info.week + 1, (unsigned long long)s->info.seed, s->when,
                 s->from_backup ? "\nThe last save here was cut short or damaged; this is the "
                                  "save before it, which loads in its place."
                                : "",
                 app->game ? "\nThe game in progress is closed." : "");
    }
    char id[24];
    snprintf(id, sizeof id, "load_slot_%d", slot);
    hv_gui_area(&app->gui, id, hit, tip);
    if (usable && hv_gui_clicked(&app->gui, hit))
        hv_app_load_slot(app, slot);
}

void hv_screen_load(hv_app *app)
{
    static hv_slot_info slots[HV_SAVE_SLOTS + 1];
    hv_gfx *g = &app->gfx;
    if (hv_menu_entered(app, HV_SCR_LOAD))
        for (int i = 0; i <= HV_SAVE_SLOTS; i++)
            hv_menu_read_slot(app, i, &slots[i]);
    app->gui.enabled = app->modal != HV_MODAL_ERROR;
    hv_menu_backdrop(app, 215, 0);
    int row_h = hv_gfx_line_height(g, HV_FONT_BODY) + hv_gfx_line_height(g, HV_FONT_SMALL) +
                hv_gfx_px(g, 10);
    int row_gap = hv_gfx_px(g, 4), n = HV_SAVE_SLOTS + 1;
    int content = n * (row_h + row_gap) - row_gap;
    int chrome = hv_gfx_line_height(g, HV_FONT_HEAD) + hv_gfx_px(g, 12) + 2 * hv_gfx_px(g, 10);
    SDL_Rect panel = hv_menu_page(app, 860, content + chrome, "Load game",
                                  "The autosave is written at the end of every week; slots 1 to 9 "
                                  "are yours.");
    SDL_Rect foot = hv_menu_footer(app, panel);
    SDL_Rect in = hv_gui_panel(&app->gui, panel, "Saved games");
    hv_menu_scroll(app, in, content, &app->scroll);
    int bar = content > in.h ? hv_gfx_px(g, 10) : 0;
    hv_gfx_clip(&app->gfx, &in);
    for (int i = 0; i < n; i++)
        load_row(app, i, &slots[i],
                 (SDL_Rect){in.x, in.y + i * (row_h + row_gap) - app->scroll, in.w - bar, row_h},
                 in);
    hv_gfx_clip(&app->gfx, NULL);
    hv_menu_scrollbar(app, in, content, app->scroll);

    SDL_Rect b = {foot.x, foot.y, hv_gfx_px(g, 120), foot.h};
    if (hv_gui_button(&app->gui, "load_back", b, NULL, "Back",
                      app->game ? "Back to the game (Esc)." : "Back to the title screen (Esc).", 0))
        hv_menu_leave(app);
    hv_menu_toast(app, (SDL_Rect){b.x + b.w, foot.y, foot.w - b.w, foot.h});
    hv_menu_modal(app);
}
