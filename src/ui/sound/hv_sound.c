/* The audio device and its mixer. The device always takes 16-bit mono at
 * 22050 Hz (SDL converts for the hardware when it must), so every sound is
 * converted once at load and mixing is plain integer sums. The audio
 * thread only reads what the main thread set under the device's lock. */
#include "hv_sound.h"

#include <SDL.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define RATE 22050
#define VOICES 8
/* Ambience glides over about 0.75 s rather than jumping, so a blackout or
 * a storm swells and fades instead of clicking. */
#define GLIDE_STEP (65536 / (RATE * 3 / 4))
/* A cue asked again this soon after it started is the same sound twice. */
#define REPEAT_MS 60
#define LOG_LEN 512

typedef struct clip {
    Sint16 *data;
    Uint32 len; /* samples */
    int32_t volume;
} clip;

typedef struct voice {
    const clip *clip; /* NULL: free */
    Uint32 pos;
    Uint32 delay; /* samples of silence before it starts */
    int32_t gain; /* Q12 */
} voice;

typedef struct loop_state {
    clip clip;
    Uint32 pos;
    int32_t gain;   /* Q16, moving towards target */
    int32_t target; /* Q16 */
    int level;      /* 0..100, as the game last set it */
} loop_state;

static struct {
    SDL_AudioDeviceID dev;
    clip effects[HV_CUE_COUNT];
    loop_state loops[HV_LOOP_COUNT];
    voice voices[VOICES];
    Uint32 started[HV_CUE_COUNT]; /* SDL ticks a cue last started */
    int effects_volume, ambience_volume, mute;
    char log[LOG_LEN];
} snd = {.effects_volume = 80, .ambience_volume = 50};

#define ID(name, id) [name] = id,
static const char *const cue_ids[HV_CUE_COUNT] = {HV_CUES(ID)};
static const char *const loop_ids[HV_LOOP_COUNT] = {HV_LOOPS(ID)};
#undef ID

static const hv_cue alert_cues[HV_ALERT_COUNT] = {
    [HV_ALERT_BLACKOUT] = HV_CUE_ALERT_BLACKOUT, [HV_ALERT_SHORTAGE] = HV_CUE_ALERT_SHORTAGE,
    [HV_ALERT_FAULT] = HV_CUE_ALERT_FAULT,       [HV_ALERT_UNREST] = HV_CUE_ALERT_UNREST,
    [HV_ALERT_ARRIVAL] = HV_CUE_ALERT_ARRIVAL,   [HV_ALERT_LAUNCH] = HV_CUE_ALERT_LAUNCH,
};

const char *hv_sound_cue_id(hv_cue cue)
{
    return (unsigned)cue < HV_CUE_COUNT ? cue_ids[cue] : "";
}

const char *hv_sound_loop_id(hv_loop loop)
{
    return (unsigned)loop < HV_LOOP_COUNT ? loop_ids[loop] : "";
}

hv_cue hv_sound_alert_cue(hv_alert kind)
{
    return (unsigned)kind < HV_ALERT_COUNT ? alert_cues[kind] : HV_CUE_COUNT;
}

/* ---- the audio thread ---------------------------------------------------- */

static Sint16 clamp16(int32_t v)
{
    return (Sint16)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
}

static void mix(void *userdata, Uint8 *stream, int bytes)
{
    (void)userdata;
    Sint16 *out = (Sint16 *)stream;
    int n = bytes / (int)sizeof(Sint16);
    if (snd.mute) {
        memset(stream, 0, (size_t)bytes);
        return;
    }
    for (int i = 0; i < n; i++) {
        int32_t acc = 0;
        for (int v = 0; v < VOICES; v++) {
            voice *vo = &snd.voices[v];
            if (!vo->clip)
                continue;
            if (vo->delay) {
                vo->delay--;
                continue;
            }
            acc += (vo->clip->data[vo->pos] * vo->gain) >> 12;
            if (++vo->pos >= vo->clip->len)
                vo->clip = NULL;
        }
        for (int l = 0; l < HV_LOOP_COUNT; l++) {
            loop_state *lp = &snd.loops[l];
            if (lp->gain < lp->target)
                lp->gain = lp->gain + GLIDE_STEP > lp->target ? lp->target : lp->gain + GLIDE_STEP;
            else if (lp->gain > lp->target)
                lp->gain = lp->gain - GLIDE_STEP < lp->target ? lp->target : lp->gain - GLIDE_STEP;
            if (!lp->clip.len)
                continue;
            if (lp->gain > 0)
                acc += (int32_t)(((int64_t)lp->clip.data[lp->pos] * lp->gain) >> 16);
            /* A silent loop keeps its place, so it never restarts on a seam. */
            if (++lp->pos >= lp->clip.len)
                lp->pos = 0;
        }
        out[i] = clamp16(acc);
    }
}

/* ---- loading ------------------------------------------------------------- */

/* Reads the WAV at PATH as 16-bit mono at RATE into OUT; 0 or -1. */
static int load_clip(const char *path, clip *out)
{
    SDL_AudioSpec spec;
    Uint8 *buf = NULL;
    Uint32 len = 0;
    if (!SDL_LoadWAV(path, &spec, &buf, &len))
        return -1;
    SDL_AudioCVT cvt;
    int need =
        SDL_BuildAudioCVT(&cvt, spec.format, spec.channels, spec.freq, AUDIO_S16SYS, 1, RATE);
    if (need < 0) {
        SDL_FreeWAV(buf);
        return -1;
    }
    cvt.len = (int)len;
    cvt.buf = malloc((size_t)len * (size_t)(cvt.len_mult > 0 ? cvt.len_mult : 1) + 2);
    if (!cvt.buf) {
        SDL_FreeWAV(buf);
        SDL_SetError("out of memory");
        return -1;
    }
    memcpy(cvt.buf, buf, len);
    SDL_FreeWAV(buf);
    if (need > 0 && SDL_ConvertAudio(&cvt) != 0) {
        free(cvt.buf);
        return -1;
    }
    out->data = (Sint16 *)cvt.buf;
    out->len = (Uint32)((need > 0 ? cvt.len_cvt : cvt.len) / (int)sizeof(Sint16));
    if (out->len == 0) {
        free(cvt.buf);
        out->data = NULL;
        SDL_SetError("no samples");
        return -1;
    }
    return 0;
}

static void free_clips(void)
{
    for (int c = 0; c < HV_CUE_COUNT; c++)
        free(snd.effects[c].data);
    for (int l = 0; l < HV_LOOP_COUNT; l++)
        free(snd.loops[l].clip.data);
    memset(snd.effects, 0, sizeof snd.effects);
    memset(snd.loops, 0, sizeof snd.loops);
    memset(snd.voices, 0, sizeof snd.voices);
}

/* Loads every sound TABLE names from DIR. A file that cannot be read
 * leaves its cue silent; returns how many could not, and says which in
 * WHY (the first). */
static int load_table(const char *dir, const hv_sound_table *table, char *why, size_t why_len)
{
    int failed = 0;
    for (int i = 0; i < HV_CUE_COUNT + HV_LOOP_COUNT; i++) {
        int is_loop = i >= HV_CUE_COUNT;
        const hv_sound_entry *e = is_loop ? &table->loops[i - HV_CUE_COUNT] : &table->effects[i];
        clip *c = is_loop ? &snd.loops[i - HV_CUE_COUNT].clip : &snd.effects[i];
        if (!e->file[0])
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->file);
        if (load_clip(path, c) != 0) {
            if (!failed++)
                snprintf(why, why_len, "%s: %s", path, SDL_GetError());
            continue;
        }
        c->volume = e->volume;
    }
    return failed;
}

static void set_targets(void)
{
    for (int l = 0; l < HV_LOOP_COUNT; l++) {
        loop_state *lp = &snd.loops[l];
        /* level% x file volume% x player's ambience% of full scale, in Q16 */
        int64_t t = (int64_t)lp->level * lp->clip.volume * snd.ambience_volume * 65536 / 1000000;
        lp->target = (int32_t)t;
    }
}

int hv_sound_open(const char *dir)
{
    if (snd.dev)
        return 0;
    /* A window nobody sees (scripts, tests, screenshots) has nobody to
     * hear it either, unless a driver is asked for by name. */
    const char *video = SDL_GetCurrentVideoDriver();
    if (video && (strcmp(video, "dummy") == 0 || strcmp(video, "offscreen") == 0) &&
        !SDL_getenv("SDL_AUDIODRIVER"))
        return -1;
    char path[1024];
    snprintf(path, sizeof path, "%s/sounds.yaml", dir);
    hv_sound_table table;
    hv_diag diag;
    hv_diag_init(&diag);
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "happyvalley: warning: no sound: %s: %s\n", path, strerror(errno));
        hv_diag_free(&diag);
        return -1;
    }
    if (hv_sound_table_load(&table, path, &diag) != 0) {
        hv_diag_print(&diag, stderr); /* whoever edited the file needs the lines */
        hv_diag_free(&diag);
        fprintf(stderr, "happyvalley: warning: no sound: %s cannot be read\n", path);
        return -1;
    }
    hv_diag_free(&diag);
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        fprintf(stderr, "happyvalley: warning: no sound: %s\n", SDL_GetError());
        return -1;
    }
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = RATE;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 512; /* about 23 ms: a click follows the press closely */
    want.callback = mix;
    /* No changes allowed: SDL converts to what the hardware takes, so the
     * mixer and the loaded sounds always agree on the format. */
    snd.dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (!snd.dev) {
        fprintf(stderr, "happyvalley: warning: no sound: %s\n", SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return -1;
    }
    char why[1200] = "";
    int failed = load_table(dir, &table, why, sizeof why);
    if (failed)
        fprintf(stderr, "happyvalley: warning: %d sound%s missing (%s)\n", failed,
                failed == 1 ? "" : "s", why);
    set_targets();
    SDL_PauseAudioDevice(snd.dev, 0);
    return 0;
}

void hv_sound_close(void)
{
    if (!snd.dev)
        return;
    SDL_CloseAudioDevice(snd.dev);
    snd.dev = 0;
    free_clips();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

/* ---- what the game asks for ---------------------------------------------- */

static int clamp_pct(int v)
{
    return v < 0 ? 0 : v > 100 ? 100 : v;
}

void hv_sound_volumes(int effects, int ambience, int mute)
{
    effects = clamp_pct(effects);
    ambience = clamp_pct(ambience);
    mute = mute != 0;
    if (effects == snd.effects_volume && ambience == snd.ambience_volume && mute == snd.mute)
        return;
    if (snd.dev)
        SDL_LockAudioDevice(snd.dev);
    snd.effects_volume = effects;
    snd.ambience_volume = ambience;
    if (mute && !snd.mute)
        memset(snd.voices, 0, sizeof snd.voices); /* nothing left to resume */
    snd.mute = mute;
    set_targets();
    if (snd.dev)
        SDL_UnlockAudioDevice(snd.dev);
}

static void log_cue(hv_cue cue)
{
    size_t used = strlen(snd.log);
    const char *id = cue_ids[cue];
    if (used + strlen(id) + 2 < sizeof snd.log)
        snprintf(snd.log + used, sizeof snd.log - used, "%s%s", used ? " " : "", id);
}

void hv_sound_play(hv_cue cue, int delay_ms)
{
    if ((unsigned)cue >= HV_CUE_COUNT)
        return;
    log_cue(cue);
    const clip *c = &snd.effects[cue];
    if (!snd.dev || !c->len || snd.mute || !snd.effects_volume || !c->volume)
        return;
    Uint32 now = SDL_GetTicks();
    if (snd.started[cue] && now - snd.started[cue] < REPEAT_MS && delay_ms == 0)
        return;
    snd.started[cue] = now;
    SDL_LockAudioDevice(snd.dev);
    /* A free voice, else the one nearest its end. */
    int pick = 0;
    Uint32 least = UINT32_MAX;
    for (int v = 0; v < VOICES; v++) {
        const voice *vo = &snd.voices[v];
        Uint32 left = vo->clip ? vo->delay + vo->clip->len - vo->pos : 0;
        if (left < least) {
            least = left;
            pick = v;
        }
    }
    voice *vo = &snd.voices[pick];
    vo->clip = c;
    vo->pos = 0;
    vo->delay = delay_ms > 0 ? (Uint32)delay_ms * RATE / 1000 : 0;
    vo->gain = c->volume * snd.effects_volume * 4096 / 10000;
    SDL_UnlockAudioDevice(snd.dev);
}

void hv_sound_alert(hv_alert kind)
{
    hv_sound_play(hv_sound_alert_cue(kind), 0);
}

void hv_sound_loop_level(hv_loop loop, int level)
{
    if ((unsigned)loop >= HV_LOOP_COUNT)
        return;
    level = clamp_pct(level);
    if (snd.loops[loop].level == level)
        return;
    if (snd.dev)
        SDL_LockAudioDevice(snd.dev);
    snd.loops[loop].level = level;
    set_targets();
    if (snd.dev)
        SDL_UnlockAudioDevice(snd.dev);
}

void hv_sound_take_log(char *buf, size_t len)
{
    if (len == 0)
        return;
    snprintf(buf, len, "%s", snd.log);
    snd.log[0] = '\0';
}
