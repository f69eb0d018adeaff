#include "hv_gui.h"

#include <stdio.h>
#include <string.h>

SDL_Rect hv_rect_inset(SDL_Rect r, int n)
{
    return (SDL_Rect){r.x + n, r.y + n, r.w - 2 * n, r.h - 2 * n};
}

int hv_rect_has(SDL_Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

void hv_gui_begin(hv_gui *gui)
{
    gui->widget_count = 0;
    gui->tip[0] = '\0';
    gui->enabled = 1;
    gui->clicked_any = 0;
    gui->nav_menu = NULL;
    gui->nav_index = -1;
    gui->focus_id[0] = '\0';
    gui->dialog[0] = '\0';
}

void hv_gui_nav_begin(hv_gui *gui, const char *menu)
{
    if (!gui->nav_last || strcmp(gui->nav_last, menu) != 0)
        gui->focus = -1; /* a menu just opened: no item is picked for the player */
    gui->nav_menu = menu;
    gui->nav_index = 0;
}

void hv_gui_nav_end(hv_gui *gui)
{
    gui->nav_count = gui->nav_index;
    gui->nav_index = -1;
}

int hv_gui_nav_item(hv_gui *gui, const char *id)
{
    if (gui->nav_index < 0 || !gui->enabled)
        return 0;
    if (gui->nav_index++ != gui->focus)
        return 0;
    snprintf(gui->focus_id, sizeof gui->focus_id, "%s", id);
    return 1;
}

int hv_gui_nav_activated(hv_gui *gui)
{
    int a = gui->activate;
    gui->activate = 0;
    return a;
}

int hv_gui_nav_key(hv_gui *gui, int32_t key, int shift)
{
    int n = gui->nav_count;
    if (!gui->nav_last || n <= 0)
        return 0;
    if (key == SDLK_TAB)
        key = shift ? SDLK_UP : SDLK_DOWN;
    switch (key) {
    case SDLK_DOWN:
        gui->focus = gui->focus < 0 ? 0 : (gui->focus + 1) % n;
        return 1;
    case SDLK_UP:
        gui->focus = gui->focus <= 0 ? n - 1 : gui->focus - 1;
        return 1;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        gui->activate = gui->focus >= 0 && gui->focus < n;
        return 1;
    default:
        return 0;
    }
}

void hv_gui_consume(hv_gui *gui)
{
    gui->released = gui->right_released = gui->wheel = 0;
    gui->activate = 0;
}

void hv_gui_input(hv_gui *gui, const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_MOUSEMOTION:
        gui->mx = ev->motion.x;
        gui->my = ev->motion.y;
        break;
    case SDL_MOUSEBUTTONDOWN:
        gui->mx = ev->button.x;
        gui->my = ev->button.y;
        if (ev->button.button == SDL_BUTTON_LEFT) {
            gui->press_x = gui->mx;
            gui->press_y = gui->my;
        }
        break;
    case SDL_MOUSEBUTTONUP:
        gui->mx = ev->button.x;
        gui->my = ev->button.y;
        if (ev->button.button == SDL_BUTTON_LEFT)
            gui->released = 1;
        else if (ev->button.button == SDL_BUTTON_RIGHT)
            gui->right_released = 1;
        break;
    case SDL_MOUSEWHEEL:
        gui->wheel += ev->wheel.y;
        break;
    default:
        break;
    }
}

int hv_gui_hover(const hv_gui *gui, SDL_Rect r)
{
    return gui->enabled && hv_rect_has(r, gui->mx, gui->my);
}

int hv_gui_clicked(hv_gui *gui, SDL_Rect r)
{
    if (!gui->enabled || !gui->released || gui->clicked_any)
        return 0;
    if (!hv_rect_has(r, gui->mx, gui->my) || !hv_rect_has(r, gui->press_x, gui->press_y))
        return 0;
    gui->clicked_any = 1;
    return 1;
}

void hv_gui_tip(hv_gui *gui, SDL_Rect r, const char *tip)
{
    if (tip && *tip && hv_gui_hover(gui, r)) {
        snprintf(gui->tip, sizeof gui->tip, "%s", tip);
        gui->tip_at = r;
    }
}

/* Keeps a widget for scripts and the layout checks, with what of it the
 * clip rectangle leaves visible. */
static void record(hv_gui *gui, const char *id, SDL_Rect r, const char *label, int flags)
{
    if (!id || !gui->enabled || gui->widget_count >= HV_GUI_WIDGETS)
        return;
    hv_gui_widget *w = &gui->widgets[gui->widget_count++];
    snprintf(w->id, sizeof w->id, "%s", id);
    snprintf(w->label, sizeof w->label, "%s", label ? label : "");
    w->r = r;
    w->flags = flags;
    w->visible = r;
    SDL_Rect clip;
    if (gui->g && gui->g->ren && SDL_RenderIsClipEnabled(gui->g->ren)) {
        SDL_RenderGetClipRect(gui->g->ren, &clip);
        if (!SDL_IntersectRect(&r, &clip, &w->visible))
            w->visible = (SDL_Rect){r.x, r.y, 0, 0};
    }
}

static void area(hv_gui *gui, const char *id, SDL_Rect r, const char *tip, const char *label,
                 int flags)
{
    record(gui, id, r, label, flags);
    if (!tip && hv_gui_hover(gui, r))
        gui->tip[0] = '\0'; /* what is drawn over something hides its tip */
    hv_gui_tip(gui, r, tip);
}

void hv_gui_area(hv_gui *gui, const char *id, SDL_Rect r, const char *tip)
{
    area(gui, id, r, tip, NULL, 0);
}

int hv_gui_find(const hv_gui *gui, const char *id, SDL_Rect *out)
{
    /* The last one wins: dialogs are drawn after what they cover. */
    for (int i = gui->widget_count - 1; i >= 0; i--)
        if (strcmp(gui->widgets[i].id, id) == 0) {
            *out = gui->widgets[i].r;
            return 1;
        }
    return 0;
}

int hv_gui_button(hv_gui *gui, const char *id, SDL_Rect r, const char *icon, const char *label,
                  const char *tip, int flags)
{
    hv_gfx *g = gui->g;
    int disabled = flags & HV_W_DISABLED;
    int focused = !disabled && hv_gui_nav_item(gui, id);
    int hover = !disabled && (hv_gui_hover(gui, r) || focused);
    uint32_t bg = flags & HV_W_SELECTED  ? 0x5a3a2a
                  : flags & HV_W_PRIMARY ? 0x8a4420
                  : flags & HV_W_DANGER  ? 0x6a2626
                                         : HV_C_PANEL_HI;
    if (hover)
        bg = flags & HV_W_PRIMARY ? 0xa8552a : flags & HV_W_DANGER ? 0x853030 : 0x4a3830;
    if (!(flags & HV_W_FLAT) || hover || (flags & HV_W_SELECTED)) {
        hv_gfx_fill(g, r, bg, disabled ? 120 : 255);
        hv_gfx_frame(g, r, flags & HV_W_SELECTED ? HV_C_ACCENT : hover ? 0x8a6a58 : HV_C_BORDER);
    }
    uint32_t fg = disabled ? 0x7a6a60 : HV_C_TEXT;
    int tw = 0, th = 0, icon_size = 0, gap = hv_gfx_px(g, 6);
    if (label)
        hv_gfx_text_size(g, HV_FONT_BODY, 0, label, &tw, &th);
    if (icon)
        icon_size =
            r.h - hv_gfx_px(g, 10) < hv_gfx_px(g, 24) ? r.h - hv_gfx_px(g, 10) : hv_gfx_px(g, 24);
    int total = tw + (icon ? icon_size + (label && *label ? gap : 0) : 0);
    int x = r.x + (r.w - total) / 2;
    if (icon) {
        hv_gfx_image_tinted(g, icon,
                            (SDL_Rect){x, r.y + (r.h - icon_size) / 2, icon_size, icon_size},
                            0xffffff, disabled ? 110 : 255);
        x += icon_size + gap;
    }
    if (label && *label)
        hv_gfx_text(g, HV_FONT_BODY, flags & HV_W_PRIMARY, x, r.y + (r.h - th) / 2, fg, label);
    if (focused) /* a ring outside the button, so it shows on any colour */
        for (int k = 2; k <= 3; k++)
            hv_gfx_frame(g, hv_rect_inset(r, -k), 0xffffff);
    area(gui, id, r, tip, label, flags);
    if (disabled)
        return 0;
    return hv_gui_clicked(gui, r) || (focused && hv_gui_nav_activated(gui));
}

int hv_gui_clipped_button(hv_gui *gui, const char *id, SDL_Rect r, SDL_Rect clip,
                          const char *label, const char *tip, int flags)
{
    SDL_Rect both;
    if (!SDL_IntersectRect(&r, &clip, &both))
        return 0;
    int was = gui->enabled;
    if (both.w != r.w || both.h != r.h)
        gui->enabled = 0;
    int clicked = hv_gui_button(gui, id, r, NULL, label, tip, flags);
    gui->enabled = was;
    return clicked;
}

SDL_Rect hv_gui_panel(hv_gui *gui, SDL_Rect r, const char *title)
{
    hv_gfx *g = gui->g;
    /* A shadow along two edges only, and an opaque body: blending whole
     * panels would cost the software renderer milliseconds a frame. */
    int shadow = hv_gfx_px(g, 4);
    hv_gfx_fill(g, (SDL_Rect){r.x + shadow, r.y + r.h, r.w, shadow}, HV_C_SHADOW, 140);
    hv_gfx_fill(g, (SDL_Rect){r.x + r.w, r.y + shadow, shadow, r.h - shadow}, HV_C_SHADOW, 140);
    hv_gfx_fill(g, r, HV_C_PANEL, 255);
    hv_gfx_frame(g, r, HV_C_BORDER);
    if (!title)
        return hv_rect_inset(r, hv_gfx_px(g, 10));
    int bar = hv_gfx_line_height(g, HV_FONT_HEAD) + hv_gfx_px(g, 12);
    hv_gfx_fill(g, (SDL_Rect){r.x + 1, r.y + 1, r.w - 2, bar}, 0x3a2a2a, 255);
    hv_gfx_fill(g, (SDL_Rect){r.x + 1, r.y + bar, r.w - 2, hv_gfx_px(g, 2)}, HV_C_ACCENT, 255);
    hv_gfx_text(g, HV_FONT_HEAD, 1, r.x + hv_gfx_px(g, 12), r.y + hv_gfx_px(g, 6), HV_C_TEXT,
                title);
    int pad = hv_gfx_px(g, 10);
    return (SDL_Rect){r.x + pad, r.y + bar + pad, r.w - 2 * pad, r.h - bar - 2 * pad};
}

void hv_gui_bar(hv_gui *gui, SDL_Rect r, int value, int max, uint32_t colour)
{
    hv_gfx *g = gui->g;
    hv_gfx_fill(g, r, 0x120c0e, 255);
    if (max > 0 && value > 0) {
        int w = (int)((int64_t)r.w * (value > max ? max : value) / max);
        hv_gfx_fill(g, (SDL_Rect){r.x, r.y, w, r.h}, colour, 255);
    }
    hv_gfx_frame(g, r, HV_C_BORDER);
}

void hv_gui_end(hv_gui *gui)
{
    gui->nav_last = gui->nav_menu;
    if (!gui->nav_menu)
        gui->nav_count = 0;
    if (gui->focus >= gui->nav_count)
        gui->focus = -1;
    gui->tip_box = (SDL_Rect){0, 0, 0, 0};
    hv_gfx *g = gui->g;
    hv_gfx_section(g); /* the tooltip comes and goes on its own */
    if (!gui->tip[0])
        return;
    int pad = hv_gfx_px(g, 8), width = hv_gfx_px(g, 320);
    int tw;
    hv_gfx_text_size(g, HV_FONT_SMALL, 0, gui->tip, &tw, NULL);
    if (tw + 2 * pad < width && !strchr(gui->tip, '\n'))
        width = tw + 2 * pad;
    int h = hv_gfx_text_wrap(g, HV_FONT_SMALL, 0, 0, width - 2 * pad, 0, gui->tip, 0) + 2 * pad;
    /* Below the widget, or above it when there is no room below, so the
     * tooltip never hides what it talks about; across, near the pointer. */
    SDL_Rect at = gui->tip_at;
    int gap = hv_gfx_px(g, 6);
    int below = at.y + at.h + gap, above = at.y - gap - h;
    int y = below + h <= g->h              ? below
            : above >= 0                   ? above
            : g->h - (at.y + at.h) >= at.y ? below
                                           : above;
    int x = gui->mx + hv_gfx_px(g, 14);
    if (x + width > g->w)
        x = g->w - width - 2;
    if (y + h > g->h)
        y = g->h - h;
    if (x < 0)
        x = 0;
    if (y < 0)
        y = 0;
    SDL_Rect r = {x, y, width, h};
    gui->tip_box = r;
    hv_gfx_fill(g, r, 0x120c0e, 240);
    hv_gfx_frame(g, r, HV_C_ACCENT);
    hv_gfx_text_wrap(g, HV_FONT_SMALL, x + pad, y + pad, width - 2 * pad, HV_C_TEXT, gui->tip, 1);
}
