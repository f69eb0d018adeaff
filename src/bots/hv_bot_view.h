/* hv_bot_view: what the bots share: one look at the base per week, and
 * the worth of a resource, a module type or an effect in funds, read from
 * the rules and the state alone. Internal to src/bots. Worths are in
 * hundredths of a unit of funds, so they stay whole numbers. */
#ifndef HV_BOT_VIEW_H
#define HV_BOT_VIEW_H

#include "hv_bot.h"
#include "hv_order.h"
#include "hv_rules.h"
#include "hv_state.h"

/* What a bot sees of the base this week, and what it has already decided. */
typedef struct hv_bot_view {
    hv_state *s;
    const hv_rules *r;
    int greedy;
    int64_t net[HV_RES_COUNT];   /* expected change per week */
    int64_t need[HV_RES_COUNT];  /* eaten, drunk, breathed per week */
    int64_t keep[HV_RES_COUNT];  /* what the win goals want held */
    int64_t worth[HV_RES_COUNT]; /* of one unit, in hundredths of funds */
    int64_t rise[HV_RES_COUNT];  /* what making it adds to a module type's value, beyond worth */
    int64_t fall[HV_RES_COUNT];  /* what using it up adds */
    int64_t costs;               /* pay and upkeep per week */
    int64_t beds;                /* in every module placed, powered or not */
    int shed;                    /* a crewed module that wants power went without last week */
    int64_t funding;             /* sponsors' pay per week at full satisfaction, in all */
    int64_t paid;                /* what they pay this week, at today's satisfaction */
    int64_t output_worth;        /* of the base's production in one week */
    int64_t worker_pay;          /* workers' pay per week */
    int32_t staff, workers;      /* head counts */
    int64_t health;              /* everyone's, summed */
    int32_t tension, class_tension;
    int32_t worst_a, worst_b; /* the pair of nations with the highest tension, or -1 */
    int32_t min_satisfaction;
    int32_t weeks_left; /* until the level's deadline, or a year */
    uint32_t scarce;    /* bit per resource nothing adds to: not made on net, not supplied */
    /* Bit per asteroid still out there (HV_STAGE_FAR), with a capture crew
     * on its way, and in reach (out there, on its way or in Mars orbit). */
    uint32_t far, capturing, reach;
    /* Weights every worth of the week reads, weighed once as the view is
     * filled (a week weighs a few dozen effects and module types). */
    int64_t tension_w, class_w;         /* of a point of tension held, at today's */
    int64_t staff_w, workers_w;         /* of a point of morale for all staff, all workers */
    int64_t point_w[HV_MAX_SPONSORS];   /* of a point of each sponsor's satisfaction */
    int64_t points_w;                   /* of a point for every sponsor */
    int64_t pay_w[HV_MAX_SPONSORS];     /* its agenda's pay weight times point_w */
    int64_t faction_w[HV_MAX_FACTIONS]; /* point_w summed over the sponsors of each faction */
    /* What hv_bot_policy_pick weighs alike for every option this week. */
    int64_t horizon;    /* weeks a policy is weighed for */
    int64_t incident_w; /* of a percent of incident chance */
    int64_t joint_w;    /* of crews mixing across nations */
    /* The sponsors whose nation has people at the base and whose
     * satisfaction is worth something, with its head counts and the mood
     * that writes home (hv_sponsor_mood). A change of morale whose sum over
     * the nation, staff times ds plus workers times dw, lies strictly
     * between low and high leaves the mood as it is. */
    int32_t heard_count;
    /* The most what the moods write home can gain a week when every
     * nation's mean rises ten points or less (a step each, below the top),
     * or -1 when some sponsor's point is worth less than nothing. */
    int64_t mood_up;
    /* The same when no nation's mean rises more than T points (T of 1..10):
     * a nation whose band reaches T points above its mean cannot rise. */
    int64_t mood_up_at[11];
    struct hv_bot_nation {
        int32_t sponsor;
        int32_t mood;
        int64_t staff, workers, people, mean;
        int64_t low, high;
    } heard[HV_MAX_SPONSORS];
    uint32_t valued;                         /* bit per module type in type_value */
    int32_t type_value[HV_MAX_MODULE_TYPES]; /* hv_bot_type_value, weighed on first use */
    int32_t free_count;
    int32_t free_people[HV_MAX_PEOPLE];
    int32_t open_count;            /* modules with free crew slots at the look */
    uint32_t open_types;           /* bit per module type of theirs */
    int32_t open[HV_MAX_MODULES];  /* their indices, ascending */
    int32_t open_type[HV_MAX_MODULES]; /* and their module types */
    int32_t slots[HV_MAX_MODULES]; /* free crew slots left, of the modules in open */
    int32_t taken[2];              /* modules staffing took someone from, or -1 */
    uint32_t pending;              /* bit per module type going up or with slots to fill */
    int restaffed;                 /* staffing filled slots since pending was marked */
    const hv_rules_derived *d;     /* the rules' derived data, or scratch's */
    hv_rules_derived scratch;
} hv_bot_view;

/* Fills V for STATE; GREEDY weighs only money and mining. */
void hv_bot_look(hv_bot_view *v, hv_state *state, int greedy);
/* Queues one order of KIND: A and B are (person, module) for assign,
 * (target) for policy, survey and redirect, (x, y) with VALUE the type for build,
 * (module) for priority and demolish. */
void hv_bot_order(hv_state *s, hv_order_kind kind, int32_t a, int32_t b, int32_t value);
/* How much the base wants one more running module of TYPE. */
int32_t hv_bot_type_value(const hv_bot_view *v, int32_t type);
/* At least the most hv_bot_type_value gives any module type of TYPES
 * (bits), read from the week's worths without weighing each type. */
int64_t hv_bot_types_bound(const hv_bot_view *v, uint32_t types);
/* Weighs each module type of TYPES (bits) not weighed yet this week. */
void hv_bot_value_types(hv_bot_view *v, uint32_t types);
/* hv_bot_type_value of TYPE, weighed once a week on first use. */
static inline int32_t hv_bot_type_value_at(hv_bot_view *v, int32_t type)
{
    if (!(v->valued >> type & 1u)) {
        v->type_value[type] = hv_bot_type_value(v, type);
        v->valued |= 1u << type;
    }
    return v->type_value[type];
}
/* How much the base wants module I (by index) staffed, as staffing left it. */
static inline int32_t hv_bot_module_value(hv_bot_view *v, int32_t i)
{
    if (i == v->taken[0] || i == v->taken[1])
        return 100000; /* staffing took someone from it: never again */
    return hv_bot_type_value_at(v, v->s->modules[i].type);
}
/* Worth of one point of tension held for a week at NOW points. */
int64_t hv_bot_tension_weight(const hv_bot_view *v, int32_t now);
/* The option policy P should change to this week, or -1: the option
 * whose declared effects are worth most held for the weeks ahead, when it
 * is worth a clear margin more than the one in force. */
int32_t hv_bot_policy_pick(const hv_bot_view *v, int32_t p);
/* Queues, for each policy that may change this week, the option
 * hv_bot_policy_pick picks, if any. */
void hv_bot_govern(hv_bot_view *v);
/* Worth of an event's or a choice's effect, applied once. */
int64_t hv_bot_choice_worth(const hv_bot_view *v, const hv_effect *e);
/* Whether policy P may change in the coming week. */
static inline int hv_bot_policy_ready(const hv_state *s, int32_t p)
{
    if (s->rules->policies[p].locked)
        return 0;
    return s->policy_since[p] == 0 ||
           s->turn + 1 - s->policy_since[p] >= s->rules->policies[p].cooldown;
}

/* Fills O with a capture of ASTEROID by the pilot and engineer with the
 * best odds; returns the odds per mille, or -1 when no crew can fly. */
int32_t hv_bot_capture_crew(const hv_state *s, int32_t asteroid, hv_order *o);

/* The strategies (each queues orders; none ends the turn). */
void hv_bot_answer(const hv_bot_view *v, int first);
void hv_bot_balanced(hv_bot_view *v);
void hv_bot_random(hv_state *s);
void hv_bot_planner(hv_state *s, const hv_bot_limits *limits);

#endif
