/* Settings: the default keys, key names both ways, save and load, and
 * refusing bad files whole with every error's position. No window: key
 * names must work before SDL_Init. */
#define _POSIX_C_SOURCE 200809L
#include <SDL.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hv_schema.h"
#include "hv_settings.h"
#include "hv_ui.h"
#include "hv_test.h"

static char dir[] = "/tmp/hv_settings_XXXXXX";

static int same(const hv_settings *a, const hv_settings *b)
{
    if (a->ui_scale != b->ui_scale || a->width != b->width || a->height != b->height ||
        a->fullscreen != b->fullscreen || a->effects_volume != b->effects_volume ||
        a->ambience_volume != b->ambience_volume || a->mute != b->mute)
        return 0;
    for (int i = 0; i < HV_ACT_COUNT; i++)
        if (a->keys[i].key != b->keys[i].key || a->keys[i].mods != b->keys[i].mods)
            return 0;
    return 1;
}

static void check_bind(const char *text, int32_t key, uint32_t mods, const char *canonical)
{
    hv_keybind b = {-1, 99};
    int rc = hv_keybind_parse(text, &b);
    CHECK_EQ_INT(rc, 0);
    if (rc != 0)
        fprintf(stderr, "  could not parse '%s'\n", text);
    CHECK_EQ_INT(b.key, key);
    CHECK_EQ_INT(b.mods, mods);
    char buf[64];
    hv_keybind_format(b, buf, sizeof buf);
    CHECK_STR(buf, canonical);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fwrite(text, 1, strlen(text), f);
        fclose(f);
    }
}

/* Loads TEXT; returns the load's result and the first printed error line. */
static int load_text(const char *text, size_t len, hv_settings *out, char *first, size_t cap)
{
    char path[256];
    snprintf(path, sizeof path, "%s/bad.yaml", dir);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f)
        return -2;
    fwrite(text, 1, len, f);
    fclose(f);
    hv_diag diag;
    hv_diag_init(&diag);
    int rc = hv_settings_load(out, path, &diag);
    first[0] = '\0';
    FILE *tmp = tmpfile();
    if (tmp) {
        hv_diag_print(&diag, tmp);
        rewind(tmp);
        if (!fgets(first, (int)cap, tmp))
            first[0] = '\0';
        first[strcspn(first, "\n")] = '\0';
        fclose(tmp);
    }
    if (rc == 0 && diag.count)
        fprintf(stderr, "  loaded with errors: %s\n", first);
    hv_diag_free(&diag);
    unlink(path);
    return rc;
}

/* A bad file: refused, settings at the defaults, and the first error is
 * FILE:WHERE: error: MESSAGE with MESSAGE starting as given. */
static void check_bad(const char *text, size_t len, const char *where, const char *message)
{
    hv_settings s, defaults;
    hv_settings_defaults(&defaults);
    char first[1024], want[512];
    CHECK_EQ_INT(load_text(text, len, &s, first, sizeof first), -1);
    CHECK(same(&s, &defaults));
    int ok;
    if (*where) {
        snprintf(want, sizeof want, "%s/bad.yaml:%s: error: %s", dir, where, message);
        ok = strncmp(first, want, strlen(want)) == 0;
    } else {
        /* Wherever the reader stops: only the shape of the line is fixed. */
        snprintf(want, sizeof want, "%s/bad.yaml:", dir);
        int line = 0, col = 0;
        ok = strncmp(first, want, strlen(want)) == 0 &&
             sscanf(first + strlen(want), "%d:%d", &line, &col) == 2 && line > 0 &&
             strstr(first, ": error: ") != NULL;
    }
    CHECK(ok);
    if (!ok)
        fprintf(stderr, "  got:      %s\n  expected: %s...\n", first, want);
}

#define HEAD "format: 1\nkind: settings\n"
#define BAD(text, where, message) check_bad(text, sizeof text - 1, where, message)

static void test_defaults(void)
{
    hv_settings s;
    memset(&s, 0x5a, sizeof s);
    hv_settings_defaults(&s);
    CHECK_EQ_INT(s.ui_scale, 0);
    CHECK_EQ_INT(s.width, 1280);
    CHECK_EQ_INT(s.height, 720);
    CHECK_EQ_INT(s.fullscreen, 0);
    CHECK_EQ_INT(s.effects_volume, 80);
    CHECK_EQ_INT(s.ambience_volume, 50);
    CHECK_EQ_INT(s.mute, 0);
    static const struct {
        hv_action action;
        const char *id, *name, *key;
    } want[HV_ACT_COUNT] = {
        {HV_ACT_END_TURN, "end_turn", "End turn", "Space"},
        {HV_ACT_MENU, "menu", "Menu", "Escape"},
        {HV_ACT_HELP, "help", "Help", "F1"},
        {HV_ACT_SAVE, "save", "Save", "Ctrl+S"},
        {HV_ACT_LOAD, "load", "Load", "Ctrl+L"},
        {HV_ACT_UNDO, "undo", "Undo last order", "Ctrl+Z"},
        {HV_ACT_BUILD, "build", "Build", "B"},
        {HV_ACT_CREW, "crew", "Crew", "C"},
        {HV_ACT_FACTIONS, "factions", "Factions and tension", "F"},
        {HV_ACT_ASTEROIDS, "asteroids", "Asteroids and missions", "A"},
        {HV_ACT_POLICIES, "policies", "Policies", "P"},
        {HV_ACT_CHARTS, "charts", "History charts", "H"},
        {HV_ACT_REPORT, "report", "Turn report", "R"},
        {HV_ACT_GOALS, "goals", "Goals", "G"},
        {HV_ACT_ZOOM_IN, "zoom_in", "Zoom in", "="},
        {HV_ACT_ZOOM_OUT, "zoom_out", "Zoom out", "-"},
        {HV_ACT_PAN_LEFT, "pan_left", "Pan left", "Left"},
        {HV_ACT_PAN_RIGHT, "pan_right", "Pan right", "Right"},
        {HV_ACT_PAN_UP, "pan_up", "Pan up", "Up"},
        {HV_ACT_PAN_DOWN, "pan_down", "Pan down", "Down"},
    };
    for (int i = 0; i < HV_ACT_COUNT; i++) {
        CHECK_EQ_INT(want[i].action, i);
        CHECK_STR(hv_action_id(want[i].action), want[i].id);
        CHECK_STR(hv_action_name(want[i].action), want[i].name);
        char buf[64];
        hv_keybind_format(s.keys[i], buf, sizeof buf);
        CHECK_STR(buf, want[i].key);
        /* Every default reads back to itself. */
        check_bind(buf, s.keys[i].key, s.keys[i].mods, want[i].key);
        CHECK_EQ_INT(hv_settings_conflict(&s, (hv_action)i), -1);
        CHECK_EQ_INT(hv_settings_action_for(&s, s.keys[i].key, s.keys[i].mods), i);
    }
    CHECK_EQ_INT(s.keys[HV_ACT_SAVE].key, SDLK_s);
    CHECK_EQ_INT(s.keys[HV_ACT_SAVE].mods, HV_MOD_CTRL);
    CHECK_EQ_INT(s.keys[HV_ACT_END_TURN].key, SDLK_SPACE);
    CHECK_EQ_INT(s.keys[HV_ACT_PAN_DOWN].key, SDLK_DOWN);
    CHECK_STR(hv_action_id(HV_ACT_COUNT), "");
}

static void test_key_names(void)
{
    check_bind("Space", SDLK_SPACE, 0, "Space");
    check_bind("space", SDLK_SPACE, 0, "Space");
    check_bind("ctrl+s", SDLK_s, HV_MOD_CTRL, "Ctrl+S");
    check_bind("Alt+Shift+Ctrl+x", SDLK_x, HV_MOD_CTRL | HV_MOD_SHIFT | HV_MOD_ALT,
               "Ctrl+Shift+Alt+X");
    check_bind("Ctrl++", SDLK_PLUS, HV_MOD_CTRL, "Ctrl++");
    check_bind("+", SDLK_PLUS, 0, "+");
    check_bind("Keypad +", SDLK_KP_PLUS, 0, "Keypad +");
    check_bind("Shift+Return", SDLK_RETURN, HV_MOD_SHIFT, "Shift+Return");
    check_bind("Tab", SDLK_TAB, 0, "Tab");
    check_bind("Backspace", SDLK_BACKSPACE, 0, "Backspace");
    check_bind("Delete", SDLK_DELETE, 0, "Delete");
    check_bind("F12", SDLK_F12, 0, "F12");
    check_bind("\"", SDLK_QUOTEDBL, 0, "\"");
    check_bind("\\", SDLK_BACKSLASH, 0, "\\");
    check_bind("None", 0, 0, "None");
    check_bind("none", 0, 0, "None");
    check_bind("", 0, 0, "None");
    hv_keybind b = {SDLK_a, 0};
    CHECK_EQ_INT(hv_keybind_parse("Ctrl+Banana", &b), -1);
    CHECK_EQ_INT(hv_keybind_parse("Banana", &b), -1);
    CHECK_EQ_INT(hv_keybind_parse("Ctrl+", &b), -1);
    CHECK_EQ_INT(hv_keybind_parse("Ctrl+None", &b), -1);
    CHECK_EQ_INT(hv_keybind_parse("Ctrl+Ctrl+S", &b), -1);
    CHECK_EQ_INT(hv_keybind_parse("\x01", &b), -1);
    CHECK_EQ_INT(hv_keybind_parse("Ct", &b), -1);
    CHECK_EQ_INT(hv_keybind_parse(NULL, &b), -1);
    CHECK_EQ_INT(b.key, SDLK_a); /* a failed parse leaves OUT alone */
    char tiny[4];
    hv_keybind_format((hv_keybind){SDLK_s, HV_MOD_CTRL}, tiny, sizeof tiny);
    CHECK_STR(tiny, "Ctr");

    CHECK_EQ_INT(hv_keybind_mods(KMOD_LCTRL), HV_MOD_CTRL);
    CHECK_EQ_INT(hv_keybind_mods(KMOD_RCTRL), HV_MOD_CTRL);
    CHECK_EQ_INT(hv_keybind_mods(KMOD_RSHIFT | KMOD_LALT), HV_MOD_SHIFT | HV_MOD_ALT);
    CHECK_EQ_INT(hv_keybind_mods(KMOD_RALT | KMOD_NUM | KMOD_CAPS), HV_MOD_ALT);
    CHECK_EQ_INT(hv_keybind_mods(KMOD_NUM | KMOD_CAPS | KMOD_GUI), 0);
}

static void test_lookup(void)
{
    hv_settings s;
    hv_settings_defaults(&s);
    CHECK_EQ_INT(hv_settings_action_for(&s, SDLK_s, HV_MOD_CTRL), HV_ACT_SAVE);
    CHECK_EQ_INT(hv_settings_action_for(&s, SDLK_s, 0), -1);
    CHECK_EQ_INT(hv_settings_action_for(&s, SDLK_s, HV_MOD_CTRL | HV_MOD_SHIFT), -1);
    CHECK_EQ_INT(hv_settings_action_for(&s, SDLK_b, 0), HV_ACT_BUILD);
    CHECK_EQ_INT(hv_settings_action_for(&s, SDLK_b, HV_MOD_CTRL), -1);
    CHECK_EQ_INT(hv_settings_action_for(&s, SDLK_KP_PLUS, 0), HV_ACT_ZOOM_IN);
    CHECK_EQ_INT(hv_settings_action_for(&s, SDLK_KP_MINUS, 0), HV_ACT_ZOOM_OUT);
    CHECK_EQ_INT(hv_settings_action_for(&s, 0, 0), -1);

    /* A key bound directly wins over the keypad twin. */
    s.keys[HV_ACT_HELP] = (hv_keybind){SDLK_KP_PLUS, 0};
    CHECK_EQ_INT(hv_settings_action_for(&s, SDLK_KP_PLUS, 0), HV_ACT_HELP);

    hv_settings_defaults(&s);
    s.keys[HV_ACT_BUILD] = (hv_keybind){SDLK_SPACE, 0};
    CHECK_EQ_INT(hv_settings_conflict(&s, HV_ACT_BUILD), HV_ACT_END_TURN);
    CHECK_EQ_INT(hv_settings_conflict(&s, HV_ACT_END_TURN), HV_ACT_BUILD);
    CHECK_EQ_INT(hv_settings_conflict(&s, HV_ACT_CREW), -1);
    s.keys[HV_ACT_BUILD] = (hv_keybind){SDLK_SPACE, HV_MOD_SHIFT};
    CHECK_EQ_INT(hv_settings_conflict(&s, HV_ACT_BUILD), -1);
    s.keys[HV_ACT_BUILD] = (hv_keybind){0, 0};
    s.keys[HV_ACT_CREW] = (hv_keybind){0, 0};
    CHECK_EQ_INT(hv_settings_conflict(&s, HV_ACT_BUILD), -1);
    CHECK_EQ_INT(hv_settings_conflict(&s, HV_ACT_CREW), -1);
    CHECK_EQ_INT(hv_settings_action_for(&s, SDLK_b, 0), -1);
    CHECK_EQ_INT(hv_settings_conflict(&s, HV_ACT_COUNT), -1);
}

static void test_save_load(void)
{
    char path[256], err[256];
    snprintf(path, sizeof path, "%s/settings.yaml", dir);
    hv_settings s, back;
    hv_diag diag;

    hv_settings_defaults(&s);
    CHECK_EQ_INT(hv_settings_save(&s, path, err, sizeof err), 0);
    hv_diag_init(&diag);
    memset(&back, 0, sizeof back);
    CHECK_EQ_INT(hv_settings_load(&back, path, &diag), 0);
    CHECK_EQ_INT(diag.count, 0);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    CHECK(same(&s, &back));

    s.ui_scale = 150;
    s.width = 1600;
    s.height = 900;
    s.fullscreen = 1;
    s.keys[HV_ACT_END_TURN] = (hv_keybind){SDLK_RETURN, HV_MOD_SHIFT};
    s.keys[HV_ACT_MENU] = (hv_keybind){SDLK_QUOTEDBL, HV_MOD_CTRL | HV_MOD_ALT};
    s.keys[HV_ACT_HELP] = (hv_keybind){SDLK_BACKSLASH, 0};
    s.keys[HV_ACT_BUILD] = (hv_keybind){0, 0};
    s.keys[HV_ACT_ZOOM_IN] = (hv_keybind){SDLK_KP_PLUS, 0};
    s.keys[HV_ACT_PAN_UP] = (hv_keybind){SDLK_HASH, 0};
    s.effects_volume = 0;
    s.ambience_volume = 100;
    s.mute = 1;
    CHECK_EQ_INT(hv_settings_save(&s, path, err, sizeof err), 0);
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_settings_load(&back, path, &diag), 0);
    hv_diag_print(&diag, stderr);
    CHECK_EQ_INT(diag.count, 0);
    hv_diag_free(&diag);
    CHECK(same(&s, &back));

    /* What loading would refuse is not written, and the good file stays. */
    hv_settings bad = s;
    bad.keys[HV_ACT_CREW] = bad.keys[HV_ACT_FACTIONS];
    err[0] = '\0';
    CHECK_EQ_INT(hv_settings_save(&bad, path, err, sizeof err), -1);
    CHECK(strstr(err, "Crew") != NULL && strstr(err, "Factions and tension") != NULL);
    bad = s;
    bad.ui_scale = 50;
    CHECK_EQ_INT(hv_settings_save(&bad, path, err, sizeof err), -1);
    bad = s;
    bad.width = 100;
    CHECK_EQ_INT(hv_settings_save(&bad, path, err, sizeof err), -1);
    bad = s;
    bad.effects_volume = 101;
    CHECK_EQ_INT(hv_settings_save(&bad, path, err, sizeof err), -1);
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_settings_load(&back, path, &diag), 0);
    hv_diag_free(&diag);
    CHECK(same(&s, &back));

    char nowhere[300];
    snprintf(nowhere, sizeof nowhere, "%s/no/such/folder/settings.yaml", dir);
    err[0] = '\0';
    CHECK_EQ_INT(hv_settings_save(&s, nowhere, err, sizeof err), -1);
    CHECK(err[0] != '\0');
    unlink(path);

    /* A missing file is a first run: the defaults, no error. */
    hv_settings defaults;
    hv_settings_defaults(&defaults);
    memset(&back, 0x33, sizeof back);
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_settings_load(&back, path, &diag), 0);
    CHECK_EQ_INT(diag.count, 0);
    hv_diag_free(&diag);
    CHECK(same(&back, &defaults));
}

static void test_files(void)
{
    hv_settings s, defaults;
    hv_settings_defaults(&defaults);
    char first[1024];

    /* A partial file changes what it names and nothing else. */
    static const char partial[] = HEAD "ui_scale: 200\nwindow: {fullscreen: true}\n"
                                       "keys:\n  end_turn: Return\n  save: ctrl+shift+s\n";
    CHECK_EQ_INT(load_text(partial, sizeof partial - 1, &s, first, sizeof first), 0);
    CHECK_EQ_INT(s.ui_scale, 200);
    CHECK_EQ_INT(s.fullscreen, 1);
    CHECK_EQ_INT(s.width, 1280);
    CHECK_EQ_INT(s.keys[HV_ACT_END_TURN].key, SDLK_RETURN);
    CHECK_EQ_INT(s.keys[HV_ACT_SAVE].mods, HV_MOD_CTRL | HV_MOD_SHIFT);
    CHECK_EQ_INT(s.keys[HV_ACT_MENU].key, SDLK_ESCAPE);
    static const char autos[] = HEAD "ui_scale: \"auto\"\nkeys: {build: None, crew: \"\"}\n";
    CHECK_EQ_INT(load_text(autos, sizeof autos - 1, &s, first, sizeof first), 0);
    CHECK_EQ_INT(s.ui_scale, 0);
    CHECK_EQ_INT(s.keys[HV_ACT_BUILD].key, 0);
    CHECK_EQ_INT(s.keys[HV_ACT_CREW].key, 0);
    static const char sound[] = HEAD "sound: {ambience: 30, mute: true}\n";
    CHECK_EQ_INT(load_text(sound, sizeof sound - 1, &s, first, sizeof first), 0);
    CHECK_EQ_INT(s.effects_volume, defaults.effects_volume);
    CHECK_EQ_INT(s.ambience_volume, 30);
    CHECK_EQ_INT(s.mute, 1);
    static const char zero[] = HEAD "ui_scale: 0\n";
    CHECK_EQ_INT(load_text(zero, sizeof zero - 1, &s, first, sizeof first), 0);
    CHECK(same(&s, &defaults));

    BAD(HEAD "ui_scale: 50\n", "3:11", "ui_scale: 50 is out of range (100..300");
    BAD(HEAD "ui_scale: 301\n", "3:11", "ui_scale: 301 is out of range (100..300");
    BAD(HEAD "ui_scale: big\n", "3:11", "ui_scale: expected a whole number, got 'big'");
    BAD(HEAD "keys:\n  jump: Space\n", "4:3", "keys: unknown key 'jump'");
    BAD(HEAD "keys:\n  sav: Ctrl+S\n", "4:3", "keys: unknown key 'sav' (did you mean 'save'?)");
    BAD(HEAD "keys:\n  save: Ctrl+Banana\n", "4:9", "keys.save: 'Ctrl+Banana' is not a key");
    BAD(HEAD "keys:\n  save: [Ctrl, S]\n", "4:9", "keys.save: expected a value, got a list");
    BAD(HEAD "keys: Space\n", "3:7", "keys: expected a map");
    BAD(HEAD "keys:\n  crew: Space\n", "4:9",
        "keys.crew: Space is also the key of end_turn (End turn)");
    BAD(HEAD "keys:\n  crew: X\n  build: x\n", "5:10",
        "keys.build: X is also the key of crew (Crew)");
    BAD(HEAD "window: {width: 100}\n", "3:17", "window.width: 100 is out of range (640..16384)");
    BAD(HEAD "window: {fullscreen: yes}\n", "3:22", "window.fullscreen: expected true or false");
    BAD(HEAD "window: {depth: 32}\n", "3:10", "window: unknown key 'depth'");
    BAD(HEAD "sound: {effects: 101}\n", "3:18", "sound.effects: 101 is out of range (0..100)");
    BAD(HEAD "sound: {ambience: -1}\n", "3:19", "sound.ambience: -1 is out of range (0..100)");
    BAD(HEAD "sound: {mute: 1}\n", "3:15", "sound.mute: expected true or false");
    BAD(HEAD "sound: {music: 50}\n", "3:9", "sound: unknown key 'music'");
    BAD(HEAD "theme: dark\n", "3:1", "unknown key 'theme'");
    BAD("format: 2\nkind: settings\n", "1:9", "format: format 2 is not supported");
    BAD("kind: settings\n", "1:1", "missing required key 'format'");
    BAD("format: 1\nkind: level\n", "2:7", "kind: 'level' is not 'settings'");
    BAD("format: 1\n", "1:1", "missing required key 'kind'");
    BAD("- format: 1\n- kind: settings\n", "1:1", "expected a map, got a list");
    BAD("", "1:1", "the file is empty");
    BAD("\x01\xff\xfe{{[\x00garbage", "1:2", "invalid UTF-8 byte 0xff");
    BAD("\x01\x02{{[\x00garbage", "", "");
    BAD(HEAD "keys: {save: [\n", "", "");
    BAD(HEAD "keys: {save: Ctrl+S, save: F2}\n", "3:22", "duplicate key 'save'");

    /* Every error of the file is reported, not just the first. */
    static const char many[] = HEAD "ui_scale: 7\nwindow: {width: 1}\nkeys: {x: Space, "
                                    "help: Nope}\n";
    hv_diag diag;
    hv_diag_init(&diag);
    char path[256];
    snprintf(path, sizeof path, "%s/many.yaml", dir);
    write_text(path, many);
    CHECK_EQ_INT(hv_settings_load(&s, path, &diag), -1);
    CHECK_EQ_INT(diag.count, 4);
    hv_diag_free(&diag);
    unlink(path);

    /* A folder where the file should be is an error, not a first run. */
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_settings_load(&s, dir, &diag), -1);
    CHECK(diag.count > 0);
    hv_diag_free(&diag);
    CHECK(same(&s, &defaults));
}

/* `happyvalley schema` says what the settings file holds, from its own
 * key tables: every key has its shape, and every action its binding. */
static void test_schema(void)
{
    CHECK_EQ_INT(hv_schema_check(stderr, hv_ui_file_kinds), 0);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    CHECK(out != NULL);
    if (!out)
        return;
    CHECK_EQ_INT(hv_schema_write(out, "settings", hv_ui_file_kinds), 0);
    fclose(out);
    for (int a = 0; a < HV_ACT_COUNT; a++) {
        char key[64];
        snprintf(key, sizeof key, "\n        \"%s\": {", hv_action_id((hv_action)a));
        CHECK(strstr(text, key) != NULL);
        if (!strstr(text, key))
            fprintf(stderr, "  the schema's keys lack action '%s'\n", hv_action_id((hv_action)a));
    }
    CHECK(strstr(text, "\"const\": \"settings\"") != NULL);
    free(text);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_defaults();
    test_key_names();
    test_lookup();
    test_save_load();
    test_files();
    test_schema();
    /* With a window system up, SDL reads names through the keyboard's
     * keymap: the same names must mean the same keys. */
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    if (SDL_Init(SDL_INIT_VIDEO) == 0) {
        test_defaults();
        test_key_names();
    } else {
        fprintf(stderr, "note: no dummy video driver (%s); names checked without it only\n",
                SDL_GetError());
    }
    rmdir(dir);
    SDL_Quit(); /* also frees the error text SDL keeps for unknown key names */
    return hv_test_done("ui_settings");
}
