/* Phase 7, the economy: the sponsors' funding, upkeep and pay, what the
 * policies add or take, the supply ships that arrive, and the iridium
 * shipments that reach Earth and are sold. */
#include "hv_phase.h"
#include "hv_turn.h"

static int ship_arrives(const hv_supply_ship *ship, int32_t week)
{
    if (week < ship->first_turn)
        return 0;
    if (ship->every <= 0)
        return week == ship->first_turn;
    return (week - ship->first_turn) % ship->every == 0;
}

/* Shipments of iridium reach Earth and are sold at this week's price, each
 * pushing it down for the next; then the market moves. */
static void sell_shipments(hv_state *s, hv_report *report)
{
    int32_t kept = 0;
    for (int32_t i = 0; i < s->shipment_count; i++) {
        hv_shipment *sh = &s->shipments[i];
        if (--sh->weeks_left > 0) {
            s->shipments[kept++] = *sh;
            continue;
        }
        hv_market_sell(s, report, sh->amount, 100, HV_CAUSE_MARKET, -1);
    }
    s->shipment_count = kept;
    hv_market_week(s, report);
}

void hv_phase_economy(hv_state *s, hv_report *report)
{
    hv_week w;
    hv_week_measure(s, &w);
    hv_week_economy(s, report, &w);
}

void hv_week_economy(hv_state *s, hv_report *report, const hv_week *w)
{
    const hv_rules *rules = s->rules;
    const hv_effect *policy = &w->policy;
    for (int32_t i = 0; i < rules->sponsor_count; i++)
        hv_change_stock(s, report, HV_RES_FUNDS, hv_sponsor_funding(s, i), HV_CAUSE_FUNDING, i);
    hv_change_stock(s, report, HV_RES_FUNDS, -w->upkeep, HV_CAUSE_UPKEEP, -1);
    /* Each role's pay under the week's policy, then everyone's. */
    int64_t role_pay[HV_MAX_ROLES], pay = 0;
    for (int32_t i = 0; i < rules->role_count; i++) {
        const hv_role *role = &rules->roles[i];
        role_pay[i] =
            role->klass == HV_CLASS_WORKER ? role->pay * (100 + policy->pay_pct) / 100 : role->pay;
    }
    for (int32_t i = 0; i < s->person_count; i++)
        pay += role_pay[s->people[i].role];
    hv_change_stock(s, report, HV_RES_FUNDS, -pay, HV_CAUSE_PAY, -1);
    for (int r = 0; r < HV_RES_COUNT; r++)
        hv_change_stock(s, report, r, policy->resources[r], HV_CAUSE_POLICY, -1);
    for (int r = 0; r < HV_RES_COUNT; r++)
        if (r != HV_RES_FUNDS && s->stock[r] < 0)
            s->stock[r] = 0; /* a policy cannot take what is not there */
    for (int32_t i = 0; i < rules->supply_count; i++) {
        if (!ship_arrives(&rules->supply[i], s->turn))
            continue;
        for (int r = 0; r < HV_RES_COUNT; r++)
            hv_change_stock(s, report, r, rules->supply[i].cargo[r], HV_CAUSE_SUPPLY, i);
    }
    sell_shipments(s, report);
    s->broke_turns = s->stock[HV_RES_FUNDS] < 0 ? s->broke_turns + 1 : 0;
}
