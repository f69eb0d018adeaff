/* Art drawn under the light of the hour (hv_gfx_image_lit): the kept copy
 * with the light laid on it once must give, pixel for pixel, what drawing
 * the art and then the light over it gives, for each tile of ground at
 * several sizes and lights, drawn anew and from the copy; and art that is
 * not opaque, or drawn outside a texture, must come out the same too. */
#define _POSIX_C_SOURCE 200809L
#include <SDL.h>

#include "hv_test_gfx.h"

enum { W = 96, H = 72 };

/* Draws into a fresh texture the size of the test's, from black, and
 * reads its pixels into PX: with LIT, the art lit; without, the art and
 * the light over it. */
static void draw(hv_gfx *g, SDL_Texture *tex, int lit, const char *name, SDL_Rect r, uint32_t light,
                 int alpha, uint32_t *px)
{
    CHECK_EQ_INT(hv_gfx_target(g, tex), 0);
    SDL_SetRenderDrawColor(g->ren, 0, 0, 0, 255);
    SDL_RenderClear(g->ren);
    if (lit) {
        hv_gfx_image_lit(g, name, r, light, alpha);
    } else {
        hv_gfx_image(g, name, r);
        hv_gfx_tint(g, r, light, alpha);
    }
    CHECK_EQ_INT(SDL_RenderReadPixels(g->ren, NULL, SDL_PIXELFORMAT_ARGB8888, px, W * 4), 0);
    hv_gfx_target(g, NULL);
}

static int differing(const uint32_t *a, const uint32_t *b)
{
    int n = 0;
    for (int i = 0; i < W * H; i++)
        n += (a[i] & 0xffffff) != (b[i] & 0xffffff);
    return n;
}

int main(void)
{
    hv_test_gfx t;
    if (!hv_test_gfx_open(&t, W, H))
        return hv_test_done("ui_gfx_lit");
    hv_gfx *g = &t.g;
    SDL_Texture *tex = t.tex;
    static uint32_t lit[W * H], plain[W * H], bare[W * H];
    const char *names[] = {"terrain/plain", "terrain/ice", "terrain/rock", "modules/habitat"};
    const struct {
        uint32_t light;
        int alpha;
    } lights[] = {{0x101838, 64}, {0xd06a30, 20}, {0x060a22, 165}, {0x101838, 8}};
    const SDL_Rect at[] = {{3, 5, 28, 28}, {0, 0, 32, 32}, {17, 9, 57, 41}};
    for (size_t n = 0; n < sizeof names / sizeof names[0]; n++)
        for (size_t l = 0; l < sizeof lights / sizeof lights[0]; l++)
            for (size_t a = 0; a < sizeof at / sizeof at[0]; a++) {
                /* Twice: the copy made, then the copy kept. */
                for (int again = 0; again < 2; again++) {
                    draw(g, tex, 1, names[n], at[a], lights[l].light, lights[l].alpha, lit);
                    draw(g, tex, 0, names[n], at[a], lights[l].light, lights[l].alpha, plain);
                    int d = differing(lit, plain);
                    CHECK_EQ_INT(d, 0);
                    if (d)
                        fprintf(stderr, "  %s at %dx%d under %06x at %d: %d pixels differ\n",
                                names[n], at[a].w, at[a].h, lights[l].light, lights[l].alpha, d);
                }
                /* The light did something: the art alone looks otherwise. */
                draw(g, tex, 0, names[n], at[a], 0, 0, bare);
                CHECK(differing(lit, bare) > at[a].w * at[a].h / 2);
            }
    /* Ground is opaque art and kept as lit copies; a module is not. */
    CHECK_EQ_INT(hv_gfx_image_opaque(g, "terrain/plain", 28, 28), 1);
    CHECK_EQ_INT(hv_gfx_image_opaque(g, "modules/habitat", 28, 28), 0);
    int kept = 0;
    for (int i = 0; i < HV_LIT_CACHE; i++)
        kept += g->lit[i].tex != NULL;
    CHECK(kept > 0);
    hv_test_gfx_close(&t);
    return hv_test_done("ui_gfx_lit");
}
