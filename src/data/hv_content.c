/* Rules and level content beyond the base: society, incidents, missions,
 * the market, flags, policies, events (the random pool and a level's
 * scripted ones) and asteroids. Key tables and their readers. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "hv_field_table.h"
#include "hv_suggest.h"
#include "hv_level.h"
#include "hv_remove.h"

#define WEIGHT(key, kind, doc)                                                                     \
    {                                                                                              \
        key, HV_F_INT32, offsetof(hv_incidents, weight) + (kind) * sizeof(int32_t),                \
            sizeof(int32_t), 1, 0, 1000, NULL, 0, doc                                              \
    }

const char *const hv_class_names[] = {"staff", "worker", NULL};
static const char *const result_names[] = {"none", "surveyed", "captured", "failed", NULL};
/* In hv_mandate_change order. */
static const char *const mandate_names[] = {"keep", "mars", "earth", "none", NULL};

const hv_field hv_society_fields[] = {
    FIELD("base_morale", HV_F_INT32, hv_society, base_morale, 1, 0, 100,
          "where morale settles when every need is met"),
    FIELD("worker_morale", HV_F_INT32, hv_society, worker_morale, 1, 0, 100,
          "how much lower workers' morale settles (cramped quarters, worse food)"),
    FIELD("tension_decay", HV_F_INT32, hv_society, tension_decay, 1, 0, 20,
          "tension eased each week by itself"),
    FIELD("shortage_tension", HV_F_INT32, hv_society, shortage_tension, 1, 0, 20,
          "tension added each week anything runs short"),
    FIELD("gap_tension", HV_F_INT32, hv_society, gap_tension, 1, 0, 20,
          "tension added per 10 points of morale gap between two groups"),
    FIELD("joint_work", HV_F_INT32, hv_society, joint_work, 1, 0, 20,
          "tension eased per module two nations staff together (up to 3 modules)"),
    FIELD("incident_at", HV_F_INT32, hv_society, incident_at, 1, 0, 100,
          "tension above which incidents may happen"),
    FIELD("incident_chance", HV_F_INT32, hv_society, incident_pm, 1, 0, 1000,
          "chance per mille per point of tension above incident_at"),
    FIELD("riot_at", HV_F_INT32, hv_society, riot_at, 1, 1, 100,
          "tension at which a riot is brewing"),
    FIELD("riot_weeks", HV_F_INT32, hv_society, riot_weeks, 1, 1, 52,
          "weeks running at riot_at before a riot breaks out"),
    FIELD("riot_damage", HV_F_INT32, hv_society, riot_damage, 0, 0, 20,
          "modules a riot wrecks (default 0)"),
    FIELD("riot_repair", HV_F_INT32, hv_society, riot_repair, 0, 1, 52,
          "weeks a wrecked module is out of action (default 1)"),
    FIELD("riot_injury", HV_F_INT32, hv_society, riot_injury, 0, 0, 100,
          "health lost by everyone on the rioting sides; a rioter can die (default 0)"),
    FIELD("riot_release", HV_F_INT32, hv_society, riot_release, 0, 0, 100,
          "tension a riot burns off between its sides (default 0)"),
    REF("riot_flag", hv_society, riot_flag, 0, HV_REF_FLAG1,
        "story flag a riot sets, for the events that follow one (default none)"),
    FIELD("partner_calm", HV_F_INT32, hv_society, partner_calm, 0, 0, 20,
          "tension eased each week between two partners (default 0)"),
    FIELD("partner_output", HV_F_INT32, hv_society, partner_output, 0, 0, 100,
          "percent more output from a module partners staff together (default 0)"),
    FIELD("work_injury", HV_F_INT32, hv_society, work_injury, 0, 0, 99,
          "health a worker loses when a module's hazard strikes (default 10)"),
    END,
};

const hv_field hv_incidents_fields[] = {
    WEIGHT("strike", HV_INCIDENT_STRIKE, "weight: a nation or the workers down tools"),
    WEIGHT("smuggling", HV_INCIDENT_SMUGGLING, "weight: the black market drains stock"),
    WEIGHT("sabotage", HV_INCIDENT_SABOTAGE, "weight: a module is wrecked"),
    WEIGHT("fight", HV_INCIDENT_FIGHT, "weight: two people are hurt"),
    WEIGHT("defection", HV_INCIDENT_DEFECTION, "weight: someone leaves the base for good"),
    FIELD("strike_weeks", HV_F_INT32, hv_incidents, strike_weeks, 1, 1, 52, "weeks a strike lasts"),
    FIELD("smuggling_takes", HV_F_RESMAP, hv_incidents, smuggling, 1, 0, BIG,
          "stock the black market drains each time"),
    FIELD("sabotage_weeks", HV_F_INT32, hv_incidents, sabotage_weeks, 1, 1, 52,
          "weeks a sabotaged module is out of action"),
    FIELD("fight_injury", HV_F_INT32, hv_incidents, fight_injury, 1, 0, 99,
          "health each fighter loses (fights never kill)"),
    FIELD("tension", HV_F_INT32, hv_incidents, tension, 1, 0, 50,
          "tension an incident adds between the sides involved"),
    END,
};

const hv_field hv_missions_fields[] = {
    FIELD("survey_fuel", HV_F_INT64, hv_missions, survey_fuel, 1, 0, BIG,
          "fuel a survey probe burns"),
    FIELD("survey_weeks", HV_F_INT32, hv_missions, survey_weeks, 1, 1, 52,
          "weeks until a probe reports"),
    FIELD("base_odds", HV_F_INT32, hv_missions, base_odds, 1, 0, 1000,
          "capture success per mille before anything else"),
    FIELD("skill_odds", HV_F_INT32, hv_missions, skill_odds, 1, 0, 200,
          "per mille per point of crew skill above 3 (each crew member)"),
    FIELD("risk_odds", HV_F_INT32, hv_missions, risk_odds, 1, 0, 100,
          "per mille off per point of the asteroid's risk"),
    FIELD("tension_odds", HV_F_INT32, hv_missions, tension_odds, 1, 0, 100,
          "per mille off per point the crew's nations' tension is above incident_at"),
    FIELD("unsurveyed_odds", HV_F_INT32, hv_missions, unsurveyed_odds, 1, 0, 1000,
          "per mille off when the asteroid was never surveyed"),
    FIELD("crew_loss", HV_F_INT32, hv_missions, crew_loss, 1, 0, 1000,
          "chance per mille that a failed capture kills its crew"),
    FIELD("earth_share", HV_F_INT32, hv_missions, earth_share, 0, 0, 100,
          "percent of the market price paid for iridium mined in Earth orbit (default 0)"),
    FIELD("found_out", HV_F_INT32, hv_missions, found_out, 0, 0, 1000,
          "chance per mille each week in transit that a hijack is found out (default 0)"),
    FIELD("hijack_flag", HV_F_ID, hv_missions, hijack_flag_id, 0, 0, 0,
          "story flag set when a hijack is found out (default none)"),
    FIELD("found_out_event", HV_F_ID, hv_missions, found_out_event_id, 0, 0, 0,
          "event (of the pool, or of the level in its overrides) fired then (default none)"),
    END,
};

const hv_field hv_world_fields[] = {
    FIELD("place", HV_F_TEXT, hv_world, place, 0, 0, 0,
          "the base's name in texts and the window (default Happy Valley)"),
    FIELD("body", HV_F_TEXT, hv_world, body, 0, 0, 0,
          "the world the base stands on, as in \"Mars orbit\" (default Mars)"),
    FIELD("sunlight", HV_F_INT32, hv_world, sunlight, 0, 0, 1000,
          "percent of their type's power solar arrays make, before dust (default 100)"),
    FIELD("day_weeks", HV_F_INT32, hv_world, day_weeks, 0, 0, 52,
          "weeks of a day longer than a week, from week 1 (default 0: none)"),
    FIELD("night_weeks", HV_F_INT32, hv_world, night_weeks, 0, 0, 52,
          "weeks of the night after it, when solar arrays are dark (default 0)"),
    FIELD("ground", HV_F_ID, hv_world, ground, 0, 0, 0,
          "the ground tiles the map is drawn with, assets/terrain/GROUND/ (default Mars')"),
    FIELD("gravity", HV_F_INT32, hv_world, gravity, 0, 1, 300,
          "percent of Earth's gravity; launch fuel scales from Mars' 38 (default 38)"),
    END,
};

const hv_field hv_market_fields[] = {
    FIELD("price", HV_F_INT64, hv_market, price, 1, 0, BIG,
          "funds per unit of iridium at the start"),
    FIELD("price_min", HV_F_INT64, hv_market, price_min, 1, 0, BIG, "lowest price"),
    FIELD("price_max", HV_F_INT64, hv_market, price_max, 1, 0, BIG, "highest price"),
    FIELD("swing", HV_F_INT32, hv_market, swing_pct, 1, 0, 50, "largest weekly move, percent"),
    FIELD("recovery", HV_F_INT32, hv_market, recovery, 0, 0, 100,
          "percent of the gap to `price` closed each week (default 0)"),
    FIELD("elasticity", HV_F_INT32, hv_market, elasticity, 0, 0, 100,
          "percent the price drops per 100 units sold at once (default 0)"),
    FIELD("ship_weeks", HV_F_INT32, hv_market, ship_weeks, 1, 1, 52,
          "weeks from export order to payment"),
    FIELD("satisfaction", HV_F_INT32, hv_market, satisfaction, 1, 0, 100,
          "every sponsor's satisfaction gained per 100 iridium sold"),
    END,
};

const hv_field hv_policy_fields[] = {
    FIELD("name", HV_F_TEXT, hv_policy, name, 1, 0, 0, "display name"),
    FIELD("text", HV_F_TEXT, hv_policy, text, 1, 0, 0, "one line on what is at stake"),
    FIELD("cooldown", HV_F_INT32, hv_policy, cooldown, 1, 0, 52,
          "weeks after a change before it may change again"),
    FIELD("locked", HV_F_BOOL, hv_policy, locked, 0, 0, 0,
          "the start option stays in force: no order may change it"),
    FIELD("start", HV_F_ID, hv_policy, start_id, 0, 0, 0,
          "id of the option in force at the start (default: the first)"),
    SECTION("options", 1,
            "2 to 4 options by id; the first is in force at the start unless "
            "`start` names another"),
    END,
};

const hv_field hv_option_fields[] = {
    FIELD("name", HV_F_TEXT, hv_policy_option, name, 1, 0, 0, "display name"),
    SECTION("effect", 0, "what it does every week it is in force"),
    END,
};

#define EFFECT_COMMON(doc_res)                                                                     \
    FIELD("resources", HV_F_RESMAP, hv_effect, resources, 0, -BIG, BIG, doc_res),                  \
        FIELD("morale_staff", HV_F_INT32, hv_effect, morale_staff, 0, -100, 100,                   \
              "staff morale (policy: where it settles; event: at once)"),                          \
        FIELD("morale_workers", HV_F_INT32, hv_effect, morale_workers, 0, -100, 100,               \
              "workers' morale, likewise"),                                                        \
        FIELD("tension", HV_F_BY_PAIR, hv_effect, tension, 0, -100, 100,                           \
              "added to the tension of every pair of nations present, or of the pairs named "      \
              "(policy: each week)"),                                                              \
        FIELD("class_tension", HV_F_INT32, hv_effect, class_tension, 0, -100, 100,                 \
              "added to the tension between staff and workers"),                                   \
        FIELD("satisfaction", HV_F_BY_FACTION, hv_effect, satisfaction, 0, -100, 100,              \
              "added to every sponsor's satisfaction, or to the sponsors of the factions named")

const hv_field hv_policy_effect_fields[] = {
    EFFECT_COMMON("stock added each week (negative: a weekly cost)"),
    FIELD("output_pct", HV_F_INT32, hv_effect, output_pct, 0, -90, 100,
          "crewed modules' output changed by this percent"),
    FIELD("ration_pct", HV_F_INT32, hv_effect, ration_pct, 0, -90, 100,
          "food eaten changed by this percent"),
    FIELD("pay_pct", HV_F_INT32, hv_effect, pay_pct, 0, -100, 500,
          "workers' pay changed by this percent"),
    FIELD("incident_pct", HV_F_INT32, hv_effect, incident_pct, 0, -100, 500,
          "incident chances changed by this percent"),
    FIELD("capture_pm", HV_F_INT32, hv_effect, capture_pm, 0, -1000, 1000,
          "capture odds changed by this per mille"),
    FIELD("joint", HV_F_BOOL, hv_effect, joint, 0, 0, 0,
          "crews mixed across nations: joint work eases tension twice as fast"),
    END,
};

const hv_field hv_event_effect_fields[] = {
    EFFECT_COMMON("stock added at once (negative takes, never below 0)"),
    FIELD("health", HV_F_INT32, hv_effect, health, 0, -99, 100,
          "added to everyone's health (never below 1)"),
    FIELD("dust", HV_F_INT32, hv_effect, dust, 0, -95, 95, "added to the dust, within the band"),
    FIELD("price_pct", HV_F_INT32, hv_effect, price_pct, 0, -90, 500,
          "iridium price changed by this percent"),
    REF("break", hv_effect, break_type, 0, HV_REF_MODULE_TYPE1,
        "a running module of this type breaks down"),
    FIELD("break_weeks", HV_F_INT32, hv_effect, break_weeks, 0, 1, 52, "for this many weeks"),
    FIELD("open_window", HV_F_INT32, hv_effect, window_weeks, 0, 1, 52,
          "launch windows to every asteroid open for this many weeks"),
    {"mandate", HV_F_ENUM, offsetof(hv_effect, mandate), sizeof(int32_t), 0, 0, 0, mandate_names, 0,
     "the board demands where captures go: `mars`, `earth`, `none` (lifted) or `keep`"},
    {"set_flags", HV_F_FLAGS, offsetof(hv_effect, set_flags), sizeof(uint32_t), 0, 0, 0, NULL, 0,
     "story flags set"},
    {"clear_flags", HV_F_FLAGS, offsetof(hv_effect, clear_flags), sizeof(uint32_t), 0, 0, 0, NULL,
     0, "story flags cleared"},
    FIELD("funding", HV_F_BY_FACTION, hv_effect, funding_pct, 0, -100, 100,
          "sponsors' weekly funding changed by this percent, for good"),
    FIELD("partner", HV_F_TWO_FACTIONS, hv_effect, partner, 0, 0, 0,
          "two factions become partners"),
    FIELD("split", HV_F_TWO_FACTIONS, hv_effect, split, 0, 0, 0, "two partners part ways"),
    SECTION("motion", 0, "the board votes on a motion"),
    FIELD("strike", HV_F_INT32, hv_effect, strike_weeks, 0, 1, 52,
          "the incident's side (or the workers) down tools for this many weeks"),
    FIELD("sabotage", HV_F_INT32, hv_effect, sabotage_weeks, 0, 1, 52,
          "the most strained running module is wrecked for this many weeks"),
    FIELD("injure", HV_F_INT32, hv_effect, injure, 0, 1, 99,
          "one person of each side loses this much health"),
    FIELD("defect", HV_F_BOOL, hv_effect, defect, 0, 0, 0,
          "someone of the first side goes over to the other nation (or leaves the base)"),
    FIELD("loyalty", HV_F_INT32, hv_effect, loyalty, 0, -100, 100,
          "added to the loyalty of everyone on the first side"),
    SECTION("follow_up", 0, "another event comes later: `{event: ID, weeks: N}`"),
    END,
};

const hv_field hv_motion_fields[] = {
    FIELD("stance", HV_F_BY_FACTION, hv_motion, stance, 1, -100, 100,
          "each sponsor's leaning: points for (+) or against (-)"),
    REF("passed", hv_motion, passed, 0, HV_REF_FLAG1, "story flag set when the motion passes"),
    REF("failed", hv_motion, failed, 0, HV_REF_FLAG1, "story flag set when it fails"),
    END,
};

const hv_field hv_pool_event_fields[] = {
    FIELD("title", HV_F_TEXT, hv_event_def, title, 1, 0, 0, "headline"),
    FIELD("text", HV_F_TEXT, hv_event_def, text, 1, 0, 0, "what happened, for the player"),
    FIELD("weight", HV_F_INT32, hv_event_def, weight, 1, 0, 1000,
          "relative chance among the pool (0: never)"),
    FIELD("min_week", HV_F_INT32, hv_event_def, min_week, 0, 0, 100000,
          "not before this week (default 0)"),
    FIELD("cooldown", HV_F_INT32, hv_event_def, cooldown, 0, 0, 1000,
          "weeks before it may come again (default 0)"),
    FIELD("unrest_at", HV_F_INT32, hv_event_def, unrest_at, 0, 1, 100,
          "a rung of the unrest ladder: comes from incident rolls at this tension or more"),
    FIELD("tension_weight", HV_F_INT32, hv_event_def, tension_weight, 0, -1000, 1000,
          "added to the weight per 10 points of the base's highest tension (default 0)"),
    FIELD("calm_weight", HV_F_INT32, hv_event_def, calm_weight, 0, -1000, 1000,
          "added to the weight per quiet week since the last random event (default 0)"),
    FIELD("max_times", HV_F_INT32, hv_event_def, max_times, 0, 0, 1000,
          "fires at most this often in a game (default 0: no limit)"),
    FIELD("forecast", HV_F_INT32, hv_event_def, forecast, 0, 0, 2,
          "announced this many weeks before it comes (default 0: unannounced)"),
    SECTION("trigger", 0, "only drawn while every condition given holds (default: always)"),
    SECTION("tags", 0, "list of free-form ids sorting it (weather, unrest, board, ...)"),
    SECTION("texts", 0, "up to 5 more texts, shown in turn after `text` as it recurs"),
    SECTION("effect", 0, "what it does at once"),
    SECTION("choices", 0, "1 to 4 choices; the week waits for one"),
    END,
};

const hv_field hv_scripted_event_fields[] = {
    FIELD("title", HV_F_TEXT, hv_event_def, title, 1, 0, 0, "headline"),
    FIELD("text", HV_F_TEXT, hv_event_def, text, 1, 0, 0, "what happened, for the player"),
    SECTION("trigger", 1, "when it fires (once): every condition given must hold"),
    SECTION("effect", 0, "what it does at once"),
    SECTION("choices", 0, "1 to 4 choices; the week waits for one"),
    END,
};

const hv_field hv_choice_fields[] = {
    FIELD("text", HV_F_TEXT, hv_choice, text, 1, 0, 0, "what the player may decide"),
    SECTION("effect", 0, "what it does"),
    END,
};

const hv_field hv_trigger_fields[] = {
    FIELD("week", HV_F_INT32, hv_trigger, week, 0, 1, 100000, "from this week on"),
    REF("resource", hv_trigger, resource, 0, HV_REF_RESOURCE,
        "a resource, with `below` or `above`"),
    FIELD("below", HV_F_INT64, hv_trigger, below, 0, -BIG, BIG, "its stock is below this"),
    FIELD("above", HV_F_INT64, hv_trigger, above, 0, -BIG, BIG, "its stock is above this"),
    FIELD("tension_above", HV_F_INT32, hv_trigger, tension_above, 0, 0, 99,
          "tension between some two nations is above this"),
    FIELD("class_tension_above", HV_F_INT32, hv_trigger, class_above, 0, 0, 99,
          "tension between staff and workers is above this"),
    REF("flag", hv_trigger, flag, 0, HV_REF_FLAG, "this story flag is set"),
    REF("asteroid", hv_trigger, asteroid, 0, HV_REF_ASTEROID, "an asteroid, with `result`"),
    {"result", HV_F_ENUM, offsetof(hv_trigger, result), sizeof(int32_t), 0, 0, 0, result_names, 0,
     "its last mission: none, surveyed, captured or failed"},
    REF("trait", hv_trigger, trait, 0, HV_REF_TRAIT1, "someone with this trait is at the base"),
    REF("flag_clear", hv_trigger, flag_clear, 0, HV_REF_FLAG1, "this story flag is not set"),
    FIELD("tension_below", HV_F_INT32, hv_trigger, tension_below, 0, 1, 100,
          "tension between every two nations is below this"),
    SECTION("answered", 0, "memory: `{event: ID, choice: N}`, that event's last answer was N"),
    REF("module", hv_trigger, module, 0, HV_REF_MODULE_TYPE1,
        "a module type, with `built` or `staffed`"),
    FIELD("built", HV_F_INT32, hv_trigger, built, 0, 1, 100,
          "at least this many of `module` stand or are being built"),
    FIELD("staffed", HV_F_INT32, hv_trigger, staffed, 0, 1, 1000,
          "at least this many people work in modules of `module`"),
    REF("policy", hv_trigger, policy, 0, HV_REF_POLICY1, "a policy, with `option`"),
    SECTION("option", 0, "the option of `policy` that is in force"),
    END,
};

const hv_field hv_asteroid_fields[] = {
    FIELD("name", HV_F_TEXT, hv_asteroid, name, 1, 0, 0, "display name"),
    FIELD("class", HV_F_ID, hv_asteroid, klass, 1, 0, 0, "metallic, carbonaceous, stony, ..."),
    FIELD("composition", HV_F_RESMAP, hv_asteroid, composition, 1, 0, BIG,
          "what mining it yields in all (hidden until surveyed)"),
    FIELD("mine_rate", HV_F_INT64, hv_asteroid, mine_rate, 1, 1, BIG,
          "units mined per week once in orbit"),
    FIELD("transfer_weeks", HV_F_INT32, hv_asteroid, transfer_weeks, 1, 1, 104,
          "weeks from launch to capture"),
    FIELD("capture_fuel", HV_F_INT64, hv_asteroid, capture_fuel, 1, 0, BIG, "fuel a capture burns"),
    FIELD("risk", HV_F_INT32, hv_asteroid, risk, 1, 0, 100, "0 (tame) to 100 (deadly)"),
    FIELD("window_open", HV_F_INT32, hv_asteroid, window_open, 0, 0, 100000,
          "first week of the launch window (with window_close; default: always open)"),
    FIELD("window_close", HV_F_INT32, hv_asteroid, window_close, 0, 0, 100000,
          "last week of the launch window"),
    FIELD("surveyed", HV_F_BOOL, hv_asteroid, surveyed, 0, 0, 0,
          "composition known from the start (default false)"),
    END,
};

/* Turns the ids of missions.hijack_flag and missions.found_out_event into
 * indices, once the flags and events they may name are known; ROOT is the
 * file (or overrides) that may have set them, for the error's place. */
void hv_resolve_missions(hv_ctx *ctx, const hv_ynode *root, hv_rules *rules)
{
    hv_missions *m = &rules->missions;
    const hv_ynode *node = hv_ynode_get(root, "missions");
    const hv_ynode *flag = node ? hv_ynode_get(node, "hijack_flag") : NULL;
    const hv_ynode *event = node ? hv_ynode_get(node, "found_out_event") : NULL;
    char hint[HV_SUGGEST_LEN];
    if (flag) {
        size_t old = hv_ctx_push_key(ctx, "missions.hijack_flag");
        m->hijack_flag = hv_rules_find_flag(rules, m->hijack_flag_id) + 1;
        if (m->hijack_flag == 0)
            hv_ctx_error(ctx, flag, "unknown flag '%s'%s (list it under `flags`)",
                         m->hijack_flag_id,
                         hv_ref_hint(ctx, HV_REF_FLAG, m->hijack_flag_id, hint, sizeof hint));
        hv_ctx_pop(ctx, old);
    }
    if (event) {
        size_t old = hv_ctx_push_key(ctx, "missions.found_out_event");
        m->found_out_event = hv_rules_find_event(rules, m->found_out_event_id) + 1;
        if (m->found_out_event == 0 &&
            !hv_remove_named(ctx, event, HV_RM_EVENTS, m->found_out_event_id))
            hv_ctx_error(ctx, event, "unknown event '%s'%s", m->found_out_event_id,
                         hv_ref_hint(ctx, HV_REF_EVENT1, m->found_out_event_id, hint, sizeof hint));
        hv_ctx_pop(ctx, old);
    }
}

void hv_read_flags(hv_ctx *ctx, const hv_ynode *node, hv_rules *rules)
{
    if (!hv_expect(ctx, node, HV_YNODE_SEQ))
        return;
    for (size_t i = 0; i < node->count; i++) {
        size_t old = hv_ctx_push_index(ctx, i);
        char id[HV_ID_LEN];
        if (hv_read_id(ctx, node->items[i], id, sizeof id)) {
            if (hv_rules_find_flag(rules, id) >= 0)
                hv_ctx_error(ctx, node->items[i], "flag '%s' is listed twice", id);
            else if (rules->flag_count >= HV_MAX_FLAGS)
                hv_ctx_error(ctx, node->items[i], "more than %d flags", HV_MAX_FLAGS);
            else
                memcpy(rules->flags[rules->flag_count++], id, sizeof id);
        }
        hv_ctx_pop(ctx, old);
    }
}

static void read_option_effect(hv_ctx *ctx, const hv_ynode *node, void *entry, int fresh)
{
    (void)fresh;
    hv_read_section(ctx, node, "effect", hv_policy_effect_fields,
                    &((hv_policy_option *)entry)->effect, 0);
}

void hv_read_policy_options(hv_ctx *ctx, const hv_ynode *node, void *entry, int fresh)
{
    hv_policy *p = entry;
    const hv_ynode *options = hv_ynode_get(node, "options");
    if (options) {
        size_t old = hv_ctx_push_key(ctx, "options");
        hv_read_table(ctx, options, hv_option_fields, p->options, sizeof p->options[0],
                      &p->option_count, HV_MAX_OPTIONS, !fresh, "options", NULL,
                      read_option_effect);
        if (p->option_count < 2)
            hv_ctx_error(ctx, options, "a policy needs at least 2 options");
        hv_ctx_pop(ctx, old);
    }
    /* Resolved on every read, so a level may name an option its own
     * overrides add, or move the start of a policy its rules file set. */
    p->start = 0;
    if (!p->start_id[0])
        return;
    for (int32_t o = 0; o < p->option_count; o++)
        if (strcmp(p->options[o].id, p->start_id) == 0)
            p->start = o;
    if (strcmp(p->options[p->start].id, p->start_id) != 0) {
        const hv_ynode *at = hv_ynode_get(node, "start");
        size_t old = hv_ctx_push_key(ctx, "start");
        char hint[HV_SUGGEST_LEN];
        hv_ctx_error(ctx, at ? at : node, "the policy has no option '%s'%s", p->start_id,
                     hv_option_hint(p, p->start_id, hint, sizeof hint));
        hv_ctx_pop(ctx, old);
    }
}

void hv_trigger_none(hv_trigger *t)
{
    t->resource = t->tension_above = t->class_above = t->flag = t->asteroid = -1;
}

void hv_event_defaults(void *entry)
{
    hv_trigger_none(&((hv_event_def *)entry)->trigger);
}

/* An event's or a choice's `effect`, with its motion if it has one. */
static void read_event_effect(hv_ctx *ctx, const hv_ynode *node, hv_effect *e)
{
    const hv_ynode *effect = hv_ynode_get(node, "effect");
    hv_read_section(ctx, node, "effect", hv_event_effect_fields, e, 0);
    if (effect && effect->kind == HV_YNODE_MAP && hv_ynode_get(effect, "motion")) {
        size_t old = hv_ctx_push_key(ctx, "effect");
        e->motion.set = 1;
        hv_read_section(ctx, effect, "motion", hv_motion_fields, &e->motion, 1);
        hv_ctx_pop(ctx, old);
    }
}

static void read_choice(hv_ctx *ctx, const hv_ynode *node, hv_choice *c)
{
    memset(c, 0, sizeof *c);
    if (hv_fields_read(ctx, node, hv_choice_fields, c, NULL, 1))
        read_event_effect(ctx, node, &c->effect);
}

/* `policy` and `option` go together; the option is one of that policy's. */
static void read_trigger_option(hv_ctx *ctx, const hv_ynode *node, hv_trigger *t, int has_policy)
{
    const hv_ynode *opt = hv_ynode_get(node, "option");
    if (!opt != !has_policy) {
        hv_ctx_error(ctx, node, "`policy` and `option` go together");
        return;
    }
    if (!opt || t->policy <= 0 || !ctx->rules)
        return;
    const hv_policy *p = &ctx->rules->policies[t->policy - 1];
    char id[HV_ID_LEN];
    size_t old = hv_ctx_push_key(ctx, "option");
    if (hv_read_id(ctx, opt, id, sizeof id)) {
        t->option = -1;
        for (int32_t i = 0; i < p->option_count; i++)
            if (strcmp(p->options[i].id, id) == 0)
                t->option = i;
        if (t->option < 0) {
            char hint[HV_SUGGEST_LEN];
            hv_ctx_error(ctx, opt, "policy '%s' has no option '%s'%s", p->id, id,
                         hv_option_hint(p, id, hint, sizeof hint));
        }
    }
    hv_ctx_pop(ctx, old);
}

void hv_read_trigger(hv_ctx *ctx, const hv_ynode *node, hv_trigger *t)
{
    uint64_t seen = 0;
    if (!hv_fields_read(ctx, node, hv_trigger_fields, t, &seen, 1))
        return;
    enum { RES = 2, BELOW = 4, ABOVE = 8, AST = 128, RESULT = 256 }; /* bits of field indices */
    t->below_set = (seen & BELOW) != 0;
    t->above_set = (seen & ABOVE) != 0;
    if (!(seen & RES) != !(seen & (BELOW | ABOVE)))
        hv_ctx_error(ctx, node, "`resource` goes with `below` or `above`, and they with it");
    if (!(seen & AST) != !(seen & RESULT))
        hv_ctx_error(ctx, node, "`asteroid` and `result` go together");
    if (seen == 0)
        hv_ctx_error(ctx, node, "an empty trigger; give at least one condition");
    uint64_t module = 1u << hv_fields_index(hv_trigger_fields, "module");
    uint64_t counts = 1u << hv_fields_index(hv_trigger_fields, "built") |
                      1u << hv_fields_index(hv_trigger_fields, "staffed");
    if (!(seen & module) != !(seen & counts))
        hv_ctx_error(ctx, node, "`module` goes with `built` or `staffed`, and they with it");
    read_trigger_option(ctx, node, t, (seen >> hv_fields_index(hv_trigger_fields, "policy")) & 1u);
}

static void read_trigger_at(hv_ctx *ctx, const hv_ynode *node, hv_event_def *ev)
{
    const hv_ynode *trigger = hv_ynode_get(node, "trigger");
    if (trigger) {
        size_t old = hv_ctx_push_key(ctx, "trigger");
        hv_read_trigger(ctx, trigger, &ev->trigger);
        hv_ctx_pop(ctx, old);
    }
}

void hv_read_event_body(hv_ctx *ctx, const hv_ynode *node, void *entry, int fresh)
{
    hv_event_def *ev = entry;
    (void)fresh;
    read_event_effect(ctx, node, &ev->effect);
    read_trigger_at(ctx, node, ev);
    hv_read_event_texts(ctx, node, ev);
    const hv_ynode *choices = hv_ynode_get(node, "choices");
    if (!choices)
        return;
    size_t old = hv_ctx_push_key(ctx, "choices");
    if (hv_expect(ctx, choices, HV_YNODE_SEQ)) {
        if (choices->count < 1 || choices->count > HV_MAX_CHOICES)
            hv_ctx_error(ctx, choices, "holds %zu choices; give 1 to %d", choices->count,
                         HV_MAX_CHOICES);
        ev->choice_count = 0;
        for (size_t i = 0; i < choices->count && i < HV_MAX_CHOICES; i++) {
            size_t at = hv_ctx_push_index(ctx, i);
            read_choice(ctx, choices->items[i], &ev->choices[ev->choice_count++]);
            hv_ctx_pop(ctx, at);
        }
    }
    hv_ctx_pop(ctx, old);
}

static void read_scripted_body(hv_ctx *ctx, const hv_ynode *node, void *entry, int fresh)
{
    hv_event_def *ev = entry;
    ev->scripted = 1;
    hv_read_event_body(ctx, node, entry, fresh);
}

void hv_read_level_events(hv_ctx *ctx, const hv_ynode *node, hv_rules *rules)
{
    if (!hv_expect(ctx, node, HV_YNODE_MAP))
        return;
    for (size_t i = 0; i < node->count; i++) {
        const hv_ynode *key = node->items[2 * i];
        if (key->kind == HV_YNODE_SCALAR && hv_rules_find_event(rules, key->str) >= 0) {
            size_t old = hv_ctx_push_key(ctx, key->str);
            hv_ctx_error(ctx, key, "'%s' is already an event of the rules' pool; pick another id",
                         key->str);
            hv_ctx_pop(ctx, old);
            return;
        }
    }
    hv_read_table(ctx, node, hv_scripted_event_fields, rules->events, sizeof rules->events[0],
                  &rules->event_count, HV_MAX_EVENTS, 0, "events", hv_event_defaults,
                  read_scripted_body);
    hv_read_event_links(ctx, node, rules);
}

void hv_read_asteroids(hv_ctx *ctx, const hv_ynode *node, hv_rules *rules)
{
    hv_read_table(ctx, node, hv_asteroid_fields, rules->asteroids, sizeof rules->asteroids[0],
                  &rules->asteroid_count, HV_MAX_ASTEROIDS, 0, "asteroids", NULL, NULL);
    for (int32_t i = 0; i < rules->asteroid_count; i++) {
        const hv_asteroid *a = &rules->asteroids[i];
        if (a->window_open > a->window_close) {
            const hv_ynode *entry = hv_ynode_get(node, a->id);
            size_t old = hv_ctx_push_key(ctx, a->id);
            hv_ctx_error(ctx, entry ? entry : node, "window_open %d is after window_close %d",
                         a->window_open, a->window_close);
            hv_ctx_pop(ctx, old);
        }
    }
}
