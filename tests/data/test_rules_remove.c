/* Removing entries (hv_remove.c): a rules file extending the game's takes
 * out a module type, events and a policy, and every index left names what
 * it named in the game's rules; a level on it, whose overrides remove a
 * trait and a role, plays with every bot; a chain of files may define
 * anew what a file below removed; removing what is still named, what is
 * not there, what the same file defines, or the last role are errors at
 * the removal. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

#include "hv_bot.h"
#include "hv_file.h"
#include "hv_level.h"
#include "hv_test.h"
#include "levels_util.h"
#include "hv_turn.h"

static char dir[] = "/tmp/hv_remove_XXXXXX";

static void write_file(const char *name, const char *text)
{
    write_test_file(dir, name, text);
}

static int load(const char *name, hv_rules *rules, hv_diag *diag)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    hv_rules_init(rules);
    return hv_rules_load(rules, path, diag);
}

/* 1 when DIAG holds an error at LINE:COL (0: anywhere) whose message has TEXT. */
static int has_error(const hv_diag *diag, int line, int col, const char *text)
{
    for (size_t i = 0; i < diag->count; i++)
        if ((!line || (diag->entries[i].line == line && diag->entries[i].col == col)) &&
            strstr(diag->entries[i].message, text))
            return 1;
    return 0;
}

static void reset(hv_diag *diag)
{
    hv_diag_free(diag);
    hv_diag_init(diag);
}

/* The id INDEX + 1 names in TABLE (0: none), or "" when out of range. */
#define ID1(r, table, count, index)                                                                \
    ((index) == 0 ? "-" : (index) > 0 && (index) <= (r)->count ? (r)->table[(index)-1].id : "")

/* What effect E of rules R names, by id, into OUT. */
static void effect_refs(const hv_rules *r, const hv_effect *e, char *out, size_t cap)
{
    snprintf(out, cap, "break %s follow %s", ID1(r, module_types, module_type_count, e->break_type),
             ID1(r, events, event_count, e->follow_event));
}

/* Every reference of event EV of R, by id, into OUT. */
static void event_refs(const hv_rules *r, const hv_event_def *ev, char *out, size_t cap)
{
    const hv_trigger *t = &ev->trigger;
    size_t n = (size_t)snprintf(out, cap, "answered %s module %s policy %s trait %s; ",
                                ID1(r, events, event_count, t->answered),
                                ID1(r, module_types, module_type_count, t->module),
                                ID1(r, policies, policy_count, t->policy),
                                ID1(r, traits, trait_count, t->trait));
    effect_refs(r, &ev->effect, out + n, cap - n);
    for (int32_t c = 0; c < ev->choice_count; c++) {
        n = strlen(out);
        effect_refs(r, &ev->choices[c].effect, out + n, cap - n);
    }
}

/* Each event of RULES the base has too names the same entries as there. */
static void check_same_refs(const hv_rules *base, const hv_rules *rules)
{
    int compared = 0;
    for (int32_t i = 0; i < rules->event_count; i++) {
        int b = hv_rules_find_event(base, rules->events[i].id);
        if (b < 0)
            continue;
        char want[512], got[512];
        event_refs(base, &base->events[b], want, sizeof want);
        event_refs(rules, &rules->events[i], got, sizeof got);
        CHECK_STR(got, want);
        compared++;
    }
    CHECK(compared > 10);
    for (int32_t i = 0; i < rules->bloc_count; i++)
        for (int32_t f = 0; f < rules->faction_count; f++) {
            int b = hv_rules_find_bloc(base, rules->blocs[i].id);
            int bf = hv_rules_find_faction(base, rules->factions[f].id);
            CHECK(b >= 0 && bf >= 0);
            if (b >= 0 && bf >= 0)
                CHECK_EQ_INT((rules->blocs[i].members >> f) & 1u,
                             (base->blocs[b].members >> bf) & 1u);
        }
}

static void check_removing_rules(const hv_rules *base, hv_rules *rules, hv_diag *diag)
{
    hv_rules_init(rules);
    CHECK_EQ_INT(hv_rules_load(rules, HV_TEST_DIR "/data/levels/removing_rules.yaml", diag), 0);
    CHECK_EQ_INT(diag->count, 0);
    CHECK(hv_rules_find_module_type(rules, "greenhouse") < 0);
    CHECK(hv_rules_find_event(rules, "greenhouse_blight") < 0);
    CHECK(hv_rules_find_event(rules, "dust_storm") < 0);
    CHECK(hv_rules_find_policy(rules, "security") < 0);
    /* The security module is another table's entry of the same name. */
    CHECK(hv_rules_find_module_type(rules, "security") >= 0);
    CHECK_EQ_INT(rules->module_type_count, base->module_type_count);
    CHECK_EQ_INT(rules->event_count, base->event_count - 1);
    CHECK_EQ_INT(rules->policy_count, base->policy_count - 1);
    int hydro = hv_rules_find_module_type(rules, "hydroponics");
    int rot = hv_rules_find_event(rules, "root_rot");
    CHECK(hydro >= 0 && rot >= 0);
    if (hydro >= 0 && rot >= 0)
        CHECK_EQ_INT(rules->events[rot].effect.break_type, hydro + 1);
    check_same_refs(base, rules);
}

/* The level on those rules plays 30 weeks with every bot, consistent every week. */
static void check_level_plays(const hv_rules *base)
{
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/data/levels/removing.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return;
    const hv_rules *r = &level->rules;
    CHECK(hv_rules_find_trait(r, "hothead") < 0);
    CHECK(hv_rules_find_role(r, "pilot") < 0);
    CHECK_EQ_INT(r->trait_count, base->trait_count - 1);
    CHECK_EQ_INT(r->role_count, base->role_count - 1);
    check_same_refs(base, r);
    hv_state *s = malloc(sizeof *s);
    for (int bot = 0; bot < HV_BOT_COUNT; bot++) {
        hv_level_new_game(level, (uint64_t)bot + 1, s);
        int weeks = 0;
        for (; weeks < 30 && s->outcome == HV_OUTCOME_RUNNING; weeks++) {
            hv_bot_plan((hv_bot_kind)bot, s);
            CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
            char why[200] = "";
            int bad = hv_state_check(s, why, sizeof why);
            if (bad)
                fprintf(stderr, "%s, week %d: %s\n", hv_bot_name((hv_bot_kind)bot), weeks, why);
            CHECK_EQ_INT(bad, 0);
        }
        CHECK(weeks >= 10);
        for (int32_t p = 0; p < s->person_count; p++)
            CHECK(s->people[p].trait >= 0 && s->people[p].trait <= r->trait_count);
    }
    free(s);
    hv_level_free(level);
}

static const char first[] =
    "format: 1\nkind: rules\nextends: base\n"
    "remove:\n"
    "  module_types: [greenhouse]\n"
    "  events: [greenhouse_blight]\n"
    "module_types:\n"
    "  hydroponics: {name: Hydroponics, cost: {materials: 40}, build_weeks: 2,"
    " upkeep: 3, crew: 1, power: -5, priority: 2}\n";

/* A file may define anew what a file it extends removed; removing it again is an error. */
static void check_chain(hv_rules *rules, hv_diag *diag)
{
    write_file("first.yaml", first);
    write_file("second.yaml",
               "format: 1\nkind: rules\nextends: first.yaml\n"
               "remove: {module_types: [hydroponics]}\n"
               "module_types:\n"
               "  greenhouse: {name: Glasshouse, cost: {materials: 9}, build_weeks: 1,"
               " upkeep: 1, crew: 1, power: -1, priority: 2}\n");
    CHECK_EQ_INT(load("second.yaml", rules, diag), 0);
    CHECK_EQ_INT(diag->count, 0);
    int g = hv_rules_find_module_type(rules, "greenhouse");
    CHECK(g >= 0 && strcmp(rules->module_types[g].name, "Glasshouse") == 0);
    CHECK(g >= 0 && rules->module_types[g].output[HV_RES_FOOD] == 0); /* new, not merged */
    CHECK(hv_rules_find_module_type(rules, "hydroponics") < 0);

    write_file("again.yaml", "format: 1\nkind: rules\nextends: first.yaml\n"
                             "remove: {module_types: [greenhouse]}\n");
    CHECK_EQ_INT(load("again.yaml", rules, diag), -1);
    CHECK(has_error(diag, 4, 25, "remove.module_types[0]: there is no module type 'greenhouse'"));
    reset(diag);
}

static void check_errors(hv_rules *rules, hv_diag *diag)
{
    /* Still named by an event of the game's: reported at the removal, with where. */
    write_file("named.yaml", "format: 1\nkind: rules\nextends: base\n"
                             "remove:\n  module_types: [greenhouse]\n");
    CHECK_EQ_INT(load("named.yaml", rules, diag), -1);
    CHECK(has_error(diag, 5, 18,
                    "remove.module_types[0]: module type 'greenhouse' is still named by "
                    "events.greenhouse_blight.choices[2].effect.break at "));
    CHECK(has_error(diag, 5, 18, "/rules/base.yaml:"));
    CHECK(!has_error(diag, 0, 0, "cannot be loaded"));
    CHECK_EQ_INT(diag->count, 1);
    reset(diag);

    write_file("typo.yaml", "format: 1\nkind: rules\nextends: base\n"
                            "remove: {events: [dust_strom], module_type: [reactor]}\n");
    CHECK_EQ_INT(load("typo.yaml", rules, diag), -1);
    CHECK(has_error(diag, 4, 19,
                    "remove.events[0]: there is no event 'dust_strom' to remove (did you mean "
                    "'dust_storm'?)"));
    CHECK(
        has_error(diag, 4, 32, "remove: unknown key 'module_type' (did you mean 'module_types'?)"));
    reset(diag);

    write_file("alone.yaml", "format: 1\nkind: rules\nremove: {events: [dust_storm]}\n");
    CHECK_EQ_INT(load("alone.yaml", rules, diag), -1);
    CHECK(has_error(diag, 3, 9, "remove: a rules file removes only from the rules it extends"));
    reset(diag);

    write_file("both.yaml", "format: 1\nkind: rules\nextends: base\n"
                            "remove: {module_types: [greenhouse], events: [greenhouse_blight]}\n"
                            "module_types:\n  greenhouse: {upkeep: 1}\n");
    CHECK_EQ_INT(load("both.yaml", rules, diag), -1);
    CHECK(has_error(diag, 6, 3,
                    "module_types.greenhouse: 'greenhouse' is removed by remove.module_types[0] on "
                    "line 4; a file cannot both remove an entry and define it"));
    reset(diag);

    write_file("twice.yaml", "format: 1\nkind: rules\nextends: base\n"
                             "remove: {traits: [ace, ace]}\n");
    CHECK_EQ_INT(load("twice.yaml", rules, diag), -1);
    CHECK(has_error(diag, 4, 24, "remove.traits[1]: 'ace' is listed twice"));
    reset(diag);

    write_file("empty.yaml", "format: 1\nkind: rules\nextends: base\n"
                             "remove: {roles: [commander, engineer, scientist, pilot, medic,"
                             " support_worker]}\n");
    CHECK_EQ_INT(load("empty.yaml", rules, diag), -1);
    CHECK(has_error(diag, 0, 0, "takes out the last role left; the rules need at least one"));
    reset(diag);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    hv_file_set_data_folders(HV_LEVEL_DIR "/..", NULL);
    hv_rules *base = malloc(sizeof *base), *rules = malloc(sizeof *rules);
    hv_diag diag;
    hv_diag_init(&diag);
    hv_rules_init(base);
    CHECK_EQ_INT(hv_rules_load(base, HV_LEVEL_DIR "/rules/base.yaml", &diag), 0);
    check_removing_rules(base, rules, &diag);
    check_level_plays(base);
    check_chain(rules, &diag);
    check_errors(rules, &diag);
    hv_diag_free(&diag);
    free(base);
    free(rules);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_EQ_INT(system(cmd), 0);
    return hv_test_done("data_rules_remove");
}
