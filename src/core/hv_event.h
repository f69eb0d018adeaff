/* hv_event: what a turn did, as plain records. The core appends them to a
 * caller-owned hv_report; the CLI prints them as the turn report, the UI
 * will turn them into log lines, sounds and animations. Every change to a
 * stock carries its cause and, where there is one, the module or person. */
#ifndef HV_EVENT_H
#define HV_EVENT_H

#include <stdint.h>

#define HV_REPORT_CAP 4096

typedef enum hv_event_kind {
    HV_EV_ORDER_DONE,       /* order (index subject) applied */
    HV_EV_ORDER_REJECTED,   /* order (index subject) refused: value = hv_reject */
    HV_EV_RESOURCE,         /* stock of resource changed by amount */
    HV_EV_POWER,            /* amount = supply, value = demand (kW) */
    HV_EV_MODULE_UNPOWERED, /* module shut down for lack of power */
    HV_EV_MODULE_STARVED,   /* module ran below full for lack of inputs: value = per-mille */
    HV_EV_MODULE_BUILT,     /* construction finished */
    HV_EV_HEALTH,           /* person's health changed by amount */
    HV_EV_DEATH,            /* person died */
    HV_EV_DUST,             /* dust changed by amount, value = new level */
    HV_EV_OUTCOME,          /* game ended: value = hv_outcome, subject = goal index */
    HV_EV_TENSION,      /* tension of pair subject (a*16+b, -1 the classes) by amount, to value */
    HV_EV_MORALE,       /* average morale moved by amount (per-mille of a point), to value */
    HV_EV_INCIDENT,     /* value = hv_incident_kind; subject person or module id */
    HV_EV_SATISFACTION, /* sponsor subject's satisfaction by amount, to value */
    HV_EV_POLICY,       /* policy subject now has option value */
    /* asteroid subject: value = hv_asteroid_stage, amount = hv_mission_result; a
     * capture's arrival names its destination: HV_STAGE_ORBIT (Mars) or HV_STAGE_EARTH */
    HV_EV_MISSION,
    /* event subject fired: amount = its text shown, resource = the person its
     * text names (0: nobody); value = choice taken, or -1 */
    HV_EV_EVENT,
    HV_EV_PRICE, /* iridium price moved by amount, to value */
    HV_EV_MODULE_BROKEN,   /* module subject out of action for value weeks */
    HV_EV_MODULE_REPAIRED, /* module subject works again */
    HV_EV_PARTNER,  /* factions of pair subject (a*16+b) became partners (value 1) or split (0) */
    HV_EV_VOTE,     /* the board voted: amount = share for, per mille of funding; value = passed */
    HV_EV_FUNDING,  /* sponsor subject's funding changed by amount percent, to value percent */
    HV_EV_RIOT,     /* a riot broke out: subject = pair (a*16+b, -1 the classes), value = modules wrecked */
    HV_EV_SALE,    /* amount iridium sold on Earth for value funds; subject asteroid or -1 */
    HV_EV_HIJACK,  /* the redirect of asteroid subject was found out: value = hv_destination */
    HV_EV_MANDATE, /* the board now demands destination value - 1 (0: none) */
    HV_EV_FORECAST,        /* event subject announced: comes in amount weeks, in week value */
    HV_EV_FOLLOW_UP,       /* event subject set in motion by a choice: amount weeks, week value */
    HV_EV_DAYLIGHT,        /* a long day begins (value 1) or a long night (0), until week amount */
    HV_EV_STEP,            /* the level's step subject (0-based) is done */
    HV_EV_FLAG,            /* story flag subject set (value 1) or cleared (0) */
    HV_EV_KIND_COUNT
} hv_event_kind;

typedef enum hv_cause {
    HV_CAUSE_NONE,
    HV_CAUSE_ORDER,        /* a queued order */
    HV_CAUSE_PRODUCTION,   /* a module's recipe */
    HV_CAUSE_LIFE_SUPPORT, /* people breathing, drinking, eating */
    HV_CAUSE_SHORTAGE,     /* lack of a resource (resource set) */
    HV_CAUSE_EXPOSURE,     /* no powered bed */
    HV_CAUSE_RECOVERY,     /* needs met */
    HV_CAUSE_UPKEEP,       /* module running costs */
    HV_CAUSE_PAY,          /* crew wages */
    HV_CAUSE_FUNDING,      /* a sponsor's weekly funding */
    HV_CAUSE_SUPPLY,       /* a supply ship */
    HV_CAUSE_POWER,        /* power deficit */
    HV_CAUSE_CONSTRUCTION,
    HV_CAUSE_WEATHER,
    HV_CAUSE_GOAL,
    HV_CAUSE_INEQUALITY, /* a gap in morale between nations or classes */
    HV_CAUSE_JOINT_WORK, /* nations staffing modules together */
    HV_CAUSE_CALM,       /* tension easing in a quiet week */
    HV_CAUSE_INCIDENT,   /* strike, smuggling, sabotage, fight, defection */
    HV_CAUSE_POLICY,     /* a policy in force */
    HV_CAUSE_EVENT,      /* an event or a choice */
    HV_CAUSE_MISSION,    /* survey, capture, mining in orbit */
    HV_CAUSE_MARKET,     /* iridium sold on Earth, price moves */
    HV_CAUSE_MORALE,     /* people's mood settling */
    HV_CAUSE_AGENDA,     /* what a sponsor wants, weighed each week */
    HV_CAUSE_WORK,       /* strain and hazards of the work itself */
    HV_CAUSE_RIOT,       /* a riot and what it burns off */
    HV_CAUSE_PARTNERS,   /* a partnership between two factions */
    HV_CAUSE_SALE,       /* iridium sold at once pushing the price down */
    HV_CAUSE_COUNT
} hv_cause;

typedef struct hv_event {
    int32_t turn; /* week in which it happened, 1-based */
    hv_event_kind kind;
    hv_cause cause;
    int32_t subject;  /* module or person id, sponsor/goal/order index, or -1 */
    int32_t resource; /* hv_resource, or -1 */
    int64_t amount;
    int64_t value;
} hv_event;

typedef struct hv_report {
    hv_event events[HV_REPORT_CAP];
    int32_t count;
    int32_t dropped; /* events beyond the cap, counted so none vanish silently */
} hv_report;

/* Empties REPORT. */
void hv_report_clear(hv_report *report);
/* Appends one event; a NULL report is allowed and ignores it. */
void hv_report_add(hv_report *report, const hv_event *event);
/* Short lowercase name of an event kind, as used in JSON. */
const char *hv_event_kind_name(hv_event_kind kind);
/* Short lowercase name of a cause, as used in JSON. */
const char *hv_cause_name(hv_cause cause);

#endif
