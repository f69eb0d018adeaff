/* The campaign's carry from level to level (hv_carry.h). */
#include <string.h>

#include "hv_carry.h"
#include "hv_phase.h"

static int32_t clamp(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void hv_carry_init(hv_carry *carry)
{
    memset(carry, 0, sizeof *carry);
}

static int find_person(const hv_state *s, const char *name)
{
    for (int32_t i = 0; i < s->person_count; i++)
        if (strcmp(hv_person_name(s, &s->people[i]), name) == 0)
            return i;
    return -1;
}

/* The level's sponsor of faction ID, or -1. */
static int find_sponsor(const hv_rules *r, const char *id)
{
    int f = hv_rules_find_faction(r, id);
    for (int32_t i = 0; f >= 0 && i < r->sponsor_count; i++)
        if (r->sponsors[i].faction == f)
            return i;
    return -1;
}

void hv_carry_apply(hv_state *s, const hv_carry *c)
{
    const hv_rules *r = s->rules;
    for (int32_t i = 0; i < c->sponsor_count; i++) {
        int sp = find_sponsor(r, c->sponsor[i]);
        if (sp >= 0)
            s->satisfaction[sp] = clamp(s->satisfaction[sp] + c->change[i], 0, 100);
    }
    for (int32_t i = 0; i < c->flag_count; i++) {
        int f = hv_rules_find_flag(r, c->flags[i]);
        if (f >= 0)
            s->flags |= 1u << f;
    }
    for (int32_t i = 0; i < c->person_count; i++) {
        const hv_carry_person *cp = &c->people[i];
        int p = find_person(s, cp->name);
        if (p < 0)
            continue;
        if (cp->gone) {
            hv_remove_person(s, p);
            continue;
        }
        s->people[p].health = clamp(cp->health, 1, 100);
        s->people[p].morale = clamp(cp->morale, 0, 100);
        s->people[p].loyalty = clamp(cp->loyalty, 0, 100);
    }
}

static void put_sponsor(hv_carry *c, const char *id, int32_t change)
{
    int32_t i = 0;
    while (i < c->sponsor_count && strcmp(c->sponsor[i], id) != 0)
        i++;
    if (i == c->sponsor_count) {
        if (i == HV_MAX_SPONSORS)
            return;
        hv_copy_text(c->sponsor[i], HV_ID_LEN, id);
        c->sponsor_count++;
    }
    c->change[i] = change;
}

void hv_carry_take(const hv_state *start, const hv_state *end, const hv_carry_rule *rule,
                   const hv_carry *in, hv_carry *out)
{
    const hv_rules *r = end->rules;
    hv_carry_init(out);
    for (int32_t i = 0; i < in->sponsor_count; i++)
        if (find_sponsor(r, in->sponsor[i]) < 0)
            put_sponsor(out, in->sponsor[i], in->change[i]);
    for (int32_t sp = 0; sp < r->sponsor_count; sp++) {
        int32_t moved = end->satisfaction[sp] - r->sponsors[sp].satisfaction;
        put_sponsor(out, r->factions[r->sponsors[sp].faction].id,
                    moved * rule->satisfaction_pct / 100);
    }
    /* A named flag the level declares carries as it ended; one it does not
     * know passes on as it came in. */
    for (int32_t i = 0; i < rule->flag_count; i++) {
        int f = hv_rules_find_flag(r, rule->flags[i]);
        int set = f >= 0 ? (end->flags >> f & 1u) != 0 : 0;
        for (int32_t k = 0; f < 0 && k < in->flag_count; k++)
            set |= strcmp(in->flags[k], rule->flags[i]) == 0;
        if (set && out->flag_count < HV_MAX_FLAGS)
            hv_copy_text(out->flags[out->flag_count++], HV_ID_LEN, rule->flags[i]);
    }
    for (int32_t i = 0; i < rule->person_count; i++) {
        const char *name = rule->people[i];
        hv_carry_person cp = {{0}, 0, 0, 0, 0};
        hv_copy_text(cp.name, sizeof cp.name, name);
        int p = find_person(end, name);
        const hv_carry_person *came = NULL;
        for (int32_t k = 0; k < in->person_count; k++)
            if (strcmp(in->people[k].name, name) == 0)
                came = &in->people[k];
        if (p >= 0) {
            cp.health = end->people[p].health;
            cp.morale = end->people[p].morale;
            cp.loyalty = end->people[p].loyalty;
        } else if (find_person(start, name) >= 0) { /* died, or left the base */
            cp.gone = 1;
        } else if (came) {
            cp = *came;
        } else {
            continue;
        }
        out->people[out->person_count++] = cp;
    }
}
