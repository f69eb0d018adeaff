#include "hv_event.h"

#include <string.h>

void hv_report_clear(hv_report *report)
{
    report->count = 0;
    report->dropped = 0;
}

void hv_report_add(hv_report *report, const hv_event *event)
{
    if (!report)
        return;
    if (report->count >= HV_REPORT_CAP) {
        report->dropped++;
        return;
    }
    report->events[report->count++] = *event;
}

const char *hv_event_kind_name(hv_event_kind kind)
{
    static const char *const names[HV_EV_KIND_COUNT] = {
        "order_done",      "order_rejected", "resource", "power",    "module_unpowered",
        "module_starved",  "module_built",   "health",   "death",    "dust",
        "outcome",         "tension",        "morale",   "incident", "satisfaction",
        "policy",          "mission",        "event",    "price",    "module_broken",
        "module_repaired", "partner",        "vote",     "funding",  "riot",
        "sale",            "hijack",         "mandate",  "forecast", "follow_up",
        "daylight",        "step",
    };
    return (kind >= 0 && kind < HV_EV_KIND_COUNT) ? names[kind] : "?";
}

const char *hv_cause_name(hv_cause cause)
{
    static const char *const names[HV_CAUSE_COUNT] = {
        "none",         "order",   "production", "life_support", "shortage",   "exposure",
        "recovery",     "upkeep",  "pay",        "funding",      "supply",     "power",
        "construction", "weather", "goal",       "inequality",   "joint_work", "calm",
        "incident",     "policy",  "event",      "mission",      "market",     "morale",
        "agenda",       "work",    "riot",       "partners",
        "sale",
    };
    return (cause >= 0 && cause < HV_CAUSE_COUNT) ? names[cause] : "?";
}
