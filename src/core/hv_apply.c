/* Phase 1: the queued orders, applied in the order they were queued. */
#include <string.h>

#include "hv_phase.h"
#include "hv_turn.h"

static hv_reject order_build(hv_state *s, hv_report *report, const hv_order *o)
{
    const hv_rules *rules = s->rules;
    if (o->module_type < 0 || o->module_type >= rules->module_type_count)
        return HV_REJECT_BAD_TYPE;
    if (o->x < 0 || o->y < 0 || o->x >= rules->map_width || o->y >= rules->map_height)
        return HV_REJECT_OUT_OF_MAP;
    if (hv_state_module_at(s, o->x, o->y))
        return HV_REJECT_OCCUPIED;
    const hv_module_type *mt = &rules->module_types[o->module_type];
    if (!(mt->terrain_mask & (1u << hv_rules_terrain_at(rules, o->x, o->y))))
        return HV_REJECT_TERRAIN;
    if (s->module_count >= HV_MAX_MODULES)
        return HV_REJECT_TOO_MANY_MODULES;
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (mt->cost[r] > 0 && s->stock[r] < mt->cost[r])
            return HV_REJECT_CANNOT_AFFORD;
    int32_t id = hv_state_add_module(s, o->module_type, o->x, o->y, 0);
    for (int r = 0; r < HV_RES_COUNT; r++)
        hv_change_stock(s, report, r, -mt->cost[r], HV_CAUSE_CONSTRUCTION, id);
    return HV_REJECT_NONE;
}

static hv_reject order_demolish(hv_state *s, hv_report *report, const hv_order *o)
{
    hv_module *m = hv_state_module(s, o->module);
    if (!m)
        return HV_REJECT_NO_MODULE;
    for (int32_t i = 0; i < s->person_count; i++)
        if (s->people[i].module == m->id)
            hv_unassign(s, &s->people[i]);
    /* Half the materials come back: salvage is worth having, not free. */
    int64_t salvage = s->rules->module_types[m->type].cost[HV_RES_MATERIALS] / 2;
    hv_change_stock(s, report, HV_RES_MATERIALS, salvage, HV_CAUSE_CONSTRUCTION, m->id);
    int32_t index = (int32_t)(m - s->modules);
    memmove(m, m + 1, (size_t)(s->module_count - index - 1) * sizeof *m);
    s->module_count--;
    hv_state_recount(s); /* the modules after it moved down */
    return HV_REJECT_NONE;
}

static hv_reject order_assign(hv_state *s, const hv_order *o)
{
    hv_person *p = hv_state_person(s, o->person);
    if (!p)
        return HV_REJECT_NO_PERSON;
    if (p->away)
        return HV_REJECT_CREW;
    hv_module *m = hv_state_module(s, o->module);
    if (!m)
        return HV_REJECT_NO_MODULE;
    if (p->module == m->id)
        return HV_REJECT_NONE;
    if (m->crew >= s->rules->module_types[m->type].crew_slots)
        return HV_REJECT_NO_SLOT;
    hv_unassign(s, p);
    p->module = m->id;
    hv_kept_free(s, p);
    m->crew++;
    hv_kept_module(s, m);
    return HV_REJECT_NONE;
}

static hv_reject order_unassign(hv_state *s, const hv_order *o)
{
    hv_person *p = hv_state_person(s, o->person);
    if (!p)
        return HV_REJECT_NO_PERSON;
    if (!p->module)
        return HV_REJECT_NOT_ASSIGNED;
    hv_unassign(s, p);
    return HV_REJECT_NONE;
}

static hv_reject order_priority(hv_state *s, const hv_order *o)
{
    hv_module *m = hv_state_module(s, o->module);
    if (!m)
        return HV_REJECT_NO_MODULE;
    if (o->value < 1 || o->value > 9)
        return HV_REJECT_BAD_VALUE;
    m->priority = o->value;
    return HV_REJECT_NONE;
}

hv_reject hv_order_policy(hv_state *s, hv_report *report, const hv_order *o)
{
    const hv_rules *rules = s->rules;
    if (o->target < 0 || o->target >= rules->policy_count)
        return HV_REJECT_BAD_VALUE;
    const hv_policy *p = &rules->policies[o->target];
    if (o->value < 0 || o->value >= p->option_count)
        return HV_REJECT_BAD_VALUE;
    if (s->policy[o->target] == o->value)
        return HV_REJECT_NONE;
    if (p->locked)
        return HV_REJECT_LOCKED;
    if (s->policy_since[o->target] > 0 && s->turn - s->policy_since[o->target] < p->cooldown)
        return HV_REJECT_COOLDOWN;
    s->policy[o->target] = o->value;
    s->policy_since[o->target] = s->turn;
    hv_emit(report, s, HV_EV_POLICY, HV_CAUSE_ORDER, o->target, -1, 0, o->value);
    return HV_REJECT_NONE;
}

hv_reject hv_order_answer(hv_state *s, hv_report *report, const hv_order *o)
{
    if (s->pending < 0)
        return HV_REJECT_NO_EVENT;
    /* An answer meant for one event never answers another by chance. */
    if (o->target > 0 && o->target - 1 != s->pending)
        return HV_REJECT_OTHER_EVENT;
    const hv_event_def *ev = &s->rules->events[s->pending];
    if (o->value < 0 || o->value >= ev->choice_count)
        return HV_REJECT_BAD_VALUE;
    int32_t index = s->pending;
    s->pending = -1;
    s->event_answer[index] = o->value + 1;
    hv_emit(report, s, HV_EV_EVENT, HV_CAUSE_ORDER, index, -1, 0, o->value);
    hv_effect_apply(s, report, &ev->choices[o->value].effect, HV_CAUSE_EVENT, index);
    s->side[0] = HV_SIDE_WORKERS; /* the incident's sides are settled with it */
    s->side[1] = HV_SIDE_STAFF;
    return HV_REJECT_NONE;
}

static hv_reject apply_order(hv_state *s, hv_report *report, const hv_order *o)
{
    switch (o->kind) {
    case HV_ORDER_BUILD:
        return order_build(s, report, o);
    case HV_ORDER_DEMOLISH:
        return order_demolish(s, report, o);
    case HV_ORDER_ASSIGN:
        return order_assign(s, o);
    case HV_ORDER_UNASSIGN:
        return order_unassign(s, o);
    case HV_ORDER_PRIORITY:
        return order_priority(s, o);
    case HV_ORDER_POLICY:
        return hv_order_policy(s, report, o);
    case HV_ORDER_SURVEY:
        return hv_order_survey(s, report, o);
    case HV_ORDER_CAPTURE:
        return hv_order_capture(s, report, o);
    case HV_ORDER_EXPORT:
        return hv_order_export(s, report, o);
    case HV_ORDER_ANSWER:
        return hv_order_answer(s, report, o);
    case HV_ORDER_REDIRECT:
        return hv_order_redirect(s, report, o);
    default:
        return HV_REJECT_BAD_VALUE;
    }
}

void hv_state_after_orders(const hv_state *s, hv_state *out)
{
    hv_state_copy(out, s);
    hv_phase_orders(out, NULL);
}

hv_reject hv_order_check(const hv_state *s, const hv_order *o, hv_state *scratch)
{
    hv_state_after_orders(s, scratch);
    return apply_order(scratch, NULL, o);
}

void hv_phase_orders(hv_state *s, hv_report *report)
{
    for (int32_t i = 0; i < s->order_count; i++) {
        hv_reject why = apply_order(s, report, &s->orders[i]);
        hv_emit(report, s, why == HV_REJECT_NONE ? HV_EV_ORDER_DONE : HV_EV_ORDER_REJECTED,
                HV_CAUSE_ORDER, i, -1, s->orders[i].kind, why);
    }
    s->order_count = 0;
}
