/* Phase 7, the economy: the sponsors' funding, upkeep and pay, what the
 * policies add or take, the supply ships that arrive, and the iridium
 * shipments that reach Earth and are sold. */
#include <string.h>

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

/* What everyone at the base is paid this week: each role's pay, workers'
 * under the week's policy (D: the rules' derived data). */
static int64_t pay_of(const hv_state *s, const hv_rules_derived *d, const hv_effect *policy)
{
    int64_t role_pay[HV_MAX_ROLES];
    const int64_t *pays = d->role_pay; /* no policy on pay: as the rules say */
    if (policy->pay_pct && d->worker_roles) {
        memcpy(role_pay, d->role_pay, sizeof role_pay);
        for (uint32_t workers = d->worker_roles; workers; workers &= workers - 1) {
            int32_t i = __builtin_ctz(workers);
            role_pay[i] = d->role_pay[i] * (100 + policy->pay_pct) / 100;
        }
        pays = role_pay;
    }
    /* By the head counts the state keeps: a few roles, not everyone. */
    int64_t pay = 0;
    for (int32_t k = 0, n = s->rules->role_count; k < n; k++)
        pay += pays[k] * s->kept.by_role[k];
    return pay;
}

void hv_week_economy(hv_state *s, hv_report *report, const hv_week *w)
{
    const hv_rules *rules = s->rules;
    const hv_effect *policy = w->in_force;
    hv_rules_derived scratch;
    const hv_rules_derived *d = hv_rules_derived_of(rules, &scratch);
    for (int32_t i = 0; i < rules->sponsor_count; i++)
        hv_change_stock(s, report, HV_RES_FUNDS, hv_sponsor_funding(s, i), HV_CAUSE_FUNDING, i);
    hv_change_stock(s, report, HV_RES_FUNDS, -w->upkeep, HV_CAUSE_UPKEEP, -1);
    hv_change_stock(s, report, HV_RES_FUNDS, -pay_of(s, d, policy), HV_CAUSE_PAY, -1);
    /* Only resources some option names can be added or taken. */
    for (uint32_t bits = d->policy_resources; bits; bits &= bits - 1) {
        int r = __builtin_ctz(bits);
        hv_change_stock(s, report, r, policy->resources[r], HV_CAUSE_POLICY, -1);
    }
    _Static_assert(HV_RES_FUNDS == HV_RES_COUNT - 1, "funds come last");
    for (int r = 0; r < HV_RES_FUNDS; r++)
        if (s->stock[r] < 0)
            s->stock[r] = 0; /* a policy cannot take what is not there */
    for (int32_t i = 0; i < rules->supply_count; i++) {
        if (!ship_arrives(&rules->supply[i], s->turn))
            continue;
        for (uint32_t bits = d->supply_cargo[i]; bits; bits &= bits - 1) {
            int r = __builtin_ctz(bits);
            hv_change_stock(s, report, r, rules->supply[i].cargo[r], HV_CAUSE_SUPPLY, i);
        }
    }
    sell_shipments(s, report);
    s->broke_turns = s->stock[HV_RES_FUNDS] < 0 ? s->broke_turns + 1 : 0;
}
