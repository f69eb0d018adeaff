/* The key tables the loaders export, by the page of the format reference
 * that lists their keys (docs/level-format.md, docs/campaign-format.md,
 * docs/mods.md), and those of orders files and saves, which no page lists
 * key by key. Shared by the tests that hold the docs and the schema to the
 * loaders, so that a new table is checked by both. Each takes a macro X
 * applied to every table. */
#ifndef HV_TEST_KEY_TABLES_H
#define HV_TEST_KEY_TABLES_H

#include "hv_campaign.h"
#include "hv_carry_file.h"
#include "hv_level.h"
#include "hv_mod.h"
#include "hv_orders_file.h"
#include "hv_remove.h"

#define HV_KEYS_LEVEL_FORMAT(X)                                                                    \
    X(hv_level_fields)                                                                             \
    X(hv_map_fields)                                                                               \
    X(hv_start_fields)                                                                             \
    X(hv_start_module_fields)                                                                      \
    X(hv_person_fields)                                                                            \
    X(hv_sponsor_fields)                                                                           \
    X(hv_supply_fields)                                                                            \
    X(hv_goals_fields)                                                                             \
    X(hv_goal_fields)                                                                              \
    X(hv_rules_fields)                                                                             \
    X(hv_resource_info_fields)                                                                     \
    X(hv_life_fields)                                                                              \
    X(hv_weather_fields)                                                                           \
    X(hv_role_fields)                                                                              \
    X(hv_faction_fields)                                                                           \
    X(hv_module_type_fields)                                                                       \
    X(hv_society_fields)                                                                           \
    X(hv_incidents_fields)                                                                         \
    X(hv_missions_fields)                                                                          \
    X(hv_market_fields)                                                                            \
    X(hv_policy_fields)                                                                            \
    X(hv_option_fields)                                                                            \
    X(hv_policy_effect_fields)                                                                     \
    X(hv_event_effect_fields)                                                                      \
    X(hv_pool_event_fields)                                                                        \
    X(hv_scripted_event_fields)                                                                    \
    X(hv_choice_fields)                                                                            \
    X(hv_trigger_fields)                                                                           \
    X(hv_asteroid_fields)                                                                          \
    X(hv_bloc_fields)                                                                              \
    X(hv_motion_fields)                                                                            \
    X(hv_agenda_fields)                                                                            \
    X(hv_trait_fields)                                                                             \
    X(hv_storyteller_fields)                                                                       \
    X(hv_follow_up_fields)                                                                         \
    X(hv_answered_fields)                                                                          \
    X(hv_world_fields)                                                                             \
    X(hv_step_fields)                                                                              \
    X(hv_remove_fields)

#define HV_KEYS_CAMPAIGN_FORMAT(X)                                                                 \
    X(hv_campaign_fields)                                                                          \
    X(hv_campaign_carry_fields)                                                                    \
    X(hv_progress_fields)                                                                          \
    X(hv_carry_fields)                                                                             \
    X(hv_progress_level_fields)                                                                    \
    X(hv_carry_person_fields)

#define HV_KEYS_MODS(X) X(hv_mod_fields)

#define HV_KEYS_ORDERS(X)                                                                          \
    X(hv_orders_file_fields)                                                                       \
    X(hv_order_fields)                                                                             \
    X(hv_save_fields)

#endif
