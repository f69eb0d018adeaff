/* The iridium market on Earth. The price is kept in hundredths of funds so
 * that small weekly moves add up instead of rounding away; `price` is its
 * whole part, for display. Each week it swings at random and drifts back
 * toward the rules' price; a sale pushes it down by the market's
 * elasticity, and is paid at the average of the price before and after, so
 * a large sale earns less per unit than the same amount spread over weeks. */
#include "hv_phase.h"
#include "hv_turn.h"

static int64_t clamp_fine(const hv_market *m, int64_t fine)
{
    int64_t lo = m->price_min * 100, hi = m->price_max * 100;
    return fine < lo ? lo : fine > hi ? hi : fine;
}

void hv_market_set(hv_state *s, hv_report *report, int64_t fine, hv_cause cause, int32_t subject)
{
    fine = clamp_fine(&s->rules->market, fine);
    int64_t whole = fine / 100;
    /* Reported in whole funds, as players see it; the hundredths still count. */
    if (whole != s->price)
        hv_emit(report, s, HV_EV_PRICE, cause, subject, HV_RES_IRIDIUM, whole - s->price, whole);
    s->price_fine = fine;
    s->price = whole;
}

int64_t hv_market_price_after(const hv_state *s, int64_t amount)
{
    const hv_market *m = &s->rules->market;
    if (amount <= 0 || m->elasticity <= 0)
        return s->price_fine;
    /* Past a drop of 100% the floor is all that is left (and no overflow). */
    if (amount >= 10000 / m->elasticity + 1)
        return clamp_fine(m, 0);
    return clamp_fine(m, s->price_fine * (10000 - m->elasticity * amount) / 10000);
}

int64_t hv_market_quote(const hv_state *s, int64_t amount, int32_t share_pct)
{
    if (amount <= 0)
        return 0;
    int64_t average = (s->price_fine + hv_market_price_after(s, amount)) / 2;
    return amount * average / 100 * share_pct / 100;
}

int64_t hv_market_sell(hv_state *s, hv_report *report, int64_t amount, int32_t share_pct,
                       hv_cause cause, int32_t subject)
{
    if (amount <= 0)
        return 0;
    const hv_market *m = &s->rules->market;
    int64_t paid = hv_market_quote(s, amount, share_pct);
    hv_market_set(s, report, hv_market_price_after(s, amount), HV_CAUSE_SALE, subject);
    s->exported += amount;
    s->sold_week += amount;
    hv_emit(report, s, HV_EV_SALE, cause, subject, HV_RES_IRIDIUM, amount, paid);
    hv_change_stock(s, report, HV_RES_FUNDS, paid, cause, subject);
    int32_t pleased = (int32_t)(amount * m->satisfaction / 100);
    for (int32_t k = 0; k < s->rules->sponsor_count; k++)
        hv_satisfaction_add(s, report, k, pleased, HV_CAUSE_MARKET);
    return paid;
}

void hv_market_week(hv_state *s, hv_report *report)
{
    const hv_market *m = &s->rules->market;
    /* Always draw, so the RNG stream does not depend on whether anything sold. */
    int32_t swing = hv_rng_range(&s->rng, -m->swing_pct, m->swing_pct);
    int64_t fine = s->price_fine;
    int64_t pull = (m->price * 100 - fine) * m->recovery / 100;
    hv_market_set(s, report, fine + fine * swing / 100 + pull, HV_CAUSE_MARKET, -1);
}

void hv_market_shift(hv_state *s, hv_report *report, int32_t pct, hv_cause cause,
                     int32_t subject)
{
    int64_t fine = s->price_fine * (100 + pct) / 100;
    if (fine == s->price_fine)
        return;
    hv_market_set(s, report, fine, cause, subject);
}
