/* The game's happenings as cues: what a week's report calls for, the
 * ambience the base makes, the sting of an event dialog opening. Reads
 * the game and never writes it. */
#include "hv_alerts.h"
#include "hv_app.h"
#include "hv_sound.h"
#include "hv_turn.h"

/* The alert after the chime's first note, so the two do not blur. */
#define ALERT_AFTER_MS 450
/* An event opened by the week's end waits for the chime and the alert. */
#define STING_AFTER_WEEK_MS 1300

int hv_sound_week_alert(const hv_state *before, const hv_state *after, const hv_report *report)
{
    int seen[HV_ALERT_COUNT] = {0};
    for (int32_t i = 0; report && i < report->count; i++) {
        const hv_event *e = &report->events[i];
        switch (e->kind) {
        case HV_EV_MODULE_UNPOWERED:
            seen[HV_ALERT_BLACKOUT] = 1;
            break;
        case HV_EV_MODULE_BROKEN:
            seen[HV_ALERT_FAULT] = 1;
            break;
        case HV_EV_INCIDENT:
        case HV_EV_RIOT:
            seen[HV_ALERT_UNREST] = 1;
            break;
        case HV_EV_MISSION:
            /* A probe's assay or a crew's capture (or loss): news from out there. */
            if (e->cause == HV_CAUSE_MISSION && e->amount != HV_RESULT_NONE)
                seen[HV_ALERT_ARRIVAL] = 1;
            break;
        case HV_EV_RESOURCE:
            if (e->cause == HV_CAUSE_SUPPLY && e->amount > 0)
                seen[HV_ALERT_ARRIVAL] = 1;
            break;
        default:
            break;
        }
    }
    if (after->shortage_mask)
        seen[HV_ALERT_SHORTAGE] = 1;
    if (before && hv_alerts_window_opened(before, after) >= 0)
        seen[HV_ALERT_LAUNCH] = 1;
    for (int k = 0; k < HV_ALERT_COUNT; k++)
        if (seen[k])
            return k;
    return -1;
}

static Uint32 week_ended; /* SDL ticks of the last week's chime */

void hv_sound_week(const hv_state *before, const hv_state *after, const hv_report *report)
{
    hv_sound_play(HV_CUE_WEEK_END, 0);
    week_ended = SDL_GetTicks();
    /* One alert a week, the most urgent: a pile of them says nothing. */
    int alert = hv_sound_week_alert(before, after, report);
    if (alert >= 0)
        hv_sound_play(hv_sound_alert_cue((hv_alert)alert), ALERT_AFTER_MS);
}

void hv_sound_ambience_levels(const hv_state *s, int played, int *wind, int *machinery)
{
    /* A clear sky still has some wind; a storm's dust howls. */
    int dust = s->dust < 0 ? 0 : s->dust > 100 ? 100 : s->dust;
    *wind = 20 + dust * 80 / 100;
    int active = 0, running = 0;
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        if (m->status != HV_MODULE_ACTIVE)
            continue;
        active++;
        /* Before the first week nothing has been shed yet. */
        running += !m->broken && (m->powered || !played);
    }
    if (!running) {
        *machinery = 0; /* a dead base is quiet but for the wind */
        return;
    }
    /* Half from the share of the base running, half from the power drawn
     * (full at 300 kW, a large base). */
    int64_t used = s->power_demand < s->power_supply ? s->power_demand : s->power_supply;
    int power = used <= 0 ? 0 : used >= 300 ? 100 : (int)(used * 100 / 300);
    *machinery = 20 + running * 40 / active + power * 40 / 100;
}

void hv_sound_follow(const hv_app *app)
{
    static hv_modal last_modal = HV_MODAL_NONE;
    const hv_settings *st = &app->settings;
    hv_sound_volumes(st->effects_volume, st->ambience_volume, st->mute);
    int wind = 0, machinery = 0;
    const hv_game *game = app->game;
    /* The base is heard only while it is on screen. */
    if (game && app->screen == HV_SCR_GAME)
        hv_sound_ambience_levels(&game->state, game->played, &wind, &machinery);
    hv_sound_loop_level(HV_LOOP_WIND, wind);
    hv_sound_loop_level(HV_LOOP_MACHINERY, machinery);
    hv_modal modal = app->screen == HV_SCR_GAME ? app->modal : HV_MODAL_NONE;
    if (modal == HV_MODAL_EVENT && last_modal != HV_MODAL_EVENT) {
        Uint32 since = SDL_GetTicks() - week_ended;
        int delay =
            week_ended && since < STING_AFTER_WEEK_MS ? (int)(STING_AFTER_WEEK_MS - since) : 0;
        hv_sound_play(HV_CUE_EVENT, delay);
    }
    last_modal = modal;
}
