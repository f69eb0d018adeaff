/* make_icon: rasterises the game's SVG icon into the PNG sizes of the
 * hicolor icon theme at build time, with the SDL2_image (nanosvg) the game
 * draws its own art with, so the build needs no other SVG tool.
 * Usage: make_icon IN.svg OUT_DIR NAME SIZE... writes
 * OUT_DIR/SIZExSIZE/apps/NAME.png for each SIZE. */
#include <SDL.h>
#include <SDL_image.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* mkdir -p for the few levels of OUT_DIR/SIZE/apps. */
static int make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(path, 0755);
        *p = '/';
        if (rc != 0 && errno != EEXIST)
            return -1;
    }
    return mkdir(path, 0755) != 0 && errno != EEXIST ? -1 : 0;
}

static int write_size(const char *svg, const char *out_dir, const char *name, int size)
{
    SDL_RWops *in = SDL_RWFromFile(svg, "rb");
    SDL_Surface *s = in ? IMG_LoadSizedSVG_RW(in, size, size) : NULL;
    if (in)
        SDL_RWclose(in);
    if (!s) {
        fprintf(stderr, "%s: cannot read the icon: %s\n", svg, SDL_GetError());
        return -1;
    }
    char dir[4096], png[4200];
    snprintf(dir, sizeof dir, "%s/%dx%d/apps", out_dir, size, size);
    snprintf(png, sizeof png, "%s/%s.png", dir, name);
    int rc = 0;
    if (make_dirs(dir) != 0) {
        fprintf(stderr, "%s: cannot create the folder: %s\n", dir, strerror(errno));
        rc = -1;
    } else if (s->w != size || s->h != size || IMG_SavePNG(s, png) != 0) {
        fprintf(stderr, "%s: cannot write the %dx%d icon: %s\n", png, size, size,
                s->w != size || s->h != size ? "the SVG is not square" : SDL_GetError());
        rc = -1;
    }
    SDL_FreeSurface(s);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: make_icon IN.svg OUT_DIR NAME SIZE...\n");
        return 2;
    }
    int rc = 0;
    for (int i = 4; i < argc && rc == 0; i++) {
        int size = atoi(argv[i]);
        if (size < 8 || size > 4096) {
            fprintf(stderr, "make_icon: the size '%s' is not from 8 to 4096\n", argv[i]);
            return 2;
        }
        rc = write_size(argv[1], argv[2], argv[3], size);
    }
    IMG_Quit();
    SDL_Quit();
    return rc == 0 ? 0 : 1;
}
