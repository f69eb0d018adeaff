/* Drawing helpers the screens share (hv_widgets.h). */
#include <stdio.h>
#include <string.h>

#include "hv_widgets.h"

/* ---- text ---------------------------------------------------------------- */

void hv_text_fit(hv_gfx *g, hv_font_size size, int bold, const char *text, int width, char *out,
                 size_t len)
{
    snprintf(out, len, "%s", text);
    int w;
    hv_gfx_text_size(g, size, bold, out, &w, NULL);
    size_t n = strlen(out);
    while (w > width && n > 0) {
        /* Back off one UTF-8 character and any space before it. */
        do
            n--;
        while (n > 0 && ((unsigned char)out[n] & 0xc0) == 0x80);
        while (n > 0 && out[n - 1] == ' ')
            n--;
        if (n + 4 <= len)
            memcpy(out + n, "\xe2\x80\xa6", 4); /* … */
        else
            out[n] = '\0';
        hv_gfx_text_size(g, size, bold, out, &w, NULL);
    }
}

const char *hv_text_cut(hv_gfx *g, hv_font_size size, int bold, const char *text, int width,
                        char *out, size_t len)
{
    snprintf(out, len, "%s", text);
    int w;
    hv_gfx_text_size(g, size, bold, out, &w, NULL);
    size_t n = strlen(out);
    while (w > width && n > 1) {
        n--;
        while (n > 0 && ((unsigned char)out[n] & 0xc0) == 0x80)
            n--; /* never cut inside a UTF-8 character */
        if (n + 4 > len)
            continue;
        memcpy(out + n, "\xe2\x80\xa6", 4);
        hv_gfx_text_size(g, size, bold, out, &w, NULL);
    }
    return out;
}

const char *hv_num(int64_t v)
{
    static char buf[8][32];
    static int k;
    k = (k + 1) & 7;
    hv_format_number(v, buf[k], sizeof buf[k]);
    return buf[k];
}

const char *hv_signed(char *buf, size_t len, long long v)
{
    snprintf(buf, len, v < 0 ? "\xe2\x88\x92%lld" : "+%lld", v < 0 ? -v : v);
    return buf;
}

void hv_capitalise(char *s)
{
    if (s[0] >= 'a' && s[0] <= 'z')
        s[0] = (char)(s[0] - 'a' + 'A');
}

int hv_small_heading(hv_gfx *g, int x, int y, const char *text, int gap, int draw)
{
    if (draw)
        hv_gfx_text(g, HV_FONT_SMALL, 1, x, y, HV_C_ACCENT, text);
    return hv_gfx_line_height(g, HV_FONT_SMALL) + hv_gfx_px(g, gap);
}

/* ---- scrolling lists laid out in two passes ------------------------------- */

int hv_list_px(const hv_list *l, int units)
{
    return hv_gfx_px(l->g, units);
}

void hv_list_text(hv_list *l, hv_font_size f, int bold, uint32_t colour, const char *t)
{
    if (l->draw)
        hv_gfx_text(l->g, f, bold, l->x, l->y, colour, t);
    l->y += hv_gfx_line_height(l->g, f);
}

void hv_list_wrap(hv_list *l, int indent, hv_font_size f, uint32_t colour, const char *t)
{
    l->y += hv_gfx_text_wrap(l->g, f, l->x + indent, l->y, l->w - indent, colour, t, l->draw);
}

void hv_list_bar(hv_list *l, int value, int max, uint32_t colour)
{
    l->y += hv_list_px(l, 2);
    if (l->draw)
        hv_gui_bar(&l->app->gui, (SDL_Rect){l->x, l->y, l->w, hv_list_px(l, 8)}, value, max,
                   colour);
    l->y += hv_list_px(l, 12);
}

/* Only a button wholly in view takes clicks and is recorded, so nothing
 * hidden under the panel's title can be hit. */
int hv_list_button(hv_list *l, const char *id, SDL_Rect r, const char *icon, const char *label,
                   const char *tip, int flags)
{
    hv_gui *gui = &l->app->gui;
    SDL_Rect cut;
    if (!l->draw || !SDL_IntersectRect(&r, &l->view, &cut))
        return 0;
    if (cut.h == r.h && cut.w == r.w)
        return hv_gui_button(gui, id, r, icon, label, tip, flags);
    int enabled = gui->enabled;
    gui->enabled = 0;
    hv_gui_button(gui, id, r, icon, label, tip, flags);
    gui->enabled = enabled;
    return 0;
}

void hv_list_heading(hv_list *l, const char *icon, const char *title, int above, int below)
{
    int lh = hv_gfx_line_height(l->g, HV_FONT_BODY);
    l->y += hv_list_px(l, above);
    if (l->draw) {
        hv_gfx_image(l->g, icon, (SDL_Rect){l->x, l->y, lh, lh});
        hv_gfx_text(l->g, HV_FONT_BODY, 1, l->x + lh + hv_list_px(l, 6), l->y, HV_C_ACCENT, title);
        hv_gfx_fill(l->g, (SDL_Rect){l->x, l->y + lh + hv_list_px(l, 3), l->w, hv_list_px(l, 1)},
                    HV_C_BORDER, 255);
    }
    l->y += lh + hv_list_px(l, below);
}

/* The scroll offset is shared by every panel, so a panel opened anew
 * must not inherit another's. */
void hv_list_fresh(hv_app *app, uint32_t *seen)
{
    uint32_t frame = app->gfx.frame;
    if (*seen != frame && *seen + 1 != frame)
        app->scroll = 0;
    *seen = frame;
}

hv_list hv_list_begin(hv_app *app, SDL_Rect view, const char *id)
{
    hv_gui *gui = &app->gui;
    if (gui->wheel && hv_gui_hover(gui, view)) {
        app->scroll -= gui->wheel * hv_gfx_px(&app->gfx, 60);
        gui->wheel = 0;
    }
    if (app->scroll < 0)
        app->scroll = 0;
    hv_gui_area(gui, id, view, NULL);
    hv_gfx_clip(&app->gfx, &view);
    int bar = hv_gfx_px(&app->gfx, 6);
    return (hv_list){app, &app->gfx, view, view.x, view.w - 2 * bar, view.y - app->scroll, 1};
}

void hv_list_end(hv_list *l, int total)
{
    hv_app *app = l->app;
    SDL_Rect v = l->view;
    hv_gfx_clip(&app->gfx, NULL);
    int max = total - v.h, bar = hv_list_px(l, 6);
    if (app->scroll > (max > 0 ? max : 0))
        app->scroll = max > 0 ? max : 0;
    if (max <= 0)
        return;
    int th = v.h * v.h / total;
    hv_gfx_fill(l->g, (SDL_Rect){v.x + v.w - bar, v.y, bar, v.h}, 0x120c0e, 255);
    hv_gfx_fill(l->g, (SDL_Rect){v.x + v.w - bar, v.y + (v.h - th) * app->scroll / max, bar, th},
                HV_C_BORDER, 255);
}

/* ---- scrolled areas sized by last frame ----------------------------------- */

int hv_scroll_area_bar(hv_gfx *g, const hv_scroll_area *sa, SDL_Rect view)
{
    return sa->content > view.h ? hv_gfx_px(g, 10) : 0;
}

int hv_scroll_area_begin(hv_app *app, hv_scroll_area *sa, SDL_Rect view)
{
    if (sa->frame + 1 != app->gfx.frame)
        app->scroll = 0; /* just opened: start at the top */
    sa->frame = app->gfx.frame;
    if (app->gui.wheel && hv_gui_hover(&app->gui, view)) {
        app->scroll -= app->gui.wheel * hv_gfx_px(&app->gfx, 60);
        app->gui.wheel = 0;
    }
    int max = sa->content > view.h ? sa->content - view.h : 0;
    app->scroll = app->scroll < 0 ? 0 : app->scroll > max ? max : app->scroll;
    hv_gfx_clip(&app->gfx, &view);
    return view.y - app->scroll;
}

void hv_scroll_area_end(hv_app *app, hv_scroll_area *sa, SDL_Rect view, int content)
{
    hv_gfx *g = &app->gfx;
    hv_gfx_clip(&app->gfx, NULL);
    sa->content = content;
    if (content <= view.h)
        return;
    int w = hv_gfx_px(g, 4), max = content - view.h;
    int th = view.h * view.h / content;
    int ty = view.y + (view.h - th) * (app->scroll > max ? max : app->scroll) / max;
    hv_gfx_fill(g, (SDL_Rect){view.x + view.w - w, view.y, w, view.h}, 0x16100f, 255);
    hv_gfx_fill(g, (SDL_Rect){view.x + view.w - w, ty, w, th}, HV_C_BORDER, 255);
}

void hv_view_area(hv_app *app, SDL_Rect view, const char *id, SDL_Rect r, const char *tip)
{
    SDL_Rect vis;
    if (SDL_IntersectRect(&r, &view, &vis))
        hv_gui_area(&app->gui, id, vis, tip);
}
