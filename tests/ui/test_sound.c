/* Sound without a device: the shipped sounds file and its WAVs, bad sounds
 * files refused with their positions, the docs covering the sound keys of
 * both files, the alert a week calls for, and the ambience levels. */
#define _POSIX_C_SOURCE 200809L
#include <SDL.h>
#include <stdlib.h>
#include <unistd.h>

#include "hv_level.h"
#include "hv_schema.h"
#include "hv_settings.h"
#include "hv_sound.h"
#include "hv_test.h"
#include "hv_turn.h"
#include "hv_ui.h"

static char dir[] = "/tmp/hv_sound_XXXXXX";

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The shipped file names a readable WAV for every cue and loop. */
static void test_shipped(void)
{
    hv_sound_table t;
    hv_diag diag;
    hv_diag_init(&diag);
    CHECK_EQ_INT(hv_sound_table_load(&t, HV_ASSET_DIR "/sounds/sounds.yaml", &diag), 0);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    for (int i = 0; i < HV_CUE_COUNT + HV_LOOP_COUNT; i++) {
        const hv_sound_entry *e = i < HV_CUE_COUNT ? &t.effects[i] : &t.loops[i - HV_CUE_COUNT];
        const char *id = i < HV_CUE_COUNT ? hv_sound_cue_id((hv_cue)i)
                                          : hv_sound_loop_id((hv_loop)(i - HV_CUE_COUNT));
        CHECK(e->file[0] != '\0');
        CHECK(e->volume > 0 && e->volume <= 100);
        char path[512];
        snprintf(path, sizeof path, "%s/sounds/%s", HV_ASSET_DIR, e->file);
        SDL_AudioSpec spec;
        Uint8 *buf = NULL;
        Uint32 len = 0;
        int ok = SDL_LoadWAV(path, &spec, &buf, &len) != NULL;
        CHECK(ok);
        if (!ok) {
            fprintf(stderr, "  %s: %s: %s\n", id, path, SDL_GetError());
            continue;
        }
        /* What make-sounds.py writes: 16-bit mono at 22050 Hz, not silent. */
        CHECK_EQ_INT(spec.format, AUDIO_S16LSB);
        CHECK_EQ_INT(spec.channels, 1);
        CHECK_EQ_INT(spec.freq, 22050);
        int peak = 0;
        for (Uint32 s = 0; s + 1 < len; s += 2) {
            int v = (int16_t)(buf[s] | buf[s + 1] << 8);
            peak = abs(v) > peak ? abs(v) : peak;
        }
        CHECK(peak > 3000);
        SDL_FreeWAV(buf);
    }
}

/* Loads TEXT as a sounds file; the first error line, or "". */
static int load_text(const char *text, char *first, size_t cap)
{
    char path[256];
    snprintf(path, sizeof path, "%s/sounds.yaml", dir);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -2;
    fputs(text, f);
    fclose(f);
    hv_sound_table t;
    hv_diag diag;
    hv_diag_init(&diag);
    int rc = hv_sound_table_load(&t, path, &diag);
    first[0] = '\0';
    if (diag.count)
        snprintf(first, cap, "%d:%d: %s", diag.entries[0].line, diag.entries[0].col,
                 diag.entries[0].message);
    hv_diag_free(&diag);
    unlink(path);
    return rc;
}

#define HEAD "format: 1\nkind: sounds\n"
#define BAD(text, want)                                                                            \
    do {                                                                                           \
        char first_[512];                                                                          \
        CHECK_EQ_INT(load_text(text, first_, sizeof first_), -1);                                  \
        CHECK(strstr(first_, want) != NULL);                                                       \
        if (!strstr(first_, want))                                                                 \
            fprintf(stderr, "  got '%s', wanted '%s'\n", first_, want);                            \
    } while (0)

static void test_bad_files(void)
{
    char first[512];
    CHECK_EQ_INT(load_text(HEAD "effects: {click: {file: a.wav}}\n", first, sizeof first), 0);
    BAD(HEAD "effects:\n  clack: {file: a.wav}\n",
        "4:3: effects: unknown key 'clack' (did you mean 'click'?)");
    BAD(HEAD "effects:\n  click: {file: ../a.wav}\n",
        "4:17: effects.click: '../a.wav' is not a file name");
    BAD(HEAD "effects:\n  click: {file: a/b.wav}\n", "effects.click: 'a/b.wav' is not a file name");
    BAD(HEAD "effects:\n  click: {file: a.wav, volume: 101}\n",
        "effects.click.volume: 101 is out of range (0..100)");
    BAD(HEAD "effects:\n  click: {volume: 10}\n", "effects.click: missing required key 'file'");
    BAD(HEAD "ambience:\n  rain: {file: r.wav}\n", "ambience: unknown key 'rain'");
    BAD(HEAD "music: {}\n", "unknown key 'music'");
    BAD("format: 1\nkind: settings\n", "kind: 'settings' is not 'sounds'");
}

/* The first table after HEADING in DOC lists exactly the keys of FIELDS. */
static void check_doc_table(const char *doc, const char *name, const char *heading,
                            const hv_field *fields)
{
    const char *at = doc ? strstr(doc, heading) : NULL;
    CHECK(at != NULL);
    if (!at) {
        fprintf(stderr, "  %s: no heading '%s'\n", name, heading);
        return;
    }
    const char *table = strstr(at, "\n|");
    const char *end = table ? strstr(table, "\n\n") : NULL;
    if (!table)
        return;
    if (!end)
        end = table + strlen(table);
    for (int f = 0; fields[f].key; f++) {
        char row[128];
        snprintf(row, sizeof row, "\n| `%s` |", fields[f].key);
        const char *hit = strstr(table, row);
        CHECK(hit && hit < end);
        if (!hit || hit >= end)
            fprintf(stderr, "  %s, %s: key '%s' has no row\n", name, heading, fields[f].key);
    }
    for (const char *l = strstr(table, "\n| `"); l && l < end; l = strstr(l + 1, "\n| `")) {
        char key[128] = "";
        sscanf(l, "\n| `%127[^`]`", key);
        CHECK(hv_fields_index(fields, key) >= 0);
        if (hv_fields_index(fields, key) < 0)
            fprintf(stderr, "  %s, %s: row '%s' is no key of the file\n", name, heading, key);
    }
}

static void test_docs(void)
{
    char *settings = read_all(HV_DOC_DIR "/settings-format.md");
    char *sounds = read_all(HV_DOC_DIR "/sounds-format.md");
    CHECK(settings && sounds);
    check_doc_table(settings, "settings-format.md", "## Top of the file", hv_settings_keys(""));
    check_doc_table(settings, "settings-format.md", "## `window`", hv_settings_keys("window"));
    check_doc_table(settings, "settings-format.md", "## `sound`", hv_settings_keys("sound"));
    check_doc_table(settings, "settings-format.md", "## `mods`", hv_settings_keys("mods"));
    check_doc_table(sounds, "sounds-format.md", "## Top of the file", hv_sound_file_fields);
    check_doc_table(sounds, "sounds-format.md", "## A sound", hv_sound_entry_fields);
    /* Every cue and loop has its row. */
    for (int i = 0; sounds && i < HV_CUE_COUNT + HV_LOOP_COUNT; i++) {
        char row[96];
        snprintf(row, sizeof row, "\n| `%s` |",
                 i < HV_CUE_COUNT ? hv_sound_cue_id((hv_cue)i)
                                  : hv_sound_loop_id((hv_loop)(i - HV_CUE_COUNT)));
        CHECK(strstr(sounds, row) != NULL);
        if (!strstr(sounds, row))
            fprintf(stderr, "  sounds-format.md: no row%s\n", row);
    }
    free(settings);
    free(sounds);
}

/* `happyvalley schema` says what the sounds file holds, from its own key
 * tables: every cue and loop is a key, each a sound with its file. */
static void test_schema(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    CHECK(out != NULL);
    if (!out)
        return;
    CHECK_EQ_INT(hv_schema_write(out, "sounds", hv_ui_file_kinds), 0);
    fclose(out);
    for (int i = 0; i < HV_CUE_COUNT + HV_LOOP_COUNT; i++) {
        char key[96];
        snprintf(key, sizeof key, "\n        \"%s\": {",
                 i < HV_CUE_COUNT ? hv_sound_cue_id((hv_cue)i)
                                  : hv_sound_loop_id((hv_loop)(i - HV_CUE_COUNT)));
        CHECK(strstr(text, key) != NULL);
        if (!strstr(text, key))
            fprintf(stderr, "  the sounds' schema lacks%s\n", key);
    }
    CHECK(strstr(text, "\"$ref\": \"#/definitions/sound\"") != NULL);
    free(text);
}

static hv_report report;

/* A week of the brownout level sounds the blackout; other news ranks below it. */
static void test_alerts(void)
{
    hv_diag diag;
    hv_diag_init(&diag);
    hv_level *level = hv_level_load(HV_TEST_DIR "/ui/levels/blackout.yaml", &diag);
    hv_diag_print(&diag, stderr);
    hv_diag_free(&diag);
    CHECK(level != NULL);
    if (!level)
        return;
    hv_state *s = malloc(sizeof *s), *before = malloc(sizeof *before);
    hv_level_new_game(level, 1, s);
    *before = *s;
    /* A quiet report and no change: nothing to sound. */
    hv_report_clear(&report);
    CHECK_EQ_INT(hv_sound_week_alert(before, s, &report), -1);

    int wind0, hum0, wind1, hum1;
    hv_sound_ambience_levels(s, 0, &wind0, &hum0);
    CHECK(hum0 > 0); /* before the first week every whole module counts as running */
    CHECK_EQ_INT(hv_end_turn(s, &report), HV_TURN_DONE);
    CHECK_EQ_INT(hv_sound_week_alert(before, s, &report), HV_ALERT_BLACKOUT);
    CHECK_EQ_INT(hv_sound_alert_cue(HV_ALERT_BLACKOUT), HV_CUE_ALERT_BLACKOUT);
    hv_sound_ambience_levels(s, 1, &wind1, &hum1);
    CHECK(hum1 < hum0); /* modules were shed: the machines are quieter */
    s->dust = 0;
    hv_sound_ambience_levels(s, 1, &wind0, &hum0);
    s->dust = 90;
    hv_sound_ambience_levels(s, 1, &wind1, &hum1);
    CHECK(wind1 > wind0 && wind0 > 0 && wind1 <= 100);
    for (int32_t i = 0; i < s->module_count; i++)
        s->modules[i].powered = 0;
    hv_state_recount(s);
    hv_sound_ambience_levels(s, 1, &wind1, &hum1);
    CHECK_EQ_INT(hum1, 0);

    /* Synthetic weeks: the most urgent alert wins. */
    *s = *before;
    hv_event e = {1, HV_EV_INCIDENT, HV_CAUSE_INCIDENT, -1, -1, 0, 0};
    hv_report_clear(&report);
    hv_report_add(&report, &e);
    CHECK_EQ_INT(hv_sound_week_alert(before, s, &report), HV_ALERT_UNREST);
    e.kind = HV_EV_MODULE_BROKEN;
    hv_report_add(&report, &e);
    CHECK_EQ_INT(hv_sound_week_alert(before, s, &report), HV_ALERT_FAULT);
    s->shortage_mask = 1;
    CHECK_EQ_INT(hv_sound_week_alert(before, s, &report), HV_ALERT_SHORTAGE);
    s->shortage_mask = 0;
    hv_report_clear(&report);
    e = (hv_event){1, HV_EV_RESOURCE, HV_CAUSE_SUPPLY, 0, 0, 40, 0};
    hv_report_add(&report, &e);
    CHECK_EQ_INT(hv_sound_week_alert(before, s, &report), HV_ALERT_ARRIVAL);
    free(s);
    free(before);
    hv_level_free(level);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_shipped();
    test_bad_files();
    test_docs();
    test_schema();
    test_alerts();
    /* Without an open device every call is harmless. */
    hv_sound_play(HV_CUE_CLICK, 0);
    hv_sound_alert(HV_ALERT_FAULT);
    hv_sound_loop_level(HV_LOOP_WIND, 50);
    hv_sound_volumes(100, 100, 0);
    char log[128];
    hv_sound_take_log(log, sizeof log);
    CHECK_STR(log, "click alert_fault");
    hv_sound_close();
    rmdir(dir);
    SDL_Quit();
    return hv_test_done("ui_sound");
}
