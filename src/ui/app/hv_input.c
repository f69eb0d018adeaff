/* The window's input: keys become actions (by the player's bindings),
 * number keys pick an event's choices, Escape closes the innermost thing
 * open, and clicks and the wheel go to the widgets. */
#include <stdio.h>
#include <string.h>

#include "hv_app.h"
#include "hv_sound.h"

/* Closes the innermost thing open; returns 1 if something was. */
static int close_top(hv_app *app)
{
    if (app->modal == HV_MODAL_EVENT)
        return 1; /* an event must be answered */
    if (app->modal != HV_MODAL_NONE) {
        if (app->modal == HV_MODAL_END && app->game)
            app->game->summary_seen = 1;
        app->modal = HV_MODAL_NONE;
        return 1;
    }
    if (app->screen == HV_SCR_GAME && app->game &&
        (app->game->build_type >= 0 || app->game->selected)) {
        app->game->build_type = -1;
        app->game->selected = 0;
        return 1;
    }
    if (app->screen == HV_SCR_GAME && app->panel != HV_PANEL_NONE) {
        app->panel = HV_PANEL_NONE;
        return 1;
    }
    return 0;
}

static void toggle_panel(hv_app *app, hv_panel p)
{
    if (app->screen != HV_SCR_GAME || app->modal != HV_MODAL_NONE)
        return;
    app->panel = app->panel == p ? HV_PANEL_NONE : p;
}

static void key_action(hv_app *app, int action)
{
    hv_game *game = app->game;
    int in_game = app->screen == HV_SCR_GAME && game;
    switch (action) {
    case HV_ACT_MENU:
        if (close_top(app))
            break;
        if (in_game)
            app->modal = HV_MODAL_MENU;
        else if (app->screen == HV_SCR_MODS)
            app->screen = HV_SCR_PICKER;
        else if (app->screen != HV_SCR_MENU || app->game)
            app->screen = app->game ? HV_SCR_GAME : HV_SCR_MENU;
        break;
    case HV_ACT_END_TURN:
        if (in_game && app->modal == HV_MODAL_NONE)
            hv_app_press_end_week(app);
        break;
    case HV_ACT_HELP:
        if (in_game)
            app->modal = app->modal == HV_MODAL_HELP ? HV_MODAL_NONE : HV_MODAL_HELP;
        break;
    case HV_ACT_SAVE:
        if (in_game)
            hv_app_save_slot(app, 1);
        break;
    case HV_ACT_LOAD:
        app->modal = app->modal == HV_MODAL_EVENT ? app->modal : HV_MODAL_NONE;
        if (app->modal == HV_MODAL_NONE)
            app->screen = HV_SCR_LOAD;
        break;
    case HV_ACT_UNDO:
        if (in_game && app->modal == HV_MODAL_NONE)
            hv_app_undo(app);
        break;
    case HV_ACT_BUILD:
        if (in_game && app->modal == HV_MODAL_NONE) {
            game->build_type = game->build_type >= 0 ? -1 : 0;
            game->selected = 0;
        }
        break;
    case HV_ACT_CREW:
        toggle_panel(app, HV_PANEL_CREW);
        break;
    case HV_ACT_FACTIONS:
        toggle_panel(app, HV_PANEL_FACTIONS);
        break;
    case HV_ACT_ASTEROIDS:
        toggle_panel(app, HV_PANEL_ASTEROIDS);
        break;
    case HV_ACT_POLICIES:
        toggle_panel(app, HV_PANEL_POLICIES);
        break;
    case HV_ACT_CHARTS:
        toggle_panel(app, HV_PANEL_CHARTS);
        break;
    case HV_ACT_REPORT:
        toggle_panel(app, HV_PANEL_REPORT);
        break;
    case HV_ACT_GOALS:
        toggle_panel(app, HV_PANEL_GOALS);
        break;
    case HV_ACT_ZOOM_IN:
    case HV_ACT_ZOOM_OUT:
        if (in_game) {
            int z = game->zoom + (action == HV_ACT_ZOOM_IN ? 8 : -8);
            game->zoom = z < 24 ? 24 : z > 96 ? 96 : z;
        }
        break;
    case HV_ACT_PAN_LEFT:
    case HV_ACT_PAN_RIGHT:
    case HV_ACT_PAN_UP:
    case HV_ACT_PAN_DOWN:
        if (in_game) {
            int step = hv_gfx_px(&app->gfx, game->zoom * 2);
            game->cam_x += action == HV_ACT_PAN_LEFT    ? -step
                           : action == HV_ACT_PAN_RIGHT ? step
                                                        : 0;
            game->cam_y += action == HV_ACT_PAN_UP ? -step : action == HV_ACT_PAN_DOWN ? step : 0;
        }
        break;
    default:
        break;
    }
}

/* Number keys pick the choices of an event, as the dialog numbers them. */
static int choice_key(int32_t key)
{
    if (key >= SDLK_1 && key <= SDLK_9)
        return (int)(key - SDLK_1);
    if (key >= SDLK_KP_1 && key <= SDLK_KP_9)
        return (int)(key - SDLK_KP_1);
    return -1;
}

/* Keys a screen takes before the bindings: menus' focus, event choices. */
static int screen_key(hv_app *app, int32_t key, uint32_t mods)
{
    if (app->modal == HV_MODAL_EVENT && app->screen == HV_SCR_GAME && !mods &&
        choice_key(key) >= 0) {
        hv_app_answer(app, choice_key(key));
        return 1;
    }
    if ((mods & ~HV_MOD_SHIFT) || !hv_gui_nav_key(&app->gui, key, (mods & HV_MOD_SHIFT) != 0))
        return 0;
    if (app->gui.activate) {
        /* The focused item acts while it is drawn, as a click does. */
        hv_app_frame(app);
        hv_gui_consume(&app->gui);
    }
    return 1;
}

void hv_app_handle(hv_app *app, const SDL_Event *ev)
{
    app->input_at = ev->common.timestamp;
    hv_gui_input(&app->gui, ev);
    switch (ev->type) {
    case SDL_QUIT:
        app->quit = HV_QUIT_ASKED; /* SIGTERM, SIGINT or the window's close */
        break;
    case SDL_KEYDOWN: {
        uint32_t mods = hv_keybind_mods(ev->key.keysym.mod);
        int32_t key = ev->key.keysym.sym;
        if (app->rebinding >= 0) {
            hv_screen_settings_key(app, key, mods);
            break;
        }
        if (screen_key(app, key, mods))
            break;
        if (key == SDLK_KP_PLUS)
            key = SDLK_EQUALS;
        else if (key == SDLK_KP_MINUS)
            key = SDLK_MINUS;
        int action = hv_settings_action_for(&app->settings, key, mods);
        if (action >= 0)
            key_action(app, action);
        break;
    }
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        if (app->game)
            app->game->picture_tile = 0; /* its texture lost its pixels */
        app->gfx.layer_w = 0;
        hv_gfx_forget(&app->gfx);
        break;
    case SDL_WINDOWEVENT:
        /* The window's pixels may be new or shown afresh: the next frame
         * draws them all rather than only what changed. */
        if (ev->window.event != SDL_WINDOWEVENT_MOVED &&
            ev->window.event != SDL_WINDOWEVENT_ENTER &&
            ev->window.event != SDL_WINDOWEVENT_LEAVE &&
            ev->window.event != SDL_WINDOWEVENT_FOCUS_GAINED &&
            ev->window.event != SDL_WINDOWEVENT_FOCUS_LOST)
            hv_gfx_forget(&app->gfx);
        break;
    case SDL_MOUSEMOTION:
        /* Dragging with the left button pans the map. */
        if ((ev->motion.state & SDL_BUTTON_LMASK) && app->screen == HV_SCR_GAME && app->game &&
            app->modal == HV_MODAL_NONE &&
            hv_rect_has(app->game->map_area, ev->motion.x, ev->motion.y)) {
            app->game->cam_x -= ev->motion.xrel;
            app->game->cam_y -= ev->motion.yrel;
        }
        break;
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL:
        /* Widgets see clicks while they are drawn: run a pass now. */
        hv_app_frame(app);
        if (ev->type == SDL_MOUSEBUTTONUP && app->gui.clicked_any)
            hv_sound_play(HV_CUE_CLICK, 0);
        hv_gui_consume(&app->gui);
        break;
    default:
        break;
    }
}
