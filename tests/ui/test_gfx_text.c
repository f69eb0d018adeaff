/* Measured text (hv_gfx_text_size): with far more strings than the cache
 * holds, each measured again and again over several frames, every size
 * given is the one the font gives, whichever strings share a set of the
 * cache and whichever gave way. */
#define _POSIX_C_SOURCE 200809L
#include <SDL.h>

#include "hv_test_gfx.h"

int main(void)
{
    hv_test_gfx t;
    if (!hv_test_gfx_open(&t, 64, 64))
        return hv_test_done("ui_gfx_text");
    hv_gfx *g = &t.g;
    CHECK(g->font[HV_FONT_BODY] != NULL && g->bold[HV_FONT_HEAD] != NULL);
    /* Strings of many lengths, so their widths differ: a size given for
     * the wrong string shows. */
    enum { STRINGS = HV_SIZE_CACHE * 3 / 2, FRAMES = 3 };
    int wrong = 0, asked = 0;
    for (int frame = 0; frame < FRAMES; frame++, g->frame++)
        for (int i = 0; i < STRINGS; i++) {
            char text[64];
            snprintf(text, sizeof text, "%.*s %d", 1 + i % 23, "Happy Valley base, week", i);
            int bold = i % 3 == 0;
            hv_font_size size = bold ? HV_FONT_HEAD : HV_FONT_BODY;
            int w = -1, h = -1, tw = 0, th = 0;
            /* Twice in a frame, as a list measures it, then draws it. */
            for (int again = 0; again < 2; again++) {
                hv_gfx_text_size(g, size, bold, text, &w, &h);
                TTF_SizeUTF8(bold ? g->bold[size] : g->font[size], text, &tw, &th);
                wrong += w != tw || h != th;
                asked++;
            }
        }
    CHECK_EQ_INT(wrong, 0);
    CHECK_EQ_INT(asked, 2 * STRINGS * FRAMES);
    /* Nothing, and no string, measure as nothing wide a line high. */
    int w = -1, h = -1;
    hv_gfx_text_size(g, HV_FONT_BODY, 0, "", &w, &h);
    CHECK_EQ_INT(w, 0);
    CHECK_EQ_INT(h, TTF_FontLineSkip(g->font[HV_FONT_BODY]));
    hv_test_gfx_close(&t);
    return hv_test_done("ui_gfx_text");
}
