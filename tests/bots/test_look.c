/* The look's figures about the modules and the people, read from the
 * counts the state keeps (hv_kept), are what a walk over every module and
 * person gives: week after week of the sandbox, played by the balanced
 * bot, the greedy one and the random one (which builds, demolishes and
 * reassigns at random), the pay and upkeep, the beds, what is made on
 * net, whether a module went without power, the modules going up, the
 * open crew slots and who is free to work. */
#include "hv_bot.h"
#include "hv_bot_view.h"
#include "hv_level.h"
#include "hv_test.h"
#include "hv_turn.h"

#include <stdint.h>
#include <stdlib.h>

/* The figures the look reads of the modules, by a walk over every one. */
typedef struct walked {
    int64_t upkeep, beds, net[HV_RES_COUNT];
    int shed;
    uint32_t pending, open_types;
    int32_t open_count, open[HV_MAX_MODULES], slots[HV_MAX_MODULES];
} walked;

static void walk(const hv_state *s, walked *w)
{
    const hv_rules *r = s->rules;
    const hv_rules_derived *d = &r->derived;
    memset(w, 0, sizeof *w);
    for (int32_t i = 0; i < s->module_count; i++) {
        const hv_module *m = &s->modules[i];
        const hv_module_type *mt = &r->module_types[m->type];
        int32_t full = mt->crew_slots, slots = full - m->crew;
        w->upkeep += mt->upkeep;
        w->beds += mt->housing;
        if (m->status != HV_MODULE_ACTIVE) {
            w->pending |= 1u << m->type;
            slots = m->build_left <= 1 ? slots : 0;
        } else if (!m->broken) {
            int64_t share = full <= 0 || m->crew == full ? 1000 : m->crew * 1000 / full;
            for (int res = 0; res < HV_RES_COUNT; res++)
                w->net[res] += share == 1000 ? d->bot_made[m->type][res]
                                             : d->bot_made[m->type][res] * share / 1000;
            if (!m->powered && m->crew > 0)
                w->shed |= d->bot_draws >> m->type & 1u;
        }
        if (slots > 0) {
            w->open_types |= 1u << m->type;
            w->slots[w->open_count] = slots;
            w->open[w->open_count++] = i;
        }
    }
    w->pending |= w->open_types;
}

/* Compares the look at S with the walk; returns the open slots seen. */
static int32_t check_week(hv_bot_view *v, hv_state *s)
{
    walked w;
    walk(s, &w);
    hv_bot_look(v, s, 0);
    int64_t pay = 0, need[HV_RES_COUNT];
    for (int32_t i = 0; i < s->person_count; i++)
        pay += s->rules->roles[s->people[i].role].pay;
    CHECK_EQ_INT(v->costs, w.upkeep + pay);
    CHECK_EQ_INT(v->beds, w.beds);
    for (int res = 0; res < HV_RES_COUNT; res++) {
        need[res] = v->need[res];
        CHECK_EQ_INT(v->net[res], w.net[res] - need[res]);
    }
    CHECK_EQ_INT(v->shed, w.shed);
    CHECK_EQ_INT(v->pending, w.pending);
    CHECK_EQ_INT(v->open_types, w.open_types);
    CHECK_EQ_INT(v->open_count, w.open_count);
    int32_t free_count = 0;
    for (int32_t i = 0; i < s->person_count; i++)
        if (!s->people[i].module && !s->people[i].away) {
            CHECK(free_count < v->free_count && v->free_people[free_count] == i);
            free_count++;
        }
    CHECK_EQ_INT(v->free_count, free_count);
    for (int32_t k = 0; k < w.open_count && k < v->open_count; k++) {
        CHECK_EQ_INT(v->open[k], w.open[k]);
        CHECK_EQ_INT(v->open_type[k], s->modules[w.open[k]].type);
        CHECK_EQ_INT(v->slots[v->open[k]], w.slots[k]);
    }
    return w.open_count;
}

int main(void)
{
    hv_level *level = hv_level_load_printing(HV_TEST_DIR "/../levels/sandbox.yaml", stderr);
    CHECK(level != NULL);
    if (!level)
        return hv_test_done("bots_look");
    hv_state *s = malloc(sizeof *s);
    hv_bot_view *v = malloc(sizeof *v);
    const hv_bot_kind kinds[] = {HV_BOT_BALANCED, HV_BOT_GREEDY, HV_BOT_RANDOM};
    int32_t open = 0, shed = 0, demolished = 0;
    for (int k = 0; k < 3; k++) {
        for (uint64_t seed = 1; seed <= 3; seed++) {
            hv_level_new_game(level, seed, s);
            for (int32_t week = 0; week < 160 && s->outcome == HV_OUTCOME_RUNNING; week++) {
                open += check_week(v, s) > 0;
                shed += v->shed;
                int32_t before = s->next_module_id - 1 - s->module_count;
                hv_bot_plan(kinds[k], s);
                CHECK_EQ_INT(hv_end_turn(s, NULL), HV_TURN_DONE);
                demolished += s->next_module_id - 1 - s->module_count > before;
            }
        }
    }
    /* The weeks seen hold open slots, modules without power and demolitions. */
    CHECK(open > 0);
    CHECK(shed > 0);
    CHECK(demolished > 0);
    free(v);
    free(s);
    hv_level_free(level);
    return hv_test_done("bots_look");
}
