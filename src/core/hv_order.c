#include "hv_order.h"

const char *hv_order_kind_name(hv_order_kind kind)
{
    static const char *const names[HV_ORDER_KIND_COUNT] = {
        "build",  "demolish", "assign",  "unassign", "priority",
        "policy", "survey",   "capture", "export",   "answer", "redirect",
    };
    return (kind >= 0 && kind < HV_ORDER_KIND_COUNT) ? names[kind] : "?";
}

const char *hv_reject_text(hv_reject reason)
{
    static const char *const texts[HV_REJECT_COUNT] = {
        "accepted",
        "no such module type",
        "outside the map",
        "that site is taken",
        "the ground there does not suit it",
        "not enough stock to pay for it",
        "the base cannot hold more modules",
        "no such module",
        "no such person",
        "the module has no free crew slot",
        "the person has no assignment",
        "value out of range",
        "that policy changed too recently",
        "no spaceport is running",
        "a mission to that asteroid is under way or over",
        "the launch window is closed",
        "the crew cannot fly: wrong roles, away, or the same person",
        "no event is waiting for an answer",
        "the board has mandated the other destination",
        "no capture is on its way to that asteroid",
        "this level does not let that policy change",
        "another event is waiting for an answer",
    };
    return (reason >= 0 && reason < HV_REJECT_COUNT) ? texts[reason] : "?";
}
