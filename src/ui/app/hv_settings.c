#define _POSIX_C_SOURCE 200809L
#include "hv_settings.h"

#include <SDL.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hv_fields.h"
#include "hv_file.h"
#include "hv_level.h"
#include "hv_yaml.h"

#define KEY_NAME_MAX 64

/* One list drives the enum-indexed table, the file's key table and the
 * docs, so an action cannot be added to one and forgotten in another. */
#define HV_ACTIONS(X)                                                                              \
    X(HV_ACT_END_TURN, "end_turn", "End turn", SDLK_SPACE, 0)                                      \
    X(HV_ACT_MENU, "menu", "Menu", SDLK_ESCAPE, 0)                                                 \
    X(HV_ACT_HELP, "help", "Help", SDLK_F1, 0)                                                     \
    X(HV_ACT_SAVE, "save", "Save", SDLK_s, HV_MOD_CTRL)                                            \
    X(HV_ACT_LOAD, "load", "Load", SDLK_l, HV_MOD_CTRL)                                            \
    X(HV_ACT_UNDO, "undo", "Undo last order", SDLK_z, HV_MOD_CTRL)                                 \
    X(HV_ACT_BUILD, "build", "Build", SDLK_b, 0)                                                   \
    X(HV_ACT_CREW, "crew", "Crew", SDLK_c, 0)                                                      \
    X(HV_ACT_FACTIONS, "factions", "Factions and tension", SDLK_f, 0)                              \
    X(HV_ACT_ASTEROIDS, "asteroids", "Asteroids and missions", SDLK_a, 0)                          \
    X(HV_ACT_POLICIES, "policies", "Policies", SDLK_p, 0)                                          \
    X(HV_ACT_CHARTS, "charts", "History charts", SDLK_h, 0)                                        \
    X(HV_ACT_REPORT, "report", "Turn report", SDLK_r, 0)                                           \
    X(HV_ACT_GOALS, "goals", "Goals", SDLK_g, 0)                                                   \
    X(HV_ACT_ZOOM_IN, "zoom_in", "Zoom in", SDLK_EQUALS, 0)                                        \
    X(HV_ACT_ZOOM_OUT, "zoom_out", "Zoom out", SDLK_MINUS, 0)                                      \
    X(HV_ACT_PAN_LEFT, "pan_left", "Pan left", SDLK_LEFT, 0)                                       \
    X(HV_ACT_PAN_RIGHT, "pan_right", "Pan right", SDLK_RIGHT, 0)                                   \
    X(HV_ACT_PAN_UP, "pan_up", "Pan up", SDLK_UP, 0)                                               \
    X(HV_ACT_PAN_DOWN, "pan_down", "Pan down", SDLK_DOWN, 0)

typedef struct action_info {
    const char *id;
    const char *name;
    int32_t key;
    uint32_t mods;
} action_info;

#define INFO(act, id, name, key, mods) [act] = {id, name, key, mods},
static const action_info actions[HV_ACT_COUNT] = {HV_ACTIONS(INFO)};
#undef INFO

#define COUNT_ONE(act, id, name, key, mods) +1
_Static_assert(0 HV_ACTIONS(COUNT_ONE) == HV_ACT_COUNT, "every action needs a row in HV_ACTIONS");
#undef COUNT_ONE

/* Every action is a known key of `keys`; the values are read by hand
 * because a binding is not one of hv_fields' types. */
#define KEY_FIELD(act, id, name, key, mods) {id, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, name},
static const hv_field key_fields[] = {
    HV_ACTIONS(KEY_FIELD){NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};
#undef KEY_FIELD

static const hv_field file_fields[] = {
    {"format", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be 1"},
    {"kind", HV_F_SKIP, 0, 0, 1, 0, 0, NULL, 0, "must be `settings`"},
    {"ui_scale", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "percent, 100..300, or 0 or auto"},
    {"window", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "window size and mode at start"},
    {"keys", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "action id -> key"},
    {"sound", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "volumes and mute"},
    {"mods", HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, "the mods in order, each on or off"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

static const hv_field mod_fields[] = {
    {"id", HV_F_ID, offsetof(hv_mod_choice, id), sizeof(((hv_mod_choice *)0)->id), 1, 0, 0, NULL, 0,
     "the mod's id (its folder's name)"},
    {"enabled", HV_F_BOOL, offsetof(hv_mod_choice, enabled), sizeof(int32_t), 1, 0, 0, NULL, 0,
     "whether New game offers its levels"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

#define MIN_WIDTH 640
#define MIN_HEIGHT 360
#define MAX_SIDE 16384

static const hv_field window_fields[] = {
    {"width", HV_F_INT32, offsetof(hv_settings, width), sizeof(int32_t), 0, MIN_WIDTH, MAX_SIDE,
     NULL, 0, "window width in pixels"},
    {"height", HV_F_INT32, offsetof(hv_settings, height), sizeof(int32_t), 0, MIN_HEIGHT, MAX_SIDE,
     NULL, 0, "window height in pixels"},
    {"fullscreen", HV_F_BOOL, offsetof(hv_settings, fullscreen), sizeof(int32_t), 0, 0, 0, NULL, 0,
     "start in fullscreen"},
    {"reduce_motion", HV_F_BOOL, offsetof(hv_settings, reduce_motion), sizeof(int32_t), 0, 0, 0,
     NULL, 0, "the map stands still"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

static const hv_field sound_fields[] = {
    {"effects", HV_F_INT32, offsetof(hv_settings, effects_volume), sizeof(int32_t), 0, 0, 100, NULL,
     0, "volume of clicks, chimes and alerts"},
    {"ambience", HV_F_INT32, offsetof(hv_settings, ambience_volume), sizeof(int32_t), 0, 0, 100,
     NULL, 0, "volume of the wind and the machines"},
    {"mute", HV_F_BOOL, offsetof(hv_settings, mute), sizeof(int32_t), 0, 0, 0, NULL, 0,
     "no sound at all"},
    {NULL, HV_F_SKIP, 0, 0, 0, 0, 0, NULL, 0, NULL},
};

static const struct {
    const char *prefix;
    uint32_t bit;
} mod_names[] = {{"Ctrl+", HV_MOD_CTRL}, {"Shift+", HV_MOD_SHIFT}, {"Alt+", HV_MOD_ALT}};

const char *hv_action_id(hv_action action)
{
    return (unsigned)action < HV_ACT_COUNT ? actions[action].id : "";
}

const char *hv_action_name(hv_action action)
{
    return (unsigned)action < HV_ACT_COUNT ? actions[action].name : "";
}

void hv_settings_defaults(hv_settings *settings)
{
    memset(settings, 0, sizeof *settings);
    settings->ui_scale = 0;
    settings->width = 1280;
    settings->height = 720;
    settings->fullscreen = 0;
    settings->reduce_motion = 0;
    settings->effects_volume = 80;
    settings->ambience_volume = 50;
    settings->mute = 0;
    for (int a = 0; a < HV_ACT_COUNT; a++) {
        settings->keys[a].key = actions[a].key;
        settings->keys[a].mods = actions[a].mods;
    }
}

uint32_t hv_keybind_mods(uint32_t sdl_mod)
{
    uint32_t mods = 0;
    if (sdl_mod & KMOD_CTRL)
        mods |= HV_MOD_CTRL;
    if (sdl_mod & KMOD_SHIFT)
        mods |= HV_MOD_SHIFT;
    if (sdl_mod & KMOD_ALT)
        mods |= HV_MOD_ALT;
    return mods;
}

void hv_keybind_format(hv_keybind bind, char *buf, size_t len)
{
    if (!buf || len == 0)
        return;
    if (bind.key == 0) {
        snprintf(buf, len, "None");
        return;
    }
    size_t used = 0;
    buf[0] = '\0';
    for (size_t m = 0; m < sizeof mod_names / sizeof mod_names[0]; m++) {
        if (!(bind.mods & mod_names[m].bit))
            continue;
        int n = snprintf(buf + used, len - used, "%s", mod_names[m].prefix);
        if (n < 0 || (size_t)n >= len - used)
            return;
        used += (size_t)n;
    }
    const char *name = SDL_GetKeyName((SDL_Keycode)bind.key);
    snprintf(buf + used, len - used, "%s", name && *name ? name : "Unknown");
}

/* Names that would not survive a YAML file or a label: control characters,
 * C0 and C1 alike. */
static int printable(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            return 0;
        if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            return 0;
    }
    return 1;
}

/* Keys whose keycode is an ASCII control character although their name
 * is a word; a scancode alone does not say which keycode they send. */
static const SDL_Keycode named_ascii[] = {SDLK_RETURN, SDLK_ESCAPE, SDLK_BACKSPACE,
                                          SDLK_TAB,    SDLK_SPACE,  SDLK_DELETE};

/* SDL_GetKeyFromName goes through the keyboard's keymap for names longer
 * than one character, which some SDL versions fill only in SDL_Init; the
 * settings must read the same with or without a window. */
static SDL_Keycode key_from_name(const char *name)
{
    SDL_Keycode key = SDL_GetKeyFromName(name);
    if (key != SDLK_UNKNOWN)
        return key;
    SDL_Scancode scancode = SDL_GetScancodeFromName(name);
    if (scancode == SDL_SCANCODE_UNKNOWN)
        return SDLK_UNKNOWN;
    for (size_t i = 0; i < sizeof named_ascii / sizeof named_ascii[0]; i++)
        if (SDL_strcasecmp(SDL_GetKeyName(named_ascii[i]), name) == 0)
            return named_ascii[i];
    return SDL_SCANCODE_TO_KEYCODE(scancode);
}

int hv_keybind_parse(const char *text, hv_keybind *out)
{
    if (!text || !out || strlen(text) > KEY_NAME_MAX || !printable(text))
        return -1;
    if (*text == '\0' || SDL_strcasecmp(text, "None") == 0) {
        out->key = 0;
        out->mods = 0;
        return 0;
    }
    uint32_t mods = 0;
    const char *p = text;
    for (int matched = 1; matched;) {
        matched = 0;
        for (size_t m = 0; m < sizeof mod_names / sizeof mod_names[0]; m++) {
            size_t n = strlen(mod_names[m].prefix);
            /* "Ctrl++" is Ctrl with the + key: a prefix needs a key after it. */
            if (strlen(p) > n && SDL_strncasecmp(p, mod_names[m].prefix, n) == 0 &&
                !(mods & mod_names[m].bit)) {
                mods |= mod_names[m].bit;
                p += n;
                matched = 1;
            }
        }
    }
    if (*p == '\0' || SDL_strcasecmp(p, "None") == 0)
        return -1;
    SDL_Keycode key = key_from_name(p);
    /* SDL maps some unknown names to something; only a name that comes
     * back unchanged is the key the player meant. */
    if (key == SDLK_UNKNOWN || SDL_strcasecmp(SDL_GetKeyName(key), p) != 0)
        return -1;
    out->key = (int32_t)key;
    out->mods = mods;
    return 0;
}

/* Keypad keys the player expects to work like their main-keyboard twins
 * ("= (and keypad +)") unless something is bound to them directly. */
static const int32_t keypad_alias[][2] = {{SDLK_KP_PLUS, SDLK_EQUALS},
                                          {SDLK_PLUS, SDLK_EQUALS},
                                          {SDLK_KP_MINUS, SDLK_MINUS},
                                          {SDLK_KP_ENTER, SDLK_RETURN},
                                          {SDLK_KP_EQUALS, SDLK_EQUALS}};

static int find_exact(const hv_settings *settings, int32_t key, uint32_t mods, int skip)
{
    if (key == 0)
        return -1;
    for (int a = 0; a < HV_ACT_COUNT; a++)
        if (a != skip && settings->keys[a].key == key && settings->keys[a].mods == mods)
            return a;
    return -1;
}

int hv_settings_action_for(const hv_settings *settings, int32_t key, uint32_t mods)
{
    int a = find_exact(settings, key, mods, -1);
    for (size_t i = 0; a < 0 && i < sizeof keypad_alias / sizeof keypad_alias[0]; i++)
        if (keypad_alias[i][0] == key)
            a = find_exact(settings, keypad_alias[i][1], mods, -1);
    return a;
}

int hv_settings_conflict(const hv_settings *settings, hv_action action)
{
    if ((unsigned)action >= HV_ACT_COUNT)
        return -1;
    return find_exact(settings, settings->keys[action].key, settings->keys[action].mods,
                      (int)action);
}

const hv_field *hv_settings_keys(const char *section)
{
    if (!section)
        return NULL;
    if (!*section)
        return file_fields;
    if (strcmp(section, "window") == 0)
        return window_fields;
    if (strcmp(section, "sound") == 0)
        return sound_fields;
    if (strcmp(section, "mods") == 0)
        return mod_fields;
    if (strcmp(section, "keys") == 0)
        return key_fields;
    return NULL;
}

/* ---- reading ---- */

/* One entry of the mods list; an id twice is a mistake worth naming. */
static void read_mod(hv_ctx *ctx, const hv_ynode *item, size_t index, void *data)
{
    hv_settings *out = data;
    hv_mod_choice c = {"", 1};
    int before = ctx->errors;
    hv_fields_read(ctx, item, mod_fields, &c, NULL, 1);
    if (ctx->errors != before)
        return;
    for (int32_t i = 0; i < out->mod_count; i++)
        if (strcmp(out->mods[i].id, c.id) == 0) {
            hv_ctx_error(ctx, hv_ynode_get(item, "id"), "mod '%s' is listed twice", c.id);
            return;
        }
    (void)index;
    out->mods[out->mod_count++] = c;
}

static void read_scale(hv_ctx *ctx, const hv_ynode *node, hv_settings *out)
{
    size_t old = hv_ctx_push_key(ctx, "ui_scale");
    int64_t v;
    if (node->kind == HV_YNODE_SCALAR && strcmp(node->str, "auto") == 0) {
        out->ui_scale = 0;
    } else if (hv_read_int(ctx, node, INT32_MIN, INT32_MAX, &v)) {
        if (v != 0 && (v < 100 || v > 300))
            hv_ctx_error(ctx, node,
                         "%lld is out of range (100..300, or 0 or auto to follow the "
                         "display)",
                         (long long)v);
        else
            out->ui_scale = (int32_t)v;
    }
    hv_ctx_pop(ctx, old);
}

static void read_keys(hv_ctx *ctx, const hv_ynode *node, hv_settings *out)
{
    size_t old = hv_ctx_push_key(ctx, "keys");
    const hv_ynode *where[HV_ACT_COUNT] = {NULL};
    if (hv_fields_read(ctx, node, key_fields, NULL, NULL, 0)) {
        for (size_t i = 0; i < node->count; i++) {
            const hv_ynode *key = node->items[2 * i], *value = node->items[2 * i + 1];
            int a = hv_fields_index(key_fields, key->str);
            if (a < 0)
                continue; /* reported by hv_fields_read */
            size_t at = hv_ctx_push_key(ctx, key->str);
            if (hv_expect(ctx, value, HV_YNODE_SCALAR)) {
                hv_keybind bind;
                if (hv_keybind_parse(value->str, &bind) != 0) {
                    hv_ctx_error(ctx, value,
                                 "'%.*s' is not a key (write it like Space, F1, Ctrl+S, "
                                 "Shift+Alt+Left, or None)",
                                 KEY_NAME_MAX, value->str);
                } else {
                    out->keys[a] = bind;
                    where[a] = value;
                }
            }
            hv_ctx_pop(ctx, at);
        }
    }
    /* Reported once per pair, at the binding that comes later in the file
     * (or the only one there: the defaults never collide). */
    for (int a = 0; a < HV_ACT_COUNT; a++) {
        int other = hv_settings_conflict(out, (hv_action)a);
        if (other < 0 || other > a || (!where[a] && !where[other]))
            continue;
        int at = a;
        if (!where[a] || (where[other] && (where[other]->line > where[a]->line ||
                                           (where[other]->line == where[a]->line &&
                                            where[other]->col > where[a]->col))))
            at = other;
        int with = at == a ? other : a;
        char name[KEY_NAME_MAX + 32];
        hv_keybind_format(out->keys[a], name, sizeof name);
        size_t p = hv_ctx_push_key(ctx, actions[at].id);
        hv_ctx_error(ctx, where[at], "%s is also the key of %s (%s); one key, one action", name,
                     actions[with].id, actions[with].name);
        hv_ctx_pop(ctx, p);
    }
    hv_ctx_pop(ctx, old);
}

int hv_settings_load(hv_settings *settings, const char *path, hv_diag *diag)
{
    hv_settings_defaults(settings);
    if (!path)
        return 0;
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT)
        return 0; /* first run: nothing saved yet */
    hv_settings tmp;
    hv_settings_defaults(&tmp);
    size_t before = diag->count;
    hv_ydoc doc;
    hv_ylimits limits = hv_ylimits_default();
    limits.max_bytes = 64 * 1024; /* a settings file is a few hundred bytes */
    hv_ctx ctx = {diag, path, NULL, "", 0, 0, NULL, 0};
    if (hv_ydoc_load_file(&doc, path, &limits, diag) == 0 &&
        hv_check_format(&ctx, doc.root, "settings") &&
        hv_fields_read(&ctx, doc.root, file_fields, NULL, NULL, 1)) {
        const hv_ynode *scale = hv_ynode_get(doc.root, "ui_scale");
        if (scale)
            read_scale(&ctx, scale, &tmp);
        hv_read_section(&ctx, doc.root, "window", window_fields, &tmp, 0);
        hv_read_section(&ctx, doc.root, "sound", sound_fields, &tmp, 0);
        const hv_ynode *keys = hv_ynode_get(doc.root, "keys");
        if (keys)
            read_keys(&ctx, keys, &tmp);
        hv_read_list(&ctx, doc.root, "mods", HV_SETTINGS_MODS, read_mod, &tmp);
    }
    hv_ydoc_free(&doc);
    if (diag->count != before)
        return -1;
    *settings = tmp;
    return 0;
}

/* ---- writing ---- */

typedef struct out_buf {
    char data[8192];
    size_t len;
    int overflow;
} out_buf;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
put(out_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, sizeof b->data - b->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof b->data - b->len)
        b->overflow = 1;
    else
        b->len += (size_t)n;
}

/* Key names include " and \ themselves, and "-" or "=" alone are not
 * plain YAML, so every name is written double-quoted. */
static void put_quoted(out_buf *b, const char *text)
{
    put(b, "\"");
    for (const char *p = text; *p; p++)
        put(b, "%s%c", *p == '"' || *p == '\\' ? "\\" : "", *p);
    put(b, "\"");
}

int hv_settings_save(const hv_settings *settings, const char *path, char *err, size_t err_len)
{
    /* What is saved must load again, or the next start would silently fall
     * back to the defaults; so refuse here what loading would refuse. */
    const hv_settings *s = settings;
    if (s->ui_scale != 0 && (s->ui_scale < 100 || s->ui_scale > 300))
        return hv_file_error(err, err_len,
                             "cannot save the settings: UI scale %d%% is not 100 to 300",
                             (int)s->ui_scale);
    if (s->width < MIN_WIDTH || s->width > MAX_SIDE || s->height < MIN_HEIGHT ||
        s->height > MAX_SIDE)
        return hv_file_error(err, err_len,
                             "cannot save the settings: a %dx%d window is not %dx%d to "
                             "%dx%d",
                             (int)s->width, (int)s->height, MIN_WIDTH, MIN_HEIGHT, MAX_SIDE,
                             MAX_SIDE);
    if (s->effects_volume < 0 || s->effects_volume > 100 || s->ambience_volume < 0 ||
        s->ambience_volume > 100)
        return hv_file_error(err, err_len,
                             "cannot save the settings: volumes %d and %d are not 0 to 100",
                             (int)s->effects_volume, (int)s->ambience_volume);
    out_buf buf = {.len = 0};
    out_buf *b = &buf;
    put(b,
        "# Happy Valley settings; see docs/settings-format.md.\n"
        "format: %d\nkind: settings\n",
        HV_FORMAT_VERSION);
    if (s->ui_scale == 0)
        put(b, "ui_scale: auto\n");
    else
        put(b, "ui_scale: %d\n", (int)s->ui_scale);
    put(b, "window:\n  width: %d\n  height: %d\n  fullscreen: %s\n  reduce_motion: %s\n",
        (int)s->width, (int)s->height, s->fullscreen ? "true" : "false",
        s->reduce_motion ? "true" : "false");
    put(b, "sound:\n  effects: %d\n  ambience: %d\n  mute: %s\nkeys:\n", (int)s->effects_volume,
        (int)s->ambience_volume, s->mute ? "true" : "false");
    int rc = 0;
    for (int a = 0; a < HV_ACT_COUNT && rc == 0; a++) {
        char name[KEY_NAME_MAX + 32];
        hv_keybind back;
        hv_keybind_format(s->keys[a], name, sizeof name);
        int other = hv_settings_conflict(s, (hv_action)a);
        if (hv_keybind_parse(name, &back) != 0 || back.key != s->keys[a].key ||
            back.mods != (s->keys[a].key ? s->keys[a].mods : 0))
            rc = hv_file_error(err, err_len, "cannot save the settings: the key of %s has no name",
                               actions[a].name);
        else if (other >= 0)
            rc = hv_file_error(err, err_len,
                               "cannot save the settings: %s and %s are both on %s; give one of "
                               "them another key",
                               actions[a].name, actions[other].name, name);
        put(b, "  %s: ", actions[a].id);
        put_quoted(b, name);
        put(b, "\n");
    }
    if (s->mod_count > 0)
        put(b, "mods:\n");
    for (int32_t i = 0; i < s->mod_count && i < HV_SETTINGS_MODS; i++)
        put(b, "  - {id: %s, enabled: %s}\n", s->mods[i].id, s->mods[i].enabled ? "true" : "false");
    if (rc == 0 && b->overflow)
        rc = hv_file_error(err, err_len, "cannot save the settings: they do not fit in %zu bytes",
                           sizeof b->data);
    if (rc == 0)
        rc = hv_file_write_atomic(path, b->data, b->len, 0, err, err_len);
    return rc;
}
